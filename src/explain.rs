//! `cxc explain CODE`: the documentation of every code, gathered from the
//! modules that emit them.

use crate::diagnostic::{Code, CodeDoc};

/// Every code's documentation, in the order of [`Code::ALL`].
pub fn all() -> Vec<&'static CodeDoc> {
    let mut docs: Vec<&'static CodeDoc> = crate::syntax::DOCS
        .iter()
        .chain(crate::model::DOCS)
        .chain(crate::check::docs())
        .chain(crate::staffing::DOCS)
        .chain(crate::generate::zendesk::DOCS)
        .collect();
    docs.sort_by_key(|d| d.code);
    docs
}

pub fn doc(code: Code) -> Option<&'static CodeDoc> {
    all().into_iter().find(|d| d.code == code)
}

/// The text `cxc explain` prints.
pub fn render(doc: &CodeDoc) -> String {
    let indent = |text: &str| {
        text.lines()
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "{code} ({severity} by default)\n\n{summary}\n\nWhy: {why}\n\nExample that triggers it:\n\n{bad}\n\nFixed:\n\n{fix}\n",
        code = doc.code,
        severity = doc.code.default_severity().as_str(),
        summary = doc.summary,
        why = doc.why,
        bad = indent(doc.bad),
        fix = indent(doc.fix),
    )
}
