//! A Twilio TaskRouter workflow configuration
//! (`routing/taskrouter-workflow.json`) and the TaskQueues it names
//! (`routing/taskrouter-queues.json`).
//!
//! TaskRouter takes the first filter whose expression matches a task, then
//! offers the task to the filter's targets in turn: a task waits in a
//! target until a worker accepts it or the target's `timeout` passes (the
//! timeouts add up, measured against the task's age); a target whose
//! `skip_if` holds when the task arrives is skipped; a target without a
//! timeout holds the task until the task's own `Timeout` (24 h unless the
//! task is created with another) cancels it
//! (<https://www.twilio.com/docs/taskrouter/workflow-configuration>,
//! <https://www.twilio.com/docs/taskrouter/task-evaluation>,
//! <https://www.twilio.com/docs/taskrouter/worker-presence>).
//!
//! The filters route by segment and channel only, at every hour: opening
//! hours are the telephony's concern (it answers or not), and a task created
//! while the channel is closed waits in its segment's queue. So:
//!
//! * complaint filters first, one per complaint, channel and group of its
//!   segments with the same ladder: the owner's team's queue that serves the
//!   segment on the channel, then each `escalate after T to X`'s queue, each
//!   rung within the task's lifetime;
//! * then one filter per channel and group of segments with the same queues:
//!   the most specific queue first (a dedicated line before a shared one;
//!   peer queues, equal in rank, together in one TaskQueue of all of them),
//!   the shared ones as later targets, after a share of the answer target
//!   (else the first-response target) such that the last is reached by
//!   half of it (`overflow::share`), or at once when nobody is available,
//!   and the
//!   waiting queue of all of them as the last target, which whichever of
//!   them first has a free worker takes from (`overflow`, `waiting`);
//! * a segment on a channel no queue serves goes to a queue of that channel,
//!   or to `exports.taskrouter.fallback_queue`, with `inexact-export` (a
//!   segment reaching a live channel it does not list goes to the channel's
//!   queues without a word: the number is public);
//!   the default filter takes that queue too, never a tier's queue.
//!
//! A channel closed longer than the task's lifetime (with its complaint
//! ladder) loses the tasks that arrive at its closing: `inexact-export`
//! names the closure and the `Timeout` needed (`closed`).
//!
//! Each target carries the task priority of the segment's tier (higher is
//! served first), so tiers keep their order inside a shared queue, and a
//! complaint's above its tier's by its severity (`plan::priority`) — among
//! a channel's own customers: a segment that reaches a public line it does
//! not list waits there at most at the lowest priority of those who list
//! it (`plan::priority_in`, audit 15, M1); on a
//! queue that serves `order arrival`, every task's the same, a complaint's
//! too (`plan::priority_in`).
//! Queue SIDs come from `cxc.yaml` (`exports.taskrouter.queues`); without
//! one a queue gets a placeholder that starts with `SET-ME`.

mod closed;
mod complaint;
mod friendly;
mod overflow;
mod sla_hours;
mod strangers;
mod uncovered;
mod waiting;

use super::config_keys::unknown_key;
use super::minutes::report;
use super::names::{default_name, ExportNames};
use crate::config::Exports;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::plan;
use crate::model::{Calendar, Channel, Complaint, Idx, Model, Party, Queue, Role};
use crate::msg;
use crate::source::Span;
use crate::syntax::values::Language;
use crate::syntax::values::TimeLimit;
use overflow::{first_offer, overflow_targets, share};
use plan::{Place, Plan, Task};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A task's lifetime when `cxc.yaml` does not say how tasks are created:
/// TaskRouter's default `Timeout`.
pub const DEFAULT_TASK_TIMEOUT: u64 = 86_400;

/// The queue for tasks no queue of the spec takes, when `cxc.yaml` names none.
const FALLBACK_PLACEHOLDER: &str = "SET-ME-queue-sid-for-unrouted-tasks";

/// The workflow and the TaskQueues.
pub struct Export {
    pub workflow: Value,
    pub queues: Value,
}

/// The task lifetime the export keeps every target sequence within.
pub fn task_timeout(exports: &Exports) -> u64 {
    exports
        .taskrouter_task_timeout
        .unwrap_or(DEFAULT_TASK_TIMEOUT)
}

/// Per queue, the roles it admits beside the role that answers it.
type Guests = BTreeMap<Idx<Queue>, BTreeSet<Idx<Role>>>;

/// What the complaint filters leave for the rest of the export.
#[derive(Default)]
struct Routed {
    /// Roles a complaint ladder sends tasks to in a queue that another role
    /// answers (a Polish complaint owned by the complaints specialist, in
    /// the queue the consultants answer): the TaskQueue admits them too, and
    /// the ordinary targets on it name the answering role, so they still
    /// take no ordinary task.
    guests: Guests,
    /// Complaint tasks whose owner's team has no queue for them: routed as
    /// the segment's other tasks, each target's priority raised by the
    /// complaint's bonus (`plan::bonus`).
    ordinary: Vec<(Idx<Complaint>, Task, u32)>,
}

struct Writer<'a> {
    model: &'a Model,
    exports: &'a Exports,
    names: &'a ExportNames,
    plan: Plan<'a>,
    lifetime: u64,
    segment_attribute: &'a str,
    /// Per channel, its longest closure for routing ([`Writer::closure`]):
    /// worked out once, asked for by every complaint task that outlives
    /// its lifetime and by the closure warnings.
    closures: std::cell::OnceCell<Vec<Option<closed::Reach>>>,
    /// Per channel, the longest complaint ladder the workflow can hold
    /// ([`Writer::holdable_ladders`]), worked out once.
    ladders: std::cell::OnceCell<BTreeMap<Idx<Channel>, u64>>,
}

/// A queue id under `exports.taskrouter.queues` that names no TaskQueue
/// the workflow writes: its SID is used nowhere, and the queue it was meant
/// for keeps its placeholder, which Twilio refuses at import (audit 14, M6:
/// a typo, or a waiting queue spelled as its placeholder, `a_b` for `a+b`).
fn unknown_sids(exports: &Exports, queues: &[Value], problems: &mut Vec<Diagnostic>) {
    let written: std::collections::BTreeSet<&str> =
        queues.iter().filter_map(|q| q["queue"].as_str()).collect();
    let known: Vec<&str> = written.iter().copied().collect();
    for (name, &place) in &exports.taskrouter_queue_places {
        if written.contains(name.as_str()) {
            continue;
        }
        let message = msg!(
            "taskrouter-unknown-queue",
            name = crate::generate::config_keys::shown(name)
        );
        problems.push(unknown_key(place, message, name, &known, |known| {
            msg!("taskrouter-unknown-queue-help", known = known)
        }));
    }
}

pub fn export(
    model: &Model,
    exports: &Exports,
    names: &ExportNames,
    language: Language,
    problems: &mut Vec<Diagnostic>,
) -> Export {
    let writer = Writer {
        model,
        exports,
        names,
        plan: Plan::new(model),
        lifetime: task_timeout(exports),
        segment_attribute: exports
            .taskrouter_segment_attribute
            .as_deref()
            .unwrap_or("segment"),
        closures: std::cell::OnceCell::new(),
        ladders: std::cell::OnceCell::new(),
    };
    let mut filters = Vec::new();
    let mut routed = Routed::default();
    for (id, complaint) in model.complaints.iter() {
        filters.extend(writer.complaint_filters(id, complaint, language, &mut routed, problems));
    }
    let ordinary = writer.task_filters(&routed.guests, problems);
    filters.extend(writer.ordinary_complaint_filters(&routed.ordinary, &ordinary, language));
    filters.extend(ordinary.filters);
    writer.closures(problems);
    writer.beyond_sla_hours(problems);
    let mut queues = writer.task_queues(&routed.guests, problems);
    queues.extend(writer.waiting_queues(&ordinary.unions));
    unknown_sids(exports, &queues, problems);
    friendly::fit_friendly_names(&mut queues);
    Export {
        workflow: json!({"task_routing": {
            "filters": filters,
            "default_filter": {"queue": writer.fallback()},
        }}),
        queues: Value::Array(queues),
    }
}

/// The ordinary filters, and what the complaint tasks routed like ordinary
/// ones and the waiting TaskQueues need from them.
struct Ordinary {
    filters: Vec<Value>,
    /// Each task's targets, at its ordinary priority.
    targets: Vec<(Task, Vec<Value>)>,
    /// The sets of queues some filter ends by waiting in all of.
    unions: BTreeSet<Vec<Idx<Queue>>>,
}

impl Writer<'_> {
    fn sid(&self, queue: Idx<Queue>) -> String {
        let id = &self.model.queues[queue].header.id;
        self.exports
            .taskrouter_queues
            .get(id.as_str())
            .cloned()
            .unwrap_or_else(|| format!("SET-ME-queue-sid-for-{}", safe(id)))
    }

    fn fallback(&self) -> String {
        self.exports
            .taskrouter_fallback_queue
            .clone()
            .unwrap_or_else(|| FALLBACK_PLACEHOLDER.into())
    }

    /// `channel == 'phone' AND segment IN ['vip', 'gold']`.
    fn task_expression(&self, channel: &str, segments: &[&str]) -> String {
        let list: Vec<String> = segments.iter().map(|s| format!("'{s}'")).collect();
        format!(
            "channel == '{channel}' AND {} IN [{}]",
            self.segment_attribute,
            list.join(", ")
        )
    }

    /// How long a task waits in a queue before it may overflow to the next:
    /// the strictest answer target on its channel, else (e-mail, messaging
    /// with only a reply target) the strictest first response — so a
    /// dedicated queue never holds a task for the task's whole lifetime
    /// while the shared queue behind it has people; and what a `wd` target
    /// loses as running time, to be said only where it becomes a timeout.
    /// A `wd` target is a target (audit 17, M4: `1wd` got the minute meant
    /// for none): it counts as the least running time its deadline can
    /// leave ([`Self::target_seconds`]).
    fn answer_target(&self, task: Task) -> (Option<u64>, Vec<Diagnostic>) {
        let mut notes = Vec::new();
        if !self.model.target_applies(task.segment, Some(task.channel)) {
            return (None, notes);
        }
        let here = Some(task.channel);
        let (mut answers, mut replies) = (Vec::new(), Vec::new());
        for (_, sla) in self.model.slas_of(task.segment) {
            let clock = sla.clock();
            let answered = sla.answers.iter().filter(|a| a.channel.target == here);
            answers.extend(answered.map(|a| (a.within, a.span, clock)));
            let replied = sla
                .first_responses
                .iter()
                .filter(|r| r.channel.target == here);
            replies.extend(replied.map(|r| (r.within, r.span, clock)));
        }
        let chosen = if answers.is_empty() { replies } else { answers };
        let wait = chosen
            .into_iter()
            .map(|(within, span, clock)| self.target_seconds(within, clock, span, &mut notes))
            .min();
        (wait, notes)
    }

    /// An answer or first-response target in seconds, for how long a task
    /// waits before it overflows (and a complaint's acknowledgement, for
    /// how long its owner is offered it first, `complaint::handover`):
    /// running time as written (as `14h` on
    /// business hours goes out, audit 11, L13), working days as the least
    /// running time the deadline can leave on its calendar — asked as a
    /// working day closes, the next opening day's hours, so `1wd` on
    /// 14-hour days waits as `14h` does — with a note that says so.
    fn target_seconds(
        &self,
        limit: TimeLimit,
        calendar: Option<Idx<Calendar>>,
        span: Span,
        notes: &mut Vec<Diagnostic>,
    ) -> u64 {
        let running = (self.model)
            .running(limit, calendar, crate::model::Extreme::Shortest)
            .seconds();
        if limit.working_days().is_some() {
            let note = Diagnostic::new(
                Code::InexactExport,
                span,
                msg!(
                    "taskrouter-working-days-wait",
                    limit = limit.to_string(),
                    running = crate::i18n::Arg::seconds(running, false)
                ),
            )
            .help(msg!("export-working-days-help", limit = limit.to_string()));
            report(notes, note);
        }
        running
    }

    /// One filter per channel and group of segments with the same targets.
    fn task_filters(&self, guests: &Guests, problems: &mut Vec<Diagnostic>) -> Ordinary {
        let model = self.model;
        let mut groups = Groups::default();
        let mut all = Vec::new();
        let mut unions = BTreeSet::new();
        // Channels no queue serves, with the segments that use them.
        let mut nowhere: Vec<(Idx<crate::model::Channel>, Vec<&str>)> = Vec::new();
        for &task in &self.plan.tasks {
            let (ids, steps): (Vec<Idx<Queue>>, Vec<Vec<Idx<Queue>>>) = match self.plan.place(task)
            {
                Place::Served(queues) => {
                    let steps = self.plan.peer_steps(&queues);
                    (queues, steps)
                }
                Place::Channel(queues) => {
                    if let Some(problem) = self.strangers(task, &queues) {
                        problems.push(problem);
                    }
                    let steps = queues.iter().map(|&q| vec![q]).collect();
                    (queues, steps)
                }
                Place::Nowhere => {
                    let segment = model.segments[task.segment].header.id.as_str();
                    match nowhere.iter_mut().find(|(c, _)| *c == task.channel) {
                        Some((_, segments)) => segments.push(segment),
                        None => nowhere.push((task.channel, vec![segment])),
                    }
                    (Vec::new(), Vec::new())
                }
            };
            let at = |queues: &[Idx<Queue>]| self.plan.priority_in(queues, task, None);
            // Each step is a queue, or the TaskQueue of peer queues
            // (`waiting`), offered the task at once.
            let mut queues: Vec<(String, u32)> = steps
                .iter()
                .map(|set| (self.step_sid(set, &mut unions), at(set)))
                .collect();
            if queues.is_empty() {
                queues.push((self.fallback(), at(&[])));
            }
            // Where the task waits once every step has had its turn: the
            // TaskQueue of all of them (`waiting`).
            let union = (steps.len() > 1).then(|| (self.step_sid(&ids, &mut unions), at(&ids)));
            // Each step in turn for a share of the answer (else
            // first-response) target (`overflow::share`), if the sum of the
            // waits stays inside the task's lifetime; at once when nobody
            // is available.
            let (wait, notes) = self.answer_target(task);
            let count = queues.len() as u64;
            let wait = wait
                .map(|w| share(w, count))
                .filter(|&w| count * w < self.lifetime);
            if count > 1 && wait.is_some() {
                notes.into_iter().for_each(|n| report(problems, n));
            }
            let wait = wait.unwrap_or_else(|| first_offer(count, self.lifetime));
            let mut targets = overflow_targets(queues, union, wait);
            self.keep_to_takers(&mut targets, guests);
            all.push((task, targets.clone()));
            groups.add(task, targets);
        }
        for (channel, segments) in nowhere {
            let channel = &model.channels[channel];
            problems.push(
                Diagnostic::new(
                    Code::InexactExport,
                    channel.header.span,
                    msg!(
                        "taskrouter-fallback-queue",
                        channel = &channel.header.id,
                        segments = segments.join(", ")
                    ),
                )
                .help(msg!("taskrouter-fallback-queue-help")),
            );
        }
        Ordinary {
            filters: groups
                .0
                .into_iter()
                .map(|group| self.filter(group, None))
                .collect(),
            targets: all,
            unions,
        }
    }

    /// Ordinary targets on a queue that admits guests ([`Routed::guests`])
    /// are offered to the role that answers the queue only.
    fn keep_to_takers(&self, targets: &mut [Value], guests: &Guests) {
        for &queue in guests.keys() {
            let Some(Party::Role(takers)) = self.model.queue_takers(&self.model.queues[queue])
            else {
                continue;
            };
            let sid = self.sid(queue);
            for target in targets.iter_mut().filter(|t| t["queue"] == sid.as_str()) {
                target["expression"] = json!(format!(
                    "worker.roles HAS '{}'",
                    default_name(&self.model.roles[takers].header.id)
                ));
            }
        }
    }

    /// The filter of a group, named by its segments and channel and matching
    /// them; for a complaint, after the complaint's title and matching it too.
    fn filter(&self, group: Group, complaint: Option<(&str, Idx<Complaint>)>) -> Value {
        let model = self.model;
        let segments: Vec<&str> = group
            .segments
            .iter()
            .map(|&s| self.names.segment(s))
            .collect();
        let labels: Vec<&str> = group
            .segments
            .iter()
            .map(|&s| model.segments[s].header.label())
            .collect();
        let mut name = format!(
            "{} — {}",
            labels.join(", "),
            model.channels[group.channel].header.label()
        );
        let mut expression = self.task_expression(self.names.channel(group.channel), &segments);
        if let Some((title, id)) = complaint {
            name = format!("{title} — {name}");
            expression = format!(
                "complaint == '{}' AND {expression}",
                self.names.complaint(id)
            );
        }
        json!({
            "filter_friendly_name": name,
            "expression": expression,
            "targets": group.targets,
        })
    }

    /// `limit` as a TaskRouter timeout in seconds. Timeouts run on the wall
    /// clock: running time goes out as written (`taskrouter-business-hours`
    /// says what that means on business hours), a `wd` limit as the
    /// longest wall-clock time its deadline can last, so that no task moves
    /// on before the deadline, with a note that says so.
    fn timeout(
        &self,
        limit: TimeLimit,
        calendar: Option<Idx<Calendar>>,
        span: Span,
        notes: &mut Vec<Diagnostic>,
    ) -> u64 {
        let wall = self.model.wall_timeout(limit, calendar).seconds();
        if limit.working_days().is_some() {
            // How late a request made when the deadline leaves least
            // escalates.
            let shortest = self.model.shortest_wall(limit, calendar);
            let late = wall.saturating_sub(shortest.map_or(wall, |s| s.seconds()));
            let note = Diagnostic::new(
                Code::InexactExport,
                span,
                msg!(
                    "taskrouter-working-days",
                    limit = limit.to_string(),
                    wall = crate::i18n::Arg::seconds(wall, false),
                    late = crate::i18n::Arg::seconds_genitive(late, false)
                ),
            )
            .help(msg!("export-working-days-help", limit = limit.to_string()));
            report(notes, note);
        }
        wall
    }

    /// The TaskQueues: who works each queue (its team's workers, by the
    /// `team` worker attribute; on a channel a role of the team owns, that
    /// role's workers only, by the `roles` array — [`Model::channel_takers`],
    /// as the job descriptions and `headcount-short` read it) and the order
    /// tasks are taken in.
    fn task_queues(&self, guests: &Guests, problems: &mut Vec<Diagnostic>) -> Vec<Value> {
        let model = self.model;
        model
            .queues
            .iter()
            .map(|(id, queue)| {
                let admitted = guests.get(&id).into_iter().flatten().copied();
                let target_workers = self.workers(id, admitted).unwrap_or_else(|| {
                    problems.push(
                        Diagnostic::new(
                            Code::InexactExport,
                            queue.header.span,
                            msg!("taskrouter-queue-no-team", queue = &queue.header.id),
                        )
                        .help(msg!("taskrouter-queue-no-team-help")),
                    );
                    "1 == 1".to_string()
                });
                json!({
                    "queue": queue.header.id,
                    "sid": self.sid(id),
                    "friendly_name": queue.header.label(),
                    "target_workers": target_workers,
                    "task_order": "FIFO",
                })
            })
            .collect()
    }

    /// A queue's `target_workers`, with the roles a complaint ladder sends
    /// there (`guests`); `None` for a queue without a team.
    fn workers(&self, id: Idx<Queue>, guests: impl Iterator<Item = Idx<Role>>) -> Option<String> {
        let model = self.model;
        let queue = &model.queues[id];
        let team = queue.team.as_ref().and_then(|t| t.target)?;
        let team = format!("team == '{}'", default_name(&model.teams[team].header.id));
        let Some(Party::Role(role)) = model.queue_takers(queue) else {
            return Some(team);
        };
        let has = |r: Idx<Role>| format!("roles HAS '{}'", default_name(&model.roles[r].header.id));
        let mut admitted = vec![has(role)];
        admitted.extend(guests.map(has));
        let roles = match admitted.len() {
            1 => admitted.remove(0),
            _ => format!("({})", admitted.join(" OR ")),
        };
        Some(format!("{team} AND {roles}"))
    }
}

/// Tasks of one channel with the same targets, grouped into one filter, in
/// order of first appearance.
#[derive(Default)]
struct Groups(
    Vec<Group>,
    HashMap<(Idx<crate::model::Channel>, String), usize>,
);

struct Group {
    channel: Idx<crate::model::Channel>,
    segments: Vec<Idx<crate::model::Segment>>,
    targets: Vec<Value>,
}

impl Groups {
    fn add(&mut self, task: Task, targets: Vec<Value>) {
        let key = (task.channel, Value::Array(targets.clone()).to_string());
        match self.1.get(&key) {
            Some(&i) => self.0[i].segments.push(task.segment),
            None => {
                self.1.insert(key, self.0.len());
                self.0.push(Group {
                    channel: task.channel,
                    segments: vec![task.segment],
                    targets,
                });
            }
        }
    }
}

/// TaskRouter expressions quote values in `'...'` and do not allow hyphens:
/// keep letters, digits and `_`, and turn everything else into `_`.
pub fn safe(id: &str) -> String {
    super::names::word(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_become_expression_safe() {
        assert_eq!(safe("key-accounts"), "key_accounts");
        assert_eq!(safe("vip' OR '1"), "vip__OR__1");
        assert_eq!(safe("ключевые"), "ключевые");
    }
}
