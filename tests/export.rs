//! Exports to real systems: Zendesk SLA policies and a TaskRouter workflow,
//! validated against JSON Schemas written from the vendors' documentation;
//! `cxc graph`.

mod common;

use common::{cxc, cxc_in, stdout, TODAY};
use serde_json::Value;
use std::path::Path;

const SPEC: &str = r#"
service "Shop" { language en }
calendar office "Office" { timezone "Europe/Moscow"; open mon-fri 09:00-18:00 }
calendar berlin "Berlin office" { timezone "Europe/Berlin"; open mon-fri 09:00-17:00 }
calendar always "Always" { open 24x7 }
team support "Support" { lead lead }
role lead "Head of support" { team support; duty "Lead" }
segment key-accounts "Key accounts" { tier 1; channels phone, email, chat }
segment mass "Everyone else" { tier 2; channels phone, email }
channel phone "Phone" { kind phone; hours office; owner support }
channel chat "Chat" { kind chat; hours berlin; owner support }
channel email "E-mail" { kind email; owner support }
sla mass_sla "Mass" for mass { hours always; answer phone 80% within 60s; first_response email within 4h; resolution within 3d }
sla key_sla "Key" for key-accounts { hours office; answer phone 90% within 20s; answer chat 90% within 1m; first_response email within 90s; resolution within 8h }
queue mass-line "Mass line" { channel phone; segments mass; priority 2; team support }
queue key-line "Key line" { channel phone; segments key-accounts; priority 1; team support }
queue key-chat "Key chat" { channel chat; segments key-accounts; priority 1; team support }
complaint broken "Broken item" {
  severity critical
  owner support
  hours office
  acknowledge within 30m
  resolve within 2d
  escalate after 1d to lead
  feedback required
}
"#;

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Builds `spec` (plus an optional cxc.yaml) with `args`; returns the exit
/// code, stderr and the output folder.
fn export(
    spec: &str,
    config: Option<&str>,
    args: &[&str],
) -> (Option<i32>, String, tempfile::TempDir) {
    let work = tempfile::tempdir().unwrap();
    write(work.path(), "spec/shop.cx", spec);
    if let Some(config) = config {
        write(work.path(), "spec/cxc.yaml", config);
    }
    let mut all = vec![
        "build",
        "spec",
        "-o",
        "out",
        "--target",
        "zendesk,taskrouter",
    ];
    all.extend_from_slice(args);
    let output = cxc_in(work.path(), &all);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code(), stderr, work)
}

fn read(dir: &Path, file: &str) -> Value {
    let text = std::fs::read_to_string(dir.join("out").join(file)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn validator(schema: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/schemas")
            .join(schema),
    )
    .unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).expect("schema compiles")
}

fn errors(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn shipped_examples_export_valid_zendesk_and_taskrouter_config() {
    let zendesk = validator("zendesk-sla-policies.schema.json");
    let taskrouter = validator("taskrouter-workflow.schema.json");
    for example in ["kitchen", "telecom", "dry-cleaner-ru"] {
        let out = tempfile::tempdir().unwrap();
        let dir = out.path().to_str().unwrap();
        let output = cxc(&[
            "build",
            &format!("examples/{example}"),
            "-o",
            dir,
            "--today",
            TODAY,
            "--target",
            "zendesk,taskrouter",
        ]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let policies: Value = serde_json::from_slice(
            &std::fs::read(out.path().join("routing/zendesk-sla-policies.json")).unwrap(),
        )
        .unwrap();
        assert_eq!(
            errors(&zendesk, &policies),
            Vec::<String>::new(),
            "{example}"
        );
        assert!(!policies.as_array().unwrap().is_empty());
        let workflow: Value = serde_json::from_slice(
            &std::fs::read(out.path().join("routing/taskrouter-workflow.json")).unwrap(),
        )
        .unwrap();
        assert_eq!(
            errors(&taskrouter, &workflow),
            Vec::<String>::new(),
            "{example}"
        );
        let schedules: Value = serde_json::from_slice(
            &std::fs::read(out.path().join("routing/zendesk-schedules.json")).unwrap(),
        )
        .unwrap();
        assert_eq!(
            errors(&validator("zendesk-schedules.schema.json"), &schedules),
            Vec::<String>::new(),
            "{example}"
        );
    }
}

#[test]
fn the_schemas_reject_what_the_vendors_would() {
    let zendesk = validator("zendesk-sla-policies.schema.json");
    let bad = serde_json::json!([{"sla_policy": {"title": "x", "filter": {"all": [], "any": []},
        "policy_metrics": [{"priority": "medium", "metric": "first_reply_time", "target": 1.5, "business_hours": false}]}}]);
    assert_eq!(
        errors(&zendesk, &bad).len(),
        2,
        "{:?}",
        errors(&zendesk, &bad)
    );
    let taskrouter = validator("taskrouter-workflow.schema.json");
    let bad =
        serde_json::json!({"task_routing": {"filters": [{"expression": "1 == 1", "targets": []}]}});
    assert_eq!(
        errors(&taskrouter, &bad).len(),
        2,
        "{:?}",
        errors(&taskrouter, &bad)
    );
}

/// A Zendesk ticket, as the SLA policies see it.
struct Ticket<'a> {
    tags: &'a [&'a str],
    via: u64,
    priority: &'a str,
    organization: Option<u64>,
}

/// What Zendesk does with a ticket: the first policy whose filter matches
/// applies; returns its title and the ticket's target in seconds for
/// `metric` at its priority (`None`: the policy sets none).
fn zendesk_applies(
    policies: &Value,
    ticket: &Ticket,
    metric: &str,
) -> Option<(String, Option<u64>)> {
    let holds = |c: &Value| -> bool {
        let field = c["field"].as_str().unwrap();
        match (field, c["operator"].as_str().unwrap()) {
            // "includes" on tags: the ticket has at least one of them.
            ("current_tags", "includes") => c["value"]
                .as_str()
                .unwrap()
                .split(' ')
                .any(|t| ticket.tags.contains(&t)),
            ("via_id", "is") => c["value"].as_u64() == Some(ticket.via),
            ("organization_id", "is") => c["value"].as_u64() == ticket.organization,
            other => panic!("a condition Zendesk has no such field/operator for: {other:?}"),
        }
    };
    for p in policies.as_array().unwrap() {
        let p = &p["sla_policy"];
        let all = p["filter"]["all"].as_array().unwrap();
        let any = p["filter"]["any"].as_array().unwrap();
        if all.iter().all(holds) && (any.is_empty() || any.iter().any(holds)) {
            let target = p["policy_metrics"]
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m["priority"] == ticket.priority && m["metric"] == metric);
            let seconds = target.map(|m| {
                m["target_in_seconds"]
                    .as_u64()
                    .unwrap_or_else(|| m["target"].as_u64().unwrap() * 60)
            });
            return Some((p["title"].as_str().unwrap().to_string(), seconds));
        }
    }
    None
}

const EMAIL: u64 = 4;
const CHAT: u64 = 29;
const PHONE: u64 = 34;

#[test]
fn zendesk_gives_each_channel_its_own_target() {
    let (code, stderr, work) = export(SPEC, None, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let policies = read(work.path(), "routing/zendesk-sla-policies.json");
    assert_eq!(
        errors(&validator("zendesk-sla-policies.schema.json"), &policies),
        Vec::<String>::new()
    );
    let ticket = |tags, via, priority| Ticket {
        tags,
        via,
        priority,
        organization: None,
    };
    // Mass e-mail gets the e-mail target (4 h), not the phone figure.
    assert_eq!(
        zendesk_applies(
            &policies,
            &ticket(&["mass"], EMAIL, "normal"),
            "first_reply_time"
        ),
        Some(("Mass — E-mail".into(), Some(4 * 3600)))
    );
    // 90 seconds is carried exactly, in seconds.
    assert_eq!(
        zendesk_applies(
            &policies,
            &ticket(&["key_accounts"], EMAIL, "low"),
            "first_reply_time"
        ),
        Some(("Key — E-mail".into(), Some(90)))
    );
    // Key chat: the chat answer target; resolution 8 h everywhere.
    assert_eq!(
        zendesk_applies(
            &policies,
            &ticket(&["key_accounts"], CHAT, "high"),
            "first_reply_time"
        ),
        Some(("Key — Chat".into(), Some(60)))
    );
    assert_eq!(
        zendesk_applies(
            &policies,
            &ticket(&["key_accounts"], PHONE, "urgent"),
            "total_resolution_time"
        ),
        Some(("Key".into(), Some(8 * 3600)))
    );
    // A phone ticket gets no first-reply target (the telephony answers calls).
    assert_eq!(
        zendesk_applies(
            &policies,
            &ticket(&["key_accounts"], PHONE, "urgent"),
            "first_reply_time"
        ),
        Some(("Key".into(), None))
    );
    // A complaint ticket of any priority gets the complaint's targets.
    for priority in ["low", "normal", "high", "urgent"] {
        assert_eq!(
            zendesk_applies(
                &policies,
                &ticket(&["mass", "complaint_broken"], EMAIL, priority),
                "first_reply_time"
            ),
            Some(("Complaint: Broken item".into(), Some(30 * 60))),
            "{priority}"
        );
    }
    // Business hours exactly when the calendar is not 24x7.
    let metrics = |title: &str| -> Vec<Value> {
        policies
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["sla_policy"]["title"] == title)
            .unwrap()["sla_policy"]["policy_metrics"]
            .as_array()
            .unwrap()
            .clone()
    };
    assert!(metrics("Key — E-mail")
        .iter()
        .all(|m| m["business_hours"] == true));
    assert!(metrics("Mass — E-mail")
        .iter()
        .all(|m| m["business_hours"] == false));
    // The one warning is TaskRouter's (business-hours escalation): nothing
    // is left out of Zendesk.
    assert_eq!(stderr.matches("inexact-export").count(), 1, "{stderr}");
    assert!(stderr.contains("TaskRouter timeouts"), "{stderr}");
}

#[test]
fn zendesk_schedules_say_which_policies_count_business_hours() {
    let spec = SPEC.replace(
        "open mon-fri 09:00-18:00 }",
        "open mon-fri 09:00-18:00; closed 2026-12-31, 2027-01-01, 2027-01-07 }",
    );
    let (code, stderr, work) = export(&spec, None, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let schedules = read(work.path(), "routing/zendesk-schedules.json");
    assert_eq!(
        errors(&validator("zendesk-schedules.schema.json"), &schedules),
        Vec::<String>::new()
    );
    let office = &schedules[0];
    assert_eq!(office["calendar"], "office");
    assert_eq!(office["schedule"]["schedule"]["time_zone"], "Moscow");
    // Monday 09:00-18:00 is 1980..2520 minutes after Sunday midnight.
    assert_eq!(
        office["workweek"]["workweek"]["intervals"][0],
        serde_json::json!({"start_time": 1980, "end_time": 2520})
    );
    assert_eq!(
        office["workweek"]["workweek"]["intervals"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    let holidays: Vec<(&str, &str)> = office["holidays"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["holiday"]["start_date"].as_str().unwrap(),
                h["holiday"]["end_date"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        holidays,
        [("2026-12-31", "2027-01-01"), ("2027-01-07", "2027-01-07")]
    );
    let policies: Vec<&str> = office["policies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(
        policies.contains(&"Complaint: Broken item") && policies.contains(&"Key — E-mail"),
        "{policies:?}"
    );
    assert!(
        !policies.iter().any(|p| p.starts_with("Mass")),
        "Mass runs 24x7: {policies:?}"
    );
}

#[test]
fn zendesk_organizations_come_from_the_config_or_the_build_stops() {
    let config = "exports:\n  zendesk:\n    segment_field: organization_id\n";
    let (code, stderr, work) = export(SPEC, Some(config), &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("organization_id") && stderr.contains("segment `key-accounts`"),
        "{stderr}"
    );
    assert!(!work.path().join("out").exists());
    let config =
        format!("{config}    organizations:\n      key-accounts: [101, 102]\n      mass: 200\n");
    let (code, stderr, work) = export(SPEC, Some(&config), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let policies = read(work.path(), "routing/zendesk-sla-policies.json");
    let ticket = |organization, via| Ticket {
        tags: &[],
        via,
        priority: "normal",
        organization: Some(organization),
    };
    assert_eq!(
        zendesk_applies(&policies, &ticket(102, EMAIL), "first_reply_time").map(|p| p.0),
        Some("Key — E-mail".to_string())
    );
    assert_eq!(
        zendesk_applies(&policies, &ticket(200, EMAIL), "first_reply_time").map(|p| p.0),
        Some("Mass — E-mail".to_string())
    );
}

#[test]
fn inexact_export_can_be_made_an_error_and_then_nothing_is_written() {
    let spec = SPEC.replace("Europe/Moscow", "Europe/Moskva");
    let (code, stderr, work) = export(&spec, Some("rules:\n  inexact-export: error\n"), &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(!work.path().join("out").exists());
}

/// What TaskRouter does with a task that nobody answers: the queue it waits
/// in after `waited` seconds (`None` once the workflow cancels it).
/// `available` says which queues have a worker free.
fn taskrouter_queue(
    workflow: &Value,
    attributes: &[(&str, &str)],
    waited: u64,
    available: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let routing = &workflow["task_routing"];
    let filter = routing["filters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| expression_holds(f["expression"].as_str().unwrap(), attributes));
    let Some(filter) = filter else {
        return routing["default_filter"]["queue"]
            .as_str()
            .map(str::to_string);
    };
    // Timeouts count from the task's creation and add up over the steps.
    let mut elapsed = 0;
    for target in filter["targets"].as_array().unwrap() {
        let queue = target["queue"].as_str().unwrap();
        let skipped = target["skip_if"] == "workers.available == 0" && !available(queue);
        if skipped {
            continue;
        }
        match target["timeout"].as_u64() {
            Some(t) if waited >= elapsed + t => elapsed += t,
            _ => return Some(queue.to_string()),
        }
    }
    None
}

/// The part of TaskRouter's expression language cxc writes: `==`, `IN`,
/// AND/OR and parentheses; hours conditions always hold here.
fn expression_holds(expression: &str, attributes: &[(&str, &str)]) -> bool {
    let value = |key: &str| attributes.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    if expression == "1 == 1" {
        return true;
    }
    // Hours are tested elsewhere; drop them to keep this evaluator small.
    let without_hours = expression.split(" AND ((taskrouter").next().unwrap();
    without_hours.split(" AND ").all(|condition| {
        if let Some((key, literal)) = condition.split_once(" == ") {
            value(key) == Some(literal.trim_matches('\''))
        } else if let Some((key, list)) = condition.split_once(" IN ") {
            let items: Vec<&str> = list
                .trim_matches(['[', ']'])
                .split(", ")
                .map(|v| v.trim_matches('\''))
                .collect();
            value(key).is_some_and(|v| items.contains(&v))
        } else {
            panic!("an expression this test does not read: {condition}")
        }
    })
}

#[test]
fn a_key_account_that_waits_past_its_target_stays_with_key_accounts() {
    let (code, stderr, work) = export(SPEC, None, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let workflow = read(work.path(), "routing/taskrouter-workflow.json");
    assert_eq!(
        errors(&validator("taskrouter-workflow.schema.json"), &workflow),
        Vec::<String>::new()
    );
    let call = [("channel", "phone"), ("segment", "key_accounts")];
    for waited in [0, 19, 20, 600, 86_400] {
        assert_eq!(
            taskrouter_queue(&workflow, &call, waited, &|_| true).as_deref(),
            Some("SET-ME-queue-sid-for-key_line"),
            "after {waited} s"
        );
    }
    // Retail stays in retail.
    let mass = [("channel", "phone"), ("segment", "mass")];
    assert_eq!(
        taskrouter_queue(&workflow, &mass, 3600, &|_| true).as_deref(),
        Some("SET-ME-queue-sid-for-mass_line")
    );
}

#[test]
fn a_shared_queue_takes_the_overflow_at_the_answer_target_or_at_once_when_closed() {
    let spec = format!(
        "{SPEC}\nqueue shared \"Shared line\" {{ channel phone; segments key-accounts, mass; priority 9; team support }}\n"
    );
    let (code, stderr, work) = export(&spec, Some("rules:\n  mixed-tier-queue: off\n"), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let workflow = read(work.path(), "routing/taskrouter-workflow.json");
    let call = [("channel", "phone"), ("segment", "key_accounts")];
    let open = |_: &str| true;
    assert_eq!(
        taskrouter_queue(&workflow, &call, 19, &open).as_deref(),
        Some("SET-ME-queue-sid-for-key_line")
    );
    assert_eq!(
        taskrouter_queue(&workflow, &call, 20, &open).as_deref(),
        Some("SET-ME-queue-sid-for-shared")
    );
    assert_eq!(
        taskrouter_queue(&workflow, &call, 86_400, &open).as_deref(),
        Some("SET-ME-queue-sid-for-shared")
    );
    let key_closed = |q: &str| !q.ends_with("key_line");
    assert_eq!(
        taskrouter_queue(&workflow, &call, 0, &key_closed).as_deref(),
        Some("SET-ME-queue-sid-for-shared")
    );
    // The key account keeps its priority in the shared queue.
    let key = workflow["task_routing"]["filters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["filter_friendly_name"] == "Key line")
        .unwrap();
    assert_eq!(key["targets"][0]["priority"], key["targets"][1]["priority"]);
    assert!(
        key["targets"][1].get("timeout").is_none(),
        "the last step never times out"
    );
}

#[test]
fn complaints_escalate_up_their_ladder_in_taskrouter() {
    let spec = SPEC.replace(
        "escalate after 1d to lead\n",
        "escalate after 1d to lead\n  escalate after 2d to boss\n",
    ) + "team management \"Management\" { lead boss }\nrole boss \"Director\" { team management; duty \"Decide\" }\n\
         queue management-line \"Management\" { channel email; segments mass; priority 5; team management }\n\
         channel web \"Web\" { kind portal; self_service }\n";
    let (code, stderr, work) = export(&spec, None, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let workflow = read(work.path(), "routing/taskrouter-workflow.json");
    let complaint = [
        ("complaint", "broken"),
        ("channel", "email"),
        ("segment", "mass"),
    ];
    let open = |_: &str| true;
    assert_eq!(
        taskrouter_queue(&workflow, &complaint, 3600, &open).as_deref(),
        Some("SET-ME-queue-sid-for-key_line")
    );
    assert_eq!(
        taskrouter_queue(&workflow, &complaint, 86_400, &open).as_deref(),
        Some("SET-ME-queue-sid-for-key_line")
    );
    assert_eq!(
        taskrouter_queue(&workflow, &complaint, 2 * 86_400, &open).as_deref(),
        Some("SET-ME-queue-sid-for-management_line")
    );
    let filter = &workflow["task_routing"]["filters"][0];
    assert_eq!(
        filter["targets"][1]["expression"],
        "worker.roles HAS 'lead'"
    );
    assert!(
        stderr.contains("escalates after business hours"),
        "{stderr}"
    );
}

#[test]
fn taskrouter_hours_are_converted_to_utc() {
    let (code, stderr, work) = export(SPEC, None, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let workflow = read(work.path(), "routing/taskrouter-workflow.json");
    let filters = workflow["task_routing"]["filters"].as_array().unwrap();
    let names: Vec<&str> = filters
        .iter()
        .map(|f| f["filter_friendly_name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Complaint: Broken item",
            "Key line",
            "Key chat",
            "Mass line"
        ]
    );
    let key = &filters[1];
    // No hyphens in expressions; Moscow 09:00-18:00 is 06:00-15:00 UTC.
    assert_eq!(
        key["expression"],
        "channel == 'phone' AND segment IN ['key_accounts'] AND ((taskrouter.dayOfWeek IN ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] AND ((taskrouter.currentTime >= 600 AND taskrouter.currentTime < 1500))))"
    );
    assert!(
        key["targets"][0]["priority"].as_u64() > filters[3]["targets"][0]["priority"].as_u64(),
        "tier 1 is served first"
    );
    // Berlin: standard time (UTC+1) unless --today says otherwise.
    assert!(filters[2]["expression"]
        .as_str()
        .unwrap()
        .contains("currentTime >= 800 AND taskrouter.currentTime < 1600"));
    let (_, _, summer) = export(SPEC, None, &["--today", "2026-07-01"]);
    let workflow = read(summer.path(), "routing/taskrouter-workflow.json");
    let chat = workflow["task_routing"]["filters"][2]["expression"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        chat.contains("currentTime >= 700 AND taskrouter.currentTime < 1500"),
        "{chat}"
    );
}

#[test]
fn taskrouter_queue_sids_come_from_the_config() {
    let sid = "WQ0123456789abcdef0123456789abcdef";
    let (code, stderr, work) = export(
        SPEC,
        Some(&format!(
            "exports:\n  taskrouter:\n    queues:\n      key-line: {sid}\n"
        )),
        &[],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let workflow = read(work.path(), "routing/taskrouter-workflow.json");
    assert_eq!(
        workflow["task_routing"]["filters"][1]["targets"][0]["queue"],
        sid
    );
}

#[test]
fn cxc_graph_prints_mermaid_and_dot() {
    let mermaid = cxc(&["graph", "order", "examples/kitchen"]);
    assert_eq!(mermaid.status.code(), Some(0));
    insta::assert_snapshot!("graph_order_mermaid", stdout(&mermaid));
    let dot = cxc(&["graph", "order", "examples/kitchen", "--format", "dot"]);
    assert_eq!(dot.status.code(), Some(0));
    insta::assert_snapshot!("graph_order_dot", stdout(&dot));
    let missing = cxc(&["graph", "ordr", "examples/kitchen"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("did you mean `order`?"));
}

#[test]
fn an_unknown_time_zone_is_reported_once_and_taken_as_utc() {
    // Two queues share the phone channel's calendar.
    let spec = SPEC.replace("Europe/Moscow", "Europe/Moskva");
    let (code, stderr, work) = export(&spec, None, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        stderr
            .matches("the time zone `Europe/Moskva` is unknown")
            .count(),
        1,
        "{stderr}"
    );
    let workflow = read(work.path(), "routing/taskrouter-workflow.json");
    let key = workflow["task_routing"]["filters"][1]["expression"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        key.contains("currentTime >= 900 AND taskrouter.currentTime < 1800"),
        "{key}"
    );
}
