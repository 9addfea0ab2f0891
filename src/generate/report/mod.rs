//! `cxc measure -o DIR`: the measured figures as `measure.json` (every
//! figure with its `n`), `report.md` and a self-contained `report.html`.
//!
//! The page is converted from `report.md` (as the site's pages are from
//! their documents), with a chart where the document asks for one, so the
//! two carry the same sections in the same words.

mod basis;
pub mod causes;
mod html;
mod money;
mod segments;
mod view;

use super::templates::Renderer;
use super::Files;
use crate::measure::complaints::Duty;
use crate::measure::flaws::DataFile;
use crate::measure::Report;
use crate::model::Model;
use crate::syntax::values::Language;
use basis::SetAsideView;
use serde::Serialize;
use std::collections::BTreeMap;
pub use view::MeasureView;

pub fn render(model: &Model, report: &Report, language: Language) -> Result<Files, String> {
    let view = MeasureView::new(model, report);
    let mut files = Files::new();
    let mut json = crate::escape::json::to_vec_pretty(&view).map_err(|e| e.to_string())?;
    json.push(b'\n');
    files.insert("measure.json".into(), json);
    let mut renderer = Renderer::new(None, model.size())?;
    let said = Said::new(model, report, &view, language);
    let context = minijinja::context! {
        report => minijinja::Value::from_serialize(&view),
        said => minijinja::Value::from_serialize(&said),
        language => language.as_str(),
    };
    let markdown = renderer.render(&format!("{}/report.md", language.as_str()), context)?;
    files.insert(
        "report.html".into(),
        html::page(&view, &said, &markdown, language).into_bytes(),
    );
    files.insert("report.md".into(), markdown.into_bytes());
    Ok(files)
}

/// What the report says in words of its language where `measure.json`
/// has a code or the spec's own syntax: the targets, the kinds of bad data,
/// the complaint duties.
#[derive(Serialize)]
pub(super) struct Said {
    /// In the order of `targets`: "answer on Phone: 80% within 20 seconds".
    pub(super) targets: Vec<String>,
    /// In the order of `metrics`: "customer satisfaction (CSAT) ≥ 4.5".
    metrics: Vec<String>,
    /// In the order of `role_metrics`: the role's target in words.
    role_metrics: Vec<String>,
    /// In the order of `bad_data`; its problems are Markdown (names from
    /// the data as code spans), printed `|safe`.
    bad_data: Vec<FlawSaid>,
    /// By the duty's code (`acknowledge`...).
    pub(super) duties: BTreeMap<&'static str, String>,
    /// By the metric's code in `segments[].figures` (`fcr`, `dropoff`...).
    metric_names: BTreeMap<String, String>,
    /// In the order of `segments` and their `figures`: the standard in
    /// words, empty for none.
    figure_targets: Vec<Vec<String>>,
    /// By the kind of pain (`dropoff`, `csat`, `effort`).
    pain: BTreeMap<&'static str, String>,
    /// In the order of `segments`, of `journeys`, and for the rows naming
    /// neither: the rows set aside and why, as Markdown (printed `|safe`).
    segment_set_aside: Vec<String>,
    journey_set_aside: Vec<String>,
    nameless_contacts: String,
    nameless_visits: String,
    /// The assumptions beside each money figure.
    money: money::MoneySaid,
    /// By id: the names a reader knows segments and SLAs by (the report
    /// keeps ids for machines; outside audit 10, L10).
    pub(super) segment_names: BTreeMap<String, String>,
    sla_names: BTreeMap<String, String>,
    channel_names: BTreeMap<String, String>,
    /// The zone the periods' days are counted in, in words: the home zone
    /// ("Los Angeles time", «по времени Лос-Анджелеса»), UTC without one.
    zone: String,
}

#[derive(Serialize)]
struct FlawSaid {
    file: String,
    problem: String,
}

impl Said {
    fn new(model: &Model, report: &Report, view: &MeasureView, language: Language) -> Said {
        let targets: Vec<String> = report
            .attainments
            .iter()
            .map(|a| target_words(model, a, language))
            .collect();
        // As the view lists them: per SLA and segment, the SLA's targets
        // the data had a figure for.
        let mut metrics = Vec::new();
        for &(sla, segment) in report.metrics.keys() {
            for kpi in &model.slas[sla].targets {
                let scope = crate::measure::kpis::Scope::Sla(sla, segment);
                if report.kpi(model, scope, &kpi.value).is_some() {
                    metrics.push(metric_words(&kpi.value, language));
                }
            }
        }
        // As the view lists them: per role, its targets the data had a
        // figure for.
        let role_metrics = model
            .roles
            .iter()
            .flat_map(|(role, r)| r.targets.iter().map(move |kpi| (role, kpi)))
            .filter(|(role, kpi)| {
                let scope = crate::measure::kpis::Scope::Role(*role);
                report.kpi(model, scope, &kpi.value).is_some()
            })
            .map(|(_, kpi)| metric_words(&kpi.value, language))
            .collect();
        let bad_data = report
            .flaws
            .all
            .iter()
            .map(|((file, flaw), seen)| FlawSaid {
                file: crate::measure::findings::file_word(*file).text(language),
                problem: super::words::markdown_message(
                    &crate::measure::findings::flaw_words(
                        *flaw,
                        seen.example.as_deref().unwrap_or(""),
                    ),
                    language,
                ),
            })
            .collect();
        let duties = [
            Duty::Acknowledge,
            Duty::Resolve,
            Duty::Escalate,
            Duty::Feedback,
        ]
        .into_iter()
        .map(|d| (view::duty_code(d), duty_words(d).text(language)))
        .collect();
        let mut metric_names = BTreeMap::new();
        metric_names.insert(
            "dropoff".to_string(),
            crate::msg!("report-metric", metric = "dropoff").text(language),
        );
        let figure_targets = view
            .segments
            .iter()
            .map(|s| {
                s.figures
                    .iter()
                    .map(|f| {
                        metric_names.entry(f.metric.clone()).or_insert_with(|| {
                            crate::msg!("report-metric", metric = f.metric.clone()).text(language)
                        });
                        figure_target(view, &targets, &metrics, &s.segment, f, report, language)
                    })
                    .collect()
            })
            .collect();
        let pain = ["dropoff", "csat", "effort"]
            .into_iter()
            .map(|k| (k, crate::msg!("report-pain", kind = k).text(language)))
            .collect();
        let set_aside =
            |file: DataFile, s: &SetAsideView| set_aside_words(report, file, s, language);
        let home = crate::model::clock::home_zone_name(model.calendars.values());
        Said {
            zone: crate::i18n::zones::after_time(home.unwrap_or("UTC"), language),
            segment_set_aside: view
                .segments
                .iter()
                .map(|s| set_aside(DataFile::Contacts, &s.set_aside))
                .collect(),
            journey_set_aside: view
                .journeys
                .iter()
                .map(|j| set_aside(DataFile::Cases, &j.set_aside))
                .collect(),
            nameless_contacts: set_aside(DataFile::Contacts, &view.rows.nameless_contacts),
            nameless_visits: set_aside(DataFile::Cases, &view.rows.nameless_visits),
            money: money::said(&view.money, language),
            segment_names: (model.segments.values())
                .map(|s| (s.header.id.to_string(), s.header.label().to_string()))
                .collect(),
            sla_names: (model.slas.values())
                .map(|s| (s.header.id.to_string(), s.header.label().to_string()))
                .collect(),
            channel_names: (model.channels.values())
                .map(|c| (c.header.id.to_string(), c.header.label().to_string()))
                .collect(),
            targets,
            metrics,
            role_metrics,
            bad_data,
            duties,
            metric_names,
            figure_targets,
            pain,
        }
    }
}

/// The standard a segment's figure is held to, in words: the SLA target or
/// metric it measures, the repeat limit; empty for none.
fn figure_target(
    view: &MeasureView,
    targets: &[String],
    metrics: &[String],
    segment: &str,
    figure: &segments::FigureView,
    report: &Report,
    language: Language,
) -> String {
    let Some(statement) = &figure.target else {
        return String::new();
    };
    let target = view
        .targets
        .iter()
        .position(|t| t.segment == segment && &t.statement == statement)
        .and_then(|i| targets.get(i));
    let metric = view
        .metrics
        .iter()
        .position(|m| m.segment == segment && &m.statement == statement)
        .and_then(|i| metrics.get(i));
    match target.or(metric) {
        Some(words) => words.clone(),
        None if figure.metric == "repeat" => crate::msg!(
            "report-repeat-limit",
            limit = report.settings.repeat_share.to_string()
        )
        .text(language),
        None => statement.clone(),
    }
}

/// Rows set aside, in words, as Markdown (names from the data are code
/// spans): "3 (`answered` is earlier than the time it follows: 2, ...)".
fn set_aside_words(
    report: &Report,
    file: DataFile,
    set_aside: &SetAsideView,
    language: Language,
) -> String {
    if set_aside.rows == 0 {
        return String::new();
    }
    let why: Vec<String> = set_aside
        .kinds
        .iter()
        .map(|&(flaw, count)| {
            let example = report
                .flaws
                .all
                .get(&(file, flaw))
                .and_then(|seen| seen.example.as_deref())
                .unwrap_or("");
            let flaw = crate::measure::findings::flaw_words(flaw, example);
            let said = crate::msg!("report-flaw-count", flaw = flaw, count = count);
            super::words::markdown_message(&said, language)
        })
        .collect();
    format!("{} ({})", set_aside.rows, why.join("; "))
}

/// An SLA target in words: "answer on Phone: 80% within 20 seconds".
fn target_words(model: &Model, a: &crate::measure::sla::Attainment, language: Language) -> String {
    use crate::measure::sla::Target;
    let sla = &model.slas[a.sla];
    let channel = |c: &crate::model::Ref<crate::model::Idx<crate::model::Channel>>| {
        c.target
            .map_or(c.name.as_str(), |i| model.channels[i].header.label())
            .to_string()
    };
    // Days on a clock that stops after hours are said in hours or working
    // days, as every document says them (LANGUAGE.md, language 3); a time
    // in the units written (`24h` is "24 hours", not "1 day").
    let business = sla.clock().is_some_and(|c| !model.calendars[c].is_24x7());
    let within = |d| super::words::limit_kept_genitive(d, business, language);
    let message = match a.target {
        Target::Answer(i) => {
            let t = &sla.answers[i];
            crate::msg!(
                "report-target-answer",
                channel = channel(&t.channel),
                percent = format!("{}%", crate::i18n::grouped(t.percent.value(), language)),
                within = within(t.within)
            )
        }
        Target::FirstResponse(i) => {
            let t = &sla.first_responses[i];
            crate::msg!(
                "report-target-first-response",
                channel = channel(&t.channel),
                within = within(t.within)
            )
        }
        Target::Resolution(i) => {
            let t = &sla.resolutions[i];
            match &t.channel {
                Some(c) => crate::msg!(
                    "report-target-resolution-on",
                    channel = channel(c),
                    within = within(t.within)
                ),
                None => crate::msg!("report-target-resolution", within = within(t.within)),
            }
        }
    };
    message.text(language)
}

/// A `target` statement in words: "customer satisfaction (CSAT) ≥ 4.5".
fn metric_words(kpi: &crate::model::Kpi, language: Language) -> String {
    let metric = super::words::term(super::words::Term::Metric(kpi.metric), language);
    let value = crate::measure::findings::value_text(
        kpi.value,
        crate::measure::metrics::target_figure(kpi.value),
    );
    let comparison = kpi
        .comparison
        .as_str()
        .replace(">=", "≥")
        .replace("<=", "≤");
    format!("{metric} {comparison} {}", value.said(language))
}

/// A complaint duty as the report's tables and charts name it.
fn duty_words(duty: Duty) -> crate::i18n::Message {
    match duty {
        Duty::Acknowledge => crate::msg!("report-duty-acknowledge"),
        Duty::Resolve => crate::msg!("report-duty-resolve"),
        Duty::Escalate => crate::msg!("report-duty-escalate"),
        Duty::Feedback => crate::msg!("report-duty-feedback"),
    }
}
