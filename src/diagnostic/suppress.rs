//! Inline suppression: `# cxc: allow(code, other-code)` in a comment on the line
//! before the declaration or statement a finding points at, or on the line
//! before the declaration that holds it (a finding about a promise's `within`
//! line is allowed above `promise …`).
//!
//! Suppression is applied once, to the finished list of diagnostics, so no rule
//! needs to know about it. A block of comment lines directly above counts as
//! "the line before", so an allow can sit above an explanatory comment.

use super::{Code, Diagnostic};
use crate::source::{FileId, SourceMap, Span};
use std::collections::HashMap;

/// Removes the diagnostics that a comment allows. Diagnostics of the front end
/// (`syntax`, `invalid-value`) are never suppressed: the text must still be read.
///
/// `declarations` are the extents of the spec's top-level declarations (in
/// any order; they do not overlap): a finding inside one is also allowed by
/// the comments above the line it starts on.
///
/// The comments above a line are read once per line, however many
/// diagnostics point at it.
pub fn apply(diagnostics: &mut Vec<Diagnostic>, sources: &SourceMap, declarations: &[Span]) {
    let mut by_file: HashMap<FileId, Vec<Span>> = HashMap::new();
    for &extent in declarations {
        by_file.entry(extent.file).or_default().push(extent);
    }
    for extents in by_file.values_mut() {
        extents.sort_by_key(|e| e.start());
    }
    let mut allowed: HashMap<(FileId, usize), Vec<Code>> = HashMap::new();
    diagnostics.retain(|d| {
        if matches!(d.code, Code::Syntax | Code::InvalidValue) {
            return true;
        }
        let file = sources.get(d.span.file);
        let at = d.span.start().min(file.text.len());
        let line = file.line_index(at);
        let holder = by_file
            .get(&d.span.file)
            .and_then(|extents| enclosing(extents, at))
            .map(|extent| file.line_index(extent.start().min(file.text.len())));
        let mut allowed_above = |line: usize| {
            allowed
                .entry((d.span.file, line))
                .or_insert_with(|| {
                    (0..line)
                        .rev()
                        .map(|i| file.line_text(i).trim())
                        .take_while(|text| is_comment(text))
                        .flat_map(|text| Code::ALL.iter().copied().filter(|&c| allows(text, c)))
                        .collect()
                })
                .contains(&d.code)
        };
        !(allowed_above(line) || holder.is_some_and(|l| l != line && allowed_above(l)))
    });
}

/// The declaration among `extents` (sorted by start, not overlapping) that
/// holds offset `at`.
fn enclosing(extents: &[Span], at: usize) -> Option<Span> {
    let i = extents.partition_point(|e| e.start() <= at);
    let extent = *extents.get(i.checked_sub(1)?)?;
    (at < extent.end()).then_some(extent)
}

fn is_comment(line: &str) -> bool {
    line.starts_with('#') || line.starts_with("//")
}

/// Whether one comment line allows `code`.
fn allows(comment: &str, code: Code) -> bool {
    let body = comment.trim_start_matches(['#', '/']).trim_start();
    let Some(rest) = body.strip_prefix("cxc:") else {
        return false;
    };
    let Some(rest) = rest.trim_start().strip_prefix("allow(") else {
        return false;
    };
    let Some((list, _)) = rest.split_once(')') else {
        return false;
    };
    list.split(',').any(|name| name.trim() == code.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_allow_lists() {
        assert!(allows("# cxc: allow(unused)", Code::Unused));
        assert!(allows("// cxc: allow(dead-end, unused)", Code::Unused));
        assert!(allows("#cxc:allow( unused )", Code::Unused));
        assert!(!allows("# cxc: allow(dead-end)", Code::Unused));
        assert!(!allows("# allow(unused)", Code::Unused));
        assert!(!allows("# cxc: allow(unused", Code::Unused));
    }

    #[test]
    fn finds_the_declaration_that_holds_an_offset() {
        let file = FileId(0);
        let extents = [Span::new(file, 0, 10), Span::new(file, 12, 30)];
        assert_eq!(enclosing(&extents, 0), Some(extents[0]));
        assert_eq!(enclosing(&extents, 9), Some(extents[0]));
        assert_eq!(enclosing(&extents, 10), None);
        assert_eq!(enclosing(&extents, 11), None);
        assert_eq!(enclosing(&extents, 29), Some(extents[1]));
        assert_eq!(enclosing(&extents, 30), None);
        assert_eq!(enclosing(&[], 3), None);
    }
}
