//! The whole front half of the compiler in one call: load → parse → resolve →
//! check → configure → suppress → sort. Commands (`check`, `build`, `staff`)
//! start from a [`Compilation`].

use crate::check;
use crate::config::Config;
use crate::diagnostic::{suppress, Diagnostic, Reach, Severity};
use crate::loader::read::{Root, DEFAULT_FILE_LIMIT};
use crate::loader::{self, LoadError, Workspace};
use crate::model::{self, Model};
use crate::source::{FileId, SourceMap, Span};
use crate::staffing::{self, forecast::ForecastFiles, QueuePlan};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

pub struct Compilation {
    pub sources: SourceMap,
    /// One model per spec (see [`loader::Spec`]).
    pub specs: Vec<CheckedSpec>,
    /// Sorted by file, position and code; suppressions applied.
    pub diagnostics: Vec<Diagnostic>,
    /// The extent of every top-level declaration: an allow comment above
    /// one covers the findings inside it (see [`suppress::apply`]).
    pub declarations: Vec<crate::source::Span>,
}

pub struct CheckedSpec {
    pub root: Option<PathBuf>,
    pub model: Model,
    /// Every queue with a usable forecast, staffed.
    pub staffing: Vec<QueuePlan>,
    /// The spec's `cxc.yaml` (or `--config`), for exporters and build-time rules.
    pub config: Config,
    /// Opens the forecast files the spec names, inside its folder.
    pub files: SpecFiles,
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
    crate::diagnostic::suggest::new_run();
    Ok(finish(loader::load(paths, config)?, options))
}

/// [`compile`] under the run's limits (`--max-file-size`).
pub fn compile_within(
    paths: &[PathBuf],
    options: &check::Options,
    config: Option<&Path>,
    limits: &crate::loader::read::Limits,
) -> Result<Compilation, LoadError> {
    let overlays = loader::Overlays::default();
    Ok(finish(
        loader::load_within(paths, config, &overlays, limits)?,
        options,
    ))
}

/// [`compile`], with editor buffers in place of the files they hold.
pub fn compile_with(
    paths: &[PathBuf],
    options: &check::Options,
    config: Option<&Path>,
    overlays: &loader::Overlays,
) -> Result<Compilation, LoadError> {
    crate::diagnostic::suggest::new_run();
    Ok(finish(loader::load_with(paths, config, overlays)?, options))
}

pub use crate::diagnostic::sort;

/// Compiles a spec a unit test relies on, failing the test if it has errors.
#[cfg(test)]
pub(crate) fn compile_clean(text: &str) -> Compilation {
    let compiled = compile_bytes("spec.cx", text.as_bytes(), &check::Options::default());
    let errors: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.message.clone())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    compiled
}

/// Compiles text held in memory, as if it were one file called `name`.
pub fn compile_bytes(name: &str, bytes: &[u8], options: &check::Options) -> Compilation {
    crate::diagnostic::suggest::new_run();
    finish(loader::load_bytes(name, bytes), options)
}

/// The files one spec may read besides its own `.cx` files: forecasts, each
/// relative to the spec file that names it and confined to its root.
pub struct SpecFiles {
    /// For each spec file: its path and its root.
    files: HashMap<FileId, (PathBuf, Root)>,
    limit: u64,
}

impl SpecFiles {
    /// Whether `file` is one of the spec's `.cx` files.
    pub fn holds(&self, file: FileId) -> bool {
        self.files.contains_key(&file)
    }
}

impl ForecastFiles for SpecFiles {
    fn open(&self, file: FileId, path: &str) -> Result<Box<dyn Read>, crate::i18n::Message> {
        let Some((spec_file, root)) = self.files.get(&file) else {
            return Err(crate::msg!("in-memory-files"));
        };
        let base = spec_file.parent().unwrap_or(Path::new(""));
        let (opened, _) = root
            .open(&base.join(path), self.limit)
            .map_err(|e| e.message())?;
        Ok(Box::new(std::io::BufReader::with_capacity(1 << 16, opened)))
    }
}

/// Whether a finding lies inside a declaration that has a syntax error
/// (the broken extents of a file are in order and do not overlap).
fn in_broken(d: &Diagnostic, broken: &HashMap<FileId, &[crate::source::Span]>) -> bool {
    let Some(extents) = broken.get(&d.span.file) else {
        return false;
    };
    let i = extents.partition_point(|b| b.start() <= d.span.start());
    i > 0 && d.span.start() < extents[i - 1].end().max(extents[i - 1].start() + 1)
}

/// Names the declaration each finding is in: the innermost declaration (a
/// step inside its journey) whose text holds the finding's start.
fn name_subjects(diagnostics: &mut [Diagnostic], specs: &[loader::Spec]) {
    use crate::diagnostic::quoted;
    use crate::syntax::ast::{DeclKind, OutlineEntry};
    let mut by_file: HashMap<FileId, &[OutlineEntry]> = HashMap::new();
    for spec in specs {
        for (id, file) in &spec.files {
            by_file.insert(*id, &file.outline.declarations);
        }
    }
    // The index of the last extent starting at or before `at`, if it holds `at`.
    fn holding<T>(list: &[T], extent: impl Fn(&T) -> Span, at: usize) -> Option<usize> {
        let i = list.partition_point(|e| extent(e).start() <= at);
        (i > 0 && at < extent(&list[i - 1]).end()).then(|| i - 1)
    }
    for d in diagnostics {
        let Some(outline) = by_file.get(&d.span.file) else {
            continue;
        };
        let at = d.span.start();
        let Some(i) = holding(outline, |e| e.extent, at) else {
            continue;
        };
        let outer = &outline[i];
        // Names quoted as messages quote them: a fingerprint of any name
        // stays small.
        let outer_name = match &outer.name {
            Some(name) => format!("{} {}", outer.kind.keyword(), quoted(name)),
            None => outer.kind.keyword().to_string(),
        };
        d.subject = Some(match holding(&outer.steps, |s| s.1, at) {
            Some(j) => format!(
                "{outer_name} / {} {}",
                DeclKind::Step.keyword(),
                quoted(&outer.steps[j].0)
            ),
            None => outer_name,
        });
    }
}

fn finish(mut workspace: Workspace, options: &check::Options) -> Compilation {
    let mut diagnostics = std::mem::take(&mut workspace.diagnostics);
    let mut checked = Vec::new();
    // Findings shown per code and file: the run's, lowered by a spec's own.
    let mut max_findings: HashMap<FileId, usize> = HashMap::new();
    for i in 0..workspace.specs.len() {
        let spec = &workspace.specs[i];
        let limit = spec.config.options(options).max_findings;
        max_findings.extend(spec.files.iter().map(|(id, _)| (*id, limit)));
        let files = SpecFiles {
            files: spec
                .files
                .iter()
                .filter_map(|(id, _)| {
                    let root = workspace.root_of(*id)?.clone();
                    Some((*id, (workspace.sources.get(*id).path.clone(), root)))
                })
                .collect(),
            limit: spec.config.file_limit.unwrap_or(DEFAULT_FILE_LIMIT),
        };
        let (model, mut found) = model::build(&mut workspace.specs[i]);
        let spec = &workspace.specs[i];
        found.extend(check::run(&model, &spec.config.options(options)));
        let week = (spec.config.working_week).unwrap_or(staffing::people::DEFAULT_WORKING_WEEK);
        let (plans, problems) = staffing::plan_with(&model, &files, week);
        found.extend(problems);
        spec.config.apply(&mut found);
        // A declaration with a syntax error still declares its name, so
        // nothing else reports it unknown; but what is inside it was not
        // fully read, so no rule reports on it.
        let broken: HashMap<FileId, &[crate::source::Span]> = spec
            .files
            .iter()
            .map(|(id, file)| (*id, file.broken.as_slice()))
            .collect();
        let parsed = spec.files.iter().all(|(_, file)| file.broken.is_empty());
        found.retain(|d| !in_broken(d, &broken) && (parsed || d.code.reach() == Reach::Local));
        diagnostics.extend(found);
        checked.push(CheckedSpec {
            root: spec.root.clone(),
            model,
            staffing: plans,
            config: spec.config.clone(),
            files,
        });
    }
    let declarations: Vec<crate::source::Span> = workspace
        .specs
        .iter()
        .flat_map(|spec| &spec.files)
        .flat_map(|(_, file)| file.outline.declarations.iter().map(|d| d.extent))
        .collect();
    let sources = workspace.sources;
    suppress::apply(&mut diagnostics, &sources, &declarations);
    sort(&mut diagnostics);
    crate::diagnostic::cap(&mut diagnostics, |file| {
        max_findings
            .get(&file)
            .copied()
            .unwrap_or(options.max_findings)
    });
    name_subjects(&mut diagnostics, &workspace.specs);
    Compilation {
        sources,
        specs: checked,
        diagnostics,
        declarations,
    }
}
