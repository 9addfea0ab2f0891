//! "Did you mean": the closest known name to a misspelt one, within one
//! budget of work per run.
//!
//! A suggestion compares the misspelt name with every candidate, at a cost
//! of the product of their lengths. One search is cheap; a spec with 1,000
//! unknown names among 5,000 long ones makes 5 million comparisons. Every
//! search of a run — the parser's keywords, `cxc.yaml`'s rule names, the
//! model's references, the CLI's journey names — draws on the same
//! [`BUDGET`]; once it is spent, errors keep their message and plain help
//! but suggest nothing, and the run stays linear.
//!
//! The budget is per thread: a run is one thread's work between two calls of
//! [`new_run`] (the pipeline calls it when it starts compiling, so an
//! editor's every analysis has a full budget).

use std::cell::Cell;

/// Names longer than this are not typos of each other worth a suggestion, and
/// comparing them would cost the square of their length.
const MAX_SUGGESTED_LEN: usize = 64;

/// Units of work for all the suggestions of one run: one per candidate
/// byte looked at, plus the cells of each edit-distance table filled — about
/// a tenth of a second.
pub const BUDGET: u64 = 20_000_000;

thread_local! {
    static LEFT: Cell<u64> = const { Cell::new(BUDGET) };
}

/// Starts a run with the whole budget.
pub fn new_run() {
    LEFT.with(|left| left.set(BUDGET));
}

/// What is left of this run's budget.
pub fn budget_left() -> u64 {
    LEFT.with(Cell::get)
}

/// Takes `cost` units from the budget, or spends it all and says no.
fn spend(cost: u64) -> bool {
    LEFT.with(|left| match left.get().checked_sub(cost) {
        Some(rest) => {
            left.set(rest);
            true
        }
        None => {
            left.set(0);
            false
        }
    })
}

/// "did you mean" for a misspelt name: the closest candidate, if it is close
/// enough that a person would have meant it. `None` too once the run's
/// budget is spent, even in the middle of a search: a suggestion from half
/// the candidates could be the wrong one.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if wanted.len() > 4 * MAX_SUGGESTED_LEN || !spend(1) {
        return None;
    }
    let wanted_len = wanted.chars().count();
    if wanted_len > MAX_SUGGESTED_LEN {
        return None;
    }
    let wanted_lower = wanted.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        if !spend(c.len().max(1) as u64) {
            return None;
        }
        let len = c.chars().count();
        let allowed = (wanted_len.max(len) / 3).max(1);
        // Lengths further apart than the allowed edits cannot be close.
        if len > MAX_SUGGESTED_LEN || len.abs_diff(wanted_len) > allowed {
            continue;
        }
        if !spend(((wanted_len + 2) * (len + 2)) as u64) {
            return None;
        }
        let distance = strsim::damerau_levenshtein(&wanted_lower, &c.to_lowercase());
        // One edit in a one-letter name is a different name, not a typo.
        if distance <= allowed && distance < wanted_len && best.is_none_or(|b| (distance, c) < b) {
            best = Some((distance, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        new_run();
        let names = ["support", "sales", "quality"];
        assert_eq!(closest("suport", names), Some("support"));
        assert_eq!(closest("Sales", names), Some("sales"));
        assert_eq!(closest("factory", names), None);
        assert_eq!(closest("b", ["a"]), None);
        let long = "x".repeat(20_000);
        assert_eq!(closest(&long, [long.as_str()]), None);
    }

    #[test]
    fn every_search_of_a_run_draws_on_one_budget() {
        new_run();
        // 61-character names: each search over 5,000 of them costs about
        // 20 million cells, so the budget runs out within the first.
        let names: Vec<String> = (0..5_000).map(|i| format!("{i:061}")).collect();
        let wanted = format!("{:061}", 1234).replace('1', "7");
        let mut searched = 0;
        while budget_left() > 0 {
            closest(&wanted, names.iter().map(String::as_str));
            searched += 1;
        }
        assert!(searched <= 2, "{searched} searches");
        // Spent, even a search among three short names suggests nothing.
        assert_eq!(closest("suport", ["support"]), None);
        new_run();
        assert_eq!(closest("suport", ["support"]), Some("support"));
    }
}
