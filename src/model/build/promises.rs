//! What is promised: SLAs, promises (and the journey steps they time),
//! complaint procedures and their remedies.

use super::*;

impl Builder {
    pub(super) fn sla(&mut self, decl: &mut Declaration) -> Sla {
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
    pub(super) fn promised_steps(&mut self, model: &mut Model) {
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

    pub(super) fn promise(&mut self, decl: &mut Declaration) -> Promise {
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

    pub(super) fn complaint(&mut self, decl: &mut Declaration) -> Complaint {
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
}
