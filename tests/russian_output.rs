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
    // across lines. Its newlines stay, so the lines stay.
    let text: String = text
        .split('`')
        .enumerate()
        .map(|(i, part)| match i % 2 {
            0 => part.to_string(),
            _ => part.chars().filter(|&c| c == '\n').collect(),
        })
        .collect::<Vec<_>>()
        .join(" ");
    // The names an example's code gives (`vip`, `mass`): its comments may
    // name them.
    let mut names = names.clone();
    if code_indent {
        for line in text.lines().filter(|l| l.starts_with("    ")) {
            let code = cxc::explain::words::split_comment(line).0;
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
                let (code, comment) = cxc::explain::words::split_comment(line);
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
            let line = cxc::explain::words::split_comment(line).0;
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
