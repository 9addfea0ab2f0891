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

    /// Whether the share kept reaches `goal` (nothing measured misses nothing).
    pub fn meets(&self, goal: crate::syntax::values::Percent) -> bool {
        self.percent().is_none_or(|p| p >= goal.value())
    }
}

/// What each key kept, and the deadlines still open under it.
#[derive(Debug)]
pub struct Ledger<K> {
    pub kept: BTreeMap<K, Kept>,
    waiting: Vec<(K, Deadline)>,
}

impl<K> Default for Ledger<K> {
    fn default() -> Self {
        Ledger {
            kept: BTreeMap::new(),
            waiting: Vec::new(),
        }
    }
}

impl<K: Ord> Ledger<K> {
    pub fn count(&mut self, key: K, kept: bool) {
        self.kept.entry(key).or_default().count(kept);
    }

    /// A deadline not met yet, for [`Ledger::settle`].
    pub fn wait(&mut self, key: K, deadline: Deadline) {
        self.waiting.push((key, deadline));
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

    /// The deadlines still open at `as_of` count as missed once they have
    /// passed; the others are still open and count neither way.
    pub fn settle(&mut self, clocks: &Clocks, as_of: Timestamp) {
        for (key, deadline) in std::mem::take(&mut self.waiting) {
            if clocks.overdue(&deadline, as_of) {
                self.count(key, false);
            }
        }
    }
}
