//! `cxc fmt` on disk: read each `.cx` file under the paths given (as
//! `cxc check` would: regular files inside the folder named, within the size
//! limit), lay it out, and write back only what changed — each file replaced
//! whole by a rename, so an interrupted run leaves it old or new.

use super::format;
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Message;
use crate::loader::{self, read::DEFAULT_FILE_LIMIT, LoadError};
use crate::msg;
use crate::source::{SourceFile, SourceMap, Span};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What happened to one file.
pub enum Outcome {
    Unchanged,
    /// Laid out anew (and written, unless only checking).
    Changed {
        old: String,
        new: String,
    },
    /// Not formatted: its syntax errors, or why it could not be read or
    /// written, are in [`Run::diagnostics`].
    Failed,
}

pub struct Formatted {
    /// As the user should see it.
    pub shown: String,
    pub outcome: Outcome,
}

/// One `cxc fmt` run.
pub struct Run {
    pub files: Vec<Formatted>,
    pub sources: SourceMap,
    /// Syntax errors and files that could not be read or written.
    pub diagnostics: Vec<Diagnostic>,
}

/// Formats every `.cx` file under `paths`; writes the changed ones when
/// `write` is set.
pub fn run(paths: &[PathBuf], write: bool) -> Result<Run, LoadError> {
    let mut run = Run {
        files: Vec::new(),
        sources: SourceMap::default(),
        diagnostics: Vec::new(),
    };
    for (path, root) in loader::cx_files(paths)? {
        let shown = loader::display_name(&path);
        let outcome = match root.read(&path, DEFAULT_FILE_LIMIT) {
            Ok(bytes) => one(&mut run, &path, &shown, bytes, write),
            Err(e) => {
                run.fail(
                    &path,
                    &shown,
                    msg!("cannot-read", file = shown.as_str(), error = e.to_string()),
                );
                Outcome::Failed
            }
        };
        run.files.push(Formatted { shown, outcome });
    }
    Ok(run)
}

fn one(run: &mut Run, path: &Path, shown: &str, bytes: Vec<u8>, write: bool) -> Outcome {
    let (text, bad_encoding) = loader::decode(bytes);
    let id = run
        .sources
        .add(SourceFile::new(path.to_path_buf(), shown.to_string(), text));
    let text = &run.sources.get(id).text;
    if let Some(at) = bad_encoding {
        run.diagnostics.push(loader::not_utf8(id, at));
        return Outcome::Failed;
    }
    let new = match format(id, text) {
        Ok(new) => new,
        Err(errors) => {
            run.diagnostics.extend(errors);
            return Outcome::Failed;
        }
    };
    if new == *text {
        return Outcome::Unchanged;
    }
    let old = text.clone();
    if write {
        if let Err(e) = replace(path, &new) {
            run.fail(
                path,
                shown,
                msg!("cannot-write", file = shown, error = e.to_string()),
            );
            return Outcome::Failed;
        }
    }
    Outcome::Changed { old, new }
}

impl Run {
    /// A file that could not be read or written: a diagnostic on an empty
    /// stand-in, so it is reported with the others and never quoted.
    fn fail(&mut self, path: &Path, shown: &str, message: Message) {
        let id = self.sources.add(SourceFile::with_kind(
            path.to_path_buf(),
            shown.to_string(),
            String::new(),
            crate::source::FileKind::Opaque,
        ));
        self.diagnostics.push(
            Diagnostic::new(Code::Syntax, Span::new(id, 0, 0), message)
                .help(msg!("fmt-cannot-help")),
        );
    }
}

/// Replaces `path` with `text` through a temporary file beside it and a
/// rename, keeping the file's permissions. A symbolic link is not followed:
/// `cxc fmt` writes only the files it was given, never what they point to.
fn replace(path: &Path, text: &str) -> std::io::Result<()> {
    let meta = std::fs::symlink_metadata(path)?;
    if !meta.file_type().is_file() {
        return Err(std::io::Error::other(
            "it is a symbolic link; format the file it points to instead",
        ));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".cxc-fmt-")
        .tempfile_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    std::fs::set_permissions(temp.path(), meta.permissions())?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A unified diff of one file, as `git diff` prints it (`a/` and `b/`
/// before a relative path, so `git apply` takes it).
pub fn diff(shown: &str, old: &str, new: &str) -> String {
    let (a, b) = if shown.starts_with('/') {
        (shown.to_string(), shown.to_string())
    } else {
        (format!("a/{shown}"), format!("b/{shown}"))
    };
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&a, &b)
        .to_string()
}
