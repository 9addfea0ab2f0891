//! The business clocks, time zones and percentile buckets as tables a
//! warehouse joins with (seeds), so that SQL reads time exactly as
//! `cxc measure` does, to the second, without any engine's date functions.
//!
//! Each table is cut into buckets of 2^20 seconds (about 12 days) so that a
//! lookup is an equality join on the bucket plus a range test among a
//! handful of rows — a hash join on every engine, never a scan of the table
//! per row.

use super::Table;
use crate::measure::clock::Clock;
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// Bucket width, seconds: the `1048576` of the SQL macros.
pub const BUCKET: i64 = 1 << 20;

/// The instants the clock tables cover: 2000-01-01 to 2041-01-01 UTC. A time
/// outside fails the project's test `clock_covers_the_data`.
pub const FROM: i64 = 946_684_800;
pub const TO: i64 = 2_240_524_800;
/// Local times may lie a day either side of the instants.
const MARGIN: i64 = 2 * 86_400;

/// Splits `[from, to)` at bucket boundaries: `(bucket, from, to)`.
fn buckets(from: i64, to: i64) -> impl Iterator<Item = (i64, i64, i64)> {
    let mut at = from;
    std::iter::from_fn(move || {
        if at >= to {
            return None;
        }
        let bucket = at.div_euclid(BUCKET);
        let end = ((bucket + 1) * BUCKET).min(to);
        let piece = (bucket, at, end);
        at = end;
        Some(piece)
    })
}

/// The zone's spans of constant offset, `(from, to, offset)` in instants,
/// over the covered range.
fn spans(tz: &TimeZone) -> Vec<(i64, i64, i64)> {
    let (from, to) = (FROM - MARGIN, TO + MARGIN);
    let offset =
        |t: i64| Timestamp::from_second(t).map_or(0, |t| i64::from(tz.to_offset(t).seconds()));
    let mut cuts = vec![from];
    if let Ok(start) = Timestamp::from_second(from) {
        cuts.extend(
            tz.following(start)
                .map(|t| t.timestamp().as_second())
                .take_while(|&t| t < to)
                .filter(|&t| t > from),
        );
    }
    cuts.push(to);
    cuts.windows(2)
        .map(|w| (w[0], w[1], offset(w[0])))
        .collect()
}

/// `cxc_zone_utc`: the offset in force at each instant, per zone.
pub fn zone_utc(zones: &[TimeZone]) -> Table {
    let mut table = Table::new(&[
        ("zone", 'i'),
        ("bucket", 'i'),
        ("utc_from", 'i'),
        ("utc_to", 'i'),
        ("offset_s", 'i'),
    ]);
    for (z, tz) in zones.iter().enumerate() {
        for (from, to, offset) in spans(tz) {
            for (bucket, a, b) in buckets(from, to) {
                table.row([z as i64, bucket, a, b, offset].map(|v| v.to_string()));
            }
        }
    }
    table
}

/// `cxc_zone_local`: the offset a local time (seconds since 1970-01-01
/// 00:00 on the wall) is read with, per zone. Where a change skips or
/// repeats local times, the offset before the change (jiff's `compatible`
/// reading, which `cxc measure` uses): the offset after a change takes over
/// at the change's instant plus the larger of the two offsets.
pub fn zone_local(zones: &[TimeZone]) -> Table {
    let mut table = Table::new(&[
        ("zone", 'i'),
        ("bucket", 'i'),
        ("local_from", 'i'),
        ("local_to", 'i'),
        ("offset_s", 'i'),
    ]);
    for (z, tz) in zones.iter().enumerate() {
        let spans = spans(tz);
        let mut starts: Vec<i64> = spans
            .iter()
            .enumerate()
            .map(|(i, &(from, _, offset))| match i {
                0 => from + offset,
                _ => from + offset.max(spans[i - 1].2),
            })
            .collect();
        starts.push(spans.last().map_or(0, |&(_, to, offset)| to + offset));
        for (i, &(_, _, offset)) in spans.iter().enumerate() {
            for (bucket, a, b) in buckets(starts[i], starts[i + 1]) {
                table.row([z as i64, bucket, a, b, offset].map(|v| v.to_string()));
            }
        }
    }
    table
}

/// A calendar's open intervals over the covered range, adjacent ones
/// joined.
pub fn open_intervals(clock: &Clock) -> Vec<(i64, i64)> {
    let first = clock.local_day(FROM) - 1;
    let last = clock.local_day(TO) + 1;
    let mut open: Vec<(i64, i64)> = Vec::new();
    for day in first..=last {
        for (a, b) in clock.open_on(day) {
            let (a, b) = (a.max(FROM), b.min(TO));
            if b <= a {
                continue;
            }
            match open.last_mut() {
                Some(last) if last.1 >= a => last.1 = last.1.max(b),
                _ => open.push((a, b)),
            }
        }
    }
    open
}

/// `cxc_clock`: for each calendar, the covered range cut into segments
/// `[seg_start, seg_next)`, each open from its start to `open_end` and
/// closed after, with the open seconds from the range's start before it
/// (`cum_before`), then cut at bucket boundaries. The open seconds of a
/// calendar up to an instant `t` in a segment are
/// `cum_before + min(t, open_end) - seg_start`, and its running time
/// between two instants their difference.
pub fn clock_table(calendars: &[(String, Clock)]) -> Table {
    let mut table = Table::new(&[
        ("calendar", 's'),
        ("bucket", 'i'),
        ("seg_start", 'i'),
        ("seg_next", 'i'),
        ("open_end", 'i'),
        ("cum_before", 'i'),
    ]);
    for (id, clock) in calendars {
        let open = open_intervals(clock);
        // Segments: the closed time before the first opening, then each
        // opening with the closed time after it.
        let mut segments = vec![(FROM, open.first().map_or(TO, |o| o.0), FROM)];
        for (i, &(a, b)) in open.iter().enumerate() {
            let next = open.get(i + 1).map_or(TO, |o| o.0);
            segments.push((a, next, b));
        }
        let mut cum = 0;
        for (start, next, open_end) in segments {
            if next <= start {
                continue;
            }
            for (bucket, a, b) in buckets(start, next) {
                let end = open_end.clamp(a, b);
                let before = cum + (a.min(open_end) - start).max(0);
                table.row([
                    id.clone(),
                    bucket.to_string(),
                    a.to_string(),
                    b.to_string(),
                    end.to_string(),
                    before.to_string(),
                ]);
            }
            cum += open_end - start;
        }
    }
    table
}

/// The working days of a calendar (or of the wall clock), as deadlines in
/// working days count them (`Clock::due`): `key` names it in the tables,
/// `tz` is its zone, and `most` the most working days a deadline on it
/// asks, so that the last covered day still finds its due day.
pub struct Workdays<'a> {
    pub key: String,
    pub clock: &'a Clock,
    pub tz: &'a TimeZone,
    pub most: u32,
}

/// `cxc_workday_of` and `cxc_workday_close`: a deadline of `N` working days
/// started at `t` is due at the close of the `N`th opening day after `t`'s
/// local day. The first table gives, for each instant (spans cut at bucket
/// boundaries), the number `ord` of opening days up to and including its
/// local day — the local day read with the offset in force at the instant,
/// as `Clock::due` reads it; the second, the closing time (`close_s`) of
/// the opening day numbered `ord`. A due time is then `close_s` of
/// `ord + N`: two equality joins.
pub fn workday_tables(calendars: &[Workdays]) -> (Table, Table) {
    let mut of = Table::new(&[
        ("workdays", 's'),
        ("bucket", 'i'),
        ("utc_from", 'i'),
        ("utc_to", 'i'),
        ("ord", 'i'),
    ]);
    let mut close = Table::new(&[("workdays", 's'), ("ord", 'i'), ("close_s", 'i')]);
    for w in calendars {
        let spans = spans(w.tz);
        // Local days of the covered instants, piece by piece.
        let mut pieces: Vec<(i64, i64, i64)> = Vec::new();
        for &(from, to, offset) in &spans {
            let mut at = from;
            while at < to {
                let day = (at + offset).div_euclid(86_400);
                let end = ((day + 1) * 86_400 - offset).min(to);
                pieces.push((at, end, day));
                at = end;
            }
        }
        let (Some(first), Some(last)) = (
            pieces.iter().map(|p| p.2).min(),
            pieces.iter().map(|p| p.2).max(),
        ) else {
            continue;
        };
        // The opening days from the first covered day on, and `most` after
        // the last.
        let mut opening: Vec<i64> = Vec::new();
        let mut day = first - 1;
        let mut after = 0;
        while let Some(next) = w.clock.opening_day_after(day, 1) {
            if next > last {
                if after == w.most {
                    break;
                }
                after += 1;
            }
            opening.push(next);
            day = next;
        }
        for (i, &day) in opening.iter().enumerate() {
            close.row([
                w.key.clone(),
                (i + 1).to_string(),
                w.clock.closing(day).to_string(),
            ]);
        }
        // Each piece with its count, adjacent pieces of one count joined.
        let mut spans: Vec<(i64, i64, usize)> = Vec::new();
        for (a, b, day) in pieces {
            let ord = opening.partition_point(|&o| o <= day);
            match spans.last_mut() {
                Some(last) if last.2 == ord && last.1 == a => last.1 = b,
                _ => spans.push((a, b, ord)),
            }
        }
        for (from, to, ord) in spans {
            for (bucket, a, b) in buckets(from, to) {
                of.row([
                    w.key.clone(),
                    bucket.to_string(),
                    a.to_string(),
                    b.to_string(),
                    ord.to_string(),
                ]);
            }
        }
    }
    (of, close)
}

/// `cxc_buckets`: the buckets of `cxc measure`'s quantile sketch from 100
/// seconds up (below, each second is its own bucket): the seconds each
/// holds, `[lower_s, upper_s)`, and the value it stands for.
pub fn buckets_table() -> Table {
    use crate::measure::sketch::{bucket, value};
    let mut table = Table::new(&[
        ("bucket", 'i'),
        ("lower_s", 'i'),
        ("upper_s", 'i'),
        ("value_s", 'i'),
    ]);
    let mut lower = 100i64;
    loop {
        let b = bucket(lower);
        // The first second of a later bucket: bucket() never decreases.
        let (mut lo, mut hi) = (lower, i64::MAX);
        if bucket(hi) == b {
            table.row([
                b.to_string(),
                lower.to_string(),
                i64::MAX.to_string(),
                value(b).to_string(),
            ]);
            break;
        }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if bucket(mid) == b {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        table.row([
            b.to_string(),
            lower.to_string(),
            hi.to_string(),
            value(b).to_string(),
        ]);
        lower = hi;
    }
    table
}

#[cfg(test)]
mod tests;
