//! Latin and Cyrillic letters that look the same (`c` and `с`, `p` and
//! `р`): a name typed with the keyboard layout switched mid-word is another
//! name that looks identical, and "did you mean `частные`?" beside
//! `чаcтные` shows the reader the same word twice. The help says which
//! letter is of the other alphabet instead.

use crate::i18n::Message;
use crate::msg;

/// Each Latin letter with its Cyrillic twin, lower and upper case.
const TWINS: &[(char, char)] = &[
    ('a', 'а'),
    ('c', 'с'),
    ('e', 'е'),
    ('o', 'о'),
    ('p', 'р'),
    ('x', 'х'),
    ('y', 'у'),
    ('k', 'к'),
    ('m', 'м'),
    ('t', 'т'),
    ('h', 'һ'),
    ('b', 'ь'),
    ('A', 'А'),
    ('B', 'В'),
    ('C', 'С'),
    ('E', 'Е'),
    ('H', 'Н'),
    ('K', 'К'),
    ('M', 'М'),
    ('O', 'О'),
    ('P', 'Р'),
    ('T', 'Т'),
    ('X', 'Х'),
    ('Y', 'У'),
];

/// The alphabet of a letter, as far as look-alikes care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Cyrillic,
}

impl Script {
    pub fn of(c: char) -> Option<Script> {
        match c {
            'a'..='z' | 'A'..='Z' => Some(Script::Latin),
            '\u{400}'..='\u{4ff}' => Some(Script::Cyrillic),
            _ => None,
        }
    }

    fn keyword(self) -> &'static str {
        match self {
            Script::Latin => "latin",
            Script::Cyrillic => "cyrillic",
        }
    }
}

fn twins(a: char, b: char) -> bool {
    TWINS
        .iter()
        .any(|&(l, c)| (a, b) == (l, c) || (a, b) == (c, l))
}

/// The letters of `written` (1-based position, letter) that are look-alikes
/// of `name`'s: `Some` only when the two differ in nothing else.
pub fn look_alike_letters(written: &str, name: &str) -> Option<Vec<(usize, char)>> {
    let (w, n): (Vec<char>, Vec<char>) = (written.chars().collect(), name.chars().collect());
    if w.len() != n.len() || w == n {
        return None;
    }
    let mut letters = Vec::new();
    for (i, (&a, &b)) in w.iter().zip(&n).enumerate() {
        if a == b {
            continue;
        }
        if !twins(a, b) {
            return None;
        }
        letters.push((i + 1, a));
    }
    Some(letters)
}

/// "did you mean `name`?", or, when `name` differs from `written` only in
/// look-alike letters, which letters of `written` are of the other alphabet.
pub fn did_you_mean(written: &str, name: &str) -> Message {
    let Some(letters) = look_alike_letters(written, name) else {
        return msg!("did-you-mean", name = name);
    };
    let script = Script::of(letters[0].1).unwrap_or(Script::Latin);
    // "`c` (3-я буква), `a` (5-я буква)": each letter a phrase, joined.
    let said = letters
        .iter()
        .rev()
        .map(|&(position, letter)| {
            msg!(
                "look-alike-letter",
                letter = letter.to_string(),
                position = position
            )
        })
        .reduce(|rest, first| msg!("look-alike-letters", first = first, rest = rest))
        .expect("names that differ differ in a letter");
    msg!(
        "look-alike-help",
        name = written,
        suggestion = name,
        script = script.keyword(),
        count = letters.len(),
        letters = said
    )
}

/// The first letter of `name` in another alphabet than its first letter's
/// (1-based position, letter, its script), when it mixes Latin and Cyrillic
/// letters that look alike — a letter typed in the wrong keyboard layout.
/// A name mixing whole words (`SLA_для_продавцов`) mixes no look-alike into
/// a word of the other alphabet and is not reported.
pub fn mixed_letter(name: &str) -> Option<(usize, char, Script)> {
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let Some(script) = Script::of(c) else {
            continue;
        };
        let is_twin = TWINS.iter().any(|&(l, y)| c == l || c == y);
        if !is_twin {
            continue;
        }
        // The letter's neighbours within its word (between `_`s and digits).
        let word = |range: &mut dyn Iterator<Item = usize>| -> Vec<Script> {
            range
                .map(|j| chars[j])
                .take_while(|ch| Script::of(*ch).is_some())
                .filter_map(Script::of)
                .collect()
        };
        let mut before = (0..i).rev();
        let mut after = i + 1..chars.len();
        let neighbours: Vec<Script> = word(&mut before)
            .into_iter()
            .chain(word(&mut after))
            .collect();
        if !neighbours.is_empty() && neighbours.iter().all(|s| *s != script) {
            return Some((i + 1, c, script));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::Language;

    #[test]
    fn a_latin_letter_in_a_cyrillic_name_is_named_with_its_place() {
        assert_eq!(
            look_alike_letters("чаcтные", "частные"),
            Some(vec![(3, 'c')])
        );
        assert_eq!(look_alike_letters("частные", "частные"), None);
        assert_eq!(look_alike_letters("чостные", "частные"), None);
        let help = did_you_mean("чаcтные", "частные");
        assert_eq!(
            help.text(Language::Ru),
            "`чаcтные` содержит латинскую букву `c` (3-я буква); в `частные` она кириллическая: имена выглядят одинаково, но это разные имена"
        );
        assert_eq!(
            help.text(Language::En),
            "`чаcтные` has the Latin letter `c` (letter 3); in `частные` it is Cyrillic: the names look the same but are different names"
        );
        let two = did_you_mean("сall_сentre", "call_centre").text(Language::Ru);
        assert!(
            two.contains("содержит кириллические буквы `с` (1-я буква), `с` (6-я буква); в `call_centre` они латинские"),
            "{two}"
        );
        assert_eq!(
            did_you_mean("suport", "support").text(Language::En),
            "did you mean `support`?"
        );
    }

    #[test]
    fn a_look_alike_inside_a_word_of_the_other_alphabet_is_found() {
        assert_eq!(mixed_letter("чаcтные"), Some((3, 'c', Script::Latin)));
        assert_eq!(mixed_letter("supрort"), Some((4, 'р', Script::Cyrillic)));
        assert_eq!(mixed_letter("частные"), None);
        assert_eq!(mixed_letter("договорной_SLA_для_продавцов"), None);
        assert_eq!(mixed_letter("сотрудник_ПВЗ"), None);
        assert_eq!(mixed_letter("vip2"), None);
    }
}
