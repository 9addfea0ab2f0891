//! Whether a promise's wording tells the customer which hours it runs on:
//! `promise-clock` stays silent when it does. Three ways count, in English
//! and Russian:
//! - words about working time ("business hours", «в рабочее время»);
//! - days of the week as a range or as a class ("Mon–Fri", "Monday to
//!   Friday", "on weekdays", «пн–пт», «по будням»), also with the times
//!   of a weekly window ("Monday 08:00 Sydney to Friday 18:00 Austin",
//!   «с понедельника 08:00 до пятницы 18:00»);
//! - a time-of-day range ("9:00–18:00", "9am-6pm", «с 9 до 18»).
//!
//! A lone day name ("even on Sunday") or a bare number range ("2-3 days")
//! does not count: neither says when the clock stops.

/// Whether the wording says the clock stops on holidays ("except public
/// holidays", «кроме праздничных дней»): what a promise on a calendar open
/// around the clock but closed on holidays must tell the customer.
pub fn states_holidays(text: &str) -> bool {
    let text = text.to_lowercase();
    ["holiday", "праздн"].iter().any(|w| text.contains(w))
}

/// Words that tell a customer the promise runs on working time.
const WORKING_TIME: &[&str] = &[
    "business hour",
    "business day",
    "working hour",
    "working day",
    "working minute",
    "work hour",
    "office hour",
    "opening hour",
    "рабоч",
    "часы работы",
];

/// Words naming a class of days: the week's working part.
const DAY_CLASSES: &[&str] = &["weekday", "будн"];

/// Day names and their usual short forms; a range of two of them states
/// the days.
const DAYS: &[&str] = &[
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "пн",
    "вт",
    "ср",
    "чт",
    "пт",
    "сб",
    "вс",
];

/// Russian day names start with these stems in every case form
/// («понедельник», «с понедельника по пятницу»).
const RU_DAY_STEMS: &[&str] = &[
    "понедельн",
    "вторник",
    "сред",
    "четверг",
    "пятниц",
    "суббот",
    "воскресен",
];

/// Words joining the two ends of a range.
const RANGE_WORDS: &[&str] = &["to", "till", "until", "through", "thru", "по", "до"];

/// Words opening a range ("from 9 to 18", «с 9 до 18»).
const FROM_WORDS: &[&str] = &["from", "с", "со", "between"];

/// Whether `text` says which hours or days a promise runs on.
pub fn states_hours(text: &str) -> bool {
    let lower = text.to_lowercase();
    if WORKING_TIME.iter().any(|w| lower.contains(w)) {
        return true;
    }
    let tokens = tokens(&lower);
    tokens.iter().any(|t| match t {
        Token::Word(w) => DAY_CLASSES.iter().any(|c| w.starts_with(c)),
        _ => false,
    }) || (0..tokens.len()).any(|i| day_range(&tokens[i..]))
        || (0..tokens.len()).any(|i| time_range(&tokens[i..]))
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    /// A time of day: hours, and whether minutes or am/pm were written.
    Time {
        hour: u32,
        exact: bool,
    },
    /// A dash of any width.
    Dash,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let hour: u32 = chars[start..i]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(u32::MAX);
            let mut exact = false;
            // `9:00`, `9.00`: minutes.
            if matches!(chars.get(i), Some(':' | '.'))
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                && chars.get(i + 2).is_some_and(char::is_ascii_digit)
                && !chars.get(i + 3).is_some_and(char::is_ascii_digit)
            {
                exact = true;
                i += 3;
            }
            // `9am`, `9 pm`, `9 a.m.`
            let mut j = i;
            while chars.get(j) == Some(&' ') {
                j += 1;
            }
            let rest: String = chars[j..chars.len().min(j + 4)].iter().collect();
            for suffix in ["a.m.", "p.m.", "am", "pm"] {
                let after = chars.get(j + suffix.chars().count());
                if rest.starts_with(suffix) && !after.is_some_and(|c| c.is_alphanumeric()) {
                    exact = true;
                    i = j + suffix.chars().count();
                    break;
                }
            }
            out.push(Token::Time { hour, exact });
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            out.push(match named_time(&word) {
                Some(hour) => Token::Time { hour, exact: true },
                None => Token::Word(word),
            });
        } else {
            if matches!(c, '-' | '–' | '—' | '‒' | '−') {
                out.push(Token::Dash);
            }
            i += 1;
        }
    }
    out
}

/// Times of day said as words, each an end of a range as a written time
/// is ("6am–midnight", «с 6 до полуночи», "noon to 6pm"): midnight as the
/// day's end (24), noon as 12. Alone ("refunds by midnight") they are no
/// range and state no hours.
fn named_time(word: &str) -> Option<u32> {
    match word {
        "midnight" | "полночь" | "полуночи" => Some(24),
        "noon" | "midday" | "полдень" | "полудня" => Some(12),
        _ => None,
    }
}

fn is_day(token: &Token) -> bool {
    match token {
        Token::Word(w) => {
            DAYS.contains(&w.as_str()) || RU_DAY_STEMS.iter().any(|stem| w.starts_with(stem))
        }
        _ => false,
    }
}

fn is_range_word(token: &Token) -> bool {
    matches!(token, Token::Dash)
        || matches!(token, Token::Word(w) if RANGE_WORDS.contains(&w.as_str()))
}

/// Words that may stand between a day and its time in a weekday window
/// ("Monday 08:00 Sydney to Friday 18:00 Austin", "Mon at 8:00 AEST"): at
/// most this many.
const WINDOW_WORDS: usize = 2;

/// A range of days at the head of `tokens`: `Mon–Fri`, `Monday to Friday`,
/// `пн-пт`, «понедельника по пятницу»; or a weekly window, the first day
/// with a time of day before the joint ("Monday 08:00 Sydney to Friday
/// 18:00 Austin", «с понедельника 08:00 до пятницы 18:00»). Between the day
/// and the joint only a written time (`08:00`, `8am`) and a few words (a
/// city, a zone) may stand, and the time must be there: "Sunday, within 24
/// hours to Monday" says no window.
fn day_range(tokens: &[Token]) -> bool {
    if !tokens.first().is_some_and(is_day) {
        return false;
    }
    let (mut time, mut words) = (false, 0);
    for (i, token) in tokens.iter().enumerate().skip(1) {
        if is_range_word(token) {
            return (i == 1 || time) && tokens.get(i + 1).is_some_and(is_day);
        }
        match token {
            Token::Time { hour, exact: true } if *hour <= 24 && !time => time = true,
            Token::Word(_) if !is_day(token) && words < WINDOW_WORDS => words += 1,
            _ => return false,
        }
    }
    false
}

/// A time-of-day range at the head of `tokens`: `9:00–18:00`, `9am-6pm`,
/// or, after "from"/«с», `9 to 18`. Both ends must be hours of a day.
fn time_range(tokens: &[Token]) -> bool {
    let hour = |t: &Token| match t {
        Token::Time { hour, exact } if *hour <= 24 => Some(*exact),
        _ => None,
    };
    let opened = matches!(tokens.first(), Some(Token::Word(w)) if FROM_WORDS.contains(&w.as_str()));
    let rest = if opened { &tokens[1..] } else { tokens };
    let [a, joint, b, ..] = rest else {
        return false;
    };
    match (hour(a), is_range_word(joint), hour(b)) {
        (Some(a), true, Some(b)) => opened || a || b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::states_hours;

    #[test]
    fn stated_hours_in_either_language_count() {
        for text in [
            "We call you back within 30 minutes (Mon–Fri 9:00–18:00)",
            "Callback in 30 min, Mon-Fri 9-18",
            "Monday to Friday, we call back within the hour",
            "Weekdays only: a callback within 30 minutes",
            "Open 9am-6pm: callback within 30 minutes",
            "Callback within 30 minutes from 9 to 18",
            "Перезвоним за 30 минут по будням с 9:00 до 18:00",
            "Перезвоним за 30 минут, пн–пт",
            "Перезвоним за 30 минут с понедельника по пятницу",
            "Перезвоним за 30 минут с 9 до 18",
            "We call you back within 30 working minutes",
            "Ответим в течение 2 рабочих часов",
            // A weekly window: days with times between (outside audit 9, D8).
            "Premier tickets: first reply from an engineer within 30 minutes, \
             Monday 08:00 Sydney to Friday 18:00 Austin",
            "First reply within 30 minutes, Mon 8am to Fri 6pm",
            "Первый ответ за 30 минут, с понедельника 08:00 до пятницы 18:00",
            "Первый ответ за 30 минут, пн 08:00 – пт 18:00 по Москве",
            // Midnight and noon are times of day (outside audit 12, L1).
            "We call you back within 30 minutes (6am–midnight India time)",
            "We call you back within 30 minutes, noon to 8pm",
            "Перезвоним за 30 минут, с 6 до полуночи",
        ] {
            assert!(states_hours(text), "{text}");
        }
    }

    #[test]
    fn plain_time_and_near_misses_do_not() {
        for text in [
            "We call you back within 30 minutes",
            "Delivery in 2-3 days",
            "We answer even on Sunday",
            "Reply within 24 hours, 7 days a week",
            "Перезвоним за 30 минут",
            "Доставка за 2–3 дня",
            "Ответим в течение 15 минут, 10-15 раз быстрее конкурентов",
            // A day with a time, but no range of days: still plain time.
            "Reply within 30 minutes, even on Sunday 08:00",
            "Reply within 24 hours, Sunday within 24 hours to Monday",
            "Ответим за 30 минут, даже в воскресенье 08:00",
            "Reply within 30 minutes from Monday 08:00 Sydney, not only to Friday customers",
            // A deadline at midnight is no range of hours.
            "Refunds requested by midnight are paid within 30 minutes",
            "Перезвоним за 30 минут, даже в полночь",
        ] {
            assert!(!states_hours(text), "{text}");
        }
    }
}
