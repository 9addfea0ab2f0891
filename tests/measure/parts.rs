//! A large export read in parts, one reader each (`CXC_MEASURE_READERS`):
//! every figure of `measure.json` must be what one reader gives, byte for
//! byte, whatever the number of readers and so the size of the parts.

use super::SPEC;
use crate::common::{self, json, stdout};
use proptest::prelude::*;

/// Measures `contacts.csv` in `dir` with one reader and with each number
/// of `readers`: the findings and `measure.json` must be the same bytes.
/// One reader's output and `measure.json`.
fn same_with_every_number_of_readers(
    dir: &std::path::Path,
    readers: &[&str],
) -> (std::process::Output, Vec<u8>) {
    let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SPEC);
    let run = |readers: &str| {
        let out = dir.join(format!("out-{readers}"));
        let output = common::cxc_with(
            dir,
            &[
                "measure",
                spec.to_str().unwrap(),
                "--contacts",
                "contacts.csv",
                "--format",
                "json",
                "-o",
                out.to_str().unwrap(),
            ],
            &[("CXC_MEASURE_READERS", readers)],
        );
        (output, std::fs::read(out.join("measure.json")).unwrap())
    };
    let (output, one) = run("1");
    for readers in readers {
        let (theirs, many) = run(readers);
        assert_eq!(stdout(&theirs), stdout(&output), "{readers} readers");
        assert!(many == one, "{readers} readers: measure.json differs");
    }
    (output, one)
}

/// A large export is read by several readers, one per part: the figures and
/// the lines of bad rows must be what one reader would give, quoted line
/// breaks included, whatever the number of readers (`CXC_MEASURE_READERS`).
#[test]
fn a_large_export_read_in_parts_counts_every_row_once_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("id,segment,channel,created,answered\n");
    let mut line = 2u64;
    let mut bad_lines = Vec::new();
    let rows = 160_000u64;
    for i in 0..rows {
        if i % 40_000 == 7 {
            bad_lines.push(line);
            text.push_str(&format!(
                "{i},gold,phone,2026-11-02T10:00:00Z,2026-11-02T10:00:05Z\n"
            ));
        } else if i % 1000 == 3 {
            // A quoted id with a line break: two lines of the file.
            text.push_str(&format!(
                "\"{i}\nquoted\",mass,phone,2026-11-02T10:00:00Z,2026-11-02T10:00:50Z\n"
            ));
            line += 1;
        } else {
            text.push_str(&format!(
                "{i},mass,phone,2026-11-02T10:00:00Z,2026-11-02T10:00:05Z\n"
            ));
        }
        line += 1;
    }
    assert!(text.len() > 8 << 20, "large enough to be split");
    std::fs::write(dir.path().join("contacts.csv"), &text).unwrap();
    let (output, one) = same_with_every_number_of_readers(dir.path(), &["2", "3", "5", "16"]);
    let report = json(&output);
    let measured: serde_json::Value = serde_json::from_slice(&one).unwrap();
    assert_eq!(measured["rows"]["contacts"], rows - bad_lines.len() as u64);
    let answer = &measured["targets"][0];
    assert_eq!(answer["statement"], "answer phone 80% within 30s");
    // Every thousandth row (the quoted ones) waited 50 s.
    assert_eq!(answer["n"], rows - bad_lines.len() as u64);
    assert_eq!(answer["met"], rows - bad_lines.len() as u64 - 160);
    let bad = &measured["bad_data"][0];
    assert_eq!(bad["count"], bad_lines.len() as u64);
    assert_eq!(bad["first_lines"], serde_json::json!(bad_lines));
    let finding = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "bad-data")
        .unwrap();
    assert_eq!(finding["line"], bad_lines[0]);
}

/// Past 10,000 distinct complaint causes (free text in the `cause`
/// column), the causes named and the other causes are the same whatever
/// the readers: their counts are added exactly and ranked after, most
/// complaints first and ties by name. The export is built so that reading
/// order matters: the first half names 6,000 causes, the second 8,000 more
/// and then, late, the cause with the most complaints ("b big"). Read whole,
/// capping by arrival once put "b big" among the other causes; read in two
/// parts, the second part's causes came in by name and named it. Survey
/// answers and handle times with fractions are summed in any order too.
#[test]
fn causes_past_the_cap_and_fractions_do_not_depend_on_the_readers() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from(
        "id,segment,channel,created,answered,first_response,resolved,complaint,\
         acknowledged,escalated,feedback,csat,customer,cause,handle_time\n",
    );
    let rows = 100_000usize;
    for i in 0..rows {
        let cause = match i {
            0..50_000 => format!("a{:05}", i % 6_000),
            50_000..90_000 => format!("z{:05}", (i - 50_000) % 8_000),
            _ => "b big".to_string(),
        };
        let day = 2 + i % 26;
        let (channel, answered) = if i % 3 == 0 {
            ("visit", String::new())
        } else {
            ("phone", format!("2026-11-{day:02}T10:00:05+01:00"))
        };
        let csat = format!("{}.{}", 1 + i % 4, (i * 7) % 10);
        let handle = format!("{}.{:03}", i % 1_800, (i * 7_919) % 1_000);
        text.push_str(&format!(
            "{i},mass,{channel},2026-11-{day:02}T10:00:00+01:00,{answered},,,broken,,,,\
             {csat},,{cause},{handle}\n"
        ));
    }
    assert!(text.len() > 8 << 20, "large enough to be split");
    std::fs::write(dir.path().join("contacts.csv"), &text).unwrap();
    let (_, one) = same_with_every_number_of_readers(dir.path(), &["2", "7"]);
    let measured: serde_json::Value = serde_json::from_slice(&one).unwrap();
    let causes = measured["causes"].as_array().unwrap();
    assert_eq!(causes[0]["cause"], "b big", "{:?}", causes[0]);
    assert_eq!(causes[0]["complaints"], 10_000);
    // Then the first-half causes (8 or 9 complaints each) by name.
    assert_eq!(causes[1]["cause"], "a00000");
    assert_eq!(causes[1]["complaints"], 9);
    let others = causes.last().unwrap();
    assert!(others["cause"].is_null(), "{others:?}");
    let listed: u64 = causes
        .iter()
        .map(|c| c["complaints"].as_u64().unwrap())
        .sum();
    assert_eq!(listed, rows as u64);
}

/// Past `measure::causes::MAX_DISTINCT` (100,000) distinct causes the
/// `cause` column is free text: the cause figures are dropped, with a note
/// in the report and `causes_dropped` in measure.json, the same with one
/// reader and with two — each of which sees only 60,000 causes, under the
/// bound, while the export holds 120,000.
#[test]
fn past_the_distinct_causes_bound_the_causes_are_dropped_whatever_the_readers() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("id,segment,channel,created,answered,complaint,cause\n");
    let rows = 120_000usize;
    for i in 0..rows {
        let day = 2 + i % 26;
        text.push_str(&format!(
            "{i},mass,phone,2026-11-{day:02}T10:00:00+01:00,2026-11-{day:02}T10:00:05+01:00,\
             broken,customer wrote this in free text number {i:06}\n"
        ));
    }
    assert!(text.len() > 8 << 20, "large enough to be split");
    std::fs::write(dir.path().join("contacts.csv"), &text).unwrap();
    let (_, one) = same_with_every_number_of_readers(dir.path(), &["2"]);
    let measured: serde_json::Value = serde_json::from_slice(&one).unwrap();
    assert_eq!(measured["causes"], serde_json::json!([]));
    assert_eq!(
        measured["causes_dropped"],
        serde_json::json!({"limit": 100_000})
    );
    assert_eq!(measured["rows"]["contacts"], rows as u64);
    for readers in ["1", "2"] {
        let report =
            std::fs::read_to_string(dir.path().join(format!("out-{readers}/report.md"))).unwrap();
        assert!(
            report.contains("holds more than 100,000 distinct values"),
            "{readers} readers: {report}"
        );
    }
    // Under the bound, the causes are listed as before, and no note.
    let under: String = text
        .lines()
        .take(1 + 90_000)
        .map(|l| format!("{l}\n"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("contacts.csv"), under).unwrap();
    let (_, one) = same_with_every_number_of_readers(dir.path(), &["2"]);
    let measured: serde_json::Value = serde_json::from_slice(&one).unwrap();
    assert!(measured.get("causes_dropped").is_none());
    assert_eq!(measured["causes"].as_array().unwrap().len(), 11);
}

/// `measure.json` of the contacts `text` read as `cxc measure` reads a
/// large export (`csv_chunked`): in chunks that start at `starts` (0 first,
/// then guesses), each into a measurement of its own by one of `threads`
/// threads, the chunks that make the file merged in order with their lines
/// moved down.
fn measure_json_in_parts(
    model: &cxc::model::Model,
    text: &[u8],
    starts: &[u64],
    threads: usize,
) -> Vec<u8> {
    use cxc::measure::rows::{csv_header, Chunks};
    let chunks = Chunks {
        header: csv_header(text).unwrap_or_default(),
        starts: starts.to_vec(),
    };
    chunked_json(model, text, &chunks, threads)
}

/// `measure.json` of `text` read in `chunks` by `threads` threads.
fn chunked_json(
    model: &cxc::model::Model,
    text: &[u8],
    chunks: &cxc::measure::rows::Chunks,
    threads: usize,
) -> Vec<u8> {
    use cxc::measure::rows::{csv_chunked, Columns, Contact};
    use cxc::measure::{Measurement, Settings};
    let mut measurement = Measurement::new(model, Settings::default());
    csv_chunked::<Contact, _, _>(
        chunks,
        &Columns::default(),
        threads,
        |start| Ok(&text[start as usize..]),
        || Measurement::new(model, Settings::default()),
        |m, row| m.contact(row),
        |mut part, lines| {
            part.shift_lines(lines);
            measurement.absorb(part);
        },
    )
    .unwrap();
    json_of(model, measurement)
}

fn json_of(model: &cxc::model::Model, measurement: cxc::measure::Measurement<'_>) -> Vec<u8> {
    let report = measurement.finish();
    let view = cxc::generate::report::MeasureView::new(model, &report);
    cxc::escape::json::to_vec_pretty(&view).unwrap()
}

/// The model of `tests/measure/spec.cx`.
fn spec_model() -> cxc::pipeline::Compilation {
    let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SPEC);
    cxc::pipeline::compile_bytes(
        "spec.cx",
        &std::fs::read(spec).unwrap(),
        &cxc::check::Options::default(),
    )
}

/// `measure.json` of `text` read whole by one reader, as `cxc measure`
/// reads a small export.
fn one_reader_json(model: &cxc::model::Model, text: &[u8]) -> Vec<u8> {
    let mut whole = cxc::measure::Measurement::new(model, cxc::measure::Settings::default());
    let columns = cxc::measure::rows::Columns::default();
    cxc::measure::rows::csv_rows::<cxc::measure::rows::Contact>(text, &columns, |row| {
        whole.contact(row)
    });
    json_of(model, whole)
}

/// A random contacts export for `tests/measure/spec.cx`: rows that count,
/// bad rows, quoted ids with line breaks and commas, stray quotes, blank
/// lines, LF or CRLF.
fn contacts_export() -> impl Strategy<Value = Vec<u8>> {
    let row = prop_oneof![
        6 => (0u32..100, 0u32..90, any::<bool>()).prop_map(|(id, wait, email)| {
            let channel = if email { "email" } else { "phone" };
            format!("c{id},mass,{channel},2026-11-02T10:00:00Z,2026-11-02T10:{:02}:{:02}Z,,", wait / 60, wait % 60)
        }),
        1 => (0u32..100).prop_map(|id| format!("\"c{id}\nsecond, line\",mass,phone,2026-11-03T09:00:00+01:00,,2026-11-03T09:30:00+01:00,broken")),
        1 => (0u32..100).prop_map(|id| format!("c{id},gold,phone,2026-11-02T10:00:00Z,,,")),
        1 => Just("x\"y,mass,phone,2026-11-02T10:00:00Z,,,".to_string()),
        1 => Just("\"open,mass,phone,yesterday,,,".to_string()),
        1 => Just(String::new()),
        1 => "[a-z0-9 ,\"\r\n]{0,12}",
    ];
    (
        proptest::collection::vec(row, 0..60),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(rows, crlf, last_break)| {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text = String::from("id,segment,channel,created,answered,resolved,complaint");
            for row in rows {
                text.push_str(end);
                text.push_str(&row);
            }
            if last_break {
                text.push_str(end);
            }
            text.into_bytes()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any export gives the same `measure.json`, byte for byte, read by
    /// one reader, by two and by N, whether the parts start where
    /// `csv_cut_near` guesses (as `cxc measure` cuts them) or anywhere at
    /// all — inside a quoted field, a line or a character.
    #[test]
    fn any_export_gives_one_measure_json_with_1_2_and_n_readers(
        text in contacts_export(),
        readers in 2u64..7,
        anywhere in proptest::collection::vec(any::<usize>(), 0..4),
    ) {
        let compiled = spec_model();
        let model = &compiled.specs[0].model;
        let one = one_reader_json(model, &text);
        let header = cxc::measure::rows::csv_header(&text[..]).unwrap_or_default();
        let size = text.len() as u64;
        let guessed = |n: u64| {
            let mut starts = vec![0];
            for k in 1..n {
                let point = size / n * k;
                let near = &text[point as usize..];
                let cut = cxc::measure::rows::csv_cut_near(near, point, header.len()).unwrap();
                if let Some(cut) = cut.filter(|&c| c > *starts.last().unwrap() && c < size) {
                    starts.push(cut);
                }
            }
            starts
        };
        for starts in [guessed(2), guessed(readers)] {
            let many = measure_json_in_parts(model, &text, &starts, readers as usize);
            prop_assert!(many == one, "{:?} at {:?}", String::from_utf8_lossy(&text), starts);
        }
        let mut starts: Vec<u64> = anywhere.iter().map(|a| (a % (text.len() + 1)) as u64).collect();
        starts.push(0);
        starts.sort();
        starts.dedup();
        let many = measure_json_in_parts(model, &text, &starts, 1 + readers as usize % 3);
        prop_assert!(many == one, "{:?} at {:?}", String::from_utf8_lossy(&text), starts);
    }
}

/// A random contacts export with every column a figure that needs the
/// rows' order reads: customers (repeat contacts, first-contact
/// resolution), reasons, causes, survey answers and handle times with
/// fractions (sums), complaints (deadlines open until the export ends);
/// names in several scripts (multi-byte characters that a chunk's guessed
/// start may cut); bad rows of every kind; quoted fields with commas, line
/// breaks and quotes; blank lines; a byte-order mark or none; LF or CRLF.
fn rich_export() -> impl Strategy<Value = Vec<u8>> {
    let customer = prop_oneof![
        Just(String::new()),
        (0u32..6).prop_map(|n| format!("Зоя {n}")),
        (0u32..6).prop_map(|n| format!("李{n}")),
        (0u32..6).prop_map(|n| format!("p{n}")),
    ];
    let good = (
        0u32..100,
        0u32..5,
        0u32..5_000,
        prop::sample::select(vec!["phone", "email", "visit"]),
        customer,
        (0u32..3, 0u32..50, any::<bool>()),
    )
        .prop_map(|(id, day, wait, channel, customer, (reason, csat, complaint))| {
            let day = 2 + day;
            let at = |s: u32| format!("2026-11-{day:02}T{:02}:{:02}:{:02}+01:00", 9 + s / 3600, s / 60 % 60, s % 60);
            let answered = if channel == "phone" { at(wait) } else { String::new() };
            let first = if channel == "email" { at(wait) } else { String::new() };
            let complaint = if complaint { "broken" } else { "" };
            let csat = if csat < 40 { format!("{}.{}", 1 + csat % 4, csat % 10) } else { String::new() };
            format!(
                "c{id},mass,{channel},{},{answered},{first},{},{complaint},{},{csat},{customer},r{reason},\"cause, {reason}\",{}.5",
                at(0),
                at(wait * 7),
                at(wait / 2),
                wait % 900,
            )
        });
    let row = prop_oneof![
        8 => good,
        1 => (0u32..100).prop_map(|id| format!("\"c{id}\nsecond, «line»\",mass,phone,2026-11-03T09:00:00+01:00,,,2026-11-03T09:30:00+01:00,broken,,,李{id},,,")),
        1 => (0u32..100).prop_map(|id| format!("c{id},gold,phone,2026-11-02T10:00:00Z,,,,,,,,,,")),
        1 => Just("c1,mass,phone,2026-11-02T10:00:00Z,2026-11-02T09:00:00Z,,,,,,,,,".to_string()),
        1 => Just("c2,mass,phone,2026-11-02T10:00:00Z,,,,,,9,,,,".to_string()),
        1 => Just("x\"y,mass,phone,2026-11-02T10:00:00Z,,,,,,,,,,".to_string()),
        1 => Just("\"open,mass,phone,yesterday,,,,,,,,,,".to_string()),
        1 => Just(String::new()),
        1 => "[a-zé李 ,\"\r\n]{0,12}",
    ];
    (
        proptest::collection::vec(row, 0..50),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(rows, bom, crlf, last_break)| {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text = String::from(if bom { "\u{feff}" } else { "" });
            text.push_str(
                "id,segment,channel,created,answered,first_response,resolved,complaint,\
                 acknowledged,csat,customer,reason,cause,handle_time",
            );
            for row in rows {
                text.push_str(end);
                text.push_str(&row);
            }
            if last_break {
                text.push_str(end);
            }
            text.into_bytes()
        })
}

/// Any export gives the same `measure.json`, byte for byte, read whole by
/// one reader and read in chunks of any size (down to a byte: the chunk
/// size is the test's knob, `cxc measure` reads 8 MB chunks) by one thread
/// or several, the chunks cut where `csv_chunks` guesses — inside quoted
/// fields, characters and CRLFs included. Seeds are printed.
#[test]
fn any_export_gives_one_measure_json_in_chunks_of_any_size_with_any_threads() {
    let compiled = spec_model();
    let model = &compiled.specs[0].model;
    let strategy = (rich_export(), 1u64..96, 1usize..5);
    common::run_seeded(
        "chunks",
        *b"cxc measure: chunks of any size.",
        64,
        &strategy,
        |(text, chunk, threads)| {
            let one = one_reader_json(model, &text);
            let size = text.len() as u64;
            let chunks =
                cxc::measure::rows::csv_chunks(size, chunk, |start| Ok(&text[start as usize..]))
                    .unwrap();
            let Some(chunks) = chunks else {
                return;
            };
            for threads in [1, threads] {
                let many = chunked_json(model, &text, &chunks, threads);
                assert!(
                    many == one,
                    "{threads} threads, chunks of {chunk} at {:?}: {:?}\n{}\n{}",
                    chunks.starts,
                    String::from_utf8_lossy(&text),
                    String::from_utf8_lossy(&one),
                    String::from_utf8_lossy(&many),
                );
            }
        },
    );
}
