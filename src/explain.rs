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
        .chain(crate::staffing::targets::DOCS)
        .chain(crate::generate::zendesk::DOCS)
        .collect();
    docs.sort_by_key(|d| d.code);
    docs
}

pub fn doc(code: Code) -> Option<&'static CodeDoc> {
    all().into_iter().find(|d| d.code == code)
}

/// The text `cxc explain` prints; for `syntax`, followed by the form of
/// every declaration and statement.
pub fn render(doc: &CodeDoc) -> String {
    let mut text = render_doc(doc);
    if doc.code == Code::Syntax {
        text.push_str(&forms());
    }
    text
}

/// Every declaration's header and statements, each with an example.
fn forms() -> String {
    use crate::syntax::ast::DeclKind;
    use crate::syntax::forms;
    let mut out = String::from(
        "\nThe forms (CAPITALS stand for what you write, [brackets] for what may be left out;\n\
         statements end at a new line or `;`):\n",
    );
    for &kind in DeclKind::ALL {
        out.push_str(&format!("\n{}\n", forms::header(kind)));
        let statements = forms::statements(kind);
        let width = statements.iter().map(|f| f.form.len()).max().unwrap_or(0);
        for f in statements {
            out.push_str(&format!("    {:width$}   e.g. {}\n", f.form, f.example));
        }
    }
    out
}

fn render_doc(doc: &CodeDoc) -> String {
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
