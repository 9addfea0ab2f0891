//! A calendar's opening hours as staffing reads them for one zone, shared
//! while a [`Sharing`] lasts; and the stretches of time an interval stands
//! for, met against them.

use super::{Place, DAY, WEEK};
use crate::model::clock::{self, Clock};
use crate::model::zones::week_in_zone;
use crate::model::{Calendar, Idx, Model, WeekHours};
use jiff::tz::TimeZone;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// Opening hours as staffing reads them; no calendar is around the clock.
#[derive(Debug, Clone)]
pub(super) struct Hours {
    pub(super) id: Option<Idx<Calendar>>,
    calendar: Option<Calendar>,
    /// The calendar's week on the clock of the queue's zone, where the
    /// times of a typical day or week are written: once, or once per
    /// season when the two zones' difference changes with daylight saving
    /// (a typical day has no date; it is open when open in either).
    weeks: Vec<WeekHours>,
    /// Built the first time an instant is asked about.
    clock: OnceLock<Clock>,
}

impl Hours {
    /// `id`'s hours, read for a queue whose local times are in `zone`.
    pub(super) fn new(model: &Model, id: Option<Idx<Calendar>>, zone: &TimeZone) -> Hours {
        let calendar = id.map(|c| model.calendars[c].clone());
        let weeks = calendar
            .as_ref()
            .map_or_else(Vec::new, |c| week_in_zone(&c.week, &clock::zone(c), zone));
        Hours {
            id,
            calendar,
            weeks,
            clock: OnceLock::new(),
        }
    }

    /// [`Hours::new`], shared with every schedule built for the same model,
    /// calendar and zone while a [`Sharing`] lasts on this thread.
    pub(super) fn shared(model: &Model, id: Option<Idx<Calendar>>, zone: &TimeZone) -> Arc<Hours> {
        let build = || Arc::new(Hours::new(model, id, zone));
        // A zone without a name (a fixed offset) is not shared.
        let Some(name) = zone.iana_name() else {
            return build();
        };
        let key = (std::ptr::from_ref(model) as usize, id, name.to_string());
        SHARED.with(|shared| match shared.borrow_mut().as_mut() {
            Some(map) => map.entry(key).or_insert_with(build).clone(),
            None => build(),
        })
    }

    /// Each season's hours apart (one per distinct week of `weeks`): a
    /// typical week is one of them, never both at once.
    pub(super) fn seasons(&self) -> Vec<Hours> {
        self.weeks
            .iter()
            .map(|week| Hours {
                id: self.id,
                calendar: self.calendar.clone(),
                weeks: vec![week.clone()],
                clock: OnceLock::new(),
            })
            .collect()
    }

    /// The open stretches within `[from, to)`.
    pub(super) fn open(&self, place: Place, from: i64, to: i64) -> Vec<(i64, i64)> {
        let Some(calendar) = &self.calendar else {
            return vec![(from, to)];
        };
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
                for (w, week) in (from.div_euclid(WEEK)..=(to - 1).div_euclid(WEEK))
                    .flat_map(|w| self.weeks.iter().map(move |week| (w, week)))
                {
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

/// An interval's length in seconds, within a week.
pub(super) fn length(seconds: u64) -> i64 {
    i64::try_from(seconds).unwrap_or(WEEK).clamp(1, WEEK)
}

/// The stretches of time an interval at `place` lasting `seconds` stands
/// for: one for an instant or a time of a typical week, one on each day of
/// the week for a time of a typical day, the whole week for a forecast of
/// one figure (none for a start placed nowhere).
pub(super) fn stretches(place: Place, seconds: u64) -> Vec<(i64, i64)> {
    let length = length(seconds);
    match place {
        Place::Unknown => Vec::new(),
        Place::Instant(t) => vec![(t, t.saturating_add(length))],
        Place::Daily(s) => (0..7)
            .map(|d| (d * DAY + s, d * DAY + s + length))
            .collect(),
        Place::Weekly(s) => vec![(s, s + length)],
        Place::Week => vec![(0, WEEK)],
    }
}

/// Whether two sorted lists of stretches share a moment.
/// The stretches where both `a` and `b` are open, overlapping ones joined:
/// a calendar in another zone is open in a typical week in either season
/// (winter and summer hours overlap), and a stretch counts once.
pub(super) fn intersect(a: &[(i64, i64)], b: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let mut all: Vec<(i64, i64)> = a
        .iter()
        .flat_map(|&(x0, x1)| {
            b.iter()
                .map(move |&(y0, y1)| (x0.max(y0), x1.min(y1)))
                .filter(|(from, to)| from < to)
        })
        .collect();
    all.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::new();
    for (from, to) in all {
        match out.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => out.push((from, to)),
        }
    }
    out
}

pub(super) fn meet(a: &[(i64, i64)], b: &[(i64, i64)]) -> bool {
    a.iter()
        .any(|&(x0, x1)| b.iter().any(|&(y0, y1)| x0.max(y0) < x1.min(y1)))
}

thread_local! {
    /// Hours built while a [`Sharing`] lasts, by model, calendar and zone.
    static SHARED: RefCell<Option<SharedHours>> = const { RefCell::new(None) };
}

type SharedHours = HashMap<(usize, Option<Idx<Calendar>>, String), Arc<Hours>>;

/// While it lasts, the schedules built on this thread share the hours of
/// each calendar read in each zone: the queues of a spec name a few
/// calendars, and each queue's copy of them was most of what staffing
/// kept per queue (attack 17). Built hours are immutable, so sharing them
/// changes nothing but the memory. The model is part of the key, and the
/// hours are let go when it ends.
pub struct Sharing {
    /// What was shared before (a guard inside another), put back at the end.
    outer: Option<SharedHours>,
}

impl Sharing {
    pub fn begin() -> Sharing {
        let outer = SHARED.with(|shared| shared.borrow_mut().replace(HashMap::new()));
        Sharing { outer }
    }
}

impl Drop for Sharing {
    fn drop(&mut self) {
        let outer = self.outer.take();
        SHARED.with(|shared| *shared.borrow_mut() = outer);
    }
}
