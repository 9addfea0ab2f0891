//! A complaint rule's deadline on the wall clock (a legal one: 10 calendar
//! days to answer a refund claim, ЗоЗПП ст. 22) beside an SLA's target in
//! business time on the same tickets (audit 16, M6): where neither always
//! ends first, the policy keeps the rule's calendar minutes, so Zendesk
//! never shows a ticket on time after the law's deadline has passed.

use super::zendesk::{applies, due, Ticket};
use super::*;
use jiff::civil::{date, DateTime};

const SPEC: &str = r#"
service "School" { language en }
calendar legal "Calendar days" { timezone "Europe/Moscow"; open 24x7 }
calendar office "Refunds desk" {
  timezone "Europe/Moscow"
  open mon-fri 09:00-18:00
  closed 2026-12-31, 2027-01-01, 2027-01-04, 2027-01-05, 2027-01-06, 2027-01-07, 2027-01-08
}
team refunds "Refunds" { lead head }
role head "Head of refunds" { team refunds; duty "Answers refund claims" }
segment students "Students" { tier 1; channels form }
channel form "Refund form" { kind portal; hours office; owner refunds }
sla refund_sla "Refund claims" for students { hours office; first_response form within 2wd; resolution form within 5wd }
complaint refund "Refund refused" { segments students; owner head; hours legal; acknowledge within 1d; resolve within 10d }
"#;

fn ticket() -> Ticket {
    Ticket {
        tags: vec!["students".into(), "complaint_refund".into()],
        organization: None,
        via: 0,
        priority: "normal",
        marks: Vec::new(),
    }
}

#[test]
fn a_legal_ten_day_deadline_is_never_exported_later_than_the_law() {
    let (_w, built) = build_text(SPEC, None);
    let applied = applies(&built.policies, &ticket()).expect("a complaint policy");
    let resolution = applied.resolution.expect("a resolution target");
    // A claim on 30 December, before the New Year closure; one on a
    // Saturday; one on an ordinary Wednesday morning.
    let starts: [DateTime; 3] = [
        date(2026, 12, 30).at(10, 0, 0, 0),
        date(2027, 2, 6).at(11, 0, 0, 0),
        date(2027, 2, 10).at(9, 0, 0, 0),
    ];
    for start in starts {
        let law = start + jiff::SignedDuration::from_hours(240);
        let due = due(&built.schedules, &applied.title, start, resolution);
        assert!(
            due <= law,
            "a claim of {start} falls due in Zendesk at {due}, after the law's {law} ({resolution:?} by “{}”)",
            applied.title
        );
    }
    // Exactly the law's: 14 400 calendar minutes.
    assert_eq!(resolution.seconds, 10 * 86_400);
    assert!(!resolution.business_hours);
    // The first reply keeps its own clock: the rule's day, in calendar
    // minutes, beside the resolution.
    let reply = applied.first_reply.expect("a first reply target");
    assert!(!reply.business_hours, "{reply:?}");
    // The export says what the tickets lose: the SLA's 5 working days are
    // not held where they would end first.
    let said = built.stderr.replace("\n  │ ", " ");
    assert!(
        said.contains("complaint rule `refund` gives 10 days on its clock")
            && said.contains("holds the rule's 10 days in calendar minutes, exactly"),
        "{said}"
    );
    // The parenthesis explains the SLA's range, not the rule's exact days.
    assert!(said.contains("the rule's exactly 10 days, so"), "{said}");
}
