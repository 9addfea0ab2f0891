//! A forecast row's `start` as written: an instant, a local date and time,
//! a time of a typical day or of a typical week (see [`super`]).

use super::DAY;

/// A forecast row's `start`, read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Start {
    /// A timestamp with an offset.
    Instant(jiff::Timestamp),
    /// A date and time without one: read in the schedule's zone.
    Local(jiff::civil::DateTime),
    /// Seconds after midnight of a typical day.
    Daily(i64),
    /// Seconds after Monday 00:00 of a typical week.
    Weekly(i64),
}

impl Start {
    /// The start a forecast row writes, if it is one (see the module).
    pub fn read(text: &str) -> Option<Start> {
        if let Ok(t) = text.parse::<jiff::Timestamp>() {
            return Some(Start::Instant(t));
        }
        // A local time and its offset apart, as `cxc staff` labels a time
        // at a clock change (`2027-04-04 02:00 +10:00`; see `dating`).
        let apart = text.trim().rsplit_once(' ');
        if let Some((local, offset)) = apart.filter(|(_, o)| o.starts_with(['+', '-'])) {
            if let Ok(t) = format!("{}{offset}", local.trim_end()).parse::<jiff::Timestamp>() {
                return Some(Start::Instant(t));
            }
        }
        if let Ok(local) = text.parse::<jiff::civil::DateTime>() {
            return Some(Start::Local(local));
        }
        if let Some(seconds) = time_of_day(text) {
            return Some(Start::Daily(seconds));
        }
        let (day, time) = text.trim().split_once(char::is_whitespace)?;
        let day = weekday(day)?;
        Some(Start::Weekly(day * DAY + time_of_day(time.trim())?))
    }
}

/// Days of the week as forecasts write them, Monday first: English
/// (`mon`, `monday`) and Russian (`пн`, `понедельник`), in any letter case.
const WEEKDAYS: [[&str; 4]; 7] = [
    ["mon", "monday", "пн", "понедельник"],
    ["tue", "tuesday", "вт", "вторник"],
    ["wed", "wednesday", "ср", "среда"],
    ["thu", "thursday", "чт", "четверг"],
    ["fri", "friday", "пт", "пятница"],
    ["sat", "saturday", "сб", "суббота"],
    ["sun", "sunday", "вс", "воскресенье"],
];

/// The day of the week `word` names, Monday 0.
fn weekday(word: &str) -> Option<i64> {
    let word = word.to_lowercase();
    WEEKDAYS
        .iter()
        .position(|names| names.contains(&word.as_str()))
        .map(|d| d as i64)
}

/// `08:30` or `08:30:15` as seconds after midnight.
fn time_of_day(text: &str) -> Option<i64> {
    let parts: Vec<&str> = text.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut seconds = 0;
    for (i, (part, max)) in parts.iter().zip([23, 59, 59]).enumerate() {
        if part.is_empty() || part.len() > 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: i64 = part.parse().ok().filter(|&n| n <= max)?;
        seconds += n * [3600, 60, 1][i];
    }
    Some(seconds)
}

#[cfg(test)]
mod tests {
    use super::{time_of_day, Start, DAY};

    #[test]
    fn weekly_starts() {
        let monday_eight = Some(Start::Weekly(8 * 3600));
        for text in [
            "mon 08:00",
            "Mon 08:00",
            "MONDAY  08:00:00",
            "пн 08:00",
            "Пн 8:00",
        ] {
            assert_eq!(Start::read(text), monday_eight, "{text}");
        }
        assert_eq!(
            Start::read("вс 23:30"),
            Some(Start::Weekly(6 * DAY + 23 * 3600 + 1800))
        );
        for text in [
            "mon",
            "mon 24:00",
            "mo 08:00",
            "08:00 mon",
            "d1-08:00",
            "1",
            "",
        ] {
            assert_eq!(Start::read(text), None, "{text}");
        }
    }

    #[test]
    fn times_of_day() {
        assert_eq!(time_of_day("08:30"), Some(8 * 3600 + 30 * 60));
        assert_eq!(time_of_day("8:05:07"), Some(8 * 3600 + 5 * 60 + 7));
        assert_eq!(time_of_day("24:00"), None);
        assert_eq!(time_of_day("0"), None);
        assert_eq!(time_of_day("08:30:00:00"), None);
        assert_eq!(time_of_day("ab:cd"), None);
    }
}
