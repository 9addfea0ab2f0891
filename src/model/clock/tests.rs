//! The clock against a brute-force count, minute by minute, that shares
//! none of its arithmetic: for each minute of an interval it asks the time
//! zone database what the wall clock says and whether the calendar is open
//! then.

use super::*;
use crate::syntax::ast::OpenHours;
use crate::syntax::values::{Date, TimeOfDay, Weekday};
use crate::testing::Random;

/// Days and the opening times they share: `(&[Mon, Tue], &[("09:00", "18:00")])`.
pub(super) type Open<'a> = (&'a [Weekday], &'a [(&'a str, &'a str)]);

pub(super) fn hours(spec: &[Open]) -> WeekHours {
    let mut week = WeekHours::default();
    for (days, times) in spec {
        let times: Vec<(TimeOfDay, TimeOfDay)> = times
            .iter()
            .map(|(a, b)| (TimeOfDay::parse(a).unwrap(), TimeOfDay::parse(b).unwrap()))
            .collect();
        for &day in *days {
            week.add(&OpenHours::Weekly {
                days: vec![(day, day)],
                times: times.clone(),
            });
        }
    }
    week
}

/// Whether the calendar is open in the minute that starts at `second`,
/// asking the time zone database what the wall clock says then.
fn open_at(week: &WeekHours, closed: &[i64], tz: &TimeZone, second: i64) -> bool {
    let local = tz.to_datetime(Timestamp::from_second(second).unwrap());
    let date = Date {
        year: i32::from(local.year()),
        month: local.month() as u32,
        day: local.day() as u32,
    };
    if closed.contains(&date.to_days()) {
        return false;
    }
    let weekday = local.weekday().to_monday_zero_offset() as usize;
    let minute = local.hour() as u32 * 60 + local.minute() as u32;
    week.days[weekday]
        .iter()
        .any(|(a, b)| a.minutes() <= minute && minute < b.minutes())
}

/// Seconds the calendar is open in [from, to), a minute at a time: every
/// boundary that matters (opening times, midnights, offset changes since
/// 2000) falls on a whole minute, so a minute is open or closed throughout.
fn brute(week: &WeekHours, closed: &[i64], tz: &TimeZone, from: i64, to: i64) -> i64 {
    let mut total = 0;
    let mut at = from;
    while at < to {
        let minute_end = (at.div_euclid(60) + 1) * 60;
        let next = minute_end.min(to);
        if open_at(week, closed, tz, at.div_euclid(60) * 60) {
            total += next - at;
        }
        at = next;
    }
    total
}

/// When `days` working days started at `from` are due, by walking: day by
/// day from `from`'s local date to the `days`th one after it that has
/// opening hours and is no holiday, then minute by minute through that day
/// to the end of the last minute it is open.
fn brute_due(week: &WeekHours, closed: &[i64], tz: &TimeZone, from: i64, days: u32) -> i64 {
    let local = tz.to_datetime(Timestamp::from_second(from).unwrap()).date();
    let mut date = local;
    let mut counted = 0;
    while counted < days {
        date = date.tomorrow().unwrap();
        let number = day(
            i32::from(date.year()),
            date.month() as u32,
            date.day() as u32,
        );
        let weekday = date.weekday().to_monday_zero_offset() as usize;
        if !week.days[weekday].is_empty() && !closed.contains(&number) {
            counted += 1;
        }
    }
    let start = date.to_zoned(tz.clone()).unwrap().timestamp().as_second();
    let end = date
        .tomorrow()
        .unwrap()
        .to_zoned(tz.clone())
        .unwrap()
        .timestamp()
        .as_second();
    (start..end)
        .step_by(60)
        .filter(|&minute| open_at(week, closed, tz, minute))
        .map(|minute| minute + 60)
        .max()
        .unwrap_or(end)
}

pub(super) fn day(y: i32, m: u32, d: u32) -> i64 {
    Date {
        year: y,
        month: m,
        day: d,
    }
    .to_days()
}

/// The zone's offset changes from `from` to `to` (years), as seconds.
pub(super) fn offset_changes(tz: &TimeZone, from: i16, to: i32) -> Vec<i64> {
    let first = jiff::civil::date(from, 1, 1).to_zoned(tz.clone()).unwrap();
    tz.following(first.timestamp())
        .map(|t| t.timestamp().as_second())
        .take_while(|&t| t < day(to, 1, 1) * DAY)
        .collect()
}

/// Half the time a moment from `before` days ahead of an offset change to
/// a day after it, else any moment of the `years` from `from`.
pub(super) fn moment(
    random: &mut Random,
    changes: &[i64],
    before: i64,
    from: i32,
    years: i64,
) -> i64 {
    if random.below(2) == 0 {
        changes[random.below(changes.len() as u64) as usize] - before * DAY
            + random.below(((before + 1) * DAY) as u64)
    } else {
        day(from, 1, 1) * DAY + random.below((years * 365 * DAY) as u64)
    }
}

#[test]
fn running_time_equals_a_minute_by_minute_count_across_dst_and_holidays() {
    use Weekday::*;
    let weekdays: &[Weekday] = &[Mon, Tue, Wed, Thu, Fri];
    let calendars = [
        // Office hours, Saturdays short.
        hours(&[
            (weekdays, &[("09:00", "18:00")]),
            (&[Sat], &[("10:00", "16:00")]),
        ]),
        // Windows over the hours clocks skip or repeat, and up to midnight.
        hours(&[(
            &[Mon, Tue, Wed, Thu, Fri, Sat, Sun],
            &[("01:30", "03:30"), ("20:00", "24:00")],
        )]),
        // Around the clock, but for the holidays: days of 23 and 25 hours.
        hours(&[(&[Mon, Tue, Wed, Thu, Fri, Sat, Sun], &[("00:00", "24:00")])]),
    ];
    let zones = ["Europe/Berlin", "Australia/Sydney", "America/New_York"];
    let mut random = Random(0x5eed_cafe_f00d_1234);
    let mut checked = 0;
    for zone in zones {
        let tz = jiff::tz::db().get(zone).unwrap();
        // Offset changes from 2000 to 2040, and holidays on and next to some.
        let changes = offset_changes(&tz, 2000, 2040);
        assert!(changes.len() > 70, "{zone}: {}", changes.len());
        let mut closed: Vec<i64> = changes
            .iter()
            .step_by(3)
            .map(|&t| t.div_euclid(DAY) + (t.rem_euclid(7) % 3) - 1)
            .collect();
        closed.extend([day(2026, 1, 1), day(2026, 1, 7), day(2026, 12, 25)]);
        for week in &calendars {
            let clock = Clock::new(week, &closed, tz.clone());
            for _ in 0..1_200 {
                // Half the intervals start within days of an offset change.
                let from = moment(&mut random, &changes, 3, 2000, 40);
                let length = match random.below(10) {
                    0..=4 => random.below(6 * 3600),
                    5..=8 => random.below(4 * DAY as u64),
                    _ => random.below(25 * DAY as u64),
                };
                let to = from + length;
                let fast = clock.running(
                    Timestamp::from_second(from).unwrap(),
                    Timestamp::from_second(to).unwrap(),
                );
                let slow = brute(week, &closed, &tz, from, to);
                assert_eq!(fast, slow, "{zone}, {from}..{to}, calendar {week:?}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 10_000, "{checked}");
}

#[test]
fn working_day_deadlines_equal_a_walk_across_dst_and_holidays() {
    use Weekday::*;
    let calendars = [
        hours(&[
            (&[Mon, Tue, Wed, Thu, Fri], &[("09:00", "18:00")]),
            (&[Sat], &[("10:00", "16:00")]),
        ]),
        // Closing in the hours clocks skip or repeat, and at midnight.
        hours(&[
            (&[Mon, Wed, Fri, Sun], &[("01:30", "02:30")]),
            (&[Tue, Thu, Sat], &[("20:00", "24:00")]),
        ]),
        hours(&[(Weekday::ALL, &[("00:00", "24:00")])]),
    ];
    let seed = 0x0bad_5eed_2026_0003;
    println!("seed {seed:#x}");
    let mut random = Random(seed);
    let mut checked = 0;
    for zone in ["Europe/Berlin", "Australia/Sydney", "America/New_York"] {
        let tz = jiff::tz::db().get(zone).unwrap();
        let changes = offset_changes(&tz, 2020, 2030);
        // Holidays on and around some of the changes, and a run of them.
        let mut closed: Vec<i64> = changes
            .iter()
            .step_by(2)
            .map(|&t| t.div_euclid(DAY) + t.rem_euclid(3) - 1)
            .collect();
        closed.extend(day(2026, 1, 1)..day(2026, 1, 9));
        for week in &calendars {
            let clock = Clock::new(week, &closed, tz.clone());
            for _ in 0..150 {
                let from = moment(&mut random, &changes, 6, 2020, 10);
                let days = 1 + random.below(6) as u32;
                let fast = clock
                    .due(Timestamp::from_second(from).unwrap(), days)
                    .unwrap()
                    .as_second();
                let slow = brute_due(week, &closed, &tz, from, days);
                assert_eq!(
                    fast, slow,
                    "seed {seed:#x}, {zone}, {days}wd from {from}, {week:?}"
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 3 * 3 * 150);
}

#[test]
fn working_days_skip_the_starting_day_weekends_and_holidays() {
    use Weekday::*;
    let week = hours(&[(&[Mon, Tue, Wed, Thu, Fri], &[("09:00", "18:00")])]);
    let tz = jiff::tz::db().get("Europe/Moscow").unwrap();
    let at = |m, d, h| {
        jiff::civil::date(2026, m, d)
            .at(h, 0, 0, 0)
            .to_zoned(tz.clone())
            .unwrap()
            .timestamp()
    };
    let clock = Clock::new(&week, &[day(2026, 10, 8)], tz.clone());
    // Monday 10:00, 3wd: Thursday's close; Saturday: Wednesday's close.
    let open = Clock::new(&week, &[], tz.clone());
    assert_eq!(open.due(at(10, 5, 10), 3), Some(at(10, 8, 18)));
    assert_eq!(open.due(at(10, 3, 10), 3), Some(at(10, 7, 18)));
    // With Thursday a holiday, Friday's.
    assert_eq!(clock.due(at(10, 5, 10), 3), Some(at(10, 9, 18)));
    // Around the clock, a working day is a day, due at midnight.
    let always = Clock::new(
        &hours(&[(Weekday::ALL, &[("00:00", "24:00")])]),
        &[],
        tz.clone(),
    );
    assert_eq!(always.due(at(10, 5, 23), 1), Some(at(10, 7, 0)));
    // A calendar that never opens is never due.
    let never = Clock::new(&WeekHours::default(), &[], tz.clone());
    assert_eq!(never.due(at(10, 5, 10), 1), None);
}

#[test]
fn a_calendar_without_holidays_open_always_runs_on_wall_time() {
    let week = hours(&[(Weekday::ALL, &[("00:00", "24:00")])]);
    let tz = jiff::tz::db().get("Europe/Berlin").unwrap();
    let clock = Clock::new(&week, &[], tz);
    // 2026-03-29: Berlin skips 02:00-03:00; the day has 23 hours and so does the clock.
    let from = Timestamp::from_second(day(2026, 3, 28) * DAY + 23 * 3600).unwrap();
    let to = Timestamp::from_second(day(2026, 3, 29) * DAY + 23 * 3600).unwrap();
    assert_eq!(clock.running(from, to), DAY);
    assert_eq!(clock.running(to, from), 0);
}

#[test]
fn office_hours_stop_overnight_and_on_holidays() {
    use Weekday::*;
    let week = hours(&[(&[Mon, Tue, Wed, Thu, Fri], &[("09:00", "18:00")])]);
    let tz = jiff::tz::db().get("Europe/Moscow").unwrap();
    let clock = Clock::new(&week, &[day(2026, 1, 2)], tz.clone());
    let at = |y, m, d, h, min| {
        jiff::civil::date(y, m, d)
            .at(h, min, 0, 0)
            .to_zoned(tz.clone())
            .unwrap()
            .timestamp()
    };
    // Thursday 17:50 to Friday 09:10: ten minutes, then ten more.
    assert_eq!(
        clock.running(at(2026, 10, 1, 17, 50), at(2026, 10, 2, 9, 10)),
        20 * 60
    );
    // Over a weekend: Friday 17:00 to Monday 10:00 is two hours.
    assert_eq!(
        clock.running(at(2026, 10, 2, 17, 0), at(2026, 10, 5, 10, 0)),
        2 * 3600
    );
    // Thursday 2026-01-01 to Monday 2026-01-05: the Friday is a holiday.
    assert_eq!(
        clock.running(at(2026, 1, 1, 0, 0), at(2026, 1, 5, 10, 0)),
        9 * 3600 + 3600
    );
}
