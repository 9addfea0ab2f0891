//! A segment whose SLA keeps shorter hours than its channel (audit 16, L6:
//! students are served 09:00–24:00 on a chat open around the clock for
//! Premium). The filters have no time of day (TaskRouter's clock is UTC and
//! would shift with summer time), so outside the SLA's hours a task of the
//! segment still goes to the queues that take it whenever one of them is
//! at work — the night shift takes a student's chat at 02:00. cxc does not
//! hold such tasks (the workflow cannot tell the hour; whether a contact
//! is taken then is the entry's — the IVR's on a phone line, the widget's
//! or bot's on a chat or messenger, the auto-reply's on e-mail or a web
//! form — decision, and the help names the channel's own); `inexact-export` names the SLA, its segments, the channel
//! and the queues at work outside its hours.

use super::plan::Place;
use super::Writer;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::closure::uncovered;
use crate::model::{Calendar, Channel, Idx, Queue, Segment, Sla};
use crate::msg;
use std::collections::BTreeMap;

/// The segments of one SLA on one channel whose tasks reach queues at work
/// outside the SLA's hours, and those queues.
type Beyond = BTreeMap<(Idx<Channel>, Idx<Sla>), (Vec<Idx<Segment>>, Vec<Idx<Queue>>)>;

impl Writer<'_> {
    /// `inexact-export` at the `hours` of each SLA whose segments' tasks on
    /// a channel open longer than it are routed, outside its hours, to
    /// queues at work then.
    pub(super) fn beyond_sla_hours(&self, problems: &mut Vec<Diagnostic>) {
        let model = self.model;
        let mut found = Beyond::new();
        // Each pair of calendars is compared once, not once for every
        // task, SLA and queue that meet it (a comparison walks weeks of
        // both clocks).
        let mut longer = BTreeMap::new();
        let mut open_longer = |wide: Idx<Calendar>, narrow: Idx<Calendar>| {
            *longer.entry((wide, narrow)).or_insert_with(|| {
                uncovered(&model.calendars[wide], &[&model.calendars[narrow]]).is_some()
            })
        };
        for &task in &self.plan.tasks {
            let Some(open) = model.channels[task.channel]
                .hours
                .as_ref()
                .and_then(|h| h.target)
            else {
                continue;
            };
            if !model.uses_channel(task.segment, task.channel) {
                continue;
            }
            let (Place::Served(queues) | Place::Channel(queues)) = self.plan.place(task) else {
                continue;
            };
            for &sla_id in model.sla_ids_of(task.segment) {
                let sla = &model.slas[sla_id];
                let Some(hours) = sla.clock().filter(|&h| h != open) else {
                    continue;
                };
                if !model.sla_governs(task.segment, sla, task.channel) || !open_longer(open, hours)
                {
                    continue;
                }
                let late: Vec<Idx<Queue>> = (queues.iter().copied())
                    .filter(|&q| {
                        (self.worked_hours(open, &[q]).into_iter())
                            .any(|w| w != hours && open_longer(w, hours))
                    })
                    .collect();
                if late.is_empty() {
                    continue;
                }
                let entry = found.entry((task.channel, sla_id)).or_default();
                entry.0.push(task.segment);
                for q in late {
                    if !entry.1.contains(&q) {
                        entry.1.push(q);
                    }
                }
            }
        }
        for ((channel, sla), (segments, queues)) in found {
            problems.push(self.beyond_sla_hours_warning(channel, sla, &segments, &queues));
        }
    }

    fn beyond_sla_hours_warning(
        &self,
        channel: Idx<Channel>,
        sla: Idx<Sla>,
        segments: &[Idx<Segment>],
        queues: &[Idx<Queue>],
    ) -> Diagnostic {
        let model = self.model;
        let (sla, channel) = (&model.slas[sla], &model.channels[channel]);
        let calendar =
            |c: Option<Idx<Calendar>>| c.map_or("", |c| model.calendars[c].header.id.as_str());
        let ticked = |names: Vec<&str>| format!("`{}`", names.join("`, `"));
        let segment_names = segments
            .iter()
            .map(|&s| model.segments[s].header.id.as_str());
        let queue_names = queues.iter().map(|&q| model.queues[q].header.id.as_str());
        let hours = sla.hours.as_ref();
        let message = msg!(
            "taskrouter-beyond-sla-hours",
            sla = &sla.header.id,
            count = segments.len(),
            segments = ticked(segment_names.collect()),
            hours = calendar(sla.clock()),
            channel = &channel.header.id,
            channel_hours = calendar(channel.hours.as_ref().and_then(|h| h.target)),
            queues = ticked(queue_names.collect())
        );
        let help = msg!(
            "taskrouter-beyond-sla-hours-help",
            channel = &channel.header.id,
            entry = entry(channel),
            channel_hours = calendar(channel.hours.as_ref().and_then(|h| h.target))
        );
        let span = hours.map_or(sla.header.span, |h| h.span);
        Diagnostic::new(Code::InexactExport, span, message).help(help)
    }
}

/// What takes a channel's contacts before TaskRouter does, as the help of
/// the warning names it: a phone line's IVR, a chat or messenger's widget
/// (or bot), an e-mail box's or web form's auto-reply (prac18: e-mail was
/// told of a chat widget and an IVR).
fn entry(channel: &Channel) -> &'static str {
    use crate::syntax::values::ChannelKind;
    match channel.kind {
        Some(ChannelKind::Phone) => "phone",
        Some(ChannelKind::Chat | ChannelKind::Messenger | ChannelKind::Social) => "chat",
        Some(ChannelKind::Email | ChannelKind::Portal) => "written",
        _ => "other",
    }
}
