//! When a calendar is open while none of several others is (cxc addition,
//! `hours` on teams and queues): a 24x7 line whose three centres all close
//! on Saturday is open then with nobody at work (audit 13, H1). The
//! calendars may be in different zones, so their windows are laid on the
//! one UTC line, in a winter and a summer week (the zones' differences
//! change with daylight saving time); the stretch is told on the clock of
//! the open calendar. Weekly hours only: holidays and dated hours are the
//! closure warning's (`inexact-export`), which walks them.

use super::{Closure, LocalMinute};
use crate::model::clock::{zone, Clock};
use crate::model::Calendar;
use crate::syntax::values::Date;
use jiff::Timestamp;

/// Mondays of the weeks looked at: a winter and a summer week.
const WEEKS: [Date; 2] = [
    Date {
        year: 2027,
        month: 1,
        day: 4,
    },
    Date {
        year: 2027,
        month: 7,
        day: 5,
    },
];

/// The longest stretch of a week when `open` is open and none of `others`
/// is, on `open`'s wall clock (the earliest of equally long ones); `None`
/// when they cover it.
pub fn longest_uncovered(open: &Calendar, others: &[&Calendar]) -> Option<Closure> {
    let demand = Clock::new(&open.week, &[], zone(open));
    let supply: Vec<Clock> = others
        .iter()
        .map(|c| Clock::new(&c.week, &[], zone(c)))
        .collect();
    let tz = zone(open);
    let minute = |t: i64| {
        let offset =
            Timestamp::from_second(t).map_or(0, |at| i64::from(tz.to_offset(at).seconds()));
        LocalMinute((t + offset).div_euclid(60))
    };
    let mut best: Option<(i64, i64)> = None;
    for monday in WEEKS.map(Date::to_days) {
        // A fortnight, so that a weekly stretch across the turn of the week
        // is whole once; the others' days two either side, so that a
        // window crossing midnight in another zone is whole.
        let mut covered: Vec<(i64, i64)> = supply
            .iter()
            .flat_map(|c| (monday - 2..monday + 16).flat_map(move |d| c.open_on(d)))
            .collect();
        covered.sort_unstable();
        for (a, b) in merged((monday..monday + 14).flat_map(|d| demand.open_on(d))) {
            if let Some(gap) = longest_gap_in(a, b, &covered) {
                if best.is_none_or(|(s, e)| gap.1 - gap.0 > e - s) {
                    best = Some(gap);
                }
            }
        }
    }
    let (from, to) = best?;
    Some(Closure {
        from: minute(from),
        to: minute(to),
        dated: false,
    })
}

/// Windows in order, those that touch or overlap joined: a 24x7 line's
/// days are one stretch.
fn merged(windows: impl Iterator<Item = (i64, i64)>) -> Vec<(i64, i64)> {
    let mut all: Vec<(i64, i64)> = windows.collect();
    all.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::new();
    for (a, b) in all {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// The longest part of `[a, b)` that no interval of `covered` (sorted by
/// start) covers.
fn longest_gap_in(a: i64, b: i64, covered: &[(i64, i64)]) -> Option<(i64, i64)> {
    let mut best: Option<(i64, i64)> = None;
    let mut at = a;
    let mut note = |from: i64, to: i64| {
        if to > from && best.is_none_or(|(s, e)| to - from > e - s) {
            best = Some((from, to));
        }
    };
    for &(x, y) in covered {
        if y <= at {
            continue;
        }
        if x >= b {
            break;
        }
        note(at, x.min(b));
        at = at.max(y);
        if at >= b {
            break;
        }
    }
    note(at, b);
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calendar::fixtures::{calendar_for_tests as calendar, days};

    /// San Francisco, Dublin and Singapore office hours, weekdays: a 24x7
    /// line is unworked from Friday 17:00 in San Francisco (Saturday 00:00
    /// UTC in July, 01:00 in January) to Monday 08:00 in Singapore (Monday
    /// 00:00 UTC): 48 hours at the longest.
    #[test]
    fn three_centres_leave_the_weekend_of_a_24x7_line_unworked() {
        let always = calendar(&days(0..7, 0, 24), &[], "UTC");
        let sfo = calendar(&days(0..5, 7, 17), &[], "America/Los_Angeles");
        let dub = calendar(&days(0..5, 8, 17), &[], "Europe/Dublin");
        let sin = calendar(&days(0..5, 8, 17), &[], "Asia/Singapore");
        let gap = longest_uncovered(&always, &[&sfo, &dub, &sin]).unwrap();
        assert_eq!(gap.minutes(), 48 * 60, "{gap:?}");
        assert_eq!(
            (gap.from.weekday().as_str(), gap.from.time().as_str()),
            ("sat", "00:00")
        );
        assert_eq!(
            (gap.to.weekday().as_str(), gap.to.time().as_str()),
            ("mon", "00:00")
        );
    }

    /// Around the clock by three shifts (in their zones) covers the week;
    /// a line open on weekdays only is covered by weekday centres.
    #[test]
    fn hours_that_cover_the_line_leave_nothing() {
        let weekdays = calendar(&days(0..5, 9, 17), &[], "Europe/Dublin");
        let dub = calendar(&days(0..5, 8, 18), &[], "Europe/Dublin");
        assert_eq!(longest_uncovered(&weekdays, &[&dub]), None);
        let always = calendar(&days(0..7, 0, 24), &[], "UTC");
        let a = calendar(&days(0..7, 0, 9), &[], "UTC");
        let b = calendar(&days(0..7, 9, 18), &[], "Europe/London");
        let c = calendar(&days(0..7, 16, 24), &[], "UTC");
        // London is UTC+1 in July: 09:00-18:00 there is 08:00-17:00 UTC.
        assert_eq!(longest_uncovered(&always, &[&a, &b, &c]), None);
        // Without the evening shift, 17:00-24:00 UTC in summer is open
        // (18:00-24:00 in winter).
        let gap = longest_uncovered(&always, &[&a, &b]).unwrap();
        assert_eq!((gap.from.time().as_str(), gap.minutes()), ("17:00", 7 * 60));
    }
}
