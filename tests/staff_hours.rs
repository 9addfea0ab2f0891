//! Staffing judges an SLA's targets only while its hours are open and on the
//! queues whose channel it covers; a closed channel needs no agents. And
//! `cxc check` (the plan's findings) and `cxc staff` (the plan's intervals)
//! read one judgement, so they agree.

mod common;

use common::{cxc_in, json, ByPath};
use cxc::i18n::Message;
use cxc::source::FileId;
use cxc::staffing::forecast::ForecastFiles;
use proptest::prelude::*;
use std::io::Read;

/// Every forecast file the spec names holds these rows.
struct Held(String);

impl ForecastFiles for Held {
    fn open(&self, _: FileId, _: &str) -> Result<Box<dyn Read>, Message> {
        Ok(Box::new(std::io::Cursor::new(self.0.clone().into_bytes())))
    }
}

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// 2027-01-11, a Monday, 00:00 UTC.
const MONDAY: i64 = 1_799_625_600;

#[derive(Debug, Clone)]
struct Case {
    /// The SLA's hours: weekdays `first..=last`, hours `from..to` (UTC).
    first: usize,
    last: usize,
    from: u32,
    to: u32,
    /// The channel open around the clock, or on the SLA's days 06:00–22:00.
    channel_always: bool,
    agents: u32,
    /// (hour of the week, calls in that hour).
    rows: Vec<(i64, u32)>,
}

impl Case {
    fn spec(&self) -> String {
        let channel_hours = if self.channel_always {
            "open 24x7".to_string()
        } else {
            format!("open {}-{} 06:00-22:00", DAYS[self.first], DAYS[self.last])
        };
        format!(
            "team t {{}}\n\
             calendar sla_hours {{ open {}-{} {:02}:00-{:02}:00 }}\n\
             calendar line_hours {{ {channel_hours} }}\n\
             channel phone {{ kind phone; hours line_hours; owner t }}\n\
             segment s {{ channels phone }}\n\
             sla day for s {{ hours sla_hours; answer phone 80% within 20s; target abandonment <= 2% }}\n\
             queue q {{ channel phone; segments s; team t; agents {}; aht 5m; patience 1m\n  forecast file \"f.csv\" per 1h }}\n",
            DAYS[self.first], DAYS[self.last], self.from, self.to, self.agents
        )
    }

    fn csv(&self) -> String {
        let mut csv = String::from("start,volume\n");
        for &(hour, calls) in &self.rows {
            let t = jiff::Timestamp::from_second(MONDAY + hour * 3600).unwrap();
            csv.push_str(&format!("{t},{calls}\n"));
        }
        csv
    }

    /// Whether a calendar of `first..=last`, `from..to` is open in the hour.
    fn open(&self, hour: i64, from: u32, to: u32) -> bool {
        let day = (hour / 24) as usize % 7;
        let h = (hour % 24) as u32;
        (self.first..=self.last).contains(&day) && (from..to).contains(&h)
    }

    fn sla_open(&self, hour: i64) -> bool {
        self.open(hour, self.from, self.to) && self.channel_open(hour)
    }

    fn channel_open(&self, hour: i64) -> bool {
        self.channel_always || self.open(hour, 6, 22)
    }
}

fn case() -> impl Strategy<Value = Case> {
    (
        0..7usize,
        0..7usize,
        0..22u32,
        1..24u32,
        any::<bool>(),
        1..12u32,
        prop::collection::vec((0..168i64, 0..60u32), 1..30),
    )
        .prop_map(|(a, b, from, len, channel_always, agents, rows)| Case {
            first: a.min(b),
            last: a.max(b),
            from,
            to: (from + len).min(23),
            channel_always,
            agents,
            // Each hour of the week once: a repeated start is an interval
            // given twice, an error (attack 17).
            rows: {
                let mut hours = std::collections::HashSet::new();
                rows.into_iter()
                    .filter(|&(hour, _)| hours.insert(hour))
                    .collect()
            },
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// No interval outside the SLA's hours (or the channel's) is judged on
    /// the SLA's targets, none when the channel is closed needs an agent,
    /// and the findings `check` gives are the ones the intervals `staff`
    /// prints add up to.
    #[test]
    fn targets_count_only_in_their_hours_and_check_agrees_with_staff(case in case()) {
        let spec = case.spec();
        let mut workspace = cxc::loader::load_bytes("spec.cx", spec.as_bytes());
        prop_assert!(workspace.diagnostics.is_empty(), "{:?}", workspace.diagnostics);
        let (model, found) = cxc::model::build(&mut workspace.specs[0]);
        prop_assert!(found.is_empty(), "{found:?}");
        let files = Held(case.csv());
        let (plans, diagnostics) = cxc::staffing::plan(&model, &files);
        prop_assert_eq!(plans.len(), 1);
        let plan = &plans[0];
        let (mut short, mut missed, mut closed_calls) = (0, 0, 0.0);
        for (interval, &(hour, _)) in plan.intervals(&model, &files).zip(&case.rows) {
            let judged = case.sla_open(hour);
            prop_assert_eq!(interval.target.is_some(), judged, "hour {} {:?}", hour, interval);
            prop_assert_eq!(interval.judged.clone(), vec![judged]);
            prop_assert_eq!(interval.closed, !case.channel_open(hour));
            if !judged {
                prop_assert!(interval.binding.map(|b| plan.binding_code(b)).is_none_or(|b| !b.contains("80%") && !b.contains("abandonment")), "{:?}", interval);
            }
            if interval.closed {
                prop_assert_eq!(interval.required_agents, Some(0));
                closed_calls += interval.volume;
            }
            if interval.target.is_some() && interval.answer_agents.is_none_or(|n| n > case.agents) {
                short += 1;
            }
            if let Some(outcome) = &interval.at_agents {
                if judged && !plan.metrics[0].met_by(outcome) {
                    missed += 1;
                }
            }
        }
        let has = |code: &str| diagnostics.iter().any(|d| d.code.as_str() == code);
        prop_assert_eq!(has("understaffed"), short > 0, "{:?}", diagnostics);
        prop_assert_eq!(has("metric-target-unmet"), missed > 0, "{:?}", diagnostics);
        prop_assert_eq!(has("forecast-when-closed"), closed_calls > 0.0, "{:?}", diagnostics);
    }
}

/// The pharmacy's clinic line (second audit, B3): its channel `phone` keeps
/// the `national` hours, 07:00–23:00, and the clinics' SLA counts Mon–Fri
/// 09:00–18:00. `cxc staff` plans nobody while the line is closed, staffs
/// 07:00–08:30 for the load alone, and holds 09:00–17:30 to the answer
/// target; `cxc check` says contacts are forecast while it is closed.
#[test]
fn the_clinic_line_is_staffed_only_while_it_is_open() {
    let pharmacy = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs/pharmacy");
    let report = json(&cxc_in(&pharmacy, &["staff", "--format", "json"]));
    let queue = report["queues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["queue"] == "q_b2b")
        .unwrap();
    for interval in queue["intervals"].as_array().unwrap() {
        let start = interval["start"].as_str().unwrap();
        let closed = !("07:00".."23:00").contains(&start);
        assert_eq!(interval["closed"] == true, closed, "{interval}");
        if closed {
            assert_eq!(interval["required_agents"], 0, "{interval}");
        }
        let judged = ("09:00".."18:00").contains(&start);
        let binds = interval["binding_target"].as_str().unwrap_or("");
        assert_eq!(binds.starts_with("answer phone"), judged, "{interval}");
    }
    let check = json(&cxc_in(&pharmacy, &["check", "--format", "json"]));
    let closed: Vec<&str> = check["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "forecast-when-closed")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(closed.iter().any(|m| m.contains("`q_b2b`")), "{closed:?}");
}

/// How a row writes its instant: `Z`, an offset of this many quarter hours
/// (-48 to +56: -12:00 to +14:00), or a date and time without one (read in
/// UTC: no calendar here names a zone).
#[derive(Debug, Clone, Copy)]
enum Writing {
    Utc,
    Offset(i32),
    Local,
}

fn writing() -> impl Strategy<Value = Writing> {
    prop_oneof![
        Just(Writing::Utc),
        (-48..=56i32).prop_map(Writing::Offset),
        Just(Writing::Local),
    ]
}

fn write(hour: i64, how: Writing) -> String {
    let t = jiff::Timestamp::from_second(MONDAY + hour * 3600).unwrap();
    match how {
        Writing::Utc => t.to_string(),
        Writing::Offset(q) => {
            let offset = jiff::tz::Offset::from_seconds(q * 900).unwrap();
            t.display_with_offset(offset).to_string()
        }
        Writing::Local => t.to_zoned(jiff::tz::TimeZone::UTC).datetime().to_string(),
    }
}

fn csv(rows: &[(i64, u32)], ways: &[Writing]) -> String {
    let mut csv = String::from("start,volume\n");
    for (i, &(hour, calls)) in rows.iter().enumerate() {
        let how = ways.get(i).copied().unwrap_or(Writing::Utc);
        csv.push_str(&format!("{},{calls}\n", write(hour, how)));
    }
    csv
}

/// `text` with every instant it quotes (`2027-…`, with an offset, `Z` or
/// none) written in UTC.
fn in_utc(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("2027-") {
        out.push_str(&rest[..at]);
        let end = rest[at..]
            .find(|c: char| !(c.is_ascii_digit() || "-:T+Z".contains(c)))
            .map_or(rest.len(), |n| at + n);
        let quoted = &rest[at..end];
        let written = quoted.parse::<jiff::Timestamp>().ok();
        let naive = written.is_none().then(|| {
            let local = quoted.parse::<jiff::civil::DateTime>().ok()?;
            jiff::tz::TimeZone::UTC.to_timestamp(local).ok()
        });
        match written.or(naive.flatten()) {
            Some(t) => out.push_str(&t.to_string()),
            None => out.push_str(quoted),
        }
        rest = &rest[end..];
        // A start written without an offset names the clock it was read on
        // (audit 9, D12); written in UTC here, that clock is said by the `Z`.
        if naive.flatten().is_some() {
            rest = rest.strip_prefix(" UTC").unwrap_or(rest);
        }
    }
    out.push_str(rest);
    out
}

/// What a spec's staffing says: every finding (the instants it quotes
/// written in UTC) and every interval's figures but its start.
fn judgement(spec: &str, files: &ByPath) -> (Vec<String>, Vec<String>) {
    let model = common::model_of(spec);
    let (plans, diagnostics) = cxc::staffing::plan(&model, files);
    let findings = diagnostics
        .iter()
        .map(|d| format!("{} {:?} {}", d.code.as_str(), d.span, in_utc(&d.message)))
        .collect();
    let intervals = plans
        .iter()
        .flat_map(|plan| plan.intervals(&model, files))
        .map(|i| format!("{:?}", cxc::staffing::IntervalPlan { start: None, ..i }))
        .collect();
    (findings, intervals)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The same instants written with other offsets, `Z` or no offset at all
    /// are the same intervals: `check`'s findings (headcount-short matching
    /// two queues' intervals among them) and `staff`'s figures are those of
    /// the forecast written in UTC.
    #[test]
    fn an_instant_is_the_same_however_a_forecast_writes_it(
        case in case(),
        other in prop::collection::vec((0..168i64, 0..60u32), 1..30),
        ways in prop::collection::vec(writing(), 60),
        headcount in 1..25u32,
    ) {
        let spec = format!(
            "{}role agent {{ team t; headcount {headcount}; duty \"Answers\" }}\n\
             queue r {{ channel phone; segments s; team t; agents {}; aht 5m; patience 1m\n  forecast file \"g.csv\" per 1h }}\n",
            case.spec(),
            case.agents
        );
        let (q_ways, r_ways) = ways.split_at(30);
        let utc = ByPath(vec![
            ("f.csv".into(), csv(&case.rows, &[])),
            ("g.csv".into(), csv(&other, &[])),
        ]);
        let written = ByPath(vec![
            ("f.csv".into(), csv(&case.rows, q_ways)),
            ("g.csv".into(), csv(&other, r_ways)),
        ]);
        prop_assert_eq!(judgement(&spec, &written), judgement(&spec, &utc));
    }
}
