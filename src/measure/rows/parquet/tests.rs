//! The Parquet reader held to the CSV reader on the same rows, its typed
//! columns to the values they stand for, and damaged files to no panic.

use super::super::Unresolved;
use super::super::{csv_rows, owned, BadRow, Columns, Contact, Field, Known, Resolve, When};
use super::{parquet_rows, Refusal};
use crate::model::Idx;
use crate::testing::Random;
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type, Int96};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use std::sync::Arc;

type Rows = Vec<Result<Contact, BadRow>>;

pub(super) fn seed() -> u64 {
    let seed = std::env::var("CXC_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        });
    eprintln!("parquet reader test: seed {seed} (CXC_SEED={seed} repeats it)");
    seed
}

/// A value of a column for a writer: the column's name, its Parquet type
/// and its values row by row (None: no value).
enum Column {
    Text(&'static str, Vec<Option<Vec<u8>>>),
    Int64(&'static str, &'static str, Vec<Option<i64>>),
    Int32(&'static str, &'static str, Vec<Option<i32>>),
    Int96(&'static str, Vec<Option<Int96>>),
    Double(&'static str, Vec<Option<f64>>),
}

impl Column {
    fn schema(&self) -> String {
        match self {
            Column::Text(name, _) => format!("optional binary {name} (STRING);"),
            Column::Int64(name, kind, _) | Column::Int32(name, kind, _) => {
                let physical = if matches!(self, Column::Int64(..)) {
                    "int64"
                } else {
                    "int32"
                };
                format!("optional {physical} {name} {kind};")
            }
            Column::Int96(name, _) => format!("optional int96 {name};"),
            Column::Double(name, _) => format!("optional double {name};"),
        }
    }

    fn len(&self) -> usize {
        match self {
            Column::Text(_, v) => v.len(),
            Column::Int64(_, _, v) => v.len(),
            Column::Int32(_, _, v) => v.len(),
            Column::Int96(_, v) => v.len(),
            Column::Double(_, v) => v.len(),
        }
    }
}

/// Values and definition levels of rows `range` of a column.
fn split<T: Clone>(values: &[Option<T>], range: std::ops::Range<usize>) -> (Vec<T>, Vec<i16>) {
    let cells = &values[range];
    let present = cells.iter().flatten().cloned().collect();
    let levels = cells.iter().map(|c| i16::from(c.is_some())).collect();
    (present, levels)
}

/// A Parquet file of `columns`, cut into row groups of `group` rows.
fn write(columns: &[Column], group: usize, compression: Compression, dictionary: bool) -> Vec<u8> {
    let schema = format!(
        "message export {{ {} }}",
        columns.iter().map(Column::schema).collect::<String>()
    );
    let schema = Arc::new(parquet::schema::parser::parse_message_type(&schema).unwrap());
    let properties = WriterProperties::builder()
        .set_compression(compression)
        .set_dictionary_enabled(dictionary)
        .build();
    let mut out = Vec::new();
    let mut writer = SerializedFileWriter::new(&mut out, schema, Arc::new(properties)).unwrap();
    let rows = columns.first().map_or(0, Column::len);
    let mut start = 0;
    while start < rows {
        let range = start..(start + group).min(rows);
        let mut group_writer = writer.next_row_group().unwrap();
        for column in columns {
            let mut w = group_writer.next_column().unwrap().unwrap();
            match column {
                Column::Text(_, v) => {
                    let (values, levels) = split(v, range.clone());
                    let values: Vec<ByteArray> = values.into_iter().map(ByteArray::from).collect();
                    w.typed::<ByteArrayType>()
                        .write_batch(&values, Some(&levels), None)
                        .unwrap();
                }
                Column::Int64(_, _, v) => {
                    let (values, levels) = split(v, range.clone());
                    w.typed::<Int64Type>()
                        .write_batch(&values, Some(&levels), None)
                        .unwrap();
                }
                Column::Int32(_, _, v) => {
                    let (values, levels) = split(v, range.clone());
                    w.typed::<Int32Type>()
                        .write_batch(&values, Some(&levels), None)
                        .unwrap();
                }
                Column::Int96(_, v) => {
                    let (values, levels) = split(v, range.clone());
                    w.typed::<parquet::data_type::Int96Type>()
                        .write_batch(&values, Some(&levels), None)
                        .unwrap();
                }
                Column::Double(_, v) => {
                    let (values, levels) = split(v, range.clone());
                    w.typed::<DoubleType>()
                        .write_batch(&values, Some(&levels), None)
                        .unwrap();
                }
            }
            w.close().unwrap();
        }
        group_writer.close().unwrap();
        start = range.end;
    }
    writer.close().unwrap();
    out
}

fn read(bytes: &[u8], columns: &Columns) -> Result<Rows, Refusal> {
    read_named(bytes, columns, &Unresolved)
}

fn read_named(bytes: &[u8], columns: &Columns, names: &dyn Resolve) -> Result<Rows, Refusal> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.parquet");
    std::fs::write(&path, bytes).unwrap();
    let mut rows = Vec::new();
    parquet_rows::<Contact>(std::fs::File::open(&path).unwrap(), columns, names, |r| {
        rows.push(owned(r))
    })?;
    Ok(rows)
}

/// The names of the random exports' spec: two segments, three channels
/// (not "unknown segment", nor any other value).
struct Spec;

impl Resolve for Spec {
    fn id(&self, field: Field, name: &str) -> Option<u32> {
        let names: &[&str] = match field {
            Field::Segment => &["vip", "mass"],
            Field::Channel => &["phone", "chat", "email"],
            _ => &[],
        };
        names.iter().position(|n| *n == name).map(|i| i as u32)
    }
}

const NAMES: [&str; 7] = [
    "id", "segment", "channel", "created", "answered", "csat", "customer",
];

/// A cell of a random export: good values, blanks, padding, values that
/// are wrong for the column, and bytes that are not text.
fn cell(rng: &mut Random, column: usize, row: usize) -> Option<Vec<u8>> {
    let pick = rng.below(20);
    if pick == 0 && column != 0 {
        return None;
    }
    let text = match (column, pick) {
        (_, 1) => return Some(b"\xff\xfe not text".to_vec()),
        (_, 2) => "   ".to_string(),
        (0, _) => format!("c{row}"),
        (1, 3) => "unknown segment".into(),
        (1, _) => ["vip", "mass", " mass "][rng.below(3) as usize].into(),
        (2, _) => ["phone", "chat", "email"][rng.below(3) as usize].into(),
        (3 | 4, 3) => "yesterday".into(),
        (3 | 4, 4) => "2026-10-01 09:14".into(),
        (3 | 4, 5) => "2026-10-01T09:14:03.250+03:00".into(),
        (3 | 4, _) => format!(
            "2026-10-{:02}T{:02}:{:02}:{:02}{}",
            1 + rng.below(28),
            rng.below(24),
            rng.below(60),
            rng.below(60),
            ["Z", "+03:00", ""][rng.below(3) as usize]
        ),
        (5, 3) => "great".into(),
        (5, 4) => "7".into(),
        (5, _) => format!("{}", 1 + rng.below(5)),
        (_, 3) => "Smith, \"Jo\"".into(),
        _ => format!("k{}", rng.below(50)),
    };
    Some(text.into_bytes())
}

type Table = Vec<Vec<Option<Vec<u8>>>>;

/// `rows` random rows of the columns [`NAMES`], and the same as text columns.
fn random_export(rng: &mut Random, rows: usize) -> (Table, Vec<Column>) {
    let table: Table = (0..rows)
        .map(|r| (0..NAMES.len()).map(|c| cell(rng, c, r)).collect())
        .collect();
    let columns = NAMES
        .iter()
        .enumerate()
        .map(|(c, name)| Column::Text(name, table.iter().map(|row| row[c].clone()).collect()))
        .collect();
    (table, columns)
}

fn csv_of(table: &[Vec<Option<Vec<u8>>>]) -> Vec<u8> {
    let mut out = NAMES.join(",").into_bytes();
    out.push(b'\n');
    for row in table {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            if let Some(bytes) = cell {
                out.push(b'"');
                for &b in bytes {
                    if b == b'"' {
                        out.push(b'"');
                    }
                    out.push(b);
                }
                out.push(b'"');
            }
        }
        out.push(b'\n');
    }
    out
}

#[test]
fn text_columns_read_as_the_csv_reader_reads_them() {
    let mut rng = Random(seed());
    let codecs = || {
        [
            Compression::UNCOMPRESSED,
            Compression::SNAPPY,
            Compression::GZIP(Default::default()),
            Compression::LZ4_RAW,
            Compression::ZSTD(Default::default()),
        ]
    };
    for run in 0..60 {
        // One run crosses the reader's batches of 4096 rows.
        let rows = if run == 0 {
            9_000
        } else {
            1 + rng.below(300) as usize
        };
        let (table, columns) = random_export(&mut rng, rows);
        let group = 1 + rng.below(rows as u64 + 5) as usize;
        let codec = codecs()[rng.below(5) as usize];
        let dictionary = rng.below(2) == 0;
        let bytes = write(&columns, group, codec, dictionary);
        let mut from_parquet = read_named(&bytes, &Columns::default(), &Spec).unwrap();
        // Resolved by the dictionary (these few names never overflow it),
        // each to what its text names: nothing read so without one.
        for row in from_parquet.iter_mut().flatten() {
            let id = |field, name: &str| Spec.id(field, name).filter(|_| dictionary);
            let known = Known {
                segment: id(Field::Segment, &row.segment).map(|i| Idx::new(i as usize)),
                channel: id(Field::Channel, &row.channel).map(|i| Idx::new(i as usize)),
                complaint: None,
            };
            assert_eq!(row.known, known, "run {run}: line {}", row.line);
            row.known = Known::default();
        }
        let mut from_csv = Vec::new();
        csv_rows::<Contact>(
            std::io::Cursor::new(csv_of(&table)),
            &Columns::default(),
            |r| from_csv.push(owned(r)),
        );
        // A CSV's first row is on line 2 (after the header); a Parquet
        // file's is row 1.
        for row in &mut from_csv {
            match row {
                Ok(c) => c.line -= 1,
                Err(b) => b.line -= 1,
            }
        }
        assert_eq!(
            from_parquet.len(),
            rows,
            "run {run}: every row is read once"
        );
        assert_eq!(
            from_parquet, from_csv,
            "run {run}: {rows} rows, row groups of {group}, {codec:?}"
        );
    }
}

#[test]
fn typed_columns_are_the_values_they_stand_for() {
    // 2026-10-01T06:14:03Z and the same wall time without a zone.
    let micros = 1_790_835_243_000_000_i64;
    let mut int96 = Int96::new();
    // Julian day 2_461_315 is 2026-10-01; 06:14:03 in nanoseconds.
    int96.set_data(0, 0, 2_461_315);
    let nanos_of_day: u64 = (6 * 3600 + 14 * 60 + 3) * 1_000_000_000;
    int96.set_data(nanos_of_day as u32, (nanos_of_day >> 32) as u32, 2_461_315);
    let columns = [
        Column::Text("id", vec![Some(b"a".to_vec()), Some(b"b".to_vec())]),
        Column::Text("segment", vec![Some(b"vip".to_vec()); 2]),
        Column::Text("channel", vec![Some(b"phone".to_vec()); 2]),
        Column::Int64(
            "created",
            "(TIMESTAMP(MICROS,true))",
            vec![Some(micros), Some(micros)],
        ),
        Column::Int64(
            "answered",
            "(TIMESTAMP(MILLIS,false))",
            vec![Some(micros / 1000 + 20_000), None],
        ),
        Column::Int96("resolved", vec![Some(int96), None]),
        Column::Int32("feedback", "(DATE)", vec![None, Some(20_362)]),
        Column::Double("csat", vec![Some(4.0), Some(4.5)]),
        Column::Int64("nps", "", vec![Some(9), None]),
        Column::Int64("handle_time", "(DECIMAL(10,2))", vec![Some(12_050), None]),
    ];
    let rows = read(
        &write(&columns, 10, Compression::SNAPPY, true),
        &Columns::default(),
    )
    .unwrap();
    let a = rows[0].as_ref().unwrap();
    let at = |text: &str| When::parse(text).unwrap();
    assert_eq!(a.created, at("2026-10-01T06:14:03Z"));
    assert_eq!(
        a.answered,
        Some(at("2026-10-01T06:14:23")),
        "a timestamp not adjusted to UTC is a wall time, read in the calendar's zone"
    );
    assert!(matches!(a.answered, Some(When::Local(_))));
    assert_eq!(
        a.resolved,
        Some(at("2026-10-01T06:14:03Z")),
        "Spark's INT96"
    );
    assert_eq!(
        (a.csat, a.nps, a.handle_time),
        (Some(4.0), Some(9.0), Some(120.5))
    );
    // A date is read as `2025-10-01` is in a CSV: midnight, a wall time.
    let b = rows[1].as_ref().unwrap();
    assert_eq!((b.line, b.feedback), (2, Some(at("2025-10-01T00:00:00"))));
}

#[test]
fn a_field_on_a_list_or_fixed_width_column_refuses_the_file() {
    for (schema, column, kind) in [
        (
            "message m { optional binary id (STRING); optional group client (LIST) { repeated group list { optional binary element (STRING); } } }",
            "client.list.element",
            "list",
        ),
        (
            "message m { optional binary id (STRING); optional fixed_len_byte_array(16) client (UUID); }",
            "client",
            "UUID",
        ),
    ] {
        let schema = Arc::new(parquet::schema::parser::parse_message_type(schema).unwrap());
        let mut out = Vec::new();
        let writer = SerializedFileWriter::new(&mut out, schema, Default::default()).unwrap();
        writer.close().unwrap();
        let map = Columns(
            [("customer".to_string(), column.to_string())]
                .into_iter()
                .collect(),
        );
        assert_eq!(
            read(&out, &map).unwrap_err(),
            Refusal::Column {
                column: column.into(),
                kind
            }
        );
        // Not mapped, the column is not read and the file is.
        assert!(read(&out, &Columns::default()).is_ok());
    }
}

#[test]
fn a_damaged_file_never_panics_nor_invents_rows() {
    let mut rng = Random(seed());
    let rows = 500;
    let (_, columns) = random_export(&mut rng, rows);
    let good = write(&columns, 100, Compression::SNAPPY, true);
    for round in 0..300 {
        let mut bytes = good.clone();
        match round % 3 {
            0 => bytes.truncate(rng.below(bytes.len() as u64) as usize),
            1 => {
                for _ in 0..1 + rng.below(8) {
                    let at = rng.below(bytes.len() as u64) as usize;
                    bytes[at] = rng.next() as u8;
                }
            }
            _ => {
                let n = rng.below(4096) as usize;
                bytes = b"PAR1".to_vec();
                bytes.extend((0..n).map(|_| rng.next() as u8));
                bytes.extend(b"PAR1");
            }
        }
        let Ok(read) = read(&bytes, &Columns::default()) else {
            continue;
        };
        let lines: Vec<u64> = read
            .iter()
            .map(|r| match r {
                Ok(c) => c.line,
                Err(b) => b.line,
            })
            .collect();
        assert!(
            lines.windows(2).all(|w| w[0] < w[1]),
            "round {round}: rows in order, each once"
        );
        assert!(lines.len() <= rows + 1, "round {round}: no invented rows");
    }
}

#[test]
fn parts_read_the_rows_of_the_whole_file_with_their_numbers() {
    use super::{parquet_part, parquet_parts};
    let mut rng = Random(seed());
    for run in 0..40 {
        let rows = 2 + rng.below(400) as usize;
        let (_, columns) = random_export(&mut rng, rows);
        let group = 1 + rng.below(rows as u64 / 2) as usize;
        let readers = 2 + rng.below(5) as usize;
        let bytes = write(&columns, group, Compression::SNAPPY, true);
        let whole = read(&bytes, &Columns::default()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.parquet");
        std::fs::write(&path, &bytes).unwrap();
        let what = format!("run {run}: {rows} rows in groups of {group}, {readers} readers");
        let parts = parquet_parts(std::fs::File::open(&path).unwrap(), readers)
            .unwrap_or_else(|| panic!("{what}"));
        assert!(parts.len() <= readers, "{what}");
        assert_eq!(parts[0].groups.start, 0, "{what}");
        assert!(
            parts
                .windows(2)
                .all(|w| w[0].groups.end == w[1].groups.start),
            "{what}: {parts:?}"
        );
        assert!(parts.iter().all(|p| !p.groups.is_empty()), "{what}");
        let mut read_parts = Vec::new();
        for part in parts {
            parquet_part::<Contact>(
                std::fs::File::open(&path).unwrap(),
                &Columns::default(),
                part,
                &Unresolved,
                |r| read_parts.push(owned(r)),
            )
            .unwrap();
        }
        assert_eq!(read_parts, whole, "{what}");
    }
}

#[test]
fn integer_numbers_read_as_their_text_in_a_csv() {
    // An INT64 column only `csat` reads is decoded into numbers: in scale,
    // out of it (a bad row) and missing, as the same text in a CSV.
    let csat = [Some(4), Some(7), None, Some(-1), Some(1), Some(5), Some(0)];
    let n = csat.len();
    let text = |v: &str| vec![Some(v.as_bytes().to_vec()); n];
    let columns = [
        Column::Text("id", text("a")),
        Column::Text("segment", text("vip")),
        Column::Text("channel", text("phone")),
        Column::Text("created", text("2026-10-01T06:14:03Z")),
        Column::Int64("csat", "", csat.to_vec()),
    ];
    let from_parquet = read(
        &write(&columns, 3, Compression::SNAPPY, true),
        &Columns::default(),
    )
    .unwrap();
    let mut csv = String::from("id,segment,channel,created,csat\n");
    for v in csat {
        let v = v.map(|v| v.to_string()).unwrap_or_default();
        csv.push_str(&format!("a,vip,phone,2026-10-01T06:14:03Z,{v}\n"));
    }
    let mut from_csv = Vec::new();
    csv_rows::<Contact>(std::io::Cursor::new(csv), &Columns::default(), |r| {
        from_csv.push(owned(r).map(|mut c| {
            c.line -= 1;
            c
        }))
    });
    for row in &mut from_csv {
        if let Err(b) = row {
            b.line -= 1;
        }
    }
    assert_eq!(from_parquet, from_csv);
    let bad = from_parquet.iter().filter(|r| r.is_err()).count();
    assert_eq!(bad, 3, "7, -1 and 0 are outside 1..5");
}
