//! What Zendesk does with a ticket and SLA policies, from Zendesk's
//! documentation and nothing in cxc: policies are tried by `position`, the
//! first whose filter matches the ticket applies; a filter matches when all
//! of its `all` conditions hold and, if it has any, one of its `any`
//! conditions; a policy metric applies per ticket priority, its target in
//! minutes (`target`) or seconds (`target_in_seconds`), counted in business
//! hours (`business_hours: true`, the ticket's schedule) or calendar hours
//! (<https://developer.zendesk.com/api-reference/ticketing/business-rules/sla_policies/>).
//! Tickets tell their channel by `via_id`
//! (<https://developer.zendesk.com/documentation/ticketing/reference-guides/via-types>).

use serde_json::Value;

/// The via ids through which tickets of a channel kind arrive, from the via
/// types reference: phone_call_inbound 34 and voicemail 33; chat 29; mail 4;
/// messengers: line 72, wechat 73, whatsapp 74, native_messaging 75,
/// sunshine_conversations_facebook_messenger 78, telegram 79, viber 81,
/// apple_business_chat 83, google_business_messages 84, kakaotalk 85;
/// social: twitter 30, twitter_dm 26, facebook_post 38, facebook_message 41,
/// instagram_dm 86, sunshine_conversations_twitter_dm 88; web_form 0.
/// Text messages (37) are SMS, not a messenger.
pub fn vias_of_kind(kind: &str) -> Vec<u64> {
    match kind {
        "phone" => vec![34, 33],
        "chat" => vec![29],
        "email" => vec![4],
        "messenger" => vec![72, 73, 74, 75, 78, 79, 81, 83, 84, 85],
        "social" => vec![30, 26, 38, 41, 86, 88],
        "portal" => vec![0],
        _ => vec![],
    }
}

pub struct Ticket {
    pub tags: Vec<String>,
    pub organization: Option<u64>,
    pub via: u64,
    pub priority: &'static str,
    /// Other numeric fields a filter may test (the conditions reference:
    /// `ticket_form_id`, `brand_id`, `group_id`), with their values.
    pub marks: Vec<(String, u64)>,
}

/// A metric as applied: seconds and whether business hours count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub seconds: u64,
    pub business_hours: bool,
}

pub struct Applied {
    pub title: String,
    pub first_reply: Option<Target>,
    pub resolution: Option<Target>,
}

fn holds(condition: &Value, ticket: &Ticket) -> bool {
    let field = condition["field"].as_str().unwrap();
    let op = condition["operator"].as_str().unwrap();
    match (field, op) {
        ("current_tags", "includes") => condition["value"]
            .as_str()
            .unwrap()
            .split(' ')
            .any(|t| ticket.tags.iter().any(|x| x == t)),
        ("via_id", "is") => condition["value"].as_u64() == Some(ticket.via),
        ("via_id", "is_not") => condition["value"].as_u64() != Some(ticket.via),
        ("organization_id", "is") => condition["value"].as_u64() == ticket.organization,
        ("ticket_form_id" | "brand_id" | "group_id", "is" | "is_not") => {
            let has = (ticket.marks.iter())
                .any(|(f, v)| f == field && condition["value"].as_u64() == Some(*v));
            has == (op == "is")
        }
        other => panic!("a condition this evaluator does not know: {other:?}"),
    }
}

/// The policies in the order Zendesk tries them.
fn by_position(policies: &Value) -> Vec<&Value> {
    let mut list: Vec<&Value> = policies
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["sla_policy"])
        .collect();
    list.sort_by_key(|p| p["position"].as_u64().unwrap());
    list
}

fn matches(policy: &Value, ticket: &Ticket) -> bool {
    let all = policy["filter"]["all"].as_array().unwrap();
    let any = policy["filter"]["any"].as_array().unwrap();
    all.iter().all(|c| holds(c, ticket)) && (any.is_empty() || any.iter().any(|c| holds(c, ticket)))
}

/// The titles of the policies none of `tickets` gets: each is matched
/// first by another policy, or by none.
pub fn unreached(policies: &Value, tickets: &[Ticket]) -> Vec<String> {
    let list = by_position(policies);
    let mut reached = vec![false; list.len()];
    for ticket in tickets {
        if let Some(i) = list.iter().position(|p| matches(p, ticket)) {
            reached[i] = true;
        }
    }
    (list.iter().zip(reached))
        .filter(|(_, r)| !r)
        .map(|(p, _)| p["title"].as_str().unwrap().to_string())
        .collect()
}

/// The policy Zendesk applies to `ticket`, if any.
pub fn applies(policies: &Value, ticket: &Ticket) -> Option<Applied> {
    let policy = by_position(policies)
        .into_iter()
        .find(|p| matches(p, ticket))?;
    let metric = |name: &str| {
        policy["policy_metrics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["priority"] == ticket.priority && m["metric"] == name)
            .map(|m| Target {
                seconds: m["target_in_seconds"]
                    .as_u64()
                    .unwrap_or_else(|| m["target"].as_u64().unwrap() * 60),
                business_hours: m["business_hours"].as_bool().unwrap(),
            })
    };
    Some(Applied {
        title: policy["title"].as_str().unwrap().to_string(),
        first_reply: metric("first_reply_time"),
        resolution: metric("total_resolution_time"),
    })
}

/// When a target started at `start` (local time of the schedule's zone)
/// falls due, as Zendesk counts it: calendar minutes straight on
/// (`business_hours: false`), else only the minutes the ticket's schedule
/// is open — its workweek's intervals, minutes from Sunday 00:00, less its
/// holidays, whole dates. `schedules` is `zendesk-schedules.json`; the
/// schedule is the one that names `policy`.
pub fn due(
    schedules: &Value,
    policy: &str,
    start: jiff::civil::DateTime,
    target: Target,
) -> jiff::civil::DateTime {
    let seconds = target.seconds as i64;
    if !target.business_hours {
        return start + jiff::SignedDuration::from_secs(seconds);
    }
    let schedule = schedules
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["policies"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p == policy)
        })
        .unwrap_or_else(|| panic!("no schedule names policy {policy}"));
    let intervals: Vec<(i64, i64)> = schedule["workweek"]["workweek"]["intervals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["start_time"].as_i64().unwrap(),
                i["end_time"].as_i64().unwrap(),
            )
        })
        .collect();
    let holiday = |date: jiff::civil::Date| {
        schedule["holidays"].as_array().unwrap().iter().any(|h| {
            let on = |k: &str| {
                h["holiday"][k]
                    .as_str()
                    .unwrap()
                    .parse::<jiff::civil::Date>()
                    .unwrap()
            };
            on("start_date") <= date && date <= on("end_date")
        })
    };
    // Minute by minute, an open minute counts.
    let mut left = seconds / 60;
    let mut at = start;
    let minute = jiff::SignedDuration::from_secs(60);
    while left > 0 {
        let of_week = i64::from(at.weekday().to_sunday_zero_offset()) * 1440
            + i64::from(at.hour()) * 60
            + i64::from(at.minute());
        if !holiday(at.date()) && intervals.iter().any(|&(a, b)| a <= of_week && of_week < b) {
            left -= 1;
        }
        at += minute;
    }
    at
}
