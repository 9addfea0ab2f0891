//! Two channels through one Zendesk via id (audit 13, H2): Stackwise's
//! support portal and its Severity-1 "production down" form are both web
//! forms (via_id 0). Zendesk applies the first policy that matches a
//! ticket, so which policy comes first decides which target a ticket gets.

use super::zendesk::{applies, Target, Ticket};
use super::{build_copy, invariants};

/// An Enterprise ticket through via_id 0, of ticket form `form` if any.
fn enterprise(form: Option<u64>) -> Ticket {
    Ticket {
        tags: vec!["enterprise".into()],
        organization: None,
        via: 0,
        priority: "urgent",
        marks: form
            .map(|f| ("ticket_form_id".to_string(), f))
            .into_iter()
            .collect(),
    }
}

/// The contract's Severity-1 targets: 15 minutes and 8 hours, 24x7.
const SEV1: (Target, Target) = (
    Target {
        seconds: 15 * 60,
        business_hours: false,
    },
    Target {
        seconds: 8 * 3600,
        business_hours: false,
    },
);

/// Told apart by the form's id in cxc.yaml, a Severity-1 ticket gets 15
/// minutes 24x7 and a portal ticket the portal's hour of business time.
#[test]
fn a_ticket_form_tells_the_severity_1_form_from_the_portal() {
    let config = "exports:\n  zendesk:\n    ticket_forms:\n      sev1_form: [360001234567]\n";
    let (_w, built) = build_copy("tests/specs/stackwise", config);
    invariants::check(&built, "stackwise, the Severity-1 form told apart");
    let sev1 = applies(&built.policies, &enterprise(Some(360001234567))).unwrap();
    assert_eq!(
        (sev1.first_reply, sev1.resolution),
        (Some(SEV1.0), Some(SEV1.1)),
        "{}",
        sev1.title
    );
    let portal = applies(&built.policies, &enterprise(None)).unwrap();
    assert_eq!(
        portal.first_reply,
        Some(Target {
            seconds: 3600,
            business_hours: true
        }),
        "{}",
        portal.title
    );
    // Nothing left to say about the form: no finding about via_id 0 names
    // it (the portal and the self-service forum still share it).
    let text = built
        .stderr
        .replace("\n  │ ", " ")
        .replace("\n        ", " ");
    assert!(
        !(text.split("inexact-export"))
            .any(|d| d.contains("via_id 0") && d.contains("`sev1_form`")),
        "{}",
        built.stderr
    );
}

/// Not told apart, the sooner targets win: every via_id 0 ticket of an
/// Enterprise customer gets the Severity-1 form's 15 minutes (none gets
/// less than it may be owed), and the finding says whose targets are lost
/// and suggests the form's id — or the API's via id 5, never a messenger's.
#[test]
fn without_a_mark_the_sooner_target_wins_and_the_finding_says_whose_is_lost() {
    let (_w, built) = build_copy("tests/specs/stackwise", "");
    invariants::check(&built, "stackwise");
    let applied = applies(&built.policies, &enterprise(None)).unwrap();
    assert_eq!(
        (applied.first_reply, applied.resolution),
        (Some(SEV1.0), Some(SEV1.1)),
        "{}",
        applied.title
    );
    let text = built
        .stderr
        .replace("\n  │ ", " ")
        .replace("\n        ", " ");
    // The portal, the form and the self-service forum are all web forms:
    // one finding names the three.
    let finding = text
        .split("inexact-export")
        .find(|d| {
            d.contains("channels `portal`, `sev1_form` and `forum` all arrive through via_id 0")
        })
        .unwrap_or_else(|| panic!("{}", built.stderr));
    assert!(
        finding.contains("channel `sev1_form`'s, takes them all")
            && finding.contains("`portal`'s: first reply 1 hour"),
        "{finding}"
    );
    assert!(
        finding.contains("`sev1_form: [360001234567]`") && finding.contains("`sev1_form: [5]`"),
        "{finding}"
    );
    // The title names only the SLA whose targets the policy carries.
    assert!(
        applied
            .title
            .starts_with("Enterprise Severity 1 — 24x7 (contract) — Enterprise"),
        "{}",
        applied.title
    );
}

/// A portal and a claim form, both web forms (via_id 0), each with its own
/// first-reply target: `PORTAL` on the office's clock (New York, weekdays,
/// `OPEN`), `FORM` around the clock.
fn office_and_form(open: &str, portal: &str, form: &str) -> String {
    format!(
        r#"
service "Shop" {{ language en }}
calendar always "Always" {{ open 24x7 }}
calendar office "Office" {{ timezone "America/New_York"; open mon-fri {open} }}
team support "Support" {{ lead lead }}
role lead "Lead" {{ team support; duty "Lead" }}
segment shop "Shop" {{ tier 1; channels portal, form }}
channel portal "Portal" {{ kind portal; hours office; owner support }}
channel form "Claim form" {{ kind portal; hours always; owner support }}
sla office_sla "Office" for shop {{ hours office; first_response portal within {portal} }}
sla wall_sla "Around the clock" for shop {{ hours always; first_response form within {form} }}
queue portal_q "Portal" {{ channel portal; segments shop; team support }}
queue form_q "Form" {{ channel form; segments shop; team support }}
"#
    )
}

/// The finding about the two channels on via_id 0, on one line.
fn shared_finding(built: &super::Built) -> String {
    let text = built
        .stderr
        .replace("\n  │ ", " ")
        .replace("\n        ", " ");
    text.split("inexact-export")
        .find(|d| d.contains("`portal` and of channel `form`"))
        .unwrap_or_else(|| panic!("{}", built.stderr))
        .to_string()
}

/// "Sooner first" compares on the wall clock, not by figure: 9 office hours
/// of 8 a day take 25 hours at least (a day's 8, the night, an hour more),
/// so 10 hours around the clock always end first, though 9 < 10. Every
/// via_id 0 ticket gets the 10 hours (the figure order gave the portal's 9
/// office hours to the form's tickets, later than their 10 hours).
#[test]
fn the_target_sooner_on_the_wall_clock_wins_though_its_figure_is_larger() {
    let (_w, built) = super::build_text(&office_and_form("09:00-17:00", "9h", "10h"), None);
    invariants::check(&built, "portal on office hours beside a 24x7 form");
    let ticket = Ticket {
        tags: vec!["shop".into()],
        organization: None,
        via: 0,
        priority: "normal",
        marks: Vec::new(),
    };
    let applied = applies(&built.policies, &ticket).unwrap();
    assert_eq!(
        applied.first_reply,
        Some(Target {
            seconds: 10 * 3600,
            business_hours: false
        }),
        "{}",
        applied.title
    );
    let finding = shared_finding(&built);
    assert!(
        finding.contains("channel `form`'s, takes both")
            && finding.contains("the policy with the sooner ones comes first"),
        "{finding}"
    );
}

/// Where neither target always ends first (1 working day of a 9-hour
/// weekday takes 18 hours to 3 days 18 hours; 20 hours around the clock
/// take 20), the finding says how long each can take and that the one whose
/// calendar is closed falls behind — not that the first is the sooner.
#[test]
fn where_neither_target_is_always_sooner_the_finding_says_which_wins_when() {
    let (_w, built) = super::build_text(&office_and_form("09:00-18:00", "1wd", "20h"), None);
    invariants::check(&built, "1 working day beside 20 hours");
    let finding = shared_finding(&built);
    assert!(
        finding.contains("neither channel's first reply always ends first")
            && finding
                .contains("`portal`'s (1 working day) takes from 18 hours to 3 days 18 hours")
            && finding.contains("`form`'s (20 hours) exactly 20 hours")
            && finding.contains("falls behind"),
        "{finding}"
    );
    assert!(!finding.contains("sooner ones comes first"), "{finding}");
}

/// Three web forms on via_id 0: the portal (9 office hours), a claim form
/// (10 hours) and a claims line (2 hours, and 3 days to resolve).
const THREE: &str = r#"
service "Shop" { language en }
calendar always "Always" { open 24x7 }
calendar office "Office" { timezone "America/New_York"; open mon-fri 09:00-17:00 }
team support "Support" { lead lead }
role lead "Lead" { team support; duty "Lead" }
segment shop "Shop" { tier 1; channels portal, form, claims }
channel portal "Portal" { kind portal; hours office; owner support }
channel form "Claim form" { kind portal; hours always; owner support }
channel claims "Claims form" { kind portal; hours always; owner support }
sla office_sla "Office" for shop { hours office; first_response portal within 9h }
sla wall_sla "Around the clock" for shop { hours always; first_response form within 10h; first_response claims within 2h; resolution within 3d }
queue portal_q "Portal" { channel portal; segments shop; team support }
queue form_q "Form" { channel form; segments shop; team support }
queue claims_q "Claims" { channel claims; segments shop; team support }
"#;

/// Three channels on one via id get one finding that names them all and
/// every loser's targets, and asks to mark all but one — not three findings
/// of two channels each, one of which said "the first policy, `claims`'s,
/// takes both" of `portal` and `form`. In English and in Russian.
#[test]
fn three_channels_on_one_via_id_are_one_finding_naming_them_all() {
    let (_w, built) = super::build_text(THREE, None);
    invariants::check(&built, "three web forms on via 0");
    let text = built
        .stderr
        .replace("\n  │ ", " ")
        .replace("\n        ", " ");
    let findings: Vec<&str> = text
        .split("inexact-export")
        .filter(|d| d.contains("via_id 0"))
        .collect();
    assert_eq!(findings.len(), 1, "{}", built.stderr);
    let finding = findings[0];
    for said in [
        "the tickets of channels `portal`, `form` and `claims` all arrive through via_id 0",
        "channel `claims`'s, takes them all and gives them first reply 2 hours, resolution 3 days",
        "`portal`'s: first reply 9 hours; `form`'s: first reply 10 hours, resolution 3 days",
        "the policy with the sooner ones comes first",
        "give each of channels `claims` and `portal` its ticket form's id",
    ] {
        assert!(finding.contains(said), "{said}:\n{finding}");
    }
    // The same in Russian.
    let work = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(work.path().join("spec")).unwrap();
    std::fs::write(work.path().join("spec/spec.cx"), THREE).unwrap();
    let args = [
        "build", "spec", "-o", "out", "--target", "zendesk", "--lang", "ru",
    ];
    let output = super::cxc_in(work.path(), &args);
    let text = String::from_utf8_lossy(&output.stderr)
        .replace("\n  │ ", " ")
        .replace("\n        ", " ");
    for said in [
        "обращения из каналов `portal`, `form` и `claims` приходят с одним via_id 0",
        "всем достаётся первое правило с этим via_id — правило канала `claims`",
        "канала `portal`: первый ответ — 9 часов; канала `form`: первый ответ — 10 часов, решение — 3 дня",
        "укажите для каждого из каналов `claims` и `portal` id его формы тикета",
    ] {
        assert!(text.contains(said), "{said}:\n{text}");
    }
}

/// Meridian's emergency line has no resolution target of its own, and
/// shares the phone's via id 34 with the gold line (one group of segments)
/// and the trade line (another): one finding names both, where each group
/// wrote its own pair ("`emergency` and of channel `gold_line`", then
/// "… `trade_line`"), and its help no longer says "the two".
#[test]
fn a_channel_left_in_beside_several_lines_is_one_finding_naming_them() {
    let out = tempfile::tempdir().unwrap();
    let built = super::build(&super::manifest("tests/specs/meridian"), out.path());
    let text = built
        .stderr
        .replace("\n  │ ", " ")
        .replace("\n        ", " ");
    let findings: Vec<&str> = text
        .split("inexact-export")
        .filter(|d| d.contains("the tickets of channel `emergency` and of channel"))
        .collect();
    assert_eq!(findings.len(), 1, "{}", built.stderr);
    let finding = findings[0];
    assert!(
        finding
            .contains("and of channels `gold_line` and `trade_line` all arrive through via_id 34")
            && finding.contains("the first policy that names it takes them all")
            && !finding.contains("the two"),
        "{finding}"
    );
}

/// Attack 15, M5: one ticket form given to the portal and the Severity-1
/// form tells nothing apart. The sooner targets still come first (a
/// Severity-1 ticket keeps its 15 minutes, the portal's tickets of that
/// form get them too), and the finding says so at the portal's key in
/// cxc.yaml, with the targets those tickets get. Overlapping lists
/// (`[1, 2]` and `[2]`) are said the same way, for the shared form only.
#[test]
fn one_ticket_form_for_two_channels_is_said_and_the_sooner_targets_win() {
    let config = "exports:\n  zendesk:\n    ticket_forms:\n      portal: [360001234567]\n      sev1_form: [360001234567]\n";
    let (_w, built) = build_copy("tests/specs/stackwise", config);
    invariants::check(&built, "stackwise, one form for two channels");
    let applied = applies(&built.policies, &enterprise(Some(360001234567))).unwrap();
    assert_eq!(
        (applied.first_reply, applied.resolution),
        (Some(SEV1.0), Some(SEV1.1)),
        "{}",
        applied.title
    );
    let text = built.stderr.replace("\n  │ ", " ");
    let finding = (text.split("inexact-export"))
        .find(|d| d.contains("is given ticket form 360001234567"))
        .unwrap_or_else(|| panic!("{}", built.stderr));
    assert!(
        finding.contains("channel `portal` is given")
            && finding.contains("`sev1_form`'s policy")
            && finding.contains("first reply 15 minutes")
            && finding.contains("cxc.yaml:4:7"),
        "{finding}"
    );

    let config =
        "exports:\n  zendesk:\n    ticket_forms:\n      sev1_form: [1, 2]\n      portal: [2]\n";
    let (_w, built) = build_copy("tests/specs/stackwise", config);
    invariants::check(&built, "stackwise, overlapping forms");
    let text = built.stderr.replace("\n  │ ", " ");
    assert!(text.contains("is given ticket form 2 "), "{}", built.stderr);
    assert!(
        !text.contains("is given ticket form 1 "),
        "{}",
        built.stderr
    );
    for form in [1, 2] {
        let applied = applies(&built.policies, &enterprise(Some(form))).unwrap();
        assert_eq!(
            applied.first_reply,
            Some(SEV1.0),
            "{form}: {}",
            applied.title
        );
    }
    // Forms of their own: nothing to say.
    let config =
        "exports:\n  zendesk:\n    ticket_forms:\n      sev1_form: [1]\n      portal: [2]\n";
    let (_w, built) = build_copy("tests/specs/stackwise", config);
    let text = built.stderr.replace("\n  │ ", " ");
    assert!(!text.contains("is given ticket form"), "{}", built.stderr);
}

/// Attack 15, M5: a channel tag that is a segment's tag would write a
/// policy that requires the segment's tag twice and takes every ticket of
/// the via id: an error at the tag's key in cxc.yaml; a tag of its own is
/// quiet.
#[test]
fn a_channel_tag_equal_to_a_segment_tag_is_an_error() {
    let run = |tag: &str| {
        let work = tempfile::tempdir().unwrap();
        let dir = work.path().join("spec");
        super::copy(&super::manifest("tests/specs/stackwise"), &dir);
        let config = format!("exports:\n  zendesk:\n    channel_tags:\n      sev1_form: {tag}\n");
        std::fs::write(dir.join("cxc.yaml"), config).unwrap();
        let out = work.path().join("out");
        let args = [
            "build",
            dir.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--target",
            "zendesk",
            "--lang",
            "en",
        ];
        let output = super::cxc_in(&dir, &args);
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        (output.status.code(), stderr)
    };
    let (code, stderr) = run("enterprise");
    assert_ne!(code, Some(0), "{stderr}");
    let text = stderr.replace("\n  │ ", " ");
    assert!(
        text.contains("channel `sev1_form`'s tag `enterprise`")
            && text.contains("is segment `enterprise`'s tag")
            && text.contains("cxc.yaml:4:7"),
        "{stderr}"
    );
    let (code, stderr) = run("sev1");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("is segment"), "{stderr}");
}
