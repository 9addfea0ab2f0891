//! The longest and shortest running time of a `wd` deadline against a
//! brute force that shares none of its arithmetic: for every start minute
//! of a stretch of weeks it walks day by day to the deadline (the last
//! closing time of the Nth opening day after the start's day) and counts
//! the open minutes in between.

use super::*;
use crate::syntax::values::Date;
use crate::testing::Random;

/// Monday 2024-09-30, as a day number.
const MONDAY: i64 = 19_996;

/// Opening windows per weekday (Monday first), in minutes of the day.
type Windows = [Vec<(i64, i64)>; 7];

/// The weekday (Monday 0) of a day number.
fn weekday(day: i64) -> usize {
    (day + 3).rem_euclid(7) as usize
}

/// Prefix sums of the open minutes from MONDAY's midnight: element `m` is
/// how many of the first `m` minutes are open, holidays closed.
fn open_minutes(windows: &Windows, holidays: &[i64], minutes: usize) -> Vec<i64> {
    let mut prefix = vec![0i64; minutes + 1];
    for m in 0..minutes {
        let day = MONDAY + m as i64 / 1440;
        let minute = m as i64 % 1440;
        let open = !holidays.contains(&day)
            && windows[weekday(day)]
                .iter()
                .any(|&(a, b)| a <= minute && minute < b);
        prefix[m + 1] = prefix[m] + i64::from(open);
    }
    prefix
}

/// The minute (from MONDAY's midnight) `days` working days started on day
/// `MONDAY + start_day` are due: walking day by day over the opening days
/// after it, to the last closing time of the Nth.
fn due_minute(windows: &Windows, holidays: &[i64], start_day: i64, days: u32) -> i64 {
    let opening = |day: i64| !windows[weekday(day)].is_empty() && !holidays.contains(&day);
    let mut due_day = MONDAY + start_day;
    let mut counted = 0;
    while counted < days {
        due_day += 1;
        counted += u32::from(opening(due_day));
    }
    let close = windows[weekday(due_day)].iter().map(|w| w.1).max().unwrap();
    (due_day - MONDAY) * 1440 + close
}

fn open_seconds(windows: &Windows) -> [i64; 7] {
    std::array::from_fn(|d| windows[d].iter().map(|(a, b)| (b - a) * 60).sum())
}

/// (longest, shortest) running seconds over every start minute (and the
/// last instant) of days
/// `MONDAY..MONDAY + start_days`.
fn brute(windows: &Windows, holidays: &[i64], days: u32, start_days: i64) -> (i64, i64) {
    let horizon = start_days + 7 * (i64::from(days) + 2) + holidays.len() as i64 * 2;
    // open[m]: minute m (from MONDAY's midnight) is open; prefix sums of it.
    let minutes = (horizon * 1440) as usize;
    let prefix = open_minutes(windows, holidays, minutes);
    let (mut longest, mut shortest) = (i64::MIN, i64::MAX);
    for start_day in 0..start_days {
        let due = due_minute(windows, holidays, start_day, days) as usize;
        // Minute 1440 stands for the last instant of the day: still the
        // start's day, with none of it left.
        for minute in 0..=1440 {
            let start = (start_day * 1440 + minute) as usize;
            let running = (prefix[due] - prefix[start]) * 60;
            longest = longest.max(running);
            shortest = shortest.min(running);
        }
    }
    (longest, shortest)
}

/// A random week: each day closed, or open in one or two windows on
/// quarter hours, some up to midnight.
fn random_week(random: &mut Random) -> Windows {
    std::array::from_fn(|_| {
        let mut day = Vec::new();
        if random.below(4) == 0 {
            return day;
        }
        let opens = random.below(48) * 15;
        let closes = opens + 15 + random.below(((1440 - opens - 15) / 15 + 1) as u64) * 15;
        day.push((opens, closes.min(1440)));
        if random.below(3) == 0 && closes + 30 < 1440 {
            let second = closes + 15 + random.below(((1440 - closes - 15) / 15) as u64) * 15;
            day.push((second, 1440));
        }
        day
    })
}

/// Runs `check` on `cases` random weeks that open at least once, drawn
/// from `seed` (printed, so a failure can be replayed); `check` gets the
/// generator for its own draws and the seed for its messages.
fn each_open_week(seed: u64, cases: usize, mut check: impl FnMut(&mut Random, &Windows, u64)) {
    println!("seed {seed:#x}");
    let mut random = Random(seed);
    let mut checked = 0;
    while checked < cases {
        let windows = random_week(&mut random);
        if windows.iter().any(|day| !day.is_empty()) {
            check(&mut random, &windows, seed);
            checked += 1;
        }
    }
}

#[test]
fn longest_and_shortest_equal_a_walk_over_every_start_minute() {
    each_open_week(0x00c0_ffee_2026_0003, 60, |random, windows, seed| {
        let days = 1 + random.below(6) as u32;
        // Holidays in weeks 3 to 5, some on closed weekdays, some in a row;
        // starts from two weeks before them to a week after.
        let holidays: Vec<i64> = (0..random.below(5))
            .map(|_| MONDAY + 21 + random.below(21))
            .collect();
        let start_days = 21 + 21 + 7 + 7;
        let week = WorkingWeek::new(open_seconds(windows), &holidays);
        let (longest, shortest) = brute(windows, &holidays, days, start_days);
        assert_eq!(
            (
                week.seconds(days, Extreme::Longest),
                week.seconds(days, Extreme::Shortest)
            ),
            (longest, shortest),
            "seed {seed:#x}, {days}wd on {windows:?}, holidays {holidays:?}"
        );
    });
}

#[test]
fn a_week_of_start_minutes_on_office_hours() {
    // Mon-Fri 09-18, Sat 10-16: 3wd started on Friday before opening runs
    // Friday, Saturday, Monday and Tuesday (9 + 6 + 9 + 9); the longest is
    // four nine-hour days, started on Monday to Wednesday; the shortest
    // is Saturday and two weekdays.
    let mut windows = office_hours();
    windows[5].push((600, 960));
    let week = WorkingWeek::new(open_seconds(&windows), &[]);
    assert_eq!(week.seconds(3, Extreme::Longest), 36 * 3600);
    assert_eq!(week.seconds(3, Extreme::Shortest), 24 * 3600);
    assert_eq!(brute(&windows, &[], 3, 7), (36 * 3600, 24 * 3600));
    // A Saturday holiday puts a long Monday in its place: 3wd started on
    // the Friday before it runs Friday, Monday, Tuesday, Wednesday.
    let saturday = MONDAY + 5;
    let week = WorkingWeek::new(open_seconds(&windows), &[saturday]);
    assert_eq!(week.seconds(1, Extreme::Longest), 18 * 3600);
    assert_eq!(week.seconds(6, Extreme::Shortest), (9 * 5 + 6) * 3600);
}

#[test]
fn around_the_clock_a_working_day_is_a_calendar_day() {
    let wall = WorkingWeek::of(None);
    assert_eq!(wall.seconds(3, Extreme::Longest), 4 * DAY);
    assert_eq!(wall.seconds(3, Extreme::Shortest), 3 * DAY);
    let limit = TimeLimit::WorkingDays(1);
    assert_eq!(running(limit, None, Extreme::Longest).seconds(), 2 * 86_400);
    let hours = TimeLimit::parse("30h").unwrap();
    assert_eq!(running(hours, None, Extreme::Shortest).seconds(), 30 * 3600);
}

#[test]
fn a_calendar_that_never_opens_never_runs() {
    let week = WorkingWeek::new([0; 7], &[MONDAY]);
    assert_eq!(week.seconds(5, Extreme::Longest), 0);
}

#[test]
fn long_deadlines_over_many_holidays_equal_a_day_by_day_sum() {
    // 400 working days, a holiday on 3 January and 9 May of every year for
    // twenty years, some on the short Saturday: windows hold several.
    let holidays: Vec<i64> = (0..20)
        .flat_map(|i| {
            [(1, 3), (5, 9)].map(|(month, day)| Date {
                year: 2020 + i,
                month,
                day,
            })
        })
        .map(Date::to_days)
        .collect();
    let mut open = [9 * 3600; 7];
    open[5] = 6 * 3600;
    open[6] = 0;
    let week = WorkingWeek::new(open, &holidays);
    let days = 400;
    // Every start day from well before the first holiday to after the last.
    let opening = |day: i64| {
        let weekday = (day + 3).rem_euclid(7) as usize;
        (open[weekday] > 0 && !holidays.contains(&day)).then_some(open[weekday])
    };
    let (first, last) = (holidays[0] - 700, holidays[holidays.len() - 1] + 7);
    let (mut longest, mut shortest) = (0, i64::MAX);
    for start in first..=last {
        let mut sum = opening(start).unwrap_or(0);
        let (mut day, mut counted, mut after) = (start, 0, 0);
        while counted < days {
            day += 1;
            if let Some(seconds) = opening(day) {
                after += seconds;
                counted += 1;
            }
        }
        sum += after;
        longest = longest.max(sum);
        shortest = shortest.min(after);
    }
    assert_eq!(week.seconds(days, Extreme::Longest), longest);
    assert_eq!(week.seconds(days, Extreme::Shortest), shortest);
}

/// The shortest wall-clock minutes a timer lasts over every start minute
/// of days `MONDAY..MONDAY + start_days`, holidays included: for running
/// time, walking minute by minute until `running` open minutes have
/// passed; for working days, to the last closing time of the due day.
fn brute_wall(windows: &Windows, holidays: &[i64], limit: TimeLimit, start_days: i64) -> i64 {
    brute_ends(windows, holidays, limit, start_days)
        .into_iter()
        .enumerate()
        .map(|(i, end)| end - start_minute(i))
        .min()
        .unwrap()
        * 60
}

/// The minute (from MONDAY's midnight) of the `i`th start [`brute_ends`]
/// tries: every minute of each day and its last instant.
fn start_minute(i: usize) -> i64 {
    let (day, minute) = (i as i64 / 1441, i as i64 % 1441);
    day * 1440 + minute
}

/// For every start minute (and the last instant) of days `MONDAY..MONDAY +
/// start_days`, the minute a timer of `limit` ends.
fn brute_ends(windows: &Windows, holidays: &[i64], limit: TimeLimit, start_days: i64) -> Vec<i64> {
    let horizon = start_days + 7 * 40;
    let minutes = (horizon * 1440) as usize;
    let prefix = open_minutes(windows, holidays, minutes);
    let mut ends = Vec::new();
    for start_day in 0..start_days {
        for minute in 0..=1440 {
            let start = (start_day * 1440 + minute) as usize;
            let end = match limit {
                TimeLimit::Running { time, .. } => {
                    let wanted = prefix[start] + time.seconds() as i64 / 60;
                    prefix.partition_point(|&p| p < wanted)
                }
                TimeLimit::WorkingDays(days) => {
                    due_minute(windows, holidays, start_day, days) as usize
                }
            };
            ends.push(end as i64);
        }
    }
    ends
}

/// A random limit: 1 to 6 working days, or 15 minutes to 60 hours.
fn random_limit(random: &mut Random) -> TimeLimit {
    if random.below(2) == 0 {
        TimeLimit::WorkingDays(1 + random.below(6) as u32)
    } else {
        TimeLimit::running(Duration::from_seconds(
            (1 + random.below(60 * 4)) as u64 * 15 * 60,
        ))
    }
}

fn in_seconds(windows: &Windows) -> [Vec<(i64, i64)>; 7] {
    std::array::from_fn(|d| windows[d].iter().map(|(a, b)| (a * 60, b * 60)).collect())
}

#[test]
fn the_shortest_wall_time_equals_a_walk_over_every_start_minute() {
    each_open_week(0x00c0_ffee_2026_0012, 40, |random, windows, seed| {
        let limit = random_limit(random);
        // Holidays in weeks 1 to 3; starts from before them to two plain
        // weeks after.
        let holidays: Vec<i64> = (0..random.below(5))
            .map(|_| MONDAY + 7 + random.below(14))
            .collect();
        let expected = brute_wall(windows, &holidays, limit, 35);
        assert_eq!(
            shortest_wall_in(&in_seconds(windows), limit),
            Some(expected),
            "seed {seed:#x}, {limit} on {windows:?}, holidays {holidays:?}"
        );
    });
}

/// Monday to Friday, 09:00 to 18:00.
fn office_hours() -> Windows {
    let mut windows: Windows = Default::default();
    for day in windows.iter_mut().take(5) {
        day.push((540, 1080));
    }
    windows
}

#[test]
fn the_shortest_wall_time_on_office_hours() {
    let windows = in_seconds(&office_hours());
    let hours = |h: u64| TimeLimit::running(Duration::from_seconds(h * 3600));
    // 3wd started at Monday's last instant is due at Thursday's close.
    assert_eq!(
        shortest_wall_in(&windows, TimeLimit::WorkingDays(3)),
        Some(2 * DAY + 18 * 3600)
    );
    // 27 office hours started on Monday at 09:00 end on Wednesday at 18:00.
    assert_eq!(
        shortest_wall_in(&windows, hours(27)),
        Some(2 * DAY + 9 * 3600)
    );
    // A whole week's open time takes a week less the evening after it.
    assert_eq!(
        shortest_wall_in(&windows, hours(45)),
        Some(4 * DAY + 9 * 3600)
    );
    assert_eq!(shortest_wall_in(&windows, hours(46)), Some(7 * DAY + 3600));
    let never: [Vec<(i64, i64)>; 7] = Default::default();
    assert_eq!(shortest_wall_in(&never, hours(1)), None);
    // The wall clock: running time is wall time, N wd is N days.
    assert_eq!(
        shortest_wall(hours(30), None),
        Some(Duration::from_seconds(30 * 3600))
    );
    assert_eq!(
        shortest_wall(TimeLimit::WorkingDays(2), None),
        Some(Duration::from_seconds(2 * DAY as u64))
    );
}

/// The longest wall-clock minutes `days` working days last over every start
/// minute of days `MONDAY..MONDAY + start_days`: walking day by day to the
/// due day, then to its last closing time.
fn brute_longest_wall_days(windows: &Windows, holidays: &[i64], days: u32, start_days: i64) -> i64 {
    let mut longest = 0;
    for start_day in 0..start_days {
        let end = due_minute(windows, holidays, start_day, days);
        for minute in 0..1440 {
            longest = longest.max(end - (start_day * 1440 + minute));
        }
    }
    longest * 60
}

#[test]
fn the_longest_wall_time_of_working_days_equals_a_walk_over_every_start_minute() {
    each_open_week(0x00c0_ffee_2026_0013, 60, |random, windows, seed| {
        let days = 1 + random.below(6) as u32;
        // Holidays, some next to each other, ten weeks in; starts from
        // before any of them can reach (six opening days of a one-day
        // week are six weeks) to two plain weeks after the last.
        let mut holidays: Vec<i64> = (0..random.below(6))
            .map(|_| MONDAY + 70 + random.below(21))
            .collect();
        holidays.sort_unstable();
        holidays.dedup();
        let expected = brute_longest_wall_days(windows, &holidays, days, 105);
        assert_eq!(
            longest_wall_days_in(&in_seconds(windows), &holidays, days),
            Some(expected),
            "seed {seed:#x}, {days}wd on {windows:?}, holidays {holidays:?}"
        );
    });
}

#[test]
fn the_longest_wall_time_of_working_days_on_office_hours() {
    let windows = in_seconds(&office_hours());
    // 2wd started as Thursday begins is due at Monday's close.
    assert_eq!(
        longest_wall_days_in(&windows, &[], 2),
        Some(4 * DAY + 18 * 3600)
    );
    // A holiday on a Friday (1970-01-09) pushes it to Tuesday's close.
    assert_eq!(
        longest_wall_days_in(&windows, &[8], 2),
        Some(5 * DAY + 18 * 3600)
    );
    let never: [Vec<(i64, i64)>; 7] = Default::default();
    assert_eq!(longest_wall_days_in(&never, &[], 2), None);
    assert_eq!(longest_wall_days_in(&windows, &[], 0), None);
    // The wall clock: N wd started at midnight ends N + 1 days later.
    assert_eq!(
        longest_wall_days(2, None),
        Some(Duration::from_seconds(3 * DAY as u64))
    );
}

/// The longest wall-clock minutes `running` open minutes last over every
/// start minute of days `MONDAY..MONDAY + start_days`, holidays included:
/// walking minute by minute until they have passed.
fn brute_longest_running_wall(
    windows: &Windows,
    holidays: &[i64],
    running: i64,
    start_days: i64,
) -> i64 {
    let minutes = ((start_days + 7 * 40) * 1440) as usize;
    let prefix = open_minutes(windows, holidays, minutes);
    let mut longest = 0;
    for start in 0..=(start_days * 1440) as usize {
        let end = prefix.partition_point(|&p| p < prefix[start] + running);
        assert!(end <= minutes, "the walk ran out of minutes");
        longest = longest.max(end as i64 - start as i64);
    }
    longest * 60
}

#[test]
fn the_longest_wall_time_of_running_time_equals_a_walk_over_every_start_minute() {
    each_open_week(0x00c0_ffee_2026_0014, 40, |random, windows, seed| {
        let weekly: i64 = windows.iter().flatten().map(|(a, b)| b - a).sum();
        // Up to two weeks' open time (at most 60 hours), in quarter hours.
        let quarters = (2 * weekly / 15).clamp(1, 240) as u64;
        let running = (1 + random.below(quarters)) * 15;
        // Holidays, some next to each other, ten weeks in; starts from
        // before any of them can reach to two plain weeks after the last.
        let mut holidays: Vec<i64> = (0..random.below(6))
            .map(|_| MONDAY + 70 + random.below(21))
            .collect();
        holidays.sort_unstable();
        holidays.dedup();
        let expected = brute_longest_running_wall(windows, &holidays, running, 105);
        let limit = TimeLimit::running(Duration::from_seconds(running as u64 * 60));
        assert_eq!(
            longest_wall_in(&in_seconds(windows), &holidays, limit),
            Some(expected),
            "seed {seed:#x}, {limit} on {windows:?}, holidays {holidays:?}"
        );
    });
}

#[test]
fn the_longest_wall_time_of_running_time_on_business_hours() {
    let hours = |h: u64| TimeLimit::running(Duration::from_seconds(h * 3600));
    // 08:00-22:00 every day: 8 hours started at 22:00 end at 16:00 the
    // next day, 18 hours later.
    let mut daily: Windows = Default::default();
    for day in daily.iter_mut() {
        day.push((480, 1320));
    }
    let daily = in_seconds(&daily);
    assert_eq!(longest_wall_in(&daily, &[], hours(8)), Some(18 * 3600));
    // A holiday (Friday 1970-01-09) adds its day.
    assert_eq!(
        longest_wall_in(&daily, &[8], hours(8)),
        Some(DAY + 18 * 3600)
    );
    // Mon-Fri 09:00-18:00: 8 hours started at Friday's close end on
    // Monday at 17:00.
    let office = in_seconds(&office_hours());
    assert_eq!(
        longest_wall_in(&office, &[], hours(8)),
        Some(2 * DAY + 23 * 3600)
    );
    // A whole week's open time and an hour: a week and an hour from Friday's close.
    assert_eq!(
        longest_wall_in(&office, &[], hours(46)),
        Some(9 * DAY + 16 * 3600)
    );
    let never: [Vec<(i64, i64)>; 7] = Default::default();
    assert_eq!(longest_wall_in(&never, &[], hours(1)), None);
    // Around the clock running time is wall time.
    assert_eq!(
        longest_wall(hours(30), None),
        Some(Duration::from_seconds(30 * 3600))
    );
}

/// The shortest wall-clock time between the ends of two timers started
/// together (an escalation and the deadline after it, outside audit 5, F4)
/// against the brute force over every start minute of two plain weeks.
#[test]
fn the_shortest_wall_time_between_two_ends_equals_a_walk_over_every_start_minute() {
    each_open_week(0x00c0_ffee_2026_0505, 40, |random, windows, seed| {
        let (first, second) = (random_limit(random), random_limit(random));
        let firsts = brute_ends(windows, &[], first, 14);
        let seconds = brute_ends(windows, &[], second, 14);
        let expected = firsts
            .iter()
            .zip(&seconds)
            .map(|(a, b)| b - a)
            .min()
            .unwrap()
            * 60;
        assert_eq!(
            shortest_wall_between_in(&in_seconds(windows), first, second),
            Some(expected),
            "seed {seed:#x}, {first} then {second} on {windows:?}"
        );
    });
}

#[test]
fn the_shortest_wall_time_between_two_ends_on_office_hours() {
    let windows = in_seconds(&office_hours());
    // The audit's complaint: escalated after 13wd, due at 15wd: two
    // closing times at least 2 days apart (18 office hours).
    assert_eq!(
        shortest_wall_between_in(
            &windows,
            TimeLimit::WorkingDays(13),
            TimeLimit::WorkingDays(15)
        ),
        Some(2 * DAY)
    );
    // Escalated after 4 office hours, due at 1wd: asked at Monday's last
    // instant, escalated on Tuesday at 13:00, due at 18:00.
    let hours = |h: u64| TimeLimit::running(Duration::from_seconds(h * 3600));
    assert_eq!(
        shortest_wall_between_in(&windows, hours(4), TimeLimit::WorkingDays(1)),
        Some(5 * 3600)
    );
}
