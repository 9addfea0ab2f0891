//! `cxc staff` output: a table for people, JSON for tools. Both stream: each
//! interval is computed, written and forgotten, so a forecast of millions of
//! rows is reported in constant memory. JSON carries every figure at full
//! precision (deterministic on every machine: see `erlang`); only the table
//! rounds.

use super::erlang::Outcome;
use super::forecast::ForecastFiles;
use super::{IntervalPlan, QueuePlan};
use crate::model::Model;
use crate::msg;
use crate::syntax::values::trim_float;
use crate::syntax::values::Language;
use serde::Serialize;
use std::io::{self, Write};

/// A queue's plan with what is needed to read its forecast again.
pub struct Staffed<'a> {
    pub model: &'a Model,
    pub plan: &'a QueuePlan,
    pub files: &'a dyn ForecastFiles,
}

#[derive(Serialize)]
struct TargetOut {
    percent: f64,
    /// For working days, the shortest running time their deadline leaves.
    within_seconds: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    working_days: Option<u32>,
}

/// An answer target on the queue's channel and when it counts.
#[derive(Serialize)]
struct AnswerOut<'a> {
    #[serde(flatten)]
    target: TargetOut,
    sla: &'a str,
    /// Its SLA's `hours`; `None`: around the clock.
    hours: Option<&'a str>,
}

#[derive(Serialize)]
struct QueueHead<'a> {
    queue: &'a str,
    channel: Option<&'a str>,
    model: &'static str,
    /// The strictest answer target.
    target: Option<TargetOut>,
    /// Every answer target, strictest first: an interval is staffed for the
    /// first open in it.
    answer_targets: Vec<AnswerOut<'a>>,
    /// The other SLA targets staffing computes, e.g. `abandonment <= 1%`.
    targets: Vec<String>,
    /// `service_level` targets not judged: their SLA has no answer time on
    /// the channel.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    not_judged: Vec<String>,
    /// Contacts one agent handles at once.
    concurrency: u32,
    agents: Option<u32>,
}

impl TargetOut {
    fn of(t: &super::Target) -> Self {
        TargetOut {
            percent: t.percent,
            within_seconds: t.within_seconds,
            working_days: t.within.working_days(),
        }
    }
}

/// `service_level >= 85% (night_sla)`.
fn unjudged(u: &super::Unjudged) -> String {
    format!("{} ({})", u.target, u.sla)
}

#[derive(Serialize)]
struct QueueTail {
    peak_required_agents: Option<u32>,
    meets_target: Option<bool>,
}

#[derive(Serialize)]
struct IntervalOut<'a> {
    start: Option<&'a str>,
    interval_seconds: u64,
    volume: f64,
    aht_seconds: f64,
    offered_load: f64,
    required_agents: Option<u32>,
    /// The target that sets `required_agents`.
    binding_target: Option<String>,
    required_headcount: Option<u32>,
    service_level: Option<f64>,
    wait_probability: Option<f64>,
    asa_seconds: Option<f64>,
    occupancy: Option<f64>,
    abandon_probability: Option<f64>,
    overloaded: Option<bool>,
    /// The queue's channel is closed: no agents are planned.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    closed: bool,
    /// Closed because the queue is not worked then (its team's hours)
    /// while its channel is open (audit 17, L2); `closed` is true too.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    unworked: bool,
}

impl<'a> IntervalOut<'a> {
    /// `timed`: the queue has an answer target. Without one "in time" has
    /// no threshold (1 − P(wait) would pass for it, audit 13 L3), so
    /// `service_level` is null, as the text table shows "-".
    fn of(plan: &QueuePlan, i: &'a IntervalPlan, timed: bool) -> Self {
        let p = match i.at_agents {
            Some(Outcome::Stable(p)) => Some(p),
            _ => None,
        };
        IntervalOut {
            start: i.start.as_deref(),
            interval_seconds: i.interval_seconds,
            volume: i.volume,
            aht_seconds: i.aht_seconds,
            offered_load: i.offered_load,
            required_agents: i.required_agents,
            binding_target: i.binding.map(|b| plan.binding_code(b)),
            required_headcount: i.required_headcount,
            service_level: p.filter(|_| timed).map(|p| p.service_level),
            wait_probability: p.map(|p| p.wait_probability),
            asa_seconds: p.and_then(|p| p.asa_seconds),
            occupancy: p.map(|p| p.occupancy),
            abandon_probability: p.and_then(|p| p.abandon_probability),
            overloaded: i.at_agents.map(|o| o == Outcome::Overloaded),
            closed: i.closed,
            unworked: i.unworked,
        }
    }
}

/// `{"queues": [{"queue", ..., "intervals": [...], "peak_required_agents",
/// "meets_target"}]}`, one interval per line.
pub fn json(out: &mut dyn Write, queues: &[Staffed]) -> io::Result<()> {
    out.write_all(b"{\"queues\": [")?;
    for (q, s) in queues.iter().enumerate() {
        let plan = s.plan;
        let head = crate::escape::json::to_string(&QueueHead {
            queue: &plan.id,
            channel: plan.channel.as_deref(),
            model: plan.model.as_str(),
            target: plan.target.map(|t| TargetOut::of(&t)),
            answer_targets: plan
                .targets
                .iter()
                .map(|t| AnswerOut {
                    target: TargetOut::of(t),
                    sla: &s.model.slas[t.sla].header.id,
                    hours: plan
                        .schedule
                        .calendar(t.clock)
                        .map(|c| s.model.calendars[c].header.id.as_str()),
                })
                .collect(),
            targets: plan.metrics.iter().map(|m| m.describe()).collect(),
            not_judged: plan.unjudged.iter().map(unjudged).collect(),
            concurrency: plan.concurrency(),
            agents: plan.agents,
        })?;
        // The head without its closing brace, then the intervals.
        write!(
            out,
            "{}\n  {}, \"intervals\": [",
            if q == 0 { "" } else { "," },
            &head[..head.len() - 1]
        )?;
        let timed = plan.target.is_some();
        for (i, interval) in plan.intervals(s.model, s.files).enumerate() {
            let line = crate::escape::json::to_string(&IntervalOut::of(plan, &interval, timed))?;
            write!(out, "{}\n    {line}", if i == 0 { "" } else { "," })?;
        }
        let tail = crate::escape::json::to_string(&QueueTail {
            peak_required_agents: plan.peak_required_agents(),
            meets_target: plan.meets_target(),
        })?;
        write!(out, "\n  ], {}", &tail[1..])?;
    }
    out.write_all(b"\n]}\n")
}

/// The column headings, a catalogue message each (`staff-col-…`).
fn headings(language: Language) -> [String; 12] {
    [
        msg!("staff-col-start"),
        msg!("staff-col-volume"),
        msg!("staff-col-aht"),
        msg!("staff-col-load"),
        msg!("staff-col-needed"),
        msg!("staff-col-headcount"),
        msg!("staff-col-in-time"),
        msg!("staff-col-waited"),
        msg!("staff-col-asa"),
        msg!("staff-col-occupancy"),
        msg!("staff-col-hung-up"),
        msg!("staff-col-binds"),
    ]
    .map(|m| m.text(language))
}

/// Column widths: rows are written as they are computed, so the widths are
/// fixed in advance, wide enough for any realistic figure; the first is
/// widened to the longest start the plan found (see [`super::Summary`]).
const WIDTHS: [usize; 12] = [16, 8, 7, 8, 6, 9, 10, 7, 8, 9, 7, 0];

pub fn table(out: &mut dyn Write, queues: &[Staffed], language: Language) -> io::Result<()> {
    if queues.is_empty() {
        let nothing = msg!("staff-nothing").text(language);
        return out.write_all(format!("{nothing}\n").as_bytes());
    }
    let headings = headings(language);
    for s in queues {
        out.write_all(heading(s.model, s.plan, language).as_bytes())?;
        let mut widths = WIDTHS;
        widths[0] = widths[0].max(s.plan.summary.start_width);
        out.write_all(line(&headings, &widths).as_bytes())?;
        for interval in s.plan.intervals(s.model, s.files) {
            let timed = s.plan.target.is_some();
            out.write_all(line(&row(s.plan, &interval, timed, language), &widths).as_bytes())?;
        }
        out.write_all(b"\n")?;
    }
    out.write_all(format!("{}\n", msg!("staff-legend").text(language)).as_bytes())
}

fn line(cells: &[String; 12], widths: &[usize; 12]) -> String {
    let padded: Vec<String> = cells
        .iter()
        .zip(widths.iter().copied())
        .enumerate()
        .map(|(i, (cell, width))| {
            let cell = crate::escape::terminal(cell, false);
            let pad = " ".repeat(width.saturating_sub(cell.chars().count()));
            if i == 0 || i == cells.len() - 1 {
                format!("{cell}{pad}")
            } else {
                format!("{pad}{cell}")
            }
        })
        .collect();
    format!("  {}\n", padded.join("  ").trim_end())
}

/// When a target counts: "retail_sla, hours office" (its SLA's hours; the
/// channel's must be open too), or "…, around the clock".
fn when(model: &Model, plan: &QueuePlan, sla: &str, clocks: &[usize]) -> crate::i18n::Message {
    let calendars: Vec<&str> = clocks
        .iter()
        .filter_map(|&k| plan.schedule.calendar(k))
        .map(|c| model.calendars[c].header.id.as_str())
        .collect();
    match calendars.is_empty() {
        true => msg!("staff-around-the-clock", sla = sla),
        false => msg!("staff-hours", sla = sla, hours = calendars.join(" / ")),
    }
}

/// The queue's targets and when each counts, strictest answer target
/// first: per interval every open one is met and the one that needs the
/// most agents binds.
fn targets(model: &Model, plan: &QueuePlan, language: Language) -> Vec<String> {
    let mut parts = Vec::new();
    if plan.targets.is_empty() {
        parts.push(msg!("staff-no-target").text(language));
    } else {
        let list: Vec<String> = plan
            .targets
            .iter()
            .map(|t| {
                let sla = model.slas[t.sla].header.id.as_str();
                msg!(
                    "staff-target-item",
                    percent = crate::i18n::Figure::text(trim_float(t.percent)),
                    within = t.within_said(language),
                    when = when(model, plan, sla, &[t.clock])
                )
                .text(language)
            })
            .collect();
        let count = list.len();
        parts.push(msg!("staff-targets", count = count, list = list.join(", ")).text(language));
    }
    if !plan.metrics.is_empty() {
        let list: Vec<String> = plan
            .metrics
            .iter()
            .map(|m| {
                let when = when(model, plan, &m.sla, &m.clocks).text(language);
                format!("{} ({when})", m.said(language))
            })
            .collect();
        parts.push(msg!("staff-also", targets = list.join(", ")).text(language));
    }
    if !plan.unjudged.is_empty() {
        let list: Vec<String> = plan
            .unjudged
            .iter()
            .map(|u| {
                msg!(
                    "staff-unjudged-item",
                    target = u.target.as_str(),
                    sla = u.sla.as_str()
                )
                .text(language)
            })
            .collect();
        parts.push(msg!("staff-unjudged", targets = list.join(", ")).text(language));
    }
    parts
}

fn heading(model: &Model, plan: &QueuePlan, language: Language) -> String {
    let queue_model = match plan.model {
        super::QueueModel::ErlangC => "Erlang C",
        super::QueueModel::ErlangA => "Erlang A",
    };
    let agents = match plan.agents {
        Some(n) => msg!("staff-agents", agents = n),
        None => msg!("staff-no-agents"),
    };
    let no_target = plan.target.is_none() && plan.metrics.is_empty();
    let verdict = match (plan.meets_target(), plan.peak_required_agents()) {
        (Some(true), _) => msg!("staff-meets"),
        (Some(false), Some(peak)) if no_target => msg!("staff-overloaded-verdict", peak = peak),
        (Some(false), Some(peak)) if !plan.summary.unreachable => {
            msg!("staff-misses", peak = peak)
        }
        (Some(false), _) => msg!("staff-out-of-reach"),
        (None, Some(peak)) => msg!("staff-needs", peak = peak),
        (None, None) => msg!("staff-not-judged"),
    };
    let mut parts = vec![queue_model.to_string()];
    parts.extend(targets(model, plan, language));
    if plan.concurrency() > 1 {
        parts.push(msg!("staff-concurrency", contacts = plan.concurrency()).text(language));
    }
    parts.push(agents.text(language));
    let channel = match &plan.channel {
        Some(c) => c.to_string(),
        None => msg!("staff-no-channel").text(language),
    };
    format!(
        "{} — {channel}, {}: {}\n\n",
        plan.id,
        parts.join(", "),
        verdict.text(language)
    )
}

/// Seconds with the language's unit: "330s", «330 с».
fn seconds(text: &str, language: Language) -> String {
    match language {
        Language::En => format!("{text}s"),
        Language::Ru => format!("{text}\u{a0}с"),
    }
}

/// One interval's row. `timed`: the queue has an answer target, so "in
/// time" means within it; a queue without one shows no such share (it
/// would be 1 − P(wait), audit 11, L7).
fn row(plan: &QueuePlan, interval: &IntervalPlan, timed: bool, language: Language) -> [String; 12] {
    let dash = || "-".to_string();
    let percent = |v: f64| format!("{:.1}%", v * 100.0);
    let (level, waited, asa, occupancy, abandon) = match interval.at_agents {
        Some(Outcome::Stable(p)) => (
            if timed {
                percent(p.service_level)
            } else {
                dash()
            },
            percent(p.wait_probability),
            p.asa_seconds
                .map_or_else(dash, |s| seconds(&format!("{s:.1}"), language)),
            percent(p.occupancy),
            p.abandon_probability.map_or_else(dash, percent),
        ),
        Some(Outcome::Overloaded) => (
            msg!("staff-overloaded").text(language),
            percent(1.0),
            dash(),
            percent(1.0),
            dash(),
        ),
        None => (dash(), dash(), dash(), dash(), dash()),
    };
    // The figures with the language's decimal sign: «6,67», «96,8%».
    let figure = |text: String| crate::i18n::decimal(&text, language);
    [
        interval.start.clone().unwrap_or_else(dash),
        figure(trim_float(interval.volume)),
        figure(seconds(&trim_float(interval.aht_seconds), language)),
        figure(format!("{:.2}", interval.offered_load)),
        interval
            .required_agents
            .map_or_else(dash, |n| n.to_string()),
        interval
            .required_headcount
            .map_or_else(dash, |n| n.to_string()),
        figure(level),
        figure(waited),
        figure(asa),
        figure(occupancy),
        figure(abandon),
        if interval.unworked {
            msg!("staff-unworked").text(language)
        } else if interval.closed {
            msg!("staff-closed").text(language)
        } else {
            interval
                .binding
                .map_or_else(dash, |b| plan.binding_said(b, language))
        },
    ]
}
