//! The server proper: the editor's open documents, their analyses, the
//! diagnostics published, and the answers to requests.

use super::analysis::{self, Analysis};
use super::features;
use super::scope::{self, Scope, Scopes};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

struct Document {
    text: String,
    version: i32,
}

pub(super) struct Server<'c> {
    connection: &'c Connection,
    scopes: Scopes,
    /// Open documents by key ([`analysis::key`]).
    documents: HashMap<lsp::Url, Document>,
    /// How the client spelled each document's URI (by key): diagnostics
    /// go back under that spelling, not the server's canonical one (VS
    /// Code percent-encodes `(`, `'`, `:`... where `url` does not, and a
    /// client matches the string).
    spelling: HashMap<lsp::Url, lsp::Url>,
    /// Per scope, the files diagnostics were published for.
    published: HashMap<Scope, HashSet<lsp::Url>>,
    /// The analyses made at edit generation `cached`.
    cache: HashMap<Scope, Rc<Analysis>>,
    cached: u64,
    generation: u64,
    /// The documents whose diagnostics are due, by key, as the client last
    /// spelled each: published by [`Server::check`], once the messages at
    /// hand are read (one check of the latest text, not one per change).
    due: Vec<(lsp::Url, lsp::Url)>,
}

impl<'c> Server<'c> {
    pub(super) fn new(connection: &'c Connection, folders: Vec<std::path::PathBuf>) -> Self {
        Server {
            connection,
            scopes: Scopes::new(folders),
            documents: HashMap::new(),
            spelling: HashMap::new(),
            published: HashMap::new(),
            cache: HashMap::new(),
            cached: 0,
            generation: 0,
            due: Vec::new(),
        }
    }

    pub(super) fn send(&self, message: Message) {
        // The client went away: the loop ends when the receiver does.
        let _ = self.connection.sender.send(message);
    }

    pub(super) fn notify(&mut self, n: Notification) {
        use lsp::notification::*;
        let uri = match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidOpenTextDocumentParams>(n.params)
                else {
                    return;
                };
                self.store(
                    &p.text_document.uri,
                    p.text_document.text,
                    p.text_document.version,
                );
                p.text_document.uri
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidChangeTextDocumentParams>(n.params)
                else {
                    return;
                };
                // Full synchronisation: the last change is the whole text.
                let Some(change) = p.content_changes.into_iter().last() else {
                    return;
                };
                self.store(&p.text_document.uri, change.text, p.text_document.version);
                p.text_document.uri
            }
            DidSaveTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidSaveTextDocumentParams>(n.params)
                else {
                    return;
                };
                self.files_changed();
                p.text_document.uri
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidCloseTextDocumentParams>(n.params)
                else {
                    return;
                };
                self.documents.remove(&analysis::key(&p.text_document.uri));
                self.generation += 1;
                p.text_document.uri
            }
            DidChangeWatchedFiles::METHOD => {
                // Published again with the next edit.
                self.files_changed();
                return;
            }
            _ => return,
        };
        let key = analysis::key(&uri);
        self.due.retain(|(k, _)| k != &key);
        self.due.push((key, uri));
    }

    /// Whether some document's diagnostics are due.
    pub(super) fn dirty(&self) -> bool {
        !self.due.is_empty()
    }

    /// Publishes the diagnostics due, each document's once, for its text
    /// now: the changes read since the last check are all applied.
    pub(super) fn check(&mut self) {
        for (_, uri) in std::mem::take(&mut self.due) {
            let published =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.publish(&uri)));
            if published.is_err() {
                // The analysis is suspect: start from the files next time.
                self.cache.clear();
            }
        }
    }

    fn store(&mut self, uri: &lsp::Url, text: String, version: i32) {
        let key = analysis::key(uri);
        if &key == uri {
            self.spelling.remove(&key);
        } else {
            self.spelling.insert(key.clone(), uri.clone());
        }
        self.documents.insert(key, Document { text, version });
        self.generation += 1;
    }

    /// Files on disk were saved, created or deleted.
    fn files_changed(&mut self) {
        self.generation += 1;
        self.scopes.forget();
    }

    /// The editor's buffers of files, by canonical path, for the loader.
    fn overlays(&self) -> crate::loader::Overlays {
        self.documents
            .iter()
            .filter_map(|(key, d)| Some((key.to_file_path().ok()?, d.text.clone())))
            .collect()
    }

    /// The analysis `uri` is part of, and its scope: its spec's, else the
    /// file alone, else the editor's text alone. Outside every workspace
    /// folder, only an open document is analysed.
    fn analysis(&mut self, uri: &lsp::Url) -> Option<(Scope, Rc<Analysis>)> {
        if self.cached != self.generation {
            self.cache.clear();
            self.cached = self.generation;
        }
        let open = self.documents.contains_key(&analysis::key(uri));
        let inside = analysis::path_of(uri).is_some_and(|p| self.scopes.in_workspace(&p));
        if !open && !inside {
            return None;
        }
        let mut tried: Vec<Scope> = Vec::new();
        for scope in [
            self.scopes.of(uri),
            scope::alone(uri),
            Scope::Buffer(uri.clone()),
        ] {
            if tried.contains(&scope) {
                continue;
            }
            // Not among the files its spec is read from (a hidden file, one
            // not named `.cx`), or the spec cannot be read: the next scope.
            if let Some(found) = self.analyze(&scope) {
                if found.file(uri).is_some() {
                    return Some((scope, found));
                }
            }
            tried.push(scope);
        }
        None
    }

    fn analyze(&mut self, scope: &Scope) -> Option<Rc<Analysis>> {
        if let Some(found) = self.cache.get(scope) {
            return Some(found.clone());
        }
        let found = match scope {
            Scope::Folder(path) | Scope::File(path) => {
                analysis::analyze(path, &self.overlays()).ok()?
            }
            Scope::Buffer(uri) => {
                let text = &self.documents.get(&analysis::key(uri))?.text;
                let name = analysis::path_of(uri).map_or_else(
                    || uri.path().to_string(),
                    |p| crate::loader::display_name(&p),
                );
                let compilation = crate::pipeline::compile_bytes(
                    &name,
                    text.as_bytes(),
                    &crate::check::Options {
                        today: Some(crate::loader::read::today()),
                        ..crate::check::Options::default()
                    },
                );
                Analysis::single(compilation, uri.clone())
            }
        };
        let found = Rc::new(found);
        self.cache.insert(scope.clone(), found.clone());
        Some(found)
    }

    /// Publishes the diagnostics of every file of the analysis `uri` is in,
    /// and clears those of files that have none any more.
    fn publish(&mut self, uri: &lsp::Url) {
        let found = self.analysis(uri);
        let Some((scope, analysis)) = found else {
            // Closed, and outside the workspace: its diagnostics go.
            let key = analysis::key(uri);
            let mut cleared = false;
            for files in self.published.values_mut() {
                cleared |= files.remove(&key) | files.remove(uri);
            }
            if cleared {
                self.send_diagnostics(uri.clone(), Vec::new());
            }
            return;
        };
        // A document checked alone before is now part of a spec, or the
        // other way round: what was published the old way goes first.
        for old in [scope::alone(uri), Scope::Buffer(uri.clone())] {
            if old != scope {
                for stale in self.published.remove(&old).unwrap_or_default() {
                    self.send_diagnostics(stale, Vec::new());
                }
            }
        }
        let mut by_uri: HashMap<lsp::Url, Vec<lsp::Diagnostic>> = analysis
            .files
            .iter()
            .map(|f| (f.uri.clone(), Vec::new()))
            .collect();
        for d in &analysis.compilation.diagnostics {
            let source = analysis.compilation.sources.get(d.span.file);
            let file_uri = match analysis.files.iter().find(|f| f.id == d.span.file) {
                Some(f) => f.uri.clone(),
                None => match lsp::Url::from_file_path(crate::loader::canonical(&source.path)) {
                    Ok(u) => u,
                    Err(()) => continue,
                },
            };
            by_uri
                .entry(file_uri)
                .or_default()
                .push(features::diagnostic(d, &analysis));
        }
        let before = self.published.remove(&scope).unwrap_or_default();
        for stale in before.iter().filter(|u| !by_uri.contains_key(u)) {
            self.send_diagnostics(stale.clone(), Vec::new());
        }
        self.published
            .insert(scope, by_uri.keys().cloned().collect());
        for (uri, diagnostics) in by_uri {
            self.send_diagnostics(uri, diagnostics);
        }
    }

    fn send_diagnostics(&self, uri: lsp::Url, diagnostics: Vec<lsp::Diagnostic>) {
        let key = analysis::key(&uri);
        let version = self.documents.get(&key).map(|d| d.version);
        let params = lsp::PublishDiagnosticsParams {
            uri: self.spelling.get(&key).cloned().unwrap_or(uri),
            diagnostics,
            version,
        };
        self.send(Message::Notification(Notification::new(
            lsp::notification::PublishDiagnostics::METHOD.to_string(),
            params,
        )));
    }

    pub(super) fn request(&mut self, request: Request) {
        let id = request.id.clone();
        // A bug in one answer must not take the editor's server down.
        let answer =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.answer(request)));
        let response = match answer {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err((code, message))) => Response::new_err(id, code as i32, message),
            Err(_) => Response::new_err(
                id,
                ErrorCode::InternalError as i32,
                "cxc lsp failed on this request (a bug: please report it)".into(),
            ),
        };
        self.send(Message::Response(response));
    }

    fn answer(&mut self, request: Request) -> Result<serde_json::Value, (ErrorCode, String)> {
        use lsp::request::*;
        let bad = |e: serde_json::Error| (ErrorCode::InvalidParams, super::brief(&e));
        let json = |v: serde_json::Result<serde_json::Value>| {
            v.map_err(|e| (ErrorCode::InternalError, e.to_string()))
        };
        // The document, its analysis and the byte offset of a position.
        macro_rules! at {
            ($uri:expr, $position:expr) => {{
                let Some((_, analysis)) = self.analysis(&$uri) else {
                    return Ok(serde_json::Value::Null);
                };
                let Some(file) = analysis.file(&$uri) else {
                    return Ok(serde_json::Value::Null);
                };
                let offset = analysis.lines(file.id).offset($position);
                (analysis.clone(), file.id, offset)
            }};
        }
        match request.method.as_str() {
            HoverRequest::METHOD => {
                let p: lsp::HoverParams = serde_json::from_value(request.params).map_err(bad)?;
                let d = p.text_document_position_params;
                let (a, id, offset) = at!(d.text_document.uri, d.position);
                json(serde_json::to_value(features::hover(
                    &a,
                    a.by_id(id),
                    offset,
                )))
            }
            GotoDefinition::METHOD => {
                let p: lsp::GotoDefinitionParams =
                    serde_json::from_value(request.params).map_err(bad)?;
                let d = p.text_document_position_params;
                let (a, id, offset) = at!(d.text_document.uri, d.position);
                json(serde_json::to_value(features::definition(
                    &a,
                    a.by_id(id),
                    offset,
                )))
            }
            References::METHOD => {
                let p: lsp::ReferenceParams =
                    serde_json::from_value(request.params).map_err(bad)?;
                let d = p.text_document_position;
                let (a, id, offset) = at!(d.text_document.uri, d.position);
                json(serde_json::to_value(features::references(
                    &a,
                    a.by_id(id),
                    offset,
                    p.context.include_declaration,
                )))
            }
            Rename::METHOD => {
                let p: lsp::RenameParams = serde_json::from_value(request.params).map_err(bad)?;
                let d = p.text_document_position;
                let (a, id, offset) = at!(d.text_document.uri, d.position);
                let edit = features::rename(&a, a.by_id(id), offset, &p.new_name)
                    .map_err(|e| (ErrorCode::RequestFailed, e))?;
                json(serde_json::to_value(edit))
            }
            DocumentSymbolRequest::METHOD => {
                let p: lsp::DocumentSymbolParams =
                    serde_json::from_value(request.params).map_err(bad)?;
                let (a, id, _) = at!(p.text_document.uri, lsp::Position::default());
                json(serde_json::to_value(lsp::DocumentSymbolResponse::Nested(
                    features::symbols(&a, a.by_id(id)),
                )))
            }
            Completion::METHOD => {
                let p: lsp::CompletionParams =
                    serde_json::from_value(request.params).map_err(bad)?;
                let d = p.text_document_position;
                let (a, id, offset) = at!(d.text_document.uri, d.position);
                json(serde_json::to_value(features::completion(
                    &a,
                    a.by_id(id),
                    offset,
                )))
            }
            CodeActionRequest::METHOD => {
                let p: lsp::CodeActionParams =
                    serde_json::from_value(request.params).map_err(bad)?;
                let (a, id, start) = at!(p.text_document.uri, p.range.start);
                let end = a.lines(id).offset(p.range.end);
                json(serde_json::to_value(features::code_actions(
                    &a,
                    a.by_id(id),
                    start,
                    end,
                )))
            }
            Formatting::METHOD => {
                let p: lsp::DocumentFormattingParams =
                    serde_json::from_value(request.params).map_err(bad)?;
                let text = match self.documents.get(&analysis::key(&p.text_document.uri)) {
                    Some(d) => d.text.clone(),
                    None => return Ok(serde_json::Value::Null),
                };
                json(serde_json::to_value(features::formatting(&text)))
            }
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("cxc lsp does not answer {}", super::brief(&request.method)),
            )),
        }
    }
}
