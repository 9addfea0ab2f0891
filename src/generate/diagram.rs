//! Journey diagrams as Mermaid flowcharts: one node per step labelled with its
//! owner, `when` conditions on the edges, end steps drawn as terminals.
//!
//! Node ids are positional (`s0`, `s1`...), so no identifier can break the
//! syntax; labels are escaped with Mermaid's entity codes, so no spec text can
//! inject markup into a page that renders the diagram.

use crate::model::{Journey, Model, Party};

pub fn mermaid(model: &Model, journey: &Journey) -> String {
    let mut out = String::from("flowchart TD\n");
    if let Some(start) = journey.start.as_ref().and_then(|s| s.target) {
        out.push_str(&format!("  start(( )) --> s{}\n", start.index()));
    }
    for (id, step) in journey.steps.iter() {
        let owner = step.owner.as_ref().map(|o| match o.target {
            Some(Party::Team(t)) => model.teams[t].header.label().to_string(),
            Some(Party::Role(r)) => model.roles[r].header.label().to_string(),
            None => o.name.clone(),
        });
        let mut label = escape(step.header.label());
        if let Some(owner) = owner {
            label.push_str(&format!("<br/><small>{}</small>", escape(&owner)));
        }
        let (open, close) = if step.end.is_some() {
            ("([", "])")
        } else {
            ("[", "]")
        };
        out.push_str(&format!("  s{}{open}\"{label}\"{close}\n", id.index()));
    }
    for (id, step) in journey.steps.iter() {
        for t in &step.next {
            let Some(to) = t.to.target else { continue };
            match &t.when {
                Some(when) => out.push_str(&format!(
                    "  s{} -->|\"{}\"| s{}\n",
                    id.index(),
                    escape(when),
                    to.index()
                )),
                None => out.push_str(&format!("  s{} --> s{}\n", id.index(), to.index())),
            }
        }
    }
    out
}

/// Mermaid entity codes for every character that could end a label or start markup.
fn escape(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn labels_cannot_break_out() {
        assert_eq!(
            escape("a\"]; click s0 \"<script>\""),
            "a#quot;]; click s0 #quot;#lt;script#gt;#quot;"
        );
        assert_eq!(escape("x|y #1"), "x#124;y #35;1");
    }
}
