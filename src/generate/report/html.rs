//! `report.html`: `report.md` as one self-contained page in the site's
//! look — the site's stylesheet inside it, allowed by its hash under the
//! site's Content-Security-Policy — with a chart wherever the document asks
//! for one (`<!-- cxc:chart targets -->`): attainment against its goal for
//! every target, promise and complaint duty, and the cases along each
//! journey with where they stopped.
//!
//! A chart is a list of rows: the label and the figure are HTML text, so
//! they wrap instead of being cut; only the bar is SVG. The tables after
//! each chart carry the same figures, so the chart is one image to a
//! screen reader. Every string from the spec or the data is escaped.

use super::view::{JourneyView, MeasureView};
use super::Said;
use crate::generate::markup::escape;
use crate::generate::page::{self, Ask, Page, Stylesheet};
use crate::i18n::grouped;
use crate::measure::shown::tenths;
use crate::syntax::values::Language;
use std::fmt::Write;

const OK: &str = "#2e7d32";
const MISSED: &str = "#c62828";
/// A bar with nothing measured: neither the colour of met nor of missed.
const NO_DATA: &str = "#8c959f";
const REACHED: &str = "#1565c0";
const GOAL: &str = "#24292f";

struct Words {
    targets: &'static str,
    promises: &'static str,
    complaints: &'static str,
    journey: &'static str,
    met: &'static str,
    missed: &'static str,
    /// Nothing measured: neither met nor missed.
    no_data: &'static str,
    goal: &'static str,
    reached: &'static str,
    stopped: &'static str,
    table: &'static str,
}

const EN: Words = Words {
    targets: "Chart: the share of contacts within each SLA target, against its goal",
    promises: "Chart: how often each public promise was kept, against its goal",
    complaints: "Chart: how often each complaint duty was done on time, against its goal",
    journey: "Chart: the cases that reached each step and those that stopped there",
    met: "met",
    missed: "missed",
    no_data: "no data",
    goal: "goal",
    reached: "reached",
    stopped: "stopped",
    table: "the table below has every figure",
};

const RU: Words = Words {
    targets: "Диаграмма: доля обращений в пределах каждой цели SLA в сравнении с целью",
    promises: "Диаграмма: как часто выполнялось каждое публичное обещание в сравнении с целью",
    complaints:
        "Диаграмма: как часто каждая обязанность по жалобам выполнялась вовремя в сравнении с целью",
    journey: "Диаграмма: сколько случаев дошло до каждого этапа и сколько остановилось на нём",
    met: "выполнена",
    missed: "не выполнена",
    no_data: "нет данных",
    goal: "цель",
    reached: "дошли",
    stopped: "остановились",
    table: "все цифры — в таблице ниже",
};

/// The page of `markdown` (the rendered `report.md`).
pub fn page(view: &MeasureView, said: &Said, markdown: &str, language: Language) -> String {
    let w = match language {
        Language::En => &EN,
        Language::Ru => &RU,
    };
    let mut figure = |ask: Ask| match ask {
        // `<!-- cxc:chart NAME -->`
        Ask::Marker(name) => name
            .strip_prefix("chart ")
            .map(|name| chart(view, said, name, w, language)),
        Ask::Fence(_) => None,
    };
    let (title, body) = page::convert(
        markdown,
        &mut Page {
            dir: "",
            contains: &|_| false,
            figure: &mut figure,
        },
    );
    page::frame(&title, "", &body, language, Stylesheet::Inline)
}

/// One row of a chart: a share of 100 (or of the longest bar) drawn in
/// `colour`, the part of it in red that `stopped`, a mark at `goal`.
struct Bar {
    label: String,
    share: f64,
    colour: &'static str,
    stopped: Option<f64>,
    goal: Option<f64>,
    value: String,
}

/// The chart `name` asks for: `targets`, `promises`, `complaints` or
/// `journey N`; nothing for another name or an empty list.
fn chart(view: &MeasureView, said: &Said, name: &str, w: &Words, language: Language) -> String {
    let percent = |p: f64| format!("{}%", grouped(p, language));
    let share = |label: String, p: f64, goal: f64, ok: Option<bool>| Bar {
        label,
        share: p,
        colour: match ok {
            Some(true) => OK,
            Some(false) => MISSED,
            None => NO_DATA,
        },
        stopped: None,
        goal: Some(goal),
        value: match ok {
            Some(true) => format!("{} · {}", percent(p), w.met),
            Some(false) => format!("{} · {}", percent(p), w.missed),
            None => w.no_data.to_string(),
        },
    };
    let (caption, bars): (&str, Vec<Bar>) = match name.split_once(' ') {
        None if name == "targets" => (
            w.targets,
            view.targets
                .iter()
                .zip(&said.targets)
                .map(|(t, words)| {
                    let segment = said.segment_names.get(&t.segment).unwrap_or(&t.segment);
                    let label = format!("{segment} · {words}");
                    share(label, t.shown.0, t.goal.0, t.ok)
                })
                .collect(),
        ),
        None if name == "promises" => (
            w.promises,
            view.promises
                .iter()
                .map(|p| {
                    let label = p.title.clone().unwrap_or_else(|| p.id.clone());
                    share(label, p.shown.0, p.goal.0, p.ok)
                })
                .collect(),
        ),
        None if name == "complaints" => (
            w.complaints,
            view.complaints
                .iter()
                .map(|c| {
                    let duty = c
                        .duty
                        .and_then(|d| said.duties.get(d))
                        .map_or("", String::as_str);
                    let label = format!("{} · {duty}", c.title.as_deref().unwrap_or(&c.id));
                    share(label, c.shown.0, c.goal.0, c.ok)
                })
                .collect(),
        ),
        Some(("journey", index)) => {
            match index.parse().ok().and_then(|i: usize| view.journeys.get(i)) {
                Some(j) => (w.journey, journey(j, w, language)),
                None => return String::new(),
            }
        }
        _ => return String::new(),
    };
    if bars.is_empty() {
        return String::new();
    }
    let mut html = format!(
        "<figure class=\"chart\" role=\"img\" aria-label=\"{}\">\n",
        escape(&format!("{caption} ({})", w.table))
    );
    for bar in &bars {
        let mut svg = format!(
            "<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\">\
             <rect width=\"100\" height=\"10\" fill=\"#eaeef2\"/>\
             <rect width=\"{:.2}\" height=\"10\" fill=\"{}\"/>",
            bar.share.clamp(0.0, 100.0),
            bar.colour
        );
        if let Some(stopped) = bar.stopped {
            let _ = write!(
                svg,
                "<rect width=\"{:.2}\" height=\"10\" fill=\"{MISSED}\"/>",
                stopped.clamp(0.0, 100.0)
            );
        }
        if let Some(goal) = bar.goal {
            let _ = write!(
                svg,
                "<line x1=\"{g:.2}\" x2=\"{g:.2}\" y1=\"0\" y2=\"10\" stroke=\"{GOAL}\" stroke-width=\"2\" vector-effect=\"non-scaling-stroke\"/>",
                g = goal.clamp(0.0, 100.0)
            );
        }
        svg.push_str("</svg>");
        let goal = bar.goal.map_or(String::new(), |g| {
            format!(" <span class=\"goal\">({} {})</span>", w.goal, percent(g))
        });
        let _ = writeln!(
            html,
            "<div class=\"row\"><span class=\"label\">{}</span>{svg}<span class=\"figure\">{}{goal}</span></div>",
            escape(&bar.label),
            escape(&bar.value),
        );
    }
    html.push_str("</figure>\n");
    html
}

/// A journey's steps: bars as long as the cases that reached each step
/// (against the step most reached), the part that stopped there in red.
fn journey(j: &JourneyView, w: &Words, language: Language) -> Vec<Bar> {
    let most = j.steps.iter().map(|s| s.reached).max().unwrap_or(0).max(1) as f64;
    j.steps
        .iter()
        .map(|s| {
            let dropoff = s.dropoff.map_or(String::new(), |d| {
                format!(" ({}%)", grouped(tenths(d.0, None), language))
            });
            Bar {
                label: s.title.clone().unwrap_or_else(|| s.step.clone()),
                share: 100.0 * s.reached as f64 / most,
                colour: REACHED,
                stopped: Some(100.0 * s.stopped as f64 / most),
                goal: None,
                value: format!(
                    "{}: {} · {}: {}{dropoff}",
                    w.reached, s.reached, w.stopped, s.stopped
                ),
            }
        })
        .collect()
}
