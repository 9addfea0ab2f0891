//! Which files a document is checked with. Inside a workspace folder, the
//! spec it belongs to: the nearest folder at or above it with a `cxc.yaml`,
//! not above the workspace folder, else the workspace folder. Outside every
//! workspace folder, the folder of its own `cxc.yaml` if it has one. Either
//! only when that folder's tree is small: a file opened from `/` or from the
//! home folder must not make the server walk the disk. Otherwise the
//! document is checked alone: the file with what it includes from its own
//! folder, or, with nothing on disk (`untitled:`, a file not saved yet), the
//! editor's text alone.

use super::analysis::path_of;
use crate::loader::CONFIG_FILE;
use lsp_types::Url;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The most entries (files and folders) a folder's tree may hold to be read
/// whole on each edit; a spec has tens of files.
pub(crate) const MAX_ENTRIES: usize = 10_000;

/// What a document is checked with; also what its diagnostics were
/// published for, so that they can be cleared.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Scope {
    /// Every `.cx` file under this folder, the editor's buffers in place of
    /// theirs (unsaved new ones included).
    Folder(PathBuf),
    /// This file and what it includes, read from its folder.
    File(PathBuf),
    /// The editor's text of this document alone.
    Buffer(Url),
}

pub(crate) struct Scopes {
    /// The editor's workspace folders, canonical.
    folders: Vec<PathBuf>,
    /// Whether a folder's tree is small, until files change.
    small: HashMap<PathBuf, bool>,
    limit: usize,
}

impl Scopes {
    pub(crate) fn new(folders: Vec<PathBuf>) -> Scopes {
        Scopes::with_limit(folders, MAX_ENTRIES)
    }

    pub(crate) fn with_limit(folders: Vec<PathBuf>, limit: usize) -> Scopes {
        Scopes {
            folders,
            small: HashMap::new(),
            limit,
        }
    }

    /// Files were saved, created or deleted: folders are measured again.
    pub(crate) fn forget(&mut self) {
        self.small.clear();
    }

    pub(crate) fn in_workspace(&self, path: &Path) -> bool {
        self.folders.iter().any(|f| path.starts_with(f))
    }

    /// The scope of the document `uri`.
    pub(crate) fn of(&mut self, uri: &Url) -> Scope {
        let Some(path) = path_of(uri) else {
            return Scope::Buffer(uri.clone());
        };
        match self.spec_folder(&path) {
            Some(folder) if self.is_small(&folder) => Scope::Folder(folder),
            _ => alone(uri),
        }
    }

    /// The nearest folder at or above `file` with a `cxc.yaml`, or the
    /// workspace folder holding it, whichever comes first.
    fn spec_folder(&self, file: &Path) -> Option<PathBuf> {
        file.parent()?
            .ancestors()
            .find(|dir| dir.join(CONFIG_FILE).is_file() || self.folders.iter().any(|f| f == dir))
            .map(Path::to_path_buf)
    }

    fn is_small(&mut self, folder: &Path) -> bool {
        let limit = self.limit;
        *self
            .small
            .entry(folder.to_path_buf())
            .or_insert_with(|| holds_at_most(folder, limit))
    }
}

/// The document checked alone: its file when there is one on disk.
pub(crate) fn alone(uri: &Url) -> Scope {
    match path_of(uri) {
        Some(path) if path.is_file() => Scope::File(path),
        _ => Scope::Buffer(uri.clone()),
    }
}

/// Whether the tree under `dir` has at most `limit` entries, counted as the
/// loader walks it (hidden folders and links to folders not entered); the
/// count stops at the limit, so a huge tree costs no more than a small one.
fn holds_at_most(dir: &Path, limit: usize) -> bool {
    let mut seen = 0;
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        // An unreadable folder is the loader's to report.
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            seen += 1;
            if seen > limit {
                return false;
            }
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if !hidden && entry.file_type().is_ok_and(|t| t.is_dir()) {
                pending.push(entry.path());
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(path: &Path) -> Url {
        Url::from_file_path(path).unwrap()
    }

    #[test]
    fn a_document_is_checked_with_its_spec_only_when_that_is_small() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let write = |path: &str| {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "").unwrap();
            path
        };
        let workspace = root.join("work");
        let inside = write("work/spec/a.cx");
        write("work/spec/cxc.yaml");
        let loose = write("work/notes/b.cx");
        let small = write("small/cxc.yaml").with_file_name("c.cx");
        std::fs::write(&small, "").unwrap();
        for i in 0..5 {
            write(&format!("big/d{i}/x.cx"));
        }
        write("big/cxc.yaml");
        let big = write("big/e.cx");
        let home = write("home/f.cx");
        let unsaved = root.join("work/spec/new.cx");

        let mut scopes = Scopes::with_limit(vec![workspace.clone()], 8);
        let mut scope = |p: &Path| scopes.of(&url(p));
        assert_eq!(scope(&inside), Scope::Folder(root.join("work/spec")));
        assert_eq!(scope(&loose), Scope::Folder(workspace.clone()));
        assert_eq!(scope(&small), Scope::Folder(root.join("small")));
        assert_eq!(scope(&big), Scope::File(big.clone()), "over the limit");
        assert_eq!(scope(&home), Scope::File(home.clone()), "no spec root");
        assert_eq!(scope(&unsaved), Scope::Folder(root.join("work/spec")));
        let gone = root.join("home/new.cx");
        assert_eq!(scope(&gone), Scope::Buffer(url(&gone)));
        let untitled = Url::parse("untitled:Untitled-1").unwrap();
        assert_eq!(scopes.of(&untitled), Scope::Buffer(untitled.clone()));
        assert!(scopes.in_workspace(&inside) && !scopes.in_workspace(&home));
    }

    #[test]
    fn counting_stops_at_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..10 {
            std::fs::create_dir_all(dir.path().join(format!("a{i}/b"))).unwrap();
        }
        std::fs::create_dir_all(dir.path().join(".git/objects/x/y/z")).unwrap();
        assert!(holds_at_most(dir.path(), 21), "10 + 10 + .git");
        assert!(!holds_at_most(dir.path(), 20));
    }
}
