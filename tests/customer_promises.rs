//! The promises page for customers (outside audit 6, F16):
//! policy/our-promises.md and its site page. Every public promise of a
//! spec is on it, in both languages, and nothing internal is: no team,
//! role, queue or SLA name, no SLA target, no escalation. Over the shipped
//! examples and every spec in tests/specs; a hostile promise text is text
//! on the site page.

#[path = "common/specgen.rs"]
mod specgen;

use cxc::generate::Target;
use cxc::model::Model;
use cxc::syntax::values::Language;
use std::path::{Path, PathBuf};

const PAGE: &str = "policy/our-promises.md";

/// Every spec folder: the examples, tests/specs/*, and the outside specs
/// one by one.
fn spec_folders() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dirs = |dir: &Path| -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        found.sort();
        found
    };
    let mut all = dirs(&root.join("examples"));
    for dir in dirs(&root.join("tests/specs")) {
        if dir.ends_with("outside") {
            all.extend(dirs(&dir));
        } else {
            all.push(dir);
        }
    }
    all
}

/// Markdown text as read: the escapes the documents add taken out.
fn unescaped(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut chars = md.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    out
}

/// The names a customer must not see: teams, roles, queues and SLAs, by id
/// and by label. (Calendars' names are not printed either, but a calendar
/// may be called what the page says of its hours: «Круглосуточно».)
fn internal_names(model: &Model) -> Vec<&str> {
    let headers: Vec<&cxc::model::Header> = (model.teams.values().map(|t| &t.header))
        .chain(model.roles.values().map(|r| &r.header))
        .chain(model.queues.values().map(|q| &q.header))
        .chain(model.slas.values().map(|s| &s.header))
        .collect();
    headers
        .into_iter()
        .flat_map(|h| [h.id.as_str(), h.label()])
        .collect()
}

/// Whether `text` has `name` as a whole word (or words): not inside
/// another word, so a role `t` is not found in "the".
fn mentions(text: &str, name: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    text.match_indices(name).any(|(at, _)| {
        !word(text[..at].chars().next_back()) && !word(text[at + name.len()..].chars().next())
    })
}

/// The page's own wording, the same on every spec ("What we promise",
/// "- Within:", "we apologise", "around the clock"), taken out: a team
/// called `it` is not found in "how long it takes".
fn without_fixed_words(text: &str) -> String {
    const FIXED: &[&str] = &[
        "What we promise, to whom, how long it takes at most, and what you get if we do not keep our word.",
        "Что мы обещаем, кому, в какой срок и что вы получите, если мы не сдержим слово.",
        "Our promises to you",
        "Наши обещания клиентам",
        "We publish no service promises yet.",
        "Пока мы не публикуем обещаний об обслуживании.",
        "- For:",
        "- Where:",
        "- Within:",
        "- Days that do not count:",
        "- Counted from:",
        "If we break this promise:",
        "- Для кого:",
        "- Где:",
        "- Срок:",
        "- Не считаются дни:",
        "- Отсчёт с этапа:",
        "Если мы нарушим обещание:",
        "we explain what happened and what we are doing about it",
        "мы объясним, что произошло и что мы делаем",
        "we put right what went wrong, at our expense",
        "мы исправим допущенное нарушение за свой счёт",
        "counted only while we are open",
        "в часы нашей работы",
        "around the clock",
    ];
    FIXED
        .iter()
        .fold(text.to_string(), |text, fixed| text.replace(fixed, " "))
}

/// What the page may say because the spec says it to customers: the
/// promises' own words, their segments, channels and steps, their
/// compensation. An internal name found only inside one of these is the
/// customer-facing text, not a leak.
fn public_words(model: &Model) -> Vec<String> {
    let mut words = Vec::new();
    for p in model.promises.values() {
        words.push(p.header.label().to_string());
        words.extend(p.header.description.clone());
        for remedy in &p.on_breach {
            if let cxc::model::Remedy::Compensate(Some(what)) = &remedy.value {
                words.push(what.clone());
            }
        }
    }
    words.extend(
        model
            .segments
            .values()
            .map(|s| s.header.label().to_string()),
    );
    words.extend(
        model
            .channels
            .values()
            .map(|c| c.header.label().to_string()),
    );
    for j in model.journeys.values() {
        words.extend(j.steps.values().map(|s| s.header.label().to_string()));
    }
    words
}

#[test]
fn every_public_promise_is_on_the_customer_page_and_nothing_internal() {
    let mut promises = 0;
    for folder in spec_folders() {
        let compiled =
            cxc::pipeline::compile(std::slice::from_ref(&folder), &Default::default(), None)
                .unwrap_or_else(|e| panic!("{}: {e:?}", folder.display()));
        for spec in &compiled.specs {
            let model = &spec.model;
            let public = public_words(model);
            for language in [Language::En, Language::Ru] {
                let files = specgen::documents(spec, language);
                let md = String::from_utf8(files[PAGE].clone()).unwrap();
                let text = unescaped(&md);
                let values = without_fixed_words(&text);
                let at = |what: &str| format!("{} ({language:?}): {what}\n{md}", folder.display());
                let headings = md.lines().filter(|l| l.starts_with("## ")).count();
                assert_eq!(
                    headings,
                    model.promises.len(),
                    "{}",
                    at("one section a promise")
                );
                for p in model.promises.values() {
                    let heading = format!("\n## {}\n", p.header.label());
                    assert!(text.contains(&heading), "{}", at(p.header.label()));
                    promises += 1;
                }
                for name in internal_names(model) {
                    let said = public.iter().any(|w| mentions(w, name));
                    assert!(
                        said || !mentions(&values, name),
                        "{}",
                        at(&format!("internal “{name}”"))
                    );
                }
                // No escalation, no SLA target, no staff wording.
                for staff in [
                    "escalate",
                    "передать вопрос",
                    "Internal targets",
                    "Внутренние нормативы",
                    "On breach",
                    "Behind it",
                ] {
                    assert!(!text.contains(staff), "{}", at(staff));
                }
            }
        }
    }
    assert!(promises > 40, "only {promises} promises seen");
}

/// The insurer's promises as a customer reads them (F16): the time in the
/// units promised ("24 hours", not "1 day"), the opening hours and the
/// holidays that stop a business-hours clock, the compensation, and no
/// escalation to the FNOL contact centre manager.
#[test]
fn the_insurers_page_says_the_time_as_promised_with_its_hours_and_holidays() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs/insurer");
    let compiled = cxc::pipeline::compile(std::slice::from_ref(&folder), &Default::default(), None)
        .unwrap_or_else(|e| panic!("{e:?}"));
    let files = specgen::documents(&compiled.specs[0], Language::En);
    let md = unescaped(&String::from_utf8(files[PAGE].clone()).unwrap());
    for line in [
        "- Within: 24 hours, around the clock",
        "If we break this promise: we apologise; compensation: £50 for each day we are late.",
        "- Within: 2 hours counted only while we are open (Mon–Fri 08:00–20:00, Sat 09:00–17:00 London time, except holidays)",
        "- Days that do not count: 25 December 2026, 26 December 2026, 28 December 2026, 1 January 2027",
        "- Counted from: Report the escape of water",
    ] {
        assert!(md.contains(line), "{line}\n{md}");
    }
    assert!(!md.contains("manager"), "{md}");
    assert!(!md.contains("1 day"), "{md}");
}

/// Audit 12, L7: "decided and paid within 30 days" counts from a
/// back-office step (the refund assessed); the customer's page says from
/// what they saw: the cancellation they asked for, not the appeal that
/// loops back into the part counted.
#[test]
fn a_promise_from_back_office_work_counts_from_what_the_customer_saw() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs/meridian");
    let compiled = cxc::pipeline::compile(std::slice::from_ref(&folder), &Default::default(), None)
        .unwrap_or_else(|e| panic!("{e:?}"));
    let files = specgen::documents(&compiled.specs[0], Language::En);
    let md = unescaped(&String::from_utf8(files[PAGE].clone()).unwrap());
    let refund = &md[md.find("## Your refund is decided and paid").expect(&md)..];
    let refund = &refund[..refund[3..].find("\n## ").map_or(refund.len(), |e| e + 3)];
    assert!(
        refund.contains("- Counted from: Change or cancellation requested\n"),
        "{refund}"
    );
    assert!(!refund.contains("hears the appeal"), "{refund}");
}

/// Audit 11, L10: the staff's promises page says when a journey's step
/// deadlines allow more than the promise, from notes given beside the
/// spec (model.json keeps its schema); a promise they fit draws nothing.
#[test]
fn the_staff_page_says_when_step_deadlines_outlast_the_promise() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs/isp");
    let compiled = cxc::pipeline::compile(std::slice::from_ref(&folder), &Default::default(), None)
        .unwrap_or_else(|e| panic!("{e:?}"));
    let files = specgen::documents(&compiled.specs[0], Language::Ru);
    let md = String::from_utf8(files["policy/promises.md"].clone()).unwrap();
    let said = "соблюдения этих сроков недостаточно, чтобы сдержать обещание";
    assert_eq!(md.matches(said).count(), 1, "{md}");
    let connection = &md[md.find("путь клиента [Подключение").expect(&md)..];
    let connection = &connection[..connection.find('\n').unwrap()];
    assert!(connection.contains(said), "{connection}");
}

/// A promise whose words hold markup and an ampersand is text on the site
/// page and in the Markdown, never markup.
#[test]
fn a_promise_text_with_markup_is_escaped_on_the_site_page() {
    let spec = "team support { lead boss }\n\
        role boss { team support; duty \"Lead\" }\n\
        channel phone { kind phone; owner support }\n\
        segment mass { channels phone }\n\
        sla mass_sla for mass { answer phone 80% within 1m }\n\
        promise fast \"<script>alert(1)</script> Fish & chips\" {\n\
          description \"Tom & Jerry's <b>call</b>\"\n\
          segments mass; channel phone; within 15m\n\
          on_breach apologize, escalate boss, compensate \"<img src=x> & a voucher\"\n\
        }\n";
    let compiled = specgen::compiled(spec);
    for language in [Language::En, Language::Ru] {
        let files = specgen::rendered(&compiled.specs[0], language, &[Target::Docs, Target::Site]);
        let html = String::from_utf8(files["site/policy/our-promises.html"].clone()).unwrap();
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        for escaped in [
            "&lt;script&gt;alert(1)&lt;/script&gt; Fish &amp; chips",
            "Tom &amp; Jerry",
            "&lt;img src=x&gt; &amp; a voucher",
        ] {
            assert!(html.contains(escaped), "{escaped}\n{html}");
        }
        // The escalation to the role is internal: not on the page.
        assert!(!html.contains("boss"), "{html}");
        let nav = format!(
            "<a href=\"../policy/our-promises.html\">{}</a>",
            match language {
                Language::En => "Our promises",
                Language::Ru => "Наши обещания",
            }
        );
        assert!(html.contains(&nav), "{html}");
    }
}

/// Audit 14, M4: a promise with its own `hours` of a calendar open 24x7 on
/// an office-hours channel says calendar days to the customer, and its
/// staff page names that calendar; the same promise on the channel's hours
/// says 720 hours counted only while we are open.
#[test]
fn a_promise_on_its_own_hours_says_calendar_days() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("spec.cx"),
        r#"team office_team { lead clerk }
role clerk { team office_team; duty "Answers letters" }
calendar office { open mon-fri 09:00-18:00 }
calendar every_day "Calendar days" { open 24x7 }
channel letters "Letters" { kind email; hours office; owner office_team }
segment citizens { channels letters }
sla letters_sla for citizens { hours office; first_response letters within 20wd }
promise law "Office letters" { segments citizens; channel letters; within 30d; on_breach apologize }
promise law_calendar "Legal letters" { segments citizens; channel letters; hours every_day; within 30d; on_breach apologize }
"#,
    )
    .unwrap();
    let compiled = cxc::pipeline::compile(&[dir.path().to_path_buf()], &Default::default(), None)
        .unwrap_or_else(|e| panic!("{e:?}"));
    for (language, calendar_days, office) in [
        (
            Language::En,
            "30 calendar days",
            "720 hours counted only while we are open",
        ),
        (
            Language::Ru,
            "30 календарных дней",
            "720 часов в часы нашей работы",
        ),
    ] {
        let files = specgen::documents(&compiled.specs[0], language);
        let md = unescaped(&String::from_utf8(files[PAGE].clone()).unwrap());
        let legal = &md[md.find("## Legal letters").expect(&md)..];
        let (office_part, legal) = (&md[..md.len() - legal.len()], legal);
        assert!(legal.contains(calendar_days), "{legal}");
        assert!(!legal.contains(office), "{legal}");
        assert!(office_part.contains(office), "{office_part}");
    }
    let model = &compiled.specs[0].model;
    let law_calendar = model
        .promises
        .values()
        .find(|p| &*p.header.id == "law_calendar");
    let hours = model.promise_hours(law_calendar.unwrap()).unwrap();
    assert_eq!(&*hours.name, "every_day");
}
