//! `cxc measure`: the contact centre's exports held against the standards
//! (LANGUAGE.md §6).
//!
//! - `clock`: business time — how much of an interval a calendar's clock
//!   runs, in its time zone, with its holidays and the zone's DST changes;
//!   `clocks`: every calendar of a spec made into one;
//! - `rows`: the exports read into typed contacts and visits, bad rows
//!   kept with why; `flaws`: those counted per kind (`bad-data`);
//! - `sla`, `metrics`, `promises`, `complaints`, `journeys`: one streamed
//!   tally per kind of standard, memory bounded by the spec and the open
//!   cases, never by the rows; `kept`: the shares kept, and deadlines open
//!   until the export ends; `sketch`: quantiles in bounded memory;
//! - `findings`: every standard reality misses, as a diagnostic at its line.
//!
//! Analysis here does no I/O: the command reads the exports and hands rows
//! in, one at a time, to a [`Measurement`]; [`Measurement::finish`] gives
//! the [`Report`].

pub mod clock;
pub mod clocks;
pub mod complaints;
pub mod findings;
pub mod flaws;
pub mod journeys;
pub mod kept;
pub mod metrics;
pub mod promises;
pub mod rows;
pub mod sketch;
pub mod sla;

use crate::model::{Channel, Complaint, Idx, Journey, Model, Promise, Segment, Sla, Step};
use crate::syntax::values::{Date, Percent};
use clocks::Clocks;
use flaws::{DataFile, Flaw, Flaws};
use jiff::Timestamp;
use rows::{BadRow, Contact, Visit};
use std::collections::BTreeMap;

/// Names a row uses, looked up once or more per row: foldhash, as the
/// model's own name tables.
type Names<K, V> = foldhash::HashMap<K, V>;

/// What a measurement is held to (`measure:` in cxc.yaml, `--from`/`--to`).
#[derive(Debug, Clone)]
pub struct Settings {
    /// A promise kept for fewer than this share of customers is broken.
    pub promise_keep_rate: Percent,
    /// Deadlines without a percentage of their own (first response,
    /// resolution, complaint times, step and journey `within`) must be met
    /// for at least this share.
    pub deadline_rate: Percent,
    /// Team changes a case may take (`thresholds.hot-potato`).
    pub max_handoffs: u32,
    /// The days measured, inclusive, in the spec's home time zone.
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// What the exports call segments and channels besides their ids
    /// (`exports.segments` / `exports.channels`, Zendesk organization ids),
    /// by id.
    pub segment_names: BTreeMap<String, Vec<String>>,
    pub channel_names: BTreeMap<String, Vec<String>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            promise_keep_rate: Percent::new(95.0),
            deadline_rate: Percent::new(95.0),
            max_handoffs: 3,
            from: None,
            to: None,
            segment_names: BTreeMap::new(),
            channel_names: BTreeMap::new(),
        }
    }
}

/// Everything measured, ready for findings and reports.
#[derive(Debug)]
pub struct Report {
    pub settings: Settings,
    /// The first and last day of the contacts measured, and of the visits.
    pub contact_days: Option<(Date, Date)>,
    pub case_days: Option<(Date, Date)>,
    /// The moment open deadlines were judged at: the end of `--to`, else
    /// the latest time in the contacts export.
    pub as_of: Option<Timestamp>,
    pub contacts: u64,
    pub visits: u64,
    pub attainments: Vec<sla::Attainment>,
    pub metrics: BTreeMap<(Idx<Sla>, Idx<Segment>), metrics::Sums>,
    pub promises: BTreeMap<Idx<Promise>, kept::Kept>,
    pub complaints: BTreeMap<(Idx<Complaint>, complaints::Duty), kept::Kept>,
    pub journeys: Vec<journeys::JourneyFigures>,
    pub flaws: Flaws,
}

/// A measurement under way: feed it rows, then [`Measurement::finish`].
pub struct Measurement<'m> {
    model: &'m Model,
    settings: Settings,
    clocks: Clocks,
    segments: Names<String, Idx<Segment>>,
    channels: Names<String, Idx<Channel>>,
    complaint_ids: Names<&'m str, Idx<Complaint>>,
    journey_ids: Names<&'m str, Idx<Journey>>,
    steps: Vec<Names<&'m str, Idx<Step>>>,
    contact_days: Option<(i64, i64)>,
    case_days: Option<(i64, i64)>,
    /// The latest time written anywhere in the contacts export.
    latest: Option<Timestamp>,
    contacts: u64,
    visits: u64,
    sla: sla::Tally,
    promises: promises::Tally,
    complaints: complaints::Tally,
    journeys: journeys::Tally,
    flaws: Flaws,
}

impl<'m> Measurement<'m> {
    pub fn new(model: &'m Model, settings: Settings) -> Measurement<'m> {
        let ids = model
            .segments
            .iter()
            .map(|(id, s)| (s.header.id.as_str(), id));
        let segments = names(ids, &settings.segment_names);
        let ids = model
            .channels
            .iter()
            .map(|(id, c)| (c.header.id.as_str(), id));
        let channels = names(ids, &settings.channel_names);
        Measurement {
            model,
            clocks: Clocks::new(model),
            segments,
            channels,
            complaint_ids: model
                .complaints
                .iter()
                .map(|(id, c)| (c.header.id.as_str(), id))
                .collect(),
            journey_ids: model
                .journeys
                .iter()
                .map(|(id, j)| (j.header.id.as_str(), id))
                .collect(),
            steps: model
                .journeys
                .values()
                .map(|j| {
                    j.steps
                        .iter()
                        .map(|(id, s)| (s.header.id.as_str(), id))
                        .collect()
                })
                .collect(),
            contact_days: None,
            case_days: None,
            latest: None,
            contacts: 0,
            visits: 0,
            sla: sla::Tally::default(),
            promises: promises::Tally::default(),
            complaints: complaints::Tally::default(),
            journeys: journeys::Tally::new(model, settings.max_handoffs),
            flaws: Flaws::default(),
            settings,
        }
    }

    /// The local day of an instant in the home zone; whether it is in the
    /// period measured.
    fn day(&self, at: Timestamp) -> (i64, bool) {
        let offset = self.clocks.home().to_offset(at).seconds();
        let day = (at.as_second() + i64::from(offset)).div_euclid(86_400);
        let after_from = self.settings.from.is_none_or(|d| day >= d.to_days());
        let before_to = self.settings.to.is_none_or(|d| day <= d.to_days());
        (day, after_from && before_to)
    }

    fn seen(days: &mut Option<(i64, i64)>, day: i64) {
        *days = Some(match *days {
            None => (day, day),
            Some((a, b)) => (a.min(day), b.max(day)),
        });
    }

    fn bad(&mut self, file: DataFile, row: BadRow) {
        self.flaws.note(file, row.problem, row.line, None);
    }

    pub fn contact(&mut self, row: Result<Contact, BadRow>) {
        let contact = match row {
            Ok(c) => c,
            Err(bad) => return self.bad(DataFile::Contacts, bad),
        };
        let line = contact.line;
        let note = |flaws: &mut Flaws, flaw, example: &str| {
            flaws.note(DataFile::Contacts, flaw, line, Some(example))
        };
        let Some(&segment) = self.segments.get(contact.segment.as_str()) else {
            return note(&mut self.flaws, Flaw::UnknownSegment, &contact.segment);
        };
        let Some(&channel) = self.channels.get(contact.channel.as_str()) else {
            return note(&mut self.flaws, Flaw::UnknownChannel, &contact.channel);
        };
        let complaint = match contact.complaint.as_deref() {
            None => None,
            Some(name) => match self.complaint_ids.get(name) {
                Some(&c) => Some(c),
                None => return note(&mut self.flaws, Flaw::UnknownComplaint, name),
            },
        };
        let Some(created) = contact.created.at(self.clocks.home()) else {
            return note(&mut self.flaws, Flaw::BadTime("created"), "");
        };
        let (day, inside) = self.day(created);
        if !inside {
            return;
        }
        Self::seen(&mut self.contact_days, day);
        let home = self.clocks.home();
        let times = [
            contact.answered,
            contact.first_response,
            contact.resolved,
            contact.acknowledged,
            contact.escalated,
            contact.feedback,
        ];
        let latest = times
            .into_iter()
            .flatten()
            .filter_map(|w| w.at(home))
            .chain([created])
            .max();
        self.latest = self.latest.max(latest);
        self.contacts += 1;
        let model = self.model;
        let clocks = &self.clocks;
        let mut flaws = Vec::new();
        flaws.extend(self.sla.add(model, clocks, &contact, segment, channel));
        self.promises.add(model, clocks, &contact, segment, channel);
        if let Some(complaint) = complaint {
            let before = self
                .complaints
                .add(model, clocks, &contact, complaint, channel);
            flaws.extend(before.map(Flaw::Before));
        }
        flaws.sort();
        flaws.dedup();
        for flaw in flaws {
            self.flaws.note(DataFile::Contacts, flaw, line, None);
        }
    }

    pub fn visit(&mut self, row: Result<Visit, BadRow>) {
        let visit = match row {
            Ok(v) => v,
            Err(bad) => return self.bad(DataFile::Cases, bad),
        };
        let line = visit.line;
        let note = |flaws: &mut Flaws, flaw, example: &str| {
            flaws.note(DataFile::Cases, flaw, line, Some(example))
        };
        let Some(&journey) = self.journey_ids.get(visit.journey.as_str()) else {
            return note(&mut self.flaws, Flaw::UnknownJourney, &visit.journey);
        };
        let Some(&step) = self.steps[journey.index()].get(visit.step.as_str()) else {
            return note(&mut self.flaws, Flaw::UnknownStep, &visit.step);
        };
        let home = self.clocks.home();
        let Some(entered) = visit.entered.at(home) else {
            return note(&mut self.flaws, Flaw::BadTime("entered"), "");
        };
        let mut left = visit.left.and_then(|w| w.at(home));
        if left.is_some_and(|l| l < entered) {
            note(&mut self.flaws, Flaw::Before("left"), "");
            left = None;
        }
        // A case is measured in the period its visits fall in.
        let (day, inside) = self.day(entered);
        if !inside {
            return;
        }
        Self::seen(&mut self.case_days, day);
        self.visits += 1;
        let stop = journeys::Stop {
            step,
            entered,
            left,
            csat: visit.csat,
        };
        self.journeys
            .add(self.model, &self.clocks, journey, &visit.case, stop);
    }

    /// Adds the contacts another measurement of the same spec read from a
    /// later part of the same export, as if this one had read them after
    /// its own (cases are read by one measurement only: a case's visits may
    /// lie in both parts).
    pub fn absorb(&mut self, other: Measurement<'m>) {
        debug_assert_eq!(other.visits, 0, "cases are read whole");
        self.contact_days = match (self.contact_days, other.contact_days) {
            (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
            (a, b) => a.or(b),
        };
        self.latest = self.latest.max(other.latest);
        self.contacts += other.contacts;
        self.sla.absorb(other.sla);
        self.promises.kept.absorb(other.promises.kept);
        self.complaints.kept.absorb(other.complaints.kept);
        self.flaws.absorb(other.flaws);
    }

    pub fn finish(mut self) -> Report {
        let end_of_to = self.settings.to.and_then(|to| {
            let next = jiff::civil::Date::new(
                i16::try_from(to.year).ok()?,
                i8::try_from(to.month).ok()?,
                i8::try_from(to.day).ok()?,
            )
            .ok()?
            .tomorrow()
            .ok()?;
            next.to_zoned(self.clocks.home().clone())
                .ok()
                .map(|z| z.timestamp())
        });
        self.journeys.finish(self.model, &self.clocks, end_of_to);
        let as_of = end_of_to.or(self.latest);
        if let Some(as_of) = as_of {
            self.sla.settle(&self.clocks, as_of);
            self.promises.kept.settle(&self.clocks, as_of);
            self.complaints.kept.settle(&self.clocks, as_of);
        }
        let mut promises = self.promises.kept.kept;
        promises.extend(self.journeys.promises);
        let dates =
            |days: Option<(i64, i64)>| days.map(|(a, b)| (Date::from_days(a), Date::from_days(b)));
        Report {
            contact_days: dates(self.contact_days),
            case_days: dates(self.case_days),
            as_of,
            contacts: self.contacts,
            visits: self.visits,
            attainments: self.sla.attainments(),
            metrics: self.sla.metrics.0,
            promises,
            complaints: self.complaints.kept.kept,
            journeys: self.journeys.journeys,
            flaws: self.flaws,
            settings: self.settings,
        }
    }
}

/// What a row may call each declaration: its id, and its name in the
/// exports when cxc.yaml gives one.
fn names<'a, T: Copy>(
    ids: impl Iterator<Item = (&'a str, T)>,
    aliases: &BTreeMap<String, Vec<String>>,
) -> Names<String, T> {
    let mut names = Names::default();
    for (id, target) in ids {
        for alias in aliases.get(id).into_iter().flatten() {
            names.insert(alias.clone(), target);
        }
        names.insert(id.to_string(), target);
    }
    names
}

#[cfg(test)]
mod tests;
