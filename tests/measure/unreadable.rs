//! Exports that cannot be read as a whole (attack 15, M4 and L1): a field
//! mapped to a Parquet column of a type cxc cannot read (TIME, a list), a
//! damaged Parquet file, a UTF-16 CSV. Each is one `bad-data` at the
//! export's first line, naming what is wrong, with help, in every
//! `--format` (a CI job reading JSON or SARIF always gets a report), and
//! no row of it is read. A DECIMAL column, as warehouses write ids, is
//! read as its exact number.

use super::SPEC;
use parquet::data_type::{ByteArray, ByteArrayType, FixedLenByteArray, FixedLenByteArrayType};
use parquet::data_type::{Int32Type, Int64Type};
use parquet::file::writer::SerializedFileWriter;
use std::path::Path;
use std::sync::Arc;

/// One column's values, as the writer of its physical type takes them.
enum Values {
    Bytes(Vec<Vec<u8>>),
    Fixed(Vec<Vec<u8>>),
    Long(Vec<i64>),
    Int(Vec<i32>),
}

/// A Parquet file of one row group with `schema`'s columns, in order.
fn parquet(path: &Path, schema: &str, columns: Vec<Values>) {
    let schema = Arc::new(parquet::schema::parser::parse_message_type(schema).unwrap());
    let file = std::fs::File::create(path).unwrap();
    let mut writer = SerializedFileWriter::new(file, schema, Default::default()).unwrap();
    let mut group = writer.next_row_group().unwrap();
    for values in columns {
        let mut column = group.next_column().unwrap().unwrap();
        match values {
            Values::Bytes(v) => {
                let v: Vec<ByteArray> = v.into_iter().map(ByteArray::from).collect();
                column.typed::<ByteArrayType>().write_batch(&v, None, None)
            }
            Values::Fixed(v) => {
                let v: Vec<FixedLenByteArray> = v
                    .into_iter()
                    .map(|b| FixedLenByteArray::from(ByteArray::from(b)))
                    .collect();
                column
                    .typed::<FixedLenByteArrayType>()
                    .write_batch(&v, None, None)
            }
            Values::Long(v) => column.typed::<Int64Type>().write_batch(&v, None, None),
            Values::Int(v) => column.typed::<Int32Type>().write_batch(&v, None, None),
        }
        .unwrap();
        column.close().unwrap();
    }
    group.close().unwrap();
    writer.close().unwrap();
}

const CONTACT: [&str; 4] = [
    "mass",
    "phone",
    "2026-11-02T10:00:00Z",
    "2026-11-02T10:00:10Z",
];

/// A contacts export of two rows whose `id` column is declared `id`
/// (`binary id (UTF8)`).
fn contacts_with_id(path: &Path, id: &str, ids: Values) {
    let schema = format!(
        "message export {{ required {id}; required binary segment (UTF8); \
         required binary channel (UTF8); required binary created (UTF8); \
         required binary answered (UTF8); }}"
    );
    let mut columns = vec![ids];
    columns.extend(CONTACT.map(|v| text(&[v, v])));
    parquet(path, &schema, columns);
}

/// A text column's values.
fn text(values: &[&str]) -> Values {
    Values::Bytes(values.iter().map(|v| v.as_bytes().to_vec()).collect())
}

/// `cxc measure` of the tests' spec over `exports` in `dir` in `format`:
/// its stdout parsed (empty stdout fails), and the exit status.
fn measure(dir: &Path, exports: &[(&str, &str)], format: &str) -> (serde_json::Value, i32) {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join(SPEC);
    let mut args = vec!["measure", spec.to_str().unwrap(), "--format", format];
    for (option, file) in exports {
        args.extend([*option, *file]);
    }
    let output = super::common::cxc_in(dir, &args);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let report = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{format}: {e}: stdout {stdout:?}, stderr {stderr}"));
    (report, output.status.code().unwrap_or(-1))
}

/// The one finding of an export that cannot be read, the same in JSON and
/// SARIF: its message, with the file, line 1 and help checked.
fn unread(dir: &Path, exports: &[(&str, &str)], file: &str) -> String {
    let (json, status) = measure(dir, exports, "json");
    assert_eq!(status, 1, "{json}");
    let found: Vec<_> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "bad-data")
        .collect();
    assert_eq!(found.len(), 1, "one finding, not also `no rows`: {json}");
    let d = found[0];
    assert!(d["file"].as_str().unwrap().ends_with(file), "{d}");
    assert_eq!(d["line"], 1, "{d}");
    assert!(!d["help"].as_str().unwrap_or("").is_empty(), "{d}");
    let (sarif, status) = measure(dir, exports, "sarif");
    assert_eq!(status, 1, "{sarif}");
    super::common::sarif_validator()
        .validate(&sarif)
        .unwrap_or_else(|e| panic!("{e}: {sarif}"));
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "bad-data"), "{sarif}");
    let human = super::common::cxc_in(
        dir,
        &[
            &[
                "measure",
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join(SPEC)
                    .to_str()
                    .unwrap(),
            ][..],
            &exports
                .iter()
                .flat_map(|(o, f)| [*o, *f])
                .collect::<Vec<_>>(),
        ]
        .concat(),
    );
    let text = String::from_utf8_lossy(&human.stderr).to_string()
        + &String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("bad-data"), "{text}");
    assert_eq!(human.status.code(), Some(1), "{text}");
    d["message"].as_str().unwrap().to_string()
}

/// A DECIMAL(p, s) as big-endian two's complement bytes of `width`.
fn be(v: i128, width: usize) -> Vec<u8> {
    v.to_be_bytes()[16 - width..].to_vec()
}

#[test]
fn a_decimal_column_is_read_as_its_exact_number() {
    let dir = tempfile::tempdir().unwrap();
    let big = 12_345_678_901_234_567_890_123_456_789_i128;
    for (id_type, ids) in [
        (
            "fixed_len_byte_array(16) id (DECIMAL(38,0))",
            Values::Fixed(vec![be(big, 16), be(-1, 16)]),
        ),
        (
            "binary id (DECIMAL(20,2))",
            Values::Bytes(vec![be(big % 100_000, 3), be(-5, 1)]),
        ),
        ("int64 id (DECIMAL(18,0))", Values::Long(vec![7, -7])),
        ("int32 id (DECIMAL(9,2))", Values::Int(vec![7, 8])),
    ] {
        contacts_with_id(&dir.path().join("contacts.parquet"), id_type, ids);
        let exports = [("--contacts", "contacts.parquet")];
        let (json, status) = measure(dir.path(), &exports, "json");
        let bad: Vec<_> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "bad-data")
            .collect();
        assert!(bad.is_empty(), "{id_type}: {bad:?}");
        assert_ne!(status, 2, "{id_type}");
    }
    // Exact: a DECIMAL read where a name is expected is echoed as the
    // unknown segment it is, digit for digit.
    for (segment, value, shown) in [
        (
            "fixed_len_byte_array(16) segment (DECIMAL(38,2))",
            be(big, 16),
            "123456789012345678901234567.89",
        ),
        ("binary segment (DECIMAL(20,2))", be(-5, 1), "-0.05"),
    ] {
        let schema = format!(
            "message export {{ required binary id (UTF8); required {segment}; \
             required binary channel (UTF8); required binary created (UTF8); }}"
        );
        let column = match segment.starts_with("binary") {
            true => Values::Bytes(vec![value]),
            false => Values::Fixed(vec![value]),
        };
        let columns = vec![text(&["1"]), column, text(&["phone"]), text(&[CONTACT[2]])];
        parquet(&dir.path().join("contacts.parquet"), &schema, columns);
        let (json, _) = measure(dir.path(), &[("--contacts", "contacts.parquet")], "json");
        let said = json["diagnostics"].to_string();
        assert!(said.contains(&format!("`{shown}`")), "{segment}: {said}");
    }
}

#[test]
fn a_time_or_list_column_a_field_reads_is_bad_data_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let schema = "message export { required binary id (UTF8); required binary segment (UTF8); \
                  required binary channel (UTF8); required int64 created (TIME(MICROS,false)); }";
    parquet(
        &dir.path().join("contacts.parquet"),
        schema,
        vec![
            text(&["1"]),
            text(&["mass"]),
            text(&["phone"]),
            Values::Long(vec![36_000_000_000]),
        ],
    );
    let said = unread(
        dir.path(),
        &[("--contacts", "contacts.parquet")],
        "contacts.parquet",
    );
    assert!(said.contains("`created` is a TIME column"), "{said}");
    assert!(!said.contains("INT64"), "{said}");
    // The same for the cases export.
    let schema = "message visits { required binary case (UTF8); required binary journey (UTF8); \
                  required binary step (UTF8); required int32 entered (TIME(MILLIS,true)); }";
    parquet(
        &dir.path().join("cases.parquet"),
        schema,
        vec![
            text(&["c1"]),
            text(&["repair"]),
            text(&["call"]),
            Values::Int(vec![1000]),
        ],
    );
    let said = unread(dir.path(), &[("--cases", "cases.parquet")], "cases.parquet");
    assert!(said.contains("`entered` is a TIME column"), "{said}");
    assert!(said.contains("cases export"), "{said}");
}

#[test]
fn a_damaged_parquet_file_or_a_utf16_csv_is_said_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let whole = dir.path().join("whole.parquet");
    contacts_with_id(&whole, "binary id (UTF8)", text(&["1", "2"]));
    let bytes = std::fs::read(&whole).unwrap();
    let mut corrupt_footer = bytes.clone();
    let n = corrupt_footer.len();
    // The footer's length, just before the closing magic, past the file.
    corrupt_footer[n - 8..n - 4].copy_from_slice(&u32::MAX.to_le_bytes());
    let mut scrambled = bytes.clone();
    for b in &mut scrambled[n - 40..n - 8] {
        *b = 0xff;
    }
    for (name, damaged) in [
        ("truncated.parquet", bytes[..bytes.len() / 2].to_vec()),
        ("magic-only.parquet", b"PAR1PAR1".to_vec()),
        ("footer.parquet", corrupt_footer),
        ("scrambled.parquet", scrambled),
    ] {
        std::fs::write(dir.path().join(name), damaged).unwrap();
        let said = unread(dir.path(), &[("--contacts", name)], name);
        assert!(said.contains("not readable Parquet"), "{name}: {said}");
        assert!(!said.contains("line 1"), "{name}: {said}");
    }
    // Zero bytes hold no rows, as a CSV's do.
    std::fs::write(dir.path().join("empty.parquet"), b"").unwrap();
    let said = unread(
        dir.path(),
        &[("--contacts", "empty.parquet")],
        "empty.parquet",
    );
    assert!(said.contains("holds no rows"), "{said}");
    // A UTF-16 export, with its byte-order mark.
    let text = "id,segment,channel,created\n1,mass,phone,2026-11-02T10:00:00Z\n";
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.path().join("utf16.csv"), utf16).unwrap();
    let said = unread(dir.path(), &[("--contacts", "utf16.csv")], "utf16.csv");
    assert!(said.contains("not UTF-8"), "{said}");
    // The undamaged file is read: the findings above are about the damage.
    let (json, _) = measure(dir.path(), &[("--contacts", "whole.parquet")], "json");
    assert!(
        !json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "bad-data"),
        "{json}"
    );
}
