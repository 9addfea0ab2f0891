//! Timers on their clocks: how rules compare time limits that may count
//! working days, and day-on-business-clock.
//!
//! `3wd` has no fixed length: on office hours it is due at the close of the
//! third working day after the request, which leaves more running time to a
//! request made before opening than to one made at closing. Rules that
//! compare it with another time take the longest it can last (LANGUAGE.md,
//! language 3) and say so in their messages.

use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::i18n::Message;
use crate::model::{Calendar, Idx, Model};
use crate::msg;
use crate::source::Span;
use crate::syntax::values::{trim_float, Duration, TimeLimit};

pub const DOCS: &[CodeDoc] = &[CodeDoc {
    code: Code::DayOnBusinessClock,
    context: "",
    bad: "calendar office { open mon-fri 09:00-18:00 }\ncomplaint defect { owner quality; hours office; resolve within 3d }",
    fix: "calendar office { open mon-fri 09:00-18:00 }\ncomplaint defect { owner quality; hours office; resolve within 3wd }",
}];

/// A time limit on the clock it runs on, as rules compare it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timed {
    pub limit: TimeLimit,
    /// The longest running time it can last there.
    pub longest: Duration,
}

impl Timed {
    pub fn new(model: &Model, limit: TimeLimit, calendar: Option<Idx<Calendar>>) -> Timed {
        Timed {
            limit,
            longest: model.longest(limit, calendar),
        }
    }

    /// As a message names it: as written, and for working days the
    /// longest it can last ("3wd (up to 36h)").
    pub fn shown(&self) -> Message {
        let limit = self.limit.to_string();
        match self.limit {
            TimeLimit::Running { .. } => msg!("limit-as-written", limit = limit),
            // In hours: running time of a clock that stops after hours
            // is not days.
            TimeLimit::WorkingDays(_) => msg!(
                "limit-working-days",
                limit = limit,
                longest = crate::i18n::Arg::limit_genitive(TimeLimit::running(self.longest), true)
            ),
        }
    }
}

pub fn check(ctx: &mut Ctx) {
    let model = ctx.model;
    for (_, sla) in model.slas.iter() {
        let timers = sla
            .answers
            .iter()
            .map(|a| (a.within, a.span))
            .chain(sla.first_responses.iter().map(|r| (r.within, r.span)))
            .chain(sla.resolutions.iter().map(|r| (r.within, r.span)));
        for (limit, span) in timers {
            days_on_business_clock(ctx, limit, span, sla.clock());
        }
    }
    for (_, promise) in model.promises.iter() {
        if let Some(within) = promise.within {
            days_on_business_clock(
                ctx,
                within.value,
                within.span,
                model.promise_clock_any(promise),
            );
        }
    }
    for (_, complaint) in model.complaints.iter() {
        let timers = complaint
            .acknowledge
            .iter()
            .chain(&complaint.resolve)
            .map(|t| (t.value, t.span))
            .chain(complaint.escalations.iter().map(|e| (e.after, e.span)));
        for (limit, span) in timers {
            days_on_business_clock(ctx, limit, span, complaint.clock());
        }
    }
}

/// day-on-business-clock: `3d` on a calendar that closes is 72 hours of
/// opening time, which readers take for three working days.
fn days_on_business_clock(
    ctx: &mut Ctx,
    limit: TimeLimit,
    span: Span,
    calendar: Option<Idx<Calendar>>,
) {
    let (TimeLimit::Running { time, units }, Some(id)) = (limit, calendar) else {
        return;
    };
    if !limit.in_days() {
        return;
    }
    let calendar = &ctx.model.calendars[id];
    if calendar.is_24x7() {
        return;
    }
    // The length of its usual working day: the one most of its opening
    // weekdays have (the longer on a tie), as people count days.
    let lengths: Vec<u32> = crate::syntax::values::Weekday::ALL
        .iter()
        .map(|&d| calendar.week.open_minutes(d))
        .filter(|&m| m > 0)
        .collect();
    let opening_days = lengths.len();
    let usual = lengths
        .iter()
        .max_by_key(|&&m| (lengths.iter().filter(|&&n| n == m).count(), m))
        .copied();
    let hours = time.seconds() as f64 / 3600.0;
    let tenths = |h: f64| trim_float((h * 10.0).round() / 10.0);
    let equivalent = match usual {
        None => msg!("day-on-business-clock-never"),
        Some(minutes) => {
            let day = f64::from(minutes) / 60.0;
            msg!(
                "day-on-business-clock-days",
                days = (hours / day).round().max(1.0),
                day = tenths(day)
            )
        }
    };
    // What the author most likely meant: a week written as such is the
    // calendar's opening days, a day a working day.
    let seconds = time.seconds();
    let weeks = if units.weeks() { seconds / 604_800 } else { 0 };
    let days = (seconds - weeks * 604_800).div_ceil(86_400);
    let working_days = (weeks * opening_days as u64 + days).max(1);
    let whole_hours = seconds.div_ceil(3600);
    ctx.report(
        Diagnostic::new(
            Code::DayOnBusinessClock,
            span,
            msg!(
                "day-on-business-clock",
                limit = limit.to_string(),
                calendar = &calendar.header.id,
                hours = tenths(hours),
                equivalent = equivalent
            ),
        )
        .help(msg!(
            "day-on-business-clock-help",
            working_days = format!("{working_days}wd"),
            hours = format!("{whole_hours}h")
        )),
    );
}
