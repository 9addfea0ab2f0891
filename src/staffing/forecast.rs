//! Forecasts: a constant `forecast N per T`, or a CSV file with one row per
//! interval (`start,volume[,aht]`, AHT in seconds).
//!
//! Rows are streamed: a forecast of ten million intervals is read in constant
//! memory, once to validate it and find its busiest interval, and again for
//! each report. Staffing does no I/O of its own; whoever runs it (the
//! pipeline) opens the file through [`ForecastFiles`], inside the spec's
//! folder. A forecast is data, not a spec: problems name the file, line and
//! column, and quote at most the offending field, shortened and escaped.

use super::dating::Dating;
use crate::i18n::Message;
use crate::loader::lines::{LineCounter, Lines};
use crate::model::{At, Forecast, ForecastVolume};
use crate::msg;
use crate::source::FileId;
use jiff::tz::TimeZone;
use std::io::Read;

/// Opens the forecast files a spec names.
pub trait ForecastFiles {
    /// The bytes of the CSV that `file` names as `path`, or why they cannot
    /// be read (a sentence that never quotes the file).
    fn open(&self, file: FileId, path: &str) -> Result<Box<dyn Read>, Message>;
}

/// No files at all: for specs held in memory.
pub struct NoFiles;

impl ForecastFiles for NoFiles {
    fn open(&self, _: FileId, _: &str) -> Result<Box<dyn Read>, Message> {
        Err(msg!("in-memory-files"))
    }
}

/// One forecast interval.
#[derive(Debug, Clone, PartialEq)]
pub struct Interval {
    /// The CSV's `start` value as written; `None` for a constant forecast.
    pub start: Option<String>,
    /// Contacts offered in the interval.
    pub volume: f64,
    /// The row's own handle time in seconds, overriding the queue's `aht`.
    pub aht: Option<f64>,
    /// The row's line in the CSV (1-based); 0 for a constant forecast.
    pub line: u64,
    /// What is doubtful about a row that is read all the same: a local
    /// time the clock skips or repeats too often (see `dating`).
    pub doubt: Option<Problem>,
}

/// What is wrong with a forecast, and what to do about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub message: Message,
    pub help: Message,
}

impl Problem {
    pub(super) fn new(message: Message, help: Message) -> Problem {
        Problem { message, help }
    }

    /// The same problem, said of a place in the file.
    pub(super) fn at(self, place: Message) -> Problem {
        Problem {
            message: msg!("at-place", place = place, problem = self.message),
            ..self
        }
    }
}

/// Volumes above this per interval are surely a unit mistake.
const MAX_VOLUME: f64 = 1e12;

/// Column names and values are quoted back at most this long.
const MAX_QUOTED: usize = 32;

/// The rows of a forecast, in order; a bad row is an `Err` with its problem.
pub enum Rows {
    Constant(Option<Interval>),
    Csv {
        name: String,
        reader: Box<csv::Reader<LineCounter>>,
        lines: Lines,
        columns: Columns,
        record: csv::StringRecord,
        dating: Box<Dating>,
    },
}

/// Opens a forecast's rows, reading local times without an offset in
/// `zone`. `Err` when the file cannot be opened or its header is wrong:
/// nothing can be staffed from it.
pub fn rows(
    forecast: &At<Forecast>,
    files: &dyn ForecastFiles,
    zone: &TimeZone,
) -> Result<Rows, Problem> {
    match &forecast.value.volume {
        ForecastVolume::Constant(volume) => Ok(Rows::Constant(Some(Interval {
            start: None,
            volume: *volume as f64,
            aht: None,
            line: 0,
            doubt: None,
        }))),
        ForecastVolume::File { path } => {
            let name = format!("`{}`", crate::escape::shorten(path, 80));
            let bytes = files.open(forecast.span.file, path).map_err(|e| {
                Problem::new(
                    msg!("forecast-unreadable", file = name.as_str(), reason = e),
                    msg!("forecast-unreadable-help"),
                )
            })?;
            let lines = Lines::default();
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .trim(csv::Trim::All)
                .from_reader(LineCounter::new(bytes, lines.clone()));
            let mut header = csv::StringRecord::new();
            let read = reader
                .read_record(&mut header)
                .map_err(|e| csv_problem(&e).at(msg!("forecast-file", file = name.as_str())))?;
            if !read || header.iter().all(str::is_empty) {
                return Err(Problem::new(
                    msg!("forecast-empty", file = name.as_str()),
                    msg!("forecast-empty-help"),
                ));
            }
            let columns = parse_header(&header)
                .map_err(|e| e.at(msg!("forecast-line", file = name.as_str(), line = 1u64)))?;
            Ok(Rows::Csv {
                name,
                reader: Box::new(reader),
                lines,
                columns,
                record: csv::StringRecord::new(),
                dating: Box::new(Dating::new(zone.clone())),
            })
        }
    }
}

impl Iterator for Rows {
    type Item = Result<Interval, Problem>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Rows::Constant(interval) => interval.take().map(Ok),
            Rows::Csv {
                name,
                reader,
                lines,
                columns,
                record,
                dating,
            } => loop {
                match reader.read_record(record) {
                    Ok(false) => return None,
                    Ok(true) if record.iter().all(str::is_empty) => continue,
                    Ok(true) => {
                        let offset = record.position().map_or(0, |p| p.byte());
                        let line = lines.borrow_mut().line_of(offset);
                        let place = || msg!("forecast-line", file = name.as_str(), line = line);
                        return Some(match parse_row(record, columns, line) {
                            Ok(mut interval) => {
                                let doubt = dating.date(&mut interval);
                                interval.doubt = doubt.map(|d| d.at(place()));
                                Ok(interval)
                            }
                            Err(e) => Err(e.at(place())),
                        });
                    }
                    Err(e) => {
                        let problem =
                            csv_problem(&e).at(msg!("forecast-file", file = name.as_str()));
                        // A reader error other than bad UTF-8 cannot be
                        // resumed from: stop after reporting it.
                        if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                            **reader = csv::Reader::from_reader(LineCounter::new(
                                Box::new(std::io::empty()),
                                lines.clone(),
                            ));
                        }
                        return Some(Err(problem));
                    }
                }
            },
        }
    }
}

/// A CSV reader error in words, with its line but none of the file's bytes.
fn csv_problem(error: &csv::Error) -> Problem {
    // The csv crate's line is approximate (it skips blank lines); it is all
    // an error offers.
    let line = error.position().map_or(0, |p| p.line());
    let message = match error.kind() {
        csv::ErrorKind::Utf8 { err, .. } => {
            msg!("forecast-not-utf8", line = line, field = err.field() + 1)
        }
        csv::ErrorKind::Io(e) => msg!(
            "forecast-io",
            line = line,
            reason = crate::loader::read::io_error(e).message()
        ),
        _ => msg!("forecast-not-csv", line = line),
    };
    Problem::new(message, msg!("forecast-csv-help"))
}

/// Column positions found in the header.
#[derive(Debug)]
pub struct Columns {
    count: usize,
    start: usize,
    volume: usize,
    aht: Option<usize>,
}

const KNOWN_COLUMNS: [&str; 3] = ["start", "volume", "aht"];

fn parse_header(header: &csv::StringRecord) -> Result<Columns, Problem> {
    let mut found: [Option<usize>; 3] = [None; 3];
    for (i, name) in header.iter().enumerate() {
        let name = name.to_lowercase();
        let shown = crate::escape::shorten(&name, MAX_QUOTED);
        match KNOWN_COLUMNS.iter().position(|known| *known == name) {
            Some(k) if found[k].is_some() => {
                return Err(Problem::new(
                    msg!("forecast-column-twice", column = shown),
                    msg!("forecast-column-twice-help"),
                ));
            }
            Some(k) => found[k] = Some(i),
            None => {
                let message = match crate::diagnostic::closest(&name, KNOWN_COLUMNS) {
                    Some(c) => msg!("forecast-unknown-column-like", column = shown, like = c),
                    None => msg!("forecast-unknown-column", column = shown),
                };
                return Err(Problem::new(message, msg!("forecast-columns-help")));
            }
        }
    }
    match found {
        [Some(start), Some(volume), aht] => Ok(Columns {
            count: header.len(),
            start,
            volume,
            aht,
        }),
        _ => Err(Problem::new(
            msg!("forecast-header-columns"),
            msg!("forecast-columns-help"),
        )),
    }
}

fn parse_row(
    fields: &csv::StringRecord,
    columns: &Columns,
    line: u64,
) -> Result<Interval, Problem> {
    if fields.len() != columns.count {
        return Err(Problem::new(
            msg!(
                "forecast-row-fields",
                fields = fields.len(),
                columns = columns.count
            ),
            msg!("forecast-row-fields-help"),
        ));
    }
    let volume = number(&fields[columns.volume], "volume")?;
    if volume > MAX_VOLUME {
        return Err(Problem::new(
            msg!("forecast-volume", volume = quoted(&fields[columns.volume])),
            msg!("forecast-volume-help"),
        ));
    }
    let aht = match columns.aht {
        Some(i) if !fields[i].is_empty() => {
            let seconds = number(&fields[i], "aht")?;
            if seconds == 0.0 || seconds > 1e9 {
                return Err(Problem::new(
                    msg!("forecast-aht", aht = quoted(&fields[i])),
                    msg!("forecast-aht-help"),
                ));
            }
            Some(seconds)
        }
        _ => None,
    };
    // A start cxc cannot place is kept: the language does not say how a
    // start is written, so such a forecast still compiles (its intervals
    // are judged as if there were no hours; see `hours`).
    let start = first_chars(&fields[columns.start], 64);
    Ok(Interval {
        start: Some(start.to_string()),
        volume,
        aht,
        line,
        doubt: None,
    })
}

fn number(field: &str, column: &str) -> Result<f64, Problem> {
    match field.parse::<f64>() {
        Ok(value) if value.is_finite() && value >= 0.0 => Ok(value),
        _ => Err(Problem::new(
            msg!("forecast-number", column = column, value = quoted(field)),
            msg!("forecast-number-help"),
        )),
    }
}

/// A field as it may be quoted back: short, and with controls made visible.
/// At most `n` characters from the start of `text`.
fn first_chars(text: &str, n: usize) -> &str {
    text.char_indices()
        .nth(n)
        .map_or(text, |(end, _)| &text[..end])
}

pub(super) fn quoted(field: &str) -> String {
    format!(
        "`{}`",
        crate::escape::terminal(&crate::escape::shorten(field, MAX_QUOTED), false)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;
    use crate::syntax::values::Duration;

    struct OneFile(&'static str);

    impl ForecastFiles for OneFile {
        fn open(&self, _: FileId, _: &str) -> Result<Box<dyn Read>, Message> {
            Ok(Box::new(self.0.as_bytes()))
        }
    }

    fn forecast() -> At<Forecast> {
        At {
            value: Forecast {
                volume: ForecastVolume::File {
                    path: "f.csv".into(),
                },
                interval: Duration::from_seconds(1800),
            },
            span: Span::new(FileId(0), 0, 0),
        }
    }

    fn parse(text: &'static str) -> Result<Vec<Interval>, Vec<String>> {
        let rows = rows(&forecast(), &OneFile(text), &TimeZone::UTC)
            .map_err(|e| vec![e.message.text(crate::syntax::values::Language::En)])?;
        let (ok, bad): (Vec<_>, Vec<_>) = rows.partition(Result::is_ok);
        if bad.is_empty() {
            Ok(ok.into_iter().map(Result::unwrap).collect())
        } else {
            Err(bad
                .into_iter()
                .map(|e| {
                    e.unwrap_err()
                        .message
                        .text(crate::syntax::values::Language::En)
                })
                .collect())
        }
    }

    fn messages(text: &'static str) -> Vec<String> {
        parse(text).unwrap_err()
    }

    #[test]
    fn reads_rows_with_and_without_aht() {
        let rows =
            parse("\u{feff}start,volume,aht\r\n08:00,120,240\n\n\"08:30\", 95.5 ,\n").unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].start.as_deref(), Some("08:00"));
        assert_eq!((rows[0].volume, rows[0].aht), (120.0, Some(240.0)));
        assert_eq!((rows[1].volume, rows[1].aht), (95.5, None));
        assert_eq!(rows[1].line, 4);
        let columns_in_any_order = parse("volume,start\n10,09:00\n").unwrap();
        assert_eq!(columns_in_any_order[0].start.as_deref(), Some("09:00"));
        let newline_in_quotes = parse("start,volume\n\"mon\n08:00\",3\n\n09:00,4\n").unwrap();
        assert_eq!(newline_in_quotes[0].start.as_deref(), Some("mon\n08:00"));
        assert_eq!(newline_in_quotes[1].line, 5);
    }

    #[test]
    fn explains_what_is_wrong_with_the_line() {
        assert_eq!(messages(""), ["the forecast file `f.csv` is empty"]);
        assert!(messages("start,volum\n1,2\n")[0]
            .contains("line 1: the header has an unknown column `volum` (did you mean `volume`?)"));
        assert!(messages("start\n1\n")[0].contains("must name the columns"));
        assert!(messages("start,volume,start\n")[0].contains("`start` twice"));
        assert_eq!(
            messages("start,volume\n1\n"),
            ["`f.csv`, line 2: this row has 1 field but the header has 2"]
        );
        assert_eq!(
            messages("start,volume\n1,-3\n"),
            ["`f.csv`, line 2: the volume `-3` is not a number of zero or more"]
        );
        assert!(messages("start,volume,aht\n1,3,0\n")[0].contains("`0` seconds is not plausible"));
        // A start cxc cannot place is no error: the language does not say
        // how starts are written (staffing judges it as if there were no
        // hours).
        let unplaced = parse("start,volume\n09:00,3\nmon 9:00,1\nday 1,3\n11.01.2027 09:00,2\n");
        assert_eq!(unplaced.map(|rows| rows.len()), Ok(4));
    }

    #[test]
    fn never_quotes_more_than_a_short_field() {
        let secret: &'static str = "start,volume\n1,root:$6$saltsaltsalt$hashhashhashhashhashhashhash:19000:0:99999:7:::\n";
        let message = &messages(secret)[0];
        assert!(!message.contains("19000"), "{message}");
        let header: &'static str = "root:x:0:0:root:/root:/bin/bash,daemon:x:1:1\n";
        let message = &messages(header)[0];
        assert!(!message.contains("daemon"), "{message}");
        let control: &'static str = "start,volume\n1,\x1b[2J\n";
        assert!(messages(control)[0].contains("\\u{1b}"));
    }
}
