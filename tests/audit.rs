//! The user audit's airline spec (tests/specs/airline, written from the
//! guide alone, kept as the user wrote it): what `check`, `build` and
//! `measure` say about it after the audit's findings were fixed.

mod common;

use common::{cxc_in, json};
use std::path::{Path, PathBuf};

fn airline() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs/airline")
}

/// Each diagnostic of a JSON check report as (code, file, line).
fn findings(report: &serde_json::Value) -> Vec<(String, String, u64)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn owned(expected: &[(&str, &str, u64)]) -> Vec<(String, String, u64)> {
    expected
        .iter()
        .map(|&(c, f, l)| (c.to_string(), f.to_string(), l))
        .collect()
}

/// Diagnostics text as one line: the renderer wraps long messages.
fn unwrapped(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .replace(['│', '×', '⚠'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The audit accepts as true the remaining warnings: mixed-tier-queue on
/// three queues and channel-switch from the app to the phone; and the two
/// it asked for in its finding A2, which the language-3 rules now give: the
/// elite SLA counts chat around the clock on a channel open office hours
/// (`sla-beyond-channel-hours`), and the elite call-back promise rests on a
/// 90% target below the 95% keep rate (`promise-below-keep-rate`). Since
/// the second audit (A1: calendars in different zones compare in absolute
/// time, a 24x7 clock is open in every zone) three more, all true: the elite
/// and corporate SLAs count e-mail around the clock while the e-mail desk
/// keeps New York office hours, and the leisure SLA counts e-mail on Berlin
/// office hours, which start while New York is closed (08:00 Berlin is
/// 02:00 New York). And `headcount-short` on the phone agents, who hold the
/// phone line's seats: the contact centre is short (since a lead is no
/// longer counted as an agent, outside audit 3, finding 13) only by their
/// gap, so that is said once, at the role. Nothing else: the e-mail queue
/// carries its load, so no `understaffed`.
#[test]
fn check_gives_exactly_the_findings_the_audit_accepts() {
    let report = json(&cxc_in(&airline(), &["check", "--format", "json"]));
    let found = findings(&report);
    let expected = [
        // `5wd` and `3wd` on the 24x7 calendar `always`: calendar days
        // (audit 4, MEDIUM 3), as is the elite and corporate `resolution`.
        ("working-days-on-wall-clock", "complaints.cx", 19),
        ("working-days-on-wall-clock", "complaints.cx", 20),
        ("mixed-tier-queue", "complaints.cx", 36),
        ("mixed-tier-queue", "complaints.cx", 47),
        ("mixed-tier-queue", "complaints.cx", 57),
        ("channel-switch", "journeys.cx", 15),
        ("sla-beyond-channel-hours", "slas.cx", 4),
        ("sla-beyond-channel-hours", "slas.cx", 5),
        ("working-days-on-wall-clock", "slas.cx", 6),
        ("sla-beyond-channel-hours", "slas.cx", 14),
        ("working-days-on-wall-clock", "slas.cx", 15),
        ("sla-beyond-channel-hours", "slas.cx", 22),
        ("promise-below-keep-rate", "slas.cx", 31),
        // The phone line is owned by the role `phone_agent`, whose 86
        // people hold its seats (outside audit 4, MEDIUM 1): the elite and
        // general phone queues need 93 at 09:30. (The e-mail line is owned
        // by the lead of customer relations, whose line roles take it: no
        // finding for a lead of one.) The contact centre's 100 agents (its
        // lead not counted: outside audit 3, finding 13) against 101 at
        // 09:30 is the same gap — the 7 phone agents more would cover it —
        // so it is reported once, at the role.
        ("headcount-short", "teams.cx", 24),
    ];
    assert_eq!(found, owned(&expected), "{report}");
}

/// A12: the complaint owner `claims_handler` is a role, and its team
/// `customer_relations` is the one without a queue; five pairs are listed
/// whole; the escalation after 5wd (9 days 20 hours of wall-clock time at the
/// most on the Berlin office, from a Saturday before Christmas to the Monday
/// after; audit 3 finding 4) is said in days, not "396000 s".
#[test]
fn export_messages_name_a_role_a_role_and_say_durations_in_words() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    let target = target.to_str().unwrap();
    for (language, role, pairs, escalates) in [
        (
            "en",
            "team `customer_relations`, where role `claims_handler` works, has no queue",
            "elite / phone, elite / chat, corporate / phone, leisure / phone, leisure / chat;",
            "complaint rule `eu261` escalates after 9 days 20 hours, but TaskRouter cancels a task after 1 day",
        ),
        (
            "ru",
            "у команды `customer_relations`, в которой работает роль `claims_handler`, нет очереди",
            "elite / phone, elite / chat, corporate / phone, leisure / phone, leisure / chat;",
            "правило жалоб `eu261` эскалирует через 9 дней 20 часов, но TaskRouter отменяет задачу через 1 день",
        ),
    ] {
        let output = cxc_in(&airline(), &["build", ".", "-o", target, "--lang", language]);
        let said = unwrapped(&output.stderr);
        for expected in [role, pairs, escalates] {
            assert!(said.contains(expected), "{language}: no `{expected}` in\n{said}");
        }
        assert!(!said.contains("(+"), "{said}");
        assert!(!said.contains(" s,") && !said.contains(" с,"), "{said}");
    }
}

/// A14: one bad line is "line 19", and a time before the creation names
/// `created`; durations in measure's findings are words ("1 day"), not
/// spec syntax ("1d").
#[test]
fn measure_messages_name_the_column_and_say_one_line() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().to_str().unwrap();
    let report = json(&common::measure_own_data(
        &airline(),
        &["-o", target, "--format", "json"],
    ));
    let messages: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    let all = messages.join("\n");
    assert!(
        all.contains("`resolved` is earlier than `created` (line 19)"),
        "{all}"
    );
    assert!(
        !all.contains("(lines 19)") && !all.contains("the time it follows"),
        "{all}"
    );
    let late = messages
        .iter()
        .find(|m| m.starts_with("step `поиск`"))
        .expect("the search step is late");
    assert!(late.contains("took longer than 1 day in 2 of 4"), "{late}");
    assert!(!late.contains("1d"), "{late}");
}

fn pharmacy() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs/pharmacy")
}

/// The second audit's pharmacy spec (tests/specs/pharmacy, written from the
/// guide alone, never edited), which its author brought to a clean check.
/// The fixes of that audit make these findings true, and nothing else:
/// - A1 `sla-beyond-channel-hours` ×4: the subscriber and regular SLAs run
///   24x7 (`hours always`) over the national 8-800 line (open 07–23) and the
///   e-mail desk (Moscow office hours); a 24x7 clock is open in every zone,
///   so the zones no longer hide it (the audit shows the breaches it causes
///   in the job descriptions and the Zendesk policy).
/// - A6 `right-conflict`: the contact centre owns `опоздание`, whose remedy
///   compensates with a free delivery (no sum); the job description gives
///   the line role `старший_оператор` that remedy right beside its own
///   capped compensation right (the audit's A6, «Права» lines 70–71).
/// - `deadline-exceeds-target` on `доставка`: a customer whose prescription
///   must be asked for again (the first loop) and whose courier fails once
///   (the second) meets step deadlines of 3d16h against the journey's 3d.
///   Found once the longest path took both loops (outside audit 3: two loops
///   one after the other counted only one).
/// - `deadline-exceeds-target` on `подписка`: a subscriber who once does
///   not answer the reminder (back to `напоминание`, 1d + 1d again) and once
///   needs a new prescription (back to `подтверждение`, 1d + 4h again) meets
///   step deadlines of 7d8h against the journey's 7d. Found once loops that
///   share a step (`подтверждение` is on both) each count (loop6: the
///   longest way took one loop of a group only).
/// - `headcount-short` on `регион_дв`: 8 operators for the 9 the Far East
///   line needs; its author counted the lead `рук_дв` as the ninth (outside
///   audit 3, finding 13: a lead is not an agent on the line).
/// - B3 `forecast-when-closed` ×3: the clinic, subscriber and national
///   queues forecast calls from 00:00 to 06:30 and at 23:00–23:30, when
///   their channel `phone` (hours `national`, 07:00–23:00) is closed;
///   staffing plans nobody for them (it planned agents there before).
/// - `promise-exceeds-sla` ×2 (errors), once a target on one business
///   calendar is held against a promise on another by the most of the
///   promise's clock it can take: the clinics' "within 30 seconds" counts
///   on the national line's hours (07–23 every day), its backing target of
///   15 seconds on the clinic desk's (Mon–Fri 09–18), so a clinic's call
///   on Friday at 18:00 meets the target when answered on Monday at
///   09:00:15 — over two days of the promise's clock; and "every e-mail
///   within 8 working hours" (Moscow office hours, Saturdays included)
///   is backed for clinics by 1 clinic-desk hour, which can take 12 office
///   hours from Friday 18:00. `cxc measure` counts both promises so.
#[test]
fn pharmacy_check_gives_exactly_the_findings_the_second_audit_makes_true() {
    let report = json(&cxc_in(&pharmacy(), &["check", "--format", "json"]));
    let found = findings(&report);
    let expected = [
        ("right-conflict", "complaints.cx", 11),
        ("deadline-exceeds-target", "journeys.cx", 2),
        ("deadline-exceeds-target", "journeys.cx", 47),
        // `5wd` on a journey: the wall clock, calendar days (audit 4,
        // MEDIUM 3).
        ("working-days-on-wall-clock", "journeys.cx", 70),
        ("promise-exceeds-sla", "promises.cx", 5),
        ("promise-exceeds-sla", "promises.cx", 17),
        ("sla-beyond-channel-hours", "slas.cx", 13),
        ("sla-beyond-channel-hours", "slas.cx", 17),
        // The regional phone lines belong to regional SLAs that set no
        // resolution, while the segments have one on their other channels
        // (true by the guide's rule; audit 16 M5's rule).
        ("channel-without-resolution", "slas.cx", 24),
        ("channel-without-resolution", "slas.cx", 28),
        ("channel-without-resolution", "slas.cx", 32),
        ("sla-beyond-channel-hours", "slas.cx", 36),
        ("sla-beyond-channel-hours", "slas.cx", 39),
        ("channel-without-resolution", "slas.cx", 45),
        ("channel-without-resolution", "slas.cx", 49),
        ("channel-without-resolution", "slas.cx", 53),
        ("forecast-when-closed", "slas.cx", 62),
        ("forecast-when-closed", "slas.cx", 73),
        ("forecast-when-closed", "slas.cx", 85),
        // Audit 14, M5: the seats of one moment are covered, a week of them
        // at 40 hours a person is not (11,912 seat-hours against 140
        // people, 180 against 4, 864 against 12, 572 against 9): true, the
        // spec states seats as people.
        ("headcount-short", "teams.cx", 10),
        ("headcount-short", "teams.cx", 38),
        ("headcount-short", "teams.cx", 42),
        ("headcount-short", "teams.cx", 46),
        ("headcount-short", "teams.cx", 70),
    ];
    assert_eq!(found, owned(&expected), "{report}");
}
