//! Tiers that follow what customers are worth: tier-without-value.
//!
//! A segment's value per customer is its revenue share ÷ customer share
//! ([`Segment::revenue_per_customer`], the figure `pareto-mismatch` ranks
//! by), else its `average_check`. Two segments are compared by the figure
//! both give: when both give the ratio, `pareto-mismatch` judges them and
//! this rule stays out, so the two can never disagree or say one thing
//! twice; when at least one lacks the ratio and both give an average check,
//! the checks are compared here. Figures of different kinds (a ratio beside
//! a sum of money) are never compared.

use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{Idx, Queue, Segment};
use crate::msg;

pub const DOCS: &[CodeDoc] = &[CodeDoc {
    code: Code::TierWithoutValue,
    context: "",
    bad: "segment retail { tier 1; average_check 1000 }\nsegment corporate { tier 2; average_check 900000 }",
    fix: "segment retail { tier 2; average_check 1000 }\nsegment corporate { tier 1; average_check 900000 }",
}];

pub fn check(ctx: &mut Ctx) {
    inverted_checks(ctx);
    missing_figures(ctx);
}

/// A tiered segment's average check, and whether `pareto-mismatch` can rank
/// it by revenue per customer.
#[derive(Clone, Copy)]
struct Entry {
    tier: u32,
    segment: Idx<Segment>,
    check: f64,
    has_ratio: bool,
}

/// A better tier whose average check is below a worse tier's, among
/// segments that can meet in one queue (audit 15, L9: diners and
/// restaurants never wait in the same queue, so their tiers are not
/// ranked against each other). A spec with no queues compares every
/// tiered segment.
fn inverted_checks(ctx: &mut Ctx) {
    let model = ctx.model;
    let entries: Vec<Entry> = model
        .segments
        .iter()
        .filter_map(|(segment, s)| {
            Some(Entry {
                tier: s.tier?.value,
                segment,
                check: s.profile.average_check?.value,
                has_ratio: s.revenue_per_customer().is_some(),
            })
        })
        .collect();
    if model.queues.is_empty() {
        for (better, worse) in inversions(entries) {
            report_inverted(ctx, &better, &worse, None);
        }
        return;
    }
    // One finding per segment: the first queue where a worse tier's check
    // beats it.
    let mut found: Vec<(Entry, Entry, Idx<Queue>)> = Vec::new();
    for (id, queue) in model.queues.iter() {
        let Some(channel) = queue.channel.as_ref().and_then(|c| c.target) else {
            continue;
        };
        let takes = |s: Idx<Segment>| {
            (queue.segments.is_empty() || queue.segments.iter().any(|r| r.target == Some(s)))
                && super::channels::takes_contacts(model, channel, s)
        };
        let met: Vec<Entry> = entries
            .iter()
            .filter(|e| takes(e.segment))
            .copied()
            .collect();
        for (better, worse) in inversions(met) {
            if !found.iter().any(|(b, ..)| b.segment == better.segment) {
                found.push((better, worse, id));
            }
        }
    }
    found.sort_by_key(|(b, ..)| b.segment);
    for (better, worse, queue) in found {
        report_inverted(ctx, &better, &worse, Some(queue));
    }
}

/// Each entry a worse tier's check beats, with the best such rival. Worst
/// tier first, the best check seen among worse tiers carried up — once
/// among all of them, once among those without a ratio (the only ones an
/// entry with a ratio is compared with here) — so the cost is a sort, not
/// all pairs.
fn inversions(mut entries: Vec<Entry>) -> Vec<(Entry, Entry)> {
    entries.sort_by_key(|e| (std::cmp::Reverse(e.tier), e.segment));
    let mut found = Vec::new();
    let mut best_any: Option<Entry> = None;
    let mut best_without_ratio: Option<Entry> = None;
    let better = |a: &Entry, b: Option<Entry>| b.is_none_or(|b| a.check > b.check);
    for group in entries.chunk_by(|a, b| a.tier == b.tier) {
        for e in group {
            let rival = if e.has_ratio {
                best_without_ratio
            } else {
                best_any
            };
            if let Some(worse) = rival.filter(|w| w.check > e.check) {
                found.push((*e, worse));
            }
        }
        for e in group {
            if better(e, best_any) {
                best_any = Some(*e);
            }
            if !e.has_ratio && better(e, best_without_ratio) {
                best_without_ratio = Some(*e);
            }
        }
    }
    found
}

fn report_inverted(ctx: &mut Ctx, better: &Entry, worse: &Entry, queue: Option<Idx<Queue>>) {
    let model = ctx.model;
    let (s, w) = (
        &model.segments[better.segment],
        &model.segments[worse.segment],
    );
    let span = s.tier.map_or(s.header.span, |t| t.span);
    let message = match queue {
        None => msg!(
            "tier-without-value",
            tier = better.tier,
            segment = &s.header.id,
            check = money(better.check),
            worse_tier = worse.tier,
            worse = &w.header.id,
            worse_check = money(worse.check)
        ),
        Some(queue) => msg!(
            "tier-without-value-queue",
            tier = better.tier,
            segment = &s.header.id,
            check = money(better.check),
            worse_tier = worse.tier,
            worse = &w.header.id,
            worse_check = money(worse.check),
            queue = &model.queues[queue].header.id
        ),
    };
    ctx.report(
        Diagnostic::new(Code::TierWithoutValue, span, message)
            .help(msg!("tier-without-value-help", worse = &w.header.id)),
    );
}

/// Tiered segments that give no value figure while another segment does:
/// their tier rests on nothing the spec states.
fn missing_figures(ctx: &mut Ctx) {
    let model = ctx.model;
    let gives =
        |s: &Segment| s.revenue_per_customer().is_some() || s.profile.average_check.is_some();
    let Some(example) = model.segments.values().find(|s| gives(s)) else {
        return;
    };
    for s in model.segments.values().filter(|s| !gives(s)) {
        let Some(tier) = s.tier else { continue };
        ctx.report(
            Diagnostic::new(
                Code::TierWithoutValue,
                tier.span,
                msg!(
                    "tier-without-value-figure",
                    tier = tier.value,
                    segment = &s.header.id,
                    example = &example.header.id
                ),
            )
            .help(msg!("tier-without-value-figure-help")),
        );
    }
}

/// A sum of money as the spec writes it: whole units, no separators.
fn money(amount: f64) -> crate::i18n::Figure {
    crate::i18n::Figure::text(if amount.fract() == 0.0 {
        format!("{amount:.0}")
    } else {
        format!("{amount:.2}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The sweep reports exactly the entries that some entry of a worse
        /// tier beats on average check, where `pareto-mismatch` cannot judge
        /// the pair (not both with a ratio) — the pairwise definition,
        /// checked pair by pair — and names a rival that does beat it.
        #[test]
        fn the_sweep_finds_what_comparing_every_pair_finds(
            raw in proptest::collection::vec((1u32..5, 0u32..6, any::<bool>()), 0..24)
        ) {
            let entries: Vec<Entry> = raw
                .iter()
                .enumerate()
                .map(|(i, &(tier, check, has_ratio))| Entry {
                    tier,
                    segment: Idx::new(i),
                    check: f64::from(check) * 1000.0,
                    has_ratio,
                })
                .collect();
            let beats = |w: &Entry, e: &Entry| {
                w.tier > e.tier && w.check > e.check && !(w.has_ratio && e.has_ratio)
            };
            let found = inversions(entries.clone());
            let reported: Vec<Idx<Segment>> = found.iter().map(|(e, _)| e.segment).collect();
            for e in &entries {
                let oracle = entries.iter().any(|w| beats(w, e));
                prop_assert_eq!(oracle, reported.contains(&e.segment));
            }
            for (e, w) in &found {
                prop_assert!(beats(w, e));
            }
            // One finding per segment, not one per rival.
            let mut once = reported.clone();
            once.sort();
            once.dedup();
            prop_assert_eq!(once.len(), reported.len());
        }
    }
}
