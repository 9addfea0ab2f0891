//! When a calendar is open while none of several others is (cxc addition,
//! `hours` on teams and queues): a 24x7 line whose three centres all close
//! on Saturday is open then with nobody at work (audit 13, H1). The
//! calendars may be in different zones, so their windows are laid on the
//! one UTC line, in a winter and a summer week, the weeks when the US and
//! EU daylight-saving dates differ (mid-March, end of October: a Dublin
//! and a San Francisco centre are an hour closer then), and the weeks
//! around each holiday of any of them (a team's calendar closed on a
//! holiday while the line is open); the stretches are told on the clock of
//! the open calendar: every weekly one, and every one on dates of its own
//! that no week has (audit 16, M4: a daily gap was hidden behind a longer
//! holiday). Dated hours (`open 2027-12-25 09:00-18:00`) count on the
//! dates they name: a centre that covers Christmas on a date of its own
//! while the other is closed leaves no gap (audit 17, M2: the stretch was
//! told as unworked, and the documented way to roster a one-off day could
//! not silence it).

use super::{Closure, LocalMinute};
use crate::model::clock::{zone, Clock};
use crate::model::Calendar;
use crate::syntax::values::{Date, Weekday};
use jiff::{tz::TimeZone, Timestamp};
use std::collections::BTreeMap;

const fn monday(year: i32, month: u32, day: u32) -> Date {
    Date { year, month, day }
}

/// Mondays of the weeks looked at, each with the week after it: a winter
/// and a summer week, and the fortnights in which the US and the EU change
/// their clocks on different Sundays (2027: the US on 14 March and 7
/// November, the EU on 28 March and 31 October).
const WEEKS: [Date; 4] = [
    monday(2027, 1, 4),
    monday(2027, 7, 5),
    monday(2027, 3, 15),
    monday(2027, 10, 25),
];

/// The most holidays whose weeks are walked: far more than any calendar
/// lists for the years a spec plans.
const MAX_HOLIDAY_WEEKS: usize = 400;

/// A calendar's holidays as local day numbers.
fn holidays(calendar: &Calendar) -> Vec<i64> {
    calendar.closed.iter().map(|d| d.to_days()).collect()
}

/// Each calendar once: the queues of a channel mostly work one calendar, and
/// a clock (its zone's offset changes over three centuries) is built for
/// each calendar, not for each queue (attack 15, M2: 40,000 queues of one
/// calendar held 40,000 clocks, 1.8 GB).
fn distinct<'a>(calendars: &[&'a Calendar]) -> Vec<&'a Calendar> {
    let mut seen = std::collections::HashSet::new();
    calendars
        .iter()
        .copied()
        .filter(|c| seen.insert(std::ptr::from_ref(*c)))
        .collect()
}

/// Which plain week a weekly stretch comes in: both, or only the winter's
/// or the summer's (two zones a different number of hours apart then).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Season {
    Both,
    Winter,
    Summer,
}

/// A stretch that comes every week (audit 16, M4: every morning, not only
/// on the holiday that is longer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weekly {
    /// One time it comes (`dated` false), on its first weekday.
    pub gap: Closure,
    /// The weekdays (Monday first) on which it starts, at the same time of
    /// day and as long.
    pub weekdays: Vec<Weekday>,
    pub season: Season,
}

/// When `open` is open and none of `others` is: the stretches that come
/// every week, and those that come on their dates only (a holiday of a
/// team, the weeks the US and EU clocks disagree) and are not one of the
/// weekly ones, longest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncovered {
    pub weekly: Vec<Weekly>,
    pub dated: Vec<Closure>,
}

/// Stretches on dates of their own that come on consecutive dates at the
/// same time of day and as long (prac18: a Dublin centre beside a zone
/// without summer time leaves the same hour unworked on every day of the
/// weeks the clocks disagree, once told per date): the first of them, and
/// on how many dates in a row it comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatedRun {
    pub first: Closure,
    /// Dates in a row, at least 1.
    pub days: i64,
}

impl DatedRun {
    /// The last of its stretches.
    pub fn last(self) -> Closure {
        let shift = (self.days - 1) * 24 * 60;
        Closure {
            from: LocalMinute(self.first.from.0 + shift),
            to: LocalMinute(self.first.to.0 + shift),
            dated: true,
        }
    }
}

impl Uncovered {
    /// The stretches on dates of their own, those on consecutive dates at
    /// the same time and as long made one run; longest first, as `dated`
    /// is, then by their first date.
    pub fn dated_runs(&self) -> Vec<DatedRun> {
        let mut by_time: Vec<Closure> = self.dated.clone();
        by_time.sort_by_key(|g| (g.from.0.rem_euclid(24 * 60), g.minutes(), g.from.0));
        let mut runs: Vec<DatedRun> = Vec::new();
        for gap in by_time {
            match runs.last_mut() {
                Some(run)
                    if run.first.minutes() == gap.minutes()
                        && gap.from.0 - run.first.from.0 == run.days * 24 * 60 =>
                {
                    run.days += 1;
                }
                _ => runs.push(DatedRun {
                    first: gap,
                    days: 1,
                }),
            }
        }
        runs.sort_by(|a, b| {
            (b.first.minutes().cmp(&a.first.minutes())).then(a.first.from.cmp(&b.first.from))
        });
        runs
    }
}

/// A weekly stretch as the week knows it: its weekday (0 = Monday), its
/// start in minutes of the day, its length in minutes; on `open`'s clock.
type Key = (usize, i64, i64);

/// Every stretch when `open` is open and none of `others` is, on `open`'s
/// wall clock; `None` when they cover it. The weekly hours without holidays
/// give the weekly stretches (in the winter and the summer week); the weeks
/// around each holiday, and those when the clocks change, give the dated
/// ones that no week has. One clock per calendar and season (attack 15, M2).
pub fn uncovered(open: &Calendar, others: &[&Calendar]) -> Option<Uncovered> {
    let others = distinct(others);
    let tz = zone(open);
    let closed = holidays(open);
    let plain = Walker::new(
        Clock::new(&open.week, &[], tz.clone()),
        others
            .iter()
            .map(|c| Clock::new(&c.week, &[], zone(c)))
            .collect(),
        tz.clone(),
    );
    let mut seasons: Vec<BTreeMap<Key, Closure>> = Vec::new();
    for monday in [WEEKS[0], WEEKS[1]] {
        let mut keys = BTreeMap::new();
        for gap in plain.gaps(monday.to_days()) {
            keys.entry(key(gap)).or_insert(gap);
        }
        seasons.push(keys);
    }
    let (winter, summer) = (&seasons[0], &seasons[1]);
    let weekly = weekly(winter, summer);
    // The weeks the clocks change, and a week either side of each holiday.
    let mut dated: Vec<i64> = closed.clone();
    dated.extend(others.iter().flat_map(|c| holidays(c)));
    // A date the line opens on of its own is looked at too: it may be open
    // when no one works.
    dated.extend(open.dated_seconds().into_iter().map(|(day, _)| day));
    dated.sort_unstable();
    dated.dedup();
    let mut mondays: Vec<i64> = WEEKS[2..].iter().map(|d| d.to_days()).collect();
    // 1970-01-05 (day 4) was a Monday.
    mondays.extend((dated.iter().take(MAX_HOLIDAY_WEEKS)).map(|&d| d - (d - 4).rem_euclid(7) - 7));
    mondays.sort_unstable();
    mondays.dedup();
    let walker = Walker::new(
        Clock::of(open),
        others.iter().map(|c| Clock::of(c)).collect(),
        tz,
    );
    let mut on_dates: Vec<Closure> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for monday in mondays {
        for gap in walker.gaps(monday) {
            let known = winter.contains_key(&key(gap)) || summer.contains_key(&key(gap));
            if !known && seen.insert((gap.from.0, gap.to.0)) {
                on_dates.push(gap);
            }
        }
    }
    on_dates.sort_by(|a, b| b.minutes().cmp(&a.minutes()).then(a.from.cmp(&b.from)));
    if weekly.is_empty() && on_dates.is_empty() {
        return None;
    }
    Some(Uncovered {
        weekly,
        dated: on_dates,
    })
}

/// A stretch's place in the week.
fn key(gap: Closure) -> Key {
    let day = gap.from.0.div_euclid(24 * 60);
    // 1970-01-01 was a Thursday (index 3).
    let weekday = (day + 3).rem_euclid(7) as usize;
    (weekday, gap.from.0.rem_euclid(24 * 60), gap.minutes())
}

/// The weekly stretches of both weeks, those of one week marked with its
/// season; stretches alike but for their weekday make one, in the week's
/// order.
fn weekly(winter: &BTreeMap<Key, Closure>, summer: &BTreeMap<Key, Closure>) -> Vec<Weekly> {
    let mut groups: BTreeMap<(Season, i64, i64), Weekly> = BTreeMap::new();
    let seasons = [
        (winter, summer, Season::Winter),
        (summer, winter, Season::Summer),
    ];
    for (this, other, only) in seasons {
        for (&(weekday, time, length), &gap) in this {
            let both = other.contains_key(&(weekday, time, length));
            if both && only == Season::Summer {
                continue; // told with the winter's
            }
            let season = if both { Season::Both } else { only };
            let group = groups.entry((season, time, length)).or_insert(Weekly {
                gap,
                weekdays: Vec::new(),
                season,
            });
            group.weekdays.push(Weekday::ALL[weekday]);
        }
    }
    let mut weekly: Vec<Weekly> = groups.into_values().collect();
    for w in &mut weekly {
        w.weekdays.sort_by_key(|d| d.index());
        w.weekdays.dedup();
        let first = w.weekdays[0];
        // The group's gap: the one starting on its first weekday.
        let shift = (first.index() as i64 - w.gap.from.weekday().index() as i64) * 24 * 60;
        w.gap = Closure {
            from: LocalMinute(w.gap.from.0 + shift),
            to: LocalMinute(w.gap.to.0 + shift),
            dated: false,
        };
    }
    weekly.sort_by_key(|w| {
        (
            w.season,
            w.weekdays[0].index(),
            w.gap.from.0.rem_euclid(24 * 60),
        )
    });
    weekly
}

/// The stretches when one clock is open and none of the others is, around
/// a given Monday.
struct Walker {
    demand: Clock,
    supply: Vec<Clock>,
    tz: TimeZone,
}

impl Walker {
    fn new(demand: Clock, supply: Vec<Clock>, tz: TimeZone) -> Walker {
        Walker { demand, supply, tz }
    }

    fn minute(&self, t: i64) -> LocalMinute {
        let offset =
            Timestamp::from_second(t).map_or(0, |at| i64::from(self.tz.to_offset(at).seconds()));
        LocalMinute((t + offset).div_euclid(60))
    }

    /// The whole stretches of the three weeks from the Monday before
    /// `monday` (local days), on the open clock: the weeks around them are
    /// walked too so that a stretch across a week's turn, or a window
    /// crossing midnight in another zone, is whole; a stretch cut by the
    /// walk's ends is left out unless it fills the walk (a line nobody
    /// ever works).
    fn gaps(&self, monday: i64) -> Vec<Closure> {
        let (first, last) = (monday - 3, monday + 17);
        let covered: Vec<(i64, i64)> = {
            let mut all: Vec<(i64, i64)> = (self.supply.iter())
                .flat_map(|c| (first - 2..last + 2).flat_map(move |d| c.open_on(d)))
                .collect();
            all.sort_unstable();
            all
        };
        let gaps: Vec<(i64, i64)> = merged((first..last).flat_map(|d| self.demand.open_on(d)))
            .into_iter()
            .flat_map(|(a, b)| gaps_in(a, b, &covered))
            .collect();
        let (first_minute, last_minute) = (first * 24 * 60, last * 24 * 60);
        gaps.into_iter()
            .map(|(a, b)| Closure {
                from: self.minute(a),
                to: self.minute(b),
                dated: true,
            })
            .filter(|g| {
                let whole = g.from.0 > first_minute && g.to.0 < last_minute;
                let all = g.from.0 <= first_minute && g.to.0 >= last_minute;
                whole || all
            })
            .collect()
    }
}

/// Windows in order, those that touch or overlap joined: a 24x7 line's
/// days are one stretch.
fn merged(windows: impl Iterator<Item = (i64, i64)>) -> Vec<(i64, i64)> {
    let mut all: Vec<(i64, i64)> = windows.collect();
    all.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::new();
    for (a, b) in all {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// The parts of `[a, b)` that no interval of `covered` (sorted by start)
/// covers, in order.
fn gaps_in(a: i64, b: i64, covered: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let mut gaps = Vec::new();
    let mut at = a;
    let mut note = |from: i64, to: i64| {
        if to > from {
            gaps.push((from, to));
        }
    };
    for &(x, y) in covered {
        if y <= at {
            continue;
        }
        if x >= b {
            break;
        }
        note(at, x.min(b));
        at = at.max(y);
        if at >= b {
            break;
        }
    }
    note(at, b);
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The longest stretch, weekly or dated (the earliest weekly one of
    /// equally long ones).
    fn longest_uncovered(open: &Calendar, others: &[&Calendar]) -> Option<Closure> {
        let found = uncovered(open, others)?;
        let weekly = found.weekly.iter().map(|w| w.gap);
        (weekly.chain(found.dated.iter().copied())).reduce(|best, g| {
            if g.minutes() > best.minutes() {
                g
            } else {
                best
            }
        })
    }
    use crate::model::calendar::fixtures::{calendar_for_tests as calendar, days};

    /// San Francisco, Dublin and Singapore office hours, weekdays: a 24x7
    /// line is unworked from Friday 17:00 in San Francisco (Saturday 00:00
    /// UTC in July, 01:00 in January) to Monday 08:00 in Singapore (Monday
    /// 00:00 UTC): 48 hours at the longest.
    #[test]
    fn three_centres_leave_the_weekend_of_a_24x7_line_unworked() {
        let always = calendar(&days(0..7, 0, 24), &[], "UTC");
        let sfo = calendar(&days(0..5, 7, 17), &[], "America/Los_Angeles");
        let dub = calendar(&days(0..5, 8, 17), &[], "Europe/Dublin");
        let sin = calendar(&days(0..5, 8, 17), &[], "Asia/Singapore");
        let gap = longest_uncovered(&always, &[&sfo, &dub, &sin]).unwrap();
        assert_eq!(gap.minutes(), 48 * 60, "{gap:?}");
        assert_eq!(
            (gap.from.weekday().as_str(), gap.from.time().as_str()),
            ("sat", "00:00")
        );
        assert_eq!(
            (gap.to.weekday().as_str(), gap.to.time().as_str()),
            ("mon", "00:00")
        );
    }

    /// A calendar named by many queues is one calendar: its clock is built
    /// once (attack 15, M2), and the stretch is the same.
    #[test]
    fn a_calendar_many_queues_work_is_counted_once() {
        let always = calendar(&days(0..7, 0, 24), &[], "UTC");
        let sfo = calendar(&days(0..5, 7, 17), &[], "America/Los_Angeles");
        let dub = calendar(&days(0..5, 8, 17), &[], "Europe/Dublin");
        let sin = calendar(&days(0..5, 8, 17), &[], "Asia/Singapore");
        let mut many: Vec<&Calendar> = vec![&dub; 5_000];
        many.extend([&sin, &sfo, &dub, &sin]);
        let once = distinct(&many);
        assert_eq!(once.len(), 3);
        assert!(std::ptr::eq(once[0], &dub) && std::ptr::eq(once[2], &sfo));
        assert_eq!(
            longest_uncovered(&always, &many),
            longest_uncovered(&always, &[&sfo, &dub, &sin])
        );
        // Two calendars alike are still two (each its own declaration).
        let twin = dub.clone();
        assert_eq!(distinct(&[&dub, &twin]).len(), 2);
    }

    /// Around the clock by three shifts (in their zones) covers the week;
    /// a line open on weekdays only is covered by weekday centres.
    #[test]
    fn hours_that_cover_the_line_leave_nothing() {
        let weekdays = calendar(&days(0..5, 9, 17), &[], "Europe/Dublin");
        let dub = calendar(&days(0..5, 8, 18), &[], "Europe/Dublin");
        assert_eq!(longest_uncovered(&weekdays, &[&dub]), None);
        let always = calendar(&days(0..7, 0, 24), &[], "UTC");
        let a = calendar(&days(0..7, 0, 9), &[], "UTC");
        let b = calendar(&days(0..7, 9, 18), &[], "Europe/London");
        let c = calendar(&days(0..7, 16, 24), &[], "UTC");
        // London is UTC+1 in July: 09:00-18:00 there is 08:00-17:00 UTC.
        assert_eq!(longest_uncovered(&always, &[&a, &b, &c]), None);
        // Without the evening shift, 17:00-24:00 UTC in summer is open
        // (18:00-24:00 in winter).
        let gap = longest_uncovered(&always, &[&a, &b]).unwrap();
        assert_eq!((gap.from.time().as_str(), gap.minutes()), ("17:00", 7 * 60));
    }

    /// A 24x7 line whose day shift comes in at 10:00 and whose night shift
    /// goes home at 09:00: the hour between is unworked every day; a
    /// weekday desk that covers it leaves Saturday and Sunday (audit 15,
    /// L1 and L2).
    #[test]
    fn a_stretch_that_repeats_names_every_day_it_comes() {
        let always = calendar(&days(0..7, 0, 24), &[], "Europe/Madrid");
        let day = calendar(&days(0..7, 10, 24), &[], "Europe/Madrid");
        let night = calendar(&days(0..7, 0, 9), &[], "Europe/Madrid");
        let every = uncovered(&always, &[&day, &night]).unwrap();
        assert_eq!(every.weekly.len(), 1, "{every:?}");
        assert_eq!(every.weekly[0].gap.minutes(), 60);
        assert_eq!(every.weekly[0].weekdays, Weekday::ALL.to_vec());
        assert_eq!(every.weekly[0].season, Season::Both);
        assert!(every.dated.is_empty());
        let desk = calendar(&days(0..5, 9, 18), &[], "Europe/Madrid");
        let weekend = uncovered(&always, &[&day, &night, &desk]).unwrap();
        assert_eq!(weekend.weekly.len(), 1, "{weekend:?}");
        assert_eq!(weekend.weekly[0].gap.from.time(), "09:00");
        assert_eq!(weekend.weekly[0].weekdays, vec![Weekday::Sat, Weekday::Sun]);
        // The weekend of a weekday centre comes once a week: Friday 17:00
        // to Monday 07:00 in San Francisco, on the Madrid clock nine hours
        // later (two weeks a year eight: those are dated).
        let sfo = calendar(&days(0..5, 7, 17), &[], "America/Los_Angeles");
        let once = uncovered(&always, &[&sfo]).unwrap();
        let weekend: Vec<&Weekly> = (once.weekly.iter())
            .filter(|w| w.gap.minutes() > 24 * 60)
            .collect();
        assert_eq!(weekend.len(), 1, "{once:?}");
        assert_eq!(weekend[0].weekdays, vec![Weekday::Sat]);
        assert_eq!(weekend[0].gap.from.time(), "02:00");
        assert!(!once.dated.is_empty());
    }

    fn day(date: &str) -> i64 {
        Date::parse(date).unwrap().to_days()
    }

    /// «Учиверсум»'s Telegram (audit 16, M4): Moscow works 14:00–24:00 but
    /// not on 1 January, Tashkent 00:00–09:00 there (22:00–07:00 Moscow).
    /// Every morning 07:00–14:00 is unworked, and the holiday's 07:00–22:00
    /// besides: both are told, the daily one as every day's.
    #[test]
    fn a_daily_stretch_is_told_beside_a_longer_holiday() {
        let always = calendar(&days(0..7, 0, 24), &[], "Europe/Moscow");
        let msk = calendar(&days(0..7, 14, 24), &[day("2027-01-01")], "Europe/Moscow");
        let tas = calendar(&days(0..7, 0, 9), &[], "Asia/Tashkent");
        let found = uncovered(&always, &[&msk, &tas]).unwrap();
        assert_eq!(found.weekly.len(), 1, "{found:?}");
        let daily = &found.weekly[0];
        assert_eq!(daily.weekdays, Weekday::ALL.to_vec());
        assert_eq!(
            (daily.gap.from.time(), daily.gap.to.time()),
            ("07:00".into(), "14:00".into())
        );
        assert_eq!(found.dated.len(), 1, "{found:?}");
        let holiday = found.dated[0];
        assert_eq!(holiday.from.date().to_string(), "2027-01-01");
        assert_eq!(
            (holiday.from.time(), holiday.minutes()),
            ("07:00".into(), 15 * 60)
        );
        // Moscow at work on the holiday too: the mornings alone.
        let msk = calendar(&days(0..7, 14, 24), &[], "Europe/Moscow");
        let found = uncovered(&always, &[&msk, &tas]).unwrap();
        assert!(found.dated.is_empty(), "{found:?}");
        assert_eq!(found.weekly.len(), 1);
    }

    /// A line open 07:00–18:00 on weekdays, a desk 09:00–18:00: the two
    /// morning hours on Monday–Friday; none at the weekend.
    #[test]
    fn a_weekday_stretch_names_its_weekdays() {
        let line = calendar(&days(0..5, 7, 18), &[], "Europe/Moscow");
        let desk = calendar(&days(0..5, 9, 18), &[], "Europe/Moscow");
        let found = uncovered(&line, &[&desk]).unwrap();
        assert_eq!(found.weekly.len(), 1, "{found:?}");
        assert_eq!(found.weekly[0].weekdays, Weekday::ALL[..5].to_vec());
        assert_eq!(found.weekly[0].gap.minutes(), 120);
        assert!(found.dated.is_empty());
    }

    /// A New York line, a Dublin centre 08:00–19:00 and a Dubai one
    /// 00:00–12:00: between the US and the EU clock changes the hour
    /// 15:00–16:00 is unworked on every date (prac18), one run per
    /// fortnight, each date once.
    #[test]
    fn consecutive_dates_with_one_stretch_are_one_run() {
        let always = calendar(&days(0..7, 0, 24), &[], "America/New_York");
        let dub = calendar(&days(0..7, 8, 19), &[], "Europe/Dublin");
        let dxb = calendar(&days(0..7, 0, 12), &[], "Asia/Dubai");
        let found = uncovered(&always, &[&dub, &dxb]).unwrap();
        let runs = found.dated_runs();
        let told: Vec<(String, i64, String, i64)> = (runs.iter())
            .map(|r| {
                let first = r.first.from;
                (
                    first.date().to_string(),
                    r.days,
                    first.time(),
                    r.first.minutes(),
                )
            })
            .collect();
        assert_eq!(
            told,
            vec![
                ("2027-03-14".into(), 14, "15:00".into(), 60),
                ("2027-10-31".into(), 7, "15:00".into(), 60),
            ]
        );
        assert_eq!(runs[0].last().from.date().to_string(), "2027-03-27");
        assert_eq!(found.dated.len(), 21);
    }

    /// Three shifts around the clock; the day shift keeps 3 May, the early
    /// shift 14 June: both holidays are told, the longer first, though no
    /// week has a stretch (audit 15, M3: the shorter one was hidden).
    #[test]
    fn every_holiday_stretch_is_told_longest_first() {
        let always = calendar(&days(0..7, 0, 24), &[], "UTC");
        let early = calendar(&days(0..7, 0, 6), &[day("2027-06-14")], "UTC");
        let mid = calendar(&days(0..7, 6, 16), &[day("2027-05-03")], "UTC");
        let late = calendar(&days(0..7, 16, 24), &[], "UTC");
        let found = uncovered(&always, &[&early, &mid, &late]).unwrap();
        assert!(found.weekly.is_empty(), "{found:?}");
        let told: Vec<(String, String, i64)> = (found.dated.iter())
            .map(|g| (g.from.date().to_string(), g.from.time(), g.minutes()))
            .collect();
        assert_eq!(
            told,
            vec![
                ("2027-05-03".into(), "06:00".into(), 600),
                ("2027-06-14".into(), "00:00".into(), 360)
            ]
        );
        // Nobody keeps a holiday: silent.
        let early = calendar(&days(0..7, 0, 6), &[], "UTC");
        let mid = calendar(&days(0..7, 6, 16), &[], "UTC");
        assert_eq!(uncovered(&always, &[&early, &mid, &late]), None);
    }
}
