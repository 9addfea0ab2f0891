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

use super::columns::{trimmed, Decoded};
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
    /// Each dictionary entry's bounds in the batch's text (its first
    /// `Decoded::kept` bytes); None for an entry that is not UTF-8.
    dictionary: Option<Vec<Option<(u32, u32)>>>,
    /// An integer column's dictionary.
    integers: Option<Vec<i64>>,
    /// Each dictionary entry's id, when the column's names are resolved.
    ids: Vec<u32>,
    /// The data page being read: whether each of its rows holds a value.
    present: Vec<bool>,
    row: usize,
    values: Values,
    /// The next value of `values`, and where it starts in a plain page.
    value: usize,
    at: usize,
    levels: Vec<u32>,
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
            dictionary: None,
            integers: None,
            ids: Vec::new(),
            present: Vec::new(),
            row: 0,
            values: Values::Indices(Vec::new()),
            value: 0,
            at: 0,
            levels: Vec::new(),
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
        let mut read = 0;
        let resolving = resolve.is_some();
        while read < rows {
            if self.row == self.present.len() && !self.next_page(read, decoded, resolve)? {
                break;
            }
            let take = (rows - read).min(self.present.len() - self.row);
            let Pages {
                dictionary,
                ids,
                present,
                row,
                values,
                value,
                at,
                ..
            } = self;
            let present = &present[*row..*row + take];
            match values {
                Values::Indices(indices) => {
                    let dictionary = dictionary.as_deref().ok_or_else(|| bad("no dictionary"))?;
                    decoded.cells.reserve(take);
                    for &here in present {
                        if !here {
                            decoded.none();
                            if resolving {
                                decoded.ids.push(NONE);
                            }
                            continue;
                        }
                        let index = *indices.get(*value).ok_or_else(|| bad("too few values"))?;
                        *value += 1;
                        match dictionary.get(index as usize) {
                            Some(Some(cell)) => decoded.cell(*cell),
                            Some(None) => decoded.not_text(),
                            None => return Err(bad("index past the dictionary")),
                        }
                        if resolving {
                            // Resolved with the dictionary: an entry each.
                            decoded
                                .ids
                                .push(ids.get(index as usize).copied().unwrap_or(NONE));
                        }
                    }
                }
                Values::Plain(page) => {
                    // The values' bytes are copied in one piece after
                    // them (lengths and all); each cell points into it.
                    let buf = page.buffer();
                    let from = *at;
                    let base = decoded.text.len();
                    let at_text = |i: usize| (base + i - from) as u32;
                    decoded.cells.reserve(take);
                    for &here in present {
                        if !here {
                            decoded.none();
                            continue;
                        }
                        let (start, next) = plain(buf, *at)?;
                        *at = next;
                        match text(&buf[start..next]) {
                            Some(s) => {
                                let (a, b) = trimmed(s);
                                decoded.cell((at_text(start + a), at_text(start + b)));
                            }
                            None => decoded.not_text(),
                        }
                    }
                    decoded.text.extend_from_slice(&buf[from..*at]);
                    if resolving {
                        // A plain page's values are looked up by their text.
                        decoded.ids.resize(decoded.ids.len() + take, NONE);
                    }
                }
            }
            self.row += take;
            read += take;
        }
        Ok(read)
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
        mut each: impl FnMut(&mut Decoded, Option<i64>),
    ) -> Result<usize> {
        let mut read = 0;
        while read < rows {
            if self.row == self.present.len() && !self.next_page(read, decoded, None)? {
                break;
            }
            let take = (rows - read).min(self.present.len() - self.row);
            let Pages {
                width,
                integers,
                present,
                row,
                values,
                value,
                at,
                ..
            } = self;
            let present = &present[*row..*row + take];
            match values {
                Values::Indices(indices) => {
                    let dictionary = integers.as_deref().ok_or_else(|| bad("no dictionary"))?;
                    for &here in present {
                        if !here {
                            each(decoded, None);
                            continue;
                        }
                        let index = *indices.get(*value).ok_or_else(|| bad("too few values"))?;
                        *value += 1;
                        let v = dictionary.get(index as usize);
                        each(
                            decoded,
                            Some(*v.ok_or_else(|| bad("index past the dictionary"))?),
                        );
                    }
                }
                Values::Plain(page) => {
                    let buf = page.buffer();
                    for &here in present {
                        if !here {
                            each(decoded, None);
                            continue;
                        }
                        each(decoded, Some(integer(buf, *at, *width)?));
                        *at += *width;
                    }
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
                    let second = self.dictionary.is_some() || self.integers.is_some();
                    if second || read > 0 || decoded.kept > 0 {
                        return Err(bad("a second dictionary"));
                    }
                    if self.width > 0 {
                        let count = *num_values as usize;
                        let values = (0..count).map(|i| integer(buf, i * self.width, self.width));
                        self.integers = Some(values.collect::<Result<_>>()?);
                        continue;
                    }
                    let entries = dictionary(buf, *num_values as usize, decoded)?;
                    self.ids.clear();
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
                        self.ids.extend(entries.iter().map(id));
                    }
                    self.dictionary = Some(entries);
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
                    let width = 16 - (self.max_def as u16).leading_zeros() as u8;
                    self.levels.clear();
                    hybrid(data, width, count, &mut self.levels)?;
                    let max = self.max_def as u32;
                    self.present.extend(self.levels.iter().map(|&l| l == max));
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

/// `n` values of `width` bits in Parquet's RLE / bit-packed hybrid
/// encoding, appended to `out`.
pub(super) fn hybrid(data: &[u8], width: u8, n: usize, out: &mut Vec<u32>) -> Result<()> {
    let bytes_of_value = usize::from(width).div_ceil(8);
    let mask = if width >= 32 {
        u32::MAX
    } else {
        (1u32 << width) - 1
    };
    let end = out.len() + n;
    let mut at = 0;
    while out.len() < end {
        // The run's header, an unsigned LEB128 varint.
        let mut header: u64 = 0;
        let mut shift = 0;
        loop {
            let &byte = data.get(at).ok_or_else(|| bad("short run"))?;
            at += 1;
            if shift > 63 {
                return Err(bad("run header"));
            }
            header |= u64::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                break;
            }
        }
        let left = end - out.len();
        if header & 1 == 0 {
            // A run of one value repeated.
            let count = usize::try_from(header >> 1).unwrap_or(usize::MAX).min(left);
            if count == 0 {
                return Err(bad("empty run"));
            }
            let bytes = data
                .get(at..at + bytes_of_value)
                .ok_or_else(|| bad("short run"))?;
            at += bytes_of_value;
            let value = bytes
                .iter()
                .rev()
                .fold(0u32, |v, &b| (v << 8) | u32::from(b));
            out.resize(out.len() + count, value & mask);
        } else {
            // Groups of eight values, bit-packed from the lowest bit.
            let groups = usize::try_from(header >> 1).unwrap_or(usize::MAX);
            if groups == 0 {
                return Err(bad("empty run"));
            }
            let length = groups
                .checked_mul(usize::from(width))
                .ok_or_else(|| bad("run length"))?;
            let packed = data
                .get(at..)
                .map(|rest| &rest[..length.min(rest.len())])
                .ok_or_else(|| bad("short run"))?;
            // The last run may stop short of its groups: it is cut at the
            // values wanted.
            let count = groups.saturating_mul(8).min(left);
            if packed.len() * 8 < count * usize::from(width) {
                return Err(bad("short run"));
            }
            at += packed.len();
            out.reserve(count);
            let width = usize::from(width);
            // Eight bytes read at once where the run has them (a value
            // starts at most 7 bits into them and is at most 32 bits wide),
            // the run's last values from a copy of its last bytes.
            let whole = if packed.len() >= 8 {
                ((packed.len() - 8) * 8 / width.max(1) + 1).min(count)
            } else {
                0
            };
            for i in 0..whole {
                let bit = i * width;
                let from = bit / 8;
                let word: [u8; 8] = packed[from..from + 8].try_into().expect("eight bytes");
                out.push((u64::from_le_bytes(word) >> (bit % 8)) as u32 & mask);
            }
            for i in whole..count {
                let bit = i * width;
                let mut word = [0u8; 8];
                let from = bit / 8;
                let to = (from + 8).min(packed.len());
                word[..to - from].copy_from_slice(&packed[from..to]);
                out.push((u64::from_le_bytes(word) >> (bit % 8)) as u32 & mask);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
