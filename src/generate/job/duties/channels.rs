//! The channels a role owns (`channel … { owner ROLE }`). The owner answers
//! for the channel itself — open in its hours and working — and for the
//! service customers get on it; where the contacts are taken by other
//! teams' queues, it follows the channel's targets up with their leads
//! (audit 13, L7: the duty manager who owns the Enterprise phone line was
//! told nothing about it). A role that takes the channel's contacts itself
//! has its targets as duties and gets no more.

use super::{Duties, Group};
use crate::generate::clocks;
use crate::generate::job::work::{Via, Work};
use crate::model::{Idx, Role, Team};
use crate::syntax::values::Language;

impl Duties<'_> {
    pub(super) fn owned_channels(&mut self, work: &Work, role: Idx<Role>) {
        let m = self.w.model;
        let en = self.say.en;
        let own_team = m.roles[role].team.as_ref().and_then(|t| t.target);
        let led = &work.leads[role.index()];
        for &c in &work.channels[role.index()] {
            // A role that takes the channel's contacts itself owns it to
            // have its targets (the guide's way to give a channel's targets
            // to one role): those are its duties already.
            if work.contacts[role.index()]
                .iter()
                .any(|&(ch, _, via)| ch == c && via == Via::Own)
            {
                continue;
            }
            let channel = &m.channels[c];
            let name = self.q(channel.header.label());
            let calendar = channel
                .hours
                .as_ref()
                .and_then(|h| h.target)
                .map(|h| &m.calendars[h])
                .filter(|h| !h.is_24x7());
            let open = match (calendar, en) {
                (None, true) => "around the clock".to_string(),
                (None, false) => "круглосуточно".to_string(),
                (Some(h), true) => format!(
                    "during {} ({})",
                    h.header.label(),
                    clocks::schedule(h, Language::En)
                ),
                (Some(h), false) => format!(
                    "в часы работы по календарю {} ({})",
                    self.q(h.header.label()),
                    clocks::schedule(h, Language::Ru)
                ),
            };
            // Every team whose queue takes its contacts, in the spec's
            // order; the others are those other than the owner's own team
            // and those it leads (it organises those). Where its own team
            // shares the channel with others, all are named (audit 17, L7:
            // «принимает подразделение «… — Алматы»» read as if Almaty
            // alone answered the lead's line).
            let mut takers: Vec<Idx<Team>> = Vec::new();
            for queue in m.queues.values() {
                if queue.channel.as_ref().and_then(|q| q.target) != Some(c) {
                    continue;
                }
                let Some(t) = queue.team.as_ref().and_then(|t| t.target) else {
                    continue;
                };
                if !takers.contains(&t) {
                    takers.push(t);
                }
            }
            let others: Vec<Idx<Team>> = takers
                .iter()
                .copied()
                .filter(|&t| Some(t) != own_team && !led.contains(&t))
                .collect();
            let list = |teams: &[Idx<Team>]| {
                crate::generate::words::quoted_list(
                    teams.iter().map(|&t| m.teams[t].header.label()),
                    self.w.language,
                )
            };
            let owned = format!("{}.", owner_sentence(en, &name, &open));
            let text = match others.len() {
                0 => owned,
                _ => format!(
                    "{owned} {}",
                    takers_sentence(
                        en,
                        &list(&takers),
                        takers.len(),
                        &list(&others),
                        others.len() == takers.len(),
                        others.len()
                    )
                ),
            };
            self.push(Group::Customers, "channel-owner", Via::Own, text);
        }
    }
}

/// The channel owner's duty itself: its hours, that it works, the service.
fn owner_sentence(en: bool, name: &str, open: &str) -> String {
    match en {
        true => format!("Own the channel {name}: see that it is open {open} and working, and answer for the service customers get on it"),
        false => format!("Отвечать за канал {name}: за то, чтобы он работал {open}, и за обслуживание клиентов в нём"),
    }
}

/// Who takes the channel's contacts (`all`, `count` teams) and whose leads
/// the owner follows its targets up with: the `others`, not its own team.
/// `only_others`: its own team takes none, so "its/their lead(s)" is plain.
fn takers_sentence(
    en: bool,
    all: &str,
    count: usize,
    others: &str,
    only_others: bool,
    others_count: usize,
) -> String {
    let lead = match (en, only_others, others_count) {
        (true, true, 1) => "its lead".to_string(),
        (true, true, _) => "their leads".to_string(),
        (true, false, 1) => format!("the lead of {others}"),
        (true, false, _) => format!("the leads of {others}"),
        (false, true, 1) => "его руководителем".to_string(),
        (false, true, _) => "их руководителями".to_string(),
        (false, false, 1) => format!("руководителем подразделения {others}"),
        (false, false, _) => format!("руководителями подразделений {others}"),
    };
    match (en, count) {
        (true, 1) => format!("Its contacts are taken by the team {all}: follow the channel's targets up with {lead}."),
        (true, _) => format!("Its contacts are taken by the teams {all}: follow the channel's targets up with {lead}."),
        (false, 1) => format!("Его обращения принимает подразделение {all}: контролировать выполнение целевых показателей канала вместе с {lead}."),
        (false, _) => format!("Его обращения принимают подразделения {all}: контролировать выполнение целевых показателей канала вместе с {lead}."),
    }
}
