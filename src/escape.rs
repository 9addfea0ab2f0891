//! Escaping for every format a spec string lands in. Spec text comes from
//! people the CI does not trust, so each output format has exactly one
//! function here that makes any string inert in it, and every writer goes
//! through it: terminals, Markdown, Mermaid, DOT, XML/HTML, YAML, JSON
//! ([`json`]) and the log of a GitHub Actions job ([`workflow`]).
//!
//! Bidirectional controls ([`is_bidi`]) reorder the text around them when
//! shown ("Trojan Source"): a name can be made to read as another. They are
//! shown as escapes where the format has escapes that keep the value
//! (terminal, YAML, JSON) and dropped where it has none (Markdown, Mermaid,
//! DOT, XML and HTML, so SVG, BPMN and Word too), as control characters are.

pub mod json;
pub mod workflow;

pub use workflow::{unified_diff, workflow};

use std::borrow::Cow;

/// The Unicode bidirectional controls: embeddings and overrides
/// (U+202A–U+202E), isolates (U+2066–U+2069) and the implicit marks
/// (U+200E, U+200F, U+061C).
pub fn is_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Characters a terminal or a text viewer would act on instead of showing:
/// C0 and C1 controls, DEL, and the Unicode controls that reorder or break
/// lines (bidi controls, line and paragraph separators).
fn is_active(c: char) -> bool {
    c.is_control() || is_bidi(c) || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

/// Text for a terminal: every active character shown as `\u{1b}`, so that
/// no spec string, path or argument can move the cursor, retitle the
/// window or hide text. Line breaks and tabs stay when `multiline`.
pub fn terminal(text: &str, multiline: bool) -> Cow<'_, str> {
    let keep = |c: char| multiline && (c == '\n' || c == '\t');
    if !text.chars().any(|c| is_active(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_active(c) && !keep(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Like [`terminal`], but every active character is replaced by a visible
/// one of the same length in bytes, so byte offsets into the text (the spans
/// of a source excerpt) stay valid. Tabs and line breaks stay.
pub fn terminal_same_width(text: &str) -> Cow<'_, str> {
    let active = |c: char| is_active(c) && !matches!(c, '\t' | '\n');
    // Printable ASCII needs no look at characters (a large spec is read
    // whole once a finding in it is quoted).
    let plain = |b: &u8| matches!(b, b' '..=b'~' | b'\t' | b'\n');
    if text.as_bytes().iter().all(plain) || !text.chars().any(active) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if !active(c) {
                    return c;
                }
                match c.len_utf8() {
                    1 => '?',
                    2 => '¿',
                    _ => '\u{FFFD}',
                }
            })
            .collect(),
    )
}

/// Text that reads as itself anywhere inline in Markdown: in a paragraph, a
/// list item, a heading or a table cell. HTML-significant characters become
/// entities (no tag, comment or autolink can open), the punctuation that
/// starts links, images, emphasis, code and table cells is backslash-escaped,
/// a `&` only where it would start an entity (`&amp;copy;` stays text),
/// line breaks become spaces (no spec string can start a heading or a list),
/// and a leading character that would start a block is escaped.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // A `&` starts an entity only before a name or `#` (`&copy;`,
            // `&#60;`): elsewhere it is a plain character, and "Corporate &
            // events" reads as written in the raw file too.
            '&' if chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("&amp;")
            }
            '\\' | '`' | '*' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // Intraword underscores (`vip_line`) never emphasise; others may.
            '_' => {
                let inside = i > 0
                    && chars[i - 1].is_alphanumeric()
                    && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                if !inside {
                    out.push('\\');
                }
                out.push('_');
            }
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() || is_bidi(c) => {}
            '#' | '-' | '+' | '=' if out.trim().is_empty() => {
                out.push('\\');
                out.push(c);
            }
            // `1. ` or `1) ` at the start would begin an ordered list.
            '.' | ')'
                if !out.is_empty()
                    && out.chars().all(|d| d.is_ascii_digit())
                    && chars.get(i + 1).is_none_or(|n| n.is_whitespace()) =>
            {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// `text` as a Markdown code span in a table cell: shown exactly as typed
/// whatever it holds. The fence is one backtick longer than the longest run
/// inside (a backtick in a name cannot close it), padded where the text
/// begins or ends with one; `|` is escaped, as a table cell needs even in
/// code; line breaks become spaces, control and bidi characters go.
pub fn markdown_code(text: &str) -> String {
    let mut body = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => body.push(' '),
            '|' => body.push_str("\\|"),
            c if c.is_control() || is_bidi(c) => {}
            c => body.push(c),
        }
    }
    if body.trim().is_empty() {
        // An empty or blank span would not read as one.
        return markdown(text);
    }
    let mut longest = 0;
    let mut run = 0;
    for c in body.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let edge = |c: char| body.starts_with(c) || body.ends_with(c);
    let spaced = body.starts_with(' ') && body.ends_with(' ');
    let pad = if edge('`') || spaced { " " } else { "" };
    format!("{fence}{pad}{body}{pad}{fence}")
}

/// Text safe inside an XML/HTML element or a double- or single-quoted
/// attribute. Characters XML 1.0 forbids (most control characters) and
/// bidi controls are dropped: a spec string must never make a document
/// unreadable, nor make it read as something else.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if !kept_in_documents(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether a document (XML, HTML, Word) keeps `c`: XML 1.0 forbids most
/// control characters, even escaped, and a bidi control has no escape that
/// a reader would see.
pub fn kept_in_documents(c: char) -> bool {
    (matches!(c, '\t' | '\n' | '\r') || !((c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}'))
        && !is_bidi(c)
}

/// A Mermaid label (inside `"..."`): entity codes for every character that
/// could end the label, start markup or open a directive (`%%{init}%%`).
pub fn mermaid(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '|' => out.push_str("#124;"),
            '#' => out.push_str("#35;"),
            '%' => out.push_str("#37;"),
            '`' => out.push_str("#96;"),
            '{' => out.push_str("#123;"),
            '}' => out.push_str("#125;"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() || is_bidi(c) => {}
            _ => out.push(c),
        }
    }
    out
}

/// A DOT quoted string may hold anything but an unescaped `"`; a backslash
/// would start an escape sequence.
pub fn dot(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() || is_bidi(c) => {}
            _ => out.push(c),
        }
    }
    out
}

/// A YAML double-quoted scalar. YAML allows only printable characters in a
/// stream, so everything else (C0, DEL, C1, surrogates, U+FFFE/FFFF) is
/// written as an escape, and the result reads back as exactly `text`.
pub fn yaml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7F}' => {
                out.push_str(&format!("\\x{:02X}", c as u32))
            }
            c if ('\u{80}'..='\u{9F}').contains(&c)
                || is_bidi(c)
                || c == '\u{FEFF}'
                || c == '\u{FFFE}'
                || c == '\u{FFFF}'
                || c == '\u{2028}'
                || c == '\u{2029}' =>
            {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// At most `max` characters of `text`, with `…` where it was cut.
pub fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
    }
}

/// `text` in at most `max` characters, the last one `…` when it was cut:
/// a label that must fit a box.
pub fn fit(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some(_) => shorten(text, max.saturating_sub(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_keeps_what_fits_and_cuts_the_rest_to_the_width() {
        assert_eq!(fit("abcdef", 6), "abcdef");
        assert_eq!(fit("abcdefg", 6), "abcde…");
        assert_eq!(fit("Приём", 3), "Пр…");
    }

    #[test]
    fn terminals_see_escapes_not_commands() {
        assert_eq!(
            terminal("a\x1b]0;pwned\x07\x1b[2J", false),
            "a\\u{1b}]0;pwned\\u{7}\\u{1b}[2J"
        );
        assert_eq!(terminal("x\u{202e}y\u{9b}", false), "x\\u{202e}y\\u{9b}");
        assert_eq!(terminal("two\nlines", true), "two\nlines");
        assert_eq!(terminal("two\nlines", false), "two\\u{a}lines");
        assert!(matches!(terminal("plain", false), Cow::Borrowed(_)));
    }

    #[test]
    fn same_width_replacements_keep_offsets() {
        let text = "a\x1bb\u{9b}c\u{202e}d\te\n";
        let safe = terminal_same_width(text);
        assert_eq!(safe.len(), text.len());
        assert_eq!(safe, "a?b¿c\u{FFFD}d\te\n");
    }

    #[test]
    fn markdown_strings_stay_text() {
        assert_eq!(
            markdown("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(
            markdown("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(markdown("a\n# Heading"), "a # Heading");
        assert_eq!(markdown("# Heading"), "\\# Heading");
        assert_eq!(markdown("- item"), "\\- item");
        assert_eq!(markdown("1. first"), "1\\. first");
        assert_eq!(markdown("4.2"), "4.2");
        assert_eq!(markdown("a | b"), "a \\| b");
        assert_eq!(markdown("vip_line _x_"), "vip_line \\_x\\_");
        assert_eq!(markdown("**bold** `code`"), "\\*\\*bold\\*\\* \\`code\\`");
        assert_eq!(markdown("Key accounts — 20%"), "Key accounts — 20%");
        // Outside audit 4, L7: HR reads the raw file; a `&` that starts no
        // entity stays as written, one that would is escaped.
        assert_eq!(markdown("Corporate & events"), "Corporate & events");
        assert_eq!(markdown("R&D"), "R&amp;D");
        assert_eq!(
            markdown("&copy; &#60; &lt;"),
            "&amp;copy; &amp;#60; &amp;lt;"
        );
        assert_eq!(markdown("a &"), "a &");
    }

    /// Whatever a name holds, a CommonMark renderer shows it as written:
    /// random strings of the characters Markdown reads as markup, each
    /// rendered as a paragraph, give back their own text and nothing else.
    #[test]
    fn markdown_renders_every_name_as_its_own_text() {
        use pulldown_cmark::{Event, Parser};
        const PIECES: [&str; 24] = [
            "&", "#", ";", "amp", "copy", "60", "x3C", "<", ">", "*", "_", "[", "]", "(", ")", "`",
            "\\", "|", "~", "!", " ", "a", "Ж", "1.",
        ];
        let seed = 0x00e5_ca9e;
        println!("seed {seed:#x}");
        let mut random = crate::testing::Random(seed);
        for _ in 0..3000 {
            let text: String = (0..1 + random.below(10))
                .map(|_| PIECES[random.below(PIECES.len() as u64) as usize])
                .collect();
            let written = text.trim();
            if written.is_empty() {
                continue;
            }
            let escaped = markdown(written);
            let mut shown = String::new();
            for event in Parser::new(&escaped) {
                match event {
                    Event::Text(t) | Event::Code(t) => shown.push_str(&t),
                    Event::Start(pulldown_cmark::Tag::Paragraph)
                    | Event::End(pulldown_cmark::TagEnd::Paragraph) => {}
                    other => panic!("{written:?} as {escaped:?} gives {other:?}"),
                }
            }
            assert_eq!(shown, written, "{written:?} as {escaped:?}");
        }
    }

    #[test]
    fn markdown_code_spans_hold_any_name() {
        assert_eq!(markdown_code("fax"), "`fax`");
        assert_eq!(markdown_code("a`b"), "``a`b``");
        assert_eq!(markdown_code("``x"), "``` ``x ```");
        assert_eq!(markdown_code(" a "), "`  a  `");
        assert_eq!(markdown_code("a|b\nc"), "`a\\|b c`");
        assert_eq!(markdown_code(""), "");
    }

    #[test]
    fn mermaid_labels_cannot_break_out() {
        assert_eq!(
            mermaid("a\"]; click s0 \"<script>\""),
            "a#quot;]; click s0 #quot;#lt;script#gt;#quot;"
        );
        assert_eq!(mermaid("x|y #1"), "x#124;y #35;1");
        assert!(!mermaid("%%{init: {'theme':'dark'}}%%").contains('%'));
        assert!(!mermaid("%%{init: {'theme':'dark'}}%%").contains('{'));
    }

    #[test]
    fn dot_and_xml_escape_their_quotes() {
        assert_eq!(dot("a\"] x [\\"), "a\\\"] x [\\\\");
        assert_eq!(
            xml("<script>\"x\"&'y'\u{1}</script>"),
            "&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn yaml_strings_hold_only_printable_characters() {
        assert_eq!(yaml_string("a\u{7f}b"), "\"a\\x7Fb\"");
        assert_eq!(yaml_string("\u{85}\"\\"), "\"\\u0085\\\"\\\\\"");
        assert_eq!(yaml_string("ключ: x"), "\"ключ: x\"");
    }

    /// Every bidi control, and a name that reads reversed with them.
    const BIDI: &str = "\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}\u{2066}\u{2067}\u{2068}\u{2069}\u{200e}\u{200f}\u{61c}";

    #[test]
    fn bidi_controls_are_escaped_or_dropped_in_every_format() {
        let text = format!("admin{BIDI}nimda");
        assert!(text.chars().filter(|&c| is_bidi(c)).count() == 12);
        // Escaped where the format has escapes that keep the value.
        let shown = terminal(&text, true);
        assert!(
            shown.contains("\\u{202e}") && shown.contains("\\u{61c}"),
            "{shown}"
        );
        assert_eq!(terminal_same_width(&text).len(), text.len());
        let yaml = yaml_string(&text);
        assert!(
            yaml.contains("\\u202E") && yaml.contains("\\u061C"),
            "{yaml}"
        );
        // Dropped where it has none.
        for (format, out) in [
            ("terminal", shown.into_owned()),
            ("same width", terminal_same_width(&text).into_owned()),
            ("yaml", yaml),
            ("markdown", markdown(&text)),
            ("xml", xml(&text)),
            ("mermaid", mermaid(&text)),
            ("dot", dot(&text)),
        ] {
            assert!(!out.chars().any(is_bidi), "{format}: {out:?}");
        }
        assert_eq!(markdown(&text), "adminnimda");
        assert_eq!(xml(&text), "adminnimda");
        assert!(!text.chars().all(kept_in_documents));
    }

    #[test]
    fn shortening_counts_characters() {
        assert_eq!(shorten("привет", 3), "при…");
        assert_eq!(shorten("abc", 3), "abc");
    }
}
