//! Keys written twice in one mapping of `cxc.yaml`.
//!
//! A YAML reader keeps the last of two equal keys, so `hot-potato: 2` written
//! at the top and `hot-potato: 5` further down silently becomes 5. The file
//! is read line by line, as it is written: block mappings by indentation,
//! sequence items (`- `) each a mapping of its own, block texts (`|`, `>`)
//! and flow collections spread over lines skipped. Keys inside flow mappings
//! (`{ a: 1, a: 2 }`) are not looked at: the YAML reader keeps the last.

use std::collections::HashMap;

/// A key written twice in one mapping: the key, then the byte offsets of
/// its first and its second occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate<'t> {
    pub key: &'t str,
    pub first: usize,
    pub second: usize,
}

/// One mapping being read: its indentation and the keys seen in it.
struct Mapping<'t> {
    indent: usize,
    keys: HashMap<&'t str, usize>,
}

/// Every key written again in the same block mapping, in file order.
pub fn find(text: &str) -> Vec<Duplicate<'_>> {
    let mut found = Vec::new();
    let mut open: Vec<Mapping> = Vec::new();
    // Lines indented deeper than this belong to a block text.
    let mut block_text: Option<usize> = None;
    // Unclosed `[` or `{` of a flow collection spread over lines.
    let mut flow_depth = 0usize;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let content = body.trim_start_matches(' ');
        let mut indent = body.len() - content.len();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        if let Some(level) = block_text {
            if indent > level {
                continue;
            }
            block_text = None;
        }
        if flow_depth > 0 {
            flow_depth = depth_after(content, flow_depth);
            continue;
        }
        if content.starts_with("---") || content.starts_with("...") {
            open.clear();
            continue;
        }
        let mut rest = content;
        while let Some(item) = rest
            .strip_prefix('-')
            .filter(|r| r.is_empty() || r.starts_with(' '))
        {
            // A sequence item: what follows starts a mapping of its own.
            open.retain(|m| m.indent <= indent);
            let inner = item.trim_start_matches(' ');
            indent += rest.len() - inner.len();
            rest = inner;
        }
        let Some((key, value)) = split_key(rest) else {
            flow_depth = depth_after(rest, 0);
            continue;
        };
        let key_at = start + (body.len() - rest.len());
        open.retain(|m| m.indent <= indent);
        match open.last_mut() {
            Some(m) if m.indent == indent => {
                if let Some(&first) = m.keys.get(key) {
                    found.push(Duplicate {
                        key,
                        first,
                        second: key_at,
                    });
                } else {
                    m.keys.insert(key, key_at);
                }
            }
            _ => open.push(Mapping {
                indent,
                keys: HashMap::from([(key, key_at)]),
            }),
        }
        let value = value.trim();
        if value.starts_with('|') || value.starts_with('>') {
            block_text = Some(indent);
        } else {
            flow_depth = depth_after(value, 0);
        }
    }
    found
}

/// `key: value` → (key, value); `None` for a line that is no mapping entry.
/// A quoted key is returned with its quotes (two spellings of one key are
/// then not recognised as one: the reader is the backstop).
fn split_key(text: &str) -> Option<(&str, &str)> {
    let end = if let Some(q) = text.chars().next().filter(|c| *c == '"' || *c == '\'') {
        text[1..].find(q)? + 2
    } else {
        0
    };
    let colon = end + text[end..].find(':')?;
    let after = &text[colon + 1..];
    if !(after.is_empty() || after.starts_with(' ') || after.starts_with('\t')) {
        return None;
    }
    let key = text[..colon].trim_end();
    if key.is_empty() || key.starts_with(['{', '[', '#', '&', '*', '!', '?']) {
        return None;
    }
    Some((key, after))
}

/// The flow nesting after `text`, starting at `depth` (quotes and comments
/// skipped).
fn depth_after(text: &str, mut depth: usize) -> usize {
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '#' => break,
                '[' | '{' => depth += 1,
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
    }
    depth
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(&str, usize, usize)> {
        let line = |at: usize| text[..at].matches('\n').count() + 1;
        find(text)
            .into_iter()
            .map(|d| (d.key, line(d.first), line(d.second)))
            .collect()
    }

    #[test]
    fn a_key_twice_in_one_mapping_is_found_with_both_lines() {
        let text = "rules:\n  unused: off\nthresholds:\n  hot-potato: 2\n  too-many-tiers: 5\n  hot-potato: 5\n";
        assert_eq!(lines(text), vec![("hot-potato", 4, 6)]);
        let top = "rules:\n  unused: off\nrules:\n  hot-potato: error\n";
        assert_eq!(lines(top), vec![("rules", 1, 3)]);
    }

    #[test]
    fn equal_keys_in_different_mappings_are_not_duplicates() {
        let text = "exports:\n  zendesk:\n    segment_field: x\n  taskrouter:\n    segment_attribute: y\nmeasure:\n  columns:\n    segment: seg\n  zendesk: 1\n";
        assert_eq!(lines(text), vec![]);
        let items = "list:\n  - name: a\n    value: 1\n  - name: b\n    value: 2\n";
        assert_eq!(lines(items), vec![]);
        let block = "notes: |\n  a: 1\n  a: 2\nother: 1\n";
        assert_eq!(lines(block), vec![]);
        let flow = "queues: {\n  a: 1,\n  a: 2 }\nother: 1\n";
        assert_eq!(lines(flow), vec![]);
        let comments = "# a: 1\n# a: 2\na: 1 # a: 2\n";
        assert_eq!(lines(comments), vec![]);
    }

    #[test]
    fn items_of_one_sequence_are_mappings_of_their_own() {
        let text = "list:\n  - name: a\n    name: b\n  - name: c\n";
        assert_eq!(lines(text), vec![("name", 2, 3)]);
    }
}
