//! A complaint's first offer (audit 15, H1; prac18): where the owner's hub
//! keeps hours of its own, its queue is offered the complaint first for
//! half the acknowledgement target, then every queue serving the task. An
//! acknowledgement in working days is a target like any other: it counts
//! as the least running time it can leave, as the ordinary tasks' `wd`
//! targets do (audit 17, M4), not as the longest wall-clock time it can
//! last (`2wd` on office hours: half of about five days, past the task's
//! lifetime — the owner held the complaint as if it had no target).

use super::invariants::{default_name, list, s, shortest_day, Facts};
use super::twilio::{self, Moment};
use super::*;

/// Invariant 11b, on every complaint with an acknowledgement: where the
/// first target of a complaint task's filter is its owner's queue, offered
/// first (`skip_if`), it keeps the task for half the acknowledgement —
/// between half its least running time (`N` of its calendar's shortest
/// days for `Nwd`) and half its longest (routing.json's seconds).
pub fn check(facts: &Facts, what: &str) {
    let routing = &facts.built.routing;
    let workflow = &facts.built.workflow;
    let team_of = |party: &str| -> Option<String> {
        if list(routing, "teams").iter().any(|t| t["id"] == party) {
            return Some(party.to_string());
        }
        let role = list(routing, "roles").iter().find(|r| r["id"] == party)?;
        role["team"].as_str().map(str::to_string)
    };
    for c in list(routing, "escalations") {
        let (Some(high), Some(owner)) = (c["acknowledge_seconds"].as_u64(), c["owner"].as_str())
        else {
            continue;
        };
        let low = match c["acknowledge_working_days"].as_u64() {
            Some(days) => days * shortest_day(facts, c["calendar"].as_str()),
            None => high,
        };
        // Only an owner whose team keeps hours of its own is handed over.
        let Some(team) = team_of(owner).filter(|t| {
            (list(routing, "teams").iter()).any(|x| x["id"] == t.as_str() && !x["hours"].is_null())
        }) else {
            continue;
        };
        let id = default_name(s(&c["complaint"]));
        for (seg, ch) in facts.tasks() {
            let filed = list(c, "segments").iter().any(|x| x == seg);
            if !filed || !facts.offered(seg, ch) {
                continue;
            }
            let task = facts.task(seg, ch, Some(&id));
            let start = Moment { day: 0, minute: 0 };
            let Some(placed) = twilio::route(workflow, &task, start, 0, &|_: &str| false) else {
                continue;
            };
            let Some(filter) = placed.filter else {
                continue;
            };
            let filter = &list(&workflow["task_routing"], "filters")[filter];
            // The owner's step is followed by the waiting queue of all
            // (no `skip_if`); an ordinary overflow step by another queue
            // tried in turn (with one), as a complaint routed the ordinary
            // way is.
            let targets = list(filter, "targets");
            let first = &targets[0];
            if targets.get(1).is_none_or(|next| !next["skip_if"].is_null()) {
                continue;
            }
            let owners = facts.members(s(&first["queue"])).into_iter().all(|q| {
                (facts.queues().iter()).any(|x| x["id"] == q && x["team"] == team.as_str())
            });
            let (Some(wait), false) = (first["timeout"].as_u64(), first["skip_if"].is_null())
            else {
                continue;
            };
            if !owners {
                continue;
            }
            // A first offer that would outlive the task is half the
            // task's lifetime (invariant 5 keeps the steps inside it).
            let half = |target: u64| (target / 2).max(1).min((facts.lifetime / 2).max(1));
            assert!(
                (half(low)..=half(high)).contains(&wait),
                "{what}: complaint `{id}` of {seg} on {ch} is offered to its owner's queue for {wait} s, not half its acknowledgement ({low}–{high} s)"
            );
        }
    }
}

fn hubs(ack: &str) -> String {
    format!(
        r#"service "Hubs" {{ language en }}
calendar always {{ open 24x7 }}
calendar office {{ timezone "Europe/Madrid"; open mon-fri 09:00-18:00 }}
calendar day_mad {{ timezone "Europe/Madrid"; open mon-sun 10:00-24:00 }}
calendar night_lis {{ timezone "Europe/Lisbon"; open mon-sun 22:00-24:00, 00:00-10:00 }}
team hub_mad {{ lead sup_mad; hours day_mad }}
team hub_lis {{ lead sup_lis; hours night_lis }}
role sup_mad {{ team hub_mad; headcount 2; duty "Lead" }}
role sup_lis {{ team hub_lis; headcount 2; duty "Lead" }}
role agent_mad {{ team hub_mad; reports_to sup_mad; headcount 20; duty "Chat" }}
role agent_lis {{ team hub_lis; reports_to sup_lis; headcount 10; duty "Chat" }}
channel chat {{ kind chat; hours always; owner hub_mad }}
segment plus {{ tier 1; channels chat }}
sla plus_sla for plus {{ hours always; answer chat 90% within 60s }}
queue chat_mad {{ channel chat; team hub_mad; priority 1 }}
queue chat_lis {{ channel chat; team hub_lis; priority 1 }}
complaint missing {{ owner hub_mad; hours office; acknowledge within {ack}; resolve within 10wd
  remedy apologize, refund; feedback required }}
"#
    )
}

/// The Madrid hub's queue is offered a complaint first: acknowledged in
/// `2wd` on 9-hour office days, for 9 hours (half the 18 hours `2wd` can
/// leave at least), as `18h` gives — with an `inexact-export` that says
/// so; before, half the longest wall-clock time `2wd` can last (days).
/// Written `18h`: the same, with nothing to say.
#[test]
fn a_working_day_acknowledgement_sets_the_owners_first_offer() {
    let config = Some("rules:\n  missing-agreement: off\n");
    let first_offer = |built: &Built| -> u64 {
        let filters = list(&built.workflow["task_routing"], "filters");
        let filter = filters
            .iter()
            .find(|f| s(&f["expression"]).contains("complaint == 'missing'"))
            .unwrap_or_else(|| panic!("no complaint filter: {}", built.workflow));
        let first = &list(filter, "targets")[0];
        assert!(!first["skip_if"].is_null(), "{filter}");
        first["timeout"].as_u64().unwrap()
    };
    let flat = |built: &Built| built.stderr.replace("\n  │ ", " ");
    let (_w, days) = build_text(&hubs("2wd"), config);
    let (_w, hours) = build_text(&hubs("18h"), config);
    assert_eq!(first_offer(&days), 9 * 3600, "{}", days.workflow);
    assert_eq!(first_offer(&hours), first_offer(&days));
    assert!(flat(&days).contains("`2wd` counts as"), "{}", flat(&days));
    assert!(
        !flat(&hours).contains("counts no working days"),
        "{}",
        flat(&hours)
    );
    for (built, what) in [(&days, "2wd"), (&hours, "18h")] {
        invariants::check(built, what);
    }
}
