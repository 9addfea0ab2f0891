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
            // The teams whose queues take its contacts, other than the
            // owner's own team and those it leads (it organises those).
            let mut takers: Vec<Idx<Team>> = Vec::new();
            for queue in m.queues.values() {
                if queue.channel.as_ref().and_then(|q| q.target) != Some(c) {
                    continue;
                }
                let Some(t) = queue.team.as_ref().and_then(|t| t.target) else {
                    continue;
                };
                if Some(t) != own_team && !led.contains(&t) && !takers.contains(&t) {
                    takers.push(t);
                }
            }
            let teams = crate::generate::words::quoted_list(
                takers.iter().map(|&t| m.teams[t].header.label()),
                self.w.language,
            );
            let text = match (en, takers.len()) {
                (true, 0) => format!("Own the channel {name}: see that it is open {open} and working, and answer for the service customers get on it."),
                (true, 1) => format!("Own the channel {name}: see that it is open {open} and working, and answer for the service customers get on it. Its contacts are taken by the team {teams}: follow the channel's targets up with its lead."),
                (true, _) => format!("Own the channel {name}: see that it is open {open} and working, and answer for the service customers get on it. Its contacts are taken by the teams {teams}: follow the channel's targets up with their leads."),
                (false, 0) => format!("Отвечать за канал {name}: за то, чтобы он работал {open}, и за обслуживание клиентов в нём."),
                (false, 1) => format!("Отвечать за канал {name}: за то, чтобы он работал {open}, и за обслуживание клиентов в нём. Его обращения принимает подразделение {teams}: контролировать выполнение целевых показателей канала вместе с его руководителем."),
                (false, _) => format!("Отвечать за канал {name}: за то, чтобы он работал {open}, и за обслуживание клиентов в нём. Его обращения принимают подразделения {teams}: контролировать выполнение целевых показателей канала вместе с их руководителями."),
            };
            self.push(Group::Customers, "channel-owner", Via::Own, text);
        }
    }
}
