//! Outside audit 6's insurer spec (tests/specs/insurer, written from the
//! guide alone; AUDIT.md): the documents findings.

mod common;

use common::{cxc_in, TODAY};
use std::path::{Path, PathBuf};

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn insurer() -> PathBuf {
    manifest().join("tests/specs/insurer")
}

/// The insurer spec copied into a temporary folder, with `edit` applied to
/// each file's text (the original left as written).
fn edited(edit: impl Fn(&str, String) -> String) -> (tempfile::TempDir, PathBuf) {
    let work = tempfile::tempdir().unwrap();
    let copy = work.path().join("insurer");
    common::copy_dir(&insurer(), &copy);
    for file in common::files_under(&copy) {
        if file.extension().is_some_and(|e| e == "cx") {
            let text = std::fs::read_to_string(&file).unwrap();
            let name = file.file_name().unwrap().to_str().unwrap();
            std::fs::write(&file, edit(name, text)).unwrap();
        }
    }
    (work, copy)
}

/// The documents of `spec` in `lang`, in a temporary folder.
fn docs(spec: &Path, lang: &str, target: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let built = cxc_in(
        manifest(),
        &[
            "build",
            spec.to_str().unwrap(),
            "-o",
            out.path().to_str().unwrap(),
            "--target",
            target,
            "--today",
            TODAY,
            "--lang",
            lang,
            "--color",
            "never",
        ],
    );
    assert_eq!(built.status.code(), Some(0), "{built:?}");
    out
}

fn read(dir: &Path, name: &str) -> String {
    let path = dir.join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The duty lines of a job description's "Duties" section.
fn duties(md: &str) -> Vec<String> {
    md.split("## 2. Duties")
        .nth(1)
        .and_then(|rest| rest.split("## 3. Rights").next())
        .expect("a duties section")
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .map(str::to_string)
        .collect()
}

/// F3: the FNOL step (`owner fnol; channel phone, gold_line, chat,
/// whatsapp, broker_portal`) with phone, chat and WhatsApp owned by the
/// team, as the reviewer first wrote them (/work/audit6/exp_f3), and the
/// Gold line by the role `gold_agent`: the FNOL advisors, who take the
/// team's phone, chat and WhatsApp contacts, carry it out; so do the Gold
/// advisors (the Gold line); the lead organises it. Same with the final
/// spec's channels owned by `fnol_agent`.
#[test]
fn a_team_s_step_goes_to_every_role_taking_one_of_its_channels() {
    let (_work, team_owned) = edited(|name, text| {
        if name != "channels.cx" {
            return text;
        }
        text.replace("owner fnol_agent", "owner fnol")
            .replace("owner konsultant", "owner centrum_obsługi")
    });
    let step =
        "Carry out the step “First notice of loss” of the journey “Motor claim” within 1 hour";
    for spec in [team_owned, insurer()] {
        let out = docs(&spec, "en", "docs");
        let hr = out.path().join("hr");
        for role in ["fnol_agent", "gold_agent"] {
            let lines = duties(&read(&hr, &format!("{role}.md")));
            assert!(
                lines.iter().any(|l| l.starts_with(step)),
                "{}: {role} lacks the FNOL step: {lines:#?}",
                spec.display()
            );
        }
        let lead = duties(&read(&hr, "fnol_lead.md"));
        assert!(
            lead.iter().any(|l| l.starts_with(
                "Ensure the team “First notice of loss (FNOL) contact centre” carries out the step “First notice of loss”"
            )),
            "{lead:#?}"
        );
        assert!(!lead.iter().any(|l| l.starts_with(step)), "{lead:#?}");
    }
}

/// The lines of `md` that mention `needle`.
fn lines_with<'a>(md: &'a str, needle: &str) -> Vec<&'a str> {
    md.lines().filter(|l| l.contains(needle)).collect()
}

/// F15: the UK claims line's binding target is its second `answer` line,
/// 95% within 2 hours, with `patience 2m`: nobody is still waiting after 2
/// hours, so what the 32 agents are for is at most 5% giving up. The lead's
/// duty says that, in English and in Russian; a target within the callers'
/// patience (the Gold line, 90% within 20 seconds) reads as before.
#[test]
fn a_staffing_duty_bound_by_patience_says_what_binds() {
    let en = docs(&insurer(), "en", "docs");
    let lead = read(&en.path().join("hr"), "fnol_lead.md");
    let uk = lines_with(&lead, "“UK claims line”");
    assert_eq!(uk.len(), 1, "{lead}");
    assert!(
        uk[0].contains("so that at most 5% of the contacts of the segment “Standard policyholders” give up before an answer (customers wait about 2 minutes on average before they give up, so this is what “95% answered within 2 hours (counted only during UK contact centre hours"),
        "{}",
        uk[0]
    );
    assert!(!uk[0].contains("are answered within 2 hours"), "{}", uk[0]);
    let gold = lines_with(&lead, "queue “Gold line”");
    assert!(
        gold[0].contains("so that 90% of the contacts of the segment “Gold policyholders” are answered within 20 seconds"),
        "{}",
        gold[0]
    );
    let ru = docs(&insurer(), "ru", "docs");
    let lead = read(&ru.path().join("hr"), "fnol_lead.md");
    let uk = lines_with(&lead, "«UK claims line»");
    assert_eq!(uk.len(), 1, "{lead}");
    assert!(
        uk[0].contains("чтобы не более 5% обращений сегмента «Standard policyholders» оставались без ответа из-за того, что клиент перестал ждать (клиенты ждут в среднем около 2 минут, поэтому норматив «95% ответов в течение 2 часов"),
        "{}",
        uk[0]
    );
}

/// The paragraphs of a Markdown text as CommonMark reads them (the site
/// renders the same Markdown), each as its plain text.
fn paragraphs(md: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::Paragraph) => current = Some(String::new()),
            Event::End(TagEnd::Paragraph) => out.extend(current.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(c) = current.as_mut() {
                    c.push(' ');
                }
            }
            _ => {}
        }
    }
    out
}

/// F16: on the promises page "On breach" is a paragraph of its own, never
/// run on after "Behind it: …"; the courtesy car's 24 hours read "24
/// hours", as promised, not "1 day"; a promise counted on a calendar with
/// holidays lists them.
#[test]
fn the_promises_page_quotes_the_promise_as_written() {
    for (lang, behind, breach, promised, holidays) in [
        ("en", "Behind it:", "On breach:", "Promised time: 24 hours (around the clock)", "Holidays not counted: 25 December 2026, 26 December 2026, 28 December 2026, 1 January 2027"),
        ("ru", "Чем подкреплено обещание:", "При нарушении:", "Обещанный срок: 24 часа (круглосуточно)", "Праздничные дни, которые не учитываются: 25 декабря 2026\u{a0}г., 26 декабря 2026\u{a0}г., 28 декабря 2026\u{a0}г., 1 января 2027\u{a0}г."),
    ] {
        let out = docs(&insurer(), lang, "docs");
        let md = read(&out.path().join("policy"), "promises.md");
        let paras = paragraphs(&md);
        let behind_paras: Vec<&String> = paras.iter().filter(|p| p.starts_with(behind)).collect();
        assert_eq!(behind_paras.len(), 2, "{paras:#?}");
        for p in &behind_paras {
            assert!(!p.contains(breach), "{lang}: run on: {p}");
        }
        let breaches = paras.iter().filter(|p| p.starts_with(breach)).count();
        assert_eq!(breaches, 4, "{lang}: {paras:#?}");
        assert!(md.contains(promised), "{lang}: {md}");
        assert!(!md.contains("1 day (around the clock)") && !md.contains("1 день (круглосуточно)"), "{md}");
        assert!(md.contains(holidays), "{lang}: {md}");
    }
}
