//! Zendesk business-hours schedules (`routing/zendesk-schedules.json`): one
//! entry per calendar that an SLA or complaint rule counts its targets in,
//! with the request bodies an admin sends to create it
//! (`POST /api/v2/business_hours/schedules`), set its week
//! (`PUT .../schedules/{id}/workweek`) and add its holidays
//! (`POST .../schedules/{id}/holidays`), and the SLA policies that rely on it.
//! A schedule has no dated hours: a calendar's `open 2027-12-25 ...` is left
//! out, with `inexact-export`.

use super::time_zones::zendesk_name;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Calendar, Idx, Model};
use crate::msg;
use crate::syntax::values::{Date, Language, Weekday};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// `policies` names the calendar each policy counts in; `year` picks the
/// offsets a zone is matched on.
pub fn schedules(
    model: &Model,
    policies: &super::Policies,
    year: i16,
    language: Language,
    problems: &mut Vec<Diagnostic>,
) -> Value {
    // The policies that count business hours in each calendar, in order.
    let mut users: BTreeMap<Idx<Calendar>, Vec<&str>> = BTreeMap::new();
    for (title, calendar) in &policies.calendars {
        if let Some(c) = calendar.filter(|&c| !model.calendars[c].is_24x7()) {
            let list = users.entry(c).or_default();
            if !list.contains(&title.as_str()) {
                list.push(title);
            }
        }
    }
    let entries: Vec<Value> = users
        .into_iter()
        .map(|(id, policies)| {
            let calendar = &model.calendars[id];
            if !calendar.opened.is_empty() {
                problems.push(
                    Diagnostic::new(
                        Code::InexactExport,
                        calendar.header.span,
                        msg!(
                            "zendesk-dated-hours",
                            calendar = &calendar.header.id,
                            dates = crate::diagnostic::elide(
                                calendar.opened.iter().map(|d| d.date.to_string()),
                                ", "
                            )
                        ),
                    )
                    .help(msg!("zendesk-dated-hours-help")),
                );
            }
            json!({
                "calendar": calendar.header.id,
                "policies": policies,
                "schedule": {"schedule": {
                    "name": calendar.header.label(),
                    "time_zone": time_zone(calendar, year, problems),
                }},
                "workweek": {"workweek": {"intervals": intervals(calendar)}},
                "holidays": holidays(calendar, language),
            })
        })
        .collect();
    Value::Array(entries)
}

/// The calendar's zone by Zendesk's name for it (UTC when it names none).
fn time_zone(calendar: &Calendar, year: i16, problems: &mut Vec<Diagnostic>) -> String {
    let Some(iana) = calendar.zone_name() else {
        return "UTC".into();
    };
    match zendesk_name(iana, year) {
        Some(name) => name.to_string(),
        None => {
            problems.push(
                Diagnostic::new(
                    Code::InexactExport,
                    calendar.header.span,
                    msg!(
                        "zendesk-time-zone",
                        zone = iana,
                        calendar = &calendar.header.id
                    ),
                )
                .help(msg!("zendesk-time-zone-help")),
            );
            iana.to_string()
        }
    }
}

/// Open hours as minutes since Sunday midnight, within one day each.
fn intervals(calendar: &Calendar) -> Vec<Value> {
    let mut out = Vec::new();
    // Zendesk's week starts on Sunday; cx's on Monday.
    let sunday_first = [
        Weekday::Sun,
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
    ];
    for (day, weekday) in sunday_first.iter().enumerate() {
        let base = day as u32 * 1440;
        for (from, to) in &calendar.week.days[weekday.index()] {
            out.push(json!({"start_time": base + from.minutes(), "end_time": base + to.minutes()}));
        }
    }
    out
}

/// Closed days as holidays, consecutive days joined into one, named in the
/// build's language: an admin reads the names in Zendesk's holiday list
/// (outside audit 8, R-Z1: «Офис в Москве: closed» in a Russian build).
fn holidays(calendar: &Calendar, language: Language) -> Vec<Value> {
    let mut ranges: Vec<(Date, Date)> = Vec::new();
    for &day in &calendar.closed {
        match ranges.last_mut() {
            Some((_, end)) if end.add_days(1) == day => *end = day,
            _ => ranges.push((day, day)),
        }
    }
    ranges
        .into_iter()
        .map(|(start, end)| {
            json!({"holiday": {
                "name": format!("{}: {}", calendar.header.label(), closed(start != end, language)),
                "start_date": start.to_string(),
                "end_date": end.to_string(),
            }})
        })
        .collect()
}

/// What a holiday is called in a schedule: "closed"; «нерабочий день»,
/// «нерабочие дни» for a run of days.
fn closed(several: bool, language: Language) -> &'static str {
    match (language, several) {
        (Language::En, _) => "closed",
        (Language::Ru, false) => "нерабочий день",
        (Language::Ru, true) => "нерабочие дни",
    }
}
