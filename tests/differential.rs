//! The hand-written parser against the normative grammar: `grammar/cx.pest`
//! run by pest is the oracle. On every text — the shipped examples, the
//! corpus, thousands of mutations of them and of random token sequences —
//! both must accept exactly the same texts, and where they stop, stop at the
//! same byte.

use cxc::source::FileId;
use pest::Parser as _;
use proptest::prelude::*;
use std::path::Path;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/cx.pest"]
struct Oracle;

/// Where the grammar stops on `text` (`None`: it accepts it).
fn oracle(text: &str) -> Option<usize> {
    match Oracle::parse(Rule::file, text) {
        Ok(_) => None,
        Err(e) => Some(match e.location {
            pest::error::InputLocation::Pos(p) => p,
            pest::error::InputLocation::Span((s, _)) => s,
        }),
    }
}

fn ours(text: &str) -> Option<usize> {
    cxc::syntax::parse_with(FileId(0), text, false).first_error
}

/// The tree keeps every byte: its tokens, in order, are the text, and each
/// node covers a range inside its parent's.
fn lossless(text: &str) -> Result<(), String> {
    let tree = cxc::syntax::parse_with(FileId(0), text, true)
        .tree
        .expect("a tree was asked for");
    let mut rebuilt = String::with_capacity(text.len());
    for (kind, range) in tree.tokens() {
        if range.is_empty() {
            return Err(format!("empty {kind:?} token at {}", range.start));
        }
        rebuilt.push_str(&text[range]);
    }
    if rebuilt != text {
        return Err(format!("the tokens spell {rebuilt:?}, not {text:?}"));
    }
    let mut open: Vec<std::ops::Range<usize>> = Vec::new();
    for node in tree.nodes() {
        let range = tree.node_range(node);
        open.truncate(node.depth as usize);
        if let Some(parent) = open.last() {
            if range.start < parent.start || range.end > parent.end {
                return Err(format!("{:?} at {range:?} outside {parent:?}", node.kind));
            }
        }
        open.push(range);
    }
    Ok(())
}

fn agree(text: &str) -> Result<(), String> {
    lossless(text)?;
    let (want, got) = (oracle(text), ours(text));
    if want == got {
        return Ok(());
    }
    let at = |p: Option<usize>| match p {
        None => "accepts".to_string(),
        Some(p) => {
            let line = text[..p.min(text.len())].matches('\n').count() + 1;
            format!(
                "stops at byte {p} (line {line}: {:?})",
                text.get(p..)
                    .unwrap_or("")
                    .chars()
                    .take(20)
                    .collect::<String>()
            )
        }
    };
    Err(format!(
        "pest {}, cxc {}\n--- text ---\n{text}",
        at(want),
        at(got)
    ))
}

/// Every `.cx` file of the examples and the corpus.
fn specs() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    let mut pending = vec![root.join("examples"), root.join("tests/corpus")];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "cx") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    found.push((path.display().to_string(), text));
                }
            }
        }
    }
    found.sort();
    found
}

#[test]
fn examples_and_corpus_parse_as_the_grammar_says() {
    let mut failures = Vec::new();
    for (name, text) in specs() {
        if let Err(e) = agree(&text) {
            failures.push(format!("{name}: {e}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A fixed-seed generator: the same mutations on every run.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "{",
    "}",
    ";",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "\"",
    "\"\"\"",
    "#",
    "//",
    ",",
    "-",
    ":",
    "%",
    ".",
    "0",
    "12",
    "3d",
    "1h30m",
    "80%",
    "2026-01-01",
    "09:00",
    "09:00-18:00",
    "mon-fri",
    "пн-пт",
    "сб",
    "24x7",
    "24/7",
    "step",
    "next",
    "when",
    "within",
    "end",
    "owner",
    "team",
    "role",
    "journey",
    "start",
    "segments",
    "any",
    "escalate",
    "compensate",
    "after",
    "to",
    "for",
    "sla",
    "answer",
    "target",
    ">=",
    "<",
    "=",
    "-5",
    "4.5",
    "x",
    "é",
    "\u{a0}",
    "\u{feff}",
    "\\",
    "\\n",
    "file",
    "per",
    "forecast",
    "open",
    "closed",
    "feedback",
    "remedy",
    "on_breach",
    "resolution",
    "channel",
    "currency",
    "customers",
    "average_check",
    "right",
    "service",
    "include",
    "concurrency",
    "from",
    "promise",
    "journey x from a to b",
];

/// One random edit: delete, insert or replace a piece, or cut the text.
fn mutate(text: &str, random: &mut Random) -> String {
    let boundaries: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let at = boundaries[random.below(boundaries.len())];
    let piece = PIECES[random.below(PIECES.len())];
    match random.below(4) {
        0 => {
            let end = boundaries
                .iter()
                .copied()
                .find(|&b| b > at)
                .unwrap_or(text.len());
            format!("{}{}", &text[..at], &text[end..])
        }
        1 => format!("{}{piece}{}", &text[..at], &text[at..]),
        2 => {
            let end = (at + random.below(12)).min(text.len());
            let end = boundaries
                .iter()
                .copied()
                .find(|&b| b >= end)
                .unwrap_or(text.len());
            format!("{}{piece}{}", &text[..at], &text[end..])
        }
        _ => text[..at].to_string(),
    }
}

#[test]
fn mutations_of_real_specs_parse_as_the_grammar_says() {
    let mut random = Random(0xd1ff_e7e2);
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, text) in specs() {
        for _ in 0..300 {
            let mut mutated = text.clone();
            for _ in 0..=random.below(3) {
                mutated = mutate(&mutated, &mut random);
            }
            checked += 1;
            if let Err(e) = agree(&mutated) {
                failures.push(format!("{name} mutated: {e}"));
            }
        }
    }
    assert!(checked > 5_000, "{checked}");
    failures.truncate(5);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn token_sequences_parse_as_the_grammar_says(
        tokens in proptest::collection::vec(prop::sample::select(PIECES.to_vec()), 0..60)
    ) {
        let text = tokens.join(" ");
        if let Err(e) = agree(&text) {
            prop_assert!(false, "{}", e);
        }
        let glued = tokens.concat();
        if let Err(e) = agree(&glued) {
            prop_assert!(false, "{}", e);
        }
    }
}

/// cxc's `external` on a role (an outside body): both parsers take it, as
/// its own statement or after `;`, and both refuse it with a value.
#[test]
fn an_external_role_parses_as_the_grammar_says() {
    for text in [
        "role ombudsman \"Ombudsman\" { team outside; external }\n",
        "role ombudsman {\n  external\n  team outside\n}\n",
        "role ombudsman { external yes }\n",
        "role ombudsman { externals }\n",
    ] {
        agree(text).unwrap();
    }
    assert!(oracle("role ombudsman { external }\n").is_none());
    assert!(oracle("role ombudsman { external yes }\n").is_some());
}

/// `hours` on a team and on a queue (cxc addition, follow-the-sun): both
/// parsers accept it there, and refuse it with no calendar.
#[test]
fn team_and_queue_hours_parse_as_the_grammar_says() {
    for text in [
        "team support_dub \"Dublin\" { lead lead_dub; hours dub_hours }\n",
        "team support_dub {\n  hours dub_hours\n}\n",
        "queue phone_sin { channel phone; team support_sin; hours sin_late }\n",
        "team support_dub { hours }\n",
        "queue phone_sin { hours 24x7 }\n",
    ] {
        agree(text).unwrap();
    }
    assert!(oracle("team support_dub { hours dub_hours }\n").is_none());
    assert!(oracle("queue phone_sin { hours sin_late }\n").is_none());
    assert!(oracle("team support_dub { hours }\n").is_some());
}

/// `hours` on a promise (cxc addition: its own clock over its channel's):
/// both parsers accept it in any place of the block, and refuse it bare.
#[test]
fn promise_hours_parse_as_the_grammar_says() {
    for text in [
        "promise letters \"Answer within 30 days\" { channel post; hours every_day; within 30d }\n",
        "promise letters {\n  hours every_day\n  channel post\n  within 30d\n}\n",
        "promise letters { channel post; hours }\n",
        "promise letters { hours 24x7; within 30d }\n",
    ] {
        agree(text).unwrap();
    }
    assert!(oracle("promise letters { channel post; hours every_day; within 30d }\n").is_none());
    assert!(oracle("promise letters { hours }\n").is_some());
}
