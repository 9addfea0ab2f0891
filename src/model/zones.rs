//! A week of opening hours read on another zone's clock: an Adelaide
//! office's 08:30–17:00 is 09:00–17:30 in Sydney, and a Sydney office's
//! 08:30 is 05:30 or 06:30 in Manila, depending on the season. A week has
//! no date, so it is read at two representative instants, one in each
//! half of the year; together they cover both sides of every
//! daylight-saving change, northern and southern.

use super::WeekHours;
use crate::syntax::values::{TimeOfDay, Weekday};
use jiff::tz::TimeZone;

/// Mid-January and mid-July.
const REPRESENTATIVE_DAYS: [(i16, i8, i8); 2] = [(2026, 1, 15), (2026, 7, 15)];

/// Noon UTC of the representative days: a typical day or week read on
/// another zone's clock is read at each (`staffing` compares typical
/// intervals of queues in different zones the same way).
pub fn representative_instants() -> impl Iterator<Item = jiff::Timestamp> {
    REPRESENTATIVE_DAYS
        .into_iter()
        .filter_map(|(year, month, day)| {
            let at = jiff::civil::date(year, month, day).at(12, 0, 0, 0);
            Some(at.to_zoned(TimeZone::UTC).ok()?.timestamp())
        })
}

/// `week`, written in `from`, on the clock of `to`: once per distinct
/// difference of the two zones' offsets at the representative days (one
/// week when the zones keep the same difference all year). A week open
/// around the clock is open in every zone.
pub fn week_in_zone(week: &WeekHours, from: &TimeZone, to: &TimeZone) -> Vec<WeekHours> {
    if week.is_always() || from == to {
        return vec![week.clone()];
    }
    let mut shifts: Vec<i32> = Vec::new();
    for at in representative_instants() {
        let shift = (to.to_offset(at).seconds() - from.to_offset(at).seconds()) / 60;
        if !shifts.contains(&shift) {
            shifts.push(shift);
        }
    }
    shifts
        .into_iter()
        .map(|shift| shifted(week, shift))
        .collect()
}

/// `week` moved by `shift` minutes (wrapping round the week), split at
/// midnight.
fn shifted(week: &WeekHours, shift: i32) -> WeekHours {
    const DAY: i32 = 24 * 60;
    const WEEK: i32 = 7 * DAY;
    let mut out = WeekHours::default();
    for &day in Weekday::ALL {
        for &(a, b) in &week.days[day.index()] {
            let start = (day.index() as i32 * DAY + a.minutes() as i32 + shift).rem_euclid(WEEK);
            let mut left = b.minutes() as i32 - a.minutes() as i32;
            let mut at = start;
            while left > 0 {
                let (d, m) = (at / DAY, at % DAY);
                let take = left.min(DAY - m);
                out.days[d as usize].push((
                    TimeOfDay::from_minutes(m as u32),
                    TimeOfDay::from_minutes((m + take) as u32),
                ));
                left -= take;
                at = (at + take) % WEEK;
            }
        }
    }
    out.merge_days();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::OpenHours;

    fn zone(name: &str) -> TimeZone {
        jiff::tz::db().get(name).unwrap()
    }

    /// Days `first..=last` (Monday 0) open `from`–`to` ("08:30").
    fn week(first: usize, last: usize, from: &str, to: &str) -> WeekHours {
        let minutes = |t: &str| {
            let (h, m) = t.split_once(':').unwrap();
            h.parse::<u32>().unwrap() * 60 + m.parse::<u32>().unwrap()
        };
        let mut week = WeekHours::default();
        for day in first..=last {
            week.days[day] = vec![(
                TimeOfDay::from_minutes(minutes(from)),
                TimeOfDay::from_minutes(minutes(to)),
            )];
        }
        week
    }

    #[test]
    fn a_half_hour_zone_moves_by_half_an_hour_and_a_season_apart_by_two() {
        let adelaide = week(0, 4, "08:30", "17:00");
        // Adelaide is half an hour behind Sydney all year.
        let on_sydney = week_in_zone(
            &adelaide,
            &zone("Australia/Adelaide"),
            &zone("Australia/Sydney"),
        );
        assert_eq!(on_sydney, vec![week(0, 4, "09:00", "17:30")]);
        // Sydney 08:30-17:30 is 06:30-15:30 in Manila in July, 05:30-14:30 in January.
        let sydney = week(0, 4, "08:30", "17:30");
        let on_manila = week_in_zone(&sydney, &zone("Australia/Sydney"), &zone("Asia/Manila"));
        assert_eq!(
            on_manila,
            vec![week(0, 4, "05:30", "14:30"), week(0, 4, "06:30", "15:30")]
        );
        // Monday 00:30 in Moscow is Sunday 22:30 in Berlin in winter: the week wraps.
        let early = week(0, 0, "00:30", "01:00");
        let on_berlin = week_in_zone(&early, &zone("Europe/Moscow"), &zone("Europe/Berlin"));
        assert_eq!(on_berlin[0], week(6, 6, "22:30", "23:00"));
        let mut always = WeekHours::default();
        always.add(&OpenHours::Always);
        assert_eq!(
            week_in_zone(&always, &zone("Asia/Manila"), &zone("UTC")),
            vec![always]
        );
    }
}
