//! Every Russian count agrees with its noun: «1 обращение, 2 обращения,
//! 5 обращений», never «1 обращений» (outside audit 8).
//!
//! The test learns the forms of the counted nouns from the catalogue's own
//! plural selections — the word after the number in each variant, by the
//! category it is chosen for — then renders every message of the Russian
//! catalogue with every argument a count of 1, 2, 5, 11 and 21, and holds
//! each number in the result to the word after it: a word the catalogue
//! counts somewhere must be one of the forms that category takes somewhere
//! (a case of its own: «из 2 обращений» is right where «2 обращения» is
//! too). A message that writes a count before a noun without a selection
//! fails for 1, 21 or 5, whichever form it froze.

use super::*;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// The categories of Russian whole numbers (CLDR): 1, 21 `one`; 2 `few`;
/// 5, 11 `many`.
const COUNTS: [(u64, &str); 5] = [
    (1, "one"),
    (2, "few"),
    (5, "many"),
    (11, "many"),
    (21, "one"),
];

/// Arguments that are never counts, with what the code passes instead: a
/// share before a noun takes the genitive plural whatever its figure
/// («1% клиентов», «21% обращений»).
const NOT_COUNTS: &[(&str, &str, &str)] = &[
    ("measured-abandonment", "value", "4%"),
    ("measured-abandonment-customers", "value", "4%"),
    ("measured-service-level", "value", "80%"),
    ("measured-occupancy", "value", "85%"),
    ("dropoff", "dropoff", "4%"),
    ("pareto-mismatch", "share", "20%"),
    ("promise-below-keep-rate", "percent", "80%"),
    ("promise-below-keep-rate-help", "rate", "95%"),
];

/// Possessives that stand between a count and its noun without changing
/// its form: «82 её сотрудника», «5 их обращений» (outside audit 11, L1:
/// the scan stopped at «её» and never saw «82 её сотрудников»).
const POSSESSIVES: [&str; 3] = ["её", "его", "их"];

/// The first run of Cyrillic letters at the start of `text`, after spaces,
/// past a possessive: the noun a count before `text` counts.
fn first_word(text: &str) -> Option<String> {
    let text = text.trim_start_matches([' ', '\u{a0}']);
    let word: String = text.chars().take_while(|c| is_cyrillic(*c)).collect();
    if POSSESSIVES.contains(&word.as_str()) {
        let rest = &text[word.len()..];
        if rest.starts_with([' ', '\u{a0}']) {
            return first_word(rest);
        }
    }
    (!word.is_empty()).then_some(word)
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё')
}

/// The word after `{ $var }` in a pattern, or the pattern's first word.
fn counted_word(pattern: &ast::Pattern<&str>, var: &str) -> Option<String> {
    let mut after = pattern.elements.iter().skip_while(|e| {
        !matches!(e, ast::PatternElement::Placeable {
            expression: ast::Expression::Inline(ast::InlineExpression::VariableReference { id })
        } if id.name == var)
    });
    if after.next().is_some() {
        return match after.next() {
            Some(ast::PatternElement::TextElement { value }) => first_word(value),
            _ => None,
        };
    }
    match pattern.elements.first() {
        Some(ast::PatternElement::TextElement { value }) => first_word(value),
        _ => None,
    }
}

/// Category → the words that stand after a number of it, somewhere.
type Forms = BTreeMap<&'static str, BTreeSet<String>>;

fn learn(pattern: &ast::Pattern<&str>, forms: &mut Forms) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            learn_expression(expression, forms);
        }
    }
}

fn learn_expression(expression: &ast::Expression<&str>, forms: &mut Forms) {
    let ast::Expression::Select { selector, variants } = expression else {
        return;
    };
    for v in variants {
        learn(&v.value, forms);
    }
    let ast::InlineExpression::VariableReference { id } = selector else {
        return;
    };
    let plural = |k: &str| matches!(k, "one" | "few" | "many" | "other");
    if !variants.iter().all(|v| plural(key(v))) {
        return;
    }
    let word = |category: &str| {
        variants
            .iter()
            .find(|v| key(v) == category)
            .or_else(|| variants.iter().find(|v| v.default))
            .and_then(|v| counted_word(&v.value, id.name))
    };
    for (_, category) in COUNTS {
        if let Some(word) = word(category) {
            forms.entry(category).or_default().insert(word);
        }
    }
    // The same noun after «больше», «из», «в течение»: the genitive, which
    // is the `few` form after 1 and the `many` form after 2 (1 дня, 2 дней;
    // 1 строки, 2 строк).
    let explicit = |category: &str| variants.iter().any(|v| key(v) == category);
    // Only a nominative triple (three forms): a genitive one (оператора,
    // операторов, операторов) is its own case already.
    if let (true, Some(few), Some(many)) = (explicit("few"), word("few"), word("many")) {
        if few == many {
            return;
        }
        forms.entry("one").or_default().insert(few);
        forms.entry("few").or_default().insert(many);
    }
}

fn key<'a>(v: &ast::Variant<&'a str>) -> &'a str {
    match v.key {
        ast::VariantKey::Identifier { name } => name,
        ast::VariantKey::NumberLiteral { value } => value,
    }
}

/// Each number of `text` standing alone before a word: (number, word).
fn numbers_before_words(text: &str) -> Vec<(u64, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        // Part of a word, a decimal, a date, a time or an id: not a count.
        let glued = |c: Option<&char>| {
            c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | ':' | '-' | '_'))
        };
        let before = start.checked_sub(1).and_then(|b| chars.get(b));
        if glued(before)
            || glued(chars.get(i)) && chars.get(i + 1).is_some_and(char::is_ascii_digit)
        {
            continue;
        }
        let number: String = chars[start..i].iter().collect();
        let rest: String = chars[i..].iter().collect();
        if !matches!(chars.get(i), Some(' ' | '\u{a0}')) {
            continue;
        }
        if let (Ok(n), Some(word)) = (number.parse(), first_word(&rest)) {
            out.push((n, word));
        }
    }
    out
}

fn category(n: u64) -> &'static str {
    match (n % 10, n % 100) {
        (1, r) if r != 11 => "one",
        (2..=4, r) if !(12..=14).contains(&r) => "few",
        _ => "many",
    }
}

#[test]
fn every_russian_count_agrees_with_its_noun() {
    let resource = fluent_syntax::parser::parse(RU).expect("the catalogue parses");
    let mut forms = Forms::new();
    let mut patterns: Vec<(String, &ast::Pattern<&str>)> = Vec::new();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            if let Some(p) = &m.value {
                learn(p, &mut forms);
                patterns.push((m.id.name.to_string(), p));
            }
            for a in &m.attributes {
                learn(&a.value, &mut forms);
                patterns.push((format!("{}.{}", m.id.name, a.id.name), &a.value));
            }
        }
    }
    let counted: BTreeSet<&String> = forms.values().flatten().collect();
    // The nouns the audits found («обращений», «клиентов») are among them.
    for word in [
        "обращение",
        "обращений",
        "клиент",
        "клиентов",
        "строка",
        "оператора",
        "сотрудника",
        "сотрудников",
    ] {
        assert!(counted.contains(&word.to_string()), "{word} not learnt");
    }
    let bundle = bundle(Language::Ru);
    let mut wrong = Vec::new();
    for (id, pattern) in &patterns {
        let mut vars = BTreeSet::new();
        super::tests::variables(pattern, &mut vars);
        for (n, _) in COUNTS {
            let mut args = FluentArgs::new();
            for var in &vars {
                let text = NOT_COUNTS
                    .iter()
                    .find(|(m, v, _)| m == id && v == var)
                    .map(|(_, _, text)| *text);
                match text {
                    Some(text) => args.set(var.clone(), FluentValue::from(text)),
                    None => args.set(var.clone(), FluentValue::from(n as f64)),
                }
            }
            let mut errors = Vec::new();
            let said = bundle.format_pattern(pattern, Some(&args), &mut errors);
            for (number, word) in numbers_before_words(&said) {
                let category = category(number);
                if counted.contains(&word)
                    && !forms.get(category).is_some_and(|f| f.contains(&word))
                {
                    wrong.push(format!("{id}: «{number} {word}» in «{said}»"));
                }
            }
        }
    }
    wrong.dedup();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_scan_finds_a_frozen_form() {
    // The test's own parts: what it would have said of audit 8's messages.
    assert_eq!(
        numbers_before_words("объём 1 обращений за 30m, с 2026-10-25 02:00, 4,5 часа"),
        [(1, "обращений".to_string())]
    );
    // Audit 11, L1: a possessive between the count and its noun.
    assert_eq!(
        numbers_before_words("одновременно нужно 82 её сотрудников на линии"),
        [(82, "сотрудников".to_string())]
    );
    assert_eq!(first_word(" их"), Some("их".to_string()));
    assert_eq!(
        [1, 2, 5, 11, 21, 111, 112, 104].map(category),
        ["one", "few", "many", "many", "one", "many", "many", "few"]
    );
}
