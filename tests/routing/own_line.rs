//! A line's own customers (audit 15): the segments a channel is offered to
//! are served there before the customers of other segments who reach it
//! because it is public.

use super::*;

/// Audit 15, M1: the couriers (no tier) list the rider hotline, the Plus
/// diners (tier 1) and regular diners (tier 2) only chat. A diner who dials
/// the rider hotline reaches its queue (the line is public), but before
/// this fix at the diner's tier priority (10, 5) above every waiting rider
/// (0).
#[test]
fn a_diner_on_the_rider_hotline_does_not_outrank_the_riders() {
    let spec = r#"
service "Bites" { language en }
calendar always "Always" { open 24x7 }
team riders "Rider care" { lead rider_lead }
role rider_lead "Rider lead" { team riders; duty "Lead" }
team desk "Diner desk" { lead desk_lead }
role desk_lead "Desk lead" { team desk; duty "Lead" }
segment plus "Plus" { tier 1; channels chat }
segment regular "Regular" { tier 2; channels chat }
segment courier "Courier" { channels rider_line }
channel chat "Chat" { kind chat; hours always; owner desk }
channel rider_line "Rider hotline" { kind phone; hours always; owner riders }
sla diners "Diners" for plus, regular { hours always; answer chat 80% within 60s }
sla riders_sla "Riders" for courier { hours always; answer rider_line 80% within 30s }
queue chat_q "Chat" { channel chat; team desk }
queue rider_q "Riders" { channel rider_line; team riders }
"#;
    let (_w, built) = build_text(spec, Some("rules:\n  mixed-tier-queue: off\n"));
    let now = Moment { day: 0, minute: 0 };
    let at = |segment: &str, channel: &str| {
        let task = serde_json::json!({"channel": channel, "segment": segment});
        twilio::route(&built.workflow, &task, now, 0, &|_| false).unwrap()
    };
    let rider = at("courier", "rider_line");
    assert_eq!(rider.queue, "SET-ME-queue-sid-for-rider_q");
    for diner in ["plus", "regular"] {
        let call = at(diner, "rider_line");
        // Still answered (the number is public), never ahead of a rider.
        assert_eq!(call.queue, rider.queue, "{diner}");
        assert!(
            call.priority <= rider.priority,
            "{diner} on the rider hotline has priority {}, riders {}",
            call.priority,
            rider.priority
        );
    }
    // On their own channel the tiers keep their order.
    assert!(at("plus", "chat").priority > at("regular", "chat").priority);
    invariants::check(&built, "a diner on the rider hotline");
}
