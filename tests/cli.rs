//! The command line: exit statuses, output formats, options.

mod common;

use common::{compact, cxc, cxc_in, cxc_with, json, stdout, TODAY};
use std::path::Path;

#[test]
fn clean_spec_exits_0_and_findings_exit_1() {
    assert_eq!(
        cxc(&["check", "examples/kitchen", "--today", TODAY])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        cxc(&["check", "tests/corpus/journeys.cx"]).status.code(),
        Some(1)
    );
}

#[test]
fn cannot_run_exits_2() {
    let missing = cxc(&["check", "no/such/folder"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no such file or folder"));
    assert_eq!(cxc(&["check", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(
        cxc(&["check", "--today", "2026-02-30"]).status.code(),
        Some(2)
    );
    assert_eq!(cxc(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        cxc(&["check", "examples", "--config", "missing.yaml"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn no_path_means_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.cx"), "team t {}\nrole r { team t }\n").unwrap();
    let out = cxc_in(dir.path(), &["check", "--format", "json"]);
    let report = json(&out);
    assert_eq!(report["diagnostics"][0]["code"], "role-without-duties");
    assert_eq!(report["diagnostics"][0]["file"], "a.cx");
}

#[test]
fn json_has_the_documented_shape() {
    let out = cxc(&[
        "check",
        "tests/corpus/syntax-duration.cx",
        "--format",
        "json",
    ]);
    let report = json(&out);
    let d = &report["diagnostics"][0];
    let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "code",
            "severity",
            "message",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "help"
        ]
    );
    assert_eq!(d["code"], "syntax");
    assert_eq!(d["line"], 4);
    assert_eq!(d["column"], 28);
    assert_eq!(
        d["message"],
        "`3 days` is a duration in words; cxc reads a number with its unit letter, without a space"
    );
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(report["summary"]["warnings"], 0);
}

#[test]
fn deny_warnings_fails_on_warnings_only() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("w.cx");
    std::fs::write(&spec, "team t {}\nrole r { team t }\n").unwrap();
    let spec = spec.to_str().unwrap();
    assert_eq!(cxc(&["check", spec]).status.code(), Some(0));
    assert_eq!(
        cxc(&["check", spec, "--deny", "warnings"]).status.code(),
        Some(1)
    );
}

#[test]
fn today_decides_stale_review() {
    let spec = "tests/corpus/commitments.cx";
    let stale = json(&cxc(&[
        "check",
        spec,
        "--format",
        "json",
        "--today",
        "2026-11-22",
    ]));
    let fresh = json(&cxc(&[
        "check",
        spec,
        "--format",
        "json",
        "--today",
        "2025-03-01",
    ]));
    let has = |r: &serde_json::Value| compact(r).contains("[stale-review]");
    assert!(has(&stale));
    assert!(!has(&fresh));
}

/// A review date after today is a finding (attack 12, L6): `reviewed
/// 9999-12-31` would otherwise keep stale-review silent for ever. Today is
/// what `--today` says; the day after it is allowed (a reviewer east of
/// UTC), and a date long past is stale as ever.
#[test]
fn a_review_date_after_today_is_a_finding() {
    let dir = tempfile::tempdir().unwrap();
    let run = |reviewed: &str| {
        let spec = format!(
            "service \"S\" {{ language en; review every 6 months; reviewed {reviewed} }}\n"
        );
        std::fs::write(dir.path().join("s.cx"), spec).unwrap();
        let report = json(&cxc_in(
            dir.path(),
            &["check", ".", "--format", "json", "--today", "2026-11-22"],
        ));
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "stale-review")
            .map(|d| {
                (
                    d["line"].as_u64().unwrap(),
                    d["message"].as_str().unwrap().to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    for future in ["9999-12-31", "2026-11-24", "2027-01-01"] {
        let found = run(future);
        assert_eq!(found.len(), 1, "{future}: {found:?}");
        assert!(
            found[0]
                .1
                .contains(&format!("reviewed on {future}, after today (2026-11-22)")),
            "{found:?}"
        );
    }
    for silent in ["2026-11-22", "2026-11-23", "2026-10-01"] {
        assert_eq!(run(silent), [], "{silent}");
    }
    assert!(run("0001-01-01")[0].1.contains("was due on 0001-07-01"));
    // The analysis reads no clock: given no today, it checks nothing
    // against one, and says the same whatever the date.
    for reviewed in ["0001-01-01", "9999-12-31"] {
        let spec = format!("service \"S\" {{ review every 6 months; reviewed {reviewed} }}\n");
        let options = cxc::check::Options::default();
        let compiled = cxc::pipeline::compile_bytes("s.cx", spec.as_bytes(), &options);
        let codes: Vec<_> = compiled
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .collect();
        assert!(!codes.contains(&"stale-review"), "{reviewed}: {codes:?}");
    }
}

#[test]
fn config_changes_severity_and_thresholds() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("tests/corpus/journeys.cx", dir.path().join("journeys.cx")).unwrap();
    let run = || json(&cxc_in(dir.path(), &["check", "--format", "json"]));
    let before = compact(&run());
    assert!(before.contains("warning[hot-potato]"));
    std::fs::write(
        dir.path().join("cxc.yaml"),
        "rules:\n  hot-potato: error\n  missing-agreement: off\nthresholds:\n  hot-potato: 10\n",
    )
    .unwrap();
    let after = compact(&run());
    assert!(!after.contains("missing-agreement"), "{after}");
    assert!(!after.contains("hot-potato"), "threshold raised: {after}");
    std::fs::write(dir.path().join("cxc.yaml"), "rules:\n  hot-potato: error\n").unwrap();
    assert!(compact(&run()).contains("error[hot-potato]"));
}

#[test]
fn bad_config_is_reported_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.cx"), "team t {}\n").unwrap();
    std::fs::write(dir.path().join("cxc.yaml"), "rules:\n  dead-ends: off\n").unwrap();
    let out = cxc_in(dir.path(), &["check", "--format", "json"]);
    let report = json(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(report["diagnostics"][0]["file"], "cxc.yaml");
    assert_eq!(report["diagnostics"][0]["line"], 2);
    assert_eq!(report["diagnostics"][0]["help"], "did you mean `dead-end`?");
}

/// A key written twice in one mapping of cxc.yaml is refused with both
/// places (issue 26): in block mappings at any depth, in flow mappings
/// (`{a: 1, a: 2}`, nested, spread over lines), and when one spelling is
/// quoted. The same keys in different mappings are no duplicate.
#[test]
fn a_key_written_twice_in_cxc_yaml_is_refused_with_both_places() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.cx"), "team t {}\n").unwrap();
    let run = |yaml: &str| {
        std::fs::write(dir.path().join("cxc.yaml"), yaml).unwrap();
        let out = cxc_in(dir.path(), &["check", "--format", "json"]);
        (out.status.code(), json(&out))
    };
    for (yaml, line, place) in [
        (
            "rules: {dead-end: off, dead-end: warning}\n",
            1,
            "(line 1, columns 9 and 24)",
        ),
        (
            "thresholds:\n  hot-potato: 2\n  hot-potato: 5\n",
            3,
            "(lines 2 and 3)",
        ),
        (
            "thresholds: {hot-potato: 2,\n  hot-potato: 5}\n",
            2,
            "(lines 1 and 2)",
        ),
        (
            "measure: {columns: {segment: a, segment: b}}\n",
            1,
            "columns 21 and 33",
        ),
        (
            "rules:\n  dead-end: off\n  'dead-end': warning\n",
            3,
            "(lines 2 and 3)",
        ),
    ] {
        let (code, report) = run(yaml);
        assert_eq!(code, Some(1), "{yaml}");
        let d = &report["diagnostics"][0];
        assert_eq!(d["code"], "invalid-value", "{yaml}");
        assert_eq!(d["line"], line, "{yaml}");
        let message = d["message"].as_str().unwrap();
        assert!(
            message.contains("written twice") && message.contains(place),
            "{yaml}: {message}"
        );
        assert!(
            !message.contains('\''),
            "the key is named unquoted: {message}"
        );
    }
    let (code, report) =
        run("rules: {dead-end: off}\nthresholds: {hot-potato: 2}\nexports: [{a: 1}, {a: 2}]\n");
    let twice = compact(&report);
    assert!(!twice.contains("written twice"), "{twice}");
    let _ = code;
}

#[test]
fn human_output_quotes_the_source() {
    let out = stdout(&cxc(&["check", "tests/corpus/syntax-keyword.cx"]));
    assert!(out.contains("tests/corpus/syntax-keyword.cx:3:12"), "{out}");
    assert!(out.contains("step a { owners support }"), "{out}");
    assert!(out.contains("did you mean `owner`?"), "{out}");
    assert!(out.ends_with("1 error, 0 warnings\n"), "{out}");
}

#[test]
fn github_annotations() {
    let out = stdout(&cxc(&[
        "check",
        "tests/corpus/syntax-keyword.cx",
        "--format",
        "github",
    ]));
    assert!(
        out.starts_with("::error file=tests/corpus/syntax-keyword.cx,line=3,col=12,endLine=3,endColumn=18,title=syntax::expected"),
        "{out}"
    );
    assert_eq!(out.lines().count(), 1, "newlines are escaped: {out}");
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let validator = common::sarif_validator();
    let out = cxc(&["check", "tests/corpus/journeys.cx", "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), cxc::diagnostic::Code::ALL.len());
    let result = &run["results"][0];
    let index = result["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], result["ruleId"]);
    assert!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"]
            .as_u64()
            .unwrap()
            > 0
    );
    // A log that breaks the schema is caught, so the check above can fail.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sarif_is_what_code_scanning_uploads_accept() {
    let dir = tempfile::tempdir().unwrap();
    let spec = "team t {}\nrole r { team t; duty \"d\" }\njourney j {\n  start a\n  step a { owner t }\n  step b { owner nobody; end }\n}\n";
    std::fs::write(dir.path().join("s.cx"), spec).unwrap();
    let absolute = dir.path().join("s.cx");
    // An absolute path inside the folder cxc runs in is relative to %SRCROOT%.
    let out = common::cxc_in(
        dir.path(),
        &["check", absolute.to_str().unwrap(), "--format", "sarif"],
    );
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let run = &log["runs"][0];
    let location = &run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uri"], "s.cx", "{location}");
    assert_eq!(location["uriBaseId"], "%SRCROOT%");
    // Outside it: an absolute file URI, never a bare `/tmp/...`.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = common::cxc_in(
        elsewhere.path(),
        &["check", absolute.to_str().unwrap(), "--format", "sarif"],
    );
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        uri.starts_with("file:///") && uri.ends_with("/s.cx"),
        "{uri}"
    );
    // Rules have distinct names and the tool says where it is documented.
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let names: std::collections::BTreeSet<&str> =
        rules.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), rules.len());
    assert!(names.contains("DeadEnd"));
    assert!(run["tool"]["driver"]["informationUri"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    // Fingerprints: one per result, and unchanged when lines move above.
    let fingerprints = |log: &serde_json::Value| -> Vec<(String, String)> {
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["ruleId"].as_str().unwrap().to_string(),
                    r["partialFingerprints"]["cxc/v1"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                )
            })
            .collect()
    };
    let before = fingerprints(&run_sarif(dir.path()));
    std::fs::write(dir.path().join("s.cx"), format!("# a comment\n\n{spec}")).unwrap();
    let after = fingerprints(&run_sarif(dir.path()));
    assert_eq!(before, after);
    let distinct: std::collections::BTreeSet<_> = before.iter().map(|(_, f)| f).collect();
    assert_eq!(distinct.len(), before.len(), "{before:?}");
}

/// A result's message joins the finding and its help under the word for
/// "help" of the findings' language (audit 14, L4: "Help:" in a Russian
/// log).
#[test]
fn sarif_says_help_in_the_findings_language() {
    let dir = tempfile::tempdir().unwrap();
    let spec = "team t {}\nrole r { team t; duty \"d\" }\njourney j {\n  start a\n  step a { owner t }\n  step b { owner nobody; end }\n}\n";
    std::fs::write(dir.path().join("s.cx"), spec).unwrap();
    for (lang, label, other) in [
        ("en", "\nHelp: ", "\nПодсказка: "),
        ("ru", "\nПодсказка: ", "\nHelp: "),
    ] {
        let out = common::cxc_in(
            dir.path(),
            &["check", ".", "--format", "sarif", "--lang", lang],
        );
        let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert!(!results.is_empty());
        for r in results {
            let text = r["message"]["text"].as_str().unwrap();
            assert!(
                text.contains(label) && !text.contains(other),
                "{lang}: {text}"
            );
        }
    }
}

fn run_sarif(dir: &std::path::Path) -> serde_json::Value {
    let out = common::cxc_in(dir, &["check", ".", "--format", "sarif"]);
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn explain_every_code_and_reject_unknown_ones() {
    for code in cxc::diagnostic::Code::ALL {
        let out = cxc(&["explain", code.as_str()]);
        assert_eq!(out.status.code(), Some(0), "{code}");
        let text = stdout(&out);
        assert!(text.starts_with(code.as_str()), "{text}");
        assert!(text.contains("Why:") && text.contains("Fixed:"), "{text}");
    }
    let out = cxc(&["explain", "dead-ends"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `dead-end`?"));
    let list = stdout(&cxc(&["explain"]));
    assert_eq!(list.lines().count(), cxc::diagnostic::Code::ALL.len());
    assert!(
        list.starts_with("syntax")
            && list
                .lines()
                .all(|l| l.contains(" error ") || l.contains(" warning ")),
        "{list}"
    );
    // In Russian the severity is in Russian too (audit 14, L4).
    let list = stdout(&cxc(&["explain", "--lang", "ru"]));
    assert_eq!(list.lines().count(), cxc::diagnostic::Code::ALL.len());
    for line in list.lines() {
        assert!(
            line.contains(" ошибка ") || line.contains(" предупреждение "),
            "{line}"
        );
        assert!(
            !line.contains(" error ") && !line.contains(" warning "),
            "{line}"
        );
    }
}

#[test]
fn examples_folder_checks_each_example_as_its_own_spec() {
    let out = cxc(&["check", "examples", "--format", "json", "--today", TODAY]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn output_is_identical_across_runs() {
    let a = cxc(&["check", "tests/corpus", "--format", "json"]).stdout;
    let b = cxc(&["check", "tests/corpus", "--format", "json"]).stdout;
    assert_eq!(a, b);
}

/// A syntax error in one spec does not silence the rules of another spec
/// checked in the same run: each spec is judged on its own.
#[test]
fn a_broken_spec_does_not_silence_its_neighbours() {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("broken/cxc.yaml", "");
    write("broken/spec.cx", "team t { lead }\n");
    write("sound/cxc.yaml", "");
    // An unused calendar and a segment without an SLA: findings that
    // compare declarations, which wait only in a spec that does not parse.
    write(
        "sound/spec.cx",
        "calendar spare { open 24x7 }\nteam t {}\nsegment s {}\n",
    );
    let output = cxc_in(dir.path(), &["check", ".", "--format", "json"]);
    let report = json(&output);
    let codes: Vec<(String, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        codes.contains(&("broken/spec.cx".into(), "syntax".into())),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("sound/spec.cx".into(), "unused".into())),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("sound/spec.cx".into(), "segment-without-sla".into())),
        "{codes:?}"
    );
}

/// `cxc init` writes a spec that passes `check` with no findings, its
/// cxc.yaml and a workflow; run again it refuses and changes nothing.
#[test]
fn init_starts_a_clean_spec_and_never_overwrites() {
    for lang in ["en", "ru"] {
        let dir = tempfile::tempdir().unwrap();
        let created = cxc_in(dir.path(), &["init", "--lang", lang]);
        assert_eq!(created.status.code(), Some(0), "{created:?}");
        for file in [
            "standards/service.cx",
            "standards/cxc.yaml",
            ".github/workflows/cxc.yml",
        ] {
            assert!(dir.path().join(file).is_file(), "{file}");
        }
        let checked = cxc_in(dir.path(), &["check", "standards", "--deny", "warnings"]);
        assert_eq!(checked.status.code(), Some(0), "{}", stdout(&checked));
        let built = cxc_in(dir.path(), &["build", "standards", "-o", "out"]);
        assert_eq!(built.status.code(), Some(0));
        assert_eq!(
            cxc_in(dir.path(), &["fmt", "--check", "standards"])
                .status
                .code(),
            Some(0)
        );
        let workflow =
            std::fs::read_to_string(dir.path().join(".github/workflows/cxc.yml")).unwrap();
        assert!(workflow.contains("paths: standards"), "{workflow}");
        std::fs::write(dir.path().join("standards/service.cx"), "# mine\n").unwrap();
        let again = cxc_in(dir.path(), &["init"]);
        assert_eq!(again.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("standards/service.cx")).unwrap(),
            "# mine\n"
        );
    }
}

#[test]
fn completions_and_the_man_page_come_from_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = cxc(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0));
        let script = stdout(&out);
        assert!(
            script.contains("fmt") && script.contains("explain"),
            "{shell}"
        );
    }
    let man = stdout(&cxc(&["man"]));
    assert!(man.starts_with(".ie") || man.contains(".TH cxc"), "{man}");
    assert!(man.contains("fmt") && man.contains("init"));
}

/// The Russian help and man page name what to write in Russian
/// (`--out <ПАПКА>`, `[ФАЙЛЫ]...`) and head their sections in Russian
/// (ИМЯ, СИНТАКСИС…): no word of a fixed list of clap's and
/// clap_mangen's English is left, and every placeholder is Cyrillic or
/// the neutral `N`. The English page keeps them.
#[test]
fn the_russian_help_and_man_page_leave_no_english_placeholder_or_heading() {
    const ENGLISH: &[&str] = &[
        "Usage",
        "Options",
        "OPTIONS",
        "Arguments",
        "Commands",
        "COMMANDS",
        "COMMAND",
        "Print",
        "default",
        "possible",
        "DIR",
        "FILE",
        "PATHS",
        "TODAY",
        "DATE",
        "TARGET",
        "SIZE",
        "COLOR",
        "FORMAT",
        "SHELL",
        "JOURNEY",
        "DENY",
        "TOPIC",
        "CODE",
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "SUBCOMMANDS",
        "VERSION",
        "EXTRA",
        "AUTHORS",
    ];
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    // `<X>` and `[X]` placeholders, in the help and in roff (`\fI<X>\fR`).
    let placeholders = |text: &str| -> Vec<String> {
        let mut found = Vec::new();
        for (open, close) in [('<', '>'), ('[', ']')] {
            for part in text.split(open).skip(1) {
                if let Some(inner) = part.split(close).next() {
                    let inner = inner.trim_start_matches("\\fI").trim_end_matches("\\fR");
                    if !inner.is_empty() && inner.chars().all(|c| c.is_uppercase() || c == '_') {
                        found.push(inner.to_string());
                    }
                }
            }
        }
        found
    };
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let help = stdout(&cxc_with(here, &["--lang", "ru", "help", "build"], &[]));
    let man = stdout(&cxc_with(here, &["--lang", "ru", "man"], &[]));
    for (what, text) in [("help build", &help), ("man", &man)] {
        for word in words(text) {
            assert!(
                !ENGLISH.contains(&word.as_str()),
                "{what}: “{word}” in\n{text}"
            );
        }
        let found = placeholders(text);
        assert!(!found.is_empty(), "{what}: no placeholder read in\n{text}");
        for p in found {
            assert!(
                p == "N" || p.chars().all(|c| !c.is_ascii_alphabetic()),
                "{what}: <{p}> in\n{text}"
            );
        }
    }
    for heading in [
        ".SH \"ИМЯ\"",
        ".SH \"СИНТАКСИС\"",
        ".SH \"ОПИСАНИЕ\"",
        ".SH \"КОМАНДЫ\"",
    ] {
        assert!(man.contains(heading), "{heading} in\n{man}");
    }
    assert!(
        help.contains("--out <ПАПКА>") && help.contains("[ФАЙЛЫ]..."),
        "{help}"
    );
    // English keeps clap's words.
    let help = stdout(&cxc_with(here, &["help", "build"], &[]));
    let man = stdout(&cxc_with(here, &["man"], &[]));
    assert!(
        help.contains("--out <DIR>") && help.contains("[PATHS]..."),
        "{help}"
    );
    assert!(
        man.contains(".SH \"SYNOPSIS\"") && man.contains("\\fI<COLOR>\\fR"),
        "{man}"
    );
}

/// `--color` decides; without it NO_COLOR turns colour off and FORCE_COLOR
/// on, even into a pipe.
#[test]
fn colour_follows_the_flag_and_the_environment() {
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_cxc"));
        command
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("NO_COLOR")
            .env_remove("FORCE_COLOR")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C");
        for (k, v) in env {
            command.env(k, v);
        }
        let out = command.output().unwrap();
        stdout(&out).contains('\u{1b}')
    };
    let spec = "tests/corpus/journeys.cx";
    assert!(!run(&["check", spec], &[]), "a pipe gets no colour");
    assert!(run(&["check", spec], &[("FORCE_COLOR", "1")]));
    assert!(!run(
        &["check", spec],
        &[("FORCE_COLOR", "1"), ("NO_COLOR", "1")]
    ));
    assert!(!run(&["check", spec], &[("FORCE_COLOR", "0")]));
    assert!(run(
        &["check", spec, "--color", "always"],
        &[("NO_COLOR", "1")]
    ));
    assert!(!run(
        &["check", spec, "--color", "never"],
        &[("FORCE_COLOR", "1")]
    ));
}

/// `cxc check --watch` checks, then checks again when a spec file is saved.
#[test]
fn watch_checks_again_on_save() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("s.cx");
    std::fs::write(&spec, "team t {}\nrole r { team t; duty \"Work\" }\n").unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cxc"))
        .args(["check", ".", "--watch"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let (send, lines) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = send.send(line);
        }
    });
    let wait_for = |wanted: &str| loop {
        let line = lines
            .recv_timeout(std::time::Duration::from_secs(20))
            .unwrap_or_else(|_| panic!("no `{wanted}` from --watch"));
        if line.contains(wanted) {
            return;
        }
    };
    wait_for("0 errors, 0 warnings");
    std::fs::write(&spec, "team t {}\nrole r { team nobody; duty \"Work\" }\n").unwrap();
    wait_for("s.cx changed: checking again");
    wait_for("1 error");
    child.kill().unwrap();
    child.wait().unwrap();
}

/// A Russian spec with a mistake: the finding, its help and the summary are
/// in Russian without any flag (the spec says `language ru`); `--lang en`
/// overrides it, and the locale speaks for a spec that says nothing. The
/// codes stay the same in every language.
#[test]
fn a_russian_spec_is_checked_in_russian() {
    let dir = tempfile::tempdir().unwrap();
    let spec = std::fs::read_to_string("examples/dry-cleaner-ru/химчистка.cx").unwrap();
    let broken = spec.replacen("owner оператор", "owner операторр", 1);
    assert_ne!(spec, broken);
    std::fs::write(dir.path().join("spec.cx"), broken).unwrap();

    let ru = cxc_with(dir.path(), &["check", "."], &[]);
    let text = stdout(&ru);
    assert_eq!(ru.status.code(), Some(1));
    assert!(text.contains("неизвестное имя `операторр`"), "{text}");
    assert!(
        text.contains("подсказка: может быть, имелось в виду `оператор`?"),
        "{text}"
    );
    assert!(text.contains("1 ошибка, 0 предупреждений"), "{text}");

    let en = cxc_with(
        dir.path(),
        &["check", ".", "--lang", "en"],
        &[("LANG", "ru_RU.UTF-8")],
    );
    assert!(
        stdout(&en).contains("help: did you mean `оператор`?"),
        "{}",
        stdout(&en)
    );
    assert!(stdout(&en).contains("1 error, 0 warnings"));

    let json_ru = json(&cxc_with(
        dir.path(),
        &["check", ".", "--format", "json"],
        &[],
    ));
    assert_eq!(json_ru["diagnostics"][0]["code"], "unknown-reference");

    // A spec without `language`: the locale decides; LC_ALL over LANG.
    let plain = tempfile::tempdir().unwrap();
    std::fs::write(plain.path().join("s.cx"), "team t { lead nobody }\n").unwrap();
    let by_locale = cxc_with(plain.path(), &["check", "."], &[("LANG", "ru_RU.UTF-8")]);
    assert!(
        stdout(&by_locale).contains("неизвестное имя `nobody`"),
        "{}",
        stdout(&by_locale)
    );
    let c_wins = cxc_with(
        plain.path(),
        &["check", "."],
        &[("LANG", "ru_RU.UTF-8"), ("LC_ALL", "C")],
    );
    assert!(
        stdout(&c_wins).contains("unknown role `nobody`"),
        "{}",
        stdout(&c_wins)
    );
    // Could-not-run errors too.
    let missing = cxc_with(
        plain.path(),
        &["check", "nowhere"],
        &[("LANG", "ru_RU.UTF-8")],
    );
    let err = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        err.contains("ошибка: не удаётся прочитать nowhere: нет такого файла или папки"),
        "{err}"
    );
}

/// `cxc help language` ships the language reference inside the binary, in
/// both languages: the form of every declaration, values and settings.
#[test]
fn the_language_reference_is_in_the_binary() {
    for (lang, title) in [
        ("en", "The cx language in short"),
        ("ru", "Язык cx вкратце"),
    ] {
        let output = cxc(&["help", "language", "--lang", lang]);
        let text = stdout(&output);
        assert_eq!(output.status.code(), Some(0));
        assert!(text.starts_with(title), "{text}");
        for keyword in [
            "service",
            "calendar",
            "team",
            "role",
            "channel",
            "segment",
            "customer_type",
            "sla",
            "promise",
            "journey",
            "complaint",
            "queue",
            "agreement",
        ] {
            assert!(
                text.contains(&format!("\n{keyword} ")),
                "{lang}: no form of `{keyword}`"
            );
        }
        assert!(
            text.contains("1h30m") && text.contains("cxc.yaml"),
            "{text}"
        );
        assert!(
            !text.contains("grammar/README"),
            "the binary's users do not have it"
        );
    }
    let build = cxc(&["help", "build"]);
    assert!(
        stdout(&build).contains("Usage: cxc build"),
        "{}",
        stdout(&build)
    );
    assert_eq!(cxc(&["help", "nope"]).status.code(), Some(2));
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Under `--lang ru` or a Russian locale, `--help`, the usage lines and
/// clap's argument errors are Russian; English stays English.
#[test]
fn help_and_argument_errors_speak_the_language_asked_for() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let russian_locale = [("LANG", "ru_RU.UTF-8")];
    for (args, env) in [
        (&["--lang", "ru", "build", "--help"][..], &[][..]),
        (&["build", "--help"][..], &russian_locale[..]),
        (&["help", "build", "--lang", "ru"][..], &[][..]),
    ] {
        let output = cxc_with(here, args, env);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        let help = stdout(&output);
        for word in [
            "Использование: cxc build [ПАРАМЕТРЫ]",
            "Параметры:",
            "Аргументы:",
            "Папка для результатов",
            "по умолчанию",
        ] {
            assert!(help.contains(word), "{args:?}: {word} in {help}");
        }
        for english in [
            "Usage",
            "Options",
            "OPTIONS",
            "Arguments",
            "Print help",
            "The output folder",
        ] {
            assert!(!help.contains(english), "{args:?}: {english} in {help}");
        }
    }
    // A required argument missing: the error, the usage line and the hint.
    let missing = cxc_with(here, &["--lang", "ru", "build", "examples/kitchen"], &[]);
    assert_eq!(missing.status.code(), Some(2));
    let text = stderr(&missing);
    assert!(
        text.contains("ошибка: не указаны обязательные аргументы: --out <ПАПКА>"),
        "{text}"
    );
    let usage = text
        .lines()
        .find(|l| l.starts_with("Использование: cxc build"))
        .unwrap_or_default();
    assert!(usage.contains("--out <ПАПКА>"), "{text}");
    assert!(
        !text.contains("required") && !text.contains("Usage"),
        "{text}"
    );
    let english = cxc_with(here, &["build", "examples/kitchen"], &[]);
    assert_eq!(english.status.code(), Some(2));
    let text = stderr(&english);
    let usage = text
        .lines()
        .find(|l| l.starts_with("Usage: cxc build"))
        .unwrap_or_default();
    assert!(
        text.contains("error: the following required arguments were not provided: --out <DIR>")
            && usage.contains("--out <DIR>"),
        "{text}"
    );
    // A value not among the possible ones, a misspelt option, a bad date.
    let bad = cxc_with(here, &["check", "--format", "xml"], &russian_locale);
    let text = stderr(&bad);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text.contains("недопустимое значение `xml` для `--format <ФОРМАТ>`"),
        "{text}"
    );
    assert!(
        text.contains("значения: human, json, sarif, github"),
        "{text}"
    );
    let typo = cxc_with(here, &["--lang", "ru", "check", "--formt", "json"], &[]);
    let text = stderr(&typo);
    assert!(
        text.contains("неожиданный аргумент `--formt`") && text.contains("--format"),
        "{text}"
    );
    let date = cxc_with(
        here,
        &["--lang", "ru", "check", "--today", "2026-13-01"],
        &[],
    );
    let text = stderr(&date);
    assert!(
        text.contains("недопустимое значение `2026-13-01` для `--today <ДАТА>`: "),
        "{text}"
    );
    assert!(
        !text.contains(" month") && !text.contains("invalid"),
        "{text}"
    );
}

/// `cxc init --lang ru`: the paths as given (not from the root), a
/// Russian cxc.yaml, and the next steps in one column.
#[test]
fn init_in_russian_prints_the_paths_given_and_aligned_next_steps() {
    for (lang, word) in [("ru", "создан"), ("en", "created")] {
        let dir = tempfile::tempdir().unwrap();
        let created = cxc_in(dir.path(), &["init", "--lang", lang]);
        assert_eq!(created.status.code(), Some(0), "{created:?}");
        let text = stderr(&created);
        assert!(
            text.contains(&format!("{word} standards/service.cx\n")),
            "{text}"
        );
        assert!(!text.contains(" /standards"), "{text}");
        // The description after each command starts in the same column.
        let columns: Vec<usize> = text
            .lines()
            .filter(|l| l.trim_start().starts_with("cxc "))
            .map(|l| {
                let command_end = l.find("   ").expect("a gap before the description");
                command_end + l[command_end..].chars().take_while(|c| *c == ' ').count()
            })
            .collect();
        assert_eq!(columns.len(), 2, "{text}");
        assert_eq!(columns[0], columns[1], "{text}");
        let config = std::fs::read_to_string(dir.path().join("standards/cxc.yaml")).unwrap();
        let comments: Vec<&str> = config
            .lines()
            // Prose comments; `#   key: value` lines are settings to uncomment.
            .filter(|l| l.starts_with("# ") && !l.starts_with("#  "))
            .collect();
        assert!(!comments.is_empty());
        if lang == "ru" {
            for line in comments {
                assert!(
                    line.chars().any(|c| ('а'..='я').contains(&c)),
                    "English comment: {line}"
                );
            }
        }
        // In another folder, the path as given.
        let work = tempfile::tempdir().unwrap();
        let created = cxc_in(work.path(), &["init", "repo", "--lang", lang]);
        assert!(stderr(&created).contains(&format!("{word} repo/standards/service.cx\n")));
        assert!(stderr(&created).contains("cxc check repo/standards"));
    }
}

/// Russian messages with no English in them and good grammar: what was
/// expected, a name of the wrong kind, a location not quoted.
#[test]
fn russian_findings_are_grammatical_and_have_no_english() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.cx"),
        "service { language ru }\nteam t \"Т\" {}\nsegment s \"С\" { channels t }\ncalendar c \"К\" { open soon }\n",
    )
    .unwrap();
    let output = cxc_in(dir.path(), &["check", "--format", "json"]);
    let report = json(&output);
    let messages: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect();
    let all = messages.join("\n");
    assert!(all.contains("ожидалось: "), "{all}");
    assert!(
        !all.contains("ожидалось дни") && !all.contains("ожидалось длительность"),
        "{all}"
    );
    assert!(
        all.contains("`t` — это команда, а здесь нужно имя канала"),
        "{all}"
    );
    assert!(!all.contains("нужен "), "{all}");
    // A finding in cxc.yaml is not quoted: its place is said in Russian.
    std::fs::write(dir.path().join("cxc.yaml"), "rules:\n  dead-ends: off\n").unwrap();
    let output = cxc_in(dir.path(), &["check", "--lang", "ru"]);
    let text = stdout(&output);
    assert!(text.contains("(место: cxc.yaml:2:"), "{text}");
    assert!(!text.contains("(at "), "{text}");
}

/// Outside audit 11, M4: the help says who does a team's work as the
/// guide's table "Who does what" does (and the job descriptions follow it):
/// the team's line roles, the lead only when there are none.
#[test]
fn help_language_gives_team_work_to_line_roles_as_the_guide_does() {
    let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let guide_rule = "the team's line roles: every role of the team other than its `lead` and its supervisory roles; with none, the lead";
    let rule = "the team's line roles: every role of the team other than its `lead` and its supervisory roles (those another role of the team `reports_to`); with none, the lead";
    let guide =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/grammar/README.md")).unwrap();
    let row = guide
        .lines()
        .find(|l| l.starts_with("| `owner support` (a team)"))
        .expect("the guide's row for a team owner");
    assert!(row.contains(guide_rule), "{row}");
    let en = flat(&stdout(&cxc(&["help", "language", "--lang", "en"])));
    assert!(en.contains(rule), "{en}");
    assert!(!en.contains("only role, else to its `lead`"), "{en}");
    let ru = flat(&stdout(&cxc(&["help", "language", "--lang", "ru"])));
    assert!(
        ru.contains("линейные роли команды: все её роли, кроме руководителя (`lead`) и руководящих ролей (тех, кому подчиняется другая роль команды, `reports_to`); если других нет — руководитель"),
        "{ru}"
    );
    assert!(!ru.contains("иначе её руководителю"), "{ru}");
}

/// `cxc help language` says what the parser accepts (issue 26): identifiers
/// with `-`, and an escalation to a team. The spec written as the help says
/// checks without a syntax error or an unknown name.
#[test]
fn help_language_agrees_with_the_parser() {
    for lang in ["en", "ru"] {
        let text = stdout(&cxc(&["help", "language", "--lang", lang]));
        assert!(
            text.contains("`_` and `-`") || text.contains("`_` и `-`"),
            "{lang}: {text}"
        );
        assert!(text.contains("phone-line"), "{lang}");
        assert!(
            text.contains("escalate after DURATION to TEAM-OR-ROLE"),
            "{lang}"
        );
        assert!(!text.contains("DURATION to ROLE"), "{lang}");
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("spec.cx"),
        "team support {}\nteam back-office {}\nrole phone-agent { team support; duty \"Answers\" }\n\
         complaint late { owner phone-agent; resolve within 1d; escalate after 4h to back-office; feedback required }\n",
    )
    .unwrap();
    let report = json(&cxc_in(
        dir.path(),
        &["check", "spec.cx", "--format", "json"],
    ));
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(
        !codes.contains(&"syntax") && !codes.contains(&"unknown-reference"),
        "{}",
        compact(&report)
    );
}

/// `build --help` says what a build without `--target` writes, as the
/// README does: everything but the dbt project, which is written only when
/// named (audit 2, B1). The default build indeed writes no `dbt/`.
#[test]
fn build_help_names_the_default_targets_the_build_writes() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let words = |text: String| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let english = words(stdout(&cxc_with(here, &["build", "--help"], &[])));
    assert!(
        english.contains("default: all but dbt") && english.contains("dbt: a dbt project"),
        "{english}"
    );
    assert!(!english.contains("default: everything"), "{english}");
    let russian = words(stdout(&cxc_with(
        here,
        &["--lang", "ru", "build", "--help"],
        &[],
    )));
    assert!(
        russian.contains("по умолчанию — всё, кроме dbt") && russian.contains("dbt: проект dbt"),
        "{russian}"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let built = cxc(&[
        "build",
        "examples/kitchen",
        "--today",
        TODAY,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(built.status.code(), Some(0), "{}", stdout(&built));
    assert!(out.join("site").is_dir() && out.join("routing").is_dir());
    assert!(!out.join("dbt").exists(), "dbt/ is written only when named");
}
