//! headcount-short: the people a team's queues need *at the same time*
//! against the headcount of its roles.
//!
//! Queues of one team peak at different hours (a morning phone line, an
//! evening chat), so adding up each queue's peak asks for people who would
//! never all be busy. The need is the largest sum over intervals: intervals
//! are matched by where they lie ([`Slot`]: the same instant however the
//! files write it, the same time of a typical day or week), and a queue
//! with one forecast figure needs its people in every interval.

use super::hours::Slot;
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Message;
use crate::model::{Crew, Model, Party, Queue, Team};
use crate::msg;
use crate::syntax::Name;
use std::collections::HashMap;

/// One queue's need, interval by interval.
struct QueueNeed<'m> {
    id: &'m Name,
    /// People needed in every interval (a forecast of one figure).
    always: u32,
    /// People needed by interval; the most when an interval repeats.
    at: HashMap<Slot, u32>,
}

/// One team's queues, and how the first forecast to name each interval
/// wrote its start (the finding quotes it).
#[derive(Default)]
struct Needs<'m> {
    queues: Vec<QueueNeed<'m>>,
    written: HashMap<Slot, String>,
}

/// What each team's queues need, gathered while the queues are staffed;
/// and apart, what the queues whose seats a role holds (its team's queues
/// on a channel it owns, [`Model::channel_takers`]) need of that role.
#[derive(Default)]
pub struct TeamNeeds<'m> {
    teams: HashMap<Party, Needs<'m>>,
}

impl<'m> TeamNeeds<'m> {
    /// Records what `queue` needs in one interval, where it lies and its
    /// start as written (`None`: every interval). Queues without a team
    /// are nobody's to staff. A queue whose seats a role holds counts for
    /// the role and for the team.
    pub fn add(
        &mut self,
        model: &Model,
        queue: &'m Queue,
        start: Option<(Slot, &str)>,
        people: u32,
    ) {
        let Some(takers) = model.queue_takers(queue) else {
            return;
        };
        if let Party::Role(_) = takers {
            self.add_to(takers, queue, start, people);
        }
        if let Some(team) = queue.team.as_ref().and_then(|t| t.target) {
            self.add_to(Party::Team(team), queue, start, people);
        }
    }

    fn add_to(&mut self, party: Party, queue: &'m Queue, start: Option<(Slot, &str)>, people: u32) {
        let needs = self.teams.entry(party).or_default();
        if let Some((slot, text)) = start {
            needs
                .written
                .entry(slot)
                .or_insert_with(|| text.to_string());
        }
        let queues = &mut needs.queues;
        if queues
            .last()
            .is_none_or(|q| !std::ptr::eq(q.id, &queue.header.id))
        {
            queues.push(QueueNeed {
                id: &queue.header.id,
                always: 0,
                at: HashMap::new(),
            });
        }
        let need = queues.last_mut().expect("pushed above");
        let slot = match start {
            Some((slot, _)) => need.at.entry(slot).or_insert(0),
            None => &mut need.always,
        };
        *slot = (*slot).max(people);
    }

    /// headcount-short for every team whose line roles (every role but its
    /// lead; with none, the lead) state a headcount below the most its
    /// queues need at once. The lead organises the line, it does not answer.
    pub fn short_teams(&self, model: &Model) -> Vec<Diagnostic> {
        let mut found = Vec::new();
        let crew = Crew::new(model);
        for (team, t) in model.teams.iter() {
            let Some(Needs { queues, written }) = self.teams.get(&Party::Team(team)) else {
                continue;
            };
            // The line roles answer the queues; the lead organises them.
            let roles: Vec<(&Name, u32)> = crew
                .line(team)
                .into_iter()
                .map(|r| &model.roles[r])
                .filter_map(|r| Some((&r.header.id, r.headcount?)))
                .collect();
            if roles.is_empty() {
                continue; // no headcount stated: nothing to compare
            }
            let have: u64 = roles.iter().map(|&(_, n)| u64::from(n)).sum();
            let Some((needed, at_busiest, when)) = short(queues, written, have) else {
                continue;
            };
            // Named when it is left out: a lead who is the team's one role
            // is its line.
            let lead = crew
                .lead(team)
                .filter(|l| !crew.line(team).contains(l))
                .map(|l| &model.roles[l].header.id);
            found.push(short_team(t, lead, &roles, &at_busiest, have, needed, when));
        }
        for (role, r) in model.roles.iter() {
            let Some(Needs { queues, written }) = self.teams.get(&Party::Role(role)) else {
                continue;
            };
            let Some(have) = r.headcount else {
                continue; // no headcount stated: nothing to compare
            };
            let Some((needed, at_busiest, when)) = short(queues, written, u64::from(have)) else {
                continue;
            };
            let list = crate::diagnostic::elide(
                at_busiest.iter().map(|(name, n)| format!("{name} {n}")),
                ", ",
            );
            found.push(
                Diagnostic::new(
                    Code::HeadcountShort,
                    r.header.span,
                    msg!(
                        "headcount-short-role",
                        role = &r.header.id,
                        have = have,
                        needed = needed,
                        when = when,
                        queues = list
                    ),
                )
                .help(msg!(
                    "headcount-short-role-help",
                    more = needed - u64::from(have)
                )),
            );
        }
        found
    }
}

/// Each queue and the seats it needs in one interval.
type Shares<'m> = Vec<(&'m Name, u32)>;

/// The seats `queues` need at once when more than `have`: how many, each
/// queue's share in the busiest interval, and when that is.
fn short<'m>(
    queues: &[QueueNeed<'m>],
    written: &HashMap<Slot, String>,
    have: u64,
) -> Option<(u64, Shares<'m>, Message)> {
    let (needed, busiest) = busiest(queues);
    if needed <= have {
        return None;
    }
    let at_busiest: Vec<(&Name, u32)> = queues
        .iter()
        .map(|q| {
            let there = busiest.and_then(|s| q.at.get(&s)).copied().unwrap_or(0);
            (q.id, q.always + there)
        })
        .filter(|&(_, n)| n > 0)
        .collect();
    let when = match busiest.and_then(|slot| written.get(&slot)) {
        Some(start) => msg!("headcount-in-interval", start = start.as_str()),
        None => msg!("headcount-in-every-interval"),
    };
    Some((needed, at_busiest, when))
}

/// The most people the queues need in one interval, and that interval
/// (the earliest among equals; `None` when only one-figure forecasts need
/// people).
fn busiest(queues: &[QueueNeed<'_>]) -> (u64, Option<Slot>) {
    let always: u64 = queues.iter().map(|q| u64::from(q.always)).sum();
    let mut at: HashMap<Slot, u64> = HashMap::new();
    for q in queues {
        for (&slot, &n) in &q.at {
            *at.entry(slot).or_insert(0) += u64::from(n);
        }
    }
    let best = at
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
    match best {
        Some((start, n)) => (always + n, Some(start)),
        None => (always, None),
    }
}

#[allow(clippy::too_many_arguments)]
fn short_team(
    team: &Team,
    lead: Option<&Name>,
    roles: &[(&Name, u32)],
    queues: &[(&Name, u32)],
    have: u64,
    needed: u64,
    when: Message,
) -> Diagnostic {
    let list = |items: &[(&Name, u32)]| {
        crate::diagnostic::elide(items.iter().map(|(name, n)| format!("{name} {n}")), ", ")
    };
    Diagnostic::new(
        Code::HeadcountShort,
        team.header.span,
        msg!(
            "headcount-short",
            team = &team.header.id,
            lead = match lead {
                Some(lead) => msg!("headcount-lead-not-counted", lead = lead).into(),
                None => crate::i18n::Arg::from(""),
            },
            have = have,
            roles = list(roles),
            needed = needed,
            when = when,
            queues = list(queues)
        ),
    )
    .help(msg!("headcount-short-help", more = needed - have))
}

#[cfg(test)]
mod tests {
    use super::{busiest, QueueNeed, Slot};
    use crate::syntax::Name;
    use std::collections::HashMap;

    /// `08:00` as a time of a typical day.
    fn daily(text: &str) -> Slot {
        let (h, m) = text.split_once(':').unwrap();
        Slot::Daily(h.parse::<i64>().unwrap() * 3600 + m.parse::<i64>().unwrap() * 60)
    }

    fn queue<'m>(id: &'m Name, always: u32, at: &[(&str, u32)]) -> QueueNeed<'m> {
        QueueNeed {
            id,
            always,
            at: at
                .iter()
                .map(|&(s, n)| (daily(s), n))
                .collect::<HashMap<_, _>>(),
        }
    }

    #[test]
    fn peaks_at_different_hours_do_not_add_up() {
        let (a, b) = (Name::new("morning"), Name::new("evening"));
        let queues = [
            queue(&a, 0, &[("08:00", 14), ("18:00", 2)]),
            queue(&b, 0, &[("08:00", 2), ("18:00", 14)]),
        ];
        assert_eq!(busiest(&queues), (16, Some(daily("08:00"))));
    }

    #[test]
    fn a_constant_forecast_counts_in_every_interval() {
        let (a, b) = (Name::new("line"), Name::new("chat"));
        let queues = [
            queue(&a, 5, &[]),
            queue(&b, 0, &[("09:00", 3), ("10:00", 7)]),
        ];
        assert_eq!(busiest(&queues), (12, Some(daily("10:00"))));
        assert_eq!(busiest(&queues[..1]), (5, None));
    }
}
