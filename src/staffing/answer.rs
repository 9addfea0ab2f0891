//! Which SLA targets staffing answers for on a queue: the `answer` targets
//! on its channel ([`Target`], [`answer_targets`]) and the SLA `target`s it
//! can compute ([`metric_targets`]), from the SLAs that speak for the
//! queue's channel ([`sla_covers`]).

use super::erlang::Traffic;
use super::hours::Schedule;
use super::targets::MetricTarget;
use crate::model::{self, Extreme, Idx, Model, Queue};
use crate::source::Span;
use crate::syntax::values::TimeLimit;
use crate::syntax::Name;

/// "`percent`% answered within `within_seconds`".
///
/// An answer target in working days (`answer phone 80% within 1wd`, unusual
/// for a queue) is staffed with the shortest running time its deadline can
/// leave on the SLA's calendar — a call that comes at closing time has only
/// the working days after it — so the agents that meet it meet the deadline
/// of every call.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    pub percent: f64,
    /// As written.
    pub within: TimeLimit,
    pub within_seconds: u64,
    /// The SLA's `answer` statement.
    pub span: Span,
    /// The SLA that sets it: its hours are the target's clock.
    pub sla: Idx<model::Sla>,
    /// Its SLA's hours in the plan's [`Schedule`].
    pub(super) clock: usize,
}

impl Target {
    /// An SLA's `answer` line as staffing counts it, its clock in `schedule`.
    pub(super) fn of(
        model: &Model,
        sla_id: Idx<model::Sla>,
        sla: &model::Sla,
        answer: &model::AnswerTarget,
        schedule: &mut Schedule,
    ) -> Target {
        let shortest = model.running(answer.within, sla.clock(), Extreme::Shortest);
        Target {
            percent: answer.percent.value(),
            within: answer.within,
            within_seconds: shortest.seconds(),
            span: answer.span,
            sla: sla_id,
            clock: schedule.clock(model, sla.clock()),
        }
    }

    pub(super) fn fraction(&self) -> f64 {
        self.percent / 100.0
    }

    /// `answer phone 80% within 20s`; `within 1wd (9h)` for working days.
    pub fn describe(&self, channel: Option<&str>) -> String {
        format!(
            "answer {}{}% within {}",
            channel.map_or(String::new(), |c| format!("{c} ")),
            crate::syntax::values::trim_float(self.percent),
            self.within_text()
        )
    }

    /// The time in words, after "within" / «в течение» (audit 11, L6:
    /// never «в течение 60s» in Russian): in the units written, "60
    /// seconds", «60 секунд»; working days with the running time staffed,
    /// «1 рабочего дня (9 ч)».
    pub fn within_said(&self, language: crate::base::Language) -> String {
        use crate::i18n::durations;
        let working = matches!(self.within, TimeLimit::WorkingDays(_));
        let said = durations::limit_as_written_genitive(self.within, working, language);
        match working {
            false => said,
            true => {
                let time = crate::syntax::values::Duration::from_seconds(self.within_seconds);
                format!("{said} ({})", durations::duration(time, language))
            }
        }
    }

    /// The time as written; for working days with the running time staffed.
    pub fn within_text(&self) -> String {
        match self.within {
            TimeLimit::Running { .. } => self.within.to_string(),
            TimeLimit::WorkingDays(_) => format!(
                "{} ({})",
                self.within,
                crate::syntax::values::Duration::from_seconds(self.within_seconds).in_hours()
            ),
        }
    }
}

/// Whether an SLA of `segment` speaks for a queue on `channel`
/// ([`Model::sla_governs`]). A queue without a channel: every SLA.
pub fn sla_covers(
    model: &Model,
    segment: Idx<model::Segment>,
    sla: &model::Sla,
    channel: Option<Idx<model::Channel>>,
) -> bool {
    channel.is_none_or(|c| model.sla_governs(segment, sla, c))
}

/// A `service_level` target staffing cannot judge on a queue, its SLA's
/// `answer` on the queue's channel missing: `service_level >= 80%` of `sla`.
#[derive(Debug, Clone, PartialEq)]
pub struct Unjudged {
    pub target: String,
    pub sla: Name,
}

/// The SLA `target`s staffing can compute for a queue, from the SLAs of the
/// segments it serves that cover its channel ([`sla_covers`]); the same
/// target twice counts once, judged while either SLA's hours are open (a
/// `service_level` only with the same answer time). Also the
/// `service_level` targets whose SLA sets no answer target on the channel.
pub(super) fn metric_targets(
    model: &Model,
    queue: &Queue,
    schedule: &mut Schedule,
) -> (Vec<MetricTarget>, Vec<Unjudged>) {
    let channel = queue.channel.as_ref().and_then(|c| c.target);
    let mut found: Vec<MetricTarget> = Vec::new();
    let mut unjudged: Vec<Unjudged> = Vec::new();
    for segment in model.queue_segments(queue) {
        for (sla_id, sla) in model.slas_of(segment) {
            if !sla_covers(model, segment, sla, channel) {
                continue;
            }
            let clock = schedule.clock(model, sla.clock());
            // The SLA's own answer time: its first `answer` on the channel.
            let answer = channel.and_then(|ch| {
                let (_, line) = model.live_answers(sla, segment, ch).next()?;
                Some(Target::of(model, sla_id, sla, line, schedule))
            });
            for kpi in &sla.targets {
                if let Some(target) =
                    MetricTarget::lacks_answer(&kpi.value, answer, channel.is_some())
                {
                    let lost = Unjudged {
                        target,
                        sla: sla.header.id.clone(),
                    };
                    if !unjudged.contains(&lost) {
                        unjudged.push(lost);
                    }
                    continue;
                }
                let Some(mut target) =
                    MetricTarget::of(&kpi.value, kpi.span, &sla.header.id, queue, answer)
                else {
                    continue;
                };
                let time = |t: &MetricTarget| t.answer.map(|a| a.within_seconds);
                let same = |t: &&mut MetricTarget| {
                    (t.metric, t.comparison, t.value, time(t))
                        == (
                            target.metric,
                            target.comparison,
                            target.value,
                            time(&target),
                        )
                };
                match found.iter_mut().find(same) {
                    Some(known) if !known.clocks.contains(&clock) => known.clocks.push(clock),
                    Some(_) => {}
                    None => {
                        target.clocks.push(clock);
                        found.push(target);
                    }
                }
            }
        }
    }
    (found, unjudged)
}

/// The `answer` targets for the queue's channel among the SLAs of the
/// segments it serves, strictest first: the one that needs the most agents
/// in the busiest interval; ties go to the higher percentage, then the
/// shorter time. The same target on the same hours counts once.
pub(super) fn answer_targets(
    model: &Model,
    queue: &Queue,
    channel: Idx<model::Channel>,
    busiest: &Traffic,
    schedule: &mut Schedule,
) -> Vec<Target> {
    let mut candidates: Vec<Target> = Vec::new();
    for segment in model.queue_segments(queue) {
        for (sla_id, sla) in model.slas_of(segment) {
            if !model.target_applies(segment, Some(channel)) {
                continue;
            }
            for answer in &sla.answers {
                if answer.channel.target == Some(channel) {
                    let target = Target::of(model, sla_id, sla, answer, schedule);
                    let key = |t: &Target| (t.percent, t.within_seconds, t.clock);
                    if !candidates.iter().any(|c| key(c) == key(&target)) {
                        candidates.push(target);
                    }
                }
            }
        }
    }
    let need = |t: &Target| {
        busiest
            .required_agents(t.fraction(), t.within_seconds as f64)
            .unwrap_or(u32::MAX)
    };
    candidates.sort_by(|a, b| {
        need(b)
            .cmp(&need(a))
            .then(b.percent.total_cmp(&a.percent))
            .then(a.within_seconds.cmp(&b.within_seconds))
    });
    candidates
}
