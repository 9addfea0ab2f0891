//! Queues reserved for better tiers (audit 16, M2): a segment with no queue
//! of its own on a channel is offered the queues there open to its tier —
//! a queue without `segments`, or one that names a segment of its tier or
//! a worse one — and a queue whose segments are all of a better tier only
//! where there is no such queue, with an `inexact-export` naming both.

use super::*;

/// What TaskRouter does with the task, with nobody missing: the first
/// TaskQueue it enters and every one it can reach in turn.
fn reached(built: &Built, segment: &str, channel: &str) -> (String, Vec<String>) {
    let facts = invariants::Facts::new(built);
    let task = facts.task(segment, channel, None);
    let now = Moment {
        day: 0,
        minute: 600,
    };
    let mut empty: Vec<String> = Vec::new();
    while let Some(p) = twilio::route(&built.workflow, &task, now, 0, &|x: &str| {
        empty.iter().any(|e| e == x)
    }) {
        if empty.contains(&p.queue) {
            break;
        }
        empty.push(p.queue);
    }
    let first = empty.first().cloned().expect("routed");
    let members = empty
        .iter()
        .flat_map(|sid| facts.members(sid))
        .map(str::to_string)
        .collect();
    (first, members)
}

/// Учиверсум: corporate clients (tier 2) and authors (tier 3) have no chat
/// queue; the chat is public to them (students list it). Before the fix
/// their chats went to `премиум_чат` (`segments премиум`) first.
#[test]
fn corporate_and_author_chats_skip_the_premium_curators() {
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("tests/specs/uchiversum"), out.path());
    let facts = invariants::Facts::new(&built);
    let curators = facts.sid_of("премиум_чат");
    for segment in ["корпоративные", "авторы"] {
        let (first, members) = reached(&built, segment, "чат");
        assert_ne!(
            first, curators,
            "{segment}'s chat is offered to the curators first"
        );
        assert!(
            !members.iter().any(|m| m == "премиум_чат"),
            "{segment}'s chat reaches the curators: {members:?}"
        );
        // The shared city queues take it.
        assert!(
            members.iter().any(|m| m == "чат_мск"),
            "{segment}: {members:?}"
        );
    }
    // Premium's own chat still starts with the curators.
    assert_eq!(reached(&built, "премиум", "чат").0, curators);
    // The chat has queues open to both: nothing to say.
    assert!(!built.inexact_names("премиум_чат"), "{}", built.stderr);
}

const ONLY_GOLD: &str = r#"
service "Shop" { language en }
calendar always "Always" { open 24x7 }
team desk "Desk" { lead desk_lead }
role desk_lead "Desk lead" { team desk; duty "Lead" }
segment gold "Gold" { tier 1; channels chat }
segment silver "Silver" { tier 2; channels phone }
segment bronze "Bronze" { tier 3; channels chat }
channel chat "Chat" { kind chat; hours always; owner desk }
channel phone "Phone" { kind phone; hours always; owner desk }
sla all "All" for gold, silver, bronze { hours always; answer chat 80% within 60s; answer phone 80% within 30s }
queue gold_chat "Gold chat" { channel chat; segments gold; team desk }
queue phone_q "Phone" { channel phone; team desk }
"#;

/// A chat only a Gold queue answers: Bronze, who lists it, and Silver, who
/// reaches it because Bronze lists it, still land there (no other queue
/// would), and the build names the queue and each segment.
#[test]
fn a_queue_for_better_tiers_only_is_named_when_it_takes_the_others() {
    let (_w, built) = build_text(ONLY_GOLD, Some("rules:\n  mixed-tier-queue: off\n"));
    let facts = invariants::Facts::new(&built);
    for segment in ["bronze", "silver"] {
        assert_eq!(
            reached(&built, segment, "chat").0,
            facts.sid_of("gold_chat")
        );
        let named = built
            .stderr
            .replace("\n  │ ", " ")
            .split("inexact-export")
            .any(|d| {
                d.contains("better tiers only")
                    && d.contains(&format!("`{segment}`"))
                    && d.contains("`gold_chat`")
            });
        assert!(named, "{segment}: {}", built.stderr);
    }
    // Gold's own queue, and the phone queue without `segments`: silent.
    assert!(!built.inexact_names("gold"), "{}", built.stderr);
    assert!(!built.inexact_names("phone_q"), "{}", built.stderr);
    invariants::check(&built, "a chat only a Gold queue answers");
}
