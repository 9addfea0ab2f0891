//! `cxc measure`: the contact centre's exports held against the standards
//! (LANGUAGE.md §6).
//!
//! - `clock`: business time — how much of an interval a calendar's clock
//!   runs, in its time zone, with its holidays and the zone's DST changes;
//!   `clocks`: every calendar of a spec made into one;
//! - `rows`: the exports read into typed contacts and visits, bad rows
//!   kept with why; `flaws`: those counted per kind (`bad-data`);
//! - `sla`, `metrics`, `promises`, `complaints`, `journeys`: one streamed
//!   tally per kind of standard, memory bounded by the spec, never by the
//!   rows — except the journeys', which hold every visit of the cases
//!   export (compactly) so its rows need not be sorted; `kept`: the shares kept, and deadlines open
//!   until the export ends; `sketch`: quantiles in bounded memory;
//! - `findings`: every standard reality misses, as a diagnostic at its line;
//!   `pain`: the steps and channels the data shows hurting customers.
//!
//! Analysis here does no I/O: the command reads the exports and hands rows
//! in, one at a time, to a [`Measurement`]; [`Measurement::finish`] gives
//! the [`Report`].

pub mod causes;
/// Business time lives with the calendars it reads (staffing reads it too).
pub use crate::model::clock;
pub mod clocks;
pub mod complaints;
pub mod delimiter;
mod docs;
pub mod exact;
pub mod findings;
pub mod flaws;
mod held;
pub mod journeys;
pub mod kept;
pub mod kpis;
mod lookup;
pub mod metrics;
pub mod money;
mod named;
pub mod pain;
pub mod promises;
pub mod repeats;
pub mod rows;
pub mod shown;
pub mod sketch;
pub mod sla;

use crate::model::{Channel, Complaint, Idx, Journey, Model, Promise, Segment, Sla, Step};
use crate::syntax::values::{Date, Percent};
use clocks::Clocks;
use flaws::{DataFile, Flaw, Flaws, Subject};
use jiff::Timestamp;
use lookup::Lookup;
use rows::{BadRow, Contact, Visit, When};
use std::collections::BTreeMap;

/// Names a row uses, looked up once or more per row: foldhash, as the
/// model's own name tables.
pub type Names<K, V> = foldhash::HashMap<K, V>;

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
    /// Where measured experience hurts (`measured-pain`).
    pub pain: Pain,
    /// A customer's contact within this many seconds after the last one
    /// was resolved (else made) repeats it.
    pub repeat_window: u64,
    /// `repeat-contacts` fires when more of a segment's contacts than this
    /// are repeated.
    pub repeat_share: Percent,
    /// Of the customers whose revenue is at risk, the share who leave.
    pub churn_share: Percent,
    /// The share of a segment's contacts self-service should take: the
    /// saving if it did (none: not figured).
    pub self_service_target: Option<Percent>,
}

/// The figures at which a step or channel hurts customers: the
/// `high-effort-step` thresholds, held to the data (`measure.pain`).
#[derive(Debug, Clone, Copy)]
pub struct Pain {
    /// A mean effort (1 low .. 5 high) at or above this.
    pub effort: f64,
    /// A step's drop-off at or above this.
    pub dropoff: Percent,
    /// A mean CSAT (1..5) at or below this.
    pub csat: f64,
}

impl Default for Pain {
    fn default() -> Self {
        Pain {
            effort: 4.0,
            dropoff: Percent::new(30.0),
            csat: 2.0,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            promise_keep_rate: crate::check::DEFAULT_PROMISE_KEEP_RATE,
            deadline_rate: Percent::new(95.0),
            max_handoffs: 3,
            from: None,
            to: None,
            segment_names: BTreeMap::new(),
            channel_names: BTreeMap::new(),
            pain: Pain::default(),
            repeat_window: repeats::DEFAULT_WINDOW,
            repeat_share: Percent::new(20.0),
            churn_share: Percent::new(100.0),
            self_service_target: None,
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
    /// Contacts measured per segment, by index.
    pub contacts_by_segment: Vec<u64>,
    /// Of them, complaints (rows naming a complaint rule).
    pub complaints_by_segment: Vec<u64>,
    pub visits: u64,
    pub attainments: Vec<sla::Attainment>,
    pub metrics: BTreeMap<(Idx<Sla>, Idx<Segment>), metrics::Sums>,
    /// Survey answers per segment and per channel, target or not.
    pub voices: BTreeMap<metrics::Voice, metrics::Sums>,
    /// Repeat contacts, first-contact resolution and channel switches, from
    /// the contacts that name their customer.
    pub repeats: repeats::Repeats,
    /// Complaints by root cause, when the export has a `cause` column.
    pub causes: causes::Causes,
    /// Cost to serve, revenue at risk and savings (language 3).
    pub money: money::Money,
    pub promises: BTreeMap<Idx<Promise>, kept::Kept>,
    /// Of the cases a promise over a journey counted, those that named no
    /// segment (counted whatever the promise's segments).
    pub unsegmented: BTreeMap<Idx<Promise>, u64>,
    /// Whether the cases export names segments (any visit did).
    pub cases_name_segments: bool,
    pub complaints: BTreeMap<(Idx<Complaint>, complaints::Duty), kept::Kept>,
    pub journeys: Vec<journeys::JourneyFigures>,
    pub flaws: Flaws,
}

impl Report {
    /// Whether a promise over a journey that serves other segments too was
    /// judged on cases of any segment: the cases export names no segment,
    /// or some of the cases it counted named none (outside audit 7, F4).
    pub fn every_case(&self, model: &Model, promise: Idx<Promise>) -> bool {
        let unnamed = self.unsegmented.get(&promise).is_some_and(|&n| n > 0);
        model.promise_wider_in_cases(&model.promises[promise])
            && (!self.cases_name_segments || unnamed)
    }
}

/// A measurement under way: feed it rows, then [`Measurement::finish`].
pub struct Measurement<'m> {
    model: &'m Model,
    settings: Settings,
    clocks: Clocks,
    segments: Lookup<String, Idx<Segment>>,
    channels: Lookup<String, Idx<Channel>>,
    complaint_ids: Lookup<String, Idx<Complaint>>,
    journey_ids: Lookup<&'m str, Idx<Journey>>,
    steps: Vec<Lookup<&'m str, Idx<Step>>>,
    contact_days: Option<(i64, i64)>,
    /// The latest time written anywhere in the contacts export.
    latest: Option<Timestamp>,
    contacts: u64,
    /// Contacts measured per segment, by index, and of them complaints.
    by_segment: Vec<u64>,
    complaints_by_segment: Vec<u64>,
    visits: u64,
    sla: sla::Tally,
    /// Survey answers per segment and per channel, target or not.
    voices: metrics::Metrics<metrics::Voice>,
    /// The same summed per segment (at its index) and per channel (after
    /// the segments) since they were last moved into `voices`: no map is
    /// searched per row.
    voice_sums: Vec<Option<metrics::Sums>>,
    repeats: repeats::Tally,
    /// Complaints by root cause.
    causes: causes::Causes,
    money: money::Tally,
    promises: promises::Tally,
    complaints: complaints::Tally,
    journeys: journeys::Tally,
    flaws: Flaws,
    /// The rows each export held, good or bad (by [`DataFile`]'s order):
    /// an export with none is said to be empty, not measured as clean.
    rows: [u64; 2],
}

impl<'m> Measurement<'m> {
    pub fn new(model: &'m Model, settings: Settings) -> Measurement<'m> {
        let ids = model
            .segments
            .iter()
            .map(|(id, s)| (s.header.id.as_str(), id));
        let segments = Lookup::preferring(
            names(ids, &settings.segment_names),
            model.segments.values().map(|s| s.header.id.as_str()),
        );
        let ids = model
            .channels
            .iter()
            .map(|(id, c)| (c.header.id.as_str(), id));
        let channels = Lookup::preferring(
            names(ids, &settings.channel_names),
            model.channels.values().map(|c| c.header.id.as_str()),
        );
        Measurement {
            model,
            clocks: Clocks::new(model),
            segments,
            channels,
            complaint_ids: names(
                model
                    .complaints
                    .iter()
                    .map(|(id, c)| (c.header.id.as_str(), id)),
                &BTreeMap::new(),
            )
            .into(),
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
            latest: None,
            contacts: 0,
            by_segment: vec![0; model.segments.len()],
            complaints_by_segment: vec![0; model.segments.len()],
            visits: 0,
            sla: sla::Tally::default(),
            voices: metrics::Metrics::default(),
            voice_sums: vec![None; model.segments.len() + model.channels.len()],
            repeats: repeats::Tally::default(),
            causes: causes::Causes::default(),
            money: money::Tally::default(),
            promises: promises::Tally::default(),
            complaints: complaints::Tally::default(),
            journeys: journeys::Tally::new(model, settings.max_handoffs),
            flaws: Flaws::default(),
            rows: [0; 2],
            settings,
        }
    }

    /// Says that an export read in full held no rows, when it held none
    /// (zero bytes, or a header alone): every figure of it is then empty
    /// rather than met, and the run says so as `bad-data` at its first line.
    pub fn read_all(&mut self, file: DataFile) {
        let unread = (self.flaws.all.keys()).any(|&(f, flaw)| f == file && flaw.is_unread());
        if self.rows[file as usize] == 0 && !unread {
            self.flaws.note(file, Flaw::NoRows, 1, None, None);
        }
    }

    /// The local day of an instant in the home zone; whether it is in the
    /// period measured.
    #[inline(always)]
    fn day(&self, at: Timestamp) -> (i64, bool) {
        let day = self.clocks.home_day(at);
        let after_from = self.settings.from.is_none_or(|d| day >= d.to_days());
        let before_to = self.settings.to.is_none_or(|d| day <= d.to_days());
        (day, after_from && before_to)
    }

    fn bad(&mut self, file: DataFile, row: BadRow) {
        // Counted as a row by the caller; a header's flaw is none.
        if !row.problem.is_row() {
            self.rows[file as usize] -= 1;
        }
        let subject = row.subject.as_deref().and_then(|name| match file {
            DataFile::Contacts => self.segments.get(name).map(|&s| Subject::Segment(s)),
            DataFile::Cases => self.journey_ids.get(name).map(|&j| Subject::Journey(j)),
        });
        let example = row.example.as_deref();
        self.flaws
            .note(file, row.problem, row.line, example, subject);
        if let (DataFile::Cases, Some(case)) = (file, &row.case) {
            let journey = subject.and_then(|s| match s {
                Subject::Journey(j) => Some(j),
                Subject::Segment(_) => None,
            });
            self.journeys.bad_row(journey, case, row.line);
        }
    }

    /// A visit of `case` set aside as bad data: the row, and its case with
    /// it (in `journey`; none: the row names no journey of the spec).
    fn bad_visit(
        &mut self,
        journey: Option<Idx<Journey>>,
        visit: &Visit,
        flaw: Flaw,
        example: Option<&str>,
    ) {
        let subject = journey.map(Subject::Journey);
        let line = visit.line;
        self.flaws
            .note(DataFile::Cases, flaw, line, example, subject);
        self.journeys.bad_row(journey, &visit.case, line);
    }

    /// The first time of a contact that a figure reads written as earlier
    /// than its `created` (`answered`, `first_response` and `resolved` are
    /// read for every contact; the complaint times for complaints, as the
    /// dbt project's `bad_rows` has it): such a row contradicts itself and
    /// is set aside whole, before it counts towards any figure.
    fn contradiction(&self, contact: &Contact<&str>) -> Option<(Flaw, Option<String>)> {
        // Field by field, not over an array of the six: this runs for every
        // row, and the array was copied each time (issue 28's profile).
        let created = contact.created;
        let before = |field, when: Option<When>| {
            when.filter(|&w| self.clocks.before(created, w))
                .map(|w| self.contradicts(field, created, w))
        };
        let found = before("answered", contact.answered)
            .or_else(|| before("first_response", contact.first_response))
            .or_else(|| before("resolved", contact.resolved));
        if found.is_some() || contact.complaint.is_none() {
            return found;
        }
        before("acknowledged", contact.acknowledged)
            .or_else(|| before("escalated", contact.escalated))
            .or_else(|| before("feedback", contact.feedback))
    }

    /// A time written before the one it follows: said to be in the hour
    /// the clocks go back when one of the two is (read as the first of the
    /// two instants; the analyst learns why, and which two offsets say
    /// which instant: the example, `+10:30 +09:30`).
    fn contradicts(&self, field: &'static str, first: When, later: When) -> (Flaw, Option<String>) {
        let offsets =
            (self.clocks.repeated_offsets(first)).or_else(|| self.clocks.repeated_offsets(later));
        match offsets {
            Some((before, after)) => (
                Flaw::BeforeRepeatedHour(field),
                Some(format!("{before} {after}")),
            ),
            None => (Flaw::Before(field), None),
        }
    }

    /// Counts a row of the contacts export, good or bad. Inlined into the
    /// reader's loop, so that the contact (some 350 bytes) is borrowed
    /// where the reader built it, not copied into this call's argument.
    #[inline(always)]
    pub fn contact(&mut self, row: Result<Contact<&str>, BadRow>) {
        self.rows[DataFile::Contacts as usize] += 1;
        match row {
            Ok(ref contact) => self.good_contact(contact),
            Err(bad) => self.bad(DataFile::Contacts, bad),
        }
    }

    fn good_contact(&mut self, contact: &Contact<&str>) {
        let line = contact.line;
        // A name its reader resolved is not looked up again (`rows::Known`).
        let known = contact.known;
        let segment = known
            .segment
            .or_else(|| self.segments.get(contact.segment).copied());
        let Some(segment) = segment else {
            let flaw = Flaw::UnknownSegment;
            let example = Some(contact.segment);
            return self
                .flaws
                .note(DataFile::Contacts, flaw, line, example, None);
        };
        // From here on the row names a segment: set aside, it is set aside
        // from that segment's figures.
        let subject = Some(Subject::Segment(segment));
        let note = |flaws: &mut Flaws, flaw, example: Option<&str>| {
            flaws.note(DataFile::Contacts, flaw, line, example, subject)
        };
        let channel = known
            .channel
            .or_else(|| self.channels.get(contact.channel).copied());
        let Some(channel) = channel else {
            return note(&mut self.flaws, Flaw::UnknownChannel, Some(contact.channel));
        };
        let complaint = match contact.complaint {
            None => None,
            Some(name) => match known
                .complaint
                .or_else(|| self.complaint_ids.get(name).copied())
            {
                Some(c) => Some(c),
                None => return note(&mut self.flaws, Flaw::UnknownComplaint, Some(name)),
            },
        };
        let Some(created) = contact.created.at(self.clocks.home()) else {
            return note(&mut self.flaws, Flaw::BadTime("created"), None);
        };
        let (day, inside) = self.day(created);
        if !inside {
            return;
        }
        if let Some((flaw, offsets)) = self.contradiction(contact) {
            return note(&mut self.flaws, flaw, offsets.as_deref());
        }
        seen(&mut self.contact_days, day);
        let home = self.clocks.home();
        // The latest time the row gives, field by field (as above).
        let latest = later(created, contact.answered, home);
        let latest = later(latest, contact.first_response, home);
        let latest = later(latest, contact.resolved, home);
        let latest = later(latest, contact.acknowledged, home);
        let latest = later(latest, contact.escalated, home);
        let latest = later(latest, contact.feedback, home);
        self.latest = self.latest.max(Some(latest));
        self.contacts += 1;
        self.by_segment[segment.index()] += 1;
        self.complaints_by_segment[segment.index()] += u64::from(complaint.is_some());
        let model = self.model;
        let clocks = &self.clocks;
        self.sla.add(model, clocks, contact, segment, channel);
        let unhappy = money::unhappy(complaint.is_some(), contact.nps);
        if let Some(customer) = contact.customer {
            let resolved = contact.resolved.and_then(|w| w.at(home));
            let reason = contact.reason;
            self.repeats.add(
                customer, reason, created, resolved, segment, channel, unhappy,
            );
        }
        let nameless_unhappy = unhappy && contact.customer.is_none();
        // Nobody answered: abandoned, no agent time.
        let answered = contact.answered.is_some()
            || contact.first_response.is_some()
            || contact.resolved.is_some();
        self.money.add(
            segment,
            channel,
            contact.handle_time,
            answered,
            nameless_unhappy,
        );
        if let (Some(cause), Some(_)) = (contact.cause, complaint) {
            self.causes.add(cause, segment, day);
        }
        if metrics::Sums::surveyed(contact) {
            let reading = metrics::Reading {
                contact,
                live: false,
                answered: clocks::Lapse::Open,
            };
            let on = self.model.segments.len() + channel.index();
            for at in [segment.index(), on] {
                self.voice_sums[at].get_or_insert_default().add(&reading);
            }
        }
        self.promises.add(model, clocks, contact, segment, channel);
        if let Some(complaint) = complaint {
            self.complaints.add(model, clocks, contact, complaint);
        }
        self.compact_if_due();
    }

    /// [`Measurement::compact_waiting`] when a ledger is due: checked for
    /// every row, so inlined (the call was 36 instructions a row).
    #[inline(always)]
    fn compact_if_due(&mut self) {
        if self.sla.awaited().due() || self.promises.kept.due() || self.complaints.kept.due() {
            self.compact_waiting(false);
        }
    }

    /// Compacts the deadlines still open (see [`kept::Ledger`]) of each
    /// ledger whose open deadlines have doubled since it last was, or of
    /// every ledger when `all`: equal ones merged, and those already missed
    /// at the judging moment's lower bound (the end of `--to`, else the
    /// latest time read so far) counted. Memory for open deadlines is thus
    /// bounded by the distinct ones not yet missed, not by the rows.
    pub fn compact_waiting(&mut self, all: bool) {
        let ledgers = [
            self.sla.awaited().due(),
            self.promises.kept.due(),
            self.complaints.kept.due(),
        ];
        if !all && !ledgers.contains(&true) {
            return;
        }
        let passed = self.end_of_to().or(self.latest);
        let passed = passed.map(|at| (&self.clocks, at));
        if all || ledgers[0] {
            self.sla.awaited().compact(passed);
        }
        if all || ledgers[1] {
            self.promises.kept.compact(passed);
        }
        if all || ledgers[2] {
            self.complaints.kept.compact(passed);
        }
    }

    /// The open deadlines held, each distinct one once, over every ledger.
    pub fn waiting(&mut self) -> usize {
        self.sla.awaited().waiting() + self.promises.kept.waiting() + self.complaints.kept.waiting()
    }

    /// The first moment after `--to`, in the home zone.
    fn end_of_to(&self) -> Option<Timestamp> {
        self.settings.to.and_then(|to| {
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
        })
    }

    pub fn visit(&mut self, row: Result<Visit, BadRow>) {
        self.rows[DataFile::Cases as usize] += 1;
        let visit = match row {
            Ok(v) => v,
            Err(bad) => return self.bad(DataFile::Cases, bad),
        };
        let line = visit.line;
        let Some(&journey) = self.journey_ids.get(visit.journey.as_str()) else {
            let example = Some(visit.journey.as_str());
            return self.bad_visit(None, &visit, Flaw::UnknownJourney, example);
        };
        let Some(&step) = self.steps[journey.index()].get(visit.step.as_str()) else {
            let example = Some(visit.step.as_str());
            return self.bad_visit(Some(journey), &visit, Flaw::UnknownStep, example);
        };
        // Whose case (the optional `segment` column): a name the spec does
        // not have sets the visit aside, as on a contact.
        let segment = match visit.segment.as_deref() {
            None => None,
            Some(name) => match self.segments.get(name) {
                Some(&s) => Some(s),
                None => {
                    let flaw = Flaw::UnknownSegment;
                    return self.bad_visit(Some(journey), &visit, flaw, Some(name));
                }
            },
        };
        let home = self.clocks.home();
        let Some(entered) = visit.entered.at(home) else {
            return self.bad_visit(Some(journey), &visit, Flaw::BadTime("entered"), None);
        };
        // A case is measured in the period its visits fall in.
        let (_, inside) = self.day(entered);
        if !inside {
            return;
        }
        // A visit that contradicts itself is set aside whole: counted, it
        // would add a case or a step to one.
        if let Some(l) = visit.left.filter(|&l| self.clocks.before(visit.entered, l)) {
            let (flaw, offsets) = self.contradicts("left", visit.entered, l);
            return self.bad_visit(Some(journey), &visit, flaw, offsets.as_deref());
        }
        let left = visit.left.and_then(|w| w.at(home));
        // The cases' period is that of the cases kept (`journeys::Tally`'s
        // days): a case set aside whole widens it by none of its days.
        self.visits += 1;
        let stop = journeys::Stop {
            step,
            entered,
            left,
            csat: visit.csat,
            effort: visit.effort,
        };
        self.journeys.add(journey, &visit.case, stop, segment, line);
    }

    /// Moves the survey answers summed per segment and channel into
    /// `voices`, each into an empty entry or added as another reader's are.
    fn flush_voices(&mut self) {
        let segments = self.model.segments.len();
        for (at, sums) in self.voice_sums.iter_mut().enumerate() {
            if let Some(sums) = sums.take() {
                let voice = match at.checked_sub(segments) {
                    None => metrics::Voice::Segment(Idx::new(at)),
                    Some(channel) => metrics::Voice::Channel(Idx::new(channel)),
                };
                self.voices.0.entry(voice).or_default().absorb(&sums);
            }
        }
    }

    /// Moves the lines of the contacts read `by` lines down: a measurement
    /// of a part of the contacts export read with its lines counted from
    /// the part's start, `by` lines into the file (lines are kept only
    /// for the rows set aside).
    pub fn shift_lines(&mut self, by: u64) {
        self.flaws.shift_lines(by);
    }

    /// Adds the contacts another measurement of the same spec read from a
    /// later part of the same export, as if this one had read them after
    /// its own (cases are read by one measurement only: a case's visits may
    /// lie in both parts).
    pub fn absorb(&mut self, mut other: Measurement<'m>) {
        debug_assert_eq!(other.visits, 0, "cases are read whole");
        self.flush_voices();
        other.flush_voices();
        self.contact_days = match (self.contact_days, other.contact_days) {
            (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
            (a, b) => a.or(b),
        };
        self.latest = self.latest.max(other.latest);
        self.contacts += other.contacts;
        for (mine, theirs) in self.by_segment.iter_mut().zip(other.by_segment) {
            *mine += theirs;
        }
        let complaints = other.complaints_by_segment;
        for (mine, theirs) in self.complaints_by_segment.iter_mut().zip(complaints) {
            *mine += theirs;
        }
        self.sla.absorb(other.sla);
        self.voices.absorb(other.voices);
        self.repeats.absorb(other.repeats);
        self.causes.absorb(other.causes);
        self.money.absorb(other.money);
        self.promises.kept.absorb(other.promises.kept);
        self.complaints.kept.absorb(other.complaints.kept);
        self.flaws.absorb(other.flaws);
        for (mine, theirs) in self.rows.iter_mut().zip(other.rows) {
            *mine += theirs;
        }
    }

    pub fn finish(mut self) -> Report {
        self.sla.flush();
        self.flush_voices();
        let end_of_to = self.end_of_to();
        self.journeys
            .finish(self.model, &self.clocks, end_of_to, &mut self.flaws);
        let as_of = end_of_to.or(self.latest);
        if let Some(as_of) = as_of {
            self.sla.settle(&self.clocks, as_of);
            self.promises.kept.settle(&self.clocks, as_of);
            self.complaints.kept.settle(&self.clocks, as_of);
        }
        let mut promises = self.promises.kept.kept;
        promises.extend(self.journeys.promises);
        let repeats = self.repeats.finish(self.settings.repeat_window);
        let dates =
            |days: Option<(i64, i64)>| days.map(|(a, b)| (Date::from_days(a), Date::from_days(b)));
        Report {
            contact_days: dates(self.contact_days),
            case_days: dates(self.journeys.days),
            as_of,
            contacts: self.contacts,
            contacts_by_segment: self.by_segment,
            complaints_by_segment: self.complaints_by_segment,
            // The visits measured: not those of cases set aside whole.
            visits: self.visits
                - (self.journeys.journeys.iter())
                    .map(|j| j.set_aside.visits)
                    .sum::<u64>(),
            attainments: self.sla.attainments(),
            metrics: self.sla.metrics.0,
            voices: self.voices.0,
            money: money::figure(self.model, &self.settings, &self.money, &repeats),
            repeats,
            causes: self.causes.capped(),
            promises,
            unsegmented: self.journeys.unsegmented,
            cases_name_segments: self.journeys.named_segments,
            complaints: self.complaints.kept.kept,
            journeys: self.journeys.journeys,
            flaws: self.flaws,
            settings: self.settings,
        }
    }
}

/// Widens the first and last day seen to take in `day`.
pub(crate) fn seen(days: &mut Option<(i64, i64)>, day: i64) {
    *days = Some(match *days {
        None => (day, day),
        Some((a, b)) => (a.min(day), b.max(day)),
    });
}

/// The later of `latest` and `when` read in `home`. A function inlined
/// always, not a closure: called six times a row, a closure was not
/// inlined into the long `good_contact` (issue 28's profile).
#[inline(always)]
fn later(latest: Timestamp, when: Option<When>, home: &jiff::tz::TimeZone) -> Timestamp {
    match when.and_then(|w| w.at(home)) {
        Some(at) => latest.max(at),
        None => latest,
    }
}

/// What a row may call each declaration: its id, its name in the exports
/// when cxc.yaml gives one, and the name the routing exports give it by
/// default (the id in lower case, `model::export_names`), so that data
/// coming back from Zendesk or TaskRouter names what cxc told the admin to
/// set (audit 8, B1). A default name two declarations share is nobody's;
/// a configured name or an id always wins over a default name.
pub fn names<'a, T: Copy>(
    ids: impl Iterator<Item = (&'a str, T)>,
    aliases: &BTreeMap<String, Vec<String>>,
) -> Names<String, T> {
    let ids: Vec<(&str, T)> = ids.collect();
    let mut defaults: BTreeMap<String, Option<T>> = BTreeMap::new();
    for &(id, target) in &ids {
        defaults
            .entry(crate::model::export_names::default_name(id))
            .and_modify(|shared| *shared = None)
            .or_insert(Some(target));
    }
    let mut names = Names::default();
    for (name, target) in defaults {
        if let Some(target) = target {
            names.insert(name, target);
        }
    }
    for &(id, target) in &ids {
        for alias in aliases.get(id).into_iter().flatten() {
            names.insert(alias.clone(), target);
        }
    }
    for (id, target) in ids {
        names.insert(id.to_string(), target);
    }
    names
}

#[cfg(test)]
mod tests;
