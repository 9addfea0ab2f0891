//! Zendesk: SLA policies (`routing/zendesk-sla-policies.json`, request
//! bodies for `POST /api/v2/slas/policies`) and business-hours schedules
//! (`routing/zendesk-schedules.json`).
//!
//! Zendesk measures tickets and applies the first policy that matches one, so
//! the policies are written in the order they must be matched:
//!
//! 1. one per complaint rule (tickets tagged `complaint_<name>`, narrower than
//!    any segment), with its `acknowledge` as the first-reply target and its
//!    `resolve` as the resolution target, for all four priorities (a complaint
//!    ticket of any priority gets its targets) — after, where a segment's
//!    SLA is stricter on a channel, the rule's policies for those segments
//!    and channels with the stricter of each target (`complaints`);
//! 2. per group of segments covered by the same SLAs, in tier order, one
//!    policy per group of channels that share the same first-reply and
//!    resolution targets (the strictest of those SLAs), matched by segment
//!    and by the ticket's channel (`via_id`): retail e-mail gets the e-mail
//!    target, not the phone one. Then one catch-all policy with the general
//!    resolution target for tickets of the segments from any other channel
//!    (see `slas`). A channel cxc.yaml tells apart from another of its via
//!    id (its ticket form, brand or a tag: [`marks`]) has policies of its
//!    own that require that, placed first; two channels it cannot tell apart
//!    get the sooner targets first, and `inexact-export` says whose win.
//!
//! A policy no ticket can reach is not written (`shadow`).
//!
//! A first-reply target is the channel's `first_response`, or for a chat or
//! messaging channel its `answer` time; phone answer times belong to the
//! telephony (`taskrouter`). Targets in whole minutes are written as
//! `target`, others as `target_in_seconds`, so nothing is rounded.
//! `business_hours` is true exactly when the SLA's (or complaint's) calendar
//! is not open 24×7; the schedule to put on those tickets is in
//! `zendesk-schedules.json`, which names the policies that rely on it.

mod clashes;
mod complaints;
mod schedules;
mod shadow;
mod shared;
mod slas;
mod sooner;
mod time_zones;

use shared::{shared_via, shared_vias};
use slas::Target;

pub use schedules::schedules;
pub use shadow::effort;

use super::names::ExportNames;
use crate::config::Exports;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{Calendar, Channel, Idx, Model, Segment};
use crate::msg;
use crate::source::Span;
use crate::syntax::values::{ChannelKind, Duration, Language};
use serde_json::{json, Value};
use std::collections::BTreeMap;

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::InexactExport,
        context: "segment shop { channels email }
queue calls { channel phone; segments everyone; team support }
queue mail { channel email; team support }
queue chats { channel chat; segments everyone; team support }",
        bad: r#"calendar office { timezone "Australia/Eucla"; open mon-fri 09:00-18:00 }
sla shop_sla for shop { hours office; first_response email within 4h }"#,
        fix: r#"# example.cx
calendar office { timezone "Europe/Berlin"; open mon-fri 09:00-18:00 }
sla shop_sla for shop { hours office; first_response email within 4h }
# cxc.yaml (tasks outlive the weekend the lines are closed)
exports:
  taskrouter:
    task_timeout: 259200"#,
    },
    CodeDoc {
        code: Code::ExportConflict,
        context: "",
        bad: "segment vip-1 { tier 1; channels phone }
segment vip_1 { tier 2; channels phone }
sla vips for vip-1, vip_1 { answer phone 80% within 20s }",
        fix: "segment vip_gold { tier 1; channels phone }
segment vip_silver { tier 2; channels phone }
sla vips for vip_gold, vip_silver { answer phone 80% within 20s }",
    },
];

/// Zendesk's priorities, lowest first.
pub const PRIORITIES: [&str; 4] = ["low", "normal", "high", "urgent"];

const DEFAULT_SEGMENT_FIELD: &str = "current_tags";

/// The ticket channels (`via_id`) each kind of cx channel arrives through,
/// from Zendesk's via types reference
/// (<https://developer.zendesk.com/documentation/ticketing/reference-guides/via-types>).
/// Office visits and field work make no tickets of their own;
/// `exports.zendesk.via_ids` in cxc.yaml sets others per channel.
pub fn via_ids(kind: Option<ChannelKind>) -> &'static [u64] {
    match kind {
        // phone_call_inbound, voicemail
        Some(ChannelKind::Phone) => &[34, 33],
        // chat
        Some(ChannelKind::Chat) => &[29],
        // mail
        Some(ChannelKind::Email) => &[4],
        // line, wechat, whatsapp, native_messaging (Zendesk messaging),
        // sunshine_conversations_facebook_messenger, telegram, viber,
        // apple_business_chat, google_business_messages, kakaotalk. Not
        // text_message (37) or the other SMS ids: SMS is a text message,
        // not a messenger.
        Some(ChannelKind::Messenger) => &[72, 73, 74, 75, 78, 79, 81, 83, 84, 85],
        // twitter, twitter_dm, facebook_post, facebook_message, instagram_dm,
        // sunshine_conversations_twitter_dm
        Some(ChannelKind::Social) => &[30, 26, 38, 41, 86, 88],
        // web_form
        Some(ChannelKind::Portal) => &[0],
        Some(ChannelKind::Office) | Some(ChannelKind::Field) | None => &[],
    }
}

/// The via ids of a channel: cxc.yaml's for it, else its kind's.
fn channel_vias<'a>(model: &Model, exports: &'a Exports, channel: Idx<Channel>) -> &'a [u64] {
    let c = &model.channels[channel];
    exports
        .zendesk_via_ids
        .get(c.header.id.as_str())
        .map_or(via_ids(c.kind), Vec::as_slice)
}

/// What tells a channel's tickets apart from those of another channel that
/// arrive through the same via id (cxc.yaml's `ticket_forms`, `brands`,
/// `channel_tags`): conditions, one of which each of its tickets meets.
/// Zendesk's SLA policy filters test the same ticket fields as triggers:
/// `ticket_form_id`, `brand_id` and `current_tags` among them
/// (<https://developer.zendesk.com/documentation/ticketing/reference-guides/conditions-reference/>).
pub(super) fn marks(model: &Model, exports: &Exports, channel: Idx<Channel>) -> Vec<Value> {
    let id = model.channels[channel].header.id.as_str();
    let ids = |map: &BTreeMap<String, Vec<u64>>, field: &str| -> Vec<Value> {
        (map.get(id).into_iter().flatten())
            .map(|v| json!({"field": field, "operator": "is", "value": v}))
            .collect()
    };
    let tags = (exports.zendesk_channel_tags.get(id).into_iter())
        .map(|t| json!({"field": "current_tags", "operator": "includes", "value": t}));
    [
        ids(&exports.zendesk_ticket_forms, "ticket_form_id"),
        ids(&exports.zendesk_brands, "brand_id"),
        tags.collect(),
    ]
    .concat()
}

/// How a policy matches the tickets of a group of channels: a channel
/// told apart by [`marks`] by its via id and its mark (one policy per
/// pair), the others by one of their via ids.
pub(super) struct ChannelMatch {
    /// The channels' ids in backticks, for what the export says.
    pub ids: String,
    labels: Vec<String>,
    marked: Vec<(Vec<Value>, String)>,
    vias: Vec<(Value, String)>,
}

impl ChannelMatch {
    pub(super) fn new(model: &Model, exports: &Exports, channels: &[Idx<Channel>]) -> Self {
        let via = |id: u64| json!({"field": "via_id", "operator": "is", "value": id});
        let mut out = ChannelMatch {
            ids: (channels.iter())
                .map(|&c| format!("`{}`", model.channels[c].header.id))
                .collect::<Vec<_>>()
                .join(", "),
            labels: Vec::new(),
            marked: Vec::new(),
            vias: Vec::new(),
        };
        for &c in channels {
            let name = model.channels[c].header.label();
            let marks = marks(model, exports, c);
            let ids = channel_vias(model, exports, c);
            if marks.is_empty() {
                out.labels.push(name.to_string());
                (out.vias).extend(
                    ids.iter()
                        .map(|&id| (via(id), format!("{name}, via_id {id}"))),
                );
                continue;
            }
            let several = ids.len() * marks.len() > 1;
            for &id in ids {
                for mark in &marks {
                    let title = if several {
                        format!("{name}, via_id {id}")
                    } else {
                        name.to_string()
                    };
                    out.marked.push((vec![via(id), mark.clone()], title));
                }
            }
        }
        out
    }

    /// The filters, each with what a title calls its channels: the marked
    /// channels' first (see [`filters`]).
    pub(super) fn filters(&self, required: Vec<Value>, segments: &[Value]) -> Vec<(Value, String)> {
        let mut out: Vec<(Value, String)> = Vec::new();
        for (conditions, name) in &self.marked {
            let all = [required.clone(), conditions.clone()].concat();
            for (filter, _) in filters(all, segments.to_vec(), Vec::new()) {
                out.push((filter, name.clone()));
            }
        }
        if !self.vias.is_empty() {
            for (filter, via) in filters(required, segments.to_vec(), self.vias.clone()) {
                // A policy split off per via id says which one it takes.
                out.push((filter, via.unwrap_or_else(|| self.labels.join(", "))));
            }
        }
        out
    }
}

/// The SLA policies, and for each the calendar its business-hours targets
/// count in (for the schedules).
pub struct Policies {
    pub bodies: Value,
    pub calendars: Vec<(String, Option<Idx<Calendar>>)>,
}

/// Builds the SLA policies; problems (a missing organization id) are
/// reported into `problems`.
pub fn policies(
    model: &Model,
    exports: &Exports,
    names: &ExportNames,
    language: Language,
    problems: &mut Vec<Diagnostic>,
) -> Policies {
    shadow::reset_effort();
    let mut calendars = Vec::new();
    let segments = SegmentMatch::new(model, exports, names, problems);
    clashes::segment_tags(model, exports, &segments, problems);
    let mut out = Vec::new();
    let mut named = Vec::new();
    let tiers = slas::tiered(model, exports, problems);
    let context = complaints::Context {
        model,
        exports,
        names,
        segments: &segments,
        language,
        tiers: &tiers,
    };
    for (id, complaint) in model.complaints.iter() {
        let mut into = complaints::Out {
            bodies: &mut out,
            calendars: &mut calendars,
        };
        context.policies(id, complaint, &mut into, problems);
    }

    slas::policies(
        model,
        exports,
        &segments,
        language,
        slas::Out {
            bodies: &mut out,
            calendars: &mut calendars,
            named: &mut named,
        },
        problems,
    );
    shared_vias(model, exports, &named, problems);
    shadow::unshadowed(&mut out, &mut calendars);
    unique_titles(&mut out, &mut calendars);
    for (position, policy) in out.iter_mut().enumerate() {
        policy["sla_policy"]["position"] = json!(position + 1);
    }
    Policies {
        bodies: Value::Array(out),
        calendars,
    }
}

/// Titles that would repeat (two SLAs with one title for the same
/// segments) get " (2)", " (3)"… in order, so each policy is told apart in
/// Zendesk's list; the schedules name them by the same titles.
fn unique_titles(policies: &mut [Value], calendars: &mut [(String, Option<Idx<Calendar>>)]) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (policy, (title, _)) in policies.iter_mut().zip(calendars.iter_mut()) {
        let count = seen.entry(title.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            let mut n = *count;
            let mut unique = format!("{title} ({n})");
            while seen.contains_key(&unique) {
                n += 1;
                unique = format!("{title} ({n})");
            }
            seen.insert(unique.clone(), 1);
            *title = unique.clone();
            policy["sla_policy"]["title"] = json!(unique);
        }
    }
}

fn policy(title: String, description: String, filter: Value, metrics: Vec<Value>) -> Value {
    json!({"sla_policy": {
        "title": title,
        "description": description,
        "filter": filter,
        "policy_metrics": metrics,
    }})
}

/// A policy's metrics for every priority: the first reply and the
/// resolution, each on its own clock — `business_hours` false for a target
/// on the wall clock, whose calendar minutes are exact, true for one the
/// policy's schedule counts (a 24x7 legal deadline beside an office-hours
/// first reply: audit 16, M6).
fn metrics(model: &Model, reply: Option<Target>, resolution: Option<Target>) -> Vec<Value> {
    let business = |t: &Target| !sooner::wall(model, t);
    let mut metrics = Vec::new();
    for priority in PRIORITIES {
        for (name, target) in [
            ("first_reply_time", reply),
            ("total_resolution_time", resolution),
        ] {
            if let Some(t) = target {
                metrics.extend(metric(priority, name, t.time, business(&t)));
            }
        }
    }
    metrics
}

/// A policy metric: whole minutes as `target`, anything else as
/// `target_in_seconds`. A target of zero has no Zendesk form.
fn metric(priority: &str, name: &str, target: Duration, business_hours: bool) -> Option<Value> {
    let seconds = target.seconds();
    if seconds == 0 {
        return None;
    }
    Some(if seconds.is_multiple_of(60) {
        json!({"priority": priority, "metric": name, "target": seconds / 60, "business_hours": business_hours})
    } else {
        json!({"priority": priority, "metric": name, "target_in_seconds": seconds, "business_hours": business_hours})
    })
}

/// How a policy recognises a segment's tickets.
pub(super) struct SegmentMatch<'a> {
    names: &'a ExportNames,
    field: &'a str,
    /// Organization ids by segment, when the field is `organization_id`.
    organizations: Option<BTreeMap<Idx<Segment>, Vec<u64>>>,
}

impl<'a> SegmentMatch<'a> {
    fn new(
        model: &Model,
        exports: &'a Exports,
        names: &'a ExportNames,
        problems: &mut Vec<Diagnostic>,
    ) -> Self {
        let field = exports
            .zendesk_segment_field
            .as_deref()
            .unwrap_or(DEFAULT_SEGMENT_FIELD);
        let organizations = (field == "organization_id").then(|| {
            let mut found = BTreeMap::new();
            for (id, segment) in model.segments.iter() {
                match exports
                    .zendesk_organizations
                    .get(segment.header.id.as_str())
                {
                    Some(ids) => {
                        found.insert(id, ids.clone());
                    }
                    None => problems.push(missing_organization(
                        segment.header.span,
                        &segment.header.id,
                    )),
                }
            }
            found
        });
        SegmentMatch {
            names,
            field,
            organizations,
        }
    }

    /// The alternative conditions that match tickets of `segments` (none
    /// for every segment). Tag fields take every tag in one `includes`.
    pub(super) fn conditions(&self, segments: &[Idx<Segment>]) -> Vec<Value> {
        if segments.is_empty() {
            return Vec::new();
        }
        if let Some(organizations) = &self.organizations {
            return segments
                .iter()
                .flat_map(|s| organizations.get(s).into_iter().flatten())
                .map(|id| json!({"field": "organization_id", "operator": "is", "value": id}))
                .collect();
        }
        let values: Vec<&str> = segments.iter().map(|&s| self.names.segment(s)).collect();
        if self.field.ends_with("tags") {
            vec![json!({"field": self.field, "operator": "includes", "value": values.join(" ")})]
        } else {
            values
                .iter()
                .map(|v| json!({"field": self.field, "operator": "is", "value": v}))
                .collect()
        }
    }
}

fn missing_organization(span: Span, segment: &str) -> Diagnostic {
    Diagnostic::new(
        Code::InvalidValue,
        span,
        msg!("zendesk-organization-missing", segment = segment),
    )
    .help(msg!("zendesk-organization-missing-help", segment = segment))
}

/// Filters for conditions that must all hold (`required`), then one of the
/// segment alternatives and one of the channel alternatives (each with what
/// a title calls it). Zendesk has one `any` group per filter, so where both
/// have several alternatives the policy is written once per channel
/// alternative, returned with that alternative's name.
fn filters(
    required: Vec<Value>,
    segments: Vec<Value>,
    channels: Vec<(Value, String)>,
) -> Vec<(Value, Option<String>)> {
    let build = |mut all: Vec<Value>, mut any: Vec<Value>| {
        if any.len() == 1 {
            all.append(&mut any);
        }
        json!({"all": all, "any": any})
    };
    let (conditions, names): (Vec<Value>, Vec<String>) = channels.into_iter().unzip();
    if conditions.len() <= 1 {
        vec![(build([required, conditions].concat(), segments), None)]
    } else if segments.len() <= 1 {
        vec![(build([required, segments].concat(), conditions), None)]
    } else {
        conditions
            .into_iter()
            .zip(names)
            .map(|(c, name)| {
                (
                    build([required.clone(), vec![c]].concat(), segments.clone()),
                    Some(name),
                )
            })
            .collect()
    }
}
