//! The order of the tracks in one gap between layers. Each segment that
//! changes position there runs down from where it leaves the layer above
//! to its track, across, then down to where it arrives in the layer
//! below. A segment leaving at (or near) the column where another arrives
//! must turn above it: else the first runs down past the second's turn
//! and the two share a line between their tracks (the generated maps had
//! lines 0–7 px apart over hundreds of px so).

use std::collections::BinaryHeap;

/// The turning segments of a gap, as (from, to) on the cross axis, in
/// their preferred order, reordered so that a segment leaving less than
/// `near` px from where another arrives comes before it; where such
/// wishes go round in a circle, the preferred order breaks the circle.
/// Returns the positions of `list`, first track first.
pub(super) fn order(list: &[(i64, i64)], near: i64) -> Vec<usize> {
    let n = list.len();
    // The segments by where they arrive, to find the near ones quickly.
    let mut by_arrival: Vec<usize> = (0..n).collect();
    by_arrival.sort_by_key(|&k| (list[k].1, k));
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut waits = vec![0usize; n];
    for (a, &(from, _)) in list.iter().enumerate() {
        let lo = by_arrival.partition_point(|&k| list[k].1 <= from - near);
        for &b in by_arrival[lo..]
            .iter()
            .take_while(|&&k| list[k].1 < from + near)
        {
            if b != a {
                after[a].push(b);
                waits[b] += 1;
            }
        }
    }
    // Kahn's algorithm, the preferred order first among the ready ones.
    // Where wishes go round in a circle, the segment next is the one that
    // still waits for the fewest (each wish it passes over is a stretch
    // where two lines run together; the first unplaced one, taken before,
    // could pass over many). Entries are (waits, segment), stale ones
    // skipped.
    let mut queue: BinaryHeap<std::cmp::Reverse<(usize, usize)>> =
        (0..n).map(|k| std::cmp::Reverse((waits[k], k))).collect();
    let mut placed = vec![false; n];
    let mut out = Vec::with_capacity(n);
    while let Some(std::cmp::Reverse((w, k))) = queue.pop() {
        if placed[k] || w != waits[k] {
            continue;
        }
        placed[k] = true;
        out.push(k);
        for &b in &after[k] {
            if !placed[b] {
                waits[b] = waits[b].saturating_sub(1);
                queue.push(std::cmp::Reverse((waits[b], b)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::order;

    #[test]
    fn a_segment_leaving_where_another_arrives_turns_first() {
        // 0 goes right (prefers the first track); 1 leaves at 100, where 0
        // arrives: 1 must turn above 0.
        assert_eq!(order(&[(50, 100), (100, 20)], 15), [1, 0]);
        // 10 px apart is near too; 20 px is not.
        assert_eq!(order(&[(50, 110), (100, 20)], 15), [1, 0]);
        assert_eq!(order(&[(50, 120), (100, 20)], 15), [0, 1]);
        // Two segments swapping columns wish for each other first: the
        // preferred order stands, and every segment is placed once.
        assert_eq!(order(&[(10, 100), (100, 10)], 15), [0, 1]);
        // 1 and 2 leave where 0 arrives, 0 leaves where 1 arrives, 1
        // where 2 arrives: a circle. Breaking it at 1 (one wish passed
        // over: 0 first) beats breaking it at 0, the first (two: 1 and 2
        // first).
        assert_eq!(order(&[(0, 100), (100, 5), (110, 90)], 15), [1, 2, 0]);
        let mut many = order(&[(0, 30), (30, 60), (60, 0), (5, 5)], 8);
        many.sort_unstable();
        assert_eq!(many, [0, 1, 2, 3]);
    }
}
