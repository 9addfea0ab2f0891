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
        match serde_json::from_str::<First>(line) {
            Ok(First(serde_json::Value::Object(map), doubled)) => {
                // A key named twice: said, and the first value read, as a
                // CSV header's column named twice is.
                if let Some(key) = doubled {
                    each(Err(BadRow {
                        example: Some(key),
                        ..BadRow::unread(number, Flaw::DuplicateKey)
                    }));
                }
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

/// A JSON value with the first of each object's values for a key kept,
/// and the first key some object names more than once (serde_json keeps
/// the last). serde_json's depth limit still holds: this is its visitor.
struct First(serde_json::Value, Option<String>);

impl<'de> serde::Deserialize<'de> for First {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<First, D::Error> {
        d.deserialize_any(FirstVisitor)
    }
}

struct FirstVisitor;

impl<'de> serde::de::Visitor<'de> for FirstVisitor {
    type Value = First;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<First, E> {
        Ok(First(v.into(), None))
    }

    fn visit_i64<E>(self, v: i64) -> Result<First, E> {
        Ok(First(v.into(), None))
    }

    fn visit_u64<E>(self, v: u64) -> Result<First, E> {
        Ok(First(v.into(), None))
    }

    fn visit_f64<E>(self, v: f64) -> Result<First, E> {
        Ok(First(v.into(), None))
    }

    fn visit_str<E>(self, v: &str) -> Result<First, E> {
        Ok(First(v.into(), None))
    }

    fn visit_string<E>(self, v: String) -> Result<First, E> {
        Ok(First(v.into(), None))
    }

    fn visit_unit<E>(self) -> Result<First, E> {
        Ok(First(serde_json::Value::Null, None))
    }

    fn visit_none<E>(self) -> Result<First, E> {
        Ok(First(serde_json::Value::Null, None))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<First, A::Error> {
        let (mut values, mut doubled) = (Vec::new(), None);
        while let Some(First(value, inner)) = seq.next_element()? {
            values.push(value);
            doubled = doubled.or(inner);
        }
        Ok(First(serde_json::Value::Array(values), doubled))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<First, A::Error> {
        let (mut object, mut doubled) = (serde_json::Map::new(), None);
        while let Some(key) = map.next_key::<String>()? {
            let First(value, inner) = map.next_value()?;
            if object.contains_key(&key) {
                doubled = doubled.or(Some(key));
            } else {
                object.insert(key, value);
                doubled = doubled.or(inner);
            }
        }
        Ok(First(serde_json::Value::Object(object), doubled))
    }
}
