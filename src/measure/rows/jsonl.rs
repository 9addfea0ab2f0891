//! JSON Lines exports: one object a line, nested objects read by dotted path.

use super::capped;
use super::{BadRow, Columns, Field, Fields, Flaw, Reader, Row};
use std::io::BufRead;

/// A JSON object's scalar values by dotted path: `{"via": {"channel":
/// "voice"}}` holds `via.channel`, so a help desk's nested records map
/// like flat ones (numbers are read as their text).
struct JsonRow(Vec<(String, String)>);

/// How deep nested objects are followed; deeper values are not fields.
const JSON_DEPTH: usize = 8;

impl JsonRow {
    fn new(map: &serde_json::Map<String, serde_json::Value>) -> JsonRow {
        fn walk(
            prefix: &str,
            map: &serde_json::Map<String, serde_json::Value>,
            depth: usize,
            out: &mut Vec<(String, String)>,
        ) {
            for (key, value) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                match value {
                    // TaskRouter keeps a task's `attributes` as a JSON text.
                    serde_json::Value::String(s) if s.starts_with('{') && depth < JSON_DEPTH => {
                        match serde_json::from_str::<serde_json::Value>(s) {
                            Ok(serde_json::Value::Object(inner)) => {
                                walk(&path, &inner, depth + 1, out)
                            }
                            _ => out.push((path, s.trim().to_string())),
                        }
                    }
                    serde_json::Value::String(s) => out.push((path, s.trim().to_string())),
                    serde_json::Value::Number(n) => out.push((path, n.to_string())),
                    serde_json::Value::Object(inner) if depth < JSON_DEPTH => {
                        walk(&path, inner, depth + 1, out)
                    }
                    _ => {}
                }
            }
        }
        let mut fields = Vec::new();
        walk("", map, 0, &mut fields);
        JsonRow(fields)
    }
}

impl Fields for JsonRow {
    fn get(&self, field: Field, columns: &Columns) -> Option<&str> {
        columns
            .candidates(field)
            .find_map(|name| self.0.iter().find(|(k, _)| k == name))
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }
}

/// Reads rows from JSON Lines: one object per line, blank lines skipped.
pub fn jsonl_rows<T: Row>(
    input: impl BufRead,
    columns: &Columns,
    mut each: impl FnMut(Result<T::Of<'_>, BadRow>),
) {
    let mut input = input;
    let mut bytes = Vec::new();
    let mut number = 0;
    loop {
        number += 1;
        let line = match capped::capped_line(&mut input, &mut bytes) {
            Ok(None) => break,
            Ok(Some(true)) => std::str::from_utf8(&bytes).ok(),
            Ok(Some(false)) => {
                each(Err(BadRow::unread(number, Flaw::TooLong)));
                continue;
            }
            Err(_) => {
                // The file itself cannot be read on: one finding, not one per try.
                each(Err(BadRow::unread(number, Flaw::Unreadable)));
                break;
            }
        };
        let Some(line) = line else {
            each(Err(BadRow::unread(number, Flaw::Unreadable)));
            continue;
        };
        let line = line.strip_suffix('\r').unwrap_or(line);
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(serde_json::Value::Object(map)) => {
                each(T::read(&Reader {
                    row: &JsonRow::new(&map),
                    columns,
                    line: number,
                    subject: T::SUBJECT,
                }));
            }
            _ => each(Err(BadRow::unread(number, Flaw::Unreadable))),
        }
    }
}
