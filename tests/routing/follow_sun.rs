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
use super::invariants::{self, Built, Facts};
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
    let staffing = Staffing::new(&built.routing, &built.queues).with_team_hours(&HUBS);
    let waits = never_parked_while_another_is_open(&built, &staffing, "saas");
    // The hubs' hours do leave tasks in a closed hub's queue for a while.
    assert!(waits > 0, "no task ever met a closed hub's queue");
}

/// The same with the hours in the spec (cxc addition: `hours` on a team,
/// and on a queue over its team's): tests/follow_sun, three centres in
/// three zones sharing a 24x7 phone line and a 24x7 e-mail line, the
/// Singapore phone queue on a late shift of its own. The evaluator reads
/// who works when from routing.json alone.
#[test]
fn team_hours_in_the_spec_hand_the_task_to_whichever_centre_is_open() {
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("tests/follow_sun"), out.path());
    invariants::check(&built, "follow_sun");
    let staffing = Staffing::new(&built.routing, &built.queues);
    let facts = Facts::new(&built);
    // The hours are read: Singapore's phone queue works its late shift
    // (12:00-21:00 SGT), not the centre's 08:00-17:00, nor the 24x7 line's.
    let at = |s: &str| s.parse::<Timestamp>().unwrap();
    let (phone_sin, email_sin) = (facts.sid_of("phone_sin"), facts.sid_of("email_sin"));
    // Tue 2026-11-10 02:00Z is 10:00 in Singapore; 11:00Z is 19:00 there.
    assert!(!staffing.available(&phone_sin, at("2026-11-10T02:00:00Z")));
    assert!(staffing.available(&email_sin, at("2026-11-10T02:00:00Z")));
    assert!(staffing.available(&phone_sin, at("2026-11-10T11:00:00Z")));
    assert!(!staffing.available(&email_sin, at("2026-11-10T11:00:00Z")));
    // Saturday: nobody, though the line is open around the clock.
    assert!(!staffing.available(&facts.sid_of("phone_dub"), at("2026-11-14T12:00:00Z")));
    let waits = never_parked_while_another_is_open(&built, &staffing, "follow_sun");
    assert!(waits > 0, "no task ever met a closed centre's queue");
    // The weekend outlasts a day's task lifetime: the build says so, on
    // the centres' hours, not the line's (which never closes).
    assert!(
        built
            .stderr
            .contains("no team of the queues a task on channel `phone` reaches"),
        "{}",
        built.stderr
    );
}

/// Every ordinary task with two queues or more, created every half hour
/// of a November week and of the Christmas week and followed through its
/// lifetime: it is never left for good in a queue nobody works while
/// another queue that serves it is at work. Returns how often it sat in a
/// closed queue for the rest of a target's timeout.
fn never_parked_while_another_is_open(built: &Built, staffing: &Staffing, what: &str) -> usize {
    let facts = Facts::new(built);
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
                    panic!("{what}: {seg} on {ch} created {created} is dropped after {age} s");
                };
                let t = at(age);
                let on_shift: Vec<&str> = serving
                    .iter()
                    .copied()
                    .filter(|q| staffing.available(&facts.sid_of(q), t))
                    .collect();
                if on_shift.is_empty() || staffing.available(&placed.queue, t) {
                    continue;
                }
                // Off shift while another serving queue is on: only for the
                // rest of a target's timeout, never for good.
                assert!(
                    !placed.last,
                    "{what}: {seg} on {ch} created {created}: after {age} s it waits for good \
                     in {} (nobody at work) while {on_shift:?} is",
                    placed.queue
                );
                waits += 1;
            }
        }
    }
    waits
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

/// Audit 15, H1: a complaint owned by a hub that keeps hours of its own
/// (`hours` on the team) waited in that hub's queue until it came back —
/// 8.5 hours past a 15-minute acknowledgement — while another hub serving
/// the same customers on the same channel was at work. The auditor's
/// minimal spec (tests/complaint_hubs: Madrid by day, Lisbon by night) and
/// its whole spec (tests/specs/boltbites: three hubs), every half hour of
/// a week: before the first escalation (12 h in both), a complaint task is
/// never offered only to a queue nobody works once its first offer (half
/// the acknowledgement: 450 s) is over, while a queue that serves it is at
/// work.
/// The minimal spec again with the complaint owned by a role of the
/// Madrid hub (its agents), not the team: handed over the same way.
#[test]
fn a_complaint_raised_while_its_owners_hub_sleeps_reaches_the_hub_at_work() {
    // The same complaint owned by a role of the Madrid hub, its agents:
    // handed over as the team's is (route16).
    let role_owned = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(manifest("tests/complaint_hubs/h1.cx")).unwrap();
    let text = text.replace(
        "complaint missing { owner hub_mad;",
        "complaint missing { owner agent_mad;",
    );
    assert!(text.contains("owner agent_mad"));
    std::fs::write(role_owned.path().join("h1.cx"), text).unwrap();
    let role_spec = role_owned.path().to_str().unwrap().to_string();
    for (spec, complaint, segments) in [
        ("tests/complaint_hubs", "missing", &["plus"][..]),
        (role_spec.as_str(), "missing", &["plus"][..]),
        (
            "tests/specs/boltbites",
            "order_problem",
            &["diner_plus", "diner_regular", "diner_new"][..],
        ),
    ] {
        let out = tempfile::tempdir().unwrap();
        let built = build(&manifest(spec), out.path());
        let facts = Facts::new(&built);
        let staffing = Staffing::new(&built.routing, &built.queues);
        let monday: Timestamp = "2027-01-04T00:00:00Z".parse().unwrap();
        let mut handed = 0;
        for (seg, ch) in facts.tasks() {
            let serving = facts.serving(seg, ch);
            if !segments.contains(&seg) || serving.len() < 2 {
                continue;
            }
            let task = facts.task(seg, ch, Some(complaint));
            for created in (0..7 * 48).map(|i| monday + SignedDuration::from_secs(i * 1800)) {
                let at = |secs: u64| created + SignedDuration::from_secs(secs as i64);
                let empty = |queue: &str, secs: u64| !staffing.available(queue, at(secs));
                for age in (1800..12 * 3600).step_by(1800) {
                    let placed =
                        twilio::route_when(&built.workflow, &task, moment(created), age, &empty)
                            .unwrap_or_else(|| {
                                panic!("{spec}: {seg} on {ch} at {created} dropped")
                            });
                    let t = at(age);
                    let open: Vec<&str> = serving
                        .iter()
                        .copied()
                        .filter(|q| staffing.available(&facts.sid_of(q), t))
                        .collect();
                    if open.is_empty() {
                        continue;
                    }
                    assert!(
                        staffing.available(&placed.queue, t),
                        "{spec}: a `{complaint}` complaint of {seg} on {ch} raised at {created} \
                         waits after {age} s in {} (nobody at work) while {open:?} is",
                        placed.queue
                    );
                    handed += usize::from(!staffing.available(&facts.sid_of(serving[0]), t));
                }
            }
        }
        // The owner's hub does sleep while another works: the case is met.
        assert!(handed > 0, "{spec}: no complaint met a sleeping owner");
    }
}
