//! The Russian of the prose in `cxc explain` examples, in the forms of
//! `cxc help language` and in the forms a syntax error's help quotes
//! (audit 17, L3: `# both centres close at the weekend`, "First line for
//! every channel" in Russian output; audit 18: `["Display name"]` in a
//! Russian syntax error, through [`super::Arg::Example`]). An example
//! is code: its keywords and names stay, its comments and quoted texts —
//! names for people, duties, promises — are prose and are said in the
//! language. `tests/explain.rs` runs every Russian example as it runs the
//! English one, and `tests/russian_output.rs` finds any English left.

use crate::base::Language;

/// Each English comment or quoted text of an example or a form, and its
/// Russian. A text not here stays as written (the tests name it).
const RUSSIAN: &[(&str, &str)] = &[
    // Comments.
    (
        "a Cyrillic `о` in `suppоrt`",
        "кириллическая `о` в `suppоrt`",
    ),
    ("a duty rota around the clock", "дежурства круглосуточно"),
    ("back office", "без клиента"),
    (
        "both centres close at the weekend",
        "оба центра не работают в выходные",
    ),
    (
        "every call waits its turn: one level",
        "каждый звонок ждёт своей очереди: один уровень",
    ),
    ("mass: tier 2", "mass: уровень 2"),
    ("no hours night anywhere", "`hours night` нигде нет"),
    ("or delete the calendar", "или удалите календарь"),
    ("phone: mon-fri 09:00-18:00", "`phone`: пн–пт 09:00–18:00"),
    (
        "smaller than the spec's base.cx",
        "меньше, чем base.cx спецификации",
    ),
    ("the rest of the spec", "остальная часть спецификации"),
    ("today 2026-11-22", "сегодня 2026-11-22"),
    ("vip: tier 1", "vip: уровень 1"),
    (
        "with `everyone` (no tier): 4 levels",
        "с `everyone` (без уровня): 4 уровня",
    ),
    // Quoted texts of the examples.
    ("10% off", "скидка 10%"),
    ("300 off the next bill", "скидка 300 на следующий счёт"),
    ("5% off", "скидка 5%"),
    (
        "A courtesy car within 24 hours",
        "Подменный автомобиль за 24 часа",
    ),
    ("A free month", "Бесплатный месяц"),
    ("A month free", "Месяц бесплатно"),
    ("Answer", "Отвечать"),
    ("Answers the phone", "Отвечает на звонки"),
    ("Approve", "Согласование"),
    ("Approve the project", "Согласование проекта"),
    ("Call back", "Обратный звонок"),
    ("Call support", "Звонок в поддержку"),
    ("Customer confirms", "Клиент подтверждает"),
    ("Customer service", "Клиентский сервис"),
    ("Customer service agent", "Специалист клиентского сервиса"),
    ("Delivery in 60 minutes", "Доставка за 60 минут"),
    ("Delivery in 75 minutes", "Доставка за 75 минут"),
    (
        "Every call answered within 20 seconds",
        "Ответим на каждый звонок в течение 20 секунд",
    ),
    (
        "Every call answered within a minute",
        "Ответим на каждый звонок в течение минуты",
    ),
    ("Installation", "Монтаж"),
    ("Measure the room", "Замер помещения"),
    ("Night shift", "Ночная смена"),
    ("Post-incident review", "Разбор инцидента"),
    ("Product defect", "Брак товара"),
    ("Production", "Производство"),
    ("Quality call", "Звонок отдела качества"),
    ("Request", "Заявка"),
    (
        "Resolve the request at first contact",
        "Решать вопрос клиента при первом обращении",
    ),
    ("Resolved", "Решено"),
    (
        "Resolved after a Severity 1",
        "Решено после инцидента первой степени",
    ),
    ("Retail", "Розница"),
    ("Reviewed", "Разобрано"),
    ("Revise", "Доработка"),
    ("Social networks", "Соцсети"),
    ("Standards", "Стандарты"),
    ("Support", "Поддержка"),
    ("Support desk", "Служба поддержки"),
    ("Survey", "Опрос"),
    ("Track the order", "Отслеживание заказа"),
    (
        "We answer e-mails within a working day",
        "Отвечаем на письма в течение рабочего дня",
    ),
    ("We call you", "Мы вам позвоним"),
    (
        "We call you back in 15 minutes",
        "Перезвоним через 15 минут",
    ),
    (
        "We call you back within 30 minutes",
        "Перезвоним в течение 30 минут",
    ),
    (
        "We call you back within 30 working minutes (Mon-Fri 9-18)",
        "Перезвоним в течение 30 рабочих минут (пн–пт 9–18)",
    ),
    ("approved", "одобрено"),
    ("changes", "нужны правки"),
    // The forms of `cxc help language` and `cxc explain syntax`.
    ("Title", "Название"),
    ("Display name", "Название"),
    ("(inside a journey)", "(внутри пути)"),
    (
        "First line for every channel",
        "Первая линия для всех каналов",
    ),
    (
        "Offer compensation up to 5,000 RUB without approval",
        "Предлагать компенсацию до 5 000 ₽ без согласования",
    ),
    (
        "Two years in customer service",
        "Два года работы в клиентском сервисе",
    ),
    (
        "Referrals from designers",
        "Приходят по рекомендации дизайнеров",
    ),
    (
        "Owners of country houses, 35-60",
        "Владельцы загородных домов, 35–60 лет",
    ),
    ("Immediate answers", "Мгновенные ответы"),
    (
        "React fast, keep boundaries",
        "Реагировать быстро, соблюдать границы",
    ),
    ("Consultation request", "Заявка на консультацию"),
    ("Buying", "Покупка"),
    ("Kitchen delivered", "Кухня доставлена"),
    ("Free re-cleaning", "Бесплатная повторная уборка"),
    ("10% off the next order", "Скидка 10% на следующий заказ"),
];

/// Every English text the table says in Russian, with its Russian.
pub fn table() -> &'static [(&'static str, &'static str)] {
    RUSSIAN
}

/// The Russian of an English comment or quoted text, if the table has it.
pub fn russian(english: &str) -> Option<&'static str> {
    RUSSIAN
        .iter()
        .find(|(en, _)| *en == english)
        .map(|(_, ru)| *ru)
}

/// `text` (an example or a form) with its prose in `language`: each
/// quoted text and each comment the table knows, said in Russian; the
/// code, file headers (`# a.cx`) and CSV rows stay. English: as written.
pub fn localise(text: &str, language: Language) -> String {
    if language == Language::En {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&localise_line(line));
    }
    out
}

/// The prose of `text` that [`localise`] says in the language: each
/// quoted text outside a comment, each comment (not a file's name), a
/// form header's note (`(inside a journey)`).
pub fn prose(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.split('\n') {
        let (code, comment) = split_comment(line);
        let quotes = code.matches('"').count();
        let quoted = code.split('"').take(quotes - quotes % 2 + 1);
        out.extend(quoted.skip(1).step_by(2));
        out.extend(comment.map(str::trim));
        if let Some(at) = line.rfind("   (") {
            out.push(&line[at + 3..]);
        }
    }
    out
}

/// One line: quoted texts outside the comment, then the comment (after
/// `# `, unless it names a file: `# contacts.csv`).
fn localise_line(line: &str) -> String {
    let (code, comment) = split_comment(line);
    let mut out = String::with_capacity(line.len());
    let mut rest = code;
    while let Some(open) = rest.find('"') {
        let Some(len) = rest[open + 1..].find('"') else {
            break;
        };
        let quoted = &rest[open + 1..open + 1 + len];
        out.push_str(&rest[..=open]);
        out.push_str(russian(quoted).unwrap_or(quoted));
        out.push('"');
        rest = &rest[open + len + 2..];
    }
    out.push_str(rest);
    if let Some(comment) = comment {
        let said = russian(comment.trim()).unwrap_or(comment);
        out.push_str("# ");
        out.push_str(said);
    }
    // A form's header: `step NAME ["Title"] { ... }   (inside a journey)`.
    if let Some(at) = out.rfind("   (") {
        if let Some(said) = russian(&out[at + 3..]) {
            out.replace_range(at + 3.., said);
        }
    }
    out
}

/// A line's code and its comment: the text after a `# ` outside quotes
/// that does not start a file (`# a.cx`, `# contacts.csv`, `# cxc.yaml`).
pub fn split_comment(line: &str) -> (&str, Option<&str>) {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '#' if !quoted && line[i..].starts_with("# ") => {
                let comment = &line[i + 2..];
                let first = comment.split_whitespace().next().unwrap_or("");
                let file = first.ends_with(".cx") || first.ends_with(".csv") || first == "cxc.yaml";
                if line[..i].trim().is_empty() && file {
                    return (line, None);
                }
                return (&line[..i], Some(comment));
            }
            _ => {}
        }
    }
    (line, None)
}
