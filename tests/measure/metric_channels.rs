//! An SLA's `target` lines (csat, nps, ces, abandonment, asa) have no
//! channel: they govern the channels the guide's one rule gives them
//! (`Model::sla_governs`), as a `resolution within 1wd` does — the channels
//! their SLA names and those no other SLA of the segment names (audit 12,
//! H1: the phone line's survey answers were counted against the e-mail
//! SLA's `target csat`).

use super::measure_in;

const SPEC: &str = r#"calendar always { open 24x7 }
team t { lead l }
role l { team t; duty "lead" }
role a { team t; reports_to l; duty "answer" }
channel phone { kind phone; hours always; owner t }
channel email { kind email; hours always; owner t }
channel chat { kind chat; hours always; owner t }
segment s { channels phone, email, chat }
sla phone_sla for s { hours always; answer phone 80% within 20s }
sla mail_sla for s { hours always; first_response email within 1h; target csat >= 80% }
"#;

/// Two unhappy phone callers, two happy e-mail writers.
const CONTACTS: &str = "\
id,segment,channel,created,answered,first_response,csat
1,s,phone,2026-10-01T10:00:00Z,2026-10-01T10:00:05Z,,1
2,s,phone,2026-10-01T11:00:00Z,2026-10-01T11:00:05Z,,1
3,s,email,2026-10-01T10:00:00Z,,2026-10-01T10:10:00Z,5
4,s,email,2026-10-01T11:00:00Z,,2026-10-01T11:10:00Z,5
";

/// The figure of `mail_sla`'s csat (value, n) and whether `target-missed`
/// was reported.
fn csat(contacts: &str) -> ((f64, u64), bool) {
    let (found, measured) = measure_in(SPEC, contacts, "case,journey,step,entered\n");
    let metrics = measured["metrics"].as_array().unwrap();
    assert_eq!(metrics.len(), 1, "{metrics:#?}");
    let m = &metrics[0];
    assert_eq!(
        (m["sla"].as_str(), m["metric"].as_str()),
        (Some("mail_sla"), Some("csat"))
    );
    let figure = (m["value"].as_f64().unwrap(), m["n"].as_u64().unwrap());
    (figure, found.iter().any(|f| f.ends_with("target-missed")))
}

/// The phone line belongs to `phone_sla`: its answers are not the e-mail
/// SLA's, whose target is met (100% over 2), with no finding.
#[test]
fn a_channel_another_sla_names_is_not_counted_against_a_target_without_a_channel() {
    assert_eq!(csat(CONTACTS), ((100.0, 2), false));
}

/// Chat is named by no SLA of the segment: the target without a channel
/// governs it, so two unhappy chats miss it (50% over 4).
#[test]
fn a_channel_no_sla_names_is_counted_against_it() {
    let chats = "\
5,s,chat,2026-10-01T10:00:00Z,,,1
6,s,chat,2026-10-01T11:00:00Z,,,2
";
    assert_eq!(csat(&format!("{CONTACTS}{chats}")), ((50.0, 4), true));
}
