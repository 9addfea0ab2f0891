//! The model's things in words, for every document: a reference by its
//! display name, a duration with the clock it runs on, a remedy, an
//! indicator target. The view and the job descriptions both say things this
//! way; neither depends on the other for it.

use super::clocks;
use super::words::{self, term, Term};
use crate::model::{self, Calendar, Header, Idx, Model, Party, Ref, Remedy};
use crate::syntax::ast::TargetValue;
use crate::syntax::values::{trim_float, Language, TimeLimit};
use serde::Serialize;

/// An identifier and its display name.
#[derive(Debug, Clone, Serialize)]
pub struct Named<'a> {
    pub id: &'a str,
    pub label: &'a str,
}

/// A time limit with its words and the clock it runs on.
#[derive(Debug, Clone, Serialize)]
pub struct Time {
    /// Running seconds; for working days, the longest the deadline can
    /// leave on its clock.
    pub seconds: u64,
    /// `3wd`: the working days it counts (none for running time).
    pub working_days: Option<u32>,
    /// "3 working days"; running time on a clock that stops after hours is
    /// said in hours ("72 hours"), never in days.
    pub text: String,
    /// The genitive ("в течение 2 часов"), for Russian sentences.
    pub gen: String,
    pub clock: String,
    /// The time with its clock as a sentence says it: "4 hours (around the
    /// clock)", "3 working days (counted only during …)"; a count of days
    /// on the wall clock is "30 calendar days", with no clock after it
    /// («30 календарных дней», as Russian regulations say it).
    pub full: String,
    /// [`Time::full`] in the genitive.
    pub full_gen: String,
}

impl Time {
    /// Fills [`Time::full`]: `calendar_days`, a count of whole days or
    /// weeks on a clock where every day counts, replaces `text` and `gen`
    /// and needs no clock after it, unless it is a working-days deadline,
    /// which keeps its note of when it falls due.
    fn finish(mut self, calendar_days: Option<(String, String)>, note_due: bool) -> Time {
        if let Some((text, gen)) = calendar_days {
            self.text = text;
            self.gen = gen;
            if !note_due {
                self.full = self.text.clone();
                self.full_gen = self.gen.clone();
                return self;
            }
        }
        self.full = format!("{} ({})", self.text, self.clock);
        self.full_gen = format!("{} ({})", self.gen, self.clock);
        self
    }
}

#[derive(Serialize)]
pub struct KpiView {
    pub metric: &'static str,
    pub comparison: String,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measured: Option<String>,
}

/// What a remedy is given for: a complaint rule, or a broken promise.
#[derive(Debug, Clone, Copy)]
pub enum Given {
    Complaint(Idx<model::Complaint>),
    Promise(Idx<model::Promise>),
}

/// The model and the language documents are written in.
#[derive(Clone, Copy)]
pub struct Wording<'a> {
    pub model: &'a Model,
    pub language: Language,
}

impl<'a> Wording<'a> {
    pub fn named<T: Copy>(&self, r: &'a Ref<T>, header: impl Fn(T) -> &'a Header) -> Named<'a> {
        match r.target {
            Some(t) => {
                let h = header(t);
                Named {
                    id: &h.id,
                    label: h.label(),
                }
            }
            None => Named {
                id: &r.name,
                label: &r.name,
            },
        }
    }

    pub fn party(&self, r: &'a Ref<Party>) -> Named<'a> {
        let m = self.model;
        self.named(r, |p| match p {
            Party::Team(t) => &m.teams[t].header,
            Party::Role(r) => &m.roles[r].header,
        })
    }

    /// A time limit with its words and the clock it runs on: the one place
    /// a document says which clock a time counts on. Days and weeks only
    /// where its author wrote them (outside audit 17, L1: a regulator's
    /// `24h` is "24 hours" in every document, never "1 calendar day"), and
    /// only where the clock runs around the clock.
    pub fn duration(&self, limit: TimeLimit, calendar: Option<&Ref<Idx<Calendar>>>) -> Time {
        let id = calendar.and_then(|c| c.target);
        let calendar = id.map(|c| &self.model.calendars[c]);
        let always = calendar.is_none_or(|c| c.is_24x7());
        let clock = match limit {
            TimeLimit::WorkingDays(days) => {
                clocks::working_days_clock(calendar, days, self.language)
            }
            TimeLimit::Running { .. } => clocks::clock(calendar, self.language),
        };
        let days = match limit {
            _ if !always => None,
            TimeLimit::WorkingDays(days) => Some((u64::from(days), false)),
            TimeLimit::Running { time, .. } => {
                let s = time.seconds();
                let week = 7 * 86_400;
                // The units written, largest first; none known (a sum the
                // model made): days wherever they divide it.
                let written = limit.written_parts(true);
                let all_in = |units: &[char]| {
                    written
                        .as_ref()
                        .is_none_or(|parts| parts.iter().all(|(_, u)| units.contains(u)))
                };
                // In weeks only as its author wrote it (`2w`): `7d` and
                // `28d` are "7 calendar days", "28 calendar days", as
                // regulations count them.
                let in_weeks = written.is_some() && all_in(&['w']);
                (s > 0 && s.is_multiple_of(86_400) && all_in(&['d', 'w'])).then(|| {
                    if in_weeks && s.is_multiple_of(week) {
                        (s / week, true)
                    } else {
                        (s / 86_400, false)
                    }
                })
            }
        };
        Time {
            seconds: self.model.longest(limit, id).seconds(),
            working_days: limit.working_days(),
            text: words::limit_kept(limit, !always, self.language),
            gen: words::limit_kept_genitive(limit, !always, self.language),
            clock,
            full: String::new(),
            full_gen: String::new(),
        }
        .finish(
            days.map(|(n, weeks)| words::calendar_days(n, weeks, self.language)),
            limit.working_days().is_some(),
        )
    }

    /// [`Wording::duration`] in the very units its author wrote ("90
    /// minutes" for `90m`): a public promise's time, quoted as promised.
    pub fn as_written(&self, limit: TimeLimit, calendar: Option<&Ref<Idx<Calendar>>>) -> Time {
        let time = self.duration(limit, calendar);
        let always = calendar
            .and_then(|c| c.target)
            .is_none_or(|c| self.model.calendars[c].is_24x7());
        // Written in hours ("24h"), it is quoted in hours, with its clock;
        // in days or weeks on the wall clock, it stays in calendar days.
        let in_days = limit
            .written_parts(true)
            .is_some_and(|parts| parts.iter().all(|(_, unit)| matches!(unit, 'd' | 'w')));
        if always && (limit.working_days().is_some() || in_days) {
            return time;
        }
        let text = words::limit_as_written(limit, !always, self.language);
        let gen = words::limit_as_written_genitive(limit, !always, self.language);
        Time { text, gen, ..time }.finish(None, false)
    }

    pub fn kpi(&self, k: &model::Kpi) -> KpiView {
        let value = match k.value {
            TargetValue::Number(n) => trim_float(n),
            TargetValue::Percent(p) => p.to_string(),
            TargetValue::Duration(d) => words::duration(d, self.language),
        };
        KpiView {
            metric: term(Term::Metric(k.metric), self.language),
            comparison: k.comparison.as_str().replace(">=", "≥").replace("<=", "≤"),
            value,
            measured: None,
        }
    }

    pub fn remedy(&self, r: &Remedy) -> String {
        match (r, self.language) {
            (Remedy::Simple(s), l) => term(Term::Remedy(*s), l).to_string(),
            (Remedy::Compensate(Some(what)), Language::En) => {
                format!("compensate: {}", words::after_colon(what))
            }
            // Russian: a name or free text follows a noun that carries the
            // case, never a word that governs one ("компенсировать: …",
            // "передать руководителю: Руководитель …" read wrong).
            (Remedy::Compensate(Some(what)), Language::Ru) => {
                format!("предоставить компенсацию: {}", words::after_colon(what))
            }
            (Remedy::Compensate(None), Language::En) => "compensate the customer".into(),
            (Remedy::Compensate(None), Language::Ru) => "предоставить клиенту компенсацию".into(),
            (Remedy::Escalate(to), Language::En) => format!("escalate to {}", self.party(to).label),
            (Remedy::Escalate(to), Language::Ru) => {
                let name = self.q(self.party(to).label);
                match to.target {
                    Some(Party::Team(_)) => format!("передать вопрос в подразделение {name}"),
                    _ => format!("передать вопрос работнику на должности {name}"),
                }
            }
        }
    }

    /// A remedy of a complaint rule or a promise, fitted to what it is
    /// given for (audit 15, L10: a courier's deactivation appeal read
    /// "redo the work"): `redo` names the step a journey promise times, else
    /// the complaint's or the promise's title; the other remedies read as
    /// [`Self::remedy`].
    pub fn remedy_for(&self, r: &Remedy, given: Given) -> String {
        use crate::syntax::values::SimpleRemedy as S;
        if !matches!(r, Remedy::Simple(S::Redo)) {
            return self.remedy(r);
        }
        let m = self.model;
        let step = |p: &model::Promise| {
            let journey = p.journey.as_ref()?;
            let step = journey.to.as_ref()?.target?;
            Some(
                m.journeys[journey.journey.target?].steps[step]
                    .header
                    .label(),
            )
        };
        match (given, self.language) {
            (Given::Promise(p), Language::En) => match step(&m.promises[p]) {
                Some(step) => format!("redo the step {} at the company's expense", self.q(step)),
                None => format!(
                    "put right, at the company's expense, what the promise {} was not kept on",
                    self.q(m.promises[p].header.label())
                ),
            },
            (Given::Promise(p), Language::Ru) => match step(&m.promises[p]) {
                Some(step) => format!("повторно выполнить этап {} за счёт компании", self.q(step)),
                None => format!(
                    "исправить за счёт компании то, в чём не выполнено обещание {}",
                    self.q(m.promises[p].header.label())
                ),
            },
            (Given::Complaint(c), Language::En) => format!(
                "put right, at the company's expense, what the customer complains of ({})",
                self.q(m.complaints[c].header.label())
            ),
            (Given::Complaint(c), Language::Ru) => format!(
                "исправить за счёт компании то, на что жалуется клиент (жалоба {})",
                self.q(m.complaints[c].header.label())
            ),
        }
    }

    /// What the customer gets when a promise is broken, said to them
    /// ("we apologise", "compensation: £50"); `None` for an escalation,
    /// which is internal.
    pub fn remedy_to_customer(&self, r: &Remedy) -> Option<String> {
        use crate::syntax::values::SimpleRemedy as S;
        Some(match (r, self.language) {
            (Remedy::Simple(S::Apologize), Language::En) => "we apologise".into(),
            (Remedy::Simple(S::Apologize), Language::Ru) => "мы извинимся".into(),
            (Remedy::Simple(S::Explain), Language::En) => {
                "we explain what happened and what we are doing about it".into()
            }
            (Remedy::Simple(S::Explain), Language::Ru) => {
                "мы объясним, что произошло и что мы делаем".into()
            }
            (Remedy::Simple(S::Redo), Language::En) => {
                "we put right what went wrong, at our expense".into()
            }
            (Remedy::Simple(S::Redo), Language::Ru) => {
                "мы исправим допущенное нарушение за свой счёт".into()
            }
            (Remedy::Simple(S::Refund), Language::En) => "we refund you".into(),
            (Remedy::Simple(S::Refund), Language::Ru) => "мы вернём вам деньги".into(),
            (Remedy::Compensate(Some(what)), Language::En) => {
                format!("compensation: {}", words::after_colon(what))
            }
            (Remedy::Compensate(Some(what)), Language::Ru) => {
                format!("компенсация: {}", words::after_colon(what))
            }
            (Remedy::Compensate(None), Language::En) => "we compensate you".into(),
            (Remedy::Compensate(None), Language::Ru) => "мы предоставим вам компенсацию".into(),
            (Remedy::Escalate(_), _) => return None,
        })
    }

    /// A name as a sentence quotes it (see [`words::quoted`]).
    pub fn q(&self, name: &str) -> String {
        words::quoted(name, self.language)
    }
}
