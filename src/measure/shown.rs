//! How every percentage of `cxc measure` is shown: one rule for
//! `measure.json`'s texts, `report.md`, `report.html` and the findings.
//!
//! `measure.json` keeps the share exact (`kept × 100 / n`); the text shows
//! it with one decimal, rounded half up — unless that rounding would carry
//! the figure across its goal: then it is rounded the other way, so a share
//! that misses its goal never reads as meeting it (94.96% against "at least
//! 95%" reads 94.9%, a repeat share of 14.96% against "at most 14.9%" reads
//! 15%), and one that meets it never reads as missing.

use super::metrics::holds;
use crate::i18n::Figure;
use crate::syntax::values::{trim_float, Comparison};

/// The goal a percentage is judged against: `at least 95` and the like.
pub type Goal = (Comparison, f64);

/// Floating error of `kept × 100 / n` times ten stays far below this; the
/// distance between two different shares of a real export far above it.
const SLACK: f64 = 1e-9;

/// `value` with one decimal by the rule of this module.
pub fn tenths(value: f64, goal: Option<Goal>) -> f64 {
    let half_up = ((value * 10.0 + SLACK) + 0.5).floor() / 10.0;
    let Some((comparison, target)) = goal else {
        return half_up;
    };
    let verdict = holds(value, comparison, target);
    if holds(half_up, comparison, target) == verdict {
        return half_up;
    }
    let down = (value * 10.0 + SLACK).floor() / 10.0;
    let up = (value * 10.0 - SLACK).ceil() / 10.0;
    [down, up]
        .into_iter()
        .find(|&v| holds(v, comparison, target) == verdict)
        .unwrap_or(half_up)
}

/// `66.7%`: [`tenths`] as a figure, the way `measure.json` writes it (a
/// message says it with its language's decimal sign: «66,7%»).
pub fn percent_text(value: f64, goal: Option<Goal>) -> Figure {
    Figure::text(trim_float(tenths(value, goal))).percent()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Half up on one decimal by whole numbers: `met × 1000 / n` tenths.
    fn oracle(met: u64, n: u64) -> f64 {
        ((met * 1000 * 2 + n) / (2 * n)) as f64 / 10.0
    }

    #[test]
    fn the_audits_figures_read_one_way() {
        // 2/3 read 66.6% in one table and 66.7% in another (audit A8).
        assert_eq!(percent_text(200.0 / 3.0, None).to_string(), "66.7%");
        assert_eq!(percent_text(100.0 / 7.0, None).to_string(), "14.3%");
        // A repeat share under "at most" is not understated.
        assert_eq!(
            percent_text(100.0 / 7.0, Some((Comparison::AtMost, 15.0))).to_string(),
            "14.3%"
        );
        // Just under an "at least" goal stays under it.
        assert_eq!(
            percent_text(94.96, Some((Comparison::AtLeast, 95.0))).to_string(),
            "94.9%"
        );
        assert_eq!(
            percent_text(95.0, Some((Comparison::AtLeast, 95.0))).to_string(),
            "95%"
        );
        // Just over an "at most" limit stays over it.
        assert_eq!(
            percent_text(15.04, Some((Comparison::AtMost, 15.0))).to_string(),
            "15.1%"
        );
    }

    proptest! {
        #[test]
        fn text_is_the_json_value_rounded_and_never_crosses_its_goal(
            n in 1u64..5_000,
            met_part in 0.0f64..=1.0,
            goal_tenths in 0u32..=1000,
            comparison in prop_oneof![
                Just(Comparison::AtLeast), Just(Comparison::AtMost),
                Just(Comparison::Above), Just(Comparison::Below)
            ],
        ) {
            let met = ((n as f64) * met_part).round() as u64;
            let value = met as f64 * 100.0 / n as f64;
            let goal = f64::from(goal_tenths) / 10.0;
            let shown = tenths(value, Some((comparison, goal)));
            // Same verdict as the exact value.
            prop_assert_eq!(holds(shown, comparison, goal), holds(value, comparison, goal));
            // Within one tenth of the exact value; half up when no goal is near.
            prop_assert!((shown - value).abs() < 0.1 + 1e-9);
            prop_assert_eq!(tenths(value, None), oracle(met, n));
        }
    }
}
