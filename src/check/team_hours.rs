//! Team hours (cxc addition: `hours` on a team or a queue): hours-uncovered.
//!
//! A channel is open (its `hours`; one without: the clock of an SLA that
//! sets its answer or first-response target) while none of the queues that
//! take it is worked — every one of them says its hours, or its team's, and
//! they all close then: the 24x7 Enterprise line of three centres that
//! close on Saturday (audit 13, H1). A contact made then waits until a
//! centre opens, or is lost. Weekly hours are compared (holidays are the
//! routing export's closure warning's); a queue without hours works its
//! channel's, so a channel with one is never judged.

use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::closure::longest_uncovered;
use crate::model::{Calendar, Channel, Idx, Model, Queue};
use crate::msg;
use crate::source::Span;
use std::collections::HashMap;

pub const DOCS: &[CodeDoc] = &[CodeDoc {
    code: Code::HoursUncovered,
    context: r#"calendar always { open 24x7 }
calendar dublin { timezone "Europe/Dublin"; open mon-fri 08:00-17:00 }
calendar austin { timezone "America/Chicago"; open mon-fri 08:00-17:00 }
team hub_dub { hours dublin }
team hub_aus { hours austin }
channel line { kind phone; owner hub_dub; hours always }
segment clients { channels line }
sla clients_sla for clients { answer line 80% within 1m }
queue line_dub { channel line; team hub_dub }"#,
    bad: "queue line_aus { channel line; team hub_aus }   # both centres close at the weekend",
    fix: "queue line_aus { channel line; team hub_aus; hours always }   # a duty rota around the clock",
}];

pub fn check(ctx: &mut Ctx) {
    let model = ctx.model;
    // The queues of each channel, found in one pass (not one per channel).
    let mut taking: HashMap<Idx<Channel>, Vec<&Queue>> = HashMap::new();
    for (_, queue) in model.queues.iter() {
        if let Some(channel) = queue.channel.as_ref().and_then(|c| c.target) {
            taking.entry(channel).or_default().push(queue);
        }
    }
    for (id, channel) in model.channels.iter() {
        if channel.self_service || channel.kind.is_some_and(|k| k.is_physical()) {
            continue;
        }
        let Some((open, span)) = opening(model, id, channel) else {
            continue;
        };
        let queues = taking.get(&id).map_or(&[][..], Vec::as_slice);
        // A queue without hours of its own or its team's works the
        // channel's hours (as the language has it).
        let Some(worked) = queues
            .iter()
            .map(|q| model.queue_hours(q))
            .collect::<Option<Vec<Idx<Calendar>>>>()
        else {
            continue;
        };
        if worked.is_empty() {
            continue;
        }
        let others: Vec<&Calendar> = worked.iter().map(|&c| &model.calendars[c]).collect();
        let calendar = &model.calendars[open];
        let Some(gap) = longest_uncovered(calendar, &others) else {
            continue;
        };
        let names: Vec<String> = queues
            .iter()
            .zip(&worked)
            .map(|(q, &c)| format!("{} ({})", q.header.id, model.calendars[c].header.id))
            .collect();
        let hours = crate::i18n::Arg::seconds(gap.minutes().unsigned_abs() * 60, false);
        ctx.report(
            Diagnostic::new(
                Code::HoursUncovered,
                span,
                msg!(
                    "hours-uncovered",
                    channel = &channel.header.id,
                    calendar = &calendar.header.id,
                    queues = names.join(", "),
                    day = day(gap.from, gap.dated),
                    from = gap.from.time(),
                    until = day(gap.to, gap.dated),
                    to = gap.to.time(),
                    closed = hours
                ),
            )
            .help(msg!("hours-uncovered-help", channel = &channel.header.id)),
        );
    }
}

/// A stretch's day: its weekday, with its date when it takes in a holiday
/// (it happens on those dates only).
fn day(at: crate::model::closure::LocalMinute, dated: bool) -> crate::i18n::Message {
    let weekday = msg!("weekday", day = at.weekday().as_str());
    if dated {
        msg!(
            "weekday-on-date",
            day = weekday,
            date = at.date().to_string()
        )
    } else {
        weekday
    }
}

/// The calendar a channel is open on, with the line that says so: its
/// `hours`; without them, the `hours` of the first SLA that sets it an
/// answer or first-response target.
fn opening(model: &Model, id: Idx<Channel>, channel: &Channel) -> Option<(Idx<Calendar>, Span)> {
    if let Some(hours) = &channel.hours {
        return Some((hours.target?, hours.span));
    }
    model.slas.values().find_map(|sla| {
        let times = sla.answers.iter().any(|a| a.channel.target == Some(id))
            || (sla.first_responses.iter()).any(|f| f.channel.target == Some(id));
        let hours = sla.hours.as_ref().filter(|_| times)?;
        Some((hours.target?, channel.header.span))
    })
}
