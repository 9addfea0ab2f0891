//! Russian output is Russian (audit 17, L3: `# both centres close at the
//! weekend` in `cxc explain --lang ru`, "(inside a journey)" in `cxc help
//! language`, `answer чат 90% within 2m` in the «решает» column of `cxc
//! staff`). The detector strips what is code — backticked text, example
//! code (its comments and quoted texts are prose and stay), source lines
//! quoted under a finding, identifiers, file names, codes — and the
//! spec's own words, then names every Latin-letter word left that is not
//! an acronym or a product name.

mod common;

use cxc::diagnostic::Code;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Names of products and methods a Russian text uses as they are.
const PROPER: &[&str] = &[
    "Erlang",
    "Zendesk",
    "TaskRouter",
    "TaskQueue",
    "Twilio",
    "cx",
    "cxc",
    "Mermaid",
    "Graphviz",
    "GitHub",
    "FedEx",
    "dbt",
];

/// The Latin-letter words of `text` that read as English prose. `names`:
/// the spec's own words. `code_indent`: lines indented four spaces are
/// example code (`cxc explain`, `cxc help`): only their comments and
/// quoted texts are read, as of a form's header (`step NAME ["Название"]
/// { ... }`).
fn english(text: &str, names: &BTreeSet<String>, code_indent: bool) -> Vec<String> {
    // Backticked code, over the whole text: a finding wraps a long span
    // across lines. Its newlines stay, so the lines stay; its quoted texts
    // are prose (`next production when "approved"` in a syntax error's
    // help, audit 18).
    let text: String = text
        .split('`')
        .enumerate()
        .map(|(i, part)| match i % 2 {
            0 => part.to_string(),
            _ => {
                let lines = part.chars().filter(|&c| c == '\n');
                let quoted = part.split('"').skip(1).step_by(2);
                lines
                    .chain(quoted.flat_map(|q| [" ", q].concat().chars().collect::<Vec<_>>()))
                    .collect()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    // The names an example's code gives (`vip`, `mass`): its comments may
    // name them.
    let mut names = names.clone();
    if code_indent {
        for line in text.lines().filter(|l| l.starts_with("    ")) {
            let code = cxc::i18n::examples::split_comment(line).0;
            let code: String = code.split('"').step_by(2).collect();
            names.extend(
                code.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .map(str::to_string),
            );
        }
    }
    let names = &names;
    let mut found = Vec::new();
    for line in text.lines() {
        // A source line quoted under a finding: ` 4 │   hours круглосуточно`.
        let head = line.trim_start();
        let numbered = head.split_once('│').is_some_and(|(n, _)| {
            !n.trim().is_empty() && n.trim().chars().all(|c| c.is_ascii_digit())
        });
        if numbered || head.starts_with("╭─[") {
            continue;
        }
        let prose = match code_indent && (line.starts_with("    ") || line.contains(" { ")) {
            true => {
                let (code, comment) = cxc::i18n::examples::split_comment(line);
                let mut parts: Vec<&str> = code.split('"').skip(1).step_by(2).collect();
                parts.extend(comment);
                parts.join(" ")
            }
            false => line.to_string(),
        };
        for chunk in prose.split_whitespace() {
            let word = chunk.trim_matches(|c: char| !c.is_alphanumeric() && c != '_');
            if word.is_empty() || !word.chars().any(|c| c.is_ascii_alphabetic()) {
                continue;
            }
            let code_like = word.contains(|c: char| {
                c.is_ascii_digit()
                    || "_./@=<>{}[]+".contains(c)
                    || !(c.is_ascii() || c.is_alphabetic())
            }) || word.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
                || Code::parse(word).is_some()
                || names.contains(word);
            if code_like {
                continue;
            }
            for part in word.split(['-', '\'', '’']) {
                let acronym = part.chars().all(|c| c.is_ascii_uppercase());
                if part.len() > 1 && !acronym && !PROPER.contains(&part) && !names.contains(part) {
                    found.push(format!("{part} — {}", line.trim()));
                }
            }
        }
    }
    found
}

const DECLARATIONS: &[&str] = &[
    "calendar",
    "team",
    "role",
    "channel",
    "segment",
    "customer_type",
    "sla",
    "promise",
    "journey",
    "step",
    "phase",
    "complaint",
    "queue",
    "agreement",
];

/// The spec's own words: every Latin word in its quoted texts and in its
/// data (a name it gives may be Latin: «Corporate», `vip`).
fn spec_words(spec: &Path) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for file in common::files_under(spec) {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let is_cx = file.extension().is_some_and(|e| e == "cx");
        for line in text.lines() {
            let line = cxc::i18n::examples::split_comment(line).0;
            // A declared name: `channel email`, `calendar always`.
            let mut tokens = line.split_whitespace();
            if let (true, Some(keyword), Some(name)) = (is_cx, tokens.next(), tokens.next()) {
                if DECLARATIONS.contains(&keyword) {
                    words.insert(
                        name.trim_matches(|c: char| !c.is_alphanumeric() && c != '_')
                            .to_string(),
                    );
                }
            }
            let quoted: Vec<&str> = match is_cx {
                true => line.split('"').skip(1).step_by(2).collect(),
                false => vec![line],
            };
            for q in quoted {
                for w in q
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .filter(|w| !w.is_empty())
                {
                    words.insert(w.to_string());
                }
            }
        }
    }
    words
}

/// Every shipped spec written in Russian: the two audited ones and every
/// example or test spec whose `service` says `language ru`.
fn russian_specs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut specs = BTreeSet::new();
    for top in ["examples", "tests/specs"] {
        for file in common::files_under(&root.join(top)) {
            let russian = file.extension().is_some_and(|e| e == "cx")
                && std::fs::read_to_string(&file)
                    .is_ok_and(|t| t.lines().any(|l| l.trim() == "language ru"));
            if russian {
                specs.insert(file.parent().unwrap().to_path_buf());
            }
        }
    }
    for audited in ["tests/specs/uchiversum", "tests/specs/energosbyt"] {
        assert!(
            specs.contains(&root.join(audited)),
            "{audited} is not found Russian"
        );
    }
    specs.into_iter().collect()
}

fn text(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

#[test]
fn every_explanation_and_the_language_help_are_russian() {
    let none = BTreeSet::new();
    let mut found = Vec::new();
    for &code in Code::ALL {
        let out = common::cxc(&["explain", code.as_str(), "--lang", "ru"]);
        found.extend(
            english(&text(&out), &none, true)
                .into_iter()
                .map(|w| format!("{code}: {w}")),
        );
    }
    let out = common::cxc(&["explain", "--lang", "ru"]);
    found.extend(english(&text(&out), &none, true));
    let out = common::cxc(&["help", "language", "--lang", "ru"]);
    found.extend(english(&text(&out), &none, true));
    assert!(
        found.is_empty(),
        "{} English words:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn every_russian_spec_is_checked_staffed_and_measured_in_russian() {
    let mut found = Vec::new();
    for spec in russian_specs() {
        let names = spec_words(&spec);
        let name = spec.display().to_string();
        let mut outputs = vec![
            (
                "check",
                common::cxc_in(&spec, &["check", ".", "--today", common::TODAY]),
            ),
            ("staff", common::cxc_in(&spec, &["staff", "."])),
        ];
        if spec.join("data/contacts.csv").exists() && spec.join("data/cases.csv").exists() {
            outputs.push(("measure", common::measure_own_data(&spec, &[])));
        }
        for (command, out) in outputs {
            found.extend(
                english(&text(&out), &names, false)
                    .into_iter()
                    .map(|w| format!("{name} {command}: {w}")),
            );
        }
    }
    assert!(
        found.is_empty(),
        "{} English words:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// The detector finds what the audit found, and passes Russian prose with
/// code, acronyms and the spec's names in it.
#[test]
fn the_detector_finds_english_and_passes_russian() {
    let none = BTreeSet::new();
    let audit = [
        "  пн 14:00   27   420 с  answer чат 90% within 2m",
        "    queue line_aus { channel line; team hub_aus }   # both centres close at the weekend",
        "step NAME [\"Title\"] { ... }   (inside a journey)",
        "    description TEXT   напр. description \"First line for every channel\"",
        "подсказка: пишите так: `next STEP [when TEXT]`, например `next production when \"approved\"`",
    ];
    for line in audit {
        assert!(!english(line, &none, true).is_empty(), "{line}");
    }
    let names: BTreeSet<String> = ["Corporate".to_string()].into();
    let russian = [
        "    queue line_aus { channel line; team hub_aus }   # оба центра не работают в выходные",
        "  пн 14:00   27   420 с  ответ: 90% в течение 2 минут",
        "премиум_чат — чат, Erlang C, цель 90% (премиум_sla), SLA, AHT, ASA",
        "  ⚠ канал `чат` открыт (по часам `hours always`), hours-uncovered, data/cases.csv",
        " 4 │   hours круглосуточно",
        "команда «Corporate» принимает обращения",
    ];
    for line in russian {
        assert!(
            english(line, &names, true).is_empty(),
            "{line}: {:?}",
            english(line, &names, true)
        );
    }
}

/// The prose of a document `cxc build` writes, as its reader sees it, or
/// `None` for a file no person reads as prose (the exports' JSON and YAML,
/// the model, the stylesheet). Markdown as written, its fenced blocks
/// (Mermaid) by their quoted labels; HTML, SVG and BPMN by their text and
/// their `title`, `aria-label`, `alt` and `name` attributes (not a
/// condition's code); Word by its paragraphs' text.
fn prose_of(path: &Path) -> Option<String> {
    let extension = path.extension()?.to_str()?;
    match extension {
        "md" => Some(markdown_prose(&std::fs::read_to_string(path).ok()?)),
        "html" | "svg" | "bpmn" => Some(markup_prose(&std::fs::read_to_string(path).ok()?)),
        "docx" => {
            let bytes = std::fs::read(path).ok()?;
            let docx = docx_rs::read_docx(&bytes).expect("a readable Word file");
            let json = serde_json::to_value(&docx.document).expect("serialises");
            let mut lines = Vec::new();
            word_texts(&json, &mut lines);
            Some(lines.join("\n"))
        }
        _ => None,
    }
}

/// Every `text` string of a Word document's tree, one a line.
fn word_texts(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("text", serde_json::Value::String(s)) => out.push(s.clone()),
                    _ => word_texts(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| word_texts(v, out)),
        _ => {}
    }
}

/// Markdown: a fenced block's lines give only their quoted labels (tags
/// such as `<br/>` taken out).
fn markdown_prose(text: &str) -> String {
    let mut fenced = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        match fenced {
            true => out.extend(
                line.split('"')
                    .skip(1)
                    .step_by(2)
                    .map(|q| markup_prose(&q.replace("<br/>", " "))),
            ),
            false => out.push(line.to_string()),
        }
    }
    out.join("\n")
}

/// Markup: each text node on a line of its own, and the attributes a
/// reader sees; what `<style>`, `<script>`, a BPMN condition and a BPMN
/// node's references hold is not read.
fn markup_prose(text: &str) -> String {
    const READ: &[&str] = &["title", "aria-label", "alt", "name"];
    // Code: a condition, and a BPMN node's references to others by id.
    const SKIPPED: &[&str] = &[
        "style",
        "script",
        "bpmn:conditionExpression",
        "bpmn:flowNodeRef",
        "bpmn:incoming",
        "bpmn:outgoing",
    ];
    let mut out = Vec::new();
    let mut skipping: Option<String> = None;
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        if skipping.is_none() {
            out.push(common::unescape_entities(&rest[..open]));
        }
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c);
        let tag = &rest[open + 1..close];
        let name = tag.split_whitespace().next().unwrap_or("");
        match (&skipping, name.strip_prefix('/')) {
            (Some(skipped), Some(end)) if end == skipped => skipping = None,
            (None, None) if SKIPPED.contains(&name) && !tag.ends_with('/') => {
                skipping = Some(name.to_string())
            }
            _ => {}
        }
        // `<meta name="viewport">` is for the browser.
        if skipping.is_none() && name != "meta" {
            for attribute in READ {
                let key = format!(" {attribute}=\"");
                if let Some(at) = tag.find(&key) {
                    let value = &tag[at + key.len()..];
                    out.push(common::unescape_entities(
                        &value[..value.find('"').unwrap_or(value.len())],
                    ));
                }
            }
        }
        rest = &rest[(close + 1).min(rest.len())..];
    }
    out.push(common::unescape_entities(rest));
    out.retain(|l| !l.trim().is_empty());
    out.join("\n")
}

/// The lines of a policy or a journey map that show a figure with a
/// decimal point (`CSAT 4.5`, `Доля клиентов: 0.3%`): Russian writes
/// 4,5. A section's number (`2.1.`), a version (`2026.1`) and the
/// standard «BPMN 2.0» are not figures.
fn decimal_points(prose: &str) -> Vec<String> {
    let figure = |line: &str| {
        let chars: Vec<char> = line.chars().collect();
        chars.windows(4).any(|w| {
            w[1].is_ascii_digit() && w[2] == '.' && w[3].is_ascii_digit() && !w[0].is_ascii_digit()
        })
    };
    let section = |l: &str| {
        let head = l.trim_start_matches(['#', ' ']);
        let number = head.split(' ').next().unwrap_or("");
        match number.ends_with('.') && number.chars().all(|c| c.is_ascii_digit() || c == '.') {
            true => head[number.len()..].to_string(),
            false => l.to_string(),
        }
        .replace("BPMN 2.0", "BPMN")
    };
    prose
        .lines()
        .filter(|l| !l.contains("Редакция") && !l.contains("Версия") && figure(&section(l)))
        .map(str::to_string)
        .collect()
}

/// What `cxc build` writes for every Russian spec — policies, job
/// descriptions in Markdown and Word, the site's pages, the journey maps
/// and their BPMN — and the findings it prints (audit 18: the build's
/// documents were not read).
#[test]
fn every_russian_spec_is_built_in_russian() {
    let mut found = Vec::new();
    let mut read = 0;
    for spec in russian_specs() {
        let names = spec_words(&spec);
        let (_work, buildable) = common::buildable(&spec);
        let out = tempfile::tempdir().unwrap();
        let built = common::cxc_in(
            &buildable,
            &[
                "build",
                ".",
                "-o",
                out.path().to_str().unwrap(),
                "--target",
                "docs,site,bpmn",
                "--today",
                common::TODAY,
            ],
        );
        let name = spec.display().to_string();
        found.extend(
            english(&text(&built), &names, false)
                .into_iter()
                .map(|w| format!("{name} build: {w}")),
        );
        for file in common::files_under(out.path()) {
            let Some(prose) = prose_of(&file) else {
                continue;
            };
            read += 1;
            let shown = file.strip_prefix(out.path()).unwrap().display().to_string();
            found.extend(
                decimal_points(&prose)
                    .into_iter()
                    .map(|l| format!("{name} {shown}: a decimal point — {l}")),
            );
            found.extend(
                english(&prose, &names, false)
                    .into_iter()
                    .map(|w| format!("{name} {shown}: {w}")),
            );
        }
    }
    assert!(read > 100, "only {read} documents read");
    assert!(
        found.is_empty(),
        "{} English words:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// A block of `kind` holding `body`, as a spec writes it.
fn block_of(kind: cxc::syntax::ast::DeclKind, body: &str) -> String {
    use cxc::syntax::ast::DeclKind;
    match kind {
        DeclKind::Service => format!("service {{\n{body}}}\n"),
        DeclKind::Sla => format!("sla s for everyone {{\n{body}}}\n"),
        DeclKind::Step | DeclKind::Phase => {
            format!("journey j {{\n  {} x {{\n{body}  }}\n}}\n", kind.keyword())
        }
        _ => format!("{} x {{\n{body}}}\n", kind.keyword()),
    }
}

/// A syntax error's help says how a statement is written, with an example
/// (audit 18: `next production when "approved"`, `end "Kitchen
/// delivered"` under `--lang ru`). Every statement of every declaration,
/// broken after its keyword: in Russian, the error and its help have no
/// English, the example's texts included; in English, the help quotes
/// the form's example as written.
#[test]
fn every_syntax_error_says_its_example_in_russian() {
    use cxc::syntax::{ast::DeclKind, forms};
    let dir = tempfile::tempdir().unwrap();
    let none = BTreeSet::new();
    let mut found = Vec::new();
    let mut helped = 0;
    for &kind in DeclKind::ALL {
        let statements = forms::statements(kind);
        let body: String = statements
            .iter()
            .map(|f| format!("    {} =\n", f.keyword))
            .collect();
        let file = dir.path().join(format!("{}.cx", kind.keyword()));
        std::fs::write(&file, block_of(kind, &body)).unwrap();
        let file = file.to_str().unwrap();
        let help = |language: &str| -> Vec<String> {
            let out = common::cxc(&["check", file, "--format", "json", "--lang", language]);
            common::json(&out)["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["code"] == "syntax")
                .map(|d| format!("{}\n{}", d["message"], d["help"].as_str().unwrap_or("")))
                .collect()
        };
        let (russian, english_help) = (help("ru"), help("en"));
        for said in &russian {
            found.extend(
                english(said, &none, false)
                    .into_iter()
                    .map(|w| format!("{}: {w}", kind.keyword())),
            );
        }
        for form in statements {
            if english_help
                .iter()
                .any(|h| h.contains(&format!("`{}`", form.example)))
            {
                helped += 1;
            }
        }
        assert_eq!(russian.len(), english_help.len(), "{}", kind.keyword());
    }
    // Most statements broken after their keyword are helped with their form.
    assert!(helped > 60, "only {helped} forms quoted");
    assert!(
        found.is_empty(),
        "{} English words:\n{}",
        found.len(),
        found.join("\n")
    );
}
