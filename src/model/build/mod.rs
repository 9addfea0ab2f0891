//! AST → model: two passes. The first registers every declaration's name (so
//! references may point forward or into other files) and reports duplicates;
//! the second builds each entity and resolves its references.
//!
//! - this module: the two passes, the name tables, and what every kind of
//!   declaration shares (headers, statements said twice, references);
//! - `organisation`: the service, calendars, teams, roles, channels,
//!   segments, customer types, queues and agreements;
//! - `promises`: SLAs, promises and complaint procedures;
//! - `journeys`: journeys and their steps.

mod journeys;
mod organisation;
mod promises;

use super::*;
use crate::diagnostic::look_alike::{did_you_mean, mixed_script_words};
use crate::diagnostic::{closest, Diagnostic};
use crate::i18n::Message;
use crate::loader::Spec;
use crate::msg;
use crate::syntax::ast::{self, DeclKind, Declaration, Ident, OpenHours, Stmt};
use std::collections::HashMap;

/// Builds the model of a spec. The declarations are taken out of its files
/// (each file keeps its [`ast::Outline`]) and each is dropped as soon as it
/// is lowered, so the AST and the model are never both whole in memory.
pub fn build(spec: &mut Spec) -> (Model, Vec<Diagnostic>) {
    let mut builder = Builder::default();
    let mut decls: HashMap<DeclKind, Vec<Declaration>> = HashMap::new();
    let mut service: Option<Declaration> = None;

    for (_, file) in &mut spec.files {
        let declarations = std::mem::take(&mut file.declarations);
        file.outline.declarations = declarations.iter().map(ast::OutlineEntry::of).collect();
        for decl in declarations {
            if decl.kind == DeclKind::Service {
                match &service {
                    Some(first) => {
                        builder.duplicate(DeclKind::Service, None, decl.span, first.span)
                    }
                    None => service = Some(decl),
                }
                continue;
            }
            let Some(ident) = &decl.ident else { continue };
            if builder.table(decl.kind).declare(ident) {
                decls.entry(decl.kind).or_default().push(decl);
            } else {
                let first = builder.table(decl.kind).span_of(&ident.name);
                builder.duplicate(decl.kind, Some(&ident.name), decl.span, first);
            }
        }
    }

    let mut model = Model::default();
    let mut of = |kind| decls.remove(&kind).unwrap_or_default();
    if let Some(decl) = service {
        model.service = Some(builder.service(decl));
    }
    for mut d in of(DeclKind::Calendar) {
        model.calendars.push(builder.calendar(&mut d));
    }
    give_home_zone(&mut model);
    for mut d in of(DeclKind::Team) {
        model.teams.push(builder.team(&mut d));
    }
    for mut d in of(DeclKind::Role) {
        model.roles.push(builder.role(&mut d));
    }
    for mut d in of(DeclKind::Channel) {
        model.channels.push(builder.channel(&mut d));
    }
    for mut d in of(DeclKind::Segment) {
        model.segments.push(builder.segment(&mut d));
    }
    for mut d in of(DeclKind::CustomerType) {
        model.customer_types.push(builder.customer_type(&mut d));
    }
    for mut d in of(DeclKind::Sla) {
        model.slas.push(builder.sla(&mut d));
    }
    for mut d in of(DeclKind::Promise) {
        model.promises.push(builder.promise(&mut d));
    }
    for d in of(DeclKind::Journey) {
        model.journeys.push(builder.journey(d));
    }
    for mut d in of(DeclKind::Complaint) {
        model.complaints.push(builder.complaint(&mut d));
    }
    for mut d in of(DeclKind::Queue) {
        model.queues.push(builder.queue(&mut d));
    }
    for mut d in of(DeclKind::Agreement) {
        model.agreements.push(builder.agreement(&mut d));
    }
    builder.promised_steps(&mut model);
    model.index();
    (model, builder.diagnostics)
}

/// The statements of a declaration that count.
enum Statements<'d> {
    All(std::slice::Iter<'d, ast::Statement>),
    Kept(std::vec::IntoIter<&'d ast::Statement>),
}

impl<'d> Iterator for Statements<'d> {
    type Item = &'d ast::Statement;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Statements::All(all) => all.next(),
            Statements::Kept(kept) => kept.next(),
        }
    }
}

/// The names of one kind, in declaration order.
#[derive(Default)]
struct NameTable {
    index: foldhash::HashMap<Name, (usize, Span)>,
    order: Vec<Name>,
}

impl NameTable {
    fn with_capacity(n: usize) -> NameTable {
        NameTable {
            index: foldhash::HashMap::with_capacity_and_hasher(n, Default::default()),
            order: Vec::with_capacity(n),
        }
    }

    /// Registers a name; false if it is taken.
    fn declare(&mut self, ident: &Ident) -> bool {
        if self.index.contains_key(ident.name.as_str()) {
            return false;
        }
        self.index
            .insert(ident.name.clone(), (self.order.len(), ident.span));
        self.order.push(ident.name.clone());
        true
    }

    fn get(&self, name: &str) -> Option<usize> {
        self.index.get(name).map(|&(i, _)| i)
    }

    fn span_of(&self, name: &str) -> Span {
        self.index[name].1
    }
}

#[derive(Default)]
struct Builder {
    tables: HashMap<DeclKind, NameTable>,
    diagnostics: Vec<Diagnostic>,
}

impl Builder {
    fn table(&mut self, kind: DeclKind) -> &mut NameTable {
        self.tables.entry(kind).or_default()
    }

    fn duplicate(&mut self, kind: DeclKind, name: Option<&str>, span: Span, first: Span) {
        let message = match name {
            Some(name) => msg!("duplicate", kind = kind.name_of(), name = name),
            None => msg!("duplicate-declaration", kind = kind.keyword()),
        };
        self.duplicate_with(message, kind, span, first);
    }

    fn duplicate_with(&mut self, message: Message, kind: DeclKind, span: Span, first: Span) {
        self.diagnostics.push(
            Diagnostic::new(Code::DuplicateDefinition, span, message)
                .label(first, msg!("first-defined-here"))
                .help(msg!("duplicate-help", kind = kind.name_of())),
        );
    }

    /// Resolves a name of one kind.
    fn resolve<T>(&mut self, kind: DeclKind, ident: &Ident) -> Ref<Idx<T>> {
        let target = self
            .tables
            .get(&kind)
            .and_then(|t| t.get(&ident.name))
            .map(Idx::new);
        if target.is_none() {
            self.unknown(&[kind], ident);
        }
        Ref {
            target,
            name: ident.name.clone(),
            span: ident.span,
        }
    }

    fn resolve_all<T>(&mut self, kind: DeclKind, idents: &[Ident]) -> Vec<Ref<Idx<T>>> {
        idents.iter().map(|i| self.resolve(kind, i)).collect()
    }

    /// Resolves an owner: a team or a role. A team wins when both share the name.
    fn party(&mut self, ident: &Ident) -> Ref<Party> {
        let team = self
            .tables
            .get(&DeclKind::Team)
            .and_then(|t| t.get(&ident.name));
        let role = self
            .tables
            .get(&DeclKind::Role)
            .and_then(|t| t.get(&ident.name));
        let target = match (team, role) {
            (Some(t), _) => Some(Party::Team(Idx::new(t))),
            (None, Some(r)) => Some(Party::Role(Idx::new(r))),
            (None, None) => {
                self.unknown(&[DeclKind::Team, DeclKind::Role], ident);
                None
            }
        };
        Ref {
            target,
            name: ident.name.clone(),
            span: ident.span,
        }
    }

    fn unknown(&mut self, kinds: &[DeclKind], ident: &Ident) {
        // "a team or a role": named in the reader's language.
        let wanted =
            || crate::i18n::Arg::Choice(kinds.iter().map(|k| k.name_of().into()).collect());
        // Suggestions share the run's budget (see `diagnostic::suggest`).
        let candidates = kinds
            .iter()
            .filter_map(|k| self.tables.get(k))
            .flat_map(|t| t.order.iter().map(Name::as_str));
        let suggestion = closest(&ident.name, candidates).map(str::to_string);
        let help = suggestion.as_ref().map(|c| did_you_mean(&ident.name, c));
        // A name of another kind is a clearer hint than a spelling guess.
        let other = self
            .tables
            .iter()
            .filter(|(k, t)| !kinds.contains(k) && t.get(&ident.name).is_some())
            .map(|(k, _)| *k)
            .min_by_key(|k| k.keyword());
        let message = match other {
            Some(other) => msg!(
                "wrong-kind",
                name = &ident.name,
                kind = other.name(),
                wanted = wanted()
            ),
            None => msg!("unknown-reference", wanted = wanted(), name = &ident.name),
        };
        let help = help.unwrap_or_else(|| match other {
            Some(_) => msg!("wrong-kind-help", wanted = wanted()),
            None => msg!(
                "unknown-reference-help",
                kind = kinds[0].keyword(),
                name = &ident.name
            ),
        });
        self.diagnostics.push(
            Diagnostic::new(Code::UnknownReference, ident.span, message)
                .help(help)
                .replace_with(suggestion),
        );
    }

    /// The identity of a declaration; its title and description are moved
    /// out of the AST, not copied. A name that mixes alphabets inside a
    /// word is reported here, once, where it is declared (its uses either
    /// name it, copied, or are unknown and say which letter differs).
    fn header(&mut self, decl: &mut Declaration) -> Header {
        if let Some(ident) = &decl.ident {
            if let Some((message, help)) = mixed_script_words(&ident.name) {
                self.diagnostics
                    .push(Diagnostic::new(Code::MixedScriptName, ident.span, message).help(help));
            }
        }
        let description = decl.body.iter_mut().find_map(|s| match &mut s.kind {
            Stmt::Description(d) => Some(std::mem::take(d)),
            _ => None,
        });
        Header {
            id: decl
                .ident
                .as_ref()
                .map(|i| i.name.clone())
                .unwrap_or_default(),
            title: decl.title.take(),
            description,
            span: decl.span,
            fully_read: decl.fully_read,
        }
    }

    /// The statements of a declaration, each single-valued one only once
    /// (a second `owner` is reported, not applied). Allocates nothing
    /// unless there is a duplicate: it runs once per step.
    fn statements<'d>(&mut self, decl: &'d Declaration) -> Statements<'d> {
        // The grammar allows at most a dozen kinds of statement in a block.
        let mut seen: [Option<(&'static str, Span)>; 16] = [None; 16];
        let mut duplicates = Vec::new();
        for (i, stmt) in decl.body.iter().enumerate() {
            if repeatable(&stmt.kind) {
                continue;
            }
            let keyword = stmt.kind.keyword();
            let slot = seen
                .iter()
                .position(|s| s.is_none_or(|(k, _)| k == keyword))
                .expect("fewer kinds of statement than slots");
            match seen[slot] {
                Some((_, first)) => {
                    self.twice(decl, keyword, stmt.span, first);
                    duplicates.push(i);
                }
                None => seen[slot] = Some((keyword, stmt.span)),
            }
        }
        if duplicates.is_empty() {
            return Statements::All(decl.body.iter());
        }
        let kept: Vec<&ast::Statement> = decl
            .body
            .iter()
            .enumerate()
            .filter(|(i, _)| duplicates.binary_search(i).is_err())
            .map(|(_, s)| s)
            .collect();
        Statements::Kept(kept.into_iter())
    }

    fn twice(&mut self, decl: &Declaration, keyword: &str, span: Span, first: Span) {
        let kind = decl.kind.keyword();
        let message = match &decl.ident {
            Some(i) => msg!(
                "given-twice",
                keyword = keyword,
                kind = kind,
                name = &i.name
            ),
            None => msg!("given-twice-in", keyword = keyword, kind = kind),
        };
        self.diagnostics.push(
            Diagnostic::new(Code::DuplicateDefinition, span, message)
                .label(first, msg!("first-given-here"))
                .help(msg!("given-twice-help", keyword = keyword)),
        );
    }

    /// `segments any` and no `segments` line both mean every segment: an
    /// empty list (see [`Model::served`]).
    fn segment_list(&mut self, scope: &ast::SegmentScope) -> Vec<Ref<Idx<Segment>>> {
        match scope {
            ast::SegmentScope::List(list) => self.resolve_all(DeclKind::Segment, list),
            ast::SegmentScope::Any => Vec::new(),
        }
    }
}

fn kpi(target: &ast::Target, span: Span) -> At<Kpi> {
    At {
        value: Kpi {
            metric: target.metric,
            comparison: target.comparison,
            value: target.value,
        },
        span,
    }
}

/// Statements that may appear more than once in one declaration.
fn repeatable(stmt: &Stmt) -> bool {
    matches!(
        stmt,
        Stmt::Duty(_)
            | Stmt::Target(_)
            | Stmt::Answer { .. }
            | Stmt::FirstResponse { .. }
            | Stmt::Resolution { .. }
            | Stmt::Next { .. }
            | Stmt::Escalate { .. }
            | Stmt::Open(_)
            | Stmt::Closed(_)
            | Stmt::Respond { .. }
            | Stmt::Step(_)
            | Stmt::Phase(_)
            | Stmt::PhaseSteps(_)
            | Stmt::Remedies(_)
            | Stmt::Right(_)
            | Stmt::Require(_)
            | Stmt::Source(_)
    )
}

/// A calendar that names no `timezone` keeps its hours in the spec's home
/// zone, the zone of the first calendar that names one the database knows
/// (grammar/README.md,
/// "Clocks"), so that its opening hours, the local times read against it and
/// the schedules exported for it are in one zone.
fn give_home_zone(model: &mut Model) {
    let home = super::clock::home_zone_name(model.calendars.values()).map(str::to_string);
    for calendar in model.calendars.values_mut() {
        if calendar.timezone.is_none() {
            calendar.home_zone = home.clone();
        }
    }
}
