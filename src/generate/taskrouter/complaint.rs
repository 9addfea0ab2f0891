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
        // The longest closure of a channel where that happens, in seconds.
        let mut closed_for = 0;
        // Ladders that end with a role too small for the channel's hours:
        // per role, its channels and the people each needs (`uncovered`).
        let mut off_duty: Vec<(Idx<Role>, Vec<Staffed>)> = Vec::new();
        for &task in self
            .plan
            .tasks
            .iter()
            // A complaint by phone on a line its segment does not list is
            // answered there as the segment's ordinary call (`Plan::offered`).
            .filter(|t| segments.contains(&t.segment) && self.plan.offered(**t))
        {
            let mut steps: Vec<(u64, Value)> = Vec::new();
            // Whom the last step offers the task to.
            let mut last_party = None;
            for (position, rung) in rungs.iter().enumerate() {
                if rung.starts >= self.lifetime {
                    too_late.get_or_insert(rung);
                    closed_for = closed_for.max(self.closed_for(task.channel));
                    break;
                }
                let Some(queue) = self.plan.team_queue(rung.party, task) else {
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
                let priority = self
                    .plan
                    .priority_in(&[queue], task.segment, Some(complaint));
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
                    0 => self.handover(complaint, rung.party, task, next),
                    _ => None,
                };
                match handover {
                    Some((union, first_offer)) => {
                        step["skip_if"] = json!("workers.available == 0");
                        steps.push((rung.starts, step));
                        let priority = self.plan.priority_in(&union, task.segment, Some(complaint));
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
            let Some(&(last, _)) = steps.last() else {
                continue;
            };
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
            let ladder = routed.ladders.entry(task.channel).or_default();
            *ladder = (*ladder).max(last);
            // Each step waits until the next rung starts (the timeouts add
            // up to that rung's start); the last waits out the task.
            for i in 0..steps.len() - 1 {
                let wait = steps[i + 1].0 - steps[i].0;
                steps[i].1["timeout"] = json!(wait);
            }
            groups.add(task, steps.into_iter().map(|(_, v)| v).collect());
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
                .help(msg!(
                    "taskrouter-task-lifetime-help",
                    needed = lifetime_needed(&rungs, closed_for).to_string()
                )),
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
    /// target, else [`super::overflow::FIRST_OFFER`]; `None` (the owner's
    /// queue holds the task, as before) for a role owner, a team without
    /// hours, a task with one queue, or a next rung sooner than the offer.
    /// A skipped owner step moves the next rung up by the first offer at
    /// most (timeouts add up from the task's age).
    fn handover(
        &self,
        complaint: &Complaint,
        party: Party,
        task: super::plan::Task,
        next: Option<u64>,
    ) -> Option<(Vec<Idx<crate::model::Queue>>, u64)> {
        // The owner, its hours and the queues serving the task: the shared
        // reading the job descriptions say it from (`Plan::handover`).
        let queues = self.plan.handover(party, task)?;
        let first_offer = match &complaint.acknowledge {
            Some(ack) => {
                let seconds = self.timeout(ack.value, complaint.clock(), ack.span, &mut Vec::new());
                super::overflow::share(seconds, 1)
            }
            None => super::overflow::FIRST_OFFER,
        };
        if next.is_some_and(|n| n <= first_offer) {
            return None;
        }
        Some((queues, first_offer))
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

/// The task lifetime a whole ladder needs (audit 9, D7): its last rung's
/// start plus the longest closure of the channel (as the closure warning
/// counts it: a task created at the closing climbs the ladder once the line
/// opens), and at least an hour on the last rung.
fn lifetime_needed(rungs: &[Rung], closed_for: u64) -> u64 {
    rungs.last().map_or(0, |r| r.starts) + closed_for.max(3600)
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
