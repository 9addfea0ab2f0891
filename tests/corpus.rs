//! The corpus: specs under `tests/corpus`, each line that must carry a finding
//! marked `#! code [code...]`. Every run checks that exactly those findings
//! are reported at exactly those lines, and snapshots the full messages.

mod common;

use common::{compact, cxc, json, TODAY};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A unit is a `.cx` file or a folder (checked as one spec).
fn units() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut units: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "cx"))
        .collect();
    units.sort();
    units
}

fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .expect("inside the crate")
        .to_string_lossy()
        .replace('\\', "/")
}

/// (file, line, code) for every `#!` marker of a unit.
fn expected(unit: &Path) -> BTreeSet<(String, u64, String)> {
    let files: Vec<PathBuf> = if unit.is_dir() {
        let mut f: Vec<PathBuf> = std::fs::read_dir(unit)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        f.sort();
        f
    } else {
        vec![unit.to_path_buf()]
    };
    let mut marks = BTreeSet::new();
    for file in files {
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
        for (i, line) in text.lines().enumerate() {
            if let Some((_, codes)) = line.split_once("#!") {
                for code in codes.split_whitespace() {
                    marks.insert((relative(&file), i as u64 + 1, code.to_string()));
                }
            }
        }
    }
    marks
}

fn actual(report: &serde_json::Value) -> BTreeSet<(String, u64, String)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn check(unit: &Path) -> serde_json::Value {
    check_in(unit, "en")
}

fn check_in(unit: &Path, lang: &str) -> serde_json::Value {
    let output = cxc(&[
        "check",
        &relative(unit),
        "--format",
        "json",
        "--today",
        TODAY,
        "--lang",
        lang,
    ]);
    let report = json(&output);
    let errors = report["summary"]["errors"].as_u64().unwrap();
    assert_eq!(
        output.status.code(),
        Some(if errors > 0 { 1 } else { 0 }),
        "exit status of {}",
        unit.display()
    );
    report
}

#[test]
fn every_marked_finding_and_nothing_else() {
    let mut failures = Vec::new();
    for unit in units() {
        let report = check(&unit);
        let (want, got) = (expected(&unit), actual(&report));
        if want != got {
            failures.push(format!(
                "{}\n  missing: {:?}\n  unexpected: {:?}\n{}",
                unit.display(),
                want.difference(&got).collect::<Vec<_>>(),
                got.difference(&want).collect::<Vec<_>>(),
                compact(&report)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn messages_match_snapshots() {
    for unit in units() {
        let name = unit.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(name, compact(&check(&unit)));
    }
}

/// Every finding of the corpus — every code, most of their wordings — said
/// in Russian: Cyrillic in the message and the help, every argument filled
/// in, no catalogue id shown instead of a sentence; and the same findings.
#[test]
fn every_finding_reads_in_russian() {
    let cyrillic = |s: &str| {
        s.chars()
            .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c)))
    };
    let mut bad = Vec::new();
    let mut seen = 0;
    for unit in units() {
        let (en, ru) = (check(&unit), check_in(&unit, "ru"));
        assert_eq!(actual(&en), actual(&ru), "{}", unit.display());
        for d in ru["diagnostics"].as_array().unwrap() {
            seen += 1;
            for field in ["message", "help"] {
                let text = d[field].as_str().unwrap_or("");
                if !cyrillic(text) || text.contains("{$") || text.contains("{ $") {
                    bad.push(format!(
                        "{} {}: {field} “{text}”",
                        unit.display(),
                        d["code"]
                    ));
                }
            }
        }
    }
    assert!(seen > 50, "only {seen} findings");
    assert!(bad.is_empty(), "not in Russian:\n{}", bad.join("\n"));
}

#[test]
fn every_code_is_triggered_somewhere_in_the_corpus() {
    let marked: BTreeSet<String> = units()
        .iter()
        .flat_map(|u| expected(u))
        .map(|(_, _, code)| code)
        .collect();
    // Build-only codes are triggered by tests/build.rs instead.
    for code in cxc::diagnostic::Code::ALL
        .iter()
        .filter(|c| !cxc::diagnostic::Code::BUILD_ONLY.contains(c))
        // Measure codes are triggered by data: tests/measure.rs.
        .filter(|c| !cxc::diagnostic::Code::MEASURE_ONLY.contains(c))
    {
        assert!(
            marked.contains(code.as_str()),
            "no corpus spec triggers `{code}`"
        );
    }
}

#[test]
fn shipped_examples_are_clean_for_every_rule() {
    let output = cxc(&[
        "check", "examples", "--format", "json", "--today", TODAY, "--deny", "warnings",
    ]);
    let report = json(&output);
    assert_eq!(
        report["diagnostics"].as_array().unwrap().len(),
        0,
        "{}",
        compact(&report)
    );
    assert_eq!(output.status.code(), Some(0));
}
