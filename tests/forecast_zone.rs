//! A queue's `timezone` names the zone its forecast file is written in
//! (outside audit 8, S2): a Novosibirsk night centre writes its own local
//! times, four hours ahead of the Moscow hours of the channel it answers.
//! Without it the file is read on the channel's clock, as before.

mod common;

use common::ByPath;
use cxc::diagnostic::Code;

/// A Moscow line open 09:00–18:00 every day, staffed by a queue whose
/// forecast is `rows` (`start,volume` lines), with `extra` in the queue.
fn spec(extra: &str) -> String {
    format!(
        "calendar office {{ timezone \"Europe/Moscow\"; open mon-sun 09:00-18:00 }}\n\
         team t {{ lead boss }}\n\
         role boss {{ team t; duty \"Leads\" }}\n\
         segment s {{ channels line }}\n\
         sla s_sla for s {{ hours office; answer line 80% within 60s }}\n\
         channel line {{ kind phone; hours office; owner t }}\n\
         queue night {{ channel line; segments s; team t; aht 3m; agents 500\n  \
         forecast file \"f.csv\" per 60m{extra} }}\n"
    )
}

/// Codes of the staffing findings for the spec and forecast.
fn codes(extra: &str, rows: &str) -> Vec<Code> {
    let model = common::model_of(&spec(extra));
    let files = ByPath(vec![("f.csv".into(), format!("start,volume\n{rows}"))]);
    let (_, problems) = cxc::staffing::plan(&model, &files);
    problems.iter().map(|d| d.code).collect()
}

/// 13:00–21:00 in Novosibirsk is 09:00–17:00 in Moscow.
const NOVOSIBIRSK_DAY: &str = "13:00,50\n17:00,80\n20:00,40\n";

#[test]
fn local_times_of_another_zone_read_on_the_channel_s_clock_fall_when_it_is_closed() {
    let found = codes("", NOVOSIBIRSK_DAY);
    assert!(found.contains(&Code::ForecastWhenClosed), "{found:?}");
}

#[test]
fn a_queue_timezone_reads_the_forecast_in_that_zone() {
    let found = codes("; timezone \"Asia/Novosibirsk\"", NOVOSIBIRSK_DAY);
    assert!(!found.contains(&Code::ForecastWhenClosed), "{found:?}");
    // Dated rows too: 2026-12-07 13:00 in Novosibirsk is 09:00 in Moscow,
    // 08:00 there is 04:00 in Moscow, when the line is closed.
    let open = codes("; timezone \"Asia/Novosibirsk\"", "2026-12-07 13:00,50\n");
    assert!(!open.contains(&Code::ForecastWhenClosed), "{open:?}");
    let closed = codes("; timezone \"Asia/Novosibirsk\"", "2026-12-07 08:00,50\n");
    assert!(closed.contains(&Code::ForecastWhenClosed), "{closed:?}");
}

#[test]
fn a_queue_timezone_that_is_no_zone_is_invalid() {
    let codes = |extra: &str| -> Vec<Code> {
        let text = spec(extra);
        cxc::pipeline::compile_bytes("spec.cx", text.as_bytes(), &cxc::check::Options::default())
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect()
    };
    let found = codes("; timezone \"NSK\"");
    assert!(found.contains(&Code::InvalidTimezone), "{found:?}");
    let found = codes("; timezone \"Asia/Novosibirsk\"");
    assert!(!found.contains(&Code::InvalidTimezone), "{found:?}");
}
