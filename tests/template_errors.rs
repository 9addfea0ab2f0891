//! A user template that cannot be used (attack 17, item 1) is a
//! `template-error` finding in every `--format`: the template's file and
//! line, a message saying which kind of failure it is, help, in English and
//! Russian; cxc stops with exit status 2 and writes nothing. The template's
//! text is never quoted back: a secret on another line of it never shows.

mod common;

use serde_json::Value;
use std::path::Path;

const SPEC: &str = "team t {}\nrole r { team t; duty \"d\" }\n";

/// On a line of its own in every broken template: it must never show.
const SECRET: &str = "SECRET-7f3a9c";

struct Case {
    what: &'static str,
    /// The template overridden, under `templates/en/`.
    name: &'static str,
    text: &'static str,
    /// The line the failure is at; `None` where minijinja gives none (a
    /// document over its size limit stops in the writer, outside any
    /// line): the finding is then at the template's first line.
    line: Option<usize>,
    /// Words of the message (English) that say which kind it is.
    says: &'static str,
}

const CASES: &[Case] = &[
    Case {
        what: "syntax error",
        name: "index.md",
        text: "# Standards\n{# SECRET-7f3a9c #}\n{% if %}\n",
        line: Some(3),
        says: "is not a valid template",
    },
    Case {
        what: "undefined filter",
        name: "index.md",
        text: "# Standards\n{# SECRET-7f3a9c #}\n\n{{ spec.roles | shout }}\n",
        line: Some(4),
        says: "names something that does not exist",
    },
    Case {
        what: "fuel exhausted",
        name: "hr/role.md",
        text: "{# SECRET-7f3a9c #}\n{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}\n",
        line: Some(2),
        says: "ran out of the work one build allows",
    },
    Case {
        what: "output cap",
        name: "index.md",
        text: "{# SECRET-7f3a9c #}\n\n{% for i in range(100000) %}{{ \"x\" * 100000 }}{% endfor %}\n",
        line: None,
        says: "writes or builds more than a user template may",
    },
];

/// A spec folder (with its `cxc.yaml`: its root) holding `templates/en/NAME`.
fn spec_with(name: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("spec");
    std::fs::create_dir_all(spec.join("templates/en/hr")).unwrap();
    std::fs::write(spec.join("cxc.yaml"), "").unwrap();
    std::fs::write(spec.join("s.cx"), SPEC).unwrap();
    std::fs::write(spec.join("templates/en").join(name), text).unwrap();
    dir
}

/// `cxc build` with the user's templates; `locale` says the messages'
/// language (the documents stay in the spec's: English).
fn build(dir: &Path, format: Option<&str>, locale: &str) -> std::process::Output {
    let mut args = vec![
        "build",
        "spec",
        "-o",
        "out",
        "--templates",
        "spec/templates",
    ];
    if let Some(format) = format {
        args.extend(["--format", format]);
    }
    common::cxc_with(dir, &args, &[("LANG", locale)])
}

fn all_output(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

#[test]
fn each_kind_of_template_error_is_a_finding_in_every_format() {
    for case in CASES {
        let dir = spec_with(case.name, case.text);
        let what = case.what;
        let located = format!("spec/templates/en/{}", case.name);
        let named = format!("`templates/en/{}`", case.name);

        let json = build(dir.path(), Some("json"), "C");
        assert_eq!(json.status.code(), Some(2), "{what}: {}", all_output(&json));
        assert!(!dir.path().join("out").exists(), "{what}: nothing written");
        let report: Value = serde_json::from_slice(&json.stdout)
            .unwrap_or_else(|_| panic!("{what}: {}", all_output(&json)));
        let found: Vec<&Value> = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "template-error")
            .collect();
        assert_eq!(found.len(), 1, "{what}: {report}");
        let d = found[0];
        assert_eq!(d["severity"], "error", "{what}");
        assert_eq!(d["file"], located.as_str(), "{what}: {d}");
        let line = case.line.unwrap_or(1);
        assert_eq!(d["line"], line, "{what}: {d}");
        let message = d["message"].as_str().unwrap();
        assert!(message.contains(&named), "{what}: {message}");
        assert!(message.contains(case.says), "{what}: {message}");
        assert!(!d["help"].as_str().unwrap().is_empty(), "{what}");
        assert_eq!(report["summary"]["errors"], 1, "{what}");

        let sarif = build(dir.path(), Some("sarif"), "C");
        assert_eq!(sarif.status.code(), Some(2), "{what}");
        let log: Value = serde_json::from_slice(&sarif.stdout)
            .unwrap_or_else(|_| panic!("{what}: {}", all_output(&sarif)));
        let run = &log["runs"][0];
        let result = &run["results"][0];
        assert_eq!(result["ruleId"], "template-error", "{what}");
        let place = &result["locations"][0]["physicalLocation"];
        assert_eq!(place["artifactLocation"]["uri"], located.as_str(), "{what}");
        assert_eq!(place["region"]["startLine"], line, "{what}");
        assert!(
            result["message"]["text"]
                .as_str()
                .unwrap()
                .contains("Help: "),
            "{what}: {result}"
        );
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert!(
            rules.iter().any(|r| r["id"] == "template-error"),
            "{what}: the rule is described"
        );

        let text = build(dir.path(), None, "C");
        assert_eq!(text.status.code(), Some(2), "{what}");
        let printed = all_output(&text);
        assert!(printed.contains("template-error"), "{what}: {printed}");
        assert!(
            printed.contains(&format!("{located}:{line}")),
            "{what}: {printed}"
        );
        assert!(printed.contains(case.says), "{what}: {printed}");

        let russian = build(dir.path(), Some("json"), "ru_RU.UTF-8");
        let report: Value = serde_json::from_slice(&russian.stdout).unwrap();
        let d = &report["diagnostics"][0];
        assert!(
            d["message"].as_str().unwrap().contains("шаблон"),
            "{what}: {d}"
        );
        assert!(
            d["help"].as_str().unwrap().contains("ничего не записано"),
            "{what}: {d}"
        );

        for output in [&json, &sarif, &text, &russian] {
            assert!(
                !all_output(output).contains(SECRET),
                "{what}: the template was quoted"
            );
        }
    }
}

/// The same files, valid: no finding, the documents written from them.
#[test]
fn a_valid_user_template_stays_silent() {
    let dir = spec_with("index.md", "# Standards\n{{ spec.roles | length }} roles\n");
    let output = build(dir.path(), Some("json"), "C");
    assert_eq!(output.status.code(), Some(0), "{}", all_output(&output));
    assert!(!all_output(&output).contains("template-error"));
    let index = std::fs::read_to_string(dir.path().join("out/index.md")).unwrap();
    assert_eq!(index, "# Standards\n1 roles\n");
}

/// A template file that is a link is refused as a finding too, at the
/// link, and what it points to is not read.
#[cfg(unix)]
#[test]
fn a_template_that_is_a_link_is_a_finding() {
    let dir = spec_with("report.md", "");
    std::fs::write(dir.path().join("secret.txt"), SECRET).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("secret.txt"),
        dir.path().join("spec/templates/en/index.md"),
    )
    .unwrap();
    let output = build(dir.path(), Some("sarif"), "C");
    assert_eq!(output.status.code(), Some(2));
    let log: Value = serde_json::from_slice(&output.stdout).unwrap();
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "template-error");
    assert!(result["message"]["text"]
        .as_str()
        .unwrap()
        .contains("symbolic link"));
    assert!(!all_output(&output).contains(SECRET));
}
