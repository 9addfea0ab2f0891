//! Repeat contacts, first-contact resolution and channel switching, from
//! the contacts export's optional `customer` (and `reason`) column.
//!
//! A contact is *repeated* when the same customer contacts again after it
//! was made and no later than the window after its `resolved` (else its
//! `created`). A resolved contact is *resolved at first contact* when no
//! such repeat follows — on the same reason when both rows give one. It is
//! *switched* when the customer's next contact within the window is on
//! another channel (self-service, then a call).
//!
//! Exports need not be sorted, so a contact can only be judged once every
//! contact of its customer is known: each contact leaves one small record
//! (32 bytes; customer and reason names interned once), judged at the end
//! customer by customer. Two readers of halves of one export merge their
//! records by customer name, so the figures are exactly one reader's.

use crate::model::{Channel, Idx, Segment};
use jiff::Timestamp;
use std::collections::BTreeMap;

/// The default window: seven days.
pub const DEFAULT_WINDOW: u64 = 7 * 86_400;

/// One contact, as repeats need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Record {
    /// Fields in sort order: a customer's contacts by time.
    customer: u32,
    created: i64,
    channel: u32,
    segment: u32,
    /// 0: none given.
    reason: u32,
    /// Seconds from `created` to `resolved`; `u32::MAX` when not resolved.
    resolved_after: u32,
    /// A complaint, or a detractor's NPS answer (0..6): the customer's
    /// revenue is at risk.
    unhappy: bool,
}

// The per-contact record the README's memory figure counts.
const _: () = assert!(std::mem::size_of::<Record>() == 32);

const UNRESOLVED: u32 = u32::MAX;

/// Names interned to small numbers, from 1 (0 is "none").
#[derive(Debug, Default)]
struct Names {
    ids: foldhash::HashMap<Box<str>, u32>,
}

impl Names {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = u32::try_from(self.ids.len() + 1).unwrap_or(u32::MAX);
        self.ids.insert(Box::from(name), id);
        id
    }

    /// Each of `other`'s ids as this table's, adding the names it lacks.
    fn merge(&mut self, other: Names) -> Vec<u32> {
        let mut map = vec![0; other.ids.len() + 1];
        let mut names: Vec<(Box<str>, u32)> = other.ids.into_iter().collect();
        // A fixed order, so ids do not depend on the hasher.
        names.sort();
        for (name, id) in names {
            map[id as usize] = self.id(&name);
        }
        map
    }
}

/// Contacts with a customer, as read so far.
#[derive(Debug, Default)]
pub struct Tally {
    customers: Names,
    reasons: Names,
    records: Vec<Record>,
}

/// What one segment's contacts on one channel show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RepeatFigures {
    /// Contacts that name their customer.
    pub contacts: u64,
    /// Of them, followed by another contact of the customer in the window.
    pub repeated: u64,
    /// Of them, followed in the window by a contact on another channel.
    pub switched: u64,
    /// Resolved contacts, and of them those no repeat (on the same reason)
    /// followed in the window: resolved at first contact.
    pub resolved: u64,
    pub first_contact: u64,
}

impl RepeatFigures {
    pub fn add(&mut self, o: &RepeatFigures) {
        self.contacts += o.contacts;
        self.repeated += o.repeated;
        self.switched += o.switched;
        self.resolved += o.resolved;
        self.first_contact += o.first_contact;
    }
}

/// The figures of every segment and channel, and where customers switched.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Repeats {
    pub by_cell: BTreeMap<(Idx<Segment>, Idx<Channel>), RepeatFigures>,
    /// From one channel to the next within the window: how often.
    pub switches: BTreeMap<(Idx<Channel>, Idx<Channel>), u64>,
    /// Distinct customers named.
    pub customers: u64,
    /// Per segment, distinct customers who complained or gave a detractor
    /// score: revenue at risk.
    pub unhappy: BTreeMap<Idx<Segment>, u64>,
    /// The window, in seconds.
    pub window: u64,
}

impl Tally {
    #[allow(clippy::too_many_arguments)]
    pub fn add(
        &mut self,
        customer: &str,
        reason: Option<&str>,
        created: Timestamp,
        resolved: Option<Timestamp>,
        segment: Idx<Segment>,
        channel: Idx<Channel>,
        unhappy: bool,
    ) {
        let resolved_after = resolved.map_or(UNRESOLVED, |r| {
            let seconds = (r.as_second() - created.as_second()).max(0);
            u32::try_from(seconds).unwrap_or(UNRESOLVED - 1)
        });
        self.records.push(Record {
            customer: self.customers.id(customer),
            created: created.as_second(),
            channel: channel.index() as u32,
            segment: segment.index() as u32,
            reason: reason.map_or(0, |r| self.reasons.id(r)),
            resolved_after,
            unhappy,
        });
    }

    /// Adds the records another reader of the same export kept, its
    /// customers and reasons matched to these by name.
    pub fn absorb(&mut self, other: Tally) {
        let customers = self.customers.merge(other.customers);
        let reasons = self.reasons.merge(other.reasons);
        self.records
            .extend(other.records.into_iter().map(|r| Record {
                customer: customers[r.customer as usize],
                reason: reasons[r.reason as usize],
                ..r
            }));
    }

    /// Judges every contact against its customer's others.
    pub fn finish(mut self, window: u64) -> Repeats {
        let mut repeats = Repeats {
            customers: self.customers.ids.len() as u64,
            window,
            ..Repeats::default()
        };
        self.records.sort_unstable();
        let window = i64::try_from(window).unwrap_or(i64::MAX);
        let mut next_by_reason: foldhash::HashMap<u32, i64> = foldhash::HashMap::default();
        let mut unhappy_in: Vec<u32> = Vec::new();
        for contacts in self.records.chunk_by(|a, b| a.customer == b.customer) {
            unhappy_in.clear();
            unhappy_in.extend(contacts.iter().filter(|r| r.unhappy).map(|r| r.segment));
            unhappy_in.sort_unstable();
            unhappy_in.dedup();
            for &segment in &unhappy_in {
                *repeats
                    .unhappy
                    .entry(Idx::new(segment as usize))
                    .or_default() += 1;
            }
            next_by_reason.clear();
            // Walked from the latest back: what comes next is known. Equal
            // times are one block: neither repeats the other.
            let mut next: Option<&Record> = None;
            let mut next_unreasoned: Option<i64> = None;
            let blocks: Vec<&[Record]> = contacts.chunk_by(|a, b| a.created == b.created).collect();
            for block in blocks.into_iter().rev() {
                for r in block {
                    let anchor = if r.resolved_after == UNRESOLVED {
                        r.created
                    } else {
                        r.created + i64::from(r.resolved_after)
                    };
                    let limit = anchor.saturating_add(window);
                    let repeat = next.filter(|n| n.created <= limit);
                    let figures = repeats
                        .by_cell
                        .entry((Idx::new(r.segment as usize), Idx::new(r.channel as usize)))
                        .or_default();
                    figures.contacts += 1;
                    if let Some(n) = repeat {
                        figures.repeated += 1;
                        if n.channel != r.channel {
                            figures.switched += 1;
                            *repeats
                                .switches
                                .entry((Idx::new(r.channel as usize), Idx::new(n.channel as usize)))
                                .or_default() += 1;
                        }
                    }
                    if r.resolved_after != UNRESOLVED {
                        figures.resolved += 1;
                        // On the same reason: a later row with another
                        // reason is a new request, one with none may not be.
                        let again = if r.reason == 0 {
                            next.map(|n| n.created)
                        } else {
                            let same = next_by_reason.get(&r.reason).copied();
                            match (same, next_unreasoned) {
                                (Some(a), Some(b)) => Some(a.min(b)),
                                (a, b) => a.or(b),
                            }
                        };
                        figures.first_contact += u64::from(again.is_none_or(|t| t > limit));
                    }
                }
                // The block's first record (lowest channel) is "the next
                // contact" of the ones before it.
                next = block.first();
                for r in block {
                    if r.reason == 0 {
                        next_unreasoned = Some(r.created);
                    } else {
                        next_by_reason.insert(r.reason, r.created);
                    }
                }
            }
        }
        repeats
    }
}

impl Repeats {
    /// The figures summed over the cells `keep` selects.
    pub fn sum(&self, keep: impl Fn(Idx<Segment>, Idx<Channel>) -> bool) -> RepeatFigures {
        let mut total = RepeatFigures::default();
        for (&(segment, channel), figures) in &self.by_cell {
            if keep(segment, channel) {
                total.add(figures);
            }
        }
        total
    }
}

#[cfg(test)]
mod tests;
