//! Which of a segment's channels each of its SLAs' channel-less targets
//! governs, for the standards page: by the guide's rule a channel that
//! another SLA of the segment names belongs to that SLA
//! ([`Model::sla_governs`]), so "any channel" would promise a target the
//! exports, `cxc measure` and the dbt project do not hold there (audit 16,
//! M5: Premium's 24 hours were said of VK and of the refund form).

use crate::model::Model;
use std::collections::BTreeMap;

/// By segment id, then SLA id: the labels of the channels the SLA's
/// targets without a channel govern for that segment, in the order the
/// segment uses them. A segment that uses no channel has none listed (its
/// page says "any").
pub(super) fn governed(model: &Model) -> BTreeMap<&str, BTreeMap<&str, Vec<&str>>> {
    let mut out: BTreeMap<&str, BTreeMap<&str, Vec<&str>>> = BTreeMap::new();
    for (segment, s) in model.segments.iter() {
        let channels = model.segment_channels(segment);
        let by_sla = out.entry(s.header.id.as_str()).or_default();
        for (_, sla) in model.slas_of(segment) {
            let labels = (channels.iter())
                .filter(|&&c| model.sla_governs(segment, sla, c))
                .map(|&c| model.channels[c].header.label())
                .collect();
            by_sla.insert(sla.header.id.as_str(), labels);
        }
    }
    out
}
