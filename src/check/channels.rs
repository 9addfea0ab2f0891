//! Channels as customers meet them: unattended-channel,
//! preferred-channel-not-offered, channel-not-offered (a journey step, or a
//! queue's `segments`, on a channel its segments do not use).

use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{Channel, Idx, Model, Segment};
use crate::msg;

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::UnattendedChannel,
        context: "",
        bad: "channel social \"Social networks\" { kind social; self_service }",
        fix: "channel social \"Social networks\" { kind social; owner support; hours office }",
    },
    CodeDoc {
        code: Code::PreferredChannelNotOffered,
        context: "",
        bad: "customer_type impatient { prefer chat }\nsegment mass { types impatient; channels phone }",
        fix: "customer_type impatient { prefer chat }\nsegment mass { types impatient; channels phone, chat }",
    },
    CodeDoc {
        code: Code::ChannelNotOffered,
        context: "",
        bad: "segment vip { channels phone }\njourney order { segments vip; start s; step s { owner sales; channel chat; end } }",
        fix: "segment vip { channels phone, chat }\njourney order { segments vip; start s; step s { owner sales; channel chat; end } }",
    },
];

pub fn check(ctx: &mut Ctx) {
    unattended(ctx);
    preferred_not_offered(ctx);
    steps_off_offer(ctx);
    queues_off_offer(ctx);
}

fn unattended(ctx: &mut Ctx) {
    for (_, channel) in ctx.model.channels.iter() {
        let Some(kind) = channel.kind.filter(|k| k.is_live()) else {
            continue;
        };
        if channel.self_service {
            ctx.report(
                Diagnostic::new(
                    Code::UnattendedChannel,
                    channel.header.span,
                    msg!(
                        "unattended-channel",
                        channel = &channel.header.id,
                        kind = kind.as_str()
                    ),
                )
                .help(msg!("unattended-channel-help")),
            );
        }
    }
}

/// Which segments offer each channel: `offered[channel]` lists segments.
fn offered_by(ctx: &Ctx) -> Vec<Vec<Idx<crate::model::Segment>>> {
    let model = ctx.model;
    let mut offered = vec![Vec::new(); model.channels.len()];
    for (id, segment) in model.segments.iter() {
        for channel in crate::model::targets(&segment.channels) {
            offered[channel.index()].push(id);
        }
    }
    offered
}

fn preferred_not_offered(ctx: &mut Ctx) {
    let model = ctx.model;
    // The segments of each customer type.
    let mut segments_of = vec![Vec::new(); model.customer_types.len()];
    for (id, segment) in model.segments.iter() {
        for t in crate::model::targets(&segment.types) {
            segments_of[t.index()].push(id);
        }
    }
    for (id, customer_type) in model.customer_types.iter() {
        let segments = &segments_of[id.index()];
        if segments.is_empty() {
            continue; // `unused` says it
        }
        for preferred in &customer_type.prefer {
            let Some(channel) = preferred.target else {
                continue;
            };
            let offers = |s: &Idx<crate::model::Segment>| {
                crate::model::targets(&model.segments[*s].channels).any(|c| c == channel)
            };
            if segments.iter().any(offers) {
                continue;
            }
            let names: Vec<String> = segments
                .iter()
                .map(|&s| format!("`{}`", model.segments[s].header.id))
                .collect();
            ctx.report(
                Diagnostic::new(
                    Code::PreferredChannelNotOffered,
                    preferred.span,
                    msg!(
                        "preferred-channel-not-offered",
                        customer_type = &customer_type.header.id,
                        channel = &preferred.name,
                        segments = super::elide(names.iter(), ", ")
                    ),
                )
                .help(msg!(
                    "preferred-channel-not-offered-help",
                    channel = &preferred.name
                )),
            );
        }
    }
}

fn steps_off_offer(ctx: &mut Ctx) {
    let model = ctx.model;
    let offered = offered_by(ctx);
    for (_, journey) in model.journeys.iter() {
        let mut served: Vec<_> = model.served(&journey.segments).collect();
        served.sort_unstable();
        // Every segment served: checked once per channel, not per step.
        let mut reachable: Vec<Option<bool>> = vec![None; model.channels.len()];
        for (_, step) in journey.steps.iter() {
            for used in &step.channels {
                let Some(channel) = used.target else { continue };
                let is_offered = *reachable[channel.index()].get_or_insert_with(|| {
                    offered[channel.index()]
                        .iter()
                        .any(|s| served.binary_search(s).is_ok())
                });
                if is_offered || !segments_listed(&model.channels[channel]) {
                    continue;
                }
                ctx.report(
                    Diagnostic::new(
                        Code::ChannelNotOffered,
                        used.span,
                        msg!(
                            "channel-not-offered",
                            step = &step.header.id,
                            journey = &journey.header.id,
                            channel = &used.name
                        ),
                    )
                    .help(msg!("channel-not-offered-help", channel = &used.name)),
                );
            }
        }
    }
}

/// A queue's `segments` naming a segment that does not use the queue's
/// channel ([`crate::model::Model::uses_channel`]): none of its contacts
/// come there, so the queue takes nothing of it — no target, no routing —
/// while the spec reads as if it did.
fn queues_off_offer(ctx: &mut Ctx) {
    let model = ctx.model;
    for (_, queue) in model.queues.iter() {
        let Some(channel_ref) = &queue.channel else {
            continue;
        };
        let Some(channel) = channel_ref.target else {
            continue;
        };
        for segment in &queue.segments {
            let Some(id) = segment.target else { continue };
            if takes_contacts(model, channel, id) {
                continue;
            }
            ctx.report(
                Diagnostic::new(
                    Code::ChannelNotOffered,
                    segment.span,
                    msg!(
                        "queue-channel-not-offered",
                        queue = &queue.header.id,
                        segment = &segment.name,
                        channel = &channel_ref.name
                    ),
                )
                .help(msg!(
                    "queue-channel-not-offered-help",
                    segment = &segment.name,
                    channel = &channel_ref.name
                )),
            );
        }
    }
}

/// Whether a queue on `channel` that names `segment` gets its contacts: the
/// segment uses the channel, or the channel is one segments do not list
/// (`field`), so naming the segment is what says it. `channel-not-offered`
/// and `mixed-tier-queue` read this one answer.
pub(super) fn takes_contacts(model: &Model, channel: Idx<Channel>, segment: Idx<Segment>) -> bool {
    !segments_listed(&model.channels[channel]) || model.uses_channel(segment, channel)
}

/// Segments list the channels customers contact the company through; a
/// place the company goes to (`field`) is not one of them.
fn segments_listed(channel: &Channel) -> bool {
    channel.kind != Some(crate::syntax::values::ChannelKind::Field)
}
