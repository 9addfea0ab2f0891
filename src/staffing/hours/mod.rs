//! When a forecast interval is open: on the queue's channel's hours, and on
//! the hours of each SLA whose targets the queue is staffed for. One
//! judgement, read by every rule and by `cxc staff` through
//! [`super::QueuePlan::staff`], so they cannot disagree.
//!
//! An interval's `start` says where it lies:
//! - a timestamp with an offset (`2027-01-11T02:00:00+03:00`, `…Z`, or
//!   the offset apart: `2027-04-04 02:00 +10:00`) is an instant; a date
//!   and time without one (`2027-01-11T02:00`, `2027-01-11 02:00`) is read
//!   in the queue's `timezone` when it names one (a night centre writing
//!   its own local times), else in the time zone of the channel's hours
//!   (else the first calendar that names a zone, else UTC), at a clock
//!   change as `dating` says.
//!   Holidays count.
//! - a time of day (`08:30`, `08:30:00`) is that time on a typical day, on
//!   the clock of that same zone: the interval is open on a calendar
//!   when it is open then on some weekday (holidays are not typical days).
//!   A calendar in another zone is read on that clock, in winter and in
//!   summer where daylight saving moves the two apart (open in either);
//! - a weekday and a time (`mon 08:30`, `Monday 08:30`, `пн 08:30`) is that
//!   time on that day of a typical week (holidays aside);
//! - a forecast of one figure (`forecast 120 per 30m`) stands for every
//!   interval the channel is open: the whole week;
//! - anything else places the interval nowhere: it is judged as if there
//!   were no hours (every calendar open), and `headcount-short` counts it
//!   beside every interval — the language does not say how a start is
//!   written, so such a forecast still compiles.
//!
//! The channel is open in an interval when its hours are open at some
//! moment of it. An SLA's targets are judged in it when the SLA's hours and
//! the channel's are open at a common moment of it.
//!
//! - `start`: a row's start as written; `open`: a calendar's hours read
//!   for a zone (shared), and the stretches an interval stands for.

mod open;
mod start;

pub use open::Sharing;
pub use start::Start;

use crate::model::clock;
use crate::model::{Calendar, Idx, Model};
use jiff::tz::TimeZone;
use open::{intersect, length, meet, stretches, Hours};
use std::sync::Arc;

const DAY: i64 = 86_400;
const WEEK: i64 = 7 * DAY;

/// Where an interval lies in time.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    /// Seconds since 1970 UTC.
    Instant(i64),
    /// Seconds after midnight of a typical day.
    Daily(i64),
    /// Seconds after Monday 00:00 of a typical week.
    Weekly(i64),
    /// The whole week (a forecast of one figure).
    Week,
    /// A start cxc cannot place: open on every calendar.
    Unknown,
}

/// Where an interval of a forecast lies, for matching intervals of
/// different forecasts: the same instant however it is written, the same
/// time of a typical day or week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slot {
    Instant(i64),
    Daily(i64),
    Weekly(i64),
}
/// How often an interval recurs in a week (see [`Schedule::in_week`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum InWeek {
    /// Once, at this instant (a dated forecast: its own range says how
    /// many weeks it spans).
    At(i64),
    /// This many times in every week.
    Times(f64),
}

/// A queue's hours: its channel's, and those of each SLA clock its targets
/// run on.
#[derive(Debug, Clone)]
pub struct Schedule {
    channel: Arc<Hours>,
    /// The hours the queue is worked (cxc addition: its own or its team's
    /// `hours`), when they are given: the channel counts as open only
    /// while they are open too.
    worked: Option<Arc<Hours>>,
    clocks: Vec<Arc<Hours>>,
    /// Where a date and time without an offset is read.
    zone: TimeZone,
}

/// See [`Schedule::hours_key`].
pub type HoursKey<'s> = (
    Option<Idx<Calendar>>,
    Option<Option<Idx<Calendar>>>,
    &'s str,
);

/// Which hours are open in one interval.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Open {
    pub channel: bool,
    /// The channel's own hours are open in the interval, but the queue is
    /// not worked then (its own or its team's `hours` are closed): what is
    /// closed is the queue, not the channel (audit 17, L2).
    pub unworked: bool,
    /// Per clock (see [`Schedule::clock`]): open together with the channel.
    pub clocks: Vec<bool>,
}

impl PartialEq for Schedule {
    fn eq(&self, other: &Schedule) -> bool {
        let ids = |s: &Schedule| {
            std::iter::once(s.channel.id)
                .chain(s.worked.iter().map(|h| h.id))
                .chain(s.clocks.iter().map(|h| h.id))
                .collect::<Vec<_>>()
        };
        ids(self) == ids(other) && self.zone == other.zone
    }
}
impl Schedule {
    pub fn new(model: &Model, channel: Option<Idx<Calendar>>) -> Schedule {
        let zone = channel.map_or_else(
            || clock::home_zone(model),
            |c| clock::zone(&model.calendars[c]),
        );
        Schedule {
            channel: Hours::shared(model, channel, &zone),
            worked: None,
            clocks: Vec::new(),
            zone,
        }
    }

    /// The same hours for a queue worked only in `worked` (cxc addition:
    /// the queue's or its team's `hours`, [`Model::queue_hours`]): its
    /// intervals are open, its seats counted and its targets judged only
    /// while the channel and those hours are both open — a centre of a
    /// follow-the-sun line staffs its own office hours, not the line's
    /// 24x7 (audit 13, H1b).
    pub fn worked_in(mut self, model: &Model, worked: Option<Idx<Calendar>>) -> Schedule {
        self.worked = worked.map(|c| Hours::shared(model, Some(c), &self.zone));
        self
    }

    /// The same hours for a forecast whose times are written in the zone
    /// `name` (a queue's `timezone`), when the database knows it: its times
    /// of day and dates without an offset are read there, and the hours
    /// are seen on that clock.
    pub fn written_in(self, model: &Model, name: Option<&str>) -> Schedule {
        let Some(zone) = name.and_then(|n| jiff::tz::db().get(n).ok()) else {
            return self;
        };
        let rebuild = |h: &Arc<Hours>| Hours::shared(model, h.id, &zone);
        Schedule {
            channel: rebuild(&self.channel),
            worked: self.worked.as_ref().map(rebuild),
            clocks: self.clocks.iter().map(rebuild).collect(),
            zone,
        }
    }

    /// Where a date and time without an offset is read: the queue's
    /// `timezone`, else the zone of the channel's hours (else the spec's
    /// home zone).
    pub fn zone(&self) -> &TimeZone {
        &self.zone
    }

    /// The index of an SLA clock (its `hours`; `None`: around the clock),
    /// added when first asked for.
    pub fn clock(&mut self, model: &Model, calendar: Option<Idx<Calendar>>) -> usize {
        match self.clocks.iter().position(|h| h.id == calendar) {
            Some(i) => i,
            None => {
                self.clocks.push(Hours::shared(model, calendar, &self.zone));
                self.clocks.len() - 1
            }
        }
    }

    /// The calendar of a clock (see [`Schedule::clock`]); `None`: around
    /// the clock.
    pub fn calendar(&self, clock: usize) -> Option<Idx<Calendar>> {
        self.clocks.get(clock).and_then(|h| h.id)
    }

    /// Where the interval starting at `start` lies, if `start` is one.
    pub fn slot(&self, start: &str) -> Option<Slot> {
        match self.place(start) {
            Place::Instant(t) => Some(Slot::Instant(t)),
            Place::Daily(s) => Some(Slot::Daily(s)),
            Place::Weekly(s) => Some(Slot::Weekly(s)),
            Place::Week | Place::Unknown => None,
        }
    }

    /// The time of day a start is written at, in seconds after midnight on
    /// its own clock: a local date and time as written, a time with an
    /// offset at that offset (`2027-01-11T09:00+03:00` is 09:00; `…Z` on
    /// UTC's clock).
    pub fn written_time_of_day(&self, start: &str) -> Option<i64> {
        let seconds = |t: jiff::civil::Time| {
            i64::from(t.hour()) * 3600 + i64::from(t.minute()) * 60 + i64::from(t.second())
        };
        match Start::read(start)? {
            Start::Local(local) => Some(seconds(local.time())),
            Start::Instant(t) => {
                let text = start.trim();
                let civil = text.parse::<jiff::civil::DateTime>().ok().or_else(|| {
                    let (local, _) = text.rsplit_once(' ')?;
                    local.trim_end().parse::<jiff::civil::DateTime>().ok()
                });
                Some(seconds(civil.map_or_else(
                    || t.to_zoned(jiff::tz::TimeZone::UTC).time(),
                    |c| c.time(),
                )))
            }
            Start::Daily(s) | Start::Weekly(s) => Some(s.rem_euclid(DAY)),
        }
    }

    /// The hours open in the interval starting at `start` (`None`: a
    /// forecast of one figure) and lasting `seconds`.
    pub fn open(&self, start: Option<&str>, seconds: u64) -> Open {
        let place = self.place_of(start);
        if place == Place::Unknown {
            return Open {
                channel: true,
                unworked: false,
                clocks: vec![true; self.clocks.len()],
            };
        }
        let stretches = stretches(place, seconds);
        let channel = self.channel_open(place, &stretches);
        let clocks = self
            .clocks
            .iter()
            .map(|hours| {
                stretches
                    .iter()
                    .zip(&channel)
                    .any(|(&(a, b), open)| meet(open, &hours.open(place, a, b)))
            })
            .collect();
        let open = channel.iter().any(|o| !o.is_empty());
        let unworked = !open
            && self.worked.is_some()
            && (stretches.iter()).any(|&(a, b)| !self.channel.open(place, a, b).is_empty());
        Open {
            channel: open,
            unworked,
            clocks,
        }
    }

    fn place_of(&self, start: Option<&str>) -> Place {
        match start {
            None => Place::Week,
            Some(start) => self.place(start),
        }
    }

    /// The channel's open stretches within each of `stretches`, while the
    /// queue is worked ([`Schedule::worked_in`]).
    fn channel_open(&self, place: Place, stretches: &[(i64, i64)]) -> Vec<Vec<(i64, i64)>> {
        stretches
            .iter()
            .map(|&(a, b)| {
                let open = self.channel.open(place, a, b);
                match &self.worked {
                    Some(worked) => intersect(&open, &worked.open(place, a, b)),
                    None => open,
                }
            })
            .collect()
    }

    /// Whether the channel is open at some moment of the interval lying at
    /// `slot` and lasting `seconds` (an instant: holidays count; a time of
    /// a typical day: on some day of the week).
    pub fn channel_open_at(&self, slot: Slot, seconds: u64) -> bool {
        let place = match slot {
            Slot::Instant(t) => Place::Instant(t),
            Slot::Daily(s) => Place::Daily(s),
            Slot::Weekly(s) => Place::Weekly(s),
        };
        let stretches = stretches(place, seconds);
        self.channel_open(place, &stretches)
            .iter()
            .any(|o| !o.is_empty())
    }

    /// What [`Schedule::week_seconds`] and [`Schedule::channel_open_at`]
    /// read: the channel's and the worked hours, and the zone. Schedules
    /// with equal keys answer them alike; `None` for a zone without a name.
    pub fn hours_key(&self) -> Option<HoursKey<'_>> {
        let zone = self.zone.iana_name()?;
        Some((self.channel.id, self.worked.as_ref().map(|h| h.id), zone))
    }

    /// The offset of this schedule's zone from UTC at `at`, in seconds.
    pub fn offset_at(&self, at: jiff::Timestamp) -> i64 {
        i64::from(self.zone.to_offset(at).seconds())
    }

    /// Seconds after Monday 00:00 of the week of the instant `t`, on the
    /// clock of this schedule's zone: where `t` falls in a typical week.
    pub fn week_seconds(&self, t: i64) -> i64 {
        let offset = jiff::Timestamp::from_second(t)
            .map_or(0, |at| i64::from(self.zone.to_offset(at).seconds()));
        let local = t.saturating_add(offset);
        // 1970-01-01 was a Thursday: Monday is 0.
        (local.div_euclid(DAY) + 3).rem_euclid(7) * DAY + local.rem_euclid(DAY)
    }

    /// How often in a week the interval starting at `start` (`None`: a
    /// forecast of one figure) and lasting `seconds` is staffed, for
    /// adding up seat-hours over a week: an instant once at that instant;
    /// a time of a typical day once for each day of the week the channel is
    /// open in it; a time of a typical week once; a one-figure forecast for
    /// every stretch of its length the channel is open in a week; a start
    /// placed nowhere once.
    pub fn in_week(&self, start: Option<&str>, seconds: u64) -> InWeek {
        let place = self.place_of(start);
        let stretches = stretches(place, seconds);
        let open = self.channel_open(place, &stretches);
        match place {
            Place::Instant(t) => InWeek::At(t),
            Place::Daily(_) => InWeek::Times(open.iter().filter(|o| !o.is_empty()).count() as f64),
            Place::Weekly(_) | Place::Unknown => InWeek::Times(1.0),
            Place::Week => {
                let seconds_open = |open: &[Vec<(i64, i64)>]| -> i64 {
                    open.iter().flatten().map(|(a, b)| b - a).sum()
                };
                // Worked hours in another zone than the schedule's: the
                // seat-hours of the season that needs most, not of the
                // union of winter and summer hours.
                let open = match self.worked.as_deref().map(Hours::seasons) {
                    Some(seasons) if seasons.len() > 1 => seasons
                        .iter()
                        .map(|season| {
                            let opened: Vec<Vec<(i64, i64)>> = stretches
                                .iter()
                                .map(|&(a, b)| {
                                    intersect(
                                        &self.channel.open(place, a, b),
                                        &season.open(place, a, b),
                                    )
                                })
                                .collect();
                            seconds_open(&opened)
                        })
                        .max()
                        .unwrap_or(0),
                    _ => seconds_open(&open),
                };
                InWeek::Times(open as f64 / length(seconds) as f64)
            }
        }
    }

    fn place(&self, start: &str) -> Place {
        match Start::read(start) {
            Some(Start::Instant(t)) => Place::Instant(t.as_second()),
            Some(Start::Local(local)) => self
                .zone
                .to_timestamp(local)
                .map_or(Place::Unknown, |t| Place::Instant(t.as_second())),
            Some(Start::Daily(s)) => Place::Daily(s),
            Some(Start::Weekly(s)) => Place::Weekly(s),
            None => Place::Unknown,
        }
    }
}
