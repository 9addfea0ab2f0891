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
mod crew;
mod idx;
pub mod workdays;

pub use build::build;
pub use calendar::{Calendar, WeekHours};
pub use crew::Crew;
pub use idx::{Arena, Idx};
pub use workdays::Extreme;

use crate::diagnostic::{Code, CodeDoc};
use crate::source::Span;
use crate::syntax::ast::TargetValue;
use crate::syntax::values::*;
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

#[derive(Debug, Clone)]
pub struct Service {
    pub title: Option<String>,
    pub description: Option<String>,
    pub version: Option<String>,
    pub owner: Option<Ref<Party>>,
    pub review_every: Option<At<(u32, ReviewUnit)>>,
    pub reviewed: Option<At<Date>>,
    pub language: Option<Language>,
    /// `currency RUB`: the ISO 4217 code of every money figure.
    pub currency: Option<At<Name>>,
    pub span: Span,
    /// See [`Header::fully_read`].
    pub fully_read: bool,
}

#[derive(Debug, Clone)]
pub struct Team {
    pub header: Header,
    pub lead: Option<Ref<Idx<Role>>>,
}

#[derive(Debug, Clone)]
pub struct Role {
    pub header: Header,
    pub team: Option<Ref<Idx<Team>>>,
    pub reports_to: Option<Ref<Idx<Role>>>,
    pub headcount: Option<u32>,
    /// What an hour of the role's work, or a contact it handles, costs
    /// (language 3): the basis of cost to serve.
    pub cost: Option<At<Cost>>,
    pub duties: Vec<String>,
    /// What the role may decide on its own (`right "..."`).
    pub rights: Vec<String>,
    /// Qualifications (`require "..."`).
    pub requirements: Vec<String>,
    pub targets: Vec<At<Kpi>>,
}

/// `target METRIC OP VALUE`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Kpi {
    pub metric: Metric,
    pub comparison: Comparison,
    pub value: TargetValue,
}

#[derive(Debug, Clone)]
pub struct Channel {
    pub header: Header,
    pub kind: Option<ChannelKind>,
    pub hours: Option<Ref<Idx<Calendar>>>,
    pub owner: Option<Ref<Party>>,
    pub self_service: bool,
    /// What a contact on the channel, or an hour of it, costs (language 3).
    pub cost: Option<At<Cost>>,
}

#[derive(Debug, Clone)]
pub struct Segment {
    pub header: Header,
    pub share: Option<At<Percent>>,
    pub revenue: Option<At<Percent>>,
    pub tier: Option<At<u32>>,
    pub channels: Vec<Ref<Idx<Channel>>>,
    pub types: Vec<Ref<Idx<CustomerType>>>,
    /// The profile (language 2): who the customers are.
    pub profile: Profile,
}

/// What a segment's customers are like.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    pub customers: Option<At<u64>>,
    /// Average order value, in the service's currency.
    pub average_check: Option<At<f64>>,
    /// Share of repeat customers.
    pub loyal: Option<At<Percent>>,
    /// How these customers come (`source` repeats).
    pub sources: Vec<String>,
    pub portrait: Option<String>,
}

impl Segment {
    /// Revenue per customer, relative: `revenue` ÷ `share`, when both are
    /// given and the share is not zero.
    pub fn revenue_per_customer(&self) -> Option<f64> {
        let (share, revenue) = (self.share?.value.value(), self.revenue?.value.value());
        (share > 0.0).then(|| revenue / share)
    }
}

#[derive(Debug, Clone)]
pub struct CustomerType {
    pub header: Header,
    pub expects: Option<String>,
    pub strategy: Option<String>,
    pub prefer: Vec<Ref<Idx<Channel>>>,
}

#[derive(Debug, Clone)]
pub struct Sla {
    pub header: Header,
    pub segments: Vec<Ref<Idx<Segment>>>,
    pub hours: Option<Ref<Idx<Calendar>>>,
    pub answers: Vec<AnswerTarget>,
    pub first_responses: Vec<ResponseTarget>,
    pub resolutions: Vec<ResolutionTarget>,
    pub targets: Vec<At<Kpi>>,
}

impl Sla {
    /// The calendar its targets run on (none: the wall clock).
    pub fn clock(&self) -> Option<Idx<Calendar>> {
        self.hours.as_ref()?.target
    }

    /// Whether it sets an answer or first-response target on `channel`.
    pub fn has_target_on(&self, channel: Idx<Channel>) -> bool {
        self.answers
            .iter()
            .any(|a| a.channel.target == Some(channel))
            || self
                .first_responses
                .iter()
                .any(|f| f.channel.target == Some(channel))
    }
}

/// `answer CHANNEL P% within T`.
#[derive(Debug, Clone)]
pub struct AnswerTarget {
    pub channel: Ref<Idx<Channel>>,
    pub percent: Percent,
    pub within: TimeLimit,
    pub span: Span,
}

/// `first_response CHANNEL within T`.
#[derive(Debug, Clone)]
pub struct ResponseTarget {
    pub channel: Ref<Idx<Channel>>,
    pub within: TimeLimit,
    pub span: Span,
}

/// `resolution [CHANNEL] within T`.
#[derive(Debug, Clone)]
pub struct ResolutionTarget {
    pub channel: Option<Ref<Idx<Channel>>>,
    pub within: TimeLimit,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum Remedy {
    Simple(SimpleRemedy),
    Compensate(Option<String>),
    Escalate(Ref<Party>),
}

#[derive(Debug, Clone)]
pub struct Promise {
    pub header: Header,
    pub segments: Vec<Ref<Idx<Segment>>>,
    pub channel: Option<Ref<Idx<Channel>>>,
    pub within: Option<At<TimeLimit>>,
    pub on_breach: Vec<At<Remedy>>,
    /// `journey J [from S] [to S]`: a promise about an outcome.
    pub journey: Option<PromisedJourney>,
}

/// The part of a journey a promise times.
#[derive(Debug, Clone)]
pub struct PromisedJourney {
    pub journey: Ref<Idx<Journey>>,
    /// The first step timed; the journey's `start` when absent.
    pub from: Option<Ref<Idx<Step>>>,
    /// The last step timed; any `end` when absent.
    pub to: Option<Ref<Idx<Step>>>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Journey {
    pub header: Header,
    pub segments: Vec<Ref<Idx<Segment>>>,
    pub within: Option<At<TimeLimit>>,
    pub start: Option<Ref<Idx<Step>>>,
    pub steps: Arena<Step>,
    /// `phase` blocks, in order: stages of the journey, each a set of steps.
    pub phases: Vec<Phase>,
}

/// `phase NAME "Title" { steps a, b }`: a stage of a journey.
#[derive(Debug, Clone)]
pub struct Phase {
    pub header: Header,
    pub steps: Vec<Ref<Idx<Step>>>,
}

#[derive(Debug, Clone)]
pub struct Step {
    pub header: Header,
    pub owner: Option<Ref<Party>>,
    pub channels: Vec<Ref<Idx<Channel>>>,
    pub within: Option<At<TimeLimit>>,
    pub next: Vec<Transition>,
    /// `end`, with its outcome text if given.
    pub end: Option<At<Option<String>>>,
    pub effort: Option<f64>,
    pub csat: Option<f64>,
    pub dropoff: Option<Percent>,
}

impl Step {
    /// A step with a channel is where the customer is; one without is back office.
    pub fn is_customer_facing(&self) -> bool {
        !self.channels.is_empty()
    }
}

/// `next STEP [when "..."]`.
#[derive(Debug, Clone)]
pub struct Transition {
    pub to: Ref<Idx<Step>>,
    pub when: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Complaint {
    pub header: Header,
    /// Empty: every segment (see [`Model::served`]).
    pub segments: Vec<Ref<Idx<Segment>>>,
    pub severity: Option<ComplaintSeverity>,
    pub owner: Option<Ref<Party>>,
    pub hours: Option<Ref<Idx<Calendar>>>,
    pub acknowledge: Option<At<TimeLimit>>,
    pub resolve: Option<At<TimeLimit>>,
    pub escalations: Vec<Escalation>,
    pub remedies: Vec<At<Remedy>>,
    pub feedback: Option<At<Feedback>>,
}

impl Complaint {
    /// The calendar its times run on, as the rules read it: its `hours`
    /// (`cxc measure` falls back to the contact's channel's).
    pub fn clock(&self) -> Option<Idx<Calendar>> {
        self.hours.as_ref()?.target
    }
}

/// `escalate after T to ROLE`.
#[derive(Debug, Clone)]
pub struct Escalation {
    pub after: TimeLimit,
    pub to: Ref<Party>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Queue {
    pub header: Header,
    pub channel: Option<Ref<Idx<Channel>>>,
    pub segments: Vec<Ref<Idx<Segment>>>,
    pub priority: Option<u32>,
    pub team: Option<Ref<Idx<Team>>>,
    pub agents: Option<At<u32>>,
    pub forecast: Option<At<Forecast>>,
    pub aht: Option<At<Duration>>,
    pub patience: Option<At<Duration>>,
    pub shrinkage: Option<At<Percent>>,
    /// Contacts one agent handles at once (chat); 1 when absent.
    pub concurrency: Option<At<u32>>,
}

#[derive(Debug, Clone)]
pub enum ForecastVolume {
    Constant(u64),
    /// A CSV path as written, relative to the spec file that names it (the
    /// file of the `forecast` statement's span).
    File {
        path: String,
    },
}

#[derive(Debug, Clone)]
pub struct Forecast {
    pub volume: ForecastVolume,
    pub interval: Duration,
}

#[derive(Debug, Clone)]
pub struct Agreement {
    pub header: Header,
    pub provider: Option<Ref<Idx<Team>>>,
    pub consumer: Option<Ref<Idx<Team>>>,
    pub responds: Vec<Respond>,
    pub resolve: Option<At<TimeLimit>>,
}

impl Agreement {
    /// Whether some `respond` line is for named segments: the general line
    /// then covers only the others.
    pub fn has_segment_lines(&self) -> bool {
        self.responds.iter().any(|r| !r.segments.is_empty())
    }
}

/// `respond within T [for SEGMENTS]`.
#[derive(Debug, Clone)]
pub struct Respond {
    pub within: TimeLimit,
    pub segments: Vec<Ref<Idx<Segment>>>,
    pub span: Span,
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

    /// The SLAs that cover a segment, in declaration order.
    pub fn slas_of(&self, segment: Idx<Segment>) -> impl Iterator<Item = (Idx<Sla>, &Sla)> {
        self.sla_ids_of(segment)
            .iter()
            .map(move |&id| (id, &self.slas[id]))
    }

    /// The ids of [`Model::slas_of`].
    pub fn sla_ids_of(&self, segment: Idx<Segment>) -> &[Idx<Sla>] {
        self.slas_by_segment
            .get(segment.index())
            .map_or(&[], Vec::as_slice)
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

    /// The channels a segment's contacts come by: those it lists in
    /// `channels`, then the `field` channels its SLAs set a target on (a
    /// segment need not list them); a segment that lists none, every channel
    /// its SLAs set a target on (an SLA on a channel says the segment's
    /// customers use it); each once, in that order.
    pub fn segment_channels(&self, segment: Idx<Segment>) -> Vec<Idx<Channel>> {
        let mut seen = std::collections::BTreeSet::new();
        self.channels_used(segment)
            .filter(|&c| seen.insert(c))
            .collect()
    }

    /// Whether `segment`'s customers come by `channel`
    /// ([`Model::segment_channels`]).
    pub fn uses_channel(&self, segment: Idx<Segment>, channel: Idx<Channel>) -> bool {
        self.channels_used(segment).any(|c| c == channel)
    }

    /// Whether a target of one of `segment`'s SLAs on `channel` (`None`: a
    /// target on no channel, such as `resolution within 8h`) applies to the
    /// segment: the segment uses the channel. An SLA for several segments
    /// sets its `answer chat` line only for those that list `chat`. Every
    /// reader of a segment's targets (check, staffing, job descriptions,
    /// routing exports, the site, the dbt project, `cxc measure`) asks
    /// this, so they agree.
    pub fn target_applies(&self, segment: Idx<Segment>, channel: Option<Idx<Channel>>) -> bool {
        channel.is_none_or(|c| self.uses_channel(segment, c))
    }

    /// [`Model::segment_channels`] with repeats, unallocated.
    fn channels_used(&self, segment: Idx<Segment>) -> impl Iterator<Item = Idx<Channel>> + '_ {
        let listed = &self.segments[segment].channels;
        // A `field` channel is where the company goes to the customer: a
        // segment need not list it, its SLAs' targets say it is used.
        let field = |c: Idx<Channel>| self.channels[c].kind == Some(ChannelKind::Field);
        let targeted = self
            .slas_of(segment)
            .flat_map(|(_, sla)| {
                let answers = sla.answers.iter().map(|a| &a.channel);
                let responses = sla.first_responses.iter().map(|f| &f.channel);
                let resolutions = sla.resolutions.iter().filter_map(|r| r.channel.as_ref());
                answers
                    .chain(responses)
                    .chain(resolutions)
                    .filter_map(|c| c.target)
            })
            .filter(move |&c| listed.is_empty() || field(c));
        targets(listed).chain(targeted)
    }

    /// The segments whose contacts `queue` takes: those its `segments` line
    /// names, else every segment that uses its channel
    /// ([`Model::uses_channel`]); a queue with no channel, or whose channel
    /// is unknown, takes every segment. Staffing, tier checks and routing
    /// exports all ask this, so they agree.
    pub fn queue_segments(&self, queue: &Queue) -> Vec<Idx<Segment>> {
        let channel = queue.channel.as_ref().and_then(|c| c.target);
        match channel {
            Some(channel) if queue.segments.is_empty() => self
                .segments
                .iter()
                .map(|(id, _)| id)
                .filter(|&id| self.uses_channel(id, channel))
                .collect(),
            _ => self.served(&queue.segments).collect(),
        }
    }

    /// The running time `limit` can last on the clock of `calendar` (none:
    /// the wall clock): as written, or for working days the `extreme` over
    /// every moment the timer may start (see [`workdays`]).
    pub fn running(
        &self,
        limit: TimeLimit,
        calendar: Option<Idx<Calendar>>,
        extreme: Extreme,
    ) -> Duration {
        workdays::running(limit, calendar.map(|c| &self.calendars[c]), extreme)
    }

    /// The shortest wall-clock time a timer of `limit` on `calendar`'s clock
    /// can last, over every moment it may start; `None` when it never ends
    /// (see [`workdays::shortest_wall`]).
    pub fn shortest_wall(
        &self,
        limit: TimeLimit,
        calendar: Option<Idx<Calendar>>,
    ) -> Option<Duration> {
        workdays::shortest_wall(limit, calendar.map(|c| &self.calendars[c]))
    }

    /// The longest time `limit` can last on `calendar`'s clock: what rules
    /// that compare it with another time take (LANGUAGE.md, language 3).
    pub fn longest(&self, limit: TimeLimit, calendar: Option<Idx<Calendar>>) -> Duration {
        self.running(limit, calendar, Extreme::Longest)
    }

    /// The longest time `limit`, counted on `calendar`'s clock, can last on
    /// the clock of `on` (none: the wall clock): how a target on one clock
    /// stands against a promise on another. On a promise's clock that runs
    /// around the clock (the wall clock, a 24x7 calendar with no holidays),
    /// a target on a clock that stops can last up to the longest wall-clock
    /// time it takes ([`workdays::longest_wall`]): "8 hours" of 08:00–22:00
    /// asked at 21:30 end at 15:30 the next day, 18 hours later. A target
    /// counted around the clock lasts no longer on any clock than on its
    /// own. Between two different calendars that both stop, it is the most
    /// of the promise's clock it can take, over every start of a year, each
    /// clock in its own time zone with its holidays ([`across`]): one
    /// office hour in Berlin can take seven office hours in New York.
    /// `None`: it never ends (its calendar never opens).
    pub fn longest_on(
        &self,
        limit: TimeLimit,
        calendar: Option<Idx<Calendar>>,
        on: Option<Idx<Calendar>>,
    ) -> Option<Duration> {
        let stopping = |c: Option<Idx<Calendar>>| c.filter(|&c| !self.calendars[c].is_24x7());
        match (stopping(calendar), stopping(on)) {
            (Some(own), None) => workdays::longest_wall(limit, Some(&self.calendars[own])),
            (Some(own), Some(other)) if own != other => self.across.get(
                limit,
                own,
                other,
                || across::longest_across(limit, &self.calendars[own], &self.calendars[other]),
                || workdays::longest_wall(limit, Some(&self.calendars[own])),
            ),
            _ => Some(self.longest(limit, calendar)),
        }
    }

    /// `limit` as a timer on the wall clock: running time as written (its
    /// exporter says what that loses on business hours), working days as the
    /// longest wall-clock time the deadline can last (see
    /// [`workdays::longest_wall_days`]), so that a system whose timers run on
    /// the wall clock never acts before the deadline (LANGUAGE.md: exports
    /// that only know minutes get the longest time the deadline can mean).
    pub fn wall_timeout(&self, limit: TimeLimit, calendar: Option<Idx<Calendar>>) -> Duration {
        match limit {
            TimeLimit::Running { time, .. } => time,
            TimeLimit::WorkingDays(days) => {
                workdays::longest_wall_days(days, calendar.map(|c| &self.calendars[c]))
                    .unwrap_or(Duration::from_seconds(0))
            }
        }
    }

    /// The clock a promise runs on for one segment: a promise about a
    /// journey runs on the wall clock, as its steps do; one on a channel on
    /// the channel's `hours`, else the `hours` of the segment's first SLA
    /// that sets a target on that channel; `None` (wall time) without
    /// either. `promise-clock`, the rules that compare its time and `cxc
    /// measure` all ask this, so `check` judges the clock `measure` counts.
    pub fn promise_clock(&self, promise: &Promise, segment: Idx<Segment>) -> Option<Idx<Calendar>> {
        if promise.journey.is_some() {
            return None;
        }
        let channel = promise.channel.as_ref()?.target?;
        if let Some(hours) = &self.channels[channel].hours {
            return hours.target;
        }
        self.slas_of(segment)
            .find(|(_, sla)| sla.has_target_on(channel) && self.uses_channel(segment, channel))
            .and_then(|(_, sla)| sla.clock())
    }

    /// The promise's clock where a reader asks about the promise as a whole
    /// (a hover, day-on-business-clock): the first clock among the
    /// segments it serves.
    pub fn promise_clock_any(&self, promise: &Promise) -> Option<Idx<Calendar>> {
        self.served(&promise.segments)
            .find_map(|segment| self.promise_clock(promise, segment))
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
        code: Code::IncludeCycle,
        context: "",
        bad: "# a.cx\ninclude \"b.cx\"\n# b.cx\ninclude \"a.cx\"",
        fix: "# a.cx\ninclude \"b.cx\"\n# b.cx (no include back)",
    },
];
