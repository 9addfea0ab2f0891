//! The neutral routing config (`routing/routing.json` and `.yaml`): what a
//! contact-centre platform needs, by identifier, in seconds. A limit in
//! working days (`3wd`) gives its count as `working_days`, and as seconds
//! the longest running time the deadline can leave on its calendar.

use crate::model::Model;
use crate::syntax::values::Weekday;
use crate::syntax::Name;
use serde_json::{json, Value};
use std::collections::BTreeMap;

pub fn config(
    model: &Model,
    names: &super::names::ExportNames,
    exports: &crate::config::Exports,
) -> Value {
    let id = |h: &crate::model::Header| h.id.clone();
    let segments_of =
        |list: &[crate::model::Ref<crate::model::Idx<crate::model::Segment>>]| -> Vec<Name> {
            if list.is_empty() {
                model.segments.iter().map(|(_, s)| id(&s.header)).collect()
            } else {
                list.iter().map(|s| s.name.clone()).collect()
            }
        };
    let mut tiers: BTreeMap<u32, Vec<Name>> = BTreeMap::new();
    for (_, s) in model.segments.iter() {
        if let Some(t) = s.tier {
            tiers.entry(t.value).or_default().push(id(&s.header));
        }
    }
    let seconds = |limit, calendar| model.longest(limit, calendar).seconds();
    let mut timers = Vec::new();
    for (seg_id, segment) in model.segments.iter() {
        for (_, sla) in model.slas_of(seg_id) {
            let calendar = sla.hours.as_ref().map(|h| h.name.clone());
            let clock = sla.clock();
            // Only the targets that apply to the segment: on a channel it uses.
            let applies = |c: Option<&crate::model::Ref<_>>| {
                model.target_applies(seg_id, c.and_then(|c: &crate::model::Ref<_>| c.target))
            };
            for a in sla.answers.iter().filter(|a| applies(Some(&a.channel))) {
                timers.push(json!({"segment": id(&segment.header), "channel": a.channel.name, "sla": id(&sla.header),
                    "kind": "answer", "percent": a.percent.value(), "seconds": seconds(a.within, clock),
                    "working_days": a.within.working_days(), "calendar": calendar}));
            }
            for r in sla
                .first_responses
                .iter()
                .filter(|r| applies(Some(&r.channel)))
            {
                timers.push(json!({"segment": id(&segment.header), "channel": r.channel.name, "sla": id(&sla.header),
                    "kind": "first_response", "percent": null, "seconds": seconds(r.within, clock),
                    "working_days": r.within.working_days(), "calendar": calendar}));
            }
            for r in sla
                .resolutions
                .iter()
                .filter(|r| applies(r.channel.as_ref()))
            {
                timers.push(json!({"segment": id(&segment.header), "channel": r.channel.as_ref().map(|c| c.name.clone()), "sla": id(&sla.header),
                    "kind": "resolution", "percent": null, "seconds": seconds(r.within, clock),
                    "working_days": r.within.working_days(), "calendar": calendar}));
            }
        }
    }
    json!({
        "version": 1,
        // How long a TaskRouter task lives (its `Timeout`): no routing step
        // or escalation of the workflow lasts longer.
        "task_timeout_seconds": super::taskrouter::task_timeout(exports),
        // The one name each segment and channel has in every export: the
        // value a telephony integration sets on a task, the Zendesk tag.
        "segments": model.segments.iter().map(|(sid, s)| json!({
            "id": id(&s.header),
            "export_name": names.segment(sid),
            "tier": s.tier.map(|t| t.value),
            "channels": s.channels.iter().map(|c| c.name.clone()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        // The worker attributes TaskQueues select on: `team` holds a team's
        // export name, `roles` the export names of a worker's roles.
        // `hours` (cxc addition): the calendar the team's people work, only
        // when the spec gives one.
        "teams": model.teams.iter().map(|(_, t)| with_hours(json!({
            "id": id(&t.header),
            "export_name": super::names::default_name(&t.header.id),
        }), t.hours.as_ref())).collect::<Vec<_>>(),
        "roles": model.roles.iter().map(|(_, r)| json!({
            "id": id(&r.header),
            "export_name": super::names::default_name(&r.header.id),
            "team": r.team.as_ref().map(|t| t.name.clone()),
        })).collect::<Vec<_>>(),
        "channels": model.channels.iter().map(|(cid, c)| json!({
            "id": id(&c.header),
            "export_name": names.channel(cid),
            "kind": c.kind.map(|k| k.as_str()),
            "hours": c.hours.as_ref().map(|h| h.name.clone()),
            "self_service": c.self_service,
        })).collect::<Vec<_>>(),
        "queues": model.queues.iter().map(|(_, q)| with_hours(json!({
            "id": id(&q.header),
            "channel": q.channel.as_ref().map(|c| c.name.clone()),
            // Whom it serves, as staffing and the tier checks read it: a
            // queue without `segments`, the segments that use its channel.
            "segments": model.queue_segments(q).into_iter().map(|s| id(&model.segments[s].header)).collect::<Vec<_>>(),
            "tier": model.best_tier(&model.queue_segments(q)),
            "priority": q.priority,
            // `arrival`: every task waits its turn, whatever its tier.
            "order": if q.by_arrival() { "arrival" } else { "tier" },
            "team": q.team.as_ref().map(|t| t.name.clone()),
            "agents": q.agents.map(|a| a.value),
        }), q.hours.as_ref())).collect::<Vec<_>>(),
        "tiers": tiers.into_iter().map(|(tier, segments)| json!({"tier": tier, "segments": segments})).collect::<Vec<_>>(),
        "timers": timers,
        "calendars": model.calendars.iter().map(|(_, c)| with_opened(c, json!({
            "id": id(&c.header),
            "timezone": c.zone_name(),
            "always_open": c.is_24x7(),
            "week": Weekday::ALL.iter().map(|&d| (d.as_str().to_string(), json!(c.week.days[d.index()].iter().map(|(a, b)| format!("{a}-{b}")).collect::<Vec<_>>()))).collect::<serde_json::Map<_, _>>(),
            "closed": c.closed.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
        }))).collect::<Vec<_>>(),
        "escalations": model.complaints.iter().map(|(_, c)| json!({
            "complaint": id(&c.header),
            "segments": segments_of(&c.segments),
            "severity": c.severity.map(|s| s.as_str()),
            "owner": c.owner.as_ref().map(|o| o.name.clone()),
            "calendar": c.hours.as_ref().map(|h| h.name.clone()),
            "acknowledge_seconds": c.acknowledge.map(|a| seconds(a.value, c.clock())),
            "acknowledge_working_days": c.acknowledge.and_then(|a| a.value.working_days()),
            "resolve_seconds": c.resolve.map(|r| seconds(r.value, c.clock())),
            "resolve_working_days": c.resolve.and_then(|r| r.value.working_days()),
            "ladder": c.escalations.iter().map(|e| json!({"after_seconds": seconds(e.after, c.clock()),
                "after_working_days": e.after.working_days(), "to": e.to.name})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// Block-style YAML for a JSON value. Every string is a YAML double-quoted
/// scalar with all non-printable characters escaped, so no spec text can
/// change the structure or make a YAML parser reject the file (and
/// serde_yaml, archived, stays confined to reading config).
pub fn yaml(value: &Value) -> String {
    let mut out = String::new();
    write_yaml(value, 0, &mut out);
    out
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => crate::escape::yaml_string(s),
        Value::Array(a) if a.is_empty() => "[]".into(),
        Value::Object(o) if o.is_empty() => "{}".into(),
        other => other.to_string(),
    }
}

fn is_block(value: &Value) -> bool {
    matches!(value, Value::Array(a) if !a.is_empty())
        || matches!(value, Value::Object(o) if !o.is_empty())
}

fn write_yaml(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, v) in map {
                let key = scalar(&Value::String(key.clone()));
                if is_block(v) {
                    out.push_str(&format!("{pad}{key}:\n"));
                    write_yaml(v, indent + 2, out);
                } else {
                    out.push_str(&format!("{pad}{key}: {}\n", scalar(v)));
                }
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for item in items {
                if is_block(item) {
                    let mut nested = String::new();
                    write_yaml(item, indent + 2, &mut nested);
                    // The first line of the nested block moves up beside the dash.
                    out.push_str(&format!("{pad}- {}", &nested[indent + 2..]));
                } else {
                    out.push_str(&format!("{pad}- {}\n", scalar(item)));
                }
            }
        }
        other => out.push_str(&format!("{pad}{}\n", scalar(other))),
    }
}

/// A team's or queue's entry with its `hours` calendar (cxc addition),
/// when it has one: other specs' files stay as they were.
fn with_hours(
    mut entry: Value,
    hours: Option<&crate::model::Ref<crate::model::Idx<crate::model::Calendar>>>,
) -> Value {
    if let Some(h) = hours {
        entry["hours"] = json!(h.name);
    }
    entry
}

/// A calendar's entry with its dated hours (`opened`), when it has any:
/// `[{"date": "2027-12-25", "hours": ["09:00-18:00"]}]`.
fn with_opened(c: &crate::model::Calendar, mut entry: Value) -> Value {
    if !c.opened.is_empty() {
        entry["opened"] = c
            .opened
            .iter()
            .map(|d| {
                json!({
                    "date": d.date.to_string(),
                    "hours": d.times.iter().map(|(a, b)| format!("{a}-{b}")).collect::<Vec<_>>(),
                })
            })
            .collect();
    }
    entry
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_reads_back_as_the_same_value() {
        let value = json!({"a": [1, {"b": "x: \"y\"\n- z\u{7f}\u{85}", "c": []}, [2, 3]], "d": {}, "e": null, "ключ": true});
        let text = yaml(&value);
        let back: Value = serde_yaml::from_str(&text).unwrap();
        assert_eq!(back, value, "{text}");
    }
}
