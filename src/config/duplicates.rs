//! Keys written twice in one mapping of `cxc.yaml`.
//!
//! A YAML reader keeps the last of two equal keys, so `hot-potato: 2` written
//! at the top and `hot-potato: 5` further down silently becomes 5. The file
//! is read line by line, as it is written: block mappings by indentation,
//! sequence items (`- `) each a mapping of its own, block texts (`|`, `>`)
//! skipped; flow collections (`{ a: 1, a: 2 }`, `[{ a: 1 }]`), on one line
//! or spread over several, are read bracket by bracket ([`Flow`]). A quoted
//! key and its plain spelling (`"a"`, `'a'`, `a`) are one key.

use std::borrow::Cow;
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
    keys: HashMap<Cow<'t, str>, usize>,
}

/// The byte offset of `part`, a slice of `text`, in `text`.
fn offset_in(text: &str, part: &str) -> usize {
    part.as_ptr() as usize - text.as_ptr() as usize
}

/// Whether a value starts a flow collection.
fn starts_flow(value: &str) -> bool {
    value.trim_start().starts_with(['{', '['])
}

/// Every key written again in the same block mapping, in file order.
pub fn find(text: &str) -> Vec<Duplicate<'_>> {
    let mut found = Vec::new();
    let mut open: Vec<Mapping> = Vec::new();
    // Lines indented deeper than this belong to a block text.
    let mut block_text: Option<usize> = None;
    // A flow collection not closed yet, perhaps spread over lines.
    let mut flow = Flow::default();
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
        if flow.is_open() {
            flow.feed(content, offset_in(text, content), &mut found);
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
            if starts_flow(rest) {
                flow.feed(rest, offset_in(text, rest), &mut found);
            }
            continue;
        };
        let key_at = start + (body.len() - rest.len());
        open.retain(|m| m.indent <= indent);
        match open.last_mut() {
            Some(m) if m.indent == indent => remember(&mut m.keys, key, key_at, &mut found),
            _ => open.push(Mapping {
                indent,
                keys: HashMap::from([(unquoted(key), key_at)]),
            }),
        }
        let value = value.trim();
        if value.starts_with('|') || value.starts_with('>') {
            block_text = Some(indent);
        } else if starts_flow(value) {
            flow.feed(value, offset_in(text, value), &mut found);
        }
    }
    found
}

/// `key: value` → (key, value); `None` for a line that is no mapping entry.
/// A quoted key is returned with its quotes ([`unquoted`] compares it).
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

/// Records `key`, written at `at`, in a mapping's `keys`, or reports it
/// when the mapping already has it.
fn remember<'t>(
    keys: &mut HashMap<Cow<'t, str>, usize>,
    key: &'t str,
    at: usize,
    found: &mut Vec<Duplicate<'t>>,
) {
    match keys.get(&unquoted(key)) {
        Some(&first) => found.push(Duplicate {
            key,
            first,
            second: at,
        }),
        None => {
            keys.insert(unquoted(key), at);
        }
    }
}

/// A key as the YAML reader sees it: `"a"` and `'a'` are `a` (the escapes
/// `\"`, `\\` and `''` undone).
pub(super) fn unquoted(key: &str) -> Cow<'_, str> {
    let quoted = |q: char| key.len() >= 2 && key.starts_with(q) && key.ends_with(q);
    if quoted('"') {
        let inner = &key[1..key.len() - 1];
        if inner.contains('\\') {
            return Cow::Owned(inner.replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        Cow::Borrowed(inner)
    } else if quoted('\'') {
        let inner = &key[1..key.len() - 1];
        if inner.contains("''") {
            return Cow::Owned(inner.replace("''", "'"));
        }
        Cow::Borrowed(inner)
    } else {
        Cow::Borrowed(key)
    }
}

/// One open flow collection.
enum Frame<'t> {
    /// `{ … }`: its keys, and whether a key comes next (after `{` or `,`).
    Map {
        keys: HashMap<Cow<'t, str>, usize>,
        at_key: bool,
    },
    /// `[ … ]`: its items are not keys, but may hold mappings.
    Seq,
}

/// The flow collections open at a point of the file, read bracket by
/// bracket, line after line, until the outermost one closes.
#[derive(Default)]
struct Flow<'t> {
    frames: Vec<Frame<'t>>,
}

impl<'t> Flow<'t> {
    fn is_open(&self) -> bool {
        !self.frames.is_empty()
    }

    /// Reads `line` (a line's content, starting at byte `at` of the file):
    /// opens and closes collections, and records each key of a flow mapping.
    fn feed(&mut self, line: &'t str, at: usize, found: &mut Vec<Duplicate<'t>>) {
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            // `#` after a space (or starting the line) starts a comment.
            if c == b'#' && (i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t') {
                return;
            }
            if c == b' ' || c == b'\t' {
                i += 1;
                continue;
            }
            let at_key = matches!(self.frames.last(), Some(Frame::Map { at_key: true, .. }));
            match c {
                b'{' | b'[' => {
                    if let Some(Frame::Map { at_key, .. }) = self.frames.last_mut() {
                        *at_key = false; // a collection as a key is not compared
                    }
                    self.frames.push(if c == b'{' {
                        Frame::Map {
                            keys: HashMap::new(),
                            at_key: true,
                        }
                    } else {
                        Frame::Seq
                    });
                    i += 1;
                }
                b'}' | b']' => {
                    self.frames.pop();
                    if self.frames.is_empty() {
                        return;
                    }
                    i += 1;
                }
                b',' => {
                    if let Some(Frame::Map { at_key, .. }) = self.frames.last_mut() {
                        *at_key = true;
                    }
                    i += 1;
                }
                b'?' if at_key && bytes.get(i + 1).is_none_or(|n| *n == b' ') => i += 1,
                _ if at_key => {
                    let end = key_end(line, i);
                    let key = line[i..end].trim_end();
                    if let Some(Frame::Map { keys, at_key }) = self.frames.last_mut() {
                        *at_key = false;
                        if !key.is_empty() {
                            remember(keys, key, at + i, found);
                        }
                    }
                    i = end.max(i + 1);
                }
                b'"' | b'\'' => i = quoted_end(line, i),
                _ => i += 1,
            }
        }
    }
}

/// The end of a key starting at `start` in a flow mapping: after its
/// closing quote, or before the `:` (followed by a space, a bracket, a
/// comma or the line's end), `,`, `}` or `]` that ends a plain key.
fn key_end(line: &str, start: usize) -> usize {
    let bytes = line.as_bytes();
    if matches!(bytes[start], b'"' | b'\'') {
        return quoted_end(line, start);
    }
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b',' | b'}' | b']' => return i,
            b':' if bytes
                .get(i + 1)
                .is_none_or(|n| matches!(n, b' ' | b'\t' | b',' | b'}' | b']')) =>
            {
                return i
            }
            b'#' if i > start && matches!(bytes[i - 1], b' ' | b'\t') => return i,
            _ => i += 1,
        }
    }
    i
}

/// The byte after the quoted text starting at `start` (the line's end when
/// it does not close on the line).
fn quoted_end(line: &str, start: usize) -> usize {
    let bytes = line.as_bytes();
    let q = bytes[start];
    let mut i = start + 1;
    while i < bytes.len() {
        if q == b'"' && bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i] == q {
            // `''` inside single quotes is a quote, not the end.
            if q == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i += 1;
    }
    bytes.len()
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
        let flows = "a: {x: 1, y: {x: 2}}\nb: [{x: 1}, {x: 2}]\nc: {x: \"y, x: z\", 'x:': 1}\n";
        assert_eq!(lines(flows), vec![]);
        let comments = "# a: 1\n# a: 2\na: 1 # a: 2\n";
        assert_eq!(lines(comments), vec![]);
    }

    #[test]
    fn items_of_one_sequence_are_mappings_of_their_own() {
        let text = "list:\n  - name: a\n    name: b\n  - name: c\n";
        assert_eq!(lines(text), vec![("name", 2, 3)]);
    }

    #[test]
    fn keys_of_flow_mappings_are_compared_at_every_depth() {
        let one_line = "rules: {dead-end: off, dead-end: warning}\n";
        assert_eq!(lines(one_line), vec![("dead-end", 1, 1)]);
        let at = find(one_line)[0].clone();
        assert_eq!((at.first, at.second), (8, 23));
        let nested = "thresholds: {a: 1, b: {c: 1, c: 2}}\n";
        assert_eq!(lines(nested), vec![("c", 1, 1)]);
        let spread = "queues: {\n  a: 1, # a: 3\n  a: 2 }\nqueues: 1\n";
        assert_eq!(lines(spread), vec![("a", 2, 3), ("queues", 1, 4)]);
        let items = "- {a: 1, a: 2}\n- [{b: 1, b: 2}]\n";
        assert_eq!(lines(items), vec![("a", 1, 1), ("b", 2, 2)]);
        let top = "{rules: {}, rules: {}}\n";
        assert_eq!(lines(top), vec![("rules", 1, 1)]);
    }

    #[test]
    fn a_quoted_key_is_its_plain_spelling() {
        let block = "rules:\n  dead-end: off\n  \"dead-end\": warning\n";
        assert_eq!(lines(block), vec![("\"dead-end\"", 2, 3)]);
        let flow = "rules: {'dead-end': off, dead-end: warning}\n";
        assert_eq!(lines(flow), vec![("dead-end", 1, 1)]);
        let escaped = "a: {\"it's\": 1, 'it''s': 2}\n";
        assert_eq!(lines(escaped), vec![("'it''s'", 1, 1)]);
    }
}
