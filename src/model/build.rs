//! AST → model: two passes. The first registers every declaration's name (so
//! references may point forward or into other files) and reports duplicates;
//! the second builds each entity and resolves its references.

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

    fn service(&mut self, decl: Declaration) -> Service {
        let mut service = Service {
            title: decl.title.clone(),
            description: None,
            version: None,
            owner: None,
            review_every: None,
            reviewed: None,
            language: None,
            currency: None,
            span: decl.span,
            fully_read: decl.fully_read,
        };
        for s in self.statements(&decl) {
            match &s.kind {
                Stmt::Description(d) => service.description = Some(d.clone()),
                Stmt::Version(v) => service.version = Some(v.clone()),
                Stmt::Owner(o) => service.owner = Some(self.party(o)),
                Stmt::ReviewEvery { count, unit } => {
                    service.review_every = Some(At {
                        value: (*count, *unit),
                        span: s.span,
                    })
                }
                Stmt::Reviewed(d) => {
                    service.reviewed = Some(At {
                        value: *d,
                        span: s.span,
                    })
                }
                Stmt::Language(l) => service.language = Some(*l),
                Stmt::Currency(code) => service.currency = self.currency(code),
                _ => {}
            }
        }
        service
    }

    fn calendar(&mut self, decl: &mut Declaration) -> Calendar {
        let mut calendar = Calendar {
            header: self.header(decl),
            timezone: None,
            home_zone: None,
            week: WeekHours::default(),
            day_opened_at: [None; 7],
            closed: Vec::new(),
            opened: Vec::new(),
        };
        let mut opened_at = Vec::new();
        for s in self.statements(decl) {
            match &s.kind {
                Stmt::Timezone(tz) => {
                    calendar.timezone = Some(At {
                        value: tz.clone(),
                        span: s.span,
                    })
                }
                Stmt::Open(OpenHours::Dated { dates, times }) => {
                    for &date in dates {
                        calendar.opened.push(DatedHours::new(date, times.clone()));
                        opened_at.push((date, s.span));
                    }
                }
                Stmt::Open(hours) => {
                    calendar.week.add(hours);
                    for (day, at) in calendar.day_opened_at.iter_mut().enumerate() {
                        if at.is_none() && !calendar.week.days[day].is_empty() {
                            *at = Some(s.span);
                        }
                    }
                }
                Stmt::Closed(dates) => calendar.closed.extend(dates.iter().copied()),
                _ => {}
            }
        }
        calendar.closed.sort();
        calendar.closed.dedup();
        calendar.opened = DatedHours::merged(std::mem::take(&mut calendar.opened));
        // A date both closed and open: the calendar says two things of it.
        for (date, span) in opened_at {
            if calendar.closed.binary_search(&date).is_ok() {
                self.diagnostics.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        span,
                        msg!(
                            "date-closed-and-open",
                            calendar = &calendar.header.id,
                            date = date.to_string()
                        ),
                    )
                    .help(msg!("date-closed-and-open-help", date = date.to_string())),
                );
            }
        }
        calendar
            .opened
            .retain(|d| calendar.closed.binary_search(&d.date).is_err());
        calendar
    }

    fn team(&mut self, decl: &mut Declaration) -> Team {
        let mut team = Team {
            header: self.header(decl),
            lead: None,
            hours: None,
        };
        for s in self.statements(decl) {
            match &s.kind {
                Stmt::Lead(lead) => team.lead = Some(self.resolve(DeclKind::Role, lead)),
                Stmt::Hours(h) => team.hours = Some(self.resolve(DeclKind::Calendar, h)),
                _ => {}
            }
        }
        team
    }

    fn role(&mut self, decl: &mut Declaration) -> Role {
        let mut role = Role {
            header: self.header(decl),
            team: None,
            reports_to: None,
            headcount: None,
            cost: None,
            duties: Vec::new(),
            rights: Vec::new(),
            requirements: Vec::new(),
            targets: Vec::new(),
            external: false,
        };
        for s in self.statements(decl) {
            match &s.kind {
                Stmt::External => role.external = true,
                Stmt::Team(t) => role.team = Some(self.resolve(DeclKind::Team, t)),
                Stmt::ReportsTo(r) => role.reports_to = Some(self.resolve(DeclKind::Role, r)),
                Stmt::Headcount(n) => role.headcount = Some(*n),
                Stmt::Cost(c) => {
                    role.cost = Some(At {
                        value: *c,
                        span: s.span,
                    })
                }
                Stmt::Duty(d) => role.duties.push(d.clone()),
                Stmt::Right(r) => role.rights.push(r.clone()),
                Stmt::Require(r) => role.requirements.push(r.clone()),
                Stmt::Target(t) => role.targets.push(kpi(t, s.span)),
                _ => {}
            }
        }
        role
    }

    fn channel(&mut self, decl: &mut Declaration) -> Channel {
        let mut channel = Channel {
            header: self.header(decl),
            kind: None,
            hours: None,
            owner: None,
            self_service: false,
            cost: None,
        };
        for s in self.statements(decl) {
            match &s.kind {
                Stmt::Kind(k) => channel.kind = Some(*k),
                Stmt::Hours(h) => channel.hours = Some(self.resolve(DeclKind::Calendar, h)),
                Stmt::Owner(o) => channel.owner = Some(self.party(o)),
                Stmt::SelfService => channel.self_service = true,
                Stmt::Cost(c) => {
                    channel.cost = Some(At {
                        value: *c,
                        span: s.span,
                    })
                }
                _ => {}
            }
        }
        channel
    }

    fn segment(&mut self, decl: &mut Declaration) -> Segment {
        let mut segment = Segment {
            header: self.header(decl),
            share: None,
            revenue: None,
            tier: None,
            channels: Vec::new(),
            types: Vec::new(),
            profile: Profile::default(),
        };
        for s in self.statements(decl) {
            match &s.kind {
                Stmt::Share(p) => {
                    segment.share = Some(At {
                        value: *p,
                        span: s.span,
                    })
                }
                Stmt::Revenue(p) => {
                    segment.revenue = Some(At {
                        value: *p,
                        span: s.span,
                    })
                }
                Stmt::Tier(t) => {
                    segment.tier = Some(At {
                        value: *t,
                        span: s.span,
                    })
                }
                Stmt::Channels(c) => segment.channels = self.resolve_all(DeclKind::Channel, c),
                Stmt::Types(t) => segment.types = self.resolve_all(DeclKind::CustomerType, t),
                Stmt::Customers(n) => {
                    segment.profile.customers = Some(At {
                        value: *n,
                        span: s.span,
                    })
                }
                Stmt::AverageCheck(v) => {
                    segment.profile.average_check = Some(At {
                        value: *v,
                        span: s.span,
                    })
                }
                Stmt::Loyal(p) => {
                    segment.profile.loyal = Some(At {
                        value: *p,
                        span: s.span,
                    })
                }
                Stmt::Source(text) => segment.profile.sources.push(text.clone()),
                Stmt::Portrait(text) => segment.profile.portrait = Some(text.clone()),
                _ => {}
            }
        }
        segment
    }

    fn customer_type(&mut self, decl: &mut Declaration) -> CustomerType {
        let mut ct = CustomerType {
            header: self.header(decl),
            expects: None,
            strategy: None,
            prefer: Vec::new(),
        };
        for s in self.statements(decl) {
            match &s.kind {
                Stmt::Expects(e) => ct.expects = Some(e.clone()),
                Stmt::Strategy(st) => ct.strategy = Some(st.clone()),
                Stmt::Prefer(p) => ct.prefer = self.resolve_all(DeclKind::Channel, p),
                _ => {}
            }
        }
        ct
    }

    fn sla(&mut self, decl: &mut Declaration) -> Sla {
        let mut sla = Sla {
            header: self.header(decl),
            segments: self.resolve_all(DeclKind::Segment, &decl.applies_to),
            hours: None,
            answers: Vec::new(),
            first_responses: Vec::new(),
            resolutions: Vec::new(),
            targets: Vec::new(),
        };
        for s in self.statements(decl) {
            match &s.kind {
                Stmt::Hours(h) => sla.hours = Some(self.resolve(DeclKind::Calendar, h)),
                Stmt::Answer {
                    channel,
                    percent,
                    within,
                } => sla.answers.push(AnswerTarget {
                    channel: self.resolve(DeclKind::Channel, channel),
                    percent: *percent,
                    within: *within,
                    span: s.span,
                }),
                Stmt::FirstResponse { channel, within } => {
                    sla.first_responses.push(ResponseTarget {
                        channel: self.resolve(DeclKind::Channel, channel),
                        within: *within,
                        span: s.span,
                    })
                }
                Stmt::Resolution { channel, within } => sla.resolutions.push(ResolutionTarget {
                    channel: channel.as_ref().map(|c| self.resolve(DeclKind::Channel, c)),
                    within: *within,
                    span: s.span,
                }),
                Stmt::Target(t) => sla.targets.push(kpi(t, s.span)),
                _ => {}
            }
        }
        sla
    }

    /// Resolves the `from` and `to` steps of promises that time a journey,
    /// once the journeys are built: one name table per journey named.
    fn promised_steps(&mut self, model: &mut Model) {
        let mut tables: HashMap<Idx<Journey>, HashMap<Name, Idx<Step>>> = HashMap::new();
        for promise in model.promises.values_mut() {
            let Some(promised) = &mut promise.journey else {
                continue;
            };
            let Some(j) = promised.journey.target else {
                continue;
            };
            let journey = &model.journeys[j];
            let table = tables.entry(j).or_insert_with(|| {
                journey
                    .steps
                    .iter()
                    .map(|(id, step)| (step.header.id.clone(), id))
                    .collect()
            });
            for step in [&mut promised.from, &mut promised.to].into_iter().flatten() {
                step.target = table.get(&step.name).copied();
                if step.target.is_none() {
                    let journey = &journey.header.id;
                    let suggestion = closest(&step.name, table.keys().map(Name::as_str));
                    let help = match suggestion {
                        Some(s) => did_you_mean(&step.name, s),
                        None => msg!("name-a-step", journey = journey),
                    };
                    let suggestion = suggestion.map(str::to_string);
                    self.diagnostics.push(
                        Diagnostic::new(
                            Code::UnknownReference,
                            step.span,
                            msg!("no-such-step", journey = journey, step = &step.name),
                        )
                        .help(help)
                        .replace_with(suggestion),
                    );
                }
            }
        }
    }

    /// `currency RUB`: an ISO 4217 code is three capital letters.
    fn currency(&mut self, code: &Ident) -> Option<At<Name>> {
        let valid = code.name.len() == 3 && code.name.bytes().all(|b| b.is_ascii_uppercase());
        if !valid {
            self.diagnostics.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    code.span,
                    msg!("not-a-currency", code = &code.name),
                )
                .help(msg!("not-a-currency-help")),
            );
            return None;
        }
        Some(At {
            value: code.name.clone(),
            span: code.span,
        })
    }

    fn remedies(&mut self, list: &[ast::Spanned<ast::Remedy>]) -> Vec<At<Remedy>> {
        list.iter()
            .map(|r| At {
                value: match &r.value {
                    ast::Remedy::Simple(s) => Remedy::Simple(*s),
                    ast::Remedy::Compensate(c) => Remedy::Compensate(c.clone()),
                    ast::Remedy::Escalate(to) => Remedy::Escalate(self.party(to)),
                },
                span: r.span,
            })
            .collect()
    }

    fn promise(&mut self, decl: &mut Declaration) -> Promise {
        let mut promise = Promise {
            header: self.header(decl),
            segments: Vec::new(),
            channel: None,
            hours: None,
            within: None,
            on_breach: Vec::new(),
            journey: None,
        };
        for s in self.statements(decl) {
            match &s.kind {
                Stmt::Segments(scope) => promise.segments = self.segment_list(scope),
                Stmt::Channel(c) => promise.channel = Some(self.resolve(DeclKind::Channel, c)),
                Stmt::Hours(h) => promise.hours = Some(self.resolve(DeclKind::Calendar, h)),
                Stmt::Within(d) => {
                    promise.within = Some(At {
                        value: *d,
                        span: s.span,
                    })
                }
                Stmt::OnBreach(r) => promise.on_breach = self.remedies(r),
                Stmt::PromiseJourney { journey, from, to } => {
                    // Steps are resolved once the journeys are built.
                    let unresolved = |i: &Ident| Ref {
                        target: None,
                        name: i.name.clone(),
                        span: i.span,
                    };
                    promise.journey = Some(PromisedJourney {
                        journey: self.resolve(DeclKind::Journey, journey),
                        from: from.as_ref().map(unresolved),
                        to: to.as_ref().map(unresolved),
                        span: s.span,
                    });
                }
                _ => {}
            }
        }
        if let (Some(hours), Some(promised)) = (&promise.hours, &promise.journey) {
            self.diagnostics.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    hours.span,
                    msg!(
                        "promise-hours-on-journey",
                        promise = &promise.header.id,
                        journey = &promised.journey.name
                    ),
                )
                .help(msg!("promise-hours-on-journey-help")),
            );
        }
        promise
    }

    /// `segments any` and no `segments` line both mean every segment: an
    /// empty list (see [`Model::served`]).
    fn segment_list(&mut self, scope: &ast::SegmentScope) -> Vec<Ref<Idx<Segment>>> {
        match scope {
            ast::SegmentScope::List(list) => self.resolve_all(DeclKind::Segment, list),
            ast::SegmentScope::Any => Vec::new(),
        }
    }

    /// A journey, by value: each step's AST is dropped once it is built.
    fn journey(&mut self, mut decl: Declaration) -> Journey {
        let label = decl
            .ident
            .as_ref()
            .map_or(String::new(), |i| i.name.to_string());
        let mut steps_table = NameTable::with_capacity(decl.body.len());
        let mut unique = vec![false; decl.body.len()];
        for (s, unique) in decl.body.iter().zip(&mut unique) {
            if let Stmt::Step(step) = &s.kind {
                let Some(ident) = &step.ident else { continue };
                if steps_table.declare(ident) {
                    *unique = true;
                } else {
                    let first = steps_table.span_of(&ident.name);
                    let message = msg!(
                        "duplicate-step",
                        step = &ident.name,
                        journey = label.as_str()
                    );
                    self.duplicate_with(message, DeclKind::Step, step.span, first);
                }
            }
        }
        let mut journey = Journey {
            header: self.header(&mut decl),
            segments: Vec::new(),
            within: None,
            start: None,
            steps: Arena::with_capacity(steps_table.order.len()),
            phases: Vec::new(),
        };
        // A step belongs to one phase at most: where it was first listed.
        let mut phase_of: HashMap<Name, Span> = HashMap::new();
        for s in decl.body.iter_mut() {
            let Stmt::Phase(phase) = &mut s.kind else {
                continue;
            };
            let mut built = Phase {
                header: self.header(phase),
                steps: Vec::new(),
            };
            for statement in &phase.body {
                let Stmt::PhaseSteps(list) = &statement.kind else {
                    continue;
                };
                for ident in list {
                    if let Some(&first) = phase_of.get(&ident.name) {
                        self.diagnostics.push(
                            Diagnostic::new(
                                Code::DuplicateDefinition,
                                ident.span,
                                msg!(
                                    "step-in-two-phases",
                                    step = &ident.name,
                                    journey = label.as_str()
                                ),
                            )
                            .label(first, msg!("listed-here-first"))
                            .help(msg!("step-in-two-phases-help")),
                        );
                        continue;
                    }
                    phase_of.insert(ident.name.clone(), ident.span);
                    built.steps.push(self.step_ref(&steps_table, ident, &label));
                }
            }
            journey.phases.push(built);
        }
        for s in self.statements(&decl) {
            match &s.kind {
                Stmt::Segments(scope) => journey.segments = self.segment_list(scope),
                Stmt::Within(d) => {
                    journey.within = Some(At {
                        value: *d,
                        span: s.span,
                    })
                }
                Stmt::Start(st) => journey.start = Some(self.step_ref(&steps_table, st, &label)),
                _ => {}
            }
        }
        let body = std::mem::take(&mut decl.body);
        for (s, unique) in body.into_iter().zip(unique) {
            if let (Stmt::Step(step), true) = (s.kind, unique) {
                let built = self.step(*step, &steps_table, &label);
                journey.steps.push(built);
            }
        }
        journey
    }

    fn step_ref(&mut self, table: &NameTable, ident: &Ident, journey: &str) -> Ref<Idx<Step>> {
        let target = table.get(&ident.name).map(Idx::new);
        if target.is_none() {
            let suggestion = closest(&ident.name, table.order.iter().map(Name::as_str));
            let help = match suggestion {
                Some(s) => did_you_mean(&ident.name, s),
                None => msg!("no-such-step-help", step = &ident.name, journey = journey),
            };
            self.diagnostics.push(
                Diagnostic::new(
                    Code::UnknownReference,
                    ident.span,
                    msg!("no-such-step", journey = journey, step = &ident.name),
                )
                .help(help)
                .replace_with(suggestion),
            );
        }
        Ref {
            target,
            name: ident.name.clone(),
            span: ident.span,
        }
    }

    fn step(&mut self, mut decl: Declaration, table: &NameTable, journey: &str) -> Step {
        let mut step = Step {
            header: self.header(&mut decl),
            owner: None,
            channels: Vec::new(),
            within: None,
            next: Vec::new(),
            end: None,
            effort: None,
            csat: None,
            dropoff: None,
        };
        let transitions = decl
            .body
            .iter()
            .filter(|s| matches!(s.kind, Stmt::Next { .. }))
            .count();
        step.next.reserve_exact(transitions);
        for s in self.statements(&decl) {
            match &s.kind {
                Stmt::Owner(o) => step.owner = Some(self.party(o)),
                Stmt::StepChannels(c) => step.channels = self.resolve_all(DeclKind::Channel, c),
                Stmt::Within(d) => {
                    step.within = Some(At {
                        value: *d,
                        span: s.span,
                    })
                }
                Stmt::Next { step: to, when } => {
                    let to = self.step_ref(table, to, journey);
                    step.next.push(Transition {
                        to,
                        when: when.clone(),
                        span: s.span,
                    });
                }
                Stmt::End(outcome) => {
                    step.end = Some(At {
                        value: outcome.clone(),
                        span: s.span,
                    })
                }
                Stmt::Effort(e) => step.effort = Some(*e),
                Stmt::Csat(c) => step.csat = Some(*c),
                Stmt::Dropoff(d) => step.dropoff = Some(*d),
                _ => {}
            }
        }
        step
    }

    fn complaint(&mut self, decl: &mut Declaration) -> Complaint {
        let mut complaint = Complaint {
            header: self.header(decl),
            segments: Vec::new(),
            severity: None,
            owner: None,
            hours: None,
            acknowledge: None,
            resolve: None,
            escalations: Vec::new(),
            remedies: Vec::new(),
            feedback: None,
        };
        for s in self.statements(decl) {
            match &s.kind {
                Stmt::Segments(scope) => complaint.segments = self.segment_list(scope),
                Stmt::Severity(sev) => complaint.severity = Some(*sev),
                Stmt::Owner(o) => complaint.owner = Some(self.party(o)),
                Stmt::Hours(h) => complaint.hours = Some(self.resolve(DeclKind::Calendar, h)),
                Stmt::Acknowledge(d) => {
                    complaint.acknowledge = Some(At {
                        value: *d,
                        span: s.span,
                    })
                }
                Stmt::Resolve(d) => {
                    complaint.resolve = Some(At {
                        value: *d,
                        span: s.span,
                    })
                }
                Stmt::Escalate { after, to } => {
                    let to = self.party(to);
                    complaint.escalations.push(Escalation {
                        after: *after,
                        to,
                        span: s.span,
                    })
                }
                Stmt::Remedies(r) => {
                    let remedies = self.remedies(r);
                    complaint.remedies.extend(remedies)
                }
                Stmt::Feedback(f) => {
                    complaint.feedback = Some(At {
                        value: *f,
                        span: s.span,
                    })
                }
                _ => {}
            }
        }
        complaint
    }

    fn queue(&mut self, decl: &mut Declaration) -> Queue {
        let mut queue = Queue {
            header: self.header(decl),
            channel: None,
            segments: Vec::new(),
            priority: None,
            order: None,
            team: None,
            hours: None,
            agents: None,
            forecast: None,
            aht: None,
            patience: None,
            shrinkage: None,
            concurrency: None,
            timezone: None,
        };
        for s in self.statements(decl) {
            match &s.kind {
                Stmt::Channel(c) => queue.channel = Some(self.resolve(DeclKind::Channel, c)),
                Stmt::Segments(scope) => queue.segments = self.segment_list(scope),
                Stmt::Priority(p) => queue.priority = Some(*p),
                Stmt::Order(o) => {
                    queue.order = Some(At {
                        value: *o,
                        span: s.span,
                    })
                }
                Stmt::Timezone(tz) => {
                    queue.timezone = Some(At {
                        value: tz.clone(),
                        span: s.span,
                    })
                }
                Stmt::Team(t) => queue.team = Some(self.resolve(DeclKind::Team, t)),
                Stmt::Hours(h) => queue.hours = Some(self.resolve(DeclKind::Calendar, h)),
                Stmt::Agents(n) => {
                    queue.agents = Some(At {
                        value: *n,
                        span: s.span,
                    })
                }
                Stmt::Forecast { source, per } => {
                    let volume = match source {
                        ast::ForecastSource::Volume(n) => ForecastVolume::Constant(*n),
                        ast::ForecastSource::File(file) => ForecastVolume::File {
                            path: file.value.clone(),
                        },
                    };
                    queue.forecast = Some(At {
                        value: Forecast {
                            volume,
                            interval: *per,
                        },
                        span: s.span,
                    });
                }
                Stmt::Aht(d) => {
                    queue.aht = Some(At {
                        value: *d,
                        span: s.span,
                    })
                }
                Stmt::Patience(d) => {
                    queue.patience = Some(At {
                        value: *d,
                        span: s.span,
                    })
                }
                Stmt::Shrinkage(p) => {
                    queue.shrinkage = Some(At {
                        value: *p,
                        span: s.span,
                    })
                }
                Stmt::Concurrency(n) => {
                    queue.concurrency = Some(At {
                        value: *n,
                        span: s.span,
                    })
                }
                _ => {}
            }
        }
        queue
    }

    fn agreement(&mut self, decl: &mut Declaration) -> Agreement {
        let mut agreement = Agreement {
            header: self.header(decl),
            provider: None,
            consumer: None,
            responds: Vec::new(),
            resolve: None,
        };
        for s in self.statements(decl) {
            match &s.kind {
                Stmt::Provider(t) => agreement.provider = Some(self.resolve(DeclKind::Team, t)),
                Stmt::Consumer(t) => agreement.consumer = Some(self.resolve(DeclKind::Team, t)),
                Stmt::Respond { within, segments } => {
                    let segments = self.resolve_all(DeclKind::Segment, segments);
                    agreement.responds.push(Respond {
                        within: *within,
                        segments,
                        span: s.span,
                    })
                }
                Stmt::Resolve(d) => {
                    agreement.resolve = Some(At {
                        value: *d,
                        span: s.span,
                    })
                }
                _ => {}
            }
        }
        agreement
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
