//! Forecast rows that do not fit together (attack 17, item 2): a row with
//! the wrong number of fields, a start off the interval grid, an interval
//! given twice (also as the same instant at another offset), one that runs
//! past the typical day or week, a date far from the others, a negative,
//! NaN, infinite or huge volume. Each is an `invalid-forecast` error naming
//! its line, with help: never a crash, never dropped or counted silently.
//! A valid file is silent (the hour a clock change repeats, written twice,
//! is two intervals: tests/corpus/clock-change and the energy spec).

mod common;

use serde_json::Value;

const SPEC: &str = "team t {}
calendar all { open 24x7 }
channel phone { kind phone; owner t; hours all }
segment s { channels phone }
";

/// `cxc check` of a queue whose forecast is `csv`, `per` as given: the
/// `invalid-forecast` findings' messages, each with its help checked.
fn invalid(per: &str, csv: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let queue = format!(
        "queue q {{ channel phone; team t; agents 50; forecast file \"f.csv\" per {per}; aht 3m }}\n"
    );
    std::fs::write(dir.path().join("s.cx"), format!("{SPEC}{queue}")).unwrap();
    std::fs::write(dir.path().join("f.csv"), csv).unwrap();
    let output = common::cxc_in(dir.path(), &["check", ".", "--format", "json"]);
    let report: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&output.stderr)));
    let found: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "invalid-forecast")
        .map(|d| {
            assert_eq!(d["file"], "s.cx", "at the `forecast` statement: {d}");
            assert!(!d["help"].as_str().unwrap().is_empty(), "{d}");
            d["message"].as_str().unwrap().to_string()
        })
        .collect();
    if !found.is_empty() {
        assert_eq!(output.status.code(), Some(1), "an error fails the check");
    }
    found
}

#[test]
fn each_misaligned_row_is_an_error_at_its_line() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "wrong fields",
            "30m",
            "start,volume\n08:00,3\n08:30,3,4\n",
            "line 3: this row has 3 fields",
        ),
        (
            "off the grid",
            "30m",
            "start,volume\n08:00,3\n08:10,3\n",
            "line 3 of the forecast: the start `08:10` is not on the forecast's grid",
        ),
        (
            "off the grid, dated",
            "30m",
            "start,volume\n2027-01-11T09:00+03:00,3\n2027-01-11T09:45+03:00,3\n",
            "line 3 of the forecast: the start",
        ),
        (
            "off the grid, a week",
            "1h",
            "start,volume\nmon 08:00,3\nmon 08:30,3\n",
            "line 3 of the forecast: the start `mon 08:30`",
        ),
        (
            "repeated",
            "30m",
            "start,volume\n08:00,3\n08:30,3\n08:00,4\n",
            "line 4 of the forecast: this interval was already given",
        ),
        (
            "the same instant",
            "30m",
            "start,volume\n2027-01-11T09:00+03:00,3\n2027-01-11T06:00:00Z,3\n",
            "line 3 of the forecast: this interval was already given",
        ),
        (
            "past the day",
            "7m",
            "start,volume\n23:55,3\n",
            "line 2 of the forecast: this interval runs past the end of the typical day",
        ),
        (
            "past the week",
            "7m",
            "start,volume\nsun 23:55,3\n",
            "line 2 of the forecast: this interval runs past the end of the typical week",
        ),
        (
            "a stray year",
            "30m",
            "start,volume\n2027-01-11T09:00Z,3\n2027-01-11T09:30Z,3\n2099-01-11T09:00Z,3\n",
            "line 4 of the forecast: this date is more than 731 days away",
        ),
        (
            "a stray year first",
            "30m",
            "start,volume\n2099-01-11T09:00Z,3\n2027-01-11T09:00Z,3\n",
            "line 3 of the forecast: this date is more than 731 days away",
        ),
        (
            "negative",
            "30m",
            "start,volume\n08:00,-3\n",
            "line 2: the volume `-3` is not a number of zero or more",
        ),
        (
            "NaN",
            "30m",
            "start,volume\n08:00,NaN\n",
            "line 2: the volume `NaN` is not a number",
        ),
        (
            "infinite",
            "30m",
            "start,volume\n08:00,inf\n",
            "line 2: the volume `inf` is not a number",
        ),
        (
            "huge",
            "30m",
            "start,volume\n08:00,1e300\n",
            "line 2: a volume of `1e300` contacts in one interval is not plausible",
        ),
    ];
    for (what, per, csv, says) in cases {
        let found = invalid(per, csv);
        assert!(found.iter().any(|m| m.contains(says)), "{what}: {found:#?}");
    }
}

/// Every bad row is its own finding (up to the cap per forecast), not
/// only the first.
#[test]
fn every_bad_row_is_reported() {
    let found = invalid("30m", "start,volume\n08:00,3\n08:10,3\n08:00,3\n08:30,-1\n");
    for line in ["line 3", "line 4", "line 5"] {
        assert!(found.iter().any(|m| m.contains(line)), "{line}: {found:#?}");
    }
}

/// Rows that fit: a typical day on the grid, a week, dated rows with
/// their own offsets less than two years apart, and a `per` that does not
/// divide the day (no grid to be off).
#[test]
fn valid_forecasts_stay_silent() {
    let valid: &[(&str, &str)] = &[
        ("30m", "start,volume\n00:00,1\n08:00,3\n08:30,2.5\n23:30,1\n"),
        ("1h", "start,volume\nmon 08:00,3\nsun 23:00,3\n"),
        ("30m", "start,volume,aht\n2027-01-11T09:00+03:00,3,200\n2027-01-11T06:30:00Z,3,\n2028-12-31T23:30Z,1,\n"),
        ("7m", "start,volume\n08:03,3\n08:10,3\n"),
    ];
    for (per, csv) in valid {
        assert_eq!(invalid(per, csv), Vec::<String>::new(), "{csv}");
    }
}
