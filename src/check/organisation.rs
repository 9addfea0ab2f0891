//! Organisation rules: missing-owner, reports-to-cycle, escalation-cycle,
//! role-without-duties.

use super::graph;
use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::i18n::Message;
use crate::model::{Party, Ref};
use crate::msg;
use crate::source::Span;
use std::collections::BTreeMap;

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::MissingOwner,
        context: "",
        bad: "complaint defect \"Product defect\" { resolve within 3d }",
        fix: "complaint defect \"Product defect\" { owner quality; resolve within 3d }",
    },
    CodeDoc {
        code: Code::ReportsToCycle,
        context: "",
        bad: "role a { reports_to b }\nrole b { reports_to a }",
        fix: "role a { reports_to b }\nrole b { }",
    },
    CodeDoc {
        code: Code::EscalationCycle,
        context: "",
        bad: "complaint late { owner support; escalate after 1d to support_lead; escalate after 2d to support }",
        fix: "complaint late { owner support; escalate after 1d to support_lead; escalate after 2d to cx_director }",
    },
    CodeDoc {
        code: Code::RoleWithoutDuties,
        context: "",
        bad: "role agent \"Customer service agent\" { team support }",
        fix: "role agent \"Customer service agent\" { team support; duty \"Resolve the request at first contact\" }",
    },
];

pub fn check(ctx: &mut Ctx) {
    missing_owners(ctx);
    reports_to_cycles(ctx);
    escalation_cycles(ctx);
    roles_without_duties(ctx);
}

fn missing_owner(ctx: &mut Ctx, owner: &Option<Ref<Party>>, span: Span, what: Message) {
    if owner.is_none() {
        ctx.report(
            Diagnostic::new(Code::MissingOwner, span, msg!("missing-owner", what = what))
                .help(msg!("missing-owner-help")),
        );
    }
}

fn missing_owners(ctx: &mut Ctx) {
    let model = ctx.model;
    for (_, journey) in model.journeys.iter() {
        for (_, step) in journey.steps.iter() {
            let what = msg!(
                "the-step",
                step = &step.header.id,
                journey = &journey.header.id
            );
            missing_owner(ctx, &step.owner, step.header.span, what);
        }
    }
    for (_, complaint) in model.complaints.iter() {
        let what = msg!("the-complaint", complaint = &complaint.header.id);
        missing_owner(ctx, &complaint.owner, complaint.header.span, what);
    }
    for (_, channel) in model.channels.iter() {
        if !channel.self_service {
            let what = msg!("the-channel", channel = &channel.header.id);
            missing_owner(ctx, &channel.owner, channel.header.span, what);
        }
    }
}

/// Each role reports to at most one role, so every circle is found by walking
/// forward from each role once (colours mark roles already walked).
fn reports_to_cycles(ctx: &mut Ctx) {
    let model = ctx.model;
    let n = model.roles.len();
    let next: Vec<Option<usize>> = model
        .roles
        .values()
        .map(|r| {
            r.reports_to
                .as_ref()
                .and_then(|t| t.target)
                .map(|t| t.index())
        })
        .collect();
    // 0: not visited, 1: on the current walk, 2: finished.
    let mut colour = vec![0u8; n];
    for root in 0..n {
        let mut walk = Vec::new();
        let mut at = Some(root);
        while let Some(v) = at {
            if colour[v] == 2 {
                break;
            }
            if colour[v] == 1 {
                let from = walk.iter().position(|&w| w == v).unwrap_or(0);
                report_reports_to_cycle(ctx, &walk[from..]);
                break;
            }
            colour[v] = 1;
            walk.push(v);
            at = next[v];
        }
        for v in walk {
            colour[v] = 2;
        }
    }
}

fn report_reports_to_cycle(ctx: &mut Ctx, circle: &[usize]) {
    let model = ctx.model;
    let roles: Vec<_> = circle
        .iter()
        .map(|&i| &model.roles[crate::model::Idx::new(i)])
        .collect();
    // Point at the member declared first, so the report does not depend on
    // where the walk entered the circle.
    let first = (0..roles.len())
        .min_by_key(|&i| roles[i].header.span)
        .unwrap_or(0);
    let mut names: Vec<&str> = roles[first..]
        .iter()
        .chain(&roles[..first])
        .map(|r| r.header.id.as_str())
        .collect();
    names.push(names[0]);
    let span = roles[first]
        .reports_to
        .as_ref()
        .map_or(roles[first].header.span, |r| r.span);
    let message = if circle.len() == 1 {
        msg!("reports-to-self", role = names[0])
    } else {
        msg!(
            "reports-to-cycle",
            roles = super::chain(names.iter().copied())
        )
    };
    ctx.report(
        Diagnostic::new(Code::ReportsToCycle, span, message).help(msg!("reports-to-cycle-help")),
    );
}

/// Escalation edges run owner → first target → second target ... for every
/// complaint; a circle in their union is a ladder that leads back.
fn escalation_cycles(ctx: &mut Ctx) {
    let model = ctx.model;
    let mut nodes: BTreeMap<Party, usize> = BTreeMap::new();
    let mut parties = Vec::new();
    let mut edges = Vec::new();
    let mut edge_spans: BTreeMap<(usize, usize), Span> = BTreeMap::new();
    let mut node = |p: Party| {
        *nodes.entry(p).or_insert_with(|| {
            parties.push(p);
            parties.len() - 1
        })
    };
    for (_, complaint) in model.complaints.iter() {
        let mut previous = complaint
            .owner
            .as_ref()
            .and_then(|o| o.target)
            .map(&mut node);
        for escalation in &complaint.escalations {
            let Some(to) = escalation.to.target.map(&mut node) else {
                previous = None;
                continue;
            };
            if let Some(from) = previous {
                edges.push((from, to));
                edge_spans.entry((from, to)).or_insert(escalation.span);
            }
            previous = Some(to);
        }
    }
    let graph = graph::graph_of(parties.len(), edges);
    let components = graph::components(&graph);
    let mut component_of = vec![usize::MAX; parties.len()];
    for (c, members) in components.iter().enumerate() {
        for &m in members {
            component_of[m] = c;
        }
    }
    // The first escalate statement inside each circle, found in one pass.
    let mut first_span: Vec<Option<Span>> = vec![None; components.len()];
    for (&(a, b), &span) in &edge_spans {
        if component_of[a] == component_of[b] {
            let slot = &mut first_span[component_of[a]];
            *slot = Some(slot.map_or(span, |s| s.min(span)));
        }
    }
    for (c, component) in components.iter().enumerate() {
        let Some(span) = first_span[c] else { continue };
        if !graph::is_cycle(&graph, component) {
            continue;
        }
        let names: Vec<String> = component
            .iter()
            .map(|&i| format!("`{}`", model.party_id(parties[i])))
            .collect();
        let message = if component.len() == 1 {
            msg!("escalation-to-self", party = &names[0])
        } else {
            msg!("escalation-cycle", parties = names.join(", "))
        };
        ctx.report(
            Diagnostic::new(Code::EscalationCycle, span, message)
                .help(msg!("escalation-cycle-help")),
        );
    }
}

fn roles_without_duties(ctx: &mut Ctx) {
    let model = ctx.model;
    for (_, role) in model.roles.iter() {
        // An outside body's duties are not the company's to write.
        if role.duties.is_empty() && !role.external {
            ctx.report(
                Diagnostic::new(
                    Code::RoleWithoutDuties,
                    role.header.span,
                    msg!("role-without-duties", role = &role.header.id),
                )
                .help(msg!("role-without-duties-help")),
            );
        }
    }
}
