//! A Parquet "row bomb" (attack 12, M1): a few KB of Parquet can hold
//! millions of identical rows. Contacts never answered leave deadlines open
//! until the export ends; they used to be kept one per row (some 130 bytes
//! each, 2.5 GB for 20 million rows). A measurement now keeps each distinct
//! open deadline once, and counts those already missed as it goes: what it
//! holds is bounded by the distinct deadlines, not by the rows.

use super::SPEC;
use cxc::measure::kept::COMPACT_AT;
use cxc::measure::rows::{parquet_rows, Columns, Contact};
use cxc::measure::{Measurement, Settings};
use parquet::data_type::{ByteArray, ByteArrayType};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use std::sync::Arc;

/// A contacts export as Parquet: `rows` email contacts of `mass`, none
/// answered, the n-th created at `created(n)`; row groups of 100,000 rows,
/// dictionary-encoded (as DuckDB writes it: identical rows cost nothing).
fn export(rows: usize, created: impl Fn(usize) -> String) -> std::fs::File {
    let schema = "message export { required binary id (UTF8); required binary segment (UTF8); \
                  required binary channel (UTF8); required binary created (UTF8); }";
    let schema = Arc::new(parquet::schema::parser::parse_message_type(schema).unwrap());
    let mut file = tempfile::tempfile().unwrap();
    let properties = Arc::new(WriterProperties::builder().build());
    let mut writer = SerializedFileWriter::new(&mut file, schema, properties).unwrap();
    let mut start = 0;
    while start < rows {
        let end = (start + 100_000).min(rows);
        let mut group = writer.next_row_group().unwrap();
        let columns: [Box<dyn Fn(usize) -> String>; 4] = [
            Box::new(|_| "x".into()),
            Box::new(|_| "mass".into()),
            Box::new(|_| "email".into()),
            Box::new(&created),
        ];
        for column in &columns {
            let values: Vec<ByteArray> = (start..end).map(|n| column(n).as_str().into()).collect();
            let mut w = group.next_column().unwrap().unwrap();
            w.typed::<ByteArrayType>()
                .write_batch(&values, None, None)
                .unwrap();
            w.close().unwrap();
        }
        group.close().unwrap();
        start = end;
    }
    writer.close().unwrap();
    file
}

fn model() -> cxc::pipeline::Compilation {
    let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SPEC);
    cxc::pipeline::compile_bytes(
        "spec.cx",
        &std::fs::read(spec).unwrap(),
        &cxc::check::Options::default(),
    )
}

/// How a test reads an export.
#[derive(Clone, Copy, PartialEq)]
enum Compact {
    /// As `cxc measure` does, then once more to count what stays open.
    AsMeasure,
    /// After every row.
    EveryRow,
    /// Only as `cxc measure` does.
    Never,
}

/// Reads `file` into a measurement: the most open deadlines it held at
/// once, the rows read, those held at the end, and its `measure.json`.
fn measure(
    model: &cxc::model::Model,
    file: std::fs::File,
    compact: Compact,
) -> (usize, u64, usize, Vec<u8>) {
    let mut measurement = Measurement::new(model, Settings::default());
    let named = measurement.named();
    let (mut peak, mut rows) = (0, 0u64);
    parquet_rows::<Contact>(file, &Columns::default(), &named, |row| {
        measurement.contact(row);
        if compact == Compact::EveryRow {
            measurement.compact_waiting(true);
        }
        rows += 1;
        peak = peak.max(measurement.waiting());
    })
    .unwrap();
    if compact == Compact::AsMeasure {
        measurement.compact_waiting(true);
    }
    let left = measurement.waiting();
    let report = measurement.finish();
    let view = cxc::generate::report::MeasureView::new(model, &report);
    (
        peak,
        rows,
        left,
        cxc::escape::json::to_vec_pretty(&view).unwrap(),
    )
}

#[test]
fn identical_unanswered_contacts_keep_one_open_deadline_each_kind() {
    let compiled = model();
    let model = &compiled.specs[0].model;
    let rows = 300_000;
    let file = export(rows, |_| "2026-11-02T10:00:00Z".into());
    let (peak, read, left, _) = measure(model, file, Compact::AsMeasure);
    assert_eq!(read, rows as u64);
    // Every row leaves its first response and resolution open: 600,000
    // deadlines, of two kinds. Never more than the compaction threshold
    // are held, and once compacted, one per kind.
    assert!(peak <= COMPACT_AT, "{peak} open deadlines held at once");
    assert_eq!(left, 2, "distinct open deadlines after compaction");
}

#[test]
fn open_deadlines_already_missed_are_counted_not_kept() {
    let compiled = model();
    let model = &compiled.specs[0].model;
    // One contact a minute for 200 days: only those of the last days can
    // still be open at the latest time read.
    let rows = 288_000;
    let start = jiff::Timestamp::from_second(1_767_225_600).unwrap(); // 2026-01-01
    let created = move |n: usize| {
        let at = start + jiff::SignedDuration::from_mins(n as i64);
        at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    };
    let (peak, read, left, _) = measure(model, export(rows, created), Compact::AsMeasure);
    assert_eq!(read, rows as u64);
    // A compaction leaves only deadlines not yet missed: those of the last
    // few days' contacts (2 business days reach 4 calendar days over a
    // weekend), two each; at once, never more than twice that, or the
    // threshold.
    let window = 2 * 6 * 24 * 60;
    assert!(left <= window, "{left} open deadlines left of {rows} rows");
    assert!(peak <= COMPACT_AT.max(2 * window), "{peak} held at once");
    assert!(left > 0);
}

/// Compacting changes no figure: the same export read with a compaction
/// after every row (each at an earlier bound) and with none (fewer open
/// deadlines than the threshold) gives the same `measure.json`.
#[test]
fn compacting_open_deadlines_changes_no_figure() {
    let compiled = model();
    let model = &compiled.specs[0].model;
    let rows = COMPACT_AT / 4;
    // Out of order, an hour apart, some on the same minute.
    let start = jiff::Timestamp::from_second(1_767_225_600).unwrap();
    let created = move |n: usize| {
        let hours = (n * 7919) % 2000;
        let at = start + jiff::SignedDuration::from_hours(hours as i64);
        at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    };
    let (peak, _, _, plain) = measure(model, export(rows, created), Compact::Never);
    assert!(peak < COMPACT_AT, "the plain reading compacted: {peak}");
    let (_, _, _, compacted) = measure(model, export(rows, created), Compact::EveryRow);
    assert!(plain == compacted, "measure.json differs once compacted");
    let report: serde_json::Value = serde_json::from_slice(&plain).unwrap();
    assert!(
        !report["targets"].as_array().unwrap().is_empty(),
        "{report}"
    );
}
