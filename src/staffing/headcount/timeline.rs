//! The common timeline of [`super::TeamNeeds`]: where each queue's
//! intervals lie ([`Moment`]), what a queue needs at a moment, and the
//! busiest moment of a team's queues.
//!
//! The busiest moment is found in time about linear in the intervals: the
//! queues whose intervals are all dated (and those of one figure) are
//! summed by one sweep over their own intervals' starts and ends, so a
//! moment is never asked of a dated queue that has no interval there.
//! Only a queue with typical intervals (a time of day or of a week, which
//! recurs on every dated day) is asked at every moment.

use super::super::hours::{Schedule, Slot};
use crate::syntax::Name;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

const DAY: i64 = 86_400;
const WEEK: i64 = 7 * DAY;

/// Where the queues' intervals are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Moment {
    /// Seconds since 1970 UTC: a dated interval.
    Instant(i64),
    /// Seconds after Monday 00:00 of a typical week on the UTC clock, at
    /// the representative day `season`: a typical interval.
    Typical { season: usize, utc: i64 },
}

/// One queue's need, interval by interval.
pub(super) struct QueueNeed<'m> {
    pub(super) id: &'m Name,
    /// People needed in every interval (a forecast of one figure).
    pub(super) always: u32,
    /// People needed by interval; the most when an interval repeats.
    pub(super) at: BTreeMap<Slot, u32>,
    /// How long each interval lasts.
    pub(super) seconds: u64,
    /// The queue's hours and zone: where its typical intervals fall on a
    /// dated day (the queue's plan's own, shared).
    pub(super) schedule: Arc<Schedule>,
    /// Seat-hours over a week, on the same figures.
    pub(super) week_hours: f64,
    /// The queue's zone's offset from UTC in seconds at each
    /// representative day.
    pub(super) offsets: Vec<i64>,
}

impl QueueNeed<'_> {
    /// The queue's interval of the form of `at` that covers `at`, what it
    /// needs, and how far `at` lies after the interval's start. A time of a
    /// typical day (week) that runs past midnight (Sunday midnight) covers
    /// the start of the next day (week) too: `23:30` for an hour covers
    /// `00:15`, 45 minutes after it starts.
    fn covering(&self, at: Slot) -> Option<(Slot, u32, i64)> {
        let length = i64::try_from(self.seconds).unwrap_or(i64::MAX);
        let find = |low: Slot, key: Slot| {
            let (&slot, &n) = self.at.range(low..=key).next_back()?;
            let after = start_of(key) - start_of(slot);
            (after < length).then_some((slot, n, after))
        };
        match at {
            Slot::Instant(_) => find(Slot::Instant(i64::MIN), at),
            Slot::Daily(s) => find(Slot::Daily(i64::MIN), at)
                .or_else(|| find(Slot::Daily(i64::MIN), Slot::Daily(s + DAY))),
            Slot::Weekly(s) => find(Slot::Weekly(i64::MIN), at)
                .or_else(|| find(Slot::Weekly(i64::MIN), Slot::Weekly(s + WEEK))),
        }
    }

    /// What the typical interval covering the second `w` of a typical week
    /// (on the queue's clock) needs where `open(its start)` (seconds of the
    /// typical week, before 0 when it started the week before) says the
    /// channel is open then: a time of a typical week, else a time of a
    /// typical day.
    fn typical(&self, w: i64, open: &mut dyn FnMut(i64) -> bool) -> u32 {
        let weekly = self
            .covering(Slot::Weekly(w))
            .filter(|&(_, _, after)| open(w - after));
        let daily = self
            .covering(Slot::Daily(w.rem_euclid(DAY)))
            .filter(|&(_, _, after)| open(w - after));
        weekly.or(daily).map_or(0, |(_, n, _)| n)
    }

    /// What the queue needs at `at`. A time of a typical day is that time
    /// of each day of a typical week and of each dated day, and a time of a
    /// typical week that time of each dated day on its weekday — on the
    /// queue's own clock (its zone), and only where its channel is open
    /// then (holidays count on a dated day).
    pub(super) fn need_at(&self, at: Moment) -> u32 {
        self.need(at, None)
    }

    /// [`QueueNeed::need_at`]; at a dated instant, with the calendars'
    /// answers shared with the queues of the same `group` of hours.
    fn need(&self, at: Moment, shared: Option<(usize, &mut Calendars)>) -> u32 {
        let here = match at {
            Moment::Instant(t) => match self.covering(Slot::Instant(t)) {
                Some((_, n, _)) => n,
                None => {
                    let open = |at: i64| {
                        self.schedule
                            .channel_open_at(Slot::Instant(at), self.seconds)
                    };
                    match shared {
                        None => {
                            let w = self.schedule.week_seconds(t);
                            // The typical interval's start on that dated day.
                            self.typical(w, &mut |start| open(t - (w - start)))
                        }
                        Some((group, calendars)) => {
                            let w = *(calendars.week.entry(group))
                                .or_insert_with(|| self.schedule.week_seconds(t));
                            self.typical(w, &mut |start| {
                                let at = t - (w - start);
                                let key = (group, at, self.seconds);
                                *calendars.open.entry(key).or_insert_with(|| open(at))
                            })
                        }
                    }
                }
            },
            Moment::Typical { season, utc } => {
                let w = (utc + self.offsets[season]).rem_euclid(WEEK);
                let slot = |start: i64| Slot::Weekly(start.rem_euclid(WEEK));
                self.typical(w, &mut |start| {
                    self.schedule.channel_open_at(slot(start), self.seconds)
                })
            }
        };
        self.always + here
    }

    /// Whether every interval of the queue is dated (or it has none): it
    /// needs nothing but its one figure outside its own intervals.
    fn dated_only(&self) -> bool {
        self.at
            .last_key_value()
            .is_none_or(|(slot, _)| matches!(slot, Slot::Instant(_)))
    }

    /// Where the interval at `slot` lies on the common timeline: once for
    /// a dated one; in each season, on each day for a time of a typical
    /// day, on its weekday for a time of a typical week.
    fn moments(&self, slot: Slot, seasons: &[usize]) -> Vec<Moment> {
        let typical = |w: i64| {
            seasons.iter().map(move |&season| Moment::Typical {
                season,
                utc: (w - self.offsets[season]).rem_euclid(WEEK),
            })
        };
        match slot {
            Slot::Instant(t) => vec![Moment::Instant(t)],
            Slot::Daily(s) => (0..7).flat_map(|d| typical(d * DAY + s)).collect(),
            Slot::Weekly(w) => typical(w).collect(),
        }
    }
}

/// The calendars' answers at one dated instant, shared by the queues whose
/// hours and zone are the same ([`Schedule::hours_key`]): a team's queues
/// mostly share a channel, so where the instant falls in the week and
/// whether the channel is open are looked up once an instant, not once a
/// queue.
#[derive(Default)]
struct Calendars {
    /// By group of hours: the instant's second of the typical week.
    week: HashMap<usize, i64>,
    /// By group, interval start and length: whether the channel is open.
    open: HashMap<(usize, i64, u64), bool>,
}

impl Calendars {
    /// Forgets the answers of the last instant.
    fn clear(&mut self) {
        self.week.clear();
        self.open.clear();
    }
}

/// Where an interval starts: seconds since 1970, after midnight of a
/// typical day or after Monday 00:00 of a typical week.
fn start_of(slot: Slot) -> i64 {
    match slot {
        Slot::Instant(t) | Slot::Daily(t) | Slot::Weekly(t) => t,
    }
}

/// The representative days whose differences between the queues' clocks
/// are distinct: one when the queues' clocks keep the same differences all
/// year.
pub(super) fn seasons(queues: &[QueueNeed<'_>]) -> Vec<usize> {
    let apart = |season: usize| -> Vec<i64> {
        let first = queues.first().map_or(0, |q| q.offsets[season]);
        queues.iter().map(|q| q.offsets[season] - first).collect()
    };
    let count = queues.first().map_or(0, |q| q.offsets.len());
    let mut kept: Vec<(usize, Vec<i64>)> = Vec::new();
    for season in 0..count {
        let differences = apart(season);
        if kept.iter().all(|(_, d)| *d != differences) {
            kept.push((season, differences));
        }
    }
    kept.into_iter().map(|(season, _)| season).collect()
}

/// The busiest interval: where it lies, and the queue and interval that
/// first named it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Busiest {
    pub(super) moment: Moment,
    pub(super) queue: usize,
    pub(super) slot: Slot,
}

/// The most people the queues need in one interval, and that interval
/// (the earliest among equals; `None` when only one-figure forecasts need
/// people). Every interval some queue names is looked at on the common
/// timeline ([`QueueNeed::moments`]), each queue needing there what
/// [`QueueNeed::need_at`] says.
pub(super) fn busiest(queues: &[QueueNeed<'_>]) -> (u64, Option<Busiest>) {
    busiest_counted(queues).0
}

/// [`busiest`], and the work it did: moments looked at, needs asked of a
/// queue at a moment, and events of the dated sweep ([`Sweep`]). It grows
/// with the intervals, not with their product by the queues.
fn busiest_counted(queues: &[QueueNeed<'_>]) -> ((u64, Option<Busiest>), u64) {
    let always: u64 = queues.iter().map(|q| u64::from(q.always)).sum();
    let seasons = seasons(queues);
    let mut moments: BTreeMap<Moment, (usize, Slot)> = BTreeMap::new();
    for (i, q) in queues.iter().enumerate() {
        for &slot in q.at.keys() {
            for moment in q.moments(slot, &seasons) {
                moments.entry(moment).or_insert((i, slot));
            }
        }
    }
    let (dated, typical): (Vec<&QueueNeed>, Vec<&QueueNeed>) =
        queues.iter().partition(|q| q.dated_only());
    let dated_always: u64 = dated.iter().map(|q| u64::from(q.always)).sum();
    let mut sweep = Sweep::new(&dated);
    // The typical queues' groups of hours: equal hours and zone share
    // their calendars' answers (a zone without a name shares nothing).
    let mut keys = HashMap::new();
    let groups: Vec<usize> = (typical.iter().enumerate())
        .map(|(i, q)| match q.schedule.hours_key() {
            Some(key) => {
                let next = keys.len();
                *keys.entry(key).or_insert(next)
            }
            None => typical.len() + i,
        })
        .collect();
    let mut calendars = Calendars::default();
    let mut work = moments.len() as u64;
    let mut best: Option<(u64, Busiest)> = None;
    for (moment, (queue, slot)) in moments {
        // Instants come first, in order: the sweep only moves forward.
        let swept = match moment {
            Moment::Instant(t) => sweep.at(t),
            Moment::Typical { .. } => 0,
        };
        work += typical.len() as u64;
        calendars.clear();
        let asked: u64 = (typical.iter().zip(&groups))
            .map(|(q, &group)| u64::from(q.need(moment, Some((group, &mut calendars)))))
            .sum();
        let n = dated_always + swept + asked;
        if best.is_none_or(|(most, _)| n > most) {
            best = Some((
                n,
                Busiest {
                    moment,
                    queue,
                    slot,
                },
            ));
        }
    }
    work += sweep.work;
    let found = match best {
        Some((n, b)) => (n, Some(b)),
        None => (always, None),
    };
    (found, work)
}

/// The seats the dated queues need at instants taken in order: each
/// interval adds its people from its start until it ends (its length on,
/// or the queue's next start if sooner, as [`QueueNeed::covering`] reads
/// it), so an instant costs only the starts and ends passed on the way.
struct Sweep {
    /// (instant, change in seats), in order of instant.
    events: Vec<(i64, i64)>,
    next: usize,
    seats: i64,
    /// Events applied so far.
    work: u64,
}

impl Sweep {
    fn new(queues: &[&QueueNeed<'_>]) -> Sweep {
        let mut events = Vec::new();
        for q in queues {
            let length = i64::try_from(q.seconds).unwrap_or(i64::MAX);
            let mut starts = q.at.iter().peekable();
            while let Some((&slot, &n)) = starts.next() {
                let start = start_of(slot);
                let mut end = start.saturating_add(length);
                if let Some((&next, _)) = starts.peek() {
                    end = end.min(start_of(next));
                }
                events.push((start, i64::from(n)));
                events.push((end, -i64::from(n)));
            }
        }
        events.sort_unstable();
        Sweep {
            events,
            next: 0,
            seats: 0,
            work: 0,
        }
    }

    /// The seats needed at `t`, no earlier than the last instant asked.
    fn at(&mut self, t: i64) -> u64 {
        while let Some(&(when, change)) = self.events.get(self.next) {
            if when > t {
                break;
            }
            self.seats += change;
            self.next += 1;
            self.work += 1;
        }
        u64::try_from(self.seats).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::{busiest, busiest_counted, Moment, QueueNeed, Schedule, Slot};
    use crate::syntax::Name;

    /// `08:00` as a time of a typical day.
    fn daily(text: &str) -> Slot {
        let (h, m) = text.split_once(':').unwrap();
        Slot::Daily(h.parse::<i64>().unwrap() * 3600 + m.parse::<i64>().unwrap() * 60)
    }

    /// The schedule of channel `line` of `spec` (Moscow office hours
    /// unless the spec says otherwise).
    fn schedule(spec: &str) -> Schedule {
        let mut workspace = crate::loader::load_bytes("spec.cx", spec.as_bytes());
        let (model, _) = crate::model::build(&mut workspace.specs[0]);
        let hours = model
            .channels
            .values()
            .next()
            .and_then(|c| c.hours.as_ref()?.target);
        Schedule::new(&model, hours)
    }

    const MOSCOW_WEEKDAYS: &str =
        "calendar office { timezone \"Europe/Moscow\"; open mon-fri 09:00-18:00 }
channel line { kind phone; hours office }";

    fn queue<'m>(id: &'m Name, always: u32, at: &[(Slot, u32)], hours: &str) -> QueueNeed<'m> {
        QueueNeed {
            id,
            always,
            at: at.iter().copied().collect(),
            seconds: 1800,
            offsets: crate::model::zones::representative_instants()
                .map(|at| schedule(hours).offset_at(at))
                .collect(),
            schedule: std::sync::Arc::new(schedule(hours)),
            week_hours: 0.0,
        }
    }

    #[test]
    fn peaks_at_different_hours_do_not_add_up() {
        let (a, b) = (Name::new("morning"), Name::new("evening"));
        let queues = [
            queue(&a, 0, &[(daily("08:00"), 14), (daily("18:00"), 2)], ""),
            queue(&b, 0, &[(daily("08:00"), 2), (daily("18:00"), 14)], ""),
        ];
        assert_eq!(at(&queues), (16, Some(daily("08:00"))));
    }

    #[test]
    fn a_constant_forecast_counts_in_every_interval() {
        let (a, b) = (Name::new("line"), Name::new("chat"));
        let queues = [
            queue(&a, 5, &[], ""),
            queue(&b, 0, &[(daily("09:00"), 3), (daily("10:00"), 7)], ""),
        ];
        assert_eq!(at(&queues), (12, Some(daily("10:00"))));
        assert_eq!(at(&queues[..1]), (5, None));
    }

    /// A typical day's 11:00 is 11:00 of every dated day, on the queue's
    /// own clock, where its channel is open: Monday 2027-01-04 11:00 in
    /// Moscow is 08:00 UTC; Saturday 2027-01-09 the office is closed.
    #[test]
    fn a_typical_day_is_every_dated_day_it_covers_where_its_channel_is_open() {
        let (day, week) = (Name::new("day"), Name::new("week"));
        let monday = 1_799_020_800 + 8 * 3600; // 2027-01-04T08:00Z
        let saturday = 1_799_452_800 + 8 * 3600; // 2027-01-09T08:00Z
        let queues = [
            queue(&day, 0, &[(daily("11:00"), 288)], MOSCOW_WEEKDAYS),
            queue(
                &week,
                0,
                &[(Slot::Instant(monday), 10), (Slot::Instant(saturday), 12)],
                MOSCOW_WEEKDAYS,
            ),
        ];
        assert_eq!(queues[0].need_at(Moment::Instant(monday)), 288);
        assert_eq!(queues[0].need_at(Moment::Instant(saturday)), 0);
        assert_eq!(at(&queues), (298, Some(Slot::Instant(monday))));
        // The same typical day, half an hour earlier in its zone: 10:30
        // is not covered by an interval starting at 11:00.
        let early = Moment::Instant(1_799_020_800 + 7 * 3600 + 1800);
        assert_eq!(queues[0].need_at(early), 0);
    }

    const SYDNEY: &str = "calendar office { timezone \"Australia/Sydney\"; open 24x7 }
channel line { kind phone; hours office }";
    const MANILA: &str = "calendar office { timezone \"Asia/Manila\"; open 24x7 }
channel line { kind phone; hours office }";

    /// A typical day's times are on each queue's own clock: Sydney's 08:00
    /// is Manila's 05:00 in January and 06:00 in July, never its 08:00.
    #[test]
    fn typical_days_in_different_zones_meet_at_the_same_instant() {
        let (sydney, manila) = (Name::new("sydney"), Name::new("manila"));
        let same_digits = [
            queue(&sydney, 0, &[(daily("08:00"), 14)], SYDNEY),
            queue(&manila, 0, &[(daily("08:00"), 14)], MANILA),
        ];
        assert_eq!(busiest(&same_digits).0, 14);
        let july = [
            queue(&sydney, 0, &[(daily("08:00"), 14)], SYDNEY),
            queue(&manila, 0, &[(daily("06:00"), 14)], MANILA),
        ];
        let (n, b) = busiest(&july);
        assert_eq!(n, 28);
        assert!(
            matches!(b.unwrap().moment, Moment::Typical { season: 1, .. }),
            "{b:?}"
        );
    }

    /// The old reading, kept as the oracle: every queue asked at every
    /// moment some queue names.
    fn asked_everywhere(queues: &[QueueNeed<'_>]) -> (u64, Option<Moment>) {
        let seasons = super::seasons(queues);
        let mut moments: Vec<Moment> = (queues.iter())
            .flat_map(|q| q.at.keys().flat_map(|&s| q.moments(s, &seasons)))
            .collect();
        moments.sort();
        moments.dedup();
        let mut best: Option<(u64, Moment)> = None;
        for moment in moments {
            let n: u64 = queues.iter().map(|q| u64::from(q.need_at(moment))).sum();
            if best.is_none_or(|(most, _)| n > most) {
                best = Some((n, moment));
            }
        }
        match best {
            Some((n, m)) => (n, Some(m)),
            None => (queues.iter().map(|q| u64::from(q.always)).sum(), None),
        }
    }

    /// 2027-01-04T00:00Z, a Monday.
    const MONDAY: i64 = 1_799_020_800;

    /// `count` dated half-hours from `MONDAY` plus `from` half-hours,
    /// needing a varying number of people.
    fn dated(from: i64, count: i64) -> Vec<(Slot, u32)> {
        (from..from + count)
            .map(|k| (Slot::Instant(MONDAY + k * 1800), 1 + (k * 7 % 13) as u32))
            .collect()
    }

    /// Dated queues (apart, overlapping, off each other's grid, with a
    /// repeated start closer than an interval), a typical day on a
    /// Moscow office's hours and a one-figure forecast: the sweep finds
    /// what asking every queue everywhere finds.
    #[test]
    fn the_sweep_agrees_with_asking_every_queue_at_every_moment() {
        let names: Vec<Name> = (0..6).map(|i| Name::new(&format!("q{i}"))).collect();
        let mut close = dated(3, 4);
        close.push((Slot::Instant(MONDAY + 3 * 1800 + 600), 40));
        let cases: Vec<Vec<QueueNeed>> = vec![
            vec![
                queue(&names[0], 0, &dated(0, 96), ""),
                queue(&names[1], 0, &dated(48, 96), ""),
            ],
            vec![
                queue(&names[0], 2, &dated(0, 20), ""),
                queue(&names[1], 0, &close, ""),
                queue(&names[2], 0, &[(daily("11:00"), 30)], MOSCOW_WEEKDAYS),
                // The same hours: the calendars' answers are shared.
                queue(&names[4], 0, &[(daily("10:30"), 12)], MOSCOW_WEEKDAYS),
                queue(&names[3], 3, &[], ""),
            ],
            vec![
                queue(&names[4], 0, &[(Slot::Instant(MONDAY + 900), 9)], MANILA),
                queue(&names[5], 0, &dated(1, 3), SYDNEY),
                queue(&names[0], 1, &[(daily("08:00"), 5)], SYDNEY),
            ],
            // Nothing dated: the sweep has nothing to add (silent).
            vec![queue(&names[0], 4, &[], ""), queue(&names[1], 0, &[], "")],
        ];
        for queues in &cases {
            let (n, b) = busiest(queues);
            assert_eq!((n, b.map(|b| b.moment)), asked_everywhere(queues));
        }
    }

    /// The work of the busiest moment of queues with their own dated
    /// starts (a year of half-hours each, shortened here) grows with the
    /// intervals: twice the queues, about twice the work. Asking every
    /// queue at every start would be `queues × starts`: four times.
    #[test]
    fn the_busiest_moment_of_dated_queues_costs_linear_work() {
        const STARTS: i64 = 200;
        let work = |count: usize| {
            let names: Vec<Name> = (0..count).map(|i| Name::new(&format!("q{i}"))).collect();
            let queues: Vec<QueueNeed> = (names.iter().enumerate())
                .map(|(i, name)| queue(name, 0, &dated(i as i64 * STARTS, STARTS), ""))
                .collect();
            busiest_counted(&queues).1
        };
        let (small, large) = (work(8), work(16));
        let intervals = 16 * STARTS as u64;
        assert!(large <= 4 * intervals, "{large} for {intervals} intervals");
        assert!(large <= small * 21 / 10, "{small} then {large}");
    }

    /// The busiest interval as its slot, for the tests.
    fn at(queues: &[QueueNeed<'_>]) -> (u64, Option<Slot>) {
        let (n, b) = busiest(queues);
        (n, b.map(|b| b.slot))
    }
}
