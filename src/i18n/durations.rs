//! Durations and counts in words, English and Russian: "72 hours", "5
//! working days", "3 рабочих дня". One wording for the documents (through
//! `generate::words`) and for the messages of the checks and `measure`
//! (through [`super::Arg::Limit`]), so that no message prints seconds or
//! spec syntax where a person reads a length of time.
//!
//! Russian nouns after a number take one of three forms (1 день, 2 дня,
//! 5 дней; 21 день, 11 дней), chosen by the last two digits.

use crate::base::{
    time::{Duration, TimeLimit, Units},
    Language,
};

/// The three Russian forms: for 1 (and 21, 31...), for 2–4 (22–24...), for the rest.
pub fn russian_plural(n: u64, one: &str, few: &str, many: &str) -> String {
    let form = match (n % 10, n % 100) {
        (_, 11..=14) => many,
        (1, _) => one,
        (2..=4, _) => few,
        _ => many,
    };
    form.to_string()
}

/// "1 day", "3 days"; "1 день", "3 дня", "5 дней".
pub fn count(n: u64, unit: Unit, language: Language) -> String {
    let word = match language {
        Language::En => {
            let (one, many) = unit.english();
            if n == 1 { one } else { many }.to_string()
        }
        Language::Ru => {
            let (one, few, many) = unit.russian();
            russian_plural(n, one, few, many)
        }
    };
    format!("{n} {word}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Week,
    Day,
    WorkingDay,
    Hour,
    Minute,
    Second,
    Agent,
    Person,
}

impl Unit {
    fn english(self) -> (&'static str, &'static str) {
        match self {
            Unit::Week => ("week", "weeks"),
            Unit::Day => ("day", "days"),
            Unit::WorkingDay => ("working day", "working days"),
            Unit::Hour => ("hour", "hours"),
            Unit::Minute => ("minute", "minutes"),
            Unit::Second => ("second", "seconds"),
            Unit::Agent => ("agent", "agents"),
            Unit::Person => ("person", "people"),
        }
    }

    fn russian_genitive(self) -> (&'static str, &'static str) {
        match self {
            Unit::Week => ("недели", "недель"),
            Unit::Day => ("дня", "дней"),
            Unit::WorkingDay => ("рабочего дня", "рабочих дней"),
            Unit::Hour => ("часа", "часов"),
            Unit::Minute => ("минуты", "минут"),
            Unit::Second => ("секунды", "секунд"),
            Unit::Agent => ("оператора", "операторов"),
            Unit::Person => ("человека", "человек"),
        }
    }

    fn russian(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Unit::Week => ("неделя", "недели", "недель"),
            Unit::Day => ("день", "дня", "дней"),
            Unit::WorkingDay => ("рабочий день", "рабочих дня", "рабочих дней"),
            Unit::Hour => ("час", "часа", "часов"),
            Unit::Minute => ("минута", "минуты", "минут"),
            Unit::Second => ("секунда", "секунды", "секунд"),
            Unit::Agent => ("оператор", "оператора", "операторов"),
            Unit::Person => ("человек", "человека", "человек"),
        }
    }
}

/// A duration in words: "1 day 4 hours", "1 час 30 минут". Weeks are used
/// only for whole weeks, so "10d" reads "10 days", not "1 week 3 days".
pub fn duration(d: Duration, language: Language) -> String {
    duration_as(d, Days::Yes, language, count)
}

/// The same in the genitive, as Russian needs after "в течение" and "не
/// более": "в течение 1 часа", "в течение 3 дней". English has no case.
pub fn duration_genitive(d: Duration, language: Language) -> String {
    duration_as(d, Days::Yes, language, genitive)
}

/// A timer's limit in words, on its clock: "3 working days"; running time
/// in days and weeks where the clock runs around the clock, but in hours
/// where it stops after hours ("72 hours", never "3 days": readers take
/// days for days of the wall calendar, LANGUAGE.md language 3).
pub fn limit(limit: TimeLimit, business_hours: bool, language: Language) -> String {
    limit_as(limit, business_hours, language, count)
}

/// [`limit`] in the genitive: "в течение 3 рабочих дней".
pub fn limit_genitive(limit: TimeLimit, business_hours: bool, language: Language) -> String {
    limit_as(limit, business_hours, language, genitive)
}

/// [`limit`], with days and weeks only where its author wrote them (outside
/// audit 17, L1): `24h` is "24 hours", never "1 day"; `90s` still "1
/// minute 30 seconds"; `2d` "2 days" around the clock. A limit whose units
/// are not known (a sum cxc made) reads as [`limit`] does.
pub fn limit_kept(limit: TimeLimit, business_hours: bool, language: Language) -> String {
    limit_as(limit, business_hours || no_days(limit), language, count)
}

/// [`limit_kept`] in the genitive: "в течение 24 часов".
pub fn limit_kept_genitive(limit: TimeLimit, business_hours: bool, language: Language) -> String {
    limit_as(limit, business_hours || no_days(limit), language, genitive)
}

/// Running time its author wrote without days or weeks (`24h`, `90m`).
pub fn no_days(limit: TimeLimit) -> bool {
    matches!(limit, TimeLimit::Running { units, .. } if units != Units::default() && !units.days())
}

/// A limit in the units its author wrote it in ("24 hours" for `24h`,
/// never "1 day"): how a public promise's time is quoted. Days and weeks
/// only where the clock runs around the clock, as [`limit`]; a limit
/// whose units are not known reads as [`limit`] does.
pub fn limit_as_written(limit: TimeLimit, business_hours: bool, language: Language) -> String {
    written_as(limit, business_hours, language, count)
}

/// [`limit_as_written`] in the genitive.
pub fn limit_as_written_genitive(
    limit: TimeLimit,
    business_hours: bool,
    language: Language,
) -> String {
    written_as(limit, business_hours, language, genitive)
}

fn written_as(
    limit: TimeLimit,
    business_hours: bool,
    language: Language,
    count: impl Fn(u64, Unit, Language) -> String + Copy,
) -> String {
    let Some(parts) = limit.written_parts(!business_hours) else {
        return limit_as(limit, business_hours, language, count);
    };
    parts
        .into_iter()
        .map(|(n, letter)| {
            let unit = match letter {
                'w' => Unit::Week,
                'd' => Unit::Day,
                'h' => Unit::Hour,
                'm' => Unit::Minute,
                _ => Unit::Second,
            };
            count(n, unit, language)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn limit_as(
    limit: TimeLimit,
    business_hours: bool,
    language: Language,
    count: impl Fn(u64, Unit, Language) -> String,
) -> String {
    match limit {
        // Around the clock every day is an opening day: "5 days", never
        // "5 working days" (readers take those for an office's).
        TimeLimit::WorkingDays(days) if !business_hours => {
            count(u64::from(days), Unit::Day, language)
        }
        TimeLimit::WorkingDays(days) => count(u64::from(days), Unit::WorkingDay, language),
        TimeLimit::Running { time, .. } => {
            let days = if business_hours { Days::No } else { Days::Yes };
            duration_as(time, days, language, count)
        }
    }
}

fn genitive(n: u64, unit: Unit, language: Language) -> String {
    match language {
        Language::En => count(n, unit, language),
        Language::Ru => {
            let (one, many) = unit.russian_genitive();
            let word = if n % 10 == 1 && n % 100 != 11 {
                one
            } else {
                many
            };
            format!("{n} {word}")
        }
    }
}

/// Whether a duration may be said in days and weeks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Days {
    Yes,
    No,
}

fn duration_as(
    d: Duration,
    days: Days,
    language: Language,
    count: impl Fn(u64, Unit, Language) -> String,
) -> String {
    let mut seconds = d.seconds();
    if seconds == 0 {
        return match language {
            Language::En => "no time".into(),
            Language::Ru => "0 минут".into(),
        };
    }
    let mut parts = Vec::new();
    let week = 7 * 86_400;
    if days == Days::Yes && seconds.is_multiple_of(week) {
        return count(seconds / week, Unit::Week, language);
    }
    let units = [
        (86_400, Unit::Day),
        (3_600, Unit::Hour),
        (60, Unit::Minute),
        (1, Unit::Second),
    ];
    let skip = usize::from(days == Days::No);
    for (size, unit) in units.into_iter().skip(skip) {
        if seconds >= size {
            parts.push(count(seconds / size, unit, language));
            seconds %= size;
        }
    }
    parts.join(" ")
}
