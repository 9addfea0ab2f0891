//! The HTML site (`site/`): every Markdown document as a page, with a
//! navigation bar, print-friendly CSS and each journey's diagram as inline
//! SVG. No JavaScript and no network: every page carries a
//! Content-Security-Policy that allows nothing but its own stylesheet.
//!
//! Pages are converted from the Markdown documents, so the two never say
//! different things. The conversion is where safety lives: raw HTML in the
//! Markdown (which could only come from a spec string) becomes text, links
//! may only be relative or http(s)/mailto, and images are dropped.

use super::journey::{svg, Graph};
use super::markup::escape;
use super::{journey_files, Files};
use crate::model::Model;
use crate::syntax::values::Language;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};
use std::collections::BTreeMap;

pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

const STYLE: &str = include_str!("../../templates/site/style.css");

/// The site's pages for `docs`. `other_files` are the files outside the site
/// the build writes (routing config, model.json): a page links to them only
/// when they are written.
pub fn site(
    model: &Model,
    docs: &Files,
    other_files: &dyn Fn(&str) -> bool,
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
    out.insert("site/style.css".into(), STYLE.as_bytes().to_vec());
    for (path, bytes) in docs {
        let Some(stem) = path.strip_suffix(".md") else {
            continue;
        };
        let markdown = String::from_utf8_lossy(bytes);
        let depth = path.matches('/').count();
        let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
        let diagram = stem.strip_prefix("journeys/").and_then(|j| journeys.get(j));
        let (title, body) = page_body(&markdown, dir, diagram, other_files, language);
        out.insert(
            format!("site/{stem}.html"),
            shell(&title, &body, depth, language).into_bytes(),
        );
    }
    Ok(out)
}

/// Converts one Markdown document; returns its title (the first heading,
/// all of its text) and HTML.
fn page_body(
    markdown: &str,
    dir: &str,
    diagram: Option<&Graph>,
    other_files: &dyn Fn(&str) -> bool,
    language: Language,
) -> (String, String) {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    let mut title = String::new();
    let mut in_title = false;
    let mut in_mermaid = false;
    let mut dropped_link = Vec::new();
    let mut events = Vec::new();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Heading { .. }) if title.is_empty() => {
                in_title = true;
                events.push(event);
            }
            Event::End(TagEnd::Heading(_)) if in_title => {
                in_title = false;
                events.push(event);
            }
            Event::Text(ref t) | Event::Code(ref t) if in_title => {
                title.push_str(t);
                events.push(event);
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(ref lang)))
                if &**lang == "mermaid" =>
            {
                in_mermaid = true;
                if let Some(graph) = diagram {
                    let (map, curve) = svg::svg(graph, &graph.title, language);
                    let svg = map + &curve.unwrap_or_default();
                    // The figure scrolls when the map is wider than the page:
                    // keyboard users reach it (tabindex) and hear what it is.
                    let label = match language {
                        Language::En => format!("Journey map: {}", graph.title),
                        Language::Ru => format!("Карта пути клиента: {}", graph.title),
                    };
                    events.push(Event::Html(CowStr::from(format!(
                        "<figure class=\"diagram\" tabindex=\"0\" role=\"group\" aria-label=\"{}\">{svg}</figure>\n",
                        escape(&label)
                    ))));
                }
            }
            Event::End(TagEnd::CodeBlock) if in_mermaid => in_mermaid = false,
            _ if in_mermaid => {}
            // Raw HTML can only come from spec text: show it, never run it.
            Event::Html(t) | Event::InlineHtml(t) => {
                if in_title {
                    title.push_str(&t);
                }
                events.push(Event::Text(t))
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => match safe_link(&dest_url, dir, other_files) {
                Some(url) => {
                    dropped_link.push(false);
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url: CowStr::from(url),
                        title,
                        id,
                    }));
                }
                None => dropped_link.push(true),
            },
            Event::End(TagEnd::Link) => {
                if dropped_link.pop() == Some(false) {
                    events.push(event);
                }
            }
            // Images would reach the network; keep their text only.
            Event::Start(Tag::Image { .. }) => dropped_link.push(true),
            Event::End(TagEnd::Image) => {
                dropped_link.pop();
            }
            other => events.push(other),
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    (title, html)
}

/// Relative links to other documents point at their pages; links to files
/// outside the site (routing config) step out of `site/`, when the build
/// writes them; web and mail links stay; anything else (`javascript:`,
/// `data:`...) is not a link.
fn safe_link(url: &str, dir: &str, other_files: &dyn Fn(&str) -> bool) -> Option<String> {
    let depth = dir.split('/').filter(|p| !p.is_empty()).count();
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
    {
        return Some(url.to_string());
    }
    if url.contains(':') || url.starts_with('/') || url.starts_with('\\') {
        return None;
    }
    if url.starts_with('#') {
        return Some(url.to_string());
    }
    let (path, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, format!("#{f}")),
        None => (url, String::new()),
    };
    match path.strip_suffix(".md") {
        Some(page) => Some(format!("{page}.html{fragment}")),
        // From site/<depth folders>/page.html back to the output folder.
        None => {
            // Where the link points, relative to the output folder.
            let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
            for part in path.split('/') {
                match part {
                    ".." => {
                        parts.pop();
                    }
                    "." | "" => {}
                    p => parts.push(p),
                }
            }
            let target = parts.join("/");
            other_files(&target).then(|| format!("{}{target}{fragment}", "../".repeat(depth + 1)))
        }
    }
}

fn shell(title: &str, body: &str, depth: usize, language: Language) -> String {
    let root = "../".repeat(depth);
    let nav: &[(&str, &str)] = match language {
        Language::En => &[
            ("index", "Home"),
            ("policy/service-standards", "Service standards"),
            ("policy/complaints", "Complaints"),
            ("policy/promises", "Promises"),
            ("policy/channels", "Channels"),
            ("policy/agreements", "Agreements"),
        ],
        Language::Ru => &[
            ("index", "Главная"),
            ("policy/service-standards", "Стандарты"),
            ("policy/complaints", "Жалобы"),
            ("policy/promises", "Обещания"),
            ("policy/channels", "Каналы"),
            ("policy/agreements", "Соглашения"),
        ],
    };
    let links: String = nav
        .iter()
        .map(|(page, label)| format!("<a href=\"{root}{page}.html\">{label}</a>"))
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"{root}style.css\">\n</head>\n\
         <body>\n<nav>\n{links}\n</nav>\n<main>\n{body}</main>\n</body>\n</html>\n",
        lang = language.as_str(),
        title = escape(title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_and_script_links_become_text() {
        let (_, html) = page_body(
            "# T\n\n<script>alert(1)</script>\n\nA [click](javascript:alert(1)) and <img src=x onerror=alert(1)>\n\n![x](http://evil/x.png)\n",
            "",
            None,
            &|_| true,
            Language::En,
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn links_point_at_pages_and_out_of_the_site() {
        let all = |_: &str| true;
        assert_eq!(
            safe_link("policy/complaints.md", "", &all).as_deref(),
            Some("policy/complaints.html")
        );
        assert_eq!(
            safe_link("../policy/complaints.md#x", "hr", &all).as_deref(),
            Some("../policy/complaints.html#x")
        );
        assert_eq!(
            safe_link("routing/routing.yaml", "", &all).as_deref(),
            Some("../routing/routing.yaml")
        );
        assert_eq!(safe_link("JavaScript:alert(1)", "", &all), None);
        assert_eq!(safe_link("/etc/passwd", "", &all), None);
        // A file the build does not write is not linked.
        let none = |_: &str| false;
        assert_eq!(safe_link("routing/routing.yaml", "", &none), None);
        // Resolved from the page's folder.
        let only = |p: &str| p == "model.json";
        assert_eq!(
            safe_link("../model.json", "hr", &only).as_deref(),
            Some("../../model.json")
        );
    }

    #[test]
    fn titles_keep_text_that_looks_like_html() {
        let (title, _) = page_body(
            "# Support <case> & `code`\n",
            "",
            None,
            &|_| true,
            Language::En,
        );
        assert_eq!(title, "Support <case> & code");
    }
}
