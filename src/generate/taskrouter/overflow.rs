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
//! queue for good: the disputes team got the whole night's e-mail. The shape
//! written here instead, for queues `Q1 … Qn` (n ≥ 2, most specific first):
//!
//! ```text
//! Q1  timeout w, skip_if      the task's own queue: wait w, or skip at once
//! Q2  timeout w, skip_if      shared overflow, likewise
//! …
//! Qn  skip_if                 the last overflow: holds the task (no timeout)
//!                             when it has people, else is skipped
//! Q1                          again, no skip_if, no timeout: a task no
//!                             step with people took waits here
//! ```
//!
//! Where a task finally waits is then a queue that had workers available
//! when the task reached it (a step without a timeout it was not skipped
//! from), or its own first queue — never another team's queue whose agents
//! are away; and the filter is never skipped as a whole, since its last
//! step has no `skip_if`. Without an answer target (`wait` is `None`) no
//! step times out: the task waits in the first queue with people, else in
//! its own. One queue is one step, without `skip_if`: the task waits there.

use serde_json::{json, Value};

/// The targets for `queues` (SIDs, most specific first) at `priority`,
/// each but the last overflow moving on after `wait` seconds.
pub(super) fn overflow_targets(
    queues: Vec<String>,
    priority: u32,
    wait: Option<u64>,
) -> Vec<Value> {
    let count = queues.len();
    let own = queues.first().cloned();
    let mut targets: Vec<Value> = queues
        .into_iter()
        .enumerate()
        .map(|(i, queue)| {
            let mut target = json!({"queue": queue, "priority": priority});
            if count > 1 {
                if let Some(wait) = wait.filter(|_| i + 1 < count) {
                    target["timeout"] = json!(wait.max(1));
                }
                target["skip_if"] = json!("workers.available == 0");
            }
            target
        })
        .collect();
    if let Some(own) = own.filter(|_| count > 1) {
        targets.push(json!({"queue": own, "priority": priority}));
    }
    targets
}

#[cfg(test)]
mod tests {
    use super::*;

    fn queues(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn one_queue_holds_the_task_without_skipping() {
        assert_eq!(
            overflow_targets(queues(&["Q1"]), 4, Some(20)),
            vec![json!({"queue": "Q1", "priority": 4})]
        );
    }

    #[test]
    fn a_filter_with_overflow_ends_in_the_tasks_own_queue() {
        let skip = "workers.available == 0";
        assert_eq!(
            overflow_targets(queues(&["Q1", "Q2", "Q3"]), 2, Some(60)),
            vec![
                json!({"queue": "Q1", "priority": 2, "timeout": 60, "skip_if": skip}),
                json!({"queue": "Q2", "priority": 2, "timeout": 60, "skip_if": skip}),
                json!({"queue": "Q3", "priority": 2, "skip_if": skip}),
                json!({"queue": "Q1", "priority": 2}),
            ]
        );
        // Without a wait no step times out; the last still is the own queue.
        let targets = overflow_targets(queues(&["Q1", "Q2"]), 2, None);
        assert!(targets.iter().all(|t| t.get("timeout").is_none()));
        assert_eq!(targets.len(), 3);
        assert_eq!(targets[2], json!({"queue": "Q1", "priority": 2}));
    }
}
