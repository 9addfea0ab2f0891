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
    pub opened: [Option<crate::source::Span>; 7],
    pub closed: Vec<Date>,
}

impl Calendar {
    /// Open around the clock, every day: timers run on wall-clock time.
    pub fn is_24x7(&self) -> bool {
        self.week.is_always() && self.closed.is_empty()
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
            opened: [None; 7],
            closed: holidays.iter().map(|&d| Date::from_days(d)).collect(),
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
}
