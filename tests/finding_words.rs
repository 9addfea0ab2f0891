//! What findings say, where an outside reviewer found the words misleading
//! (tests/specs/hotel/AUDIT.md, LOW): each test reads the messages of a
//! corpus unit, in English and in Russian, and holds them to what cxc knows.

mod common;

use common::{cxc, json, TODAY};

/// The findings of `code` in a corpus unit: (line, message, help).
fn findings(unit: &str, code: &str, lang: &str) -> Vec<(u64, String, String)> {
    let path = format!("tests/corpus/{unit}");
    let output = cxc(&[
        "check", &path, "--format", "json", "--today", TODAY, "--lang", lang,
    ]);
    json(&output)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
                d["help"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// L2: a 2-hour callback behind 80% answered in 30 seconds. The SLA's 80%
/// is a floor it guarantees, not the share of callers the promise is kept
/// for (measured, the hotel kept it for 94.9%): the message says what is
/// guaranteed and what is not, and the help what a CX lead can do.
#[test]
fn a_promise_below_the_keep_rate_is_said_as_a_guarantee_not_an_outcome() {
    let en = findings("keep-rate.cx", "promise-below-keep-rate", "en");
    assert_eq!(en.len(), 1, "{en:?}");
    let (line, message, help) = &en[0];
    assert_eq!(*line, 18);
    for said in [
        "promise `callback` (within 2h)",
        "`gold_sla`'s 80% within 30s",
        "guarantees the promised time for only 80% of contacts",
        "up to 20% are promised a time nothing in the standards guarantees",
        "80% is the floor the SLA holds, not what happens",
        "fewer than 95% broken",
    ] {
        assert!(message.contains(said), "{said:?} not in {message}");
    }
    assert!(!message.contains("keeps the promise for"), "{message}");
    for said in [
        "`answer res_phone 95% within 2h` beside the 80% line",
        "promise a time such a target meets",
        "measure how often the promise is kept",
        "`measure.promise_keep_rate`",
    ] {
        assert!(help.contains(said), "{said:?} not in {help}");
    }
    let ru = findings("keep-rate.cx", "promise-below-keep-rate", "ru");
    let (_, message, help) = &ru[0];
    for said in [
        "гарантирует обещанный срок лишь 80% обращений",
        "до 20% обещан срок, который стандарты им не гарантируют",
        "нижняя граница",
    ] {
        assert!(message.contains(said), "{said:?} not in {message}");
    }
    assert!(!message.contains("держит обещание лишь"), "{message}");
    assert!(help.contains("`answer res_phone 95% within 2h`"), "{help}");
}
