//! Outside audit 7's energy and broadband retailer (tests/specs/energy,
//! written from the guide alone and kept as written; AUDIT.md): Sydney,
//! Adelaide (a half-hour zone), Brisbane, Manila and Pune, southern
//! daylight saving, state holidays.

mod common;

use common::{cxc_in, json, TODAY};
use std::path::{Path, PathBuf};

fn energy() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs/energy")
}

/// `check`'s findings as (code, file name, line).
#[test]
fn check_says_what_the_reviewer_found_true() {
    let spec = energy();
    let out = cxc_in(&spec, &["check", ".", "--today", TODAY, "--format", "json"]);
    let report = json(&out);
    let found: Vec<(String, String, u64)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap();
            let name = Path::new(file).file_name().unwrap().to_str().unwrap();
            (
                d["code"].as_str().unwrap().to_string(),
                name.to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        // Customers rate the reschedule step's effort 4 of 5: true.
        ("high-effort-step", "journeys.cx", 23),
        // Audit 14, M5: each team's headcount covers its seats at one
        // moment, not a week of them at 40 hours a person (7,315 seat-hours
        // a week against 125 people; 2,151 against 32; 1,012 against 18;
        // 1,089 against 16): true, the spec states seats as people.
        ("headcount-short", "organisation.cx", 10),
        ("headcount-short", "organisation.cx", 38),
        ("headcount-short", "organisation.cx", 64),
        ("headcount-short", "organisation.cx", 124),
        // The faults line belongs to the faults SLAs, which set no
        // resolution, while business, residential and hardship customers
        // have one on their other channels: a fault reported by phone has
        // no resolution target in Zendesk, measure or dbt (true by the
        // guide's rule; found by channel-without-resolution, audit 16 M5).
        (
            "channel-without-resolution",
            "service_levels_and_promises.cx",
            20,
        ),
        (
            "channel-without-resolution",
            "service_levels_and_promises.cx",
            43,
        ),
        (
            "channel-without-resolution",
            "service_levels_and_promises.cx",
            43,
        ),
        // "We connect you within 1 business day" counts to the start of
        // booking the technician: the connection is not done by then.
        (
            "promise-to-step-start",
            "service_levels_and_promises.cx",
            48,
        ),
        // F1: `1wd` on the wall clock is as little as a day for a case
        // started just before midnight, and the steps allow 1d4h: every
        // step on time can still break the promise (the reviewer's case
        // M_F1 in data/cases.csv). An error: the spec does not build as
        // written.
        (
            "promise-exceeds-journey",
            "service_levels_and_promises.cx",
            49,
        ),
        // `1wd` over a journey runs on the wall clock.
        (
            "working-days-on-wall-clock",
            "service_levels_and_promises.cx",
            49,
        ),
        // Not `promise-to-step-start` on "A technician within 4 hours for
        // life-support outages" (line 62): the technician arriving is what
        // is promised (the reviewer's verdict, step 1 #19).
    ];
    let expected: Vec<(String, String, u64)> = expected
        .iter()
        .map(|&(c, f, l)| (c.to_string(), f.to_string(), l))
        .collect();
    assert_eq!(found, expected);
}

/// F3: the hardship queue's typical day is written in Sydney time (its
/// channel's), its SLA counts on Adelaide hours (08:30–17:00, half an hour
/// behind): 08:30 Sydney is 08:00 in Adelaide, not judged; 17:00 Sydney is
/// 16:30 in Adelaide, judged; 17:30 is 17:00, not.
#[test]
fn the_hardship_queue_is_judged_on_adelaide_hours() {
    let out = cxc_in(&energy(), &["staff", ".", "--format", "json"]);
    let report = json(&out);
    let queue = report["queues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["queue"] == "hardship_phone")
        .expect("the hardship queue");
    let binds = |start: &str| {
        queue["intervals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["start"] == start)
            .unwrap_or_else(|| panic!("no {start}"))["binding_target"]
            .clone()
    };
    assert_eq!(binds("08:00"), serde_json::Value::Null);
    assert_eq!(binds("08:30"), serde_json::Value::Null);
    assert_eq!(binds("09:00"), "answer phone 80% within 60s");
    assert_eq!(binds("17:00"), "answer phone 80% within 60s");
    assert_eq!(binds("17:30"), serde_json::Value::Null);
}

/// F4: "A technician within 4 hours for life-support outages" is a promise
/// over the outage journey, which serves every segment; case rows name no
/// segment, so it is measured on every outage case, and the report says so
/// beside it (not beside the move-in promise, whose segments are the
/// journey's). The reviewer's script gives 73.7% of 99 on every case.
#[test]
fn a_promise_for_one_segment_over_a_shared_journey_says_it_counts_every_case() {
    let (_kept, spec) = common::buildable(&energy());
    let out = tempfile::tempdir().unwrap();
    let measured = common::measure_own_data(&spec, &["-o", out.path().to_str().unwrap()]);
    assert!(measured.status.code().is_some(), "{measured:?}");
    let report = std::fs::read_to_string(out.path().join("report.md")).unwrap();
    let row = |title: &str| {
        report
            .lines()
            .find(|l| l.starts_with(&format!("| {title}")))
            .unwrap_or_else(|| panic!("no {title} in\n{report}"))
            .to_string()
    };
    let technician = row("A technician within 4 hours");
    assert!(
        technician.contains("measured on every case of the journey"),
        "{technician}"
    );
    assert!(technician.contains("| 99 | 73.7% |"), "{technician}");
    let connect = row("We connect you within 1 business day");
    assert!(!connect.contains("every case"), "{connect}");
}

/// F1 on the other audit specs: the hotel's "Refund within 5 working days"
/// is `5wd` over a journey, on the wall clock, from the decision (1d) to
/// the refund issued (an end step, 5d): 6 days of steps, while a decision
/// entered just before midnight is promised as little as 5 days. A true
/// error, kept as written (tests read the hotel with the rule off).
#[test]
fn the_hotel_refund_promise_is_held_at_its_shortest() {
    let hotel = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs/hotel");
    let out = cxc_in(
        &hotel,
        &["check", ".", "--today", TODAY, "--format", "json"],
    );
    let report = json(&out);
    let found: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "promise-exceeds-journey")
        .map(|d| format!("{}:{}", d["file"].as_str().unwrap(), d["line"]))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].ends_with("promises.cx:23"), "{found:?}");
}
