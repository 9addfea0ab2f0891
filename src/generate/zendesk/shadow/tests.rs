//! [`super::reached`] against the listing of every ticket ([`super::oracle`]).

use super::{effort, oracle, reached, reset_effort};
use proptest::prelude::*;
use serde_json::{json, Value};

/// The policies the listing keeps, by number.
fn kept_by_listing(policies: &[Value]) -> Vec<bool> {
    let mut kept = policies.to_vec();
    let mut calendars: Vec<(String, Option<_>)> =
        (0..policies.len()).map(|i| (i.to_string(), None)).collect();
    oracle::unshadowed(&mut kept, &mut calendars);
    let left: Vec<usize> = calendars.iter().map(|c| c.0.parse().unwrap()).collect();
    (0..policies.len()).map(|i| left.contains(&i)).collect()
}

fn condition() -> impl Strategy<Value = Value> {
    let tag = (1..4usize, 0..16usize, 0..16usize, 0..16usize).prop_map(|(n, a, b, c)| {
        let words: Vec<String> = [a, b, c][..n].iter().map(|i| format!("t{i}")).collect();
        json!({"field": "current_tags", "operator": "includes", "value": words.join(" ")})
    });
    let field = (0..3usize, 0..4u64, any::<bool>()).prop_map(|(f, v, is)| {
        let field = ["via_id", "ticket_form_id", "brand_id"][f];
        json!({"field": field, "operator": if is { "is" } else { "is_not" }, "value": v})
    });
    let unknown = Just(json!({"field": "current_tags", "operator": "excludes", "value": "t1"}));
    prop_oneof![6 => tag, 6 => field, 1 => unknown]
}

fn policy() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(condition(), 0..4),
        prop::collection::vec(condition(), 0..4),
    )
        .prop_map(|(all, any)| json!({"sla_policy": {"filter": {"all": all, "any": any}}}))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    /// Attack 18: the smallest tickets of each policy decide as the listing
    /// of every ticket does, at up to three tags and at two (more than
    /// twelve tags named).
    #[test]
    fn the_smallest_tickets_decide_as_every_ticket_does(
        policies in prop::collection::vec(policy(), 0..12)
    ) {
        prop_assert_eq!(reached(&policies), kept_by_listing(&policies));
    }
}

/// A policy per segment tag, each with a phone and an e-mail one and a
/// catch-all, and one policy for all the segments: the shapes of the
/// attack's specs.
fn segment_policies(n: usize) -> Vec<Value> {
    let via = |v: u64| json!({"field": "via_id", "operator": "is", "value": v});
    let tag = |t: &str| json!({"field": "current_tags", "operator": "includes", "value": t});
    let policy = |all: Vec<Value>, any: Vec<Value>| json!({"sla_policy": {"filter": {"all": all, "any": any}}});
    let all: Vec<String> = (0..n).map(|i| format!("g{i}")).collect();
    let mut out = vec![policy(vec![tag("complaint_k")], vec![])];
    for g in &all {
        out.push(policy(vec![tag(g)], vec![via(34), via(33)]));
        out.push(policy(vec![tag(g), via(4)], vec![]));
        out.push(policy(vec![tag(g)], vec![]));
        out.push(policy(vec![tag(g), via(4)], vec![]));
    }
    out.push(policy(vec![tag(&all.join(" "))], vec![via(34), via(4)]));
    out.push(policy(vec![tag(&all.join(" "))], vec![]));
    out
}

/// Attack 18, finding 1: the work grows with the policies, not with their
/// square or cube (the listing tried some 2n² tickets on each of 4n
/// policies).
#[test]
fn the_work_grows_with_the_policies() {
    let work = |n: usize| {
        let policies = segment_policies(n);
        reset_effort();
        let kept = reached(&policies);
        // The repeated e-mail policy, and the two for every segment, are
        // reached by no ticket.
        assert_eq!(kept.iter().filter(|k| !**k).count(), n + 2);
        effort()
    };
    let (one, two, four) = (work(100), work(200), work(400));
    assert!(
        two <= one * 5 / 2 && four <= two * 5 / 2,
        "{one}, {two}, {four}"
    );
}

/// A small case stays as the listing decides it, and its work is counted.
#[test]
fn a_few_segments_decide_as_the_listing_does() {
    let policies = segment_policies(3);
    assert_eq!(reached(&policies), kept_by_listing(&policies));
}
