//! Policies no ticket can reach are not written (audit 13, L2): Zendesk
//! applies the first policy that matches a ticket, so a policy whose
//! tickets all match an earlier one (the same conditions, or narrower)
//! never applies, and would only mislead whoever reads the list.
//!
//! Reachability is decided over every ticket the policies can tell apart:
//! for each field a condition tests, each value some condition names and
//! one no condition names; for tags, every set of up to three tags the
//! conditions name (a segment's, a complaint rule's, a channel's; up to two
//! when they name more than twelve tags). A condition this module does not
//! know keeps its policy while any ticket is left.
//!
//! Those tickets are not listed one by one (their number grows with the
//! square of the tags, and each policy was tried on each: attack 18). Every
//! condition on tags asks for one of some tags, so a ticket with more tags
//! is matched by every policy that matches it with fewer: a policy is
//! reached when one of its smallest tickets — the fewest tags that meet its
//! conditions, each value its conditions ask for — is taken by no earlier
//! policy, and only the earlier policies that test one of that ticket's
//! tags or values (see [`Index`]) can take it. `oracle` keeps the listing
//! for the tests that hold the two to each other.

#[cfg(test)]
mod oracle;
#[cfg(test)]
mod tests;

use crate::model::{Calendar, Idx};
use serde_json::Value;
use std::cell::Cell;
use std::collections::{BTreeSet, HashMap, HashSet};

thread_local! {
    static EFFORT: Cell<u64> = const { Cell::new(0) };
}

/// How many times a policy was tried on a ticket since the last
/// [`reset_effort`] on this thread: the tests that keep the export linear
/// count it.
pub fn effort() -> u64 {
    EFFORT.with(Cell::get)
}

pub(super) fn reset_effort() {
    EFFORT.with(|e| e.set(0));
}

/// A condition this module knows.
enum Cond<'a> {
    /// `current_tags includes`: the ticket has one of these tags.
    Tags(Vec<&'a str>, HashSet<&'a str>),
    /// The field (by number) has, or has not, the value (by number).
    Is(usize, usize),
    IsNot(usize, usize),
}

/// A policy's filter: every condition of `all`, and one of `any` unless
/// it is empty.
struct Filter<'a> {
    all: Vec<Cond<'a>>,
    any: Vec<Cond<'a>>,
}

/// A ticket: its tags (at most three) and, by field number, its value's
/// number.
struct Ticket<'a> {
    tags: Vec<&'a str>,
    row: Vec<usize>,
}

/// The fields other than tags that conditions test, each with the values
/// they name; value 0 of each is one no condition names.
struct Fields<'a> {
    number: HashMap<&'a str, usize>,
    values: Vec<HashMap<String, usize>>,
}

impl<'a> Fields<'a> {
    fn field(&self, field: &str) -> usize {
        self.number[field]
    }

    fn value(&self, field: usize, value: &Value) -> usize {
        self.values[field][&value.to_string()]
    }
}

fn conditions(policy: &Value) -> impl Iterator<Item = (&Value, bool)> {
    let filter = &policy["sla_policy"]["filter"];
    let list = move |key: &'static str, any: bool| {
        (filter[key].as_array().into_iter().flatten()).map(move |c| (c, any))
    };
    list("all", false).chain(list("any", true))
}

/// Reads a condition as [`Cond`]; `None` for one not known here.
fn cond<'a>(condition: &'a Value, fields: &Fields<'a>) -> Option<Cond<'a>> {
    let field = condition["field"].as_str()?;
    let value = &condition["value"];
    Some(match (field, condition["operator"].as_str()?) {
        ("current_tags", "includes") => {
            let words: Vec<&str> = value.as_str()?.split(' ').collect();
            let set = words.iter().copied().collect();
            Cond::Tags(words, set)
        }
        ("current_tags", _) => return None,
        (name, "is") => {
            let f = fields.field(name);
            Cond::Is(f, fields.value(f, value))
        }
        (name, "is_not") => {
            let f = fields.field(name);
            Cond::IsNot(f, fields.value(f, value))
        }
        _ => return None,
    })
}

fn filter<'a>(policy: &'a Value, fields: &Fields<'a>) -> Option<Filter<'a>> {
    let mut out = Filter {
        all: Vec::new(),
        any: Vec::new(),
    };
    for (c, any) in conditions(policy) {
        let c = cond(c, fields)?;
        if any { &mut out.any } else { &mut out.all }.push(c);
    }
    Some(out)
}

fn holds(condition: &Cond, ticket: &Ticket) -> bool {
    match condition {
        Cond::Tags(_, set) => ticket.tags.iter().any(|t| set.contains(t)),
        Cond::Is(f, v) => ticket.row[*f] == *v,
        Cond::IsNot(f, v) => ticket.row[*f] != *v,
    }
}

fn matches(filter: &Filter, ticket: &Ticket) -> bool {
    EFFORT.with(|e| e.set(e.get() + 1));
    filter.all.iter().all(|c| holds(c, ticket))
        && (filter.any.is_empty() || filter.any.iter().any(|c| holds(c, ticket)))
}

/// What a ticket can be looked up by: one of its tags, or one field's value.
#[derive(PartialEq, Eq, Hash)]
enum Key<'a> {
    Tag(&'a str),
    Value(usize, usize),
}

/// The policies kept so far, each under keys one of which every ticket it
/// matches has: the tags of its narrowest condition on tags, else the value
/// one of its conditions asks for, else what each of its alternatives asks
/// for; a policy with none of those is tried on every ticket.
#[derive(Default)]
struct Index<'p, 'a> {
    by: HashMap<Key<'a>, Vec<&'p Filter<'a>>>,
    everywhere: Vec<&'p Filter<'a>>,
}

fn keys<'a>(condition: &Cond<'a>) -> Option<Vec<Key<'a>>> {
    match condition {
        Cond::Tags(_, set) => Some(set.iter().map(|&t| Key::Tag(t)).collect()),
        Cond::Is(f, v) => Some(vec![Key::Value(*f, *v)]),
        Cond::IsNot(..) => None,
    }
}

impl<'p, 'a> Index<'p, 'a> {
    fn add(&mut self, filter: &'p Filter<'a>) {
        let narrowest = (filter.all.iter())
            .filter_map(keys)
            .min_by_key(|k| (matches!(k[0], Key::Value(..)), k.len()));
        let alternatives = || -> Option<Vec<Key<'a>>> {
            let keys: Option<Vec<Vec<Key>>> = filter.any.iter().map(keys).collect();
            Some(keys?.into_iter().flatten().collect()).filter(|k: &Vec<_>| !k.is_empty())
        };
        match narrowest.or_else(alternatives) {
            Some(keys) => {
                for key in keys {
                    self.by.entry(key).or_default().push(filter);
                }
            }
            None => self.everywhere.push(filter),
        }
    }

    /// Whether a policy kept so far takes `ticket`.
    fn taken(&self, ticket: &Ticket<'a>) -> bool {
        let tags = ticket.tags.iter().map(|&t| Key::Tag(t));
        let values = (ticket.row.iter().enumerate()).map(|(f, &v)| Key::Value(f, v));
        let mut found = tags.chain(values).filter_map(|k| self.by.get(&k));
        found.any(|list| list.iter().any(|f| matches(f, ticket)))
            || self.everywhere.iter().any(|f| matches(f, ticket))
    }
}

/// Drops the policies no ticket reaches, and their schedules' entries.
pub(super) fn unshadowed(
    policies: &mut Vec<Value>,
    calendars: &mut Vec<(String, Option<Idx<Calendar>>)>,
) {
    let keep = reached(policies);
    let mut flags = keep.iter();
    policies.retain(|_| *flags.next().unwrap_or(&true));
    let mut flags = keep.iter();
    calendars.retain(|_| *flags.next().unwrap_or(&true));
}

/// Whether each policy is reached by a ticket.
fn reached(policies: &[Value]) -> Vec<bool> {
    let mut tags: BTreeSet<&str> = BTreeSet::new();
    let mut fields = Fields {
        number: HashMap::new(),
        values: Vec::new(),
    };
    for (c, _) in policies.iter().flat_map(conditions) {
        let Some(field) = c["field"].as_str() else {
            continue;
        };
        if field == "current_tags" {
            tags.extend(c["value"].as_str().unwrap_or("").split(' '));
            continue;
        }
        let next = fields.values.len();
        let f = *fields.number.entry(field).or_insert(next);
        if f == next {
            fields
                .values
                .push(HashMap::from([(Value::Null.to_string(), 0)]));
        }
        let values = &mut fields.values[f];
        let count = values.len();
        values.entry(c["value"].to_string()).or_insert(count);
    }
    let most = if tags.len() <= 12 { 3 } else { 2 };
    let sizes: Vec<usize> = fields.values.iter().map(HashMap::len).collect();
    let filters: Vec<Option<Filter>> = policies.iter().map(|p| filter(p, &fields)).collect();
    let mut index = Index::default();
    let mut keep = Vec::with_capacity(policies.len());
    for filter in &filters {
        let reach = match filter {
            Some(filter) => witness(filter, most, &sizes, &index),
            // Kept while some ticket is left.
            None => witness(
                &Filter {
                    all: Vec::new(),
                    any: Vec::new(),
                },
                most,
                &sizes,
                &index,
            ),
        };
        keep.push(reach);
        if let (true, Some(filter)) = (reach, filter) {
            index.add(filter);
        }
    }
    keep
}

/// Whether some ticket `filter` matches is taken by no policy in `index`.
fn witness(filter: &Filter, most: usize, sizes: &[usize], index: &Index) -> bool {
    let alternatives: Vec<Option<&Cond>> = if filter.any.is_empty() {
        vec![None]
    } else {
        filter.any.iter().map(Some).collect()
    };
    alternatives.into_iter().any(|alternative| {
        let required: Vec<&Cond> = filter.all.iter().chain(alternative).collect();
        let Some(choices) = values(&required, sizes) else {
            return false;
        };
        let wanted: Vec<&Cond> = required
            .iter()
            .copied()
            .filter(|c| matches!(c, Cond::Tags(..)))
            .collect();
        let mut found = false;
        tag_sets(&wanted, most, &mut Vec::new(), &mut |tags| {
            found = found
                || rows(&choices, &mut Vec::new(), &mut |row| {
                    let ticket = Ticket {
                        tags: tags.to_vec(),
                        row: row.to_vec(),
                    };
                    matches(filter, &ticket) && !index.taken(&ticket)
                });
            found
        });
        found
    })
}

/// For each field, the values a ticket meeting `required` may have; `None`
/// when two conditions ask for different values of one field.
fn values(required: &[&Cond], sizes: &[usize]) -> Option<Vec<Vec<usize>>> {
    let mut out: Vec<Vec<usize>> = sizes.iter().map(|&n| (0..n).collect()).collect();
    for c in required {
        match c {
            Cond::Is(f, v) if out[*f].contains(v) => out[*f] = vec![*v],
            Cond::Is(..) => return None,
            Cond::IsNot(f, v) => out[*f].retain(|x| x != v),
            Cond::Tags(..) => {}
        }
    }
    Some(out)
}

/// Calls `found` with each row of values from `choices` until it says yes.
fn rows(
    choices: &[Vec<usize>],
    row: &mut Vec<usize>,
    found: &mut dyn FnMut(&[usize]) -> bool,
) -> bool {
    let Some((first, rest)) = choices.split_first() else {
        return found(row);
    };
    first.iter().any(|&v| {
        row.push(v);
        let yes = rows(rest, row, found);
        row.pop();
        yes
    })
}

/// Calls `found` with the sets of at most `most` tags that meet every
/// condition of `wanted`, each tag added for a condition the set did not
/// meet yet (every smallest set among them), until it says yes.
fn tag_sets<'a>(
    wanted: &[&Cond<'a>],
    most: usize,
    set: &mut Vec<&'a str>,
    found: &mut dyn FnMut(&[&'a str]) -> bool,
) -> bool {
    let Some((first, rest)) = wanted.split_first() else {
        return found(set);
    };
    let Cond::Tags(words, have) = first else {
        return tag_sets(rest, most, set, found);
    };
    if set.iter().any(|t| have.contains(t)) {
        return tag_sets(rest, most, set, found);
    }
    if set.len() >= most {
        return false;
    }
    let mut tried = HashSet::new();
    words.iter().filter(|w| tried.insert(**w)).any(|&w| {
        set.push(w);
        let yes = tag_sets(rest, most, set, found);
        set.pop();
        yes
    })
}
