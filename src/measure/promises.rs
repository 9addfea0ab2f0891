//! Promises kept: a promise on a channel is kept for a contact when the
//! first reply (answered, else first response) came within its `within` on
//! the promise's clock (the channel's, else its SLA's: the clock
//! `promise-clock` judges it by); a promise on a journey, for a case that
//! went from its `from` step to its `to` step within it (see `journeys`).

use super::clocks::{Clocks, Lapse};
use super::kept::Ledger;
use super::rows::Contact;
use crate::model::{Channel, Idx, Model, Promise, Segment};

#[derive(Debug, Default)]
pub struct Tally {
    pub kept: Ledger<Idx<Promise>>,
}

impl Tally {
    pub fn add(
        &mut self,
        model: &Model,
        clocks: &Clocks,
        contact: &Contact<&str>,
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
            // The clock `promise-clock` judges the wording by.
            let hours = model.promise_clock(promise, segment);
            let zone = clocks.zone(hours);
            let Some(created) = contact.created.at(zone) else {
                continue;
            };
            let reply = contact.answered.or(contact.first_response);
            let lapse = clocks.lapse(hours, zone, created, reply);
            // A call nobody answered is over; an e-mail may still be answered.
            let live = model.channels[channel]
                .kind
                .is_some_and(|k| k.is_synchronous());
            if lapse == Lapse::Open && live {
                self.kept.count(id, false);
            } else {
                self.kept
                    .judge(id, lapse, clocks.deadline(hours, created, within.value));
            }
        }
    }
}
