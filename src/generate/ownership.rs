//! Which files in an output folder cxc wrote, in a way a pull request
//! cannot forge.
//!
//! `DIR/.cxc-manifest` lists the files a build wrote, for people and for
//! the next build; it stays the same from build to build, so a committed
//! output folder does not change for nothing. But it sits in the output
//! folder, where a pull request can commit one naming any file. So the
//! manifest alone proves nothing: a file counts as cxc's only while it is
//! still exactly the file cxc wrote — the same device, inode, size and
//! modification time to the nanosecond — as recorded in a record of the
//! user's own, outside every repository:
//! `$XDG_STATE_HOME/cxc/builds/` (else `~/.local/state/cxc/builds/`), one
//! file per output folder. Nobody can know those figures before the file
//! exists, and anything else writing the file changes them.
//!
//! Why not a keyed hash in the manifest: the key would need the same place
//! outside the repository, and would still trust a file edited by hand
//! since; the record needs no key and notices the edit. A fresh checkout
//! (a new CI runner) has no record, so a manifest committed with the
//! output folder is not trusted there: nothing is removed, and a file is
//! replaced only where it already holds exactly what cxc writes.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// What a file was when cxc wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Identity {
    device: u64,
    inode: u64,
    size: u64,
    seconds: i64,
    nanoseconds: i64,
}

impl Identity {
    /// The identity of the regular file at `path` (a link is not followed).
    pub fn of(path: &Path) -> Option<Identity> {
        let meta = fs::symlink_metadata(path).ok()?;
        meta.file_type().is_file().then(|| Identity {
            device: meta.dev(),
            inode: meta.ino(),
            size: meta.size(),
            seconds: meta.mtime(),
            nanoseconds: meta.mtime_nsec(),
        })
    }

    fn parse(text: &str) -> Option<Identity> {
        let mut parts = text.split(' ');
        let mut next = || parts.next().and_then(|p| p.parse::<i128>().ok());
        let identity = Identity {
            device: u64::try_from(next()?).ok()?,
            inode: u64::try_from(next()?).ok()?,
            size: u64::try_from(next()?).ok()?,
            seconds: i64::try_from(next()?).ok()?,
            nanoseconds: i64::try_from(next()?).ok()?,
        };
        parts.next().is_none().then_some(identity)
    }
}

impl std::fmt::Display for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} {} {} {}",
            self.device, self.inode, self.size, self.seconds, self.nanoseconds
        )
    }
}

/// The files of one output folder cxc wrote, with their identities: a path
/// may have two while a build is swapping its tree in (the old file and
/// the new one).
pub type Record = BTreeSet<(String, Identity)>;

/// A record or manifest longer than this was not written for a real build.
const LIMIT: u64 = 64 << 20;

/// Reads a small regular file cxc keeps (never a link, a pipe or a device).
fn read_small(path: &Path) -> Option<String> {
    let (file, size) = crate::loader::read::open_regular(path, LIMIT).ok()?;
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(LIMIT).read_to_end(&mut bytes).ok()?;
    String::from_utf8(bytes).ok()
}

/// The paths a manifest lists (its lines but comments and blanks).
pub fn manifest(path: &Path) -> BTreeSet<String> {
    read_small(path)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Where the records are kept: the user's state folder, never inside a
/// repository. None without a home.
fn records() -> Option<PathBuf> {
    let state = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            let home = PathBuf::from(std::env::var_os("HOME")?);
            Some(home.join(".local/state"))
        })?;
    Some(state.join("cxc/builds"))
}

/// The record file of the output folder `out` (canonical): named by a
/// stable hash of its path, which the record's first line repeats.
fn record_file(out: &Path) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    // FNV-1a: the same on every run (a collision only costs trust).
    let hash = out
        .as_os_str()
        .as_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    Some(records()?.join(format!("{hash:016x}")))
}

/// The record of `out`, if there is one for exactly this folder.
pub fn read(out: &Path) -> Record {
    let Some(text) = record_file(out).and_then(|f| read_small(&f)) else {
        return Record::new();
    };
    let mut lines = text.lines();
    if lines.next() != Some(&*out.to_string_lossy()) {
        return Record::new();
    }
    lines
        .filter_map(|line| {
            let (identity, path) = line.split_once('\t')?;
            Some((path.to_string(), Identity::parse(identity)?))
        })
        .collect()
}

/// The files of `out` cxc wrote: listed in its manifest, and still the
/// very files the record says cxc wrote.
pub fn trusted(out: &Path, listed: &BTreeSet<String>, record: &Record) -> BTreeSet<String> {
    record
        .iter()
        .filter(|(path, id)| listed.contains(path) && Identity::of(&out.join(path)) == Some(*id))
        .map(|(path, _)| path.clone())
        .collect()
}

/// Replaces the record of `out` (best effort: without it, the next build
/// only trusts less). Written whole through a rename; records of output
/// folders that no longer exist are dropped.
pub fn write(out: &Path, record: &Record) {
    let Some(file) = record_file(out) else { return };
    let Some(dir) = file.parent() else { return };
    let mut text = format!("{}\n", out.to_string_lossy());
    for (path, identity) in record {
        text.push_str(&format!("{identity}\t{path}\n"));
    }
    let written = (|| -> std::io::Result<()> {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        let mut temp = tempfile::Builder::new()
            .prefix(".record-")
            .tempfile_in(dir)?;
        std::io::Write::write_all(&mut temp, text.as_bytes())?;
        temp.persist(&file).map_err(|e| e.error)?;
        Ok(())
    })();
    if written.is_ok() {
        forget_gone(dir, &file);
    }
}

/// Removes the records of output folders that are gone.
fn forget_gone(dir: &Path, keep: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path == keep {
            continue;
        }
        let folder = read_small(&path)
            .and_then(|t| t.lines().next().map(PathBuf::from))
            .filter(|p| p.is_absolute());
        if folder.is_some_and(|f| !f.exists()) {
            let _ = fs::remove_file(&path);
        }
    }
}

/// The identities of the generated `files` as written in `staging`.
pub fn of_files(staging: &Path, files: &BTreeMap<String, Vec<u8>>) -> Record {
    files
        .keys()
        .filter_map(|path| Some((path.clone(), Identity::of(&staging.join(path))?)))
        .collect()
}

/// Whether the regular file at `path` holds exactly `bytes`. Read only when
/// the sizes agree, so never more than cxc is about to write.
pub fn holds(path: &Path, bytes: &[u8]) -> bool {
    let Ok((file, size)) = crate::loader::read::open_regular(path, bytes.len() as u64) else {
        return false;
    };
    let mut found = Vec::with_capacity(size as usize);
    size == bytes.len() as u64
        && file
            .take(bytes.len() as u64 + 1)
            .read_to_end(&mut found)
            .is_ok()
        && found == bytes
}
