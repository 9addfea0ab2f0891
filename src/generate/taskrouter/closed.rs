//! Tasks created while their channel is closed wait in their queue until it
//! opens (the filters do not look at the hours). TaskRouter cancels a task
//! when its `Timeout` passes — 24 h unless the task is created with another
//! (<https://www.twilio.com/docs/taskrouter/api/task>) — so a line closed
//! longer than that loses the tasks that arrive at its closing. What an admin
//! needs: a `Timeout` that covers the channel's longest closure (a holiday
//! next to a weekend included) plus the escalation ladder its complaint
//! tasks climb; where the task lifetime is shorter, `inexact-export` names
//! the closure with its dates and the `Timeout` needed.
//!
//! A task waits in the queues of its filter, and a queue is worked while
//! its workers are at work: its own or its team's `hours` (cxc addition),
//! else the hours of the channels they own. So the closure that counts is the
//! stretch when no team of the queues a task on the channel reaches is at
//! work — the channel's own calendar when those teams answer nothing else,
//! shorter when an overflow team in another centre is at work through it
//! (audit 12, L3: Bengaluru takes the Nepal line's overflow all through
//! Dashain).

use super::plan::Place;
use super::Writer;
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Message;
use crate::model::closure::{longest_closure, longest_joint_closure, Closure, LocalMinute};
use crate::model::{Calendar, Channel, Idx, Party, Queue};
use crate::msg;

/// A channel's longest closure for routing, with the queues whose teams
/// are all away then when other teams' hours shortened it (else none).
pub(super) type Reach = (Closure, Vec<Idx<Queue>>);

impl Writer<'_> {
    /// How long no queue a task on `channel` reaches is worked, at most,
    /// in seconds (0: no calendar, or never closed).
    pub(super) fn closed_for(&self, channel: Idx<Channel>) -> u64 {
        self.closure(channel)
            .map_or(0, |(c, _)| c.minutes().unsigned_abs() * 60)
    }

    /// The one task `Timeout` a channel needs (audit 15, L5: the closure
    /// warning and the ladder warning asked two): its longest closure, an
    /// hour at least, plus the longest complaint ladder the workflow can
    /// hold there ([`Writer::holdable_ladders`]) — a complaint task created
    /// at the closing climbs its ladder once the line opens.
    pub(super) fn needed(&self, channel: Idx<Channel>) -> u64 {
        let ladder = (self.ladders.get_or_init(|| self.holdable_ladders()))
            .get(&channel)
            .copied()
            .unwrap_or(0);
        self.closed_for(channel).max(3600) + ladder
    }

    /// [`Self::reach`] of `channel`, worked out once for every channel.
    fn closure(&self, channel: Idx<Channel>) -> Option<&Reach> {
        self.closures
            .get_or_init(|| (self.model.channels.ids()).map(|c| self.reach(c)).collect())
            .get(channel.index())?
            .as_ref()
    }

    /// The longest stretch when no team of the queues a task on `channel`
    /// can reach is at work, on the channel's calendar's clock, with the
    /// queues of the worst placed task when other calendars than the
    /// channel's shortened it (else none).
    fn reach(&self, channel: Idx<Channel>) -> Option<Reach> {
        let model = self.model;
        let own = model.channels[channel].hours.as_ref()?.target?;
        let mut reached: Vec<Vec<Idx<Queue>>> = Vec::new();
        for &task in self.plan.tasks.iter().filter(|t| t.channel == channel) {
            let (Place::Served(queues) | Place::Channel(queues)) = self.plan.place(task) else {
                continue;
            };
            if !reached.contains(&queues) {
                reached.push(queues);
            }
        }
        let alone = || longest_closure(&model.calendars[own]).map(|c| (c, Vec::new()));
        if reached.is_empty() {
            return alone();
        }
        let mut worst: Option<Reach> = None;
        for queues in reached {
            let calendars = self.worked_hours(own, &queues);
            let closure = if calendars == [own] {
                alone()
            } else {
                let days: Vec<&Calendar> = calendars.iter().map(|&c| &model.calendars[c]).collect();
                longest_joint_closure(&days, &model.calendars[own]).map(|c| (c, queues))
            };
            if let Some((c, q)) = closure {
                if worst
                    .as_ref()
                    .is_none_or(|(w, _)| c.minutes() > w.minutes())
                {
                    worst = Some((c, q));
                }
            }
        }
        worst
    }

    /// The calendars during which some queue of `queues` is worked: a
    /// queue's own `hours` or its team's (cxc addition), else the channel's
    /// (`own`, as the language has it) and [`Self::team_calendars`]. When
    /// every queue has hours, the channel's are not among them: a 24x7 line
    /// that three centres work on weekdays is unworked at the weekend
    /// (audit 13, H1a).
    pub(super) fn worked_hours(
        &self,
        own: Idx<Calendar>,
        queues: &[Idx<Queue>],
    ) -> Vec<Idx<Calendar>> {
        let model = self.model;
        let mut calendars = Vec::new();
        let mut by_channel = false;
        for &q in queues {
            match model.queue_hours(&model.queues[q]) {
                Some(hours) => calendars.push(hours),
                None => {
                    by_channel = true;
                    calendars.extend(self.team_calendars(q));
                }
            }
        }
        if by_channel {
            calendars.push(own);
        }
        calendars.sort();
        calendars.dedup();
        calendars
    }

    /// The calendars queue `id`'s workers work: the `hours` of the
    /// channels they own. The queue takes its team's workers, or one role's
    /// ([`Model::queue_takers`](crate::model::Model::queue_takers)); a
    /// channel is worked in its own hours by its `owner` — the team or one
    /// of its roles for a team's queue, that role for a role's. A queue on
    /// another team's line (the Adelaide morning queue on Bengaluru's Gold
    /// line) does not say its team works all that line's hours.
    fn team_calendars(&self, id: Idx<Queue>) -> Vec<Idx<Calendar>> {
        let model = self.model;
        let Some(takers) = model.queue_takers(&model.queues[id]) else {
            return Vec::new();
        };
        let works = |owner: Party| match takers {
            Party::Role(_) => owner == takers,
            Party::Team(team) => model.team_of(owner) == Some(team),
        };
        model
            .channels
            .values()
            .filter(|c| c.owner.as_ref().and_then(|o| o.target).is_some_and(works))
            .filter_map(|c| c.hours.as_ref()?.target)
            .collect()
    }

    /// `inexact-export` on the `hours` of each routed channel whose longest
    /// closure outlasts the task lifetime. The `Timeout` it asks for adds
    /// the longest complaint ladder the workflow holds on the channel
    /// (`ladders`), so that a complaint task created at the closing is
    /// still there, at the end of its ladder, when the line opens.
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
            let Some((closure, queues)) = self.closure(id) else {
                continue;
            };
            let closed = closure.minutes().unsigned_abs() * 60;
            // Shorter than the lifetime, the task outlives the closure: its
            // targets' timeouts may all pass while the line is closed, but
            // the last target holds it until the line opens.
            if closed < self.lifetime {
                continue;
            }
            let (from, to) = (
                moment(closure.from, closure.dated),
                moment(closure.to, closure.dated),
            );
            let (closed, lifetime) = (
                crate::i18n::Arg::seconds(closed, false),
                crate::i18n::Arg::seconds(self.lifetime, false),
            );
            let channel_id = &channel.header.id;
            // Other teams' hours shortened the channel's closure: the
            // queues whose teams are all away then are named.
            let message = if queues.is_empty() {
                msg!(
                    "taskrouter-closed-longer",
                    channel = channel_id,
                    clock = calendar.clock_words(),
                    closed = closed,
                    from = from,
                    to = to,
                    lifetime = lifetime
                )
            } else {
                let names: Vec<&str> = queues
                    .iter()
                    .map(|&q| model.queues[q].header.id.as_str())
                    .collect();
                msg!(
                    "taskrouter-closed-longer-reach",
                    channel = channel_id,
                    queues = names.join(", "),
                    clock = calendar.clock_words(),
                    closed = closed,
                    from = from,
                    to = to,
                    lifetime = lifetime
                )
            };
            // A call cannot wait out a closure of hours: what matters is
            // that the caller is told (audit 15, L5: a 3.5-day Timeout
            // advised for a voice line).
            let help = match voice(channel) {
                true => msg!("taskrouter-closed-longer-voice-help", channel = channel_id),
                false => msg!("taskrouter-closed-longer-help", needed = self.needed(id)),
            };
            problems.push(Diagnostic::new(Code::InexactExport, hours.span, message).help(help));
        }
    }
}

/// A voice line: a task is a caller on the line, who cannot wait out a
/// closure (a call is not kept for hours, let alone days).
pub(super) fn voice(channel: &Channel) -> bool {
    channel.kind == Some(crate::syntax::values::ChannelKind::Phone)
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
