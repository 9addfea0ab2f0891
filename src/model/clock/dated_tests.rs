//! Dates with hours of their own (`open 2027-12-25 09:00-18:00`) against
//! a minute-by-minute walk that shares none of the clock's arithmetic: for
//! each minute the time zone database says the local date and time, and the
//! walk reads that date's hours — none on a holiday, the date's own when it
//! has them, else its weekday's.

use super::tests::{day, hours, moment, offset_changes};
use super::*;
use crate::syntax::values::Weekday;
use crate::testing::Random;

/// Local day numbers with their own windows, in minutes of the day.
type Dated = Vec<(i64, Vec<(u32, u32)>)>;

/// The local day number and minute of the day of the minute at `second`.
fn local(tz: &TimeZone, second: i64) -> (i64, usize, u32) {
    let at = tz.to_datetime(Timestamp::from_second(second).unwrap());
    let number = day(i32::from(at.year()), at.month() as u32, at.day() as u32);
    let weekday = at.weekday().to_monday_zero_offset() as usize;
    (number, weekday, at.hour() as u32 * 60 + at.minute() as u32)
}

/// Day `number`'s windows in minutes, as the calendar says them.
fn windows(
    week: &WeekHours,
    closed: &[i64],
    dated: &Dated,
    number: i64,
    weekday: usize,
) -> Vec<(u32, u32)> {
    if closed.contains(&number) {
        return Vec::new();
    }
    if let Some((_, own)) = dated.iter().find(|(d, _)| *d == number) {
        return own.clone();
    }
    week.days[weekday]
        .iter()
        .map(|(a, b)| (a.minutes(), b.minutes()))
        .collect()
}

fn open_at(week: &WeekHours, closed: &[i64], dated: &Dated, tz: &TimeZone, second: i64) -> bool {
    let (number, weekday, minute) = local(tz, second);
    windows(week, closed, dated, number, weekday)
        .iter()
        .any(|&(a, b)| a <= minute && minute < b)
}

/// Open seconds in [from, to), a minute at a time.
fn brute(
    week: &WeekHours,
    closed: &[i64],
    dated: &Dated,
    tz: &TimeZone,
    from: i64,
    to: i64,
) -> i64 {
    let mut total = 0;
    let mut at = from;
    while at < to {
        let next = ((at.div_euclid(60) + 1) * 60).min(to);
        if open_at(week, closed, dated, tz, at.div_euclid(60) * 60) {
            total += next - at;
        }
        at = next;
    }
    total
}

/// When `days` working days from `from` are due: day by day to the
/// `days`th one after `from`'s local date that has hours (its own or its
/// weekday's) and is no holiday, then the end of its last open minute.
fn brute_due(
    week: &WeekHours,
    closed: &[i64],
    dated: &Dated,
    tz: &TimeZone,
    from: i64,
    days: u32,
) -> i64 {
    let mut date = tz.to_datetime(Timestamp::from_second(from).unwrap()).date();
    let mut counted = 0;
    while counted < days {
        date = date.tomorrow().unwrap();
        let number = day(
            i32::from(date.year()),
            date.month() as u32,
            date.day() as u32,
        );
        let weekday = date.weekday().to_monday_zero_offset() as usize;
        if !windows(week, closed, dated, number, weekday).is_empty() {
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
        .filter(|&minute| open_at(week, closed, dated, tz, minute))
        .map(|minute| minute + 60)
        .max()
        .unwrap_or(end)
}

/// Windows a dated opening may have: a working day, a short one, one over
/// the hours clocks skip or repeat, a whole day, a split one.
const OWN: [&[(u32, u32)]; 5] = [
    &[(540, 1080)],
    &[(600, 840)],
    &[(90, 210)],
    &[(0, 1440)],
    &[(480, 720), (780, 1020)],
];

/// Dates of their own hours: on and next to offset changes, on holidays
/// (the holiday wins), and scattered over the years, weekends among them.
fn dated_days(
    random: &mut Random,
    changes: &[i64],
    closed: &[i64],
    from: i32,
    years: i64,
) -> Dated {
    let mut days: Vec<i64> = changes
        .iter()
        .step_by(2)
        .map(|&t| t.div_euclid(DAY) + random.below(3) - 1)
        .collect();
    days.extend(closed.iter().step_by(4));
    days.extend((0..40).map(|_| day(from, 1, 1) + random.below((years * 365) as u64)));
    // A run of them: a week of working Saturdays and Sundays.
    days.extend(day(2026, 1, 3)..day(2026, 1, 12));
    days.sort_unstable();
    days.dedup();
    days.into_iter()
        .map(|d| (d, OWN[random.below(OWN.len() as u64) as usize].to_vec()))
        .collect()
}

fn clock_of(week: &WeekHours, closed: &[i64], dated: &Dated, tz: &TimeZone) -> Clock {
    let seconds = dated
        .iter()
        .map(|(d, w)| {
            (
                *d,
                w.iter()
                    .map(|&(a, b)| (i64::from(a) * 60, i64::from(b) * 60))
                    .collect(),
            )
        })
        .collect();
    Clock::with_dated(week, closed, seconds, tz.clone())
}

fn calendars() -> [WeekHours; 3] {
    use Weekday::*;
    [
        hours(&[(&[Mon, Tue, Wed, Thu, Fri], &[("09:00", "18:00")])]),
        hours(&[(&[Mon, Wed, Fri], &[("01:30", "03:30"), ("20:00", "24:00")])]),
        // Never open but on its dates.
        WeekHours::default(),
    ]
}

#[test]
fn running_time_with_dated_hours_equals_a_minute_by_minute_count() {
    let seed = 0xda7e_d0be_2027_1225;
    println!("seed {seed:#x}");
    let mut random = Random(seed);
    let mut checked = 0;
    for zone in ["Europe/Moscow", "Europe/Berlin", "Australia/Sydney"] {
        let tz = jiff::tz::db().get(zone).unwrap();
        let changes = offset_changes(&tz, 2000, 2040);
        let mut closed: Vec<i64> = changes
            .iter()
            .step_by(3)
            .map(|&t| t.div_euclid(DAY))
            .collect();
        closed.extend([day(2026, 1, 1), day(2026, 1, 7), day(2027, 12, 24)]);
        let dated = dated_days(&mut random, &changes, &closed, 2000, 40);
        for week in &calendars() {
            let clock = clock_of(week, &closed, &dated, &tz);
            for _ in 0..600 {
                let from = match random.below(3) {
                    // Around a dated day.
                    0 => {
                        let (d, _) = dated[random.below(dated.len() as u64) as usize];
                        (d - 2) * DAY + random.below(4 * DAY as u64)
                    }
                    _ => moment(&mut random, &changes, 3, 2000, 40),
                };
                let length = match random.below(10) {
                    0..=5 => random.below(2 * DAY as u64),
                    _ => random.below(20 * DAY as u64),
                };
                let to = from + length;
                let fast = clock.running(
                    Timestamp::from_second(from).unwrap(),
                    Timestamp::from_second(to).unwrap(),
                );
                let slow = brute(week, &closed, &dated, &tz, from, to);
                assert_eq!(fast, slow, "seed {seed:#x}, {zone}, {from}..{to}, {week:?}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 3 * 3 * 600);
}

#[test]
fn working_days_with_dated_hours_equal_a_walk() {
    let seed = 0xda7e_d0be_2027_0001;
    println!("seed {seed:#x}");
    let mut random = Random(seed);
    let mut checked = 0;
    // Zones with offset changes in the decade (Moscow has none since 2014).
    for zone in ["Europe/Berlin", "Australia/Sydney", "America/New_York"] {
        let tz = jiff::tz::db().get(zone).unwrap();
        let changes = offset_changes(&tz, 2020, 2030);
        let mut closed: Vec<i64> = changes
            .iter()
            .step_by(2)
            .map(|&t| t.div_euclid(DAY) + 1)
            .collect();
        closed.extend(day(2026, 1, 1)..day(2026, 1, 3));
        let dated = dated_days(&mut random, &changes, &closed, 2020, 10);
        for week in &calendars()[..2] {
            let clock = clock_of(week, &closed, &dated, &tz);
            for _ in 0..200 {
                let from = match random.below(2) {
                    0 => {
                        let (d, _) = dated[random.below(dated.len() as u64) as usize];
                        (d - 5) * DAY + random.below(6 * DAY as u64)
                    }
                    _ => moment(&mut random, &changes, 6, 2020, 10),
                };
                let days = 1 + random.below(8) as u32;
                let fast = clock
                    .due(Timestamp::from_second(from).unwrap(), days)
                    .unwrap()
                    .as_second();
                let slow = brute_due(week, &closed, &dated, &tz, from, days);
                assert_eq!(
                    fast, slow,
                    "seed {seed:#x}, {zone}, {days}wd from {from}, {week:?}"
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 3 * 2 * 200);
}

/// A calendar open on its dates only: a deadline counts them one by one.
#[test]
fn a_calendar_open_only_on_its_dates_counts_them_as_working_days() {
    let tz = jiff::tz::db().get("Europe/Moscow").unwrap();
    let dated: Dated = vec![
        (day(2027, 12, 25), vec![(540, 1080)]),
        (day(2028, 1, 8), vec![(600, 840)]),
    ];
    let clock = clock_of(&WeekHours::default(), &[], &dated, &tz);
    let from = Timestamp::from_second(day(2027, 12, 20) * DAY).unwrap();
    let at = |d: i64, minute: i64| d * DAY + minute * 60 - 3 * 3600;
    assert_eq!(
        clock.due(from, 1).unwrap().as_second(),
        at(day(2027, 12, 25), 1080)
    );
    assert_eq!(
        clock.due(from, 2).unwrap().as_second(),
        at(day(2028, 1, 8), 840)
    );
    assert_eq!(clock.due(from, 3), None);
}
