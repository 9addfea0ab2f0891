//! `cxc measure` end to end: every measure code triggered at the right line
//! by a small export (`tests/measure/misses`), silence on data that meets
//! every target (`tests/measure/clean`), the shipped example's findings and
//! report files, and `measure.json` against its schema.

mod common;

use common::{cxc, json};
use std::collections::BTreeSet;

const SPEC: &str = "tests/measure/spec.cx";

/// `file:line code` of each finding on one data set.
fn findings(case: &str, extra: &[&str]) -> (BTreeSet<String>, serde_json::Value, i32) {
    let contacts = format!("tests/measure/{case}/contacts.csv");
    let cases = format!("tests/measure/{case}/cases.csv");
    let mut args = vec![
        "measure",
        SPEC,
        "--contacts",
        &contacts,
        "--cases",
        &cases,
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let output = cxc(&args);
    let report = json(&output);
    let found = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap();
            let file = file.rsplit('/').next().unwrap();
            format!("{file}:{} {}", d["line"], d["code"].as_str().unwrap())
        })
        .collect();
    (found, report, output.status.code().unwrap_or(-1))
}

fn expected(case: &str) -> BTreeSet<String> {
    std::fs::read_to_string(format!("tests/measure/{case}/expected"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_miss_is_reported_at_the_line_of_its_standard() {
    let (found, _, status) = findings("misses", &[]);
    assert_eq!(found, expected("misses"));
    // `bad-data` is an error: the run fails.
    assert_eq!(status, 1);
}

#[test]
fn data_that_meets_every_target_is_silent() {
    let (found, _, status) = findings("clean", &["--deny", "warnings"]);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(status, 0);
}

#[test]
fn every_measure_code_is_triggered_by_the_misses() {
    let found = expected("misses");
    for code in cxc::diagnostic::Code::MEASURE_ONLY {
        assert!(
            found.iter().any(|f| f.ends_with(&format!(" {code}"))),
            "nothing triggers `{code}`"
        );
    }
}

#[test]
fn findings_carry_the_figure_its_n_and_the_period() {
    let (_, report, _) = findings("misses", &[]);
    let messages: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(messages.contains(
        &"`answer phone 80% within 30s` for `mass` is missed: 50% of 4 contacts met it (goal 80%), 2026-11-02..2026-11-02"
    ), "{messages:#?}");
    for d in report["diagnostics"].as_array().unwrap() {
        assert!(!d["help"].as_str().unwrap().is_empty(), "{d}");
    }
}

#[test]
fn a_period_leaves_out_the_rows_outside_it() {
    let (found, _, _) = findings("misses", &["--from", "2026-11-03"]);
    // Every contact is of 2 November: only the journeys (entered later) and
    // the unknown segment, which is reported whatever its date, remain.
    assert!(
        !found.iter().any(|f| f.contains("promise-broken")),
        "{found:?}"
    );
    assert!(found.contains("contacts.csv:7 bad-data"), "{found:?}");
}

#[test]
fn findings_speak_russian() {
    let contacts = "tests/measure/misses/contacts.csv";
    let output = cxc(&[
        "measure",
        SPEC,
        "--contacts",
        contacts,
        "--lang",
        "ru",
        "--color",
        "never",
    ]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("не выполнена"), "{text}");
    assert!(text.contains("пропущена 1 строка"), "{text}");
}

#[test]
fn an_unreadable_export_is_exit_2_and_no_data_is_an_error() {
    let output = cxc(&["measure", SPEC, "--contacts", "tests/measure/none.csv"]);
    assert_eq!(output.status.code(), Some(2));
    let output = cxc(&["measure", SPEC]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_kitchen_month_is_measured_and_reported() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("measured");
    let output = cxc(&[
        "measure",
        "examples/kitchen",
        "--contacts",
        "examples/kitchen/data/contacts.csv",
        "--cases",
        "examples/kitchen/data/cases.csv",
        "--format",
        "json",
        "-o",
        dir.to_str().unwrap(),
    ]);
    let report = json(&output);
    let codes: BTreeSet<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    // What the data was made to hold (examples/kitchen/data/generate.py).
    for code in [
        "target-missed",
        "promise-broken",
        "complaint-late",
        "journey-deviation",
        "step-late",
    ] {
        assert!(codes.contains(code), "{codes:?}");
    }
    assert!(!codes.contains("bad-data"), "{codes:?}");
    for file in ["report.md", "report.html", "measure.json"] {
        assert!(dir.join(file).is_file(), "{file} missing");
    }
    let measured: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("measure.json")).unwrap()).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("grammar/measure.schema.json").unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&measured)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(measured["journeys"][0]["deviating"], 1);
    let markdown = std::fs::read_to_string(dir.join("report.md")).unwrap();
    assert!(
        markdown.contains("| Designer measures the room |"),
        "{markdown}"
    );
    // The same run twice writes the same bytes.
    let again = out.path().join("again");
    cxc(&[
        "measure",
        "examples/kitchen",
        "--contacts",
        "examples/kitchen/data/contacts.csv",
        "--cases",
        "examples/kitchen/data/cases.csv",
        "-o",
        again.to_str().unwrap(),
    ]);
    for file in ["report.md", "report.html", "measure.json"] {
        assert_eq!(
            std::fs::read(dir.join(file)).unwrap(),
            std::fs::read(again.join(file)).unwrap(),
            "{file} differs between runs"
        );
    }
}
