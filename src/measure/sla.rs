//! SLA attainment: for each target of each SLA, per segment, how many
//! contacts it applied to and how many met it — on the clock of the SLA's
//! calendar, an abandoned call counting as missed (LANGUAGE.md §6).
//!
//! Contacts stream through [`Tally::add`] one at a time: memory holds one
//! counter per (target, segment), never the rows.

use super::clock::Clock;
use super::rows::{Contact, When};
use crate::model::{Calendar, Channel, Idx, Model, Segment, Sla};
use jiff::tz::TimeZone;
use std::collections::{BTreeMap, HashMap};

/// Which target of an SLA: its n-th `answer`, `first_response` or
/// `resolution` line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    Answer(usize),
    FirstResponse(usize),
    Resolution(usize),
}

/// One target for one segment, as reality met it.
#[derive(Debug, Clone, PartialEq)]
pub struct Attainment {
    pub sla: Idx<Sla>,
    pub target: Target,
    pub segment: Idx<Segment>,
    /// Contacts the target applied to.
    pub n: u64,
    /// Of them, those that met it.
    pub met: u64,
}

impl Attainment {
    /// The share that met the target, 0 to 100; none without contacts.
    pub fn percent(&self) -> Option<f64> {
        (self.n > 0).then(|| self.met as f64 * 100.0 / self.n as f64)
    }
}

/// What is wrong with a row that names the spec.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mismatch {
    UnknownSegment,
    UnknownChannel,
    /// A time before the contact was created (`answered`, `resolved`, …).
    BeforeCreated(&'static str),
}

/// How often each kind of problem occurred, and its first lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Seen {
    pub count: u64,
    pub first_lines: Vec<u64>,
}

/// Lines of each problem kept to show; the count goes on.
const SHOWN_LINES: usize = 5;

impl Seen {
    fn note(&mut self, line: u64) {
        self.count += 1;
        if self.first_lines.len() < SHOWN_LINES {
            self.first_lines.push(line);
        }
    }
}

/// A target of an SLA, for one of its segments.
type Cell = (Idx<Sla>, Target, Idx<Segment>);

/// The running count of every target over the contacts seen so far.
pub struct Tally<'m> {
    model: &'m Model,
    segments: HashMap<&'m str, Idx<Segment>>,
    channels: HashMap<&'m str, Idx<Channel>>,
    /// One clock per calendar, and wall time for SLAs without `hours`.
    clocks: Vec<Clock>,
    wall: Clock,
    /// (contacts, met) of each target for each segment.
    counts: BTreeMap<Cell, (u64, u64)>,
    pub mismatches: BTreeMap<Mismatch, Seen>,
}

impl<'m> Tally<'m> {
    pub fn new(model: &'m Model) -> Tally<'m> {
        let mut always = crate::model::WeekHours::default();
        always.add(&crate::syntax::ast::OpenHours::Always);
        Tally {
            model,
            segments: model
                .segments
                .iter()
                .map(|(id, s)| (s.header.id.as_str(), id))
                .collect(),
            channels: model
                .channels
                .iter()
                .map(|(id, c)| (c.header.id.as_str(), id))
                .collect(),
            clocks: model.calendars.values().map(Clock::of).collect(),
            wall: Clock::new(&always, &[], TimeZone::UTC),
            counts: BTreeMap::new(),
            mismatches: BTreeMap::new(),
        }
    }

    /// Counts one contact against every target of its segment's SLAs.
    pub fn add(&mut self, contact: &Contact) {
        let model = self.model;
        let Some(&segment) = self.segments.get(contact.segment.as_str()) else {
            return self.mismatch(Mismatch::UnknownSegment, contact.line);
        };
        let Some(&channel) = self.channels.get(contact.channel.as_str()) else {
            return self.mismatch(Mismatch::UnknownChannel, contact.line);
        };
        for (sla_id, sla) in model.slas_of(segment) {
            let calendar = sla.hours.as_ref().and_then(|h| h.target).or_else(|| {
                model.channels[channel]
                    .hours
                    .as_ref()
                    .and_then(|h| h.target)
            });
            let zone = calendar.map_or(TimeZone::UTC, |c| zone(&model.calendars[c]));
            let clock = match sla.hours.as_ref().and_then(|h| h.target) {
                Some(c) => &self.clocks[c.index()],
                None => &self.wall,
            };
            let Some(created) = contact.created.at(&zone) else {
                continue;
            };
            let mut problems = Vec::new();
            let mut within = |when: Option<When>,
                              field: &'static str,
                              limit: crate::syntax::values::Duration| {
                let at = when.and_then(|w| w.at(&zone));
                match at {
                    Some(at) if at < created => {
                        problems.push(Mismatch::BeforeCreated(field));
                        false
                    }
                    Some(at) => clock.running(created, at) <= limit.seconds() as i64,
                    None => false,
                }
            };
            let mut results: Vec<(Target, bool)> = Vec::new();
            for (i, a) in sla.answers.iter().enumerate() {
                if a.channel.target == Some(channel) {
                    results.push((
                        Target::Answer(i),
                        within(contact.answered, "answered", a.within),
                    ));
                }
            }
            for (i, f) in sla.first_responses.iter().enumerate() {
                if f.channel.target == Some(channel) {
                    let met = within(contact.first_response, "first_response", f.within);
                    results.push((Target::FirstResponse(i), met));
                }
            }
            for (i, r) in sla.resolutions.iter().enumerate() {
                let applies = r.channel.as_ref().is_none_or(|c| c.target == Some(channel));
                if applies {
                    results.push((
                        Target::Resolution(i),
                        within(contact.resolved, "resolved", r.within),
                    ));
                }
            }
            for (target, met) in results {
                let cell = self.counts.entry((sla_id, target, segment)).or_default();
                cell.0 += 1;
                cell.1 += u64::from(met);
            }
            problems.dedup();
            for p in problems {
                self.mismatch(p, contact.line);
            }
        }
    }

    fn mismatch(&mut self, kind: Mismatch, line: u64) {
        self.mismatches.entry(kind).or_default().note(line);
    }

    /// Every target that applied to at least one contact, in spec order.
    pub fn attainments(&self) -> Vec<Attainment> {
        self.counts
            .iter()
            .map(|(&(sla, target, segment), &(n, met))| Attainment {
                sla,
                target,
                segment,
                n,
                met,
            })
            .collect()
    }
}

fn zone(calendar: &Calendar) -> TimeZone {
    calendar
        .timezone
        .as_deref()
        .and_then(|name| jiff::tz::db().get(name).ok())
        .unwrap_or(TimeZone::UTC)
}

#[cfg(test)]
mod tests;
