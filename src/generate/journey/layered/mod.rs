//! A layered (Sugiyama-style) layout with swimlanes, shared by the SVG map
//! and the BPMN diagram: the steps flow along the main axis (down the page in
//! the SVG, to the right in BPMN), each owner's lane is a band across it.
//!
//! 1. Cycle breaking ([`rank`]): a depth-first walk from the start
//!    (iterative: a million-step journey is fine) reverses the edges that
//!    close a loop; nodes may come in bands (phases) stacked in order.
//! 2. Layers: longest path over the remaining DAG, band after band; a
//!    labelled edge spans two layers at least, so its label has a place.
//! 3. Long edges get a dummy node in each layer they cross, so no edge is
//!    drawn through a step; a labelled edge's dummy next to its source is
//!    its label, a node as big as the text with the line along its side.
//! 4. Order ([`order`]): barycentre sweeps, down and up, sort the nodes of
//!    each lane in each layer by the mean position of their neighbours.
//! 5. Coordinates ([`place`]): each lane is as wide as its widest layer; the
//!    nodes of a layer and lane are centred in it; each gap between layers
//!    holds one track per edge that changes position there, so no two edges
//!    share a line; ports spread each node's edges along its side.
//!
//! Labels are laid out as nodes, never searched for afterwards: every label
//! is drawn, beside its own line, over nothing else.
//!
//! Everything is computed in (main, cross) coordinates and turned into x/y by
//! the caller's [`Orientation`].
//!
//! Step 3 is the one that can grow faster than the journey: a hundred steps
//! that each lead to every other need 330,000 dummies, and their tracks
//! gigabytes. Past [`dummy_budget`] the journey is drawn
//! [`Placed::simplified`]: the same layers, lanes and order, but each edge a
//! straight line from step to step (it may cross other steps) and no label
//! placed; the drawings say so.

mod order;
mod place;
mod rank;
mod straight;
mod switch;
mod tracks;

use std::collections::HashMap;

pub use place::{under_most, BESIDE, LANE_PAD, LOOP};

/// What is laid out: a node's lane, its size along each axis, and a label
/// of its own beside it (after it on the cross axis: right of a map step,
/// below a BPMN event), as (main, cross).
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub lane: usize,
    pub main: i64,
    pub cross: i64,
    pub aside: Option<(i64, i64)>,
    /// A label of its own under it (main, cross), against the far end of
    /// its body and a self-loop round that end ([`LOOP`] past it): its
    /// edges leave from the near half of its far side, clear of the label.
    pub under: Option<(i64, i64)>,
    /// Whether its body may grow across the flow so that its ports stand
    /// apart (a step or a task; an event or gateway keeps its size).
    pub widens: bool,
}

pub struct Input {
    pub shapes: Vec<Shape>,
    pub edges: Vec<(usize, usize)>,
    /// Each edge's label size (main, cross), if it has one. A self-loop's
    /// label goes in its node's `aside`.
    pub labels: Vec<Option<(i64, i64)>>,
    pub lanes: usize,
    /// Where the walk starts (the start event); it goes first.
    pub root: Option<usize>,
    /// The band of each shape, bands stacked along the main axis in their
    /// order; empty when there is one band.
    pub bands: Vec<usize>,
    /// The least extent of each band along the main axis (its title's
    /// length), if it has one.
    pub band_min: Vec<i64>,
    /// At most one real node per layer and lane: lanes as narrow as a
    /// node, the drawing longer instead.
    pub one_per_layer: bool,
    /// At most one real node per layer in all lanes together.
    pub alone: bool,
    /// The compact drawing's width for each lane's content: a line or
    /// label goes through its target's lane where that lane's row has room
    /// within it, else through the nearest lane that has (a line may run
    /// through any lane). Empty: always the target's lane, however wide
    /// that makes it.
    pub room: Vec<i64>,
    /// The least cross size of each lane (its title's length), if given.
    pub lane_min: Vec<i64>,
    /// What each real node sets beside the map along the main axis (the
    /// map's customer chips): a layer is as deep as what its nodes set
    /// there, so it stands level with its row. Empty: nothing.
    pub stacked: Vec<ChipDepth>,
}

/// The depth along the main axis of what a node sets beside the map (its
/// customer chip), with the gap after it: `alone` where it is the only
/// node of its layer with one, `named` where two or more stack theirs
/// (each then names its step). 0: nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChipDepth {
    pub alone: i64,
    pub named: i64,
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
    /// Each node's `aside` label, where it asked for one.
    pub asides: Vec<Option<Rect>>,
    /// Each node's `under` label, where it asked for one.
    pub unders: Vec<Option<Rect>>,
    /// Each edge's polyline, from its source to its target.
    pub paths: Vec<Vec<(i64, i64)>>,
    /// Each labelled edge's label (not a self-loop's: see `asides`).
    pub labels: Vec<Option<Rect>>,
    /// Each lane's band.
    pub lanes: Vec<Rect>,
    /// Each band's extent along the main axis: from the start of its first
    /// layer to the end of its last (None for a band with no node).
    pub bands: Vec<Option<(i64, i64)>>,
    pub width: i64,
    pub height: i64,
    /// Too many long edges to route round the steps within the budget:
    /// edges are straight lines and `when` labels are not placed.
    pub simplified: bool,
    /// The work of the stages whose cost depends on how long edges lie,
    /// in elementary steps (nodes, neighbours and lanes a straightened
    /// loop tries, gaps a turning edge weighs): what tests check grows
    /// in proportion to the journey, never the seconds it takes.
    pub effort: usize,
}

/// Dummy nodes a layout may add before it draws edges straight instead: a
/// fixed allowance, and more for a larger journey, so that the work stays
/// linear in the journey's steps and edges. Normal journeys need a handful.
pub fn dummy_budget(nodes: usize, edges: usize) -> usize {
    50_000 + 4 * (nodes + edges)
}

/// The cross size of the dummy node a long edge has in each layer.
const DUMMY: i64 = 12;
/// A compact drawing's lines pass closer: its dummies are this wide.
const THIN: i64 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Real,
    Dummy,
    /// The dummy that carries an edge's label: the line runs along its
    /// cross-axis start, the label beside it.
    Label,
}

pub(crate) struct Work {
    /// Layer and lane of every node, dummies after the real ones.
    layer: Vec<usize>,
    lane: Vec<usize>,
    /// What each node takes up (main, cross): a real node's body and its
    /// aside label, a dummy's line, a label node's label and its line.
    size: Vec<(i64, i64)>,
    kind: Vec<Kind>,
    /// Each edge as a chain of nodes (dummies between), in DAG direction;
    /// `reversed` when the edge was turned to break a loop.
    chains: Vec<(Vec<usize>, bool)>,
    /// The band of each real node.
    band: Vec<usize>,
    /// A compact drawing ([`Input::room`]): lines closer together.
    thin: bool,
    /// The real nodes as laid out: [`Input::shapes`], a body that has more
    /// ports on a side than room for them widened ([`place::widened`]).
    shapes: Vec<Shape>,
    /// [`Placed::effort`] so far.
    effort: std::cell::Cell<usize>,
}

pub fn layout(input: &Input, orientation: Orientation) -> Placed {
    let n = input.shapes.len();
    let band: Vec<usize> = if input.bands.len() == n {
        input.bands.clone()
    } else {
        vec![0; n]
    };
    let labelled = |e: usize| {
        let (from, to) = input.edges[e];
        from != to && input.labels.get(e).is_some_and(|l| l.is_some())
    };
    let reversed = rank::back_edges(n, &input.edges, input.root, &band);
    let span: Vec<usize> = (0..input.edges.len())
        .map(|e| if labelled(e) { 2 } else { 1 })
        .collect();
    let lanes: Vec<usize> = input.shapes.iter().map(|s| s.lane).collect();
    let one_row = vec![0; if input.alone { n } else { 0 }];
    let one_lane = if input.alone {
        Some(&one_row[..])
    } else {
        input.one_per_layer.then_some(&lanes[..])
    };
    let layer = rank::layers(n, &input.edges, &reversed, &span, &band, one_lane);
    let dummies: usize = input
        .edges
        .iter()
        .map(|&(from, to)| layer[to].abs_diff(layer[from]).saturating_sub(1))
        .sum();
    let simplified = dummies > dummy_budget(n, input.edges.len());
    let thin = !input.room.is_empty();
    let shapes = if simplified {
        input.shapes.clone()
    } else {
        place::widened(input, &reversed, thin)
    };
    let mut work = Work {
        layer,
        lane: input.shapes.iter().map(|s| s.lane).collect(),
        size: shapes.iter().map(place::footprint).collect(),
        kind: vec![Kind::Real; n],
        chains: Vec::with_capacity(input.edges.len()),
        band,
        thin,
        shapes,
        effort: Default::default(),
    };
    // Where each long edge turns into its target's lane: where it crosses
    // fewest lines, in a drawing whose lines keep to their lanes.
    let turns = if input.room.is_empty() && !simplified {
        let ends: Vec<_> = (0..input.edges.len())
            .map(|i| {
                let (from, to) = input.edges[i];
                let (a, b) = if reversed[i] { (to, from) } else { (from, to) };
                let end = |v: usize| (work.layer[v], input.shapes[v].lane);
                (end(a), end(b))
            })
            .collect();
        let (turns, effort) = switch::turns(&ends);
        work.effort.set(effort);
        turns
    } else {
        Vec::new()
    };
    // The room each (layer, lane) row has used, when lines may spread.
    let mut rows: HashMap<(usize, usize), i64> = HashMap::new();
    if !input.room.is_empty() {
        for v in 0..n {
            let row = rows.entry((work.layer[v], work.lane[v])).or_default();
            *row = place::row_after(*row, work.size[v].1);
        }
    }
    for (i, &(from, to)) in input.edges.iter().enumerate() {
        let (a, b) = if reversed[i] { (to, from) } else { (from, to) };
        let labelled = labelled(i) && !simplified;
        // The dummy next to the edge's own source carries its label, or in
        // a compact drawing the first one on from there whose layer has
        // room for it: labels of a crowded layer move down their lines
        // rather than widen the lanes.
        let beside_source: Vec<usize> = if reversed[i] {
            (work.layer[a] + 1..work.layer[b]).rev().collect()
        } else {
            (work.layer[a] + 1..work.layer[b]).collect()
        };
        let label_size = input.labels.get(i).copied().flatten();
        let label_layer = beside_source
            .iter()
            .copied()
            .find(|&l| {
                let Some((_, cross)) = label_size.filter(|_| labelled) else {
                    return true;
                };
                let prefer = [input.shapes[b].lane, input.shapes[a].lane];
                roomy(&rows, input, l, prefer, place::BESIDE + cross).is_some()
            })
            .or(beside_source.first().copied())
            .unwrap_or(work.layer[a] + 1);
        let mut chain = vec![a];
        if a != b && !simplified {
            for l in work.layer[a] + 1..work.layer[b] {
                let (kind, size) = match input.labels.get(i) {
                    Some(Some((main, cross))) if labelled && l == label_layer => {
                        (Kind::Label, (*main, place::BESIDE + cross))
                    }
                    _ if work.thin => (Kind::Dummy, (0, THIN)),
                    _ => (Kind::Dummy, (0, DUMMY)),
                };
                let previous = work.lane[*chain.last().expect("the source")];
                let target = match turns.get(i) {
                    Some(&turn) if l < turn => input.shapes[a].lane,
                    _ => input.shapes[b].lane,
                };
                let lane = spread(&mut rows, input, l, [target, previous], size.1);
                work.layer.push(l);
                work.lane.push(lane);
                work.size.push(size);
                work.kind.push(kind);
                chain.push(work.layer.len() - 1);
            }
        }
        chain.push(b);
        work.chains.push((chain, reversed[i]));
    }
    let order = order::order(&work);
    place::place(&work, &order, input, orientation, simplified)
}

/// How far from its preferred lane a line looks for room.
const SPREAD: usize = 12;

/// The lane a dummy of `size` takes in layer `l`: the first of `prefer`
/// whose row has room, else the nearest lane (within [`SPREAD`]) that has,
/// else the one it overfills least; its row's use is counted.
fn spread(
    rows: &mut HashMap<(usize, usize), i64>,
    input: &Input,
    l: usize,
    prefer: [usize; 2],
    size: i64,
) -> usize {
    if input.room.is_empty() {
        return prefer[0];
    }
    // Where no lane has room left, the one it overfills least.
    let lane = roomy(rows, input, l, prefer, size)
        .or_else(|| candidates(input, prefer).min_by_key(|&c| after(rows, input, l, c, size)))
        .unwrap_or(prefer[0]);
    let row = rows.entry((l, lane)).or_default();
    *row = place::row_after(*row, size);
    lane
}

/// The lanes a line in `prefer[0]` may pass through: `prefer`, then the
/// nearest others within [`SPREAD`].
fn candidates(input: &Input, prefer: [usize; 2]) -> impl Iterator<Item = usize> + '_ {
    let near = (1..=SPREAD)
        .flat_map(move |d| [prefer[0].checked_sub(d), Some(prefer[0] + d)])
        .flatten()
        .filter(|&c| c < input.lanes);
    prefer.into_iter().chain(near)
}

/// How far past its room lane `c`'s row of layer `l` would be with a
/// dummy of `size` more (0 or less: it has room).
fn after(rows: &HashMap<(usize, usize), i64>, input: &Input, l: usize, c: usize, size: i64) -> i64 {
    let room = input.room.get(c).copied().unwrap_or(i64::MAX);
    place::row_after(rows.get(&(l, c)).copied().unwrap_or(0), size).saturating_sub(room)
}

/// The first lane (of [`candidates`]) whose row in layer `l` has room for
/// a dummy of `size`.
fn roomy(
    rows: &HashMap<(usize, usize), i64>,
    input: &Input,
    l: usize,
    prefer: [usize; 2],
    size: i64,
) -> Option<usize> {
    candidates(input, prefer).find(|&c| after(rows, input, l, c, size) <= 0)
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
                    aside: None,
                    under: None,
                    widens: true,
                })
                .collect(),
            edges: edges.to_vec(),
            labels: Vec::new(),
            lanes: lanes.iter().max().map_or(0, |l| l + 1),
            root: Some(0),
            bands: Vec::new(),
            band_min: Vec::new(),
            one_per_layer: false,
            alone: false,
            room: Vec::new(),
            lane_min: Vec::new(),
            stacked: Vec::new(),
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
            let mut input = input(&vec![0; steps], &edges);
            input.labels = vec![Some((14, 40)); edges.len()];
            let placed = layout(&input, Orientation::LeftRight);
            assert!(placed.simplified);
            // Straight lines: no dummy, no turn; no label placed.
            assert!(placed.paths.iter().all(|p| p.len() <= 2));
            assert!(placed.labels.iter().all(Option::is_none));
        }
        // A journey with a few loops, a step that repeats itself and
        // shortcuts is drawn as always.
        let edges = [(0, 1), (1, 2), (2, 3), (3, 1), (1, 3), (3, 0), (2, 2)];
        let placed = layout(&input(&[0, 1, 0, 1], &edges), Orientation::TopDown);
        assert!(!placed.simplified);
    }

    /// The auditor's hostile journey (audit 17, M1): `n` steps in one
    /// lane, a last step in another whose labelled way leads back to the
    /// first. Its one loop spans every layer.
    fn looped_chain(n: usize) -> (Input, Vec<(usize, usize)>) {
        let mut lanes = vec![0; n];
        lanes[n - 1] = 1;
        let mut edges: Vec<_> = (1..n).map(|i| (i - 1, i)).collect();
        edges.push((n - 1, 0));
        let mut input = input(&lanes, &edges);
        input.labels = vec![None; edges.len()];
        input.labels[n - 1] = Some((14, 40));
        (input, edges)
    }

    #[test]
    fn a_loop_back_over_a_long_chain_costs_in_proportion_to_it() {
        let effort = |n: usize| {
            let (input, edges) = looped_chain(n);
            let placed = layout(&input, Orientation::LeftRight);
            assert!(!placed.simplified);
            // The loop is drawn in full, straight along its lane: out of
            // the last step, one column back, into the first.
            let columns = columns(&placed.paths[edges.len() - 1], |(_, y)| y);
            assert!(columns <= 4, "{n} steps: {columns} columns");
            assert!(placed.labels[edges.len() - 1].is_some());
            placed.effort
        };
        // Every prefix of the loop tried against every node beside it was
        // cubic: 64 times the work for 4 times the steps. Linear is 4
        // times; a log factor a little more.
        let (small, large) = (effort(2_000), effort(8_000));
        assert!(small >= 2_000, "the loop is straightened: {small}");
        assert!(large <= 5 * small, "2,000 steps: {small}, 8,000: {large}");
        // Without the loop there is no long edge: no such work at all.
        let (mut input, edges) = looped_chain(8_000);
        input.edges.pop();
        input.labels.pop();
        let placed = layout(&input, Orientation::LeftRight);
        assert_eq!(placed.effort, 0);
        assert_eq!(placed.paths.len(), edges.len() - 1);
    }

    #[test]
    fn a_twenty_thousand_step_chain_with_a_loop_back_lays_out() {
        let (input, edges) = looped_chain(20_000);
        let placed = layout(&input, Orientation::TopDown);
        assert!(!placed.simplified);
        let path = &placed.paths[edges.len() - 1];
        assert!(columns(path, |(x, _)| x) <= 4);
        check_loop_ends(&placed, path);
    }

    /// How many positions across the flow a line takes: 1 straight, 2
    /// with a jog, ….
    fn columns(path: &[(i64, i64)], across: impl Fn((i64, i64)) -> i64) -> usize {
        let set: std::collections::BTreeSet<i64> = path.iter().map(|&p| across(p)).collect();
        set.len()
    }

    /// The loop leaves the last step and ends on the first.
    fn check_loop_ends(placed: &Placed, path: &[(i64, i64)]) {
        let (first, last) = (placed.boxes[0], placed.boxes[placed.boxes.len() - 1]);
        let on =
            |r: Rect, (x, y): (i64, i64)| r.x <= x && x <= r.right() && r.y <= y && y <= r.bottom();
        assert!(on(last, path[0]), "{:?} leaves {last:?}", path[0]);
        assert!(
            on(first, path[path.len() - 1]),
            "{path:?} ends on {first:?}"
        );
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
