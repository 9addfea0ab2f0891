//! Writing the output tree: after any build — failed, killed, out of disk,
//! run twice at once — the output folder is exactly the old tree or exactly
//! the new one.
//!
//! 1. The output folder is locked (`flock` on the folder itself), so a
//!    second build waits for the first.
//! 2. The new tree is written into a staging folder beside it
//!    (`.NAME.cxc-new-PID`): every generated file, the files in the folder
//!    that cxc did not write (hard-linked, so they are the same files), and
//!    a manifest (`.cxc-manifest`) naming what cxc wrote.
//! 3. One `renameat2(RENAME_EXCHANGE)` swaps the two folders atomically;
//!    the old tree, now beside, is removed.
//!
//! A file cxc did not write is never replaced: the build stops and names it
//! (unless it already holds exactly the bytes cxc writes there: then nothing
//! of it is lost). Files cxc wrote before and no longer writes (a renamed
//! role's job description) are removed, and the build says which.
//!
//! The manifest alone proves nothing (a pull request can commit one): a
//! file counts as cxc's only while it is still the very file cxc wrote, as
//! a record outside the repository says (see [`super::ownership`]). A file
//! the manifest lists that is not, is the user's: kept, and named.
//!
//! New files get the usual permissions (0666 less the
//! umask, so 0644 under 022); a file cxc rewrites keeps its old mode.
//!
//! A build killed before the swap leaves its staging folder beside the
//! output, and one killed after it leaves the old tree there; the next build
//! of the same folder removes both. Nothing is ever read from the output
//! folder but its manifest, the metadata of its entries, and a file of the
//! user's where cxc writes one (compared, only when the sizes agree).

use super::ownership;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Component, Path, PathBuf};

/// The manifest of what cxc wrote, inside the output folder.
pub const MANIFEST: &str = ".cxc-manifest";
const MANIFEST_HEADER: &str =
    "# Files written by cxc build. cxc replaces and removes only these.\n";

/// Longest file name component most file systems accept, in bytes.
pub const MAX_NAME_BYTES: usize = 255;

/// What a build changed.
#[derive(Debug, Default, PartialEq)]
pub struct Written {
    pub files: usize,
    /// Files an earlier build wrote that this one no longer does: removed.
    pub removed: Vec<String>,
    /// Files the manifest lists that cxc cannot tell it wrote (the line does
    /// not match the file): kept, though this build does not write them.
    pub kept: Vec<String>,
}

/// Writes `files` (paths relative to `out`, `/`-separated) as the new tree.
pub fn write(out: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<Written, String> {
    for relative in files.keys() {
        check_relative(relative)?;
    }
    let out = prepare(out)?;
    let _lock = Lock::acquire(&out)?;
    remove_leftovers(&out);
    let listed = ownership::manifest(&out.join(MANIFEST));
    let record = ownership::read(&out);
    let existing = Tree::scan(&out)?;
    // What cxc wrote (see `ownership`), and the user's files that already
    // hold exactly what cxc writes there.
    let trusted = ownership::trusted(&out, &listed, &record);
    let mut ours = trusted.clone();
    ours.extend(
        files
            .iter()
            .filter(|(path, bytes)| {
                existing
                    .files
                    .get(*path)
                    .is_some_and(|e| e.kind == Kind::File)
                    && ownership::holds(&out.join(path), bytes)
            })
            .map(|(path, _)| path.clone()),
    );
    existing.check_conflicts(&out, files, &ours)?;

    let staging = sibling(&out, "new");
    let result = build_staging(&staging, &out, &existing, files, &ours).and_then(|_| {
        // Until the swap, either tree may be the one in place: the record
        // holds the files of both, then of the new one alone.
        let new = ownership::of_files(&staging, files);
        let mut both: ownership::Record = record
            .iter()
            .filter(|(path, _)| trusted.contains(path))
            .cloned()
            .collect();
        both.extend(new.iter().cloned());
        ownership::write(&out, &both);
        swap(&staging, &out)?;
        ownership::write(&out, &new);
        Ok(())
    });
    if let Err(e) = result {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    // `staging` now holds the old tree.
    let _ = fs::remove_dir_all(&staging);
    let stale = |path: &&String| !files.contains_key(*path) && existing.files.contains_key(*path);
    Ok(Written {
        files: files.len(),
        removed: trusted.iter().filter(stale).cloned().collect(),
        kept: listed
            .iter()
            .filter(|p| !trusted.contains(*p))
            .filter(stale)
            .cloned()
            .collect(),
    })
}

/// A relative path cxc may write: plain names only, none too long.
fn check_relative(relative: &str) -> Result<(), String> {
    let path = Path::new(relative);
    if relative.is_empty() || !path.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(format!(
            "refusing to write outside the output folder: {relative}"
        ));
    }
    if relative.contains(['\n', '\r', '\t']) {
        return Err(format!(
            "a generated file name holds a control character: {}",
            relative.escape_debug()
        ));
    }
    if relative.split('/').any(|part| part.len() > MAX_NAME_BYTES) {
        return Err(format!("a generated file name is too long: {relative}"));
    }
    if relative == MANIFEST {
        return Err(format!(
            "{MANIFEST} is cxc's own record and cannot be generated"
        ));
    }
    Ok(())
}

/// The output folder, created if missing, as a canonical path: a folder
/// reached through a link is written where the link points, if that is
/// inside the folder cxc runs in (a checkout's `out -> /home/runner` is
/// refused) or the path was named without a link.
fn prepare(out: &Path) -> Result<PathBuf, String> {
    let shown = crate::loader::display_name(out);
    crate::loader::read::check_named(out).map_err(|e| format!("cannot use {shown}: {e}"))?;
    match fs::symlink_metadata(out) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            fs::create_dir_all(out).map_err(|e| format!("cannot create {shown}: {e}"))?;
        }
        Err(e) => return Err(format!("cannot use {shown}: {e}")),
    }
    let real = fs::canonicalize(out).map_err(|e| format!("cannot use {shown}: {e}"))?;
    if !real.is_dir() {
        return Err(format!("{shown} is not a folder"));
    }
    if real.parent().is_none() {
        return Err("cxc will not write its output to the root of the file system".into());
    }
    Ok(real)
}

/// An exclusive lock on the output folder, held until dropped.
struct Lock {
    _dir: fs::File,
}

impl Lock {
    fn acquire(out: &Path) -> Result<Lock, String> {
        use std::os::fd::AsRawFd;
        let shown = crate::loader::display_name(out);
        let mut waited = false;
        loop {
            let dir = fs::File::open(out).map_err(|e| format!("cannot open {shown}: {e}"))?;
            // SAFETY: flock on a file descriptor we own; no memory involved.
            let busy = unsafe { libc::flock(dir.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0;
            if busy {
                if !waited {
                    eprintln!("waiting for another cxc build of {shown} to finish…");
                    waited = true;
                }
                // SAFETY: as above; this call blocks until the lock is free.
                if unsafe { libc::flock(dir.as_raw_fd(), libc::LOCK_EX) } != 0 {
                    return Err(format!("cannot lock {shown}"));
                }
            }
            // The other build may have swapped a new tree in meanwhile: the
            // lock only counts if it is on the folder the path names now.
            let locked = dir.metadata().map_err(|e| e.to_string())?;
            match fs::metadata(out) {
                Ok(now) if now.ino() == locked.ino() && now.dev() == locked.dev() => {
                    return Ok(Lock { _dir: dir });
                }
                Ok(_) => continue,
                Err(_) => {
                    fs::create_dir_all(out).map_err(|e| format!("cannot create {shown}: {e}"))?;
                    continue;
                }
            }
        }
    }
}

/// `PARENT/.NAME.cxc-KIND-PID`: beside the output, on the same file system.
fn sibling(out: &Path, kind: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut short: String = name.chars().take(100).collect();
    while short.len() > 150 {
        short.pop();
    }
    out.with_file_name(format!(".{short}.cxc-{kind}-{}", std::process::id()))
}

/// Removes what killed builds of this folder left beside it.
fn remove_leftovers(out: &Path) {
    let Some(parent) = out.parent() else { return };
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let short: String = name.chars().take(100).collect();
    let prefix = format!(".{short}.cxc-new-");
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        // A build that is still running owns its staging folder.
        let alive = pid
            .parse::<u32>()
            .is_ok_and(|p| p == std::process::id() || Path::new(&format!("/proc/{p}")).exists());
        if !alive && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// What is in the output folder now, by relative path.
#[derive(Default)]
struct Tree {
    files: BTreeMap<String, Entry>,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    File,
    Dir,
    Link,
    Fifo,
    Special,
}

#[derive(Clone, Copy)]
struct Entry {
    kind: Kind,
    mode: u32,
}

impl Tree {
    /// Lists the folder without following links or opening any file.
    fn scan(out: &Path) -> Result<Tree, String> {
        use std::os::unix::fs::FileTypeExt;
        let mut tree = Tree::default();
        let mut pending = vec![(out.to_path_buf(), String::new())];
        while let Some((dir, prefix)) = pending.pop() {
            let entries = fs::read_dir(&dir)
                .map_err(|e| format!("cannot list {}: {e}", crate::loader::display_name(&dir)))?;
            for entry in entries {
                let entry = entry.map_err(|e| e.to_string())?;
                let name = entry.file_name().to_string_lossy().into_owned();
                let relative = format!("{prefix}{name}");
                let meta = entry.metadata().map_err(|e| e.to_string())?;
                let t = meta.file_type();
                let kind = if t.is_symlink() {
                    Kind::Link
                } else if t.is_dir() {
                    pending.push((entry.path(), format!("{relative}/")));
                    Kind::Dir
                } else if t.is_file() {
                    Kind::File
                } else if t.is_fifo() {
                    Kind::Fifo
                } else {
                    Kind::Special
                };
                tree.files.insert(
                    relative,
                    Entry {
                        kind,
                        mode: meta.mode() & 0o7777,
                    },
                );
            }
        }
        Ok(tree)
    }

    /// Refuses a build that would replace, or write through, something
    /// cxc did not write.
    fn check_conflicts(
        &self,
        out: &Path,
        files: &BTreeMap<String, Vec<u8>>,
        old: &BTreeSet<String>,
    ) -> Result<(), String> {
        let shown = |p: &str| crate::loader::display_name(&out.join(p));
        for relative in files.keys() {
            let mut prefix = String::new();
            let parts: Vec<&str> = relative.split('/').collect();
            for (i, part) in parts.iter().enumerate() {
                prefix.push_str(part);
                let last = i + 1 == parts.len();
                if let Some(entry) = self.files.get(&prefix) {
                    let ours = old.contains(&prefix);
                    let problem = match (last, entry.kind) {
                        (false, Kind::Dir) => None,
                        (false, _) => Some("is in the way of a folder cxc writes (it is not a folder, or it is a link)"),
                        (true, Kind::File) if ours => None,
                        (true, Kind::File) => Some("was not written by cxc, and cxc will not replace it"),
                        (true, Kind::Dir) => Some("is a folder where cxc writes a file"),
                        (true, Kind::Link) => Some("is a symbolic link where cxc writes a file"),
                        (true, _) => Some("is a special file where cxc writes a file"),
                    };
                    if let Some(problem) = problem {
                        return Err(format!(
                            "{} {problem}; move it away (or choose another output folder) and build again — nothing was written",
                            shown(&prefix)
                        ));
                    }
                }
                prefix.push('/');
            }
        }
        for (relative, entry) in &self.files {
            if entry.kind == Kind::Special && !old.contains(relative) {
                return Err(format!(
                    "{} is a device or socket; cxc cannot carry it into the new tree — move it away and build again",
                    shown(relative)
                ));
            }
        }
        Ok(())
    }
}

/// Writes the new tree into `staging`: the user's own entries first, then
/// every generated file, then the manifest.
fn build_staging(
    staging: &Path,
    out: &Path,
    existing: &Tree,
    files: &BTreeMap<String, Vec<u8>>,
    old: &BTreeSet<String>,
) -> Result<(), String> {
    let _ = fs::remove_dir_all(staging);
    let fail = |what: &str, path: &Path, e: std::io::Error| {
        format!("cannot {what} {}: {e}", crate::loader::display_name(path))
    };
    fs::create_dir(staging).map_err(|e| fail("create", staging, e))?;
    if let Ok(meta) = fs::metadata(out) {
        let _ = fs::set_permissions(staging, fs::Permissions::from_mode(meta.mode() & 0o7777));
    }
    // The user's entries, as they are: folders made, files hard-linked (the
    // same file, not a copy), links and pipes made anew.
    for (relative, entry) in &existing.files {
        if old.contains(relative) || relative == MANIFEST {
            continue;
        }
        let from = out.join(relative);
        let to = staging.join(relative);
        match entry.kind {
            Kind::Dir => {
                fs::create_dir_all(&to).map_err(|e| fail("create", &to, e))?;
                let _ = fs::set_permissions(&to, fs::Permissions::from_mode(entry.mode));
            }
            Kind::File => {
                if fs::hard_link(&from, &to).is_err() {
                    fs::copy(&from, &to).map_err(|e| fail("copy", &from, e))?;
                }
            }
            Kind::Link => {
                let target = fs::read_link(&from).map_err(|e| fail("read", &from, e))?;
                std::os::unix::fs::symlink(target, &to).map_err(|e| fail("create", &to, e))?;
            }
            Kind::Fifo => {
                let c = std::ffi::CString::new(to.as_os_str().as_encoded_bytes())
                    .map_err(|e| e.to_string())?;
                // SAFETY: a valid NUL-terminated path.
                if unsafe { libc::mkfifo(c.as_ptr(), entry.mode) } != 0 {
                    return Err(fail("create", &to, std::io::Error::last_os_error()));
                }
            }
            Kind::Special => {}
        }
    }
    for (relative, bytes) in files {
        let to = staging.join(relative);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent).map_err(|e| fail("create", parent, e))?;
        }
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&to)
            .map_err(|e| fail("write", &out.join(relative), e))?;
        file.write_all(bytes)
            .map_err(|e| fail("write", &out.join(relative), e))?;
        // A file the user made readable to a web server stays so.
        if let Some(entry) = existing
            .files
            .get(relative)
            .filter(|e| e.kind == Kind::File)
        {
            let _ = file.set_permissions(fs::Permissions::from_mode(entry.mode));
        }
    }
    let mut manifest = String::from(MANIFEST_HEADER);
    for relative in files.keys() {
        manifest.push_str(relative);
        manifest.push('\n');
    }
    let path = staging.join(MANIFEST);
    fs::write(&path, manifest).map_err(|e| fail("write", &out.join(MANIFEST), e))?;
    Ok(())
}

/// Swaps the staging folder and the output folder in one step.
fn swap(staging: &Path, out: &Path) -> Result<(), String> {
    let fail = |e: std::io::Error| {
        format!(
            "cannot put the new tree in place of {}: {e}",
            crate::loader::display_name(out)
        )
    };
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::ffi::OsStrExt;
        let from =
            std::ffi::CString::new(staging.as_os_str().as_bytes()).map_err(|e| e.to_string())?;
        let to = std::ffi::CString::new(out.as_os_str().as_bytes()).map_err(|e| e.to_string())?;
        // SAFETY: two valid NUL-terminated paths; the call touches no memory of ours.
        let done = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                from.as_ptr(),
                libc::AT_FDCWD,
                to.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        };
        if done == 0 {
            return Ok(());
        }
        let error = std::io::Error::last_os_error();
        if !matches!(
            error.raw_os_error(),
            Some(libc::EINVAL) | Some(libc::ENOSYS)
        ) {
            return Err(fail(error));
        }
    }
    // No atomic exchange on this file system: two renames, the window
    // between them as short as it can be.
    let aside = sibling(out, "old");
    fs::rename(out, &aside).map_err(fail)?;
    if let Err(e) = fs::rename(staging, out) {
        let _ = fs::rename(&aside, out);
        return Err(fail(e));
    }
    fs::rename(&aside, staging).map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        list.iter()
            .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
            .collect()
    }

    fn read(dir: &Path, p: &str) -> String {
        fs::read_to_string(dir.join(p)).unwrap()
    }

    #[test]
    fn a_second_build_replaces_its_own_files_keeps_others_and_removes_stale_ones() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("mine.txt"), "keep").unwrap();
        let first = write(&out, &files(&[("a/b.md", "one"), ("hr/old.md", "x")])).unwrap();
        assert_eq!(first.files, 2);
        let second = write(&out, &files(&[("a/b.md", "two")])).unwrap();
        assert_eq!(second.removed, ["hr/old.md"]);
        assert_eq!(read(&out, "a/b.md"), "two");
        assert_eq!(read(&out, "mine.txt"), "keep");
        assert!(!out.join("hr/old.md").exists());
        let beside: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(beside.len(), 1, "nothing left beside the output");
    }

    #[test]
    fn a_file_cxc_did_not_write_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        fs::create_dir_all(out.join("site")).unwrap();
        fs::write(out.join("site/style.css"), "user css").unwrap();
        let error = write(
            &out,
            &files(&[("site/style.css", "ours"), ("index.md", "x")]),
        )
        .unwrap_err();
        assert!(
            error.contains("site/style.css") && error.contains("not written by cxc"),
            "{error}"
        );
        assert_eq!(read(&out, "site/style.css"), "user css");
        assert!(!out.join("index.md").exists(), "nothing was written");
    }

    #[test]
    fn permissions_follow_the_umask_and_survive_a_rebuild() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        write(&out, &files(&[("index.md", "x")])).unwrap();
        // SAFETY: reading the umask by setting it and setting it back.
        let umask = unsafe {
            let m = libc::umask(0o022);
            libc::umask(m);
            m
        };
        let mode = fs::metadata(out.join("index.md")).unwrap().mode() & 0o777;
        assert_eq!(mode, 0o666 & !(umask as u32));
        fs::set_permissions(out.join("index.md"), fs::Permissions::from_mode(0o640)).unwrap();
        write(&out, &files(&[("index.md", "y")])).unwrap();
        assert_eq!(
            fs::metadata(out.join("index.md")).unwrap().mode() & 0o777,
            0o640
        );
    }

    #[test]
    fn links_and_pipes_in_the_output_are_left_as_they_are() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        fs::create_dir(&out).unwrap();
        std::os::unix::fs::symlink("/dev/zero", out.join("zero")).unwrap();
        let c = std::ffi::CString::new(out.join("pipe").to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        write(&out, &files(&[("index.md", "x")])).unwrap();
        assert_eq!(
            fs::read_link(out.join("zero")).unwrap(),
            Path::new("/dev/zero")
        );
        assert!(fs::symlink_metadata(out.join("pipe"))
            .unwrap()
            .file_type()
            .is_fifo());
        // A link where cxc writes a folder stops the build.
        std::os::unix::fs::symlink(dir.path(), out.join("policy")).unwrap();
        let error = write(&out, &files(&[("policy/x.md", "x")])).unwrap_err();
        assert!(error.contains("in the way"), "{error}");
    }

    #[test]
    fn paths_outside_and_long_names_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write(dir.path(), &files(&[("../x.md", "x")])).is_err());
        let long = format!("{}.md", "я".repeat(200));
        assert!(write(dir.path(), &files(&[(&long, "x")])).is_err());
    }
}
