//! A journey as a picture, in every form cxc draws it: Mermaid and DOT text
//! (`text`), a laid-out graph (`layout`) drawn as inline SVG for the site
//! (`svg`) and as BPMN 2.0 for process modellers (`bpmn`).
//!
//! All of them start from [`Graph`]: one walk over the model that resolves
//! owners and drops dangling references, so no drawing repeats it.

pub mod bpmn;
pub mod layout;
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
}

pub struct Node {
    pub label: String,
    /// The owner's display name; steps owned by nobody share the lane "".
    pub owner: String,
    /// `Some(outcome)` for a step with `end` (the outcome may be empty).
    pub end: Option<String>,
    /// Its measured effort or drop-off says it hurts: the map highlights it.
    pub hurts: bool,
}

pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub when: Option<String>,
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
        }
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
