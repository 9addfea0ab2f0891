//! The longest way through a graph with loops, each loop taken once: the
//! one definition behind `deadline-exceeds-target`, `promise-exceeds-journey`,
//! the promises document and the journey pages.
//!
//! A *loop* is an edge back to a node still on the way of a depth-first
//! search from the start, in the spec's order of edges (a `next` back to an
//! earlier step: "not working" back to diagnosis). A way may take each such
//! edge once. Loops that share nodes form one strongly connected component
//! (a *group*). Listing the ways is exponential (so are elementary cycles),
//! and the longest way that takes each back edge at most once is NP-hard in
//! general, so the walk here is linear and counts, for every group it
//! passes, each of the group's loops once at its longest:
//!
//! * `h(z)`: the longest way to `z` from the group's first node (the one
//!   the search entered it by), along edges that are not loops;
//! * a loop `u → v` adds `h(u) − h(v) + w(v)`, the longest way round it
//!   (from `v` along the group to `u`, then back to `v`);
//! * a way entering the group at `x` and leaving it at `y` spends
//!   `h(y) − h(x) + w(x)` plus every loop of the group.
//!
//! This is never shorter than a real way: a way through a group is
//! `x ⇝ u1 → v1 ⇝ u2 → v2 … vk ⇝ y`, each `⇝` along non-loop edges, and
//! `a ⇝ b` weighs at most `h(b) − h(a) + w(a)`; the sum telescopes to
//! the pass term plus the loops it took, each at most its longest, and
//! the loops it did not take only add. It is exact (some way takes it)
//! when no node of a group is reached by two non-loop edges from inside
//! the group: the loops then hang on one tree, and a way can go round all
//! of them. Where two loops lie on alternative branches, it counts both,
//! as a CX lead who reads "each loop once" expects; no single case may
//! manage both branches.
//!
//! Between groups a way never comes back (the components form a DAG), so
//! one pass in topological order finds the longest: O(nodes + edges). The
//! way returned is a real walk taking each back edge at most once (its
//! length equals the total whenever the total is exact).

use super::graph::{self, Graph, Search};

/// The longest way from `start` to one of `targets` that goes round each
/// loop once (see the module's documentation), as its total weight and its
/// nodes in order. `last` says whether the target's own weight counts.
/// Ties go to the target listed first. `None` when no target is reached.
pub fn longest_walk(
    graph: &Graph,
    start: usize,
    weight: impl Fn(usize) -> u64,
    targets: impl IntoIterator<Item = usize>,
    last: bool,
) -> Option<(u64, Vec<usize>)> {
    let walk = Walk::new(graph, start, &weight);
    let (total, end) = targets
        .into_iter()
        .filter_map(|t| {
            let total = walk.total[t]?;
            let total = if last {
                total
            } else {
                total - i128::from(weight(t))
            };
            Some((total, std::cmp::Reverse(t)))
        })
        .max()
        .map(|(total, std::cmp::Reverse(t))| (total, t))?;
    let total = u64::try_from(total.max(0)).unwrap_or(u64::MAX);
    Some((total, walk.way_to(end)))
}

struct Walk {
    search: Search,
    component: Vec<usize>,
    /// Position of each node in the search's topological order.
    rank: Vec<usize>,
    /// The node before each on the longest way inside its group from the
    /// group's first node.
    inside_from: Vec<Option<usize>>,
    /// Each group's loops, as back edges, and its number of nodes.
    loops: Vec<Vec<(usize, usize)>>,
    size: Vec<usize>,
    /// How each group is entered: the node before (none for the start) and
    /// the node entered.
    entry: Vec<Option<(Option<usize>, usize)>>,
    /// Longest way from the start to each node, its own weight included.
    total: Vec<Option<i128>>,
}

impl Walk {
    fn new(graph: &Graph, start: usize, weight: &impl Fn(usize) -> u64) -> Walk {
        let n = graph.node_count();
        let search = Search::from(graph, start);
        let w = |v: usize| i128::from(weight(v));
        // Without back edges every reached node is a group of its own.
        let mut component: Vec<usize> = (0..n).collect();
        if !search.back.is_empty() {
            for (id, members) in graph::components(graph).into_iter().enumerate() {
                for v in members {
                    component[v] = n + id;
                }
            }
        }
        let groups = 2 * n;
        let mut rank = vec![usize::MAX; n];
        for (i, &v) in search.order.iter().enumerate() {
            rank[v] = i;
        }
        // The search enters a group by its first node in topological order:
        // every other node of the group lies below it in the search tree.
        let mut inside = vec![0i128; n];
        let mut inside_from = vec![None; n];
        let mut seen = vec![false; groups];
        for &v in &search.order {
            if !std::mem::replace(&mut seen[component[v]], true) {
                inside[v] = w(v);
            }
            for &x in &search.forward[v] {
                let candidate = inside[v] + w(x);
                if component[x] == component[v]
                    && (inside_from[x].is_none() || candidate > inside[x])
                {
                    inside[x] = candidate;
                    inside_from[x] = Some(v);
                }
            }
        }
        let mut size = vec![0; groups];
        for &v in &search.order {
            size[component[v]] += 1;
        }
        let mut loops = vec![Vec::new(); groups];
        let mut loop_time = vec![0i128; groups];
        for &(u, v) in &search.back {
            loops[component[u]].push((u, v));
            loop_time[component[u]] += inside[u] - inside[v] + w(v);
        }
        // Best value of (way before the group) + w(x) − h(x) over entries x.
        let mut enter: Vec<Option<i128>> = vec![None; groups];
        let mut entry = vec![None; groups];
        enter[component[start]] = Some(w(start) - inside[start]);
        entry[component[start]] = Some((None, start));
        let mut total = vec![None; n];
        for &v in &search.order {
            let c = component[v];
            let Some(base) = enter[c] else { continue };
            let here = base + loop_time[c] + inside[v];
            total[v] = Some(here);
            for &x in &search.forward[v] {
                let d = component[x];
                if d == c {
                    continue;
                }
                let candidate = here + w(x) - inside[x];
                if enter[d].is_none_or(|e| candidate > e) {
                    enter[d] = Some(candidate);
                    entry[d] = Some((Some(v), x));
                }
            }
        }
        Walk {
            search,
            component,
            rank,
            inside_from,
            loops,
            size,
            entry,
            total,
        }
    }

    /// The way from the start to `end`: group by group backwards, each
    /// group's part built by [`Walk::through`].
    fn way_to(&self, end: usize) -> Vec<usize> {
        let mut parts = Vec::new();
        let mut at = end;
        while let Some((before, entered)) = self.entry[self.component[at]] {
            parts.push(self.through(entered, at));
            match before {
                Some(b) => at = b,
                None => break,
            }
        }
        parts.reverse();
        parts.concat()
    }

    /// `a` to `b` along non-loop edges, `a` above `b` in the search tree: the
    /// longest way inside the group when it passes `a`, else the tree's.
    fn stretch(&self, a: usize, b: usize) -> Vec<usize> {
        let climb = |up: &dyn Fn(usize) -> Option<usize>| {
            let mut way = vec![b];
            let mut at = b;
            while at != a {
                at = up(at).filter(|&p| self.rank[p] >= self.rank[a])?;
                way.push(at);
            }
            way.reverse();
            Some(way)
        };
        climb(&|v| self.inside_from[v])
            .or_else(|| climb(&|v| self.search.parent[v]))
            .unwrap_or_else(|| vec![a, b])
    }

    /// A way through one group from `x` to `y` going round its loops, each
    /// at most once: up by loops until `y` is below, down to `y`, then every
    /// loop left spliced in where the way meets it.
    fn through(&self, x: usize, y: usize) -> Vec<usize> {
        let loops = &self.loops[self.component[x]];
        let mut used = vec![false; loops.len()];
        let mut way = vec![x];
        let mut at = x;
        while !self.search.is_below(at, y) {
            // The loop from below `at` that leads highest: in a strongly
            // connected group one leads above `at` unless `at` is its top.
            let up = loops
                .iter()
                .enumerate()
                .filter(|&(i, &(u, v))| {
                    !used[i]
                        && self.search.is_below(at, u)
                        && self.search.entered[v] < self.search.entered[at]
                })
                .min_by_key(|&(_, &(_, v))| self.search.entered[v]);
            let Some((i, &(u, v))) = up else { break };
            used[i] = true;
            way.extend_from_slice(&self.stretch(at, u)[1..]);
            way.push(v);
            at = v;
        }
        if self.search.is_below(at, y) {
            way.extend_from_slice(&self.stretch(at, y)[1..]);
        }
        let left = loops
            .iter()
            .zip(&used)
            .filter(|(_, &u)| !u)
            .map(|(&edge, _)| edge);
        // Nested loops can make the way quadratically long: past a few
        // rounds of the whole group it stops taking more (the total still
        // counts every loop).
        let room = 4 * self.size[self.component[x]] + 64;
        splice(way, left, |(u, v)| self.stretch(v, u), room)
    }
}

/// Inserts the round of each loop `u → v` (the circle `stretch(u, v)`,
/// `[v, …, u]`) into `way` at the first place the way meets it, until no
/// more meet it or the way has `room` steps; a linked list keeps each
/// insertion as long as the round. Rounds drawn and not taken yet count
/// against a budget of a few times `room`, so the work stays linear.
fn splice(
    way: Vec<usize>,
    loops: impl Iterator<Item = (usize, usize)>,
    stretch: impl Fn((usize, usize)) -> Vec<usize>,
    room: usize,
) -> Vec<usize> {
    const END: usize = usize::MAX;
    let mut node: Vec<usize> = way.clone();
    let mut next: Vec<usize> = (1..=way.len()).collect();
    if let Some(last) = next.last_mut() {
        *last = END;
    }
    let mut first = std::collections::HashMap::new();
    for (i, &v) in way.iter().enumerate() {
        first.entry(v).or_insert(i);
    }
    let mut budget = 16 * room;
    let mut pending: Vec<(usize, usize)> = loops.collect();
    loop {
        let before = pending.len();
        pending.retain(|&edge| {
            if node.len() >= room || budget == 0 {
                return true;
            }
            let round = stretch(edge);
            budget = budget.saturating_sub(round.len());
            let Some((j, at)) = round
                .iter()
                .enumerate()
                .find_map(|(j, v)| first.get(v).map(|&at| (j, at)))
            else {
                return true;
            };
            // From the place met round the circle back to it.
            let after = next[at];
            let mut tail = at;
            for &v in round[j + 1..].iter().chain(&round[..=j]) {
                node.push(v);
                next.push(END);
                let entry = node.len() - 1;
                next[tail] = entry;
                tail = entry;
                first.entry(v).or_insert(entry);
            }
            next[tail] = after;
            false
        });
        if pending.is_empty() || pending.len() == before {
            break;
        }
    }
    let mut result = Vec::with_capacity(node.len());
    let mut at = if node.is_empty() { END } else { 0 };
    while at != END {
        result.push(node[at]);
        at = next[at];
    }
    result
}
