//! The documents of a remittance company, as the outside review of audit 17
//! read them (tests/specs/koraremit, kept as the auditor left it), and the
//! same rules over generated specs:
//!
//! - M5: a ladder's rung that is an outside body (a role marked
//!   `external`) is, in every job description (Markdown and Word, English
//!   and Russian), the customer told they may refer the complaint there,
//!   as the complaints policy says it — never "escalate to". A rung to our
//!   own staff stays an escalation.
//! - L1: a time is said in days only where its author wrote days: `24h`
//!   is "24 hours" in the policy and the job descriptions, never "1
//!   calendar day"; `1d` stays "1 calendar day".
//!
//! The oracles read the spec's text and the policy page, never cxc's
//! derivation.

mod common;

use cxc::generate::{Files, Target};
use cxc::syntax::values::Language;
use proptest::prelude::*;
use std::path::Path;

fn compiled(text: &str) -> cxc::pipeline::Compilation {
    let compiled =
        cxc::pipeline::compile_bytes("spec.cx", text.as_bytes(), &cxc::check::Options::default());
    let errors: Vec<String> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.severity == cxc::diagnostic::Severity::Error)
        .map(|d| format!("{} {}", d.code.as_str(), d.message))
        .collect();
    assert!(errors.is_empty(), "{errors:?}\n{text}");
    compiled
}

/// The documents of `text` in `language`, read back by relative path.
fn documents(text: &str, language: Language) -> Files {
    let compiled = compiled(text);
    common::render::render(&compiled.specs[0], language, &[Target::Docs])
        .expect("renders")
        .0
}

fn page(files: &Files, name: &str) -> String {
    String::from_utf8(files.get(name).unwrap_or_else(|| panic!("{name}")).clone()).unwrap()
}

/// Every job description in Markdown: (file, text).
fn jobs(files: &Files) -> Vec<(String, String)> {
    files
        .keys()
        .filter(|name| name.starts_with("hr/") && name.ends_with(".md"))
        .map(|name| (name.clone(), page(files, name)))
        .collect()
}

/// What a document says of a ladder, by language: the words the oracle
/// looks for, written here, not taken from cxc.
struct Ladder {
    /// Marks, in the complaints policy's row, a rung that is an outside body.
    outside_row: &'static str,
    /// Opens a duty that tells the customer of their right to refer.
    refer: &'static str,
    /// Between the time and the outside body's name in that duty.
    refer_to: &'static str,
    /// An escalation to the next level: these words, then the rung's name.
    escalate: &'static str,
}

fn ladder(language: Language) -> Ladder {
    match language {
        Language::En => Ladder {
            outside_row: " — an outside body, not our staff",
            refer: " is not resolved within ",
            refer_to: " of arriving, tell the customer that they may refer it to ",
            escalate: "to the next level (",
        },
        Language::Ru => Ladder {
            outside_row: " — внешний орган, не наши сотрудники",
            refer: " не решена в течение ",
            refer_to:
                " после поступления, сообщать клиенту, что он вправе передать её во внешний орган ",
            escalate: "на следующий уровень (",
        },
    }
}

fn quoted(label: &str, language: Language) -> String {
    match language {
        Language::En => format!("“{label}”"),
        Language::Ru => format!("«{label}»"),
    }
}

/// The time of the complaints policy's ladder row for `label`: its first
/// cell.
fn policy_row_time(policy: &str, label: &str) -> Option<String> {
    policy.lines().find_map(|line| {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        (cells.len() >= 3 && cells[2].starts_with(label)).then(|| cells[1].to_string())
    })
}

/// Checks one body of documents: the rung named `label` is outside
/// (`outside`) or our staff. Outside: the policy marks it, some job
/// description tells the customer they may refer the complaint to it after
/// the policy's time, and none escalates to it. Staff: some job
/// description escalates to it and none speaks of referring to it.
fn check_rung(files: &Files, label: &str, outside: bool, language: Language) {
    let w = ladder(language);
    let policy = page(files, "policy/complaints.md");
    let time = policy_row_time(&policy, label).unwrap_or_else(|| panic!("{label}: {policy}"));
    let marked = policy.contains(&format!("{label}{}", w.outside_row));
    assert_eq!(marked, outside, "{policy}");
    let name = quoted(label, language);
    let refer = format!("{}{time}{}{name}", w.refer, w.refer_to);
    let escalate = format!("{}{name})", w.escalate);
    let escalate_ru = format!("{}роль {name})", w.escalate);
    let jobs = jobs(files);
    let referring = jobs.iter().filter(|(_, t)| t.contains(&refer)).count();
    let escalating: Vec<&String> = jobs
        .iter()
        .filter(|(_, t)| t.contains(&escalate) || t.contains(&escalate_ru))
        .map(|(n, _)| n)
        .collect();
    if outside {
        assert!(referring > 0, "no job says “{refer}”: {jobs:#?}");
        assert!(escalating.is_empty(), "{escalating:?} escalate to {name}");
    } else {
        assert_eq!(referring, 0, "{jobs:#?}");
        assert!(
            !escalating.is_empty(),
            "nobody escalates to {name}: {jobs:#?}"
        );
    }
}

fn koraremit(language: &str) -> tempfile::TempDir {
    common::docs_of("tests/specs/koraremit", Some(language), "2026-12-07")
}

/// A built folder read back as files (Markdown as text, Word as bytes).
fn read_dir(dir: &Path) -> Files {
    common::files_under(dir)
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect()
}

/// M5 on Kora Remit: the Head of CX tells the customer of AFCA, as the
/// policy does, in Markdown and in Word (whose parts are stored, so their
/// text is in the bytes); the internal rungs (IDR manager, Head of CX,
/// Payments operations lead) stay escalations.
#[test]
fn koraremit_refers_customers_to_afca_and_escalates_to_its_own_staff() {
    for (language, lang) in [(Language::En, "en"), (Language::Ru, "ru")] {
        let built = koraremit(lang);
        let files = read_dir(built.path());
        check_rung(&files, "AFCA ombudsman", true, language);
        for staff in [
            "Internal dispute resolution manager",
            "Head of Customer Experience",
            "Payments operations lead",
        ] {
            check_rung(&files, staff, false, language);
        }
        let head = page(&files, "hr/head_of_cx.md");
        let word = String::from_utf8_lossy(&files["hr/head_of_cx.docx"]).into_owned();
        let (said, not) = match language {
            Language::En => (
                "tell the customer that they may refer it to",
                "(“AFCA ombudsman”)",
            ),
            Language::Ru => (
                "вправе передать её во внешний орган",
                "(роль «AFCA ombudsman»)",
            ),
        };
        assert!(head.contains(said), "{head}");
        assert!(
            word.contains(said),
            "the Word job description of the Head of CX"
        );
        assert!(!word.contains(not) && !head.contains(not), "{head}");
    }
}

/// L1 on Kora Remit: `acknowledge within 24h` and `resolution within 24h`
/// read "24 hours" in the complaints policy, the service standards and the
/// job descriptions; `escalate after 1d` stays "1 calendar day".
#[test]
fn koraremit_keeps_24_hours_in_hours_and_a_day_in_days() {
    for (lang, hours, policy_line, day) in [
        (
            "en",
            "within 24 hours (around the clock)",
            "- Acknowledge the complaint within 24 hours (around the clock)",
            "| 1 calendar day | Payments operations lead |",
        ),
        (
            "ru",
            "в течение 24 часов (круглосуточно)",
            "- Подтвердить получение жалобы в течение 24 часов (круглосуточно)",
            "| 1 календарного дня | Payments operations lead |",
        ),
    ] {
        let built = koraremit(lang);
        let files = read_dir(built.path());
        let policy = page(&files, "policy/complaints.md");
        assert!(policy.lines().any(|l| l == policy_line), "{policy}");
        assert!(policy.lines().any(|l| l == day), "{policy}");
        for job in [
            "complaints_officer",
            "idr_manager",
            "ktm_agent",
            "dxb_manager",
        ] {
            let text = page(&files, &format!("hr/{job}.md"));
            assert!(text.contains(hours), "{job}: {text}");
        }
        let standards = page(&files, "policy/service-standards.md");
        assert!(standards.contains(hours), "{standards}");
    }
}

/// A spec with a complaint whose acknowledgement is `within`, on `clock`
/// (`always`: 24x7, `office`: Mon–Fri 09:00–18:00).
fn timed_spec(within: &str, clock: &str) -> String {
    format!(
        "calendar office {{ open mon-fri 09:00-18:00 }}\n\
         calendar always {{ open 24x7 }}\n\
         team desk \"Desk\" {{ lead head }}\n\
         role head \"Head\" {{ team desk; duty \"Leads\" }}\n\
         role agent \"Agent\" {{ team desk; reports_to head; duty \"Answers\" }}\n\
         complaint late \"Late\" {{ owner agent; hours {clock}; acknowledge within {within}; \
         resolve within 30wd; remedy apologize; feedback required }}\n"
    )
}

/// The oracle: a written time in words, as a regulation says it, in the
/// genitive a Russian sentence takes after «в течение» — hours never grow
/// into days; days only where written, on a clock that runs around the
/// clock (else hours); working days around the clock are calendar days.
fn said(n: u64, unit: &str, always: bool, language: Language) -> String {
    let ru = |n: u64, one: &str, many: &str| {
        let form = if n % 10 == 1 && n % 100 != 11 {
            one
        } else {
            many
        };
        format!("{n} {form}")
    };
    let en = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (unit, always, language) {
        ("h", _, Language::En) => en(n, "hour", "hours"),
        ("h", _, Language::Ru) => ru(n, "часа", "часов"),
        // Minutes to hours and minutes: hours are the largest unit the
        // author's minutes may grow into.
        ("m", _, _) if n >= 60 => {
            let hours = said(n / 60, "h", always, language);
            match n % 60 {
                0 => hours,
                m => format!("{hours} {}", said(m, "m", always, language)),
            }
        }
        ("m", _, Language::En) => en(n, "minute", "minutes"),
        ("m", _, Language::Ru) => ru(n, "минуты", "минут"),
        ("d" | "wd", true, Language::En) => en(n, "calendar day", "calendar days"),
        ("d" | "wd", true, Language::Ru) => ru(n, "календарного дня", "календарных дней"),
        ("d", false, _) => said(n * 24, "h", false, language),
        ("wd", false, Language::En) => en(n, "working day", "working days"),
        ("wd", false, Language::Ru) => ru(n, "рабочего дня", "рабочих дней"),
        _ => unreachable!("{unit}"),
    }
}

/// Checks that the policy and the owner's job description give the
/// acknowledgement `n unit` in the oracle's words, on `clock`.
fn check_time(n: u64, unit: &str, clock: &str) {
    let always = clock == "always";
    for language in [Language::En, Language::Ru] {
        let files = documents(&timed_spec(&format!("{n}{unit}"), clock), language);
        let time = said(n, unit, always, language);
        let (policy_says, job_says) = match language {
            Language::En => (
                format!("- Acknowledge the complaint within {time}"),
                format!("acknowledge within {time}"),
            ),
            Language::Ru => (
                format!("- Подтвердить получение жалобы в течение {time}"),
                format!("подтверждать получение в течение {time}"),
            ),
        };
        // What follows the time: its clock in brackets, or nothing.
        let follows = |text: &str, lead: &str| {
            text.match_indices(lead).any(|(at, _)| {
                matches!(
                    text[at + lead.len()..].chars().next(),
                    Some(' ' | ';' | '.' | '\n') | None
                )
            })
        };
        let policy = page(&files, "policy/complaints.md");
        assert!(
            follows(&policy, &policy_says),
            "{n}{unit} {clock}: {policy}"
        );
        let agent = page(&files, "hr/agent.md");
        assert!(follows(&agent, &job_says), "{n}{unit} {clock}: {agent}");
    }
}

/// L1, the brief's cases: 24h, 48h, 1d, 2d, 90m and 1wd around the clock,
/// and the hours, minutes and working days on office hours.
#[test]
fn a_time_keeps_the_units_it_was_written_in() {
    for (n, unit) in [
        (24, "h"),
        (48, "h"),
        (1, "d"),
        (2, "d"),
        (90, "m"),
        (1, "wd"),
    ] {
        check_time(n, unit, "always");
    }
    for (n, unit) in [(24, "h"), (48, "h"), (90, "m"), (1, "wd")] {
        check_time(n, unit, "office");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// L1 over generated times: any count of minutes, hours or days (days
    /// around the clock only) reads in its own units in both documents.
    #[test]
    fn generated_times_keep_their_units(
        n in 1u64..=200,
        unit in prop::sample::select(vec!["m", "h", "d"]),
        always in any::<bool>(),
    ) {
        let always = always || unit == "d";
        check_time(n, unit, if always { "always" } else { "office" });
    }
}

/// A complaint ladder: `mid` (staff) first when `middle`, then the last
/// rung `body`, outside the company when `outside`; on `clock`.
fn ladder_spec(middle: Option<&str>, last: &str, unit: &str, outside: bool, clock: &str) -> String {
    let external = if outside { "; external" } else { "" };
    let mid = middle.map_or(String::new(), |after| {
        format!("escalate after {after} to mid; ")
    });
    format!(
        "calendar office {{ open mon-fri 09:00-18:00 }}\n\
         calendar always {{ open 24x7 }}\n\
         team desk \"Desk\" {{ lead head }}\n\
         role head \"Head\" {{ team desk; duty \"Leads\" }}\n\
         role agent \"Agent\" {{ team desk; reports_to head; duty \"Answers\" }}\n\
         role mid \"Complaints manager\" {{ team desk; reports_to head; duty \"Takes over\" }}\n\
         team board \"Outside board\" {{ description \"Stage 3\" }}\n\
         role body \"Financial ombudsman\" {{ team board{external} }}\n\
         complaint late \"Late\" {{ owner agent; hours {clock}; acknowledge within 1h; \
         resolve within 60{unit}; {mid}escalate after {last} to body; remedy apologize; \
         feedback required }}\n"
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// M5 over generated ladders: the last rung outside the company is
    /// the customer told of their right to refer, after the policy's time,
    /// in English and Russian; the same rung as staff is an escalation.
    /// The middle rung (staff) is always an escalation.
    #[test]
    fn an_outside_rung_is_a_referral_and_a_staff_rung_an_escalation(
        middle in prop::option::of(1u32..=10),
        last in 11u32..=59,
        unit in prop::sample::select(vec!["d", "wd", "h"]),
        outside in any::<bool>(),
        office in any::<bool>(),
    ) {
        let clock = if office && unit != "d" { "office" } else { "always" };
        let middle = middle.map(|m| format!("{m}{unit}"));
        let text = ladder_spec(middle.as_deref(), &format!("{last}{unit}"), unit, outside, clock);
        for language in [Language::En, Language::Ru] {
            let files = documents(&text, language);
            check_rung(&files, "Financial ombudsman", outside, language);
            if middle.is_some() {
                check_rung(&files, "Complaints manager", false, language);
            }
            prop_assert_eq!(files.contains_key("hr/body.md"), !outside);
        }
    }
}

/// The owner team's complaints acknowledged by another team while it is
/// closed (tests/complaint_hubs/h1.cx): when the ladder's first rung is an
/// outside body, the covering team is told the customer may refer the
/// complaint there, not that it "goes to" it.
#[test]
fn a_handover_names_an_outside_first_rung_as_a_referral() {
    let hub = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/complaint_hubs/h1.cx"),
    )
    .unwrap();
    for (outside, external) in [(true, "; external"), (false, "")] {
        let text = hub.replace("escalate after 12h to sup_mad", "escalate after 12h to ombud")
            + &format!(
                "team board {{ description \"Outside\" }}\nrole ombud \"Ombudsman\" {{ team board{external} }}\n"
            );
        assert_ne!(text, hub);
        for (language, refer, goes) in [
            (
                Language::En,
                "if it is not resolved within 12 hours (around the clock) of arriving, the customer is told that they may refer it to “Ombudsman”, an outside body",
                "goes to “Ombudsman”",
            ),
            (
                Language::Ru,
                "если жалоба не решена в течение 12 часов (круглосуточно) после поступления, клиенту сообщают, что он вправе передать её во внешний орган «Ombudsman»",
                "передаётся дальше: роль «Ombudsman»",
            ),
        ] {
            let files = documents(&text, language);
            let lisbon = page(&files, "hr/agent_lis.md");
            assert_eq!(lisbon.contains(refer), outside, "{lisbon}");
            assert_eq!(lisbon.contains(goes), !outside, "{lisbon}");
        }
    }
}
