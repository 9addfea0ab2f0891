//! Inline suppression: `# cxc: allow(code, other-code)` in a comment on the line
//! before the declaration or statement a finding points at.
//!
//! Suppression is applied once, to the finished list of diagnostics, so no rule
//! needs to know about it. A block of comment lines directly above counts as
//! "the line before", so an allow can sit above an explanatory comment.

use super::{Code, Diagnostic};
use crate::source::{FileId, SourceMap};
use std::collections::HashMap;

/// Removes the diagnostics that a comment allows. Diagnostics of the front end
/// (`syntax`, `invalid-value`) are never suppressed: the text must still be read.
///
/// The comments above a line are read once per line, however many
/// diagnostics point at it.
pub fn apply(diagnostics: &mut Vec<Diagnostic>, sources: &SourceMap) {
    let mut allowed: HashMap<(FileId, usize), Vec<Code>> = HashMap::new();
    diagnostics.retain(|d| {
        if matches!(d.code, Code::Syntax | Code::InvalidValue) {
            return true;
        }
        let file = sources.get(d.span.file);
        let line = file.line_index(d.span.start().min(file.text.len()));
        let codes = allowed.entry((d.span.file, line)).or_insert_with(|| {
            (0..line)
                .rev()
                .map(|i| file.line_text(i).trim())
                .take_while(|text| is_comment(text))
                .flat_map(|text| Code::ALL.iter().copied().filter(|&c| allows(text, c)))
                .collect()
        });
        !codes.contains(&d.code)
    });
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
}
