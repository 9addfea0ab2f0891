//! The view: the checked model turned into plain data for the templates and
//! for `model.json`. Names are resolved, durations come with words and their
//! clock, and the figures documents need (derived duties, journey handoffs,
//! longest deadlines) are computed here, once, so templates only lay out.

use super::files::Stems;
use super::words::{self, term, Term, Unit};
use crate::check::journeys;
use crate::model::{
    Calendar, Idx, Journey, Model, Party, Ref, Remedy, Role, Segment, SegmentScope, Step,
};
use crate::staffing::QueuePlan;
use crate::syntax::ast::TargetValue;
use crate::syntax::values::{trim_float, Duration, Language, Weekday};
use serde_json::{json, Value};

pub struct View<'a> {
    pub model: &'a Model,
    pub language: Language,
    pub plans: &'a [QueuePlan],
    /// File stems of journeys and roles, unique even on case-insensitive disks.
    pub journey_files: Vec<String>,
    pub role_files: Vec<String>,
    /// Who does what, for the derived duties of every role.
    work: super::duties::Work,
    /// The roles reporting to each role.
    subordinates: Vec<Vec<Idx<Role>>>,
}

impl<'a> View<'a> {
    pub fn new(model: &'a Model, language: Language, plans: &'a [QueuePlan]) -> Self {
        let journey_files = super::journey_files(model)
            .into_iter()
            .map(|(file, _)| file)
            .collect();
        let mut stems = Stems::default();
        let role_files = model
            .roles
            .iter()
            .map(|(_, r)| stems.unique(&r.header.id))
            .collect();
        let mut subordinates = vec![Vec::new(); model.roles.len()];
        for (id, role) in model.roles.iter() {
            if let Some(boss) = role.reports_to.as_ref().and_then(|r| r.target) {
                subordinates[boss.index()].push(id);
            }
        }
        View {
            model,
            language,
            plans,
            journey_files,
            role_files,
            work: super::duties::Work::new(model),
            subordinates,
        }
    }

    /// Everything, as one value: the context of every template.
    pub fn spec(&self) -> Value {
        let m = self.model;
        json!({
            "lang": self.language.as_str(),
            "service": self.service(),
            "calendars": m.calendars.iter().map(|(_, c)| self.calendar(c)).collect::<Vec<_>>(),
            "teams": m.teams.iter().map(|(_, t)| json!({
                "id": t.header.id, "label": t.header.label(), "description": t.header.description,
                "lead": t.lead.as_ref().map(|l| self.named(l, |r| &m.roles[r].header)),
            })).collect::<Vec<_>>(),
            "channels": m.channels.iter().map(|(id, _)| self.channel(id)).collect::<Vec<_>>(),
            "segments": m.segments.iter().map(|(id, s)| self.segment(id, s)).collect::<Vec<_>>(),
            "promises": m.promises.iter().map(|(_, p)| self.promise(p)).collect::<Vec<_>>(),
            "complaints": m.complaints.iter().map(|(_, c)| self.complaint(c)).collect::<Vec<_>>(),
            "agreements": m.agreements.iter().map(|(_, a)| json!({
                "id": a.header.id, "label": a.header.label(), "description": a.header.description,
                "provider": a.provider.as_ref().map(|t| self.named(t, |t| &m.teams[t].header)),
                "consumer": a.consumer.as_ref().map(|t| self.named(t, |t| &m.teams[t].header)),
                "responds": a.responds.iter().map(|r| json!({
                    "within": self.duration(r.within, None),
                    "segments": self.segment_list(&r.segments),
                })).collect::<Vec<_>>(),
                "resolve": a.resolve.map(|r| self.duration(r.value, None)),
            })).collect::<Vec<_>>(),
            "journeys": m.journeys.iter().map(|(id, j)| self.journey(j, &self.journey_files[id.index()])).collect::<Vec<_>>(),
            "roles": m.roles.iter().map(|(id, r)| self.role(id, r)).collect::<Vec<_>>(),
            "queues": self.queues(),
        })
    }

    fn service(&self) -> Value {
        let Some(s) = &self.model.service else {
            return Value::Null;
        };
        json!({
            "title": s.title, "description": s.description, "version": s.version,
            "owner": s.owner.as_ref().map(|o| self.party(o)),
            "reviewed": s.reviewed.map(|r| r.value.to_string()),
        })
    }

    fn named<T: Copy>(&self, r: &Ref<T>, header: impl Fn(T) -> &'a crate::model::Header) -> Value {
        match r.target {
            Some(t) => {
                let h = header(t);
                json!({"id": h.id, "label": h.label()})
            }
            None => json!({"id": r.name, "label": r.name}),
        }
    }

    fn party(&self, r: &Ref<Party>) -> Value {
        let m = self.model;
        self.named(r, |p| match p {
            Party::Team(t) => &m.teams[t].header,
            Party::Role(r) => &m.roles[r].header,
        })
    }

    /// A duration with its words and the clock it runs on.
    pub(super) fn duration(&self, d: Duration, calendar: Option<&Ref<Idx<Calendar>>>) -> Value {
        let calendar = calendar
            .and_then(|c| c.target)
            .map(|c| &self.model.calendars[c]);
        json!({
            "seconds": d.seconds(),
            "text": words::duration(d, self.language),
            "gen": words::duration_genitive(d, self.language),
            "clock": words::clock(calendar.map(|c| c.header.label()), calendar.is_some_and(|c| c.is_24x7()), self.language),
        })
    }

    fn calendar(&self, c: &Calendar) -> Value {
        let days: Vec<Value> = Weekday::ALL
            .iter()
            .map(|&day| {
                let ranges = &c.week.days[day.index()];
                let hours = if ranges.is_empty() {
                    term(Term::Closed, self.language).to_string()
                } else {
                    ranges
                        .iter()
                        .map(|(a, b)| format!("{a}–{b}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                json!({"day": term(Term::Day(day), self.language), "hours": hours})
            })
            .collect();
        json!({
            "id": c.header.id, "label": c.header.label(), "timezone": c.timezone,
            "always": c.is_24x7(), "week": days,
            "closed": c.closed.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
        })
    }

    fn channel(&self, id: Idx<crate::model::Channel>) -> Value {
        let c = &self.model.channels[id];
        json!({
            "id": c.header.id, "label": c.header.label(),
            "kind": c.kind.map(|k| term(Term::Kind(k), self.language)),
            "self_service": c.self_service,
            "hours": c.hours.as_ref().map(|h| self.named(h, |h| &self.model.calendars[h].header)),
            "owner": c.owner.as_ref().map(|o| self.party(o)),
        })
    }

    fn segment_list(&self, list: &[Ref<Idx<Segment>>]) -> Value {
        if list.is_empty() {
            return json!([{"id": "any", "label": term(Term::Everyone, self.language)}]);
        }
        json!(list
            .iter()
            .map(|s| self.named(s, |s| &self.model.segments[s].header))
            .collect::<Vec<_>>())
    }

    fn segment(&self, id: Idx<Segment>, s: &Segment) -> Value {
        let m = self.model;
        let slas: Vec<Value> = m
            .slas_of(id)
            .map(|(_, sla)| {
                let hours = sla.hours.as_ref();
                json!({
                    "id": sla.header.id, "label": sla.header.label(),
                    "hours": hours.map(|h| self.named(h, |h| &m.calendars[h].header)),
                    "answers": sla.answers.iter().map(|a| json!({
                        "channel": self.named(&a.channel, |c| &m.channels[c].header),
                        "percent": trim_float(a.percent.value()),
                        "within": self.duration(a.within, hours),
                    })).collect::<Vec<_>>(),
                    "first_responses": sla.first_responses.iter().map(|r| json!({
                        "channel": self.named(&r.channel, |c| &m.channels[c].header),
                        "within": self.duration(r.within, hours),
                    })).collect::<Vec<_>>(),
                    "resolutions": sla.resolutions.iter().map(|r| json!({
                        "channel": r.channel.as_ref().map(|c| self.named(c, |c| &m.channels[c].header)),
                        "within": self.duration(r.within, hours),
                    })).collect::<Vec<_>>(),
                    "targets": sla.targets.iter().map(|k| self.kpi(&k.value)).collect::<Vec<_>>(),
                })
            })
            .collect();
        json!({
            "id": s.header.id, "label": s.header.label(), "description": s.header.description,
            "share": s.share.map(|p| trim_float(p.value.value())),
            "revenue": s.revenue.map(|p| trim_float(p.value.value())),
            "tier": s.tier.map(|t| t.value),
            "channels": s.channels.iter().filter_map(|c| c.target).map(|c| self.channel(c)).collect::<Vec<_>>(),
            "types": s.types.iter().filter_map(|t| t.target).map(|t| {
                let t = &m.customer_types[t];
                json!({
                    "id": t.header.id, "label": t.header.label(), "expects": t.expects, "strategy": t.strategy,
                    "prefer": t.prefer.iter().map(|c| self.named(c, |c| &m.channels[c].header)).collect::<Vec<_>>(),
                })
            }).collect::<Vec<_>>(),
            "slas": slas,
        })
    }

    fn kpi(&self, k: &crate::model::Kpi) -> Value {
        let value = match k.value {
            TargetValue::Number(n) => trim_float(n),
            TargetValue::Percent(p) => p.to_string(),
            TargetValue::Duration(d) => words::duration(d, self.language),
        };
        json!({
            "metric": term(Term::Metric(k.metric), self.language),
            "comparison": k.comparison.as_str().replace(">=", "≥").replace("<=", "≤"),
            "value": value,
        })
    }

    fn remedy(&self, r: &Remedy) -> String {
        match (r, self.language) {
            (Remedy::Simple(s), l) => term(Term::Remedy(*s), l).to_string(),
            (Remedy::Compensate(Some(what)), Language::En) => format!("compensate: {what}"),
            (Remedy::Compensate(Some(what)), Language::Ru) => format!("компенсировать: {what}"),
            (Remedy::Compensate(None), Language::En) => "compensate the customer".into(),
            (Remedy::Compensate(None), Language::Ru) => "предоставить клиенту компенсацию".into(),
            (Remedy::Escalate(to), Language::En) => format!(
                "escalate to {}",
                self.party(to)["label"].as_str().unwrap_or_default()
            ),
            (Remedy::Escalate(to), Language::Ru) => format!(
                "передать руководителю: {}",
                self.party(to)["label"].as_str().unwrap_or_default()
            ),
        }
    }

    fn promise(&self, p: &crate::model::Promise) -> Value {
        let m = self.model;
        let channel = p.channel.as_ref().and_then(|c| c.target);
        // The internal targets behind the promise: per segment, the SLA's answer or first-response time on its channel.
        let segments: Vec<Idx<Segment>> = if p.segments.is_empty() {
            m.segments.ids().collect()
        } else {
            crate::model::targets(&p.segments).collect()
        };
        let internal: Vec<Value> = segments
            .iter()
            .flat_map(|&seg| m.slas_of(seg).map(move |(_, sla)| (seg, sla)))
            .flat_map(|(seg, sla)| {
                let answers = sla
                    .answers
                    .iter()
                    .filter(move |a| a.channel.target == channel && channel.is_some())
                    .map(move |a| (seg, sla, a.within, Some(a.percent)));
                let responses = sla
                    .first_responses
                    .iter()
                    .filter(move |r| r.channel.target == channel && channel.is_some())
                    .map(move |r| (seg, sla, r.within, None));
                answers.chain(responses)
            })
            .map(|(seg, sla, within, percent)| {
                json!({
                    "segment": m.segments[seg].header.label(),
                    "sla": sla.header.label(),
                    "percent": percent.map(|p| trim_float(p.value())),
                    "within": self.duration(within, sla.hours.as_ref()),
                })
            })
            .collect();
        json!({
            "id": p.header.id, "label": p.header.label(), "description": p.header.description,
            "segments": self.segment_list(&p.segments),
            "channel": p.channel.as_ref().map(|c| self.named(c, |c| &m.channels[c].header)),
            "within": p.within.map(|w| self.duration(w.value, None)),
            "internal": internal,
            "on_breach": p.on_breach.iter().map(|r| self.remedy(&r.value)).collect::<Vec<_>>(),
        })
    }

    fn complaint(&self, c: &crate::model::Complaint) -> Value {
        let hours = c.hours.as_ref();
        let segments = match &c.segments {
            SegmentScope::Any => self.segment_list(&[]),
            SegmentScope::List(list) => self.segment_list(list),
        };
        json!({
            "id": c.header.id, "label": c.header.label(), "description": c.header.description,
            "segments": segments,
            "severity": c.severity.map(|s| term(Term::Severity(s), self.language)),
            "owner": c.owner.as_ref().map(|o| self.party(o)),
            "hours": hours.map(|h| self.named(h, |h| &self.model.calendars[h].header)),
            "acknowledge": c.acknowledge.map(|a| self.duration(a.value, hours)),
            "resolve": c.resolve.map(|r| self.duration(r.value, hours)),
            "escalations": c.escalations.iter().map(|e| json!({
                "after": self.duration(e.after, hours), "to": self.party(&e.to),
            })).collect::<Vec<_>>(),
            "remedies": c.remedies.iter().map(|r| self.remedy(&r.value)).collect::<Vec<_>>(),
            "feedback": c.feedback.map(|f| f.value.as_str()),
        })
    }

    fn journey(&self, j: &Journey, file: &str) -> Value {
        let m = self.model;
        let team = |step: &Step| {
            step.owner
                .as_ref()
                .and_then(|o| o.target)
                .and_then(|p| m.team_of(p))
        };
        let mut handoffs = 0;
        let mut switches = 0;
        for (_, step) in j.steps.iter() {
            for t in &step.next {
                let Some(next) = t.to.target.map(|n| &j.steps[n]) else {
                    continue;
                };
                if team(step).is_some() && team(next).is_some() && team(step) != team(next) {
                    handoffs += 1;
                }
                if journeys::is_channel_switch(m, step, next) {
                    switches += 1;
                }
            }
        }
        let longest = journeys::longest_deadline(j).map(|(total, path)| {
            json!({
                "total": self.duration(total, None),
                "path": path.iter().map(|&s| j.steps[s].header.label()).collect::<Vec<_>>(),
                "over_target": j.within.is_some_and(|w| total > w.value),
            })
        });
        json!({
            "id": j.header.id, "label": j.header.label(), "description": j.header.description, "file": file,
            "segments": self.segment_list(&j.segments),
            "within": j.within.map(|w| self.duration(w.value, None)),
            "start": j.start.as_ref().map(|s| s.name.clone()),
            "steps": j.steps.iter().map(|(_, s)| json!({
                "id": s.header.id, "label": s.header.label(),
                "owner": s.owner.as_ref().map(|o| self.party(o)),
                "channels": s.channels.iter().map(|c| self.named(c, |c| &m.channels[c].header)).collect::<Vec<_>>(),
                "within": s.within.map(|w| self.duration(w.value, None)),
                "effort": s.effort.map(trim_float),
                "csat": s.csat.map(trim_float),
                "dropoff": s.dropoff.map(|d| d.to_string()),
                "end": s.end.as_ref().map(|e| e.value.clone().unwrap_or_default()),
                "next": s.next.iter().map(|t| json!({"to": t.to.name, "when": t.when})).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "mermaid": super::journey::text::mermaid(&super::journey::Graph::new(m, j)),
            "handoffs": handoffs,
            "channel_switches": switches,
            "longest": longest,
        })
    }

    fn role(&self, id: Idx<Role>, r: &Role) -> Value {
        let m = self.model;
        json!({
            "id": r.header.id, "label": r.header.label(), "description": r.header.description,
            "file": self.role_files[id.index()],
            "team": r.team.as_ref().map(|t| self.named(t, |t| &m.teams[t].header)),
            "reports_to": r.reports_to.as_ref().map(|t| self.named(t, |t| &m.roles[t].header)),
            "subordinates": self.subordinates[id.index()].iter().map(|&o| m.roles[o].header.label()).collect::<Vec<_>>(),
            "headcount": r.headcount,
            "duties": r.duties,
            "kpis": r.targets.iter().map(|k| self.kpi(&k.value)).collect::<Vec<_>>(),
            "derived": super::duties::derive(self, &self.work, id),
        })
    }

    fn queues(&self) -> Vec<Value> {
        let m = self.model;
        m.queues
            .iter()
            .map(|(id, q)| {
                // Plans come in queue order, one per queue with a forecast.
                let plan = self
                    .plans
                    .binary_search_by_key(&id, |p| p.queue)
                    .ok()
                    .map(|i| &self.plans[i]);
                json!({
                    "id": q.header.id, "label": q.header.label(),
                    "channel": q.channel.as_ref().map(|c| self.named(c, |c| &m.channels[c].header)),
                    "segments": self.segment_list(&q.segments),
                    "priority": q.priority,
                    "team": q.team.as_ref().map(|t| self.named(t, |t| &m.teams[t].header)),
                    "agents": q.agents.map(|a| words::count(u64::from(a.value), Unit::Agent, self.language)),
                    "peak_required": plan.and_then(|p| p.peak_required_agents()),
                })
            })
            .collect()
    }
}
