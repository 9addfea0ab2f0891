//! The user audit's measure findings on its airline spec: one rounding
//! rule for every percentage (A8), role targets in the reports (A9), and
//! journey drop-off given once per journey, not per segment (A13).

use std::path::{Path, PathBuf};

fn airline() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs/airline")
}

/// measure.json, report.md and report.html of the airline data in `lang`.
fn measured(lang: &str) -> (serde_json::Value, String, String) {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().to_str().unwrap();
    let output = super::common::measure_own_data(&airline(), &["-o", target, "--lang", lang]);
    assert!(output.status.code().is_some_and(|c| c <= 1), "{output:?}");
    let read = |p: &str| std::fs::read_to_string(out.path().join(p)).unwrap();
    (
        serde_json::from_str(&read("measure.json")).unwrap(),
        read("report.md"),
        read("report.html"),
    )
}

/// Tenths of `met / n` by whole numbers: half up, unless that reads as
/// meeting an "at least `goal`%" the share misses (then down).
fn oracle(met: u64, n: u64, goal: f64) -> f64 {
    let half_up = (met * 2000 + n) / (2 * n);
    let misses = (met as f64) * 100.0 < goal * n as f64;
    let tenths = if misses && half_up as f64 / 10.0 >= goal {
        met * 1000 / n
    } else {
        half_up
    };
    tenths as f64 / 10.0
}

fn localised(value: f64, lang: &str) -> String {
    let text = format!("{value}");
    if lang == "ru" {
        text.replace('.', ",")
    } else {
        text
    }
}

/// A8: every kept share (SLA targets, promises, complaint duties) is
/// exact in measure.json, and every text — the table row of report.md and
/// report.html — is that value by the one rule; a share below its goal
/// never reads as at or above it.
#[test]
fn every_percentage_reads_by_one_rule_in_every_output() {
    for lang in ["en", "ru"] {
        let (json, md, html) = measured(lang);
        let mut checked = 0;
        for list in ["targets", "promises", "complaints"] {
            for item in json[list].as_array().unwrap() {
                let n = item["n"].as_u64().unwrap();
                let met = item["met"].as_u64().or(item["kept"].as_u64()).unwrap();
                if n == 0 {
                    continue;
                }
                let goal = item["goal"].as_f64().unwrap();
                let exact = item["percent"].as_f64().unwrap();
                assert_eq!(exact, met as f64 * 100.0 / n as f64, "{item}");
                let shown = item["shown"].as_f64().unwrap();
                assert_eq!(shown, oracle(met, n, goal), "{item}");
                if !item["ok"].as_bool().unwrap() {
                    assert!(shown < goal, "{item}");
                }
                let text = format!("| {n} | {}% |", localised(shown, lang));
                assert!(md.contains(&text), "{lang}: {text} missing\n{md}");
                let cell = format!("{}%", localised(shown, lang));
                assert!(html.contains(&cell), "{lang}: {cell} missing from html");
                checked += 1;
            }
        }
        assert!(checked > 5, "{checked}");
    }
    // The audit's pairs: 2/3 and 1/7 read alike wherever they appear.
    let (json, md, _) = measured("en");
    let figures = |segment: &str| {
        json["segments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["segment"] == segment)
            .unwrap()["figures"]
            .as_array()
            .unwrap()
            .clone()
    };
    let leisure = figures("leisure");
    let repeat = leisure.iter().find(|f| f["metric"] == "repeat").unwrap();
    assert_eq!(repeat["text"], "14.3%", "{repeat}");
    assert_eq!(repeat["value"].as_f64().unwrap(), 100.0 / 7.0);
    let answer = leisure.iter().find(|f| f["metric"] == "answer").unwrap();
    assert_eq!(answer["text"], "66.7%", "{answer}");
    assert!(
        md.contains("| Leisure passengers | repeat contacts | 14.3% | 7 |"),
        "{md}"
    );
    assert!(!md.contains("66.6%") && !md.contains("14.2%"), "{md}");
}

/// A9: the roles' `target` metrics measured in measure.json appear in
/// both reports, in both languages, with the target beside the figure.
#[test]
fn role_targets_are_in_the_reports_beside_their_figures() {
    for (lang, heading, target) in [
        (
            "en",
            "## Role targets",
            "first contact resolution (FCR) ≥ 75%",
        ),
        ("ru", "## Цели ролей", "≥ 75%"),
    ] {
        let (json, md, html) = measured(lang);
        let role = &json["role_metrics"][0];
        assert_eq!(role["role"], "phone_agent", "{json}");
        let figure = role["value_text"].as_str().unwrap().replace('.', ",");
        let figure = if lang == "en" {
            role["value_text"].as_str().unwrap().to_string()
        } else {
            figure
        };
        assert!(md.contains(heading), "{lang}: {md}");
        let row = md
            .lines()
            .find(|l| l.starts_with("| phone_agent |"))
            .unwrap_or_else(|| panic!("{lang}: no role row\n{md}"));
        assert!(row.contains(target), "{row}");
        assert!(row.contains(&format!("| {figure} | 9 |")), "{row}");
        assert!(
            html.contains("phone_agent") && html.contains(target),
            "{lang}"
        );
    }
}

/// A13: case rows name no segment, so a journey's drop-off is given once
/// per journey with the segments it serves — not repeated as each
/// segment's figure.
#[test]
fn journey_dropoff_is_given_once_per_journey() {
    let (json, md, _) = measured("en");
    for s in json["segments"].as_array().unwrap() {
        let figures = s["figures"].as_array().unwrap();
        assert!(figures.iter().all(|f| f["metric"] != "dropoff"), "{s}");
    }
    let journeys = json["journeys"].as_array().unwrap();
    assert!(!journeys.is_empty());
    for j in journeys {
        let title = j["title"].as_str().unwrap();
        let rows = md
            .lines()
            .filter(|l| l.contains(&format!("| drop-off ({title}) |")))
            .count();
        assert_eq!(rows, 1, "{title}\n{md}");
    }
    assert!(!md.contains("| corporate | drop-off"), "{md}");
}
