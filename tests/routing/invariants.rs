//! The invariants every export must keep, checked with the evaluators in
//! `twilio.rs` and `zendesk.rs` against the spec as `routing.json` states
//! it (segments, channels, queues, tiers, targets, calendars, ladders).

use super::twilio::{self, Moment};
use super::wall::{Bounds, Limit};
use super::zendesk::{self, Ticket};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// One build's outputs and what it said.
pub struct Built {
    pub routing: Value,
    pub workflow: Value,
    pub queues: Value,
    pub policies: Value,
    pub schedules: Value,
    pub stderr: String,
    /// `exports` of the cxc.yaml used, if any.
    pub config: Value,
}

impl Built {
    pub fn read(out: &Path, stderr: String, config: Value) -> Built {
        let read = |f: &str| -> Value {
            // An older cxc writes no TaskQueues: read as none.
            let Ok(text) = std::fs::read_to_string(out.join("routing").join(f)) else {
                return Value::Array(Vec::new());
            };
            serde_json::from_str(&text).unwrap()
        };
        Built {
            routing: read("routing.json"),
            workflow: read("taskrouter-workflow.json"),
            queues: read("taskrouter-queues.json"),
            policies: read("zendesk-sla-policies.json"),
            schedules: read("zendesk-schedules.json"),
            stderr,
            config,
        }
    }

    /// Is there an `inexact-export` warning whose text names `word` (in
    /// backticks)?
    pub fn inexact_names(&self, word: &str) -> bool {
        self.inexact_names_for("", word)
    }

    /// Whether an `inexact-export` about `system` (its message names it)
    /// names `word`.
    pub fn inexact_names_for(&self, system: &str, word: &str) -> bool {
        let text = self.stderr.replace("\n  │ ", " ");
        text.split("inexact-export").skip(1).any(|d| {
            let message = d.split("help:").next().unwrap_or("");
            message.contains(&format!("`{word}`")) && message.contains(system)
        })
    }
}

/// A list of routing.json; one an older cxc does not write reads as empty.
pub fn list<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    static EMPTY: Vec<Value> = Vec::new();
    v[key].as_array().unwrap_or(&EMPTY)
}

pub fn s(v: &Value) -> &str {
    v.as_str().unwrap()
}

/// The spec as routing.json says it.
pub struct Facts<'a> {
    pub built: &'a Built,
    /// Export names by id.
    segment_name: BTreeMap<&'a str, &'a str>,
    channel_name: BTreeMap<&'a str, &'a str>,
    tier: BTreeMap<&'a str, Option<u64>>,
    pub lifetime: u64,
}

impl<'a> Facts<'a> {
    pub fn new(built: &'a Built) -> Self {
        let r = &built.routing;
        let names = |key: &str| -> BTreeMap<&'a str, &'a str> {
            list(r, key)
                .iter()
                .map(|x| (s(&x["id"]), s(&x["export_name"])))
                .collect()
        };
        Facts {
            built,
            segment_name: names("segments"),
            channel_name: names("channels"),
            tier: list(r, "segments")
                .iter()
                .map(|x| (s(&x["id"]), x["tier"].as_u64()))
                .collect(),
            // TaskRouter's default Timeout when routing.json does not say.
            lifetime: r["task_timeout_seconds"].as_u64().unwrap_or(86_400),
        }
    }

    /// Whether a segment uses a channel, by the language: it lists the
    /// channel in `channels`; listing none, or on a `field` channel (which
    /// segments need not list), one of its targets is on it.
    fn uses(&self, seg: &Value, channel: &str) -> bool {
        let r = &self.built.routing;
        let listed = list(seg, "channels");
        let field = list(r, "channels")
            .iter()
            .any(|c| c["id"] == channel && c["kind"] == "field");
        let timed = || {
            list(r, "timers")
                .iter()
                .any(|t| t["segment"] == seg["id"] && t["channel"] == channel)
        };
        listed.iter().any(|x| x == channel) || ((listed.is_empty() || field) && timed())
    }

    pub fn queues(&self) -> &'a Vec<Value> {
        list(&self.built.routing, "queues")
    }

    /// The ids of the queues that serve a segment on a channel.
    pub fn serving(&self, segment: &str, channel: &str) -> Vec<&'a str> {
        self.queues()
            .iter()
            .filter(|q| Self::serves(q, segment, channel))
            .map(|q| s(&q["id"]))
            .collect()
    }

    fn serves(q: &Value, segment: &str, channel: &str) -> bool {
        (q["channel"].is_null() || q["channel"] == channel)
            && list(q, "segments").iter().any(|x| x == segment)
    }

    /// The queue's SID in the workflow, by its TaskQueue entry.
    fn sid(&self, queue: &str) -> String {
        self.built
            .queues
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["queue"] == queue)
            .map(|q| s(&q["sid"]).to_string())
            .unwrap_or_else(|| {
                // Without a TaskQueue (an older cxc): its placeholder SID.
                assert!(
                    self.built.queues.as_array().unwrap().is_empty(),
                    "no TaskQueue for {queue}"
                );
                format!("SET-ME-queue-sid-for-{}", default_name(queue))
            })
    }

    /// [`Self::sid`], for the tests.
    pub fn sid_of(&self, queue: &str) -> String {
        self.sid(queue)
    }

    /// Whether the TaskQueue `sid` serves in order of arrival: it is a
    /// queue with `order arrival`, or the waiting queue of several (its id
    /// their ids joined by `+`) one of which is.
    pub fn by_arrival(&self, sid: &str) -> bool {
        let arrival = |id: &str| {
            self.queues()
                .iter()
                .any(|q| q["id"] == id && q["order"] == "arrival")
        };
        self.task_queue(sid)
            .is_some_and(|q| s(&q["queue"]).split('+').any(arrival))
    }

    fn team_of_sid(&self, sid: &str) -> Option<String> {
        self.task_queue(sid)
            .map(|q| s(&q["target_workers"]).to_string())
    }

    /// How specific a queue is for a task it serves, most specific least:
    /// a queue for the channel before one for every channel, fewer
    /// segments, a smaller `priority` (none: last). Queues of one rank
    /// that give a `priority` are peers (audit 11, M1): offered the task at
    /// once.
    pub fn rank(q: &Value) -> (bool, usize, u64) {
        (
            q["channel"].is_null(),
            list(q, "segments").len(),
            q["priority"].as_u64().unwrap_or(u64::MAX),
        )
    }

    /// The spec's queues whose workers the TaskQueue `sid` takes: itself,
    /// or those of a TaskQueue of several (their ids joined by `+`).
    pub fn members(&self, sid: &str) -> Vec<&'a str> {
        self.task_queue(sid)
            .map(|q| s(&q["queue"]))
            .map_or_else(Vec::new, |id| {
                if self.queues().iter().any(|q| q["id"] == id) {
                    vec![id]
                } else {
                    id.split('+').collect()
                }
            })
    }

    /// The TaskQueue of taskrouter-queues.json with this SID.
    fn task_queue(&self, sid: &str) -> Option<&'a Value> {
        self.built
            .queues
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["sid"] == sid)
    }

    /// Every (segment, channel) a task can be: the segment's channels that
    /// are contact channels, and every pair a queue serves.
    pub fn tasks(&self) -> Vec<(&'a str, &'a str)> {
        let mut out = Vec::new();
        let r = &self.built.routing;
        for seg in list(r, "segments") {
            let id = s(&seg["id"]);
            for ch in list(r, "channels") {
                let c = s(&ch["id"]);
                let listed = self.uses(seg, c);
                let live = ["phone", "chat", "email", "messenger", "social"]
                    .contains(&ch["kind"].as_str().unwrap_or(""))
                    && ch["self_service"] != true;
                let queued = self.queues().iter().any(|q| Self::serves(q, id, c));
                if queued || (live && (listed || (self.answered(c) && self.public(id, c)))) {
                    out.push((id, c));
                }
            }
        }
        out
    }

    /// Whether `channel` is public to `segment`: a segment of its tier or
    /// a lower one (a larger number, or none) lists it (audit 13, M2: an
    /// Enterprise-only phone line is not Pro's).
    pub fn public(&self, segment: &str, channel: &str) -> bool {
        let tier = |seg: &str| self.tier[seg].unwrap_or(u64::MAX);
        list(&self.built.routing, "segments")
            .iter()
            .any(|t| self.uses(t, channel) && tier(s(&t["id"])) >= tier(segment))
    }

    /// Every live channel some queue answers, with each segment it is not
    /// public to, that does not list it and that no queue serves there.
    pub fn not_public(&self) -> Vec<(&'a str, &'a str)> {
        let r = &self.built.routing;
        let mut out = Vec::new();
        for seg in list(r, "segments") {
            let id = s(&seg["id"]);
            for ch in list(r, "channels") {
                let c = s(&ch["id"]);
                let live = ["phone", "chat", "email", "messenger", "social"]
                    .contains(&ch["kind"].as_str().unwrap_or(""))
                    && ch["self_service"] != true;
                if live
                    && self.answered(c)
                    && !self.public(id, c)
                    && !self.uses(seg, c)
                    && !self.queues().iter().any(|q| Self::serves(q, id, c))
                {
                    out.push((id, c));
                }
            }
        }
        out
    }

    /// Whether the spec offers `channel` to `segment`: the segment lists it
    /// or a queue serves it there. A complaint on a line that is not
    /// offered is answered as the segment's ordinary call (audit 12, M3).
    pub fn offered(&self, segment: &str, channel: &str) -> bool {
        let seg = list(&self.built.routing, "segments")
            .iter()
            .find(|x| x["id"] == segment);
        seg.is_some_and(|seg| self.uses(seg, channel))
            || self
                .queues()
                .iter()
                .any(|q| Self::serves(q, segment, channel))
    }

    /// Whether some queue is on `channel` (names it).
    fn answered(&self, channel: &str) -> bool {
        self.queues().iter().any(|q| q["channel"] == channel)
    }

    pub fn task(&self, segment: &str, channel: &str, complaint: Option<&str>) -> Value {
        let attribute = self.built.config["taskrouter"]["segment_attribute"]
            .as_str()
            .unwrap_or("segment");
        let mut task = json!({"channel": self.channel_name[channel]});
        // A dotted attribute is a path into the task's attributes.
        let mut slot = &mut task;
        for part in attribute.split('.') {
            slot = &mut slot[part];
        }
        *slot = json!(self.segment_name[segment]);
        if let Some(c) = complaint {
            task["complaint"] = json!(c);
        }
        task
    }

    /// The moments to try: every half hour of the week, and every opening
    /// and closing time of every calendar in every UTC offset its zone takes
    /// in the year.
    pub fn moments(&self) -> Vec<Moment> {
        let mut out: Vec<Moment> = (0..7 * 48)
            .map(|i| Moment {
                day: i / 48,
                minute: (i % 48) as u32 * 30,
            })
            .collect();
        for cal in list(&self.built.routing, "calendars") {
            let offsets = offsets(cal["timezone"].as_str());
            for (day, (_, ranges)) in cal["week"].as_object().unwrap().iter().enumerate() {
                for range in ranges.as_array().unwrap() {
                    for edge in s(range).split('-') {
                        let (h, m) = edge.split_once(':').unwrap();
                        let local = day as i64 * 1440
                            + h.parse::<i64>().unwrap() * 60
                            + m.parse::<i64>().unwrap();
                        for offset in &offsets {
                            let utc = (local - offset).rem_euclid(7 * 1440);
                            out.push(Moment {
                                day: (utc / 1440) as usize,
                                minute: (utc % 1440) as u32,
                            });
                        }
                    }
                }
            }
        }
        out
    }
}

/// The UTC offsets (minutes) a zone takes during 2026, from the time zone
/// database (jiff), one probe a day.
fn offsets(zone: Option<&str>) -> Vec<i64> {
    let Some(zone) = zone else { return vec![0] };
    let Ok(tz) = jiff::tz::TimeZone::get(zone) else {
        return vec![0];
    };
    let mut out: Vec<i64> = Vec::new();
    let start = jiff::civil::date(2026, 1, 1)
        .at(12, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .unwrap();
    for day in 0..366 {
        let at = start
            .checked_add(jiff::Span::new().days(day))
            .unwrap()
            .timestamp();
        let offset = i64::from(tz.to_offset(at).seconds()) / 60;
        if !out.contains(&offset) {
            out.push(offset);
        }
    }
    out
}

/// Every invariant of the issue, on one build. Panics with what broke.
pub fn check(built: &Built, what: &str) {
    let facts = Facts::new(built);
    let workflow = &built.workflow;
    let none_empty = |_: &str| false;
    let tasks = facts.tasks();
    let moments = facts.moments();
    let tier_of = |seg: &str| facts.tier[seg].unwrap_or(u64::MAX);

    // 0. A segment's targets are on channels it uses: an SLA's target on a
    //    channel a segment does not list is not that segment's target.
    for t in list(&built.routing, "timers") {
        let Some(ch) = t["channel"].as_str() else {
            continue;
        };
        let seg = list(&built.routing, "segments")
            .iter()
            .find(|x| x["id"] == t["segment"])
            .unwrap();
        assert!(
            facts.uses(seg, ch),
            "{what}: `{}` has a {} target on `{ch}`, which it does not list",
            s(&t["segment"]),
            s(&t["kind"])
        );
    }

    // 0b. Twilio takes every TaskQueue: a FriendlyName of 1 to 64
    //     characters (error 20002), none shared, whatever the names' length
    //     or script.
    let mut names = std::collections::BTreeSet::new();
    for queue in built.queues.as_array().into_iter().flatten() {
        let name = s(&queue["friendly_name"]);
        let length = name.chars().count();
        assert!(
            (1..=64).contains(&length),
            "{what}: TaskQueue `{}` is named in {length} characters: {name}",
            s(&queue["queue"])
        );
        assert!(
            names.insert(name),
            "{what}: two TaskQueues are named {name}"
        );
    }

    // 1. A served task reaches the queues serving it that are most specific
    //    first, at every moment: a dedicated queue, where there is one,
    //    before a shared one; peer queues (audit 11, M1: two cities' lines
    //    for one segment at one priority) all at once, in the TaskQueue of
    //    all of them, never one before the other.
    for &(seg, ch) in &tasks {
        let serving: Vec<&Value> = facts
            .queues()
            .iter()
            .filter(|q| Facts::serves(q, seg, ch))
            .collect();
        if serving.is_empty() {
            continue;
        }
        let task = facts.task(seg, ch, None);
        let best = serving.iter().map(|q| Facts::rank(q)).min().unwrap();
        let mut peers: Vec<&str> = serving
            .iter()
            .filter(|q| Facts::rank(q) == best)
            .map(|q| s(&q["id"]))
            .collect();
        peers.sort_unstable();
        // Only a `priority` the spec gives makes queues peers; without one,
        // one of them (the first declared) comes first.
        let unranked = best.2 == u64::MAX;
        for &now in &moments {
            let placed = twilio::route(workflow, &task, now, 0, &none_empty)
                .unwrap_or_else(|| panic!("{what}: {seg} on {ch} is not routed at {now:?}"));
            let mut first = facts.members(&placed.queue);
            first.sort_unstable();
            if unranked && first.len() == 1 && peers.contains(&first[0]) {
                continue;
            }
            assert_eq!(
                first, peers,
                "{what}: {seg} on {ch} at {now:?} first reaches {} ({first:?}), not the most specific queues serving it, all at once",
                placed.queue
            );
        }
    }

    // 1b. A segment's customer on a live channel the segment does not list
    //     but some queue answers (a public number, audit 12, M3) reaches
    //     one of that channel's queues, never the fallback, at every moment.
    for &(seg, ch) in &tasks {
        let on_channel: Vec<String> = facts
            .queues()
            .iter()
            .filter(|q| q["channel"] == ch)
            .map(|q| facts.sid(s(&q["id"])))
            .collect();
        let serving = facts.queues().iter().any(|q| Facts::serves(q, seg, ch));
        if serving || on_channel.is_empty() {
            continue;
        }
        let task = facts.task(seg, ch, None);
        for &now in &moments {
            let placed = twilio::route(workflow, &task, now, 0, &none_empty)
                .unwrap_or_else(|| panic!("{what}: {seg} on {ch} is not routed at {now:?}"));
            assert!(
                on_channel.contains(&placed.queue),
                "{what}: {seg} on {ch} (a channel it does not list) first reaches {}, not one of {on_channel:?}",
                placed.queue
            );
        }
    }

    // 1c. ...but a line only better tiers list (audit 13, M2: the
    //     Enterprise-only phone number) takes no other segment's task into
    //     its queues: such a task meets the default filter.
    for (seg, ch) in facts.not_public() {
        let task = facts.task(seg, ch, None);
        let on_channel: Vec<String> = facts
            .queues()
            .iter()
            .filter(|q| q["channel"] == ch)
            .map(|q| facts.sid(s(&q["id"])))
            .collect();
        for &now in &moments {
            if let Some(placed) = twilio::route(workflow, &task, now, 0, &none_empty) {
                assert!(
                    !on_channel.contains(&placed.queue) || placed.filter.is_none(),
                    "{what}: {seg} on {ch}, a line only better tiers list, reaches {} through filter {:?}",
                    placed.queue,
                    placed.filter
                );
            }
        }
    }

    // 1d. A task of a segment no queue serves on a channel never reaches a
    //     queue reserved for better tiers (one whose segments are all of a
    //     strictly better tier) while a queue of the channel is open to its
    //     tier (audit 16, M2: corporate clients' chats were offered first to
    //     the queue of the Premium curators, staffed for Premium alone).
    let reserved_for = |q: &Value, seg: &str| {
        let listed = list(q, "segments");
        !listed.is_empty() && listed.iter().all(|x| tier_of(s(x)) < tier_of(seg))
    };
    for &(seg, ch) in &tasks {
        let on_channel: Vec<&Value> = facts
            .queues()
            .iter()
            .filter(|q| q["channel"] == ch)
            .collect();
        let serving = facts.queues().iter().any(|q| Facts::serves(q, seg, ch));
        if serving || on_channel.iter().all(|q| reserved_for(q, seg)) {
            continue;
        }
        let task = facts.task(seg, ch, None);
        let mut empty: Vec<String> = Vec::new();
        while let Some(p) = twilio::route(workflow, &task, moments[0], 0, &|x: &str| {
            empty.iter().any(|e| e == x)
        }) {
            for member in facts.members(&p.queue) {
                let reserved = on_channel
                    .iter()
                    .any(|q| q["id"] == member && reserved_for(q, seg));
                assert!(
                    !reserved,
                    "{what}: {seg} on {ch} reaches {member}, a queue for better tiers only, while a queue there is open to its tier"
                );
            }
            if empty.contains(&p.queue) {
                break;
            }
            empty.push(p.queue);
        }
    }

    // 2. Every queue is the first some task enters: at once, or when the
    //    queues before it have nobody available; alone, or with its peers.
    for q in facts.queues() {
        let sid = facts.sid(s(&q["id"]));
        let first_with_peers = |placed: &str| {
            let members = facts.members(placed);
            members.contains(&s(&q["id"]))
                && members.iter().all(|m| {
                    facts
                        .queues()
                        .iter()
                        .any(|p| p["id"] == *m && Facts::rank(p) == Facts::rank(q))
                })
        };
        let reached = tasks.iter().any(|&(seg, ch)| {
            let task = facts.task(seg, ch, None);
            let mut empty: Vec<String> = Vec::new();
            while let Some(p) = twilio::route(workflow, &task, moments[0], 0, &|x: &str| {
                empty.iter().any(|e| e == x)
            }) {
                if p.queue == sid || first_with_peers(&p.queue) {
                    return true;
                }
                if empty.contains(&p.queue) {
                    break;
                }
                empty.push(p.queue);
            }
            false
        });
        assert!(
            reached,
            "{what}: no task ever enters queue {} first",
            q["id"]
        );
    }

    // 11. Overflow while a call can still be answered in time (audit 11,
    //     L13): a task offered its queues in turn has reached the last
    //     step, where it waits in all of them, by half its strictest answer
    //     target on the channel (else first response) — a second each at
    //     the least.
    for &(seg, ch) in &tasks {
        check_overflow_time(&facts, seg, ch, what);
    }
    // 11b. ...and a complaint's owner is offered it first for half its
    //      acknowledgement, `wd` ones too (prac18), not the minute meant
    //      for none.
    super::first_offer::check(&facts, what);

    // 3. A better tier gets a higher priority in every queue it shares,
    //    overflow and complaints included — except on a queue that serves
    //    `order arrival` (audit 10, H1), where priority never depends on
    //    the tier: every ordinary task has one priority, each complaint
    //    rule's tasks one above it; 5. no target sequence outlives the task.
    //    Entries: (tier, priority, the complaint rule's id if any).
    let mut in_queue: BTreeMap<String, Vec<(u64, u64, Option<String>)>> = BTreeMap::new();
    for (i, filter) in list(&workflow["task_routing"], "filters")
        .iter()
        .enumerate()
    {
        let mut total = 0;
        for t in list(filter, "targets") {
            total += t["timeout"].as_u64().unwrap_or(0);
        }
        assert!(
            total < facts.lifetime,
            "{what}: filter {i}'s targets last {total} s, the task {} s",
            facts.lifetime
        );
    }
    let complaints: Vec<&Value> = list(&built.routing, "escalations").iter().collect();
    // 3b. Per TaskQueue and channel, the priorities of the channel's own
    //     customers (a segment it is offered to) and of the others'
    //     tasks there, by segment (audit 15, M1), with the severity step a
    //     complaint of theirs may add (audit 17, M3).
    type Strangers<'s> = Vec<(&'s str, u64, u64)>;
    let mut on_channel: BTreeMap<(String, &str), (Vec<u64>, Strangers)> = BTreeMap::new();
    for &(seg, ch) in &tasks {
        let own = facts.offered(seg, ch);
        let mut variants = vec![(facts.task(seg, ch, None), None, 0)];
        for c in &complaints {
            let id = default_name(s(&c["complaint"]));
            // Another segment's complaint task is an ordinary one.
            let theirs = !c["owner"].is_null() && list(c, "segments").iter().any(|x| x == seg);
            let filed = theirs && own;
            let step = if theirs {
                u64::from(severity(c)) + 1
            } else {
                0
            };
            variants.push((facts.task(seg, ch, Some(&id)), filed.then_some(id), step));
        }
        for (task, complaint, step) in variants {
            let mut record = |p: &twilio::Placed| {
                let here = on_channel.entry((p.queue.clone(), ch)).or_default();
                match own {
                    true => here.0.push(p.priority),
                    false => here.1.push((seg, p.priority, step)),
                }
                // Invariant 3 ranks the tiers among a channel's own
                // customers; 3b the others below them.
                if own || facts.by_arrival(&p.queue) {
                    in_queue.entry(p.queue.clone()).or_default().push((
                        tier_of(seg),
                        p.priority,
                        complaint.clone(),
                    ));
                }
            };
            let mut empty: Vec<String> = Vec::new();
            for age in [0u64, 1, 60, 3600, 4 * 3600, 86_399, facts.lifetime - 1] {
                if let Some(p) = twilio::route(workflow, &task, moments[0], age, &none_empty) {
                    record(&p);
                }
            }
            while let Some(p) = twilio::route(workflow, &task, moments[0], 0, &|x: &str| {
                empty.iter().any(|e| e == x)
            }) {
                record(&p);
                if empty.contains(&p.queue) {
                    break;
                }
                empty.push(p.queue);
            }
        }
    }
    // 3b. A segment never outranks, on a channel, a segment the channel is
    //     offered to while it is not: a diner who dials the riders' hotline
    //     waits behind the riders who called before, whatever the diner's
    //     tier (audit 15, M1). A complaint of theirs ranks at most as the
    //     same complaint of the lowest own customers would: their priority
    //     plus its severity step (audit 17, M3).
    for ((queue, ch), (own, strangers)) in &on_channel {
        let Some(&lowest) = own.iter().min() else {
            continue;
        };
        for &(seg, priority, step) in strangers {
            assert!(
                priority <= lowest + step,
                "{what}: in {queue}, `{seg}`, which is not offered `{ch}`, has priority {priority} there, above {lowest} of the channel's own customers (plus {step} for a complaint)"
            );
        }
    }
    for (queue, seen) in &in_queue {
        if facts.by_arrival(queue) {
            check_arrival_order(queue, seen, what);
            continue;
        }
        for a in seen {
            for b in seen {
                // A complaint task routed as an ordinary one (its owner's
                // team has no queue for it) carries its ordinary priority
                // raised by its bonus: compared as before.
                if a.0 < b.0 {
                    assert!(
                        a.1 > b.1,
                        "{what}: in {queue} tier {} has priority {} and tier {} has {}",
                        a.0,
                        a.1,
                        b.0,
                        b.1
                    );
                }
            }
        }
    }

    // 4. A complaint task is caught only for the complaint's segments and
    //    lands in the owner's team.
    let teams: BTreeMap<&str, &str> = list(&built.routing, "teams")
        .iter()
        .map(|t| (s(&t["id"]), s(&t["export_name"])))
        .collect();
    let role_team: BTreeMap<&str, &str> = list(&built.routing, "roles")
        .iter()
        .filter_map(|r| Some((s(&r["id"]), r["team"].as_str()?)))
        .collect();
    for c in &complaints {
        let id = s(&c["complaint"]);
        let name = default_name(id);
        let Some(owner) = c["owner"].as_str() else {
            continue;
        };
        let owner_team = teams
            .get(owner)
            .copied()
            .or_else(|| role_team.get(owner).and_then(|t| teams.get(t).copied()));
        let segments: Vec<&str> = list(c, "segments").iter().map(s).collect();
        for &(seg, ch) in &tasks {
            let plain = twilio::route(
                workflow,
                &facts.task(seg, ch, None),
                moments[0],
                0,
                &none_empty,
            );
            let filed = twilio::route(
                workflow,
                &facts.task(seg, ch, Some(&name)),
                moments[0],
                0,
                &none_empty,
            );
            let caught = filed
                .as_ref()
                .map(|p| (&p.queue, p.worker_expression.clone()))
                != plain
                    .as_ref()
                    .map(|p| (&p.queue, p.worker_expression.clone()))
                || filed.as_ref().map(|p| p.priority) != plain.as_ref().map(|p| p.priority);
            if !segments.contains(&seg) {
                assert!(
                    !caught,
                    "{what}: complaint {id} catches a task of {seg}, not its segment"
                );
                continue;
            }
            // In a queue of arrival order a complaint waits its turn like
            // any task there (audit 12, M2), so it cannot be told apart.
            let in_turn = plain.as_ref().is_some_and(|p| facts.by_arrival(&p.queue));
            // Not offered: answered where the segment's ordinary calls are
            // (audit 12, M3), a severity step above them (audit 17, M3).
            if !facts.offered(seg, ch) {
                if let (Some(f), Some(p), false) = (&filed, &plain, in_turn) {
                    assert!(
                        (&f.queue, &f.worker_expression) == (&p.queue, &p.worker_expression)
                            && f.priority > p.priority,
                        "{what}: complaint {id} of {seg} on {ch}, a line it does not list, goes to {} at {}, its ordinary call to {} at {}",
                        f.queue,
                        f.priority,
                        p.queue,
                        p.priority
                    );
                }
                continue;
            }
            if !caught && in_turn {
                continue;
            }
            if !caught {
                assert!(built.inexact_names(id), "{what}: complaint {id} of {seg} on {ch} is routed as an ordinary task, unreported");
                continue;
            }
            let filed = filed.unwrap();
            // Its owner's team has no queue for it: the segment's ordinary
            // targets, at the complaint's priority (audit 9, D2), reported.
            let plain = plain.unwrap();
            if (&filed.queue, &filed.worker_expression) == (&plain.queue, &plain.worker_expression)
                && filed.priority > plain.priority
                && built.inexact_names(id)
            {
                continue;
            }
            let workers = facts.team_of_sid(&filed.queue).unwrap_or_default();
            let team = owner_team.unwrap_or("?");
            // The owner's team's queue: its team's workers, or on a channel
            // a role of that team owns, that role's (and the roles the
            // team's complaint ladders send there; invariant 8 sees that
            // someone can take each target).
            let own = format!("team == '{team}'");
            assert!(
                workers == own || workers.starts_with(&format!("{own} AND ")),
                "{what}: complaint {id} of {seg} on {ch} lands outside the owner's team: {workers}"
            );
            let serving = facts
                .queues()
                .iter()
                .any(|q| Facts::serves(q, seg, ch) && facts.sid(s(&q["id"])) == filed.queue);
            assert!(
                serving,
                "{what}: complaint {id} of {seg} lands in a queue that does not serve it on {ch}"
            );
        }
    }

    // 8. Every target is offered to someone: a worker the spec has (a role
    //    of a team, with the team's and the role's export names, or a team
    //    member with no role) is in the target's TaskQueue and matches the
    //    target's expression. A complaint owned by a role the queue's
    //    TaskQueue leaves out would wait until TaskRouter cancels it.
    let mut workers: Vec<Value> = list(&built.routing, "teams")
        .iter()
        .map(|t| serde_json::json!({"team": t["export_name"], "roles": []}))
        .collect();
    for r in list(&built.routing, "roles") {
        let team = list(&built.routing, "teams")
            .iter()
            .find(|t| t["id"] == r["team"])
            .map_or(Value::Null, |t| t["export_name"].clone());
        workers.push(serde_json::json!({"team": team, "roles": [r["export_name"]]}));
    }
    for filter in list(&workflow["task_routing"], "filters") {
        for target in list(filter, "targets") {
            let Some(target_workers) = facts.team_of_sid(s(&target["queue"])) else {
                continue; // the fallback queue: the admin's.
            };
            let expression = target["expression"].as_str();
            assert!(
                workers
                    .iter()
                    .any(|w| twilio::admits(&target_workers, expression, w)),
                "{what}: filter `{}` offers tasks in {} ({target_workers}) to `{}`, which no worker matches",
                s(&filter["filter_friendly_name"]),
                s(&target["queue"]),
                expression.unwrap_or("any worker")
            );
        }
    }

    // 9. Complaint priorities (audit 9, D2): a complaint task ranks above
    //    its tier's ordinary tasks, a more severe complaint rule above a
    //    less severe one of the same segment, and none as high as a better
    //    tier's ordinary tasks.
    check_complaint_priorities(&facts, &complaints, what);

    // 7. After hours a task waits with people or in its own queue.
    super::after_hours::check(&facts, what);

    check_zendesk(&facts, what);
}

/// Invariant 11 on one ordinary task.
fn check_overflow_time(facts: &Facts, seg: &str, ch: &str, what: &str) {
    let workflow = &facts.built.workflow;
    let task = facts.task(seg, ch, None);
    let Some(last) = twilio::route(
        workflow,
        &task,
        Moment { day: 0, minute: 0 },
        facts.lifetime - 1,
        &|_: &str| false,
    ) else {
        return;
    };
    let Some(filter) = last.filter else {
        return;
    };
    let filter = &list(&workflow["task_routing"], "filters")[filter];
    let steps = list(filter, "targets")
        .iter()
        .filter(|t| t["timeout"].is_u64())
        .count() as u64;
    if steps == 0 {
        return;
    }
    let timers: Vec<&Value> = list(&facts.built.routing, "timers")
        .iter()
        .filter(|t| t["segment"] == seg && t["channel"] == ch)
        .collect();
    let of = |kind: &str| -> Vec<&Value> {
        timers
            .iter()
            .copied()
            .filter(|t| t["kind"] == kind)
            .collect()
    };
    let chosen = match of("answer") {
        answers if answers.is_empty() => of("first_response"),
        answers => answers,
    };
    // A working-day target is a target too (audit 17, M4: `1wd` got the
    // minute meant for none). It lasts between `N` of its calendar's
    // shortest opening days and its longest running time (routing.json's
    // `seconds`); each step keeps the task for a share of half of it
    // whenever that fits the task's lifetime.
    let bounds: Vec<(u64, u64)> = chosen
        .iter()
        .filter_map(|t| {
            let longest = t["seconds"].as_u64()?;
            let least = match t["working_days"].as_u64() {
                Some(days) => days * shortest_day(facts, t["calendar"].as_str()),
                None => longest,
            };
            Some((least, longest))
        })
        .collect();
    let (Some(low), Some(high)) = (
        bounds.iter().map(|b| b.0).min(),
        bounds.iter().map(|b| b.1).min(),
    ) else {
        return;
    };
    if high / 2 < facts.lifetime {
        let share = |target: u64| (target / (2 * steps)).max(1);
        for t in list(filter, "targets")
            .iter()
            .filter(|t| t["timeout"].is_u64())
        {
            let wait = t["timeout"].as_u64().unwrap();
            assert!(
                (share(low)..=share(high)).contains(&wait),
                "{what}: {seg} on {ch} waits {wait} s a step over {steps} steps, not a share of half its target ({low}–{high} s)"
            );
        }
    }
    if chosen.iter().any(|t| !t["working_days"].is_null()) {
        return;
    }
    let target = high;
    assert!(
        last.entered <= (target / 2).max(steps),
        "{what}: {seg} on {ch} reaches its last step after {} s, past half its {target} s target",
        last.entered
    );
}

/// The open time of the shortest opening day of `calendar` (none, or one
/// open around the clock: a whole day), in seconds, from routing.json's
/// weekly hours.
pub fn shortest_day(facts: &Facts, calendar: Option<&str>) -> u64 {
    const DAY: u64 = 86_400;
    let Some(cal) = list(&facts.built.routing, "calendars")
        .iter()
        .find(|c| calendar.is_some_and(|id| c["id"] == id))
    else {
        return DAY;
    };
    let minutes = |edge: &str| -> u64 {
        let (h, m) = edge.split_once(':').unwrap();
        h.parse::<u64>().unwrap() * 60 + m.parse::<u64>().unwrap()
    };
    (cal["week"].as_object().unwrap().values())
        .map(|ranges| {
            (ranges.as_array().unwrap().iter())
                .map(|r| {
                    let (a, b) = s(r).split_once('-').unwrap();
                    (minutes(b) - minutes(a)) * 60
                })
                .sum::<u64>()
        })
        .filter(|&open| open > 0)
        .min()
        .unwrap_or(DAY)
}

/// Invariant 3 on a TaskQueue that serves in order of arrival: every task
/// there has one priority, whatever its tier, a complaint's too (audit 12,
/// M2: no complaint before a traveller in distress on an emergency line).
fn check_arrival_order(queue: &str, seen: &[(u64, u64, Option<String>)], what: &str) {
    let (tier, first, rule) = &seen[0];
    for (other, priority, complaint) in seen {
        assert_eq!(
            priority, first,
            "{what}: in {queue}, which serves in order of arrival, a task of tier {tier} (complaint {rule:?}) has priority {first} and one of tier {other} (complaint {complaint:?}) {priority}"
        );
    }
}

/// Severity rank of a complaint rule: none counts as low.
fn severity(c: &Value) -> u8 {
    match c["severity"].as_str() {
        Some("critical") => 3,
        Some("high") => 2,
        Some("medium") => 1,
        _ => 0,
    }
}

/// Invariant 9, on every task, at every age of its targets.
fn check_complaint_priorities(facts: &Facts, complaints: &[&Value], what: &str) {
    let workflow = &facts.built.workflow;
    let now = Moment { day: 0, minute: 0 };
    let tasks = facts.tasks();
    // A task's priorities over its life: at creation and as it enters each
    // later target of its filter (nobody takes it, nobody is skipped).
    // Priorities compare across queues here; on a queue that serves in
    // order of arrival they do not depend on the tier (invariant 3 reads
    // them there), so a task that meets one is left out.
    let priorities = |task: &Value| -> Vec<u64> {
        let Some(first) = twilio::route(workflow, task, now, 0, &|_| false) else {
            return Vec::new();
        };
        let Some(filter) = first.filter else {
            return vec![first.priority];
        };
        let targets = list(&workflow["task_routing"]["filters"][filter], "targets");
        if targets.iter().any(|t| facts.by_arrival(s(&t["queue"]))) {
            return Vec::new();
        }
        let mut ages = vec![0u64];
        let mut sum = 0;
        for t in list(&workflow["task_routing"]["filters"][filter], "targets") {
            let Some(timeout) = t["timeout"].as_u64() else {
                break;
            };
            sum += timeout;
            ages.push(sum);
        }
        ages.iter()
            .filter_map(|&age| twilio::route(workflow, task, now, age, &|_| false))
            .map(|p| p.priority)
            .collect()
    };
    let ordinary: BTreeMap<(&str, &str), Vec<u64>> = tasks
        .iter()
        .map(|&(seg, ch)| ((seg, ch), priorities(&facts.task(seg, ch, None))))
        .collect();
    let tier = |seg: &str| facts.tier[seg];
    for &(seg, ch) in &tasks {
        let plain = &ordinary[&(seg, ch)];
        let Some(&plain_max) = plain.iter().max() else {
            continue;
        };
        let mut filed: Vec<(u8, &str, u64, u64)> = Vec::new();
        for c in complaints {
            // A complaint on a line its segment is not offered (audit 12,
            // M3) still ranks above the segment's ordinary tasks there,
            // which wait below the line's own customers (audit 17, M3).
            if !list(c, "segments").iter().any(|x| x == seg) || c["owner"].is_null() {
                continue;
            }
            let id = s(&c["complaint"]);
            let own = priorities(&facts.task(seg, ch, Some(&default_name(id))));
            let (Some(&low), Some(&high)) = (own.iter().min(), own.iter().max()) else {
                continue;
            };
            assert!(
                low > plain_max,
                "{what}: complaint {id} of {seg} on {ch} ranks {low}, not above the tier's ordinary {plain_max}"
            );
            // No better tier's ordinary task on the channel ranks as low.
            for &(other, och) in &tasks {
                let better = match (tier(other), tier(seg)) {
                    (Some(a), Some(b)) => a < b,
                    (Some(_), None) => true,
                    _ => false,
                };
                // (None: their tasks meet a queue of arrival order.)
                let theirs = ordinary[&(other, och)].iter().min().copied();
                // Only the channel's own customers: another segment's
                // tasks there wait below them all (audit 15, M1).
                let own = facts.offered(other, och);
                if let Some(theirs) = theirs.filter(|_| och == ch && better && own) {
                    assert!(
                        high < theirs,
                        "{what}: complaint {id} of {seg} on {ch} ranks {high}, as high as {other}'s ordinary {theirs}"
                    );
                }
            }
            filed.push((severity(c), id, low, high));
        }
        for a in &filed {
            for b in &filed {
                if a.0 > b.0 {
                    assert!(
                        a.2 > b.3,
                        "{what}: {seg} on {ch}: complaint {} (more severe) ranks {}, not above {} at {}",
                        a.1,
                        a.2,
                        b.1,
                        b.3
                    );
                }
            }
        }
    }
}

pub fn default_name(id: &str) -> String {
    id.to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// A target the spec sets: seconds, working days as written (if so), and
/// the calendar it counts on.
type Spec<'v> = Option<(u64, Option<u32>, Option<&'v str>)>;

/// A routing.json timer's target.
fn timer(t: &Value) -> (u64, Option<u32>, Option<&str>) {
    let days = t["working_days"].as_u64().map(|d| d as u32);
    (t["seconds"].as_u64().unwrap(), days, t["calendar"].as_str())
}

/// A target as written, for [`Bounds::always_sooner`].
fn written((seconds, days, calendar): (u64, Option<u32>, Option<&str>)) -> (Limit, Option<&str>) {
    let limit = days.map_or(Limit::Running(seconds as i64), Limit::Days);
    (limit, calendar)
}

/// Invariant 10 (audit 9, D3): a complaint ticket of a segment on a
/// channel gets the stricter of each target the spec promises it — the
/// rule's `acknowledge`/`resolve` and the segment's own first reply and
/// resolution there — or, where the two count on different clocks and
/// neither is always the sooner, an `inexact-export` says so.
fn check_complaint_tickets(
    built: &Built,
    bounds: &Bounds,
    (segment, tag, organization): (&str, Option<String>, Option<u64>),
    (channel, via, marked): (&str, u64, &Marked),
    (reply, resolution): (Spec, Spec),
    what: &str,
) {
    let wall = |cal: Option<&str>| {
        cal.is_none_or(|cal| {
            let cal = bounds.calendars[cal];
            cal["always_open"] == true && list(cal, "closed").is_empty()
        })
    };
    let target = |t: Spec| {
        t.filter(|(secs, _, _)| *secs > 0)
            .map(|(seconds, _, cal)| zendesk::Target {
                seconds,
                business_hours: !wall(cal),
            })
    };
    // The stricter of two, and whether it is always the sooner.
    let stricter = |a: Spec<'_>, b: Spec<'_>| -> (Option<zendesk::Target>, bool) {
        let (a, b) = (a.filter(|t| t.0 > 0), b.filter(|t| t.0 > 0));
        let (Some(x), Some(y)) = (a, b) else {
            return (target(a.or(b)), true);
        };
        let exact = x.2 == y.2 || (wall(x.2) && x.0 <= y.0) || (wall(y.2) && y.0 <= x.0);
        if !exact {
            // One that always ends first is the stricter, whatever its
            // figure; the other is not, so it is exact too.
            if bounds.always_sooner(written(x), written(y)) {
                return (target(Some(x)), true);
            }
            if bounds.always_sooner(written(y), written(x)) {
                return (target(Some(y)), true);
            }
        }
        // Of equal figures, one on the wall clock ends first: the same
        // seconds of office hours take at least as long (CI, seed
        // 7b9510a3…: a 4wd SLA on a 24x7 calendar, 5 days at most, beside
        // a complaint's 5 business days of Mon–Fri 09–18 — cxc rightly
        // gave the SLA's).
        let sooner = y.0 < x.0 || (y.0 == x.0 && wall(y.2) && !wall(x.2));
        (target(Some(if sooner { y } else { x })), exact)
    };
    for c in list(&built.routing, "escalations") {
        if !list(c, "segments").iter().any(|x| x == segment) {
            continue;
        }
        let id = s(&c["complaint"]);
        let own = |key: &str| -> Spec {
            let days = c[format!("{key}_working_days")].as_u64();
            c[format!("{key}_seconds")]
                .as_u64()
                .map(|secs| (secs, days.map(|d| d as u32), c["calendar"].as_str()))
        };
        let (want_reply, exact_reply) = stricter(own("acknowledge"), reply);
        let (want_resolution, exact_resolution) = stricter(own("resolve"), resolution);
        let mut tags: Vec<String> = tag.iter().cloned().collect();
        tags.push(format!("complaint_{}", default_name(id)));
        tags.extend(marked.tag.iter().cloned());
        let ticket = Ticket {
            tags,
            organization,
            via,
            priority: "normal",
            marks: marked.fields.clone(),
        };
        let applied = zendesk::applies(&built.policies, &ticket);
        let got = applied.as_ref().map(|a| (a.first_reply, a.resolution));
        let want = (want_reply, want_resolution);
        let said = || {
            built.inexact_names_for("Zendesk", channel) || built.inexact_names_for("Zendesk", id)
        };
        if got != Some(want) || !(exact_reply && exact_resolution) {
            assert!(
                said(),
                "{what}: a complaint {id} ticket of {segment} via {via} ({channel}) gets {got:?} from {:?}; the stricter of the rule and the SLA is {want:?}",
                applied.map(|a| a.title)
            );
        }
    }
}

/// Invariant 6: every (segment, channel, priority) ticket gets, from the
/// first matching policy, the spec's targets in the spec's clock, or an
/// `inexact-export` names the channel.
/// The calendar of a target that counts business hours (not a 24x7 one
/// without holidays).
fn business<'v>(calendars: &BTreeMap<&str, &Value>, target: Spec<'v>) -> Option<&'v str> {
    target.and_then(|(_, _, cal)| cal).filter(|cal| {
        let cal = calendars[cal];
        !(cal["always_open"] == true && list(cal, "closed").is_empty())
    })
}

/// What cxc.yaml says tells a channel's tickets apart beside their via id:
/// the ticket form or brand its tickets carry, a tag a trigger sets.
struct Marked {
    fields: Vec<(String, u64)>,
    tag: Option<String>,
}

impl Marked {
    fn of(zendesk: &Value, channel: &str) -> Marked {
        let first = |key: &str| zendesk[key][channel].as_array().and_then(|a| a[0].as_u64());
        let fields = [("ticket_form_id", "ticket_forms"), ("brand_id", "brands")]
            .iter()
            .filter_map(|(field, key)| first(key).map(|v| (field.to_string(), v)))
            .collect();
        let tag = zendesk["channel_tags"][channel]
            .as_str()
            .map(str::to_string);
        Marked { fields, tag }
    }
}

/// Invariant 11 (audit 13, L2): every written policy is the first match of
/// some ticket — of any segment (or none), complaint rule (or none), via id
/// a policy names (or another), and channel mark (or none).
fn check_reached(facts: &Facts, what: &str) {
    let built = facts.built;
    let zendesk = &built.config["zendesk"];
    let by_org = zendesk["segment_field"] == "organization_id";
    let mut vias: Vec<u64> = vec![999];
    for p in built.policies.as_array().unwrap() {
        let filter = &p["sla_policy"]["filter"];
        for c in list(filter, "all").iter().chain(list(filter, "any")) {
            if c["field"] == "via_id" {
                vias.push(c["value"].as_u64().unwrap());
            }
        }
    }
    let mut segments: Vec<(Vec<String>, Option<u64>)> = vec![(vec![], None)];
    for seg in list(&built.routing, "segments") {
        let id = s(&seg["id"]);
        if by_org {
            for org in zendesk["organizations"][id]
                .as_array()
                .into_iter()
                .flatten()
            {
                segments.push((vec![], org.as_u64()));
            }
        } else {
            segments.push((vec![facts.segment_name[id].to_string()], None));
        }
    }
    let mut complaints: Vec<Option<String>> = vec![None];
    for c in list(&built.routing, "escalations") {
        complaints.push(Some(format!(
            "complaint_{}",
            default_name(s(&c["complaint"]))
        )));
    }
    let mut marks: Vec<Marked> = vec![Marked {
        fields: vec![],
        tag: None,
    }];
    marks.extend(
        list(&built.routing, "channels")
            .iter()
            .map(|c| Marked::of(zendesk, s(&c["id"]))),
    );
    let mut tickets = Vec::new();
    for (tags, organization) in &segments {
        for complaint in &complaints {
            for &via in &vias {
                for mark in &marks {
                    let mut tags = tags.clone();
                    tags.extend(complaint.iter().cloned());
                    tags.extend(mark.tag.iter().cloned());
                    tickets.push(Ticket {
                        tags,
                        organization: *organization,
                        via,
                        priority: "normal",
                        marks: mark.fields.clone(),
                    });
                }
            }
        }
    }
    let unreached = zendesk::unreached(&built.policies, &tickets);
    assert!(
        unreached.is_empty(),
        "{what}: no ticket gets these policies (an earlier one takes every ticket they match): {unreached:?}"
    );
}

fn check_zendesk(facts: &Facts, what: &str) {
    check_reached(facts, what);
    let built = facts.built;
    let r = &built.routing;
    let zendesk = &built.config["zendesk"];
    let by_org = zendesk["segment_field"] == "organization_id";
    let calendars: BTreeMap<&str, &Value> = list(r, "calendars")
        .iter()
        .map(|c| (s(&c["id"]), c))
        .collect();
    let bounds = Bounds::new(calendars.clone());
    for seg in list(r, "segments") {
        let id = s(&seg["id"]);
        let timers: Vec<&Value> = list(r, "timers")
            .iter()
            .filter(|t| t["segment"] == id)
            .collect();
        for ch in list(r, "channels") {
            let c = s(&ch["id"]);
            let listed = list(seg, "channels").iter().any(|x| x == c);
            let timed = timers.iter().any(|t| t["channel"] == c);
            if !(listed || timed) {
                continue;
            }
            let vias: Vec<u64> = match zendesk["via_ids"][c].as_array() {
                Some(v) => v.iter().map(|x| x.as_u64().unwrap()).collect(),
                None => zendesk::vias_of_kind(ch["kind"].as_str().unwrap_or("")),
            };
            let marked = Marked::of(zendesk, c);
            let phone = ch["kind"] == "phone";
            let pick = |kinds: &[&str], channel: Option<&str>| {
                timers
                    .iter()
                    .filter(|t| kinds.contains(&s(&t["kind"])) && t["channel"].as_str() == channel)
                    .min_by_key(|t| t["seconds"].as_u64())
                    .map(|t| timer(t))
            };
            let reply_kinds: &[&str] = if phone {
                &["first_response"]
            } else {
                &["first_response", "answer"]
            };
            let reply = pick(reply_kinds, Some(c));
            // A resolution without a channel holds on `c` only for the SLAs
            // that govern it: those with a target on `c`, or all when no SLA
            // of the segment has one there (the guide's one rule, audit 10
            // M1).
            let named_here =
                |sla: &Value| timers.iter().any(|t| t["sla"] == *sla && t["channel"] == c);
            let nobody_names = !timers.iter().any(|t| t["channel"] == c);
            let general = timers
                .iter()
                .filter(|t| t["kind"] == "resolution" && t["channel"].is_null())
                .filter(|t| nobody_names || named_here(&t["sla"]))
                .min_by_key(|t| t["seconds"].as_u64())
                .map(|t| timer(t));
            let resolution = pick(&["resolution"], Some(c)).or(general);
            let expect = |t: Spec| {
                t.filter(|(secs, _, _)| *secs > 0)
                    .map(|(seconds, _, cal)| zendesk::Target {
                        seconds,
                        business_hours: cal.is_some_and(|cal| {
                            let cal = calendars[cal];
                            !(cal["always_open"] == true && list(cal, "closed").is_empty())
                        }),
                    })
            };
            let organizations: Vec<Option<u64>> = if by_org {
                zendesk["organizations"][id]
                    .as_array()
                    .map_or(vec![None], |ids| ids.iter().map(|x| x.as_u64()).collect())
            } else {
                vec![None]
            };
            for &via in &vias {
                for &org in &organizations {
                    for priority in ["low", "normal", "high", "urgent"] {
                        let mut tags = if by_org {
                            vec![]
                        } else {
                            vec![facts.segment_name[id].to_string()]
                        };
                        tags.extend(marked.tag.iter().cloned());
                        let ticket = Ticket {
                            tags,
                            organization: org,
                            via,
                            priority,
                            marks: marked.fields.clone(),
                        };
                        let applied = zendesk::applies(&built.policies, &ticket);
                        let got = applied.as_ref().map(|a| (a.first_reply, a.resolution));
                        let want = (expect(reply), expect(resolution));
                        let wanted_none = want == (None, None);
                        let right = got == Some(want) || (wanted_none && got.is_none());
                        if !right {
                            assert!(
                                built.inexact_names_for("Zendesk", c),
                                "{what}: a {priority} ticket of {id} via {via} ({c}) gets {:?} from {:?}, the spec says {want:?}",
                                got,
                                applied.map(|a| a.title)
                            );
                        }
                        if let Some(a) = applied.filter(|_| right) {
                            let counted = [a.first_reply, a.resolution]
                                .iter()
                                .flatten()
                                .any(|t| t.business_hours);
                            if counted {
                                // The schedule that names the policy is the
                                // calendar its business-hours targets count
                                // on, with its opening intervals; two such
                                // calendars on one ticket are said.
                                let calendar = business(&calendars, reply)
                                    .or(business(&calendars, resolution));
                                let schedule =
                                    built.schedules.as_array().unwrap().iter().find(|e| {
                                        list(e, "policies").iter().any(|p| p == a.title.as_str())
                                    });
                                let schedule = schedule.unwrap_or_else(|| panic!("{what}: policy {} counts business hours but no schedule names it", a.title));
                                let two = business(&calendars, reply).is_some()
                                    && business(&calendars, resolution).is_some()
                                    && business(&calendars, reply)
                                        != business(&calendars, resolution);
                                if schedule["calendar"].as_str() != calendar || two {
                                    assert!(
                                        built.inexact_names_for("Zendesk", c),
                                        "{what}: policy {} is on schedule {} for {id} on {c}; its targets count on {calendar:?} (reply {reply:?}, resolution {resolution:?})",
                                        a.title,
                                        schedule["calendar"]
                                    );
                                    continue;
                                }
                                let ranges: usize = calendars[calendar.unwrap()]["week"]
                                    .as_object()
                                    .unwrap()
                                    .values()
                                    .map(|d| d.as_array().unwrap().len())
                                    .sum();
                                assert_eq!(
                                    list(&schedule["workweek"]["workweek"], "intervals").len(),
                                    ranges,
                                    "{what}: policy {}",
                                    a.title
                                );
                            }
                        }
                        check_complaint_tickets(
                            built,
                            &bounds,
                            (
                                id,
                                (!by_org).then(|| facts.segment_name[id].to_string()),
                                org,
                            ),
                            (c, via, &marked),
                            (reply, resolution),
                            what,
                        );
                    }
                }
            }
        }
    }
    // Titles are unique.
    let titles: Vec<&str> = built
        .policies
        .as_array()
        .unwrap()
        .iter()
        .map(|p| s(&p["sla_policy"]["title"]))
        .collect();
    let mut sorted = titles.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(
        sorted.len(),
        titles.len(),
        "{what}: policy titles repeat: {titles:?}"
    );
}
