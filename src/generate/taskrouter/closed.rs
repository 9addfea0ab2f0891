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

impl Writer<'_> {
    /// `inexact-export` on the `hours` of each routed channel whose longest
    /// closure, plus its complaint ladder, outlasts the task lifetime.
    pub(super) fn closures(&self, problems: &mut Vec<Diagnostic>) {
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
            let needed = closed + self.ladder(id);
            if needed <= self.lifetime {
                continue;
            }
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
                .help(msg!(
                    "taskrouter-closed-longer-help",
                    needed = needed.to_string()
                )),
            );
        }
    }

    /// How long the longest escalation ladder of complaint tasks on
    /// `channel` takes to reach its last rung within the task lifetime.
    fn ladder(&self, channel: Idx<Channel>) -> u64 {
        let model = self.model;
        model
            .complaints
            .values()
            .filter(|complaint| {
                model.served(&complaint.segments).any(|segment| {
                    self.plan
                        .tasks
                        .iter()
                        .any(|t| t.channel == channel && t.segment == segment)
                })
            })
            .filter_map(|complaint| {
                let owner = complaint.owner.as_ref()?;
                let rungs = self.rungs(complaint, owner);
                rungs
                    .iter()
                    .map(|r| r.starts)
                    .filter(|&s| s < self.lifetime)
                    .max()
            })
            .max()
            .unwrap_or(0)
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
