//! The resolved model: every declaration of a spec, with references turned into
//! typed indices. Checks and generators read only this.
//!
//! A reference that could not be resolved keeps its name and span but no target
//! (it was reported as `unknown-reference`), so later rules can tell "not
//! written" (`None`) from "written but wrong" (`Some(Ref { target: None, .. })`)
//! and never report the same mistake twice.

pub mod across;
mod build;
mod calendar;
pub mod clock;
pub mod closure;
mod commitments;
mod crew;
pub mod export_names;
mod idx;
mod org;
pub mod plan;
mod segments;
mod timing;
pub mod workdays;
pub mod zones;

pub use build::build;
pub use calendar::{Calendar, DatedHours, WeekHours};
pub use commitments::{
    AnswerTarget, Complaint, Escalation, Journey, Phase, Promise, PromisedJourney, Remedy,
    ResolutionTarget, ResponseTarget, Sla, Step, Transition,
};
pub use crew::Crew;
pub use idx::{Arena, Idx};
pub use org::{
    Agreement, Channel, CustomerType, Forecast, ForecastVolume, Kpi, Profile, Queue, Respond, Role,
    Segment, Service, Team,
};
pub use workdays::Extreme;

use crate::diagnostic::{Code, CodeDoc};
use crate::source::Span;
use crate::syntax::Name;

/// The identity of a declaration.
#[derive(Debug, Clone)]
pub struct Header {
    pub id: Name,
    pub title: Option<String>,
    pub description: Option<String>,
    /// The declaration's header, where diagnostics about it point.
    pub span: Span,
    /// Every value in it was read: no statement was left out for an
    /// `invalid-value` (see [`crate::syntax::ast::Declaration::fully_read`]).
    pub fully_read: bool,
}

impl Header {
    /// The display name if given, else the identifier.
    pub fn label(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.id)
    }
}

/// A reference by name. `target` is `None` when the name resolved to nothing.
#[derive(Debug, Clone)]
pub struct Ref<T> {
    pub target: Option<T>,
    pub name: Name,
    pub span: Span,
}

/// A value and the statement that gave it.
#[derive(Debug, Clone, Copy)]
pub struct At<T> {
    pub value: T,
    pub span: Span,
}

/// Who owns work: a team, or a role (which belongs to a team).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Party {
    Team(Idx<Team>),
    Role(Idx<Role>),
}

/// A whole, resolved spec.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub service: Option<Service>,
    pub calendars: Arena<Calendar>,
    pub teams: Arena<Team>,
    pub roles: Arena<Role>,
    pub channels: Arena<Channel>,
    pub segments: Arena<Segment>,
    pub customer_types: Arena<CustomerType>,
    pub slas: Arena<Sla>,
    pub promises: Arena<Promise>,
    pub journeys: Arena<Journey>,
    pub complaints: Arena<Complaint>,
    pub queues: Arena<Queue>,
    pub agreements: Arena<Agreement>,
    /// The SLAs covering each segment, by segment index: rules and
    /// generators ask this per segment, so it is built once.
    slas_by_segment: Vec<Vec<Idx<Sla>>>,
    /// [`Model::longest_on`] between two business calendars, once per
    /// limit and pair: each answer walks a year of both clocks.
    across: across::Memo,
}

impl Model {
    /// Whether the customer does a step alone: it has channels, and every
    /// one is `self_service` (an app, a portal, a push notification). Its
    /// owner keeps the step working and helps whoever is stuck; nobody
    /// "carries it out".
    pub fn is_self_service(&self, step: &Step) -> bool {
        let mut channels = step.channels.iter().filter_map(|c| c.target).peekable();
        channels.peek().is_some() && channels.all(|c| self.channels[c].self_service)
    }

    /// The team a party belongs to: itself, or a role's team.
    pub fn team_of(&self, party: Party) -> Option<Idx<Team>> {
        match party {
            Party::Team(t) => Some(t),
            Party::Role(r) => self.roles[r].team.as_ref().and_then(|t| t.target),
        }
    }

    pub fn party_id(&self, party: Party) -> &str {
        match party {
            Party::Team(t) => &self.teams[t].header.id,
            Party::Role(r) => &self.roles[r].header.id,
        }
    }

    /// How many declarations and steps the spec has: the measure of its size
    /// that budgets scale with.
    pub fn size(&self) -> u64 {
        let steps: usize = self.journeys.values().map(|j| j.steps.len()).sum();
        (self.calendars.len()
            + self.teams.len()
            + self.roles.len()
            + self.channels.len()
            + self.segments.len()
            + self.customer_types.len()
            + self.slas.len()
            + self.promises.len()
            + self.journeys.len()
            + steps
            + self.complaints.len()
            + self.queues.len()
            + self.agreements.len()) as u64
    }

    /// Builds the indices; called once the arenas are complete.
    pub(crate) fn index(&mut self) {
        let mut by_segment = vec![Vec::new(); self.segments.len()];
        for (id, sla) in self.slas.iter() {
            for segment in targets(&sla.segments) {
                if by_segment[segment.index()].last() != Some(&id) {
                    by_segment[segment.index()].push(id);
                }
            }
        }
        self.slas_by_segment = by_segment;
    }

    /// The segments a `segments` list serves: those it names, or, when it
    /// is empty (`segments any`, or no `segments` line), every segment.
    /// Every rule and document that asks whom something serves asks this.
    pub fn served<'m>(&'m self, list: &'m [Ref<Idx<Segment>>]) -> Served<'m> {
        if list.is_empty() {
            Served::All(0..self.segments.len())
        } else {
            Served::Listed(list.iter())
        }
    }

    /// A promise over a journey that serves segments the promise does not:
    /// case rows name no segment, so `cxc measure` judges the promise on
    /// every case of the journey, and the report must say so (outside audit
    /// 7, F4: a life-support promise measured on every customer's outage).
    pub fn promise_wider_in_cases(&self, promise: &Promise) -> bool {
        let Some(journey) = promise.journey.as_ref().and_then(|p| p.journey.target) else {
            return false;
        };
        let promised: std::collections::BTreeSet<Idx<Segment>> =
            self.served(&promise.segments).collect();
        self.served(&self.journeys[journey].segments)
            .any(|s| !promised.contains(&s))
    }

    /// A party that is an outside body (a role marked `external`): a
    /// complaint's rung there is the customer's right to refer it, not
    /// work handed to our staff.
    pub fn outside(&self, party: Option<Party>) -> bool {
        matches!(party, Some(Party::Role(r)) if self.roles[r].external)
    }

    /// The highest routing tier (lowest number) among segments.
    pub fn best_tier(&self, segments: &[Idx<Segment>]) -> Option<u32> {
        segments
            .iter()
            .filter_map(|&s| self.segments[s].tier.map(|t| t.value))
            .min()
    }
}

/// Resolved targets of a reference list.
/// See [`Model::served`].
pub enum Served<'m> {
    All(std::ops::Range<usize>),
    Listed(std::slice::Iter<'m, Ref<Idx<Segment>>>),
}

impl Iterator for Served<'_> {
    type Item = Idx<Segment>;

    fn next(&mut self) -> Option<Idx<Segment>> {
        match self {
            Served::All(range) => range.next().map(Idx::new),
            Served::Listed(refs) => refs.find_map(|r| r.target),
        }
    }
}

pub fn targets<T: Copy>(refs: &[Ref<T>]) -> impl Iterator<Item = T> + '_ {
    refs.iter().filter_map(|r| r.target)
}

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::UnknownReference,
        context: "",
        bad: r#"journey callback { start call; step call "Call back" { owner suport; channel phone; end } }"#,
        fix: r#"journey callback { start call; step call "Call back" { owner support; channel phone; end } }"#,
    },
    CodeDoc {
        code: Code::DuplicateDefinition,
        context: "",
        bad: r#"team desk "Customer service" {}
team desk "Support desk" {}"#,
        fix: r#"team desk "Customer service" {}
team helpdesk "Support desk" {}"#,
    },
    CodeDoc {
        code: Code::MixedScriptName,
        context: "",
        bad: "team suppоrt \"Support\" {}   # a Cyrillic `о` in `suppоrt`",
        fix: "team support \"Support\" {}",
    },
    CodeDoc {
        code: Code::IncludeCycle,
        context: "",
        bad: "# a.cx\ninclude \"b.cx\"\n# b.cx\ninclude \"a.cx\"",
        fix: "# a.cx\ninclude \"b.cx\"\n# b.cx (no include back)",
    },
    CodeDoc {
        code: Code::CannotLoad,
        context: "",
        bad: "# cxc.yaml\nlimits:\n  file_size: 512B   # smaller than the spec's base.cx\n# a.cx\n# the rest of the spec",
        fix: "# cxc.yaml\nlimits:\n  file_size: 1MB\n# a.cx\n# the rest of the spec",
    },
];
