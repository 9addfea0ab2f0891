//! The crate's layering, read from its source: every `crate::X` and
//! `super::` path in `src/**/*.rs` is an edge from the file's module to X.
//! Top-level modules are nodes, and so are the submodules of
//! `src/generate` (`generate::view`, `generate::job`, …), whose circles
//! were a problem before. The test asserts that the graph has no circle
//! and that no module names one above it in the pipeline
//! `base → i18n → diagnostic → syntax → config / loader → model → check →
//! generate / staffing / measure → cli / lsp`.
//!
//! Comments are skipped (a doc link is not a dependency); code in
//! `#[cfg(test)]` modules counts: a test that needs a higher layer belongs
//! in `tests/`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The pipeline's layers, lowest first. A module may name modules of its
/// own layer or below, never above. Modules of one layer must still not
/// form a circle (checked separately).
const LAYERS: &[&[&str]] = &[
    // Leaves every layer shares: escaping, source text and spans, the
    // language and its number and duration wording, diagnostics.
    &["testing", "base", "escape", "source"],
    &["i18n"],
    &["diagnostic"],
    &["syntax"],
    // Reading a spec's files and its `cxc.yaml` into what the model is
    // built from (`loader::Spec`, `check::Options`, measure's columns).
    &["config", "loader"],
    &["model"],
    &["check"],
    // `pipeline` runs check and staffing together; generate and measure
    // compile through it.
    &["format", "pipeline", "generate", "staffing", "measure"],
    &["explain", "init"],
    &["cli", "lsp"],
];

fn layer_of(module: &str) -> usize {
    let top = module.split("::").next().unwrap_or(module);
    LAYERS
        .iter()
        .position(|layer| layer.contains(&top))
        .unwrap_or_else(|| panic!("module `{top}` has no layer in tests/layers.rs"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file, as segments: `src/generate/view/mod.rs` →
/// `[generate, view]`, `src/check/backing.rs` → `[check, backing]`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut segments: Vec<String> = relative
        .with_extension("")
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    if segments.last().is_some_and(|s| s == "mod") {
        segments.pop();
    }
    segments
}

/// The graph node a module path belongs to: the top-level module, or
/// `generate::SUB` inside `src/generate`.
fn node(path: &[String]) -> Option<String> {
    match path {
        [] => None,
        [top, sub, ..] if top == "generate" => Some(format!("generate::{sub}")),
        [top, ..] => Some(top.clone()),
    }
}

/// Source text without comments and string literals, so that only code
/// is read.
fn code_only(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        if text[i..].starts_with("//") {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
        } else if text[i..].starts_with("/*") {
            let end = text[i + 2..]
                .find("*/")
                .map_or(bytes.len(), |e| i + 2 + e + 2);
            i = end;
        } else if bytes[i] == b'r' && text[i + 1..].starts_with("#\"") {
            let end = text[i + 3..]
                .find("\"#")
                .map_or(bytes.len(), |e| i + 3 + e + 2);
            i = end;
        } else if bytes[i] == b'"' && !text[..i].ends_with('\'') {
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The paths a piece of code names from `start` on (just after `crate::` or
/// a run of `super::`): `a::b` gives `[a, b]`; a group `{a, b::c}` gives each.
fn paths_at(code: &str, start: usize) -> Vec<Vec<String>> {
    let rest = &code[start..];
    let rest = rest.trim_start();
    if let Some(group) = rest.strip_prefix('{') {
        // Split the group at top-level commas.
        let mut depth = 0;
        let mut items = vec![String::new()];
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(String::new());
                    continue;
                }
                _ => {}
            }
            items.last_mut().unwrap().push(c);
        }
        return items
            .iter()
            .flat_map(|item| paths_at(item, 0))
            .filter(|p| !p.is_empty())
            .collect();
    }
    let mut path = Vec::new();
    let mut rest = rest;
    loop {
        let len = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
        if len == 0 {
            break;
        }
        path.push(rest[..len].to_string());
        match rest[len..].trim_start().strip_prefix("::") {
            Some(after) if !after.trim_start().starts_with('{') => rest = after.trim_start(),
            Some(after) => {
                let nested = paths_at(after, 0);
                if nested.is_empty() {
                    break;
                }
                return nested
                    .into_iter()
                    .map(|tail| path.iter().cloned().chain(tail).collect())
                    .collect();
            }
            None => break,
        }
    }
    vec![path]
}

/// Modules that are not nodes of the graph: the crate root's macros
/// (`crate::msg!` expands into i18n, which is below everything that uses it).
fn is_module(name: &str, modules: &BTreeSet<String>) -> bool {
    modules.contains(name)
}

struct Edge {
    from: String,
    to: String,
    file: String,
}

fn edges() -> (BTreeSet<String>, Vec<Edge>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut modules = BTreeSet::new();
    let mut generate_subs = BTreeSet::new();
    for file in &files {
        let path = module_path(file.strip_prefix(&root).unwrap());
        if let Some(top) = path.first() {
            if top != "lib" && top != "main" {
                modules.insert(top.clone());
            }
        }
        if path.len() >= 2 && path[0] == "generate" {
            generate_subs.insert(path[1].clone());
        }
    }
    let mut edges = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&root).unwrap();
        let here = module_path(relative);
        let Some(from) = node(&here) else { continue };
        if from == "lib" || from == "main" {
            continue;
        }
        // `mod.rs` and `foo.rs` both name module `foo`; `super` from
        // `foo.rs` (not `mod.rs`) is the parent of foo.
        let code = code_only(&std::fs::read_to_string(file).unwrap());
        let mut targets: Vec<Vec<String>> = Vec::new();
        let mut i = 0;
        while let Some(found) = code[i..].find(['c', 's']) {
            let at = i + found;
            i = at + 1;
            if at > 0 && code[..at].chars().next_back().is_some_and(is_ident) {
                continue;
            }
            if code[at..].starts_with("crate::") {
                targets.extend(paths_at(&code, at + "crate::".len()));
            } else if code[at..].starts_with("super::") {
                let mut base = here.clone();
                let mut j = at;
                while code[j..].starts_with("super::") {
                    base.pop();
                    j += "super::".len();
                }
                for tail in paths_at(&code, j) {
                    targets.push(base.iter().cloned().chain(tail).collect());
                }
                i = j;
            }
        }
        for target in targets {
            let Some(top) = target.first() else { continue };
            if !is_module(top, &modules) {
                continue;
            }
            // Inside generate, name the submodule when the path names one.
            let to = match target.as_slice() {
                [g, sub, ..] if g == "generate" && generate_subs.contains(sub) => {
                    format!("generate::{sub}")
                }
                [g, ..] if g == "generate" && from.starts_with("generate::") => continue,
                [top, ..] => top.clone(),
                [] => continue,
            };
            if to != from {
                edges.push(Edge {
                    from: from.clone(),
                    to,
                    file: relative.display().to_string(),
                });
            }
        }
    }
    (modules, edges)
}

/// A circle in the graph, if there is one (iterative depth-first search).
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
    }
    let mut state: BTreeMap<&str, State> = graph.keys().map(|k| (k.as_str(), State::New)).collect();
    for start in graph.keys() {
        if state[start.as_str()] != State::New {
            continue;
        }
        let mut stack: Vec<(&str, Vec<&str>)> = vec![(
            start.as_str(),
            graph[start].iter().map(String::as_str).collect(),
        )];
        state.insert(start, State::Open);
        while let Some((node, next)) = stack.last_mut() {
            let node = *node;
            match next.pop() {
                Some(to) => match state.get(to).copied().unwrap_or(State::Done) {
                    State::New => {
                        state.insert(to, State::Open);
                        let outs = graph[to].iter().map(String::as_str).collect();
                        stack.push((to, outs));
                    }
                    State::Open => {
                        let from = stack.iter().position(|(n, _)| *n == to).unwrap();
                        let mut cycle: Vec<String> =
                            stack[from..].iter().map(|(n, _)| n.to_string()).collect();
                        cycle.push(to.to_string());
                        return Some(cycle);
                    }
                    State::Done => {}
                },
                None => {
                    state.insert(node, State::Done);
                    stack.pop();
                }
            }
        }
    }
    None
}

fn graph_of(edges: &[Edge]) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for edge in edges {
        graph.entry(edge.to.clone()).or_default();
        graph
            .entry(edge.from.clone())
            .or_default()
            .insert(edge.to.clone());
    }
    graph
}

fn witnesses(edges: &[Edge], from: &str, to: &str) -> String {
    let files: BTreeSet<&str> = edges
        .iter()
        .filter(|e| e.from == from && e.to == to)
        .map(|e| e.file.as_str())
        .collect();
    files.into_iter().collect::<Vec<_>>().join(", ")
}

#[test]
fn no_module_names_a_higher_layer() {
    let (modules, edges) = edges();
    for module in &modules {
        layer_of(module);
    }
    let mut upward = BTreeSet::new();
    for edge in &edges {
        if layer_of(&edge.to) > layer_of(&edge.from) {
            upward.insert((edge.from.clone(), edge.to.clone()));
        }
    }
    let report: Vec<String> = upward
        .iter()
        .map(|(from, to)| format!("{from} → {to} (in {})", witnesses(&edges, from, to)))
        .collect();
    assert!(
        report.is_empty(),
        "imports that go up the pipeline:\n{}",
        report.join("\n")
    );
}

#[test]
fn the_module_graph_has_no_circle() {
    let (_, edges) = edges();
    let graph = graph_of(&edges);
    if let Some(cycle) = find_cycle(&graph) {
        let steps: Vec<String> = cycle
            .windows(2)
            .map(|w| {
                format!(
                    "{} → {} (in {})",
                    w[0],
                    w[1],
                    witnesses(&edges, &w[0], &w[1])
                )
            })
            .collect();
        panic!("modules that import each other:\n{}", steps.join("\n"));
    }
}

/// The reader itself: it must see the edges it is meant to see, or the two
/// tests above pass on anything.
#[test]
fn the_reader_sees_use_groups_super_and_nested_paths() {
    let code = code_only(
        "use crate::{syntax::Name, model::{Spec, x}}; // crate::lsp\n\
         let s = \"crate::cli\"; crate::check::run(); super::super::view::f();",
    );
    let at = code.find("crate::").unwrap() + "crate::".len();
    let tops: Vec<String> = paths_at(&code, at)
        .into_iter()
        .map(|p| p[0].clone())
        .collect();
    assert_eq!(tops, ["syntax", "model", "model"]);
    assert!(!code.contains("lsp") && !code.contains("cli"));
    assert!(code.contains("crate::check::run") && code.contains("super::super::view"));
    // The crate's own graph has the pipeline's modules and edges into them.
    let (modules, edges) = edges();
    for m in ["syntax", "model", "check", "generate", "cli", "lsp"] {
        assert!(modules.contains(m), "{m}");
    }
    assert!(edges.iter().any(|e| e.from == "check" && e.to == "model"));
    assert!(edges.iter().any(|e| e.from == "cli" && e.to == "check"));
    assert!(edges.iter().any(|e| e.from.starts_with("generate::")));
}
