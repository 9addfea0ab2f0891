//! Positions as the protocol counts them: lines, and columns in UTF-16 code
//! units (a Cyrillic letter is one, an emoji two), against byte offsets.

use lsp_types::{Position, Range};

pub(crate) struct LineIndex<'t> {
    text: &'t str,
    /// Byte offset of each line's start.
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            // `\r\n` is one break; a lone `\r` is one too, as the parser reads it.
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        LineIndex { text, starts }
    }

    pub(crate) fn position(&self, offset: usize) -> Position {
        let offset = self.floor(offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character = self.text[start..offset].encode_utf16().count();
        Position::new(line as u32, character as u32)
    }

    pub(crate) fn range(&self, start: usize, end: usize) -> Range {
        Range::new(self.position(start), self.position(end.max(start)))
    }

    /// The byte offset of a position; past the end of a line is its end.
    pub(crate) fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self
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
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let rest = &self.text[self.starts[line]..];
        &rest[..rest.len() - rest.trim_start_matches([' ', '\t']).len()]
    }

    /// The start of the line holding `offset`.
    pub(crate) fn line_start(&self, offset: usize) -> usize {
        self.starts[self.starts.partition_point(|&s| s <= offset) - 1]
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
}
