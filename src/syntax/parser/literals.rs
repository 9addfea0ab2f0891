//! The values statements hold: targets, opening hours, remedies, forecasts,
//! durations, percentages, dates, costs, numbers and closed word sets.

use super::grammar::Gap;
use super::*;
use crate::i18n::{Figure, Message};
use crate::msg;
use crate::syntax::ast::*;
use crate::syntax::values::*;

impl<'t> Parser<'t> {
    /// `target_stmt = { kw_target ~ ident ~ comparison ~ target_value }`,
    /// `target_value = _{ percent | duration | decimal }`
    pub(super) fn target(&mut self) -> P<Option<Target>> {
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
                    msg!("nps-impossible", value = Figure::text(trim_float(n))),
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

    /// `open_stmt = { kw_open ~ (always | date_list ~ time_ranges | day_list ~ time_ranges) }`
    pub(super) fn open_hours(&mut self) -> P<Option<OpenHours>> {
        let rest = self.rest();
        if rest.starts_with("24x7") || rest.starts_with("24/7") {
            self.token(TokenKind::Always, 4);
            return Ok(Some(OpenHours::Always));
        }
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            // `date_list = { date ~ ("," ~ date)* }`: hours of those dates.
            let at = self.pos;
            let dates =
                self.list(Gap::Trivia, Self::date_value)
                    .map_err(|stop| match stop.at == at {
                        true => Stop::new(at, &[DAYS, DATE]),
                        false => stop,
                    })?;
            let times = self.time_ranges()?;
            let dates: Option<Vec<_>> = dates.into_iter().collect();
            return Ok(dates
                .zip(times)
                .map(|(dates, times)| OpenHours::Dated { dates, times }));
        }
        // `day_list = { day_range ~ ("," ~ day_range)* }`
        let at = self.pos;
        let days = self
            .list(Gap::Trivia, Self::day_range)
            .map_err(|stop| match stop.at == at {
                true => Stop::new(at, &[DAYS, DATE]),
                false => stop,
            })?;
        let times = self.time_ranges()?;
        Ok(times.map(|times| OpenHours::Weekly { days, times }))
    }

    /// `time_ranges = { time_range ~ ("," ~ time_range)* }`
    fn time_ranges(&mut self) -> P<Option<Vec<(TimeOfDay, TimeOfDay)>>> {
        let times = self.list(Gap::Trivia, Self::time_range)?;
        Ok(times.into_iter().collect())
    }

    /// `day_range = @{ day ~ ("-" ~ day)? ~ !ident_char }`; a day is named
    /// in English (`mon`) or in Russian (`пн`).
    pub(super) fn day_range(&mut self) -> P<(Weekday, Weekday)> {
        let rest = self.rest();
        let fail = || Stop::new(self.pos, &[DAYS]);
        let (from, mut len) = Weekday::prefix_of(rest).ok_or_else(fail)?;
        let mut to = from;
        if rest[len..].starts_with('-') {
            if let Some((d, n)) = Weekday::prefix_of(&rest[len + 1..]) {
                to = d;
                len += 1 + n;
            }
        }
        if self.ident_char_at(self.pos + len) {
            return Err(fail());
        }
        self.token(TokenKind::DayRange, len);
        Ok((from, to))
    }

    /// `time_range = { time ~ "-" ~ time }`
    pub(super) fn time_range(&mut self) -> P<Option<(TimeOfDay, TimeOfDay)>> {
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
    pub(super) fn remedies(&mut self) -> P<Option<Vec<Spanned<Remedy>>>> {
        let list = self.list(Gap::Lines, Self::remedy)?;
        Ok(list.into_iter().collect())
    }

    /// `remedy = { escalate_remedy | compensate_remedy | ident }`, where
    /// `escalate_remedy = kw_escalate ~ ident` and `compensate_remedy =
    /// kw_compensate ~ string?`. A lone `escalate` is an identifier, as in
    /// the grammar, and then an unknown remedy.
    pub(super) fn remedy(&mut self) -> P<Option<Spanned<Remedy>>> {
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
    pub(super) fn forecast(&mut self) -> P<Option<Stmt>> {
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
    pub(super) fn duration_value<T: FromDuration>(&mut self) -> P<Option<T>> {
        let (text, span) = self.duration()?;
        Ok(self.duration_of(text, span))
    }

    pub(super) fn duration_of<T: FromDuration>(&mut self, text: &str, span: Span) -> Option<T> {
        match T::from_duration(text) {
            Ok(d) => Some(d),
            Err(message) => {
                self.invalid(span, message, msg!("duration-help"));
                None
            }
        }
    }

    pub(super) fn percent_value(&mut self, max: f64) -> P<Option<Percent>> {
        let (text, span) = self.percent()?;
        Ok(self.percent_of(text, span, max))
    }

    pub(super) fn percent_of(&mut self, text: &str, span: Span, max: f64) -> Option<Percent> {
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

    pub(super) fn date_value(&mut self) -> P<Option<Date>> {
        let (text, span) = self.date()?;
        Ok(match Date::parse(text) {
            Ok(d) => Some(d),
            Err(message) => {
                self.invalid(span, message, msg!("date-help"));
                None
            }
        })
    }

    pub(super) fn time_of(&mut self, text: &str, span: Span) -> Option<TimeOfDay> {
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
    pub(super) fn cost(&mut self) -> P<Option<Cost>> {
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
                    msg!("cost-negative", value = Figure::text(trim_float(amount))),
                    msg!("cost-negative-help"),
                );
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    pub(super) fn whole(&mut self, text: &str, span: Span) -> Option<u32> {
        match text.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                self.invalid(
                    span,
                    out_of_range(text),
                    msg!("whole-number-too-large-help"),
                );
                None
            }
        }
    }

    pub(super) fn number(&mut self, text: &str, span: Span) -> Option<f64> {
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() && n.abs() < 1e12 => Some(n),
            _ => {
                self.invalid(span, out_of_range(text), msg!("number-too-large-help"));
                None
            }
        }
    }

    /// `hours CALENDAR`. Opening times written in its place (`hours mon-fri
    /// 09:00-18:00`) are a calendar the writer meant to declare: said so,
    /// over the whole of what they wrote.
    pub(super) fn calendar_name(&mut self) -> P<ast::Ident> {
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
    pub(super) fn word<T: WordSet>(
        &mut self,
        ident: &Ident,
        what: Message,
        words: &[&str],
    ) -> Option<T> {
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
pub(super) trait WordSet: Sized {
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
    QueueOrder,
    SimpleRemedy
);

/// A long number shortened for a message.
pub(super) fn abbreviate(text: &str) -> String {
    if text.len() > 24 {
        format!("{}… ({} digits)", &text[..12], text.len())
    } else {
        text.to_string()
    }
}

/// A number outside the range a spec's numbers have: too large, or below
/// it for a negative one (`-9223372036854775809` is not "too large").
fn out_of_range(text: &str) -> Message {
    if text.trim_start().starts_with('-') {
        msg!("number-too-small", number = abbreviate(text))
    } else {
        msg!("number-too-large", number = abbreviate(text))
    }
}
