//! An instant as an export writes it, read fast in the common shapes.

use jiff::civil::DateTime;
use jiff::Timestamp;

/// An instant as the export wrote it: with its UTC offset, or as a wall
/// time in the time zone of the calendar that governs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Exact(Timestamp),
    Local(DateTime),
}

impl When {
    /// RFC 3339 (`2026-10-01T09:14:03+03:00`, `…Z`), or the same without
    /// an offset (`2026-10-01T09:14:03`, `2026-10-01 09:14`): exactly the
    /// texts [`documented`] lets through, as the dbt project reads them.
    pub fn parse(text: &str) -> Option<When> {
        let text = super::trim(text);
        fast(text.as_bytes(), None).or_else(|| When::general(text))
    }

    /// [`When::parse`], the dates already read looked up in `dates` (a
    /// reader keeps one for its file: an export's stamps fall on few days).
    #[inline]
    pub(super) fn parse_with(text: &str, dates: &Dates) -> Option<When> {
        let text = super::trim(text);
        if let Some(when) = fast(text.as_bytes(), Some(dates)) {
            return Some(when);
        }
        When::general(text)
    }

    /// The shapes [`fast`] does not read, by jiff.
    #[cold]
    fn general(text: &str) -> Option<When> {
        if !documented(text.as_bytes()) {
            return None;
        }
        if let Ok(t) = text.parse::<Timestamp>() {
            return Some(When::Exact(t));
        }
        text.parse::<DateTime>().ok().map(When::Local)
    }

    /// The instant, a local time read in `tz`.
    #[inline(always)]
    pub fn at(self, tz: &jiff::tz::TimeZone) -> Option<Timestamp> {
        match self {
            When::Exact(t) => Some(t),
            When::Local(dt) => tz.to_timestamp(dt).ok(),
        }
    }
}

/// Whether a text has the shape of a time as grammar/exports.md documents
/// it and the dbt project's reader matches it (macros/time.sql,
/// `cxc_time_pattern`): a date alone, or a date, `T`, `t` or a space, hours and minutes,
/// optional seconds (0..59: no leap second) with an optional fraction of 1
/// to 9 digits after a `.`, and an optional `Z`, `z`, `±hh`, `±hhmm` or
/// `±hh:mm` (hours 0..23, minutes 0..59). jiff reads more — a `,` fraction, an offset with seconds or past 23:59, a leap second —
/// which the warehouse would call bad data: so does cxc
/// (tests/warehouse/time_reader.rs holds the two readers to each other).
pub(super) fn documented(b: &[u8]) -> bool {
    let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
    // A date alone is its midnight (as a Parquet `DATE` is).
    if b.len() == 10 {
        return digits(&b[0..4])
            && b[4] == b'-'
            && digits(&b[5..7])
            && b[7] == b'-'
            && digits(&b[8..10]);
    }
    if b.len() < 16
        || !digits(&b[0..4])
        || b[4] != b'-'
        || !digits(&b[5..7])
        || b[7] != b'-'
        || !digits(&b[8..10])
        || !matches!(b[10], b'T' | b't' | b' ')
        || !digits(&b[11..13])
        || b[13] != b':'
        || !digits(&b[14..16])
    {
        return false;
    }
    let two = |a: u8, b: u8| {
        (a.is_ascii_digit() && b.is_ascii_digit()).then(|| (a - b'0') * 10 + (b - b'0'))
    };
    let mut rest = &b[16..];
    if let [b':', s1, s2, after @ ..] = rest {
        if two(*s1, *s2).is_none_or(|s| s > 59) {
            return false;
        }
        rest = after;
        if let [b'.', after @ ..] = rest {
            let n = after.iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 || n > 9 {
                return false;
            }
            rest = &after[n..];
        }
    }
    let hours = |a: &u8, b: &u8| two(*a, *b).is_some_and(|h| h <= 23);
    let minutes = |a: &u8, b: &u8| two(*a, *b).is_some_and(|m| m <= 59);
    match rest {
        [] | [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2] => hours(h1, h2),
        [b'+' | b'-', h1, h2, m1, m2] | [b'+' | b'-', h1, h2, b':', m1, m2] => {
            hours(h1, h2) && minutes(m1, m2)
        }
        _ => false,
    }
}

/// A date already read: its ten bytes (`YYYY-MM-DD`, packed), its parts
/// and its days since 1970-01-01. All zero in an empty slot: no date's
/// bytes are zeros.
#[derive(Debug, Clone, Copy, Default)]
struct Day {
    bytes: (u64, u16),
    year: u16,
    month: u8,
    day: u8,
    days: i32,
}

/// The dates read last, one slot per day of the month: a stamp whose date
/// bytes are a slot's is not read again (its digits checked, its days
/// counted) — nearly every stamp of an export, whose rows fall on a few
/// days, sorted or not.
#[derive(Debug)]
pub(super) struct Dates([std::cell::Cell<Day>; 64]);

impl Default for Dates {
    fn default() -> Self {
        Dates(std::array::from_fn(|_| Default::default()))
    }
}

/// The slot of a date: its day-of-month digits' low bits (unique for days
/// 01 to 39), from the date's last two bytes.
#[inline(always)]
fn slot(day_digits: u16) -> usize {
    let [tens, ones] = day_digits.to_le_bytes();
    (usize::from(tens & 3) << 4) | usize::from(ones & 15)
}

/// Hours, minutes and seconds of `hh:mm:ss`, checked and read eight bytes
/// at once: the digits' bytes xor `0` are 0..9 exactly when their high
/// nibble is zero before and after adding 6.
#[inline(always)]
fn clock_of(b: [u8; 8]) -> Option<(u32, u32, u32)> {
    const COLONS: u64 = u64::from_le_bytes(*b"\0\0:\0\0:\0\0");
    const COLON_BYTES: u64 = u64::from_le_bytes([0, 0, 0xff, 0, 0, 0xff, 0, 0]);
    const HIGH: u64 = u64::from_le_bytes([0xf0, 0xf0, 0, 0xf0, 0xf0, 0, 0xf0, 0xf0]);
    const SIX: u64 = u64::from_le_bytes([6, 6, 0, 6, 6, 0, 6, 6]);
    let v = u64::from_le_bytes(b);
    if v & COLON_BYTES != COLONS {
        return None;
    }
    let x = v ^ u64::from_le_bytes(*b"00000000");
    if (x | x.wrapping_add(SIX)) & HIGH != 0 {
        return None;
    }
    // Each byte 10 × itself plus the next: bytes 0, 3 and 6 hold the
    // hours, minutes and seconds (no byte exceeds 99, so none carries).
    let pairs = x.wrapping_mul(10).wrapping_add(x >> 8);
    let byte = |i: u32| (pairs >> (8 * i)) as u32 & 0xff;
    let (hour, minute, second) = (byte(0), byte(3), byte(6));
    (hour <= 23 && minute <= 59 && second <= 59).then_some((hour, minute, second))
}

/// The date of `YYYY-MM-DD`, checked (a year from 0 to 9999).
#[inline]
fn day_of(b: &[u8], bytes: (u64, u16)) -> Option<Day> {
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    // Each digit's value; a byte that is no digit wraps above 9.
    let digit = |at: usize| u32::from(b[at].wrapping_sub(b'0'));
    if [0, 1, 2, 3, 5, 6, 8, 9].iter().any(|&at| digit(at) > 9) {
        return None;
    }
    let two = |at: usize| digit(at) * 10 + digit(at + 1);
    let year = two(0) * 100 + two(2);
    let (month, day) = (two(5), two(8));
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some(Day {
        bytes,
        year: year as u16,
        month: month as u8,
        day: day as u8,
        days: days_from_civil(year, month, day) as i32,
    })
}

/// The shapes nearly every export writes — RFC 3339 / ISO 8601 with `T`,
/// `t` or a space between date and time, seconds, an optional fraction of
/// up to nine digits after a `.`, and `Z`, `z`, `±hh:mm` or no offset
/// (`2026-10-01T09:14:03Z`, `2026-10-01 09:14:03.250+03:00`,
/// `2026-10-01 09:14:03`) — read directly, a date seen before looked up in
/// `dates` when given, many times faster than the general parser; anything else (a
/// `,` fraction, `±hhmm`, no seconds, a leap second) goes to jiff.
/// `tests::the_fast_path_agrees_with_jiff` and the property tests beside it
/// hold the two to the same answer, with and without dates read before.
#[inline]
pub(super) fn fast(b: &[u8], dates: Option<&Dates>) -> Option<When> {
    let (Some(date), Some(&between), Some(clock)) =
        (b.first_chunk::<10>(), b.get(10), b.get(11..19))
    else {
        return None;
    };
    if !matches!(between, b'T' | b't' | b' ') {
        return None;
    }
    let (head, tail) = date.split_at(8);
    let bytes = (
        u64::from_le_bytes(head.try_into().ok()?),
        u16::from_le_bytes(tail.try_into().ok()?),
    );
    let day = match dates {
        Some(dates) => {
            let slot = &dates.0[slot(bytes.1)];
            let mut day = slot.get();
            // (An empty slot has month 0, whatever its bytes.)
            if day.bytes != bytes || day.month == 0 {
                day = day_of(b, bytes)?;
                slot.set(day);
            }
            day
        }
        None => day_of(b, bytes)?,
    };
    let (hour, minute, second) = clock_of(clock.try_into().ok()?)?;
    let mut rest = &b[19..];
    let mut nanos = 0u32;
    if let [b'.', after @ ..] = rest {
        let n = after.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || n > 9 {
            return None;
        }
        for &c in &after[..n] {
            nanos = nanos * 10 + u32::from(c - b'0');
        }
        nanos *= 10u32.pow(9 - n as u32);
        rest = &after[n..];
    }
    let offset = match rest {
        [] => {
            let (y, mo, d) = (day.year as i16, day.month as i8, day.day as i8);
            let (h, mi, s) = (hour as i8, minute as i8, second as i8);
            let local = DateTime::new(y, mo, d, h, mi, s, nanos as i32).ok()?;
            return Some(When::Local(local));
        }
        [b'Z'] | [b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let two = |a: u8, b: u8| -> Option<i64> {
                (a.is_ascii_digit() && b.is_ascii_digit())
                    .then(|| i64::from(a - b'0') * 10 + i64::from(b - b'0'))
            };
            let (h, m) = (two(*h1, *h2)?, two(*m1, *m2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let seconds = h * 3600 + m * 60;
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    let clock = i64::from(hour * 3600 + minute * 60 + second);
    let seconds = i64::from(day.days) * 86_400 + clock - offset;
    Timestamp::new(seconds, nanos as i32).ok().map(When::Exact)
}

/// The days in a month of a year from 0 to 9999 (proleptic Gregorian).
#[inline(always)]
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a valid date of a year from 0 to 9999: Howard
/// Hinnant's algorithm as `values::Date::to_days` has it, in unsigned
/// arithmetic (years from 0 need no floor division), inlined here.
#[inline(always)]
pub(super) fn days_from_civil(year: u32, month: u32, day: u32) -> i64 {
    // Years counted from 1 March, 400 years before year 0.
    let y = year + 400 - u32::from(month <= 2);
    let (era, yoe) = (y / 400, y % 400);
    let shifted = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * shifted + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    i64::from(era * 146_097 + doe) - 146_097 - 719_468
}
