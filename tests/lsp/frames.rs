//! The real `cxc lsp` on stdio, fed bytes no editor sends: lengths that
//! would exhaust the memory, broken headers, bodies that are not JSON-RPC,
//! requests out of the protocol's order. It answers with the JSON-RPC error
//! the protocol names, goes on where the stream can still be followed, and
//! otherwise stops with a message: never a panic, never a hang. The child
//! runs under `ulimit -v`, so a server that trusts a length fails here
//! instead of swapping the machine.

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const PARSE_ERROR: i64 = -32700;
const INVALID_REQUEST: i64 = -32600;
const METHOD_NOT_FOUND: i64 = -32601;
const INVALID_PARAMS: i64 = -32602;
const NOT_INITIALIZED: i64 = -32002;

struct Run {
    answers: Vec<Value>,
    status: ExitStatus,
    stderr: String,
}

impl Run {
    /// The answer to request `id`.
    fn to(&self, id: Value) -> &Value {
        self.answers
            .iter()
            .find(|a| a["id"] == id)
            .unwrap_or_else(|| panic!("no answer to {id}: {:?}", self.answers))
    }

    /// The codes of the errors answered with a `null` id, in order.
    fn unattributed(&self) -> Vec<i64> {
        self.answers
            .iter()
            .filter(|a| a["id"].is_null())
            .map(|a| a["error"]["code"].as_i64().expect("an error"))
            .collect()
    }

    fn stopped_cleanly(&self) {
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        assert!(!self.status.success(), "a broken stream is an error");
        assert_eq!(self.status.code(), Some(2), "{}", self.stderr);
        assert!(
            self.stderr.contains("the language server stopped"),
            "{}",
            self.stderr
        );
    }
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn message(value: Value) -> Vec<u8> {
    frame(value.to_string().as_bytes())
}

fn request(id: i64, method: &str, params: Value) -> Vec<u8> {
    message(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
}

fn notification(method: &str, params: Value) -> Vec<u8> {
    message(json!({"jsonrpc": "2.0", "method": method, "params": params}))
}

fn initialize(id: i64, root: &std::path::Path) -> Vec<u8> {
    let root = format!("file://{}", std::fs::canonicalize(root).unwrap().display());
    request(
        id,
        "initialize",
        json!({"capabilities": {}, "rootUri": root, "workspaceFolders": [{"uri": root, "name": "w"}]}),
    )
}

/// Reads the frames the server wrote (its own reader is not the judge).
fn frames_of(mut output: &[u8]) -> Vec<Value> {
    let mut found = Vec::new();
    while !output.is_empty() {
        let end = output
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("headers end");
        let headers = std::str::from_utf8(&output[..end]).unwrap();
        let length: usize = headers
            .strip_prefix("Content-Length: ")
            .expect("one Content-Length header")
            .parse()
            .unwrap();
        let body = &output[end + 4..end + 4 + length];
        found.push(serde_json::from_slice(body).expect("JSON"));
        output = &output[end + 4 + length..];
    }
    found
}

/// Runs `cxc lsp` with `input` as its whole standard input, in `dir`.
fn lsp(dir: &std::path::Path, input: Vec<u8>) -> Run {
    let mut child = Command::new("sh")
        .args(["-c", "ulimit -v 4000000; exec \"$0\" lsp"])
        .arg(env!("CARGO_BIN_EXE_cxc"))
        .current_dir(dir)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cxc runs");
    let mut stdin = child.stdin.take().unwrap();
    // Written beside the reading: a server may answer before it has read
    // everything (and stop reading early, which closes the pipe).
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        bytes
    });
    let err = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("cxc lsp hangs");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let _ = writer.join();
    Run {
        answers: frames_of(&out.join().unwrap()),
        status,
        stderr: err.join().unwrap(),
    }
}

#[test]
fn a_huge_content_length_is_refused_not_allocated() {
    let dir = tempfile::tempdir().unwrap();
    for length in ["1000000000000", "18446744073709551615"] {
        let mut input = initialize(1, dir.path());
        input.extend(format!("Content-Length: {length}\r\n\r\n{{}}").into_bytes());
        let run = lsp(dir.path(), input);
        assert!(run.to(json!(1))["result"]["capabilities"].is_object());
        assert_eq!(run.unattributed()[0], INVALID_REQUEST, "{length}");
        // Then the input ends inside the announced body.
        assert_eq!(run.unattributed()[1..], [PARSE_ERROR], "{length}");
        run.stopped_cleanly();
    }
}

/// A length past 2^64 - 1 is no length a body can have: the stream stops,
/// saying the length is out of range, not that a message of
/// 18446744073709551615 bytes came (attack 12, L5).
#[test]
fn a_content_length_past_u64_is_out_of_range() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = initialize(1, dir.path());
    input.extend(b"Content-Length: 99999999999999999999\r\n\r\n{}".to_vec());
    let run = lsp(dir.path(), input);
    assert!(run.to(json!(1))["result"]["capabilities"].is_object());
    assert_eq!(run.unattributed(), [PARSE_ERROR]);
    run.stopped_cleanly();
    assert!(
        run.stderr
            .contains("Content-Length \"99999999999999999999\" is out of range"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("18446744073709551615 bytes a message"));
}

#[test]
fn a_body_over_the_limit_is_skipped_and_the_server_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = initialize(1, dir.path());
    input.extend(notification("initialized", json!({})));
    let over = cxc::lsp::MAX_BODY as usize + 1;
    input.extend(format!("Content-Length: {over}\r\n\r\n").into_bytes());
    input.resize(input.len() + over, b' ');
    input.extend(request(2, "cxc/unknown", json!({})));
    input.extend(request(3, "shutdown", Value::Null));
    input.extend(notification("exit", Value::Null));
    let run = lsp(dir.path(), input);
    assert_eq!(run.unattributed(), [INVALID_REQUEST]);
    let refused = run.answers.iter().find(|a| a["id"].is_null()).unwrap();
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("over the limit of 64 MB"),
        "{refused}"
    );
    assert_eq!(run.to(json!(2))["error"]["code"], METHOD_NOT_FOUND);
    assert_eq!(run.to(json!(3))["result"], Value::Null);
    assert!(run.status.success(), "{}", run.stderr);
}

#[test]
fn a_stream_that_cannot_be_followed_is_answered_then_left() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("X-Padding: {}\r\n", "a".repeat(4000));
    let many = "X-Padding: a\r\n".repeat(100);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("no Content-Length", b"Content-Type: x\r\n\r\n{}".to_vec()),
        ("non-numeric", b"Content-Length: ten\r\n\r\n{}".to_vec()),
        ("negative", b"Content-Length: -2\r\n\r\n{}".to_vec()),
        ("empty", b"Content-Length: \r\n\r\n{}".to_vec()),
        (
            "duplicate and different",
            b"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}x".to_vec(),
        ),
        ("no colon", b"Content-Length 2\r\n\r\n{}".to_vec()),
        ("bare newlines", b"Content-Length: 2\n\n{}".to_vec()),
        (
            "a long header line",
            format!("{long}Content-Length: 2\r\n\r\n{{}}").into_bytes(),
        ),
        (
            "many headers",
            format!("{many}Content-Length: 2\r\n\r\n{{}}").into_bytes(),
        ),
        ("end inside the headers", b"Content-Length: 2\r\n".to_vec()),
        (
            "a body shorter than announced",
            b"Content-Length: 300\r\n\r\n{}".to_vec(),
        ),
        (
            "a header of invalid UTF-8",
            b"Content-\xffLength: 2\r\n\r\n{}".to_vec(),
        ),
    ];
    for (case, bytes) in cases {
        let mut input = initialize(1, dir.path());
        input.extend(bytes);
        let run = lsp(dir.path(), input);
        assert!(run.to(json!(1))["result"].is_object(), "{case}");
        assert_eq!(
            run.unattributed(),
            [PARSE_ERROR],
            "{case}: {:?}",
            run.answers
        );
        run.stopped_cleanly();
    }
    // Two Content-Length headers that agree say one thing.
    let mut input = initialize(1, dir.path());
    input.extend(b"Content-Length: 2\r\ncontent-length:2\r\n\r\n{}");
    input.extend(request(2, "shutdown", Value::Null));
    input.extend(notification("exit", Value::Null));
    let run = lsp(dir.path(), input);
    assert_eq!(
        run.unattributed(),
        [INVALID_REQUEST],
        "`{{}}` is no message"
    );
    assert!(run.status.success(), "{}", run.stderr);
}

#[test]
fn bodies_that_are_not_messages_get_the_protocols_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.cx"), "team t {}\n").unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.cx"), "team s {}\n").unwrap();
    let secret = format!(
        "file://{}/secret.cx",
        std::fs::canonicalize(outside.path()).unwrap().display()
    );
    let hover = |id: i64, uri: &str| {
        request(
            id,
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 5}}),
        )
    };
    let mut input = Vec::new();
    input.extend(hover(1, "file:///a.cx"));
    input.extend(notification("textDocument/didOpen", json!({})));
    input.extend(frame(b"{\"jsonrpc\": \"2.0\", \"method\": \"\xff\xfe\"}"));
    input.extend(frame(b"{\"jsonrpc\": \"2.0\", \"id\": 9, \"meth"));
    input.extend(frame(b"[]"));
    input.extend(frame(b"42"));
    input.extend(frame(b"{\"foo\": 1}"));
    input.extend(frame(b"{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": 42}"));
    input.extend(frame(
        b"{\"jsonrpc\": \"2.0\", \"id\": 8, \"method\": \"x\", \"params\": 3}",
    ));
    input.extend(frame(
        b"{\"jsonrpc\": \"2.0\", \"id\": 2, \"result\": null}",
    ));
    input.extend(request(10, "initialize", json!({"capabilities": 3})));
    input.extend(initialize(11, dir.path()));
    input.extend(notification("initialized", json!({})));
    input.extend(initialize(12, dir.path()));
    input.extend(request(13, "textDocument/unknown", json!({})));
    input.extend(request(
        14,
        "textDocument/hover",
        json!({"textDocument": 5, "position": {}}),
    ));
    input.extend(hover(15, "https://example.com/a.cx"));
    input.extend(hover(16, &secret));
    input.extend(request(
        17,
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///a.cx"}, "position": {"line": -1, "character": 0}}),
    ));
    input.extend(request(18, "shutdown", Value::Null));
    input.extend(hover(19, "file:///a.cx"));
    input.extend(notification("exit", Value::Null));
    let run = lsp(dir.path(), input);

    assert_eq!(run.to(json!(1))["error"]["code"], NOT_INITIALIZED);
    assert_eq!(
        run.unattributed(),
        [
            PARSE_ERROR,
            PARSE_ERROR,
            INVALID_REQUEST,
            INVALID_REQUEST,
            INVALID_REQUEST
        ]
    );
    assert_eq!(run.to(json!(7))["error"]["code"], INVALID_REQUEST);
    assert_eq!(run.to(json!(8))["error"]["code"], INVALID_REQUEST);
    assert!(
        run.answers.iter().all(|a| a["id"] != 2),
        "a response is not answered"
    );
    assert_eq!(run.to(json!(10))["error"]["code"], INVALID_PARAMS);
    assert!(run.to(json!(11))["result"]["capabilities"]["hoverProvider"] == true);
    assert_eq!(run.to(json!(12))["error"]["code"], INVALID_REQUEST);
    assert_eq!(run.to(json!(13))["error"]["code"], METHOD_NOT_FOUND);
    assert_eq!(run.to(json!(14))["error"]["code"], INVALID_PARAMS);
    // Nothing is known of a document that is not a file, or one outside
    // the workspace the editor has not opened: nothing is read for it.
    assert_eq!(run.to(json!(15))["result"], Value::Null);
    assert_eq!(run.to(json!(16))["result"], Value::Null);
    assert_eq!(run.to(json!(17))["error"]["code"], INVALID_PARAMS);
    assert_eq!(run.to(json!(18))["result"], Value::Null);
    assert_eq!(run.to(json!(19))["error"]["code"], INVALID_REQUEST);
    assert!(run.status.success(), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn exit_before_shutdown_is_an_error_and_the_end_of_input_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = initialize(1, dir.path());
    input.extend(notification("exit", Value::Null));
    let run = lsp(dir.path(), input);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        run.stderr.contains("`exit` before `shutdown`"),
        "{}",
        run.stderr
    );

    let run = lsp(dir.path(), initialize(1, dir.path()));
    assert!(run.status.success(), "{}", run.stderr);
    assert!(run.to(json!(1))["result"].is_object());
}

/// A burst of edits is checked once, at its last version (attack 15, M3:
/// every `didChange` was checked in turn, 3,000 edits gave 3,001 checks,
/// and a hover waited behind them all). The whole burst, a hover after it,
/// then `shutdown`, arrive in one write: the hover is answered against the
/// last text, the diagnostics published are the last version's, and the
/// document is published a few times, not once per edit.
#[test]
fn a_burst_of_changes_is_checked_once_at_its_last_version() {
    const EDITS: i64 = 200;
    let dir = tempfile::tempdir().unwrap();
    let text = |v: i64| format!("team crew{v} {{}}\nrole r {{ team nobody{v}; duty \"Help\" }}\n");
    std::fs::write(dir.path().join("a.cx"), text(1)).unwrap();
    let uri = format!(
        "file://{}/a.cx",
        std::fs::canonicalize(dir.path()).unwrap().display()
    );
    let mut input = initialize(1, dir.path());
    input.extend(notification("initialized", json!({})));
    input.extend(notification(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "cx", "version": 1, "text": text(1)}}),
    ));
    let last = EDITS + 1;
    for v in 2..=last {
        input.extend(notification(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": v},
                "contentChanges": [{"text": text(v)}]}),
        ));
    }
    input.extend(request(
        2,
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 6}}),
    ));
    input.extend(request(3, "shutdown", Value::Null));
    input.extend(notification("exit", Value::Null));
    let run = lsp(dir.path(), input);
    assert!(run.status.success(), "{}", run.stderr);

    let hover = run.to(json!(2))["result"].to_string();
    assert!(hover.contains(&format!("crew{last}")), "{hover}");
    let published: Vec<&Value> = run
        .answers
        .iter()
        .filter(|a| a["method"] == "textDocument/publishDiagnostics" && a["params"]["uri"] == uri)
        .map(|a| &a["params"])
        .collect();
    assert!(
        !published.is_empty() && published.len() <= 3,
        "{} publications for {EDITS} edits",
        published.len()
    );
    let final_ = published.last().unwrap();
    assert_eq!(final_["version"], last, "{final_}");
    let messages: Vec<&str> = final_["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains(&format!("`nobody{last}`")),
        "{messages:?}"
    );
    // Published before `shutdown` is answered.
    let position = |id: i64| run.answers.iter().position(|a| a["id"] == id).unwrap();
    let last_publication = run
        .answers
        .iter()
        .rposition(|a| a["method"] == "textDocument/publishDiagnostics")
        .unwrap();
    assert!(last_publication < position(3));
}

/// `$/cancelRequest` for ids the server never saw, already answered, or
/// written wrongly (no id, a float, an object, no params): no answer (it is
/// a notification), no crash, and the requests around it are answered as
/// usual. Many of them leave nothing behind: the server still answers.
#[test]
fn cancels_for_unknown_or_broken_ids_are_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = initialize(1, dir.path());
    input.extend(notification("initialized", json!({})));
    input.extend(request(2, "shutdownx", Value::Null));
    input.extend(notification("$/cancelRequest", json!({"id": 2})));
    for params in [
        json!({"id": 12345}),
        json!({"id": "nobody"}),
        json!({"id": 1.5}),
        json!({"id": {"a": 1}}),
        json!({}),
        Value::Null,
    ] {
        input.extend(notification("$/cancelRequest", params));
    }
    for id in 0..10_000 {
        input.extend(notification(
            "$/cancelRequest",
            json!({ "id": 100_000 + id }),
        ));
    }
    input.extend(request(3, "shutdown", Value::Null));
    input.extend(notification("exit", Value::Null));
    let run = lsp(dir.path(), input);
    assert!(run.status.success(), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    // Answered before its cancel was read, or cancelled: either is right.
    let code = run.to(json!(2))["error"]["code"].as_i64();
    assert!(
        [Some(METHOD_NOT_FOUND), Some(-32800)].contains(&code),
        "{code:?}"
    );
    assert!(run.to(json!(3))["result"].is_null());
    assert_eq!(run.answers.len(), 3, "{:?}", run.answers);
}
