//! Zendesk SLA policies (`routing/zendesk-sla-policies.json`): request bodies
//! for `POST /api/v2/slas/policies`, one per SLA and one per complaint rule.
//!
//! Zendesk measures tickets, so a policy's `first_reply_time` is the SLA's
//! `first_response` target (the strictest, if several channels have one), or
//! failing that its strictest `answer` target on a channel that becomes a
//! ticket (chat, messenger, social...). Phone answer times belong to the
//! telephony (see `taskrouter`). `total_resolution_time` is the strictest
//! `resolution`. Zendesk counts minutes: a target that is not a whole number
//! of minutes is left out with an `inexact-export` warning, never rounded.
//!
//! Complaint rules come first (Zendesk applies the first policy that
//! matches, and a complaint is the narrower case): tickets tagged
//! `complaint_<id>`, with the severity as the Zendesk priority. The SLAs
//! follow in tier order, matched by segment (by default the tag `<segment
//! id>`; `exports.zendesk.segment_field` in cxc.yaml picks another field).

use super::names::ExportNames;
use crate::config::Exports;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{Calendar, Idx, Model, Ref, SegmentScope};
use crate::source::Span;
use crate::syntax::values::{ChannelKind, ComplaintSeverity, Duration};
use serde_json::{json, Value};

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::InexactExport,
        summary: "A target cannot be written exactly in an export format: Zendesk counts SLA \
                  targets in whole minutes.",
        why: "Rounding 90 seconds to 1 or 2 minutes would quietly change the standard in the \
              system agents work in. cxc leaves such a target out of the export and says so.",
        bad: "sla web for all { first_response email within 90s }",
        fix: "sla web for all { first_response email within 2m }",
    },
    CodeDoc {
        code: Code::ExportConflict,
        summary: "Two segments, channels or complaint rules would have the same name in the \
                  Zendesk and TaskRouter exports.",
        why: "Exports name things by tag or task attribute, in lower case and without hyphens. \
              If `vip-1` and `vip_1` both become `vip_1`, the routing for one silently takes \
              the contacts of the other: the kind of misrouting nobody notices until a key \
              account waits in the retail queue.",
        bad: "segment vip-1 { tier 1 }\nsegment vip_1 { tier 2 }",
        fix: "segment vip_gold { tier 1 }\nsegment vip_silver { tier 2 }",
    },
];

/// Zendesk's priorities, lowest first.
pub const PRIORITIES: [&str; 4] = ["low", "normal", "high", "urgent"];

/// The documented mapping of complaint severities to Zendesk priorities.
pub fn priority(severity: ComplaintSeverity) -> &'static str {
    match severity {
        ComplaintSeverity::Low => "low",
        ComplaintSeverity::Medium => "normal",
        ComplaintSeverity::High => "high",
        ComplaintSeverity::Critical => "urgent",
    }
}

const DEFAULT_SEGMENT_FIELD: &str = "current_tags";

pub fn policies(
    model: &Model,
    exports: &Exports,
    names: &ExportNames,
    problems: &mut Vec<Diagnostic>,
) -> Value {
    let field = exports
        .zendesk_segment_field
        .as_deref()
        .unwrap_or(DEFAULT_SEGMENT_FIELD);
    // Tag fields hold several values; any other field holds one.
    let operator = if field.ends_with("tags") {
        "includes"
    } else {
        "is"
    };
    let segment_condition =
        |segment: &str| json!({"field": field, "operator": operator, "value": segment});
    let business_hours = |hours: Option<&Ref<Idx<Calendar>>>| {
        hours
            .and_then(|h| h.target)
            .is_some_and(|c| !model.calendars[c].is_24x7())
    };
    let mut minutes = |d: Duration, span: Span, what: &str| -> Option<u64> {
        if d.seconds().is_multiple_of(60) {
            return Some(d.seconds() / 60);
        }
        problems.push(
            Diagnostic::new(
                Code::InexactExport,
                span,
                format!(
                    "Zendesk counts SLA targets in whole minutes; this {what} of {} seconds is left out of routing/zendesk-sla-policies.json",
                    d.seconds()
                ),
            )
            .help("write the target in whole minutes (e.g. `within 2m`), or keep it for the phone system"),
        );
        None
    };

    let mut out = Vec::new();
    for (complaint_id, complaint) in model.complaints.iter() {
        let segments: Vec<&str> = match &complaint.segments {
            SegmentScope::Any => Vec::new(),
            SegmentScope::List(list) => crate::model::targets(list)
                .map(|s| names.segment(s))
                .collect(),
        };
        let priorities: Vec<&str> = match complaint.severity {
            Some(s) => vec![priority(s)],
            None => PRIORITIES.to_vec(),
        };
        let business = business_hours(complaint.hours.as_ref());
        let mut metrics = Vec::new();
        let reply = complaint
            .acknowledge
            .and_then(|a| minutes(a.value, a.span, "acknowledgement time"));
        let resolve = complaint
            .resolve
            .and_then(|r| minutes(r.value, r.span, "resolution time"));
        for p in &priorities {
            push_metrics(&mut metrics, p, reply, resolve, business);
        }
        out.push(json!({"sla_policy": {
            "title": format!("Complaint: {}", complaint.header.label()),
            "description": complaint.header.description.clone().unwrap_or_else(|| format!("cxc complaint rule `{}`", complaint.header.id)),
            "filter": {
                "all": [{"field": "current_tags", "operator": "includes", "value": names.complaint_tag(complaint_id)}],
                "any": segments.iter().map(|s| segment_condition(s)).collect::<Vec<_>>(),
            },
            "policy_metrics": metrics,
        }}));
    }

    let mut slas: Vec<_> = model.slas.iter().collect();
    slas.sort_by_key(|(_, sla)| {
        let segments: Vec<_> = crate::model::targets(&sla.segments).collect();
        model.best_tier(&segments).unwrap_or(u32::MAX)
    });
    for (_, sla) in slas {
        let ticket_channel = |c: &Ref<Idx<crate::model::Channel>>| {
            c.target
                .and_then(|c| model.channels[c].kind)
                .is_none_or(|k| k != ChannelKind::Phone)
        };
        let first = sla
            .first_responses
            .iter()
            .map(|r| (r.within, r.span))
            .min_by_key(|(d, _)| *d)
            .or_else(|| {
                sla.answers
                    .iter()
                    .filter(|a| ticket_channel(&a.channel))
                    .map(|a| (a.within, a.span))
                    .min_by_key(|(d, _)| *d)
            });
        let reply = first.and_then(|(d, span)| minutes(d, span, "first reply target"));
        let resolve = sla
            .resolutions
            .iter()
            .map(|r| (r.within, r.span))
            .min_by_key(|(d, _)| *d)
            .and_then(|(d, span)| minutes(d, span, "resolution target"));
        let business = business_hours(sla.hours.as_ref());
        let mut metrics = Vec::new();
        for p in PRIORITIES {
            push_metrics(&mut metrics, p, reply, resolve, business);
        }
        out.push(json!({"sla_policy": {
            "title": sla.header.label(),
            "description": sla.header.description.clone().unwrap_or_else(|| format!("cxc sla `{}`", sla.header.id)),
            "filter": {
                "all": [],
                "any": crate::model::targets(&sla.segments).map(|s| segment_condition(names.segment(s))).collect::<Vec<_>>(),
            },
            "policy_metrics": metrics,
        }}));
    }
    for (position, policy) in out.iter_mut().enumerate() {
        policy["sla_policy"]["position"] = json!(position + 1);
    }
    Value::Array(out)
}

fn push_metrics(
    metrics: &mut Vec<Value>,
    priority: &str,
    reply: Option<u64>,
    resolve: Option<u64>,
    business_hours: bool,
) {
    for (metric, target) in [
        ("first_reply_time", reply),
        ("total_resolution_time", resolve),
    ] {
        if let Some(target) = target {
            metrics.push(json!({"priority": priority, "metric": metric, "target": target, "business_hours": business_hours}));
        }
    }
}
