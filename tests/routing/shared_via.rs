//! Two channels through one Zendesk via id (audit 13, H2): Stackwise's
//! support portal and its Severity-1 "production down" form are both web
//! forms (via_id 0). Zendesk applies the first policy that matches a
//! ticket, so which policy comes first decides which target a ticket gets.

use super::zendesk::{applies, Target, Ticket};
use super::{build_copy, invariants};

/// An Enterprise ticket through via_id 0, of ticket form `form` if any.
fn enterprise(form: Option<u64>) -> Ticket {
    Ticket {
        tags: vec!["enterprise".into()],
        organization: None,
        via: 0,
        priority: "urgent",
        marks: form
            .map(|f| ("ticket_form_id".to_string(), f))
            .into_iter()
            .collect(),
    }
}

/// The contract's Severity-1 targets: 15 minutes and 8 hours, 24x7.
const SEV1: (Target, Target) = (
    Target {
        seconds: 15 * 60,
        business_hours: false,
    },
    Target {
        seconds: 8 * 3600,
        business_hours: false,
    },
);

/// Told apart by the form's id in cxc.yaml, a Severity-1 ticket gets 15
/// minutes 24x7 and a portal ticket the portal's hour of business time.
#[test]
fn a_ticket_form_tells_the_severity_1_form_from_the_portal() {
    let config = "exports:\n  zendesk:\n    ticket_forms:\n      sev1_form: [360001234567]\n";
    let (_w, built) = build_copy("tests/specs/stackwise", config);
    invariants::check(&built, "stackwise, the Severity-1 form told apart");
    let sev1 = applies(&built.policies, &enterprise(Some(360001234567))).unwrap();
    assert_eq!(
        (sev1.first_reply, sev1.resolution),
        (Some(SEV1.0), Some(SEV1.1)),
        "{}",
        sev1.title
    );
    let portal = applies(&built.policies, &enterprise(None)).unwrap();
    assert_eq!(
        portal.first_reply,
        Some(Target {
            seconds: 3600,
            business_hours: true
        }),
        "{}",
        portal.title
    );
    // Nothing left to say about the two.
    assert!(
        !built.stderr.contains("`portal` and of channel `sev1_form`"),
        "{}",
        built.stderr
    );
}

/// Not told apart, the sooner targets win: every via_id 0 ticket of an
/// Enterprise customer gets the Severity-1 form's 15 minutes (none gets
/// less than it may be owed), and the finding says whose targets are lost
/// and suggests the form's id — or the API's via id 5, never a messenger's.
#[test]
fn without_a_mark_the_sooner_target_wins_and_the_finding_says_whose_is_lost() {
    let (_w, built) = build_copy("tests/specs/stackwise", "");
    invariants::check(&built, "stackwise");
    let applied = applies(&built.policies, &enterprise(None)).unwrap();
    assert_eq!(
        (applied.first_reply, applied.resolution),
        (Some(SEV1.0), Some(SEV1.1)),
        "{}",
        applied.title
    );
    let text = built
        .stderr
        .replace("\n  │ ", " ")
        .replace("\n        ", " ");
    let finding = text
        .split("inexact-export")
        .find(|d| d.contains("`portal` and of channel `sev1_form`"))
        .unwrap_or_else(|| panic!("{}", built.stderr));
    assert!(
        finding.contains("channel `sev1_form`'s, takes both")
            && finding.contains("`portal`'s own targets (first reply 1 hour"),
        "{finding}"
    );
    assert!(
        finding.contains("`sev1_form: [360001234567]`") && finding.contains("`sev1_form: [5]`"),
        "{finding}"
    );
    // The title names only the SLA whose targets the policy carries.
    assert!(
        applied
            .title
            .starts_with("Enterprise Severity 1 — 24x7 (contract) — Enterprise"),
        "{}",
        applied.title
    );
}
