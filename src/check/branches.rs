//! `same-branch-label`: two ways out of one step under the same label
//! (audit 13, L5). `next pir when "Resolved"` beside `end "Resolved"`
//! reads the same to the agent at the step, names two flows of the BPMN
//! gateway alike (and gives them the same condition) and two arrows of
//! the journey map: nobody can tell which way the customer goes.

use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::msg;

pub const DOCS: &[CodeDoc] = &[CodeDoc {
    code: Code::SameBranchLabel,
    context: "",
    bad: r#"journey incident {
  start confirm
  step confirm "Customer confirms" {
    owner support
    next review when "Resolved"
    end "Resolved"
  }
  step review "Post-incident review" { owner support; end "Reviewed" }
}"#,
    fix: r#"journey incident {
  start confirm
  step confirm "Customer confirms" {
    owner support
    next review when "Resolved after a Severity 1"
    end "Resolved"
  }
  step review "Post-incident review" { owner support; end "Reviewed" }
}"#,
}];

/// A label as a reader compares it: case, and spaces round and between
/// its words, do not make two labels different.
fn key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub fn check(ctx: &mut Ctx) {
    for (_, journey) in ctx.model.journeys.iter() {
        for (_, step) in journey.steps.iter() {
            // Each labelled way out: its label, what it is, where.
            let mut ways: Vec<(&str, String, crate::source::Span)> = step
                .next
                .iter()
                .filter_map(|t| {
                    let name = t.to.name.to_string();
                    Some((t.when.as_deref()?, format!("`next {name}`"), t.span))
                })
                .collect();
            // An `end` beside other ways out is a way of its own, named
            // by its outcome (the BPMN flow to the end event is).
            if let Some(end) = step.end.as_ref().filter(|_| !step.next.is_empty()) {
                if let Some(outcome) = end.value.as_deref().filter(|o| !o.trim().is_empty()) {
                    ways.push((outcome, "`end`".to_string(), end.span));
                }
            }
            // Each label so far: its key, as first written, and its way.
            let mut seen: Vec<(String, &str, &String)> = Vec::new();
            for (label, what, span) in &ways {
                let k = key(label);
                if k.is_empty() {
                    continue;
                }
                if let Some(&(_, label, first)) = seen.iter().find(|(s, _, _)| *s == k) {
                    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
                    ctx.report(
                        Diagnostic::new(
                            Code::SameBranchLabel,
                            *span,
                            msg!(
                                "same-branch-label",
                                step = &step.header.id,
                                journey = &journey.header.id,
                                label = label.as_str(),
                                first = first.as_str(),
                                second = what.as_str()
                            ),
                        )
                        .help(msg!("same-branch-label-help")),
                    );
                } else {
                    seen.push((k, label, what));
                }
            }
        }
    }
}
