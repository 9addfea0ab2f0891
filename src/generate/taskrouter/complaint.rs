//! The complaint filters: a complaint's tasks climb its escalation ladder,
//! the owner's team's queue first, then each rung's queue from the rung's
//! start, every start within the task's lifetime.

use super::{Groups, Routed, Writer};
use crate::diagnostic::{Code, Diagnostic};
use crate::generate::minutes::report;
use crate::generate::names::default_name;
use crate::model::{Channel, Complaint, Idx, Party, Ref, Role};
use crate::msg;
use crate::syntax::values::Language;
use serde_json::{json, Value};
use std::collections::BTreeMap;

impl Writer<'_> {
    /// Filters for one complaint rule: per channel, the segments whose
    /// complaint tasks climb the same ladder.
    pub(super) fn complaint_filters(
        &self,
        id: Idx<Complaint>,
        complaint: &Complaint,
        language: Language,
        routed: &mut Routed,
        problems: &mut Vec<Diagnostic>,
    ) -> Vec<Value> {
        let model = self.model;
        let Some(owner) = complaint.owner.as_ref() else {
            return Vec::new();
        };
        let rungs = self.rungs(complaint, owner);
        // Rungs whose start some task's targets carry as a timeout.
        let mut exported = vec![false; rungs.len()];
        let segments: Vec<_> = model.served(&complaint.segments).collect();
        let mut groups = Groups::default();
        let mut unrouted: Vec<String> = Vec::new();
        let mut cut: Vec<&Ref<Party>> = Vec::new();
        // The first rung some task would reach only after TaskRouter has
        // cancelled it.
        let mut too_late: Option<&Rung> = None;
        // The channels where that happens.
        let mut late_on: Vec<Idx<Channel>> = Vec::new();
        // Ladders that end with a role too small for the channel's hours:
        // per role, its channels and the people each needs (`uncovered`).
        let mut off_duty: Vec<(Idx<Role>, Vec<Staffed>)> = Vec::new();
        for &task in self
            .plan
            .tasks
            .iter()
            // A complaint by phone on a line its segment does not list is
            // answered there with the segment's ordinary calls (below).
            .filter(|t| segments.contains(&t.segment) && self.plan.offered(**t))
        {
            let mut steps: Vec<(u64, Value)> = Vec::new();
            // Whom the last step offers the task to.
            let mut last_party = None;
            for (position, rung) in rungs.iter().enumerate() {
                let queue = self.plan.team_queue(rung.party, task);
                // Only a rung the workflow can hold (its party has a queue
                // for the task) asks for a longer lifetime (audit 15, L5).
                if rung.starts >= self.lifetime && queue.is_some() {
                    too_late.get_or_insert(rung);
                    late_on.push(task.channel);
                    break;
                }
                let Some(queue) = queue else {
                    if position == 0 {
                        routed
                            .ordinary
                            .push((id, task, super::plan::bonus(complaint)));
                        unrouted.push(format!(
                            "{} / {}",
                            model.segments[task.segment].header.id,
                            model.channels[task.channel].header.id
                        ));
                    } else if !cut.iter().any(|r| std::ptr::eq(*r, rung.to)) {
                        cut.push(rung.to);
                    }
                    break;
                };
                let priority = self.plan.priority_in(&[queue], task, Some(complaint));
                let mut step = json!({"queue": self.sid(queue), "priority": priority});
                if let Party::Role(role) = rung.party {
                    step["expression"] = json!(format!(
                        "worker.roles HAS '{}'",
                        default_name(&model.roles[role].header.id)
                    ));
                    // A queue one role answers admits this role too.
                    match model.queue_takers(&model.queues[queue]) {
                        Some(Party::Role(takers)) if takers != role => {
                            routed.guests.entry(queue).or_default().insert(role);
                        }
                        _ => {}
                    }
                }
                let next = rungs.get(position + 1).map(|r| r.starts);
                let handover = match position {
                    0 => self.handover(complaint, rung.party, task, next, problems),
                    _ => None,
                };
                match handover {
                    Some((union, first_offer)) => {
                        step["skip_if"] = json!("workers.available == 0");
                        steps.push((rung.starts, step));
                        let priority = self.plan.priority_in(&union, task, Some(complaint));
                        let sid = self.waiting_sid(&union);
                        steps.push((
                            rung.starts + first_offer,
                            json!({"queue": sid, "priority": priority}),
                        ));
                    }
                    None => steps.push((rung.starts, step)),
                }
                last_party = Some(rung.party);
                exported[position] = true;
            }
            if steps.is_empty() {
                continue;
            }
            if let Some(Party::Role(role)) = last_party {
                if let Some((_, needed)) = self.too_few_for_hours(role, task.channel) {
                    let at = match off_duty.iter().position(|(r, _)| *r == role) {
                        Some(at) => at,
                        None => {
                            off_duty.push((role, Vec::new()));
                            off_duty.len() - 1
                        }
                    };
                    let channels = &mut off_duty[at].1;
                    if !channels.iter().any(|&(c, _)| c == task.channel) {
                        channels.push((task.channel, needed));
                    }
                }
            }
            // Each step waits until the next rung starts (the timeouts add
            // up to that rung's start); the last waits out the task.
            for i in 0..steps.len() - 1 {
                let wait = steps[i + 1].0 - steps[i].0;
                steps[i].1["timeout"] = json!(wait);
            }
            groups.add(task, steps.into_iter().map(|(_, v)| v).collect());
        }
        // A complaint on a public line its segment is not offered (audit
        // 12, M3) goes where the segment's ordinary tasks there go, at
        // their priority (at most that of the line's lowest own customers,
        // `Plan::priority_in`) raised by the complaint's bonus: it ranks as
        // their complaint would, never below a worse tier's complaint of
        // the same severity (audit 17, M3: a tier-1 regulated complaint at
        // 5, below a tier-3 one at 8).
        let guests = (self.plan.tasks.iter())
            .filter(|t| segments.contains(&t.segment) && !self.plan.offered(**t));
        for &task in guests {
            routed
                .ordinary
                .push((id, task, super::plan::bonus(complaint)));
        }
        // A rung's start goes out as the previous target's timeout; the
        // rung TaskRouter would reach too late is named by its start below.
        let mut by_hours = false;
        for (position, rung) in rungs.iter().enumerate().skip(1) {
            let late = too_late.is_some_and(|r| std::ptr::eq(r, rung));
            if exported[position] || late {
                rung.notes.iter().for_each(|n| report(problems, n.clone()));
            }
            // A rung past the task's lifetime is not in the workflow: the
            // lifetime warning says so, no clock warning is needed.
            if exported[position] {
                by_hours |= rung.hours;
            }
        }
        for (role, channels) in &off_duty {
            problems.push(self.uncovered(complaint, *role, channels));
        }
        for to in cut {
            problems.push(
                Diagnostic::new(
                    Code::InexactExport,
                    to.span,
                    msg!(
                        "taskrouter-no-queue",
                        party = &to.name,
                        complaint = &complaint.header.id
                    ),
                )
                .help(msg!("taskrouter-no-queue-help")),
            );
        }
        if let Some(rung) = too_late {
            problems.push(
                Diagnostic::new(
                    Code::InexactExport,
                    rung.to.span,
                    msg!(
                        "taskrouter-task-lifetime",
                        complaint = &complaint.header.id,
                        after = crate::i18n::Arg::seconds(rung.starts, false),
                        lifetime = crate::i18n::Arg::seconds(self.lifetime, false)
                    ),
                )
                .help(self.lifetime_help(&late_on)),
            );
        }
        if !unrouted.is_empty() {
            // A role's tasks go to its team's queues: say which team that is.
            let (kind, team) = match owner.target {
                Some(Party::Role(role)) => {
                    match model.roles[role].team.as_ref().and_then(|t| t.target) {
                        Some(team) => ("role", model.teams[team].header.id.to_string()),
                        None => ("teamless-role", String::new()),
                    }
                }
                _ => ("team", String::new()),
            };
            problems.push(
                Diagnostic::new(
                    Code::InexactExport,
                    owner.span,
                    msg!(
                        "taskrouter-owner-no-queue",
                        complaint = &complaint.header.id,
                        kind = kind,
                        owner = &owner.name,
                        team = team,
                        tasks = crate::diagnostic::elide(unrouted.iter(), ", ")
                    ),
                )
                .help(msg!("taskrouter-owner-no-queue-help")),
            );
        }
        // Business hours on an exported rung go out as wall-clock time.
        let business = complaint
            .hours
            .as_ref()
            .and_then(|h| h.target)
            .is_some_and(|c| !model.calendars[c].is_24x7());
        if business && by_hours {
            problems.push(
                Diagnostic::new(
                    Code::InexactExport,
                    complaint.header.span,
                    msg!(
                        "taskrouter-business-hours",
                        complaint = &complaint.header.id
                    ),
                )
                .help(msg!("taskrouter-business-hours-help")),
            );
        }
        let title = crate::generate::words::complaint_title(complaint.header.label(), language);
        groups
            .0
            .into_iter()
            .map(|group| self.filter(group, Some((&title, id))))
            .collect()
    }

    /// Where a complaint goes while its owner's hub sleeps (audit 15, H1):
    /// a team that keeps hours of its own (cxc addition) goes home, and a
    /// complaint raised then waited in its queue until it came back — hours
    /// past a 15-minute acknowledgement while another hub that serves the
    /// same customers on the same channel was at work. So when the task's
    /// ordinary route has more than one queue (peer hubs, overflow), the
    /// owner's queue is offered the task first — skipped at once when none
    /// of its people is available, else for the first offer — and then the
    /// TaskQueue of every queue that serves the task (the ordinary filter's
    /// waiting queue), until the ladder's next rung. Returns that union,
    /// sorted, and the first offer in seconds: half the acknowledgement
    /// target (its least running time for `wd`, with the note that says
    /// so), else [`super::overflow::FIRST_OFFER`]; `None` (the owner's
    /// queue holds the task, as before) for an owner whose queue's team
    /// keeps no hours, a task with one queue, or a next rung sooner than
    /// the offer. A role owner is handed over the same way: offered first
    /// to the role's people in its team's queue, skipped when none of them
    /// is available (route16: a role of a sleeping hub held the complaint
    /// until its team came back).
    /// A skipped owner step moves the next rung up by the first offer at
    /// most (timeouts add up from the task's age).
    fn handover(
        &self,
        complaint: &Complaint,
        party: Party,
        task: super::plan::Task,
        next: Option<u64>,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<(Vec<Idx<crate::model::Queue>>, u64)> {
        // The owner, its hours and the queues serving the task: the shared
        // reading the job descriptions say it from (`Plan::handover`).
        let queues = self.plan.handover(party, task)?;
        // The acknowledgement counts as the ordinary tasks' targets do
        // ([`Writer::target_seconds`]): a `2wd` is a target, not the
        // longest wall-clock time it can last (prac18; audit 17, M4).
        let mut notes = Vec::new();
        let first_offer = match &complaint.acknowledge {
            Some(ack) => {
                let seconds =
                    self.target_seconds(ack.value, complaint.clock(), ack.span, &mut notes);
                super::overflow::share(seconds, 1)
            }
            None => super::overflow::FIRST_OFFER,
        };
        // The owner's step and the wait after it stay inside the task's
        // lifetime (a `2wd` acknowledgement on a 24x7 clock is a 24-hour
        // first offer, all of TaskRouter's default `Timeout`): the owner
        // keeps the task for half of it at most.
        let first_offer = first_offer.min((self.lifetime / 2).max(1));
        if next.is_some_and(|n| n <= first_offer) {
            return None;
        }
        notes.into_iter().for_each(|n| report(problems, n));
        Some((queues, first_offer))
    }

    /// Per channel, the start of the last rung of the longest complaint
    /// ladder the workflow can hold there (each rung's party has a queue
    /// for the task; audit 15, L5: a rung to a role whose team has no queue
    /// asked for 11 days more), whatever the task's lifetime.
    pub(super) fn holdable_ladders(&self) -> BTreeMap<Idx<Channel>, u64> {
        let mut out: BTreeMap<Idx<Channel>, u64> = BTreeMap::new();
        for (_, complaint) in self.model.complaints.iter() {
            let Some(owner) = complaint.owner.as_ref() else {
                continue;
            };
            let rungs = self.rungs(complaint, owner);
            let segments: Vec<_> = self.model.served(&complaint.segments).collect();
            let tasks = (self.plan.tasks.iter())
                .filter(|t| segments.contains(&t.segment) && self.plan.offered(**t));
            for &task in tasks {
                let held = (rungs.iter())
                    .take_while(|r| self.plan.team_queue(r.party, task).is_some())
                    .last();
                if let Some(rung) = held {
                    let ladder = out.entry(task.channel).or_default();
                    *ladder = (*ladder).max(rung.starts);
                }
            }
        }
        out
    }

    /// The help of the lifetime warning of a ladder too long on `channels`:
    /// the one `Timeout` each channel needs ([`Writer::needed`]), the
    /// largest of them; on voice lines only, what matters for a call.
    fn lifetime_help(&self, channels: &[Idx<Channel>]) -> crate::i18n::Message {
        let model = self.model;
        let written = channels
            .iter()
            .filter(|&&c| !super::closed::voice(&model.channels[c]));
        match written.map(|&c| self.needed(c)).max() {
            Some(needed) => msg!("taskrouter-task-lifetime-help", needed = needed.to_string()),
            None => msg!("taskrouter-task-lifetime-voice-help"),
        }
    }

    /// The ladder's rungs in order; a rung at the same time as an earlier
    /// one replaces it. A rung `after 2wd` starts after the longest
    /// wall-clock time the deadline can last on the complaint's calendar,
    /// with the note that says so (reported only where it is exported).
    fn rungs<'c>(&self, complaint: &'c Complaint, owner: &'c Ref<Party>) -> Vec<Rung<'c>> {
        let mut rungs: Vec<Rung> = Vec::new();
        let parties = std::iter::once((0, Vec::new(), false, owner)).chain(
            complaint.escalations.iter().map(|e| {
                let mut notes = Vec::new();
                let after = self.timeout(e.after, complaint.clock(), e.span, &mut notes);
                let hours = e.after.working_days().is_none();
                (after, notes, hours, &e.to)
            }),
        );
        for (starts, notes, hours, to) in parties {
            let Some(party) = to.target else { break };
            while rungs.last().is_some_and(|r| r.starts >= starts) {
                rungs.pop();
            }
            rungs.push(Rung {
                starts,
                party,
                to,
                notes,
                hours,
            });
        }
        rungs
    }
}

/// A channel, with the people a role needs to cover its hours.
type Staffed = (Idx<Channel>, u32);

/// A rung of a complaint's ladder: from when, who, and the reference that
/// names them (where a problem with the rung is reported).
struct Rung<'c> {
    starts: u64,
    party: Party,
    to: &'c Ref<Party>,
    /// What the export of its start loses (a `wd` limit on the wall clock).
    notes: Vec<Diagnostic>,
    /// Its start is written in running time (not `wd`).
    hours: bool,
}
