//! Step 4 of the layout: the order of the nodes of each layer and lane,
//! by barycentre sweeps down and up, then more sweeps with adjacent
//! nodes transposed where that crosses fewer segments, keeping the order
//! that crosses fewest (a standard Sugiyama refinement; lanes keep their
//! order, so only nodes of one lane and layer change places).

use super::Work;

/// The nodes of each layer by lane, in drawing order: only the lanes a
/// layer has nodes in, in lane order (a journey of 10,000 steps in 10,000
/// lanes is not a 10,000 × 10,000 table).
pub(super) type Order = Vec<Vec<(usize, Vec<usize>)>>;

/// Past this many nodes (dummies too), only the first sweeps run: each
/// refinement sweep counts every crossing again. A compact drawing (the
/// last resort to fit) keeps the first sweeps' order too: its rows' widths
/// depend on which lines stand side by side, and refined orders drew more
/// of the 300 sampled maps wider than the budget (5 scaled, not 2).
const REFINE_MOST: usize = 100_000;

/// Sweeps after the first four, each followed by transpositions.
const MORE_SWEEPS: usize = 8;

/// Transposition passes over a layer, at most (each pass is linear in
/// the layer's segments).
const PASSES: usize = 4;

/// Neighbours one layer up and one layer down, and each node's position
/// across (its lane first, then its place in it).
struct Sweep {
    up: Vec<Vec<usize>>,
    down: Vec<Vec<usize>>,
    position: Vec<f64>,
}

impl Sweep {
    fn index(&mut self, order: &Order) {
        for layer in order {
            for (lane, nodes) in layer {
                for (k, &v) in nodes.iter().enumerate() {
                    self.position[v] = *lane as f64 * 1e6 + k as f64;
                }
            }
        }
    }

    /// One barycentre sweep: down the layers (`down`) by the neighbours
    /// above, else up by those below.
    fn barycentre(&mut self, order: &mut Order, down: bool) {
        let layers = order.len();
        let layer_ids: Vec<usize> = if down {
            (1..layers).collect()
        } else {
            (0..layers.saturating_sub(1)).rev().collect()
        };
        for l in layer_ids {
            for (lane, nodes) in order[l].iter_mut() {
                let lane = *lane;
                let neighbours = if down { &self.up } else { &self.down };
                let position = &self.position;
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
                    self.position[v] = lane as f64 * 1e6 + k as f64;
                }
            }
        }
        self.index(order);
    }

    /// Segments from `u`'s and `w`'s neighbours (both above, then both
    /// below) that cross with `u` before `w`.
    fn pair_crossings(&self, u: usize, w: usize) -> usize {
        let mut n = 0;
        for ns in [&self.up, &self.down] {
            for &a in &ns[u] {
                n += ns[w]
                    .iter()
                    .filter(|&&b| self.position[a] > self.position[b])
                    .count();
            }
        }
        n
    }

    /// Adjacent nodes of each lane and layer swapped where fewer segments
    /// cross so, a few passes while any swap helps.
    fn transpose(&mut self, order: &mut Order) {
        for _ in 0..PASSES {
            let mut better = false;
            for layer in order.iter_mut() {
                for (lane, nodes) in layer.iter_mut() {
                    for k in 1..nodes.len() {
                        let (u, w) = (nodes[k - 1], nodes[k]);
                        if self.pair_crossings(w, u) < self.pair_crossings(u, w) {
                            nodes.swap(k - 1, k);
                            self.position[w] = *lane as f64 * 1e6 + (k - 1) as f64;
                            self.position[u] = *lane as f64 * 1e6 + k as f64;
                            better = true;
                        }
                    }
                }
            }
            if !better {
                break;
            }
        }
    }

    /// Every crossing of segments between neighbouring layers.
    fn crossings(&self, order: &Order) -> usize {
        order
            .iter()
            .map(|layer| {
                let mut segments: Vec<(f64, f64)> = layer
                    .iter()
                    .flat_map(|(_, nodes)| nodes)
                    .flat_map(|&u| self.down[u].iter().map(move |&v| (u, v)))
                    .map(|(u, v)| (self.position[u], self.position[v]))
                    .collect();
                segments.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
                let mut below: Vec<f64> = segments.into_iter().map(|s| s.1).collect();
                inversions(&mut below)
            })
            .sum()
    }
}

/// Pairs `i < j` with `xs[i] > xs[j]`, by merge sort (`xs` ends sorted).
fn inversions(xs: &mut [f64]) -> usize {
    if xs.len() < 2 {
        return 0;
    }
    let mid = xs.len() / 2;
    let mut n = inversions(&mut xs[..mid]) + inversions(&mut xs[mid..]);
    let mut merged = Vec::with_capacity(xs.len());
    let (mut i, mut j) = (0, mid);
    while i < mid && j < xs.len() {
        if xs[j] < xs[i] {
            n += mid - i;
            merged.push(xs[j]);
            j += 1;
        } else {
            merged.push(xs[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&xs[i..mid]);
    merged.extend_from_slice(&xs[j..]);
    xs.copy_from_slice(&merged);
    n
}

pub(super) fn order(work: &Work) -> Order {
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
    let count = work.layer.len();
    let mut sweep = Sweep {
        up: vec![Vec::new(); count],
        down: vec![Vec::new(); count],
        position: vec![0f64; count],
    };
    for (chain, _) in &work.chains {
        for pair in chain.windows(2) {
            if pair[0] != pair[1] {
                sweep.down[pair[0]].push(pair[1]);
                sweep.up[pair[1]].push(pair[0]);
            }
        }
    }
    sweep.index(&order);
    for s in 0..4 {
        sweep.barycentre(&mut order, s % 2 == 0);
    }
    if count > REFINE_MOST || work.thin {
        return order;
    }
    // The order so far is the one to beat: later sweeps replace it only
    // where they cross strictly less.
    let mut fewest = sweep.crossings(&order);
    let mut best = order.clone();
    for s in 0..MORE_SWEEPS {
        if fewest == 0 {
            break;
        }
        sweep.transpose(&mut order);
        let n = sweep.crossings(&order);
        if n < fewest {
            (fewest, best) = (n, order.clone());
        }
        sweep.barycentre(&mut order, s % 2 == 0);
        let n = sweep.crossings(&order);
        if n < fewest {
            (fewest, best) = (n, order.clone());
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::inversions;

    #[test]
    fn inversions_count_pairs_out_of_order() {
        assert_eq!(inversions(&mut [1.0, 2.0, 3.0]), 0);
        assert_eq!(inversions(&mut [3.0, 2.0, 1.0]), 3);
        // Equal ends (segments meeting at one node) do not cross.
        assert_eq!(inversions(&mut [2.0, 2.0, 1.0]), 2);
        assert_eq!(inversions(&mut [1.0, 1.0]), 0);
    }
}
