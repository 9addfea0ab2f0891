//! Who does the work a team owns.
//!
//! Work a role owns is that role's. Work a team owns goes to the team's
//! only role when it has one, else to its lead (who organises it); a team
//! with several roles and no lead names nobody in particular, so each of its
//! roles has the work. The job descriptions hand out duties this way
//! (`generate::job::work`), and the rules that ask what a role may decide
//! (`right-conflict`) must ask the same question the same way.

use super::{Idx, Model, Party, Role};

/// The roles of each team and its lead, read once.
pub struct Crew {
    roles: Vec<Vec<Idx<Role>>>,
    leads: Vec<Option<Idx<Role>>>,
}

impl Crew {
    pub fn new(model: &Model) -> Crew {
        let mut roles = vec![Vec::new(); model.teams.len()];
        for (id, role) in model.roles.iter() {
            if let Some(team) = role.team.as_ref().and_then(|t| t.target) {
                roles[team.index()].push(id);
            }
        }
        let leads = model
            .teams
            .values()
            .map(|t| t.lead.as_ref().and_then(|l| l.target))
            .collect();
        Crew { roles, leads }
    }

    /// The roles that do work `party` owns.
    pub fn doers(&self, party: Party) -> Vec<Idx<Role>> {
        match party {
            Party::Role(r) => vec![r],
            Party::Team(t) => match (self.roles[t.index()].as_slice(), self.leads[t.index()]) {
                ([only], _) => vec![*only],
                (_, Some(lead)) => vec![lead],
                (roles, None) => roles.to_vec(),
            },
        }
    }
}
