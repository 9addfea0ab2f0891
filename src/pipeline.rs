//! The whole front half of the compiler in one call: load → parse → resolve →
//! check → configure → suppress → sort. Commands (`check`, `build`, `staff`)
//! start from a [`Compilation`].

use crate::check;
use crate::diagnostic::{suppress, Code, Diagnostic, Severity};
use crate::loader::{self, LoadError, Workspace};
use crate::model::{self, Model};
use crate::source::SourceMap;
use std::path::PathBuf;

pub struct Compilation {
    pub sources: SourceMap,
    /// One model per spec (see [`loader::Spec`]).
    pub specs: Vec<CheckedSpec>,
    /// Sorted by file, position and code; suppressions applied.
    pub diagnostics: Vec<Diagnostic>,
}

pub struct CheckedSpec {
    pub root: Option<PathBuf>,
    pub model: Model,
}

impl Compilation {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

pub fn compile(paths: &[PathBuf], options: &check::Options) -> Result<Compilation, LoadError> {
    Ok(finish(loader::load(paths)?, options))
}

/// Compiles text held in memory, as if it were one file called `name`.
pub fn compile_bytes(name: &str, bytes: &[u8], options: &check::Options) -> Compilation {
    finish(loader::load_bytes(name, bytes), options)
}

fn finish(workspace: Workspace, options: &check::Options) -> Compilation {
    let Workspace {
        sources,
        specs,
        mut diagnostics,
    } = workspace;
    // A file with a syntax error contributes nothing to the model, so every
    // reference into it would be "unknown": report the syntax error alone.
    let unreadable = diagnostics.iter().any(|d| d.code == Code::Syntax);
    let mut checked = Vec::new();
    for spec in specs {
        let (model, resolution) = model::build(&spec, &sources);
        if !unreadable {
            diagnostics.extend(resolution);
            diagnostics.extend(check::run(&model, options));
        }
        checked.push(CheckedSpec {
            root: spec.root,
            model,
        });
    }
    suppress::apply(&mut diagnostics, &sources);
    diagnostics.sort_by(|a, b| {
        (a.span.file, a.span.start, a.code, &a.message).cmp(&(b.span.file, b.span.start, b.code, &b.message))
    });
    diagnostics.dedup();
    Compilation {
        sources,
        specs: checked,
        diagnostics,
    }
}
