//! `cxc measure` end to end: every measure code triggered at the right line
//! by a small export (`tests/measure/misses`), silence on data that meets
//! every target (`tests/measure/clean`), the shipped example's findings and
//! report files, and `measure.json` against its schema.

#[path = "measure/bad_rows.rs"]
mod bad_rows;
mod common;
#[path = "measure/complaint_clock.rs"]
mod complaint_clock;
#[path = "measure/delimiters.rs"]
mod delimiters;
#[path = "measure/headers.rs"]
mod headers;
#[path = "measure/insurer.rs"]
mod insurer;
#[path = "measure/metric_channels.rs"]
mod metric_channels;
#[path = "measure/money.rs"]
mod money;
#[path = "measure/parts.rs"]
mod parts;
#[path = "measure/repeated_hour.rs"]
mod repeated_hour;
#[path = "measure/row_bomb.rs"]
mod row_bomb;
#[path = "measure/shown.rs"]
mod shown;
#[path = "measure/shuffled.rs"]
mod shuffled;
#[path = "measure/unreadable.rs"]
mod unreadable;
#[path = "measure/verdicts.rs"]
mod verdicts;

use common::{cxc, json};
use std::collections::BTreeSet;

const SPEC: &str = "tests/measure/spec.cx";

/// `file:line code` of each finding of a `--format json` report.
fn located(report: &serde_json::Value) -> BTreeSet<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap().rsplit('/').next().unwrap();
            format!("{file}:{} {}", d["line"], d["code"].as_str().unwrap())
        })
        .collect()
}

/// `file:line code` of each finding on one data set.
fn findings(case: &str, extra: &[&str]) -> (BTreeSet<String>, serde_json::Value, i32) {
    let contacts = format!("tests/measure/{case}/contacts.csv");
    let cases = format!("tests/measure/{case}/cases.csv");
    let mut args = vec![
        "measure",
        SPEC,
        "--contacts",
        &contacts,
        "--cases",
        &cases,
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let output = cxc(&args);
    let report = json(&output);
    let found = located(&report);
    (found, report, output.status.code().unwrap_or(-1))
}

fn expected(case: &str) -> BTreeSet<String> {
    std::fs::read_to_string(format!("tests/measure/{case}/expected"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_miss_is_reported_at_the_line_of_its_standard() {
    let (found, _, status) = findings("misses", &[]);
    assert_eq!(found, expected("misses"));
    // `bad-data` is an error: the run fails.
    assert_eq!(status, 1);
}

#[test]
fn data_that_meets_every_target_is_silent() {
    let (found, _, status) = findings("clean", &["--deny", "warnings"]);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(status, 0);
}

#[test]
fn every_measure_code_is_triggered_by_the_misses() {
    let found = expected("misses");
    for code in cxc::diagnostic::Code::MEASURE_ONLY {
        assert!(
            found.iter().any(|f| f.ends_with(&format!(" {code}"))),
            "nothing triggers `{code}`"
        );
    }
}

#[test]
fn findings_carry_the_figure_its_n_and_the_period() {
    let (_, report, _) = findings("misses", &[]);
    let messages: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(messages.contains(
        &"`answer phone 80% within 30s` for `mass` is missed: 50% of 4 contacts met it (goal 80%), 2 November 2026"
    ), "{messages:#?}");
    for d in report["diagnostics"].as_array().unwrap() {
        assert!(!d["help"].as_str().unwrap().is_empty(), "{d}");
    }
}

#[test]
fn a_period_leaves_out_the_rows_outside_it() {
    let (found, _, _) = findings("misses", &["--from", "2026-11-03"]);
    // Every contact is of 2 November: only the journeys (entered later) and
    // the unknown segment, which is reported whatever its date, remain.
    assert!(
        !found.iter().any(|f| f.contains("promise-broken")),
        "{found:?}"
    );
    assert!(found.contains("contacts.csv:7 bad-data"), "{found:?}");
}

#[test]
fn findings_speak_russian() {
    let contacts = "tests/measure/misses/contacts.csv";
    let output = cxc(&[
        "measure",
        SPEC,
        "--contacts",
        contacts,
        "--lang",
        "ru",
        "--color",
        "never",
    ]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("не выполнена"), "{text}");
    assert!(text.contains("пропущена 1 строка"), "{text}");
}

#[test]
fn an_unreadable_export_is_exit_2_and_no_data_is_an_error() {
    let output = cxc(&["measure", SPEC, "--contacts", "tests/measure/none.csv"]);
    assert_eq!(output.status.code(), Some(2));
    let output = cxc(&["measure", SPEC]);
    assert_eq!(output.status.code(), Some(2));
}

/// A Parquet export cxc cannot read as values is refused with the column's
/// name (never its contents) as `bad-data`, and one piped in is refused
/// (exit 2): Parquet is read from its end.
#[test]
fn a_parquet_export_with_a_list_column_is_bad_data_and_through_a_pipe_exit_2() {
    use parquet::file::writer::SerializedFileWriter;
    let dir = tempfile::tempdir().unwrap();
    let schema = "message m { optional binary id (STRING); optional group customer (LIST) \
                  { repeated group list { optional binary element (STRING); } } }";
    let schema = std::sync::Arc::new(parquet::schema::parser::parse_message_type(schema).unwrap());
    let mut bytes = Vec::new();
    SerializedFileWriter::new(&mut bytes, schema, Default::default())
        .unwrap()
        .close()
        .unwrap();
    // No extension: known by its first bytes.
    let file = dir.path().join("contacts-export");
    std::fs::write(&file, &bytes).unwrap();
    let map = dir.path().join("cxc.yaml");
    std::fs::write(
        &map,
        "measure:\n  columns:\n    customer: customer.list.element\n",
    )
    .unwrap();
    let output = cxc(&[
        "measure",
        SPEC,
        "--config",
        map.to_str().unwrap(),
        "--contacts",
        file.to_str().unwrap(),
    ]);
    let said = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(
        said.contains("`customer.list.element` is a list column") && said.contains("bad-data"),
        "{said}"
    );
    // Unmapped, the list column is not read and the file is measured.
    let output = cxc(&["measure", SPEC, "--contacts", file.to_str().unwrap()]);
    assert_ne!(
        output.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    #[cfg(unix)]
    {
        let fifo = dir.path().join("piped.parquet");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let output = cxc(&["measure", SPEC, "--contacts", fifo.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("Parquet is read from its end"), "{stderr}");
    }
}

/// `cxc measure` on the kitchen example and its month of exports.
fn measure_kitchen(extra: &[&str]) -> std::process::Output {
    cxc(&[
        &["measure", "examples/kitchen"][..],
        &common::KITCHEN_DATA,
        extra,
    ]
    .concat())
}

#[test]
fn the_kitchen_month_is_measured_and_reported() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("measured");
    let output = measure_kitchen(&["--format", "json", "-o", dir.to_str().unwrap()]);
    let report = json(&output);
    let codes: BTreeSet<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    // What the data was made to hold (examples/kitchen/data/generate.py).
    for code in [
        "target-missed",
        "promise-broken",
        "complaint-late",
        "journey-deviation",
        "step-late",
    ] {
        assert!(codes.contains(code), "{codes:?}");
    }
    assert!(!codes.contains("bad-data"), "{codes:?}");
    for file in ["report.md", "report.html", "measure.json"] {
        assert!(dir.join(file).is_file(), "{file} missing");
    }
    let measured: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("measure.json")).unwrap()).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("grammar/measure.schema.json").unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&measured)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(measured["journeys"][0]["deviating"], 1);
    let markdown = std::fs::read_to_string(dir.join("report.md")).unwrap();
    assert!(
        markdown.contains("| Designer measures the room |"),
        "{markdown}"
    );
    // The same run twice writes the same bytes.
    let again = out.path().join("again");
    measure_kitchen(&["-o", again.to_str().unwrap()]);
    for file in ["report.md", "report.html", "measure.json"] {
        assert_eq!(
            std::fs::read(dir.join(file)).unwrap(),
            std::fs::read(again.join(file)).unwrap(),
            "{file} differs between runs"
        );
    }
}

#[test]
fn hostile_names_in_the_spec_and_the_data_are_text_in_every_report() {
    let dir = tempfile::tempdir().unwrap();
    let spec = r#"service "<script>alert(1)</script>" { language en }
team support { lead lead }
role lead { team support; duty "Lead" }
channel phone { kind phone; owner support }
segment mass { channels phone }
sla s for mass { answer phone 80% within 30s }
promise p "<img src=x onerror=alert(1)>" { segments mass; channel phone; within 5m; on_breach apologize }
"#;
    std::fs::write(dir.path().join("spec.cx"), spec).unwrap();
    std::fs::write(
        dir.path().join("contacts.csv"),
        "id,segment,channel,created,answered\n\
         1,mass,phone,2026-11-02T10:00:00Z,\n\
         2,<svg onload=alert(1)>,phone,2026-11-02T10:00:00Z,\n\
         3,\"\u{1b}[31mred\",phone,2026-11-02T10:00:00Z,\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = common::cxc_in(
        dir.path(),
        &[
            "measure",
            "spec.cx",
            "--contacts",
            "contacts.csv",
            "-o",
            "out",
            "--color",
            "never",
        ],
    );
    // Terminal output shows the control character, never runs it.
    assert!(!output.stdout.contains(&0x1b), "{output:?}");
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    for raw in ["<script", "<img", "<svg onload"] {
        assert!(!html.contains(raw), "{raw} in {html}");
    }
    assert!(html.contains("&lt;img src=x"), "{html}");
    // The Markdown as a renderer reads it: no tag, a name from the data
    // at most as code (a code span shows it as typed).
    let markdown = std::fs::read_to_string(out.join("report.md")).unwrap();
    // The rows set aside, said for any count (audit 13, L4: "1 case rows").
    assert!(
        markdown.contains("Rows skipped as bad data (see the end): contacts export, "),
        "{markdown}"
    );
    let rendered = markdown_html(&markdown);
    for raw in ["<script", "<img", "<svg"] {
        assert!(!rendered.contains(raw), "{raw} in {rendered}");
    }
    assert!(
        rendered.contains("<code>&lt;svg onload=alert(1)&gt;</code>"),
        "{rendered}"
    );
}

/// Markdown as GitHub renders it (tables on), as HTML.
fn markdown_html(markdown: &str) -> String {
    let mut html = String::new();
    let parser = pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES);
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

#[test]
fn build_with_data_puts_measured_figures_beside_the_standards_and_on_the_maps() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    let build = [
        "build",
        "examples/kitchen",
        "-o",
        dir,
        "--today",
        common::TODAY,
    ];
    let output = cxc(&[&build[..], &common::KITCHEN_DATA].concat());
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let read = |p: &str| std::fs::read_to_string(out.path().join(p)).unwrap();
    let standards = read("policy/service-standards.md");
    assert!(
        standards.contains("30 seconds (counted only during Office hours: Mon–Fri 09:00–18:00, Sat 10:00–16:00 Moscow time, except holidays) — **measured:** 63.7% (n = 1088, missed)"),
        "{standards}"
    );
    let map = read("journeys/order.md");
    assert!(
        map.contains("| Designer measures the room | median 2 days 3 hours, 90th percentile 3 days 11 hours; drop-off 5.7%; n = 300 |"),
        "{map}"
    );
    // The site's map carries them in each step's tooltip.
    let page = read("site/journeys/order.html");
    assert!(page.contains("median 2 days 3 hours"), "{page}");
    // And, in short, in the step's box: median time and drop-off, the
    // median so named and in words — "2d3h" read as the step's deadline in
    // the spec's notation, untranslated on a Russian map (audit 3, B5).
    assert!(page.contains(">median 2 days"), "{page}");
    assert!(page.contains("↓5.7%</text>"), "{page}");
    assert!(!page.contains(">2d3h"), "{page}");
    let ru = tempfile::tempdir().unwrap();
    let build_ru = [
        &build[..2],
        &[
            "-o",
            ru.path().to_str().unwrap(),
            "--lang",
            "ru",
            "--today",
            common::TODAY,
        ],
    ]
    .concat();
    let output = cxc(&[&build_ru[..], &common::KITCHEN_DATA].concat());
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let page = std::fs::read_to_string(ru.path().join("site/journeys/order.html")).unwrap();
    assert!(page.contains(">медиана 2 дня"), "{page}");
    assert!(!page.contains(">2d3h"), "{page}");
    // Figures with the Russian decimal sign, on the map as in the reports.
    assert!(page.contains("↓5,7%</text>"), "{page}");
    assert!(page.contains("отток 5,7%"), "{page}");
    assert!(!page.contains("5.7%"), "{page}");
    // Without data the documents say nothing measured.
    let plain = tempfile::tempdir().unwrap();
    cxc(&[
        "build",
        "examples/kitchen",
        "-o",
        plain.path().to_str().unwrap(),
        "--today",
        common::TODAY,
    ]);
    let standards =
        std::fs::read_to_string(plain.path().join("policy/service-standards.md")).unwrap();
    assert!(!standards.contains("measured"), "{standards}");
}

/// A Russian spec's month of exports (the outside spec `domoset`, with its
/// deliberately bad rows): `report.html` is `report.md` as a page in the
/// site's look, every section of it there, and no code or English word the
/// reader would have to decode.
#[test]
fn the_report_page_speaks_the_reports_language_and_has_every_section() {
    let Some(spec) = ["../shared/specs/domoset", "tests/specs/outside/domoset"]
        .into_iter()
        .map(std::path::Path::new)
        .find(|p| p.join("данные/обращения.csv").is_file())
    else {
        panic!("the outside spec domoset and its data are missing");
    };
    let (_copy, spec) = common::buildable(spec);
    let spec = spec.as_path();
    let out = tempfile::tempdir().unwrap();
    let data = |name: &str| spec.join("данные").join(name).to_str().unwrap().to_string();
    let output = cxc(&[
        "measure",
        spec.to_str().unwrap(),
        "--contacts",
        &data("обращения.csv"),
        "--cases",
        &data("кейсы.csv"),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    assert!(out.path().join("report.html").is_file(), "{output:?}");
    let markdown = std::fs::read_to_string(out.path().join("report.md")).unwrap();
    let html = std::fs::read_to_string(out.path().join("report.html")).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"ru\">"),
        "{html}"
    );
    // The site's stylesheet, allowed by its hash.
    assert!(html.contains("<style>") && html.contains("nav a {") && html.contains("figure.chart"));
    assert!(html.contains("style-src 'sha256-"));
    // Every section of the Markdown is a section of the page, the bad data
    // and the transitions off the map among them.
    let headings: Vec<&str> = markdown
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .collect();
    assert!(
        headings.iter().any(|h| h.contains("Ошибочные данные")),
        "{markdown}"
    );
    for heading in &headings {
        let escaped = heading
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(html.contains(&format!("<h2>{escaped}</h2>")), "{heading}");
    }
    for part in ["Переходы, которых нет на карте", "CSAT"] {
        assert!(markdown.contains(part) && html.contains(part), "{part}");
    }
    // What a reader sees: no raw codes, no English.
    let text = visible_text(&html);
    for code in [
        "missing:",
        "before:",
        "bad-time",
        "acknowledge",
        "escalate",
        "feedback",
        "first_response",
        "answer ",
        " within ",
    ] {
        assert!(!text.contains(code), "{code} in {text}");
    }
    let latin: BTreeSet<&str> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 1)
        // Money is written with the spec's ISO 4217 `currency`, as every
        // document writes it ("350 000 RUB"); segments go by the names the
        // spec gives them (outside audit 10, L10), "VIP" among them.
        .filter(|w| !["SLA", "CSAT", "NPS", "CES", "FCR", "AHT", "RUB", "VIP"].contains(w))
        .collect();
    assert!(latin.is_empty(), "English in the Russian report: {latin:?}");
    // Names from the data are code, never backticks shown as typed.
    assert!(!text.contains('`'), "{text}");
    assert!(html.contains("<code>"), "{html}");
}

/// The text of a page a reader sees: tags, the stylesheet and character
/// references dropped.
fn visible_text(html: &str) -> String {
    // Quoted names from the data or the spec (`fax`, `answered`) are code.
    let body = html.split("</head>").nth(1).unwrap_or(html);
    let body: String = body
        .split("<code>")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part
            } else {
                part.split_once("</code>").map_or("", |(_, rest)| rest)
            }
        })
        .collect();
    let body = body.as_str();
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}

/// `cxc measure` over `spec` and the `contacts.csv` and `cases.csv` in
/// `dir`, with `-o out`: the findings (`file:line code`) and `measure.json`.
fn measure_dir(dir: &std::path::Path, spec: &str) -> (BTreeSet<String>, serde_json::Value) {
    measure_files(dir, spec, "contacts.csv")
}

/// `report.md` of `spec.cx` measured in Russian over `contacts.csv` and
/// `cases.csv` in `dir` (written to `dir/ru`).
fn russian_report(dir: &std::path::Path) -> String {
    let output = common::cxc_in(
        dir,
        &[
            "--lang",
            "ru",
            "measure",
            "spec.cx",
            "--contacts",
            "contacts.csv",
            "--cases",
            "cases.csv",
            "-o",
            "ru",
        ],
    );
    assert!(output.status.code().unwrap_or(-1) <= 1, "{output:?}");
    std::fs::read_to_string(dir.join("ru/report.md")).unwrap()
}

/// The same with the contacts export named (CSV or JSON Lines).
fn measure_files(
    dir: &std::path::Path,
    spec: &str,
    contacts: &str,
) -> (BTreeSet<String>, serde_json::Value) {
    let output = common::cxc_in(
        dir,
        &[
            "measure",
            spec,
            "--contacts",
            contacts,
            "--cases",
            "cases.csv",
            "--format",
            "json",
            "-o",
            "out",
        ],
    );
    assert!(output.status.code().unwrap_or(-1) <= 1, "{output:?}");
    let found = located(&json(&output));
    let measured =
        serde_json::from_slice(&std::fs::read(dir.join("out/measure.json")).unwrap()).unwrap();
    (found, measured)
}

/// The same over a spec and exports written to a fresh folder.
fn measure_in(spec: &str, contacts: &str, cases: &str) -> (BTreeSet<String>, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cases.csv"), cases).unwrap();
    measure_in_dir(dir.path(), spec, contacts)
}

const REPEATS_SPEC: &str = r#"service "Repeats" { language en }
team support { lead lead }
role lead { team support; duty "Leads support"; target fcr >= 90% }
channel phone { kind phone; owner support }
channel portal { kind portal; self_service }
segment mass { channels phone, portal }
sla mass_sla for mass {
  resolution within 2d
  target fcr >= 80%
}
complaint broken { segments any; owner support; acknowledge within 1h; resolve within 1d; escalate after 4h to lead; remedy apologize; feedback optional }
"#;

/// ann tried the portal, then called on the same topic within the window;
/// bob's complaints of the 3rd and the 20th are two weeks apart, and on the
/// 21st he called again about the 20th's topic.
const REPEATS_CONTACTS: &str = "\
id,segment,channel,created,resolved,customer,topic,effort,nps,complaint,cause,acknowledged
1,mass,portal,2026-11-02T10:00:00Z,2026-11-02T10:05:00Z,ann,billing,5,3,,,
2,mass,phone,2026-11-02T12:00:00Z,2026-11-02T12:10:00Z,ann,billing,4,10,,,
3,mass,phone,2026-11-03T12:00:00Z,2026-11-03T12:10:00Z,bob,delivery,,9,broken,late courier,2026-11-03T12:20:00Z
4,mass,phone,2026-11-20T12:00:00Z,2026-11-20T12:10:00Z,bob,billing,,,broken,late courier,2026-11-20T12:20:00Z
5,mass,phone,2026-11-21T12:00:00Z,2026-11-21T12:10:00Z,bob,billing,,,,,
";

#[test]
fn repeats_fcr_switching_surveys_and_causes_reach_every_output() {
    let (found, measured) = measure_in(
        REPEATS_SPEC,
        REPEATS_CONTACTS,
        "case,journey,step,entered\n",
    );
    // FCR: 3 of 5 resolved contacts (1 and 4 were repeated on their topic),
    // below the SLA's 80%; on the role's phone line 3 of 4, below its 90%.
    for finding in [
        "spec.cx:3 target-missed",
        "spec.cx:6 repeat-contacts",
        "spec.cx:9 target-missed",
        "spec.cx:4 measured-pain",
        "spec.cx:5 measured-pain",
    ] {
        assert!(found.contains(finding), "{finding} not in {found:?}");
    }
    let mass = &measured["segments"][0];
    assert_eq!(mass["contacts"], 5);
    let figure = |metric: &str| {
        mass["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["metric"] == metric)
            .unwrap_or_else(|| panic!("no {metric} in {mass:#}"))
            .clone()
    };
    let fcr = figure("fcr");
    assert_eq!(
        (fcr["text"].as_str(), fcr["n"].as_u64()),
        (Some("60%"), Some(5))
    );
    assert_eq!(
        (fcr["target"].as_str(), fcr["ok"].as_bool()),
        (Some("target fcr >= 80%"), Some(false))
    );
    // Without a target: effort (CES), NPS, repeats, complaints per 1,000.
    assert_eq!(figure("ces")["value"], 4.5);
    assert_eq!(figure("nps")["value"], 100.0 / 3.0);
    assert_eq!(figure("nps")["text"], "33.33");
    assert_eq!(figure("repeat")["text"], "40%");
    assert_eq!(figure("complaints_per_1000")["value"], 400);
    assert_eq!(mass["repeats"]["switched"], 1);
    assert_eq!(
        measured["switches"],
        serde_json::json!([{"from": "portal", "to": "phone", "count": 1}])
    );
    let role = &measured["role_metrics"][0];
    assert_eq!(
        (
            role["role"].as_str(),
            role["value"].as_f64(),
            role["ok"].as_bool()
        ),
        (Some("lead"), Some(75.0), Some(false))
    );
    let cause = &measured["causes"][0];
    assert_eq!(
        (cause["cause"].as_str(), cause["complaints"].as_u64()),
        (Some("late courier"), Some(2))
    );
    assert_eq!(cause["weeks_text"], "1 · 0 · 1");
    assert_eq!(measured["customers"], 2);
}

#[test]
fn a_step_the_data_shows_hurting_is_found_and_marked_on_the_map() {
    let spec = r#"service "Pain" { language en }
team support { lead lead }
role lead { team support; duty "Leads support" }
channel phone { kind phone; owner support }
segment mass { channels phone }
sla mass_sla for mass { resolution within 2d }
journey repair {
  segments mass
  start call
  step call { owner support; channel phone; next visit }
  step visit { owner support; channel phone; within 30m; next done }
  step done { owner support; channel phone; end "Repaired" }
}
"#;
    // Half the cases stop at `visit` (b is there an hour when the export
    // ends, past its 30 minutes); its effort is 5 of 5.
    let cases = "case,journey,step,entered,effort\n\
        a,repair,call,2026-11-02T09:00:00Z,\n\
        a,repair,visit,2026-11-02T10:00:00Z,5\n\
        a,repair,done,2026-11-02T11:00:00Z,\n\
        b,repair,call,2026-11-02T09:00:00Z,\n\
        b,repair,visit,2026-11-02T10:00:00Z,5\n";
    let (found, measured) = measure_in(spec, "id,segment,channel,created\n", cases);
    assert!(found.contains("spec.cx:11 measured-pain"), "{found:?}");
    assert!(!found.contains("spec.cx:10 measured-pain"), "{found:?}");
    let visit = &measured["journeys"][0]["steps"][1];
    assert_eq!(visit["pain"], serde_json::json!(["dropoff", "effort"]));
    assert_eq!(visit["effort"], 5);
    // Audit 12, M1: with no `within` on the step nor on the journey,
    // nothing runs out: b is still there (under way), not a drop-off.
    let timeless = spec.replace(" within 30m;", "");
    let (_, untimed) = measure_in(&timeless, "id,segment,channel,created\n", cases);
    let journey = &untimed["journeys"][0];
    assert_eq!(
        (
            journey["in_progress"].as_u64(),
            journey["steps"][1]["stopped"].as_u64()
        ),
        (Some(1), Some(0))
    );
    assert_eq!(journey["steps"][1]["pain"], serde_json::json!(["effort"]));
    // The journey's `within` runs out instead: b stopped.
    let journey_timed = timeless.replace(
        "  segments mass\n  start",
        "  segments mass\n  within 30m\n  start",
    );
    assert_ne!(journey_timed, timeless);
    let (_, timed) = measure_in(&journey_timed, "id,segment,channel,created\n", cases);
    assert_eq!(timed["journeys"][0]["steps"][1]["stopped"], 1);
    // The map built with the cases marks the step as it marks a
    // high-effort-step.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spec.cx"), spec).unwrap();
    std::fs::write(dir.path().join("cases.csv"), cases).unwrap();
    let output = common::cxc_in(
        dir.path(),
        &[
            "build",
            "spec.cx",
            "-o",
            "out",
            "--cases",
            "cases.csv",
            "--today",
            common::TODAY,
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let map = std::fs::read_to_string(dir.path().join("out/journeys/repair.md")).unwrap();
    assert!(map.contains("⚠ **visit**"), "{map}");
    assert!(!map.contains("⚠ **call**"), "{map}");
}

/// A step's and a journey's `within` in working days reach the reports as
/// deadlines in words, never as an error of the template that stopped the
/// report (it used to read them as lengths of time). Journeys run on the
/// wall clock, where every day counts: "2 days", never "2 working days"
/// (audit 4, MEDIUM 3).
#[test]
fn working_day_limits_of_journeys_are_worded_in_both_reports() {
    let dir = tempfile::tempdir().unwrap();
    let spec = r#"service "Repairs" { language en }
calendar office { timezone "Europe/Berlin"; open mon-fri 09:00-18:00 }
team support { lead lead }
role lead { team support; duty "Lead" }
channel phone { kind phone; owner support; hours office }
segment mass { channels phone }
sla mass_sla for mass { hours office; answer phone 80% within 30s; resolution within 2wd }
journey repair "Repair" {
  segments mass
  within 3wd
  start call
  step call { owner support; channel phone; within 2wd; next done }
  step done { owner support; channel phone; end "Repaired" }
}
"#;
    std::fs::write(dir.path().join("spec.cx"), spec).unwrap();
    std::fs::write(
        dir.path().join("cases.csv"),
        "case,journey,step,entered\n\
         a,repair,call,2026-11-02T09:00:00Z\n\
         a,repair,done,2026-11-03T15:00:00Z\n",
    )
    .unwrap();
    for (lang, words, never) in [("en", "2 days", "working"), ("ru", "2 дня", "рабочи")] {
        let output = common::cxc_in(
            dir.path(),
            &[
                "measure",
                "spec.cx",
                "--cases",
                "cases.csv",
                "-o",
                lang,
                "--lang",
                lang,
            ],
        );
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        for report in ["report.md", "report.html"] {
            let text = std::fs::read_to_string(dir.path().join(lang).join(report)).unwrap();
            assert!(text.contains(words), "{lang} {report}: {text}");
            assert!(!text.contains(never), "{lang} {report}: {text}");
        }
    }
}

/// A name from the data is shown in the report as typed, as code, however
/// it is spelled: a backtick, a pipe or a tag inside it cannot close its
/// code span, split the table's cell or open an element.
#[test]
fn names_from_the_data_are_code_in_the_report_whatever_they_hold() {
    // As typed; as the code element holds it, HTML-escaped; a tag that
    // must not open.
    for (hostile, code, tag) in [
        (
            "x`y|<b>z</b>",
            "<code>x`y|&lt;b&gt;z&lt;/b&gt;</code>",
            "<b>z",
        ),
        // A newline (kept as its escape, `\u{a}`), backticks at both ends,
        // an entity: one line of code, the backticks kept, the ampersand
        // escaped once.
        (
            "`lead\nline|<i>&amp;`",
            "<code>`lead\\u{a}line|&lt;i&gt;&amp;amp;`</code>",
            "<i>&",
        ),
    ] {
        hostile_name_is_code(hostile, code, tag);
    }
}

fn hostile_name_is_code(hostile: &str, code: &str, tag: &str) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spec.cx"), REPEATS_SPEC).unwrap();
    std::fs::write(
        dir.path().join("contacts.csv"),
        format!(
            "id,segment,channel,created,resolved\n\
             1,\"{hostile}\",phone,2026-11-02T10:00:00Z,2026-11-02T10:05:00Z\n\
             2,mass,phone,2026-11-02T12:00:00Z,2026-11-02T12:10:00Z\n"
        ),
    )
    .unwrap();
    std::fs::write(dir.path().join("cases.csv"), "case,journey,step,entered\n").unwrap();
    let _ = measure_dir(dir.path(), "spec.cx");
    let markdown = std::fs::read_to_string(dir.path().join("out/report.md")).unwrap();
    let html = std::fs::read_to_string(dir.path().join("out/report.html")).unwrap();
    // In both tables that name it (rows set aside, bad data), as code in
    // a row of as many cells as the table's head has; no backtick of the
    // message shows as typed around it.
    let rendered = markdown_html(&markdown);
    let mut rows = 0;
    for table in rendered.split("<table>").skip(1) {
        let table = table.split("</table>").next().unwrap();
        let heads = table.matches("<th>").count() + table.matches("<th ").count();
        for row in table.split("<tr>").filter(|r| r.contains(code)) {
            assert_eq!(row.matches("<td").count(), heads, "{row}");
            let outside = row.replace(code, "");
            assert!(!outside.contains('`'), "{row}");
            rows += 1;
        }
    }
    assert!(rows >= 2, "{hostile:?}: {rendered}");
    assert!(html.contains(code), "{html}");
    assert!(!html.contains(tag), "{html}");
    assert!(!visible_text(&html).contains('`'), "{html}");
}

/// `grammar/exports.md` documents exactly the columns the reader reads:
/// every field of `measure.columns` (and its alias, `topic`) has a row in
/// the contacts or cases table, and no row names a column it ignores.
#[test]
fn the_exports_guide_documents_every_column_the_reader_reads() {
    use cxc::config::fields::Field;
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/grammar/exports.md"))
        .unwrap();
    let mut documented = BTreeSet::new();
    let mut section = "";
    for line in guide.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            section = heading;
            continue;
        }
        if !(section.starts_with("Contacts") || section.starts_with("Cases")) {
            continue;
        }
        let Some(cell) = line.strip_prefix("| `").and_then(|l| l.split(" |").next()) else {
            continue;
        };
        for name in format!("`{cell}").split('`').skip(1).step_by(2) {
            documented.insert(name.to_string());
        }
    }
    let read: BTreeSet<String> = Field::ALL
        .iter()
        .flat_map(|f| [Some(f.name()), f.alias()])
        .flatten()
        .map(str::to_string)
        .collect();
    assert_eq!(documented, read);
}

/// Each figure says what it rests on: its `n`, and the rows set aside from
/// it and why — in `measure.json` and in the reports' "Rows behind the
/// figures". The misses' row of segment `gold` names no segment of the
/// spec, so it is set aside from every contacts figure.
#[test]
fn every_figure_says_the_rows_it_rests_on_and_those_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let _ = cxc(&[
        "measure",
        SPEC,
        "--contacts",
        "tests/measure/misses/contacts.csv",
        "--cases",
        "tests/measure/misses/cases.csv",
        "-o",
        out,
    ]);
    let measured: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("measure.json")).unwrap()).unwrap();
    let targets = measured["targets"].as_array().unwrap();
    assert!(!targets.is_empty());
    for target in targets {
        assert!(target["n"].as_u64().is_some(), "{target}");
        let aside = &target["set_aside"];
        assert_eq!(aside["rows"], 1, "{target}");
        assert_eq!(aside["why"][0]["kind"], "unknown-segment", "{target}");
        assert_eq!(aside["why"][0]["count"], 1, "{target}");
    }
    let markdown = std::fs::read_to_string(dir.path().join("report.md")).unwrap();
    let behind = markdown
        .split("## Rows behind the figures")
        .nth(1)
        .unwrap_or_else(|| panic!("{markdown}"));
    assert!(
        behind.contains("1 (a segment the spec does not have, such as `gold`: 1)"),
        "{behind}"
    );
}

const ASIDE_SPEC: &str = r#"service "Aside" { language en }
team support { lead lead }
role lead { team support; duty "Leads support" }
channel phone { kind phone; owner support }
segment mass { channels phone }
sla mass_sla for mass { resolution within 2d }
journey repair {
  segments mass
  start call
  step call { owner support; channel phone; within 1h; next visit }
  step visit { owner support; channel phone; within 1h; next done }
  step done { owner support; channel phone; end "Repaired" }
}
"#;

const ASIDE_GOOD: &str = "case,journey,step,entered\n\
        a,repair,call,2026-11-02T09:00:00Z\n\
        a,repair,visit,2026-11-02T09:30:00Z\n\
        a,repair,done,2026-11-02T10:00:00Z\n";

/// Audit 12, M1: a case one of whose rows is bad data (a visit to a step
/// the journey lacks) is set aside whole — replayed on its other rows it
/// was a drop-off at `visit` and fired `measured-pain` — and the bad-data
/// finding at the journey says how many cases for how many rows. A bad row
/// with no case id sets aside only itself.
#[test]
fn a_case_with_a_bad_row_is_set_aside_whole() {
    let spec = ASIDE_SPEC;
    let good = ASIDE_GOOD;
    // b's last row names a step the journey lacks; the last row has no case.
    let cases = format!(
        "{good}b,repair,call,2026-11-02T08:00:00Z\n\
         b,repair,visit,2026-11-02T08:10:00Z\n\
         b,repair,survey_sent,2026-11-02T08:20:00Z\n\
         ,repair,visit,2026-11-02T09:40:00Z\n"
    );
    let (found, measured) = measure_in(spec, "id,segment,channel,created\n", &cases);
    let journey = &measured["journeys"][0];
    assert_eq!(
        journey["cases_set_aside"],
        serde_json::json!({"cases": 1, "bad_rows": 1, "visits": 2})
    );
    assert_eq!(journey["cases"], 1);
    assert_eq!(journey["steps"][1]["stopped"], 0);
    assert_eq!(journey["steps"][1]["visits"], 1);
    assert_eq!(measured["rows"]["visits"], 3);
    assert!(found.contains("spec.cx:7 bad-data"), "{found:?}");
    assert!(
        !found.iter().any(|f| f.ends_with("measured-pain")),
        "{found:?}"
    );
    // Every figure is that of the export without b.
    let (_, without) = measure_in(spec, "id,segment,channel,created\n", good);
    for key in [
        "cases",
        "completed",
        "in_progress",
        "steps",
        "end_to_end",
        "detours",
    ] {
        assert_eq!(journey[key], without["journeys"][0][key], "{key}");
    }
    // Replayed on its good rows, b would have stopped at `visit` (past its
    // hour when the export ends at 10:00): a drop-off only the export made.
    let replayed =
        format!("{good}b,repair,call,2026-11-02T08:00:00Z\nb,repair,visit,2026-11-02T08:10:00Z\n");
    let (found, measured) = measure_in(spec, "id,segment,channel,created\n", &replayed);
    assert_eq!(measured["journeys"][0]["steps"][1]["stopped"], 1);
    assert!(found.contains("spec.cx:11 measured-pain"), "{found:?}");
    // A bad row with no case id sets aside no case.
    let bad_only_row = format!("{good},repair,visit,2026-11-02T09:40:00Z\n");
    let (found, measured) = measure_in(spec, "id,segment,channel,created\n", &bad_only_row);
    assert_eq!(measured["journeys"][0]["cases_set_aside"]["cases"], 0);
    assert!(!found.contains("spec.cx:7 bad-data"), "{found:?}");
}

/// Audit 16, L5: the set-aside finding says "line 7" of one bad row and
/// "lines" of more, in English and in Russian («строка 7», «строки 7, 8»).
#[test]
fn set_aside_rows_agree_with_their_number() {
    let one = format!("{ASIDE_GOOD}b,repair,call,2026-11-02T08:00:00Z\nb,repair,visit,2026-11-02T08:10:00Z\nb,repair,survey_sent,2026-11-02T08:20:00Z\n");
    let two =
        format!("{one}c,repair,call,2026-11-02T08:00:00Z\nc,repair,nowhere,2026-11-02T08:20:00Z\n");
    let said = |cases: &str, lang: &str| -> String {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("spec.cx"), ASIDE_SPEC).unwrap();
        std::fs::write(
            dir.path().join("contacts.csv"),
            "id,segment,channel,created\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("cases.csv"), cases).unwrap();
        let output = common::cxc_in(
            dir.path(),
            &[
                "--lang",
                lang,
                "measure",
                "spec.cx",
                "--contacts",
                "contacts.csv",
                "--cases",
                "cases.csv",
                "--format",
                "json",
            ],
        );
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let messages: Vec<String> = (report["diagnostics"].as_array().unwrap().iter())
            .map(|d| d["message"].as_str().unwrap().to_string())
            .filter(|m| m.contains("repair"))
            .collect();
        messages.join("\n")
    };
    let en = said(&one, "en");
    assert!(en.contains("(cases export, line 7)"), "{en}");
    let ru = said(&one, "ru");
    assert!(ru.contains("(выгрузка случаев, строка 7)"), "{ru}");
    let en = said(&two, "en");
    assert!(en.contains("(cases export, lines 7, 9)"), "{en}");
    let ru = said(&two, "ru");
    assert!(ru.contains("(выгрузка случаев, строки 7, 9)"), "{ru}");
}

/// Audit 13, L4 and what was left of audit 12, M1: the cases' period is
/// that of the cases kept — a case set aside whole for a bad row widens it
/// by none of its days — and the report says the zone its days are
/// counted in (the home zone), in English and Russian.
#[test]
fn the_periods_count_only_cases_kept_and_name_their_zone() {
    let spec = r#"service "Aside" { language en }
calendar office { timezone "America/Los_Angeles"; open mon-fri 09:00-18:00 }
team support { lead lead }
role lead { team support; duty "Leads support" }
channel phone { kind phone; owner support; hours office }
segment mass { channels phone }
sla mass_sla for mass { hours office; resolution within 2d }
journey repair {
  segments mass
  start call
  step call { owner support; channel phone; within 1h; next done }
  step done { owner support; channel phone; end "Repaired" }
}
"#;
    // a is kept, on 2 November in Los Angeles; b, on 30 October, has a row
    // naming a step the journey lacks and is set aside whole.
    let cases = "case,journey,step,entered\n\
        a,repair,call,2026-11-02T17:00:00Z\n\
        a,repair,done,2026-11-02T17:30:00Z\n\
        b,repair,call,2026-10-30T17:00:00Z\n\
        b,repair,survey_sent,2026-10-30T17:20:00Z\n";
    // 3 November 02:00 UTC is still 2 November in Los Angeles.
    let contacts = "id,segment,channel,created\n1,mass,phone,2026-11-03T02:00:00Z\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spec.cx"), spec).unwrap();
    std::fs::write(dir.path().join("contacts.csv"), contacts).unwrap();
    std::fs::write(dir.path().join("cases.csv"), cases).unwrap();
    let (_, measured) = measure_dir(dir.path(), "spec.cx");
    assert_eq!(measured["journeys"][0]["cases_set_aside"]["cases"], 1);
    let day = serde_json::json!({"from": "2026-11-02", "to": "2026-11-02"});
    assert_eq!(measured["cases_period"], day, "b's day is in no period");
    assert_eq!(measured["contacts_period"], day, "a day in the home zone");
    let report = std::fs::read_to_string(dir.path().join("out/report.md")).unwrap();
    assert!(
        report.contains("Days are counted in Los Angeles time."),
        "{report}"
    );
    let report = russian_report(dir.path());
    assert!(
        report.contains("Дни считаются по времени Лос-Анджелеса."),
        "{report}"
    );
}

/// Audit 14, M4: a promise with its own `hours` (a calendar open 24x7, the
/// law's 30 calendar days) is measured on them, not on its office-hours
/// channel's: a letter answered after 35 days breaks it, while the same
/// letter keeps the promise counted on the channel's 720 office hours.
#[test]
fn a_promise_is_measured_on_its_own_hours() {
    let spec = r#"service "Letters" { language en }
team office_team { lead clerk }
role clerk { team office_team; duty "Answers letters" }
calendar office { open mon-fri 09:00-18:00 }
calendar every_day "Calendar days" { open 24x7 }
channel letters "Letters" { kind email; hours office; owner office_team }
segment citizens { channels letters }
sla letters_sla for citizens { hours office; first_response letters within 20wd }
promise law "We answer within 30 days, counted only while we are open" {
  segments citizens; channel letters; within 30d; on_breach apologize
}
promise law_calendar "We answer your letter within 30 days" {
  segments citizens; channel letters; hours every_day; within 30d; on_breach apologize
}
"#;
    let contacts = "\
id,segment,channel,created,first_response
1,citizens,letters,2026-10-01T10:00:00Z,2026-11-05T10:00:00Z
2,citizens,letters,2026-10-02T10:00:00Z,2026-10-12T10:00:00Z
";
    let (found, _) = measure_in(spec, contacts, "case,journey,step,entered\n");
    let broken: Vec<&String> = found
        .iter()
        .filter(|f| f.contains("promise-broken"))
        .collect();
    // law_calendar is declared on line 12; law, on line 9.
    assert_eq!(broken, vec!["spec.cx:12 promise-broken"], "{found:?}");
}

/// A key of `exports.segments` that names no segment of the spec is said
/// at its cxc.yaml line by `measure` too (the segment's rows, written by
/// their export name, are then unknown segments); spelt right, the rows
/// are the segment's and cxc.yaml has nothing to say.
#[test]
fn measure_names_an_export_key_the_spec_lacks_at_its_line() {
    for (key, misspelt) in [("mas", true), ("mass", false)] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("cxc.yaml"),
            format!("exports:\n  segments:\n    {key}: mass_market\n"),
        )
        .unwrap();
        let contacts = REPEATS_CONTACTS.replace(",mass,", ",mass_market,");
        let (found, measured) = measure_in_dir(dir.path(), REPEATS_SPEC, &contacts);
        let yaml = found.contains("cxc.yaml:3 inexact-export");
        assert_eq!(yaml, misspelt, "{key}: {found:?}");
        let unknown = found.iter().any(|f| f.starts_with("contacts.csv:"));
        assert_eq!(unknown, misspelt, "{key}: {found:?}");
        if !misspelt {
            assert_eq!(measured["segments"][0]["contacts"], 5, "{measured}");
        }
    }
}

/// `measure_in` in a folder that already holds (say) a cxc.yaml.
fn measure_in_dir(
    dir: &std::path::Path,
    spec: &str,
    contacts: &str,
) -> (BTreeSet<String>, serde_json::Value) {
    std::fs::write(dir.join("spec.cx"), spec).unwrap();
    std::fs::write(dir.join("contacts.csv"), contacts).unwrap();
    if !dir.join("cases.csv").exists() {
        std::fs::write(dir.join("cases.csv"), "case,journey,step,entered\n").unwrap();
    }
    measure_dir(dir, "spec.cx")
}

/// A spec with errors is not measured (exit 1); with `--format json` or
/// `sarif` its errors are the report on stdout, as `cxc check` gives them,
/// not an empty stdout a CI job cannot read.
#[test]
fn a_spec_with_errors_is_reported_in_the_format_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("spec.cx"),
        REPEATS_SPEC.replace("sla mass_sla for mass", "sla mass_sla for nobody"),
    )
    .unwrap();
    std::fs::write(dir.path().join("contacts.csv"), REPEATS_CONTACTS).unwrap();
    for format in ["json", "sarif"] {
        let output = common::cxc_in(
            dir.path(),
            &[
                "measure",
                "spec.cx",
                "--contacts",
                "contacts.csv",
                "--format",
                format,
            ],
        );
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        let report = common::json(&output);
        let codes = if format == "json" {
            located(&report)
        } else {
            report["runs"][0]["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["ruleId"].as_str().unwrap().to_string())
                .collect()
        };
        assert!(
            codes.iter().any(|c| c.ends_with("unknown-reference")),
            "{format}: {codes:?}"
        );
    }
}
