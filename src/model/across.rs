//! How long a time counted on one business calendar can last on another
//! calendar's clock: a target on the Berlin office's hours behind a promise
//! on the New York office's, both clocks stopping at night and at weekends,
//! in different time zones, with different holidays.
//!
//! A target of `L` running seconds on clock `A`, started at `t`, is met by
//! an answer at any instant `x` with `A.running(t, x) ≤ L`: the latest such
//! instant, `last(t)`, is where `L` of `A`'s time has passed, or — when that
//! is a closing time of `A` — the next opening, since the clock does not run
//! in between. A promise on clock `B` is kept by an answer at `x` when
//! `B.running(t, x)` is within the promise. So the target met always keeps
//! the promise exactly when the promise allows at least
//!
//! ```text
//! longest = max over every start t of B.running(t, last(t))
//! ```
//!
//! `B.running(t, last(t))` is piecewise linear in `t` and only jumps up
//! (`last` jumps from a closing time to the next opening, and the value at
//! the jump is the higher one), so its maximum is at a point where a piece
//! begins: where `t` crosses an opening or closing of either clock, or where
//! `last(t)` reaches one — `t` is then found by counting `L` back from that
//! opening or closing on `A`. For `N wd` on `A`, `last(t)` is the day's due
//! time for every `t` of one local day of `A`, so the earliest instant of
//! each day is where the most of `B`'s time is left.
//!
//! The starts tried are those of a whole year (the first year either
//! calendar names a holiday in, else [`REFERENCE_YEAR`]: both zones'
//! daylight-saving changes fall in it) and of the days within the target's
//! reach before every holiday of either calendar. Days are counted on each
//! clock exactly ([`Clock`]), daylight-saving changes included.

use super::clock::Clock;
use super::workdays;
use super::{Calendar, Idx};
use crate::syntax::values::{Date, Duration, TimeLimit};
use jiff::Timestamp;
use std::collections::HashMap;
use std::sync::Mutex;

const DAY: i64 = 86_400;

/// Answers of [`longest_across`] already found, by limit and calendars.
/// Cloning a model starts with none.
#[derive(Debug, Default)]
pub struct Memo(Mutex<HashMap<Question, Option<Duration>>>);

/// How many questions a model answers exactly (see [`Memo::get`]).
pub const MAX_QUESTIONS: usize = 256;

/// A limit, the calendar it is counted on and the one it is held against.
type Question = (TimeLimit, Idx<Calendar>, Idx<Calendar>);

impl Clone for Memo {
    fn clone(&self) -> Memo {
        Memo::default()
    }
}

impl Memo {
    /// The answer for `limit` from `own`'s clock to `other`'s, found by
    /// `find` the first time it is asked; by `fallback`, a bound that never
    /// says less, once [`MAX_QUESTIONS`] have been answered.
    pub fn get(
        &self,
        limit: TimeLimit,
        own: Idx<Calendar>,
        other: Idx<Calendar>,
        find: impl FnOnce() -> Option<Duration>,
        fallback: impl FnOnce() -> Option<Duration>,
    ) -> Option<Duration> {
        let key = (limit, own, other);
        let (known, asked) = self
            .0
            .lock()
            .map_or((None, 0), |m| (m.get(&key).copied(), m.len()));
        if let Some(known) = known {
            return known;
        }
        // Each answer walks a year of both clocks (milliseconds): past
        // this many pairs, a spec written to be slow gets the bound that
        // holds on any clock instead, the longest wall-clock time.
        let found = if asked < MAX_QUESTIONS {
            find()
        } else {
            fallback()
        };
        if let Ok(mut known) = self.0.lock() {
            known.insert(key, found);
        }
        found
    }
}

/// The year whose starts are tried when neither calendar names a holiday.
pub const REFERENCE_YEAR: i32 = 2027;

/// The longest running time of `other`'s clock that a timer of `limit` on
/// `own`'s clock can take, over every moment it may start (see the module
/// documentation); `None` when the timer never ends (`own` never opens).
pub fn longest_across(limit: TimeLimit, own: &Calendar, other: &Calendar) -> Option<Duration> {
    // How far a timer can reach on the wall clock, with room for the hour
    // a daylight-saving change adds (the weekly sum counts days at their
    // usual length).
    let reach = workdays::longest_wall(limit, Some(own))?.seconds() as i64 + 2 * DAY;
    let (a, b) = (Clock::of(own), Clock::of(other));
    let days = start_days(own, other, reach);
    let longest = match limit {
        TimeLimit::Running { time, .. } => {
            let wanted = i64::try_from(time.seconds()).unwrap_or(i64::MAX);
            if wanted == 0 {
                return Some(Duration::ZERO);
            }
            let timer = Timer {
                a: &a,
                wanted,
                reach,
            };
            running_starts(&timer, &b, &days)
                .into_iter()
                .filter_map(|t| Some(b.running(at(t)?, at(timer.last(t)?)?)))
                .max()
        }
        TimeLimit::WorkingDays(days_limit) => days
            .iter()
            .filter_map(|&day| {
                let t = at(a.start_of(day))?;
                Some(b.running(t, a.due(t, days_limit)?))
            })
            .max(),
    };
    longest.map(|s| Duration::from_seconds(u64::try_from(s).unwrap_or(0)))
}

/// A running-time timer on clock `a`.
struct Timer<'a> {
    a: &'a Clock,
    wanted: i64,
    /// No timer lasts longer than this on the wall clock.
    reach: i64,
}

impl Timer<'_> {
    /// The latest instant an answer still meets the timer started at `t`:
    /// where its time runs out, or the next opening when that is a closing.
    fn last(&self, t: i64) -> Option<i64> {
        let from = at(t)?;
        let ran = |x: i64| at(x).map_or(i64::MAX, |x| self.a.running(from, x));
        // The first instant with the whole time run.
        let end = first_true(t, t + self.reach, |x| ran(x) >= self.wanted)?;
        // The clock stands still from there until it opens again.
        Some(last_true(end, end + self.reach, |y| ran(y) <= self.wanted))
    }

    /// The latest start whose time runs out at `p` or before: counted back
    /// from `p`.
    fn back(&self, p: i64) -> Option<i64> {
        let to = at(p)?;
        let ran = |t: i64| at(t).map_or(0, |t| self.a.running(t, to));
        let earliest = p - self.reach;
        (ran(earliest) >= self.wanted).then(|| last_true(earliest, p, |t| ran(t) >= self.wanted))
    }
}

/// The starts where the running time of `b` before a timer's last instant
/// can be largest: each opening and closing of either clock, and each start
/// whose timer runs out at one of them.
fn running_starts(timer: &Timer, b: &Clock, days: &[i64]) -> Vec<i64> {
    let mut starts = Vec::new();
    for &day in days {
        for (open, close) in timer.a.open_on(day) {
            starts.extend([open, close]);
            starts.extend(timer.back(close));
        }
        for (open, close) in b.open_on(day) {
            starts.extend([open, close]);
            starts.extend(timer.back(open));
            starts.extend(timer.back(close));
        }
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// The local days whose starts are tried: a whole year, and the days within
/// `reach` before (and the day after) each holiday or dated opening of
/// either calendar.
fn start_days(own: &Calendar, other: &Calendar, reach: i64) -> Vec<i64> {
    // Holidays and dates of their own hours alike: both make a day irregular.
    let special = || {
        let dated = |c: &'_ Calendar| c.opened.iter().map(|d| d.date).collect::<Vec<_>>();
        own.closed
            .iter()
            .chain(&other.closed)
            .copied()
            .chain(dated(own))
            .chain(dated(other))
            .collect::<Vec<_>>()
    };
    let holidays: Vec<i64> = special().iter().map(|d| d.to_days()).collect();
    let year = special()
        .iter()
        .map(|d| d.year)
        .min()
        .unwrap_or(REFERENCE_YEAR);
    let first = Date {
        year,
        month: 1,
        day: 1,
    }
    .to_days();
    let next = Date {
        year: year + 1,
        month: 1,
        day: 1,
    }
    .to_days();
    let mut days: Vec<i64> = (first - 1..=next).collect();
    let before = reach / DAY + 2;
    for h in holidays {
        days.extend(h - before..=h + 1);
    }
    days.sort_unstable();
    days.dedup();
    days
}

fn at(second: i64) -> Option<Timestamp> {
    Timestamp::from_second(second).ok()
}

/// The first `x` in `lo..=hi` where `holds` (false up to some point, then
/// true); `None` when it does not hold at `hi`.
fn first_true(mut lo: i64, mut hi: i64, holds: impl Fn(i64) -> bool) -> Option<i64> {
    if !holds(hi) {
        return None;
    }
    if holds(lo) {
        return Some(lo);
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if holds(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi)
}

/// The last `x` in `lo..=hi` where `holds` (true up to some point, then
/// false), given that it holds at `lo`.
fn last_true(mut lo: i64, mut hi: i64, holds: impl Fn(i64) -> bool) -> i64 {
    if holds(hi) {
        return hi;
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if holds(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(test)]
mod tests;
