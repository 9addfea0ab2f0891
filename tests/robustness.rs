//! No input crashes the compiler: every input gets diagnostics, never a panic,
//! a stack overflow or a hang. Sizes here are the ones the issues name.

use cxc::check::Options;
use cxc::diagnostic::Code;
use cxc::pipeline::{compile_bytes, Compilation};
use proptest::prelude::*;

fn compile(bytes: &[u8]) -> Compilation {
    compile_bytes("input.cx", bytes, &Options::default())
}

fn codes(c: &Compilation) -> Vec<Code> {
    c.diagnostics.iter().map(|d| d.code).collect()
}

fn assert_spans_inside(c: &Compilation, len: usize) {
    for d in &c.diagnostics {
        assert!(
            d.span.start() <= d.span.end() && d.span.end() <= len + 3,
            "{d:?}"
        );
    }
}

#[test]
fn hundred_thousand_nested_braces() {
    let input = "{".repeat(100_000);
    let c = compile(input.as_bytes());
    assert_eq!(codes(&c), [Code::Syntax]);
    let inside = format!("journey j {{ step a {{ {} ", "{".repeat(100_000));
    assert_eq!(codes(&compile(inside.as_bytes())), [Code::Syntax]);
}

#[test]
fn five_megabyte_line() {
    let input = format!(
        "team t \"{}\" {{}}\nteam u {{ description {} }}\n",
        "x".repeat(5_000_000),
        "y".repeat(10)
    );
    let c = compile(input.as_bytes());
    assert_eq!(codes(&c), [Code::Syntax]);
    assert_eq!(
        c.diagnostics[0].span.start(),
        input.find("description").unwrap() + 12
    );
}

#[test]
fn unterminated_strings() {
    for input in [
        "team t \"open",
        "team t { description \"\"\"never closed\n\n",
        "team t { duty \"a\\q\" }",
    ] {
        assert_eq!(codes(&compile(input.as_bytes())), [Code::Syntax], "{input}");
    }
}

#[test]
fn invalid_utf8_and_nul() {
    let c = compile(b"team t {}\n\xc3\x28 bad");
    assert_eq!(codes(&c), [Code::Syntax]);
    assert_eq!(c.diagnostics[0].span.start(), 10);
    assert_eq!(codes(&compile(b"team t {\0}")), [Code::Syntax]);
}

#[test]
fn a_million_step_journey() {
    let n = 1_000_000;
    let mut spec = String::from("team t {}\njourney j {\nstart s0\n");
    for i in 0..n {
        spec.push_str(&format!("step s{i} {{ owner t; next s{} }}\n", i + 1));
    }
    spec.push_str(&format!("step s{n} {{ owner t; next s0 }}\n}}\n"));
    let c = compile(spec.as_bytes());
    // One loop through every step, with no way out: reported once, naming
    // its first and last steps rather than all million.
    assert_eq!(codes(&c), [Code::NoExit]);
    let message = &c.diagnostics[0].message;
    assert!(message.len() < 300, "{message}");
    assert!(message.contains("(999,991 more)"), "{message}");
}

/// Nested loops over 20,000 steps (the second half of the journey leads
/// back into the first, each step to its mirror: 10,000 loops inside one
/// another, whose circles add up to 10⁸ steps): the longest way counts each
/// loop once in one linear walk, and the way it names stays short.
#[test]
fn twenty_thousand_nested_loops() {
    let n = 20_000;
    let mut spec = String::from("team t {}\njourney j {\nwithin 1h\nstart s0\n");
    for i in 0..n {
        let back = if i >= n / 2 {
            format!("; next s{}", n - 1 - i)
        } else {
            String::new()
        };
        let on = if i + 1 < n {
            format!("next s{}", i + 1)
        } else {
            "end".to_string()
        };
        spec.push_str(&format!("step s{i} {{ owner t; within 1m; {on}{back} }}\n"));
    }
    spec.push_str("}\n");
    let started = std::time::Instant::now();
    let c = compile(spec.as_bytes());
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
    let finding = c
        .diagnostics
        .iter()
        .find(|d| d.code == Code::DeadlineExceedsTarget)
        .expect("the steps exceed the journey's hour");
    // The way through, then each loop once: s(n-1-i)..s(i) is 2i - n + 2 steps.
    let loops: u64 = (n / 2..n).map(|i| (2 * i - n + 2) as u64).sum();
    let minutes = n as u64 + loops;
    // Said in words (days, hours, minutes), as messages say durations.
    let unit = |n: u64, word: &str| match n {
        0 => None,
        1 => Some(format!("1 {word}")),
        n => Some(format!("{n} {word}s")),
    };
    let total = [
        unit(minutes / 1440, "day"),
        unit(minutes % 1440 / 60, "hour"),
        unit(minutes % 60, "minute"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    assert!(
        finding.message.contains(&total),
        "{total}: {}",
        finding.message
    );
    assert!(finding.message.len() < 400, "{}", finding.message);
}

#[test]
fn long_paths_in_messages_are_elided() {
    // The customer changes teams at every customer-facing step, 20,000
    // times: the hot-potato message names the ends of the chain only.
    let n = 20_000;
    let mut spec = String::from(
        "team a {}\nteam b {}\nchannel phone { kind phone; owner a }\nsegment s { channels phone }\n\
         sla x for s { answer phone 80% within 20s }\njourney j {\nstart s0\n",
    );
    for i in 0..n {
        let team = if i % 2 == 0 { "a" } else { "b" };
        spec.push_str(&format!(
            "step s{i} {{ owner {team}; channel phone; next s{} }}\n",
            i + 1
        ));
    }
    spec.push_str(&format!(
        "step s{n} {{ owner a; channel phone; end }}\n}}\n"
    ));
    let c = compile(spec.as_bytes());
    let hot = c
        .diagnostics
        .iter()
        .find(|d| d.code == Code::HotPotato)
        .expect("a hot potato");
    assert!(hot.message.len() < 400, "{}", hot.message);
    assert!(hot.message.contains("20000 times"), "{}", hot.message);
    assert!(
        hot.message.contains("a → b → … (19,991 more) … → b → a"),
        "{}",
        hot.message
    );
}

#[test]
fn a_hundred_thousand_deep_reporting_line() {
    let n = 100_000;
    let mut spec = String::from("team t {}\n");
    for i in 0..n {
        spec.push_str(&format!(
            "role r{i} {{ team t; duty \"d\"; reports_to r{} }}\n",
            i + 1
        ));
    }
    spec.push_str(&format!(
        "role r{n} {{ team t; duty \"d\"; reports_to r0 }}\n"
    ));
    let c = compile(spec.as_bytes());
    assert_eq!(codes(&c), [Code::ReportsToCycle]);
    assert!(c.diagnostics[0]
        .message
        .starts_with("roles report to each other in a circle: r0 → r1 → r2"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_bytes_give_diagnostics_not_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let c = compile(&bytes);
        assert_spans_inside(&c, bytes.len());
    }

    /// Text made of the language's own words, in random order: the parser's
    /// error paths get exercised far more than with random bytes.
    #[test]
    fn shuffled_tokens_give_diagnostics_not_panics(
        tokens in proptest::collection::vec(
            prop::sample::select(vec![
                "journey", "step", "start", "next", "end", "owner", "{", "}", ";", "\n", "a", "b",
                "team", "role", "reports_to", "within", "3d", "80%", "\"x\"", "sla", "for", "answer",
                "phone", "segment", "tier", "1", "complaint", "escalate", "after", "to", "#", "09:00",
                "-", "2026-01-01", "calendar", "open", "mon-fri", "09:00-18:00", "\"\"\"", ",", "any",
            ]),
            0..200,
        )
    ) {
        let text = tokens.join(" ");
        let c = compile(text.as_bytes());
        assert_spans_inside(&c, text.len());
    }
}
