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
    // A plain fortnight after the last holiday, and every cluster of holidays.
    let plain = holidays.last().map_or(0, |&h| h + 30);
    let mut spans = vec![(plain, plain + 14)];
    let mut i = 0;
    while i < holidays.len() {
        let first = holidays[i];
        while i + 1 < holidays.len() && holidays[i + 1] - holidays[i] < 14 {
            i += 1;
        }
        spans.push((first - 8, holidays[i] + 9));
        i += 1;
    }
    spans
        .into_iter()
        .filter_map(|(from, to)| longest_in(calendar, &holidays, from, to))
        .max_by(|a, b| a.minutes().cmp(&b.minutes()).then(b.from.cmp(&a.from)))
}

/// The longest closure that both starts and ends within days `from..to`.
fn longest_in(calendar: &Calendar, holidays: &[i64], from: i64, to: i64) -> Option<Closure> {
    let mut best: Option<Closure> = None;
    // The end of the open stretch before the current moment.
    let mut closed_since: Option<i64> = None;
    for day in from..to {
        if holidays.binary_search(&day).is_ok() {
            continue;
        }
        let weekday = (day + 3).rem_euclid(7) as usize; // 1970-01-01 is a Thursday
        for &(open, close) in &calendar.week.days[weekday] {
            let open = day * DAY_MINUTES + i64::from(open.minutes());
            let close = day * DAY_MINUTES + i64::from(close.minutes());
            if let Some(since) = closed_since.filter(|&s| s < open) {
                let (first, last) = (since.div_euclid(DAY_MINUTES), day);
                let closure = Closure {
                    from: LocalMinute(since),
                    to: LocalMinute(open),
                    dated: holidays.iter().any(|h| (first..=last).contains(h)),
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

#[cfg(test)]
mod tests;
