//! `cxc.yaml` from bytes: every problem a diagnostic that renders.
#![no_main]

use cxc::diagnostic::render;
use cxc::source::{FileKind, SourceFile, SourceMap};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let mut sources = SourceMap::default();
    let id = sources.add(SourceFile::with_kind(
        "cxc.yaml".into(),
        "cxc.yaml".into(),
        text.to_string(),
        FileKind::Opaque,
    ));
    let (_, problems) = cxc::config::parse(id, &sources);
    let mut out = Vec::new();
    let _ = render::human(
        &mut out,
        &problems,
        &sources,
        false,
        cxc::syntax::values::Language::Ru,
    );
    let _ = render::json(&mut out, &problems, &sources);
});
