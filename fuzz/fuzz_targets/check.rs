//! The whole `cxc check` pipeline from bytes, through every renderer.
#![no_main]

use cxc::diagnostic::render;
use cxc::pipeline::compile_bytes;
use libfuzzer_sys::fuzz_target;

/// What a renderer writes, as text.
fn rendered(render: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    render(&mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("renderers write UTF-8")
}

/// Whether GitHub's runner would take a line of `text` for a workflow command.
fn runs_a_command(text: &str) -> bool {
    text.split(['\n', '\r'])
        .any(|line| line.trim_start().starts_with("::") || line.contains("##["))
}

fuzz_target!(|bytes: &[u8]| {
    let compiled = compile_bytes("input.cx", bytes, &Default::default());
    let d = &compiled.diagnostics;
    let s = &compiled.sources;
    let human = rendered(|o| render::human(o, d, s, false, cxc::syntax::values::Language::En));
    assert!(
        !human.contains('\x1b'),
        "a terminal escape reached the report"
    );
    assert!(!runs_a_command(&human), "a workflow command reached the report");
    // The same findings said in Russian: every message renders.
    let mut russian = compiled.diagnostics.clone();
    for d in &mut russian {
        d.localize(cxc::syntax::values::Language::Ru);
    }
    let human = rendered(|o| {
        render::human(o, &russian, s, false, cxc::syntax::values::Language::Ru)
    });
    assert!(
        !human.contains('\x1b'),
        "a terminal escape reached the Russian report"
    );
    let json = rendered(|o| render::json(o, d, s));
    assert!(!runs_a_command(&json), "a workflow command reached the JSON");
    rendered(|o| {
        render::sarif(
            o,
            d,
            &cxc::explain::all(),
            s,
            std::path::Path::new("/work"),
            cxc::syntax::values::Language::Ru,
        )
    });
    let github = rendered(|o| render::github(o, d, s));
    assert_eq!(github.lines().count(), d.len(), "one annotation a finding");
});
