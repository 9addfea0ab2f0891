//! A Parquet export's rows — what warehouses (Spark, DuckDB, BigQuery,
//! Snowflake, pandas) write — read column by column and handed to the same
//! row readers as a CSV export's, so a row means the same in either format
//! and a bad row is bad for the same reason.
//!
//! Each column a field maps to is decoded a batch of rows at a time into
//! text: strings as they are, integers and floats as numbers, a timestamp
//! as RFC 3339 (`…Z` when the file stores an instant, no offset when it
//! stores a wall time, which is then read in the calendar's time zone as a
//! CSV's would be), a DECIMAL (of any physical type, up to DECIMAL(38)) as
//! its exact number. Only flat columns are read (a struct's leaf by its
//! dotted path, as in JSON Lines); a field mapped to a list, or to a type
//! cxc cannot turn into text (TIME, UUID), refuses the file with the
//! column's name and type.
//!
//! A Parquet file is hostile input like any export: a file whose footer or
//! first rows cannot be read is refused as not Parquet ([`Refusal`]), the
//! reader's errors and panics later end the file with one unreadable row,
//! and a column chunk that claims more than [`MAX_CHUNK`] bytes decoded is
//! refused before it is read. Zero bytes hold no rows, as a CSV's do.

mod columns;
mod pages;
mod typed;

use super::RESOLVED;
use super::{doubled, slots, trim, BadRow, Columns, Fields, Flaw, Reader, Resolve, Row, When};
use crate::config::fields::Field;
#[cfg(test)]
use columns::{instant, integer};
use columns::{shape, Decoded, Source};
use columns::{Shape, Unit};
use parquet::file::reader::{FileReader, SerializedFileReader};

/// Rows decoded at once: a batch's text is held until its rows are read.
const BATCH: usize = 4096;

/// The most a column chunk may hold decoded (its metadata's uncompressed
/// size): a larger one is refused rather than allocated.
pub const MAX_CHUNK: i64 = 1 << 30;

/// The first bytes (and the last) of every Parquet file.
pub const MAGIC: &[u8; 4] = b"PAR1";

/// Why a Parquet export is not read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A field maps to a column of a kind cxc cannot turn into a value:
    /// the column's name (from the file) and what it is (`TIME`, `list`).
    Column { column: String, kind: &'static str },
    /// The file's footer cannot be read: it is not Parquet, or damaged
    /// (truncated, a corrupt footer, `PAR1PAR1` alone).
    NotParquet,
}

impl Refusal {
    /// The refusal as the export's `bad-data`, at its first line: about
    /// the export as a whole, it sets no row aside.
    pub fn bad_row(self) -> BadRow {
        match self {
            Refusal::Column { column, kind } => BadRow {
                example: Some(column),
                ..BadRow::unread(1, Flaw::ColumnType(kind))
            },
            Refusal::NotParquet => BadRow::unread(1, Flaw::NotParquet),
        }
    }
}

/// One row of a batch: each field's value from its column's text.
struct ParquetRow<'a> {
    /// Each field's column, by the field's number: made once a batch, so
    /// that a field's value is one look-up.
    fields: &'a [Option<&'a Source>; Field::ALL.len()],
    row: usize,
}

// Inlined into `Row::read`, where each field is a constant: a field no
// column holds is one test, one that has a column a look-up in its batch.
impl Fields for ParquetRow<'_> {
    #[inline(always)]
    fn get(&self, field: Field, _: &Columns) -> Option<&str> {
        self.fields[field as usize]?.decoded.value(self.row)
    }

    #[inline(always)]
    fn time(&self, field: Field, columns: &Columns) -> Option<Option<When>> {
        let source = self.fields[field as usize]?;
        if source.typed {
            return *source.decoded.times.get(self.row)?;
        }
        self.get(field, columns).map(When::parse)
    }

    #[inline(always)]
    fn number(&self, field: Field, columns: &Columns) -> Option<Option<f64>> {
        let source = self.fields[field as usize]?;
        if source.number {
            return source.decoded.numbers.get(self.row)?.map(Some);
        }
        self.get(field, columns).map(super::number)
    }

    #[inline(always)]
    fn known(&self, field: Field) -> Option<u32> {
        let source = self.fields[field as usize]?;
        if source.resolves != Some(field) {
            return None;
        }
        let id = *source.decoded.ids.get(self.row)?;
        (id != pages::NONE).then_some(id)
    }
}

/// Reads the rows of a Parquet export; `each` gets every row, good or bad,
/// in file order, numbered from 1. A column of segments, channels or
/// complaints has its dictionary's names resolved by `names` ([`super::Known`]).
pub fn parquet_rows<T: Row>(
    file: std::fs::File,
    columns: &Columns,
    names: &dyn Resolve,
    each: impl FnMut(Result<T::Of<'_>, BadRow>),
) -> Result<(), Refusal> {
    parquet_part(file, columns, Part::whole(), names, each)
}

/// Which row groups of a Parquet file one reader reads, and the number of
/// the first row they hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub groups: std::ops::Range<usize>,
    pub first_row: u64,
}

impl Part {
    fn whole() -> Part {
        Part {
            groups: 0..usize::MAX,
            first_row: 1,
        }
    }
}

/// The file's row groups cut in at most `n` parts of about as many rows
/// each, for as many readers; None when it has fewer than two row groups
/// or its footer cannot be read (one reader then reports what is wrong).
pub fn parquet_parts(file: std::fs::File, n: usize) -> Option<Vec<Part>> {
    let reader = quietly(|| {
        std::panic::catch_unwind(|| SerializedFileReader::new(file).ok())
            .ok()
            .flatten()
    })?;
    let rows: Vec<u64> = reader
        .metadata()
        .row_groups()
        .iter()
        .map(|g| u64::try_from(g.num_rows()).unwrap_or(0))
        .collect();
    if rows.len() < 2 || n < 2 {
        return None;
    }
    let total: u64 = rows.iter().sum();
    let n = n as u64;
    let mut parts = Vec::new();
    let (mut start, mut before) = (0, 0u64);
    for (group, &count) in rows.iter().enumerate() {
        before += count;
        // A part ends after the group that takes it to its share of rows.
        let share = total * (parts.len() as u64 + 1) / n;
        if before >= share && group + 1 < rows.len() && (parts.len() as u64) < n - 1 {
            parts.push(start..group + 1);
            start = group + 1;
        }
    }
    parts.push(start..rows.len());
    let mut first_row = 1;
    Some(
        parts
            .into_iter()
            .map(|groups| {
                let part = Part {
                    first_row,
                    groups: groups.clone(),
                };
                first_row += rows[groups].iter().sum::<u64>();
                part
            })
            .collect(),
    )
}

/// Reads the rows of `part` of a Parquet export, as [`parquet_rows`] does.
pub fn parquet_part<T: Row>(
    file: std::fs::File,
    columns: &Columns,
    part: Part,
    names: &dyn Resolve,
    mut each: impl FnMut(Result<T::Of<'_>, BadRow>),
) -> Result<(), Refusal> {
    let mut next_row: u64 = part.first_row;
    // Zero bytes hold no rows, as an empty CSV does (`Flaw::NoRows`).
    if file.metadata().is_ok_and(|m| m.is_file() && m.len() == 0) {
        return Ok(());
    }
    // The parquet crate panics on some malformed files; such a file is an
    // unreadable export, not a crash, and nothing of it is printed. One
    // whose footer cannot be read is not Parquet at all.
    let mut opened = false;
    let read = quietly(|| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let reader = SerializedFileReader::new(file).map_err(|_| Stop::Unreadable)?;
            opened = true;
            rows(
                reader,
                columns,
                names,
                part.groups,
                &mut next_row,
                &mut each,
            )
        }))
    });
    match read {
        Ok(Ok(())) => Ok(()),
        Ok(Err(Stop::Refused(refusal))) => Err(refusal),
        // Damage found before the first row was read (a footer whose
        // counts or offsets lie) is the file's, not a row's.
        _ if !opened || next_row == 1 => Err(Refusal::NotParquet),
        Ok(Err(Stop::Unreadable)) | Err(_) => {
            each(Err(BadRow::unread(next_row, Flaw::Unreadable)));
            Ok(())
        }
    }
}

std::thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with panics on this thread not reported: a panic hook,
/// installed once in front of the one before it, stays silent while a
/// thread is inside `quietly` and hands every other panic on.
fn quietly<R>(f: impl FnOnce() -> R) -> R {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    let before = QUIET.with(|q| q.replace(true));
    let result = f();
    QUIET.with(|q| q.set(before));
    result
}

enum Stop {
    Refused(Refusal),
    Unreadable,
}

impl From<parquet::errors::ParquetError> for Stop {
    fn from(_: parquet::errors::ParquetError) -> Stop {
        Stop::Unreadable
    }
}

fn rows<T: Row>(
    reader: SerializedFileReader<std::fs::File>,
    columns: &Columns,
    names: &dyn Resolve,
    groups: std::ops::Range<usize>,
    next_row: &mut u64,
    each: &mut impl FnMut(Result<T::Of<'_>, BadRow>),
) -> Result<(), Stop> {
    let schema = reader.metadata().file_metadata().schema_descr_ptr();
    let header: Vec<String> = schema.columns().iter().map(|c| c.path().string()).collect();
    let field_slots = slots(&header, columns);
    // Said once, by the reader of the first row group.
    if groups.start == 0 {
        for column in doubled(&header, columns) {
            each(Err(BadRow::duplicate_column(column)));
        }
    }
    // One source per column a field reads; slots point into `sources`.
    let mut sources: Vec<Source> = Vec::new();
    let mut slots = [None; Field::ALL.len()];
    for (field, slot) in Field::ALL.iter().zip(field_slots) {
        let Some(index) = slot else { continue };
        let column = schema.column(index);
        let refuse = |kind: &'static str| {
            Stop::Refused(Refusal::Column {
                column: header[index].clone(),
                kind,
            })
        };
        if column.max_rep_level() > 0 {
            return Err(refuse("list"));
        }
        let Some(shape) = shape(&column) else {
            return Err(refuse(columns::kind(&column)));
        };
        let at = match sources.iter().position(|s| s.index == index) {
            Some(at) => at,
            None => {
                sources.push(Source {
                    index,
                    shape,
                    typed: false,
                    number: false,
                    max_def: column.max_def_level(),
                    width: match column.physical_type() {
                        parquet::basic::Type::INT32 => 4,
                        parquet::basic::Type::INT64 => 8,
                        _ => 0,
                    },
                    resolves: None,
                    reader: None,
                    levels: Vec::new(),
                    decoded: Decoded::default(),
                });
                sources.len() - 1
            }
        };
        slots[*field as usize] = Some(at);
    }
    // A time column no other field reads is decoded into times, an
    // integer column only number fields read into numbers.
    for (at, source) in sources.iter_mut().enumerate() {
        let readers: Vec<Field> = Field::ALL
            .iter()
            .copied()
            .filter(|&f| slots[f as usize] == Some(at))
            .collect();
        source.typed =
            typed::is_time(source.shape) && readers.iter().all(|f| typed::TIMES.contains(f));
        source.number =
            source.shape == Shape::Integer && readers.iter().all(|f| typed::NUMBERS.contains(f));
        // A text column's names are resolved for the one field of those
        // that name declarations reading it.
        let mut named = readers.iter().filter(|f| RESOLVED.contains(f));
        source.resolves = match (named.next(), named.next()) {
            (Some(&field), None) if source.shape == Shape::Text => Some(field),
            _ => None,
        };
    }
    for group in groups.start..groups.end.min(reader.num_row_groups()) {
        let group_meta = reader.metadata().row_group(group);
        let expected = usize::try_from(group_meta.num_rows()).map_err(|_| Stop::Unreadable)?;
        if sources
            .iter()
            .any(|s| group_meta.column(s.index).uncompressed_size() > MAX_CHUNK)
        {
            return Err(Stop::Unreadable);
        }
        let group_reader = reader.get_row_group(group)?;
        for source in &mut sources {
            source.start(group_reader.as_ref(), group_meta.column(source.index))?;
        }
        let mut left = expected;
        while left > 0 {
            let want = left.min(BATCH);
            for source in &mut sources {
                if source.next_batch(want, names)? != want {
                    // A column that ends before its row group says.
                    return Err(Stop::Unreadable);
                }
            }
            let mut by_field = [None; Field::ALL.len()];
            for (field, slot) in by_field.iter_mut().zip(slots) {
                *field = slot.map(|at| &sources[at]);
            }
            // The rows of the batch that hold bytes that are not text.
            let mut bad = Vec::new();
            if sources.iter().any(|s| !s.decoded.bad.is_empty()) {
                bad.resize(want, false);
                for &row in sources.iter().flat_map(|s| &s.decoded.bad) {
                    bad[row as usize] = true;
                }
            }
            for row in 0..want {
                let line = *next_row;
                *next_row += 1;
                if !bad.is_empty() && bad[row] {
                    each(Err(BadRow::unread(line, Flaw::Unreadable)));
                    continue;
                }
                let fields = ParquetRow {
                    fields: &by_field,
                    row,
                };
                each(T::read(&Reader {
                    row: &fields,
                    columns,
                    line,
                    subject: T::SUBJECT,
                }));
            }
            left -= want;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
