//! The hand-written parser: one pass over the text, no backtracking beyond a
//! word, building the typed AST directly and, when asked, a lossless tree.
//!
//! It follows `grammar/cx.pest` rule for rule — the same terminals, the same
//! places where whitespace and comments may appear, the same ordered choices
//! — and stops where pest's grammar would stop (the differential test in
//! `tests/differential.rs` holds it to that). Unlike pest it goes on after an
//! error: a bad statement is skipped to its end (a new line, `;` or `}`) and
//! the next one is read; a block left open ends where the next declaration
//! starts at the beginning of a line. Every syntax error of a file is
//! reported, and the declarations around them are still checked.
//!
//! - `mod.rs`: the cursor, terminals, trivia, errors and recovery.
//! - `grammar.rs`: files, declarations and bodies.
//! - `statement.rs`: the statements of each kind of declaration.
//! - `literals.rs`: the values statements hold (hours, durations, remedies, …).

mod grammar;
mod literals;
mod statement;

#[cfg(test)]
mod tests;

use super::ast::{self, DeclKind};
use super::chars;
use super::forms::Form;
use super::name::Interner;
use super::tree::{NodeKind, SyntaxTree, TokenKind, TreeBuilder};
use crate::diagnostic::{closest, Code, Diagnostic};
use crate::i18n::{Arg, Message};
use crate::msg;
use crate::source::{FileId, Span};

/// What parsing one file gives.
pub struct Parsed {
    pub file: ast::File,
    pub diagnostics: Vec<Diagnostic>,
    pub tree: Option<SyntaxTree>,
    /// Where the grammar first stopped (what pest would report), if it did.
    pub first_error: Option<usize>,
}

/// Parses a file into its AST and diagnostics.
pub fn parse(file: FileId, text: &str) -> (ast::File, Vec<Diagnostic>) {
    let parsed = parse_with(file, text, false);
    (parsed.file, parsed.diagnostics)
}

/// Parses a file; `tree` also builds the lossless syntax tree.
pub fn parse_with(file: FileId, text: &str, tree: bool) -> Parsed {
    let mut p = Parser {
        text,
        pos: 0,
        file,
        tree: TreeBuilder::new(tree),
        diagnostics: Vec::new(),
        first_error: None,
        open_triple: None,
        rest_swallowed: false,
        names: Interner::for_text(text),
        out: ast::File::default(),
    };
    p.file_rule();
    Parsed {
        file: p.out,
        diagnostics: p.diagnostics,
        tree: p.tree.build(text.len()),
        first_error: p.first_error,
    }
}

/// What the grammar would have accepted: a keyword, or a description by its
/// message id (`expect-…` in the catalogues).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expect {
    Keyword(&'static str),
    Words(&'static str),
}

pub(crate) const NAME: Expect = Expect::Words("expect-name");
pub(crate) const TEXT: Expect = Expect::Words("expect-text");
pub(crate) const INTEGER: Expect = Expect::Words("expect-integer");
pub(crate) const DECIMAL: Expect = Expect::Words("expect-decimal");
pub(crate) const PERCENT: Expect = Expect::Words("expect-percent");
pub(crate) const DURATION: Expect = Expect::Words("expect-duration");
pub(crate) const DATE: Expect = Expect::Words("expect-date");
pub(crate) const TIME: Expect = Expect::Words("expect-time");
pub(crate) const DAYS: Expect = Expect::Words("expect-days");
pub(crate) const COMPARISON: Expect = Expect::Words("expect-comparison");
pub(crate) const REMEDY: Expect = Expect::Words("expect-remedy");
pub(crate) const SEP: Expect = Expect::Words("expect-separator");
pub(crate) const BRACE_OPEN: Expect = Expect::Keyword("{");
pub(crate) const BRACE_CLOSE: Expect = Expect::Keyword("}");
pub(crate) const END_OF_FILE: Expect = Expect::Words("expect-end-of-file");
pub(crate) const DISPLAY_NAME: Expect = Expect::Words("expect-display-name");
pub(crate) const OPENING_TIMES: Expect = Expect::Words("expect-opening-times");

/// Why the grammar stopped.
#[derive(Debug)]
pub(crate) struct Stop {
    /// Where, as pest would report it.
    at: usize,
    expected: Vec<Expect>,
    /// A message that says it better than "expected ...", with its span.
    instead: Option<(Span, Message, Message)>,
    label: Option<(Span, Message)>,
    /// The statement the error is in, past its keyword.
    form: Option<&'static Form>,
}

impl Stop {
    fn new(at: usize, expected: &[Expect]) -> Box<Stop> {
        Box::new(Stop {
            at,
            expected: expected.to_vec(),
            instead: None,
            label: None,
            form: None,
        })
    }
}

/// Boxed: errors are rare, and a small `Result` keeps the happy path fast.
pub(crate) type P<T> = Result<T, Box<Stop>>;

struct Parser<'t> {
    text: &'t str,
    pos: usize,
    file: FileId,
    tree: TreeBuilder,
    diagnostics: Vec<Diagnostic>,
    first_error: Option<usize>,
    /// Where a `"""` with no closing `"""` was read as `""` (as the
    /// grammar reads it), so the error that follows can say what happened.
    open_triple: Option<usize>,
    /// An error's text ran to the end of the file (an unclosed `"""` or
    /// `{`): the blocks around it are not reported as left open too, and
    /// only the first block left open at the end of the file is.
    rest_swallowed: bool,
    names: Interner<'t>,
    out: ast::File,
}

/// The declaration keywords, which also resynchronise after errors.
pub(crate) const DECLARATIONS: &[&str] = &[
    "service",
    "include",
    "calendar",
    "team",
    "role",
    "channel",
    "segment",
    "customer_type",
    "sla",
    "promise",
    "journey",
    "complaint",
    "queue",
    "agreement",
];

impl<'t> Parser<'t> {
    // ------------------------------------------------------------ cursor

    fn rest(&self) -> &'t str {
        &self.text[self.pos..]
    }

    fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start, end)
    }

    /// Consumes `len` bytes as one token of `kind`.
    fn token(&mut self, kind: TokenKind, len: usize) -> Span {
        let start = self.pos;
        self.tree.token(kind, start);
        self.pos += len;
        self.span(start, self.pos)
    }

    /// The length of a line break at `pos` (`\r\n`, `\n` or `\r`).
    fn newline_len(&self, pos: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        match bytes.get(pos) {
            Some(b'\r') if bytes.get(pos + 1) == Some(&b'\n') => Some(2),
            Some(b'\n') | Some(b'\r') => Some(1),
            _ => None,
        }
    }

    /// Whitespace and comments: what the grammar skips between tokens.
    fn trivia(&mut self) {
        loop {
            let rest = self.rest();
            let space: usize = rest
                .chars()
                .take_while(|&c| chars::whitespace(c))
                .map(char::len_utf8)
                .sum();
            if space > 0 {
                self.token(TokenKind::Whitespace, space);
                continue;
            }
            if rest.starts_with('#') || rest.starts_with("//") {
                let len = rest.find(['\n', '\r']).unwrap_or(rest.len());
                self.token(TokenKind::Comment, len);
                continue;
            }
            break;
        }
    }

    /// `sep = { ";" | NEWLINE }`
    fn sep(&mut self) -> bool {
        if self.rest().starts_with(';') {
            self.token(TokenKind::Semicolon, 1);
            true
        } else if let Some(len) = self.newline_len(self.pos) {
            self.token(TokenKind::Newline, len);
            true
        } else {
            false
        }
    }

    /// `sep*`, with trivia between.
    fn seps(&mut self) {
        loop {
            self.trivia();
            if !self.sep() {
                return;
            }
        }
    }

    // ------------------------------------------------------------ terminals

    /// The identifier-shaped word at `pos`, if any.
    fn word_at(&self, pos: usize) -> Option<&'t str> {
        let rest = &self.text[pos..];
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        if !chars::ident_start(first) {
            return None;
        }
        let end = chars
            .find(|&(_, c)| !chars::ident_char(c))
            .map_or(rest.len(), |(i, _)| i);
        Some(&rest[..end])
    }

    /// Whether the keyword `kw` is at the cursor (a whole word).
    fn at_keyword(&self, kw: &str) -> bool {
        let rest = self.rest();
        rest.starts_with(kw)
            && !rest[kw.len()..]
                .chars()
                .next()
                .is_some_and(chars::ident_char)
    }

    fn keyword(&mut self, kw: &'static str) -> P<Span> {
        if self.at_keyword(kw) {
            Ok(self.token(TokenKind::Keyword, kw.len()))
        } else {
            Err(Stop::new(self.pos, &[Expect::Keyword(kw)]))
        }
    }

    fn ident(&mut self) -> P<ast::Ident> {
        match self.word_at(self.pos) {
            Some(word) => {
                let span = self.token(TokenKind::Ident, word.len());
                Ok(ast::Ident {
                    name: self.names.intern(word),
                    span,
                })
            }
            None => Err(Stop::new(self.pos, &[NAME])),
        }
    }

    /// `string = triple_string | simple_string`, its value with escapes
    /// resolved.
    fn string(&mut self) -> P<(String, Span)> {
        let rest = self.rest();
        if let Some(body) = rest.strip_prefix("\"\"\"") {
            if let Some(end) = body.find("\"\"\"") {
                let value = body[..end].to_string();
                let span = self.token(TokenKind::String, end + 6);
                return Ok((value, span));
            }
            self.open_triple = Some(self.pos);
        }
        if let Some(body) = rest.strip_prefix('"') {
            // Most texts have no escapes: their value is a slice, copied once.
            let plain = body
                .bytes()
                .position(|b| matches!(b, b'"' | b'\\' | b'\n' | b'\r'));
            if let Some(end) = plain.filter(|&i| body.as_bytes()[i] == b'"') {
                let value = body[..end].to_string();
                let span = self.token(TokenKind::String, end + 2);
                return Ok((value, span));
            }
            let mut value = String::new();
            let mut chars = body.char_indices();
            while let Some((i, c)) = chars.next() {
                match c {
                    '"' => {
                        let span = self.token(TokenKind::String, i + 2);
                        value.shrink_to_fit();
                        return Ok((value, span));
                    }
                    '\\' => match chars.next() {
                        Some((_, '"')) => value.push('"'),
                        Some((_, '\\')) => value.push('\\'),
                        Some((_, 'n')) => value.push('\n'),
                        Some((_, 't')) => value.push('\t'),
                        _ => break,
                    },
                    '\n' | '\r' => break,
                    c => value.push(c),
                }
            }
        }
        Err(Stop::new(self.pos, &[TEXT]))
    }

    /// ASCII digits at `pos`: their count.
    fn digits(&self, pos: usize) -> usize {
        self.text.as_bytes()[pos..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    }

    fn char_at(&self, pos: usize) -> Option<char> {
        self.text.get(pos..).and_then(|s| s.chars().next())
    }

    fn ident_char_at(&self, pos: usize) -> bool {
        self.char_at(pos).is_some_and(chars::ident_char)
    }

    /// `digits ("." digits)?`: the end of the number at `pos`, if any.
    fn number_end(&self, pos: usize) -> Option<usize> {
        let whole = self.digits(pos);
        if whole == 0 {
            return None;
        }
        let mut end = pos + whole;
        if self.text.as_bytes().get(end) == Some(&b'.') {
            let fraction = self.digits(end + 1);
            if fraction > 0 {
                end += 1 + fraction;
            }
        }
        Some(end)
    }

    /// `integer = @{ ASCII_DIGIT+ ~ !(ident_char | ".") }`
    fn integer(&mut self) -> P<(&'t str, Span)> {
        let digits = self.digits(self.pos);
        let end = self.pos + digits;
        if digits == 0 || self.ident_char_at(end) || self.text.as_bytes().get(end) == Some(&b'.') {
            return Err(Stop::new(self.pos, &[INTEGER]));
        }
        let text = &self.text[self.pos..end];
        Ok((text, self.token(TokenKind::Integer, digits)))
    }

    /// `decimal = @{ "-"? ~ ASCII_DIGIT+ ~ ("." ~ ASCII_DIGIT+)? ~ !(ident_char | "%") }`
    fn decimal(&mut self) -> P<(&'t str, Span)> {
        let sign = usize::from(self.rest().starts_with('-'));
        match self.number_end(self.pos + sign) {
            Some(end)
                if !self.ident_char_at(end) && self.text.as_bytes().get(end) != Some(&b'%') =>
            {
                let text = &self.text[self.pos..end];
                Ok((text, self.token(TokenKind::Decimal, end - self.pos)))
            }
            _ => Err(Stop::new(self.pos, &[DECIMAL])),
        }
    }

    /// `percent = @{ ASCII_DIGIT+ ~ ("." ~ ASCII_DIGIT+)? ~ "%" }`
    fn percent(&mut self) -> P<(&'t str, Span)> {
        match self.number_end(self.pos) {
            Some(end) if self.text.as_bytes().get(end) == Some(&b'%') => {
                let text = &self.text[self.pos..end + 1];
                Ok((text, self.token(TokenKind::Percent, end + 1 - self.pos)))
            }
            _ => Err(Stop::new(self.pos, &[PERCENT])),
        }
    }

    /// `duration = @{ (ASCII_DIGIT+ ~ ("wd" | "s" | "m" | "h" | "d" | "w"))+ ~ !ident_char }`
    fn duration(&mut self) -> P<(&'t str, Span)> {
        let bytes = self.text.as_bytes();
        let mut end = self.pos;
        loop {
            let digits = self.digits(end);
            let unit = match bytes.get(end + digits..) {
                _ if digits == 0 => break,
                Some([b'w', b'd', ..]) => 2,
                Some([b's' | b'm' | b'h' | b'd' | b'w', ..]) => 1,
                _ => break,
            };
            end += digits + unit;
        }
        if end == self.pos || self.ident_char_at(end) {
            let mut stop = Stop::new(self.pos, &[DURATION]);
            stop.instead = self.duration_in_words();
            return Err(stop);
        }
        let text = &self.text[self.pos..end];
        Ok((text, self.token(TokenKind::Duration, end - self.pos)))
    }

    /// `3 days`, `4 hours`, `3 дня`: a number and a unit in words, as people
    /// write them; the error names the units cxc reads (`3d`, and `3wd` for
    /// working days).
    fn duration_in_words(&self) -> Option<(Span, Message, Message)> {
        let digits = self.digits(self.pos);
        let number = &self.text[self.pos..self.pos + digits];
        let after = &self.text[self.pos + digits..];
        let word_at = after.len() - after.trim_start_matches([' ', '\t']).len();
        let word: String = after[word_at..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let lower = word.to_lowercase();
        let unit = [
            (
                &["day", "days", "день", "дня", "дней", "сутки", "суток"][..],
                "d",
            ),
            (
                &["hour", "hours", "hr", "hrs", "час", "часа", "часов"][..],
                "h",
            ),
            (
                &[
                    "minute",
                    "minutes",
                    "min",
                    "mins",
                    "минута",
                    "минуты",
                    "минут",
                ][..],
                "m",
            ),
            (
                &[
                    "second",
                    "seconds",
                    "sec",
                    "secs",
                    "секунда",
                    "секунды",
                    "секунд",
                ][..],
                "s",
            ),
            (&["week", "weeks", "неделя", "недели", "недель"][..], "w"),
        ]
        .into_iter()
        .find(|(words, _)| words.contains(&lower.as_str()))?
        .1;
        if digits == 0 {
            return None;
        }
        let end = self.pos + digits + word_at + word.len();
        let written = crate::escape::shorten(&self.text[self.pos..end], 40);
        let help = match unit {
            "d" => msg!("duration-in-words-days-help", number = number),
            _ => msg!(
                "duration-in-words-help",
                duration = format!("{number}{unit}")
            ),
        };
        Some((
            self.span(self.pos, end),
            msg!("duration-in-words", written = written),
            help,
        ))
    }

    /// `date = @{ ASCII_DIGIT{4} ~ "-" ~ ASCII_DIGIT{2} ~ "-" ~ ASCII_DIGIT{2} ~ !ident_char }`
    fn date(&mut self) -> P<(&'t str, Span)> {
        let b = &self.text.as_bytes()[self.pos..];
        let shape = b.len() >= 10
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'-'
            && b[5..7].iter().all(u8::is_ascii_digit)
            && b[7] == b'-'
            && b[8..10].iter().all(u8::is_ascii_digit);
        if !shape || self.ident_char_at(self.pos + 10) {
            return Err(Stop::new(self.pos, &[DATE]));
        }
        let text = &self.text[self.pos..self.pos + 10];
        Ok((text, self.token(TokenKind::Date, 10)))
    }

    /// `time = @{ ASCII_DIGIT{2} ~ ":" ~ ASCII_DIGIT{2} }`
    fn time(&mut self) -> P<(&'t str, Span)> {
        let b = &self.text.as_bytes()[self.pos..];
        let shape = b.len() >= 5
            && b[..2].iter().all(u8::is_ascii_digit)
            && b[2] == b':'
            && b[3..5].iter().all(u8::is_ascii_digit);
        if !shape {
            return Err(Stop::new(self.pos, &[TIME]));
        }
        let text = &self.text[self.pos..self.pos + 5];
        Ok((text, self.token(TokenKind::Time, 5)))
    }

    /// `comparison = @{ ">=" | "<=" | "=" | ">" | "<" }`
    fn comparison(&mut self) -> P<&'t str> {
        let rest = self.rest();
        let len = [">=", "<=", "=", ">", "<"]
            .iter()
            .find(|op| rest.starts_with(**op))
            .map(|op| op.len());
        match len {
            Some(len) => {
                let text = &rest[..len];
                self.token(TokenKind::Comparison, len);
                Ok(text)
            }
            None => Err(Stop::new(self.pos, &[COMPARISON])),
        }
    }

    /// Consumes `c` (punctuation) as a token.
    fn punct(&mut self, c: char, kind: TokenKind, expect: Expect) -> P<Span> {
        if self.rest().starts_with(c) {
            Ok(self.token(kind, c.len_utf8()))
        } else {
            Err(Stop::new(self.pos, &[expect]))
        }
    }

    // ------------------------------------------------------------ errors

    /// Reports a syntax error the grammar stopped at.
    fn report(&mut self, mut stop: Stop) {
        if self.first_error.is_none() {
            self.first_error = Some(stop.at);
        }
        let unclosed_text = self
            .open_triple
            .filter(|&open| stop.at == open + 2 && !self.rest_swallowed);
        if let Some(open) = unclosed_text {
            // `"""text` with no closing `"""`: the grammar reads `""` and
            // stops at the third quote, but what the writer meant is a long
            // text, and it takes the rest of the file.
            stop.instead = Some((
                self.span(open, open + 3),
                msg!("unclosed-long-text"),
                msg!("unclosed-long-text-help"),
            ));
            stop.label = None;
        }
        let diagnostic = match stop.instead {
            Some((span, message, help)) => Diagnostic::new(Code::Syntax, span, message).help(help),
            None => self.expected_error(stop.at, &stop.expected, stop.form),
        };
        let diagnostic = match stop.label {
            Some((span, text)) => diagnostic.label(span, text),
            None => diagnostic,
        };
        self.diagnostics.push(diagnostic);
        if unclosed_text.is_some() {
            self.token(TokenKind::Error, self.text.len() - self.pos);
            self.rest_swallowed = true;
        }
    }

    /// "expected `owner`, `next` or `}` (the end of the block), found `ownr`".
    fn expected_error(&self, at: usize, expected: &[Expect], form: Option<&Form>) -> Diagnostic {
        let found = Found::at(self.text, at);
        let mut keywords: Vec<&str> = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        for e in expected {
            match *e {
                Expect::Keyword(k) if !keywords.contains(&k) => keywords.push(k),
                Expect::Words(w) if !words.contains(&w) => words.push(w),
                _ => {}
            }
        }
        let list: Vec<Arg> = keywords
            .iter()
            .filter(|k| **k != "}")
            .map(|k| Arg::Text(format!("`{k}`")))
            .chain(
                words
                    .iter()
                    .map(|&w| Arg::Message(Message::new(w, Vec::new()))),
            )
            .chain(
                keywords
                    .contains(&"}")
                    .then(|| msg!("expect-block-end").into()),
            )
            .collect();
        // A day named with a capital (`Сб`, `Mon-Fri`): said as such, with
        // the name to write (outside audit 11, L12).
        let day = words
            .contains(&"expect-days")
            .then(|| lower_case_days(&found.word))
            .flatten();
        let message = if found.unterminated {
            msg!("unclosed-text")
        } else if day.is_some() {
            msg!(
                "expected-found-capital-day",
                expected = Arg::Choice(list),
                found = found.description
            )
        } else {
            msg!(
                "expected-found",
                expected = Arg::Choice(list),
                found = found.description
            )
        };
        if let Some(day) = day {
            return Diagnostic::new(Code::Syntax, self.span(at, at + found.len_bytes), message)
                .help(msg!("capital-day-help", day = day.as_str()))
                .replace_with(Some(day));
        }
        let like = closest(&found.word, keywords.iter().copied());
        let help = match like {
            Some(k) if !found.word.is_empty() => msg!("did-you-mean", name = k),
            _ if found.unterminated => msg!("unterminated-text-help"),
            _ => match form {
                Some(form) => write_it_as(form),
                None => msg!("syntax-help"),
            },
        };
        let replacement = like
            .filter(|_| !found.word.is_empty())
            .filter(|k| !k.starts_with(['{', '}']));
        Diagnostic::new(Code::Syntax, self.span(at, at + found.len_bytes), message)
            .help(help)
            .replace_with(replacement)
    }

    /// A well-formed word the language does not know in this place: a syntax
    /// error the grammar itself accepts (like pest, which reads such words as
    /// identifiers and leaves them to the AST).
    fn invalid(&mut self, span: Span, message: Message, help: Message) {
        self.diagnostics
            .push(Diagnostic::new(Code::InvalidValue, span, message).help(help));
    }

    // ------------------------------------------------------------ recovery

    /// After an error inside a statement: skips to where the statement ends
    /// (a new line or `;` outside any braces, or the `}` of the block, which
    /// is left for the body), without looking inside texts and comments.
    /// Returns true when a declaration keyword at the start of a line shows
    /// that the block was never closed.
    fn skip_statement(&mut self) -> bool {
        let mut depth = 0usize;
        while !self.at_end() {
            let rest = self.rest();
            if let Some(len) = self.newline_len(self.pos) {
                if depth == 0 {
                    return false;
                }
                self.token(TokenKind::Newline, len);
                if self.declaration_at_line_start() {
                    return true;
                }
                continue;
            }
            let c = rest.chars().next().unwrap_or(' ');
            match c {
                ';' if depth == 0 => return false,
                '}' if depth == 0 => return false,
                '}' => {
                    depth -= 1;
                    self.token(TokenKind::Error, 1);
                }
                '{' => {
                    depth += 1;
                    self.token(TokenKind::Error, 1);
                }
                '#' => self.trivia(),
                '/' if rest.starts_with("//") => self.trivia(),
                '"' => {
                    let len = skipped_string_len(rest);
                    self.token(TokenKind::Error, len);
                }
                c if chars::whitespace(c) => self.trivia(),
                _ => {
                    let len = rest
                        .char_indices()
                        .find(|&(i, d)| {
                            i > 0
                                && (matches!(d, ';' | '{' | '}' | '"' | '#' | '\n' | '\r')
                                    || chars::whitespace(d))
                        })
                        .map_or(rest.len(), |(i, _)| i);
                    self.token(TokenKind::Error, len);
                }
            }
        }
        // An unbalanced `{` in the bad statement took the rest of the file.
        self.rest_swallowed |= depth > 0;
        false
    }

    /// Whether a declaration keyword starts the line at the cursor, without
    /// indentation: the start of a new declaration.
    fn declaration_at_line_start(&self) -> bool {
        let at_line_start =
            self.pos == 0 || matches!(self.text.as_bytes().get(self.pos - 1), Some(b'\n' | b'\r'));
        at_line_start
            && self
                .word_at(self.pos)
                .is_some_and(|w| DECLARATIONS.contains(&w))
    }

    /// After an error at the top level: skips to the next line that starts
    /// with a declaration keyword, or the end of the file.
    fn skip_to_declaration(&mut self) {
        while !self.at_end() {
            if self.declaration_at_line_start() {
                return;
            }
            if let Some(len) = self.newline_len(self.pos) {
                self.token(TokenKind::Newline, len);
                continue;
            }
            let rest = self.rest();
            let len = if rest.starts_with('"') {
                skipped_string_len(rest)
            } else if rest.starts_with('#') || rest.starts_with("//") {
                self.trivia();
                continue;
            } else {
                // Up to the next place recovery could stop, or the end of
                // the file: never one character at a time, which would scan
                // the rest of a file without line breaks once per character.
                match rest.find(['\n', '\r', '"', '#']) {
                    Some(0) => rest.chars().next().map_or(1, char::len_utf8),
                    Some(i) => i,
                    None => rest.len(),
                }
            };
            self.token(TokenKind::Error, len);
        }
    }
}

/// The length of a text literal that starts `rest`, closed or not (an
/// unclosed one runs to the end of its line).
fn skipped_string_len(rest: &str) -> usize {
    if let Some(body) = rest.strip_prefix("\"\"\"") {
        if let Some(end) = body.find("\"\"\"") {
            return end + 6;
        }
    }
    let mut escaped = false;
    for (i, c) in rest.char_indices().skip(1) {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return i + 1,
            '\n' | '\r' => return i,
            _ => escaped = false,
        }
    }
    rest.len()
}

/// The text where parsing stopped, described for "found ...".
/// `word` in lower case when it is a day or a range of days written with
/// capitals (`Сб`, `Пн-Пт`, `MON`): the days as the language names them.
fn lower_case_days(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let day = |part: &str| {
        crate::syntax::values::Weekday::prefix_of(part).is_some_and(|(_, n)| n == part.len())
    };
    let parts: Vec<&str> = lower.split('-').collect();
    let days = matches!(parts.len(), 1 | 2) && parts.iter().all(|p| day(p));
    (lower != word && days).then_some(lower)
}

struct Found {
    description: Message,
    word: String,
    len_bytes: usize,
    /// A `"` that the line never closes.
    unterminated: bool,
}

impl Found {
    fn at(text: &str, at: usize) -> Found {
        let rest = text.get(at..).unwrap_or("");
        let Some(first) = rest.chars().next() else {
            return Found {
                description: msg!("found-end-of-file"),
                word: String::new(),
                len_bytes: 0,
                unterminated: false,
            };
        };
        if first == '\n' || first == '\r' {
            return Found {
                description: msg!("found-end-of-line"),
                word: String::new(),
                len_bytes: 0,
                unterminated: false,
            };
        }
        // Only up to the closing quote or the end of the line: an error on
        // a long line must not read the whole line.
        if first == '"'
            && rest[1..]
                .find(['"', '\n', '\r'])
                .is_none_or(|i| rest.as_bytes()[i + 1] != b'"')
        {
            return Found {
                description: msg!("found-unterminated-text"),
                word: String::new(),
                len_bytes: 1,
                unterminated: true,
            };
        }
        let word: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '%' | '.' | ':'))
            .take(40)
            .collect();
        if word.is_empty() {
            let shown = if first.is_control() {
                msg!("found-character", code = format!("U+{:04X}", first as u32))
            } else {
                msg!("found-word", word = first.to_string())
            };
            return Found {
                description: shown,
                word: String::new(),
                len_bytes: first.len_utf8(),
                unterminated: false,
            };
        }
        Found {
            description: msg!("found-word", word = word.as_str()),
            len_bytes: word.len(),
            word,
            unterminated: false,
        }
    }
}

/// The declaration kind a keyword starts.
fn declaration_kind(word: &str) -> Option<DeclKind> {
    Some(match word {
        "service" => DeclKind::Service,
        "calendar" => DeclKind::Calendar,
        "team" => DeclKind::Team,
        "role" => DeclKind::Role,
        "channel" => DeclKind::Channel,
        "segment" => DeclKind::Segment,
        "customer_type" => DeclKind::CustomerType,
        "sla" => DeclKind::Sla,
        "promise" => DeclKind::Promise,
        "journey" => DeclKind::Journey,
        "complaint" => DeclKind::Complaint,
        "queue" => DeclKind::Queue,
        "agreement" => DeclKind::Agreement,
        _ => return None,
    })
}

impl NodeKind {
    /// The node of a declaration.
    fn of(kind: DeclKind) -> NodeKind {
        NodeKind::Declaration(kind)
    }
}

/// "write it as `FORM`, e.g. `EXAMPLE`. Here DURATION is …": the form with
/// what each of its parts is.
fn write_it_as(form: &super::forms::Form) -> crate::i18n::Message {
    use crate::i18n::Arg;
    let (said, example) = (Arg::Example(form.form), Arg::Example(form.example));
    let parts = super::forms::parts(form.form);
    if parts.is_empty() {
        return msg!("write-it-as", form = said, example = example);
    }
    let parts: Vec<crate::i18n::Arg> = parts
        .into_iter()
        .map(|id| crate::i18n::Arg::Message(crate::i18n::Message::new(id, Vec::new())))
        .collect();
    msg!(
        "write-it-as-parts",
        form = said,
        example = example,
        parts = crate::i18n::Arg::List(parts)
    )
}
