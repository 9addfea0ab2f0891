//! The contact centre's exports, row by row: contacts (CSV or JSON Lines)
//! read into typed records, whatever a help desk calls its columns.
//!
//! Bad data never stops the reading and is never dropped silently: a row
//! that cannot be used is returned as a [`BadRow`] with its line and why,
//! and the caller counts them. The `csv` crate reads what exports really
//! look like: a UTF-8 byte-order mark, CRLF line ends, quoted fields with
//! commas and line breaks in them.

use crate::loader::lines::{LineCounter, Lines};
use jiff::civil::DateTime;
use jiff::Timestamp;
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

/// One contact: a call, chat, e-mail or ticket.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    /// The line of the file it starts on (1 is the header of a CSV).
    pub line: u64,
    pub id: String,
    pub segment: String,
    pub channel: String,
    pub created: When,
    /// Empty on a live channel: the customer gave up.
    pub answered: Option<When>,
    pub first_response: Option<When>,
    pub resolved: Option<When>,
    pub complaint: Option<String>,
    pub acknowledged: Option<When>,
    pub escalated: Option<When>,
    pub feedback: Option<When>,
    pub csat: Option<f64>,
    pub nps: Option<f64>,
    pub effort: Option<f64>,
}

/// What is wrong with a row.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    /// A required field is empty: `id`, `segment`, `channel`, `created`.
    Missing(&'static str),
    /// A timestamp that is neither RFC 3339 nor a plain date and time.
    BadTime(&'static str),
    /// A survey answer that is not a number.
    BadNumber(&'static str),
    /// The file cannot be read as CSV or JSON Lines here.
    Unreadable,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub line: u64,
    pub problem: Problem,
}

/// Field name → the export's column name (`measure.columns` in cxc.yaml);
/// a field not mapped is read from the column of its own name.
#[derive(Debug, Clone, Default)]
pub struct Columns(pub BTreeMap<String, String>);

impl Columns {
    fn column<'a>(&'a self, field: &'a str) -> &'a str {
        self.0.get(field).map_or(field, String::as_str)
    }
}

/// A row's fields by name, whatever the file's format.
trait Fields {
    fn get(&self, field: &str) -> Option<&str>;
}

struct CsvRow<'a> {
    record: &'a csv::StringRecord,
    index: &'a BTreeMap<&'a str, usize>,
}

impl Fields for CsvRow<'_> {
    fn get(&self, field: &str) -> Option<&str> {
        let i = *self.index.get(field)?;
        self.record.get(i).map(str::trim).filter(|v| !v.is_empty())
    }
}

struct JsonRow<'a>(
    &'a serde_json::Map<String, serde_json::Value>,
    Vec<(String, String)>,
);

impl Fields for JsonRow<'_> {
    fn get(&self, field: &str) -> Option<&str> {
        if let Some(value) = self.0.get(field) {
            if let Some(s) = value.as_str() {
                return Some(s.trim()).filter(|v| !v.is_empty());
            }
        }
        self.1
            .iter()
            .find(|(k, _)| k == field)
            .map(|(_, v)| v.as_str())
    }
}

fn contact(row: &dyn Fields, columns: &Columns, line: u64) -> Result<Contact, BadRow> {
    let bad = |problem| BadRow { line, problem };
    let text = |field: &'static str| row.get(columns.column(field)).map(str::to_string);
    let required = |field: &'static str| text(field).ok_or(bad(Problem::Missing(field)));
    let time = |field: &'static str| -> Result<Option<When>, BadRow> {
        match row.get(columns.column(field)) {
            None => Ok(None),
            Some(t) => When::parse(t).map(Some).ok_or(bad(Problem::BadTime(field))),
        }
    };
    let number = |field: &'static str| -> Result<Option<f64>, BadRow> {
        match row.get(columns.column(field)) {
            None => Ok(None),
            Some(n) => n
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .map(Some)
                .ok_or(bad(Problem::BadNumber(field))),
        }
    };
    Ok(Contact {
        line,
        id: required("id")?,
        segment: required("segment")?,
        channel: required("channel")?,
        created: time("created")?.ok_or(bad(Problem::Missing("created")))?,
        answered: time("answered")?,
        first_response: time("first_response")?,
        resolved: time("resolved")?,
        complaint: text("complaint"),
        acknowledged: time("acknowledged")?,
        escalated: time("escalated")?,
        feedback: time("feedback")?,
        csat: number("csat")?,
        nps: number("nps")?,
        effort: number("effort")?,
    })
}

/// Reads contacts from CSV with a header row; `each` gets every row, good
/// or bad, in file order.
pub fn csv_contacts(
    input: impl Read + 'static,
    columns: &Columns,
    mut each: impl FnMut(Result<Contact, BadRow>),
) {
    // The reader strips a UTF-8 byte-order mark and reads CRLF and quoted
    // line breaks; `flexible` lets a short row through to be reported. Its
    // own line count skips blank lines, so the breaks are counted beside it.
    let lines = Lines::default();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(LineCounter::new(Box::new(input), lines.clone()));
    let line_of = |offset: u64| lines.borrow_mut().line_of(offset);
    let mut record = csv::StringRecord::new();
    let header = match reader.read_record(&mut record) {
        Ok(true) => record.clone(),
        Ok(false) => return,
        Err(_) => {
            return each(Err(BadRow {
                line: 1,
                problem: Problem::Unreadable,
            }))
        }
    };
    let index: BTreeMap<&str, usize> = header
        .iter()
        .enumerate()
        .map(|(i, name)| (name.trim(), i))
        .collect();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = line_of(record.position().map_or(0, |p| p.byte()));
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                let row = CsvRow {
                    record: &record,
                    index: &index,
                };
                each(contact(&row, columns, line));
            }
            Err(e) => {
                let line = line_of(e.position().map_or(0, |p| p.byte()));
                each(Err(BadRow {
                    line,
                    problem: Problem::Unreadable,
                }));
                // A row with bad UTF-8 is skipped; any other error ends the file.
                if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
}

/// Reads contacts from JSON Lines: one object per line, blank lines skipped.
pub fn jsonl_contacts(
    input: impl BufRead,
    columns: &Columns,
    mut each: impl FnMut(Result<Contact, BadRow>),
) {
    for (i, line) in input.lines().enumerate() {
        let number = i as u64 + 1;
        let Ok(line) = line else {
            each(Err(BadRow {
                line: number,
                problem: Problem::Unreadable,
            }));
            continue;
        };
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(serde_json::Value::Object(map)) => {
                // Numbers (a CSAT of 4) are read as their text.
                let numbers: Vec<(String, String)> = map
                    .iter()
                    .filter_map(|(k, v)| v.as_number().map(|n| (k.clone(), n.to_string())))
                    .collect();
                each(contact(&JsonRow(&map, numbers), columns, number));
            }
            _ => each(Err(BadRow {
                line: number,
                problem: Problem::Unreadable,
            })),
        }
    }
}

#[cfg(test)]
mod tests;
