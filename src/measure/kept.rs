//! Shares kept: for each target, promise or duty, how many contacts it
//! applied to and how many kept it — met or missed as each row is read, or,
//! when what it waits for has not happened yet, open until the end of the
//! export decides.

use super::clocks::{Clocks, Deadline, Lapse};
use jiff::Timestamp;
use std::collections::BTreeMap;

/// How a deadline or promise fared: the contacts, cases or visits it
/// applied to, and those that kept it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Kept {
    pub n: u64,
    pub kept: u64,
}

impl Kept {
    pub fn count(&mut self, kept: bool) {
        self.n += 1;
        self.kept += u64::from(kept);
    }

    pub fn add(&mut self, other: Kept) {
        self.n += other.n;
        self.kept += other.kept;
    }

    pub fn percent(&self) -> Option<f64> {
        (self.n > 0).then(|| self.kept as f64 * 100.0 / self.n as f64)
    }

    /// The share exact, 0 without anything measured: `measure.json`'s value.
    pub fn exact(&self) -> f64 {
        self.percent().unwrap_or(0.0)
    }

    /// The share as the texts show it against `goal` (the one rule of
    /// [`super::shown`]): never across the goal.
    pub fn shown(&self, goal: crate::syntax::values::Percent) -> f64 {
        let goal = (crate::syntax::values::Comparison::AtLeast, goal.value());
        super::shown::tenths(self.exact(), Some(goal))
    }

    /// Whether the share kept reaches `goal`; `None` when nothing was
    /// measured: no contact, case or visit is neither met nor missed, and
    /// a report must not say "met" of a deadline no row could time (audit
    /// 15, M4: an end step's deadline without a `left` column).
    pub fn verdict(&self, goal: crate::syntax::values::Percent) -> Option<bool> {
        (self.n > 0).then(|| self.meets(goal))
    }

    /// Whether the share kept reaches `goal` (nothing measured misses nothing).
    pub fn meets(&self, goal: crate::syntax::values::Percent) -> bool {
        self.percent().is_none_or(|p| p >= goal.value())
    }
}

/// What each key kept, and the deadlines still open under it.
///
/// Open deadlines wait for the end of the export, but not one per row: each
/// distinct (key, deadline) is kept once with how many rows wait on it, and
/// [`Ledger::compact`] drops those already missed at a moment the export
/// has reached. What stays is bounded by the distinct deadlines still
/// ahead of that moment, never by the rows (attack 12, M1: 20 million
/// identical unanswered contacts in a 17 KB Parquet file).
#[derive(Debug)]
pub struct Ledger<K> {
    pub kept: BTreeMap<K, Kept>,
    /// Each open deadline with how many rows wait on it: compacted (equal
    /// ones merged, missed ones counted) when it reaches `compact_at`.
    waiting: Vec<(K, Deadline, u64)>,
    compact_at: usize,
}

/// The fewest open deadlines a ledger holds before it first compacts.
pub const COMPACT_AT: usize = 1 << 14;

impl<K> Default for Ledger<K> {
    fn default() -> Self {
        Ledger {
            kept: BTreeMap::new(),
            waiting: Vec::new(),
            compact_at: COMPACT_AT,
        }
    }
}

impl<K: Ord + Copy> Ledger<K> {
    pub fn count(&mut self, key: K, kept: bool) {
        self.kept.entry(key).or_default().count(kept);
    }

    /// A deadline not met yet, for [`Ledger::settle`].
    pub fn wait(&mut self, key: K, deadline: Deadline) {
        self.waiting.push((key, deadline, 1));
    }

    /// Counts how long something took against its deadline; what has not
    /// happened yet waits for [`Ledger::settle`].
    pub fn judge(&mut self, key: K, lapse: Lapse, deadline: Deadline) {
        match lapse {
            Lapse::Open => self.wait(key, deadline),
            _ => self.count(key, lapse.meets(deadline.limit)),
        }
    }

    /// Adds what another reader of a later part of the same export counted.
    pub fn absorb(&mut self, other: Ledger<K>) {
        for (key, kept) in other.kept {
            self.kept.entry(key).or_default().add(kept);
        }
        self.waiting.extend(other.waiting);
    }

    /// The open deadlines held, each distinct one once: what the ledger
    /// keeps beside its counts.
    pub fn waiting(&self) -> usize {
        self.waiting.len()
    }

    /// Whether the open deadlines have doubled since the last
    /// [`Ledger::compact`] (or reached [`COMPACT_AT`]): time to compact
    /// them again, which keeps the work per row constant on average.
    #[inline(always)]
    pub fn due(&self) -> bool {
        self.waiting.len() >= self.compact_at
    }

    /// Merges equal open deadlines into one with their rows counted, and,
    /// given `passed` (a moment the judging moment cannot be before: the
    /// export's latest time so far, or the end of `--to`), counts those
    /// already missed then as missed, as [`Ledger::settle`] would (a
    /// deadline missed at a moment is missed at every later one). The
    /// next compaction waits until twice as many are held.
    pub fn compact(&mut self, passed: Option<(&Clocks, Timestamp)>) {
        self.waiting.sort_unstable_by_key(|a| (a.0, a.1));
        let mut merged: Vec<(K, Deadline, u64)> = Vec::with_capacity(self.waiting.len());
        for (key, deadline, rows) in self.waiting.drain(..) {
            match merged.last_mut() {
                Some(last) if (last.0, last.1) == (key, deadline) => last.2 += rows,
                _ => merged.push((key, deadline, rows)),
            }
        }
        if let Some((clocks, at)) = passed {
            let kept = &mut self.kept;
            merged.retain(|&(key, deadline, rows)| {
                let missed = clocks.overdue(&deadline, at);
                if missed {
                    kept.entry(key).or_default().add(Kept { n: rows, kept: 0 });
                }
                !missed
            });
        }
        merged.shrink_to_fit();
        self.waiting = merged;
        self.compact_at = (self.waiting.len() * 2).max(COMPACT_AT);
    }

    /// The deadlines still open at `as_of` count as missed once they have
    /// passed; the others are still open and count neither way.
    pub fn settle(&mut self, clocks: &Clocks, as_of: Timestamp) {
        for (key, deadline, rows) in std::mem::take(&mut self.waiting) {
            if clocks.overdue(&deadline, as_of) {
                self.kept
                    .entry(key)
                    .or_default()
                    .add(Kept { n: rows, kept: 0 });
            }
        }
    }
}
