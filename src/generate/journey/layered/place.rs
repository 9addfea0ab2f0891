//! Step 5 of the layout: coordinates of the nodes, ports, tracks, the
//! edges' polylines and the labels' boxes.

use super::order::Order;
use super::{Input, Kind, Orientation, Placed, Rect, Shape, Work};
use std::collections::HashMap;

/// Room around the nodes of a lane, between nodes of one layer, and the
/// least gap between layers; one track per edge turning in a gap.
pub const LANE_PAD: i64 = 10;
const NODE_GAP: i64 = 28;
const LAYER_GAP: i64 = 56;
/// Tracks of one gap stand this far apart: parallel lines closer than
/// about 15 px over a long stretch read as one (horizontal tracks were 9
/// px apart and overlapped for up to 500 px on shipped maps).
const TRACK: i64 = 15;
/// A compact drawing's tracks, the last resort to fit, stand closer.
const THIN_TRACK: i64 = 9;

/// How close a line leaving a layer may come to one arriving in the next
/// before the first must turn above the second (else they share a line
/// between their turns): as far apart as parallel lines must stand.
fn near(work: &Work) -> i64 {
    if work.thin {
        THIN_NEAR
    } else {
        TRACK
    }
}

/// The least distance between parallel lines of a compact drawing.
const THIN_NEAR: i64 = 8;

/// Half an arrowhead's width (12 px across at the lines' 1.5 px).
const ARROW_HALF: i64 = 6;
/// How far apart the ports of a node side with an arrowhead on it stand:
/// a line leaving or arriving beside an arrowhead keeps as far from its
/// edge as parallel lines keep apart (audit 13, L5: the stackwise reopen
/// loop left a step's top between two arrowheads). A compact drawing, the
/// last resort to fit, keeps its 8 px ([`THIN_NEAR`]): 14 px widened the
/// steps of more of the 300 sampled maps past the budget.
pub const ARROW_GAP: i64 = TRACK + ARROW_HALF;

/// How far apart the ports of a side stand: `arrow`, a side an arrowhead
/// ends on.
fn side_gap(thin: bool, arrow: bool) -> i64 {
    match (thin, arrow) {
        (true, _) => THIN_NEAR,
        (false, false) => TRACK,
        (false, true) => ARROW_GAP,
    }
}

/// Whether segment `s` of chain `chain` (`reversed`: drawn the other
/// way) has an arrowhead at its start (`at_start`) or its end: a line's
/// arrowhead is at the drawing's target, the chain's last node, or its
/// first when the chain is a turned loop.
fn arrow_at(chain: &[usize], reversed: bool, s: usize, at_start: bool) -> bool {
    if at_start {
        reversed && s == 0
    } else {
        !reversed && s + 2 == chain.len()
    }
}

/// How far apart the tracks of a gap stand in this drawing.
fn track(work: &Work) -> i64 {
    if work.thin {
        THIN_TRACK
    } else {
        TRACK
    }
}
/// How far a self-loop reaches past its node.
pub const LOOP: i64 = NODE_GAP / 2;
/// How far before its body's far end a self-loop with a label under the
/// body comes back.
const LOOP_END: i64 = 3;
/// Room between a line and the label beside it, and a node and its aside.
pub const BESIDE: i64 = 5;

/// What a shape takes up: its body, and its aside label after it.
pub(super) fn footprint(shape: &Shape) -> (i64, i64) {
    let (main, cross) = match shape.under {
        None => (shape.main, shape.cross),
        Some((m, _)) => (shape.main + BESIDE + m, shape.cross + LOOP),
    };
    match shape.aside {
        None => (main, cross),
        Some((m, c)) => (main.max(m), shape.cross + BESIDE + c),
    }
}

/// The widest an `under` label can be beside a body `cross` wide: from
/// past the middle of its far end to the end of its self-loop.
pub fn under_most(cross: i64) -> i64 {
    cross - cross / 2 - 1 + LOOP
}

/// How far the ports of a node with an `under` label stay from the middle
/// of its far side, and so from the label.
const PORT_CLEAR: i64 = 10;

/// How far ports crowded on a side keep from its rounded corners.
const PORT_MARGIN: i64 = 8;

/// Where a side's ports may go, from the start of a body `shape.cross`
/// wide: its far side (`far`) under a label up to [`PORT_CLEAR`] before the
/// label, else between its corners.
fn port_span(shape: &Shape, far: bool) -> (i64, i64) {
    match shape.under {
        Some((_, c)) if far => (PORT_MARGIN, shape.cross + LOOP - c - PORT_CLEAR),
        _ => (PORT_MARGIN, shape.cross - PORT_MARGIN),
    }
}

/// The input's shapes, each body that may widen as much wider as its
/// busiest side needs for its ports to stand as far apart as parallel
/// lines must (15 px, 8 in a compact drawing): ports closer than that run
/// down the map side by side to their turns and read as one line (129 of
/// 300 generated maps had such lines, some on top of each other). A side's
/// ports are its edges leaving (far side) or arriving (near side), in the
/// direction they are laid out (`reversed` loops turned).
pub(super) fn widened(input: &Input, reversed: &[bool], thin: bool) -> Vec<Shape> {
    // Each node's ports leaving and arriving, and whether an arrowhead
    // ends on that side.
    let mut ports = vec![((0i64, false), (0i64, false)); input.shapes.len()];
    for (i, &(from, to)) in input.edges.iter().enumerate() {
        let (a, b) = if reversed[i] { (to, from) } else { (from, to) };
        if a != b {
            ports[a].0 .0 += 1;
            ports[a].0 .1 |= reversed[i];
            ports[b].1 .0 += 1;
            ports[b].1 .1 |= !reversed[i];
        }
    }
    input
        .shapes
        .iter()
        .zip(ports)
        .map(|(shape, (outs, ins))| {
            if !shape.widens {
                return *shape;
            }
            let short = |(k, arrow): (i64, bool), far: bool| {
                let (lo, hi) = port_span(shape, far);
                ((k - 1) * side_gap(thin, arrow) - (hi - lo)).max(0)
            };
            Shape {
                cross: shape.cross + short(outs, true).max(short(ins, false)),
                ..*shape
            }
        })
        .collect()
}

/// The cross positions of `k` ports on a side of a body starting at
/// `start`: spread evenly across `width` (the span a side uses when its
/// ports have room: its whole width, or under a label its near half), else
/// across all of [`port_span`] at least `sep` apart where the body is wide
/// enough (see [`widened`]).
fn port_positions(start: i64, width: i64, shape: &Shape, far: bool, k: i64, sep: i64) -> Vec<i64> {
    if k < 2 || width / (k + 1) >= sep {
        return (0..k).map(|i| start + width * (i + 1) / (k + 1)).collect();
    }
    let (lo, hi) = port_span(shape, far);
    let step = (hi - lo) / (k - 1);
    let first = start + lo + (hi - lo - step * (k - 1)) / 2;
    (0..k).map(|i| first + step * i).collect()
}

/// A row's width once a node `size` wide joins it (`used` wide so far),
/// counting the widest gap a neighbour may need: the compact drawing's
/// estimate of what fits its lanes.
pub(super) fn row_after(used: i64, size: i64) -> i64 {
    let gap = if size <= super::THIN {
        THIN_GAP
    } else {
        NODE_GAP / 2
    };
    if used == 0 {
        size
    } else {
        used + gap + size
    }
}

/// The least distance between a line and a label's line after it.
const LINES_APART: i64 = 18;

/// The room between two lines of a compact drawing.
const THIN_GAP: i64 = 6;

/// The room between two neighbours of a row: lines pass each other
/// closer than boxes need to stand apart.
pub(super) fn gap(work: &Work, a: usize, b: usize) -> i64 {
    match (work.kind[a] == Kind::Real, work.kind[b] == Kind::Real) {
        _ if work.thin && work.kind[a] == Kind::Dummy && work.kind[b] == Kind::Dummy => THIN_GAP,
        (true, true) => NODE_GAP,
        // A line just before a label's line runs beside it the label's
        // whole depth: far enough apart to read as two (audit 3, finding
        // 10: 15 px apart, a loop seemed to leave the other's step).
        // Compact drawings, the last resort to fit, keep their thin gaps.
        (false, false) if !work.thin && work.kind[b] == Kind::Label => {
            (LINES_APART - work.size[a].1 / 2).max(NODE_GAP / 3)
        }
        (false, false) => NODE_GAP / 3,
        // A label's line runs along its start: after a step, as far from
        // the step's footprint as from another line, for a self-loop may
        // run round the step there (14 px from the loop before, generated
        // maps read the two as one line).
        (true, false) if !work.thin && work.kind[b] == Kind::Label => LINES_APART,
        _ => NODE_GAP / 2,
    }
}

/// A line leaving a step on the cross position where another line of the
/// same gap arrives (or arriving where another leaves) continues it: the
/// two read as one line — in the pharmacy's delivery map, the loop back
/// into "Проверка рецепта" and the line out of it (audit 3, B11). Such a
/// port moves clear of it by as much as parallel lines keep apart
/// ([`near`]), the way its line turns, staying on its step's side and as
/// far from the step's other ports on that side (moved onto a sibling, two
/// lines ran down the map on top of each other).
fn separate_ports(
    work: &Work,
    real: usize,
    cross: &[i64],
    gaps_of: &HashMap<(usize, bool), i64>,
    port_out: &mut HashMap<(usize, usize), i64>,
    port_in: &mut HashMap<(usize, usize), i64>,
) {
    let sep = near(work);
    // The segments of each gap (by the layer above it), in edge order.
    let mut gaps: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    for (e, (chain, _)) in work.chains.iter().enumerate() {
        for (s, pair) in chain.windows(2).enumerate() {
            if pair[0] != pair[1] {
                gaps.entry(work.layer[pair[0]]).or_default().push((e, s));
            }
        }
    }
    let ends = |o: &(usize, usize)| (work.chains[o.0].0[o.1], work.chains[o.0].0[o.1 + 1]);
    let mut layers: Vec<usize> = gaps.keys().copied().collect();
    layers.sort_unstable();
    for l in layers {
        let list = &gaps[&l];
        for &(e, s) in list {
            let (a, b) = ends(&(e, s));
            // Leaving a step: clear of every other line's arrival below it.
            if a < real {
                // Under a label, lines leave from the near half, clear of it.
                let shape = &work.shapes[a];
                let width = match shape.under {
                    Some(_) => (shape.cross / 2 - PORT_CLEAR).max(port_span(shape, true).1),
                    None => shape.cross - 2,
                };
                let side = (cross[a] + 2, cross[a] + width);
                let others: Vec<i64> = list
                    .iter()
                    .filter(|o| o.0 != e)
                    .map(|o| port_in[o])
                    .collect();
                let siblings: Vec<i64> = list
                    .iter()
                    .filter(|o| o.0 != e && ends(o).0 == a)
                    .map(|o| port_out[o])
                    .collect();
                let toward = port_in[&(e, s)] - port_out[&(e, s)];
                let apart = gaps_of.get(&(a, true)).copied().unwrap_or(sep);
                let port = port_out.get_mut(&(e, s)).expect("every segment has ports");
                *port = clear(*port, [&others, &siblings], toward, side, [sep, apart]);
            }
            // Arriving at a step: clear of every other line leaving above it.
            if b < real {
                let side = (cross[b] + 2, cross[b] + work.shapes[b].cross - 2);
                let others: Vec<i64> = list
                    .iter()
                    .filter(|o| o.0 != e)
                    .map(|o| port_out[o])
                    .collect();
                let siblings: Vec<i64> = list
                    .iter()
                    .filter(|o| o.0 != e && ends(o).1 == b)
                    .map(|o| port_in[o])
                    .collect();
                let toward = port_out[&(e, s)] - port_in[&(e, s)];
                let apart = gaps_of.get(&(b, false)).copied().unwrap_or(sep);
                let port = port_in.get_mut(&(e, s)).expect("every segment has ports");
                *port = clear(*port, [&others, &siblings], toward, side, [sep, apart]);
            }
        }
    }
}

/// `port` moved `sep` clear of the nearest of `others` (the other side's
/// ports) it is too close to — towards where its line goes (`toward`),
/// else the other way — within `side`, `sep` clear of every one of
/// `others` and `apart` (its side's gap) of its own side's `siblings`;
/// unmoved when neither way has room.
fn clear(
    port: i64,
    [others, siblings]: [&[i64]; 2],
    toward: i64,
    side: (i64, i64),
    [sep, apart]: [i64; 2],
) -> i64 {
    let Some(&near) = others.iter().find(|&&o| (o - port).abs() < sep) else {
        return port;
    };
    let sign = if toward < 0 { -1 } else { 1 };
    [near + sign * sep, near - sign * sep]
        .into_iter()
        .find(|&p| {
            side.0 <= p
                && p <= side.1
                && others.iter().all(|&o| (o - p).abs() >= sep)
                && siblings.iter().all(|&o| (o - p).abs() >= apart)
        })
        .unwrap_or(port)
}

pub(super) fn place(
    work: &Work,
    order: &Order,
    input: &Input,
    orientation: Orientation,
    simplified: bool,
) -> Placed {
    let lanes = input.lanes.max(1);
    let real = input.shapes.len();
    let count = work.layer.len();
    // Lane widths: the widest layer of each lane.
    let row_width = |nodes: &[usize]| -> i64 {
        nodes.iter().map(|&v| work.size[v].1).sum::<i64>()
            + nodes.windows(2).map(|p| gap(work, p[0], p[1])).sum::<i64>()
    };
    let mut lane_width = vec![0i64; lanes];
    for layer in order {
        for (lane, nodes) in layer {
            lane_width[*lane] = lane_width[*lane].max(row_width(nodes));
        }
    }
    let mut lane_start = vec![0i64; lanes];
    let mut at = 0;
    for lane in 0..lanes {
        lane_start[lane] = at;
        lane_width[lane] = (lane_width[lane].max(super::DUMMY) + 2 * LANE_PAD)
            .max(input.lane_min.get(lane).copied().unwrap_or(0));
        at += lane_width[lane];
    }
    let total_cross = at;
    // Cross position (start) of each node: centred in its lane.
    let mut cross = vec![0i64; count];
    for layer in order {
        for &(lane, ref nodes) in layer {
            let mut c = lane_start[lane] + (lane_width[lane] - row_width(nodes)) / 2;
            // A node alone in its row with a label beside it (an end event
            // and its outcome) has its body on the lane's middle, in line
            // with the steps of the lane, where the label still fits inside
            // the lane.
            if let [v] = nodes[..] {
                if v < real && work.shapes[v].aside.is_some() {
                    let (start, width) = (lane_start[lane], lane_width[lane]);
                    let centred = start + (width - work.shapes[v].cross) / 2;
                    if centred + work.size[v].1 <= start + width - 2 {
                        c = centred;
                    }
                }
            }
            for (k, &v) in nodes.iter().enumerate() {
                cross[v] = c;
                c += work.size[v].1 + nodes.get(k + 1).map_or(0, |&w| gap(work, v, w));
            }
        }
    }
    if !simplified {
        let bounds: Vec<(i64, i64)> = (0..lanes)
            .map(|l| (lane_start[l], lane_start[l] + lane_width[l]))
            .collect();
        super::straight::straighten(work, order, &mut cross, &bounds);
    }
    // A real node's body is at the start of its footprint on the cross axis.
    let body = |v: usize| (work.shapes[v].main, work.shapes[v].cross);
    let under = |v: usize| (v < real).then(|| work.shapes[v].under).flatten();
    let centre = |v: usize| match work.kind[v] {
        Kind::Real => cross[v] + body(v).1 / 2,
        Kind::Dummy => cross[v] + work.size[v].1 / 2,
        Kind::Label => cross[v],
    };
    // Ports: a node's edges leave from its far side and arrive at its near
    // side, spread in the order of the other end's position.
    let mut outs: Vec<Vec<(usize, usize)>> = vec![Vec::new(); count];
    let mut ins: Vec<Vec<(usize, usize)>> = vec![Vec::new(); count];
    for (e, (chain, _)) in work.chains.iter().enumerate() {
        for (s, pair) in chain.windows(2).enumerate() {
            if pair[0] != pair[1] {
                outs[pair[0]].push((e, s));
                ins[pair[1]].push((e, s));
            }
        }
    }
    // How far apart each real node's sides keep their ports: farther on
    // a side an arrowhead ends on.
    let mut gaps_of: HashMap<(usize, bool), i64> = HashMap::new();
    for (chain, reversed) in &work.chains {
        let last = chain.len().saturating_sub(2);
        for (v, far, s) in [(chain[0], true, 0), (chain[chain.len() - 1], false, last)] {
            if v < real && chain[0] != chain[chain.len() - 1] {
                let arrow = arrow_at(chain, *reversed, s, far);
                let gap = gaps_of.entry((v, far)).or_insert(near(work));
                *gap = (*gap).max(side_gap(work.thin, arrow));
            }
        }
    }
    let spread =
        |v: usize, list: &mut Vec<(usize, usize)>, other: &dyn Fn(usize, usize) -> usize, far| {
            list.sort_by_key(|&(e, s)| (centre(other(e, s)), e));
            let k = list.len() as i64;
            // Under a label, lines leave from the near half, clear of it.
            let width = match under(v) {
                Some(_) if far => body(v).1 / 2 - PORT_CLEAR,
                _ => body(v).1,
            };
            let sep = gaps_of.get(&(v, far)).copied().unwrap_or(near(work));
            let at = port_positions(cross[v], width, &work.shapes[v], far, k, sep);
            list.iter().copied().zip(at).collect::<Vec<_>>()
        };
    let mut port_out = HashMap::new();
    let mut port_in = HashMap::new();
    for v in 0..count {
        let next = |e: usize, s: usize| work.chains[e].0[s + 1];
        let prev = |e: usize, s: usize| work.chains[e].0[s];
        if work.kind[v] != Kind::Real {
            // A dummy: one line straight through.
            for &(e, s) in &outs[v] {
                port_out.insert((e, s), centre(v));
            }
            for &(e, s) in &ins[v] {
                port_in.insert((e, s), centre(v));
            }
            continue;
        }
        port_out.extend(spread(v, &mut outs[v], &next, true));
        port_in.extend(spread(v, &mut ins[v], &prev, false));
    }
    if !simplified {
        separate_ports(work, real, &cross, &gaps_of, &mut port_out, &mut port_in);
    }
    // Tracks: each segment that changes position turns in the gap below
    // its layer, on a track of its own. Among segments going right, the one
    // starting further right turns higher; going left, the one starting
    // further left: then no two segments going the same way cross.
    let layers = order.len();
    let mut turning: Vec<Vec<(usize, usize, i64, i64)>> = vec![Vec::new(); layers];
    for (e, (chain, _)) in work.chains.iter().enumerate() {
        for (s, pair) in chain.windows(2).enumerate() {
            // A self-loop has no ports: it is drawn round its step; a
            // simplified edge is a straight line.
            if pair[0] == pair[1] || simplified {
                continue;
            }
            let (from, to) = (port_out[&(e, s)], port_in[&(e, s)]);
            if from != to {
                turning[work.layer[pair[0]]].push((e, s, from, to));
            }
        }
    }
    let mut tracks = vec![0i64; layers];
    let mut track_of = HashMap::new();
    for (l, list) in turning.iter_mut().enumerate() {
        list.sort_by_key(|&(e, s, from, to)| {
            if to > from {
                (0, -from, e, s)
            } else {
                (1, from, e, s)
            }
        });
        let ends: Vec<(i64, i64)> = list.iter().map(|&(_, _, from, to)| (from, to)).collect();
        for k in super::tracks::order(&ends, near(work)) {
            let (e, s, _, _) = list[k];
            track_of.insert((e, s), tracks[l]);
            tracks[l] += 1;
        }
    }
    // Main positions: each layer as deep as its deepest node, then its gap.
    let mut layer_depth = vec![0i64; layers];
    for v in 0..count {
        layer_depth[work.layer[v]] = layer_depth[work.layer[v]].max(work.size[v].0);
    }
    // A layer whose nodes set something beside the map is as deep as
    // that: one node's chip alone (ten channels stand taller than their
    // step: tour operator audit, L4), or the stack of two or more.
    let mut stacks = vec![(0usize, 0i64, 0i64); layers];
    for (v, beside) in input.stacked.iter().enumerate().take(real) {
        if beside.named > 0 {
            let stack = &mut stacks[work.layer[v]];
            *stack = (stack.0 + 1, beside.alone, stack.2 + beside.named);
        }
    }
    for (depth, &(n, alone, named)) in layer_depth.iter_mut().zip(&stacks) {
        *depth = (*depth).max(if n > 1 { named } else { alone });
    }
    // A band shorter than it must be (its title is longer) gets the rest
    // in its last layer.
    let mut band_layers: Vec<Option<(usize, usize)>> =
        vec![None; work.band.iter().max().map_or(0, |&b| b + 1)];
    for v in 0..real {
        let (l, b) = (work.layer[v], work.band[v]);
        band_layers[b] = Some(band_layers[b].map_or((l, l), |(f, t)| (f.min(l), t.max(l))));
    }
    for (b, span) in band_layers.iter().enumerate() {
        let (Some((first, last)), Some(&least)) = (span, input.band_min.get(b)) else {
            continue;
        };
        let gaps: i64 = (*first..*last)
            .map(|l| LAYER_GAP + tracks[l] * track(work))
            .sum();
        let extent = (*first..=*last).map(|l| layer_depth[l]).sum::<i64>() + gaps;
        layer_depth[*last] += (least - extent).max(0);
    }
    let mut layer_start = vec![0i64; layers];
    let mut at = LANE_PAD;
    for l in 0..layers {
        layer_start[l] = at;
        at += layer_depth[l] + LAYER_GAP + tracks[l] * track(work);
    }
    let total_main = at - LAYER_GAP + LANE_PAD;
    let layer_end = |l: usize| layer_start[l] + layer_depth[l];
    // A node's footprint sits in the middle of its layer's depth, its body
    // in the middle of its footprint.
    let main =
        |v: usize| layer_start[work.layer[v]] + (layer_depth[work.layer[v]] - work.size[v].0) / 2;
    // With a label under it, the body starts its footprint.
    let body_main = |v: usize| match under(v) {
        Some(_) => main(v),
        None => main(v) + (work.size[v].0 - body(v).0) / 2,
    };

    let xy = |m: i64, c: i64| match orientation {
        Orientation::TopDown => (c, m),
        Orientation::LeftRight => (m, c),
    };
    let rect = |m: i64, c: i64, ml: i64, cl: i64| {
        let (x, y) = xy(m, c);
        let (width, height) = match orientation {
            Orientation::TopDown => (cl, ml),
            Orientation::LeftRight => (ml, cl),
        };
        Rect {
            x,
            y,
            width,
            height,
        }
    };
    let boxes: Vec<Rect> = (0..real)
        .map(|v| rect(body_main(v), cross[v], body(v).0, body(v).1))
        .collect();
    let asides = (0..real)
        .map(|v| {
            let (m, c) = work.shapes[v].aside?;
            let start = main(v) + (work.size[v].0 - m) / 2;
            Some(rect(start, cross[v] + body(v).1 + BESIDE, m, c))
        })
        .collect();
    // Right against the end of the self-loop, under the far end.
    let unders = (0..real)
        .map(|v| {
            let (m, c) = under(v)?;
            let start = body_main(v) + body(v).0 + BESIDE;
            Some(rect(start, cross[v] + body(v).1 + LOOP - c, m, c))
        })
        .collect();
    let mut paths = Vec::with_capacity(work.chains.len());
    let mut labels = vec![None; work.chains.len()];
    for (e, (chain, reversed)) in work.chains.iter().enumerate() {
        let mut points: Vec<(i64, i64)> = Vec::new();
        if chain[0] == chain[1] {
            // A self-loop: out of the node's far side, round and back.
            let v = chain[0];
            // Under a label, round the far corner, nearest the label.
            let (m0, m1) = match under(v) {
                Some(_) => (
                    body_main(v) + body(v).0 / 2,
                    body_main(v) + body(v).0 - LOOP_END,
                ),
                None => (
                    body_main(v) + body(v).0 / 3,
                    body_main(v) + 2 * body(v).0 / 3,
                ),
            };
            let c = cross[v] + body(v).1;
            points.extend([xy(m0, c), xy(m0, c + LOOP), xy(m1, c + LOOP), xy(m1, c)]);
            paths.push(points);
            continue;
        }
        for (s, pair) in chain.windows(2).enumerate() {
            let (a, b) = (pair[0], pair[1]);
            let (from, to) = (port_out[&(e, s)], port_in[&(e, s)]);
            // A dummy is a line straight through its layer.
            let leave = if a < real {
                body_main(a) + body(a).0
            } else {
                layer_end(work.layer[a])
            };
            let arrive = if b < real {
                body_main(b)
            } else {
                layer_start[work.layer[b]]
            };
            points.push(xy(leave, from));
            if from != to && !simplified {
                let turn =
                    layer_end(work.layer[a]) + LAYER_GAP / 2 + track_of[&(e, s)] * track(work);
                points.push(xy(turn, from));
                points.push(xy(turn, to));
            }
            points.push(xy(arrive, to));
        }
        for &v in chain {
            if work.kind[v] == Kind::Label {
                let (m, c) = work.size[v];
                labels[e] = Some(rect(main(v), cross[v] + BESIDE, m, c - BESIDE));
            }
        }
        points.dedup();
        if *reversed {
            points.reverse();
        }
        paths.push(points);
    }
    let bands = band_layers
        .iter()
        .map(|span| span.map(|(first, last)| (layer_start[first], layer_end(last))))
        .collect();
    let lanes = (0..lanes)
        .map(|l| rect(0, lane_start[l], total_main, lane_width[l]))
        .collect();
    let (width, height) = match orientation {
        Orientation::TopDown => (total_cross, total_main),
        Orientation::LeftRight => (total_main, total_cross),
    };
    Placed {
        boxes,
        asides,
        unders,
        paths,
        labels,
        lanes,
        bands,
        width,
        height,
        simplified,
        effort: work.effort.get(),
    }
}
