//! Tests of reading cxc.yaml.

use super::yaml::{key_places, FLOW};
use super::*;
use crate::source::SourceFile;

fn read(text: &str) -> (Config, Vec<Diagnostic>) {
    let mut sources = SourceMap::default();
    let id = sources.add(SourceFile::new(
        "cxc.yaml".into(),
        "cxc.yaml".into(),
        text.into(),
    ));
    parse(id, &sources)
}

#[test]
fn reads_levels_and_thresholds() {
    let (config, errors) =
        read("rules:\n  unused: off\n  hot-potato: error\nthresholds:\n  too-many-tiers: 5\n");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(config.levels[&Code::Unused], None);
    assert_eq!(config.levels[&Code::HotPotato], Some(Severity::Error));
    assert_eq!(config.max_tiers, Some(5));
}

/// Where `key:` first stands after a space or at the start: the search
/// [`key_places`] replaces, once per key.
fn first_place(text: &str, key: &str) -> usize {
    text.match_indices(&format!("{key}:"))
        .map(|(i, _)| i)
        .find(|&i| {
            text[..i]
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || FLOW.contains(&c))
        })
        .unwrap_or(0)
}

proptest::proptest! {
    #[test]
    fn keys_are_found_where_a_search_from_the_start_finds_them(
        text in "[ab:\\- \n\r\tщ#{,\\[]{0,80}",
        key in "[ab:щ-]{1,4}",
    ) {
        let places = key_places(&text);
        let found = places.get(key.as_str()).copied().unwrap_or(0);
        proptest::prop_assert_eq!(found, first_place(&text, &key));
    }
}

#[test]
fn keys_with_spaces_are_found_from_their_indentation() {
    let text = "rules:\n  no such rule: off\n";
    assert_eq!(
        key_places(text)["no such rule"],
        text.find("no such").unwrap()
    );
}

#[test]
fn a_hundred_thousand_unknown_keys_are_each_placed() {
    let text: String = std::iter::once("rules:\n".to_string())
        .chain((0..100_000).map(|i| format!("  no-such-rule-{i}: off\n")))
        .collect();
    let (_, errors) = read(&text);
    assert_eq!(errors.len(), 100_000);
    for (i, e) in errors.iter().enumerate().step_by(997) {
        let key = format!("no-such-rule-{i}");
        assert_eq!(&text[e.span.start()..e.span.end()], key);
        // Not the list of every rule, 100,000 times over.
        assert_eq!(e.help, "run `cxc explain` for the list of rules");
    }
}

/// Attack 12, L5: a whole number past u64 read "not valid YAML: JSON
/// number out of range". It names its key and the range, at its place.
#[test]
fn a_number_past_every_range_names_its_key_and_the_range() {
    let text = "thresholds:\n  too-many-tiers: 99999999999999999999\n";
    let (_, errors) = read(text);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0].message,
        "the threshold `too-many-tiers` must be a whole number from 0 to 4,294,967,295"
    );
    assert_eq!(errors[0].span.start(), text.find("9999").unwrap());
    let text = "limits:\n  findings_per_code: -99999999999999999999\n";
    let (_, errors) = read(text);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.starts_with(
            "`limits.findings_per_code` in cxc.yaml is a number out of range: \
             no setting holds a whole number below −9,223,372,036,854,775,808"
        ),
        "{}",
        errors[0].message
    );
    // In u32: read.
    let (config, errors) = read("thresholds:\n  too-many-tiers: 4294967295\n");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(config.max_tiers, Some(u32::MAX));
}

/// Attack 12, L2: a value in a flow mapping was reported at 1:1. Its
/// key is found after the brace or comma, quoted or not.
#[test]
fn a_key_in_a_flow_mapping_is_placed_where_it_stands() {
    for text in [
        "# settings\nthresholds: {hot-potato: \"two\"}\n",
        "thresholds: {too-many-tiers: 3,hot-potato: \"two\"}\n",
        "thresholds: { \"hot-potato\": two }\n",
        "thresholds: {'hot-potato': two}\n",
    ] {
        let (_, errors) = read(text);
        assert_eq!(errors.len(), 1, "{text}: {errors:?}");
        let at = errors[0].span.start();
        assert_eq!(at, text.find("hot-potato").unwrap(), "{text}");
        assert!(errors[0].message.contains("`hot-potato`"), "{text}");
    }
}

#[test]
fn unknown_names_get_suggestions() {
    let (_, errors) = read("rules:\n  unsued: off\nthreshold:\n  x: 1\n");
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0].help, "did you mean `unused`?");
    assert_eq!(errors[1].help, "did you mean `thresholds`?");
}

#[test]
fn reads_export_settings() {
    let (config, errors) = read(
        "exports:\n  zendesk:\n    segment_field: organization_id\n  taskrouter:\n    queues:\n      vip_line: WQ0123456789abcdef0123456789abcdef\n    segment_attribute: tier_name\n",
    );
    assert!(errors.is_empty(), "{errors:?}");
    let e = &config.exports;
    assert_eq!(e.zendesk_segment_field.as_deref(), Some("organization_id"));
    assert_eq!(
        e.taskrouter_queues["vip_line"],
        "WQ0123456789abcdef0123456789abcdef"
    );
    assert_eq!(e.taskrouter_segment_attribute.as_deref(), Some("tier_name"));
    let (_, errors) = read("exports:\n  zendsk:\n    x: 1\n  taskrouter:\n    queue: 1\n");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0].help, "did you mean `zendesk`?");
    assert_eq!(errors[1].help, "did you mean `queues`?");
}

#[test]
fn a_column_after_a_wide_character_is_a_character_boundary() {
    // serde_yaml counts the column in characters; `é` is two bytes.
    let (_, errors) = read("'é");
    assert_eq!(errors.len(), 1);
    let span = errors[0].span;
    assert!("'é".is_char_boundary(span.start()), "{span:?}");
}

#[test]
fn deep_nesting_is_refused_before_parsing() {
    let text = format!("rules: {}{}", "[".repeat(50_000), "]".repeat(50_000));
    let started = std::time::Instant::now();
    let (_, errors) = read(&text);
    assert!(started.elapsed().as_secs() < 2);
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("nests deeper"), "{errors:?}");
    let blocks: String = (0..100)
        .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
        .collect();
    let (_, errors) = read(&blocks);
    assert!(errors[0].message.contains("nests deeper"), "{errors:?}");
}

#[test]
fn reads_the_file_size_limit() {
    let (config, errors) = read("limits:\n  file_size: 2MB\n");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(config.file_limit, Some(2 << 20));
    let (_, errors) = read("limits:\n  file_size: lots\n");
    assert_eq!(errors.len(), 1);
}

#[test]
fn settings_that_become_code_must_have_their_shape() {
    let (config, errors) = read(
        "exports:\n  taskrouter:\n    segment_attribute: \"1 == 1 OR task.x\"\n    queues:\n      a: \"WQ1' OR '1\"\n  zendesk:\n    segment_field: \"x\\\"}\"\n",
    );
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(config.exports.taskrouter_segment_attribute.is_none());
    assert!(config.exports.taskrouter_queues.is_empty());
    assert!(config.exports.zendesk_segment_field.is_none());
}

#[test]
fn syntax_cannot_be_silenced() {
    let (_, errors) = read("rules:\n  syntax: off\n");
    assert_eq!(errors.len(), 1);
}

#[test]
fn a_key_written_twice_is_refused_at_both_lines() {
    let text = "thresholds:\n  hot-potato: 2\n  too-many-tiers: 5\n  hot-potato: 5\n";
    let (config, errors) = read(text);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = &errors[0];
    assert_eq!(e.code, Code::InvalidValue);
    assert!(e.message.contains("lines 2 and 4"), "{}", e.message);
    let line_of = |at: usize| text[..at].matches('\n').count() + 1;
    assert_eq!(line_of(e.span.start()), 4);
    assert_eq!(line_of(e.labels[0].0.start()), 2);
    // Refused: neither value is used.
    assert_eq!(config.max_handoffs, None);
}

#[test]
fn the_agreement_scope_is_all_or_tier_1() {
    use crate::config::check::AgreementScope;
    let (config, errors) = read("thresholds:\n  missing-agreement: tier-1\n");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(config.agreement_scope, Some(AgreementScope::TopTier));
    let base = Options::default();
    assert_eq!(base.agreement_scope, AgreementScope::All);
    assert_eq!(
        config.options(&base).agreement_scope,
        AgreementScope::TopTier
    );
    let (_, errors) = read("thresholds:\n  missing-agreement: tier-2\n");
    assert_eq!(errors.len(), 1, "{errors:?}");
}
