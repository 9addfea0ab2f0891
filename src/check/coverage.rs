//! Coverage rules: is every segment, channel and tier actually served?
//! segment-without-sla, channel-without-target, channel-without-resolution,
//! sla-channel-not-offered,
//! share-over-100, mixed-tier-queue, unused.

use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{At, Idx, Model, Ref, Segment};
use crate::msg;
use crate::syntax::values::Percent;
use std::collections::BTreeMap;

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::SegmentWithoutSla,
        context: "",
        bad: "segment retail \"Retail\" { tier 3 }",
        fix: "segment retail \"Retail\" { tier 3 }\nsla retail_sla for retail { answer phone 80% within 30s }",
    },
    CodeDoc {
        code: Code::ChannelWithoutTarget,
        context: "",
        bad: "segment vip { channels phone, email }\nsla vip_sla for vip { answer phone 80% within 20s }",
        fix: "segment vip { channels phone, email }\nsla vip_sla for vip { answer phone 80% within 20s; first_response email within 1h }",
    },
    CodeDoc {
        code: Code::ChannelWithoutResolution,
        context: "segment vip { channels chat, email }",
        bad: "sla vip_sla for vip { answer chat 90% within 2m; resolution within 24h }\nsla vip_email for vip { hours workday; first_response email within 4h }",
        fix: "sla vip_sla for vip { answer chat 90% within 2m; resolution within 24h }\nsla vip_email for vip { hours workday; first_response email within 4h; resolution email within 24h }",
    },
    CodeDoc {
        code: Code::SlaChannelNotOffered,
        context: "segment gold { channels phone, chat }\nsegment corporate { channels phone, email }",
        bad: "sla gold_sla for gold, corporate { answer phone 80% within 20s; answer chat 85% within 1m; first_response email within 2h }",
        fix: "sla gold_sla for gold, corporate { answer phone 80% within 20s }\nsla gold_chat for gold { answer chat 85% within 1m }\nsla corporate_email for corporate { first_response email within 2h }",
    },
    CodeDoc {
        code: Code::ShareOver100,
        context: "",
        bad: "segment vip { share 30% }\nsegment mass { share 80% }",
        fix: "segment vip { share 20% }\nsegment mass { share 80% }",
    },
    CodeDoc {
        code: Code::MixedTierQueue,
        context: "segment vip { tier 1; channels phone }
segment mass { tier 3; channels phone }
sla both for vip, mass { answer phone 80% within 20s }",
        bad: "queue main { channel phone; segments vip, mass }",
        fix: "queue vip_line { channel phone; segments vip; priority 1 }
queue main { channel phone; segments mass }",
    },
    CodeDoc {
        code: Code::Unused,
        context: "",
        bad: "calendar night \"Night shift\" { open mon-fri 22:00-24:00 }   # no hours night anywhere",
        fix: "channel phone { hours night ... }   # or delete the calendar",
    },
];

pub fn check(ctx: &mut Ctx) {
    segments_without_sla(ctx);
    channels_without_target(ctx);
    channels_without_resolution(ctx);
    targets_not_offered(ctx);
    shares(ctx, "share", |s| s.share);
    shares(ctx, "revenue", |s| s.revenue);
    mixed_tier_queues(ctx);
    unused(ctx);
}

fn segments_without_sla(ctx: &mut Ctx) {
    let model = ctx.model;
    for (id, segment) in model.segments.iter() {
        if ctx.slas_of(id).is_empty() {
            ctx.report(
                Diagnostic::new(
                    Code::SegmentWithoutSla,
                    segment.header.span,
                    msg!("segment-without-sla", segment = &segment.header.id),
                )
                .help(msg!(
                    "segment-without-sla-help",
                    segment = &segment.header.id
                )),
            );
        }
    }
}

fn channels_without_target(ctx: &mut Ctx) {
    let model = ctx.model;
    for (id, segment) in model.segments.iter() {
        let slas = ctx.slas_of(id).to_vec();
        if slas.is_empty() {
            continue; // segment-without-sla says it already
        }
        if !ctx.slas_read(id) {
            continue;
        }
        for channel_ref in &segment.channels {
            let Some(channel) = channel_ref.target else {
                continue;
            };
            let offered = &model.channels[channel];
            // Self-service needs no answer; an office or a field visit is
            // timed by appointments, which journeys and promises set.
            if offered.self_service || offered.kind.is_some_and(|k| k.is_physical()) {
                continue;
            }
            let has_target = slas
                .iter()
                .any(|&sla| model.slas[sla].has_target_on(channel));
            if !has_target {
                let word = match model.channels[channel].kind {
                    Some(kind) if kind.is_synchronous() => "answer",
                    _ => "first_response",
                };
                let example = if word == "answer" {
                    format!("answer {} 80% within 30s", channel_ref.name)
                } else {
                    format!("first_response {} within 4h", channel_ref.name)
                };
                ctx.report(
                    Diagnostic::new(
                        Code::ChannelWithoutTarget,
                        channel_ref.span,
                        msg!(
                            "channel-without-target",
                            segment = &segment.header.id,
                            channel = &channel_ref.name
                        ),
                    )
                    .help(msg!("channel-without-target-help", example = example)),
                );
            }
        }
    }
}

/// A channel a segment uses that no resolution target governs, though one
/// of its SLAs has a resolution without a channel (audit 16, M5): another
/// SLA of the segment names the channel (a first response on its own
/// hours), so by the guide's rule the channel is that SLA's, which sets no
/// resolution there — the exports, `cxc measure` and the dbt project then
/// hold none on it. First replies are `channel-without-target`'s.
fn channels_without_resolution(ctx: &mut Ctx) {
    let model = ctx.model;
    for (id, segment) in model.segments.iter() {
        if !ctx.slas_read(id) {
            continue;
        }
        let slas: Vec<_> = model.slas_of(id).map(|(_, sla)| sla).collect();
        // The SLA whose resolution without a channel the segment has.
        let Some(general) = slas
            .iter()
            .find(|sla| sla.resolutions.iter().any(|r| r.channel.is_none()))
        else {
            continue;
        };
        for channel in model.segment_channels(id) {
            let offered = &model.channels[channel];
            if offered.self_service || offered.kind.is_some_and(|k| k.is_physical()) {
                continue;
            }
            let resolved = slas.iter().any(|sla| {
                sla.resolutions.iter().any(|r| match &r.channel {
                    Some(c) => c.target == Some(channel),
                    None => model.sla_governs(id, sla, channel),
                })
            });
            if resolved {
                continue;
            }
            // The SLA that took the channel, and where it names it.
            let Some((owner, span)) = slas.iter().find_map(|sla| {
                let answers = sla.answers.iter().map(|a| &a.channel);
                let responses = sla.first_responses.iter().map(|f| &f.channel);
                (answers.chain(responses))
                    .find(|c| c.target == Some(channel))
                    .map(|c| (sla, c.span))
            }) else {
                continue;
            };
            let channel_id = &offered.header.id;
            ctx.report(
                Diagnostic::new(
                    Code::ChannelWithoutResolution,
                    span,
                    msg!(
                        "channel-without-resolution",
                        segment = &segment.header.id,
                        channel = channel_id,
                        owner = &owner.header.id,
                        general = &general.header.id
                    ),
                )
                .help(msg!(
                    "channel-without-resolution-help",
                    channel = channel_id,
                    owner = &owner.header.id,
                    general = &general.header.id
                )),
            );
        }
    }
}

/// An SLA target on a channel that one of the SLA's segments does not list
/// (`sla-channel-not-offered`): it does not apply to that segment
/// ([`Model::target_applies`]), so no staffing, routing or measure reads it
/// there. A segment that lists no channels uses those its SLAs target.
fn targets_not_offered(ctx: &mut Ctx) {
    let model = ctx.model;
    for (_, sla) in model.slas.iter() {
        let lines = sla
            .answers
            .iter()
            .map(|a| ("answer", &a.channel, a.span))
            .chain(
                sla.first_responses
                    .iter()
                    .map(|f| ("first_response", &f.channel, f.span)),
            )
            .chain(
                sla.resolutions
                    .iter()
                    .filter_map(|r| Some(("resolution", r.channel.as_ref()?, r.span))),
            );
        for (kind, channel_ref, span) in lines {
            let Some(channel) = channel_ref.target else {
                continue;
            };
            for segment in crate::model::targets(&sla.segments) {
                if model.target_applies(segment, Some(channel)) {
                    continue;
                }
                let segment = &model.segments[segment].header.id;
                ctx.report(
                    Diagnostic::new(
                        Code::SlaChannelNotOffered,
                        span,
                        msg!(
                            "sla-channel-not-offered",
                            sla = &sla.header.id,
                            kind = kind,
                            channel = &channel_ref.name,
                            segment = segment
                        ),
                    )
                    .help(msg!(
                        "sla-channel-not-offered-help",
                        channel = &channel_ref.name,
                        segment = segment
                    )),
                );
            }
        }
    }
}

/// Whether the segments' `share` figures, or their `revenue` figures, add
/// up to more than the whole (`share-over-100`): the revenue per customer
/// built on them is then no figure to rank by (`pareto-mismatch` is not
/// reported on an error; `tier-without-value` leaves a segment with that
/// figure to it, so the two stay silent together).
pub fn shares_over_100(model: &Model) -> bool {
    let over = |field: fn(&Segment) -> Option<At<Percent>>| {
        let total: f64 = model
            .segments
            .values()
            .filter_map(|s| field(s).map(|p| p.value.value()))
            .sum();
        total > 100.0 + 1e-9
    };
    over(|s| s.share) || over(|s| s.revenue)
}

fn shares(ctx: &mut Ctx, what: &str, field: impl Fn(&Segment) -> Option<At<Percent>>) {
    let model = ctx.model;
    let figures: Vec<(&str, At<Percent>)> = model
        .segments
        .values()
        .filter_map(|s| field(s).map(|p| (s.header.id.as_str(), p)))
        .collect();
    let total: f64 = figures.iter().map(|(_, p)| p.value.value()).sum();
    if total <= 100.0 + 1e-9 {
        return;
    }
    // Point at the figure that takes the running sum over the whole.
    let mut running = 0.0;
    let crossing = figures
        .iter()
        .find(|(_, p)| {
            running += p.value.value();
            running > 100.0 + 1e-9
        })
        .map_or(figures[0].1.span, |(_, p)| p.span);
    let parts: Vec<String> = figures
        .iter()
        .map(|(id, p)| format!("{id} {}", p.value))
        .collect();
    ctx.report(
        Diagnostic::new(
            Code::ShareOver100,
            crossing,
            msg!(
                "share-over-100",
                field = what,
                total = Percent::new(total).to_string(),
                parts = parts.join(" + ")
            ),
        )
        .help(msg!("share-over-100-help", field = what)),
    );
}

fn mixed_tier_queues(ctx: &mut Ctx) {
    let model = ctx.model;
    // A queue that says its order chose it (audit 16, L8): `order
    // arrival` gives every tier the same priority on purpose (a clinical
    // line), `order tier` shares the queue on purpose, the better tier
    // served first (a follow-the-sun centre that takes every tier).
    for (_, queue) in model.queues.iter().filter(|(_, q)| q.order.is_none()) {
        let mut tiers: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
        // A segment named on a channel it does not use sends the queue none
        // of its contacts (`channel-not-offered` says so): no tier of it.
        let channel = queue.channel.as_ref().and_then(|c| c.target);
        let takes = |seg: Idx<Segment>| {
            channel.is_none_or(|c| super::channels::takes_contacts(model, c, seg))
        };
        for seg in model
            .queue_segments(queue)
            .into_iter()
            .filter(|&s| takes(s))
        {
            if let Some(tier) = model.segments[seg].tier {
                tiers
                    .entry(tier.value)
                    .or_default()
                    .push(&model.segments[seg].header.id);
            }
        }
        if tiers.len() > 1 {
            let parts: Vec<crate::i18n::Arg> = tiers
                .iter()
                .map(|(t, segs)| {
                    msg!("tier-segments", tier = *t, segments = segs.join(", ")).into()
                })
                .collect();
            ctx.report(
                Diagnostic::new(
                    Code::MixedTierQueue,
                    queue.header.span,
                    msg!(
                        "mixed-tier-queue",
                        queue = &queue.header.id,
                        tiers = crate::i18n::Arg::List(parts)
                    ),
                )
                .help(msg!("mixed-tier-queue-help")),
            );
        }
    }
}

fn unused(ctx: &mut Ctx) {
    let model = ctx.model;
    let mut calendars = vec![false; model.calendars.len()];
    let mut channels = vec![false; model.channels.len()];
    let mut types = vec![false; model.customer_types.len()];
    let mut segments = vec![false; model.segments.len()];
    fn mark<T>(seen: &mut [bool], r: Option<&Ref<Idx<T>>>) {
        if let Some(t) = r.and_then(|r| r.target) {
            seen[t.index()] = true;
        }
    }
    fn mark_all<T>(seen: &mut [bool], refs: &[Ref<Idx<T>>]) {
        for r in refs {
            mark(seen, Some(r));
        }
    }
    for c in model.channels.values() {
        mark(&mut calendars, c.hours.as_ref());
    }
    for (i, s) in model.segments.iter() {
        mark_all(&mut channels, &s.channels);
        mark_all(&mut types, &s.types);
        // A segment that lists its channels says how these customers are
        // served, even with no SLA (a free tier on a self-service forum,
        // 78% of the customers: audit 13, L6).
        if !s.channels.is_empty() {
            segments[i.index()] = true;
        }
    }
    for t in model.customer_types.values() {
        mark_all(&mut channels, &t.prefer);
    }
    for sla in model.slas.values() {
        mark(&mut calendars, sla.hours.as_ref());
        mark_all(&mut segments, &sla.segments);
        for a in &sla.answers {
            mark(&mut channels, Some(&a.channel));
        }
        for f in &sla.first_responses {
            mark(&mut channels, Some(&f.channel));
        }
        for r in &sla.resolutions {
            mark(&mut channels, r.channel.as_ref());
        }
    }
    for p in model.promises.values() {
        mark_all(&mut segments, &p.segments);
        mark(&mut channels, p.channel.as_ref());
        mark(&mut calendars, p.hours.as_ref());
    }
    for j in model.journeys.values() {
        mark_all(&mut segments, &j.segments);
        for step in j.steps.values() {
            mark_all(&mut channels, &step.channels);
        }
    }
    for c in model.complaints.values() {
        mark(&mut calendars, c.hours.as_ref());
        mark_all(&mut segments, &c.segments);
    }
    for t in model.teams.values() {
        mark(&mut calendars, t.hours.as_ref());
    }
    for q in model.queues.values() {
        mark(&mut calendars, q.hours.as_ref());
        mark(&mut channels, q.channel.as_ref());
        mark_all(&mut segments, &q.segments);
    }
    for a in model.agreements.values() {
        for r in &a.responds {
            mark_all(&mut segments, &r.segments);
        }
    }
    let unused = calendars
        .iter()
        .zip(model.calendars.values().map(|c| &c.header))
        .map(|(u, h)| (u, h, "calendar"))
        .chain(
            channels
                .iter()
                .zip(model.channels.values().map(|c| &c.header))
                .map(|(u, h)| (u, h, "channel")),
        )
        .chain(
            types
                .iter()
                .zip(model.customer_types.values().map(|c| &c.header))
                .map(|(u, h)| (u, h, "customer_type")),
        )
        .chain(
            segments
                .iter()
                .zip(model.segments.values().map(|c| &c.header))
                .map(|(u, h)| (u, h, "segment")),
        )
        .filter(|(used, _, _)| !**used)
        .map(|(_, h, kind)| (h.clone(), kind))
        .collect::<Vec<_>>();
    for (header, kind) in unused {
        ctx.report(
            Diagnostic::new(
                Code::Unused,
                header.span,
                msg!("unused", kind = kind, name = &header.id),
            )
            .help(msg!("unused-help", kind = kind, name = &header.id)),
        );
    }
}
