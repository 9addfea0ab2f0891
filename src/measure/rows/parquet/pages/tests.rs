//! The page reader held to the parquet crate's own column reader on random
//! text columns: nulls, bytes that are not text, empty strings, few and
//! many distinct values (a dictionary that overflows into plain pages),
//! small pages, data pages v1 and v2, nested levels, every codec.

use super::super::columns::Decoded;
use super::super::tests::seed;
use super::{hybrid, supported, Pages, NONE};
use crate::testing::Random;
use parquet::basic::Compression;
use parquet::column::reader::ColumnReader;
use parquet::data_type::{ByteArray, ByteArrayType, Int32Type, Int64Type};
use parquet::file::properties::{WriterProperties, WriterVersion};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::file::writer::{SerializedColumnWriter, SerializedFileWriter};
use std::sync::Arc;

/// A value as read, trimmed: None when the row holds none (or only
/// blanks), `Some(None)` when it holds bytes that are not text.
type Cell = Option<Option<String>>;

/// The names of a spec: `v<n>` names declaration n unless n is a multiple
/// of three (names the spec does not know); "padded" (a padded value,
/// trimmed) names 7777; nothing else names anything.
fn resolve(name: &str) -> Option<u32> {
    if name == "padded" {
        return Some(7777);
    }
    let n: u32 = name.strip_prefix('v')?.parse().ok()?;
    (!n.is_multiple_of(3)).then_some(n)
}

/// The id a row carries when its page is dictionary-encoded.
fn expected_id(cell: &Cell) -> u32 {
    match cell {
        Some(Some(text)) => resolve(text).unwrap_or(NONE),
        _ => NONE,
    }
}

/// Whether each row of a row group's column is in a dictionary-encoded
/// data page, read from its pages' headers by the parquet crate.
fn dictionary_rows(reader: &SerializedFileReader<std::fs::File>, group: usize) -> Vec<bool> {
    use parquet::basic::Encoding;
    use parquet::column::page::Page;
    let mut pages = reader
        .get_row_group(group)
        .unwrap()
        .get_column_page_reader(0)
        .unwrap();
    let mut rows = Vec::new();
    while let Some(page) = pages.get_next_page().unwrap() {
        let (count, encoding) = match page {
            Page::DictionaryPage { .. } => continue,
            Page::DataPage {
                num_values,
                encoding,
                ..
            }
            | Page::DataPageV2 {
                num_values,
                encoding,
                ..
            } => (num_values as usize, encoding),
        };
        let dictionary = matches!(
            encoding,
            Encoding::RLE_DICTIONARY | Encoding::PLAIN_DICTIONARY
        );
        rows.resize(rows.len() + count, dictionary);
    }
    rows
}

fn value(rng: &mut Random, distinct: u64) -> Vec<u8> {
    match rng.below(25) {
        0 => b"\xff\xfe not text".to_vec(),
        1 => Vec::new(),
        2 => " padded ".into(),
        // Text that is not ASCII, and ASCII before a byte that is not text.
        3 => format!("é{}", rng.below(distinct)).into_bytes(),
        4 => [&b"v1"[..], &[0xc3]].concat(),
        _ => format!("v{}", rng.below(distinct)).into_bytes(),
    }
}

/// A column's present values and its definition levels, for a writer.
type Put<'a, T> = &'a dyn Fn(&mut SerializedColumnWriter<'_>, &[T], &[i16]);

/// The column written as Parquet, the `leaf` of its schema, its values
/// by `put`: `nested` puts it in an optional group (two definition levels).
fn write<T: Clone>(
    cells: &[Option<T>],
    leaf: &str,
    nested: bool,
    rng: &mut Random,
    put: Put<'_, T>,
) -> Vec<u8> {
    let schema = if nested {
        format!("message m {{ optional group g {{ {leaf} }} }}")
    } else {
        format!("message m {{ {leaf} }}")
    };
    let schema = Arc::new(parquet::schema::parser::parse_message_type(&schema).unwrap());
    let codec = [
        Compression::UNCOMPRESSED,
        Compression::SNAPPY,
        Compression::ZSTD(Default::default()),
    ][rng.below(3) as usize];
    let version = [WriterVersion::PARQUET_1_0, WriterVersion::PARQUET_2_0][rng.below(2) as usize];
    let properties = WriterProperties::builder()
        .set_compression(codec)
        .set_writer_version(version)
        .set_dictionary_enabled(rng.below(4) != 0)
        .set_dictionary_page_size_limit(64 + rng.below(4096) as usize)
        .set_data_page_size_limit(64 + rng.below(8192) as usize)
        .set_write_batch_size(1 + rng.below(300) as usize)
        .build();
    let mut out = Vec::new();
    let mut writer = SerializedFileWriter::new(&mut out, schema, Arc::new(properties)).unwrap();
    let group = 1 + rng.below(cells.len() as u64 + 10) as usize;
    for chunk in cells.chunks(group) {
        let mut group_writer = writer.next_row_group().unwrap();
        let mut w = group_writer.next_column().unwrap().unwrap();
        let values: Vec<T> = chunk.iter().flatten().cloned().collect();
        // Nested: a row without a value has no group (level 0) or an
        // empty one (level 1), at random.
        let levels: Vec<i16> = chunk
            .iter()
            .map(|c| match (c, nested) {
                (Some(_), true) => 2,
                (Some(_), false) => 1,
                (None, true) => rng.below(2) as i16,
                (None, false) => 0,
            })
            .collect();
        put(&mut w, &values, &levels);
        w.close().unwrap();
        group_writer.close().unwrap();
    }
    writer.close().unwrap();
    out
}

fn put_text(w: &mut SerializedColumnWriter<'_>, values: &[Vec<u8>], levels: &[i16]) {
    let values: Vec<ByteArray> = values.iter().cloned().map(ByteArray::from).collect();
    w.typed::<ByteArrayType>()
        .write_batch(&values, Some(levels), None)
        .unwrap();
}

/// Every row group's rows, read by the parquet crate.
fn by_the_crate(reader: &SerializedFileReader<std::fs::File>) -> Vec<Cell> {
    let max_def = reader
        .metadata()
        .file_metadata()
        .schema_descr()
        .column(0)
        .max_def_level();
    let mut rows = Vec::new();
    for g in 0..reader.num_row_groups() {
        let ColumnReader::ByteArrayColumnReader(mut r) = reader
            .get_row_group(g)
            .unwrap()
            .get_column_reader(0)
            .unwrap()
        else {
            panic!("a text column");
        };
        let n = reader.metadata().row_group(g).num_rows() as usize;
        let (mut values, mut levels) = (Vec::new(), Vec::new());
        let (records, _, _) = r
            .read_records(n, Some(&mut levels), None, &mut values)
            .unwrap();
        assert_eq!(records, n);
        let mut values = values.iter();
        for level in &levels {
            let cell = (*level == max_def).then(|| {
                let v = values.next().unwrap();
                std::str::from_utf8(v.data())
                    .ok()
                    .map(|s| s.trim().to_string())
            });
            // A row's value is trimmed; only blanks are none.
            rows.push(cell.filter(|c| c.as_ref().is_none_or(|s| !s.is_empty())));
        }
    }
    rows
}

/// Every row group's rows, read by [`Pages`] in batches of random
/// sizes, as `Source` reads them, with the names resolved by [`resolve`]:
/// each row's value, its id, and whether its page is dictionary-encoded;
/// None when a chunk is not one it reads.
fn by_pages(
    reader: &SerializedFileReader<std::fs::File>,
    rng: &mut Random,
) -> Option<Vec<(Cell, u32, bool)>> {
    let max_def = reader
        .metadata()
        .file_metadata()
        .schema_descr()
        .column(0)
        .max_def_level();
    let mut rows = Vec::new();
    let mut decoded = Decoded::default();
    for g in 0..reader.num_row_groups() {
        let meta = reader.metadata().row_group(g);
        if !supported(meta.column(0)) {
            return None;
        }
        let mut dictionary = dictionary_rows(reader, g).into_iter();
        let group = reader.get_row_group(g).unwrap();
        let mut pages = Pages::new(
            group.get_column_page_reader(0).unwrap(),
            max_def,
            &mut decoded,
        );
        let mut left = meta.num_rows() as usize;
        while left > 0 {
            let want = left.min(1 + rng.below(700) as usize);
            decoded.clear();
            let names = Some(&resolve as &dyn Fn(&str) -> Option<u32>);
            assert_eq!(pages.next_batch(want, &mut decoded, names).unwrap(), want);
            assert_eq!(decoded.ids.len(), want, "an id for every row");
            assert_eq!(decoded.cells.len(), want, "a cell for every row");
            for r in 0..want {
                let bad = decoded.bad.contains(&(r as u32));
                let cell = match (decoded.value(r), bad) {
                    (Some(text), false) => Some(Some(text.to_string())),
                    (None, true) => Some(None),
                    (None, false) => None,
                    (Some(_), true) => panic!("a value both read and bad"),
                };
                rows.push((cell, decoded.ids[r], dictionary.next().unwrap()));
            }
            left -= want;
        }
        // The chunk holds no more rows than its group says.
        decoded.clear();
        assert_eq!(pages.next_batch(1, &mut decoded, None).unwrap(), 0);
    }
    Some(rows)
}

#[test]
fn pages_read_as_the_parquet_crate_reads() {
    let seed = seed();
    let mut rng = Random(seed);
    let (mut read, mut dictionary, mut plain) = (0, 0, 0);
    let (mut resolved, mut unknown) = (0, 0);
    for run in 0..150 {
        let rows = 1 + rng.below(if run % 10 == 0 { 9_000 } else { 600 }) as usize;
        // Few distinct values (dictionary pages) or many (a dictionary
        // that overflows into plain pages, or none).
        let distinct = [3, 50, 1_000_000][rng.below(3) as usize];
        let nulls = rng.below(4);
        let cells: Vec<Option<Vec<u8>>> = (0..rows)
            .map(|_| (rng.below(8) >= nulls).then(|| value(&mut rng, distinct)))
            .collect();
        let nested = rng.below(3) == 0;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("column.parquet");
        let leaf = "optional binary s (STRING);";
        std::fs::write(&path, write(&cells, leaf, nested, &mut rng, &put_text)).unwrap();
        let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        let expected = by_the_crate(&reader);
        assert_eq!(expected.len(), rows);
        let Some(got) = by_pages(&reader, &mut rng) else {
            continue;
        };
        let cells: Vec<Cell> = got.iter().map(|(cell, _, _)| cell.clone()).collect();
        assert_eq!(
            cells, expected,
            "seed {seed}, run {run}: {rows} rows, nested {nested}"
        );
        // A row's id is its name's, resolved once per dictionary entry,
        // in a dictionary-encoded page; NONE in a plain page.
        for (r, (cell, id, dictionary)) in got.iter().enumerate() {
            let name = expected_id(cell);
            let expected = if *dictionary { name } else { NONE };
            assert_eq!(
                *id, expected,
                "seed {seed}, run {run}, row {r}: {cell:?} in a dictionary page: {dictionary}"
            );
            resolved += usize::from(*id != NONE);
            unknown += usize::from(*dictionary && matches!(cell, Some(Some(_))) && name == NONE);
        }
        read += 1;
        let encodings: Vec<_> = (0..reader.num_row_groups())
            .flat_map(|g| {
                reader
                    .metadata()
                    .row_group(g)
                    .column(0)
                    .encodings()
                    .collect::<Vec<_>>()
            })
            .collect();
        dictionary += usize::from(
            encodings.contains(&parquet::basic::Encoding::RLE_DICTIONARY)
                || encodings.contains(&parquet::basic::Encoding::PLAIN_DICTIONARY),
        );
        plain += usize::from(encodings.contains(&parquet::basic::Encoding::PLAIN));
    }
    assert!(
        read > 50 && dictionary > 20 && plain > 20,
        "seed {seed}: {read} read, {dictionary} with a dictionary, {plain} plain"
    );
    // Names resolved, and dictionary entries the spec does not know.
    assert!(
        resolved > 1_000 && unknown > 100,
        "seed {seed}: {resolved} rows resolved, {unknown} unknown"
    );
}

#[test]
fn the_hybrid_encoding_reads_runs_and_packed_groups() {
    // The Parquet format's example: 0..8 bit-packed in three bits.
    let mut out = Vec::new();
    hybrid(&[0x03, 0x88, 0xc6, 0xfa], 3, 8, &mut out).unwrap();
    assert_eq!(out, [0, 1, 2, 3, 4, 5, 6, 7]);
    // A run of 300 fives (varint header 600 = 0xd8 0x04), then one packed
    // group cut at the values wanted.
    out.clear();
    hybrid(
        &[0xd8, 0x04, 0x05, 0x03, 0x88, 0xc6, 0xfa],
        3,
        303,
        &mut out,
    )
    .unwrap();
    assert_eq!(out.len(), 303);
    assert!(out[..300].iter().all(|&v| v == 5));
    assert_eq!(out[300..], [0, 1, 2]);
    // Width 0: every value 0, no bytes of value.
    out.clear();
    hybrid(&[0x08], 0, 4, &mut out).unwrap();
    assert_eq!(out, [0; 4]);
    // Too short: an error, not a panic.
    for data in [&[][..], &[0x03, 0x88], &[0x80], &[0x00]] {
        assert!(hybrid(data, 3, 8, &mut Vec::new()).is_err(), "{data:?}");
    }
}

/// Values of `width` bits bit-packed as the hybrid encoding packs them
/// (one run of groups of eight, from the lowest bit).
fn bit_packed(values: &[u32], width: u8) -> Vec<u8> {
    let groups = values.len().div_ceil(8);
    let mut out = Vec::new();
    let mut header = ((groups as u64) << 1) | 1;
    loop {
        let byte = (header & 0x7f) as u8;
        header >>= 7;
        out.push(byte | if header > 0 { 0x80 } else { 0 });
        if header == 0 {
            break;
        }
    }
    let mut packed = vec![0u8; groups * usize::from(width)];
    for (i, &v) in values.iter().enumerate() {
        for b in 0..usize::from(width) {
            if (v >> b) & 1 == 1 {
                let bit = i * usize::from(width) + b;
                packed[bit / 8] |= 1 << (bit % 8);
            }
        }
    }
    out.extend(packed);
    out
}

#[test]
fn packed_runs_read_as_they_were_packed() {
    // Long runs (read eight bytes at a time) and short ones, every width.
    let seed = seed();
    let mut rng = Random(seed);
    for run in 0..400 {
        let width = 1 + rng.below(32) as u8;
        let n = 1 + rng.below(if run % 4 == 0 { 2_000 } else { 40 }) as usize;
        let top = if width == 32 {
            u64::from(u32::MAX) + 1
        } else {
            1 << width
        };
        let values: Vec<u32> = (0..n).map(|_| rng.below(top) as u32).collect();
        let data = bit_packed(&values, width);
        let mut out = vec![7];
        hybrid(&data, width, n, &mut out).unwrap();
        assert_eq!(out[0], 7, "appended");
        assert_eq!(
            out[1..],
            values,
            "seed {seed}, run {run}: {n} values of {width} bits"
        );
    }
}

/// Every row group's rows of an INT32 or INT64 column, read by the crate.
fn integers_by_the_crate(reader: &SerializedFileReader<std::fs::File>) -> Vec<Option<i64>> {
    let max_def = reader
        .metadata()
        .file_metadata()
        .schema_descr()
        .column(0)
        .max_def_level();
    let mut rows = Vec::new();
    for g in 0..reader.num_row_groups() {
        let n = reader.metadata().row_group(g).num_rows() as usize;
        let mut levels = Vec::new();
        let column = reader.get_row_group(g).unwrap().get_column_reader(0);
        let values: Vec<i64> = match column.unwrap() {
            ColumnReader::Int64ColumnReader(mut r) => {
                let mut values = Vec::new();
                let (records, _, _) = r
                    .read_records(n, Some(&mut levels), None, &mut values)
                    .unwrap();
                assert_eq!(records, n);
                values
            }
            ColumnReader::Int32ColumnReader(mut r) => {
                let mut values = Vec::new();
                let (records, _, _) = r
                    .read_records(n, Some(&mut levels), None, &mut values)
                    .unwrap();
                assert_eq!(records, n);
                values.into_iter().map(i64::from).collect()
            }
            _ => panic!("an integer column"),
        };
        let mut values = values.into_iter();
        for level in &levels {
            rows.push((*level == max_def).then(|| values.next().unwrap()));
        }
    }
    rows
}

#[test]
fn integer_pages_read_as_the_parquet_crate_reads() {
    let seed = seed();
    let mut rng = Random(seed);
    let (mut read, mut dictionary, mut plain) = (0, 0, 0);
    for run in 0..120 {
        let rows = 1 + rng.below(if run % 10 == 0 { 9_000 } else { 600 }) as usize;
        let wide = rng.below(2) == 0;
        let distinct = [3, 50, 1 << 40][rng.below(3) as usize];
        let nulls = rng.below(4);
        let cells: Vec<Option<i64>> = (0..rows)
            .map(|_| {
                let v = rng.below(distinct) - (distinct as i64) / 2;
                let v = if wide {
                    v.wrapping_mul(1 << 20)
                } else {
                    v as i32 as i64
                };
                (rng.below(8) >= nulls).then_some(v)
            })
            .collect();
        let nested = rng.below(3) == 0;
        let bytes = if wide {
            let put: Put<'_, i64> = &|w, values, levels| {
                w.typed::<Int64Type>()
                    .write_batch(values, Some(levels), None)
                    .unwrap();
            };
            write(
                &cells,
                "optional int64 t (TIMESTAMP(MICROS,true));",
                nested,
                &mut rng,
                put,
            )
        } else {
            let narrow: Vec<Option<i32>> = cells.iter().map(|c| c.map(|v| v as i32)).collect();
            let put: Put<'_, i32> = &|w, values, levels| {
                w.typed::<Int32Type>()
                    .write_batch(values, Some(levels), None)
                    .unwrap();
            };
            write(&narrow, "optional int32 n;", nested, &mut rng, put)
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("column.parquet");
        std::fs::write(&path, bytes).unwrap();
        let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        let expected = integers_by_the_crate(&reader);
        assert_eq!(
            expected, cells,
            "seed {seed}, run {run}: the crate reads what was written"
        );
        let max_def = reader
            .metadata()
            .file_metadata()
            .schema_descr()
            .column(0)
            .max_def_level();
        let mut got = Vec::new();
        let mut decoded = Decoded::default();
        for g in 0..reader.num_row_groups() {
            let meta = reader.metadata().row_group(g);
            if !supported(meta.column(0)) {
                got.clear();
                break;
            }
            let encodings: Vec<_> = meta.column(0).encodings().collect();
            dictionary +=
                usize::from(encodings.contains(&parquet::basic::Encoding::RLE_DICTIONARY));
            plain += usize::from(encodings.contains(&parquet::basic::Encoding::PLAIN));
            let group = reader.get_row_group(g).unwrap();
            let width = if wide { 8 } else { 4 };
            let mut pages =
                Pages::integers(group.get_column_page_reader(0).unwrap(), max_def, width);
            let mut left = meta.num_rows() as usize;
            while left > 0 {
                let want = left.min(1 + rng.below(700) as usize);
                let before = got.len();
                let n = pages
                    .next_integers(want, &mut decoded, |_, v| got.push(v))
                    .unwrap();
                assert_eq!(
                    (n, got.len() - before),
                    (want, want),
                    "seed {seed}, run {run}"
                );
                left -= want;
            }
            // The chunk holds no more rows than its group says.
            assert_eq!(pages.next_integers(1, &mut decoded, |_, _| ()).unwrap(), 0);
        }
        if got.is_empty() {
            continue;
        }
        assert_eq!(
            got, expected,
            "seed {seed}, run {run}: {rows} rows, nested {nested}, wide {wide}"
        );
        read += 1;
    }
    assert!(
        read > 50 && dictionary > 20 && plain > 20,
        "seed {seed}: {read} read, {dictionary} row groups with a dictionary, {plain} plain"
    );
}
