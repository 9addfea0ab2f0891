//! `cxc lsp` over an in-memory connection, as an editor drives it: open a
//! shipped example, type a typo, get the diagnostic, apply the quick fix;
//! hover, go to definition, references, rename, outline, completion and
//! formatting. (tests/editor/ drives the real binary with a real client.)

mod common;
#[path = "lsp/frames.rs"]
mod frames;

use common::files_under;
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

struct Client {
    connection: Connection,
    server: Option<std::thread::JoinHandle<Result<(), String>>>,
    next_id: i32,
    /// Notifications received while waiting for something else.
    pending: Vec<Notification>,
}

impl Client {
    fn start(root: &Path) -> Client {
        let (server, connection) = Connection::memory();
        let handle = std::thread::spawn(move || cxc::lsp::serve(server));
        let mut client = Client {
            connection,
            server: Some(handle),
            next_id: 0,
            pending: Vec::new(),
        };
        let root = url(root);
        client.request(
            "initialize",
            json!({"capabilities": {}, "rootUri": root, "workspaceFolders": [{"uri": root, "name": "w"}]}),
        );
        client.notify("initialized", json!({}));
        client
    }

    fn notify(&self, method: &str, params: Value) {
        self.connection
            .sender
            .send(Message::Notification(Notification::new(
                method.into(),
                params,
            )))
            .unwrap();
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.connection
            .sender
            .send(Message::Request(Request::new(
                id.clone(),
                method.into(),
                params,
            )))
            .unwrap();
        loop {
            match self.receive() {
                Message::Response(r) if r.id == id => {
                    if let Some(e) = r.error {
                        return json!({"error": e.message, "code": e.code});
                    }
                    return r.result.unwrap_or(Value::Null);
                }
                Message::Notification(n) => self.pending.push(n),
                _ => {}
            }
        }
    }

    fn receive(&self) -> Message {
        self.connection
            .receiver
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("the server answers")
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            let n = match self.pending.iter().position(|n| {
                n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri
            }) {
                Some(i) => self.pending.remove(i),
                None => match self.receive() {
                    Message::Notification(n) => {
                        self.pending.push(n);
                        continue;
                    }
                    _ => continue,
                },
            };
            return n.params["diagnostics"].as_array().unwrap().clone();
        }
    }

    /// The last diagnostics published for each URI once everything sent so
    /// far is handled. The server checks what changed once no message is
    /// at hand, and publishes that check's diagnostics before it reads on:
    /// after the first of them, a request's answer comes after the rest.
    fn published(&mut self) -> HashMap<String, Vec<Value>> {
        while !self
            .pending
            .iter()
            .any(|n| n.method == "textDocument/publishDiagnostics")
        {
            if let Message::Notification(n) = self.receive() {
                self.pending.push(n);
            }
        }
        let _ = self.request("cxc/settle", Value::Null);
        std::mem::take(&mut self.pending)
            .into_iter()
            .filter(|n| n.method == "textDocument/publishDiagnostics")
            .map(|n| {
                let uri = n.params["uri"].as_str().unwrap().to_string();
                (uri, n.params["diagnostics"].as_array().unwrap().clone())
            })
            .collect()
    }

    fn open_text(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "cx", "version": 1, "text": text}}),
        );
    }

    fn open(&mut self, path: &Path) -> String {
        let uri = url(path);
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "cx", "version": 1,
                "text": std::fs::read_to_string(path).unwrap()}}),
        );
        uri
    }

    fn change(&mut self, uri: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": text}]}),
        );
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        if let Some(server) = self.server.take() {
            server.join().unwrap().unwrap();
        }
    }
}

/// The URI an editor sends: percent-encoded, as VS Code writes a Cyrillic
/// file name (the server answers with the same form).
fn url(path: &Path) -> String {
    let path = std::fs::canonicalize(path).unwrap();
    lsp_types::Url::from_file_path(&path).unwrap().to_string()
}

fn kitchen() -> tempfile::TempDir {
    example("kitchen")
}

fn example(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    for file in files_under(&from) {
        let to = dir.path().join(file.strip_prefix(&from).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&file, to).unwrap();
    }
    dir
}

/// The (line, character) of the `nth` occurrence of `needle` in `text`.
fn position(text: &str, needle: &str, nth: usize) -> Value {
    let offset = text.match_indices(needle).nth(nth).unwrap().0;
    let line = text[..offset].matches('\n').count();
    let column = offset - text[..offset].rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": column})
}

/// Applies LSP text edits to a text (positions in UTF-16 units; the texts
/// here are ASCII around the edits).
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        start + p["character"].as_u64().unwrap() as usize
    };
    let mut edits: Vec<_> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, new);
    }
    out
}

/// A Russian spec's findings and quick fixes are Russian, titles included.
#[test]
fn quick_fixes_speak_the_specs_language() {
    let dir = example("dry-cleaner-ru");
    let mut client = Client::start(dir.path());
    let path: PathBuf = dir.path().join("химчистка.cx");
    let uri = client.open(&path);
    // The example is clean when opened: nothing to fix yet.
    assert_eq!(client.diagnostics(&uri), Vec::<Value>::new());
    let text = std::fs::read_to_string(&path).unwrap();
    let typo = text.replacen("owner оператор }", "owner операто }", 1);
    assert_ne!(typo, text);
    client.change(&uri, 2, &typo);
    let found = client.diagnostics(&uri);
    assert_eq!(found.len(), 1, "{found:?}");
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("неизвестное имя `операто`"), "{message}");
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": found[0]["range"],
            "context": {"diagnostics": found}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"Заменить на `оператор`"), "{titles:?}");
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Разрешить `unknown-reference` здесь")),
        "{titles:?}"
    );
    assert!(
        !titles
            .iter()
            .any(|t| t.contains("Replace") || t.contains("Allow")),
        "{titles:?}"
    );
}

#[test]
fn a_typo_gets_a_diagnostic_and_its_quick_fix_removes_it() {
    let dir = kitchen();
    let mut client = Client::start(dir.path());
    let path: PathBuf = dir.path().join("journeys.cx");
    let uri = client.open(&path);
    assert_eq!(
        client.diagnostics(&uri),
        Vec::<Value>::new(),
        "the example is clean"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let typo = text.replacen("owner design", "owner desgn", 1);
    client.change(&uri, 2, &typo);
    let found = client.diagnostics(&uri);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["code"], "unknown-reference");
    assert!(found[0]["message"]
        .as_str()
        .unwrap()
        .contains("did you mean `design`?"));
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": found[0]["range"],
            "context": {"diagnostics": found}}),
    );
    let actions = actions.as_array().unwrap();
    let fix = actions
        .iter()
        .find(|a| a["title"] == "Replace with `design`")
        .expect("a quick fix");
    assert_eq!(fix["isPreferred"], true);
    let fixed = apply(&typo, fix["edit"]["changes"][&uri].as_array().unwrap());
    assert_eq!(fixed, text);
    assert!(actions.iter().any(|a| a["title"]
        .as_str()
        .unwrap()
        .starts_with("Allow `unknown-reference`")));
    client.change(&uri, 3, &fixed);
    assert_eq!(client.diagnostics(&uri), Vec::<Value>::new());
}

#[test]
fn a_flood_of_findings_is_published_capped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.cx");
    std::fs::write(&path, "team t {}\n".repeat(5_000)).unwrap();
    let mut client = Client::start(dir.path());
    let uri = client.open(&path);
    let found = client.diagnostics(&uri);
    assert_eq!(found.len(), 101);
    assert!(found[100]["message"]
        .as_str()
        .unwrap()
        .starts_with("and 4,899 more `duplicate-definition` findings in this file"));
}

#[test]
fn names_lead_to_their_declarations_and_rename_everywhere() {
    let dir = kitchen();
    let mut client = Client::start(dir.path());
    let journeys = dir.path().join("journeys.cx");
    let uri = client.open(&journeys);
    let text = std::fs::read_to_string(&journeys).unwrap();
    let at = position(&text, "owner design", 0);
    let at = json!({"line": at["line"], "character": at["character"].as_u64().unwrap() + 7});
    let doc = json!({"uri": uri});

    let definition = client.request(
        "textDocument/definition",
        json!({"textDocument": doc, "position": at}),
    );
    let organisation = url(&dir.path().join("organisation.cx"));
    assert_eq!(definition[0]["uri"], organisation.as_str(), "{definition}");

    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": doc, "position": at}),
    );
    let hover = hover["contents"]["value"].as_str().unwrap();
    assert!(
        hover.starts_with("**team** `design` — Design studio"),
        "{hover}"
    );

    let references = client.request(
        "textDocument/references",
        json!({"textDocument": doc, "position": at, "context": {"includeDeclaration": true}}),
    );
    let references = references.as_array().unwrap();
    assert!(references.len() >= 4, "{references:?}");
    assert!(references.iter().any(|r| r["uri"] == organisation.as_str()));

    let refused = client.request(
        "textDocument/rename",
        json!({"textDocument": doc, "position": at, "newName": "sales"}),
    );
    assert_eq!(refused["error"], "a team named `sales` already exists");
    let renamed = client.request(
        "textDocument/rename",
        json!({"textDocument": doc, "position": at, "newName": "studio"}),
    );
    let edits = renamed["changes"][&uri].as_array().unwrap();
    let after = apply(&text, edits);
    assert!(!after.contains("owner design") && after.contains("owner studio"));
    let in_organisation = renamed["changes"][&organisation].as_array().unwrap();
    assert!(!in_organisation.is_empty());
}

/// The labels of completion items.
fn labels_of(items: &Value) -> Vec<&str> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect()
}

#[test]
fn outline_completion_and_formatting() {
    let dir = kitchen();
    let mut client = Client::start(dir.path());
    let journeys = dir.path().join("journeys.cx");
    let uri = client.open(&journeys);
    let doc = json!({"uri": uri});
    let symbols = client.request("textDocument/documentSymbol", json!({"textDocument": doc}));
    let order = &symbols[0];
    assert_eq!(order["name"], "order");
    assert!(order["children"].as_array().unwrap().len() >= 5, "{order}");

    // After `owner `: the teams and roles; at the start of a line in a
    // step: the statements a step takes.
    let text = std::fs::read_to_string(&journeys).unwrap();
    let typing = text.replacen("owner design", "owner ", 1);
    client.change(&uri, 2, &typing);
    let at = position(&typing, "owner \n", 0);
    let at = json!({"line": at["line"], "character": at["character"].as_u64().unwrap() + 6});
    let items = client.request(
        "textDocument/completion",
        json!({"textDocument": doc, "position": at}),
    );
    let labels = labels_of(&items);
    for name in ["design", "sales", "designer", "cx_director"] {
        assert!(labels.contains(&name), "{labels:?}");
    }
    assert!(!labels.contains(&"premium"), "segments are not owners");
    let line = typing.lines().position(|l| l.trim() == "owner").unwrap();
    let start = json!({"line": line, "character": 4});
    let typing = typing.replacen("    owner \n", "    \n", 1);
    client.change(&uri, 3, &typing);
    let items = client.request(
        "textDocument/completion",
        json!({"textDocument": doc, "position": start}),
    );
    let labels = labels_of(&items);
    for keyword in ["owner", "channel", "within", "next", "end"] {
        assert!(labels.contains(&keyword), "{labels:?}");
    }

    client.change(&uri, 4, "team   t {lead  r}\nrole r {team t;duty \"x\"}\n");
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": doc, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let formatted = apply(
        "team   t {lead  r}\nrole r {team t;duty \"x\"}\n",
        edits.as_array().unwrap(),
    );
    assert_eq!(
        formatted,
        "team t { lead r }\nrole r { team t; duty \"x\" }\n"
    );
}

#[test]
fn a_missing_owner_gets_a_skeleton() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("s.cx");
    let text = "team support {}\njourney j {\n  start a\n  step a {\n    end\n  }\n}\n";
    std::fs::write(&spec, text).unwrap();
    let mut client = Client::start(dir.path());
    let uri = client.open(&spec);
    let found = client.diagnostics(&uri);
    let missing = found
        .iter()
        .find(|d| d["code"] == "missing-owner")
        .expect("missing-owner");
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": missing["range"], "context": {"diagnostics": [missing]}}),
    );
    let add = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Add `owner support`")
        .expect("an owner skeleton");
    let fixed = apply(text, add["edit"]["changes"][&uri].as_array().unwrap());
    assert_eq!(
        fixed,
        "team support {}\njourney j {\n  start a\n  step a {\n    end\n    owner support\n  }\n}\n"
    );
    client.change(&uri, 2, &fixed);
    assert!(client
        .diagnostics(&uri)
        .iter()
        .all(|d| d["code"] != "missing-owner"));
}

/// The codes of a list of diagnostics.
fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

/// A file opened from outside the workspace (a note in the home folder, a
/// file under `/`) is checked alone: the folder it is in is not walked.
#[test]
fn a_file_outside_the_workspace_is_checked_alone() {
    let workspace = tempfile::tempdir().unwrap();
    write(workspace.path(), "a.cx", "team t {}\n");
    let home = tempfile::tempdir().unwrap();
    let note = write(home.path(), "note.cx", "role r { team t; duty \"Help\" }\n");
    write(home.path(), "deep/er/other.cx", "team {\n");
    let mut client = Client::start(workspace.path());
    let uri = client.open(&note);
    let published = client.published();
    assert_eq!(
        published.keys().collect::<Vec<_>>(),
        [&uri],
        "only the file opened is read"
    );
    assert_eq!(codes(&published[&uri]), ["unknown-reference"]);

    // With a `cxc.yaml` of its own, a small folder outside is its spec.
    let project = tempfile::tempdir().unwrap();
    write(project.path(), "cxc.yaml", "");
    write(project.path(), "teams.cx", "team t {}\n");
    let roles = write(
        project.path(),
        "sub/roles.cx",
        "role r { team t; duty \"Help\" }\n",
    );
    let uri = client.open(&roles);
    let published = client.published();
    assert_eq!(published.len(), 2, "{published:?}");
    assert_eq!(codes(&published[&uri]), Vec::<&str>::new());
}

/// A buffer with no file (`untitled:`) is checked as a spec of its own.
#[test]
fn an_untitled_buffer_gets_diagnostics() {
    let dir = kitchen();
    let mut client = Client::start(dir.path());
    let uri = "untitled:Untitled-1";
    client.open_text(
        uri,
        "team t { lead nobody }\nrole r { team t; duty \"Help\" }\n",
    );
    let published = client.published();
    assert_eq!(codes(&published[uri]), ["unknown-reference"]);
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(symbols[0]["name"], "t", "{symbols}");
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(client.published()[uri], Vec::<Value>::new(), "cleared");
}

/// A file created in the editor and not saved yet belongs to the spec of
/// its folder: names resolve against the files beside it.
#[test]
fn a_new_file_not_saved_yet_is_checked_with_its_folder() {
    let dir = kitchen();
    let mut client = Client::start(dir.path());
    let path = std::fs::canonicalize(dir.path()).unwrap().join("new.cx");
    let uri = format!("file://{}", path.display());
    client.open_text(
        &uri,
        "role helper \"Helper\" {\n  team design\n  reports_to design_lead\n  duty \"Help\"\n}\n\
         team extra \"Extra\" { lead desgner }\n",
    );
    let published = client.published();
    let found = &published[&uri];
    assert_eq!(codes(found), ["unknown-reference"], "{found:?}");
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("did you mean `designer`?"), "{message}");
    assert!(!path.exists(), "nothing is written");
}

/// Positions past the end of a line or of the file are read as the end;
/// positions that are not positions are invalid parameters.
#[test]
fn positions_out_of_range_are_answered() {
    let dir = kitchen();
    let mut client = Client::start(dir.path());
    let uri = client.open(&dir.path().join("journeys.cx"));
    let doc = json!({"uri": uri});
    let far = u32::MAX;
    for position in [
        json!({"line": far, "character": far}),
        json!({"line": 0, "character": far}),
        json!({"line": 100_000, "character": 0}),
    ] {
        let at = json!({"textDocument": doc, "position": position});
        for method in [
            "textDocument/hover",
            "textDocument/definition",
            "textDocument/completion",
        ] {
            let answer = client.request(method, at.clone());
            assert!(
                answer.get("error").is_none(),
                "{method} {position}: {answer}"
            );
        }
        let answer = client.request(
            "textDocument/references",
            json!({"textDocument": doc, "position": position, "context": {"includeDeclaration": true}}),
        );
        assert!(answer.get("error").is_none(), "{answer}");
        let answer = client.request(
            "textDocument/codeAction",
            json!({"textDocument": doc, "range": {"start": position, "end": {"line": 0, "character": 0}},
                "context": {"diagnostics": []}}),
        );
        assert!(answer.get("error").is_none(), "{answer}");
    }
    let answer = client.request(
        "textDocument/hover",
        json!({"textDocument": doc, "position": {"line": u64::from(far) + 1, "character": 0}}),
    );
    assert_eq!(answer["code"], -32602, "{answer}");
}

#[test]
fn a_deadline_in_working_days_says_when_it_ends_and_numbers_complete_to_units() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("s.cx");
    let text = "service { language en }
team support {}
role lead { team support; duty \"Leads\" }
calendar office { open mon-fri 09:00-18:00 }
complaint late {
  owner support
  hours office
  resolve within 3wd
  escalate after 2d to lead
}
journey j { start a; step a { owner support; within 1wd; end } }
";
    std::fs::write(&spec, text).unwrap();
    let mut client = Client::start(dir.path());
    let uri = client.open(&spec);
    let doc = json!({"uri": uri});
    let mut hover = |needle: &str| {
        let at = position(text, needle, 0);
        let answer = client.request(
            "textDocument/hover",
            json!({"textDocument": doc, "position": at}),
        );
        answer["contents"]["value"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    // Three nine-hour days at least (asked at closing time), four at most.
    let working = hover("3wd");
    assert!(
        working.contains("3 working days of calendar `office`"),
        "{working}"
    );
    assert!(working.contains("27h to 36h"), "{working}");
    let days = hover("2d");
    assert!(days.contains("48 hours of opening time"), "{days}");
    // A step runs on the wall clock: every day counts.
    let wall = hover("1wd");
    assert!(
        wall.contains("every day counted") && wall.contains("24h to 48h"),
        "{wall}"
    );

    let typing = text.replacen("resolve within 3wd", "resolve within 3", 1);
    client.change(&uri, 2, &typing);
    let at = position(&typing, "within 3\n", 0);
    let at = json!({"line": at["line"], "character": at["character"].as_u64().unwrap() + 8});
    let items = client.request(
        "textDocument/completion",
        json!({"textDocument": doc, "position": at}),
    );
    assert_eq!(labels_of(&items), ["3m", "3h", "3d", "3wd"]);
}

/// A URI as VS Code writes it: every byte but `A-Za-z0-9-._~` and `/`
/// percent-encoded, in capitals (`url` leaves `(`, `)`, `'`, `,`, `=`...
/// as they are, so its spelling of the same file differs).
fn vscode_uri(path: &Path) -> String {
    let path = std::fs::canonicalize(path).unwrap();
    let mut out = String::from("file://");
    for b in path.to_str().unwrap().bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Diagnostics come back under the URI string the editor opened the file
/// with, not a spelling of the server's own: a client matches the string.
#[test]
fn diagnostics_come_back_under_the_uri_the_editor_sent() {
    let workspace = tempfile::tempdir().unwrap();
    let folder = workspace.path().join("Мой стандарт (копия), v=2");
    let path = write(
        &folder,
        "службы 'итог'.cx",
        "role r { team t; duty \"Help\" }\n",
    );
    let mut client = Client::start(workspace.path());
    let sent = vscode_uri(&path);
    // The two spellings differ: the test is about which one comes back.
    assert_ne!(sent, url(&path));
    client.open_text(&sent, &std::fs::read_to_string(&path).unwrap());
    let published = client.published();
    assert_eq!(
        published.keys().collect::<Vec<_>>(),
        [&sent],
        "{published:?}"
    );
    assert_eq!(codes(&published[&sent]), ["unknown-reference"]);
    // An edit and the fix are published under the same string.
    client.change(&sent, 2, "team t {}\nrole r { team t; duty \"Help\" }\n");
    let published = client.published();
    assert_eq!(
        codes(&published[&sent]),
        Vec::<&str>::new(),
        "{published:?}"
    );
}

/// `$/cancelRequest` (attack 17): a request cancelled while it waits is
/// answered with `RequestCancelled` (-32800) and nothing else; the one
/// after it, not cancelled, is answered as usual; cancels for ids never
/// sent, already answered or written wrongly change nothing. Every message
/// is queued before the server starts, so what is at hand is certain.
#[test]
fn a_request_cancelled_while_it_waits_is_answered_request_cancelled() {
    let dir = kitchen();
    let uri = url(&dir.path().join("organisation.cx"));
    let (server, client) = Connection::memory();
    let request = |id: i32, method: &str, params: Value| {
        Message::Request(Request::new(id.into(), method.into(), params))
    };
    let notify = |method: &str, params: Value| {
        Message::Notification(Notification::new(method.into(), params))
    };
    let hover = json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}});
    let root = url(dir.path());
    for message in [
        request(
            1,
            "initialize",
            json!({"capabilities": {}, "rootUri": root}),
        ),
        notify("initialized", json!({})),
        request(2, "textDocument/hover", hover.clone()),
        notify("$/cancelRequest", json!({"id": 99})),
        notify("$/cancelRequest", json!({"id": 2})),
        notify("$/cancelRequest", json!({"id": 1})),
        notify("$/cancelRequest", json!({"id": null})),
        notify("$/cancelRequest", Value::Null),
        request(3, "textDocument/hover", hover),
        request(4, "shutdown", Value::Null),
        notify("$/cancelRequest", json!({"id": 4})),
        notify("exit", Value::Null),
    ] {
        client.sender.send(message).unwrap();
    }
    let handle = std::thread::spawn(move || cxc::lsp::serve(server));
    handle.join().unwrap().unwrap();
    let answers: HashMap<String, lsp_server::Response> = client
        .receiver
        .try_iter()
        .filter_map(|m| match m {
            Message::Response(r) => Some((r.id.to_string(), r)),
            _ => None,
        })
        .collect();
    assert_eq!(answers.len(), 4, "{answers:?}");
    let cancelled = answers["2"].error.as_ref().expect("an error");
    assert_eq!(cancelled.code, -32800);
    assert!(answers["2"].result.is_none());
    for id in ["1", "3", "4"] {
        assert!(answers[id].error.is_none(), "{id}: {:?}", answers[id]);
    }
}
