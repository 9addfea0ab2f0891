//! The contact centre's exports, row by row: contacts (CSV or JSON Lines)
//! read into typed records, whatever a help desk calls its columns.
//!
//! Bad data never stops the reading and is never dropped silently: a row
//! that cannot be used is returned as a [`BadRow`] with its line and why,
//! and the caller counts them. The `csv` crate reads what exports really
//! look like: a UTF-8 byte-order mark, CRLF line ends, quoted fields with
//! commas and line breaks in them.

use super::flaws::Flaw;
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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub line: u64,
    pub problem: Flaw,
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
pub trait Fields {
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
    fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == field)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }
}

/// A row's fields read as the values they hold, `line` for what is wrong.
pub struct Reader<'a> {
    row: &'a dyn Fields,
    columns: &'a Columns,
    line: u64,
}

impl Reader<'_> {
    fn bad(&self, problem: Flaw) -> BadRow {
        BadRow {
            line: self.line,
            problem,
        }
    }

    fn text(&self, field: &'static str) -> Option<String> {
        self.row.get(self.columns.column(field)).map(str::to_string)
    }

    fn required(&self, field: &'static str) -> Result<String, BadRow> {
        self.text(field).ok_or(self.bad(Flaw::Missing(field)))
    }

    fn time(&self, field: &'static str) -> Result<Option<When>, BadRow> {
        match self.row.get(self.columns.column(field)) {
            None => Ok(None),
            Some(t) => When::parse(t)
                .map(Some)
                .ok_or(self.bad(Flaw::BadTime(field))),
        }
    }

    fn required_time(&self, field: &'static str) -> Result<When, BadRow> {
        self.time(field)?.ok_or(self.bad(Flaw::Missing(field)))
    }

    /// A number on a survey scale; outside it, the row is bad.
    fn number(&self, field: &'static str, scale: (f64, f64)) -> Result<Option<f64>, BadRow> {
        match self.row.get(self.columns.column(field)) {
            None => Ok(None),
            Some(n) => n
                .parse::<f64>()
                .ok()
                .filter(|n| (scale.0..=scale.1).contains(n))
                .map(Some)
                .ok_or(self.bad(Flaw::BadNumber(field))),
        }
    }
}

/// Survey scales (LANGUAGE.md §6): CSAT and effort 1..5, NPS 0..10.
const FIVE: (f64, f64) = (1.0, 5.0);
const ELEVEN: (f64, f64) = (0.0, 10.0);

/// A kind of row an export holds.
pub trait Row: Sized {
    fn read(row: &Reader<'_>) -> Result<Self, BadRow>;
}

impl Row for Contact {
    fn read(r: &Reader<'_>) -> Result<Contact, BadRow> {
        let line = r.line;
        Ok(Contact {
            line,
            id: r.required("id")?,
            segment: r.required("segment")?,
            channel: r.required("channel")?,
            created: r.required_time("created")?,
            answered: r.time("answered")?,
            first_response: r.time("first_response")?,
            resolved: r.time("resolved")?,
            complaint: r.text("complaint"),
            acknowledged: r.time("acknowledged")?,
            escalated: r.time("escalated")?,
            feedback: r.time("feedback")?,
            csat: r.number("csat", FIVE)?,
            nps: r.number("nps", ELEVEN)?,
            effort: r.number("effort", FIVE)?,
        })
    }
}

impl Row for Visit {
    fn read(r: &Reader<'_>) -> Result<Visit, BadRow> {
        Ok(Visit {
            line: r.line,
            case: r.required("case")?,
            journey: r.required("journey")?,
            step: r.required("step")?,
            entered: r.required_time("entered")?,
            left: r.time("left")?,
            csat: r.number("csat", FIVE)?,
        })
    }
}

/// Reads rows from CSV with a header row; `each` gets every row, good or
/// bad, in file order.
pub fn csv_rows<T: Row>(
    input: impl Read + 'static,
    columns: &Columns,
    mut each: impl FnMut(Result<T, BadRow>),
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
                problem: Flaw::Unreadable,
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
                each(T::read(&Reader {
                    row: &row,
                    columns,
                    line,
                }));
            }
            Err(e) => {
                let line = line_of(e.position().map_or(0, |p| p.byte()));
                each(Err(BadRow {
                    line,
                    problem: Flaw::Unreadable,
                }));
                // A row with bad UTF-8 is skipped; any other error ends the file.
                if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
}

/// Reads rows from JSON Lines: one object per line, blank lines skipped.
pub fn jsonl_rows<T: Row>(
    input: impl BufRead,
    columns: &Columns,
    mut each: impl FnMut(Result<T, BadRow>),
) {
    for (i, line) in input.lines().enumerate() {
        let number = i as u64 + 1;
        let Ok(line) = line else {
            each(Err(BadRow {
                line: number,
                problem: Flaw::Unreadable,
            }));
            continue;
        };
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
                }));
            }
            _ => each(Err(BadRow {
                line: number,
                problem: Flaw::Unreadable,
            })),
        }
    }
}

#[cfg(test)]
mod tests;
