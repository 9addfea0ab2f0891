//! Calendars: invalid-timezone, sla-beyond-channel-hours.
//!
//! Time zones are looked up in the IANA database bundled with cxc (jiff's
//! copy, not the machine's `/usr/share/zoneinfo`), so a spec checks the same
//! everywhere and the check reads no file.

use super::Ctx;
use crate::diagnostic::{closest, Code, CodeDoc, Diagnostic};
use crate::model::{Calendar, Channel, Idx, Sla, WeekHours};
use crate::msg;
use crate::source::Span;
use crate::syntax::values::{TimeOfDay, Weekday};

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::InvalidTimezone,
        context: "",
        bad: r#"calendar moscow { timezone "MSK"; open mon-fri 09:00-18:00 }"#,
        fix: r#"calendar moscow { timezone "Europe/Moscow"; open mon-fri 09:00-18:00 }"#,
    },
    CodeDoc {
        code: Code::SlaBeyondChannelHours,
        context: "calendar always { open 24x7 }
segment night_owls { channels phone }",
        bad: "sla owls_sla for night_owls { hours always; answer phone 80% within 20s }   # phone: mon-fri 09:00-18:00",
        fix: "sla owls_sla for night_owls { hours workday; answer phone 80% within 20s }",
    },
];

pub fn check(ctx: &mut Ctx) {
    time_zones(ctx);
    slas_beyond_channel_hours(ctx);
}

/// Abbreviations people write for a zone, which are not IANA names (those
/// that are — `UTC`, `EST`, `CET` — are accepted as the database has them).
/// The zone suggested is the one the abbreviation most often means.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("MSK", "Europe/Moscow"),
    ("MSD", "Europe/Moscow"),
    ("KALT", "Europe/Kaliningrad"),
    ("SAMT", "Europe/Samara"),
    ("YEKT", "Asia/Yekaterinburg"),
    ("OMST", "Asia/Omsk"),
    ("NOVT", "Asia/Novosibirsk"),
    ("KRAT", "Asia/Krasnoyarsk"),
    ("IRKT", "Asia/Irkutsk"),
    ("YAKT", "Asia/Yakutsk"),
    ("VLAT", "Asia/Vladivostok"),
    ("MAGT", "Asia/Magadan"),
    ("PETT", "Asia/Kamchatka"),
    ("BST", "Europe/London"),
    ("CEST", "Europe/Berlin"),
    ("EEST", "Europe/Kyiv"),
    ("PST", "America/Los_Angeles"),
    ("PDT", "America/Los_Angeles"),
    ("MDT", "America/Denver"),
    ("CST", "America/Chicago"),
    ("CDT", "America/Chicago"),
    ("EDT", "America/New_York"),
    ("IST", "Asia/Kolkata"),
    ("JST", "Asia/Tokyo"),
    ("KST", "Asia/Seoul"),
    ("HKT", "Asia/Hong_Kong"),
    ("SGT", "Asia/Singapore"),
    ("AEST", "Australia/Sydney"),
    ("AEDT", "Australia/Sydney"),
];

/// Cities written in Russian whose Latin spelling differs from the
/// database's (after [`transliterate`]).
const RUSSIAN_NAMES: &[(&str, &str)] = &[
    ("Moskva", "Europe/Moscow"),
    ("Ekaterinburg", "Asia/Yekaterinburg"),
    ("Kiev", "Europe/Kyiv"),
    ("Kiyev", "Europe/Kyiv"),
];

/// A name written in Cyrillic spelled in Latin letters (`Владивосток` →
/// `Vladivostok`), so a city named in Russian finds its zone; other text
/// is kept as written.
fn transliterate(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let latin = match lower {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' => "e",
            'ё' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' => "i",
            'й' => "y",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ъ' | 'ь' => "",
            'ы' => "y",
            'э' => "e",
            'ю' => "yu",
            'я' => "ya",
            _ => {
                out.push(c);
                continue;
            }
        };
        let mut letters = latin.chars();
        if c != lower {
            out.extend(letters.next().map(|f| f.to_ascii_uppercase()));
        }
        out.extend(letters);
    }
    out
}

/// Is `name` a zone of the IANA database (as the database spells it, in
/// any ASCII case)?
pub fn is_iana(name: &str) -> bool {
    jiff::tz::db().get(name).is_ok()
}

/// The IANA name meant by a name that is not one: a known abbreviation, a
/// city written without its region (`Moscow`, `new york`), else the closest
/// spelling.
pub fn suggest_zone(name: &str) -> Option<String> {
    let latin = transliterate(name.trim());
    // Russian spellings whose transliteration is not the database's
    // English name.
    if let Some(&(_, zone)) = RUSSIAN_NAMES
        .iter()
        .find(|(n, _)| latin.eq_ignore_ascii_case(n))
    {
        return Some(zone.to_string());
    }
    let name = latin.as_str();
    let upper = name.to_ascii_uppercase();
    if let Some(&(_, zone)) = ABBREVIATIONS.iter().find(|(a, _)| *a == upper) {
        return Some(zone.to_string());
    }
    let names: Vec<String> = jiff::tz::db()
        .available()
        .map(|n| n.as_str().to_string())
        .collect();
    let city = name.trim().replace(' ', "_");
    if let Some(zone) = names.iter().find(|n| {
        n.rsplit('/')
            .next()
            .is_some_and(|last| last.eq_ignore_ascii_case(&city))
    }) {
        return Some(zone.clone());
    }
    closest(name, names.iter().map(String::as_str)).map(str::to_string)
}

fn time_zones(ctx: &mut Ctx) {
    let model = ctx.model;
    let calendars = model.calendars.values().filter_map(|c| {
        let zone = c.timezone.as_ref()?;
        let shown = crate::escape::shorten(&zone.value, 64);
        Some((
            zone,
            msg!("invalid-timezone", zone = shown, calendar = &c.header.id),
        ))
    });
    // A queue's `timezone`: the zone its forecast is written in.
    let queues = model.queues.values().filter_map(|q| {
        let zone = q.timezone.as_ref()?;
        let shown = crate::escape::shorten(&zone.value, 64);
        Some((
            zone,
            msg!("invalid-timezone-queue", zone = shown, queue = &q.header.id),
        ))
    });
    let found: Vec<_> = calendars
        .chain(queues)
        .filter(|(zone, _)| !is_iana(&zone.value))
        .collect();
    for (zone, message) in found {
        let suggestion = suggest_zone(&zone.value);
        let help = match &suggestion {
            Some(s) => msg!("invalid-timezone-suggest", zone = s.as_str()),
            None => msg!("invalid-timezone-help"),
        };
        ctx.report(
            Diagnostic::new(Code::InvalidTimezone, zone.span, message)
                .help(help)
                .replace_with(suggestion.map(|s| format!("timezone \"{s}\""))),
        );
    }
}

/// The first stretch of the week (day, from, to) when `outer` is open and
/// `inner` is not, both read on the same clock.
fn open_beyond(outer: &WeekHours, inner: &WeekHours) -> Option<(Weekday, TimeOfDay, TimeOfDay)> {
    for &day in Weekday::ALL {
        let covered = &inner.days[day.index()];
        for &(from, to) in &outer.days[day.index()] {
            let mut at = from.minutes();
            for &(a, b) in covered {
                let (a, b) = (a.minutes(), b.minutes());
                if b <= at {
                    continue;
                }
                if a > at {
                    break;
                }
                at = b;
            }
            if at < to.minutes() {
                let end = covered
                    .iter()
                    .map(|(a, _)| a.minutes())
                    .find(|&a| a > at)
                    .map_or(to.minutes(), |a| a.min(to.minutes()));
                return Some((
                    day,
                    TimeOfDay::from_minutes(at),
                    TimeOfDay::from_minutes(end),
                ));
            }
        }
    }
    None
}

/// sla-beyond-channel-hours: an SLA whose `hours` run while a channel it
/// sets an answer or first-response target for (or a resolution on) is
/// closed; offices and field visits aside. Calendars in different zones are
/// compared in absolute time (see [`on_clock_of`]); an SLA without `hours`
/// counts wall time by definition and sets no after-hours routing, so it is
/// not judged. The stretch is told on the channel's clock, which names its
/// zone as the closure warnings do ([`Calendar::clock_words`]).
fn slas_beyond_channel_hours(ctx: &mut Ctx) {
    let model = ctx.model;
    for (_, sla) in model.slas.iter() {
        let Some(sla_hours) = sla.hours.as_ref().and_then(|h| h.target) else {
            continue;
        };
        let mut seen: Vec<Idx<Channel>> = Vec::new();
        for (channel, span) in timed_channels(sla) {
            if seen.contains(&channel) {
                continue;
            }
            seen.push(channel);
            let c = &model.channels[channel];
            let Some(channel_hours) = c.hours.as_ref().and_then(|h| h.target) else {
                continue;
            };
            // An office or a field visit is timed by appointments, which
            // the channel's hours bound (as for `channel-without-target`).
            let physical = c.kind.is_some_and(|k| k.is_physical());
            if c.self_service || physical || channel_hours == sla_hours {
                continue;
            }
            let (outer, inner) = (&model.calendars[sla_hours], &model.calendars[channel_hours]);
            let Some((day, from, to)) = on_clock_of(outer, inner)
                .iter()
                .find_map(|week| open_beyond(week, &inner.week))
            else {
                continue;
            };
            ctx.report(
                Diagnostic::new(
                    Code::SlaBeyondChannelHours,
                    span,
                    msg!(
                        "sla-beyond-channel-hours",
                        sla = &sla.header.id,
                        calendar = &outer.header.id,
                        channel = &c.header.id,
                        hours = &inner.header.id,
                        day = msg!("weekday", day = day.as_str()),
                        from = from.to_string(),
                        to = to.to_string(),
                        clock = inner.clock_words()
                    ),
                )
                .help(msg!(
                    "sla-beyond-channel-hours-help",
                    hours = &inner.header.id,
                    channel = &c.header.id
                )),
            );
        }
    }
}

/// `outer`'s week read on `inner`'s clock (`model::zones`). A calendar
/// whose zone is unknown while the other's differs (one that names none is
/// in the home zone, `Calendar::zone_name`) cannot be placed in time, so
/// nothing is compared (`invalid-timezone` says why).
fn on_clock_of(outer: &Calendar, inner: &Calendar) -> Vec<WeekHours> {
    if outer.week.is_always() || outer.zone_name() == inner.zone_name() {
        return vec![outer.week.clone()];
    }
    let (Some(from), Some(to)) = (zone(outer), zone(inner)) else {
        return Vec::new();
    };
    crate::model::zones::week_in_zone(&outer.week, &from, &to)
}

fn zone(calendar: &Calendar) -> Option<jiff::tz::TimeZone> {
    jiff::tz::db().get(calendar.zone_name()?).ok()
}

/// The channels an SLA times, each with the line that names it.
fn timed_channels(sla: &Sla) -> impl Iterator<Item = (Idx<Channel>, Span)> + '_ {
    let answers = sla
        .answers
        .iter()
        .filter_map(|a| Some((a.channel.target?, a.span)));
    let responses = sla
        .first_responses
        .iter()
        .filter_map(|f| Some((f.channel.target?, f.span)));
    let resolutions = sla
        .resolutions
        .iter()
        .filter_map(|r| Some((r.channel.as_ref()?.target?, r.span)));
    answers.chain(responses).chain(resolutions)
}

#[cfg(test)]
mod tests {
    use super::suggest_zone;

    /// A city written in Russian finds its zone as its English name does
    /// (audit 2: `Владивосток` got no suggestion while `Moscow` did).
    #[test]
    fn russian_city_names_suggest_their_zone() {
        for (name, zone) in [
            ("Владивосток", "Asia/Vladivostok"),
            ("Новосибирск", "Asia/Novosibirsk"),
            ("Калининград", "Europe/Kaliningrad"),
            ("Москва", "Europe/Moscow"),
            ("Екатеринбург", "Asia/Yekaterinburg"),
            ("Moscow", "Europe/Moscow"),
        ] {
            assert_eq!(suggest_zone(name).as_deref(), Some(zone), "{name}");
        }
    }
}
