//! Naive local times at a clock change. A forecast row's date and time
//! without an offset is read in the zone of the channel's hours; where
//! daylight saving begins that zone skips an hour, and where it ends it
//! repeats one. A WFM export writes the repeated hour twice, in order: the
//! first row of a repeated time is its first occurrence (the offset before
//! the change), a second row with the same time its second (the offset
//! after). Such rows are relabelled with the offset they are read at
//! (`2027-04-04 02:00 +11:00`, `… +10:00`), so no two intervals share a
//! label, and the label reads back as the same instant ([`Start::read`]).
//!
//! A time the clock skips does not exist: it is read at the offset before
//! the change (the instant an hour later on the new clock), relabelled so,
//! and reported. A third row of a repeated time cannot be told apart from
//! the second: it is read as the second, and reported.

use super::forecast::{quoted, Interval, Problem};
use super::hours::Start;
use crate::msg;
use jiff::civil::DateTime;
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};
use std::collections::HashMap;

/// Reads the naive starts of one forecast, in file order.
pub struct Dating {
    zone: TimeZone,
    /// How often each repeated local time has been read so far. Only times
    /// in a repeated hour are kept: a few per clock change.
    repeated: HashMap<DateTime, u32>,
}

impl Dating {
    pub fn new(zone: TimeZone) -> Dating {
        Dating {
            zone,
            repeated: HashMap::new(),
        }
    }

    /// Relabels `interval` when its start is a naive time the clock skips
    /// or repeats, and says what is doubtful about it, if anything.
    pub fn date(&mut self, interval: &mut Interval) -> Option<Problem> {
        let start = interval.start.as_deref()?;
        let Some(Start::Local(local)) = Start::read(start) else {
            return None;
        };
        let (offset, problem) = match self.zone.to_ambiguous_timestamp(local).offset() {
            AmbiguousOffset::Unambiguous { .. } => return None,
            AmbiguousOffset::Gap { before, after } => {
                let read = local.to_zoned(TimeZone::fixed(before)).ok()?;
                let instead = read.with_time_zone(TimeZone::fixed(after));
                let problem = Problem::new(
                    msg!(
                        "forecast-skipped-time",
                        start = quoted(start),
                        zone = crate::i18n::Arg::Zone(self.zone_name()),
                        before = offset_text(before),
                        read = written(&instead.datetime(), after),
                    ),
                    msg!(
                        "forecast-skipped-time-help",
                        instead = written(&instead.datetime(), after)
                    ),
                );
                (before, Some(problem))
            }
            AmbiguousOffset::Fold { before, after } => {
                let seen = self.repeated.entry(local).or_insert(0);
                *seen += 1;
                match *seen {
                    1 => (before, None),
                    2 => (after, None),
                    count => {
                        let problem = Problem::new(
                            msg!(
                                "forecast-repeated-time",
                                start = quoted(start),
                                count = count,
                                zone = crate::i18n::Arg::Zone(self.zone_name()),
                                later = offset_text(after),
                            ),
                            msg!(
                                "forecast-repeated-time-help",
                                first = written(&local, before),
                                second = written(&local, after)
                            ),
                        );
                        (after, Some(problem))
                    }
                }
            }
        };
        interval.start = Some(format!("{start} {}", offset_text(offset)));
        problem
    }

    fn zone_name(&self) -> String {
        self.zone.iana_name().unwrap_or("UTC").to_string()
    }
}

/// `+11:00`, `-03:30`.
pub fn offset_text(offset: Offset) -> String {
    let seconds = offset.seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// `2027-10-03T03:00+11:00`: a local time with its offset, as a forecast
/// may write it.
fn written(local: &DateTime, offset: Offset) -> String {
    let time = match local.second() {
        0 => local.strftime("%Y-%m-%dT%H:%M").to_string(),
        _ => local.strftime("%Y-%m-%dT%H:%M:%S").to_string(),
    };
    format!("`{time}{}`", offset_text(offset))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::values::Language;

    fn sydney() -> Dating {
        Dating::new(jiff::tz::db().get("Australia/Sydney").unwrap())
    }

    fn row(start: &str) -> Interval {
        Interval {
            start: Some(start.to_string()),
            volume: 1.0,
            aht: None,
            line: 2,
            doubt: None,
        }
    }

    /// The labels and problems of `starts` read in order.
    fn read(starts: &[&str]) -> Vec<(String, Option<String>)> {
        let mut dating = sydney();
        starts
            .iter()
            .map(|s| {
                let mut interval = row(s);
                let problem = dating.date(&mut interval);
                (
                    interval.start.unwrap(),
                    problem.map(|p| p.message.text(Language::En)),
                )
            })
            .collect()
    }

    #[test]
    fn the_repeated_hour_is_read_in_order_and_labelled_with_its_offset() {
        let read = read(&[
            "2027-04-04 01:30",
            "2027-04-04 02:00",
            "2027-04-04 02:30",
            "2027-04-04 02:00",
            "2027-04-04 02:30",
            "2027-04-04 03:00",
        ]);
        let labels: Vec<&str> = read.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(
            labels,
            [
                "2027-04-04 01:30",
                "2027-04-04 02:00 +11:00",
                "2027-04-04 02:30 +11:00",
                "2027-04-04 02:00 +10:00",
                "2027-04-04 02:30 +10:00",
                "2027-04-04 03:00",
            ]
        );
        assert!(read.iter().all(|(_, p)| p.is_none()), "{read:?}");
        // Each label reads back as the instant it stands for, an hour apart.
        let at = |l: &str| match Start::read(l) {
            Some(Start::Instant(t)) => t.as_second(),
            other => panic!("{l}: {other:?}"),
        };
        assert_eq!(at(labels[3]) - at(labels[1]), 3600);
        assert_eq!(at(labels[2]), at("2027-04-03T15:30:00Z"));
    }

    #[test]
    fn a_skipped_time_is_read_an_hour_later_and_reported() {
        let read = read(&[
            "2027-10-03 02:00",
            "2027-10-03T02:30:00",
            "2027-10-03 03:00",
        ]);
        assert_eq!(read[0].0, "2027-10-03 02:00 +10:00");
        let problem = read[0].1.as_deref().unwrap();
        assert!(problem.contains("`2027-10-03T03:00+11:00`"), "{problem}");
        assert!(problem.contains("on Sydney time"), "{problem}");
        assert_eq!(read[1].0, "2027-10-03T02:30:00 +10:00");
        assert!(read[1]
            .1
            .as_deref()
            .unwrap()
            .contains("`2027-10-03T03:30+11:00`"));
        assert_eq!(read[2], ("2027-10-03 03:00".to_string(), None));
    }

    #[test]
    fn a_third_row_of_a_repeated_time_cannot_be_told_apart() {
        let read = read(&["2027-04-04 02:00", "2027-04-04 02:00", "2027-04-04 02:00"]);
        assert!(read[..2].iter().all(|(_, p)| p.is_none()));
        assert_eq!(read[2].0, "2027-04-04 02:00 +10:00");
        let problem = read[2].1.as_deref().unwrap();
        assert!(problem.contains("3 times"), "{problem}");
    }

    #[test]
    fn times_with_offsets_and_typical_times_are_left_alone() {
        let read = read(&["2027-04-04T02:00+11:00", "02:00", "sun 02:00"]);
        assert!(read.iter().all(|(_, p)| p.is_none()));
        assert_eq!(read[0].0, "2027-04-04T02:00+11:00");
    }
}
