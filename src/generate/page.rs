//! The frame every HTML page cxc writes shares — the site's pages and the
//! measure report: a Content-Security-Policy that allows nothing but the
//! page's own stylesheet, the site's stylesheet, a `<main>` landmark, and
//! Markdown turned into HTML safely.
//!
//! Pages are converted from Markdown documents, so the two never say
//! different things. The conversion is where safety lives: raw HTML in the
//! Markdown (which could only come from a spec string) becomes text, links
//! may only be relative or http(s)/mailto, and images are dropped. A
//! document asks for a figure (a journey map, a chart) with a fenced block
//! or a marker comment, and the page's owner draws it.

use super::markup::escape;
use crate::syntax::values::Language;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

/// The site's stylesheet; the measure report carries it inline.
pub const STYLE: &str = include_str!("../../templates/site/style.css");

/// How a page gets the stylesheet.
#[derive(Debug, Clone, Copy)]
pub enum Stylesheet<'a> {
    /// `style.css` at this path (a site page: `../style.css`).
    Linked(&'a str),
    /// Inside the page, so that one file is the whole page (the measure
    /// report), allowed by its hash and nothing else.
    Inline,
}

impl Stylesheet<'_> {
    /// The page's Content-Security-Policy: no script, no network, no frame,
    /// no form; styles from the site's file or the one inline stylesheet.
    pub fn policy(self) -> String {
        let style = match self {
            Stylesheet::Linked(_) => "'self'".to_string(),
            Stylesheet::Inline => format!("'sha256-{}'", sha256_base64(STYLE)),
        };
        format!(
            "default-src 'none'; style-src {style}; img-src 'self' data:; base-uri 'none'; form-action 'none'"
        )
    }
}

/// A whole page: `body` (HTML) inside `<main>`, after `nav` (HTML, may be
/// empty).
pub fn frame(title: &str, nav: &str, body: &str, language: Language, style: Stylesheet) -> String {
    let policy = style.policy();
    let sheet = match style {
        Stylesheet::Linked(href) => format!("<link rel=\"stylesheet\" href=\"{href}\">"),
        Stylesheet::Inline => format!("<style>{STYLE}</style>"),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n{sheet}\n</head>\n\
         <body>\n{nav}<main>\n{body}</main>\n</body>\n</html>\n",
        lang = language.as_str(),
        title = escape(title),
    )
}

/// A figure a document asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask<'a> {
    /// A fenced code block of this language (```` ```mermaid ````): the
    /// block's text is dropped, the figure drawn instead.
    Fence(&'a str),
    /// A comment `<!-- cxc:NAME -->` alone in a block: invisible in the
    /// Markdown, the figure NAME on the page (nothing when there is none).
    Marker(&'a str),
}

/// What a page links to and draws.
pub struct Page<'a> {
    /// The document's folder, relative to the output folder (`hr`, ``).
    pub dir: &'a str,
    /// Whether a file (relative to the output folder) is there to link to.
    pub contains: &'a dyn Fn(&str) -> bool,
    /// The HTML of a figure the document asks for; `None` draws nothing
    /// (a fence's text is dropped all the same).
    pub figure: &'a mut dyn FnMut(Ask) -> Option<String>,
}

/// Converts one Markdown document; returns its title (the first heading,
/// all of its text) and HTML.
pub fn convert(markdown: &str, page: &mut Page) -> (String, String) {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    let mut title = String::new();
    let mut in_title = false;
    let mut in_fence = false;
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
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(ref lang))) => {
                match (page.figure)(Ask::Fence(lang)) {
                    Some(html) => {
                        in_fence = true;
                        events.push(Event::Html(CowStr::from(html)));
                    }
                    None => events.push(event),
                }
            }
            Event::End(TagEnd::CodeBlock) if in_fence => in_fence = false,
            _ if in_fence => {}
            // Raw HTML can only come from spec text: show it, never run it.
            // The one exception is a marker comment the template wrote on
            // a line of its own (spec text is escaped, so it cannot write one).
            Event::Html(ref t) if marker(t).is_some() => {
                if let Some(html) = marker(t).and_then(|name| (page.figure)(Ask::Marker(name))) {
                    events.push(Event::Html(CowStr::from(html)));
                }
            }
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
            }) => match safe_link(&dest_url, page.dir, page.contains) {
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
    (title, aligned_by_class(&html))
}

/// `<!-- cxc:NAME -->` (a whole block) → `NAME`.
fn marker(html: &str) -> Option<&str> {
    let name = html
        .trim()
        .strip_prefix("<!-- cxc:")?
        .strip_suffix("-->")?
        .trim();
    let plain = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ' ');
    (plain && !name.is_empty()).then_some(name)
}

/// pulldown-cmark aligns a table column with a `style` attribute, which
/// the policy refuses (and the browser reports); the stylesheet aligns
/// these classes instead. Text is escaped (`"` included), so only the
/// writer's own attribute reads like this.
fn aligned_by_class(html: &str) -> String {
    let mut out = html.to_string();
    for side in ["left", "center", "right"] {
        out = out.replace(
            &format!(" style=\"text-align: {side}\">"),
            &format!(" class=\"align-{side}\">"),
        );
    }
    out
}

/// Relative links to other documents point at their pages; links to other
/// files stay relative (the site holds a copy of each file it links) when
/// the file is there; web and mail links stay; anything else
/// (`javascript:`, `data:`...) is not a link.
pub fn safe_link(url: &str, dir: &str, contains: &dyn Fn(&str) -> bool) -> Option<String> {
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
    if let Some(page) = path.strip_suffix(".md") {
        return Some(format!("{page}.html{fragment}"));
    }
    // Where the link points, relative to the output folder; never above it.
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            ".." => {
                parts.pop()?;
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    contains(&parts.join("/")).then(|| url.to_string())
}

/// SHA-256 of `text`, in base64: the form a Content-Security-Policy hash
/// source takes.
fn sha256_base64(text: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert_plain(markdown: &str, dir: &str) -> (String, String) {
        convert(
            markdown,
            &mut Page {
                dir,
                contains: &|_| true,
                figure: &mut |_| None,
            },
        )
    }

    #[test]
    fn raw_html_and_script_links_become_text() {
        let (_, html) = convert_plain(
            "# T\n\n<script>alert(1)</script>\n\nA [click](javascript:alert(1)) and <img src=x onerror=alert(1)>\n\n![x](http://evil/x.png)\n",
            "",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn links_point_at_pages_and_files_the_site_holds() {
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
            Some("routing/routing.yaml")
        );
        assert_eq!(safe_link("JavaScript:alert(1)", "", &all), None);
        assert_eq!(safe_link("/etc/passwd", "", &all), None);
        // Never above the output folder.
        assert_eq!(safe_link("../../x.json", "hr", &all), None);
        // A file that is not there is not linked.
        let none = |_: &str| false;
        assert_eq!(safe_link("routing/routing.yaml", "", &none), None);
        // Resolved from the page's folder.
        let only = |p: &str| p == "model.json";
        assert_eq!(
            safe_link("../model.json", "hr", &only).as_deref(),
            Some("../model.json")
        );
    }

    #[test]
    fn titles_keep_text_that_looks_like_html() {
        let (title, _) = convert_plain("# Support <case> & `code`\n", "");
        assert_eq!(title, "Support <case> & code");
    }

    #[test]
    fn markers_and_fences_become_figures_and_spec_text_cannot_fake_one() {
        let mut asked = Vec::new();
        let (_, html) = convert(
            "# T\n\n<!-- cxc:chart targets -->\n\n```mermaid\ngraph\n```\n\n\
             a &lt;!-- cxc:chart x --&gt; b\n\n<!-- other -->\n",
            &mut Page {
                dir: "",
                contains: &|_| true,
                figure: &mut |ask| {
                    let name = match ask {
                        Ask::Fence(lang) => format!("fence {lang}"),
                        Ask::Marker(name) => format!("marker {name}"),
                    };
                    asked.push(name.clone());
                    Some(format!("<figure>{name}</figure>"))
                },
            },
        );
        assert_eq!(asked, ["marker chart targets", "fence mermaid"]);
        assert!(
            html.contains("<figure>marker chart targets</figure>"),
            "{html}"
        );
        assert!(!html.contains("graph"), "{html}");
        // Escaped text stays text; another comment is shown, not run.
        assert!(html.contains("&lt;!-- cxc:chart x --&gt;"), "{html}");
        assert!(html.contains("&lt;!-- other --&gt;"), "{html}");
    }

    #[test]
    fn aligned_columns_use_classes_not_inline_styles() {
        let (_, html) = convert_plain("| a | b |\n|--:|:-:|\n| 1 | 2 |\n", "");
        assert!(!html.contains("style="), "{html}");
        assert!(html.contains("<td class=\"align-right\">1</td>"), "{html}");
        assert!(html.contains("class=\"align-center\""), "{html}");
    }

    #[test]
    fn the_inline_stylesheet_is_allowed_by_its_own_hash() {
        // The well-known SHA-256 of "abc", in base64.
        assert_eq!(
            sha256_base64("abc"),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
        let policy = Stylesheet::Inline.policy();
        assert!(policy.contains(&format!("'sha256-{}'", sha256_base64(STYLE))));
        assert!(!policy.contains("unsafe"));
        assert!(Stylesheet::Linked("style.css")
            .policy()
            .contains("style-src 'self';"));
    }
}
