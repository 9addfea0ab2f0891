//! A complaint rule without `hours` runs on the wall clock in `cxc measure`
//! as in the regulation, the job descriptions and Zendesk (audit 8, B3: the
//! contact channel's office hours made a 65-hour weekend wait count as
//! resolved within 4 hours).

use super::measure_in;

const SPEC: &str = r#"service "Couriers" { language en }
calendar office { timezone "Europe/Moscow"; open mon-fri 09:00-18:00 }
team support { lead lead }
role lead { team support; duty "Leads support" }
channel email { kind email; hours office; owner support }
segment sellers { channels email }
sla sellers_sla for sellers { hours office; first_response email within 4h }
complaint stuck { segments any; owner support; HOURS acknowledge within 1h; resolve within 4h; escalate after 2h to lead; remedy apologize; feedback optional }
"#;

/// Two complaints e-mailed on Friday at 17:00 Moscow time: one resolved
/// at 20:00 the same evening (3 hours), one on Monday at 10:00 (65 hours;
/// two office hours).
const CONTACTS: &str = "\
id,segment,channel,created,first_response,acknowledged,resolved,complaint
1,sellers,email,2026-10-30T17:00:00+03:00,2026-10-30T17:10:00+03:00,2026-10-30T17:10:00+03:00,2026-10-30T20:00:00+03:00,stuck
2,sellers,email,2026-10-30T17:00:00+03:00,2026-10-30T17:10:00+03:00,2026-10-30T17:10:00+03:00,2026-11-02T10:00:00+03:00,stuck
";

fn resolved_in_time(hours: &str) -> (u64, u64) {
    let spec = SPEC.replace("HOURS", hours);
    let (_, measured) = measure_in(&spec, CONTACTS, "case,journey,step,entered\n");
    let resolve = measured["complaints"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "stuck" && c["duty"] == "resolve")
        .unwrap_or_else(|| panic!("{measured:#}"))
        .clone();
    (
        resolve["kept"].as_u64().unwrap(),
        resolve["n"].as_u64().unwrap(),
    )
}

#[test]
fn a_complaint_rule_without_hours_runs_on_the_wall_clock() {
    assert_eq!(resolved_in_time(""), (1, 2));
}

#[test]
fn a_complaint_rule_with_office_hours_counts_office_hours() {
    assert_eq!(resolved_in_time("hours office;"), (2, 2));
}
