//! The priority levels a caller meets: too-many-tiers.
//!
//! The IVR rule of the seeds ("at most four levels") is about what a caller
//! of one channel goes through, not about how many tiers the spec names. A
//! contact waits at the priority of its segment's tier (the routing exports
//! give each tier its own priority, and a segment without a tier the lowest),
//! so the levels a caller of a channel can land in are the distinct tiers —
//! "no tier" counting as one — of the segments whose contacts arrive there:
//! a live channel the segment lists (not self-service), or a queue that takes
//! the segment on that channel — only on a channel the segment uses: a
//! queue that names a segment on another channel takes none of its contacts. A complaint is raised within its tier's band
//! (before its own tier's other contacts, never before a better tier's), so
//! it is no level of its own. A queue with `order arrival` gives every task
//! it takes one priority: the segments it takes on its channel count there
//! as one level, whatever their tiers.

use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{Channel, Idx, Model, Segment};
use crate::msg;
use std::collections::BTreeSet;

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::TooManyTiers,
        context: "",
        bad: "segment a { tier 1; channels phone }
segment b { tier 2; channels phone }
segment c { tier 3; channels phone }
segment d { tier 4; channels phone }
segment e { tier 5; channels phone }",
        fix: "segment a { tier 1; channels phone }
segment b { tier 2; channels phone }
segment c { tier 3; channels phone }
segment d { tier 3; channels phone }
segment e { tier 3; channels phone }   # with `everyone` (no tier): 4 levels",
    },
    CodeDoc {
        code: Code::TooManyTiers,
        context: "segment a { tier 1; channels phone }
segment b { tier 2; channels phone }
segment c { tier 3; channels phone }
segment d { tier 4; channels phone }
segment e { tier 5; channels phone }",
        bad: "queue line { channel phone }",
        fix: "queue line { channel phone; order arrival }   # every call waits its turn: one level",
    },
];

/// A priority level: a tier, segments without one (the lowest), or the
/// one priority of the tasks an `order arrival` queue takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Tier(u32),
    Untiered,
    Arrival,
}

/// For each channel, the levels of the segments whose contacts arrive
/// there. A queue adds only the segments that use its channel
/// ([`Model::uses_channel`]): one that names a segment on a channel the
/// segment does not use takes none of its contacts (`channel-not-offered`);
/// a queue without a channel adds each segment it takes on the channels that
/// segment uses. Each segment's channels are read once, and a queue that
/// takes every segment adds a channel's levels once, so the cost stays that
/// of reading each statement once plus one merge per channel.
pub fn levels_by_channel(model: &Model) -> Vec<BTreeSet<Level>> {
    let arrival = arrival_taken(model);
    let level = |s: Idx<Segment>, c: Idx<Channel>| {
        if arrival.contains(&(c, None)) || arrival.contains(&(c, Some(s))) {
            return Level::Arrival;
        }
        model.segments[s]
            .tier
            .map_or(Level::Untiered, |t| Level::Tier(t.value))
    };
    // The channels each segment uses, sorted; and per channel the levels
    // of every segment that uses it.
    let mut uses: Vec<Vec<Idx<Channel>>> = Vec::with_capacity(model.segments.len());
    let mut users = vec![BTreeSet::new(); model.channels.len()];
    for segment in model.segments.ids() {
        let mut channels = model.segment_channels(segment);
        channels.sort_unstable();
        for &c in &channels {
            users[c.index()].insert(level(segment, c));
        }
        uses.push(channels);
    }
    let mut by_channel = vec![BTreeSet::new(); model.channels.len()];
    for (segment, s) in model.segments.iter() {
        for channel in crate::model::targets(&s.channels) {
            let c = &model.channels[channel];
            if !c.self_service && c.kind.is_some_and(|k| k.is_live()) {
                by_channel[channel.index()].insert(level(segment, channel));
            }
        }
    }
    // Everyone on a channel (a queue on it without `segments`); everyone
    // everywhere (a queue with neither); segments taken on every channel
    // they use (a queue without a channel that names them).
    let mut everyone = vec![false; model.channels.len()];
    let mut everywhere = false;
    let mut anywhere = vec![false; model.segments.len()];
    for queue in model.queues.values() {
        let channel = match &queue.channel {
            None => None,
            Some(r) => match r.target {
                Some(channel) => Some(channel),
                None => continue,
            },
        };
        match (channel, queue.segments.is_empty()) {
            (Some(c), true) => everyone[c.index()] = true,
            (None, true) => everywhere = true,
            (Some(c), false) => {
                let taken = model.served(&queue.segments);
                let using = taken.filter(|s| uses[s.index()].binary_search(&c).is_ok());
                by_channel[c.index()].extend(using.map(|s| level(s, c)));
            }
            (None, false) => {
                for s in model.served(&queue.segments) {
                    anywhere[s.index()] = true;
                }
            }
        }
    }
    for (segment, taken) in model.segments.ids().zip(anywhere) {
        if taken && !everywhere {
            for &c in &uses[segment.index()] {
                by_channel[c.index()].insert(level(segment, c));
            }
        }
    }
    for (c, levels) in by_channel.iter_mut().enumerate() {
        if everywhere || everyone[c] {
            levels.extend(users[c].iter().copied());
        }
    }
    by_channel
}

/// Where an `order arrival` queue takes contacts: (channel, segment), the
/// segment `None` for every segment on the channel. A queue without a
/// channel takes its segments on each channel they use.
fn arrival_taken(model: &Model) -> BTreeSet<(Idx<Channel>, Option<Idx<Segment>>)> {
    let mut taken = BTreeSet::new();
    for queue in model.queues.values().filter(|q| q.by_arrival()) {
        match (&queue.channel, queue.segments.is_empty()) {
            (Some(r), true) => taken.extend(r.target.map(|c| (c, None))),
            (Some(r), false) => {
                if let Some(c) = r.target {
                    taken.extend(model.served(&queue.segments).map(|s| (c, Some(s))));
                }
            }
            (None, true) => taken.extend(model.channels.ids().map(|c| (c, None))),
            (None, false) => {
                for s in model.served(&queue.segments) {
                    taken.extend(model.segment_channels(s).into_iter().map(|c| (c, Some(s))));
                }
            }
        }
    }
    taken
}

pub fn check(ctx: &mut Ctx) {
    let model = ctx.model;
    let limit = ctx.options.max_tiers as usize;
    for (channel, levels) in model.channels.ids().zip(levels_by_channel(model)) {
        if levels.len() <= limit {
            continue;
        }
        let tiers: Vec<u32> = (levels.iter())
            .filter_map(|l| match l {
                Level::Tier(t) => Some(*t),
                _ => None,
            })
            .collect();
        let c = &model.channels[channel];
        ctx.report(
            Diagnostic::new(
                Code::TooManyTiers,
                c.header.span,
                msg!(
                    "too-many-tiers",
                    channel = &c.header.id,
                    count = levels.len(),
                    tiers = crate::diagnostic::elide(tiers.iter(), ", "),
                    untiered = if levels.contains(&Level::Untiered) {
                        "yes"
                    } else {
                        "no"
                    },
                    arrival = if levels.contains(&Level::Arrival) {
                        "yes"
                    } else {
                        "no"
                    },
                    limit = limit
                ),
            )
            .help(msg!("too-many-tiers-help", limit = limit)),
        );
    }
}
