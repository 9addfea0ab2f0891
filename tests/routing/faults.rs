//! One regression test per fault of issue 24.

use super::*;

fn kitchen() -> (tempfile::TempDir, Built) {
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("examples/kitchen"), out.path());
    (out, built)
}

fn first_queue(built: &Built, task: Value, now: Moment) -> String {
    twilio::route(&built.workflow, &task, now, 0, &|_| false)
        .unwrap()
        .queue
}

#[test]
fn fault_1_a_premium_call_on_sunday_reaches_the_premium_line() {
    let (_out, built) = kitchen();
    let sunday = Moment {
        day: 6,
        minute: 10 * 60,
    };
    let call = serde_json::json!({"channel": "phone", "segment": "premium"});
    assert_eq!(
        first_queue(&built, call, sunday),
        "SET-ME-queue-sid-for-premium_line"
    );
}

#[test]
fn fault_2_a_key_accounts_chat_never_reaches_the_retail_line() {
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("examples/telecom"), out.path());
    let chat = serde_json::json!({"channel": "chat", "segment": "key"});
    let now = Moment {
        day: 0,
        minute: 600,
    };
    let queue = first_queue(&built, chat.clone(), now);
    assert_ne!(queue, "SET-ME-queue-sid-for-retail_line");
    assert_eq!(queue, "SET-ME-queue-sid-for-unrouted-tasks");
    assert!(built.inexact_names("chat"), "{}", built.stderr);
    // The default filter takes the same queue, never a tier's.
    assert_eq!(
        built.workflow["task_routing"]["default_filter"]["queue"],
        "SET-ME-queue-sid-for-unrouted-tasks"
    );
    let (_w, configured) = build_copy(
        "examples/telecom",
        "exports:\n  taskrouter:\n    fallback_queue: WQ0123456789abcdef0123456789abcdef\n",
    );
    assert_eq!(
        first_queue(
            &configured,
            serde_json::json!({"channel": "email", "segment": "key"}),
            now
        ),
        "WQ0123456789abcdef0123456789abcdef"
    );
}

pub(crate) const SHARED: &str = r#"
service "Shop" { language en }
calendar always "Always" { open 24x7 }
team support "Support" { lead lead }
role lead "Lead" { team support; duty "Lead" }
segment gold "Gold" { tier 1; channels phone }
segment silver "Silver" { tier 2; channels phone }
channel phone "Phone" { kind phone; hours always; owner support }
sla gold_sla "Gold" for gold { hours always; answer phone 80% within 20s }
sla silver_sla "Silver" for silver { hours always; answer phone 80% within 40s }
queue premium_shared "Premium shared" { channel phone; segments gold, silver; priority 1; team support }
queue gold_line "Gold line" { channel phone; segments gold; priority 2; team support }
queue silver_line "Silver line" { channel phone; segments silver; priority 3; team support }
complaint late "Late" { segments silver; owner support; hours always; acknowledge within 1h; resolve within 1d }
"#;

#[test]
fn fault_3_a_dedicated_queue_comes_before_the_shared_one() {
    let (_w, built) = build_text(SHARED, Some("rules:\n  mixed-tier-queue: off\n"));
    let now = Moment { day: 0, minute: 0 };
    let gold = serde_json::json!({"channel": "phone", "segment": "gold"});
    assert_eq!(
        first_queue(&built, gold.clone(), now),
        "SET-ME-queue-sid-for-gold_line"
    );
    // Overflow to the shared queue after its share of the 20 s answer
    // target, then both together by half of it (audit 11, L13).
    let at = |age| twilio::route(&built.workflow, &gold, now, age, &|_| false).unwrap();
    assert_eq!(at(4).queue, "SET-ME-queue-sid-for-gold_line");
    assert_eq!(at(5).queue, "SET-ME-queue-sid-for-premium_shared");
    assert_eq!(
        at(10).queue,
        "SET-ME-queue-sid-for-premium_shared_gold_line"
    );
    // At once when nobody in the gold line is available.
    let nobody = |q: &str| q.ends_with("gold_line");
    let at_once = twilio::route(&built.workflow, &gold, now, 0, &nobody).unwrap();
    assert_eq!(at_once.queue, "SET-ME-queue-sid-for-premium_shared");
    // A waiting gold customer never falls to the silver line, at any age.
    for age in [0, 19, 20, 600, 86_399] {
        let p = twilio::route(&built.workflow, &gold, now, age, &|_| false).unwrap();
        assert_ne!(p.queue, "SET-ME-queue-sid-for-silver_line", "after {age} s");
    }
}

#[test]
fn fault_4_a_complaint_takes_only_its_segments() {
    let (_w, built) = build_text(SHARED, Some("rules:\n  mixed-tier-queue: off\n"));
    let now = Moment { day: 0, minute: 0 };
    let gold = serde_json::json!({"channel": "phone", "segment": "gold", "complaint": "late"});
    let silver = serde_json::json!({"channel": "phone", "segment": "silver", "complaint": "late"});
    let gold_complaint = twilio::route(&built.workflow, &gold, now, 0, &|_| false).unwrap();
    let gold_call = twilio::route(
        &built.workflow,
        &serde_json::json!({"channel": "phone", "segment": "gold"}),
        now,
        0,
        &|_| false,
    )
    .unwrap();
    assert_eq!(
        gold_complaint, gold_call,
        "a gold task is no complaint of `late`"
    );
    assert_eq!(
        first_queue(&built, silver, now),
        "SET-ME-queue-sid-for-silver_line"
    );
}

#[test]
fn fault_5_a_better_tier_gets_a_higher_priority_in_a_shared_queue() {
    let (_w, built) = build_text(SHARED, Some("rules:\n  mixed-tier-queue: off\n"));
    let now = Moment { day: 0, minute: 0 };
    let in_shared = |segment: &str| {
        let task = serde_json::json!({"channel": "phone", "segment": segment});
        // The dedicated line has nobody: the task enters the shared queue
        // at once (its turn there ends after its answer target, audit 9).
        let shared = "SET-ME-queue-sid-for-premium_shared";
        let p = twilio::route(&built.workflow, &task, now, 0, &|q| q != shared).unwrap();
        assert_eq!(p.queue, shared);
        p.priority
    };
    assert!(in_shared("gold") > in_shared("silver"));
}

#[test]
fn fault_6_no_ladder_outlives_the_task_and_the_lifetime_is_written() {
    let (out, built) = kitchen();
    for filter in built.workflow["task_routing"]["filters"]
        .as_array()
        .unwrap()
    {
        let total: u64 = filter["targets"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|t| t["timeout"].as_u64())
            .sum();
        assert!(total < 86_400, "{filter}");
    }
    assert!(
        built.inexact_names("missed_appointment"),
        "{}",
        built.stderr
    );
    let yaml = std::fs::read_to_string(out.path().join("routing/routing.yaml")).unwrap();
    assert!(yaml.contains("\"task_timeout_seconds\": 86400"), "{yaml}");
    // A ladder whose rung is at one day: cut (and said) with the default
    // lifetime, kept for tasks created with a two-day Timeout.
    // (A chat line: on a phone line no `Timeout` is advised, audit 15, L5.)
    let spec = SHARED
        .replace(
            "resolve within 1d }",
            "resolve within 2d; escalate after 1d to lead }",
        )
        .replace("{ kind phone;", "{ kind chat;");
    let task = serde_json::json!({"channel": "phone", "segment": "silver", "complaint": "late"});
    let now = Moment { day: 0, minute: 0 };
    let rules = "rules:\n  mixed-tier-queue: off\n";
    let (_w, default) = build_text(&spec, Some(rules));
    assert!(default.inexact_names("late"), "{}", default.stderr);
    let (_w, longer) = build_text(
        &spec,
        Some(&format!(
            "{rules}exports:\n  taskrouter:\n    task_timeout: 172800\n"
        )),
    );
    let at_1d = twilio::route(&longer.workflow, &task, now, 86_400, &|_| false).unwrap();
    assert_eq!(
        at_1d.worker_expression.as_deref(),
        Some("worker.roles HAS 'lead'")
    );
    let filter = |b: &Built| {
        twilio::route(&b.workflow, &task, now, 0, &|_| false)
            .unwrap()
            .filter
            .unwrap()
    };
    let steps = |b: &Built| {
        b.workflow["task_routing"]["filters"][filter(b)]["targets"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(
        steps(&default),
        1,
        "the one-day rung is past the task's life"
    );
    assert_eq!(steps(&longer), 2, "the one-day rung fires within two days");
    // Audit 9, D7: the help suggests the lifetime the ladder needs, not a
    // fixed two days; with it the rung is kept and nothing is said.
    let text = default.stderr.replace("\n  │ ", " ");
    let needed: u64 = text
        .split("task_timeout: ")
        .skip(1)
        .filter_map(|t| t.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok())
        .next()
        .unwrap_or_else(|| panic!("no task_timeout suggested: {text}"));
    assert!(needed > 86_400, "{needed}");
    let (_w, suggested) = build_text(
        &spec,
        Some(&format!(
            "{rules}exports:\n  taskrouter:\n    task_timeout: {needed}\n"
        )),
    );
    assert_eq!(
        steps(&suggested),
        2,
        "the suggested {needed} s keeps the rung"
    );
    assert!(
        !suggested.stderr.contains("TaskRouter cancels a task after"),
        "{}",
        suggested.stderr
    );
}

#[test]
fn fault_7_taskqueues_are_exported_with_their_workers() {
    let (_out, built) = kitchen();
    // The spec's two queues; a waiting queue of both (its id joins theirs
    // with `+`, audit 9, D1) takes their ordinary workers only.
    let (queues, waiting): (Vec<&Value>, Vec<&Value>) = built
        .queues
        .as_array()
        .unwrap()
        .iter()
        .partition(|q| !q["queue"].as_str().unwrap().contains('+'));
    assert_eq!(queues.len(), 2);
    for w in waiting {
        let workers = w["target_workers"].as_str().unwrap();
        assert!(twilio::parse(workers).is_ok(), "{workers}");
        assert!(!workers.contains("support_lead"), "{workers}");
    }
    // The kitchen's agents own its phone, chat and e-mail: the queues on
    // them take the support team's agents, not its other roles — and its
    // lead, to whom the missed-appointment complaint escalates after 4 h
    // (audit 6, F1: before, that rung was offered to `support_lead` in a
    // queue that admitted agents only, so nobody could take it).
    for q in queues {
        assert_eq!(
            q["target_workers"],
            "team == 'support' AND (roles HAS 'agent' OR roles HAS 'support_lead')"
        );
        assert_eq!(q["task_order"], "FIFO");
        assert!(twilio::parse(q["target_workers"].as_str().unwrap()).is_ok());
    }
    // The lead takes the complaint's last rung, never an ordinary call.
    for filter in built.workflow["task_routing"]["filters"]
        .as_array()
        .unwrap()
    {
        let name = filter["filter_friendly_name"].as_str().unwrap();
        let targets = filter["targets"].as_array().unwrap();
        let on_a_line = |t: &&Value| t["queue"].as_str().unwrap().contains("_line");
        for t in targets.iter().filter(on_a_line) {
            // A complaint routed as an ordinary task (its owner's team has
            // no queue there, audit 9, D2) keeps the agents' expression.
            let ordinary = t["expression"] == "worker.roles HAS 'agent'";
            let expected =
                if name.starts_with("Complaint") && t.get("timeout").is_none() && !ordinary {
                    "worker.roles HAS 'support_lead'"
                } else if name.starts_with("Complaint") && !ordinary {
                    continue;
                } else {
                    "worker.roles HAS 'agent'"
                };
            assert_eq!(t["expression"], expected, "{name}");
        }
    }
}

#[test]
fn fault_8_messenger_tickets_arrive_by_messenger_not_sms() {
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("examples/telecom"), out.path());
    let ticket = |via| zendesk::Ticket {
        tags: vec!["retail".into()],
        organization: None,
        via,
        priority: "normal",
        marks: vec![],
    };
    // WhatsApp (74) and Zendesk messaging (75) get the messenger's 30 minutes.
    for via in [74, 75, 72, 78] {
        let applied = zendesk::applies(&built.policies, &ticket(via)).unwrap();
        assert_eq!(
            applied.first_reply.map(|t| t.seconds),
            Some(1800),
            "via {via}: {}",
            applied.title
        );
    }
    // A text message (37) is not the messenger.
    let sms = zendesk::applies(&built.policies, &ticket(37)).unwrap();
    assert_eq!(sms.first_reply, None, "{}", sms.title);
    // cxc.yaml sets a channel's via ids.
    let (_w, only) = build_copy(
        "examples/telecom",
        "exports:\n  zendesk:\n    via_ids:\n      messenger: [74]\n",
    );
    assert_eq!(
        zendesk::applies(&only.policies, &ticket(74))
            .unwrap()
            .first_reply
            .map(|t| t.seconds),
        Some(1800)
    );
    assert_eq!(
        zendesk::applies(&only.policies, &ticket(75))
            .unwrap()
            .first_reply,
        None
    );
}

#[test]
fn fault_9_policy_titles_are_unique_and_name_segment_and_channel() {
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("tests/specs/outside/vip-shop"), out.path());
    let titles: Vec<&str> = built
        .policies
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["sla_policy"]["title"].as_str().unwrap())
        .collect();
    let mut unique = titles.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), titles.len(), "{titles:?}");
    assert!(
        titles.contains(&"VIP — VIP — Social, via_id 30"),
        "{titles:?}"
    );
    assert!(titles.contains(&"Gold — Gold — E-mail"), "{titles:?}");
}

#[test]
fn the_new_export_settings_are_checked() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("spec");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("spec.cx"), SHARED).unwrap();
    std::fs::write(
        dir.join("cxc.yaml"),
        "exports:\n  taskrouter:\n    task_timeout: 0\n    fallback_queue: \"WQ1' OR '1\"\n  zendesk:\n    via_ids:\n      phone: [\"a\"]\n",
    )
    .unwrap();
    let output = cxc_in(
        work.path(),
        &["build", "spec", "-o", "out", "--target", "taskrouter"],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("`task_timeout` must be a whole number of seconds"),
        "{stderr}"
    );
    assert!(stderr.contains("fallback_queue"), "{stderr}");
    assert!(
        stderr.contains("the ids of `phone` under `via_ids`"),
        "{stderr}"
    );
    assert!(!work.path().join("out").exists());
}
