//! Generated specs: tiers, shared queues, peer queues, time zones, owners
//! that are teams or roles, long and Cyrillic names; every one keeps every
//! invariant.

use super::*;

const ZONES: [Option<&str>; 6] = [
    None,
    Some("Europe/Berlin"),
    Some("America/New_York"),
    Some("Asia/Tokyo"),
    Some("Australia/Sydney"),
    Some("Europe/Moscow"),
];
const WEEKS: [&str; 4] = [
    "open 24x7",
    "open mon-fri 09:00-18:00",
    "open sat-sun 10:00-16:00",
    "open mon-fri 08:00-20:00; open sat 09:00-17:00; closed 2026-12-25, 2027-01-01",
];
const KINDS: [&str; 6] = ["phone", "chat", "email", "messenger", "social", "portal"];
/// Names short and long, Latin and Cyrillic; an index keeps them unique.
const NAMES: [&str; 4] = [
    "vip",
    "золото",
    "a_very_long_segment_name_that_an_admin_would_never_type_twice",
    "массовый_сегмент",
];

/// A rung: minutes after the one before, to a team (or its lead role).
type Rung = (u64, usize, bool);
/// (segments mask, owner team, owner is a role, calendar, rungs)
type GenComplaint = (u32, usize, bool, usize, Vec<Rung>);

#[derive(Debug, Clone)]
struct Gen {
    calendars: Vec<(usize, usize)>,
    teams: usize,
    /// (kind, calendar)
    channels: Vec<(usize, usize)>,
    /// (tier, channels as a bit mask, sla calendar, answer s, reply m, resolve h)
    segments: Vec<(u32, u32, usize, u64, u64, u64)>,
    /// (channel, segments mask, team, priority)
    queues: Vec<(usize, u32, usize, u32)>,
    complaints: Vec<GenComplaint>,
    task_timeout: Option<u64>,
    /// cxc.yaml names the segment attribute / sets channel 0's via ids.
    segment_attribute: bool,
    via_override: bool,
    /// One SLA for every segment, beside each segment's own, with a target
    /// on every channel: some of its targets name channels a segment does
    /// not list, and a segment's two SLAs must reach Zendesk as one policy
    /// per channel with the strictest of both.
    shared: bool,
    /// Segments written without a `channels` line (they use the channels
    /// their SLAs target), as a bit mask.
    unlisted: u32,
    /// Channels owned by a role (channel i by `agent{i % teams}`, or
    /// `lead{i % teams}` in a team with no agents) rather than by `team0`,
    /// as a bit mask: that team's queues on it take that role's workers
    /// only.
    role_owned: u32,
    /// Teams with a line role `agent{t}` beside their lead, as a bit mask:
    /// a complaint owned by (or escalated to) the lead lands in a queue the
    /// agents answer (audit 6, F1).
    agents: u32,
    /// Queue 0 has a peer (audit 11, M1): a copy on the same channel, for
    /// the same segments, at the same priority, of the next team — two
    /// cities' lines behind one number.
    peers: bool,
    /// Channels cxc.yaml tells apart beside their via id (audit 13, H2),
    /// as a bit mask: an even one by its ticket form, an odd one by a tag.
    /// Two channels of one kind share their via ids; told apart or not,
    /// every ticket gets its spec's target or a finding says which wins.
    marked: u32,
    /// Teams that keep hours of their own (team `t` those of calendar
    /// `t % calendars`), as a bit mask: a complaint its owner's hub gets
    /// while asleep is offered there first, for half its acknowledgement,
    /// then to every queue serving it (audit 15, H1; invariant 11b).
    team_hours: u32,
}

/// Makes segment 1 list channel 1 where no queue serves it, beside a
/// queue for segment 0 (a better tier) and one for segment 2 (its tier or
/// a worse one): what invariant 1d reads (audit 16, M2). Segments and a
/// channel are added where there are too few.
fn reserve(
    channels: &mut Vec<(usize, usize)>,
    segments: &mut Vec<(u32, u32, usize, u64, u64, u64)>,
    queues: &mut Vec<(usize, u32, usize, u32)>,
    teams: usize,
) {
    if channels.len() < 2 {
        channels.push((1, 0));
    }
    while segments.len() < 3 {
        segments.push(segments[0]);
    }
    let c = 1;
    segments[0].0 = 1;
    segments[1].0 = segments[1].0.max(2);
    segments[2].0 = segments[2].0.max(segments[1].0);
    segments[1].1 |= 1 << c;
    for q in queues.iter_mut().filter(|q| q.0 == c) {
        q.1 &= !(1 << 1);
        if q.1 == 0 {
            q.1 = 1 << 2;
        }
    }
    queues.push((c, 1 << 0, 0, 2));
    queues.push((c, 1 << 2, teams - 1, 3));
}

fn gen() -> impl Strategy<Value = Gen> {
    (
        prop::collection::vec((0..ZONES.len(), 0..WEEKS.len()), 1..4),
        1usize..4,
        prop::collection::vec((0..KINDS.len(), 0usize..8), 1..5),
        1usize..5,
        prop::option::weighted(0.3, 86_400u64..400_000),
        any::<(bool, bool, bool, u32)>(),
    )
        .prop_flat_map(
            |(calendars, teams, channels, nsegments, task_timeout, flags)| {
                let nc = calendars.len();
                let nch = channels.len();
                let segment = (
                    1u32..5,
                    1u32..(1 << nch),
                    0..nc,
                    5u64..300,
                    1u64..600,
                    1u64..200,
                );
                // A mask of 0: a queue without `segments`.
                let queue = (0..nch, 0u32..(1 << nsegments), 0..teams, 1u32..6);
                let rung = (1u64..5000, 0..teams, any::<bool>());
                let complaint = (
                    1u32..(1 << nsegments),
                    0..teams,
                    any::<bool>(),
                    0..nc,
                    prop::collection::vec(rung, 0..4),
                );
                (
                    Just(calendars),
                    Just(teams),
                    Just(channels),
                    prop::collection::vec(segment, nsegments..=nsegments),
                    prop::collection::vec(queue, 0..7),
                    prop::collection::vec(complaint, 0..3),
                    Just(task_timeout),
                    Just(flags),
                )
            },
        )
        .prop_map(
            |(
                mut calendars,
                mut teams,
                mut channels,
                mut segments,
                mut queues,
                complaints,
                task_timeout,
                flags,
            )| {
                let nc = calendars.len();
                for ch in &mut channels {
                    ch.1 %= nc;
                }
                // Half the specs get what after-hours routing needs (audit
                // 5, F1): an office-hours channel 0 and a 24x7 channel 1;
                // team 0 with a queue on each (at work around the clock)
                // and team 1 with a queue on channel 0 for every segment
                // (office hours, shared), after segment 0's own.
                if flags.3 & 4 != 0 {
                    if calendars.len() < 2 {
                        calendars.push((0, 1));
                    }
                    calendars[0].1 = 0;
                    calendars[1].1 = 1;
                    if channels.len() < 2 {
                        channels.push((0, 0));
                    }
                    channels[0].1 = 1;
                    channels[1].1 = 0;
                    teams = teams.max(2);
                    let every = (1u32 << segments.len()) - 1;
                    queues.extend([(0, 1, 0, 1), (1, 1, 0, 1), (0, every, 1, 5)]);
                }
                // Three specs in ten get a segment that lists a channel
                // whose queues there are reserved for a better tier but
                // one open to its tier (invariant 1d, audit 16, M2: the
                // shape came in 9 specs of 500).
                if (flags.3 >> 26) % 10 < 3 {
                    reserve(&mut channels, &mut segments, &mut queues, teams);
                }
                let peers = flags.3 & (1 << 20) != 0 && !queues.is_empty();
                if peers {
                    let (channel, segments, team, priority) = queues[0];
                    queues.push((channel, segments, (team + 1) % teams, priority));
                }
                Gen {
                    calendars,
                    teams,
                    channels,
                    segments,
                    queues,
                    complaints,
                    task_timeout,
                    segment_attribute: flags.0,
                    via_override: flags.1,
                    shared: flags.2,
                    unlisted: flags.3 % 4,
                    role_owned: flags.3 >> 2,
                    agents: flags.3.rotate_right(11),
                    peers,
                    marked: flags.3.rotate_right(5) & 0b1111,
                    team_hours: match flags.3 & (1 << 16) {
                        0 => 0,
                        _ => flags.3.rotate_right(17) & 0b111,
                    },
                }
            },
        )
}

impl Gen {
    fn segment(i: usize) -> String {
        format!("{}_{i}", NAMES[i % NAMES.len()])
    }

    fn mask(&self, mask: u32) -> Vec<String> {
        (0..self.segments.len())
            .filter(|i| mask & (1 << i) != 0)
            .map(Self::segment)
            .collect()
    }

    fn spec(&self) -> String {
        let mut out = String::from("service \"Generated\" { language en }\n");
        for (i, &(zone, week)) in self.calendars.iter().enumerate() {
            let zone = ZONES[zone].map_or(String::new(), |z| format!("timezone \"{z}\"; "));
            out += &format!(
                "calendar cal{i} \"Календарь {i}\" {{ {zone}{} }}\n",
                WEEKS[week]
            );
        }
        for t in 0..self.teams {
            let hours = match self.team_hours & (1 << t) {
                0 => String::new(),
                _ => format!("; hours cal{}", t % self.calendars.len()),
            };
            out += &format!("team team{t} \"Команда {t}\" {{ lead lead{t}{hours} }}\n");
            out += &format!("role lead{t} \"Lead {t}\" {{ team team{t}; duty \"Lead\" }}\n");
            if self.agents & (1 << t) != 0 {
                out += &format!(
                    "role agent{t} \"Agent {t}\" {{ team team{t}; reports_to lead{t}; duty \"Line\" }}\n"
                );
            }
        }
        for (i, &(kind, cal)) in self.channels.iter().enumerate() {
            let owner = match self.owner_role(i) {
                Some((_, role)) => role,
                None => "team0".to_string(),
            };
            out += &format!(
                "channel ch{i} \"Channel {i} ({})\" {{ kind {}; hours cal{cal}; owner {owner} }}\n",
                KINDS[kind], KINDS[kind]
            );
        }
        for (i, &(tier, mask, cal, answer, reply, resolve)) in self.segments.iter().enumerate() {
            let chans: Vec<String> = (0..self.channels.len())
                .filter(|c| mask & (1 << c) != 0)
                .map(|c| format!("ch{c}"))
                .collect();
            let id = Self::segment(i);
            let listed = if self.unlisted & (1 << i) != 0 {
                String::new()
            } else {
                format!("; channels {}", chans.join(", "))
            };
            out += &format!("segment {id} \"Сегмент {i}\" {{ tier {tier}{listed} }}\n");
            let mut sla = format!("sla sla{i} \"SLA {i}\" for {id} {{ hours cal{cal}");
            for c in (0..self.channels.len()).filter(|c| mask & (1 << c) != 0) {
                let kind = KINDS[self.channels[c].0];
                if kind == "phone" || kind == "chat" {
                    sla += &format!("; answer ch{c} 80% within {answer}s");
                } else if reply % 4 == 0 {
                    // Some reply targets in working days (audit 17, M4).
                    sla += &format!("; first_response ch{c} within {}wd", reply % 3 + 1);
                } else {
                    sla += &format!("; first_response ch{c} within {reply}m");
                }
            }
            // Some resolutions in working days (language 3).
            let resolution = if resolve % 3 == 0 {
                format!("{}wd", resolve % 10 + 1)
            } else {
                format!("{resolve}h")
            };
            out += &format!("{sla}; resolution within {resolution} }}\n");
        }
        if self.shared {
            let all = self.mask(u32::MAX).join(", ");
            let mut sla =
                format!("sla shared \"Shared\" for {all} {{ hours cal0; resolution within 30d");
            for (c, &(kind, _)) in self.channels.iter().enumerate() {
                if KINDS[kind] == "phone" || KINDS[kind] == "chat" {
                    sla += &format!("; answer ch{c} 70% within 10m");
                } else {
                    sla += &format!("; first_response ch{c} within 20h");
                }
            }
            out += &format!("{sla} }}\n");
        }
        for (i, &(ch, mask, team, priority)) in self.queues.iter().enumerate() {
            // A queue without `segments` on a channel some segment uses
            // (one nobody uses would serve nobody).
            let used = self.segments.iter().enumerate().any(|(s, seg)| {
                seg.1 & (1 << ch) != 0 || (self.shared && self.unlisted & (1 << s) != 0)
            });
            let segments = if mask == 0 && used {
                String::new()
            } else if mask == 0 {
                format!("segments {}; ", Self::segment(0))
            } else {
                format!("segments {}; ", self.mask(mask).join(", "))
            };
            // Names short, Cyrillic and long, so that a waiting queue's
            // joined name can pass Twilio's 64 characters.
            let label = match (i + team) % 3 {
                0 => format!("Queue {i}"),
                1 => format!("Очередь обслуживания клиентов {i}"),
                _ => format!(
                    "Dedicated line for key accounts and partners in the northern region {i}"
                ),
            };
            // One queue in five serves in order of arrival (audit 10, H1).
            let order = if priority == 5 { "; order arrival" } else { "" };
            out += &format!(
                "queue q{i} \"{label}\" {{ channel ch{ch}; {segments}priority {priority}; team team{team}{order} }}\n"
            );
        }
        for (i, (mask, owner, role, cal, rungs)) in self.complaints.iter().enumerate() {
            let party = |team: usize, role: bool| {
                if role {
                    format!("lead{team}")
                } else {
                    format!("team{team}")
                }
            };
            // Some acknowledgements in working days (prac18: the owner's
            // first offer took the longest wall-clock time they can last).
            let ack = match Self::ack_days(*mask, *owner) {
                Some(days) => format!("{days}wd"),
                None => "1h".to_string(),
            };
            out += &format!(
                "complaint k{i} \"Complaint {i}\" {{\n  segments {}\n  severity high\n  owner {}\n  hours cal{cal}\n  acknowledge within {ack}\n  resolve within 5d\n",
                self.mask(*mask).join(", "),
                party(*owner, *role)
            );
            // Each rung goes up (team0 < lead0 < team1 < ...), so no ladder,
            // alone or with the others, leads back.
            let mut last = 2 * owner + usize::from(*role);
            let mut after = 0;
            for &(minutes, team, role) in rungs {
                after += minutes;
                let rank = 2 * team + usize::from(role);
                if rank <= last {
                    continue;
                }
                last = rank;
                // Some rungs in working days (language 3): as long as a day
                // or two, so they may come after later rungs in minutes.
                let time = if minutes % 4 == 0 {
                    format!("{}wd", after / 1440 + 1)
                } else {
                    format!("{after}m")
                };
                out += &format!("  escalate after {time} to {}\n", party(team, role));
            }
            out += "  feedback required\n}\n";
        }
        out
    }

    /// The team and the role that own channel `i`, if a role owns it: the
    /// team's agents, else its lead (then the team's only role, who
    /// answers the line).
    fn owner_role(&self, i: usize) -> Option<(usize, String)> {
        let t = (self.role_owned & (1 << i) != 0).then_some(i % self.teams)?;
        let role = if self.agents & (1 << t) != 0 {
            format!("agent{t}")
        } else {
            format!("lead{t}")
        };
        Some((t, role))
    }

    fn config(&self) -> String {
        let mut out = String::from("rules:\n  understaffed: off\n  metric-target-unmet: off\n");
        out += "exports:\n  taskrouter:\n";
        if let Some(t) = self.task_timeout {
            out += &format!("    task_timeout: {t}\n");
        }
        if self.segment_attribute {
            out += "    segment_attribute: customer.tier_name\n";
        }
        let mut zendesk = String::new();
        if self.via_override {
            let via = zendesk::vias_of_kind(KINDS[self.channels[0].0])[0];
            zendesk += &format!("    via_ids:\n      ch0: [{via}]\n");
        }
        let marked = |odd: usize| {
            (0..self.channels.len()).filter(move |i| self.marked & (1 << i) != 0 && i % 2 == odd)
        };
        if marked(0).next().is_some() {
            zendesk += "    ticket_forms:\n";
            for i in marked(0) {
                zendesk += &format!("      ch{i}: [{}]\n", 360_000 + i);
            }
        }
        if marked(1).next().is_some() {
            zendesk += "    channel_tags:\n";
            for i in marked(1) {
                zendesk += &format!("      ch{i}: form_{i}\n");
            }
        }
        if !zendesk.is_empty() {
            out += "  zendesk:\n";
            out += &zendesk;
        }
        out
    }
}

fn check_generated(g: &Gen) {
    let spec = g.spec();
    let (_work, built) = build_text(&spec, Some(&g.config()));
    invariants::check(&built, &format!("generated spec\n{spec}\n"));
    // Who answers a line: a queue on a channel a role of its team owns
    // admits that role's workers of the team only; any other queue every
    // worker of its team (as the job descriptions and headcount-short
    // read it).
    let now = Moment {
        day: 0,
        minute: 600,
    };
    for (i, &(ch, _, team, _)) in g.queues.iter().enumerate() {
        let q = built
            .queues
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["queue"] == format!("q{i}"))
            .unwrap();
        let workers = twilio::parse(q["target_workers"].as_str().unwrap()).unwrap();
        let admits = |team: usize, role: &str| {
            let worker = serde_json::json!({"team": format!("team{team}"), "roles": [role]});
            twilio::holds(&workers, &worker, now, &Value::Null)
        };
        let other = (team + 1) % g.teams;
        assert!(
            other == team || !admits(other, &format!("lead{team}")),
            "q{i}: {spec}"
        );
        match g.owner_role(ch).filter(|&(t, _)| t == team) {
            Some((_, role)) => {
                assert!(admits(team, &role), "q{i}: {spec}");
                assert!(
                    !admits(team, "agent"),
                    "q{i} admits a role that does not own ch{ch}: {spec}"
                );
            }
            None => assert!(admits(team, "agent"), "q{i}: {spec}"),
        }
    }
}

impl Gen {
    /// The working days of the acknowledgement of a complaint of segments
    /// `mask` owned by team `owner` (or its lead); none: `1h`.
    fn ack_days(mask: u32, owner: usize) -> Option<u32> {
        (mask + owner as u32)
            .is_multiple_of(3)
            .then_some(mask % 2 + 1)
    }

    /// Whether a complaint acknowledged in working days is owned by a team
    /// that keeps hours of its own: what invariant 11b reads (prac18).
    fn first_offer_shape(&self) -> bool {
        (self.complaints.iter()).any(|&(mask, owner, _, _, _)| {
            Self::ack_days(mask, owner).is_some() && self.team_hours & (1 << owner) != 0
        })
    }

    /// Whether an `order arrival` queue serves segments of two tiers, with
    /// a complaint rule beside it: what invariant 3 reads on such a queue.
    fn arrival_shape(&self) -> bool {
        let tiers = |mask: u32| {
            let mut seen: Vec<u32> = self
                .segments
                .iter()
                .enumerate()
                .filter(|&(s, _)| mask == 0 || mask & (1 << s) != 0)
                .map(|(_, seg)| seg.0)
                .collect();
            seen.sort();
            seen.dedup();
            seen.len()
        };
        !self.complaints.is_empty() && self.queues.iter().any(|q| q.3 == 5 && tiers(q.1) > 1)
    }

    /// Whether a segment that lists a channel no queue serves it on finds
    /// there both a queue reserved for better tiers and one open to its
    /// tier: what invariant 1d reads (audit 16, M2).
    fn reserved_shape(&self) -> bool {
        let tier = |s: usize| self.segments[s].0;
        (0..self.channels.len()).any(|c| {
            let here: Vec<u32> = self
                .queues
                .iter()
                .filter(|q| q.0 == c)
                .map(|q| q.1)
                .collect();
            (0..self.segments.len()).any(|s| {
                let lists = self.segments[s].1 & (1 << c) != 0;
                let served = here.iter().any(|&m| m == 0 || m & (1 << s) != 0);
                let of = |m: u32| (0..self.segments.len()).filter(move |o| m & (1 << o) != 0);
                let reserved = here.iter().any(|&m| of(m).all(|o| tier(o) < tier(s)));
                let open = here.iter().any(|&m| of(m).any(|o| tier(o) >= tier(s)));
                lists && !served && reserved && open
            })
        })
    }

    /// Whether the spec has what makes after-hours routing go wrong (audit
    /// 5, F1): a queue shared by several segments, two queues on one
    /// channel, and a team at work around the clock (a queue on a 24x7
    /// channel) beside a team that keeps office hours.
    fn after_hours_shape(&self) -> bool {
        let shared = self
            .queues
            .iter()
            .any(|q| (q.1 == 0 && self.segments.len() > 1) || q.1.count_ones() > 1);
        let crowded =
            (0..self.channels.len()).any(|c| self.queues.iter().filter(|q| q.0 == c).count() > 1);
        let always = |team: usize| {
            self.queues
                .iter()
                .filter(|q| q.2 == team)
                .any(|q| self.calendars[self.channels[q.0].1].1 == 0)
        };
        let teams: Vec<usize> = self.queues.iter().map(|q| q.2).collect();
        let mixed = teams.iter().any(|&t| always(t)) && teams.iter().any(|&t| !always(t));
        shared && crowded && mixed
    }
}

/// 500 generated specs a run: 250 from a fixed seed, 250 from a random one,
/// both printed. Enough of them have shared queues, several queues on a
/// channel and 24x7 teams beside office-hours ones for invariant 7 to bite
/// (the workflow of cxc before audit 5's F1 fails it on the fixed seed).
#[test]
fn every_generated_spec_keeps_every_invariant() {
    let shaped = std::sync::atomic::AtomicU32::new(0);
    let arrival = std::sync::atomic::AtomicU32::new(0);
    let peers = std::sync::atomic::AtomicU32::new(0);
    let reserved = std::sync::atomic::AtomicU32::new(0);
    let first_offer = std::sync::atomic::AtomicU32::new(0);
    run_seeded("routing invariants", [24u8; 32], 250, &gen(), |g| {
        if g.peers {
            peers.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        if g.after_hours_shape() {
            shaped.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        if g.reserved_shape() {
            reserved.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        if g.first_offer_shape() {
            first_offer.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        if g.arrival_shape() {
            arrival.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        check_generated(&g)
    });
    let peers = peers.into_inner();
    let _ = writeln!(
        std::io::stderr(),
        "routing invariants: {peers} specs with peer queues"
    );
    assert!(
        peers >= 100,
        "only {peers} of 500 specs test peer queues (audit 11, M1)"
    );
    let reserved = reserved.into_inner();
    let _ = writeln!(
        std::io::stderr(),
        "routing invariants: {reserved} specs with a segment beside a queue for better tiers only"
    );
    // Three in ten are made so (`reserve`): about 150.
    assert!(
        reserved >= 100,
        "only {reserved} of 500 specs test queues for better tiers only (audit 16, M2)"
    );
    let first_offer = first_offer.into_inner();
    let _ = writeln!(
        std::io::stderr(),
        "routing invariants: {first_offer} specs with a complaint acknowledged in working days by a team with hours"
    );
    // About 25 (one spec in twenty): 8 leaves the random seed room.
    assert!(
        first_offer >= 8,
        "only {first_offer} of 500 specs test a complaint's first offer in working days (prac18)"
    );
    let arrival = arrival.into_inner();
    let _ = writeln!(
        std::io::stderr(),
        "routing invariants: {arrival} specs with an `order arrival` queue shared by tiers and a complaint"
    );
    assert!(
        arrival >= 25,
        "only {arrival} of 500 specs test `order arrival` (audit 10, H1)"
    );
    let shaped = shaped.into_inner();
    let _ = writeln!(
        std::io::stderr(),
        "routing invariants: {shaped} specs with shared queues, crowded channels and 24x7 beside office-hours teams"
    );
    assert!(
        shaped >= 50,
        "only {shaped} of 500 specs test after-hours routing"
    );
}
