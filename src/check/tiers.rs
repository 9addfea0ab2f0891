//! Tiers that match value: tier-inversion, pareto-mismatch.
//!
//! Both compare each segment with the segments of worse tiers (a larger
//! number): entries are sorted by tier and swept from the worst tier up,
//! carrying the best figure seen among worse tiers, so a spec with many
//! segments costs `O(n log n)`, not a comparison of every pair.

use super::{Ctx, Timed};
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{Channel, Idx, Segment};
use crate::msg;
use crate::source::Span;
use std::collections::BTreeMap;

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::TierInversion,
        context: "segment vip { tier 1; channels phone }
segment mass { tier 2; channels phone }",
        bad: "sla vip_sla for vip { answer phone 80% within 5m }    # vip: tier 1\nsla mass_sla for mass { answer phone 80% within 10s }  # mass: tier 2",
        fix: "sla vip_sla for vip { answer phone 80% within 10s }\nsla mass_sla for mass { answer phone 80% within 1m }",
    },
    CodeDoc {
        code: Code::ParetoMismatch,
        context: "",
        bad: "segment vip { tier 1; share 50%; revenue 40% }\nsegment mass { tier 2; share 50%; revenue 60% }",
        fix: "segment vip { tier 1; share 20%; revenue 80% }\nsegment mass { tier 2; share 80%; revenue 20% }",
    },
];

pub fn check(ctx: &mut Ctx) {
    inversions(ctx);
    pareto(ctx);
}

/// A kind of time target, per channel (`None`: a resolution for every channel).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Answer(Idx<Channel>),
    FirstResponse(Idx<Channel>),
    Resolution(Option<Idx<Channel>>),
}

/// A segment's strictest target of one kind.
#[derive(Clone, Copy)]
struct Entry {
    tier: u32,
    segment: Idx<Segment>,
    /// On its SLA's clock; a `wd` limit at the longest it can last.
    within: Timed,
    span: Span,
}

fn inversions(ctx: &mut Ctx) {
    let model = ctx.model;
    let mut by_kind: BTreeMap<Kind, Vec<Entry>> = BTreeMap::new();
    for (segment, s) in model.segments.iter() {
        let Some(tier) = s.tier.map(|t| t.value) else {
            continue;
        };
        let mut strictest: BTreeMap<Kind, (Timed, Span)> = BTreeMap::new();
        for &sla in ctx.slas_of(segment) {
            let sla = &model.slas[sla];
            let mut offer = |kind, within, span| {
                let within = Timed::new(model, within, sla.clock());
                let best = strictest.entry(kind).or_insert((within, span));
                if within.longest < best.0.longest {
                    *best = (within, span);
                }
            };
            for a in &sla.answers {
                if let Some(c) = a.channel.target {
                    offer(Kind::Answer(c), a.within, a.span);
                }
            }
            for f in &sla.first_responses {
                if let Some(c) = f.channel.target {
                    offer(Kind::FirstResponse(c), f.within, f.span);
                }
            }
            for r in &sla.resolutions {
                offer(
                    Kind::Resolution(r.channel.as_ref().and_then(|c| c.target)),
                    r.within,
                    r.span,
                );
            }
        }
        for (kind, (within, span)) in strictest {
            by_kind.entry(kind).or_default().push(Entry {
                tier,
                segment,
                within,
                span,
            });
        }
    }
    for (kind, mut entries) in by_kind {
        against_worse_tiers(
            &mut entries,
            |e| (e.tier, e.segment),
            |a, b| a.within.longest < b.within.longest,
            |e, worse| report_inversion(ctx, kind, e, worse),
        );
    }
}

/// Calls `report(entry, worse)` for each entry that a strictly worse tier
/// beats, with the entry of the worse tiers that beats everything else
/// there. Worst tier first, each tier after the tiers below it, so the
/// sweep is one pass after a sort.
fn against_worse_tiers<T: Copy>(
    entries: &mut [T],
    key: impl Fn(&T) -> (u32, Idx<Segment>),
    beats: impl Fn(&T, &T) -> bool,
    mut report: impl FnMut(&T, &T),
) {
    entries.sort_by_key(|e| {
        let (tier, segment) = key(e);
        (std::cmp::Reverse(tier), segment)
    });
    let mut best_worse: Option<T> = None;
    let mut i = 0;
    while i < entries.len() {
        let tier = key(&entries[i]).0;
        let same_tier = entries[i..].iter().take_while(|e| key(e).0 == tier).count();
        let group = &entries[i..i + same_tier];
        for e in group {
            if let Some(worse) = best_worse.filter(|w| beats(w, e)) {
                report(e, &worse);
            }
        }
        for e in group {
            if best_worse.is_none_or(|w| beats(e, &w)) {
                best_worse = Some(*e);
            }
        }
        i += same_tier;
    }
}

fn report_inversion(ctx: &mut Ctx, kind: Kind, better: &Entry, worse: &Entry) {
    let model = ctx.model;
    let channel = |c: Idx<Channel>| model.channels[c].header.id.to_string();
    let what = match kind {
        Kind::Answer(c) => msg!("tier-answered", channel = channel(c)),
        Kind::FirstResponse(c) => msg!("tier-first-response", channel = channel(c)),
        Kind::Resolution(Some(c)) => msg!("tier-resolved-on", channel = channel(c)),
        Kind::Resolution(None) => msg!("tier-resolved"),
    };
    let (b, w) = (
        &model.segments[better.segment],
        &model.segments[worse.segment],
    );
    ctx.report(
        Diagnostic::new(
            Code::TierInversion,
            better.span,
            msg!(
                "tier-inversion",
                tier = better.tier,
                segment = &b.header.id,
                what = what,
                within = better.within.shown(),
                worse_tier = worse.tier,
                worse = &w.header.id,
                worse_within = worse.within.shown()
            ),
        )
        .help(msg!(
            "tier-inversion-help",
            segment = &b.header.id,
            within = worse.within.shown()
        )),
    );
}

fn pareto(ctx: &mut Ctx) {
    let model = ctx.model;
    let mut entries: Vec<(u32, Idx<Segment>, f64)> = model
        .segments
        .iter()
        .filter_map(|(id, s)| Some((s.tier?.value, id, s.revenue_per_customer()?)))
        .collect();
    against_worse_tiers(
        &mut entries,
        |&(tier, id, _)| (tier, id),
        |a, b| a.2 > b.2,
        |&(tier, id, value), &(worse_tier, worse, worse_value)| {
            let (s, w) = (&model.segments[id], &model.segments[worse]);
            let span = s.revenue.map_or(s.header.span, |r| r.span);
            ctx.report(
                Diagnostic::new(
                    Code::ParetoMismatch,
                    span,
                    msg!(
                        "pareto-mismatch",
                        tier = tier,
                        segment = &s.header.id,
                        revenue = s.revenue.map(|r| r.value.to_string()).unwrap_or_default(),
                        share = s.share.map(|r| r.value.to_string()).unwrap_or_default(),
                        ratio = format!("{value:.2}"),
                        worse_tier = worse_tier,
                        worse = &w.header.id,
                        worse_ratio = format!("{worse_value:.2}")
                    ),
                )
                .help(msg!("pareto-mismatch-help", worse = &w.header.id)),
            );
        },
    );
}
