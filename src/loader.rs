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

/// Everything read in one run: the sources and one or more specs.
#[derive(Debug, Default)]
pub struct Workspace {
    pub sources: SourceMap,
    pub specs: Vec<Spec>,
    /// Problems with the text (syntax, encoding, includes).
    pub diagnostics: Vec<Diagnostic>,
}

/// The files of one spec. A folder with a `cxc.yaml` is a spec of its own, so
/// `cxc check examples/` checks each example separately.
#[derive(Debug, Default)]
pub struct Spec {
    /// The folder holding the spec's `cxc.yaml`, if it has one.
    pub root: Option<PathBuf>,
    /// Parsed files in a stable order: command-line order, directories sorted,
    /// each included file after the file that includes it.
    pub files: Vec<(FileId, ast::File)>,
}

/// The name of the project file that marks a spec's root folder.
pub const CONFIG_FILE: &str = "cxc.yaml";

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
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    // Files go to the spec of the nearest folder with a cxc.yaml; the rest,
    // including files named directly, form one spec together.
    let mut groups: Vec<(Option<PathBuf>, Vec<PathBuf>)> = vec![(None, Vec::new())];
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| LoadError {
            path: path.clone(),
            reason: io_reason(&e),
        })?;
        if meta.is_dir() {
            for (root, file) in find_cx_files(path)? {
                match groups.iter_mut().find(|(r, _)| *r == root) {
                    Some((_, files)) => files.push(file),
                    None => groups.push((root, vec![file])),
                }
            }
        } else {
            groups[0].1.push(path.clone());
        }
    }
    if groups[0].1.is_empty() && groups.len() > 1 {
        groups.remove(0);
    } else if let Some(dir) = groups[0].1.first().and_then(|f| f.parent()) {
        // Files named one by one take the cxc.yaml beside the first of them.
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if dir.join(CONFIG_FILE).is_file() {
            groups[0].0 = Some(dir.to_path_buf());
        }
    }
    let mut workspace = Workspace::default();
    for (root, files) in groups {
        let mut loader = Loader {
            workspace: &mut workspace,
            spec: Spec {
                root,
                files: Vec::new(),
            },
            by_path: HashMap::new(),
            includes: Vec::new(),
        };
        for file in &files {
            loader.load_root(file)?;
        }
        loader.report_include_cycles();
        let spec = loader.spec;
        workspace.specs.push(spec);
    }
    Ok(workspace)
}

/// Adds a file that is not cx source (a config, a forecast) to the sources, so
/// that diagnostics can point into it.
pub fn read_aux(workspace: &mut Workspace, path: &Path) -> Result<FileId, LoadError> {
    read_aux_into(&mut workspace.sources, path)
}

/// [`read_aux`] for a source map; a file read before is not read again.
pub fn read_aux_into(sources: &mut SourceMap, path: &Path) -> Result<FileId, LoadError> {
    if let Some(id) = sources.find(path) {
        return Ok(id);
    }
    // A device such as /dev/zero or a pipe would never end: read files only.
    if path.exists() && !path.is_file() {
        let reason = if path.is_dir() {
            "is a folder, not a file"
        } else {
            "is not a regular file"
        };
        return Err(LoadError {
            path: path.to_path_buf(),
            reason: reason.to_string(),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| LoadError {
        path: path.to_path_buf(),
        reason: io_reason(&e),
    })?;
    let (text, _) = decode(bytes);
    Ok(sources.add(SourceFile::new(
        path.to_path_buf(),
        display_name(path),
        text,
    )))
}

/// Parses one text as a whole spec; for tests and tools that hold text in memory.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Workspace {
    let mut workspace = Workspace::default();
    let (text, encoding_error) = decode(bytes.to_vec());
    let id = workspace
        .sources
        .add(SourceFile::new(PathBuf::from(name), name.to_string(), text));
    let file = match encoding_error {
        Some(at) => {
            workspace.diagnostics.push(not_utf8(id, at));
            ast::File::default()
        }
        None => {
            let (file, diagnostics) = syntax::parse(id, &workspace.sources.get(id).text);
            workspace.diagnostics.extend(diagnostics);
            file
        }
    };
    workspace.specs.push(Spec {
        root: None,
        files: vec![(id, file)],
    });
    workspace
}

fn not_utf8(file: FileId, at: usize) -> Diagnostic {
    Diagnostic::new(
        Code::Syntax,
        Span::new(file, at, at + 1),
        "this file is not valid UTF-8 text",
    )
    .help("save the file as UTF-8 (in most editors: Save As → Encoding → UTF-8)")
}

struct Loader<'w> {
    workspace: &'w mut Workspace,
    spec: Spec,
    /// Canonical path → file, so a file reached twice is read once.
    by_path: HashMap<PathBuf, FileId>,
    /// Include edges: (including file, include statement, canonical target path).
    includes: Vec<(FileId, Span, PathBuf)>,
}

impl Loader<'_> {
    /// Loads a file and, depth-first with an explicit stack, what it includes.
    fn load_root(&mut self, path: &Path) -> Result<(), LoadError> {
        let mut stack = vec![(path.to_path_buf(), display_name(path))];
        while let Some((path, name)) = stack.pop() {
            let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if self.by_path.contains_key(&key) {
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
            if let Some(at) = encoding_error {
                self.workspace.diagnostics.push(not_utf8(id, at));
                self.spec.files.push((id, ast::File::default()));
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
            self.spec.files.push((id, file));
        }
        Ok(())
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
        let name = normalize(
            &Path::new(from_name)
                .parent()
                .unwrap_or(Path::new(""))
                .join(&include.value),
        );
        if !target.is_file() {
            let what = if target.is_dir() {
                "is a folder, not a file"
            } else {
                "does not exist"
            };
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
        // Nodes are this spec's files, numbered by their position in it.
        let position: HashMap<FileId, usize> = self
            .spec
            .files
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (*id, i))
            .collect();
        let count = position.len();
        let mut edges: Vec<Vec<(Span, usize)>> = vec![Vec::new(); count];
        for (from, span, key) in &self.includes {
            let to = self.by_path.get(key).and_then(|id| position.get(id));
            if let (Some(&from), Some(&to)) = (position.get(from), to) {
                edges[from].push((*span, to));
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
                    match state[to] {
                        State::New => {
                            state[to] = State::OnStack;
                            stack.push((to, 0));
                        }
                        State::OnStack => {
                            let start = stack.iter().position(|&(n, _)| n == to).unwrap_or(0);
                            let circle: Vec<usize> =
                                stack[start..].iter().map(|&(n, _)| n).collect();
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
                .map(|&i| {
                    self.workspace
                        .sources
                        .get(self.spec.files[i].0)
                        .name
                        .as_str()
                })
                .collect();
            let message = if circle.len() == 1 {
                format!("`{}` includes itself", names[0])
            } else {
                format!(
                    "files include each other in a circle: {}",
                    names.join(" → ")
                )
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

/// Every `*.cx` file under `dir`, sorted, with the nearest folder at or below
/// `dir` that holds a `cxc.yaml` (its spec's root). Hidden folders are skipped
/// and symbolic links to folders not followed (they could loop).
fn find_cx_files(dir: &Path) -> Result<Vec<(Option<PathBuf>, PathBuf)>, LoadError> {
    let mut found = Vec::new();
    let mut pending = vec![(None, dir.to_path_buf())];
    while let Some((root, dir)) = pending.pop() {
        let root = if dir.join(CONFIG_FILE).is_file() {
            Some(dir.clone())
        } else {
            root
        };
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
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                if !hidden {
                    subdirs.push((root.clone(), path));
                }
            } else if path.extension().is_some_and(|e| e == "cx") && !hidden && path.is_file() {
                found.push((root.clone(), path));
            }
        }
        pending.extend(subdirs.into_iter().rev());
    }
    found.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(found)
}

/// The path as the user should see it: relative, with forward slashes.
pub fn display_name(path: &Path) -> String {
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
