//! Who does the work a team owns.
//!
//! Work a role owns is that role's. Work a team owns is performed by the
//! team's line roles — every role of the team other than its lead and its
//! supervisory roles; with none, the lead — and organised by the lead and
//! by the supervisory roles the performers report to. A role is
//! *supervisory* when another role of its team, not the team's lead,
//! `reports_to` it (a floor team lead under the centre manager). The job descriptions hand out
//! duties (and the rights that go with them) this way
//! (`generate::job::work`), and the rules that ask what a role may decide
//! (`right-conflict`) ask this same derivation, so the two cannot disagree.

use super::{AnswerTarget, Calendar, Channel, Idx, Model, Party, Queue, Role, Segment, Sla, Team};

/// The roles of each team and its lead, read once.
pub struct Crew {
    roles: Vec<Vec<Idx<Role>>>,
    leads: Vec<Option<Idx<Role>>>,
    team_of: Vec<Option<Idx<Team>>>,
    /// Per role, the roles of its team (not the lead) that report to it:
    /// not empty makes the role supervisory.
    reports: Vec<Vec<Idx<Role>>>,
    /// Per role, the role it reports to, when that is a supervisory role
    /// of its own team (not the lead).
    supervisor: Vec<Option<Idx<Role>>>,
}

impl Crew {
    pub fn new(model: &Model) -> Crew {
        let mut roles = vec![Vec::new(); model.teams.len()];
        let mut team_of = Vec::with_capacity(model.roles.len());
        for (id, role) in model.roles.iter() {
            let team = role.team.as_ref().and_then(|t| t.target);
            if let Some(team) = team {
                roles[team.index()].push(id);
            }
            team_of.push(team);
        }
        let leads = model
            .teams
            .values()
            .map(|t| t.lead.as_ref().and_then(|l| l.target))
            .collect::<Vec<_>>();
        let mut reports = vec![Vec::new(); model.roles.len()];
        let mut supervisor = vec![None; model.roles.len()];
        for (id, role) in model.roles.iter() {
            let Some(team) = team_of[id.index()] else {
                continue;
            };
            let lead = leads[team.index()];
            let Some(boss) = role.reports_to.as_ref().and_then(|b| b.target) else {
                continue;
            };
            if Some(id) == lead || Some(boss) == lead || boss == id {
                continue;
            }
            if team_of[boss.index()] == Some(team) {
                reports[boss.index()].push(id);
                supervisor[id.index()] = Some(boss);
            }
        }
        Crew {
            roles,
            leads,
            team_of,
            reports,
            supervisor,
        }
    }

    /// Whether a role supervises others of its team: some role of the
    /// team, not its lead, `reports_to` it.
    pub fn supervisory(&self, role: Idx<Role>) -> bool {
        !self.reports[role.index()].is_empty()
    }

    /// The roles of its team (not the lead) that report to `role`.
    pub fn reports(&self, role: Idx<Role>) -> &[Idx<Role>] {
        &self.reports[role.index()]
    }

    pub fn lead(&self, team: Idx<Team>) -> Option<Idx<Role>> {
        self.leads[team.index()]
    }

    /// The roles that perform a team's work: all but its lead and its
    /// supervisory roles; with none (only a reports_to circle is left),
    /// all but its lead; with none, the lead.
    pub fn line(&self, team: Idx<Team>) -> Vec<Idx<Role>> {
        let lead = self.leads[team.index()];
        let others = self.roles[team.index()]
            .iter()
            .copied()
            .filter(|&r| Some(r) != lead);
        let line: Vec<Idx<Role>> = others.clone().filter(|&r| !self.supervisory(r)).collect();
        if !line.is_empty() {
            return line;
        }
        let others: Vec<Idx<Role>> = others.collect();
        if others.is_empty() {
            lead.into_iter().collect()
        } else {
            others
        }
    }

    /// Who answers for what a team receives (an escalation, a broken
    /// promise): its lead; without one, its supervisory roles; without
    /// them, each of its roles.
    pub fn accountable(&self, team: Idx<Team>) -> Vec<Idx<Role>> {
        if let Some(lead) = self.leads[team.index()] {
            return vec![lead];
        }
        let supervisors: Vec<Idx<Role>> = self.roles[team.index()]
            .iter()
            .copied()
            .filter(|&r| self.supervisory(r))
            .collect();
        if supervisors.is_empty() {
            self.roles[team.index()].clone()
        } else {
            supervisors
        }
    }

    /// The supervisory roles above `role` in its team, nearest first (each
    /// once, a `reports_to` circle cut).
    fn supervisors(&self, role: Idx<Role>) -> Vec<Idx<Role>> {
        let mut above = Vec::new();
        let mut at = role;
        while let Some(boss) = self.supervisor[at.index()] {
            if boss == role || above.contains(&boss) {
                break;
            }
            above.push(boss);
            at = boss;
        }
        above
    }

    /// Who does work `party` owns: the roles that perform it (`None`), then
    /// those who organise it (`Some(team)`): the supervisory roles the
    /// performers report to, and the lead of their team, unless they
    /// perform it themselves.
    pub fn doers(&self, party: Party) -> Vec<(Idx<Role>, Option<Idx<Team>>)> {
        let (performers, team) = match party {
            Party::Role(r) => (vec![r], self.team_of[r.index()]),
            Party::Team(t) => (self.line(t), Some(t)),
        };
        let mut organisers: Vec<Idx<Role>> = Vec::new();
        if team.is_some() {
            for &p in &performers {
                for boss in self.supervisors(p) {
                    if !performers.contains(&boss) && !organisers.contains(&boss) {
                        organisers.push(boss);
                    }
                }
            }
        }
        let lead = team
            .and_then(|t| self.leads[t.index()])
            .filter(|lead| !performers.contains(lead) && !organisers.contains(lead));
        organisers.extend(lead);
        let organised = organisers
            .into_iter()
            .filter_map(|r| Some((r, Some(team?))));
        performers
            .iter()
            .map(|&r| (r, None))
            .chain(organised)
            .collect()
    }
}

impl Model {
    /// Who takes the contacts `team`'s queues take on `channel`: the
    /// channel's owner when it is a line role of that team, else the team.
    /// A role of another team owning the channel does not take them: the
    /// queue names the team that answers, and the owner role's own team
    /// holds no seat in it. Nor does the team's lead when the team has line
    /// roles: a lead owning a channel answers for it and organises the
    /// line, and the line roles take its contacts (a contact centre's work
    /// is never routed to its lead alone). The job descriptions, staffing (`headcount-short`)
    /// and TaskRouter's TaskQueues all read this.
    pub fn channel_takers(&self, channel: Option<Idx<Channel>>, team: Idx<Team>) -> Party {
        let owner = channel.and_then(|c| self.channels[c].owner.as_ref()?.target);
        let of_team =
            |r: Idx<Role>| self.roles[r].team.as_ref().and_then(|t| t.target) == Some(team);
        let lead = self.teams[team].lead.as_ref().and_then(|l| l.target);
        match owner {
            // A lead with nobody on the line but themselves answers it.
            Some(Party::Role(r))
                if of_team(r)
                    && (Some(r) != lead || !self.roles.ids().any(|o| o != r && of_team(o))) =>
            {
                Party::Role(r)
            }
            _ => Party::Team(team),
        }
    }

    /// Who holds a queue's seats ([`Model::channel_takers`]); `None` for a
    /// queue with no team.
    pub fn queue_takers(&self, queue: &Queue) -> Option<Party> {
        let team = queue.team.as_ref()?.target?;
        Some(self.channel_takers(queue.channel.as_ref().and_then(|c| c.target), team))
    }

    /// The hours a queue's agents work (cxc addition): its own `hours`,
    /// else its team's; `None` when neither says (the queue is then worked
    /// in its channel's hours, as the language has it).
    pub fn queue_hours(&self, queue: &Queue) -> Option<Idx<Calendar>> {
        if let Some(hours) = &queue.hours {
            return hours.target;
        }
        let team = queue.team.as_ref()?.target?;
        self.teams[team].hours.as_ref()?.target
    }

    /// The `answer` targets of `sla` a contact of `segment` on `channel`
    /// answers to, with their place in the SLA: those on the channel, when
    /// the segment uses it. A contact with one is *live* — someone waits
    /// for the answer — so its wait and its hang-ups count: `cxc measure`
    /// judges `asa` and `abandonment` on such contacts only, and staffing
    /// on the queues whose channel has one.
    pub fn live_answers<'s>(
        &self,
        sla: &'s Sla,
        segment: Idx<Segment>,
        channel: Idx<Channel>,
    ) -> impl Iterator<Item = (usize, &'s AnswerTarget)> + 's {
        let applies = self.target_applies(segment, Some(channel));
        sla.answers
            .iter()
            .enumerate()
            .filter(move |(_, a)| applies && a.channel.target == Some(channel))
    }
}
