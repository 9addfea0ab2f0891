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
//! - `view`: the model as template data; `duties`: derived duties of a role;
//!   `diagram`: Mermaid journey maps; `words`: durations and plurals in en/ru.
//! - `templates`: the embedded templates and `--templates DIR` overrides.
//! - `files`: safe file names and atomic writes.

mod diagram;
mod duties;
pub mod files;
mod routing;
pub mod templates;
mod view;
pub mod words;

use crate::model::Model;
use crate::staffing::QueuePlan;
use crate::syntax::values::Language;
use minijinja::Value as TemplateValue;
use std::collections::BTreeMap;
use std::path::Path;

/// Generated files by path relative to the output folder.
pub type Files = BTreeMap<String, Vec<u8>>;

/// Renders every document of one spec, in memory. Nothing is written here.
pub fn render(
    model: &Model,
    plans: &[QueuePlan],
    language: Language,
    templates: Option<&Path>,
) -> Result<Files, String> {
    let env = templates::environment(templates)?;
    let view = view::View::new(model, language, plans);
    let spec = view.spec();
    let lang = language.as_str();
    let mut files = Files::new();
    let mut render = |output: String,
                      template: &str,
                      extra: Option<(&str, &serde_json::Value)>|
     -> Result<(), String> {
        let name = format!("{lang}/{template}");
        let template = env
            .get_template(&name)
            .map_err(|e| templates::describe(&e))?;
        let mut context = BTreeMap::new();
        context.insert("spec", TemplateValue::from_serialize(&spec));
        if let Some((key, value)) = extra {
            context.insert(key, TemplateValue::from_serialize(value));
        }
        let text = template
            .render(context)
            .map_err(|e| templates::describe(&e))?;
        files.insert(output, text.into_bytes());
        Ok(())
    };
    render("index.md".into(), "index.md", None)?;
    for doc in [
        "service-standards",
        "complaints",
        "promises",
        "channels",
        "agreements",
    ] {
        render(
            format!("policy/{doc}.md"),
            &format!("policy/{doc}.md"),
            None,
        )?;
    }
    for journey in spec["journeys"].as_array().into_iter().flatten() {
        let file = journey["file"].as_str().unwrap_or("journey");
        render(
            format!("journeys/{file}.md"),
            "journey.md",
            Some(("journey", journey)),
        )?;
    }
    for role in spec["roles"].as_array().into_iter().flatten() {
        let file = role["file"].as_str().unwrap_or("role");
        render(format!("hr/{file}.md"), "hr/role.md", Some(("role", role)))?;
    }
    let routing = routing::config(model);
    files.insert("routing/routing.json".into(), pretty(&routing));
    files.insert(
        "routing/routing.yaml".into(),
        routing::yaml(&routing).into_bytes(),
    );
    files.insert("model.json".into(), pretty(&spec));
    Ok(files)
}

fn pretty(value: &serde_json::Value) -> Vec<u8> {
    let mut text = serde_json::to_string_pretty(value).expect("JSON values serialise");
    text.push('\n');
    text.into_bytes()
}
