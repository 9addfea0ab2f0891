//! Reading files a spec names, as an attacker's pull request would have them
//! read: only inside the spec's root folder (after resolving symbolic links),
//! only regular files (never a device, a pipe or a socket), and never more
//! than a size limit. Errors say what is wrong with the path; they never
//! contain a byte of the file.

use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

pub use crate::base::bytes;
pub use crate::config::limits::{Limits, DEFAULT_FILE_LIMIT};

/// A folder a spec may read from.
#[derive(Debug, Clone)]
pub struct Root {
    /// Canonical: no symbolic links, absolute.
    dir: PathBuf,
    /// Absolute as the user named it, `..` folded: paths found below it are
    /// spelt from it.
    lexical: PathBuf,
    /// As the user named it, for messages.
    pub shown: String,
}

/// Why a file could not be read. Its `Display` never quotes the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Missing,
    /// Outside the root, directly or through a symbolic link.
    Outside {
        root: String,
    },
    /// A folder, device, pipe or socket.
    NotRegular(&'static str),
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// A folder on the way to the file does not exist (`x/../a.cx` without
    /// a folder `x`): the path names nothing, however `..` folds.
    NoFolder {
        folder: String,
    },
    /// A path the user named goes through a symbolic link and ends outside
    /// the folder cxc runs in (see [`check_named`]).
    LinkedOutside {
        link: String,
    },
    Other(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Missing => f.write_str("no such file or folder"),
            ReadError::Outside { root } => write!(
                f,
                "it is outside the spec's folder `{root}` (cxc reads only files inside it)"
            ),
            ReadError::NotRegular(what) => write!(f, "it is {what}, not a regular file"),
            ReadError::TooLarge { .. }
            | ReadError::NoFolder { .. }
            | ReadError::LinkedOutside { .. } => {
                f.write_str(&self.message().text(crate::syntax::values::Language::En))
            }
            ReadError::Other(reason) => f.write_str(reason),
        }
    }
}

impl ReadError {
    /// Why the file cannot be read, in the user's language.
    pub fn message(&self) -> crate::i18n::Message {
        use crate::msg;
        match self {
            ReadError::Missing => msg!("read-missing"),
            ReadError::Outside { root } => msg!("read-outside", root = root.as_str()),
            ReadError::NotRegular(what) => {
                let what = match *what {
                    "a folder" => msg!("kind-folder"),
                    "a named pipe" => msg!("kind-pipe"),
                    "a device" => msg!("kind-device"),
                    "a socket" => msg!("kind-socket"),
                    _ => msg!("kind-special"),
                };
                msg!("read-not-regular", what = what)
            }
            ReadError::TooLarge { size, limit } => {
                msg!("read-too-large", size = bytes(*size), limit = bytes(*limit))
            }
            ReadError::NoFolder { folder } => msg!("read-no-folder", folder = folder.as_str()),
            ReadError::LinkedOutside { link } => msg!("read-linked-outside", link = link.as_str()),
            ReadError::Other(reason) => msg!("read-other", reason = reason.as_str()),
        }
    }
}

impl From<ReadError> for crate::i18n::Message {
    fn from(e: ReadError) -> Self {
        e.message()
    }
}

impl Root {
    /// The root at `dir`, which must exist.
    pub fn new(dir: &Path) -> Result<Root, ReadError> {
        let canonical = std::fs::canonicalize(dir).map_err(|e| io_error(&e))?;
        Ok(Root {
            dir: canonical,
            lexical: fold(&absolute(dir)?),
            shown: crate::loader::display_name(dir),
        })
    }

    /// Whether `path` (canonical) lies inside the root.
    fn contains(&self, canonical: &Path) -> bool {
        canonical.starts_with(&self.dir)
    }

    /// What `path` is: its canonical path, if it lies inside the root. A
    /// path outside the root is refused before anything about it is looked
    /// up, so the answer never tells whether it exists. Two paths that name
    /// the same file resolve to the same canonical path, however they are
    /// spelt (`a.cx`, `./a.cx`, `sub/../a.cx`): that is what identifies a file.
    pub fn resolve(&self, path: &Path) -> Result<PathBuf, ReadError> {
        let outside = || ReadError::Outside {
            root: self.shown.clone(),
        };
        // `..` is folded lexically first: `root/../../etc/shadow` is outside
        // whether or not it exists.
        let path = absolute(path)?;
        let lexical = fold(&path);
        if !lexical.starts_with(&self.lexical) && !self.contains(&lexical) {
            return Err(outside());
        }
        // Then the path as the system reads it, symbolic links and `..`
        // after them included: `x/../a.cx` names nothing without a folder
        // `x`, and `link/../a.cx` is beside the link's target.
        match std::fs::canonicalize(&path) {
            Ok(canonical) if self.contains(&canonical) => Ok(canonical),
            Ok(_) => Err(outside()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(self.missing(&path)),
            Err(e) => Err(io_error(&e)),
        }
    }

    /// Why `path` (absolute, inside the root as spelt) names nothing: a
    /// folder on the way that does not exist, or the file itself. Only
    /// places inside the root are looked at.
    fn missing(&self, path: &Path) -> ReadError {
        let outside = || ReadError::Outside {
            root: self.shown.clone(),
        };
        let mut prefix = PathBuf::new();
        // The real place of the prefix so far.
        let mut real = PathBuf::from("/");
        let mut components = path.components().peekable();
        while let Some(component) = components.next() {
            prefix.push(component);
            let last = components.peek().is_none();
            if last {
                break;
            }
            match std::fs::canonicalize(&prefix) {
                Ok(found) if found.is_dir() => real = found,
                // A folder that is not there (or not a folder) is named only
                // when the folder it would be in lies inside the root.
                _ if self.contains(&real) => {
                    let inside = prefix.strip_prefix(&self.lexical).unwrap_or(&prefix);
                    return ReadError::NoFolder {
                        folder: crate::loader::display_name(&Path::new(&self.shown).join(inside)),
                    };
                }
                _ => return outside(),
            }
        }
        if self.contains(&real) {
            ReadError::Missing
        } else {
            outside()
        }
    }

    /// Opens `path` for reading if it is a regular file inside the root of
    /// at most `limit` bytes (see [`Root::resolve`]).
    pub fn open(&self, path: &Path, limit: u64) -> Result<(File, u64), ReadError> {
        open_regular(&self.resolve(path)?, limit)
    }

    /// Reads a whole file, as [`Root::open`] allows.
    pub fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
        let (file, size) = self.open(path, limit)?;
        read_all(file, size, limit)
    }
}

/// Whether a path the user named (a spec folder or file, `--config`,
/// `--templates`, an output folder) may be used. A checkout can hold
/// symbolic links: `standards -> ../..` would make the runner's home the
/// spec's folder. So a path that goes through a link anywhere on its way and
/// ends outside the folder cxc runs in is refused; a link that stays inside
/// it is fine, and so is a plain path outside it (`cxc check /srv/specs`).
/// A path that does not exist (yet) is checked as far as it exists.
pub fn check_named(path: &Path) -> Result<(), ReadError> {
    let here = std::env::current_dir()
        .and_then(std::fs::canonicalize)
        .map_err(|e| io_error(&e))?;
    let mut real = PathBuf::new();
    let mut link: Option<PathBuf> = None;
    let mut spelt = PathBuf::new();
    let spelling = absolute(path)?;
    let mut rest = spelling.iter();
    for component in rest.by_ref() {
        spelt.push(component);
        match Path::new(component).components().next() {
            Some(Component::ParentDir) => {
                real.pop();
                continue;
            }
            Some(Component::CurDir) => continue,
            Some(Component::Normal(_)) => {}
            _ => {
                real.push(component);
                continue;
            }
        }
        let next = real.join(component);
        match std::fs::symlink_metadata(&next) {
            Ok(meta) if meta.file_type().is_symlink() => {
                link.get_or_insert_with(|| spelt.clone());
                match std::fs::canonicalize(&next) {
                    Ok(target) => real = target,
                    // A link to nowhere: where it would lead is not known.
                    Err(_) => {
                        real = PathBuf::new();
                        break;
                    }
                }
            }
            Ok(_) => real = next,
            Err(_) => {
                real = next;
                break;
            }
        }
    }
    // What does not exist yet holds no link.
    real.extend(rest);
    let real = fold(&real);
    match link {
        Some(link) if real.as_os_str().is_empty() || !real.starts_with(&here) => {
            let shown = link.strip_prefix(&here).unwrap_or(&link);
            Err(ReadError::LinkedOutside {
                link: crate::loader::display_name(shown),
            })
        }
        _ => Ok(()),
    }
}

/// Reads a file the user named outside any spec (`--config`): any place,
/// but still only a regular file within the limit.
pub fn read_trusted(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, size) = open_regular(path, limit)?;
    read_all(file, size, limit)
}

/// Opens without blocking (a FIFO would wait for a writer forever) and
/// checks what was opened, not what the path said a moment before.
pub(crate) fn open_regular(path: &Path, limit: u64) -> Result<(File, u64), ReadError> {
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_CLOEXEC)
        .open(path)
        .map_err(|e| io_error(&e))?;
    let meta = file.metadata().map_err(|e| io_error(&e))?;
    let kind = meta.file_type();
    if !kind.is_file() {
        let what = if kind.is_dir() {
            "a folder"
        } else if kind.is_fifo() {
            "a named pipe"
        } else if kind.is_char_device() || kind.is_block_device() {
            "a device"
        } else if kind.is_socket() {
            "a socket"
        } else {
            "a special file"
        };
        return Err(ReadError::NotRegular(what));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    Ok((file, meta.len()))
}

fn read_all(file: File, size: u64, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(size as usize);
    // The file may grow while it is read: never take more than the limit.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(&e))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

fn absolute(path: &Path) -> Result<PathBuf, ReadError> {
    if path.is_absolute() {
        Ok(path.to_path_buf())
    } else {
        Ok(std::env::current_dir()
            .map_err(|e| io_error(&e))?
            .join(path))
    }
}

/// Removes `.` and folds `dir/..`, without touching the file system.
fn fold(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

pub fn io_error(e: &std::io::Error) -> ReadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::Missing,
        std::io::ErrorKind::PermissionDenied => ReadError::Other("permission denied".into()),
        _ if e.raw_os_error() == Some(libc::ELOOP) => {
            ReadError::Other("too many levels of symbolic links".into())
        }
        _ => ReadError::Other(e.to_string()),
    }
}

/// Today's date (UTC) by the system clock: read by the commands and the
/// editor, which give it to the checks (`check::Options::today`); the
/// analysis itself never reads the clock.
pub fn today() -> crate::syntax::values::Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    crate::syntax::values::Date::from_days((seconds / 86_400) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_inside_and_refuses_outside() {
        let dir = tempfile::tempdir().unwrap();
        let root_dir = dir.path().join("spec");
        std::fs::create_dir(&root_dir).unwrap();
        std::fs::write(root_dir.join("a.cx"), "team t {}").unwrap();
        std::fs::write(dir.path().join("secret"), "s3cret").unwrap();
        let root = Root::new(&root_dir).unwrap();
        assert_eq!(
            root.read(&root_dir.join("a.cx"), 100).unwrap(),
            b"team t {}"
        );
        let outside = root.read(&root_dir.join("../secret"), 100).unwrap_err();
        assert!(matches!(outside, ReadError::Outside { .. }), "{outside:?}");
        assert!(!outside.to_string().contains("s3cret"));
        // A link inside pointing outside is outside.
        std::os::unix::fs::symlink(dir.path().join("secret"), root_dir.join("link.cx")).unwrap();
        assert!(matches!(
            root.read(&root_dir.join("link.cx"), 100),
            Err(ReadError::Outside { .. })
        ));
        // Missing outside is "outside", not "missing": existence is not revealed.
        assert!(matches!(
            root.read(Path::new("/nonexistent/x"), 100),
            Err(ReadError::Outside { .. })
        ));
        assert_eq!(
            root.read(&root_dir.join("none.cx"), 100),
            Err(ReadError::Missing)
        );
    }

    #[test]
    fn refuses_devices_pipes_and_large_files() {
        assert_eq!(
            read_trusted(Path::new("/dev/zero"), 100),
            Err(ReadError::NotRegular("a device"))
        );
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.cx");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert_eq!(
            read_trusted(&fifo, 100),
            Err(ReadError::NotRegular("a named pipe"))
        );
        let big = dir.path().join("big.cx");
        std::fs::write(&big, vec![b' '; 101]).unwrap();
        assert_eq!(
            read_trusted(&big, 100),
            Err(ReadError::TooLarge {
                size: 101,
                limit: 100
            })
        );
        assert_eq!(bytes(64 * 1024 * 1024), "64 MB");
        assert_eq!(bytes(1536), "1.5 KB");
    }
}
