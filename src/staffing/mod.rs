//! Staffing: can each queue meet its answer target with the agents it has?
//!
//! For every queue with a forecast, [`plan`] takes the strictest `answer`
//! target of the SLAs of the segments it serves and, per forecast interval,
//! computes the offered load, the fewest agents that meet the target, and how
//! the queue's own `agents` perform: Erlang C, or Erlang A when the queue
//! gives a `patience`. The `understaffed` rule reads the result; `cxc staff`
//! prints it (see [`report`]).
//!
//! Forecast rows are streamed, never held: [`plan`] keeps per queue only
//! what the rule needs (the peak, the worst interval, how many fall short),
//! and the report reads the rows again. Memory does not grow with rows.
//!
//! - [`erlang`]: Erlang B and C, the performance measures, the agent search.
//! - `erlang_a`: abandonment (Palm's M/M/N+M queue); `series`: its sums.
//! - `forecast`: constant forecasts and CSV files.

pub mod erlang;
mod erlang_a;
pub mod forecast;
mod headcount;
pub mod hours;
mod overload;
pub mod report;
mod series;
pub mod targets;

use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::i18n::Message;
use crate::model::{self, Extreme, Idx, Model, Queue};
use crate::msg;
use crate::source::Span;
use crate::syntax::values::TimeLimit;
use crate::syntax::Name;
use erlang::{Outcome, Traffic};
use forecast::{ForecastFiles, Interval};
use hours::{Open, Schedule};
use targets::{MetricTarget, Misses};

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::Understaffed,
        context: "segment retail { channels phone }",
        bad: "sla standard for retail { answer phone 80% within 20s }
queue main_line { channel phone; segments retail; agents 13; forecast 100 per 30m; aht 3m }",
        fix: "sla standard for retail { answer phone 80% within 20s }
queue main_line { channel phone; segments retail; agents 14; forecast 100 per 30m; aht 3m }",
    },
    CodeDoc {
        code: Code::ForecastWhenClosed,
        context: "calendar shut { closed 2027-01-01 }\nsegment retail { channels phone, line }",
        bad: "channel line { kind phone; owner support; hours shut }
queue hotline { channel line; team support; agents 2; forecast 10 per 30m; aht 3m }",
        fix: "channel line { kind phone; owner support; hours workday }
queue hotline { channel line; team support; agents 2; forecast 10 per 30m; aht 3m }",
    },
    CodeDoc {
        code: Code::InvalidForecast,
        context: "",
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
    clock: usize,
}

impl Target {
    /// An SLA's `answer` line as staffing counts it, its clock in `schedule`.
    fn of(
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

    fn fraction(&self) -> f64 {
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

/// Whether an SLA names `channel` in one of its targets (answer, first
/// response, or a resolution on that channel); `None`: whether it names any.
fn names_channel(sla: &model::Sla, channel: Option<Idx<model::Channel>>) -> bool {
    let named = |c: Option<Idx<model::Channel>>| channel.is_none_or(|ch| c == Some(ch));
    sla.answers.iter().any(|a| named(a.channel.target))
        || sla.first_responses.iter().any(|f| named(f.channel.target))
        || sla
            .resolutions
            .iter()
            .filter_map(|r| r.channel.as_ref())
            .any(|c| named(c.target))
}

/// Whether an SLA of `segment` speaks for a queue on `channel`: it sets a
/// target on the channel that applies to the segment
/// ([`Model::target_applies`]), or it names no channel at all and no other SLA of
/// the segment names this one. A queue without a channel: every SLA.
pub fn sla_covers(
    model: &Model,
    segment: Idx<model::Segment>,
    sla: &model::Sla,
    channel: Option<Idx<model::Channel>>,
) -> bool {
    let Some(channel) = channel else {
        return true;
    };
    // A target on a channel the segment does not use is not its target.
    let applies = model.target_applies(segment, Some(channel));
    let another_names_it = || {
        model
            .slas_of(segment)
            .any(|(_, other)| names_channel(other, Some(channel)))
    };
    (applies && names_channel(sla, Some(channel)))
        || (!names_channel(sla, None) && (!applies || !another_names_it()))
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
fn metric_targets(
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
                let line = sla.answers.iter().find(|a| a.channel.target == Some(ch))?;
                Some(Target::of(model, sla_id, sla, line, schedule))
            });
            for kpi in &sla.targets {
                if let Some(target) = MetricTarget::lacks_answer(&kpi.value, answer) {
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

/// One forecast interval, staffed.
#[derive(Debug, Clone, PartialEq)]
pub struct IntervalPlan {
    pub start: Option<String>,
    pub interval_seconds: u64,
    pub volume: f64,
    pub aht_seconds: f64,
    /// Erlangs.
    pub offered_load: f64,
    /// The fewest agents meeting every computable target (the answer
    /// target and the SLA `target`s staffing can compute); without such a
    /// target, the fewest that carry the load (see [`carrying_agents`]);
    /// `None` when no number of agents reaches the targets.
    pub required_agents: Option<u32>,
    /// The fewest agents meeting the answer target alone.
    pub answer_agents: Option<u32>,
    /// The target that sets `required_agents`: `answer phone 80% within 20s`
    /// or e.g. `abandonment <= 1%`.
    pub binding: Option<String>,
    /// `required_agents` grossed up by the queue's `shrinkage`.
    pub required_headcount: Option<u32>,
    /// How the queue's `agents` perform; `None` when it declares none or
    /// the channel is closed.
    pub at_agents: Option<Outcome>,
    /// The queue's channel is closed: nobody answers, no agents are needed.
    pub closed: bool,
    /// The answer target judged in this interval: of those whose SLA's hours
    /// are open in it, the one that needs the most agents.
    pub target: Option<Target>,
    /// Per SLA `target` of the plan: whether it is judged in this interval.
    pub judged: Vec<bool>,
    /// Per SLA `target` of the plan: its measure under the queue's `agents`
    /// (in the formulas' units) when it is judged in this interval; a
    /// `service_level` counted by its own SLA's answer time.
    pub measured: Vec<Option<f64>>,
}

/// What the rule and the documents need of all intervals, gathered in one
/// pass so that no interval is kept.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    pub intervals: u64,
    pub peak_required_agents: Option<u32>,
    /// The most people to employ in one interval (after shrinkage).
    pub peak_required_headcount: Option<u32>,
    /// Intervals where `agents` miss the target (or no staffing reaches it).
    pub short: u64,
    /// The short interval needing the most agents.
    pub worst: Option<IntervalPlan>,
    /// Whether some interval's target is out of reach whatever the staffing.
    pub unreachable: bool,
    /// Intervals where more work arrives than the queue's `agents` can
    /// handle, so that the backlog grows without limit (Erlang C).
    pub overloaded: u64,
    /// The overloaded interval with the highest load.
    pub heaviest: Option<IntervalPlan>,
    /// Per computable target (in the order of `QueuePlan::metrics`), the
    /// intervals where the queue's `agents` miss it.
    pub misses: Vec<Misses>,
    /// Intervals with contacts while the channel is closed, their contacts,
    /// and the first one's start.
    pub closed_with_volume: u64,
    pub closed_volume: f64,
    pub first_closed: Option<Option<String>>,
}

/// A queue with a forecast, staffed interval by interval.
#[derive(Debug, Clone, PartialEq)]
pub struct QueuePlan {
    pub queue: Idx<Queue>,
    pub id: Name,
    pub channel: Option<Name>,
    pub model: QueueModel,
    /// The strictest answer target (see [`QueuePlan::targets`]).
    pub target: Option<Target>,
    /// Every answer target on the channel, strictest first: an interval is
    /// staffed for every one whose SLA's hours are open in it (the one that
    /// needs the most agents there binds).
    pub targets: Vec<Target>,
    /// The SLA `target`s staffing can compute for this queue.
    pub metrics: Vec<MetricTarget>,
    /// The `service_level` targets it cannot: no answer time to count by.
    pub unjudged: Vec<Unjudged>,
    /// When the channel and each target's SLA are open.
    pub schedule: Schedule,
    pub agents: Option<u32>,
    pub summary: Summary,
    inputs: Inputs,
}

/// The queue's figures the formulas need, validated.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Inputs {
    interval_seconds: u64,
    /// The queue's `aht` in seconds, for rows without their own.
    aht: Option<f64>,
    patience: Option<f64>,
    /// Shrinkage in millionths, so that headcount is exact integer division.
    shrinkage_ppm: Option<u64>,
    /// Contacts one agent handles at once: each agent is that many lines.
    concurrency: u32,
}

impl QueuePlan {
    /// Contacts one agent handles at once.
    pub fn concurrency(&self) -> u32 {
        self.inputs.concurrency
    }

    pub fn peak_required_agents(&self) -> Option<u32> {
        self.summary.peak_required_agents
    }

    /// Whether `agents` meet every target in every interval; `None` when
    /// there is no target or no `agents` to judge.
    /// A queue without such a target still fails when its backlog grows
    /// without limit.
    pub fn meets_target(&self) -> Option<bool> {
        self.agents?;
        if self.target.is_none() && self.metrics.is_empty() {
            return (self.summary.overloaded > 0).then_some(false);
        }
        Some(self.summary.short == 0 && self.summary.misses.iter().all(|m| m.intervals == 0))
    }

    /// Staffs one interval. An agent handling `concurrency` contacts at once
    /// counts as that many lines: lines are staffed, agents are lines ÷ c.
    pub fn staff(&self, interval: &Interval) -> IntervalPlan {
        let open = self
            .schedule
            .open(interval.start.as_deref(), self.inputs.interval_seconds);
        self.staff_when(interval, &open)
    }

    /// Staffs one interval with its open hours known.
    fn staff_when(&self, interval: &Interval, open: &Open) -> IntervalPlan {
        let traffic = self.inputs.traffic(interval);
        let c = self.inputs.concurrency;
        if !open.channel {
            return IntervalPlan {
                start: interval.start.clone(),
                interval_seconds: self.inputs.interval_seconds,
                volume: interval.volume,
                aht_seconds: traffic.aht,
                offered_load: traffic.load(),
                required_agents: Some(0),
                answer_agents: None,
                binding: None,
                required_headcount: self.inputs.shrinkage_ppm.map(|_| 0),
                at_agents: None,
                closed: true,
                target: None,
                judged: vec![false; self.metrics.len()],
                measured: vec![None; self.metrics.len()],
            };
        }
        // Every open answer target must be met: the one needing the most
        // agents in this interval binds (which one depends on the load, so
        // the busiest interval's order is not enough); earlier wins ties.
        let mut target: Option<(u32, Target)> = None;
        for t in self
            .targets
            .iter()
            .copied()
            .filter(|t| open.clocks[t.clock])
        {
            let need = traffic
                .required_agents(t.fraction(), t.within_seconds as f64)
                .unwrap_or(u32::MAX);
            if target.is_none_or(|(most, _)| need > most) {
                target = Some((need, t));
            }
        }
        let target = target.map(|(_, t)| t);
        let judged: Vec<bool> = self
            .metrics
            .iter()
            .map(|m| m.clocks.iter().any(|&k| open.clocks[k]))
            .collect();
        let within = target.map_or(0.0, |t| t.within_seconds as f64);
        let answer_agents = target
            .and_then(|t| traffic.required_agents(t.fraction(), within))
            .map(|lines| lines.div_ceil(c));
        let mut required_agents = answer_agents;
        let mut binding = target.map(|t| t.describe(self.channel.as_deref()));
        let mut reachable = target.is_none() || answer_agents.is_some();
        let metrics = self.metrics.iter().zip(&judged);
        for (metric, _) in metrics.filter(|(m, &j)| j && m.helped_by_agents()) {
            let from = required_agents.unwrap_or(0);
            match targets::fewest_agents(&traffic, metric, metric.within(within), c, from) {
                Some(n) if required_agents.is_none_or(|r| n > r) => {
                    required_agents = Some(n);
                    binding = Some(metric.describe());
                }
                Some(_) => {}
                None => reachable = false,
            }
        }
        if !reachable {
            required_agents = None;
        } else if required_agents.is_none() {
            required_agents = Some(carrying_agents(traffic.load(), c));
        }
        let lines = self.agents.map(|n| n.saturating_mul(c));
        let at_agents = lines.map(|n| traffic.evaluate(n, within));
        let measured = self
            .metrics
            .iter()
            .zip(&judged)
            .map(|(metric, &judged)| {
                let (n, outcome) = (lines?, at_agents?);
                let own = metric.within(within);
                judged.then(|| match own == within {
                    true => metric.actual(&outcome),
                    false => metric.actual(&traffic.evaluate(n, own)),
                })
            })
            .collect();
        IntervalPlan {
            start: interval.start.clone(),
            interval_seconds: self.inputs.interval_seconds,
            volume: interval.volume,
            aht_seconds: traffic.aht,
            offered_load: traffic.load(),
            required_agents,
            answer_agents,
            binding: binding.filter(|_| required_agents.is_some()),
            required_headcount: required_agents
                .zip(self.inputs.shrinkage_ppm)
                .map(|(n, ppm)| headcount(n, ppm)),
            at_agents,
            closed: false,
            target,
            judged,
            measured,
        }
    }

    /// Every interval staffed, reading the forecast again. Rows that were
    /// valid when the plan was made are the only ones there can be.
    pub fn intervals<'a>(
        &'a self,
        model: &Model,
        files: &dyn ForecastFiles,
    ) -> impl Iterator<Item = IntervalPlan> + 'a {
        let rows = model.queues[self.queue]
            .forecast
            .as_ref()
            .and_then(|f| forecast::rows(f, files).ok());
        let mut staffed = Staffed::new(self);
        rows.into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(move |interval| staffed.staff(&interval))
    }
}

/// Intervals staffed once per distinct volume, handle time and open hours:
/// the start is all that differs between two rows of the same traffic, so a forecast of
/// 10,000 rows of one huge volume costs one interval's searches, not 10,000.
/// At most [`Staffed::CAPACITY`] traffics are kept; past that the memory
/// starts again (the answers do not change, only what is computed twice).
struct Staffed<'a> {
    plan: &'a QueuePlan,
    seen: foldhash::HashMap<(u64, Option<u64>, Open), IntervalPlan>,
    /// Intervals computed rather than found (for the tests).
    computed: u64,
}

impl<'a> Staffed<'a> {
    const CAPACITY: usize = 4096;

    fn new(plan: &'a QueuePlan) -> Self {
        Staffed {
            plan,
            seen: foldhash::HashMap::default(),
            computed: 0,
        }
    }

    fn staff(&mut self, interval: &Interval) -> IntervalPlan {
        let open = self
            .plan
            .schedule
            .open(interval.start.as_deref(), self.plan.inputs.interval_seconds);
        let key = (
            interval.volume.to_bits(),
            interval.aht.map(f64::to_bits),
            open,
        );
        if let Some(known) = self.seen.get(&key) {
            return IntervalPlan {
                start: interval.start.clone(),
                ..known.clone()
            };
        }
        self.computed += 1;
        let staffed = self.plan.staff_when(interval, &key.2);
        if self.seen.len() == Self::CAPACITY {
            self.seen.clear();
        }
        self.seen.insert(key, staffed.clone());
        staffed
    }
}

/// Problems reported per forecast before cxc stops reading it.
const MAX_ROW_PROBLEMS: usize = 20;

/// Staffs every queue that has a forecast, streaming its rows.
pub fn plan(model: &Model, files: &dyn ForecastFiles) -> (Vec<QueuePlan>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut plans = Vec::new();
    let mut needs = headcount::TeamNeeds::default();
    for (id, queue) in model.queues.iter() {
        let Some(forecast) = &queue.forecast else {
            continue;
        };
        match plan_queue(model, id, queue, forecast, files, &mut needs) {
            Ok(plan) => {
                problems.extend(understaffed(&plan, queue));
                problems.extend(overload::overloaded(&plan, queue));
                problems.extend(targets::unmet(&plan, queue));
                problems.extend(when_closed(model, &plan, queue));
                plans.push(plan);
            }
            Err(found) => problems.extend(found),
        }
    }
    problems.extend(needs.short_teams(model));
    (plans, problems)
}

fn plan_queue<'m>(
    model: &Model,
    id: Idx<Queue>,
    queue: &'m Queue,
    forecast: &model::At<model::Forecast>,
    files: &dyn ForecastFiles,
    needs: &mut headcount::TeamNeeds<'m>,
) -> Result<QueuePlan, Vec<Diagnostic>> {
    let inputs = Inputs::of(queue)?;
    let problem = |p: forecast::Problem| {
        Diagnostic::new(Code::InvalidForecast, forecast.span, p.message).help(p.help)
    };
    // First pass: every row valid, and the busiest interval.
    let rows = forecast::rows(forecast, files).map_err(|e| vec![problem(e)])?;
    let mut found = Vec::new();
    let mut busiest: Option<Traffic> = None;
    let mut missing_aht = false;
    for row in rows {
        let trouble = match row {
            Err(e) => Some(e),
            Ok(interval) => {
                missing_aht |= inputs.aht.is_none() && interval.aht.is_none();
                let traffic = inputs.traffic(&interval);
                if busiest.is_none_or(|b| traffic.load() > b.load()) {
                    busiest = Some(traffic);
                }
                inputs
                    .out_of_range(&traffic)
                    .map(|message| forecast::Problem {
                        message: match interval.line {
                            0 => message,
                            line => msg!("forecast-line-problem", line = line, problem = message),
                        },
                        help: msg!("forecast-units-help"),
                    })
            }
        };
        if let Some(e) = trouble {
            found.push(problem(e));
            if found.len() == MAX_ROW_PROBLEMS {
                break;
            }
        }
    }
    if missing_aht {
        found.push(
            Diagnostic::new(
                Code::InvalidForecast,
                forecast.span,
                msg!("forecast-no-aht", queue = &queue.header.id),
            )
            .help(msg!("forecast-no-aht-help")),
        );
    }
    let Some(busiest) = busiest else {
        if found.is_empty() {
            found.push(problem(forecast::Problem {
                message: msg!("forecast-no-rows"),
                help: msg!("forecast-no-rows-help"),
            }));
        }
        return Err(found);
    };
    if !found.is_empty() {
        return Err(found);
    }
    let channel = queue.channel.as_ref().and_then(|c| c.target);
    let mut schedule = Schedule::new(
        model,
        channel.and_then(|c| model.channels[c].hours.as_ref()?.target),
    );
    let targets = channel.map_or_else(Vec::new, |c| {
        answer_targets(model, queue, c, &busiest, &mut schedule)
    });
    let (metrics, unjudged) = metric_targets(model, queue, &mut schedule);
    let mut plan = QueuePlan {
        queue: id,
        id: queue.header.id.clone(),
        channel: channel.map(|c| model.channels[c].header.id.clone()),
        model: if inputs.patience.is_some() {
            QueueModel::ErlangA
        } else {
            QueueModel::ErlangC
        },
        target: targets.first().copied(),
        targets,
        metrics,
        unjudged,
        schedule,
        agents: queue.agents.map(|a| a.value),
        summary: Summary::default(),
        inputs,
    };
    // Second pass: staff each interval, keep only the summary.
    let mut summary = Summary {
        misses: vec![Misses::default(); plan.metrics.len()],
        ..Summary::default()
    };
    for interval in plan.intervals(model, files) {
        summary.intervals += 1;
        summary.peak_required_agents = summary.peak_required_agents.max(interval.required_agents);
        let people = interval.required_headcount.or(interval.required_agents);
        summary.peak_required_headcount = summary.peak_required_headcount.max(people);
        if let Some(people) = people {
            match interval.start.as_deref() {
                None => needs.add(queue, None, people),
                // A start cxc cannot place may fall in any interval.
                Some(start) => {
                    let slot = plan.schedule.slot(start);
                    needs.add(queue, slot.map(|slot| (slot, start)), people);
                }
            }
        }
        if interval.closed && interval.volume > 0.0 {
            summary.closed_with_volume += 1;
            summary.closed_volume += interval.volume;
            if summary.first_closed.is_none() {
                summary.first_closed = Some(interval.start.clone());
            }
        }
        summary.unreachable |= interval.target.is_some() && interval.answer_agents.is_none();
        if interval.at_agents == Some(Outcome::Overloaded) {
            summary.overloaded += 1;
            let load = |i: &IntervalPlan| i.offered_load;
            if summary
                .heaviest
                .as_ref()
                .is_none_or(|h| load(&interval) > load(h))
            {
                summary.heaviest = Some(interval.clone());
            }
        }
        {
            let measured = plan.metrics.iter().zip(&interval.measured);
            for ((metric, &actual), misses) in measured.zip(&mut summary.misses) {
                let Some(actual) = actual else { continue };
                if !metric.meets(actual) {
                    misses.intervals += 1;
                    let further = |w: f64| (actual - metric.value).abs() > (w - metric.value).abs();
                    if misses.worst.as_ref().is_none_or(|(_, w)| further(*w)) {
                        misses.worst = Some((interval.start.clone(), actual));
                    }
                }
            }
        }
        let short = match (interval.target, plan.agents) {
            (Some(_), Some(agents)) => interval.answer_agents.is_none_or(|n| n > agents),
            _ => false,
        };
        if short {
            summary.short += 1;
            let need = |i: &IntervalPlan| i.answer_agents.unwrap_or(u32::MAX);
            if summary
                .worst
                .as_ref()
                .is_none_or(|w| need(&interval) > need(w))
            {
                summary.worst = Some(interval);
            }
        }
    }
    plan.summary = summary;
    Ok(plan)
}

impl Inputs {
    fn of(queue: &Queue) -> Result<Inputs, Vec<Diagnostic>> {
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
                    msg!("forecast-zero-interval", queue = name),
                )
                .help(msg!("forecast-zero-interval-help")),
            );
        }
        let queue_aht = queue.aht.map(|a| a.value.seconds());
        if let (Some(0), Some(aht)) = (queue_aht, queue.aht) {
            problems.push(
                Diagnostic::new(
                    Code::InvalidForecast,
                    aht.span,
                    msg!("zero-aht", queue = name),
                )
                .help(msg!("zero-aht-help")),
            );
        }
        let patience = queue.patience.map(|p| (p.value.seconds(), p.span));
        if let Some((0, span)) = patience {
            problems.push(
                Diagnostic::new(
                    Code::InvalidForecast,
                    span,
                    msg!("zero-patience", queue = name),
                )
                .help(msg!("zero-patience-help")),
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
                        msg!(
                            "full-shrinkage",
                            queue = name,
                            shrinkage = shrinkage.value.to_string()
                        ),
                    )
                    .help(msg!("full-shrinkage-help")),
                );
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Inputs {
            interval_seconds,
            aht: queue_aht.filter(|&a| a > 0).map(|a| a as f64),
            patience: patience.map(|(seconds, _)| seconds as f64),
            shrinkage_ppm,
            concurrency: queue.concurrency.map_or(1, |c| c.value.max(1)),
        })
    }

    fn traffic(&self, interval: &Interval) -> Traffic {
        Traffic {
            arrival_rate: interval.volume / self.interval_seconds as f64,
            aht: interval.aht.or(self.aht).unwrap_or(0.0),
            patience: self.patience,
        }
    }

    /// Loads no formula should be asked to staff.
    fn out_of_range(&self, traffic: &Traffic) -> Option<Message> {
        let load = traffic.load();
        let patient_arrivals = traffic.arrival_rate * self.patience.unwrap_or(0.0);
        if load > erlang::MAX_LOAD {
            Some(msg!(
                "load-too-high",
                load = format!("{load:.0}"),
                max = erlang::MAX_LOAD.to_string()
            ))
        } else if patient_arrivals > erlang_a::MAX_PATIENT_ARRIVALS {
            Some(msg!("too-patient"))
        } else {
            None
        }
    }
}

/// The `answer` targets for the queue's channel among the SLAs of the
/// segments it serves, strictest first: the one that needs the most agents
/// in the busiest interval; ties go to the higher percentage, then the
/// shorter time. The same target on the same hours counts once.
fn answer_targets(
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

/// The fewest agents under whom the backlog does not grow without limit:
/// more lines than the offered load (Erlangs), shared `concurrency` to an
/// agent. A queue with no target it can be staffed for needs at least these.
pub fn carrying_agents(load: f64, concurrency: u32) -> u32 {
    if load <= 0.0 {
        return 0;
    }
    let lines = load.max(0.0).floor() as u32 + 1;
    lines.div_ceil(concurrency.max(1))
}

/// People to employ so that `agents` are available after shrinkage: divided
/// first, rounded up once (84 agents at 30% shrinkage is 120 people).
fn headcount(agents: u32, shrinkage_ppm: u64) -> u32 {
    let available = 1_000_000 - shrinkage_ppm;
    let people = (u64::from(agents) * 1_000_000).div_ceil(available);
    u32::try_from(people).unwrap_or(u32::MAX)
}

/// " at 08:30": the interval a finding names, when the forecast has several.
fn at_interval(interval: &IntervalPlan, intervals: u64) -> crate::i18n::Arg {
    match &interval.start {
        Some(start) if intervals > 1 => msg!("at-interval", start = start.as_str()).into(),
        _ => "".into(),
    }
}

/// forecast-when-closed: contacts forecast while the queue's channel is
/// closed, where no agents are planned.
fn when_closed(model: &Model, plan: &QueuePlan, queue: &Queue) -> Option<Diagnostic> {
    let s = &plan.summary;
    if s.closed_with_volume == 0 {
        return None;
    }
    let forecast = queue.forecast.as_ref()?;
    let channel = queue.channel.as_ref()?.target?;
    let hours = model.channels[channel].hours.as_ref()?.target?;
    let place = match s.first_closed.clone().flatten() {
        Some(start) => msg!(
            "forecast-when-closed-intervals",
            closed = s.closed_with_volume,
            intervals = s.intervals,
            start = start
        ),
        None => msg!("forecast-when-closed-always"),
    };
    Some(
        Diagnostic::new(
            Code::ForecastWhenClosed,
            forecast.span,
            msg!(
                "forecast-when-closed",
                queue = &plan.id,
                volume =
                    crate::syntax::values::trim_float((s.closed_volume * 100.0).round() / 100.0),
                place = place,
                channel = &model.channels[channel].header.id,
                hours = &model.calendars[hours].header.id
            ),
        )
        .help(msg!("forecast-when-closed-help")),
    )
}

/// A service level that misses `target` (both in percent), never written
/// as the target itself: one decimal, or where that would round up to the
/// target, two decimals cut ("94.95%", not "95.0%").
fn below_target(level: f64, target: f64) -> String {
    let shown = format!("{level:.1}");
    if level < target && shown.parse::<f64>().is_ok_and(|s| s >= target) {
        format!("{:.2}%", (level * 100.0).floor() / 100.0)
    } else {
        format!("{shown}%")
    }
}

/// The `understaffed` finding for a plan, if its agents miss the target.
fn understaffed(plan: &QueuePlan, queue: &Queue) -> Option<Diagnostic> {
    let agents = queue.agents?;
    let worst = plan.summary.worst.as_ref()?;
    let target = worst.target?;
    let count = plan.summary.intervals;
    let goal = target.describe(plan.channel.as_deref());
    let at = at_interval(worst, count);
    let spread: crate::i18n::Arg = if count > 1 {
        msg!(
            "misses-in-intervals",
            short = plan.summary.short,
            intervals = count
        )
        .into()
    } else {
        "".into()
    };
    let have = agents.value;
    let with = match worst.at_agents {
        Some(Outcome::Stable(p)) => msg!(
            "with-agents-answered",
            agents = have,
            level = below_target(p.service_level * 100.0, target.percent),
            at = at.clone()
        ),
        _ => msg!("with-agents-overwhelmed", agents = have, at = at.clone()),
    };
    let (message, help) = match worst.answer_agents {
        Some(needed) => (
            msg!(
                "understaffed",
                queue = &plan.id,
                agents = have,
                needed = needed,
                more = needed - have,
                at = at,
                goal = goal,
                spread = spread,
                with = with
            ),
            msg!("understaffed-help", needed = needed),
        ),
        None => (
            msg!(
                "understaffed-unreachable",
                queue = &plan.id,
                goal = goal,
                at = at,
                spread = spread
            ),
            msg!("understaffed-unreachable-help"),
        ),
    };
    let mut diagnostic = Diagnostic::new(Code::Understaffed, agents.span, message).help(help);
    if target.span.file == agents.span.file {
        diagnostic = diagnostic.label(target.span, msg!("the-answer-target"));
    }
    Some(diagnostic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;
    use std::io::Read;

    /// Every forecast file a spec names holds the same rows.
    struct Held(String);

    impl ForecastFiles for Held {
        fn open(&self, _: FileId, _: &str) -> Result<Box<dyn Read>, Message> {
            Ok(Box::new(std::io::Cursor::new(self.0.clone().into_bytes())))
        }
    }

    /// Two queues of about 100,000 Erlangs (8-hour calls, callers who wait
    /// 7 hours) sharing one forecast, and SLA targets no staffing can meet.
    const HUGE: &str = "team t {}\nchannel phone { kind phone; owner t }\nsegment s { channels phone }\n\
        sla x for s { answer phone 80% within 20s; target abandonment < 0%; target asa < 0s }\n\
        queue q1 { channel phone; segments s; agents 100; aht 8h; patience 7h; forecast file \"f.csv\" per 30m }\n\
        queue q2 { channel phone; segments s; agents 100; aht 8h; patience 7h; forecast file \"f.csv\" per 30m }\n";

    fn rows(volumes: impl Iterator<Item = f64>) -> Held {
        let mut csv = String::from("start,volume\n");
        for (i, v) in volumes.enumerate() {
            // Half-hours from 2027-01-11 00:00 UTC.
            let start = jiff::Timestamp::from_second(1_799_625_600 + i as i64 * 1800).unwrap();
            csv.push_str(&format!("{start},{v}\n"));
        }
        Held(csv)
    }

    /// The spec's model; compiled in memory, it cannot read its forecast
    /// (the one finding), so the tests staff it with [`Held`] rows.
    fn model() -> Model {
        // The loader and the model, not the pipeline: the pipeline sits
        // above staffing (it staffs what it compiled).
        let mut workspace = crate::loader::load_bytes("spec.cx", HUGE.as_bytes());
        assert!(workspace.diagnostics.is_empty());
        let (model, found) = crate::model::build(&mut workspace.specs[0]);
        assert!(found.is_empty(), "{found:?}");
        assert!(crate::check::run(&model, &crate::check::Options::default()).is_empty());
        model
    }

    #[test]
    fn identical_intervals_are_staffed_once_and_impossible_targets_found_unreachable() {
        let model = model();
        let files = rows(std::iter::repeat_n(6240.0, 10_000));
        let (plans, _) = plan(&model, &files);
        assert_eq!(plans.len(), 2);
        for plan in &plans {
            assert_eq!(plan.summary.intervals, 10_000);
            assert!(plan.summary.misses.iter().all(|m| m.intervals == 10_000));
            let forecast = model.queues[plan.queue].forecast.as_ref().unwrap();
            let mut staffed = Staffed::new(plan);
            let mut unreachable = 0;
            for row in forecast::rows(forecast, &files).unwrap() {
                unreachable += u32::from(staffed.staff(&row.unwrap()).required_agents.is_none());
            }
            assert_eq!((unreachable, staffed.computed), (10_000, 1));
        }
    }

    #[test]
    fn remembered_intervals_are_the_ones_computed() {
        let model = model();
        // More distinct volumes than are remembered, each twice in a row.
        let distinct = Staffed::CAPACITY + 10;
        let volumes = (0..2 * distinct).map(|i| (i / 2) as f64 / 100.0);
        let files = rows(volumes);
        let (plans, _) = plan(&model, &files);
        let forecast = model.queues[plans[0].queue].forecast.as_ref().unwrap();
        let mut staffed = Staffed::new(&plans[0]);
        for row in forecast::rows(forecast, &files).unwrap() {
            let row = row.unwrap();
            assert_eq!(staffed.staff(&row), plans[0].staff(&row));
        }
        assert_eq!(staffed.computed, distinct as u64);
    }

    #[test]
    fn headcount_divides_before_rounding() {
        assert_eq!(headcount(84, 300_000), 120);
        assert_eq!(headcount(14, 300_000), 20);
        assert_eq!(headcount(14, 0), 14);
        assert_eq!(headcount(10, 350_000), 16);
    }
}
