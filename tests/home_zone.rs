//! A calendar that names no `timezone` keeps its hours in the spec's home
//! zone (the first calendar that names one), as the local times read against
//! it already were: its opening hours, `cxc measure`'s clock, the staffing
//! schedule and the Zendesk schedule are all in that one zone. Until this,
//! its hours were UTC while its local times were Moscow's.

use cxc::measure::rows::{csv_rows, Columns, Contact};
use cxc::measure::{Measurement, Settings};

mod common;

/// Moscow names its zone; `office` does not, and means Moscow hours.
const SPEC: &str = r#"
calendar moscow { timezone "Europe/Moscow"; open 24x7 }
calendar office { open mon-fri 09:00-18:00 }
team support { lead support_lead }
role support_lead { team support; duty "Lead" }
channel phone { kind phone; owner support; hours office }
channel email { kind email; owner support; hours office }
segment mass { channels phone, email }
sla mass_sla for mass { hours office; answer phone 80% within 1m; first_response email within 4h }
"#;

/// Answered within the minute on a Moscow office clock, whatever zone the
/// row is written in: Monday 17:59:30 to 18:10 Moscow time is 30 s of
/// office hours (on a UTC clock, 14:59:30–15:10 UTC, it was 630 s).
#[test]
fn a_zoneless_office_counts_its_hours_in_the_home_zone() {
    let model = common::model_of(SPEC);
    let office = model
        .calendars
        .values()
        .find(|c| c.header.id.as_str() == "office")
        .unwrap();
    assert_eq!(office.zone_name(), Some("Europe/Moscow"));
    for (created, answered) in [
        ("2026-11-02T17:59:30", "2026-11-02T18:10:00"),
        ("2026-11-02T14:59:30Z", "2026-11-02T15:10:00Z"),
        ("2026-11-02T17:59:30+03:00", "2026-11-03T09:00:00+03:00"),
    ] {
        let csv =
            format!("id,created,segment,channel,answered\n1,{created},mass,phone,{answered}\n");
        let mut measurement = Measurement::new(&model, Settings::default());
        csv_rows::<Contact>(
            std::io::Cursor::new(csv.into_bytes()),
            &Columns::default(),
            |row| measurement.contact(row),
        );
        let report = measurement.finish();
        assert!(report.flaws.all.is_empty(), "{created}");
        let attainment = &report.attainments[0];
        assert_eq!((attainment.n, attainment.met), (1, 1), "{created}");
    }
}

#[test]
fn a_zoneless_office_is_exported_in_the_home_zone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("service.cx"), SPEC).unwrap();
    let out = dir.path().join("out");
    let output = common::cxc_in(
        dir.path(),
        &[
            "build",
            "service.cx",
            "--target",
            "zendesk",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(out.join("routing/zendesk-schedules.json")).unwrap();
    let schedules: serde_json::Value = serde_json::from_str(&text).unwrap();
    let office = schedules
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["calendar"] == "office")
        .expect("office has a schedule");
    assert_eq!(office["schedule"]["schedule"]["time_zone"], "Moscow");
}

/// A spec where no calendar names a zone stays in UTC, as before.
#[test]
fn without_any_zone_hours_stay_in_utc() {
    let spec = SPEC.replace("timezone \"Europe/Moscow\"; ", "");
    let model = common::model_of(&spec);
    assert!(model.calendars.values().all(|c| c.zone_name().is_none()));
}
