//! Bounds on the values user templates build with operators.
//!
//! Filters are guarded one by one ([`super::guard`]), but `~`, `+` and `*`
//! are instructions of minijinja's machine, with no hook: `{% set s = s ~ s
//! %}` written forty times, or in a loop over a namespace, doubles a string
//! each time until memory runs out long before fuel does. So every template
//! of a build with user templates is rewritten before it is compiled: each
//! `a ~ b`, `a + b` and `a * b` becomes a call of [`OPERATOR`], which works
//! out the size of the result from its operands first and refuses one past
//! the value limit, then applies the operator itself. Nothing else of the
//! text changes, on the same lines, so errors still point at the template's
//! own lines.

use super::guard::{too_large, weigh, Made};
use minijinja::machinery::ast::{self, BinOpKind, CallArg, Expr, Stmt};
use minijinja::machinery::{parse, Span, WhitespaceConfig};
use minijinja::syntax::SyntaxConfig;
use minijinja::value::ValueKind;
use minijinja::{Environment, Error, State, Value};

/// The function every guarded operator becomes; a name templates are not
/// expected to use (one that does only calls the same guard).
pub const OPERATOR: &str = "__cxc_operator";

/// One operator to rewrite: its whole expression and the operator's own
/// characters, as byte offsets in the template.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Site {
    start: usize,
    /// Sorted outermost first: a larger end comes first for the same start.
    end: std::cmp::Reverse<usize>,
    op_start: usize,
    op_end: usize,
    op: &'static str,
}

/// `source` with every `~`, `+` and `*` a call of [`OPERATOR`]; `None` when
/// it does not parse (minijinja then reports the error on the text itself).
pub fn rewrite(source: &str, name: &str, whitespace: WhitespaceConfig) -> Option<String> {
    let template = parse(source, name, SyntaxConfig, whitespace).ok()?;
    let mut sites = Vec::new();
    let mut stack = Walk::default();
    stack.stmt(&template);
    for expr in stack.exprs.drain(..) {
        let Expr::BinOp(binop) = expr else { continue };
        let op = match binop.op {
            BinOpKind::Concat => "~",
            BinOpKind::Add => "+",
            BinOpKind::Mul => "*",
            _ => continue,
        };
        let span = binop.span();
        let (start, end) = (span.start_offset as usize, span.end_offset as usize);
        // The operator lies between its operands, with only spaces and
        // parentheses around it.
        let gap_start = offset_end(&binop.left);
        let gap_end = offset_start(&binop.right);
        let gap = source.get(gap_start..gap_end)?;
        let at = gap_start + gap.find(op)?;
        sites.push(Site {
            start,
            end: std::cmp::Reverse(end),
            op_start: at,
            op_end: at + op.len(),
            op,
        });
    }
    sites.sort();
    let mut out = String::with_capacity(source.len() + sites.len() * 24);
    emit(source, 0, source.len(), &sites, &mut 0, &mut out);
    Some(out)
}

/// Writes `source[from..to]`, each site inside it rewritten; `next` is the
/// first site not written yet.
fn emit(source: &str, from: usize, to: usize, sites: &[Site], next: &mut usize, out: &mut String) {
    let mut at = from;
    while let Some(site) = sites.get(*next) {
        if site.start >= to {
            break;
        }
        *next += 1;
        out.push_str(&source[at..site.start]);
        out.push_str(OPERATOR);
        out.push_str("(\"");
        out.push_str(site.op);
        out.push_str("\", ");
        emit(source, site.start, site.op_start, sites, next, out);
        out.push_str(", ");
        emit(source, site.op_end, site.end.0, sites, next, out);
        out.push(')');
        at = site.end.0;
    }
    out.push_str(&source[at..to]);
}

/// Registers [`OPERATOR`]: `left op right`, unless the value it would build
/// is larger than `limit` bytes.
pub fn register(env: &mut Environment<'static>, limit: u64, made: &std::sync::Arc<Made>) {
    let made = made.clone();
    env.add_function(
        OPERATOR,
        move |state: &State, op: &str, left: Value, right: Value| {
            let size = match op {
                // A text or list repeated: its size times the count.
                "*" => {
                    let (repeated, count) = if left.as_i64().is_some() {
                        (&right, &left)
                    } else {
                        (&left, &right)
                    };
                    match count.as_i64() {
                        Some(n) if repeated.kind() != ValueKind::Number => {
                            weigh(repeated, limit).saturating_mul(n.max(0) as u64)
                        }
                        _ => 0,
                    }
                }
                _ => weigh(&left, limit).saturating_add(weigh(&right, limit)),
            };
            if size > limit {
                return Err(too_large(op, limit));
            }
            made.add(size)?;
            apply(state, op, left, right)
        },
    );
}

/// `left op right` as minijinja itself computes it (its strict undefined
/// values and its errors included).
fn apply(state: &State, op: &str, left: Value, right: Value) -> Result<Value, Error> {
    let expression = match op {
        "~" => "a ~ b",
        "+" => "a + b",
        "*" => "a * b",
        _ => {
            return Err(Error::new(
                minijinja::ErrorKind::InvalidOperation,
                "not an operator",
            ))
        }
    };
    state
        .env()
        .compile_expression(expression)?
        .eval(minijinja::context! { a => left, b => right })
        // Its own place, not the place in the two-operand expression: the
        // template's is added where the call is.
        .map_err(|e| Error::new(e.kind(), e.detail().unwrap_or_default().to_string()))
}

fn span_of(expr: &Expr) -> Span {
    match expr {
        Expr::Var(e) => e.span(),
        Expr::Const(e) => e.span(),
        Expr::Slice(e) => e.span(),
        Expr::UnaryOp(e) => e.span(),
        Expr::BinOp(e) => e.span(),
        Expr::Compare(e) => e.span(),
        Expr::IfExpr(e) => e.span(),
        Expr::Filter(e) => e.span(),
        Expr::Test(e) => e.span(),
        Expr::GetAttr(e) => e.span(),
        Expr::GetItem(e) => e.span(),
        Expr::Call(e) => e.span(),
        Expr::List(e) => e.span(),
        Expr::Map(e) => e.span(),
    }
}

fn offset_start(expr: &Expr) -> usize {
    span_of(expr).start_offset as usize
}

fn offset_end(expr: &Expr) -> usize {
    span_of(expr).end_offset as usize
}

/// Every expression of a template, inner ones included (the parser bounds
/// how deep they nest).
#[derive(Default)]
struct Walk<'t, 'a> {
    exprs: Vec<&'t Expr<'a>>,
}

impl<'t, 'a> Walk<'t, 'a> {
    fn stmts(&mut self, stmts: &'t [Stmt<'a>]) {
        for stmt in stmts {
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &'t Stmt<'a>) {
        match stmt {
            Stmt::Template(s) => self.stmts(&s.children),
            Stmt::EmitExpr(s) => self.expr(&s.expr),
            Stmt::EmitRaw(_) => {}
            Stmt::ForLoop(s) => {
                self.expr(&s.target);
                self.expr(&s.iter);
                self.exprs_opt(s.filter_expr.as_ref());
                self.stmts(&s.body);
                self.stmts(&s.else_body);
            }
            Stmt::IfCond(s) => {
                self.expr(&s.expr);
                self.stmts(&s.true_body);
                self.stmts(&s.false_body);
            }
            Stmt::WithBlock(s) => {
                for (target, value) in &s.assignments {
                    self.expr(target);
                    self.expr(value);
                }
                self.stmts(&s.body);
            }
            Stmt::Set(s) => {
                self.expr(&s.target);
                self.expr(&s.expr);
            }
            Stmt::SetBlock(s) => {
                self.expr(&s.target);
                self.exprs_opt(s.filter.as_ref());
                self.stmts(&s.body);
            }
            Stmt::AutoEscape(s) => {
                self.expr(&s.enabled);
                self.stmts(&s.body);
            }
            Stmt::FilterBlock(s) => {
                self.expr(&s.filter);
                self.stmts(&s.body);
            }
            Stmt::Block(s) => self.stmts(&s.body),
            Stmt::Import(s) => {
                self.expr(&s.expr);
                self.expr(&s.name);
            }
            Stmt::FromImport(s) => {
                self.expr(&s.expr);
                for (name, alias) in &s.names {
                    self.expr(name);
                    self.exprs_opt(alias.as_ref());
                }
            }
            Stmt::Extends(s) => self.expr(&s.name),
            Stmt::Include(s) => self.expr(&s.name),
            Stmt::Macro(s) => self.macro_decl(s),
            Stmt::CallBlock(s) => {
                self.call(&s.call);
                self.macro_decl(&s.macro_decl);
            }
            Stmt::Do(s) => self.call(&s.call),
        }
    }

    fn macro_decl(&mut self, m: &'t ast::Macro<'a>) {
        for e in m.args.iter().chain(&m.defaults) {
            self.expr(e);
        }
        self.stmts(&m.body);
    }

    fn call(&mut self, call: &'t ast::Call<'a>) {
        self.expr(&call.expr);
        self.args(&call.args);
    }

    fn args(&mut self, args: &'t [CallArg<'a>]) {
        for arg in args {
            match arg {
                CallArg::Pos(e)
                | CallArg::Kwarg(_, e)
                | CallArg::PosSplat(e)
                | CallArg::KwargSplat(e) => self.expr(e),
            }
        }
    }

    fn exprs_opt(&mut self, expr: Option<&'t Expr<'a>>) {
        if let Some(e) = expr {
            self.expr(e);
        }
    }

    fn expr(&mut self, expr: &'t Expr<'a>) {
        self.exprs.push(expr);
        match expr {
            Expr::Var(_) | Expr::Const(_) => {}
            Expr::Slice(e) => {
                self.expr(&e.expr);
                self.exprs_opt(e.start.as_ref());
                self.exprs_opt(e.stop.as_ref());
                self.exprs_opt(e.step.as_ref());
            }
            Expr::UnaryOp(e) => self.expr(&e.expr),
            Expr::BinOp(e) => {
                self.expr(&e.left);
                self.expr(&e.right);
            }
            Expr::Compare(e) => {
                self.expr(&e.expr);
                for op in &e.ops {
                    self.expr(&op.expr);
                }
            }
            Expr::IfExpr(e) => {
                self.expr(&e.test_expr);
                self.expr(&e.true_expr);
                self.exprs_opt(e.false_expr.as_ref());
            }
            Expr::Filter(e) => {
                self.exprs_opt(e.expr.as_ref());
                self.args(&e.args);
            }
            Expr::Test(e) => {
                self.expr(&e.expr);
                self.args(&e.args);
            }
            Expr::GetAttr(e) => self.expr(&e.expr),
            Expr::GetItem(e) => {
                self.expr(&e.expr);
                self.expr(&e.subscript_expr);
            }
            Expr::Call(e) => self.call(e),
            Expr::List(e) => {
                for item in &e.items {
                    self.expr(item);
                }
            }
            Expr::Map(e) => {
                for (k, v) in e.keys.iter().zip(&e.values) {
                    self.expr(k);
                    self.expr(v);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(limit: Option<u64>) -> Environment<'static> {
        let mut env = Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        if let Some(limit) = limit {
            register(&mut env, limit, &std::sync::Arc::default());
        }
        env
    }

    fn render(env: &mut Environment<'static>, template: String) -> Result<String, String> {
        env.add_template_owned("t", template)
            .map_err(|e| e.to_string())?;
        env.get_template("t")
            .and_then(|t| t.render(minijinja::context! { n => 3, s => "ab", l => vec![1, 2] }))
            .map_err(|e| e.kind().to_string())
    }

    /// The rewritten template computes what the original does: minijinja on
    /// the text as written is the oracle.
    #[test]
    fn rewritten_operators_mean_what_they_meant() {
        for template in [
            "{{ s ~ n ~ (n + 1) * 2 }}",
            "{{ n + n * n - 1 ~ s }}",
            "{{ (s ~ s)|upper ~ (l + [3])|join(',') }}",
            "{{ s * 3 }} {{ 3 * s }} {{ 2 * 3 }} {{ n ** 2 }} {{ -n * 2 }}",
            "{% set x = l + l %}{{ x|length }} {{ [s ~ 'c', n * 2] }}",
            "{% for i in range(3) if i * 2 > 1 %}{{ i ~ ',' }}{% endfor %}",
            "{% macro m(a, b=n + 1) %}{{ a ~ b }}{% endmacro %}{{ m(s * 2) }}",
            "{{ 'a' if n + 1 > 3 else 'b' ~ s }} {{ {'k': n + 1}['k'] ~ l[0] * 2 }}",
            "{{ s ~ }}",
            "{{ missing ~ s }}",
            "{{ s + n }}",
            "{{ l * 'x' }}",
        ] {
            let rewritten = rewrite(template, "t", WhitespaceConfig::default())
                .unwrap_or_else(|| template.to_string());
            assert_eq!(
                render(&mut env(Some(1 << 20)), rewritten.clone()),
                render(&mut env(None), template.to_string()),
                "{template} → {rewritten}"
            );
        }
    }

    /// An error is reported on the line minijinja names for the template
    /// as written.
    #[test]
    fn the_lines_stay_where_they_were() {
        let line_of_error = |template: &str, limit| {
            let mut env = env(limit);
            env.add_template_owned("t", template.to_string()).unwrap();
            let error = env.get_template("t").unwrap().render(()).unwrap_err();
            error.line()
        };
        for template in [
            "{{ s\n ~ s }}",
            "\n{% set x = 2\n * 2 %}\n{{ x ~ undefined_here }}",
            "{% set x = 2 %}\n\n{{ (x + 1) ~\n [1] + 1 }}",
        ] {
            let rewritten = rewrite(template, "t", WhitespaceConfig::default()).unwrap();
            assert_eq!(rewritten.lines().count(), template.lines().count());
            assert_eq!(
                line_of_error(&rewritten, Some(1 << 20)),
                line_of_error(template, None),
                "{rewritten}"
            );
        }
    }

    #[test]
    fn doubling_stops_at_the_limit() {
        let in_a_loop = |op: &str, start: &str| {
            format!(
                "{{% set ns = namespace(v={start}) %}}{{% for i in range(64) %}}\
                 {{% set ns.v = {op} %}}{{% endfor %}}{{{{ ns.v|length }}}}"
            )
        };
        for template in [
            // A namespace keeps its value from one pass of a loop to the next.
            in_a_loop("ns.v ~ ns.v", "'x'"),
            in_a_loop("ns.v + ns.v", "'x'"),
            in_a_loop("ns.v + ns.v", "[1]"),
            in_a_loop("ns.v * 2", "'x'"),
            in_a_loop("(ns.v ~ ns.v)|upper", "'x'"),
            // No loop: sixty-four lines.
            format!("{{% set s = 'x' %}}{}", "{% set s = s ~ s %}\n".repeat(64)),
        ] {
            let rewritten = rewrite(&template, "t", WhitespaceConfig::default()).unwrap();
            let mut env = env(Some(1 << 20));
            env.add_template_owned("t", rewritten).unwrap();
            let error = env.get_template("t").unwrap().render(()).unwrap_err();
            assert!(
                error.to_string().contains("the limit for a value"),
                "{template}: {error}"
            );
        }
    }

    /// Attack 12, M3: one big value kept in many variables, each under the
    /// value limit, stops at the document's limit for all values built;
    /// fewer copies pass, and what was built is counted byte for byte.
    #[test]
    fn many_kept_copies_stop_at_the_limit_for_all_values() {
        let copies = |n: usize| {
            let sets: String = (0..n)
                .map(|k| format!("{{% set a{k} = s ~ {k} %}}"))
                .collect();
            format!("{{% set s = 'q' * 100000 %}}{sets}{{{{ s|length }}}}")
        };
        let run = |n: usize| {
            let made = std::sync::Arc::new(Made::default());
            let mut env = Environment::new();
            register(&mut env, 1 << 20, &made);
            super::super::guard::guard(&mut env, 1 << 20, &made);
            made.start(1_000_000);
            let rewritten = rewrite(&copies(n), "t", WhitespaceConfig::default()).unwrap();
            env.add_template_owned("t", rewritten).unwrap();
            let result = env.get_template("t").unwrap().render(());
            (result, made.bytes())
        };
        // 100,000 bytes, then eight copies of 100,016 (a number counts 16):
        // under 1,000,000.
        let (out, bytes) = run(8);
        assert_eq!(out.unwrap(), "100000");
        assert_eq!(bytes, 100_000 + 8 * 100_016);
        let (out, bytes) = run(200);
        let error = out.unwrap_err().to_string();
        assert!(error.contains("add up to more than"), "{error}");
        // It stopped at the first copy past the limit, not at the 200th.
        assert_eq!(bytes, 100_000 + 9 * 100_016);
    }
}
