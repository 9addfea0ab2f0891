//! Source files and spans.
//!
//! Every AST node and every diagnostic carries a [`Span`]: a file and a byte range.
//! Line and column numbers are computed only when a diagnostic is printed, from a
//! per-file table of line starts and character checkpoints, so spans stay small
//! and any number of diagnostics on one long line cost O(1) each to locate.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Character counts are recorded every this many bytes.
const CHECKPOINT: usize = 4096;

/// Index of a file in the [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A byte range in one source file: 12 bytes, as every AST node and model
/// entry carries one or more (files are limited to [`MAX_FILE_SIZE`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub file: FileId,
    start: u32,
    end: u32,
}

/// The largest file cxc reads: offsets in it fit a [`Span`].
pub const MAX_FILE_SIZE: u64 = 1 << 31;

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        debug_assert!(start as u64 <= MAX_FILE_SIZE && end as u64 <= MAX_FILE_SIZE);
        Span {
            file,
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    /// The same start, a new end.
    pub fn with_end(self, end: usize) -> Span {
        Span::new(self.file, self.start(), end)
    }

    /// The smallest span covering both (both must be in the same file).
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// A 1-based line and a 1-based column counted in characters, as editors show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// What a file is to the compiler, which decides whether its text may be
/// quoted back to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A `.cx` spec file: excerpts of it appear in diagnostics.
    Spec,
    /// Anything else (a config): diagnostics give its line and column but
    /// never quote its bytes, which may not be the user's to see.
    Opaque,
}

#[derive(Debug)]
pub struct SourceFile {
    /// The path used to open the file.
    pub path: PathBuf,
    /// The path as shown to the user (relative, forward slashes).
    pub name: String,
    pub text: String,
    pub kind: FileKind,
    line_starts: Vec<usize>,
    /// Characters before byte `i * CHECKPOINT`.
    chars_before: Vec<usize>,
    /// The text with terminal controls made visible, built on first use.
    display: OnceLock<Option<String>>,
}

impl SourceFile {
    pub fn new(path: PathBuf, name: String, text: String) -> Self {
        SourceFile::with_kind(path, name, text, FileKind::Spec)
    }

    pub fn with_kind(path: PathBuf, name: String, text: String, kind: FileKind) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let bytes = text.as_bytes();
        let mut chars_before = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
        let mut count = 0;
        for block in bytes.chunks(CHECKPOINT) {
            chars_before.push(count);
            count += block.iter().filter(|&&b| !is_continuation(b)).count();
        }
        chars_before.push(count);
        SourceFile {
            path,
            name,
            text,
            kind,
            line_starts,
            chars_before,
            display: OnceLock::new(),
        }
    }

    /// Whether diagnostics may quote this file's text.
    pub fn quotable(&self) -> bool {
        self.kind == FileKind::Spec
    }

    /// The text as it may be shown on a terminal: same length, controls replaced.
    pub fn display_text(&self) -> &str {
        self.display
            .get_or_init(|| match crate::escape::terminal_same_width(&self.text) {
                Cow::Borrowed(_) => None,
                Cow::Owned(safe) => Some(safe),
            })
            .as_deref()
            .unwrap_or(&self.text)
    }

    /// Characters in `text[..offset]` (`offset` on a character boundary).
    fn chars_to(&self, offset: usize) -> usize {
        let block = offset / CHECKPOINT;
        let start = block * CHECKPOINT;
        self.chars_before[block]
            + self.text.as_bytes()[start..offset]
                .iter()
                .filter(|&&b| !is_continuation(b))
                .count()
    }

    /// 0-based index of the line holding `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = self.clamp(offset);
        let line = self.line_index(offset);
        let start = self.line_starts[line];
        let column = self.chars_to(offset) - self.chars_to(start) + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// The text of the 0-based line `index`, without its line break.
    pub fn line_text(&self, index: usize) -> &str {
        let Some(&start) = self.line_starts.get(index) else {
            return "";
        };
        let end = self
            .line_starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// Byte offset where the 0-based line `index` starts.
    pub fn line_start(&self, index: usize) -> usize {
        self.line_starts
            .get(index)
            .copied()
            .unwrap_or(self.text.len())
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Rounds an offset down to a character boundary inside the text.
    fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

/// All files of one compilation, addressed by [`FileId`].
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId((self.files.len() - 1) as u32)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn find(&self, path: &Path) -> Option<FileId> {
        self.files
            .iter()
            .position(|f| f.path == path)
            .map(|i| FileId(i as u32))
    }

    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let f = SourceFile::new("a".into(), "a".into(), "шаг x\nстарт y".into());
        let offset = f.text.find('y').unwrap();
        assert_eq!(f.line_col(offset), LineCol { line: 2, column: 7 });
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
    }

    #[test]
    fn crlf_lines_are_trimmed() {
        let f = SourceFile::new("a".into(), "a".into(), "one\r\ntwo\r\n".into());
        assert_eq!(f.line_text(0), "one");
        assert_eq!(f.line_text(1), "two");
        assert_eq!(f.line_col(5), LineCol { line: 2, column: 1 });
    }

    #[test]
    fn columns_on_a_long_line_use_checkpoints() {
        let text = format!("{}x", "я".repeat(10_000));
        let f = SourceFile::new("a".into(), "a".into(), text.clone());
        assert_eq!(f.line_col(text.len() - 1).column, 10_001);
        assert_eq!(f.line_col(CHECKPOINT).column, CHECKPOINT / 2 + 1);
    }

    #[test]
    fn offsets_inside_a_character_are_clamped() {
        let f = SourceFile::new("a".into(), "a".into(), "я".into());
        assert_eq!(f.line_col(1).column, 1);
        assert_eq!(f.line_col(99).column, 2);
    }
}
