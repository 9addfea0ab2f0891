//! The names segments, channels and complaint rules go by inside the systems
//! cxc exports to: a Zendesk tag, a TaskRouter task attribute value. One
//! spelling per thing, used by every export and written into
//! `routing.yaml`, so that the value a telephony integration sets on a task
//! is the value the ticketing system filters on.
//!
//! By default a name is the identifier in lower case with everything but
//! letters, digits and `_` turned into `_` (TaskRouter expressions allow no
//! hyphen; Zendesk tags are lower case). `exports.segments` and
//! `exports.channels` in cxc.yaml set others. Two things that would end up
//! with one name (`vip-1` and `vip_1`) are an `export-conflict` error: one of
//! them would silently receive the other's contacts.

use crate::config::Exports;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Channel, Complaint, Header, Idx, Model, Segment};
use crate::msg;
use std::collections::{BTreeMap, HashMap};

pub struct ExportNames {
    segments: Vec<String>,
    channels: Vec<String>,
    complaints: Vec<String>,
}

impl ExportNames {
    pub fn new(model: &Model, exports: &Exports, problems: &mut Vec<Diagnostic>) -> ExportNames {
        let named = |headers: Vec<&Header>,
                     configured: &BTreeMap<String, String>,
                     what: &str,
                     problems: &mut Vec<Diagnostic>| {
            let mut taken: HashMap<String, &Header> = HashMap::new();
            headers
                .iter()
                .map(|header| {
                    let value = configured
                        .get(header.id.as_str())
                        .cloned()
                        .unwrap_or_else(|| default_name(&header.id));
                    if let Some(first) = taken.get(&value) {
                        problems.push(
                            Diagnostic::new(
                                Code::ExportConflict,
                                header.span,
                                msg!(
                                    "export-conflict",
                                    kind = what,
                                    first = &first.id,
                                    second = &header.id,
                                    value = value.as_str()
                                ),
                            )
                            .label(first.span, msg!("export-conflict-label"))
                            .help(msg!("export-conflict-help", kind = what)),
                        );
                    } else {
                        taken.insert(value.clone(), header);
                    }
                    value
                })
                .collect()
        };
        ExportNames {
            segments: named(
                model.segments.values().map(|s| &s.header).collect(),
                &exports.segment_values,
                "segment",
                problems,
            ),
            channels: named(
                model.channels.values().map(|c| &c.header).collect(),
                &exports.channel_values,
                "channel",
                problems,
            ),
            complaints: named(
                model.complaints.values().map(|c| &c.header).collect(),
                &BTreeMap::new(),
                "complaint",
                problems,
            ),
        }
    }

    pub fn segment(&self, id: Idx<Segment>) -> &str {
        &self.segments[id.index()]
    }

    pub fn channel(&self, id: Idx<Channel>) -> &str {
        &self.channels[id.index()]
    }

    /// A complaint rule's name: the `complaint` attribute of its tasks.
    pub fn complaint(&self, id: Idx<Complaint>) -> &str {
        &self.complaints[id.index()]
    }

    /// The tag a complaint ticket carries: `complaint_<name>`.
    pub fn complaint_tag(&self, id: Idx<Complaint>) -> String {
        format!("complaint_{}", self.complaint(id))
    }
}

pub use crate::model::export_names::{default_name, word};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_lower_case_words() {
        assert_eq!(default_name("Key-Accounts"), "key_accounts");
        assert_eq!(default_name("vip' OR '1"), "vip__or__1");
        assert_eq!(default_name("Ключевые"), "ключевые");
    }
}
