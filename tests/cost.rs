//! Issue 23's small inputs that cost minutes or all memory: each must be
//! answered at once, or refused, with its work bounded. Nothing here is
//! timed (the times are in `cargo bench --bench hostile`): each test
//! asserts the bound itself — a budget spent and said so, a count of the
//! work done, a drawing simplified and saying so, a row reported as bad.

mod common;

use common::hostile::{self, Files};
use std::path::Path;

fn folder(files: &Files) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

fn text(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn a_thousand_unknown_steps_share_one_suggestion_budget() {
    let files = hostile::unknown_steps(5_000, 1_000);
    // Every finding kept (a flag may raise the per-code cap), so the count
    // below is the suggestion searches asked for, not the cap.
    let options = cxc::check::Options {
        max_findings: usize::MAX,
        ..cxc::check::Options::default()
    };
    let compiled = cxc::pipeline::compile_bytes("a.cx", files[0].1.as_bytes(), &options);
    let unknown: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("has no step"))
        .collect();
    assert_eq!(unknown.len(), 2_000, "each promise names two unknown steps");
    // The budget ran out: most errors suggest nothing, and say what to do.
    assert_eq!(cxc::diagnostic::suggest::budget_left(), 0);
    let suggested = unknown.iter().filter(|d| d.replacement.is_some()).count();
    assert!(suggested < 10, "{suggested} suggestions");
    // A run of its own has its budget back.
    let small = "team support {}\nrole r { team suport; duty \"d\" }\n";
    let compiled = cxc::pipeline::compile_bytes("b.cx", small.as_bytes(), &options);
    assert!(compiled
        .diagnostics
        .iter()
        .any(|d| d.replacement.as_deref() == Some("support")));
}

#[test]
fn unknown_config_keys_get_short_help() {
    let files = hostile::unknown_config_keys(100_000);
    let mut sources = cxc::source::SourceMap::default();
    let id = sources.add(cxc::source::SourceFile::new(
        "cxc.yaml".into(),
        "cxc.yaml".into(),
        files[1].1.clone(),
    ));
    let (_, findings) = cxc::config::parse(id, &sources);
    assert_eq!(findings.len(), 100_000);
    // Each finding's help is a few words, not every rule's name: the
    // findings are linear in the keys, with a small factor.
    let help: usize = findings.iter().map(|d| d.help.len()).sum();
    assert!(help <= 100 * findings.len(), "{help} bytes of help");
    // A typo of a rule still gets its "did you mean" (in a run of its own).
    cxc::diagnostic::suggest::new_run();
    sources = cxc::source::SourceMap::default();
    let id = sources.add(cxc::source::SourceFile::new(
        "cxc.yaml".into(),
        "cxc.yaml".into(),
        "rules:\n  unsued: off\n".into(),
    ));
    let (_, findings) = cxc::config::parse(id, &sources);
    assert_eq!(findings[0].help, "did you mean `unused`?");
}

#[test]
fn junk_without_line_breaks_is_skipped_in_one_step() {
    let files = hostile::junk_after_a_declaration(400);
    let text = &files[0].1;
    let parsed = cxc::syntax::parse_with(cxc::source::FileId(0), text, true);
    assert_eq!(parsed.file.declarations.len(), 1);
    let tree = parsed.tree.unwrap();
    // The old recovery made a token of every character: 400,000 of them.
    let errors = tree
        .tokens()
        .filter(|(k, _)| *k == cxc::syntax::tree::TokenKind::Error)
        .count();
    assert!(errors <= 2, "{errors} error tokens");
    assert_eq!(parsed.diagnostics.len(), 1);
    // The formatter and the editor read the same tree: fmt refuses at once.
    assert!(cxc::format::format(cxc::source::FileId(0), text).is_err());
}

#[test]
fn a_dense_journey_is_built_simplified_and_says_so() {
    for files in [
        hostile::tangled_journey(100, true),
        hostile::tangled_journey(1_000, false),
    ] {
        let dir = folder(&files);
        let output = common::cxc_in(dir.path(), &["build", "-o", "out"]);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output));
        let bpmn = std::fs::read_to_string(dir.path().join("out/journeys/j.bpmn")).unwrap();
        assert!(bpmn.contains("<bpmn:documentation>This journey has too many long connections"));
        let page = site_page(&dir.path().join("out"));
        assert!(
            page.contains("class=\"diagram-note\""),
            "no note on the page"
        );
    }
}

/// The site's page with the journey map.
fn site_page(out: &Path) -> String {
    common::files_under(out)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .find(|page| page.contains("journey-map"))
        .expect("a page with the journey map")
}

#[test]
fn devices_are_refused_as_exports_at_once() {
    let dir = folder(&hostile::open_quote_export(0));
    let output = common::cxc_in(dir.path(), &["measure", ".", "--contacts", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(
        text(&output).contains("is not a file or a pipe"),
        "{}",
        text(&output)
    );
}

#[test]
fn a_quote_that_never_closes_is_one_bad_row_of_bounded_size() {
    let dir = folder(&hostile::open_quote_export(3));
    let output = common::cxc_in(
        dir.path(),
        &[
            "measure",
            ".",
            "--contacts",
            "contacts.csv",
            "--format",
            "json",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let all = report.to_string();
    assert!(
        all.contains("too-long") || all.contains("longer than 1 MB"),
        "{all}"
    );
    // The first contact was read; the open quote was cut at the cap and the
    // reader went on from the next line: the rest is not one giant row.
    let problems = &report["diagnostics"];
    assert!(problems.to_string().contains("contacts.csv"), "{problems}");
}

#[test]
fn user_templates_cannot_build_huge_values() {
    for template in hostile::GROWING_TEMPLATES {
        let dir = folder(&vec![
            ("spec/a.cx".into(), "team t {}\n".into()),
            ("tpl/en/index.md".into(), template.into()),
        ]);
        let output = common::cxc_in(dir.path(), &common::BUILD_WITH_TEMPLATES);
        assert_eq!(output.status.code(), Some(2), "{}", text(&output));
        assert!(
            text(&output).contains("the limit for a value in user templates"),
            "{}",
            text(&output)
        );
    }
}
