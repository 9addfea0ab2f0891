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

/// Audit 17, M3 (its repro `wa_priority`): Gold (tier 1) lists only the
/// phone, Silver (tier 2) the phone and WhatsApp. A Gold member's WhatsApp
/// message waits with Silver's (at most their priority), but a Gold
/// complaint there ranked at that ordinary priority too — below a Silver
/// complaint of the same severity. It now keeps its severity step: above
/// Gold's own ordinary message there, level with Silver's complaint, and
/// still below nothing Silver sends ordinarily on its own line.
#[test]
fn a_complaint_on_a_line_its_segment_does_not_list_keeps_its_severity() {
    let spec = r#"
service "T" { language en }
calendar always { timezone "Asia/Manila"; open 24x7 }
team t { lead boss }
role boss { team t; duty "x" }
role agent { team t; reports_to boss; headcount 20; duty "y" }
channel phone { kind phone; hours always; owner t }
channel wa "WhatsApp" { kind messenger; hours always; owner t }
segment gold { tier 1; share 10%; revenue 50%; channels phone }
segment silver { tier 2; share 90%; revenue 50%; channels phone, wa }
sla g for gold { hours always; answer phone 90% within 20s; resolution within 8h }
sla s for silver { hours always; answer phone 80% within 60s; first_response wa within 10m; resolution within 1d }
queue ph { channel phone; team t; agents 5 }
queue waq { channel wa; team t; agents 5 }
complaint reg "Regulated" { segments gold, silver; severity high; owner t; acknowledge within 1d; resolve within 5d }
"#;
    let (_w, built) = build_text(spec, Some("rules:\n  missing-agreement: off\n"));
    let now = Moment { day: 0, minute: 0 };
    let at = |segment: &str, channel: &str, complaint: Option<&str>| {
        let mut task = serde_json::json!({"channel": channel, "segment": segment});
        if let Some(c) = complaint {
            task["complaint"] = serde_json::json!(c);
        }
        twilio::route(&built.workflow, &task, now, 0, &|_| false)
            .unwrap()
            .priority
    };
    // Gold's message on WhatsApp waits with Silver's.
    assert_eq!(at("gold", "wa", None), at("silver", "wa", None));
    let gold = at("gold", "wa", Some("reg"));
    let silver = at("silver", "wa", Some("reg"));
    assert!(gold > at("gold", "wa", None), "gold's complaint {gold}");
    assert!(gold >= silver, "gold's complaint {gold}, silver's {silver}");
    // On the phone, which both list, the tiers keep their order.
    assert!(at("gold", "phone", Some("reg")) > at("silver", "phone", Some("reg")));
    assert!(at("silver", "phone", Some("reg")) < at("gold", "phone", None));
    invariants::check(&built, "a gold complaint on WhatsApp");
}
