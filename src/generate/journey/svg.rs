//! A journey map as inline SVG for the HTML site: swimlanes per owner, a box
//! per step, arrows labelled with their `when`. No script, no external
//! resource, no `style` attribute (presentation attributes only), so the
//! page's Content-Security-Policy can forbid all of them.

use super::layout::{self, route, Rect, LANE_HEADER};
use super::Graph;
use crate::generate::markup::escape;
use std::fmt::Write;

const LINE_CHARS: usize = 24;
const MAX_LINES: usize = 3;

fn task_box(cell: &Rect) -> Rect {
    Rect::centred(cell.x + 40, cell.center_y(), 220, 80)
}

pub fn svg(graph: &Graph, title: &str, language: crate::syntax::values::Language) -> String {
    let layout = layout::layout(graph);
    let (width, height) = (layout.width, layout.height + 20);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"journey-map\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"13\">"
    );
    let _ = writeln!(s, "<title>{}</title>", escape(title));
    s.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#444\"/></marker></defs>\n");
    for (l, lane) in layout.lanes.iter().enumerate() {
        let a = lane.area;
        let fill = if l % 2 == 0 { "#f6f8fa" } else { "#ffffff" };
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" stroke=\"#d0d7de\"/>",
            a.x, a.y, a.width, a.height
        );
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" transform=\"rotate(-90 {} {})\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#24292f\">{}</text>",
            LANE_HEADER / 2 + 4,
            a.center_y(),
            LANE_HEADER / 2 + 4,
            a.center_y(),
            escape(&shorten(&lane.owner, (a.height / 8).max(8) as usize))
        );
    }
    if let Some(start) = graph.start {
        let cy = layout.cells[start].center_y();
        let circle = Rect::centred(LANE_HEADER + 20, cy, 30, 30);
        let _ = writeln!(
            s,
            "<circle cx=\"{}\" cy=\"{cy}\" r=\"15\" fill=\"#ffffff\" stroke=\"#1a7f37\" stroke-width=\"2\"/>",
            circle.x + 15
        );
        arrow(&mut s, &circle, &task_box(&layout.cells[start]), None);
    }
    for edge in &graph.edges {
        let (from, to) = (
            task_box(&layout.cells[edge.from]),
            task_box(&layout.cells[edge.to]),
        );
        arrow(&mut s, &from, &to, edge.when.as_deref());
    }
    for (i, node) in graph.nodes.iter().enumerate() {
        let cell = layout.cells[i];
        let b = task_box(&cell);
        let stroke = if node.hurts {
            "#b42318"
        } else if node.end.is_some() {
            "#1a7f37"
        } else {
            "#0969da"
        };
        let (fill, width) = if node.hurts {
            ("#fde2e1", 3)
        } else {
            ("#ffffff", 2)
        };
        let _ = writeln!(
            s,
            "<g class=\"step\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"10\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\"/>",
            b.x, b.y, b.width, b.height
        );
        let lines = wrap(&node.label);
        let first = b.center_y() as i64 - (lines.len() as i64 - 1) * 8;
        for (k, line) in lines.iter().enumerate() {
            let _ = writeln!(
                s,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" dominant-baseline=\"middle\" fill=\"#24292f\">{}</text>",
                b.x + b.width / 2,
                first + k as i64 * 16,
                escape(line)
            );
        }
        s.push_str("</g>\n");
        if let Some(outcome) = &node.end {
            let end = Rect::centred(cell.x + 300, cell.center_y(), 30, 30);
            arrow(&mut s, &b, &end, None);
            let _ = writeln!(
                s,
                "<circle cx=\"{}\" cy=\"{}\" r=\"15\" fill=\"#ffffff\" stroke=\"#1a7f37\" stroke-width=\"4\"><title>{}</title></circle>",
                end.x + 15,
                end.center_y(),
                escape(if outcome.is_empty() {
                    match language {
                        crate::syntax::values::Language::En => "End",
                        crate::syntax::values::Language::Ru => "Завершение",
                    }
                } else {
                    outcome
                })
            );
        }
    }
    s.push_str("</svg>\n");
    s
}

fn arrow(s: &mut String, from: &Rect, to: &Rect, label: Option<&str>) {
    let points = route(from, to);
    let list: Vec<String> = points.iter().map(|(x, y)| format!("{x},{y}")).collect();
    let _ = writeln!(
        s,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>",
        list.join(" ")
    );
    if let (Some(label), Some(&(x, y))) = (label, points.iter().rev().nth(1)) {
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"11\" fill=\"#57606a\">{}</text>",
            x.max(10) - 4,
            y.saturating_sub(6),
            escape(&shorten(label, 30))
        );
    }
}

/// Up to three lines of about 24 characters, broken at spaces.
fn wrap(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > LINE_CHARS {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        lines[MAX_LINES - 1].push('…');
    }
    lines
        .into_iter()
        .map(|l| shorten(&l, LINE_CHARS + 6))
        .collect()
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::journey::{Edge, Node};
    use crate::syntax::values::Language;

    #[test]
    fn an_end_without_an_outcome_is_still_named() {
        let graph = Graph {
            title: "J".into(),
            nodes: vec![Node {
                label: "Step".into(),
                owner: String::new(),
                end: Some(String::new()),
                hurts: false,
            }],
            edges: Vec::<Edge>::new(),
            start: Some(0),
        };
        assert!(svg(&graph, "J", Language::En).contains("<title>End</title>"));
        assert!(!svg(&graph, "J", Language::Ru).contains("<title></title>"));
    }

    #[test]
    fn long_labels_wrap_into_three_lines_at_most() {
        assert_eq!(
            wrap("Designer measures the room"),
            ["Designer measures the", "room"]
        );
        let long = "word ".repeat(40);
        let lines = wrap(&long);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
        assert_eq!(wrap(&"x".repeat(100))[0].chars().count(), LINE_CHARS + 6);
    }
}
