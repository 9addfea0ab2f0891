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

#[test]
fn zendesk_policies_follow_tiers_severities_and_clocks() {
    let (code, stderr, work) = export(SPEC, None, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let policies = read(work.path(), "routing/zendesk-sla-policies.json");
    assert_eq!(
        errors(&validator("zendesk-sla-policies.schema.json"), &policies),
        Vec::<String>::new()
    );
    let titles: Vec<&str> = policies
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["sla_policy"]["title"].as_str().unwrap())
        .collect();
    // The complaint first (narrower), then tier 1 before tier 2.
    assert_eq!(titles, ["Complaint: Broken item", "Key", "Mass"]);
    let complaint = &policies[0]["sla_policy"];
    assert_eq!(complaint["position"], 1);
    assert_eq!(complaint["filter"]["all"][0]["value"], "complaint_broken");
    let metrics = complaint["policy_metrics"].as_array().unwrap();
    assert!(
        metrics.iter().all(|m| m["priority"] == "urgent"),
        "critical is urgent"
    );
    assert!(metrics
        .iter()
        .any(|m| m["metric"] == "first_reply_time" && m["target"] == 30));
    assert!(metrics
        .iter()
        .any(|m| m["metric"] == "total_resolution_time" && m["target"] == 2880));
    assert!(metrics.iter().all(|m| m["business_hours"] == true));

    let key = &policies[1]["sla_policy"];
    assert_eq!(
        key["filter"]["any"][0],
        serde_json::json!({"field": "current_tags", "operator": "includes", "value": "key_accounts"})
    );
    let key_metrics = key["policy_metrics"].as_array().unwrap();
    // 90 s is not whole minutes: the e-mail first response is left out, and
    // the chat answer (1 min) does not silently take its place.
    assert!(
        key_metrics
            .iter()
            .all(|m| m["metric"] != "first_reply_time"),
        "{key_metrics:?}"
    );
    assert_eq!(
        key_metrics.len(),
        4,
        "resolution for each of the four priorities"
    );
    assert!(key_metrics
        .iter()
        .all(|m| m["target"] == 480 && m["business_hours"] == true));
    assert!(
        stderr.contains("inexact-export") && stderr.contains("90 seconds"),
        "{stderr}"
    );

    let mass = &policies[2]["sla_policy"]["policy_metrics"];
    assert!(mass
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["metric"] == "first_reply_time" && m["target"] == 240));
    assert!(
        mass.as_array()
            .unwrap()
            .iter()
            .all(|m| m["business_hours"] == false),
        "24x7 is not business hours"
    );
}

#[test]
fn inexact_export_can_be_made_an_error_and_then_nothing_is_written() {
    let (code, stderr, work) = export(SPEC, Some("rules:\n  inexact-export: error\n"), &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(!work.path().join("out").exists());
    let clean = SPEC.replace(
        "first_response email within 90s",
        "first_response email within 2m",
    );
    let (code, stderr, _) = export(&clean, Some("rules:\n  inexact-export: error\n"), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        !stderr.contains("inexact-export"),
        "silent on whole minutes: {stderr}"
    );
}

#[test]
fn zendesk_segment_field_is_configurable() {
    let (code, stderr, work) = export(
        SPEC,
        Some("exports:\n  zendesk:\n    segment_field: organization_id\n"),
        &[],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let policies = read(work.path(), "routing/zendesk-sla-policies.json");
    assert_eq!(
        policies[1]["sla_policy"]["filter"]["any"][0],
        serde_json::json!({"field": "organization_id", "operator": "is", "value": "key_accounts"})
    );
}

#[test]
fn taskrouter_filters_follow_tiers_with_utc_hours() {
    let (code, stderr, work) = export(SPEC, None, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let workflow = read(work.path(), "routing/taskrouter-workflow.json");
    assert_eq!(
        errors(&validator("taskrouter-workflow.schema.json"), &workflow),
        Vec::<String>::new()
    );
    let filters = workflow["task_routing"]["filters"].as_array().unwrap();
    let names: Vec<&str> = filters
        .iter()
        .map(|f| f["filter_friendly_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Key line", "Key chat", "Mass line"]);
    let key = &filters[0];
    // No hyphens in expressions; Moscow 09:00-18:00 is 06:00-15:00 UTC.
    assert_eq!(
        key["expression"],
        "channel == 'phone' AND segment IN ['key_accounts'] AND ((taskrouter.dayOfWeek IN ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] AND ((taskrouter.currentTime >= 600 AND taskrouter.currentTime < 1500))))"
    );
    let target = &key["targets"][0];
    assert_eq!(target["queue"], "SET-ME-queue-sid-for-key_line");
    assert_eq!(target["timeout"], 20);
    assert!(
        target["priority"].as_u64() > filters[2]["targets"][0]["priority"].as_u64(),
        "tier 1 is served first"
    );
    // Berlin: standard time (UTC+1) unless --today says otherwise.
    assert!(filters[1]["expression"]
        .as_str()
        .unwrap()
        .contains("currentTime >= 800 AND taskrouter.currentTime < 1600"));
    assert_eq!(
        workflow["task_routing"]["default_filter"]["queue"],
        "SET-ME-queue-sid-for-mass_line"
    );

    let (_, _, summer) = export(SPEC, None, &["--today", "2026-07-01"]);
    let workflow = read(summer.path(), "routing/taskrouter-workflow.json");
    let chat = workflow["task_routing"]["filters"][1]["expression"]
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
        workflow["task_routing"]["filters"][0]["targets"][0]["queue"],
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
    let key = workflow["task_routing"]["filters"][0]["expression"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        key.contains("currentTime >= 900 AND taskrouter.currentTime < 1800"),
        "{key}"
    );
}
