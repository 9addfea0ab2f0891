//! `cxc fmt`: the canonical layout of a spec, printed from the lossless tree.
//!
//! The layout (documented in `grammar/README.md`, "Layout"):
//! - two spaces of indentation per block, one statement per line, a single
//!   space between words, none before `,` or `;` nor around the `-` of a time
//!   range; `{` ends the header line, `}` stands on its own line;
//! - a block written on one line stays on one line (`{ owner x; end }`) when
//!   it holds no block of its own — the author's choice, as Prettier keeps an
//!   object literal on one line; any other block is one statement per line;
//!   an empty block is `{}`;
//! - comments stay where they were: on their own line (indented with what
//!   follows) or at the end of the line they ended; so a `# cxc: allow(...)`
//!   line stays directly above what it suppresses;
//! - blank lines the author left are kept, at most one in a row, none at the
//!   start or end of a block or file; lines end in `\n`;
//! - nothing is aligned, so a change to one line never re-indents another.
//!
//! Only text that parses is formatted: a syntax error is reported instead.

pub mod files;

use crate::diagnostic::Diagnostic;
use crate::source::FileId;
use crate::syntax::parse_with;
use crate::syntax::tree::{SyntaxTree, TokenKind};

/// The canonical layout of `text`, or the syntax errors that prevent it.
pub fn format(file: FileId, text: &str) -> Result<String, Vec<Diagnostic>> {
    let parsed = parse_with(file, text, true);
    let syntax: Vec<Diagnostic> = parsed
        .diagnostics
        .into_iter()
        .filter(|d| d.code == crate::diagnostic::Code::Syntax)
        .collect();
    if !syntax.is_empty() {
        return Err(syntax);
    }
    let tree = parsed.tree.expect("the tree was asked for");
    Ok(Printer::new(text, &tree).print())
}

/// Every comment of `text`, in order, without trailing spaces: what the
/// layout must keep (the tests and the fuzzer compare them before and after).
pub fn comments(text: &str) -> Vec<String> {
    let Some(tree) = parse_with(FileId(0), text, true).tree else {
        return Vec::new();
    };
    tree.tokens()
        .filter(|(kind, _)| *kind == TokenKind::Comment)
        .map(|(_, range)| text[range].trim_end().to_string())
        .collect()
}

const INDENT: &str = "  ";

struct Printer<'a> {
    text: &'a str,
    tree: &'a SyntaxTree,
    /// For each `{`, whether its block stays on one line.
    inline: Vec<bool>,
    out: String,
    /// The line being built, without its indentation.
    line: String,
    line_depth: usize,
    /// Block depth at the current token.
    depth: usize,
    /// A line break was seen since the last word.
    break_pending: bool,
    /// A blank line was seen since the last word.
    blank_pending: bool,
    /// The last line written opened a block (no blank line after `{`).
    after_open: bool,
    /// The line being built ends in `{` (or in a comment after it).
    line_opens_block: bool,
    /// The last word, to decide spacing and continuation lines.
    last: Option<TokenKind>,
}

impl<'a> Printer<'a> {
    fn new(text: &'a str, tree: &'a SyntaxTree) -> Self {
        Printer {
            text,
            tree,
            inline: inline_blocks(text, tree),
            out: String::with_capacity(text.len() + text.len() / 8),
            line: String::new(),
            line_depth: 0,
            depth: 0,
            break_pending: false,
            blank_pending: false,
            after_open: true,
            line_opens_block: false,
            last: None,
        }
    }

    fn token_text(&self, i: usize) -> &'a str {
        &self.text[self.tree.token_range(i)]
    }

    fn print(mut self) -> String {
        let mut i = 0;
        let mut newlines = 0;
        while i < self.tree.token_count() {
            let kind = self.tree.token_kind(i);
            match kind {
                TokenKind::Whitespace => {}
                TokenKind::Newline => {
                    newlines += 1;
                    self.break_pending = true;
                    if newlines >= 2 {
                        self.blank_pending = true;
                    }
                }
                TokenKind::Comment => {
                    let comment = self.token_text(i).trim_end();
                    if newlines == 0 && !self.line.is_empty() {
                        self.line.push(' ');
                        self.line.push_str(comment);
                    } else {
                        self.end_line();
                        self.start_line(self.continuation_depth());
                        self.line.push_str(comment);
                    }
                    self.end_line();
                    self.break_pending = true;
                }
                TokenKind::LBrace => {
                    i = self.open(i);
                    newlines = 0;
                    continue;
                }
                TokenKind::RBrace => {
                    self.depth = self.depth.saturating_sub(1);
                    self.end_line();
                    self.blank_pending = false;
                    self.start_line(self.depth);
                    self.line.push('}');
                    self.last = Some(kind);
                    self.break_pending = false;
                }
                TokenKind::Semicolon => self.break_pending = true,
                _ => {
                    self.word(i);
                }
            }
            if !matches!(kind, TokenKind::Whitespace | TokenKind::Newline) {
                newlines = 0;
            }
            i += 1;
        }
        self.end_line();
        self.out
    }

    /// A continuation line of a list broken after its comma is indented one
    /// step further than its statement.
    fn continuation_depth(&self) -> usize {
        if self.last == Some(TokenKind::Comma) {
            self.depth + 1
        } else {
            self.depth
        }
    }

    /// Writes a word, on a new line when a separator came before it.
    fn word(&mut self, i: usize) {
        let kind = self.tree.token_kind(i);
        if self.break_pending || self.line.is_empty() {
            self.end_line();
            self.start_line(self.continuation_depth());
        } else if needs_space(self.last, kind) {
            self.line.push(' ');
        }
        self.line.push_str(self.token_text(i));
        self.last = Some(kind);
        self.break_pending = false;
    }

    /// Writes `{` at `i` and, for a one-line block, everything up to its
    /// `}`. Returns the next token to read.
    fn open(&mut self, i: usize) -> usize {
        let close = matching_close(self.tree, i);
        // A `{` on the line after its header joins the header.
        self.break_pending = false;
        if self.line.is_empty() {
            self.start_line(self.depth);
        } else {
            self.line.push(' ');
        }
        let words: Vec<usize> = (i + 1..close)
            .filter(|&t| !self.tree.token_kind(t).is_trivia())
            .filter(|&t| self.tree.token_kind(t) != TokenKind::Newline)
            .collect();
        let empty = words
            .iter()
            .all(|&t| self.tree.token_kind(t) == TokenKind::Semicolon)
            && !(i + 1..close).any(|t| self.tree.token_kind(t) == TokenKind::Comment);
        if empty || self.inline[i] {
            self.line.push('{');
            let mut last = None;
            let mut separate = false;
            for &t in &words {
                let kind = self.tree.token_kind(t);
                if kind == TokenKind::Semicolon {
                    separate = last.is_some();
                    continue;
                }
                if separate {
                    self.line.push_str("; ");
                    separate = false;
                } else if last.is_none() || needs_space(last, kind) {
                    self.line.push(' ');
                }
                self.line.push_str(self.token_text(t));
                last = Some(kind);
            }
            self.line.push_str(if empty { "}" } else { " }" });
            self.last = Some(TokenKind::RBrace);
            return close + 1;
        }
        self.line.push('{');
        // The line stays open for a comment after the `{`.
        self.line_opens_block = true;
        self.break_pending = true;
        self.blank_pending = false;
        self.depth += 1;
        self.last = Some(TokenKind::LBrace);
        i + 1
    }

    /// Begins a line at `depth`, after a blank line if one is due.
    fn start_line(&mut self, depth: usize) {
        if !self.line.is_empty() {
            return;
        }
        if self.blank_pending && !self.after_open && !self.out.is_empty() {
            self.out.push('\n');
        }
        self.blank_pending = false;
        self.after_open = false;
        self.line_depth = depth;
    }

    fn end_line(&mut self) {
        if self.line.is_empty() {
            return;
        }
        for _ in 0..self.line_depth {
            self.out.push_str(INDENT);
        }
        self.out.push_str(&self.line);
        self.out.push('\n');
        self.after_open = std::mem::take(&mut self.line_opens_block);
        self.line.clear();
    }
}

fn needs_space(last: Option<TokenKind>, next: TokenKind) -> bool {
    !matches!(next, TokenKind::Comma | TokenKind::Dash)
        && !matches!(last, Some(TokenKind::Dash) | None)
}

/// The `}` that closes the `{` at `open` (the tree of a spec that parses
/// balances them).
fn matching_close(tree: &SyntaxTree, open: usize) -> usize {
    let mut depth = 0usize;
    for t in open..tree.token_count() {
        match tree.token_kind(t) {
            TokenKind::LBrace => depth += 1,
            TokenKind::RBrace => {
                depth -= 1;
                if depth == 0 {
                    return t;
                }
            }
            _ => {}
        }
    }
    tree.token_count()
}

/// For each token, whether it is a `{` whose block stays on one line: the
/// author wrote it on one line, and it holds no block and no comment.
fn inline_blocks(text: &str, tree: &SyntaxTree) -> Vec<bool> {
    let mut inline = vec![false; tree.token_count()];
    // Open braces whose block is still a candidate.
    let mut open: Vec<(usize, bool)> = Vec::new();
    for t in 0..tree.token_count() {
        let kind = tree.token_kind(t);
        let breaks = match kind {
            TokenKind::Newline | TokenKind::Comment => true,
            TokenKind::String => text[tree.token_range(t)].contains(['\n', '\r']),
            _ => false,
        };
        if breaks {
            open.iter_mut().for_each(|(_, ok)| *ok = false);
        }
        match kind {
            TokenKind::LBrace => {
                // A block inside a block: the outer one is not one line.
                open.iter_mut().for_each(|(_, ok)| *ok = false);
                open.push((t, true));
            }
            TokenKind::RBrace => {
                if let Some((at, ok)) = open.pop() {
                    inline[at] = ok;
                }
            }
            _ => {}
        }
    }
    inline
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> String {
        format(FileId(0), text).unwrap_or_else(|d| panic!("{d:?}"))
    }

    #[test]
    fn one_statement_per_line_with_two_space_indent() {
        assert_eq!(
            fmt(
                "team   support\n{\n\n      lead   boss ;   \n\n\n}\n\n\n\nrole boss{team support}"
            ),
            "team support {\n  lead boss\n}\n\nrole boss { team support }\n"
        );
    }

    #[test]
    fn one_line_blocks_stay_when_they_hold_no_block() {
        let text = "journey j { start a; step a { owner t;end } }\n";
        assert_eq!(
            fmt(text),
            "journey j {\n  start a\n  step a { owner t; end }\n}\n"
        );
    }

    #[test]
    fn comments_stay_on_their_lines() {
        let text =
            "# head\nteam t { # why\n  # cxc: allow(unused)\n  lead x # trailing\n\n  # last\n}\n";
        assert_eq!(fmt(text), text);
    }

    #[test]
    fn lists_keep_their_breaks_and_lose_stray_spaces() {
        assert_eq!(
            fmt("calendar c {\n open mon-fri 09:00 - 18:00 , 19:00-20:00\n closed 2026-01-01,\n   2026-01-02\n}\n"),
            "calendar c {\n  open mon-fri 09:00-18:00, 19:00-20:00\n  closed 2026-01-01,\n    2026-01-02\n}\n"
        );
    }

    #[test]
    fn empty_blocks_and_semicolons() {
        assert_eq!(
            fmt("team a {\n}\nteam b {;};team c {}"),
            "team a {}\nteam b {}\nteam c {}\n"
        );
    }

    #[test]
    fn syntax_errors_are_returned_not_formatted() {
        assert!(format(FileId(0), "team {").is_err());
    }
}
