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
            // Latin with its letters for Polish, Kazakh in Latin, German…
            'a'..='z' | 'A'..='Z' => Some(Script::Latin),
            '\u{c0}'..='\u{24f}' if c != '×' && c != '÷' => Some(Script::Latin),
            '\u{400}'..='\u{52f}' => Some(Script::Cyrillic),
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
    let said = letters_said(&letters);
    msg!(
        "look-alike-help",
        name = written,
        suggestion = name,
        script = script.keyword(),
        count = letters.len(),
        letters = said
    )
}

/// A name with a word that mixes the two alphabets: the letters of the
/// word's minority alphabet (1-based position in the name, letter), the
/// alphabet they are in, and the name as it was probably meant when every
/// such letter has a twin in the word's own alphabet (`чаcтные` with a
/// Latin `c` → `частные`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mixed {
    pub letters: Vec<(usize, char)>,
    pub script: Script,
    pub meant: Option<String>,
}

/// Whether a word of `name` mixes Latin and Cyrillic letters — a letter
/// typed with the keyboard layout switched (`чаcтные`), or two words written
/// together (`VIPчат`). A word is a run of letters: `_`, `-`, digits and
/// anything else not a letter part words, so a name of words each in one
/// alphabet (`чат_VIP`, `договорной_SLA_для_продавцов`, `тариф2026`) mixes
/// nothing. The first such word is reported; in it, the letters of the
/// alphabet fewer of its letters are in (on a tie, not the first letter's).
pub fn mixed_script(name: &str) -> Option<Mixed> {
    if name.is_ascii() {
        return None;
    }
    let chars: Vec<char> = name.chars().collect();
    let mut start = 0;
    while start < chars.len() {
        if !chars[start].is_alphabetic() {
            start += 1;
            continue;
        }
        let end = (start..chars.len())
            .find(|&i| !chars[i].is_alphabetic())
            .unwrap_or(chars.len());
        let word = &chars[start..end];
        let count = |script| {
            word.iter()
                .filter(|&&c| Script::of(c) == Some(script))
                .count()
        };
        let (latin, cyrillic) = (count(Script::Latin), count(Script::Cyrillic));
        if latin > 0 && cyrillic > 0 {
            let first = word.iter().find_map(|&c| Script::of(c));
            let script = match latin.cmp(&cyrillic) {
                std::cmp::Ordering::Less => Script::Latin,
                std::cmp::Ordering::Greater => Script::Cyrillic,
                std::cmp::Ordering::Equal if first == Some(Script::Latin) => Script::Cyrillic,
                std::cmp::Ordering::Equal => Script::Latin,
            };
            let letters: Vec<(usize, char)> = (start..end)
                .filter(|&i| Script::of(chars[i]) == Some(script))
                .map(|i| (i + 1, chars[i]))
                .collect();
            let meant: Option<String> = chars
                .iter()
                .enumerate()
                .map(
                    |(i, &c)| match (start..end).contains(&i) && Script::of(c) == Some(script) {
                        true => twin(c),
                        false => Some(c),
                    },
                )
                .collect();
            return Some(Mixed {
                letters,
                script,
                meant,
            });
        }
        start = end;
    }
    None
}

/// The letter of the other alphabet that looks the same, if there is one.
fn twin(c: char) -> Option<char> {
    TWINS.iter().find_map(|&(l, y)| match c {
        _ if c == l => Some(y),
        _ if c == y => Some(l),
        _ => None,
    })
}

/// Letters as a phrase: "`c` (letter 3), `e` (letter 7)".
fn letters_said(letters: &[(usize, char)]) -> Message {
    letters
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
        .expect("a mixed word has a letter of each alphabet")
}

/// The `mixed-script-name` message and help for `name`, if it mixes.
pub fn mixed_script_words(name: &str) -> Option<(Message, Message)> {
    let mixed = mixed_script(name)?;
    let message = msg!(
        "mixed-script-name",
        name = name,
        script = mixed.script.keyword(),
        count = mixed.letters.len(),
        letters = letters_said(&mixed.letters)
    );
    let help = match &mixed.meant {
        Some(meant) => msg!(
            "mixed-script-name-help",
            script = mixed.script.keyword(),
            count = mixed.letters.len(),
            meant = meant.as_str()
        ),
        None => msg!("mixed-script-name-help-words", name = name),
    };
    Some((message, help))
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
    fn a_word_mixing_the_alphabets_is_found_and_words_each_in_one_are_not() {
        let mixed = mixed_script("чаcтные").unwrap();
        assert_eq!(mixed.letters, [(3, 'c')]);
        assert_eq!(mixed.script, Script::Latin);
        assert_eq!(mixed.meant.as_deref(), Some("частные"));
        // The reverse: a Cyrillic `р` in a Latin word, in the second word.
        let mixed = mixed_script("vip_supрort").unwrap();
        assert_eq!(mixed.letters, [(8, 'р')]);
        assert_eq!(mixed.script, Script::Cyrillic);
        assert_eq!(mixed.meant.as_deref(), Some("vip_support"));
        // Two Latin look-alikes in one word are both named.
        assert_eq!(
            mixed_script("чаcтныe").unwrap().letters,
            [(3, 'c'), (7, 'e')]
        );
        // A letter without a twin: no name to suggest.
        let mixed = mixed_script("чаsтные").unwrap();
        assert_eq!((mixed.letters, mixed.meant), (vec![(3, 's')], None));
        // Two words written together: the tie goes against the first letter's.
        assert_eq!(
            mixed_script("VIPчат").unwrap().letters,
            [(4, 'ч'), (5, 'а'), (6, 'т')]
        );
        for silent in [
            "частные",
            "чат_VIP",
            "договорной_SLA_для_продавцов",
            "сотрудник_ПВЗ",
            "тариф2026B2B",
            "vip2",
            "hub-Łódź",
            "",
        ] {
            assert_eq!(mixed_script(silent), None, "{silent}");
        }
    }

    #[test]
    fn the_mixed_name_says_which_letter_and_where_in_both_languages() {
        let (message, help) = mixed_script_words("чаcтные").unwrap();
        assert_eq!(
            message.text(Language::Ru),
            "в имени `чаcтные` смешаны алфавиты: латинская буква `c` (3-я буква) среди кириллических"
        );
        assert_eq!(
            message.text(Language::En),
            "the name `чаcтные` mixes alphabets: the Latin letter `c` (letter 3) among Cyrillic ones"
        );
        assert!(
            help.text(Language::Ru).contains("`частные`"),
            "{}",
            help.text(Language::Ru)
        );
        assert!(
            help.text(Language::En).contains("`частные`"),
            "{}",
            help.text(Language::En)
        );
        let (message, help) = mixed_script_words("VIPчат").unwrap();
        assert!(
            message.text(Language::En).contains(
                "the Cyrillic letters `ч` (letter 4), `а` (letter 5), `т` (letter 6) among Latin ones"
            ),
            "{}",
            message.text(Language::En)
        );
        assert!(
            help.text(Language::Ru).contains("`_`"),
            "{}",
            help.text(Language::Ru)
        );
        assert!(mixed_script_words("чат_VIP").is_none());
    }
}
