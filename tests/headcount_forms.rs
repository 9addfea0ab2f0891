//! headcount-short adds up queues whose forecasts are written in different
//! forms (bank audit F6): a time of a typical day is also that time of
//! every dated day it covers, on the queue's own clock. And a gap is
//! reported once, by the role when the role's finding explains it.

mod common;

use common::{copy_dir, cxc_in, json, ByPath};
use proptest::prelude::*;
use std::path::Path;

/// The seats headcount-short says the team `t` needs at once (its headcount
/// is 1, so it always says), or `None`.
fn needed(spec: &str, files: &ByPath) -> Option<u64> {
    let model = common::model_of(spec);
    let (_, diagnostics) = cxc::staffing::plan(&model, files);
    let message = diagnostics
        .iter()
        .find(|d| d.code.as_str() == "headcount-short")?
        .message
        .to_string();
    let (_, after) = message.split_once("its queues need ")?;
    after.split(' ').next()?.parse().ok()
}

/// Zones a channel may keep its hours in: whole and half-hour offsets,
/// east and west of UTC (no daylight saving in January).
const ZONES: [&str; 4] = ["UTC", "Europe/Moscow", "Asia/Kolkata", "America/New_York"];

/// 2027-01-11, a Monday.
const FIRST_DAY: i64 = 11;

fn spec(zone: &str) -> String {
    format!(
        "calendar always {{ timezone \"{zone}\"; open 24x7 }}
channel phone {{ kind phone; hours always; owner t }}
segment s {{ channels phone }}
sla s_sla for s {{ hours always; answer phone 80% within 20s }}
team t {{}}
role agent {{ team t; headcount 1; duty \"Answers\" }}
queue day {{ channel phone; segments s; team t; aht 5m
  forecast file \"day.csv\" per 1h }}
queue dated {{ channel phone; segments s; team t; aht 5m
  forecast file \"dated.csv\" per 30m }}
"
    )
}

/// `hour:00` local time on January `day` 2027, written without an offset
/// (read in the channel's zone).
fn local(day: i64, minutes: i64) -> String {
    format!("2027-01-{day:02} {:02}:{:02}", minutes / 60, minutes % 60)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// A typical day's profile needs, at each moment, what the same
    /// profile written out on every dated day would: headcount-short
    /// finds the same number of seats at once either way, however the
    /// dated queue's rows fall (half-hours of a week, several days) and in
    /// whichever zone the line keeps its hours.
    #[test]
    fn a_typical_day_is_every_dated_day_it_covers(
        zone in 0..ZONES.len(),
        profile in prop::collection::vec(20..80u32, 24),
        rows in prop::collection::btree_map((0..7i64, 0..48i64), 1..60u32, 1..30),
    ) {
        let spec = spec(ZONES[zone]);
        let mut typical = String::from("start,volume\n");
        let mut written = String::from("start,volume\n");
        for (hour, calls) in profile.iter().enumerate() {
            typical.push_str(&format!("{hour:02}:00,{calls}\n"));
            for day in FIRST_DAY..FIRST_DAY + 7 {
                written.push_str(&format!("{},{calls}\n", local(day, hour as i64 * 60)));
            }
        }
        let mut dated = String::from("start,volume\n");
        for (&(day, half_hour), calls) in &rows {
            dated.push_str(&format!("{},{calls}\n", local(FIRST_DAY + day, half_hour * 30)));
        }
        let files = |day: &str| ByPath(vec![
            ("day.csv".into(), day.to_string()),
            ("dated.csv".into(), dated.clone()),
        ]);
        let by_profile = needed(&spec, &files(&typical));
        let by_days = needed(&spec, &files(&written));
        prop_assert!(by_days.is_some());
        prop_assert_eq!(by_profile, by_days);
    }
}

/// The bank audit's F6 repro: the contact centre's line roles are 290
/// (`оператор` 282, the Private managers 8); its typical-day queues need
/// 288 at 10:30 Moscow time and the Private line's dated week needs 10
/// more on Monday 2027-01-04 at 10:30: 298 at once. With the team owning
/// the channels the team is reported (it was not: the typical day and the
/// dated week were never added).
#[test]
fn the_bank_repro_adds_the_dated_week_to_the_typical_day() {
    let work = tempfile::tempdir().unwrap();
    let bank = work.path().join("bank");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs/bank"),
        &bank,
    );
    let edit = |file: &str, from: &str, to: &str| {
        let path = bank.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from} in {file}");
        std::fs::write(&path, text.replace(from, to)).unwrap();
    };
    edit("teams.cx", "headcount 300", "headcount 282");
    let headcount = |bank: &Path| -> Vec<String> {
        let report = json(&cxc_in(
            bank,
            &["check", ".", "--format", "json", "--lang", "en"],
        ));
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "headcount-short")
            .map(|d| d["message"].as_str().unwrap().to_string())
            // Seats at one moment; the weekly question is judged apart.
            .filter(|m| m.contains("at the same time"))
            .collect()
    };
    // As shipped, roles own the lines: each role's finding says its part of
    // the gap (6 + 2 = the team's 8), and the team's is not repeated.
    let by_roles = headcount(&bank);
    assert_eq!(by_roles.len(), 2, "{by_roles:?}");
    assert!(
        by_roles[0].contains("role `оператор` has a headcount of 282")
            && by_roles[0].contains("need 288 of its people"),
        "{by_roles:?}"
    );
    assert!(
        by_roles[1].contains("role `персональный_менеджер` has a headcount of 8")
            && by_roles[1].contains("need 10 of its people"),
        "{by_roles:?}"
    );
    // The team owning the lines: one finding, the team's, typical + dated.
    edit(
        "channels.cx",
        "owner персональный_менеджер",
        "owner контакт_центр",
    );
    let text = std::fs::read_to_string(bank.join("channels.cx")).unwrap();
    std::fs::write(
        bank.join("channels.cx"),
        text.replace("owner оператор", "owner контакт_центр"),
    )
    .unwrap();
    let by_team = headcount(&bank);
    assert_eq!(by_team.len(), 1, "{by_team:?}");
    for said in [
        "team `контакт_центр`",
        "add up to 290 people (оператор 282, персональный_менеджер 8)",
        "need 298 people on duty at the same time (agents answering, and on queues with `shrinkage` the people that takes), in the interval starting 2027-01-04T10:30:00+03:00",
        "q_private 10",
    ] {
        assert!(by_team[0].contains(said), "{said:?} not in {}", by_team[0]);
    }
}
