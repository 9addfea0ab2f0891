//! Text in the log of a GitHub Actions job. The runner reads a step's
//! output (stdout and stderr) line by line — a line ends at `\n`, `\r` or
//! `\r\n` (.NET `StreamReader.ReadLine`) — and acts on two forms of
//! workflow command (actions/runner, `ActionCommand.TryParseV2` and
//! `TryParse`):
//!
//! - `::name props::data` when the line, with all leading white space
//!   trimmed, starts with `::`. The trim is .NET's `TrimStart()`: every
//!   Unicode white space, tabs and no-break spaces included.
//! - `##[name props]data` anywhere in the line.
//!
//! Either may be `stop-commands` (no annotation of cxc is shown after it),
//! `add-mask`, `error` (a forged finding) and so on. So in every line cxc
//! prints from text it does not trust, a zero-width space (U+200B) goes
//! before a `::` that starts the line after white space, and between the
//! `##` and the `[` of every `##[`. U+200B is not white space to .NET, so
//! the trim stops at it and neither form matches, and the line reads the
//! same. cxc's own `--format github` annotations are written around this,
//! not through it.
//!
//! A fence (`::stop-commands::TOKEN` … `::TOKEN::`) is not used: with every
//! line neutralised it adds nothing, and outside GitHub it would be noise.

use std::borrow::Cow;

/// What the runner cannot see through.
const BREAK: char = '\u{200B}';

/// Characters shown as nothing that an older trim may have removed: skipped
/// like white space when deciding whether a line starts with `::`, so a
/// line is neutralised even if a runner ever trims them.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{180E}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Whether the runner would take `line` for a `::` command.
fn starts_command(line: &str) -> bool {
    line.trim_start_matches(is_blank).starts_with("::")
}

/// `text` (one or more whole lines) with no line the runner would act on.
pub fn workflow(text: &str) -> Cow<'_, str> {
    if !text.contains("::") && !text.contains("##[") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    // Only white space since the line began.
    let mut line_start = true;
    for (i, c) in text.char_indices() {
        if line_start && c == ':' && text[i..].starts_with("::") {
            out.push(BREAK);
        }
        if c == '[' && out.ends_with("##") {
            out.push(BREAK);
        }
        out.push(c);
        match c {
            '\n' | '\r' => line_start = true,
            c if is_blank(c) => {}
            _ => line_start = false,
        }
    }
    Cow::Owned(out)
}

/// A unified diff (`cxc fmt --check`) the runner cannot act on, which
/// `git apply` still takes wherever it could before. Only a context line can
/// start with white space (its prefix is a space), so a context line whose
/// text starts with `::` is written as its removal and its re-addition
/// (`-text`, `+text`): the same change, and no line of the diff starts with
/// white space and `::`. A `##[` cannot be moved out of the way: it gets the
/// zero-width space, and that hunk no longer applies (`cxc fmt` itself
/// writes the file).
pub fn unified_diff(diff: &str) -> Cow<'_, str> {
    if !diff.contains("::") && !diff.contains("##[") {
        return Cow::Borrowed(diff);
    }
    let mut out = String::with_capacity(diff.len() + 16);
    let mut lines = diff.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let Some(text) = line.strip_prefix(' ').filter(|t| starts_command(t)) else {
            out.push_str(line);
            continue;
        };
        // "\ No newline at end of file" belongs to the line before it.
        let marker = lines.next_if(|next| next.starts_with('\\')).unwrap_or("");
        for sign in ['-', '+'] {
            out.push(sign);
            out.push_str(text);
            out.push_str(marker);
        }
    }
    Cow::Owned(workflow(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runner's two parsers, as actions/runner's `ActionCommand` has
    /// them, over the lines its `ReadLine` would split: the oracle.
    fn runner_commands(text: &str) -> Vec<String> {
        text.split(['\n', '\r'])
            .filter_map(|line| {
                let trimmed = line.trim_start();
                if let Some(rest) = trimmed.strip_prefix("::") {
                    if let Some(end) = rest.find("::") {
                        return Some(rest[..end].to_string());
                    }
                }
                let at = line.find("##[")?;
                let end = line[at..].find(']')?;
                Some(line[at + 3..at + end].to_string())
            })
            .collect()
    }

    #[test]
    fn commands_in_untrusted_lines_are_not_run() {
        for hostile in [
            "::error::forged",
            "   ::add-mask::x",
            "\t\u{a0}\u{3000}::stop-commands::t",
            "text\n  ::error file=a::b\nmore",
            "a\r::warning::x",
            "say ##[stop-commands]token",
            "###[error]x ##[group]y",
        ] {
            assert!(!runner_commands(hostile).is_empty(), "{hostile:?}");
            let safe = workflow(hostile);
            assert_eq!(runner_commands(&safe), Vec::<String>::new(), "{safe:?}");
            assert_eq!(safe.replace(BREAK, ""), hostile.replace(BREAK, ""));
        }
        assert!(matches!(workflow("a: b :: c"), Cow::Owned(_)));
        assert_eq!(workflow("a: b :: c"), "a: b :: c");
        assert!(matches!(workflow("plain # text [x]"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_diff_keeps_its_meaning_and_runs_nothing() {
        let diff = "--- a/x.cx\n+++ b/x.cx\n@@ -1,3 +1,3 @@\n-team  t {}\n+team t {}\n   ::error::forged\n \"\"\"\n";
        let safe = unified_diff(diff);
        assert_eq!(runner_commands(&safe), Vec::<String>::new());
        assert_eq!(
            safe,
            "--- a/x.cx\n+++ b/x.cx\n@@ -1,3 +1,3 @@\n-team  t {}\n+team t {}\n-  ::error::forged\n+  ::error::forged\n \"\"\"\n"
        );
        let marker = " ::x\n\\ No newline at end of file\n";
        assert_eq!(
            unified_diff(marker),
            "-::x\n\\ No newline at end of file\n+::x\n\\ No newline at end of file\n"
        );
        let plain = "--- a/x.cx\n+++ b/x.cx\n@@ -1 +1 @@\n-a\n+b\n";
        assert!(matches!(unified_diff(plain), Cow::Borrowed(_)));
    }
}
