//! CSV exports: the header's columns found once, records read by the fast
//! reader, and the cuts that share a large file among several readers.

use super::fast::{self, Next, Records};
use super::when::Dates;
use super::{BadRow, Columns, Field, Fields, Flaw, Reader, Row, When};
use std::collections::BTreeMap;
use std::io::Read;

/// A CSV record with each field's column found once, from the header.
struct CsvRow<'a> {
    text: &'a str,
    fields: &'a [(usize, usize)],
    slots: &'a [Option<usize>; Field::ALL.len()],
    /// The dates the file's stamps have had so far.
    dates: &'a Dates,
}

impl Fields for CsvRow<'_> {
    #[inline(always)]
    fn get(&self, field: Field, _: &Columns) -> Option<&str> {
        let &bounds = self.fields.get(self.slots[field as usize]?)?;
        Some(trim(fast::field(self.text, bounds))).filter(|v| !v.is_empty())
    }

    #[inline(always)]
    fn time(&self, field: Field, columns: &Columns) -> Option<Option<When>> {
        let text = self.get(field, columns)?;
        Some(When::parse_with(text, self.dates))
    }
}

/// `str::trim`, at once for the common field that starts and ends with a
/// printable ASCII character (no ASCII byte above a space is white space).
#[inline(always)]
pub(super) fn trim(text: &str) -> &str {
    let printable = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x80);
    let bytes = text.as_bytes();
    if printable(bytes.first()) && printable(bytes.last()) {
        text
    } else {
        text.trim()
    }
}

/// Reads rows from CSV with a header row; `each` gets every row, good or
/// bad, in file order.
pub fn csv_rows<T: Row>(
    input: impl Read,
    columns: &Columns,
    mut each: impl FnMut(Result<T::Of<'_>, BadRow>),
) {
    let mut records = Records::new(input);
    if let Some(header) = read_header(&mut records, columns, &mut each) {
        csv_body(&mut records, &header, &[], columns, &mut each);
    }
}

/// The header row at the start of a file; a header that cannot be read is
/// given to `each` as a bad row, and None. A column a field is read from
/// that it names twice is told to `each` too.
fn read_header<T: Row>(
    records: &mut Records<impl Read>,
    columns: &Columns,
    each: &mut impl FnMut(Result<T::Of<'_>, BadRow>),
) -> Option<Vec<String>> {
    match records.next() {
        Next::Record { text, fields, .. } => {
            let header = header_of(text, fields);
            for column in doubled(&header, columns) {
                each(Err(BadRow::duplicate_column(column)));
            }
            Some(header)
        }
        Next::End => None,
        Next::TooLong(_) => {
            each(Err(BadRow::unread(1, Flaw::TooLong)));
            None
        }
        Next::NotText(_) | Next::Failed(_) => {
            each(Err(BadRow::unread(1, Flaw::Unreadable)));
            None
        }
    }
}

/// Where a part of a CSV export read by one of several readers starts,
/// and where the parts after it start ([`csv_cut_near`]'s guesses).
#[derive(Debug, Clone, Copy)]
pub struct CsvPart<'a> {
    /// The byte of the file the part starts at (0: the first part, which
    /// reads the header itself).
    pub start: u64,
    /// The file's header.
    pub header: &'a [String],
    /// The starts of the parts after this one, ascending.
    pub stops: &'a [u64],
}

/// Where a part's reading ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reached {
    /// The stop it ended at exactly, between two records (an index into
    /// [`CsvPart::stops`]), or `stops.len()`: the end of the file.
    pub stop: usize,
    /// The line breaks it read, from its start to there.
    pub lines: u64,
}

/// Reads the rows of a part of a CSV export: `input` holds the file from
/// byte `part.start` on, to its end. The rows are those one reader of the
/// whole file would read from there, with lines counted from the part's
/// start (the first row's line is 1 plus the line breaks before it in the
/// part), up to the first stop the part's records reach exactly: a record
/// that runs over a stop (the stop was a guess that fell inside a quoted
/// field, or a record too long) is read whole, and the part reads on to
/// the next stop. So a part that starts at a stop another part reached
/// exactly starts between two records: what it reads is what one reader
/// reads there, and [`csv_chain`] keeps only such parts.
pub fn csv_part<T: Row>(
    input: impl Read,
    part: CsvPart<'_>,
    columns: &Columns,
    each: impl FnMut(Result<T::Of<'_>, BadRow>),
) -> Reached {
    csv_part_in::<T>(input, part, columns, Vec::new(), each).0
}

/// [`csv_part`] in a buffer another part was read in, given back with
/// where the part's reading ended.
pub(super) fn csv_part_in<T: Row>(
    input: impl Read,
    part: CsvPart<'_>,
    columns: &Columns,
    buffer: Vec<u8>,
    mut each: impl FnMut(Result<T::Of<'_>, BadRow>),
) -> (Reached, Vec<u8>) {
    let mut records;
    if part.start == 0 {
        records = Records::new_in(input, buffer);
        if read_header(&mut records, columns, &mut each).is_none() {
            let reached = Reached {
                stop: part.stops.len(),
                lines: records.line() - 1,
            };
            return (reached, records.into_buffer());
        }
    } else {
        records = Records::part_in(input, part.start, buffer);
    }
    let reached = csv_body(&mut records, part.header, part.stops, columns, &mut each);
    (reached, records.into_buffer())
}

/// The parts whose rows make the file's, in file order, each with the
/// lines before its start, from where each part's reading ended
/// ([`csv_part`]; `ends[k]` that of the part that starts at stop `k - 1`
/// of the first part's): the first part, then the part at the stop it
/// reached, and so on. A part skipped started at a guess that was not
/// between two records; the part before it read its rows.
pub fn csv_chain(ends: &[Reached]) -> Vec<(usize, u64)> {
    let mut chain = Vec::new();
    let (mut part, mut lines) = (0, 0);
    while let Some(end) = ends.get(part) {
        chain.push((part, lines));
        lines += end.lines;
        part += 1 + end.stop;
    }
    chain
}

/// The header row of a CSV export, its column names.
pub fn csv_header(input: impl Read) -> Option<Vec<String>> {
    match Records::new(input).next() {
        Next::Record { text, fields, .. } => Some(header_of(text, fields)),
        _ => None,
    }
}

fn header_of(text: &str, fields: &[(usize, usize)]) -> Vec<String> {
    fields
        .iter()
        .map(|&(a, b)| text[a..b].to_string())
        .collect()
}

/// Each field's column, found once from the header: of columns with the
/// same name, the first ([`doubled`] names them).
pub(super) fn slots(header: &[String], columns: &Columns) -> [Option<usize>; Field::ALL.len()] {
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, name) in header.iter().enumerate() {
        index.entry(name.trim()).or_insert(i);
    }
    Field::ALL.map(|f| columns.candidates(f).find_map(|c| index.get(c).copied()))
}

/// The columns a field is read from that the header names more than once,
/// each once, in the header's order: which one the export meant cannot be
/// told ([`slots`] reads the first, and the run says so).
pub(super) fn doubled<'h>(header: &'h [String], columns: &Columns) -> Vec<&'h str> {
    let mut seen: BTreeMap<&str, u32> = BTreeMap::new();
    let mut doubled = Vec::new();
    for name in header.iter().map(|n| n.trim()) {
        let times = seen.entry(name).or_default();
        *times += 1;
        if *times == 2 && columns.knows(name) {
            doubled.push(name);
        }
    }
    doubled
}

fn csv_body<T: Row>(
    records: &mut Records<impl Read>,
    header: &[String],
    stops: &[u64],
    columns: &Columns,
    each: &mut impl FnMut(Result<T::Of<'_>, BadRow>),
) -> Reached {
    let slots = slots(header, columns);
    let dates = Dates::default();
    let mut stop = 0;
    records.stop_at(stops.first().copied().unwrap_or(u64::MAX));
    loop {
        match records.next() {
            Next::End => {
                // At a stop exactly, between two records: done. Past it (a
                // record ran over it), on to the next stop. Before it: the
                // end of the file.
                let at = records.position();
                match stops.get(stop) {
                    Some(&s) if at > s => {
                        stop += 1;
                        records.stop_at(stops.get(stop).copied().unwrap_or(u64::MAX));
                        continue;
                    }
                    Some(&s) if at == s => {}
                    _ => stop = stops.len(),
                }
                break;
            }
            Next::Record { line, text, fields } => {
                if fields
                    .iter()
                    .all(|&f| trim(fast::field(text, f)).is_empty())
                {
                    continue;
                }
                let row = CsvRow {
                    text,
                    fields,
                    slots: &slots,
                    dates: &dates,
                };
                each(T::read(&Reader {
                    row: &row,
                    columns,
                    line,
                    subject: T::SUBJECT,
                }));
            }
            Next::TooLong(line) => each(Err(BadRow::unread(line, Flaw::TooLong))),
            Next::NotText(line) => each(Err(BadRow::unread(line, Flaw::Unreadable))),
            Next::Failed(line) => {
                // The file itself cannot be read on: one finding, and no
                // part after this one is read.
                each(Err(BadRow::unread(line, Flaw::Unreadable)));
                stop = stops.len();
                break;
            }
        }
    }
    Reached {
        stop,
        lines: records.line() - 1,
    }
}

/// How far past a point [`csv_cut_near`] looks for a line that starts a
/// record.
const NEAR: u64 = 1 << 18;

/// A guess at where a part of a CSV export for another reader may start,
/// found near `point` without reading the file from its start: `near`
/// holds the file from byte `point` on (the first [`NEAR`] bytes of it are
/// read). The start of the first line after `point` whose records, up to
/// three of those whole in the bytes read, have `fields` fields each (a
/// line inside a quoted field seldom does); if no line does, the first
/// line's start; None when no line starts in those bytes. Only a guess:
/// [`csv_part`] proves it (the part before reaches it exactly) or reads
/// on past it, so the rows are one reader's whatever it guesses.
pub fn csv_cut_near(near: impl Read, point: u64, fields: usize) -> std::io::Result<Option<u64>> {
    let mut bytes = Vec::new();
    near.take(NEAR).read_to_end(&mut bytes)?;
    // Only whole lines are read: to the last line break.
    let Some(last) = memchr::memrchr(b'\n', &bytes) else {
        return Ok(None);
    };
    Ok(cut_in(&bytes[..=last], fields).0.map(|s| point + s as u64))
}

/// How many lines [`csv_cut_near`] tries at most. Each try reads records
/// from that line to the end of the bytes read, so trying every line of
/// an export whose rows never have the header's width (ragged rows) costs
/// a read of [`NEAR`] bytes per line: minutes on a large file. A guess
/// past this many lines is no better than the first line's; the reader of
/// the part before proves either.
const TRIES: usize = 64;

/// [`csv_cut_near`] on the whole lines read: the offset of the line it
/// guesses, and how many lines it tried (at most [`TRIES`]).
pub(super) fn cut_in(bytes: &[u8], fields: usize) -> (Option<usize>, usize) {
    let mut tried = 0;
    let mut fits = |start: usize| {
        tried += 1;
        let mut records = Records::part(&bytes[start..], 0);
        let mut read = 0;
        while read < 3 {
            match records.next() {
                Next::Record { fields: f, .. } if f.len() == fields => read += 1,
                Next::End => break,
                _ => return false,
            }
        }
        read > 0
    };
    let first = memchr::memchr(b'\n', bytes).map(|i| i + 1);
    let start = memchr::memchr_iter(b'\n', bytes)
        .map(|i| i + 1)
        .take(TRIES)
        .find(|&s| fits(s))
        .or(first);
    (start, tried)
}
