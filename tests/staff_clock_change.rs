//! Forecasts in naive local time across a clock change (outside audit 7,
//! F6): the reviewer's repro, a Sydney line around the clock whose file has
//! 02:00 and 02:30 of 3 October 2027 (an hour the clock skips) and 02:00
//! of 4 April 2027 twice (the hour it repeats: daylight time, then
//! standard), through `cxc staff` and `cxc check`.

mod common;

use common::{cxc_in, json, stdout};

const SPEC: &str = "calendar syd { timezone \"Australia/Sydney\"; open 24x7 }
segment mass { channels phone }
team t { lead boss }
role boss { team t; duty \"x\" }
role ag { team t; headcount 3; duty \"y\" }
channel phone { kind phone; hours syd; owner t }
sla s for mass { hours syd; answer phone 80% within 60s }
queue q { channel phone; team t; agents 3; forecast file \"a.csv\" per 30m; aht 300s }
";

const CSV: &str = "start,volume
2027-10-03 01:30,10
2027-10-03 02:00,10
2027-10-03 02:30,10
2027-10-03 03:00,10
2027-04-04 02:00,10
2027-04-04 02:00,50
";

fn spec_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("s.cx"), SPEC).unwrap();
    std::fs::write(dir.path().join("a.csv"), CSV).unwrap();
    dir
}

const LABELS: [&str; 6] = [
    "2027-10-03 01:30",
    "2027-10-03 02:00 +10:00",
    "2027-10-03 02:30 +10:00",
    "2027-10-03 03:00",
    "2027-04-04 02:00 +11:00",
    "2027-04-04 02:00 +10:00",
];

#[test]
fn staff_labels_each_interval_at_a_clock_change_with_its_offset() {
    let dir = spec_dir();
    let report = json(&cxc_in(dir.path(), &["staff", "--format", "json"]));
    let intervals = report["queues"][0]["intervals"].as_array().unwrap();
    let starts: Vec<&str> = intervals
        .iter()
        .map(|i| i["start"].as_str().unwrap())
        .collect();
    assert_eq!(starts, LABELS);
    // The 50 contacts are the second 02:00, standard time.
    assert_eq!(intervals[5]["volume"], 50.0);
    // The labels are instants: the repeated 02:00s an hour apart.
    let at = |s: &str| {
        let (local, offset) = s.rsplit_once(' ').unwrap();
        format!("{local}{offset}")
            .parse::<jiff::Timestamp>()
            .unwrap()
            .as_second()
    };
    assert_eq!(at(LABELS[5]) - at(LABELS[4]), 3600);
    let three_aedt: jiff::Timestamp = "2027-10-03T03:00+11:00".parse().unwrap();
    assert_eq!(at(LABELS[1]), three_aedt.as_second());

    // The table: the same labels, every row's columns aligned.
    let table = stdout(&cxc_in(dir.path(), &["staff"]));
    let rows: Vec<&str> = table
        .lines()
        .filter(|l| l.trim_start().starts_with("2027-"))
        .collect();
    assert_eq!(rows.len(), 6, "{table}");
    for (row, label) in rows.iter().zip(LABELS) {
        assert!(
            row.trim_start().starts_with(&format!("{label} ")),
            "{table}"
        );
    }
    let volume_ends: Vec<usize> = rows.iter().map(|r| r.find(" 300s").unwrap()).collect();
    assert!(volume_ends.windows(2).all(|w| w[0] == w[1]), "{table}");
}

#[test]
fn check_warns_of_the_skipped_hour_with_the_offset_to_write() {
    let dir = spec_dir();
    let report = json(&cxc_in(dir.path(), &["check", "--format", "json"]));
    let found: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "forecast-clock-change")
        .collect();
    assert_eq!(found.len(), 2, "{report}");
    for (d, (line, instead)) in found
        .iter()
        .zip([(3, "2027-10-03T03:00+11:00"), (4, "2027-10-03T03:30+11:00")])
    {
        assert_eq!(d["severity"], "warning");
        assert_eq!(d["line"], 8, "at the forecast statement");
        let message = d["message"].as_str().unwrap();
        assert!(
            message.contains(&format!("`a.csv`, line {line}:")),
            "{message}"
        );
        assert!(d["help"].as_str().unwrap().contains(instead), "{d}");
    }
    // The repeated hour written twice is no finding; a third 02:00 is.
    std::fs::write(
        dir.path().join("a.csv"),
        "start,volume\n2027-04-04 02:00,10\n2027-04-04 02:00,50\n2027-04-04 02:00,5\n",
    )
    .unwrap();
    let report = json(&cxc_in(dir.path(), &["check", "--format", "json"]));
    let lines: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "forecast-clock-change")
        .collect();
    assert_eq!(lines.len(), 1, "{report}");
    assert!(lines[0]["message"].as_str().unwrap().contains("line 4:"));
}
