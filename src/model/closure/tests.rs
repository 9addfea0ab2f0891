//! The longest closure against a brute force that shares none of its
//! arithmetic: every minute of a stretch of days is marked open or closed,
//! and the longest run of closed minutes between two open ones is counted.

use super::*;
use crate::syntax::values::Weekday;
use proptest::prelude::*;

/// Monday 2026-11-02, as a day number.
const MONDAY: i64 = 20_394;

use crate::model::calendar::fixtures::{calendar_for_tests as calendar, Windows};

/// The longest closed run (in minutes) bounded by open minutes on both
/// sides, over days `from..to`.
fn brute(windows: &Windows, holidays: &[i64], from: i64, to: i64) -> Option<i64> {
    let mut longest: Option<i64> = None;
    let mut last_open: Option<i64> = None;
    for m in from * 1440..to * 1440 {
        let day = m.div_euclid(1440);
        let minute = m.rem_euclid(1440) as u32;
        let weekday = (day + 3).rem_euclid(7) as usize;
        let open = !holidays.contains(&day)
            && windows[weekday]
                .iter()
                .any(|&(a, b)| a <= minute && minute < b);
        if open {
            if let Some(last) = last_open.filter(|&l| l + 1 < m) {
                longest = longest.max(Some(m - last - 1));
            }
            last_open = Some(m);
        }
    }
    longest
}

fn weekdays(hours: &[(usize, u32, u32)]) -> Windows {
    let mut windows: Windows = Default::default();
    for &(day, a, b) in hours {
        windows[day].push((a * 60, b * 60));
    }
    windows
}

/// The audit's lines: Kaliningrad Mon–Fri 09–18 is closed Fri 18:00 to
/// Mon 09:00 (63 h); a line open every day 07–23 is closed 32 h
/// over a 1 January holiday.
#[test]
fn weekends_and_holidays_next_to_them_make_one_closure() {
    let office = weekdays(&(0..5).map(|d| (d, 9, 18)).collect::<Vec<_>>());
    let longest = longest_closure(&calendar(&office, &[], "Europe/Kaliningrad")).unwrap();
    assert_eq!(longest.minutes(), 63 * 60);
    assert_eq!(
        (longest.from.weekday(), longest.from.time()),
        (Weekday::Fri, "18:00".into())
    );
    assert_eq!(
        (longest.to.weekday(), longest.to.time()),
        (Weekday::Mon, "09:00".into())
    );
    assert!(!longest.dated);
    let line = weekdays(&(0..7).map(|d| (d, 7, 23)).collect::<Vec<_>>());
    let new_year = Date::parse("2027-01-01").unwrap().to_days();
    let longest = longest_closure(&calendar(&line, &[new_year], "Europe/Moscow")).unwrap();
    assert_eq!(longest.minutes(), 32 * 60);
    assert_eq!(
        (
            longest.from.date().to_string(),
            longest.from.time(),
            longest.to.date().to_string(),
            longest.to.time()
        ),
        (
            "2026-12-31".to_string(),
            "23:00".to_string(),
            "2027-01-02".to_string(),
            "07:00".to_string()
        )
    );
    // A holiday on the Monday after the office's weekend: Fri 18:00 to Tue 09:00.
    let monday = Date::parse("2026-11-09").unwrap().to_days();
    let longest = longest_closure(&calendar(&office, &[monday], "Europe/Moscow")).unwrap();
    assert_eq!(longest.minutes(), (63 + 24) * 60);
    assert_eq!(
        (longest.from.date().to_string(), longest.from.time()),
        ("2026-11-06".to_string(), "18:00".to_string())
    );
    assert!(longest.dated);
}

#[test]
fn a_calendar_that_never_closes_or_never_opens_has_no_closure() {
    let always = weekdays(&(0..7).map(|d| (d, 0, 24)).collect::<Vec<_>>());
    assert_eq!(longest_closure(&calendar(&always, &[], "UTC")), None);
    assert_eq!(
        longest_closure(&calendar(&Windows::default(), &[], "UTC")),
        None
    );
    // Around the clock but for one holiday: that day.
    let closure = longest_closure(&calendar(&always, &[MONDAY], "UTC")).unwrap();
    assert_eq!(closure.minutes(), 1440);
}

fn arb_windows() -> impl Strategy<Value = Windows> {
    // Per weekday: closed, or one or two windows on a 30-minute grid.
    let day = prop_oneof![
        Just(Vec::new()),
        (0u32..48, 1u32..=48).prop_map(|(a, len)| vec![(a * 30, ((a + len).min(48)) * 30)]),
        (0u32..20, 1u32..10, 1u32..10, 1u32..10).prop_map(|(a, l1, gap, l2)| {
            let b = a + l1;
            let c = b + gap;
            vec![(a * 30, b * 30), (c * 30, (c + l2).min(48) * 30)]
        }),
    ];
    proptest::array::uniform7(day)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Random weekly hours, holidays within ten weeks (often in runs, next
    /// to weekends) and a random zone: the computed longest closure is the
    /// brute force's, and starts at a closing time and ends at an opening.
    #[test]
    fn the_longest_closure_is_the_longest_run_of_closed_minutes(
        windows in arb_windows(),
        holidays in proptest::collection::vec(0i64..70, 0..12),
        zone in prop_oneof![
            Just("Europe/Kaliningrad"), Just("Europe/Moscow"),
            Just("Asia/Novosibirsk"), Just("Asia/Vladivostok"), Just("UTC"),
        ],
    ) {
        let holidays: Vec<i64> = holidays.iter().map(|h| MONDAY + h).collect();
        let computed = longest_closure(&calendar(&windows, &holidays, zone));
        // Four weeks of plain days on both sides hold every closure.
        let expected = brute(&windows, &holidays, MONDAY - 28, MONDAY + 70 + 28);
        prop_assert_eq!(computed.map(Closure::minutes), expected);
        if let Some(closure) = computed {
            let weekday = |m: LocalMinute| (m.0.div_euclid(1440) + 3).rem_euclid(7) as usize;
            let minute = |m: LocalMinute| m.0.rem_euclid(1440) as u32;
            prop_assert!(windows[weekday(closure.to)].iter().any(|w| w.0 == minute(closure.to)));
            let close = closure.from;
            let day_before = LocalMinute(close.0 - 1);
            prop_assert!(windows[weekday(day_before)]
                .iter()
                .any(|w| w.1 == minute(day_before) + 1));
        }
    }
}
