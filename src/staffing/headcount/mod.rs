//! headcount-short: the people a team's queues need *at the same time*
//! against the headcount of its roles.
//!
//! Queues of one team peak at different hours (a morning phone line, an
//! evening chat), so adding up each queue's peak asks for people who would
//! never all be busy. The need is the largest sum over intervals: intervals
//! are matched by where they lie on one timeline ([`timeline::Moment`]): the same
//! instant however the files write it; a time of a typical day or week on
//! its queue's clock, placed on UTC's at the representative days of
//! [`crate::model::zones`] (mid-January and mid-July: a typical day has no
//! date, so both sides of daylight saving count), so that a Manila line's
//! 09:00 meets a Sydney line's 11:00 or 12:00, not its 09:00. A queue with
//! one forecast figure needs its people in every interval.
//!
//! - `timeline`: the common timeline and the busiest moment on it.

mod timeline;

use super::hours::{Schedule, Slot};
use super::week::hours_arg;
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Message;
use crate::model::{Crew, Model, Party, Queue, Team};
use crate::msg;
use crate::syntax::Name;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use timeline::{busiest, seasons, Moment, QueueNeed};

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
pub struct TeamNeeds<'m> {
    teams: HashMap<Party, Needs<'m>>,
    /// The parties a need is kept for: those with a `headcount` to hold it
    /// against (roles stating one, teams whose line roles do). The others'
    /// intervals are never compared, so nothing of them is kept.
    compared: HashSet<Party>,
}

/// One interval of a queue, as staffing found it.
pub struct Need<'a> {
    /// Where it lies and its start as written (`None`: every interval).
    pub start: Option<(Slot, &'a str)>,
    pub seconds: u64,
    pub people: u32,
}

impl<'m> TeamNeeds<'m> {
    /// Needs kept for the parties of `model` that state a headcount.
    pub fn new(model: &Model) -> TeamNeeds<'m> {
        let crew = Crew::new(model);
        let roles = model
            .roles
            .iter()
            .filter(|(_, r)| r.headcount.is_some())
            .map(|(id, _)| Party::Role(id));
        let teams = model
            .teams
            .iter()
            .filter(|&(team, _)| {
                crew.line(team)
                    .into_iter()
                    .any(|r| model.roles[r].headcount.is_some())
            })
            .map(|(id, _)| Party::Team(id));
        TeamNeeds {
            teams: HashMap::new(),
            compared: roles.chain(teams).collect(),
        }
    }

    /// Records what `queue` needs in one interval. Queues without a team
    /// are nobody's to staff. A queue whose seats a role holds counts for
    /// the role and for the team.
    pub fn add(&mut self, model: &Model, queue: &'m Queue, schedule: &Arc<Schedule>, need: Need) {
        for party in Self::parties(model, queue) {
            if self.compared.contains(&party) {
                self.add_to(party, queue, schedule, &need);
            }
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

    fn add_to(&mut self, party: Party, queue: &'m Queue, schedule: &Arc<Schedule>, need: &Need) {
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
                offsets: crate::model::zones::representative_instants()
                    .map(|at| schedule.offset_at(at))
                    .collect(),
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
    ///
    /// A team whose seats at one moment are covered is then asked the
    /// weekly question ([`super::people::short_week`]): its queues'
    /// seat-hours a week against its people at `working_week` hours each.
    pub fn short_teams(&self, model: &Model, working_week: u32) -> Vec<Diagnostic> {
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
                        hours = hours_arg(gap.week_hours)
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
                let weekly: Vec<(&Name, f64)> =
                    queues.iter().map(|q| (q.id, q.week_hours)).collect();
                teams.extend(super::people::short_week(
                    t,
                    &roles,
                    have,
                    &weekly,
                    working_week,
                ));
                continue;
            };
            let (asked, short_roles) = by_roles.get(&team).cloned().unwrap_or_default();
            if have + asked >= gap.needed {
                continue; // the roles' findings say it, more precisely
            }
            // Named when they are left out: the lead, and the supervisory
            // roles the line reports to (a lead who is the team's one role
            // is its line).
            let line = crew.line(team);
            let lead = crew
                .lead(team)
                .filter(|l| !line.contains(l))
                .map(|l| &model.roles[l].header.id);
            let supervisors: Vec<&Name> = model
                .roles
                .iter()
                .filter(|&(r, role)| {
                    crew.supervisory(r)
                        && !line.contains(&r)
                        && role.team.as_ref().and_then(|t| t.target) == Some(team)
                })
                .map(|(_, role)| &role.header.id)
                .collect();
            teams.push(short_team(
                t,
                (lead, &supervisors),
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
fn list(items: &[(&Name, u32)]) -> crate::i18n::Arg {
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
            let n = busiest.map_or(q.always, |b| q.need_at(b.moment));
            (q.id, n)
        })
        .filter(|&(_, n)| n > 0)
        .collect();
    let when = match busiest.and_then(|b| Some((b, written.get(&b.slot)?))) {
        None => msg!("headcount-in-every-interval"),
        Some((b, start)) => {
            // The clock the start is read on: the busiest queue's. A dated
            // start that writes its offset needs none.
            let zone = queues[b.queue].schedule.zone().iana_name().unwrap_or("UTC");
            match b.moment {
                Moment::Typical { season, .. } => msg!(
                    "headcount-in-zone-interval",
                    start = start.as_str(),
                    zone = crate::i18n::Arg::Zone(zone.to_string()),
                    season = season_note(queues, season)
                ),
                Moment::Instant(_) if writes_offset(start) => {
                    msg!("headcount-in-interval", start = start.as_str())
                }
                Moment::Instant(_) => msg!(
                    "headcount-in-zone-interval",
                    start = start.as_str(),
                    zone = crate::i18n::Arg::Zone(zone.to_string()),
                    season = ""
                ),
            }
        }
    };
    Some(Gap {
        needed,
        shares,
        when,
        week_hours: queues.iter().map(|q| q.week_hours).sum(),
    })
}

/// Whether a dated start writes its offset (`2027-10-03T03:00+11:00`,
/// `…T03:00Z`, `…T03:00-05:00`): then it names its own clock.
fn writes_offset(start: &str) -> bool {
    let time = start.rsplit(['T', ' ']).next().unwrap_or(start);
    time.ends_with('Z') || time.contains('+') || time.contains('-')
}

/// The season a typical interval falls in, said only when it matters: when
/// the queues' clocks are apart by different amounts in January and in July
/// (outside audit 9, D12). Then it says how far apart they are that month,
/// or that they agree. Queues that all keep one clock, or clocks a fixed
/// distance apart, get no season.
fn season_note(queues: &[QueueNeed<'_>], season: usize) -> crate::i18n::Arg {
    if seasons(queues).len() < 2 {
        return "".into();
    }
    let month = if season == 0 { "january" } else { "july" };
    let offsets = queues.iter().map(|q| q.offsets[season]);
    let apart = offsets.clone().max().unwrap_or(0) - offsets.min().unwrap_or(0);
    match u64::try_from(apart) {
        Ok(apart) if apart > 0 => msg!(
            "headcount-season-apart",
            month = month,
            apart = crate::i18n::Arg::seconds(apart, false)
        )
        .into(),
        _ => msg!("headcount-season-same", month = month).into(),
    }
}

fn short_team(
    team: &Team,
    (lead, supervisors): (Option<&Name>, &[&Name]),
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
            lead = match (lead, supervisors.is_empty()) {
                (_, false) => msg!(
                    "headcount-supervisors-not-counted",
                    roles = crate::diagnostic::elide(
                        lead.iter()
                            .chain(supervisors)
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .iter(),
                        ", "
                    )
                )
                .into(),
                (Some(lead), true) => msg!("headcount-lead-not-counted", lead = lead).into(),
                (None, true) => crate::i18n::Arg::from(""),
            },
            have = have,
            roles = list(roles),
            needed = gap.needed,
            when = gap.when,
            queues = list(&gap.shares),
            hours = hours_arg(gap.week_hours)
        ),
    )
    .help(help)
}
