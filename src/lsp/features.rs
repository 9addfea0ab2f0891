//! What the editor asks for, answered from an [`Analysis`]: diagnostics,
//! hover, definition, references, rename, outline, completion, quick fixes
//! and formatting. Pure functions of the analysis and the request.

use super::analysis::{Analysis, SpecFile};
use super::index::{self, Symbol};
use super::text::LineIndex;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::syntax::ast::DeclKind;
use crate::syntax::forms;
use lsp_types as lsp;
use std::collections::HashMap;

pub(crate) fn diagnostic(d: &Diagnostic, analysis: &Analysis) -> lsp::Diagnostic {
    let lines = analysis.lines(d.span.file);
    let related = d
        .labels
        .iter()
        .filter_map(|(span, message)| {
            let file = analysis.files.iter().find(|f| f.id == span.file)?;
            let lines = analysis.lines(span.file);
            Some(lsp::DiagnosticRelatedInformation {
                location: lsp::Location::new(
                    file.uri.clone(),
                    lines.range(span.start(), span.end()),
                ),
                message: message.clone(),
            })
        })
        .collect::<Vec<_>>();
    let message = if d.help.is_empty() {
        d.message.clone()
    } else {
        let label =
            crate::msg!("help-label").text(super::analysis::language(&analysis.compilation));
        format!("{}\n{label}: {}", d.message, d.help)
    };
    lsp::Diagnostic {
        range: lines.range(d.span.start(), d.span.end()),
        severity: Some(match d.severity {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        }),
        code: Some(lsp::NumberOrString::String(d.code.as_str().to_string())),
        source: Some("cxc".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

/// The diagnostics of `file` whose span touches `start..end`.
fn diagnostics_at<'a>(
    analysis: &'a Analysis,
    file: &SpecFile,
    start: usize,
    end: usize,
) -> impl Iterator<Item = &'a Diagnostic> {
    let id = file.id;
    analysis
        .compilation
        .diagnostics
        .iter()
        .filter(move |d| d.span.file == id && d.span.start() <= end && start <= d.span.end())
}

fn location(analysis: &Analysis, file: &SpecFile, range: &std::ops::Range<usize>) -> lsp::Location {
    let lines = analysis.lines(file.id);
    lsp::Location::new(file.uri.clone(), lines.range(range.start, range.end))
}

pub(crate) fn definition(
    analysis: &Analysis,
    file: &SpecFile,
    offset: usize,
) -> Vec<lsp::Location> {
    let Some(at) = file.index.at(offset) else {
        return Vec::new();
    };
    analysis
        .definitions(file.id, at)
        .into_iter()
        .map(|(f, def)| location(analysis, f, &def.range))
        .collect()
}

pub(crate) fn references(
    analysis: &Analysis,
    file: &SpecFile,
    offset: usize,
    include_declaration: bool,
) -> Vec<lsp::Location> {
    let Some(at) = file.index.at(offset) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (_, def) in analysis.definitions(file.id, at) {
        for (f, o) in analysis.references(file.id, def) {
            if include_declaration || !o.definition {
                out.push(location(analysis, f, &o.range));
            }
        }
    }
    out
}

/// The edits of a rename, or why it is refused.
pub(crate) fn rename(
    analysis: &Analysis,
    file: &SpecFile,
    offset: usize,
    new_name: &str,
) -> Result<lsp::WorkspaceEdit, String> {
    let at = file
        .index
        .at(offset)
        .ok_or("put the cursor on a name to rename it")?;
    let defs = analysis.definitions(file.id, at);
    let (_, def) = defs
        .first()
        .ok_or(format!("`{}` is not declared", at.name))?;
    let probe = format!("team {new_name} {{}}");
    let parsed = crate::syntax::parse_with(crate::source::FileId(0), &probe, false);
    let valid = parsed.diagnostics.is_empty()
        && parsed.file.declarations.len() == 1
        && parsed.file.declarations[0]
            .ident
            .as_ref()
            .is_some_and(|i| *i.name == *new_name);
    if !valid {
        return Err(format!(
            "`{new_name}` is not a name: use letters, digits, `_` and `-`, starting with a letter"
        ));
    }
    let kind = def.kinds[0];
    if analysis
        .declared(file.id, &[kind], def.journey.as_deref())
        .any(|(_, o)| o.name == new_name)
    {
        return Err(format!(
            "a {} named `{new_name}` already exists{}",
            kind.keyword(),
            match &def.journey {
                Some(j) => format!(" in journey `{j}`"),
                None => String::new(),
            }
        ));
    }
    let mut changes: HashMap<lsp::Url, Vec<lsp::TextEdit>> = HashMap::new();
    for (f, o) in analysis.references(file.id, def) {
        let range = location(analysis, f, &o.range).range;
        changes
            .entry(f.uri.clone())
            .or_default()
            .push(lsp::TextEdit::new(range, new_name.to_string()));
    }
    Ok(lsp::WorkspaceEdit::new(changes))
}

pub(crate) fn hover(analysis: &Analysis, file: &SpecFile, offset: usize) -> Option<lsp::Hover> {
    let mut parts = Vec::new();
    if let Some(at) = file.index.at(offset) {
        for (f, def) in analysis.definitions(file.id, at) {
            let symbol = find_symbol(&f.index.symbols, &def.range)?;
            parts.push(describe(analysis, f, symbol));
        }
    }
    parts.extend(duration(analysis, file, offset));
    for d in diagnostics_at(analysis, file, offset, offset) {
        let mut text = format!("**{}** — {}", d.code.as_str(), d.message);
        if let Some(doc) = crate::explain::doc(d.code) {
            let language = super::analysis::language(&analysis.compilation);
            let why = crate::msg!("explain-why", why = doc.why(language)).text(language);
            text.push_str(&format!("\n\n{}\n\n{why}", doc.summary(language)));
        }
        text.push_str(&format!("\n\n`cxc explain {}`", d.code.as_str()));
        parts.push(text);
    }
    (!parts.is_empty()).then(|| lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range: None,
    })
}

/// What a timer's duration under the cursor means on its clock: working
/// days with the running time they can leave, or days on a calendar that
/// stops after hours in the hours they are.
fn duration(analysis: &Analysis, file: &SpecFile, offset: usize) -> Option<String> {
    use crate::model::Extreme;
    use crate::syntax::values::TimeLimit;
    let range = file
        .index
        .durations
        .iter()
        .find(|r| r.start <= offset && offset <= r.end)?;
    let limit = TimeLimit::parse(&analysis.text(file.id)[range.clone()]).ok()?;
    let model = &analysis.spec_of(file.id)?.model;
    let (decl, _) = file.index.enclosing(range.start)?;
    let name = decl.name.as_deref()?;
    let clock = match decl.kind {
        DeclKind::Sla => model.slas.values().find(|s| &*s.header.id == name)?.clock(),
        DeclKind::Complaint => model
            .complaints
            .values()
            .find(|c| &*c.header.id == name)?
            .clock(),
        DeclKind::Promise => {
            model.promise_clock_any(model.promises.values().find(|p| &*p.header.id == name)?)
        }
        DeclKind::Journey | DeclKind::Step | DeclKind::Agreement => None,
        _ => return None,
    };
    let calendar = clock.map(|c| &model.calendars[c]).filter(|c| !c.is_24x7());
    let language = super::analysis::language(&analysis.compilation);
    let said = |business| crate::generate::words::limit(limit, business, language);
    let message = match (limit, calendar) {
        (TimeLimit::WorkingDays(_), _) => {
            let running = |extreme| model.running(limit, clock, extreme).in_hours().to_string();
            let (shortest, longest) = (running(Extreme::Shortest), running(Extreme::Longest));
            match calendar {
                Some(c) => crate::msg!(
                    "hover-working-days",
                    limit = limit.to_string(),
                    days = said(true),
                    calendar = &c.header.id,
                    shortest = shortest,
                    longest = longest
                ),
                None => crate::msg!(
                    "hover-working-days-wall",
                    limit = limit.to_string(),
                    days = said(false),
                    shortest = shortest,
                    longest = longest
                ),
            }
        }
        (TimeLimit::Running { .. }, Some(c)) if limit.in_days() => crate::msg!(
            "hover-days-on-business-clock",
            limit = limit.to_string(),
            hours = said(true),
            calendar = &c.header.id
        ),
        _ => return None,
    };
    Some(message.text(language))
}

fn find_symbol<'s>(symbols: &'s [Symbol], name: &std::ops::Range<usize>) -> Option<&'s Symbol> {
    symbols.iter().find_map(|s| {
        if &s.selection == name {
            Some(s)
        } else {
            find_symbol(&s.children, name)
        }
    })
}

/// What a declaration is, in words, with its text and what the compiler
/// worked out about it.
fn describe(analysis: &Analysis, file: &SpecFile, symbol: &Symbol) -> String {
    let text = analysis.text(file.id);
    let mut out = format!(
        "**{}** `{}`",
        symbol.kind.keyword(),
        symbol.name.as_deref().unwrap_or("")
    );
    if let Some(title) = &symbol.title {
        out.push_str(&format!(" — {title}"));
    }
    let source: String = text[symbol.range.clone()]
        .lines()
        .take(24)
        .collect::<Vec<_>>()
        .join("\n");
    out.push_str(&format!("\n\n```cx\n{source}\n```"));
    if let (Some(spec), Some(name)) = (analysis.spec_of(file.id), &symbol.name) {
        let model = &spec.model;
        match symbol.kind {
            DeclKind::Queue => {
                if let Some(plan) = spec.staffing.iter().find(|p| *p.id == **name) {
                    let required = plan
                        .peak_required_agents()
                        .map_or("cannot be computed".into(), |n| n.to_string());
                    let agents = plan.agents.map_or("not given".into(), |n| n.to_string());
                    out.push_str(&format!(
                        "\n\nStaffing: {required} agents needed at the peak; agents: {agents}."
                    ));
                }
            }
            DeclKind::Segment => {
                if let Some((id, _)) = model.segments.iter().find(|(_, s)| *s.header.id == **name) {
                    let slas: Vec<String> = model
                        .sla_ids_of(id)
                        .iter()
                        .map(|&s| format!("`{}`", model.slas[s].header.id))
                        .collect();
                    out.push_str(&format!(
                        "\n\nService levels: {}.",
                        if slas.is_empty() {
                            "none".into()
                        } else {
                            slas.join(", ")
                        }
                    ));
                }
            }
            _ => {}
        }
    }
    out
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be written out.
pub(crate) fn symbols(analysis: &Analysis, file: &SpecFile) -> Vec<lsp::DocumentSymbol> {
    let lines = analysis.lines(file.id);
    fn convert(s: &Symbol, lines: &LineIndex) -> lsp::DocumentSymbol {
        lsp::DocumentSymbol {
            name: s
                .name
                .clone()
                .unwrap_or_else(|| s.kind.keyword().to_string()),
            detail: s
                .title
                .clone()
                .or_else(|| Some(s.kind.keyword().to_string())),
            kind: match s.kind {
                DeclKind::Service => lsp::SymbolKind::FILE,
                DeclKind::Team | DeclKind::Role => lsp::SymbolKind::CLASS,
                DeclKind::Journey => lsp::SymbolKind::MODULE,
                DeclKind::Step => lsp::SymbolKind::FUNCTION,
                DeclKind::Phase => lsp::SymbolKind::NAMESPACE,
                DeclKind::Sla | DeclKind::Promise | DeclKind::Agreement => {
                    lsp::SymbolKind::INTERFACE
                }
                DeclKind::Segment | DeclKind::CustomerType => lsp::SymbolKind::STRUCT,
                DeclKind::Channel | DeclKind::Queue => lsp::SymbolKind::ENUM,
                DeclKind::Calendar => lsp::SymbolKind::EVENT,
                DeclKind::Complaint => lsp::SymbolKind::OBJECT,
            },
            tags: None,
            deprecated: None,
            range: lines.range(s.range.start, s.range.end),
            selection_range: lines.range(s.selection.start, s.selection.end),
            children: (!s.children.is_empty())
                .then(|| s.children.iter().map(|c| convert(c, lines)).collect()),
        }
    }
    file.index
        .symbols
        .iter()
        .map(|s| convert(s, &lines))
        .collect()
}

pub(crate) fn completion(
    analysis: &Analysis,
    file: &SpecFile,
    offset: usize,
) -> Vec<lsp::CompletionItem> {
    let text = analysis.text(file.id);
    let lines = analysis.lines(file.id);
    let line = &text[lines.line_start(offset)..offset];
    // The statement being typed: after the last `;` or `{` of the line.
    let statement = line.rsplit([';', '{']).next().unwrap_or("");
    let mut words: Vec<&str> = statement
        .split([' ', '\t', ','])
        .filter(|w| !w.is_empty())
        .collect();
    if !statement.ends_with([' ', '\t', ',']) {
        words.pop(); // the word being typed
    }
    // A number after `within` or `after`: its units.
    let typed = statement.rsplit([' ', '\t', ',']).next().unwrap_or("");
    if !typed.is_empty()
        && typed.bytes().all(|b| b.is_ascii_digit())
        && matches!(words.last(), Some(&("within" | "after")))
    {
        return duration_units(typed);
    }
    let keyword = |label: &str, detail: &str| lsp::CompletionItem {
        label: label.to_string(),
        kind: Some(lsp::CompletionItemKind::KEYWORD),
        detail: Some(detail.to_string()),
        ..Default::default()
    };
    let Some((within, journey)) = file.index.enclosing(offset) else {
        return if words.is_empty() {
            crate::syntax::parser::DECLARATIONS
                .iter()
                .map(|k| keyword(k, "declaration"))
                .collect()
        } else {
            Vec::new()
        };
    };
    let Some(&first) = words.first() else {
        // A journey's forms include `step`.
        return forms::statements(within.kind)
            .iter()
            .map(|f| keyword(f.keyword, f.form))
            .collect();
    };
    let before = words.last().copied().unwrap_or("");
    let kinds = index::expected(within.kind, first, before);
    if kinds.is_empty() {
        return if words.len() == 1 {
            index::choices(within.kind, first)
                .into_iter()
                .map(|w| keyword(w, first))
                .collect()
        } else {
            Vec::new()
        };
    }
    // Steps named in a promise are the promised journey's; else the
    // journey the cursor is in.
    let journey_name = if first == "journey" && within.kind == DeclKind::Promise {
        words.get(1).map(|s| s.to_string())
    } else {
        journey
            .or((within.kind == DeclKind::Journey).then_some(within))
            .and_then(|j| j.name.clone())
    };
    let mut seen = std::collections::HashSet::new();
    analysis
        .declared(file.id, &kinds, journey_name.as_deref())
        .filter(|(_, o)| seen.insert((o.kinds[0], o.name.clone())))
        .map(|(_, o)| lsp::CompletionItem {
            label: o.name.clone(),
            kind: Some(lsp::CompletionItemKind::REFERENCE),
            detail: Some(o.kinds[0].keyword().to_string()),
            ..Default::default()
        })
        .collect()
}

/// `3m`, `3h`, `3d` and `3wd` for a number typed where a time goes.
fn duration_units(number: &str) -> Vec<lsp::CompletionItem> {
    [
        ("m", "minutes of running time"),
        ("h", "hours of running time"),
        (
            "d",
            "days of running time: on office hours, 24 office hours each",
        ),
        (
            "wd",
            "working days: due at the close of the last, the day it starts not counted",
        ),
    ]
    .into_iter()
    .map(|(unit, detail)| lsp::CompletionItem {
        label: format!("{number}{unit}"),
        kind: Some(lsp::CompletionItemKind::UNIT),
        detail: Some(detail.to_string()),
        ..Default::default()
    })
    .collect()
}

pub(crate) fn code_actions(
    analysis: &Analysis,
    file: &SpecFile,
    start: usize,
    end: usize,
) -> Vec<lsp::CodeActionOrCommand> {
    let lines = analysis.lines(file.id);
    let language = super::analysis::language(&analysis.compilation);
    let mut actions = Vec::new();
    let mut action = |title: String, d: &Diagnostic, edit: lsp::TextEdit, preferred: bool| {
        let mut changes = HashMap::new();
        changes.insert(file.uri.clone(), vec![edit]);
        actions.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
            title,
            kind: Some(lsp::CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic(d, analysis)]),
            edit: Some(lsp::WorkspaceEdit::new(changes)),
            is_preferred: Some(preferred),
            ..Default::default()
        }));
    };
    for d in diagnostics_at(analysis, file, start, end) {
        let span = lines.range(d.span.start(), d.span.end());
        if let Some(replacement) = &d.replacement {
            action(
                crate::msg!("lsp-fix-replace", text = replacement.as_str()).text(language),
                d,
                lsp::TextEdit::new(span, replacement.clone()),
                true,
            );
        }
        if let Some((title, insert)) = skeleton(analysis, file, d) {
            action(title, d, insert, false);
        }
        if !matches!(d.code, Code::Syntax | Code::InvalidValue) {
            let line_start = lines.line_start(d.span.start());
            let indent = lines.indent_at(d.span.start());
            let at = lines.position(line_start);
            action(
                crate::msg!("lsp-fix-allow", code = d.code.as_str()).text(language),
                d,
                lsp::TextEdit::new(
                    lsp::Range::new(at, at),
                    format!("{indent}# cxc: allow({})\n", d.code.as_str()),
                ),
                false,
            );
        }
    }
    actions
}

/// A statement that fixes a missing part: `owner` for `missing-owner`,
/// `end` for `dead-end`, added at the end of the declaration's block.
fn skeleton(
    analysis: &Analysis,
    file: &SpecFile,
    d: &Diagnostic,
) -> Option<(String, lsp::TextEdit)> {
    let statement = match d.code {
        Code::MissingOwner => {
            let team = analysis
                .declared(file.id, &[DeclKind::Team], None)
                .map(|(_, o)| o.name.clone())
                .next()
                .unwrap_or_else(|| "TEAM".into());
            format!("owner {team}")
        }
        Code::DeadEnd => "end \"OUTCOME\"".to_string(),
        _ => return None,
    };
    // The innermost declaration the finding is in: a step, or the
    // declaration itself.
    let at = d.span.start();
    let holds = |s: &&Symbol| s.range.start <= at && at < s.range.end;
    let outer = file.index.symbols.iter().find(holds)?;
    let symbol = outer.children.iter().find(holds).unwrap_or(outer);
    let body = symbol.body.clone()?;
    let text = analysis.text(file.id);
    let lines = analysis.lines(file.id);
    // The `}` (the declaration's text may run on past it); a block left
    // open (the file ends first) gets no skeleton.
    let close = (body.start + text.get(body.start..body.end)?.trim_end().len()).checked_sub(1)?;
    if close <= body.start || text.get(close..close + 1) != Some("}") {
        return None;
    }
    let inner = &text[body.start + 1..close];
    let edit = if !inner.contains('\n') {
        // `{ a; b }` → `{ a; b; owner x }`
        let content_end = body.start + 1 + inner.trim_end().len();
        let sep = if inner.trim().is_empty() { " " } else { "; " };
        let at = lines.position(content_end);
        let suffix = if inner.trim().is_empty() { " " } else { "" };
        lsp::TextEdit::new(lsp::Range::new(at, at), format!("{sep}{statement}{suffix}"))
    } else {
        let line_start = lines.line_start(close);
        let indent = format!("{}  ", lines.indent_at(close));
        let at = lines.position(line_start);
        lsp::TextEdit::new(lsp::Range::new(at, at), format!("{indent}{statement}\n"))
    };
    let language = super::analysis::language(&analysis.compilation);
    let title = crate::msg!("lsp-fix-add", statement = statement.as_str()).text(language);
    Some((title, edit))
}

pub(crate) fn formatting(text: &str) -> Option<Vec<lsp::TextEdit>> {
    let formatted = crate::format::format(crate::source::FileId(0), text).ok()?;
    if formatted == text {
        return Some(Vec::new());
    }
    let lines = LineIndex::new(text);
    Some(vec![lsp::TextEdit::new(
        lines.range(0, text.len()),
        formatted,
    )])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::analysis::Analysis;

    /// Every request at every position of every shipped and corpus spec —
    /// broken ones included — answers without panicking.
    #[test]
    fn every_position_of_every_spec_is_answered() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut pending = vec![root.join("examples"), root.join("tests/corpus")];
        let mut files = Vec::new();
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                } else if path.extension().is_some_and(|e| e == "cx") {
                    files.push(path);
                }
            }
        }
        assert!(files.len() > 15);
        let uri = lsp::Url::parse("file:///spec.cx").unwrap();
        for path in files {
            let bytes = std::fs::read(&path).unwrap();
            let compilation =
                crate::pipeline::compile_bytes("spec.cx", &bytes, &Default::default());
            let analysis = Analysis::single(compilation, uri.clone());
            let Some(file) = analysis.files.first() else {
                continue;
            };
            let text = analysis.text(file.id);
            let offsets = text.char_indices().map(|(i, _)| i).chain([text.len()]);
            for offset in offsets.step_by(3) {
                let _ = hover(&analysis, file, offset);
                let _ = definition(&analysis, file, offset);
                let _ = references(&analysis, file, offset, true);
                let _ = completion(&analysis, file, offset);
                let _ = code_actions(&analysis, file, offset, offset + 1);
                let _ = rename(&analysis, file, offset, "renamed");
            }
            let _ = symbols(&analysis, file);
            let _ = formatting(text);
        }
    }
}
