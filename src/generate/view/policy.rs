//! Promises (with what backs them), complaints and agreements.

use super::*;
use crate::check::backing::{self, JourneyDeadline};
use crate::syntax::values::{trim_float, TimeLimit};

impl<'a> View<'a> {
    /// A promise in working days whose clock never stops (a journey's, the
    /// wall clock; or a channel open around the clock), said plainly: its
    /// working days are counted as calendar days, as `check` warns
    /// (`working-days-on-wall-clock`) and `measure` counts them.
    pub(super) fn working_days_as_calendar_days(&self, p: &model::Promise) -> Option<String> {
        let m = self.model;
        p.within?.value.working_days()?;
        let hours = m.promise_hours(p).and_then(|h| h.target);
        if hours.is_some_and(|h| !m.calendars[h].is_24x7()) {
            return None;
        }
        Some(match (p.journey.is_some(), self.language) {
            (true, Language::En) => "Its working days are counted as calendar days: a customer \
                journey has no calendar, it runs on the wall clock, so weekends and holidays \
                count too."
                .into(),
            (true, Language::Ru) => "Рабочие дни этого обещания считаются календарными: у пути \
                клиента нет календаря, его сроки идут круглосуточно, поэтому выходные и \
                праздничные дни тоже считаются."
                .into(),
            (false, Language::En) => "Its working days are counted as calendar days: the \
                channel is open around the clock, so weekends and holidays count too."
                .into(),
            (false, Language::Ru) => "Рабочие дни этого обещания считаются календарными: канал \
                работает круглосуточно, поэтому выходные и праздничные дни тоже считаются."
                .into(),
        })
    }

    /// For each promise, what its page says beyond model.json
    /// ([`PromiseNote`]), by the same test as the check.
    pub fn promise_notes(&self) -> Vec<PromiseNote> {
        let m = self.model;
        m.promises
            .values()
            .map(|p| {
                let backing = backing::backing(m, p);
                let deadline = backing.journey.as_ref().and_then(|b| b.deadline.as_ref());
                PromiseNote {
                    outlasts: deadline
                        .is_some_and(|d| p.within.is_some_and(|w| d.outlasts(m, w.value))),
                }
            })
            .collect()
    }

    /// A promise with what backs it: exactly what `check` compares it with
    /// ([`crate::check::backing`]), so the published document and the
    /// check never disagree.
    pub(super) fn promise(&'a self, p: &'a model::Promise) -> PromiseView<'a> {
        let m = self.model;
        let backing = backing::backing(m, p);
        // The promise runs on its own or its channel's clock (a
        // journey's: the wall's).
        let promise_hours = m.promise_hours(p);
        let mut internal = Vec::new();
        let mut unbacked = Vec::new();
        let channel = p.channel.as_ref().and_then(|c| c.target);
        let rate = self.checks.promise_keep_rate;
        for &(segment, target) in &backing.targets {
            // The target that keeps the promise often enough, as
            // `promise-below-keep-rate` judges it; not merely the fastest.
            let target = target
                .and(channel)
                .and_then(|channel| backing::keeping(m, p, segment, channel, rate));
            let segment = m.segments[segment].header.label();
            let Some((target, keeps)) = target else {
                unbacked.push(segment);
                continue;
            };
            let sla = &m.slas[target.sla];
            internal.push(InternalTarget {
                segment,
                sla: sla.header.label(),
                percent: target.percent.map(|p| trim_float(p.value())),
                within: self.w().duration(target.within.limit, sla.hours.as_ref()),
                // Counted on a clock that stops while the promise's runs:
                // how long it can last on the promise's, as `check` says.
                on_promise: target
                    .on_promise
                    .filter(|_| target.outlasts_own_clock())
                    .map(|d| self.w().duration(TimeLimit::running(d), promise_hours)),
                keeps,
            });
        }
        let journey = backing.journey.as_ref().map(|b| {
            let j = &m.journeys[b.journey];
            let promised = p.journey.as_ref();
            let named = |step: Option<&Ref<Idx<model::Step>>>, id: Option<Idx<model::Step>>| {
                step.and(id).map(|s| j.steps[s].header.label())
            };
            PromisedJourneyView {
                label: j.header.label(),
                file: &self.journey_files[b.journey.index()],
                from: named(promised.and_then(|p| p.from.as_ref()), Some(b.from)),
                to: named(promised.and_then(|p| p.to.as_ref()), b.to),
                // A journey's deadlines run on the wall clock, as its steps.
                deadline: b
                    .deadline
                    .as_ref()
                    .map(|d| self.w().duration(d.limit(), None)),
                own: matches!(b.deadline, Some(JourneyDeadline::Own(_))),
                steps: match &b.deadline {
                    Some(JourneyDeadline::Steps { path, .. }) => {
                        path.iter().map(|&s| j.steps[s].header.label()).collect()
                    }
                    _ => Vec::new(),
                },
                to_own: b
                    .to
                    .and_then(|to| j.steps[to].within)
                    .map(|w| self.w().duration(w.value, None)),
                to_included: b.to.is_some_and(|to| backing::counts_own_deadline(j, to)),
            }
        });
        PromiseView {
            id: &p.header.id,
            label: p.header.label(),
            description: p.header.description.as_deref(),
            segments: self.segment_list(&p.segments),
            channel: p
                .channel
                .as_ref()
                .map(|c| self.w().named(c, |c| &m.channels[c].header)),
            hours: promise_hours.map(|h| self.w().named(h, |h| &m.calendars[h].header)),
            within: p
                .within
                .map(|w| self.w().as_written(w.value, promise_hours)),
            holidays: promise_hours
                .and_then(|h| h.target)
                .filter(|_| p.within.is_some())
                .map(|h| {
                    m.calendars[h]
                        .closed
                        .iter()
                        .map(|d| d.to_string())
                        .collect()
                })
                .unwrap_or_default(),
            backed: !backing.is_empty(),
            keep_rate: trim_float(rate.value()),
            internal,
            unbacked,
            journey,
            calendar_days: self.working_days_as_calendar_days(p),
            on_breach: p
                .on_breach
                .iter()
                .map(|r| self.w().remedy(&r.value))
                .collect(),
        }
    }

    pub(super) fn complaint(&self, c: &'a model::Complaint) -> ComplaintView<'a> {
        let hours = c.hours.as_ref();
        let segments = self.segment_list(&c.segments);
        ComplaintView {
            id: &c.header.id,
            label: c.header.label(),
            description: c.header.description.as_deref(),
            segments,
            severity: c.severity.map(|s| term(Term::Severity(s), self.language)),
            owner: c.owner.as_ref().map(|o| self.w().party(o)),
            hours: hours.map(|h| self.w().named(h, |h| &self.model.calendars[h].header)),
            acknowledge: c.acknowledge.map(|a| self.w().duration(a.value, hours)),
            resolve: c.resolve.map(|r| self.w().duration(r.value, hours)),
            escalations: c
                .escalations
                .iter()
                .map(|e| EscalationView {
                    after: self.w().duration(e.after, hours),
                    to: self.w().party(&e.to),
                    external: self.model.outside(e.to.target),
                })
                .collect(),
            remedies: c
                .remedies
                .iter()
                .map(|r| self.w().remedy(&r.value))
                .collect(),
            feedback: c.feedback.map(|f| f.value.as_str()),
        }
    }

    pub(super) fn agreement(&self, a: &'a model::Agreement) -> AgreementView<'a> {
        let m = self.model;
        AgreementView {
            id: &a.header.id,
            label: a.header.label(),
            description: a.header.description.as_deref(),
            provider: a
                .provider
                .as_ref()
                .map(|t| self.w().named(t, |t| &m.teams[t].header)),
            consumer: a
                .consumer
                .as_ref()
                .map(|t| self.w().named(t, |t| &m.teams[t].header)),
            responds: a
                .responds
                .iter()
                .map(|r| RespondView {
                    within: self.w().duration(r.within, None),
                    segments: self.segment_list(&r.segments),
                    others: r.segments.is_empty() && a.has_segment_lines(),
                })
                .collect(),
            resolve: a.resolve.map(|r| self.w().duration(r.value, None)),
        }
    }
}
