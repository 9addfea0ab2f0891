//! A journey as a picture, in every form cxc draws it: Mermaid and DOT text
//! (`text`), a laid-out graph (`layout`) drawn as inline SVG for the site
//! (`svg`) and as BPMN 2.0 for process modellers (`bpmn`).
//!
//! All of them start from [`Graph`]: one walk over the model that resolves
//! owners and drops dangling references, so no drawing repeats it.

pub mod bpmn;
pub mod layered;
pub mod metrics;
pub mod svg;
pub mod text;

use crate::model::{Journey, Model, Party};

/// A journey reduced to what a drawing needs. Node `i` is step `i`.
pub struct Graph {
    pub title: String,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// The first step, if `start` names one.
    pub start: Option<usize>,
    /// The journey's phases: each title and its steps.
    pub phases: Vec<(String, Vec<usize>)>,
}

pub struct Node {
    pub label: String,
    /// The owner's display name; steps owned by nobody share the lane "".
    pub owner: String,
    /// `Some(outcome)` for a step with `end` (the outcome may be empty).
    pub end: Option<String>,
    /// Its measured effort or drop-off says it hurts: the map highlights it.
    pub hurts: bool,
    /// What the map's tooltip adds: the step's deadline, channels, description.
    pub within: Option<crate::syntax::values::TimeLimit>,
    pub channels: Vec<String>,
    /// The kind of each of `channels` (for its icon), where declared.
    pub channel_kinds: Vec<Option<crate::syntax::values::ChannelKind>>,
    pub description: Option<String>,
    /// Measured satisfaction (1..5) and effort (1 low .. 5 high), if given:
    /// the map's experience curve.
    pub csat: Option<f64>,
    pub effort: Option<f64>,
    /// What the exports measured at the step, for its tooltip, and in
    /// short for the box itself (`2d3h · ↓5.7%`: median time, drop-off).
    pub measured: Option<String>,
    pub badge: Option<String>,
}

pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub when: Option<String>,
}

/// The name an end event carries, on the map and in BPMN alike: the
/// step's outcome, or "Done" for an `end` with none.
pub fn end_name(outcome: &str, language: crate::syntax::values::Language) -> &str {
    use crate::syntax::values::Language;
    match (outcome.is_empty(), language) {
        (false, _) => outcome,
        (true, Language::En) => "Done",
        (true, Language::Ru) => "Завершено",
    }
}

impl Graph {
    pub fn new(model: &Model, journey: &Journey, checks: &crate::check::Options) -> Graph {
        let nodes = journey
            .steps
            .iter()
            .map(|(_, step)| Node {
                label: step.header.label().to_string(),
                owner: step
                    .owner
                    .as_ref()
                    .map(|o| match o.target {
                        Some(Party::Team(t)) => model.teams[t].header.label().to_string(),
                        Some(Party::Role(r)) => model.roles[r].header.label().to_string(),
                        None => o.name.to_string(),
                    })
                    .unwrap_or_default(),
                end: step
                    .end
                    .as_ref()
                    .map(|e| e.value.clone().unwrap_or_default()),
                hurts: crate::check::journeys::hurts(step, checks),
                within: step.within.as_ref().map(|w| w.value),
                channels: step
                    .channels
                    .iter()
                    .filter_map(|c| c.target)
                    .map(|c| model.channels[c].header.label().to_string())
                    .collect(),
                channel_kinds: step
                    .channels
                    .iter()
                    .filter_map(|c| c.target)
                    .map(|c| model.channels[c].kind)
                    .collect(),
                description: step.header.description.clone(),
                csat: step.csat,
                effort: step.effort,
                measured: None,
                badge: None,
            })
            .collect();
        let edges = journey
            .steps
            .iter()
            .flat_map(|(id, step)| {
                step.next.iter().filter_map(move |t| {
                    Some(Edge {
                        from: id.index(),
                        to: t.to.target?.index(),
                        when: t.when.clone(),
                    })
                })
            })
            .collect();
        Graph {
            title: journey.header.label().to_string(),
            nodes,
            edges,
            start: journey
                .start
                .as_ref()
                .and_then(|s| s.target)
                .map(|s| s.index()),
            phases: journey
                .phases
                .iter()
                .map(|p| {
                    let steps = p.steps.iter().filter_map(|r| r.target).map(|s| s.index());
                    (p.header.label().to_string(), steps.collect())
                })
                .collect(),
        }
    }

    /// A lane per owner, in the order owners first appear from the start.
    pub fn lanes(&self) -> (Vec<String>, Vec<usize>) {
        self.lanes_by(|n| n.owner.clone())
    }

    /// A lane per distinct `key` of the steps, in the order keys first
    /// appear on a breadth-first walk from the start (steps it does not
    /// reach follow in declaration order); and the lane of each step.
    pub fn lanes_by<K: Eq + std::hash::Hash + Clone>(
        &self,
        key: impl Fn(&Node) -> K,
    ) -> (Vec<K>, Vec<usize>) {
        let mut keys: Vec<K> = Vec::new();
        let mut index: std::collections::HashMap<K, usize> = std::collections::HashMap::new();
        let mut lane_of = vec![0; self.nodes.len()];
        let mut seen = vec![false; self.nodes.len()];
        let successors = self.successors();
        let mut queue = std::collections::VecDeque::new();
        for s in self.start.into_iter().chain(0..self.nodes.len()) {
            if seen[s] {
                continue;
            }
            seen[s] = true;
            queue.push_back(s);
            while let Some(v) = queue.pop_front() {
                let k = key(&self.nodes[v]);
                lane_of[v] = *index.entry(k.clone()).or_insert_with(|| {
                    keys.push(k);
                    keys.len() - 1
                });
                for &e in &successors[v] {
                    let to = self.edges[e].to;
                    if !seen[to] {
                        seen[to] = true;
                        queue.push_back(to);
                    }
                }
            }
        }
        (keys, lane_of)
    }

    /// Outgoing edges per node, in declaration order.
    pub fn successors(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.nodes.len()];
        for (i, e) in self.edges.iter().enumerate() {
            out[e.from].push(i);
        }
        out
    }
}
