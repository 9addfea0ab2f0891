//! The view: the checked model turned into plain, typed data for the
//! templates and for `model.json`. Names are resolved, durations come with
//! words and their clock, and the figures documents need (derived duties,
//! journey handoffs, longest deadlines) are computed here, once, so
//! templates only lay out.
//!
//! Every type here is `Serialize` and borrows its text from the model: the
//! view of a million-step journey costs one small struct per step, and
//! `model.json` is written straight from it.

use super::files::Stems;
use super::job::{self, Duty, JobView, Work};
use super::words::{self, term, Term, Unit};
use crate::check::journeys;
use crate::model::{
    self, Calendar, Header, Idx, Journey, Model, Party, Ref, Remedy, Role, Segment,
};
use crate::staffing::QueuePlan;
use crate::syntax::ast::TargetValue;
use crate::syntax::values::{trim_float, Language, TimeLimit, Weekday};
use serde::Serialize;

pub struct View<'a> {
    pub model: &'a Model,
    pub language: Language,
    pub plans: &'a [QueuePlan],
    /// The spec's check settings (which steps hurt).
    pub checks: &'a crate::check::Options,
    /// File stems of journeys and roles, unique even on case-insensitive disks.
    pub journey_files: Vec<String>,
    pub role_files: Vec<String>,
    /// Who does what, for the derived duties of every role.
    work: Work,
    /// The roles reporting to each role.
    subordinates: Vec<Vec<Idx<Role>>>,
    /// What the exports measured (`cxc build --contacts/--cases`).
    measured: Option<super::measured::Measured<'a>>,
}

/// An identifier and its display name.
#[derive(Debug, Clone, Serialize)]
pub struct Named<'a> {
    pub id: &'a str,
    pub label: &'a str,
}

/// A time limit with its words and the clock it runs on.
#[derive(Debug, Clone, Serialize)]
pub struct Time {
    /// Running seconds; for working days, the longest the deadline can
    /// leave on its clock.
    pub seconds: u64,
    /// `3wd`: the working days it counts (none for running time).
    pub working_days: Option<u32>,
    /// "3 working days"; running time on a clock that stops after hours is
    /// said in hours ("72 hours"), never in days.
    pub text: String,
    /// The genitive ("в течение 2 часов"), for Russian sentences.
    pub gen: String,
    pub clock: String,
}

#[derive(Serialize)]
pub struct Spec<'a> {
    pub lang: &'static str,
    /// Measured figures stand beside the targets (`cxc build --contacts`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub measured: bool,
    pub service: Option<ServiceView<'a>>,
    pub calendars: Vec<CalendarView<'a>>,
    pub teams: Vec<TeamView<'a>>,
    pub channels: Vec<ChannelView<'a>>,
    pub segments: Vec<SegmentView<'a>>,
    pub promises: Vec<PromiseView<'a>>,
    pub complaints: Vec<ComplaintView<'a>>,
    pub agreements: Vec<AgreementView<'a>>,
    pub journeys: Vec<JourneyView<'a>>,
    pub roles: Vec<RoleView<'a>>,
    pub queues: Vec<QueueView<'a>>,
}

#[derive(Serialize)]
pub struct ServiceView<'a> {
    pub title: Option<&'a str>,
    pub description: Option<&'a str>,
    pub version: Option<&'a str>,
    pub owner: Option<Named<'a>>,
    pub reviewed: Option<String>,
    /// The ISO 4217 code of every money figure.
    pub currency: Option<&'a str>,
}

#[derive(Serialize)]
pub struct CalendarView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub timezone: Option<&'a str>,
    pub always: bool,
    pub week: Vec<DayView>,
    pub closed: Vec<String>,
}

#[derive(Serialize)]
pub struct DayView {
    pub day: &'static str,
    pub hours: String,
}

#[derive(Serialize)]
pub struct TeamView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub description: Option<&'a str>,
    pub lead: Option<Named<'a>>,
}

#[derive(Clone, Serialize)]
pub struct ChannelView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub kind: Option<&'static str>,
    pub self_service: bool,
    pub hours: Option<Named<'a>>,
    pub owner: Option<Named<'a>>,
}

#[derive(Serialize)]
pub struct SegmentView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub description: Option<&'a str>,
    pub share: Option<String>,
    pub revenue: Option<String>,
    pub tier: Option<u32>,
    pub channels: Vec<ChannelView<'a>>,
    pub types: Vec<TypeView<'a>>,
    pub slas: Vec<SlaView<'a>>,
    pub profile: ProfileView<'a>,
    /// `revenue` ÷ `share`: what a customer of this segment brings against
    /// the average customer, "4.0×" — the reason for the tier.
    pub revenue_per_customer: Option<String>,
}

#[derive(Serialize)]
pub struct ProfileView<'a> {
    pub customers: Option<String>,
    /// With the service's currency when it names one: "350,000 RUB".
    pub average_check: Option<String>,
    pub loyal: Option<String>,
    pub sources: &'a [String],
    pub portrait: Option<&'a str>,
    /// Whether any of the above is given.
    pub any: bool,
}

#[derive(Serialize)]
pub struct TypeView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub expects: Option<&'a str>,
    pub strategy: Option<&'a str>,
    pub prefer: Vec<Named<'a>>,
}

#[derive(Serialize)]
pub struct SlaView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub hours: Option<Named<'a>>,
    pub answers: Vec<AnswerView<'a>>,
    pub first_responses: Vec<ResponseView<'a>>,
    pub resolutions: Vec<ResolutionView<'a>>,
    pub targets: Vec<KpiView>,
}

#[derive(Serialize)]
pub struct AnswerView<'a> {
    pub channel: Named<'a>,
    pub percent: String,
    pub within: Time,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measured: Option<String>,
}

#[derive(Serialize)]
pub struct ResponseView<'a> {
    pub channel: Named<'a>,
    pub within: Time,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measured: Option<String>,
}

#[derive(Serialize)]
pub struct ResolutionView<'a> {
    pub channel: Option<Named<'a>>,
    pub within: Time,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measured: Option<String>,
}

#[derive(Serialize)]
pub struct KpiView {
    pub metric: &'static str,
    pub comparison: String,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measured: Option<String>,
}

#[derive(Serialize)]
pub struct PromiseView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub description: Option<&'a str>,
    pub segments: Vec<Named<'a>>,
    pub channel: Option<Named<'a>>,
    pub within: Option<Time>,
    pub internal: Vec<InternalTarget<'a>>,
    pub on_breach: Vec<String>,
}

/// An internal target behind a public promise.
#[derive(Serialize)]
pub struct InternalTarget<'a> {
    pub segment: &'a str,
    pub sla: &'a str,
    pub percent: Option<String>,
    pub within: Time,
}

#[derive(Serialize)]
pub struct ComplaintView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub description: Option<&'a str>,
    pub segments: Vec<Named<'a>>,
    pub severity: Option<&'static str>,
    pub owner: Option<Named<'a>>,
    pub hours: Option<Named<'a>>,
    pub acknowledge: Option<Time>,
    pub resolve: Option<Time>,
    pub escalations: Vec<EscalationView<'a>>,
    pub remedies: Vec<String>,
    pub feedback: Option<&'static str>,
}

#[derive(Serialize)]
pub struct EscalationView<'a> {
    pub after: Time,
    pub to: Named<'a>,
}

#[derive(Serialize)]
pub struct AgreementView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub description: Option<&'a str>,
    pub provider: Option<Named<'a>>,
    pub consumer: Option<Named<'a>>,
    pub responds: Vec<RespondView<'a>>,
    pub resolve: Option<Time>,
}

#[derive(Serialize)]
pub struct RespondView<'a> {
    pub within: Time,
    pub segments: Vec<Named<'a>>,
}

#[derive(Serialize)]
pub struct JourneyView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub description: Option<&'a str>,
    pub file: &'a str,
    pub segments: Vec<Named<'a>>,
    pub within: Option<Time>,
    pub start: Option<&'a str>,
    pub steps: Vec<StepView<'a>>,
    /// The step table's sections: one per phase, then the steps in no phase
    /// (`other`); a single unnamed section when the journey has no phases.
    pub sections: Vec<SectionView<'a>>,
    /// The agreements behind the steps: the support line of the blueprint.
    pub support: Vec<SupportView<'a>>,
    pub mermaid: String,
    /// The most team changes the customer sees on a way through (the figure
    /// `hot-potato` judges), with the teams in order.
    pub team_changes: Option<TeamChangesView<'a>>,
    pub channel_switches: usize,
    pub longest: Option<LongestView<'a>>,
}

#[derive(Serialize)]
pub struct SupportView<'a> {
    pub label: &'a str,
    pub provider: &'a str,
    pub consumer: &'a str,
    /// Its general response time (the one without `for`), else its first.
    pub respond: Option<Time>,
}

#[derive(Serialize)]
pub struct SectionView<'a> {
    pub label: Option<&'a str>,
    pub other: bool,
    /// Indices into the journey's `steps`.
    pub steps: Vec<usize>,
}

#[derive(Serialize)]
pub struct TeamChangesView<'a> {
    pub count: i64,
    pub teams: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct StepView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub description: Option<&'a str>,
    /// Its measured effort or drop-off says it hurts (`high-effort-step`).
    pub hurts: bool,
    pub owner: Option<Named<'a>>,
    pub channels: Vec<Named<'a>>,
    pub within: Option<Time>,
    pub effort: Option<String>,
    pub csat: Option<String>,
    pub dropoff: Option<String>,
    pub end: Option<&'a str>,
    pub next: Vec<NextView<'a>>,
    /// What the cases lived through at this step, when measured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measured: Option<String>,
}

#[derive(Serialize)]
pub struct NextView<'a> {
    /// The next step: its id, and its title for people.
    pub to: Named<'a>,
    pub when: Option<&'a str>,
}

#[derive(Serialize)]
pub struct LongestView<'a> {
    pub total: Time,
    pub path: Vec<&'a str>,
    pub over_target: bool,
}

#[derive(Serialize)]
pub struct RoleView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub description: Option<&'a str>,
    pub file: &'a str,
    pub team: Option<Named<'a>>,
    pub reports_to: Option<Named<'a>>,
    pub subordinates: Vec<&'a str>,
    pub headcount: Option<u32>,
    pub duties: &'a [String],
    pub kpis: Vec<KpiView>,
    pub derived: Vec<Duty>,
    /// The job description: purpose, grouped duties, rights.
    pub job: JobView<'a>,
}

#[derive(Serialize)]
pub struct QueueView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub channel: Option<Named<'a>>,
    pub segments: Vec<Named<'a>>,
    pub priority: Option<u32>,
    pub team: Option<Named<'a>>,
    pub agents: Option<String>,
    pub peak_required: Option<u32>,
}

impl<'a> View<'a> {
    pub fn new(
        model: &'a Model,
        language: Language,
        plans: &'a [QueuePlan],
        checks: &'a crate::check::Options,
    ) -> Self {
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
            checks,
            journey_files,
            role_files,
            work: Work::new(model),
            subordinates,
            measured: None,
        }
    }

    /// A journey's graph for its map, with what was measured at each step.
    pub fn graph(&self, journey: &model::Journey) -> super::journey::Graph {
        let mut graph = super::journey::Graph::new(self.model, journey, self.checks);
        if let Some(measured) = &self.measured {
            measured.annotate(&mut graph, journey);
        }
        graph
    }

    /// Puts measured figures beside the targets and on the journey maps.
    pub fn measuring(mut self, measured: Option<super::measured::Measured<'a>>) -> Self {
        self.measured = measured;
        self
    }

    /// Everything, as one value: the context of every template, and model.json.
    pub fn spec(&'a self) -> Spec<'a> {
        let m = self.model;
        Spec {
            lang: self.language.as_str(),
            measured: self.measured.is_some(),
            service: self.service(),
            calendars: m.calendars.values().map(|c| self.calendar(c)).collect(),
            teams: m
                .teams
                .values()
                .map(|t| TeamView {
                    id: &t.header.id,
                    label: t.header.label(),
                    description: t.header.description.as_deref(),
                    lead: t
                        .lead
                        .as_ref()
                        .map(|l| self.named(l, |r| &m.roles[r].header)),
                })
                .collect(),
            channels: m.channels.ids().map(|id| self.channel(id)).collect(),
            segments: m
                .segments
                .iter()
                .map(|(id, s)| self.segment(id, s))
                .collect(),
            promises: m.promises.values().map(|p| self.promise(p)).collect(),
            complaints: m.complaints.values().map(|c| self.complaint(c)).collect(),
            agreements: m
                .agreements
                .values()
                .map(|a| AgreementView {
                    id: &a.header.id,
                    label: a.header.label(),
                    description: a.header.description.as_deref(),
                    provider: a
                        .provider
                        .as_ref()
                        .map(|t| self.named(t, |t| &m.teams[t].header)),
                    consumer: a
                        .consumer
                        .as_ref()
                        .map(|t| self.named(t, |t| &m.teams[t].header)),
                    responds: a
                        .responds
                        .iter()
                        .map(|r| RespondView {
                            within: self.duration(r.within, None),
                            segments: self.segment_list(&r.segments),
                        })
                        .collect(),
                    resolve: a.resolve.map(|r| self.duration(r.value, None)),
                })
                .collect(),
            journeys: m
                .journeys
                .iter()
                .map(|(id, j)| self.journey(j, &self.journey_files[id.index()]))
                .collect(),
            roles: m.roles.iter().map(|(id, r)| self.role(id, r)).collect(),
            queues: self.queues(),
        }
    }

    fn service(&self) -> Option<ServiceView<'a>> {
        let s = self.model.service.as_ref()?;
        Some(ServiceView {
            title: s.title.as_deref(),
            description: s.description.as_deref(),
            version: s.version.as_deref(),
            owner: s.owner.as_ref().map(|o| self.party(o)),
            reviewed: s.reviewed.map(|r| r.value.to_string()),
            currency: s.currency.as_ref().map(|c| c.value.as_str()),
        })
    }

    fn named<T: Copy>(&self, r: &'a Ref<T>, header: impl Fn(T) -> &'a Header) -> Named<'a> {
        match r.target {
            Some(t) => {
                let h = header(t);
                Named {
                    id: &h.id,
                    label: h.label(),
                }
            }
            None => Named {
                id: &r.name,
                label: &r.name,
            },
        }
    }

    pub(super) fn party(&self, r: &'a Ref<Party>) -> Named<'a> {
        let m = self.model;
        self.named(r, |p| match p {
            Party::Team(t) => &m.teams[t].header,
            Party::Role(r) => &m.roles[r].header,
        })
    }

    /// A duration with its words and the clock it runs on.
    /// The agreements whose consumer owns a step of the journey: the teams
    /// the steps rely on behind the scenes.
    fn support(&self, j: &'a crate::model::Journey) -> Vec<SupportView<'a>> {
        let m = self.model;
        let owners: std::collections::BTreeSet<_> = j
            .steps
            .values()
            .filter_map(|s| s.owner.as_ref()?.target)
            .filter_map(|p| m.team_of(p))
            .collect();
        m.agreements
            .values()
            .filter_map(|a| {
                let consumer = a.consumer.as_ref()?.target?;
                let provider = a.provider.as_ref()?.target?;
                (owners.contains(&consumer) && provider != consumer).then(|| SupportView {
                    label: a.header.label(),
                    provider: m.teams[provider].header.label(),
                    consumer: m.teams[consumer].header.label(),
                    respond: a
                        .responds
                        .iter()
                        .find(|r| r.segments.is_empty())
                        .or(a.responds.first())
                        .map(|r| self.duration(r.within, None)),
                })
            })
            .collect()
    }

    pub(super) fn duration(&self, limit: TimeLimit, calendar: Option<&Ref<Idx<Calendar>>>) -> Time {
        let id = calendar.and_then(|c| c.target);
        let calendar = id.map(|c| &self.model.calendars[c]);
        let always = calendar.is_none_or(|c| c.is_24x7());
        let label = calendar.map(|c| c.header.label());
        let clock = match limit {
            TimeLimit::WorkingDays(_) => words::working_days_clock(label, always, self.language),
            TimeLimit::Running { .. } => words::clock(label, always, self.language),
        };
        Time {
            seconds: self.model.longest(limit, id).seconds(),
            working_days: limit.working_days(),
            text: words::limit(limit, !always, self.language),
            gen: words::limit_genitive(limit, !always, self.language),
            clock,
        }
    }

    fn calendar(&self, c: &'a Calendar) -> CalendarView<'a> {
        let week = Weekday::ALL
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
                DayView {
                    day: term(Term::Day(day), self.language),
                    hours,
                }
            })
            .collect();
        CalendarView {
            id: &c.header.id,
            label: c.header.label(),
            timezone: c.timezone.as_deref(),
            always: c.is_24x7(),
            week,
            closed: c.closed.iter().map(|d| d.to_string()).collect(),
        }
    }

    fn channel(&self, id: Idx<model::Channel>) -> ChannelView<'a> {
        let c = &self.model.channels[id];
        ChannelView {
            id: &c.header.id,
            label: c.header.label(),
            kind: c.kind.map(|k| term(Term::Kind(k), self.language)),
            self_service: c.self_service,
            hours: c
                .hours
                .as_ref()
                .map(|h| self.named(h, |h| &self.model.calendars[h].header)),
            owner: c.owner.as_ref().map(|o| self.party(o)),
        }
    }

    /// The segments a list names; empty means everyone.
    fn segment_list(&self, list: &'a [Ref<Idx<Segment>>]) -> Vec<Named<'a>> {
        if list.is_empty() {
            return vec![Named {
                id: "any",
                label: term(Term::Everyone, self.language),
            }];
        }
        list.iter()
            .map(|s| self.named(s, |s| &self.model.segments[s].header))
            .collect()
    }

    fn segment(&self, id: Idx<Segment>, s: &'a Segment) -> SegmentView<'a> {
        let m = self.model;
        let measured = |kind: &str, sla: &str, i: usize| {
            self.measured
                .as_ref()
                .and_then(|x| x.target(sla, &s.header.id, kind, i))
        };
        let slas = m
            .slas_of(id)
            .map(|(_, sla)| {
                let hours = sla.hours.as_ref();
                let sla_id: &str = &sla.header.id;
                SlaView {
                    id: &sla.header.id,
                    label: sla.header.label(),
                    hours: hours.map(|h| self.named(h, |h| &m.calendars[h].header)),
                    answers: sla
                        .answers
                        .iter()
                        .enumerate()
                        .map(|(i, a)| AnswerView {
                            channel: self.named(&a.channel, |c| &m.channels[c].header),
                            percent: trim_float(a.percent.value()),
                            within: self.duration(a.within, hours),
                            measured: measured("answer", sla_id, i),
                        })
                        .collect(),
                    first_responses: sla
                        .first_responses
                        .iter()
                        .enumerate()
                        .map(|(i, r)| ResponseView {
                            channel: self.named(&r.channel, |c| &m.channels[c].header),
                            within: self.duration(r.within, hours),
                            measured: measured("first_response", sla_id, i),
                        })
                        .collect(),
                    resolutions: sla
                        .resolutions
                        .iter()
                        .enumerate()
                        .map(|(i, r)| ResolutionView {
                            channel: r
                                .channel
                                .as_ref()
                                .map(|c| self.named(c, |c| &m.channels[c].header)),
                            within: self.duration(r.within, hours),
                            measured: measured("resolution", sla_id, i),
                        })
                        .collect(),
                    targets: sla
                        .targets
                        .iter()
                        .map(|k| KpiView {
                            measured: self.measured.as_ref().and_then(|x| {
                                x.metric(sla_id, &s.header.id, k.value.metric.as_str())
                            }),
                            ..self.kpi(&k.value)
                        })
                        .collect(),
                }
            })
            .collect();
        SegmentView {
            id: &s.header.id,
            label: s.header.label(),
            description: s.header.description.as_deref(),
            share: s.share.map(|p| trim_float(p.value.value())),
            revenue: s.revenue.map(|p| trim_float(p.value.value())),
            tier: s.tier.map(|t| t.value),
            channels: model::targets(&s.channels)
                .map(|c| self.channel(c))
                .collect(),
            types: model::targets(&s.types)
                .map(|t| {
                    let t = &m.customer_types[t];
                    TypeView {
                        id: &t.header.id,
                        label: t.header.label(),
                        expects: t.expects.as_deref(),
                        strategy: t.strategy.as_deref(),
                        prefer: t
                            .prefer
                            .iter()
                            .map(|c| self.named(c, |c| &m.channels[c].header))
                            .collect(),
                    }
                })
                .collect(),
            slas,
            profile: self.profile(&s.profile),
            revenue_per_customer: s
                .revenue_per_customer()
                .map(|r| format!("{}×", words::grouped(r, self.language))),
        }
    }

    fn profile(&self, p: &'a model::Profile) -> ProfileView<'a> {
        let language = self.language;
        let currency = self
            .model
            .service
            .as_ref()
            .and_then(|s| s.currency.as_ref())
            .map(|c| c.value.as_str());
        ProfileView {
            customers: p
                .customers
                .map(|c| words::grouped(c.value as f64, language)),
            average_check: p.average_check.map(|a| {
                let amount = words::grouped(a.value, language);
                match currency {
                    Some(code) => format!("{amount} {code}"),
                    None => amount,
                }
            }),
            loyal: p.loyal.map(|l| l.value.to_string()),
            sources: &p.sources,
            portrait: p.portrait.as_deref(),
            any: p.customers.is_some()
                || p.average_check.is_some()
                || p.loyal.is_some()
                || !p.sources.is_empty()
                || p.portrait.is_some(),
        }
    }

    pub(super) fn kpi(&self, k: &model::Kpi) -> KpiView {
        let value = match k.value {
            TargetValue::Number(n) => trim_float(n),
            TargetValue::Percent(p) => p.to_string(),
            TargetValue::Duration(d) => words::duration(d, self.language),
        };
        KpiView {
            metric: term(Term::Metric(k.metric), self.language),
            comparison: k.comparison.as_str().replace(">=", "≥").replace("<=", "≤"),
            value,
            measured: None,
        }
    }

    pub(super) fn remedy(&self, r: &Remedy) -> String {
        match (r, self.language) {
            (Remedy::Simple(s), l) => term(Term::Remedy(*s), l).to_string(),
            (Remedy::Compensate(Some(what)), Language::En) => format!("compensate: {what}"),
            (Remedy::Compensate(Some(what)), Language::Ru) => format!("компенсировать: {what}"),
            (Remedy::Compensate(None), Language::En) => "compensate the customer".into(),
            (Remedy::Compensate(None), Language::Ru) => "предоставить клиенту компенсацию".into(),
            (Remedy::Escalate(to), Language::En) => format!("escalate to {}", self.party(to).label),
            (Remedy::Escalate(to), Language::Ru) => {
                format!("передать руководителю: {}", self.party(to).label)
            }
        }
    }

    fn promise(&self, p: &'a model::Promise) -> PromiseView<'a> {
        let m = self.model;
        let channel = p.channel.as_ref().and_then(|c| c.target);
        // The promise runs on its channel's clock (a journey's: the wall's).
        let promise_hours = channel
            .filter(|_| p.journey.is_none())
            .and_then(|c| m.channels[c].hours.as_ref());
        // The internal targets behind the promise: per segment, the SLA's
        // answer or first-response time on its channel.
        let mut internal = Vec::new();
        if let Some(channel) = channel {
            for seg in m.served(&p.segments) {
                for (_, sla) in m.slas_of(seg) {
                    let hours = sla.hours.as_ref();
                    let answers = sla
                        .answers
                        .iter()
                        .filter(|a| a.channel.target == Some(channel))
                        .map(|a| (a.within, Some(a.percent)));
                    let responses = sla
                        .first_responses
                        .iter()
                        .filter(|r| r.channel.target == Some(channel))
                        .map(|r| (r.within, None));
                    for (within, percent) in answers.chain(responses) {
                        internal.push(InternalTarget {
                            segment: m.segments[seg].header.label(),
                            sla: sla.header.label(),
                            percent: percent.map(|p| trim_float(p.value())),
                            within: self.duration(within, hours),
                        });
                    }
                }
            }
        }
        PromiseView {
            id: &p.header.id,
            label: p.header.label(),
            description: p.header.description.as_deref(),
            segments: self.segment_list(&p.segments),
            channel: p
                .channel
                .as_ref()
                .map(|c| self.named(c, |c| &m.channels[c].header)),
            within: p.within.map(|w| self.duration(w.value, promise_hours)),
            internal,
            on_breach: p.on_breach.iter().map(|r| self.remedy(&r.value)).collect(),
        }
    }

    fn complaint(&self, c: &'a model::Complaint) -> ComplaintView<'a> {
        let hours = c.hours.as_ref();
        let segments = self.segment_list(&c.segments);
        ComplaintView {
            id: &c.header.id,
            label: c.header.label(),
            description: c.header.description.as_deref(),
            segments,
            severity: c.severity.map(|s| term(Term::Severity(s), self.language)),
            owner: c.owner.as_ref().map(|o| self.party(o)),
            hours: hours.map(|h| self.named(h, |h| &self.model.calendars[h].header)),
            acknowledge: c.acknowledge.map(|a| self.duration(a.value, hours)),
            resolve: c.resolve.map(|r| self.duration(r.value, hours)),
            escalations: c
                .escalations
                .iter()
                .map(|e| EscalationView {
                    after: self.duration(e.after, hours),
                    to: self.party(&e.to),
                })
                .collect(),
            remedies: c.remedies.iter().map(|r| self.remedy(&r.value)).collect(),
            feedback: c.feedback.map(|f| f.value.as_str()),
        }
    }

    fn journey(&self, j: &'a Journey, file: &'a str) -> JourneyView<'a> {
        let m = self.model;
        let mut switches = 0;
        for (_, step) in j.steps.iter() {
            for t in &step.next {
                let Some(next) = t.to.target.map(|n| &j.steps[n]) else {
                    continue;
                };
                if journeys::is_channel_switch(m, step, next) {
                    switches += 1;
                }
            }
        }
        let longest = journeys::longest_deadline(j).map(|(total, path)| LongestView {
            total: self.duration(TimeLimit::running(total), None),
            path: path.iter().map(|&s| j.steps[s].header.label()).collect(),
            over_target: j.within.is_some_and(|w| total > m.longest(w.value, None)),
        });
        JourneyView {
            id: &j.header.id,
            label: j.header.label(),
            description: j.header.description.as_deref(),
            file,
            segments: self.segment_list(&j.segments),
            within: j.within.map(|w| self.duration(w.value, None)),
            start: j.start.as_ref().map(|s| s.name.as_str()),
            steps: j
                .steps
                .values()
                .map(|s| {
                    let measured = self
                        .measured
                        .as_ref()
                        .and_then(|x| x.step(&j.header.id, &s.header.id));
                    StepView {
                        id: &s.header.id,
                        label: s.header.label(),
                        description: s.header.description.as_deref(),
                        // From the spec's figures, or the data's (`measured-pain`).
                        hurts: journeys::hurts(s, self.checks)
                            || measured.as_ref().is_some_and(|f| f.hurts),
                        owner: s.owner.as_ref().map(|o| self.party(o)),
                        channels: s
                            .channels
                            .iter()
                            .map(|c| self.named(c, |c| &m.channels[c].header))
                            .collect(),
                        within: s.within.map(|w| self.duration(w.value, None)),
                        effort: s.effort.map(trim_float),
                        csat: s.csat.map(trim_float),
                        dropoff: s.dropoff.map(|d| d.to_string()),
                        end: s
                            .end
                            .as_ref()
                            .map(|e| e.value.as_deref().unwrap_or_default()),
                        next: s
                            .next
                            .iter()
                            .map(|t| NextView {
                                to: self.named(&t.to, |s| &j.steps[s].header),
                                when: t.when.as_deref(),
                            })
                            .collect(),
                        measured: measured.map(|f| f.text),
                    }
                })
                .collect(),
            sections: sections(j),
            support: self.support(j),
            mermaid: super::journey::text::mermaid(&self.graph(j)),
            team_changes: journeys::team_changes(m, j).map(|(count, teams)| TeamChangesView {
                count,
                teams: teams.iter().map(|&t| m.teams[t].header.label()).collect(),
            }),
            channel_switches: switches,
            longest,
        }
    }

    fn role(&'a self, id: Idx<Role>, r: &'a Role) -> RoleView<'a> {
        let m = self.model;
        let kpis: Vec<KpiView> = r.targets.iter().map(|k| self.kpi(&k.value)).collect();
        let derived = job::derive(self, &self.work, id);
        RoleView {
            id: &r.header.id,
            label: r.header.label(),
            description: r.header.description.as_deref(),
            file: &self.role_files[id.index()],
            team: r
                .team
                .as_ref()
                .map(|t| self.named(t, |t| &m.teams[t].header)),
            reports_to: r
                .reports_to
                .as_ref()
                .map(|t| self.named(t, |t| &m.roles[t].header)),
            subordinates: self.subordinates[id.index()]
                .iter()
                .map(|&o| m.roles[o].header.label())
                .collect(),
            headcount: r.headcount,
            duties: &r.duties,
            job: job::job(self, &self.work, id, &derived, &kpis),
            kpis,
            derived,
        }
    }

    fn queues(&self) -> Vec<QueueView<'a>> {
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
                QueueView {
                    id: &q.header.id,
                    label: q.header.label(),
                    channel: q
                        .channel
                        .as_ref()
                        .map(|c| self.named(c, |c| &m.channels[c].header)),
                    segments: self.segment_list(&q.segments),
                    priority: q.priority,
                    team: q
                        .team
                        .as_ref()
                        .map(|t| self.named(t, |t| &m.teams[t].header)),
                    agents: q
                        .agents
                        .map(|a| words::count(u64::from(a.value), Unit::Agent, self.language)),
                    peak_required: plan.and_then(|p| p.peak_required_agents()),
                }
            })
            .collect()
    }
}

/// The step table's sections: a journey's phases in order, then its steps in
/// no phase; or all its steps in one section.
fn sections(j: &crate::model::Journey) -> Vec<SectionView<'_>> {
    let all: Vec<usize> = (0..j.steps.len()).collect();
    if j.phases.is_empty() {
        return vec![SectionView {
            label: None,
            other: false,
            steps: all,
        }];
    }
    let mut placed = vec![false; j.steps.len()];
    let mut out: Vec<SectionView> = j
        .phases
        .iter()
        .map(|p| SectionView {
            label: Some(p.header.label()),
            other: false,
            steps: p
                .steps
                .iter()
                .filter_map(|r| r.target)
                .map(|s| {
                    placed[s.index()] = true;
                    s.index()
                })
                .collect(),
        })
        .collect();
    let rest: Vec<usize> = all.into_iter().filter(|&i| !placed[i]).collect();
    if !rest.is_empty() {
        out.push(SectionView {
            label: None,
            other: true,
            steps: rest,
        });
    }
    out
}
