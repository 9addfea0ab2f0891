//! The HTML site (`site/`): every Markdown document as a page, with a
//! navigation bar, print-friendly CSS and each journey's diagram as inline
//! SVG. No JavaScript and no network: every page carries a
//! Content-Security-Policy that allows nothing but its own stylesheet
//! (the frame and the safe conversion are [`super::page`]'s).
//!
//! The site is whole on its own: a file a page links to (the routing
//! config, the exports, model.json) is copied into it at the same place, so
//! publishing `site/` alone breaks no link.

use super::journey::{svg, Graph};
use super::markup::escape;
use super::page::{self, Ask, Page, Stylesheet};
use super::{journey_files, Files};
use crate::model::Model;
use crate::syntax::values::Language;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

/// The site's pages for the Markdown documents, with a copy of every other
/// file a page links to, so the site works wherever it is published alone.
/// `rendered`: the documents (written or not) and the other files of the build.
pub fn site(
    model: &Model,
    rendered: [&Files; 2],
    language: Language,
    checks: &crate::check::Options,
    measured: Option<&super::measured::Measured>,
) -> Result<Files, String> {
    let journeys: BTreeMap<String, Graph> = journey_files(model)
        .into_iter()
        .map(|(stem, j)| {
            let mut graph = Graph::new(model, j, checks);
            if let Some(measured) = measured {
                measured.annotate(&mut graph, j);
            }
            (stem, graph)
        })
        .collect();
    let mut out = Files::new();
    out.insert("site/style.css".into(), page::STYLE.as_bytes().to_vec());
    let linked = RefCell::new(BTreeSet::new());
    let find = |path: &str| rendered.iter().find_map(|files| files.get(path));
    let contains = |path: &str| {
        let there = !path.ends_with(".md") && find(path).is_some();
        if there {
            linked.borrow_mut().insert(path.to_string());
        }
        there
    };
    for (path, bytes) in rendered.iter().flat_map(|files| files.iter()) {
        let Some(stem) = path.strip_suffix(".md") else {
            continue;
        };
        let markdown = String::from_utf8_lossy(bytes);
        let depth = path.matches('/').count();
        let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
        let diagram = stem.strip_prefix("journeys/").and_then(|j| journeys.get(j));
        let mut figure = |ask: Ask| match ask {
            // The Mermaid source gives way to the map (or to nothing).
            Ask::Fence("mermaid") => Some(diagram.map_or(String::new(), |g| map(g, language))),
            _ => None,
        };
        let (title, body) = page::convert(
            &markdown,
            &mut Page {
                dir,
                contains: &contains,
                figure: &mut figure,
            },
        );
        let root = "../".repeat(depth);
        let sheet = format!("{root}style.css");
        out.insert(
            format!("site/{stem}.html"),
            page::frame(
                &title,
                &nav(&root, language),
                &body,
                language,
                Stylesheet::Linked(&sheet),
            )
            .into_bytes(),
        );
    }
    for path in linked.into_inner() {
        if let Some(bytes) = find(&path) {
            out.insert(format!("site/{path}"), bytes.clone());
        }
    }
    Ok(out)
}

/// A journey's map and experience curve, in a figure that scrolls when the
/// map is wider than the page: keyboard users reach it (tabindex) and hear
/// what it is.
fn map(graph: &Graph, language: Language) -> String {
    let (map, curve, parts) = svg::svg(graph, &graph.title, language);
    let svg = map + &parts.unwrap_or_default() + &curve.unwrap_or_default();
    let label = match language {
        Language::En => format!("Journey map: {}", graph.title),
        Language::Ru => format!("Карта пути клиента: {}", graph.title),
    };
    format!(
        "<figure class=\"diagram\" tabindex=\"0\" role=\"group\" aria-label=\"{}\">{svg}</figure>\n",
        escape(&label)
    )
}

fn nav(root: &str, language: Language) -> String {
    let nav: &[(&str, &str)] = match language {
        Language::En => &[
            ("index", "Home"),
            ("policy/service-standards", "Service standards"),
            ("policy/complaints", "Complaints"),
            ("policy/promises", "Promises"),
            ("policy/our-promises", "Our promises"),
            ("policy/channels", "Channels"),
            ("policy/agreements", "Agreements"),
        ],
        Language::Ru => &[
            ("index", "Главная"),
            ("policy/service-standards", "Стандарты"),
            ("policy/complaints", "Жалобы"),
            ("policy/promises", "Обещания"),
            ("policy/our-promises", "Наши обещания"),
            ("policy/channels", "Каналы"),
            ("policy/agreements", "Соглашения"),
        ],
    };
    let links: Vec<String> = nav
        .iter()
        .map(|(page, label)| format!("<a href=\"{root}{page}.html\">{label}</a>"))
        .collect();
    format!("<nav>\n{}\n</nav>\n", links.join("\n"))
}
