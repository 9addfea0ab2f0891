//! `cxc fmt` on disk: read each `.cx` file under the paths given (as
//! `cxc check` would: regular files inside the folder named, within the size
//! limit), lay it out, and write back only what changed — each file replaced
//! whole by a rename, so an interrupted run leaves it old or new.

use super::format;
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Message;
use crate::loader::{self, LoadError};
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

/// Formats every `.cx` file under `paths` of at most `limit` bytes; writes
/// the changed ones when `write` is set.
pub fn run(paths: &[PathBuf], write: bool, limit: u64) -> Result<Run, LoadError> {
    let mut run = Run {
        files: Vec::new(),
        sources: SourceMap::default(),
        diagnostics: Vec::new(),
    };
    let mut swept = std::collections::HashSet::new();
    for (path, root) in loader::cx_files(paths)? {
        let shown = loader::display_name(&path);
        if write {
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
            let dir = dir.unwrap_or(Path::new(".")).to_path_buf();
            if swept.insert(dir.clone()) {
                remove_stale(&dir);
            }
        }
        let outcome = match root.read(&path, limit) {
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

/// Temporary files of `cxc fmt`: `.cxc-fmt-PID-…` beside the file.
const TEMP_PREFIX: &str = ".cxc-fmt-";

/// Replaces `path` with `text` through a temporary file beside it and a
/// rename, keeping the file's permissions. A symbolic link is not followed:
/// `cxc fmt` writes only the files it was given, never what they point to.
///
/// Almost nothing is left behind if cxc is killed: the text is written and
/// synced into a file with no name (`O_TMPFILE`), which the system removes
/// with the process; it gets a name (`.cxc-fmt-PID-…`) only for the rename
/// that puts it in place, so only a kill between those two calls leaves it.
/// Where the file system cannot do that, the temporary file is named from
/// the start. Either way the next `cxc fmt` in that folder removes the names
/// of processes that are gone ([`remove_stale`]).
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
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    if let Some(file) = unnamed(dir) {
        let mut file = file;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        file.set_permissions(meta.permissions())?;
        let name = tempfile::Builder::new()
            .prefix(&prefix)
            .make_in(dir, |name| link_unnamed(&file, name))?;
        // Renamed away, the name must not be removed after.
        let name = name.into_temp_path().keep().map_err(|e| e.error)?;
        let placed = std::fs::rename(&name, path);
        if placed.is_err() {
            let _ = std::fs::remove_file(&name);
        }
        return placed;
    }
    let mut temp = tempfile::Builder::new().prefix(&prefix).tempfile_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    std::fs::set_permissions(temp.path(), meta.permissions())?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A file with no name in `dir`, if the system and file system allow one.
#[cfg(target_os = "linux")]
fn unnamed(dir: &Path) -> Option<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_TMPFILE | libc::O_CLOEXEC)
        .mode(0o600)
        .open(dir)
        .ok()
}

#[cfg(not(target_os = "linux"))]
fn unnamed(_dir: &Path) -> Option<std::fs::File> {
    None
}

/// Gives the unnamed `file` the name `name` (which must not exist).
#[cfg(target_os = "linux")]
fn link_unnamed(file: &std::fs::File, name: &Path) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    use std::os::unix::ffi::OsStrExt;
    let from = std::ffi::CString::new(format!("/proc/self/fd/{}", file.as_raw_fd()))
        .map_err(std::io::Error::other)?;
    let to = std::ffi::CString::new(name.as_os_str().as_bytes()).map_err(std::io::Error::other)?;
    // SAFETY: two valid NUL-terminated paths; no memory of ours is touched.
    let done = unsafe {
        libc::linkat(
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            libc::AT_SYMLINK_FOLLOW,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn link_unnamed(_file: &std::fs::File, _name: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Removes the temporary files a killed `cxc fmt` left in `dir`: regular
/// files named `.cxc-fmt-PID-…`, owned by this user, whose process is gone.
/// Nothing else is touched.
pub fn remove_stale(dir: &Path) {
    use std::os::unix::fs::MetadataExt;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    // SAFETY: geteuid cannot fail and touches no memory.
    let me = unsafe { libc::geteuid() };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMP_PREFIX))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let gone = pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists();
        let ours = std::fs::symlink_metadata(entry.path())
            .is_ok_and(|m| m.file_type().is_file() && m.uid() == me);
        if gone && ours {
            let _ = std::fs::remove_file(entry.path());
        }
    }
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
