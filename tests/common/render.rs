//! One checked spec rendered in process, as `cxc build` would render it
//! with default checks and no measurement: the files and the exporters'
//! findings.

use cxc::generate::{Files, Options, Target};
use cxc::syntax::values::Language;

pub fn render(
    spec: &cxc::pipeline::CheckedSpec,
    language: Language,
    targets: &[Target],
) -> Result<(Files, Vec<cxc::diagnostic::Diagnostic>), String> {
    let checks = cxc::check::Options::default();
    let (measure, columns) = Default::default();
    let options = Options {
        language,
        templates: None,
        targets,
        exports: &spec.config.exports,
        today: None,
        checks: &checks,
        measured: None,
        measure: &measure,
        columns: &columns,
    };
    cxc::generate::render(&spec.model, &spec.staffing, &options).map_err(|e| e.to_string())
}
