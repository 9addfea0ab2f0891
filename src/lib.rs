//! # cxc — a compiler for customer-service standards
//!
//! The pipeline is visible in the module tree; each stage only consumes the
//! output of the one before it:
//!
//! ```text
//!  *.cx files ──► loader ──► syntax ──► model ──► check ──► diagnostic::render
//!               (files,     (text →    (name      (rules,    (human, json,
//!                includes)   typed AST, resolution  one file  sarif, github)
//!                            lossless
//!                            tree)
//!                                       → indices) per family)
//!                                                     │
//!                                          staffing ──┴──► generate (cxc build)
//!  exports (CSV, JSON Lines) ──► measure (cxc measure) ──┘ (measured figures)
//! ```
//!
//! - [`source`]: files, spans, line/column computation.
//! - [`loader`]: finds `*.cx` files, reads them (UTF-8 only), follows `include`.
//! - [`syntax`]: the grammar boundary. `syntax::parser` is hand-written, follows
//!   `grammar/cx.pest` rule for rule (pest runs that grammar in the tests as the
//!   oracle), recovers after errors and, on request, builds the lossless
//!   `syntax::tree`; everything after it works on the owned AST of `syntax::ast`.
//! - [`model`]: resolves names into an index-based [`model::Model`] (`Idx<Team>`,
//!   `Idx<Step>`...), reporting unknown and duplicate names.
//! - [`check`]: the rules of LANGUAGE.md section 3, one module per rule family,
//!   each with its code's rationale (`cxc explain`).
//! - [`staffing`]: Erlang C/A per queue and forecast interval; the
//!   `understaffed` rule and `cxc staff`.
//! - [`generate`]: from a checked spec, the documents (policies, journey maps, job
//!   descriptions), routing config and `model.json` that `cxc build` writes.
//! - [`measure`]: the contact centre's exports held against a checked model:
//!   business-time clocks, streamed tallies per kind of standard, journey
//!   conformance, and the findings (`cxc measure`); no I/O — rows are handed in.
//! - [`diagnostic`]: codes, severities, suppression comments and renderers.
//! - [`cli`]: argument parsing and exit codes; thin by design.

pub mod base;
pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod escape;
pub mod explain;
pub mod format;
pub mod generate;
pub mod i18n;
pub mod init;
pub mod loader;
pub mod lsp;
pub mod measure;
pub mod model;
pub mod pipeline;
pub mod source;
pub mod staffing;
pub mod syntax;
#[cfg(test)]
mod testing;
