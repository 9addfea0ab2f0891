//! Dates in prose: "25 December 2026", «25 декабря 2026 г.», and a
//! measured period as one phrase ("1–31 January 2027", «1–31 января
//! 2027 г.»). Machine files (JSON, CSV, dbt) keep ISO dates; every text a
//! person reads says a date one way (audit 11, L3).

use crate::base::Language;

/// A calendar day: year, month (1–12), day.
pub type Day = (i32, u32, u32);

const EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

fn month(m: u32, language: Language) -> &'static str {
    let months = match language {
        Language::En => &EN,
        Language::Ru => &RU,
    };
    months[(m.clamp(1, 12) - 1) as usize]
}

/// The year as it closes a date: "2026", «2026 г.».
fn year(y: i32, language: Language) -> String {
    match language {
        Language::En => y.to_string(),
        Language::Ru => format!("{y}\u{a0}г."),
    }
}

/// A date as people read it: "25 December 2026", «25 декабря 2026 г.».
pub fn long((y, m, d): Day, language: Language) -> String {
    format!("{d} {} {}", month(m, language), year(y, language))
}

/// A period from one day to another, both included, said once: "1–31
/// January 2027", "11 January – 5 March 2027", "20 December 2026 – 10
/// January 2027"; open at one end: "from 1 January 2027", "until …"
/// («с …», «по …»). Empty when neither end is known.
pub fn period(from: Option<Day>, to: Option<Day>, language: Language) -> String {
    match (from, to) {
        (Some(a), Some(b)) if a == b => long(a, language),
        (Some(a), Some(b)) if a.0 == b.0 && a.1 == b.1 => {
            format!("{}–{}", a.2, long(b, language))
        }
        (Some(a), Some(b)) if a.0 == b.0 => {
            format!("{} {} – {}", a.2, month(a.1, language), long(b, language))
        }
        (Some(a), Some(b)) => format!("{} – {}", long(a, language), long(b, language)),
        (Some(a), None) => match language {
            Language::En => format!("from {}", long(a, language)),
            Language::Ru => format!("с {}", long(a, language)),
        },
        (None, Some(b)) => match language {
            Language::En => format!("until {}", long(b, language)),
            Language::Ru => format!("по {}", long(b, language)),
        },
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_says_its_month_and_year_once() {
        let jan1 = (2027, 1, 1);
        let jan31 = (2027, 1, 31);
        assert_eq!(
            period(Some(jan1), Some(jan31), Language::En),
            "1–31 January 2027"
        );
        assert_eq!(
            period(Some(jan1), Some(jan31), Language::Ru),
            "1–31 января 2027\u{a0}г."
        );
        assert_eq!(
            period(Some((2027, 1, 11)), Some((2027, 3, 5)), Language::Ru),
            "11 января – 5 марта 2027\u{a0}г."
        );
        assert_eq!(
            period(Some((2026, 12, 20)), Some((2027, 1, 10)), Language::En),
            "20 December 2026 – 10 January 2027"
        );
        assert_eq!(
            period(Some(jan1), Some(jan1), Language::En),
            "1 January 2027"
        );
        assert_eq!(
            period(None, Some(jan31), Language::Ru),
            "по 31 января 2027\u{a0}г."
        );
        assert_eq!(
            period(Some(jan1), None, Language::En),
            "from 1 January 2027"
        );
        assert_eq!(period(None, None, Language::En), "");
    }
}
