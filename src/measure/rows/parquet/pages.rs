//! A text column read from its pages, not through the parquet crate's
//! values: a dictionary page's strings are checked as UTF-8 and copied into
//! the batch's text once per row group, and a row of a dictionary-encoded
//! page is its index's bounds in that text — no byte string is made, cloned
//! or dropped per row. A plain page's values are checked one by one and
//! copied in one piece (their lengths between them), each row its value's
//! bounds in that copy. An INT32 or INT64 column read as times or numbers
//! is read from its pages too ([`Pages::next_integers`]): each value taken
//! from its page or its dictionary, no vector of levels or values between.
//!
//! Only what warehouses write is read so: PLAIN and dictionary values, RLE
//! definition levels, data pages v1 and v2. A column chunk whose
//! metadata names any other encoding (the deprecated BIT_PACKED levels
//! some older writers list included) is read by the parquet crate
//! ([`supported`]); a page that turns out otherwise is unreadable.
//! `tests::pages_read_as_the_parquet_crate_reads` and
//! `tests::integer_pages_read_as_the_parquet_crate_reads` hold this reader
//! to the crate's on random columns.
//!
//! A column whose values name declarations (a segment, channel or
//! complaint) has each dictionary entry resolved once, when its page is
//! read: a row of a dictionary-encoded page then carries its entry's id
//! (`Decoded::ids`, [`NONE`] when the entry names nothing or the row's
//! value is not in the dictionary), so it is not looked up by name.

mod hybrid;

use super::columns::{trimmed, Decoded};
use hybrid::{hybrid, Present};
use parquet::basic::Encoding;
use parquet::column::page::{Page, PageReader};
use parquet::errors::{ParquetError, Result};
use parquet::file::metadata::ColumnChunkMetaData;

/// Whether a column chunk's encodings are all ones this reader reads.
pub fn supported(chunk: &ColumnChunkMetaData) -> bool {
    chunk.encodings().all(|e| {
        matches!(
            e,
            Encoding::PLAIN | Encoding::PLAIN_DICTIONARY | Encoding::RLE_DICTIONARY | Encoding::RLE
        )
    })
}

/// A row's id when it has none: the row is looked up by its text.
pub const NONE: u32 = u32::MAX;

/// A name to the id of the declaration it names: what a column's
/// dictionary entries are resolved with.
pub type Resolver<'a> = &'a dyn Fn(&str) -> Option<u32>;

fn bad(what: &str) -> ParquetError {
    ParquetError::General(format!("column: {what}"))
}

/// The values of the data page being read.
enum Values {
    /// Indices into the dictionary, one per value present.
    Indices(Vec<u32>),
    /// PLAIN byte arrays: the page, whose next value starts at `Pages::at`.
    Plain(Page),
}

/// A flat column chunk of text or of integers, read page by page.
pub struct Pages {
    pages: Box<dyn PageReader>,
    max_def: i16,
    /// An integer column's bytes a value (4 or 8); 0 for a text column.
    width: usize,
    dictionary: Dictionary,
    /// The data page being read: whether each of its rows holds a value.
    present: Vec<bool>,
    row: usize,
    values: Values,
    /// The next value of `values`, and where it starts in a plain page.
    value: usize,
    at: usize,
}

/// A column chunk's dictionary, read from its dictionary page.
#[derive(Default)]
struct Dictionary {
    /// Each entry's bounds in the batch's text (its first
    /// `Decoded::kept` bytes); None for an entry that is not UTF-8.
    text: Option<Vec<Option<(u32, u32)>>>,
    /// An integer column's entries.
    integers: Option<Vec<i64>>,
    /// Each entry's id, when the column's names are resolved.
    ids: Vec<u32>,
}

/// What [`Pages::walk`] does with each row of a page: a text column's
/// cells ([`Text`]) or an integer column's values ([`Integers`]).
trait Rows {
    /// Room for `rows` more rows.
    fn reserve(&mut self, _decoded: &mut Decoded, _rows: usize) {}
    /// Whether `dictionary` has the entries a dictionary-encoded page's
    /// indices point to.
    fn has(&self, dictionary: &Dictionary) -> bool;
    /// A row without a value.
    fn none(&mut self, decoded: &mut Decoded);
    /// A row holding dictionary entry `index`.
    fn entry(&mut self, dictionary: &Dictionary, decoded: &mut Decoded, index: usize)
        -> Result<()>;
    /// A row holding the PLAIN value at `at` of the page `buf`, whose
    /// values for this batch start at `from`: where the next one starts.
    fn plain(&mut self, decoded: &mut Decoded, buf: &[u8], at: usize, from: usize)
        -> Result<usize>;
    /// After a batch's rows of a plain page: their values' bytes.
    fn plain_done(&mut self, _decoded: &mut Decoded, _values: &[u8]) {}
}

/// A text column's rows: cells in the batch's text, and with `resolving`
/// each row's id.
struct Text {
    resolving: bool,
}

impl Rows for Text {
    #[inline(always)]
    fn reserve(&mut self, decoded: &mut Decoded, rows: usize) {
        decoded.cells.reserve(rows);
    }

    #[inline(always)]
    fn has(&self, dictionary: &Dictionary) -> bool {
        dictionary.text.is_some()
    }

    #[inline(always)]
    fn none(&mut self, decoded: &mut Decoded) {
        decoded.none();
        if self.resolving {
            decoded.ids.push(NONE);
        }
    }

    #[inline(always)]
    fn entry(
        &mut self,
        dictionary: &Dictionary,
        decoded: &mut Decoded,
        index: usize,
    ) -> Result<()> {
        let entries = dictionary.text.as_deref().unwrap_or_default();
        match entries.get(index) {
            Some(Some(cell)) => decoded.cell(*cell),
            Some(None) => decoded.not_text(),
            None => return Err(bad("index past the dictionary")),
        }
        if self.resolving {
            // Resolved with the dictionary: an entry each.
            let id = dictionary.ids.get(index).copied().unwrap_or(NONE);
            decoded.ids.push(id);
        }
        Ok(())
    }

    #[inline(always)]
    fn plain(
        &mut self,
        decoded: &mut Decoded,
        buf: &[u8],
        at: usize,
        from: usize,
    ) -> Result<usize> {
        let (start, next) = plain(buf, at)?;
        match text(&buf[start..next]) {
            Some(s) => {
                // The batch's values are copied after the text in one
                // piece ([`Rows::plain_done`]): the cell points there.
                let (a, b) = trimmed(s);
                let base = decoded.text.len() + start - from;
                decoded.cell(((base + a) as u32, (base + b) as u32));
            }
            None => decoded.not_text(),
        }
        Ok(next)
    }

    #[inline(always)]
    fn plain_done(&mut self, decoded: &mut Decoded, values: &[u8]) {
        // The values' bytes, lengths and all, in one piece.
        decoded.text.extend_from_slice(values);
        if self.resolving {
            // A plain page's values are looked up by their text.
            decoded.ids.resize(decoded.cells.len(), NONE);
        }
    }
}

/// An integer column's rows, each value handed to `each`.
struct Integers<F> {
    width: usize,
    each: F,
}

impl<F: FnMut(&mut Decoded, Option<i64>)> Rows for Integers<F> {
    #[inline(always)]
    fn has(&self, dictionary: &Dictionary) -> bool {
        dictionary.integers.is_some()
    }

    #[inline(always)]
    fn none(&mut self, decoded: &mut Decoded) {
        (self.each)(decoded, None);
    }

    #[inline(always)]
    fn entry(
        &mut self,
        dictionary: &Dictionary,
        decoded: &mut Decoded,
        index: usize,
    ) -> Result<()> {
        let entries = dictionary.integers.as_deref().unwrap_or_default();
        let v = *entries
            .get(index)
            .ok_or_else(|| bad("index past the dictionary"))?;
        (self.each)(decoded, Some(v));
        Ok(())
    }

    #[inline(always)]
    fn plain(
        &mut self,
        decoded: &mut Decoded,
        buf: &[u8],
        at: usize,
        _from: usize,
    ) -> Result<usize> {
        (self.each)(decoded, Some(integer(buf, at, self.width)?));
        Ok(at + self.width)
    }
}

impl Pages {
    /// A column chunk's pages; `decoded` forgets the text it kept for the
    /// chunk before.
    pub fn new(pages: Box<dyn PageReader>, max_def: i16, decoded: &mut Decoded) -> Self {
        decoded.kept = 0;
        decoded.clear();
        Pages {
            pages,
            max_def,
            width: 0,
            dictionary: Dictionary::default(),
            present: Vec::new(),
            row: 0,
            values: Values::Indices(Vec::new()),
            value: 0,
            at: 0,
        }
    }

    /// Decodes the next `rows` rows into `decoded` (cleared before);
    /// returns how many there were. With `resolve`, each row's id goes
    /// into `decoded.ids` too.
    pub fn next_batch(
        &mut self,
        rows: usize,
        decoded: &mut Decoded,
        resolve: Option<Resolver<'_>>,
    ) -> Result<usize> {
        let mut text = Text {
            resolving: resolve.is_some(),
        };
        self.walk(rows, decoded, resolve, &mut text)
    }

    /// An INT32 (`width` 4) or INT64 (8) column chunk's pages: read with
    /// [`Pages::next_integers`].
    pub fn integers(pages: Box<dyn PageReader>, max_def: i16, width: usize) -> Self {
        let mut pages = Pages::new(pages, max_def, &mut Decoded::default());
        pages.width = width;
        pages
    }

    /// The next `rows` rows of an integer column, each handed to `each`
    /// with `decoded` (None: no value); returns how many there were.
    pub fn next_integers(
        &mut self,
        rows: usize,
        decoded: &mut Decoded,
        each: impl FnMut(&mut Decoded, Option<i64>),
    ) -> Result<usize> {
        let mut integers = Integers {
            width: self.width,
            each,
        };
        self.walk(rows, decoded, None, &mut integers)
    }

    /// The walk both kinds of column share: the next `rows` rows, page by
    /// page, each row handed to `rows_of` as no value, a dictionary entry
    /// or a plain value.
    #[inline(always)]
    fn walk(
        &mut self,
        rows: usize,
        decoded: &mut Decoded,
        resolve: Option<Resolver<'_>>,
        rows_of: &mut impl Rows,
    ) -> Result<usize> {
        let mut read = 0;
        while read < rows {
            if self.row == self.present.len() && !self.next_page(read, decoded, resolve)? {
                break;
            }
            let take = (rows - read).min(self.present.len() - self.row);
            let Pages {
                dictionary,
                present,
                row,
                values,
                value,
                at,
                ..
            } = self;
            let present = &present[*row..*row + take];
            rows_of.reserve(decoded, take);
            match values {
                Values::Indices(indices) => {
                    if !rows_of.has(dictionary) {
                        return Err(bad("no dictionary"));
                    }
                    for &here in present {
                        if !here {
                            rows_of.none(decoded);
                            continue;
                        }
                        let index = *indices.get(*value).ok_or_else(|| bad("too few values"))?;
                        *value += 1;
                        rows_of.entry(dictionary, decoded, index as usize)?;
                    }
                }
                Values::Plain(page) => {
                    let buf = page.buffer();
                    let from = *at;
                    for &here in present {
                        if !here {
                            rows_of.none(decoded);
                            continue;
                        }
                        *at = rows_of.plain(decoded, buf, *at, from)?;
                    }
                    rows_of.plain_done(decoded, &buf[from..*at]);
                }
            }
            self.row += take;
            read += take;
        }
        Ok(read)
    }

    /// Reads pages up to the next data page; false at the chunk's end.
    /// `read` rows of this batch are decoded already.
    fn next_page(
        &mut self,
        read: usize,
        decoded: &mut Decoded,
        resolve: Option<Resolver<'_>>,
    ) -> Result<bool> {
        loop {
            let Some(page) = self.pages.get_next_page()? else {
                return Ok(false);
            };
            let (levels, values, encoding, count) = match &page {
                Page::DictionaryPage {
                    buf, num_values, ..
                } => {
                    // Only before the chunk's first rows: the rows read
                    // point into the text it replaces.
                    let second =
                        self.dictionary.text.is_some() || self.dictionary.integers.is_some();
                    if second || read > 0 || decoded.kept > 0 {
                        return Err(bad("a second dictionary"));
                    }
                    if self.width > 0 {
                        let count = *num_values as usize;
                        let values = (0..count).map(|i| integer(buf, i * self.width, self.width));
                        self.dictionary.integers = Some(values.collect::<Result<_>>()?);
                        continue;
                    }
                    let entries = dictionary(buf, *num_values as usize, decoded)?;
                    self.dictionary.ids.clear();
                    if let Some(resolve) = resolve {
                        // Each entry resolved as the rows' text would be
                        // (trimmed, as it is kept); one that is not text
                        // or is blank names nothing.
                        let id = |e: &Option<(u32, u32)>| {
                            e.and_then(|(a, b)| {
                                let name = decoded.text.get(a as usize..b as usize)?;
                                resolve(std::str::from_utf8(name).ok()?)
                            })
                            .unwrap_or(NONE)
                        };
                        self.dictionary.ids.extend(entries.iter().map(id));
                    }
                    self.dictionary.text = Some(entries);
                    continue;
                }
                Page::DataPage {
                    buf,
                    num_values,
                    encoding,
                    def_level_encoding,
                    ..
                } => {
                    let count = *num_values as usize;
                    if self.max_def == 0 {
                        (None, 0, *encoding, count)
                    } else if *def_level_encoding != Encoding::RLE {
                        return Err(bad("definition levels not RLE"));
                    } else {
                        let length = buf
                            .get(..4)
                            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
                            .ok_or_else(|| bad("short page"))?;
                        let end = 4usize.checked_add(length).filter(|&e| e <= buf.len());
                        let end = end.ok_or_else(|| bad("short page"))?;
                        (Some(&buf[4..end]), end, *encoding, count)
                    }
                }
                Page::DataPageV2 {
                    buf,
                    num_values,
                    encoding,
                    def_levels_byte_len,
                    rep_levels_byte_len,
                    ..
                } => {
                    let from = *rep_levels_byte_len as usize;
                    let end = from + *def_levels_byte_len as usize;
                    if end > buf.len() {
                        return Err(bad("short page"));
                    }
                    let levels = (self.max_def > 0).then(|| &buf[from..end]);
                    (levels, end, *encoding, *num_values as usize)
                }
            };
            self.present.clear();
            match levels {
                None => self.present.resize(count, true),
                Some(data) => {
                    // Each level read straight into whether its row holds
                    // a value: no vector of levels in between.
                    let width = 16 - (self.max_def as u16).leading_zeros() as u8;
                    let mut present = Present {
                        rows: &mut self.present,
                        max: self.max_def as u32,
                    };
                    hybrid(data, width, count, &mut present)?;
                }
            }
            let wanted = self.present.iter().filter(|&&p| p).count();
            self.value = 0;
            self.row = 0;
            self.values = match encoding {
                Encoding::PLAIN => {
                    self.at = values;
                    Values::Plain(page)
                }
                Encoding::PLAIN_DICTIONARY | Encoding::RLE_DICTIONARY => {
                    let data = &page.buffer()[values..];
                    let (&width, data) = data.split_first().ok_or_else(|| bad("short page"))?;
                    if width > 32 {
                        return Err(bad("index width"));
                    }
                    let mut indices =
                        match std::mem::replace(&mut self.values, Values::Indices(Vec::new())) {
                            Values::Indices(v) => v,
                            Values::Plain(_) => Vec::new(),
                        };
                    indices.clear();
                    hybrid(data, width, wanted, &mut indices)?;
                    Values::Indices(indices)
                }
                _ => return Err(bad("an encoding not read")),
            };
            return Ok(true);
        }
    }
}

/// A dictionary page's strings appended to the batch's text, kept there
/// for the chunk: each one's bounds, trimmed as a row's value is, None when
/// it is not UTF-8.
fn dictionary(buf: &[u8], count: usize, decoded: &mut Decoded) -> Result<Vec<Option<(u32, u32)>>> {
    let mut entries = Vec::with_capacity(count.min(buf.len() / 4));
    let mut at = 0;
    for _ in 0..count {
        let (start, next) = plain(buf, at)?;
        at = next;
        entries.push(std::str::from_utf8(&buf[start..next]).ok().map(|s| {
            let (a, b) = trimmed(s);
            let base = decoded.text.len();
            decoded.text.extend_from_slice(s.as_bytes());
            ((base + a) as u32, (base + b) as u32)
        }));
    }
    decoded.kept = decoded.text.len();
    Ok(entries)
}

/// A value's bytes as text, None when they are not UTF-8. Most values
/// of an export are short and ASCII (ids, names): those are told by one
/// test of their bytes, without `from_utf8`'s call and setup per value.
#[inline]
fn text(bytes: &[u8]) -> Option<&str> {
    if bytes.is_ascii() {
        // SAFETY: ASCII bytes are UTF-8.
        Some(unsafe { std::str::from_utf8_unchecked(bytes) })
    } else {
        std::str::from_utf8(bytes).ok()
    }
}

/// The PLAIN byte array at `at` of `buf` (its length in four bytes, then
/// its bytes): where its bytes start, and where the next value starts.
#[inline(always)]
fn plain(buf: &[u8], at: usize) -> Result<(usize, usize)> {
    let length = buf
        .get(at..at + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .ok_or_else(|| bad("short value"))?;
    let end = (at + 4)
        .checked_add(length)
        .filter(|&e| e <= buf.len())
        .ok_or_else(|| bad("short value"))?;
    Ok((at + 4, end))
}

/// The INT32 (`width` 4) or INT64 (8) at `at` of `buf`, little-endian.
#[inline(always)]
fn integer(buf: &[u8], at: usize, width: usize) -> Result<i64> {
    let bytes = buf.get(at..at + width).ok_or_else(|| bad("short value"))?;
    Ok(match width {
        8 => i64::from_le_bytes(bytes.try_into().expect("eight bytes")),
        _ => i64::from(i32::from_le_bytes(
            bytes[..4].try_into().map_err(|_| bad("width"))?,
        )),
    })
}

#[cfg(test)]
mod tests;
