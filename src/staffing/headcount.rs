//! headcount-short: the people a team's queues need *at the same time*
//! against the headcount of its roles.
//!
//! Queues of one team peak at different hours (a morning phone line, an
//! evening chat), so adding up each queue's peak asks for people who would
//! never all be busy. The need is the largest sum over intervals: intervals
//! are matched by where they lie ([`Slot`]: the same instant however the
//! files write it, the same time of a typical day or week), and a queue
//! with one forecast figure needs its people in every interval.

use super::hours::{Schedule, Slot};
use super::week::hours_text;
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Message;
use crate::model::{Crew, Model, Party, Queue, Team};
use crate::msg;
use crate::syntax::Name;
use std::collections::{BTreeMap, BTreeSet, HashMap};

const DAY: i64 = 86_400;

/// One queue's need, interval by interval.
struct QueueNeed<'m> {
    id: &'m Name,
    /// People needed in every interval (a forecast of one figure).
    always: u32,
    /// People needed by interval; the most when an interval repeats.
    at: BTreeMap<Slot, u32>,
    /// How long each interval lasts.
    seconds: u64,
    /// The queue's hours and zone: where its typical intervals fall on a
    /// dated day.
    schedule: Schedule,
    /// Seat-hours over a week, on the same figures.
    week_hours: f64,
}

impl QueueNeed<'_> {
    /// The queue's interval of the form of `at` that covers `at`, and what
    /// it needs.
    fn covering(&self, at: Slot) -> Option<(Slot, u32)> {
        let (low, x) = match at {
            Slot::Instant(t) => (Slot::Instant(i64::MIN), t),
            Slot::Daily(s) => (Slot::Daily(i64::MIN), s),
            Slot::Weekly(s) => (Slot::Weekly(i64::MIN), s),
        };
        let length = i64::try_from(self.seconds).unwrap_or(i64::MAX);
        let (&slot, &n) = self.at.range(low..=at).next_back()?;
        let start = match slot {
            Slot::Instant(t) | Slot::Daily(t) | Slot::Weekly(t) => t,
        };
        (start.saturating_add(length) > x).then_some((slot, n))
    }

    /// What the queue needs at `at`. A time of a typical day is also that
    /// time of each day of a typical week and of each dated day, and a time
    /// of a typical week that time of each dated day on its weekday — on
    /// the queue's own clock (its zone), and only where its channel is open
    /// then (holidays count on a dated day).
    fn need_at(&self, at: Slot) -> u32 {
        let open = |slot: Slot| self.schedule.channel_open_at(slot, self.seconds);
        // A typical interval covering the week's second `w`, placed at
        // `place(its start)`.
        let typical = |w: i64, place: &dyn Fn(i64) -> Slot| {
            let weekly = self
                .covering(Slot::Weekly(w))
                .filter(|&(s, _)| open(place(start_of(s))));
            let daily = self
                .covering(Slot::Daily(w.rem_euclid(DAY)))
                .filter(|&(s, _)| open(place(w - w.rem_euclid(DAY) + start_of(s))));
            weekly.or(daily).map_or(0, |(_, n)| n)
        };
        let here = match at {
            Slot::Instant(t) => match self.covering(at) {
                Some((_, n)) => n,
                None => {
                    let w = self.schedule.week_seconds(t);
                    // The typical interval's start on that dated day.
                    typical(w, &|start| Slot::Instant(t - (w - start)))
                }
            },
            Slot::Daily(_) => self.covering(at).map_or(0, |(_, n)| n),
            Slot::Weekly(w) => typical(w, &Slot::Weekly),
        };
        self.always + here
    }
}

/// Where an interval starts: seconds since 1970, after midnight of a
/// typical day or after Monday 00:00 of a typical week.
fn start_of(slot: Slot) -> i64 {
    match slot {
        Slot::Instant(t) | Slot::Daily(t) | Slot::Weekly(t) => t,
    }
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

/// One interval of a queue, as staffing found it.
pub struct Need<'a> {
    /// Where it lies and its start as written (`None`: every interval).
    pub start: Option<(Slot, &'a str)>,
    pub seconds: u64,
    pub people: u32,
}

impl<'m> TeamNeeds<'m> {
    /// Records what `queue` needs in one interval. Queues without a team
    /// are nobody's to staff. A queue whose seats a role holds counts for
    /// the role and for the team.
    pub fn add(&mut self, model: &Model, queue: &'m Queue, schedule: &Schedule, need: Need) {
        for party in Self::parties(model, queue) {
            self.add_to(party, queue, schedule, &need);
        }
    }

    /// Records the seat-hours a week `queue` needs (after its intervals).
    pub fn add_hours(&mut self, model: &Model, queue: &'m Queue, hours: f64) {
        for party in Self::parties(model, queue) {
            let last = self
                .teams
                .get_mut(&party)
                .and_then(|needs| needs.queues.last_mut())
                .filter(|q| std::ptr::eq(q.id, &queue.header.id));
            if let Some(q) = last {
                q.week_hours = hours;
            }
        }
    }

    /// Whose seats the queue's are: the owner role's (see
    /// [`Model::queue_takers`]) and the team's.
    fn parties(model: &Model, queue: &Queue) -> Vec<Party> {
        let Some(takers) = model.queue_takers(queue) else {
            return Vec::new();
        };
        let role = matches!(takers, Party::Role(_)).then_some(takers);
        let team = queue.team.as_ref().and_then(|t| t.target).map(Party::Team);
        role.into_iter().chain(team).collect()
    }

    fn add_to(&mut self, party: Party, queue: &'m Queue, schedule: &Schedule, need: &Need) {
        let needs = self.teams.entry(party).or_default();
        if let Some((slot, text)) = need.start {
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
                at: BTreeMap::new(),
                seconds: need.seconds,
                schedule: schedule.clone(),
                week_hours: 0.0,
            });
        }
        let q = queues.last_mut().expect("pushed above");
        let slot = match need.start {
            Some((slot, _)) => q.at.entry(slot).or_insert(0),
            None => &mut q.always,
        };
        *slot = (*slot).max(need.people);
    }

    /// headcount-short for every team whose line roles (every role but its
    /// lead; with none, the lead) state a headcount below the most its
    /// queues need at once, and for every role below the most the queues
    /// whose seats it holds need at once. The lead organises the line, it
    /// does not answer. A gap is reported once: a role's finding is the
    /// more specific, so a team is reported only when raising its short
    /// roles' headcount as their findings ask would still leave it short.
    pub fn short_teams(&self, model: &Model) -> Vec<Diagnostic> {
        let mut found = Vec::new();
        // Per team, the people its roles' findings ask for, and the roles.
        let mut by_roles: HashMap<crate::model::Idx<Team>, (u64, Vec<&Name>)> = HashMap::new();
        for (role, r) in model.roles.iter() {
            let Some(Needs { queues, written }) = self.teams.get(&Party::Role(role)) else {
                continue;
            };
            let Some(have) = r.headcount else {
                continue; // no headcount stated: nothing to compare
            };
            let Some(gap) = short(queues, written, u64::from(have)) else {
                continue;
            };
            let more = gap.needed - u64::from(have);
            if let Some(team) = model.team_of(Party::Role(role)) {
                let entry = by_roles.entry(team).or_default();
                entry.0 += more;
                entry.1.push(&r.header.id);
            }
            found.push(
                Diagnostic::new(
                    Code::HeadcountShort,
                    r.header.span,
                    msg!(
                        "headcount-short-role",
                        role = &r.header.id,
                        have = have,
                        needed = gap.needed,
                        when = gap.when,
                        queues = list(&gap.shares),
                        hours = hours_text(gap.week_hours)
                    ),
                )
                .help(msg!("headcount-short-role-help", more = more)),
            );
        }
        let crew = Crew::new(model);
        let mut teams = Vec::new();
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
            let Some(gap) = short(queues, written, have) else {
                continue;
            };
            let (asked, short_roles) = by_roles.get(&team).cloned().unwrap_or_default();
            if have + asked >= gap.needed {
                continue; // the roles' findings say it, more precisely
            }
            // Named when it is left out: a lead who is the team's one role
            // is its line.
            let lead = crew
                .lead(team)
                .filter(|l| !crew.line(team).contains(l))
                .map(|l| &model.roles[l].header.id);
            teams.push(short_team(
                t,
                lead,
                &roles,
                have,
                gap,
                (asked, &short_roles),
            ));
        }
        teams.extend(found);
        teams
    }
}

/// A shortfall: how many seats the queues need at once, each queue's share
/// in the busiest interval, when that is, and the seat-hours of a week.
struct Gap<'m> {
    needed: u64,
    shares: Shares<'m>,
    when: Message,
    week_hours: f64,
}

/// `name n, name n, …`, elided when long.
fn list(items: &[(&Name, u32)]) -> String {
    crate::diagnostic::elide(items.iter().map(|(name, n)| format!("{name} {n}")), ", ")
}

/// Each queue and the seats it needs in one interval.
type Shares<'m> = Vec<(&'m Name, u32)>;

/// The seats `queues` need at once when more than `have`.
fn short<'m>(
    queues: &[QueueNeed<'m>],
    written: &HashMap<Slot, String>,
    have: u64,
) -> Option<Gap<'m>> {
    let (needed, busiest) = busiest(queues);
    if needed <= have {
        return None;
    }
    let shares: Shares<'m> = queues
        .iter()
        .map(|q| {
            let n = busiest.map_or(q.always, |s| q.need_at(s));
            (q.id, n)
        })
        .filter(|&(_, n)| n > 0)
        .collect();
    let when = match busiest.and_then(|slot| written.get(&slot)) {
        Some(start) => msg!("headcount-in-interval", start = start.as_str()),
        None => msg!("headcount-in-every-interval"),
    };
    Some(Gap {
        needed,
        shares,
        when,
        week_hours: queues.iter().map(|q| q.week_hours).sum(),
    })
}

/// The most people the queues need in one interval, and that interval
/// (the earliest among equals; `None` when only one-figure forecasts need
/// people). Every interval some queue names is looked at, each queue
/// needing there what [`QueueNeed::need_at`] says.
fn busiest(queues: &[QueueNeed<'_>]) -> (u64, Option<Slot>) {
    let always: u64 = queues.iter().map(|q| u64::from(q.always)).sum();
    let slots: BTreeSet<Slot> = queues.iter().flat_map(|q| q.at.keys().copied()).collect();
    let mut best: Option<(u64, Slot)> = None;
    for slot in slots {
        let n: u64 = queues.iter().map(|q| u64::from(q.need_at(slot))).sum();
        if best.is_none_or(|(most, _)| n > most) {
            best = Some((n, slot));
        }
    }
    match best {
        Some((n, slot)) => (n, Some(slot)),
        None => (always, None),
    }
}

fn short_team(
    team: &Team,
    lead: Option<&Name>,
    roles: &[(&Name, u32)],
    have: u64,
    gap: Gap,
    (asked, short_roles): (u64, &[&Name]),
) -> Diagnostic {
    let more = gap.needed - have;
    let help = match asked {
        0 => msg!("headcount-short-help", more = more),
        _ => msg!(
            "headcount-short-help-roles",
            more = more,
            asked = asked,
            roles = crate::diagnostic::elide(short_roles.iter(), ", ")
        ),
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
            needed = gap.needed,
            when = gap.when,
            queues = list(&gap.shares),
            hours = hours_text(gap.week_hours)
        ),
    )
    .help(help)
}

#[cfg(test)]
mod tests {
    use super::{busiest, QueueNeed, Schedule, Slot};
    use crate::syntax::Name;

    /// `08:00` as a time of a typical day.
    fn daily(text: &str) -> Slot {
        let (h, m) = text.split_once(':').unwrap();
        Slot::Daily(h.parse::<i64>().unwrap() * 3600 + m.parse::<i64>().unwrap() * 60)
    }

    /// The schedule of channel `line` of `spec` (Moscow office hours
    /// unless the spec says otherwise).
    fn schedule(spec: &str) -> Schedule {
        let mut workspace = crate::loader::load_bytes("spec.cx", spec.as_bytes());
        let (model, _) = crate::model::build(&mut workspace.specs[0]);
        let hours = model
            .channels
            .values()
            .next()
            .and_then(|c| c.hours.as_ref()?.target);
        Schedule::new(&model, hours)
    }

    const MOSCOW_WEEKDAYS: &str =
        "calendar office { timezone \"Europe/Moscow\"; open mon-fri 09:00-18:00 }
channel line { kind phone; hours office }";

    fn queue<'m>(id: &'m Name, always: u32, at: &[(Slot, u32)], hours: &str) -> QueueNeed<'m> {
        QueueNeed {
            id,
            always,
            at: at.iter().copied().collect(),
            seconds: 1800,
            schedule: schedule(hours),
            week_hours: 0.0,
        }
    }

    #[test]
    fn peaks_at_different_hours_do_not_add_up() {
        let (a, b) = (Name::new("morning"), Name::new("evening"));
        let queues = [
            queue(&a, 0, &[(daily("08:00"), 14), (daily("18:00"), 2)], ""),
            queue(&b, 0, &[(daily("08:00"), 2), (daily("18:00"), 14)], ""),
        ];
        assert_eq!(busiest(&queues), (16, Some(daily("08:00"))));
    }

    #[test]
    fn a_constant_forecast_counts_in_every_interval() {
        let (a, b) = (Name::new("line"), Name::new("chat"));
        let queues = [
            queue(&a, 5, &[], ""),
            queue(&b, 0, &[(daily("09:00"), 3), (daily("10:00"), 7)], ""),
        ];
        assert_eq!(busiest(&queues), (12, Some(daily("10:00"))));
        assert_eq!(busiest(&queues[..1]), (5, None));
    }

    /// A typical day's 11:00 is 11:00 of every dated day, on the queue's
    /// own clock, where its channel is open: Monday 2027-01-04 11:00 in
    /// Moscow is 08:00 UTC; Saturday 2027-01-09 the office is closed.
    #[test]
    fn a_typical_day_is_every_dated_day_it_covers_where_its_channel_is_open() {
        let (day, week) = (Name::new("day"), Name::new("week"));
        let monday = Slot::Instant(1_799_020_800 + 8 * 3600); // 2027-01-04T08:00Z
        let saturday = Slot::Instant(1_799_452_800 + 8 * 3600); // 2027-01-09T08:00Z
        let queues = [
            queue(&day, 0, &[(daily("11:00"), 288)], MOSCOW_WEEKDAYS),
            queue(&week, 0, &[(monday, 10), (saturday, 12)], MOSCOW_WEEKDAYS),
        ];
        assert_eq!(queues[0].need_at(monday), 288);
        assert_eq!(queues[0].need_at(saturday), 0);
        assert_eq!(busiest(&queues), (298, Some(monday)));
        // The same typical day, half an hour earlier in its zone: 10:30
        // is not covered by an interval starting at 11:00.
        let early = Slot::Instant(1_799_020_800 + 7 * 3600 + 1800);
        assert_eq!(queues[0].need_at(early), 0);
    }
}
