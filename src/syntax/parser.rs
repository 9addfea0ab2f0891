//! The pest boundary: the only module that sees pest types. It parses one file
//! and lowers the parse tree into the owned, typed AST of [`super::ast`].

use super::ast::*;
use super::expected::{describe, sentence, Described};
use super::values::*;
use crate::diagnostic::{closest, Code, Diagnostic};
use crate::source::{FileId, Span};
use pest::iterators::Pair;
use pest::Parser as _;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/cx.pest"]
pub struct CxParser;

/// Parses a file. A syntax error stops the file (pest does not recover), and
/// is returned with any value errors found before it; value errors alone leave
/// the rest of the file usable.
pub fn parse(file: FileId, text: &str) -> (File, Vec<Diagnostic>) {
    // A guard against pathological backtracking: the grammar is linear, so a
    // budget proportional to the input is never reached by honest text.
    let budget = text.len().saturating_mul(64).saturating_add(1_000_000);
    pest::set_call_limit(std::num::NonZeroUsize::new(budget));
    let result = CxParser::parse(Rule::file, text);
    pest::set_call_limit(None);
    match result {
        Ok(mut pairs) => {
            let mut lowerer = Lowerer {
                file,
                diagnostics: Vec::new(),
            };
            let root = pairs.next().expect("the file rule always yields one pair");
            let ast = lowerer.file(root);
            (ast, lowerer.diagnostics)
        }
        Err(error) => (File::default(), vec![syntax_error(file, text, error)]),
    }
}

fn syntax_error(file: FileId, text: &str, error: pest::error::Error<Rule>) -> Diagnostic {
    let at = match error.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let found = found_at(text, at);
    let end = at + found.len_bytes;
    let span = Span::new(file, at, end.max(at));
    // Keywords first, in grammar order, then descriptions: "expected `owner`,
    // `next` or `}`, a new line or `;`" reads as a list of statements.
    let (mut keywords, mut words) = (Vec::new(), Vec::new());
    if let pest::error::ErrorVariant::ParsingError { positives, .. } = &error.variant {
        for rule in positives {
            match describe(*rule) {
                Described::Keyword(k) if !keywords.contains(&k) => keywords.push(k),
                Described::Words(w) if !words.contains(&w) => words.push(w),
                _ => {}
            }
        }
    }
    let expected: Vec<String> = keywords
        .iter()
        .filter(|k| **k != "}")
        .map(|k| format!("`{k}`"))
        .chain(words.iter().map(|w| w.to_string()))
        .chain(
            keywords
                .contains(&"}")
                .then(|| "`}` (the end of the block)".to_string()),
        )
        .collect();
    let message = if expected.is_empty() {
        if let pest::error::ErrorVariant::CustomError { message } = &error.variant {
            format!("this file could not be read: {message}")
        } else {
            format!("unexpected {}", found.description)
        }
    } else {
        format!(
            "expected {}, found {}",
            sentence(&expected),
            found.description
        )
    };
    let help = match closest(&found.word, keywords.iter().copied()) {
        Some(k) if !found.word.is_empty() => format!("did you mean `{k}`?"),
        _ if found.description.starts_with("an unterminated") => {
            "close the text with `\"` on the same line, or use \"\"\" for text over several lines"
                .to_string()
        }
        _ => "see grammar/README.md for the form of each declaration and statement".to_string(),
    };
    Diagnostic::new(Code::Syntax, span, message).help(help)
}

struct Found {
    description: String,
    word: String,
    len_bytes: usize,
}

/// Describes the text where parsing stopped, for "found ...".
fn found_at(text: &str, at: usize) -> Found {
    let rest = text.get(at..).unwrap_or("");
    let Some(first) = rest.chars().next() else {
        return Found {
            description: "the end of the file".into(),
            word: String::new(),
            len_bytes: 0,
        };
    };
    if first == '\n' || first == '\r' {
        return Found {
            description: "the end of the line".into(),
            word: String::new(),
            len_bytes: 0,
        };
    }
    if first == '"' && !rest[1..].contains('"') {
        return Found {
            description: "an unterminated text (a `\"` that is never closed)".into(),
            word: String::new(),
            len_bytes: 1,
        };
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '%' | '.' | ':'))
        .take(40)
        .collect();
    if word.is_empty() {
        let shown = if first.is_control() {
            format!("the character U+{:04X}", first as u32)
        } else {
            format!("`{first}`")
        };
        return Found {
            description: shown,
            word: String::new(),
            len_bytes: first.len_utf8(),
        };
    }
    Found {
        description: format!("`{word}`"),
        len_bytes: word.len(),
        word,
    }
}

struct Lowerer {
    file: FileId,
    diagnostics: Vec<Diagnostic>,
}

/// The children of a pair that carry meaning: keywords and punctuation dropped.
fn parts(pair: Pair<'_, Rule>) -> impl Iterator<Item = Pair<'_, Rule>> {
    pair.into_inner().filter(|p| {
        // `24x7` is spelt like a keyword but is the statement's argument.
        !matches!(p.as_rule(), Rule::sep | Rule::lbrace | Rule::close_brace)
            && (p.as_rule() == Rule::always
                || !matches!(describe(p.as_rule()), Described::Keyword(_)))
    })
}

impl Lowerer {
    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.file, s.start(), s.end())
    }

    fn invalid(&mut self, span: Span, message: String, help: &str) {
        self.diagnostics
            .push(Diagnostic::new(Code::InvalidValue, span, message).help(help));
    }

    fn file(&mut self, root: Pair<'_, Rule>) -> File {
        let mut file = File::default();
        for pair in parts(root) {
            match pair.as_rule() {
                Rule::EOI => {}
                Rule::include_decl => {
                    let span = self.span(&pair);
                    let path = parts(pair)
                        .next()
                        .map(|s| self.string(s))
                        .unwrap_or_default();
                    file.includes.push(Spanned { value: path, span });
                }
                _ => {
                    if let Some(decl) = self.declaration(pair) {
                        file.declarations.push(decl);
                    }
                }
            }
        }
        file
    }

    fn declaration(&mut self, pair: Pair<'_, Rule>) -> Option<Declaration> {
        let kind = match pair.as_rule() {
            Rule::service_decl => DeclKind::Service,
            Rule::calendar_decl => DeclKind::Calendar,
            Rule::team_decl => DeclKind::Team,
            Rule::role_decl => DeclKind::Role,
            Rule::channel_decl => DeclKind::Channel,
            Rule::segment_decl => DeclKind::Segment,
            Rule::customer_type_decl => DeclKind::CustomerType,
            Rule::sla_decl => DeclKind::Sla,
            Rule::promise_decl => DeclKind::Promise,
            Rule::journey_decl => DeclKind::Journey,
            Rule::step_decl => DeclKind::Step,
            Rule::complaint_decl => DeclKind::Complaint,
            Rule::queue_decl => DeclKind::Queue,
            Rule::agreement_decl => DeclKind::Agreement,
            _ => return None,
        };
        let start = pair.as_span().start();
        let extent = self.span(&pair);
        let mut header_end = start + kind.keyword().len();
        let mut decl = Declaration {
            kind,
            ident: None,
            title: None,
            applies_to: Vec::new(),
            span: Span::new(self.file, start, header_end),
            extent,
            body: Vec::new(),
        };
        for part in parts(pair) {
            match part.as_rule() {
                Rule::ident => {
                    header_end = part.as_span().end();
                    decl.ident = Some(self.ident(part));
                }
                Rule::name => {
                    header_end = part.as_span().end();
                    decl.title = parts(part).next().map(|s| self.string(s));
                }
                Rule::ident_list => {
                    header_end = part.as_span().end();
                    decl.applies_to = self.idents(part);
                }
                _ => {
                    if let Some(statement) = self.statement(part) {
                        decl.body.push(statement);
                    }
                }
            }
        }
        decl.span.end = header_end;
        Some(decl)
    }

    fn statement(&mut self, pair: Pair<'_, Rule>) -> Option<Statement> {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        if rule == Rule::step_decl {
            let step = self.declaration(pair)?;
            return Some(Statement {
                kind: Stmt::Step(Box::new(step)),
                span,
            });
        }
        let mut args = Args(parts(pair).collect::<Vec<_>>().into_iter());
        // The grammar guarantees the arguments; `?` keeps a mismatch from panicking.
        let mut next = || args.0.next();
        let kind = match rule {
            Rule::version_stmt => Stmt::Version(self.string(next()?)),
            Rule::review_stmt => {
                let count = self.integer(next()?)?;
                let unit = self.word::<ReviewUnit>(next()?, "a period", ReviewUnit::WORDS)?;
                Stmt::ReviewEvery { count, unit }
            }
            Rule::reviewed_stmt => Stmt::Reviewed(self.date(next()?)?),
            Rule::language_stmt => {
                Stmt::Language(self.word(next()?, "an output language", Language::WORDS)?)
            }
            Rule::description_stmt => Stmt::Description(self.string(next()?)),
            Rule::owner_stmt => Stmt::Owner(self.ident(next()?)),
            Rule::hours_stmt => Stmt::Hours(self.ident(next()?)),
            Rule::segments_stmt => {
                let list = self.idents(next()?);
                if list.len() == 1 && list[0].name == "any" {
                    Stmt::Segments(SegmentScope::Any)
                } else {
                    Stmt::Segments(SegmentScope::List(list))
                }
            }
            Rule::within_stmt => Stmt::Within(self.duration(next()?)?),
            Rule::target_stmt => {
                let metric = self.word(next()?, "a metric", Metric::WORDS)?;
                let op = next()?;
                let comparison = Comparison::from_word(op.as_str())?;
                let value_pair = next()?;
                let value = match value_pair.as_rule() {
                    Rule::percent => TargetValue::Percent(self.percent(value_pair, 100.0)?),
                    Rule::duration => TargetValue::Duration(self.duration(value_pair)?),
                    _ => TargetValue::Number(self.decimal(value_pair)?),
                };
                Stmt::Target(Target {
                    metric,
                    comparison,
                    value,
                })
            }
            Rule::timezone_stmt => Stmt::Timezone(self.string(next()?)),
            Rule::open_stmt => {
                let first = next()?;
                let hours = if first.as_rule() == Rule::always {
                    OpenHours::Always
                } else {
                    let times = next()?;
                    self.weekly_hours(first, times)?
                };
                Stmt::Open(hours)
            }
            Rule::closed_stmt => {
                let mut dates = Vec::new();
                while let Some(d) = next() {
                    dates.push(self.date(d)?);
                }
                Stmt::Closed(dates)
            }
            Rule::lead_stmt => Stmt::Lead(self.ident(next()?)),
            Rule::team_stmt_ref => Stmt::Team(self.ident(next()?)),
            Rule::reports_to_stmt => Stmt::ReportsTo(self.ident(next()?)),
            Rule::headcount_stmt => Stmt::Headcount(self.integer(next()?)?),
            Rule::duty_stmt => Stmt::Duty(self.string(next()?)),
            Rule::kind_stmt => {
                Stmt::Kind(self.word(next()?, "a channel kind", ChannelKind::WORDS)?)
            }
            Rule::self_service_stmt => Stmt::SelfService,
            // Shares above 100% are left to `share-over-100`, which names the segments.
            Rule::share_stmt => Stmt::Share(self.percent(next()?, f64::INFINITY)?),
            Rule::revenue_stmt => Stmt::Revenue(self.percent(next()?, f64::INFINITY)?),
            Rule::tier_stmt => {
                let pair = next()?;
                let tier = self.integer(pair.clone())?;
                if tier == 0 || tier > 100 {
                    let message = format!("tier {tier} is out of range");
                    self.invalid(
                        self.span(&pair),
                        message,
                        "tiers count from 1 (the highest priority); use 1 to 100",
                    );
                    return None;
                }
                Stmt::Tier(tier)
            }
            Rule::channels_stmt => Stmt::Channels(self.idents(next()?)),
            Rule::types_stmt => Stmt::Types(self.idents(next()?)),
            Rule::expects_stmt => Stmt::Expects(self.string(next()?)),
            Rule::strategy_stmt => Stmt::Strategy(self.string(next()?)),
            Rule::prefer_stmt => Stmt::Prefer(self.idents(next()?)),
            Rule::answer_stmt => {
                let channel = self.ident(next()?);
                let percent = self.percent(next()?, 100.0)?;
                let within = self.duration(next()?)?;
                Stmt::Answer {
                    channel,
                    percent,
                    within,
                }
            }
            Rule::first_response_stmt => {
                let channel = self.ident(next()?);
                Stmt::FirstResponse {
                    channel,
                    within: self.duration(next()?)?,
                }
            }
            Rule::resolution_stmt => {
                let first = next()?;
                let (channel, within) = if first.as_rule() == Rule::ident {
                    (Some(self.ident(first)), self.duration(next()?)?)
                } else {
                    (None, self.duration(first)?)
                };
                Stmt::Resolution { channel, within }
            }
            Rule::channel_ref_stmt => Stmt::Channel(self.ident(next()?)),
            Rule::on_breach_stmt => Stmt::OnBreach(self.remedies(next()?)?),
            Rule::start_stmt => Stmt::Start(self.ident(next()?)),
            Rule::step_channel_stmt => Stmt::StepChannels(self.idents(next()?)),
            Rule::next_stmt => {
                let step = self.ident(next()?);
                let when = next().map(|p| self.string(p));
                Stmt::Next { step, when }
            }
            Rule::end_stmt => Stmt::End(next().map(|p| self.string(p))),
            Rule::effort_stmt => {
                let pair = next()?;
                let effort = self.decimal(pair.clone())?;
                if !(1.0..=5.0).contains(&effort) {
                    let message = format!("effort {effort} is outside the scale");
                    self.invalid(
                        self.span(&pair),
                        message,
                        "effort is measured from 1 (low) to 5 (high)",
                    );
                    return None;
                }
                Stmt::Effort(effort)
            }
            Rule::csat_stmt => {
                let pair = next()?;
                let csat = self.decimal(pair.clone())?;
                if !(0.0..=100.0).contains(&csat) {
                    let message = format!("csat {csat} is not a satisfaction score");
                    self.invalid(
                        self.span(&pair),
                        message,
                        "write the measured score, e.g. `csat 4.2` on a 5-point scale",
                    );
                    return None;
                }
                Stmt::Csat(csat)
            }
            Rule::dropoff_stmt => Stmt::Dropoff(self.percent(next()?, 100.0)?),
            Rule::severity_stmt => {
                Stmt::Severity(self.word(next()?, "a severity", ComplaintSeverity::WORDS)?)
            }
            Rule::acknowledge_stmt => Stmt::Acknowledge(self.duration(next()?)?),
            Rule::resolve_stmt => Stmt::Resolve(self.duration(next()?)?),
            Rule::escalate_stmt => {
                let after = self.duration(next()?)?;
                Stmt::Escalate {
                    after,
                    to: self.ident(next()?),
                }
            }
            Rule::remedy_stmt => Stmt::Remedies(self.remedies(next()?)?),
            Rule::feedback_stmt => match next() {
                None => Stmt::Feedback(Feedback::Required),
                Some(p) => {
                    Stmt::Feedback(self.word(p, "`required` or `optional`", Feedback::WORDS)?)
                }
            },
            Rule::priority_stmt => Stmt::Priority(self.integer(next()?)?),
            Rule::agents_stmt => Stmt::Agents(self.integer(next()?)?),
            Rule::forecast_stmt => {
                let first = next()?;
                let source = if first.as_rule() == Rule::string {
                    let span = self.span(&first);
                    ForecastSource::File(Spanned {
                        value: self.string(first),
                        span,
                    })
                } else {
                    ForecastSource::Volume(u64::from(self.integer(first)?))
                };
                let per_pair = next()?;
                let per = self.duration(per_pair.clone())?;
                if per == Duration::ZERO {
                    self.invalid(
                        self.span(&per_pair),
                        "a forecast interval of zero".into(),
                        "give the interval length, e.g. `per 30m`",
                    );
                    return None;
                }
                Stmt::Forecast { source, per }
            }
            Rule::aht_stmt => Stmt::Aht(self.duration(next()?)?),
            Rule::patience_stmt => Stmt::Patience(self.duration(next()?)?),
            Rule::shrinkage_stmt => {
                let pair = next()?;
                let shrinkage = self.percent(pair.clone(), 100.0)?;
                if shrinkage.value() >= 100.0 {
                    self.invalid(
                        self.span(&pair),
                        format!("shrinkage of {shrinkage} leaves nobody to answer"),
                        "shrinkage is the share of paid time agents are not available, below 100%",
                    );
                    return None;
                }
                Stmt::Shrinkage(shrinkage)
            }
            Rule::provider_stmt => Stmt::Provider(self.ident(next()?)),
            Rule::consumer_stmt => Stmt::Consumer(self.ident(next()?)),
            Rule::respond_stmt => {
                let within = self.duration(next()?)?;
                let segments = next().map(|p| self.idents(p)).unwrap_or_default();
                Stmt::Respond { within, segments }
            }
            _ => return None,
        };
        Some(Statement { kind, span })
    }

    fn ident(&self, pair: Pair<'_, Rule>) -> Ident {
        Ident {
            name: pair.as_str().to_string(),
            span: self.span(&pair),
        }
    }

    fn idents(&self, pair: Pair<'_, Rule>) -> Vec<Ident> {
        pair.into_inner()
            .filter(|p| p.as_rule() == Rule::ident)
            .map(|p| self.ident(p))
            .collect()
    }

    /// The value of a string literal, escapes resolved.
    fn string(&self, pair: Pair<'_, Rule>) -> String {
        let mut pair = pair;
        while let Some(inner) = pair.clone().into_inner().next() {
            if matches!(pair.as_rule(), Rule::simple_inner | Rule::triple_inner) {
                break;
            }
            pair = inner;
        }
        match pair.as_rule() {
            Rule::triple_inner => pair.as_str().to_string(),
            _ => unescape(pair.as_str()),
        }
    }

    fn integer(&mut self, pair: Pair<'_, Rule>) -> Option<u32> {
        match pair.as_str().parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                let message = format!("the number {} is too large", abbreviate(pair.as_str()));
                self.invalid(
                    self.span(&pair),
                    message,
                    "whole numbers in a spec go up to 4,294,967,295",
                );
                None
            }
        }
    }

    fn decimal(&mut self, pair: Pair<'_, Rule>) -> Option<f64> {
        match pair.as_str().parse::<f64>() {
            Ok(n) if n.is_finite() && n.abs() < 1e12 => Some(n),
            _ => {
                let message = format!("the number {} is too large", abbreviate(pair.as_str()));
                self.invalid(self.span(&pair), message, "write a number of sensible size");
                None
            }
        }
    }

    fn percent(&mut self, pair: Pair<'_, Rule>, max: f64) -> Option<Percent> {
        match Percent::parse(pair.as_str()) {
            Ok(p) if p.value() <= max => Some(p),
            Ok(p) => {
                let message = format!("{p} is more than {}%", max);
                self.invalid(
                    self.span(&pair),
                    message,
                    "a share of a whole goes from 0% to 100%",
                );
                None
            }
            Err(message) => {
                self.invalid(
                    self.span(&pair),
                    message,
                    "write a percentage such as 80% or 99.5%",
                );
                None
            }
        }
    }

    fn duration(&mut self, pair: Pair<'_, Rule>) -> Option<Duration> {
        match Duration::parse(pair.as_str()) {
            Ok(d) => Some(d),
            Err(message) => {
                self.invalid(
                    self.span(&pair),
                    message,
                    "write a duration such as 30m, 4h, 1h30m or 3d",
                );
                None
            }
        }
    }

    fn date(&mut self, pair: Pair<'_, Rule>) -> Option<Date> {
        match Date::parse(pair.as_str()) {
            Ok(d) => Some(d),
            Err(message) => {
                self.invalid(
                    self.span(&pair),
                    message,
                    "write a real date as YYYY-MM-DD, e.g. 2026-05-01",
                );
                None
            }
        }
    }

    fn time(&mut self, pair: Pair<'_, Rule>) -> Option<TimeOfDay> {
        match TimeOfDay::parse(pair.as_str()) {
            Ok(t) => Some(t),
            Err(message) => {
                self.invalid(
                    self.span(&pair),
                    message,
                    "write a time as HH:MM between 00:00 and 24:00",
                );
                None
            }
        }
    }

    /// One word from a closed set; an unknown word is a syntax error with a suggestion.
    fn word<T: WordSet>(&mut self, pair: Pair<'_, Rule>, what: &str, words: &[&str]) -> Option<T> {
        if let Some(value) = T::from_word(pair.as_str()) {
            return Some(value);
        }
        let help = match closest(pair.as_str(), words.iter().copied()) {
            Some(w) => format!("did you mean `{w}`?"),
            None => format!("use one of: {}", words.join(", ")),
        };
        let message = format!(
            "expected {what} ({}), found `{}`",
            words.join(", "),
            pair.as_str()
        );
        self.diagnostics
            .push(Diagnostic::new(Code::Syntax, self.span(&pair), message).help(help));
        None
    }

    fn weekly_hours(&mut self, days: Pair<'_, Rule>, times: Pair<'_, Rule>) -> Option<OpenHours> {
        let mut day_ranges = Vec::new();
        for range in days.into_inner() {
            let text = range.as_str();
            let (from, to) = text.split_once('-').unwrap_or((text, text));
            day_ranges.push((Weekday::from_word(from)?, Weekday::from_word(to)?));
        }
        let mut time_ranges = Vec::new();
        for range in times.into_inner() {
            let span = self.span(&range);
            let mut ends = range.into_inner();
            let from = self.time(ends.next()?)?;
            let to = self.time(ends.next()?)?;
            if to <= from {
                let message = format!("the opening time {from}-{to} ends before it starts");
                self.invalid(span, message, "write the opening time first, e.g. 09:00-18:00; for a night shift write two ranges, 22:00-24:00 and 00:00-06:00");
                return None;
            }
            time_ranges.push((from, to));
        }
        Some(OpenHours::Weekly {
            days: day_ranges,
            times: time_ranges,
        })
    }

    fn remedies(&mut self, list: Pair<'_, Rule>) -> Option<Vec<Spanned<Remedy>>> {
        let mut remedies = Vec::new();
        for remedy in list.into_inner().filter(|p| p.as_rule() == Rule::remedy) {
            let span = self.span(&remedy);
            let inner = remedy.into_inner().next()?;
            let value = match inner.as_rule() {
                Rule::escalate_remedy => Remedy::Escalate(self.ident(parts(inner).next()?)),
                Rule::compensate_remedy => {
                    Remedy::Compensate(parts(inner).next().map(|s| self.string(s)))
                }
                _ => Remedy::Simple(self.word(inner, "a remedy", REMEDY_WORDS)?),
            };
            remedies.push(Spanned { value, span });
        }
        Some(remedies)
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

/// The closed word sets, for [`Lowerer::word`].
trait WordSet: Sized {
    fn from_word(word: &str) -> Option<Self>;
}

macro_rules! word_sets {
    ($($t:ty),*) => { $(impl WordSet for $t {
        fn from_word(word: &str) -> Option<Self> { <$t>::from_word(word) }
    })* };
}
word_sets!(
    ReviewUnit,
    Language,
    Metric,
    ChannelKind,
    ComplaintSeverity,
    Feedback,
    SimpleRemedy
);

/// The arguments of a statement, in order.
struct Args<'i>(std::vec::IntoIter<Pair<'i, Rule>>);

fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// A long number shortened for a message.
fn abbreviate(text: &str) -> String {
    if text.len() > 24 {
        format!("{}… ({} digits)", &text[..12], text.len())
    } else {
        text.to_string()
    }
}
