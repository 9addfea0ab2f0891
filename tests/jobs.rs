//! Who does what, over generated specs: every piece of work — journey step,
//! answer target, first response, resolution, complaint rule, agreement
//! response — is a performed duty in the job description (hr/<role>.md) of
//! each role that performs it and, where that role is not its team's lead,
//! an organising duty of the lead; no role of a team that owns work has an
//! empty duties section.
//!
//! The oracle reads the generated plan (who owns what) and the rule of
//! grammar/README.md ("Who does what"), and the documents cxc writes; it
//! calls nothing of cxc's derivation.

#[path = "common/specgen.rs"]
mod specgen;

use cxc::generate;
use cxc::syntax::values::{Duration, Language, TimeLimit};
use proptest::prelude::*;
use specgen::{Owner, Plan, Promised, Within};
use std::collections::{BTreeMap, BTreeSet};

/// The job descriptions of a spec: for each role (by index), its duty
/// lines, each with the heading it is under.
fn job_descriptions(text: &str) -> Vec<Vec<(String, String)>> {
    let compiled = specgen::compiled(text);
    let spec = &compiled.specs[0];
    let files = specgen::documents(spec, Language::En);
    // The office clock's hours are tests/clocks.rs's: here the clock is
    // read by its name.
    let words = specgen::clock_words(Language::En);
    (0..spec.model.roles.len())
        .map(|r| {
            let md = String::from_utf8(files[&format!("hr/r{r}.md")].clone()).unwrap();
            let duties = md
                .split("## 2. Duties")
                .nth(1)
                .and_then(|rest| rest.split("## 3. Rights").next())
                .expect("a duties section");
            let mut heading = String::new();
            let mut lines = Vec::new();
            for line in duties.lines() {
                if let Some(h) = line.strip_prefix("### ") {
                    heading = h.to_string();
                } else if let Some(duty) = line.strip_prefix("- ") {
                    lines.push((heading.clone(), specgen::without_hours(duty, &words)));
                }
            }
            lines
        })
        .collect()
}

/// "2 hours": durations as the documents say them, on a clock that stops
/// after hours (`business`: said in hours, never days) or around the clock.
fn words(seconds: u64, business: bool) -> String {
    let limit = TimeLimit::running(Duration::from_seconds(seconds));
    generate::words::limit(limit, business, Language::En)
}

/// A running time around the clock, as a job description says it: "2 hours
/// (around the clock)". The generated spec writes it in seconds, so it is
/// never said in days (outside audit 17, L1: days only where written):
/// two days are "48 hours (around the clock)".
fn around(seconds: u64) -> String {
    format!("{} (around the clock)", words(seconds, true))
}

/// A limit and its clock as a job description says them once the office
/// hours are cut: "2 hours (counted only during Office hours)"; around the
/// clock, where every day counts, "1 day (due at midnight at the end of the
/// 1st day, the day it starts not counted)" — never "working day".
fn limit(within: Within, office: bool) -> String {
    let clock = match (within, office) {
        (Within::Seconds(s), false) => return around(s),
        (Within::Seconds(_), true) => "(counted only during Office hours)".to_string(),
        (Within::Wd(_), true) => {
            "(Office hours; due at closing time, the day it starts not counted)".to_string()
        }
        (Within::Wd(n), false) => {
            let th = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!(
                "(due at midnight at the end of the {n}{th} day, the day it starts not counted)"
            )
        }
    };
    let said = match within {
        // Every day counts: calendar days.
        Within::Wd(n) if !office => {
            format!("{n} calendar day{}", if n == 1 { "" } else { "s" })
        }
        _ => generate::words::limit(
            TimeLimit::parse(&within.text()).unwrap(),
            office,
            Language::En,
        ),
    };
    format!("{said} {clock}")
}

/// Whether `lines` hold `line`; an expected line ending in "…" is a start.
fn holds_line(lines: &[&str], line: &str) -> bool {
    match line.strip_suffix('…') {
        Some(start) => lines.iter().any(|l| l.starts_with(start)),
        None => lines.contains(&line),
    }
}

/// The expected lines: for each role, (organising, text start, text
/// fragment that must follow).
#[derive(Default)]
struct Expected {
    performed: BTreeMap<usize, Vec<String>>,
    organised: BTreeMap<usize, Vec<String>>,
    /// Teams whose own work (owner, queue, provider) their line roles do.
    owning: BTreeSet<usize>,
    /// Lines a role must not have: a team's step is not the work of a line
    /// role that takes none of its channels.
    absent: BTreeMap<usize, Vec<String>>,
}

impl Expected {
    /// The roles that perform a team's work: all but its lead and its
    /// supervisory roles (another role of the team reports to them); with
    /// none, all but its lead; with none, the lead.
    fn line(plan: &Plan, team: usize) -> Vec<usize> {
        let lead = plan.lead(team);
        let others: Vec<usize> = plan.members(team).filter(|&r| Some(r) != lead).collect();
        let line: Vec<usize> = others
            .iter()
            .copied()
            .filter(|&r| !plan.supervisory(r))
            .collect();
        if !line.is_empty() {
            line
        } else if !others.is_empty() {
            others
        } else {
            lead.into_iter().collect()
        }
    }

    /// Work `performers` do: each performs `performed`; the supervisory
    /// role each performer reports to and the lead of its team, when not
    /// performers, organise it as `organised(team label)`.
    fn add(
        &mut self,
        plan: &Plan,
        performers: &[usize],
        performed: &str,
        organised: impl Fn(&str) -> String,
    ) {
        for &r in performers {
            self.performed
                .entry(r)
                .or_default()
                .push(performed.to_string());
            let Some(team) = plan.roles[r].team else {
                continue;
            };
            let boss = plan.roles[r]
                .reports_to
                .filter(|&b| plan.supervisory(b) && plan.roles[b].team == Some(team));
            let organisers = boss.into_iter().chain(plan.lead(team));
            for organiser in organisers.filter(|o| !performers.contains(o)) {
                let label = format!("“{}”", plan.teams[team].label);
                self.organised
                    .entry(organiser)
                    .or_default()
                    .push(organised(&label));
            }
        }
    }

    fn performers(&mut self, plan: &Plan, owner: Owner) -> Vec<usize> {
        match owner {
            Owner::Role(r) => vec![r],
            Owner::Team(t) => {
                self.owning.insert(t);
                Self::line(plan, t)
            }
        }
    }

    /// Who takes a team's contacts on channel `c`: the channel's owner role
    /// when it is of the team (unless it is the team's lead and the team
    /// has line roles), else the team's line roles.
    fn takers(&mut self, plan: &Plan, c: usize, t: usize) -> Vec<usize> {
        match plan.channels[c].owner {
            Owner::Role(r)
                if plan.roles[r].team == Some(t)
                    && (plan.lead(t) != Some(r) || Self::line(plan, t).contains(&r)) =>
            {
                vec![r]
            }
            _ => self.performers(plan, Owner::Team(t)),
        }
    }

    /// Who does a step: its owner's performers, except that a team's step
    /// goes, channel by channel, to whoever takes that channel's contacts
    /// in the team (a self-service channel takes none): a line role that
    /// takes none of its channels has no part in it. Also the line roles
    /// left out.
    fn step_performers(&mut self, plan: &Plan, step: &specgen::Step) -> (Vec<usize>, Vec<usize>) {
        let Owner::Team(t) = step.owner else {
            return (self.performers(plan, step.owner), Vec::new());
        };
        let mut takers: Vec<usize> = Vec::new();
        for &c in &step.channels {
            if !plan.channels[c].self_service {
                takers.extend(self.takers(plan, c, t));
            }
        }
        takers.sort();
        takers.dedup();
        if takers.is_empty() {
            return (self.performers(plan, step.owner), Vec::new());
        }
        let left = Self::line(plan, t)
            .into_iter()
            .filter(|r| !takers.contains(r))
            .collect();
        (takers, left)
    }

    /// Who takes the contacts of segment `g` on channel `c`: the teams of
    /// the queues serving them (the channel's owner role alone in its own
    /// team, unless it is the team's lead and the team has line roles:
    /// then they take them), else the channel's owner.
    fn contact_performers(&mut self, plan: &Plan, c: usize, g: usize) -> Vec<Vec<usize>> {
        let mut teams: Vec<usize> = Vec::new();
        for q in &plan.queues {
            if q.channel == c
                && (q.segments.is_empty() || q.segments.contains(&g))
                && !teams.contains(&q.team)
            {
                teams.push(q.team);
            }
        }
        if teams.is_empty() {
            return vec![self.performers(plan, plan.channels[c].owner)];
        }
        teams.into_iter().map(|t| self.takers(plan, c, t)).collect()
    }

    /// Who answers for what is escalated to `to`: a role, or a team's
    /// lead (else its supervisory roles, else each of its roles).
    fn accountable(&self, plan: &Plan, to: Owner) -> Vec<usize> {
        match to {
            Owner::Role(r) => vec![r],
            Owner::Team(t) => match plan.lead(t) {
                Some(lead) => vec![lead],
                None if plan.members(t).any(|r| plan.supervisory(r)) => {
                    plan.members(t).filter(|&r| plan.supervisory(r)).collect()
                }
                None => plan.members(t).collect(),
            },
        }
    }

    /// The channels whose contacts a segment-wide promise binds: those the
    /// segment's SLA sets an answer or first-response target on; with none,
    /// every channel it is offered.
    fn promised_channels(plan: &Plan, g: usize) -> Vec<usize> {
        let segment = &plan.segments[g];
        let targeted: Vec<usize> = segment
            .targets
            .iter()
            .map(|&(c, _)| c)
            .filter(|&c| uses(segment, c))
            .collect();
        if targeted.is_empty() {
            // Nobody takes contacts on a self-service channel.
            let staffed = segment.channels.iter().copied();
            staffed
                .filter(|&c| !plan.channels[c].self_service)
                .collect()
        } else {
            targeted
        }
    }

    /// A promise check accepts: its remedies are given by those who take
    /// its contacts (on a channel, or on every channel of a segment-wide
    /// promise) or do the step it counts to, organised by their lead;
    /// without remedies they are told it exists; a breach escalated to a
    /// role is that role's.
    fn promise(&mut self, plan: &Plan, promise: &specgen::Promise) {
        let mut givers: Vec<Vec<usize>> = Vec::new();
        match promise.promised {
            Promised::Channel { segment, channel } => {
                givers = self.contact_performers(plan, channel, segment);
            }
            Promised::Segment { segment } => {
                for c in Self::promised_channels(plan, segment) {
                    givers.extend(self.contact_performers(plan, c, segment));
                }
            }
            Promised::Journey { journey, from, to } => {
                // Generated journeys are a chain: the breach is seen at the
                // step it counts to (the last without `to`); where nobody
                // does that step, at the nearest one before it.
                let steps = &plan.journeys[journey].steps;
                let from = from.unwrap_or(0);
                let to = to.unwrap_or(steps.len() - 1);
                let seers = (from.min(to)..=to)
                    .rev()
                    .map(|s| self.step_performers(plan, &steps[s]).0)
                    .find(|p| !p.is_empty())
                    .unwrap_or_default();
                givers.push(seers);
            }
        }
        let name = format!("“{}”", promise.label);
        // One line each: a lead who gives them on one channel itself does
        // not also organise them on another.
        let mut performers: Vec<usize> = givers.concat();
        performers.sort();
        performers.dedup();
        {
            if promise.remedies {
                self.add(
                    plan,
                    &performers,
                    &format!("When the public promise {name} is broken: …"),
                    |t| format!("Ensure that, when the public promise {name} is broken, the team {t} does the following: …"),
                );
            } else {
                for &r in &performers {
                    self.performed.entry(r).or_default().push(format!(
                        "Know the public promise {name} made to customers, and do this position's work so that it is kept."
                    ));
                }
            }
        }
        if let Some(r) = promise.escalate {
            self.performed.entry(r).or_default().push(format!(
                "Take over every breach of the public promise {name} and put it right with the customer."
            ));
        }
    }

    fn of(plan: &Plan) -> Expected {
        let mut e = Expected::default();
        for journey in &plan.journeys {
            for step in &journey.steps {
                let (performers, left) = e.step_performers(plan, step);
                let tail = match step.within {
                    Some(d) => format!(" within {}.", around(d)),
                    None => ".".to_string(),
                };
                let self_service = !step.channels.is_empty()
                    && step.channels.iter().all(|&c| plan.channels[c].self_service);
                // A step's line, whichever form it takes, names the step.
                let named = format!("“{}” of the journey “{}”", step.label, journey.label);
                for &r in &left {
                    for start in [
                        "Carry out the step ",
                        "Keep the self-service step ",
                        "See that the step ",
                    ] {
                        e.absent
                            .entry(r)
                            .or_default()
                            .push(format!("{start}{named}"));
                    }
                }
                if let (true, Owner::Role(_), Some(d)) = (self_service, step.owner, step.within) {
                    // A role's own deadline on a step the customer sees in
                    // the app: the role sees it completed in time.
                    let list: Vec<String> = step
                        .channels
                        .iter()
                        .map(|&c| format!("“{}”", plan.channels[c].label))
                        .collect();
                    let several = if list.len() > 1 { "s" } else { "" };
                    let seen = format!(
                        "which the customer sees in the self-service channel{several} {}",
                        list.join(", ")
                    );
                    let d = around(d);
                    e.add(
                        plan,
                        &performers,
                        &format!("See that the step {named}, {seen}, is completed within {d}: do this position's part of it, keep it working, and help the customers who get stuck at it."),
                        |t| format!("Ensure the team {t} completes the step {named}, {seen}, within {d}: does its part of it, keeps it working and helps the customers who get stuck at it."),
                    );
                    continue;
                }
                if self_service {
                    let what = format!(
                        "the self-service step “{}” of the journey “{}” working{}",
                        step.label,
                        journey.label,
                        step.within
                            .map(|d| format!(" (customers complete it within {})", around(d)))
                            .unwrap_or_default()
                    );
                    e.add(
                        plan,
                        &performers,
                        &format!("Keep {what}, and help the customers who get stuck at it."),
                        |t| format!("Ensure the team {t} keeps {what} and helps the customers who get stuck at it."),
                    );
                    continue;
                }
                let what = format!(
                    "the step “{}” of the journey “{}”{tail}",
                    step.label, journey.label
                );
                e.add(plan, &performers, &format!("Carry out {what}"), |t| {
                    format!("Ensure the team {t} carries out {what}")
                });
            }
        }
        for k in &plan.complaints {
            let performers = e.performers(plan, k.owner);
            let clock = "(counted only during Office hours)";
            let category = format!("complaints of the category “{}”", k.label);
            let ack = words(k.acknowledge, true);
            let res = limit(k.resolve, true);
            e.add(
                plan,
                &performers,
                &format!("Handle {category}; acknowledge within {ack} {clock}; resolve within {res}."),
                |t| format!("Ensure the team {t} handles {category}, acknowledges them within {ack} {clock} and resolves them within {res}."),
            );
            // Each rung takes over what is not resolved in time: a role,
            // or a team's lead (else each of its roles).
            for &(after, to) in &k.escalations {
                let line = format!(
                    "Take over {category} that are not resolved within {} {clock} of arriving.",
                    words(after, true)
                );
                // Never the role that handles the complaint itself.
                for r in e.accountable(plan, to) {
                    if performers.contains(&r) {
                        continue;
                    }
                    e.performed.entry(r).or_default().push(line.clone());
                }
            }
        }
        for a in &plan.agreements {
            let performers = e.performers(plan, Owner::Team(a.provider));
            let what = format!(
                "to requests from the team “{}” within {}.",
                plan.teams[a.consumer].label,
                around(a.respond)
            );
            e.add(plan, &performers, &format!("Respond {what}"), |t| {
                format!("Ensure the team {t} responds {what}")
            });
        }
        for promise in &plan.promises {
            e.promise(plan, promise);
        }
        // A queue with a forecast is staffed to it by its team's lead.
        for (q, queue) in plan.queues.iter().enumerate() {
            let (Some(_), Some(lead)) = (queue.forecast, plan.lead(queue.team)) else {
                continue;
            };
            // A target on the queue's channel, of a segment it serves, that
            // applies to the segment: the segment uses the channel (lists
            // it; listing none, targets it).
            let c = queue.channel;
            let targeted = plan.segments.iter().enumerate().any(|(g, s)| {
                (queue.segments.is_empty() || queue.segments.contains(&g))
                    && uses(s, c)
                    && s.targets.iter().any(|t| t.0 == c)
            });
            let figure = if targeted {
                " from the forecast: at least "
            } else {
                ""
            };
            e.organised.entry(lead).or_default().push(format!(
                "Plan the staffing of the queue “q{q}” on “{}”{figure}…",
                plan.channels[queue.channel].label
            ));
        }
        for (g, segment) in plan.segments.iter().enumerate() {
            let seg = format!("“{}”", segment.label);
            // The channels the segment's contacts come by: those it lists;
            // listing none, those its SLA targets (a target on a channel it
            // does not list is not its target: LANGUAGE.md, audit 4 M4).
            let mut channels: Vec<usize> = segment.channels.clone();
            if channels.is_empty() {
                let targeted = segment.targets.iter().map(|&(c, _)| c);
                let resolved = segment.resolutions.iter().filter_map(|&(c, _)| c);
                for c in targeted.chain(resolved) {
                    if !channels.contains(&c) {
                        channels.push(c);
                    }
                }
            }
            // Nobody takes contacts on a self-service channel (a target
            // there only from a general resolution line).
            channels.retain(|&c| !plan.channels[c].self_service);
            for &c in &channels {
                let chan = format!("“{}”", plan.channels[c].label);
                let targeted = segment.targets.iter().any(|t| t.0 == c)
                    || segment
                        .resolutions
                        .iter()
                        .any(|r| r.0.is_none_or(|rc| rc == c));
                if !targeted {
                    // No work on this channel for the segment: nobody owns any.
                    continue;
                }
                for performers in e.contact_performers(plan, c, g) {
                    for &(tc, d) in segment.targets.iter().filter(|t| t.0 == c) {
                        let d = limit(d, segment.office);
                        if plan.channels[tc].live {
                            let what = format!("the service level for the segment {seg} in {chan}: 80% of contacts answered within {d}.");
                            e.add(plan, &performers, &format!("Meet {what}"), |t| {
                                format!("Plan staffing so that the team {t} meets {what}")
                            });
                        } else {
                            let what =
                                format!("the segment {seg} a first response in {chan} within {d}.");
                            e.add(plan, &performers, &format!("Give {what}"), |t| {
                                format!("Plan staffing so that the team {t} gives {what}")
                            });
                        }
                    }
                    for &(rc, d) in &segment.resolutions {
                        let on = match rc {
                            Some(rc) if rc == c => format!(" in {chan}"),
                            Some(_) => continue,
                            None => String::new(),
                        };
                        let what = format!(
                            "the requests of the segment {seg}{on} within {}.",
                            limit(d, segment.office)
                        );
                        e.add(plan, &performers, &format!("Resolve {what}"), |t| {
                            format!("Ensure the team {t} resolves {what}")
                        });
                    }
                }
            }
        }
        e
    }
}

/// Whether a segment uses a channel, by the language: it lists it; listing
/// none, its SLA sets a target on it. A target on a channel the segment does
/// not use is not its target (audit 4, MEDIUM 4).
fn uses(s: &specgen::Segment, c: usize) -> bool {
    s.channels.contains(&c)
        || (s.channels.is_empty()
            && (s.targets.iter().any(|t| t.0 == c) || s.resolutions.iter().any(|r| r.0 == Some(c))))
}

/// Whether a team's answer or first-response target that its lead must
/// plan staffing for (`line`, in the team-line form "Plan staffing so that
/// the team “T” gives the segment “S” a first response in “C” within D." or
/// "… meets the service level for the segment “S” in “C”: P% of contacts
/// answered within D.") is stated instead in the staffing line of one of the
/// team's queues on “C”, under the heading of team “T” (audit 13, M5: said
/// once, not twice): "for the segment “S”, a first response within D", "for
/// the segment “S”, P% of contacts answered within D", or, staffed from a
/// forecast, "P% of the contacts of the segment “S” are answered within D"
/// or the patience form "… “P% answered within D” comes to)".
fn stated_in_queue_line(lines: &[(String, String)], line: &str) -> bool {
    let Some(rest) = line.strip_prefix("Plan staffing so that the team ") else {
        return false;
    };
    // A quoted label, and what follows it.
    let quoted = |s: &str| -> Option<(String, String)> {
        let end = s.find('”')? + '”'.len_utf8();
        Some((s[..end].to_string(), s[end..].to_string()))
    };
    let Some((team, rest)) = quoted(rest) else {
        return false;
    };
    // The channel, the whole targets as a queue line states them, and the
    // patience form's two parts (a forecast line with a queue's patience).
    type Forms = (String, Vec<String>, Option<(String, String)>);
    let forms: Forms = if let Some(r) = rest.strip_prefix(" gives the segment ") {
        let Some((seg, r)) = quoted(r) else {
            return false;
        };
        let Some((chan, r)) = r.strip_prefix(" a first response in ").and_then(quoted) else {
            return false;
        };
        let Some(d) = r.strip_prefix(" within ").and_then(|d| d.strip_suffix('.')) else {
            return false;
        };
        (
            chan,
            vec![format!(
                "for the segment {seg}, a first response within {d}"
            )],
            None,
        )
    } else if let Some(r) = rest.strip_prefix(" meets the service level for the segment ") {
        let Some((seg, r)) = quoted(r) else {
            return false;
        };
        let Some((chan, r)) = r.strip_prefix(" in ").and_then(quoted) else {
            return false;
        };
        let Some((p, d)) = r
            .strip_prefix(": ")
            .and_then(|r| r.split_once("% of contacts answered within "))
        else {
            return false;
        };
        let Some(d) = d.strip_suffix('.') else {
            return false;
        };
        (
            chan,
            vec![
                format!("for the segment {seg}, {p}% of contacts answered within {d}"),
                format!("{p}% of the contacts of the segment {seg} are answered within {d}"),
            ],
            Some((
                format!("% of the contacts of the segment {seg} give up before an answer ("),
                format!("so this is what “{p}% answered within {d}” comes to)"),
            )),
        )
    } else {
        return false;
    };
    let (chan, whole, patience) = forms;
    let under = format!("Organising the work of the team {team}");
    lines.iter().any(|(heading, l)| {
        let target = || {
            // A whole target: it ends where the next one or the sentence does.
            whole.iter().any(|f| {
                l.match_indices(f.as_str())
                    .any(|(i, _)| matches!(l[i + f.len()..].chars().next(), Some(';' | '.')))
            }) || patience.as_ref().is_some_and(|(goal, comes_to)| {
                l.contains(goal.as_str()) && l.contains(comes_to.as_str())
            })
        };
        heading.contains(&under)
            && l.starts_with("Plan the staffing of the queue ")
            && l.contains(&format!(" on {chan} "))
            && target()
    })
}

fn holds(plan: &Plan) -> Result<(), TestCaseError> {
    let text = plan.text();
    let jobs = job_descriptions(&text);
    let expected = Expected::of(plan);
    let organising = "Organising the work of the team";
    for (r, lines) in jobs.iter().enumerate() {
        let performed: Vec<&str> = lines
            .iter()
            .filter(|(h, _)| !h.contains(organising))
            .map(|(_, l)| l.as_str())
            .collect();
        let organised: Vec<&str> = lines
            .iter()
            .filter(|(h, _)| h.contains(organising))
            .map(|(_, l)| l.as_str())
            .collect();
        for line in expected.performed.get(&r).into_iter().flatten() {
            prop_assert!(
                holds_line(&performed, line),
                "role r{r} does not perform:\n{line}\nit has {lines:#?}\n{text}"
            );
        }
        for line in expected.organised.get(&r).into_iter().flatten() {
            prop_assert!(
                holds_line(&organised, line) || stated_in_queue_line(lines, line),
                "role r{r} does not organise:\n{line}\nit has {lines:#?}\n{text}"
            );
        }
        for start in expected.absent.get(&r).into_iter().flatten() {
            prop_assert!(
                !performed.iter().any(|l| l.starts_with(start.as_str())),
                "role r{r} takes none of the step's channels, yet has:\n{start}…\n{lines:#?}\n{text}"
            );
        }
        // A lead never carries out: what it organises is never listed as
        // its own unless it performs it too.
        for line in &organised {
            prop_assert!(!line.starts_with("Carry out"), "{line}");
        }
        // A supervisory role performs only the work the spec gives it by
        // name: a team's steps and queue targets land on the roles that
        // report to it.
        if plan.supervisory(r) {
            let own = expected.performed.get(&r).cloned().unwrap_or_default();
            for line in &performed {
                let work = ["Carry out", "Meet the service level", "Give the segment"]
                    .iter()
                    .any(|w| line.starts_with(w));
                prop_assert!(
                    !work || own.iter().any(|e| holds_line(&[line], e)),
                    "supervisory role r{r} performs work the spec gives its team:\n{line}\n{lines:#?}\n{text}"
                );
            }
        }
    }
    for &t in &expected.owning {
        for r in plan.members(t) {
            let real = jobs[r].iter().any(|(_, l)| {
                !l.starts_with("Retain customers") && !l.starts_with("Treat customers of the type")
            });
            prop_assert!(
                real,
                "role r{r} of team t{t}, which owns work, has no duty: {:#?}\n{text}",
                jobs[r]
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_piece_of_work_is_performed_and_organised(mut plan in specgen::plan()) {
        // The promises check rejects would stop the build: those are
        // tests/promises.rs's.
        let compiled = cxc::pipeline::compile_bytes(
            "spec.cx",
            plan.text().as_bytes(),
            &Default::default(),
        );
        let rejected: Vec<String> = compiled
            .diagnostics
            .iter()
            .filter(|d| d.severity == cxc::diagnostic::Severity::Error)
            .filter_map(|d| d.subject.clone())
            .collect();
        plan.promises
            .retain(|p| !rejected.contains(&format!("promise p{}", p.id)));
        holds(&plan)?;
    }
}

/// The documents of a hand-written spec, in `language`.
fn documents(text: &str, language: Language) -> cxc::generate::Files {
    let compiled =
        cxc::pipeline::compile_bytes("spec.cx", text.as_bytes(), &cxc::check::Options::default());
    specgen::documents(&compiled.specs[0], language)
}

fn page(files: &cxc::generate::Files, name: &str) -> String {
    String::from_utf8(files[name].clone()).unwrap()
}

const SUPPORT: &str = r#"
service "Air" { language en }
calendar always "Always" { open 24x7 }
team cc "Contact centre" { lead head }
team bags "Baggage" { lead bag_lead }
team cx "CX office" { lead director }
role head "Head of contact centre" { team cc }
role agent "Agent" { team cc; reports_to head }
role bag_lead "Baggage manager" { team bags }
role tracer "Tracer" { team bags; reports_to bag_lead }
role director "Director" { team cx }
segment vip "VIP" { channels phone }
segment rest "Others" { channels phone }
channel phone "Phone" { kind phone; hours always; owner cc }
queue line "Phone line" { channel phone; team cc }
journey trip "Disruption" {
  start call
  step call "Agent rebooks" { owner agent; channel phone; end }
}
journey bag "Delayed bag" {
  start report
  step report "Bag reported" { owner tracer; channel phone; next deliver }
  step deliver "Bag delivered" { owner bag_lead; end }
}
agreement bags_for_cc "Baggage supports the contact centre" {
  provider bags
  consumer cc
  respond within 30m for vip
  respond within 2h
}
agreement cx_for_bags "CX supports baggage" { provider cx; consumer bags; respond within 1d }
"#;

/// An agreement's general line beside a `for` line is for the other
/// segments, and every line says its clock (agreements run on the wall
/// clock); one general line alone is for all segments.
#[test]
fn an_agreement_s_general_line_is_for_the_other_segments() {
    let en = page(&documents(SUPPORT, Language::En), "policy/agreements.md");
    assert!(
        en.contains("- Respond within 30 minutes (around the clock) — for VIP\n"),
        "{en}"
    );
    assert!(
        en.contains("- Respond within 2 hours (around the clock) — for other segments\n"),
        "{en}"
    );
    assert!(
        en.contains("- Respond within 1 calendar day — for all segments\n"),
        "{en}"
    );
    let ru = page(&documents(SUPPORT, Language::Ru), "policy/agreements.md");
    for line in [
        "- Срок ответа: 30 минут (круглосуточно) — для сегментов: VIP\n",
        "- Срок ответа: 2 часа (круглосуточно) — для остальных сегментов\n",
        "- Срок ответа: 1 календарный день — для всех сегментов\n",
    ] {
        assert!(ru.contains(line), "{line}\n{ru}");
    }
    assert!(!ru.contains("для:"), "{ru}");
}

/// "Support behind the steps" lists the agreements both of whose teams
/// work on the journey (own a step, or staff a queue of a step's channel):
/// an agreement with a team that has no part in it supports other work.
#[test]
fn a_journey_lists_only_the_agreements_its_steps_rely_on() {
    for language in [Language::En, Language::Ru] {
        let files = documents(SUPPORT, language);
        let bag = page(&files, "journeys/bag.md");
        // The contact centre answers the phone of the first step.
        assert!(
            bag.contains("(Baggage supports the contact centre)"),
            "{bag}"
        );
        // The CX office has no part in the delayed bag.
        assert!(!bag.contains("CX supports baggage"), "{bag}");
        // The contact centre's journey involves no baggage team.
        let trip = page(&files, "journeys/trip.md");
        assert!(!trip.contains("Baggage supports"), "{trip}");
    }
}

/// A journey promise's remedies go to whoever sees it broken: the doers of
/// the step it is timed to (outside audit 3, finding 8: the desk agent who
/// took the car back days before was told to compensate a late deposit),
/// and, where nobody does that step, the doers of the step before it. The
/// doers of the other steps are told the promise exists.
#[test]
fn a_journey_promise_s_remedies_go_to_the_doers_of_the_step_it_counts_to() {
    let spec = r#"
service "Cars" { language en }
team desk "Desk" { lead desk_lead }
team billing "Billing" { lead billing_lead }
team robots "Robots" {}
role desk_lead "Desk supervisor" { team desk; duty "Leads" }
role desk_agent "Desk agent" { team desk; duty "Serves" }
role billing_lead "Head of billing" { team billing; duty "Leads" }
role clerk "Billing clerk" { team billing; duty "Bills" }
segment all "Everyone" { channels desk }
channel desk "Desk" { kind office; owner desk }
journey rental "Rental" {
  start giveback
  step giveback "Car returned" { owner desk; channel desk; within 20m; next release }
  step release "Deposit released" { owner billing; within 3d; end }
}
journey parcel "Parcel" {
  start hand_in
  step hand_in "Parcel handed in" { owner desk; channel desk; within 1h; next sort }
  step sort "Parcel sorted" { owner billing; within 1d; next sent }
  step sent "Parcel sent" { owner robots; end }
}
promise deposit "Deposit back within 5 days" {
  journey rental from giveback to release
  within 5d
  on_breach apologize, compensate "1,000 RUB"
}
promise parcel_sent "Parcel sent within 2 days" {
  journey parcel
  within 2d
  on_breach apologize
}
"#;
    let files = documents(spec, Language::En);
    let breach = |name: &str| format!("When the public promise “{name}” is broken:");
    let told = |name: &str| format!("Know the public promise “{name}” made to customers");
    let clerk = page(&files, "hr/clerk.md");
    let agent = page(&files, "hr/desk_agent.md");
    let head = page(&files, "hr/billing_lead.md");
    let supervisor = page(&files, "hr/desk_lead.md");
    // The release step's doers see the late deposit.
    assert!(
        clerk.contains(&breach("Deposit back within 5 days")),
        "{clerk}"
    );
    assert!(
        head.contains("Ensure that, when the public promise “Deposit back within 5 days” is broken, the team “Billing” does the following:"),
        "{head}"
    );
    assert!(
        !agent.contains(&breach("Deposit back within 5 days")),
        "{agent}"
    );
    assert!(
        agent.contains(&told("Deposit back within 5 days")),
        "{agent}"
    );
    assert!(
        !supervisor.contains("Deposit back within 5 days” is broken"),
        "{supervisor}"
    );
    // Nobody does the parcel's end step: the step before it sees the breach.
    assert!(
        clerk.contains(&breach("Parcel sent within 2 days")),
        "{clerk}"
    );
    assert!(
        !agent.contains(&breach("Parcel sent within 2 days")),
        "{agent}"
    );
}

/// An outside body as the last rung of a complaint ladder (audit 10, M6):
/// a role marked `external` gets no job description, the complaints
/// policy names it as an outside body, and the checks ask it for no
/// duties and no agreement with its team. Without `external` it is
/// staff: a job description, `role-without-duties`, `missing-agreement`.
#[test]
fn an_external_role_is_an_outside_body_not_staff() {
    let spec = |external: &str| {
        format!(
            "calendar office {{ open mon-fri 09:00-17:00 }}\n\
             team relations {{ lead manager }}\n\
             role manager \"Relations manager\" {{ team relations; duty \"Run complaints\" }}\n\
             team ombudsman \"Ombudsman service\" {{}}\n\
             role adjudicator \"Independent adjudicator\" {{ team ombudsman{external} }}\n\
             complaint service \"Service complaint\" {{\n  segments any\n  owner relations\n  hours office\n  acknowledge within 1wd\n  resolve within 20wd\n  escalate after 20wd to adjudicator\n  remedy apologize\n  feedback required\n}}\n"
        )
    };
    for (external, outside) in [("; external", true), ("", false)] {
        let text = spec(external);
        let compiled = cxc::pipeline::compile_bytes(
            "spec.cx",
            text.as_bytes(),
            &cxc::check::Options::default(),
        );
        let codes: Vec<String> = compiled
            .diagnostics
            .iter()
            .map(|d| format!("{} {}", d.code.as_str(), d.message))
            .collect();
        let files = specgen::documents(&compiled.specs[0], Language::En);
        let policy = page(&files, "policy/complaints.md");
        let said = policy.contains("Independent adjudicator — an outside body, not our staff");
        assert_eq!(said, outside, "{policy}");
        assert_eq!(files.contains_key("hr/adjudicator.md"), !outside);
        assert!(files.contains_key("hr/manager.md"));
        for code in ["role-without-duties", "missing-agreement"] {
            let fired = compiled
                .diagnostics
                .iter()
                .any(|d| d.code.as_str() == code && d.message.contains("adjudicator"));
            assert_eq!(fired, !outside, "{code} {external:?}: {codes:?}");
        }
    }
}

/// Follow-the-sun (cxc addition: `hours` on a team and a queue, audit 13
/// H1c): a centre's engineer meets the 24x7 line's target in the hours
/// the centre works — the Singapore phone queue's late shift, the
/// centre's office hours on e-mail — and its lead plans the seat-hours of
/// those hours (4 seats × 45 hours), not the line's 168. Without the
/// hours, the text is the target's clock alone.
#[test]
fn a_centre_s_roles_work_their_team_s_hours() {
    let spec = std::fs::read_to_string("tests/follow_sun/spec.cx").unwrap();
    let files = documents(&spec, Language::En);
    let engineer = page(&files, "hr/agent_sin.md");
    assert!(
        holds_line(
            &engineer.lines().collect::<Vec<_>>(),
            "- Meet the service level for the segment “Enterprise” in “Enterprise phone line”: \
             90% of contacts answered within 1 minute (around the clock), in this position's \
             working hours (Singapore late shift: Mon–Fri 12:00–21:00 Singapore time)."
        ),
        "{engineer}"
    );
    assert!(
        engineer.contains("in “E-mail” within 1 hour (around the clock), in this position's working hours (Singapore centre: Mon–Fri 08:00–17:00 Singapore time"),
        "{engineer}"
    );
    let lead = page(&files, "hr/lead_sin.md");
    // The lead's queue line states the queue's targets once, and the hours
    // the queue is worked beside them (the team line is not repeated).
    assert!(
        lead.contains("Plan the staffing of the queue “Singapore — phone” on “Enterprise phone line”, in the team's working hours (Singapore late shift"),
        "{lead}"
    );
    assert!(lead.contains("180 seat-hours a week"), "{lead}");
    assert!(!lead.contains("672 seat-hours"), "{lead}");
    // The same spec without the hours: the line's clock, the line's week.
    let plain = spec
        .replace("; hours sfo_hours", "")
        .replace("; hours dub_hours", "")
        .replace("; hours sin_hours", "")
        .replace(" hours sin_late;", "");
    let files = documents(&plain, Language::En);
    let engineer = page(&files, "hr/agent_sin.md");
    assert!(!engineer.contains("working hours ("), "{engineer}");
    assert!(page(&files, "hr/lead_sin.md").contains("672 seat-hours a week"));
}
