//! One forecast interval staffed: the queue's validated figures
//! ([`Inputs`]), the agents each target needs under the interval's traffic
//! and open hours ([`QueuePlan::staff`]), and the memory that staffs
//! identical intervals once.

use super::erlang::{self, Traffic};
use super::forecast::{self, ForecastFiles, Interval};
use super::hours::Open;
use super::{erlang_a, targets, Binding, IntervalPlan, QueuePlan, Target};
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Message;
use crate::model::{Model, Queue};
use crate::msg;

/// The queue's figures the formulas need, validated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Inputs {
    pub(super) interval_seconds: u64,
    /// The queue's `aht` in seconds, for rows without their own.
    pub(super) aht: Option<f64>,
    pub(super) patience: Option<f64>,
    /// Shrinkage in millionths, so that headcount is exact integer division.
    pub(super) shrinkage_ppm: Option<u64>,
    /// Contacts one agent handles at once: each agent is that many lines.
    pub(super) concurrency: u32,
}

impl QueuePlan {
    /// The binding target as the spec writes it: `answer phone 80% within
    /// 20s`, `abandonment <= 1%` (the JSON report's `binding_target`).
    pub fn binding_code(&self, binding: Binding) -> String {
        match binding {
            Binding::Answer(t) => t.describe(self.channel.as_deref()),
            Binding::Metric(i) => self.metrics[i].describe(),
        }
    }

    /// The binding target in the language's words: English as the spec
    /// writes it, Russian «ответ: 90% в течение 2 минут» (audit 17, L3).
    pub fn binding_said(&self, binding: Binding, language: crate::base::Language) -> String {
        match (language, binding) {
            (crate::base::Language::En, _) => self.binding_code(binding),
            (_, Binding::Answer(t)) => msg!(
                "staff-binds-answer",
                percent = crate::i18n::Figure::text(crate::base::trim_float(t.percent)),
                within = t.within_said(language)
            )
            .text(language),
            (_, Binding::Metric(i)) => self.metrics[i].said(language),
        }
    }

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
                unworked: open.unworked,
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
        let mut binding = target.map(Binding::Answer);
        let mut reachable = target.is_none() || answer_agents.is_some();
        let metrics = self.metrics.iter().zip(&judged);
        let helping = metrics
            .enumerate()
            .filter(|(_, (m, &j))| j && m.helped_by_agents());
        for (i, (metric, _)) in helping {
            let from = required_agents.unwrap_or(0);
            match targets::fewest_agents(&traffic, metric, metric.within(within), c, from) {
                Some(n) if required_agents.is_none_or(|r| n > r) => {
                    required_agents = Some(n);
                    binding = Some(Binding::Metric(i));
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
            unworked: false,
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
            .and_then(|f| forecast::rows(f, files, self.schedule.zone()).ok());
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

impl Inputs {
    pub(super) fn of(queue: &Queue) -> Result<Inputs, Vec<Diagnostic>> {
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

    pub(super) fn traffic(&self, interval: &Interval) -> Traffic {
        Traffic {
            arrival_rate: interval.volume / self.interval_seconds as f64,
            aht: interval.aht.or(self.aht).unwrap_or(0.0),
            patience: self.patience,
        }
    }

    /// Loads no formula should be asked to staff.
    pub(super) fn out_of_range(&self, traffic: &Traffic) -> Option<Message> {
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

#[cfg(test)]
mod tests {
    use super::super::{forecast, plan};
    use super::*;
    use crate::model::Model;
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
            for row in forecast::rows(forecast, &files, plan.schedule.zone()).unwrap() {
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
        for row in forecast::rows(forecast, &files, plans[0].schedule.zone()).unwrap() {
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
