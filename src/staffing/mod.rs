//! Staffing: can each queue meet its answer target with the agents it has?
//!
//! For every queue with a forecast, [`plan`] takes the strictest `answer`
//! target of the SLAs of the segments it serves and, per forecast interval,
//! computes the offered load, the fewest agents that meet the target, and how
//! the queue's own `agents` perform: Erlang C, or Erlang A when the queue
//! gives a `patience`. The `understaffed` rule reads the result; `cxc staff`
//! prints it (see [`report`]).
//!
//! - [`erlang`]: Erlang B and C, the performance measures, the agent search.
//! - `erlang_a`: abandonment (Palm's M/M/N+M queue).
//! - `forecast`: constant forecasts and CSV files.

pub mod erlang;
mod erlang_a;
mod forecast;
pub mod report;

use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{self, Idx, Model, Queue, Segment};
use crate::source::{SourceMap, Span};
use erlang::{Outcome, Traffic};
use forecast::Interval;

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::Understaffed,
        summary: "Erlang C (Erlang A when `patience` is given) says the queue's `agents` cannot \
                  meet the SLA answer target for its forecast (any interval of a forecast file).",
        why: "A promise of \"80% of calls answered within 20 seconds\" is only real if the queue \
              has the people for it. Queueing theory tells how many: below that number the \
              target is missed however hard the agents work, because calls arrive in bursts.",
        bad: "sla standard for retail { answer phone 80% within 20s }\n\
              queue main_line { channel phone; agents 13; forecast 100 per 30m; aht 3m }",
        fix: "queue main_line { channel phone; agents 14; forecast 100 per 30m; aht 3m }",
    },
    CodeDoc {
        code: Code::InvalidForecast,
        summary: "A queue's forecast cannot be used for staffing: the file is missing or \
                  malformed, there is no handle time, or the figures are out of range.",
        why: "Staffing is computed from the forecast. A forecast that cannot be read would \
              silently leave the queue unchecked.",
        bad: "queue main_line { channel phone; agents 13; forecast 100 per 30m }",
        fix: "queue main_line { channel phone; agents 13; forecast 100 per 30m; aht 3m }",
    },
];

/// Erlang C, or Erlang A for callers who hang up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueModel {
    ErlangC,
    ErlangA,
}

impl QueueModel {
    pub fn as_str(self) -> &'static str {
        match self {
            QueueModel::ErlangC => "erlang-c",
            QueueModel::ErlangA => "erlang-a",
        }
    }
}

/// "`percent`% answered within `within_seconds`".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    pub percent: f64,
    pub within_seconds: u64,
    /// The SLA's `answer` statement.
    pub span: Span,
}

impl Target {
    fn fraction(&self) -> f64 {
        self.percent / 100.0
    }
}

/// One forecast interval, staffed.
#[derive(Debug, Clone, PartialEq)]
pub struct IntervalPlan {
    pub start: Option<String>,
    pub interval_seconds: u64,
    pub volume: f64,
    pub aht_seconds: f64,
    /// Erlangs.
    pub offered_load: f64,
    /// The fewest agents meeting the target; `None` without a target, or when
    /// no number of agents reaches it.
    pub required_agents: Option<u32>,
    /// `required_agents` grossed up by the queue's `shrinkage`.
    pub required_headcount: Option<u32>,
    /// How the queue's `agents` perform; `None` when it declares none.
    pub at_agents: Option<Outcome>,
    pub span: Span,
}

/// A queue with a forecast, staffed interval by interval.
#[derive(Debug, Clone, PartialEq)]
pub struct QueuePlan {
    pub queue: Idx<Queue>,
    pub id: String,
    pub channel: Option<String>,
    pub model: QueueModel,
    pub target: Option<Target>,
    pub agents: Option<u32>,
    pub intervals: Vec<IntervalPlan>,
}

impl QueuePlan {
    pub fn peak_required_agents(&self) -> Option<u32> {
        self.intervals
            .iter()
            .filter_map(|i| i.required_agents)
            .max()
    }

    /// Whether `agents` meet the target in every interval; `None` when there
    /// is no target or no `agents` to judge.
    pub fn meets_target(&self) -> Option<bool> {
        self.target?;
        let agents = self.agents?;
        Some(
            self.intervals
                .iter()
                .all(|i| i.required_agents.is_some_and(|needed| needed <= agents)),
        )
    }
}

/// Staffs every queue that has a forecast. Forecast files are read into
/// `sources` so that problems in them point at their rows.
pub fn plan(model: &Model, sources: &mut SourceMap) -> (Vec<QueuePlan>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut plans = Vec::new();
    for (id, queue) in model.queues.iter() {
        let Some(forecast) = &queue.forecast else {
            continue;
        };
        let intervals = match forecast::intervals(forecast, sources) {
            Ok(intervals) => intervals,
            Err(found) => {
                problems.extend(found);
                continue;
            }
        };
        match QueueInputs::of(queue, &intervals) {
            Ok(inputs) => {
                let plan = inputs.staff(model, id, &intervals);
                problems.extend(understaffed(&plan, queue));
                plans.push(plan);
            }
            Err(found) => problems.extend(found),
        }
    }
    (plans, problems)
}

/// The queue's figures, validated.
struct QueueInputs<'a> {
    queue: &'a Queue,
    interval_seconds: u64,
    patience: Option<f64>,
    /// Shrinkage in millionths, so that headcount is exact integer division.
    shrinkage_ppm: Option<u64>,
}

impl<'a> QueueInputs<'a> {
    fn of(queue: &'a Queue, intervals: &[Interval]) -> Result<Self, Vec<Diagnostic>> {
        let forecast = queue
            .forecast
            .as_ref()
            .expect("only queues with a forecast are staffed");
        let name = &queue.header.id;
        let mut problems = Vec::new();
        let interval_seconds = forecast.value.interval.seconds();
        if interval_seconds == 0 {
            problems.push(
                Diagnostic::new(
                    Code::InvalidForecast,
                    forecast.span,
                    format!("queue `{name}` forecasts per interval of zero length"),
                )
                .help("give the interval length, e.g. `forecast 120 per 30m`"),
            );
        }
        let queue_aht = queue.aht.map(|a| a.value.seconds());
        if queue_aht == Some(0) {
            problems.push(
                Diagnostic::new(
                    Code::InvalidForecast,
                    queue.aht.expect("checked").span,
                    format!("queue `{name}` has an average handle time of zero"),
                )
                .help("`aht` is how long one contact takes on average, e.g. `aht 4m`"),
            );
        } else if queue_aht.is_none() && intervals.iter().any(|i| i.aht.is_none()) {
            problems.push(
                Diagnostic::new(
                    Code::InvalidForecast,
                    forecast.span,
                    format!("queue `{name}` has a forecast but no average handle time"),
                )
                .help("add `aht` to the queue (e.g. `aht 4m`), or an `aht` column in seconds to the forecast file"),
            );
        }
        let patience = queue.patience.map(|p| (p.value.seconds(), p.span));
        if let Some((0, span)) = patience {
            problems.push(
                Diagnostic::new(
                    Code::InvalidForecast,
                    span,
                    format!("queue `{name}` has a patience of zero: every caller would hang up"),
                )
                .help("`patience` is how long callers wait on average before hanging up, e.g. `patience 2m`"),
            );
        }
        let shrinkage_ppm = queue
            .shrinkage
            .map(|s| (s.value.value() * 10_000.0).round() as u64);
        if let (Some(ppm), Some(shrinkage)) = (shrinkage_ppm, queue.shrinkage) {
            if ppm >= 1_000_000 {
                problems.push(
                    Diagnostic::new(
                        Code::InvalidForecast,
                        shrinkage.span,
                        format!("queue `{name}` has a shrinkage of {}: nobody would ever be available", shrinkage.value),
                    )
                    .help("shrinkage is the share of paid time agents are not on the phones; it must be below 100%"),
                );
            }
        }
        let inputs = QueueInputs {
            queue,
            interval_seconds,
            patience: patience.map(|(seconds, _)| seconds as f64),
            shrinkage_ppm,
        };
        if problems.is_empty() {
            problems.extend(intervals.iter().filter_map(|i| inputs.out_of_range(i)));
        }
        if problems.is_empty() {
            Ok(inputs)
        } else {
            Err(problems)
        }
    }

    fn traffic(&self, interval: &Interval) -> Traffic {
        let aht = interval
            .aht
            .or(self.queue.aht.map(|a| a.value.seconds() as f64))
            .unwrap_or(0.0);
        Traffic {
            arrival_rate: interval.volume / self.interval_seconds as f64,
            aht,
            patience: self.patience,
        }
    }

    /// Loads no formula should be asked to staff.
    fn out_of_range(&self, interval: &Interval) -> Option<Diagnostic> {
        let traffic = self.traffic(interval);
        let load = traffic.load();
        let patient_arrivals = traffic.arrival_rate * self.patience.unwrap_or(0.0);
        let problem = if load > erlang::MAX_LOAD {
            format!(
                "an offered load of {load:.0} Erlangs is beyond what cxc staffs ({} at most)",
                erlang::MAX_LOAD
            )
        } else if patient_arrivals > erlang_a::MAX_PATIENT_ARRIVALS {
            "callers are so patient, for this volume, that nobody would hang up: drop `patience` to use Erlang C"
                .to_string()
        } else {
            return None;
        };
        Some(
            Diagnostic::new(Code::InvalidForecast, interval.span, problem)
                .help("check the units: volume is contacts per interval, aht the seconds one contact takes"),
        )
    }

    fn staff(&self, model: &Model, id: Idx<Queue>, intervals: &[Interval]) -> QueuePlan {
        let queue = self.queue;
        let channel = queue.channel.as_ref().and_then(|c| c.target);
        let target = channel.and_then(|channel| self.strictest_target(model, channel, intervals));
        let agents = queue.agents.map(|a| a.value);
        let intervals = intervals
            .iter()
            .map(|interval| {
                let traffic = self.traffic(interval);
                let required_agents = target
                    .and_then(|t| traffic.required_agents(t.fraction(), t.within_seconds as f64));
                let within = target.map_or(0.0, |t| t.within_seconds as f64);
                IntervalPlan {
                    start: interval.start.clone(),
                    interval_seconds: self.interval_seconds,
                    volume: interval.volume,
                    aht_seconds: traffic.aht,
                    offered_load: traffic.load(),
                    required_agents,
                    required_headcount: required_agents
                        .zip(self.shrinkage_ppm)
                        .map(|(n, ppm)| headcount(n, ppm)),
                    at_agents: agents.map(|n| traffic.evaluate(n, within)),
                    span: interval.span,
                }
            })
            .collect();
        QueuePlan {
            queue: id,
            id: queue.header.id.clone(),
            channel: channel.map(|c| model.channels[c].header.id.clone()),
            model: if self.patience.is_some() {
                QueueModel::ErlangA
            } else {
                QueueModel::ErlangC
            },
            target,
            agents,
            intervals,
        }
    }

    /// The `answer` target for the queue's channel among the SLAs of the
    /// segments it serves. When several differ, the strictest is the one
    /// that needs the most agents in the busiest interval; ties go to the
    /// higher percentage, then the shorter time.
    fn strictest_target(
        &self,
        model: &Model,
        channel: Idx<model::Channel>,
        intervals: &[Interval],
    ) -> Option<Target> {
        let mut candidates: Vec<Target> = Vec::new();
        for segment in served(model, &self.queue.segments) {
            for (_, sla) in model.slas_of(segment) {
                for answer in &sla.answers {
                    if answer.channel.target == Some(channel) {
                        let target = Target {
                            percent: answer.percent.value(),
                            within_seconds: answer.within.seconds(),
                            span: answer.span,
                        };
                        if !candidates.iter().any(|c| {
                            (c.percent, c.within_seconds) == (target.percent, target.within_seconds)
                        }) {
                            candidates.push(target);
                        }
                    }
                }
            }
        }
        if candidates.len() <= 1 {
            return candidates.pop();
        }
        let busiest = intervals
            .iter()
            .map(|i| self.traffic(i))
            .max_by(|a, b| a.load().total_cmp(&b.load()))?;
        candidates.into_iter().max_by(|a, b| {
            let need = |t: &Target| {
                busiest
                    .required_agents(t.fraction(), t.within_seconds as f64)
                    .unwrap_or(u32::MAX)
            };
            need(a)
                .cmp(&need(b))
                .then(a.percent.total_cmp(&b.percent))
                .then(b.within_seconds.cmp(&a.within_seconds))
        })
    }
}

/// The segments a queue serves: those listed, or every segment.
fn served<'m>(
    model: &'m Model,
    segments: &'m [model::Ref<Idx<Segment>>],
) -> Box<dyn Iterator<Item = Idx<Segment>> + 'm> {
    if segments.is_empty() {
        Box::new(model.segments.ids())
    } else {
        Box::new(model::targets(segments))
    }
}

pub(crate) fn agents_word(n: u32) -> String {
    format!("{n} agent{}", if n == 1 { "" } else { "s" })
}

/// People to employ so that `agents` are available after shrinkage: divided
/// first, rounded up once (84 agents at 30% shrinkage is 120 people).
fn headcount(agents: u32, shrinkage_ppm: u64) -> u32 {
    let available = 1_000_000 - shrinkage_ppm;
    let people = (u64::from(agents) * 1_000_000).div_ceil(available);
    u32::try_from(people).unwrap_or(u32::MAX)
}

/// The `understaffed` finding for a plan, if its agents miss the target.
fn understaffed(plan: &QueuePlan, queue: &Queue) -> Option<Diagnostic> {
    let (Some(target), Some(agents)) = (plan.target, queue.agents) else {
        return None;
    };
    let short: Vec<&IntervalPlan> = plan
        .intervals
        .iter()
        .filter(|i| i.required_agents.is_none_or(|needed| needed > agents.value))
        .collect();
    let worst = short
        .iter()
        .max_by_key(|i| i.required_agents.unwrap_or(u32::MAX))?;
    let goal = format!(
        "answer {}% of {} contacts within {}",
        crate::syntax::values::trim_float(target.percent),
        plan.channel.as_deref().unwrap_or("its"),
        crate::syntax::values::Duration::from_seconds(target.within_seconds)
    );
    let at = match &worst.start {
        Some(start) if plan.intervals.len() > 1 => format!(" at {start}"),
        _ => String::new(),
    };
    let spread = if plan.intervals.len() > 1 {
        format!(
            ", and misses it in {} of {} intervals",
            short.len(),
            plan.intervals.len()
        )
    } else {
        String::new()
    };
    let have = agents.value;
    let with = match worst.at_agents {
        Some(Outcome::Stable(p)) => format!(
            "with {have}, {:.1}% are answered in time{at}",
            p.service_level * 100.0
        ),
        _ => format!("with {have}, more contacts arrive{at} than they can handle"),
    };
    let (message, help) = match worst.required_agents {
        Some(needed) => (
            format!(
                "queue `{}` has {} but needs {needed} ({} more){at} to {goal}{spread}; {with}",
                plan.id,
                agents_word(have),
                needed - have,
            ),
            format!(
                "staff the queue with `agents {needed}`, or lower the volume or handle time; `cxc staff` shows every interval"
            ),
        ),
        None => (
            format!(
                "queue `{}` cannot {goal}{at} with any number of agents{spread}",
                plan.id
            ),
            "the target is out of reach for this forecast; review the SLA's `answer` target"
                .to_string(),
        ),
    };
    let mut diagnostic = Diagnostic::new(Code::Understaffed, agents.span, message).help(help);
    if target.span.file == agents.span.file {
        diagnostic = diagnostic.label(target.span, "the answer target");
    }
    Some(diagnostic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headcount_divides_before_rounding() {
        assert_eq!(headcount(84, 300_000), 120);
        assert_eq!(headcount(14, 300_000), 20);
        assert_eq!(headcount(14, 0), 14);
        assert_eq!(headcount(10, 350_000), 16);
    }
}
