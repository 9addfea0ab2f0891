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

/// Mermaid entity codes for every character that could end a label or start markup.
fn mermaid_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '|' => out.push_str("#124;"),
            '#' => out.push_str("#35;"),
            '\n' | '\r' => out.push(' '),
            '`' => out.push_str("#96;"),
            _ => out.push(c),
        }
    }
    out
}

/// A DOT quoted string may hold anything but an unescaped `"`; a backslash
/// would start an escape sequence, and Graphviz reads `<` in labels literally.
fn dot_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{dot_escape, mermaid_escape};

    #[test]
    fn labels_cannot_break_out() {
        assert_eq!(
            mermaid_escape("a\"]; click s0 \"<script>\""),
            "a#quot;]; click s0 #quot;#lt;script#gt;#quot;"
        );
        assert_eq!(mermaid_escape("x|y #1"), "x#124;y #35;1");
        assert_eq!(dot_escape("a\"] x [\\"), "a\\\"] x [\\\\");
    }
}
