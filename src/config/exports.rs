//! `exports:` in cxc.yaml: the settings of the systems cxc writes to, and
//! the shapes a setting pasted into a vendor's expression must have.

use super::{Exports, Reader, SpecKey};
use crate::i18n::Message;
use crate::msg;
use serde_json::Value;
use std::collections::BTreeMap;

/// The longest task `Timeout` TaskRouter accepts: 30 days.
const MAX_TASK_TIMEOUT: u64 = 30 * 86_400;
const EXPORTS: &[&str] = &["zendesk", "taskrouter", "segments", "channels"];

/// The forms of settings that end up inside a vendor's expressions.
#[derive(Debug, Clone, Copy)]
pub(super) enum Shape {
    /// A TaskRouter task attribute: `segment`, `customer.tier`.
    Attribute,
    /// A Zendesk condition field: `current_tags`, `organization_id`, `custom_fields_360001`.
    ZendeskField,
    /// A TaskRouter TaskQueue SID: `WQ` and 32 hexadecimal digits.
    QueueSid,
    /// A name in every export: lower-case letters, digits and `_`.
    ExportName,
}

impl Shape {
    fn accepts(self, text: &str) -> bool {
        let word = |w: &str| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        };
        match self {
            Shape::Attribute => text.len() <= 128 && text.split('.').all(word),
            Shape::ZendeskField => text.len() <= 128 && word(text),
            Shape::QueueSid => {
                text.len() == 34
                    && text.starts_with("WQ")
                    && text[2..].chars().all(|c| c.is_ascii_hexdigit())
            }
            Shape::ExportName => {
                text.chars().count() <= 64
                    && text
                        .chars()
                        .all(|c| (c.is_alphanumeric() && !c.is_uppercase()) || c == '_')
            }
        }
    }

    fn describe(self) -> Message {
        match self {
            Shape::Attribute => msg!("shape-attribute"),
            Shape::ZendeskField => msg!("shape-zendesk-field"),
            Shape::QueueSid => msg!("shape-queue-sid"),
            Shape::ExportName => msg!("shape-export-name"),
        }
    }

    fn example(self) -> Message {
        match self {
            Shape::Attribute => msg!("shape-attribute-help"),
            Shape::ZendeskField => msg!("shape-zendesk-field-help"),
            Shape::QueueSid => msg!("shape-queue-sid-help"),
            Shape::ExportName => msg!("shape-export-name-help"),
        }
    }
}

impl Reader<'_> {
    pub(super) fn exports(&mut self, value: &Value, exports: &mut Exports) {
        let Some(map) = value.as_object() else { return };
        for (system, settings) in map {
            if let ("segments" | "channels", Some(names)) = (system.as_str(), settings.as_object())
            {
                let channel = system == "channels";
                for (id, value) in names {
                    if let Some(value) = self.code_setting(id, value, Shape::ExportName) {
                        let (map, target) = if channel {
                            ("exports.channels", &mut exports.channel_values)
                        } else {
                            ("exports.segments", &mut exports.segment_values)
                        };
                        target.insert(id.clone(), value);
                        self.spec_key(&mut exports.spec_keys, map, channel, id);
                    }
                }
                continue;
            }
            let Some(settings) = settings.as_object() else {
                if !EXPORTS.contains(&system.as_str()) {
                    self.unknown(system, msg!("config-export"), EXPORTS);
                }
                continue;
            };
            for (key, value) in settings {
                match (system.as_str(), key.as_str()) {
                    ("zendesk", "segment_field") => {
                        exports.zendesk_segment_field =
                            self.code_setting(key, value, Shape::ZendeskField)
                    }
                    ("taskrouter", "segment_attribute") => {
                        exports.taskrouter_segment_attribute =
                            self.code_setting(key, value, Shape::Attribute)
                    }
                    ("taskrouter", "queues") => match value.as_object() {
                        Some(queues) => {
                            for (queue, sid) in queues {
                                if let Some(sid) = self.code_setting(queue, sid, Shape::QueueSid) {
                                    let place = self.find(queue);
                                    exports.taskrouter_queue_places.insert(queue.clone(), place);
                                    exports.taskrouter_queues.insert(queue.clone(), sid);
                                }
                            }
                        }
                        None => {
                            let span = self.find(key);
                            self.error(span, msg!("config-queues"), msg!("config-queues-help"));
                        }
                    },
                    ("zendesk", "organizations" | "via_ids" | "ticket_forms" | "brands") => {
                        let lists = self.id_lists(key, value);
                        let (map, into, channel) = match key.as_str() {
                            "organizations" => (
                                "exports.zendesk.organizations",
                                &mut exports.zendesk_organizations,
                                false,
                            ),
                            "via_ids" => (
                                "exports.zendesk.via_ids",
                                &mut exports.zendesk_via_ids,
                                true,
                            ),
                            "ticket_forms" => (
                                "exports.zendesk.ticket_forms",
                                &mut exports.zendesk_ticket_forms,
                                true,
                            ),
                            _ => ("exports.zendesk.brands", &mut exports.zendesk_brands, true),
                        };
                        for name in lists.keys() {
                            self.spec_key(&mut exports.spec_keys, map, channel, name);
                        }
                        *into = lists;
                    }
                    ("zendesk", "channel_tags") => {
                        for (channel, tag) in value.as_object().into_iter().flatten() {
                            if let Some(tag) = self.code_setting(channel, tag, Shape::ExportName) {
                                exports.zendesk_channel_tags.insert(channel.clone(), tag);
                                let map = "exports.zendesk.channel_tags";
                                self.spec_key(&mut exports.spec_keys, map, true, channel);
                            }
                        }
                    }
                    ("taskrouter", "task_timeout") => match value.as_u64() {
                        Some(seconds) if (1..=MAX_TASK_TIMEOUT).contains(&seconds) => {
                            exports.taskrouter_task_timeout = Some(seconds)
                        }
                        _ => {
                            let span = self.find(key);
                            self.error(
                                span,
                                msg!("config-task-timeout", max = MAX_TASK_TIMEOUT),
                                msg!("config-task-timeout-help"),
                            );
                        }
                    },
                    ("taskrouter", "fallback_queue") => {
                        exports.taskrouter_fallback_queue =
                            self.code_setting(key, value, Shape::QueueSid)
                    }
                    ("zendesk", other) => self.unknown(
                        other,
                        msg!("config-zendesk-setting"),
                        &[
                            "segment_field",
                            "organizations",
                            "via_ids",
                            "ticket_forms",
                            "brands",
                            "channel_tags",
                        ],
                    ),
                    ("taskrouter", other) => self.unknown(
                        other,
                        msg!("config-taskrouter-setting"),
                        &[
                            "queues",
                            "segment_attribute",
                            "task_timeout",
                            "fallback_queue",
                        ],
                    ),
                    (other, _) => {
                        self.unknown(other, msg!("config-export"), EXPORTS);
                        break;
                    }
                }
            }
        }
    }

    /// Notes where `name`, a key of `map` naming a channel (else a
    /// segment), is written, for the exports to check it names one.
    pub(super) fn spec_key(
        &self,
        keys: &mut Vec<SpecKey>,
        map: &'static str,
        channel: bool,
        name: &str,
    ) {
        keys.push(SpecKey {
            map,
            channel,
            name: name.to_string(),
            place: self.find(name),
        });
    }

    /// `name: [id, ...]` (or `name: id`) for each name of a map of whole
    /// numbers: Zendesk organization ids by segment, via ids by channel.
    pub(super) fn id_lists(&mut self, key: &str, value: &Value) -> BTreeMap<String, Vec<u64>> {
        let mut found = BTreeMap::new();
        let Some(map) = value.as_object() else {
            let span = self.find(key);
            self.error(
                span,
                msg!("config-id-lists", key = crate::escape::shorten(key, 64)),
                msg!(
                    "config-id-lists-help",
                    key = crate::escape::shorten(key, 64)
                ),
            );
            return found;
        };
        for (name, ids) in map {
            let list: Option<Vec<u64>> = match ids {
                Value::Array(items) => items.iter().map(Value::as_u64).collect(),
                other => other.as_u64().map(|id| vec![id]),
            };
            match list {
                Some(list) if !list.is_empty() => {
                    found.insert(name.clone(), list);
                }
                _ => {
                    let span = self.find(name);
                    self.error(
                        span,
                        msg!(
                            "config-ids",
                            name = crate::escape::shorten(name, 64),
                            key = crate::escape::shorten(key, 64)
                        ),
                        msg!("config-ids-help", name = crate::escape::shorten(name, 64)),
                    );
                }
            }
        }
        found
    }

    pub(super) fn text_setting(&mut self, key: &str, value: &Value) -> Option<String> {
        match value {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            _ => {
                let span = self.find(key);
                self.error(
                    span,
                    msg!("config-text", key = crate::escape::shorten(key, 64)),
                    msg!("config-text-help"),
                );
                None
            }
        }
    }

    /// A setting that is pasted into an expression or a filter in a vendor's
    /// system: it must have exactly the shape that system expects, or it
    /// could change what the expression means.
    pub(super) fn code_setting(
        &mut self,
        key: &str,
        value: &Value,
        shape: Shape,
    ) -> Option<String> {
        let text = self.text_setting(key, value)?;
        if shape.accepts(&text) {
            return Some(text);
        }
        let span = self.find(key);
        self.error(
            span,
            msg!(
                "config-shape",
                key = crate::escape::shorten(key, 64),
                shape = shape.describe(),
                value = crate::escape::shorten(&text, 64)
            ),
            shape.example(),
        );
        None
    }
}
