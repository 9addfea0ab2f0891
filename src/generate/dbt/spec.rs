//! The spec as seeds: what each rule of `cxc measure` needs, one row per
//! combination a contact or case can meet, so that the models join on
//! equality (segment, channel, complaint, journey, step) and never branch on
//! the spec.

use super::{yaml_string, Table};
use crate::measure::Settings;
use crate::model::{Calendar, Idx, Model};
use crate::syntax::values::{Feedback, TimeLimit};
use jiff::tz::TimeZone;
use std::cell::RefCell;
use std::collections::BTreeMap;

pub struct Spec<'m> {
    pub(super) model: &'m Model,
    pub(super) settings: &'m Settings,
    /// Zone 0 is the home zone; then every other zone a calendar reads.
    pub zones: Vec<TimeZone>,
    /// The zone of each calendar.
    calendar_zone: Vec<usize>,
    /// Calendars whose running time is not wall time: they get a clock table.
    pub clocked: Vec<Idx<Calendar>>,
    pub clocks: crate::measure::clocks::Clocks,
    /// The calendars (none: the wall clock) some deadline in working days
    /// counts on, with the most working days one asks: they get
    /// working-day tables (`time::workday_tables`).
    pub workdays: RefCell<BTreeMap<Option<Idx<Calendar>>, u32>>,
}

/// A limit as seed columns: running seconds, or working days (the other
/// empty).
fn limit_columns(limit: TimeLimit) -> [String; 2] {
    match limit {
        TimeLimit::Running { time, .. } => [time.seconds().to_string(), String::new()],
        TimeLimit::WorkingDays(days) => [String::new(), days.to_string()],
    }
}

/// One target line of an SLA: its kind, place among the SLA's lines of that
/// kind, channel (none: every channel; `Some(None)`: one the spec does not
/// have, so none), time and goal.
struct Line {
    kind: &'static str,
    index: usize,
    channel: Option<Option<Idx<crate::model::Channel>>>,
    within: TimeLimit,
    goal: f64,
}

impl Line {
    fn new(
        kind: &'static str,
        index: usize,
        channel: Option<Option<Idx<crate::model::Channel>>>,
        within: TimeLimit,
        goal: f64,
    ) -> Line {
        Line {
            kind,
            index,
            channel,
            within,
            goal,
        }
    }

    /// Its place in `cxc measure`'s order: answers, first responses, resolutions.
    fn kind_ord(&self) -> u8 {
        match self.kind {
            "answer" => 0,
            "first_response" => 1,
            _ => 2,
        }
    }
}

fn same(a: &TimeZone, b: &TimeZone) -> bool {
    a.iana_name() == b.iana_name()
}

impl<'m> Spec<'m> {
    pub fn new(model: &'m Model, settings: &'m Settings) -> Spec<'m> {
        let clocks = crate::measure::clocks::Clocks::new(model);
        let mut zones = vec![clocks.home().clone()];
        let calendar_zone = model
            .calendars
            .ids()
            .map(|c| {
                let tz = clocks.zone(Some(c)).clone();
                match zones.iter().position(|z| same(z, &tz)) {
                    Some(i) => i,
                    None => {
                        zones.push(tz);
                        zones.len() - 1
                    }
                }
            })
            .collect();
        let clocked = model
            .calendars
            .iter()
            .filter(|(_, c)| !crate::measure::clock::Clock::of(c).is_always())
            .map(|(id, _)| id)
            .collect();
        Spec {
            model,
            settings,
            zones,
            calendar_zone,
            clocked,
            clocks,
            workdays: RefCell::default(),
        }
    }

    /// `limit` on `calendar`'s clock as the columns `within_s`, `within_wd`
    /// and `workdays` (the calendar whose working days count: its id, empty
    /// for the wall clock); a limit in working days asks for that
    /// calendar's working-day tables.
    fn limit(&self, limit: TimeLimit, calendar: Option<Idx<Calendar>>) -> [String; 3] {
        if let TimeLimit::WorkingDays(days) = limit {
            let mut used = self.workdays.borrow_mut();
            let most = used.entry(calendar).or_default();
            *most = (*most).max(days);
        }
        let [s, wd] = limit_columns(limit);
        let key = calendar.map_or(String::new(), |c| {
            self.model.calendars[c].header.id.to_string()
        });
        [s, wd, key]
    }

    /// The zone a rule on `calendar` reads local times in (home without
    /// one), as its place in `zones`.
    pub fn zone_index(&self, calendar: Option<Idx<Calendar>>) -> usize {
        calendar.map_or(0, |c| self.calendar_zone[c.index()])
    }

    /// The zone a rule on `calendar` reads local times in, as a seed value.
    pub(super) fn zone(&self, calendar: Option<Idx<Calendar>>) -> String {
        self.zone_index(calendar).to_string()
    }

    /// The clock a rule on `calendar` runs on: empty for wall time.
    pub(super) fn clock(&self, calendar: Option<Idx<Calendar>>) -> String {
        calendar
            .filter(|c| self.clocked.contains(c))
            .map_or(String::new(), |c| {
                self.model.calendars[c].header.id.to_string()
            })
    }

    pub fn tables(&self) -> Vec<(&'static str, Table)> {
        vec![
            ("cxc_names", self.names()),
            ("cxc_channels", self.channels()),
            ("cxc_settings", self.settings_table()),
            ("cxc_sla_targets", self.sla_targets()),
            ("cxc_sla_governs", self.sla_governs()),
            ("cxc_sla_kpis", self.sla_kpis()),
            ("cxc_promises", self.promises()),
            ("cxc_journey_promises", self.journey_promises()),
            (
                "cxc_journey_promise_segments",
                self.journey_promise_segments(),
            ),
            ("cxc_complaint_clocks", self.complaint_clocks()),
            ("cxc_complaint_duties", self.complaint_duties()),
            ("cxc_journeys", self.journeys()),
            ("cxc_steps", self.steps()),
            ("cxc_transitions", self.transitions()),
        ]
    }

    fn names(&self) -> Table {
        let m = self.model;
        let mut t = Table::new(&[("kind", 's'), ("scope", 's'), ("name", 's'), ("id", 's')]);
        let mut add = |kind: &str, names: crate::measure::Names<String, &str>| {
            let mut names: Vec<_> = names.into_iter().collect();
            names.sort();
            for (name, id) in names {
                t.row([kind.into(), String::new(), name, id.to_string()]);
            }
        };
        let ids = m
            .segments
            .values()
            .map(|s| (s.header.id.as_str(), s.header.id.as_str()));
        add(
            "segment",
            crate::measure::names(ids, &self.settings.segment_names),
        );
        let ids = m
            .channels
            .values()
            .map(|c| (c.header.id.as_str(), c.header.id.as_str()));
        add(
            "channel",
            crate::measure::names(ids, &self.settings.channel_names),
        );
        let none = Default::default();
        let ids = m
            .complaints
            .values()
            .map(|c| (c.header.id.as_str(), c.header.id.as_str()));
        add("complaint", crate::measure::names(ids, &none));
        let ids = m
            .journeys
            .values()
            .map(|j| (j.header.id.as_str(), j.header.id.as_str()));
        add("journey", crate::measure::names(ids, &none));
        for j in m.journeys.values() {
            for s in j.steps.values() {
                let id = s.header.id.to_string();
                t.row(["step".into(), j.header.id.to_string(), id.clone(), id]);
            }
        }
        t
    }

    /// The channels in the spec's order: of a customer's contacts made at
    /// one time, the first channel's is the one that comes next.
    fn channels(&self) -> Table {
        let mut t = Table::new(&[("channel", 's'), ("ord", 'i'), ("self_service", 'i')]);
        for (id, c) in self.model.channels.iter() {
            t.row([
                c.header.id.to_string(),
                id.index().to_string(),
                u8::from(c.self_service).to_string(),
            ]);
        }
        t
    }

    fn settings_table(&self) -> Table {
        let s = self.settings;
        let mut t = Table::new(&[
            ("promise_keep_rate", 'd'),
            ("deadline_rate", 'd'),
            ("max_handoffs", 'i'),
            ("clock_from", 'i'),
            ("clock_to", 'i'),
            ("repeat_window", 'i'),
        ]);
        t.row([
            s.promise_keep_rate.value().to_string(),
            s.deadline_rate.value().to_string(),
            s.max_handoffs.to_string(),
            super::time::FROM.to_string(),
            super::time::TO.to_string(),
            s.repeat_window.to_string(),
        ]);
        t
    }

    /// One row per target, per segment of its SLA, per channel a contact
    /// of that segment may come by (a resolution target without a channel
    /// applies to every channel its SLA governs, [`Model::sla_governs`]).
    fn sla_targets(&self) -> Table {
        let m = self.model;
        let mut t = Table::new(&[
            ("sla", 's'),
            ("sla_ord", 'i'),
            ("segment", 's'),
            ("channel", 's'),
            ("kind", 's'),
            ("kind_ord", 'i'),
            ("idx", 'i'),
            ("target_channel", 's'),
            ("within_s", 'i'),
            ("within_wd", 'i'),
            ("workdays", 's'),
            ("goal", 'd'),
            ("calendar", 's'),
            ("zone", 'i'),
        ]);
        let deadline = self.settings.deadline_rate.value();
        for (segment_id, segment) in m.segments.iter() {
            for (sla_id, sla) in m.slas_of(segment_id) {
                let hours = sla.hours.as_ref().and_then(|h| h.target);
                let mut targets: Vec<Line> = Vec::new();
                let applies =
                    |c: Option<Idx<crate::model::Channel>>| m.target_applies(segment_id, c);
                for (i, a) in sla.answers.iter().enumerate() {
                    if !applies(a.channel.target) {
                        continue;
                    }
                    let goal = a.percent.value();
                    targets.push(Line::new(
                        "answer",
                        i,
                        Some(a.channel.target),
                        a.within,
                        goal,
                    ));
                }
                for (i, f) in sla.first_responses.iter().enumerate() {
                    if !applies(f.channel.target) {
                        continue;
                    }
                    let channel = Some(f.channel.target);
                    targets.push(Line::new("first_response", i, channel, f.within, deadline));
                }
                for (i, r) in sla.resolutions.iter().enumerate() {
                    let channel = r.channel.as_ref().map(|c| c.target);
                    if !applies(channel.flatten()) {
                        continue;
                    }
                    targets.push(Line::new("resolution", i, channel, r.within, deadline));
                }
                for (channel_id, channel) in m.channels.iter() {
                    let channel_hours = channel.hours.as_ref().and_then(|h| h.target);
                    for line in &targets {
                        // A line without a channel (a resolution) applies to
                        // every channel its SLA governs for the segment.
                        let applies = match line.channel {
                            Some(c) => c == Some(channel_id),
                            None => m.sla_governs(segment_id, sla, channel_id),
                        };
                        if !applies {
                            continue;
                        }
                        let target = line.channel.flatten();
                        let [within_s, within_wd, workdays] = self.limit(line.within, hours);
                        t.row([
                            sla.header.id.to_string(),
                            sla_id.index().to_string(),
                            segment.header.id.to_string(),
                            channel.header.id.to_string(),
                            line.kind.into(),
                            line.kind_ord().to_string(),
                            line.index.to_string(),
                            target.map_or(String::new(), |c| m.channels[c].header.id.to_string()),
                            within_s,
                            within_wd,
                            workdays,
                            line.goal.to_string(),
                            self.clock(hours),
                            self.zone(hours.or(channel_hours)),
                        ]);
                    }
                }
            }
        }
        t
    }

    /// Promises on a channel, one row per segment they cover.
    fn promises(&self) -> Table {
        let m = self.model;
        let mut t = Table::new(&[
            ("promise", 's'),
            ("ord", 'i'),
            ("segment", 's'),
            ("channel", 's'),
            ("within_s", 'i'),
            ("within_wd", 'i'),
            ("workdays", 's'),
            ("calendar", 's'),
            ("zone", 'i'),
            ("live", 'i'),
        ]);
        for (id, p) in m.promises.iter() {
            let (Some(on), Some(within)) = (&p.channel, &p.within) else {
                continue;
            };
            let Some(channel) = on.target.filter(|_| p.journey.is_none()) else {
                continue;
            };
            let hours = m.channels[channel].hours.as_ref().and_then(|h| h.target);
            let live = m.channels[channel].kind.is_some_and(|k| k.is_synchronous());
            for (segment_id, segment) in m.segments.iter() {
                let covered = p.segments.is_empty()
                    || p.segments.iter().any(|s| s.target == Some(segment_id));
                if covered {
                    let [within_s, within_wd, workdays] = self.limit(within.value, hours);
                    t.row([
                        p.header.id.to_string(),
                        id.index().to_string(),
                        segment.header.id.to_string(),
                        m.channels[channel].header.id.to_string(),
                        within_s,
                        within_wd,
                        workdays,
                        self.clock(hours),
                        self.zone(hours),
                        u8::from(live).to_string(),
                    ]);
                }
            }
        }
        t
    }

    fn journey_promises(&self) -> Table {
        let m = self.model;
        let mut t = Table::new(&[
            ("promise", 's'),
            ("ord", 'i'),
            ("journey", 's'),
            ("from_step", 's'),
            ("to_step", 's'),
            ("within_s", 'i'),
            ("within_wd", 'i'),
            ("workdays", 's'),
            ("any_segment", 'i'),
        ]);
        for (id, p) in m.promises.iter() {
            let (Some(on), Some(within)) = (&p.journey, &p.within) else {
                continue;
            };
            let Some(journey) = on.journey.target else {
                continue;
            };
            let j = &m.journeys[journey];
            let step = |s: &Option<crate::model::Ref<Idx<crate::model::Step>>>| {
                s.as_ref()
                    .and_then(|s| s.target)
                    .map_or(String::new(), |s| j.steps[s].header.id.to_string())
            };
            let [within_s, within_wd, workdays] = self.limit(within.value, None);
            t.row([
                p.header.id.to_string(),
                id.index().to_string(),
                j.header.id.to_string(),
                step(&on.from),
                step(&on.to),
                within_s,
                within_wd,
                workdays,
                u8::from(p.segments.is_empty()).to_string(),
            ]);
        }
        t
    }

    /// The segments a promise over a journey names (none: every segment's
    /// cases are its): a case that names another segment is not counted.
    fn journey_promise_segments(&self) -> Table {
        let m = self.model;
        let mut t = Table::new(&[("promise", 's'), ("segment", 's')]);
        for p in m.promises.values() {
            if p.journey.is_none() || p.within.is_none() {
                continue;
            }
            for segment in p.segments.iter().filter_map(|s| s.target) {
                t.row([
                    p.header.id.to_string(),
                    m.segments[segment].header.id.to_string(),
                ]);
            }
        }
        t
    }

    /// The clock and zone of each complaint rule: its `hours`, else the
    /// wall clock, whatever channel the complaint came by (as `cxc measure`
    /// and every document say); `workdays`: whose working days its limits
    /// in working days count.
    fn complaint_clocks(&self) -> Table {
        let m = self.model;
        let mut t = Table::new(&[
            ("complaint", 's'),
            ("calendar", 's'),
            ("zone", 'i'),
            ("workdays", 's'),
        ]);
        for c in m.complaints.values() {
            let limits = [
                c.acknowledge.as_ref().map(|a| a.value),
                c.resolve.as_ref().map(|r| r.value),
                c.escalations.first().map(|e| e.after),
            ];
            let hours = c.hours.as_ref().and_then(|h| h.target);
            let mut workdays = String::new();
            for limit in limits.into_iter().flatten() {
                workdays = self.limit(limit, hours)[2].clone();
            }
            t.row([
                c.header.id.to_string(),
                self.clock(hours),
                self.zone(hours),
                workdays,
            ]);
        }
        t
    }

    fn complaint_duties(&self) -> Table {
        let m = self.model;
        let mut t = Table::new(&[
            ("complaint", 's'),
            ("ord", 'i'),
            ("duty", 's'),
            ("duty_ord", 'i'),
            ("limit_s", 'i'),
            ("limit_wd", 'i'),
        ]);
        for (id, c) in m.complaints.iter() {
            let mut duty = |name: &str, ord: usize, [s, wd]: [String; 2]| {
                t.row([
                    c.header.id.to_string(),
                    id.index().to_string(),
                    name.into(),
                    ord.to_string(),
                    s,
                    wd,
                ]);
            };
            if let Some(a) = &c.acknowledge {
                duty("acknowledge", 0, limit_columns(a.value));
            }
            if let Some(r) = &c.resolve {
                duty("resolve", 1, limit_columns(r.value));
            }
            if let Some(e) = c.escalations.first() {
                duty("escalate", 2, limit_columns(e.after));
            }
            if c.feedback
                .as_ref()
                .is_some_and(|f| f.value == Feedback::Required)
            {
                duty("feedback", 3, [String::new(), String::new()]);
            }
        }
        t
    }

    /// A journey's or step's `within`, on the wall clock (none: no limit).
    fn wall_limit(&self, within: Option<&crate::model::At<TimeLimit>>) -> [String; 3] {
        within.map_or(Default::default(), |w| self.limit(w.value, None))
    }

    fn journeys(&self) -> Table {
        let m = self.model;
        let mut t = Table::new(&[
            ("journey", 's'),
            ("ord", 'i'),
            ("start_step", 's'),
            ("within_s", 'i'),
            ("within_wd", 'i'),
            ("workdays", 's'),
        ]);
        for (id, j) in m.journeys.iter() {
            let [within_s, within_wd, workdays] = self.wall_limit(j.within.as_ref());
            t.row([
                j.header.id.to_string(),
                id.index().to_string(),
                j.start
                    .as_ref()
                    .and_then(|s| s.target)
                    .map_or(String::new(), |s| j.steps[s].header.id.to_string()),
                within_s,
                within_wd,
                workdays,
            ]);
        }
        t
    }

    fn steps(&self) -> Table {
        let m = self.model;
        let mut t = Table::new(&[
            ("journey", 's'),
            ("step", 's'),
            ("ord", 'i'),
            ("is_end", 'i'),
            ("within_s", 'i'),
            ("within_wd", 'i'),
            ("workdays", 's'),
            ("facing", 'i'),
            ("team", 's'),
            ("is_final", 'i'),
        ]);
        for j in m.journeys.values() {
            for (id, s) in j.steps.iter() {
                let team = s
                    .owner
                    .as_ref()
                    .and_then(|o| o.target)
                    .and_then(|p| m.team_of(p))
                    .map_or(String::new(), |team| m.teams[team].header.id.to_string());
                let [within_s, within_wd, workdays] = self.wall_limit(s.within.as_ref());
                t.row([
                    j.header.id.to_string(),
                    s.header.id.to_string(),
                    id.index().to_string(),
                    u8::from(s.end.is_some()).to_string(),
                    within_s,
                    within_wd,
                    workdays,
                    u8::from(!s.channels.is_empty()).to_string(),
                    team,
                    // Ends the journey with no way on: a case closes here.
                    u8::from(s.end.is_some() && s.next.is_empty()).to_string(),
                ]);
            }
        }
        t
    }

    fn transitions(&self) -> Table {
        let m = self.model;
        let mut t = Table::new(&[("journey", 's'), ("from_step", 's'), ("to_step", 's')]);
        for j in m.journeys.values() {
            let mut pairs: Vec<(String, String)> = Vec::new();
            for s in j.steps.values() {
                for next in &s.next {
                    if let Some(to) = next.to.target {
                        pairs.push((s.header.id.to_string(), j.steps[to].header.id.to_string()));
                    }
                }
            }
            pairs.sort();
            pairs.dedup();
            for (from, to) in pairs {
                t.row([j.header.id.to_string(), from, to]);
            }
        }
        t
    }
}

/// `models/schema.yml`: the figures' keys are never empty, and every
/// segment, channel, journey and step a figure names is one of the spec's.
pub fn schema(model: &Model) -> String {
    let list = |ids: Vec<String>| -> String {
        let quoted: Vec<String> = ids.iter().map(|id| yaml_string(id)).collect();
        format!("[{}]", quoted.join(", "))
    };
    let segments = list(
        model
            .segments
            .values()
            .map(|s| s.header.id.to_string())
            .collect(),
    );
    let channels = list(
        model
            .channels
            .values()
            .map(|c| c.header.id.to_string())
            .collect(),
    );
    let journeys = list(
        model
            .journeys
            .values()
            .map(|j| j.header.id.to_string())
            .collect(),
    );
    let mut steps: Vec<String> = model
        .journeys
        .values()
        .flat_map(|j| j.steps.values().map(|s| s.header.id.to_string()))
        .collect();
    steps.sort();
    steps.dedup();
    let steps = list(steps);
    // Each accepted-values test is named by its model and column (the
    // markers below, filled in by `column` and `model_block`): dbt names
    // one by its values otherwise, every letter outside ASCII an
    // underscore (`accepted_values_pain_step______`, outside audit 11,
    // L14). Unique, since a column has one such test, and the same
    // whatever the spec's alphabet.
    const MODEL: char = '\u{1}';
    const COLUMN: char = '\u{2}';
    let accepted = |values: &str| {
        format!(
            "          - accepted_values:\n              name: accepted_values_{MODEL}_{COLUMN}\n              arguments:\n                values: {values}\n"
        )
    };
    let not_null = "          - not_null\n";
    let column = |name: &str, tests: &[String]| {
        let tests = tests.concat().replace(COLUMN, name);
        format!("      - name: {name}\n        tests:\n{tests}")
    };
    let model_block = |name: &str, columns: &[String]| {
        let columns = columns.concat().replace(MODEL, name);
        format!("  - name: {name}\n    columns:\n{columns}")
    };
    let mut out = String::from(
        "# Written by cxc from the spec: every key of a figure is set, and every\n\
         # name a figure carries is the spec's (bad data never reaches them).\nversion: 2\nmodels:\n",
    );
    out.push_str(&model_block(
        "attainment",
        &[
            column("sla", &[not_null.into()]),
            column("segment", &[not_null.into(), accepted(&segments)]),
            column("channel", &[accepted(&channels)]),
            column(
                "kind",
                &[
                    not_null.into(),
                    accepted("[\"answer\", \"first_response\", \"resolution\"]"),
                ],
            ),
            column("n", &[not_null.into()]),
            column("met", &[not_null.into()]),
        ],
    ));
    out.push_str(&model_block(
        "segment_metrics",
        &[
            column("segment", &[not_null.into(), accepted(&segments)]),
            column("contacts", &[not_null.into()]),
        ],
    ));
    out.push_str(&model_block(
        "cxc_contacts",
        &[
            column("segment_id", &[not_null.into(), accepted(&segments)]),
            column("channel_id", &[not_null.into(), accepted(&channels)]),
            column("created__at_0", &[not_null.into()]),
        ],
    ));
    out.push_str(&model_block(
        "journey_visits",
        &[
            column("case_id", &[not_null.into()]),
            column("journey_id", &[not_null.into(), accepted(&journeys)]),
            column("step_id", &[not_null.into(), accepted(&steps)]),
            column("entered__at", &[not_null.into()]),
        ],
    ));
    out.push_str(&model_block(
        "journey_steps",
        &[
            column("journey", &[not_null.into(), accepted(&journeys)]),
            column("step", &[not_null.into(), accepted(&steps)]),
        ],
    ));
    out.push_str(&model_block(
        "promises_kept",
        &[column("promise", &[not_null.into()])],
    ));
    out.push_str(&model_block(
        "complaint_duties",
        &[
            column("complaint", &[not_null.into()]),
            column(
                "duty",
                &[
                    not_null.into(),
                    accepted("[\"acknowledge\", \"resolve\", \"escalate\", \"feedback\"]"),
                ],
            ),
        ],
    ));
    let segment = || column("segment", &[not_null.into(), accepted(&segments)]);
    out.push_str(&model_block(
        "cost_to_serve",
        &[
            segment(),
            column("channel", &[not_null.into(), accepted(&channels)]),
        ],
    ));
    out.push_str(&model_block("revenue_at_risk", &[segment()]));
    out.push_str(&model_block(
        "savings",
        &[
            segment(),
            column(
                "lever",
                &[not_null.into(), accepted("[\"fcr\", \"self_service\"]")],
            ),
        ],
    ));
    out.push_str(&model_block(
        "complaint_causes",
        &[column(
            "trend",
            &[
                not_null.into(),
                accepted("[\"rising\", \"falling\", \"flat\", \"too_few\"]"),
            ],
        )],
    ));
    out.push_str(&model_block("complaint_cause_segments", &[segment()]));
    out.push_str(&model_block(
        "pain",
        &[
            column("journey", &[accepted(&journeys)]),
            column("step", &[accepted(&steps)]),
            column("channel", &[accepted(&channels)]),
            column(
                "hurt",
                &[
                    not_null.into(),
                    accepted("[\"dropoff\", \"csat\", \"effort\"]"),
                ],
            ),
        ],
    ));
    out.push_str(&model_block(
        "bad_rows",
        &[
            column("file", &[not_null.into()]),
            column("reason", &[not_null.into()]),
        ],
    ));
    out
}
