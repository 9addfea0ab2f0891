//! Commitments to customers: promise-exceeds-sla, promise-without-remedy,
//! complaint-without-escalation, complaint-without-feedback.

use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{Idx, Promise};
use crate::syntax::values::{Duration, Feedback};

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::PromiseExceedsSla,
        summary: "A public promise is faster than the internal answer / first-response target for \
                  its segment and channel, or the SLA sets no target there at all.",
        why: "What the company says in public must be backed by what the contact centre is \
              staffed and measured for. Promising a 15-minute callback on a line whose internal \
              target is 1 hour guarantees broken promises.",
        bad: "promise callback { segments mass; channel phone; within 15m }\nsla mass_sla for mass { answer phone 80% within 1h }",
        fix: "promise callback { segments mass; channel phone; within 1h }\nsla mass_sla for mass { answer phone 80% within 1h }",
    },
    CodeDoc {
        code: Code::PromiseWithoutRemedy,
        summary: "A promise has no `on_breach`.",
        why: "Every promise is sometimes broken. Customers forgive a broken promise that is \
              followed by an apology and a remedy; they do not forgive silence.",
        bad: "promise callback \"We call you back in 15 minutes\" { channel phone; within 15m }",
        fix: "promise callback \"We call you back in 15 minutes\" { channel phone; within 15m; on_breach apologize, compensate \"5% off\" }",
    },
    CodeDoc {
        code: Code::ComplaintWithoutEscalation,
        summary: "A complaint rule has no `escalate`.",
        why: "A complaint that its owner cannot resolve in time must go up automatically. Without \
              a ladder it stays with whoever is stuck with it.",
        bad: "complaint defect { owner quality; resolve within 3d }",
        fix: "complaint defect { owner quality; resolve within 3d; escalate after 2d to quality_lead }",
    },
    CodeDoc {
        code: Code::ComplaintWithoutFeedback,
        summary: "A complaint rule does not require `feedback`.",
        why: "Closing the loop — telling the customer what was done — is what turns a complaint \
              into loyalty. A complaint closed without feedback is, to the customer, ignored.",
        bad: "complaint defect { owner quality; resolve within 3d }",
        fix: "complaint defect { owner quality; resolve within 3d; feedback required }",
    },
];

pub fn check(ctx: &mut Ctx) {
    let model = ctx.model;
    for (_, promise) in model.promises.iter() {
        promise_backed(ctx, promise);
        if promise.on_breach.is_empty() {
            ctx.report(
                Diagnostic::new(
                    Code::PromiseWithoutRemedy,
                    promise.header.span,
                    format!("promise `{}` says nothing about what happens when it is broken", promise.header.id),
                )
                .help("add `on_breach` with the remedies, e.g. `on_breach apologize, compensate \"10% off\"`"),
            );
        }
    }
    for (_, complaint) in model.complaints.iter() {
        if complaint.escalations.is_empty() {
            ctx.report(
                Diagnostic::new(
                    Code::ComplaintWithoutEscalation,
                    complaint.header.span,
                    format!("complaint rule `{}` has no escalation ladder", complaint.header.id),
                )
                .help("add `escalate after TIME to ROLE` for when the owner cannot resolve it in time"),
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
                    format!(
                        "complaint rule `{}` does not require telling the customer the outcome",
                        complaint.header.id
                    ),
                )
                .help("add `feedback required`: the customer is told what was done about the complaint"),
            );
        }
    }
}

/// Compares a promise with the strictest internal target for each of its
/// segments on its channel.
fn promise_backed(ctx: &mut Ctx, promise: &Promise) {
    let model = ctx.model;
    let (Some(within), Some(channel_ref)) = (promise.within, &promise.channel) else {
        return;
    };
    let Some(channel) = channel_ref.target else {
        return;
    };
    for segment in model.served(&promise.segments) {
        let seg = &model.segments[segment].header.id;
        let internal = strictest_target(ctx, segment, channel);
        let problem = match internal {
            None => format!(
                "promise `{}` is made to segment `{seg}` on channel `{}`, but no SLA of that segment sets an answer or first-response target for the channel",
                promise.header.id, channel_ref.name
            ),
            Some(target) if within.value < target => format!(
                "promise `{}` tells segment `{seg}` {} on channel `{}`, but the internal target there is only {target}",
                promise.header.id, within.value, channel_ref.name
            ),
            Some(_) => continue,
        };
        let help = match internal {
            None => format!(
                "add a target for `{}` to the SLA of `{seg}` at least as fast as the promise",
                channel_ref.name
            ),
            Some(target) => format!(
                "make the internal target at least as fast as the promise (within {} or less), or promise {target}",
                within.value
            ),
        };
        ctx.report(Diagnostic::new(Code::PromiseExceedsSla, within.span, problem).help(help));
    }
}

fn strictest_target(
    ctx: &Ctx,
    segment: Idx<crate::model::Segment>,
    channel: Idx<crate::model::Channel>,
) -> Option<Duration> {
    let model = ctx.model;
    ctx.slas_of(segment)
        .iter()
        .flat_map(|&sla| {
            let sla = &model.slas[sla];
            let answers = sla
                .answers
                .iter()
                .filter(|a| a.channel.target == Some(channel))
                .map(|a| a.within);
            let responses = sla
                .first_responses
                .iter()
                .filter(|f| f.channel.target == Some(channel))
                .map(|f| f.within);
            answers.chain(responses)
        })
        .min()
}
