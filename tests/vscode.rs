//! The VS Code grammar knows every keyword of the language: the words its
//! keyword and declaration patterns list are exactly the `kw_` rules of
//! `grammar/cx.pest`, so a new keyword cannot ship unhighlighted.

use std::collections::BTreeSet;

fn alternation(pattern: &str) -> BTreeSet<String> {
    // The first group `(a|b|c)` after the lookbehind.
    let start = pattern.find(")(").expect("a lookbehind, then the words") + 2;
    let end = start + pattern[start..].find(')').unwrap();
    pattern[start..end].split('|').map(str::to_string).collect()
}

#[test]
fn the_textmate_grammar_highlights_every_keyword() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let grammar: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("editors/vscode/syntaxes/cx.tmLanguage.json")).unwrap(),
    )
    .unwrap();
    let repository = &grammar["repository"];
    let mut highlighted = alternation(
        repository["keyword"]["patterns"][0]["match"]
            .as_str()
            .unwrap(),
    );
    highlighted.extend(alternation(
        repository["declaration"]["patterns"][0]["match"]
            .as_str()
            .unwrap(),
    ));
    let pest = std::fs::read_to_string(root.join("grammar/cx.pest")).unwrap();
    let keywords: BTreeSet<String> = pest
        .lines()
        .filter_map(|l| l.strip_prefix("kw_"))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    assert_eq!(highlighted, keywords);
}
