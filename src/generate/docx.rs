//! Word documents from generated Markdown. HR edits and signs job
//! descriptions in Word, so each `hr/<role>.md` also becomes
//! `hr/<role>.docx` — converted from the rendered Markdown, so a
//! `--templates` override reaches both, and no sentence is written twice.
//!
//! `docx-rs` writes the OOXML package (document, styles, numbering, zip).
//! It escapes markup but not the control characters XML forbids, nor the
//! bidi controls, so every text passes [`crate::escape::kept_in_documents`]
//! first. The package is
//! byte-identical on every run: its zip entries carry the fixed 1980 date
//! and its properties a fixed creation date.

use crate::escape::kept_in_documents;
use crate::syntax::values::{Date, Language};
use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelText, LineSpacing, NumberFormat,
    Numbering, NumberingId, Paragraph, Run, RunFonts, SpecialIndentType, Start, Style, StyleType,
    Table, TableCell, TableRow, WidthType,
};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// docx-rs declares numbering 1 itself (decimal); the bullets are 2.
const BULLETS: usize = 2;
/// A4 with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 9638;

/// What a package says about itself (outside audit 8, H3): its title, who
/// wrote it, the date (the spec's `reviewed` date, never the build's, so
/// the package stays the same on every run) and the language Word proofs
/// its text in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Properties<'a> {
    pub title: &'a str,
    pub creator: Option<&'a str>,
    pub date: Option<Date>,
    pub language: Language,
}

/// The Markdown document as a `.docx` package.
pub(crate) fn from_markdown(markdown: &str, properties: &Properties) -> Vec<u8> {
    let mut builder = Builder::default();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        builder.event(event);
    }
    let mut xml = builder.docx.build();
    xml.doc_props.core = core_properties(properties).into_bytes();
    xml.styles = with_language(&xml.styles, properties.language);
    let mut bytes = Vec::new();
    xml.pack(std::io::Cursor::new(&mut bytes))
        .expect("writing to memory cannot fail");
    bytes
}

/// The BCP 47 tag Word proofs a document's text in.
fn language_tag(language: Language) -> &'static str {
    match language {
        Language::En => "en-GB",
        Language::Ru => "ru-RU",
    }
}

/// `docProps/core.xml`: title, creator, date and language. docx-rs sets
/// only dates, and writes "unknown" as the author.
fn core_properties(p: &Properties) -> String {
    use crate::escape::xml;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
    );
    out += &format!("<dc:title>{}</dc:title>", xml(p.title));
    if let Some(creator) = p.creator {
        out += &format!(
            "<dc:creator>{0}</dc:creator><cp:lastModifiedBy>{0}</cp:lastModifiedBy>",
            xml(creator)
        );
    }
    out += &format!("<dc:language>{}</dc:language>", language_tag(p.language));
    if let Some(date) = p.date {
        for element in ["created", "modified"] {
            out += &format!(
                "<dcterms:{element} xsi:type=\"dcterms:W3CDTF\">{date}T00:00:00Z</dcterms:{element}>"
            );
        }
    }
    out += "<cp:revision>1</cp:revision></cp:coreProperties>";
    out
}

/// `word/styles.xml` with the document's language in the default run
/// properties (`w:lang`), so Word proofs Russian as Russian.
fn with_language(styles: &[u8], language: Language) -> Vec<u8> {
    let styles = String::from_utf8_lossy(styles);
    let tag = language_tag(language);
    let lang = format!("<w:lang w:val=\"{tag}\" w:eastAsia=\"{tag}\" w:bidi=\"ar-SA\" />");
    // docx-rs writes the defaults' run properties first; `w:lang` ends
    // them (it comes after the fonts and size in the schema's order).
    let end = "</w:rPr></w:rPrDefault>";
    match styles.find(end) {
        Some(at) => format!("{}{lang}{}", &styles[..at], &styles[at..]).into_bytes(),
        None => styles
            .replacen(
                "<w:rPrDefault><w:rPr />",
                &format!("<w:rPrDefault><w:rPr>{lang}</w:rPr>"),
                1,
            )
            .into_bytes(),
    }
}

/// A paragraph of running text: a little space after it.
fn body() -> Paragraph {
    Paragraph::new().line_spacing(LineSpacing::new().after(120))
}

struct Builder {
    docx: Docx,
    paragraph: Option<Paragraph>,
    /// Text not yet in a run: pulldown-cmark splits text at every special
    /// character, Word wants one run per change of format.
    pending: String,
    bold: bool,
    italic: bool,
    /// Nesting of bullet lists; 0 outside any.
    lists: usize,
    rows: Vec<TableRow>,
    cells: Vec<TableCell>,
    /// The widest row of the table being built.
    columns: usize,
    in_head: bool,
}

impl Default for Builder {
    fn default() -> Self {
        let heading = |id: &str, name: &str, size: usize| {
            Style::new(id, StyleType::Paragraph)
                .name(name)
                .size(size)
                .bold()
                .line_spacing(LineSpacing::new().before(240).after(120))
        };
        let bullet = |level: usize, text: &str| {
            let indent = 720 * (level as i32 + 1);
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(indent),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            )
        };
        let docx = Docx::new()
            .default_fonts(
                RunFonts::new()
                    .ascii("Liberation Serif")
                    .hi_ansi("Liberation Serif")
                    .cs("Liberation Serif")
                    .east_asia("Liberation Serif"),
            )
            .default_size(24)
            .add_style(heading("Heading1", "heading 1", 32))
            .add_style(heading("Heading2", "heading 2", 28))
            .add_style(heading("Heading3", "heading 3", 24))
            .add_abstract_numbering(
                AbstractNumbering::new(BULLETS)
                    .add_level(bullet(0, "•"))
                    .add_level(bullet(1, "◦"))
                    .add_level(bullet(2, "▪")),
            )
            .add_numbering(Numbering::new(BULLETS, BULLETS));
        Builder {
            docx,
            paragraph: None,
            pending: String::new(),
            bold: false,
            italic: false,
            lists: 0,
            rows: Vec::new(),
            cells: Vec::new(),
            columns: 0,
            in_head: false,
        }
    }
}

impl Builder {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) | Event::Html(text) => {
                self.text(&text)
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => {
                let p = self.take_paragraph().unwrap_or_default();
                self.paragraph =
                    Some(p.add_run(Run::new().add_break(docx_rs::BreakType::TextWrapping)));
            }
            Event::Rule => self.flush_with(Paragraph::new()),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Heading { level, .. } => {
                let style = match level {
                    HeadingLevel::H1 => "Heading1",
                    HeadingLevel::H2 => "Heading2",
                    _ => "Heading3",
                };
                self.paragraph = Some(Paragraph::new().style(style));
            }
            // A tight list item has no paragraph of its own; a loose one
            // does, and it is the item's.
            Tag::Paragraph if self.paragraph.is_some() => {}
            Tag::Paragraph => self.paragraph = Some(body()),
            Tag::List(_) => {
                self.flush();
                self.lists += 1;
            }
            Tag::Item => {
                self.flush();
                let level = self.lists.saturating_sub(1).min(2);
                self.paragraph = Some(
                    Paragraph::new()
                        .numbering(NumberingId::new(BULLETS), IndentLevel::new(level))
                        .line_spacing(LineSpacing::new().after(60)),
                );
            }
            Tag::TableHead => self.in_head = true,
            Tag::TableCell => self.paragraph = Some(Paragraph::new()),
            Tag::Strong => {
                self.run();
                self.bold = true;
            }
            Tag::Emphasis => {
                self.run();
                self.italic = true;
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item => self.flush(),
            TagEnd::List(_) => self.lists = self.lists.saturating_sub(1),
            TagEnd::TableCell => {
                let paragraph = self.take_paragraph().unwrap_or_default();
                self.cells.push(TableCell::new().add_paragraph(paragraph));
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                self.in_head = false;
                let cells = std::mem::take(&mut self.cells);
                self.columns = self.columns.max(cells.len());
                self.rows.push(TableRow::new(cells));
            }
            TagEnd::Table => {
                let rows = std::mem::take(&mut self.rows);
                let columns = std::mem::take(&mut self.columns).max(1);
                let grid = vec![TEXT_WIDTH / columns; columns];
                let table = Table::new(rows)
                    .set_grid(grid)
                    .width(TEXT_WIDTH, WidthType::Dxa);
                self.docx = std::mem::take(&mut self.docx).add_table(table);
            }
            TagEnd::Strong => {
                self.run();
                self.bold = false;
            }
            TagEnd::Emphasis => {
                self.run();
                self.italic = false;
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        self.pending.extend(
            text.chars()
                .map(|c| {
                    if matches!(c, '\n' | '\r' | '\t') {
                        ' '
                    } else {
                        c
                    }
                })
                .filter(|&c| kept_in_documents(c)),
        );
    }

    /// The pending text as a run in the current format.
    fn run(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let mut run = Run::new().add_text(std::mem::take(&mut self.pending));
        if self.bold || self.in_head {
            run = run.bold();
        }
        if self.italic {
            run = run.italic();
        }
        let paragraph = self.paragraph.take().unwrap_or_default();
        self.paragraph = Some(paragraph.add_run(run));
    }

    /// The paragraph being built, with its pending text.
    fn take_paragraph(&mut self) -> Option<Paragraph> {
        self.run();
        self.paragraph.take()
    }

    fn flush(&mut self) {
        if let Some(paragraph) = self.take_paragraph() {
            self.flush_with(paragraph);
        }
    }

    fn flush_with(&mut self, paragraph: Paragraph) {
        self.docx = std::mem::take(&mut self.docx).add_paragraph(paragraph);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn props() -> Properties<'static> {
        Properties {
            title: "Agent",
            creator: None,
            date: None,
            language: Language::En,
        }
    }

    /// The text of every paragraph and table cell, as Word would read it.
    fn texts(bytes: &[u8]) -> String {
        let docx = docx_rs::read_docx(bytes).expect("a readable package");
        serde_json::to_string(&docx.document).expect("serialises")
    }

    #[test]
    fn headings_lists_and_tables_keep_their_text() {
        let md = "# Job description: Agent\n\n| Approved by | Director |\n|---|---|\n| Date | 2026-09-01 |\n\n## 1. General\n\n- Position: Agent\n- Team: *Care*\n\nPurpose: **serve**.\n";
        let json = texts(&from_markdown(md, &props()));
        for text in [
            "Job description: Agent",
            "Approved by",
            "2026-09-01",
            "1. General",
            "Position: Agent",
            "Care",
            "serve",
        ] {
            assert!(json.contains(text), "{text} missing");
        }
        assert!(json.contains("Heading1") && json.contains("Heading2"));
    }

    #[test]
    fn hostile_text_stays_text_and_the_package_stays_valid() {
        let md = "- a <w:t>tag</w:t> & \u{1}control\u{7} ]]> \"quote\"\n";
        let bytes = from_markdown(md, &props());
        let json = texts(&bytes);
        assert!(json.contains("<w:t>tag</w:t>"), "{json}");
        assert!(json.contains("control"));
        assert!(!json.contains("\\u0001"));
    }

    #[test]
    fn bidi_controls_do_not_reach_the_document() {
        let md = "# Role: admin\u{202e}nimda\n\n- duty \u{2066}x\u{2069}\u{200f}\u{61c}y\n";
        let json = texts(&from_markdown(md, &props()));
        assert!(!json.chars().any(crate::escape::is_bidi), "{json}");
        assert!(
            json.contains("adminnimda") && json.contains("duty xy"),
            "{json}"
        );
    }

    #[test]
    fn the_package_is_the_same_on_every_run() {
        let md = "# Title\n\n- one\n- two\n";
        assert_eq!(from_markdown(md, &props()), from_markdown(md, &props()));
    }

    /// The package names its title, author, date and language (outside
    /// audit 8, H3: no `w:lang`, author "unknown", created 1970-01-01).
    #[test]
    fn the_package_says_its_title_author_date_and_language() {
        let bytes = from_markdown(
            "# Должностная инструкция\n\n- текст\n",
            &Properties {
                title: "Оператор <call> & chat",
                creator: Some("«Почта-Экспресс»"),
                date: Some(Date {
                    year: 2026,
                    month: 10,
                    day: 1,
                }),
                language: Language::Ru,
            },
        );
        // The parts are stored, not deflated: their text is in the bytes.
        let text = String::from_utf8_lossy(&bytes);
        let between = |from: &str, to: &str| {
            let at = text.find(from).unwrap_or_else(|| panic!("no {from}"));
            let end = at + text[at..].find(to).unwrap_or_else(|| panic!("no {to}"));
            text[at..end].to_string()
        };
        let core = between("<cp:coreProperties", "</cp:coreProperties>");
        assert!(
            core.contains("<dc:title>Оператор &lt;call&gt; &amp; chat</dc:title>"),
            "{core}"
        );
        assert!(
            core.contains("<dc:creator>«Почта-Экспресс»</dc:creator>"),
            "{core}"
        );
        assert!(
            core.contains(">2026-10-01T00:00:00Z</dcterms:created>"),
            "{core}"
        );
        assert!(
            !core.contains("unknown") && !core.contains("1970"),
            "{core}"
        );
        let defaults = between("<w:rPrDefault>", "</w:rPrDefault>");
        assert!(defaults.contains("<w:lang w:val=\"ru-RU\""), "{defaults}");
        // Still a package docx-rs reads back, with its text.
        assert!(texts(&bytes).contains("Должностная инструкция"));
    }
}
