//! When a forecast interval is open: on the queue's channel's hours, and on
//! the hours of each SLA whose targets the queue is staffed for. One
//! judgement, read by every rule and by `cxc staff` through
//! [`super::QueuePlan::staff`], so they cannot disagree.
//!
//! An interval's `start` says where it lies:
//! - a timestamp with an offset (`2027-01-11T02:00:00+03:00`, `…Z`) is an
//!   instant; a date and time without one (`2027-01-11T02:00`,
//!   `2027-01-11 02:00`) is read in the time zone of the channel's hours
//!   (else the first calendar that names a zone, else UTC). Holidays count.
//! - a time of day (`08:30`, `08:30:00`) is that time on a typical day: the
//!   interval is open on a calendar when it is open then on some weekday
//!   (holidays are not typical days);
//! - a forecast of one figure (`forecast 120 per 30m`) stands for every
//!   interval the channel is open: the whole week;
//! - anything else places the interval nowhere: it is open on every
//!   calendar, as if there were no hours at all.
//!
//! The channel is open in an interval when its hours are open at some
//! moment of it. An SLA's targets are judged in it when the SLA's hours and
//! the channel's are open at a common moment of it.

use crate::model::clock::{self, Clock};
use crate::model::{Calendar, Idx, Model};
use jiff::tz::TimeZone;
use std::sync::OnceLock;

const DAY: i64 = 86_400;
const WEEK: i64 = 7 * DAY;

/// Where an interval lies in time.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    /// Seconds since 1970 UTC.
    Instant(i64),
    /// Seconds after midnight of a typical day.
    Daily(i64),
    /// The whole week (a forecast of one figure).
    Week,
    /// Nowhere known: open on every calendar.
    Unknown,
}

/// Opening hours as staffing reads them; no calendar is around the clock.
#[derive(Debug, Clone)]
struct Hours {
    id: Option<Idx<Calendar>>,
    calendar: Option<Calendar>,
    /// Built the first time an instant is asked about.
    clock: OnceLock<Clock>,
}

impl Hours {
    fn new(model: &Model, id: Option<Idx<Calendar>>) -> Hours {
        Hours {
            id,
            calendar: id.map(|c| model.calendars[c].clone()),
            clock: OnceLock::new(),
        }
    }

    /// The open stretches within `[from, to)`.
    fn open(&self, place: Place, from: i64, to: i64) -> Vec<(i64, i64)> {
        let Some(calendar) = &self.calendar else {
            return vec![(from, to)];
        };
        let week = &calendar.week;
        let mut open = Vec::new();
        match place {
            Place::Instant(_) => {
                let clock = self.clock.get_or_init(|| Clock::of(calendar));
                for day in clock.local_day(from)..=clock.local_day(to - 1) {
                    open.extend(clock.open_on(day));
                }
            }
            _ => {
                // Week seconds from Monday 00:00, the week repeated.
                for w in from.div_euclid(WEEK)..=(to - 1).div_euclid(WEEK) {
                    for (d, windows) in week.days.iter().enumerate() {
                        let midnight = w * WEEK + d as i64 * DAY;
                        open.extend(windows.iter().map(|(a, b)| {
                            (
                                midnight + i64::from(a.minutes()) * 60,
                                midnight + i64::from(b.minutes()) * 60,
                            )
                        }));
                    }
                }
            }
        }
        open.iter()
            .map(|&(a, b)| (a.max(from), b.min(to)))
            .filter(|(a, b)| a < b)
            .collect()
    }
}

/// Whether two sorted lists of stretches share a moment.
fn meet(a: &[(i64, i64)], b: &[(i64, i64)]) -> bool {
    a.iter()
        .any(|&(x0, x1)| b.iter().any(|&(y0, y1)| x0.max(y0) < x1.min(y1)))
}

/// A queue's hours: its channel's, and those of each SLA clock its targets
/// run on.
#[derive(Debug, Clone)]
pub struct Schedule {
    channel: Hours,
    clocks: Vec<Hours>,
    /// Where a date and time without an offset is read.
    zone: TimeZone,
}

/// Which hours are open in one interval.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Open {
    pub channel: bool,
    /// Per clock (see [`Schedule::clock`]): open together with the channel.
    pub clocks: Vec<bool>,
}

impl PartialEq for Schedule {
    fn eq(&self, other: &Schedule) -> bool {
        let ids = |s: &Schedule| {
            std::iter::once(s.channel.id)
                .chain(s.clocks.iter().map(|h| h.id))
                .collect::<Vec<_>>()
        };
        ids(self) == ids(other) && self.zone == other.zone
    }
}

impl Schedule {
    pub fn new(model: &Model, channel: Option<Idx<Calendar>>) -> Schedule {
        let zone = channel
            .map(|c| &model.calendars[c])
            .filter(|c| c.timezone.is_some())
            .or_else(|| model.calendars.values().find(|c| c.timezone.is_some()))
            .map_or(TimeZone::UTC, clock::zone);
        Schedule {
            channel: Hours::new(model, channel),
            clocks: Vec::new(),
            zone,
        }
    }

    /// The index of an SLA clock (its `hours`; `None`: around the clock),
    /// added when first asked for.
    pub fn clock(&mut self, model: &Model, calendar: Option<Idx<Calendar>>) -> usize {
        match self.clocks.iter().position(|h| h.id == calendar) {
            Some(i) => i,
            None => {
                self.clocks.push(Hours::new(model, calendar));
                self.clocks.len() - 1
            }
        }
    }

    /// The hours open in the interval starting at `start` (`None`: a
    /// forecast of one figure) and lasting `seconds`.
    pub fn open(&self, start: Option<&str>, seconds: u64) -> Open {
        let place = match start {
            None => Place::Week,
            Some(start) => self.place(start),
        };
        let length = i64::try_from(seconds).unwrap_or(WEEK).clamp(1, WEEK);
        let stretches: Vec<(i64, i64)> = match place {
            Place::Unknown => {
                return Open {
                    channel: true,
                    clocks: vec![true; self.clocks.len()],
                }
            }
            Place::Instant(t) => vec![(t, t.saturating_add(length))],
            Place::Daily(s) => (0..7)
                .map(|d| (d * DAY + s, d * DAY + s + length))
                .collect(),
            Place::Week => vec![(0, WEEK)],
        };
        let channel: Vec<Vec<(i64, i64)>> = stretches
            .iter()
            .map(|&(a, b)| self.channel.open(place, a, b))
            .collect();
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
        Open {
            channel: channel.iter().any(|o| !o.is_empty()),
            clocks,
        }
    }

    fn place(&self, start: &str) -> Place {
        if let Ok(t) = start.parse::<jiff::Timestamp>() {
            return Place::Instant(t.as_second());
        }
        if let Ok(local) = start.parse::<jiff::civil::DateTime>() {
            if let Ok(t) = self.zone.to_timestamp(local) {
                return Place::Instant(t.as_second());
            }
        }
        time_of_day(start).map_or(Place::Unknown, Place::Daily)
    }
}

/// `08:30` or `08:30:15` as seconds after midnight.
fn time_of_day(text: &str) -> Option<i64> {
    let parts: Vec<&str> = text.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut seconds = 0;
    for (i, (part, max)) in parts.iter().zip([23, 59, 59]).enumerate() {
        if part.is_empty() || part.len() > 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: i64 = part.parse().ok().filter(|&n| n <= max)?;
        seconds += n * [3600, 60, 1][i];
    }
    Some(seconds)
}

#[cfg(test)]
mod tests {
    use super::time_of_day;

    #[test]
    fn times_of_day() {
        assert_eq!(time_of_day("08:30"), Some(8 * 3600 + 30 * 60));
        assert_eq!(time_of_day("8:05:07"), Some(8 * 3600 + 5 * 60 + 7));
        assert_eq!(time_of_day("24:00"), None);
        assert_eq!(time_of_day("0"), None);
        assert_eq!(time_of_day("08:30:00:00"), None);
        assert_eq!(time_of_day("ab:cd"), None);
    }
}
