//! agreement-tier-inversion: an internal agreement that answers a better
//! tier more slowly than a worse one, or than its own general line. The
//! priority customers earn at the front line must hold behind it too (IT,
//! accounting): a VIP case that waits 8 hours in IT while everyone else's
//! waits 2 is served last where the customer cannot see it.
//!
//! Each `respond … for SEGMENTS` line is compared with the lines of the same
//! agreement for segments of worse tiers (the sweep `tier-inversion` uses)
//! and with the general `respond` line.

use super::{Ctx, Timed};
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::i18n::Message;
use crate::model::{Agreement, Idx, Segment};
use crate::msg;
use crate::source::Span;

pub const DOCS: &[CodeDoc] = &[CodeDoc {
    code: Code::AgreementTierInversion,
    context: "segment vip { tier 1; channels phone }\nsegment mass { tier 2; channels phone }\nsla tiers_sla for vip, mass { answer phone 80% within 1m }",
    bad: "agreement it_for_support { provider it; consumer support\n  respond within 8h for vip\n  respond within 2h }",
    fix: "agreement it_for_support { provider it; consumer support\n  respond within 30m for vip\n  respond within 2h }",
}];

pub fn check(ctx: &mut Ctx) {
    for (_, agreement) in ctx.model.agreements.iter() {
        inversions(ctx, agreement);
    }
}

/// A `respond … for` line as it applies to one tiered segment.
#[derive(Clone, Copy)]
struct Line {
    tier: u32,
    segment: Idx<Segment>,
    /// Agreements run on the wall clock; a `wd` line at the longest.
    within: Timed,
    span: Span,
}

fn inversions(ctx: &mut Ctx, agreement: &Agreement) {
    let model = ctx.model;
    let general = agreement
        .responds
        .iter()
        .find(|r| r.segments.is_empty())
        .map(|r| Timed::new(model, r.within, None));
    let mut lines: Vec<Line> = Vec::new();
    let mut named = std::collections::HashSet::new();
    for respond in agreement.responds.iter() {
        for segment in respond.segments.iter().filter_map(|s| s.target) {
            let Some(tier) = model.segments[segment].tier.map(|t| t.value) else {
                continue;
            };
            // A segment's first line is the one that applies to it.
            if !named.insert(segment) {
                continue;
            }
            lines.push(Line {
                tier,
                segment,
                within: Timed::new(model, respond.within, None),
                span: respond.span,
            });
        }
    }
    let mut found: Vec<(Span, Message)> = Vec::new();
    if let Some(general) = general {
        for line in lines.iter().filter(|l| l.within.longest > general.longest) {
            found.push((
                line.span,
                msg!(
                    "agreement-tier-inversion-general",
                    agreement = &agreement.header.id,
                    tier = line.tier,
                    segment = &model.segments[line.segment].header.id,
                    within = line.within.shown_genitive(),
                    general = general.shown_genitive()
                ),
            ));
        }
    }
    super::tiers::against_worse_tiers(
        &mut lines,
        |l| (l.tier, l.segment),
        |a, b| a.within.longest < b.within.longest,
        |better, worse| {
            found.push((
                better.span,
                msg!(
                    "agreement-tier-inversion",
                    agreement = &agreement.header.id,
                    tier = better.tier,
                    segment = &model.segments[better.segment].header.id,
                    within = better.within.shown_genitive(),
                    worse_tier = worse.tier,
                    worse = &model.segments[worse.segment].header.id,
                    worse_within = worse.within.shown_genitive()
                ),
            ));
        },
    );
    // One finding per line: the first reason found (the general line first).
    let mut seen = std::collections::HashSet::new();
    for (span, message) in found {
        if seen.insert(span) {
            ctx.report(
                Diagnostic::new(Code::AgreementTierInversion, span, message)
                    .help(msg!("agreement-tier-inversion-help")),
            );
        }
    }
}
