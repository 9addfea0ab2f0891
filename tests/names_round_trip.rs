//! The names cxc tells the admin to set on tasks and tickets come back in
//! the data, and `cxc measure` must read them as the segments and channels
//! they name (audit 8, B1: a segment `Mass` exported as `mass`, a channel
//! `чат_Алматы` as `чат_алматы`, were bad data on the way back). For every
//! spec folder the team has, each `export_name` of `routing.json` is written
//! into a contacts export, one row per segment and channel it offers, and
//! `measure` must count every row. Then the cases where a default name is
//! nobody's, and complaint rules' names.

mod common;

use common::cxc_in;
use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn manifest(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// `routing.json` of `spec` built into `out`.
fn routing(spec: &Path, out: &Path) -> Value {
    let output = cxc_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &[
            "build",
            spec.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--target",
            "docs,taskrouter,zendesk",
            "--today",
            common::TODAY,
        ],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}: {}",
        spec.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(out.join("routing/routing.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A contacts export naming every segment and each channel it offers by
/// their export names, and how many rows it has.
fn contacts_by_export_names(routing: &Value) -> (String, usize) {
    let channel_name = |id: &str| -> String {
        routing["channels"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .map(|c| c["export_name"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("channel {id} in routing.json"))
    };
    let mut csv = String::from("id,segment,channel,created,answered\n");
    let mut rows = 0;
    for segment in routing["segments"].as_array().unwrap() {
        let name = segment["export_name"].as_str().unwrap();
        for channel in segment["channels"].as_array().unwrap() {
            rows += 1;
            let channel = channel_name(channel.as_str().unwrap());
            writeln!(
                csv,
                "c{rows},{name},{channel},2026-11-03T10:00:00Z,2026-11-03T10:00:05Z"
            )
            .unwrap();
        }
    }
    (csv, rows)
}

/// `cxc measure` of `spec` on `contacts`, as JSON findings.
fn measure(spec: &Path, contacts: &str) -> Value {
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("contacts.csv");
    std::fs::write(&file, contacts).unwrap();
    let output = cxc_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &[
            "measure",
            spec.to_str().unwrap(),
            "--contacts",
            file.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    common::json(&output)
}

fn bad_data(findings: &Value) -> Vec<String> {
    findings["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "bad-data")
        .map(|d| d["message"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn round_trip(spec: &Path) {
    let out = tempfile::tempdir().unwrap();
    let routing = routing(spec, out.path());
    let (contacts, rows) = contacts_by_export_names(&routing);
    assert!(rows > 0, "{}: no segment offers a channel", spec.display());
    let findings = measure(spec, &contacts);
    assert_eq!(
        bad_data(&findings),
        Vec::<String>::new(),
        "{}: export names read back as bad data\n{contacts}",
        spec.display()
    );
}

#[test]
fn every_export_name_of_every_spec_is_read_back() {
    for example in ["kitchen", "telecom", "dry-cleaner-ru"] {
        round_trip(&manifest(&format!("examples/{example}")));
    }
    let live = manifest("../shared/specs");
    let root = if live.join("vip-shop").is_dir() {
        live
    } else {
        manifest("tests/specs/outside")
    };
    for spec in ["vip-shop", "svyaz", "domoset"] {
        let (_copy, folder) = common::buildable(&root.join(spec));
        round_trip(&folder);
    }
    for spec in [
        "airline",
        "nordrent",
        "bank",
        "insurer",
        "courier",
        "meridian",
        "stackwise",
        "energosbyt",
        "boltbites",
        "uchiversum",
        "koraremit",
        "lumencare",
    ] {
        round_trip(&manifest(&format!("tests/specs/{spec}")));
    }
    for (spec, rules) in [
        (
            "hotel",
            &["promise-exceeds-sla", "promise-exceeds-journey"][..],
        ),
        ("pharmacy", &["promise-exceeds-sla"][..]),
        ("energy", &["promise-exceeds-journey"][..]),
    ] {
        let (_work, copy) =
            common::copy_with_rules_off(&manifest(&format!("tests/specs/{spec}")), rules);
        round_trip(&copy);
    }
}

const MIXED_CASE: &str = r#"
service "Shop" { language en; owner lead; review every 6 months; reviewed 2026-09-01; version "1" }
calendar always "Always" { open 24x7 }
team support "Support" { lead lead }
role lead "Head of support" { team support; duty "Lead" }
segment Mass "Everyone" { tier 2; channels Phone_EU }
segment VIP "VIP" { tier 1; channels Phone_EU }
segment Vip "Vip (old)" { tier 1; channels Phone_EU }
channel Phone_EU "Phone" { kind phone; hours always; owner support }
sla mass_sla "Mass" for Mass, VIP, Vip { hours always; answer Phone_EU 80% within 60s }
complaint Late_Delivery "Late delivery" {
  segments any
  owner support
  acknowledge within 1h
  resolve within 1d
  escalate after 4h to lead
  remedy apologize
  feedback required
}
"#;

fn mixed_case_spec() -> (tempfile::TempDir, PathBuf) {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("spec");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("spec.cx"), MIXED_CASE).unwrap();
    (work, dir)
}

/// `Mass` and `Phone_EU` are read by their ids and by their export names;
/// `vip` is the default name of both `VIP` and `Vip`, so it names neither
/// (the build reports the clash as `export-conflict`), while the ids still
/// work.
#[test]
fn a_default_name_two_declarations_share_is_nobodys() {
    let (_work, spec) = mixed_case_spec();
    let rows = "id,segment,channel,created,answered\n\
                1,Mass,Phone_EU,2026-11-03T10:00:00Z,2026-11-03T10:00:05Z\n\
                2,mass,phone_eu,2026-11-03T10:00:00Z,2026-11-03T10:00:05Z\n\
                3,VIP,phone_eu,2026-11-03T10:00:00Z,2026-11-03T10:00:05Z\n\
                4,Vip,phone_eu,2026-11-03T10:00:00Z,2026-11-03T10:00:05Z\n";
    assert_eq!(bad_data(&measure(&spec, rows)), Vec::<String>::new());
    let ambiguous = "id,segment,channel,created,answered\n\
                     1,vip,Phone_EU,2026-11-03T10:00:00Z,2026-11-03T10:00:05Z\n";
    let bad = bad_data(&measure(&spec, ambiguous));
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert!(bad[0].contains("`vip`"), "{bad:?}");
}

/// A complaint row may name its rule as TaskRouter's `complaint` attribute
/// does: the rule's id in lower case.
#[test]
fn a_complaint_rule_is_read_by_its_export_name() {
    let (_work, spec) = mixed_case_spec();
    let rows = "id,segment,channel,created,answered,complaint,acknowledged,resolved\n\
                1,Mass,Phone_EU,2026-11-03T10:00:00Z,2026-11-03T10:00:05Z,late_delivery,2026-11-03T10:30:00Z,2026-11-03T12:00:00Z\n\
                2,Mass,Phone_EU,2026-11-03T10:00:00Z,2026-11-03T10:00:05Z,Late_Delivery,2026-11-03T10:30:00Z,2026-11-03T12:00:00Z\n";
    assert_eq!(bad_data(&measure(&spec, rows)), Vec::<String>::new());
}
