//! A layered (Sugiyama-style) layout with swimlanes, shared by the SVG map
//! and the BPMN diagram: the steps flow along the main axis (down the page in
//! the SVG, to the right in BPMN), each owner's lane is a band across it.
//!
//! 1. Cycle breaking: a depth-first walk from the start (iterative: a
//!    million-step journey is fine) reverses the edges that close a loop.
//! 2. Layers: longest path over the remaining DAG, in topological order.
//! 3. Long edges get a dummy node in each layer they cross, so no edge is
//!    drawn through a step.
//! 4. Order: barycentre sweeps, down and up, sort the nodes of each lane in
//!    each layer by the mean position of their neighbours.
//! 5. Coordinates: each lane is as wide as its widest layer; the nodes of a
//!    layer and lane are centred in it; each gap between layers holds one
//!    track per edge that changes position there, so no two edges share a
//!    line; ports spread each node's edges along its side.
//!
//! Everything is computed in (main, cross) coordinates and turned into x/y by
//! the caller's [`Orientation`].
//!
//! Step 3 is the one that can grow faster than the journey: a hundred steps
//! that each lead to every other need 330,000 dummies, and their tracks and
//! label searches gigabytes. Past [`dummy_budget`] the journey is drawn
//! [`Placed::simplified`]: the same layers, lanes and order, but each edge a
//! straight line from step to step (it may cross other steps) and no label
//! placed; the drawings say so.

/// What is laid out: a node's lane and its size along each axis.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub lane: usize,
    pub main: i64,
    pub cross: i64,
}

pub struct Input {
    pub shapes: Vec<Shape>,
    pub edges: Vec<(usize, usize)>,
    pub lanes: usize,
    /// Where the walk starts (the start event); it goes first.
    pub root: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: i64,
    pub y: i64,
    pub width: i64,
    pub height: i64,
}

impl Rect {
    pub fn center(&self) -> (i64, i64) {
        (self.x + self.width / 2, self.y + self.height / 2)
    }
    pub fn right(&self) -> i64 {
        self.x + self.width
    }
    pub fn bottom(&self) -> i64 {
        self.y + self.height
    }
    /// Whether the two rectangles share any area.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Main axis down the page, lanes side by side (the SVG map).
    TopDown,
    /// Main axis to the right, lanes stacked (BPMN).
    LeftRight,
}

pub struct Placed {
    /// Each node's box.
    pub boxes: Vec<Rect>,
    /// Each edge's polyline, from its source to its target.
    pub paths: Vec<Vec<(i64, i64)>>,
    /// Each lane's band.
    pub lanes: Vec<Rect>,
    pub width: i64,
    pub height: i64,
    /// Too many long edges to route round the steps within the budget:
    /// edges are straight lines and `when` labels are not placed.
    pub simplified: bool,
}

/// Dummy nodes a layout may add before it draws edges straight instead: a
/// fixed allowance, and more for a larger journey, so that the work stays
/// linear in the journey's steps and edges. Normal journeys need a handful.
pub fn dummy_budget(nodes: usize, edges: usize) -> usize {
    50_000 + 4 * (nodes + edges)
}

/// Room around the nodes of a lane, between nodes of one layer, and the
/// least gap between layers; one track per edge turning in a gap.
const LANE_PAD: i64 = 10;
const NODE_GAP: i64 = 28;
const DUMMY: i64 = 12;
const LAYER_GAP: i64 = 56;
const TRACK: i64 = 9;

struct Work {
    /// Layer and lane of every node, dummies after the real ones.
    layer: Vec<usize>,
    lane: Vec<usize>,
    size: Vec<(i64, i64)>,
    /// Each edge as a chain of nodes (dummies between), in DAG direction;
    /// `reversed` when the edge was turned to break a loop.
    chains: Vec<(Vec<usize>, bool)>,
}

pub fn layout(input: &Input, orientation: Orientation) -> Placed {
    let n = input.shapes.len();
    let reversed = back_edges(n, &input.edges, input.root);
    let layer = layers(n, &input.edges, &reversed);
    let dummies: usize = input
        .edges
        .iter()
        .enumerate()
        .map(|(i, &(from, to))| {
            let (a, b) = if reversed[i] { (to, from) } else { (from, to) };
            layer[b].abs_diff(layer[a]).saturating_sub(1)
        })
        .sum();
    let simplified = dummies > dummy_budget(n, input.edges.len());
    let mut work = Work {
        layer,
        lane: input.shapes.iter().map(|s| s.lane).collect(),
        size: input.shapes.iter().map(|s| (s.main, s.cross)).collect(),
        chains: Vec::with_capacity(input.edges.len()),
    };
    for (i, &(from, to)) in input.edges.iter().enumerate() {
        let (a, b) = if reversed[i] { (to, from) } else { (from, to) };
        let mut chain = vec![a];
        if a != b && !simplified {
            for l in work.layer[a] + 1..work.layer[b] {
                work.layer.push(l);
                work.lane.push(input.shapes[b].lane);
                work.size.push((0, DUMMY));
                chain.push(work.layer.len() - 1);
            }
        }
        chain.push(b);
        work.chains.push((chain, reversed[i]));
    }
    let order = order(&work);
    place(&work, &order, input.lanes, orientation, n, simplified)
}

/// Which edges close a loop (including self-loops): found by an iterative
/// depth-first walk from the root, then from every node not yet reached.
fn back_edges(n: usize, edges: &[(usize, usize)], root: Option<usize>) -> Vec<bool> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, &(from, _)) in edges.iter().enumerate() {
        out[from].push(i);
    }
    // 0 unseen, 1 on the walk's stack, 2 done.
    let mut state = vec![0u8; n];
    let mut reversed = vec![false; edges.len()];
    let starts = root.into_iter().chain(0..n);
    for start in starts {
        if state[start] != 0 {
            continue;
        }
        let mut stack = vec![(start, 0usize)];
        state[start] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&e) = out[node].get(*next) {
                *next += 1;
                let to = edges[e].1;
                match state[to] {
                    0 => {
                        state[to] = 1;
                        stack.push((to, 0));
                    }
                    1 => reversed[e] = true,
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
    reversed
}

/// Longest-path layers over the edges with loops turned round.
fn layers(n: usize, edges: &[(usize, usize)], reversed: &[bool]) -> Vec<usize> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut incoming = vec![0usize; n];
    for (i, &(from, to)) in edges.iter().enumerate() {
        if from == to {
            continue;
        }
        let (a, b) = if reversed[i] { (to, from) } else { (from, to) };
        out[a].push(b);
        incoming[b] += 1;
    }
    let mut layer = vec![0usize; n];
    let mut ready: Vec<usize> = (0..n).filter(|&v| incoming[v] == 0).collect();
    while let Some(v) = ready.pop() {
        for &w in &out[v] {
            layer[w] = layer[w].max(layer[v] + 1);
            incoming[w] -= 1;
            if incoming[w] == 0 {
                ready.push(w);
            }
        }
    }
    layer
}

/// The nodes of each layer by lane, in drawing order: only the lanes a
/// layer has nodes in, in lane order (a journey of 10,000 steps in 10,000
/// lanes is not a 10,000 × 10,000 table).
type Order = Vec<Vec<(usize, Vec<usize>)>>;

fn order(work: &Work) -> Order {
    let layers = work.layer.iter().max().map_or(0, |&l| l + 1);
    let mut by_layer: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for v in 0..work.layer.len() {
        by_layer[work.layer[v]].push(v);
    }
    let mut order: Order = by_layer
        .into_iter()
        .map(|mut nodes| {
            // Stable: each lane keeps its nodes in index order.
            nodes.sort_by_key(|&v| work.lane[v]);
            let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
            for v in nodes {
                match groups.last_mut() {
                    Some((lane, group)) if *lane == work.lane[v] => group.push(v),
                    _ => groups.push((work.lane[v], vec![v])),
                }
            }
            groups
        })
        .collect();
    // Neighbours one layer up and one layer down, from the chains.
    let mut up: Vec<Vec<usize>> = vec![Vec::new(); work.layer.len()];
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); work.layer.len()];
    for (chain, _) in &work.chains {
        for pair in chain.windows(2) {
            if pair[0] != pair[1] {
                down[pair[0]].push(pair[1]);
                up[pair[1]].push(pair[0]);
            }
        }
    }
    // A node's position across: its lane first, then its place in it.
    let mut position = vec![0f64; work.layer.len()];
    let index = |order: &Order, position: &mut Vec<f64>| {
        for layer in order {
            for (lane, nodes) in layer {
                for (k, &v) in nodes.iter().enumerate() {
                    position[v] = *lane as f64 * 1e6 + k as f64;
                }
            }
        }
    };
    index(&order, &mut position);
    for sweep in 0..4 {
        let neighbours = if sweep % 2 == 0 { &up } else { &down };
        let layer_ids: Vec<usize> = if sweep % 2 == 0 {
            (1..layers).collect()
        } else {
            (0..layers.saturating_sub(1)).rev().collect()
        };
        for l in layer_ids {
            for (lane, nodes) in order[l].iter_mut() {
                let lane = *lane;
                let key = |v: &usize| {
                    let ns = &neighbours[*v];
                    if ns.is_empty() {
                        position[*v]
                    } else {
                        ns.iter().map(|&u| position[u]).sum::<f64>() / ns.len() as f64
                    }
                };
                let mut keyed: Vec<(f64, usize)> = nodes.iter().map(|v| (key(v), *v)).collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
                *nodes = keyed.into_iter().map(|(_, v)| v).collect();
                for (k, &v) in nodes.iter().enumerate() {
                    position[v] = lane as f64 * 1e6 + k as f64;
                }
            }
        }
        index(&order, &mut position);
    }
    order
}

fn place(
    work: &Work,
    order: &Order,
    lanes: usize,
    orientation: Orientation,
    real: usize,
    simplified: bool,
) -> Placed {
    let lanes = lanes.max(1);
    let count = work.layer.len();
    // Lane widths: the widest layer of each lane.
    let row_width = |nodes: &[usize]| -> i64 {
        nodes.iter().map(|&v| work.size[v].1).sum::<i64>()
            + NODE_GAP * nodes.len().saturating_sub(1) as i64
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
        lane_width[lane] = lane_width[lane].max(DUMMY) + 2 * LANE_PAD;
        at += lane_width[lane];
    }
    let total_cross = at;
    // Cross position (left edge) of each node: centred in its lane.
    let mut cross = vec![0i64; count];
    for layer in order {
        for &(lane, ref nodes) in layer {
            let mut c = lane_start[lane] + (lane_width[lane] - row_width(nodes)) / 2;
            for &v in nodes {
                cross[v] = c;
                c += work.size[v].1 + NODE_GAP;
            }
        }
    }
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
    let centre = |v: usize| cross[v] + work.size[v].1 / 2;
    let spread =
        |v: usize, list: &mut Vec<(usize, usize)>, other: &dyn Fn(usize, usize) -> usize| {
            list.sort_by_key(|&(e, s)| (centre(other(e, s)), e));
            let k = list.len() as i64;
            let width = work.size[v].1;
            list.iter()
                .enumerate()
                .map(|(i, &(e, s))| ((e, s), cross[v] + width * (i as i64 + 1) / (k + 1)))
                .collect::<Vec<_>>()
        };
    let mut port_out = std::collections::HashMap::new();
    let mut port_in = std::collections::HashMap::new();
    for v in 0..count {
        let next = |e: usize, s: usize| work.chains[e].0[s + 1];
        let prev = |e: usize, s: usize| work.chains[e].0[s];
        if work.size[v].0 == 0 {
            // A dummy: one line straight through.
            for &(e, s) in &outs[v] {
                port_out.insert((e, s), centre(v));
            }
            for &(e, s) in &ins[v] {
                port_in.insert((e, s), centre(v));
            }
            continue;
        }
        port_out.extend(spread(v, &mut outs[v], &next));
        port_in.extend(spread(v, &mut ins[v], &prev));
    }
    // Tracks: each segment that changes position turns in the gap below
    // its layer, on a track of its own. Among segments going right, the one
    // starting further right turns higher; going left, the one starting
    // further left: then no two segments going the same way cross.
    let layers = order.len();
    let mut turning: Vec<Vec<(usize, usize, i64, i64)>> = vec![Vec::new(); layers];
    for (e, (chain, _)) in work.chains.iter().enumerate() {
        for (s, pair) in chain.windows(2).enumerate() {
            // A self-loop has no ports: it is drawn round its step.
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
    let mut track_of = std::collections::HashMap::new();
    for (l, list) in turning.iter_mut().enumerate() {
        list.sort_by_key(|&(e, s, from, to)| {
            if to > from {
                (0, -from, e, s)
            } else {
                (1, from, e, s)
            }
        });
        for &(e, s, _, _) in list.iter() {
            track_of.insert((e, s), tracks[l]);
            tracks[l] += 1;
        }
    }
    // Main positions: each layer as deep as its deepest node, then its gap.
    let mut layer_depth = vec![0i64; layers];
    for v in 0..count {
        layer_depth[work.layer[v]] = layer_depth[work.layer[v]].max(work.size[v].0);
    }
    let mut layer_start = vec![0i64; layers];
    let mut at = LANE_PAD;
    for l in 0..layers {
        layer_start[l] = at;
        at += layer_depth[l] + LAYER_GAP + tracks[l] * TRACK;
    }
    let total_main = at - LAYER_GAP + LANE_PAD;
    // A node sits in the middle of its layer's depth.
    let main =
        |v: usize| layer_start[work.layer[v]] + (layer_depth[work.layer[v]] - work.size[v].0) / 2;
    let layer_end = |l: usize| layer_start[l] + layer_depth[l];

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
        .map(|v| rect(main(v), cross[v], work.size[v].0, work.size[v].1))
        .collect();
    let mut paths = Vec::with_capacity(work.chains.len());
    for (e, (chain, reversed)) in work.chains.iter().enumerate() {
        let mut points: Vec<(i64, i64)> = Vec::new();
        if chain[0] == chain[1] {
            // A self-loop: out of the node's far end, round and back.
            let v = chain[0];
            let (m0, m1) = (
                main(v) + work.size[v].0 / 3,
                main(v) + 2 * work.size[v].0 / 3,
            );
            let c = cross[v] + work.size[v].1;
            points.extend([
                xy(m0, c),
                xy(m0, c + NODE_GAP / 2),
                xy(m1, c + NODE_GAP / 2),
                xy(m1, c),
            ]);
            paths.push(points);
            continue;
        }
        for (s, pair) in chain.windows(2).enumerate() {
            let (a, b) = (pair[0], pair[1]);
            let (from, to) = (port_out[&(e, s)], port_in[&(e, s)]);
            // A dummy is a line straight through its layer.
            let leave = if a < real {
                main(a) + work.size[a].0
            } else {
                layer_end(work.layer[a])
            };
            let arrive = if b < real {
                main(b)
            } else {
                layer_start[work.layer[b]]
            };
            points.push(xy(leave, from));
            if from != to && !simplified {
                let turn = layer_end(work.layer[a]) + LAYER_GAP / 2 + track_of[&(e, s)] * TRACK;
                points.push(xy(turn, from));
                points.push(xy(turn, to));
            }
            points.push(xy(arrive, to));
        }
        points.dedup();
        if *reversed {
            points.reverse();
        }
        paths.push(points);
    }
    let lanes = (0..lanes)
        .map(|l| rect(0, lane_start[l], total_main, lane_width[l]))
        .collect();
    let (width, height) = match orientation {
        Orientation::TopDown => (total_cross, total_main),
        Orientation::LeftRight => (total_main, total_cross),
    };
    Placed {
        boxes,
        paths,
        lanes,
        width,
        height,
        simplified,
    }
}

/// Puts each `when` label beside its own line, at the first place along it
/// that overlaps no node, no label placed before and no line; a label that
/// fits nowhere is shortened, and as a last resort left to the tooltip.
pub fn place_labels(
    placed: &Placed,
    texts: &[Option<&str>],
    char_width: i64,
    height: i64,
    also_taken: &[Rect],
) -> Vec<Option<(Rect, String)>> {
    if placed.simplified {
        // Straight lines across the map: no place is known to be free
        // without a search over all of them. Labels stay in the tooltips.
        return vec![None; texts.len()];
    }
    let mut taken = Grid::default();
    for b in placed.boxes.iter().chain(also_taken) {
        taken.insert(*b);
    }
    for path in &placed.paths {
        for w in path.windows(2) {
            let ((x0, y0), (x1, y1)) = (w[0], w[1]);
            taken.insert(Rect {
                x: x0.min(x1),
                y: y0.min(y1),
                width: (x1 - x0).abs().max(1),
                height: (y1 - y0).abs().max(1),
            });
        }
    }
    let mut labels = Vec::with_capacity(texts.len());
    for (e, when) in texts.iter().enumerate() {
        let mut label = None;
        if let Some(when) = when {
            let tries = [40, 24, 14].map(|n| crate::escape::fit(when, n).into_owned());
            'text: for text in tries {
                let width = text.chars().count() as i64 * char_width + 6;
                for candidate in candidates(&placed.paths[e], width, height) {
                    // The drawing grows to the right for a label; never left or up.
                    let inside = candidate.x >= 0 && candidate.y >= 0;
                    if inside && taken.free(&candidate) {
                        taken.insert(candidate);
                        label = Some((candidate, text));
                        break 'text;
                    }
                }
            }
        }
        labels.push(label);
    }
    labels
}

/// Rectangles by the cells of a coarse grid they touch, so asking whether a
/// place is free costs what is near it, not everything on the map.
#[derive(Default)]
struct Grid {
    cells: std::collections::HashMap<(i64, i64), Vec<Rect>>,
}

impl Grid {
    const CELL: i64 = 128;

    fn keys(r: &Rect) -> impl Iterator<Item = (i64, i64)> {
        let (x0, x1) = (
            r.x.div_euclid(Self::CELL),
            (r.right() - 1).div_euclid(Self::CELL),
        );
        let (y0, y1) = (
            r.y.div_euclid(Self::CELL),
            (r.bottom() - 1).div_euclid(Self::CELL),
        );
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    fn insert(&mut self, r: Rect) {
        for key in Self::keys(&r) {
            self.cells.entry(key).or_default().push(r);
        }
    }

    fn free(&self, r: &Rect) -> bool {
        Self::keys(r).all(|key| {
            self.cells
                .get(&key)
                .is_none_or(|list| !list.iter().any(|o| o.overlaps(r)))
        })
    }
}

/// Places along a line for a label `width` wide: beside each segment, near
/// its start first.
fn candidates(path: &[(i64, i64)], width: i64, height: i64) -> Vec<Rect> {
    let mut out = Vec::new();
    for w in path.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        for t in [1, 2, 3, 4, 5, 6, 7] {
            let (x, y) = (x0 + (x1 - x0) * t / 8, y0 + (y1 - y0) * t / 8);
            if x0 == x1 {
                for x in [x + 4, x - 4 - width] {
                    out.push(Rect {
                        x,
                        y: y - height / 2,
                        width,
                        height,
                    });
                }
            } else {
                for y in [y - 3 - height, y + 3] {
                    out.push(Rect {
                        x: x - width / 2,
                        y,
                        width,
                        height,
                    });
                }
            }
        }
    }
    out
}

/// Whether the polyline passes through the inside of `r` (running along its
/// border, or ending on it, is not passing through).
pub fn crosses(path: &[(i64, i64)], r: &Rect) -> bool {
    path.windows(2).any(|w| {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let (lo_x, hi_x) = (x0.min(x1), x0.max(x1));
        let (lo_y, hi_y) = (y0.min(y1), y0.max(y1));
        if lo_x == hi_x {
            r.x < lo_x && lo_x < r.right() && lo_y < r.bottom() && r.y < hi_y
        } else if lo_y == hi_y {
            r.y < lo_y && lo_y < r.bottom() && lo_x < r.right() && r.x < hi_x
        } else {
            lo_x < r.right() && r.x < hi_x && lo_y < r.bottom() && r.y < hi_y
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(lanes: &[usize], edges: &[(usize, usize)]) -> Input {
        Input {
            shapes: lanes
                .iter()
                .map(|&lane| Shape {
                    lane,
                    main: 60,
                    cross: 160,
                })
                .collect(),
            edges: edges.to_vec(),
            lanes: lanes.iter().max().map_or(0, |l| l + 1),
            root: Some(0),
        }
    }

    fn check(placed: &Placed, edges: &[(usize, usize)]) {
        for (i, a) in placed.boxes.iter().enumerate() {
            for b in &placed.boxes[..i] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
        }
        for (e, path) in placed.paths.iter().enumerate() {
            for (v, r) in placed.boxes.iter().enumerate() {
                if v != edges[e].0 && v != edges[e].1 {
                    assert!(!crosses(path, r), "edge {e} crosses node {v}");
                }
            }
        }
    }

    #[test]
    fn a_loop_goes_back_up_around_the_steps() {
        // 0 → 1 → 2 → 3, 3 → 1 (a loop), 1 → 3 (a shortcut)
        let edges = [(0, 1), (1, 2), (2, 3), (3, 1), (1, 3)];
        let placed = layout(&input(&[0, 1, 0, 1], &edges), Orientation::TopDown);
        let y = |v: usize| placed.boxes[v].y;
        assert!(y(0) < y(1) && y(1) < y(2) && y(2) < y(3));
        check(&placed, &edges);
        // The loop ends at step 1.
        let path = &placed.paths[3];
        let (x, y1) = *path.last().unwrap();
        let b = placed.boxes[1];
        assert!(b.x <= x && x <= b.right() && (y1 == b.y || y1 == b.bottom()));
    }

    #[test]
    fn branches_leave_from_ports_of_their_own() {
        let edges = [(0, 1), (0, 2), (0, 3), (0, 4)];
        let placed = layout(&input(&[0, 0, 1, 1, 2], &edges), Orientation::TopDown);
        let starts: std::collections::BTreeSet<_> = placed.paths.iter().map(|p| p[0]).collect();
        assert_eq!(starts.len(), 4);
        check(&placed, &edges);
    }

    #[test]
    fn dense_journeys_are_drawn_simplified_within_the_budget() {
        // Every step to every other: 330,000 dummies for 100 steps.
        let n = 100;
        let dense: Vec<_> = (0..n)
            .flat_map(|a| (0..n).filter(move |&b| b != a).map(move |b| (a, b)))
            .collect();
        // A 1,000-step chain whose every step loops back to the start.
        let looping: Vec<_> = (1..1000).flat_map(|i| [(i - 1, i), (i, 0)]).collect();
        for (steps, edges) in [(n, dense), (1000, looping)] {
            let placed = layout(&input(&vec![0; steps], &edges), Orientation::LeftRight);
            assert!(placed.simplified);
            // Straight lines: no dummy, no turn.
            assert!(placed.paths.iter().all(|p| p.len() <= 2));
            let texts = vec![Some("when"); edges.len()];
            assert!(place_labels(&placed, &texts, 7, 14, &[])
                .iter()
                .all(Option::is_none));
        }
        // A journey with a few loops, a step that repeats itself and
        // shortcuts is drawn as always.
        let edges = [(0, 1), (1, 2), (2, 3), (3, 1), (1, 3), (3, 0), (2, 2)];
        let placed = layout(&input(&[0, 1, 0, 1], &edges), Orientation::TopDown);
        assert!(!placed.simplified);
    }

    #[test]
    fn a_step_per_lane_is_no_layer_by_lane_table() {
        // 20,000 steps in 20,000 lanes: 400 million cells as a table.
        let n = 20_000;
        let lanes: Vec<usize> = (0..n).collect();
        let edges: Vec<_> = (1..n).map(|i| (i - 1, i)).collect();
        let placed = layout(&input(&lanes, &edges), Orientation::TopDown);
        assert_eq!(placed.lanes.len(), n);
        assert!(placed.boxes[n - 1].y > placed.boxes[0].y);
    }

    #[test]
    fn a_million_step_chain_lays_out_without_recursion() {
        let n = 1_000_000;
        let edges: Vec<_> = (1..n).map(|i| (i - 1, i)).collect();
        let placed = layout(&input(&vec![0; n], &edges), Orientation::LeftRight);
        assert!(placed.boxes[n - 1].x > placed.boxes[n - 2].x);
    }
}
