//! Outside audit 6 on the insurer's spec (tests/specs/insurer) and the
//! reviewer's exports: local times on a calendar that names no zone (F6),
//! and the rows `cxc build --contacts/--cases` sets aside (F7).

use std::path::{Path, PathBuf};

fn insurer() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs/insurer")
}

/// Row D4 of the reviewer's DST file, in London local time without an
/// offset: 00:59:50 GMT → 02:00:10 BST on 28 March 2027 is a 20-second
/// wait. `emergency_line` runs on `calendar always`, which names no zone:
/// the times are read in the home zone (`uk_office`'s Europe/London, the
/// first calendar with one), so the call met "90% within 30s". Read as
/// UTC, as before, the wait was an hour and 20 seconds.
#[test]
fn local_times_on_a_calendar_without_a_zone_are_read_in_the_home_zone() {
    let out = tempfile::tempdir().unwrap();
    let output = super::common::cxc_in(
        &insurer(),
        &[
            "measure",
            ".",
            "--contacts",
            "data/dst/d4.csv",
            "--format",
            "json",
            "-o",
            out.path().to_str().unwrap(),
        ],
    );
    assert!(output.status.code().unwrap_or(-1) <= 1, "{output:?}");
    let measured: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("measure.json")).unwrap()).unwrap();
    let target = measured["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["channel"] == "emergency_line" && t["kind"] == "answer")
        .unwrap_or_else(|| panic!("{measured}"));
    assert_eq!(
        (&target["n"], &target["met"]),
        (&1.into(), &1.into()),
        "{target}"
    );
}

/// `cxc build` with the reviewer's exports prints the `bad-data` findings
/// `cxc measure` prints, as warnings (bad rows are never fatal: the
/// documents are written), and the documents that quote measured figures
/// say how many rows were set aside: 21 contact rows and 3 case rows.
#[test]
fn build_with_data_says_the_rows_it_set_aside() {
    let out = tempfile::tempdir().unwrap();
    let built = super::common::cxc_in(
        &insurer(),
        &[
            "build",
            ".",
            "--target",
            "docs",
            "--contacts",
            "data/contacts.csv",
            "--cases",
            "data/cases.csv",
            "-o",
            out.path().to_str().unwrap(),
        ],
    );
    assert_eq!(built.status.code(), Some(0), "{built:?}");
    // The terminal's findings, their wrapped lines joined.
    let said = String::from_utf8_lossy(&built.stderr)
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        // A path may wrap after its `/`.
        .replace("/ ", "/");
    let measure = super::common::measure_own_data(&insurer(), &["--format", "json"]);
    let report = super::common::json(&measure);
    let bad_data: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "bad-data")
        .collect();
    assert_eq!(bad_data.len(), 10, "{report}");
    for d in bad_data {
        assert_eq!(d["severity"], "error", "{d}");
        let message = d["message"].as_str().unwrap();
        let shown = format!(
            "⚠ {message} (at {}:{}:1)",
            d["file"].as_str().unwrap(),
            d["line"]
        );
        assert!(said.contains(&shown), "{shown}\n{said}");
    }
    assert_eq!(said.matches("bad-data").count(), 10, "{said}");
    let standards =
        std::fs::read_to_string(out.path().join("policy/service-standards.md")).unwrap();
    assert!(
        standards.contains(
            "contacts measured: 3,291; rows set aside as bad data and counted in no figure: \
             21 of the contacts export, 3 of the cases export"
        ),
        "{standards}"
    );
    let map = std::fs::read_to_string(out.path().join("journeys/motor_claim.md")).unwrap();
    assert!(
        map.contains("rows of that export set aside as bad data and counted in no figure: 3"),
        "{map}"
    );
}
