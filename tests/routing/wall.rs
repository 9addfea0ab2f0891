//! How much wall-clock time a target of routing.json can take, from its
//! calendar as routing.json gives it (weekly windows and closed dates, in
//! the calendar's own local time), by walking every start that can be an
//! extreme over the calendar's years: running time least when started as a
//! window opens and most when started as one closes, `N wd` least when
//! started as a day ends and most when started as it begins (LANGUAGE.md,
//! working days). Independent of cxc's `model::workdays`, for the routing
//! invariant that compares a complaint's target with an SLA's on another
//! clock.

use serde_json::Value;
use std::collections::BTreeSet;

const DAY: i64 = 86_400;

/// A target as written: running seconds, or working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    Running(i64),
    Days(u32),
}

/// A calendar's clock: each weekday's open windows (Monday first, seconds
/// of the day) and its closed dates (days since 1970-01-01).
pub struct Clock {
    windows: [Vec<(i64, i64)>; 7],
    closed: BTreeSet<i64>,
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
fn day_number(date: &str) -> i64 {
    let d = jiff::civil::Date::strptime("%Y-%m-%d", date).expect("a closed date");
    let epoch = jiff::civil::date(1970, 1, 1);
    i64::from(d.since(epoch).unwrap().get_days())
}

fn seconds_of(hhmm: &str) -> i64 {
    let (h, m) = hhmm.split_once(':').expect("HH:MM");
    h.parse::<i64>().unwrap() * 3600 + m.parse::<i64>().unwrap() * 60
}

impl Clock {
    /// The clock of a routing.json calendar; none: the wall clock.
    pub fn of(calendar: Option<&Value>) -> Clock {
        let Some(calendar) = calendar else {
            return Clock {
                windows: std::array::from_fn(|_| vec![(0, DAY)]),
                closed: BTreeSet::new(),
            };
        };
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let windows = std::array::from_fn(|d| {
            let mut day: Vec<(i64, i64)> = calendar["week"][names[d]]
                .as_array()
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(|w| {
                    let (a, b) = w.as_str().unwrap().split_once('-').unwrap();
                    (seconds_of(a), seconds_of(b))
                })
                .collect();
            day.sort_unstable();
            day
        });
        let closed = calendar["closed"]
            .as_array()
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|d| day_number(d.as_str().unwrap()))
            .collect();
        Clock { windows, closed }
    }

    /// The open windows of day `day` (1970-01-01 was a Thursday).
    fn open(&self, day: i64) -> &[(i64, i64)] {
        if self.closed.contains(&day) {
            return &[];
        }
        &self.windows[(day + 3).rem_euclid(7) as usize]
    }

    /// The instant (seconds since 1970-01-01, local) at which `left` open
    /// seconds have passed from second `at` of day `day`.
    fn end_running(&self, day: i64, at: i64, mut left: i64) -> i64 {
        if left == 0 {
            return day * DAY + at;
        }
        let mut d = day;
        loop {
            for &(a, b) in self.open(d) {
                let a = if d == day { a.max(at) } else { a };
                if b <= a {
                    continue;
                }
                if b - a >= left {
                    return d * DAY + a + left;
                }
                left -= b - a;
            }
            d += 1;
        }
    }

    /// The instant the last window of the `n`th opening day after `day`
    /// closes.
    fn end_days(&self, day: i64, n: u32) -> i64 {
        let mut d = day;
        let mut left = n;
        loop {
            d += 1;
            if let Some(&(_, close)) = self.open(d).last() {
                left -= 1;
                if left == 0 {
                    return d * DAY + close;
                }
            }
        }
    }

    /// The least and the most wall-clock seconds `limit` can take, over
    /// every start in a plain fortnight and in the years the closed dates
    /// span (with three months' reach before each); `None` when the clock
    /// never opens (or `0 wd`).
    pub fn range(&self, limit: Limit) -> Option<(i64, i64)> {
        if self.windows.iter().flatten().all(|(a, b)| b <= a) || limit == Limit::Days(0) {
            return None;
        }
        // 1970-01-05 is a Monday; no closed date falls near it.
        let mut days: Vec<i64> = (4..18).collect();
        if let (Some(&first), Some(&last)) = (self.closed.first(), self.closed.last()) {
            days.extend(first - 90..=last);
        }
        let mut least = i64::MAX;
        let mut most = i64::MIN;
        for day in days {
            match limit {
                Limit::Running(left) => {
                    for &(a, b) in self.open(day) {
                        for at in [a, b] {
                            let wall = self.end_running(day, at, left) - (day * DAY + at);
                            least = least.min(wall);
                            most = most.max(wall);
                        }
                    }
                }
                Limit::Days(n) => {
                    let due = self.end_days(day, n);
                    least = least.min(due - (day + 1) * DAY);
                    most = most.max(due - day * DAY);
                }
            }
        }
        (least <= most).then_some((least, most))
    }
}

#[test]
fn office_hours_take_their_closures_on_the_wall_clock() {
    let calendar = serde_json::json!({
        "week": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
                 "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]},
        "closed": ["2027-12-27"]
    });
    let clock = Clock::of(Some(&calendar));
    // 30 office seconds: at once, or from Friday's close to Monday 09:00:30
    // — from Friday 24 December 2027, past the closed Monday, to Tuesday.
    let (least, most) = clock.range(Limit::Running(30)).unwrap();
    assert_eq!(least, 30);
    assert_eq!(most, 4 * DAY - 8 * 3600 + 30);
    // 1 wd: from the end of Thursday to Friday's close (17 h), from the
    // start of Friday 24 December to Tuesday's close.
    let (least, most) = clock.range(Limit::Days(1)).unwrap();
    assert_eq!(least, 17 * 3600);
    assert_eq!(most, 4 * DAY + 17 * 3600);
    // The wall clock: running time as written, a day to two.
    let wall = Clock::of(None);
    assert_eq!(
        wall.range(Limit::Running(4 * 3600)),
        Some((4 * 3600, 4 * 3600))
    );
    assert_eq!(wall.range(Limit::Days(1)), Some((DAY, 2 * DAY)));
}

/// A target as written and the calendar it counts on.
type Key = (Limit, Option<String>);

/// routing.json's calendars, with the wall-clock range of each target
/// asked about, computed once.
pub struct Bounds<'v> {
    pub calendars: std::collections::BTreeMap<&'v str, &'v Value>,
    known: std::cell::RefCell<std::collections::HashMap<Key, Option<(i64, i64)>>>,
}

/// An hour to spare for a daylight-saving change between two clocks.
const DST: i64 = 3600;

impl<'v> Bounds<'v> {
    pub fn new(calendars: std::collections::BTreeMap<&'v str, &'v Value>) -> Bounds<'v> {
        Bounds {
            calendars,
            known: Default::default(),
        }
    }

    fn range(&self, limit: Limit, calendar: Option<&str>) -> Option<(i64, i64)> {
        *self
            .known
            .borrow_mut()
            .entry((limit, calendar.map(str::to_string)))
            .or_insert_with(|| Clock::of(calendar.map(|c| self.calendars[c])).range(limit))
    }

    /// Whether `a` ends before `b` whenever both start together: the most
    /// wall time `a` can take and an hour for a clock change is no more
    /// than the least `b` can.
    pub fn always_sooner(&self, a: (Limit, Option<&str>), b: (Limit, Option<&str>)) -> bool {
        match (self.range(a.0, a.1), self.range(b.0, b.1)) {
            (Some((_, most)), Some((least, _))) => most + DST <= least,
            _ => false,
        }
    }
}
