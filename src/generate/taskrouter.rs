//! A Twilio TaskRouter workflow configuration
//! (`routing/taskrouter-workflow.json`).
//!
//! TaskRouter takes the first filter that matches a task, then moves it
//! through the filter's targets ("routing steps"): a task waits in a step
//! until a worker accepts it or the step's `timeout` (counted from when the
//! task was created, summed over the steps) passes; past the last step's
//! timeout the task is cancelled. So cxc gives a step a timeout only when the
//! spec says where to go next, and never lets a waiting customer fall out of
//! the routing (into the default filter's queue, or a cancel):
//!
//! * complaint filters first (`complaint == '<name>'`, narrower than any
//!   queue): a step per rung of the escalation ladder — the owner's team's
//!   queue, then each `escalate after T to X`'s queue — each step's timeout
//!   the time until the next rung, the last rung without one;
//! * then one filter per queue, in tier order: the task's channel and
//!   segment and, when the channel keeps hours, the open hours as
//!   `taskrouter.dayOfWeek` / `taskrouter.currentTime` conditions in UTC.
//!   Its first step is the queue itself; when another queue on the same
//!   channel serves all of its segments at a lower priority (a shared queue),
//!   the task overflows there after the strictest answer target, and at once
//!   when nobody is available (`skip_if: "workers.available == 0"`). The last
//!   step has no timeout: a key account's call waits in the key accounts'
//!   queue (or the shared one), never in the retail queue.
//!
//! Higher tiers get a higher `priority` (TaskRouter serves higher numbers
//! first), kept in the overflow queue. TaskRouter evaluates hours in UTC, so
//! local hours are converted with the zone's offset in force on `--today`,
//! else its standard (winter) time. Queue SIDs come from `cxc.yaml`
//! (`exports.taskrouter.queues`); without one a queue gets a placeholder
//! that starts with `SET-ME`, so it cannot be mistaken for a real SID.

use super::names::{default_name, ExportNames};
use crate::config::Exports;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{self, Calendar, Idx, Model, Party, Queue, Ref, Team, WeekHours};
use crate::msg;
use crate::syntax::values::{Date, Language, Weekday};
use serde_json::{json, Value};
use std::collections::BTreeMap;

const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEK: i64 = 7 * 1440;

/// Minute ranges `[from, to)` within one UTC day.
type Ranges = Vec<(i64, i64)>;

/// A queue in routing order, with what its filter needs.
struct Routed<'a> {
    queue: &'a Queue,
    tier: u32,
    segments: Vec<Idx<model::Segment>>,
    priority: u32,
}

pub fn workflow(
    model: &Model,
    exports: &Exports,
    names: &ExportNames,
    language: Language,
    today: Option<Date>,
    problems: &mut Vec<Diagnostic>,
) -> Value {
    let segment_attribute = exports
        .taskrouter_segment_attribute
        .as_deref()
        .unwrap_or("segment");
    let mut queues: Vec<Routed> = model
        .queues
        .iter()
        .map(|(_, q)| {
            let segments: Vec<_> = model.served(&q.segments).collect();
            Routed {
                queue: q,
                tier: model.best_tier(&segments).unwrap_or(u32::MAX),
                segments,
                priority: 0,
            }
        })
        .collect();
    // Tier first; within a tier the queue's own `priority` (1 first).
    queues.sort_by_key(|r| (r.tier, r.queue.priority.unwrap_or(u32::MAX)));
    let worst_tier = queues
        .iter()
        .map(|r| r.tier)
        .filter(|&t| t != u32::MAX)
        .max()
        .unwrap_or(1);
    for r in &mut queues {
        r.priority = if r.tier == u32::MAX {
            0
        } else {
            worst_tier.saturating_sub(r.tier) + 1
        };
    }
    let sid = |id: &str| {
        exports
            .taskrouter_queues
            .get(id)
            .cloned()
            .unwrap_or_else(|| format!("SET-ME-queue-sid-for-{}", safe(id)))
    };

    let mut filters = complaint_filters(model, names, language, &queues, &sid, problems);
    let mut offsets = BTreeMap::new();
    for (position, routed) in queues.iter().enumerate() {
        let queue = routed.queue;
        let mut conditions = Vec::new();
        let channel = queue.channel.as_ref().and_then(|c| c.target);
        if let Some(c) = channel {
            conditions.push(format!("channel == '{}'", names.channel(c)));
        }
        if !queue.segments.is_empty() {
            let values: Vec<String> = routed
                .segments
                .iter()
                .map(|&s| format!("'{}'", names.segment(s)))
                .collect();
            conditions.push(format!("{segment_attribute} IN [{}]", values.join(", ")));
        }
        let calendar = channel
            .and_then(|c| model.channels[c].hours.as_ref())
            .and_then(|h| h.target)
            .filter(|&c| !model.calendars[c].week.is_always());
        if let Some(c) = calendar {
            // Queues often share a calendar: one lookup, and one warning, each.
            let offset = *offsets
                .entry(c)
                .or_insert_with(|| offset_minutes(&model.calendars[c], today, problems));
            conditions.push(hours_expression(&utc_week(
                &model.calendars[c].week,
                offset,
            )));
        }
        let expression = if conditions.is_empty() {
            "1 == 1".to_string()
        } else {
            conditions.join(" AND ")
        };
        let answer = channel.and_then(|c| {
            routed
                .segments
                .iter()
                .flat_map(|&s| model.slas_of(s))
                .flat_map(|(_, sla)| &sla.answers)
                .filter(|a| a.channel.target == Some(c))
                .map(|a| a.within.seconds())
                .min()
        });
        // Shared queues later in routing order that take every segment of
        // this one on the same channel.
        let overflow: Vec<&Routed> = queues[position + 1..]
            .iter()
            .filter(|other| {
                other.queue.channel.as_ref().and_then(|c| c.target) == channel
                    && routed.segments.iter().all(|s| other.segments.contains(s))
            })
            .collect();
        let steps: Vec<&Routed> = std::iter::once(routed).chain(overflow).collect();
        let targets: Vec<Value> = steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let mut target =
                    json!({"queue": sid(&step.queue.header.id), "priority": routed.priority});
                if i + 1 < steps.len() {
                    // Wait up to the answer target, and not at all for a
                    // team with nobody available.
                    target["timeout"] = json!(answer.unwrap_or(0).max(1));
                    target["skip_if"] = json!("workers.available == 0");
                }
                target
            })
            .collect();
        filters.push(json!({
            "filter_friendly_name": queue.header.label(),
            "expression": expression,
            "targets": targets,
        }));
    }
    // Only a task that matches no filter (its attributes name no known
    // channel or segment) goes to the default queue: the lowest tier's.
    let default = queues
        .last()
        .map(|r| sid(&r.queue.header.id))
        .unwrap_or_else(|| "SET-ME-default-queue-sid".into());
    json!({"task_routing": {"filters": filters, "default_filter": {"queue": default}}})
}

/// A filter per complaint rule with an escalation ladder of queues.
fn complaint_filters(
    model: &Model,
    names: &ExportNames,
    language: Language,
    queues: &[Routed],
    sid: &dyn Fn(&str) -> String,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Value> {
    // The first queue of each team, in routing order.
    let mut queue_of: BTreeMap<Idx<Team>, &Routed> = BTreeMap::new();
    for r in queues {
        if let Some(team) = r.queue.team.as_ref().and_then(|t| t.target) {
            queue_of.entry(team).or_insert(r);
        }
    }
    let top = queues.iter().map(|r| r.priority).max().unwrap_or(1);
    let mut filters = Vec::new();
    for (id, complaint) in model.complaints.iter() {
        // Rungs: (when the rung starts, who holds the complaint).
        let mut rungs: Vec<(u64, &Ref<Party>)> = Vec::new();
        if let Some(owner) = &complaint.owner {
            rungs.push((0, owner));
        }
        for e in &complaint.escalations {
            rungs.push((e.after.seconds(), &e.to));
        }
        // The ladder is routed as far as its rungs have queues: a complaint
        // whose owner has none is handled outside the contact centre.
        let mut steps: Vec<(u64, Value)> = Vec::new();
        for (starts, party) in &rungs {
            let Some(target) = party.target else { break };
            let Some(routed) = model.team_of(target).and_then(|t| queue_of.get(&t)) else {
                if !steps.is_empty() {
                    problems.push(
                        Diagnostic::new(
                            Code::InexactExport,
                            party.span,
                            msg!(
                                "taskrouter-no-queue",
                                party = &party.name,
                                complaint = &complaint.header.id
                            ),
                        )
                        .help(msg!("taskrouter-no-queue-help")),
                    );
                }
                break;
            };
            let mut step = json!({"queue": sid(&routed.queue.header.id), "priority": top});
            if let Party::Role(role) = target {
                step["expression"] = json!(format!(
                    "worker.roles HAS '{}'",
                    default_name(&model.roles[role].header.id)
                ));
            }
            steps.push((*starts, step));
        }
        if steps.is_empty() {
            continue;
        }
        // Each step waits until the next rung starts; the last does not time out.
        let count = steps.len();
        for i in 0..count.saturating_sub(1) {
            let wait = steps[i + 1].0.saturating_sub(steps[i].0).max(1);
            steps[i].1["timeout"] = json!(wait);
        }
        let business = complaint
            .hours
            .as_ref()
            .and_then(|h| h.target)
            .is_some_and(|c| !model.calendars[c].is_24x7());
        if business && count > 1 {
            problems.push(
                Diagnostic::new(
                    Code::InexactExport,
                    complaint.header.span,
                    msg!(
                        "taskrouter-business-hours",
                        complaint = &complaint.header.id
                    ),
                )
                .help(msg!("taskrouter-business-hours-help")),
            );
        }
        filters.push(json!({
            "filter_friendly_name": super::words::complaint_title(complaint.header.label(), language),
            "expression": format!("complaint == '{}'", names.complaint(id)),
            "targets": steps.into_iter().map(|(_, v)| v).collect::<Vec<_>>(),
        }));
    }
    filters
}

/// TaskRouter expressions quote values in `'...'` and do not allow hyphens:
/// keep letters, digits and `_`, and turn everything else into `_`.
pub fn safe(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Minutes to subtract from local time to get UTC (Berlin in winter: 60).
fn offset_minutes(calendar: &Calendar, today: Option<Date>, problems: &mut Vec<Diagnostic>) -> i64 {
    let Some(name) = calendar.timezone.as_deref() else {
        return 0;
    };
    let zone = match jiff::tz::db().get(name) {
        Ok(zone) => zone,
        Err(_) => {
            problems.push(
                Diagnostic::new(
                    Code::InexactExport,
                    calendar.header.span,
                    msg!("taskrouter-time-zone", zone = name),
                )
                .help(msg!("time-zone-help")),
            );
            return 0;
        }
    };
    let at = |year: i16, month: i8, day: i8| {
        jiff::civil::date(year, month, day)
            .at(12, 0, 0, 0)
            .to_zoned(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp())
            .ok()
    };
    let seconds = match today.and_then(|d| at(d.year as i16, d.month as i8, d.day as i8)) {
        Some(ts) => zone.to_offset(ts).seconds(),
        None => {
            // Standard time: whichever of January and July is not summer time.
            let probes = [at(2026, 1, 15), at(2026, 7, 15)];
            let infos: Vec<_> = probes
                .into_iter()
                .flatten()
                .map(|ts| zone.to_offset_info(ts))
                .collect();
            infos
                .iter()
                .find(|i| !i.dst().is_dst())
                .or(infos.first())
                .map_or(0, |i| i.offset().seconds())
        }
    };
    i64::from(seconds) / 60
}

/// The open hours of a week in UTC, per UTC weekday, as minute ranges.
pub fn utc_week(week: &WeekHours, offset: i64) -> [Ranges; 7] {
    let mut days: [Ranges; 7] = Default::default();
    for day in Weekday::ALL {
        for (from, to) in &week.days[day.index()] {
            let base = day.index() as i64 * 1440 - offset;
            let (mut a, b) = (
                base + i64::from(from.minutes()),
                base + i64::from(to.minutes()),
            );
            // Split at UTC midnights, wrapping around the week.
            while a < b {
                let start = a.rem_euclid(WEEK);
                let d = (start / 1440) as usize;
                let day_end = (start / 1440 + 1) * 1440;
                let len = (b - a).min(day_end - start);
                days[d].push((start % 1440, start % 1440 + len));
                a += len;
            }
        }
    }
    for day in &mut days {
        day.sort();
        let mut merged: Vec<(i64, i64)> = Vec::new();
        for &(a, b) in day.iter() {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        *day = merged;
    }
    days
}

/// `(taskrouter.dayOfWeek IN ['Mon', 'Tue'] AND (taskrouter.currentTime >= 800 AND ...))`,
/// days with the same hours grouped together.
fn hours_expression(days: &[Ranges; 7]) -> String {
    let mut groups: Vec<(&Ranges, Vec<&str>)> = Vec::new();
    for (d, ranges) in days.iter().enumerate() {
        if ranges.is_empty() {
            continue;
        }
        match groups.iter_mut().find(|(r, _)| *r == ranges) {
            Some((_, names)) => names.push(DAY_NAMES[d]),
            None => groups.push((ranges, vec![DAY_NAMES[d]])),
        }
    }
    if groups.is_empty() {
        return "1 == 0".into();
    }
    let hhmm = |m: i64| (m / 60) * 100 + m % 60;
    let parts: Vec<String> = groups
        .iter()
        .map(|(ranges, names)| {
            let days = names
                .iter()
                .map(|n| format!("'{n}'"))
                .collect::<Vec<_>>()
                .join(", ");
            let times: Vec<String> = ranges
                .iter()
                .filter(|(a, b)| !(*a == 0 && *b == 1440))
                .map(|&(a, b)| {
                    let upper = if b >= 1440 {
                        "taskrouter.currentTime <= 2359".to_string()
                    } else {
                        format!("taskrouter.currentTime < {}", hhmm(b))
                    };
                    format!("(taskrouter.currentTime >= {} AND {upper})", hhmm(a))
                })
                .collect();
            if times.is_empty() {
                format!("taskrouter.dayOfWeek IN [{days}]")
            } else {
                format!(
                    "(taskrouter.dayOfWeek IN [{days}] AND ({}))",
                    times.join(" OR ")
                )
            }
        })
        .collect();
    format!("({})", parts.join(" OR "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::OpenHours;
    use crate::syntax::values::TimeOfDay;

    fn week(from: Weekday, to: Weekday, open: u32, close: u32) -> WeekHours {
        let mut w = WeekHours::default();
        w.add(&OpenHours::Weekly {
            days: vec![(from, to)],
            times: vec![(
                TimeOfDay::from_minutes(open * 60),
                TimeOfDay::from_minutes(close * 60),
            )],
        });
        w
    }

    #[test]
    fn hours_shift_into_utc_and_across_midnight() {
        // Moscow (UTC+3) 09:00-18:00 Mon-Fri is 06:00-15:00 UTC.
        let days = utc_week(&week(Weekday::Mon, Weekday::Fri, 9, 18), 180);
        assert_eq!(days[0], [(360, 900)]);
        assert_eq!(
            hours_expression(&days),
            "((taskrouter.dayOfWeek IN ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] AND ((taskrouter.currentTime >= 600 AND taskrouter.currentTime < 1500))))"
        );
        // Tokyo (UTC+9) 08:00-20:00 Monday starts on Sunday 23:00 UTC.
        let days = utc_week(&week(Weekday::Mon, Weekday::Mon, 8, 20), 540);
        assert_eq!(days[6], [(1380, 1440)]);
        assert_eq!(days[0], [(0, 660)]);
        // New York (UTC-5) 20:00-24:00 Sunday ends on Monday 05:00 UTC.
        let days = utc_week(&week(Weekday::Sun, Weekday::Sun, 20, 24), -300);
        assert_eq!(days[0], [(60, 300)]);
    }

    #[test]
    fn identifiers_become_expression_safe() {
        assert_eq!(safe("key-accounts"), "key_accounts");
        assert_eq!(safe("vip' OR '1"), "vip__OR__1");
        assert_eq!(safe("ключевые"), "ключевые");
    }
}
