//! A forecast of a typical day (`08:30`) or week (`tue 08:30`) is written on
//! the clock of its queue's channel; an SLA whose hours are in another zone
//! is judged on that clock, not at the same digits (outside audit 7, F3: an
//! Adelaide SLA on a Sydney line, a Sydney SLA on a Manila chat roster).
//!
//! Oracle, independent of cxc's week arithmetic: a typical interval is
//! judged on the SLA when, on some day of a real week in January or in July
//! 2026 (a typical day has no date, so both sides of daylight saving
//! count), some minute of it — placed in the channel's zone by jiff — is
//! inside the SLA's hours read in the SLA's zone by jiff.

mod common;

use common::ByPath;
use jiff::civil::{date, Date, Time};
use jiff::tz::TimeZone;
use proptest::prelude::*;

const ZONES: [&str; 10] = [
    "Australia/Sydney",
    "Australia/Adelaide",
    "Australia/Brisbane",
    "Australia/Lord_Howe",
    "Asia/Manila",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Europe/Moscow",
    "Europe/Berlin",
    "America/New_York",
];
const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

#[derive(Debug, Clone)]
struct Case {
    line_zone: &'static str,
    sla_zone: &'static str,
    /// The SLA's weekdays `first..=last`, minutes `from..to` (quarter hours).
    first: usize,
    last: usize,
    from: u32,
    to: u32,
    /// Rows at these half hours of a typical day, or of a typical week when
    /// `weekly` is set (the second number is then the day).
    rows: Vec<(u32, usize)>,
    weekly: bool,
}

fn case() -> impl Strategy<Value = Case> {
    (
        0..ZONES.len(),
        0..ZONES.len(),
        0..7usize,
        0..7usize,
        0..92u32,
        4..60u32,
        prop::collection::btree_set((0..48u32, 0..7usize), 1..24),
        any::<bool>(),
    )
        .prop_map(|(a, b, d0, d1, from, len, rows, weekly)| Case {
            line_zone: ZONES[a],
            sla_zone: ZONES[b],
            first: d0.min(d1),
            last: d0.max(d1),
            from: from * 15,
            to: ((from + len) * 15).min(24 * 60),
            // A typical day has each half hour once: rows of two weekdays
            // at one half hour are one interval given twice (attack 17).
            rows: {
                let mut halves = std::collections::HashSet::new();
                rows.into_iter()
                    .filter(|&(half, _)| weekly || halves.insert(half))
                    .collect()
            },
            weekly,
        })
}

impl Case {
    fn spec(&self) -> String {
        let hm = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
        let to = if self.to == 24 * 60 {
            "24:00".to_string()
        } else {
            hm(self.to)
        };
        format!(
            "team t {{}}\n\
             calendar line {{ timezone \"{}\"; open 24x7 }}\n\
             calendar office {{ timezone \"{}\"; open {}-{} {}-{to} }}\n\
             channel phone {{ kind phone; hours line; owner t }}\n\
             segment s {{ channels phone }}\n\
             sla day for s {{ hours office; answer phone 80% within 20s }}\n\
             queue q {{ channel phone; segments s; team t; agents 50; aht 5m; patience 1m\n  forecast file \"f.csv\" per 30m }}\n",
            self.line_zone,
            self.sla_zone,
            DAYS[self.first],
            DAYS[self.last],
            hm(self.from),
        )
    }

    fn csv(&self) -> String {
        let mut csv = String::from("start,volume\n");
        for &(half, day) in &self.rows {
            let time = format!("{:02}:{:02}", half / 2, half % 2 * 30);
            if self.weekly {
                csv.push_str(&format!("{} {time},10\n", DAYS[day]));
            } else {
                csv.push_str(&format!("{time},10\n"));
            }
        }
        csv
    }

    /// Whether the SLA's hours are open at minute `m` of `day` on the line's
    /// clock, in some week of January or July 2026.
    fn judged(&self, half: u32, day: Option<usize>) -> bool {
        let line = jiff::tz::db().get(self.line_zone).unwrap();
        let office = jiff::tz::db().get(self.sla_zone).unwrap();
        // Mondays of a week in mid-January and in mid-July 2026.
        let mondays: [Date; 2] = [date(2026, 1, 12), date(2026, 7, 13)];
        mondays.iter().any(|monday| {
            (0..7)
                .filter(|d| day.is_none_or(|want| want == *d as usize))
                .any(|d| {
                    let on = monday.checked_add(jiff::Span::new().days(d)).unwrap();
                    (0..30).any(|minute| {
                        let m = half * 30 + minute;
                        let local = on
                            .to_datetime(Time::new((m / 60) as i8, (m % 60) as i8, 0, 0).unwrap());
                        let Ok(at) = line.to_timestamp(local) else {
                            return false;
                        };
                        self.open_at(&office, at)
                    })
                })
        })
    }

    fn open_at(&self, office: &TimeZone, at: jiff::Timestamp) -> bool {
        let local = at.to_zoned(office.clone()).datetime();
        let weekday = local.weekday().to_monday_zero_offset() as usize;
        let minute = local.hour() as u32 * 60 + local.minute() as u32;
        (self.first..=self.last).contains(&weekday) && (self.from..self.to).contains(&minute)
    }
}

#[test]
fn a_typical_interval_is_judged_on_the_sla_hours_read_in_the_line_zone() {
    common::run_seeded(
        "typical intervals across zones",
        *b"typical intervals across zones!!",
        96,
        &case(),
        |case| {
            let model = common::model_of(&case.spec());
            let files = ByPath(vec![("f.csv".into(), case.csv())]);
            let (plans, _) = cxc::staffing::plan(&model, &files);
            assert_eq!(plans.len(), 1, "{}", case.spec());
            let intervals: Vec<_> = plans[0].intervals(&model, &files).collect();
            assert_eq!(intervals.len(), case.rows.len());
            for (interval, &(half, day)) in intervals.iter().zip(&case.rows) {
                let expected = case.judged(half, case.weekly.then_some(day));
                assert_eq!(
                    interval.target.is_some(),
                    expected,
                    "{:?} at {:?}\n{}",
                    interval.start,
                    (half, day),
                    case.spec()
                );
            }
        },
    );
}

/// The audit's repro in small: an Adelaide office (08:30–17:00) on a Sydney
/// line. 08:30 in Sydney is 08:00 in Adelaide, closed; 17:00 in Sydney is
/// 16:30 in Adelaide, open.
#[test]
fn an_adelaide_sla_on_a_sydney_line_binds_half_an_hour_later() {
    let spec = "team t {}\n\
        calendar line { timezone \"Australia/Sydney\"; open mon-fri 07:00-22:00 }\n\
        calendar hardship { timezone \"Australia/Adelaide\"; open mon-fri 08:30-17:00 }\n\
        channel phone { kind phone; hours line; owner t }\n\
        segment s { channels phone }\n\
        sla h for s { hours hardship; answer phone 80% within 60s }\n\
        queue q { channel phone; segments s; team t; agents 20; aht 14m; patience 3m\n  forecast file \"f.csv\" per 30m }\n";
    let model = common::model_of(spec);
    let files = ByPath(vec![(
        "f.csv".into(),
        "start,volume\n08:30,11.4\n09:00,13.8\n17:00,24.8\n17:30,23.4\n".into(),
    )]);
    let (plans, _) = cxc::staffing::plan(&model, &files);
    let judged: Vec<bool> = plans[0]
        .intervals(&model, &files)
        .map(|i| i.target.is_some())
        .collect();
    assert_eq!(judged, [false, true, true, false]);
}
