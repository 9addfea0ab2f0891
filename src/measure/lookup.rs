//! The names a row uses, looked up once or more per row.
//!
//! A spec declares a handful of segments, channels or complaints: for so
//! few, comparing the row's text with each name (the lengths first) costs
//! less than hashing it, and a row is looked up tens of millions of times
//! in a large export. A long table is hashed. Either way the answer is the
//! hash map's: [`tests`] holds the two to the same lookups.

use super::Names;
use std::borrow::Borrow;
use std::hash::Hash;

/// Up to this many names are compared one by one.
const FEW: usize = 16;

#[derive(Debug, Clone)]
pub enum Lookup<K, V> {
    Few(Vec<(K, V)>),
    Many(Names<K, V>),
}

impl<K: Borrow<str> + Hash + Eq, V> Lookup<K, V> {
    /// The value of `name`, compared in Unicode's composed form as the
    /// spec's names are ([`crate::syntax::nfc`]): only a name not found as
    /// written is normalised, so the rows' usual names cost nothing more.
    #[inline(always)]
    pub fn get(&self, name: &str) -> Option<&V> {
        match self.exact(name) {
            Some(value) => Some(value),
            None => self.composed(name),
        }
    }

    /// [`Lookup::get`] of a name not found as written: out of the row's
    /// loop, which calls `get` twice a row.
    #[cold]
    #[inline(never)]
    fn composed(&self, name: &str) -> Option<&V> {
        match crate::syntax::nfc(name) {
            std::borrow::Cow::Owned(composed) => self.exact(&composed),
            std::borrow::Cow::Borrowed(_) => None,
        }
    }

    #[inline(always)]
    fn exact(&self, name: &str) -> Option<&V> {
        match self {
            Lookup::Few(names) => names
                .iter()
                .find(|(k, _)| same(k.borrow().as_bytes(), name.as_bytes()))
                .map(|(_, v)| v),
            Lookup::Many(names) => names.get(name),
        }
    }
}

/// Whether two names are the same bytes: the lengths, then a name of up
/// to 16 bytes in two overlapping loads (of 8 bytes, 4, or single bytes)
/// from each, with no call to `memcmp`; a longer one as slices compare.
#[inline(always)]
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let eight = |s: &[u8], at: usize| {
        s[at..at + 8]
            .first_chunk::<8>()
            .map(|c| u64::from_le_bytes(*c))
    };
    let four = |s: &[u8], at: usize| {
        s[at..at + 4]
            .first_chunk::<4>()
            .map(|c| u32::from_le_bytes(*c))
    };
    match n {
        0 => true,
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => four(a, 0) == four(b, 0) && four(a, n - 4) == four(b, n - 4),
        8..=16 => eight(a, 0) == eight(b, 0) && eight(a, n - 8) == eight(b, n - 8),
        _ => a == b,
    }
}

impl<K: Borrow<str> + Hash + Eq, V> Lookup<K, V> {
    /// `names`, with those in `first` compared first, in its order: a
    /// spec's ids, which nearly every row writes, ahead of its display
    /// names and aliases. The rest follow in their bytes' order, so that a
    /// short table's order (and what a lookup costs) is the same in every
    /// run, not the hash map's.
    pub fn preferring<'a>(names: Names<K, V>, first: impl IntoIterator<Item = &'a str>) -> Self {
        if names.len() > FEW {
            return Lookup::Many(names);
        }
        let first: Vec<&str> = first.into_iter().collect();
        let rank = |name: &str| first.iter().position(|&f| f == name).unwrap_or(first.len());
        let mut few: Vec<(K, V)> = names.into_iter().collect();
        few.sort_by(|(a, _), (b, _)| {
            let (a, b) = (a.borrow(), b.borrow());
            rank(a).cmp(&rank(b)).then_with(|| a.cmp(b))
        });
        Lookup::Few(few)
    }
}

impl<K: Borrow<str> + Hash + Eq, V> From<Names<K, V>> for Lookup<K, V> {
    fn from(names: Names<K, V>) -> Self {
        Lookup::preferring(names, [])
    }
}

/// As a hash map collects: a name given twice keeps its last value.
impl<K: Borrow<str> + Hash + Eq, V> FromIterator<(K, V)> for Lookup<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        pairs.into_iter().collect::<Names<K, V>>().into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]

        /// Two names compare as their bytes do, at every length around
        /// the loads' widths (proptest prints the failing case and its seed).
        #[test]
        fn names_compare_as_their_bytes(
            a in proptest::collection::vec(prop::sample::select(vec![b'a', b'b', 0xc3]), 0..20),
            edit in proptest::option::of((0usize..20, prop::sample::select(vec![b'a', b'b', 0xa9]))),
            longer in proptest::bool::ANY,
        ) {
            let mut b = a.clone();
            if let Some((at, byte)) = edit {
                if at < b.len() {
                    b[at] = byte;
                }
            }
            if longer {
                b.push(b'a');
            }
            prop_assert_eq!(same(&a, &b), a == b);
            prop_assert!(same(&a, &a));
        }
    }

    proptest! {
        /// Short and long tables (up to 31 names) answer every name as the hash map does,
        /// names given twice, prefixes and the empty name included.
        #[test]
        fn a_lookup_answers_as_the_hash_map(
            pairs in proptest::collection::vec(("[ab]{0,4}", 0u8..10), 0..60),
            asked in proptest::collection::vec("[ab]{0,5}", 0..20),
        ) {
            let map: Names<String, u8> = pairs.iter().cloned().collect();
            let lookup: Lookup<String, u8> = pairs.iter().cloned().collect();
            let first: Vec<&str> = asked.iter().map(String::as_str).collect();
            let preferring = Lookup::preferring(map.clone(), first);
            for name in asked.iter().chain(pairs.iter().map(|(k, _)| k)) {
                prop_assert_eq!(lookup.get(name), map.get(name.as_str()));
                prop_assert_eq!(preferring.get(name), map.get(name.as_str()));
            }
        }
    }
}
