//! Who does the work a team owns.
//!
//! Work a role owns is that role's. Work a team owns is performed by the
//! team's line roles — every role of the team other than its lead; with
//! none, the lead — and organised by the lead. The job descriptions hand out
//! duties (and the rights that go with them) this way
//! (`generate::job::work`), and the rules that ask what a role may decide
//! (`right-conflict`) ask this same derivation, so the two cannot disagree.

use super::{Idx, Model, Party, Role, Team};

/// The roles of each team and its lead, read once.
pub struct Crew {
    roles: Vec<Vec<Idx<Role>>>,
    leads: Vec<Option<Idx<Role>>>,
    team_of: Vec<Option<Idx<Team>>>,
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
            .collect();
        Crew {
            roles,
            leads,
            team_of,
        }
    }

    pub fn lead(&self, team: Idx<Team>) -> Option<Idx<Role>> {
        self.leads[team.index()]
    }

    /// The roles that perform a team's work: all but its lead; with none,
    /// the lead.
    pub fn line(&self, team: Idx<Team>) -> Vec<Idx<Role>> {
        let lead = self.leads[team.index()];
        let line: Vec<Idx<Role>> = self.roles[team.index()]
            .iter()
            .copied()
            .filter(|&r| Some(r) != lead)
            .collect();
        if line.is_empty() {
            lead.into_iter().collect()
        } else {
            line
        }
    }

    /// Who does work `party` owns: the roles that perform it (`None`), then
    /// the lead of their team who organises it (`Some(team)`), unless the
    /// lead performs it.
    pub fn doers(&self, party: Party) -> Vec<(Idx<Role>, Option<Idx<Team>>)> {
        let (performers, team) = match party {
            Party::Role(r) => (vec![r], self.team_of[r.index()]),
            Party::Team(t) => (self.line(t), Some(t)),
        };
        let organiser = team
            .and_then(|t| Some((self.leads[t.index()]?, t)))
            .filter(|(lead, _)| !performers.contains(lead));
        performers
            .into_iter()
            .map(|r| (r, None))
            .chain(organiser.map(|(lead, t)| (lead, Some(t))))
            .collect()
    }
}
