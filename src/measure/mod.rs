//! Measuring reality against the standards (`cxc measure`, LANGUAGE.md §6).
//!
//! - `clock`: business time — how much of an interval a calendar's clock
//!   runs, in its time zone, with its holidays and the zone's DST changes;
//! - `rows`: the exports read into typed contacts, bad rows kept with why;
//! - `sla`: each SLA target's attainment per segment, streamed.
//!
//! Analysis here does no I/O: the command reads the exports and hands rows in.

pub mod clock;
pub mod rows;
pub mod sla;
