//! `headcount-short` adds up what a team's queues need at the same moment.
//! Queues whose forecasts are a typical day (`08:30`) or week (`tue 08:30`)
//! write their times on their own channel's clock: a Manila line's 09:00 is
//! not a Sydney line's 09:00 (outside audit 7).
//!
//! Oracle, independent of cxc's week arithmetic: every quarter hour of a
//! real week in mid-January and in mid-July 2026 (a typical day has no
//! date, so both sides of daylight saving count), each queue's local time
//! and weekday by jiff, the row covering it (if the channel is open in it
//! that weekday) and its people as `cxc staff` computes them; the need is
//! the largest sum. `headcount-short` fires for a headcount one below it
//! and not at it.

mod common;

use common::ByPath;
use jiff::civil::date;
use proptest::prelude::*;

const ZONES: [&str; 8] = [
    "Australia/Sydney",
    "Australia/Adelaide",
    "Australia/Lord_Howe",
    "Asia/Manila",
    "Asia/Kathmandu",
    "Europe/Moscow",
    "Europe/Berlin",
    "America/New_York",
];
const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

#[derive(Debug, Clone)]
struct Line {
    zone: &'static str,
    /// The channel's weekdays `first..=last` and minutes `from..to`; all
    /// week around the clock when `always`.
    always: bool,
    first: usize,
    last: usize,
    from: u32,
    to: u32,
    /// Rows at these half hours, with a volume; of a typical week (the
    /// day given) when `weekly`, else of a typical day.
    rows: Vec<(u32, usize, u32)>,
    weekly: bool,
}

fn line() -> impl Strategy<Value = Line> {
    (
        0..ZONES.len(),
        any::<bool>(),
        (0..7usize, 0..7usize),
        (0..80u32, 8..96u32),
        prop::collection::btree_map((0..48u32, 0..7usize), 1..60u32, 1..12),
        any::<bool>(),
    )
        .prop_map(|(z, always, (d0, d1), (from, len), rows, weekly)| {
            let mut rows: Vec<(u32, usize, u32)> =
                rows.into_iter().map(|((h, d), v)| (h, d, v)).collect();
            if !weekly {
                // One row per time of a typical day.
                rows.dedup_by_key(|r| r.0);
            }
            Line {
                zone: ZONES[z],
                always,
                first: d0.min(d1),
                last: d0.max(d1),
                from: from * 15,
                to: ((from + len) * 15).min(24 * 60),
                rows,
                weekly,
            }
        })
}

fn lines() -> impl Strategy<Value = Vec<Line>> {
    prop::collection::vec(line(), 2..4)
}

fn hm(m: u32) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

fn spec(lines: &[Line], headcount: u64) -> String {
    let channels: Vec<String> = (0..lines.len()).map(|i| format!("c{i}")).collect();
    let mut spec = format!(
        "team t {{ lead boss }}\n\
         role boss {{ team t; duty \"Leads\" }}\n\
         role agent {{ team t; headcount {headcount}; duty \"Answers\" }}\n\
         segment s {{ channels {} }}\n\
         sla s_sla for s {{ {} }}\n",
        channels.join(", "),
        channels
            .iter()
            .map(|c| format!("answer {c} 80% within 60s"))
            .collect::<Vec<_>>()
            .join("; ")
    );
    for (i, l) in lines.iter().enumerate() {
        let open = if l.always {
            "24x7".to_string()
        } else {
            let to = if l.to == 24 * 60 {
                "24:00".into()
            } else {
                hm(l.to)
            };
            format!("{}-{} {}-{to}", DAYS[l.first], DAYS[l.last], hm(l.from))
        };
        spec.push_str(&format!(
            "calendar h{i} {{ timezone \"{}\"; open {open} }}\n\
             channel c{i} {{ kind phone; hours h{i}; owner t }}\n\
             queue q{i} {{ channel c{i}; segments s; team t; aht 3m\n  forecast file \"f{i}.csv\" per 30m }}\n",
            l.zone
        ));
    }
    spec
}

fn files(lines: &[Line]) -> ByPath {
    ByPath(
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let mut csv = String::from("start,volume\n");
                for &(half, day, volume) in &l.rows {
                    let time = hm(half * 30);
                    match l.weekly {
                        true => csv.push_str(&format!("{} {time},{volume}\n", DAYS[day])),
                        false => csv.push_str(&format!("{time},{volume}\n")),
                    }
                }
                (format!("f{i}.csv"), csv)
            })
            .collect(),
    )
}

impl Line {
    /// The channel is open at some minute of the half hour `half` of `day`.
    fn open(&self, day: usize, half: u32) -> bool {
        let (a, b) = (half * 30, half * 30 + 30);
        self.always
            || ((self.first..=self.last).contains(&day) && a.max(self.from) < b.min(self.to))
    }

    /// The people the line needs at `at`: those of the row covering its
    /// local time, when the channel is open in it that weekday.
    fn need(&self, people: &[(u32, usize, u32)], at: jiff::Timestamp) -> u64 {
        let zone = jiff::tz::db().get(self.zone).unwrap();
        let local = at.to_zoned(zone).datetime();
        let day = local.weekday().to_monday_zero_offset() as usize;
        let half = (local.hour() as u32 * 60 + local.minute() as u32) / 30;
        people
            .iter()
            .find(|&&(h, d, _)| h == half && (!self.weekly || d == day))
            .filter(|_| self.open(day, half))
            .map_or(0, |&(_, _, n)| u64::from(n))
    }
}

/// The most people the lines need at one moment of a week in January or
/// in July 2026.
fn oracle(lines: &[Line], people: &[Vec<(u32, usize, u32)>]) -> u64 {
    let mut most = 0;
    for monday in [date(2026, 1, 12), date(2026, 7, 13)] {
        let start = monday
            .to_zoned(jiff::tz::TimeZone::UTC)
            .unwrap()
            .timestamp();
        for quarter in 0..7 * 96 {
            let at = start + jiff::SignedDuration::from_mins(15 * quarter);
            let n: u64 = lines.iter().zip(people).map(|(l, p)| l.need(p, at)).sum();
            most = most.max(n);
        }
    }
    most
}

/// Whether the team is reported `headcount-short` at `headcount`.
fn short(lines: &[Line], headcount: u64) -> bool {
    let model = common::model_of(&spec(lines, headcount));
    let (_, problems) = cxc::staffing::plan(&model, &files(lines));
    problems
        .iter()
        .any(|d| d.code == cxc::diagnostic::Code::HeadcountShort)
}

#[test]
fn headcount_short_adds_typical_intervals_at_the_same_instant() {
    common::run_seeded(
        "typical headcount across zones",
        *b"typical headcount across zones!!",
        48,
        &lines(),
        |lines| {
            let model = common::model_of(&spec(&lines, 1_000_000));
            let files = files(&lines);
            let (plans, _) = cxc::staffing::plan(&model, &files);
            assert_eq!(plans.len(), lines.len());
            // Each row's people, as staffing computes them.
            let people: Vec<Vec<(u32, usize, u32)>> = plans
                .iter()
                .zip(&lines)
                .map(|(plan, l)| {
                    plan.intervals(&model, &files)
                        .zip(&l.rows)
                        .map(|(i, &(h, d, _))| (h, d, i.required_agents.unwrap()))
                        .collect()
                })
                .collect();
            let most = oracle(&lines, &people);
            let spec = spec(&lines, most);
            assert!(!short(&lines, most), "short at {most}\n{spec}");
            if most > 0 {
                assert!(short(&lines, most - 1), "not short at {}\n{spec}", most - 1);
            }
        },
    );
}

/// The corpus case in small: a Sydney line busiest at 08:00 and a Manila
/// line busiest at 06:00, 14 agents each. In July Sydney's 08:00 is
/// Manila's 06:00: 28 at once. Both at 08:00 on their own clocks never
/// meet (Manila's 08:00 is Sydney's 10:00 or 11:00): 14.
#[test]
fn a_sydney_line_and_a_manila_line_meet_at_the_same_instant() {
    let line = |zone, half| Line {
        zone,
        always: true,
        first: 0,
        last: 6,
        from: 0,
        to: 24 * 60,
        rows: vec![(half, 0, 100)],
        weekly: false,
    };
    let july = [line("Australia/Sydney", 16), line("Asia/Manila", 12)];
    let model = common::model_of(&spec(&july, 0));
    let (plans, _) = cxc::staffing::plan(&model, &files(&july));
    let one = u64::from(plans[0].peak_required_agents().unwrap());
    assert!(one > 1);
    assert!(short(&july, 2 * one - 1));
    assert!(!short(&july, 2 * one));
    let same_digits = [line("Australia/Sydney", 16), line("Asia/Manila", 16)];
    assert!(!short(&same_digits, one));
    assert!(short(&same_digits, one - 1));
}

/// Two around-the-clock lines of one zone whose typical days are read in
/// hours (`per 60m`): line 0's only row at `first`, line 1's at `second`
/// (minutes after midnight), 100 contacts each.
fn hourly(first: u32, second: u32) -> (String, ByPath) {
    let line = |minutes: u32| Line {
        zone: "Europe/Moscow",
        always: true,
        first: 0,
        last: 6,
        from: 0,
        to: 24 * 60,
        rows: vec![(minutes / 30, 0, 100)],
        weekly: false,
    };
    let lines = [line(first), line(second)];
    (spec(&lines, 0).replace("per 30m", "per 60m"), files(&lines))
}

/// The people one hour of 100 contacts needs, and whether the team of the
/// two hourly lines is short at `headcount`.
fn hourly_short(first: u32, second: u32, headcount: u64) -> (u64, bool) {
    let (spec, files) = hourly(first, second);
    let one = {
        let model = common::model_of(&spec);
        let (plans, _) = cxc::staffing::plan(&model, &files);
        u64::from(plans[0].peak_required_agents().unwrap())
    };
    let spec = spec.replace("headcount 0", &format!("headcount {headcount}"));
    let model = common::model_of(&spec);
    let (_, problems) = cxc::staffing::plan(&model, &files);
    let short = problems
        .iter()
        .any(|d| d.code == cxc::diagnostic::Code::HeadcountShort);
    (one, short)
}

/// A typical hour from 23:30 runs to 00:30: after midnight it meets the
/// other line's 00:00 hour, so both lines need their people at once.
#[test]
fn a_typical_interval_across_midnight_meets_the_next_days_first_hour() {
    let (one, _) = hourly_short(23 * 60 + 30, 0, 0);
    assert!(one > 1);
    let (_, short) = hourly_short(23 * 60 + 30, 0, 2 * one - 1);
    assert!(
        short,
        "23:30-00:30 and 00:00-01:00 overlap: {} needed",
        2 * one
    );
    let (_, short) = hourly_short(23 * 60 + 30, 0, 2 * one);
    assert!(!short);
}

/// An hour from 23:30 ends at 00:30, as the other line's hour starts:
/// they never overlap, and one line's people are enough.
#[test]
fn a_typical_interval_across_midnight_ends_where_it_ends() {
    let (one, _) = hourly_short(23 * 60 + 30, 30, 0);
    let (_, short) = hourly_short(23 * 60 + 30, 30, one);
    assert!(!short, "23:30-00:30 and 00:30-01:30 do not overlap");
    let (_, short) = hourly_short(23 * 60 + 30, 30, one - 1);
    assert!(short);
}
