//! Opening hours as people read them (audit 15, L7): a line open 11:00–01:00
//! reads "11:00–01:00 (next day)" («11:00–01:00 следующего дня»), never
//! as two openings ("00:00–01:00 and 11:00–24:00"), on the channels page
//! and in the job descriptions alike (one formatter). Over generated weeks:
//! hours past midnight (Sunday into Monday too), days open around the
//! clock, split days, closed days, and 24x7.
//!
//! The oracle reads the documents back into hours of the week and compares
//! them with the hours the spec opens; and it asks that no opening end at
//! 24:00 where the next day's reading starts at 00:00 (one opening written
//! as two), unless one of the two days is open around the clock.

mod common;

use cxc::syntax::values::Language;
use proptest::prelude::*;

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A week as whole hours open: `open[d * 24 + h]`.
#[derive(Debug, Clone)]
struct Week {
    open: Vec<bool>,
    russian: bool,
}

impl Week {
    /// Day `d`'s intervals in hours, from the open hours.
    fn intervals(&self, d: usize) -> Vec<(usize, usize)> {
        let mut list = Vec::new();
        let mut h = 0;
        while h < 24 {
            if self.open[d * 24 + h] {
                let from = h;
                while h < 24 && self.open[d * 24 + h] {
                    h += 1;
                }
                list.push((from, h));
            } else {
                h += 1;
            }
        }
        list
    }

    fn text(&self) -> String {
        let mut cal = String::new();
        if self.open.iter().all(|&o| o) {
            cal += "open 24x7";
        }
        for (d, day) in DAYS.iter().enumerate() {
            let list = self.intervals(d);
            if list.is_empty() || self.open.iter().all(|&o| o) {
                continue;
            }
            let ranges: Vec<String> = list
                .iter()
                .map(|(a, b)| format!("{a:02}:00-{b:02}:00"))
                .collect();
            cal += &format!("\n  open {day} {}", ranges.join(", "));
        }
        format!(
            "calendar line \"Line hours\" {{ {cal}\n}}\n\
             team t \"Team\" {{ lead boss; hours line }}\n\
             role boss \"Boss\" {{ team t }}\n\
             role agent \"Agent\" {{ team t; reports_to boss; headcount 5 }}\n\
             channel phone \"Phone\" {{ kind phone; hours line; owner t }}\n\
             segment all \"Everyone\" {{ channels phone }}\n\
             sla s for all {{ hours line; answer phone 80% within 60s }}\n\
             queue q {{ channel phone; team t }}\n"
        )
    }
}

/// Runs of open hours anywhere in the week (some past midnight, one from
/// Sunday into Monday), or a whole day, or the whole week.
fn week() -> impl Strategy<Value = Week> {
    let run = (0usize..168, 1usize..40);
    (
        prop::collection::vec(run, 1..5),
        0u8..10,
        any::<bool>(),
        prop::option::of(0usize..7),
    )
        .prop_map(|(runs, shape, russian, whole_day)| {
            let mut open = vec![false; 168];
            if shape == 0 {
                open = vec![true; 168];
            } else {
                for (start, len) in runs {
                    for h in start..start + len {
                        open[h % 168] = true;
                    }
                }
                if let Some(d) = whole_day {
                    open[d * 24..d * 24 + 24].iter_mut().for_each(|o| *o = true);
                }
                if open.iter().all(|&o| o) {
                    open[5] = false;
                }
            }
            Week { open, russian }
        })
}

/// Words of one language.
struct Words {
    and: &'static str,
    next_day: &'static str,
    around: &'static str,
    closed: &'static str,
    every_day: &'static str,
    always: &'static str,
    days: [&'static str; 7],
    short: [&'static str; 7],
}

fn words(language: Language) -> Words {
    match language {
        Language::En => Words {
            and: " and ",
            next_day: " (next day)",
            around: "around the clock",
            closed: "closed",
            every_day: "every day",
            always: "Open around the clock, every day.",
            days: [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ],
            short: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        },
        Language::Ru => Words {
            and: " и ",
            next_day: " следующего дня",
            around: "круглосуточно",
            closed: "выходной",
            every_day: "ежедневно",
            always: "Круглосуточно, без выходных.",
            days: [
                "понедельник",
                "вторник",
                "среда",
                "четверг",
                "пятница",
                "суббота",
                "воскресенье",
            ],
            short: ["пн", "вт", "ср", "чт", "пт", "сб", "вс"],
        },
    }
}

fn minutes(t: &str) -> Result<usize, String> {
    let (h, m) = t.split_once(':').ok_or(format!("not a time: “{t}”"))?;
    Ok(h.parse::<usize>().map_err(|e| e.to_string())? * 60
        + m.parse::<usize>().map_err(|e| e.to_string())?)
}

/// One day's hours read into `open` (hours of the week); each opening's
/// (start, end) in week minutes, for the "written as two" check.
fn read_day(
    day: usize,
    text: &str,
    w: &Words,
    open: &mut [bool],
    spans: &mut Vec<(usize, usize)>,
) -> Result<(), String> {
    if text.eq_ignore_ascii_case(w.closed) {
        return Ok(());
    }
    for part in text.split(w.and) {
        let (from, to, next) = if part == w.around {
            (0, 24 * 60, false)
        } else {
            let (range, next) = match part.strip_suffix(w.next_day) {
                Some(r) => (r, true),
                None => (part, false),
            };
            let (a, b) = range
                .split_once('–')
                .ok_or(format!("not an opening: “{part}”"))?;
            (minutes(a)?, minutes(b)?, next)
        };
        let start = day * 1440 + from;
        let end = day * 1440 + to + if next { 1440 } else { 0 };
        if end <= start || (next && to == 0) {
            return Err(format!("a backward opening: “{part}”"));
        }
        for m in (start..end).step_by(60) {
            let h = (m / 60) % 168;
            if std::mem::replace(&mut open[h], true) {
                return Err(format!("hour {h} read twice (“{part}”)"));
            }
        }
        spans.push((start, end));
    }
    Ok(())
}

/// No opening ends where another begins (an hour past midnight read as two
/// openings), unless one of them is a whole day around the clock.
fn one_opening_each(spans: &[(usize, usize)]) -> Result<(), String> {
    let whole = |(a, b): (usize, usize)| b - a == 1440 && a % 1440 == 0;
    for &x in spans {
        for &y in spans {
            if x.1 % (168 * 60) == y.0 % (168 * 60) && !whole(x) && !whole(y) {
                return Err(format!("{x:?} and {y:?} are one opening written as two"));
            }
        }
    }
    Ok(())
}

/// The channels page's table of the calendar.
fn read_page(page: &str, w: &Words) -> Result<Vec<bool>, String> {
    let mut open = vec![false; 168];
    if page.contains(w.always) {
        return Ok(vec![true; 168]);
    }
    let mut spans = Vec::new();
    for (d, name) in w.days.iter().enumerate() {
        let row = page
            .lines()
            .find_map(|l| l.strip_prefix(&format!("| {name} | ")))
            .ok_or(format!("no row for {name}"))?;
        let hours = row.trim_end().trim_end_matches('|').trim_end();
        read_day(d, hours, w, &mut open, &mut spans)?;
    }
    one_opening_each(&spans)?;
    Ok(open)
}

/// A schedule in one line ("Mon–Fri 09:00–18:00, Sat 11:00–01:00 (next
/// day)"), as a job description writes the team's hours.
fn read_schedule(text: &str, w: &Words) -> Result<Vec<bool>, String> {
    let mut open = vec![false; 168];
    let mut spans = Vec::new();
    let day = |s: &str| {
        w.short
            .iter()
            .position(|d| *d == s)
            .ok_or(format!("not a day: “{s}”"))
    };
    for run in text.split(", ") {
        let (first, last, hours) = match run.strip_prefix(w.every_day) {
            Some(hours) => (0, 6, hours.trim_start()),
            None => {
                let (span, hours) = run.split_once(' ').ok_or(format!("no hours: “{run}”"))?;
                match span.split_once('–') {
                    Some((a, b)) => (day(a)?, day(b)?, hours),
                    None => (day(span)?, day(span)?, hours),
                }
            }
        };
        let mut d = first;
        loop {
            read_day(d, hours, w, &mut open, &mut spans)?;
            if d == last {
                break;
            }
            d = (d + 1) % 7;
        }
    }
    one_opening_each(&spans)?;
    Ok(open)
}

/// The text after `lead` up to its closing parenthesis (the schedule holds
/// parentheses of its own: "(next day)").
fn enclosed<'t>(text: &'t str, lead: &str) -> Option<&'t str> {
    let start = text.find(lead)? + lead.len();
    let mut depth = 0;
    for (i, c) in text[start..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(&text[start..start + i]),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

fn show(open: &[bool]) -> String {
    (0..7)
        .map(|d| {
            open[d * 24..d * 24 + 24]
                .iter()
                .map(|&o| if o { '#' } else { '.' })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("|")
}

fn holds(week: &Week) -> Result<(), String> {
    let language = if week.russian {
        Language::Ru
    } else {
        Language::En
    };
    let w = words(language);
    let text = week.text();
    let compiled =
        cxc::pipeline::compile_bytes("spec.cx", text.as_bytes(), &cxc::check::Options::default());
    let spec = &compiled.specs[0];
    let files = common::render::render(spec, language, &[cxc::generate::Target::Docs])
        .map_err(|e| format!("{e:?}"))?
        .0;
    let read = |name: &str| String::from_utf8(files[name].clone()).unwrap();
    let page = read_page(&read("policy/channels.md"), &w)?;
    if page != week.open {
        return Err(format!(
            "the channels page reads\n{}\nthe spec opens\n{}",
            show(&page),
            show(&week.open)
        ));
    }
    if week.open.iter().all(|&o| o) {
        return Ok(());
    }
    // The agent's job description: the clock of its answer target, with
    // the calendar's hours.
    let job = read("hr/agent.md");
    let lead = match language {
        Language::En => "(counted only during Line hours: ",
        Language::Ru => "(в рабочее время по календарю «Line hours»: ",
    };
    let schedule = enclosed(&job, lead).ok_or(format!("no hours in\n{job}"))?;
    let read_back = read_schedule(schedule, &w)?;
    if read_back != week.open {
        return Err(format!(
            "the job description reads “{schedule}” as\n{}\nthe spec opens\n{}",
            show(&read_back),
            show(&week.open)
        ));
    }
    Ok(())
}

#[test]
fn hours_read_back_as_the_spec_opens_them_past_midnight_as_one_opening() {
    common::run_seeded("opening hours", [15; 32], 64, &week(), |week| {
        if let Err(e) = holds(&week) {
            panic!("{e}\n{}", week.text());
        }
    });
}

/// The audit's hotline, 11:00–01:00 every day: one opening a day, in both
/// languages (the wording the audit asked for).
#[test]
fn a_hotline_open_past_midnight_reads_as_one_opening() {
    let mut open = vec![false; 168];
    for d in 0..7 {
        for h in 11..25 {
            open[(d * 24 + h) % 168] = true;
        }
    }
    for russian in [false, true] {
        let week = Week {
            open: open.clone(),
            russian,
        };
        holds(&week).unwrap();
    }
}

/// Audit 17, L4: Dubai's shift reads "12:00–02:00 (next day)", and a
/// closed date shuts 00:00–02:00 of that date too (the engine's reading),
/// so the page says a closed date is closed from 00:00. A calendar with a
/// closed date and no shift past midnight says nothing of the kind.
#[test]
fn a_closed_date_after_an_overnight_shift_says_where_the_shift_ends() {
    let spec = |week: &str| {
        format!(
            "service \"T\" {{ owner boss; review every 6 months; reviewed 2026-11-01 }}\n\
             calendar d_hours {{ timezone \"Asia/Dubai\"; {week}; closed 2027-03-10 }}\n\
             team d {{ lead boss; hours d_hours }}\n\
             role boss {{ team d; headcount 1; duty \"x\" }}\n\
             channel phone {{ kind phone; hours d_hours; owner d }}\n\
             segment s {{ channels phone }}\n\
             queue q {{ channel phone; team d }}\n"
        )
    };
    let page = |week: &str, language: Language| {
        let text = spec(week);
        let compiled = cxc::pipeline::compile_bytes(
            "spec.cx",
            text.as_bytes(),
            &cxc::check::Options::default(),
        );
        let files =
            common::render::render(&compiled.specs[0], language, &[cxc::generate::Target::Docs])
                .unwrap()
                .0;
        String::from_utf8(files["policy/channels.md"].clone()).unwrap()
    };
    let overnight = "open mon-sun 12:00-24:00; open mon-sun 00:00-02:00";
    let en = page(overnight, Language::En);
    assert!(en.contains("12:00–02:00 (next day)"), "{en}");
    assert!(
        en.contains(
            "A closed date is closed from 00:00: the shift of the day before ends at midnight."
        ),
        "{en}"
    );
    let ru = page(overnight, Language::Ru);
    assert!(ru.contains("Нерабочий день закрыт с 00:00"), "{ru}");
    let day = page("open mon-sun 09:00-18:00", Language::En);
    assert!(
        day.contains("10 March 2027") && !day.contains("closed from 00:00"),
        "{day}"
    );
}
