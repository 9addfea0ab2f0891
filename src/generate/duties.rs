//! Duties a role has because of the model, not because someone wrote them
//! down: the journey steps it (or its team) owns, the complaints it handles,
//! the escalations it receives, the SLA targets of the channels it staffs,
//! the agreements its team provides, how to treat the customer types it
//! serves — and always customer retention.

use super::view::View;
use super::words::{self, term, Term};
use crate::model::{
    Channel, Complaint, Idx, Journey, Model, Party, Promise, Ref, Role, Segment, Step,
};
use crate::syntax::values::{trim_float, Language};
use serde::Serialize;
use std::collections::BTreeSet;

/// A duty derived from the model: what kind of work it comes from, and the
/// sentence for the job description.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duty {
    pub kind: &'static str,
    pub text: String,
}

/// Who does what, for every role at once: one pass over the model hands each
/// piece of work to the role it names, or to every role of the team it
/// names, so deriving the duties of all roles stays linear in the spec.
pub struct Work {
    steps: Vec<Vec<(Idx<Journey>, Idx<Step>)>>,
    complaints: Vec<Vec<Idx<Complaint>>>,
    /// (complaint, index of the escalation in its ladder)
    escalations: Vec<Vec<(Idx<Complaint>, usize)>>,
    promises: Vec<Vec<Idx<Promise>>>,
    channels: Vec<Vec<Idx<Channel>>>,
    /// The segments offered each channel.
    segments_of_channel: Vec<Vec<Idx<Segment>>>,
    /// The agreements each team provides.
    agreements_of_team: Vec<Vec<Idx<crate::model::Agreement>>>,
}

impl Work {
    pub fn new(m: &Model) -> Work {
        let roles = m.roles.len();
        let mut roles_of_team = vec![Vec::new(); m.teams.len()];
        for (id, role) in m.roles.iter() {
            if let Some(team) = role.team.as_ref().and_then(|t| t.target) {
                roles_of_team[team.index()].push(id);
            }
        }
        let holders = |party: Option<&Ref<Party>>| -> Vec<Idx<Role>> {
            match party.and_then(|p| p.target) {
                Some(Party::Role(r)) => vec![r],
                Some(Party::Team(t)) => roles_of_team[t.index()].clone(),
                None => Vec::new(),
            }
        };
        let mut work = Work {
            steps: vec![Vec::new(); roles],
            complaints: vec![Vec::new(); roles],
            escalations: vec![Vec::new(); roles],
            promises: vec![Vec::new(); roles],
            channels: vec![Vec::new(); roles],
            segments_of_channel: vec![Vec::new(); m.channels.len()],
            agreements_of_team: vec![Vec::new(); m.teams.len()],
        };
        for (a, agreement) in m.agreements.iter() {
            if let Some(team) = agreement.provider.as_ref().and_then(|p| p.target) {
                work.agreements_of_team[team.index()].push(a);
            }
        }
        for (j, journey) in m.journeys.iter() {
            for (s, step) in journey.steps.iter() {
                for r in holders(step.owner.as_ref()) {
                    work.steps[r.index()].push((j, s));
                }
            }
        }
        for (c, complaint) in m.complaints.iter() {
            for r in holders(complaint.owner.as_ref()) {
                work.complaints[r.index()].push(c);
            }
            for (e, escalation) in complaint.escalations.iter().enumerate() {
                for r in holders(Some(&escalation.to)) {
                    work.escalations[r.index()].push((c, e));
                }
            }
        }
        for (p, promise) in m.promises.iter() {
            for remedy in &promise.on_breach {
                if let crate::model::Remedy::Escalate(to) = &remedy.value {
                    for r in holders(Some(to)) {
                        if work.promises[r.index()].last() != Some(&p) {
                            work.promises[r.index()].push(p);
                        }
                    }
                }
            }
        }
        for (c, channel) in m.channels.iter() {
            for r in holders(channel.owner.as_ref()) {
                work.channels[r.index()].push(c);
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

/// The derived duties of a role, in a stable order.
pub fn derive(view: &View, work: &Work, role: Idx<Role>) -> Vec<Duty> {
    let m = view.model;
    let en = view.language == Language::En;
    let r = role.index();
    let team = m.roles[role].team.as_ref().and_then(|t| t.target);
    let mut duties = Vec::new();
    let mut push = |kind: &'static str, text: String| duties.push(Duty { kind, text });
    let mut served: BTreeSet<Idx<Segment>> = BTreeSet::new();
    // Segments whose contacts this role takes through a channel it owns.
    let mut staffed: BTreeSet<Idx<Segment>> = BTreeSet::new();
    let resolution = |segment: &crate::model::Segment,
                      channel: Option<&crate::model::Channel>,
                      r: &crate::model::ResolutionTarget,
                      hours: Option<&Ref<Idx<crate::model::Calendar>>>| {
        let v = view.duration(r.within, hours);
        let (within, clock) = (&v.gen, &v.clock);
        let segment = segment.header.label();
        match (en, channel.map(|c| c.header.label())) {
            (true, Some(c)) => format!(
                "Resolve the requests of segment “{segment}” in “{c}” within {within} ({clock})."
            ),
            (true, None) => {
                format!("Resolve the requests of segment “{segment}” within {within} ({clock}).")
            }
            (false, Some(c)) => format!(
                "Решать обращения клиентов сегмента «{segment}» в канале «{c}» в течение {within} ({clock})."
            ),
            (false, None) => format!(
                "Решать обращения клиентов сегмента «{segment}» в течение {within} ({clock})."
            ),
        }
    };

    for &(journey, step) in &work.steps[r] {
        let journey = &m.journeys[journey];
        let step = &journey.steps[step];
        {
            served.extend(m.served(&journey.segments));
            let deadline = step
                .within
                .map(|w| words::duration_genitive(w.value, view.language));
            let text = match (en, deadline) {
                (true, Some(d)) => format!(
                    "Carry out the step “{}” of the journey “{}” within {d}.",
                    step.header.label(),
                    journey.header.label()
                ),
                (true, None) => format!(
                    "Carry out the step “{}” of the journey “{}”.",
                    step.header.label(),
                    journey.header.label()
                ),
                (false, Some(d)) => format!(
                    "Выполнять этап «{}» пути клиента «{}» в срок не более {d}.",
                    step.header.label(),
                    journey.header.label()
                ),
                (false, None) => format!(
                    "Выполнять этап «{}» пути клиента «{}».",
                    step.header.label(),
                    journey.header.label()
                ),
            };
            push("step", text);
        }
    }

    let mut complaints: Vec<Idx<Complaint>> = work.complaints[r]
        .iter()
        .copied()
        .chain(work.escalations[r].iter().map(|&(c, _)| c))
        .collect();
    complaints.sort();
    complaints.dedup();
    let owned: BTreeSet<Idx<Complaint>> = work.complaints[r].iter().copied().collect();
    let receives: BTreeSet<(Idx<Complaint>, usize)> = work.escalations[r].iter().copied().collect();
    for complaint_id in complaints {
        let complaint = &m.complaints[complaint_id];
        let segments: Vec<Idx<Segment>> = m.served(&complaint.segments).collect();
        let hours = complaint.hours.as_ref();
        let timer = |d| {
            let v = view.duration(d, hours);
            format!("{} ({})", v.gen, v.clock)
        };
        if owned.contains(&complaint_id) {
            served.extend(segments.iter().copied());
            let severity = complaint
                .severity
                .map(|s| term(Term::Severity(s), view.language));
            let mut text = if en {
                format!(
                    "Handle complaints of the category “{}”",
                    complaint.header.label()
                )
            } else {
                format!(
                    "Рассматривать жалобы категории «{}»",
                    complaint.header.label()
                )
            };
            if let Some(s) = severity {
                text.push_str(&if en {
                    format!(" (severity: {s})")
                } else {
                    format!(" (важность: {s})")
                });
            }
            if let Some(a) = complaint.acknowledge {
                text.push_str(&if en {
                    format!("; acknowledge within {}", timer(a.value))
                } else {
                    format!("; подтверждать получение в течение {}", timer(a.value))
                });
            }
            if let Some(r) = complaint.resolve {
                text.push_str(&if en {
                    format!("; resolve within {}", timer(r.value))
                } else {
                    format!("; решать в течение {}", timer(r.value))
                });
            }
            text.push('.');
            push("complaint", text);
        }
        for (e, escalation) in complaint.escalations.iter().enumerate() {
            if receives.contains(&(complaint_id, e)) {
                served.extend(segments.iter().copied());
                let text = if en {
                    format!("Take over complaints of the category “{}” that are not resolved {} after they arrive.", complaint.header.label(), timer(escalation.after))
                } else {
                    format!("Принимать на себя жалобы категории «{}», не решённые в течение {} после поступления.", complaint.header.label(), timer(escalation.after))
                };
                push("escalation", text);
            }
        }
    }

    for &promise in &work.promises[r] {
        let promise = &m.promises[promise];
        {
            {
                {
                    let text = if en {
                        format!("Take over every breach of the public promise “{}” and put it right with the customer.", promise.header.label())
                    } else {
                        format!("Разбирать каждое нарушение публичного обещания «{}» и исправлять ситуацию для клиента.", promise.header.label())
                    };
                    push("promise", text);
                }
            }
        }
    }

    for &channel_id in &work.channels[r] {
        let channel = &m.channels[channel_id];
        for &segment_id in &work.segments_of_channel[channel_id.index()] {
            let segment = &m.segments[segment_id];
            served.insert(segment_id);
            staffed.insert(segment_id);
            for (_, sla) in m.slas_of(segment_id) {
                let hours = sla.hours.as_ref();
                let timer = |d| view.duration(d, hours).gen;
                for a in sla
                    .answers
                    .iter()
                    .filter(|a| a.channel.target == Some(channel_id))
                {
                    let p = trim_float(a.percent.value());
                    push(
                        "target",
                        if en {
                            format!("Meet the service level for “{}” in “{}”: {p}% of contacts answered within {}.", segment.header.label(), channel.header.label(), timer(a.within))
                        } else {
                            format!("Обеспечивать уровень сервиса для сегмента «{}» в канале «{}»: {p}% обращений — ответ в течение {}.", segment.header.label(), channel.header.label(), timer(a.within))
                        },
                    );
                }
                for r in sla
                    .first_responses
                    .iter()
                    .filter(|r| r.channel.target == Some(channel_id))
                {
                    push(
                        "target",
                        if en {
                            format!(
                                "Give segment “{}” a first response in “{}” within {}.",
                                segment.header.label(),
                                channel.header.label(),
                                timer(r.within)
                            )
                        } else {
                            format!("Давать клиентам сегмента «{}» первый ответ в канале «{}» в течение {}.", segment.header.label(), channel.header.label(), timer(r.within))
                        },
                    );
                }
                for r in sla.resolutions.iter().filter(|r| {
                    r.channel
                        .as_ref()
                        .is_some_and(|c| c.target == Some(channel_id))
                }) {
                    push("target", resolution(segment, Some(channel), r, hours));
                }
            }
        }
    }
    // A resolution target without a channel binds everyone who takes the
    // segment's contacts, once, not once per channel.
    for &segment_id in &staffed {
        let segment = &m.segments[segment_id];
        for (_, sla) in m.slas_of(segment_id) {
            for r in sla.resolutions.iter().filter(|r| r.channel.is_none()) {
                push("target", resolution(segment, None, r, sla.hours.as_ref()));
            }
        }
    }

    if let Some(team) = team {
        for &agreement in &work.agreements_of_team[team.index()] {
            let agreement = &m.agreements[agreement];
            let consumer = agreement.consumer.as_ref().map_or("?", |c| &c.name);
            let consumer = agreement
                .consumer
                .as_ref()
                .and_then(|c| c.target)
                .map_or(consumer, |c| m.teams[c].header.label());
            for respond in &agreement.responds {
                let within = words::duration_genitive(respond.within, view.language);
                let scope = segment_names(m, &respond.segments, en);
                push("agreement", match (en, scope) {
                    (true, Some(s)) => format!("Respond to requests from “{consumer}” about {s} within {within}."),
                    (true, None) => format!("Respond to requests from “{consumer}” within {within}."),
                    (false, Some(s)) => format!("Отвечать на запросы подразделения «{consumer}» по сегментам {s} в течение {within}."),
                    (false, None) => format!("Отвечать на запросы подразделения «{consumer}» в течение {within}."),
                });
            }
        }
    }

    // One line per customer type, naming the segments it is found in.
    let mut types: Vec<(Idx<crate::model::CustomerType>, Vec<&str>)> = Vec::new();
    for &segment_id in &served {
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
        let quoted: Vec<String> = segments
            .iter()
            .map(|s| {
                if en {
                    format!("“{s}”")
                } else {
                    format!("«{s}»")
                }
            })
            .collect();
        push(
            "customer-type",
            if en {
                format!(
                    "Treat customers of the type “{}” ({}) this way: {strategy}.",
                    t.header.label(),
                    quoted.join(", ")
                )
            } else {
                format!(
                    "Работать с клиентами типа «{}» ({}) так: {strategy}.",
                    t.header.label(),
                    quoted.join(", ")
                )
            },
        );
    }

    push(
        "retention",
        if en {
            "Retain customers: treat every contact, complaint and failure as a chance to keep the customer, and never let a customer leave without an offer to put things right.".to_string()
        } else {
            "Удерживать клиентов: использовать каждое обращение, жалобу и сбой как возможность сохранить клиента и не отпускать клиента без предложения исправить ситуацию.".to_string()
        },
    );
    duties
}

fn segment_names(m: &Model, list: &[Ref<Idx<Segment>>], en: bool) -> Option<String> {
    if list.is_empty() {
        return None;
    }
    Some(
        list.iter()
            .map(|s| {
                let name = s
                    .target
                    .map_or(s.name.as_str(), |s| m.segments[s].header.label());
                if en {
                    format!("“{name}”")
                } else {
                    format!("«{name}»")
                }
            })
            .collect::<Vec<_>>()
            .join(", "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::compile_bytes;

    const SPEC: &str = r#"
service "Acme" { language en }
calendar office "Office hours" { timezone "Europe/Berlin"; open mon-fri 09:00-18:00 }
team support "Support" { lead lead }
team quality "Quality" { lead checker }
role lead "Head of support" { team support; duty "Plan" }
role agent "Agent" { team support; reports_to lead; duty "Answer" }
role checker "Quality lead" { team quality; duty "Check" }
customer_type hasty "Wants everything now" { strategy "React fast" }
segment vip "VIP" { types hasty; channels phone }
channel phone "Phone" { kind phone; hours office; owner support }
sla gold "Gold" for vip { hours office; answer phone 90% within 20s; resolution within 1d }
journey order "Order" {
  start call
  step call "Call" { owner agent; channel phone; within 2h; next check }
  step check "Check" { owner quality; within 1d; end "Done" }
}
complaint late "Late delivery" {
  severity high
  owner support
  hours office
  acknowledge within 30m
  resolve within 3d
  escalate after 1d to checker
  feedback required
}
"#;

    fn duties_of(role: &str, language: Language) -> Vec<(String, String)> {
        duties_in(SPEC, role, language)
    }

    fn duties_in(spec: &str, role: &str, language: Language) -> Vec<(String, String)> {
        let compiled = compile_bytes("spec.cx", spec.as_bytes(), &Default::default());
        let errors: Vec<_> = compiled
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::diagnostic::Severity::Error)
            .map(|d| d.message.clone())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        let model = &compiled.specs[0].model;
        let checks = crate::check::Options::default();
        let view = View::new(model, language, &[], &checks);
        let work = Work::new(model);
        let id = model
            .roles
            .iter()
            .find(|(_, r)| r.header.id == role)
            .map(|(id, _)| id)
            .expect("role exists");
        derive(&view, &work, id)
            .into_iter()
            .map(|d| (d.kind.to_string(), d.text))
            .collect()
    }

    /// A customer type met in two segments is one duty naming both.
    #[test]
    fn a_customer_type_is_one_line_naming_its_segments() {
        let spec = SPEC.replace(
            "segment vip \"VIP\" { types hasty; channels phone }",
            "segment vip \"VIP\" { types hasty; channels phone }\n\
             segment mass \"Mass\" { types hasty; channels phone }\n\
             sla base for mass { answer phone 80% within 30s }",
        );
        for (language, line) in [
            (
                Language::En,
                "Treat customers of the type “Wants everything now” (“VIP”, “Mass”) this way: React fast.",
            ),
            (
                Language::Ru,
                "Работать с клиентами типа «Wants everything now» («VIP», «Mass») так: React fast.",
            ),
        ] {
            let duties = duties_in(&spec, "agent", language);
            let types: Vec<_> = duties.iter().filter(|(k, _)| k == "customer-type").collect();
            assert_eq!(types.len(), 1, "{duties:?}");
            assert_eq!(types[0].1, line);
        }
    }

    /// A segment's name is not followed by "customers": "“All customers”
    /// customers" is what a person would never write.
    #[test]
    fn segment_names_are_not_doubled_with_customers() {
        let spec = SPEC.replace("segment vip \"VIP\"", "segment vip \"Key customers\"");
        for role in ["lead", "agent", "checker"] {
            for (_, text) in duties_in(&spec, role, Language::En) {
                assert!(!text.contains("” customers"), "{text}");
            }
        }
    }

    fn kinds(duties: &[(String, String)]) -> Vec<&str> {
        duties.iter().map(|(k, _)| k.as_str()).collect()
    }

    #[test]
    fn a_role_owns_its_steps_and_its_teams_complaints_and_channels() {
        let duties = duties_of("agent", Language::En);
        assert_eq!(
            kinds(&duties),
            [
                "step",
                "complaint",
                "target",
                "target",
                "customer-type",
                "retention"
            ],
            "{duties:#?}"
        );
        assert!(duties[0].1.contains("“Call”") && duties[0].1.contains("within 2 hours"));
        assert!(duties[1]
            .1
            .contains("acknowledge within 30 minutes (counted only during Office hours)"));
        assert!(duties[2]
            .1
            .contains("90% of contacts answered within 20 seconds"));
        assert!(
            duties[3]
                .1
                .contains("within 1 day (counted only during Office hours)"),
            "{}",
            duties[3].1
        );
        assert!(duties[4].1.contains("React fast"));
    }

    #[test]
    fn escalation_targets_learn_when_they_take_over() {
        let duties = duties_of("checker", Language::En);
        assert_eq!(
            kinds(&duties),
            ["step", "escalation", "customer-type", "retention"],
            "{duties:#?}"
        );
        assert!(
            duties[1].1.contains("not resolved 1 day"),
            "{}",
            duties[1].1
        );
    }

    #[test]
    fn russian_duties_use_the_genitive_and_every_role_retains_customers() {
        let duties = duties_of("agent", Language::Ru);
        assert!(duties[0].1.contains("не более 2 часов"), "{}", duties[0].1);
        assert_eq!(duties.last().unwrap().0, "retention");
        assert!(duties.last().unwrap().1.starts_with("Удерживать клиентов"));
    }
}
