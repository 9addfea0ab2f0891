//! Forecasts: a constant `forecast N per T`, or a CSV file with one row per
//! interval (`start,volume[,aht]`, AHT in seconds).
//!
//! The CSV is read into the source map so that a bad row is reported at its
//! own line, like any other diagnostic.

use crate::diagnostic::{closest, Code, Diagnostic};
use crate::loader;
use crate::model::{At, Forecast, ForecastVolume};
use crate::source::{FileId, SourceMap, Span};

/// One forecast interval.
#[derive(Debug, Clone, PartialEq)]
pub struct Interval {
    /// The CSV's `start` value as written; `None` for a constant forecast.
    pub start: Option<String>,
    /// Contacts offered in the interval.
    pub volume: f64,
    /// The row's own handle time in seconds, overriding the queue's `aht`.
    pub aht: Option<f64>,
    /// The row in the CSV, or the `forecast` statement.
    pub span: Span,
}

/// Volumes above this per interval are surely a unit mistake.
const MAX_VOLUME: f64 = 1e12;

/// A file with this many bad rows is probably not the forecast at all: stop
/// reporting there.
const MAX_ROW_PROBLEMS: usize = 20;

/// The intervals of a queue's forecast, or the problems that make it unusable.
pub fn intervals(
    forecast: &At<Forecast>,
    sources: &mut SourceMap,
) -> Result<Vec<Interval>, Vec<Diagnostic>> {
    match &forecast.value.volume {
        ForecastVolume::Constant(volume) => Ok(vec![Interval {
            start: None,
            volume: *volume as f64,
            aht: None,
            span: forecast.span,
        }]),
        ForecastVolume::File { path, base } => {
            let full = base.join(path);
            let file = loader::read_aux_into(sources, &full).map_err(|e| {
                vec![Diagnostic::new(
                    Code::InvalidForecast,
                    forecast.span,
                    format!("cannot read the forecast file `{path}`: {}", e.reason),
                )
                .help(format!(
                    "the path is relative to the spec file, so cxc looked for {}",
                    loader::display_name(&full)
                ))]
            })?;
            parse_csv(file, sources)
        }
    }
}

/// Column positions found in the header.
struct Columns {
    count: usize,
    start: usize,
    volume: usize,
    aht: Option<usize>,
}

const KNOWN_COLUMNS: [&str; 3] = ["start", "volume", "aht"];

fn parse_csv(file: FileId, sources: &SourceMap) -> Result<Vec<Interval>, Vec<Diagnostic>> {
    let text = &sources.get(file).text;
    let mut lines = Lines::new(file, text);
    let Some((header_span, header)) = lines.next() else {
        return Err(vec![Diagnostic::new(
            Code::InvalidForecast,
            Span::new(file, 0, 0),
            "the forecast file is empty",
        )
        .help(
            "write a header line `start,volume` (optionally `,aht`) and one row per interval",
        )]);
    };
    let columns = parse_header(&header, header_span)?;
    let mut intervals = Vec::new();
    let mut problems = Vec::new();
    for (span, fields) in lines {
        match parse_row(&fields, &columns, span) {
            Ok(interval) => intervals.push(interval),
            Err(problem) => {
                problems.push(problem);
                if problems.len() == MAX_ROW_PROBLEMS {
                    break;
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if intervals.is_empty() {
        return Err(vec![Diagnostic::new(
            Code::InvalidForecast,
            header_span,
            "the forecast file has a header but no intervals",
        )
        .help("add one row per interval below the header, e.g. `08:00,120`")]);
    }
    Ok(intervals)
}

fn parse_header(header: &[String], span: Span) -> Result<Columns, Vec<Diagnostic>> {
    let mut found: [Option<usize>; 3] = [None; 3];
    for (i, name) in header.iter().enumerate() {
        let name = name.to_lowercase();
        match KNOWN_COLUMNS.iter().position(|known| *known == name) {
            Some(k) if found[k].is_some() => {
                return Err(vec![Diagnostic::new(
                    Code::InvalidForecast,
                    span,
                    format!("the forecast header names the column `{name}` twice"),
                )
                .help("keep one `start`, one `volume` and at most one `aht` column")]);
            }
            Some(k) => found[k] = Some(i),
            None => {
                let hint = closest(&name, KNOWN_COLUMNS)
                    .map(|c| format!("did you mean `{c}`? "))
                    .unwrap_or_default();
                return Err(vec![Diagnostic::new(
                    Code::InvalidForecast,
                    span,
                    format!("the forecast header has an unknown column `{name}`"),
                )
                .help(format!(
                    "{hint}the columns are `start`, `volume` and, optionally, `aht` (seconds)"
                ))]);
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
        _ => Err(vec![Diagnostic::new(
            Code::InvalidForecast,
            span,
            "the forecast header must name the columns `start` and `volume`",
        )
        .help(
            "the first line of the file should read `start,volume` or `start,volume,aht`",
        )]),
    }
}

fn parse_row(fields: &[String], columns: &Columns, span: Span) -> Result<Interval, Diagnostic> {
    if fields.len() != columns.count {
        return Err(Diagnostic::new(
            Code::InvalidForecast,
            span,
            format!(
                "this row has {} field{} but the header has {}",
                fields.len(),
                if fields.len() == 1 { "" } else { "s" },
                columns.count
            ),
        )
        .help("every row needs one value per header column, separated by commas"));
    }
    let volume = number(&fields[columns.volume], "volume", span)?;
    if volume > MAX_VOLUME {
        return Err(Diagnostic::new(
            Code::InvalidForecast,
            span,
            format!(
                "a volume of {} contacts in one interval is not plausible",
                fields[columns.volume]
            ),
        )
        .help("the volume is the number of contacts arriving in the interval"));
    }
    let aht = match columns.aht {
        Some(i) if !fields[i].is_empty() => {
            let seconds = number(&fields[i], "aht", span)?;
            if seconds == 0.0 || seconds > 1e9 {
                return Err(Diagnostic::new(
                    Code::InvalidForecast,
                    span,
                    format!(
                        "an average handle time of {} seconds is not plausible",
                        fields[i]
                    ),
                )
                .help("`aht` is the average handle time of one contact, in seconds, above zero"));
            }
            Some(seconds)
        }
        _ => None,
    };
    Ok(Interval {
        start: Some(fields[columns.start].clone()),
        volume,
        aht,
        span,
    })
}

fn number(field: &str, column: &str, span: Span) -> Result<f64, Diagnostic> {
    match field.parse::<f64>() {
        Ok(value) if value.is_finite() && value >= 0.0 => Ok(value),
        _ => Err(Diagnostic::new(
            Code::InvalidForecast,
            span,
            format!("the {column} `{field}` is not a number of zero or more"),
        )
        .help(format!(
            "write the {column} as a plain number such as 120 or 95.5"
        ))),
    }
}

/// Non-blank lines of a CSV, split into trimmed fields, with their spans. Fields
/// may be double-quoted (`"08:00"`); a quoted field cannot span lines.
struct Lines<'a> {
    file: FileId,
    text: &'a str,
    offset: usize,
}

impl<'a> Lines<'a> {
    fn new(file: FileId, text: &'a str) -> Self {
        let offset = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Lines { file, text, offset }
    }
}

impl Iterator for Lines<'_> {
    type Item = (Span, Vec<String>);

    fn next(&mut self) -> Option<Self::Item> {
        while self.offset < self.text.len() {
            let rest = &self.text[self.offset..];
            let length = rest.find('\n').unwrap_or(rest.len());
            let start = self.offset;
            self.offset += (length + 1).min(rest.len());
            let line = rest[..length].trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            let span = Span::new(self.file, start, start + line.len());
            return Some((span, split_fields(line)));
        }
        None
    }
}

fn split_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field).trim().to_string()),
            _ => field.push(c),
        }
    }
    fields.push(field.trim().to_string());
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn parse(text: &str) -> Result<Vec<Interval>, Vec<Diagnostic>> {
        let mut sources = SourceMap::default();
        let id = sources.add(SourceFile::new("f.csv".into(), "f.csv".into(), text.into()));
        parse_csv(id, &sources)
    }

    fn messages(text: &str) -> Vec<String> {
        parse(text)
            .unwrap_err()
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn reads_rows_with_and_without_aht() {
        let rows =
            parse("\u{feff}start,volume,aht\r\n08:00,120,240\n\n\"08:30\", 95.5 ,\n").unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].start.as_deref(), Some("08:00"));
        assert_eq!((rows[0].volume, rows[0].aht), (120.0, Some(240.0)));
        assert_eq!((rows[1].volume, rows[1].aht), (95.5, None));
        let columns_in_any_order = parse("volume,start\n10,09:00\n").unwrap();
        assert_eq!(columns_in_any_order[0].start.as_deref(), Some("09:00"));
    }

    #[test]
    fn rows_point_at_their_own_line() {
        let mut sources = SourceMap::default();
        let text = "start,volume\n08:00,10\n08:30,x\n";
        let id = sources.add(SourceFile::new("f.csv".into(), "f.csv".into(), text.into()));
        let problems = parse_csv(id, &sources).unwrap_err();
        let line = sources.get(id).line_col(problems[0].span.start).line;
        assert_eq!(line, 3);
    }

    #[test]
    fn explains_what_is_wrong() {
        assert_eq!(messages(""), ["the forecast file is empty"]);
        assert_eq!(
            messages("start,volume\n"),
            ["the forecast file has a header but no intervals"]
        );
        assert_eq!(
            messages("start,volum\n1,2\n"),
            ["the forecast header has an unknown column `volum`"]
        );
        assert_eq!(
            messages("start\n1\n"),
            ["the forecast header must name the columns `start` and `volume`"]
        );
        assert_eq!(
            messages("start,volume,start\n"),
            ["the forecast header names the column `start` twice"]
        );
        assert_eq!(
            messages("start,volume\n1\n"),
            ["this row has 1 field but the header has 2"]
        );
        assert_eq!(
            messages("start,volume\n1,-3\n"),
            ["the volume `-3` is not a number of zero or more"]
        );
        assert_eq!(
            messages("start,volume\n1,inf\n"),
            ["the volume `inf` is not a number of zero or more"]
        );
        assert_eq!(
            messages("start,volume,aht\n1,3,0\n"),
            ["an average handle time of 0 seconds is not plausible"]
        );
    }

    #[test]
    fn stops_reporting_a_file_that_is_not_a_forecast() {
        let text = format!("start,volume\n{}", "a,b\n".repeat(1000));
        assert_eq!(messages(&text).len(), MAX_ROW_PROBLEMS);
    }
}
