//! escalation-downward: an escalation rung whose receiver reports, directly
//! or not, to the rung before it or to the complaint's owner. Escalating
//! means handing the complaint to someone with more authority; a rung that
//! goes down the line hands it to someone who must ask the previous rung.
//!
//! "Reports to, directly or not" is a question about the `reports_to`
//! forest: one iterative walk numbers each role on entry and exit, so a
//! role is above another exactly when its interval holds the other's, and
//! each rung costs one comparison however deep the organisation is. Roles
//! in a `reports_to` circle (an error of its own) are left out.

use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{Idx, Model, Party, Ref, Role};
use crate::msg;

pub const DOCS: &[CodeDoc] = &[CodeDoc {
    code: Code::EscalationDownward,
    context: "role agent { team support; reports_to support_lead; duty \"Answers\" }",
    bad: "complaint rude { owner support_lead; acknowledge within 1h; resolve within 1d\n  escalate after 4h to agent }",
    fix: "complaint rude { owner agent; acknowledge within 1h; resolve within 1d\n  escalate after 4h to support_lead }",
}];

pub fn check(ctx: &mut Ctx) {
    let model = ctx.model;
    let tree = Tree::new(model);
    for (_, complaint) in model.complaints.iter() {
        let Some(owner) = complaint.owner.as_ref().filter(|o| o.target.is_some()) else {
            continue;
        };
        let mut previous: &Ref<Party> = owner;
        for e in &complaint.escalations {
            let Some(to) = head(model, &e.to) else {
                previous = &e.to;
                continue;
            };
            // The rung before, then the owner (when it is not that rung).
            let above = [
                Some(previous),
                (!std::ptr::eq(previous, owner)).then_some(owner),
            ];
            // Only a role is above anyone: a team that owns the complaint
            // is its members, and the receiver need not answer to them.
            let under = above
                .into_iter()
                .flatten()
                .find(|party| match party.target {
                    Some(Party::Role(boss)) => tree.is_above(boss, to),
                    _ => false,
                });
            if let Some(under) = under {
                let is_owner = std::ptr::eq(under, owner);
                ctx.report(
                    Diagnostic::new(
                        Code::EscalationDownward,
                        e.span,
                        msg!(
                            "escalation-downward",
                            complaint = &complaint.header.id,
                            to = &e.to.name,
                            boss = &under.name,
                            owner = if is_owner { "owner" } else { "rung" }
                        ),
                    )
                    .help(msg!("escalation-downward-help", boss = &under.name)),
                );
            }
            previous = &e.to;
        }
    }
}

/// The role that answers for what a party receives: a role itself, a
/// team's `lead`.
pub(super) fn head(model: &Model, party: &Ref<Party>) -> Option<Idx<Role>> {
    match party.target? {
        Party::Role(r) => Some(r),
        Party::Team(t) => model.teams[t].lead.as_ref()?.target,
    }
}

/// Entry and exit numbers of each role in a walk of the `reports_to`
/// forest from its roots (roles that report to nobody).
pub(super) struct Tree {
    order: Vec<Option<(u32, u32)>>,
}

impl Tree {
    pub(super) fn new(model: &Model) -> Tree {
        let n = model.roles.len();
        let mut children: Vec<Vec<Idx<Role>>> = vec![Vec::new(); n];
        let mut roots = Vec::new();
        for (id, role) in model.roles.iter() {
            match role.reports_to.as_ref().and_then(|r| r.target) {
                Some(boss) if boss != id => children[boss.index()].push(id),
                _ => roots.push(id),
            }
        }
        let mut order = vec![None; n];
        let mut clock = 0u32;
        // (role, whether its children were pushed): exit is numbered on the
        // second visit.
        let mut stack: Vec<(Idx<Role>, bool)> =
            roots.into_iter().rev().map(|r| (r, false)).collect();
        while let Some((role, expanded)) = stack.pop() {
            if expanded {
                if let Some((entry, _)) = order[role.index()] {
                    order[role.index()] = Some((entry, clock));
                }
                continue;
            }
            order[role.index()] = Some((clock, clock));
            clock += 1;
            stack.push((role, true));
            stack.extend(children[role.index()].iter().rev().map(|&c| (c, false)));
        }
        Tree { order }
    }

    /// Whether `boss` is above `role` (not the role itself).
    pub(super) fn is_above(&self, boss: Idx<Role>, role: Idx<Role>) -> bool {
        match (self.order[boss.index()], self.order[role.index()]) {
            (Some((b_in, b_out)), Some((r_in, _))) => b_in < r_in && r_in < b_out,
            _ => false,
        }
    }
}
