//! The oracle of the fast reader: the rows as the `csv` crate reads them,
//! record by record, with line numbers from the line breaks it passes (the
//! reader cxc used before `fast.rs`).

use super::capped::{self, Capped};
use super::*;
use crate::loader::lines::{LineCounter, Lines};
use std::io::Read;

/// Reads rows from CSV with a header row; `each` gets every row, good or
/// bad, in file order.
pub fn csv_rows<T: Row>(
    input: impl Read + 'static,
    columns: &Columns,
    mut each: impl FnMut(Result<T::Of<'_>, BadRow>),
) {
    let (mut reader, lines) = csv_reader(input);
    let mut record = csv::StringRecord::new();
    let header = match reader.read_record(&mut record) {
        Ok(true) => record,
        Ok(false) => return,
        Err(e) => {
            let problem = match e.kind() {
                csv::ErrorKind::Io(e) if capped::is_too_long(e) => Flaw::TooLong,
                _ => Flaw::Unreadable,
            };
            return each(Err(BadRow::unread(1, problem)));
        }
    };
    csv_body(reader, &lines, &header, 0, columns, &mut each);
}

type CsvReader = csv::Reader<Capped<LineCounter>>;

fn csv_reader(input: impl Read + 'static) -> (CsvReader, Lines) {
    let lines = Lines::default();
    let reader = csv_over(Capped::new(LineCounter::new(
        Box::new(input),
        lines.clone(),
    )));
    (reader, lines)
}

/// The reader strips a UTF-8 byte-order mark and reads CRLF and quoted line
/// breaks; `flexible` lets a short row through to be reported. Its own line
/// count skips blank lines, so the breaks are counted beside it.
fn csv_over(input: Capped<LineCounter>) -> CsvReader {
    csv::ReaderBuilder::new()
        .buffer_capacity(1 << 16)
        .has_headers(false)
        .flexible(true)
        .from_reader(input)
}

fn csv_body<T: Row>(
    mut reader: CsvReader,
    lines: &Lines,
    header: &csv::StringRecord,
    lines_before: u64,
    columns: &Columns,
    each: &mut impl FnMut(Result<T::Of<'_>, BadRow>),
) {
    let line_of = |offset: u64| lines.borrow_mut().line_of(offset) + lines_before;
    // Where the reader's byte 0 is in the file: it starts again after a
    // record too long to read.
    let mut base = 0;
    let header: Vec<String> = header.iter().map(str::to_string).collect();
    let slots = super::slots(&header, columns);
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = line_of(base + record.position().map_or(0, |p| p.byte()));
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                let row = PlainRow {
                    record: &record,
                    slots: &slots,
                };
                each(T::read(&Reader {
                    row: &row,
                    columns,
                    line,
                    subject: T::SUBJECT,
                }));
            }
            Err(e) if matches!(e.kind(), csv::ErrorKind::Io(io) if capped::is_too_long(io)) => {
                let mut input = reader.into_inner();
                each(Err(BadRow::unread(
                    line_of(input.record_start()),
                    Flaw::TooLong,
                )));
                // The bad record's line is dropped; the next line is read
                // by a reader of its own (the old one is inside a field).
                match input.skip_line() {
                    Ok(at) => base = at,
                    Err(_) => break,
                }
                reader = csv_over(input);
            }
            Err(e) => {
                let line = line_of(base + e.position().map_or(0, |p| p.byte()));
                each(Err(BadRow::unread(line, Flaw::Unreadable)));
                // A row with bad UTF-8 is skipped; any other error ends the file.
                if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
}

struct PlainRow<'a> {
    record: &'a csv::StringRecord,
    slots: &'a [Option<usize>; Field::ALL.len()],
}

impl Fields for PlainRow<'_> {
    fn get(&self, field: Field, _: &Columns) -> Option<&str> {
        let i = self.slots[field as usize]?;
        self.record.get(i).map(str::trim).filter(|v| !v.is_empty())
    }
}
