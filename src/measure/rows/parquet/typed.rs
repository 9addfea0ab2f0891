//! A Parquet time column's values straight into the row: an instant or a
//! wall time from the integer the file stores, not printed as text and
//! parsed again. Each gives the [`When`] the text path gives for the same
//! value (`typed_times_are_the_times_the_text_gives` holds them to it on
//! random values of every unit, the calendar's ends included). So do an
//! integer column's numbers (`typed_numbers_are_the_numbers_the_text_gives`).

use super::{Shape, Unit};
use crate::config::fields::Field;
use crate::measure::rows::When;

/// The fields that hold times: a column only they read is decoded typed.
pub const TIMES: [Field; 9] = [
    Field::Created,
    Field::Answered,
    Field::FirstResponse,
    Field::Resolved,
    Field::Acknowledged,
    Field::Escalated,
    Field::Feedback,
    Field::Entered,
    Field::Left,
];

/// The fields that hold numbers: an integer column only they read is
/// decoded into numbers.
pub const NUMBERS: [Field; 4] = [Field::Csat, Field::Nps, Field::Effort, Field::HandleTime];

/// The number an integer column's value stands for: what its text parses
/// to (both round to the nearest `f64`, ties to even).
#[inline]
pub fn number(v: i64) -> f64 {
    v as f64
}

/// Whether a column of this shape can be decoded typed.
pub fn is_time(shape: Shape) -> bool {
    matches!(shape, Shape::Date | Shape::Timestamp { .. } | Shape::Int96)
}

/// The time an integer column's value stands for; None when it is out of
/// the years 0 to 9999 its text can be written in (a bad time, as its text
/// is: measure::rows::when::documented, four digits of year).
#[inline]
pub fn time(v: i64, shape: Shape) -> Option<When> {
    typed_time(v, shape).filter(written)
}

/// 0000-01-01T00:00:00Z and the last second of 9999 in UTC.
const FIRST: jiff::Timestamp = jiff::Timestamp::constant(-62_167_219_200, 0);
const LAST_SECOND: i64 = 253_402_300_799;

/// Whether a time's year (in UTC for an instant) is one of 0 to 9999: an
/// instant compared with the bounds of those years, not turned into a date.
#[inline]
fn written(w: &When) -> bool {
    match w {
        When::Exact(t) => *t >= FIRST && t.as_second() <= LAST_SECOND,
        When::Local(dt) => (0..=9999).contains(&dt.year()),
    }
}

#[inline]
fn typed_time(v: i64, shape: Shape) -> Option<When> {
    match shape {
        Shape::Date => {
            let date = jiff::civil::Date::new(1970, 1, 1)
                .ok()?
                .checked_add(jiff::Span::new().try_days(v).ok()?)
                .ok()?;
            Some(When::Local(date.to_datetime(jiff::civil::Time::midnight())))
        }
        Shape::Timestamp { unit, utc } => instant(v, unit, utc),
        Shape::Int96 => instant(v, Unit::Nanos, true),
        _ => None,
    }
}

/// `v` units since the epoch: an instant, or (not `utc`) the wall time it
/// shows in UTC.
#[inline]
pub fn instant(v: i64, unit: Unit, utc: bool) -> Option<When> {
    let t = match unit {
        Unit::Millis => jiff::Timestamp::from_millisecond(v),
        Unit::Micros => jiff::Timestamp::from_microsecond(v),
        Unit::Nanos => Ok(jiff::Timestamp::from_nanosecond(i128::from(v)).ok()?),
    }
    .ok()?;
    Some(if utc {
        When::Exact(t)
    } else {
        When::Local(t.to_zoned(jiff::tz::TimeZone::UTC).datetime())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text path: the value printed as the reader printed it, then
    /// parsed as a CSV's time is.
    fn through_text(v: i64, shape: Shape) -> Option<When> {
        let mut text = String::new();
        match shape {
            Shape::Int96 => super::super::instant(&mut text, v, Unit::Nanos, true),
            _ => super::super::integer(&mut text, v, shape),
        }
        When::parse(&text)
    }

    #[test]
    fn typed_numbers_are_the_numbers_the_text_gives() {
        let seed = super::super::tests::seed();
        let mut rng = crate::testing::Random(seed);
        let through_text = |v: i64| {
            let mut text = String::new();
            super::super::integer(&mut text, v, Shape::Integer);
            text.parse::<f64>().ok()
        };
        // Every magnitude, past 2^53 where not every integer is an f64
        // (there the two must round alike), and the ends of i64.
        let mut checked = 0;
        for bits in 0..64u32 {
            for _ in 0..2_000 {
                let magnitude = rng.below(1u64 << bits.min(63)) as u64 | (1u64 << bits) >> 1;
                let v = if rng.below(2) == 0 {
                    magnitude as i64
                } else {
                    (magnitude as i64).wrapping_neg()
                };
                assert_eq!(Some(number(v)), through_text(v), "seed {seed}: {v}");
                checked += 1;
            }
        }
        for v in [i64::MIN, i64::MAX, 0, -1, 1, (1 << 53) + 1, -(1 << 53) - 1] {
            assert_eq!(Some(number(v)), through_text(v), "{v}");
        }
        assert_eq!(checked, 128_000);
    }

    #[test]
    fn typed_times_are_the_times_the_text_gives() {
        let seed = super::super::tests::seed();
        let mut rng = crate::testing::Random(seed);
        let shapes = [
            Shape::Date,
            Shape::Int96,
            Shape::Timestamp {
                unit: Unit::Millis,
                utc: true,
            },
            Shape::Timestamp {
                unit: Unit::Millis,
                utc: false,
            },
            Shape::Timestamp {
                unit: Unit::Micros,
                utc: true,
            },
            Shape::Timestamp {
                unit: Unit::Micros,
                utc: false,
            },
            Shape::Timestamp {
                unit: Unit::Nanos,
                utc: true,
            },
            Shape::Timestamp {
                unit: Unit::Nanos,
                utc: false,
            },
        ];
        // Magnitudes from a day to the whole i64: within the calendar's
        // range, near its ends and beyond them.
        let mut tried = 0;
        let mut read = 0;
        for shape in shapes {
            for bits in [0u32, 8, 16, 25, 33, 38, 42, 46, 49, 52, 55, 58, 62, 63] {
                for _ in 0..300 {
                    let magnitude = if bits == 0 {
                        0
                    } else {
                        rng.below(1u64 << bits.min(63))
                    };
                    let v = if rng.below(2) == 0 {
                        magnitude
                    } else {
                        -magnitude
                    };
                    let typed = time(v, shape);
                    assert_eq!(
                        typed,
                        through_text(v, shape),
                        "seed {seed}: {v} as {shape:?}"
                    );
                    tried += 1;
                    read += usize::from(typed.is_some());
                }
            }
        }
        for v in [i64::MIN, i64::MAX, 0, -1, 1] {
            for shape in shapes {
                assert_eq!(time(v, shape), through_text(v, shape), "{v} as {shape:?}");
            }
        }
        assert!(
            read > tried / 3 && read < tried,
            "{read} of {tried} in range"
        );
    }
}
