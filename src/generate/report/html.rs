//! `report.html`: the measured figures as one self-contained page — tables,
//! and charts as inline SVG: attainment against its goal for every target
//! of every segment and channel, and the cases along each journey with
//! where they stopped. No script, no stylesheet, no network: the site's
//! Content-Security-Policy, so only SVG and HTML presentation attributes
//! style it. Every string from the spec or the data is escaped.

use super::view::{JourneyView, MeasureView};
use crate::generate::markup::escape;
use crate::generate::site::CSP;
use crate::syntax::values::{trim_float, Language};
use std::fmt::Write;

/// Chart geometry, in SVG user units.
const LABEL: f64 = 330.0;
const BAR: f64 = 360.0;
const ROW: f64 = 26.0;
const OK: &str = "#2e7d32";
const MISSED: &str = "#c62828";
const GOAL: &str = "#212121";

struct Words {
    title: &'static str,
    attainment: &'static str,
    goal: &'static str,
    met: &'static str,
    missed: &'static str,
    promises: &'static str,
    complaints: &'static str,
    journey: &'static str,
    reached: &'static str,
    stopped: &'static str,
    step: &'static str,
    deadline: &'static str,
    cases: &'static str,
    median: &'static str,
    p90: &'static str,
    bad: &'static str,
    n: &'static str,
}

const EN: Words = Words {
    title: "Service standards measured",
    attainment: "SLA targets per segment and channel",
    goal: "goal",
    met: "met",
    missed: "missed",
    promises: "Public promises",
    complaints: "Complaints",
    journey: "Journey",
    reached: "cases reached",
    stopped: "stopped here",
    step: "Step",
    deadline: "deadline: on time",
    cases: "cases; followed the map to an end / under way / took a path not on the map",
    median: "median",
    p90: "90th percentile",
    bad: "Bad data (rows skipped)",
    n: "n",
};

const RU: Words = Words {
    title: "Измерение стандартов обслуживания",
    attainment: "Цели SLA по сегментам и каналам",
    goal: "цель",
    met: "выполнено",
    missed: "не выполнено",
    promises: "Публичные обещания",
    complaints: "Жалобы",
    journey: "Путь",
    reached: "дошли до этапа",
    stopped: "остановились",
    step: "Этап",
    deadline: "срок: вовремя",
    cases: "случаев; прошли по карте до конца / в работе / прошли вне карты",
    median: "медиана",
    p90: "90-й процентиль",
    bad: "Ошибочные данные (строки пропущены)",
    n: "n",
};

pub fn page(view: &MeasureView, language: Language) -> String {
    let w = match language {
        Language::En => &EN,
        Language::Ru => &RU,
    };
    let mut body = String::new();
    let title = match &view.service {
        Some(s) => format!("{}: {}", w.title, s),
        None => w.title.to_string(),
    };
    let _ = writeln!(body, "<h1>{}</h1>", escape(&title));
    if let Some(p) = &view.contacts_period {
        let _ = writeln!(
            body,
            "<p>{} – {} · {} {}</p>",
            p.from, p.to, w.n, view.rows.contacts
        );
    }
    if !view.targets.is_empty() {
        let _ = writeln!(body, "<h2>{}</h2>", w.attainment);
        body.push_str(&attainment_chart(view, w));
    }
    shares(
        &mut body,
        w.promises,
        w,
        view.promises.iter().map(|p| {
            (
                p.title.clone().unwrap_or_else(|| p.id.clone()),
                p.n,
                p.percent.0,
                p.goal.0,
                p.ok,
            )
        }),
    );
    shares(
        &mut body,
        w.complaints,
        w,
        view.complaints.iter().map(|c| {
            let name = format!(
                "{} · {}",
                c.title.as_deref().unwrap_or(&c.id),
                c.duty.unwrap_or("")
            );
            (name, c.n, c.percent.0, c.goal.0, c.ok)
        }),
    );
    for j in &view.journeys {
        journey(&mut body, j, w);
    }
    if !view.bad_data.is_empty() {
        let _ = writeln!(
            body,
            "<h2>{}</h2>\n<table border=\"1\" cellpadding=\"4\">",
            w.bad
        );
        for b in &view.bad_data {
            let lines: Vec<String> = b.first_lines.iter().map(u64::to_string).collect();
            let _ = writeln!(
                body,
                "<tr><td>{:?}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                b.file,
                escape(&b.kind),
                b.count,
                lines.join(", "),
                escape(b.example.as_deref().unwrap_or("")),
            );
        }
        body.push_str("</table>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n</head>\n<body>\n{body}</body>\n</html>\n",
        lang = language.as_str(),
        title = escape(&title),
    )
}

/// One bar per target and segment: the measured share, a mark at its goal.
fn attainment_chart(view: &MeasureView, w: &Words) -> String {
    let rows = view.targets.len() as f64;
    let height = rows * ROW + 30.0;
    let width = LABEL + BAR + 120.0;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{label}\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n",
        label = w.attainment
    );
    for (i, t) in view.targets.iter().enumerate() {
        let y = 20.0 + i as f64 * ROW;
        let label = format!("{} · {}", t.segment, t.statement);
        let bar = BAR * t.percent.0 / 100.0;
        let goal = LABEL + BAR * t.goal.0 / 100.0;
        let colour = if t.ok { OK } else { MISSED };
        let verdict = if t.ok { w.met } else { w.missed };
        let _ = writeln!(
            svg,
            "<text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{label}</text>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{bar:.1}\" height=\"{h}\" fill=\"{colour}\">\
             <title>{verdict}: {p}% ({w_n} {n}), {goal_word} {g}%</title></rect>\
             <line x1=\"{goal:.1}\" x2=\"{goal:.1}\" y1=\"{y0}\" y2=\"{y1}\" stroke=\"{GOAL}\" stroke-width=\"2\"/>\
             <text x=\"{vx}\" y=\"{ty}\">{p}% · {verdict}</text>",
            lx = LABEL - 8.0,
            ty = y + 14.0,
            label = escape(&crate::escape::fit(&label, 52)),
            h = ROW - 8.0,
            p = trim_float(t.percent.0),
            g = trim_float(t.goal.0),
            w_n = w.n,
            n = t.n,
            goal_word = w.goal,
            y0 = y - 3.0,
            y1 = y + ROW - 5.0,
            vx = LABEL + BAR + 8.0,
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// A table of shares kept against their goal (promises, complaint duties).
fn shares(
    body: &mut String,
    heading: &str,
    w: &Words,
    rows: impl Iterator<Item = (String, u64, f64, f64, bool)>,
) {
    let rows: Vec<_> = rows.collect();
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        body,
        "<h2>{heading}</h2>\n<table border=\"1\" cellpadding=\"4\">"
    );
    for (name, n, percent, goal, ok) in rows {
        let verdict = if ok { w.met } else { w.missed };
        let colour = if ok { OK } else { MISSED };
        let _ = writeln!(
            body,
            "<tr><td>{}</td><td>{} {n}</td><td><font color=\"{colour}\">{}% · {verdict}</font></td><td>{} {}%</td></tr>",
            escape(&name),
            w.n,
            trim_float(percent),
            w.goal,
            trim_float(goal),
        );
    }
    body.push_str("</table>\n");
}

/// Cases along a journey: per step, the cases that reached it and, in red,
/// those that stopped there; then the step table.
fn journey(body: &mut String, j: &JourneyView, w: &Words) {
    let name = j.title.as_deref().unwrap_or(&j.journey);
    let _ = writeln!(body, "<h2>{}: {}</h2>", w.journey, escape(name));
    let _ = writeln!(
        body,
        "<p>{} {}: {} / {} / {}</p>",
        j.cases, w.cases, j.fitting, j.in_progress, j.deviating
    );
    let most = j.steps.iter().map(|s| s.reached).max().unwrap_or(0).max(1) as f64;
    let height = j.steps.len() as f64 * ROW + 30.0;
    let width = LABEL + BAR + 200.0;
    let _ = writeln!(
        body,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{}: {}\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">",
        w.journey,
        escape(name)
    );
    for (i, s) in j.steps.iter().enumerate() {
        let y = 20.0 + i as f64 * ROW;
        let reached = BAR * s.reached as f64 / most;
        let stopped = BAR * s.stopped as f64 / most;
        let label = s.title.as_deref().unwrap_or(&s.step);
        let dropoff = s
            .dropoff
            .map_or(String::new(), |d| format!(" ({}%)", trim_float(d.0)));
        let _ = writeln!(
            body,
            "<text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{label}</text>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{reached:.1}\" height=\"{h}\" fill=\"#1565c0\">\
             <title>{reached_n} {w_reached}</title></rect>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{stopped:.1}\" height=\"{h}\" fill=\"{MISSED}\">\
             <title>{stopped_n} {w_stopped}</title></rect>\
             <text x=\"{vx}\" y=\"{ty}\">{reached_n} · {w_stopped} {stopped_n}{dropoff}</text>",
            lx = LABEL - 8.0,
            ty = y + 14.0,
            label = escape(&crate::escape::fit(label, 52)),
            h = ROW - 8.0,
            reached_n = s.reached,
            stopped_n = s.stopped,
            w_reached = w.reached,
            w_stopped = w.stopped,
            vx = LABEL + BAR + 8.0,
        );
    }
    body.push_str("</svg>\n");
    let _ = writeln!(
        body,
        "<table border=\"1\" cellpadding=\"4\">\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        w.step, w.reached, w.stopped, w.median, w.p90, w.deadline
    );
    for s in &j.steps {
        let _ = writeln!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(s.title.as_deref().unwrap_or(&s.step)),
            s.reached,
            s.stopped,
            escape(s.time.median_text.as_deref().unwrap_or("")),
            escape(s.time.p90_text.as_deref().unwrap_or("")),
            s.on_time
                .as_ref()
                .filter(|k| k.n > 0)
                .map_or(String::new(), |k| {
                    let verdict = if k.ok { w.met } else { w.missed };
                    format!("{}: {}% · {verdict}", k.within, trim_float(k.percent.0))
                }),
        );
    }
    body.push_str("</table>\n");
}
