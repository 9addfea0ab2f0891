//! One spec compiled as `cxc check` compiles it, with the editor's unsaved
//! buffers in place of the files, and an index of the names of each file.

use super::index::{self, FileIndex, Occurrence};
use super::text::{LineIndex, Lines};
use crate::check;
use crate::loader::{LoadError, Overlays};
use crate::pipeline::{self, CheckedSpec, Compilation};
use crate::source::{FileId, FileKind};
use crate::syntax::ast::DeclKind;
use lsp_types::Url;
use std::path::{Path, PathBuf};

pub(crate) struct SpecFile {
    pub id: FileId,
    pub uri: Url,
    pub index: FileIndex,
}

pub(crate) struct Analysis {
    pub compilation: Compilation,
    pub files: Vec<SpecFile>,
    /// The lines of every file read (`cxc.yaml` too), by file id.
    lines: Vec<Lines>,
}

/// The canonical path of a `file:` document; one not on disk yet is its
/// canonical folder's (the loader finds its buffer by that path).
pub(crate) fn path_of(uri: &Url) -> Option<PathBuf> {
    if uri.scheme() != "file" {
        return None;
    }
    Some(crate::loader::canonical(&uri.to_file_path().ok()?))
}

/// The key of a document: its file's canonical URL (two spellings of one
/// file are one document), else the URI itself (`untitled:`).
pub(crate) fn key(uri: &Url) -> Url {
    path_of(uri)
        .and_then(|p| Url::from_file_path(p).ok())
        .unwrap_or_else(|| uri.clone())
}

/// The spec of the `.cx` files under `path` (a folder), or of the file
/// `path` and what it includes.
pub(crate) fn analyze(path: &Path, overlays: &Overlays) -> Result<Analysis, LoadError> {
    let mut compilation = pipeline::compile_with(
        &[path.to_path_buf()],
        &check::Options {
            today: Some(crate::loader::read::today()),
            ..check::Options::default()
        },
        None,
        overlays,
    )?;
    localize(&mut compilation);
    let files = compilation
        .sources
        .files()
        .filter(|(_, f)| f.kind != FileKind::Opaque)
        .filter_map(|(id, f)| {
            let path = std::fs::canonicalize(&f.path).unwrap_or_else(|_| f.path.clone());
            Some(SpecFile {
                id,
                uri: Url::from_file_path(path).ok()?,
                index: index::index(&f.text),
            })
        })
        .collect();
    Ok(Analysis::new(compilation, files))
}

/// The language of the findings an editor shows: the spec's `service {
/// language }`, else the locale the editor started the server in.
pub(crate) fn language(compilation: &Compilation) -> crate::syntax::values::Language {
    let spec = compilation
        .specs
        .iter()
        .find_map(|s| s.model.service.as_ref().and_then(|s| s.language));
    let locale = crate::i18n::from_locale(|name| std::env::var(name).ok());
    crate::i18n::choose(None, spec, locale)
}

fn localize(compilation: &mut Compilation) {
    let language = language(compilation);
    for d in &mut compilation.diagnostics {
        d.localize(language);
    }
}

impl Analysis {
    /// A buffer compiled alone, with nothing read from the disk.
    pub(crate) fn single(mut compilation: Compilation, uri: Url) -> Analysis {
        localize(&mut compilation);
        let files = compilation
            .sources
            .files()
            .filter(|(_, f)| f.kind != FileKind::Opaque)
            .map(|(id, f)| SpecFile {
                id,
                uri: uri.clone(),
                index: index::index(&f.text),
            })
            .collect();
        Analysis::new(compilation, files)
    }

    fn new(compilation: Compilation, files: Vec<SpecFile>) -> Analysis {
        let lines = compilation
            .sources
            .files()
            .map(|(_, f)| Lines::of(&f.text))
            .collect();
        Analysis {
            compilation,
            files,
            lines,
        }
    }

    /// Positions in file `id`, from its lines counted once.
    pub(crate) fn lines(&self, id: FileId) -> LineIndex<'_> {
        let text = self.text(id);
        match self.lines.get(id.0 as usize) {
            Some(lines) => LineIndex::with(text, lines),
            None => LineIndex::new(text),
        }
    }

    /// The file `uri` names. The analysis's URIs are canonical already, so
    /// only the asked one is resolved (once, not once per file).
    pub(crate) fn file(&self, uri: &Url) -> Option<&SpecFile> {
        let canonical = path_of(uri).and_then(|p| Url::from_file_path(p).ok());
        self.files
            .iter()
            .find(|f| &f.uri == uri || Some(&f.uri) == canonical.as_ref())
    }

    /// A file of the analysis (ids come from [`Analysis::file`]).
    pub(crate) fn by_id(&self, id: FileId) -> &SpecFile {
        self.files
            .iter()
            .find(|f| f.id == id)
            .expect("the id came from this analysis")
    }

    pub(crate) fn text(&self, id: FileId) -> &str {
        &self.compilation.sources.get(id).text
    }

    /// The spec `file` is part of.
    pub(crate) fn spec_of(&self, file: FileId) -> Option<&CheckedSpec> {
        self.compilation.specs.iter().find(|s| s.files.holds(file))
    }

    /// The files of the spec `file` is part of (names resolve among them).
    fn neighbours(&self, file: FileId) -> impl Iterator<Item = &SpecFile> {
        let spec = self.spec_of(file);
        self.files.iter().filter(move |f| match spec {
            Some(spec) => spec.files.holds(f.id),
            None => f.id == file,
        })
    }

    /// Every name in the spec of `file`, with the file it is in.
    fn occurrences(&self, file: FileId) -> impl Iterator<Item = (&SpecFile, &Occurrence)> {
        self.neighbours(file)
            .flat_map(|f| f.index.occurrences.iter().map(move |o| (f, o)))
    }

    /// The declarations `occurrence` (in `file`) names: itself when it is one.
    pub(crate) fn definitions<'a>(
        &'a self,
        file: FileId,
        occurrence: &'a Occurrence,
    ) -> Vec<(&'a SpecFile, &'a Occurrence)> {
        self.occurrences(file)
            .filter(|(_, def)| occurrence.names(def))
            .collect()
    }

    /// Every occurrence of the declaration `def`, itself included.
    pub(crate) fn references<'a>(
        &'a self,
        file: FileId,
        def: &'a Occurrence,
    ) -> Vec<(&'a SpecFile, &'a Occurrence)> {
        self.occurrences(file)
            .filter(|(_, o)| o.names(def))
            .collect()
    }

    /// The declarations of these kinds (steps: of `journey`), for completion.
    pub(crate) fn declared<'a>(
        &'a self,
        file: FileId,
        kinds: &'a [DeclKind],
        journey: Option<&'a str>,
    ) -> impl Iterator<Item = (&'a SpecFile, &'a Occurrence)> + 'a {
        self.occurrences(file).filter(move |(_, o)| {
            o.definition
                && kinds.contains(&o.kinds[0])
                && (o.kinds[0] != DeclKind::Step || o.journey.as_deref() == journey)
        })
    }
}
