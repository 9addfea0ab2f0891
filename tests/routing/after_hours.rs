//! Invariant 7 (audit 5, F1): where a task finally waits, at any hour of
//! the week, is a queue whose agents were available when the task reached
//! it, or the task's own first queue — never another team's queue whose
//! agents are away, nor a lower tier's queue while its own opens later.
//!
//! Who is available when, from the spec as routing.json states it and from
//! TaskRouter's documented meaning of `workers.available` (the TaskQueue's
//! workers in an available activity, <https://www.twilio.com/docs/taskrouter/worker-presence>):
//! a TaskQueue's workers are its team's (`target_workers`), at work in the
//! queue's own `hours`, else its team's (cxc addition), else while the
//! `hours` of a channel one of its queues takes is open (a
//! queue without a channel: the channels its segments use); a channel
//! without `hours`, always. A queue without a team takes every worker: it
//! has people while any team is at work. A queue the spec does not declare
//! (the fallback) is the admin's and always has people.

use super::invariants::Facts;
use super::twilio::{self, Moment};
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde_json::Value;
use std::collections::BTreeMap;

/// Mondays (UTC) a weekly moment is placed in: winter, summer, and the week
/// of the new year, whose holidays close calendars.
const WEEKS: [(i16, i8, i8); 3] = [(2026, 1, 5), (2026, 7, 6), (2026, 12, 28)];

struct Calendar<'a> {
    value: &'a Value,
    zone: TimeZone,
}

impl Calendar<'_> {
    fn open(&self, at: Timestamp) -> bool {
        let cal = self.value;
        let closed = cal["closed"].as_array().map_or(0, Vec::len);
        if cal["always_open"] == true && closed == 0 {
            return true;
        }
        let local = at.to_zoned(self.zone.clone());
        let date = local.date().to_string();
        if cal["closed"]
            .as_array()
            .is_some_and(|c| c.iter().any(|d| d == date.as_str()))
        {
            return false;
        }
        let day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            [local.weekday().to_monday_zero_offset() as usize];
        let minute = i64::from(local.hour()) * 60 + i64::from(local.minute());
        let at_minute = |text: &str| {
            let (h, m) = text.split_once(':').unwrap();
            h.parse::<i64>().unwrap() * 60 + m.parse::<i64>().unwrap()
        };
        cal["week"][day].as_array().is_some_and(|ranges| {
            ranges.iter().any(|r| {
                let (from, to) = r.as_str().unwrap().split_once('-').unwrap();
                at_minute(from) <= minute && minute < at_minute(to)
            })
        })
    }
}

/// A queue of a TaskQueue: its team (`None`: no team) and its own `hours`
/// calendar, if it has one.
type Member<'a> = (Option<&'a str>, Option<&'a str>);

/// Who works when: per team (`None`: a queue without a team), the calendars
/// of the channels its queues take (`None`: always open).
pub struct Staffing<'a> {
    calendars: BTreeMap<&'a str, Calendar<'a>>,
    hours: BTreeMap<Option<&'a str>, Vec<Option<&'a str>>>,
    /// TaskQueue SID → teams of its queues (`None`: no team), each with
    /// the queue's own `hours` when it has them: one for a queue of the
    /// spec, each of its queues' for a waiting queue.
    team_of: BTreeMap<&'a str, Vec<Member<'a>>>,
    /// TaskQueue SID → the spec's queues it takes the workers of.
    pub members: BTreeMap<&'a str, Vec<&'a str>>,
}

impl<'a> Staffing<'a> {
    pub fn new(routing: &'a Value, task_queues: &'a Value) -> Self {
        let list = |v: &'a Value, key: &str| v[key].as_array().map_or(&[][..], Vec::as_slice);
        let calendars = list(routing, "calendars")
            .iter()
            .map(|c| {
                let zone = c["timezone"]
                    .as_str()
                    .and_then(|z| TimeZone::get(z).ok())
                    .unwrap_or(TimeZone::UTC);
                (c["id"].as_str().unwrap(), Calendar { value: c, zone })
            })
            .collect();
        let channel_hours = |channel: &str| -> Option<&'a str> {
            list(routing, "channels")
                .iter()
                .find(|c| c["id"] == channel)
                .and_then(|c| c["hours"].as_str())
        };
        let mut hours: BTreeMap<Option<&str>, Vec<Option<&str>>> = BTreeMap::new();
        let mut team_of = BTreeMap::new();
        for q in list(routing, "queues") {
            let team = q["team"].as_str();
            let channels: Vec<&str> = match q["channel"].as_str() {
                Some(c) => vec![c],
                None => list(routing, "segments")
                    .iter()
                    .filter(|s| list(q, "segments").contains(&s["id"]))
                    .flat_map(|s| list(s, "channels").iter().filter_map(Value::as_str))
                    .collect(),
            };
            let mut cals: Vec<Option<&str>> = channels.into_iter().map(channel_hours).collect();
            if cals.is_empty() {
                cals.push(None);
            }
            hours.entry(team).or_default().extend(cals);
            if let Some(tq) = task_queues
                .as_array()
                .into_iter()
                .flatten()
                .find(|t| t["queue"] == q["id"])
            {
                team_of.insert(
                    tq["sid"].as_str().unwrap(),
                    vec![(team, q["hours"].as_str())],
                );
            }
        }
        // A waiting queue (audit 9, D1): named by its queues' ids joined by
        // `+`; it has people while any of theirs does.
        let mut members = BTreeMap::new();
        for tq in task_queues.as_array().into_iter().flatten() {
            let (name, sid) = (tq["queue"].as_str().unwrap(), tq["sid"].as_str().unwrap());
            let queue = |id: &str| list(routing, "queues").iter().find(|q| q["id"] == id);
            let parts: Vec<&str> = if queue(name).is_some() {
                vec![name]
            } else {
                name.split('+').collect()
            };
            if parts.iter().all(|p| queue(p).is_some()) {
                let teams = parts
                    .iter()
                    .map(|p| {
                        let q = queue(p).unwrap();
                        (q["team"].as_str(), q["hours"].as_str())
                    })
                    .collect();
                team_of.insert(sid, teams);
                members.insert(sid, parts);
            }
        }
        // A team's `hours` (cxc addition): its people work them, whatever
        // the channels its queues take.
        for t in list(routing, "teams") {
            if let (Some(team), Some(cal)) = (t["id"].as_str(), t["hours"].as_str()) {
                hours.insert(Some(team), vec![Some(cal)]);
            }
        }
        Staffing {
            calendars,
            hours,
            team_of,
            members,
        }
    }

    /// Staffing by each team's own calendar (`team` id → calendar id), as a
    /// follow-the-sun hub works its local hours, not the channel's.
    pub fn with_team_hours(mut self, teams: &[(&'a str, &'a str)]) -> Self {
        for &(team, calendar) in teams {
            self.hours.insert(Some(team), vec![Some(calendar)]);
        }
        self
    }

    fn team_at_work(&self, team: Option<&str>, at: Timestamp) -> bool {
        let open = |cal: &Option<&str>| cal.is_none_or(|c| self.calendars[c].open(at));
        match team {
            // `1 == 1`: every worker of the workspace.
            None => self.hours.values().flatten().any(open),
            Some(_) => self.hours[&team].iter().any(open),
        }
    }

    /// Whether the TaskQueue `sid` has a worker available at `at`.
    pub fn available(&self, sid: &str, at: Timestamp) -> bool {
        match self.team_of.get(sid) {
            Some(teams) => teams.iter().any(|&(team, own)| match own {
                Some(cal) => self.calendars[cal].open(at),
                None => self.team_at_work(team, at),
            }),
            None => true,
        }
    }
}

/// The UTC instant of a weekly moment in the week starting `monday`.
fn instant(monday: (i16, i8, i8), now: Moment) -> Timestamp {
    let start = jiff::civil::date(monday.0, monday.1, monday.2)
        .at(0, 0, 0, 0)
        .to_zoned(TimeZone::UTC)
        .unwrap()
        .timestamp();
    let seconds = now.day as i64 * 86_400 + i64::from(now.minute) * 60;
    start + jiff::SignedDuration::from_secs(seconds)
}

/// Invariant 7 on one build, for every ordinary task at every moment the
/// other invariants try, in each week of [`WEEKS`].
pub fn check(facts: &Facts, what: &str) {
    let built = facts.built;
    let workflow = &built.workflow;
    let staffing = Staffing::new(&built.routing, &built.queues);
    let moments = facts.moments();
    for (seg, ch) in facts.tasks() {
        let task = facts.task(seg, ch, None);
        let serving = facts.serving(seg, ch);
        for &now in &moments {
            // Its own first queue: where it goes when everybody is there.
            let Some(own) = twilio::route(workflow, &task, now, 0, &|_| false) else {
                continue;
            };
            for monday in WEEKS {
                let created = instant(monday, now);
                let at = |secs: u64| created + jiff::SignedDuration::from_secs(secs as i64);
                let empty = |queue: &str, secs: u64| !staffing.available(queue, at(secs));
                let Some(end) =
                    twilio::route_when(workflow, &task, now, facts.lifetime - 1, &empty)
                else {
                    panic!("{what}: {seg} on {ch} created {created} is dropped before its lifetime ends");
                };
                // Invariant 10 (audit 9, D1): where the task waits for good
                // takes the workers of every queue that serves it, so whichever
                // has a free worker first takes it.
                if end.last {
                    let waits_for = staffing.members.get(end.queue.as_str());
                    for q in &serving {
                        assert!(
                            waits_for.is_some_and(|m| m.contains(q))
                                || end.queue == own.queue && serving.len() == 1,
                            "{what}: {seg} on {ch} created {created} waits for good in {}, \
                             which {q}'s workers, who serve it, cannot take from",
                            end.queue
                        );
                    }
                }
                assert!(
                    end.queue == own.queue
                        || staffing.available(&end.queue, at(end.entered))
                        || end.last,
                    "{what}: {seg} on {ch} created {created} ends in {} (entered after {} s), \
                     whose agents are away then, not in its own queue {}",
                    end.queue,
                    end.entered,
                    own.queue
                );
            }
        }
    }
}
