//! Money (language 3): what serving a contact costs, by channel and
//! segment; the revenue at risk in each segment; and what reaching the
//! first-contact-resolution or self-service target would save. Each
//! figure keeps what it rests on, so the reports print the assumptions
//! beside it.
//!
//! A contact costs its channel's `cost` plus that of the people who answer
//! it on the queue that takes it ([`Model::queue_takers`]): the owner role
//! when a line role of the queue's team owns the channel, else the team's
//! line roles (never its lead, unless the lead alone answers), a
//! headcount-weighted mean of those that state a cost. A cost per hour
//! becomes a cost per contact through the contact's `handle_time` when the
//! export has it, else the queue's `aht`; a contact nobody answered (no
//! `answered`, `first_response` nor `resolved`: abandoned) took no agent
//! time whatever its `handle_time` says
//! and is charged none; any other contact with neither is not costed
//! (and counted as such). An
//! agent hour on a queue with `concurrency N` carries N contacts at once, so
//! the hours are divided by N: hourly × handle time / concurrency.

use super::repeats::Repeats;
use super::Settings;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{At, Channel, Crew, Idx, Model, Party, Queue, Role, Segment};
use crate::msg;
use crate::source::Span;
use crate::syntax::ast::TargetValue;
use crate::syntax::values::{Cost, CostBasis, Metric, Percent};
use std::collections::BTreeMap;

/// What one segment's contacts on one channel cost to handle, as read.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Work {
    pub contacts: u64,
    /// Answered contacts with a `handle_time`, and their seconds.
    pub timed: u64,
    pub handle_seconds: super::exact::Sum,
    /// Contacts nobody answered: no agent time, whatever their
    /// `handle_time` says.
    pub unanswered: u64,
}

/// The contacts as money needs them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// By segment, then channel, grown as contacts come (no map is
    /// searched per row); a cell without contacts is none.
    work: Vec<Vec<Work>>,
    /// Complaints and detractors' answers of rows that name no customer:
    /// each counted as a customer.
    nameless_unhappy: BTreeMap<Idx<Segment>, u64>,
}

impl Tally {
    pub fn add(
        &mut self,
        segment: Idx<Segment>,
        channel: Idx<Channel>,
        handle_time: Option<f64>,
        answered: bool,
        nameless_unhappy: bool,
    ) {
        let work = self.cell(segment, channel);
        work.contacts += 1;
        // Nobody answered: no agent time, even where the export gives the
        // row a handle time (the guide: "charged none"; outside audit 7, F5).
        match (answered, handle_time) {
            (false, _) => work.unanswered += 1,
            (true, Some(seconds)) => {
                work.timed += 1;
                work.handle_seconds.add(seconds);
            }
            (true, None) => {}
        }
        if nameless_unhappy {
            *self.nameless_unhappy.entry(segment).or_default() += 1;
        }
    }

    /// The work of a segment on a channel, made when first met.
    #[inline]
    fn cell(&mut self, segment: Idx<Segment>, channel: Idx<Channel>) -> &mut Work {
        let (s, c) = (segment.index(), channel.index());
        if self.work.len() <= s {
            self.work.resize_with(s + 1, Vec::new);
        }
        let row = &mut self.work[s];
        if row.len() <= c {
            row.resize_with(c + 1, Work::default);
        }
        &mut row[c]
    }

    /// Every segment and channel with contacts, in the order of their
    /// indexes (a map's order).
    fn cells(&self) -> impl Iterator<Item = ((Idx<Segment>, Idx<Channel>), &Work)> {
        self.work.iter().enumerate().flat_map(|(s, row)| {
            row.iter()
                .enumerate()
                .filter(|(_, w)| w.contacts > 0)
                .map(move |(c, w)| ((Idx::new(s), Idx::new(c)), w))
        })
    }

    pub fn absorb(&mut self, other: Tally) {
        for (key, w) in other.cells() {
            let mine = self.cell(key.0, key.1);
            mine.contacts += w.contacts;
            mine.timed += w.timed;
            mine.handle_seconds.absorb(w.handle_seconds);
            mine.unanswered += w.unanswered;
        }
        for (segment, n) in other.nameless_unhappy {
            *self.nameless_unhappy.entry(segment).or_default() += n;
        }
    }
}

/// A customer's revenue is at risk after a complaint or a detractor's
/// score (NPS 0 to 6).
pub fn unhappy(complaint: bool, nps: Option<f64>) -> bool {
    complaint || nps.is_some_and(|n| n <= 6.0)
}

/// What a contact of a segment on a channel costs, from the spec.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Price {
    /// Per contact: the channel's and the roles' per-contact costs.
    pub per_contact: f64,
    /// Per hour of handling: the channel's and the roles' hourly costs.
    pub per_hour: f64,
    /// The queue whose team's roles are costed, and whose `aht` is used.
    pub queue: Option<Idx<Queue>>,
    /// The queue's `aht`, in seconds.
    pub aht: Option<f64>,
    /// The queue's `concurrency`: contacts one agent handles at once
    /// (`None`: one at a time).
    pub concurrency: Option<u32>,
}

impl Price {
    pub fn stated(&self) -> bool {
        self.per_contact > 0.0 || self.per_hour > 0.0
    }
}

/// Cost to serve one segment on one channel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostCell {
    pub segment: Idx<Segment>,
    pub channel: Idx<Channel>,
    pub price: Price,
    pub work: Work,
    /// Contacts whose cost is known (all, unless an hourly cost meets a
    /// contact with no handle time and a queue with no `aht`).
    pub costed: u64,
    pub total: f64,
}

impl CostCell {
    pub fn per_contact(&self) -> Option<f64> {
        (self.costed > 0).then(|| self.total / self.costed as f64)
    }
}

/// Revenue at risk in one segment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AtRisk {
    pub segment: Idx<Segment>,
    /// Distinct customers who complained or gave a detractor's score;
    /// rows that name no customer count one each.
    pub customers: u64,
    /// Of them, counted from rows naming no customer.
    pub nameless: u64,
    /// The segment's `customers`, when given: the count is capped there.
    pub of: Option<u64>,
    pub average_check: Option<f64>,
    pub churn: Percent,
    /// customers × average check × churn share.
    pub revenue: Option<f64>,
}

/// What reaching a target would save.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Lever {
    Fcr,
    SelfService,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Saving {
    pub segment: Idx<Segment>,
    pub lever: Lever,
    /// Shares, 0 to 1.
    pub measured: f64,
    pub target: f64,
    /// What the share rests on: resolved contacts (FCR) or all contacts.
    pub n: u64,
    /// Contacts no longer made (FCR) or moved to self-service.
    pub contacts: f64,
    /// What each of them saves.
    pub unit: f64,
    pub saving: f64,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Money {
    pub cells: Vec<CostCell>,
    pub at_risk: Vec<AtRisk>,
    pub savings: Vec<Saving>,
}

impl Money {
    /// Whether the spec states any cost or any average check: else the
    /// reports leave money out.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty() && self.at_risk.iter().all(|a| a.revenue.is_none())
    }

    /// Cost and costed contacts over the cells `keep` selects.
    pub fn cost(&self, keep: impl Fn(&CostCell) -> bool) -> (f64, u64) {
        self.cells
            .iter()
            .filter(|c| keep(c))
            .fold((0.0, 0), |(t, n), c| (t + c.total, n + c.costed))
    }
}

/// A cost's share of what a contact costs.
fn add(price: &mut Price, cost: crate::syntax::values::Cost, weight: f64) {
    match cost.per {
        CostBasis::Contact => price.per_contact += cost.amount * weight,
        CostBasis::Hour => price.per_hour += cost.amount * weight,
    }
}

/// The queue that answers a segment on a channel: one naming the segment,
/// else one naming no segment, first in the spec.
fn queue_of(model: &Model, segment: Idx<Segment>, channel: Idx<Channel>) -> Option<Idx<Queue>> {
    let on_channel = || {
        model
            .queues
            .iter()
            .filter(move |(_, q)| q.channel.as_ref().and_then(|c| c.target) == Some(channel))
    };
    on_channel()
        .find(|(_, q)| crate::model::targets(&q.segments).any(|s| s == segment))
        .or_else(|| on_channel().find(|(_, q)| q.segments.is_empty()))
        .map(|(id, _)| id)
}

/// The roles that answer the queue's contacts: their costs are the
/// queue's.
fn takers(model: &Model, queue: &Queue) -> Vec<Idx<Role>> {
    match model.queue_takers(queue) {
        Some(Party::Role(role)) => vec![role],
        Some(Party::Team(team)) => Crew::new(model).line(team),
        None => Vec::new(),
    }
}

/// What a contact of `segment` on `channel` costs by the spec.
pub fn price(model: &Model, segment: Idx<Segment>, channel: Idx<Channel>) -> Price {
    let mut price = Price::default();
    if let Some(cost) = model.channels[channel].cost {
        add(&mut price, cost.value, 1.0);
    }
    price.queue = queue_of(model, segment, channel);
    let Some(queue) = price.queue.map(|q| &model.queues[q]) else {
        return price;
    };
    price.aht = queue.aht.map(|a| a.value.seconds() as f64);
    price.concurrency = queue.concurrency.map(|c| c.value);
    let roles: Vec<_> = takers(model, queue)
        .into_iter()
        .map(|r| &model.roles[r])
        .filter_map(|r| Some((r.cost?.value, f64::from(r.headcount.unwrap_or(1).max(1)))))
        .collect();
    let people: f64 = roles.iter().map(|r| r.1).sum();
    for (cost, headcount) in roles {
        add(&mut price, cost, headcount / people);
    }
    price
}

/// A target's share, 0 to 1 (`80%` or `0.8`).
fn share_of(value: TargetValue) -> f64 {
    match value {
        TargetValue::Percent(p) => p.value() / 100.0,
        other => super::metrics::target_figure(other),
    }
}

/// A segment's first-contact-resolution target as a share (0 to 1): the
/// first `target fcr` of the first SLA that names the segment.
pub fn fcr_target(model: &Model, segment: Idx<Segment>) -> Option<f64> {
    model
        .slas
        .values()
        .filter(|sla| crate::model::targets(&sla.segments).any(|s| s == segment))
        .flat_map(|sla| &sla.targets)
        .find(|k| k.value.metric == Metric::Fcr)
        .map(|kpi| share_of(kpi.value.value))
}

/// Every money figure the spec and the data allow.
pub fn figure(model: &Model, settings: &Settings, tally: &Tally, repeats: &Repeats) -> Money {
    let mut money = Money::default();
    for ((segment, channel), &work) in tally.cells() {
        let price = price(model, segment, channel);
        if !price.stated() {
            continue;
        }
        // Answered contacts without a handle time take the queue's `aht`;
        // unanswered ones take no agent time.
        let untimed = (work.contacts - work.timed - work.unanswered) as f64;
        let (costed, hours) = match (price.per_hour > 0.0, price.aht) {
            (false, _) => (work.contacts, 0.0),
            (true, Some(aht)) => (
                work.contacts,
                (work.handle_seconds.get() + untimed * aht) / 3600.0,
            ),
            (true, None) => (
                work.timed + work.unanswered,
                work.handle_seconds.get() / 3600.0,
            ),
        };
        // Handle times run beside each other on a concurrent queue.
        let hours = hours / f64::from(price.concurrency.unwrap_or(1).max(1));
        money.cells.push(CostCell {
            segment,
            channel,
            price,
            work,
            costed,
            total: costed as f64 * price.per_contact + hours * price.per_hour,
        });
    }
    for (segment, s) in model.segments.iter() {
        let named = repeats.unhappy.get(&segment).copied().unwrap_or(0);
        let nameless = tally.nameless_unhappy.get(&segment).copied().unwrap_or(0);
        let of = s.profile.customers.map(|c| c.value);
        let customers = (named + nameless).min(of.unwrap_or(u64::MAX));
        let average_check = s.profile.average_check.map(|a| a.value);
        let churn = settings.churn_share;
        if customers == 0 && average_check.is_none() {
            continue;
        }
        money.at_risk.push(AtRisk {
            segment,
            customers,
            nameless,
            of,
            average_check,
            churn,
            revenue: average_check.map(|a| customers as f64 * a * churn.value() / 100.0),
        });
    }
    savings(model, settings, tally, repeats, &mut money);
    money
}

/// The saving if a segment's FCR reached its SLA's `target fcr` (each
/// contact not resolved at first contact brings one more contact, at the
/// segment's mean cost to serve), and if self-service took
/// `measure.self_service_target` of its contacts (each moved contact costs
/// the segment's mean self-service cost instead of its mean live cost).
fn savings(
    model: &Model,
    settings: &Settings,
    tally: &Tally,
    repeats: &Repeats,
    money: &mut Money,
) {
    let mut out = Vec::new();
    for (segment, _) in model.segments.iter() {
        let (total, costed) = money.cost(|c| c.segment == segment);
        if costed == 0 {
            continue;
        }
        let mean = total / costed as f64;
        let figures = repeats.sum(|s, _| s == segment);
        if let (Some(target), true) = (fcr_target(model, segment), figures.resolved > 0) {
            let measured = figures.first_contact as f64 / figures.resolved as f64;
            if measured < target {
                let contacts = figures.resolved as f64 * (target - measured);
                out.push(Saving {
                    segment,
                    lever: Lever::Fcr,
                    measured,
                    target,
                    n: figures.resolved,
                    contacts,
                    unit: mean,
                    saving: contacts * mean,
                });
            }
        }
        let Some(target) = settings.self_service_target else {
            continue;
        };
        let own = |c: &CostCell| c.segment == segment;
        let selfish = |c: &CostCell| model.channels[c.channel].self_service;
        let (self_total, self_n) = money.cost(|c| own(c) && selfish(c));
        let (live_total, live_n) = money.cost(|c| own(c) && !selfish(c));
        // Every contact of the segment, costed or not.
        let (mut contacts, mut on_self) = (0, 0);
        for ((s, channel), work) in tally.cells() {
            if s == segment {
                contacts += work.contacts;
                if model.channels[channel].self_service {
                    on_self += work.contacts;
                }
            }
        }
        if live_n == 0 || contacts == 0 {
            continue;
        }
        let measured = on_self as f64 / contacts as f64;
        let target = target.value() / 100.0;
        let self_mean = if self_n > 0 {
            self_total / self_n as f64
        } else {
            0.0
        };
        let unit = live_total / live_n as f64 - self_mean;
        if measured < target && unit > 0.0 {
            let moved = contacts as f64 * (target - measured);
            out.push(Saving {
                segment,
                lever: Lever::SelfService,
                measured,
                target,
                n: contacts,
                contacts: moved,
                unit,
                saving: moved * unit,
            });
        }
    }
    money.savings = out;
}

/// One `cost … per hour` line and the contacts it could not cost.
struct Uncosted {
    span: Span,
    /// `channel` or `role`, and its name.
    kind: &'static str,
    name: String,
    channel: Idx<Channel>,
    queue: Option<Idx<Queue>>,
    uncosted: u64,
    contacts: u64,
}

/// Every `cost … per hour` that could not become a cost per contact: on a
/// channel whose contacts have no handle time and whose queue has no `aht`
/// (or that no queue answers), at the cost line, once per channel.
pub fn findings(model: &Model, report: &super::Report, out: &mut Vec<Diagnostic>) {
    let hourly = |cost: Option<At<Cost>>| cost.filter(|c| c.value.per == CostBasis::Hour);
    let mut lines: Vec<Uncosted> = Vec::new();
    for cell in &report.money.cells {
        let uncosted = cell.work.contacts - cell.costed;
        if uncosted == 0 || cell.price.per_hour <= 0.0 {
            continue;
        }
        let channel = &model.channels[cell.channel];
        let mut owners: Vec<(Span, &'static str, &str)> = Vec::new();
        if let Some(cost) = hourly(channel.cost) {
            owners.push((cost.span, "channel", channel.header.id.as_str()));
        }
        if let Some(queue) = cell.price.queue {
            for role in takers(model, &model.queues[queue]) {
                let role = &model.roles[role];
                if let Some(cost) = hourly(role.cost) {
                    owners.push((cost.span, "role", role.header.id.as_str()));
                }
            }
        }
        for (span, kind, name) in owners {
            let same = |l: &&mut Uncosted| l.span == span && l.channel == cell.channel;
            match lines.iter_mut().find(same) {
                Some(line) => {
                    line.uncosted += uncosted;
                    line.contacts += cell.work.contacts;
                }
                None => lines.push(Uncosted {
                    span,
                    kind,
                    name: name.to_string(),
                    channel: cell.channel,
                    queue: cell.price.queue,
                    uncosted,
                    contacts: cell.work.contacts,
                }),
            }
        }
    }
    if report.contacts > 0 {
        queueless(model, out);
    }
    for line in lines {
        let channel = model.channels[line.channel].header.id.as_str();
        let queue = line
            .queue
            .map_or("", |q| model.queues[q].header.id.as_str());
        let queued = if line.queue.is_some() { "yes" } else { "no" };
        out.push(
            Diagnostic::new(
                Code::HourlyCostUncosted,
                line.span,
                msg!(
                    "measure-hourly-cost-uncosted",
                    kind = line.kind,
                    name = line.name.as_str(),
                    uncosted = line.uncosted as f64,
                    n = line.contacts as f64,
                    channel = channel,
                    queue = queue,
                    queued = queued
                ),
            )
            .help(msg!(
                "measure-hourly-cost-uncosted-help",
                channel = channel,
                queue = queue,
                queued = queued
            )),
        );
    }
}

/// Roles with an hourly cost whose team no queue names: no contact is
/// known to take their time, so their cost is in no cost to serve.
fn queueless(model: &Model, out: &mut Vec<Diagnostic>) {
    for role in model.roles.values() {
        let Some(cost) = role.cost.filter(|c| c.value.per == CostBasis::Hour) else {
            continue;
        };
        let Some(team) = role.team.as_ref().and_then(|t| t.target) else {
            continue;
        };
        let queued = model
            .queues
            .values()
            .any(|q| q.team.as_ref().and_then(|t| t.target) == Some(team));
        if queued {
            continue;
        }
        let team = model.teams[team].header.id.as_str();
        out.push(
            Diagnostic::new(
                Code::HourlyCostUncosted,
                cost.span,
                msg!(
                    "measure-hourly-cost-no-queue",
                    name = role.header.id.as_str(),
                    team = team
                ),
            )
            .help(msg!("measure-hourly-cost-no-queue-help", team = team)),
        );
    }
}
