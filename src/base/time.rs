//! Lengths of time as a spec writes them: running time (`Duration`) and a
//! timer's limit (`TimeLimit`, running time or working days). Parsing is in
//! `syntax::values`.

use serde::Serialize;
use std::fmt;

/// A length of running time, in whole seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Duration {
    seconds: u64,
}

/// Durations above this are surely a typo (it is about 30 years).
pub(crate) const MAX_DURATION_SECONDS: u64 = 1_000_000_000;

impl Duration {
    pub const ZERO: Duration = Duration { seconds: 0 };

    pub fn from_seconds(seconds: u64) -> Self {
        Duration { seconds }
    }

    pub fn seconds(self) -> u64 {
        self.seconds
    }

    /// Half of it, to the second.
    pub fn half(self) -> Duration {
        Duration::from_seconds(self.seconds / 2)
    }

    /// Sum that saturates instead of overflowing: used for path totals.
    pub fn saturating_add(self, other: Duration) -> Duration {
        Duration::from_seconds(self.seconds.saturating_add(other.seconds))
    }

    /// Difference that stops at zero.
    pub fn saturating_sub(self, other: Duration) -> Duration {
        Duration::from_seconds(self.seconds.saturating_sub(other.seconds))
    }
}

impl Duration {
    /// Greedily in the given units, largest first. Each unit divides the
    /// larger ones, so a duration written in some of them comes out whole
    /// in the same ones (`1w`, `72h`, `90s`).
    fn write_in(
        self,
        units: impl Iterator<Item = (char, u64)>,
        f: &mut fmt::Formatter<'_>,
    ) -> fmt::Result {
        if self.seconds == 0 {
            return f.write_str("0s");
        }
        let mut rest = self.seconds;
        for (unit, size) in units {
            if rest >= size {
                write!(f, "{}{unit}", rest / size)?;
                rest %= size;
            }
        }
        Ok(())
    }

    /// In hours and smaller (`27h`, `1h30m`): the form for running time of
    /// a clock that stops after hours, where days would mislead.
    pub fn in_hours(self) -> impl fmt::Display {
        struct Hours(Duration);
        impl fmt::Display for Hours {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.write_in(UNITS[2..].iter().copied(), f)
            }
        }
        Hours(self)
    }
}

impl fmt::Display for Duration {
    /// The compact form a spec author writes: `1h30m`, `3d`, `0s`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_in(UNITS[1..].iter().copied(), f)
    }
}

/// The most working days a limit may count: about forty years of
/// five-day weeks, surely a typo beyond (as [`MAX_DURATION_SECONDS`]).
pub const MAX_WORKING_DAYS: u32 = 10_000;

/// How long a timer runs (`within`, `after`), as written: running time of
/// its clock, or working days of its calendar (`3wd`, language 3).
///
/// It has no order of its own: how `3wd` compares with `30h` depends on the
/// calendar, so rules compare what [`crate::model`] makes of it on the
/// timer's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeLimit {
    /// Running time of the clock, and the units it was written in (`3d` is
    /// 72 running hours, which on office hours is not 3 days).
    Running { time: Duration, units: Units },
    /// `3wd`: due at the last closing time of the third opening day after
    /// the day the timer started on.
    WorkingDays(u32),
}

impl TimeLimit {
    /// Running time, written in the smallest unit it needs (`30m`, `4h`).
    pub fn running(time: Duration) -> TimeLimit {
        TimeLimit::Running {
            time,
            units: Units::default(),
        }
    }

    /// The running time, unless it counts working days.
    pub fn running_time(self) -> Option<Duration> {
        match self {
            TimeLimit::Running { time, .. } => Some(time),
            TimeLimit::WorkingDays(_) => None,
        }
    }

    pub fn working_days(self) -> Option<u32> {
        match self {
            TimeLimit::Running { .. } => None,
            TimeLimit::WorkingDays(days) => Some(days),
        }
    }

    /// The running time in the units it was written in, largest first,
    /// as (count, unit letter): `24h` is `[(24, 'h')]`, `1d12h` is
    /// `[(1, 'd'), (12, 'h')]`. Without days and weeks when `days` is
    /// false (`1d12h` is then `[(36, 'h')]`). `None` for working days, for
    /// a limit whose units are not known, and where the units left cannot
    /// say it.
    pub fn written_parts(self, days: bool) -> Option<Vec<(u64, char)>> {
        let TimeLimit::Running { time, units } = self else {
            return None;
        };
        if units.0 == 0 {
            return None;
        }
        let mut rest = time.seconds();
        let mut parts = Vec::new();
        for (letter, size) in units.sizes() {
            if !days && matches!(letter, 'w' | 'd') {
                continue;
            }
            if rest >= size {
                parts.push((rest / size, letter));
                rest %= size;
            }
        }
        (rest == 0 && !parts.is_empty()).then_some(parts)
    }

    /// Running time written in days or weeks (`3d`, `1w`, `1d12h`).
    pub fn in_days(self) -> bool {
        matches!(self, TimeLimit::Running { units, .. } if units.days())
    }
}

impl fmt::Display for TimeLimit {
    /// As written: `1h30m`, `72h`, `1w`, `3wd`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeLimit::Running { time, units } => time.write_in(units.sizes(), f),
            TimeLimit::WorkingDays(days) => write!(f, "{days}wd"),
        }
    }
}

/// The units a duration was written in (`1w`, `72h`, `1h30m`), so it is
/// shown as written and `d`/`w` can be told from hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Units(u8);

/// Each unit's letter and size, largest first.
const UNITS: [(char, u64); 5] = [
    ('w', 604_800),
    ('d', 86_400),
    ('h', 3600),
    ('m', 60),
    ('s', 1),
];

impl Units {
    pub(crate) fn of(text: &str) -> Units {
        Units(
            UNITS
                .iter()
                .enumerate()
                .filter(|(_, (letter, _))| text.contains(*letter))
                .fold(0, |bits, (i, _)| bits | 1 << i),
        )
    }

    /// Days or weeks.
    pub fn days(self) -> bool {
        self.0 & 0b11 != 0
    }

    /// Weeks.
    pub fn weeks(self) -> bool {
        self.0 & 1 != 0
    }

    /// The units to show a duration in; none known: days and smaller.
    fn sizes(self) -> impl Iterator<Item = (char, u64)> {
        let bits = if self.0 == 0 { 0b11110 } else { self.0 };
        UNITS
            .into_iter()
            .enumerate()
            .filter(move |(i, _)| bits & 1 << i != 0)
            .map(|(_, unit)| unit)
    }
}

impl Serialize for TimeLimit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
