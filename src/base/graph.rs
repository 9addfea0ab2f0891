//! Graph algorithms shared by the rules, all iterative and linear.
//!
//! petgraph holds the graphs and does the reachability walks (its `Dfs` is
//! iterative). Strongly connected components are computed here with an
//! iterative Tarjan: petgraph's `tarjan_scc` recurses once per node and
//! overflows the stack near 58k nodes in release builds (3.8k in debug), and
//! a journey or a reporting line may be far longer than that.

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{Dfs, Reversed};

pub type Graph = DiGraph<(), ()>;

/// A graph whose node `i` stands for item `i` of some list.
pub fn graph_of(nodes: usize, edges: impl IntoIterator<Item = (usize, usize)>) -> Graph {
    let mut graph = Graph::with_capacity(nodes, nodes);
    for _ in 0..nodes {
        graph.add_node(());
    }
    for (a, b) in edges {
        graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
    }
    graph
}

/// Successor lists in the order the edges were added (petgraph lists the
/// newest edge first), so walks follow the spec's own order.
fn adjacency(graph: &Graph) -> Vec<Vec<usize>> {
    (0..graph.node_count())
        .map(|i| {
            let mut next: Vec<usize> = graph
                .neighbors(NodeIndex::new(i))
                .map(|m| m.index())
                .collect();
            next.reverse();
            next
        })
        .collect()
}

/// Nodes reachable from `roots`.
pub fn reachable_from(graph: &Graph, roots: impl IntoIterator<Item = usize>) -> Vec<bool> {
    let mut seen = vec![false; graph.node_count()];
    let mut dfs = Dfs::empty(graph);
    for root in roots {
        dfs.move_to(NodeIndex::new(root));
        while let Some(n) = dfs.next(graph) {
            seen[n.index()] = true;
        }
    }
    seen
}

/// Nodes from which one of `targets` can be reached.
pub fn reaching(graph: &Graph, targets: impl IntoIterator<Item = usize>) -> Vec<bool> {
    let reversed = Reversed(graph);
    let mut seen = vec![false; graph.node_count()];
    let mut dfs = Dfs::empty(reversed);
    for target in targets {
        dfs.move_to(NodeIndex::new(target));
        while let Some(n) = dfs.next(reversed) {
            seen[n.index()] = true;
        }
    }
    seen
}

/// Strongly connected components, each sorted by node index, in reverse
/// topological order of the condensation (a component comes before every
/// component that can reach it).
pub fn components(graph: &Graph) -> Vec<Vec<usize>> {
    const UNVISITED: u32 = u32::MAX;
    let n = graph.node_count();
    let adjacency = adjacency(graph);
    let mut index = vec![UNVISITED; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut counter = 0u32;
    let mut result = Vec::new();
    // Explicit call stack: (node, position in its adjacency list).
    let mut calls: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if index[root] != UNVISITED {
            continue;
        }
        calls.push((root, 0));
        index[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut pos)) = calls.last_mut() {
            if let Some(&w) = adjacency[v].get(*pos) {
                *pos += 1;
                if index[w] == UNVISITED {
                    index[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                component.sort_unstable();
                result.push(component);
            }
        }
    }
    result
}

/// Whether a component is a circle: more than one node, or a node that leads
/// to itself (a self-loop is a component of one).
pub fn is_cycle(graph: &Graph, component: &[usize]) -> bool {
    match component {
        [single] => graph.contains_edge(NodeIndex::new(*single), NodeIndex::new(*single)),
        _ => !component.is_empty(),
    }
}

/// A depth-first search from one node, in the spec's order of edges
/// (iterative: a journey may be a million steps long).
pub(crate) struct Search {
    /// Reachable nodes in reverse postorder: topological for the forward edges.
    pub order: Vec<usize>,
    /// Edges to a node not on the search's stack (tree, forward and cross
    /// edges): they form a DAG.
    pub forward: Vec<Vec<usize>>,
    /// Edges to a node on the stack, in the order found: each closes a loop.
    pub back: Vec<(usize, usize)>,
    /// Each reached node's parent in the search tree.
    pub parent: Vec<Option<usize>>,
    /// When each node was entered and left (`usize::MAX`: never reached).
    pub entered: Vec<usize>,
    pub left: Vec<usize>,
}

impl Search {
    pub(crate) fn from(graph: &Graph, start: usize) -> Search {
        let n = graph.node_count();
        let adjacency = adjacency(graph);
        let mut entered = vec![usize::MAX; n];
        let mut left = vec![usize::MAX; n];
        let mut parent = vec![None; n];
        let mut forward = vec![Vec::new(); n];
        let mut back = Vec::new();
        let mut order = Vec::new();
        let mut clock = 0;
        let mut calls = vec![(start, 0usize)];
        entered[start] = clock;
        clock += 1;
        while let Some(&mut (v, ref mut pos)) = calls.last_mut() {
            if let Some(&w) = adjacency[v].get(*pos) {
                *pos += 1;
                if entered[w] == usize::MAX {
                    entered[w] = clock;
                    clock += 1;
                    parent[w] = Some(v);
                    forward[v].push(w);
                    calls.push((w, 0));
                } else if left[w] == usize::MAX {
                    back.push((v, w));
                } else {
                    forward[v].push(w);
                }
                continue;
            }
            left[v] = clock;
            clock += 1;
            order.push(v);
            calls.pop();
        }
        order.reverse();
        Search {
            order,
            forward,
            back,
            parent,
            entered,
            left,
        }
    }

    /// Whether `b` is `a` or below it in the search tree.
    pub(crate) fn is_below(&self, a: usize, b: usize) -> bool {
        self.entered[a] <= self.entered[b] && self.left[b] <= self.left[a]
    }
}

/// An order for longest-path style walks from a start node, where each loop is
/// taken once. Edges that close a loop (back edges of a depth-first search)
/// are set aside; the rest form a DAG. The walk runs over two copies of that
/// DAG, layer 0 (`i`) and layer 1 (`n + i`): a back edge leads from layer 0
/// to layer 1, so a path goes round a loop once, and an edge that leaves a
/// loop's component (strongly connected: the path never comes back to it)
/// leads to layer 0 again, so the next loop on the way is taken once too —
/// two loops one after the other both count. Every predecessor chain is a
/// real walk. Loops that share steps (one component) are taken one only:
/// `hot-potato` walks this; the longest sum of deadlines, where every loop
/// of a component counts, is [`super::loops::longest_walk`].
pub struct PathOrder {
    /// Reachable nodes in topological order of the forward edges.
    pub order: Vec<usize>,
    pub forward: Vec<Vec<usize>>,
    pub back: Vec<(usize, usize)>,
    nodes: usize,
    /// The walk's edges out of each walk node (`i` or `n + i`).
    next: Vec<Vec<usize>>,
    /// Walk nodes such that every walk edge goes forward.
    walk_order: Vec<usize>,
}

impl PathOrder {
    pub fn new(graph: &Graph, start: usize) -> PathOrder {
        let n = graph.node_count();
        let Search {
            order: postorder,
            forward,
            back,
            ..
        } = Search::from(graph, start);
        let (next, walk_order) = walk_edges(graph, &postorder, &forward, &back);
        PathOrder {
            order: postorder,
            forward,
            back,
            nodes: n,
            next,
            walk_order,
        }
    }

    /// Number of walk nodes: two layers of the graph.
    pub fn layered_len(&self) -> usize {
        2 * self.nodes
    }

    /// The graph node a walk node stands for.
    pub fn node(&self, layered: usize) -> usize {
        layered % self.nodes.max(1)
    }

    /// Calls `relax(from, to)` on every walk edge, each after every edge
    /// into its `from`.
    pub fn walk(&self, mut relax: impl FnMut(usize, usize)) {
        for &from in &self.walk_order {
            for &to in &self.next[from] {
                relax(from, to);
            }
        }
    }
}

/// The walk's edges over the two layers (see [`PathOrder`]) and an order of
/// its nodes in which every edge goes forward: the edges form a DAG (inside a
/// component the layer only rises, and components are never re-entered), so
/// Kahn's algorithm orders them; among the nodes ready it takes layer 0 before
/// layer 1, each in topological order of the forward edges.
fn walk_edges(
    graph: &Graph,
    order: &[usize],
    forward: &[Vec<usize>],
    back: &[(usize, usize)],
) -> (Vec<Vec<usize>>, Vec<usize>) {
    let n = graph.node_count();
    let mut next = vec![Vec::new(); 2 * n];
    let mut component = vec![usize::MAX; n];
    if !back.is_empty() {
        for (id, members) in components(graph).into_iter().enumerate() {
            for v in members {
                component[v] = id;
            }
        }
    }
    for &u in order {
        for &v in &forward[u] {
            next[u].push(v);
            let stays = component[u] == component[v];
            next[n + u].push(if stays { n + v } else { v });
        }
    }
    for &(u, v) in back {
        next[u].push(n + v);
    }
    let mut rank = vec![usize::MAX; 2 * n];
    for (i, &v) in order.iter().enumerate() {
        rank[v] = i;
        rank[n + v] = order.len() + i;
    }
    let mut into = vec![0usize; 2 * n];
    for edges in &next {
        for &to in edges {
            into[to] += 1;
        }
    }
    let mut ready: std::collections::BinaryHeap<std::cmp::Reverse<(usize, usize)>> = order
        .iter()
        .flat_map(|&v| [v, n + v])
        .filter(|&w| into[w] == 0)
        .map(|w| std::cmp::Reverse((rank[w], w)))
        .collect();
    let mut walk_order = Vec::with_capacity(2 * order.len());
    while let Some(std::cmp::Reverse((_, w))) = ready.pop() {
        walk_order.push(w);
        for &to in &next[w] {
            into[to] -= 1;
            if into[to] == 0 {
                ready.push(std::cmp::Reverse((rank[to], to)));
            }
        }
    }
    (next, walk_order)
}

/// Follows predecessor links back from `end` (links of a DAG, so it ends).
pub fn trace_back(end: usize, pred: impl Fn(usize) -> Option<usize>) -> Vec<usize> {
    let mut path = vec![end];
    let mut at = end;
    while let Some(p) = pred(at) {
        path.push(p);
        at = p;
    }
    path.reverse();
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_find_loops_and_self_loops() {
        let g = graph_of(5, [(0, 1), (1, 2), (2, 1), (3, 3), (3, 4)]);
        let comps = components(&g);
        let cycles: Vec<_> = comps.iter().filter(|c| is_cycle(&g, c)).cloned().collect();
        assert_eq!(cycles.len(), 2);
        assert!(cycles.contains(&vec![1, 2]));
        assert!(cycles.contains(&vec![3]));
        assert!(!is_cycle(&g, &[0]));
    }

    #[test]
    fn components_come_sinks_first() {
        let g = graph_of(3, [(0, 1), (1, 2)]);
        assert_eq!(components(&g), vec![vec![2], vec![1], vec![0]]);
    }

    #[test]
    fn a_million_node_chain_does_not_overflow() {
        let n = 1_000_000;
        let g = graph_of(n, (0..n - 1).map(|i| (i, i + 1)).chain([(n - 1, 0)]));
        let comps = components(&g);
        assert_eq!(comps.len(), 1);
        assert_eq!(comps[0].len(), n);
        let order = PathOrder::new(&g, 0);
        assert_eq!(order.order.len(), n);
        assert_eq!(order.back, vec![(n - 1, 0)]);
    }

    #[test]
    fn path_order_takes_each_loop_once() {
        // 0 → 1 → 2 → 3, with 2 → 1 closing a loop.
        let g = graph_of(4, [(0, 1), (1, 2), (2, 1), (2, 3)]);
        let order = PathOrder::new(&g, 0);
        let mut length = vec![None; order.layered_len()];
        length[0] = Some(0u32);
        order.walk(|a, b| {
            if let Some(l) = length[a] {
                length[b] = length[b].max(Some(l + 1));
            }
        });
        // 0-1-2-1-2-3 is the longest walk that goes round the loop once;
        // leaving the loop's component it is back on layer 0.
        assert_eq!(length[3], Some(5));
    }

    /// Walk lengths (edges) from node 0 to every walk node.
    fn lengths(g: &Graph) -> (PathOrder, Vec<Option<u32>>) {
        let order = PathOrder::new(g, 0);
        let mut length = vec![None; order.layered_len()];
        length[0] = Some(0u32);
        order.walk(|a, b| {
            if let Some(l) = length[a] {
                length[b] = length[b].max(Some(l + 1));
            }
        });
        (order, length)
    }

    #[test]
    fn two_loops_one_after_the_other_are_both_taken_once() {
        // 0 ⇄ 1 → 2 ⇄ 3 → 4 (the audit's two-loops journey): 0-1-0-1-2-3-2-3-4.
        let g = graph_of(5, [(0, 1), (1, 0), (1, 2), (2, 3), (3, 2), (3, 4)]);
        let (order, length) = lengths(&g);
        let n = 5;
        assert_eq!(length[4].max(length[n + 4]), Some(8));
        // Each loop once, not twice: 0-1-0-1-2, never 0-1-0-1-0-1-2.
        let g = graph_of(3, [(0, 1), (1, 0), (1, 2)]);
        let (_, length) = lengths(&g);
        assert_eq!(length[2].max(length[3 + 2]), Some(4));
        assert!(order.walk_order.len() <= order.layered_len());
    }
}
