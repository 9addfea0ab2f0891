//! What backs a public promise: the internal targets `check` compares it
//! with. `promise-exceeds-sla` and `promise-exceeds-journey` judge a
//! promise against [`backing`], and the published promises document says
//! the same thing, so the two can never disagree about what stands behind
//! a promise.

use super::Timed;
use crate::model::{Idx, Journey, Model, Promise, Segment, Sla, Step};
use crate::syntax::values::{Duration, Percent, TimeLimit};

/// Everything behind one promise.
#[derive(Debug, Clone, PartialEq)]
pub struct Backing {
    /// A promise on a channel: for each segment it serves, the strictest
    /// answer or first-response target on that channel (`None`: the segment
    /// has no target there).
    pub targets: Vec<(Idx<Segment>, Option<SlaTarget>)>,
    /// A promise about an outcome (`journey J [from A] [to B]`).
    pub journey: Option<JourneyBacking>,
}

/// One SLA target on the promise's channel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SlaTarget {
    pub sla: Idx<Sla>,
    /// `answer … N% within`; `None` for a first response.
    pub percent: Option<Percent>,
    /// On the SLA's clock (its `hours`).
    pub within: Timed,
}

/// The part of a journey a promise is about, and its deadline.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneyBacking {
    pub journey: Idx<Journey>,
    /// The step the promise counts from: `from`, else the journey's start.
    pub from: Idx<Step>,
    /// The step it counts to; `None`: any end.
    pub to: Option<Idx<Step>>,
    /// Whether the promise names neither `from` nor `to`.
    pub whole: bool,
    /// `None`: nothing on that part of the journey has a deadline.
    pub deadline: Option<JourneyDeadline>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum JourneyDeadline {
    /// The whole journey's own `within`, on the wall clock as its steps.
    Own(Timed),
    /// The longest sum of step deadlines between the two steps, and the
    /// steps of that way.
    Steps {
        total: Duration,
        path: Vec<Idx<Step>>,
    },
}

impl JourneyDeadline {
    pub fn time(&self) -> Duration {
        match self {
            JourneyDeadline::Own(d) => d.longest,
            JourneyDeadline::Steps { total, .. } => *total,
        }
    }

    /// The deadline as a document says it, on the wall clock a journey
    /// runs on: the journey's own `within` as written, or the sum.
    pub fn limit(&self) -> TimeLimit {
        match self {
            JourneyDeadline::Own(d) => d.limit,
            JourneyDeadline::Steps { total, .. } => TimeLimit::running(*total),
        }
    }
}

impl Backing {
    /// Whether anything internal backs the promise at all.
    pub fn is_empty(&self) -> bool {
        self.targets.iter().all(|(_, t)| t.is_none())
            && self.journey.as_ref().is_none_or(|j| j.deadline.is_none())
    }
}

/// What backs `promise`: see [`Backing`].
pub fn backing(model: &Model, promise: &Promise) -> Backing {
    let targets = match promise.channel.as_ref().and_then(|c| c.target) {
        Some(channel) => model
            .served(&promise.segments)
            .map(|segment| (segment, strictest(model, segment, channel)))
            .collect(),
        None => Vec::new(),
    };
    Backing {
        targets,
        journey: journey(model, promise),
    }
}

/// The strictest (shortest) answer or first-response target for a segment
/// on a channel, each on its SLA's clock and compared by the longest it can
/// last there (working days on their calendar); the first declared among
/// equals.
fn strictest(
    model: &Model,
    segment: Idx<Segment>,
    channel: Idx<crate::model::Channel>,
) -> Option<SlaTarget> {
    model
        .slas_of(segment)
        .flat_map(|(id, sla)| {
            let answers = sla
                .answers
                .iter()
                .filter(|a| a.channel.target == Some(channel))
                .map(move |a| SlaTarget {
                    sla: id,
                    percent: Some(a.percent),
                    within: Timed::new(model, a.within, sla.clock()),
                });
            let responses = sla
                .first_responses
                .iter()
                .filter(|f| f.channel.target == Some(channel))
                .map(move |f| SlaTarget {
                    sla: id,
                    percent: None,
                    within: Timed::new(model, f.within, sla.clock()),
                });
            answers.chain(responses)
        })
        .min_by_key(|t| t.within.longest)
}

/// The journey part a promise names, with its deadline; `None` when the
/// promise names no journey or a name does not resolve (reported as
/// unknown elsewhere).
fn journey(model: &Model, promise: &Promise) -> Option<JourneyBacking> {
    let promised = promise.journey.as_ref()?;
    let j = promised.journey.target?;
    let journey = &model.journeys[j];
    let from = match &promised.from {
        Some(step) => step.target?,
        None => journey.start.as_ref()?.target?,
    };
    let to = match &promised.to {
        Some(step) => Some(step.target?),
        None => None,
    };
    let whole = promised.from.is_none() && promised.to.is_none();
    let deadline = match (whole, journey.within) {
        (true, Some(target)) => Some(JourneyDeadline::Own(Timed::new(model, target.value, None))),
        _ => super::journeys::longest_deadline_between(journey, from, to)
            .filter(|(total, _)| *total > Duration::ZERO)
            .map(|(total, path)| JourneyDeadline::Steps { total, path }),
    };
    Some(JourneyBacking {
        journey: j,
        from,
        to,
        whole,
        deadline,
    })
}
