//! Every timed line of the job descriptions and policies names its clock
//! with the clock's hours, in English and Russian, on the pages and on the
//! site: over generated specs whose office calendar has any hours (runs of
//! days, breaks in the day, days closed, a time zone, holidays), each
//! schedule a document writes is read back (tests/common/specgen.rs, with
//! none of cxc's writing) and must be the calendar's week, every day once,
//! runs of days with the same hours compacted, holidays said but not
//! listed.

#[path = "common/specgen.rs"]
mod specgen;

use cxc::generate::Target;
use cxc::syntax::values::Language;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use specgen::Plan;

fn holds(plan: &Plan) -> Result<usize, TestCaseError> {
    let text = plan.text();
    let compiled = specgen::compiled(&text);
    let spec = &compiled.specs[0];
    let mut read = 0;
    // Clocks said per document in English: Russian says as many.
    let mut said = std::collections::BTreeMap::new();
    for language in [Language::En, Language::Ru] {
        let words = specgen::clock_words(language);
        let timed = match language {
            Language::En => " within ",
            Language::Ru => " в течение ",
        };
        let files = specgen::rendered(spec, language, &[Target::Docs, Target::Site]);
        for (path, bytes) in &files {
            let Some(stem) = path.strip_suffix(".md") else {
                continue;
            };
            if !(path.starts_with("hr/") || path.starts_with("policy/")) {
                continue;
            }
            let md = std::str::from_utf8(bytes).unwrap();
            let leads = [words.lead, words.around, words.wd_lead, words.wd_around];
            // A count of days on the wall clock is said in calendar days,
            // which is its clock (outside audit 8, R6).
            let calendar: &[&str] = match language {
                Language::En => &[" calendar day", " calendar week"],
                Language::Ru => &[" календарн"],
            };
            let calendar_days = |line: &str| {
                calendar
                    .iter()
                    .map(|c| line.matches(c).count())
                    .sum::<usize>()
            };
            let clocks: usize =
                leads.iter().map(|l| md.matches(l).count()).sum::<usize>() + calendar_days(md);
            let english = *said.entry(path.clone()).or_insert(clocks);
            prop_assert_eq!(english, clocks, "{} says fewer clocks in Russian", path);
            // A time: "within" and a number.
            let is_timed = |line: &&str| {
                line.match_indices(timed)
                    .any(|(at, m)| line[at + m.len()..].starts_with(|c: char| c.is_ascii_digit()))
            };
            for line in md.lines().filter(is_timed) {
                prop_assert!(
                    leads.iter().any(|l| line.contains(l)) || calendar_days(line) > 0,
                    "{path} ({language:?}): a time without its clock:\n{line}\n{text}"
                );
            }
            let site = files
                .get(&format!("site/{stem}.html"))
                .map(|b| String::from_utf8_lossy(b).into_owned());
            prop_assert!(site.is_some(), "no site page for {path}");
            let site = site.unwrap();
            for schedule in specgen::schedules(md, &words) {
                let office = specgen::read_schedule(schedule, &words)
                    .map_err(|e| TestCaseError::fail(format!("{path} ({language:?}): {e}")))?;
                prop_assert_eq!(
                    &office,
                    &plan.office,
                    "{} ({:?}) says “{}”\n{}",
                    path,
                    language,
                    schedule,
                    text
                );
                prop_assert!(
                    site.contains(schedule),
                    "site/{stem}.html does not say “{schedule}”"
                );
                read += 1;
            }
        }
    }
    Ok(read)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_timed_line_names_its_clock_s_hours(mut plan in specgen::plan()) {
        // Promises are tests/promises.rs's; some are rejected by check,
        // which would stop the build.
        plan.promises.clear();
        holds(&plan)?;
    }
}

/// The generator reaches business clocks at all: a spec whose every
/// segment and complaint counts on office hours has schedules to read.
#[test]
fn office_clocks_are_read_on_a_spec_that_has_them() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut read = 0;
    for _ in 0..20 {
        let mut plan = specgen::plan().new_tree(&mut runner).unwrap().current();
        plan.promises.clear();
        for segment in &mut plan.segments {
            segment.office = true;
        }
        read += holds(&plan).unwrap();
    }
    assert!(read > 20, "only {read} schedules read");
}

/// The reader is strict: a day twice, a run left uncompacted, a word it
/// does not know are errors, so a writer that slips cannot pass.
#[test]
fn the_schedule_reader_refuses_what_a_compact_schedule_never_says() {
    let en = specgen::clock_words(Language::En);
    let read = |s: &str| specgen::read_schedule(s, &en);
    let week = read("Mon–Fri 09:00–18:00, Sat 10:00–16:00").unwrap();
    assert_eq!(week.days[4], [(540, 1080)]);
    assert_eq!(week.days[5], [(600, 960)]);
    assert!(week.days[6].is_empty());
    assert!(read("Mon–Fri 09:00–18:00, Fri 10:00–16:00").is_err());
    assert!(read("Mon–Thu 09:00–18:00, Fri 09:00–18:00").is_err());
    assert!(read("Sat–Sun 09:00–18:00, Mon 09:00–18:00").is_err());
    assert!(read("Mon–Fri 9 to 6").is_err());
    assert!(read("Fri–Mon 09:00–13:00 and 14:00–18:00").is_ok());
    let ru = specgen::clock_words(Language::Ru);
    let week =
        specgen::read_schedule("ежедневно круглосуточно, кроме праздничных дней", &ru).unwrap();
    assert!(week.holidays && week.days.iter().all(|d| d == &[(0, 1440)]));
}
