//! missing-agreement: work for a tier-1 segment that passes between teams
//! without an internal agreement (OLA) covering the handoff.

use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{Idx, Model, Party, Ref, Team};
use crate::source::Span;
use std::collections::{HashMap, HashSet};
use std::fmt;

pub const DOCS: &[CodeDoc] = &[CodeDoc {
    code: Code::MissingAgreement,
    summary: "Work for a tier-1 segment passes from one team to another (consecutive journey \
              steps, or a complaint's owner and its escalation target) and no `agreement` has the \
              receiving team as provider and the handing team as consumer.",
    why: "An external promise is only as good as the internal ones behind it. When the best \
          customers' work crosses a team boundary, the receiving team must have agreed how fast \
          it takes over; otherwise the handoff is where the time goes.",
    bad: "step measure { owner design; next production }\nstep production { owner factory; ... }   # no agreement factory→design",
    fix: "agreement factory_for_design { provider factory; consumer design; respond within 1d }",
}];

/// The team that owns work, if the owner is known.
fn owning_team(model: &Model, owner: Option<&Ref<Party>>) -> Option<Idx<Team>> {
    owner.and_then(|o| o.target).and_then(|p| model.team_of(p))
}

pub fn check(ctx: &mut Ctx) {
    let model = ctx.model;
    let covered: HashSet<(Idx<Team>, Idx<Team>)> = model
        .agreements
        .values()
        .filter_map(|a| Some((a.provider.as_ref()?.target?, a.consumer.as_ref()?.target?)))
        .collect();
    let top_tier = |segment: Idx<crate::model::Segment>| {
        model.segments[segment].tier.is_some_and(|t| t.value == 1)
    };
    // One finding per pair of teams in a journey (or a complaint rule), at
    // the first handoff: one agreement settles every handoff between them.
    let report = |ctx: &mut Ctx, handoffs: Vec<Handoff>| {
        let mut first: HashMap<(Idx<Team>, Idx<Team>), (usize, usize)> = HashMap::new();
        for (i, h) in handoffs.iter().enumerate() {
            if h.from != h.to && !covered.contains(&(h.to, h.from)) {
                first.entry((h.from, h.to)).or_insert((i, 0)).1 += 1;
            }
        }
        let mut pairs: Vec<(usize, usize)> = first.into_values().collect();
        pairs.sort_unstable();
        for (i, count) in pairs {
            let h = &handoffs[i];
            let (from, to) = (&model.teams[h.from].header.id, &model.teams[h.to].header.id);
            let more = match count {
                1 => String::new(),
                2 => " (one more handoff between them follows)".to_string(),
                n => format!(" ({} more handoffs between them follow)", n - 1),
            };
            ctx.report(
                Diagnostic::new(
                    Code::MissingAgreement,
                    h.span,
                    format!(
                        "{} passes tier-1 work from team `{from}` to team `{to}`, but no agreement covers this handoff{more}",
                        h.via
                    ),
                )
                .help(format!(
                    "declare `agreement {to}_for_{from} {{ provider {to}; consumer {from}; respond within ... }}`"
                )),
            );
        }
    };

    for (_, journey) in model.journeys.iter() {
        if !model.served(&journey.segments).any(top_tier) {
            continue;
        }
        let mut handoffs = Vec::new();
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
                handoffs.push(Handoff {
                    from,
                    to,
                    span: t.span,
                    via: Via::Step {
                        journey: &journey.header.id,
                        from: &step.header.id,
                        to: &next.header.id,
                    },
                });
            }
        }
        report(ctx, handoffs);
    }
    for (_, complaint) in model.complaints.iter() {
        let serves_top = model.served(&complaint.segments).any(top_tier);
        if !serves_top {
            continue;
        }
        let Some(from) = owning_team(model, complaint.owner.as_ref()) else {
            continue;
        };
        let handoffs = complaint
            .escalations
            .iter()
            .filter_map(|escalation| {
                Some(Handoff {
                    from,
                    to: owning_team(model, Some(&escalation.to))?,
                    span: escalation.span,
                    via: Via::Escalation {
                        complaint: &complaint.header.id,
                        to: &escalation.to.name,
                    },
                })
            })
            .collect();
        report(ctx, handoffs);
    }
}

/// Work passing from one team to another.
struct Handoff<'m> {
    from: Idx<Team>,
    to: Idx<Team>,
    span: Span,
    via: Via<'m>,
}

/// Where a handoff happens, as the message names it.
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

impl fmt::Display for Via<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Via::Step { journey, from, to } => {
                write!(f, "journey `{journey}` (step `{from}` → `{to}`)")
            }
            Via::Escalation { complaint, to } => {
                write!(f, "complaint rule `{complaint}` (escalation to `{to}`)")
            }
        }
    }
}
