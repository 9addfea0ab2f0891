//! The findings of a staffed queue read from its plan: `understaffed`
//! (its agents miss the answer target) and `forecast-when-closed`.

use super::erlang::Outcome;
use super::{IntervalPlan, QueuePlan};
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Figure;
use crate::model::{Model, Queue};
use crate::msg;

/// " at 08:30": the interval a finding names, when the forecast has several.
pub(super) fn at_interval(interval: &IntervalPlan, intervals: u64) -> crate::i18n::Arg {
    match &interval.start {
        Some(start) if intervals > 1 => msg!("at-interval", start = start.as_str()).into(),
        _ => "".into(),
    }
}

/// forecast-when-closed: contacts forecast while the queue's channel is
/// closed, where no agents are planned.
pub(super) fn when_closed(model: &Model, plan: &QueuePlan, queue: &Queue) -> Option<Diagnostic> {
    let s = &plan.summary;
    if s.closed_with_volume == 0 {
        return None;
    }
    let forecast = queue.forecast.as_ref()?;
    let channel = queue.channel.as_ref()?.target?;
    let hours = model.channels[channel]
        .hours
        .as_ref()
        .and_then(|h| h.target);
    // The hours the queue is worked (cxc addition: its own or its team's):
    // staffing plans nobody outside them either, even on a channel open
    // then or with no hours at all.
    let worked = model.queue_hours(queue).filter(|&w| Some(w) != hours);
    let name = |c: crate::model::Idx<crate::model::Calendar>| &model.calendars[c].header.id;
    let place = match s.first_closed.clone().flatten() {
        Some(start) => msg!(
            "forecast-when-closed-intervals",
            closed = s.closed_with_volume,
            intervals = s.intervals,
            start = start
        ),
        None => msg!("forecast-when-closed-always"),
    };
    Some(
        Diagnostic::new(
            Code::ForecastWhenClosed,
            forecast.span,
            // A channel open around the clock closes nothing itself.
            match (hours.filter(|&h| !model.calendars[h].is_24x7()), worked) {
                (_, None) => msg!(
                    "forecast-when-closed",
                    queue = &plan.id,
                    volume = Figure::rounded(s.closed_volume, 2),
                    count = s.closed_volume,
                    place = place,
                    channel = &model.channels[channel].header.id,
                    hours = name(hours?)
                ),
                (None, Some(worked)) => msg!(
                    "forecast-when-closed-worked",
                    queue = &plan.id,
                    volume = Figure::rounded(s.closed_volume, 2),
                    count = s.closed_volume,
                    place = place,
                    worked = name(worked)
                ),
                (Some(hours), Some(worked)) => msg!(
                    "forecast-when-closed-both",
                    queue = &plan.id,
                    volume = Figure::rounded(s.closed_volume, 2),
                    count = s.closed_volume,
                    place = place,
                    channel = &model.channels[channel].header.id,
                    hours = name(hours),
                    worked = name(worked)
                ),
            },
        )
        .help(match worked {
            None => msg!("forecast-when-closed-help"),
            Some(_) => msg!("forecast-when-closed-worked-help"),
        }),
    )
}

/// A service level that misses `target` (both in percent), never written
/// as the target itself: one decimal, or where that would round up to the
/// target, two decimals cut ("94.95%", not "95.0%").
fn below_target(level: f64, target: f64) -> Figure {
    let shown = format!("{level:.1}");
    if level < target && shown.parse::<f64>().is_ok_and(|s| s >= target) {
        Figure::text(format!("{:.2}", (level * 100.0).floor() / 100.0)).percent()
    } else {
        Figure::text(shown).percent()
    }
}

/// The `understaffed` finding for a plan, if its agents miss the target.
pub(super) fn understaffed(plan: &QueuePlan, queue: &Queue) -> Option<Diagnostic> {
    let agents = queue.agents?;
    let worst = plan.summary.worst.as_ref()?;
    let target = worst.target?;
    let count = plan.summary.intervals;
    let goal = target.describe(plan.channel.as_deref());
    let at = at_interval(worst, count);
    let spread: crate::i18n::Arg = if count > 1 {
        msg!(
            "misses-in-intervals",
            short = plan.summary.short,
            intervals = count
        )
        .into()
    } else {
        "".into()
    };
    let have = agents.value;
    let with = match worst.at_agents {
        Some(Outcome::Stable(p)) => msg!(
            "with-agents-answered",
            agents = have,
            level = below_target(p.service_level * 100.0, target.percent),
            at = at.clone()
        ),
        _ => msg!("with-agents-overwhelmed", agents = have, at = at.clone()),
    };
    let (message, help) = match worst.answer_agents {
        Some(needed) => (
            msg!(
                "understaffed",
                queue = &plan.id,
                agents = have,
                needed = needed,
                more = needed - have,
                at = at,
                goal = goal,
                spread = spread,
                with = with
            ),
            msg!("understaffed-help", needed = needed),
        ),
        None => (
            msg!(
                "understaffed-unreachable",
                queue = &plan.id,
                goal = goal,
                at = at,
                spread = spread
            ),
            msg!("understaffed-unreachable-help"),
        ),
    };
    let mut diagnostic = Diagnostic::new(Code::Understaffed, agents.span, message).help(help);
    if target.span.file == agents.span.file {
        diagnostic = diagnostic.label(target.span, msg!("the-answer-target"));
    }
    Some(diagnostic)
}
