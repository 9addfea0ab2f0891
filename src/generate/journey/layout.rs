//! Where each step of a journey is drawn: a swimlane per owner, a column per
//! step of distance from `start`, and a row when several steps of one owner
//! share a column. One breadth-first walk, so a journey of any size lays out
//! in linear time; back edges (loops) simply point left.

use super::Graph;
use std::collections::{BTreeMap, VecDeque};

/// Width of the lane title strip on the left.
pub const LANE_HEADER: u64 = 40;
/// Room for the start event before the first column.
pub const START_WIDTH: u64 = 80;
pub const COLUMN_WIDTH: u64 = 360;
pub const ROW_HEIGHT: u64 = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: u64,
    pub y: u64,
    pub width: u64,
    pub height: u64,
}

impl Rect {
    pub fn centred(x: u64, center_y: u64, width: u64, height: u64) -> Rect {
        Rect {
            x,
            y: center_y - height / 2,
            width,
            height,
        }
    }
    pub fn center_y(&self) -> u64 {
        self.y + self.height / 2
    }
    fn right(&self) -> (u64, u64) {
        (self.x + self.width, self.center_y())
    }
    fn left(&self) -> (u64, u64) {
        (self.x, self.center_y())
    }
}

pub struct Lane {
    pub owner: String,
    pub area: Rect,
}

pub struct Layout {
    pub lanes: Vec<Lane>,
    /// The cell of each node: `COLUMN_WIDTH × ROW_HEIGHT`, inside its lane.
    pub cells: Vec<Rect>,
    /// The lane of each node.
    pub lane_of: Vec<usize>,
    pub width: u64,
    pub height: u64,
}

pub fn layout(graph: &Graph) -> Layout {
    let n = graph.nodes.len();
    let successors = graph.successors();
    // Breadth-first order from the start; unreachable steps (only in specs
    // with errors) follow in declaration order, one column further on.
    let mut column = vec![usize::MAX; n];
    let mut order = Vec::with_capacity(n);
    let mut queue = VecDeque::new();
    if let Some(s) = graph.start {
        column[s] = 0;
        queue.push_back(s);
    }
    // The next unplaced step is searched from where the last search ended,
    // and the rightmost column is kept as it grows: linear in all.
    let (mut next_unplaced, mut rightmost) = (0, None::<usize>);
    loop {
        while let Some(node) = queue.pop_front() {
            order.push(node);
            rightmost = rightmost.max(Some(column[node]));
            for &e in &successors[node] {
                let to = graph.edges[e].to;
                if column[to] == usize::MAX {
                    column[to] = column[node] + 1;
                    queue.push_back(to);
                }
            }
        }
        while next_unplaced < n && column[next_unplaced] != usize::MAX {
            next_unplaced += 1;
        }
        if next_unplaced == n {
            break;
        }
        column[next_unplaced] = rightmost.map_or(0, |c| c + 1);
        queue.push_back(next_unplaced);
    }

    // Lanes in the order their owners first appear along the walk.
    let mut lane_index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut owners: Vec<&str> = Vec::new();
    let mut lane_of = vec![0; n];
    for &node in &order {
        let owner = graph.nodes[node].owner.as_str();
        lane_of[node] = *lane_index.entry(owner).or_insert_with(|| {
            owners.push(owner);
            owners.len() - 1
        });
    }
    // Rows: the k-th step of a lane in one column goes to row k.
    let mut taken: BTreeMap<(usize, usize), u64> = BTreeMap::new();
    let mut row = vec![0u64; n];
    let mut rows_in_lane = vec![1u64; owners.len()];
    for &node in &order {
        let next = taken.entry((lane_of[node], column[node])).or_insert(0);
        row[node] = *next;
        *next += 1;
        rows_in_lane[lane_of[node]] = rows_in_lane[lane_of[node]].max(*next);
    }
    let columns = column.iter().copied().max().map_or(0, |c| c as u64 + 1);
    let width = LANE_HEADER + START_WIDTH + columns * COLUMN_WIDTH;
    let mut lanes = Vec::with_capacity(owners.len());
    let mut top = 0;
    for (i, owner) in owners.iter().enumerate() {
        let height = rows_in_lane[i] * ROW_HEIGHT;
        lanes.push(Lane {
            owner: owner.to_string(),
            area: Rect {
                x: 0,
                y: top,
                width,
                height,
            },
        });
        top += height;
    }
    let cells = (0..n)
        .map(|i| Rect {
            x: LANE_HEADER + START_WIDTH + column[i] as u64 * COLUMN_WIDTH,
            y: lanes[lane_of[i]].area.y + row[i] * ROW_HEIGHT,
            width: COLUMN_WIDTH,
            height: ROW_HEIGHT,
        })
        .collect();
    Layout {
        lanes,
        cells,
        lane_of,
        width,
        height: top.max(ROW_HEIGHT),
    }
}

/// Orthogonal waypoints from the right of `from` to the left of `to`. A flow
/// that goes back (a loop) runs along the bottom of the taller of the two.
pub fn route(from: &Rect, to: &Rect) -> Vec<(u64, u64)> {
    let (sx, sy) = from.right();
    let (tx, ty) = to.left();
    if sy == ty && tx > sx {
        return vec![(sx, sy), (tx, ty)];
    }
    if tx > sx + 20 {
        let mid = sx + 10;
        return vec![(sx, sy), (mid, sy), (mid, ty), (tx, ty)];
    }
    let below = (from.y + from.height).max(to.y + to.height) + 12;
    vec![
        (sx, sy),
        (sx + 10, sy),
        (sx + 10, below),
        (tx.saturating_sub(10), below),
        (tx.saturating_sub(10), ty),
        (tx, ty),
    ]
}

#[cfg(test)]
mod tests {
    use super::super::{Edge, Graph, Node};
    use super::*;

    fn graph(owners: &[&str], edges: &[(usize, usize)]) -> Graph {
        Graph {
            title: "t".into(),
            nodes: owners
                .iter()
                .map(|o| Node {
                    label: "x".into(),
                    owner: o.to_string(),
                    end: None,
                    hurts: false,
                })
                .collect(),
            edges: edges
                .iter()
                .map(|&(from, to)| Edge {
                    from,
                    to,
                    when: None,
                })
                .collect(),
            start: Some(0),
        }
    }

    #[test]
    fn columns_follow_distance_and_lanes_follow_owners() {
        // 0 → 1 → 2, 1 → 3, 3 → 1 (a loop back).
        let g = graph(&["a", "b", "a", "b"], &[(0, 1), (1, 2), (1, 3), (3, 1)]);
        let l = layout(&g);
        assert_eq!(l.lanes.len(), 2);
        assert_eq!(l.lane_of, [0, 1, 0, 1]);
        let x = |i: usize| l.cells[i].x;
        assert!(x(0) < x(1) && x(1) < x(2) && x(2) == x(3));
        // Steps 2 and 3 share a column but not a lane: same row 0.
        assert_eq!(l.cells[2].y, 0);
        assert_eq!(l.cells[3].y, ROW_HEIGHT);
    }

    #[test]
    fn cells_never_overlap() {
        let g = graph(&["a", "a", "a", "a"], &[(0, 1), (0, 2), (0, 3)]);
        let l = layout(&g);
        for i in 0..4 {
            for j in 0..i {
                assert_ne!((l.cells[i].x, l.cells[i].y), (l.cells[j].x, l.cells[j].y));
            }
        }
        assert_eq!(l.lanes[0].area.height, 3 * ROW_HEIGHT);
    }

    #[test]
    fn a_million_step_chain_lays_out_without_recursion() {
        let n = 1_000_000;
        let owners = vec!["a"; n];
        let edges: Vec<_> = (1..n).map(|i| (i - 1, i)).collect();
        let l = layout(&graph(&owners, &edges));
        assert_eq!(
            l.cells[n - 1].x,
            LANE_HEADER + START_WIDTH + (n as u64 - 1) * COLUMN_WIDTH
        );
    }
}
