//! Bounds on the values user templates build, not only on what they write.
//!
//! A filter can turn a small value into a huge one in one call: `indent` a
//! long text by a wide margin, `join` a list repeated a billion times,
//! `replace` every character, `format` with a width of a billion. For user
//! templates every filter that builds a value is replaced by the same
//! filter behind a check: the size of what it would build is worked out
//! from its arguments first (without building it), and past the limit the
//! render stops with an error naming the filter. What a template prints,
//! inside `{% set %}` blocks too, is counted by the formatter.

use minijinja::value::{Rest, ValueKind};
use minijinja::{Environment, Error, ErrorKind, State, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The bytes of every value the guarded filters and operators built in the
/// current document, and the most they may add up to. Each value is capped
/// on its own, but a template can keep many: 200 `{% set %}` variables of
/// 16 MB each (attack 12, M3). Counting what is built, kept or not, bounds
/// what can be live at once, and the work of building it.
#[derive(Debug)]
pub struct Made {
    bytes: AtomicU64,
    limit: AtomicU64,
}

impl Default for Made {
    fn default() -> Self {
        Made {
            bytes: AtomicU64::new(0),
            limit: AtomicU64::new(u64::MAX),
        }
    }
}

impl Made {
    /// A new document, which may build values of `limit` bytes in all.
    pub fn start(&self, limit: u64) {
        self.bytes.store(0, Ordering::Relaxed);
        self.limit.store(limit, Ordering::Relaxed);
    }

    /// Counts a value of `size` bytes built; past the limit, the error
    /// that stops the render.
    pub fn add(&self, size: u64) -> Result<(), Error> {
        let so_far = self
            .bytes
            .fetch_add(size, Ordering::Relaxed)
            .saturating_add(size);
        let limit = self.limit.load(Ordering::Relaxed);
        if so_far > limit {
            return Err(Error::new(
                ErrorKind::InvalidOperation,
                format!(
                    "the values built in this document add up to more than {} \
                     (the limit for user templates: a runaway template)",
                    crate::loader::read::bytes(limit)
                ),
            ));
        }
        Ok(())
    }

    /// The bytes built so far in this document.
    #[cfg(test)]
    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }
}

/// Filters that build a value from their arguments, each registered again
/// under a name no template can write (`cxc:NAME`), called by its guard.
const GUARDED: &[&str] = &[
    "indent", "join", "replace", "format", "pprint", "upper", "lower", "title", "escape", "e",
    "string", "list", "sort", "reverse", "unique", "dictsort", "items", "batch", "slice",
    "groupby", "sum", "min", "max", "chain", "zip", "map", "select", "reject", "lines", "split",
    "trim",
];

/// Bytes an item of a list or map counts for, besides its contents.
const ITEM: u64 = 16;

/// Replaces every filter of [`GUARDED`] in `env` by one that refuses to
/// build a value larger than `limit` bytes, and counts what it builds in
/// `made`.
pub fn guard(env: &mut Environment<'static>, limit: u64, made: &Arc<Made>) {
    use minijinja::filters as f;
    // The originals, under names the template syntax cannot reach.
    env.add_filter("cxc:indent", f::indent);
    env.add_filter("cxc:join", f::join);
    env.add_filter("cxc:replace", f::replace);
    env.add_filter("cxc:format", f::format);
    env.add_filter("cxc:pprint", f::pprint);
    env.add_filter("cxc:upper", f::upper);
    env.add_filter("cxc:lower", f::lower);
    env.add_filter("cxc:title", f::title);
    env.add_filter("cxc:escape", f::escape);
    env.add_filter("cxc:e", f::escape);
    env.add_filter("cxc:string", f::string);
    env.add_filter("cxc:list", f::list);
    env.add_filter("cxc:sort", f::sort);
    env.add_filter("cxc:reverse", f::reverse);
    env.add_filter("cxc:unique", f::unique);
    env.add_filter("cxc:dictsort", f::dictsort);
    env.add_filter("cxc:items", f::items);
    env.add_filter("cxc:batch", f::batch);
    env.add_filter("cxc:slice", f::slice);
    env.add_filter("cxc:groupby", f::groupby);
    env.add_filter("cxc:sum", f::sum);
    env.add_filter("cxc:min", f::min);
    env.add_filter("cxc:max", f::max);
    env.add_filter("cxc:chain", f::chain);
    env.add_filter("cxc:zip", f::zip);
    env.add_filter("cxc:map", f::map);
    env.add_filter("cxc:select", f::select);
    env.add_filter("cxc:reject", f::reject);
    env.add_filter("cxc:lines", f::lines);
    env.add_filter("cxc:split", f::split);
    env.add_filter("cxc:trim", f::trim);
    for &name in GUARDED {
        let made = made.clone();
        env.add_filter(name, move |state: &State, args: Rest<Value>| {
            let size = predicted(name, &args, limit);
            if size > limit {
                return Err(too_large(name, limit));
            }
            made.add(size)?;
            let built = state.apply_filter(&format!("cxc:{name}"), &args)?;
            if weigh(&built, limit) > limit {
                return Err(too_large(name, limit));
            }
            Ok(built)
        });
    }
}

pub fn too_large(what: &str, limit: u64) -> Error {
    Error::new(
        ErrorKind::InvalidOperation,
        format!(
            "`{what}` would build a value of more than {} ({LIMIT_WORDS})",
            crate::loader::read::bytes(limit)
        ),
    )
}

/// How [`too_large`] names the limit: what tells its error from others.
pub const LIMIT_WORDS: &str = "the limit for a value in user templates";

/// At most how many bytes `name` builds from `args` (the filtered value
/// first), worked out without building it; more than `limit` once it is
/// known to pass it.
fn predicted(name: &str, args: &[Value], limit: u64) -> u64 {
    let Some(value) = args.first() else { return 0 };
    let text = || value.as_str().map_or(0, |s| s.len() as u64);
    let input = weigh(value, limit);
    match name {
        "indent" => {
            let lines = value
                .as_str()
                .map_or(1, |s| s.matches('\n').count() as u64 + 1);
            input.saturating_add(lines.saturating_mul(largest_number(&args[1..])))
        }
        "replace" => {
            let (Some(s), Some(from), Some(to)) = (
                value.as_str(),
                args.get(1).and_then(Value::as_str),
                args.get(2).and_then(Value::as_str),
            ) else {
                return input;
            };
            // An empty `from` matches between every two characters.
            let matches = if from.is_empty() {
                s.chars().count() as u64 + 1
            } else {
                s.matches(from).count() as u64
            };
            let growth = (to.len() as u64).saturating_sub(from.len() as u64);
            input.saturating_add(matches.saturating_mul(growth))
        }
        "join" => {
            let joiner = args.get(1).and_then(Value::as_str).map_or(0, str::len) as u64;
            input.saturating_add(items(value, limit).saturating_mul(joiner))
        }
        "format" => {
            // Widths and precisions (`%999999s`) pad: every number in the
            // format counts in full.
            let widths: u64 = value.as_str().map_or(0, |s| {
                s.split(|c: char| !c.is_ascii_digit())
                    .filter_map(|n| {
                        n.parse::<u64>()
                            .ok()
                            .or((!n.is_empty()).then_some(u64::MAX))
                    })
                    .fold(0u64, u64::saturating_add)
            });
            args.iter()
                .map(|a| weigh(a, limit))
                .fold(widths, u64::saturating_add)
        }
        "pprint" => {
            let indent = largest_number(&args[1..]).max(2);
            input.saturating_mul(indent.saturating_add(4))
        }
        "upper" | "lower" | "title" => text().max(input).saturating_mul(3),
        "escape" | "e" => text().max(input).saturating_mul(6),
        "string" => input.saturating_mul(2),
        "batch" | "slice" => input.saturating_add(
            items(value, limit).saturating_mul(largest_number(&args[1..]).max(1).min(limit)),
        ),
        _ => args
            .iter()
            .map(|a| weigh(a, limit))
            .fold(0, u64::saturating_add),
    }
}

/// The largest whole number among `args` and their keyword arguments.
fn largest_number(args: &[Value]) -> u64 {
    let number = |v: &Value| v.as_i64().map_or(0, |n| n.max(0) as u64);
    args.iter()
        .map(|a| {
            if a.kind() == ValueKind::Map {
                a.try_iter()
                    .into_iter()
                    .flatten()
                    .map(|key| a.get_item(&key).map_or(0, |v| number(&v)))
                    .max()
                    .unwrap_or(0)
            } else {
                number(a)
            }
        })
        .max()
        .unwrap_or(0)
}

/// How many items `value` yields, counted up to what `limit` allows.
fn items(value: &Value, limit: u64) -> u64 {
    if let Some(s) = value.as_str() {
        return s.chars().count() as u64;
    }
    let mut n = 0u64;
    if let Ok(iter) = value.try_iter() {
        for _ in iter {
            n += 1;
            if n.saturating_mul(ITEM) > limit {
                break;
            }
        }
    }
    n
}

/// The bytes `value` holds, its lists and maps walked (a list repeated a
/// billion times is a billion items, however little memory it takes until
/// it is built); the walk stops once past `limit`.
pub fn weigh(value: &Value, limit: u64) -> u64 {
    let mut total = 0u64;
    let mut stack = vec![value.clone()];
    while let Some(v) = stack.pop() {
        let own = match v.kind() {
            ValueKind::String | ValueKind::Bytes => v.as_str().map_or_else(
                || v.as_bytes().map_or(ITEM, |b| b.len() as u64),
                |s| s.len() as u64,
            ),
            ValueKind::Seq | ValueKind::Iterable | ValueKind::Map => {
                if let Ok(iter) = v.try_iter() {
                    let map = v.kind() == ValueKind::Map;
                    for item in iter {
                        if map {
                            if let Ok(inner) = v.get_item(&item) {
                                stack.push(inner);
                            }
                        }
                        stack.push(item);
                        total = total.saturating_add(ITEM);
                        if total > limit {
                            return total;
                        }
                    }
                }
                ITEM
            }
            _ => ITEM,
        };
        total = total.saturating_add(own);
        if total > limit {
            return total;
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str) -> Result<String, Error> {
        let mut env = Environment::new();
        guard(&mut env, 1 << 20, &Arc::default());
        env.add_template_owned("t", template.to_string())?;
        env.get_template("t")?.render(())
    }

    #[test]
    fn growing_filters_are_refused_before_they_build() {
        for template in [
            // 20 GB and 1 TB, as reported; neither is allocated.
            "{{ ('x\n' * 5000)|indent(4000000) }}",
            "{{ (['x'] * 1000000000000)|join(',') }}",
            "{{ ('x' * 100000)|replace('x', 'yyyyyyyyyyyyyyy') }}",
            "{{ ('x' * 100000)|replace('', 'yyyyyyyyyyyyyy') }}",
            "{{ '%999999999s'|format('x') }}",
            "{{ (['x'] * 10000000)|list|length }}",
            "{{ (['x' * 10000] * 1000)|pprint }}",
            "{{ ('x\n' * 100000)|indent(width=100) }}",
            "{{ (['ab'] * 100000000)|batch(3)|list|length }}",
        ] {
            let error = render(template).unwrap_err();
            assert!(
                error.to_string().contains("the limit for a value"),
                "{template}: {error}"
            );
        }
    }

    #[test]
    fn guarded_filters_work_as_before_within_the_limit() {
        let out = render(
            "{{ 'a\nb'|indent(2, true) }}|{{ ['a','b']|join('-') }}|{{ 'aXa'|replace('X', 'yy') }}|{{ '%3s'|format('x') }}|{{ [3,1,2]|sort|list }}|{{ {'b':1,'a':2}|dictsort }}|{{ 'ab'|upper }}|{{ ' a '|trim }}|{{ [1,2,3]|batch(2)|list }}",
        )
        .unwrap();
        assert_eq!(
            out,
            "  a\n  b|a-b|ayya|  x|[1, 2, 3]|[[\"a\", 2], [\"b\", 1]]|AB|a|[[1, 2], [3]]"
        );
    }

    #[test]
    fn weighing_stops_past_the_limit() {
        let huge = Value::from_serialize(vec!["x"; 1000]);
        assert_eq!(weigh(&huge, 100_000), 1000 * (ITEM + 1) + ITEM);
        assert!(weigh(&huge, 500) <= 500 + 2 * ITEM);
    }
}
