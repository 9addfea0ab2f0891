//! Audit 9 (D1): a follow-the-sun operation — the SaaS spec of
//! tests/specs/saas, one queue per hub (Sydney, Dublin, Austin) and channel —
//! with each hub's workers available only during its own hours (its
//! calendar, which the spec cannot attach to a queue, given here), evaluated
//! by the TaskRouter evaluator over time. The invariant: a task is never
//! left waiting in a queue whose team is off shift while another queue of
//! its filter that serves its segment has a worker at work — it may sit in
//! a queue only for that target's timeout, then it waits where any of its
//! queues' workers takes it.

use super::after_hours::Staffing;
use super::invariants::{self, Facts};
use super::twilio::{self, Moment};
use super::{build, manifest};
use jiff::{SignedDuration, Timestamp};

const HUBS: [(&str, &str); 3] = [
    ("support_apac", "sydney"),
    ("support_emea", "dublin"),
    ("support_amer", "austin"),
];

fn moment(at: Timestamp) -> Moment {
    let utc = at.to_zoned(jiff::tz::TimeZone::UTC);
    Moment {
        day: utc.weekday().to_monday_zero_offset() as usize,
        minute: u32::from(utc.hour() as u8) * 60 + u32::from(utc.minute() as u8),
    }
}

#[test]
fn a_task_waits_for_whichever_hub_is_on_shift() {
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("tests/specs/saas"), out.path());
    invariants::check(&built, "saas");
    let facts = Facts::new(&built);
    let staffing = Staffing::new(&built.routing, &built.queues).with_team_hours(&HUBS);
    let team = |queue: &str| {
        facts
            .queues()
            .iter()
            .find(|q| q["id"] == queue)
            .and_then(|q| q["team"].as_str())
    };
    // Every half hour of a November week and of the Christmas week.
    let starts: Vec<Timestamp> = ["2026-11-09T00:00:00Z", "2026-12-21T00:00:00Z"]
        .iter()
        .flat_map(|s| {
            let monday: Timestamp = s.parse().unwrap();
            (0..7 * 48).map(move |i| monday + SignedDuration::from_secs(i * 1800))
        })
        .collect();
    let mut waits = 0;
    for (seg, ch) in facts.tasks() {
        let serving = facts.serving(seg, ch);
        if serving.len() < 2 {
            continue;
        }
        let task = facts.task(seg, ch, None);
        for &created in &starts {
            let now = moment(created);
            let at = |secs: u64| created + SignedDuration::from_secs(secs as i64);
            let empty = |queue: &str, secs: u64| !staffing.available(queue, at(secs));
            for age in (0..facts.lifetime).step_by(1800) {
                let Some(placed) = twilio::route_when(&built.workflow, &task, now, age, &empty)
                else {
                    panic!("{seg} on {ch} created {created} is dropped after {age} s");
                };
                let t = at(age);
                let on_shift: Vec<&str> = serving
                    .iter()
                    .copied()
                    .filter(|q| staffing.team_available(team(q), t))
                    .collect();
                if on_shift.is_empty() || staffing.available(&placed.queue, t) {
                    continue;
                }
                // Off shift while another serving queue is on: only for the
                // rest of a target's timeout, never for good.
                assert!(
                    !placed.last,
                    "{seg} on {ch} created {created}: after {age} s it waits for good in {} \
                     (nobody at work) while {on_shift:?} is",
                    placed.queue
                );
                waits += 1;
            }
        }
    }
    // The hubs' hours do leave tasks in a closed hub's queue for a while.
    assert!(waits > 0, "no task ever met a closed hub's queue");
}

/// The audit's repro: a Premier ticket at Tue 10 Nov 10:00Z, Dublin's
/// engineers logged in but busy for 90 minutes. It used to wait in the
/// Sydney queue until Sydney opened at 21:00Z; it now waits, after its
/// turns, where Dublin's engineers take it when they are free.
#[test]
fn audit9_d1_a_premier_ticket_is_not_parked_in_sydney() {
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("tests/specs/saas"), out.path());
    let facts = Facts::new(&built);
    let staffing = Staffing::new(&built.routing, &built.queues).with_team_hours(&HUBS);
    let created: Timestamp = "2026-11-10T10:00:00Z".parse().unwrap();
    let task = facts.task("premier", "tickets", None);
    let at = |secs: u64| created + SignedDuration::from_secs(secs as i64);
    let empty = |queue: &str, secs: u64| !staffing.available(queue, at(secs));
    let waiting =
        twilio::route_when(&built.workflow, &task, moment(created), 5400, &empty).expect("routed");
    assert!(waiting.last, "{waiting:?}");
    let members = &staffing.members[waiting.queue.as_str()];
    for hub in ["tickets_syd", "tickets_dub", "tickets_aus"] {
        assert!(members.contains(&hub), "{hub} cannot take it: {members:?}");
    }
    // Dublin is at work at 11:30Z, so the waiting queue has people then.
    assert!(staffing.available(&waiting.queue, at(5400)));
    assert!(!staffing.available(&facts.sid_of("tickets_syd"), at(5400)));
}

/// Audit 9, D3: a Premier e-mail that support tags P3 keeps Premier's
/// 30-minute first reply and 3-working-day resolution (the stricter of the
/// rule's 4 h / 5wd and the tier's SLA), a P4 tag too; a Self-serve ticket
/// tagged P3 gets the rule's own 4 hours, stricter than its SLA.
#[test]
fn a_complaint_ticket_keeps_its_tiers_stricter_targets() {
    use super::zendesk::{applies, Ticket};
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("tests/specs/saas"), out.path());
    let ticket = |segment: &str, complaint: &str| Ticket {
        tags: vec![segment.into(), format!("complaint_{complaint}")],
        organization: None,
        via: 4,
        priority: "normal",
        marks: vec![],
    };
    let plain = applies(
        &built.policies,
        &Ticket {
            tags: vec!["premier".into()],
            organization: None,
            via: 4,
            priority: "normal",
            marks: vec![],
        },
    )
    .unwrap();
    assert_eq!(plain.first_reply.unwrap().seconds, 30 * 60);
    for rule in ["p3_issue", "p4_question"] {
        let got = applies(&built.policies, &ticket("premier", rule)).unwrap();
        assert_eq!(got.first_reply, plain.first_reply, "{rule}: {}", got.title);
        assert_eq!(got.resolution, plain.resolution, "{rule}: {}", got.title);
    }
    let own = applies(&built.policies, &ticket("selfserve", "p3_issue")).unwrap();
    assert_eq!(own.first_reply.unwrap().seconds, 4 * 3600, "{}", own.title);
}
