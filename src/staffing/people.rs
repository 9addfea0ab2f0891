//! headcount-short over a week (audit 14, M5): the people a team's queues
//! need across a week of shifts, against the headcount of its line roles.
//!
//! The seats at one moment can be covered while the week is not: a dispatch
//! open around the clock that needs 12 seats at its busiest hour needs them
//! for 168 hours, 2,000 seat-hours and more, which 28 people working 40
//! hours a week cannot fill. The seat-hours are staffing's own (required
//! people per interval, after each queue's `shrinkage`, summed over a week:
//! [`super::week::SeatHours`]); the hours one person works a week are
//! `thresholds.headcount-short` in cxc.yaml, [`DEFAULT_WORKING_WEEK`]
//! unless set.

use super::week::hours_arg;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Team;
use crate::msg;
use crate::syntax::Name;

/// Hours one person works a week when cxc.yaml does not say
/// (`thresholds.headcount-short`): a full-time week.
pub const DEFAULT_WORKING_WEEK: u32 = 40;

/// The fewest people that fill `hours` seat-hours a week at `working_week`
/// hours each; `None` when nobody works (a week of 0 hours).
pub fn people_for(hours: f64, working_week: u32) -> Option<u64> {
    (working_week > 0).then(|| (hours / f64::from(working_week)).ceil().max(0.0) as u64)
}

/// The weekly finding for `team`, whose line roles `roles` add up to
/// `have` people, when its `queues` (each with its seat-hours a week) need
/// more people than that at `working_week` hours each.
pub fn short_week(
    team: &Team,
    roles: &[(&Name, u32)],
    have: u64,
    queues: &[(&Name, f64)],
    working_week: u32,
) -> Option<Diagnostic> {
    let hours: f64 = queues.iter().map(|&(_, h)| h).sum();
    let needed = people_for(hours, working_week)?;
    if needed <= have {
        return None;
    }
    let shares: Vec<String> = queues
        .iter()
        .filter(|&&(_, h)| h >= 0.5)
        .map(|&(name, h)| format!("{name} {}", h.round()))
        .collect();
    Some(
        Diagnostic::new(
            Code::HeadcountShort,
            team.header.span,
            msg!(
                "headcount-short-week",
                team = &team.header.id,
                have = have,
                roles = crate::diagnostic::elide(
                    roles.iter().map(|(name, n)| format!("{name} {n}")),
                    ", "
                ),
                hours = hours_arg(hours),
                queues = crate::diagnostic::elide(shares.iter(), ", "),
                week = working_week,
                needed = needed
            ),
        )
        .help(msg!(
            "headcount-short-week-help",
            more = needed - have,
            week = working_week
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::people_for;

    #[test]
    fn seat_hours_become_whole_people() {
        // The energosbyt dispatch (audit 14, M5): 2,121 seat-hours a week.
        assert_eq!(people_for(2121.0, 40), Some(54));
        assert_eq!(people_for(1526.0, 40), Some(39));
        assert_eq!(people_for(1120.0, 40), Some(28));
        assert_eq!(people_for(0.0, 40), Some(0));
        assert_eq!(people_for(100.0, 0), None);
    }
}
