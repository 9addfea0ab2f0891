//! A column of a Parquet export a field reads: how its values become
//! text (or, for a time column only times read, typed times), decoded a
//! batch of rows at a time.

use super::pages::{self, Pages, Resolver};
use super::{trim, typed, Field, Resolve, When};
use parquet::basic::{ConvertedType, LogicalType, TimeUnit, Type as Physical};
use parquet::column::reader::ColumnReader;
use parquet::data_type::{ByteArray, FixedLenByteArray, Int96};
use parquet::file::metadata::ColumnChunkMetaData;
use parquet::file::reader::RowGroupReader;
use parquet::schema::types::ColumnDescriptor;
use std::fmt::Write as _;

/// How a column's values become text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Shape {
    Text,
    Integer,
    /// An integer scaled by `10^-scale`.
    Decimal(i32),
    /// Days since 1970-01-01.
    Date,
    /// An integer count of `unit`s since 1970-01-01: an instant (`utc`) or
    /// a wall time.
    Timestamp {
        unit: Unit,
        utc: bool,
    },
    /// Spark's legacy timestamp: an instant.
    Int96,
    Float,
    Boolean,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Unit {
    Millis,
    Micros,
    Nanos,
}

pub(super) fn shape(column: &ColumnDescriptor) -> Option<Shape> {
    let logical = column.logical_type_ref();
    let converted = column.converted_type();
    let unit = |u: &TimeUnit| match u {
        TimeUnit::MILLIS => Unit::Millis,
        TimeUnit::MICROS => Unit::Micros,
        TimeUnit::NANOS => Unit::Nanos,
    };
    let decimal = match logical {
        Some(LogicalType::Decimal(d)) => Some(d.scale),
        _ if converted == ConvertedType::DECIMAL => Some(column.type_scale()),
        _ => None,
    };
    Some(match column.physical_type() {
        // A warehouse's DECIMAL(38,0) id is a big-endian integer in bytes.
        Physical::BYTE_ARRAY | Physical::FIXED_LEN_BYTE_ARRAY if decimal.is_some() => {
            Shape::Decimal(decimal.unwrap_or(0))
        }
        Physical::BYTE_ARRAY => Shape::Text,
        Physical::BOOLEAN => Shape::Boolean,
        Physical::FLOAT | Physical::DOUBLE => Shape::Float,
        Physical::INT96 => Shape::Int96,
        Physical::INT32 | Physical::INT64 => match (logical, converted) {
            (Some(LogicalType::Date), _) | (None, ConvertedType::DATE) => Shape::Date,
            (Some(LogicalType::Timestamp(t)), _) => Shape::Timestamp {
                unit: unit(&t.unit),
                utc: t.is_adjusted_to_u_t_c,
            },
            // Before logical types, a timestamp was always an instant.
            (None, ConvertedType::TIMESTAMP_MILLIS) => Shape::Timestamp {
                unit: Unit::Millis,
                utc: true,
            },
            (None, ConvertedType::TIMESTAMP_MICROS) => Shape::Timestamp {
                unit: Unit::Micros,
                utc: true,
            },
            (Some(LogicalType::Time(_)), _)
            | (None, ConvertedType::TIME_MILLIS | ConvertedType::TIME_MICROS) => return None,
            _ => match decimal {
                Some(scale) => Shape::Decimal(scale),
                None => Shape::Integer,
            },
        },
        Physical::FIXED_LEN_BYTE_ARRAY => return None,
    })
}

/// What a column [`shape`] cannot read is, as the file's schema says it:
/// its logical type when it has one (`TIME`, `UUID`), else its physical.
pub(super) fn kind(column: &ColumnDescriptor) -> &'static str {
    match column.logical_type_ref() {
        Some(LogicalType::Time(_)) => return "TIME",
        Some(LogicalType::Uuid) => return "UUID",
        Some(LogicalType::Float16) => return "FLOAT16",
        _ => {}
    }
    match column.converted_type() {
        ConvertedType::TIME_MILLIS | ConvertedType::TIME_MICROS => return "TIME",
        ConvertedType::INTERVAL => return "INTERVAL",
        _ => {}
    }
    match column.physical_type() {
        Physical::BOOLEAN => "BOOLEAN",
        Physical::INT32 => "INT32",
        Physical::INT64 => "INT64",
        Physical::INT96 => "INT96",
        Physical::FLOAT => "FLOAT",
        Physical::DOUBLE => "DOUBLE",
        Physical::BYTE_ARRAY => "BYTE_ARRAY",
        Physical::FIXED_LEN_BYTE_ARRAY => "FIXED_LEN_BYTE_ARRAY",
    }
}

/// One batch of a column, as text: `cells[r]` is row r's value's bounds in
/// `text`, trimmed as a row's value is, equal bounds when the row holds no
/// value or only blanks; `bad` lists the rows that hold bytes that are not
/// text. A time column read only as times is decoded typed instead:
/// `times[r]` is None when the row holds no value, `Some(None)` when it
/// holds one out of the calendar's range.
#[derive(Default)]
pub(super) struct Decoded {
    /// A text column's dictionary is its first `kept` bytes, kept from
    /// batch to batch of a row group.
    pub(super) kept: usize,
    /// UTF-8 wherever a cell points (each value is checked before its cell
    /// is made); other bytes between cells (a plain page's lengths, copied
    /// with its values in one piece) are never read as text.
    pub(super) text: Vec<u8>,
    pub(super) cells: Vec<(u32, u32)>,
    /// The rows of the batch that hold bytes that are not text, in order.
    pub(super) bad: Vec<u32>,
    pub(super) times: Vec<Option<Option<When>>>,
    /// An integer column read only as numbers: `numbers[r]` is None when
    /// the row holds no value.
    pub(super) numbers: Vec<Option<f64>>,
    /// A column whose names are resolved: `ids[r]` is the id row r's
    /// dictionary entry names, `pages::NONE` when it has none; empty
    /// when the column is read by the parquet crate.
    pub(super) ids: Vec<u32>,
    /// Where a value that is not text yet (a number, a time) is written.
    scratch: String,
}

/// A cell of no value.
pub(super) const EMPTY: (u32, u32) = (0, 0);

impl Decoded {
    pub(super) fn clear(&mut self) {
        self.text.truncate(self.kept);
        self.cells.clear();
        self.bad.clear();
        self.times.clear();
        self.numbers.clear();
        self.ids.clear();
    }

    /// Row `row`'s value: None when it holds none, only blanks, or bytes
    /// that are not text.
    #[inline(always)]
    pub(super) fn value(&self, row: usize) -> Option<&str> {
        let &(a, b) = self.cells.get(row)?;
        if a == b {
            return None;
        }
        let bytes = self.text.get(a as usize..b as usize)?;
        // SAFETY: a cell's bounds are those of a value checked as UTF-8
        // when the cell was made (`text`, `dictionary`), trimmed at
        // character boundaries (`trimmed`), and `text` is only appended
        // to or truncated to `kept`, below every cell of the batch.
        Some(unsafe { std::str::from_utf8_unchecked(bytes) })
    }

    #[inline(always)]
    fn number(&mut self, number: Option<f64>) {
        self.numbers.push(number);
    }

    #[inline(always)]
    fn time(&mut self, time: Option<Option<When>>) {
        self.times.push(time);
    }

    /// A value as text: trimmed, then copied into the batch's text.
    pub(super) fn push_str(&mut self, value: &str) {
        let value = trim(value);
        let start = self.text.len() as u32;
        self.text.extend_from_slice(value.as_bytes());
        self.cells.push((start, self.text.len() as u32));
    }

    /// A value written as text (a number's, a time's).
    fn push(&mut self, write: impl FnOnce(&mut String)) {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        write(&mut scratch);
        self.push_str(&scratch);
        self.scratch = scratch;
    }

    /// A value already in the text (a dictionary's).
    #[inline(always)]
    pub(super) fn cell(&mut self, bounds: (u32, u32)) {
        self.cells.push(bounds);
    }

    /// A row without a value.
    #[inline(always)]
    pub(super) fn none(&mut self) {
        self.cells.push(EMPTY);
    }

    /// A DECIMAL held as bytes (a big-endian two's complement integer,
    /// scaled by `10^-scale`), written exactly; one wider than 16 bytes
    /// (past DECIMAL(38)) is not a value.
    fn big_decimal(&mut self, bytes: &[u8], scale: i32) {
        match big_endian(bytes) {
            Some(v) => self.push(|t| decimal(t, v, scale)),
            None => self.not_text(),
        }
    }

    /// A row whose value is not text.
    pub(super) fn not_text(&mut self) {
        self.bad.push(self.cells.len() as u32);
        self.cells.push(EMPTY);
    }
}

/// `value`'s bounds within itself once trimmed as a row's value is
/// ([`trim`]: at character boundaries).
#[inline(always)]
pub(super) fn trimmed(value: &str) -> (usize, usize) {
    let kept = trim(value);
    let start = kept.as_ptr() as usize - value.as_ptr() as usize;
    (start, start + kept.len())
}

/// A column of the file a field reads, with its reader for the current
/// row group and the buffers its batches decode into.
pub(super) struct Source {
    pub(super) index: usize,
    pub(super) shape: Shape,
    /// Read only by time fields: decoded into `times`, not text.
    pub(super) typed: bool,
    /// An integer column read only by number fields: decoded into
    /// `numbers`, not text.
    pub(super) number: bool,
    pub(super) max_def: i16,
    /// An INT32 column's bytes a value (4), an INT64's (8); 0 for others.
    pub(super) width: usize,
    /// The field whose names this column's dictionary entries are
    /// resolved for (`Decoded::ids`), when one is.
    pub(super) resolves: Option<Field>,
    pub(super) reader: Option<Chunk>,
    pub(super) levels: Vec<i16>,
    pub(super) decoded: Decoded,
}

/// How a column chunk is read: a text column's pages, and an integer
/// column's read as times or numbers, by cxc when it can ([`pages`]), any
/// other by the parquet crate.
pub(super) enum Chunk {
    Values(ColumnReader),
    Text(Pages),
    Integers(Pages),
}

/// The values of one batch's columns, in the order of [`Source`]s.
macro_rules! read_batch {
    ($reader:expr, $ty:ty, $levels:expr, $max_def:expr, $rows:expr, $each:expr) => {{
        let mut values: Vec<$ty> = Vec::with_capacity($rows);
        $levels.clear();
        let (records, _, _) = $reader.read_records(
            $rows,
            ($max_def > 0).then_some(&mut *$levels),
            None,
            &mut values,
        )?;
        let mut values = values.iter();
        for r in 0..records {
            let present = $max_def == 0 || $levels.get(r) == Some(&$max_def);
            match present.then(|| values.next()).flatten() {
                Some(v) => $each(Some(v)),
                None => $each(None),
            }
        }
        records
    }};
}

impl Source {
    /// Starts reading the source's column chunk of a row group.
    pub(super) fn start(
        &mut self,
        group: &dyn RowGroupReader,
        chunk: &ColumnChunkMetaData,
    ) -> parquet::errors::Result<()> {
        self.decoded.kept = 0;
        let integers = (self.typed || self.number) && self.width > 0;
        self.reader = Some(if self.shape == Shape::Text && pages::supported(chunk) {
            let pages = group.get_column_page_reader(self.index)?;
            Chunk::Text(Pages::new(pages, self.max_def, &mut self.decoded))
        } else if integers && pages::supported(chunk) {
            let pages = group.get_column_page_reader(self.index)?;
            Chunk::Integers(Pages::integers(pages, self.max_def, self.width))
        } else {
            Chunk::Values(group.get_column_reader(self.index)?)
        });
        Ok(())
    }

    /// Decodes the next `rows` rows; returns how many there were.
    pub(super) fn next_batch(
        &mut self,
        rows: usize,
        names: &dyn Resolve,
    ) -> parquet::errors::Result<usize> {
        let Source {
            shape,
            typed,
            number,
            max_def,
            reader,
            levels,
            decoded,
            resolves,
            ..
        } = self;
        let (shape, typed, number, max_def) = (*shape, *typed, *number, *max_def);
        decoded.clear();
        let reader = match reader.as_mut() {
            None => return Ok(0),
            Some(Chunk::Text(pages)) => {
                let resolve = resolves.map(|field| move |name: &str| names.id(field, name));
                let resolve = resolve.as_ref().map(|r| r as Resolver<'_>);
                return pages.next_batch(rows, decoded, resolve);
            }
            Some(Chunk::Integers(pages)) if typed => {
                return pages.next_integers(rows, decoded, |d, v| {
                    d.time(v.map(|v| typed::time(v, shape)));
                });
            }
            Some(Chunk::Integers(pages)) => {
                return pages.next_integers(rows, decoded, |d, v| d.number(v.map(typed::number)));
            }
            Some(Chunk::Values(reader)) => reader,
        };
        let n = match reader {
            ColumnReader::ByteArrayColumnReader(r) => {
                read_batch!(r, ByteArray, levels, max_def, rows, |v: Option<
                    &ByteArray,
                >| {
                    match (v, shape) {
                        (Some(b), Shape::Decimal(scale)) => decoded.big_decimal(b.data(), scale),
                        (Some(b), _) => match std::str::from_utf8(b.data()) {
                            Ok(s) => decoded.push_str(s),
                            Err(_) => decoded.not_text(),
                        },
                        (None, _) => decoded.none(),
                    }
                })
            }
            ColumnReader::Int32ColumnReader(r) => {
                read_batch!(r, i32, levels, max_def, rows, |v: Option<&i32>| match v {
                    Some(&v) if typed => decoded.time(Some(typed::time(i64::from(v), shape))),
                    None if typed => decoded.time(None),
                    Some(&v) if number => decoded.number(Some(typed::number(i64::from(v)))),
                    None if number => decoded.number(None),
                    Some(&v) => decoded.push(|t| integer(t, i64::from(v), shape)),
                    None => decoded.none(),
                })
            }
            ColumnReader::Int64ColumnReader(r) => {
                read_batch!(r, i64, levels, max_def, rows, |v: Option<&i64>| match v {
                    Some(&v) if typed => decoded.time(Some(typed::time(v, shape))),
                    None if typed => decoded.time(None),
                    Some(&v) if number => decoded.number(Some(typed::number(v))),
                    None if number => decoded.number(None),
                    Some(&v) => decoded.push(|t| integer(t, v, shape)),
                    None => decoded.none(),
                })
            }
            ColumnReader::Int96ColumnReader(r) => {
                read_batch!(
                    r,
                    Int96,
                    levels,
                    max_def,
                    rows,
                    |v: Option<&Int96>| match v {
                        Some(v) if typed => decoded.time(Some(typed::time(v.to_nanos(), shape))),
                        None if typed => decoded.time(None),
                        Some(v) => decoded.push(|t| instant(t, v.to_nanos(), Unit::Nanos, true)),
                        None => decoded.none(),
                    }
                )
            }
            ColumnReader::FloatColumnReader(r) => {
                read_batch!(r, f32, levels, max_def, rows, |v: Option<&f32>| match v {
                    Some(&v) => decoded.push(|t| float(t, f64::from(v))),
                    None => decoded.none(),
                })
            }
            ColumnReader::DoubleColumnReader(r) => {
                read_batch!(r, f64, levels, max_def, rows, |v: Option<&f64>| match v {
                    Some(&v) => decoded.push(|t| float(t, v)),
                    None => decoded.none(),
                })
            }
            ColumnReader::BoolColumnReader(r) => {
                read_batch!(r, bool, levels, max_def, rows, |v: Option<&bool>| match v {
                    Some(&v) => decoded.push(|t| t.push_str(if v { "true" } else { "false" })),
                    None => decoded.none(),
                })
            }
            ColumnReader::FixedLenByteArrayColumnReader(r) => {
                read_batch!(
                    r,
                    FixedLenByteArray,
                    levels,
                    max_def,
                    rows,
                    |v: Option<&FixedLenByteArray>| match (v, shape) {
                        (Some(b), Shape::Decimal(scale)) => decoded.big_decimal(b.data(), scale),
                        // `shape` reads no other fixed-width column.
                        (Some(_), _) => decoded.not_text(),
                        (None, _) => decoded.none(),
                    }
                )
            }
        };
        Ok(n)
    }
}

/// An integer column's value as text, by what it stands for.
pub(super) fn integer(text: &mut String, v: i64, shape: Shape) {
    match shape {
        Shape::Date => match jiff::civil::Date::new(1970, 1, 1)
            .ok()
            .and_then(|epoch| epoch.checked_add(jiff::Span::new().try_days(v).ok()?).ok())
        {
            Some(date) => {
                let _ = write!(text, "{date}");
            }
            // Out of the calendar's range: text no time reader accepts.
            None => text.push_str("out of range"),
        },
        Shape::Timestamp { unit, utc } => instant(text, v, unit, utc),
        Shape::Decimal(scale) => decimal(text, v, scale),
        _ => {
            let _ = write!(text, "{v}");
        }
    }
}

/// `v` units since the epoch: `…Z` for an instant, a wall time without an
/// offset otherwise (jiff's RFC 3339, fractions of a second only when
/// there are some).
pub(super) fn instant(text: &mut String, v: i64, unit: Unit, utc: bool) {
    let nanos = match unit {
        Unit::Millis => i128::from(v) * 1_000_000,
        Unit::Micros => i128::from(v) * 1_000,
        Unit::Nanos => i128::from(v),
    };
    match jiff::Timestamp::from_nanosecond(nanos) {
        Ok(t) if utc => {
            let _ = write!(text, "{t}");
        }
        Ok(t) => {
            let _ = write!(text, "{}", t.to_zoned(jiff::tz::TimeZone::UTC).datetime());
        }
        Err(_) => text.push_str("out of range"),
    }
}

/// A big-endian two's complement integer of at most 16 bytes.
pub(super) fn big_endian(bytes: &[u8]) -> Option<i128> {
    if bytes.is_empty() || bytes.len() > 16 {
        return None;
    }
    let fill = if bytes[0] & 0x80 != 0 { 0xff } else { 0 };
    let mut wide = [fill; 16];
    wide[16 - bytes.len()..].copy_from_slice(bytes);
    Some(i128::from_be_bytes(wide))
}

pub(super) fn decimal(text: &mut String, v: impl Into<i128>, scale: i32) {
    let v: i128 = v.into();
    if scale <= 0 {
        let _ = write!(text, "{v}");
        return;
    }
    let digits = v.unsigned_abs().to_string();
    let scale = scale as usize;
    let padded = format!("{digits:0>width$}", width = scale + 1);
    let (whole, fraction) = padded.split_at(padded.len() - scale);
    let sign = if v < 0 { "-" } else { "" };
    let _ = write!(text, "{sign}{whole}.{fraction}");
}

pub(super) fn float(text: &mut String, v: f64) {
    if v.is_finite() {
        let _ = write!(text, "{v}");
    } else {
        text.push_str("not a number");
    }
}
