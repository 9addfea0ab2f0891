//! Diagnostics: what the compiler tells the user.
//!
//! A [`Diagnostic`] is plain data (code, severity, message, span, help, extra
//! labels). Rendering to people (miette), to JSON, SARIF and GitHub annotations
//! lives in [`render`]; turning spans into lines and columns happens only there.

mod cap;
mod code;
pub mod look_alike;
pub mod render;
pub mod suggest;
pub mod suppress;

pub use cap::{cap, DEFAULT_MAX_FINDINGS};
pub use code::{Code, CodeDoc, Reach, Severity};
pub use suggest::closest;

use crate::base::Language;
use crate::i18n::{Arg, Message};
use crate::source::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    pub help: String,
    /// Secondary places, e.g. the first definition of a duplicate.
    pub labels: Vec<(Span, String)>,
    /// The declaration the finding is in (`journey order / step measure`),
    /// filled in by the pipeline: what stays the same when lines move, for
    /// code-scanning fingerprints.
    pub subject: Option<String>,
    /// Text that replaces the span to fix it (a "did you mean"), for editors'
    /// quick fixes.
    pub replacement: Option<String>,
    /// The catalogue messages behind `message`, `help` and the labels' texts,
    /// which are in English until [`Diagnostic::localize`].
    texts: Texts,
}

#[derive(Debug, Clone, PartialEq)]
struct Texts {
    message: Message,
    help: Option<Message>,
    labels: Vec<Message>,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity.
    pub fn new(code: Code, span: Span, message: Message) -> Self {
        let message = bounded(message);
        Diagnostic {
            code,
            severity: code.default_severity(),
            message: message.text(Language::En),
            span,
            help: String::new(),
            labels: Vec::new(),
            subject: None,
            replacement: None,
            texts: Texts {
                message,
                help: None,
                labels: Vec::new(),
            },
        }
    }

    /// Says the message, help and labels in `language`.
    pub fn localize(&mut self, language: Language) {
        self.message = self.texts.message.text(language);
        if let Some(help) = &self.texts.help {
            self.help = help.text(language);
        }
        for ((_, text), message) in self.labels.iter_mut().zip(&self.texts.labels) {
            *text = message.text(language);
        }
    }

    /// The fix is to write `text` in place of the span.
    pub fn replace_with(mut self, text: Option<impl Into<String>>) -> Self {
        // A fix longer than a message may quote is not offered: it would
        // carry a name of any size to the editor.
        self.replacement = text
            .map(Into::into)
            .filter(|t: &String| t.chars().nth(WORD).is_none());
        self
    }

    pub fn help(mut self, help: Message) -> Self {
        let help = bounded(help);
        self.help = help.text(Language::En);
        self.texts.help = Some(help);
        self
    }

    pub fn label(mut self, span: Span, text: Message) -> Self {
        let text = bounded(text);
        self.labels.push((span, text.text(Language::En)));
        self.texts.labels.push(text);
        self
    }
}

/// The most characters of one word (a run without white space: a name, a
/// path) a message quotes; a longer word keeps its start and `…`.
const WORD: usize = 120;

/// The most characters of one text argument a message quotes.
const TEXT: usize = 1000;

/// `message` with every text it quotes ([`quoted`]) bounded: one place for
/// every message, help and label, so text, JSON, SARIF and the editor all
/// get the same bounded words whatever the size of a name in the spec.
fn bounded(message: Message) -> Message {
    if !message.has_text_over(WORD) {
        return message;
    }
    message.map_texts(&mut |t| quoted(t).into_owned())
}

/// `text` as a message quotes it: each word of it at most [`WORD`]
/// characters and the whole at most about [`TEXT`], a cut marked `…`.
pub fn quoted(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= WORD {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut chars = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let end = piece.trim_end_matches(char::is_whitespace).len();
        let word = crate::escape::shorten(&piece[..end], WORD);
        let space = &piece[end..];
        let here = word.chars().count() + space.chars().count();
        if chars + here > TEXT {
            out.push('…');
            break;
        }
        out.push_str(&word);
        out.push_str(space);
        chars += here;
    }
    std::borrow::Cow::Owned(out)
}

/// Findings in the order they are shown: by file, position and code; a
/// finding reported twice is shown once.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        (a.span.file, a.span.start(), a.code, &a.message).cmp(&(
            b.span.file,
            b.span.start(),
            b.code,
            &b.message,
        ))
    });
    diagnostics.dedup();
}

/// Counts of what a run found, after severities were applied.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let mut summary = Summary::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
            }
        }
        summary
    }
}

/// Items joined for a message. A long list keeps its first and last items
/// and says how many are left out, so a message stays readable (and its size
/// bounded) on a journey of a million steps.
pub fn elide<T: std::fmt::Display>(
    items: impl ExactSizeIterator<Item = T>,
    separator: &'static str,
) -> Arg {
    elide_beyond(items, separator, 6, 4)
}

/// [`elide`] keeping the first `head` and last `tail` items of a list
/// longer than both and one more.
pub fn elide_beyond<T: std::fmt::Display>(
    items: impl ExactSizeIterator<Item = T>,
    separator: &'static str,
    head: usize,
    tail: usize,
) -> Arg {
    let total = items.len();
    let kept = items
        .enumerate()
        .filter(|&(i, _)| total <= head + tail + 1 || i < head || i >= total - tail)
        .map(|(_, item)| item.to_string());
    if total <= head + tail + 1 {
        return Arg::Text(kept.collect::<Vec<_>>().join(separator));
    }
    let kept: Vec<String> = kept.collect();
    // How many are left out is said in the message's language (audit 14
    // M2: "… (12 more) …" inside a Russian sentence).
    Arg::Elided {
        head: kept[..head].join(separator),
        left_out: total - head - tail,
        tail: kept[head..].join(separator),
        separator,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_quotes_a_bounded_part_of_any_text() {
        let huge = "n".repeat(1_000_000);
        let d = Diagnostic::new(
            Code::UnknownReference,
            Span::new(crate::source::FileId(0), 0, 1),
            crate::msg!("unknown-reference", wanted = "team", name = huge.as_str()),
        )
        .help(crate::msg!(
            "unknown-reference-help",
            kind = "team",
            name = huge.as_str()
        ))
        .replace_with(Some(huge.clone()));
        assert!(d.message.len() < 400, "{} bytes", d.message.len());
        assert!(d.message.contains(&format!("{}…", "n".repeat(WORD))));
        assert!(d.help.len() < 400);
        assert_eq!(d.replacement, None);
        let mut d = d;
        d.localize(Language::Ru);
        assert!(d.message.len() < 800);
        // Many words: each kept whole, the whole cut.
        let words = "word ".repeat(100_000);
        let quoted = quoted(&words);
        assert!(quoted.chars().count() <= TEXT + 1 && quoted.ends_with('…'));
        assert!(quoted.starts_with("word word "));
        // A short text, a long sentence of short words: as they are.
        assert_eq!(quoted_of("team_a"), "team_a");
        let sentence = "a b ".repeat(100);
        assert_eq!(quoted_of(&sentence), sentence);
    }

    fn quoted_of(text: &str) -> String {
        quoted(text).into_owned()
    }
}
