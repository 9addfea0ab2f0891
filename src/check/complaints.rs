//! Complaint handling: complaint-without-escalation, complaint-without-feedback,
//! escalation-after-deadline, escalation-out-of-order, acknowledge-after-resolve.

use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::Complaint;
use crate::msg;
use crate::syntax::values::Feedback;

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::ComplaintWithoutEscalation,
        context: "",
        summary: "A complaint rule has no `escalate`.",
        why: "A complaint that its owner cannot resolve in time must go up automatically. Without \
              a ladder it stays with whoever is stuck with it.",
        bad: "complaint defect { owner quality; resolve within 3d }",
        fix: "complaint defect { owner quality; resolve within 3d; escalate after 2d to quality_lead }",
    },
    CodeDoc {
        code: Code::ComplaintWithoutFeedback,
        context: "",
        summary: "A complaint rule does not require `feedback`.",
        why: "Closing the loop — telling the customer what was done — is what turns a complaint \
              into loyalty. A complaint closed without feedback is, to the customer, ignored.",
        bad: "complaint defect { owner quality; resolve within 3d }",
        fix: "complaint defect { owner quality; resolve within 3d; feedback required }",
    },
    CodeDoc {
        code: Code::EscalationAfterDeadline,
        context: "",
        summary: "An escalation comes `after` the complaint's own `resolve` time: it fires only \
                  once the deadline has already been missed.",
        why: "An escalation ladder exists to get help while there is still time to keep the \
              promise. Escalating after the deadline only tells the manager that the customer was \
              already let down.",
        bad: "complaint defect { owner quality; resolve within 1d; escalate after 2d to quality_lead }",
        fix: "complaint defect { owner quality; resolve within 1d; escalate after 12h to quality_lead }",
    },
    CodeDoc {
        code: Code::EscalationOutOfOrder,
        context: "",
        summary: "The times of an escalation ladder do not increase: a later rung fires no later \
                  than the one before it.",
        why: "A ladder goes up one rung at a time: the team lead first, the director only if the \
              lead could not help. When the director's rung comes first (1 day to the lead, then \
              2 hours to the director), the order of the ladder is a typo or a misunderstanding.",
        bad: "complaint defect { owner quality; resolve within 3d\n  escalate after 1d to quality_lead\n  escalate after 2h to cx_director }",
        fix: "complaint defect { owner quality; resolve within 3d\n  escalate after 2h to quality_lead\n  escalate after 1d to cx_director }",
    },
    CodeDoc {
        code: Code::AcknowledgeAfterResolve,
        context: "",
        summary: "A complaint's `acknowledge` time is longer than its `resolve` time.",
        why: "Acknowledging a complaint (\"we have it, here is what happens next\") is the first \
              step of resolving it. A rule that allows more time to acknowledge than to resolve \
              has its two numbers swapped.",
        bad: "complaint defect { owner quality; acknowledge within 2d; resolve within 1d }",
        fix: "complaint defect { owner quality; acknowledge within 1h; resolve within 1d }",
    },
];

pub fn check(ctx: &mut Ctx) {
    let model = ctx.model;
    for (_, complaint) in model.complaints.iter() {
        timing(ctx, complaint);
        if complaint.escalations.is_empty() {
            ctx.report(
                Diagnostic::new(
                    Code::ComplaintWithoutEscalation,
                    complaint.header.span,
                    msg!("complaint-without-escalation", complaint = id_of(complaint)),
                )
                .help(msg!("complaint-without-escalation-help")),
            );
        }
        let required = complaint
            .feedback
            .is_some_and(|f| f.value == Feedback::Required);
        if !required {
            let span = complaint.feedback.map_or(complaint.header.span, |f| f.span);
            ctx.report(
                Diagnostic::new(
                    Code::ComplaintWithoutFeedback,
                    span,
                    msg!("complaint-without-feedback", complaint = id_of(complaint)),
                )
                .help(msg!("complaint-without-feedback-help")),
            );
        }
    }
}

fn id_of(complaint: &Complaint) -> &str {
    &complaint.header.id
}

/// The complaint's times against each other.
fn timing(ctx: &mut Ctx, complaint: &Complaint) {
    let id = &complaint.header.id;
    if let (Some(ack), Some(resolve)) = (complaint.acknowledge, complaint.resolve) {
        if ack.value > resolve.value {
            ctx.report(
                Diagnostic::new(
                    Code::AcknowledgeAfterResolve,
                    ack.span,
                    msg!(
                        "acknowledge-after-resolve",
                        complaint = id,
                        acknowledge = ack.value.to_string(),
                        resolve = resolve.value.to_string()
                    ),
                )
                .help(msg!("acknowledge-after-resolve-help")),
            );
        }
    }
    if let Some(resolve) = complaint.resolve {
        for e in complaint
            .escalations
            .iter()
            .filter(|e| e.after > resolve.value)
        {
            ctx.report(
                Diagnostic::new(
                    Code::EscalationAfterDeadline,
                    e.span,
                    msg!(
                        "escalation-after-deadline",
                        complaint = id,
                        to = &e.to.name,
                        after = e.after.to_string(),
                        resolve = resolve.value.to_string()
                    ),
                )
                .help(msg!(
                    "escalation-after-deadline-help",
                    half = resolve.value.half().to_string(),
                    to = &e.to.name
                )),
            );
        }
    }
    for pair in complaint.escalations.windows(2) {
        let (earlier, later) = (&pair[0], &pair[1]);
        if later.after <= earlier.after {
            ctx.report(
                Diagnostic::new(
                    Code::EscalationOutOfOrder,
                    later.span,
                    msg!(
                        "escalation-out-of-order",
                        complaint = id,
                        to = &later.to.name,
                        after = later.after.to_string(),
                        earlier_to = &earlier.to.name,
                        earlier_after = earlier.after.to_string()
                    ),
                )
                .help(msg!("escalation-out-of-order-help")),
            );
        }
    }
}
