//! model.json, offered to other tools, against the schema shipped for them
//! (grammar/model.schema.json): every shipped example's model and every
//! outside spec's validates, and the schema is strict enough to notice a
//! model that does not.

mod common;

use common::{cxc, TODAY};
use std::path::{Path, PathBuf};

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string("grammar/model.schema.json").unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

fn errors(validator: &jsonschema::Validator, model: &serde_json::Value) -> Vec<String> {
    validator
        .iter_errors(model)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// `cxc build SPEC --target docs`'s model.json.
fn model_of(spec: &Path, out: &Path) -> serde_json::Value {
    let output = cxc(&[
        "build",
        spec.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--target",
        "docs",
        "--today",
        TODAY,
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}: {}",
        spec.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&std::fs::read(out.join("model.json")).unwrap()).unwrap()
}

/// The shipped examples and the specs written outside the team
/// (`../shared/specs` when it is there, else the copy in tests/specs/outside).
fn specs() -> Vec<PathBuf> {
    let mut specs: Vec<PathBuf> = ["kitchen", "telecom", "dry-cleaner-ru"]
        .iter()
        .map(|e| Path::new("examples").join(e))
        .collect();
    // Team and queue `hours` (cxc addition): three centres in three zones.
    specs.push(PathBuf::from("tests/follow_sun"));
    let outside = ["../shared/specs", "tests/specs/outside"]
        .iter()
        .map(Path::new)
        .find(|p| p.is_dir());
    if let Some(outside) = outside {
        eprintln!("outside specs from {}", outside.display());
        let mut found: Vec<PathBuf> = std::fs::read_dir(outside)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        found.sort();
        specs.extend(found);
    }
    specs
}

#[test]
fn every_model_validates_against_the_shipped_schema() {
    let validator = schema();
    let out = tempfile::tempdir().unwrap();
    let specs = specs();
    assert!(specs.len() > 3, "no outside spec found: {specs:?}");
    for (i, spec) in specs.iter().enumerate() {
        let (_copy, spec) = common::buildable(spec);
        let model = model_of(&spec, &out.path().join(i.to_string()));
        let errors = errors(&validator, &model);
        assert!(errors.is_empty(), "{}: {errors:#?}", spec.display());
    }
}

#[test]
fn the_schema_refuses_a_model_that_drifted() {
    let validator = schema();
    let out = tempfile::tempdir().unwrap();
    let model = model_of(Path::new("examples/kitchen"), out.path());
    assert!(errors(&validator, &model).is_empty());
    let drifted = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut m = model.clone();
        change(&mut m);
        errors(&validator, &m)
    };
    // A field the schema does not describe, a field gone, a wrong type.
    assert!(!drifted(&|m| m["teams"][0]["size"] = 3.into()).is_empty());
    assert!(!drifted(&|m| {
        m["journeys"][0]["steps"][0]
            .as_object_mut()
            .unwrap()
            .remove("owner");
    })
    .is_empty());
    assert!(!drifted(
        &|m| m["segments"][0]["slas"][0]["answers"][0]["within"]["seconds"] = "20".into()
    )
    .is_empty());
    assert!(!drifted(&|m| m["lang"] = "de".into()).is_empty());
    // A team's and a queue's `hours` (cxc addition) name a calendar.
    let centres = model_of(Path::new("tests/follow_sun"), &out.path().join("sun"));
    assert!(errors(&validator, &centres).is_empty());
    let team = centres["teams"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "support_dub");
    assert_eq!(team.unwrap()["hours"]["id"], "dub_hours");
    let queue = centres["queues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "phone_sin");
    assert_eq!(queue.unwrap()["hours"]["id"], "sin_late");
    let mut drifted = centres.clone();
    drifted["teams"][1]["hours"] = "dub_hours".into();
    assert!(!errors(&validator, &drifted).is_empty());
}

/// An outside body (`external` on a role) is in model.json's roles, marked
/// `external`, with no duties and no job description (null), and the
/// model still validates; a staff role is marked `external: false` and
/// keeps its job description (audit 13, M3 follow-up).
#[test]
fn an_outside_body_is_a_role_marked_external_without_a_job() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("spec");
    std::fs::create_dir(&spec).unwrap();
    std::fs::write(
        spec.join("spec.cx"),
        r#"service "Clinic" { language en }
team relations "Patient relations" { lead manager }
role manager "Patient relations manager" { team relations; headcount 1 }
team iscas "Independent adjudicator" { description "Stage 3, outside the company" }
role adjudicator "ISCAS adjudicator" { team iscas; external }
complaint clinical "Clinical care" {
  owner relations
  acknowledge within 2d
  resolve within 20d
  escalate after 20d to adjudicator
  remedy apologize
  feedback required
}
"#,
    )
    .unwrap();
    let out = dir.path().join("out");
    let model = model_of(&spec, &out);
    assert!(errors(&schema(), &model).is_empty());
    let roles = model["roles"].as_array().unwrap();
    let role = |id: &str| roles.iter().find(|r| r["id"] == id).unwrap();
    let outside = role("adjudicator");
    assert_eq!(outside["external"], true);
    assert!(outside["job"].is_null());
    assert_eq!(outside["derived"], serde_json::json!([]));
    assert!(!out
        .join(format!("hr/{}.md", outside["file"].as_str().unwrap()))
        .exists());
    let staff = role("manager");
    assert_eq!(staff["external"], false);
    assert!(staff["job"]["purpose"].is_string());
    assert!(out
        .join(format!("hr/{}.md", staff["file"].as_str().unwrap()))
        .exists());
    let index = std::fs::read_to_string(out.join("index.md")).unwrap();
    assert!(!index.contains("ISCAS adjudicator"), "{index}");
}
