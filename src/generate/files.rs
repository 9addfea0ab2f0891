//! Output files: safe names derived from identifiers, and atomic writes that
//! never leave the output folder.
//!
//! Everything is rendered in memory first; only a build that fully succeeded
//! writes. Each file goes to a temporary file beside its target and is renamed
//! over it, so a reader never sees half a file. Folders inside the output that
//! are symbolic links are refused rather than followed, and files cxc did not
//! generate are left alone.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::{Component, Path};

/// Names on Windows that are devices whatever their extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A file stem for an identifier: lower case (so `Foo` and `foo` cannot clash
/// on a case-insensitive disk), letters, digits, `_` and `-` only.
pub fn safe_stem(id: &str) -> String {
    let mut stem: String = id
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    stem = stem.trim_matches('-').chars().take(100).collect();
    if stem.is_empty() {
        stem.push_str("item");
    }
    if RESERVED.contains(&stem.as_str()) {
        stem.push('_');
    }
    stem
}

/// Hands out unique stems: the second `foo` (or `Foo`) becomes `foo-2`.
#[derive(Default)]
pub struct Stems {
    used: HashSet<String>,
}

impl Stems {
    pub fn unique(&mut self, id: &str) -> String {
        let base = safe_stem(id);
        let mut candidate = base.clone();
        let mut n = 1;
        while !self.used.insert(candidate.clone()) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        candidate
    }
}

/// Writes `files` (paths relative to `out`, `/`-separated) under `out`.
pub fn write(out: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<(), String> {
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for (relative, bytes) in files {
        let path = Path::new(relative);
        if !path.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(format!(
                "refusing to write outside the output folder: {relative}"
            ));
        }
        let mut folder = out.to_path_buf();
        if let Some(parent) = path.parent() {
            for part in parent.components() {
                folder.push(part);
                match std::fs::symlink_metadata(&folder) {
                    Ok(meta) if meta.is_dir() => {}
                    Ok(_) => {
                        return Err(format!(
                        "{} is not a folder (or is a symbolic link); cxc will not write through it",
                        folder.display()
                    ))
                    }
                    Err(_) => std::fs::create_dir(&folder)
                        .map_err(|e| format!("cannot create {}: {e}", folder.display()))?,
                }
            }
        }
        let target = out.join(path);
        if std::fs::read(&target).is_ok_and(|old| &old == bytes) {
            continue;
        }
        let mut temp = tempfile::Builder::new()
            .prefix(".cxc-")
            .tempfile_in(&folder)
            .map_err(|e| format!("cannot write in {}: {e}", folder.display()))?;
        temp.write_all(bytes)
            .and_then(|_| temp.flush())
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        temp.persist(&target)
            .map_err(|e| format!("cannot write {}: {}", target.display(), e.error))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe_and_unique() {
        assert_eq!(safe_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(safe_stem("CON"), "con_");
        assert_eq!(safe_stem("Замер"), "замер");
        assert_eq!(safe_stem("..."), "item");
        let mut stems = Stems::default();
        assert_eq!(stems.unique("Foo"), "foo");
        assert_eq!(stems.unique("foo"), "foo-2");
        assert_eq!(stems.unique("foo-2"), "foo-2-2");
    }

    #[test]
    fn writes_replace_files_and_keep_others() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("mine.txt"), "keep").unwrap();
        let mut files = BTreeMap::new();
        files.insert("a/b.md".to_string(), b"one".to_vec());
        write(dir.path(), &files).unwrap();
        files.insert("a/b.md".to_string(), b"two".to_vec());
        write(dir.path(), &files).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a/b.md")).unwrap(),
            "two"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("mine.txt")).unwrap(),
            "keep"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("a")).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary files remain");
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_folders_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("policy")).unwrap();
        let mut files = BTreeMap::new();
        files.insert("policy/x.md".to_string(), b"x".to_vec());
        assert!(write(dir.path(), &files).is_err());
        assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
        files.clear();
        files.insert("../x.md".to_string(), b"x".to_vec());
        assert!(write(dir.path(), &files).is_err());
    }
}
