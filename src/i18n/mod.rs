//! cxc's own words in the user's language: every diagnostic message and
//! help, every CLI message, in English and Russian.
//!
//! One Fluent catalogue per language (`en.ftl`, `ru.ftl`, embedded in the
//! binary). Fluent rather than a table of format strings because Russian
//! picks a noun's form by the number before it (1 шаг, 2 шага, 5 шагов) and
//! Fluent selects it by the CLDR plural rules, in the catalogue, where a
//! translator sees it; the code only passes the number.
//!
//! Code names a message by its id with [`msg!`]; `tests` checks that both
//! catalogues have the same ids, that every id the code uses exists, and
//! that a message uses only the arguments its callers pass.

use crate::base::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

#[cfg(test)]
mod counts;
pub mod dates;
pub mod durations;
pub mod examples;
#[cfg(test)]
mod tests;
pub mod zones;

/// Each language's catalogue: the messages of the checks and commands, then
/// the words of the command line's help and errors and of the documents'
/// pages (a file of their own, as long as the others).
pub(crate) const EN: &str = concat!(include_str!("en.ftl"), include_str!("words.en.ftl"));
pub(crate) const RU: &str = concat!(include_str!("ru.ftl"), include_str!("words.ru.ftl"));

/// A message by id, with its arguments: rendered when the language is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
    /// A phrase of its own, said in the same language.
    Message(Message),
    /// Alternatives joined as a sentence: "a, b or c".
    Choice(Vec<Arg>),
    /// Items joined with "; ".
    List(Vec<Arg>),
    /// cxc's own example of the language (`next STEP [when TEXT]`, `end
    /// "Kitchen delivered"`): code, its quoted texts and comments said in
    /// the message's language ([`examples::localise`]).
    Example(&'static str),
    /// A figure as cxc computes it and its JSON writes it ("83.8%",
    /// "4.25"): said with the language's decimal sign ([`decimal`]),
    /// «83,8%» in Russian. Made by [`Figure`].
    Figure(String),
    /// A number shown with its thousands grouped ([`grouped`]): "999,899".
    /// Plural forms are chosen by a [`Arg::Number`] passed beside it.
    Grouped(f64),
    /// A length of time in words ([`durations::limit`]): "72 hours", "5
    /// working days"; in hours where the clock stops after hours; in the
    /// genitive where Russian needs it ("больше 1 дня").
    Limit {
        limit: crate::base::time::TimeLimit,
        business_hours: bool,
        genitive: bool,
    },
    /// A time zone by its IANA id, said after a time of day as people say
    /// it ([`zones::after_time`]): "Yekaterinburg time", «по времени
    /// Екатеринбурга»; an id the table lacks stays as written.
    Zone(String),
    /// A time limit in words in the units its author wrote it in
    /// ([`durations::limit_as_written`]): "15 minutes" for `15m`, "11 дней
    /// 1 час" for `11d1h`, "2 рабочих дня" for `2wd`.
    Written {
        limit: crate::base::time::TimeLimit,
        genitive: bool,
    },
    /// The days a figure was measured over, in words ([`dates::period`]):
    /// "1–31 January 2027", «1–31 января 2027 г.».
    Period(Option<dates::Day>, Option<dates::Day>),
    /// A long list cut for a message ([`crate::diagnostic::elide`]): its
    /// first and last items as text, and how many are left out between,
    /// said in the message's language: "… (12 more) …", «… (ещё 12) …».
    Elided {
        head: String,
        left_out: usize,
        tail: String,
        separator: &'static str,
    },
}

impl Arg {
    /// A time limit in words, on a clock that stops after hours or not.
    pub fn limit(limit: crate::base::time::TimeLimit, business_hours: bool) -> Arg {
        Arg::Limit {
            limit,
            business_hours,
            genitive: false,
        }
    }

    /// The same, after "longer than", "within": "больше 1 дня".
    pub fn limit_genitive(limit: crate::base::time::TimeLimit, business_hours: bool) -> Arg {
        Arg::Limit {
            limit,
            business_hours,
            genitive: true,
        }
    }

    /// A limit as its author wrote it, in words: "в течение 15 минут" reads
    /// where "в течение 15m" did not. `genitive` after "в течение", "не
    /// более".
    pub fn written(limit: crate::base::time::TimeLimit, genitive: bool) -> Arg {
        Arg::Written { limit, genitive }
    }

    /// A running time in seconds in words: "72 hours" when it counts
    /// business hours, "3 days" around the clock.
    pub fn seconds(seconds: u64, business_hours: bool) -> Arg {
        let time = crate::base::time::Duration::from_seconds(seconds);
        Arg::limit(crate::base::time::TimeLimit::running(time), business_hours)
    }

    /// [`Arg::seconds`] after "from", "to": «от 2 минут до 3 часов».
    pub fn seconds_genitive(seconds: u64, business_hours: bool) -> Arg {
        let time = crate::base::time::Duration::from_seconds(seconds);
        Arg::limit_genitive(crate::base::time::TimeLimit::running(time), business_hours)
    }

    /// The argument as text of its own in `language`.
    pub fn said(&self, language: Language) -> String {
        say(self, language)
    }
}

/// A figure for people to read: a share, a mean, a load, as cxc rounds it,
/// in the neutral form (a decimal point) that `measure.json` keeps; in a
/// message it is said with the decimal sign of the message's language.
/// Every figure a message shows goes through here, so no message can show
/// a Russian reader a decimal point.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Figure(String);

impl Figure {
    /// `value` rounded to at most `decimals` places, trailing zeros
    /// dropped: `13.3`, `95`.
    pub fn rounded(value: f64, decimals: i32) -> Figure {
        let scale = 10f64.powi(decimals);
        Figure(crate::base::trim_float((value * scale).round() / scale))
    }

    /// A figure already rounded, as text with a decimal point.
    pub fn text(text: String) -> Figure {
        Figure(text)
    }

    /// The same figure followed by `%`.
    pub fn percent(self) -> Figure {
        Figure(self.0 + "%")
    }

    /// The figure in `language`: `13,3` in Russian.
    pub fn said(&self, language: Language) -> String {
        decimal(&self.0, language)
    }
}

impl std::fmt::Display for Figure {
    /// The neutral form, for JSON and code: `13.3`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Figure> for Arg {
    fn from(figure: Figure) -> Self {
        Arg::Figure(figure.0)
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Self {
        Arg::Message(message)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_string())
    }
}
impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}
impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}
impl From<std::borrow::Cow<'_, str>> for Arg {
    fn from(text: std::borrow::Cow<'_, str>) -> Self {
        Arg::Text(text.into_owned())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(usize, u32, u64, i32, i64, f64);

/// `msg!("unknown-reference", kind = "team", name = id)`: a [`Message`].
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new($id, vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*])
    };
}

impl Message {
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        Message { id, args }
    }

    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The same message with every text argument (in its phrases, choices
    /// and lists too) replaced by what `f` makes of it: a document marks
    /// them to escape each for where it lands.
    pub fn map_texts(&self, f: &mut impl FnMut(&str) -> String) -> Message {
        fn map(arg: &Arg, f: &mut impl FnMut(&str) -> String) -> Arg {
            match arg {
                Arg::Text(t) => Arg::Text(f(t)),
                Arg::Message(m) => Arg::Message(m.map_texts(f)),
                Arg::Choice(items) => Arg::Choice(items.iter().map(|i| map(i, f)).collect()),
                Arg::List(items) => Arg::List(items.iter().map(|i| map(i, f)).collect()),
                Arg::Elided {
                    head,
                    left_out,
                    tail,
                    separator,
                } => Arg::Elided {
                    head: f(head),
                    left_out: *left_out,
                    tail: f(tail),
                    separator,
                },
                other => other.clone(),
            }
        }
        Message {
            id: self.id,
            args: self.args.iter().map(|(n, a)| (*n, map(a, f))).collect(),
        }
    }

    /// Whether a text argument (in its phrases, choices and lists too) is
    /// longer than `bytes`.
    pub fn has_text_over(&self, bytes: usize) -> bool {
        fn over(arg: &Arg, bytes: usize) -> bool {
            match arg {
                Arg::Text(t) => t.len() > bytes,
                Arg::Message(m) => m.has_text_over(bytes),
                Arg::Choice(items) | Arg::List(items) => items.iter().any(|i| over(i, bytes)),
                Arg::Elided { head, tail, .. } => head.len() > bytes || tail.len() > bytes,
                _ => false,
            }
        }
        self.args.iter().any(|(_, a)| over(a, bytes))
    }

    /// The message in `language`. An id missing from the catalogue (the
    /// tests forbid it) shows as the id, never as a crash.
    pub fn text(&self, language: Language) -> String {
        let bundle = bundle(language);
        let Some(pattern) = bundle.get_message(self.id).and_then(|m| m.value()) else {
            return self.id.to_string();
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            match value {
                Arg::Text(text) => args.set(*name, FluentValue::from(text.as_str())),
                Arg::Number(n) => args.set(*name, FluentValue::from(*n)),
                Arg::Grouped(n) => args.set(*name, FluentValue::from(grouped(*n, language))),
                Arg::Figure(text) => args.set(*name, FluentValue::from(decimal(text, language))),
                Arg::Limit { .. }
                | Arg::Written { .. }
                | Arg::Zone(_)
                | Arg::Period(..)
                | Arg::Example(_)
                | Arg::Elided { .. } => args.set(*name, FluentValue::from(say(value, language))),
                Arg::Message(m) => args.set(*name, FluentValue::from(m.text(language))),
                Arg::Choice(items) => args.set(*name, FluentValue::from(choice(items, language))),
                Arg::List(items) => {
                    let said: Vec<String> = items.iter().map(|i| say(i, language)).collect();
                    args.set(*name, FluentValue::from(said.join("; ")))
                }
            }
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }
}

/// An argument as text of its own.
fn say(item: &Arg, language: Language) -> String {
    match item {
        Arg::Text(text) => text.clone(),
        Arg::Number(n) => decimal(&n.to_string(), language),
        Arg::Figure(text) => decimal(text, language),
        Arg::Grouped(n) => grouped(*n, language),
        Arg::Limit {
            limit,
            business_hours,
            genitive,
        } => match genitive {
            true => durations::limit_genitive(*limit, *business_hours, language),
            false => durations::limit(*limit, *business_hours, language),
        },
        Arg::Written { limit, genitive } => {
            // Working days are said as such; running time in the units
            // written, days included.
            let working = matches!(limit, crate::base::time::TimeLimit::WorkingDays(_));
            match genitive {
                true => durations::limit_as_written_genitive(*limit, working, language),
                false => durations::limit_as_written(*limit, working, language),
            }
        }
        Arg::Zone(id) => zones::after_time(id, language),
        Arg::Example(text) => examples::localise(text, language),
        Arg::Period(from, to) => dates::period(*from, *to, language),
        Arg::Elided {
            head,
            left_out,
            tail,
            separator,
        } => {
            let more = Arg::Grouped(*left_out as f64);
            let more = crate::msg!("elided-more", more = more).text(language);
            format!("{head}{separator}{more}{separator}{tail}")
        }
        Arg::Message(m) => m.text(language),
        Arg::Choice(items) => choice(items, language),
        Arg::List(items) => items
            .iter()
            .map(|i| say(i, language))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn choice(items: &[Arg], language: Language) -> String {
    let said: Vec<String> = items.iter().map(|item| say(item, language)).collect();
    match said.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), text("or", language)),
    }
}

/// A number with its thousands grouped as each language writes them:
/// 1,250,000 in English, 1 250 000 in Russian (a no-break space).
pub fn grouped(value: f64, language: Language) -> String {
    let text = crate::base::trim_float((value * 100.0).round() / 100.0);
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let (sign, digits) = match whole.strip_prefix('-') {
        Some(d) => ("-", d.to_string()),
        None => ("", whole),
    };
    let separator = match language {
        Language::En => ",",
        Language::Ru => "\u{a0}",
    };
    let mut groups: Vec<&str> = Vec::new();
    let mut end = digits.len();
    while end > 3 {
        groups.push(&digits[end - 3..end]);
        end -= 3;
    }
    groups.push(&digits[..end]);
    groups.reverse();
    format!(
        "{sign}{}{}",
        groups.join(separator),
        fraction.map_or(String::new(), |f| decimal(&format!(".{f}"), language))
    )
}

/// A figure written with a decimal point (`13.3`, `83.8%`), with the
/// decimal sign of `language`: a point in English, a comma in Russian
/// («13,3», «83,8%»). The one place cxc's words choose the sign: numbers
/// in messages, [`Figure`]s, grouped numbers and the documents' `decimal`
/// filter all come here.
pub fn decimal(text: &str, language: Language) -> String {
    match language {
        Language::En => text.to_string(),
        Language::Ru => text.replace('.', ","),
    }
}

/// One part (`summary`, `why`) of the explanation of a diagnostic code:
/// the attribute `part` of the message `explain-CODE`.
pub fn explain(code: &str, part: &str, language: Language) -> String {
    let id = format!("explain-{code}");
    lookup(&id, Some(part), language).unwrap_or(id)
}

/// A message found by an id made at run time (`cli-cmd-build`), or one of
/// its attributes, without arguments; `None` when the catalogue has none.
pub fn lookup(id: &str, attribute: Option<&str>, language: Language) -> Option<String> {
    let bundle = bundle(language);
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        Some(part) => message.get_attribute(part)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned(),
    )
}

/// A message without arguments, in `language`.
pub fn text(id: &'static str, language: Language) -> String {
    Message::new(id, Vec::new()).text(language)
}

fn bundle(language: Language) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| [load(EN, "en"), load(RU, "ru")]);
    match language {
        Language::En => &bundles[0],
        Language::Ru => &bundles[1],
    }
}

fn load(source: &str, tag: &str) -> FluentBundle<FluentResource> {
    // A catalogue that does not parse is caught by the tests; what parsed
    // is still used.
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
    let language: unic_langid::LanguageIdentifier = tag.parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // Isolation marks (U+2068/U+2069) around every argument would land in
    // terminals, JSON and SARIF as invisible noise.
    bundle.set_use_isolating(false);
    // Both catalogues are ours and have unique ids (tested).
    let _ = bundle.add_resource(resource);
    if tag == "ru" {
        bundle.set_formatter(Some(decimal_comma));
    }
    // `{ GROUPED($n) }`: a count in prose with its thousands grouped («из
    // 2 790 обращений»), where a plain `{ $n }` stays as written for code
    // a message quotes (`task_timeout: 122400`). Plural forms still select
    // on `$n` itself.
    let said = if tag == "ru" {
        Language::Ru
    } else {
        Language::En
    };
    let _ = bundle.add_function("GROUPED", move |positional, _named| {
        match positional.first() {
            Some(FluentValue::Number(n)) => FluentValue::from(grouped(n.value, said)),
            Some(other) => other.clone(),
            None => FluentValue::None,
        }
    });
    bundle
}

/// Russian writes a decimal comma: «13,3 оператора», «83,8%».
fn decimal_comma<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(decimal(&n.as_string(), Language::Ru)),
        _ => None,
    }
}

/// The language of cxc's messages: `--lang`, else the spec's
/// `service { language }`, else the locale (LC_ALL, LC_MESSAGES, LANG),
/// else English.
pub fn choose(
    explicit: Option<Language>,
    spec: Option<Language>,
    locale: Option<Language>,
) -> Language {
    explicit.or(spec).or(locale).unwrap_or(Language::En)
}

/// The language a POSIX locale asks for: the first set of LC_ALL,
/// LC_MESSAGES and LANG decides, as it does for every program.
pub fn from_locale(get: impl Fn(&str) -> Option<String>) -> Option<Language> {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| get(name).filter(|v| !v.is_empty()))?;
    if locale.starts_with("ru") {
        Some(Language::Ru)
    } else {
        Some(Language::En)
    }
}
