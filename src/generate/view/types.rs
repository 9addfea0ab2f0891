//! The data the templates see: every type is `Serialize` and borrows its
//! text from the model.

use super::{KpiView, Named, Time};
use crate::generate::job::{Duty, JobView};
use serde::Serialize;

#[derive(Serialize)]
pub struct Spec<'a> {
    pub lang: &'static str,
    /// Measured figures stand beside the targets (`cxc build --contacts`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub measured: bool,
    /// The rows measured and those set aside as bad data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measured_rows: Option<crate::generate::measured::MeasuredRows>,
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
    /// The zone as people say it ("Moscow time (Europe/Moscow)").
    pub zone: Option<String>,
    pub always: bool,
    pub week: Vec<DayView>,
    pub closed: Vec<String>,
    /// Some opening runs past midnight ("12:00–02:00 (next day)"): a closed
    /// date shuts from its own 00:00, so the page says where such a shift
    /// ends on the eve of one (audit 17, L4).
    pub overnight: bool,
    /// Dates with hours of their own (`open 2027-12-25 09:00-18:00`);
    /// left out when there are none, so calendars without them read as
    /// before.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub opened: Vec<DatedView>,
}

#[derive(Serialize)]
pub struct DayView {
    pub day: &'static str,
    pub hours: String,
}

#[derive(Serialize)]
pub struct DatedView {
    /// `2027-12-25`.
    pub date: String,
    pub hours: String,
}

#[derive(Serialize)]
pub struct TeamView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub description: Option<&'a str>,
    pub lead: Option<Named<'a>>,
    /// `hours CALENDAR` (cxc addition): the hours its people work; left
    /// out when the team has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<Named<'a>>,
}

#[derive(Clone, Serialize)]
pub struct ChannelView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub kind: Option<&'static str>,
    pub self_service: bool,
    pub hours: Option<Named<'a>>,
    pub owner: Option<Named<'a>>,
    /// `cost 4.50 per contact` (language 3).
    pub cost: Option<crate::syntax::values::Cost>,
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
pub struct PromiseView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub description: Option<&'a str>,
    pub segments: Vec<Named<'a>>,
    pub channel: Option<Named<'a>>,
    /// The calendar its time is counted on, its own or its channel's
    /// (`hours`); none: around the clock, or the SLA's (see `promise-clock`).
    pub hours: Option<Named<'a>>,
    pub within: Option<Time>,
    /// The holidays the promised time does not count ("except holidays"
    /// in its clock): its calendar's closed days.
    pub holidays: Vec<String>,
    /// Whether anything internal backs the promise.
    pub backed: bool,
    /// The share of customers the promise must be kept for
    /// (`measure.promise_keep_rate`), without `%`.
    pub keep_rate: String,
    /// Per segment, the SLA target that keeps the promise at the keep rate
    /// (as `check` judges it).
    pub internal: Vec<InternalTarget<'a>>,
    /// The segments with no target on the promise's channel.
    pub unbacked: Vec<&'a str>,
    /// The journey behind a promise about an outcome.
    pub journey: Option<PromisedJourneyView<'a>>,
    /// A promise in working days on a clock where every day counts (a
    /// journey's, or a channel open around the clock): says plainly that
    /// they are counted as calendar days, and why.
    pub calendar_days: Option<String>,
    pub on_breach: Vec<String>,
}

/// An internal target behind a public promise.
#[derive(Serialize)]
pub struct InternalTarget<'a> {
    pub segment: &'a str,
    pub sla: &'a str,
    pub percent: Option<String>,
    pub within: Time,
    /// The longest it can last on the promise's clock, where that is longer
    /// than on its own (it is counted on a clock that stops while the
    /// promise's runs).
    pub on_promise: Option<Time>,
    /// Whether meeting it keeps the promise for the keep rate of customers
    /// (`check` reports the promise otherwise).
    pub keeps: bool,
}

/// The part of a journey a promise is about, and its deadline.
#[derive(Serialize)]
pub struct PromisedJourneyView<'a> {
    pub label: &'a str,
    /// The journey's document: `journeys/{file}.md`.
    pub file: &'a str,
    /// The steps the promise names (`from`, `to`); none: start, end.
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    /// `None`: nothing on that part has a deadline.
    pub deadline: Option<Time>,
    /// The deadline is the journey's own target (else: its step deadlines
    /// along `steps`, the longest way).
    pub own: bool,
    pub steps: Vec<&'a str>,
    /// The deadline of the step it counts to, when that step has one: not
    /// part of the sum (the promise ends on entering it), unless
    /// `to_included` (an `end` step: its work is the outcome).
    pub to_own: Option<Time>,
    pub to_included: bool,
}

/// What the promises page says of a promise beyond model.json, a machine
/// format whose schema stays as it is: one per promise, in the model's
/// order, given to `policy/promises.md` as `notes`.
#[derive(Serialize)]
pub struct PromiseNote {
    /// The journey's deadline allows more than the promise: meeting it
    /// does not keep the promise (`promise-exceeds-journey`).
    pub outlasts: bool,
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
    /// The rung is an outside body (a role marked `external`).
    pub external: bool,
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
    /// The general line of an agreement that also has `for` lines: it
    /// covers the other segments, not all of them.
    pub others: bool,
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
    /// Its response times for the journey's segments: the `for` lines that
    /// name some of them, then the general line.
    pub responds: Vec<RespondView<'a>>,
    /// The time it gives to resolve (`resolve within`), on the wall clock
    /// agreements run on.
    pub resolve: Option<Time>,
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
    /// `external` (cxc addition): a body outside the company, which gets
    /// no job description.
    pub external: bool,
    /// `cost 1800 per hour` (language 3).
    pub cost: Option<crate::syntax::values::Cost>,
    pub duties: &'a [String],
    pub kpis: Vec<KpiView>,
    pub derived: Vec<Duty>,
    /// The job description: purpose, grouped duties, rights; none for an
    /// outside body (`external`).
    pub job: Option<JobView<'a>>,
}

#[derive(Serialize)]
pub struct QueueView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub channel: Option<Named<'a>>,
    pub segments: Vec<Named<'a>>,
    pub priority: Option<u32>,
    /// `arrival` (`order arrival`: every task waits its turn) or `tier`
    /// (better tiers first, also when the spec says nothing).
    pub order: &'static str,
    pub team: Option<Named<'a>>,
    /// `hours CALENDAR` (cxc addition): the hours its agents work, when
    /// the queue says so itself; left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<Named<'a>>,
    pub agents: Option<String>,
    pub peak_required: Option<u32>,
}
