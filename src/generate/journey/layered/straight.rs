//! Between steps 5's node positions and its ports: a long edge's dummies
//! lined up on one column where its layers have room there, so the edge
//! runs straight between the turn out of its source and the turn into its
//! target — four bends at most — instead of stepping sideways at every
//! layer it crosses. Lined up beside other lines, it no longer weaves
//! along them (audit 3, finding 10: the `breakdown` loop had six bends and
//! ran 15 px beside another edge for 90 px).

use super::order::Order;
use super::place::LANE_PAD;
use super::{Kind, Work};

/// Moves the inner nodes of each edge's chain onto as few columns as
/// it can, loop by loop (forward edges keep their order: moving them
/// added crossings on the pharmacy map): from the
/// source's end, as many nodes as share a column where every layer they
/// cross has room — no other node of the layer nearer than the gap the
/// two keep side by side, inside one lane clear of its borders (a line
/// along a border reads as the border) — go on the column of those
/// that moves them least; the rest likewise.
pub(super) fn straighten(work: &Work, order: &Order, cross: &mut [i64], lanes: &[(i64, i64)]) {
    // The nodes of each layer, every lane.
    let mut layer_nodes: Vec<Vec<usize>> = vec![Vec::new(); order.len()];
    for (l, layer) in order.iter().enumerate() {
        for (_, nodes) in layer {
            layer_nodes[l].extend(nodes);
        }
    }
    let chains: Vec<usize> = (0..work.chains.len())
        .filter(|&e| work.chains[e].1 && work.chains[e].0.len() > 3)
        .collect();
    for e in chains {
        let chain = &work.chains[e].0;
        let inner = &chain[1..chain.len() - 1];
        if inner.iter().any(|&v| work.kind[v] == Kind::Real) {
            continue;
        }
        let mut from = 0;
        while from < inner.len() {
            let mut run = from + 1;
            let mut column = None;
            while run <= inner.len() {
                let nodes = &inner[from..run];
                // Well clear of its neighbours where the drawing has room.
                let roomy = (!work.thin)
                    .then(|| best_column(work, &layer_nodes, cross, lanes, nodes, COMFORT))
                    .flatten();
                match roomy.or_else(|| best_column(work, &layer_nodes, cross, lanes, nodes, 0)) {
                    Some(c) => column = Some(c),
                    None => break,
                }
                run += 1;
            }
            let end = (run - 1).max(from + 1);
            if let Some(c) = column.filter(|_| end - from > 1) {
                for &v in &inner[from..end] {
                    cross[v] = c - offset(work, v);
                }
            }
            from = end;
        }
    }
}

/// How much further than the least gap a straightened loop keeps from the
/// lines and steps beside it, where its lanes have room: a loop running 18
/// px beside another line for 100 px read as one line with it, a junction
/// (hotel audit, L5: "Booking changed → Booking confirmed" beside "guest
/// wants a change").
const COMFORT: i64 = 12;

/// Where a node's line runs, from the start of its footprint.
fn offset(work: &Work, v: usize) -> i64 {
    match work.kind[v] {
        Kind::Label => 0,
        _ => work.size[v].1 / 2,
    }
}

/// How far a node's text reaches past its line: a label's, beside it.
fn text(work: &Work, v: usize) -> i64 {
    match work.kind[v] {
        Kind::Label => work.size[v].1,
        _ => 0,
    }
}

/// The column the `run` of one chain's nodes can all take that moves them
/// least (in sum), if there is one, `extra` further from every other node
/// than the gap the two keep side by side.
fn best_column(
    work: &Work,
    layer_nodes: &[Vec<usize>],
    cross: &[i64],
    lanes: &[(i64, i64)],
    run: &[usize],
    extra: i64,
) -> Option<i64> {
    // Columns no node of the run may take, as open intervals.
    let mut closed: Vec<(i64, i64)> = Vec::new();
    for &v in run {
        let (off, size) = (offset(work, v), work.size[v].1);
        for &u in &layer_nodes[work.layer[v]] {
            if run.contains(&u) {
                continue;
            }
            let before = cross[u] - gap(work, v, u) - extra - size + off;
            let after = cross[u] + work.size[u].1 + gap(work, u, v) + extra + off;
            closed.push((before, after));
        }
    }
    closed.sort_unstable();
    // The open stretches of each lane, inside its padding: a line keeps
    // [`LANE_PAD`] from the lane's borders, and a label's text as far from
    // the border after it. (A dummy's line kept its half width more: a
    // loop could not share a column with its label where the label's
    // line may run, and jogged to it: the clinic's referral loop, 6 bends.)
    let mut open = Vec::new();
    for &(start, end) in lanes {
        let lo = start + LANE_PAD;
        let hi = run
            .iter()
            .map(|&v| end - LANE_PAD - text(work, v))
            .min()
            .unwrap_or(end);
        let mut at = lo;
        for &(a, b) in &closed {
            if at > hi {
                break;
            }
            if a >= at {
                open.push((at, a.min(hi)));
            }
            at = at.max(b);
        }
        if at <= hi {
            open.push((at, hi));
        }
    }
    let mut lines: Vec<i64> = run.iter().map(|&v| cross[v] + offset(work, v)).collect();
    lines.sort_unstable();
    let median = lines[lines.len() / 2];
    let cost = |c: i64| lines.iter().map(|l| (c - l).abs()).sum::<i64>();
    open.into_iter()
        .filter(|(a, b)| a <= b)
        .map(|(a, b)| median.clamp(a, b))
        .min_by_key(|&c| (cost(c), c))
}

fn gap(work: &Work, a: usize, b: usize) -> i64 {
    super::place::gap(work, a, b)
}
