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
//! - `answer`: the targets a queue is staffed for; `interval`: one interval
//!   staffed; `findings`: `understaffed` and `forecast-when-closed`.
//! - `grid`: rows off the interval grid, past the day or week, repeated,
//!   or far from the forecast's other dates.

mod answer;
mod dating;
pub mod erlang;
mod erlang_a;
mod findings;
pub mod forecast;
mod grid;
mod headcount;
pub mod hours;
mod interval;
mod overload;
pub mod people;
pub mod report;
mod series;
pub mod targets;
pub mod week;

pub use answer::{sla_covers, Target, Unjudged};
pub use interval::carrying_agents;

use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{self, Idx, Model, Queue};
use crate::msg;
use crate::syntax::Name;
use answer::{answer_targets, metric_targets};
use erlang::{Outcome, Traffic};
use findings::{understaffed, when_closed};
use forecast::ForecastFiles;
use hours::Schedule;
use interval::Inputs;
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
        code: Code::ForecastClockChange,
        context: "calendar sydney { timezone \"Australia/Sydney\"; open 24x7 }
channel faults { kind phone; owner support; hours sydney }",
        bad: "# a.cx
queue faults_line { channel faults; team support; agents 3; forecast file \"f.csv\" per 30m; aht 5m }
# f.csv
start,volume
2027-10-03 01:30,10
2027-10-03 02:00,10
2027-10-03 03:30,10",
        fix: "# a.cx
queue faults_line { channel faults; team support; agents 3; forecast file \"f.csv\" per 30m; aht 5m }
# f.csv
start,volume
2027-10-03 01:30,10
2027-10-03T03:00+11:00,10
2027-10-03 03:30,10",
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
    /// The target that sets `required_agents`: the answer target or one of
    /// the plan's `metrics` ([`QueuePlan::binding_code`] writes it).
    pub binding: Option<Binding>,
    /// `required_agents` grossed up by the queue's `shrinkage`.
    pub required_headcount: Option<u32>,
    /// How the queue's `agents` perform; `None` when it declares none or
    /// the channel is closed.
    pub at_agents: Option<Outcome>,
    /// The queue's channel is closed: nobody answers, no agents are needed.
    pub closed: bool,
    /// Closed because the queue is not worked (its own or its team's
    /// `hours`) while its channel's hours are open: `closed` all the same.
    pub unworked: bool,
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
    /// Seat-hours over a week: required agents, and people (after
    /// shrinkage, as `headcount-short` counts them).
    pub seat_hours: week::SeatHours,
    pub people_hours: week::SeatHours,
    /// The longest interval label in characters (a start at a clock
    /// change carries its offset): the report's column is this wide.
    pub start_width: usize,
}

/// The target that sets an interval's agents: an answer target, or the
/// plan's `metrics[i]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Binding {
    Answer(Target),
    Metric(usize),
}

/// A queue with a forecast, staffed interval by interval.
#[derive(Debug, Clone, PartialEq)]
pub struct QueuePlan {
    pub queue: Idx<Queue>,
    pub id: Name,
    pub channel: Option<Name>,
    /// Whether the queue's channel is a `phone` one: its customers are
    /// callers.
    pub voice: bool,
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
    /// When the channel and each target's SLA are open (shared with the
    /// team's need, for `headcount-short`).
    pub schedule: std::sync::Arc<Schedule>,
    pub agents: Option<u32>,
    pub summary: Summary,
    inputs: Inputs,
}

/// Problems reported per forecast before cxc stops reading it.
const MAX_ROW_PROBLEMS: usize = 20;

/// Staffs every queue that has a forecast, streaming its rows.
pub fn plan(model: &Model, files: &dyn ForecastFiles) -> (Vec<QueuePlan>, Vec<Diagnostic>) {
    plan_with(model, files, people::DEFAULT_WORKING_WEEK)
}

/// [`plan`], with the hours one person works a week
/// (`thresholds.headcount-short` in cxc.yaml) for `headcount-short`'s
/// weekly question.
pub fn plan_with(
    model: &Model,
    files: &dyn ForecastFiles,
    working_week: u32,
) -> (Vec<QueuePlan>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut plans = Vec::new();
    let mut needs = headcount::TeamNeeds::new(model);
    // The queues' schedules share the hours of each calendar.
    let _sharing = hours::Sharing::begin();
    for (id, queue) in model.queues.iter() {
        let Some(forecast) = &queue.forecast else {
            continue;
        };
        match plan_queue(
            model,
            (id, queue),
            forecast,
            files,
            &mut needs,
            &mut problems,
        ) {
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
    problems.extend(needs.short_teams(model, working_week));
    (plans, problems)
}

/// Staffs one queue; `doubts` gets its forecast's rows that are read but
/// doubtful (`forecast-clock-change`), whether or not it can be staffed.
fn plan_queue<'m>(
    model: &Model,
    (id, queue): (Idx<Queue>, &'m Queue),
    forecast: &model::At<model::Forecast>,
    files: &dyn ForecastFiles,
    needs: &mut headcount::TeamNeeds<'m>,
    doubts: &mut Vec<Diagnostic>,
) -> Result<QueuePlan, Vec<Diagnostic>> {
    let inputs = Inputs::of(queue)?;
    let problem = |p: forecast::Problem| {
        Diagnostic::new(Code::InvalidForecast, forecast.span, p.message).help(p.help)
    };
    let channel = queue.channel.as_ref().and_then(|c| c.target);
    let mut schedule = Schedule::new(
        model,
        channel.and_then(|c| model.channels[c].hours.as_ref()?.target),
    )
    .worked_in(model, model.queue_hours(queue))
    .written_in(model, queue.timezone.as_ref().map(|z| z.value.as_str()));
    // First pass: every row valid, and the busiest interval.
    let rows = forecast::rows(forecast, files, schedule.zone()).map_err(|e| vec![problem(e)])?;
    let mut found = Vec::new();
    let mut doubtful = 0;
    let mut busiest: Option<Traffic> = None;
    let mut missing_aht = false;
    let mut grid = grid::Grid::new(inputs.interval_seconds);
    for row in rows {
        let trouble = match row {
            Err(e) => Some(e),
            Ok(interval) => {
                let placed = grid.place(&schedule, &interval);
                if let Some(doubt) = &interval.doubt {
                    doubtful += 1;
                    if doubtful <= MAX_ROW_PROBLEMS {
                        doubts.push(
                            Diagnostic::new(
                                Code::ForecastClockChange,
                                forecast.span,
                                doubt.message.clone(),
                            )
                            .help(doubt.help.clone()),
                        );
                    }
                }
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
                    .or(placed)
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
    let targets = channel.map_or_else(Vec::new, |c| {
        answer_targets(model, queue, c, &busiest, &mut schedule)
    });
    let (metrics, unjudged) = metric_targets(model, queue, &mut schedule);
    let mut plan = QueuePlan {
        queue: id,
        id: queue.header.id.clone(),
        channel: channel.map(|c| model.channels[c].header.id.clone()),
        voice: channel.is_some_and(|c| {
            model.channels[c].kind == Some(crate::syntax::values::ChannelKind::Phone)
        }),
        model: if inputs.patience.is_some() {
            QueueModel::ErlangA
        } else {
            QueueModel::ErlangC
        },
        target: targets.first().copied(),
        targets,
        metrics,
        unjudged,
        schedule: std::sync::Arc::new(schedule),
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
        let label = interval.start.as_deref().map_or(0, |s| s.chars().count());
        summary.start_width = summary.start_width.max(label);
        summary.peak_required_agents = summary.peak_required_agents.max(interval.required_agents);
        let people = interval.required_headcount.or(interval.required_agents);
        summary.peak_required_headcount = summary.peak_required_headcount.max(people);
        let (start, seconds) = (interval.start.as_deref(), interval.interval_seconds);
        if let Some(agents) = interval.required_agents {
            summary
                .seat_hours
                .add(&plan.schedule, start, seconds, agents);
        }
        if let Some(people) = people {
            summary
                .people_hours
                .add(&plan.schedule, start, seconds, people);
            // A start cxc cannot place may fall in any interval.
            let slot = start.and_then(|s| Some((plan.schedule.slot(s)?, s)));
            let need = headcount::Need {
                start: slot,
                seconds,
                people,
            };
            needs.add(model, queue, &plan.schedule, need);
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
    needs.add_hours(model, queue, summary.people_hours.per_week());
    plan.summary = summary;
    Ok(plan)
}
