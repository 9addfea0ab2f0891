//! Duties a role has because of the model, not because someone wrote them
//! down: the journey steps it performs, the complaints it handles, the
//! escalations it receives, the targets of the contacts it takes, the
//! agreements its team provides, how to treat the customer types it serves —
//! and always customer retention. Work the role organises as a lead comes in
//! the organising form ([`super::phrases`]). Each duty belongs to a group,
//! the heading it is listed under.

mod channels;
mod handover;
mod staffing;

use super::phrases::{Doer, Phrases, Segments};
use super::work::{Via, Work};
use crate::generate::wording::Wording;
use crate::generate::words::{self, quoted_list, term, Term};
use crate::model::{
    targets, Calendar, Channel, Complaint, Idx, Party, Ref, ResolutionTarget, Role, Segment, Sla,
    Team,
};
use crate::staffing::QueuePlan;
use crate::syntax::values::{trim_float, Feedback, Language, TimeLimit};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The headings duties are listed under, in the order of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Group {
    /// The duties the spec states (`duty "..."`).
    Declared,
    /// Work a team performs that the role organises as its lead.
    Organise,
    Customers,
    Complaints,
    Teamwork,
    Targets,
}

impl Group {
    fn title(self, language: Language) -> &'static str {
        match (self, language) {
            (Group::Declared, Language::En) => "Main duties",
            (Group::Declared, Language::Ru) => "Основные обязанности",
            (Group::Organise, Language::En) => "Organising the work of the team",
            (Group::Organise, Language::Ru) => "Организация работы подразделения",
            (Group::Customers, Language::En) => "Customers and requests",
            (Group::Customers, Language::Ru) => "Работа с клиентами и обращениями",
            (Group::Complaints, Language::En) => "Complaints",
            (Group::Complaints, Language::Ru) => "Работа с жалобами",
            (Group::Teamwork, Language::En) => "Teamwork and agreements",
            (Group::Teamwork, Language::Ru) => "Взаимодействие и внутренние соглашения",
            (Group::Targets, Language::En) => "Targets",
            (Group::Targets, Language::Ru) => "Целевые показатели",
        }
    }

    /// The heading: the work the role organises is headed by its team.
    pub(crate) fn title_for(self, via: Via, w: &Wording) -> String {
        let title = self.title(w.language);
        match via {
            Via::Own => title.to_string(),
            Via::Lead(team) => format!("{title} {}", w.q(w.model.teams[team].header.label())),
        }
    }
}

/// A duty derived from the model: what kind of work it comes from, its
/// heading, and the sentence for the job description.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Duty {
    pub group: Group,
    pub kind: &'static str,
    /// Work the role organises as a lead is listed under that team.
    #[serde(skip)]
    pub via: Via,
    pub text: String,
}

/// The derived duties of a role: grouped, in a stable order.
pub(crate) fn derive(w: &Wording, work: &Work, plans: &[QueuePlan], role: Idx<Role>) -> Vec<Duty> {
    let mut duties = Duties {
        w: *w,
        plans,
        say: Phrases {
            en: w.language == Language::En,
        },
        list: Vec::new(),
        served: BTreeMap::new(),
        stated: BTreeSet::new(),
    };
    let r = role.index();
    duties.lead(&work.leads[r]);
    duties.supervise(&work.supervises[r]);
    duties.steps(work, r);
    duties.complaints(work, r);
    duties.handovers(work, role);
    duties.promises(work, r);
    duties.targets(work, role);
    duties.owned_channels(work, role);
    duties.agreements(work, r);
    duties.customer_types();
    let retention = if duties.say.en {
        "Retain customers: treat every contact, complaint and failure as a chance to keep the customer, and never let a customer leave without an offer to put things right."
    } else {
        "Удерживать клиентов: использовать каждое обращение, жалобу и сбой как возможность сохранить клиента и не отпускать клиента без предложения исправить ситуацию."
    };
    duties.push(
        Group::Customers,
        "retention",
        Via::Own,
        retention.to_string(),
    );
    let mut list = duties.list;
    list.sort_by_key(|d| d.group);
    list
}

struct Duties<'a> {
    w: Wording<'a>,
    /// The staffing of the queues that have a forecast, in queue order.
    plans: &'a [QueuePlan],
    say: Phrases,
    list: Vec<Duty>,
    /// The segments whose customers the role meets, for the customer
    /// types, each with the channels it meets them on.
    served: BTreeMap<Idx<Segment>, Met>,
    /// The answer and first-response targets a lead's queue lines state.
    stated: BTreeSet<Stated>,
}

/// A queue target stated in a lead's staffing line: the team, the segment,
/// the channel, the SLA, whether an answer (else a first-response) target,
/// and which of the SLA's lines of that kind.
type Stated = (Idx<Team>, Idx<Segment>, Idx<Channel>, Idx<Sla>, bool, usize);

impl Duties<'_> {
    fn q(&self, name: &str) -> String {
        self.w.q(name)
    }

    /// The role meets customers of `segment` on `channels`; with none, in
    /// work of theirs whatever the channel (a step, a complaint).
    fn meet(&mut self, segment: Idx<Segment>, channels: &[Idx<Channel>]) {
        let met = self.served.entry(segment).or_default();
        met.channels.extend(channels.iter().copied());
        met.anywhere |= channels.is_empty();
    }

    /// The team a role organises work for, quoted; `None` for its own work.
    fn team(&self, via: Via) -> Option<String> {
        match via {
            Via::Own => None,
            Via::Lead(t) => Some(self.q(self.w.model.teams[t].header.label())),
        }
    }

    /// "20 seconds (around the clock)": a time with the clock it counts on.
    fn timed(&self, d: TimeLimit, hours: Option<&Ref<Idx<Calendar>>>) -> String {
        let t = self.w.duration(d, hours);
        t.full_gen.clone()
    }

    fn push(&mut self, group: Group, kind: &'static str, via: Via, text: String) {
        self.list.push(Duty {
            group,
            kind,
            via,
            text,
        });
    }

    fn lead(&mut self, teams: &[Idx<crate::model::Team>]) {
        for &team in teams {
            let team = self.q(self.w.model.teams[team].header.label());
            let text = if self.say.en {
                format!("Lead the team {team}: plan its work and staffing, and answer for the standards it keeps.")
            } else {
                format!("Руководить подразделением {team}: планировать его работу и численность, отвечать за выполнение им стандартов.")
            };
            self.push(Group::Teamwork, "lead", Via::Own, text);
        }
        for &team in teams {
            self.staffing(team);
        }
    }

    /// A supervisory role leads the people who report to it: it
    /// organises, coaches and monitors them, and takes what they raise.
    fn supervise(&mut self, reports: &[Idx<Role>]) {
        if reports.is_empty() {
            return;
        }
        let names = quoted_list(
            reports
                .iter()
                .map(|&r| self.w.model.roles[r].header.label()),
            self.w.language,
        );
        let text = if self.say.en {
            format!("Supervise the positions {names}, which report to this position: organise and allocate their work and shifts, coach them, monitor the targets they must meet, and handle the cases and escalations they raise.")
        } else {
            format!("Руководить работой должностей {names}, подчинённых этой должности: организовывать и распределять их работу и смены, обучать их и развивать, контролировать выполнение ими целевых показателей, разбирать случаи и эскалации, которые они передают.")
        };
        self.push(Group::Teamwork, "supervise", Via::Own, text);
    }

    fn steps(&mut self, work: &Work, r: usize) {
        let m = self.w.model;
        for &(journey, step, via) in &work.steps[r] {
            let journey = &m.journeys[journey];
            let step = &journey.steps[step];
            // The customer types of the segments met on the step's channels
            // this role has part in: of a team's step, those it owns.
            let channels: Vec<Idx<Channel>> = targets(&step.channels).collect();
            let team_owned = matches!(
                step.owner.as_ref().and_then(|o| o.target),
                Some(Party::Team(_))
            );
            let owned: Vec<Idx<Channel>> = channels
                .iter()
                .copied()
                .filter(|c| via == Via::Own && team_owned && work.channels[r].contains(c))
                .collect();
            let part = if owned.is_empty() { channels } else { owned };
            // Doing a journey's step is serving its customers whatever
            // the channel: their types' strategies apply to it.
            for segment in self.met(m.served(&journey.segments), &part) {
                self.meet(segment, &[]);
            }
            let (s, j) = (self.q(step.header.label()), self.q(journey.header.label()));
            // A step's deadline runs around the clock: it has no calendar.
            let deadline = step.within.map(|w| self.timed(w.value, None));
            let team = self.team(via);
            let doer = team.as_deref().map_or(Doer::Me, Doer::Team);
            let by_role = matches!(
                step.owner.as_ref().and_then(|o| o.target),
                Some(Party::Role(_))
            );
            let (kind, text) = if let (true, true, Some(deadline)) =
                (m.is_self_service(step), by_role, deadline.as_deref())
            {
                // A role's own deadline on a step the customer sees in the
                // app: the role answers for it being done in time.
                let names: Vec<&str> = targets(&step.channels)
                    .map(|c| m.channels[c].header.label())
                    .collect();
                let channels = quoted_list(names.iter().copied(), self.w.language);
                let text = self.say.self_service_deadline(
                    doer,
                    &s,
                    &j,
                    (&channels, names.len() > 1),
                    deadline,
                );
                ("self-service-deadline", text)
            } else if m.is_self_service(step) {
                let text = self
                    .say
                    .self_service_step(doer, &s, &j, deadline.as_deref());
                ("self-service-step", text)
            } else {
                ("step", self.say.step(doer, &s, &j, deadline.as_deref()))
            };
            self.push(Group::Customers, kind, via, text);
        }
    }

    /// The segments of `segments` whose customers come by one of
    /// `channels`; with no channels, or none of them used by any of the
    /// segments (a spec need not list every channel on its segments), all.
    fn met(
        &self,
        segments: impl Iterator<Item = Idx<Segment>>,
        channels: &[Idx<Channel>],
    ) -> Vec<Idx<Segment>> {
        let m = self.w.model;
        let all: Vec<Idx<Segment>> = segments.collect();
        let met: Vec<Idx<Segment>> = all
            .iter()
            .copied()
            .filter(|&s| channels.iter().any(|&c| m.uses_channel(s, c)))
            .collect();
        if met.is_empty() {
            all
        } else {
            met
        }
    }

    fn complaints(&mut self, work: &Work, r: usize) {
        let m = self.w.model;
        let owned: BTreeMap<Idx<Complaint>, Via> = work.complaints[r].iter().copied().collect();
        let mut all: Vec<Idx<Complaint>> = owned
            .keys()
            .copied()
            .chain(work.escalations[r].iter().map(|&(c, _)| c))
            .collect();
        all.sort();
        all.dedup();
        let receives: BTreeSet<(Idx<Complaint>, usize)> =
            work.escalations[r].iter().copied().collect();
        // The rungs that are this role: never the next level it escalates to.
        let mine: BTreeSet<(Idx<Complaint>, usize)> =
            receives.iter().chain(&work.own_rungs[r]).copied().collect();
        for id in all {
            let complaint = &m.complaints[id];
            let segments: Vec<Idx<Segment>> = m.served(&complaint.segments).collect();
            let hours = complaint.hours.as_ref();
            let category = self.q(complaint.header.label());
            if let Some(&via) = owned.get(&id) {
                // A team's complaints: a line role that owns channels meets
                // the complainants who come by them.
                let team_owned = matches!(
                    complaint.owner.as_ref().and_then(|o| o.target),
                    Some(Party::Team(_))
                );
                let met = if via == Via::Own && team_owned {
                    self.met(segments.iter().copied(), &work.channels[r])
                } else {
                    segments.clone()
                };
                for segment in met {
                    self.meet(segment, &[]);
                }
                let severity = complaint
                    .severity
                    .map(|s| term(Term::Severity(s), self.w.language));
                let acknowledge = complaint.acknowledge.map(|a| self.timed(a.value, hours));
                let resolve = complaint.resolve.map(|r| self.timed(r.value, hours));
                let team = self.team(via);
                let doer = team.as_deref().map_or(Doer::Me, Doer::Team);
                let text = self.say.complaint(
                    doer,
                    &category,
                    severity,
                    acknowledge.as_deref(),
                    resolve.as_deref(),
                );
                self.push(Group::Complaints, "complaint", via, text);
                // What `cxc measure` judges the rule on besides its times:
                // the outcome told, and the first rung reached on time.
                if complaint
                    .feedback
                    .as_ref()
                    .is_some_and(|f| f.value == Feedback::Required)
                {
                    let text = self.say.complaint_feedback(doer, &category);
                    self.push(Group::Complaints, "complaint-feedback", via, text);
                }
                self.next_rung(&category, (id, complaint), 0, &mine, via);
            }
            for (e, escalation) in complaint.escalations.iter().enumerate() {
                if receives.contains(&(id, e)) {
                    for &segment in &segments {
                        self.meet(segment, &[]);
                    }
                    let after = self.timed(escalation.after, hours);
                    let text = if self.say.en {
                        format!("Take over complaints of the category {category} that are not resolved within {after} of arriving.")
                    } else {
                        format!("Принимать на себя жалобы категории {category}, не решённые в течение {after} после поступления.")
                    };
                    self.push(Group::Complaints, "escalation", Via::Own, text);
                    self.next_rung(&category, (id, complaint), e + 1, &mine, Via::Own);
                }
            }
        }
    }

    /// The first rung of a complaint's ladder from `from` on that is not
    /// the role itself (`mine`, for its own work), if there is one: pass
    /// the complaint up by its `after`.
    fn next_rung(
        &mut self,
        category: &str,
        (id, complaint): (Idx<Complaint>, &Complaint),
        from: usize,
        mine: &BTreeSet<(Idx<Complaint>, usize)>,
        via: Via,
    ) {
        // A team escalates to its lead even where the lead is the one
        // organising it.
        let theirs = |e: usize| via == Via::Own && mine.contains(&(id, e));
        let Some(next) = (from..complaint.escalations.len()).find(|&e| !theirs(e)) else {
            return;
        };
        let rung = &complaint.escalations[next];
        let after = self.timed(rung.after, complaint.hours.as_ref());
        let name = self.q(self.w.party(&rung.to).label);
        let team = self.team(via);
        let doer = team.as_deref().map_or(Doer::Me, Doer::Team);
        if self.w.model.outside(rung.to.target) {
            let text = self.say.complaint_refer(doer, category, &after, &name);
            self.push(Group::Complaints, "complaint-refer", via, text);
            return;
        }
        let to = match (self.say.en, rung.to.target) {
            // The team escalates to the one organising it: it is this
            // position, not a name read as someone else (audit 13, M5: the
            // VP of Support told to see complaints escalated to the VP of
            // Support).
            (true, _) if mine.contains(&(id, next)) => "this position".to_string(),
            (false, _) if mine.contains(&(id, next)) => "эта должность".to_string(),
            (true, _) => name,
            (false, Some(Party::Team(_))) => format!("подразделение {name}"),
            (false, _) => format!("роль {name}"),
        };
        let text = self.say.complaint_escalate(doer, category, &after, &to);
        self.push(Group::Complaints, "complaint-escalate", via, text);
    }

    fn promises(&mut self, work: &Work, r: usize) {
        for &promise in &work.promises[r] {
            let promise = self.q(self.w.model.promises[promise].header.label());
            let text = if self.say.en {
                format!("Take over every breach of the public promise {promise} and put it right with the customer.")
            } else {
                format!("Разбирать каждое нарушение публичного обещания {promise} и исправлять ситуацию для клиента.")
            };
            self.push(Group::Complaints, "promise", Via::Own, text);
        }
        let m = self.w.model;
        for &(promise, via) in &work.breaches[r] {
            let p = &m.promises[promise];
            let name = self.q(p.header.label());
            let remedies = super::rights::promise_remedies(&self.w, promise);
            let team = self.team(via);
            let doer = team.as_deref().map_or(Doer::Me, Doer::Team);
            let text = self.say.breach(doer, &name, &remedies);
            self.push(Group::Complaints, "promise-breach", via, text);
        }
        for &promise in &work.promised[r] {
            let p = &m.promises[promise];
            let name = self.q(p.header.label());
            let text = if self.say.en {
                format!("Know the public promise {name} made to customers, and do this position's work so that it is kept.")
            } else {
                format!("Знать публичное обещание {name}, данное клиентам, и выполнять свою работу так, чтобы оно соблюдалось.")
            };
            self.push(Group::Customers, "promise-known", Via::Own, text);
        }
    }

    /// The SLA targets of the contacts the role takes (or organises), each
    /// with the clock it counts on.
    fn targets(&mut self, work: &Work, role: Idx<Role>) {
        let r = role.index();
        let m = self.w.model;
        // Segments whose contacts the role takes or organises, each way once:
        // a lead may take one channel itself and organise another.
        let mut staffed: BTreeSet<(Idx<Segment>, Via)> = BTreeSet::new();
        for &(channel_id, segment_id, via) in &work.contacts[r] {
            self.meet(segment_id, &[channel_id]);
            staffed.insert((segment_id, via));
            let c = self.q(m.channels[channel_id].header.label());
            let s = self.q(m.segments[segment_id].header.label());
            let team = self.team(via);
            let doer = team.as_deref().map_or(Doer::Me, Doer::Team);
            let on = |target: &Ref<Idx<crate::model::Channel>>| target.target == Some(channel_id);
            // A target the lead's queue line states is not said again.
            let stated = |duties: &Self, sla, answer, i| match via {
                Via::Lead(t) => duties
                    .stated
                    .contains(&(t, segment_id, channel_id, sla, answer, i)),
                Via::Own => false,
            };
            let worked = self.worked_hours(role, channel_id, via);
            for (sla_id, sla) in m.slas_of(segment_id) {
                let hours = sla.hours.as_ref();
                // The target's clock, and the hours the team is at work
                // when they are not the same (a centre's share of a 24x7
                // line, audit 13 H1c).
                let on_duty = worked
                    .filter(|&c| hours.and_then(|h| h.target) != Some(c))
                    .map(|c| self.on_duty(c, via));
                let w = self.w;
                let timed = |d| {
                    let t = w.duration(d, hours).full_gen;
                    match &on_duty {
                        Some(note) => format!("{t}, {note}"),
                        None => t,
                    }
                };
                for (i, a) in sla.answers.iter().enumerate() {
                    if !on(&a.channel) || stated(self, sla_id, true, i) {
                        continue;
                    }
                    let p = trim_float(a.percent.value());
                    let text = self.say.answer(doer, &s, &c, &p, &timed(a.within));
                    self.push(Group::Targets, "target", via, text);
                }
                for (i, f) in sla.first_responses.iter().enumerate() {
                    if !on(&f.channel) || stated(self, sla_id, false, i) {
                        continue;
                    }
                    let text = self.say.first_response(doer, &s, &c, &timed(f.within));
                    self.push(Group::Targets, "target", via, text);
                }
                for res in sla
                    .resolutions
                    .iter()
                    .filter(|t| t.channel.as_ref().is_some_and(on))
                {
                    let text = self.resolution(doer, &s, Some(&c), res, sla);
                    self.push(Group::Targets, "target", via, text);
                }
            }
        }
        // A resolution target without a channel binds everyone who takes the
        // segment's contacts on a channel its SLA governs
        // ([`crate::model::Model::sla_governs`]), once, not once per channel.
        for &(segment_id, via) in &staffed {
            let s = self.q(m.segments[segment_id].header.label());
            let team = self.team(via);
            let doer = team.as_deref().map_or(Doer::Me, Doer::Team);
            for (_, sla) in m.slas_of(segment_id) {
                let governs = work.contacts[r].iter().any(|&(c, seg, v)| {
                    seg == segment_id && v == via && m.sla_governs(segment_id, sla, c)
                });
                if !governs {
                    continue;
                }
                for res in sla.resolutions.iter().filter(|t| t.channel.is_none()) {
                    let text = self.resolution(doer, &s, None, res, sla);
                    self.push(Group::Targets, "target", via, text);
                }
            }
        }
    }

    /// The hours `role` (or the team it leads, `via`) works `channel`
    /// (cxc addition): the `hours` of the team's queue on it, or of the
    /// team; `None` when neither says.
    fn worked_hours(
        &self,
        role: Idx<Role>,
        channel: Idx<Channel>,
        via: Via,
    ) -> Option<Idx<Calendar>> {
        let m = self.w.model;
        let team = match via {
            Via::Lead(t) => Some(t),
            Via::Own => m.roles[role].team.as_ref().and_then(|t| t.target),
        }?;
        let queue = m.queues.values().find(|q| {
            q.channel.as_ref().and_then(|c| c.target) == Some(channel)
                && q.team.as_ref().and_then(|t| t.target) == Some(team)
        });
        match queue {
            Some(q) => m.queue_hours(q),
            None => m.teams[team].hours.as_ref()?.target,
        }
    }

    /// "in this position's working hours (Singapore centre: Mon–Fri
    /// 08:00–17:00 Singapore time)", or the team's for a lead.
    fn on_duty(&self, calendar: Idx<Calendar>, via: Via) -> String {
        let c = &self.w.model.calendars[calendar];
        let when = crate::generate::clocks::schedule(c, self.w.language);
        let label = c.header.label();
        match (self.say.en, via) {
            (true, Via::Own) => format!("in this position's working hours ({label}: {when})"),
            (true, Via::Lead(_)) => format!("in the team's working hours ({label}: {when})"),
            (false, Via::Own) => format!("в рабочие часы этой должности («{label}»: {when})"),
            (false, Via::Lead(_)) => {
                format!("в рабочие часы подразделения («{label}»: {when})")
            }
        }
    }

    fn resolution(
        &self,
        doer: Doer,
        segment: &str,
        channel: Option<&str>,
        target: &ResolutionTarget,
        sla: &Sla,
    ) -> String {
        let within = self.timed(target.within, sla.hours.as_ref());
        self.say.resolution(doer, segment, channel, &within)
    }

    fn agreements(&mut self, work: &Work, r: usize) {
        let m = self.w.model;
        let language = self.w.language;
        for &(agreement, via) in &work.agreements[r] {
            let agreement = &m.agreements[agreement];
            let consumer = agreement.consumer.as_ref().map_or("?", |c| &c.name);
            let consumer = agreement
                .consumer
                .as_ref()
                .and_then(|c| c.target)
                .map_or(consumer, |c| m.teams[c].header.label());
            let consumer = self.q(consumer);
            let team = self.team(via);
            let doer = team.as_deref().map_or(Doer::Me, Doer::Team);
            for respond in &agreement.responds {
                // An agreement's times run around the clock: it has no calendar.
                let within = self.timed(respond.within, None);
                let named = quoted_list(
                    respond.segments.iter().map(|s| {
                        s.target
                            .map_or(s.name.as_str(), |s| m.segments[s].header.label())
                    }),
                    language,
                );
                let scope = if !respond.segments.is_empty() {
                    Segments::Named(&named, respond.segments.len())
                } else if agreement.has_segment_lines() {
                    Segments::Others
                } else {
                    Segments::All
                };
                let text = self.say.agreement(doer, &consumer, scope, &within);
                self.push(Group::Teamwork, "agreement", via, text);
            }
            // Its resolution time, as the agreements page states it
            // (outside audit 8, H5: only the response times were listed).
            if let Some(resolve) = &agreement.resolve {
                let within = self.timed(resolve.value, None);
                let text = self.say.agreement_resolve(doer, &consumer, &within);
                self.push(Group::Teamwork, "agreement", via, text);
            }
        }
    }

    /// One line per customer type, naming the segments it is met in. A
    /// type that `prefer`s channels is served on them: a role that meets
    /// its customers only on other channels (the emergency line, for a
    /// billing dispute: audit 14, L7) offers them those channels instead
    /// of working the type's strategy.
    fn customer_types(&mut self) {
        let m = self.w.model;
        let mut types: Vec<(Idx<crate::model::CustomerType>, Vec<&str>, bool)> = Vec::new();
        for (&segment_id, met) in &self.served {
            let segment = &m.segments[segment_id];
            for t in segment.types.iter().filter_map(|t| t.target) {
                let prefer: Vec<Idx<Channel>> = targets(&m.customer_types[t].prefer).collect();
                // A channel of a kind the type prefers serves it too: a
                // worried patient who prefers the phone is served on every
                // phone line.
                let kind = |c: Idx<Channel>| m.channels[c].kind;
                let served = prefer.is_empty()
                    || met.anywhere
                    || met.channels.iter().any(|&c| {
                        prefer
                            .iter()
                            .any(|&p| p == c || kind(p).is_some_and(|k| kind(c) == Some(k)))
                    });
                match types.iter_mut().find(|(id, _, _)| *id == t) {
                    Some((_, segments, s)) => {
                        segments.push(segment.header.label());
                        *s |= served;
                    }
                    None => types.push((t, vec![segment.header.label()], served)),
                }
            }
        }
        for (t, segments, served) in types {
            let t = &m.customer_types[t];
            let Some(strategy) = &t.strategy else {
                continue;
            };
            let name = self.q(t.header.label());
            let one = segments.len() == 1;
            let segments = quoted_list(segments, self.w.language);
            let text = if served {
                let strategy = words::after_colon(strategy.trim_end_matches('.'));
                self.say.customer_type(&name, (&segments, one), &strategy)
            } else {
                let prefer: Vec<&str> = targets(&t.prefer)
                    .map(|c| m.channels[c].header.label())
                    .collect();
                let channels = quoted_list(prefer.iter().copied(), self.w.language);
                self.say.customer_type_steer(
                    &name,
                    (&segments, one),
                    (&channels, prefer.len() == 1),
                )
            };
            self.push(Group::Customers, "customer-type", Via::Own, text);
        }
    }
}

/// Where a role meets the customers of one segment.
#[derive(Default)]
struct Met {
    channels: BTreeSet<Idx<Channel>>,
    /// In work of theirs, whatever the channel.
    anywhere: bool,
}
