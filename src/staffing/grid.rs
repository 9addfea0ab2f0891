//! Where a forecast's rows lie against each other (attack 17, item 2): a
//! row whose start is off the interval grid, that runs past the end of the
//! typical day or week it is written in, that repeats an interval already
//! given, or that lies far outside the range of the forecast's other dated
//! rows cannot be staffed as written. Each is an `invalid-forecast`
//! problem at its line, never silently dropped or counted twice: a repeated
//! interval would double its people, and one stray date years away would
//! stretch the range a dated forecast's weekly seat-hours are divided by.
//!
//! Memory stays bounded whatever the file: the intervals seen are kept up to
//! [`MAX_SEEN`] (a typical week has at most 10,080 one-minute intervals;
//! past the limit, repeats are no longer looked for), and the dated range as
//! two numbers.

use super::forecast::{Interval, Problem};
use super::hours::{Schedule, Slot};
use crate::msg;
use std::collections::HashMap;

const DAY: i64 = 86_400;
const WEEK: i64 = 7 * DAY;

/// The longest stretch of time one forecast's dated rows may cover: two
/// years and a day (a WFM forecast plans weeks to a year ahead; a row
/// further from the rest is a typo in its year).
pub const MAX_DATED_SPAN: i64 = 731 * DAY;

/// How many intervals are remembered to find repeats.
pub const MAX_SEEN: usize = 1 << 18;

/// What is known of a forecast's rows so far.
pub struct Grid {
    /// The interval's length in seconds.
    length: i64,
    /// Each interval given, and whether a doubtful row gave it.
    seen: HashMap<Slot, bool>,
    /// The earliest and latest dated starts accepted.
    range: Option<(i64, i64)>,
    /// Where in the interval the file's grid starts (seconds past a
    /// multiple of the length), set by its first placed row: a centre that
    /// opens at 07:30 may forecast hours from 07:30 (tests/headcount_zones:
    /// a typical hour from 23:30 is the hour to 00:30).
    phase: Option<i64>,
    /// The same for dated starts read as instants.
    instant_phase: Option<i64>,
}

impl Grid {
    pub fn new(length_seconds: u64) -> Grid {
        Grid {
            length: i64::try_from(length_seconds).unwrap_or(i64::MAX).max(1),
            seen: HashMap::new(),
            range: None,
            phase: None,
            instant_phase: None,
        }
    }

    /// What is wrong with where `row` lies, if anything; a row that is
    /// right is remembered. A start cxc cannot place is no error (the
    /// language does not say how starts are written).
    pub fn place(&mut self, schedule: &Schedule, row: &Interval) -> Option<Problem> {
        let start = row.start.as_deref()?;
        let slot = schedule.slot(start)?;
        let problem = self
            .off_grid(schedule, start, slot)
            .or_else(|| self.past_the_end(slot))
            .or_else(|| self.outside_range(slot))
            .or_else(|| self.repeated(slot, row.doubt.is_some()));
        if problem.is_none() {
            if let Slot::Instant(t) = slot {
                self.range = Some(self.range.map_or((t, t), |(a, b)| (a.min(t), b.max(t))));
            }
        }
        problem.map(|(message, help)| {
            let message = msg!("forecast-line-problem", line = row.line, problem = message);
            Problem::new(message, help)
        })
    }

    /// A grid only exists when intervals tile a day: with `per 30m` the
    /// file's starts are 30 minutes apart on the clock they are written on
    /// (`08:00` and `08:30`, or `07:15` and `07:45`), as its first row
    /// sets them.
    fn off_grid(&mut self, schedule: &Schedule, start: &str, slot: Slot) -> Option<Found> {
        if DAY % self.length != 0 {
            return None;
        }
        let time = match slot {
            Slot::Daily(s) | Slot::Weekly(s) => s.rem_euclid(DAY),
            Slot::Instant(_) => schedule.written_time_of_day(start)?,
        };
        let phase = *self.phase.get_or_insert(time % self.length);
        // A dated start is on the grid on the clock it is written on (local
        // midnights across a clock change) or as an instant (one instant
        // written at two offsets, `05:30+05:30` and `00:00Z`).
        let instant = match slot {
            Slot::Instant(t) => {
                let utc = t.rem_euclid(self.length);
                *self.instant_phase.get_or_insert(utc) == utc
            }
            _ => false,
        };
        (time % self.length != phase && !instant).then(|| {
            (
                msg!(
                    "forecast-off-grid",
                    start = super::forecast::quoted(start),
                    per = per(self.length)
                ),
                msg!("forecast-off-grid-help"),
            )
        })
    }

    /// An interval of a typical day (week) that ends after midnight
    /// (Sunday midnight): the day (week) has no such time.
    fn past_the_end(&self, slot: Slot) -> Option<Found> {
        // On a grid that tiles the day an interval across midnight is the
        // one that meets the next day's first (a typical hour from 23:30).
        if DAY % self.length == 0 {
            return None;
        }
        let (start, end, week) = match slot {
            Slot::Daily(s) => (s, DAY, false),
            Slot::Weekly(s) => (s, WEEK, true),
            Slot::Instant(_) => return None,
        };
        (start.saturating_add(self.length) > end).then(|| {
            (
                msg!(
                    "forecast-past-end",
                    week = if week { "week" } else { "day" }
                ),
                msg!("forecast-past-end-help"),
            )
        })
    }

    fn outside_range(&self, slot: Slot) -> Option<Found> {
        let (Slot::Instant(t), Some((first, last))) = (slot, self.range) else {
            return None;
        };
        let span = last.max(t).saturating_sub(first.min(t));
        (span > MAX_DATED_SPAN).then(|| {
            (
                msg!(
                    "forecast-outside-range",
                    days = (MAX_DATED_SPAN / DAY) as u64
                ),
                msg!("forecast-outside-range-help"),
            )
        })
    }

    /// A repeat that a doubtful row makes (a third `02:00` of the hour the
    /// clock repeats, read as the second; a skipped `02:00` read as the
    /// `03:00` after it) is said once, as that row's
    /// `forecast-clock-change` warning, which says how it was read.
    fn repeated(&mut self, slot: Slot, doubtful: bool) -> Option<Found> {
        if self.seen.len() >= MAX_SEEN && !self.seen.contains_key(&slot) {
            return None;
        }
        let earlier = self.seen.insert(slot, doubtful);
        let again = earlier.is_some_and(|was| !was && !doubtful);
        if earlier == Some(true) {
            self.seen.insert(slot, true);
        }
        again.then(|| (msg!("forecast-repeated"), msg!("forecast-repeated-help")))
    }
}

type Found = (crate::i18n::Message, crate::i18n::Message);

/// The interval as the spec writes it: `per 30m`.
fn per(seconds: i64) -> String {
    match seconds {
        s if s % 3600 == 0 => format!("`per {}h`", s / 3600),
        s if s % 60 == 0 => format!("`per {}m`", s / 60),
        s => format!("`per {s}s`"),
    }
}
