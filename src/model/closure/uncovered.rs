//! When a calendar is open while none of several others is (cxc addition,
//! `hours` on teams and queues): a 24x7 line whose three centres all close
//! on Saturday is open then with nobody at work (audit 13, H1). The
//! calendars may be in different zones, so their windows are laid on the
//! one UTC line, in a winter and a summer week, the weeks when the US and
//! EU daylight-saving dates differ (mid-March, end of October: a Dublin
//! and a San Francisco centre are an hour closer then), and the weeks
//! around each holiday of any of them (a team's calendar closed on a
//! holiday while the line is open); the stretch is told on the clock of the
//! open calendar. Dated hours (`open 2027-12-25 09:00-18:00`) are the
//! closure warning's (`inexact-export`).

use super::{Closure, LocalMinute};
use crate::model::clock::{zone, Clock};
use crate::model::Calendar;
use crate::syntax::values::{Date, Weekday};
use jiff::Timestamp;

const fn monday(year: i32, month: u32, day: u32) -> Date {
    Date { year, month, day }
}

/// Mondays of the weeks looked at, each with the week after it: a winter
/// and a summer week, and the fortnights in which the US and the EU change
/// their clocks on different Sundays (2027: the US on 14 March and 7
/// November, the EU on 28 March and 31 October).
const WEEKS: [Date; 4] = [
    monday(2027, 1, 4),
    monday(2027, 7, 5),
    monday(2027, 3, 15),
    monday(2027, 10, 25),
];

/// The most holidays whose weeks are walked: far more than any calendar
/// lists for the years a spec plans.
const MAX_HOLIDAY_WEEKS: usize = 400;

/// A calendar's holidays as local day numbers.
fn holidays(calendar: &Calendar) -> Vec<i64> {
    calendar.closed.iter().map(|d| d.to_days()).collect()
}

/// Each calendar once: the queues of a channel mostly work one calendar, and
/// a clock (its zone's offset changes over three centuries) is built for
/// each calendar, not for each queue (attack 15, M2: 40,000 queues of one
/// calendar held 40,000 clocks, 1.8 GB).
fn distinct<'a>(calendars: &[&'a Calendar]) -> Vec<&'a Calendar> {
    let mut seen = std::collections::HashSet::new();
    calendars
        .iter()
        .copied()
        .filter(|c| seen.insert(std::ptr::from_ref(*c)))
        .collect()
}

/// The longest stretch when `open` is open and none of `others` is, and
/// the weekdays it starts on when it repeats in a plain week (audit 15,
/// L1: Saturday and Sunday both have it; one day, or none when it happens
/// on its dates only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncovered {
    pub gap: Closure,
    /// The weekdays (Monday first) on which a stretch as long, starting at
    /// the same time of day, comes every week; empty for a dated stretch.
    pub weekdays: Vec<Weekday>,
}

/// The longest stretch when `open` is open and none of `others` is, on
/// `open`'s wall clock (the earliest of equally long ones), holidays
/// counted, with the weekdays it repeats on; `None` when they cover it.
pub fn uncovered(open: &Calendar, others: &[&Calendar]) -> Option<Uncovered> {
    let others = distinct(others);
    let closed = holidays(open);
    let demand = Clock::new(&open.week, &closed, zone(open));
    let supply: Vec<Clock> = others
        .iter()
        .map(|c| Clock::new(&c.week, &holidays(c), zone(c)))
        .collect();
    let tz = zone(open);
    let minute = |t: i64| {
        let offset =
            Timestamp::from_second(t).map_or(0, |at| i64::from(tz.to_offset(at).seconds()));
        LocalMinute((t + offset).div_euclid(60))
    };
    // The Monday a week before each holiday's: the fortnight holds the
    // holiday and the weekend on either side of it.
    let mut mondays: Vec<i64> = WEEKS.map(Date::to_days).to_vec();
    let mut dated: Vec<i64> = closed.clone();
    dated.extend(others.iter().flat_map(|c| holidays(c)));
    dated.sort_unstable();
    dated.dedup();
    // 1970-01-05 (day 4) was a Monday.
    let week_start = |d: i64| d - (d - 4).rem_euclid(7) - 7;
    mondays.extend(dated.iter().take(MAX_HOLIDAY_WEEKS).map(|&d| week_start(d)));
    // The plain weeks first: a stretch as long in one of them is told as
    // every week's.
    let mut seen = std::collections::HashSet::new();
    mondays.retain(|m| seen.insert(*m));
    // The stretch, whether a plain week has it too (else it happens in the
    // weeks the clocks disagree, or on holidays, only), and the stretches
    // of its fortnight.
    let mut best: Option<(i64, i64)> = None;
    let mut every_week = false;
    let mut fortnight: Vec<(i64, i64)> = Vec::new();
    let plain = [WEEKS[0].to_days(), WEEKS[1].to_days()];
    for monday in mondays {
        // A fortnight, so that a weekly stretch across the turn of the week
        // is whole once; the others' days two either side, so that a
        // window crossing midnight in another zone is whole.
        let mut covered: Vec<(i64, i64)> = supply
            .iter()
            .flat_map(|c| (monday - 2..monday + 16).flat_map(move |d| c.open_on(d)))
            .collect();
        covered.sort_unstable();
        let gaps: Vec<(i64, i64)> = merged((monday..monday + 14).flat_map(|d| demand.open_on(d)))
            .into_iter()
            .flat_map(|(a, b)| gaps_in(a, b, &covered))
            .collect();
        for &gap in &gaps {
            if best.is_none_or(|(s, e)| gap.1 - gap.0 > e - s) {
                best = Some(gap);
                every_week = plain.contains(&monday);
                fortnight.clone_from(&gaps);
            }
        }
    }
    let (start, end) = best?;
    let (from, to) = (minute(start), minute(end));
    // A stretch that takes in a holiday, or that only the weeks of
    // disagreeing clocks have, happens on its dates only.
    let days = from.0.div_euclid(24 * 60)..=to.0.div_euclid(24 * 60);
    let dated = !every_week || dated.iter().any(|d| days.contains(d));
    let mut weekdays: Vec<Weekday> = Vec::new();
    if !dated {
        let time = from.0.rem_euclid(24 * 60);
        for (a, b) in fortnight {
            let at = minute(a);
            if b - a == end - start && at.0.rem_euclid(24 * 60) == time {
                weekdays.push(at.weekday());
            }
        }
        weekdays.sort_by_key(|d| d.index());
        weekdays.dedup();
    }
    Some(Uncovered {
        gap: Closure { from, to, dated },
        weekdays,
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

/// The parts of `[a, b)` that no interval of `covered` (sorted by start)
/// covers, in order.
fn gaps_in(a: i64, b: i64, covered: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let mut gaps = Vec::new();
    let mut at = a;
    let mut note = |from: i64, to: i64| {
        if to > from {
            gaps.push((from, to));
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
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn longest_uncovered(open: &Calendar, others: &[&Calendar]) -> Option<Closure> {
        uncovered(open, others).map(|u| u.gap)
    }
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

    /// A calendar named by many queues is one calendar: its clock is built
    /// once (attack 15, M2), and the stretch is the same.
    #[test]
    fn a_calendar_many_queues_work_is_counted_once() {
        let always = calendar(&days(0..7, 0, 24), &[], "UTC");
        let sfo = calendar(&days(0..5, 7, 17), &[], "America/Los_Angeles");
        let dub = calendar(&days(0..5, 8, 17), &[], "Europe/Dublin");
        let sin = calendar(&days(0..5, 8, 17), &[], "Asia/Singapore");
        let mut many: Vec<&Calendar> = vec![&dub; 5_000];
        many.extend([&sin, &sfo, &dub, &sin]);
        let once = distinct(&many);
        assert_eq!(once.len(), 3);
        assert!(std::ptr::eq(once[0], &dub) && std::ptr::eq(once[2], &sfo));
        assert_eq!(
            longest_uncovered(&always, &many),
            longest_uncovered(&always, &[&sfo, &dub, &sin])
        );
        // Two calendars alike are still two (each its own declaration).
        let twin = dub.clone();
        assert_eq!(distinct(&[&dub, &twin]).len(), 2);
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

    /// A 24x7 line whose day shift comes in at 10:00 and whose night shift
    /// goes home at 09:00: the hour between is unworked every day; a
    /// weekday desk that covers it leaves Saturday and Sunday (audit 15,
    /// L1 and L2).
    #[test]
    fn a_stretch_that_repeats_names_every_day_it_comes() {
        let always = calendar(&days(0..7, 0, 24), &[], "Europe/Madrid");
        let day = calendar(&days(0..7, 10, 24), &[], "Europe/Madrid");
        let night = calendar(&days(0..7, 0, 9), &[], "Europe/Madrid");
        let every = uncovered(&always, &[&day, &night]).unwrap();
        assert_eq!(every.gap.minutes(), 60);
        assert_eq!(every.weekdays, Weekday::ALL.to_vec());
        let desk = calendar(&days(0..5, 9, 18), &[], "Europe/Madrid");
        let weekend = uncovered(&always, &[&day, &night, &desk]).unwrap();
        assert_eq!(weekend.gap.from.time(), "09:00");
        assert_eq!(weekend.weekdays, vec![Weekday::Sat, Weekday::Sun]);
        // The weekend of three weekday centres comes once a week.
        let sfo = calendar(&days(0..5, 7, 17), &[], "America/Los_Angeles");
        let once = uncovered(&always, &[&sfo]).unwrap();
        assert_eq!(once.weekdays.len(), 1, "{once:?}");
    }
}
