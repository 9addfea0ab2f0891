//! What backs a public promise: the one definition `check` judges a promise
//! by, the published promises document states, and `cxc measure` counts it
//! by. `promise-exceeds-sla`, `promise-exceeds-journey` and
//! `promise-below-keep-rate` judge a promise against [`backing`] and
//! [`at_keep_rate`], so they can never disagree about what stands behind a
//! promise.
//!
//! - A promise on a channel, for each segment it serves, is backed by the
//!   answer and first-response targets of the segment's SLAs on that channel
//!   ([`targets_on`]), on [`crate::model::Model::promise_clock`] — the clock
//!   `measure` counts the promise on. `promise-exceeds-sla` compares its
//!   `within` with the fastest ([`strictest`]); `promise-below-keep-rate`
//!   asks whether one no slower than the promise holds for at least the share
//!   of contacts `measure.promise_keep_rate` demands of the promise.
//! - A promise about an outcome, `journey J [from A] [to S]`, runs from
//!   the first entry into `A` (the journey's `start`) to the first entry
//!   into `S` after it: `S`'s own deadline is not part of it, unless `S` is
//!   an `end` step, whose work is the outcome ([`journey_deadline`]); a
//!   loop back through `S` comes after the promise's end and is not.

use super::Timed;
use crate::model::{Calendar, Channel, Idx, Journey, Model, Promise, Segment, Sla, Step};
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
    /// On the SLA's clock; a `wd` limit at the longest it can last.
    pub within: Timed,
    /// The SLA's clock (none: the wall clock).
    pub clock: Option<Idx<Calendar>>,
    /// The longest it can last on the promise's clock
    /// ([`Model::longest_on`]): what `check` compares with the promise, as
    /// `measure` counts the promise there. `None`: it never ends.
    pub on_promise: Option<Duration>,
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
    /// Whether the journey may take longer than a promise of `within`
    /// over it: the promise taken at its shortest on the wall clock a
    /// journey runs on (`promise-exceeds-journey` judges it so; the
    /// promises page says it, audit 11, L10).
    pub fn outlasts(&self, model: &Model, within: TimeLimit) -> bool {
        promised_shortest(model, within) < self.time()
    }

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
            .map(|segment| {
                let clock = model.promise_clock(promise, segment);
                (segment, strictest(model, segment, channel, clock))
            })
            .collect(),
        None => Vec::new(),
    };
    Backing {
        targets,
        journey: journey(model, promise),
    }
}

/// Every answer and first-response target of a segment's SLAs on a
/// channel, in declaration order, each with the longest it can last on
/// `clock`, the promise's (none: the wall clock); none on a channel the
/// segment does not use ([`Model::target_applies`]).
pub fn targets_on(
    model: &Model,
    segment: Idx<Segment>,
    channel: Idx<Channel>,
    clock: Option<Idx<Calendar>>,
) -> impl Iterator<Item = SlaTarget> + '_ {
    let target = move |sla: Idx<Sla>, percent, within| {
        let own = model.slas[sla].clock();
        SlaTarget {
            sla,
            percent,
            within: Timed::new(model, within, own),
            clock: own,
            on_promise: model.longest_on(within, own, clock),
        }
    };
    let applies = model.target_applies(segment, Some(channel));
    model
        .slas_of(segment)
        .filter(move |_| applies)
        .flat_map(move |(id, sla)| {
            let answers = sla
                .answers
                .iter()
                .filter(move |a| a.channel.target == Some(channel))
                .map(move |a| target(id, Some(a.percent), a.within));
            let responses = sla
                .first_responses
                .iter()
                .filter(move |f| f.channel.target == Some(channel))
                .map(move |f| target(id, None, f.within));
            answers.chain(responses)
        })
}

/// The fastest target on the channel on `clock`, the promise's; the first
/// declared among equals.
pub fn strictest(
    model: &Model,
    segment: Idx<Segment>,
    channel: Idx<Channel>,
    clock: Option<Idx<Calendar>>,
) -> Option<SlaTarget> {
    targets_on(model, segment, channel, clock).min_by_key(|t| t.lasts())
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
        _ => journey_deadline(journey, from, to)
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

impl SlaTarget {
    /// The longest it can last on the promise's clock; the longest
    /// duration there is when it never ends.
    pub fn lasts(&self) -> Duration {
        self.on_promise.unwrap_or(Duration::from_seconds(u64::MAX))
    }

    /// Whether it can last longer on the promise's clock than on its own:
    /// it is counted on a clock that stops while the promise's runs.
    pub fn outlasts_own_clock(&self) -> bool {
        self.lasts() > self.within.longest
    }

    /// Whether the target holds for at least `rate` of contacts.
    pub fn holds_for(&self, rate: Percent) -> bool {
        self.percent.is_none_or(|p| p.value() >= rate.value())
    }
}

/// How the targets no slower than a promise stand against the keep rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum KeepRate {
    /// No target is as fast as the promise (`promise-exceeds-sla`'s case).
    Unbacked,
    /// This target, no slower than the promise, holds for at least the
    /// keep rate of contacts: meeting it keeps the promise often enough.
    Backed(SlaTarget),
    /// Every target no slower than the promise holds for fewer contacts
    /// than the keep rate; this is the one that holds for the most.
    Below(SlaTarget),
}

/// Whether a promise of `within` on `clock` (the promise's) on `channel`,
/// for `segment`, is backed at `rate`: a contact answered within a
/// target's time is answered within the promise's — the target compared
/// on the promise's clock ([`SlaTarget::on_promise`]) — so a target met at
/// its percentage keeps the promise at least that often.
pub fn at_keep_rate(
    model: &Model,
    segment: Idx<Segment>,
    channel: Idx<Channel>,
    (within, clock): (Timed, Option<Idx<Calendar>>),
    rate: Percent,
) -> KeepRate {
    let mut best: Option<SlaTarget> = None;
    for target in targets_on(model, segment, channel, clock).filter(|t| t.lasts() <= within.longest)
    {
        if target.holds_for(rate) {
            return KeepRate::Backed(target);
        }
        let more =
            |b: &SlaTarget| target.percent.map(Percent::value) > b.percent.map(Percent::value);
        if best.as_ref().is_none_or(more) {
            best = Some(target);
        }
    }
    best.map_or(KeepRate::Unbacked, KeepRate::Below)
}

/// The target published as what keeps `promise` for `segment` on
/// `channel`, and whether it does: the one `promise-below-keep-rate`
/// accepts — no slower than the promise (on the promise's clock) and met
/// for at least `rate` of contacts (`true`); where none holds that often,
/// the one that comes closest; where none is as fast as the promise
/// (`promise-exceeds-sla`'s case), the strictest on the channel (both
/// `false`: `check` reports them). A promise that gives no time: the
/// strictest, with nothing to keep (`true`).
pub fn keeping(
    model: &Model,
    promise: &Promise,
    segment: Idx<Segment>,
    channel: Idx<Channel>,
    rate: Percent,
) -> Option<(SlaTarget, bool)> {
    let clock = model.promise_clock(promise, segment);
    let Some(within) = promise.within else {
        return strictest(model, segment, channel, clock).map(|t| (t, true));
    };
    let promised = Timed::new(model, within.value, clock);
    match at_keep_rate(model, segment, channel, (promised, clock), rate) {
        KeepRate::Backed(target) => Some((target, true)),
        KeepRate::Below(target) => Some((target, false)),
        KeepRate::Unbacked => strictest(model, segment, channel, clock).map(|t| (t, false)),
    }
}

/// The deadline behind `journey J [from A] [to S]`: the longest sum of the
/// step deadlines on the way, with the steps that add up; `None` when
/// nothing on the way has a deadline. The way ends at its first arrival at
/// `S` (without `S`, at the first `end` it reaches), as `cxc measure` ends
/// the promise on the first entry there. Up to a named step `S` that is not
/// an `end` the promise ends when the case enters `S`, so `S`'s own
/// deadline is left out — the time `cxc measure` counts. To the journey's end, or to an
/// `end` step named as `S`, it ends when the work of that step is done (the
/// outcome the step delivers: "deposit released"), so that step's deadline
/// counts — `journey J to S` and `journey J` agree when `S` is its only
/// end (`measure` stops on entering it: a kept promise there is kept in the
/// data too).
pub fn journey_deadline(
    journey: &Journey,
    from: Idx<Step>,
    to: Option<Idx<Step>>,
) -> Option<(Duration, Vec<Idx<Step>>)> {
    let found = match to {
        Some(step) if !counts_own_deadline(journey, step) => {
            super::journeys::deadline_until(journey, from, to)
        }
        _ => super::journeys::longest_deadline_between(journey, from, to),
    };
    found.filter(|(total, _)| *total > Duration::ZERO)
}

/// Whether a promise `… to S` counts `S`'s own deadline: when `S` is an
/// `end` step (see [`journey_deadline`]).
pub fn counts_own_deadline(journey: &Journey, to: Idx<Step>) -> bool {
    journey.steps[to].end.is_some()
}

/// The shortest a journey promise of `within` lasts on the wall clock: it
/// must hold for every case, so `1wd` is as little as a day after a case
/// started just before midnight (outside audit 7, F1).
pub fn promised_shortest(model: &Model, within: TimeLimit) -> Duration {
    let longest = Timed::new(model, within, None).longest;
    match within {
        TimeLimit::WorkingDays(_) => model.shortest_wall(within, None).unwrap_or(longest),
        TimeLimit::Running { .. } => longest,
    }
}
