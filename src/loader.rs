//! Finding, reading and parsing the files of a spec, following `include`.
//!
//! A spec is every `*.cx` file under the given paths plus everything they
//! include. Each file is read once, however many times it is named. Problems
//! with the text are diagnostics; problems with the machine (a path that does
//! not exist, a file that cannot be read) are a [`LoadError`]: exit status 2.

use crate::diagnostic::{Code, Diagnostic};
use crate::source::{FileId, SourceFile, SourceMap, Span};
use crate::syntax::{self, ast};
use std::collections::HashMap;
use std::fmt;
use std::path::{Component, Path, PathBuf};

/// The parsed files of one spec.
#[derive(Debug, Default)]
pub struct Workspace {
    pub sources: SourceMap,
    /// Parsed files in a stable order: command-line order, directories sorted,
    /// each included file after the file that includes it.
    pub files: Vec<(FileId, ast::File)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The compiler could not run: exit status 2.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

/// Loads the spec under `paths` (the current directory when empty).
pub fn load(paths: &[PathBuf]) -> Result<Workspace, LoadError> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() { &default[..] } else { paths };
    let mut loader = Loader::default();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| LoadError {
            path: path.clone(),
            reason: io_reason(&e),
        })?;
        if meta.is_dir() {
            for file in find_cx_files(path)? {
                loader.load_root(&file)?;
            }
        } else {
            loader.load_root(path)?;
        }
    }
    loader.report_include_cycles();
    Ok(loader.workspace)
}

/// Parses one text as a whole spec; for tests and tools that hold text in memory.
pub fn load_text(name: &str, text: &str) -> Workspace {
    let mut loader = Loader::default();
    let id = loader.workspace.sources.add(SourceFile::new(
        PathBuf::from(name),
        name.to_string(),
        text.to_string(),
    ));
    let (file, diagnostics) = syntax::parse(id, text);
    loader.workspace.diagnostics.extend(diagnostics);
    loader.workspace.files.push((id, file));
    loader.workspace
}

#[derive(Default)]
struct Loader {
    workspace: Workspace,
    /// Canonical path → file, so a file reached twice is read once.
    by_path: HashMap<PathBuf, FileId>,
    /// Include edges: (including file, include statement, canonical target path).
    includes: Vec<(FileId, Span, PathBuf)>,
}

impl Loader {
    fn load_root(&mut self, path: &Path) -> Result<(), LoadError> {
        let name = display_name(path);
        self.load_file(path, name).map(|_| ())
    }

    /// Loads a file and, depth-first with an explicit stack, what it includes.
    fn load_file(&mut self, path: &Path, name: String) -> Result<FileId, LoadError> {
        let mut stack = vec![(path.to_path_buf(), name)];
        let mut first = None;
        while let Some((path, name)) = stack.pop() {
            let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if let Some(&id) = self.by_path.get(&key) {
                first.get_or_insert(id);
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|e| LoadError {
                path: path.clone(),
                reason: io_reason(&e),
            })?;
            let (text, encoding_error) = decode(bytes);
            let id = self
                .workspace
                .sources
                .add(SourceFile::new(path.clone(), name.clone(), text));
            self.by_path.insert(key, id);
            first.get_or_insert(id);
            if let Some(at) = encoding_error {
                self.workspace.diagnostics.push(
                    Diagnostic::new(
                        Code::Syntax,
                        Span::new(id, at, at + 1),
                        "this file is not valid UTF-8 text",
                    )
                    .help("save the file as UTF-8 (in most editors: Save As → Encoding → UTF-8)"),
                );
                self.workspace.files.push((id, ast::File::default()));
                continue;
            }
            let text = &self.workspace.sources.get(id).text;
            let (file, diagnostics) = syntax::parse(id, text);
            self.workspace.diagnostics.extend(diagnostics);
            // Push in reverse so includes load in the order they are written.
            for include in file.includes.iter().rev() {
                match self.resolve_include(&path, &name, include, id) {
                    Some(target) => stack.push(target),
                    None => continue,
                }
            }
            self.workspace.files.push((id, file));
        }
        Ok(first.expect("at least one file was loaded"))
    }

    /// Checks an include; returns the file to load, or reports it missing.
    fn resolve_include(
        &mut self,
        from: &Path,
        from_name: &str,
        include: &ast::Spanned<String>,
        from_id: FileId,
    ) -> Option<(PathBuf, String)> {
        let base = from.parent().unwrap_or(Path::new(""));
        let target = base.join(&include.value);
        let name = normalize(&Path::new(from_name).parent().unwrap_or(Path::new("")).join(&include.value));
        if !target.is_file() {
            let what = if target.is_dir() { "is a folder, not a file" } else { "does not exist" };
            self.workspace.diagnostics.push(
                Diagnostic::new(
                    Code::IncludeCycle,
                    include.span,
                    format!("the included file `{name}` {what}"),
                )
                .help("include paths are relative to the file that includes them; check the spelling and the folder"),
            );
            return None;
        }
        let key = std::fs::canonicalize(&target).unwrap_or_else(|_| target.clone());
        self.includes.push((from_id, include.span, key));
        Some((target, name))
    }

    /// Reports every circle of includes once, at the include that closes it.
    /// Iterative depth-first search: include chains can be long.
    fn report_include_cycles(&mut self) {
        let count = self.workspace.files.len();
        let mut edges: Vec<Vec<(Span, FileId)>> = vec![Vec::new(); count];
        for (from, span, key) in &self.includes {
            if let Some(&to) = self.by_path.get(key) {
                edges[from.0 as usize].push((*span, to));
            }
        }
        #[derive(Clone, Copy, PartialEq)]
        enum State {
            New,
            OnStack,
            Done,
        }
        let mut state = vec![State::New; count];
        let mut found = Vec::new();
        for root in 0..count {
            if state[root] != State::New {
                continue;
            }
            let mut stack = vec![(root, 0usize)];
            state[root] = State::OnStack;
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                if let Some(&(span, to)) = edges[node].get(*next) {
                    *next += 1;
                    let to = to.0 as usize;
                    match state[to] {
                        State::New => {
                            state[to] = State::OnStack;
                            stack.push((to, 0));
                        }
                        State::OnStack => {
                            let start = stack.iter().position(|&(n, _)| n == to).unwrap_or(0);
                            let circle: Vec<usize> = stack[start..].iter().map(|&(n, _)| n).collect();
                            found.push((span, circle));
                        }
                        State::Done => {}
                    }
                } else {
                    state[node] = State::Done;
                    stack.pop();
                }
            }
        }
        for (span, circle) in found {
            let names: Vec<&str> = circle
                .iter()
                .chain(circle.first())
                .map(|&i| self.workspace.sources.get(FileId(i as u32)).name.as_str())
                .collect();
            let message = if circle.len() == 1 {
                format!("`{}` includes itself", names[0])
            } else {
                format!("files include each other in a circle: {}", names.join(" → "))
            };
            self.workspace.diagnostics.push(
                Diagnostic::new(Code::IncludeCycle, span, message)
                    .help("remove one of these includes; a file needs to be included only once, and `cxc check DIR` already reads every .cx file in DIR"),
            );
        }
    }
}

/// Decodes UTF-8; on failure keeps a readable copy and the offset of the first bad byte.
fn decode(bytes: Vec<u8>) -> (String, Option<usize>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
        }
    }
}

/// Every `*.cx` file under `dir`, sorted, skipping hidden folders and not
/// following symbolic links to folders (which could loop).
fn find_cx_files(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| LoadError {
            path: dir.clone(),
            reason: io_reason(&e),
        })?;
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.file_name());
        let mut subdirs = Vec::new();
        for entry in entries {
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                if !hidden {
                    subdirs.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "cx") && !hidden && path.is_file() {
                found.push(path);
            }
        }
        pending.extend(subdirs.into_iter().rev());
    }
    found.sort();
    Ok(found)
}

/// The path as the user should see it: relative, with forward slashes.
fn display_name(path: &Path) -> String {
    normalize(path)
}

/// Removes `.` and folds `dir/..` so names are stable; keeps leading `..`.
fn normalize(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut absolute = false;
    for component in path.components() {
        match component {
            Component::RootDir => absolute = true,
            Component::Prefix(p) => parts.push(p.as_os_str().to_string_lossy().into_owned()),
            Component::CurDir => {}
            Component::ParentDir => {
                if parts.last().is_some_and(|p| p != "..") {
                    parts.pop();
                } else {
                    parts.push("..".into());
                }
            }
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalized() {
        assert_eq!(normalize(Path::new("./a/b/../c.cx")), "a/c.cx");
        assert_eq!(normalize(Path::new("../x.cx")), "../x.cx");
        assert_eq!(normalize(Path::new("a/./b.cx")), "a/b.cx");
    }

    #[test]
    fn invalid_utf8_is_located() {
        let (text, at) = decode(b"ab\xffcd".to_vec());
        assert_eq!(at, Some(2));
        assert!(text.starts_with("ab"));
    }
}
