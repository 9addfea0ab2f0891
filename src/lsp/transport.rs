//! Between the client's bytes and the server's channels: each frame's body
//! read strictly as one JSON-RPC 2.0 message, anything else refused with the
//! error the protocol names for it, and the two threads that read and write.
//!
//! A refusal the reader can answer goes straight to the output (its `id` may
//! be `null`, which an `lsp_server::Response` cannot say); the server sees
//! only well-formed requests, notifications and responses.

use super::frame::{Broken, Frame, Frames, MAX_BODY};
use crossbeam_channel::{bounded, Receiver, Sender};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId};
use serde_json::{json, Value};
use std::io::{self, BufRead, Write};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

/// What the client sent next.
pub(crate) enum Incoming {
    /// A message, and the length of its body.
    Message(Message, usize),
    /// A message refused with this answer; the stream goes on.
    Refused(Value),
    /// Something that needs no answer (a response to no request of ours).
    Ignored,
    /// The stream cannot be followed: the last answer, and why.
    Broken(Value, Broken),
    End,
}

/// Reads the next message.
pub(crate) fn next(input: &mut Frames<impl BufRead>) -> Incoming {
    match input.next() {
        Ok(Frame::End) => Incoming::End,
        Ok(Frame::TooLarge(length)) => Incoming::Refused(error(
            Value::Null,
            ErrorCode::InvalidRequest,
            &format!(
                "a message of {length} bytes is over the limit of {}: it was skipped",
                crate::loader::read::bytes(MAX_BODY)
            ),
        )),
        Ok(Frame::Body(body)) => match message(&body) {
            Ok(Some(message)) => Incoming::Message(message, body.len()),
            Ok(None) => Incoming::Ignored,
            Err(answer) => Incoming::Refused(answer),
        },
        Err(broken) => Incoming::Broken(
            error(
                Value::Null,
                ErrorCode::ParseError,
                &format!("cxc lsp stops reading: {broken}"),
            ),
            broken,
        ),
    }
}

/// A JSON-RPC error response.
fn error(id: Value, code: ErrorCode, message: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code as i32, "message": message}})
}

/// A body as a message; `None` for a response (the server asks nothing, so
/// none is awaited); the answer when it is not a message.
fn message(body: &[u8]) -> Result<Option<Message>, Value> {
    let parse_error = |why: String| error(Value::Null, ErrorCode::ParseError, &why);
    if let Err(e) = std::str::from_utf8(body) {
        return Err(parse_error(format!(
            "the message is not UTF-8 (byte {})",
            e.valid_up_to()
        )));
    }
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| parse_error(format!("the message is not JSON: {e}")))?;
    let Value::Object(mut object) = value else {
        // A batch (an array) included: the protocol has none.
        return Err(error(
            Value::Null,
            ErrorCode::InvalidRequest,
            "a message is one JSON object",
        ));
    };
    // The id the answer carries: the request's, when it is one an id can be.
    let raw_id = match object.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
        _ => Value::Null,
    };
    let invalid = |why: &str| Err(error(raw_id.clone(), ErrorCode::InvalidRequest, why));
    if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return invalid("a message says \"jsonrpc\": \"2.0\"");
    }
    let params = match object.remove("params") {
        None | Some(Value::Null) => Value::Null,
        Some(p @ (Value::Object(_) | Value::Array(_))) => p,
        Some(_) => return invalid("params are an object or an array"),
    };
    let method = match object.remove("method") {
        Some(Value::String(method)) => method,
        Some(_) => return invalid("a method is a string"),
        None if object.contains_key("id") => return Ok(None),
        None => return invalid("a message is a request, a notification or a response"),
    };
    match object.get("id") {
        None => Ok(Some(Message::Notification(Notification { method, params }))),
        Some(id) => match request_id(id) {
            Some(id) => Ok(Some(Message::Request(Request { id, method, params }))),
            None => invalid("a request's id is a string or an integer"),
        },
    }
}

/// An id the protocol allows: a string, or an integer of 32 bits.
fn request_id(id: &Value) -> Option<RequestId> {
    match id {
        Value::String(s) => Some(RequestId::from(s.clone())),
        Value::Number(n) => n
            .as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .map(RequestId::from),
        _ => None,
    }
}

type Output<W> = Arc<Mutex<W>>;

/// Writes one frame; the lock keeps frames whole between the two threads.
fn write_frame<W: Write>(output: &Output<W>, body: &[u8]) -> io::Result<()> {
    let mut w = output.lock().unwrap_or_else(PoisonError::into_inner);
    write!(w, "Content-Length: {}\r\n\r\n", body.len())?;
    w.write_all(body)?;
    w.flush()
}

/// The reader and writer threads of a connection.
pub(crate) struct Io {
    /// Stops by itself once the server has stopped: the server stops only
    /// at `exit` (after which nothing is read), or when the reader has.
    reader: JoinHandle<Result<(), Broken>>,
    writer: JoinHandle<io::Result<()>>,
}

/// The notification the reader queues for the server once it has queued
/// every message that has arrived ([`Frames::at_rest`]). A server that
/// finds nothing queued after it has read all the client has sent: it
/// checks the documents changed so far, instead of one version per message.
pub(crate) fn idle() -> Message {
    Message::Notification(Notification::new(IDLE.into(), Value::Null))
}

/// The method of [`idle`] (a client that sends it only hurries a check).
pub(crate) const IDLE: &str = "$/cxc/idle";

/// The most messages queued for the server.
const QUEUED: usize = 4096;

/// The bodies queued for the server and not taken yet: the reader reads
/// ahead while the server checks (so that what has arrived meanwhile is
/// read as one burst), up to [`MAX_BODY`] bytes of bodies (one message
/// always goes, the longest a body can be).
struct Ahead {
    lengths: std::collections::VecDeque<usize>,
    bytes: usize,
}

impl Ahead {
    /// Queues `message`, once the server has taken enough of what is
    /// queued; false when the server is gone.
    fn send(&mut self, to_server: &Sender<Message>, message: Message, length: usize) -> bool {
        loop {
            // The channel keeps its order: what is still in it is the last.
            while self.lengths.len() > to_server.len() {
                self.bytes -= self.lengths.pop_front().unwrap_or(0);
            }
            if self.lengths.is_empty() || (self.bytes + length) as u64 <= MAX_BODY {
                break;
            }
            // Only while the client is a whole limit ahead of the server.
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        if to_server.send(message).is_err() {
            return false;
        }
        self.lengths.push_back(length);
        self.bytes += length;
        true
    }
}

/// A connection whose messages are read from `input` and written to
/// `output`, each on a thread of its own. The reader queues messages ahead
/// of the server ([`Ahead`]), and [`idle`] when it has nothing more at
/// hand; a client that sends faster than that waits. The writer takes one
/// message at a time.
pub(crate) fn connect<R, W>(input: R, output: W) -> (Connection, Io)
where
    R: BufRead + Send + 'static,
    W: Write + Send + 'static,
{
    let output: Output<W> = Arc::new(Mutex::new(output));
    let (to_server, from_client): (Sender<Message>, _) = bounded(QUEUED);
    let (to_client, from_server): (Sender<Message>, Receiver<Message>) = bounded(0);
    let out = output.clone();
    let mut input = Frames::new(input);
    let mut ahead = Ahead {
        lengths: Default::default(),
        bytes: 0,
    };
    // Whether the server has been told of every message queued.
    let mut told = true;
    let reader = std::thread::spawn(move || loop {
        if !told && input.at_rest() {
            if !ahead.send(&to_server, idle(), 0) {
                return Ok(());
            }
            told = true;
        }
        match next(&mut input) {
            Incoming::Message(message, length) => {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                // After `exit`, or once the server is gone, nothing more is read.
                if !ahead.send(&to_server, message, length) || exit {
                    return Ok(());
                }
                told = false;
            }
            Incoming::Refused(answer) => {
                let _ = write_frame(&out, answer.to_string().as_bytes());
            }
            Incoming::Ignored => {}
            Incoming::Broken(answer, reason) => {
                let _ = write_frame(&out, answer.to_string().as_bytes());
                return Err(reason);
            }
            Incoming::End => return Ok(()),
        }
    });
    let writer = std::thread::spawn(move || {
        for message in from_server {
            let mut w = output.lock().unwrap_or_else(PoisonError::into_inner);
            message.write(&mut *w)?;
        }
        Ok(())
    });
    let connection = Connection {
        sender: to_client,
        receiver: from_client,
    };
    (connection, Io { reader, writer })
}

impl Io {
    /// Waits until both threads are done, once the server has stopped (and
    /// dropped its connection, which ends the writer): why the reader
    /// stopped early, else whether everything was written.
    pub(crate) fn finish(self) -> Result<(), String> {
        let read = self.reader.join();
        let written = self.writer.join();
        match (read, written) {
            (Ok(Err(broken)), _) => Err(broken.to_string()),
            (Err(_), _) | (_, Err(_)) => Err("a thread of the server failed".into()),
            (Ok(Ok(())), Ok(written)) => written.map_err(|e| e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(answer: &Value) -> i64 {
        answer["error"]["code"].as_i64().unwrap()
    }

    #[test]
    fn bodies_are_json_rpc_or_refused_with_its_codes() {
        let parse = ErrorCode::ParseError as i64;
        let invalid = ErrorCode::InvalidRequest as i64;
        let cases: [(&[u8], i64, Value); 12] = [
            (b"\xff{}", parse, Value::Null),
            (b"{\"jsonrpc\": \"2.0\", \"method\": ", parse, Value::Null),
            (b"", parse, Value::Null),
            (b"[]", invalid, Value::Null),
            (b"42", invalid, Value::Null),
            (b"{\"foo\": 1}", invalid, Value::Null),
            (b"{\"id\": 3, \"method\": \"x\"}", invalid, json!(3)),
            (
                b"{\"jsonrpc\": \"1.0\", \"id\": \"a\", \"method\": \"x\"}",
                invalid,
                json!("a"),
            ),
            (
                b"{\"jsonrpc\": \"2.0\", \"id\": 4, \"method\": 5}",
                invalid,
                json!(4),
            ),
            (
                b"{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": \"x\", \"params\": 1}",
                invalid,
                json!(5),
            ),
            (
                b"{\"jsonrpc\": \"2.0\", \"id\": 1.5, \"method\": \"x\"}",
                invalid,
                json!(1.5),
            ),
            (
                b"{\"jsonrpc\": \"2.0\", \"id\": null, \"method\": \"x\"}",
                invalid,
                Value::Null,
            ),
        ];
        for (body, expected, id) in cases {
            match message(body) {
                Err(answer) => {
                    assert_eq!(code(&answer), expected, "{}", String::from_utf8_lossy(body));
                    assert_eq!(answer["id"], id, "{}", String::from_utf8_lossy(body));
                    assert_eq!(answer["jsonrpc"], "2.0");
                }
                Ok(m) => panic!("{} read as {m:?}", String::from_utf8_lossy(body)),
            }
        }
    }

    #[test]
    fn messages_are_read_as_the_kind_they_are() {
        let request = message(br#"{"jsonrpc":"2.0","id":"x","method":"shutdown"}"#);
        assert!(
            matches!(request, Ok(Some(Message::Request(r))) if r.method == "shutdown" && r.params.is_null())
        );
        let notification = message(br#"{"jsonrpc":"2.0","method":"exit","params":null}"#);
        assert!(matches!(notification, Ok(Some(Message::Notification(n))) if n.method == "exit"));
        assert!(matches!(
            message(br#"{"jsonrpc":"2.0","id":2,"result":null}"#),
            Ok(None)
        ));
        let too_big = message(br#"{"jsonrpc":"2.0","id":2147483648,"method":"x"}"#);
        assert!(matches!(too_big, Err(a) if a["id"] == json!(2147483648u64)));
    }
}
