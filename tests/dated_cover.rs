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

/// A line open around the clock in New York, a Dublin centre 08:00–19:00
/// and a Dubai one 00:00–12:00 (Dubai keeps no summer time). Between the
/// US and the EU clock changes (14–27 March, 31 October–6 November 2027)
/// the hour 15:00–16:00 New York time is unworked on every date, which
/// the check told once per date (prac18) and hid most of them behind "19
/// more stretches". Consecutive dates with the same stretch are one run;
/// a stretch on a date of its own stays as it was.
#[test]
fn the_same_stretch_on_consecutive_dates_is_one_run() {
    let spec = |holiday: &str| {
        format!(
            r#"service "Line" {{ language en }}
calendar always {{ timezone "America/New_York"; open 24x7 }}
calendar dublin {{ timezone "Europe/Dublin"; open mon-sun 08:00-19:00{holiday} }}
calendar dubai {{ timezone "Asia/Dubai"; open mon-sun 00:00-12:00 }}
team hub_dub {{ lead l1; hours dublin }}
role l1 {{ team hub_dub; duty "Lead" }}
team hub_dxb {{ lead l2; hours dubai }}
role l2 {{ team hub_dxb; duty "Lead" }}
channel line {{ kind phone; owner hub_dub; hours always }}
segment clients {{ channels line }}
sla clients_sla for clients {{ hours always; answer line 80% within 1m }}
queue line_dub {{ channel line; team hub_dub }}
queue line_dxb {{ channel line; team hub_dxb }}
"#
        )
    };
    let said = |text: &str| {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("s.cx"), text).unwrap();
        let said = uncovered(dir.path());
        assert_eq!(said.len(), 1, "{said:#?}");
        said[0].clone()
    };
    let message = said(&spec(""));
    for run in [
        "every day from Sun 2027-03-14 to Sat 2027-03-27, from 15:00 to 16:00 (1 hour)",
        "every day from Sun 2027-10-31 to Sat 2027-11-06, from 15:00 to 16:00 (1 hour)",
    ] {
        assert!(message.contains(run), "{run}: {message}");
    }
    // Nothing is left over: every date is in a run.
    assert!(!message.contains("more stretch"), "{message}");
    assert!(!message.contains("on Mon 2027-03-15"), "{message}");
    // A Dublin holiday on a date of its own is told alone.
    let message = said(&spec("; closed 2027-06-14"));
    assert!(
        message.contains("on Mon 2027-06-14 from 04:00 to 16:00"),
        "{message}"
    );
}
