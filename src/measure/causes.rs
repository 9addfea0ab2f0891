//! Complaints by root cause (the contacts export's optional `cause`
//! column): per cause and segment, and per week for the trend — fix the
//! cause, not the case.
//!
//! Memory holds one entry per distinct cause, up to [`MAX_CAUSES`]; causes
//! past that many are counted together as other causes (an export with
//! that many distinct causes has free text in the column).

use crate::model::{Idx, Segment};
use std::collections::BTreeMap;

/// Distinct causes kept by name.
pub const MAX_CAUSES: usize = 10_000;

/// One cause's complaints.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CauseFigures {
    pub complaints: u64,
    pub by_segment: BTreeMap<Idx<Segment>, u64>,
    /// By week: the day number (days since 1970-01-01) of its Monday.
    pub by_week: BTreeMap<i64, u64>,
}

impl CauseFigures {
    fn add(&mut self, segment: Idx<Segment>, week: i64, count: u64) {
        self.complaints += count;
        *self.by_segment.entry(segment).or_default() += count;
        *self.by_week.entry(week).or_default() += count;
    }

    pub fn absorb(&mut self, other: CauseFigures) {
        self.complaints += other.complaints;
        for (segment, n) in other.by_segment {
            *self.by_segment.entry(segment).or_default() += n;
        }
        for (week, n) in other.by_week {
            *self.by_week.entry(week).or_default() += n;
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Causes {
    pub named: BTreeMap<Box<str>, CauseFigures>,
    /// Causes past [`MAX_CAUSES`], together.
    pub other: CauseFigures,
}

/// The Monday of the week of a day (days since 1970-01-01, a Thursday).
pub fn week_of(day: i64) -> i64 {
    day - (day + 3).rem_euclid(7)
}

impl Causes {
    /// Counts a complaint with a cause, made on `day` (home zone).
    pub fn add(&mut self, cause: &str, segment: Idx<Segment>, day: i64) {
        let week = week_of(day);
        if let Some(figures) = self.named.get_mut(cause) {
            return figures.add(segment, week, 1);
        }
        if self.named.len() < MAX_CAUSES {
            let mut figures = CauseFigures::default();
            figures.add(segment, week, 1);
            self.named.insert(Box::from(cause), figures);
        } else {
            self.other.add(segment, week, 1);
        }
    }

    /// Adds what another reader of a later part of the export counted.
    pub fn absorb(&mut self, other: Causes) {
        for (cause, figures) in other.named {
            if let Some(mine) = self.named.get_mut(&cause) {
                mine.absorb(figures);
            } else if self.named.len() < MAX_CAUSES {
                self.named.insert(cause, figures);
            } else {
                self.other.absorb(figures);
            }
        }
        self.other.absorb(other.other);
    }

    /// The causes with the most complaints first (ties by name).
    pub fn top(&self) -> Vec<(&str, &CauseFigures)> {
        let mut all: Vec<(&str, &CauseFigures)> =
            self.named.iter().map(|(k, v)| (&**k, v)).collect();
        all.sort_by(|a, b| b.1.complaints.cmp(&a.1.complaints).then(a.0.cmp(b.0)));
        all
    }
}

/// Whether a cause's complaints rose or fell over the period: the weeks of
/// its second half against those of its first (weeks without complaints
/// count as none), a change of a fifth or more either way.
pub fn trend(by_week: &BTreeMap<i64, u64>, weeks: &[i64]) -> &'static str {
    if weeks.len() < 2 {
        return "flat";
    }
    let half = weeks.len() / 2;
    let sum = |w: &[i64]| -> f64 {
        w.iter()
            .map(|k| by_week.get(k).copied().unwrap_or(0) as f64)
            .sum::<f64>()
            / w.len() as f64
    };
    let (first, second) = (sum(&weeks[..half]), sum(&weeks[weeks.len() - half..]));
    if second >= first * 1.2 && second > first {
        "rising"
    } else if second <= first * 0.8 && second < first {
        "falling"
    } else {
        "flat"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday() {
        // 2026-11-02 is a Monday; 2026-11-08 the Sunday after.
        let monday = crate::syntax::values::Date {
            year: 2026,
            month: 11,
            day: 2,
        }
        .to_days();
        assert_eq!(week_of(monday), monday);
        assert_eq!(week_of(monday + 6), monday);
        assert_eq!(week_of(monday + 7), monday + 7);
        assert_eq!(week_of(monday - 1), monday - 7);
    }

    #[test]
    fn a_cause_that_doubles_is_rising_and_the_split_counts_the_same() {
        let mut whole = Causes::default();
        let mut first = Causes::default();
        let mut second = Causes::default();
        let s = Idx::new(0);
        for (i, day) in [0, 1, 7, 8, 8, 9].into_iter().enumerate() {
            whole.add("late courier", s, 4 + day);
            if i < 3 { &mut first } else { &mut second }.add("late courier", s, 4 + day);
        }
        first.absorb(second);
        assert_eq!(first, whole);
        let figures = &whole.named["late courier"];
        let weeks: Vec<i64> = figures.by_week.keys().copied().collect();
        assert_eq!(figures.complaints, 6);
        assert_eq!(trend(&figures.by_week, &weeks), "rising");
    }
}
