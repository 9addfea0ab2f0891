//! specialist-on-team-channels: a line role that owns a channel of its team
//! also takes the team's contacts on the channels the team owns
//! ([`Model::channel_takers`]), in its job description, in `headcount-short`
//! and in TaskRouter alike — the Gold advisors of an FNOL team answer its
//! phone and chat too (outside audit 6, F11). Said once per role, so the CX
//! lead can choose: another role owns those channels, or the specialists
//! help there and the finding is allowed.

use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{Channel, Crew, Idx, Model, Party, Role, Team};
use crate::msg;
use std::collections::BTreeMap;

pub const DOCS: &[CodeDoc] = &[CodeDoc {
    code: Code::SpecialistOnTeamChannels,
    context: "team desk { lead desk_lead }\nrole desk_lead { team desk; duty \"Leads the desk\" }\nrole clerk { team desk; reports_to desk_lead; duty \"Answers\" }\nrole vip_clerk { team desk; reports_to desk_lead; duty \"Answers VIPs\" }\nchannel vip_line { kind phone; owner vip_clerk; hours workday }\nsegment vip { channels vip_line }\nsla vip_sla for vip { answer vip_line 90% within 20s }",
    bad: "channel desk_line { kind phone; owner desk; hours workday }\nsegment callers { channels desk_line }\nsla callers_sla for callers { answer desk_line 80% within 1m }",
    fix: "channel desk_line { kind phone; owner clerk; hours workday }\nsegment callers { channels desk_line }\nsla callers_sla for callers { answer desk_line 80% within 1m }",
}];

/// The channels whose contacts `team` takes: those its queues serve, and
/// those it owns that no queue serves. Self-service channels take none.
fn taken_by(model: &Model) -> BTreeMap<Idx<Team>, Vec<Idx<Channel>>> {
    let mut queued = vec![false; model.channels.len()];
    let mut taken: BTreeMap<Idx<Team>, Vec<Idx<Channel>>> = BTreeMap::new();
    let mut add = |team: Idx<Team>, channel: Idx<Channel>| {
        let list = taken.entry(team).or_default();
        if !list.contains(&channel) {
            list.push(channel);
        }
    };
    for (_, queue) in model.queues.iter() {
        let channel = queue.channel.as_ref().and_then(|c| c.target);
        let team = queue.team.as_ref().and_then(|t| t.target);
        if let Some(channel) = channel {
            queued[channel.index()] = true;
            if let Some(team) = team {
                add(team, channel);
            }
        }
    }
    for (id, channel) in model.channels.iter() {
        if queued[id.index()] || channel.self_service {
            continue;
        }
        match channel.owner.as_ref().and_then(|o| o.target) {
            Some(Party::Team(team)) => add(team, id),
            Some(Party::Role(role)) => {
                if let Some(team) = model.roles[role].team.as_ref().and_then(|t| t.target) {
                    add(team, id);
                }
            }
            None => {}
        }
    }
    for list in taken.values_mut() {
        list.retain(|&c| !model.channels[c].self_service);
    }
    taken
}

pub fn check(ctx: &mut Ctx) {
    let model = ctx.model;
    let crew = Crew::new(model);
    for (team, channels) in taken_by(model) {
        if crew.line(team).len() < 2 {
            continue;
        }
        let mut own: BTreeMap<Idx<Role>, Vec<Idx<Channel>>> = BTreeMap::new();
        let mut shared = Vec::new();
        for &c in &channels {
            match model.channel_takers(Some(c), team) {
                Party::Role(r) => own.entry(r).or_default().push(c),
                Party::Team(_) => shared.push(c),
            }
        }
        if shared.is_empty() {
            continue;
        }
        let names = |list: &[Idx<Channel>]| {
            crate::diagnostic::elide(
                list.iter()
                    .map(|&c| format!("`{}`", model.channels[c].header.id)),
                ", ",
            )
        };
        for (role, owned) in own {
            let header = &model.roles[role].header;
            ctx.report(
                Diagnostic::new(
                    Code::SpecialistOnTeamChannels,
                    header.span,
                    msg!(
                        "specialist-on-team-channels",
                        role = &header.id,
                        owned = names(&owned),
                        team = &model.teams[team].header.id,
                        shared = names(&shared)
                    ),
                )
                .help(msg!(
                    "specialist-on-team-channels-help",
                    role = &header.id,
                    channel = &model.channels[shared[0]].header.id
                )),
            );
        }
    }
}
