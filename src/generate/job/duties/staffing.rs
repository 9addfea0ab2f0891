//! The lead's staffing of its team's queues: to the forecast's busiest
//! interval, else to the queue's targets. A target a queue's line states is
//! not stated again as the team's target line (audit 13, M5: fourteen
//! staffing lines for four queues).

use super::{Duties, Group};
use crate::generate::job::phrases::{AnswerGoal, PATIENCE_BOUND};
use crate::generate::job::work::Via;
use crate::generate::words::{self, Unit};
use crate::model::{Channel, Idx, Queue, Segment, Sla, Team};
use crate::syntax::values::trim_float;
use std::collections::BTreeSet;

impl Duties<'_> {
    /// The lead staffs each of its team's queues: to the forecast's busiest
    /// interval when the queue has one, else to the queue's targets.
    pub(super) fn staffing(&mut self, team: Idx<Team>) {
        let m = self.w.model;
        let en = self.say.en;
        for (id, queue) in m.queues.iter() {
            if queue.team.as_ref().and_then(|t| t.target) != Some(team) {
                continue;
            }
            let Some(channel) = queue.channel.as_ref().and_then(|c| c.target) else {
                continue;
            };
            let name = self.q(queue.header.label());
            let c = self.q(m.channels[channel].header.label());
            // The hours the queue is worked, where the team or queue has
            // its own (a centre's share of a 24x7 line): the seat-hours
            // and targets below are for those hours (audit 13 H1c).
            let worked = m
                .queue_hours(queue)
                .map(|h| self.on_duty(h, Via::Lead(team)));
            let (c, tail) = match worked {
                Some(note) => (format!("{c}, {note},"), format!("{c}, {note}")),
                None => (c.clone(), c),
            };
            let declared = queue.agents.map_or(String::new(), |a| {
                let n = words::count(u64::from(a.value), Unit::Agent, self.w.language);
                if en {
                    format!("; the queue plans {n}")
                } else {
                    // «запланирован 1 оператор», «запланировано 3
                    // оператора» (audit 17: «запланировано 1 оператор»).
                    let planned = crate::i18n::durations::russian_plural(
                        u64::from(a.value),
                        "запланирован",
                        "запланировано",
                        "запланировано",
                    );
                    format!("; в очереди {planned} {n}")
                }
            });
            let plan = self
                .plans
                .binary_search_by_key(&id, |p| p.queue)
                .ok()
                .map(|i| &self.plans[i]);
            let peak = plan.and_then(|p| Some((p.peak_required_agents()?, p.target?, p)));
            let text = if let Some((n, target, plan)) = peak {
                let n = words::count(u64::from(n), Unit::Agent, self.w.language);
                // What hiring needs: the seats' hours over a week.
                let hours = crate::staffing::week::hours_text(
                    plan.summary.seat_hours.per_week(),
                    self.w.language,
                );
                // The target runs on its SLA's clock, not the channel's
                // opening hours (a 24x7 line may carry an office-hours SLA).
                let sla = &m.slas[target.sla];
                let within = self.timed(target.within, sla.hours.as_ref());
                // Whose target it is: a shared line staffs to the strictest
                // of several segments' targets.
                let (whose, segments) = self.segments_of(sla, queue);
                if let Some(i) = sla.answers.iter().position(|a| a.span == target.span) {
                    for s in segments {
                        self.stated.insert((team, s, channel, target.sla, true, i));
                    }
                }
                // Who holds the seats: the role that owns the channel, else
                // the team's line (as headcount-short and TaskRouter read it).
                let who = match m.queue_takers(queue) {
                    Some(crate::model::Party::Role(r)) => {
                        let role = self.q(m.roles[r].header.label());
                        if en {
                            format!(" (all of them {role})")
                        } else {
                            format!(" (все — {role})")
                        }
                    }
                    _ => String::new(),
                };
                let patience = queue
                    .patience
                    .map(|p| p.value)
                    .filter(|p| target.within_seconds >= PATIENCE_BOUND * p.seconds().max(1))
                    .map(|p| words::duration_genitive(p, self.w.language));
                let goal = self.say.answer_goal(&AnswerGoal {
                    percent: target.percent,
                    whose: &whose,
                    within: &within,
                    patience,
                });
                if en {
                    format!("Plan the staffing of the queue {name} on {c} from the forecast: at least {n}{who} on duty at the same time in the busiest interval — seats filled at once, not people: shifts, days off and leave need more; {hours} seat-hours a week (divided by the hours one person works a week: the fewest people before days off and leave) — so that {goal}{declared}.")
                } else {
                    format!("Планировать численность очереди {name} канала {c} по прогнозу: в самый загруженный интервал на линии одновременно нужно {n}{who} — это места, занятые в один момент, а не люди: на смены, выходные и отпуска людей нужно больше; за неделю — {hours} место-ч (делённые на недельные часы работы одного сотрудника, они дают наименьшее число людей без учёта выходных и отпусков), — чтобы {goal}{declared}.")
                }
            } else {
                let targets = self.queue_targets(team, queue, channel);
                match (en, targets.is_empty()) {
                    (true, false) => format!("Plan the staffing of the queue {name} on {c} so that it meets its targets: {}{declared}.", targets.join("; ")),
                    (false, false) => format!("Планировать численность очереди {name} канала {c} так, чтобы выполнялись её целевые показатели: {}{declared}.", targets.join("; ")),
                    (true, true) => format!("Plan the staffing of the queue {name} on {tail}{declared}."),
                    (false, true) => format!("Планировать численность очереди {name} канала {tail}{declared}."),
                }
            };
            self.push(Group::Organise, "staffing", Via::Lead(team), text);
        }
    }

    /// The segments of `sla` whose contacts `queue` takes, quoted: "the
    /// segment «Gold»" / "сегмента «Gold»" (several: "the segments …"),
    /// and those of them whose contacts it takes.
    fn segments_of(&self, sla: &Sla, queue: &Queue) -> (String, Vec<Idx<Segment>>) {
        let m = self.w.model;
        let taken = m.queue_segments(queue);
        let mine: Vec<Idx<Segment>> = m
            .served(&sla.segments)
            .filter(|s| taken.contains(s))
            .collect();
        let named: Vec<Idx<Segment>> = if mine.is_empty() {
            m.served(&sla.segments).collect()
        } else {
            mine.clone()
        };
        let names: Vec<String> = named
            .iter()
            .map(|&s| self.q(m.segments[s].header.label()))
            .collect();
        let list = names.join(", ");
        let whose = match (self.say.en, names.len() > 1) {
            (true, false) => format!("the segment {list}"),
            (true, true) => format!("the segments {list}"),
            (false, false) => format!("сегмента {list}"),
            (false, true) => format!("сегментов {list}"),
        };
        (whose, mine)
    }

    /// The answer and first-response targets of a queue's segments on its
    /// channel, each once; each is [`Duties::stated`] for the team.
    fn queue_targets(
        &mut self,
        team: Idx<Team>,
        queue: &Queue,
        channel: Idx<Channel>,
    ) -> Vec<String> {
        let m = self.w.model;
        let en = self.say.en;
        let mut out: Vec<String> = Vec::new();
        for segment in m.queue_segments(queue) {
            // Each target names its segment: a queue shared by segments
            // with different targets must say which target is whose.
            let s = self.q(m.segments[segment].header.label());
            if !m.target_applies(segment, Some(channel)) {
                continue;
            }
            for (sla_id, sla) in m.slas_of(segment) {
                let hours = sla.hours.as_ref();
                for (i, a) in sla.answers.iter().enumerate() {
                    if a.channel.target != Some(channel) {
                        continue;
                    }
                    self.stated
                        .insert((team, segment, channel, sla_id, true, i));
                    let p = trim_float(a.percent.value());
                    let within = self.timed(a.within, hours);
                    out.push(if en {
                        format!("for the segment {s}, {p}% of contacts answered within {within}")
                    } else {
                        format!("для сегмента {s} — {p}% обращений с ответом в течение {within}")
                    });
                }
                for (i, f) in sla.first_responses.iter().enumerate() {
                    if f.channel.target != Some(channel) {
                        continue;
                    }
                    self.stated
                        .insert((team, segment, channel, sla_id, false, i));
                    let within = self.timed(f.within, hours);
                    out.push(if en {
                        format!("for the segment {s}, a first response within {within}")
                    } else {
                        format!("для сегмента {s} — первый ответ в течение {within}")
                    });
                }
            }
        }
        let mut seen = BTreeSet::new();
        out.retain(|t| seen.insert(t.clone()));
        out
    }
}
