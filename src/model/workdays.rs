//! How long a deadline in working days (`3wd`, LANGUAGE.md language 3)
//! can run on its calendar's clock.
//!
//! A timer of `N wd` started on day `D` ends at the last closing time of
//! the `N`th opening day after `D` (an opening day has opening hours and is
//! not a holiday). The running time it leaves depends on when it started:
//! started before `D` opens, it runs all of `D` and the `N` days after —
//! the longest; started at `D`'s close (or on a closed day), only the `N`
//! days — the shortest. So over every start moment:
//!
//! - the longest is the largest sum of the hours of `N + 1` consecutive
//!   opening days;
//! - the shortest is the smallest sum of `N` consecutive opening days.
//!
//! Rules that compare a `wd` limit with another take the longest (LANGUAGE.md);
//! exports that only know minutes get it too — business minutes the longest
//! running time, wall-clock timeouts the longest wall-clock time
//! ([`longest_wall_days`]); staffing, which must meet the deadline for every
//! caller, takes the shortest.
//!
//! Opening days form the weekly sequence of opening weekdays with the
//! holidays taken out. A window of consecutive opening days that holds no
//! holiday has a sum that repeats every week; a window that holds holidays
//! is found by sweeping start positions near them, in stretches where the
//! same holidays are inside (the sum then repeats weekly too), so the cost
//! grows with the number of holidays, not with `N`.
//!
//! Days are counted on the calendar's weekly hours: a day on which the
//! clocks change counts at its usual length (`cxc measure` judges each
//! deadline on the exact clock, see `measure::clock`).

use super::Calendar;
use crate::syntax::values::{Duration, TimeLimit};

const DAY: i64 = 86_400;

/// Which end of the range of running times a deadline can mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extreme {
    /// Started before its first day opens: the most running time.
    Longest,
    /// Started at a day's close: the least.
    Shortest,
}

/// The opening days of a calendar, as `wd` deadlines count them.
#[derive(Debug, Clone)]
pub struct WorkingWeek {
    /// The opening weekdays (Monday = 0), in order, and their open seconds.
    weekdays: Vec<(usize, i64)>,
    /// `prefix[j]`: open seconds of the first `j` opening weekdays.
    prefix: Vec<i64>,
    /// Holidays that fall on an opening weekday, as positions in the
    /// sequence of opening weekdays (see [`WorkingWeek::position`]), sorted.
    holidays: Vec<i64>,
    /// `holiday_prefix[i]`: open seconds the first `i` holidays take away.
    holiday_prefix: Vec<i64>,
    /// Dates that open on a weekday that never does (`open 2027-12-25
    /// 09:00-18:00` on a Saturday), as day numbers, sorted: opening days
    /// for [`WorkingWeek::nth_opening_day_after`] (the running-time
    /// extremes of [`WorkingWeek::seconds`] leave them out).
    extra: Vec<i64>,
}

impl WorkingWeek {
    /// The working week of a calendar; without one, of the wall clock (every
    /// day open around the clock).
    pub fn of(calendar: Option<&Calendar>) -> WorkingWeek {
        let open = weekly_windows(calendar).map(|day| day.iter().map(|(a, b)| b - a).sum());
        WorkingWeek::new(open, &holidays(calendar))
    }

    /// Open seconds per weekday (Monday first) and holidays as day numbers
    /// since 1970-01-01.
    pub fn new(open: [i64; 7], closed: &[i64]) -> WorkingWeek {
        let weekdays: Vec<(usize, i64)> = (0..7)
            .filter(|&d| open[d] > 0)
            .map(|d| (d, open[d]))
            .collect();
        let mut prefix = vec![0];
        for &(_, seconds) in &weekdays {
            prefix.push(prefix[prefix.len() - 1] + seconds);
        }
        let mut week = WorkingWeek {
            weekdays,
            prefix,
            holidays: Vec::new(),
            holiday_prefix: vec![0],
            extra: Vec::new(),
        };
        let mut holidays: Vec<i64> = closed.iter().filter_map(|&d| week.position(d)).collect();
        holidays.sort_unstable();
        holidays.dedup();
        for &h in &holidays {
            let seconds = week.open_at(h);
            week.holiday_prefix
                .push(week.holiday_prefix[week.holiday_prefix.len() - 1] + seconds);
        }
        week.holidays = holidays;
        week
    }

    /// The same week with `extra` opening days on weekdays that never
    /// open (day numbers; others are left out: they open anyway).
    pub fn with_extra(mut self, mut extra: Vec<i64>) -> WorkingWeek {
        extra.retain(|&d| self.position(d).is_none());
        extra.sort_unstable();
        extra.dedup();
        self.extra = extra;
        self
    }

    /// Opening weekdays per week.
    fn per_week(&self) -> i64 {
        self.weekdays.len() as i64
    }

    /// The position of day `day` in the endless sequence of opening
    /// weekdays (the first opening weekday of the week of 1970-01-01 is 0),
    /// when it falls on one.
    fn position(&self, day: i64) -> Option<i64> {
        let from_monday = day + 3; // 1970-01-01 is a Thursday
        let (week, weekday) = (
            from_monday.div_euclid(7),
            from_monday.rem_euclid(7) as usize,
        );
        let j = self.weekdays.iter().position(|&(d, _)| d == weekday)?;
        Some(week * self.per_week() + j as i64)
    }

    /// Open seconds of the opening weekday at position `p`.
    fn open_at(&self, p: i64) -> i64 {
        self.weekdays[p.rem_euclid(self.per_week()) as usize].1
    }

    /// Open seconds of positions `0..p` (negative `p`: minus those of `p..0`).
    fn before(&self, p: i64) -> i64 {
        let k = self.per_week();
        p.div_euclid(k) * self.prefix[k as usize] + self.prefix[p.rem_euclid(k) as usize]
    }

    /// The largest (or smallest) open seconds of `len` consecutive opening
    /// days, holidays left out. Zero when the calendar never opens.
    fn window(&self, len: i64, extreme: Extreme) -> i64 {
        let k = self.per_week();
        if k == 0 || len <= 0 {
            return 0;
        }
        let better = |a: i64, b: i64| match extreme {
            Extreme::Longest => a.max(b),
            Extreme::Shortest => a.min(b),
        };
        // Windows with no holiday inside: their sums repeat every week.
        let mut best = (0..k)
            .map(|r| self.before(r + len) - self.before(r))
            .reduce(better)
            .unwrap_or(0);
        let m = self.holidays.len();
        let Some(&first) = self.holidays.first() else {
            return best;
        };
        // Windows starting at `r` hold the holidays `i..hi`: those from
        // the first at or after `r` while they fall before the window's
        // end, which each of them pushes one day further.
        let mut r = first - (len - 1);
        let (mut i, mut hi) = (0, 0);
        while i < m {
            if self.holidays[i] == r {
                // A holiday opens no window; the next start passes it.
                r += 1;
                i += 1;
                hi = hi.max(i);
                continue;
            }
            while hi < m && self.holidays[hi] <= r + len - 1 + (hi - i) as i64 {
                hi += 1;
            }
            let inside = (hi - i) as i64;
            // The same holidays stay inside until `r` reaches holiday `i`
            // or the window's end reaches holiday `hi`.
            let mut next = self.holidays[i];
            if hi < m {
                next = next.min(self.holidays[hi] - (len - 1 + inside));
            }
            if inside > 0 {
                let lost = self.holiday_prefix[hi] - self.holiday_prefix[i];
                // Within the stretch the sum repeats weekly: one week of
                // starts is enough.
                for t in r..next.min(r + k) {
                    best = better(best, self.before(t + len + inside) - self.before(t) - lost);
                }
            }
            r = next;
        }
        best
    }

    /// The `n`th opening day after day `day` (day numbers since
    /// 1970-01-01): the day a deadline of `n` working days started on `day`
    /// is due. None when the calendar never opens. The extra opening days
    /// count as they come: between two of them the regular opening days are
    /// counted in one step, and where an extra one comes first, the regular
    /// days before it are found by bisection.
    pub fn nth_opening_day_after(&self, day: i64, n: u32) -> Option<i64> {
        if n == 0 {
            return None;
        }
        let (mut from, mut left) = (day, n);
        loop {
            let i = self.extra.partition_point(|&e| e <= from);
            let regular = self.nth_regular_after(from, left);
            match (regular, self.extra.get(i).copied()) {
                (Some(due), Some(extra)) if extra < due => {
                    // The regular days in (from, extra): the most `m` whose
                    // `m`th falls before it (fewer than `left`).
                    let (mut lo, mut hi) = (0, left - 1);
                    while lo < hi {
                        let mid = (lo + hi).div_ceil(2);
                        match self.nth_regular_after(from, mid) {
                            Some(d) if d < extra => lo = mid,
                            _ => hi = mid - 1,
                        }
                    }
                    left -= lo + 1;
                    if left == 0 {
                        return Some(extra);
                    }
                    from = extra;
                }
                (Some(due), _) => return Some(due),
                (None, _) => {
                    return self.extra.get(i + left as usize - 1).copied();
                }
            }
        }
    }

    /// [`WorkingWeek::nth_opening_day_after`] on the opening weekdays and
    /// holidays alone.
    fn nth_regular_after(&self, day: i64, n: u32) -> Option<i64> {
        let k = self.per_week();
        if k == 0 || n == 0 {
            return None;
        }
        // The first opening weekday after `day`, as a position.
        let from_monday = day + 1 + 3;
        let (week, weekday) = (
            from_monday.div_euclid(7),
            from_monday.rem_euclid(7) as usize,
        );
        let first = match self.weekdays.iter().position(|&(d, _)| d >= weekday) {
            Some(j) => week * k + j as i64,
            None => (week + 1) * k,
        };
        // Each holiday on the way pushes the deadline one opening day on.
        let mut due = first + i64::from(n) - 1;
        let mut i = self.holidays.partition_point(|&h| h < first);
        while i < self.holidays.len() && self.holidays[i] <= due {
            due += 1;
            i += 1;
        }
        let (week, j) = (due.div_euclid(k), due.rem_euclid(k) as usize);
        Some(week * 7 + self.weekdays[j].0 as i64 - 3)
    }

    /// The running seconds a deadline of `days` working days can leave,
    /// over every moment it may start.
    pub fn seconds(&self, days: u32, extreme: Extreme) -> i64 {
        let len = match extreme {
            Extreme::Longest => i64::from(days) + 1,
            Extreme::Shortest => i64::from(days),
        };
        self.window(len, extreme)
    }
}

/// The running time `limit` can last on the clock of `calendar` (none: the
/// wall clock): running time as written, or for working days the
/// [`Extreme`] over every start moment.
pub fn running(limit: TimeLimit, calendar: Option<&Calendar>, extreme: Extreme) -> Duration {
    match limit {
        TimeLimit::Running { time, .. } => time,
        TimeLimit::WorkingDays(days) => {
            Duration::from_seconds(WorkingWeek::of(calendar).seconds(days, extreme).max(0) as u64)
        }
    }
}

/// The shortest wall-clock time a timer of `limit` on `calendar`'s clock
/// (none: the wall clock) can last, over every moment it may start; `None`
/// when it never ends (the calendar never opens).
///
/// Running time lasts least when started as an open stretch begins, in the
/// densest part of the week; `N wd` when started at the very end of the day
/// before `N` opening days in a row that close early. Holidays only take
/// open time or opening days away, so they never make a timer shorter, and
/// the weeks after the last one are plain: the shortest is that of a plain
/// week. Days are counted at their usual length, as [`running`] counts them.
pub fn shortest_wall(limit: TimeLimit, calendar: Option<&Calendar>) -> Option<Duration> {
    shortest_wall_in(&weekly_windows(calendar), limit)
        .map(|seconds| Duration::from_seconds(u64::try_from(seconds).unwrap_or(0)))
}

/// The longest wall-clock time a deadline of `days` working days on
/// `calendar`'s clock (none: the wall clock) can last, over every moment it
/// may start, the calendar's holidays included; `None` when it never ends
/// (the calendar never opens, or `days` is zero). What a system whose
/// timers run on the wall clock must wait to never act before the deadline.
pub fn longest_wall_days(days: u32, calendar: Option<&Calendar>) -> Option<Duration> {
    longest_wall_days_in(&weekly_windows(calendar), &holidays(calendar), days)
        .map(|seconds| Duration::from_seconds(u64::try_from(seconds).unwrap_or(0)))
}

/// The longest wall-clock time a timer of `limit` on `calendar`'s clock
/// (none: the wall clock) can last, over every moment it may start, the
/// calendar's holidays included; `None` when it never ends. What a time
/// counted on one clock can mean on another: "8 office hours" can last 18
/// hours around the clock (from 21:30 to 15:30 the next day), more over a
/// weekend or a holiday. Working days as [`longest_wall_days`].
pub fn longest_wall(limit: TimeLimit, calendar: Option<&Calendar>) -> Option<Duration> {
    longest_wall_in(&weekly_windows(calendar), &holidays(calendar), limit)
        .map(|seconds| Duration::from_seconds(u64::try_from(seconds).unwrap_or(0)))
}

/// [`longest_wall`] on weekly open windows (Monday first, seconds of the
/// day, sorted and not overlapping) and holidays (day numbers, sorted).
///
/// Running time lasts longest when started as an open stretch closes:
/// within a stretch, a later start ends at least as much later, and in a
/// closed gap the end stays where it is while the start moves on. So the
/// candidates are every closing time of a plain week, and every closing
/// time within a plain timer's reach before each holiday (a holiday only
/// takes open time away, so it can only push an end later).
fn longest_wall_in(
    windows: &[Vec<(i64, i64)>; 7],
    holidays: &[i64],
    limit: TimeLimit,
) -> Option<i64> {
    let wanted = match limit {
        TimeLimit::WorkingDays(days) => return longest_wall_days_in(windows, holidays, days),
        TimeLimit::Running { time, .. } => i64::try_from(time.seconds()).unwrap_or(i64::MAX),
    };
    const WEEK: i64 = 7 * DAY;
    let weekly: i64 = windows.iter().flatten().map(|(a, b)| b - a).sum();
    if weekly == 0 {
        return None;
    }
    if wanted == 0 {
        return Some(0);
    }
    let windows_of = |day: i64| &windows[(day + 3).rem_euclid(7) as usize];
    let wall_from =
        |day: i64, at: i64, left: i64, closed: &[i64]| wall_from(windows, (day, at), left, closed);
    let closings = |day: i64| windows_of(day).iter().map(move |w| (day, w.1));
    // A plain week (1970-01-05 is a Monday): whole weeks first, each a
    // week of wall time wherever it starts.
    let weeks = (wanted - 1) / weekly;
    let rest = wanted - weeks * weekly;
    let plain = (4..11)
        .flat_map(closings)
        .map(|(day, at)| wall_from(day, at, rest, &[]))
        .max()?
        .saturating_add(weeks.saturating_mul(WEEK));
    let reach = plain / DAY + 2;
    let mut longest = plain;
    let mut next = i64::MIN;
    for &holiday in holidays {
        for day in next.max(holiday - reach)..holiday {
            if holidays.binary_search(&day).is_ok() {
                continue;
            }
            for (day, at) in closings(day) {
                longest = longest.max(wall_from(day, at, wanted, holidays));
            }
        }
        next = next.max(holiday);
    }
    Some(longest)
}

/// Wall seconds from second `at` of day `day` (day numbers since
/// 1970-01-01) until `left` open seconds of the weekly `windows` have
/// passed, the days in `closed` (sorted) skipped. The windows must open
/// somewhere in the week.
fn wall_from(
    windows: &[Vec<(i64, i64)>; 7],
    (day, at): (i64, i64),
    mut left: i64,
    closed: &[i64],
) -> i64 {
    let mut d = day;
    loop {
        if closed.binary_search(&d).is_err() {
            for &(a, b) in &windows[(d + 3).rem_euclid(7) as usize] {
                let a = if d == day { a.max(at) } else { a };
                if b <= a {
                    continue;
                }
                if b - a >= left {
                    return (d - day) * DAY + a + left - at;
                }
                left -= b - a;
            }
        }
        d += 1;
    }
}

/// The shortest wall-clock time from the end of a timer of `first` to the
/// end of a timer of `second`, both started at the same moment on
/// `calendar`'s clock (none: the wall clock), over every moment they may
/// start: what an escalation after `first` leaves before a deadline of
/// `second`, on the wall clock. Negative when `first` can end after
/// `second`; `None` when the calendar never opens. Counted on plain weeks:
/// a holiday between the two ends only pushes the later one on.
///
/// Both in running time, the gap is running time `second − first` started
/// where the first ends, anywhere the clock runs ([`shortest_wall`]). Both
/// in working days, it runs from one day's last closing time to another's
/// and depends only on the day the timers start. Otherwise one end depends
/// only on that day and the other moves on with the start: the gap is
/// least when they start as the day ends (a working-day deadline after a
/// running escalation) or as it begins (the other way round).
pub fn shortest_wall_between(
    first: TimeLimit,
    second: TimeLimit,
    calendar: Option<&Calendar>,
) -> Option<i64> {
    shortest_wall_between_in(&weekly_windows(calendar), first, second)
}

/// [`shortest_wall_between`] on weekly open windows (Monday first, seconds
/// of the day, sorted and not overlapping).
fn shortest_wall_between_in(
    windows: &[Vec<(i64, i64)>; 7],
    first: TimeLimit,
    second: TimeLimit,
) -> Option<i64> {
    if windows.iter().flatten().all(|(a, b)| b <= a) {
        return None;
    }
    let open: [i64; 7] = std::array::from_fn(|d| windows[d].iter().map(|(a, b)| b - a).sum());
    let week = WorkingWeek::new(open, &[]);
    // The end of `limit` started at the first instant of day `day`, in
    // seconds since 1970-01-01.
    let end = |limit: TimeLimit, day: i64| match limit {
        TimeLimit::Running { time, .. } => {
            let left = i64::try_from(time.seconds()).unwrap_or(i64::MAX);
            let wall = if left == 0 {
                0
            } else {
                wall_from(windows, (day, 0), left, &[])
            };
            Some(day * DAY + wall)
        }
        TimeLimit::WorkingDays(n) => {
            let due = week.nth_opening_day_after(day, n)?;
            let closing = windows[(due + 3).rem_euclid(7) as usize]
                .iter()
                .map(|w| w.1)
                .max()?;
            Some(due * DAY + closing)
        }
    };
    // A plain week of start days (1970-01-05 is a Monday).
    let days = 4..11;
    match (first, second) {
        (TimeLimit::Running { time: a, .. }, TimeLimit::Running { time: b, .. }) => {
            if b < a {
                let wall = longest_wall_in(windows, &[], TimeLimit::running(a.saturating_sub(b)))?;
                return Some(-wall);
            }
            shortest_wall_in(windows, TimeLimit::running(b.saturating_sub(a)))
        }
        // Started as day `d` ends: the running one ends as if started as
        // the next day begins (the working-day deadline is day `d`'s).
        (TimeLimit::Running { .. }, TimeLimit::WorkingDays(_)) => days
            .filter_map(|d| Some(end(second, d)? - end(first, d + 1)?))
            .min(),
        _ => days
            .filter_map(|d| Some(end(second, d)? - end(first, d)?))
            .min(),
    }
}

/// [`longest_wall_days`] on weekly open windows (Monday first, seconds of
/// the day) and holidays (day numbers, sorted).
///
/// A deadline lasts longest when started at the first instant of a day: it
/// runs from there to the last closing time of the `days`th opening day
/// after that day. Away from holidays that repeats every week; a holiday
/// can only push a deadline later, so every start day within a plain
/// deadline's reach before a holiday is tried too.
fn longest_wall_days_in(
    windows: &[Vec<(i64, i64)>; 7],
    holidays: &[i64],
    days: u32,
) -> Option<i64> {
    let open: [i64; 7] = std::array::from_fn(|d| windows[d].iter().map(|(a, b)| b - a).sum());
    let wall_from = |week: &WorkingWeek, start: i64| {
        let due = week.nth_opening_day_after(start, days)?;
        let closing = windows[(due + 3).rem_euclid(7) as usize]
            .iter()
            .map(|w| w.1)
            .max()?;
        Some((due - start) * DAY + closing)
    };
    // A plain week of start days (1970-01-05 is a Monday).
    let plain = WorkingWeek::new(open, &[]);
    let mut longest = (4..11).filter_map(|d| wall_from(&plain, d)).max()?;
    let week = WorkingWeek::new(open, holidays);
    let reach = longest / DAY + 1;
    let mut next = i64::MIN;
    for &holiday in holidays {
        for start in next.max(holiday - reach)..holiday {
            longest = longest.max(wall_from(&week, start)?);
        }
        next = next.max(holiday);
    }
    Some(longest)
}

/// Each weekday's open windows (Monday first) in seconds of the day on
/// `calendar`'s clock; around the clock on the wall clock.
fn weekly_windows(calendar: Option<&Calendar>) -> [Vec<(i64, i64)>; 7] {
    std::array::from_fn(|d| match calendar {
        Some(c) => c.week.days[d]
            .iter()
            .map(|(a, b)| (i64::from(a.minutes()) * 60, i64::from(b.minutes()) * 60))
            .collect(),
        None => vec![(0, DAY)],
    })
}

/// The calendar's holidays as day numbers since 1970-01-01, sorted.
fn holidays(calendar: Option<&Calendar>) -> Vec<i64> {
    let mut days: Vec<i64> = calendar.map_or(Vec::new(), |c| {
        c.closed.iter().map(|d| d.to_days()).collect()
    });
    days.sort_unstable();
    days.dedup();
    days
}

/// [`shortest_wall`] on weekly open windows (Monday first, seconds of the
/// day, sorted and not overlapping).
fn shortest_wall_in(windows: &[Vec<(i64, i64)>; 7], limit: TimeLimit) -> Option<i64> {
    const WEEK: i64 = 7 * DAY;
    let weekly: i64 = windows.iter().flatten().map(|(a, b)| b - a).sum();
    if weekly == 0 {
        return None;
    }
    match limit {
        TimeLimit::Running { time, .. } => {
            let wanted = i64::try_from(time.seconds()).unwrap_or(i64::MAX);
            if wanted == 0 {
                return Some(0);
            }
            // Whole weeks first: what is left (more than nothing, at most a
            // week's open time) is reached within the next two weeks.
            let weeks = (wanted - 1) / weekly;
            let rest = wanted - weeks * weekly;
            let stretches: Vec<(i64, i64)> = (0..21)
                .flat_map(|day| {
                    windows[day as usize % 7]
                        .iter()
                        .map(move |(a, b)| (day * DAY + a, day * DAY + b))
                })
                .collect();
            let first_week = stretches.iter().take_while(|(a, _)| *a < WEEK).count();
            (0..first_week)
                .filter_map(|i| {
                    let start = stretches[i].0;
                    let mut left = rest;
                    stretches[i..].iter().find_map(|&(a, b)| {
                        if b - a >= left {
                            Some(a + left - start)
                        } else {
                            left -= b - a;
                            None
                        }
                    })
                })
                .min()
                .map(|wall| weeks.saturating_mul(WEEK).saturating_add(wall))
        }
        TimeLimit::WorkingDays(days) => {
            let open: [i64; 7] =
                std::array::from_fn(|d| windows[d].iter().map(|(a, b)| b - a).sum());
            let week = WorkingWeek::new(open, &[]);
            let closing = |day: i64| {
                windows[(day + 3).rem_euclid(7) as usize]
                    .iter()
                    .map(|w| w.1)
                    .max()
                    .unwrap_or(DAY)
            };
            // Started at the last instant of day `day` (1970-01-05, a
            // Monday, and the six days after it).
            (4..11)
                .filter_map(|day| {
                    let due = week.nth_opening_day_after(day, days)?;
                    Some((due - day - 1) * DAY + closing(due))
                })
                .min()
        }
    }
}

#[cfg(test)]
mod tests;
