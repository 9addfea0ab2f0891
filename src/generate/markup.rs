//! Escaping for XML and HTML, shared by the BPMN, SVG and site generators.

/// Text safe inside an XML/HTML element or a double- or single-quoted
/// attribute. Characters XML 1.0 forbids (most control characters) are
/// dropped: a spec string must never make a document unreadable.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn nothing_can_open_a_tag_or_end_an_attribute() {
        assert_eq!(
            super::escape("<script>\"x\"&'y'\u{1}</script>"),
            "&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/script&gt;"
        );
    }
}
