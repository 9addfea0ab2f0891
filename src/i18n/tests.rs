use super::*;
use crate::msg;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// Each message id of a catalogue with the variables its text uses.
fn catalogue(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((_, errors)) => panic!("the catalogue does not parse: {errors:?}"),
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                variables(p, &mut vars);
            }
            assert!(
                out.insert(m.id.name.to_string(), vars).is_none(),
                "{} twice",
                m.id.name
            );
            // Attributes count as messages of their own: `explain-x.why`.
            for a in &m.attributes {
                let mut vars = BTreeSet::new();
                variables(&a.value, &mut vars);
                out.insert(format!("{}.{}", m.id.name, a.id.name), vars);
            }
        }
    }
    out
}

pub(super) fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
        }
        _ => {}
    }
}

/// Every `msg!("id", a = .., b = ..)` in the sources: id and argument names.
fn uses() -> Vec<(String, String, BTreeSet<String>)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root];
    let mut found = Vec::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).unwrap() {
                files.push(entry.unwrap().path());
            }
            continue;
        }
        // The catalogue's own module shows `msg!` in its documentation.
        if path.extension().is_none_or(|e| e != "rs")
            || path.parent().is_some_and(|p| p.ends_with("i18n"))
        {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // What the parser expects is named by id: `Expect::Words("expect-name")`.
        for (at, _) in text.match_indices("Expect::Words(\"") {
            let id = text[at + 15..].split('"').next().unwrap_or("");
            if id.starts_with("expect-") {
                found.push((path.display().to_string(), id.to_string(), BTreeSet::new()));
            }
        }
        for (at, _) in text.match_indices("msg!(") {
            let rest = &text[at + 5..];
            // The arguments end at the parenthesis that closes the macro.
            let mut depth = 1;
            let end = rest
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '(' | '[' | '{' => depth += 1,
                        ')' | ']' | '}' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map_or(rest.len(), |(i, _)| i);
            let call = &rest[..end];
            let Some(id) = call
                .trim_start()
                .strip_prefix('"')
                .and_then(|s| s.split('"').next())
            else {
                continue;
            };
            // Top-level `name =` pairs after the id.
            let mut names = BTreeSet::new();
            let mut depth = 0;
            let mut item = String::new();
            for c in call.chars().chain([',']) {
                match c {
                    '(' | '[' | '{' | '|' if c != '|' => depth += 1,
                    ')' | ']' | '}' => depth -= 1,
                    _ => {}
                }
                if c == ',' && depth == 0 {
                    if let Some((name, _)) = item.split_once('=') {
                        let name = name.trim();
                        if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_')
                        {
                            names.insert(name.to_string());
                        }
                    }
                    item.clear();
                } else {
                    item.push(c);
                }
            }
            found.push((path.display().to_string(), id.to_string(), names));
        }
    }
    found
}

#[test]
fn both_languages_have_every_message() {
    let en = catalogue(EN);
    let ru = catalogue(RU);
    let only_en: Vec<_> = en.keys().filter(|k| !ru.contains_key(*k)).collect();
    let only_ru: Vec<_> = ru.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "missing in ru.ftl: {only_en:?}");
    assert!(only_ru.is_empty(), "missing in en.ftl: {only_ru:?}");
    for (id, vars) in &en {
        assert_eq!(
            vars, &ru[id],
            "{id}: the two languages use different arguments"
        );
    }
}

#[test]
fn every_message_the_code_names_exists_with_the_arguments_it_needs() {
    let en = catalogue(EN);
    let uses = uses();
    assert!(uses.len() > 50, "found only {} uses of msg!", uses.len());
    let mut used = BTreeSet::new();
    for (file, id, names) in &uses {
        let vars = en
            .get(id)
            .unwrap_or_else(|| panic!("{file}: `{id}` is in no catalogue"));
        let missing: Vec<_> = vars.difference(names).collect();
        assert!(missing.is_empty(), "{file}: `{id}` needs {missing:?}");
        used.insert(id.as_str());
    }
    // Ids the code names through a table rather than `msg!`.
    // `or` joins alternatives and `elided-more` says how many items a
    // cut list leaves out, inside the catalogue's own module; the
    // explanations are looked up by code (tested in `every_code_is_explained`).
    // The command line's help is looked up by command (cli/help.rs).
    // A broken promise's message is chosen by whether its figure counts
    // every case (measure/findings.rs).
    let indirect = |id: &str| {
        id == "or"
            || id == "elided-more"
            || id == "measure-promise-broken"
            || id == "measure-promise-broken-every-case"
            || id.starts_with("cli-cmd-")
            // What a part of a statement's form is (syntax/forms.rs).
            || id.starts_with("form-part-")
            || id.starts_with("explain-") && !uses.iter().any(|u| u.1 == id)
    };
    let unused: Vec<_> = en
        .keys()
        .filter(|k| !used.contains(k.as_str()) && !indirect(k))
        .collect();
    assert!(unused.is_empty(), "messages nothing uses: {unused:?}");
}

#[test]
fn russian_picks_the_plural_by_number() {
    let forms: Vec<String> = [1u64, 2, 5, 21, 11]
        .iter()
        .map(|&n| msg!("summary-errors", errors = n, warnings = 0u64).text(Language::Ru))
        .collect();
    assert_eq!(
        forms,
        [
            "1 ошибка, 0 предупреждений",
            "2 ошибки, 0 предупреждений",
            "5 ошибок, 0 предупреждений",
            "21 ошибка, 0 предупреждений",
            "11 ошибок, 0 предупреждений"
        ]
    );
    assert_eq!(
        msg!("summary-errors", errors = 1u64, warnings = 2u64).text(Language::En),
        "1 error, 2 warnings"
    );
}

#[test]
fn the_language_is_the_flag_then_the_spec_then_the_locale() {
    use Language::{En, Ru};
    assert_eq!(choose(Some(En), Some(Ru), Some(Ru)), En);
    assert_eq!(choose(None, Some(Ru), Some(En)), Ru);
    assert_eq!(choose(None, None, Some(Ru)), Ru);
    assert_eq!(choose(None, None, None), En);
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(from_locale(env(&[("LANG", "ru_RU.UTF-8")])), Some(Ru));
    assert_eq!(
        from_locale(env(&[("LC_ALL", "C"), ("LANG", "ru_RU.UTF-8")])),
        Some(En)
    );
    assert_eq!(
        from_locale(env(&[("LC_ALL", ""), ("LANG", "ru_RU.UTF-8")])),
        Some(Ru)
    );
    assert_eq!(from_locale(env(&[])), None);
}

/// Outside audit 8, R1: «при 10 обращений поступает больше» lost its noun;
/// the agents are said in the prepositional case, by the plural rules.
#[test]
fn the_agents_of_an_understaffed_queue_keep_their_noun_in_every_form() {
    let said = |n: u64| msg!("with-agents-overwhelmed", agents = n, at = "").text(Language::Ru);
    assert_eq!(
        [1, 2, 5, 21, 10].map(said),
        [
            "при 1 операторе обращений поступает больше, чем они успевают обработать",
            "при 2 операторах обращений поступает больше, чем они успевают обработать",
            "при 5 операторах обращений поступает больше, чем они успевают обработать",
            "при 21 операторе обращений поступает больше, чем они успевают обработать",
            "при 10 операторах обращений поступает больше, чем они успевают обработать",
        ]
    );
    let answered = msg!(
        "with-agents-answered",
        agents = 4u64,
        level = "70%",
        at = ""
    );
    assert_eq!(
        answered.text(Language::Ru),
        "при 4 операторах вовремя отвечают на 70%"
    );
    assert_eq!(
        answered.text(Language::En),
        "with 4 agents, 70% are answered in time"
    );
    assert_eq!(
        msg!("with-agents-overwhelmed", agents = 1u64, at = "").text(Language::En),
        "with 1 agent, more contacts arrive than they can handle"
    );
}

/// Outside audit 8, R4: Russian writes a decimal comma, and a fractional
/// load of operators takes the genitive singular («13,3 оператора»).
#[test]
fn russian_numbers_have_a_decimal_comma_and_their_noun_agrees() {
    let overloaded = |load: f64, needed: u64| {
        msg!(
            "understaffed-overloaded",
            queue = "q",
            agents = 8u64,
            load = load,
            at = "",
            spread = "",
            needed = needed
        )
        .text(Language::Ru)
    };
    let fractional = overloaded(13.3, 14);
    assert!(
        fractional.contains("хватает на 13,3 оператора без"),
        "{fractional}"
    );
    assert!(
        fractional.contains("не меньше 14 операторов"),
        "{fractional}"
    );
    let whole = overloaded(13.0, 21);
    assert!(whole.contains("хватает на 13 операторов без"), "{whole}");
    assert!(whole.contains("не меньше 21 оператора"), "{whole}");
    assert!(overloaded(2.0, 2).contains("хватает на 2 операторов без"));
    let en = msg!(
        "understaffed-overloaded",
        queue = "q",
        agents = 8u64,
        load = 13.3,
        at = "",
        spread = "",
        needed = 14u64
    )
    .text(Language::En);
    assert!(en.contains("are 13.3 agents' worth"), "{en}");
}

/// «из 1 интервала», «из 21 интервала», «из 5 интервалов»: the noun after
/// «из N» agrees with N (audit 8: «из 1 интервалов»).
#[test]
fn intervals_after_a_count_agree_with_it() {
    let said = |n: u64| msg!("misses-in-intervals", short = 1u64, intervals = n).text(Language::Ru);
    assert!(said(1).ends_with("из 1 интервала"), "{}", said(1));
    assert!(said(21).ends_with("из 21 интервала"), "{}", said(21));
    assert!(said(5).ends_with("из 5 интервалов"), "{}", said(5));
    assert!(said(11).ends_with("из 11 интервалов"), "{}", said(11));
}

/// Audit 8, B2: a figure a message shows (a share, a mean) is said with the
/// decimal sign of the message's language, wherever it was computed;
/// `measure.json` keeps the point ([`Figure`]'s `Display`).
#[test]
fn figures_are_said_with_the_decimal_sign_of_the_language() {
    let share = Figure::rounded(100.0 * 1006.0 / 1200.0, 1).percent();
    assert_eq!(share.to_string(), "83.8%");
    assert_eq!(share.said(Language::Ru), "83,8%");
    assert_eq!(share.said(Language::En), "83.8%");
    let missed = msg!(
        "measure-target-missed",
        target = "answer телефон 90.5% within 20s",
        segment = "b2b",
        actual = share,
        n = 1200u64,
        goal = Figure::rounded(90.5, 1).percent(),
        period = "2026-10-19..2026-11-08"
    );
    let ru = missed.text(Language::Ru);
    // The count is grouped as every count in prose is (audit 11, L2).
    assert!(
        ru.contains("83,8% из 1\u{a0}200 обращений (цель 90,5%)"),
        "{ru}"
    );
    // The statement as written is code: its point stays.
    assert!(ru.contains("`answer телефон 90.5% within 20s`"), "{ru}");
    let en = missed.text(Language::En);
    assert!(
        en.contains("83.8% of 1,200 contacts met it (goal 90.5%)"),
        "{en}"
    );
    // Numbers passed as numbers, and grouped ones, take the same sign.
    assert_eq!(grouped(1250000.5, Language::Ru), "1\u{a0}250\u{a0}000,5");
    assert_eq!(decimal("13.3", Language::Ru), "13,3");
}

/// `GROUPED($n)` groups a count said in prose, and the plural form still
/// follows the number (audit 11, L2); a number quoted as code stays as
/// written (`task_timeout: 122400`).
#[test]
fn counts_in_prose_are_grouped_and_code_is_not() {
    let late = |n: u64| {
        msg!(
            "measure-hot-potato",
            over = 1002u64,
            n = n,
            limit = 3u64,
            journey = "j",
            most = 7u64
        )
    };
    let ru = late(2502).text(Language::Ru);
    assert!(ru.contains("1\u{a0}002 из 2\u{a0}502 случаев"), "{ru}");
    let ru = late(2501).text(Language::Ru);
    assert!(ru.contains("из 2\u{a0}501 случая"), "{ru}");
    let en = late(2502).text(Language::En);
    assert!(en.contains("1,002 of 2,502 cases"), "{en}");
    let code = msg!("taskrouter-task-lifetime-help", needed = 122400u64).text(Language::Ru);
    assert!(code.contains("task_timeout: 122400`"), "{code}");
}

/// After «от» and «до» Russian takes the genitive: «от 2 минут до 9 дней
/// 13 часов 2 минут», never «от 2 минуты» (audit 14, M1).
#[test]
fn a_range_of_wall_time_is_said_in_the_genitive() {
    let least = Arg::seconds_genitive(120, false);
    let most = Arg::seconds_genitive(9 * 86_400 + 13 * 3600 + 120, false);
    let range = msg!("wall-time-range", least = least, most = most);
    assert_eq!(
        range.text(Language::Ru),
        "от 2 минут до 9 дней 13 часов 2 минут"
    );
    assert_eq!(
        range.text(Language::En),
        "from 2 minutes to 9 days 13 hours 2 minutes"
    );
    let least = Arg::seconds_genitive(86_400 + 16 * 3600 + 1800, false);
    let most = Arg::seconds_genitive(4 * 3600, false);
    let range = msg!("wall-time-range", least = least, most = most);
    assert_eq!(
        range.text(Language::Ru),
        "от 1 дня 16 часов 30 минут до 4 часов"
    );
}
