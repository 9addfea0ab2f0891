//! The grammar: files, declarations, bodies and statements, rule for rule
//! as `grammar/cx.pest` writes them, building the AST as they go.

use super::*;
use crate::i18n::Message;
use crate::msg;
use crate::syntax::ast::*;
use crate::syntax::forms;
use crate::syntax::values::*;

/// The keywords of the statements a kind of declaration may hold.
fn statements_of(kind: DeclKind) -> impl Iterator<Item = &'static str> + Clone {
    forms::statements(kind).iter().map(|f| f.keyword)
}

/// The form of statement `word` in a declaration of `kind`.
fn form_of(kind: DeclKind, word: &str) -> Option<&'static forms::Form> {
    forms::statements(kind).iter().find(|f| f.keyword == word)
}

/// How a block ends when the grammar cannot go on inside it.
enum BodyEnd {
    Closed,
    /// The file or the next declaration came first.
    LeftOpen,
}

impl<'t> Parser<'t> {
    /// `file = { SOI ~ (sep | declaration)* ~ EOI }`
    pub(super) fn file_rule(&mut self) {
        self.tree.start(NodeKind::File);
        loop {
            self.trivia();
            if self.sep() {
                continue;
            }
            if self.at_end() {
                break;
            }
            let start = self.pos;
            let errors_before = self.diagnostics.len();
            match self.word_at(self.pos) {
                Some("include") => self.include(),
                Some(word) => match declaration_kind(word) {
                    Some(kind) => {
                        if let Some(mut decl) = self.declaration(kind) {
                            decl.fully_read = !self.diagnostics[errors_before..]
                                .iter()
                                .any(|d| d.code == Code::InvalidValue);
                            self.out.declarations.push(decl);
                        }
                    }
                    None => self.top_level_error(),
                },
                None => self.top_level_error(),
            }
            let syntax_errors = self.diagnostics[errors_before..]
                .iter()
                .any(|d| d.code == Code::Syntax);
            if syntax_errors {
                self.out
                    .broken
                    .push(self.span(start, self.pos.max(start + 1)));
            }
        }
        self.tree.finish();
    }

    fn top_level_error(&mut self) {
        let mut expected: Vec<Expect> = DECLARATIONS.iter().map(|k| Expect::Keyword(k)).collect();
        expected.push(SEP);
        expected.push(END_OF_FILE);
        self.report(Stop {
            at: self.pos,
            expected,
            instead: None,
            label: None,
            form: None,
        });
        let start = self.pos;
        self.skip_to_declaration();
        if self.pos == start && !self.at_end() {
            // The word is a declaration keyword at the start of a line that
            // nonetheless did not start a declaration: step over it.
            let len = self.rest().chars().next().map_or(1, char::len_utf8);
            self.token(TokenKind::Error, len);
        }
    }

    /// `include_decl = { kw_include ~ string }`
    fn include(&mut self) {
        self.tree.start(NodeKind::Include);
        let start = self.pos;
        let result = self.keyword("include").and_then(|_| {
            self.trivia();
            self.string()
        });
        self.tree.finish();
        match result {
            Ok((path, span)) => self.out.includes.push(Spanned {
                value: path,
                span: self.span(start, span.end()),
            }),
            Err(stop) => {
                self.report(*stop);
                self.skip_to_declaration();
            }
        }
    }

    /// A declaration: its header, then its body. A header that does not
    /// parse is reported and skipped to the next declaration; what was read
    /// of it (its name) is kept, so references to it still resolve.
    fn declaration(&mut self, kind: DeclKind) -> Option<Declaration> {
        let start = self.pos;
        self.tree.start(NodeKind::of(kind));
        let mut decl = Declaration {
            kind,
            ident: None,
            title: None,
            applies_to: Vec::new(),
            span: self.span(start, start + kind.keyword().len()),
            extent: self.span(start, start),
            body: Vec::new(),
            fully_read: true,
        };
        let header = self.header(&mut decl);
        let brace = match header {
            Ok(brace) => brace,
            Err(stop) => {
                self.report(*stop);
                if kind.is_nested() {
                    self.skip_statement();
                } else {
                    self.skip_to_declaration();
                }
                self.tree.finish();
                decl.extent = self.span(start, self.pos);
                return decl.ident.is_some().then_some(decl);
            }
        };
        self.tree.start(NodeKind::Body);
        let end = self.body(&mut decl, brace);
        // A block holds a handful of statements: keep no spare room, which
        // would be most of the AST's memory on a large spec.
        decl.body.shrink_to_fit();
        self.tree.finish();
        self.tree.finish();
        if matches!(end, BodyEnd::LeftOpen) && self.at_end() {
            // The rest of the file was read as this block.
        }
        decl.extent = self.span(start, self.pos);
        Some(decl)
    }

    /// `kw ~ ident ~ name? [~ kw_for ~ ident_list] ~ open_brace`; returns
    /// the span of the `{`.
    fn header(&mut self, decl: &mut Declaration) -> P<Span> {
        let kind = decl.kind;
        self.keyword(kind.keyword())?;
        self.trivia();
        if kind == DeclKind::Service {
            if self.word_at(self.pos).is_some() {
                decl.ident = Some(self.ident()?);
                decl.span = decl.span.with_end(self.pos);
                self.trivia();
            }
        } else {
            decl.ident = Some(self.ident()?);
            decl.span = decl.span.with_end(self.pos);
            self.trivia();
        }
        let title_at = self.pos;
        if let Ok((title, span)) = self.string() {
            decl.title = Some(title);
            decl.span = decl.span.with_end(span.end());
            self.trivia();
        }
        if kind == DeclKind::Sla {
            self.keyword("for").map_err(|mut stop| {
                if stop.at == title_at && decl.title.is_none() {
                    stop.expected.insert(0, DISPLAY_NAME);
                }
                stop
            })?;
            self.trivia();
            decl.applies_to = self.ident_list()?;
            decl.span = decl.span.with_end(self.pos);
            self.trivia();
        }
        // `open_brace = NEWLINE* ~ "{" ~ sep*`
        while let Some(len) = self.newline_len(self.pos) {
            self.token(TokenKind::Newline, len);
            self.trivia();
        }
        let brace = self
            .punct('{', TokenKind::LBrace, BRACE_OPEN)
            .map_err(|mut stop| {
                if stop.at == title_at && decl.title.is_none() {
                    stop.expected.insert(0, DISPLAY_NAME);
                }
                stop
            })?;
        self.seps();
        Ok(brace)
    }

    /// Statements up to the closing `}`. A statement that does not parse is
    /// reported and skipped; a block left open ends at the end of the file
    /// or where the next declaration starts a line.
    fn body(&mut self, decl: &mut Declaration, brace: Span) -> BodyEnd {
        let kind = decl.kind;
        loop {
            self.trivia();
            if self.rest().starts_with('}') {
                self.token(TokenKind::RBrace, 1);
                if kind.is_nested() {
                    // `block_end = sep*`
                    self.seps();
                }
                return BodyEnd::Closed;
            }
            let word = self.word_at(self.pos);
            let starts_outer = word.is_some_and(|w| {
                (DECLARATIONS.contains(&w) && self.declaration_at_line_start()
                    || kind.is_nested() && (w == "step" || w == "phase"))
                    && form_of(kind, w).is_none()
            });
            if self.at_end() || starts_outer {
                if !self.at_end() || !self.rest_swallowed {
                    self.report(self.left_open(decl, brace, word));
                }
                // Outer blocks open at the end of the file are the same
                // missing `}`s: one report says it.
                self.rest_swallowed |= self.at_end();
                return BodyEnd::LeftOpen;
            }
            let statement_start = self.pos;
            if kind == DeclKind::Journey && matches!(word, Some("step" | "phase")) {
                let nested = if word == Some("step") {
                    DeclKind::Step
                } else {
                    DeclKind::Phase
                };
                if let Some(inner) = self.declaration(nested) {
                    let span = inner.extent;
                    let kind = match nested {
                        DeclKind::Step => Stmt::Step(Box::new(inner)),
                        _ => Stmt::Phase(Box::new(inner)),
                    };
                    decl.body.push(Statement { kind, span });
                }
                continue;
            }
            self.tree.start(NodeKind::Statement);
            let parsed = match word {
                Some(w) if form_of(kind, w).is_some() => self.statement(kind, w),
                _ => {
                    let mut expected: Vec<Expect> =
                        statements_of(kind).map(Expect::Keyword).collect();
                    expected.push(BRACE_CLOSE);
                    Err(Stop::new(self.pos, &expected))
                }
            };
            let ended = parsed.and_then(|stmt| {
                let end = self.pos;
                self.statement_end().map(|_| (stmt, end))
            });
            self.tree.finish();
            match ended {
                Ok((Some(stmt), end)) => decl.body.push(Statement {
                    kind: stmt,
                    span: self.span(statement_start, end),
                }),
                Ok((None, _)) => {}
                Err(mut stop) => {
                    if stop.at > statement_start {
                        stop.form = word.and_then(|w| form_of(kind, w));
                    }
                    self.report(*stop);
                    if self.skip_statement() {
                        // A declaration keyword began a line inside braces:
                        // this block was left open.
                        self.report(self.left_open(decl, brace, self.word_at(self.pos)));
                        return BodyEnd::LeftOpen;
                    }
                    self.seps();
                }
            }
        }
    }

    /// "the block of journey `banquet` opened here is never closed".
    fn left_open(&self, decl: &Declaration, brace: Span, next: Option<&str>) -> Stop {
        let what = match &decl.ident {
            Some(i) => msg!("declaration", kind = decl.kind.keyword(), name = &i.name),
            None => msg!("the-declaration", kind = decl.kind.keyword()),
        };
        let label = next.map(|word| {
            (
                self.span(self.pos, self.pos + word.len()),
                msg!("next-declaration-here", word = word),
            )
        });
        let mut expected: Vec<Expect> = statements_of(decl.kind).map(Expect::Keyword).collect();
        expected.push(BRACE_CLOSE);
        Stop {
            at: self.pos,
            expected,
            instead: Some((
                brace,
                msg!("unclosed-block", what = what.clone()),
                msg!("unclosed-block-help", what = what),
            )),
            label,
            form: None,
        }
    }

    /// `stmt_end = _{ sep+ | &"}" }`
    fn statement_end(&mut self) -> P<()> {
        self.trivia();
        if self.sep() {
            self.seps();
            return Ok(());
        }
        if self.rest().starts_with('}') {
            return Ok(());
        }
        Err(Stop::new(self.pos, &[SEP, BRACE_CLOSE]))
    }

    /// `ident_list = { ident ~ ("," ~ NEWLINE* ~ ident)* }`. (Trivia read
    /// while looking for a comma is trivia wherever it goes.)
    fn ident_list(&mut self) -> P<Vec<Ident>> {
        let mut list = vec![self.ident()?];
        loop {
            self.trivia();
            if !self.rest().starts_with(',') {
                list.shrink_to_fit();
                return Ok(list);
            }
            self.token(TokenKind::Comma, 1);
            self.newlines();
            list.push(self.ident()?);
        }
    }

    /// `NEWLINE*` with trivia between.
    fn newlines(&mut self) {
        loop {
            self.trivia();
            match self.newline_len(self.pos) {
                Some(len) => {
                    self.token(TokenKind::Newline, len);
                }
                None => return,
            }
        }
    }

    /// One statement after its keyword; `None` when it parses but holds an
    /// impossible value (already reported).
    fn statement(&mut self, kind: DeclKind, word: &str) -> P<Option<Stmt>> {
        let Some(keyword) = form_of(kind, word).map(|f| f.keyword) else {
            return Err(Stop::new(self.pos, &[]));
        };
        self.keyword(keyword)?;
        self.trivia();
        Ok(Some(match (kind, keyword) {
            (_, "version") => Stmt::Version(self.string()?.0),
            (_, "owner") => Stmt::Owner(self.ident()?),
            (_, "review") => {
                self.keyword("every")?;
                self.trivia();
                let (count, count_span) = self.integer()?;
                self.trivia();
                let unit = self.ident()?;
                let Some(count) = self.whole(count, count_span) else {
                    return Ok(None);
                };
                let Some(unit) =
                    self.word::<ReviewUnit>(&unit, msg!("word-period"), ReviewUnit::WORDS)
                else {
                    return Ok(None);
                };
                Stmt::ReviewEvery { count, unit }
            }
            (_, "reviewed") => match self.date_value()? {
                Some(d) => Stmt::Reviewed(d),
                None => return Ok(None),
            },
            (_, "language") => {
                let word = self.ident()?;
                match self.word(&word, msg!("word-language"), Language::WORDS) {
                    Some(l) => Stmt::Language(l),
                    None => return Ok(None),
                }
            }
            (_, "currency") => Stmt::Currency(self.ident()?),
            (_, "description") => Stmt::Description(self.string()?.0),
            (_, "hours") => Stmt::Hours(self.calendar_name()?),
            (DeclKind::Step, "channel") => Stmt::StepChannels(self.ident_list()?),
            (DeclKind::Phase, "steps") => Stmt::PhaseSteps(self.ident_list()?),
            (_, "channel") => Stmt::Channel(self.ident()?),
            (_, "segments") => {
                let list = self.ident_list()?;
                if list.len() == 1 && list[0].name == "any" {
                    Stmt::Segments(SegmentScope::Any)
                } else {
                    Stmt::Segments(SegmentScope::List(list))
                }
            }
            (_, "within") => match self.duration_value()? {
                Some(d) => Stmt::Within(d),
                None => return Ok(None),
            },
            (_, "target") => match self.target()? {
                Some(t) => Stmt::Target(t),
                None => return Ok(None),
            },
            (_, "timezone") => Stmt::Timezone(self.string()?.0),
            (_, "open") => match self.open_hours()? {
                Some(hours) => Stmt::Open(hours),
                None => return Ok(None),
            },
            (_, "closed") => {
                let mut dates = vec![self.date_value()?];
                loop {
                    self.trivia();
                    if !self.rest().starts_with(',') {
                        break;
                    }
                    self.token(TokenKind::Comma, 1);
                    self.newlines();
                    dates.push(self.date_value()?);
                }
                match dates.into_iter().collect::<Option<Vec<_>>>() {
                    Some(dates) => Stmt::Closed(dates),
                    None => return Ok(None),
                }
            }
            (_, "lead") => Stmt::Lead(self.ident()?),
            (_, "team") => Stmt::Team(self.ident()?),
            (_, "reports_to") => Stmt::ReportsTo(self.ident()?),
            (_, "headcount") => {
                let (text, span) = self.integer()?;
                match self.whole(text, span) {
                    Some(n) => Stmt::Headcount(n),
                    None => return Ok(None),
                }
            }
            (_, "cost") => match self.cost()? {
                Some(cost) => Stmt::Cost(cost),
                None => return Ok(None),
            },
            (_, "duty") => Stmt::Duty(self.string()?.0),
            (_, "right") => Stmt::Right(self.string()?.0),
            (_, "require") => Stmt::Require(self.string()?.0),
            (_, "kind") => {
                let word = self.ident()?;
                match self.word(&word, msg!("word-channel-kind"), ChannelKind::WORDS) {
                    Some(k) => Stmt::Kind(k),
                    None => return Ok(None),
                }
            }
            (_, "self_service") => Stmt::SelfService,
            // Shares above 100% are left to `share-over-100`, which names the segments.
            (_, "share") => match self.percent_value(f64::INFINITY)? {
                Some(p) => Stmt::Share(p),
                None => return Ok(None),
            },
            (_, "revenue") => match self.percent_value(f64::INFINITY)? {
                Some(p) => Stmt::Revenue(p),
                None => return Ok(None),
            },
            (_, "tier") => {
                let (text, span) = self.integer()?;
                let Some(tier) = self.whole(text, span) else {
                    return Ok(None);
                };
                if tier == 0 || tier > 100 {
                    self.invalid(
                        span,
                        msg!("tier-out-of-range", tier = tier),
                        msg!("tier-out-of-range-help"),
                    );
                    return Ok(None);
                }
                Stmt::Tier(tier)
            }
            (_, "channels") => Stmt::Channels(self.ident_list()?),
            (_, "types") => Stmt::Types(self.ident_list()?),
            (_, "customers") => {
                let (text, span) = self.integer()?;
                match text.parse::<u64>() {
                    Ok(n) if n <= 100_000_000_000 => Stmt::Customers(n),
                    _ => {
                        self.invalid(
                            span,
                            msg!("customers-implausible", count = abbreviate(text)),
                            msg!("customers-implausible-help"),
                        );
                        return Ok(None);
                    }
                }
            }
            (_, "average_check") => {
                let (text, span) = self.decimal()?;
                match self.number(text, span) {
                    Some(n) if n >= 0.0 => Stmt::AverageCheck(n),
                    Some(n) => {
                        self.invalid(
                            span,
                            msg!("average-check-negative", value = trim_float(n)),
                            msg!("average-check-negative-help"),
                        );
                        return Ok(None);
                    }
                    None => return Ok(None),
                }
            }
            (_, "loyal") => match self.percent_value(100.0)? {
                Some(p) => Stmt::Loyal(p),
                None => return Ok(None),
            },
            (_, "source") => Stmt::Source(self.string()?.0),
            (_, "portrait") => Stmt::Portrait(self.string()?.0),
            (_, "expects") => Stmt::Expects(self.string()?.0),
            (_, "strategy") => Stmt::Strategy(self.string()?.0),
            (_, "prefer") => Stmt::Prefer(self.ident_list()?),
            (_, "answer") => {
                let channel = self.ident()?;
                self.trivia();
                let percent = self.percent_value(100.0)?;
                self.trivia();
                self.keyword("within")?;
                self.trivia();
                let within = self.duration_value()?;
                match (percent, within) {
                    (Some(percent), Some(within)) => Stmt::Answer {
                        channel,
                        percent,
                        within,
                    },
                    _ => return Ok(None),
                }
            }
            (_, "first_response") => {
                let channel = self.ident()?;
                self.trivia();
                self.keyword("within")?;
                self.trivia();
                match self.duration_value()? {
                    Some(within) => Stmt::FirstResponse { channel, within },
                    None => return Ok(None),
                }
            }
            (_, "resolution") => {
                // `(!kw_within ~ ident)? ~ kw_within ~ duration`
                let channel = if self.at_keyword("within") {
                    None
                } else {
                    match self.ident() {
                        Ok(channel) => {
                            self.trivia();
                            Some(channel)
                        }
                        Err(mut stop) => {
                            stop.expected.push(Expect::Keyword("within"));
                            return Err(stop);
                        }
                    }
                };
                self.keyword("within")?;
                self.trivia();
                match self.duration_value()? {
                    Some(within) => Stmt::Resolution { channel, within },
                    None => return Ok(None),
                }
            }
            (_, "on_breach") => match self.remedies()? {
                Some(list) => Stmt::OnBreach(list),
                None => return Ok(None),
            },
            (_, "start") => Stmt::Start(self.ident()?),
            (_, "next") => {
                let step = self.ident()?;
                self.trivia();
                let when = if self.at_keyword("when") {
                    self.keyword("when")?;
                    self.trivia();
                    Some(self.string()?.0)
                } else {
                    None
                };
                Stmt::Next { step, when }
            }
            (_, "end") => {
                let outcome = if self.rest().starts_with('"') {
                    Some(self.string()?.0)
                } else {
                    None
                };
                Stmt::End(outcome)
            }
            (_, "effort") => {
                let (text, span) = self.decimal()?;
                let Some(effort) = self.number(text, span) else {
                    return Ok(None);
                };
                if !(1.0..=5.0).contains(&effort) {
                    self.invalid(
                        span,
                        msg!("effort-out-of-scale", effort = effort.to_string()),
                        msg!("effort-out-of-scale-help"),
                    );
                    return Ok(None);
                }
                Stmt::Effort(effort)
            }
            (_, "csat") => {
                let (text, span) = self.decimal()?;
                let Some(csat) = self.number(text, span) else {
                    return Ok(None);
                };
                if !(1.0..=5.0).contains(&csat) {
                    self.invalid(
                        span,
                        msg!("csat-out-of-scale", csat = csat.to_string()),
                        msg!("csat-out-of-scale-help"),
                    );
                    return Ok(None);
                }
                Stmt::Csat(csat)
            }
            (_, "dropoff") => match self.percent_value(100.0)? {
                Some(p) => Stmt::Dropoff(p),
                None => return Ok(None),
            },
            (_, "severity") => {
                let word = self.ident()?;
                match self.word(&word, msg!("word-severity"), ComplaintSeverity::WORDS) {
                    Some(s) => Stmt::Severity(s),
                    None => return Ok(None),
                }
            }
            (_, "acknowledge") => {
                self.keyword("within")?;
                self.trivia();
                match self.duration_value()? {
                    Some(d) => Stmt::Acknowledge(d),
                    None => return Ok(None),
                }
            }
            (_, "resolve") => {
                self.keyword("within")?;
                self.trivia();
                match self.duration_value()? {
                    Some(d) => Stmt::Resolve(d),
                    None => return Ok(None),
                }
            }
            (_, "escalate") => {
                self.keyword("after")?;
                self.trivia();
                let after = self.duration_value()?;
                self.trivia();
                self.keyword("to")?;
                self.trivia();
                let to = self.ident()?;
                match after {
                    Some(after) => Stmt::Escalate { after, to },
                    None => return Ok(None),
                }
            }
            (_, "remedy") => match self.remedies()? {
                Some(list) => Stmt::Remedies(list),
                None => return Ok(None),
            },
            (_, "feedback") => match self.word_at(self.pos) {
                None => Stmt::Feedback(Feedback::Required),
                Some(_) => {
                    let word = self.ident()?;
                    match self.word(&word, msg!("word-feedback"), Feedback::WORDS) {
                        Some(f) => Stmt::Feedback(f),
                        None => return Ok(None),
                    }
                }
            },
            (_, "priority") => {
                let (text, span) = self.integer()?;
                match self.whole(text, span) {
                    Some(n) => Stmt::Priority(n),
                    None => return Ok(None),
                }
            }
            (DeclKind::Promise, "journey") => {
                let journey = self.ident()?;
                self.trivia();
                let mut from = None;
                if self.at_keyword("from") {
                    self.keyword("from")?;
                    self.trivia();
                    from = Some(self.ident()?);
                    self.trivia();
                }
                let mut to = None;
                if self.at_keyword("to") {
                    self.keyword("to")?;
                    self.trivia();
                    to = Some(self.ident()?);
                }
                Stmt::PromiseJourney { journey, from, to }
            }
            (_, "concurrency") => {
                let (text, span) = self.integer()?;
                match self.whole(text, span) {
                    Some(n) if (1..=100).contains(&n) => Stmt::Concurrency(n),
                    Some(n) => {
                        self.invalid(
                            span,
                            msg!("concurrency-out-of-range", value = n),
                            msg!("concurrency-out-of-range-help"),
                        );
                        return Ok(None);
                    }
                    None => return Ok(None),
                }
            }
            (_, "agents") => {
                let (text, span) = self.integer()?;
                match self.whole(text, span) {
                    Some(n) => Stmt::Agents(n),
                    None => return Ok(None),
                }
            }
            (_, "forecast") => match self.forecast()? {
                Some(stmt) => stmt,
                None => return Ok(None),
            },
            (_, "aht") => match self.duration_value()? {
                Some(d) => Stmt::Aht(d),
                None => return Ok(None),
            },
            (_, "patience") => match self.duration_value()? {
                Some(d) => Stmt::Patience(d),
                None => return Ok(None),
            },
            (_, "shrinkage") => {
                let span_start = self.pos;
                let Some(shrinkage) = self.percent_value(100.0)? else {
                    return Ok(None);
                };
                if shrinkage.value() >= 100.0 {
                    self.invalid(
                        self.span(span_start, self.pos),
                        msg!("shrinkage-too-high", shrinkage = shrinkage.to_string()),
                        msg!("shrinkage-too-high-help"),
                    );
                    return Ok(None);
                }
                Stmt::Shrinkage(shrinkage)
            }
            (_, "provider") => Stmt::Provider(self.ident()?),
            (_, "consumer") => Stmt::Consumer(self.ident()?),
            (_, "respond") => {
                self.keyword("within")?;
                self.trivia();
                let within = self.duration_value()?;
                self.trivia();
                let segments = if self.at_keyword("for") {
                    self.keyword("for")?;
                    self.trivia();
                    self.ident_list()?
                } else {
                    Vec::new()
                };
                match within {
                    Some(within) => Stmt::Respond { within, segments },
                    None => return Ok(None),
                }
            }
            (_, other) => unreachable!("`{other}` is in statements_of but has no grammar"),
        }))
    }

    /// `target_stmt = { kw_target ~ ident ~ comparison ~ target_value }`,
    /// `target_value = _{ percent | duration | decimal }`
    fn target(&mut self) -> P<Option<Target>> {
        let metric = self.ident()?;
        self.trivia();
        let op = self.comparison()?;
        self.trivia();
        let at = self.pos;
        let value = if let Ok((text, span)) = self.percent() {
            self.percent_of(text, span, 100.0).map(TargetValue::Percent)
        } else if let Ok((text, span)) = self.duration() {
            self.duration_of(text, span).map(TargetValue::Duration)
        } else if let Ok((text, span)) = self.decimal() {
            self.number(text, span).map(TargetValue::Number)
        } else {
            return Err(Stop::new(at, &[PERCENT, DURATION, DECIMAL]));
        };
        let metric = self.word::<Metric>(&metric, msg!("word-metric"), Metric::WORDS);
        let comparison = Comparison::from_word(op);
        let (Some(metric), Some(comparison), Some(value)) = (metric, comparison, value) else {
            return Ok(None);
        };
        if let (Metric::Nps, TargetValue::Number(n)) = (metric, value) {
            if !(-100.0..=100.0).contains(&n) {
                self.invalid(
                    self.span(at, self.pos),
                    msg!("nps-impossible", value = trim_float(n)),
                    msg!("nps-impossible-help"),
                );
                return Ok(None);
            }
        }
        Ok(Some(Target {
            metric,
            comparison,
            value,
        }))
    }

    /// `open_stmt = { kw_open ~ (always | day_list ~ time_ranges) }`
    fn open_hours(&mut self) -> P<Option<OpenHours>> {
        let rest = self.rest();
        if rest.starts_with("24x7") || rest.starts_with("24/7") {
            self.token(TokenKind::Always, 4);
            return Ok(Some(OpenHours::Always));
        }
        // `day_list = { day_range ~ ("," ~ day_range)* }`
        let mut days = vec![self.day_range()?];
        loop {
            self.trivia();
            if !self.rest().starts_with(',') {
                break;
            }
            self.token(TokenKind::Comma, 1);
            self.trivia();
            days.push(self.day_range()?);
        }
        // `time_ranges = { time_range ~ ("," ~ time_range)* }`
        let mut times = vec![self.time_range()?];
        loop {
            self.trivia();
            if !self.rest().starts_with(',') {
                break;
            }
            self.token(TokenKind::Comma, 1);
            self.trivia();
            times.push(self.time_range()?);
        }
        let times: Option<Vec<_>> = times.into_iter().collect();
        Ok(times.map(|times| OpenHours::Weekly { days, times }))
    }

    /// `day_range = @{ day ~ ("-" ~ day)? ~ !ident_char }`
    fn day_range(&mut self) -> P<(Weekday, Weekday)> {
        let day = |text: &str| -> Option<Weekday> {
            Weekday::ALL
                .iter()
                .copied()
                .find(|d| text.starts_with(d.as_str()))
        };
        let rest = self.rest();
        let fail = || Stop::new(self.pos, &[DAYS]);
        let from = day(rest).ok_or_else(fail)?;
        let mut len = 3;
        let mut to = from;
        if rest[3..].starts_with('-') {
            if let Some(d) = day(&rest[4..]) {
                to = d;
                len = 7;
            }
        }
        if self.ident_char_at(self.pos + len) {
            return Err(fail());
        }
        self.token(TokenKind::DayRange, len);
        Ok((from, to))
    }

    /// `time_range = { time ~ "-" ~ time }`
    fn time_range(&mut self) -> P<Option<(TimeOfDay, TimeOfDay)>> {
        let start = self.pos;
        let (from_text, from_span) = self.time()?;
        self.trivia();
        // A literal, not a rule: where it is missing, the grammar stops at
        // the start of the range.
        self.punct('-', TokenKind::Dash, Expect::Keyword("-"))
            .map_err(|_| Stop::new(start, &[OPENING_TIMES]))?;
        self.trivia();
        let (to_text, to_span) = self.time()?;
        let from = self.time_of(from_text, from_span);
        let to = self.time_of(to_text, to_span);
        let (Some(from), Some(to)) = (from, to) else {
            return Ok(None);
        };
        if to <= from {
            self.invalid(
                self.span(start, self.pos),
                msg!(
                    "opening-time-backwards",
                    from = from.to_string(),
                    to = to.to_string()
                ),
                msg!("opening-time-backwards-help"),
            );
            return Ok(None);
        }
        Ok(Some((from, to)))
    }

    /// `remedy_list = { remedy ~ ("," ~ NEWLINE* ~ remedy)* }`
    fn remedies(&mut self) -> P<Option<Vec<Spanned<Remedy>>>> {
        let mut list = vec![self.remedy()?];
        loop {
            self.trivia();
            if !self.rest().starts_with(',') {
                break;
            }
            self.token(TokenKind::Comma, 1);
            self.newlines();
            list.push(self.remedy()?);
        }
        Ok(list.into_iter().collect())
    }

    /// `remedy = { escalate_remedy | compensate_remedy | ident }`, where
    /// `escalate_remedy = kw_escalate ~ ident` and `compensate_remedy =
    /// kw_compensate ~ string?`. A lone `escalate` is an identifier, as in
    /// the grammar, and then an unknown remedy.
    fn remedy(&mut self) -> P<Option<Spanned<Remedy>>> {
        let start = self.pos;
        if self.at_keyword("escalate") {
            let after = self.pos + "escalate".len();
            let target = self.text[after..]
                .chars()
                .position(|c| !chars::whitespace(c))
                .map(|n| {
                    after
                        + self.text[after..]
                            .chars()
                            .take(n)
                            .map(char::len_utf8)
                            .sum::<usize>()
                })
                .unwrap_or(self.text.len());
            if self.word_at(target).is_some() {
                self.keyword("escalate")?;
                self.trivia();
                let to = self.ident()?;
                return Ok(Some(Spanned {
                    value: Remedy::Escalate(to),
                    span: self.span(start, self.pos),
                }));
            }
        }
        if self.at_keyword("compensate") {
            self.keyword("compensate")?;
            self.trivia();
            // `string?`: an unterminated text is no text, and the statement
            // then stops at its quote.
            let what = if self.rest().starts_with('"') {
                self.string().ok().map(|(s, _)| s)
            } else {
                None
            };
            return Ok(Some(Spanned {
                value: Remedy::Compensate(what),
                span: self.span(start, self.pos),
            }));
        }
        let word = self.ident().map_err(|_| Stop::new(start, &[REMEDY]))?;
        let value = self.word::<SimpleRemedy>(&word, msg!("word-remedy"), REMEDY_WORDS);
        Ok(value.map(|r| Spanned {
            value: Remedy::Simple(r),
            span: word.span,
        }))
    }

    /// `forecast_stmt = { kw_forecast ~ (kw_file ~ string | integer) ~ kw_per ~ duration }`
    fn forecast(&mut self) -> P<Option<Stmt>> {
        let source = if self.at_keyword("file") {
            self.keyword("file")?;
            self.trivia();
            let (path, span) = self.string()?;
            Some(ForecastSource::File(Spanned { value: path, span }))
        } else {
            let (text, span) = self.integer().map_err(|mut stop| {
                stop.expected.push(Expect::Keyword("file"));
                stop
            })?;
            self.whole(text, span)
                .map(|n| ForecastSource::Volume(u64::from(n)))
        };
        self.trivia();
        self.keyword("per")?;
        self.trivia();
        let per_start = self.pos;
        let per = self.duration_value()?;
        let (Some(source), Some(per)) = (source, per) else {
            return Ok(None);
        };
        if per == Duration::ZERO {
            self.invalid(
                self.span(per_start, self.pos),
                msg!("forecast-interval-zero"),
                msg!("forecast-interval-zero-help"),
            );
            return Ok(None);
        }
        Ok(Some(Stmt::Forecast { source, per }))
    }

    // ------------------------------------------------------------ values

    /// A duration token read as what its statement needs: running time
    /// ([`Duration`]) or a deadline that may count working days
    /// ([`TimeLimit`]).
    fn duration_value<T: FromDuration>(&mut self) -> P<Option<T>> {
        let (text, span) = self.duration()?;
        Ok(self.duration_of(text, span))
    }

    fn duration_of<T: FromDuration>(&mut self, text: &str, span: Span) -> Option<T> {
        match T::from_duration(text) {
            Ok(d) => Some(d),
            Err(message) => {
                self.invalid(span, message, msg!("duration-help"));
                None
            }
        }
    }

    fn percent_value(&mut self, max: f64) -> P<Option<Percent>> {
        let (text, span) = self.percent()?;
        Ok(self.percent_of(text, span, max))
    }

    fn percent_of(&mut self, text: &str, span: Span, max: f64) -> Option<Percent> {
        match Percent::parse(text) {
            Ok(p) if p.value() <= max => Some(p),
            Ok(p) => {
                self.invalid(
                    span,
                    msg!("percent-over-max", value = p.to_string(), max = max),
                    msg!("percent-over-max-help"),
                );
                None
            }
            Err(message) => {
                self.invalid(span, message, msg!("percent-help"));
                None
            }
        }
    }

    fn date_value(&mut self) -> P<Option<Date>> {
        let (text, span) = self.date()?;
        Ok(match Date::parse(text) {
            Ok(d) => Some(d),
            Err(message) => {
                self.invalid(span, message, msg!("date-help"));
                None
            }
        })
    }

    fn time_of(&mut self, text: &str, span: Span) -> Option<TimeOfDay> {
        match TimeOfDay::parse(text) {
            Ok(t) => Some(t),
            Err(message) => {
                self.invalid(span, message, msg!("time-help"));
                None
            }
        }
    }

    /// `cost_stmt = { kw_cost ~ decimal ~ kw_per ~ ident }`: an amount in
    /// the service's currency, per contact or per hour; a negative amount
    /// or another basis is said at its place.
    fn cost(&mut self) -> P<Option<Cost>> {
        let (text, span) = self.decimal()?;
        self.trivia();
        self.keyword("per")?;
        self.trivia();
        let basis = self.ident()?;
        let amount = self.number(text, span);
        let per = self.word(&basis, msg!("word-cost-basis"), CostBasis::WORDS);
        match (amount, per) {
            (Some(amount), Some(per)) if amount >= 0.0 => Ok(Some(Cost { amount, per })),
            (Some(amount), _) if amount < 0.0 => {
                self.invalid(
                    span,
                    msg!("cost-negative", value = trim_float(amount)),
                    msg!("cost-negative-help"),
                );
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    fn whole(&mut self, text: &str, span: Span) -> Option<u32> {
        match text.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                self.invalid(
                    span,
                    msg!("number-too-large", number = abbreviate(text)),
                    msg!("whole-number-too-large-help"),
                );
                None
            }
        }
    }

    fn number(&mut self, text: &str, span: Span) -> Option<f64> {
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() && n.abs() < 1e12 => Some(n),
            _ => {
                self.invalid(
                    span,
                    msg!("number-too-large", number = abbreviate(text)),
                    msg!("number-too-large-help"),
                );
                None
            }
        }
    }

    /// `hours CALENDAR`. Opening times written in its place (`hours mon-fri
    /// 09:00-18:00`) are a calendar the writer meant to declare: said so,
    /// over the whole of what they wrote.
    fn calendar_name(&mut self) -> P<ast::Ident> {
        let start = self.pos;
        let times_at = |text: &str, from: usize| {
            let gap = text[from..].len() - text[from..].trim_start_matches([' ', '\t']).len();
            text[from + gap..]
                .starts_with(|c: char| c.is_ascii_digit())
                .then_some(from + gap)
        };
        let found = match self.ident() {
            Ok(ident) => match times_at(self.text, self.pos) {
                None => return Ok(ident),
                Some(at) => Stop::new(at, &[SEP, BRACE_CLOSE]),
            },
            Err(stop) if times_at(self.text, start).is_some() => stop,
            Err(stop) => return Err(stop),
        };
        let end = self.text[start..]
            .find(['\n', '\r', ';', '}'])
            .map_or(self.text.len(), |n| start + n);
        let written = self.text[start..end].trim_end();
        let shown = crate::escape::shorten(written, 60);
        // `open` needs days: times alone are every day's.
        let open = if written.starts_with(|c: char| c.is_ascii_digit()) {
            format!("mon-sun {shown}")
        } else {
            shown.to_string()
        };
        let mut stop = found;
        stop.instead = Some((
            self.span(start, start + written.len()),
            msg!("hours-not-a-calendar", written = shown),
            msg!("hours-not-a-calendar-help", written = open),
        ));
        Err(stop)
    }

    /// One word from a closed set; an unknown word is a syntax error with a
    /// suggestion (the grammar reads it as a name).
    fn word<T: WordSet>(&mut self, ident: &Ident, what: Message, words: &[&str]) -> Option<T> {
        if let Some(value) = T::from_word(&ident.name) {
            return Some(value);
        }
        let suggestion = closest(&ident.name, words.iter().copied());
        let help = match suggestion {
            Some(w) => msg!("did-you-mean", name = w),
            None => msg!("use-one-of", words = words.join(", ")),
        };
        let message = msg!(
            "expected-word",
            what = what,
            words = words.join(", "),
            found = crate::escape::shorten(&ident.name, 64)
        );
        self.diagnostics.push(
            Diagnostic::new(Code::Syntax, ident.span, message)
                .help(help)
                .replace_with(suggestion),
        );
        None
    }
}

const REMEDY_WORDS: &[&str] = &[
    "apologize",
    "explain",
    "redo",
    "refund",
    "compensate",
    "escalate",
];

/// The closed word sets, for [`Parser::word`].
trait WordSet: Sized {
    fn from_word(word: &str) -> Option<Self>;
}

macro_rules! word_sets {
    ($($t:ty),*) => { $(impl WordSet for $t {
        fn from_word(word: &str) -> Option<Self> { <$t>::from_word(word) }
    })* };
}
word_sets!(
    CostBasis,
    ReviewUnit,
    Language,
    Metric,
    ChannelKind,
    ComplaintSeverity,
    Feedback,
    SimpleRemedy
);

/// A long number shortened for a message.
fn abbreviate(text: &str) -> String {
    if text.len() > 24 {
        format!("{}… ({} digits)", &text[..12], text.len())
    } else {
        text.to_string()
    }
}
