//! Every standard reality misses, as a diagnostic at the line of the
//! standard, with the figure, its `n` and the period: what `cxc measure`
//! prints and CI fails on.

use super::complaints::Duty;
use super::flaws::{DataFile, Flaw};
use super::kept::Kept;
use super::metrics::{holds, target_figure};
use super::sla::{Attainment, Target};
use super::Report;
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::{Arg, Figure, Message};
use crate::model::Model;
use crate::msg;
use crate::source::Span;
use crate::syntax::ast::TargetValue;
use crate::syntax::values::{trim_float, Duration, Metric, Percent, TimeLimit};

/// The findings of a report; `data_span` points at a line of an export.
pub fn findings(
    model: &Model,
    report: &Report,
    data_span: &mut dyn FnMut(DataFile, u64) -> Span,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let period = period(report, DataFile::Contacts);
    let deadline = report.settings.deadline_rate;
    slas(model, report, &period, &mut out);
    for (&id, kept) in &report.promises {
        let goal = report.settings.promise_keep_rate;
        if below(kept, goal) {
            let promise = &model.promises[id];
            // Judged on every case of a journey that serves other segments
            // too: the finding says so, as the report does beside the figure.
            let every = report.every_case(model, id);
            let journey = promise
                .journey
                .as_ref()
                .and_then(|j| j.journey.target)
                .map_or("", |j| model.journeys[j].header.id.as_str());
            // A promise over a journey counts cases: the cases' period.
            let period = match promise.journey {
                Some(_) => self::period(report, DataFile::Cases),
                None => period.clone(),
            };
            let args = vec![
                ("promise", Arg::from(promise.header.id.as_str())),
                ("actual", Arg::from(share(kept, goal))),
                ("n", Arg::from(kept.n as f64)),
                ("goal", Arg::from(goal.figure())),
                ("period", period),
                ("journey", Arg::from(journey)),
            ];
            let id = if every {
                "measure-promise-broken-every-case"
            } else {
                "measure-promise-broken"
            };
            out.push(
                Diagnostic::new(
                    Code::PromiseBroken,
                    promise.header.span,
                    Message::new(id, args),
                )
                .help(msg!("measure-promise-broken-help")),
            );
        }
    }
    for (&(id, duty), kept) in &report.complaints {
        if !below(kept, deadline) {
            continue;
        }
        let rule = &model.complaints[id];
        // In hours where the rule's clock stops after hours ("72 hours").
        let business = rule.clock().is_some_and(|c| !model.calendars[c].is_24x7());
        let (span, what) = match duty {
            Duty::Acknowledge => rule.acknowledge.as_ref().map(|a| {
                let within = Arg::limit_genitive(a.value, business);
                (a.span, msg!("measure-duty-acknowledge", within = within))
            }),
            Duty::Resolve => rule.resolve.as_ref().map(|r| {
                let within = Arg::limit_genitive(r.value, business);
                (r.span, msg!("measure-duty-resolve", within = within))
            }),
            Duty::Escalate => rule.escalations.first().map(|e| {
                let after = Arg::limit(e.after, business);
                (e.span, msg!("measure-duty-escalate", after = after))
            }),
            Duty::Feedback => rule
                .feedback
                .as_ref()
                .map(|f| (f.span, msg!("measure-duty-feedback"))),
        }
        .unwrap_or((rule.header.span, msg!("measure-duty-feedback")));
        out.push(
            Diagnostic::new(
                Code::ComplaintLate,
                span,
                msg!(
                    "measure-complaint-late",
                    complaint = rule.header.id.as_str(),
                    duty = what,
                    actual = share(kept, deadline),
                    n = kept.n as f64,
                    goal = deadline.figure(),
                    period = period.clone()
                ),
            )
            .help(msg!("measure-complaint-late-help")),
        );
    }
    journeys(
        model,
        report,
        &self::period(report, DataFile::Cases),
        &mut out,
    );
    super::pain::findings(model, report, &mut out);
    super::kpis::role_findings(model, report, &period, &mut out);
    super::kpis::repeat_findings(model, report, &period, &mut out);
    super::money::findings(model, report, &mut out);
    for ((file, flaw), seen) in &report.flaws.all {
        let Some(&first) = seen.first_lines.first() else {
            continue;
        };
        let what = flaw_words(*flaw, seen.example.as_deref().unwrap_or(""));
        let several = if seen.count == 1 { "no" } else { "yes" };
        let lines: Vec<String> = seen.first_lines.iter().map(u64::to_string).collect();
        let mut lines = lines.join(", ");
        if seen.count > seen.first_lines.len() as u64 {
            lines.push_str(", …");
        }
        if !flaw.is_row() {
            // About the export as a whole, at its first line; rows naming a
            // key twice at the first of them.
            let message = match flaw {
                Flaw::DuplicateKey => msg!(
                    "measure-bad-keys",
                    file = file_word(*file),
                    name = seen.example.as_deref().unwrap_or(""),
                    count = seen.count as f64,
                    lines = lines,
                    several = several
                ),
                _ => msg!(
                    "measure-bad-export",
                    file = file_word(*file),
                    what = what,
                    count = seen.count as f64,
                    several = several
                ),
            };
            out.push(
                Diagnostic::new(Code::BadData, data_span(*file, first), message).help(match flaw {
                    Flaw::NoRows => msg!("measure-bad-export-help-empty"),
                    Flaw::ColumnType(_) => msg!("measure-bad-export-help-type"),
                    Flaw::NotParquet => msg!("measure-bad-export-help-parquet"),
                    Flaw::NotUtf8 => msg!("not-utf8-help"),
                    _ => msg!("measure-bad-export-help-column"),
                }),
            );
            continue;
        }
        out.push(
            Diagnostic::new(
                Code::BadData,
                data_span(*file, first),
                msg!(
                    "measure-bad-data",
                    count = seen.count as f64,
                    file = file_word(*file),
                    what = what,
                    lines = lines,
                    several = several
                ),
            )
            .help(msg!("measure-bad-data-help")),
        );
    }
    cases_set_aside(model, report, &mut out);
    out
}

/// `bad-data` at each journey some of whose cases were set aside whole for
/// their bad rows: how many cases, because of how many rows.
fn cases_set_aside(model: &Model, report: &Report, out: &mut Vec<Diagnostic>) {
    for ((_, journey), figures) in model.journeys.iter().zip(&report.journeys) {
        let aside = &figures.set_aside;
        if aside.cases == 0 {
            continue;
        }
        let mut lines: Vec<String> = aside.lines.iter().map(u64::to_string).collect();
        if aside.bad_rows > aside.lines.len() as u64 {
            lines.push("…".into());
        }
        // "line 365" for one, "lines 12, 40" for more (audit 16, L5).
        let several = if lines.len() == 1 { "no" } else { "yes" };
        out.push(
            Diagnostic::new(
                Code::BadData,
                journey.header.span,
                msg!(
                    "measure-cases-set-aside",
                    journey = journey.header.id.as_str(),
                    cases = aside.cases as f64,
                    rows = aside.bad_rows as f64,
                    visits = aside.visits as f64,
                    lines = lines.join(", "),
                    several = several
                ),
            )
            .help(msg!("measure-cases-set-aside-help")),
        );
    }
}

fn slas(model: &Model, report: &Report, period: &Arg, out: &mut Vec<Diagnostic>) {
    let deadline = report.settings.deadline_rate;
    for a in &report.attainments {
        let segment = model.segments[a.segment].header.id.as_str();
        let kept = Kept {
            n: a.n,
            kept: a.met,
        };
        let (span, target, goal) = target_statement(model, a, deadline);
        if below(&kept, goal) {
            out.push(
                Diagnostic::new(
                    Code::TargetMissed,
                    span,
                    msg!(
                        "measure-target-missed",
                        target = target,
                        segment = segment,
                        actual = share(&kept, goal),
                        n = a.n as f64,
                        goal = goal.figure(),
                        period = period.clone()
                    ),
                )
                .help(msg!("measure-target-missed-help")),
            );
        }
    }
    for &(sla_id, segment) in report.metrics.keys() {
        for kpi in &model.slas[sla_id].targets {
            let scope = super::kpis::Scope::Sla(sla_id, segment);
            let Some((actual, n)) = report.kpi(model, scope, &kpi.value) else {
                continue;
            };
            let goal = target_figure(kpi.value.value);
            if holds(actual, kpi.value.comparison, goal) {
                continue;
            }
            let target = metric_statement(&kpi.value);
            out.push(
                Diagnostic::new(
                    Code::TargetMissed,
                    kpi.span,
                    msg!(
                        "measure-metric-missed",
                        target = target,
                        segment = model.segments[segment].header.id.as_str(),
                        actual = measured_text(&kpi.value, actual),
                        n = n as f64,
                        answers = metric_basis(kpi.value.metric, n),
                        period = period.clone()
                    ),
                )
                .help(msg!("measure-target-missed-help")),
            );
        }
    }
}

fn journeys(model: &Model, report: &Report, period: &Arg, out: &mut Vec<Diagnostic>) {
    let deadline = report.settings.deadline_rate;
    for (journey, figures) in model.journeys.values().zip(&report.journeys) {
        let name = journey.header.id.as_str();
        if figures.deviating > 0 {
            let mut detours: Vec<_> = figures.detours.iter().collect();
            detours.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let shown: Vec<Arg> = detours
                .iter()
                .take(3)
                .map(|(&(from, to), &count)| {
                    let to = journey.steps[to].header.id.as_str();
                    Arg::Message(match from {
                        Some(from) => msg!(
                            "measure-detour",
                            from = journey.steps[from].header.id.as_str(),
                            to = to,
                            count = count as f64
                        ),
                        None => msg!("measure-detour-start", to = to, count = count as f64),
                    })
                })
                .collect();
            out.push(
                Diagnostic::new(
                    Code::JourneyDeviation,
                    journey.header.span,
                    msg!(
                        "measure-journey-deviation",
                        journey = name,
                        deviating = figures.deviating as f64,
                        n = figures.cases as f64,
                        detours = Arg::List(shown),
                        period = period.clone()
                    ),
                )
                .help(msg!("measure-journey-deviation-help")),
            );
        }
        if let Some(within) = &journey.within {
            if below(&figures.on_time, deadline) {
                out.push(
                    late(
                        Code::TargetMissed,
                        within.span,
                        msg!("measure-subject-journey", journey = name),
                        within.value,
                        &figures.on_time,
                        &figures.end_to_end,
                        period,
                    )
                    .help(msg!("measure-step-late-help")),
                );
            }
        }
        for ((_, step), numbers) in journey.steps.iter().zip(&figures.steps) {
            let Some(within) = &step.within else { continue };
            if below(&numbers.on_time, deadline) {
                out.push(
                    late(
                        Code::StepLate,
                        within.span,
                        msg!(
                            "measure-subject-step",
                            step = step.header.id.as_str(),
                            journey = name
                        ),
                        within.value,
                        &numbers.on_time,
                        &numbers.time,
                        period,
                    )
                    .help(msg!("measure-step-late-help")),
                );
            }
        }
        let limit = report.settings.max_handoffs;
        let allowed = figures.cases as f64 * (100.0 - deadline.value()) / 100.0;
        if figures.over_handoff_limit as f64 > allowed {
            out.push(
                Diagnostic::new(
                    Code::HotPotato,
                    journey.header.span,
                    msg!(
                        "measure-hot-potato",
                        journey = name,
                        over = figures.over_handoff_limit as f64,
                        n = figures.cases as f64,
                        limit = f64::from(limit),
                        most = figures.handoffs.quantile(1.0).unwrap_or(0) as f64
                    ),
                )
                .help(msg!("measure-hot-potato-help")),
            );
        }
    }
}

/// An SLA target as the spec writes it (`answer phone 80% within 20s`),
/// where, and the share it must reach.
pub fn target_statement(
    model: &Model,
    a: &Attainment,
    deadline: Percent,
) -> (Span, String, Percent) {
    let sla = &model.slas[a.sla];
    match a.target {
        Target::Answer(i) => {
            let t = &sla.answers[i];
            let text = format!(
                "answer {} {} within {}",
                t.channel.name, t.percent, t.within
            );
            (t.span, text, t.percent)
        }
        Target::FirstResponse(i) => {
            let t = &sla.first_responses[i];
            let text = format!("first_response {} within {}", t.channel.name, t.within);
            (t.span, text, deadline)
        }
        Target::Resolution(i) => {
            let t = &sla.resolutions[i];
            let text = match &t.channel {
                Some(c) => format!("resolution {} within {}", c.name, t.within),
                None => format!("resolution within {}", t.within),
            };
            (t.span, text, deadline)
        }
    }
}

/// A `target` metric as the spec writes it: `target csat >= 90%`.
pub fn metric_statement(kpi: &crate::model::Kpi) -> String {
    format!(
        "target {} {} {}",
        kpi.metric,
        kpi.comparison,
        value_text(kpi.value, target_figure(kpi.value))
    )
}

/// A step (its visits) or a journey (its cases) slower than its `within`.
fn late(
    code: Code,
    span: Span,
    subject: Message,
    within: TimeLimit,
    kept: &Kept,
    times: &super::sketch::Sketch,
    period: &Arg,
) -> Diagnostic {
    // A time over the limit never reads as within it (audit 15, L4).
    let limit = within.running_time().map(|d| d.seconds());
    let quantile = |q| {
        let seconds = times
            .quantile(q)
            .map_or(0, |s| round_beside(s, limit).seconds());
        Arg::seconds(seconds, false)
    };
    let late = (kept.n - kept.kept) as f64;
    // Steps and journeys run on the wall clock: days are days.
    let (n, within, median, p90) = (
        kept.n as f64,
        Arg::written(within, true),
        quantile(0.5),
        quantile(0.9),
    );
    let message = match code {
        Code::StepLate => msg!(
            "measure-step-late",
            subject = subject,
            within = within,
            late = late,
            n = n,
            median = median,
            p90 = p90,
            period = period.clone()
        ),
        _ => msg!(
            "measure-journey-late",
            subject = subject,
            within = within,
            late = late,
            n = n,
            median = median,
            p90 = p90,
            period = period.clone()
        ),
    };
    Diagnostic::new(code, span, message)
}

fn below(kept: &Kept, goal: Percent) -> bool {
    !kept.meets(goal)
}

/// `71.3%`: one decimal by the rule of [`super::shown`], never rounded
/// up to the goal it misses.
pub fn share(kept: &Kept, goal: Percent) -> Figure {
    Figure::text(trim_float(kept.shown(goal))).percent()
}

/// A measured `target` metric as the texts show it: a percentage by the
/// rule of [`super::shown`] against the target, other figures as
/// [`value_text`].
pub fn measured_text(kpi: &crate::model::Kpi, value: f64) -> Figure {
    match kpi.value {
        TargetValue::Percent(_) => {
            super::shown::percent_text(value, Some((kpi.comparison, target_figure(kpi.value))))
        }
        _ => value_text(kpi.value, value),
    }
}

pub fn value_text(target: TargetValue, value: f64) -> Figure {
    match target {
        TargetValue::Percent(_) => Figure::rounded(value, 1).percent(),
        TargetValue::Number(_) => Figure::rounded(value, 2),
        TargetValue::Duration(_) => Figure::text(rounded(value.round() as i64)),
    }
}

/// A measured time as a person reads it: seconds under two minutes,
/// minutes under a day, then hours.
pub fn rounded(seconds: i64) -> String {
    round(seconds).to_string()
}

/// A measured time rounded as [`rounded`] says it.
pub fn round(seconds: i64) -> Duration {
    let s = seconds.max(0) as u64;
    let unit = match s {
        0..120 => 1,
        120..86_400 => 60,
        _ => 3600,
    };
    Duration::from_seconds((s + unit / 2) / unit * unit)
}

/// A measured time rounded as [`round`] does, unless that carries it
/// across `limit` (seconds): then to the second (to the minute from a day
/// on), and up or down so that it stays on its side — a time over the
/// limit never reads as equal to or within it, one within it never as
/// over it, as [`super::shown`] does for percentages (audit 15, L4: a
/// median of 627 s beside "longer than 10 minutes" reads "10 minutes 27
/// seconds", not "10 minutes"). The one rule for every text that sets a
/// measured time beside a limit.
pub fn round_beside(seconds: i64, limit: Option<u64>) -> Duration {
    let plain = round(seconds);
    let Some(limit) = limit else {
        return plain;
    };
    let s = seconds.max(0) as u64;
    let over = |t: u64| t > limit;
    if over(plain.seconds()) == over(s) {
        return plain;
    }
    let fine = if s >= 86_400 { 60 } else { 1 };
    let near = (s + fine / 2) / fine * fine;
    let kept = if over(near) == over(s) {
        near
    } else if over(s) {
        s.div_ceil(fine) * fine
    } else {
        s / fine * fine
    };
    Duration::from_seconds(kept)
}

/// The first and last day measured in an export, said in the message's
/// language: "1–31 October 2026".
pub fn period(report: &Report, file: DataFile) -> crate::i18n::Arg {
    let days = match file {
        DataFile::Contacts => report.contact_days,
        DataFile::Cases => report.case_days,
    };
    let from = report.settings.from.or(days.map(|p| p.0));
    let to = report.settings.to.or(days.map(|p| p.1));
    let day = |d: crate::syntax::values::Date| (d.year, d.month, d.day);
    crate::i18n::Arg::Period(from.map(day), to.map(day))
}

pub fn metric_basis(metric: Metric, n: u64) -> Message {
    match metric {
        Metric::Csat | Metric::Nps | Metric::Ces => msg!("measure-basis-answers", n = n as f64),
        Metric::Asa => msg!("measure-basis-answered"),
        Metric::Fcr => msg!("measure-basis-resolved", n = n as f64),
        _ => msg!("measure-basis-contacts"),
    }
}

pub(crate) fn file_word(file: DataFile) -> Message {
    match file {
        DataFile::Contacts => msg!("measure-file-contacts"),
        DataFile::Cases => msg!("measure-file-cases"),
    }
}

/// The time a field's time follows: a visit's `entered`, a contact's
/// `created`.
fn since(field: &str) -> &'static str {
    if field == "left" {
        "entered"
    } else {
        "created"
    }
}

pub(crate) fn flaw_words(flaw: Flaw, example: &str) -> Message {
    match flaw {
        Flaw::Missing(field) => msg!("measure-flaw-missing", field = field),
        Flaw::BadTime(field) => msg!("measure-flaw-bad-time", field = field),
        Flaw::BadNumber(field) => msg!("measure-flaw-bad-number", field = field),
        Flaw::Unreadable => msg!("measure-flaw-unreadable"),
        Flaw::TooLong => msg!(
            "measure-flaw-too-long",
            max = crate::measure::rows::capped::MAX_RECORD >> 20
        ),
        Flaw::UnknownSegment => msg!("measure-flaw-unknown-segment", name = example),
        Flaw::UnknownChannel => msg!("measure-flaw-unknown-channel", name = example),
        Flaw::UnknownComplaint => msg!("measure-flaw-unknown-complaint", name = example),
        Flaw::UnknownJourney => msg!("measure-flaw-unknown-journey", name = example),
        Flaw::UnknownStep => msg!("measure-flaw-unknown-step", name = example),
        Flaw::MixedSegments => msg!("measure-flaw-mixed-segments", name = example),
        // A visit leaves after it enters; a contact's times follow its creation.
        Flaw::Before(field) => msg!("measure-flaw-before", field = field, since = since(field)),
        // The example: the two offsets of the repeated hour in the zone
        // of the first such row (`Measurement::contradicts`).
        Flaw::BeforeRepeatedHour(field) => {
            let mut offsets = example.split(' ');
            let first = offsets.next().filter(|o| !o.is_empty()).unwrap_or("+00:00");
            let second = offsets.next().unwrap_or(first);
            msg!(
                "measure-flaw-before-repeated-hour",
                field = field,
                since = since(field),
                first = first,
                second = second
            )
        }
        Flaw::DuplicateColumn => msg!("measure-flaw-duplicate-column", name = example),
        Flaw::NoRows => msg!("measure-flaw-no-rows"),
        Flaw::ColumnType(kind) => msg!("measure-flaw-column-type", name = example, kind = kind),
        Flaw::NotParquet => msg!("measure-flaw-not-parquet"),
        Flaw::NotUtf8 => msg!("measure-flaw-not-utf8"),
        Flaw::DuplicateKey => msg!("measure-flaw-duplicate-key", name = example),
    }
}

pub use super::docs::DOCS;
