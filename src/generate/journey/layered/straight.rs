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
            // The longest run from `from` that shares a column; the column
            // is that of the whole run (clear by [`COMFORT`] if it can be).
            let fits = |len: usize| {
                let nodes = &inner[from..from + len];
                !open_columns(work, &layer_nodes, cross, lanes, nodes, 0).is_empty()
            };
            let len = longest(inner.len() - from, fits);
            let end = from + len.max(1);
            if len > 1 {
                let nodes = &inner[from..end];
                // Well clear of its neighbours where the drawing has room.
                let roomy = (!work.thin)
                    .then(|| best_column(work, &layer_nodes, cross, lanes, nodes, COMFORT))
                    .flatten();
                let column =
                    roomy.or_else(|| best_column(work, &layer_nodes, cross, lanes, nodes, 0));
                if let Some(c) = column {
                    for &v in nodes {
                        cross[v] = c - offset(work, v);
                    }
                }
            }
            from = end;
        }
    }
}

/// The greatest `len` up to `most` for which `fits(len)` holds, given
/// that a run that does not fit is not helped by growing (a longer run
/// only closes more columns): lengths 1, 2, 4, … until one does not fit,
/// then halving between. A run of `k` nodes costs O(log k) tries of at
/// most 2k nodes each, not a try per length (the 4,000-step chain with
/// one loop back to its start tried every prefix of its 4,000-node loop,
/// each against every node beside it: 18 s; audit 17, M1).
pub(super) fn longest(most: usize, fits: impl Fn(usize) -> bool) -> usize {
    let (mut good, mut bad) = (0, most + 1);
    let mut len = 1;
    while len <= most {
        if !fits(len) {
            bad = len;
            break;
        }
        good = len;
        len = if len == most {
            most + 1
        } else {
            (2 * len).min(most)
        };
    }
    while bad - good > 1 {
        let mid = good + (bad - good) / 2;
        if fits(mid) {
            good = mid;
        } else {
            bad = mid;
        }
    }
    good
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
    let open = open_columns(work, layer_nodes, cross, lanes, run, extra);
    let mut lines: Vec<i64> = run.iter().map(|&v| cross[v] + offset(work, v)).collect();
    lines.sort_unstable();
    let median = lines[lines.len() / 2];
    // The sum of the distances to every line, by prefix sums: a long run
    // has as many open stretches as lines, and summed over both the cost
    // grew with the square of the run.
    let mut sums = vec![0i64; lines.len() + 1];
    for (k, l) in lines.iter().enumerate() {
        sums[k + 1] = sums[k] + l;
    }
    let total = sums[lines.len()];
    let cost = |c: i64| {
        let k = lines.partition_point(|&l| l < c);
        let (before, after) = (k as i64, (lines.len() - k) as i64);
        (c * before - sums[k]) + (total - sums[k] - c * after)
    };
    open.into_iter()
        .map(|(a, b)| median.clamp(a, b))
        .min_by_key(|&c| (cost(c), c))
}

/// The stretches of columns, in every lane, that all of `run` may take:
/// none, or its nodes cannot share a column.
fn open_columns(
    work: &Work,
    layer_nodes: &[Vec<usize>],
    cross: &[i64],
    lanes: &[(i64, i64)],
    run: &[usize],
    extra: i64,
) -> Vec<(i64, i64)> {
    // Columns no node of the run may take, as open intervals (the run's
    // own nodes are in layers of their own: one node per layer in a chain).
    let mut closed: Vec<(i64, i64)> = Vec::new();
    for &v in run {
        let (off, size) = (offset(work, v), work.size[v].1);
        for &u in &layer_nodes[work.layer[v]] {
            if u == v {
                continue;
            }
            let before = cross[u] - gap(work, v, u) - extra - size + off;
            let after = cross[u] + work.size[u].1 + gap(work, u, v) + extra + off;
            closed.push((before, after));
        }
    }
    work.effort
        .set(work.effort.get() + run.len() + closed.len() + lanes.len());
    closed.sort_unstable();
    // Overlapping intervals as one (those that only touch stay apart: the
    // column between them is open), so each lane finds its first quickly.
    let mut merged: Vec<(i64, i64)> = Vec::with_capacity(closed.len());
    for (a, b) in closed {
        match merged.last_mut() {
            Some(last) if a < last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    // The open stretches of each lane, inside its padding: a line keeps
    // [`LANE_PAD`] from the lane's borders, and a label's text as far from
    // the border after it. (A dummy's line kept its half width more: a
    // loop could not share a column with its label where the label's
    // line may run, and jogged to it: the clinic's referral loop, 6 bends.)
    let text = run.iter().map(|&v| text(work, v)).max().unwrap_or(0);
    let mut open = Vec::new();
    for &(start, end) in lanes {
        let (lo, hi) = (start + LANE_PAD, end - LANE_PAD - text);
        let mut at = lo;
        let first = merged.partition_point(|&(_, b)| b <= lo);
        for &(a, b) in &merged[first..] {
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
    open.retain(|(a, b)| a <= b);
    open
}

fn gap(work: &Work, a: usize, b: usize) -> i64 {
    super::place::gap(work, a, b)
}
