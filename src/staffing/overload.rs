//! An overloaded queue: more work arrives than its `agents` can handle, so
//! the backlog grows without limit. The `understaffed` rule for a queue
//! whose channel has no `answer` target to staff for (e-mail with only a
//! `first_response` target, say): however long its target, it is missed.

use super::{carrying_agents, QueuePlan};
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Arg;
use crate::model::Queue;
use crate::msg;

/// `understaffed` for a queue whose agents cannot carry its load, whatever
/// targets apply, unless its `answer` target already finds it understaffed
/// (that finding names the worst interval). A missed SLA `target` beside it
/// (`metric-target-unmet`, an ASA of ∞) does not say the queue cannot carry
/// its load, so it does not stand in for this one.
pub(super) fn overloaded(plan: &QueuePlan, queue: &Queue) -> Option<Diagnostic> {
    let agents = queue.agents?;
    let heaviest = plan.summary.heaviest.as_ref()?;
    if plan.summary.worst.is_some() {
        return None;
    }
    let count = plan.summary.intervals;
    let at = super::findings::at_interval(heaviest, count);
    let spread: Arg = if count > 1 {
        msg!(
            "overloaded-in-intervals",
            short = plan.summary.overloaded,
            intervals = count
        )
        .into()
    } else {
        "".into()
    };
    let needed = carrying_agents(heaviest.offered_load, plan.concurrency());
    Some(
        Diagnostic::new(
            Code::Understaffed,
            agents.span,
            msg!(
                "understaffed-overloaded",
                queue = &plan.id,
                agents = agents.value,
                load =
                    (heaviest.offered_load / f64::from(plan.concurrency()) * 10.0).round() / 10.0,
                at = at,
                spread = spread,
                needed = needed
            ),
        )
        .help(msg!("understaffed-overloaded-help", needed = needed)),
    )
}
