//! Data that contradicts the spec or cannot be read: counted per kind with
//! its first lines, never fatal, never dropped silently (`bad-data`).

use crate::model::{Idx, Journey, Segment};
use serde::Serialize;
use std::collections::BTreeMap;

/// Which export a row came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DataFile {
    Contacts,
    Cases,
}

/// What is wrong with a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Flaw {
    /// A required field is empty.
    Missing(&'static str),
    /// A timestamp that is neither RFC 3339 nor a plain date and time.
    BadTime(&'static str),
    /// A survey answer that is not a number, or out of its scale.
    BadNumber(&'static str),
    /// The row cannot be read as CSV or JSON at all.
    Unreadable,
    /// A record or line longer than `rows::capped::MAX_RECORD`: a quote
    /// that never closes, or no line breaks at all. Skipped to the next line.
    TooLong,
    UnknownSegment,
    UnknownChannel,
    UnknownComplaint,
    UnknownJourney,
    UnknownStep,
    /// A case whose visits name different segments (the cases export's
    /// `segment` column): the whole case is set aside, once.
    MixedSegments,
    /// A time before the one it follows (`resolved` before `created`,
    /// `left` before `entered`).
    Before(&'static str),
    /// [`Flaw::Before`] where one of the two is written without an offset
    /// in the hour the clocks go back: read as the first of the two
    /// instants, it comes out earlier; the second would make the row right.
    BeforeRepeatedHour(&'static str),
    /// Not a row: the header names a column a field is read from more than
    /// once (its name is the example); the first of them is read.
    DuplicateColumn,
    /// Not a row: the export holds none (zero bytes, or a header alone),
    /// so every figure of it is empty, not good.
    NoRows,
    /// Not a row: a JSON Lines row names a key more than once (the
    /// first key is the example); its first value is read, as a CSV's
    /// first column named twice is.
    DuplicateKey,
    /// Not a row: a field maps to a Parquet column of a type cxc cannot
    /// read as a value (`TIME`, a list; its name is the example): no row
    /// of the export is read.
    ColumnType(&'static str),
    /// Not a row: a Parquet export whose footer cannot be read (damaged,
    /// truncated, or not Parquet): no row of it is read.
    NotParquet,
    /// Not a row: a CSV export that is not UTF-8 (it starts as UTF-16
    /// does): no row of it is read.
    NotUtf8,
}

impl Flaw {
    /// The stable name in `measure.json`.
    pub fn name(self) -> String {
        match self {
            Flaw::Missing(field) => format!("missing:{field}"),
            Flaw::BadTime(field) => format!("bad-time:{field}"),
            Flaw::BadNumber(field) => format!("bad-number:{field}"),
            Flaw::Unreadable => "unreadable".into(),
            Flaw::TooLong => "too-long".into(),
            Flaw::UnknownSegment => "unknown-segment".into(),
            Flaw::UnknownChannel => "unknown-channel".into(),
            Flaw::UnknownComplaint => "unknown-complaint".into(),
            Flaw::UnknownJourney => "unknown-journey".into(),
            Flaw::UnknownStep => "unknown-step".into(),
            Flaw::MixedSegments => "mixed-segments".into(),
            Flaw::Before(field) => format!("before:{field}"),
            Flaw::BeforeRepeatedHour(field) => format!("before-repeated-hour:{field}"),
            Flaw::DuplicateColumn => "duplicate-column".into(),
            Flaw::NoRows => "no-rows".into(),
            Flaw::ColumnType(kind) => format!("column-type:{kind}"),
            Flaw::NotParquet => "not-parquet".into(),
            Flaw::DuplicateKey => "duplicate-key".into(),
            Flaw::NotUtf8 => "not-utf8".into(),
        }
    }

    /// Whether it is about a row set aside; the others are about the
    /// export as a whole and set no row aside.
    pub fn is_row(self) -> bool {
        !matches!(
            self,
            Flaw::DuplicateColumn | Flaw::DuplicateKey | Flaw::NoRows
        ) && !self.is_unread()
    }

    /// Whether it kept every row of the export from being read: the
    /// export is then not also said to hold no rows.
    pub fn is_unread(self) -> bool {
        matches!(self, Flaw::ColumnType(_) | Flaw::NotParquet | Flaw::NotUtf8)
    }
}

/// How often one kind of flaw occurred, and where first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Seen {
    pub count: u64,
    pub first_lines: Vec<u64>,
    /// The first value it was about (an unknown segment's name), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
}

/// Lines of each flaw kept to show; the count goes on.
pub const SHOWN_LINES: usize = 5;

/// What a row set aside would have counted towards, when it names it: a
/// contact its segment, a visit its journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    Segment(Idx<Segment>),
    Journey(Idx<Journey>),
}

#[derive(Debug, Clone, Default)]
pub struct Flaws {
    /// Every flaw, per export and kind.
    pub all: BTreeMap<(DataFile, Flaw), Seen>,
    /// The rows set aside that name a segment or journey of the spec, per
    /// kind: the figures of that segment or journey were measured without
    /// them.
    pub by_subject: BTreeMap<Subject, BTreeMap<Flaw, u64>>,
}

impl Flaws {
    pub fn note(
        &mut self,
        file: DataFile,
        flaw: Flaw,
        line: u64,
        example: Option<&str>,
        subject: Option<Subject>,
    ) {
        if let Some(subject) = subject {
            *self
                .by_subject
                .entry(subject)
                .or_default()
                .entry(flaw)
                .or_default() += 1;
        }
        let seen = self.all.entry((file, flaw)).or_default();
        seen.count += 1;
        if seen.first_lines.len() < SHOWN_LINES {
            seen.first_lines.push(line);
        }
        if seen.example.is_none() {
            // A name from an untrusted file: kept short, and printable in
            // every format it is shown in.
            seen.example = example.map(|e| {
                crate::escape::terminal(&crate::escape::shorten(e, 60), false).into_owned()
            });
        }
    }

    /// Moves every line kept `by` lines down: the flaws of a part of a file
    /// read with its lines counted from its start, `by` lines into it.
    pub fn shift_lines(&mut self, by: u64) {
        for seen in self.all.values_mut() {
            for line in &mut seen.first_lines {
                *line += by;
            }
        }
    }

    /// Adds the flaws another reader found later in the same file.
    pub fn absorb(&mut self, other: Flaws) {
        for (subject, kinds) in other.by_subject {
            let mine = self.by_subject.entry(subject).or_default();
            for (flaw, count) in kinds {
                *mine.entry(flaw).or_default() += count;
            }
        }
        for (key, seen) in other.all {
            let mine = self.all.entry(key).or_default();
            mine.count += seen.count;
            let room = SHOWN_LINES.saturating_sub(mine.first_lines.len());
            mine.first_lines
                .extend(seen.first_lines.into_iter().take(room));
            if mine.example.is_none() {
                mine.example = seen.example;
            }
        }
    }

    /// The rows of one export set aside that name `subject`, per kind.
    pub fn of(&self, subject: Subject) -> Option<&BTreeMap<Flaw, u64>> {
        self.by_subject.get(&subject)
    }

    /// The rows of one export set aside (not its header's flaws).
    pub fn count(&self, file: DataFile) -> u64 {
        self.all
            .iter()
            .filter(|((f, flaw), _)| *f == file && flaw.is_row())
            .map(|(_, s)| s.count)
            .sum()
    }
}
