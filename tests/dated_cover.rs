//! `hours-uncovered` counts a team's dated hours (audit 17, M2): Kora
//! Remit's Dubai centre works Christmas Day and New Year's Day on dates of
//! its own (`open 2026-12-25, 2027-01-01 00:00-24:00`) while Manila and
//! Adelaide are closed, and Manila works the nights of Eid on its own
//! dates while Dubai is closed. The check said nobody worked then. The
//! outside spec is read as its author left it; the triggering case is a
//! copy without Dubai's dated line.

mod common;

use common::{copy_dir, cxc_in, json};
use std::path::Path;

/// The `hours-uncovered` messages of `cxc check` on the spec in `dir`.
fn uncovered(dir: &Path) -> Vec<String> {
    let report = json(&cxc_in(
        dir,
        &["check", ".", "--format", "json", "--today", "2026-12-07"],
    ));
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "hours-uncovered")
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

fn koraremit() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/specs/koraremit"
    ))
}

#[test]
fn a_centre_rostered_on_a_date_of_its_own_covers_that_date() {
    let said = uncovered(koraremit());
    for date in ["2026-12-25", "2027-01-01", "2027-03-11", "2027-03-12"] {
        assert!(
            said.iter().all(|m| !m.contains(date)),
            "{date} is worked by a dated opening: {said:#?}"
        );
    }
}

#[test]
fn without_the_dated_line_christmas_is_unworked() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(koraremit(), dir.path());
    let service = dir.path().join("service.cx");
    let text = std::fs::read_to_string(&service).unwrap();
    let line = "  open 2026-12-25, 2027-01-01 00:00-24:00\n";
    assert!(text.contains(line), "the spec's dated line moved");
    std::fs::write(&service, text.replace(line, "")).unwrap();
    let said = uncovered(dir.path());
    assert!(
        said.iter().any(|m| m.contains("2026-12-25")),
        "Christmas has nobody at work without Dubai's date: {said:#?}"
    );
}
