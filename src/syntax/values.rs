//! Typed values of the language. Each parser takes the text the grammar matched
//! and rejects what the grammar cannot (an overflowing duration, 31 February):
//! the error is a sentence for the user, turned into an `invalid-value` diagnostic.

use crate::i18n::Message;
use crate::msg;
use serde::Serialize;
use std::fmt;

pub use crate::base::time::{Duration, TimeLimit, Units, MAX_WORKING_DAYS};
pub use crate::base::{trim_float, Language};

impl Duration {
    /// Parses `20s`, `1h30m`, `3d`, `2w`: running time. Working days
    /// (`3wd`) are refused: they are a deadline's length, not a time span,
    /// and only a [`TimeLimit`] can hold them.
    pub fn parse(text: &str) -> Result<Duration, Message> {
        if text.contains("wd") {
            return Err(msg!("duration-working-days-not-here", text = text));
        }
        let mut total: u64 = 0;
        let mut number: u64 = 0;
        let mut digits = 0usize;
        let too_long = || msg!("duration-too-long", text = text);
        for c in text.chars() {
            if let Some(d) = c.to_digit(10) {
                number = number
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(u64::from(d)))
                    .ok_or_else(too_long)?;
                digits += 1;
                continue;
            }
            let unit: u64 = match c {
                's' => 1,
                'm' => 60,
                'h' => 3600,
                'd' => 86_400,
                'w' => 604_800,
                _ => return Err(msg!("duration-unit", unit = c.to_string())),
            };
            if digits == 0 {
                return Err(msg!("duration-unit-without-number", text = text));
            }
            total = number
                .checked_mul(unit)
                .and_then(|part| total.checked_add(part))
                .ok_or_else(too_long)?;
            number = 0;
            digits = 0;
        }
        if digits != 0 {
            return Err(msg!("duration-number-without-unit", text = text));
        }
        if total > crate::base::time::MAX_DURATION_SECONDS {
            return Err(too_long());
        }
        Ok(Duration::from_seconds(total))
    }
}

impl TimeLimit {
    /// Parses what [`Duration::parse`] does, and `3wd`, which stands alone.
    pub fn parse(text: &str) -> Result<TimeLimit, Message> {
        match text.strip_suffix("wd") {
            Some(number) if !number.contains(|c: char| !c.is_ascii_digit()) => {
                let days: u32 = match number.parse() {
                    Ok(days) if days <= MAX_WORKING_DAYS => days,
                    _ => return Err(msg!("working-days-too-many", text = text)),
                };
                if days == 0 {
                    return Err(msg!("working-days-zero", text = text));
                }
                Ok(TimeLimit::WorkingDays(days))
            }
            _ if text.contains("wd") => Err(msg!("working-days-alone", text = text)),
            _ => Ok(TimeLimit::Running {
                time: Duration::parse(text)?,
                units: Units::of(text),
            }),
        }
    }
}

/// A value the grammar's `duration` token gives: what the parser reads it
/// as depends on where it stands (a deadline may count working days, an
/// average handle time may not).
pub trait FromDuration: Sized {
    fn from_duration(text: &str) -> Result<Self, Message>;
}

impl FromDuration for Duration {
    fn from_duration(text: &str) -> Result<Self, Message> {
        Duration::parse(text)
    }
}

impl FromDuration for TimeLimit {
    fn from_duration(text: &str) -> Result<Self, Message> {
        TimeLimit::parse(text)
    }
}

/// A percentage as written: `80%` is `Percent(80.0)`.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct Percent(f64);

impl Percent {
    pub const fn new(value: f64) -> Percent {
        Percent(value)
    }

    pub fn parse(text: &str) -> Result<Percent, Message> {
        let number = text.trim_end_matches('%');
        let value: f64 = number
            .parse()
            .map_err(|_| msg!("not-a-percentage", text = text))?;
        if !value.is_finite() || value > 1e9 {
            return Err(msg!("not-a-sensible-percentage", text = text));
        }
        Ok(Percent(value))
    }

    pub fn value(self) -> f64 {
        self.0
    }

    pub fn fraction(self) -> f64 {
        self.0 / 100.0
    }
}

impl Percent {
    /// The percentage for people to read in a message: «12,5%» in Russian.
    pub fn figure(self) -> crate::i18n::Figure {
        crate::i18n::Figure::text(trim_float(self.0)).percent()
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", trim_float(self.0))
    }
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn parse(text: &str) -> Result<Date, Message> {
        let invalid = || msg!("not-a-date", text = text);
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(invalid());
        };
        let year: i32 = y.parse().map_err(|_| invalid())?;
        let month: u32 = m.parse().map_err(|_| invalid())?;
        let day: u32 = d.parse().map_err(|_| invalid())?;
        if !(1..=12).contains(&month) {
            return Err(msg!("no-such-month", text = text, month = month));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(msg!("no-such-day", text = text, day = day));
        }
        Ok(Date { year, month, day })
    }

    /// The same day `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29).
    pub fn add_months(self, months: u32) -> Date {
        let index = self.year as i64 * 12 + (self.month as i64 - 1) + months as i64;
        let year = (index.div_euclid(12)).clamp(i32::MIN as i64, i32::MAX as i64) as i32;
        let month = index.rem_euclid(12) as u32 + 1;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }

    /// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's algorithm).
    /// Inlined: the CSV reader's timestamps call it tens of millions of times.
    #[inline]
    pub fn to_days(self) -> i64 {
        let y = self.year as i64 - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A time of day in minutes after midnight; `24:00` (1440) closes a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(u32);

impl TimeOfDay {
    pub fn parse(text: &str) -> Result<TimeOfDay, Message> {
        let invalid = || msg!("not-a-time", text = text);
        let (h, m) = text.split_once(':').ok_or_else(invalid)?;
        let hours: u32 = h.parse().map_err(|_| invalid())?;
        let minutes: u32 = m.parse().map_err(|_| invalid())?;
        if minutes > 59 || hours > 24 || (hours == 24 && minutes != 0) {
            return Err(msg!("not-a-time-of-day", text = text));
        }
        Ok(TimeOfDay(hours * 60 + minutes))
    }

    pub fn from_minutes(minutes: u32) -> TimeOfDay {
        TimeOfDay(minutes)
    }

    pub fn minutes(self) -> u32 {
        self.0
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

use crate::base::word_enum;

word_enum! {
    /// How customers reach the company through a channel.
    ChannelKind {
        Phone = "phone", Chat = "chat", Email = "email", Messenger = "messenger",
        Social = "social", Portal = "portal", Office = "office", Field = "field",
    }
}

impl ChannelKind {
    /// Synchronous channels are measured by an answer time (service level); the others by first response.
    pub fn is_synchronous(self) -> bool {
        matches!(
            self,
            ChannelKind::Phone | ChannelKind::Chat | ChannelKind::Office
        )
    }

    /// Channels where people write or call and someone must answer.
    pub fn is_live(self) -> bool {
        matches!(
            self,
            ChannelKind::Phone
                | ChannelKind::Chat
                | ChannelKind::Email
                | ChannelKind::Messenger
                | ChannelKind::Social
        )
    }

    /// Places: an office visit or a field visit, timed by appointments,
    /// not by an answer time.
    pub fn is_physical(self) -> bool {
        matches!(self, ChannelKind::Office | ChannelKind::Field)
    }
}

word_enum! {
    /// KPIs the compiler knows.
    Metric {
        Csat = "csat", Nps = "nps", Ces = "ces", Fcr = "fcr", Aht = "aht", Asa = "asa",
        ServiceLevel = "service_level", Abandonment = "abandonment", Occupancy = "occupancy",
    }
}

word_enum! {
    /// `>= <= > < =` in a `target`.
    Comparison { AtLeast = ">=", AtMost = "<=", Above = ">", Below = "<", Equal = "=" }
}

word_enum! {
    /// How serious a complaint category is.
    ComplaintSeverity { Low = "low", Medium = "medium", High = "high", Critical = "critical" }
}

word_enum! {
    Weekday { Mon = "mon", Tue = "tue", Wed = "wed", Thu = "thu", Fri = "fri", Sat = "sat", Sun = "sun" }
}

impl Weekday {
    pub fn index(self) -> usize {
        self as usize
    }

    /// The Russian name of the day in a calendar's `open` (`пн`), beside
    /// the English one ([`Weekday::as_str`]).
    pub fn russian(self) -> &'static str {
        ["пн", "вт", "ср", "чт", "пт", "сб", "вс"][self.index()]
    }

    /// The day whose English or Russian name `text` starts with, and the
    /// name's length in bytes.
    pub fn prefix_of(text: &str) -> Option<(Weekday, usize)> {
        Weekday::ALL.iter().find_map(|&d| {
            [d.as_str(), d.russian()]
                .into_iter()
                .find(|name| text.starts_with(name))
                .map(|name| (d, name.len()))
        })
    }
}

word_enum! {
    /// Remedies that are single words (`compensate "..."` and `escalate TEAM-OR-ROLE` take an argument).
    SimpleRemedy { Apologize = "apologize", Explain = "explain", Redo = "redo", Refund = "refund" }
}

word_enum! {
    /// The unit of `review every N ...`.
    ReviewUnit { Months = "months", Month = "month", Weeks = "weeks", Week = "week" }
}

word_enum! {
    /// `order arrival` / `order tier` on a queue: whom it serves first.
    QueueOrder { Arrival = "arrival", Tier = "tier" }
}

word_enum! {
    /// `feedback required` / `feedback optional`.
    Feedback { Required = "required", Optional = "optional" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_add_their_parts() {
        assert_eq!(Duration::parse("20s").unwrap().seconds(), 20);
        assert_eq!(Duration::parse("1h30m").unwrap().seconds(), 5400);
        assert_eq!(Duration::parse("3d").unwrap().seconds(), 259_200);
        assert_eq!(Duration::parse("2w").unwrap().seconds(), 1_209_600);
        assert_eq!(Duration::parse("1h30m").unwrap().to_string(), "1h30m");
        assert_eq!(Duration::parse("90m").unwrap().to_string(), "1h30m");
    }

    #[test]
    fn limits_count_running_time_or_working_days() {
        let limit = |s: &str| TimeLimit::parse(s);
        assert_eq!(limit("3wd").unwrap(), TimeLimit::WorkingDays(3));
        assert_eq!(limit("3wd").unwrap().to_string(), "3wd");
        assert_eq!(
            limit("3d").unwrap().running_time().unwrap().seconds(),
            259_200
        );
        assert!(limit("3d").unwrap().in_days());
        assert!(limit("1w").unwrap().in_days());
        assert!(limit("1d12h").unwrap().in_days());
        assert!(!limit("72h").unwrap().in_days());
        // Shown as written.
        for written in ["72h", "1w", "3d", "1h30m", "90s", "2w3d", "36h", "3wd"] {
            assert_eq!(limit(written).unwrap().to_string(), written);
        }
        assert_eq!(limit("90m").unwrap().to_string(), "90m");
        assert_eq!(
            TimeLimit::running(Duration::from_seconds(97_200)).to_string(),
            "1d3h"
        );
        assert_eq!(Duration::from_seconds(97_200).in_hours().to_string(), "27h");
        assert_eq!(limit("72h").unwrap().working_days(), None);
        // `wd` stands alone, is at least one day, and not a typo's length.
        for bad in [
            "3wd4h",
            "4h3wd",
            "1wd1wd",
            "0wd",
            "10001wd",
            "99999999999999999999wd",
        ] {
            assert!(limit(bad).is_err(), "{bad}");
        }
        assert!(limit("10000wd").is_ok());
        // Where only running time makes sense, working days are refused.
        assert!(Duration::parse("3wd").is_err());
        assert_eq!(
            Duration::parse("3wd").unwrap_err().id(),
            "duration-working-days-not-here"
        );
    }

    #[test]
    fn durations_reject_overflow() {
        assert!(Duration::parse("99999999999999999999999s").is_err());
        assert!(Duration::parse("18446744073709551615w").is_err());
        assert!(Duration::parse("100000w").is_err());
    }

    #[test]
    fn dates_are_real_calendar_days() {
        assert!(Date::parse("2026-02-29").is_err());
        assert!(Date::parse("2028-02-29").is_ok());
        assert!(Date::parse("2026-13-01").is_err());
        assert!(Date::parse("2026-04-31").is_err());
        let d = Date::parse("2026-01-31").unwrap();
        assert_eq!(d.add_months(1).to_string(), "2026-02-28");
        assert_eq!(d.add_months(12).to_string(), "2027-01-31");
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(Date::parse("1970-01-01").unwrap().to_days(), 0);
        assert_eq!(d.add_days(1).to_string(), "2026-02-01");
    }

    #[test]
    fn times_stay_within_a_day() {
        assert_eq!(TimeOfDay::parse("09:30").unwrap().minutes(), 570);
        assert!(TimeOfDay::parse("24:00").is_ok());
        assert!(TimeOfDay::parse("24:01").is_err());
        assert!(TimeOfDay::parse("12:60").is_err());
    }

    #[test]
    fn percents_print_as_written() {
        assert_eq!(Percent::parse("99.5%").unwrap().to_string(), "99.5%");
        assert_eq!(Percent::parse("80%").unwrap().fraction(), 0.8);
    }
}

word_enum! {
    /// What a `cost` is counted per: each contact handled, or each hour
    /// worked.
    CostBasis { Contact = "contact", Hour = "hour" }
}

/// `cost 4.50 per contact`, `cost 1800 per hour`: in the service's
/// `currency`, never negative.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Cost {
    pub amount: f64,
    pub per: CostBasis,
}
