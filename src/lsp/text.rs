//! Positions as the protocol counts them: lines, and columns in UTF-16 code
//! units (a Cyrillic letter is one, an emoji two), against byte offsets.

use lsp_types::{Position, Range};
use std::borrow::Cow;

/// Where each line of a text starts, and whether it is all ASCII (its
/// columns are then its bytes): built once per file of an analysis, so a
/// rename or a list of references over thousands of names costs one pass
/// over each file, not one per name.
#[derive(Clone, Default)]
pub(crate) struct Lines {
    /// Byte offset of each line's start.
    starts: Vec<usize>,
    ascii: Vec<bool>,
}

impl Lines {
    pub(crate) fn of(text: &str) -> Lines {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            // `\r\n` is one break; a lone `\r` is one too, as the parser reads it.
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        let ascii = starts
            .iter()
            .zip(starts.iter().skip(1).chain([&text.len()]))
            .map(|(&start, &end)| bytes[start..end].is_ascii())
            .collect();
        Lines { starts, ascii }
    }
}

pub(crate) struct LineIndex<'t> {
    text: &'t str,
    lines: Cow<'t, Lines>,
}

impl<'t> LineIndex<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        LineIndex {
            text,
            lines: Cow::Owned(Lines::of(text)),
        }
    }

    /// The index of `text` from its [`Lines`], built before.
    pub(crate) fn with(text: &'t str, lines: &'t Lines) -> Self {
        LineIndex {
            text,
            lines: Cow::Borrowed(lines),
        }
    }

    pub(crate) fn position(&self, offset: usize) -> Position {
        let offset = self.floor(offset.min(self.text.len()));
        let line = self.lines.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.lines.starts[line];
        let character = if self.lines.ascii[line] {
            offset - start
        } else {
            self.text[start..offset].encode_utf16().count()
        };
        Position::new(line as u32, character as u32)
    }

    pub(crate) fn range(&self, start: usize, end: usize) -> Range {
        Range::new(self.position(start), self.position(end.max(start)))
    }

    /// The byte offset of a position; past the end of a line is its end.
    pub(crate) fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.lines.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self
            .lines
            .starts
            .get(position.line as usize + 1)
            .copied()
            .unwrap_or(self.text.len());
        let mut units = 0;
        for (i, c) in self.text[start..end].char_indices() {
            if units >= position.character as usize || c == '\n' || c == '\r' {
                return start + i;
            }
            units += c.len_utf16();
        }
        end
    }

    /// The indentation of the line holding `offset`.
    pub(crate) fn indent_at(&self, offset: usize) -> &'t str {
        let line = self.lines.starts.partition_point(|&s| s <= offset) - 1;
        let rest = &self.text[self.lines.starts[line]..];
        &rest[..rest.len() - rest.trim_start_matches([' ', '\t']).len()]
    }

    /// The start of the line holding `offset`.
    pub(crate) fn line_start(&self, offset: usize) -> usize {
        self.lines.starts[self.lines.starts.partition_point(|&s| s <= offset) - 1]
    }

    fn floor(&self, mut offset: usize) -> usize {
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units() {
        let text = "team сервис {}\r\n😀 x\rlast";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.position(x), Position::new(1, 3));
        assert_eq!(index.offset(Position::new(1, 3)), x);
        let brace = text.find('{').unwrap();
        assert_eq!(index.position(brace), Position::new(0, 12));
        assert_eq!(index.offset(Position::new(0, 12)), brace);
        assert_eq!(index.position(text.len()), Position::new(2, 4));
        assert_eq!(index.offset(Position::new(0, 99)), text.find('\r').unwrap());
        assert_eq!(index.offset(Position::new(9, 0)), text.len());
    }

    /// Columns read from the table built once are the columns counted on
    /// the text, on ASCII lines and others, with every kind of break.
    #[test]
    fn a_table_built_once_gives_the_same_positions() {
        let text = "team a {}\nrole сервис {}\r\n😀\rx\n\nlast ascii line";
        let lines = Lines::of(text);
        let index = LineIndex::with(text, &lines);
        // Inside a `\r\n` is no place a client names.
        let places = (0..=text.len())
            .filter(|&o| text.is_char_boundary(o))
            .filter(|&o| !(text[..o].ends_with('\r') && text[o..].starts_with('\n')));
        for offset in places {
            let before = &text[..offset];
            let line = before.matches(['\n', '\r']).count() - before.matches("\r\n").count();
            let start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let column = text[start..offset].encode_utf16().count();
            assert_eq!(
                index.position(offset),
                Position::new(line as u32, column as u32),
                "at {offset}"
            );
        }
    }
}
