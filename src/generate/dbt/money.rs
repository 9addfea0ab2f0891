//! The spec's money and pain as seeds (language 3): what a contact of each
//! segment on each channel costs (`measure::money::price`, worked out here
//! once, so the SQL only multiplies), each segment's customers, average
//! check and first-contact-resolution target, and the thresholds at which
//! measured experience hurts (`measure.pain`).

use super::Table;
use crate::measure::money::{fcr_target, price};
use crate::measure::Settings;
use crate::model::Model;

/// A number for a seed cell; none is an empty cell.
fn number(value: Option<f64>) -> String {
    value.map_or(String::new(), |v| v.to_string())
}

/// One row per segment and channel whose contacts the spec prices.
pub fn prices(model: &Model) -> Table {
    let mut t = Table::new(&[
        ("segment", 's'),
        ("channel", 's'),
        ("per_contact", 'd'),
        ("per_hour", 'd'),
        ("queue", 's'),
        ("aht_s", 'd'),
        ("concurrency", 'i'),
    ]);
    for (s, segment) in model.segments.iter() {
        for (c, channel) in model.channels.iter() {
            let p = price(model, s, c);
            if !p.stated() {
                continue;
            }
            t.row([
                segment.header.id.to_string(),
                channel.header.id.to_string(),
                p.per_contact.to_string(),
                p.per_hour.to_string(),
                p.queue
                    .map_or(String::new(), |q| model.queues[q].header.id.to_string()),
                number(p.aht),
                p.concurrency.unwrap_or(1).max(1).to_string(),
            ]);
        }
    }
    t
}

/// Per segment: its `customers`, `average_check` and FCR target (a share).
pub fn segments(model: &Model) -> Table {
    let mut t = Table::new(&[
        ("segment", 's'),
        ("customers", 'i'),
        ("average_check", 'd'),
        ("fcr_target", 'd'),
    ]);
    for (id, s) in model.segments.iter() {
        t.row([
            s.header.id.to_string(),
            s.profile
                .customers
                .map_or(String::new(), |c| c.value.to_string()),
            number(s.profile.average_check.map(|a| a.value)),
            number(fcr_target(model, id)),
        ]);
    }
    t
}

/// `measure.pain`, `measure.churn_share` and `measure.self_service_target`.
pub fn settings(settings: &Settings) -> Table {
    let mut t = Table::new(&[
        ("pain_effort", 'd'),
        ("pain_dropoff", 'd'),
        ("pain_csat", 'd'),
        ("churn_share", 'd'),
        ("self_service_target", 'd'),
    ]);
    let p = &settings.pain;
    t.row([
        p.effort.to_string(),
        p.dropoff.value().to_string(),
        p.csat.to_string(),
        settings.churn_share.value().to_string(),
        number(settings.self_service_target.map(|s| s.value())),
    ]);
    t
}
