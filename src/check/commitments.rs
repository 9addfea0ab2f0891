//! Promises to customers: promise-exceeds-sla, promise-exceeds-journey,
//! promise-without-remedy, breach-without-explanation, promise-clock,
//! promise-to-step-start.

use super::backing::{backing, Backing, JourneyDeadline, SlaTarget};
use super::promise_end::Meaning;
use super::{Ctx, Timed};
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::i18n::{Arg, Message};
use crate::model::{Calendar, Idx, Model, Promise};
use crate::msg;
use crate::syntax::values::TimeLimit;

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::PromiseExceedsSla,
        context: "segment mass { channels phone }",
        bad: "promise callback { segments mass; channel phone; within 15m }\nsla mass_sla for mass { answer phone 80% within 1h }",
        fix: "promise callback { segments mass; channel phone; within 1h }\nsla mass_sla for mass { answer phone 80% within 1h }",
    },
    CodeDoc {
        code: Code::PromiseWithoutRemedy,
        context: "",
        bad: "promise callback \"We call you back in 15 minutes\" { channel phone; within 15m }",
        fix: "promise callback \"We call you back in 15 minutes\" { channel phone; within 15m; on_breach apologize, compensate \"5% off\" }",
    },
    CodeDoc {
        code: Code::PromiseExceedsJourney,
        context: "",
        bad: "promise fast \"Delivery in 60 minutes\" { journey delivery; within 60m }\njourney delivery { start cook; step cook { owner kitchen; within 40m; next ride } step ride { owner couriers; within 30m; end } }",
        fix: "promise fast \"Delivery in 75 minutes\" { journey delivery; within 75m }\njourney delivery { start cook; step cook { owner kitchen; within 40m; next ride } step ride { owner couriers; within 30m; end } }",
    },
    CodeDoc {
        code: Code::BreachWithoutExplanation,
        context: "",
        bad: "promise callback { channel phone; within 15m; on_breach compensate \"10% off\" }",
        fix: "promise callback { channel phone; within 15m; on_breach apologize, explain, compensate \"10% off\" }",
    },
    CodeDoc {
        code: Code::PromiseClock,
        context: "",
        bad: "calendar office { open mon-fri 09:00-18:00 }\nchannel phone { kind phone; hours office; owner support }\npromise callback \"We call you back within 30 minutes\" { channel phone; within 30m }",
        fix: "promise callback \"We call you back within 30 working minutes (Mon-Fri 9-18)\" { channel phone; within 30m }",
    },
    CodeDoc {
        code: Code::PromiseToStepStart,
        context: "journey repair { start report; step report { owner support; channel phone; within 1h; next car } step car \"Courtesy car delivered\" { owner installers; channel field; within 20h; next fix } step fix { owner installers; within 5d; end } }",
        bad: "promise car \"A courtesy car within 24 hours\" { journey repair from report to car; within 24h; on_breach apologize }",
        fix: "promise car \"A courtesy car within 24 hours\" { journey repair from report to fix; within 6d; on_breach apologize }",
    },
];

pub fn check(ctx: &mut Ctx) {
    let model = ctx.model;
    for (_, promise) in model.promises.iter() {
        let backing = backing(model, promise);
        promise_backed(ctx, promise, &backing);
        journey_backed(ctx, promise, &backing);
        step_start(ctx, promise);
        clock(ctx, promise);
        explained(ctx, promise);
        if promise.on_breach.is_empty() {
            ctx.report(
                Diagnostic::new(
                    Code::PromiseWithoutRemedy,
                    promise.header.span,
                    msg!("promise-without-remedy", promise = &promise.header.id),
                )
                .help(msg!("promise-without-remedy-help")),
            );
        }
    }
}

/// Compares a promise on a channel with the strictest internal target for
/// each of its segments on that channel ([`super::backing`]), each on its
/// own clock (a `wd` limit at the longest it can last).
fn promise_backed(ctx: &mut Ctx, promise: &Promise, backing: &Backing) {
    let model = ctx.model;
    let (Some(within), Some(channel_ref)) = (promise.within, &promise.channel) else {
        return;
    };
    for &(segment, target) in &backing.targets {
        if !ctx.slas_read(segment) {
            continue;
        }
        let seg = &model.segments[segment].header.id;
        let clock = model.promise_clock(promise, segment);
        let promised = Timed::new(model, within.value, clock);
        let problem = match target {
            None => msg!(
                "promise-exceeds-sla-no-target",
                promise = &promise.header.id,
                segment = seg,
                channel = &channel_ref.name
            ),
            // Compared on the promise's clock, where `measure` counts it.
            Some(target) if promised.longest < target.lasts() => msg!(
                "promise-exceeds-sla",
                promise = &promise.header.id,
                segment = seg,
                within = promised.shown(),
                channel = &channel_ref.name,
                target = on_promise_clock(model, &target, clock)
            ),
            Some(_) => continue,
        };
        let help = match target {
            None => msg!(
                "promise-exceeds-sla-no-target-help",
                channel = &channel_ref.name,
                segment = seg
            ),
            Some(target) if target.outlasts_own_clock() => msg!(
                "promise-exceeds-sla-clock-help",
                within = promised.shown_genitive(),
                longest = Arg::seconds(target.lasts().seconds(), false)
            ),
            Some(target) => msg!(
                "promise-exceeds-sla-help",
                within = promised.shown_genitive(),
                target = target.within.shown()
            ),
        };
        ctx.report(Diagnostic::new(Code::PromiseExceedsSla, within.span, problem).help(help));
    }
}

/// A backing target as a message names it: as written, and where it is
/// counted on a clock that stops while the promise's runs, on which clock,
/// and the longest it can last on the promise's ("8h counted on calendar
/// `office`, which can last up to 18 hours on the promise's clock, around
/// the clock").
pub(super) fn on_promise_clock(
    model: &Model,
    target: &SlaTarget,
    clock: Option<Idx<Calendar>>,
) -> Message {
    if !target.outlasts_own_clock() {
        return target.within.shown();
    }
    let named = |c: Option<Idx<Calendar>>| match c {
        Some(c) if !model.calendars[c].is_24x7() => {
            msg!("clock-calendar", calendar = &model.calendars[c].header.id)
        }
        _ => msg!("clock-around"),
    };
    let longest = match target.on_promise {
        Some(longest) => Arg::limit_genitive(TimeLimit::running(longest), false),
        None => Arg::from(msg!("clock-never-ends")),
    };
    msg!(
        "target-on-promise-clock",
        target = target.within.shown(),
        own = named(target.clock),
        longest = longest,
        promise = named(clock)
    )
}

/// A promise about an outcome against the journey that delivers it
/// ([`super::backing`]).
fn journey_backed(ctx: &mut Ctx, promise: &Promise, backing: &Backing) {
    let model = ctx.model;
    let (Some(within), Some(promised), Some(backed)) =
        (promise.within, &promise.journey, &backing.journey)
    else {
        return;
    };
    let journey = &model.journeys[backed.journey];
    // Journeys run on the wall clock. The promise must hold for every case,
    // so it is taken at its shortest: `1wd` on the wall clock is due at the
    // end of the next day, as little as a day after a case started just
    // before midnight (outside audit 7, F1: taken at its longest, two days,
    // it accepted a 1d4h journey that breaks it).
    let promised_time = Timed::new(model, within.value, None);
    let promised_shortest = super::backing::promised_shortest(model, within.value);
    let promised_shown = match within.value {
        TimeLimit::WorkingDays(_) => msg!(
            "limit-working-days-shortest",
            limit = Arg::written(within.value, false),
            shortest =
                crate::i18n::Arg::limit_genitive(TimeLimit::running(promised_shortest), true)
        ),
        TimeLimit::Running { .. } => promised_time.shown(),
    };
    let span_name = match (&promised.from, &promised.to) {
        (None, None) => msg!("promised-journey", journey = &journey.header.id),
        (from, to) => {
            let from = from
                .as_ref()
                .map_or(journey.start.as_ref().map_or("", |s| &s.name), |f| &f.name);
            match to {
                Some(to) => msg!(
                    "promised-journey-part",
                    journey = &journey.header.id,
                    from = from,
                    to = &to.name
                ),
                None => msg!(
                    "promised-journey-to-end",
                    journey = &journey.header.id,
                    from = from
                ),
            }
        }
    };
    let internal = backed.deadline.as_ref().map(|deadline| {
        let what = match deadline {
            JourneyDeadline::Own(target) => {
                msg!("journey-own-target", target = target.shown())
            }
            JourneyDeadline::Steps { total, path } => msg!(
                "journey-step-deadlines",
                total = Arg::limit(TimeLimit::running(*total), false),
                steps = super::path(path.iter().map(|&i| journey.steps[i].header.id.as_str()))
            ),
        };
        (deadline.time(), what)
    });
    let (problem, help) = match internal {
        None => (
            msg!(
                "promise-exceeds-journey-no-deadline",
                promise = &promise.header.id,
                part = span_name,
                within = promised_time.shown()
            ),
            msg!("promise-exceeds-journey-no-deadline-help"),
        ),
        Some((time, what)) if promised_shortest < time => (
            msg!(
                "promise-exceeds-journey",
                promise = &promise.header.id,
                within = promised_shown,
                part = span_name,
                allowed = what
            ),
            msg!(
                "promise-exceeds-journey-help",
                time = Arg::limit(TimeLimit::running(time), false),
                within = Arg::written(within.value, false)
            ),
        ),
        Some(_) => return,
    };
    ctx.report(Diagnostic::new(Code::PromiseExceedsJourney, within.span, problem).help(help));
}

/// Compensation alone, with no apology or explanation.
fn explained(ctx: &mut Ctx, promise: &Promise) {
    use crate::model::Remedy;
    use crate::syntax::values::SimpleRemedy;
    let pays = promise.on_breach.iter().find(|r| {
        matches!(
            r.value,
            Remedy::Compensate(_) | Remedy::Simple(SimpleRemedy::Refund)
        )
    });
    let words = promise.on_breach.iter().any(|r| {
        matches!(
            r.value,
            Remedy::Simple(SimpleRemedy::Apologize | SimpleRemedy::Explain)
        )
    });
    if let (Some(pays), false) = (pays, words) {
        ctx.report(
            Diagnostic::new(
                Code::BreachWithoutExplanation,
                pays.span,
                msg!("breach-without-explanation", promise = &promise.header.id),
            )
            .help(msg!("breach-without-explanation-help")),
        );
    }
}

/// A promise counted on a business-hours calendar, worded as plain time.
/// The clock is the one `cxc measure` counts the promise on
/// ([`crate::model::Model::promise_clock`]): the channel's, else the SLA's.
fn clock(ctx: &mut Ctx, promise: &Promise) {
    let model = ctx.model;
    let Some(within) = promise.within else {
        return;
    };
    // A time in `wd` is a working-day deadline by definition (language 3):
    // it says its own clock, whatever the words (audit 18, L3: "10 dni
    // roboczych" called plain time).
    if within.value.working_days().is_some() {
        return;
    }
    let Some(calendar) = model
        .served(&promise.segments)
        .filter_map(|segment| model.promise_clock(promise, segment))
        .find(|&c| !model.calendars[c].is_24x7())
    else {
        return;
    };
    let wording = [
        promise.header.title.as_deref(),
        promise.header.description.as_deref(),
    ];
    let calendar = &model.calendars[calendar];
    // A calendar open every hour stops only on its holidays: wording that
    // names them says when the clock stops.
    let always_open = calendar.week.is_always();
    if wording.iter().flatten().any(|text| {
        super::wording::states_hours(text) || (always_open && super::wording::states_holidays(text))
    }) {
        return;
    }
    // Open every hour of the week, it stops only on its holidays: no daily
    // closing to speak of (outside audit 8, R7), the holidays instead.
    // The promised time in words, as the customer reads it: "30 days".
    let said = Arg::written(within.value, false);
    let (message, help) = if always_open {
        let mut holidays: Vec<String> = calendar
            .closed
            .iter()
            .take(3)
            .map(|d| d.to_string())
            .collect();
        if calendar.closed.len() > 3 {
            holidays.push("…".into());
        }
        (
            msg!(
                "promise-clock-holidays",
                promise = &promise.header.id,
                calendar = &calendar.header.id,
                holidays = holidays.join(", "),
                within = said
            ),
            msg!("promise-clock-holidays-help"),
        )
    } else {
        // The help names this promise's own time in the calendar's
        // working hours, not a fixed example (audit 14, M3: a 30-day
        // promise told to say "within 30 working minutes, Mon–Fri 9–18").
        let business = Arg::limit_genitive(within.value, true);
        (
            msg!(
                "promise-clock",
                promise = &promise.header.id,
                calendar = &calendar.header.id,
                within = said
            ),
            msg!(
                "promise-clock-help",
                business = business,
                calendar = &calendar.header.id
            ),
        )
    };
    ctx.report(Diagnostic::new(Code::PromiseClock, within.span, message).help(help));
}

/// A promise timed `to` a step the customer meets, which has its own
/// `within`: it counts up to the start of that step (the language's
/// reading, as `cxc measure` counts it), so the step's own work — the car
/// delivered, the visit made — is not part of what is promised, and a
/// customer still waiting for it counts as kept (outside audit 6, F10). An
/// `end` step's own deadline is counted: no finding there. Nor where the
/// promise's words say someone arrives or gets in touch ("a plumber with
/// you within 4 hours", «мастер приедет»): that is the step's start, what
/// the promise means ([`super::promise_end`]).
fn step_start(ctx: &mut Ctx, promise: &Promise) {
    let model = ctx.model;
    let Some(promised) = &promise.journey else {
        return;
    };
    let (Some(j), Some(to)) = (
        promised.journey.target,
        promised.to.as_ref().and_then(|t| t.target),
    ) else {
        return;
    };
    let journey = &model.journeys[j];
    let step = &journey.steps[to];
    let Some(own) = step.within else {
        return;
    };
    if step.channels.is_empty() || super::backing::counts_own_deadline(journey, to) {
        return;
    }
    let wording = [&promise.header.title, &promise.header.description];
    if super::promise_end::meaning(wording.into_iter().flatten().map(String::as_str))
        == Some(Meaning::Start)
    {
        return;
    }
    let next: Vec<&str> = step
        .next
        .iter()
        .filter_map(|t| Some(journey.steps[t.to.target?].header.id.as_str()))
        .collect();
    let help = match next.as_slice() {
        [after] => msg!(
            "promise-to-step-start-help-next",
            step = &step.header.id,
            next = *after
        ),
        _ => msg!("promise-to-step-start-help", step = &step.header.id),
    };
    ctx.report(
        Diagnostic::new(
            Code::PromiseToStepStart,
            promised.to.as_ref().map_or(promised.span, |t| t.span),
            msg!(
                "promise-to-step-start",
                promise = &promise.header.id,
                step = &step.header.id,
                journey = &journey.header.id,
                own = Timed::new(model, own.value, None).shown()
            ),
        )
        .help(help),
    );
}
