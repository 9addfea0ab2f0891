//! The documents of a UK clinic network, as the outside review of audit 10
//! read them (tests/specs/clinic, kept as the auditor left it): which roles
//! a resolution target without a channel binds (M1), "everyone" and the
//! working-day due time on the customer page (M5, L5), days worded as
//! regulations count them (L3), display names in the measure report (L10),
//! and `cxc staff` printing the findings `cxc check` prints (L4).

mod common;

use common::{cxc_in, json, measure_own_data};
use std::path::{Path, PathBuf};

const CLINIC: &str = "tests/specs/clinic";

fn clinic() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(CLINIC)
}

/// The documents in `language`, read back by relative path.
struct Built {
    dir: tempfile::TempDir,
}

impl Built {
    fn new(language: &str) -> Built {
        let dir = common::docs_of(CLINIC, Some(language), "2026-12-06");
        Built { dir }
    }

    fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(path))
            .unwrap_or_else(|e| panic!("{path}: {e}"))
    }
}

/// M1: the members' `resolution within 1wd` (members_sla, England
/// calendar) governs the channels members_sla names and those no SLA of
/// the members names; the nurse line belongs to `triage_sla`, the Scottish
/// line to `members_scot`. So the booking coordinators and the London
/// reception carry it, the triage nurses and the Edinburgh reception do not.
#[test]
fn a_resolution_without_a_channel_binds_only_the_roles_of_the_channels_its_sla_governs() {
    for (language, working_day) in [("en", "1 working day"), ("ru", "1 рабочего дня")] {
        let built = Built::new(language);
        for role in ["receptionist_mcr", "receptionist_ldn"] {
            let jd = built.read(&format!("hr/{role}.md"));
            assert!(
                jd.contains(working_day),
                "{language} {role} lacks the members' resolution target:\n{jd}"
            );
        }
        for role in ["triage_nurse", "receptionist_edi"] {
            let jd = built.read(&format!("hr/{role}.md"));
            assert!(
                !jd.contains(working_day),
                "{language} {role} carries the England booking office's resolution clock:\n{jd}"
            );
            assert!(
                !jd.contains("Clinic hours (England)"),
                "{language} {role} is told the England calendar:\n{jd}"
            );
        }
    }
}

/// M5, L5: the customer page says "everyone" (never "segments"), and when
/// a promise in working days falls due.
#[test]
fn the_customer_page_says_everyone_and_when_working_days_fall_due() {
    for (language, everyone, segments, due) in [
        (
            "en",
            "For: everyone",
            "segments",
            "by closing time on the next working day",
        ),
        (
            "ru",
            "Для кого: все клиенты",
            "сегмент",
            "до закрытия следующего рабочего дня",
        ),
    ] {
        let page = Built::new(language).read("policy/our-promises.md");
        assert!(page.contains(everyone), "{language}:\n{page}");
        assert!(!page.contains(segments), "{language}:\n{page}");
        assert!(page.contains(due), "{language}:\n{page}");
    }
}

/// L3: `28d` is "28 calendar days", not "4 calendar weeks".
#[test]
fn days_are_counted_in_calendar_days_not_weeks() {
    for (language, days, weeks) in [
        ("en", "28 calendar days", "calendar weeks"),
        ("ru", "28 календарных дней", "календарных недел"),
    ] {
        let complaints = Built::new(language).read("policy/complaints.md");
        assert!(complaints.contains(days), "{language}:\n{complaints}");
        assert!(!complaints.contains(weeks), "{language}:\n{complaints}");
    }
}

/// M1 in `cxc measure`: the members' resolution target counts the members'
/// contacts on the channels it governs — every one except the nurse line
/// and the Scottish line, which other SLAs of the members name — as the
/// cost table counts contacts per segment and channel.
#[test]
fn measure_counts_a_resolution_on_the_channels_its_sla_governs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    measure_own_data(&clinic(), &["-o", out]);
    let measured: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("measure.json")).unwrap())
            .unwrap();
    let resolution = (measured["targets"].as_array().unwrap().iter())
        .find(|t| t["sla"] == "members_sla" && t["kind"] == "resolution")
        .unwrap_or_else(|| panic!("{measured}"));
    let cells = measured["money"]["cost_to_serve"].as_array().unwrap();
    let members_on = |governed: bool| -> u64 {
        (cells.iter())
            .filter(|c| c["segment"] == "members")
            .filter(|c| {
                let other = c["channel"] == "triage" || c["channel"] == "booking_phone_scot";
                other != governed
            })
            .map(|c| c["contacts"].as_u64().unwrap())
            .sum()
    };
    assert!(
        members_on(false) > 0,
        "no members on the nurse or Scottish line: {measured}"
    );
    assert_eq!(
        resolution["n"].as_u64().unwrap(),
        members_on(true),
        "{measured}"
    );
}

/// L10: the report names segments and SLAs as the spec does, not by id.
#[test]
fn the_measure_report_names_segments() {
    for (language, name) in [("en", "Self-pay patients"), ("ru", "Self-pay patients")] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().to_str().unwrap();
        measure_own_data(&clinic(), &["-o", out, "--lang", language]);
        for file in ["report.md", "report.html"] {
            let report = std::fs::read_to_string(dir.path().join(file)).unwrap();
            assert!(report.contains(name), "{language} {file}:\n{report}");
            assert!(
                !report.contains("| self_pay |") && !report.contains("self_pay ·"),
                "{language} {file} names a segment by its id:\n{report}"
            );
        }
    }
}

/// L4: `cxc staff` prints to stderr the findings `cxc check` prints, with
/// the same count, and exits as `cxc check` does.
#[test]
fn staff_prints_the_findings_check_prints() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&clinic(), dir.path());
    // One queue short of agents: `understaffed`, an error, besides the
    // spec's warnings.
    let queues = dir.path().join("queues.cx");
    let text = std::fs::read_to_string(&queues).unwrap();
    std::fs::write(&queues, text.replacen("agents 8\n", "agents 4\n", 1)).unwrap();
    let check = cxc_in(dir.path(), &["check", "."]);
    let staff = cxc_in(dir.path(), &["staff", ".", "--format", "json"]);
    let check_out = String::from_utf8_lossy(&check.stdout).into_owned();
    let staff_err = String::from_utf8_lossy(&staff.stderr).into_owned();
    assert!(check_out.contains("understaffed"), "{check_out}");
    assert_eq!(staff_err, check_out);
    assert_eq!(staff.status.code(), check.status.code());
    assert_eq!(check.status.code(), Some(1));
    json(&staff);
}

/// M1 in Zendesk: the members' "other channels" policy, which carries the
/// England resolution target, leaves out the tickets of the nurse line
/// once they arrive through a via id of their own; with the via ids of
/// every phone line (the default) they cannot be told apart from the
/// England line's, which keeps its target.
#[test]
fn zendesk_keeps_the_nurse_line_out_of_the_booking_office_resolution() {
    let catch_all_excludes = |yaml: &str| -> Vec<u64> {
        let dir = tempfile::tempdir().unwrap();
        common::copy_dir(&clinic(), dir.path());
        let config = dir.path().join("cxc.yaml");
        let text = std::fs::read_to_string(&config).unwrap();
        std::fs::write(&config, text.replacen("exports:\n", yaml, 1)).unwrap();
        let out = dir.path().join("out");
        let args = [
            "build",
            ".",
            "-o",
            out.to_str().unwrap(),
            "--target",
            "zendesk",
        ];
        let built = cxc_in(dir.path(), &args);
        assert!(
            built.status.success(),
            "{}",
            String::from_utf8_lossy(&built.stderr)
        );
        let policies: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(out.join("routing/zendesk-sla-policies.json")).unwrap(),
        )
        .unwrap();
        let policy = (policies.as_array().unwrap().iter())
            .map(|p| &p["sla_policy"])
            .find(|p| {
                let title = p["title"].as_str().unwrap();
                title.starts_with("Thistle Care+ members") && title.ends_with("other channels")
            })
            .unwrap_or_else(|| panic!("{policies}"))
            .clone();
        (policy["filter"]["all"].as_array().unwrap().iter())
            .filter(|c| c["field"] == "via_id" && c["operator"] == "is_not")
            .map(|c| c["value"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(
        catch_all_excludes("exports:\n  zendesk:\n    via_ids:\n      triage: [9001]\n      booking_phone_scot: [9002]\n"),
        vec![9001, 9002]
    );
    assert_eq!(catch_all_excludes("exports:\n"), Vec::<u64>::new());
}
