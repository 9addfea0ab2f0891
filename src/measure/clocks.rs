//! Every calendar of a spec made into a [`Clock`], and how long something
//! took on one of them.

use super::clock::Clock;
use super::rows::When;
use crate::model::{Calendar, Idx, Model, WeekHours};
use crate::syntax::ast::OpenHours;
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// How long from an instant to a later one, on a clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lapse {
    /// The later instant never came (not answered, not resolved, …).
    Open,
    /// It is written as earlier than the first: the row contradicts itself.
    Before,
    /// Running seconds between the two.
    Took(i64),
}

impl Lapse {
    /// Whether it came within `limit` running seconds.
    pub fn within(self, limit: u64) -> bool {
        matches!(self, Lapse::Took(s) if s <= limit as i64)
    }
}

/// A deadline not met yet and not missed yet when the row was read: the
/// thing it waits for has not happened. Whether it is missed depends on
/// how late the export was taken, known only at the end.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    pub from: Timestamp,
    pub calendar: Option<Idx<Calendar>>,
    pub limit: u64,
}

pub struct Clocks {
    calendars: Vec<Clock>,
    zones: Vec<TimeZone>,
    /// Wall time: the clock of a target without `hours`.
    wall: Clock,
    /// The zone of the first calendar that names one (else UTC): local
    /// times that no calendar governs, and `--from`/`--to`, are read in it.
    home: TimeZone,
}

impl Clocks {
    pub fn new(model: &Model) -> Clocks {
        let zones: Vec<TimeZone> = model.calendars.values().map(zone).collect();
        let home = model
            .calendars
            .values()
            .zip(&zones)
            .find(|(c, _)| c.timezone.is_some())
            .map_or(TimeZone::UTC, |(_, z)| z.clone());
        let mut always = WeekHours::default();
        always.add(&OpenHours::Always);
        Clocks {
            calendars: model.calendars.values().map(Clock::of).collect(),
            zones,
            wall: Clock::new(&always, &[], TimeZone::UTC),
            home,
        }
    }

    /// Whether a deadline had passed by `as_of`.
    pub fn overdue(&self, d: &Deadline, as_of: Timestamp) -> bool {
        let clock = d
            .calendar
            .map_or(&self.wall, |c| &self.calendars[c.index()]);
        clock.running(d.from, as_of) > d.limit as i64
    }

    pub fn home(&self) -> &TimeZone {
        &self.home
    }

    /// The zone local times are read in under `calendar`.
    pub fn zone(&self, calendar: Option<Idx<Calendar>>) -> &TimeZone {
        calendar.map_or(&self.home, |c| &self.zones[c.index()])
    }

    /// Running time of `calendar` (wall time without one) from `from` to
    /// `to`, a local `to` read in `zone`.
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
        let clock = calendar.map_or(&self.wall, |c| &self.calendars[c.index()]);
        Lapse::Took(clock.running(from, to))
    }
}

/// A calendar's time zone; UTC without one, or with one the database lacks.
pub fn zone(calendar: &Calendar) -> TimeZone {
    calendar
        .timezone
        .as_deref()
        .and_then(|name| jiff::tz::db().get(name).ok())
        .unwrap_or(TimeZone::UTC)
}
