use super::*;
use crate::measure::flaws::{DataFile, Flaw};
use crate::measure::rows::{csv_rows, Columns, Contact};
use crate::measure::{Measurement, Settings};
use crate::pipeline::compile_clean;

const SPEC: &str = r#"
calendar office { timezone "Europe/Moscow"; open mon-fri 09:00-18:00; closed 2026-11-04 }
team support { lead lead }
role lead { team support; duty "Lead" }
channel phone { kind phone; owner support; hours office }
channel email { kind email; owner support; hours office }
segment vip { channels phone, email }
segment mass { channels phone }
sla vip_sla for vip {
  hours office
  answer phone 80% within 20s
  first_response email within 10m
  resolution within 1d
}
sla mass_sla for mass { answer phone 70% within 1m }
"#;

fn tally(rows: &str) -> (Vec<Attainment>, crate::measure::flaws::Flaws) {
    let compiled = compile_clean(SPEC);
    let model = &compiled.specs[0].model;
    let mut measurement = Measurement::new(model, Settings::default());
    csv_rows::<Contact>(
        std::io::Cursor::new(rows.as_bytes().to_vec()),
        &Columns::default(),
        |row| measurement.contact(row),
    );
    let report = measurement.finish();
    (report.attainments, report.flaws)
}

fn cell(all: &[Attainment], target: Target) -> (u64, u64) {
    let a = all
        .iter()
        .find(|a| a.target == target && a.sla.index() == 0)
        .expect("counted");
    (a.n, a.met)
}

#[test]
fn answers_count_on_the_slas_clock_and_abandoned_calls_miss() {
    let rows = "id,segment,channel,created,answered,first_response,resolved\n\
        1,vip,phone,2026-11-02T10:00:00,2026-11-02T10:00:15,,\n\
        2,vip,phone,2026-11-02T10:00:00,2026-11-02T10:00:25,,\n\
        3,vip,phone,2026-11-02T10:00:00,,,\n\
        4,vip,phone,2026-11-02T17:59:50,2026-11-03T09:00:05,,\n";
    let (all, _) = tally(rows);
    // 15 s met, 25 s missed, abandoned missed, 10 s before closing and 5 s
    // after opening met.
    assert_eq!(cell(&all, Target::Answer(0)), (4, 2));
    let a = all.iter().find(|a| a.target == Target::Answer(0)).unwrap();
    assert_eq!(a.percent(), Some(50.0));
}

#[test]
fn first_responses_and_resolutions_skip_nights_and_holidays() {
    // 2026-11-04 is a holiday: an e-mail of Tuesday 17:55 answered on
    // Thursday 09:04 waited nine working minutes.
    let rows = "id,segment,channel,created,answered,first_response,resolved\n\
        1,vip,email,2026-11-03T17:55:00+03:00,,2026-11-05T09:04:00+03:00,2026-11-05T17:00:00+03:00\n\
        2,vip,email,2026-11-03T12:00:00+03:00,,2026-11-03T12:11:00+03:00,2026-11-09T12:00:00+03:00\n";
    let (all, _) = tally(rows);
    assert_eq!(cell(&all, Target::FirstResponse(0)), (2, 1));
    // A resolution target without a channel applies to every channel, and
    // `1d` is 24 hours of the calendar's running time: 8 h 05 met; Tuesday
    // noon to next Monday noon (6 + 9 + 9 + 3 = 27 working hours) missed.
    assert_eq!(cell(&all, Target::Resolution(0)), (2, 1));
}

#[test]
fn rows_that_contradict_the_spec_are_counted_with_their_lines() {
    let rows = "id,segment,channel,created,answered\n\
        1,gold,phone,2026-11-02T10:00:00,2026-11-02T10:00:05\n\
        2,vip,fax,2026-11-02T10:00:00,2026-11-02T10:00:05\n\
        3,vip,phone,2026-11-02T10:00:00,2026-11-02T09:00:00\n\
        4,gold,phone,2026-11-02T10:00:00,2026-11-02T10:00:05\n";
    let (all, bad) = tally(rows);
    let seen = |flaw| &bad.all[&(DataFile::Contacts, flaw)];
    assert_eq!(seen(Flaw::UnknownSegment).count, 2);
    assert_eq!(seen(Flaw::UnknownSegment).first_lines, [2, 5]);
    assert_eq!(seen(Flaw::UnknownSegment).example.as_deref(), Some("gold"));
    assert_eq!(seen(Flaw::UnknownChannel).first_lines, [3]);
    assert_eq!(seen(Flaw::Before("answered")).first_lines, [4]);
    // The contact answered "before" it was made is set aside whole: it
    // counts neither as answered nor as missed.
    assert!(all.is_empty(), "{all:?}");
}
