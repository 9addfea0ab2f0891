//! The measured figures as plain data: `measure.json` as it is, and what
//! the report templates print.

use super::basis::{Basis, SetAsideView};
use super::segments::{ChannelView, SegmentView};
use crate::measure::complaints::Duty;
use crate::measure::findings::{metric_statement, rounded, target_statement};
use crate::measure::journeys::JourneyFigures;
use crate::measure::kept::Kept;
use crate::measure::metrics::{holds, target_figure};
use crate::measure::sketch::Sketch;
use crate::measure::sla::Target;
use crate::measure::Report;
use crate::model::Model;
use serde::Serialize;

/// A measured or goal figure: written as a whole number when it is one
/// (`95`, not `95.0`), else as it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure(pub f64);

impl Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.fract() == 0.0 && self.0.abs() < 1e15 {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

/// The shape of `measure.json` (grammar/measure.schema.json).
#[derive(Debug, Serialize)]
pub struct MeasureView {
    /// Bumped when a field changes meaning.
    pub version: u32,
    pub service: Option<String>,
    /// The days of the contacts measured, and of the journey visits.
    pub contacts_period: Option<PeriodView>,
    pub cases_period: Option<PeriodView>,
    /// When open deadlines were judged (RFC 3339): the end of `--to`, else
    /// the latest time in the contacts export.
    pub as_of: Option<String>,
    pub rows: RowsView,
    pub goals: GoalsView,
    pub targets: Vec<TargetView>,
    pub metrics: Vec<MetricView>,
    pub role_metrics: Vec<RoleMetricView>,
    pub promises: Vec<ShareView>,
    pub complaints: Vec<ShareView>,
    pub journeys: Vec<JourneyView>,
    pub bad_data: Vec<FlawView>,
    /// Per segment, every metric the data holds, the contacts it rests on
    /// and those set aside.
    pub segments: Vec<SegmentView>,
    /// Per channel, what its contacts' survey answers say.
    pub channels: Vec<ChannelView>,
    /// Customers' moves from one channel to another within the repeat
    /// window, most frequent first; and the window, in seconds.
    pub switches: Vec<super::segments::SwitchView>,
    pub repeat_window: u64,
    pub repeat_window_text: String,
    /// Customers named in the contacts export.
    pub customers: u64,
    /// Complaints by root cause (`cause` column), most first.
    pub causes: Vec<super::causes::CauseView>,
    /// Set when the `cause` column held more distinct values than
    /// `measure::causes::MAX_DISTINCT`: the cause figures were dropped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub causes_dropped: Option<CausesDroppedView>,
    /// Cost to serve, revenue at risk and savings (language 3).
    pub money: super::money::MoneyView,
}

/// Why `causes` is empty though complaints named causes.
#[derive(Debug, Serialize)]
pub struct CausesDroppedView {
    /// The most distinct causes counted.
    pub limit: usize,
}

#[derive(Debug, Serialize)]
pub struct PeriodView {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Serialize)]
pub struct RowsView {
    /// Rows measured (inside the period), and rows skipped as bad data.
    pub contacts: u64,
    pub visits: u64,
    pub bad_contacts: u64,
    pub bad_visits: u64,
    /// Of the bad rows, those that name no segment (contacts) or journey
    /// (cases) of the spec: set aside from every figure of their export.
    pub nameless_contacts: SetAsideView,
    pub nameless_visits: SetAsideView,
}

#[derive(Debug, Serialize)]
pub struct GoalsView {
    pub promise_keep_rate: Figure,
    pub deadline_rate: Figure,
    pub max_handoffs: u32,
}

/// An SLA's answer, first-response or resolution target for one segment.
#[derive(Debug, Serialize)]
pub struct TargetView {
    pub sla: String,
    pub segment: String,
    pub kind: &'static str,
    /// Its place among the SLA's targets of this kind, from 0.
    pub index: usize,
    pub channel: Option<String>,
    pub statement: String,
    pub goal: Figure,
    pub n: u64,
    pub met: u64,
    /// Exact; `shown` is it as the texts print it (one decimal, never
    /// across the goal: crate::measure::shown).
    pub percent: Figure,
    pub shown: Figure,
    /// `None` when no contact was measured: neither met nor missed.
    pub ok: Option<bool>,
    /// Rows of the segment (or naming none) set aside as bad data.
    pub set_aside: SetAsideView,
}

/// A role's `target` metric, on the contacts of the channels it or its
/// team owns.
#[derive(Debug, Serialize)]
pub struct RoleMetricView {
    pub role: String,
    pub metric: String,
    pub statement: String,
    pub value: Figure,
    pub value_text: String,
    pub n: u64,
    pub ok: bool,
}

#[derive(Debug, Serialize)]
pub struct MetricView {
    pub sla: String,
    pub segment: String,
    pub metric: String,
    pub statement: String,
    /// In the target's unit: a percentage, a number or seconds.
    pub value: Figure,
    pub value_text: String,
    pub n: u64,
    pub ok: bool,
    pub set_aside: SetAsideView,
}

/// A promise, or one duty of a complaint rule: how often it was kept.
#[derive(Debug, Serialize)]
pub struct ShareView {
    pub id: String,
    pub title: Option<String>,
    /// For complaints: `acknowledge`, `resolve`, `escalate` or `feedback`.
    pub duty: Option<&'static str>,
    pub n: u64,
    pub kept: u64,
    pub percent: Figure,
    pub shown: Figure,
    pub goal: Figure,
    /// `None` when nothing was measured.
    pub ok: Option<bool>,
    pub set_aside: SetAsideView,
    /// A promise over a journey that also serves other segments: measured
    /// on every case of the journey, since case rows name no segment.
    pub every_case: bool,
}

#[derive(Debug, Serialize)]
pub struct TimesView {
    pub n: u64,
    /// Seconds, to within 1%.
    pub median: Option<i64>,
    pub p90: Option<i64>,
    pub median_text: Option<String>,
    pub p90_text: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct KeptView {
    pub within: String,
    pub n: u64,
    pub kept: u64,
    pub percent: Figure,
    pub shown: Figure,
    /// `None` when no visit could be timed (an end step without `left`).
    pub ok: Option<bool>,
}

#[derive(Debug, Serialize)]
pub struct DetourView {
    /// None: the case began here instead of at `start`.
    pub from: Option<String>,
    pub to: String,
    pub count: u64,
}

#[derive(Debug, Serialize)]
pub struct StepView {
    pub step: String,
    pub title: Option<String>,
    pub visits: u64,
    pub reached: u64,
    pub stopped: u64,
    /// Of the cases that reached the step, the share that stopped there.
    pub dropoff: Option<Figure>,
    pub time: TimesView,
    pub on_time: Option<KeptView>,
    pub csat: Option<Figure>,
    pub csat_n: u64,
    /// Mean effort of the visits surveyed (1 low .. 5 high).
    pub effort: Option<Figure>,
    pub effort_n: u64,
    /// How the data shows the step hurting (`measured-pain`): `dropoff`,
    /// `csat`, `effort`; empty when it does not.
    pub pain: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct JourneyView {
    pub journey: String,
    pub title: Option<String>,
    pub cases: u64,
    pub fitting: u64,
    pub completed: u64,
    pub in_progress: u64,
    pub deviating: u64,
    pub detours: Vec<DetourView>,
    pub end_to_end: TimesView,
    pub on_time: Option<KeptView>,
    pub handoffs_median: Option<i64>,
    pub handoffs_max: Option<i64>,
    pub over_handoff_limit: u64,
    /// Of the cases, the share that stopped before an end (exact), and as
    /// the texts show it. Case rows name no segment: this is the figure of
    /// every segment the journey serves (`serves`, empty for all).
    pub dropoff: Figure,
    pub dropoff_text: String,
    pub serves: Vec<String>,
    pub steps: Vec<StepView>,
    /// Visits of this journey set aside as bad data (and those naming no
    /// journey of the spec).
    pub set_aside: SetAsideView,
    /// Cases set aside whole because some of their rows were bad data.
    pub cases_set_aside: CasesSetAsideView,
}

/// Cases no figure counts: how many, the bad rows that set them aside, and
/// their good visits left out with them.
#[derive(Debug, Serialize)]
pub struct CasesSetAsideView {
    pub cases: u64,
    pub bad_rows: u64,
    pub visits: u64,
}

#[derive(Debug, Serialize)]
pub struct FlawView {
    pub file: crate::measure::flaws::DataFile,
    pub kind: String,
    pub count: u64,
    pub first_lines: Vec<u64>,
    pub example: Option<String>,
}

fn period(
    days: Option<(crate::syntax::values::Date, crate::syntax::values::Date)>,
    settings: &crate::measure::Settings,
) -> Option<PeriodView> {
    days.map(|(a, b)| PeriodView {
        from: settings.from.unwrap_or(a).to_string(),
        to: settings.to.unwrap_or(b).to_string(),
    })
}

/// The share exact, and as every text shows it against `goal`.
fn percent(kept: &Kept, goal: crate::syntax::values::Percent) -> (Figure, Figure) {
    (Figure(kept.exact()), Figure(kept.shown(goal)))
}

fn times(sketch: &Sketch) -> TimesView {
    let median = sketch.quantile(0.5);
    let p90 = sketch.quantile(0.9);
    TimesView {
        n: sketch.n(),
        median,
        p90,
        median_text: median.map(rounded),
        p90_text: p90.map(rounded),
    }
}

fn kept_view(
    within: Option<&crate::model::At<crate::syntax::values::TimeLimit>>,
    kept: &Kept,
    goal: crate::syntax::values::Percent,
) -> Option<KeptView> {
    within.map(|w| {
        let (percent, shown) = percent(kept, goal);
        KeptView {
            within: w.value.to_string(),
            n: kept.n,
            kept: kept.kept,
            percent,
            shown,
            ok: kept.verdict(goal),
        }
    })
}

impl MeasureView {
    pub fn new(model: &Model, report: &Report) -> MeasureView {
        let goals = &report.settings;
        let basis = Basis::new(report);
        let targets: Vec<TargetView> = report
            .attainments
            .iter()
            .map(|a| {
                let (_, statement, goal) = target_statement(model, a, goals.deadline_rate);
                let sla = &model.slas[a.sla];
                let (kind, index, channel) = match a.target {
                    Target::Answer(i) => {
                        ("answer", i, Some(sla.answers[i].channel.name.to_string()))
                    }
                    Target::FirstResponse(i) => (
                        "first_response",
                        i,
                        Some(sla.first_responses[i].channel.name.to_string()),
                    ),
                    Target::Resolution(i) => (
                        "resolution",
                        i,
                        sla.resolutions[i]
                            .channel
                            .as_ref()
                            .map(|c| c.name.to_string()),
                    ),
                };
                let kept = Kept {
                    n: a.n,
                    kept: a.met,
                };
                TargetView {
                    sla: sla.header.id.to_string(),
                    segment: model.segments[a.segment].header.id.to_string(),
                    kind,
                    index,
                    channel,
                    statement,
                    goal: Figure(goal.value()),
                    n: a.n,
                    met: a.met,
                    percent: Figure(kept.exact()),
                    shown: Figure(kept.shown(goal)),
                    ok: kept.verdict(goal),
                    set_aside: basis.segment(a.segment),
                }
            })
            .collect();
        let mut metrics = Vec::new();
        for &(sla, segment) in report.metrics.keys() {
            for kpi in &model.slas[sla].targets {
                let scope = crate::measure::kpis::Scope::Sla(sla, segment);
                let Some((value, n)) = report.kpi(model, scope, &kpi.value) else {
                    continue;
                };
                let goal = target_figure(kpi.value.value);
                metrics.push(MetricView {
                    sla: model.slas[sla].header.id.to_string(),
                    segment: model.segments[segment].header.id.to_string(),
                    metric: kpi.value.metric.to_string(),
                    statement: metric_statement(&kpi.value),
                    value: Figure(value),
                    value_text: crate::measure::findings::measured_text(&kpi.value, value)
                        .to_string(),
                    n,
                    ok: holds(value, kpi.value.comparison, goal),
                    set_aside: basis.segment(segment),
                });
            }
        }
        let mut role_metrics = Vec::new();
        for (role, r) in model.roles.iter() {
            for kpi in &r.targets {
                let scope = crate::measure::kpis::Scope::Role(role);
                let Some((value, n)) = report.kpi(model, scope, &kpi.value) else {
                    continue;
                };
                role_metrics.push(RoleMetricView {
                    role: r.header.id.to_string(),
                    metric: kpi.value.metric.to_string(),
                    statement: metric_statement(&kpi.value),
                    value: Figure(value),
                    value_text: crate::measure::findings::measured_text(&kpi.value, value)
                        .to_string(),
                    n,
                    ok: holds(value, kpi.value.comparison, target_figure(kpi.value.value)),
                });
            }
        }
        let promises = report
            .promises
            .iter()
            .map(|(&id, kept)| {
                let p = &model.promises[id];
                ShareView {
                    id: p.header.id.to_string(),
                    title: p.header.title.clone(),
                    duty: None,
                    n: kept.n,
                    kept: kept.kept,
                    percent: Figure(kept.exact()),
                    shown: Figure(kept.shown(goals.promise_keep_rate)),
                    goal: Figure(goals.promise_keep_rate.value()),
                    ok: kept.verdict(goals.promise_keep_rate),
                    every_case: report.every_case(model, id),
                    set_aside: match &p.journey {
                        Some(j) => j
                            .journey
                            .target
                            .map_or_else(SetAsideView::default, |j| basis.journey(j)),
                        None => basis.segments(model, &targets_of(&p.segments)),
                    },
                }
            })
            .collect();
        let complaints = report
            .complaints
            .iter()
            .map(|(&(id, duty), kept)| {
                let c = &model.complaints[id];
                ShareView {
                    id: c.header.id.to_string(),
                    title: c.header.title.clone(),
                    duty: Some(duty_code(duty)),
                    n: kept.n,
                    kept: kept.kept,
                    percent: Figure(kept.exact()),
                    shown: Figure(kept.shown(goals.deadline_rate)),
                    goal: Figure(goals.deadline_rate.value()),
                    ok: kept.verdict(goals.deadline_rate),
                    set_aside: basis.segments(model, &targets_of(&c.segments)),
                    every_case: false,
                }
            })
            .collect();
        let journeys = model
            .journeys
            .iter()
            .zip(&report.journeys)
            .filter(|(_, f)| f.cases > 0)
            .map(|((id, j), f)| journey(j, f, goals, basis.journey(id)))
            .collect();
        let segments = super::segments::segments(model, report, &basis, &targets, &metrics);
        let channels = super::segments::channels(model, report);
        let switches = super::segments::switches(model, report);
        let bad_data = report
            .flaws
            .all
            .iter()
            .map(|((file, flaw), seen)| FlawView {
                file: *file,
                kind: flaw.name(),
                count: seen.count,
                first_lines: seen.first_lines.clone(),
                example: seen.example.clone(),
            })
            .collect();
        use crate::measure::flaws::DataFile;
        MeasureView {
            version: 1,
            service: model.service.as_ref().and_then(|s| s.title.clone()),
            contacts_period: period(report.contact_days, goals),
            cases_period: period(report.case_days, goals),
            as_of: report.as_of.map(|t| t.to_string()),
            rows: RowsView {
                contacts: report.contacts,
                visits: report.visits,
                bad_contacts: report.flaws.count(DataFile::Contacts),
                bad_visits: report.flaws.count(DataFile::Cases),
                nameless_contacts: basis.nameless(DataFile::Contacts),
                nameless_visits: basis.nameless(DataFile::Cases),
            },
            goals: GoalsView {
                promise_keep_rate: Figure(goals.promise_keep_rate.value()),
                deadline_rate: Figure(goals.deadline_rate.value()),
                max_handoffs: goals.max_handoffs,
            },
            targets,
            metrics,
            role_metrics,
            promises,
            complaints,
            journeys,
            bad_data,
            segments,
            channels,
            switches,
            repeat_window: report.repeats.window,
            repeat_window_text: crate::syntax::values::Duration::from_seconds(
                report.repeats.window,
            )
            .to_string(),
            customers: report.repeats.customers,
            causes: super::causes::causes(model, report),
            causes_dropped: report.causes.dropped.then_some(CausesDroppedView {
                limit: crate::measure::causes::MAX_DISTINCT,
            }),
            money: super::money::money(model, report, &basis),
        }
    }
}

/// A complaint duty's code in `measure.json`.
pub(super) fn duty_code(duty: Duty) -> &'static str {
    match duty {
        Duty::Acknowledge => "acknowledge",
        Duty::Resolve => "resolve",
        Duty::Escalate => "escalate",
        Duty::Feedback => "feedback",
    }
}

/// The segments a list names (those resolved).
fn targets_of(
    list: &[crate::model::Ref<crate::model::Idx<crate::model::Segment>>],
) -> Vec<crate::model::Idx<crate::model::Segment>> {
    list.iter().filter_map(|r| r.target).collect()
}

/// A mean as the reports give it: two decimals at most.
pub fn hundredths(value: f64) -> Figure {
    Figure((value * 100.0).round() / 100.0)
}

/// The kinds of [`crate::measure::pain::Hurt`], as `measure.json` names them.
pub fn pain_kinds(hurts: &[crate::measure::pain::Hurt]) -> Vec<&'static str> {
    use crate::measure::pain::Hurt;
    hurts
        .iter()
        .map(|h| match h {
            Hurt::Dropoff { .. } => "dropoff",
            Hurt::Csat { .. } => "csat",
            Hurt::Effort { .. } => "effort",
        })
        .collect()
}

fn journey(
    j: &crate::model::Journey,
    f: &JourneyFigures,
    goals: &crate::measure::Settings,
    set_aside: SetAsideView,
) -> JourneyView {
    let (deadline, pain) = (goals.deadline_rate, &goals.pain);
    let step_id = |s: crate::model::Idx<crate::model::Step>| j.steps[s].header.id.to_string();
    let mut detours: Vec<DetourView> = f
        .detours
        .iter()
        .map(|(&(from, to), &count)| DetourView {
            from: from.map(step_id),
            to: step_id(to),
            count,
        })
        .collect();
    detours.sort_by_key(|d| std::cmp::Reverse(d.count));
    let stopped: u64 = f.steps.iter().map(|s| s.stopped).sum();
    let dropoff = stopped as f64 * 100.0 / f.cases.max(1) as f64;
    JourneyView {
        journey: j.header.id.to_string(),
        title: j.header.title.clone(),
        cases: f.cases,
        fitting: f.fitting,
        completed: f.completed,
        in_progress: f.in_progress,
        deviating: f.deviating,
        detours,
        end_to_end: times(&f.end_to_end),
        on_time: kept_view(j.within.as_ref(), &f.on_time, deadline),
        handoffs_median: f.handoffs.quantile(0.5),
        handoffs_max: f.handoffs.quantile(1.0),
        over_handoff_limit: f.over_handoff_limit,
        dropoff: Figure(dropoff),
        dropoff_text: crate::measure::shown::percent_text(dropoff, None).to_string(),
        serves: j.segments.iter().map(|s| s.name.to_string()).collect(),
        steps: j
            .steps
            .values()
            .zip(&f.steps)
            .map(|(s, n)| StepView {
                step: s.header.id.to_string(),
                title: s.header.title.clone(),
                visits: n.visits,
                reached: n.reached,
                stopped: n.stopped,
                dropoff: (n.reached > 0)
                    .then(|| Figure(n.stopped as f64 * 100.0 / n.reached as f64)),
                time: times(&n.time),
                on_time: kept_view(s.within.as_ref(), &n.on_time, deadline),
                csat: n.csat().map(hundredths),
                csat_n: n.csat_n,
                effort: n.effort().map(hundredths),
                effort_n: n.effort_n,
                pain: pain_kinds(&crate::measure::pain::step(n, pain)),
            })
            .collect(),
        set_aside,
        cases_set_aside: CasesSetAsideView {
            cases: f.set_aside.cases,
            bad_rows: f.set_aside.bad_rows,
            visits: f.set_aside.visits,
        },
    }
}
