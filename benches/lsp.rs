//! Editor latency: edit one line of a 5,000-line spec, and time until the
//! language server has published its diagnostics (the whole spec is
//! re-read, resolved and checked). Goal: under 50 ms. Measured twice: over
//! an in-memory connection, and through pipes as over stdio, where every
//! message is framed, read with limits and parsed as JSON-RPC.
//!
//! `cargo bench --bench lsp`

mod common;

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::json;
use std::time::{Duration, Instant};

fn send(c: &Connection, m: Message) {
    c.sender.send(m).expect("the server listens");
}

fn notify(c: &Connection, method: &str, params: serde_json::Value) {
    send(
        c,
        Message::Notification(Notification::new(method.into(), params)),
    );
}

/// Waits for the diagnostics of `uri`; returns how many there were.
fn diagnostics(c: &Connection, uri: &str) -> usize {
    loop {
        match c.receiver.recv().expect("the server answers") {
            Message::Notification(n)
                if n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri =>
            {
                return n.params["diagnostics"].as_array().map_or(0, Vec::len);
            }
            _ => {}
        }
    }
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let text = common::long_journey(5_000);
    common::write(dir.path(), "cxc.yaml", "");
    common::write(dir.path(), "big.cx", &text);
    let lines = text.lines().count();
    let root = std::fs::canonicalize(dir.path()).expect("the folder");
    let uri = format!("file://{}/big.cx", root.display());

    let connections: [(&str, Connect); 2] = [("in memory", in_memory), ("through pipes", piped)];
    for (how, connect) in connections {
        let (client, handle) = connect();
        edits(how, &client, &root, &uri, &text, lines);
        drop(client);
        let _ = handle.join();
    }
    references();
}

type Server = std::thread::JoinHandle<Result<(), String>>;
/// A client's end of a connection to a running server.
type Connect = fn() -> (Connection, Server);

fn in_memory() -> (Connection, Server) {
    let (server, client) = Connection::memory();
    (client, std::thread::spawn(move || cxc::lsp::serve(server)))
}

/// The server on pipes, as an editor runs it on stdio; the client side
/// frames and reads with lsp-server's own code.
fn piped() -> (Connection, Server) {
    let (server_reads, client_writes) = std::io::pipe().expect("a pipe");
    let (client_reads, server_writes) = std::io::pipe().expect("a pipe");
    let handle = std::thread::spawn(move || {
        cxc::lsp::serve_io(std::io::BufReader::new(server_reads), server_writes)
    });
    let (ours, client) = Connection::memory();
    let Connection { sender, receiver } = ours;
    std::thread::spawn(move || {
        let mut out = client_writes;
        for message in receiver {
            if message.write(&mut out).is_err() {
                return;
            }
        }
    });
    std::thread::spawn(move || {
        let mut input = std::io::BufReader::new(client_reads);
        while let Ok(Some(message)) = Message::read(&mut input) {
            if sender.send(message).is_err() {
                return;
            }
        }
    });
    (client, handle)
}

/// Initializes the server and opens `uri`, until its diagnostics are in.
fn open(client: &Connection, root: &std::path::Path, uri: &str, text: &str) {
    send(
        client,
        Message::Request(Request::new(
            RequestId::from(1),
            "initialize".into(),
            json!({"capabilities": {}, "rootUri": format!("file://{}", root.display())}),
        )),
    );
    let _ = client.receiver.recv();
    notify(client, "initialized", json!({}));
    notify(
        client,
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "cx", "version": 1, "text": text}}),
    );
    diagnostics(client, uri);
}

fn close(client: &Connection) {
    send(
        client,
        Message::Request(Request::new(
            RequestId::from(2),
            "shutdown".into(),
            json!(null),
        )),
    );
    notify(client, "exit", json!(null));
}

/// The answer to request `id`.
fn answer(c: &Connection, id: i32) -> serde_json::Value {
    loop {
        match c.receiver.recv().expect("the server answers") {
            Message::Response(r) if r.id == RequestId::from(id) => {
                return r.result.expect("an answer, not an error");
            }
            _ => {}
        }
    }
}

fn edits(
    how: &str,
    client: &Connection,
    root: &std::path::Path,
    uri: &str,
    text: &str,
    lines: usize,
) {
    open(client, root, uri, text);

    // Each edit changes one step's deadline on one line.
    let line = text
        .lines()
        .position(|l| l.contains("within 1h"))
        .expect("a deadline");
    let mut times: Vec<Duration> = Vec::new();
    for version in 2..=41 {
        let edited: String = text
            .lines()
            .enumerate()
            .map(|(i, l)| {
                if i == line && version % 2 == 0 {
                    l.replace("within 1h", "within 2h")
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let start = Instant::now();
        notify(
            client,
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": edited}]}),
        );
        diagnostics(client, uri);
        times.push(start.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{how}: edit one line of a {lines}-line spec → diagnostics published: median {:.1} ms, p90 {:.1} ms, max {:.1} ms over {} edits (goal: under 50 ms)",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 9 / 10]),
        ms(*times.last().expect("edits")),
        times.len()
    );
    close(client);
}

/// Find-references and rename of a team that owns a third of the steps of
/// a long journey: the answer holds a position per name, each read from
/// lines counted once per file (they were counted again for every name,
/// so the time grew with the square of the spec).
fn references() {
    let mut previous: Option<Duration> = None;
    for steps in [5_000, 20_000] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let text = common::long_journey(steps);
        common::write(dir.path(), "cxc.yaml", "");
        common::write(dir.path(), "big.cx", &text);
        let root = std::fs::canonicalize(dir.path()).expect("the folder");
        let uri = format!("file://{}/big.cx", root.display());
        let (client, handle) = in_memory();
        open(&client, &root, &uri, &text);
        let line = text
            .lines()
            .position(|l| l.starts_with("team t0"))
            .expect("t0");
        let at = json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": 5}});
        let mut found = 0;
        let mut best = [Duration::MAX; 2];
        for round in 0..5 {
            let id = 100 + 2 * round;
            let mut params = at.clone();
            params["context"] = json!({"includeDeclaration": true});
            let start = Instant::now();
            send(
                &client,
                Message::Request(Request::new(
                    RequestId::from(id),
                    "textDocument/references".into(),
                    params,
                )),
            );
            found = answer(&client, id).as_array().map_or(0, Vec::len);
            best[0] = best[0].min(start.elapsed());
            let mut params = at.clone();
            params["newName"] = json!("renamed");
            let start = Instant::now();
            send(
                &client,
                Message::Request(Request::new(
                    RequestId::from(id + 1),
                    "textDocument/rename".into(),
                    params,
                )),
            );
            answer(&client, id + 1);
            best[1] = best[1].min(start.elapsed());
        }
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "references / rename of a name used {found} times in a {}-line spec: {:.1} ms / {:.1} ms {}",
            text.lines().count(),
            ms(best[0]),
            ms(best[1]),
            common::growth(previous, best[0], 4.0)
        );
        previous = Some(best[0]);
        close(&client);
        drop(client);
        let _ = handle.join();
    }
}
