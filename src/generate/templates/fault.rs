//! Why a template could not be used, as a `template-error` finding: its
//! kind, the template file (named relative to the spec's root, located
//! as written) and the line minijinja gives, and help. A template is data the user wrote, not a
//! spec: the finding points at its line but never quotes the file (it
//! stands in the sources as an opaque file of empty lines), and what
//! minijinja says of it is cut short with controls made visible.

use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Message;
use crate::msg;
use crate::source::{FileKind, SourceFile, SourceMap, Span};
use minijinja::ErrorKind;
use std::path::{Path, PathBuf};

/// What went wrong, which says what to do about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The template does not parse.
    Syntax,
    /// It names a filter, test, function or value there is none of.
    Unknown,
    /// It ran out of the build's budget of work.
    Fuel,
    /// It wrote, or built, more than user templates may.
    Output,
    /// Any other error while it ran.
    Failed,
    /// The file cannot be used at all (a link, not a file, not UTF-8,
    /// unreadable), or `--templates` is no folder.
    Unreadable,
}

impl Fault {
    fn as_str(self) -> &'static str {
        match self {
            Fault::Syntax => "syntax",
            Fault::Unknown => "unknown",
            Fault::Fuel => "fuel",
            Fault::Output => "output",
            Fault::Failed => "failed",
            Fault::Unreadable => "unreadable",
        }
    }
}

/// A template that could not be used.
#[derive(Debug, Clone)]
pub struct TemplateError {
    pub fault: Fault,
    /// The template's name (`en/hr/role.md`).
    pub name: String,
    /// The file it was read from: the user's override, or the folder given
    /// to `--templates`; `None` for a built-in template.
    pub path: Option<PathBuf>,
    /// The 1-based line of the template, when known.
    pub line: Option<usize>,
    /// What is wrong, in English: minijinja's words (escaped, cut short),
    /// or cxc's.
    pub detail: String,
}

/// The most characters of minijinja's words a finding quotes.
const DETAIL: usize = 200;

impl TemplateError {
    /// The error minijinja gave while `name` was parsed or rendered;
    /// `file` finds the override a template name was read from.
    pub(super) fn from_minijinja(
        error: &minijinja::Error,
        name: &str,
        file: impl Fn(&str) -> Option<PathBuf>,
    ) -> TemplateError {
        let fault = match error.kind() {
            ErrorKind::SyntaxError | ErrorKind::BadEscape => Fault::Syntax,
            ErrorKind::UnknownFilter
            | ErrorKind::UnknownTest
            | ErrorKind::UnknownFunction
            | ErrorKind::UnknownMethod
            | ErrorKind::UndefinedError
            | ErrorKind::TemplateNotFound => Fault::Unknown,
            ErrorKind::OutOfFuel => Fault::Fuel,
            _ if error
                .detail()
                .is_some_and(|d| d.contains(super::guard::LIMIT_WORDS)) =>
            {
                Fault::Output
            }
            _ => Fault::Failed,
        };
        // The template the error is in: an included one, or this one.
        let name = error.name().unwrap_or(name).to_string();
        let mut detail = error.kind().to_string();
        if let Some(more) = error.detail() {
            detail.push_str(": ");
            detail.push_str(more);
        }
        TemplateError {
            fault,
            path: file(&name),
            name,
            line: error.line(),
            detail: shown(&detail),
        }
    }

    /// A failure of the template `name` that is no minijinja error.
    pub(super) fn new(
        fault: Fault,
        name: &str,
        path: Option<&Path>,
        detail: String,
    ) -> TemplateError {
        TemplateError {
            fault,
            name: name.to_string(),
            path: path.map(Path::to_path_buf),
            line: None,
            detail: shown(&detail),
        }
    }

    /// The same error, said in cxc's words.
    pub(super) fn saying(self, detail: String) -> TemplateError {
        TemplateError {
            detail: shown(&detail),
            ..self
        }
    }

    /// The finding: at the template's line, in a file added to `sources`
    /// as opaque (never quoted). `root`: the spec's folder, which the
    /// file's name is written relative to when it lies inside.
    pub fn diagnostic(&self, sources: &mut SourceMap, root: Option<&Path>) -> Diagnostic {
        // The message names it from the spec's folder; the location, as
        // every finding's, is the path as written (SARIF's `%SRCROOT%` is
        // the folder cxc runs in).
        let (file, written) = match &self.path {
            Some(path) => (
                crate::loader::shown_name(&relative(path, root)),
                crate::loader::shown_name(path),
            ),
            None => {
                let built_in = format!("(built-in) {}", self.name);
                (built_in.clone(), built_in)
            }
        };
        let line = self.line.unwrap_or(1).clamp(1, MAX_LINE);
        let id = sources.add(SourceFile::with_kind(
            PathBuf::from(&written),
            written,
            "\n".repeat(line - 1),
            FileKind::Opaque,
        ));
        let at = line - 1;
        let message = msg!(
            "template-error",
            kind = self.fault.as_str(),
            file = file.as_str(),
            detail = self.detail.as_str()
        );
        Diagnostic::new(Code::TemplateError, Span::new(id, at, at), message).help(self.help())
    }

    fn help(&self) -> Message {
        match self.fault {
            Fault::Syntax => msg!("template-error-syntax-help"),
            Fault::Unknown => msg!("template-error-unknown-help"),
            Fault::Fuel => msg!("template-error-fuel-help"),
            Fault::Output => msg!("template-error-output-help"),
            Fault::Failed => msg!("template-error-failed-help"),
            Fault::Unreadable => msg!("template-error-unreadable-help"),
        }
    }
}

/// `path` relative to `root` when it lies inside (both as written, with
/// `.` and `dir/..` folded), else as written.
fn relative(path: &Path, root: Option<&Path>) -> PathBuf {
    let written = PathBuf::from(crate::loader::display_name(path));
    let Some(root) = root.map(crate::loader::display_name) else {
        return written;
    };
    if root == "." || root.is_empty() {
        return written;
    }
    match written.strip_prefix(&root) {
        Ok(inside) if !inside.as_os_str().is_empty() => inside.to_path_buf(),
        _ => written,
    }
}

/// Lines past this are said to be here: a template is at most 1 MB.
const MAX_LINE: usize = 1 << 20;

/// minijinja's words as a finding quotes them: one line, controls made
/// visible, at most [`DETAIL`] characters.
fn shown(detail: &str) -> String {
    let line = detail.lines().next().unwrap_or("");
    let cut = crate::escape::shorten(line, DETAIL);
    crate::escape::terminal(&cut, false).into_owned()
}

impl std::fmt::Display for TemplateError {
    /// For the built-in templates' callers, which report a failure as text
    /// (a bug: the built-in templates are tested).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "template error: {} (in {}", self.detail, self.name)?;
        match self.line {
            Some(line) => write!(f, ", line {line})"),
            None => write!(f, ")"),
        }
    }
}

impl From<TemplateError> for String {
    fn from(error: TemplateError) -> String {
        error.to_string()
    }
}

/// `cxc explain template-error`: its example runs with `--templates
/// templates` (the files under `templates/` are the user's templates).
pub const DOCS: &[crate::diagnostic::CodeDoc] = &[crate::diagnostic::CodeDoc {
    code: Code::TemplateError,
    context: "",
    bad: "# templates/en/index.md\n# Standards\n{{ spec.roles | shout }}",
    fix: "# templates/en/index.md\n# Standards\n{{ spec.roles | length }} roles",
}];
