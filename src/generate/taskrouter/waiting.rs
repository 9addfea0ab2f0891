//! Where a task waits once each of its filter's queues has had its turn:
//! a TaskQueue of its own per set of queues, whose `target_workers` is any
//! of those queues' workers (audit 9, D1).
//!
//! A follow-the-sun operation has one queue per hub. A filter that ended in
//! one of them (its first queue again, so that a task nobody was there for
//! waited in its own queue, never in another team's) left a task in
//! Sydney's queue while Sydney slept and Austin was at work: eleven hours for
//! a 30-minute target, a Christmas task cancelled. TaskRouter offers a task
//! in a TaskQueue to any available worker its `TargetWorkers` expression
//! matches (<https://www.twilio.com/docs/taskrouter/api/task-queue>), and the
//! expression may join conditions with `OR`
//! (<https://www.twilio.com/docs/taskrouter/expression-syntax>); so the last
//! target is a TaskQueue of all the filter's queues, and whichever of them
//! first has a free worker takes the task. It still never waits for anyone
//! a queue of the filter would not offer it to: the filter's queues are the
//! ones that serve its segment on its channel.

use super::{safe, Ordinary, Task, Writer};
use crate::generate::words::complaint_title;
use crate::model::{Complaint, Idx, Queue};
use crate::syntax::values::Language;
use serde_json::{json, Value};
use std::collections::BTreeSet;

impl Writer<'_> {
    /// The id the waiting queue of `set` has in `taskrouter-queues.json`
    /// and in `exports.taskrouter.queues`: its queues' ids joined by `+`.
    fn waiting_id(&self, set: &[Idx<Queue>]) -> String {
        let ids: Vec<&str> = set
            .iter()
            .map(|&q| self.model.queues[q].header.id.as_str())
            .collect();
        ids.join("+")
    }

    pub(super) fn waiting_sid(&self, set: &[Idx<Queue>]) -> String {
        let id = self.waiting_id(set);
        self.exports
            .taskrouter_queues
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("SET-ME-queue-sid-for-{}", safe(&id)))
    }

    /// The SID of a step of a task's targets: its queue's, or for peer
    /// queues (or every queue of a filter), the TaskQueue of all of them,
    /// which `unions` collects to be written.
    pub(super) fn step_sid(
        &self,
        set: &[Idx<Queue>],
        unions: &mut BTreeSet<Vec<Idx<Queue>>>,
    ) -> String {
        if let [one] = set {
            return self.sid(*one);
        }
        let mut set = set.to_vec();
        set.sort();
        let sid = self.waiting_sid(&set);
        unions.insert(set);
        sid
    }

    /// The waiting TaskQueues: each takes the workers of any of its queues
    /// (their ordinary workers: a role a complaint ladder admits to one of
    /// them takes no ordinary task there either).
    pub(super) fn waiting_queues(&self, unions: &BTreeSet<Vec<Idx<Queue>>>) -> Vec<Value> {
        let model = self.model;
        unions
            .iter()
            .map(|set| {
                let mut any: Vec<String> = Vec::new();
                for &q in set {
                    match self.workers(q, std::iter::empty()) {
                        Some(w) => any.push(format!("({w})")),
                        // A queue without a team takes every worker.
                        None => any = vec!["1 == 1".to_string()],
                    }
                    if any.first().is_some_and(|w| w == "1 == 1") {
                        break;
                    }
                }
                let labels: Vec<&str> = set
                    .iter()
                    .map(|&q| model.queues[q].header.label())
                    .collect();
                json!({
                    "queue": self.waiting_id(set),
                    "sid": self.waiting_sid(set),
                    "friendly_name": labels.join(" / "),
                    "target_workers": any.join(" OR "),
                    "task_order": "FIFO",
                })
            })
            .collect()
    }

    /// The TaskQueues that serve in order of arrival: each queue with
    /// `order arrival` and each waiting queue one of them is in.
    fn arrival_sids(&self, unions: &BTreeSet<Vec<Idx<Queue>>>) -> BTreeSet<String> {
        let queues = &self.model.queues;
        let arrival = |q: &Idx<Queue>| queues[*q].by_arrival();
        let single = queues.ids().filter(arrival).map(|q| self.sid(q));
        let waiting = unions
            .iter()
            .filter(|set| set.iter().any(arrival))
            .map(|set| self.waiting_sid(set));
        single.chain(waiting).collect()
    }

    /// Complaint tasks whose owner's team has no queue for them (audit 9,
    /// D2): the segment's ordinary targets, each raised by the complaint's
    /// bonus, so that a P1 outage by phone is not served after a P4
    /// question — except in a queue that serves in order of arrival, where
    /// a complaint waits its turn (audit 12, M2).
    pub(super) fn ordinary_complaint_filters(
        &self,
        tasks: &[(Idx<Complaint>, Task, u32)],
        ordinary: &Ordinary,
        language: Language,
    ) -> Vec<Value> {
        let mut filters = Vec::new();
        let in_turn = self.arrival_sids(&ordinary.unions);
        let mut complaints: Vec<Idx<Complaint>> = tasks.iter().map(|t| t.0).collect();
        complaints.dedup();
        for id in complaints {
            let mut groups = super::Groups::default();
            for &(_, task, bonus) in tasks.iter().filter(|t| t.0 == id) {
                let Some((_, targets)) = ordinary.targets.iter().find(|(t, _)| *t == task) else {
                    continue;
                };
                let mut targets = targets.clone();
                for target in &mut targets {
                    if target["queue"]
                        .as_str()
                        .is_some_and(|q| in_turn.contains(q))
                    {
                        continue;
                    }
                    let ordinary = target["priority"].as_u64().unwrap_or(0);
                    target["priority"] = json!(ordinary + u64::from(bonus));
                }
                groups.add(task, targets);
            }
            let complaint = &self.model.complaints[id];
            let title = complaint_title(complaint.header.label(), language);
            filters.extend(
                groups
                    .0
                    .into_iter()
                    .map(|group| self.filter(group, Some((&title, id)))),
            );
        }
        filters
    }
}
