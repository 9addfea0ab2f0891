//! Tiers that match value: tier-inversion, pareto-mismatch.
//!
//! Both compare each segment with the segments of worse tiers (a larger
//! number): entries are sorted by tier and swept from the worst tier up,
//! carrying the best figure seen among worse tiers, so a spec with many
//! segments costs `O(n log n)`, not a comparison of every pair.

use super::{Ctx, Timed};
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::i18n::Figure;
use crate::model::{Calendar, Channel, Idx, Model, Segment};
use crate::msg;
use crate::source::Span;
use crate::syntax::values::{Duration, Percent, TimeLimit};
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

/// One target of a segment: how fast, for how many contacts. Targets
/// without a percentage (first response, resolution) hold for every
/// contact: 100%.
#[derive(Clone, Copy)]
struct Entry {
    tier: u32,
    segment: Idx<Segment>,
    /// On its SLA's clock; a `wd` limit at the longest it can last.
    within: Timed,
    /// The clock it counts on ([`clock_key`]).
    clock: Option<Idx<Calendar>>,
    /// The shortest and the longest wall-clock time it can last, over
    /// every moment it may start (the longest duration there is when it
    /// never ends): what a target on another clock is compared with.
    wall: (Duration, Duration),
    percent: Percent,
    span: Span,
    /// A `resolution` without a channel, standing in for a channel's.
    general: bool,
}

/// The clock a target counts on, as far as its length goes: `None` for
/// one that runs around the clock (the wall clock, a 24x7 calendar with no
/// holidays), else the first calendar with the same hours, holidays and
/// time zone — two calendars that say the same count the same.
fn clock_key(model: &Model, clock: Option<Idx<Calendar>>) -> Option<Idx<Calendar>> {
    let calendar = &model.calendars[clock?];
    if calendar.is_24x7() {
        return None;
    }
    model.calendars.iter().find_map(|(id, c)| {
        (c.week == calendar.week
            && c.closed == calendar.closed
            && c.opened == calendar.opened
            && c.zone_name() == calendar.zone_name())
        .then_some(id)
    })
}

/// How one target was found weaker than another's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Compared {
    /// On one clock: running time against running time.
    OneClock,
    /// On two clocks: the worse tier's longest wall-clock time against the
    /// better tier's shortest.
    WallClock,
}

fn inversions(ctx: &mut Ctx) {
    let model = ctx.model;
    let mut by_kind: BTreeMap<Kind, Vec<Entry>> = BTreeMap::new();
    // Per segment, its resolutions without a channel: they also count on
    // every channel another segment gives a resolution of its own.
    let mut general: Vec<(Idx<Segment>, Vec<Entry>)> = Vec::new();
    let mut resolved_on: BTreeMap<Idx<Channel>, Vec<Idx<Segment>>> = BTreeMap::new();
    for (segment, s) in model.segments.iter() {
        let Some(tier) = s.tier.map(|t| t.value) else {
            continue;
        };
        let all = Percent::new(100.0);
        let mut own_general = Vec::new();
        for &sla in ctx.slas_of(segment) {
            let sla = &model.slas[sla];
            let timed = |within| (within, Timed::new(model, within, sla.clock()));
            let entry = |(limit, within), percent, span| {
                let never = Duration::from_seconds(u64::MAX);
                Entry {
                    tier,
                    segment,
                    within,
                    clock: clock_key(model, sla.clock()),
                    wall: (
                        model.shortest_wall(limit, sla.clock()).unwrap_or(never),
                        model.longest_on(limit, sla.clock(), None).unwrap_or(never),
                    ),
                    percent,
                    span,
                    general: false,
                }
            };
            // Only the targets that apply to the segment: on channels it uses.
            let applies = |c| model.target_applies(segment, Some(c));
            for a in &sla.answers {
                if let Some(c) = a.channel.target.filter(|&c| applies(c)) {
                    let e = entry(timed(a.within), a.percent, a.span);
                    by_kind.entry(Kind::Answer(c)).or_default().push(e);
                }
            }
            for f in &sla.first_responses {
                if let Some(c) = f.channel.target.filter(|&c| applies(c)) {
                    let e = entry(timed(f.within), all, f.span);
                    by_kind.entry(Kind::FirstResponse(c)).or_default().push(e);
                }
            }
            for r in &sla.resolutions {
                let e = entry(timed(r.within), all, r.span);
                match &r.channel {
                    None => own_general.push(e),
                    Some(channel) => {
                        let Some(c) = channel.target.filter(|&c| applies(c)) else {
                            continue;
                        };
                        let on = resolved_on.entry(c).or_default();
                        if on.last() != Some(&segment) {
                            on.push(segment);
                        }
                        by_kind
                            .entry(Kind::Resolution(Some(c)))
                            .or_default()
                            .push(e);
                    }
                }
            }
        }
        if !own_general.is_empty() {
            by_kind
                .entry(Kind::Resolution(None))
                .or_default()
                .extend(own_general.iter().copied());
            general.push((segment, own_general));
        }
    }
    // A segment's resolution without a channel governs a channel it uses
    // where it has none of its own.
    for (&channel, own) in &resolved_on {
        let entries = by_kind.entry(Kind::Resolution(Some(channel))).or_default();
        for (segment, lines) in &general {
            if own.binary_search(segment).is_err() && model.uses_channel(*segment, channel) {
                entries.extend(lines.iter().map(|e| Entry {
                    general: true,
                    ..*e
                }));
            }
        }
    }
    // A resolution for every channel is reported once, under the first
    // kind that finds it beaten (`Resolution(None)` sorts first).
    let mut general_reported = std::collections::HashSet::new();
    for (kind, mut entries) in by_kind {
        against_worse_tiers_2d(&mut entries, |e, worse, compared| {
            let seen = matches!(kind, Kind::Resolution(Some(_)))
                && e.general
                && (worse.general || general_reported.contains(&e.span));
            if seen {
                return;
            }
            if e.general || kind == Kind::Resolution(None) {
                general_reported.insert(e.span);
            }
            report_inversion(ctx, kind, (e, worse), compared);
        });
    }
}

/// Calls `report(entry, worse, how)` for each entry that an entry of a
/// strictly worse tier is stricter than: at least as fast and for at least
/// as many contacts, and better in one. On the same clock "as fast" is
/// running time against running time. Across clocks it is wall-clock time:
/// the worse tier's target at its longest no longer than the better tier's
/// at its shortest — every customer of the better tier may be kept waiting
/// as long as any customer of the worse tier ever waits. Worst tier first,
/// keeping each clock's Pareto frontier of the worse tiers — the entries
/// no other beats in both — so each entry is a look-up per clock:
/// `O(n log n)` for a spec's few calendars.
fn against_worse_tiers_2d(entries: &mut [Entry], mut report: impl FnMut(&Entry, &Entry, Compared)) {
    entries.sort_by_key(|e| (std::cmp::Reverse(e.tier), e.segment, e.span));
    let mut running: BTreeMap<Option<Idx<Calendar>>, Frontier> = BTreeMap::new();
    let mut wall: BTreeMap<Option<Idx<Calendar>>, Frontier> = BTreeMap::new();
    let mut i = 0;
    while i < entries.len() {
        let tier = entries[i].tier;
        let same_tier = entries[i..].iter().take_while(|e| e.tier == tier).count();
        let group = &entries[i..i + same_tier];
        for e in group {
            let on_one = running
                .get(&e.clock)
                .and_then(|f| f.stricter_than(e.within.longest, e.percent))
                .map(|w| (w, Compared::OneClock));
            let across = || {
                wall.iter()
                    .filter(|(clock, _)| **clock != e.clock)
                    .find_map(|(_, f)| f.stricter_than(e.wall.0, e.percent))
                    .map(|w| (w, Compared::WallClock))
            };
            if let Some((worse, compared)) = on_one.or_else(across) {
                report(e, &worse, compared);
            }
        }
        for e in group {
            running
                .entry(e.clock)
                .or_default()
                .insert(e.within.longest, *e);
            wall.entry(e.clock).or_default().insert(e.wall.1, *e);
        }
        i += same_tier;
    }
}

/// Entries no other entry is stricter than, by a time (running or
/// wall-clock, as the frontier is kept): as the time grows the percentage
/// grows strictly.
#[derive(Default)]
struct Frontier {
    by_time: BTreeMap<Duration, Entry>,
}

impl Frontier {
    /// The entry of the frontier with the highest percentage among those
    /// at least as fast as `time`, if it is stricter than a target of
    /// `time` for `percent`: as fast and for as many, and better in one.
    fn stricter_than(&self, time: Duration, percent: Percent) -> Option<Entry> {
        let (&t, best) = self.by_time.range(..=time).next_back()?;
        let (p, q) = (best.percent.value(), percent.value());
        (p >= q && (t < time || p > q)).then_some(*best)
    }

    fn insert(&mut self, time: Duration, e: Entry) {
        let covered = self
            .by_time
            .range(..=time)
            .next_back()
            .is_some_and(|(_, f)| f.percent.value() >= e.percent.value());
        if covered {
            return;
        }
        let beaten: Vec<Duration> = self
            .by_time
            .range(time..)
            .take_while(|(_, f)| f.percent.value() <= e.percent.value())
            .map(|(&t, _)| t)
            .collect();
        for t in beaten {
            self.by_time.remove(&t);
        }
        self.by_time.insert(time, e);
    }
}

/// Calls `report(entry, worse)` for each entry that a strictly worse tier
/// beats, with the entry of the worse tiers that beats everything else
/// there. Worst tier first, each tier after the tiers below it, so the
/// sweep is one pass after a sort.
pub(super) fn against_worse_tiers<T: Copy>(
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

fn report_inversion(
    ctx: &mut Ctx,
    kind: Kind,
    (better, worse): (&Entry, &Entry),
    compared: Compared,
) {
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
    let as_written = |e: &Entry| match kind {
        Kind::Answer(_) => msg!(
            "tier-target-percent",
            percent = e.percent.to_string(),
            within = e.within.shown_genitive()
        ),
        _ => msg!("tier-target", within = e.within.shown_genitive()),
    };
    // Across clocks each side on a clock that stops says how long it can
    // last on the wall clock: the better tier's at the least, the worse
    // tier's at the most.
    // (Not when that is the time as written: running time that no closed
    // stretch can lengthen.)
    let on_wall = |e: &Entry, wall: Duration| {
        compared == Compared::WallClock
            && e.clock.is_some()
            && (matches!(e.within.limit, TimeLimit::WorkingDays(_)) || wall != e.within.longest)
    };
    let seconds = |d: Duration| crate::i18n::Arg::seconds(d.seconds(), false);
    let better_target = match on_wall(better, better.wall.0) {
        true => msg!(
            "tier-wall-at-least",
            target = as_written(better),
            wall = seconds(better.wall.0)
        ),
        false => as_written(better),
    };
    let worse_target = match on_wall(worse, worse.wall.1) {
        true => msg!(
            "tier-wall-at-most",
            target = as_written(worse),
            wall = seconds(worse.wall.1)
        ),
        false => as_written(worse),
    };
    ctx.report(
        Diagnostic::new(
            Code::TierInversion,
            better.span,
            msg!(
                "tier-inversion",
                tier = better.tier,
                segment = &b.header.id,
                what = what,
                target = better_target,
                worse_tier = worse.tier,
                worse = &w.header.id,
                worse_target = worse_target.clone()
            ),
        )
        .help(msg!(
            "tier-inversion-help",
            segment = &b.header.id,
            target = worse_target
        )),
    );
}

fn pareto(ctx: &mut Ctx) {
    let model = ctx.model;
    if super::coverage::shares_over_100(model) {
        return; // `share-over-100` said the figures are wrong
    }
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
                        revenue = s.revenue.map(|r| r.value.figure()).unwrap_or_default(),
                        share = s.share.map(|r| r.value.figure()).unwrap_or_default(),
                        ratio = Figure::text(format!("{value:.2}")),
                        worse_tier = worse_tier,
                        worse = &w.header.id,
                        worse_ratio = Figure::text(format!("{worse_value:.2}"))
                    ),
                )
                .help(msg!("pareto-mismatch-help", worse = &w.header.id)),
            );
        },
    );
}
