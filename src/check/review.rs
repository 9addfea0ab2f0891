//! stale-review: the standards are past their revision date.

use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::syntax::values::ReviewUnit;

pub const DOCS: &[CodeDoc] = &[CodeDoc {
    code: Code::StaleReview,
    summary: "`reviewed` plus `review every` lies before today (`--today DATE` fixes today).",
    why: "Service standards age: channels, volumes and promises change. A standard that is past \
          its own review date is one nobody is checking against reality.",
    bad:
        "service \"Standards\" { review every 6 months; reviewed 2025-01-10 }   # today 2026-11-22",
    fix: "service \"Standards\" { review every 6 months; reviewed 2026-10-01 }",
}];

pub fn check(ctx: &mut Ctx) {
    let Some(service) = &ctx.model.service else {
        return;
    };
    let (Some(every), Some(reviewed)) = (service.review_every, service.reviewed) else {
        return;
    };
    let (count, unit) = every.value;
    let due = match unit {
        ReviewUnit::Months | ReviewUnit::Month => reviewed.value.add_months(count),
        ReviewUnit::Weeks | ReviewUnit::Week => reviewed.value.add_days(i64::from(count) * 7),
    };
    let today = ctx.today();
    if due < today {
        let overdue = today.to_days() - due.to_days();
        ctx.report(
            Diagnostic::new(
                Code::StaleReview,
                reviewed.span,
                format!(
                    "the standards were last reviewed on {}; the next review was due on {due}, {overdue} day{} ago",
                    reviewed.value,
                    if overdue == 1 { "" } else { "s" }
                ),
            )
            .help("review the standards against current volumes, channels and promises, then update `reviewed`"),
        );
    }
}
