//! Keys of cxc.yaml's `exports:` maps that name nothing there is: a channel
//! id under `exports.zendesk.via_ids` the spec lacks, a queue under
//! `exports.taskrouter.queues` no TaskQueue has. Such a setting would be
//! ignored without a word and the thing it was meant for keep its default
//! (audit 14 M6): each is reported at its line in cxc.yaml, with the name
//! it was probably meant to be, or the names there are.

use crate::config::Exports;
use crate::diagnostic::{closest, elide, Code, Diagnostic};
use crate::i18n::{Arg, Message};
use crate::model::Model;
use crate::msg;
use crate::source::Span;

/// A key as a message names it: cut to 64 characters, and every character
/// a terminal would act on shown as an escape (attack 15, L2: a key with a
/// line break in it wrote a line of its own into the terminal's findings).
pub fn shown(name: &str) -> String {
    crate::escape::terminal(&crate::escape::shorten(name, 64), false).into_owned()
}

/// An unknown key at `place`: `message`, and as help the one of `known`
/// it was probably meant to be ("did you mean"), else `listed` with them
/// all (elided when many).
pub fn unknown_key(
    place: Span,
    message: Message,
    name: &str,
    known: &[&str],
    listed: impl FnOnce(Arg) -> Message,
) -> Diagnostic {
    let help = match closest(name, known.iter().copied()) {
        Some(like) => msg!("did-you-mean", name = like),
        None => listed(elide(known.iter(), ", ")),
    };
    Diagnostic::new(Code::InexactExport, place, message).help(help)
}

/// Who reads the `exports:` maps, and so which of their keys are checked.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// A build: `segments`, `channels`, and with the Zendesk export
    /// every `exports.zendesk` map (`zendesk` is whether it is built).
    Build { zendesk: bool },
    /// `cxc measure`, which reads a row's segment and channel by
    /// `segments`, `channels` and `exports.zendesk.organizations`.
    Measure,
}

impl Reader {
    fn reads(self, map: &str) -> bool {
        match self {
            Reader::Build { zendesk } => zendesk || !map.starts_with("exports.zendesk."),
            Reader::Measure => {
                !map.starts_with("exports.zendesk.") || map == "exports.zendesk.organizations"
            }
        }
    }
}

/// The keys of `exports:` maps keyed by a channel or segment id that
/// `reader` reads and that name none of the spec's.
pub fn unknown_spec_keys(
    model: &Model,
    exports: &Exports,
    reader: Reader,
    problems: &mut Vec<Diagnostic>,
) {
    let channels: Vec<&str> = model
        .channels
        .values()
        .map(|c| c.header.id.as_str())
        .collect();
    let segments: Vec<&str> = model
        .segments
        .values()
        .map(|s| s.header.id.as_str())
        .collect();
    let (channel_set, segment_set): (
        std::collections::HashSet<&str>,
        std::collections::HashSet<&str>,
    ) = (
        channels.iter().copied().collect(),
        segments.iter().copied().collect(),
    );
    for key in &exports.spec_keys {
        if !reader.reads(key.map) {
            continue;
        }
        let name = shown(&key.name);
        let problem = if key.channel {
            if channel_set.contains(key.name.as_str()) {
                continue;
            }
            let message = msg!("export-unknown-channel", map = key.map, name = name);
            unknown_key(key.place, message, &key.name, &channels, |known| {
                msg!("export-unknown-channel-help", known = known)
            })
        } else {
            if segment_set.contains(key.name.as_str()) {
                continue;
            }
            let message = msg!("export-unknown-segment", map = key.map, name = name);
            unknown_key(key.place, message, &key.name, &segments, |known| {
                msg!("export-unknown-segment-help", known = known)
            })
        };
        problems.push(problem);
    }
}
