//! What a promise's own words decide about it (audit 18, L3): a promise in
//! `wd` is a working-day deadline whatever its words or their language, so
//! `promise-clock` never calls it plain time.

use cxc::check::Options;
use cxc::explain::EXAMPLE_BASE;
use cxc::pipeline::compile_bytes;
use cxc::syntax::values::Date;

/// The codes `cxc check` gives `promise` beside the explain examples' base
/// (an office-hours e-mail channel with a first-response target).
fn codes(promise: &str) -> Vec<String> {
    let options = Options {
        today: Some(Date::parse("2026-12-08").unwrap()),
        ..Options::default()
    };
    let text = format!("{EXAMPLE_BASE}\n{promise}\n");
    compile_bytes("spec.cx", text.as_bytes(), &options)
        .diagnostics
        .iter()
        .map(|d| d.code.as_str().to_string())
        .collect()
}

fn promise(title: &str, within: &str) -> String {
    format!("promise p \"{title}\" {{ channel email; within {within}; on_breach apologize }}")
}

#[test]
fn a_working_day_promise_is_never_plain_time() {
    for title in [
        "Refund in 10 working days",
        "Zwrot pieniędzy w 10 dni roboczych",
        "Reembolso en 10 días hábiles",
        "Answer in 10 days",
    ] {
        let got = codes(&promise(title, "10wd"));
        assert!(
            !got.iter().any(|c| c == "promise-clock"),
            "{title}: {got:?}"
        );
    }
    // The same words in running time on the office calendar still are.
    let got = codes(&promise("Answer in 3 days", "3d"));
    assert!(got.iter().any(|c| c == "promise-clock"), "{got:?}");
}
