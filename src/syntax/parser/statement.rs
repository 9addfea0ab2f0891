//! Statements: the body of each kind of declaration, one `match` arm per
//! statement form of `grammar/cx.pest`.

use super::grammar::{form_of, Gap};
use super::literals::abbreviate;
use super::*;
use crate::msg;
use crate::syntax::ast::*;
use crate::syntax::values::*;

impl<'t> Parser<'t> {
    /// One statement after its keyword; `None` when it parses but holds an
    /// impossible value (already reported).
    pub(super) fn statement(&mut self, kind: DeclKind, word: &str) -> P<Option<Stmt>> {
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
                let dates = self.list(Gap::Lines, Self::date_value)?;
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
            (_, "external") => Stmt::External,
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
                            msg!(
                                "average-check-negative",
                                value = crate::i18n::Figure::text(trim_float(n))
                            ),
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
            (_, "order") => {
                let word = self.ident()?;
                match self.word(&word, msg!("word-queue-order"), QueueOrder::WORDS) {
                    Some(o) => Stmt::Order(o),
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
}
