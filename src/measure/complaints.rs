//! Complaint rules kept: each complaint acknowledged and resolved within
//! its rule's times, escalated by the first rung's `after` when it was not
//! resolved by then, and — when feedback is required — the customer told
//! the outcome. On the rule's `hours`, else on the wall clock: the
//! regulation, the job descriptions and the Zendesk policy all state a rule
//! without `hours` as around the clock, and the figure measures that
//! standard (audit 8, B3: a channel's office hours made a 65-hour weekend
//! wait count as resolved within 4 hours).

use super::clocks::{Clocks, Lapse};
use super::kept::Ledger;
use super::rows::Contact;
use crate::model::{Complaint, Idx, Model};
use crate::syntax::values::Feedback;

/// Which duty of a complaint rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Duty {
    Acknowledge,
    Resolve,
    Escalate,
    Feedback,
}

#[derive(Debug, Default)]
pub struct Tally {
    pub kept: Ledger<(Idx<Complaint>, Duty)>,
}

impl Tally {
    /// Counts one complaint (never one with a time before `created`: such
    /// a contact is set aside whole).
    pub fn add(
        &mut self,
        model: &Model,
        clocks: &Clocks,
        contact: &Contact<&str>,
        complaint: Idx<Complaint>,
    ) {
        let rule = &model.complaints[complaint];
        let hours = rule.clock();
        let zone = clocks.zone(hours);
        let Some(created) = contact.created.at(zone) else {
            return;
        };
        let lapse = |when| clocks.lapse(hours, zone, created, when);
        let acknowledged = lapse(contact.acknowledged);
        let resolved = lapse(contact.resolved);
        let escalated = lapse(contact.escalated);
        let feedback = lapse(contact.feedback);
        let kept = &mut self.kept;
        let deadline = |limit| clocks.deadline(hours, created, limit);
        if let Some(limit) = &rule.acknowledge {
            kept.judge(
                (complaint, Duty::Acknowledge),
                acknowledged,
                deadline(limit.value),
            );
        }
        if let Some(limit) = &rule.resolve {
            kept.judge((complaint, Duty::Resolve), resolved, deadline(limit.value));
        }
        if let Some(first) = rule.escalations.first() {
            let after = deadline(first.after);
            // Escalation is due when the complaint is still open at `after`.
            if !resolved.meets(after.limit) {
                kept.judge((complaint, Duty::Escalate), escalated, after);
            }
        }
        let required = rule
            .feedback
            .as_ref()
            .is_some_and(|f| f.value == Feedback::Required);
        if required && matches!(resolved, Lapse::Took { .. }) {
            let told = matches!(feedback, Lapse::Took { .. });
            kept.count((complaint, Duty::Feedback), told);
        }
    }
}
