//! An export saved by Excel in a Russian locale is separated by `;` (the
//! comma is the decimal separator there); the header decides the delimiter
//! (grammar/exports.md). The same rows written with `,`, `;` and tabs must
//! give the same figures (outside audit 8, U3: «пропущено 199 строк: нет
//! `id`»).

use super::SPEC;
use crate::common;

/// `contacts.csv` of `case` rewritten with `delimiter`, a BOM and CRLF line
/// ends, as Excel saves it.
fn rewritten(case: &str, delimiter: u8, dir: &std::path::Path) -> std::path::PathBuf {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(format!("tests/measure/{case}/contacts.csv"))
        .unwrap();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xef\xbb\xbf".to_vec());
    for record in reader.records() {
        writer.write_record(&record.unwrap()).unwrap();
    }
    let path = dir.join(format!("contacts-{delimiter}.csv"));
    std::fs::write(&path, writer.into_inner().unwrap()).unwrap();
    path
}

fn measured(contacts: &std::path::Path, lang: &str) -> (serde_json::Value, String) {
    let output = common::cxc(&[
        "measure",
        SPEC,
        "--contacts",
        contacts.to_str().unwrap(),
        "--format",
        "json",
        "--lang",
        lang,
    ]);
    let mut report = common::json(&output);
    // The file's own name is the only difference.
    for d in report["diagnostics"].as_array_mut().unwrap() {
        d.as_object_mut().unwrap().remove("file");
    }
    (report, String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn semicolon_and_tab_separated_exports_give_the_figures_of_the_comma_one() {
    let dir = tempfile::tempdir().unwrap();
    for case in ["misses", "clean"] {
        let comma = std::path::PathBuf::from(format!("tests/measure/{case}/contacts.csv"));
        let (expected, said) = measured(&comma, "en");
        assert!(!said.contains("separated by"), "{said}");
        assert!(
            !expected["diagnostics"].as_array().unwrap().is_empty() || case == "clean",
            "{expected}"
        );
        for delimiter in [b';', b'\t'] {
            let file = rewritten(case, delimiter, dir.path());
            let (report, said) = measured(&file, "en");
            assert_eq!(report, expected, "{case}, delimiter {delimiter}");
            assert!(
                said.contains("the file was read with that delimiter"),
                "{said}"
            );
        }
        let (report, said) = measured(&rewritten(case, b';', dir.path()), "ru");
        assert!(said.contains("разделены точкой с запятой (`;`)"), "{said}");
        assert!(!report.to_string().contains("нет `id`"), "{report}");
    }
}
