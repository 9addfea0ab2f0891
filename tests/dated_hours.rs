//! Dated hours (`open 2027-12-25 09:00-18:00`, outside audit 8, L3): every
//! reader of a calendar honours them or says it cannot. Documents in English
//! and Russian list them, `routing.json` carries them, a Zendesk schedule
//! (a week and whole-day holidays only) cannot and says so with
//! `inexact-export`; a calendar without them is exported as before.

#[path = "common/specgen.rs"]
mod specgen;

use cxc::diagnostic::Code;
use cxc::generate::Target;
use cxc::syntax::values::Language;

fn spec(dated: &str) -> String {
    format!(
        "service \"S\" {{ owner boss }}\n\
         calendar office \"Office\" {{ timezone \"Europe/Moscow\"; open пн-пт 09:00-18:00\n  \
         closed 2027-12-31{dated} }}\n\
         team t {{ lead boss }}\n\
         role boss {{ team t; duty \"Leads\" }}\n\
         segment s {{ channels mail }}\n\
         channel mail {{ kind email; hours office; owner t }}\n\
         sla s_sla for s {{ hours office; first_response mail within 4h; resolution within 2wd }}\n\
         complaint late {{ segments any; owner t; hours office; acknowledge within 1h; resolve within 2wd\n  \
         escalate after 1wd to boss; remedy apologize; feedback required }}\n"
    )
}

/// The files and `inexact-export` messages of the docs and Zendesk targets.
fn built(dated: &str, language: Language) -> (cxc::generate::Files, Vec<String>) {
    let compiled = specgen::compiled(&spec(dated));
    let spec = &compiled.specs[0];
    let (files, problems) =
        specgen::render::render(spec, language, &[Target::Docs, Target::Zendesk]).expect("renders");
    let inexact = problems
        .iter()
        .filter(|d| d.code == Code::InexactExport)
        .map(|d| d.message.clone())
        .collect();
    (files, inexact)
}

fn text(files: &cxc::generate::Files, path: &str) -> String {
    String::from_utf8(
        files
            .get(path)
            .unwrap_or_else(|| panic!("no {path}"))
            .clone(),
    )
    .unwrap()
}

const SATURDAY: &str = "\n  open 2027-12-25 10:00-15:00";

#[test]
fn documents_list_the_dated_hours_in_english_and_russian() {
    let (en, _) = built(SATURDAY, Language::En);
    // One form of date in a document (outside audit 11, L3): written out
    // in the policy as in the complaint rules.
    let channels = text(&en, "policy/channels.md");
    assert!(
        channels.contains("25 December 2027 10:00–15:00") && !channels.contains("2027-12-25"),
        "{channels}"
    );
    let complaints = text(&en, "policy/complaints.md");
    assert!(
        complaints.contains("25 December 2027 10:00–15:00"),
        "{complaints}"
    );
    let (ru, _) = built(SATURDAY, Language::Ru);
    let channels = text(&ru, "policy/channels.md");
    assert!(
        channels.contains("по особому графику")
            && channels.contains("25 декабря 2027\u{a0}г. 10:00–15:00")
            && !channels.contains("2027-12-25"),
        "{channels}"
    );
    let complaints = text(&ru, "policy/complaints.md");
    assert!(
        complaints.contains("25 декабря 2027\u{a0}г. 10:00–15:00"),
        "{complaints}"
    );
    // Without them, nothing of the kind is said.
    let (plain, _) = built("", Language::En);
    assert!(!text(&plain, "policy/channels.md").contains("25 December 2027"));
}

#[test]
fn routing_json_carries_the_dated_hours() {
    let (files, _) = built(SATURDAY, Language::En);
    let routing: serde_json::Value =
        serde_json::from_str(&text(&files, "routing/routing.json")).unwrap();
    let office = &routing["calendars"][0];
    assert_eq!(office["closed"], serde_json::json!(["2027-12-31"]));
    assert_eq!(
        office["opened"],
        serde_json::json!([{"date": "2027-12-25", "hours": ["10:00-15:00"]}])
    );
}

#[test]
fn a_zendesk_schedule_cannot_carry_dated_hours_and_says_so() {
    let (_, inexact) = built(SATURDAY, Language::En);
    let said: Vec<&String> = inexact
        .iter()
        .filter(|m| m.contains("2027-12-25"))
        .collect();
    assert_eq!(said.len(), 1, "{inexact:?}");
    assert!(said[0].contains("office"), "{said:?}");
    let (_, inexact) = built("", Language::En);
    assert!(
        !inexact.iter().any(|m| m.contains("whole-day holidays")),
        "{inexact:?}"
    );
}
