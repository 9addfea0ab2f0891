//! Timers on their clocks: how rules compare time limits that may count
//! working days, day-on-business-clock and working-days-on-wall-clock.
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
use crate::syntax::values::{Duration, TimeLimit};

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::DayOnBusinessClock,
        context: "",
        bad: "calendar office { open mon-fri 09:00-18:00 }\ncomplaint defect { owner quality; hours office; resolve within 3d }",
        fix: "calendar office { open mon-fri 09:00-18:00 }\ncomplaint defect { owner quality; hours office; resolve within 3wd }",
    },
    CodeDoc {
        code: Code::WorkingDaysOnWallClock,
        context: "calendar office { open mon-fri 09:00-18:00 }",
        bad: "complaint defect { owner quality; resolve within 5wd }",
        fix: "complaint defect { owner quality; hours office; resolve within 5wd }",
    },
    CodeDoc {
        code: Code::ShortWorkingDay,
        context: "",
        bad: "calendar round { open mon-fri 00:00-24:00; open sun 21:00-24:00 }\ncomplaint defect { owner quality; hours round; resolve within 1wd }",
        fix: "calendar round { open mon-fri 00:00-24:00; open sat 09:00-18:00 }\ncomplaint defect { owner quality; hours round; resolve within 1wd }",
    },
];

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

    /// As a message names it: in words, in the units written ("15
    /// minutes" for `15m`), and for working days the longest it can last
    /// ("3 working days (up to 36 hours)").
    pub fn shown(&self) -> Message {
        self.said(false)
    }

    /// The same in the genitive, after "в течение", "не более".
    pub fn shown_genitive(&self) -> Message {
        self.said(true)
    }

    fn said(&self, genitive: bool) -> Message {
        let limit = crate::i18n::Arg::written(self.limit, genitive);
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

/// Where a timer runs, for the help of working-days-on-wall-clock: an SLA
/// or complaint can be given `hours`; a journey, its steps, a promise over
/// a journey and an agreement always run on the wall clock. A promise on a
/// channel can be given its own `hours` (cxc addition): the help of
/// day-on-business-clock offers calendar days too (audit 14, M4: the law's
/// 30 calendar days on an office-hours letters channel).
#[derive(Clone, Copy, PartialEq)]
enum Owner {
    MayHaveHours,
    Promise,
    Wall,
}

pub fn check(ctx: &mut Ctx) {
    let model = ctx.model;
    // Timers that may count a calendar's opening hours, with that calendar.
    let mut timers: Vec<(TimeLimit, Span, Option<Idx<Calendar>>, Owner)> = Vec::new();
    for (_, sla) in model.slas.iter() {
        let sla_timers = sla
            .answers
            .iter()
            .map(|a| (a.within, a.span))
            .chain(sla.first_responses.iter().map(|r| (r.within, r.span)))
            .chain(sla.resolutions.iter().map(|r| (r.within, r.span)));
        timers.extend(timers_on(sla.clock(), sla_timers));
    }
    for (_, promise) in model.promises.iter() {
        if let Some(within) = promise.within {
            let owner = match promise.journey {
                Some(_) => Owner::Wall,
                None => Owner::Promise,
            };
            let clock = model.promise_clock_any(promise);
            timers.push((within.value, within.span, clock, owner));
        }
    }
    for (_, complaint) in model.complaints.iter() {
        let complaint_timers = complaint
            .acknowledge
            .iter()
            .chain(&complaint.resolve)
            .map(|t| (t.value, t.span))
            .chain(complaint.escalations.iter().map(|e| (e.after, e.span)));
        timers.extend(timers_on(complaint.clock(), complaint_timers));
    }
    for &(limit, span, calendar, owner) in &timers {
        days_on_business_clock(ctx, limit, span, calendar, owner);
        working_days_on_wall_clock(ctx, limit, span, calendar, owner);
    }
    short_working_days(ctx, &timers);
    // Journeys, their steps and agreements run on the wall clock.
    for (_, journey) in model.journeys.iter() {
        let steps = journey.steps.iter().filter_map(|(_, s)| s.within.as_ref());
        for within in journey.within.iter().chain(steps) {
            working_days_on_wall_clock(ctx, within.value, within.span, None, Owner::Wall);
        }
    }
    for (_, agreement) in model.agreements.iter() {
        let timers = agreement
            .responds
            .iter()
            .map(|r| (r.within, r.span))
            .chain(agreement.resolve.iter().map(|r| (r.value, r.span)));
        for (limit, span) in timers {
            working_days_on_wall_clock(ctx, limit, span, None, Owner::Wall);
        }
    }
}

/// Timers of a rule that may have `hours`, on its clock.
fn timers_on(
    calendar: Option<Idx<Calendar>>,
    timers: impl Iterator<Item = (TimeLimit, Span)>,
) -> impl Iterator<Item = (TimeLimit, Span, Option<Idx<Calendar>>, Owner)> {
    timers.map(move |(limit, span)| (limit, span, calendar, Owner::MayHaveHours))
}

/// A day open for this share of the calendar's usual day or less is a short
/// day: 3 hours against 24, 3 against 9 (a Saturday morning of 4 hours
/// against 9 is not).
const SHORT_DAY_SHARE: u32 = 3;

/// short-working-day: a weekday open for a third of the calendar's usual
/// day or less still counts as a whole working day for `wd` timers (a
/// day with an opening interval, LANGUAGE.md), so `1wd` from Friday on a
/// calendar open Sunday 21:00–24:00 is due Sunday at midnight (outside
/// audit 9, D10). Once per calendar and short day, at the `open` line that
/// gave the day its hours, naming the first such timer; only where a `wd`
/// timer runs on the calendar.
fn short_working_days(ctx: &mut Ctx, timers: &[(TimeLimit, Span, Option<Idx<Calendar>>, Owner)]) {
    let model = ctx.model;
    let mut seen: Vec<Idx<Calendar>> = Vec::new();
    for &(limit, _, calendar, _) in timers {
        let (TimeLimit::WorkingDays(_), Some(id)) = (limit, calendar) else {
            continue;
        };
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let calendar = &model.calendars[id];
        let Some(usual) = calendar.usual_day_minutes() else {
            continue;
        };
        let same_clock = |&&(l, _, c, _): &&(TimeLimit, Span, Option<Idx<Calendar>>, Owner)| {
            matches!(l, TimeLimit::WorkingDays(_)) && c == Some(id)
        };
        let count = timers.iter().filter(same_clock).count();
        for &day in crate::syntax::values::Weekday::ALL.iter() {
            let open = calendar.week.open_minutes(day);
            let (Some(span), true) = (
                calendar.day_opened_at[day.index()],
                open > 0 && open * SHORT_DAY_SHARE <= usual,
            ) else {
                continue;
            };
            let windows: Vec<String> = calendar.week.days[day.index()]
                .iter()
                .map(|(a, b)| format!("{a}–{b}"))
                .collect();
            let close = calendar.week.days[day.index()]
                .last()
                .map_or(String::new(), |(_, b)| b.to_string());
            ctx.report(
                Diagnostic::new(
                    Code::ShortWorkingDay,
                    span,
                    msg!(
                        "short-working-day",
                        calendar = &calendar.header.id,
                        day = msg!("weekday", day = day.as_str()),
                        windows = windows.join(", "),
                        open = crate::i18n::Arg::seconds(u64::from(open) * 60, true),
                        usual = crate::i18n::Arg::seconds(u64::from(usual) * 60, true),
                        limit = limit.to_string(),
                        close = close,
                        more = count - 1
                    ),
                )
                .help(msg!(
                    "short-working-day-help",
                    day = msg!("weekday", day = day.as_str())
                )),
            );
        }
    }
}

/// working-days-on-wall-clock, the mirror of day-on-business-clock: `5wd`
/// on the wall clock or a 24x7 calendar with no holidays, where every day
/// is an opening day, is 5 calendar days (due at midnight at the end of the
/// 5th), while whoever writes `wd` means an office's working days.
fn working_days_on_wall_clock(
    ctx: &mut Ctx,
    limit: TimeLimit,
    span: Span,
    calendar: Option<Idx<Calendar>>,
    owner: Owner,
) {
    let TimeLimit::WorkingDays(days) = limit else {
        return;
    };
    let model = ctx.model;
    let clock = match calendar {
        None => msg!("clock-wall"),
        Some(c) if model.calendars[c].is_24x7() => {
            msg!("clock-calendar", calendar = &model.calendars[c].header.id)
        }
        Some(_) => return,
    };
    let help = match owner {
        Owner::MayHaveHours | Owner::Promise => {
            msg!("working-days-on-wall-clock-help", days = days)
        }
        Owner::Wall => msg!("working-days-on-wall-clock-help-wall", days = days),
    };
    ctx.report(
        Diagnostic::new(
            Code::WorkingDaysOnWallClock,
            span,
            msg!(
                "working-days-on-wall-clock",
                limit = limit.to_string(),
                clock = clock,
                days = days
            ),
        )
        .help(help),
    );
}

/// day-on-business-clock: `3d` on a calendar that closes is 72 hours of
/// opening time, which readers take for three working days.
fn days_on_business_clock(
    ctx: &mut Ctx,
    limit: TimeLimit,
    span: Span,
    calendar: Option<Idx<Calendar>>,
    owner: Owner,
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
    let opening_days = crate::syntax::values::Weekday::ALL
        .iter()
        .filter(|&&d| calendar.week.open_minutes(d) > 0)
        .count();
    let usual = calendar.usual_day_minutes();
    let hours = time.seconds() as f64 / 3600.0;
    let tenths = |h: f64| crate::i18n::Figure::rounded(h, 1);
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
        .help(if owner == Owner::Promise {
            msg!(
                "day-on-business-clock-help-promise",
                working_days = format!("{working_days}wd"),
                hours = format!("{whole_hours}h")
            )
        } else {
            msg!(
                "day-on-business-clock-help",
                working_days = format!("{working_days}wd"),
                hours = format!("{whole_hours}h")
            )
        }),
    );
}
