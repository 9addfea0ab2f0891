//! Editor latency: edit one line of a 5,000-line spec, and time until the
//! language server has published its diagnostics (the whole spec is
//! re-read, resolved and checked). Goal: under 50 ms.
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

    let (server, client) = Connection::memory();
    let handle = std::thread::spawn(move || cxc::lsp::serve(server));
    send(
        &client,
        Message::Request(Request::new(
            RequestId::from(1),
            "initialize".into(),
            json!({"capabilities": {}, "rootUri": format!("file://{}", root.display())}),
        )),
    );
    let _ = client.receiver.recv();
    notify(&client, "initialized", json!({}));
    notify(
        &client,
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "cx", "version": 1, "text": text}}),
    );
    diagnostics(&client, &uri);

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
            &client,
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": edited}]}),
        );
        diagnostics(&client, &uri);
        times.push(start.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "edit one line of a {lines}-line spec → diagnostics published: median {:.1} ms, p90 {:.1} ms, max {:.1} ms over {} edits (goal: under 50 ms)",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 9 / 10]),
        ms(*times.last().expect("edits")),
        times.len()
    );

    send(
        &client,
        Message::Request(Request::new(
            RequestId::from(2),
            "shutdown".into(),
            json!(null),
        )),
    );
    notify(&client, "exit", json!(null));
    let _ = handle.join();
}
