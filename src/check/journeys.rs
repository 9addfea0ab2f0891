//! Journey rules: dead-end, unreachable-step, no-exit, channel-switch,
//! hot-potato, deadline-exceeds-target and high-effort-step.
//!
//! Every rule here is linear in the size of the journey: reachability by
//! iterative DFS, loops by strongly connected components, and path measures by
//! one dynamic-programming walk (never path enumeration): over [`PathOrder`]
//! for team changes, and [`crate::base::loops::longest_walk`] for the
//! longest sum of step deadlines, each loop once, which every consumer
//! (`deadline-exceeds-target`, `promise-exceeds-journey`, the promises
//! document, the journey pages) reads through the functions here.

use super::graph::{self, Graph, PathOrder};
use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::i18n::Arg;
use crate::model::{Idx, Journey, Model, Step, Team};
use crate::msg;
use crate::syntax::values::{Duration, TimeLimit};

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::DeadEnd,
        context: "",
        bad: r#"journey order {
  start install
  step install "Installation" { owner installers; channel field }
}"#,
        fix: r#"journey order {
  start install
  step install "Installation" { owner installers; channel field; next feedback }
  step feedback "Quality call" { owner quality; channel phone; end }
}"#,
    },
    CodeDoc {
        code: Code::UnreachableStep,
        context: "",
        bad: r#"journey order {
  start request
  step request "Request" { owner sales; end }
  step survey "Survey" { owner quality; end }
}"#,
        fix: r#"journey order {
  start request
  step request "Request" { owner sales; next survey }
  step survey "Survey" { owner quality; end }
}"#,
    },
    CodeDoc {
        code: Code::NoExit,
        context: "",
        bad: r#"journey approval {
  start approve
  step approve "Approve" { owner design; next revise }
  step revise "Revise" { owner design; next approve }
}"#,
        fix: r#"journey approval {
  start approve
  step approve "Approve" { owner design; next revise when "changes"; next production when "approved" }
  step revise "Revise" { owner design; next approve }
  step production "Production" { owner factory; end }
}"#,
    },
    CodeDoc {
        code: Code::ChannelSwitch,
        context: "",
        bad: r#"journey tracking {
  start track
  step track "Track the order" { owner support; channel portal; next call }
  step call "Call support" { owner support; channel phone; end }
}"#,
        fix: r#"journey tracking {
  start track
  step track "Track the order" { owner support; channel portal; next call }
  step call "We call you" { owner support; channel portal, phone; end }
}"#,
    },
    CodeDoc {
        code: Code::HotPotato,
        context: "",
        bad: "journey order {
  start request
  step request { owner sales; channel phone; next measure }
  step measure { owner design; channel field; next sign }
  step sign { owner legal; channel email; next install }
  step install { owner installers; channel field; next call }
  step call { owner quality; channel phone; end }
}",
        fix: "journey order {
  start request
  step request { owner sales; channel phone; next measure }
  step measure { owner design; next sign }        # back office
  step sign { owner legal; next install }         # back office
  step install { owner installers; channel field; next call }
  step call { owner sales; channel phone; end }
}",
    },
    CodeDoc {
        code: Code::DeadlineExceedsTarget,
        context: "",
        bad: "journey order {
  within 10d
  start production
  step production { owner factory; within 14d; end }
}",
        fix: "journey order {
  within 20d
  start production
  step production { owner factory; within 14d; end }
}",
    },
    CodeDoc {
        code: Code::HighEffortStep,
        context: "",
        bad: r#"journey approval {
  start approve
  step approve "Approve the project" { owner design; effort 4.5; dropoff 35%; next production }
  step production { owner factory; end }
}"#,
        fix: r#"journey approval {
  start approve
  step approve "Approve the project" { owner design; effort 2; dropoff 8%; next production }
  step production { owner factory; end }
}"#,
    },
];

/// Whether moving from `from` to `to` makes the customer switch channels:
/// `from` is served only by self-service channels and `to` by none.
pub fn is_channel_switch(model: &Model, from: &Step, to: &Step) -> bool {
    let after: Vec<&crate::model::Channel> = (to.channels.iter())
        .filter_map(|c| c.target)
        .map(|c| &model.channels[c])
        .collect();
    // A visit (`office`, `field`) after a reminder is the appointment, not
    // self-service that failed (outside audit 10, L1).
    let places = after
        .iter()
        .all(|c| c.kind.is_some_and(|k| k.is_physical()));
    model.is_self_service(from)
        && !after.is_empty()
        && !places
        && after.iter().all(|c| !c.self_service)
}

/// The most team changes the customer sees on a way through the journey
/// (customer-facing steps only, each loop once), with the teams in order:
/// the figure `hot-potato` judges.
pub fn team_changes(model: &Model, journey: &Journey) -> Option<(i64, Vec<Idx<Team>>)> {
    let start = journey.start.as_ref()?.target?.index();
    let analysis = Analysis::new(journey);
    let order = PathOrder::new(&analysis.graph, start);
    let (changes, teams, _) = analysis.worst_team_changes(model, start, &order)?;
    Some((changes, teams))
}

/// The longest sum of step deadlines along a path from the journey's
/// `start` to an `end`, each loop taken once, with the steps of that path:
/// the whole journey, as `deadline-exceeds-target` walks it (a path may go
/// on past an `end` step that has a `next`).
pub fn longest_deadline(journey: &Journey) -> Option<(Duration, Vec<Idx<Step>>)> {
    let start = journey.start.as_ref()?.target?;
    between(journey, start, None, Last::Included, Stop::Never)
}

/// The longest time a promise `journey J from A to S` can take, as `cxc
/// measure` times it: from the first entry into step `from` to the first
/// entry into `to` after it (into any `end` when `None`), plus the deadline
/// of that last step; `None` when no such path exists. A way ends at its
/// first arrival at `to` (or at an `end`): it never passes through it, so
/// a loop back through `to` is not part of the promise. It may pass through
/// `from` again (the promise started on the first entry), each loop once.
pub fn longest_deadline_between(
    journey: &Journey,
    from: Idx<Step>,
    to: Option<Idx<Step>>,
) -> Option<(Duration, Vec<Idx<Step>>)> {
    between(journey, from, to, Last::Included, Stop::FirstArrival)
}

fn between(
    journey: &Journey,
    from: Idx<Step>,
    to: Option<Idx<Step>>,
    last: Last,
    stop: Stop,
) -> Option<(Duration, Vec<Idx<Step>>)> {
    let analysis = match stop {
        Stop::Never => Analysis::new(journey),
        Stop::FirstArrival => Analysis::stopping_at(journey, |step| match to {
            Some(to) => step == to.index(),
            None => journey.steps[Idx::new(step)].end.is_some(),
        }),
    };
    let (total, path) = analysis.longest_deadline(from.index(), to.map(Idx::index), last)?;
    Some((total, path.into_iter().map(Idx::new).collect()))
}

/// The longest time from the first entry into step `from` to the first
/// entry into step `to` after it (an `end` when `None`): the sum of the
/// deadlines of the steps on the way, `to`'s own left out — it starts when
/// the time is up. This is what `cxc measure` times for a promise `journey
/// J from A to B`, so `promise-exceeds-journey` compares the promise with
/// this. The way never passes through `to` (see
/// [`longest_deadline_between`]); the path returned ends with the step
/// before `to`.
pub fn deadline_until(
    journey: &Journey,
    from: Idx<Step>,
    to: Option<Idx<Step>>,
) -> Option<(Duration, Vec<Idx<Step>>)> {
    let (total, mut path) = between(journey, from, to, Last::Excluded, Stop::FirstArrival)?;
    path.pop();
    Some((total, path))
}

/// Whether the deadline of the step a path ends at counts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Included,
    Excluded,
}

/// Where a way through the journey may end.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// At a step it reaches, whatever it passed before (the whole journey).
    Never,
    /// At its first arrival at the step it goes to (a promise's time).
    FirstArrival,
}

/// Whether the measured effort or drop-off of a step says it hurts
/// (`high-effort-step`; journey maps highlight such steps).
pub fn hurts(step: &Step, options: &super::Options) -> bool {
    step.effort.is_some_and(|e| e >= options.max_effort)
        || step
            .dropoff
            .is_some_and(|d| d.value() >= options.max_dropoff.value())
}

fn has_unresolved_next(step: &Step) -> bool {
    step.next.iter().any(|t| t.to.target.is_none())
}

pub fn check(ctx: &mut Ctx) {
    let model = ctx.model;
    for (_, journey) in model.journeys.iter() {
        let analysis = Analysis::new(journey);
        analysis.dead_ends(ctx);
        analysis.effort(ctx);
        analysis.channel_switches(ctx);
        let Some(start) = analysis.start(ctx) else {
            continue;
        };
        analysis.unreachable(ctx, start);
        analysis.no_exit(ctx);
        let order = PathOrder::new(&analysis.graph, start);
        analysis.hot_potato(ctx, start, &order);
        analysis.deadline(ctx, start);
    }
}

struct Analysis<'a> {
    journey: &'a Journey,
    graph: Graph,
}

impl<'a> Analysis<'a> {
    fn new(journey: &'a Journey) -> Self {
        Analysis::stopping_at(journey, |_| false)
    }

    /// The journey's graph with no way on from the steps `stops` names: a
    /// walk that reaches one ends there.
    fn stopping_at(journey: &'a Journey, stops: impl Fn(usize) -> bool) -> Self {
        let edges = journey
            .steps
            .iter()
            .filter(|(from, _)| !stops(from.index()))
            .flat_map(|(from, step)| {
                step.next
                    .iter()
                    .filter_map(move |t| t.to.target.map(|to| (from.index(), to.index())))
            });
        Analysis {
            journey,
            graph: graph::graph_of(journey.steps.len(), edges),
        }
    }

    fn step(&self, i: usize) -> &'a Step {
        &self.journey.steps[Idx::new(i)]
    }

    fn name(&self) -> &str {
        &self.journey.header.id
    }

    fn start(&self, ctx: &mut Ctx) -> Option<usize> {
        match &self.journey.start {
            Some(start) => start.target.map(|s| s.index()),
            None if self.journey.steps.is_empty() => None,
            None => {
                ctx.report(
                    Diagnostic::new(
                        Code::UnreachableStep,
                        self.journey.header.span,
                        msg!("journey-without-start", journey = self.name()),
                    )
                    .help(msg!("journey-without-start-help")),
                );
                None
            }
        }
    }

    fn effort(&self, ctx: &mut Ctx) {
        let (max_effort, max_dropoff) = (ctx.options.max_effort, ctx.options.max_dropoff);
        for (_, step) in self.journey.steps.iter() {
            if !hurts(step, ctx.options) {
                continue;
            }
            let effort = step.effort.filter(|&e| e >= max_effort);
            let dropoff = step.dropoff.filter(|d| d.value() >= max_dropoff.value());
            let measured = match (effort, dropoff) {
                (Some(e), Some(d)) => msg!(
                    "effort-and-dropoff",
                    effort = crate::i18n::Figure::rounded(e, 2),
                    dropoff = d.figure()
                ),
                (Some(e), None) => msg!("effort", effort = crate::i18n::Figure::rounded(e, 2)),
                (None, Some(d)) => msg!("dropoff", dropoff = d.figure()),
                (None, None) => continue,
            };
            ctx.report(
                Diagnostic::new(
                    Code::HighEffortStep,
                    step.header.span,
                    msg!(
                        "high-effort-step",
                        step = &step.header.id,
                        journey = self.name(),
                        measured = measured
                    ),
                )
                .help(msg!("high-effort-step-help")),
            );
        }
    }

    fn dead_ends(&self, ctx: &mut Ctx) {
        for (_, step) in self.journey.steps.iter() {
            if step.end.is_none() && step.next.is_empty() {
                ctx.report(
                    Diagnostic::new(
                        Code::DeadEnd,
                        step.header.span,
                        msg!("dead-end", step = &step.header.id, journey = self.name()),
                    )
                    .help(msg!("dead-end-help")),
                );
            }
        }
    }

    fn unreachable(&self, ctx: &mut Ctx, start: usize) {
        let reached = graph::reachable_from(&self.graph, [start]);
        // A reachable step whose `next` names no step (reported as unknown)
        // could lead to any unreached step: one typo, one finding.
        let dangling = self
            .journey
            .steps
            .iter()
            .any(|(i, s)| reached[i.index()] && has_unresolved_next(s));
        if dangling {
            return;
        }
        let start_name = &self.step(start).header.id;
        for (i, step) in self.journey.steps.iter() {
            if !reached[i.index()] {
                ctx.report(
                    Diagnostic::new(
                        Code::UnreachableStep,
                        step.header.span,
                        msg!(
                            "unreachable-step",
                            step = &step.header.id,
                            journey = self.name(),
                            start = start_name
                        ),
                    )
                    .help(msg!("unreachable-step-help", step = &step.header.id)),
                );
            }
        }
    }

    /// Reports each loop from which no end can be reached, once. Steps upstream
    /// of such a loop are trapped too, but the loop is the thing to fix.
    fn no_exit(&self, ctx: &mut Ctx) {
        // A `next` that names no step (reported as unknown) may be the way
        // out the writer meant: it counts as one, so the typo is reported
        // once and not again as a trap.
        let ends = self
            .journey
            .steps
            .iter()
            .filter(|(_, s)| s.end.is_some() || has_unresolved_next(s))
            .map(|(i, _)| i.index());
        let can_finish = graph::reaching(&self.graph, ends);
        for component in graph::components(&self.graph) {
            if can_finish[component[0]] || !graph::is_cycle(&self.graph, &component) {
                continue;
            }
            // A trapped component with an edge to another trapped component is
            // upstream of the real trap; only report the sinks.
            let leaves = component.iter().any(|&v| {
                self.graph
                    .neighbors(petgraph::graph::NodeIndex::new(v))
                    .any(|w| component.binary_search(&w.index()).is_err())
            });
            if leaves {
                continue;
            }
            let names = super::elide(
                component
                    .iter()
                    .map(|&i| format!("`{}`", self.step(i).header.id)),
                ", ",
            );
            let first = self.step(component[0]);
            let message = if component.len() == 1 {
                msg!(
                    "no-exit-self",
                    step = &first.header.id,
                    journey = self.name()
                )
            } else {
                msg!("no-exit", steps = names, journey = self.name())
            };
            ctx.report(
                Diagnostic::new(Code::NoExit, first.header.span, message)
                    .help(msg!("no-exit-help")),
            );
        }
    }

    fn channel_switches(&self, ctx: &mut Ctx) {
        let model = ctx.model;
        for (_, step) in self.journey.steps.iter() {
            for t in &step.next {
                let Some(to) = t.to.target else { continue };
                let next = &self.journey.steps[to];
                if is_channel_switch(model, step, next) {
                    ctx.report(
                        Diagnostic::new(
                            Code::ChannelSwitch,
                            t.span,
                            msg!(
                                "channel-switch",
                                step = &step.header.id,
                                next = &next.header.id
                            ),
                        )
                        .help(msg!("channel-switch-help", next = &next.header.id)),
                    );
                }
            }
        }
    }

    /// The largest sum of step deadlines along a way from `start` to `to`
    /// (an `end` when `None`), each loop once as [`crate::base::loops`]
    /// defines it, and that way as step indices.
    fn longest_deadline(
        &self,
        start: usize,
        to: Option<usize>,
        last: Last,
    ) -> Option<(Duration, Vec<usize>)> {
        // Steps run on the wall clock; a `wd` deadline counts at the
        // longest it can last.
        let own = |i: usize| {
            self.step(i).within.map_or(0, |w| {
                crate::model::workdays::running(w.value, None, crate::model::Extreme::Longest)
                    .seconds()
            })
        };
        let targets: Vec<usize> = match to {
            Some(step) => vec![step],
            None => self.ends().collect(),
        };
        let (total, path) = crate::base::loops::longest_walk(
            &self.graph,
            start,
            own,
            targets,
            last == Last::Included,
        )?;
        Some((Duration::from_seconds(total), path))
    }

    fn team(&self, model: &Model, step: &Step) -> Option<Idx<Team>> {
        let owner = step.owner.as_ref()?.target?;
        model.team_of(owner)
    }

    fn ends(&self) -> impl Iterator<Item = usize> + '_ {
        self.journey
            .steps
            .iter()
            .filter(|(_, s)| s.end.is_some())
            .map(|(i, _)| i.index())
    }

    /// The most team changes between customer-facing steps along a path
    /// from `start` to an `end`, with the teams in order and the end step.
    ///
    /// The state of a step keeps the best count for the two best distinct
    /// "last teams": that is exactly enough to extend optimally, since a step
    /// of team T either continues the best path ending with T or adds one
    /// change to the best path ending with another team.
    fn worst_team_changes(
        &self,
        model: &Model,
        start: usize,
        order: &PathOrder,
    ) -> Option<(i64, Vec<Idx<Team>>, usize)> {
        let n = self.journey.steps.len();
        let teams: Vec<Option<Idx<Team>>> = self
            .journey
            .steps
            .values()
            .map(|s| {
                if s.is_customer_facing() {
                    self.team(model, s)
                } else {
                    None
                }
            })
            .collect();
        let mut best: Vec<Best> = vec![Best::default(); order.layered_len()];
        best[start].offer(Entry::first().through(teams[start], None));
        order.walk(|from, to| {
            let entries = best[from].entries;
            let team = teams[order.node(to)];
            for (slot, entry) in entries.iter().enumerate() {
                if let Some(entry) = entry {
                    best[to].offer(entry.through(team, Some((from, slot as u8))));
                }
            }
        });
        let worst = self
            .ends()
            .flat_map(|e| [e, n + e])
            .filter_map(|e| best[e].entries[0].map(|entry| (entry.changes, std::cmp::Reverse(e))))
            .max();
        let (changes, std::cmp::Reverse(end)) = worst?;
        // Rebuild the team sequence from the predecessor links (a DAG: it ends).
        let mut sequence = Vec::new();
        let mut at = Some((end, 0u8));
        while let Some((node, slot)) = at {
            let Some(entry) = best[node].entries[slot as usize] else {
                break;
            };
            if let Some(team) = teams[order.node(node)] {
                if sequence.last() != Some(&team) {
                    sequence.push(team);
                }
            }
            at = entry.pred;
        }
        sequence.reverse();
        Some((changes, sequence, order.node(end)))
    }

    fn hot_potato(&self, ctx: &mut Ctx, start: usize, order: &PathOrder) {
        let model = ctx.model;
        let limit = ctx.options.max_handoffs;
        let Some((changes, sequence, end)) = self.worst_team_changes(model, start, order) else {
            return;
        };
        if changes <= i64::from(limit) {
            return;
        }
        let names = super::chain(sequence.iter().map(|&t| model.teams[t].header.id.as_str()));
        ctx.report(
            Diagnostic::new(
                Code::HotPotato,
                self.journey.header.span,
                msg!(
                    "hot-potato",
                    journey = self.name(),
                    changes = changes,
                    end = &self.step(end).header.id,
                    teams = names,
                    limit = limit
                ),
            )
            .help(msg!("hot-potato-help")),
        );
    }

    fn deadline(&self, ctx: &mut Ctx, start: usize) {
        let model = ctx.model;
        let (target, source) = match &self.journey.within {
            Some(w) => {
                let target = super::Timed::new(model, w.value, None);
                (
                    target.longest,
                    msg!("journey-target", target = target.shown()),
                )
            }
            None => {
                // Step deadlines run on the wall clock, a resolution target
                // on its SLA's: the steps are held against the shortest
                // wall-clock time the target can last.
                let strictest = model
                    .served(&self.journey.segments)
                    .flat_map(|seg| model.slas_of(seg).map(move |(_, sla)| (seg, sla)))
                    .flat_map(|(seg, sla)| {
                        sla.resolutions
                            .iter()
                            .filter(|r| r.channel.is_none())
                            .map(move |r| (r.within, sla.clock(), seg))
                    })
                    .filter_map(|(within, clock, seg)| {
                        Some((model.shortest_wall(within, clock)?, seg, within, clock))
                    })
                    .min_by_key(|&(wall, seg, ..)| (wall, seg));
                let Some((wall, seg, within, clock)) = strictest else {
                    return;
                };
                let segment = &model.segments[seg].header.id;
                let on_wall = clock.is_none_or(|c| model.calendars[c].is_24x7());
                let source = match within {
                    TimeLimit::Running { .. } if on_wall => msg!(
                        "segment-resolution-target",
                        target = super::Timed::new(model, within, clock).shown(),
                        segment = segment
                    ),
                    _ => msg!(
                        "segment-resolution-target-wall",
                        target = within.to_string(),
                        segment = segment,
                        wall = Arg::seconds(wall.seconds(), false)
                    ),
                };
                (wall, source)
            }
        };
        let Some((longest, path)) = self.longest_deadline(start, None, Last::Included) else {
            return;
        };
        if longest <= target {
            return;
        }
        let names = super::path(path.iter().map(|&i| self.step(i).header.id.as_str()));
        ctx.report(
            Diagnostic::new(
                Code::DeadlineExceedsTarget,
                self.journey.header.span,
                msg!(
                    "deadline-exceeds-target",
                    journey = self.name(),
                    total = crate::i18n::Arg::limit(
                        crate::base::time::TimeLimit::running(longest),
                        false
                    ),
                    steps = names,
                    target = source
                ),
            )
            .help(msg!("deadline-exceeds-target-help")),
        );
    }
}

/// One candidate path state for [`Analysis::hot_potato`].
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Team changes so far; -1 before the first customer-facing step.
    changes: i64,
    team: Option<Idx<Team>>,
    pred: Option<(usize, u8)>,
}

impl Entry {
    fn first() -> Entry {
        Entry {
            changes: -1,
            team: None,
            pred: None,
        }
    }

    /// The state after passing through a step owned by `team` (None: not
    /// customer-facing, or owner unknown — it does not count).
    fn through(self, team: Option<Idx<Team>>, pred: Option<(usize, u8)>) -> Entry {
        match team {
            Some(t) if self.team != Some(t) => Entry {
                changes: self.changes + 1,
                team: Some(t),
                pred,
            },
            _ => Entry { pred, ..self },
        }
    }
}

/// The best entries for the two best distinct last teams.
#[derive(Debug, Clone, Copy, Default)]
struct Best {
    entries: [Option<Entry>; 2],
}

impl Best {
    fn offer(&mut self, new: Entry) {
        let [a, b] = self.entries;
        let mut all = [a, b, Some(new)];
        // Keep one entry per team (the best), then the best two. Earlier entries
        // win ties so the walk is deterministic.
        all.sort_by(|x, y| match (x, y) {
            (Some(x), Some(y)) => y.changes.cmp(&x.changes),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        let mut kept: Vec<Entry> = Vec::with_capacity(2);
        for e in all.into_iter().flatten() {
            if kept.len() < 2 && kept.iter().all(|k| k.team != e.team) {
                kept.push(e);
            }
        }
        self.entries = [kept.first().copied(), kept.get(1).copied()];
    }
}
