//! `cxc lsp`: a language server over stdio, synchronous, on `lsp-server`.
//!
//! Each change re-compiles the spec the file belongs to (the folder with its
//! `cxc.yaml`), with every open buffer in place of its file, and publishes
//! the diagnostics `cxc check` would print for every file of that spec. A
//! spec is compiled whole in milliseconds, so there is no incremental state
//! to keep right: the last analysis is cached until the next edit.
//!
//! - `text.rs`: byte offsets against the protocol's UTF-16 positions.
//! - `index.rs`: the names of a file — declarations and references.
//! - `analysis.rs`: a spec compiled with the buffers, and its name index.
//! - `features.rs`: the answers to the editor's requests.

mod analysis;
mod features;
mod index;
mod text;

use analysis::Analysis;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::rc::Rc;
use text::LineIndex;

/// Serves on stdin/stdout until the client says `exit`.
pub fn run() -> Result<(), String> {
    let (connection, io) = Connection::stdio();
    serve(connection)?;
    io.join().map_err(|e| e.to_string())
}

fn capabilities() -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Kind(
            lsp::TextDocumentSyncKind::FULL,
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        references_provider: Some(lsp::OneOf::Left(true)),
        rename_provider: Some(lsp::OneOf::Left(true)),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec![" ".into(), ",".into()]),
            ..Default::default()
        }),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
                ..Default::default()
            },
        )),
        document_formatting_provider: Some(lsp::OneOf::Left(true)),
        ..Default::default()
    }
}

/// Runs the server on a connection (stdio, or in memory for tests and the
/// latency benchmark).
pub fn serve(connection: Connection) -> Result<(), String> {
    let caps = serde_json::to_value(capabilities()).map_err(|e| e.to_string())?;
    let params = connection.initialize(caps).map_err(|e| e.to_string())?;
    let params: lsp::InitializeParams =
        serde_json::from_value(params).map_err(|e| e.to_string())?;
    #[allow(deprecated)] // `root_uri` is what older clients send.
    let root = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| f.uri.clone())
        .or(params.root_uri)
        .and_then(|u| analysis::path_of(&u));
    let mut server = Server {
        connection: &connection,
        root,
        documents: HashMap::new(),
        published: HashMap::new(),
        cache: None,
        generation: 0,
    };
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection
                    .handle_shutdown(&request)
                    .map_err(|e| e.to_string())?
                {
                    return Ok(());
                }
                server.request(request);
            }
            Message::Notification(notification) => server.notify(notification),
            Message::Response(_) => {}
        }
    }
    Ok(())
}

struct Document {
    text: String,
    version: i32,
}

struct Server<'c> {
    connection: &'c Connection,
    root: Option<PathBuf>,
    /// Open documents by canonical path.
    documents: HashMap<PathBuf, Document>,
    /// Per spec folder, the files diagnostics were published for.
    published: HashMap<PathBuf, HashSet<lsp::Url>>,
    /// The last analysis: its folder, the edit generation, the result.
    cache: Option<(PathBuf, u64, Rc<Analysis>)>,
    generation: u64,
}

impl Server<'_> {
    fn send(&self, message: Message) {
        // The client went away: the loop ends when the receiver does.
        let _ = self.connection.sender.send(message);
    }

    fn notify(&mut self, n: Notification) {
        use lsp::notification::*;
        let uri = match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidOpenTextDocumentParams>(n.params)
                else {
                    return;
                };
                self.store(
                    p.text_document.uri.clone(),
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
                self.store(
                    p.text_document.uri.clone(),
                    change.text,
                    p.text_document.version,
                );
                p.text_document.uri
            }
            DidSaveTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidSaveTextDocumentParams>(n.params)
                else {
                    return;
                };
                self.generation += 1;
                p.text_document.uri
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidCloseTextDocumentParams>(n.params)
                else {
                    return;
                };
                if let Some(path) = analysis::path_of(&p.text_document.uri) {
                    self.documents.remove(&path);
                }
                self.generation += 1;
                p.text_document.uri
            }
            _ => return,
        };
        let published =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.publish(&uri)));
        if published.is_err() {
            // The analysis is suspect: start from the files next time.
            self.cache = None;
        }
    }

    fn store(&mut self, uri: lsp::Url, text: String, version: i32) {
        if let Some(path) = analysis::path_of(&uri) {
            self.documents.insert(path, Document { text, version });
        }
        self.generation += 1;
    }

    /// The analysis of the spec `uri` belongs to.
    fn analysis(&mut self, uri: &lsp::Url) -> Option<Rc<Analysis>> {
        let path = analysis::path_of(uri)?;
        let folder = analysis::spec_folder(&path, self.root.as_deref());
        if let Some((f, generation, a)) = &self.cache {
            if *f == folder && *generation == self.generation {
                return Some(a.clone());
            }
        }
        let overlays: crate::loader::Overlays = self
            .documents
            .iter()
            .map(|(p, d)| (p.clone(), d.text.clone()))
            .collect();
        let analysis = match analysis::analyze(&folder, &overlays) {
            Ok(a) => a,
            // Not on disk yet (a new buffer): the buffer alone.
            Err(_) => {
                let text = self.documents.get(&path).map(|d| d.text.clone())?;
                let compilation = crate::pipeline::compile_bytes(
                    &crate::loader::display_name(&path),
                    text.as_bytes(),
                    &crate::check::Options::default(),
                );
                Analysis::single(compilation, uri.clone())
            }
        };
        let analysis = Rc::new(analysis);
        self.cache = Some((folder, self.generation, analysis.clone()));
        Some(analysis)
    }

    /// Publishes the diagnostics of every file of the spec `uri` is in, and
    /// clears those of files that have none any more.
    fn publish(&mut self, uri: &lsp::Url) {
        let Some(path) = analysis::path_of(uri) else {
            return;
        };
        let folder = analysis::spec_folder(&path, self.root.as_deref());
        let Some(analysis) = self.analysis(uri) else {
            return;
        };
        let mut by_uri: HashMap<lsp::Url, Vec<lsp::Diagnostic>> = analysis
            .files
            .iter()
            .map(|f| (f.uri.clone(), Vec::new()))
            .collect();
        for d in &analysis.compilation.diagnostics {
            let source = analysis.compilation.sources.get(d.span.file);
            let file_uri = match analysis.files.iter().find(|f| f.id == d.span.file) {
                Some(f) => f.uri.clone(),
                None => match lsp::Url::from_file_path(
                    std::fs::canonicalize(&source.path).unwrap_or(source.path.clone()),
                ) {
                    Ok(u) => u,
                    Err(()) => continue,
                },
            };
            by_uri
                .entry(file_uri)
                .or_default()
                .push(features::diagnostic(d, &analysis));
        }
        let before = self.published.remove(&folder).unwrap_or_default();
        for stale in before.iter().filter(|u| !by_uri.contains_key(u)) {
            self.send_diagnostics(stale.clone(), Vec::new());
        }
        self.published
            .insert(folder, by_uri.keys().cloned().collect());
        for (uri, diagnostics) in by_uri {
            self.send_diagnostics(uri, diagnostics);
        }
    }

    fn send_diagnostics(&self, uri: lsp::Url, diagnostics: Vec<lsp::Diagnostic>) {
        let version = analysis::path_of(&uri)
            .and_then(|p| self.documents.get(&p))
            .map(|d| d.version);
        let params = lsp::PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Message::Notification(Notification::new(
            lsp::notification::PublishDiagnostics::METHOD.to_string(),
            params,
        )));
    }

    fn request(&mut self, request: Request) {
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
        let bad = |e: serde_json::Error| (ErrorCode::InvalidParams, e.to_string());
        let json = |v: serde_json::Result<serde_json::Value>| {
            v.map_err(|e| (ErrorCode::InternalError, e.to_string()))
        };
        // The document, its analysis and the byte offset of a position.
        macro_rules! at {
            ($uri:expr, $position:expr) => {{
                let Some(analysis) = self.analysis(&$uri) else {
                    return Ok(serde_json::Value::Null);
                };
                let Some(file) = analysis.file(&$uri) else {
                    return Ok(serde_json::Value::Null);
                };
                let offset = LineIndex::new(analysis.text(file.id)).offset($position);
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
                let end = LineIndex::new(a.text(id)).offset(p.range.end);
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
                let text = match analysis::path_of(&p.text_document.uri)
                    .and_then(|path| self.documents.get(&path))
                {
                    Some(d) => d.text.clone(),
                    None => return Ok(serde_json::Value::Null),
                };
                json(serde_json::to_value(features::formatting(&text)))
            }
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("cxc lsp does not answer {}", request.method),
            )),
        }
    }
}
