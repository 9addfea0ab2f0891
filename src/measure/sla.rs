//! SLA attainment: for each target of each SLA, per segment, how many
//! contacts it applied to and how many met it — on the clock of the SLA's
//! calendar, an abandoned call counting as missed (LANGUAGE.md §6) — and
//! the SLA's `target` metrics from the same contacts.
//!
//! Contacts stream through [`Tally::add`] one at a time: memory holds one
//! counter per (target, segment), never the rows.

use super::clocks::{Clocks, Deadline, Lapse, Waiting};
use super::flaws::Flaw;
use super::metrics::{Metrics, Reading};
use super::rows::Contact;
use crate::model::{Channel, Idx, Model, Segment, Sla};
use std::collections::BTreeMap;

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

/// A target of an SLA, for one of its segments.
type Cell = (Idx<Sla>, Target, Idx<Segment>);

/// The running count of every target over the contacts seen so far.
#[derive(Default)]
pub struct Tally {
    /// (contacts, met) of each target for each segment.
    counts: BTreeMap<Cell, (u64, u64)>,
    /// The SLAs' `target` metrics, per SLA and segment.
    pub metrics: Metrics<(Idx<Sla>, Idx<Segment>)>,
    /// Replies and resolutions not come yet.
    waiting: Waiting<Cell>,
}

impl Tally {
    /// Counts one contact against every target of its segment's SLAs; a
    /// time before `created` is returned as the row's flaw.
    pub fn add(
        &mut self,
        model: &Model,
        clocks: &Clocks,
        contact: &Contact,
        segment: Idx<Segment>,
        channel: Idx<Channel>,
    ) -> Option<Flaw> {
        let mut flaw = None;
        let channel_hours = model.channels[channel]
            .hours
            .as_ref()
            .and_then(|h| h.target);
        for (sla_id, sla) in model.slas_of(segment) {
            let hours = sla.hours.as_ref().and_then(|h| h.target);
            let zone = clocks.zone(hours.or(channel_hours));
            let Some(created) = contact.created.at(zone) else {
                continue;
            };
            let mut lapse = |when, field: &'static str| {
                let lapse = clocks.lapse(hours, zone, created, when);
                if lapse == Lapse::Before {
                    flaw = Some(Flaw::Before(field));
                }
                lapse
            };
            let answered = lapse(contact.answered, "answered");
            let first_response = lapse(contact.first_response, "first_response");
            let resolved = lapse(contact.resolved, "resolved");
            let counts = &mut self.counts;
            let mut count = |target, met: bool| {
                let cell = counts.entry((sla_id, target, segment)).or_default();
                cell.0 += 1;
                cell.1 += u64::from(met);
            };
            // A reply or resolution still to come is judged when the export ends.
            let waiting = &mut self.waiting;
            let mut judge =
                |target, lapse: Lapse, limit: u64, count: &mut dyn FnMut(Target, bool)| match lapse
                {
                    Lapse::Open => waiting.push(
                        (sla_id, target, segment),
                        Deadline {
                            from: created,
                            calendar: hours,
                            limit,
                        },
                    ),
                    _ => count(target, lapse.within(limit)),
                };
            let mut live = false;
            for (i, a) in sla.answers.iter().enumerate() {
                if a.channel.target == Some(channel) {
                    live = true;
                    count(Target::Answer(i), answered.within(a.within.seconds()));
                }
            }
            for (i, f) in sla.first_responses.iter().enumerate() {
                if f.channel.target == Some(channel) {
                    let limit = f.within.seconds();
                    judge(Target::FirstResponse(i), first_response, limit, &mut count);
                }
            }
            for (i, r) in sla.resolutions.iter().enumerate() {
                if r.channel.as_ref().is_none_or(|c| c.target == Some(channel)) {
                    let limit = r.within.seconds();
                    judge(Target::Resolution(i), resolved, limit, &mut count);
                }
            }
            self.metrics.add(
                (sla_id, segment),
                &Reading {
                    contact,
                    live,
                    answered,
                },
            );
        }
        flaw
    }

    /// Adds what another reader of the same export counted.
    pub fn absorb(&mut self, other: Tally) {
        for (cell, (n, met)) in other.counts {
            let mine = self.counts.entry(cell).or_default();
            mine.0 += n;
            mine.1 += met;
        }
        for (key, sums) in other.metrics.0 {
            self.metrics.0.entry(key).or_default().absorb(&sums);
        }
        self.waiting.absorb(other.waiting);
    }

    /// Counts the replies and resolutions still awaited at `as_of` as
    /// missed when their deadline had passed; the rest are still open.
    pub fn settle(&mut self, clocks: &Clocks, as_of: jiff::Timestamp) {
        let counts = &mut self.counts;
        std::mem::take(&mut self.waiting).settle(clocks, as_of, |cell| {
            counts.entry(cell).or_default().0 += 1;
        });
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

#[cfg(test)]
mod tests;
