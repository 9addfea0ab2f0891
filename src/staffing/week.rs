//! Seat-hours over a week: what an HR or WFM reader turns into people.
//!
//! The peak says how many seats are filled at one moment; hiring needs the
//! hours those seats are filled. Each interval adds its seats times its
//! length, as often as it recurs in a week ([`Schedule::in_week`]): a time
//! of a typical day on each day of the week the channel is open then, a
//! time of a typical week once, a one-figure forecast over every hour the
//! channel is open. A dated forecast adds each interval once, divided by
//! the weeks its range covers when more than one (two weeks of rows count
//! half; one Monday of rows is that week's).

use super::hours::{InWeek, Schedule};

const WEEK: f64 = 7.0 * 86_400.0;

/// Seat-seconds added up interval by interval.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SeatHours {
    /// Seat-seconds of intervals that recur every week.
    weekly: f64,
    /// Seat-seconds of dated intervals, and the range they cover.
    dated: f64,
    range: Option<(i64, i64)>,
}

impl SeatHours {
    /// Adds `seats` filled through the interval starting at `start`
    /// (`None`: a forecast of one figure) and lasting `seconds`.
    pub fn add(&mut self, schedule: &Schedule, start: Option<&str>, seconds: u64, seats: u32) {
        let filled = f64::from(seats) * seconds as f64;
        match schedule.in_week(start, seconds) {
            InWeek::Times(times) => self.weekly += filled * times,
            InWeek::At(t) => {
                self.dated += filled;
                let end = t.saturating_add(i64::try_from(seconds).unwrap_or(i64::MAX));
                self.range = Some(match self.range {
                    None => (t, end),
                    Some((a, b)) => (a.min(t), b.max(end)),
                });
            }
        }
    }

    /// Seat-hours in a week.
    pub fn per_week(&self) -> f64 {
        let dated = match self.range {
            // Less than a week of rows is that week's need as it stands.
            Some((a, b)) => self.dated * WEEK / ((b - a) as f64).max(WEEK),
            None => 0.0,
        };
        (self.weekly + dated) / 3600.0
    }
}

/// Seat-hours as messages print them: whole hours, thousands grouped as
/// the message's language groups them ("4,487", «4 487»; audit 11, L2).
pub fn hours_arg(hours: f64) -> crate::i18n::Arg {
    crate::i18n::Arg::Grouped(hours.round())
}

/// Seat-hours as documents print them: the same, in `language`.
pub fn hours_text(hours: f64, language: crate::base::Language) -> String {
    crate::i18n::grouped(hours.round(), language)
}

#[cfg(test)]
mod tests {
    use super::SeatHours;
    use crate::staffing::hours::Schedule;

    /// A schedule without hours: every interval is open.
    fn schedule() -> Schedule {
        let mut workspace = crate::loader::load_bytes("spec.cx", b"team t {}");
        let (model, _) = crate::model::build(&mut workspace.specs[0]);
        Schedule::new(&model, None)
    }

    #[test]
    fn a_typical_day_counts_on_every_day_and_a_date_range_is_scaled() {
        let s = schedule();
        let mut day = SeatHours::default();
        day.add(&s, Some("08:00"), 1800, 10);
        day.add(&s, Some("08:30"), 1800, 4);
        // (10 + 4) seats × ½ h × 7 days.
        assert_eq!(day.per_week(), 49.0);
        let mut dated = SeatHours::default();
        dated.add(&s, Some("2027-01-04T08:00:00Z"), 3600, 6);
        dated.add(&s, Some("2027-01-18T07:00:00Z"), 3600, 8);
        // 6 + 8 seat-hours over two weeks (Monday 08:00 to Monday 08:00).
        assert_eq!(dated.per_week(), 7.0);
        // A third row inside the range adds, and does not stretch it.
        dated.add(&s, Some("2027-01-11T08:00:00Z"), 3600, 7);
        assert_eq!(dated.per_week(), 10.5);
        // One Monday of rows is not stretched over the week.
        let mut monday = SeatHours::default();
        monday.add(&s, Some("2027-01-11T08:00:00Z"), 1800, 14);
        assert_eq!(monday.per_week(), 7.0);
        let mut constant = SeatHours::default();
        constant.add(&s, None, 1800, 3);
        // Around the clock: 3 seats × 168 h.
        assert_eq!(constant.per_week(), 504.0);
    }
}
