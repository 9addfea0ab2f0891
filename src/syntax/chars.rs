//! Character classes of the grammar (`grammar/cx.pest`), with ASCII fast
//! paths. The Unicode categories come from pest's own tables, so the
//! hand-written parser and the pest oracle agree on every character.

/// `ident_start = LETTER | "_"`
pub fn ident_start(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic() || c == '_'
    } else {
        pest::unicode::LETTER(c)
    }
}

/// `ident_char = LETTER | MARK | DECIMAL_NUMBER | CONNECTOR_PUNCTUATION | "-"`
pub fn ident_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_' || c == '-'
    } else {
        pest::unicode::LETTER(c)
            || pest::unicode::MARK(c)
            || pest::unicode::DECIMAL_NUMBER(c)
            || pest::unicode::CONNECTOR_PUNCTUATION(c)
    }
}

/// `WHITESPACE = " " | "\t" | "\u{FEFF}" | "\u{00A0}"`
pub fn whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{FEFF}' | '\u{00A0}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_the_grammar() {
        assert!(ident_start('я') && ident_start('_') && !ident_start('1'));
        assert!(ident_char('-') && ident_char('٣') && !ident_char('.'));
        // A combining mark may continue a name but not start one.
        assert!(ident_char('\u{301}') && !ident_start('\u{301}'));
        assert!(whitespace('\u{A0}') && !whitespace('\n'));
    }
}
