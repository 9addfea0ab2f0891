//! Where a long edge changes lane. An edge between nodes of two lanes
//! runs down its source's lane, turns across to its target's in one gap
//! between layers, and runs down that lane: every line passing that gap
//! in a lane between the two is crossed. It turned in its first gap
//! always: the insurer's "fraud confirmed" crossed three lines there,
//! the courier's "претензия удовлетворена" the line to an end event,
//! where a later gap had none.

use std::collections::{BTreeMap, HashMap};

/// The lines through each gap (by the layer below it): how many run down
/// each lane, and the lanes each line turning across it spans.
#[derive(Default)]
struct Gaps {
    down: HashMap<usize, BTreeMap<usize, i64>>,
    across: HashMap<usize, Vec<(usize, usize)>>,
}

impl Gaps {
    /// Adds (`by` 1) or takes away (-1) an edge from lane `from` in layer
    /// `top` to lane `to` in layer `bottom`, turning above layer `turn`.
    fn count(
        &mut self,
        (top, bottom): (usize, usize),
        (from, to): (usize, usize),
        turn: usize,
        by: i64,
    ) {
        for g in top + 1..=bottom {
            let lane = if g < turn { from } else { to };
            let down = self.down.entry(g).or_default();
            *down.entry(lane).or_default() += by;
            if g == turn && from != to {
                *down.entry(from).or_default() += by;
                let span = (from.min(to), from.max(to));
                let list = self.across.entry(g).or_default();
                if by > 0 {
                    list.push(span);
                } else if let Some(k) = list.iter().position(|&s| s == span) {
                    list.swap_remove(k);
                }
            }
        }
    }

    /// The lines an edge as [`Gaps::count`] takes crosses, for each layer
    /// it may turn above (`top + 1..=bottom`, in order): in the gaps
    /// before its turn it runs down `from` across the lines turning there,
    /// in its turn it crosses the lines running down the lanes between,
    /// after it it runs down `to`. Each gap is counted once, not once per
    /// turn tried (a loop back over 20,000 layers tried 20,000 turns over
    /// 20,000 gaps each: audit 17, M1).
    fn crossings(&self, (top, bottom): (usize, usize), (from, to): (usize, usize)) -> Vec<i64> {
        let (lo, hi) = (from.min(to), from.max(to));
        let gaps = top + 1..=bottom;
        let across = |g: usize, lane: usize| {
            let spans = self.across.get(&g).map_or(&[][..], Vec::as_slice);
            spans.iter().filter(|&&(a, b)| a < lane && lane < b).count() as i64
        };
        let between = |g: usize| {
            self.down
                .get(&g)
                .filter(|_| hi > lo + 1)
                .map_or(0, |down| down.range(lo + 1..hi).map(|(_, n)| n).sum())
        };
        // Lines crossed in the gaps before each turn, and from it on.
        let mut before = vec![0i64];
        for g in gaps.clone() {
            before.push(before[before.len() - 1] + across(g, from));
        }
        let mut after = vec![0i64];
        for g in gaps.clone().rev() {
            after.push(after[after.len() - 1] + across(g, to));
        }
        after.reverse();
        gaps.enumerate()
            .map(|(k, g)| before[k] + between(g) + after[k + 1])
            .collect()
    }
}

/// An edge's two ends, each as (layer, lane).
pub(super) type Ends = ((usize, usize), (usize, usize));

/// For each edge (`ends` in the direction it is laid out, by layer and
/// lane), the layer above which it turns into its target's lane: the
/// first layer after its source's, unless a later gap has it cross fewer
/// lines between the two lanes (each edge chosen in turn, against all
/// the others as chosen so far). Also the gaps weighed, the work done.
pub(super) fn turns(ends: &[Ends]) -> (Vec<usize>, usize) {
    let mut gaps = Gaps::default();
    let mut effort = 0;
    let mut turn: Vec<usize> = ends.iter().map(|&((top, _), _)| top + 1).collect();
    for (e, &((top, from), (bottom, to))) in ends.iter().enumerate() {
        if bottom > top {
            gaps.count((top, bottom), (from, to), turn[e], 1);
        }
    }
    for (e, &((top, from), (bottom, to))) in ends.iter().enumerate() {
        if bottom <= top + 1 || from == to {
            continue;
        }
        let layers = (top, bottom);
        gaps.count(layers, (from, to), turn[e], -1);
        let crossed = gaps.crossings(layers, (from, to));
        effort += crossed.len();
        turn[e] = (top + 1..=bottom)
            .zip(crossed)
            .min_by_key(|&(_, n)| n)
            .expect("a gap between the two layers")
            .0;
        gaps.count(layers, (from, to), turn[e], 1);
    }
    (turn, effort)
}

#[cfg(test)]
mod tests {
    use super::turns;

    #[test]
    fn a_long_edge_turns_where_it_crosses_least() {
        // Edge 0 from lane 0 (layer 0) to lane 2 (layer 2); edge 1 runs
        // down lane 1 from layer 0 to layer 1 only: turning above layer
        // 1 crosses it, above layer 2 nothing.
        let ends = [((0, 0), (2, 2)), ((0, 1), (1, 1))];
        assert_eq!(turns(&ends).0[0], 2);
        // Down lane 1 through both gaps: the first gap, as always.
        let ends = [((0, 0), (2, 2)), ((0, 1), (2, 1))];
        assert_eq!(turns(&ends).0[0], 1);
        // Edge 1 turns from lane 2 to lane 0 above layer 2: edge 0 (lane
        // 0 to 1), down lane 1 there, would cross it; turning above layer
        // 2 it is still in lane 0 when edge 1 passes.
        let ends = [((0, 0), (3, 1)), ((1, 2), (2, 0))];
        assert_eq!(turns(&ends).0[0], 2);
    }
}
