//! `cxc fmt`: on every shipped example, the corpus and perturbed specs, the
//! layout is idempotent, keeps every comment, and changes no meaning — the
//! same model, the same findings.

mod common;

use common::{cxc, cxc_in, files_under, json, stdout, TODAY};
use cxc::format::comments;
use cxc::source::FileId;
use cxc::syntax::tree::TokenKind;
use proptest::prelude::*;
use std::path::Path;

fn fmt(text: &str) -> Option<String> {
    cxc::format::format(FileId(0), text).ok()
}

/// The `.cx` files shipped and in the corpus that parse.
fn specs() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["examples", "tests/corpus"] {
        for path in files_under(&root.join(dir)) {
            if path.extension().is_some_and(|e| e == "cx") {
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                if fmt(&text).is_some() {
                    out.push((path.display().to_string(), text));
                }
            }
        }
    }
    assert!(out.len() >= 15, "found {} specs", out.len());
    out
}

#[test]
fn formatting_is_idempotent_and_keeps_every_comment() {
    for (name, text) in specs() {
        let once = fmt(&text).unwrap();
        assert_eq!(fmt(&once).as_deref(), Some(once.as_str()), "{name}");
        assert_eq!(comments(&once), comments(&text), "{name}");
    }
}

#[test]
fn the_shipped_examples_are_formatted() {
    let output = cxc(&["fmt", "--check", "examples"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).is_empty());
}

#[test]
fn durations_are_kept_as_written() {
    let text = "complaint c {\n  resolve within 3wd\n  escalate after 1w to x\n  acknowledge within 90m\n}\n";
    assert_eq!(fmt(text).as_deref(), Some(text));
}

/// A copy of `dir` in a temporary folder.
fn copy(dir: &Path) -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    for file in files_under(dir) {
        let to = copy.path().join(file.strip_prefix(dir).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&file, to).unwrap();
    }
    copy
}

/// What `cxc check` finds, without positions (formatting moves lines).
fn findings(dir: &Path) -> Vec<String> {
    let report = json(&cxc_in(
        dir,
        &["check", ".", "--format", "json", "--today", TODAY],
    ));
    let mut found: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {} {} {}",
                d["file"], d["code"], d["subject"], d["message"]
            )
        })
        .collect();
    found.sort();
    found
}

/// The same spec, laid out by hand in a hurry.
fn scramble(dir: &Path) {
    for file in files_under(dir) {
        if file.extension().is_some_and(|e| e == "cx") {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            let messy = text.replace("\n  ", "\n\t ").replace(" {\n", "{\n\n");
            std::fs::write(&file, messy).unwrap();
        }
    }
}

#[test]
fn formatting_changes_no_meaning() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut folders: Vec<_> = ["kitchen", "telecom", "dry-cleaner-ru"]
        .iter()
        .map(|e| root.join("examples").join(e))
        .collect();
    folders.push(root.join("tests/corpus"));
    for folder in folders {
        let work = copy(&folder);
        scramble(work.path());
        let before = findings(work.path());
        let model = |dir: &Path| {
            let out = dir.join(".out");
            let built = cxc_in(
                dir,
                &[
                    "build", ".", "-o", ".out", "--target", "docs", "--today", TODAY,
                ],
            );
            built.status.success().then(|| {
                let model = std::fs::read_to_string(out.join("model.json")).unwrap();
                std::fs::remove_dir_all(out).unwrap();
                model
            })
        };
        let model_before = model(work.path());
        let formatted = cxc_in(work.path(), &["fmt", "."]);
        assert!(
            !String::from_utf8_lossy(&formatted.stderr).contains("reformatted 0 "),
            "{}",
            String::from_utf8_lossy(&formatted.stderr)
        );
        assert_eq!(findings(work.path()), before, "{}", folder.display());
        assert_eq!(model(work.path()), model_before, "{}", folder.display());
        let again = cxc_in(work.path(), &["fmt", "--check", "."]);
        // The corpus has files with syntax errors on purpose: those exit 1
        // and are left alone; nothing else would change.
        assert!(!stdout(&again).contains("@@"), "{}", stdout(&again));
    }
}

#[test]
fn check_prints_a_diff_and_fails_and_writes_nothing() {
    let work = tempfile::tempdir().unwrap();
    let messy = "team   support{lead boss}\nrole boss { team support; duty \"Lead\" }\n";
    std::fs::write(work.path().join("a.cx"), messy).unwrap();
    let output = cxc_in(work.path(), &["fmt", "--check"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "--- a/a.cx\n+++ b/a.cx\n@@ -1,2 +1,2 @@\n-team   support{lead boss}\n+team support { lead boss }\n role boss { team support; duty \"Lead\" }\n"
    );
    assert_eq!(
        std::fs::read_to_string(work.path().join("a.cx")).unwrap(),
        messy
    );
    let output = cxc_in(work.path(), &["fmt"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(std::fs::read_to_string(work.path().join("a.cx"))
        .unwrap()
        .starts_with("team support { lead boss }\n"));
    assert_eq!(
        cxc_in(work.path(), &["fmt", "--check"]).status.code(),
        Some(0)
    );
}

#[test]
fn a_file_with_a_syntax_error_is_reported_and_left_alone() {
    let work = tempfile::tempdir().unwrap();
    let broken = "team support {\n  lead\n}\n";
    std::fs::write(work.path().join("a.cx"), broken).unwrap();
    let output = cxc_in(work.path(), &["fmt"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("syntax"));
    assert_eq!(
        std::fs::read_to_string(work.path().join("a.cx")).unwrap(),
        broken
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_not_written_through() {
    let work = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("real.cx");
    std::fs::write(&target, "team   t {}\n").unwrap();
    std::os::unix::fs::symlink(&target, work.path().join("link.cx")).unwrap();
    let output = cxc_in(work.path(), &["fmt"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "team   t {}\n");
}

/// Trivia changed at random: each run of spaces becomes 1–3 spaces or tabs,
/// each line break 1–2 line breaks, and spaces appear between words.
fn perturb(text: &str, choices: &[u8]) -> String {
    let tree = cxc::syntax::parse_with(FileId(0), text, true).tree.unwrap();
    let mut out = String::with_capacity(text.len() * 2);
    let mut pick = choices.iter().cycle().copied();
    let mut previous_word = false;
    for (kind, range) in tree.tokens() {
        let piece = &text[range];
        match kind {
            TokenKind::Whitespace => {
                let n = 1 + pick.next().unwrap() as usize % 3;
                let c = if pick.next().unwrap() % 2 == 0 {
                    " "
                } else {
                    "\t"
                };
                out.push_str(&c.repeat(n));
                previous_word = false;
                continue;
            }
            TokenKind::Newline => {
                let n = 1 + pick.next().unwrap() as usize % 2;
                out.push_str(&"\n".repeat(n));
                previous_word = false;
                continue;
            }
            TokenKind::Comment => {}
            _ => {
                if previous_word && pick.next().unwrap() % 4 == 0 {
                    out.push(' ');
                }
            }
        }
        out.push_str(piece);
        previous_word = !kind.is_trivia();
    }
    out
}

/// The top-level declarations in a new order (comments travel with the
/// declaration after them).
fn shuffle_declarations(text: &str, choices: &[u8]) -> String {
    let mut chunks: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices("\n\n") {
        chunks.push(&text[start..i + 2]);
        start = i + 2;
    }
    chunks.push(&text[start..]);
    let mut order: Vec<usize> = (0..chunks.len()).collect();
    for (i, c) in choices.iter().enumerate().take(order.len()) {
        let j = *c as usize % order.len();
        order.swap(i, j);
    }
    order
        .iter()
        .map(|&i| chunks[i])
        .collect::<Vec<_>>()
        .join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Layout does not depend on how the author spaced the text: messy
    /// spacing formats to what the clean text formats to.
    #[test]
    fn spacing_does_not_change_the_layout(
        which in 0usize..1000,
        choices in proptest::collection::vec(any::<u8>(), 1..64),
    ) {
        let specs = specs();
        let (name, text) = &specs[which % specs.len()];
        let messy = perturb(text, &choices);
        let clean = fmt(text).unwrap();
        // A blank line the author added is kept (at most one), so compare
        // with blank lines removed.
        let squeeze = |s: &str| s.lines().filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("\n");
        match fmt(&messy) {
            Some(formatted) => {
                prop_assert_eq!(squeeze(&formatted), squeeze(&clean), "{}", name);
                prop_assert_eq!(fmt(&formatted), Some(formatted.clone()));
                prop_assert_eq!(comments(&formatted), comments(text));
            }
            None => prop_assert!(cxc::syntax::parse_with(FileId(0), &messy, false).first_error.is_some()),
        }
    }

    /// Declarations in any order: whatever parses formats idempotently and
    /// keeps its comments.
    #[test]
    fn shuffled_specs_format_idempotently(
        which in 0usize..1000,
        choices in proptest::collection::vec(any::<u8>(), 1..64),
    ) {
        let specs = specs();
        let (_, text) = &specs[which % specs.len()];
        let shuffled = shuffle_declarations(text, &choices);
        if let Some(once) = fmt(&shuffled) {
            prop_assert_eq!(fmt(&once), Some(once.clone()));
            prop_assert_eq!(comments(&once), comments(&shuffled));
        }
    }
}

/// The `.cxc-fmt-` names in `dir`.
fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".cxc-fmt-"))
        .collect()
}

#[test]
fn a_killed_fmt_leaves_no_temporary_files() {
    let work = tempfile::tempdir().unwrap();
    let messy: String = (0..200)
        .map(|i| format!("role   r{i} {{team t;duty \"d\"}}\n"))
        .collect();
    // What a killed run left, by the name it gives a temporary file where
    // the file system has no unnamed files: a process that is gone.
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let pid = gone.id();
    gone.wait().unwrap();
    let stale = format!(".cxc-fmt-{pid}-AbCdEf");
    std::fs::write(work.path().join(&stale), "half a spec").unwrap();
    // Not cxc's: a live process's, and a file that only looks alike.
    let live = format!(".cxc-fmt-{}-AbCdEf", std::process::id());
    std::fs::write(work.path().join(&live), "").unwrap();
    std::fs::write(work.path().join(".cxc-fmt-notes"), "mine").unwrap();
    // Runs killed at moments spread over a run (a fixed seed: the same on
    // every run of the test).
    let seed = 0x5eed_u64;
    eprintln!("seed {seed:#x}");
    let mut x = seed;
    let mut killed: Vec<String> = Vec::new();
    for round in 0..15 {
        for i in 0..20 {
            std::fs::write(work.path().join(format!("f{i}.cx")), &messy).unwrap();
        }
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cxc"))
            .args(["fmt", "."])
            .current_dir(work.path())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(x % 20_000));
        killed.push(format!(".cxc-fmt-{}-", child.id()));
        let _ = child.kill();
        child.wait().unwrap();
        // A kill in the instant between naming the written file and renaming
        // it over the spec leaves that name (SIGKILL cannot be held off); it
        // is a killed run's — this round's, or an earlier one's whose
        // cleaning the next run was killed before doing — and the first run
        // left alone removes them all (checked below). Anything else left is
        // a fault.
        let left: Vec<String> = temp_files(work.path())
            .into_iter()
            .filter(|n| *n != stale && *n != live && n != ".cxc-fmt-notes")
            .filter(|n| !killed.iter().any(|k| n.starts_with(k)))
            .collect();
        assert!(left.is_empty(), "round {round}: {left:?}");
    }
    let output = cxc_in(work.path(), &["fmt", "."]);
    assert_eq!(output.status.code(), Some(0));
    let mut left = temp_files(work.path());
    left.sort();
    let mut expected = vec![".cxc-fmt-notes".to_string(), live];
    expected.sort();
    assert_eq!(left, expected);
}
