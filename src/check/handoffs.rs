//! Work that passes between teams, and the internal agreements (OLAs)
//! behind it: missing-agreement, agreement-too-slow.
//!
//! One walk collects the handoffs — consecutive journey steps owned by
//! different teams, a complaint's owner and its escalation targets — with the
//! time the receiving team has; both rules read that list.

use super::{AgreementScope, Ctx, Timed};
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::i18n::Message;
use crate::model::workdays;
use crate::model::{Agreement, Complaint, Idx, Model, Party, Ref, Role, Segment, Team};
use crate::msg;
use crate::source::Span;
use crate::syntax::values::{Duration, TimeLimit};
use std::collections::{BTreeMap, HashMap, HashSet};

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::MissingAgreement,
        context: "segment vip { tier 1; channels phone }
sla vip_sla for vip { answer phone 80% within 20s }",
        bad: "journey order {
  segments vip
  start measure
  step measure { owner design; channel phone; next production }
  step production { owner factory; end }
}",
        fix: "journey order {
  segments vip
  start measure
  step measure { owner design; channel phone; next production }
  step production { owner factory; end }
}
agreement factory_for_design { provider factory; consumer design; respond within 1d }",
    },
    CodeDoc {
        code: Code::AgreementTooSlow,
        context: "",
        bad: "complaint outage { owner support; resolve within 1d; escalate after 4h to it_lead }\nagreement it_for_support { provider it; consumer support; respond within 2d }",
        fix: "complaint outage { owner support; resolve within 1d; escalate after 4h to it_lead }\nagreement it_for_support { provider it; consumer support; respond within 2h }",
    },
];

/// The team that owns work, if the owner is known.
/// The team whose work it is; none for an outside body (`external`): work
/// handed outside the company needs no internal agreement.
fn owning_team(model: &Model, owner: Option<&Ref<Party>>) -> Option<Idx<Team>> {
    owner
        .and_then(|o| o.target)
        .filter(|&p| !model.outside(Some(p)))
        .and_then(|p| model.team_of(p))
}

/// Work passing from one team to another.
struct Handoff<'m> {
    from: Idx<Team>,
    to: Idx<Team>,
    span: Span,
    via: Via<'m>,
    /// Journeys and complaints are numbered in one sequence.
    group: usize,
    /// It serves a tier-1 segment.
    top_tier: bool,
    segments: Vec<Idx<Segment>>,
    /// The time the receiving team has, if the work sets one.
    time_left: Option<Left>,
    /// An escalation to the owner's own management line: no handoff
    /// between peer teams, so no agreement is asked for it.
    up_the_line: bool,
}

/// The time work leaves a team, on the wall clock agreements run on: the
/// shortest it can be over every moment the work may start.
#[derive(Clone, Copy)]
struct Left {
    /// As an agreement's time: wall-clock running time.
    wall: Timed,
    /// Counted on a calendar that stops: the work's own time is on
    /// another clock, and the message says both.
    on_hours: bool,
}

impl Left {
    fn new(wall: Duration, calendar: Option<&crate::model::Calendar>) -> Left {
        Left {
            wall: Timed {
                limit: TimeLimit::running(wall),
                longest: wall,
            },
            on_hours: calendar.is_some_and(|c| !c.is_24x7()),
        }
    }

    /// The shortest wall-clock time `limit` on `calendar`'s clock can last.
    fn of(limit: TimeLimit, calendar: Option<&crate::model::Calendar>) -> Left {
        let wall =
            workdays::shortest_wall(limit, calendar).unwrap_or(Duration::from_seconds(u64::MAX));
        Left::new(wall, calendar)
    }
}

/// Where a handoff happens, as a message names it.
#[derive(Clone, Copy)]
enum Via<'m> {
    Step {
        journey: &'m str,
        from: &'m str,
        to: &'m str,
    },
    Escalation {
        complaint: &'m str,
        to: &'m str,
    },
}

impl Via<'_> {
    fn message(&self) -> Message {
        match self {
            Via::Step { journey, from, to } => {
                msg!("handoff-step", journey = *journey, from = *from, to = *to)
            }
            Via::Escalation { complaint, to } => {
                msg!("handoff-escalation", complaint = *complaint, to = *to)
            }
        }
    }
}

pub fn check(ctx: &mut Ctx) {
    let handoffs = handoffs(ctx.model);
    missing(ctx, &handoffs);
    too_slow(ctx, &handoffs);
}

fn handoffs(model: &Model) -> Vec<Handoff<'_>> {
    let top_tier =
        |segment: &Idx<Segment>| model.segments[*segment].tier.is_some_and(|t| t.value == 1);
    let mut out = Vec::new();
    for (group, (_, journey)) in model.journeys.iter().enumerate() {
        let segments: Vec<Idx<Segment>> = model.served(&journey.segments).collect();
        let top = segments.iter().any(top_tier);
        for (_, step) in journey.steps.iter() {
            let Some(from) = owning_team(model, step.owner.as_ref()) else {
                continue;
            };
            for t in &step.next {
                let Some(next) = t.to.target else { continue };
                let next = &journey.steps[next];
                let Some(to) = owning_team(model, next.owner.as_ref()) else {
                    continue;
                };
                out.push(Handoff {
                    from,
                    to,
                    span: t.span,
                    via: Via::Step {
                        journey: &journey.header.id,
                        from: &step.header.id,
                        to: &next.header.id,
                    },
                    group,
                    top_tier: top,
                    segments: segments.clone(),
                    // Steps run on the wall clock: a `wd` at the least
                    // it can last there.
                    time_left: next.within.map(|w| Left::of(w.value, None)),
                    up_the_line: false,
                });
            }
        }
    }
    let journeys = model.journeys.len();
    let tree = super::escalations::Tree::new(model);
    for (group, (_, complaint)) in model.complaints.iter().enumerate() {
        let Some(from) = owning_team(model, complaint.owner.as_ref()) else {
            continue;
        };
        // The owner's management line starts at the owner (a role) and at
        // the lead of the owner's team.
        let owner_role = match complaint.owner.as_ref().and_then(|o| o.target) {
            Some(Party::Role(r)) => Some(r),
            _ => None,
        };
        let lead = model.teams[from].lead.as_ref().and_then(|l| l.target);
        let above_owner = |boss: Idx<Role>| {
            [owner_role, lead]
                .into_iter()
                .flatten()
                .any(|base| base == boss || tree.is_above(boss, base))
        };
        let segments: Vec<Idx<Segment>> = model.served(&complaint.segments).collect();
        let top = segments.iter().any(top_tier);
        for escalation in &complaint.escalations {
            let Some(to) = owning_team(model, Some(&escalation.to)) else {
                continue;
            };
            // Agreements run on the wall clock: the time left is the
            // shortest wall-clock time from the escalation to the deadline,
            // both counted on the complaint's clock. An escalation that can
            // come at the deadline reports a miss; it leaves no time to
            // work against.
            let calendar = complaint.clock().map(|c| &model.calendars[c]);
            let time_left = complaint
                .resolve
                .and_then(|r| workdays::shortest_wall_between(escalation.after, r.value, calendar))
                .and_then(|left| u64::try_from(left).ok())
                .filter(|&left| left > 0)
                .map(|left| Left::new(Duration::from_seconds(left), calendar));
            out.push(Handoff {
                from,
                to,
                span: escalation.span,
                via: Via::Escalation {
                    complaint: &complaint.header.id,
                    to: &escalation.to.name,
                },
                group: journeys + group,
                top_tier: top,
                segments: segments.clone(),
                time_left,
                up_the_line: super::escalations::head(model, &escalation.to)
                    .is_some_and(above_owner),
            });
        }
    }
    out
}

/// missing-agreement: one finding per pair of teams in a journey (or a
/// complaint rule), at the first handoff: one agreement settles them all.
/// Every handoff counts, unless `cxc.yaml` narrows it to tier-1 work. An
/// escalation up the owner's own reporting line (to the director its lead
/// reports to) is management, not work handed to a peer team: it needs no
/// agreement (agreement-too-slow still holds one that exists).
fn missing(ctx: &mut Ctx, handoffs: &[Handoff]) {
    let model = ctx.model;
    // (provider, consumer) → the first agreement between them. An
    // agreement covers work its consumer hands to its provider, one way.
    let mut covered: HashMap<(Idx<Team>, Idx<Team>), &crate::syntax::Name> = HashMap::new();
    for a in model.agreements.values() {
        let pair = (|| Some((a.provider.as_ref()?.target?, a.consumer.as_ref()?.target?)))();
        if let Some(pair) = pair {
            covered.entry(pair).or_insert(&a.header.id);
        }
    }
    // A pair of teams in a journey or complaint rule → (first handoff, count).
    type Pair = (usize, Idx<Team>, Idx<Team>);
    let mut pairs: HashMap<Pair, (usize, usize)> = HashMap::new();
    let in_scope = |h: &Handoff| match ctx.options.agreement_scope {
        AgreementScope::All => true,
        AgreementScope::TopTier => h.top_tier,
    };
    for (i, h) in handoffs.iter().enumerate() {
        if in_scope(h) && !h.up_the_line && h.from != h.to && !covered.contains_key(&(h.to, h.from))
        {
            pairs.entry((h.group, h.from, h.to)).or_insert((i, 0)).1 += 1;
        }
    }
    let mut firsts: Vec<(usize, usize)> = pairs.into_values().collect();
    firsts.sort_unstable();
    for (i, count) in firsts {
        let h = &handoffs[i];
        let (from, to) = (&model.teams[h.from].header.id, &model.teams[h.to].header.id);
        // The agreement the other way, if any: why this one is not covered.
        let reverse = match covered.get(&(h.from, h.to)) {
            Some(&agreement) => msg!(
                "missing-agreement-reverse",
                agreement = agreement,
                from = from,
                to = to
            )
            .into(),
            None => crate::i18n::Arg::from(""),
        };
        ctx.report(
            Diagnostic::new(
                Code::MissingAgreement,
                h.span,
                msg!(
                    "missing-agreement",
                    via = h.via.message(),
                    from = from,
                    to = to,
                    more = count - 1,
                    reverse = reverse
                ),
            )
            .help(msg!(
                "missing-agreement-help",
                from = from,
                to = to,
                infix = agreement_infix(from, to)
            )),
        );
    }
}

/// The word joining the two teams in a suggested agreement name, in the
/// names' own script: `it_for_support`, `склад_для_контакт_центра` (an
/// English `_for_` glued into Cyrillic names reads as a typo).
fn agreement_infix(from: &str, to: &str) -> &'static str {
    let cyrillic = |name: &str| name.chars().any(|c| matches!(c, '\u{400}'..='\u{4ff}'));
    if cyrillic(from) || cyrillic(to) {
        "для"
    } else {
        "for"
    }
}

/// The time an agreement gives its provider for work serving `segments`:
/// for each segment its own `respond ... for` line, else the general one;
/// the slowest of those, with its line. Agreements run on the wall clock.
fn respond_time(
    model: &Model,
    agreement: &Agreement,
    segments: &[Idx<Segment>],
) -> Option<(Timed, Span)> {
    let general = agreement.responds.iter().find(|r| r.segments.is_empty());
    segments
        .iter()
        .filter_map(|&s| {
            agreement
                .responds
                .iter()
                .find(|r| r.segments.iter().any(|x| x.target == Some(s)))
                .or(general)
        })
        .chain(segments.is_empty().then_some(general).flatten())
        .map(|r| (Timed::new(model, r.within, None), r.span))
        .max_by_key(|&(within, span)| (within.longest, std::cmp::Reverse(span)))
}

/// What work an agreement's line fails, and how many times.
struct Conflict {
    /// "agreement `it_for_support` gives team `it` 2d to respond".
    gives: Message,
    /// A `resolve` line, which has no `for SEGMENT` form.
    resolve: bool,
    work: Message,
    time_left: Left,
    count: usize,
}

/// agreement-too-slow: each agreement line slower than work it serves is
/// reported once, with the work that leaves the least time.
fn too_slow(ctx: &mut Ctx, handoffs: &[Handoff]) {
    let model = ctx.model;
    let mut under: HashMap<(Idx<Team>, Idx<Team>), Vec<&Agreement>> = HashMap::new();
    let mut provided: HashMap<Idx<Team>, Vec<&Agreement>> = HashMap::new();
    for a in model.agreements.values() {
        let (Some(provider), Some(consumer)) = (
            a.provider.as_ref().and_then(|p| p.target),
            a.consumer.as_ref().and_then(|c| c.target),
        ) else {
            continue;
        };
        under.entry((provider, consumer)).or_default().push(a);
        provided.entry(provider).or_default().push(a);
    }
    let mut conflicts: BTreeMap<Span, Conflict> = BTreeMap::new();
    let mut note = |line: Line, time_left: Left, work: &dyn Fn() -> Message| {
        if line.time.longest <= time_left.wall.longest {
            return;
        }
        let conflict = conflicts.entry(line.span).or_insert_with(|| Conflict {
            gives: line.gives(),
            resolve: line.resolve,
            work: work(),
            time_left,
            count: 0,
        });
        conflict.count += 1;
        if time_left.wall.longest < conflict.time_left.wall.longest {
            conflict.time_left = time_left;
            conflict.work = work();
        }
    };
    for h in handoffs {
        let journey_step = matches!(h.via, Via::Step { .. });
        let (Some(time_left), true) =
            (h.time_left, h.from != h.to && (h.top_tier || !journey_step))
        else {
            continue;
        };
        for a in under.get(&(h.to, h.from)).into_iter().flatten() {
            let lines = [
                Line::respond(model, a, &h.segments),
                Line::resolve(model, a),
            ];
            for line in lines.into_iter().flatten() {
                let to = &model.teams[h.to].header.id;
                let time = time_left.wall.shown();
                let work = || match h.via {
                    Via::Step { .. } => msg!(
                        "handoff-step-work",
                        via = h.via.message(),
                        time = time_left.wall.shown_genitive(),
                        to = to
                    ),
                    Via::Escalation { .. } if time_left.on_hours => msg!(
                        "handoff-escalation-work-hours",
                        via = h.via.message(),
                        time = time.clone(),
                        to = to
                    ),
                    Via::Escalation { .. } => msg!(
                        "handoff-escalation-work",
                        via = h.via.message(),
                        time = time.clone(),
                        to = to
                    ),
                };
                note(line, time_left, &work);
            }
        }
    }
    for (_, complaint) in model.complaints.iter() {
        let Some(owner) = owning_team(model, complaint.owner.as_ref()) else {
            continue;
        };
        let segments: Vec<Idx<Segment>> = model.served(&complaint.segments).collect();
        // An agreement binds the owner's work on a complaint only when the
        // complaint passes through the consumer team: a billing complaint
        // that never reaches sales does not run on support's promise to
        // sales.
        let on_path: HashSet<Idx<Team>> = complaint
            .escalations
            .iter()
            .filter_map(|e| owning_team(model, Some(&e.to)))
            .collect();
        for a in provided.get(&owner).into_iter().flatten() {
            let consumer = a.consumer.as_ref().and_then(|c| c.target);
            if consumer.is_some_and(|c| c != owner && on_path.contains(&c)) {
                owned_complaint(model, complaint, a, &segments, &mut note);
            }
        }
    }
    for (span, c) in conflicts {
        ctx.report(
            Diagnostic::new(
                Code::AgreementTooSlow,
                span,
                msg!(
                    "agreement-too-slow",
                    gives = c.gives,
                    work = c.work,
                    more = c.count - 1
                ),
            )
            .help(if c.resolve {
                msg!(
                    "agreement-too-slow-help-resolve",
                    time = c.time_left.wall.shown_genitive()
                )
            } else {
                msg!(
                    "agreement-too-slow-help",
                    time = c.time_left.wall.shown_genitive()
                )
            }),
        );
    }
}

/// A complaint its owner's team must handle faster than that team agreed to
/// work for the teams it serves: its times at the shortest they can last on
/// the wall clock, the agreement's.
fn owned_complaint(
    model: &Model,
    complaint: &Complaint,
    agreement: &Agreement,
    segments: &[Idx<Segment>],
    note: &mut impl FnMut(Line, Left, &dyn Fn() -> Message),
) {
    let team = agreement.provider.as_ref().map_or("", |p| p.name.as_str());
    let id = &complaint.header.id;
    let calendar = complaint.clock().map(|c| &model.calendars[c]);
    let timed = |limit| Timed::new(model, limit, complaint.clock());
    let work = |resolve: bool, limit: TimeLimit, left: Left| {
        let within = timed(limit).shown_genitive();
        let wall = left.wall.shown();
        match (resolve, left.on_hours) {
            (false, false) => msg!(
                "complaint-acknowledge-work",
                complaint = id,
                team = team,
                within = within
            ),
            (false, true) => msg!(
                "complaint-acknowledge-work-hours",
                complaint = id,
                team = team,
                within = within,
                wall = wall
            ),
            (true, false) => msg!(
                "complaint-resolve-work",
                complaint = id,
                team = team,
                within = within
            ),
            (true, true) => msg!(
                "complaint-resolve-work-hours",
                complaint = id,
                team = team,
                within = within,
                wall = wall
            ),
        }
    };
    let line = Line::respond(model, agreement, segments);
    if let (Some(ack), Some(line)) = (complaint.acknowledge, line) {
        let left = Left::of(ack.value, calendar);
        note(line, left, &|| work(false, ack.value, left));
    }
    if let (Some(resolve), Some(line)) = (complaint.resolve, Line::resolve(model, agreement)) {
        let left = Left::of(resolve.value, calendar);
        note(line, left, &|| work(true, resolve.value, left));
    }
}

/// One `respond` or `resolve` line of an agreement.
#[derive(Clone, Copy)]
struct Line<'m> {
    agreement: &'m Agreement,
    /// A `resolve` line; else a `respond` line.
    resolve: bool,
    time: Timed,
    span: Span,
}

impl<'m> Line<'m> {
    fn respond(
        model: &Model,
        agreement: &'m Agreement,
        segments: &[Idx<Segment>],
    ) -> Option<Line<'m>> {
        let (time, span) = respond_time(model, agreement, segments)?;
        Some(Line {
            agreement,
            resolve: false,
            time,
            span,
        })
    }

    /// The agreement's `resolve` line, on the wall clock.
    fn resolve(model: &Model, agreement: &'m Agreement) -> Option<Line<'m>> {
        agreement.resolve.map(|agreed| Line {
            agreement,
            resolve: true,
            time: Timed::new(model, agreed.value, None),
            span: agreed.span,
        })
    }

    fn gives(&self) -> Message {
        let team = self
            .agreement
            .provider
            .as_ref()
            .map_or("", |p| p.name.as_str());
        let agreement = &self.agreement.header.id;
        let time = self.time.shown();
        if self.resolve {
            msg!(
                "agreement-gives-resolve",
                agreement = agreement,
                team = team,
                time = time
            )
        } else {
            msg!(
                "agreement-gives-respond",
                agreement = agreement,
                team = team,
                time = time
            )
        }
    }
}
