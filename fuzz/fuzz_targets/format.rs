//! `cxc fmt` on anything that parses: the layout is idempotent, keeps every
//! comment and still parses.
#![no_main]

use cxc::source::FileId;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(once) = cxc::format::format(FileId(0), text) else {
        return;
    };
    let twice = cxc::format::format(FileId(0), &once).expect("formatted text parses");
    assert_eq!(once, twice, "formatting is idempotent");
    assert_eq!(
        cxc::format::comments(text),
        cxc::format::comments(&once),
        "every comment is kept"
    );
});
