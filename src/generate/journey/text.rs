//! Journey diagrams as text: Mermaid flowcharts for the Markdown maps and
//! Graphviz DOT for `cxc graph --format dot`.
//!
//! Node ids are positional (`s0`, `s1`...), so no identifier can break the
//! syntax; labels are escaped for each language, so no spec text can inject
//! markup into a page that renders the diagram.

use super::Graph;

pub fn mermaid(graph: &Graph) -> String {
    let mut out = String::from("flowchart TD\n");
    if let Some(start) = graph.start {
        out.push_str(&format!("  start(( )) --> s{start}\n"));
    }
    for (i, node) in graph.nodes.iter().enumerate() {
        let mut label = mermaid_escape(&node.label);
        if !node.owner.is_empty() {
            label.push_str(&format!(
                "<br/><small>{}</small>",
                mermaid_escape(&node.owner)
            ));
        }
        let (open, close) = if node.end.is_some() {
            ("([", "])")
        } else {
            ("[", "]")
        };
        out.push_str(&format!("  s{i}{open}\"{label}\"{close}\n"));
    }
    let hurting: Vec<String> = (0..graph.nodes.len())
        .filter(|&i| graph.nodes[i].hurts)
        .map(|i| format!("s{i}"))
        .collect();
    if !hurting.is_empty() {
        out.push_str("  classDef hurts fill:#fde2e1,stroke:#b42318,stroke-width:3px\n");
        out.push_str(&format!("  class {} hurts\n", hurting.join(",")));
    }
    for e in &graph.edges {
        match &e.when {
            Some(when) => out.push_str(&format!(
                "  s{} -->|\"{}\"| s{}\n",
                e.from,
                mermaid_escape(when),
                e.to
            )),
            None => out.push_str(&format!("  s{} --> s{}\n", e.from, e.to)),
        }
    }
    out
}

pub fn dot(graph: &Graph) -> String {
    let mut out = format!(
        "digraph journey {{\n  label=\"{}\";\n  rankdir=LR;\n  node [shape=box, style=rounded];\n",
        dot_escape(&graph.title)
    );
    if let Some(start) = graph.start {
        out.push_str(&format!(
            "  start [shape=circle, label=\"\", width=0.3];\n  start -> s{start};\n"
        ));
    }
    for (i, node) in graph.nodes.iter().enumerate() {
        let mut label = dot_escape(&node.label);
        if !node.owner.is_empty() {
            label.push_str(&format!("\\n({})", dot_escape(&node.owner)));
        }
        let shape = if node.end.is_some() {
            ", peripheries=2"
        } else {
            ""
        };
        out.push_str(&format!("  s{i} [label=\"{label}\"{shape}];\n"));
    }
    for e in &graph.edges {
        match &e.when {
            Some(when) => out.push_str(&format!(
                "  s{} -> s{} [label=\"{}\"];\n",
                e.from,
                e.to,
                dot_escape(when)
            )),
            None => out.push_str(&format!("  s{} -> s{};\n", e.from, e.to)),
        }
    }
    out.push_str("}\n");
    out
}

use crate::escape::{dot as dot_escape, mermaid as mermaid_escape};
