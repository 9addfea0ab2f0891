//! The clock against a brute-force count, minute by minute, that shares
//! none of its arithmetic: for each minute of an interval it asks the time
//! zone database what the wall clock says and whether the calendar is open
//! then.

use super::*;
use crate::syntax::ast::OpenHours;
use crate::syntax::values::{Date, TimeOfDay, Weekday};

/// Days and the opening times they share: `(&[Mon, Tue], &[("09:00", "18:00")])`.
type Open<'a> = (&'a [Weekday], &'a [(&'a str, &'a str)]);

fn hours(spec: &[Open]) -> WeekHours {
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

/// Seconds the calendar is open in [from, to), a minute at a time: every
/// boundary that matters (opening times, midnights, offset changes since
/// 2000) falls on a whole minute, so a minute is open or closed throughout.
fn brute(week: &WeekHours, closed: &[i64], tz: &TimeZone, from: i64, to: i64) -> i64 {
    let open_at = |second: i64| {
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
    };
    let mut total = 0;
    let mut at = from;
    while at < to {
        let minute_end = (at.div_euclid(60) + 1) * 60;
        let next = minute_end.min(to);
        if open_at(at.div_euclid(60) * 60) {
            total += next - at;
        }
        at = next;
    }
    total
}

/// xorshift64*: the same intervals on every run and machine.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> i64 {
        (self.next() % n) as i64
    }
}

fn day(y: i32, m: u32, d: u32) -> i64 {
    Date {
        year: y,
        month: m,
        day: d,
    }
    .to_days()
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
        let first = jiff::civil::date(2000, 1, 1).to_zoned(tz.clone()).unwrap();
        let changes: Vec<i64> = tz
            .following(first.timestamp())
            .map(|t| t.timestamp().as_second())
            .take_while(|&t| t < day(2040, 1, 1) * DAY)
            .collect();
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
                // Half the intervals start within three days of an offset change.
                let from = if random.below(2) == 0 {
                    changes[random.below(changes.len() as u64) as usize] - 3 * DAY
                        + random.below(6 * DAY as u64)
                } else {
                    day(2000, 1, 1) * DAY + random.below((40 * 365 * DAY) as u64)
                };
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
