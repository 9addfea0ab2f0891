//! Journey conformance: each case's visits, ordered by when they were
//! entered, replayed on the journey's graph — did it begin at `start`, take
//! only transitions the map has, reach an `end`? — with the time spent at
//! each step, drop-off, end-to-end time and the teams the customer passed
//! through.
//!
//! A case is every row with its id (in its journey), wherever the row lies
//! in the export: its visits ordered by `entered` (visits entered at the
//! same instant by step, as the dbt project orders them), and split after
//! each visit of a step that ends the journey with no way on — an id used
//! again after its case was closed starts a new case. Memory holds every
//! visit until the export ends ([`Held`]: 48 bytes a visit, and each id
//! once): cases are replayed in [`Tally::finish`].
//!
//! A case one of whose rows is bad data (a step its journey does not have,
//! a time that cannot be read, …) is set aside whole, with every visit of
//! its id: replayed on the rows left, it would show a drop-off or a detour
//! that only the export made. A bad row names its case by its id and
//! journey; one whose journey the spec does not have (or that names none)
//! sets aside that id in every journey. Rows with no case id cannot be
//! tied to a case and set aside only themselves.

use super::clocks::Clocks;
use super::flaws::{DataFile, Flaw, Flaws, Subject};
use super::held::{CaseSegment, Held, HeldCase};
use super::kept::Kept;
use super::sketch::Sketch;
use crate::model::{Idx, Journey, Model, Promise, Segment, Step, Team};
use jiff::Timestamp;
use std::collections::BTreeMap;

/// One visit of an open case.
#[derive(Debug, Clone, Copy)]
pub struct Stop {
    pub step: Idx<Step>,
    pub entered: Timestamp,
    pub left: Option<Timestamp>,
    pub csat: Option<f64>,
    pub effort: Option<f64>,
}

/// A step as the cases lived it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepFigures {
    pub visits: u64,
    /// Cases that came to the step at least once.
    pub reached: u64,
    /// Cases whose last visit was here, though the step is no `end`.
    pub stopped: u64,
    /// Time from entering to leaving (or entering the next step).
    pub time: Sketch,
    /// Against the step's `within`, when it has one.
    pub on_time: Kept,
    pub csat_n: u64,
    pub csat_sum: f64,
    pub effort_n: u64,
    pub effort_sum: f64,
}

impl StepFigures {
    /// Of the cases that reached the step, the share that stopped there
    /// (0..100).
    pub fn dropoff(&self) -> Option<f64> {
        (self.reached > 0).then(|| self.stopped as f64 * 100.0 / self.reached as f64)
    }

    pub fn csat(&self) -> Option<f64> {
        (self.csat_n > 0).then(|| self.csat_sum / self.csat_n as f64)
    }

    pub fn effort(&self) -> Option<f64> {
        (self.effort_n > 0).then(|| self.effort_sum / self.effort_n as f64)
    }
}

/// A transition no arrow of the map allows: from a step (none: the case
/// began somewhere other than `start`) to a step.
pub type Detour = (Option<Idx<Step>>, Idx<Step>);

/// The cases of a journey set aside whole because some of their rows
/// were bad data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SetAside {
    pub cases: u64,
    /// The bad rows that set them aside.
    pub bad_rows: u64,
    /// Their good visits, counted by no figure.
    pub visits: u64,
    /// The first lines of those bad rows, in order.
    pub lines: Vec<u64>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct JourneyFigures {
    pub cases: u64,
    /// Cases that took only the map's transitions from `start` and reached an `end`.
    pub fitting: u64,
    pub completed: u64,
    /// Cases not at an end yet but within their step's (else the journey's)
    /// time when the export was taken, or at a step with no time at all
    /// (neither has a `within`): neither completed nor dropped.
    pub in_progress: u64,
    /// Cases with at least one transition the map lacks, and those transitions.
    pub deviating: u64,
    pub detours: BTreeMap<Detour, u64>,
    pub steps: Vec<StepFigures>,
    /// First entry to the end of the last step, for completed cases.
    pub end_to_end: Sketch,
    /// Completed cases against the journey's `within`.
    pub on_time: Kept,
    /// Team changes per case, and the cases over the `hot-potato` limit.
    pub handoffs: Sketch,
    pub over_handoff_limit: u64,
    /// Cases no figure counts, for their bad rows.
    pub set_aside: SetAside,
}

/// The bad rows that name one case: how many, and their first lines.
type Tied = (u64, Vec<u64>);

pub struct Tally {
    /// Every visit, until the export ends.
    open: Held,
    pub journeys: Vec<JourneyFigures>,
    /// Promises over a journey, kept per case.
    pub promises: BTreeMap<Idx<Promise>, Kept>,
    /// Of the cases each promise counted, those that named no segment:
    /// counted whatever the promise's segments.
    pub unsegmented: BTreeMap<Idx<Promise>, u64>,
    /// Whether any visit named a segment (the export has the column).
    pub named_segments: bool,
    max_handoffs: u32,
    /// The bad rows that name a case, per journey (none: the row names no
    /// journey of the spec) and case id: how many, and their first lines.
    tied: BTreeMap<(Option<Idx<Journey>>, Box<str>), Tied>,
    /// The first and last local day (home zone, days since 1970) the visits
    /// of the cases counted were entered on: the cases' period. A case set
    /// aside whole for its bad rows is in it with none of its days.
    pub days: Option<(i64, i64)>,
}

impl Tally {
    pub fn new(model: &Model, max_handoffs: u32) -> Tally {
        Tally {
            open: Held::default(),
            journeys: model
                .journeys
                .values()
                .map(|j| JourneyFigures {
                    steps: vec![StepFigures::default(); j.steps.len()],
                    ..JourneyFigures::default()
                })
                .collect(),
            promises: BTreeMap::new(),
            unsegmented: BTreeMap::new(),
            named_segments: false,
            max_handoffs,
            tied: BTreeMap::new(),
            days: None,
        }
    }

    /// A visit of `case`, read at `line`, naming `segment` when its row does.
    pub fn add(
        &mut self,
        journey: Idx<Journey>,
        case: &str,
        stop: Stop,
        segment: Option<Idx<Segment>>,
        line: u64,
    ) {
        self.named_segments |= segment.is_some();
        self.open.add(journey, case, stop, segment, line);
    }

    /// A row of `case` set aside as bad data, read at `line`, in `journey`
    /// (none: it names no journey of the spec): the case goes with it.
    pub fn bad_row(&mut self, journey: Option<Idx<Journey>>, case: &str, line: u64) {
        let (count, lines) = self.tied.entry((journey, Box::from(case))).or_default();
        *count += 1;
        if lines.len() < super::flaws::SHOWN_LINES {
            lines.push(line);
        }
    }

    /// Replays every case, in a fixed order (journey, then case id) so
    /// sums of fractions come out the same on every run whatever the
    /// order of the rows; `as_of` (else the latest time of the cases
    /// measured) tells a case in progress from one dropped. A case whose
    /// visits name different segments is bad data, set aside whole
    /// (`mixed-segments`); so is one with a bad row ([`Tally::bad_row`]).
    pub fn finish(
        &mut self,
        model: &Model,
        clocks: &Clocks,
        as_of: Option<Timestamp>,
        flaws: &mut Flaws,
    ) {
        let held = std::mem::take(&mut self.open);
        // The bad rows tied to each case, by number.
        let mut tied: Vec<Tied> = vec![(0, Vec::new()); held.len()];
        for ((journey, case), (count, lines)) in std::mem::take(&mut self.tied) {
            let numbers: Vec<u32> = match journey {
                Some(j) => held.number(j, &case).into_iter().collect(),
                None => held.numbers(&case).map(|(_, n)| n).collect(),
            };
            for n in numbers {
                let (c, l) = &mut tied[n as usize];
                *c += count;
                l.extend(&lines);
            }
        }
        let mixed = |n: u32| matches!(held.segments()[n as usize], CaseSegment::Mixed(_));
        let counted = |n: u32| tied[n as usize].0 == 0 && !mixed(n);
        let as_of = as_of.or_else(|| held.latest(counted));
        for held in held.cases() {
            let HeldCase {
                number,
                journey,
                id,
                segment,
                stops,
            } = held;
            if let (CaseSegment::One(_) | CaseSegment::Unnamed, (count @ 1.., lines)) =
                (segment, &tied[number as usize])
            {
                let aside = &mut self.journeys[journey.index()].set_aside;
                aside.cases += 1;
                aside.bad_rows += count;
                aside.visits += stops.len() as u64;
                aside.lines.extend(lines);
                continue;
            }
            let segment = match segment {
                CaseSegment::Mixed(line) => {
                    let subject = Some(Subject::Journey(journey));
                    let (file, flaw) = (DataFile::Cases, Flaw::MixedSegments);
                    flaws.note(file, flaw, line, Some(&id), subject);
                    continue;
                }
                CaseSegment::One(s) => Some(s),
                CaseSegment::Unnamed => None,
            };
            for stop in &stops {
                super::seen(&mut self.days, clocks.home_day(stop.entered));
            }
            for case in cases(&model.journeys[journey], stops) {
                self.close(model, clocks, journey, &case, segment, as_of);
            }
        }
        for figures in &mut self.journeys {
            let lines = &mut figures.set_aside.lines;
            lines.sort_unstable();
            lines.dedup();
            lines.truncate(super::flaws::SHOWN_LINES);
        }
    }

    /// Steps and journeys run on the wall clock (their `wd` deadlines count
    /// days in the home zone).
    fn close(
        &mut self,
        model: &Model,
        clocks: &Clocks,
        id: Idx<Journey>,
        stops: &[Stop],
        segment: Option<Idx<Segment>>,
        as_of: Option<Timestamp>,
    ) {
        let journey = &model.journeys[id];
        let figures = &mut self.journeys[id.index()];
        figures.cases += 1;
        let Some(first) = stops.first().copied() else {
            return;
        };
        let last = stops[stops.len() - 1];
        // Replay on the graph.
        let mut detours = Vec::new();
        if journey.start.as_ref().and_then(|s| s.target) != Some(first.step) {
            detours.push((None, first.step));
        }
        for pair in stops.windows(2) {
            let (from, to) = (pair[0].step, pair[1].step);
            let allowed = journey.steps[from]
                .next
                .iter()
                .any(|t| t.to.target == Some(to));
            if !allowed {
                detours.push((Some(from), to));
            }
        }
        let completed = journey.steps[last.step].end.is_some();
        figures.completed += u64::from(completed);
        if detours.is_empty() {
            figures.fitting += u64::from(completed);
        } else {
            figures.deviating += 1;
            for d in detours {
                *figures.detours.entry(d).or_default() += 1;
            }
        }
        // Still within its time: the case has not stopped, it is under way.
        let waited =
            |since: Timestamp,
             within: Option<&crate::model::At<crate::syntax::values::TimeLimit>>| {
                within
                    .zip(as_of)
                    .map(|(w, now)| !clocks.overdue(&clocks.deadline(None, since, w.value), now))
            };
        // With no `within` on the step nor on the journey nothing runs
        // out: the case is still there, never stopped by the export's end.
        let under_way = !completed
            && waited(last.entered, journey.steps[last.step].within.as_ref())
                .or_else(|| waited(first.entered, journey.within.as_ref()))
                .unwrap_or(true);
        if under_way {
            figures.in_progress += 1;
        } else if !completed {
            figures.steps[last.step.index()].stopped += 1;
        }
        // Time at each step, and the steps the case reached.
        let mut reached = vec![false; journey.steps.len()];
        for (i, stop) in stops.iter().enumerate() {
            let step = &mut figures.steps[stop.step.index()];
            step.visits += 1;
            if !std::mem::replace(&mut reached[stop.step.index()], true) {
                step.reached += 1;
            }
            if let Some(csat) = stop.csat {
                step.csat_n += 1;
                step.csat_sum += csat;
            }
            if let Some(effort) = stop.effort {
                step.effort_n += 1;
                step.effort_sum += effort;
            }
            let left = stop.left.or_else(|| stops.get(i + 1).map(|s| s.entered));
            if let Some(left) = left {
                let seconds = (left.as_second() - stop.entered.as_second()).max(0);
                step.time.add(seconds);
                if let Some(within) = &journey.steps[stop.step].within {
                    step.on_time
                        .count(clocks.met(None, stop.entered, left, within.value));
                }
            }
        }
        if completed {
            let end = last.left.unwrap_or(last.entered);
            let seconds = end.as_second() - first.entered.as_second();
            figures.end_to_end.add(seconds);
            if let Some(within) = &journey.within {
                figures
                    .on_time
                    .count(clocks.met(None, first.entered, end, within.value));
            }
        }
        // As `hot-potato` counts them: customer-facing steps only.
        let teams: Vec<Option<Idx<Team>>> = stops
            .iter()
            .map(|s| &journey.steps[s.step])
            .filter(|step| !step.channels.is_empty())
            .map(|step| {
                step.owner
                    .as_ref()
                    .and_then(|o| o.target)
                    .and_then(|p| model.team_of(p))
            })
            .collect();
        let changes = teams
            .windows(2)
            .filter(|w| matches!(w, [Some(a), Some(b)] if a != b))
            .count();
        figures.handoffs.add(changes as i64);
        figures.over_handoff_limit += u64::from(changes > self.max_handoffs as usize);
        // A case that never reaches a promise's `to` is judged at the end
        // of the export while it is open; one that closed at another end
        // went another way (a network outage restored without the visit
        // the promise times): not the promise's.
        let judged_at = if completed { None } else { as_of };
        self.promise(model, clocks, id, stops, segment, judged_at);
    }

    /// Promises over this journey: from entering `from` (the first step
    /// visited) to entering `to` (the first `end` reached), on wall time.
    /// A case that entered `from` and never `to` is open work: broken once
    /// its deadline had passed by `judged_at` (the end of the export; none
    /// for a case closed at another end), otherwise not counted.
    /// A case of a segment the promise does not name is not its; a case
    /// that names none counts for every promise (and is counted as such).
    fn promise(
        &mut self,
        model: &Model,
        clocks: &Clocks,
        journey: Idx<Journey>,
        stops: &[Stop],
        segment: Option<Idx<Segment>>,
        judged_at: Option<Timestamp>,
    ) {
        for (id, promise) in model.promises.iter() {
            let (Some(on), Some(within)) = (&promise.journey, &promise.within) else {
                continue;
            };
            if on.journey.target != Some(journey) {
                continue;
            }
            let theirs = |s: Idx<Segment>| {
                promise.segments.is_empty() || promise.segments.iter().any(|p| p.target == Some(s))
            };
            if segment.is_some_and(|s| !theirs(s)) {
                continue;
            }
            let steps = &model.journeys[journey].steps;
            let from = match on.from.as_ref().and_then(|f| f.target) {
                Some(step) => stops.iter().position(|s| s.step == step),
                None => Some(0),
            };
            let Some(from) = from else { continue };
            let to = stops[from..].iter().find(|s| match on.to.as_ref() {
                Some(to) => to.target == Some(s.step),
                None => steps[s.step].end.is_some(),
            });
            let since = stops[from].entered;
            let kept = match to {
                Some(to) => clocks.met(None, since, to.entered, within.value),
                None => {
                    let deadline = clocks.deadline(None, since, within.value);
                    if !judged_at.is_some_and(|at| clocks.overdue(&deadline, at)) {
                        continue;
                    }
                    false
                }
            };
            self.promises.entry(id).or_default().count(kept);
            if segment.is_none() {
                *self.unsegmented.entry(id).or_default() += 1;
            }
        }
    }
}

/// The cases of one id: its visits ordered by `entered`, then by step
/// (then by the rest of the row, none before some, so that the order of
/// the file never shows), cut after each visit of a step that ends the
/// journey with no way on.
pub fn cases(journey: &Journey, mut stops: Vec<Stop>) -> impl Iterator<Item = Vec<Stop>> + '_ {
    let number = |n: Option<f64>| n.map(f64::to_bits);
    stops.sort_by(|a, b| {
        (a.entered, a.step.index(), a.left)
            .cmp(&(b.entered, b.step.index(), b.left))
            .then_with(|| number(a.csat).cmp(&number(b.csat)))
            .then_with(|| number(a.effort).cmp(&number(b.effort)))
    });
    let mut rest = stops.into_iter();
    std::iter::from_fn(move || {
        let mut case = Vec::new();
        for stop in rest.by_ref() {
            case.push(stop);
            let step = &journey.steps[stop.step];
            if step.end.is_some() && step.next.is_empty() {
                break;
            }
        }
        (!case.is_empty()).then_some(case)
    })
}
