//! `cxc staff` output: a table for people, JSON for tools.
//!
//! Figures are rounded as the JSON example in the staffing issue shows them
//! (probabilities to 4 places, seconds to 2), which also keeps the output
//! identical across machines whose `exp` differs in the last bit.

use super::erlang::Outcome;
use super::{IntervalPlan, QueuePlan};
use crate::syntax::values::Duration;
use serde_json::{json, Value};

pub fn json(plans: &[&QueuePlan]) -> String {
    let queues: Vec<Value> = plans.iter().map(|plan| queue_json(plan)).collect();
    let mut text = serde_json::to_string_pretty(&json!({ "queues": queues }))
        .expect("a JSON value always serialises");
    text.push('\n');
    text
}

fn queue_json(plan: &QueuePlan) -> Value {
    json!({
        "queue": plan.id,
        "channel": plan.channel,
        "model": plan.model.as_str(),
        "target": plan.target.map(|t| json!({
            "percent": t.percent,
            "within_seconds": t.within_seconds,
        })),
        "agents": plan.agents,
        "intervals": plan.intervals.iter().map(interval_json).collect::<Vec<_>>(),
        "peak_required_agents": plan.peak_required_agents(),
        "meets_target": plan.meets_target(),
    })
}

fn interval_json(interval: &IntervalPlan) -> Value {
    let performance = match interval.at_agents {
        Some(Outcome::Stable(p)) => Some(p),
        _ => None,
    };
    json!({
        "start": interval.start,
        "interval_seconds": interval.interval_seconds,
        "volume": number(interval.volume, 4),
        "aht_seconds": number(interval.aht_seconds, 2),
        "offered_load": number(interval.offered_load, 4),
        "required_agents": interval.required_agents,
        "required_headcount": interval.required_headcount,
        "service_level": performance.map(|p| number(p.service_level, 4)),
        "wait_probability": performance.map(|p| number(p.wait_probability, 4)),
        "asa_seconds": performance.and_then(|p| p.asa_seconds).map(|s| number(s, 2)),
        "occupancy": performance.map(|p| number(p.occupancy, 4)),
        "abandon_probability": performance.and_then(|p| p.abandon_probability).map(|a| number(a, 4)),
        "overloaded": interval.at_agents.map(|o| o == Outcome::Overloaded),
    })
}

/// A JSON number rounded to `places`, written as an integer when it is one
/// (`100`, not `100.0`).
fn number(value: f64, places: i32) -> Value {
    let scale = 10f64.powi(places);
    let rounded = (value * scale).round() / scale;
    if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        json!(rounded as i64)
    } else {
        json!(rounded)
    }
}

const HEADINGS: [&str; 11] = [
    "start",
    "volume",
    "AHT",
    "load",
    "needed",
    "headcount",
    "in time",
    "waited",
    "ASA",
    "occupancy",
    "hung up",
];

pub fn table(plans: &[&QueuePlan]) -> String {
    if plans.is_empty() {
        return "No queue has a forecast, so there is nothing to staff.\n".to_string();
    }
    let mut out = String::new();
    for plan in plans {
        out.push_str(&heading(plan));
        let rows: Vec<[String; 11]> = plan.intervals.iter().map(row).collect();
        let mut widths = HEADINGS.map(|h| h.chars().count());
        for row in &rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let line = |cells: &[String]| {
            let padded: Vec<String> = cells
                .iter()
                .zip(widths)
                .enumerate()
                .map(|(i, (cell, width))| {
                    let pad = " ".repeat(width - cell.chars().count());
                    if i == 0 {
                        format!("{cell}{pad}")
                    } else {
                        format!("{pad}{cell}")
                    }
                })
                .collect();
            format!("  {}\n", padded.join("  ").trim_end())
        };
        out.push_str(&line(&HEADINGS.map(String::from)));
        for row in &rows {
            out.push_str(&line(row));
        }
        out.push('\n');
    }
    out.push_str(
        "needed: fewest agents that meet the target; headcount: needed after shrinkage;\n\
         in time, waited, ASA, occupancy, hung up: with the queue's own agents.\n",
    );
    out
}

fn heading(plan: &QueuePlan) -> String {
    let model = match plan.model {
        super::QueueModel::ErlangC => "Erlang C",
        super::QueueModel::ErlangA => "Erlang A",
    };
    let target = match plan.target {
        Some(t) => format!(
            "target {}% within {}",
            crate::syntax::values::trim_float(t.percent),
            Duration::from_seconds(t.within_seconds)
        ),
        None => "no answer target for this channel".to_string(),
    };
    let agents = match plan.agents {
        Some(n) => super::agents_word(n),
        None => "no agents given".to_string(),
    };
    let verdict = match (plan.meets_target(), plan.peak_required_agents()) {
        (Some(true), _) => "meets the target".to_string(),
        (Some(false), Some(peak)) => format!("MISSES the target (needs {peak} at peak)"),
        (Some(false), None) => "MISSES the target (out of reach)".to_string(),
        (None, Some(peak)) => format!("needs {peak} at peak"),
        (None, None) => "not judged".to_string(),
    };
    format!(
        "{} — {}, {model}, {target}, {agents}: {verdict}\n\n",
        plan.id,
        plan.channel.as_deref().unwrap_or("no channel"),
    )
}

fn row(interval: &IntervalPlan) -> [String; 11] {
    let dash = || "-".to_string();
    let percent = |v: f64| format!("{:.1}%", v * 100.0);
    let (level, waited, asa, occupancy, abandon) = match interval.at_agents {
        Some(Outcome::Stable(p)) => (
            percent(p.service_level),
            percent(p.wait_probability),
            p.asa_seconds.map_or_else(dash, |s| format!("{s:.1}s")),
            percent(p.occupancy),
            p.abandon_probability.map_or_else(dash, percent),
        ),
        Some(Outcome::Overloaded) => (
            "overloaded".to_string(),
            percent(1.0),
            dash(),
            percent(1.0),
            dash(),
        ),
        None => (dash(), dash(), dash(), dash(), dash()),
    };
    [
        interval.start.clone().unwrap_or_else(dash),
        crate::syntax::values::trim_float(interval.volume),
        format!(
            "{}s",
            crate::syntax::values::trim_float(interval.aht_seconds)
        ),
        format!("{:.2}", interval.offered_load),
        interval
            .required_agents
            .map_or_else(dash, |n| n.to_string()),
        interval
            .required_headcount
            .map_or_else(dash, |n| n.to_string()),
        level,
        waited,
        asa,
        occupancy,
        abandon,
    ]
}
