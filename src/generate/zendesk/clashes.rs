//! Marks cxc.yaml gives alike (attack 15, M5): two channels of one via id
//! given the same or overlapping `ticket_forms` ids or `brands`, or the
//! same `channel_tags` tag, are told apart by nothing on the tickets they
//! share, so the first policy of the two takes those tickets; and a channel
//! tag equal to a segment's tag makes the channel's policy require that tag
//! twice and match every ticket of the via id.

use super::slas::Group;
use super::{channel_vias, marks, SegmentMatch};
use crate::config::Exports;
use crate::diagnostic::{Code, Diagnostic};
use crate::generate::minutes::report;
use crate::i18n::{Arg, Message};
use crate::model::{Channel, Idx, Model};
use crate::msg;
use serde_json::Value;

/// The marks two channels both carry on a via id they share.
pub(super) fn shared_marks(
    model: &Model,
    exports: &Exports,
    a: Idx<Channel>,
    b: Idx<Channel>,
) -> Vec<Value> {
    let vias = channel_vias(model, exports, a);
    if a == b
        || !channel_vias(model, exports, b)
            .iter()
            .any(|v| vias.contains(v))
    {
        return Vec::new();
    }
    let theirs = marks(model, exports, b);
    (marks(model, exports, a).into_iter())
        .filter(|m| theirs.contains(m))
        .collect()
}

/// Whether some channel of `a` and one of `b` share a mark.
pub(super) fn overlap(model: &Model, exports: &Exports, a: &Group, b: &Group) -> bool {
    (a.channels.iter())
        .any(|&x| (b.channels.iter()).any(|&y| !shared_marks(model, exports, x, y).is_empty()))
}

/// The map of cxc.yaml a mark comes from, and the mark as a finding says
/// it: "ticket form 2", "tag `vip`".
fn written(mark: &Value) -> (&'static str, Message) {
    let value = match &mark["value"] {
        Value::String(s) => crate::generate::config_keys::shown(s),
        other => other.to_string(),
    };
    match mark["field"].as_str() {
        Some("ticket_form_id") => (
            "exports.zendesk.ticket_forms",
            msg!("zendesk-mark-form", id = value),
        ),
        Some("brand_id") => (
            "exports.zendesk.brands",
            msg!("zendesk-mark-brand", id = value),
        ),
        _ => (
            "exports.zendesk.channel_tags",
            msg!("zendesk-mark-tag", tag = value),
        ),
    }
}

/// For groups in policy order: each later group's channel that shares a
/// mark with an earlier group's, at its key in cxc.yaml — those tickets get
/// the earlier policy's targets (the sooner, [`super::slas`] orders them
/// so), said with them.
pub(super) fn shared(
    model: &Model,
    exports: &Exports,
    groups: &[Group],
    problems: &mut Vec<Diagnostic>,
) {
    for (i, first) in groups.iter().enumerate() {
        for later in &groups[i + 1..] {
            for &winner in &first.channels {
                for &loser in &later.channels {
                    let shared = shared_marks(model, exports, winner, loser);
                    let Some(mark) = shared.first() else { continue };
                    let (map, value) = written(mark);
                    let id = |c: Idx<Channel>| model.channels[c].header.id.as_str();
                    let place = (exports.spec_keys.iter())
                        .find(|k| k.map == map && k.name == id(loser))
                        .map_or(model.channels[loser].header.span, |k| k.place);
                    let won = super::shared::targets(model, (first.reply, first.resolution));
                    let diagnostic = Diagnostic::new(
                        Code::InexactExport,
                        place,
                        msg!(
                            "zendesk-mark-shared",
                            map = map,
                            mark = Arg::Message(value),
                            winner = id(winner),
                            loser = id(loser),
                            won = won
                        ),
                    )
                    .help(msg!("zendesk-mark-shared-help", map = map));
                    report(problems, diagnostic);
                }
            }
        }
    }
}

/// A channel tag that is a segment's tag (where segments are told by tag):
/// the channel's policy requires the segment's tag twice, so it matches
/// every ticket of the via id and takes the other channels' tickets.
pub(super) fn segment_tags(
    model: &Model,
    exports: &Exports,
    segments: &SegmentMatch,
    problems: &mut Vec<Diagnostic>,
) {
    if !segments.field.ends_with("tags") || segments.organizations.is_some() {
        return;
    }
    for (channel, tag) in &exports.zendesk_channel_tags {
        let Some((_, segment)) =
            (model.segments.iter()).find(|&(s, _)| segments.names.segment(s) == tag)
        else {
            continue;
        };
        let map = "exports.zendesk.channel_tags";
        let Some(key) = (exports.spec_keys.iter()).find(|k| k.map == map && &k.name == channel)
        else {
            continue;
        };
        problems.push(
            Diagnostic::new(
                Code::InvalidValue,
                key.place,
                msg!(
                    "zendesk-channel-tag-segment",
                    channel = crate::generate::config_keys::shown(channel),
                    tag = crate::generate::config_keys::shown(tag),
                    segment = &segment.header.id
                ),
            )
            .help(msg!(
                "zendesk-channel-tag-segment-help",
                channel = crate::generate::config_keys::shown(channel)
            )),
        );
    }
}
