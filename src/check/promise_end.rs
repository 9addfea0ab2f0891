//! Whether a promise timed `to` a step means that step's start or its
//! outcome, read from the promise's own words (`promise-to-step-start`).
//! The language cannot say it: `to STEP` always counts up to the step's
//! start. A CX lead reads it from what the promise tells the customer:
//! - someone arriving or getting in touch — "a plumber with you within 4
//!   hours", "we call you back", «мастер приедет», «перезвоним»,
//!   «передадим в доставку» — is the start of the step that does the work;
//! - a result — "resolved", "repaired", "refund", "decision", «решим»,
//!   «устраним», «вернём» — is its end.
//!
//! The act named last decides ("we call you back and fix it" promises the
//! fix; «изготовим карту и передадим в доставку» the hand-over). The title
//! is read first, as the customer reads it; the description only when the
//! title names neither. A promise naming only a thing ("a courtesy car
//! within 24 hours") means having it: the outcome; naming only someone who
//! comes ("a technician within 4 hours for life-support outages", outside
//! audit 7) means their arrival: the start.

/// What a promise's end means for the step it is timed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    /// Someone arrives or gets in touch: the step's start.
    Start,
    /// A result is delivered: the step's end.
    Outcome,
}

/// Acts that start a step: arriving, visiting, getting in touch, handing
/// over. Matched at the start of a word (a stem) or as a phrase of words.
const START: &[&str] = &[
    "with you",
    "on site",
    "on-site",
    "at your door",
    "on your doorstep",
    "be there",
    "arrive",
    "arrival of",
    "visit",
    "call you back",
    "call back",
    "ring you back",
    "phone you back",
    "contact you",
    "get in touch",
    "get back to you",
    "reply",
    "respond",
    "dispatch",
    "hand over",
    "hand it over",
    // Someone who comes, named alone ("a technician within 4 hours"):
    // what is promised is that they are there.
    "technician",
    "engineer",
    "plumber",
    "electrician",
    "locksmith",
    "adjuster",
    "courier",
    "приед",
    "прибуд",
    "придёт",
    "придет",
    "выед",
    "навест",
    "перезвон",
    "свяж",
    "позвон",
    "ответим",
    "передад",
    "отправ",
    "мастер",
    "инженер",
    "курьер",
    "сантехник",
    "электрик",
];

/// Acts that end a step: a result the customer has.
const OUTCOME: &[&str] = &[
    "resolv",
    "solve",
    "fix",
    "repair",
    "refund",
    "decision",
    "decide",
    "settle",
    "restor",
    "replac",
    "deliver",
    "ready",
    "done",
    "complet",
    "install",
    "connect",
    "pay",
    "paid",
    "return",
    "back in",
    "get your",
    "you get",
    "you will get",
    "you'll get",
    "реш",
    "устран",
    "вернём",
    "вернем",
    "возврат",
    "возвращ",
    "отремонт",
    "почин",
    "доставим",
    "подключ",
    "восстанов",
    "выплат",
    "замен",
    "установ",
    "готов",
    "выдад",
    "получит",
];

/// What the promise's words say it ends with, the title read before the
/// description; `None` when neither names an act of either kind.
pub fn meaning<'a>(wording: impl IntoIterator<Item = &'a str>) -> Option<Meaning> {
    wording.into_iter().find_map(last_act)
}

/// The kind of the act named last in `text`.
fn last_act(text: &str) -> Option<Meaning> {
    let words = words(text);
    let mut last = None;
    for at in 0..words.len() {
        let rest = &words[at..];
        if START.iter().any(|p| starts(rest, p)) {
            last = Some(Meaning::Start);
        } else if OUTCOME.iter().any(|p| starts(rest, p)) {
            last = Some(Meaning::Outcome);
        }
    }
    last
}

/// `text` in lower case, split into words (letters, digits, apostrophes,
/// hyphens inside a word).
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('’', "'"))
        .collect()
}

/// Whether the words from here on start with `pattern`: every word of the
/// pattern whole but the last, which is a stem.
fn starts(words: &[String], pattern: &str) -> bool {
    let parts: Vec<&str> = pattern.split(' ').collect();
    if words.len() < parts.len() {
        return false;
    }
    let (last, whole) = parts.split_last().expect("a pattern has a word");
    whole.iter().zip(words).all(|(p, w)| p == w) && words[whole.len()].starts_with(last)
}

#[cfg(test)]
mod tests {
    use super::{meaning, Meaning};

    fn of(text: &str) -> Option<Meaning> {
        meaning([text])
    }

    #[test]
    fn arrival_and_contact_mean_the_start() {
        for text in [
            "An emergency plumber with you within 4 hours, day or night",
            "Мастер приедет в течение суток",
            "We call you back within 2 business hours",
            "Перезвоним за 15 минут",
            "Изготовим новую карту и передадим в доставку за 5 дней",
            "An engineer will visit within 2 days",
            "A technician within 4 hours for life-support outages",
            "Мастер в течение суток",
        ] {
            assert_eq!(of(text), Some(Meaning::Start), "{text}");
        }
    }

    #[test]
    fn results_mean_the_outcome() {
        for text in [
            "Your leak fixed within 24 hours",
            "Claims decided in 5 days",
            "Неисправность устраним за сутки",
            "Вернём деньги за 3 дня",
            "We call you back and resolve it within 2 days",
            "You'll get a courtesy car within 24 hours",
            "A technician fixes the fault within 4 hours",
        ] {
            assert_eq!(of(text), Some(Meaning::Outcome), "{text}");
        }
    }

    #[test]
    fn a_thing_alone_names_no_act() {
        assert_eq!(of("A courtesy car within 24 hours"), None);
        assert_eq!(of("Номер в течение 2 часов после прибытия"), None);
    }

    #[test]
    fn the_title_is_read_before_the_description() {
        let title = "A plumber with you within 4 hours";
        let description = "Your leak fixed the same day";
        assert_eq!(meaning([title, description]), Some(Meaning::Start));
        assert_eq!(
            meaning(["A courtesy car within 24 hours", description]),
            Some(Meaning::Outcome)
        );
    }

    #[test]
    fn stems_match_at_the_start_of_a_word_only() {
        // "prefix" holds "fix", «отправ» is not in «заправка»'s start.
        assert_eq!(of("A prefix within a day"), None);
        assert_eq!(of("Заправка за час"), None);
    }
}
