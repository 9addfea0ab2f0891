//! The corpus: specs under `tests/corpus`, each line that must carry a finding
//! marked `#! code [code...]`. Every run checks that exactly those findings
//! are reported at exactly those lines, and snapshots the full messages.

mod common;

use common::{compact, cxc, json, TODAY};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A unit is a `.cx` file or a folder (checked as one spec).
fn units() -> Vec<PathBuf> {
    common::corpus_units()
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
        // A spec's own file that cannot be read (a link out of its folder,
        // a pipe named cxc.yaml) is made on disk: tests/cannot_load.rs.
        .filter(|c| c.as_str() != "cannot-load")
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

/// The findings of `rules` on the specs written outside the team
/// (`../shared/specs` when it exists, else the copy in
/// tests/specs/outside), as `spec/file:line code`.
fn outside_findings(rules: &[&str]) -> BTreeSet<String> {
    let live = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/specs");
    let root = if live.join("vip-shop").is_dir() {
        live
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs/outside")
    };
    let mut found = BTreeSet::new();
    for spec in ["domoset", "svyaz", "vip-shop"] {
        let dir = root.join(spec);
        let output = cxc(&[
            "check",
            dir.to_str().unwrap(),
            "--format",
            "json",
            "--today",
            TODAY,
        ]);
        for d in json(&output)["diagnostics"].as_array().unwrap() {
            let code = d["code"].as_str().unwrap();
            if rules.contains(&code) {
                let file = d["file"].as_str().unwrap().rsplit('/').next().unwrap();
                found.insert(format!("{spec}/{file}:{} {code}", d["line"]));
            }
        }
    }
    found
}

/// The rules of issue 26 (first part) on the specs written outside the
/// team: each finding below is true of the spec, so it stays; anything
/// else would be a false alarm.
#[test]
fn outside_specs_get_the_practice_rules_only_where_they_are_right() {
    const RULES: &[&str] = &[
        "promise-clock",
        "headcount-short",
        "agreement-too-slow",
        "tier-inversion",
        "promise-below-keep-rate",
        "agreement-tier-inversion",
        "complaint-incomplete",
        "escalation-downward",
    ];
    let found = outside_findings(RULES);
    let expected: BTreeSet<String> = [
        // «Грубость сотрудника», severity high: only an apology and an
        // explanation, nothing that repairs the harm.
        "domoset/жалобы.cx:49 complaint-incomplete",
        // "Answer in chat within 2 minutes" behind `answer чат 80% within 2m`.
        "domoset/клиенты.cx:89 promise-below-keep-rate",
        // Technical support agreed to resolve within a day, but remote
        // diagnosis, its step of the repair journey, has 1 hour (audit 9,
        // D5: `resolve` counts for steps as `respond` does).
        "domoset/клиенты.cx:158 agreement-too-slow",
        // The VIP desk's 3 managers against 4: the lead (who added up to
        // the need) organises the line, it does not answer it.
        "domoset/сервис.cx:37 headcount-short",
        // The contact centre's queues need 77 at 15:00, its 76 operators
        // own the phone, chat and e-mail channels: the gap is the role's,
        // reported once, at the role (the team's finding said it again).
        "domoset/сервис.cx:57 headcount-short",
        // The call centre's three queues need their people in every
        // interval (one-figure forecasts): 79 against 40 operators, who own
        // the phone, chat and e-mail lines; the office 14 against 12
        // consultants, who own the office. Each gap is its role's, reported
        // once at the role, not again at the teams (leads not counted).
        "svyaz/operator.cx:37 headcount-short",
        "svyaz/operator.cx:51 headcount-short",
        // "Call back within 30 minutes" behind `answer телефон 80% within 1m`.
        "svyaz/operator.cx:139 promise-below-keep-rate",
        // Offices promise billing 4h, the repeat path gives them 1h.
        "svyaz/operator.cx:189 agreement-too-slow",
        // A critical complaint with no remedy at all.
        "vip-shop/vip.cx:24 complaint-incomplete",
        // After the head of support, the VIP desk — whose lead reports to
        // the head of support.
        "vip-shop/vip.cx:32 escalation-downward",
    ]
    .into_iter()
    .map(str::to_string)
    .collect();
    assert_eq!(found, expected);
}

/// The longest way through a journey, each loop once (loop6), on the specs
/// written outside the team: domoset promises a technician within a day
/// («Мастер приедет в течение суток», from the report to the visit), and a
/// case whose remote fix fails (back to diagnosis) after a call back it did
/// not answer (back to the check) reaches the visit after 1d6h30 — a true
/// error (the two loops share the check; only one was counted, 4h30). Its
/// repair journey's own 2d holds the whole way round both loops (1d20h30),
/// and nothing else exceeds its target.
#[test]
fn outside_specs_promise_no_less_than_their_journeys_take() {
    let found = outside_findings(&["promise-exceeds-journey", "deadline-exceeds-target"]);
    let expected: BTreeSet<String> = ["domoset/клиенты.cx:96 promise-exceeds-journey"]
        .into_iter()
        .map(str::to_string)
        .collect();
    assert_eq!(found, expected);
}

/// The rules of language 3 (issue 26) on the specs written outside the
/// team: each finding here is real, and nothing else of these codes is
/// reported.
/// - `sla-beyond-channel-hours`: domoset's VIP SLA runs 24x7
///   (`круглосуточно`) while its phone and e-mail are open office hours only;
///   svyaz's three SLAs run `всегда` while e-mail and social networks keep
///   `офис` hours. Night contacts count against targets nobody can meet.
///   vip-shop's VIP SLA runs 24x7 over the LA phone and e-mail (office hours
///   in their zone: a 24x7 clock is open in every zone), and its Gold SLA
///   runs on LA office hours over a chat open Tokyo office hours (LA's 09:00
///   is 02:00 in Tokyo, before the chat opens).
#[test]
fn outside_specs_get_only_real_findings_of_the_new_rules() {
    const NEW: &[&str] = &[
        "tier-without-value",
        "sla-beyond-channel-hours",
        "invalid-timezone",
        "right-conflict",
        "too-many-tiers",
        "missing-agreement",
    ];
    let got = outside_findings(NEW);
    let want: BTreeSet<String> = [
        "domoset/клиенты.cx:78 sla-beyond-channel-hours",
        "domoset/клиенты.cx:79 sla-beyond-channel-hours",
        "svyaz/operator.cx:110 sla-beyond-channel-hours",
        "svyaz/operator.cx:119 sla-beyond-channel-hours",
        "svyaz/operator.cx:128 sla-beyond-channel-hours",
        "svyaz/operator.cx:129 sla-beyond-channel-hours",
        "vip-shop/vip.cx:16 sla-beyond-channel-hours",
        "vip-shop/vip.cx:17 sla-beyond-channel-hours",
        // vip-shop's `broken` complaint escalates from support to vipdesk
        // with no agreement between them.
        "vip-shop/vip.cx:32 missing-agreement",
    ]
    .into_iter()
    .map(str::to_string)
    .collect();
    assert_eq!(got, want);
}
