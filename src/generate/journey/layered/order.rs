//! Step 4 of the layout: the order of the nodes of each layer and lane,
//! by barycentre sweeps down and up.

use super::Work;

/// The nodes of each layer by lane, in drawing order: only the lanes a
/// layer has nodes in, in lane order (a journey of 10,000 steps in 10,000
/// lanes is not a 10,000 × 10,000 table).
pub(super) type Order = Vec<Vec<(usize, Vec<usize>)>>;

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
