//! The priority levels a caller meets: too-many-tiers.
//!
//! The IVR rule of the seeds ("at most four levels") is about what a caller
//! of one channel goes through, not about how many tiers the spec names. A
//! contact waits at the priority of its segment's tier (the routing exports
//! give each tier its own priority, and a segment without a tier the lowest),
//! so the levels a caller of a channel can land in are the distinct tiers —
//! "no tier" counting as one — of the segments whose contacts arrive there:
//! a live channel the segment lists (not self-service), or a queue that takes
//! the segment on that channel. A complaint is raised within its tier's band
//! (before its own tier's other contacts, never before a better tier's), so
//! it is no level of its own.

use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{Idx, Model, Segment};
use crate::msg;
use std::collections::BTreeSet;

pub const DOCS: &[CodeDoc] = &[CodeDoc {
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
}];

/// A priority level: a tier, or `None` for segments without one (the
/// lowest).
pub type Level = Option<u32>;

/// For each channel, the levels of the segments whose contacts arrive
/// there. A queue without a channel, or serving every segment, adds its
/// levels once to a set shared by the channels, so the cost stays that of
/// reading each statement once plus one merge per channel.
pub fn levels_by_channel(model: &Model) -> Vec<BTreeSet<Level>> {
    let level = |s: Idx<Segment>| model.segments[s].tier.map(|t| t.value);
    let every_segment: BTreeSet<Level> = model.segments.ids().map(level).collect();
    let mut by_channel = vec![BTreeSet::new(); model.channels.len()];
    let mut every_channel: BTreeSet<Level> = BTreeSet::new();
    for (segment, s) in model.segments.iter() {
        for channel in crate::model::targets(&s.channels) {
            let c = &model.channels[channel];
            if !c.self_service && c.kind.is_some_and(|k| k.is_live()) {
                by_channel[channel.index()].insert(level(segment));
            }
        }
    }
    for queue in model.queues.values() {
        let into = match &queue.channel {
            None => &mut every_channel,
            Some(r) => match r.target {
                Some(channel) => &mut by_channel[channel.index()],
                None => continue,
            },
        };
        if queue.segments.is_empty() {
            into.extend(every_segment.iter().copied());
        } else {
            into.extend(model.served(&queue.segments).map(level));
        }
    }
    for levels in &mut by_channel {
        levels.extend(every_channel.iter().copied());
    }
    by_channel
}

pub fn check(ctx: &mut Ctx) {
    let model = ctx.model;
    let limit = ctx.options.max_tiers as usize;
    for (channel, levels) in model.channels.ids().zip(levels_by_channel(model)) {
        if levels.len() <= limit {
            continue;
        }
        let tiers: Vec<u32> = levels.iter().flatten().copied().collect();
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
                    untiered = if levels.contains(&None) { "yes" } else { "no" },
                    limit = limit
                ),
            )
            .help(msg!("too-many-tiers-help", limit = limit)),
        );
    }
}
