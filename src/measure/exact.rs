//! Sums of readings with fractions (survey answers, handle times) that do
//! not depend on the order they are added in: a large export is read in
//! parts, one per reader, and floating-point addition is not associative,
//! so `0.1 + (0.2 + 0.3)` and `(0.1 + 0.2) + 0.3` may differ in the last
//! bit — and a figure rounded at a half could differ with the number of
//! cores. Each reading is held in fixed point (2^-64 units, exact for every
//! reading of 2^-12 or more, which is every value a survey or a handle time
//! has) and added as an integer.

/// 2^64: one unit of a reading.
const ONE: f64 = 18_446_744_073_709_551_616.0;

/// An exact sum of readings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sum(i128);

impl Sum {
    /// Adds a reading (readings are bounded by their scale: at most a day
    /// of seconds, 2^17, so 2^46 of them fit).
    pub fn add(&mut self, value: f64) {
        self.0 = self.0.saturating_add((value * ONE).round() as i128);
    }

    /// Adds another part's sum.
    pub fn absorb(&mut self, other: Sum) {
        self.0 = self.0.saturating_add(other.0);
    }

    /// The sum, rounded once to the nearest `f64`.
    pub fn get(self) -> f64 {
        self.0 as f64 / ONE
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Readings of a survey's or a handle time's scale, with fractions,
        /// cut into parts anywhere and added in any order: the same sum,
        /// bit for bit, and within rounding of the true one.
        #[test]
        fn a_sum_does_not_depend_on_the_order_or_the_parts(
            values in proptest::collection::vec(0.0f64..86_400.0, 1..400),
            cut in any::<prop::sample::Index>(),
            turn in any::<prop::sample::Index>(),
        ) {
            let sum = |vs: &[f64]| vs.iter().fold(Sum::default(), |mut s, &v| { s.add(v); s });
            let whole = sum(&values);
            let at = cut.index(values.len() + 1);
            let mut parts = sum(&values[at..]);
            parts.absorb(sum(&values[..at]));
            prop_assert_eq!(parts.get().to_bits(), whole.get().to_bits());
            let mut turned = values.clone();
            turned.rotate_left(turn.index(values.len()));
            prop_assert_eq!(sum(&turned).get().to_bits(), whole.get().to_bits());
            let plain: f64 = values.iter().sum();
            prop_assert!((whole.get() - plain).abs() <= 1e-9 * plain.max(1.0));
        }
    }

    #[test]
    fn fractions_add_up_the_same_in_either_order() {
        // In f64, (0.1 + 0.2) + 0.3 != 0.1 + (0.2 + 0.3).
        assert_ne!((0.1 + 0.2) + 0.3, 0.1 + (0.2 + 0.3));
        let mut a = Sum::default();
        for v in [0.1, 0.2, 0.3] {
            a.add(v);
        }
        let (mut b, mut c) = (Sum::default(), Sum::default());
        b.add(0.1);
        c.add(0.2);
        c.add(0.3);
        b.absorb(c);
        assert_eq!(a.get().to_bits(), b.get().to_bits());
        // Whole readings stay whole.
        let mut d = Sum::default();
        for v in [4.0, 5.0, 1.0] {
            d.add(v);
        }
        assert_eq!(d.get(), 10.0);
    }
}
