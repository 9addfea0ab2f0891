//! Quotes inside quotes, as Russian typography writes them: «…» outside,
//! „…“ inside. A document quotes a name in «…» and the name may hold
//! «…» of its own (a channel «Чат в приложении «Мой ИнтерЛинк»»): the
//! inner pair becomes „…“ — «Чат в приложении „Мой ИнтерЛинк“» (outside
//! audit 11, L4). Done once on each finished Russian document, so every
//! template and phrase that quotes a name is covered.

/// `text` with every «…» that stands inside another «…» written „…“. A
/// closing » with no open quote before it stays as it is, and so does a
/// pair that is not nested.
pub fn nest(text: &str) -> String {
    if !text.contains('«') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '«' => {
                out.push(if depth > 0 { '„' } else { '«' });
                depth += 1;
            }
            '»' if depth > 1 => {
                out.push('“');
                depth -= 1;
            }
            '»' => {
                out.push('»');
                depth = depth.saturating_sub(1);
            }
            // A paragraph ends every quote: a quote left open in one
            // paragraph never nests the next one's.
            '\n' if out.ends_with('\n') => {
                out.push(c);
                depth = 0;
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::nest;

    #[test]
    fn a_quoted_name_with_quotes_of_its_own_gets_inner_quotes() {
        assert_eq!(
            nest("в канале «Чат в приложении «Мой ИнтерЛинк»»."),
            "в канале «Чат в приложении „Мой ИнтерЛинк“»."
        );
        // Two levels inside.
        assert_eq!(nest("«а «б «в»»»"), "«а „б „в““»");
    }

    #[test]
    fn quotes_side_by_side_and_stray_ones_stay_as_they_are() {
        let plain = "сегменты «Частные», «Бизнес»; этап «Выезд»";
        assert_eq!(nest(plain), plain);
        assert_eq!(nest("стрелка » и «имя»"), "стрелка » и «имя»");
        // An unclosed quote does not reach past its paragraph.
        assert_eq!(nest("«открыта\n\n«Имя»"), "«открыта\n\n«Имя»");
        assert_eq!(nest("no quotes"), "no quotes");
    }
}
