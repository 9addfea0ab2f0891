//! Words for people: durations, counts and clocks in English and Russian.
//!
//! Russian nouns after a number take one of three forms (1 день, 2 дня,
//! 5 дней; 21 день, 11 дней), chosen by the last two digits. Templates get
//! these through filters, so a template never builds a plural itself.

use crate::syntax::values::{
    ChannelKind, ComplaintSeverity, Date, Language, SimpleRemedy, TimeLimit, Weekday,
};

pub use crate::i18n::durations::{
    count, duration, duration_genitive, limit, limit_as_written, limit_as_written_genitive,
    limit_genitive, limit_kept, limit_kept_genitive, russian_plural, Unit,
};

pub use crate::i18n::grouped;

/// The language a template is rendered in: its `language` variable
/// (`en`, `ru`), English when it has none.
fn template_language(state: &minijinja::State) -> Language {
    match state.lookup("language").as_ref().and_then(|v| v.as_str()) {
        Some("ru") => Language::Ru,
        _ => Language::En,
    }
}

/// The `duration` filter: seconds (a measured time) or a duration as the
/// spec writes it (`4h`) in words of the template's language, a measured
/// time rounded as the findings round it: `{{ s.time.median|duration }}`.
pub fn duration_filter(
    state: &minijinja::State,
    value: minijinja::Value,
) -> Result<String, minijinja::Error> {
    let d = if let Some(text) = value.as_str() {
        // A step's or journey's `within` may count working days (`2wd`):
        // a deadline, worded as one, not a length of time.
        // A running time the spec wrote is said in the units written:
        // `7d` is "7 days" as the job descriptions say it, not "1 week"
        // (audit 14, L12).
        let parsed = TimeLimit::parse(text).map_err(|m| {
            minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, m.text(Language::En))
        })?;
        let language = template_language(state);
        return Ok(match parsed {
            TimeLimit::WorkingDays(_) => limit(parsed, false, language),
            TimeLimit::Running { .. } => limit_as_written(parsed, false, language),
        });
    } else {
        crate::measure::findings::round(i64::try_from(value)?)
    };
    Ok(duration(d, template_language(state)))
}

/// The `number` filter: a figure written as the template's language writes
/// numbers (`65.3` and `1,250`; `65,3` and `1 250`).
pub fn number_filter(state: &minijinja::State, value: f64) -> String {
    grouped(value, template_language(state))
}

/// The `percent` filter: a share with no goal beside it, as every text of
/// `cxc measure` shows a percentage (crate::measure::shown), with `%`.
pub fn percent_filter(state: &minijinja::State, value: f64) -> String {
    let shown = crate::measure::shown::tenths(value, None);
    format!("{}%", grouped(shown, template_language(state)))
}

/// The `date` filter: an ISO date (`2026-12-31`) as a document's reader
/// reads it ([`long_date`]: "31 December 2026", «31 декабря 2026 г.»);
/// anything else (a time, a text) as it is. Machine files keep ISO dates
/// (outside audit 11, L3: one form of date per document).
pub fn date_filter(state: &minijinja::State, text: String) -> String {
    match Date::parse(&text) {
        Ok(d) if text.len() == 10 => long_date(d, template_language(state)),
        _ => text,
    }
}

/// The `decimal` filter: a figure measure.json gives as text (`88.9%`,
/// `4.25`) with the decimal sign of the template's language (`88,9%`).
pub fn decimal_filter(state: &minijinja::State, text: String) -> String {
    crate::i18n::decimal(&text, template_language(state))
}

/// A count of days (or, with `weeks`, of weeks) on a clock where every
/// day counts, as regulations say it: "30 calendar days", «30 календарных
/// дней»; with its genitive («в течение 30 календарных дней»).
pub fn calendar_days(n: u64, weeks: bool, language: Language) -> (String, String) {
    match language {
        Language::En => {
            let unit = match (weeks, n) {
                (true, 1) => "calendar week",
                (true, _) => "calendar weeks",
                (false, 1) => "calendar day",
                (false, _) => "calendar days",
            };
            let text = format!("{n} {unit}");
            (text.clone(), text)
        }
        Language::Ru => {
            let (nominative, genitive) = if weeks {
                (
                    russian_plural(
                        n,
                        "календарная неделя",
                        "календарные недели",
                        "календарных недель",
                    ),
                    russian_plural(
                        n,
                        "календарной недели",
                        "календарных недель",
                        "календарных недель",
                    ),
                )
            } else {
                (
                    russian_plural(n, "календарный день", "календарных дня", "календарных дней"),
                    russian_plural(
                        n,
                        "календарного дня",
                        "календарных дней",
                        "календарных дней",
                    ),
                )
            };
            (format!("{n} {nominative}"), format!("{n} {genitive}"))
        }
    }
}

/// Spec text spliced into a sentence after a colon ("compensation: a free
/// month", «компенсацию: бесплатное SMS-информирование»): its first letter
/// in lower case, as a sentence continues. Cautiously: a word that looks
/// like a name or an abbreviation keeps its capital — its second letter is
/// a capital too ("SMS", "VIP", "McKinsey", «ПВЗ»), or it is the one
/// letter "I". Any other capitalised word is lowered, a proper name too.
pub fn after_colon(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let second = chars.next();
    let keep = !first.is_uppercase()
        || second.is_some_and(char::is_uppercase)
        || (first == 'I' && second.is_none_or(|c| !c.is_alphabetic()));
    if keep {
        return text.to_string();
    }
    first
        .to_lowercase()
        .chain(text[first.len_utf8()..].chars())
        .collect()
}

/// An amount of money as the document's language writes it, from the
/// service's ISO 4217 `currency` (audit 16, L4: «4 900 RUB» reads as a
/// code): the customary sign — before the figure in English ("$4,900",
/// "€50", "£12"), after it in Russian («4 900 ₽», «50 €»); roubles after
/// the figure in both ("4,900 ₽"); any other currency by its code after
/// the figure ("4,900 KZT"). No currency: the figure alone. The one money
/// formatter of the documents and reports.
pub fn money(amount: f64, currency: Option<&str>, language: Language) -> String {
    let figure = grouped(amount, language);
    let Some(code) = currency else {
        return figure;
    };
    let sign = match code {
        "RUB" => "₽",
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        _ => return format!("{figure}\u{a0}{code}"),
    };
    match (language, code) {
        (Language::En, "EUR" | "USD" | "GBP") => format!("{sign}{figure}"),
        _ => format!("{figure}\u{a0}{sign}"),
    }
}

/// A date as people read it: "25 December 2026", «25 декабря 2026 г.»
/// (a Russian date written out takes «г.», outside audit 11, L3).
pub fn long_date(d: Date, language: Language) -> String {
    crate::i18n::dates::long((d.year, d.month, d.day), language)
}

/// The words for the closed sets of the language, by language. Each is the
/// form a sentence in the documents needs.
pub fn term(word: Term, language: Language) -> &'static str {
    use Language::{En, Ru};
    use Term::*;
    match (word, language) {
        (Severity(ComplaintSeverity::Low), En) => "low",
        (Severity(ComplaintSeverity::Low), Ru) => "низкая",
        (Severity(ComplaintSeverity::Medium), En) => "medium",
        (Severity(ComplaintSeverity::Medium), Ru) => "средняя",
        (Severity(ComplaintSeverity::High), En) => "high",
        (Severity(ComplaintSeverity::High), Ru) => "высокая",
        (Severity(ComplaintSeverity::Critical), En) => "critical",
        (Severity(ComplaintSeverity::Critical), Ru) => "критическая",
        (Remedy(SimpleRemedy::Apologize), En) => "apologise to the customer",
        (Remedy(SimpleRemedy::Apologize), Ru) => "принести клиенту извинения",
        (Remedy(SimpleRemedy::Explain), En) => "explain what happened and what is being done",
        (Remedy(SimpleRemedy::Explain), Ru) => "объяснить клиенту, что произошло и что делается",
        (Remedy(SimpleRemedy::Redo), En) => "put right what went wrong, at the company's expense",
        (Remedy(SimpleRemedy::Redo), Ru) => "исправить допущенное нарушение за счёт компании",
        (Remedy(SimpleRemedy::Refund), En) => "refund the customer",
        (Remedy(SimpleRemedy::Refund), Ru) => "вернуть клиенту деньги",
        (Kind(ChannelKind::Phone), En) => "phone",
        (Kind(ChannelKind::Phone), Ru) => "телефон",
        (Kind(ChannelKind::Chat), En) => "chat",
        (Kind(ChannelKind::Chat), Ru) => "чат",
        (Kind(ChannelKind::Email), En) => "e-mail",
        (Kind(ChannelKind::Email), Ru) => "электронная почта",
        (Kind(ChannelKind::Messenger), En) => "messenger",
        (Kind(ChannelKind::Messenger), Ru) => "мессенджер",
        (Kind(ChannelKind::Social), En) => "social media",
        (Kind(ChannelKind::Social), Ru) => "социальные сети",
        (Kind(ChannelKind::Portal), En) => "web portal",
        (Kind(ChannelKind::Portal), Ru) => "личный кабинет",
        (Kind(ChannelKind::Office), En) => "office visit",
        (Kind(ChannelKind::Office), Ru) => "офис",
        (Kind(ChannelKind::Field), En) => "field visit",
        (Kind(ChannelKind::Field), Ru) => "выезд к клиенту",
        (Metric(crate::syntax::values::Metric::Csat), En) => "customer satisfaction (CSAT)",
        (Metric(crate::syntax::values::Metric::Csat), Ru) => "удовлетворённость клиентов (CSAT)",
        (Metric(crate::syntax::values::Metric::Nps), En) => "Net Promoter Score (NPS)",
        (Metric(crate::syntax::values::Metric::Nps), Ru) => "индекс лояльности (NPS)",
        (Metric(crate::syntax::values::Metric::Ces), En) => "customer effort score (CES)",
        (Metric(crate::syntax::values::Metric::Ces), Ru) => "индекс усилий клиента (CES)",
        (Metric(crate::syntax::values::Metric::Fcr), En) => "first contact resolution (FCR)",
        (Metric(crate::syntax::values::Metric::Fcr), Ru) => "решение с первого обращения (FCR)",
        (Metric(crate::syntax::values::Metric::Aht), En) => "average handle time (AHT)",
        (Metric(crate::syntax::values::Metric::Aht), Ru) => "среднее время обработки (AHT)",
        (Metric(crate::syntax::values::Metric::Asa), En) => "average speed of answer (ASA)",
        (Metric(crate::syntax::values::Metric::Asa), Ru) => "среднее время ответа (ASA)",
        (Metric(crate::syntax::values::Metric::ServiceLevel), En) => "service level",
        (Metric(crate::syntax::values::Metric::ServiceLevel), Ru) => "уровень сервиса",
        (Metric(crate::syntax::values::Metric::Abandonment), En) => "abandonment rate",
        (Metric(crate::syntax::values::Metric::Abandonment), Ru) => "доля потерянных обращений",
        (Metric(crate::syntax::values::Metric::Occupancy), En) => "occupancy",
        (Metric(crate::syntax::values::Metric::Occupancy), Ru) => "занятость операторов",
        (Day(Weekday::Mon), En) => "Monday",
        (Day(Weekday::Mon), Ru) => "понедельник",
        (Day(Weekday::Tue), En) => "Tuesday",
        (Day(Weekday::Tue), Ru) => "вторник",
        (Day(Weekday::Wed), En) => "Wednesday",
        (Day(Weekday::Wed), Ru) => "среда",
        (Day(Weekday::Thu), En) => "Thursday",
        (Day(Weekday::Thu), Ru) => "четверг",
        (Day(Weekday::Fri), En) => "Friday",
        (Day(Weekday::Fri), Ru) => "пятница",
        (Day(Weekday::Sat), En) => "Saturday",
        (Day(Weekday::Sat), Ru) => "суббота",
        (Day(Weekday::Sun), En) => "Sunday",
        (Day(Weekday::Sun), Ru) => "воскресенье",
        (Closed, En) => "closed",
        (Closed, Ru) => "выходной",
        (Everyone, En) => "all segments",
        (Everyone, Ru) => "все сегменты",
        (EveryCustomer, En) => "everyone",
        (EveryCustomer, Ru) => "все клиенты",
        (SimplifiedDrawing, En) => "This journey has too many long connections to route them around its steps: they are drawn as straight lines, which may cross steps, and their conditions are not written beside them.",
        (SimplifiedDrawing, Ru) => "В этом пути слишком много длинных переходов, чтобы провести их в обход шагов: они нарисованы прямыми линиями, которые могут пересекать шаги, а их условия не подписаны рядом с ними.",
    }
}

/// A word of a closed set, for [`term`].
#[derive(Debug, Clone, Copy)]
pub enum Term {
    Severity(ComplaintSeverity),
    Remedy(SimpleRemedy),
    Kind(ChannelKind),
    Metric(crate::syntax::values::Metric),
    Day(Weekday),
    Closed,
    Everyone,
    /// Every customer, in the customer's words (no "segments").
    EveryCustomer,
    /// A journey drawn with straight lines: its layout went over budget.
    SimplifiedDrawing,
}

/// "Complaint: Billing error" / "Жалоба: Ошибка в счёте", the name of a
/// complaint rule's policy or routing filter in the exports.
pub fn complaint_title(label: &str, language: Language) -> String {
    match language {
        Language::En => format!("Complaint: {label}"),
        Language::Ru => format!("Жалоба: {label}"),
    }
}

/// The words a Zendesk policy title uses for "every segment", "every
/// channel" and "the channels no other policy of the SLA names".
pub fn every_segment(language: Language) -> &'static str {
    match language {
        Language::En => "all segments",
        Language::Ru => "все сегменты",
    }
}

pub fn every_channel(language: Language) -> &'static str {
    match language {
        Language::En => "all channels",
        Language::Ru => "все каналы",
    }
}

pub fn other_channels(language: Language) -> &'static str {
    match language {
        Language::En => "other channels",
        Language::Ru => "прочие каналы",
    }
}

/// A name as a sentence quotes it: “Name” in English, «Name» in Russian.
/// Russian never inflects a quoted name: the noun before it ("сегмента",
/// "подразделения") carries the case, so a feminine, masculine or plural
/// name reads right unchanged.
pub fn quoted(name: &str, language: Language) -> String {
    match language {
        Language::En => format!("“{name}”"),
        Language::Ru => format!("«{name}»"),
    }
}

/// Quoted names joined with commas.
pub fn quoted_list<'a>(names: impl IntoIterator<Item = &'a str>, language: Language) -> String {
    names
        .into_iter()
        .map(|n| quoted(n, language))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Names in a list: «А, Б»; with «; » when a name holds a comma itself
/// (audit 17: «Руководитель группы контакт-центра, Екатеринбург,
/// Руководитель группы контакт-центра, Омск» read as four names).
pub fn names(names: &[String]) -> String {
    let sep = match names.iter().any(|n| n.contains(',')) {
        true => "; ",
        false => ", ",
    };
    names.join(sep)
}

/// A message as Markdown for a table cell of a document: its own words
/// escaped, and each code span — a name it quotes in backticks from the
/// spec or the data (`{ $name }` between backticks in the catalogue), or
/// the catalogue's own code (`` `aht` ``) — a real code span holding the
/// text as typed, whatever it contains. A backtick left open is text.
pub fn markdown_message(message: &crate::i18n::Message, language: Language) -> String {
    use crate::escape::{markdown, markdown_code};
    // Each text argument Markdown would change becomes a mark no catalogue
    // or value contains: the values are put back, escaped, after the
    // message is said. The others stay, so a selector (`fcr`, `none`)
    // still picks its variant.
    const OPEN: char = '\u{E000}';
    const CLOSE: char = '\u{E001}';
    let mut values: Vec<String> = Vec::new();
    let marked = message
        .map_texts(&mut |t| {
            if markdown(t) == t && !t.contains(['`', OPEN, CLOSE]) {
                return t.to_string();
            }
            values.push(t.to_string());
            format!("{OPEN}{}{CLOSE}", values.len() - 1)
        })
        .text(language);
    let mut out = String::new();
    // The catalogue's text outside code, not yet escaped; inside a code
    // span, its text and values as typed.
    let mut plain = String::new();
    let mut code: Option<String> = None;
    let mut rest = marked.as_str();
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        match (c, code.as_mut()) {
            (OPEN, inside) => {
                let end = rest.find(CLOSE).unwrap_or(rest.len());
                let value = rest[..end]
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| values.get(i))
                    .map_or("", String::as_str);
                rest = rest.get(end + CLOSE.len_utf8()..).unwrap_or("");
                match inside {
                    Some(code) => code.push_str(value),
                    None => {
                        out.push_str(&markdown(&std::mem::take(&mut plain)));
                        out.push_str(&markdown(value));
                    }
                }
            }
            ('`', Some(_)) => {
                out.push_str(&markdown_code(&code.take().unwrap_or_default()));
            }
            ('`', None) => {
                out.push_str(&markdown(&std::mem::take(&mut plain)));
                code = Some(String::new());
            }
            (c, Some(code)) => code.push(c),
            (c, None) => plain.push(c),
        }
    }
    out.push_str(&markdown(&plain));
    if let Some(open) = code {
        out.push_str(&markdown(&format!("`{open}")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::values::Duration;

    /// Code in a message is a real code span, whether the catalogue writes
    /// it (`aht`) or quotes a value from the data; the value is escaped for
    /// the span (a longer fence for its backticks, its pipe for the cell),
    /// the words around it for Markdown.
    #[test]
    fn a_message_in_markdown_has_real_code_spans() {
        let flaw = crate::msg!("measure-flaw-unknown-segment", name = "a`b|<c>");
        assert_eq!(
            markdown_message(&flaw, Language::En),
            "a segment the spec does not have, such as ``a`b\\|<c>``"
        );
        let cost = crate::msg!(
            "report-money-per-hour",
            amount = "2,200 RUB",
            queue = "q|<i>",
            aht = "6 minutes",
            timed = 0u64,
            untimed = 4u64,
            uncosted = 0u64
        );
        assert_eq!(
            markdown_message(&cost, Language::En),
            "2,200 RUB per hour, made per contact by the `aht` of queue q\\|&lt;i&gt; (6 minutes)"
        );
        // A selector keeps picking its variant.
        let saving = crate::msg!(
            "report-money-saving",
            lever = "fcr",
            n = 5u64,
            contacts = "1",
            unit = "<b>"
        );
        let said = markdown_message(&saving, Language::En);
        assert!(said.starts_with("5 resolved contacts"), "{said}");
        assert!(said.ends_with("mean cost to serve, &lt;b&gt;"), "{said}");
        let ru = markdown_message(&cost, Language::Ru);
        assert!(ru.contains("`aht` очереди q\\|&lt;i&gt;"), "{ru}");
        assert!(!ru.contains("\\`"), "{ru}");
    }

    #[test]
    fn russian_plurals_follow_the_last_two_digits() {
        let day = |n| count(n, Unit::Day, Language::Ru);
        assert_eq!(day(1), "1 день");
        assert_eq!(day(2), "2 дня");
        assert_eq!(day(4), "4 дня");
        assert_eq!(day(5), "5 дней");
        assert_eq!(day(11), "11 дней");
        assert_eq!(day(12), "12 дней");
        assert_eq!(day(14), "14 дней");
        assert_eq!(day(21), "21 день");
        assert_eq!(day(22), "22 дня");
        assert_eq!(day(25), "25 дней");
        assert_eq!(day(101), "101 день");
        assert_eq!(day(111), "111 дней");
        assert_eq!(count(3, Unit::Minute, Language::Ru), "3 минуты");
        assert_eq!(count(1, Unit::Hour, Language::Ru), "1 час");
        assert_eq!(count(2, Unit::Person, Language::Ru), "2 человека");
        assert_eq!(count(5, Unit::Person, Language::Ru), "5 человек");
    }

    #[test]
    fn english_plurals() {
        assert_eq!(count(1, Unit::Day, Language::En), "1 day");
        assert_eq!(count(3, Unit::Day, Language::En), "3 days");
        assert_eq!(count(2, Unit::Person, Language::En), "2 people");
    }

    #[test]
    fn durations_read_as_people_say_them() {
        let d = |s: &str, l| duration(Duration::parse(s).unwrap(), l);
        assert_eq!(d("1h30m", Language::En), "1 hour 30 minutes");
        assert_eq!(d("1h30m", Language::Ru), "1 час 30 минут");
        assert_eq!(d("3d", Language::Ru), "3 дня");
        assert_eq!(d("2w", Language::En), "2 weeks");
        assert_eq!(d("10d", Language::En), "10 days");
        assert_eq!(d("20s", Language::Ru), "20 секунд");
        assert_eq!(d("21m", Language::Ru), "21 минута");
        let g = |s: &str| duration_genitive(Duration::parse(s).unwrap(), Language::Ru);
        assert_eq!(g("1h"), "1 часа");
        assert_eq!(g("3d"), "3 дней");
        assert_eq!(g("31d"), "31 дня");
        assert_eq!(g("22d"), "22 дней");
        assert_eq!(g("11d"), "11 дней");
        assert_eq!(g("1h30m"), "1 часа 30 минут");
        assert_eq!(
            duration_genitive(Duration::parse("3d").unwrap(), Language::En),
            "3 days"
        );
    }

    #[test]
    fn working_days_and_business_hours_read_as_their_clock_counts() {
        let wd = |n| TimeLimit::WorkingDays(n);
        assert_eq!(limit(wd(3), true, Language::En), "3 working days");
        // Around the clock every day counts: days, not working days.
        assert_eq!(limit(wd(1), false, Language::En), "1 day");
        assert_eq!(limit(wd(5), false, Language::En), "5 days");
        assert_eq!(limit(wd(5), false, Language::Ru), "5 дней");
        assert_eq!(limit_genitive(wd(5), false, Language::Ru), "5 дней");
        assert_eq!(limit(wd(1), true, Language::Ru), "1 рабочий день");
        assert_eq!(limit(wd(3), true, Language::Ru), "3 рабочих дня");
        assert_eq!(limit(wd(5), true, Language::Ru), "5 рабочих дней");
        assert_eq!(limit(wd(21), true, Language::Ru), "21 рабочий день");
        assert_eq!(limit_genitive(wd(1), true, Language::Ru), "1 рабочего дня");
        assert_eq!(limit_genitive(wd(3), true, Language::Ru), "3 рабочих дней");
        assert_eq!(
            limit_genitive(wd(21), true, Language::Ru),
            "21 рабочего дня"
        );
        assert_eq!(
            limit_genitive(wd(11), true, Language::Ru),
            "11 рабочих дней"
        );
        // Days of running time on a clock that stops are said in hours.
        let d = |s: &str| TimeLimit::parse(s).unwrap();
        assert_eq!(limit(d("3d"), true, Language::En), "72 hours");
        assert_eq!(limit(d("1w"), true, Language::En), "168 hours");
        assert_eq!(limit(d("1d30m"), true, Language::Ru), "24 часа 30 минут");
        assert_eq!(limit_genitive(d("3d"), true, Language::Ru), "72 часов");
        assert_eq!(limit(d("3d"), false, Language::En), "3 days");
        assert_eq!(limit(d("4h"), true, Language::En), "4 hours");
    }
}
