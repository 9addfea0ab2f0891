//! Tasks created while their channel is closed wait in their queue until it
//! opens (the filters do not look at the hours). TaskRouter cancels a task
//! when its `Timeout` passes — 24 h unless the task is created with another
//! (<https://www.twilio.com/docs/taskrouter/api/task>) — so a line closed
//! longer than that loses the tasks that arrive at its closing. What an admin
//! needs: a `Timeout` that covers the channel's longest closure (a holiday
//! next to a weekend included) plus the escalation ladder its complaint
//! tasks climb; where the task lifetime is shorter, `inexact-export` names
//! the closure with its dates and the `Timeout` needed.

use super::Writer;
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Message;
use crate::model::closure::{longest_closure, LocalMinute};
use crate::model::{Channel, Idx};
use crate::msg;
use std::collections::BTreeMap;

impl Writer<'_> {
    /// How long `channel`'s `hours` are closed at most, in seconds (0: no
    /// calendar, or never closed).
    pub(super) fn closed_for(&self, channel: Idx<Channel>) -> u64 {
        let model = self.model;
        model.channels[channel]
            .hours
            .as_ref()
            .and_then(|h| h.target)
            .and_then(|c| longest_closure(&model.calendars[c]))
            .map_or(0, |c| c.minutes().unsigned_abs() * 60)
    }

    /// `inexact-export` on the `hours` of each routed channel whose longest
    /// closure outlasts the task lifetime. The `Timeout` it asks for adds
    /// the longest complaint ladder the workflow holds on the channel
    /// (`ladders`), so that a complaint task created at the closing is
    /// still there, at the end of its ladder, when the line opens.
    pub(super) fn closures(
        &self,
        ladders: &BTreeMap<Idx<Channel>, u64>,
        problems: &mut Vec<Diagnostic>,
    ) {
        let model = self.model;
        let mut channels: Vec<Idx<Channel>> = self.plan.tasks.iter().map(|t| t.channel).collect();
        channels.sort();
        channels.dedup();
        for id in channels {
            let channel = &model.channels[id];
            let Some(hours) = channel.hours.as_ref() else {
                continue;
            };
            let Some(calendar) = hours.target.map(|c| &model.calendars[c]) else {
                continue;
            };
            let Some(closure) = longest_closure(calendar) else {
                continue;
            };
            let closed = closure.minutes().unsigned_abs() * 60;
            // Shorter than the lifetime, the task outlives the closure: its
            // targets' timeouts may all pass while the line is closed, but
            // the last target holds it until the line opens.
            if closed < self.lifetime {
                continue;
            }
            let needed = closed + ladders.get(&id).copied().unwrap_or(0);
            problems.push(
                Diagnostic::new(
                    Code::InexactExport,
                    hours.span,
                    msg!(
                        "taskrouter-closed-longer",
                        channel = &channel.header.id,
                        calendar = &calendar.header.id,
                        closed = crate::i18n::Arg::seconds(closed, false),
                        from = moment(closure.from, closure.dated),
                        to = moment(closure.to, closure.dated),
                        lifetime = crate::i18n::Arg::seconds(self.lifetime, false)
                    ),
                )
                .help(msg!("taskrouter-closed-longer-help", needed = needed)),
            );
        }
    }
}

/// `Sat 16:00` for a closure every week has; `2026-12-31 23:00` around a
/// holiday.
fn moment(at: LocalMinute, dated: bool) -> Message {
    let day = if dated { "date" } else { at.weekday().as_str() };
    msg!(
        "taskrouter-closed-moment",
        day = day,
        date = at.date().to_string(),
        time = at.time()
    )
}
