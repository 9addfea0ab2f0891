//! The organisation and its means: the service header, teams and roles,
//! channels, segments and customer types, queues, and the agreements
//! between teams.

use super::{At, Calendar, Header, Idx, Party, Ref};
use crate::source::Span;
use crate::syntax::ast::TargetValue;
use crate::syntax::values::*;
use crate::syntax::Name;

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
    /// `hours CALENDAR` (cxc addition): the hours the team's people work
    /// — a centre of a follow-the-sun operation. Without it the team works
    /// the hours of the channels it answers.
    pub hours: Option<Ref<Idx<Calendar>>>,
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
    /// `external` (cxc addition): a body outside the company — an
    /// ombudsman, an independent adjudicator — that a complaint may be
    /// escalated to. It gets no job description, and the checks ask it for
    /// no headcount, queue or duty.
    pub external: bool,
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
pub struct Queue {
    pub header: Header,
    pub channel: Option<Ref<Idx<Channel>>>,
    pub segments: Vec<Ref<Idx<Segment>>>,
    pub priority: Option<u32>,
    /// `order arrival`: every task waits its turn, whatever its segment's
    /// tier (a clinical line); `order tier` or none: better tiers first.
    pub order: Option<At<QueueOrder>>,
    pub team: Option<Ref<Idx<Team>>>,
    /// `hours CALENDAR` (cxc addition): the hours its agents work, over
    /// its team's ([`Model::queue_hours`](super::Model::queue_hours)).
    pub hours: Option<Ref<Idx<Calendar>>>,
    pub agents: Option<At<u32>>,
    pub forecast: Option<At<Forecast>>,
    pub aht: Option<At<Duration>>,
    pub patience: Option<At<Duration>>,
    pub shrinkage: Option<At<Percent>>,
    /// Contacts one agent handles at once (chat); 1 when absent.
    pub concurrency: Option<At<u32>>,
    /// `timezone "Asia/Novosibirsk"`: the zone its forecast file's times
    /// are written in (else its channel's hours', see `staffing::hours`).
    pub timezone: Option<At<String>>,
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

impl Queue {
    /// Whether the queue serves in order of arrival, not by tier.
    pub fn by_arrival(&self) -> bool {
        self.order
            .as_ref()
            .is_some_and(|o| o.value == QueueOrder::Arrival)
    }
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
