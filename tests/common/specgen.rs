//! Generated specs for the invariants of job descriptions and published
//! promises: teams with a lead and line roles (or without a lead), roles
//! owning work, channels owned by teams or roles, queues per channel and
//! segment, journeys, complaints, agreements and promises; display names in
//! Latin and Cyrillic, some long.
//!
//! A [`Plan`] says who owns what in plain data; the tests' oracles read the
//! plan, never cxc's derivation. [`Plan::text`] writes it as a spec.

#![allow(dead_code)]

/// One checked spec rendered in process (tests/common/render.rs).
#[path = "render.rs"]
pub mod render;

use proptest::prelude::*;
use std::fmt::Write;

/// Who owns a piece of work: a team, or a role (by index into `roles`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Owner {
    Team(usize),
    Role(usize),
}

#[derive(Debug, Clone)]
pub struct Team {
    pub label: String,
    /// Whether the team's first role is its lead.
    pub lead: bool,
}

#[derive(Debug, Clone)]
pub struct Role {
    pub label: String,
    pub team: Option<usize>,
    /// The role it `reports_to`: another role of its team.
    pub reports_to: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Channel {
    pub label: String,
    /// Phone (answer targets) when true, else email (first responses).
    pub live: bool,
    /// A self-service portal (then `live` is false): no owner, no
    /// targets, no queue.
    pub self_service: bool,
    pub owner: Owner,
}

/// A time limit: running seconds, or working days (`wd`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Within {
    Seconds(u64),
    Wd(u32),
}

impl Within {
    /// As a spec writes it: `90s`, `2wd`.
    pub fn text(self) -> String {
        match self {
            Within::Seconds(s) => format!("{s}s"),
            Within::Wd(d) => format!("{d}wd"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Segment {
    pub label: String,
    /// Channels offered (indices), never empty.
    pub channels: Vec<usize>,
    /// Whether its SLA counts on office hours (else 24x7).
    pub office: bool,
    /// Answer (live, seconds) and first-response (email, seconds or
    /// working days) targets: channel, limit.
    pub targets: Vec<(usize, Within)>,
    /// Resolution targets: on a channel or on all.
    pub resolutions: Vec<(Option<usize>, Within)>,
    /// Its routing tier, 1–3, if it has one.
    pub tier: Option<u8>,
}

#[derive(Debug, Clone)]
pub struct Queue {
    pub channel: usize,
    /// Empty: every segment.
    pub segments: Vec<usize>,
    pub team: usize,
    /// Contacts per 30 minutes (on a live channel), with agents enough for
    /// any target: 20 per Erlang of a 3-minute handle time.
    pub forecast: Option<u32>,
    /// `order arrival`: every tier at one priority (audit 10, H1).
    pub arrival: bool,
}

#[derive(Debug, Clone)]
pub struct Step {
    pub label: String,
    pub owner: Owner,
    pub within: Option<u64>,
    /// The channels it is served on (indices); none: back-office work.
    pub channels: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Journey {
    pub label: String,
    pub within: Option<u64>,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone)]
pub struct Complaint {
    pub label: String,
    pub owner: Owner,
    pub acknowledge: u64,
    pub resolve: Within,
    /// The escalation ladder: after (seconds, increasing), to whom.
    pub escalations: Vec<(u64, Owner)>,
    /// Whether it grants remedies (apologise, redo, compensate).
    pub remedies: bool,
}

#[derive(Debug, Clone)]
pub struct Agreement {
    pub provider: usize,
    pub consumer: usize,
    pub respond: u64,
}

/// What a promise is about.
#[derive(Debug, Clone)]
pub enum Promised {
    /// A segment on a channel.
    Channel { segment: usize, channel: usize },
    /// A journey, from a step to a step (indices), each optional.
    Journey {
        journey: usize,
        from: Option<usize>,
        to: Option<usize>,
    },
    /// A segment, on no channel and no journey.
    Segment { segment: usize },
}

#[derive(Debug, Clone)]
pub struct Promise {
    /// Its number (`p{id}`), kept when other promises are dropped.
    pub id: usize,
    pub label: String,
    pub promised: Promised,
    pub within: u64,
    /// Whether `on_breach` gives the customer something (apologise,
    /// compensate), beside the escalation.
    pub remedies: bool,
    /// The role a breach is escalated to.
    pub escalate: Option<usize>,
}

/// The office calendar: its opening intervals per weekday (Monday first),
/// in minutes of the day; whether it names a time zone ([`OFFICE_ZONE`])
/// and has holidays.
#[derive(Debug, Clone, PartialEq)]
pub struct Office {
    pub days: [Vec<(u32, u32)>; 7],
    pub timezone: bool,
    pub holidays: bool,
}

pub const OFFICE_ZONE: &str = "Europe/Berlin";

const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl Default for Office {
    /// Mon–Fri 09:00–18:00.
    fn default() -> Office {
        let mut days: [Vec<(u32, u32)>; 7] = Default::default();
        for day in &mut days[..5] {
            day.push((9 * 60, 18 * 60));
        }
        Office {
            days,
            timezone: false,
            holidays: false,
        }
    }
}

/// Office hours: a pattern of one or two intervals (06:00–23:00, in half
/// hours) on most days, another on some, some days closed (never all).
pub fn office() -> impl Strategy<Value = Office> {
    let one =
        (12u32..=24, 2u32..=16).prop_map(|(start, len)| vec![(start * 30, (start + len) * 30)]);
    let two = (12u32..=20, 2u32..=8, 1u32..=4, 2u32..=8).prop_map(|(s, a, gap, b)| {
        vec![
            (s * 30, (s + a) * 30),
            ((s + a + gap) * 30, (s + a + gap + b) * 30),
        ]
    });
    let pattern = prop_oneof![one, two];
    (
        pattern.clone(),
        pattern,
        prop::array::uniform7(0u8..4),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(base, other, picks, timezone, holidays)| {
            let mut days: [Vec<(u32, u32)>; 7] = Default::default();
            for (day, pick) in days.iter_mut().zip(picks) {
                *day = match pick {
                    0 => Vec::new(),
                    3 => other.clone(),
                    _ => base.clone(),
                };
            }
            if days.iter().all(Vec::is_empty) {
                days[0] = base;
            }
            Office {
                days,
                timezone,
                holidays,
            }
        })
}

fn hhmm(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

impl Office {
    /// The calendar as a spec declares it, one `open` line per day.
    fn text(&self) -> String {
        let mut lines = vec!["calendar office \"Office hours\" {".to_string()];
        if self.timezone {
            lines.push(format!("  timezone \"{OFFICE_ZONE}\""));
        }
        for (day, hours) in DAY_NAMES.iter().zip(&self.days) {
            if !hours.is_empty() {
                let times: Vec<String> = hours
                    .iter()
                    .map(|&(a, b)| format!("{}-{}", hhmm(a), hhmm(b)))
                    .collect();
                lines.push(format!("  open {day} {}", times.join(", ")));
            }
        }
        if self.holidays {
            lines.push("  closed 2026-01-01, 2026-12-25".into());
        }
        lines.push("}".into());
        lines.join("\n")
    }
}

#[derive(Debug, Clone)]
pub struct Plan {
    /// The calendar `office`; `always` is open 24x7.
    pub office: Office,
    pub teams: Vec<Team>,
    pub roles: Vec<Role>,
    pub channels: Vec<Channel>,
    pub segments: Vec<Segment>,
    pub queues: Vec<Queue>,
    pub journeys: Vec<Journey>,
    pub complaints: Vec<Complaint>,
    pub agreements: Vec<Agreement>,
    pub promises: Vec<Promise>,
}

const NAMES: &[&str] = &[
    "Support",
    "Контакт-центр",
    "Служба качества и претензионной работы с ключевыми клиентами",
    "Back office",
    "Доставка",
    "Key accounts desk for partners and resellers in the northern region",
    "Приёмка",
    "Field service",
];

/// A display name, unique by its number: `kind` keeps kinds apart.
fn name(kind: &str, pick: usize, n: usize) -> String {
    format!("{} {kind}{n}", NAMES[pick % NAMES.len()])
}

impl Plan {
    /// The index of the lead role of a team.
    pub fn lead(&self, team: usize) -> Option<usize> {
        if !self.teams[team].lead {
            return None;
        }
        self.roles.iter().position(|r| r.team == Some(team))
    }

    /// Whether a role is supervisory: another role of its team, not the
    /// team's lead, reports to it, and it is not the lead itself.
    pub fn supervisory(&self, role: usize) -> bool {
        let Some(team) = self.roles[role].team else {
            return false;
        };
        let lead = self.lead(team);
        lead != Some(role)
            && self
                .members(team)
                .any(|o| o != role && Some(o) != lead && self.roles[o].reports_to == Some(role))
    }

    pub fn members(&self, team: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.roles.len()).filter(move |&r| self.roles[r].team == Some(team))
    }

    pub fn text(&self) -> String {
        let mut s = String::new();
        let w = &mut s;
        writeln!(w, "service \"Generated\" {{ language en }}").unwrap();
        writeln!(w, "{}", self.office.text()).unwrap();
        writeln!(w, "calendar always \"Always\" {{ open 24x7 }}").unwrap();
        for (t, team) in self.teams.iter().enumerate() {
            let lead = self
                .lead(t)
                .map(|r| format!(" lead r{r}"))
                .unwrap_or_default();
            writeln!(w, "team t{t} \"{}\" {{{lead} }}", team.label).unwrap();
        }
        for (r, role) in self.roles.iter().enumerate() {
            let team = role.team.map(|t| format!(" team t{t}")).unwrap_or_default();
            let boss = role
                .reports_to
                .map(|b| format!("; reports_to r{b}"))
                .unwrap_or_default();
            writeln!(w, "role r{r} \"{}\" {{{team}{boss} }}", role.label).unwrap();
        }
        for (c, channel) in self.channels.iter().enumerate() {
            if channel.self_service {
                writeln!(
                    w,
                    "channel c{c} \"{}\" {{ kind portal; self_service }}",
                    channel.label
                )
                .unwrap();
                continue;
            }
            let kind = if channel.live { "phone" } else { "email" };
            let owner = self.owner(channel.owner);
            writeln!(
                w,
                "channel c{c} \"{}\" {{ kind {kind}; hours always; owner {owner} }}",
                channel.label
            )
            .unwrap();
        }
        for (g, segment) in self.segments.iter().enumerate() {
            let channels: Vec<String> = segment.channels.iter().map(|c| format!("c{c}")).collect();
            let tier = segment
                .tier
                .map(|t| format!("; tier {t}"))
                .unwrap_or_default();
            writeln!(
                w,
                "segment g{g} \"{}\" {{ channels {}{tier} }}",
                segment.label,
                channels.join(", ")
            )
            .unwrap();
            let hours = if segment.office { "office" } else { "always" };
            write!(w, "sla s{g} for g{g} {{ hours {hours}").unwrap();
            for &(c, within) in &segment.targets {
                let within = within.text();
                if self.channels[c].live {
                    write!(w, "; answer c{c} 80% within {within}").unwrap();
                } else {
                    write!(w, "; first_response c{c} within {within}").unwrap();
                }
            }
            for &(c, within) in &segment.resolutions {
                let within = within.text();
                match c {
                    Some(c) => write!(w, "; resolution c{c} within {within}").unwrap(),
                    None => write!(w, "; resolution within {within}").unwrap(),
                }
            }
            writeln!(w, " }}").unwrap();
        }
        for (q, queue) in self.queues.iter().enumerate() {
            let segments: Vec<String> = queue.segments.iter().map(|g| format!("g{g}")).collect();
            let segments = if segments.is_empty() {
                String::new()
            } else {
                format!("; segments {}", segments.join(", "))
            };
            let forecast = queue
                .forecast
                .map(|f| {
                    format!(
                        "; forecast {f} per 30m; aht 3m; agents {}",
                        f.div_ceil(10) * 2 + 2
                    )
                })
                .unwrap_or_default();
            let order = if queue.arrival { "; order arrival" } else { "" };
            writeln!(
                w,
                "queue q{q} {{ channel c{}{segments}; team t{}{forecast}{order} }}",
                queue.channel, queue.team
            )
            .unwrap();
        }
        for (j, journey) in self.journeys.iter().enumerate() {
            let within = journey
                .within
                .map(|d| format!("  within {d}s\n"))
                .unwrap_or_default();
            writeln!(
                w,
                "journey j{j} \"{}\" {{\n{within}  start j{j}s0",
                journey.label
            )
            .unwrap();
            let last = journey.steps.len() - 1;
            for (i, step) in journey.steps.iter().enumerate() {
                let within = step
                    .within
                    .map(|d| format!("; within {d}s"))
                    .unwrap_or_default();
                let channels: Vec<String> = step.channels.iter().map(|c| format!("c{c}")).collect();
                let within = if channels.is_empty() {
                    within
                } else {
                    format!("{within}; channel {}", channels.join(", "))
                };
                let next = if i == last {
                    "end".to_string()
                } else {
                    format!("next j{j}s{}", i + 1)
                };
                writeln!(
                    w,
                    "  step j{j}s{i} \"{}\" {{ owner {}{within}; {next} }}",
                    step.label,
                    self.owner(step.owner)
                )
                .unwrap();
            }
            writeln!(w, "}}").unwrap();
        }
        for (k, complaint) in self.complaints.iter().enumerate() {
            let mut more = String::new();
            for &(after, to) in &complaint.escalations {
                write!(more, "; escalate after {after}s to {}", self.owner(to)).unwrap();
            }
            if complaint.remedies {
                more.push_str("; remedy apologize, redo, compensate \"Free delivery\"");
            }
            writeln!(
                w,
                "complaint k{k} \"{}\" {{ owner {}; hours office; acknowledge within {}s; resolve within {}{more} }}",
                complaint.label,
                self.owner(complaint.owner),
                complaint.acknowledge,
                complaint.resolve.text()
            )
            .unwrap();
        }
        for (a, agreement) in self.agreements.iter().enumerate() {
            writeln!(
                w,
                "agreement a{a} {{ provider t{}; consumer t{}; respond within {}s }}",
                agreement.provider, agreement.consumer, agreement.respond
            )
            .unwrap();
        }
        for promise in &self.promises {
            let p = promise.id;
            let about = match &promise.promised {
                Promised::Segment { segment } => format!("segments g{segment}"),
                Promised::Channel { segment, channel } => {
                    format!("segments g{segment}; channel c{channel}")
                }
                Promised::Journey { journey, from, to } => {
                    let from = from
                        .map(|s| format!(" from j{journey}s{s}"))
                        .unwrap_or_default();
                    let to = to
                        .map(|s| format!(" to j{journey}s{s}"))
                        .unwrap_or_default();
                    format!("journey j{journey}{from}{to}")
                }
            };
            let mut breach = Vec::new();
            if promise.remedies {
                breach.push("apologize, compensate \"A voucher\"".to_string());
            }
            if let Some(r) = promise.escalate {
                breach.push(format!("escalate r{r}"));
            }
            let breach = if breach.is_empty() {
                String::new()
            } else {
                format!("; on_breach {}", breach.join(", "))
            };
            writeln!(
                w,
                "promise p{p} \"{}\" {{ {about}; within {}s{breach} }}",
                promise.label, promise.within
            )
            .unwrap();
        }
        s
    }

    fn owner(&self, owner: Owner) -> String {
        match owner {
            Owner::Team(t) => format!("t{t}"),
            Owner::Role(r) => format!("r{r}"),
        }
    }
}

/// Seconds, from a minute to two days.
fn seconds() -> impl Strategy<Value = u64> {
    (1u64..=2880).prop_map(|m| m * 60)
}

/// [`seconds`], or one to five working days (one in four).
fn within() -> impl Strategy<Value = Within> {
    prop_oneof![
        3 => seconds().prop_map(Within::Seconds),
        1 => (1u32..=5).prop_map(Within::Wd),
    ]
}

/// A generated spec: office hours, 1–4 teams (each with 1–3 roles, most
/// with a lead), 0–2 roles without a team, 1–3 channels, 1–3 segments,
/// queues, 1–2 journeys, complaints, agreements and promises.
pub fn plan() -> impl Strategy<Value = Plan> {
    (work(), office()).prop_map(|(plan, office)| Plan { office, ..plan })
}

/// [`plan`] on Mon–Fri 09:00–18:00.
fn work() -> impl Strategy<Value = Plan> {
    // Per team: a lead, its size, a name, and whether its last role
    // reports to the one before it (a supervisory role when that one is
    // not the lead).
    let teams = prop::collection::vec(
        (
            prop::bool::weighted(0.8),
            1usize..=3,
            0usize..8,
            prop::bool::weighted(0.3),
        ),
        1..=4,
    );
    (teams, 0usize..=2).prop_flat_map(|(teams, free)| {
        let mut roles = Vec::new();
        let teams: Vec<Team> = teams
            .iter()
            .enumerate()
            .map(|(t, &(lead, size, pick, supervised))| {
                for i in 0..size {
                    let boss = (supervised && i + 1 == size && i > 0).then(|| roles.len() - 1);
                    roles.push(Role {
                        label: name("role ", pick + i, roles.len()),
                        team: Some(t),
                        reports_to: boss,
                    });
                }
                Team {
                    label: name("team ", pick, t),
                    lead,
                }
            })
            .collect();
        for _ in 0..free {
            roles.push(Role {
                label: name("role ", roles.len(), roles.len()),
                team: None,
                reports_to: None,
            });
        }
        let (nt, nr) = (teams.len(), roles.len());
        let owner =
            move || prop_oneof![(0..nt).prop_map(Owner::Team), (0..nr).prop_map(Owner::Role)];
        // Kind: 0–1 phone, 2–3 email, 4 a self-service portal.
        let channels = prop::collection::vec((0u8..5, owner(), 0usize..8), 1..=3);
        (Just(teams), Just(roles), channels, 1usize..=3)
            .prop_flat_map(move |(teams, roles, channels, segments)| {
                let channels: Vec<Channel> = channels
                    .into_iter()
                    .enumerate()
                    .map(|(c, (kind, owner, pick))| Channel {
                        label: name("channel ", pick, c),
                        live: kind < 2,
                        self_service: kind == 4,
                        owner,
                    })
                    .collect();
                let nc = channels.len();
                let segment = (
                    prop::sample::subsequence((0..nc).collect::<Vec<_>>(), 1..=nc),
                    any::<bool>(),
                    prop::collection::vec((0..nc, within()), 0..=3),
                    prop::collection::vec((prop::option::of(0..nc), within()), 0..=2),
                    (0usize..8, prop::option::of(1u8..=3)),
                );
                let segments = prop::collection::vec(segment, segments..=segments);
                (Just(teams), Just(roles), Just(channels), segments)
            })
            .prop_flat_map(move |(teams, roles, channels, segments)| {
                let nc = channels.len();
                let segments: Vec<Segment> = segments
                    .into_iter()
                    .enumerate()
                    .map(
                        |(g, (offered, office, targets, resolutions, (pick, tier)))| {
                            // No target on a self-service channel; answer
                            // targets in seconds.
                            let staffed = |c: usize| !channels[c].self_service;
                            let targets = targets
                                .into_iter()
                                .filter(|&(c, _)| staffed(c))
                                .map(|(c, w)| match w {
                                    Within::Wd(_) if channels[c].live => (c, Within::Seconds(60)),
                                    _ => (c, w),
                                })
                                .collect();
                            let resolutions = resolutions
                                .into_iter()
                                .filter(|&(c, _)| c.is_none_or(staffed))
                                .collect();
                            Segment {
                                label: name("segment ", pick, g),
                                channels: offered,
                                office,
                                targets: dedup_by_channel(targets),
                                resolutions,
                                tier,
                            }
                        },
                    )
                    .collect();
                let ns = segments.len();
                let live: Vec<bool> = channels.iter().map(|c| c.live).collect();
                let queue = (
                    0..nc,
                    prop::sample::subsequence((0..ns).collect::<Vec<_>>(), 0..=ns),
                    0..nt,
                    prop::option::of(1u32..=100),
                    prop::bool::weighted(0.25),
                )
                    .prop_map(
                        move |(channel, segments, team, forecast, arrival)| Queue {
                            channel,
                            segments,
                            team,
                            forecast: forecast.filter(|_| live[channel]),
                            arrival,
                        },
                    );
                let step = (
                    owner(),
                    prop::option::of(seconds()),
                    0usize..8,
                    prop::sample::subsequence((0..nc).collect::<Vec<_>>(), 0..=nc.min(2)),
                );
                let journey = (
                    prop::collection::vec(step, 1..=5),
                    prop::option::of(seconds()),
                    0usize..8,
                );
                let complaint = (
                    (owner(), seconds(), within(), 0usize..8),
                    prop::collection::vec(owner(), 0..=2),
                    any::<bool>(),
                );
                let agreement = (0..nt, 0..nt, seconds());
                (
                    Just((teams, roles, channels, segments)),
                    prop::collection::vec(queue, 0..=4),
                    prop::collection::vec(journey, 1..=2),
                    prop::collection::vec(complaint, 0..=2),
                    prop::collection::vec(agreement, 0..=2),
                    prop::collection::vec(
                        (
                            any::<prop::sample::Index>(),
                            any::<prop::sample::Index>(),
                            any::<prop::sample::Index>(),
                            0u8..8,
                            seconds(),
                            (
                                any::<bool>(),
                                prop::option::of(any::<prop::sample::Index>()),
                            ),
                        ),
                        0..=3,
                    ),
                )
            })
            .prop_map(
                |(
                    (teams, roles, channels, segments),
                    mut queues,
                    journeys,
                    complaints,
                    agreements,
                    promises,
                )| {
                    queues.retain(|q| !channels[q.channel].self_service);
                    let mut steps = 0;
                    let journeys: Vec<Journey> = journeys
                        .into_iter()
                        .enumerate()
                        .map(|(j, (list, within, pick))| Journey {
                            label: name("journey ", pick, j),
                            within,
                            steps: list
                                .into_iter()
                                .map(|(owner, within, pick, channels)| {
                                    steps += 1;
                                    Step {
                                        label: name("step ", pick, steps),
                                        owner,
                                        within,
                                        channels,
                                    }
                                })
                                .collect(),
                        })
                        .collect();
                    let complaints = complaints
                        .into_iter()
                        .enumerate()
                        .map(
                            |(k, ((owner, acknowledge, resolve, pick), ladder, remedies))| {
                                // Each rung higher than the last in one order
                                // of all owners (so no ladder leads back, in any
                                // complaint), an hour after the last.
                                let rank = |o: Owner| match o {
                                    Owner::Team(t) => t,
                                    Owner::Role(r) => teams.len() + r,
                                };
                                let mut rungs: Vec<Owner> = ladder
                                    .into_iter()
                                    .filter(|&to| rank(to) > rank(owner))
                                    .collect();
                                rungs.sort_by_key(|&o| rank(o));
                                rungs.dedup();
                                Complaint {
                                    label: name("complaint ", pick, k),
                                    owner,
                                    acknowledge,
                                    resolve,
                                    escalations: (1u64..).map(|h| h * 3600).zip(rungs).collect(),
                                    remedies,
                                }
                            },
                        )
                        .collect();
                    let agreements = agreements
                        .into_iter()
                        .filter(|&(p, c, _)| p != c)
                        .map(|(provider, consumer, respond)| Agreement {
                            provider,
                            consumer,
                            respond,
                        })
                        .collect();
                    let promises = promises
                        .into_iter()
                        .enumerate()
                        .map(|(p, (a, b, c, kind, within, (remedies, escalate)))| {
                            let promised = if kind >= 6 {
                                Promised::Segment {
                                    segment: a.index(segments.len()),
                                }
                            } else if kind < 2 {
                                let segment = a.index(segments.len());
                                let offered = &segments[segment].channels;
                                Promised::Channel {
                                    segment,
                                    channel: offered[b.index(offered.len())],
                                }
                            } else {
                                let journey = a.index(journeys.len());
                                let n = journeys[journey].steps.len();
                                let (from, to) = (b.index(n), c.index(n));
                                let (from, to) = (from.min(to), from.max(to));
                                Promised::Journey {
                                    journey,
                                    from: (kind & 1 == 1).then_some(from),
                                    to: (kind >= 4).then_some(to),
                                }
                            };
                            Promise {
                                id: p,
                                label: name("promise ", p, p),
                                promised,
                                remedies,
                                escalate: escalate.map(|r| r.index(roles.len())),
                                // Within a promise's reach or not: the
                                // tests look only at those check accepts.
                                within: within * 10,
                            }
                        })
                        .collect();
                    Plan {
                        office: Office::default(),
                        teams,
                        roles,
                        channels,
                        segments,
                        queues,
                        journeys,
                        complaints,
                        agreements,
                        promises,
                    }
                },
            )
    })
}

/// One target per channel: an SLA names a channel once.
fn dedup_by_channel(mut targets: Vec<(usize, Within)>) -> Vec<(usize, Within)> {
    let mut seen = Vec::new();
    targets.retain(|&(c, _)| {
        let new = !seen.contains(&c);
        seen.push(c);
        new
    });
    targets
}

/// A generated spec compiled; it must have no error (a generated spec is
/// valid by construction).
pub fn compiled(text: &str) -> cxc::pipeline::Compilation {
    let compiled =
        cxc::pipeline::compile_bytes("spec.cx", text.as_bytes(), &cxc::check::Options::default());
    let errors: Vec<&str> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.severity == cxc::diagnostic::Severity::Error)
        .map(|d| d.message.as_str())
        .collect();
    assert!(errors.is_empty(), "{errors:?}\n{text}");
    compiled
}

/// The documents (`--target docs`) of a compiled spec, in `language`.
pub fn documents(
    spec: &cxc::pipeline::CheckedSpec,
    language: cxc::syntax::values::Language,
) -> cxc::generate::Files {
    rendered(spec, language, &[cxc::generate::Target::Docs])
}

/// The files of `targets` for a compiled spec, in `language`.
pub fn rendered(
    spec: &cxc::pipeline::CheckedSpec,
    language: cxc::syntax::values::Language,
    targets: &[cxc::generate::Target],
) -> cxc::generate::Files {
    render::render(spec, language, targets).expect("renders").0
}

/// How a document says the office clock, by language: the words around
/// its schedule. The tests read schedules back with these, never through
/// cxc's own writer.
pub struct ClockWords {
    /// Opens a business clock: "(counted only during Office hours: ".
    pub lead: &'static str,
    /// A clock that runs around the clock, whole.
    pub around: &'static str,
    /// Opens a working-day deadline on the office calendar: "(Office
    /// hours: "; its schedule ends at "; due …".
    pub wd_lead: &'static str,
    /// Opens a working-day deadline on a 24x7 calendar.
    pub wd_around: &'static str,
    days: [&'static str; 7],
    every_day: &'static str,
    all_day: &'static str,
    and: &'static str,
    zone: String,
    holidays: &'static str,
}

pub fn clock_words(language: cxc::syntax::values::Language) -> ClockWords {
    use cxc::syntax::values::Language;
    match language {
        Language::En => ClockWords {
            lead: "(counted only during Office hours: ",
            around: "(around the clock)",
            wd_lead: "(Office hours: ",
            wd_around: "(due at midnight at the end of the ",
            days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
            every_day: "every day",
            all_day: "around the clock",
            and: " and ",
            // The city of OFFICE_ZONE, as documents name a zone.
            zone: " Berlin time".to_string(),
            holidays: ", except holidays",
        },
        Language::Ru => ClockWords {
            lead: "(в рабочее время по календарю «Office hours»: ",
            around: "(круглосуточно)",
            wd_lead: "(по календарю «Office hours»: ",
            wd_around: "(до полуночи в конце ",
            days: ["пн", "вт", "ср", "чт", "пт", "сб", "вс"],
            every_day: "ежедневно",
            all_day: "круглосуточно",
            and: " и ",
            zone: " по времени Берлина".to_string(),
            holidays: ", кроме праздничных дней",
        },
    }
}

/// Every office clock's schedule in `text`: what follows `w.lead` up to
/// the closing parenthesis, and what follows `w.wd_lead` up to the
/// semicolon, in the order they come.
pub fn schedules<'t>(text: &'t str, w: &ClockWords) -> Vec<&'t str> {
    let mut found: Vec<(usize, &str)> = [(w.lead, ')'), (w.wd_lead, ';')]
        .into_iter()
        .flat_map(|(lead, end)| {
            text.match_indices(lead).map(move |(at, lead)| {
                let rest = &text[at + lead.len()..];
                (at, &rest[..rest.find(end).unwrap_or(rest.len())])
            })
        })
        .collect();
    found.sort_by_key(|&(at, _)| at);
    found.into_iter().map(|(_, schedule)| schedule).collect()
}

/// `text` with every office clock's schedule cut: "(counted only during
/// Office hours)", "(Office hours; due at closing time, …)".
pub fn without_hours(text: &str, w: &ClockWords) -> String {
    let mut out = text.to_string();
    for schedule in schedules(text, w) {
        out = out.replacen(&format!(": {schedule})"), ")", 1).replacen(
            &format!(": {schedule};"),
            ";",
            1,
        );
    }
    out
}

/// A schedule read back into days and flags; an error where it names a
/// day twice, or does not compact a run of days with the same hours.
pub fn read_schedule(text: &str, w: &ClockWords) -> Result<Office, String> {
    let (text, holidays) = match text.strip_suffix(w.holidays) {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    let (text, timezone) = match text.strip_suffix(w.zone.as_str()) {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    let mut days: [Option<Vec<(u32, u32)>>; 7] = Default::default();
    let mut runs = Vec::new();
    for run in text.split(", ") {
        let (first, last, hours) = if let Some(hours) = run.strip_prefix(w.every_day) {
            (0, 6, hours.trim_start())
        } else {
            let (span, hours) = run.split_once(' ').ok_or(format!("no hours in “{run}”"))?;
            let day = |d: &str| {
                w.days
                    .iter()
                    .position(|x| *x == d)
                    .ok_or(format!("no day “{d}” in “{run}”"))
            };
            match span.split_once('–') {
                Some((a, b)) => (day(a)?, day(b)?, hours),
                None => (day(span)?, day(span)?, hours),
            }
        };
        let hours: Vec<(u32, u32)> = if hours == w.all_day {
            vec![(0, 24 * 60)]
        } else {
            hours
                .split(w.and)
                .map(|range| {
                    let (a, b) = range.split_once('–').ok_or(format!("no range “{range}”"))?;
                    Ok((minutes(a)?, minutes(b)?))
                })
                .collect::<Result<_, String>>()?
        };
        let mut d = first;
        loop {
            if days[d].replace(hours.clone()).is_some() {
                return Err(format!("day {d} named twice in “{text}”"));
            }
            if d == last {
                break;
            }
            d = (d + 1) % 7;
        }
        runs.push((first, last));
    }
    // Compacted: the days just outside each run have other hours.
    for &(first, last) in &runs {
        let all = (last + 1) % 7 == first;
        for outside in [(first + 6) % 7, (last + 1) % 7] {
            if !all && days[outside].is_some() && days[outside] == days[first] {
                return Err(format!("a run not compacted in “{text}”"));
            }
        }
    }
    Ok(Office {
        days: days.map(Option::unwrap_or_default),
        timezone,
        holidays,
    })
}

fn minutes(hhmm: &str) -> Result<u32, String> {
    let (h, m) = hhmm.split_once(':').ok_or(format!("no time “{hhmm}”"))?;
    let n = |s: &str| s.parse::<u32>().map_err(|e| format!("“{hhmm}”: {e}"));
    Ok(n(h)? * 60 + n(m)?)
}
