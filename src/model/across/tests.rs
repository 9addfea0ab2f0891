//! The longest time across two calendars against a brute force that shares
//! none of its search: every minute of the year (and a margin) is marked
//! open or closed on each calendar from what the time zone database says
//! the wall clock shows, and every start minute is tried.

use super::*;
use crate::model::calendar::fixtures::{calendar_for_tests as calendar, Windows};
use crate::testing::Random;
use jiff::tz::TimeZone;

/// 2027-01-01 as a day number: the reference year the starts are tried in.
const NEW_YEAR: i64 = 20_819;
/// The minutes marked: a day before the year to two months after it.
const FROM_DAY: i64 = NEW_YEAR - 1;
const TO_DAY: i64 = NEW_YEAR + 366 + 60;

/// Open minutes of a calendar from `FROM_DAY`, as a running sum (`sum[m]`:
/// open minutes before minute `m`), and each minute's state.
struct Marked {
    open: Vec<bool>,
    sum: Vec<i64>,
}

fn mark(windows: &Windows, holidays: &[i64], zone: &str) -> Marked {
    let tz = TimeZone::get(zone).unwrap();
    let minutes = ((TO_DAY - FROM_DAY) * 1440) as usize;
    let mut open = Vec::with_capacity(minutes);
    let mut offset = 0;
    for m in 0..minutes {
        let second = (FROM_DAY * 1440 + m as i64) * 60;
        // Every zone used here changes its offset on a whole hour.
        if m % 60 == 0 {
            offset = i64::from(
                tz.to_offset(Timestamp::from_second(second).unwrap())
                    .seconds(),
            );
        }
        let local = second + offset;
        let day = local.div_euclid(86_400);
        let minute = (local.rem_euclid(86_400) / 60) as u32;
        let weekday = (day + 3).rem_euclid(7) as usize;
        open.push(
            !holidays.contains(&day)
                && windows[weekday]
                    .iter()
                    .any(|&(a, b)| a <= minute && minute < b),
        );
    }
    let mut sum = vec![0; minutes + 1];
    for m in 0..minutes {
        sum[m + 1] = sum[m] + i64::from(open[m]);
    }
    Marked { open, sum }
}

/// The most open minutes of `b` between a start minute of the year and the
/// last minute a timer of `wanted` open minutes of `a` is still met.
fn brute_running(a: &Marked, b: &Marked, wanted: i64) -> i64 {
    let n = a.open.len();
    // next_open[m]: the first open minute of `a` at or after `m`.
    let mut next_open = vec![n; n + 1];
    for m in (0..n).rev() {
        next_open[m] = if a.open[m] { m } else { next_open[m + 1] };
    }
    let mut best = 0;
    let mut end = 0;
    for start in 0..(368 * 1440) {
        end = end.max(start);
        while end < n && a.sum[end] - a.sum[start] < wanted {
            end += 1;
        }
        let last = next_open[end].min(n);
        best = best.max(b.sum[last] - b.sum[start]);
    }
    best * 60
}

fn random_windows(random: &mut Random) -> Windows {
    let mut windows: Windows = Default::default();
    for day in windows.iter_mut() {
        if random.below(4) == 0 {
            continue;
        }
        let open = 6 * 60 + 30 * random.below(12) as u32;
        let close = open + 60 + 30 * random.below(20) as u32;
        day.push((open, close.min(1440)));
        if random.below(3) == 0 && close < 1380 {
            day.push((close + 30, 1440));
        }
    }
    if windows.iter().all(Vec::is_empty) {
        windows[2].push((540, 1080));
    }
    windows
}

const ZONES: [&str; 6] = [
    "Europe/Berlin",
    "America/New_York",
    "Europe/Moscow",
    "Asia/Vladivostok",
    "UTC",
    "Asia/Kolkata",
];

fn random_holidays(random: &mut Random) -> Vec<i64> {
    (0..random.below(4))
        .map(|_| NEW_YEAR + 30 + random.below(300))
        .collect()
}

#[test]
fn an_office_hour_in_berlin_can_take_seven_office_hours_in_new_york() {
    let office: Windows = std::array::from_fn(|d| if d < 5 { vec![(540, 1020)] } else { vec![] });
    let berlin = calendar(&office, &[], "Europe/Berlin");
    let new_york = calendar(&office, &[], "America/New_York");
    let hour = TimeLimit::running(Duration::from_seconds(3600));
    // Asked at 16:00 in Berlin (10:00 in New York), the hour runs out at
    // Berlin's close and the answer may come until it opens at 09:00 (03:00
    // in New York): all seven New York office hours from 10:00 have passed.
    assert_eq!(
        longest_across(hour, &berlin, &new_york),
        Some(Duration::from_seconds(7 * 3600))
    );
    // The other way too: asked at 03:00 in New York (09:00 in Berlin),
    // the hour starts when New York opens and ends at 16:00 in Berlin.
    assert_eq!(
        longest_across(hour, &new_york, &berlin),
        Some(Duration::from_seconds(7 * 3600))
    );
}

#[test]
fn running_time_across_calendars_matches_a_walk_over_every_start_minute() {
    let seed = std::env::var("CXC_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_ac05);
    println!("seed {seed} (CXC_SEED to repeat)");
    let mut random = Random(seed);
    for case in 0..6 {
        let (wa, wb) = (random_windows(&mut random), random_windows(&mut random));
        let (ha, hb) = (random_holidays(&mut random), random_holidays(&mut random));
        let za = ZONES[random.below(ZONES.len() as u64) as usize];
        let zb = ZONES[random.below(ZONES.len() as u64) as usize];
        let minutes = 30 + random.below(2400);
        let limit = TimeLimit::running(Duration::from_seconds(minutes as u64 * 60));
        let got = longest_across(limit, &calendar(&wa, &ha, za), &calendar(&wb, &hb, zb));
        let want = brute_running(&mark(&wa, &ha, za), &mark(&wb, &hb, zb), minutes);
        assert_eq!(
            got.map(|d| d.seconds() as i64),
            Some(want),
            "case {case}: {minutes} min on {wa:?} in {za} (closed {ha:?}) against {wb:?} in {zb} (closed {hb:?})"
        );
    }
}

#[test]
fn working_days_across_calendars_match_every_start_of_the_year() {
    let seed = 0x00da_75ac;
    println!("seed {seed}");
    let mut random = Random(seed);
    for case in 0..3 {
        let (wa, wb) = (random_windows(&mut random), random_windows(&mut random));
        let (ha, hb) = (random_holidays(&mut random), random_holidays(&mut random));
        let za = ZONES[random.below(ZONES.len() as u64) as usize];
        let zb = ZONES[random.below(ZONES.len() as u64) as usize];
        let days = 1 + random.below(5) as u32;
        let (ca, cb) = (calendar(&wa, &ha, za), calendar(&wb, &hb, zb));
        let got = longest_across(TimeLimit::WorkingDays(days), &ca, &cb);
        // Every half hour of the year, due as the clock says (tested on
        // its own in clock::tests), running time of `b` counted on marks.
        let (a, b) = (Clock::of(&ca), mark(&wb, &hb, zb));
        let want = (0..368 * 48)
            .filter_map(|half_hour| {
                let start = FROM_DAY * 1440 + half_hour * 30;
                let due = a.due(Timestamp::from_second(start * 60).unwrap(), days)?;
                let due = (due.as_second().div_euclid(60) - FROM_DAY * 1440) as usize;
                let start = (start - FROM_DAY * 1440) as usize;
                Some((b.sum[due] - b.sum[start]) * 60)
            })
            .max();
        assert_eq!(
            got.map(|d| d.seconds() as i64),
            want,
            "case {case}: {days}wd on {wa:?} in {za} (closed {ha:?}) against {wb:?} in {zb} (closed {hb:?})"
        );
    }
}

#[test]
fn past_the_question_budget_the_bound_that_holds_on_any_clock_answers() {
    let memo = Memo::default();
    let limit = |s| TimeLimit::running(Duration::from_seconds(s));
    let (own, other) = (Idx::<Calendar>::new(0), Idx::<Calendar>::new(1));
    let exact = || Some(Duration::from_seconds(1));
    let bound = || Some(Duration::from_seconds(2));
    for s in 0..MAX_QUESTIONS as u64 {
        assert_eq!(memo.get(limit(s), own, other, exact, bound), exact());
    }
    // Known answers stay; a new question past the budget gets the bound.
    assert_eq!(memo.get(limit(0), own, other, bound, bound), exact());
    assert_eq!(
        memo.get(limit(MAX_QUESTIONS as u64), own, other, exact, bound),
        bound()
    );
}
