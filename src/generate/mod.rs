//! Generators: from one checked spec, the documents the organisation runs on.
//!
//! ```text
//!  Model + staffing ──► view (plain data, words in the chosen language)
//!                         ├─► templates (minijinja): policies, journeys, job descriptions, index
//!                         ├─► routing: neutral routing config, JSON and YAML
//!                         └─► model.json
//!  all rendered in memory ──► files::write (atomic, inside the output folder only)
//! ```
//!
//! - `view`: the model as template data; `job`: job descriptions (who does what, duties, rights);
//!   `journey`: journey maps (Mermaid, DOT, SVG, BPMN); `words`: durations and
//!   plurals in en/ru.
//! - `zendesk`, `taskrouter`: exports to real contact-centre systems;
//!   `site`: the HTML site; `docx`: job descriptions as Word documents.
//! - `templates`: the embedded templates and `--templates DIR` overrides.
//! - `files`: safe file names; `output`: writing the tree atomically;
//!   `names`: one spelling per segment and channel across the exports.

mod clocks;
pub mod config_keys;
mod dbt;
mod docx;
pub mod files;
mod governed;
mod job;
pub mod journey;
mod markup;
mod measured;
pub(crate) mod minutes;
pub mod names;
pub mod output;
mod ownership;
mod page;
mod quotes;
pub mod report;
mod routing;
pub(crate) mod site;
pub mod taskrouter;
pub mod templates;
mod view;
mod wording;
pub mod words;
pub mod zendesk;
use crate::i18n::zones as zone_names;

use crate::config::Exports;
use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::staffing::QueuePlan;
use crate::syntax::values::{Date, Language};
use minijinja::Value as TemplateValue;
use std::collections::BTreeMap;
use std::path::Path;

/// Generated files by path relative to the output folder.
pub type Files = BTreeMap<String, Vec<u8>>;

/// What `cxc build` can write; all of them unless `--target` narrows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// Markdown documents, the neutral routing config and model.json.
    Docs,
    /// `routing/zendesk-sla-policies.json`.
    Zendesk,
    /// `routing/taskrouter-workflow.json`.
    Taskrouter,
    /// `journeys/<journey>.bpmn`.
    Bpmn,
    /// The HTML site under `site/`.
    Site,
    /// `dbt/`: a dbt project computing the measured figures in a warehouse.
    /// Not in the default set: asked for by name.
    Dbt,
}

impl Target {
    pub const ALL: [Target; 5] = [
        Target::Docs,
        Target::Zendesk,
        Target::Taskrouter,
        Target::Bpmn,
        Target::Site,
    ];
}

pub struct Options<'a> {
    pub language: Language,
    pub templates: Option<&'a Path>,
    pub targets: &'a [Target],
    pub exports: &'a Exports,
    /// The date time-zone offsets are taken for (TaskRouter hours).
    pub today: Option<Date>,
    /// The spec's check settings: which steps the maps highlight.
    pub checks: &'a crate::check::Options,
    /// Figures measured from the exports, put beside the standards and on
    /// the maps (`cxc build --contacts/--cases`).
    pub measured: Option<&'a report::MeasureView>,
    /// What `cxc measure` holds the exports to and reads them with
    /// (cxc.yaml `measure:`): the dbt project computes the same.
    pub measure: &'a crate::measure::Settings,
    pub columns: &'a crate::measure::rows::Columns,
}

/// Why a spec could not be rendered.
#[derive(Debug)]
pub enum Failure {
    /// A template (the user's, under `--templates`) could not be used: a
    /// `template-error` finding.
    Template(templates::TemplateError),
    /// Anything else, in words.
    Other(String),
}

impl From<String> for Failure {
    fn from(text: String) -> Failure {
        Failure::Other(text)
    }
}

impl From<templates::TemplateError> for Failure {
    fn from(error: templates::TemplateError) -> Failure {
        Failure::Template(error)
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Template(e) => e.fmt(f),
            Failure::Other(text) => f.write_str(text),
        }
    }
}

/// Renders one spec, in memory: the files, and what the exports could not
/// express exactly (`inexact-export`). Nothing is written here.
pub fn render(
    model: &Model,
    plans: &[QueuePlan],
    options: &Options,
) -> Result<(Files, Vec<Diagnostic>), Failure> {
    let wants = |t: Target| options.targets.contains(&t);
    let mut problems = Vec::new();
    let mut files = Files::new();
    let language = options.language;
    let names = names::ExportNames::new(model, options.exports, &mut problems);
    let zendesk = wants(Target::Zendesk);
    config_keys::unknown_spec_keys(
        model,
        options.exports,
        config_keys::Reader::Build { zendesk },
        &mut problems,
    );
    if wants(Target::Zendesk) {
        let policies = zendesk::policies(model, options.exports, &names, language, &mut problems);
        let year = options.today.map_or(2026, |d| d.year as i16);
        let schedules = zendesk::schedules(model, &policies, year, language, &mut problems);
        files.insert(
            "routing/zendesk-sla-policies.json".into(),
            pretty(&policies.bodies),
        );
        files.insert("routing/zendesk-schedules.json".into(), pretty(&schedules));
    }
    if wants(Target::Taskrouter) {
        let export = taskrouter::export(model, options.exports, &names, language, &mut problems);
        files.insert(
            "routing/taskrouter-workflow.json".into(),
            pretty(&export.workflow),
        );
        files.insert(
            "routing/taskrouter-queues.json".into(),
            pretty(&export.queues),
        );
    }
    if wants(Target::Dbt) {
        files.extend(dbt::project(
            model,
            options.measure,
            options.columns,
            language,
        ));
    }
    if wants(Target::Bpmn) {
        for (file, journey) in journey_files(model) {
            let graph = journey::Graph::new(model, journey, options.checks);
            files.insert(
                format!("journeys/{file}.bpmn"),
                journey::bpmn::bpmn(&graph, language).into_bytes(),
            );
        }
    }
    // The index links the exports written beside it; the site is made
    // from the documents (rendered for it even when they are not written)
    // and holds a copy of every file its pages link to.
    let docs = if wants(Target::Docs) || wants(Target::Site) {
        documents(model, plans, options, &names, &files)?
    } else {
        Files::new()
    };
    if wants(Target::Site) {
        let measured = options
            .measured
            .map(|v| measured::Measured::new(v, language));
        let pages = site::site(
            model,
            [&docs, &files],
            language,
            options.checks,
            measured.as_ref(),
        )?;
        files.extend(pages);
    }
    if wants(Target::Docs) {
        files.extend(docs);
    }
    Ok((files, problems))
}

/// Each journey with its file stem, as the Markdown maps name them.
fn journey_files(model: &Model) -> Vec<(String, &crate::model::Journey)> {
    let mut stems = files::Stems::default();
    model
        .journeys
        .iter()
        .map(|(_, j)| (stems.unique(&j.header.id), j))
        .collect()
}

/// The Markdown documents, the neutral routing config and model.json.
///
/// The view is built once and converted to a template value once; each
/// document gets that value (shared, not copied) and, for a journey or a
/// role, its own entry of it.
fn documents(
    model: &Model,
    plans: &[QueuePlan],
    options: &Options,
    names: &names::ExportNames,
    exports: &Files,
) -> Result<Files, Failure> {
    let language = options.language;
    let mut renderer = templates::Renderer::new(options.templates, model.size())?;
    let view = view::View::new(model, language, plans, options.checks).measuring(
        options
            .measured
            .map(|v| measured::Measured::new(v, language)),
    );
    let spec = view.spec();
    let spec_value = TemplateValue::from_serialize(&spec);
    let lang = language.as_str();
    let mut files = Files::new();
    let mut render = |output: String,
                      template: &str,
                      extra: Option<(&str, TemplateValue)>|
     -> Result<(), templates::TemplateError> {
        let mut context = BTreeMap::new();
        context.insert("spec", spec_value.clone());
        // The filters that say dates and numbers read the language here.
        context.insert("language", TemplateValue::from(lang));
        if let Some((key, value)) = extra {
            context.insert(key, value);
        }
        let mut text =
            renderer.render(&format!("{lang}/{template}"), TemplateValue::from(context))?;
        if language == crate::base::Language::Ru {
            // «2026 г.» at the end of a sentence takes no second period.
            text = quotes::nest(&text).replace("\u{a0}г..", "\u{a0}г.");
        }
        files.insert(output, text.into_bytes());
        Ok(())
    };
    // The exports written beside the documents, for the index to link.
    let mut written: Vec<&str> = exports.keys().map(String::as_str).collect();
    written.extend(["routing/routing.json", "routing/routing.yaml", "model.json"]);
    render(
        "index.md".into(),
        "index.md",
        Some(("files", TemplateValue::from_serialize(&written))),
    )?;
    for doc in [
        "service-standards",
        "complaints",
        "promises",
        "channels",
        "agreements",
    ] {
        // The promises page reads its notes beside the spec, which is
        // model.json and keeps its schema.
        // The standards page names the channels a target without one
        // governs.
        let notes = match doc {
            "promises" => Some(("notes", TemplateValue::from_serialize(view.promise_notes()))),
            "service-standards" => Some((
                "governs",
                TemplateValue::from_serialize(governed::governed(model)),
            )),
            _ => None,
        };
        render(
            format!("policy/{doc}.md"),
            &format!("policy/{doc}.md"),
            notes,
        )?;
    }
    // The promises as customers read them: their own view, nothing
    // internal in it (and not in model.json, which has the staff's).
    render(
        "policy/our-promises.md".into(),
        "policy/our-promises.md",
        Some((
            "promises",
            TemplateValue::from_serialize(view.customer_promises()),
        )),
    )?;
    // Each journey and role document gets its entry of the converted spec:
    // shared, not converted again.
    let entry = |key: &str, i: usize| {
        spec_value
            .get_attr(key)
            .and_then(|list| list.get_item(&TemplateValue::from(i)))
            .unwrap_or_default()
    };
    for (i, journey) in spec.journeys.iter().enumerate() {
        render(
            format!("journeys/{}.md", journey.file),
            "journey.md",
            Some(("journey", entry("journeys", i))),
        )?;
    }
    // An outside body (`external`) has no job description.
    for (i, role) in spec.roles.iter().enumerate().filter(|(_, r)| !r.external) {
        render(
            format!("hr/{}.md", role.file),
            "hr/role.md",
            Some(("role", entry("roles", i))),
        )?;
    }
    // HR edits and signs Word files: each job description once more, from
    // the very Markdown above.
    let service = model.service.as_ref();
    let owner = service
        .and_then(|s| s.owner.as_ref())
        .map(|o| view.w().party(o).label);
    for role in spec.roles.iter().filter(|r| !r.external) {
        let markdown = String::from_utf8_lossy(&files[&format!("hr/{}.md", role.file)]);
        let properties = docx::Properties {
            title: role.label,
            creator: service.and_then(|s| s.title.as_deref()).or(owner),
            date: service.and_then(|s| s.reviewed).map(|d| d.value),
            language,
        };
        let word = docx::from_markdown(&markdown, &properties);
        files.insert(format!("hr/{}.docx", role.file), word);
    }
    let routing = routing::config(model, names, options.exports);
    files.insert("routing/routing.json".into(), pretty(&routing));
    files.insert(
        "routing/routing.yaml".into(),
        routing::yaml(&routing).into_bytes(),
    );
    files.insert("model.json".into(), pretty(&spec));
    Ok(files)
}

fn pretty(value: &impl serde::Serialize) -> Vec<u8> {
    let mut bytes = crate::escape::json::to_vec_pretty(value).expect("views serialise");
    bytes.push(b'\n');
    bytes
}
