//! JSON as serde_json writes it, with two kinds of character inside strings
//! written as `\uXXXX` escapes: the bidi controls, which would reorder what
//! a reader of the raw text (a terminal, a diff, an editor) sees, and the
//! `[` of `##[`, which GitHub's runner would take for a workflow command
//! anywhere in a line of the log ([`super::workflow`]). Either escape reads
//! back as the same character, so the value is unchanged; only its text is.

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};
use std::io::{self, Write};

/// A formatter that writes string contents through [`fragment`] and
/// everything else as `F` does.
pub struct Inert<F>(F);

impl<F: Formatter> Formatter for Inert<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        self::fragment(writer, fragment)
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// A run of string content that needs no JSON escape (serde_json splits a
/// string only at the characters it escapes, so a `##[` is never split).
fn fragment<W: ?Sized + Write>(writer: &mut W, text: &str) -> io::Result<()> {
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let escape = super::is_bidi(c) || (c == '[' && text[..i].ends_with("##"));
        if escape {
            writer.write_all(&text.as_bytes()[start..i])?;
            write!(writer, "\\u{:04x}", u32::from(c))?;
            start = i + c.len_utf8();
        }
    }
    writer.write_all(&text.as_bytes()[start..])
}

/// `value` as indented JSON (serde_json's layout) into `writer`.
pub fn to_writer_pretty<W: Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(writer, Inert(PrettyFormatter::new()));
    value.serialize(&mut serializer)
}

/// `value` as indented JSON.
pub fn to_vec_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(128);
    to_writer_pretty(&mut out, value)?;
    Ok(out)
}

/// `value` as JSON on one line.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(128);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, Inert(CompactFormatter));
    value.serialize(&mut serializer)?;
    Ok(String::from_utf8(out).expect("serde_json writes UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_is_the_same_and_its_text_shows_no_control() {
        let value = serde_json::json!({
            "name": "a\u{202e}b\u{2066}c\u{061c}",
            "note": "say ##[stop-commands]x, ###[y and # [z",
            "\u{200f}key": ["\"##\"[", 1],
        });
        for text in [
            to_string(&value).unwrap(),
            String::from_utf8(to_vec_pretty(&value).unwrap()).unwrap(),
        ] {
            assert!(!text.chars().any(crate::escape::is_bidi), "{text}");
            assert!(!text.contains("##["), "{text}");
            assert!(
                text.contains("\\u202e") && text.contains("##\\u005b"),
                "{text}"
            );
            let back: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(back, value);
        }
        // Without anything to escape, the text is serde_json's own.
        let plain = serde_json::json!({"a": [1, "b"], "c": {"d": "e[f]#"}});
        assert_eq!(
            to_vec_pretty(&plain).unwrap(),
            serde_json::to_vec_pretty(&plain).unwrap()
        );
        assert_eq!(to_string(&plain).unwrap(), plain.to_string());
    }
}
