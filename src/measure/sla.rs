//! SLA attainment: for each target of each SLA, per segment, how many
//! contacts it applied to and how many met it — on the clock of the SLA's
//! calendar, an abandoned call counting as missed (LANGUAGE.md §6) — and
//! the SLA's `target` metrics from the same contacts.
//!
//! Contacts stream through [`Tally::add`] one at a time: memory holds one
//! counter per (target, segment), never the rows.

use super::clocks::{Clocks, Lapse};
use super::kept::{Kept, Ledger};
use super::metrics::{Metrics, Reading, Sums};
use super::rows::Contact;
use crate::model::{Calendar, Channel, Idx, Model, Segment, Sla};
use crate::syntax::values::TimeLimit;

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

/// An SLA and one of its segments: whose metrics.
type Whose = (Idx<Sla>, Idx<Segment>);

/// The running count of every target over the contacts seen so far.
#[derive(Default)]
pub struct Tally {
    /// Each target for each segment: its contacts, and those that met it;
    /// replies and resolutions not come yet wait for the end of the export.
    counts: Ledger<Cell>,
    /// The SLAs' `target` metrics, per SLA and segment.
    pub metrics: Metrics<Whose>,
    /// What a contact of a segment on a channel is counted against, at
    /// `segment * channels + channel`, worked out at its first contact.
    plans: Vec<Option<Vec<Plan>>>,
    /// The counts of the cells the plans name, by index, since they were
    /// last moved into `counts` (no map is searched per row).
    cells: Vec<(Cell, Kept)>,
    /// The same for the metrics: none until a contact counts.
    sums: Vec<(Whose, Option<Sums>)>,
}

/// One SLA of a segment as it applies to a contact on one channel.
struct Plan {
    /// The SLA's calendar, and the one its local times are read in (the
    /// SLA's, else the channel's).
    hours: Option<Idx<Calendar>>,
    zone: Option<Idx<Calendar>>,
    /// Its targets on the channel, each as its cell and limit: live answers,
    /// first responses, resolutions.
    answers: Vec<(usize, TimeLimit)>,
    first_responses: Vec<(usize, TimeLimit)>,
    resolutions: Vec<(usize, TimeLimit)>,
    /// The cell of its metrics for the segment, when the SLA governs the
    /// channel ([`Model::sla_governs`]): its `target` lines have no channel,
    /// so a channel another SLA of the segment names is not theirs.
    sums: Option<usize>,
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
        let at = segment.index() * model.channels.len() + channel.index();
        if self.plans.len() <= at {
            let all = model.segments.len() * model.channels.len();
            self.plans.resize_with(all.max(at + 1), || None);
        }
        if self.plans[at].is_none() {
            self.plans[at] = Some(self.plan(model, segment, channel));
        }
        let Tally {
            counts,
            plans,
            cells,
            sums,
            ..
        } = self;
        for plan in plans[at].iter().flatten() {
            let zone = clocks.zone(plan.zone);
            let Some(created) = contact.created.at(zone) else {
                continue;
            };
            let lapse = |when| clocks.lapse(plan.hours, zone, created, when);
            let deadline = |limit| clocks.deadline(plan.hours, created, limit);
            let answered = lapse(contact.answered);
            for &(cell, within) in &plan.answers {
                // An answer never comes later: the caller hung up.
                let met = answered.meets(deadline(within).limit);
                cells[cell].1.count(met);
            }
            let mut judge = |targets: &[(usize, TimeLimit)], lapse: Lapse| {
                for &(cell, within) in targets {
                    let deadline = deadline(within);
                    match lapse {
                        Lapse::Open => counts.wait(cells[cell].0, deadline),
                        _ => cells[cell].1.count(lapse.meets(deadline.limit)),
                    }
                }
            };
            if !plan.first_responses.is_empty() {
                judge(&plan.first_responses, lapse(contact.first_response));
            }
            if !plan.resolutions.is_empty() {
                judge(&plan.resolutions, lapse(contact.resolved));
            }
            let Some(at) = plan.sums else { continue };
            let reading = Reading {
                contact,
                live: !plan.answers.is_empty(),
                answered,
            };
            sums[at].1.get_or_insert_default().add(&reading);
        }
    }

    /// The SLAs of `segment` as they apply to a contact on `channel`.
    fn plan(&mut self, model: &Model, segment: Idx<Segment>, channel: Idx<Channel>) -> Vec<Plan> {
        let channel_hours = model.channels[channel]
            .hours
            .as_ref()
            .and_then(|h| h.target);
        // A target on a channel the segment does not use is not its
        // target: such a contact is judged by the channel-less ones.
        let uses = model.target_applies(segment, Some(channel));
        let on = |c: Option<Idx<Channel>>| c == Some(channel) && uses;
        let mut plans = Vec::new();
        for (sla_id, sla) in model.slas_of(segment) {
            let hours = sla.hours.as_ref().and_then(|h| h.target);
            let mut cell = |target| {
                let key = (sla_id, target, segment);
                let found = self.cells.iter().position(|&(k, _)| k == key);
                found.unwrap_or_else(|| {
                    self.cells.push((key, Kept::default()));
                    self.cells.len() - 1
                })
            };
            let answers = model
                .live_answers(sla, segment, channel)
                .map(|(i, a)| (cell(Target::Answer(i)), a.within))
                .collect();
            let first_responses = (sla.first_responses.iter().enumerate())
                .filter(|(_, f)| on(f.channel.target))
                .map(|(i, f)| (cell(Target::FirstResponse(i)), f.within))
                .collect();
            let resolutions = (sla.resolutions.iter().enumerate())
                .filter(|(_, r)| match &r.channel {
                    Some(c) => on(c.target),
                    None => model.sla_governs(segment, sla, channel),
                })
                .map(|(i, r)| (cell(Target::Resolution(i)), r.within))
                .collect();
            let key = (sla_id, segment);
            let sums = model.sla_governs(segment, sla, channel).then(|| {
                match self.sums.iter().position(|&(k, _)| k == key) {
                    Some(i) => i,
                    None => {
                        self.sums.push((key, None));
                        self.sums.len() - 1
                    }
                }
            });
            plans.push(Plan {
                hours,
                zone: hours.or(channel_hours),
                answers,
                first_responses,
                resolutions,
                sums,
            });
        }
        plans
    }

    /// Moves the cells' counts into the ledger and their sums into the
    /// metrics, as if they had been counted there: every figure reads
    /// those. A cell's sums are moved into an empty entry (or, after
    /// [`Tally::absorb`], added as another reader's are), so floating sums
    /// are added in the order they were before.
    pub fn flush(&mut self) {
        for (key, kept) in &mut self.cells {
            if kept.n > 0 {
                let kept = std::mem::take(kept);
                self.counts.kept.entry(*key).or_default().add(kept);
            }
        }
        for (key, sums) in &mut self.sums {
            if let Some(sums) = sums.take() {
                self.metrics.0.entry(*key).or_default().absorb(&sums);
            }
        }
    }

    /// Adds what another reader of the same export counted.
    pub fn absorb(&mut self, mut other: Tally) {
        self.flush();
        other.flush();
        self.counts.absorb(other.counts);
        self.metrics.absorb(other.metrics);
    }

    /// The replies and resolutions still awaited (see [`Ledger`]).
    #[inline(always)]
    pub fn awaited(&mut self) -> &mut Ledger<Cell> {
        &mut self.counts
    }

    /// Counts the replies and resolutions still awaited at `as_of` as
    /// missed when their deadline had passed; the rest are still open.
    pub fn settle(&mut self, clocks: &Clocks, as_of: jiff::Timestamp) {
        self.flush();
        self.counts.settle(clocks, as_of);
    }

    /// Every target that applied to at least one contact, in spec order.
    /// (after [`Tally::flush`]).
    pub fn attainments(&self) -> Vec<Attainment> {
        debug_assert!(self.cells.iter().all(|(_, kept)| kept.n == 0));
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
