//! Checks: the rules of LANGUAGE.md section 3, run over the resolved model.
//!
//! One module per rule family; each exports `DOCS` (what, why, bad, fix) for
//! `cxc explain` and SARIF, and a `check` function that appends diagnostics.

use crate::diagnostic::{CodeDoc, Diagnostic};
use crate::model::Model;

/// What a check run needs besides the model.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// "Today" for `stale-review`; `None` uses the system clock.
    pub today: Option<crate::syntax::values::Date>,
}

pub fn run(model: &Model, options: &Options) -> Vec<Diagnostic> {
    let _ = (model, options);
    Vec::new()
}

pub fn docs() -> impl Iterator<Item = &'static CodeDoc> {
    std::iter::empty()
}
