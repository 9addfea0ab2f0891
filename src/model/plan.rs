//! Who serves which task: the tasks a spec makes (a segment on a channel),
//! the queues each waits in, in order, and the task priority of each tier.
//! Pure model reading; the TaskRouter workflow and TaskQueues are written
//! from it, and the job descriptions say from it who takes a complaint
//! while its owner's team is closed ([`Plan::handover`]).

use crate::model::{Channel, Complaint, Idx, Model, Party, Queue, Segment, Team};
use crate::syntax::values::ComplaintSeverity;

/// The priorities between one tier's ordinary tasks and the next better
/// tier's: room for the four complaint severities.
pub const TIER_STEP: u32 = 5;

/// A complaint task's priority above its tier's ordinary tasks, by the
/// rule's `severity` (none counts as low).
pub fn bonus(complaint: &Complaint) -> u32 {
    match complaint.severity {
        None | Some(ComplaintSeverity::Low) => 1,
        Some(ComplaintSeverity::Medium) => 2,
        Some(ComplaintSeverity::High) => 3,
        Some(ComplaintSeverity::Critical) => 4,
    }
}

/// A task's routing key: a customer of `segment` on `channel`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Task {
    pub segment: Idx<Segment>,
    pub channel: Idx<Channel>,
}

/// Where the tasks of one (segment, channel) wait.
pub enum Place {
    /// Queues that serve the segment on the channel, most specific first.
    Served(Vec<Idx<Queue>>),
    /// No queue serves the segment on the channel; these queues serve the
    /// channel for other segments: those open to its tier, the nearest tier
    /// first, and queues reserved for better tiers only where none is
    /// ([`Plan::reserved`]).
    Channel(Vec<Idx<Queue>>),
    /// No queue serves the channel at all.
    Nowhere,
}

pub struct Plan<'m> {
    model: &'m Model,
    /// Task priority rank per segment: the best tier gets the highest.
    ranks: Vec<u32>,
    /// Per queue, whether it serves each segment: asked for every task, so
    /// built once.
    serves_segment: Vec<Vec<bool>>,
    /// Per channel, per segment, whether the channel is offered to it
    /// ([`Self::offered`]): asked for every task and priority, so built
    /// once, in one pass over the queues (not one per task).
    offered: Vec<Vec<bool>>,
    /// Per channel, the lowest ordinary priority of a segment the channel
    /// is offered to ([`Self::offered`]): its own customers.
    floors: Vec<Option<u32>>,
    pub tasks: Vec<Task>,
}

impl<'m> Plan<'m> {
    pub fn new(model: &'m Model) -> Self {
        let tiers: Vec<Option<u32>> = model
            .segments
            .values()
            .map(|s| s.tier.map(|t| t.value))
            .collect();
        let worst = tiers.iter().flatten().copied().max().unwrap_or(1);
        let ranks = tiers
            .iter()
            .map(|t| t.map_or(0, |t| worst.saturating_sub(t) + 1))
            .collect();
        let serves_segment: Vec<Vec<bool>> = model
            .queues
            .values()
            .map(|q| {
                let mut served = vec![false; model.segments.len()];
                for s in model.queue_segments(q) {
                    served[s.index()] = true;
                }
                served
            })
            .collect();
        let mut offered: Vec<Vec<bool>> = model
            .channels
            .ids()
            .map(|channel| {
                (model.segments.ids())
                    .map(|segment| model.uses_channel(segment, channel))
                    .collect()
            })
            .collect();
        for (q, queue) in model.queues.iter() {
            let channels: Vec<usize> = match Self::channel_of(queue) {
                None => continue,
                Some(Some(channel)) => vec![channel.index()],
                Some(None) => (0..offered.len()).collect(),
            };
            for channel in channels {
                for (to, &served) in offered[channel].iter_mut().zip(&serves_segment[q.index()]) {
                    *to |= served;
                }
            }
        }
        let mut plan = Plan {
            model,
            ranks,
            serves_segment,
            offered,
            floors: Vec::new(),
            tasks: Vec::new(),
        };
        plan.tasks = plan.find_tasks();
        plan.floors = model
            .channels
            .ids()
            .map(|channel| {
                (model.segments.ids())
                    .filter(|&segment| plan.offered(Task { segment, channel }))
                    .map(|segment| plan.priority(segment, None))
                    .min()
            })
            .collect();
        plan
    }

    /// The priority of a segment's tasks: [`TIER_STEP`] per tier rank, plus
    /// a complaint's bonus — 1 for a complaint without a severity or a low
    /// one, 2 medium, 3 high, 4 critical — so that every complaint goes
    /// before its own tier's other tasks, a more severe one before a less
    /// severe one, and none before a better tier's tasks (audit 9, D2: a P1
    /// outage ranked below a P4 question when it lost its bonus).
    pub fn priority(&self, segment: Idx<Segment>, complaint: Option<&Complaint>) -> u32 {
        TIER_STEP * self.ranks[segment.index()] + complaint.map_or(0, bonus)
    }

    /// The priority of a segment's task in the TaskQueue of `queues` (one
    /// queue, or the waiting queue of several): [`Self::priority`], except
    /// where one of them serves `order arrival` (audit 10, H1: a self-pay
    /// caller with chest pain behind a member on the nurse line). There
    /// every task gets the priority of the best tier the queues serve, the
    /// same for every segment and every complaint, so the queue serves in
    /// order of arrival: a complaint's severity is how much it matters to
    /// the company, not how urgent the call is, and on an emergency line no
    /// complaint goes before a traveller in distress (audit 12, M2).
    ///
    /// A task on a channel not offered to its segment (a diner who dials
    /// the riders' hotline, reaching it because the line is public,
    /// [`Self::find_tasks`]) never outranks the channel's own customers
    /// (audit 15, M1): its priority is at most the lowest ordinary priority
    /// of a segment the channel is offered to, so it waits its turn behind
    /// those who arrived before it, whatever its tier.
    pub fn priority_in(
        &self,
        queues: &[Idx<Queue>],
        task: Task,
        complaint: Option<&Complaint>,
    ) -> u32 {
        let segment = task.segment;
        if !queues.iter().any(|&q| self.model.queues[q].by_arrival()) {
            let own = self.priority(segment, complaint);
            return match self.floors[task.channel.index()] {
                Some(floor) if !self.offered(task) => own.min(floor),
                _ => own,
            };
        }
        let best = queues
            .iter()
            .flat_map(|&q| {
                let served = &self.serves_segment[q.index()];
                self.ranks
                    .iter()
                    .zip(served)
                    .filter(|(_, &s)| s)
                    .map(|(&r, _)| r)
            })
            .max()
            .unwrap_or(self.ranks[segment.index()]);
        TIER_STEP * best
    }

    fn channel_of(queue: &Queue) -> Option<Option<Idx<Channel>>> {
        match &queue.channel {
            None => Some(None),
            Some(r) => r.target.map(Some),
        }
    }

    /// Does `queue` take `segment`'s tasks on `channel`? A queue without a
    /// channel takes its segments on every channel.
    pub fn serves(&self, queue: Idx<Queue>, task: Task) -> bool {
        Self::channel_of(&self.model.queues[queue])
            .is_some_and(|c| c.is_none_or(|c| c == task.channel))
            && self.serves_segment[queue.index()][task.segment.index()]
    }

    /// Every segment on every channel it uses or a queue takes it on,
    /// except self-service channels and visits no queue takes; and on every
    /// live channel some queue answers that is public to it, even one the
    /// segment does not list (audit 12, M3: a Gold member who dials the
    /// public number the website prints is identified as Gold and must not
    /// wait in the fallback queue nobody staffs). A channel is public to a
    /// segment when a segment of its tier or a lower one lists it: a line
    /// only better tiers are given (the Enterprise phone line, audit 13,
    /// M2) does not take the others' calls into its queues.
    fn find_tasks(&self) -> Vec<Task> {
        let model = self.model;
        let mut segments: Vec<Idx<Segment>> = model.segments.ids().collect();
        segments.sort_by_key(|&s| std::cmp::Reverse(self.ranks[s.index()]));
        let contact = |c: &Channel| !c.self_service && c.kind.is_some_and(|k| k.is_live());
        // Per channel, whether it is a live line some queue answers: every
        // segment's customers may reach it.
        let answered: Vec<bool> = model
            .channels
            .iter()
            .map(|(channel, c)| {
                contact(c)
                    && model
                        .queues
                        .iter()
                        .any(|(_, q)| Self::channel_of(q) == Some(Some(channel)))
            })
            .collect();
        // Per channel, the lowest rank (worst tier) of a segment that
        // lists it: the channel is public to that rank and every better one.
        let lowest_listing: Vec<Option<u32>> = model
            .channels
            .ids()
            .map(|channel| {
                (model.segments.ids())
                    .filter(|&s| model.uses_channel(s, channel))
                    .map(|s| self.ranks[s.index()])
                    .min()
            })
            .collect();
        let public = |segment: Idx<Segment>, channel: Idx<Channel>| {
            lowest_listing[channel.index()].is_some_and(|r| r <= self.ranks[segment.index()])
        };
        let mut tasks = Vec::new();
        for segment in segments {
            for (channel, c) in model.channels.iter() {
                let task = Task { segment, channel };
                if (answered[channel.index()] && public(segment, channel))
                    || (contact(c) && model.uses_channel(segment, channel))
                    || model.queues.ids().any(|q| self.serves(q, task))
                {
                    tasks.push(task);
                }
            }
        }
        tasks
    }

    /// Whether the spec offers `task`'s channel to its segment: the segment
    /// lists it, or a queue takes the segment there. A task that is not
    /// offered still reaches the channel's queues, without a word.
    pub fn offered(&self, task: Task) -> bool {
        self.offered[task.channel.index()][task.segment.index()]
    }

    /// Where a task waits, in the order it is offered the queues.
    pub fn place(&self, task: Task) -> Place {
        let model = self.model;
        let served: Vec<(Idx<Queue>, &Queue)> = model
            .queues
            .iter()
            .filter(|&(id, _)| self.serves(id, task))
            .collect();
        if !served.is_empty() {
            return Place::Served(self.most_specific_first(served));
        }
        let mut on_channel: Vec<(Idx<Queue>, (bool, u32))> = model
            .queues
            .iter()
            .filter(|(_, q)| Self::channel_of(q) == Some(Some(task.channel)))
            .map(|(id, _)| (id, self.distance(id, task.segment)))
            .collect();
        if on_channel.is_empty() {
            return Place::Nowhere;
        }
        // A queue reserved for better tiers takes the task only where no
        // queue of the channel is open to its tier (audit 16, M2).
        if on_channel.iter().any(|(_, (reserved, _))| !reserved) {
            on_channel.retain(|(_, (reserved, _))| !reserved);
        }
        on_channel.sort_by_cached_key(|&(id, distance)| {
            (
                distance,
                model.queues[id].priority.unwrap_or(u32::MAX),
                id.index(),
            )
        });
        Place::Channel(on_channel.into_iter().map(|(id, _)| id).collect())
    }

    /// Whether `queue` is **reserved** for tiers better than `segment`'s:
    /// it names its `segments`, and every one of them is of a strictly
    /// better tier (the Premium curators' queue, to a corporate client).
    pub fn reserved(&self, queue: Idx<Queue>, segment: Idx<Segment>) -> bool {
        self.distance(queue, segment).0
    }

    /// How far a queue on a task's channel that does not serve its segment
    /// stands from the segment's tier, nearest least: a queue without
    /// `segments` (the channel's shared queue) 0; one open to the tier (a
    /// segment of its tier or a worse one) the tiers between the segment's
    /// and the nearest such; a queue reserved for better tiers
    /// ([`Self::reserved`]) after every open one, the nearest better tier
    /// first (audit 16, M2: the corporate clients' chats were offered the
    /// Premium curators first, ahead of the shared city queues).
    fn distance(&self, queue: Idx<Queue>, segment: Idx<Segment>) -> (bool, u32) {
        if self.model.queues[queue].segments.is_empty() {
            return (false, 0);
        }
        let own = self.ranks[segment.index()];
        let ranks = (self.serves_segment[queue.index()].iter())
            .zip(&self.ranks)
            .filter(|(&served, _)| served)
            .map(|(_, &rank)| rank);
        let (mut open, mut better) = (None::<u32>, None::<u32>);
        for rank in ranks {
            match rank.checked_sub(own).filter(|&d| d > 0) {
                Some(d) => better = Some(better.map_or(d, |b| b.min(d))),
                None => open = Some(open.map_or(own - rank, |o| o.min(own - rank))),
            }
        }
        match (open, better) {
            (Some(d), _) => (false, d),
            (None, Some(d)) => (true, d),
            (None, None) => (false, u32::MAX),
        }
    }

    /// How specific a queue serving a task is, most specific least: a
    /// queue for the channel first, then the queue with the fewest segments
    /// (a dedicated line before a shared one), then the spec's queue
    /// `priority`. Queues of one rank for a task that give a `priority` are
    /// its **peers** ([`Self::peer_steps`]); without one, declaration order
    /// ranks them.
    fn rank(&self, queue: &Queue) -> (bool, usize, u32) {
        (
            queue.channel.is_none(),
            self.model.queue_segments(queue).len(),
            queue.priority.unwrap_or(u32::MAX),
        )
    }

    /// [`Self::rank`], then declaration order.
    fn most_specific_first(&self, mut queues: Vec<(Idx<Queue>, &Queue)>) -> Vec<Idx<Queue>> {
        queues.sort_by_cached_key(|(id, q)| (self.rank(q), id.index()));
        queues.into_iter().map(|(id, _)| id).collect()
    }

    /// The steps a task served by `queues` (most specific first, as
    /// [`Self::place`] gives them) is offered in: each a set of peer queues
    /// (audit 11, M1: two city queues for one segment on one channel at one
    /// priority), offered the task at once, so that either city's free
    /// worker takes it. Only a `priority` the spec gives makes queues
    /// peers: queues that give none keep declaration order (the bank's
    /// contact centre's e-mail queue before the written-complaints and
    /// disputes teams', audit 5, F1).
    pub fn peer_steps(&self, queues: &[Idx<Queue>]) -> Vec<Vec<Idx<Queue>>> {
        let mut steps: Vec<Vec<Idx<Queue>>> = Vec::new();
        let mut last = None;
        for &q in queues {
            let queue = &self.model.queues[q];
            let rank = queue.priority.map(|_| self.rank(queue));
            match steps.last_mut() {
                Some(step) if rank.is_some() && last == rank => step.push(q),
                _ => steps.push(vec![q]),
            }
            last = rank;
        }
        steps
    }

    /// The queue of `party`'s team that takes `task`: the most specific one
    /// serving the task's segment on its channel.
    pub fn team_queue(&self, party: Party, task: Task) -> Option<Idx<Queue>> {
        let team: Idx<Team> = self.model.team_of(party)?;
        let Place::Served(queues) = self.place(task) else {
            return None;
        };
        queues
            .into_iter()
            .find(|&q| self.model.queues[q].team.as_ref().and_then(|t| t.target) == Some(team))
    }

    /// The queues a complaint task of `owner` is handed over to while the
    /// owner's team is closed (audit 15, H1): when the owner's team (the
    /// owner, or a role owner's team) keeps hours of its own (cxc addition)
    /// and more than one queue serves the task, every queue that serves it
    /// (the owner's among them), sorted. The routing offers the owner's
    /// queue first (for half the acknowledgement, skipped when none of its
    /// people is available), then all of them until the ladder's next
    /// rung; the job descriptions tell the other queues' teams that they
    /// acknowledge those complaints. `None`: a team without hours, a task
    /// one queue serves, or one no queue of the owner's team takes.
    pub fn handover(&self, owner: Party, task: Task) -> Option<Vec<Idx<Queue>>> {
        let own = self.team_queue(owner, task)?;
        self.model.queue_hours(&self.model.queues[own])?;
        let Place::Served(mut queues) = self.place(task) else {
            return None;
        };
        if queues.len() < 2 {
            return None;
        }
        queues.sort();
        Some(queues)
    }
}
