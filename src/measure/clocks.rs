//! Every calendar of a spec made into a [`Clock`], and how long something
//! took on one of them.

use super::clock::Clock;
use super::rows::When;
use crate::model::{Calendar, Idx, Model, WeekHours};
use crate::syntax::ast::OpenHours;
use crate::syntax::values::TimeLimit;
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// How long from an instant to a later one, on a clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lapse {
    /// The later instant never came (not answered, not resolved, …).
    Open,
    /// It is written as earlier than the first: the row contradicts itself.
    Before,
    /// It came at `at`, after `running` seconds of the clock.
    Took { running: i64, at: Timestamp },
}

impl Lapse {
    /// Whether it came by the deadline.
    #[inline]
    pub fn meets(self, limit: Limit) -> bool {
        match (self, limit) {
            (Lapse::Took { running, .. }, Limit::Running(seconds)) => running <= seconds as i64,
            (Lapse::Took { at, .. }, Limit::Due(due)) => due.is_none_or(|due| at <= due),
            _ => false,
        }
    }
}

/// What a deadline allows, once it has started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Limit {
    /// This many running seconds of its clock.
    Running(u64),
    /// Until this instant (working days: the last closing time of the last
    /// one); none when the calendar never opens, so it never comes.
    Due(Option<Timestamp>),
}

/// A deadline started at `from`: on its clock and with what it allows. One
/// not met yet and not missed yet when the row was read waits: whether it
/// is missed depends on how late the export was taken, known only at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Deadline {
    pub from: Timestamp,
    pub calendar: Option<Idx<Calendar>>,
    pub limit: Limit,
}

pub struct Clocks {
    calendars: Vec<Clock>,
    zones: Vec<TimeZone>,
    /// Wall time: the clock of a target without `hours`.
    wall: Clock,
    /// The zone of the first calendar that names one (else UTC): local
    /// times that no calendar governs, and `--from`/`--to`, are read in it.
    home: TimeZone,
    /// Every zone a local time may be read in (the home zone and each
    /// calendar's), each once.
    distinct: Vec<TimeZone>,
    /// The home zone's offset in seconds when it has one offset only (UTC,
    /// a fixed offset): not looked up per instant.
    home_fixed: Option<i32>,
}

impl Clocks {
    pub fn new(model: &Model) -> Clocks {
        let home = crate::model::clock::home_zone(model);
        // A calendar that names no zone is in the home zone (`zone`).
        let zones: Vec<TimeZone> = model.calendars.values().map(zone).collect();
        let mut always = WeekHours::default();
        always.add(&OpenHours::Always);
        let mut distinct = vec![home.clone()];
        for zone in &zones {
            if !distinct.contains(zone) {
                distinct.push(zone.clone());
            }
        }
        Clocks {
            calendars: model.calendars.values().map(Clock::of).collect(),
            zones,
            // Wall time runs the same in every zone; its days, which
            // working days count, are the home zone's.
            wall: Clock::new(&always, &[], home.clone()),
            home_fixed: home.to_fixed_offset().ok().map(|o| o.seconds()),
            home,
            distinct,
        }
    }

    /// The clock of `calendar`; the wall clock (home zone) without one.
    #[inline]
    pub fn clock(&self, calendar: Option<Idx<Calendar>>) -> &Clock {
        calendar.map_or(&self.wall, |c| &self.calendars[c.index()])
    }

    /// The deadline `limit` sets on `calendar`'s clock (the wall clock
    /// without one) for something that started at `from`: running time is
    /// counted, working days end at an instant (LANGUAGE.md, language 3).
    #[inline]
    pub fn deadline(
        &self,
        calendar: Option<Idx<Calendar>>,
        from: Timestamp,
        limit: TimeLimit,
    ) -> Deadline {
        let limit = match limit {
            TimeLimit::Running { time, .. } => Limit::Running(time.seconds()),
            TimeLimit::WorkingDays(days) => Limit::Due(self.clock(calendar).due(from, days)),
        };
        Deadline {
            from,
            calendar,
            limit,
        }
    }

    /// Whether something that came at `to` (after `from`) met `limit`.
    pub fn met(
        &self,
        calendar: Option<Idx<Calendar>>,
        from: Timestamp,
        to: Timestamp,
        limit: TimeLimit,
    ) -> bool {
        let running = self.clock(calendar).running(from, to);
        Lapse::Took { running, at: to }.meets(self.deadline(calendar, from, limit).limit)
    }

    /// Whether a deadline had passed by `as_of`.
    pub fn overdue(&self, d: &Deadline, as_of: Timestamp) -> bool {
        match d.limit {
            Limit::Running(seconds) => {
                self.clock(d.calendar).running(d.from, as_of) > seconds as i64
            }
            Limit::Due(due) => due.is_some_and(|due| as_of > due),
        }
    }

    #[inline]
    pub fn home(&self) -> &TimeZone {
        &self.home
    }

    /// The home zone's offset from UTC at `at`, in seconds.
    #[inline]
    pub fn home_offset(&self, at: Timestamp) -> i32 {
        match self.home_fixed {
            Some(seconds) => seconds,
            None => self.home.to_offset(at).seconds(),
        }
    }

    /// The local day of an instant in the home zone, in days since 1970.
    #[inline]
    pub fn home_day(&self, at: Timestamp) -> i64 {
        (at.as_second() + i64::from(self.home_offset(at))).div_euclid(86_400)
    }

    /// Whether `later` is written as earlier than `first` in any zone the
    /// two may be read in: the row contradicts itself for some figure. Two
    /// exact instants compare once; a local time is read in every zone.
    #[inline]
    pub fn before(&self, first: When, later: When) -> bool {
        if let (When::Exact(a), When::Exact(b)) = (first, later) {
            return b < a;
        }
        self.distinct
            .iter()
            .any(|zone| matches!((first.at(zone), later.at(zone)), (Some(a), Some(b)) if b < a))
    }

    /// Whether a time written without an offset falls in the hour that
    /// repeats when the clocks go back, in a zone it may be read in. It is
    /// read as the first of the two instants, before the change (summer
    /// time), the reading of RFC 5545 and of most databases; an export that
    /// meant the second says so with an offset.
    pub fn repeated_hour(&self, when: When) -> bool {
        self.repeated_offsets(when).is_some()
    }

    /// The two offsets a time written without one in the hour that repeats
    /// can mean, before the change and after it (`+10:30` and `+09:30` in
    /// Adelaide), in the first zone it may be read in where the hour
    /// repeats: what the row would write to say which instant it means
    /// (audit 17, L3).
    pub fn repeated_offsets(&self, when: When) -> Option<(jiff::tz::Offset, jiff::tz::Offset)> {
        let When::Local(dt) = when else {
            return None;
        };
        self.distinct
            .iter()
            .find_map(|zone| match zone.to_ambiguous_timestamp(dt).offset() {
                jiff::tz::AmbiguousOffset::Fold { before, after } => Some((before, after)),
                _ => None,
            })
    }

    /// The zone local times are read in under `calendar`: its own, the
    /// home zone when it names none or there is no calendar.
    #[inline]
    pub fn zone(&self, calendar: Option<Idx<Calendar>>) -> &TimeZone {
        calendar.map_or(&self.home, |c| &self.zones[c.index()])
    }

    /// Running time of `calendar` (wall time without one) from `from` to
    /// `to`, a local `to` read in `zone`.
    #[inline]
    pub fn lapse(
        &self,
        calendar: Option<Idx<Calendar>>,
        zone: &TimeZone,
        from: Timestamp,
        to: Option<When>,
    ) -> Lapse {
        let Some(to) = to.and_then(|w| w.at(zone)) else {
            return Lapse::Open;
        };
        if to < from {
            return Lapse::Before;
        }
        Lapse::Took {
            running: self.clock(calendar).running(from, to),
            at: to,
        }
    }
}

pub use crate::model::clock::zone;
