//! `cxc explain CODE`: the documentation of every code, gathered from the
//! modules that emit them.

use crate::diagnostic::{Code, CodeDoc};
use crate::i18n::examples as words;
use crate::msg;
use crate::syntax::values::Language;

/// The organisation every example of `cxc explain` is written against: the
/// teams, roles and channels they name. An example runs as this, then the
/// doc's `context`, then its `bad` (or `fix`) text; this alone is clean.
pub const EXAMPLE_BASE: &str = r#"team support "Customer service" { lead support_lead }
team sales {}
team design {}
team quality {}
team installers {}
team factory {}
team it {}
team kitchen {}
team couriers {}
team legal {}
role support_lead { team support; duty "Leads customer service" }
role quality_lead { team quality; duty "Leads quality" }
role cx_director { team support; duty "Owns the service standards" }
role it_lead { team it; duty "Leads IT" }
calendar workday { open mon-fri 09:00-18:00 }
channel phone { kind phone; owner support; hours workday }
channel email { kind email; owner support; hours workday }
channel chat { kind chat; owner support; hours workday }
channel portal { kind portal; self_service }
channel field { kind field; owner installers }
segment everyone { channels phone, email, chat, portal, field }
sla everyone_sla for everyone {
  hours workday
  answer phone 80% within 1m
  answer chat 80% within 1m
  first_response email within 9h
  resolution within 90h
}
"#;

/// Every code's documentation, in the order of [`Code::ALL`]: one per code
/// (its first example), as `cxc explain` lists them and SARIF's rules.
pub fn all() -> Vec<&'static CodeDoc> {
    let mut docs = examples();
    docs.dedup_by_key(|d| d.code);
    docs
}

/// Every example of every code (a code may have several: `too-many-tiers`
/// by tiers, and by an `order arrival` queue), in the order of
/// [`Code::ALL`]; each one's `bad` triggers its code and its `fix` does not.
pub fn examples() -> Vec<&'static CodeDoc> {
    let mut docs: Vec<&'static CodeDoc> = crate::syntax::DOCS
        .iter()
        .chain(crate::model::DOCS)
        .chain(crate::check::docs())
        .chain(crate::staffing::DOCS)
        .chain(crate::staffing::targets::DOCS)
        .chain(crate::generate::zendesk::DOCS)
        .chain(crate::generate::templates::DOCS)
        .chain(crate::measure::findings::DOCS)
        .collect();
    docs.sort_by_key(|d| d.code);
    docs
}

pub fn doc(code: Code) -> Option<&'static CodeDoc> {
    all().into_iter().find(|d| d.code == code)
}

/// `cxc explain` without a code: every code, its default severity in the
/// language's words (audit 14, L4: `error`/`warning` in a Russian list)
/// and what it means, one a line.
pub fn list(language: Language) -> String {
    let error = msg!("explain-list-severity", severity = "error").text(language);
    let warning = msg!("explain-list-severity", severity = "warning").text(language);
    let width = error.chars().count().max(warning.chars().count());
    let mut out = String::new();
    for doc in all() {
        let severity = match doc.code.default_severity() {
            crate::diagnostic::Severity::Error => &error,
            crate::diagnostic::Severity::Warning => &warning,
        };
        out.push_str(&format!(
            "{:<30} {severity:<width$} {}\n",
            doc.code.as_str(),
            doc.summary(language)
        ));
    }
    out
}

/// The text `cxc explain` prints; for `syntax`, followed by the form of
/// every declaration and statement.
pub fn render(doc: &CodeDoc, language: Language) -> String {
    let mut text = render_doc(doc, language);
    if doc.code == Code::Syntax {
        text.push_str(&forms(language));
    }
    text
}

/// `cxc help language`: the language in short — how a spec is written, its
/// values, the form of every declaration and statement, comments and
/// `cxc.yaml` — so a user of the binary needs no other document.
pub fn language(language: Language) -> String {
    let mut out = msg!("help-language").text(language);
    out.push('\n');
    out.push_str(&forms(language));
    out.push('\n');
    out.push_str(&msg!("help-language-config").text(language));
    out.push('\n');
    out
}

/// Every declaration's header and statements, each with an example.
fn forms(language: Language) -> String {
    use crate::syntax::ast::DeclKind;
    use crate::syntax::forms;
    let mut out = format!("\n{}\n", msg!("explain-forms").text(language));
    for &kind in DeclKind::ALL {
        let header = words::localise(forms::header(kind), language);
        out.push_str(&format!("\n{header}\n"));
        let statements: Vec<(String, String)> = forms::statements(kind)
            .iter()
            .map(|f| {
                let said = |text| words::localise(text, language);
                (said(f.form), said(f.example))
            })
            .collect();
        let width = statements
            .iter()
            .map(|(form, _)| form.chars().count())
            .max()
            .unwrap_or(0);
        let eg = msg!("explain-eg").text(language);
        for (form, example) in statements {
            out.push_str(&format!("    {form:width$}   {eg} {example}\n"));
        }
    }
    out
}

fn render_doc(doc: &CodeDoc, language: Language) -> String {
    let indent = |text: &str| {
        text.lines()
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let say = |message: crate::i18n::Message| message.text(language);
    format!(
        "{title}\n\n{summary}\n\n{why}\n\n{example}\n\n{bad}\n\n{fixed}\n\n{fix}\n",
        title = say(msg!(
            "explain-title",
            code = doc.code.as_str(),
            severity = doc.code.default_severity().as_str()
        )),
        summary = doc.summary(language),
        why = say(msg!("explain-why", why = doc.why(language))),
        example = say(msg!("explain-example")),
        fixed = say(msg!("explain-fixed")),
        bad = indent(&words::localise(doc.bad, language)),
        fix = indent(&words::localise(doc.fix, language)),
    )
}
