use super::*;

/// A random generator that needs no crate: SplitMix64.
struct Mix(u64);
impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: i64) -> i64 {
        (self.next() % n as u64) as i64
    }
}

fn office(zone: &str) -> Clock {
    let spec = "calendar c { timezone \"Europe/Berlin\"; open mon-fri 09:00-18:00; open sat 02:00-03:30; closed 2026-10-26, 2031-03-31 }";
    let compiled = crate::pipeline::compile_clean(&spec.replace("Europe/Berlin", zone));
    Clock::of(compiled.specs[0].model.calendars.values().next().unwrap())
}

/// Open seconds up to `t` read from the table, as the SQL macros read it.
fn prefix(rows: &[Vec<String>], t: i64) -> i64 {
    let n = |s: &String| s.parse::<i64>().unwrap();
    let row = rows
        .iter()
        .find(|r| n(&r[1]) == t.div_euclid(BUCKET) && n(&r[2]) <= t && t < n(&r[3]))
        .expect("one segment holds every covered instant");
    n(&row[5]) + t.min(n(&row[4])) - n(&row[2])
}

#[test]
fn the_clock_table_gives_the_clocks_running_time_across_changes_and_holidays() {
    let seed = std::env::var("CXC_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_c10c_u64);
    eprintln!("seed {seed} (CXC_SEED to repeat)");
    let mut rng = Mix(seed);
    for zone in [
        "Europe/Berlin",
        "Australia/Sydney",
        "America/New_York",
        "Asia/Kolkata",
    ] {
        let clock = office(zone);
        let table = clock_table(&[("c".into(), clock.clone())]);
        for _ in 0..3000 {
            // Around the year's daylight-saving changes, or anywhere.
            let a = FROM + rng.below(TO - FROM - 40 * 86_400);
            let span = [3_600, 86_400, 40 * 86_400][rng.below(3) as usize];
            let b = a + rng.below(span);
            let (ta, tb) = (
                Timestamp::from_second(a).unwrap(),
                Timestamp::from_second(b).unwrap(),
            );
            let sql = (prefix(&table.rows, b) - prefix(&table.rows, a)).max(0);
            assert_eq!(sql, clock.running(ta, tb), "{zone} {a}..{b}");
        }
    }
}

#[test]
fn local_times_read_with_the_offset_measure_reads_them_with() {
    let mut rng = Mix(7);
    let zones: Vec<TimeZone> = [
        "Europe/Berlin",
        "Australia/Sydney",
        "America/Santiago",
        "UTC",
    ]
    .iter()
    .map(|z| jiff::tz::db().get(z).unwrap())
    .collect();
    let table = zone_local(&zones);
    for (z, tz) in zones.iter().enumerate() {
        // Every change in the range, and random times.
        let mut locals: Vec<i64> = Vec::new();
        for (from, _, offset) in spans(tz) {
            for d in -3_600..=3_600 {
                if d % 900 == 0 {
                    locals.push(from + offset + d);
                }
            }
        }
        locals.extend((0..2000).map(|_| FROM + rng.below(TO - FROM)));
        for local in locals.into_iter().filter(|&l| l > FROM && l < TO) {
            let n = |s: &String| s.parse::<i64>().unwrap();
            let row = table
                .rows
                .iter()
                .find(|r| {
                    n(&r[0]) == z as i64
                        && n(&r[1]) == local.div_euclid(BUCKET)
                        && n(&r[2]) <= local
                        && local < n(&r[3])
                })
                .expect("every local time has an offset");
            let civil = Timestamp::from_second(local)
                .unwrap()
                .to_zoned(TimeZone::UTC)
                .datetime();
            let expected = tz.to_timestamp(civil).unwrap().as_second();
            assert_eq!(local - n(&row[4]), expected, "zone {z} local {civil}");
        }
    }
}

#[test]
fn buckets_hold_every_second_once_with_the_sketchs_value() {
    use crate::measure::sketch::{bucket, value};
    let table = buckets_table();
    let n = |s: &String| s.parse::<i64>().unwrap();
    for pair in table.rows.windows(2) {
        assert_eq!(n(&pair[0][2]), n(&pair[1][1]), "contiguous");
    }
    let mut rng = Mix(11);
    for _ in 0..20_000 {
        let bits = rng.below(30) + 1;
        let s = 100 + rng.below(1 << bits);
        let row = table
            .rows
            .iter()
            .find(|r| n(&r[1]) <= s && s < n(&r[2]))
            .unwrap();
        assert_eq!(n(&row[0]), i64::from(bucket(s)));
        assert_eq!(n(&row[3]), value(bucket(s)));
    }
}

/// When a deadline of `days` working days started at `t` is due, read from
/// the two working-day tables as the SQL joins read them.
fn due_from_tables(of: &Table, close: &Table, key: &str, t: i64, days: u32) -> Option<i64> {
    let n = |s: &String| s.parse::<i64>().unwrap();
    let key = if key.is_empty() { "-" } else { key };
    let value = |r: &Vec<String>| {
        if r[0].is_empty() {
            "-".to_string()
        } else {
            r[0].clone()
        }
    };
    let mut held = of.rows.iter().filter(|r| {
        value(r) == key && n(&r[1]) == t.div_euclid(BUCKET) && n(&r[2]) <= t && t < n(&r[3])
    });
    let ord = n(&held.next().expect("one span holds every covered instant")[4]);
    assert!(held.next().is_none(), "one span only");
    let mut due = close
        .rows
        .iter()
        .filter(|r| value(r) == key && n(&r[1]) == ord + i64::from(days));
    let found = due.next().map(|r| n(&r[2]));
    assert!(due.next().is_none(), "one close per opening day");
    found
}

#[test]
fn the_working_day_tables_give_the_clocks_due_times_across_changes_and_holidays() {
    let seed = std::env::var("CXC_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_0da7_u64);
    eprintln!("seed {seed} (CXC_SEED to repeat)");
    let mut rng = Mix(seed);
    // Office hours with holidays next to the spring and autumn changes, a
    // Sunday window inside the hour Europe's clocks skip, a calendar open
    // around the clock and one that never opens; Santiago's clocks change
    // at midnight, so a local day comes back after it ended.
    let spec = "calendar office { timezone \"ZONE\"; open mon-fri 09:00-18:00; open sun 02:15-02:45; closed 2026-03-30, 2026-10-26, 2027-04-05, 2031-03-31 }\n\
                calendar always { timezone \"ZONE\"; open 24x7 }\n\
                calendar weekend { timezone \"ZONE\"; open sat 10:00-12:00; closed 2026-03-28 }";
    for zone in [
        "Europe/Berlin",
        "Australia/Sydney",
        "America/New_York",
        "America/Santiago",
        "Asia/Kolkata",
    ] {
        let compiled = crate::pipeline::compile_clean(&spec.replace("ZONE", zone));
        let model = &compiled.specs[0].model;
        let tz = jiff::tz::db().get(zone).unwrap();
        let clocks: Vec<(String, Clock)> = model
            .calendars
            .values()
            .map(|c| (c.header.id.to_string(), Clock::of(c)))
            .collect();
        let most = 40;
        let calendars: Vec<Workdays> = clocks
            .iter()
            .map(|(key, clock)| Workdays {
                key: key.clone(),
                clock,
                tz: &tz,
                most,
            })
            .collect();
        let (of, close) = workday_tables(&calendars);
        let changes: Vec<i64> = tz
            .following(Timestamp::from_second(FROM).unwrap())
            .map(|t| t.timestamp().as_second())
            .take_while(|&t| t < TO)
            .collect();
        for _ in 0..600 {
            let t = match rng.below(3) {
                // Around an offset change, or a holiday of 2026/27, or anywhere.
                0 if !changes.is_empty() => {
                    changes[rng.below(changes.len() as i64) as usize] + rng.below(4 * 86_400)
                        - 2 * 86_400
                }
                1 => 1_774_000_000 + rng.below(40_000_000),
                _ => FROM + rng.below(TO - FROM - 200 * 86_400),
            };
            let days = 1 + rng.below(i64::from(most)) as u32;
            for (key, clock) in &clocks {
                let expected = clock
                    .due(Timestamp::from_second(t).unwrap(), days)
                    .map(|d| d.as_second());
                let got = due_from_tables(&of, &close, key, t, days);
                assert_eq!(got, expected, "seed {seed}: {zone} {key} {t} + {days}wd");
            }
        }
    }
}
