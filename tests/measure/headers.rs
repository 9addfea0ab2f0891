//! An export's header and its emptiness (attack 12, L4): a column a field
//! is read from that the header names twice is reported at the file's
//! first line, naming the column (the first is read, never silently the
//! last), in CSV and Parquet, contacts and cases; an export with no rows
//! says so as `bad-data` rather than measuring a period that looks clean.

use super::{located, SPEC};
use parquet::data_type::{ByteArray, ByteArrayType};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use std::path::Path;
use std::sync::Arc;

/// `cxc measure` of the measure tests' spec over the exports named in
/// `dir`: the findings (`file:line code`), the report, `measure.json`
/// and the exit status.
fn measure(dir: &Path, exports: &[(&str, &str)]) -> (Vec<String>, serde_json::Value, i32) {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join(SPEC);
    let mut args = vec!["measure", spec.to_str().unwrap()];
    for (option, file) in exports {
        args.extend([*option, *file]);
    }
    args.extend(["--format", "json", "-o", "out"]);
    let output = super::common::cxc_in(dir, &args);
    let report = super::common::json(&output);
    let measured: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("out/measure.json")).unwrap()).unwrap();
    let found = located(&report).into_iter().collect();
    (found, measured, output.status.code().unwrap_or(-1))
}

/// The messages of the findings of one code.
fn messages(dir: &Path, exports: &[(&str, &str)], code: &str) -> Vec<String> {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join(SPEC);
    let mut args = vec!["measure", spec.to_str().unwrap(), "--format", "json"];
    for (option, file) in exports {
        args.extend([*option, *file]);
    }
    let report = super::common::json(&super::common::cxc_in(dir, &args));
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

const ROW: &str = "1,mass,phone,2026-11-02T10:00:00Z,2026-11-02T10:00:10Z";

#[test]
fn a_column_named_twice_is_reported_and_the_first_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    // The second `segment` names no segment of the spec: read, it would
    // set the row aside as an unknown segment.
    write(
        "contacts.csv",
        &format!("id,segment,channel,created,answered,segment\n{ROW},bogus\n"),
    );
    let exports = [("--contacts", "contacts.csv")];
    let (found, measured, status) = measure(dir.path(), &exports);
    assert_eq!(found, ["contacts.csv:1 bad-data"], "{measured}");
    assert_eq!(status, 1);
    assert_eq!(measured["rows"]["contacts"], 1, "the first column is read");
    assert_eq!(measured["rows"]["bad_contacts"], 0, "no row is set aside");
    let flaw = &measured["bad_data"][0];
    assert_eq!(flaw["kind"], "duplicate-column");
    assert_eq!(flaw["example"], "segment");
    let said = messages(dir.path(), &exports, "bad-data");
    assert!(
        said[0].contains("contacts export") && said[0].contains("`segment` more than once"),
        "{said:?}"
    );
    // A column no field reads may be named twice: nothing to tell apart.
    write(
        "contacts.csv",
        &format!("id,segment,channel,created,answered,note,note\n{ROW},a,b\n"),
    );
    let (found, measured, status) = measure(dir.path(), &exports);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!((status, &measured["rows"]["contacts"]), (0, &1.into()));
}

#[test]
fn a_column_named_twice_in_the_cases_export_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cases.csv"),
        "case,journey,step,entered,journey\nc1,repair,call,2026-11-02T10:00:00Z,x\n",
    )
    .unwrap();
    let exports = [("--cases", "cases.csv")];
    let (found, measured, _) = measure(dir.path(), &exports);
    assert!(
        found.contains(&"cases.csv:1 bad-data".to_string()),
        "{found:?}"
    );
    let kinds: Vec<_> = measured["bad_data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["file"].clone(), f["kind"].clone(), f["example"].clone()))
        .collect();
    assert!(
        kinds.contains(&("cases".into(), "duplicate-column".into(), "journey".into())),
        "{kinds:?}"
    );
}

/// A Parquet contacts export whose schema names `segment` twice.
fn doubled_parquet(path: &Path) {
    let schema = "message export { required binary id (UTF8); required binary segment (UTF8); \
                  required binary channel (UTF8); required binary created (UTF8); \
                  required binary segment (UTF8); }";
    let schema = Arc::new(parquet::schema::parser::parse_message_type(schema).unwrap());
    let file = std::fs::File::create(path).unwrap();
    let properties = Arc::new(WriterProperties::builder().build());
    let mut writer = SerializedFileWriter::new(file, schema, properties).unwrap();
    let mut group = writer.next_row_group().unwrap();
    for value in ["1", "mass", "phone", "2026-11-02T10:00:00Z", "bogus"] {
        let mut column = group.next_column().unwrap().unwrap();
        column
            .typed::<ByteArrayType>()
            .write_batch(&[ByteArray::from(value)], None, None)
            .unwrap();
        column.close().unwrap();
    }
    group.close().unwrap();
    writer.close().unwrap();
}

#[test]
fn a_column_named_twice_in_parquet_is_reported_and_the_first_is_read() {
    let dir = tempfile::tempdir().unwrap();
    doubled_parquet(&dir.path().join("contacts.parquet"));
    let (found, measured, status) = measure(dir.path(), &[("--contacts", "contacts.parquet")]);
    let bad: Vec<_> = found.iter().filter(|f| f.ends_with("bad-data")).collect();
    assert_eq!(bad, ["contacts.parquet:1 bad-data"], "{measured}");
    assert_eq!(status, 1);
    assert_eq!(measured["rows"]["contacts"], 1, "the first column is read");
    assert_eq!(measured["bad_data"][0]["kind"], "duplicate-column");
    assert_eq!(measured["bad_data"][0]["example"], "segment");
}

#[test]
fn an_export_with_no_rows_says_so_instead_of_a_clean_period() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    for (contacts, what) in [
        ("", "zero bytes"),
        ("id,segment,channel,created\n", "a header"),
    ] {
        write("contacts.csv", contacts);
        let exports = [("--contacts", "contacts.csv")];
        let (found, measured, status) = measure(dir.path(), &exports);
        assert_eq!(found, ["contacts.csv:1 bad-data"], "{what}");
        assert_eq!(status, 1, "{what}");
        assert_eq!(measured["bad_data"][0]["kind"], "no-rows", "{what}");
        assert_eq!(
            measured["rows"]["bad_contacts"], 0,
            "{what}: no row set aside"
        );
        let said = messages(dir.path(), &exports, "bad-data");
        assert!(said[0].contains("holds no rows"), "{what}: {said:?}");
    }
    // An empty cases export beside a contacts export with a row.
    write(
        "contacts.csv",
        &format!("id,segment,channel,created,answered\n{ROW}\n"),
    );
    write("cases.csv", "case,journey,step,entered\n");
    let exports = [("--contacts", "contacts.csv"), ("--cases", "cases.csv")];
    let (found, _, _) = measure(dir.path(), &exports);
    assert_eq!(found, ["cases.csv:1 bad-data"]);
    // Rows, even bad ones, are not "no rows".
    write(
        "cases.csv",
        "case,journey,step,entered\nc1,nowhere,x,2026-11-02T10:00:00Z\n",
    );
    let (found, measured, _) = measure(dir.path(), &exports);
    let kinds: Vec<_> = measured["bad_data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].clone())
        .collect();
    assert_eq!(kinds, ["unknown-journey"], "{found:?}");
}

/// A JSON Lines row naming a key twice (attack 15, L7) reads the first
/// value, as CSV does with a column named twice, and says so at the row's
/// line; rows without a doubled key say nothing.
#[test]
fn a_key_named_twice_in_json_lines_is_reported_and_the_first_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let row = |segment: &str| {
        format!(
            "\"id\":\"1\",{segment}\"channel\":\"phone\",\"created\":\"2026-11-02T10:00:00Z\",\
             \"answered\":\"2026-11-02T10:00:10Z\""
        )
    };
    let text = format!(
        "{{{}}}\n{{{}}}\n",
        row("\"segment\":\"mass\","),
        row("\"segment\":\"mass\",\"segment\":\"bogus\",")
    );
    std::fs::write(dir.path().join("contacts.jsonl"), text).unwrap();
    let exports = [("--contacts", "contacts.jsonl")];
    let (found, measured, status) = measure(dir.path(), &exports);
    assert_eq!(found, ["contacts.jsonl:2 bad-data"], "{measured}");
    assert_eq!(status, 1);
    // The first `segment` is read: the row is measured, not an unknown segment.
    assert_eq!(measured["rows"]["contacts"], 2, "{measured}");
    assert_eq!(measured["rows"]["bad_contacts"], 0, "{measured}");
    assert_eq!(measured["bad_data"][0]["kind"], "duplicate-key");
    assert_eq!(measured["bad_data"][0]["example"], "segment");
    let said = messages(dir.path(), &exports, "bad-data");
    assert!(
        said[0].contains("more than once, such as `segment`") && said[0].contains("line 2"),
        "{said:?}"
    );
    // Without the doubled key: silent.
    let text = format!("{{{}}}\n", row("\"segment\":\"mass\","));
    std::fs::write(dir.path().join("contacts.jsonl"), text).unwrap();
    let (found, _, status) = measure(dir.path(), &exports);
    assert!(found.is_empty() && status == 0, "{found:?}");
}
