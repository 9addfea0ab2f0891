//! The promises as a customer reads them (outside audit 6, F16): each
//! promise in its own words, for whom, on which channel, the time as it was
//! promised with the hours and holidays that do not count, and what the
//! customer gets when it is broken. Nothing internal: no team, role, queue
//! or calendar name, no SLA target, no escalation.

use super::*;
use crate::syntax::values::TimeLimit;
use serde::Serialize;

/// A public promise, for the customer.
#[derive(Serialize)]
pub struct CustomerPromise<'a> {
    pub label: &'a str,
    pub description: Option<&'a str>,
    /// Whom it is for: segment names, or everyone.
    pub segments: Vec<&'a str>,
    pub channel: Option<&'a str>,
    /// The time as promised, in the units promised, and when it runs:
    /// "24 hours, around the clock", "2 hours counted only while we are
    /// open (Mon–Fri 08:00–20:00, except holidays)".
    pub within: Option<String>,
    /// The days the time does not count, in words ("25 December 2026").
    pub holidays: Vec<String>,
    /// A journey promise: where the customer sees its time start, as
    /// [`counted_from`] finds it (empty: no journey).
    pub from: Vec<&'a str>,
    /// What the customer gets when it is broken (escalations are internal
    /// and left out).
    pub on_breach: Vec<String>,
}

impl<'a> View<'a> {
    /// Every promise of the spec, for the customer-facing page.
    pub fn customer_promises(&self) -> Vec<CustomerPromise<'a>> {
        let m = self.model;
        m.promises
            .values()
            .map(|p| self.customer_promise(p))
            .collect()
    }

    fn customer_promise(&self, p: &'a model::Promise) -> CustomerPromise<'a> {
        let m = self.model;
        let calendar = m
            .promise_hours(p)
            .and_then(|h| h.target)
            .map(|h| &m.calendars[h])
            .filter(|c| !c.is_24x7());
        let within = p.within.map(|w| w.value);
        CustomerPromise {
            label: p.header.label(),
            description: p.header.description.as_deref(),
            // A customer is not told of segments (outside audit 10, M5).
            segments: if p.segments.is_empty() {
                vec![words::term(words::Term::EveryCustomer, self.language)]
            } else {
                self.segment_list(&p.segments)
                    .iter()
                    .map(|s| s.label)
                    .collect()
            },
            channel: p
                .channel
                .as_ref()
                .map(|c| self.w().named(c, |c| &m.channels[c].header).label),
            within: within.map(|w| match calendar {
                Some(c) => promised_time(c, w, self.language),
                None => self.promised_time_around_the_clock(w),
            }),
            holidays: calendar
                .filter(|_| within.is_some())
                .map(|c| {
                    c.closed
                        .iter()
                        .map(|&d| words::long_date(d, self.language))
                        .collect()
                })
                .unwrap_or_default(),
            from: p
                .journey
                .as_ref()
                .and_then(|promised| {
                    let j = &m.journeys[promised.journey.target?];
                    let from = promised
                        .from
                        .as_ref()
                        .map_or(j.start.as_ref().and_then(|s| s.target), |f| f.target)?;
                    Some(counted_from(j, from))
                })
                .unwrap_or_default(),
            on_breach: p
                .on_breach
                .iter()
                .filter_map(|r| self.w().remedy_to_customer(&r.value))
                .collect(),
        }
    }
}

/// Where the customer sees a journey promise's time start: the step it
/// counts from when the customer meets it there; from a back-office step,
/// the nearest customer-facing steps before it, outside the part the
/// promise counts (which may loop back to its start) — "decided and paid
/// within 30 days" counts from the cancellation the customer asked for
/// (audit 12, L7); with none, the step it counts from, by its title.
fn counted_from(j: &model::Journey, from: Idx<model::Step>) -> Vec<&str> {
    let start = &j.steps[from];
    if start.is_customer_facing() {
        return vec![start.header.label()];
    }
    let steps: Vec<&model::Step> = j.steps.values().collect();
    let n = steps.len();
    let mut before: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, step) in steps.iter().enumerate() {
        for to in step.next.iter().filter_map(|t| t.to.target) {
            before[to.index()].push(i);
        }
    }
    // The part the promise counts: every step reachable from its start.
    let mut counted = vec![false; n];
    let mut todo = vec![from.index()];
    counted[from.index()] = true;
    while let Some(i) = todo.pop() {
        for to in steps[i].next.iter().filter_map(|t| t.to.target) {
            if !std::mem::replace(&mut counted[to.index()], true) {
                todo.push(to.index());
            }
        }
    }
    let mut seen = counted.clone();
    let mut found = Vec::new();
    let mut todo = std::collections::VecDeque::from([from.index()]);
    while let Some(i) = todo.pop_front() {
        for &b in &before[i] {
            if std::mem::replace(&mut seen[b], true) {
                continue;
            }
            if steps[b].is_customer_facing() {
                found.push(steps[b].header.label());
            } else {
                todo.push_back(b);
            }
        }
    }
    if found.is_empty() {
        found.push(start.header.label());
    }
    found
}

impl View<'_> {
    /// A promised time on a clock that never stops, in the units promised:
    /// "4 hours, around the clock"; days are calendar days ("10 calendar
    /// days"); working days are counted as calendar days there, and the
    /// page says when they fall due and that weekends count, as the staff
    /// page and `measure` do (outside audit 8, P1: «Срок: 2 дня» under a
    /// headline of working days).
    fn promised_time_around_the_clock(&self, within: TimeLimit) -> String {
        let t = self.w().as_written(within, None);
        if within.working_days().is_some() {
            let count = match self.language {
                Language::En => "weekends and holidays count",
                Language::Ru => "выходные и праздничные дни считаются",
            };
            format!("{} ({}; {count})", t.text, t.clock)
        } else if t.full == t.text {
            t.text
        } else {
            format!("{}, {}", t.text, t.clock)
        }
    }
}

/// A promised time for the customer on a calendar that closes, in the
/// units promised, with its opening hours (its name is internal, its hours
/// are not; working days are the days it opens).
fn promised_time(calendar: &model::Calendar, within: TimeLimit, language: Language) -> String {
    let text = words::limit_as_written(within, true, language);
    let schedule = super::super::clocks::schedule(calendar, language);
    // When working days fall due, as the guide's clock counts them: at
    // closing time of the last one, the day it starts not counted (outside
    // audit 10, L5: "1 working day" said nothing of when).
    let due = |days: u32| match (days, language) {
        (1, Language::En) => "by closing time on the next working day".to_string(),
        (n, Language::En) => format!(
            "by closing time on the {} working day",
            super::super::clocks::ordinal(n)
        ),
        (1, Language::Ru) => "до закрытия следующего рабочего дня".to_string(),
        (n, Language::Ru) => format!("до закрытия {n}-го рабочего дня"),
    };
    match (within.working_days(), language) {
        (Some(days), Language::En) => format!(
            "{text}, {} (the day it starts does not count; we work {schedule})",
            due(days)
        ),
        (Some(days), Language::Ru) => format!(
            "{text}, {} (день начала не считается; мы работаем {schedule})",
            due(days)
        ),
        (None, Language::En) => format!("{text} counted only while we are open ({schedule})"),
        (None, Language::Ru) => format!("{text} в часы нашей работы ({schedule})"),
    }
}
