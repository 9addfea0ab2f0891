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

/// Zones of a fixed offset (minutes east of UTC) since before 2027, so that
/// the oracle below needs no time-zone database.
const FIXED_ZONES: [(&str, i64); 5] = [
    ("UTC", 0),
    ("Europe/Moscow", 180),
    ("Asia/Tbilisi", 240),
    ("Asia/Tashkent", 300),
    ("Asia/Kolkata", 330),
];

/// A drawn calendar as the oracle reads it.
#[derive(Debug)]
struct Drawn {
    windows: Windows,
    holidays: Vec<i64>,
    offset: i64,
}

impl Drawn {
    /// Whether it is open at UTC minute `utc`, its holidays kept or not.
    fn open_at(&self, utc: i64, holidays: bool) -> bool {
        let local = utc + self.offset;
        let day = local.div_euclid(1440);
        if holidays && self.holidays.contains(&day) {
            return false;
        }
        let minute = local.rem_euclid(1440) as u32;
        self.windows[(day + 3).rem_euclid(7) as usize]
            .iter()
            .any(|&(a, b)| a <= minute && minute < b)
    }
}

/// Every run of minutes (UTC minutes `from..to`) when `line` is open and
/// none of `queues` is, as local minutes of `line`; runs that touch either
/// end are left out.
fn unworked_runs(
    line: &Drawn,
    queues: &[Drawn],
    from: i64,
    to: i64,
    holidays: bool,
) -> Vec<(i64, i64)> {
    let mut runs = Vec::new();
    let mut start: Option<i64> = None;
    for t in from..to {
        let gap = line.open_at(t, holidays) && !queues.iter().any(|q| q.open_at(t, holidays));
        match (gap, start) {
            (true, None) => start = Some(t),
            (false, Some(s)) => {
                if s > from {
                    runs.push((s + line.offset, t + line.offset));
                }
                start = None;
            }
            _ => {}
        }
    }
    runs
}

/// A run's place in the week: weekday (0 = Monday), start in minutes of
/// the day, length.
fn week_key((from, to): (i64, i64)) -> (usize, i64, i64) {
    (
        (from.div_euclid(1440) + 3).rem_euclid(7) as usize,
        from.rem_euclid(1440),
        to - from,
    )
}

fn arb_drawn(holidays: impl Strategy<Value = Vec<i64>>) -> impl Strategy<Value = Drawn> {
    (arb_windows(), holidays, 0..FIXED_ZONES.len()).prop_map(|(windows, holidays, zone)| Drawn {
        windows,
        holidays,
        offset: FIXED_ZONES[zone].1,
    })
}

fn declared(drawn: &Drawn) -> Calendar {
    let zone = FIXED_ZONES.iter().find(|z| z.1 == drawn.offset).unwrap().0;
    calendar(&drawn.windows, &drawn.holidays, zone)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// `hours-uncovered` against minute-by-minute coverage (audit 16, M4):
    /// the weekly stretches are every run of unworked minutes of plain
    /// weeks (each weekday it starts on), and the dated ones every run
    /// around the holidays that no plain week has.
    #[test]
    fn every_unworked_stretch_is_told(
        line in arb_drawn(proptest::collection::vec(0i64..40, 0..2)),
        queues in proptest::collection::vec(
            arb_drawn(proptest::collection::vec(0i64..40, 0..3)), 1..4),
    ) {
        // Holidays in March and April 2027, far from the plain January week.
        let march = Date::parse("2027-03-01").unwrap().to_days();
        let shift = |d: &Drawn| Drawn {
            windows: d.windows.clone(),
            holidays: d.holidays.iter().map(|h| march + h).collect(),
            offset: d.offset,
        };
        let line = shift(&line);
        let queues: Vec<Drawn> = queues.iter().map(shift).collect();
        let january = Date::parse("2027-01-04").unwrap().to_days();
        let weekly_runs = unworked_runs(&line, &queues, (january - 14) * 1440, (january + 28) * 1440, false);
        // A line nobody ever works is a stretch of its own (no run ends).
        prop_assume!(weekly_runs.iter().all(|r| r.1 - r.0 < 7 * 1440));
        let weekly: std::collections::BTreeSet<_> = weekly_runs.iter().map(|&r| week_key(r)).collect();
        let dated: std::collections::BTreeSet<(i64, i64)> =
            unworked_runs(&line, &queues, (march - 21) * 1440, (march + 61) * 1440, true)
                .into_iter()
                .filter(|&r| !weekly.contains(&week_key(r)))
                .collect();
        prop_assume!(dated.iter().all(|r| r.1 - r.0 <= 2 * 1440));
        let others: Vec<Calendar> = queues.iter().map(declared).collect();
        let found = uncovered(&declared(&line), &others.iter().collect::<Vec<_>>());
        let Some(found) = found else {
            prop_assert!(weekly.is_empty() && dated.is_empty(), "{weekly:?} {dated:?}");
            return Ok(());
        };
        let mut told = std::collections::BTreeSet::new();
        for w in &found.weekly {
            prop_assert_eq!(w.season, Season::Both);
            for d in &w.weekdays {
                told.insert((d.index(), w.gap.from.0.rem_euclid(1440), w.gap.minutes()));
            }
        }
        prop_assert_eq!(told, weekly);
        let told: std::collections::BTreeSet<(i64, i64)> =
            found.dated.iter().map(|g| (g.from.0, g.to.0)).collect();
        prop_assert_eq!(&told, &dated);
        // Longest first.
        prop_assert!(found.dated.windows(2).all(|p| p[0].minutes() >= p[1].minutes()));
        // As told, in runs of consecutive dates (prac18): each run's dates
        // are unworked runs of the walk, all of them, once; no two runs
        // could be one; longest first.
        let runs = found.dated_runs();
        let mut expanded = std::collections::BTreeSet::new();
        for r in &runs {
            for i in 0..r.days {
                prop_assert!(expanded.insert((r.first.from.0 + i * 1440, r.first.to.0 + i * 1440)));
            }
        }
        prop_assert_eq!(expanded, dated);
        for a in &runs {
            for b in &runs {
                let next = a.last().from.0 + 1440;
                prop_assert!(
                    b.first.minutes() != a.first.minutes() || b.first.from.0 != next,
                    "{:?} and {:?} are one run", a, b
                );
            }
        }
        prop_assert!(runs.windows(2).all(|p| p[0].first.minutes() >= p[1].first.minutes()));
    }
}
