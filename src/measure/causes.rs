//! Complaints by root cause (the contacts export's optional `cause`
//! column): per cause and segment, and per week for the trend — fix the
//! cause, not the case.
//!
//! Every distinct cause is counted by name while the export is read (one
//! entry each: memory grows with the distinct causes, not the rows), the
//! readers' counts are added exactly, and only then are the causes ranked
//! — most complaints first, ties by name in byte order — and those past
//! [`MAX_CAUSES`] counted together as other causes (an export with that
//! many distinct causes has free text in the column). So which causes are
//! named depends on the counts alone, never on the order of the rows or on
//! how many readers read them.
//!
//! Memory is bounded all the same: past [`MAX_DISTINCT`] distinct causes
//! (summed over every reader, as the union of their causes) the column is
//! free text, not causes, and the cause figures are dropped — every entry
//! freed, in each reader as soon as it alone passes the bound, and when
//! their union does as they are added. Whether they are dropped depends on
//! the number of distinct causes alone: a reader past the bound has a
//! union past it too, so the verdict is the same whatever the reader count.

use crate::model::{Idx, Segment};
use std::collections::BTreeMap;

/// Distinct causes kept by name.
pub const MAX_CAUSES: usize = 10_000;

/// Distinct causes counted at all: past this, the cause figures are dropped
/// (`measure.json`'s `causes_dropped`, and a note in the report).
pub const MAX_DISTINCT: usize = 100_000;

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
    /// More than [`MAX_DISTINCT`] distinct causes: nothing above is kept.
    pub dropped: bool,
}

/// The Monday of the week of a day (days since 1970-01-01, a Thursday).
pub fn week_of(day: i64) -> i64 {
    day - (day + 3).rem_euclid(7)
}

impl Causes {
    /// Counts a complaint with a cause, made on `day` (home zone).
    pub fn add(&mut self, cause: &str, segment: Idx<Segment>, day: i64) {
        if self.dropped {
            return;
        }
        let week = week_of(day);
        let full = self.named.len() >= MAX_DISTINCT;
        match self.named.get_mut(cause) {
            Some(figures) => figures.add(segment, week, 1),
            None if full => self.drop_all(),
            None => {
                let mut figures = CauseFigures::default();
                figures.add(segment, week, 1);
                self.named.insert(Box::from(cause), figures);
            }
        }
    }

    /// Adds what another reader of a part of the export counted: every
    /// cause by name, exactly (the cap comes after, in [`Causes::capped`]).
    pub fn absorb(&mut self, other: Causes) {
        if self.dropped || other.dropped {
            return self.drop_all();
        }
        for (cause, figures) in other.named {
            match self.named.get_mut(&cause) {
                Some(mine) => mine.absorb(figures),
                None => {
                    self.named.insert(cause, figures);
                }
            }
        }
        self.other.absorb(other.other);
        if self.named.len() > MAX_DISTINCT {
            self.drop_all();
        }
    }

    /// Past [`MAX_DISTINCT`]: every figure freed, for good.
    fn drop_all(&mut self) {
        *self = Causes {
            dropped: true,
            ..Causes::default()
        };
    }

    /// The first [`MAX_CAUSES`] causes in the order of [`Causes::top`]
    /// kept by name, the rest added to the other causes: once every
    /// reader's counts are in, so the cut depends on the counts alone.
    pub fn capped(mut self) -> Causes {
        if self.named.len() <= MAX_CAUSES {
            return self;
        }
        let past: Vec<Box<str>> = {
            let top = self.top();
            top[MAX_CAUSES..]
                .iter()
                .map(|(name, _)| Box::from(*name))
                .collect()
        };
        for name in past {
            if let Some(figures) = self.named.remove(&name) {
                self.other.absorb(figures);
            }
        }
        self
    }

    /// The causes with the most complaints first, ties by name in byte
    /// order (a total order: the dbt project's `complaint_causes` ranks the
    /// same way, `order by count(*) desc, cause`).
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
    use proptest::prelude::*;

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

    /// Rows (cause number, segment, day) past the cap: about 12,500
    /// distinct causes of 26,000 complaints, many tied at the cut.
    fn rows_past_the_cap() -> impl Strategy<Value = Vec<(u16, u8, i64)>> {
        proptest::collection::vec((0u16..14_000, 0u8..3, 0i64..90), 26_000)
    }

    fn count(rows: &[(u16, u8, i64)]) -> Causes {
        let mut causes = Causes::default();
        for &(cause, segment, day) in rows {
            causes.add(&format!("cause {cause}"), Idx::new(segment.into()), day);
        }
        causes
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

        /// However the rows are cut into parts (readers), and in whatever
        /// order they come, the causes named and the others are the same:
        /// the parts are added exactly and capped after, by count and name.
        #[test]
        fn the_causes_past_the_cap_do_not_depend_on_the_readers(
            rows in rows_past_the_cap(),
            cuts in proptest::collection::vec(0usize..26_000, 1..7),
            shuffle in any::<u64>(),
        ) {
            let whole = count(&rows).capped();
            prop_assert!(whole.named.len() == MAX_CAUSES);
            prop_assert!(whole.other.complaints > 0);
            let total: u64 = whole.named.values().map(|f| f.complaints).sum();
            prop_assert_eq!(total + whole.other.complaints, rows.len() as u64);
            // The named ones are the first by count, then name.
            let least = whole.named.values().map(|f| f.complaints).min().unwrap();
            let mut all = count(&rows);
            all.named.retain(|name, _| !whole.named.contains_key(name));
            for (name, f) in &all.named {
                prop_assert!(f.complaints <= least);
                if f.complaints == least {
                    let last = whole.named.iter().filter(|(_, g)| g.complaints == least);
                    prop_assert!(last.map(|(n, _)| n).max().unwrap() < name);
                }
            }
            // In parts, added in file order.
            let mut cuts = cuts;
            cuts.sort_unstable();
            let mut parts = Vec::new();
            let mut from = 0;
            for cut in cuts.into_iter().chain([rows.len()]) {
                parts.push(count(&rows[from..cut]));
                from = cut;
            }
            let mut read = parts.remove(0);
            for part in parts {
                read.absorb(part);
            }
            prop_assert!(read.capped() == whole, "cut into parts");
            // In another order.
            let mut shuffled = rows.clone();
            let mut state = shuffle | 1;
            for i in (1..shuffled.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                shuffled.swap(i, (state % (i as u64 + 1)) as usize);
            }
            prop_assert!(count(&shuffled).capped() == whole, "shuffled");
        }
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

#[cfg(test)]
mod bounded {
    use super::*;

    /// Complaints naming `distinct` causes, `n0 + i` for i in 0..distinct.
    fn named(n0: usize, distinct: usize) -> Causes {
        let mut causes = Causes::default();
        for i in n0..n0 + distinct {
            causes.add(&format!("free text {i}"), Idx::new(0), 3);
        }
        causes
    }

    /// The figures are dropped exactly when the causes of every reader
    /// together are more than MAX_DISTINCT, whether one reader passed the
    /// bound alone or only their union did.
    #[test]
    fn past_the_distinct_bound_the_causes_are_dropped_whatever_the_readers() {
        // One reader: at the bound kept, one past it dropped (and freed).
        let at = named(0, MAX_DISTINCT);
        assert!(!at.dropped);
        assert_eq!(at.named.len(), MAX_DISTINCT);
        let mut past = named(0, MAX_DISTINCT);
        past.add("one more", Idx::new(0), 3);
        assert!(past.dropped && past.named.is_empty());
        past.add("after", Idx::new(0), 4);
        assert!(past.named.is_empty() && past.other.complaints == 0);
        // Two readers under the bound each, past it together: dropped; at it
        // together (the halves overlap): kept, as one reader keeps them.
        let half = MAX_DISTINCT / 2 + 1;
        let mut first = named(0, half);
        first.absorb(named(half, half));
        assert!(first.dropped && first.named.is_empty());
        let mut first = named(0, half);
        first.absorb(named(half - 2, half));
        assert!(!first.dropped);
        assert_eq!(first.named.len(), MAX_DISTINCT);
        // One reader past it alone drops the union, in either order.
        let mut first = named(0, 10);
        first.absorb(named(0, MAX_DISTINCT + 1));
        assert!(first.dropped);
        let mut first = named(0, MAX_DISTINCT + 1);
        first.absorb(named(0, 10));
        assert!(first.dropped && first.capped().named.is_empty());
    }
}
