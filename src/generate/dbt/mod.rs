//! `cxc build --target dbt`: a dbt project (`dbt/`) that computes the
//! figures of `measure.json` inside a warehouse, from the same spec.
//!
//! The SQL is the same for every spec (`project/`, embedded): it reads the
//! spec as data — seeds written here: names, SLA targets, promises,
//! complaint duties, journeys, and the business clocks as tables
//! (`time`). What comes from the spec reaches SQL only as seed values
//! (CSV-quoted data, never code), YAML strings, and Jinja string literals
//! of which every character but a few safe ASCII ones is a `\u` escape; the
//! macros quote them for the engine's dialect.

mod metrics;
mod money;
mod spec;
mod time;

use super::Files;
use crate::measure::clock::Clock;
use crate::measure::rows::Columns;
use crate::measure::Settings;
use crate::model::Model;
use crate::syntax::values::Language;

/// A seed: its columns (name and kind: `s` text, `i` whole number, `d`
/// number) and rows. An empty text is written `-` (no identifier can be
/// that): dbt-spark loads an empty text cell as the word `None`; the models
/// read `-` as none (`cxc_none`).
pub struct Table {
    columns: Vec<(String, char)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new<S: AsRef<str>>(columns: &[(S, char)]) -> Table {
        Table {
            columns: columns
                .iter()
                .map(|(name, kind)| (name.as_ref().to_string(), *kind))
                .collect(),
            rows: Vec::new(),
        }
    }

    fn row<const N: usize>(&mut self, values: [String; N]) {
        debug_assert_eq!(N, self.columns.len());
        self.rows.push(values.to_vec());
    }

    fn csv(&self) -> Vec<u8> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let header: Vec<&str> = self.columns.iter().map(|c| c.0.as_str()).collect();
        writer.write_record(&header).expect("writes to memory");
        for row in &self.rows {
            let row = row.iter().zip(&self.columns).map(|(value, (_, kind))| {
                if value.is_empty() && *kind == 's' {
                    "-"
                } else {
                    value.as_str()
                }
            });
            writer.write_record(row).expect("writes to memory");
        }
        writer.into_inner().expect("writes to memory")
    }
}

const STATIC: &[(&str, &str)] = &[
    (
        "macros/cross_db.sql",
        include_str!("project/macros/cross_db.sql"),
    ),
    ("macros/time.sql", include_str!("project/macros/time.sql")),
    (
        "macros/sources.sql",
        include_str!("project/macros/sources.sql"),
    ),
    (
        "models/cxc_contacts_read.sql",
        include_str!("project/models/cxc_contacts_read.sql"),
    ),
    (
        "models/cxc_contacts.sql",
        include_str!("project/models/cxc_contacts.sql"),
    ),
    (
        "models/cxc_cases_read.sql",
        include_str!("project/models/cxc_cases_read.sql"),
    ),
    (
        "models/cxc_visits.sql",
        include_str!("project/models/cxc_visits.sql"),
    ),
    (
        "models/cxc_case_segments.sql",
        include_str!("project/models/cxc_case_segments.sql"),
    ),
    (
        "models/cxc_cases_set_aside.sql",
        include_str!("project/models/cxc_cases_set_aside.sql"),
    ),
    (
        "models/journey_set_aside.sql",
        include_str!("project/models/journey_set_aside.sql"),
    ),
    (
        "models/sla_metrics.sql",
        include_str!("project/models/sla_metrics.sql"),
    ),
    (
        "models/cxc_as_of.sql",
        include_str!("project/models/cxc_as_of.sql"),
    ),
    (
        "models/attainment.sql",
        include_str!("project/models/attainment.sql"),
    ),
    (
        "models/promises_kept.sql",
        include_str!("project/models/promises_kept.sql"),
    ),
    (
        "models/complaint_duties.sql",
        include_str!("project/models/complaint_duties.sql"),
    ),
    (
        "models/journey_visits.sql",
        include_str!("project/models/journey_visits.sql"),
    ),
    (
        "models/journey_cases.sql",
        include_str!("project/models/journey_cases.sql"),
    ),
    (
        "models/journey_promise_cases.sql",
        include_str!("project/models/journey_promise_cases.sql"),
    ),
    (
        "models/journey_steps.sql",
        include_str!("project/models/journey_steps.sql"),
    ),
    (
        "models/journeys.sql",
        include_str!("project/models/journeys.sql"),
    ),
    (
        "models/journey_deviations.sql",
        include_str!("project/models/journey_deviations.sql"),
    ),
    (
        "models/repeat_contacts.sql",
        include_str!("project/models/repeat_contacts.sql"),
    ),
    (
        "models/repeats.sql",
        include_str!("project/models/repeats.sql"),
    ),
    (
        "models/repeat_switches.sql",
        include_str!("project/models/repeat_switches.sql"),
    ),
    (
        "models/segment_metrics.sql",
        include_str!("project/models/segment_metrics.sql"),
    ),
    (
        "models/cost_to_serve.sql",
        include_str!("project/models/cost_to_serve.sql"),
    ),
    (
        "models/revenue_at_risk.sql",
        include_str!("project/models/revenue_at_risk.sql"),
    ),
    (
        "models/savings.sql",
        include_str!("project/models/savings.sql"),
    ),
    (
        "models/cxc_causes.sql",
        include_str!("project/models/cxc_causes.sql"),
    ),
    (
        "models/complaint_causes.sql",
        include_str!("project/models/complaint_causes.sql"),
    ),
    (
        "models/complaint_cause_weeks.sql",
        include_str!("project/models/complaint_cause_weeks.sql"),
    ),
    (
        "models/complaint_cause_segments.sql",
        include_str!("project/models/complaint_cause_segments.sql"),
    ),
    ("models/pain.sql", include_str!("project/models/pain.sql")),
    (
        "models/bad_rows.sql",
        include_str!("project/models/bad_rows.sql"),
    ),
    (
        "models/sources.yml",
        include_str!("project/models/sources.yml"),
    ),
    (
        "tests/clock_covers_the_data.sql",
        include_str!("project/tests/clock_covers_the_data.sql"),
    ),
    ("profiles.yml", include_str!("project/profiles.yml")),
];

/// The project's README in `language`: the blocks of
/// `project/README.both.md` marked for it, and those marked for neither
/// (the commands), in their order; a note to the maintainer (any other
/// comment block) is left out.
pub(crate) fn readme(language: Language) -> String {
    let mark = match language {
        Language::En => "<!-- en -->\n",
        Language::Ru => "<!-- ru -->\n",
    };
    let blocks: Vec<&str> = include_str!("project/README.both.md")
        .trim_end()
        .split("\n\n")
        .filter_map(|block| match block.strip_prefix(mark) {
            Some(mine) => Some(mine),
            None if block.starts_with("<!--") => None,
            None => Some(block),
        })
        .collect();
    blocks.join("\n\n") + "\n"
}

/// The project's files, by path under `dbt/`.
pub fn project(model: &Model, settings: &Settings, columns: &Columns, language: Language) -> Files {
    let mut files = Files::new();
    for (path, text) in STATIC {
        files.insert(format!("dbt/{path}"), text.as_bytes().to_vec());
    }
    files.insert("dbt/README.md".into(), readme(language).into_bytes());
    let spec = spec::Spec::new(model, settings);
    let mut seeds: Vec<(&str, Table)> = spec.tables();
    let calendars: Vec<(String, Clock)> = spec
        .clocked
        .iter()
        .map(|&c| {
            (
                model.calendars[c].header.id.to_string(),
                Clock::of(&model.calendars[c]),
            )
        })
        .collect();
    seeds.push(("cxc_prices", money::prices(model)));
    seeds.push(("cxc_segment_money", money::segments(model)));
    seeds.push(("cxc_money_settings", money::settings(settings)));
    seeds.push(("cxc_clock", time::clock_table(&calendars)));
    seeds.push(("cxc_zone_utc", time::zone_utc(&spec.zones)));
    seeds.push(("cxc_zone_local", time::zone_local(&spec.zones)));
    seeds.push(("cxc_buckets", time::buckets_table()));
    let workdays: Vec<time::Workdays> = spec
        .workdays
        .borrow()
        .iter()
        .map(|(&calendar, &most)| time::Workdays {
            key: calendar.map_or(String::new(), |c| model.calendars[c].header.id.to_string()),
            clock: spec.clocks.clock(calendar),
            tz: &spec.zones[spec.zone_index(calendar)],
            most,
        })
        .collect();
    let (workday_of, workday_close) = time::workday_tables(&workdays);
    seeds.push(("cxc_workday_of", workday_of));
    seeds.push(("cxc_workday_close", workday_close));
    let mut types = String::new();
    for (name, table) in &seeds {
        files.insert(format!("dbt/seeds/{name}.csv"), table.csv());
        types.push_str(&format!("    {name}:\n      +column_types:\n"));
        for (column, kind) in &table.columns {
            let t = match kind {
                's' => "\"{{ 'string' if target.type in ['spark', 'databricks', 'bigquery'] else 'varchar' }}\"",
                'i' => "\"{{ 'int64' if target.type == 'bigquery' else 'bigint' }}\"",
                _ => "\"{{ 'float64' if target.type == 'bigquery' else 'double' }}\"",
            };
            types.push_str(&format!("        {column}: {t}\n"));
        }
    }
    files.insert(
        "dbt/dbt_project.yml".into(),
        include_str!("project/dbt_project.yml")
            .replace("#SEEDS#\n", &types)
            .into_bytes(),
    );
    files.insert(
        "dbt/macros/spec.sql".into(),
        spec_macros(spec.zones.len(), columns).into_bytes(),
    );
    files.insert(
        "dbt/models/schema.yml".into(),
        spec::schema(model).into_bytes(),
    );
    files
}

/// The macros that carry the spec's zones and `measure.columns`.
fn spec_macros(zones: usize, columns: &Columns) -> String {
    let ids: Vec<String> = (0..zones).map(|z| z.to_string()).collect();
    let map: Vec<String> = columns
        .0
        .iter()
        .map(|(field, column)| format!("{}: {}", jinja_string(field), jinja_string(column)))
        .collect();
    format!(
        "{{#- Written by cxc from the spec and its cxc.yaml: the time zones of its\n    \
         calendars (0: the home zone) and the export's column for each field\n    \
         (measure.columns). -#}}\n\
         {{% macro cxc_zone_ids() -%}}{{{{ return([{}]) }}}}{{%- endmacro %}}\n\
         {{% macro cxc_column_map() -%}}{{{{ return({{{}}}) }}}}{{%- endmacro %}}\n\
         {{#- How cxc lists complaint causes (measure::causes, report::causes). -#}}\n\
         {{% macro cxc_causes_shown() -%}}{}{{%- endmacro %}}\n\
         {{% macro cxc_causes_weeks() -%}}{}{{%- endmacro %}}\n\
         {{% macro cxc_trend_min() -%}}{}{{%- endmacro %}}\n\
         {{% macro cxc_causes_distinct_max() -%}}{}{{%- endmacro %}}\n",
        ids.join(", "),
        map.join(", "),
        super::report::causes::SHOWN,
        super::report::causes::WEEKS,
        crate::measure::causes::TREND_MIN,
        crate::measure::causes::MAX_DISTINCT,
    )
}

/// A Jinja string literal: every character but ASCII letters, digits,
/// space, `_`, `-` and `.` as a `\u`/`\U` escape, so no text — quotes,
/// braces, Jinja or SQL — can change the template around it.
pub fn jinja_string(text: &str) -> String {
    let mut out = String::from("'");
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.') {
            out.push(c);
        } else {
            out.push_str(&format!("\\U{:08x}", u32::from(c)));
        }
    }
    out.push('\'');
    out
}

/// A YAML double-quoted string.
pub fn yaml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || !c.is_ascii() && c.is_whitespace() => {
                out.push_str(&format!("\\U{:08x}", u32::from(c)))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests;
