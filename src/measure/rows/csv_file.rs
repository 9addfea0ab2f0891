//! CSV exports: the header's columns found once, records read by the fast
//! reader, and the cuts that share a large file among several readers.

use super::fast::{Next, Records};
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
        let &(a, b) = self.fields.get(self.slots[field as usize]?)?;
        Some(trim(&self.text[a..b])).filter(|v| !v.is_empty())
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
    let header = match records.next() {
        Next::Record { text, fields, .. } => header_of(text, fields),
        Next::End => return,
        Next::TooLong(_) => return each(Err(BadRow::unread(1, Flaw::TooLong))),
        Next::NotText(_) | Next::Failed(_) => {
            return each(Err(BadRow::unread(1, Flaw::Unreadable)))
        }
    };
    csv_body(records, &header, columns, &mut each);
}

/// Reads the rows of a part of a CSV export that starts at a line of its
/// own, `lines_before` lines into the file: `header` is the file's.
pub fn csv_part<T: Row>(
    input: impl Read,
    header: &[String],
    lines_before: u64,
    columns: &Columns,
    mut each: impl FnMut(Result<T::Of<'_>, BadRow>),
) {
    csv_body(
        Records::part(input, lines_before),
        header,
        columns,
        &mut each,
    );
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

/// Each field's column, found once from the header.
pub(super) fn slots(header: &[String], columns: &Columns) -> [Option<usize>; Field::ALL.len()] {
    let index: BTreeMap<&str, usize> = header
        .iter()
        .enumerate()
        .map(|(i, name)| (name.trim(), i))
        .collect();
    Field::ALL.map(|f| columns.candidates(f).find_map(|c| index.get(c).copied()))
}

fn csv_body<T: Row>(
    mut records: Records<impl Read>,
    header: &[String],
    columns: &Columns,
    each: &mut impl FnMut(Result<T::Of<'_>, BadRow>),
) {
    let slots = slots(header, columns);
    let dates = Dates::default();
    loop {
        match records.next() {
            Next::End => break,
            Next::Record { line, text, fields } => {
                if fields.iter().all(|&(a, b)| trim(&text[a..b]).is_empty()) {
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
                // The file itself cannot be read on: one finding.
                each(Err(BadRow::unread(line, Flaw::Unreadable)));
                break;
            }
        }
    }
}

/// Where to cut a CSV export for several readers: for each of `points`
/// (ascending), the start of the first line that begins after it outside
/// any quoted field, and the lines before it — in one pass over
/// `bytes`, which reads the file from its start. A point with no such line
/// after it (one enormous quoted field to the end), or whose line is that
/// of the point before, gives no cut.
pub fn csv_cuts(mut bytes: impl Read, points: &[u64]) -> std::io::Result<Vec<(u64, u64)>> {
    let mut buffer = vec![0; 1 << 20];
    let mut cuts: Vec<(u64, u64)> = Vec::new();
    let (mut at, mut quotes, mut newlines) = (0u64, 0u64, 0u64);
    let mut points = points.iter().copied().peekable();
    while points.peek().is_some() {
        let n = bytes.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        let chunk = &buffer[..n];
        // Bytes of the chunk before `counted` are counted already.
        let mut counted = 0;
        while let Some(&point) = points.peek() {
            let before = point.saturating_sub(at).clamp(counted as u64, n as u64) as usize;
            quotes += memchr::memchr_iter(b'"', &chunk[counted..before]).count() as u64;
            newlines += memchr::memchr_iter(b'\n', &chunk[counted..before]).count() as u64;
            if before == n {
                break;
            }
            let mut found = None;
            for i in memchr::memchr2_iter(b'"', b'\n', &chunk[before..]) {
                let i = before + i;
                if chunk[i] == b'"' {
                    quotes += 1;
                    continue;
                }
                newlines += 1;
                if quotes % 2 == 0 {
                    found = Some(i + 1);
                    break;
                }
            }
            let Some(end) = found else {
                break;
            };
            counted = end;
            let cut = (at + end as u64, newlines);
            // Every point before this line's start is cut here.
            while points.peek().is_some_and(|&p| p < cut.0) {
                points.next();
            }
            if cuts.last() != Some(&cut) {
                cuts.push(cut);
            }
        }
        at += n as u64;
    }
    Ok(cuts)
}
