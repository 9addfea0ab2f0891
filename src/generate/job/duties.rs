//! Duties a role has because of the model, not because someone wrote them
//! down: the journey steps it owns, the complaints it handles, the
//! escalations it receives, the targets of the channels it staffs, the
//! agreements its team provides, how to treat the customer types it serves —
//! and always customer retention. Each duty belongs to a group, the heading
//! it is listed under.
//!
//! A quoted name always follows a noun that carries the Russian case
//! ("этап «…»", "подразделения «…»"): names are never inflected.

use super::work::{Via, Work};
use crate::generate::view::View;
use crate::generate::words::{self, quoted, quoted_list, term, Term};
use crate::model::{Complaint, Idx, ResolutionTarget, Role, Segment};
use crate::syntax::values::{trim_float, Language};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The headings duties are listed under, in the order of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Group {
    /// The duties the spec states (`duty "..."`).
    Declared,
    /// Work a team owns that the role organises as its lead.
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
pub(crate) fn derive(view: &View, work: &Work, role: Idx<Role>) -> Vec<Duty> {
    let mut duties = Duties {
        view,
        en: view.language == Language::En,
        list: Vec::new(),
        served: BTreeSet::new(),
    };
    let r = role.index();
    duties.lead(&work.leads[r]);
    duties.steps(work, r);
    duties.complaints(work, r);
    duties.promises(work, r);
    duties.targets(work, r);
    duties.agreements(work, r);
    duties.customer_types();
    duties.push(
        Group::Customers,
        "retention",
        Via::Own,
        if duties.en {
            "Retain customers: treat every contact, complaint and failure as a chance to keep the customer, and never let a customer leave without an offer to put things right.".to_string()
        } else {
            "Удерживать клиентов: использовать каждое обращение, жалобу и сбой как возможность сохранить клиента и не отпускать клиента без предложения исправить ситуацию.".to_string()
        },
    );
    let mut list = duties.list;
    list.sort_by_key(|d| d.group);
    list
}

struct Duties<'v, 'a> {
    view: &'v View<'a>,
    en: bool,
    list: Vec<Duty>,
    /// The segments whose customers the role meets, for the customer types.
    served: BTreeSet<Idx<Segment>>,
}

impl Duties<'_, '_> {
    fn q(&self, name: &str) -> String {
        quoted(name, self.view.language)
    }

    /// A duty the role does itself, or organises as the lead of the team
    /// that owns the work.
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
            let team = self.q(self.view.model.teams[team].header.label());
            let text = if self.en {
                format!("Lead the team {team}: plan its work and staffing, and answer for the standards it keeps.")
            } else {
                format!("Руководить подразделением {team}: планировать его работу и численность, отвечать за выполнение им стандартов.")
            };
            self.push(Group::Teamwork, "lead", Via::Own, text);
        }
    }

    fn steps(&mut self, work: &Work, r: usize) {
        let m = self.view.model;
        for &(journey, step, via) in &work.steps[r] {
            let journey = &m.journeys[journey];
            let step = &journey.steps[step];
            self.served.extend(m.served(&journey.segments));
            let (s, j) = (self.q(step.header.label()), self.q(journey.header.label()));
            let deadline = step
                .within
                .map(|w| words::limit_genitive(w.value, false, self.view.language));
            let text = match (self.en, deadline) {
                (true, Some(d)) => {
                    format!("Carry out the step {s} of the journey {j} within {d}.")
                }
                (true, None) => format!("Carry out the step {s} of the journey {j}."),
                (false, Some(d)) => {
                    format!("Выполнять этап {s} пути клиента {j} в срок не более {d}.")
                }
                (false, None) => format!("Выполнять этап {s} пути клиента {j}."),
            };
            self.push(Group::Customers, "step", via, text);
        }
    }

    fn complaints(&mut self, work: &Work, r: usize) {
        let m = self.view.model;
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
        for id in all {
            let complaint = &m.complaints[id];
            let segments: Vec<Idx<Segment>> = m.served(&complaint.segments).collect();
            let hours = complaint.hours.as_ref();
            let timer = |d| {
                let v = self.view.duration(d, hours);
                format!("{} ({})", v.gen, v.clock)
            };
            let category = self.q(complaint.header.label());
            if let Some(&via) = owned.get(&id) {
                self.served.extend(segments.iter().copied());
                let mut text = if self.en {
                    format!("Handle complaints of the category {category}")
                } else {
                    format!("Рассматривать жалобы категории {category}")
                };
                if let Some(s) = complaint.severity {
                    let s = term(Term::Severity(s), self.view.language);
                    text.push_str(&if self.en {
                        format!(" (severity: {s})")
                    } else {
                        format!(" (важность: {s})")
                    });
                }
                if let Some(a) = complaint.acknowledge {
                    text.push_str(&if self.en {
                        format!("; acknowledge within {}", timer(a.value))
                    } else {
                        format!("; подтверждать получение в течение {}", timer(a.value))
                    });
                }
                if let Some(r) = complaint.resolve {
                    text.push_str(&if self.en {
                        format!("; resolve within {}", timer(r.value))
                    } else {
                        format!("; решать в течение {}", timer(r.value))
                    });
                }
                text.push('.');
                self.push(Group::Complaints, "complaint", via, text);
            }
            for (e, escalation) in complaint.escalations.iter().enumerate() {
                if receives.contains(&(id, e)) {
                    self.served.extend(segments.iter().copied());
                    let after = timer(escalation.after);
                    let text = if self.en {
                        format!("Take over complaints of the category {category} that are not resolved within {after} of arriving.")
                    } else {
                        format!("Принимать на себя жалобы категории {category}, не решённые в течение {after} после поступления.")
                    };
                    self.push(Group::Complaints, "escalation", Via::Own, text);
                }
            }
        }
    }

    fn promises(&mut self, work: &Work, r: usize) {
        for &promise in &work.promises[r] {
            let promise = self.q(self.view.model.promises[promise].header.label());
            let text = if self.en {
                format!("Take over every breach of the public promise {promise} and put it right with the customer.")
            } else {
                format!("Разбирать каждое нарушение публичного обещания {promise} и исправлять ситуацию для клиента.")
            };
            self.push(Group::Complaints, "promise", Via::Own, text);
        }
    }

    /// The SLA targets of the channels the role staffs, per segment offered
    /// the channel.
    fn targets(&mut self, work: &Work, r: usize) {
        let view = self.view;
        let m = view.model;
        // Segments whose contacts the role takes, and how.
        let mut staffed: BTreeMap<Idx<Segment>, Via> = BTreeMap::new();
        for &(channel_id, via) in &work.channels[r] {
            let channel = &m.channels[channel_id];
            let c = self.q(channel.header.label());
            for &segment_id in &work.segments_of_channel[channel_id.index()] {
                let segment = &m.segments[segment_id];
                self.served.insert(segment_id);
                let known = staffed.entry(segment_id).or_insert(via);
                *known = (*known).min(via);
                let s = self.q(segment.header.label());
                for (_, sla) in m.slas_of(segment_id) {
                    let timer = |d| view.duration(d, sla.hours.as_ref()).gen;
                    let on_channel =
                        |target: Option<&crate::model::Ref<Idx<crate::model::Channel>>>| {
                            target.is_some_and(|t| t.target == Some(channel_id))
                        };
                    for a in sla.answers.iter().filter(|a| on_channel(Some(&a.channel))) {
                        let p = trim_float(a.percent.value());
                        let within = timer(a.within);
                        let text = if self.en {
                            format!("Meet the service level for the segment {s} in {c}: {p}% of contacts answered within {within}.")
                        } else {
                            format!("Обеспечивать уровень сервиса для сегмента {s} в канале {c}: {p}% обращений — ответ в течение {within}.")
                        };
                        self.push(Group::Targets, "target", via, text);
                    }
                    for f in sla
                        .first_responses
                        .iter()
                        .filter(|f| on_channel(Some(&f.channel)))
                    {
                        let within = timer(f.within);
                        let text = if self.en {
                            format!("Give the segment {s} a first response in {c} within {within}.")
                        } else {
                            format!("Давать клиентам сегмента {s} первый ответ в канале {c} в течение {within}.")
                        };
                        self.push(Group::Targets, "target", via, text);
                    }
                    for res in sla
                        .resolutions
                        .iter()
                        .filter(|t| on_channel(t.channel.as_ref()))
                    {
                        let text = self.resolution(segment_id, Some(&c), res, sla.hours.as_ref());
                        self.push(Group::Targets, "target", via, text);
                    }
                }
            }
        }
        // A resolution target without a channel binds everyone who takes the
        // segment's contacts, once, not once per channel.
        for (&segment_id, &via) in &staffed {
            for (_, sla) in m.slas_of(segment_id) {
                for res in sla.resolutions.iter().filter(|t| t.channel.is_none()) {
                    let text = self.resolution(segment_id, None, res, sla.hours.as_ref());
                    self.push(Group::Targets, "target", via, text);
                }
            }
        }
    }

    fn resolution(
        &self,
        segment: Idx<Segment>,
        channel: Option<&str>,
        target: &ResolutionTarget,
        hours: Option<&crate::model::Ref<Idx<crate::model::Calendar>>>,
    ) -> String {
        let v = self.view.duration(target.within, hours);
        let (within, clock) = (&v.gen, &v.clock);
        let s = self.q(self.view.model.segments[segment].header.label());
        match (self.en, channel) {
            (true, Some(c)) => {
                format!("Resolve the requests of the segment {s} in {c} within {within} ({clock}).")
            }
            (true, None) => {
                format!("Resolve the requests of the segment {s} within {within} ({clock}).")
            }
            (false, Some(c)) => format!(
                "Решать обращения клиентов сегмента {s} в канале {c} в течение {within} ({clock})."
            ),
            (false, None) => {
                format!("Решать обращения клиентов сегмента {s} в течение {within} ({clock}).")
            }
        }
    }

    fn agreements(&mut self, work: &Work, r: usize) {
        let m = self.view.model;
        let language = self.view.language;
        for &agreement in &work.agreements[r] {
            let agreement = &m.agreements[agreement];
            let consumer = agreement.consumer.as_ref().map_or("?", |c| &c.name);
            let consumer = agreement
                .consumer
                .as_ref()
                .and_then(|c| c.target)
                .map_or(consumer, |c| m.teams[c].header.label());
            let consumer = self.q(consumer);
            for respond in &agreement.responds {
                let within = words::limit_genitive(respond.within, false, language);
                let scope = (!respond.segments.is_empty()).then(|| {
                    quoted_list(
                        respond.segments.iter().map(|s| {
                            s.target
                                .map_or(s.name.as_str(), |s| m.segments[s].header.label())
                        }),
                        language,
                    )
                });
                let text = match (self.en, scope) {
                    (true, Some(s)) => format!("Respond to requests from the team {consumer} about the segments {s} within {within}."),
                    (true, None) => format!("Respond to requests from the team {consumer} within {within}."),
                    (false, Some(s)) => format!("Отвечать на запросы подразделения {consumer} по сегментам {s} в течение {within}."),
                    (false, None) => format!("Отвечать на запросы подразделения {consumer} в течение {within}."),
                };
                self.push(Group::Teamwork, "agreement", Via::Own, text);
            }
        }
    }

    /// One line per customer type, naming the segments it is met in.
    fn customer_types(&mut self) {
        let m = self.view.model;
        let mut types: Vec<(Idx<crate::model::CustomerType>, Vec<&str>)> = Vec::new();
        for &segment_id in &self.served {
            let segment = &m.segments[segment_id];
            for t in segment.types.iter().filter_map(|t| t.target) {
                match types.iter_mut().find(|(id, _)| *id == t) {
                    Some((_, segments)) => segments.push(segment.header.label()),
                    None => types.push((t, vec![segment.header.label()])),
                }
            }
        }
        for (t, segments) in types {
            let t = &m.customer_types[t];
            let Some(strategy) = &t.strategy else {
                continue;
            };
            let strategy = strategy.trim_end_matches('.');
            let name = self.q(t.header.label());
            let segments = quoted_list(segments, self.view.language);
            let text = if self.en {
                format!("Treat customers of the type {name} (segments {segments}) this way: {strategy}.")
            } else {
                format!("Работать с клиентами типа {name} (сегменты {segments}) так: {strategy}.")
            };
            self.push(Group::Customers, "customer-type", Via::Own, text);
        }
    }
}

impl Group {
    /// The heading: the work the role organises is headed by its team.
    pub(crate) fn title_for(self, via: Via, view: &View) -> String {
        let title = self.title(view.language);
        match via {
            Via::Own => title.to_string(),
            Via::Lead(team) => {
                let team = quoted(view.model.teams[team].header.label(), view.language);
                format!("{title} {team}")
            }
        }
    }
}
