//! Business time: the running seconds of a calendar between two instants.
//!
//! Targets count on their calendar's clock (LANGUAGE.md §1): a 4-hour
//! first-response target on office hours stops at 18:00 and runs again at
//! 09:00, skips holidays, and follows the calendar's time zone through its
//! daylight-saving changes. Measuring a million contacts needs that in
//! O(log n) per interval, not a walk over minutes:
//!
//! `running(a, b) = F(b) − F(a)`, where `F(t)` is the open seconds from a
//! fixed Monday to `t`. `F(t)` is the open seconds of the whole days before
//! `t`'s local day — whole weeks times the weekly total, plus the week's
//! prefix, plus the corrections of *irregular* days before it (holidays:
//! nothing open; days of a UTC-offset change: what their windows really
//! last), found by binary search over prefix sums — plus the open seconds
//! of its own day before `t`.
//!
//! On a regular day the offset is the same all day, so a window of 09:00 to
//! 18:00 lasts nine hours. On a day the offset changes, the day is cut at
//! each change into pieces of constant offset, and in each piece the local
//! times of a window form one interval of instants: a window over a
//! skipped hour is an hour shorter, a window over a repeated hour an hour
//! longer, exactly as a clock on the wall would run.

use super::workdays::WorkingWeek;
use super::{Calendar, WeekHours};
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// A calendar's time zone (its own, else the home zone); UTC without one,
/// or with one the database lacks.
pub fn zone(calendar: &Calendar) -> TimeZone {
    calendar
        .zone_name()
        .and_then(|name| jiff::tz::db().get(name).ok())
        .unwrap_or(TimeZone::UTC)
}

/// The spec's home zone: that of the first calendar naming one the
/// database knows (UTC without one). Local times no calendar governs are
/// read in it, and calendars without `timezone` keep their hours in it.
pub fn home_zone(model: &super::Model) -> TimeZone {
    home_zone_name(model.calendars.values())
        .and_then(|name| jiff::tz::db().get(name).ok())
        .unwrap_or(TimeZone::UTC)
}

/// The name of the home zone as written (`home_zone`).
pub fn home_zone_name<'a>(calendars: impl IntoIterator<Item = &'a Calendar>) -> Option<&'a str> {
    calendars
        .into_iter()
        .filter_map(|c| c.timezone.as_ref())
        .map(|z| z.value.as_str())
        .find(|name| jiff::tz::db().get(name).is_ok())
}

const DAY: i64 = 86_400;
/// Offset changes are looked for between these years; outside them only
/// holidays and weekly hours count.
const FIRST_YEAR: i16 = 1900;
const LAST_YEAR: i16 = 2200;

/// A calendar made ready for measuring.
#[derive(Debug, Clone)]
pub struct Clock {
    tz: TimeZone,
    /// Open windows of each weekday (Monday first), in seconds of the day.
    windows: [Vec<(i64, i64)>; 7],
    /// Open seconds of each weekday, and their running sums (`week[k]` =
    /// seconds of the days before weekday `k`).
    nominal: [i64; 7],
    week: [i64; 8],
    /// Holidays and offset-change days, by local day number, with how many
    /// seconds they differ from their weekday, and the running sum of those
    /// differences before each.
    irregular: Vec<Irregular>,
    /// Days (local day numbers) that are holidays.
    closed: Vec<i64>,
    /// Days (local day numbers, sorted) with their own open windows
    /// (`open 2027-12-25 09:00-18:00`), in seconds of the day.
    dated: Vec<(i64, Vec<(i64, i64)>)>,
    /// Open around the clock with no holidays: running time is wall time.
    always: bool,
    /// Its opening days, for deadlines in working days.
    working: WorkingWeek,
}

#[derive(Debug, Clone, Copy)]
struct Irregular {
    day: i64,
    /// The day's offset changes (else it is only a holiday).
    shifts: bool,
    delta: i64,
    /// The sum of `delta` of the irregular days before this one.
    before: i64,
}

impl Clock {
    /// The clock of a declared calendar, in its zone (`zone`).
    pub fn of(calendar: &Calendar) -> Clock {
        let tz = zone(calendar);
        let closed: Vec<i64> = calendar.closed.iter().map(|d| d.to_days()).collect();
        Clock::with_dated(&calendar.week, &closed, calendar.dated_seconds(), tz)
    }

    /// The clock of a calendar: its weekly hours and holidays (as local day
    /// numbers since 1970-01-01) in `tz`.
    pub fn new(week: &WeekHours, closed: &[i64], tz: TimeZone) -> Clock {
        Clock::with_dated(week, closed, Vec::new(), tz)
    }

    /// The clock of a calendar with dates of their own hours too: `dated`
    /// holds local day numbers with their open windows in seconds of the
    /// day, which replace their weekday's (a holiday among them stays
    /// closed).
    pub fn with_dated(
        week: &WeekHours,
        closed: &[i64],
        mut dated: Vec<(i64, Vec<(i64, i64)>)>,
        tz: TimeZone,
    ) -> Clock {
        let windows: [Vec<(i64, i64)>; 7] = std::array::from_fn(|d| {
            week.days[d]
                .iter()
                .map(|(a, b)| (i64::from(a.minutes()) * 60, i64::from(b.minutes()) * 60))
                .collect()
        });
        let nominal: [i64; 7] =
            std::array::from_fn(|d| windows[d].iter().map(|(a, b)| b - a).sum());
        let mut weekly = [0; 8];
        for d in 0..7 {
            weekly[d + 1] = weekly[d] + nominal[d];
        }
        let mut closed = closed.to_vec();
        closed.sort_unstable();
        closed.dedup();
        dated.sort_by_key(|d| d.0);
        dated.dedup_by_key(|d| d.0);
        dated.retain(|(day, _)| closed.binary_search(day).is_err());
        // Dates that open on a weekday that never does: extra working days.
        let extra: Vec<i64> = dated
            .iter()
            .filter(|(day, open)| nominal[weekday(*day)] == 0 && open.iter().any(|(a, b)| b > a))
            .map(|(day, _)| *day)
            .collect();
        let working = WorkingWeek::new(nominal, &closed).with_extra(extra);
        let full_days = dated.iter().all(|(_, open)| open == &[(0, DAY)]);
        let mut clock = Clock {
            tz,
            windows,
            nominal,
            week: weekly,
            irregular: Vec::new(),
            closed,
            dated,
            always: week.is_always(),
            working,
        };
        clock.always &= clock.closed.is_empty() && full_days;
        clock.irregular = clock.irregular_days();
        clock
    }

    /// The running seconds between `from` and `to` (zero when `to` is not
    /// after `from`).
    pub fn running(&self, from: Timestamp, to: Timestamp) -> i64 {
        if to <= from {
            return 0;
        }
        if self.always {
            return to.as_second() - from.as_second();
        }
        (self.cumulative(to) - self.cumulative(from)).max(0)
    }

    /// When a deadline of `days` working days started at `from` is due: the
    /// last closing time of the `days`th opening day after `from`'s local
    /// day (an opening day has opening hours and is not a holiday) — on a
    /// calendar open around the clock, midnight at that day's end. That is
    /// the end of the day's last open stretch, so on a day the clocks
    /// change it is where the clock really stops. None when the calendar
    /// never opens: such a deadline never comes.
    pub fn due(&self, from: Timestamp, days: u32) -> Option<Timestamp> {
        let local = from.as_second() + i64::from(self.tz.to_offset(from).seconds());
        let day = self.opening_day_after(local.div_euclid(DAY), days)?;
        Timestamp::from_second(self.closing(day)).ok()
    }

    /// The `days`th opening day after local day `day` (None when the
    /// calendar never opens).
    pub fn opening_day_after(&self, day: i64, days: u32) -> Option<i64> {
        self.working.nth_opening_day_after(day, days)
    }

    /// When local day `day` closes (seconds since 1970 UTC): the end of its
    /// last open stretch.
    pub fn closing(&self, day: i64) -> i64 {
        // A day whose only window falls in an hour the clocks skip has no
        // open stretch: it is due when the day ends.
        self.open_on(day)
            .into_iter()
            .map(|(_, to)| to)
            .max()
            .unwrap_or_else(|| self.start_of(day + 1))
    }

    /// `F(t)`: open seconds from the Monday before 1970-01-01 to `t`.
    fn cumulative(&self, t: Timestamp) -> i64 {
        let second = t.as_second();
        let local = second + i64::from(self.tz.to_offset(t).seconds());
        let day = local.div_euclid(DAY);
        let before = self.days_before(day);
        let within = match self.irregular_at(day) {
            Some(i) if i.shifts => self.exact(day, Some(second)),
            _ => {
                let of_day = local.rem_euclid(DAY);
                self.windows_of(day)
                    .iter()
                    .map(|&(a, b)| (of_day.min(b) - a).max(0))
                    .sum()
            }
        };
        before + within
    }

    /// Open seconds of all the days before local day `day`.
    fn days_before(&self, day: i64) -> i64 {
        // Day 0 (1970-01-01) is a Thursday; the weeks count from the Monday before.
        let from_monday = day + 3;
        let weeks = from_monday.div_euclid(7);
        let rest = from_monday.rem_euclid(7) as usize;
        let corrections = match self.irregular.partition_point(|i| i.day < day) {
            0 => 0,
            n => self.irregular[n - 1].before + self.irregular[n - 1].delta,
        };
        weeks * self.week[7] + self.week[rest] + corrections
    }

    fn irregular_at(&self, day: i64) -> Option<&Irregular> {
        self.irregular
            .binary_search_by_key(&day, |i| i.day)
            .ok()
            .map(|i| &self.irregular[i])
    }

    fn is_closed(&self, day: i64) -> bool {
        self.closed.binary_search(&day).is_ok()
    }

    /// The open windows of local day `day`, in seconds of the day: none on
    /// a holiday, a dated opening's own, else its weekday's.
    fn windows_of(&self, day: i64) -> &[(i64, i64)] {
        if self.is_closed(day) {
            return &[];
        }
        match self.dated.binary_search_by_key(&day, |d| d.0) {
            Ok(i) => &self.dated[i].1,
            Err(_) => &self.windows[weekday(day)],
        }
    }

    /// The open seconds of local day `day` (before `until`, when given).
    fn exact(&self, day: i64, until: Option<i64>) -> i64 {
        let until = until.unwrap_or(i64::MAX);
        self.open_on(day)
            .into_iter()
            .map(|(from, to)| (to.min(until) - from).max(0))
            .sum()
    }

    /// The open instants of local day `day` (seconds since 1970 UTC, as
    /// half-open intervals in order), piece by piece of constant UTC offset:
    /// in each piece the local times of a window form one interval.
    pub fn open_on(&self, day: i64) -> Vec<(i64, i64)> {
        if self.is_closed(day) {
            return Vec::new();
        }
        let (start, end) = (self.start_of(day), self.start_of(day + 1));
        let mut cuts = vec![start];
        if let Ok(from) = Timestamp::from_second(start) {
            cuts.extend(
                self.tz
                    .following(from)
                    .map(|t| t.timestamp().as_second())
                    .take_while(|&t| t < end)
                    .filter(|&t| t > start),
            );
        }
        cuts.push(end);
        let midnight = day * DAY;
        let mut open = Vec::new();
        for piece in cuts.windows(2) {
            let (s0, s1) = (piece[0], piece[1]);
            if s1 <= s0 {
                continue;
            }
            let offset =
                Timestamp::from_second(s0).map_or(0, |t| i64::from(self.tz.to_offset(t).seconds()));
            for &(a, b) in self.windows_of(day) {
                let from = s0.max(midnight + a - offset);
                let to = s1.min(midnight + b - offset);
                if to > from {
                    open.push((from, to));
                }
            }
        }
        open.sort_unstable();
        open
    }

    /// Local day number of instant `t` (seconds since 1970 UTC) in the
    /// clock's zone.
    pub fn local_day(&self, t: i64) -> i64 {
        let offset =
            Timestamp::from_second(t).map_or(0, |t| i64::from(self.tz.to_offset(t).seconds()));
        (t + offset).div_euclid(DAY)
    }

    /// Open around the clock with no holidays: its running time is wall time.
    pub fn is_always(&self) -> bool {
        self.always
    }

    /// The first instant of local day `day`.
    pub fn start_of(&self, day: i64) -> i64 {
        let date = crate::syntax::values::Date::from_days(day);
        let civil = jiff::civil::DateTime::new(
            date.year as i16,
            date.month as i8,
            date.day as i8,
            0,
            0,
            0,
            0,
        );
        match civil.and_then(|dt| self.tz.to_timestamp(dt)) {
            Ok(t) => t.as_second(),
            Err(_) => day * DAY,
        }
    }

    /// Holidays and the days around each offset change of the zone.
    fn irregular_days(&self) -> Vec<Irregular> {
        let mut days: Vec<(i64, bool)> = self
            .closed
            .iter()
            .chain(self.dated.iter().map(|(d, _)| d))
            .map(|&d| (d, false))
            .collect();
        let first = jiff::civil::date(FIRST_YEAR, 1, 1).to_zoned(self.tz.clone());
        let last = jiff::civil::date(LAST_YEAR, 1, 1)
            .to_zoned(self.tz.clone())
            .map(|z| z.timestamp());
        if let (Ok(first), Ok(last)) = (first, last) {
            for transition in self.tz.following(first.timestamp()) {
                let at = transition.timestamp();
                if at > last {
                    break;
                }
                let after = i64::from(transition.offset().seconds());
                let before = i64::from(
                    self.tz
                        .to_offset(at - jiff::SignedDuration::from_secs(1))
                        .seconds(),
                );
                for offset in [before, after] {
                    let local = (at.as_second() + offset).div_euclid(DAY);
                    // The local day of the change, and the one its
                    // midnight may belong to.
                    days.push((local, true));
                    days.push((local - 1, true));
                }
            }
        }
        days.sort_unstable();
        days.dedup_by(|b, a| {
            if a.0 == b.0 {
                a.1 |= b.1;
                true
            } else {
                false
            }
        });
        let mut sum = 0;
        let mut out = Vec::with_capacity(days.len());
        for (day, shifts) in days {
            let actual = self.exact(day, None);
            let delta = actual - self.nominal[weekday(day)];
            if delta == 0 && !shifts && !self.is_closed(day) {
                continue;
            }
            out.push(Irregular {
                day,
                shifts,
                delta,
                before: sum,
            });
            sum += delta;
        }
        out
    }
}

/// Monday = 0 for local day number `day` (day 0, 1970-01-01, a Thursday).
fn weekday(day: i64) -> usize {
    (day + 3).rem_euclid(7) as usize
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod dated_tests;
