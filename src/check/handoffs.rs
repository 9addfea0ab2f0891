//! missing-agreement: work for a tier-1 segment that passes between teams
//! without an internal agreement (OLA) covering the handoff.

use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{Idx, Model, Party, Ref, SegmentScope, Team};
use crate::source::Span;
use std::collections::HashSet;

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
    let mut reported = HashSet::new();
    let mut report = |ctx: &mut Ctx,
                      from: Idx<Team>,
                      to: Idx<Team>,
                      span: Span,
                      context: String| {
        if from == to || covered.contains(&(to, from)) || !reported.insert((from, to, span)) {
            return;
        }
        let (from, to) = (&model.teams[from].header.id, &model.teams[to].header.id);
        ctx.report(
            Diagnostic::new(
                Code::MissingAgreement,
                span,
                format!("{context} passes tier-1 work from team `{from}` to team `{to}`, but no agreement covers this handoff"),
            )
            .help(format!(
                "declare `agreement {to}_for_{from} {{ provider {to}; consumer {from}; respond within ... }}`"
            )),
        );
    };

    for (_, journey) in model.journeys.iter() {
        if !ctx.served(&journey.segments).any(top_tier) {
            continue;
        }
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
                let context = format!(
                    "journey `{}` (step `{}` → `{}`)",
                    journey.header.id, step.header.id, next.header.id
                );
                report(ctx, from, to, t.span, context);
            }
        }
    }
    for (_, complaint) in model.complaints.iter() {
        let serves_top = match &complaint.segments {
            SegmentScope::Any => model.segments.ids().any(top_tier),
            SegmentScope::List(list) => list.iter().filter_map(|s| s.target).any(top_tier),
        };
        if !serves_top {
            continue;
        }
        let Some(from) = owning_team(model, complaint.owner.as_ref()) else {
            continue;
        };
        for escalation in &complaint.escalations {
            let Some(to) = owning_team(model, Some(&escalation.to)) else {
                continue;
            };
            let context = format!(
                "complaint rule `{}` (escalation to `{}`)",
                complaint.header.id, escalation.to.name
            );
            report(ctx, from, to, escalation.span, context);
        }
    }
}
