//! The contact centre's exports, row by row: contacts (CSV or JSON Lines)
//! read into typed records, whatever a help desk calls its columns.
//!
//! Bad data never stops the reading and is never dropped silently: a row
//! that cannot be used is returned as a [`BadRow`] with its line and why,
//! and the caller counts them. The `csv` crate reads what exports really
//! look like: a UTF-8 byte-order mark, CRLF line ends, quoted fields with
//! commas and line breaks in them.

pub mod capped;
mod chunks;
mod csv_file;
mod fast;
mod jsonl;
mod parquet;
#[cfg(test)]
mod plain;
mod when;

use super::flaws::Flaw;
use crate::model::{Channel, Complaint, Idx, Segment};
pub use chunks::{csv_chunked, csv_chunks, Chunks, CHUNK};
use csv_file::trim;
pub use csv_file::{csv_chain, csv_cut_near, csv_header, csv_part, csv_rows, CsvPart, Reached};
use csv_file::{doubled, slots};
pub use jsonl::jsonl_rows;
pub use parquet::{
    parquet_part, parquet_parts, parquet_rows, Part, Refusal, MAGIC as PARQUET_MAGIC,
};
use std::collections::BTreeMap;
#[cfg(test)]
use when::documented;
pub use when::When;

/// The fast timestamp path alone, with no date read before.
#[cfg(test)]
fn fast(b: &[u8]) -> Option<When> {
    when::fast(b, None)
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
    /// The segment, channel and complaint its reader already resolved.
    pub known: Known,
}

/// The declarations a reader resolved a row's names to, once for every row
/// that gives the same name (a Parquet dictionary's entry, resolved when its
/// page is read): the row is then not looked up by its text. None where the
/// reader did not resolve it (every CSV and JSON Lines row, a Parquet value
/// outside a dictionary, a name the spec does not know): the text is looked
/// up as always, and a name not known is bad data for the same reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Known {
    pub segment: Option<Idx<Segment>>,
    pub channel: Option<Idx<Channel>>,
    pub complaint: Option<Idx<Complaint>>,
}

/// What a reader may resolve names with: a field's value to the number of
/// the declaration it names, None when it names none.
pub trait Resolve {
    fn id(&self, field: Field, name: &str) -> Option<u32>;
}

/// Resolves nothing: every row is looked up by its text.
pub struct Unresolved;

impl Resolve for Unresolved {
    fn id(&self, _: Field, _: &str) -> Option<u32> {
        None
    }
}

/// The fields whose values a reader may resolve ([`Known`]).
pub const RESOLVED: [Field; 3] = [Field::Segment, Field::Channel, Field::Complaint];

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
            known: self.known,
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
    /// Whose case it is (the optional `segment` column): a promise over
    /// the journey counts only its segments' cases.
    pub segment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub line: u64,
    pub problem: Flaw,
    /// What the row names, when it can be read: its segment (contacts) or
    /// journey (cases), so the row is set aside from that one's figures.
    pub subject: Option<String>,
    /// The case a visit belongs to, when the row names one: the whole case
    /// is set aside with it.
    pub case: Option<String>,
    /// What the flaw is about, when it is a name from the file (the column
    /// a header names twice).
    pub example: Option<String>,
}

impl BadRow {
    /// A row that cannot be read far enough to name anything.
    pub fn unread(line: u64, problem: Flaw) -> BadRow {
        BadRow {
            line,
            problem,
            subject: None,
            case: None,
            example: None,
        }
    }

    /// A column a field is read from that the header names more than once.
    pub fn duplicate_column(column: &str) -> BadRow {
        BadRow {
            example: Some(column.to_string()),
            ..BadRow::unread(1, Flaw::DuplicateColumn)
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

    /// Whether a header's column is one a field is read from.
    pub fn knows(&self, column: &str) -> bool {
        let column = column.trim();
        Field::ALL
            .iter()
            .any(|&f| self.candidates(f).any(|c| c == column))
    }
}

/// A number written as text, as `str::parse::<f64>` reads it. Survey
/// answers and handle times are mostly a few plain digits: those are read
/// as an integer, which is the same `f64` for up to 15 digits (below 2^53
/// every integer is exact), without the float parser's call and setup.
#[inline]
pub(crate) fn number(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    if (1..=15).contains(&bytes.len()) && bytes.iter().all(u8::is_ascii_digit) {
        let n = bytes
            .iter()
            .fold(0u64, |n, &d| n * 10 + u64::from(d - b'0'));
        return Some(n as f64);
    }
    text.parse::<f64>().ok()
}

/// A row's fields, whatever the file's format.
pub trait Fields {
    fn get(&self, field: Field, columns: &Columns) -> Option<&str>;

    /// A time field's value: None when the row holds none, `Some(None)`
    /// when it holds something that is not a time.
    fn time(&self, field: Field, columns: &Columns) -> Option<Option<When>> {
        self.get(field, columns).map(When::parse)
    }

    /// A number field's value: None when the row holds none, `Some(None)`
    /// when it holds something that is not a number. Inlined: four a row,
    /// mostly of columns an export does not have.
    #[inline(always)]
    fn number(&self, field: Field, columns: &Columns) -> Option<Option<f64>> {
        self.get(field, columns).map(number)
    }

    /// The declaration a field's value names, when the reader resolved it
    /// ([`Known`]); None when it did not.
    #[inline(always)]
    fn known(&self, _field: Field) -> Option<u32> {
        None
    }
}

/// A row's fields read as the values they hold, `line` for what is wrong.
///
/// Generic over the kind of row, so that each format's field lookups are
/// inlined into [`Row::read`] (about twenty per row) rather than called
/// through a `dyn Fields`.
pub struct Reader<'a, F: Fields + ?Sized> {
    row: &'a F,
    columns: &'a Columns,
    line: u64,
    /// The field that names what a bad row is set aside from.
    subject: Field,
}

impl<'a, F: Fields + ?Sized> Reader<'a, F> {
    fn bad(&self, problem: Flaw) -> BadRow {
        BadRow {
            line: self.line,
            problem,
            subject: self.text(self.subject).map(str::to_string),
            // Only a visit names a case (its subject is its journey).
            case: (self.subject == Field::Journey)
                .then(|| self.text(Field::Case))
                .flatten()
                .map(str::to_string),
            example: None,
        }
    }

    #[inline(always)]
    fn text(&self, field: Field) -> Option<&'a str> {
        self.row.get(field, self.columns)
    }

    #[inline(always)]
    fn required(&self, field: Field) -> Result<&'a str, BadRow> {
        self.text(field)
            .ok_or_else(|| self.bad(Flaw::Missing(field.name())))
    }

    #[inline(always)]
    fn time(&self, field: Field) -> Result<Option<When>, BadRow> {
        match self.row.time(field, self.columns) {
            None => Ok(None),
            Some(when) => when
                .map(Some)
                .ok_or_else(|| self.bad(Flaw::BadTime(field.name()))),
        }
    }

    #[inline(always)]
    fn required_time(&self, field: Field) -> Result<When, BadRow> {
        self.time(field)?
            .ok_or_else(|| self.bad(Flaw::Missing(field.name())))
    }

    #[inline(always)]
    fn known<T>(&self, field: Field) -> Option<Idx<T>> {
        self.row.known(field).map(|id| Idx::new(id as usize))
    }

    /// A number on a survey scale; outside it, the row is bad.
    #[inline(always)]
    fn number(&self, field: Field, scale: (f64, f64)) -> Result<Option<f64>, BadRow> {
        match self.row.number(field, self.columns) {
            None => Ok(None),
            Some(n) => n
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
    fn read<'a, F: Fields + ?Sized>(row: &Reader<'a, F>) -> Result<Self::Of<'a>, BadRow>;
}

impl Row for Contact {
    type Of<'a> = Contact<&'a str>;
    const SUBJECT: Field = Field::Segment;
    /// Inlined into the reader's loop, so that the contact is built where
    /// the loop hands it on, not built and then copied (some 350 bytes a
    /// row: issue 28's profile).
    #[inline(always)]
    fn read<'a, F: Fields + ?Sized>(r: &Reader<'a, F>) -> Result<Contact<&'a str>, BadRow> {
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
            known: Known {
                segment: r.known(Field::Segment),
                channel: r.known(Field::Channel),
                complaint: r.known(Field::Complaint),
            },
        })
    }
}

impl Row for Visit {
    type Of<'a> = Visit;
    const SUBJECT: Field = Field::Journey;
    fn read<F: Fields + ?Sized>(r: &Reader<'_, F>) -> Result<Visit, BadRow> {
        Ok(Visit {
            line: r.line,
            case: r.required(Field::Case)?.to_string(),
            journey: r.required(Field::Journey)?.to_string(),
            step: r.required(Field::Step)?.to_string(),
            entered: r.required_time(Field::Entered)?,
            left: r.time(Field::Left)?,
            csat: r.number(Field::Csat, FIVE)?,
            effort: r.number(Field::Effort, FIVE)?,
            segment: r.text(Field::Segment).map(str::to_string),
        })
    }
}

#[cfg(test)]
mod tests;

/// A row read kept beyond its reader's buffer (tests compare rows).
#[cfg(test)]
fn owned(row: Result<Contact<&str>, BadRow>) -> Result<Contact, BadRow> {
    row.map(|c| c.owned())
}
