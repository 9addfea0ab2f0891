//! Audit 15, H2 and M4: a deadline's share is said as the share on time
//! beside the goal it misses ("75.5% late" meant 75.5% on time), and a
//! deadline no row could time — an end step in an export without `left` —
//! is neither met nor missed: `ok` is null and the report says why.

const SPEC: &str = r#"service "Verdicts" { language en }
team support { lead lead }
role lead { team support; duty "Leads support" }
channel chat { kind chat; owner support }
segment mass { channels chat }
sla mass_sla for mass { answer chat 80% within 1m }
journey fix {
  segments mass
  start report
  step report { owner support; channel chat; within 10m; next done }
  step done { owner support; channel chat; within 1h; end "Fixed" }
}
"#;

/// Four cases: three left `report` late (20 minutes), one on time; none
/// has a `left` time, so `done` is never timed.
const CASES: &str = "case,journey,step,entered\n\
    a,fix,report,2026-11-02T10:00:00Z\n\
    a,fix,done,2026-11-02T10:05:00Z\n\
    b,fix,report,2026-11-02T11:00:00Z\n\
    b,fix,done,2026-11-02T11:20:00Z\n\
    c,fix,report,2026-11-02T12:00:00Z\n\
    c,fix,done,2026-11-02T12:20:00Z\n\
    d,fix,report,2026-11-02T13:00:00Z\n\
    d,fix,done,2026-11-02T13:20:00Z\n";

const CONTACTS: &str = "id,segment,channel,created,answered\n\
    1,mass,chat,2026-11-02T10:00:00Z,2026-11-02T10:00:30Z\n";

#[test]
fn an_untimed_deadline_is_no_verdict_and_a_missed_share_is_said_on_time() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spec.cx"), SPEC).unwrap();
    std::fs::write(dir.path().join("contacts.csv"), CONTACTS).unwrap();
    std::fs::write(dir.path().join("cases.csv"), CASES).unwrap();
    let (_, measured) = super::measure_dir(dir.path(), "spec.cx");
    let steps = &measured["journeys"][0]["steps"];
    let report = &steps[0]["on_time"];
    assert_eq!(
        (report["n"].as_u64(), report["kept"].as_u64()),
        (Some(4), Some(1))
    );
    assert_eq!(report["ok"], false, "{report}");
    let done = &steps[1]["on_time"];
    assert_eq!(done["n"], 0, "{done}");
    assert!(
        done["ok"].is_null(),
        "an untimed deadline is not met: {done}"
    );
    // The SLA target with its one contact answered is met.
    assert_eq!(measured["targets"][0]["ok"], true);

    let markdown = std::fs::read_to_string(dir.path().join("out/report.md")).unwrap();
    let row = |step: &str| {
        markdown
            .lines()
            .find(|l| l.starts_with(&format!("| {step} |")))
            .unwrap_or_else(|| panic!("no row for {step}:\n{markdown}"))
            .to_string()
    };
    let late = row("report");
    assert!(
        late.contains("10 minutes: 25% on time — **missed** (goal 95%)"),
        "{late}"
    );
    assert!(!late.contains("late"), "{late}");
    let untimed = row("done");
    assert!(untimed.contains("1 hour: not measured"), "{untimed}");
    assert!(untimed.contains("`left`"), "{untimed}");
    assert!(!untimed.contains("met"), "{untimed}");

    let russian = super::russian_report(dir.path());
    assert!(
        russian.contains("10 минут: в срок 25% — **не выполнено** (цель 95%)"),
        "{russian}"
    );
    assert!(russian.contains("1 час: не измерено"), "{russian}");
}
