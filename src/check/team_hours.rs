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
use crate::model::closure::{uncovered, Closure, DatedRun, LocalMinute, Season, Uncovered, Weekly};
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
            let when = when(&gap.found);
            let clock = calendar.clock_words();
            let message = if every_segment || gap.segments.is_empty() {
                msg!(
                    "hours-uncovered",
                    channel = &channel.header.id,
                    calendar = &calendar.header.id,
                    queues = queues,
                    clock = clock,
                    when = when
                )
            } else {
                msg!(
                    "hours-uncovered-segments",
                    channel = &channel.header.id,
                    calendar = &calendar.header.id,
                    count = gap.segments.len(),
                    segments = gap.segments.join(", "),
                    queues = queues,
                    clock = clock,
                    when = when
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

/// The most stretches a finding lists; past them it says how many more.
const LISTED: usize = 4;

/// When the stretches come (audit 16, M4): the weekly ones with every
/// weekday they come on ("every day from 07:00 to 14:00", "on Saturday and
/// Sunday from 10:00 to 11:00", audit 15, L1), then those on dates of
/// their own, longest first, each with its length (those on consecutive
/// dates at the same time as one run of dates); past [`LISTED`], how many
/// more.
fn when(found: &Uncovered) -> crate::i18n::Arg {
    let weekly = found.weekly.iter().map(weekly_stretch);
    let dated = found.dated_runs().into_iter().map(dated_stretch);
    let all: Vec<Message> = weekly.chain(dated).collect();
    let more = all.len().saturating_sub(LISTED);
    let mut items: Vec<crate::i18n::Arg> = all.into_iter().take(LISTED).map(Into::into).collect();
    if more > 0 {
        items.push(msg!("uncovered-more", count = more).into());
    }
    crate::i18n::Arg::List(items)
}

/// A weekly stretch, with its length.
fn weekly_stretch(weekly: &Weekly) -> Message {
    let gap = weekly.gap;
    let (from, to) = (gap.from.time(), gap.to.time());
    let next_day = gap.to.0.div_euclid(24 * 60) - gap.from.0.div_euclid(24 * 60);
    let when = if gap.minutes() >= 7 * 24 * 60 {
        msg!("uncovered-always")
    } else if next_day > 1 {
        msg!(
            "uncovered-weekly",
            day = weekday(gap.from),
            from = from,
            until = weekday(gap.to),
            to = to
        )
    } else if weekly.weekdays.len() == 7 {
        msg!(
            "uncovered-daily",
            from = from,
            to = to,
            overnight = next_day
        )
    } else {
        msg!(
            "uncovered-days",
            days = weekdays(&weekly.weekdays),
            from = from,
            to = to,
            overnight = next_day
        )
    };
    let season = match weekly.season {
        Season::Both => "both",
        Season::Winter => "winter",
        Season::Summer => "summer",
    };
    msg!(
        "uncovered-stretch",
        when = when,
        season = season,
        closed = length(gap)
    )
}

/// A stretch on dates of its own, with its length: its day and date, and
/// those of its end when it runs into another day; one on consecutive
/// dates, the first and last date and its times ("every day from Mon
/// 2027-03-29 to Sun 2027-04-04, from 01:00 to 02:00").
fn dated_stretch(run: DatedRun) -> Message {
    let gap = run.first;
    let next_day = gap.to.0.div_euclid(24 * 60) - gap.from.0.div_euclid(24 * 60);
    let when = if run.days > 1 {
        msg!(
            "uncovered-on-dates",
            first = on_date(gap.from),
            last = on_date(run.last().from),
            from = gap.from.time(),
            to = gap.to.time(),
            overnight = next_day
        )
    } else if next_day == 0 {
        msg!(
            "uncovered-on-date",
            day = on_date(gap.from),
            from = gap.from.time(),
            to = gap.to.time()
        )
    } else {
        msg!(
            "uncovered-once",
            day = on_date(gap.from),
            from = gap.from.time(),
            until = on_date(gap.to),
            to = gap.to.time()
        )
    };
    msg!(
        "uncovered-stretch",
        when = when,
        season = "both",
        closed = length(gap)
    )
}

fn length(gap: Closure) -> crate::i18n::Arg {
    crate::i18n::Arg::seconds(gap.minutes().unsigned_abs() * 60, false)
}

/// Weekdays (Monday first) in short: runs of three or more as a range
/// ("Mon–Fri"), the rest one by one, the last joined with "and".
pub(super) fn weekdays(days: &[Weekday]) -> Message {
    let full = |d: Weekday| msg!("weekday", day = d.as_str());
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
    let mut said = items.next().unwrap_or_else(|| msg!("weekday", day = "mon"));
    for (n, head) in items.enumerate() {
        said = if n == 0 {
            msg!("weekdays-and", head = head, last = said)
        } else {
            msg!("weekdays-comma", head = head, rest = said)
        };
    }
    said
}

/// A stretch's end as a weekday ("Sat").
fn weekday(at: LocalMinute) -> Message {
    msg!("weekday", day = at.weekday().as_str())
}

/// A stretch's end with its date ("Fri 2027-01-01").
fn on_date(at: LocalMinute) -> Message {
    msg!(
        "weekday-on-date",
        day = weekday(at),
        date = at.date().to_string()
    )
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
