//! Escaping for XML and HTML, shared by the BPMN, SVG and site generators.

pub use crate::escape::xml as escape;
