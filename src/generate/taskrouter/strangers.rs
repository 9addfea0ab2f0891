//! Tasks of a segment on a channel no queue serves it on (`Place::Channel`):
//! the `inexact-export` that says where they go instead — a queue that
//! serves other segments there, when the segment lists the channel; a queue
//! reserved for better tiers, always (audit 16, M2: the Premium curators
//! made the overflow of corporate clients' chats).

use super::plan::Task;
use super::Writer;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Idx, Queue};
use crate::msg;

impl Writer<'_> {
    /// What the build says of `task`, sent to `queues` (in their order)
    /// because none serves its segment on its channel: that they are
    /// reserved for better tiers, when they are (then no queue of the
    /// channel is open to its tier); that other segments' queues take it,
    /// when the segment lists the channel; else nothing (a customer who
    /// reaches a public line, audit 12, M3).
    pub(super) fn strangers(&self, task: Task, queues: &[Idx<Queue>]) -> Option<Diagnostic> {
        let model = self.model;
        let segment = &model.segments[task.segment];
        let channel = &model.channels[task.channel].header.id;
        // The segment's `channels` line names the channel; else its header.
        let span = segment
            .channels
            .iter()
            .find(|c| c.target == Some(task.channel))
            .map_or(segment.header.span, |c| c.span);
        let first = *queues.first()?;
        if self.plan.reserved(first, task.segment) {
            let names: Vec<&str> = queues
                .iter()
                .map(|&q| model.queues[q].header.id.as_str())
                .collect();
            let message = msg!(
                "taskrouter-reserved-queue",
                segment = &segment.header.id,
                channel = channel,
                queues = names.join("`, `"),
                count = names.len()
            );
            let help = msg!(
                "taskrouter-reserved-queue-help",
                segment = &segment.header.id,
                channel = channel
            );
            return Some(Diagnostic::new(Code::InexactExport, span, message).help(help));
        }
        if !self.plan.offered(task) {
            return None;
        }
        let message = msg!(
            "taskrouter-other-segments-queue",
            segment = &segment.header.id,
            channel = channel,
            queue = &model.queues[first].header.id
        );
        Some(
            Diagnostic::new(Code::InexactExport, span, message)
                .help(msg!("taskrouter-unserved-help")),
        )
    }
}
