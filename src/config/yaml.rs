//! The YAML under cxc.yaml: serde_yaml is archived upstream, so it is used
//! in exactly one function, [`parse_yaml`]; and where each key is written,
//! found in the text itself (serde_yaml keeps no places).

use serde_json::Value;
use std::borrow::Cow;

/// Deeper nesting than this is no configuration anyone writes; refusing it
/// before parsing keeps a hostile file from costing minutes.
pub(super) const MAX_DEPTH: usize = 32;

/// Why a config is not read, and where (a 1-based line and column).
pub(super) struct YamlError {
    pub(super) what: YamlFault,
    pub(super) at: Option<(usize, usize)>,
}

pub(super) enum YamlFault {
    /// Not YAML, in serde_yaml's words.
    Invalid(String),
    /// A whole number beyond every integer a setting can hold (past
    /// u64, below i64): the dotted path of its key.
    OutOfRange(String),
}

/// The only place that touches serde_yaml.
pub(super) fn parse_yaml(text: &str) -> Result<Value, YamlError> {
    if let Some((line, column)) = too_deep(text) {
        return Err(YamlError {
            what: YamlFault::Invalid(format!("it nests deeper than {MAX_DEPTH} levels")),
            at: Some((line, column)),
        });
    }
    match serde_yaml::from_str::<Value>(text) {
        Ok(value) => Ok(value),
        Err(e) => {
            let at = e.location().map(|l| (l.line(), l.column()));
            let said = e.to_string();
            // serde_json's words for an integer past u64 (or below i64),
            // after the path of its key: "thresholds.x: JSON number out
            // of range at line 2 column 19".
            let what = match said.split_once(": JSON number out of range") {
                Some((key, _)) if !key.contains(' ') => YamlFault::OutOfRange(key.to_string()),
                _ => YamlFault::Invalid(said),
            };
            Err(YamlError { what, at })
        }
    }
}

/// Where flow (`[`, `{`) or block (indentation) nesting first exceeds
/// [`MAX_DEPTH`], as a 1-based line and column; quoted text is skipped.
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (index, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches([' ', '-']).len();
        if quote.is_none() && indent / 2 > MAX_DEPTH {
            return Some((index + 1, 1));
        }
        let mut escaped = false;
        for (column, c) in line.chars().enumerate() {
            match quote {
                Some(q) => {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' && q == '"' {
                        escaped = true;
                    } else if c == q {
                        quote = None;
                    }
                }
                None => match c {
                    '#' => break,
                    '"' | '\'' => quote = Some(c),
                    '[' | '{' => {
                        depth += 1;
                        if depth > MAX_DEPTH {
                            return Some((index + 1, column + 1));
                        }
                    }
                    ']' | '}' => depth = depth.saturating_sub(1),
                    _ => {}
                },
            }
        }
    }
    None
}

/// For every `:` in `text`, the word before it (from the last space) and
/// the line before it (from its indentation), each mapped to where it first
/// stands: every place a key of a YAML mapping can be written, in one pass.
pub(super) fn key_places(text: &str) -> std::collections::HashMap<Cow<'_, str>, usize> {
    let mut places = std::collections::HashMap::new();
    let (mut line, mut word) = (None, 0);
    for (i, c) in text.char_indices() {
        if c == '\n' || c == '\r' {
            (line, word) = (None, i + 1);
        } else if c.is_whitespace() || FLOW.contains(&c) {
            // A key of a flow mapping (`{hot-potato: 2, x: 1}`) starts
            // after its brace or comma (attack 12, L2: it was placed at 1:1).
            word = i + c.len_utf8();
            if !c.is_whitespace() {
                line.get_or_insert(i);
            }
        } else {
            let line = *line.get_or_insert(i);
            if c == ':' {
                let (key, at) = unquoted(&text[word..i], word);
                places.entry(key).or_insert(at);
                // The line from its indentation: a quoted key with spaces in it.
                let (whole, from) = unquoted(&text[line..i], line);
                places.entry(whole).or_insert(from);
            }
        }
    }
    places
}

/// The characters that end a key's word in a flow collection.
pub(super) const FLOW: [char; 3] = ['{', '[', ','];

/// A key written in quotes (`"hot-potato": 2`), without them, and where it
/// starts; a double-quoted key's escapes read as YAML reads them, so that
/// `"q1\"x"` is found as the key `q1"x` (attack 15, L2: it was placed at
/// 1:1).
fn unquoted(key: &str, at: usize) -> (Cow<'_, str>, usize) {
    if let Some(inner) = key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')) {
        let inner = match inner.contains("''") {
            true => Cow::Owned(inner.replace("''", "'")),
            false => Cow::Borrowed(inner),
        };
        return (inner, at + 1);
    }
    if let Some(inner) = key.strip_prefix('"').and_then(|k| k.strip_suffix('"')) {
        if !inner.contains('\\') {
            return (Cow::Borrowed(inner), at + 1);
        }
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('0') => out.push('\0'),
                Some(other) => out.push(other),
                None => {}
            }
        }
        return (Cow::Owned(out), at + 1);
    }
    (Cow::Borrowed(key), at)
}
