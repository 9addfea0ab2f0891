//! Syntax: text → typed AST with spans, and a lossless syntax tree.
//!
//! `parser` is hand-written (one pass, error recovery) and follows
//! `grammar/cx.pest`, the language's normative grammar, which pest still
//! parses in the tests as the oracle the parser must agree with. `tree` is
//! the lossless tree a formatter or an editor reads; `values` holds the
//! typed literals (`Duration`, `Percent`, ...); `chars` the character classes.

pub mod ast;
mod chars;
pub mod forms;
mod name;
pub mod parser;
pub mod tree;
pub mod values;

pub use name::{nfc, Name};
pub use parser::{parse, parse_with, Parsed};

use crate::diagnostic::{Code, CodeDoc};

pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::Syntax,
        context: "",
        bad: r#"journey order {
  start measure
  step measure "Measure the room" {
    owner design
    within 3 days
    end
  }
}"#,
        fix: r#"journey order {
  start measure
  step measure "Measure the room" {
    owner design
    within 3d
    end
  }
}"#,
    },
    CodeDoc {
        code: Code::InvalidValue,
        context: "",
        bad: "sla fast for everyone { answer phone 800% within 20s }",
        fix: "sla fast for everyone { answer phone 80% within 20s }",
    },
];
