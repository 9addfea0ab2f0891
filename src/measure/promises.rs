//! Promises kept: a promise on a channel is kept for a contact when the
//! first reply (answered, else first response) came within its `within` on
//! the channel's clock; a promise on a journey, for a case that went from
//! its `from` step to its `to` step within it (see `journeys`).

use super::clocks::{Clocks, Deadline, Lapse, Waiting};
use super::rows::Contact;
use crate::model::{Channel, Idx, Model, Promise, Segment};
use std::collections::BTreeMap;

/// How one promise fared: cases or contacts it applied to, and kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Kept {
    pub n: u64,
    pub kept: u64,
}

impl Kept {
    pub fn count(&mut self, kept: bool) {
        self.n += 1;
        self.kept += u64::from(kept);
    }

    pub fn add(&mut self, other: Kept) {
        self.n += other.n;
        self.kept += other.kept;
    }

    pub fn percent(&self) -> Option<f64> {
        (self.n > 0).then(|| self.kept as f64 * 100.0 / self.n as f64)
    }

    /// The share with one decimal, rounded down: a share just under its
    /// goal never shows as the goal.
    pub fn shown_percent(&self) -> f64 {
        (self.percent().unwrap_or(0.0) * 10.0).floor() / 10.0
    }

    /// Whether the share kept reaches `goal` (nothing measured misses nothing).
    pub fn meets(&self, goal: crate::syntax::values::Percent) -> bool {
        self.percent().is_none_or(|p| p >= goal.value())
    }
}

#[derive(Debug, Default)]
pub struct Tally {
    pub kept: BTreeMap<Idx<Promise>, Kept>,
    /// Replies on asynchronous channels not come yet.
    waiting: Waiting<Idx<Promise>>,
}

impl Tally {
    pub fn add(
        &mut self,
        model: &Model,
        clocks: &Clocks,
        contact: &Contact,
        segment: Idx<Segment>,
        channel: Idx<Channel>,
    ) {
        for (id, promise) in model.promises.iter() {
            let (Some(on), Some(within)) = (&promise.channel, &promise.within) else {
                continue;
            };
            if on.target != Some(channel) || promise.journey.is_some() {
                continue;
            }
            let covered = promise.segments.is_empty()
                || promise.segments.iter().any(|s| s.target == Some(segment));
            if !covered {
                continue;
            }
            let hours = model.channels[channel]
                .hours
                .as_ref()
                .and_then(|h| h.target);
            let zone = clocks.zone(hours);
            let Some(created) = contact.created.at(zone) else {
                continue;
            };
            let reply = contact.answered.or(contact.first_response);
            let lapse = clocks.lapse(hours, zone, created, reply);
            let limit = within.value.seconds();
            // A call nobody answered is over; an e-mail may still be answered.
            let live = model.channels[channel]
                .kind
                .is_some_and(|k| k.is_synchronous());
            if lapse == Lapse::Open && !live {
                let deadline = Deadline {
                    from: created,
                    calendar: hours,
                    limit,
                };
                self.waiting.push(id, deadline);
            } else {
                self.kept.entry(id).or_default().count(lapse.within(limit));
            }
        }
    }

    /// Adds what another reader of the same export counted.
    pub fn absorb(&mut self, other: Tally) {
        for (id, kept) in other.kept {
            self.kept.entry(id).or_default().add(kept);
        }
        self.waiting.absorb(other.waiting);
    }

    /// Replies still awaited at `as_of` break the promise once it is overdue.
    pub fn settle(&mut self, clocks: &Clocks, as_of: jiff::Timestamp) {
        let kept = &mut self.kept;
        std::mem::take(&mut self.waiting).settle(clocks, as_of, |id| {
            kept.entry(id).or_default().count(false);
        });
    }
}
