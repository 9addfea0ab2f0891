//! The help of `escalation-after-deadline` can be followed: over generated
//! complaint ladders (a deadline and two rungs, in minutes, hours, days or
//! working days, on the wall clock, a 24x7 calendar or office hours), each
//! time the finding suggests `escalate after T`, T is written in and the
//! spec checked again; where it says to remove the rung, the rung goes.
//! Within three rounds the ladder is before its deadline, and no round gives
//! `escalation-out-of-order` (T equal to the rung before, issue 26) or
//! `day-on-business-clock` (T in days on office hours) or an unreadable time.

use cxc::check::Options;
use cxc::diagnostic::{Code, Diagnostic};
use cxc::pipeline::compile_bytes;
use proptest::prelude::*;

/// The complaint's `hours`, if any: none, 24x7, office hours.
const CLOCKS: [Option<&str>; 3] = [None, Some("always"), Some("office")];

fn spec(clock: Option<&str>, resolve: &str, rungs: &[(String, &str)]) -> String {
    let hours = clock.map_or(String::new(), |c| format!("hours {c}; "));
    let ladder: String = rungs
        .iter()
        .map(|(after, to)| format!("escalate after {after} to {to}; "))
        .collect();
    format!(
        "team desk {{ lead head }}\n\
         role agent {{ team desk; reports_to head; duty \"Answers\" }}\n\
         role mid {{ team desk; reports_to head; duty \"Takes over\" }}\n\
         role head {{ team desk; duty \"Leads\" }}\n\
         calendar office {{ open mon-fri 09:00-18:00 }}\n\
         calendar always {{ open 24x7 }}\n\
         complaint late {{ owner agent; {hours}acknowledge within 1m; resolve within {resolve}; \
         {ladder}remedy apologize, redo; feedback required }}\n"
    )
}

fn diagnostics(text: &str) -> Vec<Diagnostic> {
    compile_bytes("spec.cx", text.as_bytes(), &Options::default()).diagnostics
}

/// `T` of the help's "e.g. `escalate after T to WHO`".
fn suggestion(help: &str) -> Option<String> {
    let (_, rest) = help.split_once("`escalate after ")?;
    Some(rest.split_whitespace().next()?.to_string())
}

/// A time as written: minutes, hours, days (not on office hours, where a
/// day is `day-on-business-clock`'s finding) or working days.
fn time(office: bool) -> impl Strategy<Value = String> {
    let units: Vec<&str> = if office {
        vec!["m", "h", "wd"]
    } else {
        vec!["m", "h", "d", "wd"]
    };
    (1u32..=60, proptest::sample::select(units)).prop_map(|(n, unit)| format!("{n}{unit}"))
}

fn case() -> impl Strategy<Value = (usize, String, String, String)> {
    (0..CLOCKS.len()).prop_flat_map(|clock| {
        let office = CLOCKS[clock] == Some("office");
        (Just(clock), time(office), time(office), time(office))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn following_the_help_puts_the_ladder_before_its_deadline(
        (clock, resolve, first, second) in case()
    ) {
        let clock = CLOCKS[clock];
        let mut rungs = vec![(first, "mid"), (second, "head")];
        let codes = |found: &[Diagnostic]| found.iter().map(|d| d.code).collect::<Vec<_>>();
        let original = diagnostics(&spec(clock, &resolve, &rungs));
        // A ladder out of order already is `escalation-out-of-order`'s.
        prop_assume!(!codes(&original).contains(&Code::EscalationOutOfOrder));
        for round in 0..3 {
            let text = spec(clock, &resolve, &rungs);
            let found = diagnostics(&text);
            for wrong in [
                Code::EscalationOutOfOrder,
                Code::DayOnBusinessClock,
                Code::InvalidValue,
                Code::Syntax,
            ] {
                prop_assert!(
                    !codes(&found).contains(&wrong),
                    "round {round}: `{wrong:?}` in\n{text}\n{found:#?}"
                );
            }
            let Some(late) = found.iter().find(|d| d.code == Code::EscalationAfterDeadline) else {
                return Ok(());
            };
            let rung = rungs
                .iter()
                .position(|(_, to)| late.message.contains(&format!("to `{to}`")))
                .expect("the finding names its rung");
            match suggestion(&late.help) {
                Some(after) => rungs[rung].0 = after,
                None => {
                    prop_assert!(late.help.contains("remove"), "{}", late.help);
                    rungs.remove(rung);
                }
            }
        }
        prop_assert!(false, "still after the deadline:\n{}", spec(clock, &resolve, &rungs));
    }
}

/// The cases the issue and the audit reproduced: a deadline of 1d after a
/// rung at 1d was told `escalate after 1d`; on office hours 30h, a rung at
/// 20h and one at 40h was told `1d1h`, a day there. Each help is said here.
#[test]
fn the_reproduced_ladders_get_a_time_strictly_between() {
    let help = |clock, resolve: &str, first: &str, second: &str| {
        let rungs = vec![(first.to_string(), "mid"), (second.to_string(), "head")];
        diagnostics(&spec(clock, resolve, &rungs))
            .into_iter()
            .find(|d| d.code == Code::EscalationAfterDeadline)
            .map(|d| d.help)
            .unwrap()
    };
    let office = help(Some("office"), "30h", "20h", "40h");
    assert_eq!(suggestion(&office).as_deref(), Some("25h"), "{office}");
    let wall = help(None, "2d", "1d", "3d");
    assert_eq!(suggestion(&wall).as_deref(), Some("1d12h"), "{wall}");
    let at_deadline = help(None, "1d", "1d", "2d");
    assert!(
        suggestion(&at_deadline).is_none() && at_deadline.contains("remove"),
        "{at_deadline}"
    );
}
