//! What unit tests share: a small random generator whose runs repeat.

/// xorshift64*: the same numbers on every run and machine, from a seed the
/// test prints.
pub(crate) struct Random(pub u64);

impl Random {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> i64 {
        (self.next() % n) as i64
    }
}

/// Opening windows per weekday (Monday first), in minutes of the day.
pub(crate) type Windows = [Vec<(u32, u32)>; 7];

/// A declared calendar: `windows` in `zone`, closed on `holidays` (day
/// numbers since 1970-01-01).
pub(crate) fn calendar(windows: &Windows, holidays: &[i64], zone: &str) -> crate::model::Calendar {
    use crate::model::{At, Calendar, Header, WeekHours};
    use crate::source::{FileId, Span};
    use crate::syntax::values::{Date, TimeOfDay};
    use crate::syntax::Name;
    let mut week = WeekHours::default();
    for (day, open) in windows.iter().enumerate() {
        week.days[day] = open
            .iter()
            .map(|&(a, b)| (TimeOfDay::from_minutes(a), TimeOfDay::from_minutes(b)))
            .collect();
    }
    Calendar {
        header: Header {
            id: Name::new("c"),
            title: None,
            description: None,
            span: Span::new(FileId(0), 0, 0),
            fully_read: true,
        },
        timezone: Some(At {
            value: zone.to_string(),
            span: Span::new(FileId(0), 0, 0),
        }),
        week,
        closed: holidays.iter().map(|&d| Date::from_days(d)).collect(),
    }
}
