//! The whole `cxc check` pipeline from bytes, through every renderer.
#![no_main]

use cxc::diagnostic::render;
use cxc::pipeline::compile_bytes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let compiled = compile_bytes("input.cx", bytes, &Default::default());
    let d = &compiled.diagnostics;
    let s = &compiled.sources;
    let human = render::human(d, s, false, cxc::syntax::values::Language::En);
    assert!(
        !human.contains('\x1b'),
        "a terminal escape reached the report"
    );
    // The same findings said in Russian: every message renders.
    let mut russian = compiled.diagnostics.clone();
    for d in &mut russian {
        d.localize(cxc::syntax::values::Language::Ru);
    }
    let human = render::human(&russian, s, false, cxc::syntax::values::Language::Ru);
    assert!(
        !human.contains('\x1b'),
        "a terminal escape reached the Russian report"
    );
    let _ = render::json(d, s);
    let _ = render::sarif(
        d,
        s,
        std::path::Path::new("/work"),
        cxc::syntax::values::Language::Ru,
    );
    let _ = render::github(d, s);
});
