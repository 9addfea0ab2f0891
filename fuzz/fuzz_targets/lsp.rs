//! Any bytes through `cxc lsp`: its framing (headers, lengths, bodies), the
//! JSON-RPC reading, and the dispatch of what gets through to the server —
//! nothing may panic, hang or allocate what the bytes merely announce.
//!
//! An even first byte: the bytes are the stream as they are. An odd one:
//! the rest, cut at NUL bytes (JSON holds none unescaped), are bodies each
//! framed with its right length, so that mutations of a session reach the
//! requests instead of breaking its `Content-Length`s.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let input = match bytes.split_first() {
        Some((mode, rest)) if mode % 2 == 1 => rest
            .split(|&b| b == 0)
            .flat_map(|body| {
                let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
                frame.extend_from_slice(body);
                frame
            })
            .collect(),
        _ => bytes.to_vec(),
    };
    let _ = cxc::lsp::serve_io(std::io::Cursor::new(input), std::io::sink());
});
