//! Exports to real systems: Zendesk SLA policies and a TaskRouter workflow,
//! validated against JSON Schemas written from the vendors' documentation;
//! `cxc graph`.

mod common;
// Shared with tests/routing.rs, which uses all of it.
#[allow(dead_code)]
#[path = "routing/zendesk.rs"]
mod zendesk;

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
    priority: &'static str,
    organization: Option<u64>,
}

/// The title of the policy Zendesk applies to a ticket and its target in
/// seconds for `metric` at the ticket's priority, by the evaluator of
/// tests/routing/zendesk.rs.
fn zendesk_applies(
    policies: &Value,
    ticket: &Ticket,
    metric: &str,
) -> Option<(String, Option<u64>)> {
    let ticket = zendesk::Ticket {
        tags: ticket.tags.iter().map(|t| t.to_string()).collect(),
        organization: ticket.organization,
        via: ticket.via,
        priority: ticket.priority,
        marks: vec![],
    };
    let applied = zendesk::applies(policies, &ticket)?;
    let target = match metric {
        "first_reply_time" => applied.first_reply,
        _ => applied.resolution,
    };
    Some((applied.title, target.map(|t| t.seconds)))
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
        Some(("Mass — Everyone else — E-mail".into(), Some(4 * 3600)))
    );
    // 90 seconds is carried exactly, in seconds.
    assert_eq!(
        zendesk_applies(
            &policies,
            &ticket(&["key_accounts"], EMAIL, "low"),
            "first_reply_time"
        ),
        Some(("Key — Key accounts — E-mail".into(), Some(90)))
    );
    // Key chat: the chat answer target; resolution 8 h everywhere.
    assert_eq!(
        zendesk_applies(
            &policies,
            &ticket(&["key_accounts"], CHAT, "high"),
            "first_reply_time"
        ),
        Some(("Key — Key accounts — Chat".into(), Some(60)))
    );
    assert_eq!(
        zendesk_applies(
            &policies,
            &ticket(&["key_accounts"], PHONE, "urgent"),
            "total_resolution_time"
        ),
        Some(("Key — Key accounts — other channels".into(), Some(8 * 3600)))
    );
    // A phone ticket gets no first-reply target (the telephony answers calls).
    assert_eq!(
        zendesk_applies(
            &policies,
            &ticket(&["key_accounts"], PHONE, "urgent"),
            "first_reply_time"
        ),
        Some(("Key — Key accounts — other channels".into(), None))
    );
    // A complaint ticket of any priority gets the complaint's reply, and
    // the SLA's 3 wall-clock days, which always end before 2 office days
    // (48 office hours take more than 3 days whenever they start): its
    // own policy for e-mail.
    for priority in ["low", "normal", "high", "urgent"] {
        let ticket = ticket(&["mass", "complaint_broken"], EMAIL, priority);
        let title = "Complaint: Broken item — Everyone else — E-mail".to_string();
        assert_eq!(
            zendesk_applies(&policies, &ticket, "first_reply_time"),
            Some((title.clone(), Some(30 * 60))),
            "{priority}"
        );
        assert_eq!(
            zendesk_applies(&policies, &ticket, "total_resolution_time"),
            Some((title, Some(3 * 24 * 3600))),
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
    assert!(metrics("Key — Key accounts — E-mail")
        .iter()
        .all(|m| m["business_hours"] == true));
    assert!(metrics("Mass — Everyone else — E-mail")
        .iter()
        .all(|m| m["business_hours"] == false));
    // The warnings are TaskRouter's, and the complaint rule's against the
    // SLAs on other clocks (route11, audit 9 D3: 30 office minutes asked
    // on Friday at 17:50 end on Monday, after the SLA's 4 wall-clock
    // hours): nothing else is left out of Zendesk.
    assert!(
        stderr.lines().filter(|l| l.contains("Zendesk")).all(|l| l
            .contains("Zendesk: complaint rule")
            || l.contains("so that Zendesk can hold"))
            && !stderr.contains("via_id"),
        "{stderr}"
    );
    assert!(stderr.contains("TaskRouter cancels a task"), "{stderr}");
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
        policies.contains(&"Complaint: Broken item — all segments — all channels")
            && policies.contains(&"Key — Key accounts — E-mail"),
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
        Some("Key — Key accounts — E-mail".to_string())
    );
    assert_eq!(
        zendesk_applies(&policies, &ticket(200, EMAIL), "first_reply_time").map(|p| p.0),
        Some("Mass — Everyone else — E-mail".to_string())
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
    let key_phone = workflow["task_routing"]["filters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["filter_friendly_name"] == "Key accounts — Phone")
        .unwrap();
    assert_eq!(key_phone["targets"][0]["queue"], sid);
    // The TaskQueue carries the SID and the team that works it.
    let queues = read(work.path(), "routing/taskrouter-queues.json");
    let key_line = queues
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["queue"] == "key-line")
        .unwrap();
    assert_eq!(key_line["sid"], sid);
    assert_eq!(key_line["target_workers"], "team == 'support'");
    // Every key named a TaskQueue: nothing said about the config.
    assert!(!stderr.contains("exports.taskrouter.queues"), "{stderr}");
}

/// Attack 15, L2: a quoted key with an escape or a space in it was placed
/// at cxc.yaml:1:1, and a line break in it wrote a line of its own into the
/// terminal's findings (a fake `×` error). Now at its line, its controls
/// shown as escapes.
#[test]
fn a_quoted_unknown_key_is_found_at_its_line_and_shown_escaped() {
    let sid = "WQ0123456789abcdef0123456789abcdef";
    for (key, shown) in [
        (r#""key\"x""#, r#"`key"x`"#),
        (r#""q1\n  × fake error""#, r#"`q1\u{a}  × fake error`"#),
    ] {
        let config = format!("exports:\n  taskrouter:\n    queues:\n      {key}: {sid}\n");
        let (code, stderr, _work) = export(SPEC, Some(&config), &["--color", "never"]);
        assert_eq!(code, Some(0), "{stderr}");
        assert!(stderr.contains("cxc.yaml:4:8"), "{key}: {stderr}");
        assert!(stderr.contains(shown), "{key}: {stderr}");
        assert!(
            !stderr.lines().any(|l| l.trim_start().starts_with("× fake")),
            "{stderr}"
        );
    }
}

/// Audit 14, M6: a queue id under `exports.taskrouter.queues` that names no
/// TaskQueue (a typo) was ignored without a word, and the queue it was
/// meant for kept its placeholder SID. It is reported at its line in
/// cxc.yaml with the name it was probably meant to be.
#[test]
fn a_queue_sid_for_no_taskqueue_is_reported_with_the_name_meant() {
    let sid = "WQ0123456789abcdef0123456789abcdef";
    let config = format!("exports:\n  taskrouter:\n    queues:\n      key-lnie: {sid}\n");
    let (code, stderr, work) = export(SPEC, Some(&config), &["--color", "never"]);
    assert_eq!(code, Some(0), "{stderr}");
    // The message as read, without the lines' wrapping.
    let stderr: String = stderr
        .split_whitespace()
        .filter(|w| *w != "│")
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        stderr.contains("`exports.taskrouter.queues` gives a SID for `key-lnie`, which is no TaskQueue of this workflow"),
        "{stderr}"
    );
    assert!(stderr.contains("cxc.yaml:4:7"), "{stderr}");
    assert!(stderr.contains("did you mean `key-line`?"), "{stderr}");
    // The workflow is written as before, the queue with its placeholder.
    let queues = read(work.path(), "routing/taskrouter-queues.json");
    let key_line = queues
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["queue"] == "key-line")
        .unwrap();
    assert!(
        key_line["sid"].as_str().unwrap().starts_with("SET-ME"),
        "{key_line}"
    );
}

/// Audit 14, M6, the other maps: a channel id under
/// `exports.zendesk.via_ids`, `ticket_forms`, `brands` or `channel_tags`,
/// or a segment id under `exports.segments` or `zendesk.organizations`, that
/// the spec lacks was ignored without a word (the channel kept its kind's
/// via ids, no form told it apart). Each is reported at its line in
/// cxc.yaml with the id meant, or the spec's ids when none is close; the
/// ids the spec has are not.
#[test]
fn an_export_setting_for_no_channel_or_segment_is_reported_at_its_line() {
    let config = "exports:
  segments:
    key-acounts: key
    mass: everyone
  zendesk:
    via_ids:
      emial: [4, 5]
      chat: [29]
    ticket_forms:
      phnoe: [360001234567]
    brands:
      somewhere_else: [360007654321]
    channel_tags:
      chatt: chat_tag
    organizations:
      mas: [1]
";
    let (code, stderr, _work) = export(SPEC, Some(config), &["--color", "never"]);
    assert_eq!(code, Some(0), "{stderr}");
    let text = stderr.replace("\n  │ ", " ").replace("\n        ", " ");
    let finding = |map: &str, kind: &str, name: &str, line: usize, help: &str| {
        let said =
            format!("`{map}` gives a setting for {kind} `{name}`, which the spec does not have");
        let at = text
            .find(&said)
            .unwrap_or_else(|| panic!("{said}:\n{stderr}"));
        let rest = &text[at..];
        let end = rest[1..]
            .find("inexact-export")
            .map_or(rest.len(), |e| e + 1);
        let finding = &rest[..end];
        assert!(finding.contains(&format!("cxc.yaml:{line}:")), "{finding}");
        assert!(finding.contains(help), "{finding}");
    };
    finding(
        "exports.segments",
        "segment",
        "key-acounts",
        3,
        "did you mean `key-accounts`?",
    );
    finding(
        "exports.zendesk.via_ids",
        "channel",
        "emial",
        7,
        "did you mean `email`?",
    );
    finding(
        "exports.zendesk.ticket_forms",
        "channel",
        "phnoe",
        10,
        "did you mean `phone`?",
    );
    finding(
        "exports.zendesk.brands",
        "channel",
        "somewhere_else",
        12,
        "name a channel of the spec by its id: phone, chat, email",
    );
    finding(
        "exports.zendesk.channel_tags",
        "channel",
        "chatt",
        14,
        "did you mean `chat`?",
    );
    finding(
        "exports.zendesk.organizations",
        "segment",
        "mas",
        16,
        "did you mean `mass`?",
    );
    // The ids the spec has are not reported.
    assert!(!text.contains("for segment `mass`"), "{stderr}");
    assert!(!text.contains("for channel `chat`,"), "{stderr}");
    // Without the Zendesk export its maps are not read, nor reported.
    let work = tempfile::tempdir().unwrap();
    write(work.path(), "spec/shop.cx", SPEC);
    write(work.path(), "spec/cxc.yaml", config);
    let output = cxc_in(
        work.path(),
        &[
            "build",
            "spec",
            "-o",
            "out",
            "--target",
            "taskrouter",
            "--color",
            "never",
        ],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("exports.zendesk."), "{stderr}");
    assert!(
        stderr.contains("`exports.segments` gives a setting for segment `key-acounts`"),
        "{stderr}"
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
fn an_unknown_time_zone_is_reported_once() {
    // Two policies count business hours in the phone channel's calendar.
    let spec = SPEC.replace("Europe/Moscow", "Australia/Eucla");
    let (code, stderr, _work) = export(&spec, None, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        stderr
            .matches("Zendesk has no time zone matching `Australia/Eucla`")
            .count(),
        1,
        "{stderr}"
    );
}
