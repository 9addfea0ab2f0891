//! Finding, reading and parsing the files of a spec, following `include`.
//!
//! A spec is every `*.cx` file under the given paths plus everything they
//! include. Each file is read once, however many times it is named. Problems
//! with the text are diagnostics; problems with the machine (a path that does
//! not exist, a file that cannot be read) are a [`LoadError`]: exit status 2.
//!
//! Specs arrive in pull requests from people the CI does not trust, so every
//! read goes through [`read::Root`]: nothing outside the folder given on the
//! command line (or, for a file, the folder holding it) is read, whatever an
//! `include` or a symbolic link says; only regular files; never more than
//! `limits.file_size` bytes. A spec's `cxc.yaml` is read first, for that limit.

pub(crate) mod lines;
pub mod read;
pub mod watch;

use crate::config::{self, Config};
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Message;
use crate::msg;
use crate::source::{FileId, FileKind, SourceFile, SourceMap, Span};
use crate::syntax::{self, ast};
use read::{Limits, ReadError, Root, DEFAULT_FILE_LIMIT};
use std::collections::HashMap;
use std::fmt;
use std::path::{Component, Path, PathBuf};

/// Everything read in one run: the sources and one or more specs.
#[derive(Debug, Default)]
pub struct Workspace {
    pub sources: SourceMap,
    pub specs: Vec<Spec>,
    /// Problems with the text (syntax, encoding, includes, configs).
    pub diagnostics: Vec<Diagnostic>,
    /// The folders files were read from; see [`Workspace::root_of`].
    pub roots: Vec<Root>,
    root_of: HashMap<FileId, usize>,
}

impl Workspace {
    /// The folder a spec file may read from (its forecasts, its includes).
    pub fn root_of(&self, file: FileId) -> Option<&Root> {
        self.root_of.get(&file).map(|&i| &self.roots[i])
    }
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
    /// The spec's `cxc.yaml` (or `--config`).
    pub config: Config,
}

/// The name of the project file that marks a spec's root folder.
pub const CONFIG_FILE: &str = "cxc.yaml";

/// The compiler could not run: exit status 2.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub reason: Message,
    /// Whether the spec's own files caused it (a `.cx` or `cxc.yaml` found
    /// in its folder that links out, is too large or is not a regular
    /// file), not a path on the command line: a pull request can do this,
    /// so it is also a finding, `cannot-load` (see [`LoadError::diagnostic`]).
    pub in_spec: bool,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(crate::syntax::values::Language::En))
    }
}

impl LoadError {
    fn new(path: &Path, reason: impl Into<Message>) -> LoadError {
        LoadError {
            path: path.to_path_buf(),
            reason: reason.into(),
            in_spec: false,
        }
    }

    /// A [`LoadError`] the spec's own files caused.
    fn in_spec(path: &Path, reason: impl Into<Message>) -> LoadError {
        LoadError {
            in_spec: true,
            ..LoadError::new(path, reason)
        }
    }

    /// For an error the spec's files caused: a `cannot-load` finding at the
    /// start of the file, with the sources it points into (that file, its
    /// text unread), so every output format can carry it.
    pub fn diagnostic(&self) -> Option<(SourceMap, Diagnostic)> {
        if !self.in_spec {
            return None;
        }
        let mut sources = SourceMap::default();
        let name = shown_name(&self.path);
        let id = sources.add(SourceFile::with_kind(
            PathBuf::from(&name),
            name.clone(),
            String::new(),
            FileKind::Opaque,
        ));
        let message = msg!("cannot-load", file = name, reason = self.reason.clone());
        let diagnostic = Diagnostic::new(Code::CannotLoad, Span::new(id, 0, 0), message)
            .help(msg!("cannot-load-help"));
        Some((sources, diagnostic))
    }

    /// "examples/x: no such file or folder", in `language`.
    pub fn text(&self, language: crate::syntax::values::Language) -> String {
        format!("{}: {}", shown_name(&self.path), self.reason.text(language))
    }
}

/// One group of files that form a spec, before anything is read.
struct Group {
    /// The folder holding its cxc.yaml.
    config_dir: Option<PathBuf>,
    /// Each file with the root (index into `roots`) it may read from.
    files: Vec<(PathBuf, usize)>,
}

/// Loads the spec under `paths` (the current directory when empty). `config`
/// replaces every spec's own `cxc.yaml` when given.
pub fn load(paths: &[PathBuf], config: Option<&Path>) -> Result<Workspace, LoadError> {
    load_with(paths, config, &Overlays::default())
}

/// Texts that replace what is on disk, by canonical path: the unsaved
/// buffers of an editor (`cxc lsp`).
pub type Overlays = HashMap<PathBuf, String>;

/// [`load`], reading the files in `overlays` from there instead of the disk.
pub fn load_with(
    paths: &[PathBuf],
    config: Option<&Path>,
    overlays: &Overlays,
) -> Result<Workspace, LoadError> {
    load_within(paths, config, overlays, &Limits::default())
}

/// [`load_with`] under the run's `limits` (the command line's), which each
/// spec's cxc.yaml may lower.
pub fn load_within(
    paths: &[PathBuf],
    config: Option<&Path>,
    overlays: &Overlays,
    limits: &Limits,
) -> Result<Workspace, LoadError> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut workspace = Workspace::default();
    // Files go to the spec of the nearest folder with a cxc.yaml; the rest,
    // including files named directly, form one spec together.
    let mut groups: Vec<Group> = vec![Group {
        config_dir: None,
        files: Vec::new(),
    }];
    for path in paths {
        let meta = named(path)?;
        let dir = if meta.is_dir() {
            path.clone()
        } else {
            parent_or_dot(path).to_path_buf()
        };
        let root = Root::new(&dir).map_err(|e| LoadError::new(&dir, e))?;
        workspace.roots.push(root);
        let root = workspace.roots.len() - 1;
        if meta.is_dir() {
            let mut found = find_cx_files(path)?;
            found.extend(unsaved_under(path, overlays));
            found.sort_by(|a, b| a.1.cmp(&b.1));
            if found.is_empty() {
                return Err(LoadError::new(path, msg!("no-cx-files")));
            }
            for (config_dir, file) in found {
                match groups.iter_mut().find(|g| g.config_dir == config_dir) {
                    Some(group) => group.files.push((file, root)),
                    None => groups.push(Group {
                        config_dir,
                        files: vec![(file, root)],
                    }),
                }
            }
        } else {
            groups[0].files.push((path.clone(), root));
        }
    }
    if groups[0].files.is_empty() && groups.len() > 1 {
        groups.remove(0);
    } else if let Some((file, _)) = groups[0].files.first() {
        // Files named one by one take the cxc.yaml beside the first of them.
        let dir = parent_or_dot(file);
        if has_config(dir) {
            groups[0].config_dir = Some(dir.to_path_buf());
        }
    }
    for group in groups {
        let spec_config = match (config, &group.config_dir) {
            (Some(path), _) => Some(read_config(&mut workspace, path, None, limits)?),
            (None, Some(dir)) => {
                let root = group.files.first().map(|(_, r)| *r);
                Some(read_config(
                    &mut workspace,
                    &dir.join(CONFIG_FILE),
                    root,
                    limits,
                )?)
            }
            (None, None) => None,
        };
        let mut loader = Loader {
            workspace: &mut workspace,
            spec: Spec {
                root: group.config_dir,
                files: Vec::new(),
                config: spec_config.unwrap_or_default().within(limits),
            },
            by_path: HashMap::new(),
            includes: Vec::new(),
            overlays,
        };
        for (file, root) in &group.files {
            loader.load_root(file, *root)?;
        }
        loader.report_include_cycles();
        let spec = loader.spec;
        workspace.specs.push(spec);
    }
    Ok(workspace)
}

/// The `.cx` files under `paths` (the current folder when empty), each with
/// the root it was found from, without reading them: for `cxc fmt`, which
/// works file by file. A folder with no `.cx` file is an error, as for `load`.
pub fn cx_files(paths: &[PathBuf]) -> Result<Vec<(PathBuf, Root)>, LoadError> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut files = Vec::new();
    for path in paths {
        let meta = named(path)?;
        if meta.is_dir() {
            let root = Root::new(path).map_err(|e| LoadError::new(path, e))?;
            let found = find_cx_files(path)?;
            if found.is_empty() {
                return Err(LoadError::new(path, msg!("no-cx-files")));
            }
            files.extend(found.into_iter().map(|(_, file)| (file, root.clone())));
        } else {
            let dir = parent_or_dot(path);
            let root = Root::new(dir).map_err(|e| LoadError::new(dir, e))?;
            files.push((path.clone(), root));
        }
    }
    Ok(files)
}

/// A path named on the command line, checked (see [`read::check_named`]).
fn named(path: &Path) -> Result<std::fs::Metadata, LoadError> {
    read::check_named(path).map_err(|e| LoadError::new(path, e))?;
    std::fs::metadata(path).map_err(|e| LoadError::new(path, read::io_error(&e)))
}

/// Whether `dir` holds a `cxc.yaml` of any kind: one that is a pipe, a
/// folder or a link to a device is the spec's config too, and reading it
/// fails with `cannot-load` instead of the spec going on without it.
fn has_config(dir: &Path) -> bool {
    dir.join(CONFIG_FILE).symlink_metadata().is_ok()
}

fn parent_or_dot(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Reads and parses a config: a spec's own (inside its root) or `--config`.
fn read_config(
    workspace: &mut Workspace,
    path: &Path,
    root: Option<usize>,
    limits: &Limits,
) -> Result<Config, LoadError> {
    let limit = limits.file_size;
    let bytes = match root {
        Some(r) => workspace.roots[r]
            .read(path, limit)
            .map_err(|e| LoadError::in_spec(path, e)),
        None => read::check_named(path)
            .and_then(|_| read::read_trusted(path, limit))
            .map_err(|e| LoadError::new(path, e)),
    }?;
    let (text, _) = decode(bytes);
    let id = workspace.sources.add(SourceFile::with_kind(
        path.to_path_buf(),
        display_name(path),
        text,
        FileKind::Opaque,
    ));
    let (config, problems) = config::parse(id, &workspace.sources);
    workspace.diagnostics.extend(problems);
    Ok(config)
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
        config: Config::default(),
    });
    workspace
}

pub(crate) fn not_utf8(file: FileId, at: usize) -> Diagnostic {
    Diagnostic::new(Code::Syntax, Span::new(file, at, at + 1), msg!("not-utf8"))
        .help(msg!("not-utf8-help"))
}

struct Loader<'w> {
    workspace: &'w mut Workspace,
    spec: Spec,
    /// Canonical path → file, so a file reached twice is read once.
    by_path: HashMap<PathBuf, FileId>,
    /// Include edges: (including file, include statement, canonical target path).
    includes: Vec<(FileId, Span, PathBuf)>,
    overlays: &'w Overlays,
}

impl Loader<'_> {
    fn limit(&self) -> u64 {
        // Set by `Config::within`: never above the run's limit.
        self.spec.config.file_limit.unwrap_or(DEFAULT_FILE_LIMIT)
    }

    /// Loads a file and, depth-first with an explicit stack, what it includes.
    fn load_root(&mut self, path: &Path, root: usize) -> Result<(), LoadError> {
        let mut stack = vec![(path.to_path_buf(), display_name(path))];
        while let Some((path, name)) = stack.pop() {
            // A file is what its canonical path names, never its spelling:
            // an include that spells the including file anew cannot make it
            // load again.
            let root_dir = &self.workspace.roots[root];
            let key = match root_dir.resolve(&path) {
                Ok(key) => key,
                // An editor's buffer not saved yet, in a folder inside the
                // root (`Missing` says the folder is there and inside): the
                // overlay is keyed by that folder's canonical path.
                Err(ReadError::Missing) if self.overlays.contains_key(&canonical(&path)) => {
                    canonical(&path)
                }
                Err(e) => return Err(LoadError::in_spec(&path, e)),
            };
            if self.by_path.contains_key(&key) {
                continue;
            }
            let bytes = match self.overlays.get(&key) {
                Some(text) => text.clone().into_bytes(),
                None => root_dir
                    .read(&key, self.limit())
                    .map_err(|e| LoadError::in_spec(&path, e))?,
            };
            let (text, encoding_error) = decode(bytes);
            let id = self
                .workspace
                .sources
                .add(SourceFile::new(path.clone(), name.clone(), text));
            self.workspace.root_of.insert(id, root);
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
                if let Some(target) = self.resolve_include(&path, &name, include, id, root) {
                    stack.push(target);
                }
            }
            self.spec.files.push((id, file));
        }
        Ok(())
    }

    /// Checks an include; returns the file to load, or reports why it cannot be.
    fn resolve_include(
        &mut self,
        from: &Path,
        from_name: &str,
        include: &ast::Spanned<String>,
        from_id: FileId,
        root: usize,
    ) -> Option<(PathBuf, String)> {
        let base = from.parent().unwrap_or(Path::new(""));
        let target = base.join(&include.value);
        let name = normalize(
            &Path::new(from_name)
                .parent()
                .unwrap_or(Path::new(""))
                .join(&include.value),
        );
        // Open it once to learn whether it may be read; the loader reads it
        // again by the same path (and the same rules) when it gets to it.
        let opened = self.workspace.roots[root]
            .resolve(&target)
            .and_then(|key| read::open_regular(&key, self.limit()).map(|_| key));
        let key = match opened {
            Ok(key) => key,
            Err(e) => {
                let file = name.as_str();
                let message = match e {
                    ReadError::Missing => msg!("include-missing", file = file),
                    ReadError::NoFolder { folder } => {
                        msg!("include-no-folder", file = file, folder = folder)
                    }
                    ReadError::Outside { root } => {
                        msg!("include-outside", file = file, root = root)
                    }
                    e => msg!("include-unreadable", file = file, reason = e.message()),
                };
                self.workspace.diagnostics.push(
                    Diagnostic::new(Code::IncludeCycle, include.span, message)
                        .help(msg!("include-missing-help")),
                );
                return None;
            }
        };
        self.includes.push((from_id, include.span, key));
        Some((target, name))
    }

    /// Reports every circle of includes once: one finding per group of files
    /// that include each other (a strongly connected component), at the
    /// first include inside it, naming a few of its files.
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
        let mut edges = Vec::new();
        let mut spans = Vec::new();
        for (from, span, key) in &self.includes {
            let to = self.by_path.get(key).and_then(|id| position.get(id));
            if let (Some(&from), Some(&to)) = (position.get(from), to) {
                edges.push((from, to));
                spans.push((from, to, *span));
            }
        }
        let graph = crate::base::graph::graph_of(count, edges);
        let components = crate::base::graph::components(&graph);
        let mut component_of = vec![0; count];
        for (c, members) in components.iter().enumerate() {
            for &m in members {
                component_of[m] = c;
            }
        }
        let mut first_span: Vec<Option<Span>> = vec![None; components.len()];
        for &(from, to, span) in &spans {
            if component_of[from] == component_of[to] {
                let slot = &mut first_span[component_of[from]];
                *slot = Some(slot.map_or(span, |s: Span| s.min(span)));
            }
        }
        const SHOWN: usize = 8;
        for (c, circle) in components.iter().enumerate() {
            let Some(span) = first_span[c] else { continue };
            if !crate::base::graph::is_cycle(&graph, circle) {
                continue;
            }
            let name = |i: usize| {
                self.workspace
                    .sources
                    .get(self.spec.files[i].0)
                    .name
                    .clone()
            };
            let message = if circle.len() == 1 {
                msg!("includes-itself", file = name(circle[0]))
            } else {
                let mut names: Vec<String> = circle
                    .iter()
                    .take(SHOWN)
                    .map(|&i| format!("`{}`", name(i)))
                    .collect();
                if circle.len() > SHOWN {
                    names.push(format!("+{}", circle.len() - SHOWN));
                }
                msg!(
                    "include-cycle",
                    count = circle.len(),
                    files = names.join(", ")
                )
            };
            self.workspace.diagnostics.push(
                Diagnostic::new(Code::IncludeCycle, span, message).help(msg!("include-cycle-help")),
            );
        }
    }
}

/// Decodes UTF-8; on failure keeps a readable copy and the offset of the first bad byte.
pub(crate) fn decode(bytes: Vec<u8>) -> (String, Option<usize>) {
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
    let top = dir;
    let mut found = Vec::new();
    let mut pending = vec![(None, dir.to_path_buf())];
    while let Some((root, dir)) = pending.pop() {
        let root = if has_config(&dir) {
            Some(dir.clone())
        } else {
            root
        };
        // A folder inside the spec's is the spec's own: one that cannot be
        // read (nested past the system's path limit) is `cannot-load`.
        let entries = std::fs::read_dir(&dir).map_err(|e| match dir == top {
            true => LoadError::new(&dir, read::io_error(&e)),
            false => LoadError::in_spec(&dir, read::io_error(&e)),
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
            } else if path.extension().is_some_and(|e| e == "cx") && !hidden {
                found.push((root.clone(), path));
            }
        }
        pending.extend(subdirs.into_iter().rev());
    }
    found.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(found)
}

/// The buffers in `overlays` under `dir` that are not on disk yet (a file an
/// editor created and has not saved), as [`find_cx_files`] would find them
/// there: with the spec root each would belong to, hidden ones skipped.
fn unsaved_under(dir: &Path, overlays: &Overlays) -> Vec<(Option<PathBuf>, PathBuf)> {
    let Ok(base) = std::fs::canonicalize(dir) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for path in overlays.keys() {
        let Ok(relative) = path.strip_prefix(&base) else {
            continue;
        };
        let hidden = relative
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        let on_disk = path.symlink_metadata().is_ok();
        if hidden || on_disk || path.extension().is_none_or(|e| e != "cx") {
            continue;
        }
        let file = dir.join(relative);
        let root = file
            .ancestors()
            .skip(1)
            .take_while(|d| d.starts_with(dir))
            .find(|d| has_config(d))
            .map(Path::to_path_buf);
        found.push((root, file));
    }
    found
}

/// The key of a file read (and of an editor's buffer in [`Overlays`]): its
/// canonical path, or for one not on disk yet, its canonical folder's.
pub fn canonical(path: &Path) -> PathBuf {
    if let Ok(canonical) = std::fs::canonicalize(path) {
        return canonical;
    }
    match (path.parent().map(std::fs::canonicalize), path.file_name()) {
        (Some(Ok(folder)), Some(name)) => folder.join(name),
        _ => path.to_path_buf(),
    }
}

/// The path as the user should see it: relative, with forward slashes.
pub fn display_name(path: &Path) -> String {
    normalize(path)
}

/// Past this many characters a path in a message is cut short.
const SHOWN_PATH: usize = 160;

/// A path as a message about it shows it: [`display_name`], or, when
/// longer than [`SHOWN_PATH`] (a folder nested thousands deep), its first
/// and last components with `…` between.
pub fn shown_name(path: &Path) -> String {
    let name = display_name(path);
    if name.chars().count() <= SHOWN_PATH {
        return name;
    }
    let parts: Vec<&str> = name.split('/').filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        [first, .., last] if parts.len() > 2 => {
            let root = if name.starts_with('/') { "/" } else { "" };
            format!("{root}{first}/…/{last}")
        }
        _ => crate::escape::shorten(&name, SHOWN_PATH).into_owned(),
    }
}

/// Removes `.` and folds `dir/..` so names are stable; keeps leading `..`;
/// the current folder is `.`.
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
    } else if joined.is_empty() {
        // The current folder: never an empty name in a message.
        ".".into()
    } else {
        joined
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
        assert_eq!(normalize(Path::new(".")), ".");
        assert_eq!(normalize(Path::new("a/..")), ".");
    }

    /// An editor's new file, not saved yet, is part of the spec of the
    /// folder it is in, beside the files on disk.
    #[test]
    fn unsaved_buffers_join_the_spec_of_their_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("sub/cxc.yaml"), "").unwrap();
        std::fs::write(root.join("sub/a.cx"), "team t {}\n").unwrap();
        std::fs::write(root.join("b.cx"), "team u {}\n").unwrap();
        let overlays: Overlays = [
            (root.join("sub/new.cx"), "role r { team t }\n".to_string()),
            (
                root.join("sub/.hidden.cx"),
                "role h { team t }\n".to_string(),
            ),
            (root.join("elsewhere.txt"), String::new()),
        ]
        .into();
        let workspace = load_with(std::slice::from_ref(&root), None, &overlays).unwrap();
        let names = |spec: &Spec| -> Vec<String> {
            spec.files
                .iter()
                .map(|(id, _)| workspace.sources.get(*id).name.clone())
                .collect()
        };
        let sub = workspace
            .specs
            .iter()
            .find(|s| s.root == Some(root.join("sub")))
            .unwrap();
        let prefix = display_name(&root);
        assert_eq!(
            names(sub),
            [format!("{prefix}/sub/a.cx"), format!("{prefix}/sub/new.cx")]
        );
        assert_eq!(workspace.specs.len(), 2, "b.cx alone, and sub");
        assert!(
            workspace.diagnostics.is_empty(),
            "{:?}",
            workspace.diagnostics
        );
    }

    #[test]
    fn invalid_utf8_is_located() {
        let (text, at) = decode(b"ab\xffcd".to_vec());
        assert_eq!(at, Some(2));
        assert!(text.starts_with("ab"));
    }
}
