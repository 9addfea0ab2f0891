//! Money in the reports (language 3): cost to serve per contact by
//! segment and channel, revenue at risk per segment, and the savings if
//! first-contact resolution or self-service reached its target — each with
//! what it rests on, so the reports print the assumptions beside it.

use super::basis::{Basis, SetAsideView};
use super::view::{hundredths, Figure};
use crate::i18n::grouped;
use crate::measure::money::{CostCell, Lever};
use crate::measure::Report;
use crate::model::Model;
use crate::msg;
use crate::syntax::values::{Duration, Language};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct MoneyView {
    /// The service's `currency`, when it states one.
    pub currency: Option<String>,
    /// `measure.churn_share` and `measure.self_service_target`, percent.
    pub churn_share: Figure,
    pub self_service_target: Option<Figure>,
    /// Per segment and channel.
    pub cost_to_serve: Vec<CostView>,
    /// Totals per segment and per channel.
    pub cost_by_segment: Vec<CostTotalView>,
    pub cost_by_channel: Vec<CostTotalView>,
    pub revenue_at_risk: Vec<RiskView>,
    pub savings: Vec<SavingView>,
}

#[derive(Debug, Serialize)]
pub struct CostView {
    pub segment: String,
    pub channel: String,
    pub contacts: u64,
    /// Contacts whose cost is known, and of them those with a handle time
    /// in the export.
    pub costed: u64,
    pub timed: u64,
    pub cost: Figure,
    pub per_contact: Option<Figure>,
    /// What the cost rests on: per contact and per hour (channel and the
    /// answering team's roles), the queue and its `aht` in seconds.
    pub price_per_contact: Figure,
    pub price_per_hour: Figure,
    pub queue: Option<String>,
    pub aht_seconds: Option<u64>,
    pub set_aside: SetAsideView,
}

#[derive(Debug, Serialize)]
pub struct CostTotalView {
    pub name: String,
    pub costed: u64,
    pub cost: Figure,
    pub per_contact: Option<Figure>,
}

#[derive(Debug, Serialize)]
pub struct RiskView {
    pub segment: String,
    /// Distinct customers who complained or gave a detractor's NPS (0..6);
    /// of them, counted one per row because the row names no customer.
    pub customers_at_risk: u64,
    pub counted_by_row: u64,
    /// The segment's `customers`: the count is capped there.
    pub segment_customers: Option<u64>,
    pub average_check: Option<Figure>,
    pub churn_share: Figure,
    /// customers × average check × churn share; none without an
    /// `average_check`.
    pub revenue_at_risk: Option<Figure>,
    pub set_aside: SetAsideView,
}

#[derive(Debug, Serialize)]
pub struct SavingView {
    pub segment: String,
    /// `fcr` or `self_service`.
    pub lever: &'static str,
    /// Percent.
    pub measured: Figure,
    pub target: Figure,
    /// Resolved contacts (fcr) or all contacts (self_service).
    pub n: u64,
    /// Contacts avoided (fcr) or moved to self-service.
    pub contacts: Figure,
    /// What each saves.
    pub unit_saving: Figure,
    pub saving: Figure,
    pub set_aside: SetAsideView,
}

fn lever_code(lever: Lever) -> &'static str {
    match lever {
        Lever::Fcr => "fcr",
        Lever::SelfService => "self_service",
    }
}

fn total(name: String, cells: &[&CostCell]) -> CostTotalView {
    let (cost, costed) = cells
        .iter()
        .fold((0.0, 0), |(t, n), c| (t + c.total, n + c.costed));
    CostTotalView {
        name,
        costed,
        cost: hundredths(cost),
        per_contact: (costed > 0).then(|| hundredths(cost / costed as f64)),
    }
}

pub fn money(model: &Model, report: &Report, basis: &Basis) -> MoneyView {
    let m = &report.money;
    let segment =
        |s: crate::model::Idx<crate::model::Segment>| model.segments[s].header.id.to_string();
    let channel =
        |c: crate::model::Idx<crate::model::Channel>| model.channels[c].header.id.to_string();
    let cost_to_serve = m
        .cells
        .iter()
        .map(|c| CostView {
            segment: segment(c.segment),
            channel: channel(c.channel),
            contacts: c.work.contacts,
            costed: c.costed,
            timed: c.work.timed,
            cost: hundredths(c.total),
            per_contact: c.per_contact().map(hundredths),
            price_per_contact: hundredths(c.price.per_contact),
            price_per_hour: hundredths(c.price.per_hour),
            queue: c.price.queue.map(|q| model.queues[q].header.id.to_string()),
            aht_seconds: c.price.aht.map(|a| a as u64),
            set_aside: basis.segment(c.segment),
        })
        .collect();
    let cost_by_segment = model
        .segments
        .iter()
        .filter_map(|(id, s)| {
            let cells: Vec<&CostCell> = m.cells.iter().filter(|c| c.segment == id).collect();
            (!cells.is_empty()).then(|| total(s.header.id.to_string(), &cells))
        })
        .collect();
    let cost_by_channel = model
        .channels
        .iter()
        .filter_map(|(id, ch)| {
            let cells: Vec<&CostCell> = m.cells.iter().filter(|c| c.channel == id).collect();
            (!cells.is_empty()).then(|| total(ch.header.id.to_string(), &cells))
        })
        .collect();
    MoneyView {
        currency: model
            .service
            .as_ref()
            .and_then(|s| s.currency.as_ref())
            .map(|c| c.value.to_string()),
        churn_share: Figure(report.settings.churn_share.value()),
        self_service_target: report
            .settings
            .self_service_target
            .map(|t| Figure(t.value())),
        cost_to_serve,
        cost_by_segment,
        cost_by_channel,
        revenue_at_risk: m
            .at_risk
            .iter()
            .map(|a| RiskView {
                segment: segment(a.segment),
                customers_at_risk: a.customers,
                counted_by_row: a.nameless,
                segment_customers: a.of,
                average_check: a.average_check.map(hundredths),
                churn_share: Figure(a.churn.value()),
                revenue_at_risk: a.revenue.map(hundredths),
                set_aside: basis.segment(a.segment),
            })
            .collect(),
        savings: m
            .savings
            .iter()
            .map(|s| SavingView {
                segment: segment(s.segment),
                lever: lever_code(s.lever),
                measured: Figure(s.measured * 100.0),
                target: hundredths(s.target * 100.0),
                n: s.n,
                contacts: hundredths(s.contacts),
                unit_saving: hundredths(s.unit),
                saving: hundredths(s.saving),
                set_aside: basis.segment(s.segment),
            })
            .collect(),
    }
}

/// The assumptions beside each money figure, in the report's language, in
/// the order of the view's lists.
#[derive(Debug, Serialize)]
pub struct MoneySaid {
    pub cost: Vec<String>,
    pub at_risk: Vec<String>,
    pub savings: Vec<String>,
}

/// Each as Markdown for a table cell (printed `|safe`): the catalogue's
/// code (`aht`, `handle_time`) as code, every name and figure escaped.
pub fn said(view: &MoneyView, language: Language) -> MoneySaid {
    let say =
        |message: crate::i18n::Message| super::super::words::markdown_message(&message, language);
    let amount = |f: Figure| super::super::words::money(f.0, view.currency.as_deref(), language);
    let cost = view
        .cost_to_serve
        .iter()
        .map(|c| {
            let mut parts = Vec::new();
            if c.price_per_contact.0 > 0.0 {
                parts.push(say(msg!(
                    "report-money-per-contact",
                    amount = amount(c.price_per_contact)
                )));
            }
            if c.price_per_hour.0 > 0.0 {
                let aht = c.aht_seconds.map_or(String::from("none"), |s| {
                    super::super::words::duration(Duration::from_seconds(s), language)
                });
                parts.push(say(msg!(
                    "report-money-per-hour",
                    amount = amount(c.price_per_hour),
                    queue = c.queue.clone().unwrap_or_default(),
                    aht = aht,
                    timed = c.timed,
                    untimed = c.contacts - c.timed,
                    uncosted = c.contacts - c.costed
                )));
            }
            parts.join("; ")
        })
        .collect();
    let at_risk = view
        .revenue_at_risk
        .iter()
        .map(|r| {
            say(msg!(
                "report-money-at-risk",
                named = r.customers_at_risk - r.counted_by_row.min(r.customers_at_risk),
                rows = r.counted_by_row,
                check = r.average_check.map_or(String::from("—"), amount),
                churn = format!("{}%", grouped(r.churn_share.0, language)),
                capped = r
                    .segment_customers
                    .map_or(String::from("none"), |c| grouped(c as f64, language))
            ))
        })
        .collect();
    let savings = view
        .savings
        .iter()
        .map(|s| {
            say(msg!(
                "report-money-saving",
                lever = s.lever,
                n = s.n,
                contacts = grouped(s.contacts.0, language),
                unit = amount(s.unit_saving)
            ))
        })
        .collect();
    MoneySaid {
        cost,
        at_risk,
        savings,
    }
}
