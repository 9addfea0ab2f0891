//! The longest stretch during which none of several calendars is open
//! (audit 12, L3: the Nepal line is closed for Dashain, but the Bengaluru
//! team that takes its overflow works every day of it). The calendars may
//! be in different zones, so their open windows are laid on the one UTC
//! line; the closure is told on the clock of the calendar the reader knows
//! (the channel's).
//!
//! Which days are walked follows [`longest_closure`](super::longest_closure):
//! a plain fortnight after the last special day (holiday or dated hours) of
//! any of them, and every cluster of special days with a week and a day of
//! plain days on both sides.

use super::{Closure, LocalMinute};
use crate::model::clock::{zone, Clock};
use crate::model::Calendar;
use jiff::Timestamp;

/// The longest stretch when none of `calendars` is open, on `local`'s wall
/// clock; `None` when one of them never closes or none ever opens.
pub fn longest_joint_closure(calendars: &[&Calendar], local: &Calendar) -> Option<Closure> {
    let clocks: Vec<Clock> = calendars.iter().map(|c| Clock::of(c)).collect();
    let mut special: Vec<i64> = calendars
        .iter()
        .flat_map(|c| {
            let holidays = c.closed.iter().map(|d| d.to_days());
            holidays.chain(c.dated_seconds().into_iter().map(|d| d.0))
        })
        .collect();
    let spans = super::spans_to_walk(&mut special);
    let tz = zone(local);
    let minute = |t: i64| {
        let offset =
            Timestamp::from_second(t).map_or(0, |at| i64::from(tz.to_offset(at).seconds()));
        LocalMinute((t + offset).div_euclid(60))
    };
    spans
        .into_iter()
        .filter_map(|(from, to)| {
            let (start, end) = longest_gap(&clocks, from, to)?;
            let (from, to) = (minute(start), minute(end));
            let (first, last) = (from.0.div_euclid(1440), to.0.div_euclid(1440));
            let dated = special.iter().any(|d| (first..=last).contains(d));
            Some(Closure { from, to, dated })
        })
        .max_by(|a, b| a.minutes().cmp(&b.minutes()).then(b.from.cmp(&a.from)))
}

/// The longest stretch (UTC seconds) between two open windows of the union
/// of `clocks` over local days `from..to`.
fn longest_gap(clocks: &[Clock], from: i64, to: i64) -> Option<(i64, i64)> {
    let mut open: Vec<(i64, i64)> = clocks
        .iter()
        .flat_map(|c| (from..to).flat_map(move |day| c.open_on(day)))
        .collect();
    open.sort_unstable();
    let mut best: Option<(i64, i64)> = None;
    let mut until: Option<i64> = None;
    for (a, b) in open {
        if let Some(since) = until.filter(|&u| u < a) {
            if best.is_none_or(|(s, e)| a - since > e - s) {
                best = Some((since, a));
            }
        }
        until = Some(until.map_or(b, |u| u.max(b)));
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calendar::fixtures::{calendar_for_tests as calendar, days};
    use crate::model::closure::longest_closure;

    /// Monday 2026-11-02, as a day number.
    const MONDAY: i64 = 20_394;

    #[test]
    fn one_calendar_closes_as_it_does_alone() {
        let office = calendar(&days(0..5, 9, 18), &[MONDAY + 7], "UTC");
        let alone = longest_closure(&office).unwrap();
        let joint = longest_joint_closure(&[&office], &office).unwrap();
        assert_eq!((joint.from, joint.to), (alone.from, alone.to));
        assert!(joint.dated && alone.dated);
    }

    /// Kathmandu closed a week for a festival, Bengaluru open through it:
    /// the joint closure is a night, told on Kathmandu's clock.
    #[test]
    fn another_zone_open_through_a_holiday_covers_it() {
        let festival: Vec<i64> = (MONDAY..MONDAY + 6).collect();
        let ktm = calendar(&days(0..7, 9, 18), &festival, "Asia/Kathmandu");
        let blr = calendar(&days(0..7, 8, 20), &[], "Asia/Kolkata");
        assert_eq!(longest_closure(&ktm).unwrap().minutes(), 7 * 1440 - 9 * 60);
        let joint = longest_joint_closure(&[&ktm, &blr], &ktm).unwrap();
        // 20:00 IST is 20:15 in Kathmandu; Bengaluru opens at 08:15 there.
        assert_eq!(joint.minutes(), 12 * 60);
        assert_eq!(joint.from.time(), "20:15");
        // Both closed on the same days: the festival is back.
        let blr_closed = calendar(&days(0..7, 8, 20), &festival, "Asia/Kolkata");
        let joint = longest_joint_closure(&[&ktm, &blr_closed], &ktm).unwrap();
        assert!(joint.minutes() > 6 * 1440, "{joint:?}");
        assert!(joint.dated);
    }

    #[test]
    fn a_calendar_always_open_leaves_no_closure() {
        let ktm = calendar(&days(0..5, 9, 18), &[MONDAY], "Asia/Kathmandu");
        let always = calendar(&days(0..7, 0, 24), &[], "UTC");
        assert_eq!(longest_joint_closure(&[&ktm, &always], &ktm), None);
    }
}
