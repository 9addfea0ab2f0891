//! The longest stretch a calendar stays closed: from one closing time to the
//! next opening, across nights, weekends and holidays (a holiday next to a
//! weekend makes one long closure).
//!
//! Times are the calendar's local wall clock (its weekly hours and holidays
//! are written in it); a day on which the clocks change counts at its usual
//! length, as `wd` deadlines do (see `workdays`).
//!
//! Away from holidays the week repeats, so one plain fortnight holds every
//! weekly closure. Holidays are walked in clusters (holidays less than a
//! fortnight apart), each with a week and a day of plain days on both sides,
//! so the cost grows with the number of holidays, not with the years they
//! span.

use super::Calendar;
use crate::syntax::values::{Date, Weekday};

const DAY_MINUTES: i64 = 24 * 60;

/// A moment on the calendar's local wall clock: minutes since 1970-01-01 00:00.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalMinute(pub i64);

impl LocalMinute {
    pub fn date(self) -> Date {
        Date::from_days(self.0.div_euclid(DAY_MINUTES))
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 is a Thursday.
        Weekday::ALL[(self.0.div_euclid(DAY_MINUTES) + 3).rem_euclid(7) as usize]
    }

    /// `23:00`.
    pub fn time(self) -> String {
        let minute = self.0.rem_euclid(DAY_MINUTES);
        format!("{:02}:{:02}", minute / 60, minute % 60)
    }
}

/// A stretch during which the calendar is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closure {
    /// The closing time.
    pub from: LocalMinute,
    /// The next opening.
    pub to: LocalMinute,
    /// It takes in a holiday: it happens on its dates only; else every week.
    pub dated: bool,
}

impl Closure {
    pub fn minutes(self) -> i64 {
        self.to.0 - self.from.0
    }
}

/// The longest closure of `calendar` (the earliest of equally long ones
/// within the walked days); `None` when it never closes or never opens.
pub fn longest_closure(calendar: &Calendar) -> Option<Closure> {
    if calendar.week.is_never() {
        return None;
    }
    let mut holidays: Vec<i64> = calendar.closed.iter().map(|d| d.to_days()).collect();
    holidays.sort_unstable();
    holidays.dedup();
    // Days of their own hours (`open 2027-12-25 09:00-18:00`) are walked
    // like holidays: a transferred working day cuts a long closure short.
    let dated = calendar.dated_seconds();
    let mut special: Vec<i64> = holidays
        .iter()
        .copied()
        .chain(dated.iter().map(|d| d.0))
        .collect();
    let spans = spans_to_walk(&mut special);
    let days = Days {
        calendar,
        holidays: &holidays,
        dated: &dated,
    };
    spans
        .into_iter()
        .filter_map(|(from, to)| longest_in(&days, from, to))
        .max_by(|a, b| a.minutes().cmp(&b.minutes()).then(b.from.cmp(&a.from)))
}

/// The stretches of days (since the epoch) to walk for a longest closure,
/// given the `special` days (holidays, days of their own hours; sorted and
/// deduplicated here): a plain fortnight after the last of them, and every
/// cluster of them with a week either side.
fn spans_to_walk(special: &mut Vec<i64>) -> Vec<(i64, i64)> {
    special.sort_unstable();
    special.dedup();
    let plain = special.last().map_or(0, |&h| h + 30);
    let mut spans = vec![(plain, plain + 14)];
    let mut i = 0;
    while i < special.len() {
        let first = special[i];
        while i + 1 < special.len() && special[i + 1] - special[i] < 14 {
            i += 1;
        }
        spans.push((first - 8, special[i] + 9));
        i += 1;
    }
    spans
}

/// A calendar's days: its weekly hours, holidays and dated hours.
struct Days<'c> {
    calendar: &'c Calendar,
    holidays: &'c [i64],
    /// Day numbers with their windows in seconds of the day, sorted.
    dated: &'c [(i64, Vec<(i64, i64)>)],
}

impl Days<'_> {
    /// Day `day`'s open windows in minutes of the day.
    fn windows(&self, day: i64) -> Vec<(i64, i64)> {
        if self.holidays.binary_search(&day).is_ok() {
            return Vec::new();
        }
        if let Ok(i) = self.dated.binary_search_by_key(&day, |d| d.0) {
            return self.dated[i]
                .1
                .iter()
                .map(|(a, b)| (a / 60, b / 60))
                .collect();
        }
        let weekday = (day + 3).rem_euclid(7) as usize; // 1970-01-01 is a Thursday
        self.calendar.week.days[weekday]
            .iter()
            .map(|(a, b)| (i64::from(a.minutes()), i64::from(b.minutes())))
            .collect()
    }

    /// Day `day` is a holiday or has hours of its own.
    fn special(&self, day: i64) -> bool {
        self.holidays.binary_search(&day).is_ok()
            || self.dated.binary_search_by_key(&day, |d| d.0).is_ok()
    }
}

/// The longest closure that both starts and ends within days `from..to`.
fn longest_in(days: &Days, from: i64, to: i64) -> Option<Closure> {
    let mut best: Option<Closure> = None;
    // The end of the open stretch before the current moment.
    let mut closed_since: Option<i64> = None;
    for day in from..to {
        for (open, close) in days.windows(day) {
            let open = day * DAY_MINUTES + open;
            let close = day * DAY_MINUTES + close;
            if let Some(since) = closed_since.filter(|&s| s < open) {
                let (first, last) = (since.div_euclid(DAY_MINUTES), day);
                let closure = Closure {
                    from: LocalMinute(since),
                    to: LocalMinute(open),
                    dated: (first..=last).any(|d| days.special(d)),
                };
                if best.is_none_or(|b| closure.minutes() > b.minutes()) {
                    best = Some(closure);
                }
            }
            closed_since = Some(close);
        }
    }
    best
}

mod joint;
mod uncovered;
pub use joint::longest_joint_closure;
pub use uncovered::{uncovered, DatedRun, Season, Uncovered, Weekly};

#[cfg(test)]
mod tests;
