//! The grammar: files, declarations and their bodies, rule for rule as
//! `grammar/cx.pest` writes them, building the AST as they go.

use super::*;
use crate::msg;
use crate::syntax::ast::*;
use crate::syntax::forms;

/// The keywords of the statements a kind of declaration may hold.
fn statements_of(kind: DeclKind) -> impl Iterator<Item = &'static str> + Clone {
    forms::statements(kind).iter().map(|f| f.keyword)
}

/// The form of statement `word` in a declaration of `kind`.
pub(super) fn form_of(kind: DeclKind, word: &str) -> Option<&'static forms::Form> {
    forms::statements(kind).iter().find(|f| f.keyword == word)
}

/// What may follow a comma in a list: `NEWLINE*`, or trivia only.
pub(super) enum Gap {
    Lines,
    Trivia,
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
    pub(super) fn statement_end(&mut self) -> P<()> {
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
    pub(super) fn ident_list(&mut self) -> P<Vec<Ident>> {
        self.list(Gap::Lines, Self::ident)
    }

    /// `item ~ ("," ~ gap ~ item)*`: a list separated by commas, where the
    /// rule allows new lines after a comma ([`Gap::Lines`]) or only spaces
    /// and comments ([`Gap::Trivia`]).
    pub(super) fn list<T>(
        &mut self,
        gap: Gap,
        mut item: impl FnMut(&mut Self) -> P<T>,
    ) -> P<Vec<T>> {
        let mut list = vec![item(self)?];
        loop {
            self.trivia();
            if !self.rest().starts_with(',') {
                list.shrink_to_fit();
                return Ok(list);
            }
            self.token(TokenKind::Comma, 1);
            match gap {
                Gap::Lines => self.newlines(),
                Gap::Trivia => self.trivia(),
            }
            list.push(item(self)?);
        }
    }

    /// `NEWLINE*` with trivia between.
    pub(super) fn newlines(&mut self) {
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
}
