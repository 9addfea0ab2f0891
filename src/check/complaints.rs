//! Complaint handling: complaint-without-escalation, complaint-without-feedback,
//! escalation-after-deadline, escalation-out-of-order, acknowledge-after-resolve,
//! complaint-incomplete (escalation-downward is in `escalations`).

use super::{Ctx, Timed};
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{Complaint, Remedy};
use crate::msg;
use crate::syntax::values::{ComplaintSeverity, Duration, Feedback, SimpleRemedy};

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::ComplaintWithoutEscalation,
        context: "",
        bad: "complaint defect { owner quality; resolve within 3d }",
        fix: "complaint defect { owner quality; resolve within 3d; escalate after 2d to quality_lead }",
    },
    CodeDoc {
        code: Code::ComplaintWithoutFeedback,
        context: "",
        bad: "complaint defect { owner quality; resolve within 3d }",
        fix: "complaint defect { owner quality; resolve within 3d; feedback required }",
    },
    CodeDoc {
        code: Code::EscalationAfterDeadline,
        context: "",
        bad: "complaint defect { owner quality; resolve within 1d; escalate after 2d to quality_lead }",
        fix: "complaint defect { owner quality; resolve within 1d; escalate after 12h to quality_lead }",
    },
    CodeDoc {
        code: Code::EscalationOutOfOrder,
        context: "",
        bad: "complaint defect { owner quality; resolve within 3d\n  escalate after 1d to quality_lead\n  escalate after 2h to cx_director }",
        fix: "complaint defect { owner quality; resolve within 3d\n  escalate after 2h to quality_lead\n  escalate after 1d to cx_director }",
    },
    CodeDoc {
        code: Code::AcknowledgeAfterResolve,
        context: "",
        bad: "complaint defect { owner quality; acknowledge within 2d; resolve within 1d }",
        fix: "complaint defect { owner quality; acknowledge within 1h; resolve within 1d }",
    },
    CodeDoc {
        code: Code::ComplaintIncomplete,
        context: "",
        bad: "complaint outage { owner support; severity critical; remedy apologize }",
        fix: "complaint outage { owner support; severity critical; acknowledge within 30m; resolve within 4h\n  remedy apologize, explain, compensate \"A month free\" }",
    },
];

pub fn check(ctx: &mut Ctx) {
    let model = ctx.model;
    for (_, complaint) in model.complaints.iter() {
        timing(ctx, complaint);
        incomplete(ctx, complaint);
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

/// The complaint's times against each other, on its clock (a `wd` limit
/// at the longest it can last).
fn timing(ctx: &mut Ctx, complaint: &Complaint) {
    let id = &complaint.header.id;
    let timed = |limit| Timed::new(ctx.model, limit, complaint.clock());
    let resolve = complaint.resolve.map(|r| timed(r.value));
    let ladder: Vec<Timed> = complaint
        .escalations
        .iter()
        .map(|e| timed(e.after))
        .collect();
    if let (Some(ack), Some(resolve)) = (complaint.acknowledge, resolve) {
        let acknowledge = timed(ack.value);
        if acknowledge.longest > resolve.longest {
            ctx.report(
                Diagnostic::new(
                    Code::AcknowledgeAfterResolve,
                    ack.span,
                    msg!(
                        "acknowledge-after-resolve",
                        complaint = id,
                        acknowledge = acknowledge.shown(),
                        resolve = resolve.shown()
                    ),
                )
                .help(msg!("acknowledge-after-resolve-help")),
            );
        }
    }
    if let Some(resolve) = resolve {
        for (i, (e, after)) in complaint.escalations.iter().zip(&ladder).enumerate() {
            if after.longest <= resolve.longest {
                continue;
            }
            // Halfway between the rung before (or the start) and the
            // deadline: a time that keeps the ladder in order; none when
            // the rung before is already at the deadline.
            let before = i.checked_sub(1).map_or(0, |p| ladder[p].longest.seconds());
            let help = match resolve.longest.seconds().checked_sub(before) {
                Some(room) if room > 1 => msg!(
                    "escalation-after-deadline-help",
                    time = suggested(ctx, complaint, Duration::from_seconds(before + room / 2)),
                    to = &e.to.name
                ),
                _ => msg!("escalation-after-deadline-remove", to = &e.to.name),
            };
            ctx.report(
                Diagnostic::new(
                    Code::EscalationAfterDeadline,
                    e.span,
                    msg!(
                        "escalation-after-deadline",
                        complaint = id,
                        to = &e.to.name,
                        after = after.shown(),
                        resolve = resolve.shown()
                    ),
                )
                .help(help),
            );
        }
    }
    for (pair, times) in complaint.escalations.windows(2).zip(ladder.windows(2)) {
        let (earlier, later) = (&pair[0], &pair[1]);
        if times[1].longest <= times[0].longest {
            ctx.report(
                Diagnostic::new(
                    Code::EscalationOutOfOrder,
                    later.span,
                    msg!(
                        "escalation-out-of-order",
                        complaint = id,
                        to = &later.to.name,
                        after = times[1].shown(),
                        earlier_to = &earlier.to.name,
                        earlier_after = times[0].shown()
                    ),
                )
                .help(msg!("escalation-out-of-order-help")),
            );
        }
    }
}

/// A time to suggest on the complaint's clock, as it would be written: in
/// hours on a clock that stops (`26h`, not `1d2h`, which is not a day
/// there and gives `day-on-business-clock`), else in days and hours.
fn suggested(ctx: &Ctx, complaint: &Complaint, time: Duration) -> String {
    let stops = complaint
        .clock()
        .is_some_and(|c| !ctx.model.calendars[c].is_24x7());
    if stops {
        time.in_hours().to_string()
    } else {
        time.to_string()
    }
}

/// complaint-incomplete: a rule with no time to acknowledge or to resolve
/// (one finding naming what is missing), and a serious complaint answered
/// with words alone.
fn incomplete(ctx: &mut Ctx, complaint: &Complaint) {
    let id = id_of(complaint);
    // A rule with a value that could not be read is not fully read: the
    // `invalid-value` already said so, and the time it left out is not
    // reported again as missing.
    let missing = match (complaint.acknowledge.is_none(), complaint.resolve.is_none()) {
        _ if !complaint.header.fully_read => None,
        (true, true) => Some(("both", msg!("complaint-missing-both"))),
        (true, false) => Some(("acknowledge", msg!("complaint-missing-acknowledge"))),
        (false, true) => Some(("resolve", msg!("complaint-missing-resolve"))),
        (false, false) => None,
    };
    if let Some((what, missing)) = missing {
        ctx.report(
            Diagnostic::new(
                Code::ComplaintIncomplete,
                complaint.header.span,
                msg!(
                    "complaint-incomplete-times",
                    complaint = id,
                    missing = missing,
                    what = what
                ),
            )
            .help(msg!("complaint-incomplete-times-help", what = what)),
        );
    }
    let serious = matches!(
        complaint.severity,
        Some(ComplaintSeverity::High | ComplaintSeverity::Critical)
    );
    // An apology or an explanation is owed anyway; it repairs nothing.
    let repairs = complaint.remedies.iter().any(|r| {
        !matches!(
            r.value,
            Remedy::Simple(SimpleRemedy::Apologize | SimpleRemedy::Explain)
        )
    });
    if serious && !repairs {
        let span = complaint
            .remedies
            .first()
            .map_or(complaint.header.span, |r| r.span);
        let severity = complaint.severity.map_or("", |s| s.as_str());
        ctx.report(
            Diagnostic::new(
                Code::ComplaintIncomplete,
                span,
                msg!(
                    "complaint-incomplete-remedy",
                    complaint = id,
                    severity = severity
                ),
            )
            .help(msg!("complaint-incomplete-remedy-help")),
        );
    }
}
