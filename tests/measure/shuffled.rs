//! Outside audit 6, F2: a case is every row with its id wherever the row
//! lies in the export ("Rows need not be sorted"), its visits ordered by
//! `entered` and cut after each visit of a final step. The same rows in
//! any order give the same `measure.json`, byte for byte.

use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// A journey with a loop (`check` is an end with a way on, so a case goes
/// on past it) and a final step (`closed`: an id seen after it is a new
/// case).
const SPEC: &str = r#"service "Shuffled" { language en; review every 12 months; reviewed 2026-10-01 }
team support { lead support_lead }
team field { lead field_lead }
role support_lead { team support; duty "Leads the contact centre" }
role field_lead { team field; duty "Leads the field crews" }
channel phone { kind phone; owner support }
channel visit { kind field; owner field }
segment mass { channels phone, visit }
sla mass_sla for mass { resolution within 2d }
journey repair "Repair" {
  segments mass
  within 5d
  start call
  step call { owner support; channel phone; within 1d; next visit; next closed }
  step visit { owner field; channel visit; within 2d; next check }
  step check { owner support; channel phone; end "Checked"; next visit }
  step closed { owner support; end "Closed" }
}
"#;

const STEPS: [&str; 4] = ["call", "visit", "check", "closed"];

fn insurer() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs/insurer")
}

/// `cxc measure` of `spec_dir` over the cases export `cases` (written to
/// a fresh folder): `measure.json` as written, and the report.
fn measure_cases(spec_dir: &Path, cases: &str) -> (Vec<u8>, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cases.csv");
    std::fs::write(&file, cases).unwrap();
    let out = dir.path().join("out");
    let output = super::common::cxc_in(
        spec_dir,
        &[
            "measure",
            ".",
            "--cases",
            file.to_str().unwrap(),
            "--format",
            "json",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.code().unwrap_or(-1) <= 1, "{output:?}");
    (
        std::fs::read(out.join("measure.json")).unwrap(),
        super::common::json(&output),
    )
}

fn journey<'a>(measured: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    measured["journeys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["journey"] == id)
        .unwrap_or_else(|| panic!("{measured}"))
}

/// The reviewer's export as shipped (rows shuffled as a warehouse query
/// without ORDER BY returns them): the 400 motor cases the generator made,
/// 20 of them skipping triage (`data/gencases.py`), and no step hurting.
/// Before, every case whose final-step row came early was split: 714 cases,
/// 512 off the map, `measured-pain` at `repair` and `fraud_review`.
#[test]
fn the_insurers_shuffled_cases_are_the_400_cases_the_reviewer_made() {
    let cases = std::fs::read_to_string(insurer().join("data/cases.csv")).unwrap();
    let (json, report) = measure_cases(&insurer(), &cases);
    let measured: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let motor = journey(&measured, "motor_claim");
    assert_eq!(
        (&motor["cases"], &motor["deviating"]),
        (&400.into(), &20.into())
    );
    assert_eq!(
        motor["detours"],
        serde_json::json!([{"from": "fnol", "to": "estimate", "count": 20}])
    );
    let message = |code: &str| -> Vec<String> {
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == code)
            .map(|d| d["message"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        message("journey-deviation")
            .iter()
            .any(|m| m.starts_with("20 of 400 cases of journey `motor_claim`")),
        "{report}"
    );
    assert!(message("measured-pain").is_empty(), "{report}");
}

/// The export's rows in the order `order` gives, the header first.
fn reorder(header: &str, rows: &[String], order: &[usize]) -> String {
    let mut text = format!("{header}\n");
    for &i in order {
        text.push_str(&rows[i]);
        text.push('\n');
    }
    text
}

/// The insurer's cases in random orders, its three bad rows kept at their
/// lines (so that `bad_data` names the same lines): the same bytes.
#[test]
fn the_insurers_cases_in_any_order_give_the_same_measure_json() {
    let cases = std::fs::read_to_string(insurer().join("data/cases.csv")).unwrap();
    let (header, body) = cases.split_once('\n').unwrap();
    let rows: Vec<String> = body.lines().map(str::to_string).collect();
    let (expected, _) = measure_cases(&insurer(), &cases);
    let measured: serde_json::Value = serde_json::from_slice(&expected).unwrap();
    // Lines (the header is line 1) of the rows set aside.
    let bad: Vec<usize> = measured["bad_data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["file"] == "cases")
        .flat_map(|b| b["first_lines"].as_array().unwrap().clone())
        .map(|l| l.as_u64().unwrap() as usize - 2)
        .collect();
    assert_eq!(bad.len(), 3, "{measured}");
    let good: Vec<usize> = (0..rows.len()).filter(|i| !bad.contains(i)).collect();
    let strategy = Just(good.clone()).prop_shuffle();
    super::common::run_seeded(
        "insurer cases shuffled",
        [6u8; 32],
        3,
        &strategy,
        |shuffled| {
            let mut order: Vec<usize> = (0..rows.len()).collect();
            for (slot, row) in good.iter().zip(shuffled) {
                order[*slot] = row;
            }
            let (json, _) = measure_cases(&insurer(), &reorder(header, &rows, &order));
            assert!(json == expected, "{}", String::from_utf8_lossy(&json));
        },
    );
}

/// One visit: case id (a few, so ids repeat and come back after `closed`),
/// step, entered (quarter hours over four days, so visits tie), `left`
/// some minutes later or none, and a CSAT or none.
fn visit() -> impl Strategy<Value = String> {
    (
        0..5u8,
        0..STEPS.len(),
        0..400i64,
        proptest::option::of(0..600i64),
        proptest::option::of(1..=5u8),
    )
        .prop_map(|(case, step, quarter, left, csat)| {
            let entered = 1_793_577_600 + quarter * 900;
            let time = |s: i64| jiff::Timestamp::from_second(s).unwrap().to_string();
            format!(
                "c{case},repair,{},{},{},{}",
                STEPS[step],
                time(entered),
                left.map_or(String::new(), |m| time(entered + m * 60)),
                csat.map_or(String::new(), |c| c.to_string()),
            )
        })
}

/// Generated cases exports and the same rows shuffled: the same bytes.
#[test]
fn generated_cases_in_any_order_give_the_same_measure_json() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spec.cx"), SPEC).unwrap();
    let header = "case,journey,step,entered,left,csat";
    let strategy = proptest::collection::vec(visit(), 1..60)
        .prop_flat_map(|rows| (Just(rows.clone()), Just(rows).prop_shuffle()));
    super::common::run_seeded(
        "cases shuffled",
        [2u8; 32],
        24,
        &strategy,
        |(rows, shuffled)| {
            let all: Vec<usize> = (0..rows.len()).collect();
            let (sorted, _) = measure_cases(dir.path(), &reorder(header, &rows, &all));
            let (mixed, _) = measure_cases(dir.path(), &reorder(header, &shuffled, &all));
            assert!(
                sorted == mixed,
                "{rows:?}\n{shuffled:?}\n{}\n{}",
                String::from_utf8_lossy(&sorted),
                String::from_utf8_lossy(&mixed)
            );
        },
    );
}
