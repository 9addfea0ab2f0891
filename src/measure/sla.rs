//! SLA attainment: for each target of each SLA, per segment, how many
//! contacts it applied to and how many met it — on the clock of the SLA's
//! calendar, an abandoned call counting as missed (LANGUAGE.md §6) — and
//! the SLA's `target` metrics from the same contacts.
//!
//! Contacts stream through [`Tally::add`] one at a time: memory holds one
//! counter per (target, segment), never the rows.

use super::clocks::Clocks;
use super::kept::Ledger;
use super::metrics::{Metrics, Reading};
use super::rows::Contact;
use crate::model::{Channel, Idx, Model, Segment, Sla};

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
    /// Each target for each segment: its contacts, and those that met it;
    /// replies and resolutions not come yet wait for the end of the export.
    counts: Ledger<Cell>,
    /// The SLAs' `target` metrics, per SLA and segment.
    pub metrics: Metrics<(Idx<Sla>, Idx<Segment>)>,
}

impl Tally {
    /// Counts one contact against every target of its segment's SLAs (a
    /// contact with a time before `created` never comes here: it is set
    /// aside whole).
    pub fn add(
        &mut self,
        model: &Model,
        clocks: &Clocks,
        contact: &Contact<&str>,
        segment: Idx<Segment>,
        channel: Idx<Channel>,
    ) {
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
            let lapse = |when| clocks.lapse(hours, zone, created, when);
            let answered = lapse(contact.answered);
            let first_response = lapse(contact.first_response);
            let resolved = lapse(contact.resolved);
            let cell = |target| (sla_id, target, segment);
            let deadline = |limit| clocks.deadline(hours, created, limit);
            let mut live = false;
            // A target on a channel the segment does not use is not its
            // target: such a contact is judged by the channel-less ones.
            let on = |c: Option<Idx<Channel>>| {
                c == Some(channel) && model.target_applies(segment, Some(channel))
            };
            for (i, a) in model.live_answers(sla, segment, channel) {
                live = true;
                // An answer never comes later: the caller hung up.
                let met = answered.meets(deadline(a.within).limit);
                self.counts.count(cell(Target::Answer(i)), met);
            }
            for (i, f) in sla.first_responses.iter().enumerate() {
                if on(f.channel.target) {
                    let limit = deadline(f.within);
                    let target = cell(Target::FirstResponse(i));
                    self.counts.judge(target, first_response, limit);
                }
            }
            for (i, r) in sla.resolutions.iter().enumerate() {
                if r.channel.as_ref().is_none_or(|c| on(c.target)) {
                    let limit = deadline(r.within);
                    self.counts
                        .judge(cell(Target::Resolution(i)), resolved, limit);
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
    }

    /// Adds what another reader of the same export counted.
    pub fn absorb(&mut self, other: Tally) {
        self.counts.absorb(other.counts);
        self.metrics.absorb(other.metrics);
    }

    /// Counts the replies and resolutions still awaited at `as_of` as
    /// missed when their deadline had passed; the rest are still open.
    pub fn settle(&mut self, clocks: &Clocks, as_of: jiff::Timestamp) {
        self.counts.settle(clocks, as_of);
    }

    /// Every target that applied to at least one contact, in spec order.
    pub fn attainments(&self) -> Vec<Attainment> {
        self.counts
            .kept
            .iter()
            .map(|(&(sla, target, segment), kept)| Attainment {
                sla,
                target,
                segment,
                n: kept.n,
                met: kept.kept,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
