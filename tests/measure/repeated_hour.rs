//! Audit 17, L3: a row written without an offset in the hour the clocks go
//! back, that reads as answered before it was created, is set aside; the
//! advice names the two offsets that hour has in the row's zone (Adelaide:
//! `+10:30` before the change, `+09:30` after it), not `+00:00`.

use crate::common::cxc;

const SPEC: &str = "calendar office { timezone \"Australia/Adelaide\"; open 24x7 }\n\
    team support { lead support_lead }\n\
    role support_lead { team support; duty \"Lead\" }\n\
    channel phone { kind phone; owner support; hours office }\n\
    segment mass { channels phone }\n\
    sla mass_sla for mass { hours office; answer phone 80% within 1m }\n";

fn measured(rows: &str, lang: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spec.cx"), SPEC).unwrap();
    let contacts = dir.path().join("contacts.csv");
    std::fs::write(&contacts, rows).unwrap();
    let output = cxc(&[
        "measure",
        dir.path().to_str().unwrap(),
        "--contacts",
        contacts.to_str().unwrap(),
        "--format",
        "json",
        "--lang",
        lang,
    ]);
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_repeated_hour_advice_names_the_offsets_of_the_rows_zone() {
    let rows = "id,segment,channel,created,answered\n\
        1,mass,phone,2027-04-04T02:59:50,2027-04-04T02:00:10\n\
        2,mass,phone,2027-04-05T10:00:00,2027-04-05T10:00:30\n";
    let en = measured(rows, "en");
    assert!(en.contains("in the hour the clocks go back"), "{en}");
    assert!(
        en.contains("`+10:30` before the change, `+09:30` after it") && !en.contains("+00:00"),
        "{en}"
    );
    let ru = measured(rows, "ru");
    assert!(ru.contains("`+10:30` до перевода, `+09:30` после"), "{ru}");
    // A plain contradiction outside that hour names no offsets.
    let plain = "id,segment,channel,created,answered\n\
        1,mass,phone,2027-04-05T10:00:00,2027-04-05T09:00:00\n";
    let plain = measured(plain, "en");
    assert!(
        plain.contains("is earlier than") && !plain.contains("before the change"),
        "{plain}"
    );
}
