//! Who does what: each piece of work the model names, handed to the roles
//! that perform it and to the lead who organises it.
//!
//! - Work a role owns stays with that role.
//! - Work a team owns — a step, a complaint rule, a channel, the responses
//!   of an agreement it provides — is performed by the team's line roles:
//!   every role of the team other than its lead and its supervisory roles
//!   (those another role of the team reports to); with none, the lead.
//! - The lead of the performers' team, and the supervisory roles they
//!   report to, organise the work: they get the organising form of the
//!   same duty ("Ensure the team …"), never "carry out". A team without a
//!   lead or supervisors has nobody organising; its roles perform.
//! - A channel's targets for a segment follow the queues that serve that
//!   channel and segment: their teams perform them (the channel's owner
//!   role, when it belongs to such a team). With no queue for the pair, the
//!   channel's owner does.
//! - A step a team owns goes, channel by channel, to whoever takes the
//!   channel's contacts in the team (`Model::channel_takers`): a line role
//!   owning the channel (`channel … { owner ROLE }`), else every line role.
//!   A line role that takes none of its channels has no part in it. A step
//!   on no staffed channel is every line role's.
//! - Escalations and promise breaches go up: to the team's lead, else to
//!   each of its roles — never to a role that handles the complaint itself.
//! - A journey promise's remedies go to whoever sees it broken: the doers of
//!   the step it is timed to (see [`breach_seers`]).
//! - A team's complaints while the team is closed go, as the routing sends
//!   them ([`Plan::handover`]), to the other teams whose queues serve the
//!   complainant: whoever takes those queues acknowledges them, and the
//!   owner's roles are told who does.
//!
//! [`Plan::handover`]: crate::model::plan::Plan::handover

use crate::model::plan::Plan;
use crate::model::{
    Agreement, Calendar, Channel, Complaint, Crew, Idx, Journey, Model, Party, Promise, Ref,
    Remedy, Role, Segment, Step, Team,
};
use std::collections::{BTreeMap, HashMap};

/// How a role came by a piece of work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Via {
    /// The role performs it.
    Own,
    /// The role leads the team that performs it: it organises the work.
    Lead(Idx<Team>),
}

/// A journey's step and how the role came by it.
pub(crate) type StepWork = (Idx<Journey>, Idx<Step>, Via);

/// The contacts of a segment on a channel, and how the role came by them.
pub(crate) type Contacts = (Idx<Channel>, Idx<Segment>, Via);

/// One pass over the model hands each piece of work to its roles, so the
/// duties of all roles together stay linear in the spec.
pub(crate) struct Work {
    pub steps: Vec<Vec<StepWork>>,
    pub complaints: Vec<Vec<(Idx<Complaint>, Via)>>,
    /// (complaint, index of the escalation in its ladder)
    pub escalations: Vec<Vec<(Idx<Complaint>, usize)>>,
    /// The rungs that name the role handling the complaint itself: not a
    /// rung it escalates to.
    pub own_rungs: Vec<Vec<(Idx<Complaint>, usize)>>,
    /// Promises whose breaches are escalated to the role.
    pub promises: Vec<Vec<Idx<Promise>>>,
    /// Promises whose remedies the role gives (or organises giving) when
    /// they are broken: a promise over a channel, by those who take its
    /// segments' contacts there; over a journey, by the doers of the step
    /// it is timed from.
    pub breaches: Vec<Vec<(Idx<Promise>, Via)>>,
    /// Promises over a journey the role performs a step of: it is told the
    /// promise exists (unless it gives the remedies, which says so).
    pub promised: Vec<Vec<Idx<Promise>>>,
    /// The contacts each role takes or organises, by channel, then segment.
    pub contacts: Vec<Vec<Contacts>>,
    pub agreements: Vec<Vec<(Idx<Agreement>, Via)>>,
    /// The teams each role leads.
    pub leads: Vec<Vec<Idx<Team>>>,
    /// The roles of its team that report to each role: not empty for a
    /// supervisory role ([`Crew::supervisory`]).
    pub supervises: Vec<Vec<Idx<Role>>>,
    /// The channels each role owns (`channel … { owner ROLE }`).
    pub channels: Vec<Vec<Idx<Channel>>>,
    /// Another team's complaints the role acknowledges (or organises
    /// acknowledging) while that team is closed: `teams` is the owner's.
    pub covers: Vec<Vec<Handover>>,
    /// The role's team's complaints others acknowledge while it is closed:
    /// `teams` are those others.
    pub covered: Vec<Vec<Handover>>,
}

/// A team's complaints of one rule acknowledged by others while the team is
/// closed, as one role sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Handover {
    pub complaint: Idx<Complaint>,
    pub via: Via,
    /// The owner's team (for whoever covers it), else the teams covering.
    pub teams: Vec<Idx<Team>>,
    /// The hours of the owner's queue: when it is open.
    pub hours: Idx<Calendar>,
    pub channels: Vec<Idx<Channel>>,
    pub segments: Vec<Idx<Segment>>,
}

impl Handover {
    fn add(list: &mut Vec<Handover>, new: Handover) {
        let known = list.iter_mut().find(|h| h.complaint == new.complaint);
        let Some(known) = known else {
            list.push(new);
            return;
        };
        known.via = known.via.min(new.via);
        merge(&mut known.teams, new.teams);
        merge(&mut known.channels, new.channels);
        merge(&mut known.segments, new.segments);
    }
}

/// `from`'s items not in `into` appended to it.
fn merge<T: PartialEq>(into: &mut Vec<T>, from: Vec<T>) {
    for x in from {
        if !into.contains(&x) {
            into.push(x);
        }
    }
}

type TeamList = Vec<Idx<Team>>;

struct Teams<'m> {
    model: &'m Model,
    crew: Crew,
    /// The teams of the queues serving a channel and a segment they name...
    queues: HashMap<(Idx<Channel>, Idx<Segment>), TeamList>,
    /// ...and of those serving every segment on a channel.
    any_segment: Vec<Vec<Idx<Team>>>,
}

impl<'m> Teams<'m> {
    fn new(m: &'m Model) -> Self {
        let mut teams = Teams {
            model: m,
            crew: Crew::new(m),
            queues: HashMap::new(),
            any_segment: vec![Vec::new(); m.channels.len()],
        };
        for (_, queue) in m.queues.iter() {
            let (Some(channel), Some(team)) = (
                queue.channel.as_ref().and_then(|c| c.target),
                queue.team.as_ref().and_then(|t| t.target),
            ) else {
                continue;
            };
            let add = |list: &mut Vec<Idx<Team>>| {
                if !list.contains(&team) {
                    list.push(team);
                }
            };
            if queue.segments.is_empty() {
                add(&mut teams.any_segment[channel.index()]);
            }
            for segment in crate::model::targets(&queue.segments) {
                add(teams.queues.entry((channel, segment)).or_default());
            }
        }
        teams
    }

    /// Who performs work `party` owns, and the lead who organises it (the
    /// model's one derivation, which `right-conflict` asks too).
    fn doers(&self, party: Option<Party>) -> Vec<(Idx<Role>, Via)> {
        party.map_or_else(Vec::new, |p| {
            self.crew
                .doers(p)
                .into_iter()
                .map(|(r, organises)| (r, organises.map_or(Via::Own, Via::Lead)))
                .collect()
        })
    }

    /// Who does a step: the doers of its owner; a step a team owns on
    /// staffed channels goes, channel by channel, to whoever takes that
    /// channel's contacts in the team ([`Model::channel_takers`]: the line
    /// role owning it, else the team's line roles), so a role that takes
    /// none of its channels has no part in it (its lead still organises
    /// it). A step only on self-service channels, or on none, is the
    /// team's line roles'.
    ///
    /// [`Model::channel_takers`]: crate::model::Model::channel_takers
    fn step_doers(&self, step: &Step) -> Vec<(Idx<Role>, Via)> {
        let owner = target(step.owner.as_ref());
        let Some(Party::Team(team)) = owner else {
            return self.doers(owner);
        };
        let mut doers: BTreeMap<Idx<Role>, Via> = BTreeMap::new();
        let staffed =
            crate::model::targets(&step.channels).filter(|&c| !self.model.channels[c].self_service);
        for channel in staffed {
            let party = self.model.channel_takers(Some(channel), team);
            for (role, via) in self.doers(Some(party)) {
                let known = doers.entry(role).or_insert(via);
                *known = (*known).min(via);
            }
        }
        if doers.is_empty() {
            return self.doers(owner);
        }
        doers.into_iter().collect()
    }

    /// Who takes the contacts of `segment` on `channel`: the teams of the
    /// queues serving the pair, else the channel's owner.
    fn contact_doers(&self, channel: Idx<Channel>, segment: Idx<Segment>) -> Vec<(Idx<Role>, Via)> {
        let owner = target(self.model.channels[channel].owner.as_ref());
        let teams = self
            .queues
            .get(&(channel, segment))
            .into_iter()
            .flatten()
            .chain(&self.any_segment[channel.index()]);
        let mut doers: BTreeMap<Idx<Role>, Via> = BTreeMap::new();
        let mut queued = false;
        for &team in teams {
            queued = true;
            // The owner role staffs its own team's queues.
            let party = self.model.channel_takers(Some(channel), team);
            for (role, via) in self.doers(Some(party)) {
                let known = doers.entry(role).or_insert(via);
                *known = (*known).min(via);
            }
        }
        if !queued {
            return self.doers(owner);
        }
        doers.into_iter().collect()
    }

    /// Who answers for what `party` receives: a role, or a team's lead
    /// (else its supervisory roles, else each of its roles).
    fn accountable(&self, party: Option<Party>) -> Vec<Idx<Role>> {
        match party {
            None => Vec::new(),
            Some(Party::Role(r)) => vec![r],
            Some(Party::Team(t)) => self.crew.accountable(t),
        }
    }
}

fn target(party: Option<&Ref<Party>>) -> Option<Party> {
    party.and_then(|p| p.target)
}

impl Work {
    pub fn new(m: &Model) -> Work {
        let roles = m.roles.len();
        let teams = Teams::new(m);
        let mut work = Work {
            steps: vec![Vec::new(); roles],
            complaints: vec![Vec::new(); roles],
            escalations: vec![Vec::new(); roles],
            own_rungs: vec![Vec::new(); roles],
            promises: vec![Vec::new(); roles],
            breaches: vec![Vec::new(); roles],
            promised: vec![Vec::new(); roles],
            contacts: vec![Vec::new(); roles],
            agreements: vec![Vec::new(); roles],
            leads: vec![Vec::new(); roles],
            supervises: m
                .roles
                .ids()
                .map(|r| teams.crew.reports(r).to_vec())
                .collect(),
            channels: vec![Vec::new(); roles],
            covers: vec![Vec::new(); roles],
            covered: vec![Vec::new(); roles],
        };
        for (c, channel) in m.channels.iter() {
            if let Some(Party::Role(r)) = target(channel.owner.as_ref()) {
                work.channels[r.index()].push(c);
            }
        }
        for t in m.teams.ids() {
            if let Some(lead) = teams.crew.lead(t) {
                work.leads[lead.index()].push(t);
            }
        }
        for (a, agreement) in m.agreements.iter() {
            let provider = agreement.provider.as_ref().and_then(|p| p.target);
            for (r, via) in teams.doers(provider.map(Party::Team)) {
                work.agreements[r.index()].push((a, via));
            }
        }
        for (j, journey) in m.journeys.iter() {
            for (s, step) in journey.steps.iter() {
                for (r, via) in teams.step_doers(step) {
                    work.steps[r.index()].push((j, s, via));
                }
            }
        }
        for (c, complaint) in m.complaints.iter() {
            for (r, via) in teams.doers(target(complaint.owner.as_ref())) {
                work.complaints[r.index()].push((c, via));
            }
            for (e, escalation) in complaint.escalations.iter().enumerate() {
                for r in teams.accountable(escalation.to.target) {
                    // A rung that is the role handling the complaint itself
                    // hands it nothing: it would "take over" its own work
                    // and overrule its own decisions.
                    if work.complaints[r.index()].contains(&(c, Via::Own)) {
                        work.own_rungs[r.index()].push((c, e));
                        continue;
                    }
                    work.escalations[r.index()].push((c, e));
                }
            }
        }
        for (p, promise) in m.promises.iter() {
            for remedy in &promise.on_breach {
                if let Remedy::Escalate(to) = &remedy.value {
                    for r in teams.accountable(to.target) {
                        if work.promises[r.index()].last() != Some(&p) {
                            work.promises[r.index()].push(p);
                        }
                    }
                }
            }
        }
        for (p, promise) in m.promises.iter() {
            work.promise(&teams, p, promise);
        }
        for (s, _) in m.segments.iter() {
            for c in m.segment_channels(s) {
                for (r, via) in teams.contact_doers(c, s) {
                    work.contacts[r.index()].push((c, s, via));
                }
            }
        }
        for contacts in &mut work.contacts {
            contacts.sort();
        }
        work.handovers(&teams);
        work
    }

    /// Who acknowledges each team's complaints while the team is closed:
    /// per task of the rule, the queues the routing hands it over to
    /// ([`Plan::handover`]); the takers of the other teams' queues cover
    /// it, and the owner's doers are told who does.
    ///
    /// [`Plan::handover`]: crate::model::plan::Plan::handover
    fn handovers(&mut self, teams: &Teams) {
        let m = teams.model;
        let plan = Plan::new(m);
        for (c, complaint) in m.complaints.iter() {
            let Some(owner @ Party::Team(owner_team)) = target(complaint.owner.as_ref()) else {
                continue;
            };
            let segments: Vec<Idx<Segment>> = m.served(&complaint.segments).collect();
            let tasks =
                (plan.tasks.iter()).filter(|t| segments.contains(&t.segment) && plan.offered(**t));
            for &task in tasks {
                let (Some(queues), Some(own)) =
                    (plan.handover(owner, task), plan.team_queue(owner, task))
                else {
                    continue;
                };
                let Some(hours) = m.queue_hours(&m.queues[own]) else {
                    continue;
                };
                let handover = |via, teams| Handover {
                    complaint: c,
                    via,
                    teams,
                    hours,
                    channels: vec![task.channel],
                    segments: vec![task.segment],
                };
                let mut others: Vec<Idx<Team>> = Vec::new();
                for q in queues {
                    let queue = &m.queues[q];
                    let team = target_team(queue.team.as_ref());
                    let (Some(team), Some(takers)) = (team, m.queue_takers(queue)) else {
                        continue;
                    };
                    if team == owner_team {
                        continue;
                    }
                    if !others.contains(&team) {
                        others.push(team);
                    }
                    for (r, via) in teams.doers(Some(takers)) {
                        Handover::add(&mut self.covers[r.index()], handover(via, vec![owner_team]));
                    }
                }
                if others.is_empty() {
                    continue;
                }
                for (r, via) in teams.doers(Some(owner)) {
                    Handover::add(&mut self.covered[r.index()], handover(via, others.clone()));
                }
            }
        }
    }
}

fn target_team(team: Option<&Ref<Idx<Team>>>) -> Option<Idx<Team>> {
    team.and_then(|t| t.target)
}

impl Work {
    /// Who gives a promise's remedies when it is broken, and who is told
    /// it exists.
    fn promise(&mut self, teams: &Teams, p: Idx<Promise>, promise: &Promise) {
        let m = teams.model;
        let remedies = promise
            .on_breach
            .iter()
            .any(|r| !matches!(r.value, Remedy::Escalate(_)));
        let mut givers: BTreeMap<Idx<Role>, Via> = BTreeMap::new();
        let mut keep = |role: Idx<Role>, via: Via| {
            let known = givers.entry(role).or_insert(via);
            *known = (*known).min(via);
        };
        if let Some(journey) = &promise.journey {
            let Some(j) = journey.journey.target else {
                return;
            };
            let journey_ = &m.journeys[j];
            let from = journey
                .from
                .as_ref()
                .map_or(journey_.start.as_ref().and_then(|s| s.target), |f| f.target);
            let to = journey.to.as_ref().and_then(|t| t.target);
            if let (Some(from), true) = (from, journey.to.is_none() || to.is_some()) {
                for (r, via) in breach_seers(teams, journey_, from, to) {
                    keep(r, via);
                }
            }
            for (_, step) in journey_.steps.iter() {
                for (r, via) in teams.step_doers(step) {
                    let told = &mut self.promised[r.index()];
                    if via == Via::Own && told.last() != Some(&p) {
                        told.push(p);
                    }
                }
            }
        } else if let Some(channel) = promise.channel.as_ref().and_then(|c| c.target) {
            for segment in m.served(&promise.segments) {
                for (r, via) in teams.contact_doers(channel, segment) {
                    keep(r, via);
                }
            }
        } else if promise.channel.is_none() {
            // A segment-wide promise binds whoever takes the segment's
            // contacts where it is promised a response.
            for segment in m.served(&promise.segments) {
                for channel in promised_channels(m, segment) {
                    for (r, via) in teams.contact_doers(channel, segment) {
                        keep(r, via);
                    }
                }
            }
        }
        for (r, via) in givers {
            if remedies {
                self.breaches[r.index()].push((p, via));
                self.promised[r.index()].retain(|&x| x != p);
            } else if via == Via::Own && self.promised[r.index()].last() != Some(&p) {
                self.promised[r.index()].push(p);
            }
        }
    }
}

/// Who sees a journey promise broken, and so gives its remedies: the doers
/// of the step it is timed `to` (without one, of the `end` steps reachable
/// from `from`) — the promise is judged when the case gets there, and the
/// doers of `from` may have handed the case on days before. Where nobody
/// does those steps, the doers of the steps just before them on the way
/// from `from`, and so on back.
fn breach_seers(
    teams: &Teams,
    journey: &Journey,
    from: Idx<Step>,
    to: Option<Idx<Step>>,
) -> Vec<(Idx<Role>, Via)> {
    let n = journey.steps.len();
    let edges: Vec<(usize, usize)> = journey
        .steps
        .iter()
        .flat_map(|(s, step)| {
            step.next
                .iter()
                .filter_map(move |t| Some((s.index(), t.to.target?.index())))
        })
        .collect();
    let graph = crate::base::graph::graph_of(n, edges.iter().copied());
    let reached = crate::base::graph::reachable_from(&graph, [from.index()]);
    let step = |i: usize| &journey.steps[Idx::<Step>::new(i)];
    let mut level: Vec<usize> = match to {
        Some(to) => vec![to.index()],
        None => (0..n)
            .filter(|&i| reached[i] && step(i).end.is_some())
            .collect(),
    };
    let mut before: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in &edges {
        if reached[a] {
            before[b].push(a);
        }
    }
    let mut seen = vec![false; n];
    for &i in &level {
        seen[i] = true;
    }
    while !level.is_empty() {
        let doers: Vec<(Idx<Role>, Via)> = level
            .iter()
            .flat_map(|&i| teams.step_doers(step(i)))
            .collect();
        if !doers.is_empty() {
            return doers;
        }
        let mut earlier = Vec::new();
        for &i in &level {
            for &b in &before[i] {
                if !std::mem::replace(&mut seen[b], true) {
                    earlier.push(b);
                }
            }
        }
        level = earlier;
    }
    Vec::new()
}

/// The channels a segment-wide promise (neither channel nor journey) is
/// kept on: those where the segment's SLAs set an answer or first-response
/// target — what would back it on a channel; with none, every channel the
/// segment is offered.
fn promised_channels(m: &Model, segment: Idx<Segment>) -> Vec<Idx<Channel>> {
    let targeted: Vec<Idx<Channel>> = m
        .segment_channels(segment)
        .into_iter()
        .filter(|&c| {
            crate::check::backing::targets_on(m, segment, c, None)
                .next()
                .is_some()
        })
        .collect();
    if targeted.is_empty() {
        crate::model::targets(&m.segments[segment].channels).collect()
    } else {
        targeted
    }
}
