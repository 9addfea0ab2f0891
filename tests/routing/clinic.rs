//! Audit 10 (tests/specs/clinic, kept as the auditor wrote it): a private
//! clinic network whose 24/7 nurse line serves members, corporate-plan and
//! self-pay patients.
//!
//! * H1: with `order arrival` on the nurse line's queue (a copy of the spec
//!   with that one line added), every triage task waits at one priority
//!   whatever the patient's tier, a clinical incident above it by its
//!   severity; `mixed-tier-queue` is silent there; the booking lines keep
//!   their tier priorities; every routing invariant holds.
//! * M3: the clinical incident's TaskRouter ladder ends with the lead triage
//!   nurse (headcount 1) on the 24/7 line: `inexact-export` says so at the
//!   complaint; silent once the role has people enough for the hours.

use super::invariants::{self, Built};
use super::twilio::{self, Moment};
use super::{build, copy, manifest};
use serde_json::Value;

/// The clinic spec copied, with `edit` applied to one file's text.
fn clinic_with(file: &str, edit: impl Fn(&str) -> String) -> (tempfile::TempDir, Built) {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("spec");
    copy(&manifest("tests/specs/clinic"), &dir);
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = edit(&text);
    assert_ne!(edited, text, "the edit of {file} changed nothing");
    std::fs::write(&path, edited).unwrap();
    let built = build(&dir, &work.path().join("out"));
    (work, built)
}

const TRIAGE_QUEUE: &str = "queue triage_line \"Nurse advice line\" {\n";

/// The priority each segment's task on the nurse line gets when it is
/// created (`complaint`: as that complaint).
fn triage_priorities(built: &Built, complaint: Option<&str>) -> Vec<(String, u64)> {
    let facts = invariants::Facts::new(built);
    let now = Moment {
        day: 6,
        minute: 3 * 60,
    };
    ["members", "insured", "self_pay"]
        .iter()
        .map(|&seg| {
            let task = facts.task(seg, "triage", complaint);
            let placed = twilio::route(&built.workflow, &task, now, 0, &|_| false)
                .unwrap_or_else(|| panic!("{seg} on the nurse line is not routed"));
            assert_eq!(placed.queue, facts.sid_of("triage_line"), "{seg}");
            (seg.to_string(), placed.priority)
        })
        .collect()
}

fn mixed_tier_on_triage(built: &Built) -> bool {
    built
        .stderr
        .replace("\n  │ ", " ")
        .contains("queue `triage_line` serves segments of different tiers")
}

#[test]
fn the_nurse_line_serves_by_arrival_not_by_tier_nor_complaint() {
    let out = tempfile::tempdir().unwrap();
    let as_written = build(&manifest("tests/specs/clinic"), out.path());
    invariants::check(&as_written, "clinic");
    // As written: tier decides (the audit's 6 / 4 / 2 shape), and the
    // check pushes towards splitting the line by payment tier.
    let tiered = triage_priorities(&as_written, None);
    assert!(
        tiered[0].1 > tiered[1].1 && tiered[1].1 > tiered[2].1,
        "{tiered:?}"
    );
    assert!(mixed_tier_on_triage(&as_written));

    let (_work, built) = clinic_with("queues.cx", |t| {
        t.replace(TRIAGE_QUEUE, &format!("{TRIAGE_QUEUE}  order arrival\n"))
    });
    invariants::check(&built, "clinic with order arrival");
    let plain = triage_priorities(&built, None);
    let incident = triage_priorities(&built, Some("clinical_incident"));
    for ((seg, p), (_, c)) in plain.iter().zip(&incident) {
        assert_eq!(*p, plain[0].1, "{seg} waits at another priority: {plain:?}");
        // A complaint, even a critical one, waits its turn (audit 12, M2):
        // a caller with chest pain must not wait behind a complaint.
        assert_eq!(*c, *p, "{seg}'s clinical incident: {incident:?}");
    }
    assert!(!mixed_tier_on_triage(&built), "{}", built.stderr);
    // The booking line still serves by tier: the members' line above the
    // general line's self-pay callers, as before.
    let facts = invariants::Facts::new(&built);
    let first = |seg: &str| -> Value {
        let task = facts.task(seg, "booking_phone", None);
        let now = Moment {
            day: 0,
            minute: 10 * 60,
        };
        let p = twilio::route(&built.workflow, &task, now, 0, &|_| false).unwrap();
        serde_json::json!(p.priority)
    };
    assert!(first("members").as_u64() > first("self_pay").as_u64());
}

fn off_duty(built: &Built) -> bool {
    built.inexact_names_for("TaskRouter", "lead_triage_nurse")
        && built
            .stderr
            .replace("\n  │ ", " ")
            .contains("open longer in a week than they can work")
}

#[test]
fn a_one_person_owner_on_a_24x7_line_is_reported() {
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("tests/specs/clinic"), out.path());
    assert!(off_duty(&built), "{}", built.stderr);
    // Five people of 40 hours cover the 168-hour week: silent.
    let (_work, staffed) = clinic_with("teams.cx", |t| {
        t.replace(
            "role lead_triage_nurse \"Lead Triage Nurse\" {\n  team triage\n  reports_to medical_director\n  headcount 1\n",
            "role lead_triage_nurse \"Lead Triage Nurse\" {\n  team triage\n  reports_to medical_director\n  headcount 5\n",
        )
    });
    assert!(!off_duty(&staffed), "{}", staffed.stderr);
}

/// M3 on a spec of its own: the lead nurse alone at the end of the ladder
/// is reported; a rung after her, to a role whose people cover the hours,
/// is silent.
#[test]
fn a_ladder_that_goes_on_past_the_one_person_is_silent() {
    let spec = |ladder: &str| {
        format!(
            "calendar always {{ open 24x7 }}
team nurses {{ lead lead_nurse }}
team doctors {{ lead duty_doctor }}
role lead_nurse {{ team nurses; headcount 1; duty \"Lead the line\" }}
role nurse {{ team nurses; headcount 20; duty \"Triage\" }}
role duty_doctor {{ team doctors; headcount 6; duty \"Review incidents\" }}
channel line {{ kind phone; hours always; owner nurses }}
segment everyone {{ channels line }}
sla s for everyone {{ hours always; answer line 80% within 1m }}
queue nurses_q {{ channel line; team nurses }}
queue doctors_q {{ channel line; team doctors }}
complaint incident {{ severity critical; owner lead_nurse; hours always; acknowledge within 1h; resolve within 2d{ladder} }}
"
        )
    };
    let reported = |built: &Built| {
        built.inexact_names_for("TaskRouter", "lead_nurse")
            && built
                .stderr
                .replace("\n  │ ", " ")
                .contains("open longer in a week than they can work")
    };
    let (_a, alone) = super::build_text(&spec(""), None);
    assert!(reported(&alone), "{}", alone.stderr);
    invariants::check(&alone, "one lead nurse");
    let (_b, ladder) = super::build_text(&spec("; escalate after 2h to duty_doctor"), None);
    assert!(!reported(&ladder), "{}", ladder.stderr);
    assert!(
        !ladder.stderr.contains("duty_doctor` ("),
        "{}",
        ladder.stderr
    );
    invariants::check(&ladder, "a ladder past the lead nurse");
}
