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

/// Fewer complaints than this in the weeks compared call no trend: a
/// handful of complaints moves by chance.
pub const TREND_MIN: u64 = 10;

/// Whether a cause's complaints rose or fell over the period: the weeks of
/// its second half against as many weeks of its first (weeks without
/// complaints count as none; an odd middle week is left out). With `n`
/// complaints in those weeks, were nothing changing each would fall in
/// either half as a coin falls, so the difference between the halves
/// would stay within two standard deviations, `2·√n`, 19 times in 20. A
/// trend is called only past that, and only on [`TREND_MIN`] complaints or
/// more (`too_few` below: not judged).
pub fn trend(by_week: &BTreeMap<i64, u64>, weeks: &[i64]) -> &'static str {
    let half = weeks.len() / 2;
    let sum = |w: &[i64]| -> u64 { w.iter().map(|k| by_week.get(k).copied().unwrap_or(0)).sum() };
    let (first, second) = (sum(&weeks[..half]), sum(&weeks[weeks.len() - half..]));
    let n = first + second;
    if half == 0 || n < TREND_MIN {
        return "too_few";
    }
    let difference = second as f64 - first as f64;
    let bound = 2.0 * (n as f64).sqrt();
    if difference > bound {
        "rising"
    } else if -difference > bound {
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
    fn the_split_between_two_readers_counts_the_same() {
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
        assert_eq!(whole.named["late courier"].complaints, 6);
    }

    fn weeks(counts: &[u64]) -> (BTreeMap<i64, u64>, Vec<i64>) {
        let weeks: Vec<i64> = (0..counts.len() as i64).map(|i| 4 + 7 * i).collect();
        (
            weeks.iter().copied().zip(counts.iter().copied()).collect(),
            weeks,
        )
    }

    #[test]
    fn a_trend_is_called_only_past_chance_and_on_enough_complaints() {
        // 3 then 6: doubled, but 9 complaints: not judged.
        let (by_week, w) = weeks(&[1, 2, 3, 3]);
        assert_eq!(trend(&by_week, &w), "too_few");
        // 10 then 20: 10 apart, bound 2·√30 ≈ 10.95: could be chance.
        let (by_week, w) = weeks(&[5, 5, 10, 10]);
        assert_eq!(trend(&by_week, &w), "flat");
        // 10 then 24: 14 apart, bound 2·√34 ≈ 11.66: rising.
        let (by_week, w) = weeks(&[5, 5, 12, 12]);
        assert_eq!(trend(&by_week, &w), "rising");
        let (by_week, w) = weeks(&[12, 12, 5, 5]);
        assert_eq!(trend(&by_week, &w), "falling");
        // The odd middle week is left out of both halves.
        let (by_week, w) = weeks(&[5, 5, 100, 12, 12]);
        assert_eq!(trend(&by_week, &w), "rising");
        let (by_week, w) = weeks(&[40]);
        assert_eq!(trend(&by_week, &w), "too_few");
    }
}
