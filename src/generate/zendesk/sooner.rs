//! Which of two Zendesk targets ends first when both start together, on
//! the wall clock: what the complaint policies ask to hold the stricter of
//! a rule's target and an SLA's, and the SLA policies to put the sooner
//! targets first where two channels share a via id.
//!
//! Two targets compare exactly when they count on the same clock (the
//! smaller figure ends first), or when one runs on the wall clock (a 24x7
//! calendar without holidays, or none) and is not longer: it is then never
//! later; or when the most wall time one can take (its calendar's longest
//! closure, holidays included) and an hour for a daylight-saving change is
//! no more than the least the other can (30 office seconds always end
//! before 3 working days; 20 hours before 1 working day, however small its
//! figure). Otherwise neither is always the sooner: 30 business minutes can
//! outlast 4 hours over a weekend, and which ends first depends on when the
//! ticket comes in.

use super::slas::Target;
use crate::i18n::{Arg, Message};
use crate::model::Model;
use crate::msg;
use crate::syntax::values::Duration;

/// An hour to spare for a daylight-saving change between two clocks.
const DST: u64 = 3600;

/// Which of two targets ends first whenever both start together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sooner {
    /// The first always ends first (or with the second).
    First,
    /// The second always ends first.
    Second,
    /// Both say the same to Zendesk.
    Same,
    /// Each ends first on some tickets.
    Neither,
}

/// Runs on the wall clock: no calendar, or a 24x7 one without holidays.
pub(super) fn wall(model: &Model, t: &Target) -> bool {
    t.calendar.is_none_or(|c| model.calendars[c].is_24x7())
}

/// Which of `a` and `b` ends first (see the module's comment).
pub(super) fn sooner(model: &Model, a: &Target, b: &Target) -> Sooner {
    let by_figure = || match a.time.cmp(&b.time) {
        std::cmp::Ordering::Less => Sooner::First,
        std::cmp::Ordering::Greater => Sooner::Second,
        std::cmp::Ordering::Equal => Sooner::Same,
    };
    if a.calendar == b.calendar || (wall(model, a) && wall(model, b)) {
        return by_figure();
    }
    if (wall(model, a) && a.time <= b.time) || always_sooner(model, a, b) {
        return Sooner::First;
    }
    if (wall(model, b) && b.time <= a.time) || always_sooner(model, b, a) {
        return Sooner::Second;
    }
    Sooner::Neither
}

/// [`sooner`] of two targets either may lack: a target ends before none.
pub(super) fn sooner_of(model: &Model, a: Option<Target>, b: Option<Target>) -> Sooner {
    match (a, b) {
        (Some(a), Some(b)) => sooner(model, &a, &b),
        (Some(_), None) => Sooner::First,
        (None, Some(_)) => Sooner::Second,
        (None, None) => Sooner::Same,
    }
}

/// The wall-clock time a target can take: the least and the most over
/// every moment it may start; `None` when it never ends.
pub(super) fn wall_range(model: &Model, t: &Target) -> Option<(Duration, Duration)> {
    let least = model.shortest_wall(t.limit, t.calendar)?;
    let most = model.longest_on(t.limit, t.calendar, None)?;
    Some((least, most))
}

/// Whether `a` ends before `b` whenever both start together: the most wall
/// time `a` can take, with an hour to spare for a daylight-saving change,
/// is no more than the least `b` can (30 office seconds end within a
/// weekend's closure; 3 working days take three days at least).
fn always_sooner(model: &Model, a: &Target, b: &Target) -> bool {
    let (Some((_, most)), Some((least, _))) = (wall_range(model, a), wall_range(model, b)) else {
        return false;
    };
    most.seconds() + DST <= least.seconds()
}

/// How long a target takes on the wall clock: "from 2 minutes to 9 days",
/// «от 2 минут до 9 дней» (after "from" and "to" Russian takes the
/// genitive, audit 14 M1); a target on the wall clock takes "exactly 3
/// days", not "from 3 days to 3 days".
pub(super) fn takes((least, most): (Duration, Duration)) -> Message {
    if least == most {
        let time = Arg::seconds(least.seconds(), false);
        return msg!("wall-time-exactly", time = time);
    }
    let least = Arg::seconds_genitive(least.seconds(), false);
    let most = Arg::seconds_genitive(most.seconds(), false);
    msg!("wall-time-range", least = least, most = most)
}

/// [`takes`], with where a range's most comes from: "from 4 days to 14
/// days (the most when the ticket comes in as its calendar closes)" — said
/// of the range it explains, never of a target on the wall clock (audit
/// 16, M6: «ровно 10 дней (дольше всего, если…)» confused).
pub(super) fn takes_closing(range: (Duration, Duration)) -> Message {
    if range.0 == range.1 {
        return takes(range);
    }
    msg!("wall-time-range-closing", range = takes(range))
}

/// A target as the export's findings say it: "15 minutes", "1 business
/// hour" where its clock stops.
pub(super) fn said(model: &Model, t: &Target) -> Arg {
    Arg::limit(t.limit, !wall(model, t))
}
