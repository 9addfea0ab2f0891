//! Money (language 3) on `tests/measure/money`: every figure worked out by
//! hand from the spec's costs and the six contacts.
//!
//! Phone: 10 per contact, plus the support team's line roles per hour,
//! weighted by headcount — the agents' 1800 (the lead organises the line
//! and answers none of it). Of its four contacts two give a handle time
//! (720 s + 360 s), two take the queue's `aht` of 6 minutes: 1800 s =
//! 0.5 h → 900, plus 4 × 10 = 940, 235 per contact. Portal: 5 per contact,
//! two contacts, 10. The segment: 950 over 6 contacts, 158.33 each.
//!
//! At risk: c1 (NPS 3) and c2 (NPS 2, then 5) are two customers, and the
//! nameless row with NPS 0 counts one: 3 × 1000 × 50% churn = 1500.
//!
//! FCR: five resolved contacts naming a customer; c1's first and c2's first
//! are repeated within 7 days: 3 of 5 = 60% against 80%: 5 × 0.2 = 1
//! contact fewer at 158.33. Self-service: 2 of 6 contacts on the portal
//! against 60%: 6 × (0.6 − 1/3) = 1.6 contacts moved, each 235 − 5 = 230
//! cheaper: 368.

use std::path::Path;

fn money(lang: &str) -> (serde_json::Value, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/measure/money");
    let out = tempfile::tempdir().unwrap();
    let output = super::common::cxc_in(
        &root,
        &[
            "measure",
            "spec.cx",
            "--contacts",
            "contacts.csv",
            "--lang",
            lang,
            "-o",
            out.path().to_str().unwrap(),
        ],
    );
    assert!(output.status.code() == Some(0), "{output:?}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("measure.json")).unwrap()).unwrap();
    let markdown = std::fs::read_to_string(out.path().join("report.md")).unwrap();
    (json["money"].clone(), markdown)
}

#[test]
fn cost_to_serve_revenue_at_risk_and_savings_are_the_hand_worked_figures() {
    let (m, _) = money("en");
    let phone = &m["cost_to_serve"][0];
    assert_eq!(phone["channel"], "phone");
    assert_eq!(
        (
            &phone["contacts"],
            &phone["timed"],
            &phone["costed"],
            &phone["price_per_hour"],
            &phone["aht_seconds"],
        ),
        (&4.into(), &2.into(), &4.into(), &1800.into(), &360.into())
    );
    assert_eq!(
        (&phone["cost"], &phone["per_contact"]),
        (&940.into(), &235.into())
    );
    let portal = &m["cost_to_serve"][1];
    assert_eq!(
        (&portal["cost"], &portal["per_contact"]),
        (&10.into(), &5.into())
    );
    assert_eq!(m["cost_by_segment"][0]["cost"], 950);
    assert_eq!(m["cost_by_segment"][0]["per_contact"], 158.33);
    let risk = &m["revenue_at_risk"][0];
    assert_eq!(risk["customers_at_risk"], 3);
    assert_eq!(risk["counted_by_row"], 1);
    assert_eq!(risk["revenue_at_risk"], 1500);
    let fcr = &m["savings"][0];
    assert_eq!(fcr["lever"], "fcr");
    assert_eq!(
        (&fcr["measured"], &fcr["target"], &fcr["n"]),
        (&60.into(), &80.into(), &5.into())
    );
    assert_eq!(
        (&fcr["contacts"], &fcr["saving"]),
        (&1.into(), &158.33.into())
    );
    let own = &m["savings"][1];
    assert_eq!(own["lever"], "self_service");
    assert_eq!(own["contacts"], 1.6);
    assert_eq!(own["unit_saving"], 230);
    assert_eq!(own["saving"], 368);
}

#[test]
fn each_money_figure_has_its_assumptions_beside_it_in_both_languages() {
    let (_, en) = money("en");
    // A sign after its figure is kept on its line by a no-break space.
    let en = en.replace('\u{a0}', " ");
    assert!(
        en.contains("| mass | phone | 4 | 4 | 940 | 235 | 10 ₽ per contact; 1,800 ₽ per hour"),
        "{en}"
    );
    // The catalogue's code is code, never backticks shown as typed.
    assert!(en.contains("the `aht` of queue calls (6 minutes)"), "{en}");
    assert!(!en.contains("\\`"), "{en}");
    assert!(
        en.contains("× average check 1,000 ₽ × churn share 50%"),
        "{en}"
    );
    assert!(en.contains("each saving 230 ₽"), "{en}");
    let (_, ru) = money("ru");
    // Russian groups digits with a no-break space.
    let ru = ru.replace(['\u{a0}', '\u{202f}'], " ");
    assert!(!ru.contains("\\`"), "{ru}");
    assert!(ru.contains("## Деньги"), "{ru}");
    assert!(
        ru.contains("× средний чек 1 000 ₽ × доля ухода 50%"),
        "{ru}"
    );
    assert!(
        ru.contains("| mass | доля самообслуживания | 33,3% | 60% | 368 |"),
        "{ru}"
    );
    // Counts agree with their nouns (the catalogues' plural forms), never
    // an abbreviation or "1 обращений".
    for said in [
        "по `handle_time` из выгрузки (2 обращения)",
        "2 клиента, которые жаловались или поставили NPS 0–6, и 1 такая строка без клиента",
        "5 решённых обращений × разрыв до цели",
        "обращений меньше на 1,",
        "6 обращений × разрыв до цели",
    ] {
        assert!(ru.replace('\\', "").contains(said), "{said}\n{ru}");
    }
    assert!(
        !ru.contains("обращ.)") && !ru.contains(" 1 обращений"),
        "{ru}"
    );
}

#[test]
fn an_hourly_cost_without_any_handle_time_leaves_those_contacts_uncosted() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/measure/money");
    let spec = std::fs::read_to_string(root.join("spec.cx"))
        .unwrap()
        .replace("queue calls { channel phone; team support; aht 6m }", "");
    let contacts = std::fs::read_to_string(root.join("contacts.csv")).unwrap();
    let (found, measured) = super::measure_in(&spec, &contacts, "case,journey,step,entered\n");
    // No queue: the roles' hourly cost has no team to follow, so phone
    // costs only its own 10 per contact, for all four — and each role's
    // cost line says so.
    let phone = &measured["money"]["cost_to_serve"][0];
    assert_eq!((&phone["costed"], &phone["cost"]), (&4.into(), &40.into()));
    assert_eq!(uncosted(&found), ["spec.cx:5", "spec.cx:6"], "{found:?}");
    let spec = std::fs::read_to_string(root.join("spec.cx"))
        .unwrap()
        .replace("; aht 6m", "");
    let (found, measured) = super::measure_in(&spec, &contacts, "case,journey,step,entered\n");
    // The queue names the team but gives no `aht`: only the two contacts
    // with a handle time are costed: 20 + (1080 s = 0.3 h) × 1800 = 560.
    // The agents' hourly cost line is found wanting (the lead's is not
    // the queue's: the lead answers none of it).
    let phone = &measured["money"]["cost_to_serve"][0];
    assert_eq!((&phone["costed"], &phone["cost"]), (&2.into(), &560.into()));
    assert_eq!(phone["per_contact"], 280);
    assert_eq!(uncosted(&found), ["spec.cx:6"], "{found:?}");
}

/// The lines of `hourly-cost-uncosted` findings.
fn uncosted(found: &std::collections::BTreeSet<String>) -> Vec<&str> {
    found
        .iter()
        .filter_map(|f| f.strip_suffix(" hourly-cost-uncosted"))
        .collect()
}

/// An hourly cost turns into a cost per contact through the queue's `aht`
/// or the export's `handle_time`: with either, no finding; with neither,
/// one at the cost line saying what it left out and what to add.
#[test]
fn an_hourly_cost_that_cannot_be_costed_is_a_finding_at_its_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/measure/money");
    let spec = std::fs::read_to_string(root.join("spec.cx")).unwrap();
    let contacts = std::fs::read_to_string(root.join("contacts.csv")).unwrap();
    let (found, _) = super::measure_in(&spec, &contacts, "case,journey,step,entered\n");
    assert!(uncosted(&found).is_empty(), "{found:?}");
    // A channel costed by the hour: its contacts with a handle time are
    // costed, the others are not, without an `aht`.
    let hourly = spec.replace(
        "channel portal { kind portal; owner support; self_service; cost 5 per contact }",
        "channel portal { kind portal; owner support; self_service; cost 60 per hour }",
    );
    assert_ne!(hourly, spec);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spec.cx"), &hourly).unwrap();
    std::fs::write(dir.path().join("contacts.csv"), &contacts).unwrap();
    let output = super::common::cxc_in(
        dir.path(),
        &[
            "measure",
            "spec.cx",
            "--contacts",
            "contacts.csv",
            "--format",
            "json",
        ],
    );
    let report = super::common::json(&output);
    let finding = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "hourly-cost-uncosted")
        .unwrap_or_else(|| panic!("{report}"));
    assert_eq!(finding["line"], 8, "{finding}");
    let message = finding["message"].as_str().unwrap();
    assert!(
        message.contains("channel `portal`")
            && message.contains("2 of 2 contacts")
            && message.contains("no queue answers the channel"),
        "{message}"
    );
    let help = finding["help"].as_str().unwrap_or_default();
    assert!(
        help.contains("`aht`") && help.contains("`handle_time`"),
        "{help}"
    );
    // With a handle time on every portal contact, the cost is known.
    let timed = contacts
        .replace("c2,2,\n", "c2,2,300\n")
        .replace("c2,5,\n", "c2,5,240\n");
    assert_ne!(timed, contacts);
    let (found, measured) = super::measure_in(&hourly, &timed, "case,journey,step,entered\n");
    assert!(uncosted(&found).is_empty(), "{found:?}");
    let portal = &measured["money"]["cost_to_serve"][1];
    // (300 + 240) s = 0.15 h × 60 = 9.
    assert_eq!((&portal["costed"], &portal["cost"]), (&2.into(), &9.into()));
}

/// An agent on a queue with `concurrency 3` handles three contacts at once,
/// so an hour of their cost carries three contacts' handle time (audit 2,
/// A9): the phone's 1800 s of handling are 0.5 h / 3 of agent time,
/// 1800 / 6 = 300, plus 4 × 10 = 340 — not 940 as one at a time.
#[test]
fn an_hourly_cost_is_shared_by_the_contacts_an_agent_handles_at_once() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/measure/money");
    let spec = std::fs::read_to_string(root.join("spec.cx"))
        .unwrap()
        .replace("; aht 6m }", "; aht 6m; concurrency 3 }");
    assert!(spec.contains("concurrency 3"));
    let contacts = std::fs::read_to_string(root.join("contacts.csv")).unwrap();
    let (_, measured) = super::measure_in(&spec, &contacts, "case,journey,step,entered\n");
    let phone = &measured["money"]["cost_to_serve"][0];
    assert_eq!(phone["channel"], "phone");
    assert_eq!((&phone["costed"], &phone["cost"]), (&4.into(), &340.into()));
    assert_eq!(phone["per_contact"], 85);
}

/// Outside audit 6, F8: a contact is costed at the rate of the people who
/// answer it. `gold_line` is owned by the role `gold_agent`: its contacts
/// cost that role's 32 an hour, not a blend of the team. `phone` is owned
/// by the team: its line roles by headcount, the lead left out and the
/// trainee (no cost) too: (3 × 20 + 1 × 32) / 4 = 23 an hour. `email` is
/// answered by team `solo`, whose lead is alone: 40 an hour. A contact
/// nobody answered (no `answered`, `first_response` nor `resolved`) is
/// charged no handle time, even where the export gives one (p2's 120 s;
/// outside audit 7, F5); one answered without a `handle_time` takes the
/// queue's `aht` (an e-mail with only a `first_response` was answered).
///
/// - gold_line: 3 × 5 + (600 + 360 + 0) s × 32 / 3600 = 15 + 8.5333 = 23.53,
///   7.84 a contact (before: 26 an hour and the abandoned call at 6 minutes,
///   15 + 1320 s × 26 / 3600 = 24.53);
/// - phone: 2 × 1 + 900 s × 23 / 3600 = 2 + 5.75 = 7.75, 3.88 a contact;
/// - email: 300 s × 40 / 3600 = 3.33.
#[test]
fn contacts_cost_what_the_people_who_answer_them_cost_and_abandoned_ones_no_handle_time() {
    let spec = r#"service "Takers" { language en; currency GBP; review every 12 months; reviewed 2026-10-01 }
team fnol { lead fnol_lead }
team solo { lead solo_lead }
role fnol_lead { team fnol; headcount 1; duty "Leads the line"; cost 38 per hour }
role fnol_agent { team fnol; headcount 3; duty "Answers calls"; cost 20 per hour }
role gold_agent { team fnol; headcount 1; duty "Answers the Gold line"; cost 32 per hour }
role trainee { team fnol; headcount 1; duty "Learns the line" }
role solo_lead { team solo; headcount 1; duty "Answers e-mail alone"; cost 40 per hour }
channel phone { kind phone; owner fnol; cost 1 per contact }
channel gold_line { kind phone; owner gold_agent; cost 5 per contact }
channel email { kind email; owner solo }
segment gold { channels phone, gold_line, email }
sla gold_sla for gold { answer phone 80% within 1m; answer gold_line 90% within 20s }
queue gold_queue { channel gold_line; team fnol; aht 6m }
queue phone_queue { channel phone; team fnol; aht 10m }
queue email_queue { channel email; team solo; aht 5m }
"#;
    let contacts = "\
id,segment,channel,created,answered,first_response,resolved,handle_time
g1,gold,gold_line,2026-11-02T10:00:00Z,2026-11-02T10:00:10Z,,,600
g2,gold,gold_line,2026-11-02T11:00:00Z,2026-11-02T11:00:10Z,,,
g3,gold,gold_line,2026-11-02T12:00:00Z,,,,
p1,gold,phone,2026-11-02T10:00:00Z,2026-11-02T10:00:30Z,,,900
p2,gold,phone,2026-11-02T11:00:00Z,,,,120
e1,gold,email,2026-11-02T10:00:00Z,,2026-11-02T12:00:00Z,,
";
    let (_, measured) = super::measure_in(spec, contacts, "case,journey,step,entered\n");
    let cells = measured["money"]["cost_to_serve"].as_array().unwrap();
    let cell = |channel: &str| {
        cells
            .iter()
            .find(|c| c["channel"] == channel)
            .unwrap_or_else(|| panic!("{channel}: {cells:?}"))
    };
    let figures = |channel: &str| {
        let c = cell(channel);
        (
            c["price_per_hour"].clone(),
            c["costed"].clone(),
            c["cost"].clone(),
            c["per_contact"].clone(),
        )
    };
    assert_eq!(
        figures("gold_line"),
        (32.into(), 3.into(), 23.53.into(), 7.84.into())
    );
    assert_eq!(
        figures("phone"),
        (23.into(), 2.into(), 7.75.into(), 3.88.into())
    );
    assert_eq!(
        figures("email"),
        (40.into(), 1.into(), 3.33.into(), 3.33.into())
    );
}
