//! The standards' own upkeep: stale-review, review-cadence.

use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::msg;
use crate::syntax::values::ReviewUnit;

pub const DOCS: &[CodeDoc] = &[
CodeDoc {
    code: Code::StaleReview,
    context: "",
    bad:
        "service \"Standards\" { review every 6 months; reviewed 2025-01-10 }   # today 2026-11-22",
    fix: "service \"Standards\" { review every 6 months; reviewed 2026-10-01 }",
},
CodeDoc {
    code: Code::ReviewCadence,
    context: "",
    bad: "service \"Standards\" { version \"1\" }",
    fix: "service \"Standards\" { version \"1\"; review every 6 months; reviewed 2026-05-01 }",
}];

/// The longest review cadence, in months.
const MAX_CADENCE_MONTHS: u32 = 12;

pub fn check(ctx: &mut Ctx) {
    let Some(service) = &ctx.model.service else {
        return;
    };
    cadence(ctx, service);
    let (Some(reviewed), Some(today)) = (service.reviewed, ctx.today()) else {
        return;
    };
    // A review after today (a day's grace for a reviewer east of UTC)
    // never happened: `9999-12-31` would keep stale-review silent for ever.
    if reviewed.value.to_days() > today.to_days() + 1 {
        ctx.report(
            Diagnostic::new(
                Code::StaleReview,
                reviewed.span,
                msg!(
                    "stale-review-future",
                    reviewed = reviewed.value.to_string(),
                    today = today.to_string()
                ),
            )
            .help(msg!("stale-review-future-help")),
        );
        return;
    }
    let Some(every) = service.review_every else {
        return;
    };
    let (count, unit) = every.value;
    let due = match unit {
        ReviewUnit::Months | ReviewUnit::Month => reviewed.value.add_months(count),
        ReviewUnit::Weeks | ReviewUnit::Week => reviewed.value.add_days(i64::from(count) * 7),
    };
    if due < today {
        let overdue = today.to_days() - due.to_days();
        ctx.report(
            Diagnostic::new(
                Code::StaleReview,
                reviewed.span,
                msg!(
                    "stale-review",
                    reviewed = reviewed.value.to_string(),
                    due = due.to_string(),
                    days = overdue
                ),
            )
            .help(msg!("stale-review-help")),
        );
    }
}

fn cadence(ctx: &mut Ctx, service: &crate::model::Service) {
    let (span, message) = match (service.review_every, service.reviewed) {
        // A `review every` or `reviewed` that could not be read (the date
        // 2026-11-31) is reported as such, not again as missing.
        (None, _) | (_, None) if !service.fully_read => return,
        (None, _) => (service.span, msg!("review-cadence-missing")),
        (Some(_), None) => (service.span, msg!("review-cadence-no-date")),
        (Some(every), Some(_)) => {
            let (count, unit) = every.value;
            let months = match unit {
                ReviewUnit::Months | ReviewUnit::Month => f64::from(count),
                ReviewUnit::Weeks | ReviewUnit::Week => f64::from(count) * 12.0 / 52.0,
            };
            if months <= f64::from(MAX_CADENCE_MONTHS) {
                return;
            }
            (
                every.span,
                msg!("review-cadence-rare", count = count, unit = unit.as_str()),
            )
        }
    };
    ctx.report(
        Diagnostic::new(Code::ReviewCadence, span, message).help(msg!("review-cadence-help")),
    );
}
