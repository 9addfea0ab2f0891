//! The clock a time runs on, in words: around the clock, or a calendar's
//! name with its opening hours ("counted only during Office hours: Mon–Fri
//! 09:00–18:00"), so a reader of a job description or a policy knows when
//! the time runs without looking the calendar up. Day ranges are
//! compacted; holidays are not listed, only said to stop the clock.

use crate::model::Calendar;
use crate::syntax::values::{Language, TimeOfDay, Weekday};

/// Which clock a timer in running time counts on: a calendar's opening
/// hours, or around the clock (no calendar, or one open 24x7).
pub fn clock(calendar: Option<&Calendar>, language: Language) -> String {
    match (calendar.filter(|c| !c.is_24x7()), language) {
        (None, Language::En) => "around the clock".into(),
        (None, Language::Ru) => "круглосуточно".into(),
        (Some(c), Language::En) => format!(
            "counted only during {}: {}",
            c.header.label(),
            schedule(c, language)
        ),
        (Some(c), Language::Ru) => format!(
            "в рабочее время по календарю «{}»: {}",
            c.header.label(),
            schedule(c, language)
        ),
    }
}

/// When a deadline of `days` working days comes, for the note beside it:
/// the close of the last working day of the calendar's hours; around the
/// clock, where every day counts and documents say "5 days", midnight at
/// the end of the `days`th day. The day it starts is not counted.
pub fn working_days_clock(calendar: Option<&Calendar>, days: u32, language: Language) -> String {
    match (calendar.filter(|c| !c.is_24x7()), language) {
        (None, Language::En) => format!(
            "due at midnight at the end of the {} day, the day it starts not counted",
            ordinal(days)
        ),
        (None, Language::Ru) => {
            format!("до полуночи в конце {days}-го дня, не считая дня начала")
        }
        (Some(c), Language::En) => format!(
            "{}: {}; due at closing time, the day it starts not counted",
            c.header.label(),
            schedule(c, language)
        ),
        (Some(c), Language::Ru) => format!(
            "по календарю «{}»: {}; до закрытия, не считая дня начала",
            c.header.label(),
            schedule(c, language)
        ),
    }
}

/// "1st", "2nd", "3rd", "5th", "11th", "21st".
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A calendar's opening hours in one line: runs of days with the same
/// hours ("Mon–Fri 09:00–18:00, Sat 10:00–16:00"), its time zone, and
/// whether holidays stop it (the dates are in the calendar's own table).
pub fn schedule(calendar: &Calendar, language: Language) -> String {
    let days = week_hours(calendar, language);
    // Runs are taken around the week, starting at the first day (from
    // Monday) that begins one, so `open fri-mon` reads "Fri–Mon".
    let start = (0..7).find(|&d| days[d] != days[(d + 6) % 7]).unwrap_or(0);
    let mut runs = Vec::new();
    let mut offset = 0;
    while offset < 7 {
        let first = (start + offset) % 7;
        let mut len = 1;
        while offset + len < 7 && days[(first + len) % 7] == days[first] {
            len += 1;
        }
        if let Some(hours) = &days[first] {
            let span = match len {
                7 => every_day(language).to_string(),
                1 => short_day(first, language).to_string(),
                _ => format!(
                    "{}–{}",
                    short_day(first, language),
                    short_day((first + len - 1) % 7, language)
                ),
            };
            runs.push(format!("{span} {hours}"));
        }
        offset += len;
    }
    let mut text = if runs.is_empty() {
        match language {
            Language::En => "never open".to_string(),
            Language::Ru => "не открыт ни в один день".to_string(),
        }
    } else {
        runs.join(", ")
    };
    if let Some(zone) = calendar.zone_name() {
        text.push(' ');
        text += &super::zone_names::after_time(zone, language);
    }
    if !calendar.closed.is_empty() {
        text += match language {
            Language::En => ", except holidays",
            Language::Ru => ", кроме праздничных дней",
        };
    }
    if let Some(dated) = dated_hours(calendar, language) {
        text += match language {
            Language::En => "; on ",
            Language::Ru => "; ",
        };
        text += &dated;
    }
    text
}

/// Each weekday's opening hours as people read them (Monday first), `None`
/// for a day it does not open: the one formatter of a week's hours for
/// job descriptions, policies, channel pages and the site.
pub fn week_hours(calendar: &Calendar, language: Language) -> Vec<Option<String>> {
    openings(&calendar.week.days)
        .iter()
        .map(|day| (!day.is_empty()).then(|| day_text(day, language)))
        .collect()
}

/// An opening of a day: from, to, and whether `to` is on the next day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opening {
    pub from: TimeOfDay,
    pub to: TimeOfDay,
    pub next_day: bool,
}

/// A week's openings (`days`, Monday first) as people read them (audit 15,
/// L7): hours that run past midnight — a day's last interval ends at 24:00
/// and the next day's first begins at 00:00 — are one opening of the day
/// they start on, to the next day's time ("11:00–01:00 next day"), and the
/// next day does not list its 00:00 part again (Sunday runs into Monday).
/// A day open around the clock is neither joined nor cut.
pub fn openings(days: &[Vec<(TimeOfDay, TimeOfDay)>]) -> Vec<Vec<Opening>> {
    let n = days.len();
    let whole = |d: &[(TimeOfDay, TimeOfDay)]| matches!(d, [(a, b)] if a.minutes() == 0 && b.minutes() == 24 * 60);
    // Whether day `d`'s last opening runs on into the next day.
    let runs_on = |d: usize| {
        let next = &days[(d + 1) % n];
        n > 1
            && !whole(&days[d])
            && !whole(next)
            && days[d].last().is_some_and(|(_, b)| b.minutes() == 24 * 60)
            && next.first().is_some_and(|(a, _)| a.minutes() == 0)
    };
    (0..n)
        .map(|d| {
            let carried = runs_on((d + n - 1) % n);
            let mut list: Vec<Opening> = days[d]
                .iter()
                .skip(usize::from(carried))
                .map(|&(from, to)| Opening {
                    from,
                    to,
                    next_day: false,
                })
                .collect();
            if runs_on(d) {
                if let (Some(last), Some(&(_, to))) = (list.last_mut(), days[(d + 1) % n].first()) {
                    last.to = to;
                    last.next_day = true;
                }
            }
            list
        })
        .collect()
}

/// One day's openings: "09:00–13:00 and 14:00–18:00", "11:00–01:00 (next
/// day)", "around the clock".
fn day_text(openings: &[Opening], language: Language) -> String {
    let and = match language {
        Language::En => " and ",
        Language::Ru => " и ",
    };
    openings
        .iter()
        .map(|o| opening(o, language))
        .collect::<Vec<_>>()
        .join(and)
}

/// One opening in words.
pub fn opening(o: &Opening, language: Language) -> String {
    if o.from.minutes() == 0 && o.to.minutes() == 24 * 60 {
        return match language {
            Language::En => "around the clock".into(),
            Language::Ru => "круглосуточно".into(),
        };
    }
    match (o.next_day, language) {
        (false, _) => format!("{}–{}", o.from, o.to),
        (true, Language::En) => format!("{}–{} (next day)", o.from, o.to),
        (true, Language::Ru) => format!("{}–{} следующего дня", o.from, o.to),
    }
}

/// The dates with hours of their own, in words: "25 December 2027
/// 09:00–18:00" (and so on, joined); `None` when there are none.
pub fn dated_hours(calendar: &Calendar, language: Language) -> Option<String> {
    if calendar.opened.is_empty() {
        return None;
    }
    let list: Vec<String> = calendar
        .opened
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                super::words::long_date(d.date, language),
                hours(&d.times, language)
            )
        })
        .collect();
    Some(list.join(", "))
}

/// One dated day's opening intervals: "09:00–13:00 and 14:00–18:00".
fn hours(ranges: &[(TimeOfDay, TimeOfDay)], language: Language) -> String {
    let list: Vec<Opening> = ranges
        .iter()
        .map(|&(from, to)| Opening {
            from,
            to,
            next_day: false,
        })
        .collect();
    day_text(&list, language)
}

fn every_day(language: Language) -> &'static str {
    match language {
        Language::En => "every day",
        Language::Ru => "ежедневно",
    }
}

/// A weekday as a schedule abbreviates it, by index (Monday first).
fn short_day(index: usize, language: Language) -> &'static str {
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    debug_assert_eq!(Weekday::ALL[index].index(), index);
    match language {
        Language::En => EN[index],
        Language::Ru => Weekday::ALL[index].russian(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The calendar `office` "Office hours" with `body`, as a spec declares it.
    fn calendar(body: &str) -> Calendar {
        let spec = format!(
            "service \"S\" {{ language en }}\ncalendar office \"Office hours\" {{ {body} }}"
        );
        let compiled = crate::pipeline::compile_clean(&spec);
        let model = &compiled.specs[0].model;
        model.calendars.values().next().unwrap().clone()
    }

    #[test]
    fn runs_of_days_with_the_same_hours_are_compacted() {
        let c = calendar("open mon-fri 09:00-18:00\n open sat 10:00-16:00");
        assert_eq!(
            clock(Some(&c), Language::En),
            "counted only during Office hours: Mon–Fri 09:00–18:00, Sat 10:00–16:00"
        );
        assert_eq!(
            clock(Some(&c), Language::Ru),
            "в рабочее время по календарю «Office hours»: пн–пт 09:00–18:00, сб 10:00–16:00"
        );
        // Around the week's end, and a break in the day.
        let c = calendar("open fri-mon 09:00-13:00, 14:00-18:00");
        assert_eq!(
            schedule(&c, Language::En),
            "Fri–Mon 09:00–13:00 and 14:00–18:00"
        );
        let c = calendar("open mon-sun 08:00-20:00");
        assert_eq!(schedule(&c, Language::Ru), "ежедневно 08:00–20:00");
        let c = calendar("open tue, thu 09:00-18:00");
        assert_eq!(
            schedule(&c, Language::En),
            "Tue 09:00–18:00, Thu 09:00–18:00"
        );
        let c = calendar("open mon-fri 00:00-24:00\n open sun 10:00-12:00");
        assert_eq!(
            schedule(&c, Language::Ru),
            "пн–пт круглосуточно, вс 10:00–12:00"
        );
    }

    #[test]
    fn a_time_zone_is_named_and_holidays_are_said_not_listed() {
        let c = calendar(
            "timezone \"Europe/Moscow\"\n open mon-fri 09:00-18:00\n closed 2026-01-01, 2026-01-07",
        );
        assert_eq!(
            schedule(&c, Language::En),
            "Mon–Fri 09:00–18:00 Moscow time, except holidays"
        );
        assert_eq!(
            working_days_clock(Some(&c), 3, Language::Ru),
            "по календарю «Office hours»: пн–пт 09:00–18:00 по московскому времени, \
             кроме праздничных дней; до закрытия, не считая дня начала"
        );
        assert!(!schedule(&c, Language::En).contains("2026"));
    }

    #[test]
    fn a_clock_open_around_the_clock_says_so() {
        let c = calendar("open 24x7");
        assert_eq!(clock(Some(&c), Language::En), "around the clock");
        assert_eq!(clock(None, Language::Ru), "круглосуточно");
        // Every day counts: the note says which midnight, never "working".
        assert_eq!(
            working_days_clock(Some(&c), 5, Language::En),
            "due at midnight at the end of the 5th day, the day it starts not counted"
        );
        assert_eq!(
            working_days_clock(None, 2, Language::Ru),
            "до полуночи в конце 2-го дня, не считая дня начала"
        );
        assert_eq!(
            [1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal),
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]
        );
        // Open every hour but closed on holidays: not 24x7, so its hours.
        let c = calendar("open 24x7\n closed 2026-01-01");
        assert_eq!(
            clock(Some(&c), Language::En),
            "counted only during Office hours: every day around the clock, except holidays"
        );
    }
}
