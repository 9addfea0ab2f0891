//! `cxc lsp`: a language server over stdio, synchronous, on `lsp-server`'s
//! connection, with a framing of its own.
//!
//! A change re-compiles the spec the file belongs to (the folder with its
//! `cxc.yaml`), with every open buffer in place of its file, and publishes
//! the diagnostics `cxc check` would print for every file of that spec. A
//! spec is compiled whole in milliseconds, so there is no incremental state
//! to keep right: the analyses are cached until the next edit.
//!
//! Changes are not checked one by one: the server reads every message at
//! hand, applies the changes in order and answers the requests against the
//! text so far (a request needs the analysis of its document's text, and
//! makes it), and only then checks each changed document once, its latest
//! version. A burst of keystrokes costs one check, and a hover sent after
//! it waits for no check of a version already replaced.
//!
//! The client is not trusted to be well-behaved: its bytes are read with
//! limits (`frame.rs`), what is not a JSON-RPC message is answered with the
//! protocol's error (`transport.rs`), requests before `initialize` or after
//! `shutdown` are refused, and a document is never checked with more of the
//! disk than a small spec folder (`scope.rs`).
//!
//! - `frame.rs`: the base protocol's headers and bodies, read with limits.
//! - `transport.rs`: bodies as JSON-RPC messages; the reader and writer threads.
//! - `inbox.rs`: the messages in order, and `$/cancelRequest`.
//! - `server.rs`: open documents, analyses, diagnostics, and the answers.
//! - `scope.rs`: which files a document is checked with.
//! - `text.rs`: byte offsets against the protocol's UTF-16 positions.
//! - `index.rs`: the names of a file — declarations and references.
//! - `analysis.rs`: a spec compiled with the buffers, and its name index.
//! - `features.rs`: the answers to the editor's requests.

mod analysis;
mod features;
mod frame;
mod inbox;
mod index;
mod scope;
mod server;
mod text;
mod transport;

pub use frame::MAX_BODY;

use crossbeam_channel::TryRecvError;
use lsp_server::{Connection, ErrorCode, Message, Response};
use lsp_types as lsp;
use server::Server;
use std::io::{BufRead, Write};

/// Serves on stdin/stdout until the client says `exit` or stdin ends.
pub fn run() -> Result<(), String> {
    serve_io(
        std::io::BufReader::with_capacity(1 << 16, std::io::stdin()),
        std::io::stdout(),
    )
}

/// Serves a client writing to `input` and reading `output` (stdio, and the
/// fuzz target's bytes). An error says why the server stopped early: the
/// stream could not be followed, or the client said `exit` before
/// `shutdown`.
pub fn serve_io<R, W>(input: R, output: W) -> Result<(), String>
where
    R: BufRead + Send + 'static,
    W: Write + Send + 'static,
{
    let (connection, io) = transport::connect(input, output);
    let served = serve_paced(connection, Pace::Told);
    let finished = io.finish();
    served.and(finished)
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

/// Runs the server on a connection in memory (for tests and the latency
/// benchmark) through the protocol's life: `initialize`, then anything,
/// then `shutdown`, then `exit`. The messages sent are the messages at hand.
pub fn serve(connection: Connection) -> Result<(), String> {
    serve_paced(connection, Pace::Queued)
}

/// How the server knows that no message is at hand, and it is time to check
/// the documents changed.
#[derive(Clone, Copy)]
enum Pace {
    /// Every message sent is in the channel already (a connection in
    /// memory): none there is none at hand.
    Queued,
    /// The transport reads a stream ahead of the server, and says when it
    /// has queued all that has arrived ([`transport::idle`]): with nothing
    /// queued after that, nothing is at hand.
    Told,
}

enum Next {
    Message(Message),
    Check,
    Gone,
}

/// What the server does next: a message, or the check of what changed.
fn next(inbox: &mut inbox::Inbox, pace: Pace, dirty: bool) -> Next {
    loop {
        let message = match pace {
            Pace::Queued if dirty => match inbox.try_recv() {
                Ok(message) => message,
                Err(TryRecvError::Empty) => return Next::Check,
                Err(TryRecvError::Disconnected) => return Next::Gone,
            },
            Pace::Queued | Pace::Told => match inbox.recv() {
                Some(message) => message,
                None => return Next::Gone,
            },
        };
        match message {
            // Messages queued after it are followed by another.
            Message::Notification(n) if n.method == transport::IDLE => {
                if inbox.is_empty() {
                    return Next::Check;
                }
            }
            message => return Next::Message(message),
        }
    }
}

fn serve_paced(connection: Connection, pace: Pace) -> Result<(), String> {
    let refuse = |id, code: ErrorCode, message: &str| {
        let response = Response::new_err(id, code as i32, message.to_string());
        let _ = connection.sender.send(Message::Response(response));
    };
    let Some(params) = initialize(&connection) else {
        return Ok(());
    };
    let mut server = Server::new(&connection, workspace_folders(&params));
    let mut shutting_down = false;
    let mut inbox = inbox::Inbox::new(&connection.receiver);
    loop {
        let message = match next(&mut inbox, pace, server.dirty()) {
            Next::Message(message) => message,
            Next::Check => {
                server.check();
                continue;
            }
            // The client went away (or its stream broke: the transport says so).
            Next::Gone => return Ok(()),
        };
        match message {
            Message::Request(request) if shutting_down => refuse(
                request.id,
                ErrorCode::InvalidRequest,
                "the server is shutting down: only `exit` is expected",
            ),
            Message::Request(request) if request.method == "initialize" => refuse(
                request.id,
                ErrorCode::InvalidRequest,
                "the server is initialized already",
            ),
            Message::Request(request) if request.method == "shutdown" => {
                // The last diagnostics go out before the answer.
                server.check();
                shutting_down = true;
                server.send(Message::Response(Response::new_ok(
                    request.id,
                    serde_json::Value::Null,
                )));
            }
            // Cancelled while it waited: the protocol's answer, no work.
            Message::Request(request) if inbox.cancelled(&request.id) => refuse(
                request.id,
                ErrorCode::RequestCanceled,
                "the request was cancelled",
            ),
            Message::Request(request) => server.request(request),
            Message::Notification(n) if n.method == "exit" => {
                return if shutting_down {
                    Ok(())
                } else {
                    Err("the client said `exit` before `shutdown`".into())
                };
            }
            Message::Notification(n) if !shutting_down => server.notify(n),
            Message::Notification(_) | Message::Response(_) => {}
        }
    }
}

/// Waits for `initialize` and answers it; requests before it are refused
/// and notifications dropped, as the protocol says. `None`: the client
/// left (or said `exit`) first.
fn initialize(connection: &Connection) -> Option<lsp::InitializeParams> {
    let answer = |response: Response| {
        let _ = connection.sender.send(Message::Response(response));
    };
    for message in &connection.receiver {
        match message {
            Message::Request(request) if request.method == "initialize" => {
                match serde_json::from_value::<lsp::InitializeParams>(request.params) {
                    Ok(params) => {
                        let result = lsp::InitializeResult {
                            capabilities: capabilities(),
                            server_info: Some(lsp::ServerInfo {
                                name: "cxc".into(),
                                version: Some(env!("CARGO_PKG_VERSION").into()),
                            }),
                        };
                        answer(Response::new_ok(request.id, result));
                        return Some(params);
                    }
                    Err(e) => answer(Response::new_err(
                        request.id,
                        ErrorCode::InvalidParams as i32,
                        brief(&e),
                    )),
                }
            }
            Message::Request(request) => answer(Response::new_err(
                request.id,
                ErrorCode::ServerNotInitialized as i32,
                "the server is not initialized: `initialize` comes first".into(),
            )),
            Message::Notification(n) if n.method == "exit" => return None,
            Message::Notification(_) | Message::Response(_) => {}
        }
    }
    None
}

/// The workspace folders, canonical; the root URI of an older client.
fn workspace_folders(params: &lsp::InitializeParams) -> Vec<std::path::PathBuf> {
    #[allow(deprecated)] // `root_uri` is what older clients send.
    let uris: Vec<&lsp::Url> = match &params.workspace_folders {
        Some(folders) if !folders.is_empty() => folders.iter().map(|f| &f.uri).collect(),
        _ => params.root_uri.iter().collect(),
    };
    uris.into_iter().filter_map(analysis::path_of).collect()
}

/// A message for the client, cut short: an error may quote what the client
/// sent, which can be megabytes long.
fn brief(text: &impl std::fmt::Display) -> String {
    const LONGEST: usize = 300;
    let text = text.to_string();
    match text.char_indices().nth(LONGEST) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}
