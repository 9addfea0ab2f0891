//! A time zone as people say it in a document: "Moscow time", «по
//! московскому времени», «по времени Варшавы» — never an IANA id such as
//! `Europe/Warsaw` in prose. The city comes from a table of the zones a spec
//! is likely to use; a zone that is not in it keeps its id. Zones whose
//! offset changed recently or is unusual carry it ("Almaty time (UTC+5)").
//! Machine exports (Zendesk, TaskRouter, routing.json) keep the ids.

use crate::base::Language;

type Row = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
);

/// A zone named after a city: `en` "Warsaw", `ru` the city in the genitive
/// («Варшавы», said «по времени Варшавы»).
const fn city(id: &'static str, en: &'static str, ru: &'static str) -> Row {
    (id, en, ru, None)
}

/// The same with a UTC offset readers may not know.
const fn city_offset(
    id: &'static str,
    en: &'static str,
    ru: &'static str,
    offset: &'static str,
) -> Row {
    (id, en, ru, Some(offset))
}

/// Zone id, English city, Russian city in the genitive, offset. Moscow is
/// said with its adjective (see [`find`]); every other zone as "time of
/// <city>".
const CITIES: &[Row] = &[
    // Europe
    city("Europe/London", "London", "Лондона"),
    // Said as itself: "09:00 UTC", «09:00 по UTC» (see `after_time`).
    city("UTC", "UTC", "UTC"),
    city("Etc/UTC", "UTC", "UTC"),
    city("Europe/Dublin", "Dublin", "Дублина"),
    city("Europe/Lisbon", "Lisbon", "Лиссабона"),
    city("Europe/Paris", "Paris", "Парижа"),
    city("Europe/Berlin", "Berlin", "Берлина"),
    city("Europe/Madrid", "Madrid", "Мадрида"),
    city("Europe/Rome", "Rome", "Рима"),
    city("Europe/Amsterdam", "Amsterdam", "Амстердама"),
    city("Europe/Brussels", "Brussels", "Брюсселя"),
    city("Europe/Vienna", "Vienna", "Вены"),
    city("Europe/Zurich", "Zurich", "Цюриха"),
    city("Europe/Stockholm", "Stockholm", "Стокгольма"),
    city("Europe/Oslo", "Oslo", "Осло"),
    city("Europe/Copenhagen", "Copenhagen", "Копенгагена"),
    city("Europe/Helsinki", "Helsinki", "Хельсинки"),
    city("Europe/Warsaw", "Warsaw", "Варшавы"),
    city("Europe/Prague", "Prague", "Праги"),
    city("Europe/Budapest", "Budapest", "Будапешта"),
    city("Europe/Bucharest", "Bucharest", "Бухареста"),
    city("Europe/Sofia", "Sofia", "Софии"),
    city("Europe/Athens", "Athens", "Афин"),
    city("Europe/Istanbul", "Istanbul", "Стамбула"),
    city("Europe/Kyiv", "Kyiv", "Киева"),
    city("Europe/Kiev", "Kyiv", "Киева"),
    city("Europe/Minsk", "Minsk", "Минска"),
    city("Europe/Riga", "Riga", "Риги"),
    city("Europe/Vilnius", "Vilnius", "Вильнюса"),
    city("Europe/Tallinn", "Tallinn", "Таллина"),
    city("Europe/Kaliningrad", "Kaliningrad", "Калининграда"),
    city("Europe/Samara", "Samara", "Самары"),
    // Russia east of the Urals, the Caucasus, Central Asia
    city("Asia/Yekaterinburg", "Yekaterinburg", "Екатеринбурга"),
    city("Asia/Omsk", "Omsk", "Омска"),
    city("Asia/Novosibirsk", "Novosibirsk", "Новосибирска"),
    city("Asia/Krasnoyarsk", "Krasnoyarsk", "Красноярска"),
    city("Asia/Irkutsk", "Irkutsk", "Иркутска"),
    city("Asia/Yakutsk", "Yakutsk", "Якутска"),
    city("Asia/Vladivostok", "Vladivostok", "Владивостока"),
    city("Asia/Magadan", "Magadan", "Магадана"),
    city("Asia/Kamchatka", "Kamchatka", "Камчатки"),
    city("Asia/Tbilisi", "Tbilisi", "Тбилиси"),
    city("Asia/Yerevan", "Yerevan", "Еревана"),
    city("Asia/Baku", "Baku", "Баку"),
    // Kazakhstan moved to one zone, UTC+5, on 2024-03-01.
    city_offset("Asia/Almaty", "Almaty", "Алматы", "UTC+5"),
    city("Asia/Tashkent", "Tashkent", "Ташкента"),
    city("Asia/Bishkek", "Bishkek", "Бишкека"),
    // Middle East, South and East Asia
    city("Asia/Dubai", "Dubai", "Дубая"),
    city("Asia/Riyadh", "Riyadh", "Эр-Рияда"),
    city_offset("Asia/Tehran", "Tehran", "Тегерана", "UTC+3:30"),
    city("Asia/Karachi", "Karachi", "Карачи"),
    city_offset("Asia/Kolkata", "India", "Индии", "UTC+5:30"),
    city_offset("Asia/Kathmandu", "Kathmandu", "Катманду", "UTC+5:45"),
    city("Asia/Dhaka", "Dhaka", "Дакки"),
    city("Asia/Bangkok", "Bangkok", "Бангкока"),
    city("Asia/Ho_Chi_Minh", "Ho Chi Minh City", "Хошимина"),
    city("Asia/Jakarta", "Jakarta", "Джакарты"),
    city("Asia/Singapore", "Singapore", "Сингапура"),
    city("Asia/Kuala_Lumpur", "Kuala Lumpur", "Куала-Лумпура"),
    city("Asia/Hong_Kong", "Hong Kong", "Гонконга"),
    city("Asia/Shanghai", "Beijing", "Пекина"),
    city("Asia/Taipei", "Taipei", "Тайбэя"),
    city("Asia/Manila", "Manila", "Манилы"),
    city("Asia/Seoul", "Seoul", "Сеула"),
    city("Asia/Tokyo", "Tokyo", "Токио"),
    // Oceania
    city("Australia/Sydney", "Sydney", "Сиднея"),
    city("Australia/Melbourne", "Melbourne", "Мельбурна"),
    city("Australia/Brisbane", "Brisbane", "Брисбена"),
    city("Australia/Adelaide", "Adelaide", "Аделаиды"),
    city("Australia/Perth", "Perth", "Перта"),
    city("Australia/Darwin", "Darwin", "Дарвина"),
    city("Australia/Hobart", "Hobart", "Хобарта"),
    city_offset("Australia/Eucla", "Eucla", "Юклы", "UTC+8:45"),
    city(
        "Australia/Lord_Howe",
        "Lord Howe Island",
        "острова Лорд-Хау",
    ),
    city("Pacific/Auckland", "Auckland", "Окленда"),
    city("Pacific/Honolulu", "Honolulu", "Гонолулу"),
    // The Americas
    city("America/New_York", "New York", "Нью-Йорка"),
    city("America/Chicago", "Chicago", "Чикаго"),
    city("America/Denver", "Denver", "Денвера"),
    city("America/Phoenix", "Phoenix", "Финикса"),
    city("America/Los_Angeles", "Los Angeles", "Лос-Анджелеса"),
    city("America/Toronto", "Toronto", "Торонто"),
    city("America/Vancouver", "Vancouver", "Ванкувера"),
    city("America/Mexico_City", "Mexico City", "Мехико"),
    city("America/Bogota", "Bogotá", "Боготы"),
    city("America/Lima", "Lima", "Лимы"),
    city("America/Santiago", "Santiago", "Сантьяго"),
    city("America/Sao_Paulo", "São Paulo", "Сан-Паулу"),
    city(
        "America/Argentina/Buenos_Aires",
        "Buenos Aires",
        "Буэнос-Айреса",
    ),
    // Africa
    city("Africa/Cairo", "Cairo", "Каира"),
    city("Africa/Casablanca", "Casablanca", "Касабланки"),
    city("Africa/Lagos", "Lagos", "Лагоса"),
    city("Africa/Nairobi", "Nairobi", "Найроби"),
    city("Africa/Johannesburg", "Johannesburg", "Йоханнесбурга"),
];

const MOSCOW: &str = "Europe/Moscow";

fn find(id: &str) -> Option<Row> {
    if id == MOSCOW {
        return Some((MOSCOW, "Moscow", "Москвы", None));
    }
    CITIES.iter().find(|(zone, ..)| *zone == id).copied()
}

/// The phrase after a time of day: "Moscow time", «по московскому времени»,
/// «по времени Варшавы»; "Almaty time (UTC+5)"; an unknown zone: "Mars/Base
/// time", «по времени Mars/Base».
pub fn after_time(id: &str, language: Language) -> String {
    let Some((id, en, ru, offset)) = find(id) else {
        return match language {
            Language::En => format!("{id} time"),
            Language::Ru => format!("по времени {id}"),
        };
    };
    if en == "UTC" {
        return match language {
            Language::En => "UTC".to_string(),
            Language::Ru => "по UTC".to_string(),
        };
    }
    let text = match language {
        Language::En => format!("{en} time"),
        Language::Ru if id == MOSCOW => "по московскому времени".to_string(),
        Language::Ru => format!("по времени {ru}"),
    };
    match offset {
        Some(offset) => format!("{text} ({offset})"),
        None => text,
    }
}

/// The zone as a name on its own, for "Time zone: …": "Moscow time
/// (Europe/Moscow)", «московское время (Europe/Moscow)», «время Алматы,
/// UTC+5 (Asia/Almaty)»; the id stays beside it for whoever sets up a
/// system. An unknown zone is its id.
pub fn name(id: &str, language: Language) -> String {
    let Some((id, en, ru, offset)) = find(id) else {
        return id.to_string();
    };
    if en == "UTC" {
        return "UTC".to_string();
    }
    let text = match language {
        Language::En => format!("{en} time"),
        Language::Ru if id == MOSCOW => "московское время".to_string(),
        Language::Ru => format!("время {ru}"),
    };
    match offset {
        Some(offset) => format!("{text}, {offset} ({id})"),
        None => format!("{text} ({id})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_are_said_as_people_say_them() {
        assert_eq!(
            after_time("Europe/Moscow", Language::Ru),
            "по московскому времени"
        );
        assert_eq!(after_time("Europe/Moscow", Language::En), "Moscow time");
        assert_eq!(
            after_time("Europe/Warsaw", Language::Ru),
            "по времени Варшавы"
        );
        assert_eq!(after_time("Europe/Warsaw", Language::En), "Warsaw time");
        assert_eq!(
            after_time("Asia/Almaty", Language::Ru),
            "по времени Алматы (UTC+5)"
        );
        assert_eq!(
            after_time("Asia/Almaty", Language::En),
            "Almaty time (UTC+5)"
        );
        assert_eq!(
            name("Europe/Moscow", Language::Ru),
            "московское время (Europe/Moscow)"
        );
        assert_eq!(
            name("Asia/Almaty", Language::Ru),
            "время Алматы, UTC+5 (Asia/Almaty)"
        );
        assert_eq!(
            name("America/New_York", Language::En),
            "New York time (America/New_York)"
        );
        // A zone not in the table keeps its id.
        assert_eq!(
            after_time("Antarctica/Troll", Language::Ru),
            "по времени Antarctica/Troll"
        );
        assert_eq!(
            after_time("Antarctica/Troll", Language::En),
            "Antarctica/Troll time"
        );
        assert_eq!(name("Antarctica/Troll", Language::En), "Antarctica/Troll");
    }

    /// Every zone a spec in this repository names is in the table, and
    /// every id in the table is a real zone.
    #[test]
    fn the_table_covers_the_zones_of_the_specs_and_names_real_zones() {
        for (id, ..) in CITIES {
            assert!(
                jiff::tz::TimeZone::get(id).is_ok(),
                "{id} is not a time zone"
            );
            assert!(!after_time(id, Language::Ru).contains('/'), "{id}");
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut seen = 0;
        for folder in ["examples", "tests/specs", "templates/init"] {
            for zone in zones_named_under(&root.join(folder)) {
                seen += 1;
                // Misspelt zones in specs that test the `bad-timezone` rule
                // are not real zones and are not expected to be named.
                if jiff::tz::TimeZone::get(&zone).is_ok() {
                    assert!(find(&zone).is_some(), "{zone} is not in the table");
                }
            }
        }
        assert!(seen > 10, "found only {seen} zones");
    }

    fn zones_named_under(dir: &std::path::Path) -> Vec<String> {
        let mut out = Vec::new();
        let Ok(entries) = std::fs::read_dir(dir) else {
            return out;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(zones_named_under(&path));
            } else if path.extension().is_some_and(|e| e == "cx") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                for line in text.lines() {
                    let line = line.trim();
                    if let Some(rest) = line.strip_prefix("timezone \"") {
                        if let Some(zone) = rest.split('"').next() {
                            out.push(zone.to_string());
                        }
                    }
                }
            }
        }
        out
    }
}
