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
use specgen::{Owner, Plan};
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

/// The expected lines: for each role, (organising, text start, text
/// fragment that must follow).
#[derive(Default)]
struct Expected {
    performed: BTreeMap<usize, Vec<String>>,
    organised: BTreeMap<usize, Vec<String>>,
    /// Teams whose own work (owner, queue, provider) their line roles do.
    owning: BTreeSet<usize>,
}

impl Expected {
    /// The roles that perform a team's work: all but its lead; with none,
    /// the lead.
    fn line(plan: &Plan, team: usize) -> Vec<usize> {
        let lead = plan.lead(team);
        let line: Vec<usize> = plan.members(team).filter(|&r| Some(r) != lead).collect();
        if line.is_empty() {
            lead.into_iter().collect()
        } else {
            line
        }
    }

    /// Work `performers` do: each performs `performed`; the lead of each
    /// performer's team, when not a performer, organises it as
    /// `organised(team label)`.
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
            if let Some(lead) = plan.lead(team).filter(|l| !performers.contains(l)) {
                let label = format!("“{}”", plan.teams[team].label);
                self.organised
                    .entry(lead)
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

    /// Who takes the contacts of segment `g` on channel `c`: the teams of
    /// the queues serving them (the channel's owner role alone in its own
    /// team), else the channel's owner.
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
        teams
            .into_iter()
            .map(|t| match plan.channels[c].owner {
                Owner::Role(r) if plan.roles[r].team == Some(t) => vec![r],
                _ => self.performers(plan, Owner::Team(t)),
            })
            .collect()
    }

    fn of(plan: &Plan) -> Expected {
        let mut e = Expected::default();
        let around = "(around the clock)";
        for journey in &plan.journeys {
            for step in &journey.steps {
                let performers = e.performers(plan, step.owner);
                let tail = match step.within {
                    Some(d) => format!(" within {} {around}.", words(d, false)),
                    None => ".".to_string(),
                };
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
            let (ack, res) = (words(k.acknowledge, true), words(k.resolve, true));
            e.add(
                plan,
                &performers,
                &format!("Handle {category}; acknowledge within {ack} {clock}; resolve within {res} {clock}."),
                |t| format!("Ensure the team {t} handles {category}, acknowledges them within {ack} {clock} and resolves them within {res} {clock}."),
            );
        }
        for a in &plan.agreements {
            let performers = e.performers(plan, Owner::Team(a.provider));
            let what = format!(
                "to requests from the team “{}” within {} {around}.",
                plan.teams[a.consumer].label,
                words(a.respond, false)
            );
            e.add(plan, &performers, &format!("Respond {what}"), |t| {
                format!("Ensure the team {t} responds {what}")
            });
        }
        for (g, segment) in plan.segments.iter().enumerate() {
            let seg = format!("“{}”", segment.label);
            let clock = if segment.office {
                "(counted only during Office hours)"
            } else {
                around
            };
            // The channels the segment's contacts come by.
            let mut channels: Vec<usize> = segment.channels.clone();
            let targeted = segment.targets.iter().map(|&(c, _)| c);
            let resolved = segment.resolutions.iter().filter_map(|&(c, _)| c);
            for c in targeted.chain(resolved) {
                if !channels.contains(&c) {
                    channels.push(c);
                }
            }
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
                        let d = words(d, segment.office);
                        if plan.channels[tc].live {
                            let what = format!("the service level for the segment {seg} in {chan}: 80% of contacts answered within {d} {clock}.");
                            e.add(plan, &performers, &format!("Meet {what}"), |t| {
                                format!("Plan staffing so that the team {t} meets {what}")
                            });
                        } else {
                            let what = format!(
                                "the segment {seg} a first response in {chan} within {d} {clock}."
                            );
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
                            "the requests of the segment {seg}{on} within {} {clock}.",
                            words(d, segment.office)
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
                performed.contains(&line.as_str()),
                "role r{r} does not perform:\n{line}\nit has {lines:#?}\n{text}"
            );
        }
        for line in expected.organised.get(&r).into_iter().flatten() {
            prop_assert!(
                organised.contains(&line.as_str()),
                "role r{r} does not organise:\n{line}\nit has {lines:#?}\n{text}"
            );
        }
        // A lead never carries out: what it organises is never listed as
        // its own unless it performs it too.
        for line in &organised {
            prop_assert!(!line.starts_with("Carry out"), "{line}");
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
        // Promises are the other invariant's (tests/promises.rs); some of
        // them are rejected by check, which would stop the build.
        plan.promises.clear();
        holds(&plan)?;
    }
}
