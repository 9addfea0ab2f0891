//! The listing of every ticket the policies can tell apart, each tried on
//! every policy (before attack 18): the tests hold [`super::reached`] to it.

use crate::model::{Calendar, Idx};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// A ticket: its tags and the value of every other field tested.
struct Ticket<'a> {
    tags: Vec<&'a str>,
    fields: BTreeMap<&'a str, &'a Value>,
}

/// Whether `condition` holds for `ticket`; `None` for a condition not
/// known here.
fn holds(condition: &Value, ticket: &Ticket) -> Option<bool> {
    let field = condition["field"].as_str()?;
    let value = &condition["value"];
    match (field, condition["operator"].as_str()?) {
        ("current_tags", "includes") => {
            let words = value.as_str()?;
            Some(words.split(' ').any(|w| ticket.tags.contains(&w)))
        }
        ("current_tags", _) => None,
        (field, "is") => Some(ticket.fields.get(field) == Some(&value)),
        (field, "is_not") => Some(ticket.fields.get(field) != Some(&value)),
        _ => None,
    }
}

/// Whether `policy`'s filter matches `ticket`; `None` when it cannot say.
fn matches(policy: &Value, ticket: &Ticket) -> Option<bool> {
    let filter = &policy["sla_policy"]["filter"];
    let list = |key: &str| filter[key].as_array().cloned().unwrap_or_default();
    let mut all = true;
    for c in list("all") {
        all &= holds(&c, ticket)?;
    }
    let any = list("any");
    let mut some = any.is_empty();
    for c in &any {
        some |= holds(c, ticket)?;
    }
    Some(all && some)
}

/// A value no condition names.
const FRESH: Value = Value::Null;

/// Drops the policies no ticket reaches, and their schedules' entries.
pub(super) fn unshadowed(
    policies: &mut Vec<Value>,
    calendars: &mut Vec<(String, Option<Idx<Calendar>>)>,
) {
    let conditions: Vec<Value> = (policies.iter())
        .flat_map(|p| {
            let filter = &p["sla_policy"]["filter"];
            let list = |k: &str| filter[k].as_array().cloned().unwrap_or_default();
            [list("all"), list("any")].concat()
        })
        .collect();
    let mut tags: BTreeSet<String> = BTreeSet::new();
    let mut values: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for c in &conditions {
        let Some(field) = c["field"].as_str() else {
            continue;
        };
        if field == "current_tags" {
            tags.extend((c["value"].as_str().unwrap_or("").split(' ')).map(str::to_string));
        } else {
            let known = values
                .entry(field.to_string())
                .or_insert_with(|| vec![FRESH]);
            if !known.contains(&c["value"]) {
                known.push(c["value"].clone());
            }
        }
    }
    let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
    let tag_sets = subsets(&tags, if tags.len() <= 12 { 3 } else { 2 });
    // Every combination of the other fields' values.
    let mut rows: Vec<BTreeMap<&str, &Value>> = vec![BTreeMap::new()];
    for (field, known) in &values {
        rows = (rows.iter())
            .flat_map(|row| {
                known.iter().map(move |v| {
                    let mut row = row.clone();
                    row.insert(field.as_str(), v);
                    row
                })
            })
            .collect();
    }
    let tickets: Vec<Ticket> = (tag_sets.iter())
        .flat_map(|set| {
            rows.iter().map(move |row| Ticket {
                tags: set.clone(),
                fields: row.clone(),
            })
        })
        .collect();
    // The tickets no policy kept so far takes.
    let mut open: Vec<&Ticket> = tickets.iter().collect();
    let mut keep = Vec::with_capacity(policies.len());
    for policy in policies.iter() {
        let taken: Vec<Option<bool>> = open.iter().map(|t| matches(policy, t)).collect();
        let unknown = taken.iter().any(Option::is_none);
        let reached = taken.contains(&Some(true));
        keep.push(unknown || reached);
        if !unknown {
            open = (open.into_iter().zip(taken))
                .filter(|(_, m)| *m != Some(true))
                .map(|(t, _)| t)
                .collect();
        }
    }
    let mut flags = keep.iter();
    policies.retain(|_| *flags.next().unwrap_or(&true));
    let mut flags = keep.iter();
    calendars.retain(|_| *flags.next().unwrap_or(&true));
}

/// Every subset of `items` with at most `most` members.
fn subsets<'a>(items: &[&'a str], most: usize) -> Vec<Vec<&'a str>> {
    let mut out: Vec<Vec<&'a str>> = vec![Vec::new()];
    for &item in items {
        let grown: Vec<Vec<&'a str>> = (out.iter())
            .filter(|s| s.len() < most)
            .map(|s| [s.clone(), vec![item]].concat())
            .collect();
        out.extend(grown);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn policy(title: &str, all: Value) -> Value {
        json!({"sla_policy": {"title": title, "filter": {"all": all, "any": []}}})
    }

    fn titles(policies: &[Value]) -> Vec<&str> {
        (policies.iter())
            .map(|p| p["sla_policy"]["title"].as_str().unwrap())
            .collect()
    }

    /// Audit 13, L2: a policy with the same conditions as an earlier one is
    /// dropped with its schedule entry; one reached through a via id the
    /// earlier one leaves out (the phone's) is kept.
    #[test]
    fn a_policy_every_ticket_of_which_an_earlier_one_takes_is_not_written() {
        let tag = json!({"field": "current_tags", "operator": "includes", "value": "gold"});
        let not_phone = json!({"field": "via_id", "operator": "is_not", "value": 34});
        let mut policies = vec![
            policy("gold, not phone", json!([tag, not_phone])),
            policy("gold, all", json!([tag])),
            policy("gold, all again", json!([tag])),
        ];
        let mut calendars = vec![
            ("a".to_string(), None),
            ("b".to_string(), None),
            ("c".to_string(), None),
        ];
        unshadowed(&mut policies, &mut calendars);
        assert_eq!(titles(&policies), ["gold, not phone", "gold, all"]);
        assert_eq!(
            calendars.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
    }
}
