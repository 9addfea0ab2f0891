//! A journey map as inline SVG for the HTML site, drawn as a service
//! blueprint: the journey flows down the page; the lanes of the front stage
//! (steps the customer takes part in, through a channel) stand left of the
//! line of visibility, those of the back stage right of it, one per owner,
//! titled at the top (wrapped, never cut); a box per step, arrows labelled
//! with their `when`; beside it the experience curve, the measured
//! satisfaction and effort of each step, with the steps that hurt in red.
//! The layout is [`layered`]; labels go where they overlap no step, no
//! other label and no line. No script, no external resource, no `style` attribute
//! (presentation attributes only), so the page's Content-Security-Policy can
//! forbid all of them.

use super::layered::{self, Input, Orientation, Placed, Rect, Shape};
use super::Graph;
use crate::generate::markup::escape;
use crate::generate::words;
use crate::syntax::values::Language;
use std::fmt::Write;

const STEP: (i64, i64) = (64, 124);
const EVENT: i64 = 30;
const LINE_CHARS: usize = 16;
const MAX_LINES: usize = 3;
/// An edge label's text: 11 px, up to 7 px a character.
const LABEL_CHAR: i64 = 7;
const LABEL_HEIGHT: i64 = 15;
/// The row naming the stages above the lane titles.
const STAGE_ROW: i64 = 22;
/// The customer's lane and the size of a touchpoint in it.
const CUSTOMER: i64 = 96;
const TOUCHPOINT: (i64, i64) = (84, 18);
/// The strip on the left that names the phases.
const PHASE_GUTTER: i64 = 24;
/// The experience curve's column: its width and its scale's ends.
const CURVE: i64 = 150;

/// What a node of the drawing is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Step(usize),
    Start,
    End(usize),
}

/// The map before it is written: where everything is. The tests measure it.
pub struct Drawing {
    pub kinds: Vec<Kind>,
    pub edges: Vec<(usize, usize, Option<String>)>,
    pub placed: Placed,
    /// Each placed label: its box and text.
    pub labels: Vec<(Rect, String)>,
    pub lanes: Vec<String>,
    /// Whether each lane is front stage (the customer takes part).
    pub front: Vec<bool>,
    /// The lane of each node.
    pub lane_of: Vec<usize>,
    /// Height of the lane titles above the map.
    pub header: i64,
}

pub fn draw(graph: &Graph) -> Drawing {
    // A lane per owner and stage, front stage first: the steps with a
    // channel are where the customer is.
    let (keys, first_seen) = graph.lanes_by(|n| (n.channels.is_empty(), n.owner.clone()));
    let mut lane_order: Vec<usize> = (0..keys.len()).collect();
    lane_order.sort_by_key(|&l| keys[l].0);
    let mut rank = vec![0; keys.len()];
    for (new, &old) in lane_order.iter().enumerate() {
        rank[old] = new;
    }
    let lane_of: Vec<usize> = first_seen.iter().map(|&l| rank[l]).collect();
    let lane_names: Vec<String> = lane_order.iter().map(|&l| keys[l].1.clone()).collect();
    let front: Vec<bool> = lane_order.iter().map(|&l| !keys[l].0).collect();
    let mut kinds: Vec<Kind> = (0..graph.nodes.len()).map(Kind::Step).collect();
    let mut shapes: Vec<Shape> = (0..graph.nodes.len())
        .map(|i| Shape {
            lane: lane_of[i],
            main: STEP.0,
            cross: STEP.1,
        })
        .collect();
    let mut edges: Vec<(usize, usize, Option<String>)> = graph
        .edges
        .iter()
        .map(|e| (e.from, e.to, e.when.clone()))
        .collect();
    let event = |lane| Shape {
        lane,
        main: EVENT,
        cross: EVENT,
    };
    let root = graph.start.map(|s| {
        kinds.push(Kind::Start);
        shapes.push(event(lane_of[s]));
        edges.push((kinds.len() - 1, s, None));
        kinds.len() - 1
    });
    for (i, node) in graph.nodes.iter().enumerate() {
        if node.end.is_some() {
            kinds.push(Kind::End(i));
            shapes.push(event(lane_of[i]));
            edges.push((i, kinds.len() - 1, None));
        }
    }
    let node_lanes: Vec<usize> = shapes.iter().map(|s| s.lane).collect();
    let placed = layered::layout(
        &Input {
            shapes,
            edges: edges.iter().map(|&(a, b, _)| (a, b)).collect(),
            lanes: lane_names.len(),
            root,
        },
        Orientation::TopDown,
    );
    let whens: Vec<Option<&str>> = edges.iter().map(|e| e.2.as_deref()).collect();
    let labels = layered::place_labels(&placed, &whens, LABEL_CHAR, LABEL_HEIGHT, &[])
        .into_iter()
        .flatten()
        .collect();
    let header = lane_names
        .iter()
        .map(|n| wrap(n, LINE_CHARS).len() as i64)
        .max()
        .unwrap_or(1)
        * 16
        + 16
        + STAGE_ROW;
    Drawing {
        kinds,
        edges,
        placed,
        labels,
        lanes: lane_names,
        front,
        lane_of: node_lanes,
        header,
    }
}

/// The map, and beside it the experience curve when any step is measured
/// (its own SVG, so print can leave it out and give the map the page).
pub fn svg(graph: &Graph, title: &str, language: Language) -> (String, Option<String>) {
    let d = draw(graph);
    let label_right = d
        .labels
        .iter()
        .map(|(r, _)| r.right() + 4)
        .max()
        .unwrap_or(0);
    let map_width = d.placed.width.max(label_right).max(200);
    let measured = graph
        .nodes
        .iter()
        .any(|n| n.csat.is_some() || n.effort.is_some());
    // Phases are bands across the map, titled in a strip on the left.
    let gutter = if graph.phases.is_empty() {
        0
    } else {
        PHASE_GUTTER
    };
    // The customer's own lane, left of the front stage: at each step the
    // customer takes part in, the channels they use.
    let customer = if graph.nodes.iter().any(|n| !n.channels.is_empty()) {
        CUSTOMER
    } else {
        0
    };
    let (width, height) = (map_width + gutter + customer, d.placed.height + d.header);
    let mut s = String::new();
    if d.placed.simplified {
        let note = words::term(words::Term::SimplifiedDrawing, language);
        let _ = writeln!(s, "<p class=\"diagram-note\">{}</p>", escape(note));
    }
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"journey-map\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"13\">"
    );
    let _ = writeln!(s, "<title>{}</title>", escape(title));
    s.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#444\"/></marker></defs>\n");
    let _ = writeln!(s, "<g transform=\"translate({} 0)\">", gutter + customer);
    if customer > 0 {
        let name = match language {
            Language::En => "Customer",
            Language::Ru => "Клиент",
        };
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"0\" width=\"{customer}\" height=\"{height}\" fill=\"#fff8c5\" stroke=\"#d0d7de\"/><g class=\"lane\"><title>{}</title><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#24292f\">{}</text></g>",
            -customer,
            escape(name),
            -customer / 2,
            STAGE_ROW + 20,
            escape(name)
        );
    }
    for (l, lane) in d.placed.lanes.iter().enumerate() {
        let fill = if l % 2 == 0 { "#f6f8fa" } else { "#ffffff" };
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"0\" width=\"{}\" height=\"{height}\" fill=\"{fill}\" stroke=\"#d0d7de\"/>",
            lane.x, lane.width
        );
        let name = if d.lanes[l].is_empty() {
            match language {
                Language::En => "No owner",
                Language::Ru => "Без ответственного",
            }
        } else {
            &d.lanes[l]
        };
        let chars = ((lane.width - 8) / 8).max(6) as usize;
        let _ = write!(s, "<g class=\"lane\"><title>{}</title>", escape(name));
        for (k, line) in wrap(name, chars).iter().enumerate() {
            let _ = write!(
                s,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#24292f\">{}</text>",
                lane.x + lane.width / 2,
                STAGE_ROW + 20 + k as i64 * 16,
                escape(line)
            );
        }
        s.push_str("</g>\n");
    }
    stages(&mut s, &d, height, language);

    let _ = writeln!(s, "<g transform=\"translate(0 {})\">", d.header);
    phases(&mut s, graph, &d, map_width, gutter, customer);
    touchpoints(&mut s, graph, &d, customer);
    for (e, path) in d.placed.paths.iter().enumerate() {
        let points: Vec<String> = path.iter().map(|(x, y)| format!("{x},{y}")).collect();
        let tip = d.edges[e]
            .2
            .as_ref()
            .map(|w| format!("<title>{}</title>", escape(w)))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\">{tip}</polyline>",
            points.join(" ")
        );
    }
    for (r, text) in &d.labels {
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#57606a\">{}</text>",
            r.x + 3,
            r.y + LABEL_HEIGHT - 4,
            escape(text)
        );
    }
    for (v, kind) in d.kinds.iter().enumerate() {
        let b = d.placed.boxes[v];
        match *kind {
            Kind::Step(i) => step(&mut s, &graph.nodes[i], &b, language),
            Kind::Start => {
                let (cx, cy) = b.center();
                let _ = writeln!(
                    s,
                    "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{}\" fill=\"#ffffff\" stroke=\"#1a7f37\" stroke-width=\"2\"/>",
                    EVENT / 2
                );
            }
            Kind::End(i) => {
                let (cx, cy) = b.center();
                let outcome = graph.nodes[i].end.as_deref().unwrap_or_default();
                let name = if outcome.is_empty() {
                    match language {
                        Language::En => "End",
                        Language::Ru => "Завершение",
                    }
                } else {
                    outcome
                };
                let _ = writeln!(
                    s,
                    "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{}\" fill=\"#ffffff\" stroke=\"#1a7f37\" stroke-width=\"4\"><title>{}</title></circle>",
                    EVENT / 2,
                    escape(name)
                );
            }
        }
    }
    s.push_str("</g>\n</g>\n</svg>\n");
    let curve = measured.then(|| {
        let mut c = String::new();
        let _ = writeln!(
            c,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"journey-curve\" role=\"img\" width=\"{CURVE}\" height=\"{height}\" viewBox=\"0 0 {CURVE} {height}\" font-family=\"sans-serif\" font-size=\"13\">"
        );
        curve(&mut c, graph, &d, language);
        c.push_str("</svg>\n");
        c
    });
    (s, curve)
}

/// In the customer's lane, level with each step the customer takes part
/// in, the channels they use there; steps side by side share the row.
fn touchpoints(s: &mut String, graph: &Graph, d: &Drawing, customer: i64) {
    if customer == 0 {
        return;
    }
    let mut rows: std::collections::BTreeMap<i64, Vec<usize>> = std::collections::BTreeMap::new();
    for (v, kind) in d.kinds.iter().enumerate() {
        if let Kind::Step(i) = *kind {
            if !graph.nodes[i].channels.is_empty() {
                rows.entry(d.placed.boxes[v].center().1)
                    .or_default()
                    .push(i);
            }
        }
    }
    let (w, h) = TOUCHPOINT;
    for (y, steps) in rows {
        let shown = steps.len().min(3);
        for (k, &i) in steps.iter().take(shown).enumerate() {
            let node = &graph.nodes[i];
            let top = y - (shown as i64 * (h + 2)) / 2 + k as i64 * (h + 2);
            let left = -customer + (customer - w) / 2;
            let more = k + 1 == shown && steps.len() > shown;
            // An icon per channel (three at most), then the first one's name.
            let icons: Vec<_> = node.channel_kinds.iter().take(3).collect();
            let mut glyphs = String::new();
            if !more {
                for (n, kind) in icons.iter().enumerate() {
                    glyphs.push_str(&icon(**kind, left + 5 + n as i64 * 14, top + 3));
                }
            }
            let text = if more {
                format!("+{} more", steps.len() - shown + 1)
            } else {
                node.channels.first().cloned().unwrap_or_default()
            };
            let text_left = if more {
                left + 6
            } else {
                left + 7 + icons.len() as i64 * 14
            };
            let room = ((left + w - text_left - 4) / 6).max(3) as usize;
            let _ = writeln!(
                s,
                "<g class=\"touchpoint\"><title>{}: {}</title><rect x=\"{left}\" y=\"{top}\" width=\"{w}\" height=\"{h}\" rx=\"9\" fill=\"#ffffff\" stroke=\"#bf8700\"/>{glyphs}<text x=\"{text_left}\" y=\"{}\" font-size=\"11\" fill=\"#24292f\">{}</text></g>",
                escape(&node.label),
                escape(&node.channels.join(", ")),
                top + h - 5,
                escape(&shorten(&text, room))
            );
        }
    }
}

/// A 12-px icon of a channel's kind, drawn with shapes (no font, no file).
fn icon(kind: Option<crate::syntax::values::ChannelKind>, x: i64, y: i64) -> String {
    use crate::syntax::values::ChannelKind as K;
    let stroke = "fill=\"none\" stroke=\"#9a6700\" stroke-width=\"1.3\"";
    let shape = match kind {
        // A handset seen from the front.
        Some(K::Phone) => format!("<rect x=\"{}\" y=\"{y}\" width=\"7\" height=\"12\" rx=\"1.5\" {stroke}/><line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {stroke}/>", x + 2, x + 4, y + 10, x + 7, y + 10),
        // A speech bubble.
        Some(K::Chat) | Some(K::Messenger) => format!("<path d=\"M {x} {y} h12 v8 h-7 l-3 3 v-3 h-2 z\" {stroke}/>"),
        // An envelope.
        Some(K::Email) => format!("<rect x=\"{x}\" y=\"{}\" width=\"12\" height=\"9\" {stroke}/><path d=\"M {x} {} l6 5 l6 -5\" {stroke}/>", y + 1, y + 1),
        // Three people connected.
        Some(K::Social) => format!("<circle cx=\"{}\" cy=\"{}\" r=\"2\" {stroke}/><circle cx=\"{}\" cy=\"{}\" r=\"2\" {stroke}/><circle cx=\"{}\" cy=\"{}\" r=\"2\" {stroke}/><path d=\"M {} {} L {} {} L {} {}\" {stroke}/>", x + 2, y + 6, x + 10, y + 2, x + 10, y + 10, x + 10, y + 2, x + 2, y + 6, x + 10, y + 10),
        // A screen on a stand.
        Some(K::Portal) => format!("<rect x=\"{x}\" y=\"{y}\" width=\"12\" height=\"8\" {stroke}/><path d=\"M {} {} v3 M {} {} h6\" {stroke}/>", x + 6, y + 8, x + 3, y + 11),
        // A building with a door.
        Some(K::Office) => format!("<path d=\"M {x} {} L {} {y} L {} {} V {} H {x} Z M {} {} v-4 h3 v4\" {stroke}/>", y + 5, x + 6, x + 12, y + 5, y + 12, x + 5, y + 12),
        // A map pin.
        Some(K::Field) => format!("<path d=\"M {} {} l-4 -6 a4.5 4.5 0 1 1 8 0 z\" {stroke}/>", x + 6, y + 12),
        None => format!("<circle cx=\"{}\" cy=\"{}\" r=\"4\" {stroke}/>", x + 6, y + 6),
    };
    format!("<g class=\"icon\">{shape}</g>")
}

/// Each phase as a band across the map, from its first step to its last,
/// titled along the left strip.
fn phases(s: &mut String, graph: &Graph, d: &Drawing, width: i64, gutter: i64, customer: i64) {
    for (title, steps) in &graph.phases {
        let ys = d.kinds.iter().enumerate().filter_map(|(v, k)| match k {
            Kind::Step(i) if steps.contains(i) => Some(d.placed.boxes[v]),
            _ => None,
        });
        let (top, bottom) = ys.fold((i64::MAX, i64::MIN), |(t, b), r| {
            (t.min(r.y), b.max(r.bottom()))
        });
        if top > bottom {
            continue;
        }
        let (top, bottom) = (top - 10, bottom + 10);
        let chars = ((bottom - top) / 8).max(4) as usize;
        let _ = writeln!(
            s,
            "<g class=\"phase\"><title>{}</title><rect x=\"{}\" y=\"{top}\" width=\"{}\" height=\"{}\" fill=\"#8250df\" fill-opacity=\"0.06\" stroke=\"#8250df\" stroke-opacity=\"0.35\"/><text x=\"{x}\" y=\"{y}\" transform=\"rotate(-90 {x} {y})\" text-anchor=\"middle\" dominant-baseline=\"middle\" font-size=\"12\" font-weight=\"bold\" fill=\"#6639ba\">{}</text></g>",
            escape(title),
            -gutter - customer,
            width + gutter + customer,
            bottom - top,
            escape(&shorten(title, chars)),
            x = -customer - gutter / 2,
            y = (top + bottom) / 2,
        );
    }
}

/// The stage names above the lanes, and the line of visibility between
/// the front stage and the back stage.
fn stages(s: &mut String, d: &Drawing, height: i64, language: Language) {
    let (front, back, line) = match language {
        Language::En => (
            "Front stage",
            "Back stage",
            "Line of visibility: the customer sees the front stage, not the back stage",
        ),
        Language::Ru => (
            "На виду у клиента",
            "За кулисами",
            "Линия видимости: клиент видит то, что слева, и не видит того, что справа",
        ),
    };
    let lanes = &d.placed.lanes;
    for (is_front, text) in [(true, front), (false, back)] {
        let band: Vec<&Rect> = lanes
            .iter()
            .zip(&d.front)
            .filter(|(_, f)| **f == is_front)
            .map(|(l, _)| l)
            .collect();
        let (Some(first), Some(last)) = (band.first(), band.last()) else {
            continue;
        };
        let (x0, x1) = (first.x, last.right());
        let chars = ((x1 - x0 - 8) / 7).max(4) as usize;
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"15\" text-anchor=\"middle\" font-size=\"12\" font-style=\"italic\" fill=\"#57606a\">{}</text>",
            (x0 + x1) / 2,
            escape(&shorten(text, chars))
        );
    }
    if let Some(split) = d.front.iter().position(|f| !f).filter(|&i| i > 0) {
        let x = lanes[split].x;
        let _ = writeln!(
            s,
            "<line class=\"visibility\" x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"{height}\" stroke=\"#cf222e\" stroke-width=\"2\" stroke-dasharray=\"8 5\"><title>{}</title></line>",
            escape(line)
        );
    }
}

/// The experience curve: beside each step that has them, its satisfaction
/// (1..5) and its ease (6 − effort, so higher is better on both lines),
/// joined down the journey; a step that hurts is marked red.
fn curve(s: &mut String, graph: &Graph, d: &Drawing, language: Language) {
    let (title, csat_name, ease_name) = match language {
        Language::En => ("Experience (1–5)", "satisfaction", "ease: 6 − effort"),
        Language::Ru => (
            "Впечатление (1–5)",
            "удовлетворённость",
            "лёгкость: 6 − усилие",
        ),
    };
    let (x0, x1) = (20, CURVE - 20);
    let at = |value: f64| x0 + ((value.clamp(1.0, 5.0) - 1.0) / 4.0 * (x1 - x0) as f64) as i64;
    let _ = writeln!(
        s,
        "<title>{}</title><g class=\"experience\"><text x=\"{}\" y=\"15\" text-anchor=\"middle\" font-size=\"12\" font-style=\"italic\" fill=\"#57606a\">{}</text>",
        escape(title),
        (x0 + x1) / 2,
        escape(title)
    );
    let _ = writeln!(
        s,
        "<text x=\"{x0}\" y=\"{}\" font-size=\"11\" fill=\"#0969da\">● {}</text><text x=\"{x0}\" y=\"{}\" font-size=\"11\" fill=\"#9a6700\">◆ {}</text>",
        STAGE_ROW + 8,
        escape(csat_name),
        STAGE_ROW + 21,
        escape(ease_name)
    );
    let top = d.header;
    for (x, tick) in [(x0, "1"), (x1, "5")] {
        let _ = write!(
            s,
            "<text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#57606a\">{tick}</text>",
            top - 4
        );
    }
    let _ = writeln!(
        s,
        "<line x1=\"{x0}\" y1=\"{top}\" x2=\"{x0}\" y2=\"{}\" stroke=\"#d0d7de\"/><line x1=\"{x1}\" y1=\"{top}\" x2=\"{x1}\" y2=\"{}\" stroke=\"#d0d7de\"/>",
        top + d.placed.height,
        top + d.placed.height
    );
    // Steps down the page, each at the height of its box.
    let mut steps: Vec<(i64, usize)> = d
        .kinds
        .iter()
        .enumerate()
        .filter_map(|(v, k)| match k {
            Kind::Step(i) => Some((d.placed.boxes[v].center().1 + top, *i)),
            _ => None,
        })
        .collect();
    steps.sort();
    type Measure = fn(&super::Node) -> Option<f64>;
    let series: [(&str, Measure); 2] = [
        ("#0969da", |n| n.csat),
        ("#9a6700", |n| n.effort.map(|e| 6.0 - e)),
    ];
    for (color, value) in series {
        let points: Vec<String> = steps
            .iter()
            .filter_map(|&(y, i)| value(&graph.nodes[i]).map(|v| format!("{},{y}", at(v))))
            .collect();
        if points.len() > 1 {
            let _ = writeln!(
                s,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>",
                points.join(" ")
            );
        }
        for &(y, i) in &steps {
            let node = &graph.nodes[i];
            if let Some(v) = value(node) {
                let (fill, r) = if node.hurts {
                    ("#b42318", 6)
                } else {
                    (color, 4)
                };
                let _ = writeln!(
                    s,
                    "<circle cx=\"{}\" cy=\"{y}\" r=\"{r}\" fill=\"{fill}\"><title>{}: {v:.1}</title></circle>",
                    at(v),
                    escape(&node.label)
                );
            }
        }
    }
    s.push_str("</g>\n");
}

/// A step's box: its title, and a tooltip with its owner, deadline,
/// channels and description.
fn step(s: &mut String, node: &super::Node, b: &Rect, language: Language) {
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
    let mut tip = vec![node.label.clone()];
    if !node.owner.is_empty() {
        tip.push(node.owner.clone());
    }
    if let Some(w) = node.within {
        tip.push(match language {
            // Steps run on the wall clock.
            Language::En => format!("within {}", words::limit(w, false, language)),
            Language::Ru => format!("срок: {}", words::limit(w, false, language)),
        });
    }
    if !node.channels.is_empty() {
        tip.push(node.channels.join(", "));
    }
    tip.extend(node.description.clone());
    tip.extend(node.measured.clone());
    let _ = writeln!(
        s,
        "<g class=\"step\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"10\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\"/>",
        escape(&tip.join("\n")),
        b.x,
        b.y,
        b.width,
        b.height
    );
    let lines = wrap(&node.label, LINE_CHARS);
    let (cx, cy) = b.center();
    // A measured badge takes the box's bottom line; the label moves up.
    let lift = if node.badge.is_some() { 6 } else { 0 };
    let first = cy - (lines.len() as i64 - 1) * 8 - lift;
    if let Some(badge) = &node.badge {
        let _ = writeln!(
            s,
            "<text class=\"measured\" x=\"{cx}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#57606a\">{}</text>",
            b.y + b.height - 5,
            escape(&shorten(badge, 22))
        );
    }
    for (k, line) in lines.iter().enumerate() {
        let _ = writeln!(
            s,
            "<text x=\"{cx}\" y=\"{}\" text-anchor=\"middle\" dominant-baseline=\"middle\" fill=\"#24292f\">{}</text>",
            first + k as i64 * 16,
            escape(line)
        );
    }
    s.push_str("</g>\n");
}

/// Up to three lines of about `width` characters, broken at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
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
    lines.into_iter().map(|l| shorten(&l, width + 2)).collect()
}

fn shorten(text: &str, max: usize) -> String {
    crate::escape::fit(text, max).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each kind of channel has its own icon, drawn with shapes only.
    #[test]
    fn every_channel_kind_has_its_own_icon() {
        use crate::syntax::values::ChannelKind as K;
        let kinds = [
            K::Phone,
            K::Chat,
            K::Email,
            K::Social,
            K::Portal,
            K::Office,
            K::Field,
        ];
        let icons: std::collections::BTreeSet<String> =
            kinds.iter().map(|&k| icon(Some(k), 0, 0)).collect();
        assert_eq!(icons.len(), kinds.len());
        for i in &icons {
            assert!(
                i.starts_with("<g class=\"icon\">") && !i.contains("<text"),
                "{i}"
            );
        }
        assert_eq!(icon(Some(K::Messenger), 0, 0), icon(Some(K::Chat), 0, 0));
    }

    #[test]
    fn long_labels_wrap_into_three_lines_at_most() {
        assert_eq!(
            wrap("Designer measures the room", LINE_CHARS),
            ["Designer", "measures the", "room"]
        );
        let long = "word ".repeat(40);
        let lines = wrap(&long, LINE_CHARS);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
        assert_eq!(
            wrap(&"x".repeat(100), LINE_CHARS)[0].chars().count(),
            LINE_CHARS + 2
        );
    }
}
