//! The drawing written as SVG: lanes, stages, phases, touchpoints, lines,
//! labels and steps, and the experience curve in an SVG of its own.

use super::parts;
use super::{draw, measured, Kind, BUDGET, CURVE, EVENT, LINE, SMALL_LINE};
use crate::generate::journey::layered::Rect;
use crate::generate::journey::{end_name, Graph, Node};
use crate::generate::markup::escape;
use crate::generate::words;
use crate::syntax::values::Language;
use std::fmt::Write;

/// The width A4 portrait prints (190 mm at 96 px an inch): a wider map is
/// printed on a landscape page of its own.
const PORTRAIT: i64 = 718;

/// The width A4 landscape prints (277 mm at 96 px an inch).
pub const LANDSCAPE: i64 = 1047;

/// The widest map that prints its least text (11 px) at 8 pt or more when
/// A4 landscape takes it whole: 11 px × 1,047 / 1,079 is 10.67 px, 8 pt.
/// A wider map prints in parts, each a landscape page of whole lanes.
pub const PRINT_MOST: i64 = LANDSCAPE * 11 * 3 / 32;

/// The widest map that is scaled to the screen's 1,060 px: its least text
/// stays 10 px or more. A wider map keeps its size and its figure scrolls
/// sideways (every step is reached with the figure's scrollbar).
pub const SCALED_MOST: i64 = BUDGET * 11 / 10;

/// The map, and beside it the experience curve when any step is measured
/// (its own SVG, so print can leave it out and give the map the page; on a
/// narrow screen it wraps below the map); and, for a map wider than
/// [`PRINT_MOST`], the parts it prints in. A map wider than the page, even
/// drawn its narrowest, is scaled to it up to [`SCALED_MOST`] (both SVGs
/// then take their share of the width in percent); past that it scrolls.
pub fn svg(
    graph: &Graph,
    title: &str,
    language: Language,
) -> (String, Option<String>, Option<String>) {
    let d = draw(graph);
    let curve_width = if measured(graph) { CURVE } else { 0 };
    let customer = d.width - d.gutter - d.placed.width;
    let (width, height) = (d.width, d.placed.height + d.header);
    let total = width + curve_width;
    // A map that fits alone keeps its size (the curve wraps below it).
    let scaled = width > BUDGET && width <= SCALED_MOST;
    let size = |w: i64| {
        if scaled {
            format!("{:.2}%", w as f64 * 100.0 / total as f64)
        } else {
            w.to_string()
        }
    };
    let mut class = String::from("journey-map");
    if width > PORTRAIT {
        class.push_str(" wide");
    }
    // A compact drawing (the last resort to fit) runs its lines closer.
    if d.style.room.is_some() {
        class.push_str(" compact");
    }
    if scaled {
        class.push_str(" scaled");
    } else if width > BUDGET {
        class.push_str(" scrolls");
    }
    if width > PRINT_MOST {
        class.push_str(" in-parts");
    }
    let mut s = String::new();
    if d.placed.simplified {
        let note = words::term(words::Term::SimplifiedDrawing, language);
        let _ = writeln!(s, "<p class=\"diagram-note\">{}</p>", escape(note));
    }
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{class}\" role=\"img\" width=\"{}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"13\">",
        size(width)
    );
    let _ = writeln!(s, "<title>{}</title>", escape(title));
    s.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#444\"/></marker></defs>\n");
    let _ = writeln!(s, "<g transform=\"translate({} 0)\">", d.gutter + customer);
    if customer > 0 {
        let name = parts::customer_word(language);
        let _ = write!(
            s,
            "<rect x=\"{}\" y=\"0\" width=\"{customer}\" height=\"{height}\" fill=\"#fff8c5\" stroke=\"#d0d7de\"/>",
            -customer
        );
        lane_title(&mut s, name, -customer, customer, d.titles_top);
    }
    for (l, lane) in d.placed.lanes.iter().enumerate() {
        let fill = if l % 2 == 0 { "#f6f8fa" } else { "#ffffff" };
        let _ = write!(
            s,
            "<rect x=\"{}\" y=\"0\" width=\"{}\" height=\"{height}\" fill=\"{fill}\" stroke=\"#d0d7de\"/>",
            lane.x, lane.width
        );
        let name = if d.lanes[l].is_empty() {
            parts::no_owner(language)
        } else {
            &d.lanes[l]
        };
        lane_title(&mut s, name, lane.x, lane.width, d.titles_top);
    }
    parts::stages(&mut s, &d, height, language);

    let _ = writeln!(s, "<g transform=\"translate(0 {})\">", d.header);
    parts::phases(&mut s, graph, &d, d.placed.width);
    parts::touchpoints(&mut s, graph, &d, customer, language);
    for (e, path) in d.placed.paths.iter().enumerate() {
        let points: Vec<String> = path.iter().map(|(x, y)| format!("{x},{y}")).collect();
        let tip = d.edges[e]
            .2
            .as_ref()
            .map(|w| format!("<title>{}</title>", escape(w)))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "<polyline class=\"edge\" data-edge=\"{e}\" points=\"{}\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\">{tip}</polyline>",
            points.join(" ")
        );
    }
    for (e, label) in d.labels.iter().enumerate() {
        let Some(label) = label else { continue };
        text_box(&mut s, "label", Some(e), label.rect, &label.lines);
    }
    for (v, kind) in d.kinds.iter().enumerate() {
        let b = d.placed.boxes[v];
        match *kind {
            Kind::Step(i) => step(&mut s, &graph.nodes[i], &d.titles[i], &b, language),
            Kind::Start => {
                let (cx, cy) = b.center();
                let _ = writeln!(
                    s,
                    "<circle class=\"event\" cx=\"{cx}\" cy=\"{cy}\" r=\"{}\" fill=\"#ffffff\" stroke=\"#1a7f37\" stroke-width=\"2\"/>",
                    EVENT / 2
                );
            }
            Kind::End(i) => {
                let (cx, cy) = b.center();
                let outcome = graph.nodes[i].end.as_deref().unwrap_or_default();
                let name = end_name(outcome, language);
                let _ = writeln!(
                    s,
                    "<circle class=\"event\" cx=\"{cx}\" cy=\"{cy}\" r=\"{}\" fill=\"#ffffff\" stroke=\"#1a7f37\" stroke-width=\"4\"><title>{}</title></circle>",
                    EVENT / 2,
                    escape(name)
                );
                if let Some(r) = d.placed.asides[v] {
                    let most = super::outcome_most(d.style, outcome);
                    let (lines, _, _) = super::outcome_text(outcome, Some(language), most);
                    text_box(&mut s, "outcome", None, r, &lines);
                }
            }
        }
    }
    s.push_str("</g>\n</g>\n</svg>\n");
    let lanes = d
        .placed
        .lanes
        .iter()
        .map(|l| d.gutter + customer + l.right());
    let parts = (width > PRINT_MOST).then(|| print_parts(&s, &cuts(lanes, width), height));
    let curve = (curve_width > 0).then(|| {
        let mut c = String::new();
        let _ = writeln!(
            c,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"journey-curve\" role=\"img\" width=\"{}\" height=\"{height}\" viewBox=\"0 0 {CURVE} {height}\" font-family=\"sans-serif\" font-size=\"13\">",
            size(CURVE)
        );
        parts::curve(&mut c, graph, &d, language);
        c.push_str("</svg>\n");
        c
    });
    (s, curve, parts)
}

/// A box of small text (an edge's label, an end event's outcome): its
/// group says its box, and its edge where it labels one.
fn text_box(s: &mut String, class: &str, edge: Option<usize>, r: Rect, lines: &[String]) {
    let edge = edge
        .map(|e| format!(" data-edge=\"{e}\""))
        .unwrap_or_default();
    let _ = write!(
        s,
        "<g class=\"{class}\"{edge} data-x=\"{}\" data-y=\"{}\" data-width=\"{}\" data-height=\"{}\">",
        r.x, r.y, r.width, r.height
    );
    for (k, line) in lines.iter().enumerate() {
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#57606a\">{}</text>",
            r.x + 1,
            r.y + 11 + k as i64 * SMALL_LINE,
            escape(line)
        );
    }
    s.push_str("</g>\n");
}

/// Where a map `width` wide is cut for print: after whole lanes (`ends`:
/// each lane's right edge, left to right), each part at most
/// [`PRINT_MOST`] wide where a lane allows; the parts' (start, width).
pub fn cuts(ends: impl Iterator<Item = i64>, width: i64) -> Vec<(i64, i64)> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut last = 0;
    for end in ends.chain([width]) {
        if end - start > PRINT_MOST && last > start {
            parts.push((start, last - start));
            start = last;
        }
        last = end;
    }
    parts.push((start, width - start));
    parts
}

/// The map's parts for print: each its own SVG showing the map's strip
/// `cuts` through its viewBox, hidden from screen readers and from the
/// screen (the map itself is there), each on a landscape page.
fn print_parts(map: &str, cuts: &[(i64, i64)], height: i64) -> String {
    // The drawing inside the map's root element, its title left out.
    let body = map
        .split_once("</title>")
        .map_or("", |(_, rest)| rest)
        .trim_end()
        .trim_end_matches("</svg>");
    let mut out = String::new();
    for (k, &(x, w)) in cuts.iter().enumerate() {
        // Each part has its own arrowhead: ids are unique in a page.
        let body = body
            .replace("id=\"arrow\"", &format!("id=\"arrow-part{k}\""))
            .replace("url(#arrow)", &format!("url(#arrow-part{k})"));
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"journey-map-part\" aria-hidden=\"true\" width=\"{w}\" height=\"{height}\" viewBox=\"{x} 0 {w} {height}\" font-family=\"sans-serif\" font-size=\"13\">{body}</svg>"
        );
    }
    out
}

/// A lane's title, bold, wrapped to its width; the whole name in a tooltip.
fn lane_title(s: &mut String, name: &str, x: i64, width: i64, top: i64) {
    let _ = write!(s, "<g class=\"lane\"><title>{}</title>", escape(name));
    for (k, line) in parts::lane_title(name, width).iter().enumerate() {
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#24292f\">{}</text>",
            x + width / 2,
            top + 13 + k as i64 * LINE,
            escape(line)
        );
    }
    s.push_str("</g>\n");
}

/// How far above a step's bottom its badge's last baseline stands: the
/// small text's descent (3 px) and the room a card keeps inside its border
/// (4 px); at 5 px the descent touched the border.
const BADGE_ABOVE: i64 = 7;

/// A step's box: its title, and a tooltip with its owner, deadline,
/// channels and description. A back-stage step (no channel) is dashed.
fn step(s: &mut String, node: &Node, lines: &[String], b: &Rect, language: Language) {
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
    let dash = if node.channels.is_empty() {
        " stroke-dasharray=\"6 4\""
    } else {
        ""
    };
    let mut tip = vec![node.label.clone()];
    if !node.owner.is_empty() {
        tip.push(node.owner.clone());
    }
    if let Some(w) = node.within {
        tip.push(match language {
            // Steps run on the wall clock.
            Language::En => format!("within {}", words::limit_kept(w, false, language)),
            Language::Ru => format!("срок: {}", words::limit_kept(w, false, language)),
        });
    }
    if !node.channels.is_empty() {
        tip.push(node.channels.join(", "));
    }
    tip.extend(node.description.clone());
    tip.extend(node.measured.clone());
    let _ = writeln!(
        s,
        "<g class=\"step\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"10\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\"{dash}/>",
        escape(&tip.join("\n")),
        b.x,
        b.y,
        b.width,
        b.height
    );
    let (cx, cy) = b.center();
    // A measured badge takes the box's bottom lines; the title moves up.
    let badge = super::badge_lines(node, b.width);
    let lift = badge.len() as i64 * SMALL_LINE / 2;
    let first = cy - (lines.len() as i64 - 1) * LINE / 2 - lift;
    for (k, line) in badge.iter().enumerate() {
        let _ = writeln!(
            s,
            "<text class=\"measured\" x=\"{cx}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#57606a\">{}</text>",
            b.bottom() - BADGE_ABOVE - (badge.len() - 1 - k) as i64 * SMALL_LINE,
            escape(line)
        );
    }
    for (k, line) in lines.iter().enumerate() {
        let _ = writeln!(
            s,
            "<text x=\"{cx}\" y=\"{}\" text-anchor=\"middle\" dominant-baseline=\"middle\" fill=\"#24292f\">{}</text>",
            first + k as i64 * LINE,
            escape(line)
        );
    }
    s.push_str("</g>\n");
}
