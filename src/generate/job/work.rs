//! Who does what: each piece of work the model names, handed to the role
//! that does it.
//!
//! An owner may be a role or a team. Work a role owns is that role's. Work a
//! team owns is not copied to every role of the team — the waiter does not
//! answer for the banquet office's agreements:
//! - a step, a complaint rule or a channel owned by a team goes to the team's
//!   only role when it has one, else to its lead, who organises it;
//! - the team's agreements and the escalations it receives go to its lead,
//!   else to its only role;
//! - a team with several roles and no lead names nobody accountable, so
//!   each of its roles gets the work rather than nobody.

use crate::model::{
    Agreement, Channel, Complaint, Idx, Journey, Model, Party, Promise, Ref, Remedy, Role, Segment,
    Step, Team,
};

/// How a role came by a piece of work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Via {
    /// The role owns it, or is the only role of the team that does.
    Own,
    /// The role leads the team that owns it: it organises the work.
    Lead(Idx<Team>),
}

/// A journey's step and how the role came by it.
pub(crate) type StepWork = (Idx<Journey>, Idx<Step>, Via);

/// One pass over the model hands each piece of work to its roles, so the
/// duties of all roles together stay linear in the spec.
pub(crate) struct Work {
    pub steps: Vec<Vec<StepWork>>,
    pub complaints: Vec<Vec<(Idx<Complaint>, Via)>>,
    /// (complaint, index of the escalation in its ladder)
    pub escalations: Vec<Vec<(Idx<Complaint>, usize)>>,
    /// Promises whose breaches are escalated to the role.
    pub promises: Vec<Vec<Idx<Promise>>>,
    pub channels: Vec<Vec<(Idx<Channel>, Via)>>,
    pub agreements: Vec<Vec<Idx<Agreement>>>,
    /// The segments offered each channel.
    pub segments_of_channel: Vec<Vec<Idx<Segment>>>,
    /// The teams each role leads.
    pub leads: Vec<Vec<Idx<Team>>>,
}

struct Teams {
    roles: Vec<Vec<Idx<Role>>>,
    leads: Vec<Option<Idx<Role>>>,
}

impl Teams {
    /// Who does work that `party` owns.
    fn doers(&self, party: Option<&Ref<Party>>) -> Vec<(Idx<Role>, Via)> {
        match party.and_then(|p| p.target) {
            None => Vec::new(),
            Some(Party::Role(r)) => vec![(r, Via::Own)],
            Some(Party::Team(t)) => match (self.roles[t.index()].as_slice(), self.leads[t.index()])
            {
                ([only], _) => vec![(*only, Via::Own)],
                (_, Some(lead)) => vec![(lead, Via::Lead(t))],
                (roles, None) => roles.iter().map(|&r| (r, Via::Own)).collect(),
            },
        }
    }

    /// Who answers for what `party` receives or provides as a team: its lead.
    fn accountable(&self, party: Option<&Ref<Party>>) -> Vec<Idx<Role>> {
        match party.and_then(|p| p.target) {
            None => Vec::new(),
            Some(Party::Role(r)) => vec![r],
            Some(Party::Team(t)) => self.team_accountable(t),
        }
    }

    fn team_accountable(&self, t: Idx<Team>) -> Vec<Idx<Role>> {
        match self.leads[t.index()] {
            Some(lead) => vec![lead],
            None => self.roles[t.index()].clone(),
        }
    }
}

impl Work {
    pub fn new(m: &Model) -> Work {
        let roles = m.roles.len();
        let mut teams = Teams {
            roles: vec![Vec::new(); m.teams.len()],
            leads: m
                .teams
                .iter()
                .map(|(_, t)| t.lead.as_ref().and_then(|l| l.target))
                .collect(),
        };
        for (id, role) in m.roles.iter() {
            if let Some(team) = role.team.as_ref().and_then(|t| t.target) {
                teams.roles[team.index()].push(id);
            }
        }
        let mut work = Work {
            steps: vec![Vec::new(); roles],
            complaints: vec![Vec::new(); roles],
            escalations: vec![Vec::new(); roles],
            promises: vec![Vec::new(); roles],
            channels: vec![Vec::new(); roles],
            agreements: vec![Vec::new(); roles],
            segments_of_channel: vec![Vec::new(); m.channels.len()],
            leads: vec![Vec::new(); roles],
        };
        for (t, lead) in teams.leads.iter().enumerate() {
            if let Some(lead) = lead {
                work.leads[lead.index()].push(Idx::new(t));
            }
        }
        for (a, agreement) in m.agreements.iter() {
            if let Some(team) = agreement.provider.as_ref().and_then(|p| p.target) {
                for r in teams.team_accountable(team) {
                    work.agreements[r.index()].push(a);
                }
            }
        }
        for (j, journey) in m.journeys.iter() {
            for (s, step) in journey.steps.iter() {
                for (r, via) in teams.doers(step.owner.as_ref()) {
                    work.steps[r.index()].push((j, s, via));
                }
            }
        }
        for (c, complaint) in m.complaints.iter() {
            for (r, via) in teams.doers(complaint.owner.as_ref()) {
                work.complaints[r.index()].push((c, via));
            }
            for (e, escalation) in complaint.escalations.iter().enumerate() {
                for r in teams.accountable(Some(&escalation.to)) {
                    work.escalations[r.index()].push((c, e));
                }
            }
        }
        for (p, promise) in m.promises.iter() {
            for remedy in &promise.on_breach {
                if let Remedy::Escalate(to) = &remedy.value {
                    for r in teams.accountable(Some(to)) {
                        if work.promises[r.index()].last() != Some(&p) {
                            work.promises[r.index()].push(p);
                        }
                    }
                }
            }
        }
        for (c, channel) in m.channels.iter() {
            for (r, via) in teams.doers(channel.owner.as_ref()) {
                work.channels[r.index()].push((c, via));
            }
        }
        for (s, segment) in m.segments.iter() {
            for c in crate::model::targets(&segment.channels) {
                if work.segments_of_channel[c.index()].last() != Some(&s) {
                    work.segments_of_channel[c.index()].push(s);
                }
            }
        }
        work
    }
}
