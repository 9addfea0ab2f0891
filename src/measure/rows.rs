//! The contact centre's exports, row by row: contacts (CSV or JSON Lines)
//! read into typed records, whatever a help desk calls its columns.
//!
//! Bad data never stops the reading and is never dropped silently: a row
//! that cannot be used is returned as a [`BadRow`] with its line and why,
//! and the caller counts them. The `csv` crate reads what exports really
//! look like: a UTF-8 byte-order mark, CRLF line ends, quoted fields with
//! commas and line breaks in them.

pub mod capped;
mod fast;
mod parquet;
#[cfg(test)]
mod plain;

use super::flaws::Flaw;
use fast::{Next, Records};
use jiff::civil::DateTime;
use jiff::Timestamp;
pub use parquet::{
    parquet_part, parquet_parts, parquet_rows, Part, Refusal, MAGIC as PARQUET_MAGIC,
};
use std::collections::BTreeMap;
use std::io::{BufRead, Read};

/// An instant as the export wrote it: with its UTC offset, or as a wall
/// time in the time zone of the calendar that governs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Exact(Timestamp),
    Local(DateTime),
}

impl When {
    /// RFC 3339 (`2026-10-01T09:14:03+03:00`, `…Z`), or the same without
    /// an offset (`2026-10-01T09:14:03`, `2026-10-01 09:14`).
    pub fn parse(text: &str) -> Option<When> {
        let text = text.trim();
        if let Some(when) = fast(text.as_bytes()) {
            return Some(when);
        }
        if let Ok(t) = text.parse::<Timestamp>() {
            return Some(When::Exact(t));
        }
        text.parse::<DateTime>().ok().map(When::Local)
    }

    /// The instant, a local time read in `tz`.
    pub fn at(self, tz: &jiff::tz::TimeZone) -> Option<Timestamp> {
        match self {
            When::Exact(t) => Some(t),
            When::Local(dt) => tz.to_timestamp(dt).ok(),
        }
    }
}

/// The shapes nearly every export writes — `2026-10-01T09:14:03Z`,
/// `…+03:00`, and the same without an offset, with `T`, `t` or a space
/// between date and time — read directly, five times
/// faster than the general parser; anything else (fractions of a second, a
/// space for `T`, no seconds) goes to jiff. `tests::the_fast_path_agrees_with_jiff`
/// holds the two to the same answer.
fn fast(b: &[u8]) -> Option<When> {
    if b.len() < 19
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let digits = |at: usize, n: usize| -> Option<u32> {
        b[at..at + n].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let (year, month, day) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    let date = jiff::civil::Date::new(year as i16, month as i8, day as i8).ok()?;
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let offset = match &b[19..] {
        [] => {
            let time = jiff::civil::Time::new(hour as i8, minute as i8, second as i8, 0).ok()?;
            return Some(When::Local(date.to_datetime(time)));
        }
        [b'Z'] | [b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let two = |a: u8, b: u8| -> Option<i64> {
                (a.is_ascii_digit() && b.is_ascii_digit())
                    .then(|| i64::from(a - b'0') * 10 + i64::from(b - b'0'))
            };
            let (h, m) = (two(*h1, *h2)?, two(*m1, *m2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let seconds = h * 3600 + m * 60;
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    let days = crate::syntax::values::Date {
        year: year as i32,
        month,
        day,
    }
    .to_days();
    let seconds = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second) - offset;
    Timestamp::from_second(seconds).ok().map(When::Exact)
}

/// One contact: a call, chat, e-mail or ticket. Read from an export, its
/// text is borrowed from the reader's buffer (`Contact<&str>`: no string
/// is made per row); [`Contact::owned`] keeps one beyond its row.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact<S = String> {
    /// The line of the file it starts on (1 is the header of a CSV).
    pub line: u64,
    pub id: S,
    pub segment: S,
    pub channel: S,
    pub created: When,
    /// Empty on a live channel: the customer gave up.
    pub answered: Option<When>,
    pub first_response: Option<When>,
    pub resolved: Option<When>,
    pub complaint: Option<S>,
    pub acknowledged: Option<When>,
    pub escalated: Option<When>,
    pub feedback: Option<When>,
    pub csat: Option<f64>,
    pub nps: Option<f64>,
    pub effort: Option<f64>,
    /// Who contacted: the same customer again within a window is a repeat.
    pub customer: Option<S>,
    /// Why they contacted (`reason`, else a `topic` column): a repeat on
    /// the same reason undoes first-contact resolution.
    pub reason: Option<S>,
    /// For a complaint, its root cause.
    pub cause: Option<S>,
    /// Seconds an agent spent on the contact (talk, hold and wrap-up):
    /// turns an hourly cost into this contact's cost.
    pub handle_time: Option<f64>,
}

impl Contact<&str> {
    /// The same contact with its text its own.
    pub fn owned(&self) -> Contact {
        let text = |s: Option<&str>| s.map(str::to_string);
        Contact {
            line: self.line,
            id: self.id.to_string(),
            segment: self.segment.to_string(),
            channel: self.channel.to_string(),
            created: self.created,
            answered: self.answered,
            first_response: self.first_response,
            resolved: self.resolved,
            complaint: text(self.complaint),
            acknowledged: self.acknowledged,
            escalated: self.escalated,
            feedback: self.feedback,
            csat: self.csat,
            nps: self.nps,
            effort: self.effort,
            customer: text(self.customer),
            reason: text(self.reason),
            cause: text(self.cause),
            handle_time: self.handle_time,
        }
    }
}

/// One visit of a case to a step of a journey (the cases export).
#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    pub line: u64,
    pub case: String,
    pub journey: String,
    pub step: String,
    pub entered: When,
    pub left: Option<When>,
    /// The customer's rating of the step, 1..5, when surveyed.
    pub csat: Option<f64>,
    /// The effort the step cost the customer, 1 (low) .. 5, when surveyed.
    pub effort: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub line: u64,
    pub problem: Flaw,
    /// What the row names, when it can be read: its segment (contacts) or
    /// journey (cases), so the row is set aside from that one's figures.
    pub subject: Option<String>,
}

impl BadRow {
    /// A row that cannot be read far enough to name anything.
    pub fn unread(line: u64, problem: Flaw) -> BadRow {
        BadRow {
            line,
            problem,
            subject: None,
        }
    }
}

pub use crate::config::fields::Field;

/// Field name → the export's column name (`measure.columns` in cxc.yaml);
/// a field not mapped is read from the column of its own name.
#[derive(Debug, Clone, Default)]
pub struct Columns(pub BTreeMap<String, String>);

impl Columns {
    /// The columns a field may be read from, in order: its mapped or own
    /// name, then (when not mapped) its alias.
    fn candidates(&self, field: Field) -> impl Iterator<Item = &str> {
        let mapped = self.0.get(field.name()).map(String::as_str);
        let alias: Option<&str> = if mapped.is_none() {
            field.alias()
        } else {
            None
        };
        std::iter::once(mapped.unwrap_or(field.name())).chain(alias)
    }
}

/// A row's fields, whatever the file's format.
pub trait Fields {
    fn get(&self, field: Field, columns: &Columns) -> Option<&str>;

    /// A time field's value: None when the row holds none, `Some(None)`
    /// when it holds something that is not a time.
    fn time(&self, field: Field, columns: &Columns) -> Option<Option<When>> {
        self.get(field, columns).map(When::parse)
    }
}

/// A CSV record with each field's column found once, from the header.
struct CsvRow<'a> {
    text: &'a str,
    fields: &'a [(usize, usize)],
    slots: &'a [Option<usize>; Field::ALL.len()],
}

impl Fields for CsvRow<'_> {
    fn get(&self, field: Field, _: &Columns) -> Option<&str> {
        let &(a, b) = self.fields.get(self.slots[field as usize]?)?;
        Some(trim(&self.text[a..b])).filter(|v| !v.is_empty())
    }
}

/// `str::trim`, at once for the common field that starts and ends with a
/// printable ASCII character (no ASCII byte above a space is white space).
fn trim(text: &str) -> &str {
    let printable = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x80);
    let bytes = text.as_bytes();
    if printable(bytes.first()) && printable(bytes.last()) {
        text
    } else {
        text.trim()
    }
}

/// A JSON object's scalar values by dotted path: `{"via": {"channel":
/// "voice"}}` holds `via.channel`, so a help desk's nested records map
/// like flat ones (numbers are read as their text).
struct JsonRow(Vec<(String, String)>);

/// How deep nested objects are followed; deeper values are not fields.
const JSON_DEPTH: usize = 8;

impl JsonRow {
    fn new(map: &serde_json::Map<String, serde_json::Value>) -> JsonRow {
        fn walk(
            prefix: &str,
            map: &serde_json::Map<String, serde_json::Value>,
            depth: usize,
            out: &mut Vec<(String, String)>,
        ) {
            for (key, value) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                match value {
                    // TaskRouter keeps a task's `attributes` as a JSON text.
                    serde_json::Value::String(s) if s.starts_with('{') && depth < JSON_DEPTH => {
                        match serde_json::from_str::<serde_json::Value>(s) {
                            Ok(serde_json::Value::Object(inner)) => {
                                walk(&path, &inner, depth + 1, out)
                            }
                            _ => out.push((path, s.trim().to_string())),
                        }
                    }
                    serde_json::Value::String(s) => out.push((path, s.trim().to_string())),
                    serde_json::Value::Number(n) => out.push((path, n.to_string())),
                    serde_json::Value::Object(inner) if depth < JSON_DEPTH => {
                        walk(&path, inner, depth + 1, out)
                    }
                    _ => {}
                }
            }
        }
        let mut fields = Vec::new();
        walk("", map, 0, &mut fields);
        JsonRow(fields)
    }
}

impl Fields for JsonRow {
    fn get(&self, field: Field, columns: &Columns) -> Option<&str> {
        columns
            .candidates(field)
            .find_map(|name| self.0.iter().find(|(k, _)| k == name))
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }
}

/// A row's fields read as the values they hold, `line` for what is wrong.
pub struct Reader<'a> {
    row: &'a dyn Fields,
    columns: &'a Columns,
    line: u64,
    /// The field that names what a bad row is set aside from.
    subject: Field,
}

impl<'a> Reader<'a> {
    fn bad(&self, problem: Flaw) -> BadRow {
        BadRow {
            line: self.line,
            problem,
            subject: self.text(self.subject).map(str::to_string),
        }
    }

    fn text(&self, field: Field) -> Option<&'a str> {
        self.row.get(field, self.columns)
    }

    fn required(&self, field: Field) -> Result<&'a str, BadRow> {
        self.text(field)
            .ok_or_else(|| self.bad(Flaw::Missing(field.name())))
    }

    fn time(&self, field: Field) -> Result<Option<When>, BadRow> {
        match self.row.time(field, self.columns) {
            None => Ok(None),
            Some(when) => when
                .map(Some)
                .ok_or_else(|| self.bad(Flaw::BadTime(field.name()))),
        }
    }

    fn required_time(&self, field: Field) -> Result<When, BadRow> {
        self.time(field)?
            .ok_or_else(|| self.bad(Flaw::Missing(field.name())))
    }

    /// A number on a survey scale; outside it, the row is bad.
    fn number(&self, field: Field, scale: (f64, f64)) -> Result<Option<f64>, BadRow> {
        match self.row.get(field, self.columns) {
            None => Ok(None),
            Some(n) => n
                .parse::<f64>()
                .ok()
                .filter(|n| (scale.0..=scale.1).contains(n))
                .map(Some)
                .ok_or_else(|| self.bad(Flaw::BadNumber(field.name()))),
        }
    }
}

/// Survey scales (LANGUAGE.md §6): CSAT and effort 1..5, NPS 0..10.
const FIVE: (f64, f64) = (1.0, 5.0);
const ELEVEN: (f64, f64) = (0.0, 10.0);
/// Handle time, in seconds: at most a day.
const HANDLE: (f64, f64) = (0.0, 86_400.0);

/// A kind of row an export holds.
pub trait Row {
    /// A row as read, which may borrow the reader's buffer for `'a`.
    type Of<'a>;
    /// The field that names what the row counts towards: a bad row is set
    /// aside from its figures.
    const SUBJECT: Field;
    fn read<'a>(row: &Reader<'a>) -> Result<Self::Of<'a>, BadRow>;
}

impl Row for Contact {
    type Of<'a> = Contact<&'a str>;
    const SUBJECT: Field = Field::Segment;
    fn read<'a>(r: &Reader<'a>) -> Result<Contact<&'a str>, BadRow> {
        let line = r.line;
        Ok(Contact {
            line,
            id: r.required(Field::Id)?,
            segment: r.required(Field::Segment)?,
            channel: r.required(Field::Channel)?,
            created: r.required_time(Field::Created)?,
            answered: r.time(Field::Answered)?,
            first_response: r.time(Field::FirstResponse)?,
            resolved: r.time(Field::Resolved)?,
            complaint: r.text(Field::Complaint),
            acknowledged: r.time(Field::Acknowledged)?,
            escalated: r.time(Field::Escalated)?,
            feedback: r.time(Field::Feedback)?,
            csat: r.number(Field::Csat, FIVE)?,
            nps: r.number(Field::Nps, ELEVEN)?,
            effort: r.number(Field::Effort, FIVE)?,
            customer: r.text(Field::Customer),
            reason: r.text(Field::Reason),
            cause: r.text(Field::Cause),
            handle_time: r.number(Field::HandleTime, HANDLE)?,
        })
    }
}

impl Row for Visit {
    type Of<'a> = Visit;
    const SUBJECT: Field = Field::Journey;
    fn read(r: &Reader<'_>) -> Result<Visit, BadRow> {
        Ok(Visit {
            line: r.line,
            case: r.required(Field::Case)?.to_string(),
            journey: r.required(Field::Journey)?.to_string(),
            step: r.required(Field::Step)?.to_string(),
            entered: r.required_time(Field::Entered)?,
            left: r.time(Field::Left)?,
            csat: r.number(Field::Csat, FIVE)?,
            effort: r.number(Field::Effort, FIVE)?,
        })
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
fn slots(header: &[String], columns: &Columns) -> [Option<usize>; Field::ALL.len()] {
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
    loop {
        match records.next() {
            Next::End => break,
            Next::Record { line, text, fields } => {
                if fields.iter().all(|&(a, b)| text[a..b].trim().is_empty()) {
                    continue;
                }
                let row = CsvRow {
                    text,
                    fields,
                    slots: &slots,
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

/// Reads rows from JSON Lines: one object per line, blank lines skipped.
pub fn jsonl_rows<T: Row>(
    input: impl BufRead,
    columns: &Columns,
    mut each: impl FnMut(Result<T::Of<'_>, BadRow>),
) {
    let mut input = input;
    let mut bytes = Vec::new();
    let mut number = 0;
    loop {
        number += 1;
        let line = match capped::capped_line(&mut input, &mut bytes) {
            Ok(None) => break,
            Ok(Some(true)) => std::str::from_utf8(&bytes).ok(),
            Ok(Some(false)) => {
                each(Err(BadRow::unread(number, Flaw::TooLong)));
                continue;
            }
            Err(_) => {
                // The file itself cannot be read on: one finding, not one per try.
                each(Err(BadRow::unread(number, Flaw::Unreadable)));
                break;
            }
        };
        let Some(line) = line else {
            each(Err(BadRow::unread(number, Flaw::Unreadable)));
            continue;
        };
        let line = line.strip_suffix('\r').unwrap_or(line);
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(serde_json::Value::Object(map)) => {
                each(T::read(&Reader {
                    row: &JsonRow::new(&map),
                    columns,
                    line: number,
                    subject: T::SUBJECT,
                }));
            }
            _ => each(Err(BadRow::unread(number, Flaw::Unreadable))),
        }
    }
}

#[cfg(test)]
mod tests;

/// A row read kept beyond its reader's buffer (tests compare rows).
#[cfg(test)]
fn owned(row: Result<Contact<&str>, BadRow>) -> Result<Contact, BadRow> {
    row.map(|c| c.owned())
}
