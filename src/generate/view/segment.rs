//! Calendars, channels, segments and their SLAs, as the documents show them.

use super::*;
use crate::model::Calendar;
use crate::syntax::values::{trim_float, TimeOfDay, Weekday};

impl<'a> View<'a> {
    pub(super) fn calendar(&self, c: &'a Calendar) -> CalendarView<'a> {
        let hours = |ranges: &[(TimeOfDay, TimeOfDay)]| {
            if ranges.is_empty() {
                term(Term::Closed, self.language).to_string()
            } else {
                ranges
                    .iter()
                    .map(|(a, b)| format!("{a}–{b}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        // Hours past midnight read as one opening (audit 15, L7): the
        // shared formatter of a week's hours.
        let days = super::super::clocks::week_hours(c, self.language);
        let week = Weekday::ALL
            .iter()
            .map(|&day| DayView {
                day: term(Term::Day(day), self.language),
                hours: days[day.index()]
                    .clone()
                    .unwrap_or_else(|| term(Term::Closed, self.language).to_string()),
            })
            .collect();
        let opened = c
            .opened
            .iter()
            .map(|d| DatedView {
                date: d.date.to_string(),
                hours: hours(&d.times),
            })
            .collect();
        CalendarView {
            id: &c.header.id,
            label: c.header.label(),
            timezone: c.zone_name(),
            zone: c
                .zone_name()
                .map(|z| super::super::zone_names::name(z, self.language)),
            always: c.is_24x7(),
            week,
            closed: c.closed.iter().map(|d| d.to_string()).collect(),
            overnight: (super::super::clocks::openings(&c.week.days)
                .iter()
                .flatten())
            .any(|o| o.next_day),
            opened,
        }
    }

    pub(super) fn channel(&self, id: Idx<model::Channel>) -> ChannelView<'a> {
        let c = &self.model.channels[id];
        ChannelView {
            id: &c.header.id,
            label: c.header.label(),
            kind: c.kind.map(|k| term(Term::Kind(k), self.language)),
            self_service: c.self_service,
            hours: c
                .hours
                .as_ref()
                .map(|h| self.w().named(h, |h| &self.model.calendars[h].header)),
            owner: c.owner.as_ref().map(|o| self.w().party(o)),
            cost: c.cost.map(|c| c.value),
        }
    }
    pub(super) fn segment(&self, id: Idx<Segment>, s: &'a Segment) -> SegmentView<'a> {
        let m = self.model;
        let measured = |kind: &str, sla: &str, i: usize| {
            self.measured
                .as_ref()
                .and_then(|x| x.target(sla, &s.header.id, kind, i))
        };
        // Only the targets that apply to this segment: on channels it uses.
        let applies = |c| m.target_applies(id, c);
        let slas = m
            .slas_of(id)
            .map(|(_, sla)| {
                let hours = sla.hours.as_ref();
                let sla_id: &str = &sla.header.id;
                SlaView {
                    id: &sla.header.id,
                    label: sla.header.label(),
                    hours: hours.map(|h| self.w().named(h, |h| &m.calendars[h].header)),
                    answers: sla
                        .answers
                        .iter()
                        .enumerate()
                        .filter(|(_, a)| applies(a.channel.target))
                        .map(|(i, a)| AnswerView {
                            channel: self.w().named(&a.channel, |c| &m.channels[c].header),
                            percent: trim_float(a.percent.value()),
                            within: self.w().duration(a.within, hours),
                            measured: measured("answer", sla_id, i),
                        })
                        .collect(),
                    first_responses: sla
                        .first_responses
                        .iter()
                        .enumerate()
                        .filter(|(_, r)| applies(r.channel.target))
                        .map(|(i, r)| ResponseView {
                            channel: self.w().named(&r.channel, |c| &m.channels[c].header),
                            within: self.w().duration(r.within, hours),
                            measured: measured("first_response", sla_id, i),
                        })
                        .collect(),
                    resolutions: sla
                        .resolutions
                        .iter()
                        .enumerate()
                        .filter(|(_, r)| applies(r.channel.as_ref().and_then(|c| c.target)))
                        .map(|(i, r)| ResolutionView {
                            channel: r
                                .channel
                                .as_ref()
                                .map(|c| self.w().named(c, |c| &m.channels[c].header)),
                            within: self.w().duration(r.within, hours),
                            measured: measured("resolution", sla_id, i),
                        })
                        .collect(),
                    targets: sla
                        .targets
                        .iter()
                        .map(|k| KpiView {
                            measured: self.measured.as_ref().and_then(|x| {
                                x.metric(sla_id, &s.header.id, k.value.metric.as_str())
                            }),
                            ..self.w().kpi(&k.value)
                        })
                        .collect(),
                }
            })
            .collect();
        SegmentView {
            id: &s.header.id,
            label: s.header.label(),
            description: s.header.description.as_deref(),
            share: s.share.map(|p| trim_float(p.value.value())),
            revenue: s.revenue.map(|p| trim_float(p.value.value())),
            tier: s.tier.map(|t| t.value),
            channels: model::targets(&s.channels)
                .map(|c| self.channel(c))
                .collect(),
            types: model::targets(&s.types)
                .map(|t| {
                    let t = &m.customer_types[t];
                    TypeView {
                        id: &t.header.id,
                        label: t.header.label(),
                        expects: t.expects.as_deref(),
                        strategy: t.strategy.as_deref(),
                        prefer: t
                            .prefer
                            .iter()
                            .map(|c| self.w().named(c, |c| &m.channels[c].header))
                            .collect(),
                    }
                })
                .collect(),
            slas,
            profile: self.profile(&s.profile),
            revenue_per_customer: s
                .revenue_per_customer()
                .map(|r| format!("{}×", words::grouped(r, self.language))),
        }
    }

    fn profile(&self, p: &'a model::Profile) -> ProfileView<'a> {
        let language = self.language;
        let currency = self
            .model
            .service
            .as_ref()
            .and_then(|s| s.currency.as_ref())
            .map(|c| c.value.as_str());
        ProfileView {
            customers: p
                .customers
                .map(|c| words::grouped(c.value as f64, language)),
            average_check: p
                .average_check
                .map(|a| words::money(a.value, currency, language)),
            loyal: p.loyal.map(|l| l.value.to_string()),
            sources: &p.sources,
            portrait: p.portrait.as_deref(),
            any: p.customers.is_some()
                || p.average_check.is_some()
                || p.loyal.is_some()
                || !p.sources.is_empty()
                || p.portrait.is_some(),
        }
    }
}
