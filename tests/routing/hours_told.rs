//! Hours the workflow cannot keep, said (audit 16): a segment whose SLA
//! keeps shorter hours than its channel is still routed outside them (L6);
//! the closure warning's times name their zone, the home zone too (L9).

use super::*;

/// The `inexact-export` findings of a build, each on one line.
fn inexact(built: &Built) -> Vec<String> {
    let text = built.stderr.replace("\n  │ ", " ");
    text.split("inexact-export")
        .skip(1)
        .map(|d| d.split("help:").next().unwrap_or("").to_string())
        .collect()
}

fn shop(bronze_team: &str) -> String {
    format!(
        r#"
service "Shop" {{ language en }}
calendar always "Always" {{ timezone "Europe/Berlin"; open 24x7 }}
calendar day "Day" {{ timezone "Europe/Berlin"; open mon-sun 09:00-21:00 }}
team desk "Desk" {{ lead desk_lead }}
role desk_lead "Desk lead" {{ team desk; duty "Lead" }}
team days "Day desk" {{ lead day_lead; hours day }}
role day_lead "Day lead" {{ team days; duty "Lead" }}
segment gold "Gold" {{ tier 1; channels chat }}
segment bronze "Bronze" {{ tier 2; channels chat }}
channel chat "Chat" {{ kind chat; hours always; owner desk }}
sla gold_sla "Gold" for gold {{ hours always; answer chat 80% within 60s }}
sla bronze_sla "Bronze" for bronze {{ hours day; answer chat 80% within 120s }}
queue gold_q "Gold chat" {{ channel chat; segments gold; team desk }}
queue bronze_q "Bronze chat" {{ channel chat; segments bronze; team {bronze_team} }}
"#
    )
}

/// L6: Bronze is served 09:00–21:00 on a chat open around the clock; its
/// queue's team works the chat's hours, so at night Bronze's chats are
/// still taken — said, naming the SLA, the segment and the queue. Its
/// queue's team working the SLA's hours only: nothing to say.
#[test]
fn a_segment_routed_outside_its_sla_hours_is_named() {
    let said = |built: &Built| {
        inexact(built).into_iter().any(|d| {
            d.contains("do not look at the time")
                && d.contains("`bronze_sla`")
                && d.contains("`bronze`")
                && d.contains("`bronze_q`")
        })
    };
    let (_w, built) = build_text(&shop("desk"), None);
    assert!(said(&built), "{}", built.stderr);
    assert!(
        !inexact(&built).iter().any(|d| d.contains("`gold_sla`")),
        "{}",
        built.stderr
    );
    let (_w, built) = build_text(&shop("days"), None);
    assert!(
        !inexact(&built)
            .iter()
            .any(|d| d.contains("do not look at the time")),
        "{}",
        built.stderr
    );
    // Учиверсум: students and instalment students (09:00–24:00) reach the
    // Tashkent night shift on the chat.
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("tests/specs/uchiversum"), out.path());
    let night = inexact(&built)
        .into_iter()
        .any(|d| d.contains("`студенты_sla`") && d.contains("`чат`") && d.contains("`чат_таш`"));
    assert!(night, "{}", built.stderr);
}

fn office(zone: &str) -> String {
    format!(
        r#"
service "Office" {{ language en }}
calendar law "Law" {{ timezone "Europe/Moscow"; open 24x7 }}
calendar office "Office" {{ {zone}open mon-fri 09:00-18:00 }}
team desk "Desk" {{ lead desk_lead }}
role desk_lead "Desk lead" {{ team desk; duty "Lead" }}
segment all "All" {{ channels mail }}
channel mail "Mail" {{ kind email; hours office; owner desk }}
sla mail_sla "Mail" for all {{ hours law; first_response mail within 2d }}
queue mail_q "Mail" {{ channel mail; team desk }}
"#
    )
}

/// L9: the office closes for the weekend, longer than the task's 24 h. The
/// closure warning's times are the office calendar's: it names no zone, so
/// they are the home zone's (Moscow), and the warning says so; with a zone
/// of its own the calendar's zone is named, and no home zone.
#[test]
fn a_closure_says_which_zone_its_times_are_in() {
    let closure = |built: &Built| {
        inexact(built)
            .into_iter()
            .find(|d| d.contains("TaskRouter cancels a task"))
            .unwrap_or_else(|| panic!("no closure warning: {}", built.stderr))
    };
    let (_w, built) = build_text(&office(""), None);
    let home = closure(&built);
    assert!(
        home.contains("Moscow time") && home.contains("home zone"),
        "{home}"
    );
    let (_w, built) = build_text(&office("timezone \"Asia/Tokyo\"; "), None);
    let own = closure(&built);
    assert!(
        own.contains("Tokyo time") && !own.contains("home zone"),
        "{own}"
    );
}

/// The warning and help of each diagnostic with `code`, each on one line.
fn said(built: &Built, code: &str) -> Vec<String> {
    let words = built.stderr.split_whitespace().filter(|w| *w != "│");
    let text = words.collect::<Vec<_>>().join(" ");
    text.split(code).skip(1).map(str::to_string).collect()
}

/// L6's help names what takes the channel's contacts before TaskRouter
/// (prac18: an e-mail box was told of a chat widget and an IVR): a phone
/// line's IVR, a chat's or messenger's widget, an e-mail box's or web
/// form's auto-reply — and nothing of the other kinds.
#[test]
fn the_help_names_the_channels_own_entry() {
    for (kind, target, names, not) in [
        (
            "phone",
            "answer chat 80% within 120s",
            "IVR",
            &["widget", "auto-"][..],
        ),
        (
            "chat",
            "answer chat 80% within 120s",
            "widget",
            &["IVR", "auto-"][..],
        ),
        (
            "messenger",
            "first_response chat within 2h",
            "widget",
            &["IVR", "auto-"][..],
        ),
        (
            "email",
            "first_response chat within 2h",
            "e-mail",
            &["IVR", "widget"][..],
        ),
        (
            "portal",
            "first_response chat within 2h",
            "web-form",
            &["IVR", "widget"][..],
        ),
    ] {
        let spec = shop("desk")
            .replace("kind chat", &format!("kind {kind}"))
            .replace("answer chat 80% within 120s", target);
        let (_w, built) = build_text(&spec, None);
        let found: Vec<String> = said(&built, "inexact-export")
            .into_iter()
            .filter(|d| d.contains("do not look at the time"))
            .collect();
        assert_eq!(found.len(), 1, "{kind}: {}", built.stderr);
        let help = found[0].split("help:").nth(1).unwrap_or("");
        assert!(help.contains(names), "{kind}: {help}");
        for word in not {
            assert!(!help.contains(word), "{kind} names {word}: {help}");
        }
    }
}

/// `sla-beyond-channel-hours` says its times on the channel's clock and
/// names its zone as the closure warnings do (prac18): Moscow, the home
/// zone, for an office calendar that names none; Tokyo for one that does.
/// An SLA that counts on the channel's own hours: nothing to say.
#[test]
fn sla_beyond_channel_hours_names_the_zone_of_its_times() {
    let beyond = |zone: &str| {
        let (_w, built) = build_text(&office(zone), None);
        said(&built, "sla-beyond-channel-hours")
    };
    let home = beyond("");
    assert_eq!(home.len(), 1, "{home:?}");
    assert!(
        home[0].contains("Mon 00:00–09:00 on the clock of `office`, Moscow time"),
        "{}",
        home[0]
    );
    assert!(home[0].contains("home zone"), "{}", home[0]);
    let own = beyond("timezone \"Asia/Tokyo\"; ");
    assert_eq!(own.len(), 1, "{own:?}");
    assert!(
        own[0].contains("on the clock of `office` (Tokyo time)") && !own[0].contains("home zone"),
        "{}",
        own[0]
    );
    let (_w, built) = build_text(&office("").replace("hours law;", "hours office;"), None);
    assert!(
        said(&built, "sla-beyond-channel-hours").is_empty(),
        "{}",
        built.stderr
    );
}
