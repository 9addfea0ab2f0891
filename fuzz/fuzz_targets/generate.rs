//! `cxc build` in memory on specs that compile without errors: every target
//! rendered, nothing written.
#![no_main]

use cxc::generate::{self, Target};
use cxc::pipeline::compile_bytes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let compiled = compile_bytes("input.cx", bytes, &Default::default());
    if compiled.has_errors() {
        return;
    }
    for spec in &compiled.specs {
        let checks = spec.config.options(&Default::default());
        let measure = cxc::measure::Settings::default();
        let columns = cxc::measure::rows::Columns(spec.config.measure.columns.clone());
        for language in [
            cxc::syntax::values::Language::En,
            cxc::syntax::values::Language::Ru,
        ] {
            let options = generate::Options {
                language,
                templates: None,
                targets: &Target::ALL,
                exports: &spec.config.exports,
                today: None,
                checks: &checks,
                measured: None,
                measure: &measure,
                columns: &columns,
            };
            let _ = generate::render(&spec.model, &spec.staffing, &options);
        }
    }
});
