//! `cargo bench --bench clock`: business-time arithmetic per interval, the
//! inner loop of `cxc measure`. Office hours in Europe/Berlin with 300
//! holidays; intervals from minutes to weeks. The cost per interval must not
//! grow with the interval's length (no walk over days or minutes), so it is
//! measured for short and for long intervals alike; so is the due time of
//! a deadline in working days, for one day and for a year of them.

use cxc::measure::clock::Clock;
use cxc::model::WeekHours;
use cxc::syntax::ast::OpenHours;
use cxc::syntax::values::{TimeOfDay, Weekday};
use jiff::Timestamp;
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let mut week = WeekHours::default();
    week.add(&OpenHours::Weekly {
        days: vec![(Weekday::Mon, Weekday::Fri)],
        times: vec![(
            TimeOfDay::from_minutes(9 * 60),
            TimeOfDay::from_minutes(18 * 60),
        )],
    });
    let holidays: Vec<i64> = (0..300).map(|i| 16_000 + i * 17).collect();
    let tz = jiff::tz::db().get("Europe/Berlin").expect("a zone");
    let built = Instant::now();
    let clock = Clock::new(&week, &holidays, tz);
    println!(
        "clock built in {:.2} ms",
        built.elapsed().as_secs_f64() * 1e3
    );
    let rows = 1_000_000u64;
    for (label, span) in [
        ("minutes", 600i64),
        ("days", 5 * 86_400),
        ("weeks", 60 * 86_400),
    ] {
        let start = Instant::now();
        let mut total = 0i64;
        for from in moments(rows) {
            let a = Timestamp::from_second(from).expect("in range");
            let b = Timestamp::from_second(from + span).expect("in range");
            total += clock.running(black_box(a), black_box(b));
        }
        let per = start.elapsed().as_secs_f64() * 1e9 / rows as f64;
        println!("{label:>8}: {per:7.1} ns per interval ({total} s counted)");
    }
    // Deadlines in working days: one due time per row, whatever the count.
    for days in [1u32, 20, 250] {
        let start = Instant::now();
        let mut last = 0i64;
        for from in moments(rows) {
            let a = Timestamp::from_second(from).expect("in range");
            last = clock
                .due(black_box(a), black_box(days))
                .map_or(last, |t| t.as_second());
        }
        let per = start.elapsed().as_secs_f64() * 1e9 / rows as f64;
        println!("{days:>5}wd: {per:7.1} ns per due time (last {last})");
    }
}

/// `rows` start moments (Unix seconds) spread over 2020–2029, the same on
/// every run.
fn moments(rows: u64) -> impl Iterator<Item = i64> {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    (0..rows).map(move |_| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        1_577_836_800 + (seed >> 20) as i64 % (10 * 365 * 86_400)
    })
}
