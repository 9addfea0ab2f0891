//! The name a segment, channel or complaint rule goes by in the systems cxc
//! exports to when cxc.yaml gives it none: its identifier in lower case,
//! letters, digits and `_` only (TaskRouter expressions allow no hyphen;
//! Zendesk tags are lower case). The routing exports write it on tasks and
//! tickets, and `cxc measure` reads it back from the data they produce.

/// Lower case; letters, digits and `_` only.
pub fn default_name(id: &str) -> String {
    word(&id.to_lowercase())
}

/// Letters, digits and `_` kept, everything else turned into `_`.
pub fn word(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
