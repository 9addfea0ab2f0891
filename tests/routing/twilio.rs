//! What Twilio TaskRouter does with a task, written from Twilio's
//! documentation and from nothing in cxc:
//!
//! * expressions: constants (quoted strings, numbers, `true`/`false`), JSON
//!   keys (dotted), `==` `=` `!=` `<` `>` `<=` `>=`, `IN`/`NOT IN` a list,
//!   `HAS`/`CONTAINS`, `AND`/`OR`, parentheses; a hyphen is not allowed
//!   (<https://www.twilio.com/docs/taskrouter/expression-syntax>);
//! * `taskrouter.currentTime` (HHMM as an integer, UTC) and
//!   `taskrouter.dayOfWeek` (`Mon`..`Sun`, UTC)
//!   (<https://www.twilio.com/docs/taskrouter/time-of-day-routing>);
//! * a workflow tries its filters in order and takes the first whose
//!   expression matches; no match takes the `default_filter`
//!   (<https://www.twilio.com/docs/taskrouter/workflow-configuration>,
//!   <https://www.twilio.com/docs/taskrouter/lifecycle-task-workflows-and-assignment>);
//! * the task then moves through the filter's targets: it stays in a target
//!   until the target's `timeout`, the timeouts adding up and compared with
//!   the task's age ("the Queue timeout is now the sum of Q1 and Q2
//!   timeouts", <https://www.twilio.com/docs/taskrouter/task-evaluation>); a
//!   target whose `skip_if` holds when the task reaches it (no reservation
//!   made at once) is skipped, and a filter whose every target is skipped
//!   lets the task go on to the next matching filter
//!   (<https://www.twilio.com/docs/taskrouter/worker-presence>); a target's
//!   `expression` narrows the queue's workers.
//!
//! Unknown operators and tokens are errors, never quietly false.

use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Str(String),
    Num(f64),
    Word(String),
    Op(&'static str),
    Open,
    Close,
    LBracket,
    RBracket,
    Comma,
}

fn tokens(text: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' | '\n' => i += 1,
            '(' => {
                out.push(Token::Open);
                i += 1
            }
            ')' => {
                out.push(Token::Close);
                i += 1
            }
            '[' => {
                out.push(Token::LBracket);
                i += 1
            }
            ']' => {
                out.push(Token::RBracket);
                i += 1
            }
            ',' => {
                out.push(Token::Comma);
                i += 1
            }
            '\'' | '"' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|&d| d == c)
                    .ok_or_else(|| format!("unterminated string in {text}"))?;
                out.push(Token::Str(chars[i + 1..i + 1 + end].iter().collect()));
                i += end + 2;
            }
            '=' | '!' | '<' | '>' => {
                let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
                let op = match two.as_str() {
                    "==" => "==",
                    "!=" => "!=",
                    "<=" => "<=",
                    ">=" => ">=",
                    _ => match c {
                        '=' => "=",
                        '<' => "<",
                        '>' => ">",
                        _ => return Err(format!("unknown operator at `{two}` in {text}")),
                    },
                };
                i += op.len();
                out.push(Token::Op(if op == "=" { "==" } else { op }));
            }
            d if d.is_ascii_digit() => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                    i += 1;
                }
                let s: String = chars[start..i].iter().collect();
                out.push(Token::Num(
                    s.parse().map_err(|_| format!("bad number {s}"))?,
                ));
            }
            w if w.is_alphabetic() || w == '_' => {
                let start = i;
                while i < chars.len()
                    && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '.')
                {
                    i += 1;
                }
                out.push(Token::Word(chars[start..i].iter().collect()));
            }
            other => {
                return Err(format!(
                    "`{other}` is not TaskRouter expression syntax: {text}"
                ))
            }
        }
    }
    Ok(out)
}

#[derive(Debug, Clone)]
pub enum Operand {
    Const(Value),
    Key(String),
    List(Vec<Operand>),
}

#[derive(Debug, Clone)]
pub enum Expr {
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Compare(Operand, String, Operand),
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }
    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }
    fn keyword(&self, word: &str) -> bool {
        matches!(self.peek(), Some(Token::Word(w)) if w.eq_ignore_ascii_case(word))
    }
    fn or(&mut self) -> Result<Expr, String> {
        let mut left = self.and()?;
        while self.keyword("OR") {
            self.at += 1;
            left = Expr::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }
    fn and(&mut self) -> Result<Expr, String> {
        let mut left = self.primary()?;
        while self.keyword("AND") {
            self.at += 1;
            left = Expr::And(Box::new(left), Box::new(self.primary()?));
        }
        Ok(left)
    }
    fn primary(&mut self) -> Result<Expr, String> {
        if self.peek() == Some(&Token::Open) {
            self.at += 1;
            let e = self.or()?;
            if self.next() != Some(Token::Close) {
                return Err("missing `)`".into());
            }
            return Ok(e);
        }
        let left = self.operand()?;
        let op = match self.next() {
            Some(Token::Op(op)) => op.to_string(),
            Some(Token::Word(w)) => {
                let upper = w.to_ascii_uppercase();
                match upper.as_str() {
                    "IN" | "HAS" | "CONTAINS" => upper,
                    "NOT" if self.keyword("IN") => {
                        self.at += 1;
                        "NOT IN".into()
                    }
                    _ => return Err(format!("unknown operator `{w}`")),
                }
            }
            other => return Err(format!("expected an operator, found {other:?}")),
        };
        let right = self.operand()?;
        Ok(Expr::Compare(left, op, right))
    }
    fn operand(&mut self) -> Result<Operand, String> {
        match self.next() {
            Some(Token::Str(s)) => Ok(Operand::Const(Value::String(s))),
            Some(Token::Num(n)) => Ok(Operand::Const(serde_json::json!(n))),
            Some(Token::Word(w)) if w == "true" || w == "false" => {
                Ok(Operand::Const(Value::Bool(w == "true")))
            }
            Some(Token::Word(w)) => Ok(Operand::Key(w)),
            Some(Token::LBracket) => {
                let mut items = Vec::new();
                loop {
                    if self.peek() == Some(&Token::RBracket) {
                        self.at += 1;
                        break;
                    }
                    items.push(self.operand()?);
                    match self.next() {
                        Some(Token::Comma) => {}
                        Some(Token::RBracket) => break,
                        other => return Err(format!("expected `,` or `]`, found {other:?}")),
                    }
                }
                Ok(Operand::List(items))
            }
            other => Err(format!("expected a value, found {other:?}")),
        }
    }
}

pub fn parse(text: &str) -> Result<Expr, String> {
    let mut parser = Parser {
        tokens: tokens(text)?,
        at: 0,
    };
    let e = parser.or()?;
    if parser.at != parser.tokens.len() {
        return Err(format!("trailing tokens in {text}"));
    }
    Ok(e)
}

/// The moment a task is evaluated: UTC day (0 = Monday) and minute of day.
#[derive(Debug, Clone, Copy)]
pub struct Moment {
    pub day: usize,
    pub minute: u32,
}

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// What a key means: a task attribute, or the clock.
fn lookup(key: &str, task: &Value, now: Moment, workers: &Value) -> Option<Value> {
    match key {
        "taskrouter.currentTime" => {
            Some(serde_json::json!((now.minute / 60) * 100 + now.minute % 60))
        }
        "taskrouter.dayOfWeek" => Some(Value::String(DAYS[now.day].into())),
        k if k.starts_with("workers.") => workers.get(&k[8..]).cloned(),
        k => {
            let k = k.strip_prefix("task.").unwrap_or(k);
            let mut v = task;
            for part in k.split('.') {
                v = v.get(part)?;
            }
            Some(v.clone())
        }
    }
}

fn value(o: &Operand, task: &Value, now: Moment, workers: &Value) -> Option<Value> {
    match o {
        Operand::Const(v) => Some(v.clone()),
        Operand::Key(k) => lookup(k, task, now, workers),
        Operand::List(items) => Some(Value::Array(
            items
                .iter()
                .filter_map(|i| value(i, task, now, workers))
                .collect(),
        )),
    }
}

fn number(v: &Value) -> Option<f64> {
    v.as_f64()
        .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
}

/// A key missing from the task makes its comparison false.
pub fn holds(e: &Expr, task: &Value, now: Moment, workers: &Value) -> bool {
    match e {
        Expr::And(a, b) => holds(a, task, now, workers) && holds(b, task, now, workers),
        Expr::Or(a, b) => holds(a, task, now, workers) || holds(b, task, now, workers),
        Expr::Compare(l, op, r) => {
            if let (Operand::Const(a), Operand::Const(b)) = (l, r) {
                if op == "==" {
                    return a == b || number(a) == number(b);
                }
            }
            let (Some(a), Some(b)) = (value(l, task, now, workers), value(r, task, now, workers))
            else {
                return false;
            };
            let num = || number(&a).zip(number(&b));
            match op.as_str() {
                "==" => a == b || num().is_some_and(|(x, y)| x == y),
                "!=" => !(a == b || num().is_some_and(|(x, y)| x == y)),
                "<" => num().is_some_and(|(x, y)| x < y),
                ">" => num().is_some_and(|(x, y)| x > y),
                "<=" => num().is_some_and(|(x, y)| x <= y),
                ">=" => num().is_some_and(|(x, y)| x >= y),
                "IN" => b.as_array().is_some_and(|list| list.contains(&a)),
                "NOT IN" => b.as_array().is_some_and(|list| !list.contains(&a)),
                "HAS" | "CONTAINS" => a.as_array().is_some_and(|list| list.contains(&b)),
                other => panic!("unknown operator {other}"),
            }
        }
    }
}

/// Whether `worker` (its attributes: `team`, a `roles` array) is one of a
/// TaskQueue's workers (`target_workers`, on the worker's attributes) and
/// matches a target's `expression` (on `worker.` keys), so the target can
/// offer a task to it (<https://www.twilio.com/docs/taskrouter/api/task-queue>,
/// <https://www.twilio.com/docs/taskrouter/workflow-configuration>).
pub fn admits(target_workers: &str, expression: Option<&str>, worker: &Value) -> bool {
    let mut attributes = worker.clone();
    attributes["worker"] = worker.clone();
    let now = Moment { day: 0, minute: 0 };
    let queue = parse(target_workers).unwrap_or_else(|e| panic!("bad target_workers: {e}"));
    let target = expression.map(|e| parse(e).unwrap_or_else(|e| panic!("bad expression: {e}")));
    holds(&queue, &attributes, now, &Value::Null)
        && target.is_none_or(|t| holds(&t, &attributes, now, &Value::Null))
}

/// Where a task is at an age: the queue, the target's priority and its
/// worker expression; `None` when no target holds the task any more.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub queue: String,
    pub priority: u64,
    pub worker_expression: Option<String>,
    /// The filter that took the task (`None`: the default filter).
    pub filter: Option<usize>,
    /// When the task entered this target: seconds after its creation.
    pub entered: u64,
    /// Whether the target holds the task for good (it has no `timeout`).
    pub last: bool,
}

/// Evaluates `workflow` for `task` created at `now`, `age` seconds old;
/// `empty` says which queues have no worker available (for `skip_if`).
pub fn route(
    workflow: &Value,
    task: &Value,
    now: Moment,
    age: u64,
    empty: &dyn Fn(&str) -> bool,
) -> Option<Placed> {
    route_when(workflow, task, now, age, &|queue, _| empty(queue))
}

/// [`route`] with workers that come and go: `empty(queue, at)` says whether
/// the queue has no worker in an available activity `at` seconds after the
/// task was created. `skip_if` is evaluated when the task enters a target
/// (Twilio: "No Reservations are immediately created when a Task enters
/// the routing step" and the expression holds), with `workers.available`
/// the number of the TaskQueue's workers in an available activity then;
/// a target without a `timeout` holds the task from then on.
pub fn route_when(
    workflow: &Value,
    task: &Value,
    now: Moment,
    age: u64,
    empty: &dyn Fn(&str, u64) -> bool,
) -> Option<Placed> {
    let routing = &workflow["task_routing"];
    for (index, filter) in routing["filters"].as_array().unwrap().iter().enumerate() {
        let expression = parse(filter["expression"].as_str().unwrap())
            .unwrap_or_else(|e| panic!("TaskRouter would reject this filter: {e}"));
        if !holds(&expression, task, now, &Value::Null) {
            continue;
        }
        let mut elapsed = 0u64;
        let mut all_skipped = true;
        let targets = filter["targets"].as_array().unwrap();
        for target in targets {
            let queue = target["queue"].as_str().unwrap();
            if let Some(skip) = target["skip_if"].as_str() {
                let available = if empty(queue, elapsed) { 0 } else { 1 };
                let workers = serde_json::json!({ "available": available });
                let skip = parse(skip).unwrap_or_else(|e| panic!("bad skip_if: {e}"));
                if holds(&skip, task, now, &workers) {
                    continue;
                }
            }
            all_skipped = false;
            match target["timeout"].as_u64() {
                None => return Some(placed(target, Some(index), elapsed, true)),
                Some(t) if age < elapsed + t => {
                    return Some(placed(target, Some(index), elapsed, false))
                }
                Some(t) => elapsed += t,
            }
        }
        if all_skipped {
            continue;
        }
        // Past the last target's timeout the task is no longer routed.
        return None;
    }
    routing["default_filter"]["queue"]
        .as_str()
        .map(|queue| Placed {
            queue: queue.into(),
            priority: 0,
            worker_expression: None,
            filter: None,
            entered: 0,
            last: true,
        })
}

fn placed(target: &Value, filter: Option<usize>, entered: u64, last: bool) -> Placed {
    Placed {
        queue: target["queue"].as_str().unwrap().into(),
        priority: target["priority"].as_u64().unwrap_or(0),
        worker_expression: target["expression"].as_str().map(str::to_string),
        filter,
        entered,
        last,
    }
}

#[test]
fn the_evaluator_reads_twilios_examples_and_rejects_the_rest() {
    let now = Moment {
        day: 6,
        minute: 10 * 60,
    };
    let task = serde_json::json!({"type": "ticket", "customer_value": "Gold", "languages": ["en", "es"], "skill_rating": 6});
    let yes = |t: &str| holds(&parse(t).unwrap(), &task, now, &Value::Null);
    assert!(yes("customer_value == 'Gold' AND type == 'ticket'"));
    assert!(yes("(languages HAS \"en\") AND skill_rating >= 5.1"));
    assert!(yes("customer_value IN ['Gold', 'Silver'] AND 1 == 1"));
    assert!(!yes("customer_value NOT IN ['Gold']"));
    assert!(yes(
        "taskrouter.dayOfWeek IN ['Sat', 'Sun'] AND taskrouter.currentTime >= 0930"
    ));
    assert!(!yes(
        "taskrouter.currentTime > 0800 AND taskrouter.currentTime < 1000"
    ));
    assert!(!yes("missing == 'x'"));
    assert!(parse("a LIKE 'b'").is_err());
    assert!(parse("a ~ 'b'").is_err());
    assert!(parse("key-accounts == 'x'").is_err());
}

#[test]
fn targets_time_out_by_the_tasks_age_and_skipped_filters_fall_through() {
    let workflow = serde_json::json!({"task_routing": {"filters": [
        {"expression": "1 == 1", "targets": [
            {"queue": "Q1", "timeout": 10, "skip_if": "workers.available == 0"},
            {"queue": "Q2", "timeout": 10},
            {"queue": "Q3", "timeout": 10}]},
        {"expression": "1 == 1", "targets": [{"queue": "Q4"}]}],
        "default_filter": {"queue": "D"}}});
    let now = Moment { day: 0, minute: 0 };
    let at = |age, empty: &dyn Fn(&str) -> bool| {
        route(&workflow, &serde_json::json!({}), now, age, empty).map(|p| p.queue)
    };
    let none = |_: &str| false;
    assert_eq!(at(9, &none).as_deref(), Some("Q1"));
    assert_eq!(at(10, &none).as_deref(), Some("Q2"));
    assert_eq!(at(25, &none).as_deref(), Some("Q3"));
    assert_eq!(at(30, &none), None);
    let q1_empty = |q: &str| q == "Q1";
    assert_eq!(at(0, &q1_empty).as_deref(), Some("Q2"));
    let skipping = serde_json::json!({"task_routing": {"filters": [
        {"expression": "1 == 1", "targets": [{"queue": "Q1", "skip_if": "workers.available == 0"}]},
        {"expression": "1 == 1", "targets": [{"queue": "Q4"}]}],
        "default_filter": {"queue": "D"}}});
    assert_eq!(
        route(&skipping, &serde_json::json!({}), now, 0, &q1_empty)
            .map(|p| p.queue)
            .as_deref(),
        Some("Q4")
    );
}

#[test]
fn skip_if_is_evaluated_when_the_task_enters_the_target() {
    // Q1 for 10 s, then Q2 (held for good when it has people), else Q1.
    let workflow = serde_json::json!({"task_routing": {"filters": [
        {"expression": "1 == 1", "targets": [
            {"queue": "Q1", "timeout": 10, "skip_if": "workers.available == 0"},
            {"queue": "Q2", "skip_if": "workers.available == 0"},
            {"queue": "Q1"}]}],
        "default_filter": {"queue": "D"}}});
    let now = Moment { day: 0, minute: 0 };
    let task = serde_json::json!({});
    let at = |age, empty: &dyn Fn(&str, u64) -> bool| {
        route_when(&workflow, &task, now, age, empty).map(|p| (p.queue, p.entered, p.last))
    };
    // Q2's people leave after 5 s: at 10 s the task skips it, back to Q1.
    let q2_until_5 = |q: &str, at: u64| q == "Q2" && at >= 5;
    assert_eq!(at(3, &q2_until_5), Some(("Q1".into(), 0, false)));
    assert_eq!(at(100, &q2_until_5), Some(("Q1".into(), 10, true)));
    // Q1's people come at 10 s: the task skipped Q1 at 0 s, waits in Q2.
    let q1_from_10 = |q: &str, at: u64| q == "Q1" && at < 10;
    assert_eq!(at(100, &q1_from_10), Some(("Q2".into(), 0, true)));
    // Nobody anywhere: the last target, which has no skip_if.
    assert_eq!(at(100, &|_, _| true), Some(("Q1".into(), 0, true)));
}
