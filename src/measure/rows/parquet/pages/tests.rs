//! The page reader held to the parquet crate's own column reader on random
//! text columns: nulls, bytes that are not text, empty strings, few and
//! many distinct values (a dictionary that overflows into plain pages),
//! small pages, data pages v1 and v2, nested levels, every codec.

use super::super::columns::Decoded;
use super::super::tests::seed;
use super::{hybrid, supported, TextPages, NONE};
use crate::testing::Random;
use parquet::basic::Compression;
use parquet::column::reader::ColumnReader;
use parquet::data_type::{ByteArray, ByteArrayType};
use parquet::file::properties::{WriterProperties, WriterVersion};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::file::writer::SerializedFileWriter;
use std::sync::Arc;

/// A value as read: None when the row holds none, `Some(None)` when it
/// holds bytes that are not text.
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
        Some(Some(text)) => resolve(text.trim()).unwrap_or(NONE),
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

/// The column written as Parquet: `nested` puts it in an optional group
/// (two definition levels).
fn write(cells: &[Option<Vec<u8>>], nested: bool, rng: &mut Random) -> Vec<u8> {
    let leaf = "optional binary s (STRING);";
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
        let values: Vec<ByteArray> = chunk
            .iter()
            .flatten()
            .cloned()
            .map(ByteArray::from)
            .collect();
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
        w.typed::<ByteArrayType>()
            .write_batch(&values, Some(&levels), None)
            .unwrap();
        w.close().unwrap();
        group_writer.close().unwrap();
    }
    writer.close().unwrap();
    out
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
            rows.push((*level == max_def).then(|| {
                let v = values.next().unwrap();
                std::str::from_utf8(v.data()).ok().map(str::to_string)
            }));
        }
    }
    rows
}

/// Every row group's rows, read by [`TextPages`] in batches of random
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
        let mut pages = TextPages::new(
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
            for r in 0..want {
                let cell = match (decoded.cells[r], decoded.bad[r]) {
                    (Some((a, b)), false) => {
                        Some(Some(decoded.text[a as usize..b as usize].to_string()))
                    }
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
        std::fs::write(&path, write(&cells, nested, &mut rng)).unwrap();
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
