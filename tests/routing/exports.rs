//! What an export cannot say is said at its line; lines closed longer than
//! a task lives; working-day rungs; overflow timeouts; the audits' routing
//! faults (audit 3, 4, 5).

use super::*;
use faults::SHARED;

#[test]
fn what_an_export_cannot_say_is_said_at_its_line() {
    let spec = SHARED.to_string()
        + "channel mail \"Mail\" { kind email; hours always; owner support }\n\
           channel letters \"Letters\" { kind email; hours always; owner support }\n\
           segment bronze \"Bronze\" { tier 3; channels phone, mail, letters }\n\
           sla bronze_sla \"Bronze\" for bronze { hours always; first_response mail within 1h; first_response letters within 2h }\n\
           queue post \"Post\" { channel mail; segments gold }\n";
    let (_w, built) = build_text(&spec, Some("rules:\n  mixed-tier-queue: off\n"));
    // Bronze calls go to a phone queue of other segments, at bronze's priority.
    let now = Moment { day: 0, minute: 0 };
    let call = serde_json::json!({"channel": "phone", "segment": "bronze"});
    let placed = twilio::route(&built.workflow, &call, now, 0, &|_| false).unwrap();
    assert!(
        placed.queue.starts_with("SET-ME-queue-sid-for-"),
        "{placed:?}"
    );
    assert!(
        built
            .stderr
            .contains("no queue on channel `phone` is open to the tier of segment `bronze`"),
        "{}",
        built.stderr
    );
    // A queue without a team takes every worker, and says so.
    let post = built
        .queues
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["queue"] == "post")
        .unwrap();
    assert_eq!(post["target_workers"], "1 == 1");
    assert!(built.inexact_names("post"), "{}", built.stderr);
    // Bronze writes through two e-mail channels that share via_id 4: the
    // first policy naming it takes both, and Zendesk cannot tell them apart.
    assert!(
        built.stderr.contains("both arrive through via_id 4"),
        "{}",
        built.stderr
    );
    invariants::check(&built, "what an export cannot say");
    // Two segments, each writing through one of them: each policy names
    // via_id 4 for its own segment's tag, and no ticket takes the other's
    // (audit 6, F14: the insurer's Polish e-mail beside the UK's).
    let apart = SHARED.to_string()
        + "channel mail \"Mail\" { kind email; hours always; owner support }\n\
           channel letters \"Letters\" { kind email; hours always; owner support }\n\
           segment bronze \"Bronze\" { tier 3; channels mail }\n\
           segment copper \"Copper\" { tier 4; channels letters }\n\
           sla bronze_sla \"Bronze\" for bronze { hours always; first_response mail within 1h }\n\
           sla copper_sla \"Copper\" for copper { hours always; first_response letters within 2h }\n\
           queue post \"Post\" { channel mail; team support }\n\
           queue letters_q \"Letters\" { channel letters; team support }\n";
    let (_w, built) = build_text(&apart, Some("rules:\n  mixed-tier-queue: off\n"));
    assert!(!built.stderr.contains("via_id 4"), "{}", built.stderr);
    invariants::check(&built, "two e-mail channels for two segments");
}

/// The audit's Far East line (audit 2, A7; a chat line here, since a
/// phone line is told what matters for a call instead, audit 15, L5): open Mon–Fri 09–19 and Sat
/// 10–16, so closed from Saturday 16:00 to Monday 09:00, 41 hours. A task
/// created at the closing waits in its queue, and TaskRouter cancels it
/// after the task `Timeout` (24 h by default) — before the line opens. The
/// build says so at the channel's `hours`, with the closure and the
/// `Timeout` needed; a `task_timeout` that covers it (with the complaint
/// ladder) is quiet, a holiday next to the weekend lengthens the closure.
#[test]
fn a_line_closed_longer_than_the_task_timeout_is_said() {
    let spec = r#"service "Far East" { language en }
calendar far_east { timezone "Asia/Vladivostok"; open mon-fri 09:00-19:00; open sat 10:00-16:00 }
team t { lead l }
role l { team t; duty "Lead" }
channel phone_dv { kind chat; hours far_east; owner t }
segment mass { channels phone_dv }
sla s for mass { hours far_east; answer phone_dv 80% within 1m }
queue q { channel phone_dv; team t; agents 3; forecast 10 per 30m; aht 4m }
complaint late { segments mass; owner t; hours far_east; acknowledge within 1h; resolve within 2d; escalate after 4h to l }
"#;
    // The diagnostics as one line of words (the terminal wraps them).
    let flat = |b: &Built| {
        let words = b.stderr.split_whitespace().filter(|w| *w != "│");
        words.collect::<Vec<_>>().join(" ")
    };
    let (_w, default) = build_text(spec, None);
    let text = flat(&default);
    assert!(default.inexact_names("phone_dv"), "{}", default.stderr);
    assert!(
        text.contains(
            "closed for up to 1 day 17 hours, from Sat 16:00 to Mon 09:00 on the clock of `far_east` (Vladivostok time)"
        ),
        "{text}"
    );
    // 41 h of closure and the 4 h rung: 162,000 s.
    assert!(text.contains("task_timeout: 162000"), "{text}");
    let covered = "exports:\n  taskrouter:\n    task_timeout: 162000\n";
    let (_w, long) = build_text(spec, Some(covered));
    assert!(!long.inexact_names("phone_dv"), "{}", long.stderr);
    // A task that outlives the closure is there when the line opens, even
    // if its ladder's timeouts passed while it was closed (audit 6, F5).
    let outlives = "exports:\n  taskrouter:\n    task_timeout: 150000\n";
    let (_w, outlived) = build_text(spec, Some(outlives));
    assert!(!outlived.inexact_names("phone_dv"), "{}", outlived.stderr);
    // Monday 2026-11-09 a holiday: Saturday 16:00 to Tuesday 09:00, 65 h.
    let holiday = spec.replace(
        "open sat 10:00-16:00",
        "open sat 10:00-16:00; closed 2026-11-09",
    );
    let (_w, longer) = build_text(&holiday, Some(covered));
    let text = flat(&longer);
    assert!(
        text.contains("from 2026-11-07 16:00 to 2026-11-10 09:00 on the clock of `far_east`"),
        "{text}"
    );
    assert!(text.contains("task_timeout: 248400"), "{text}");
}

/// Audit 12, L3: the Nepal line closes for a week of Dashain, but its
/// waiting queue takes Bengaluru's overflow team too, and Bengaluru's
/// operators (who own the India line) work through it: no task is lost,
/// and nothing is said. When Bengaluru closes on the same days, the
/// closure that counts is the stretch when neither centre works, said with
/// the queues whose teams are away.
#[test]
fn an_overflow_team_at_work_covers_a_closure() {
    let spec = r#"service "Treks" { language en }
calendar ktm { timezone "Asia/Kathmandu"; open sun-fri 09:00-18:00; closed 2026-10-17, 2026-10-18, 2026-10-19, 2026-10-20, 2026-10-21, 2026-10-22 }
calendar blr { timezone "Asia/Kolkata"; open mon-sun 08:00-20:00 }
team kt { lead kl }
role kl { team kt; duty "Lead" }
role ka { team kt; duty "Answer" }
team bt { lead bl }
role bl { team bt; duty "Lead" }
role ba { team bt; duty "Answer" }
channel phone_np { kind phone; hours ktm; owner kt }
channel phone_in { kind phone; hours blr; owner bt }
segment std { tier 1; channels phone_np, phone_in }
sla s for std { hours ktm; answer phone_np 80% within 1m }
queue np { channel phone_np; segments std; priority 1; team kt }
queue np_over { channel phone_np; segments std; priority 2; team bt }
queue india { channel phone_in; segments std; team bt }
"#;
    let flat = |b: &Built| {
        let words = b.stderr.split_whitespace().filter(|w| *w != "│");
        words.collect::<Vec<_>>().join(" ")
    };
    let (_w, covered) = build_text(spec, None);
    assert!(!covered.inexact_names("phone_np"), "{}", covered.stderr);
    assert!(
        !flat(&covered).contains("is at work for up to"),
        "{}",
        covered.stderr
    );
    invariants::check(&covered, "overflow team at work through the closure");
    // Without the overflow queue the Nepal line's own week is said.
    let alone = spec.replace(
        "queue np_over { channel phone_np; segments std; priority 2; team bt }\n",
        "",
    );
    let (_w, alone) = build_text(&alone, None);
    assert!(
        flat(&alone)
            .contains("channel `phone_np` is closed for up to 6 days 15 hours, from 2026-10-16 18:00 to 2026-10-23 09:00 on the clock of `ktm`"),
        "{}",
        alone.stderr
    );
    // Bengaluru closed on the same days: neither centre works from
    // Friday 16 October 20:00 IST (20:15 in Kathmandu) to Friday 23
    // October 08:00 IST (08:15 in Kathmandu), told on Kathmandu's clock.
    let both = spec.replace(
        "open mon-sun 08:00-20:00 }",
        "open mon-sun 08:00-20:00; closed 2026-10-17, 2026-10-18, 2026-10-19, 2026-10-20, 2026-10-21, 2026-10-22 }",
    );
    let (_w, both) = build_text(&both, None);
    let text = flat(&both);
    assert!(both.inexact_names("phone_np"), "{}", both.stderr);
    assert!(
        text.contains("no team of the queues a task on channel `phone_np` reaches (np, np_over) is at work for up to 6 days 12 hours, from 2026-10-16 20:15 to 2026-10-23 08:15 on the clock of `ktm`"),
        "{text}"
    );
}

/// Audit 3, finding 4: TaskRouter timeouts run on the wall clock. A rung
/// `after 2wd` on Mon–Fri 09–18 waits the longest wall-clock time its
/// deadline can last (a request made as Thursday begins is due on Monday at
/// 18:00: 4 days 18 hours), never less than the deadline; the warning says
/// it escalates late, not early, and by how much at most (3 days: a request
/// made as Monday ends is due on Wednesday at 18:00). A rung in business
/// hours gets the business-hours warning. A complaint whose owner's team has
/// no queue is not in the workflow, and no timer warning is said for it.
#[test]
fn only_exported_rungs_are_warned_and_a_working_day_rung_never_fires_early() {
    let spec = r#"service "Rent" { language en }
calendar office "Office" { timezone "UTC"; open mon-fri 09:00-18:00 }
team desk "Desk" { lead head }
role head "Head" { team desk; duty "Lead" }
role agent "Agent" { team desk; duty "Serve" }
role senior "Senior" { team desk; duty "Help" }
team back "Back office" { lead back_head }
role back_head "Back head" { team back; duty "Lead" }
segment all "All" { tier 1; channels email }
channel email "E-mail" { kind email; hours office; owner desk }
sla base "Base" for all { hours office; first_response email within 1h }
queue line "Line" { channel email; segments all; team desk }
complaint kept "Kept" { segments all; owner agent; hours office; acknowledge within 1h; resolve within 3wd; escalate after 4h to senior; escalate after 2wd to head; feedback required }
complaint away "Away" { segments all; owner back; hours office; acknowledge within 1h; resolve within 9wd; escalate after 3h to back_head; escalate after 5wd to head; feedback required }
"#;
    let config = "exports:\n  taskrouter:\n    task_timeout: 2592000\n";
    let (_w, built) = build_text(spec, Some(config));
    let text = built
        .stderr
        .split_whitespace()
        .filter(|w| *w != "│")
        .collect::<Vec<_>>()
        .join(" ");
    // `kept`: with the agent for 4 hours, then the senior until the 2wd
    // rung, then the head.
    let task = serde_json::json!({"channel": "email", "segment": "all", "complaint": "kept"});
    let now = Moment { day: 0, minute: 0 };
    let at = |age| twilio::route(&built.workflow, &task, now, age, &|_| false).unwrap();
    assert_eq!(
        at(4 * 3600 - 1).worker_expression.as_deref(),
        Some("worker.roles HAS 'agent'")
    );
    assert_eq!(
        at(114 * 3600 - 1).worker_expression.as_deref(),
        Some("worker.roles HAS 'senior'")
    );
    assert_eq!(
        at(114 * 3600).worker_expression.as_deref(),
        Some("worker.roles HAS 'head'")
    );
    let wall = 114 * 3600;
    let targets = &built.workflow["task_routing"]["filters"][0]["targets"];
    assert_eq!(targets[1]["timeout"], wall - 4 * 3600, "{targets}");
    assert!(
        text.contains(
            "`2wd` goes out as 4 days 18 hours, the longest wall-clock time its deadline can last"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "a request made later escalates after its deadline has passed, by up to 3 days"
        ),
        "{text}"
    );
    assert!(
        text.contains("complaint rule `kept` escalates after business hours"),
        "{text}"
    );
    assert!(!text.contains("TaskRouter counts running time"), "{text}");
    // `away` is not in the workflow: no filter, no TaskRouter timer warning
    // (Zendesk, which does take it, still says what its `9wd` becomes).
    // Its owner's team has no queue: routed as the segment's other tasks at
    // its priority (audit 9, D2), with no rung of its ladder.
    let workflow = built.workflow.to_string();
    assert!(!workflow.contains("back_head"), "{workflow}");
    assert!(
        text.contains("Zendesk counts running time, not working days: `9wd`"),
        "{text}"
    );
    assert!(!text.contains("not in working days: `5wd`"), "{text}");
    assert!(
        !text.contains("complaint rule `away` escalates after business hours"),
        "{text}"
    );
}

/// A dedicated e-mail queue before the shared one holds a task at most its
/// first-response target (there is no answer target on e-mail), not the
/// task's whole lifetime while the shared queue has people (audit 4,
/// MEDIUM 5).
#[test]
fn an_email_task_overflows_within_half_its_first_response_target() {
    let spec = r#"service "Mail" { language en }
team desk "Desk" { lead head }
role head "Head" { team desk; duty "Lead" }
team relations "Guest relations" { lead gr_head }
role gr_head "GR head" { team relations; duty "Lead" }
segment vip "VIP" { tier 1; channels email }
segment all "All" { tier 2; channels email }
channel email "E-mail" { kind email; owner desk }
sla vip_sla "VIP" for vip { first_response email within 2h }
sla base "Base" for all { first_response email within 8h }
queue vip_mail "VIP mail" { channel email; segments vip; team relations; priority 1 }
queue mail "Mail" { channel email; team desk; priority 2 }
"#;
    let (_w, built) = build_text(spec, None);
    let task = serde_json::json!({"channel": "email", "segment": "vip"});
    let now = Moment { day: 0, minute: 0 };
    let at = |age| twilio::route(&built.workflow, &task, now, age, &|_| false).unwrap();
    // Two queues, 2 hours: half an hour each, both together from an hour
    // on (audit 11, L13), while the reply can still be on time.
    let vip_mail = at(0).queue;
    assert_eq!(vip_mail, "SET-ME-queue-sid-for-vip_mail");
    assert_eq!(at(1799).queue, vip_mail);
    assert_eq!(at(1800).queue, "SET-ME-queue-sid-for-mail");
    let last = at(3600);
    assert!(
        last.last,
        "not waiting in both after an hour: {}",
        last.queue
    );
    assert_eq!(last.queue, "SET-ME-queue-sid-for-vip_mail_mail");
}

/// Audit 5, F1: the bank's e-mail channel closes at 21:00 Moscow time and
/// three teams take e-mail (the contact centre, written complaints,
/// disputes). An e-mail written at 22:00 on a Monday used to skip every
/// empty queue and stay in the disputes team's, the last target; it waits
/// in the contact centre's e-mail queue, its own, and the complaints and
/// disputes teams never hold a night's mail. The same at every hour of the
/// week, by the staffing the spec gives (the contact centre works around
/// the clock on 8-800, the others office hours).
#[test]
fn audit5_f1_a_night_email_waits_in_its_own_queue() {
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("tests/specs/bank"), out.path());
    let staffing = after_hours::Staffing::new(&built.routing, &built.queues);
    let mail = serde_json::json!({"channel": "почта", "segment": "массовый"});
    let own = "SET-ME-queue-sid-for-q_почта";
    // Monday 2027-01-11 22:00 Moscow = 19:00 UTC.
    let monday_22 = Moment {
        day: 0,
        minute: 19 * 60,
    };
    let created: jiff::Timestamp = "2027-01-11T19:00:00Z".parse().unwrap();
    let at = |secs: u64| created + jiff::SignedDuration::from_secs(secs as i64);
    let empty = |q: &str, secs: u64| !staffing.available(q, at(secs));
    // Nobody in the complaints or disputes teams at night.
    for team_queue in ["q_жалобы", "q_диспуты"] {
        let sid = format!("SET-ME-queue-sid-for-{team_queue}");
        assert!(!staffing.available(&sid, created), "{team_queue}");
    }
    // Its own queue first; after its turn, the waiting queue of the
    // filter's queues (audit 9, D1), which the contact centre, at work all
    // night, takes from: never the complaints or disputes team's queue alone.
    let waiting = |queue: &str| {
        staffing
            .members
            .get(queue)
            .is_some_and(|m| m.len() > 1 && m.contains(&"q_почта"))
    };
    assert_eq!(
        twilio::route_when(&built.workflow, &mail, monday_22, 0, &empty)
            .unwrap()
            .queue,
        own
    );
    for age in [3600, 28_800, 40_000, 86_399] {
        let placed = twilio::route_when(&built.workflow, &mail, monday_22, age, &empty).unwrap();
        assert!(
            placed.queue == own || waiting(&placed.queue),
            "after {age} s: {}",
            placed.queue
        );
        assert!(staffing.available(&placed.queue, at(age)), "after {age} s");
    }
    // Nobody anywhere: the waiting queue, not the last team's queue.
    let placed = twilio::route_when(&built.workflow, &mail, monday_22, 86_399, &|_, _| true);
    assert!(waiting(&placed.unwrap().queue));
}

/// A channel a role owns is answered by that role's people: its TaskQueue
/// admits a worker of the team with that role and no other worker of the
/// team, nor that role's name in another team. A channel whose owner is a
/// role of another team is answered by the queue's team, as the job
/// descriptions and `headcount-short` read it.
#[test]
fn a_role_owned_channels_queue_admits_only_that_role() {
    let spec = "calendar always { open 24x7 }\n\
        team reservations { lead res_head }\n\
        team desk {}\n\
        role res_head { team reservations; duty \"Leads\" }\n\
        role res_supervisor { team reservations; reports_to res_head; headcount 4; duty \"Answers the Platinum line\" }\n\
        role res_agent { team reservations; reports_to res_head; headcount 110; duty \"Answers\" }\n\
        role clerk { team desk; headcount 5; duty \"Answers\" }\n\
        channel plat_line { kind phone; hours always; owner res_supervisor }\n\
        channel phone { kind phone; hours always; owner reservations }\n\
        segment platinum { channels plat_line, phone }\n\
        sla plat_sla for platinum { answer plat_line 90% within 20s; answer phone 80% within 60s }\n\
        queue plat_q { channel plat_line; segments platinum; team reservations; agents 7 }\n\
        queue phone_q { channel phone; segments platinum; team reservations; agents 7 }\n\
        queue desk_q { channel plat_line; segments platinum; team desk; agents 2 }\n";
    let (_dir, built) = build_text(spec, None);
    let workers = |queue: &str| {
        let q = built
            .queues
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["queue"] == queue)
            .unwrap_or_else(|| panic!("{queue} in {}", built.queues));
        twilio::parse(q["target_workers"].as_str().unwrap()).unwrap()
    };
    let now = Moment {
        day: 0,
        minute: 600,
    };
    let admits = |queue: &str, team: &str, role: &str| {
        let worker = serde_json::json!({"team": team, "roles": [role]});
        twilio::holds(&workers(queue), &worker, now, &Value::Null)
    };
    assert!(admits("plat_q", "reservations", "res_supervisor"));
    assert!(!admits("plat_q", "reservations", "res_agent"));
    assert!(!admits("plat_q", "reservations", "res_head"));
    assert!(!admits("plat_q", "desk", "res_supervisor"));
    // A channel the team owns: every worker of the team.
    assert!(admits("phone_q", "reservations", "res_agent"));
    assert!(admits("phone_q", "reservations", "res_supervisor"));
    // The owner role is of another team: the queue's team answers.
    assert!(admits("desk_q", "desk", "clerk"));
    assert!(!admits("desk_q", "reservations", "res_supervisor"));
}

/// Audit 6, F5: the insurer's lines close for at most 4 days 12 hours
/// (Christmas) and its tasks live 10 days: no task is cancelled before a
/// line opens, so no closure warning — before, a 2wd rung of a complaint
/// whose team has no queue (so not in the workflow) was added to the
/// closure and the build said tasks die before the line opens.
#[test]
fn audit6_f5_no_closure_warning_for_a_line_that_opens_within_the_task_lifetime() {
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("tests/specs/insurer"), out.path());
    let words = built.stderr.split_whitespace().filter(|w| *w != "│");
    let text = words.collect::<Vec<_>>().join(" ");
    assert!(!text.contains("a task created at the closing"), "{text}");
    // The complaint whose team has no queue is still reported.
    assert!(text.contains("uk_summary"), "{text}");
}

/// Audit 12, M3: a Gold member who dials the Australian line, which Gold
/// does not list (its members have their own line), is identified as Gold
/// by the IVR and reaches the Australian queue (at Standard's priority since audit 15, M1), not the
/// fallback queue nobody staffs; nothing is said, since the spec offers
/// the line to standard travellers only. Gold's own line keeps its queue.
/// A segment that lists a line no queue serves still goes to the fallback,
/// with its warning.
#[test]
fn audit12_m3_a_gold_member_on_the_public_line_is_answered_there() {
    let spec = r#"service "Travel" { language en }
team au "Adelaide" { lead au_head }
role au_head "Head" { team au; duty "Lead" }
role au_agent "Agent" { team au; reports_to au_head; duty "Answer" }
channel phone_au "Australia line" { kind phone; owner au }
channel gold_line "Gold line" { kind phone; owner au }
channel post "Letters" { kind email; owner au }
segment gold "Gold" { tier 1; channels gold_line }
segment standard "Standard" { tier 2; channels phone_au, post }
queue au_phone "Australia phone" { channel phone_au; segments standard; team au }
queue gold_q "Gold" { channel gold_line; segments gold; team au }
sla gold_sla "Gold" for gold { answer gold_line 90% within 20s; resolution within 1d }
sla standard_sla "Standard" for standard { answer phone_au 80% within 60s; resolution within 3d }
"#;
    let (_w, built) = build_text(spec, None);
    invariants::check(&built, "audit 12 M3");
    let now = Moment { day: 0, minute: 0 };
    let route = |segment: &str, channel: &str| {
        let task = serde_json::json!({"channel": channel, "segment": segment});
        twilio::route(&built.workflow, &task, now, 0, &|_| false).unwrap()
    };
    let gold = route("gold", "phone_au");
    let standard = route("standard", "phone_au");
    assert_eq!(gold.queue, standard.queue, "{}", built.stderr);
    // Answered there, but never ahead of the line's own customers
    // (audit 15, M1: tiers rank the segments that list a channel).
    assert!(gold.priority <= standard.priority, "{gold:?} {standard:?}");
    assert_ne!(route("gold", "gold_line").queue, gold.queue);
    assert!(!built.inexact_names("gold"), "{}", built.stderr);
    assert!(built.inexact_names("post"), "{}", built.stderr);
}

/// Audit 11, M1: the ISP's Ekaterinburg and Novosibirsk phone queues serve
/// private customers on one 8-800 number at one priority: peers. A
/// Novosibirsk caller at 07:30 NSK (00:30 UTC, Monday) is offered at once
/// to either city's operators — never held in Ekaterinburg's queue first —
/// and the spec keeps every invariant.
#[test]
fn audit11_m1_peer_city_queues_take_a_call_together() {
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("tests/specs/isp"), out.path());
    let facts = invariants::Facts::new(&built);
    let call = facts.task("частные", "телефон", None);
    let at_0730_nsk = Moment { day: 0, minute: 30 };
    let placed = twilio::route(&built.workflow, &call, at_0730_nsk, 0, &|_| false).unwrap();
    let mut members = facts.members(&placed.queue);
    members.sort_unstable();
    assert_eq!(members, ["тел_екб", "тел_нск"], "{}", placed.queue);
    assert!(placed.last, "the call moves on from {}", placed.queue);
    let queue = built
        .queues
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["sid"] == placed.queue.as_str())
        .unwrap();
    let workers = queue["target_workers"].as_str().unwrap();
    for worker in [
        serde_json::json!({"team": "кц_нск", "roles": ["оператор_нск"]}),
        serde_json::json!({"team": "кц_екб", "roles": ["оператор_екб"]}),
    ] {
        assert!(
            twilio::admits(workers, None, &worker),
            "{worker} in {workers}"
        );
    }
    invariants::check(&built, "isp");
}

/// The workflow does not grow with the segments that reach a live line
/// they do not list (the growth audit 12's M3 fix brought): segments of one
/// tier share one filter per channel, whether they list it or not, so the
/// ordinary filters stay within channels × tiers however many segments
/// there are — 4 here with 1 Gold segment or 6. A line is public to the
/// tiers above those that list it (Gold members dial the Standard chat);
/// a Standard customer on the Gold phone line is not taken into its queue
/// (audit 13, M2), so that line has one filter, Gold's.
#[test]
fn unlisted_segments_of_a_tier_share_one_filter_per_channel() {
    let spec = |extra: usize| {
        let mut spec = r#"service "Shop" { language en }
calendar office { timezone "UTC"; open mon-fri 09:00-18:00 }
team t { lead l }
role l { team t; duty "Lead" }
channel phone { kind phone; hours office; owner t }
channel chat { kind messenger; hours office; owner t }
segment vip { tier 1; channels phone }
segment std { tier 2; channels chat }
sla sv for vip { hours office; answer phone 80% within 1m }
sla ss for std { hours office; answer chat 80% within 2m }
queue vq { channel phone; segments vip; team t }
queue cq { channel chat; segments std; team t }
"#
        .to_string();
        for i in 0..extra {
            spec += &format!(
                "segment extra{i} {{ tier 1; channels phone }}\n\
                 sla se{i} for extra{i} {{ hours office; answer phone 80% within 1m }}\n"
            );
        }
        spec
    };
    let filters = |b: &Built| {
        b.workflow["task_routing"]["filters"]
            .as_array()
            .unwrap()
            .len()
    };
    let (_w, one) = build_text(&spec(0), None);
    let (_w, six) = build_text(&spec(5), None);
    // Gold on phone; Gold and Standard on chat, in one filter: on the
    // chat Gold waits at Standard's priority, never ahead of the chat's
    // own customers (audit 15, M1).
    assert_eq!(filters(&one), 2, "{}", one.workflow);
    assert_eq!(filters(&six), filters(&one), "{}", six.workflow);
    let now = Moment {
        day: 0,
        minute: 600,
    };
    // Every Gold segment writes in the Standard chat at Standard's
    // priority (5), in the one filter.
    for segment in ["vip", "extra0", "extra4"] {
        let call = serde_json::json!({"channel": "chat", "segment": segment});
        let placed = twilio::route(&six.workflow, &call, now, 0, &|_| false).unwrap();
        assert!(placed.queue.ends_with("cq"), "{segment}: {placed:?}");
        assert_eq!(placed.priority, 5, "{segment}: {placed:?}");
        assert!(placed.filter.is_some(), "{segment}: {placed:?}");
    }
    // A Standard customer on the Gold line meets the default filter.
    let call = serde_json::json!({"channel": "phone", "segment": "std"});
    let placed = twilio::route(&six.workflow, &call, now, 0, &|_| false).unwrap();
    assert!(placed.filter.is_none(), "{placed:?}");
    assert!(!placed.queue.ends_with("vq"), "{placed:?}");
    invariants::check(&one, "one gold segment");
    invariants::check(&six, "six gold segments");
}
