//! A journey map as inline SVG for the HTML site, drawn as a service
//! blueprint: the journey flows down the page; the lanes of the front stage
//! (steps the customer takes part in, through a channel) stand left of the
//! line of visibility, those of the back stage right of it, one per owner,
//! titled at the top; a box per step, arrows labelled with their `when`;
//! phases as bands across the map; beside it the experience curve, the
//! measured satisfaction and effort of each step, with the steps that hurt
//! in red. No script, no external resource, no `style` attribute
//! (presentation attributes only), so the page's Content-Security-Policy
//! can forbid all of them.
//!
//! Every text is measured with the fonts' own widths ([`metrics`]) and
//! wrapped, never cut. The layout is [`layered`], labels included, and is
//! made to fit [`BUDGET`]: if the roomiest drawing is wider, step boxes get
//! narrower, then each owner's front- and back-stage lanes become one
//! (the stage is then told by the box: solid seen, dashed behind), then
//! each lane takes one step per layer, then the drawing turns compact:
//! every lane as narrow as a step (down to 62 px, titles wrapped and long
//! words hyphenated), lines and labels passing through whichever lane has
//! room in their layer. Ten owners fit so. What is still wider is scaled
//! to the page (the figure says so with its class).

mod parts;
mod words;
mod write;

pub use words::{CUSTOMER_MOST, TITLE_MOST};

pub use write::{cuts, svg, LANDSCAPE, PRINT_MOST, SCALED_MOST};

use super::layered::{self, Input, Orientation, Placed, Rect, Shape};
use super::metrics::{self, Face};
use super::Graph;
use crate::syntax::values::Language;

/// The widest map, customer lane and phase titles included, that a 1,280-px
/// screen shows in full beside nothing, and A4 landscape prints at 8 pt or
/// more (11 px text at 97 %).
pub const BUDGET: i64 = 1060;
/// Map text: step titles 13 px, labels and channels 11 px (the least).
const TEXT: f64 = 13.0;
const SMALL: f64 = 11.0;
const LINE: i64 = 16;
const SMALL_LINE: i64 = 14;
const STEP_HEIGHT: i64 = 64;
const EVENT: i64 = 30;
/// The strip on the left that names the phases: two lines of 12-px text.
const PHASE_LINE: i64 = 15;
const PHASE_LINES: usize = 2;
/// How far a phase's band reaches past its steps (less than half the
/// least gap between layers, so bands never meet).
const BAND_PAD: i64 = 14;
/// The experience curve's column.
const CURVE: i64 = 150;

/// How roomy a drawing is: the steps' width, the labels' greatest width,
/// whether an owner's two stages share a lane, the customer's lane, and
/// whether it is compact: one step per layer and lane, every step `room`
/// wide, lines and labels through any lane with room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub step: i64,
    pub label: i64,
    pub merged: bool,
    pub customer: i64,
    pub room: Option<i64>,
    /// Every step on a row of its own, across all lanes: the last resort,
    /// for maps whose rows hold more lines and labels than their lanes
    /// have room for (generated journeys of 36 steps in 9 lanes were
    /// drawn 1,226 and 1,276 px wide and scrolled).
    pub alone: bool,
}

impl Style {
    const fn roomy(step: i64, label: i64, merged: bool, customer: i64) -> Style {
        Style {
            step,
            label,
            merged,
            customer,
            room: None,
            alone: false,
        }
    }
    /// A compact style whose lanes hold `room` px each (steps as wide,
    /// labels beside their line within it).
    const fn compact(room: i64, customer: i64) -> Style {
        Style::tight(room, customer, room - layered::BESIDE - 2)
    }
    /// A compact style whose labels wrap to `label` px.
    const fn tight(room: i64, customer: i64, label: i64) -> Style {
        Style {
            step: room,
            label,
            merged: true,
            customer,
            room: Some(room),
            alone: false,
        }
    }
    /// The tightest style, every step on a row of its own.
    const fn alone(room: i64, customer: i64, label: i64) -> Style {
        Style {
            alone: true,
            ..Style::tight(room, customer, label)
        }
    }
}

/// From the roomiest to the most compact. Ten owners' lanes of the last
/// fit the budget with a phase strip and the customer's lane beside them
/// (10 × (62 + 20) + 38 + 70).
const STYLES: [Style; 12] = [
    Style::roomy(124, 150, false, 96),
    Style::roomy(100, 120, false, 88),
    Style::roomy(100, 110, true, 88),
    Style::roomy(78, 90, true, 76),
    Style::compact(96, 76),
    Style::compact(86, 76),
    Style::compact(78, 76),
    Style::compact(70, 72),
    Style::compact(62, 70),
    Style::tight(62, 70, 44),
    Style::tight(62, 70, 34),
    Style::alone(62, 70, 34),
];

/// Steps and edges past which only the narrowest style is tried.
const LARGE: usize = 400;

/// What a node of the drawing is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Step(usize),
    Start,
    End(usize),
}

/// Where a band starts and ends along the map.
pub type Extent = (i64, i64);

/// A text's lines and the box they are drawn in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub rect: Rect,
    pub lines: Vec<String>,
}

/// The map before it is written: where everything is. The tests measure it.
pub struct Drawing {
    pub style: Style,
    pub kinds: Vec<Kind>,
    pub edges: Vec<(usize, usize, Option<String>)>,
    pub placed: Placed,
    /// Each edge's label (a self-loop's too), in map coordinates.
    pub labels: Vec<Option<Text>>,
    /// Each step's title lines.
    pub titles: Vec<Vec<String>>,
    pub lanes: Vec<String>,
    /// Whether each lane is front stage (the customer takes part); in a
    /// merged drawing, whether any of its steps is.
    pub front: Vec<bool>,
    /// The lane of each node.
    pub lane_of: Vec<usize>,
    /// Each phase band: its phase (None between phases) and extent.
    pub bands: Vec<(Option<usize>, Option<Extent>)>,
    /// The phase strip's width (0 without phases).
    pub gutter: i64,
    /// Where the lane titles start, below the stage names.
    pub titles_top: i64,
    /// Height of the stage names and lane titles above the map.
    pub header: i64,
    /// The whole map's width: phase strip, customer lane and lanes.
    pub width: i64,
}

/// The drawing of `graph` in the roomiest style that fits the budget (with
/// the experience curve beside it, when there is one), else the narrowest.
pub fn draw(graph: &Graph) -> Drawing {
    let curve = if measured(graph) { CURVE } else { 0 };
    // A journey too big to fit anyway is drawn once, narrowest (its steps
    // sharing rows: on rows of their own, the rows multiply the lines):
    // each try is a whole layout.
    let styles = if graph.nodes.len() + graph.edges.len() > LARGE {
        &STYLES[STYLES.len() - 2..STYLES.len() - 1]
    } else {
        &STYLES[..]
    };
    let mut alone: Option<Drawing> = None;
    let mut best: Option<Drawing> = None;
    // Each style first with the customer's lane wide enough for every word
    // of its chips, where that is wider, then for its title ("Customer"),
    // then as it is: a map too wide for the budget even so breaks the
    // title rather than print in parts (the ten owners' map).
    let words = words::customer_for_words(graph);
    let tries = styles.iter().flat_map(|&style| {
        let titled = Style {
            customer: style.customer.max(words::customer_title()),
            ..style
        };
        let wide = Style {
            customer: titled.customer.max(words),
            ..style
        };
        let mut tries = vec![wide];
        for next in [titled, style] {
            if tries.last() != Some(&next) {
                tries.push(next);
            }
        }
        tries
    });
    for style in tries {
        let mut d = draw_in(graph, style, &[], style.customer);
        // Chips stacked on a row name their steps in bold: the lane widens
        // for those names' words too where the map still fits (the bank's
        // "Согласова" / "ние новой даты доставки").
        let names = words::customer_for_names(graph, &d);
        if names > d.style.customer {
            let wider = draw_in(
                graph,
                Style {
                    customer: names,
                    ..style
                },
                &[],
                names,
            );
            if wider.width + curve <= BUDGET {
                d = wider;
            }
        }
        if d.width + curve <= BUDGET {
            // Lanes too narrow for a word of their title widen, as far
            // as the budget has room.
            return words::widen_lanes(graph, d, BUDGET - curve);
        }
        if alone.is_none() && d.width <= BUDGET {
            alone = Some(d);
        } else if best.as_ref().is_none_or(|b| d.width < b.width) {
            best = Some(d);
        }
    }
    // A map that fits only without the curve has the curve below it.
    alone.or(best).expect("a style was tried")
}

fn measured(graph: &Graph) -> bool {
    graph
        .nodes
        .iter()
        .any(|n| n.csat.is_some() || n.effort.is_some())
}

/// A lane per owner and stage, front stage first (merged: a lane per owner,
/// owners seen only front stage first, then both, then only back stage).
fn lanes(graph: &Graph, merged: bool) -> (Vec<String>, Vec<bool>, Vec<usize>) {
    let (keys, first_seen) = graph.lanes_by(|n| {
        let stage = if merged {
            None
        } else {
            Some(n.channels.is_empty())
        };
        (stage, n.owner.clone())
    });
    let mut front = vec![false; keys.len()];
    let mut back = vec![false; keys.len()];
    for (i, node) in graph.nodes.iter().enumerate() {
        if node.channels.is_empty() {
            back[first_seen[i]] = true;
        } else {
            front[first_seen[i]] = true;
        }
    }
    let rank = |l: usize| match (front[l], back[l]) {
        (true, false) => 0,
        (true, true) => 1,
        _ => 2,
    };
    let mut lane_order: Vec<usize> = (0..keys.len()).collect();
    lane_order.sort_by_key(|&l| rank(l));
    let mut new_index = vec![0; keys.len()];
    for (new, &old) in lane_order.iter().enumerate() {
        new_index[old] = new;
    }
    (
        lane_order.iter().map(|&l| keys[l].1.clone()).collect(),
        lane_order.iter().map(|&l| front[l]).collect(),
        first_seen.iter().map(|&l| new_index[l]).collect(),
    )
}

/// The band of each step: its phase's, or for a step in no phase the
/// stretch after the phase it is first reached from (or before the first
/// phase); bands in the order the phases are declared; and each band's
/// phase.
fn bands(graph: &Graph) -> (Vec<usize>, Vec<Option<usize>>) {
    let n = graph.nodes.len();
    let mut phase_of = vec![None; n];
    for (p, (_, steps)) in graph.phases.iter().enumerate() {
        for &s in steps {
            phase_of[s] = phase_of[s].or(Some(p));
        }
    }
    // Keys: Ok(phase) or Err(the phase before) for steps in none.
    let mut key: Vec<Option<Result<usize, Option<usize>>>> = vec![None; n];
    let mut order: Vec<Result<usize, Option<usize>>> = Vec::new();
    let successors = graph.successors();
    let mut queue = std::collections::VecDeque::new();
    for s in graph.start.into_iter().chain(0..n) {
        if key[s].is_some() {
            continue;
        }
        key[s] = Some(phase_of[s].ok_or(None));
        queue.push_back(s);
        while let Some(v) = queue.pop_front() {
            let k = key[v].expect("keyed when queued");
            if !order.contains(&k) {
                order.push(k);
            }
            let before = match k {
                Ok(p) => Some(p),
                Err(b) => b,
            };
            for &e in &successors[v] {
                let to = graph.edges[e].to;
                if key[to].is_none() {
                    key[to] = Some(phase_of[to].ok_or(before));
                    queue.push_back(to);
                }
            }
        }
    }
    // Before the first phase, then each phase and the stretch after it.
    order.sort_by_key(|k| match *k {
        Err(None) => (0, 0),
        Ok(p) => (p + 1, 0),
        Err(Some(p)) => (p + 1, 1),
    });
    let band = key
        .iter()
        .map(|k| {
            let k = k.expect("every step is walked");
            order.iter().position(|o| *o == k).expect("listed")
        })
        .collect();
    (band, order.iter().map(|k| k.ok()).collect())
}

/// `text` wrapped to `max` px in the map's small type: its lines and size.
fn small_text(text: &str, max: i64) -> (Vec<String>, i64, i64) {
    let lines = metrics::wrap(text, Face::Sans, SMALL, max as f64);
    let width = lines
        .iter()
        .map(|l| metrics::px(l, Face::Sans, SMALL))
        .max()
        .unwrap_or(0)
        + 2;
    let height = lines.len() as i64 * SMALL_LINE + 2;
    (lines, width, height)
}

/// The widest an end event's outcome is beside it before it wraps: half
/// a step, so that the event stands on its lane's middle under the steps
/// with its outcome beside it (60 px at least: "Resolved", "Завершено" on
/// a line), or as wide as its longest word (in either language) up to a
/// whole step, so that no word is broken (audit 14, L6: «сохраняет ся»
/// and «Задолже-нность» beside energosbyt's ends); in a compact drawing
/// what its lane has beside the event, 48 px at least (a longer word is
/// broken: ten owners' lanes are 62 px).
pub(super) fn outcome_most(style: Style, outcome: &str) -> i64 {
    match style.room {
        None => {
            let word = [Language::En, Language::Ru]
                .iter()
                .flat_map(|&l| super::end_name(outcome, l).split_whitespace())
                .map(|w| metrics::px(w, Face::Sans, SMALL) + 2)
                .max()
                .unwrap_or(0);
            (style.step / 2).max(60).max(word.min(style.step))
        }
        Some(room) => (room - EVENT - layered::BESIDE - 2).max(48),
    }
}

/// An end event's outcome as the map writes it beside the event, wrapped
/// to `max` px: its lines (in `language`) and the size of its box (for
/// the layout, `None`: the larger of both languages', so the drawing is
/// the same in either).
pub(super) fn outcome_text(
    outcome: &str,
    language: Option<Language>,
    max: i64,
) -> (Vec<String>, i64, i64) {
    let texts = match language {
        Some(l) => vec![small_text(super::end_name(outcome, l), max)],
        None => [Language::En, Language::Ru]
            .map(|l| small_text(super::end_name(outcome, l), max))
            .to_vec(),
    };
    let (w, h) = texts
        .iter()
        .fold((0, 0), |(w, h), t| (w.max(t.1), h.max(t.2)));
    let lines = texts.into_iter().next().map(|t| t.0).unwrap_or_default();
    (lines, w, h)
}

/// A step's measured badge (median time, drop-off), wrapped to its box.
fn badge_lines(node: &super::Node, step: i64) -> Vec<String> {
    node.badge
        .as_deref()
        .map(|b| metrics::wrap(b, Face::Sans, SMALL, (step - 8) as f64))
        .unwrap_or_default()
}

/// The length a phase title needs to fit its strip in two lines.
fn phase_length(title: &str) -> i64 {
    let full = metrics::px(title, Face::SansBold, 12.0) + 8;
    let (mut lo, mut hi) = (40, full.max(40));
    while lo < hi {
        let mid = (lo + hi) / 2;
        if metrics::wrap(title, Face::SansBold, 12.0, mid as f64).len() <= PHASE_LINES {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// The drawing of `graph` in `style`, each lane at least as wide as
/// `lane_min` says (empty: as its content); a compact drawing's lanes
/// share what the budget leaves beside a customer's lane `shared` px wide
/// (the style's own, or the narrower lane of a drawing whose customer's
/// lane is widened after: re-dividing would change the layout).
fn draw_in(graph: &Graph, style: Style, lane_min: &[i64], shared: i64) -> Drawing {
    let (lane_names, front, lane_of) = lanes(graph, style.merged);
    let (band_of, band_phase) = bands(graph);
    // A step is wide enough for its widest word, up to half as wide again.
    let step_width: Vec<i64> = graph
        .nodes
        .iter()
        .map(|n| {
            (metrics::widest_word(&n.label, Face::Sans, TEXT) + 12)
                .clamp(style.step, style.step * 3 / 2)
                .min(style.room.unwrap_or(i64::MAX))
        })
        .collect();
    let titles: Vec<Vec<String>> = graph
        .nodes
        .iter()
        .zip(&step_width)
        .map(|(n, w)| metrics::wrap(&n.label, Face::Sans, TEXT, (w - 12) as f64))
        .collect();
    let mut kinds: Vec<Kind> = (0..graph.nodes.len()).map(Kind::Step).collect();
    let mut shapes: Vec<Shape> = (0..graph.nodes.len())
        .map(|i| {
            let badge = badge_lines(&graph.nodes[i], step_width[i]).len() as i64 * SMALL_LINE;
            Shape {
                lane: lane_of[i],
                main: STEP_HEIGHT.max(titles[i].len() as i64 * LINE + 16 + badge),
                cross: step_width[i],
                aside: None,
                under: None,
                widens: true,
            }
        })
        .collect();
    let mut bands_in: Vec<usize> = band_of.clone();
    let mut edges: Vec<(usize, usize, Option<String>)> = graph
        .edges
        .iter()
        .map(|e| (e.from, e.to, e.when.clone()))
        .collect();
    let event = |lane| Shape {
        lane,
        main: EVENT,
        cross: EVENT,
        aside: None,
        under: None,
        widens: false,
    };
    let root = graph.start.map(|s| {
        kinds.push(Kind::Start);
        shapes.push(event(lane_of[s]));
        bands_in.push(band_of[s]);
        edges.push((kinds.len() - 1, s, None));
        kinds.len() - 1
    });
    for (i, node) in graph.nodes.iter().enumerate() {
        if let Some(outcome) = &node.end {
            kinds.push(Kind::End(i));
            // Its outcome beside it, as BPMN names the event (audit 13, L5).
            let (_, w, h) = outcome_text(outcome, None, outcome_most(style, outcome));
            shapes.push(Shape {
                aside: Some((h, w)),
                ..event(lane_of[i])
            });
            bands_in.push(band_of[i]);
            edges.push((i, kinds.len() - 1, None));
        }
    }
    // Labels: a node of the layout each; a self-loop's beside its step.
    let texts: Vec<Option<(Vec<String>, i64, i64)>> = edges
        .iter()
        .map(|e| e.2.as_deref().map(|w| small_text(w, style.label)))
        .collect();
    // A self-loop's label goes under its step, round which the loop runs.
    let loop_texts: Vec<Option<(Vec<String>, i64, i64)>> = edges
        .iter()
        .map(|e| {
            let max = layered::under_most(shapes[e.0].cross);
            e.2.as_deref()
                .filter(|_| e.0 == e.1)
                .map(|w| small_text(w, max))
        })
        .collect();
    let mut loop_at: Vec<Option<(usize, i64)>> = vec![None; edges.len()];
    for (e, &(from, to, _)) in edges.iter().enumerate() {
        if let (true, Some((_, w, h))) = (from == to, &loop_texts[e]) {
            let under = shapes[from].under.unwrap_or((0, 0));
            loop_at[e] = Some((from, under.0));
            shapes[from].under = Some((under.0 + h, under.1.max(*w)));
        }
    }
    let labels_in = edges
        .iter()
        .enumerate()
        .map(|(e, &(from, to, _))| {
            let (_, w, h) = texts[e].as_ref().filter(|_| from != to)?;
            Some((*h, *w))
        })
        .collect();
    let gutter = if graph.phases.is_empty() {
        0
    } else {
        PHASE_LINES as i64 * PHASE_LINE + 8
    };
    let customer = if graph.nodes.iter().any(|n| !n.channels.is_empty()) {
        style.customer
    } else {
        0
    };
    // A compact drawing's lanes share what the budget leaves evenly: a
    // line may go through any lane until that lane's share is used.
    let room = match style.room {
        None => Vec::new(),
        Some(_) => {
            // Each lane as wide as its widest step (and a self-loop's label),
            // and an even share of what the budget has left.
            let mut widest = vec![0i64; lane_names.len()];
            for s in &shapes {
                let loop_room = s.under.map_or(0, |_| layered::LOOP);
                widest[s.lane] = widest[s.lane].max(s.cross + loop_room);
            }
            let pad = 2 * layered::LANE_PAD;
            let used: i64 = widest.iter().map(|w| w + pad).sum();
            let shared = if customer == 0 { 0 } else { shared };
            let left = (BUDGET - gutter - shared - used).max(0) / widest.len().max(1) as i64;
            widest.iter().map(|w| w + left).collect()
        }
    };
    let placed = layered::layout(
        &Input {
            shapes: shapes.clone(),
            edges: edges.iter().map(|&(a, b, _)| (a, b)).collect(),
            labels: labels_in,
            lanes: lane_names.len(),
            root,
            bands: bands_in,
            band_min: band_phase
                .iter()
                .map(|p| p.map_or(0, |p| phase_length(&graph.phases[p].0) - 2 * BAND_PAD))
                .collect(),
            // (STYLES[3] with any customer lane: its lane widened for a
            // word is the same drawing.)
            one_per_layer: style.room.is_some()
                || Style {
                    customer: STYLES[3].customer,
                    ..style
                } == STYLES[3],
            alone: style.alone,
            room,
            lane_min: lane_min.to_vec(),
            stacked: (0..shapes.len())
                .map(|v| match kinds[v] {
                    Kind::Step(i) => parts::beside(&graph.nodes[i], customer),
                    _ => layered::ChipDepth::default(),
                })
                .collect(),
        },
        Orientation::TopDown,
    );
    let labels = edges
        .iter()
        .enumerate()
        .map(|(e, _)| {
            let (lines, w, h) = loop_texts[e].clone().or_else(|| texts[e].clone())?;
            let rect = match loop_at[e] {
                Some((v, offset)) => {
                    let under = placed.unders[v]?;
                    Rect {
                        x: under.right() - w,
                        y: under.y + offset,
                        width: w,
                        height: h,
                    }
                }
                None => placed.labels[e]?,
            };
            Some(Text { rect, lines })
        })
        .collect();
    let (titles_top, header) = parts::header_height(&lane_names, &placed, &front, style, customer);
    let bands = band_phase
        .into_iter()
        .zip(placed.bands.iter().copied())
        .collect();
    Drawing {
        style,
        width: placed.width + gutter + customer,
        kinds,
        edges,
        placed,
        labels,
        titles,
        lanes: lane_names,
        front,
        lane_of: shapes.iter().map(|s| s.lane).collect(),
        bands,
        gutter,
        titles_top,
        header,
    }
}
