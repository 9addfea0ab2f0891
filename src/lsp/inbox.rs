//! The messages for the server, in order, with `$/cancelRequest` honoured.
//!
//! The server answers one request at a time, so a cancel can only reach a
//! request still waiting behind the one being answered (or behind a
//! check). Before a request is answered, the messages at hand are taken
//! from the channel (only when none are held already, so what is held is
//! at most one channel's worth: the transport's limits on messages and
//! bytes hold); a cancel among them for that request's id is taken out and
//! the request is answered with `RequestCancelled`. A cancel for an id
//! already answered, never sent, or written wrongly stays a notification
//! like any other, which the server ignores: nothing is kept for it.

use crossbeam_channel::{Receiver, TryRecvError};
use lsp_server::{Message, Notification, RequestId};
use std::collections::VecDeque;

/// The method of a cancel.
pub(super) const CANCEL: &str = "$/cancelRequest";

pub(super) struct Inbox<'c> {
    receiver: &'c Receiver<Message>,
    /// Messages taken from the channel and not handled yet, in order.
    held: VecDeque<Message>,
}

impl<'c> Inbox<'c> {
    pub(super) fn new(receiver: &'c Receiver<Message>) -> Self {
        Inbox {
            receiver,
            held: VecDeque::new(),
        }
    }

    /// The next message, waiting for one; `None` once the client is gone.
    pub(super) fn recv(&mut self) -> Option<Message> {
        match self.held.pop_front() {
            Some(message) => Some(message),
            None => self.receiver.recv().ok(),
        }
    }

    /// The next message at hand, without waiting.
    pub(super) fn try_recv(&mut self) -> Result<Message, TryRecvError> {
        match self.held.pop_front() {
            Some(message) => Ok(message),
            None => self.receiver.try_recv(),
        }
    }

    /// Whether no message is at hand.
    pub(super) fn is_empty(&self) -> bool {
        self.held.is_empty() && self.receiver.is_empty()
    }

    /// Whether a message at hand cancels the request `id` (and if so, that
    /// cancel is taken out: it has done its work).
    pub(super) fn cancelled(&mut self, id: &RequestId) -> bool {
        if self.held.is_empty() {
            while let Ok(message) = self.receiver.try_recv() {
                self.held.push_back(message);
            }
        }
        let position = self.held.iter().position(|m| match m {
            Message::Notification(n) => cancels(n).as_ref() == Some(id),
            _ => false,
        });
        position.and_then(|i| self.held.remove(i)).is_some()
    }
}

/// The request a `$/cancelRequest` names (`None` for anything else, or a
/// cancel whose `id` is no request id).
fn cancels(n: &Notification) -> Option<RequestId> {
    if n.method != CANCEL {
        return None;
    }
    serde_json::from_value(n.params.get("id")?.clone()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cancel(id: serde_json::Value) -> Message {
        Message::Notification(Notification::new(CANCEL.into(), json!({ "id": id })))
    }

    #[test]
    fn a_cancel_at_hand_is_taken_once_and_others_stay_in_order() {
        let (sender, receiver) = crossbeam_channel::unbounded();
        for m in [
            cancel(json!(99)),
            cancel(json!("7")),
            cancel(json!(7)),
            cancel(json!(null)),
        ] {
            sender.send(m).unwrap();
        }
        let mut inbox = Inbox::new(&receiver);
        assert!(inbox.cancelled(&RequestId::from(7)));
        assert!(!inbox.cancelled(&RequestId::from(7)), "taken once");
        assert!(inbox.cancelled(&RequestId::from("7".to_string())));
        assert!(!inbox.cancelled(&RequestId::from(8)));
        // What no request claimed is handled as it came.
        let left: Vec<_> = std::iter::from_fn(|| inbox.try_recv().ok()).collect();
        assert_eq!(left.len(), 2);
        assert!(inbox.is_empty());
    }
}
