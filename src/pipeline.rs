//! The whole front half of the compiler in one call: load → parse → resolve →
//! check → configure → suppress → sort. Commands (`check`, `build`, `staff`)
//! start from a [`Compilation`].

use crate::check;
use crate::config::{self, Config};
use crate::diagnostic::{suppress, Code, Diagnostic, Severity};
use crate::loader::{self, LoadError, Workspace};
use crate::model::{self, Model};
use crate::source::SourceMap;
use crate::staffing::{self, QueuePlan};
use std::path::{Path, PathBuf};

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
    /// Every queue with a usable forecast, staffed.
    pub staffing: Vec<QueuePlan>,
    /// The spec's `cxc.yaml` (or `--config`), for exporters and build-time rules.
    pub config: Config,
}

impl Compilation {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Compiles the spec(s) under `paths`. `config` replaces every spec's own
/// `cxc.yaml` when given.
pub fn compile(
    paths: &[PathBuf],
    options: &check::Options,
    config: Option<&Path>,
) -> Result<Compilation, LoadError> {
    let mut workspace = loader::load(paths)?;
    let mut configs = Vec::new();
    for i in 0..workspace.specs.len() {
        let path = match config {
            Some(path) => Some(path.to_path_buf()),
            None => workspace.specs[i]
                .root
                .as_ref()
                .map(|root| root.join(loader::CONFIG_FILE)),
        };
        let parsed = match path {
            Some(path) => {
                let id = loader::read_aux(&mut workspace, &path)?;
                let (config, problems) = config::parse(id, &workspace.sources);
                workspace.diagnostics.extend(problems);
                config
            }
            None => Config::default(),
        };
        configs.push(parsed);
    }
    Ok(finish(workspace, options, &configs))
}

/// Compiles text held in memory, as if it were one file called `name`.
pub fn compile_bytes(name: &str, bytes: &[u8], options: &check::Options) -> Compilation {
    finish(
        loader::load_bytes(name, bytes),
        options,
        &[Config::default()],
    )
}

fn finish(workspace: Workspace, options: &check::Options, configs: &[Config]) -> Compilation {
    let Workspace {
        mut sources,
        specs,
        mut diagnostics,
    } = workspace;
    // A file with a syntax error contributes nothing to the model, so every
    // reference into it would be "unknown": report the syntax error alone.
    let unreadable = diagnostics.iter().any(|d| d.code == Code::Syntax);
    let mut checked = Vec::new();
    for (spec, config) in specs.into_iter().zip(configs) {
        let (model, mut found) = model::build(&spec, &sources);
        let mut plans = Vec::new();
        if !unreadable {
            found.extend(check::run(&model, &config.options(options)));
            let (staffed, problems) = staffing::plan(&model, &mut sources);
            plans = staffed;
            found.extend(problems);
            config.apply(&mut found);
            diagnostics.extend(found);
        }
        checked.push(CheckedSpec {
            root: spec.root,
            model,
            staffing: plans,
            config: config.clone(),
        });
    }
    suppress::apply(&mut diagnostics, &sources);
    diagnostics.sort_by(|a, b| {
        (a.span.file, a.span.start, a.code, &a.message).cmp(&(
            b.span.file,
            b.span.start,
            b.code,
            &b.message,
        ))
    });
    diagnostics.dedup();
    Compilation {
        sources,
        specs: checked,
        diagnostics,
    }
}
