//! Journeys and their steps, each step resolved against its journey's own
//! name table.

use super::*;

impl Builder {
    /// A journey, by value: each step's AST is dropped once it is built.
    pub(super) fn journey(&mut self, mut decl: Declaration) -> Journey {
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
}
