//! The view: the checked model turned into plain, typed data for the
//! templates and for `model.json`. Names are resolved, durations come with
//! words and their clock, and the figures documents need (derived duties,
//! journey handoffs, longest deadlines) are computed here, once, so
//! templates only lay out.
//!
//! Every type here is `Serialize` and borrows its text from the model: the
//! view of a million-step journey costs one small struct per step, and
//! `model.json` is written straight from it.
//!
//! - `types`: the data the templates see;
//! - `segment`: calendars, channels, segments and their SLAs;
//! - `policy`: promises (with what backs them), complaints, agreements;
//! - `journey`: journeys, their sections and the agreements behind them;
//! - `customer`: the promises as a customer reads them, nothing internal.
//!
//! Words come from [`Wording`]; job descriptions from [`super::job`], which
//! the view calls and which never calls back into the view.

mod customer;
mod journey;
mod policy;
mod segment;
mod types;

pub use super::wording::{KpiView, Named, Time};
pub use types::*;

use super::files::Stems;
use super::job::{self, Work};
use super::wording::Wording;
use super::words::{self, term, Term, Unit};
use crate::model::{self, Idx, Model, Ref, Role, Segment};
use crate::staffing::QueuePlan;
use crate::syntax::values::Language;

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
            measured_rows: self.measured.as_ref().map(|m| m.rows()),
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
                        .map(|l| self.w().named(l, |r| &m.roles[r].header)),
                    hours: t
                        .hours
                        .as_ref()
                        .map(|h| self.w().named(h, |c| &m.calendars[c].header)),
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
            agreements: m.agreements.values().map(|a| self.agreement(a)).collect(),
            journeys: m
                .journeys
                .iter()
                .map(|(id, j)| self.journey(j, &self.journey_files[id.index()]))
                .collect(),
            // An outside body (`external`) is listed, marked, with no job
            // description.
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
            owner: s.owner.as_ref().map(|o| self.w().party(o)),
            reviewed: s.reviewed.map(|r| r.value.to_string()),
            currency: s.currency.as_ref().map(|c| c.value.as_str()),
        })
    }

    /// How the documents say things, in the view's language.
    pub fn w(&self) -> Wording<'a> {
        Wording {
            model: self.model,
            language: self.language,
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
            .map(|s| self.w().named(s, |s| &self.model.segments[s].header))
            .collect()
    }

    fn role(&'a self, id: Idx<Role>, r: &'a Role) -> RoleView<'a> {
        let m = self.model;
        let kpis: Vec<KpiView> = r.targets.iter().map(|k| self.w().kpi(&k.value)).collect();
        // An outside body is not staff: no duties, no job description.
        let derived = if r.external {
            Vec::new()
        } else {
            job::derive(&self.w(), &self.work, self.plans, id)
        };
        RoleView {
            id: &r.header.id,
            label: r.header.label(),
            description: r.header.description.as_deref(),
            file: &self.role_files[id.index()],
            team: r
                .team
                .as_ref()
                .map(|t| self.w().named(t, |t| &m.teams[t].header)),
            reports_to: r
                .reports_to
                .as_ref()
                .map(|t| self.w().named(t, |t| &m.roles[t].header)),
            subordinates: self.subordinates[id.index()]
                .iter()
                .map(|&o| m.roles[o].header.label())
                .collect(),
            headcount: r.headcount,
            external: r.external,
            cost: r.cost.map(|c| c.value),
            duties: &r.duties,
            job: (!r.external).then(|| job::job(&self.w(), &self.work, id, &derived, &kpis)),
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
                        .map(|c| self.w().named(c, |c| &m.channels[c].header)),
                    segments: self.segment_list(&q.segments),
                    priority: q.priority,
                    order: if q.by_arrival() { "arrival" } else { "tier" },
                    team: q
                        .team
                        .as_ref()
                        .map(|t| self.w().named(t, |t| &m.teams[t].header)),
                    hours: q
                        .hours
                        .as_ref()
                        .map(|h| self.w().named(h, |c| &m.calendars[c].header)),
                    agents: q
                        .agents
                        .map(|a| words::count(u64::from(a.value), Unit::Agent, self.language)),
                    peak_required: plan.and_then(|p| p.peak_required_agents()),
                }
            })
            .collect()
    }
}
