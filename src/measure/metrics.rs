//! The `target` metrics reality can show from contacts: CSAT, NPS, CES,
//! ASA and abandonment. The others (fcr, aht, occupancy, service_level)
//! need data the exports do not carry, or are the answer targets already.

use super::clocks::Lapse;
use super::rows::Contact;
use crate::model::{Channel, Idx, Segment};
use crate::syntax::ast::TargetValue;
use crate::syntax::values::{Comparison, Metric};
use std::collections::BTreeMap;

/// What one contact says about the metrics of one SLA.
pub struct Reading<'a> {
    pub contact: &'a Contact<&'a str>,
    /// The SLA has an answer target on the contact's channel: a live
    /// contact, which can be abandoned.
    pub live: bool,
    pub answered: Lapse,
}

/// The running sums behind every metric, for one key (SLA and segment).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sums {
    pub csat_n: u64,
    pub csat_sum: super::exact::Sum,
    /// CSAT answers of 4 or 5: satisfied.
    pub csat_satisfied: u64,
    pub nps_n: u64,
    pub promoters: u64,
    pub detractors: u64,
    pub effort_n: u64,
    pub effort_sum: super::exact::Sum,
    /// Live contacts, and of them those abandoned.
    pub live_n: u64,
    pub abandoned: u64,
    /// Answered live contacts, and their total wait in running seconds.
    pub answered_n: u64,
    pub wait_sum: f64,
}

impl Sums {
    pub fn absorb(&mut self, o: &Sums) {
        self.csat_n += o.csat_n;
        self.csat_sum.absorb(o.csat_sum);
        self.csat_satisfied += o.csat_satisfied;
        self.nps_n += o.nps_n;
        self.promoters += o.promoters;
        self.detractors += o.detractors;
        self.effort_n += o.effort_n;
        self.effort_sum.absorb(o.effort_sum);
        self.live_n += o.live_n;
        self.abandoned += o.abandoned;
        self.answered_n += o.answered_n;
        self.wait_sum += o.wait_sum;
    }

    /// Whether the contact carries any survey answer.
    pub fn surveyed(contact: &Contact<&str>) -> bool {
        contact.csat.is_some() || contact.nps.is_some() || contact.effort.is_some()
    }

    pub fn csat_mean(&self) -> Option<f64> {
        (self.csat_n > 0).then(|| self.csat_sum.get() / self.csat_n as f64)
    }

    pub fn effort_mean(&self) -> Option<f64> {
        (self.effort_n > 0).then(|| self.effort_sum.get() / self.effort_n as f64)
    }

    /// Promoters less detractors, in points (-100..100).
    pub fn nps(&self) -> Option<f64> {
        (self.nps_n > 0)
            .then(|| (self.promoters as f64 - self.detractors as f64) * 100.0 / self.nps_n as f64)
    }

    pub(super) fn add(&mut self, r: &Reading<'_>) {
        if let Some(csat) = r.contact.csat {
            self.csat_n += 1;
            self.csat_sum.add(csat);
            self.csat_satisfied += u64::from(csat >= 4.0);
        }
        if let Some(nps) = r.contact.nps {
            self.nps_n += 1;
            self.promoters += u64::from(nps >= 9.0);
            self.detractors += u64::from(nps <= 6.0);
        }
        if let Some(effort) = r.contact.effort {
            self.effort_n += 1;
            self.effort_sum.add(effort);
        }
        if r.live {
            self.live_n += 1;
            match r.answered {
                Lapse::Took {
                    running: seconds, ..
                } => {
                    self.answered_n += 1;
                    self.wait_sum += seconds as f64;
                }
                Lapse::Open => self.abandoned += 1,
                Lapse::Before => {}
            }
        }
    }

    /// The metric's measured value in the unit of `target` (a percentage,
    /// a number or seconds) and how many answers or contacts it rests on;
    /// none when the exports cannot show it or nothing was measured.
    pub fn value(&self, metric: Metric, target: TargetValue) -> Option<(f64, u64)> {
        let share = |part: u64, n: u64| part as f64 * 100.0 / n as f64;
        let (value, n) = match metric {
            // `target csat >= 90%` is the share satisfied; `>= 4.5` the mean.
            Metric::Csat => match target {
                TargetValue::Percent(_) => (share(self.csat_satisfied, self.csat_n), self.csat_n),
                _ => (self.csat_sum.get() / self.csat_n as f64, self.csat_n),
            },
            Metric::Nps => (
                share(self.promoters, self.nps_n) - share(self.detractors, self.nps_n),
                self.nps_n,
            ),
            Metric::Ces => (self.effort_sum.get() / self.effort_n as f64, self.effort_n),
            Metric::Asa => (self.wait_sum / self.answered_n as f64, self.answered_n),
            Metric::Abandonment => (share(self.abandoned, self.live_n), self.live_n),
            Metric::Fcr | Metric::Aht | Metric::Occupancy | Metric::ServiceLevel => return None,
        };
        (n > 0).then_some((value, n))
    }
}

/// Whose survey answers: a segment's or a channel's, whatever the
/// targets say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Voice {
    Segment(Idx<Segment>),
    Channel(Idx<Channel>),
}

/// The sums of every key.
#[derive(Debug, Clone)]
pub struct Metrics<K>(pub BTreeMap<K, Sums>);

impl<K> Default for Metrics<K> {
    fn default() -> Self {
        Metrics(BTreeMap::new())
    }
}

impl<K: Ord> Metrics<K> {
    pub fn add(&mut self, key: K, reading: &Reading<'_>) {
        self.0.entry(key).or_default().add(reading);
    }

    /// Adds what another reader of the same export summed.
    pub fn absorb(&mut self, other: Metrics<K>) {
        for (key, sums) in other.0 {
            self.0.entry(key).or_default().absorb(&sums);
        }
    }
}

/// The target's figure, in the unit `Sums::value` returns.
pub fn target_figure(value: TargetValue) -> f64 {
    match value {
        TargetValue::Number(n) => n,
        TargetValue::Percent(p) => p.value(),
        TargetValue::Duration(d) => d.seconds() as f64,
    }
}

/// Whether `actual` meets `comparison target`.
pub fn holds(actual: f64, comparison: Comparison, target: f64) -> bool {
    match comparison {
        Comparison::AtLeast => actual >= target,
        Comparison::AtMost => actual <= target,
        Comparison::Above => actual > target,
        Comparison::Below => actual < target,
        Comparison::Equal => (actual - target).abs() < 1e-9,
    }
}
