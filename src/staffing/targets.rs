//! The SLA `target`s staffing can compute besides the answer target —
//! `abandonment` (Erlang A), `asa`, `occupancy`, `service_level` — and the
//! rules that read them: metric-target-unmet, headcount-short.

use super::erlang::{Outcome, Traffic};
use super::{QueuePlan, Target};
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{Kpi, Queue};
use crate::msg;
use crate::source::Span;
use crate::syntax::ast::TargetValue;
use crate::syntax::values::{Comparison, Duration, Metric};
use crate::syntax::Name;

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::MetricTargetUnmet,
        context: "segment retail { channels phone }",
        bad: "sla retail_sla for retail { answer phone 80% within 60s; target abandonment <= 1% }\nqueue main { channel phone; segments retail; agents 14; forecast 100 per 30m; aht 4m; patience 2m }",
        fix: "sla retail_sla for retail { answer phone 80% within 60s; target abandonment <= 1% }
queue main { channel phone; segments retail; agents 20; forecast 100 per 30m; aht 4m; patience 2m }",
    },
    CodeDoc {
        code: Code::HeadcountShort,
        context: "",
        bad: "role agent { team support; headcount 10; duty \"Answer\" }\nqueue main { channel phone; team support; forecast 100 per 30m; aht 4m; shrinkage 30% }",
        fix: "role agent { team support; headcount 30; duty \"Answer\" }\nqueue main { channel phone; team support; forecast 100 per 30m; aht 4m; shrinkage 30% }",
    },
];

/// A computable SLA target, in the formulas' units: fractions for
/// percentages, seconds for durations.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricTarget {
    pub metric: Metric,
    pub comparison: Comparison,
    pub value: f64,
    /// The SLA's `target` statement.
    pub span: Span,
    pub sla: Name,
    /// The hours of the SLAs that set it, in the plan's schedule: it is
    /// judged in an interval when one of them is open.
    pub clocks: Vec<usize>,
    /// For `service_level`: its SLA's answer target on the queue's channel,
    /// whose time "answered in time" counts — never another SLA's.
    pub answer: Option<Target>,
}

impl MetricTarget {
    /// The target if staffing can compute it for this queue: `abandonment`
    /// needs callers who hang up (`patience`), `service_level` its SLA's
    /// answer target on the queue's channel (`answer`); `asa` and
    /// `abandonment` a live channel ([`MetricTarget::lacks_answer`]).
    pub fn of(
        kpi: &Kpi,
        span: Span,
        sla: &Name,
        queue: &Queue,
        answer: Option<Target>,
    ) -> Option<Self> {
        if Self::lacks_answer(kpi, answer, queue.channel.is_some()).is_some() {
            return None;
        }
        let value = match (kpi.metric, kpi.value) {
            (Metric::Abandonment, TargetValue::Percent(p)) if queue.patience.is_some() => {
                p.fraction()
            }
            (Metric::Occupancy, TargetValue::Percent(p)) => p.fraction(),
            (Metric::ServiceLevel, TargetValue::Percent(p)) if answer.is_some() => p.fraction(),
            (Metric::Asa, TargetValue::Duration(d)) => d.seconds() as f64,
            _ => return None,
        };
        Some(MetricTarget {
            metric: kpi.metric,
            comparison: kpi.comparison,
            value,
            span,
            sla: sla.clone(),
            clocks: Vec::new(),
            answer: answer.filter(|_| kpi.metric == Metric::ServiceLevel),
        })
    }

    /// A target staffing does not judge on a queue, described: its SLA has
    /// no answer target on the queue's channel (`answer`), so no contact
    /// there is live ([`crate::model::Model::live_answers`]) — a
    /// `service_level` has no time to count "in time" by, and `asa` and
    /// `abandonment` count live contacts only, as `cxc measure` does. A
    /// queue without a channel (`on_channel` false) judges `asa` and
    /// `abandonment` on all its contacts.
    pub fn lacks_answer(kpi: &Kpi, answer: Option<Target>, on_channel: bool) -> Option<String> {
        if answer.is_some() {
            return None;
        }
        let live_only = matches!(kpi.metric, Metric::Asa | Metric::Abandonment) && on_channel;
        let value = match (kpi.metric, kpi.value) {
            (Metric::ServiceLevel, TargetValue::Percent(p)) => p.to_string(),
            (Metric::Asa, TargetValue::Duration(d)) if live_only => d.to_string(),
            (Metric::Abandonment, TargetValue::Percent(p)) if live_only => p.to_string(),
            _ => return None,
        };
        Some(format!(
            "{} {} {value}",
            kpi.metric.as_str(),
            kpi.comparison.as_str()
        ))
    }

    /// The wait, in seconds, that counts as answered in time for this
    /// target: its own answer target's, else `default` (the interval's
    /// answer target's; no other measure depends on it).
    pub fn within(&self, default: f64) -> f64 {
        self.answer.map_or(default, |a| a.within_seconds as f64)
    }

    /// The measure this target is about, for an outcome.
    pub fn actual(&self, outcome: &Outcome) -> f64 {
        match outcome {
            Outcome::Overloaded => match self.metric {
                Metric::ServiceLevel => 0.0,
                Metric::Asa => f64::INFINITY,
                _ => 1.0,
            },
            Outcome::Stable(p) => match self.metric {
                Metric::ServiceLevel => p.service_level,
                Metric::Abandonment => p.abandon_probability.unwrap_or(0.0),
                Metric::Occupancy => p.occupancy,
                _ => p.asa_seconds.unwrap_or(0.0),
            },
        }
    }

    pub fn met_by(&self, outcome: &Outcome) -> bool {
        self.meets(self.actual(outcome))
    }

    /// Whether a measure in the formulas' units meets the target.
    pub fn meets(&self, actual: f64) -> bool {
        let goal = self.value;
        // Rounding in the last bits must not fail an exact target.
        let slack = 1e-12 * goal.abs().max(1.0);
        match self.comparison {
            Comparison::AtLeast => actual + slack >= goal,
            Comparison::Above => actual > goal,
            Comparison::AtMost => actual <= goal + slack,
            Comparison::Below => actual < goal,
            Comparison::Equal => (actual - goal).abs() <= slack,
        }
    }

    /// More agents bring it closer: a floor on the service level, a ceiling
    /// on abandonment, waiting or occupancy. Only such targets set how many
    /// agents a queue needs.
    pub fn helped_by_agents(&self) -> bool {
        let floor = matches!(self.comparison, Comparison::AtLeast | Comparison::Above);
        let ceiling = matches!(self.comparison, Comparison::AtMost | Comparison::Below);
        match self.metric {
            Metric::ServiceLevel => floor,
            _ => ceiling,
        }
    }

    /// `abandonment <= 1%`; `service_level >= 85% within 20s`.
    pub fn describe(&self) -> String {
        let within = self
            .answer
            .map_or(String::new(), |a| format!(" within {}", a.within_text()));
        format!(
            "{} {} {}{within}",
            self.metric.as_str(),
            self.comparison.as_str(),
            self.show(self.value)
        )
    }

    /// The target in the language's words. English keeps the spec's form
    /// ([`MetricTarget::describe`]); Russian names the metric by the
    /// column of `cxc staff` that shows it (audit 17, L3: «решает» read
    /// `answer чат 90% within 2m`): «ушли ≤ 1%», «вовремя ≥ 85% (ответ в
    /// течение 20 секунд)».
    pub fn said(&self, language: crate::base::Language) -> String {
        use crate::base::Language;
        if language == Language::En {
            return self.describe();
        }
        let value = match self.metric {
            Metric::Asa if self.value.is_finite() => crate::i18n::durations::duration(
                Duration::from_seconds(self.value.round() as u64),
                language,
            ),
            _ => self.show(self.value).said(language),
        };
        let said = msg!(
            "staff-binds-metric",
            metric = self.metric.as_str(),
            comparison = match self.comparison {
                Comparison::AtLeast => "≥",
                Comparison::AtMost => "≤",
                other => other.as_str(),
            },
            value = value
        )
        .text(language);
        match self.answer {
            Some(a) => msg!(
                "staff-binds-metric-within",
                target = said,
                within = a.within_said(language)
            )
            .text(language),
            None => said,
        }
    }

    /// A measure in the target's own unit.
    pub fn show(&self, value: f64) -> crate::i18n::Figure {
        use crate::i18n::Figure;
        match self.metric {
            Metric::Asa if value.is_infinite() => Figure::text("∞".to_string()),
            Metric::Asa => Figure::text(Duration::from_seconds(value.round() as u64).to_string()),
            _ => Figure::rounded(value * 100.0, 1).percent(),
        }
    }
}

/// The fewest agents from `from` up meeting `target` for `traffic`, if any
/// does. A caller that needs only the largest of several answers passes the
/// largest so far: a target already met there costs one evaluation.
pub fn fewest_agents(
    traffic: &Traffic,
    target: &MetricTarget,
    within: f64,
    servers_per_agent: u32,
    from: u32,
) -> Option<u32> {
    let limit = traffic.search_limit().div_ceil(servers_per_agent);
    super::erlang::smallest(from.min(limit), limit, |n| {
        target.met_by(&traffic.evaluate(n * servers_per_agent, within))
    })
}

/// How a queue's `agents` did against one computable target.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Misses {
    pub intervals: u64,
    /// The interval furthest from the target: its start and measure.
    pub worst: Option<(Option<String>, f64)>,
}

/// metric-target-unmet: one finding per target a queue's agents miss.
pub fn unmet(plan: &QueuePlan, queue: &Queue) -> Vec<Diagnostic> {
    let Some(agents) = queue.agents else {
        return Vec::new();
    };
    let count = plan.summary.intervals;
    plan.metrics
        .iter()
        .zip(&plan.summary.misses)
        .filter(|(_, m)| m.intervals > 0)
        .map(|(target, misses)| {
            let (start, worst) = misses.worst.clone().unwrap_or((None, 0.0));
            let shown = target.show(worst);
            let measured = match (target.metric, plan.voice) {
                (Metric::Abandonment, true) => msg!("measured-abandonment", value = shown),
                (Metric::Abandonment, false) => {
                    msg!("measured-abandonment-customers", value = shown)
                }
                (Metric::Asa, true) => msg!("measured-asa", value = shown),
                (Metric::Asa, false) => msg!("measured-asa-customers", value = shown),
                (Metric::Occupancy, _) => msg!("measured-occupancy", value = shown),
                _ => msg!("measured-service-level", value = shown),
            };
            let message = match start {
                Some(start) if count > 1 => msg!(
                    "metric-target-unmet-intervals",
                    queue = &plan.id,
                    agents = agents.value,
                    sla = target.sla.as_str(),
                    target = target.describe(),
                    missed = misses.intervals,
                    intervals = count,
                    measured = measured,
                    worst = start.to_string()
                ),
                _ => msg!(
                    "metric-target-unmet",
                    queue = &plan.id,
                    agents = agents.value,
                    sla = target.sla.as_str(),
                    target = target.describe(),
                    measured = measured
                ),
            };
            let mut d = Diagnostic::new(Code::MetricTargetUnmet, agents.span, message).help(
                if target.helped_by_agents() {
                    msg!("metric-target-unmet-help")
                } else {
                    msg!("metric-target-unmet-fewer-help")
                },
            );
            if target.span.file == agents.span.file {
                d = d.label(target.span, msg!("the-target"));
            }
            d
        })
        .collect()
}
