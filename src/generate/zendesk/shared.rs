//! Channels whose tickets arrive through one via id: a policy cannot tell
//! them apart unless one has a mark ([`marks`]), so the first policy that
//! names the id takes the tickets of them all, and the export says whose
//! targets win, whose are lost, and whether the winner's are the sooner
//! ([`order`]).

use super::slas::{NamedVia, Target};
use super::sooner::{self, Sooner};
use super::{channel_vias, marks};
use crate::config::Exports;
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::{Arg, Message};
use crate::model::{Channel, Idx, Model};
use crate::msg;
use crate::syntax::values::ChannelKind;

/// The channels sharing a via id with the first policy that names it, for
/// each such policy, in one finding: the winner and every channel whose
/// tickets it takes (two, three or more). That matters only where a
/// policy names the id for segments that use the other channels too; a
/// policy whose segments never write through another channel (the Polish
/// segment's e-mail beside the UK segments' e-mail, told apart by their
/// tags) loses nothing, and an id no policy names (phone answer times
/// belong to the telephony) none. The same channels on a second via id of
/// theirs (a phone line's 34 and 33) are said once.
pub(super) fn shared_vias(
    model: &Model,
    exports: &Exports,
    named: &[NamedVia],
    problems: &mut Vec<Diagnostic>,
) {
    let marked = |c: Idx<Channel>| !marks(model, exports, c).is_empty();
    let meets = |a: &NamedVia, b: &NamedVia| a.segments.iter().any(|s| b.segments.contains(s));
    let mut reported: Vec<(Idx<Channel>, Vec<Idx<Channel>>)> = Vec::new();
    for (i, first) in named.iter().enumerate() {
        // The first policy that names the id for these segments, and takes
        // whatever Zendesk cannot tell apart.
        let earlier = named[..i]
            .iter()
            .any(|p| p.via == first.via && meets(p, first) && !marked(p.channel));
        if marked(first.channel) || earlier {
            continue;
        }
        let own = |c: Idx<Channel>| {
            (named.iter()).find(|p| p.channel == c && p.via == first.via && meets(p, first))
        };
        let losers: Vec<(Idx<Channel>, Option<&NamedVia>)> = (model.channels.iter())
            .map(|(c, _)| c)
            .filter(|&c| c != first.channel && channel_vias(model, exports, c).contains(&first.via))
            .filter(|&c| first.segments.iter().any(|&s| model.uses_channel(s, c)))
            // A marked channel with a policy of its own is told apart.
            .filter(|&c| !(marked(c) && own(c).is_some()))
            .map(|c| (c, own(c)))
            .collect();
        let key = (
            first.channel,
            losers.iter().map(|l| l.0).collect::<Vec<_>>(),
        );
        if losers.is_empty() || reported.contains(&key) {
            continue;
        }
        reported.push(key);
        problems.push(finding(model, first, &losers));
    }
}

/// One finding about `winner`'s policy and the channels whose tickets it
/// takes, at the first of them all in the spec.
fn finding(
    model: &Model,
    winner: &NamedVia,
    losers: &[(Idx<Channel>, Option<&NamedVia>)],
) -> Diagnostic {
    let id = |c: Idx<Channel>| model.channels[c].header.id.as_str();
    let mut all: Vec<Idx<Channel>> = losers.iter().map(|l| l.0).collect();
    all.push(winner.channel);
    all.sort();
    let won = targets(model, (winner.reply, winner.resolution));
    let order = order(model, (id(winner.channel), winner), losers);
    let message = if let [(loser, lost)] = losers {
        let other = all
            .iter()
            .find(|&&c| c != all[0])
            .copied()
            .unwrap_or(*loser);
        msg!(
            "zendesk-shared-via-wins",
            channel = id(all[0]),
            other = id(other),
            via = winner.via,
            winner = id(winner.channel),
            won = won,
            loser = id(*loser),
            lost = lost_targets(model, *lost),
            order = order
        )
    } else {
        let lost: Vec<Arg> = (losers.iter())
            .map(|&(c, lost)| {
                Arg::Message(msg!(
                    "zendesk-shared-via-lost",
                    loser = id(c),
                    lost = lost_targets(model, lost)
                ))
            })
            .collect();
        msg!(
            "zendesk-shared-via-many",
            channels = and(all.iter().map(|&c| id(c))),
            via = winner.via,
            winner = id(winner.channel),
            won = won,
            lost = Arg::List(lost),
            order = order
        )
    };
    // Marking every channel but one tells them all apart: the winner first,
    // so that its policy takes its own tickets only.
    let mut to_mark = vec![winner.channel];
    to_mark.extend(losers[..losers.len() - 1].iter().map(|l| l.0));
    let help = shared_via_help(
        &model.channels[winner.channel],
        (to_mark.len() > 1).then(|| and(to_mark.iter().map(|&c| id(c)))),
    );
    Diagnostic::new(
        Code::InexactExport,
        model.channels[all[0]].header.span,
        message,
    )
    .help(help)
}

/// Channel ids in backticks joined as a list: "`a`, `b` and `c`".
fn and<'a>(ids: impl Iterator<Item = &'a str>) -> Arg {
    let mut ids: Vec<String> = ids.map(|id| format!("`{id}`")).collect();
    let last = ids.pop().unwrap_or_default();
    if ids.is_empty() {
        return Arg::Text(last);
    }
    Arg::Message(msg!(
        "zendesk-channels-and",
        first = ids.join(", "),
        last = last
    ))
}

fn lost_targets(model: &Model, lost: Option<&NamedVia>) -> Arg {
    targets(
        model,
        lost.map_or((None, None), |p| (p.reply, p.resolution)),
    )
}

/// Why the first policy comes first, said after whose targets win: that
/// its targets are the sooner, so no ticket gets a later one than it may be
/// owed; or, for each target of the winner's that is not always the sooner
/// than a loser's ([`sooner::sooner_of`], on the wall clock), how long each
/// can take, so which wins when (30 business minutes end before 4 hours on
/// a ticket that comes in while the office is open, not on one that comes
/// in as it closes), or that the loser's tickets always get the later.
fn order(
    model: &Model,
    (winner, won): (&str, &NamedVia),
    losers: &[(Idx<Channel>, Option<&NamedVia>)],
) -> Arg {
    let mut said: Vec<Arg> = Vec::new();
    for &(loser, lost) in losers {
        let Some(lost) = lost else { continue };
        let loser = model.channels[loser].header.id.as_str();
        let pairs = [
            (msg!("zendesk-metric-reply"), won.reply, lost.reply),
            (
                msg!("zendesk-metric-resolution"),
                won.resolution,
                lost.resolution,
            ),
        ];
        for (metric, w, l) in pairs {
            if let Some(clause) = later(model, metric, (winner, w), (loser, l)) {
                said.push(Arg::Message(clause));
            }
        }
    }
    if said.is_empty() {
        Arg::Message(msg!("zendesk-shared-via-sooner"))
    } else {
        Arg::List(said)
    }
}

/// What a loser's ticket loses on one target (`metric`) to the winner's,
/// unless the winner's always ends first.
fn later(
    model: &Model,
    metric: Message,
    (winner, w): (&str, Option<Target>),
    (loser, l): (&str, Option<Target>),
) -> Option<Message> {
    let metric = Arg::Message(metric);
    let said = |t: &Target| sooner::said(model, t);
    Some(match (sooner::sooner_of(model, w, l), w, l) {
        (Sooner::First | Sooner::Same, _, _) | (_, _, None) => return None,
        (_, None, Some(l)) => msg!(
            "zendesk-shared-via-lacks",
            metric = metric,
            winner = winner,
            loser = loser,
            lost = said(&l)
        ),
        (Sooner::Neither, Some(w), Some(l)) => {
            match sooner::wall_range(model, &w).zip(sooner::wall_range(model, &l)) {
                Some((won_range, lost_range)) => msg!(
                    "zendesk-shared-via-when",
                    metric = metric,
                    winner = winner,
                    won = said(&w),
                    won_takes = sooner::takes(won_range),
                    loser = loser,
                    lost = said(&l),
                    lost_takes = sooner::takes(lost_range)
                ),
                None => msg!(
                    "zendesk-shared-via-when-never",
                    metric = metric,
                    winner = winner,
                    won = said(&w),
                    loser = loser,
                    lost = said(&l)
                ),
            }
        }
        (Sooner::Second, Some(w), Some(l)) => msg!(
            "zendesk-shared-via-later",
            metric = metric,
            winner = winner,
            won = said(&w),
            loser = loser,
            lost = said(&l)
        ),
    })
}

/// A policy's targets as the export's findings say them: "first reply
/// 15 minutes, resolution 8 hours", or that there are none.
pub(super) fn targets(model: &Model, (reply, resolution): (Option<Target>, Option<Target>)) -> Arg {
    let reply = reply.map(|t| msg!("zendesk-target-reply", time = sooner::said(model, &t)));
    let resolution =
        resolution.map(|t| msg!("zendesk-target-resolution", time = sooner::said(model, &t)));
    Arg::Message(match (reply, resolution) {
        (Some(reply), Some(resolution)) => {
            msg!(
                "zendesk-targets-both",
                reply = reply,
                resolution = resolution
            )
        }
        (Some(one), None) | (None, Some(one)) => one,
        (None, None) => msg!("zendesk-no-targets"),
    })
}

/// How to tell a channel's tickets apart — the channel whose policy takes
/// the others', so that marking it hands their tickets back to their own
/// policies; of three or more, every one but the last (`several`) — for
/// its kind: a web form by the ticket form it files with (or the API's via
/// id, 5, when a form files through the API; audit 13 H2: not WhatsApp's
/// 74), anything else by a tag a trigger sets or its brand.
fn shared_via_help(channel: &Channel, several: Option<Arg>) -> Message {
    let id = &channel.header.id;
    let form = channel.kind == Some(ChannelKind::Portal);
    match (several, form) {
        (None, true) => msg!("zendesk-shared-via-help-form", channel = id),
        (None, false) => msg!("zendesk-shared-via-help-tag", channel = id),
        (Some(channels), true) => {
            msg!(
                "zendesk-shared-via-help-form-many",
                channels = channels,
                channel = id
            )
        }
        (Some(channels), false) => {
            msg!(
                "zendesk-shared-via-help-tag-many",
                channels = channels,
                channel = id
            )
        }
    }
}

/// `channel`'s tickets arrive through `via` as those of `others` do (one
/// or more): no policy can tell them apart.
pub(super) fn shared_via(
    model: &Model,
    channel: Idx<Channel>,
    others: &[Idx<Channel>],
    via: u64,
) -> Diagnostic {
    let id = |c: Idx<Channel>| model.channels[c].header.id.as_str();
    let channel = &model.channels[channel];
    let message = match others {
        [other] => msg!(
            "zendesk-shared-via",
            channel = &channel.header.id,
            other = id(*other),
            via = via
        ),
        _ => msg!(
            "zendesk-shared-via-several",
            channel = &channel.header.id,
            others = and(others.iter().map(|&c| id(c))),
            via = via
        ),
    };
    Diagnostic::new(Code::InexactExport, channel.header.span, message)
        .help(shared_via_help(channel, None))
}
