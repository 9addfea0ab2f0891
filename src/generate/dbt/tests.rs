use super::*;
use crate::pipeline::compile_clean;

const SPEC: &str = r#"
calendar office { timezone "Europe/Moscow"; open mon-fri 09:00-18:00; closed 2026-11-04 }
calendar always { open 24x7 }
team support { lead lead }
role lead { team support; duty "Lead" }
channel phone { kind phone; owner support; hours office }
channel email { kind email; owner support }
segment vip { channels phone, email }
sla vip_sla "Quote ' \" \\ {{ x }}" for vip {
  hours office
  answer phone 80% within 20s
  resolution within 1d
}
"#;

fn built(columns: &[(&str, &str)]) -> Files {
    let compiled = compile_clean(SPEC);
    let columns = Columns(
        columns
            .iter()
            .map(|(f, c)| (f.to_string(), c.to_string()))
            .collect(),
    );
    project(
        &compiled.specs[0].model,
        &Settings::default(),
        &columns,
        Language::En,
    )
}

fn text(files: &Files, path: &str) -> String {
    String::from_utf8(files[path].clone()).unwrap()
}

#[test]
fn jinja_strings_hold_any_text_as_escapes_of_plain_ascii() {
    let hostile = "a'b\"c{{ 7 }}{% raw %}\\`\n\u{0}ё";
    let literal = jinja_string(hostile);
    let inner = &literal[1..literal.len() - 1];
    assert!(
        inner
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " _-.\\".contains(c)),
        "{literal}"
    );
    // Read back as Jinja (Python's unicode-escape) reads it.
    let mut back = String::new();
    let mut rest = inner;
    while let Some(at) = rest.find("\\U") {
        back.push_str(&rest[..at]);
        let code = u32::from_str_radix(&rest[at + 2..at + 10], 16).unwrap();
        back.push(char::from_u32(code).unwrap());
        rest = &rest[at + 10..];
    }
    back.push_str(rest);
    assert_eq!(back, hostile);
}

#[test]
fn yaml_strings_escape_quotes_backslashes_and_control_characters() {
    assert_eq!(yaml_string("a\"b\\c\nd"), "\"a\\\"b\\\\c\\U0000000ad\"");
}

#[test]
fn the_project_carries_the_spec_as_data_and_column_names_as_escapes() {
    let files = built(&[("created", "Created ' At"), ("id", "{{ evil }}")]);
    let macros = text(&files, "dbt/macros/spec.sql");
    assert!(
        macros.contains("'created': 'Created \\U00000027 At'"),
        "{macros}"
    );
    assert!(!macros.contains("evil }}"), "{macros}");
    // One zone: Moscow, the home zone, which the calendar without a
    // timezone reads local times in too (outside audit 6, F6; was UTC).
    assert!(macros.contains("return([0])"), "{macros}");
    // Spec titles reach no file of the project: ids only.
    for (path, bytes) in &files {
        assert!(
            !String::from_utf8_lossy(bytes).contains("Quote '"),
            "{path}"
        );
    }
    let targets = text(&files, "dbt/seeds/cxc_sla_targets.csv");
    // The answer target on phone; resolution on both channels; the
    // 24x7 calendar is wall time, the office calendar a clock.
    assert_eq!(targets.lines().count(), 1 + 1 + 2, "{targets}");
    assert!(
        targets.contains("vip_sla,0,vip,email,resolution,2,0,-,86400,,office,95,office,0"),
        "{targets}"
    );
    let project = text(&files, "dbt/dbt_project.yml");
    for seed in files.keys().filter_map(|p| p.strip_prefix("dbt/seeds/")) {
        let name = seed.trim_end_matches(".csv");
        assert!(
            project.contains(&format!("    {name}:\n      +column_types:")),
            "{name}"
        );
    }
    let clock = text(&files, "dbt/seeds/cxc_clock.csv");
    assert!(
        clock.lines().skip(1).all(|l| l.starts_with("office,")),
        "only the office hours are a clock"
    );
}

#[test]
fn schema_tests_name_the_specs_segments_and_channels() {
    let files = built(&[]);
    let schema = text(&files, "dbt/models/schema.yml");
    assert!(schema.contains("values: [\"vip\"]"), "{schema}");
    assert!(
        schema.contains("values: [\"phone\", \"email\"]"),
        "{schema}"
    );
}

/// Outside audit 11, L14: dbt named an accepted-values test by its values,
/// Cyrillic as underscores (`accepted_values_pain_step______`). Each is
/// named by its model and column: ASCII, unique and the same whatever the
/// spec's alphabet.
#[test]
fn accepted_values_tests_are_named_by_model_and_column_in_ascii() {
    let compiled = compile_clean(
        r#"
team поддержка { lead лид }
role лид { team поддержка; duty "Руководит" }
channel телефон { kind phone; owner поддержка }
segment вип { channels телефон }
sla вип_sla for вип { answer телефон 80% within 20s }
journey заказ {
  segments вип
  start приём
  step приём { owner поддержка; channel телефон; within 1h; end "Принят" }
}
"#,
    );
    let model = &compiled.specs[0].model;
    let files = project(
        model,
        &Settings::default(),
        &Columns::default(),
        Language::En,
    );
    let schema = text(&files, "dbt/models/schema.yml");
    assert!(schema.contains("values: [\"вип\"]"), "{schema}");
    let lines: Vec<&str> = schema.lines().collect();
    let mut names = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.trim() == "- accepted_values:" {
            let name = lines[i + 1].trim().strip_prefix("name: ").unwrap();
            names.push(name.to_string());
        }
    }
    assert!(names.len() > 5, "{schema}");
    for name in &names {
        assert!(
            name.starts_with("accepted_values_")
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'),
            "{name}"
        );
    }
    assert!(names.contains(&"accepted_values_journey_steps_step".to_string()));
    let unique: std::collections::BTreeSet<_> = names.iter().collect();
    assert_eq!(unique.len(), names.len(), "{names:?}");
}

#[test]
fn prices_are_measures_per_segment_and_channel_and_only_where_stated() {
    let compiled = compile_clean(
        r#"
team support { lead lead }
role lead { team support; headcount 1; cost 900 per hour; duty "Lead" }
role agent { team support; headcount 3; cost 600 per hour; duty "Answer" }
channel phone { kind phone; owner support; cost 15 per contact }
channel email { kind email; owner support }
channel app { kind portal; self_service; cost 2 per contact }
segment vip { channels phone, email, app }
sla vip_sla for vip { answer phone 80% within 20s; target fcr >= 80% }
queue vip_line { channel phone; segments vip; team support; aht 6m; concurrency 2 }
"#,
    );
    let model = &compiled.specs[0].model;
    let files = project(
        model,
        &Settings::default(),
        &Columns::default(),
        Language::En,
    );
    let prices = text(&files, "dbt/seeds/cxc_prices.csv");
    let (vip, phone) = (crate::model::Idx::new(0), crate::model::Idx::new(0));
    let p = crate::measure::money::price(model, vip, phone);
    // The agents' 600 an hour: the lead answers none of the line (outside
    // audit 6, F8; the blend with the lead was 675): measure's own price.
    assert_eq!(p.per_hour, 600.0);
    let row = format!("vip,phone,15,{},vip_line,360,2", p.per_hour);
    assert!(prices.contains(&row), "{prices}");
    assert!(prices.contains("vip,app,2,0,-,,1"), "{prices}");
    assert!(!prices.contains("email"), "e-mail is not priced: {prices}");
    let segments = text(&files, "dbt/seeds/cxc_segment_money.csv");
    assert!(segments.contains("vip,,,0.8"), "{segments}");
    let channels = text(&files, "dbt/seeds/cxc_channels.csv");
    assert!(
        channels.contains("app,2,1") && channels.contains("phone,0,0"),
        "{channels}"
    );
    let settings = text(&files, "dbt/seeds/cxc_money_settings.csv");
    assert!(settings.ends_with("\n4,30,2,100,\n"), "{settings}");
}

/// The README is written in the build's language (audit 14, L8: English
/// in a `--lang ru` build), block for block as the English one, with the
/// same commands.
#[test]
fn the_readme_is_in_the_language_of_the_build() {
    let (en, ru) = (readme(Language::En), readme(Language::Ru));
    let blocks = |t: &str| t.split("\n\n").map(str::to_string).collect::<Vec<_>>();
    let (en, ru) = (blocks(&en), blocks(&ru));
    assert_eq!(en.len(), ru.len());
    assert!(en[0].starts_with("# The service standards"), "{}", en[0]);
    assert!(ru[0].starts_with("# Стандарты обслуживания"), "{}", ru[0]);
    for (e, r) in en.iter().zip(&ru) {
        assert!(!e.contains("<!--") && !r.contains("<!--"), "{e}\n{r}");
        if e.starts_with("    ") {
            // The commands are the same in both.
            assert_eq!(e, r);
            continue;
        }
        // Prose in Russian: its words outside `code` are Cyrillic, bar
        // names of products and formats.
        let outside: String = r.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let latin: Vec<&str> = outside
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 2)
            .filter(|w| {
                ![
                    "cxc",
                    "dbt",
                    "https",
                    "docs",
                    "getdbt",
                    "com",
                    "CSAT",
                    "CES",
                    "NPS",
                    "FCR",
                    "SLA",
                    "CSV",
                    "DuckDB",
                    "Spark",
                    "Parquet",
                    "pyspark",
                    "Java",
                    "JVM",
                    "RFC",
                    "Cloud",
                    "Airflow",
                    "cron",
                    "Trino",
                    "BigQuery",
                    "Snowflake",
                    "seed",
                    "Seed",
                    "timestamp",
                    "UTC",
                    "SQL",
                ]
                .contains(w)
            })
            .collect();
        assert!(
            latin.is_empty(),
            "English in the Russian README: {latin:?}\n{r}"
        );
    }
}
