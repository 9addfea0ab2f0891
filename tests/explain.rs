//! Every `cxc explain` example is a spec that does what it says: its `bad`
//! text triggers the code and its `fix` does not, run against
//! `explain::EXAMPLE_BASE` and the doc's `context`. Examples with `# a.cx`
//! headers are several files; build-only codes run through `cxc build`.

mod common;

use cxc::check::Options;
use cxc::diagnostic::{Code, CodeDoc};
use cxc::explain::EXAMPLE_BASE;
use cxc::pipeline::compile_bytes;
use cxc::syntax::values::Date;
use std::collections::BTreeSet;

fn options() -> Options {
    Options {
        today: Some(Date::parse(common::TODAY).unwrap()),
        ..Options::default()
    }
}

/// The codes a spec text gets from `cxc check`, or from `cxc build` for the
/// build-only codes.
fn codes(doc: &CodeDoc, example: &str) -> BTreeSet<String> {
    let dir = tempfile::tempdir().unwrap();
    let files = split_files(example);
    let multi = files.len() > 1;
    let measured = Code::MEASURE_ONLY.contains(&doc.code);
    if multi || measured || Code::BUILD_ONLY.contains(&doc.code) {
        std::fs::write(
            dir.path().join("base.cx"),
            format!("{EXAMPLE_BASE}\n{}", doc.context),
        )
        .unwrap();
        for (name, text) in &files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        if Code::BUILD_ONLY.contains(&doc.code) {
            // `cxc build` prints its findings for people: a code heads each.
            let mut args = vec!["build", ".", "-o", "../out", "--today", common::TODAY];
            // Files under `templates/` are the user's templates.
            if files.iter().any(|(name, _)| name.starts_with("templates/")) {
                args.extend(["--templates", "templates"]);
            }
            let output = common::cxc_in(dir.path(), &args);
            let text = String::from_utf8_lossy(&output.stderr).into_owned()
                + &String::from_utf8_lossy(&output.stdout);
            return text
                .lines()
                .map(str::trim)
                .filter(|line| Code::parse(line).is_some())
                .map(str::to_string)
                .collect();
        }
        // Measure codes: `cxc measure` over the exports the example holds.
        let mut args = vec!["check", ".", "--format", "json", "--today", common::TODAY];
        if measured {
            args = vec!["measure", ".", "--format", "json"];
            for (name, _) in &files {
                if let Some(stem) = name.strip_suffix(".csv") {
                    args.push(if stem == "contacts" {
                        "--contacts"
                    } else {
                        "--cases"
                    });
                    args.push(name.as_str());
                }
            }
        }
        let output = common::cxc_in(dir.path(), &args);
        let report: serde_json::Value = serde_json::from_slice(&output.stdout)
            .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&output.stderr)));
        return report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect();
    }
    let text = format!("{EXAMPLE_BASE}\n{}\n{example}\n", doc.context);
    compile_bytes("example.cx", text.as_bytes(), &options())
        .diagnostics
        .iter()
        .map(|d| d.code.as_str().to_string())
        .collect()
}

/// `# a.cx` (or `.csv`, `# cxc.yaml`, or `# templates/…`) lines start files; without them
/// the example is one file.
fn split_files(example: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = Vec::new();
    for line in example.lines() {
        let header = line
            .strip_prefix("# ")
            .and_then(|rest| rest.split_whitespace().next())
            .filter(|name| {
                name.ends_with(".cx")
                    || name.ends_with(".csv")
                    || *name == "cxc.yaml"
                    || name.starts_with("templates/")
            });
        match header {
            Some(name) => files.push((name.to_string(), String::new())),
            None => match files.last_mut() {
                Some((_, text)) => {
                    text.push_str(line);
                    text.push('\n');
                }
                None => files.push(("example.cx".to_string(), format!("{line}\n"))),
            },
        }
    }
    files
}

#[test]
fn the_example_base_is_clean() {
    let compiled = compile_bytes("base.cx", EXAMPLE_BASE.as_bytes(), &options());
    assert!(
        compiled.diagnostics.is_empty(),
        "{:?}",
        compiled.diagnostics
    );
}

#[test]
fn every_bad_example_triggers_its_code_and_every_fix_does_not() {
    let mut failures = Vec::new();
    for doc in cxc::explain::examples() {
        let code = doc.code.as_str();
        let bad = codes(doc, doc.bad);
        if !bad.contains(code) {
            failures.push(format!("{code}: the bad example gives {bad:?}"));
        }
        let fixed = codes(doc, doc.fix);
        if fixed.contains(code) {
            failures.push(format!("{code}: the fixed example still gives it"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The Russian examples (`cxc explain --lang ru`: comments and quoted
/// texts said in Russian, audit 17 L3) do what the English ones do: the
/// bad one triggers its code, the fixed one does not.
#[test]
fn every_russian_example_does_what_the_english_one_does() {
    use cxc::i18n::examples::localise;
    use cxc::syntax::values::Language;
    let mut failures = Vec::new();
    let mut said = 0;
    for doc in cxc::explain::examples() {
        let code = doc.code.as_str();
        let (bad, fix) = (
            localise(doc.bad, Language::Ru),
            localise(doc.fix, Language::Ru),
        );
        if bad != doc.bad && !codes(doc, &bad).contains(code) {
            failures.push(format!(
                "{code}: the Russian bad example does not give it:\n{bad}"
            ));
        }
        if fix != doc.fix && codes(doc, &fix).contains(code) {
            failures.push(format!(
                "{code}: the Russian fixed example still gives it:\n{fix}"
            ));
        }
        said += usize::from(bad != doc.bad) + usize::from(fix != doc.fix);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The table is read: most examples with prose are said in Russian.
    assert!(said > 40, "{said}");
}

/// The README's rules table lists every code, in the order of
/// `Code::ALL`, with its default severity: it cannot drift from the code.
#[test]
fn the_readme_rules_table_is_the_code_list() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let rows: Vec<(String, String)> = readme
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let code = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            let severity = *cells.get(2)?;
            Code::parse(code).map(|_| (code.to_string(), severity.to_string()))
        })
        .collect();
    let expected: Vec<(String, String)> = Code::ALL
        .iter()
        .map(|c| {
            (
                c.as_str().to_string(),
                c.default_severity().as_str().to_string(),
            )
        })
        .collect();
    assert_eq!(rows, expected);
}

/// The language guide explains every code in words.
#[test]
fn the_language_guide_names_every_code() {
    let guide =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/grammar/README.md")).unwrap();
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !guide.contains(&format!("`{c}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "grammar/README.md does not mention {missing:?}"
    );
}

/// `cxc explain` in Russian: every code, its title, summary and rationale.
#[test]
fn every_code_is_explained_in_russian() {
    for code in cxc::diagnostic::Code::ALL {
        let output = common::cxc(&["explain", code.as_str(), "--lang", "ru"]);
        let text = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(0));
        assert!(text.contains("по умолчанию"), "{code}: {text}");
        assert!(text.contains("Почему: "), "{code}: {text}");
        assert!(
            !text.contains("explain-"),
            "{code}: a catalogue id shows: {text}"
        );
    }
}

/// The codes `cxc measure` can emit, read from its own source: every
/// `Code::…` a module under `src/measure` names outside its tests and its
/// explain examples. Each must be in `Code::MEASURE_ONLY` or also emitted
/// by `cxc check` (measured `hot-potato`), and have an explain entry whose
/// example `every_bad_example_triggers_its_code_and_every_fix_does_not`
/// runs, and a row in the README's rules table.
#[test]
fn every_code_measure_can_emit_is_explained_with_an_example_and_a_readme_row() {
    fn sources(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                sources(&path, out);
            } else if name.ends_with(".rs") && name != "tests.rs" && name != "docs.rs" {
                out.push((name, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src/measure"), &mut files);
    let mut emitted: BTreeSet<Code> = BTreeSet::new();
    for (name, text) in &files {
        for (at, _) in text.match_indices("Code::") {
            let variant: String = text[at + "Code::".len()..]
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            let code = Code::ALL
                .iter()
                .copied()
                .find(|c| format!("{c:?}") == variant)
                .unwrap_or_else(|| panic!("{name}: Code::{variant} is no code"));
            emitted.insert(code);
        }
    }
    // The reader finds what the registry lists: it cannot miss them all.
    for code in Code::MEASURE_ONLY {
        assert!(
            emitted.contains(code),
            "{code} is never named in src/measure"
        );
    }
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let checked: BTreeSet<&str> = cxc::check::docs().map(|d| d.code.as_str()).collect();
    let mut missing = Vec::new();
    for code in &emitted {
        if !Code::MEASURE_ONLY.contains(code) && !checked.contains(code.as_str()) {
            missing.push(format!(
                "{code}: neither in Code::MEASURE_ONLY nor a check code"
            ));
        }
        match cxc::explain::doc(*code) {
            None => missing.push(format!("{code}: no `cxc explain` entry")),
            Some(doc) if doc.bad.trim().is_empty() || doc.fix.trim().is_empty() => {
                missing.push(format!("{code}: no runnable example"))
            }
            Some(_) => {}
        }
        if !readme.contains(&format!("| `{code}` |")) {
            missing.push(format!("{code}: no README row"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// Every text an explanation's example or a form shows (its quoted texts
/// and comments): the examples of every code, fixed and not, and each
/// declaration's header and statements with their examples.
fn example_prose() -> BTreeSet<&'static str> {
    use cxc::i18n::examples::prose;
    use cxc::syntax::{ast::DeclKind, forms};
    let mut texts: Vec<&'static str> = Vec::new();
    for doc in cxc::explain::examples() {
        texts.extend([doc.bad, doc.fix]);
    }
    for &kind in DeclKind::ALL {
        texts.push(forms::header(kind));
        for form in forms::statements(kind) {
            texts.extend([form.form, form.example]);
        }
    }
    texts.into_iter().flat_map(prose).collect()
}

/// The Russian of the examples (src/i18n/examples.rs) is keyed by their
/// English text, beside the catalogues: it cannot drift from it. Every
/// English prose an example shows has its Russian (a text of Latin words
/// that is not a name, a path or a zone: `"vip"`, `"data/forecast.csv"`
/// stay), and every Russian in the table is of an English text some
/// example still shows.
#[test]
fn every_example_text_has_its_russian_and_every_russian_its_example() {
    use cxc::i18n::examples::{russian, table};
    let shown = example_prose();
    let prose = |text: &str| {
        text.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.len() > 1
                && w.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
                && !w.chars().all(|c| c.is_ascii_uppercase())
        }) && !text.contains(['/', '_', '@'])
    };
    let missing: Vec<&str> = shown
        .iter()
        .copied()
        .filter(|t| prose(t) && russian(t).is_none())
        .collect();
    assert!(missing.is_empty(), "no Russian for: {missing:#?}");
    let stale: Vec<&str> = table()
        .iter()
        .map(|(en, _)| *en)
        .filter(|en| !shown.contains(en))
        .collect();
    assert!(stale.is_empty(), "no example shows: {stale:#?}");
    // The test reads the examples: many texts, most of them said.
    assert!(shown.len() > 80 && table().len() > 60, "{}", shown.len());
}
