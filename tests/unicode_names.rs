//! Cyrillic names as a Russian author writes them (outside audit 8, U1/U2):
//! a decomposed «й» is the same name as the composed one, and a Latin
//! look-alike letter in a Cyrillic name is named in the help instead of a
//! "did you mean" identical to the typo.

mod common;

use common::{cxc, json, TODAY};

const HEAD: &str = "calendar всегда { timezone \"Europe/Moscow\"; open 24x7 }
team кц { lead старший }
role старший { team кц; duty \"x\" }
channel телефон { kind phone; hours всегда; owner кц }
";

/// `cxc check` of a spec of two files: (code, message, help) of each finding.
fn check(a: &str, b: &str, lang: &str) -> Vec<(String, String, String)> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.cx"), format!("{HEAD}{a}")).unwrap();
    std::fs::write(dir.path().join("b.cx"), b).unwrap();
    let output = cxc(&[
        "check",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
        "--today",
        TODAY,
        "--lang",
        lang,
    ]);
    json(&output)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let text = |k: &str| d[k].as_str().unwrap_or("").to_string();
            (text("code"), text("message"), text("help"))
        })
        .collect()
}

#[test]
fn a_decomposed_letter_names_the_same_declaration() {
    let composed = "частный_клиент_новый";
    // «й» as и + U+0306, as macOS file names and some PDFs give it.
    let decomposed = composed.replace('й', "и\u{306}");
    assert_ne!(composed, decomposed);
    let segment = format!("segment {composed} \"Новый\" {{ channels телефон }}\n");
    let sla = format!("sla s for {decomposed} {{ hours всегда; answer телефон 80% within 20s }}\n");
    let found = check(&segment, &sla, "ru");
    assert!(
        found.iter().all(|(code, _, _)| code != "unknown-reference"
            && code != "segment-without-sla"
            && code != "unused"),
        "{found:?}"
    );
    // And the other way round, «ё» decomposed in the declaration.
    let segment = "segment тёплые_клиенты { channels телефон }\n".replace('ё', "е\u{308}");
    let sla = "sla s for тёплые_клиенты { hours всегда; answer телефон 80% within 20s }\n";
    let found = check(&segment, sla, "ru");
    assert!(
        found.iter().all(|(code, _, _)| code != "unknown-reference"),
        "{found:?}"
    );
}

#[test]
fn a_latin_look_alike_in_a_cyrillic_name_is_pointed_out() {
    let segment = "segment частные { channels телефон }\n";
    // `c` here is Latin.
    let sla = "sla s for чаcтные { hours всегда; answer телефон 80% within 20s }\n";
    let ru = check(segment, sla, "ru");
    let (_, message, help) = ru
        .iter()
        .find(|(code, _, _)| code == "unknown-reference")
        .unwrap_or_else(|| panic!("{ru:?}"));
    assert!(message.contains("`чаcтные`"), "{message}");
    assert_eq!(
        help,
        "`чаcтные` содержит латинскую букву `c` (3-я буква); в `частные` она кириллическая: имена выглядят одинаково, но это разные имена"
    );
    assert!(!help.contains("имелось в виду"), "{help}");
    let en = check(segment, sla, "en");
    let (_, _, help) = en
        .iter()
        .find(|(code, _, _)| code == "unknown-reference")
        .unwrap();
    assert!(
        help.contains("has the Latin letter `c` (letter 3)"),
        "{help}"
    );
}
