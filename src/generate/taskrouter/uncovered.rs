//! A complaint whose TaskRouter ladder ends with a role too small to cover
//! its channel's hours (audit 10, M3): the last target holds the task for
//! that role's workers only, without a timeout, so a clinical incident
//! reported on Saturday night waits for the one lead nurse until the
//! task's `Timeout` cancels it. Nothing in the workflow can see shifts;
//! what cxc can see is the hours: a role's `headcount` people, each
//! working at most [`FULL_TIME_WEEK`] a week, cannot be on duty for every
//! hour of a channel open longer than that. `inexact-export` then names
//! the complaint, the role, the channels and the people needed.

use super::Writer;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Channel, Complaint, Idx, Role};
use crate::msg;
use crate::syntax::values::Weekday;

/// The most one person works in a week, in minutes: 40 hours, a full-time
/// contract in most countries.
pub const FULL_TIME_WEEK: u32 = 40 * 60;

impl Writer<'_> {
    /// How many people of a role it takes to be on duty for every hour
    /// `channel` is open in a week, when the role has fewer; `None` when
    /// it has enough, or the spec does not say (no `headcount`, no
    /// `hours`).
    pub(super) fn too_few_for_hours(
        &self,
        role: Idx<Role>,
        channel: Idx<Channel>,
    ) -> Option<(u32, u32)> {
        let model = self.model;
        let have = model.roles[role].headcount?;
        let hours = model.channels[channel].hours.as_ref()?.target?;
        let week = &model.calendars[hours].week;
        let open: u32 = Weekday::ALL.iter().map(|&d| week.open_minutes(d)).sum();
        let needed = open.div_ceil(FULL_TIME_WEEK);
        (have < needed).then_some((have, needed))
    }

    /// The finding for complaint `id`, whose ladders end with `role` on
    /// `channels` (each with the people it needs).
    pub(super) fn uncovered(
        &self,
        complaint: &Complaint,
        role: Idx<Role>,
        channels: &[(Idx<Channel>, u32)],
    ) -> Diagnostic {
        let model = self.model;
        let names: Vec<&str> = channels
            .iter()
            .map(|&(c, _)| model.channels[c].header.id.as_str())
            .collect();
        let needed = channels.iter().map(|&(_, n)| n).max().unwrap_or(1);
        let role_decl = &model.roles[role];
        Diagnostic::new(
            Code::InexactExport,
            complaint.header.span,
            msg!(
                "taskrouter-owner-off-duty",
                complaint = &complaint.header.id,
                role = &role_decl.header.id,
                headcount = role_decl.headcount.unwrap_or(0),
                channels = names.join(", "),
                lifetime = crate::i18n::Arg::seconds(self.lifetime, false)
            ),
        )
        .help(msg!(
            "taskrouter-owner-off-duty-help",
            role = &role_decl.header.id,
            needed = needed,
            week = FULL_TIME_WEEK / 60
        ))
    }
}
