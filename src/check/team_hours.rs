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
use crate::i18n::Message;
use crate::model::closure::{uncovered, Uncovered};
use crate::model::{Calendar, Channel, Idx, Model, Queue, Segment};
use crate::msg;
use crate::source::Span;
use crate::syntax::values::Weekday;
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
    // The queues of each channel, found in one pass (not one per channel:
    // attack 15, M2).
    let mut taking: HashMap<Idx<Channel>, Vec<&Queue>> = HashMap::new();
    for queue in model.queues.values() {
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
        let calendar = &model.calendars[open];
        let queues = taking.remove(&id).unwrap_or_default();
        let gaps = gaps(model, id, queues, calendar);
        let every_segment = gaps.len() == 1 && gaps[0].whole;
        for gap in gaps {
            let queues = gap.queues.join(", ");
            let when = when(&gap.found, calendar);
            let closed =
                crate::i18n::Arg::seconds(gap.found.gap.minutes().unsigned_abs() * 60, false);
            let message = if every_segment || gap.segments.is_empty() {
                msg!(
                    "hours-uncovered",
                    channel = &channel.header.id,
                    calendar = &calendar.header.id,
                    queues = queues,
                    when = when,
                    closed = closed
                )
            } else {
                msg!(
                    "hours-uncovered-segments",
                    channel = &channel.header.id,
                    calendar = &calendar.header.id,
                    count = gap.segments.len(),
                    segments = gap.segments.join(", "),
                    queues = queues,
                    when = when,
                    closed = closed
                )
            };
            ctx.report(
                Diagnostic::new(Code::HoursUncovered, span, message)
                    .help(msg!("hours-uncovered-help", channel = &channel.header.id)),
            );
        }
    }
}

/// One unworked stretch of a channel, and whom it leaves waiting.
struct Gap {
    found: Uncovered,
    /// The segments it leaves waiting (`` `diners` ``); none when no
    /// segment says it comes by the channel.
    segments: Vec<String>,
    /// `queue (calendar)` of the queues that would take them.
    queues: Vec<String>,
    /// Every segment of the channel has it.
    whole: bool,
}

/// The channel's unworked stretches, segment by segment (audit 15, L2: the
/// restaurants' web queue does not answer diners): for each segment that
/// comes by the channel, the longest stretch when none of the queues that
/// may take its tasks (those naming it, or naming no segment) is worked;
/// segments with the same stretch make one. A segment that a queue without
/// hours takes is covered (the queue works the channel's hours), and so is
/// one no queue takes (another rule's). A channel no segment lists is
/// judged on all its queues.
fn gaps<'m>(
    model: &'m Model,
    id: Idx<Channel>,
    queues: Vec<&'m Queue>,
    calendar: &Calendar,
) -> Vec<Gap> {
    let segments: Vec<Idx<Segment>> = model
        .segments
        .iter()
        .map(|(s, _)| s)
        .filter(|&s| model.uses_channel(s, id))
        .collect();
    let takes = |q: &Queue, s: Idx<Segment>| {
        q.segments.is_empty() || q.segments.iter().any(|r| r.target == Some(s))
    };
    let groups: Vec<(Option<Idx<Segment>>, Vec<&Queue>)> = if segments.is_empty() {
        vec![(None, queues)]
    } else {
        (segments.iter())
            .map(|&s| {
                (
                    Some(s),
                    queues.iter().copied().filter(|q| takes(q, s)).collect(),
                )
            })
            .collect()
    };
    let judged = groups.len();
    let mut out: Vec<Gap> = Vec::new();
    for (segment, queues) in groups {
        // A queue without hours of its own or its team's works the
        // channel's hours (as the language has it).
        let Some(worked) = (queues.iter())
            .map(|q| model.queue_hours(q))
            .collect::<Option<Vec<Idx<Calendar>>>>()
        else {
            continue;
        };
        if worked.is_empty() {
            continue;
        }
        let others: Vec<&Calendar> = worked.iter().map(|&c| &model.calendars[c]).collect();
        let Some(found) = uncovered(calendar, &others) else {
            continue;
        };
        let names = queues
            .iter()
            .zip(&worked)
            .map(|(q, &c)| format!("{} ({})", q.header.id, model.calendars[c].header.id));
        let gap = match out.iter_mut().position(|g| g.found == found) {
            Some(i) => &mut out[i],
            None => {
                out.push(Gap {
                    found,
                    segments: Vec::new(),
                    queues: Vec::new(),
                    whole: false,
                });
                out.last_mut().expect("just pushed")
            }
        };
        for name in names {
            if !gap.queues.contains(&name) {
                gap.queues.push(name);
            }
        }
        if let Some(s) = segment {
            gap.segments
                .push(format!("`{}`", model.segments[s].header.id));
        }
    }
    for gap in &mut out {
        gap.whole = gap.segments.len() == judged;
    }
    out
}

/// When a stretch comes, on whose clock: "on Saturday and Sunday from
/// 10:00 to 11:00 on the clock of `always`, Athens time (the home zone)"
/// (audit 15, L1); a stretch that comes once a week, or on its dates only,
/// from its day and time to its day and time.
fn when(found: &Uncovered, calendar: &Calendar) -> Message {
    let gap = found.gap;
    let clock = calendar.clock_words();
    let next_day = gap.to.0.div_euclid(24 * 60) - gap.from.0.div_euclid(24 * 60);
    if found.weekdays.len() > 1 && next_day <= 1 {
        let (from, to) = (gap.from.time(), gap.to.time());
        if found.weekdays.len() == 7 {
            return if next_day == 0 {
                msg!("uncovered-daily", from = from, to = to, clock = clock)
            } else {
                msg!(
                    "uncovered-daily-overnight",
                    from = from,
                    to = to,
                    clock = clock
                )
            };
        }
        let days = weekdays(&found.weekdays);
        return if next_day == 0 {
            msg!(
                "uncovered-days",
                days = days,
                from = from,
                to = to,
                clock = clock
            )
        } else {
            msg!(
                "uncovered-days-overnight",
                days = days,
                from = from,
                to = to,
                clock = clock
            )
        };
    }
    msg!(
        "uncovered-once",
        day = day(gap.from, gap.dated),
        from = gap.from.time(),
        until = day(gap.to, gap.dated),
        to = gap.to.time(),
        clock = clock
    )
}

/// Weekdays (Monday first) in words: runs of three or more as a range
/// ("Monday–Friday"), the rest one by one, the last joined with "and".
pub(super) fn weekdays(days: &[Weekday]) -> Message {
    let full = |d: Weekday| msg!("weekday-full", day = d.as_str());
    let mut items: Vec<Message> = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j + 1].index() == days[j].index() + 1 {
            j += 1;
        }
        if j - i >= 2 {
            items.push(msg!(
                "weekdays-range",
                from = full(days[i]),
                to = full(days[j])
            ));
        } else {
            items.extend(days[i..=j].iter().map(|&d| full(d)));
        }
        i = j + 1;
    }
    let mut items = items.into_iter().rev();
    let mut said = items
        .next()
        .unwrap_or_else(|| msg!("weekday-full", day = "mon"));
    for (n, head) in items.enumerate() {
        said = if n == 0 {
            msg!("weekdays-and", head = head, last = said)
        } else {
            msg!("weekdays-comma", head = head, rest = said)
        };
    }
    said
}

/// A stretch's day: its weekday, with its date when it takes in a holiday
/// (it happens on those dates only).
fn day(at: crate::model::closure::LocalMinute, dated: bool) -> Message {
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
