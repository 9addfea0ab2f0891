//! The targets of an ordinary task's filter: its queues in order, and where
//! the task waits when nobody is there.
//!
//! What TaskRouter does with them, as Twilio documents it:
//!
//! * a task waits in a routing step "until it's matched to a Worker or until
//!   a timeout moves it to the next routing step"; a step without a
//!   `timeout` therefore holds the task until a worker takes it or the task's
//!   own `Timeout` cancels it, whether or not steps follow it
//!   (<https://www.twilio.com/docs/taskrouter/worker-presence>,
//!   <https://www.twilio.com/docs/taskrouter/task-evaluation>: the timeouts
//!   add up and are measured against the task's age);
//! * `skip_if: "workers.available == 0"` is evaluated once, when the task
//!   enters the step and no reservation is made at once; `workers.available`
//!   counts the step's TaskQueue's workers in an `Available` activity — none
//!   for a queue whose shift has gone home. TaskRouter never goes back to an
//!   earlier step, and a filter whose every step is skipped is treated as
//!   not matching, so the task would fall to the next filter or the default
//!   filter (same page).
//!
//! So a filter that ended with another team's queue (as cxc's did, audit 5,
//! F1) sent a task created after hours past every empty queue into that last
//! queue for good: the disputes team got the whole night's e-mail. And one
//! that ended with its first queue again (audit 9, D1) left a task in that
//! queue while its team slept and another queue's team was at work. The
//! shape written here, for queues `Q1 … Qn` (n ≥ 2, most specific first):
//!
//! ```text
//! Q1   timeout w, skip_if    the task's own queue (or the TaskQueue of its
//!                            peer queues: `plan::peer_steps`): wait w, or
//!                            skip at once
//! Q2   timeout w, skip_if    shared overflow, likewise
//! …
//! Qn   timeout w, skip_if    the last overflow, likewise
//! Q1|…|Qn                    the waiting queue (`waiting`): no skip_if, no
//!                            timeout; any worker of Q1 … Qn takes the task
//! ```
//!
//! Where a task finally waits is then the waiting queue, which every queue
//! of the filter serves: whichever of them first has a free worker takes
//! it, and nobody else does; the filter is never skipped as a whole, since
//! its last step has no `skip_if`. With an answer (else first-response)
//! target, `w` is [`share`] of it: the waiting queue is reached by half the
//! target. Without one the wait is
//! [`FIRST_OFFER`]: each queue is offered the task in turn, then all at
//! once. One queue is one step, without `skip_if`: the task waits there.

use serde_json::{json, Value};

/// How long each of `count` steps keeps a task before the next is tried,
/// on a channel with an answer (else first-response) target of `target`
/// seconds: an equal share of half the target, so that the task has been
/// offered to every step in turn and waits in all of them together by half
/// its target (audit 11, L13). A planner overflows a call while it can
/// still be answered in time: a step that kept it for the whole target
/// passed on only calls already late — every overflowing call of "80%
/// within 60 s" missed the 60 s. One step keeps the task for good.
pub(super) fn share(target: u64, count: u64) -> u64 {
    (target / (2 * count.max(1))).max(1)
}

/// How long a queue keeps a task before the next queue is tried, on a
/// channel with no answer or first-response target: a minute.
pub const FIRST_OFFER: u64 = 60;

/// The wait per queue without a target: [`FIRST_OFFER`], shortened so that
/// `count` waits stay inside the task's `lifetime`.
pub(super) fn first_offer(count: u64, lifetime: u64) -> u64 {
    FIRST_OFFER.min(lifetime / (count + 1)).max(1)
}

/// The targets for `queues` (SIDs, most specific first, each with the
/// task's priority there), each moving on after `wait` seconds, then
/// `waiting` (the SID of the TaskQueue of all of them, with the priority)
/// for good.
pub(super) fn overflow_targets(
    queues: Vec<(String, u32)>,
    waiting: Option<(String, u32)>,
    wait: u64,
) -> Vec<Value> {
    let Some(waiting) = waiting.filter(|_| queues.len() > 1) else {
        return queues
            .into_iter()
            .take(1)
            .map(|(queue, priority)| json!({"queue": queue, "priority": priority}))
            .collect();
    };
    let mut targets: Vec<Value> = queues
        .into_iter()
        .map(|(queue, priority)| {
            json!({
                "queue": queue,
                "priority": priority,
                "timeout": wait.max(1),
                "skip_if": "workers.available == 0",
            })
        })
        .collect();
    let (waiting, priority) = waiting;
    targets.push(json!({"queue": waiting, "priority": priority}));
    targets
}

#[cfg(test)]
mod tests {
    use super::*;

    fn queues(names: &[&str], priority: u32) -> Vec<(String, u32)> {
        names.iter().map(|n| (n.to_string(), priority)).collect()
    }

    #[test]
    fn one_queue_holds_the_task_without_skipping() {
        assert_eq!(
            overflow_targets(queues(&["Q1"], 4), None, 20),
            vec![json!({"queue": "Q1", "priority": 4})]
        );
    }

    #[test]
    fn a_filter_with_overflow_ends_in_the_queue_of_all_its_queues() {
        let skip = "workers.available == 0";
        assert_eq!(
            overflow_targets(queues(&["Q1", "Q2", "Q3"], 2), Some(("W".into(), 2)), 60),
            vec![
                json!({"queue": "Q1", "priority": 2, "timeout": 60, "skip_if": skip}),
                json!({"queue": "Q2", "priority": 2, "timeout": 60, "skip_if": skip}),
                json!({"queue": "Q3", "priority": 2, "timeout": 60, "skip_if": skip}),
                json!({"queue": "W", "priority": 2}),
            ]
        );
    }

    #[test]
    fn every_step_has_been_tried_by_half_the_target() {
        assert_eq!(share(60, 2), 15);
        assert_eq!(share(20, 1), 10);
        for (target, count) in [(60, 3), (15, 4), (3600, 5), (1, 3)] {
            let wait = share(target, count);
            assert!(wait >= 1);
            assert!(
                count * wait <= (target / 2).max(count),
                "{target} s, {count} steps"
            );
        }
    }

    #[test]
    fn the_first_offer_fits_the_lifetime() {
        assert_eq!(first_offer(3, 86_400), FIRST_OFFER);
        assert!(3 * first_offer(3, 100) < 100);
        assert_eq!(first_offer(5, 1), 1);
    }
}
