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
use crate::i18n::Message;
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
        self.replacement = text.map(Into::into);
        self
    }

    pub fn help(mut self, help: Message) -> Self {
        self.help = help.text(Language::En);
        self.texts.help = Some(help);
        self
    }

    pub fn label(mut self, span: Span, text: Message) -> Self {
        self.labels.push((span, text.text(Language::En)));
        self.texts.labels.push(text);
        self
    }
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
    separator: &str,
) -> String {
    elide_beyond(items, separator, 6, 4)
}

/// [`elide`] keeping the first `head` and last `tail` items of a list
/// longer than both and one more.
pub fn elide_beyond<T: std::fmt::Display>(
    items: impl ExactSizeIterator<Item = T>,
    separator: &str,
    head: usize,
    tail: usize,
) -> String {
    let total = items.len();
    let kept = items
        .enumerate()
        .filter(|&(i, _)| total <= head + tail + 1 || i < head || i >= total - tail)
        .map(|(_, item)| item.to_string());
    if total <= head + tail + 1 {
        return kept.collect::<Vec<_>>().join(separator);
    }
    let kept: Vec<String> = kept.collect();
    format!(
        "{}{separator}… ({} more) …{separator}{}",
        kept[..head].join(separator),
        total - head - tail,
        kept[head..].join(separator)
    )
}
