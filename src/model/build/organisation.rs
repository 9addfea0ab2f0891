//! The organisation and its lines: the service, calendars, teams, roles,
//! channels, segments, customer types, queues and agreements.

use super::*;

impl Builder {
    pub(super) fn service(&mut self, decl: Declaration) -> Service {
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

    pub(super) fn calendar(&mut self, decl: &mut Declaration) -> Calendar {
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

    pub(super) fn team(&mut self, decl: &mut Declaration) -> Team {
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

    pub(super) fn role(&mut self, decl: &mut Declaration) -> Role {
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

    pub(super) fn channel(&mut self, decl: &mut Declaration) -> Channel {
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

    pub(super) fn segment(&mut self, decl: &mut Declaration) -> Segment {
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

    pub(super) fn customer_type(&mut self, decl: &mut Declaration) -> CustomerType {
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

    pub(super) fn queue(&mut self, decl: &mut Declaration) -> Queue {
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

    pub(super) fn agreement(&mut self, decl: &mut Declaration) -> Agreement {
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
