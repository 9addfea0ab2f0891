//! Calendars: when a channel is open and when SLA timers run.

use super::Header;
use crate::syntax::ast::OpenHours;
use crate::syntax::values::{Date, TimeOfDay, Weekday};

/// Open intervals for each weekday (Monday first), sorted and merged.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WeekHours {
    pub days: [Vec<(TimeOfDay, TimeOfDay)>; 7],
}

impl WeekHours {
    /// Adds `open` hours; day ranges may wrap around the week (`fri-mon`).
    pub fn add(&mut self, hours: &OpenHours) {
        match hours {
            OpenHours::Always => {
                for day in &mut self.days {
                    day.push((TimeOfDay::from_minutes(0), TimeOfDay::from_minutes(24 * 60)));
                }
            }
            // Dated hours are the calendar's, not the week's.
            OpenHours::Dated { .. } => {}
            OpenHours::Weekly { days, times } => {
                for &(from, to) in days {
                    let mut d = from.index();
                    loop {
                        self.days[d].extend(times.iter().copied());
                        if d == to.index() {
                            break;
                        }
                        d = (d + 1) % 7;
                    }
                }
            }
        }
        self.merge_days();
    }

    /// Sorts and merges each day's ranges.
    pub fn merge_days(&mut self) {
        for day in &mut self.days {
            merge(day);
        }
    }

    pub fn open_minutes(&self, day: Weekday) -> u32 {
        self.days[day.index()]
            .iter()
            .map(|(a, b)| b.minutes() - a.minutes())
            .sum()
    }

    pub fn is_always(&self) -> bool {
        Weekday::ALL
            .iter()
            .all(|&d| self.open_minutes(d) == 24 * 60)
    }

    pub fn is_never(&self) -> bool {
        Weekday::ALL.iter().all(|&d| self.open_minutes(d) == 0)
    }
}

/// `open 2027-12-25 09:00-18:00`: a date's own hours, in place of its
/// weekday's (a transferred working day, a short day before a holiday).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedHours {
    pub date: Date,
    /// Sorted and merged.
    pub times: Vec<(TimeOfDay, TimeOfDay)>,
}

impl DatedHours {
    pub fn new(date: Date, times: Vec<(TimeOfDay, TimeOfDay)>) -> DatedHours {
        DatedHours { date, times }
    }

    /// One entry per date, in date order: the hours of every `open` naming
    /// a date add up.
    pub fn merged(mut all: Vec<DatedHours>) -> Vec<DatedHours> {
        all.sort_by_key(|d| d.date);
        let mut out: Vec<DatedHours> = Vec::with_capacity(all.len());
        for d in all {
            match out.last_mut() {
                Some(last) if last.date == d.date => last.times.extend(d.times),
                _ => out.push(d),
            }
        }
        for d in &mut out {
            merge(&mut d.times);
        }
        out
    }

    /// The day number since 1970-01-01 and the open windows in seconds of
    /// the day, as clocks read them.
    pub fn seconds(&self) -> (i64, Vec<(i64, i64)>) {
        let windows = self
            .times
            .iter()
            .map(|(a, b)| (i64::from(a.minutes()) * 60, i64::from(b.minutes()) * 60))
            .collect();
        (self.date.to_days(), windows)
    }
}

fn merge(ranges: &mut Vec<(TimeOfDay, TimeOfDay)>) {
    ranges.sort();
    let mut merged: Vec<(TimeOfDay, TimeOfDay)> = Vec::with_capacity(ranges.len());
    for &(a, b) in ranges.iter() {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    *ranges = merged;
}

#[derive(Debug, Clone)]
pub struct Calendar {
    pub header: Header,
    /// `timezone "Europe/Moscow"` as written (`invalid-timezone` checks it).
    pub timezone: Option<super::At<String>>,
    /// The spec's home zone (that of the first calendar naming one), which a
    /// calendar without `timezone` keeps its hours in: a CX lead who writes
    /// `open mon-fri 09:00-18:00` beside a Moscow calendar means Moscow
    /// hours, and local times in the exports are read in that zone too.
    pub home_zone: Option<String>,
    pub week: WeekHours,
    /// For each weekday (Monday first), the `open` line that first gave it
    /// hours: where a finding about that day points.
    pub day_opened_at: [Option<crate::source::Span>; 7],
    pub closed: Vec<Date>,
    /// Dates with their own hours (`open 2027-12-25 09:00-18:00`), in date
    /// order, none of them closed.
    pub opened: Vec<DatedHours>,
}

impl Calendar {
    /// Open around the clock, every day: timers run on wall-clock time.
    pub fn is_24x7(&self) -> bool {
        self.week.is_always()
            && self.closed.is_empty()
            && self.opened.iter().all(|d| {
                d.times == [(TimeOfDay::from_minutes(0), TimeOfDay::from_minutes(24 * 60))]
            })
    }

    /// Its dates with their own hours as clocks read them: day numbers
    /// since 1970-01-01 with open windows in seconds of the day.
    pub fn dated_seconds(&self) -> Vec<(i64, Vec<(i64, i64)>)> {
        self.opened.iter().map(DatedHours::seconds).collect()
    }

    /// The length of its usual working day in minutes: the one most of its
    /// opening weekdays have (the longer on a tie), as people count days.
    /// None when it never opens.
    pub fn usual_day_minutes(&self) -> Option<u32> {
        let lengths: Vec<u32> = Weekday::ALL
            .iter()
            .map(|&d| self.week.open_minutes(d))
            .filter(|&m| m > 0)
            .collect();
        lengths
            .iter()
            .max_by_key(|&&m| (lengths.iter().filter(|&&n| n == m).count(), m))
            .copied()
    }

    /// "on the clock of `partner_line` (Athens time)"; a calendar that
    /// names no zone is read in the home zone, and says so (audit 16, L9:
    /// «по часам `круглосуточно`» told no zone); no zone anywhere: UTC.
    /// What every finding that gives times on a calendar's clock says.
    pub fn clock_words(&self) -> crate::i18n::Message {
        let zone = |z: &str| crate::i18n::Arg::Zone(z.to_string());
        match (&self.timezone, self.zone_name()) {
            (Some(_), Some(z)) => crate::msg!(
                "clock-of-calendar",
                calendar = &self.header.id,
                zone = zone(z)
            ),
            (None, Some(z)) => crate::msg!(
                "clock-of-calendar-home",
                calendar = &self.header.id,
                zone = zone(z)
            ),
            (_, None) => crate::msg!("clock-of-calendar-utc", calendar = &self.header.id),
        }
    }

    /// The time zone the calendar's hours are in: its own `timezone`, else
    /// the spec's home zone; none when no calendar of the spec names one
    /// (UTC).
    pub fn zone_name(&self) -> Option<&str> {
        self.timezone
            .as_ref()
            .map(|z| z.value.as_str())
            .or(self.home_zone.as_deref())
    }
}

/// What unit tests of the model build calendars from.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::{Calendar, WeekHours};
    /// Opening windows per weekday (Monday first), in minutes of the day.
    pub(crate) type Windows = [Vec<(u32, u32)>; 7];

    /// The same window, `from` to `to` o'clock, on each weekday of `days`
    /// (0 = Monday).
    pub(crate) fn days(days: std::ops::Range<usize>, from: u32, to: u32) -> Windows {
        let mut windows: Windows = Default::default();
        for d in days {
            windows[d].push((from * 60, to * 60));
        }
        windows
    }

    /// A declared calendar: `windows` in `zone`, closed on `holidays` (day
    /// numbers since 1970-01-01).
    pub(crate) fn calendar_for_tests(windows: &Windows, holidays: &[i64], zone: &str) -> Calendar {
        use crate::model::{At, Header};
        use crate::source::{FileId, Span};
        use crate::syntax::values::{Date, TimeOfDay};
        use crate::syntax::Name;
        let mut week = WeekHours::default();
        for (day, open) in windows.iter().enumerate() {
            week.days[day] = open
                .iter()
                .map(|&(a, b)| (TimeOfDay::from_minutes(a), TimeOfDay::from_minutes(b)))
                .collect();
        }
        Calendar {
            header: Header {
                id: Name::new("c"),
                title: None,
                description: None,
                span: Span::new(FileId(0), 0, 0),
                fully_read: true,
            },
            timezone: Some(At {
                value: zone.to_string(),
                span: Span::new(FileId(0), 0, 0),
            }),
            home_zone: None,
            week,
            day_opened_at: [None; 7],
            closed: holidays.iter().map(|&d| Date::from_days(d)).collect(),
            opened: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32) -> TimeOfDay {
        TimeOfDay::from_minutes(h * 60)
    }

    #[test]
    fn ranges_merge_and_wrap() {
        let mut week = WeekHours::default();
        week.add(&OpenHours::Weekly {
            days: vec![(Weekday::Fri, Weekday::Mon)],
            times: vec![(t(9), t(13)), (t(12), t(18))],
        });
        assert_eq!(week.open_minutes(Weekday::Sat), 9 * 60);
        assert_eq!(week.open_minutes(Weekday::Mon), 9 * 60);
        assert_eq!(week.open_minutes(Weekday::Wed), 0);
        assert!(!week.is_always());
        week.add(&OpenHours::Always);
        assert!(week.is_always());
    }

    /// The weekly hours of the one calendar of `spec`, and the codes of its
    /// findings.
    fn week_of(spec: &str) -> (WeekHours, Vec<crate::diagnostic::Code>) {
        let mut workspace = crate::loader::load_bytes("spec.cx", spec.as_bytes());
        let (model, found) = crate::model::build(&mut workspace.specs[0]);
        let mut codes: Vec<_> = workspace
            .diagnostics
            .iter()
            .chain(&found)
            .map(|d| d.code)
            .collect();
        codes.dedup();
        let week = model.calendars.values().next().unwrap().week.clone();
        (week, codes)
    }

    #[test]
    fn russian_day_names_open_the_same_days_as_english_ones() {
        let (english, none) =
            week_of("calendar c { open mon-fri 09:00-18:00\n open sat, sun 10:00-15:00 }");
        assert!(none.is_empty(), "{none:?}");
        for russian in [
            "calendar c { open пн-пт 09:00-18:00\n open сб, вс 10:00-15:00 }",
            "calendar c { open mon-пт 09:00-18:00\n open сб-вс 10:00-15:00 }",
        ] {
            let (week, codes) = week_of(russian);
            assert!(codes.is_empty(), "{russian}: {codes:?}");
            assert_eq!(week, english, "{russian}");
        }
        // Wrapping ranges too: Friday to Monday.
        let (week, _) = week_of("calendar c { open пт-пн 09:00-18:00 }");
        assert_eq!(week.open_minutes(Weekday::Sun), 9 * 60);
        assert_eq!(week.open_minutes(Weekday::Tue), 0);
        // A longer word is not a day.
        let (_, codes) = week_of("calendar c { open пнд 09:00-18:00 }");
        assert_eq!(codes, vec![crate::diagnostic::Code::Syntax]);
    }

    /// The calendar of `spec` and the codes of its findings.
    fn calendar_of(spec: &str) -> (Calendar, Vec<crate::diagnostic::Code>) {
        let mut workspace = crate::loader::load_bytes("spec.cx", spec.as_bytes());
        let (model, found) = crate::model::build(&mut workspace.specs[0]);
        let codes = workspace
            .diagnostics
            .iter()
            .chain(&found)
            .map(|d| d.code)
            .collect();
        (model.calendars.values().next().unwrap().clone(), codes)
    }

    #[test]
    fn dated_hours_replace_the_weekday_s_and_add_up() {
        let (c, codes) = calendar_of(
            "calendar c { open пн-пт 09:00-18:00\n open 2027-12-25, 2027-12-31 09:00-13:00\n \
             open 2027-12-25 14:00-18:00 }",
        );
        assert!(codes.is_empty(), "{codes:?}");
        assert_eq!(
            c.opened,
            vec![
                DatedHours::new(
                    Date::parse("2027-12-25").unwrap(),
                    vec![(t(9), t(13)), (t(14), t(18))]
                ),
                DatedHours::new(Date::parse("2027-12-31").unwrap(), vec![(t(9), t(13))]),
            ]
        );
        // The week is untouched; a 24x7 week with a short day is not 24x7.
        assert_eq!(c.week.open_minutes(Weekday::Sat), 0);
        let (always, _) = calendar_of("calendar c { open 24x7; open 2027-12-31 00:00-18:00 }");
        assert!(!always.is_24x7());
        let (always, _) = calendar_of("calendar c { open 24x7; open 2027-12-31 00:00-24:00 }");
        assert!(always.is_24x7());
    }

    #[test]
    fn a_date_both_closed_and_open_is_an_invalid_value_and_stays_closed() {
        let (c, codes) =
            calendar_of("calendar c { open mon-fri 09:00-18:00; open 2027-12-25 09:00-18:00; closed 2027-12-25 }");
        assert_eq!(codes, vec![crate::diagnostic::Code::InvalidValue]);
        assert!(c.opened.is_empty());
        let (_, codes) =
            calendar_of("calendar c { open 2027-12-25 09:00-18:00; closed 2027-12-24 }");
        assert!(codes.is_empty(), "{codes:?}");
        // Not a date, not days: said in words.
        let (_, codes) = calendar_of("calendar c { open 2027-12 09:00-18:00 }");
        assert_eq!(codes, vec![crate::diagnostic::Code::Syntax]);
    }
}
