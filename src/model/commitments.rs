//! The commitments: SLAs and their targets, public promises, journeys and
//! their steps, complaint rules and their escalations.

use super::{Arena, At, Calendar, Channel, Header, Idx, Kpi, Party, Ref, Segment};
use crate::source::Span;
use crate::syntax::values::*;

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

    /// Whether it names `channel` in one of its targets (answer, first
    /// response, or a resolution on that channel); `None`: whether it names
    /// any channel.
    pub fn names_channel(&self, channel: Option<Idx<Channel>>) -> bool {
        let named = |c: Option<Idx<Channel>>| channel.is_none_or(|ch| c == Some(ch));
        self.answers.iter().any(|a| named(a.channel.target))
            || self.first_responses.iter().any(|f| named(f.channel.target))
            || self
                .resolutions
                .iter()
                .filter_map(|r| r.channel.as_ref())
                .any(|c| named(c.target))
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
    /// cxc addition: `hours CALENDAR`, the calendar its time runs on over
    /// its channel's `hours` (see [`super::Model::promise_hours`]).
    pub hours: Option<Ref<Idx<Calendar>>>,
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
    /// Empty: every segment (see [`super::Model::served`]).
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
    /// The calendar its times run on: its `hours` (none: the wall clock,
    /// in every document, export and figure alike).
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
