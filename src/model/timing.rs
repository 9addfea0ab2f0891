//! How long a time limit lasts on a clock, and which clock a promise runs
//! on: what rules that compare times, exports and `cxc measure` share.

use super::{workdays, Calendar, Extreme, Idx, Model, Promise, Ref, Segment};
use crate::syntax::values::{Duration, TimeLimit};

impl Model {
    /// The running time `limit` can last on the clock of `calendar` (none:
    /// the wall clock): as written, or for working days the `extreme` over
    /// every moment the timer may start (see [`workdays`]).
    pub fn running(
        &self,
        limit: TimeLimit,
        calendar: Option<Idx<Calendar>>,
        extreme: Extreme,
    ) -> Duration {
        workdays::running(limit, calendar.map(|c| &self.calendars[c]), extreme)
    }

    /// The shortest wall-clock time a timer of `limit` on `calendar`'s clock
    /// can last, over every moment it may start; `None` when it never ends
    /// (see [`workdays::shortest_wall`]).
    pub fn shortest_wall(
        &self,
        limit: TimeLimit,
        calendar: Option<Idx<Calendar>>,
    ) -> Option<Duration> {
        workdays::shortest_wall(limit, calendar.map(|c| &self.calendars[c]))
    }

    /// The longest time `limit` can last on `calendar`'s clock: what rules
    /// that compare it with another time take (LANGUAGE.md, language 3).
    pub fn longest(&self, limit: TimeLimit, calendar: Option<Idx<Calendar>>) -> Duration {
        self.running(limit, calendar, Extreme::Longest)
    }

    /// The longest time `limit`, counted on `calendar`'s clock, can last on
    /// the clock of `on` (none: the wall clock): how a target on one clock
    /// stands against a promise on another. On a promise's clock that runs
    /// around the clock (the wall clock, a 24x7 calendar with no holidays),
    /// a target on a clock that stops can last up to the longest wall-clock
    /// time it takes ([`workdays::longest_wall`]): "8 hours" of 08:00–22:00
    /// asked at 21:30 end at 15:30 the next day, 18 hours later. A target
    /// counted around the clock lasts no longer on any clock than on its
    /// own. Between two different calendars that both stop, it is the most
    /// of the promise's clock it can take, over every start of a year, each
    /// clock in its own time zone with its holidays ([`super::across`]): one
    /// office hour in Berlin can take seven office hours in New York.
    /// `None`: it never ends (its calendar never opens).
    pub fn longest_on(
        &self,
        limit: TimeLimit,
        calendar: Option<Idx<Calendar>>,
        on: Option<Idx<Calendar>>,
    ) -> Option<Duration> {
        let stopping = |c: Option<Idx<Calendar>>| c.filter(|&c| !self.calendars[c].is_24x7());
        match (stopping(calendar), stopping(on)) {
            (Some(own), None) => workdays::longest_wall(limit, Some(&self.calendars[own])),
            (Some(own), Some(other)) if own != other => self.across.get(
                limit,
                own,
                other,
                || {
                    super::across::longest_across(
                        limit,
                        &self.calendars[own],
                        &self.calendars[other],
                    )
                },
                || workdays::longest_wall(limit, Some(&self.calendars[own])),
            ),
            _ => Some(self.longest(limit, calendar)),
        }
    }

    /// `limit` as a timer on the wall clock: running time as written (its
    /// exporter says what that loses on business hours), working days as the
    /// longest wall-clock time the deadline can last (see
    /// [`workdays::longest_wall_days`]), so that a system whose timers run on
    /// the wall clock never acts before the deadline (LANGUAGE.md: exports
    /// that only know minutes get the longest time the deadline can mean).
    pub fn wall_timeout(&self, limit: TimeLimit, calendar: Option<Idx<Calendar>>) -> Duration {
        match limit {
            TimeLimit::Running { time, .. } => time,
            TimeLimit::WorkingDays(days) => {
                workdays::longest_wall_days(days, calendar.map(|c| &self.calendars[c]))
                    .unwrap_or(Duration::from_seconds(0))
            }
        }
    }

    /// The `hours` a promise's time is counted on, as written: its own
    /// (cxc addition: `hours every_day` says calendar days on an
    /// office-hours channel), else its channel's; none for a promise about
    /// a journey, which runs on the wall clock as its steps do (its own
    /// `hours` there is refused when the model is built). The documents
    /// name this calendar; [`Self::promise_clock`] adds the SLA's.
    pub fn promise_hours<'a>(&'a self, promise: &'a Promise) -> Option<&'a Ref<Idx<Calendar>>> {
        if promise.journey.is_some() {
            return None;
        }
        promise.hours.as_ref().or_else(|| {
            let channel = promise.channel.as_ref()?.target?;
            self.channels[channel].hours.as_ref()
        })
    }

    /// The clock a promise runs on for one segment: a promise about a
    /// journey runs on the wall clock, as its steps do; one on a channel on
    /// its own `hours` (cxc addition), else the channel's `hours`, else the
    /// `hours` of the segment's first SLA that sets a target on that
    /// channel; `None` (wall time) without any. `promise-clock`, the rules
    /// that compare its time and `cxc measure` all ask this, so `check`
    /// judges the clock `measure` counts.
    pub fn promise_clock(&self, promise: &Promise, segment: Idx<Segment>) -> Option<Idx<Calendar>> {
        if promise.journey.is_some() {
            return None;
        }
        if let Some(hours) = self.promise_hours(promise) {
            return hours.target;
        }
        let channel = promise.channel.as_ref()?.target?;
        self.slas_of(segment)
            .find(|(_, sla)| sla.has_target_on(channel) && self.uses_channel(segment, channel))
            .and_then(|(_, sla)| sla.clock())
    }

    /// The promise's clock where a reader asks about the promise as a whole
    /// (a hover, day-on-business-clock): the first clock among the
    /// segments it serves.
    pub fn promise_clock_any(&self, promise: &Promise) -> Option<Idx<Calendar>> {
        self.served(&promise.segments)
            .find_map(|segment| self.promise_clock(promise, segment))
    }
}
