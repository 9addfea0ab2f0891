//! The map's furniture: the header (stage names and lane titles), the
//! customer's touchpoints, channel icons, phase bands and the experience
//! curve.

use super::{Drawing, Kind, Style, LINE, SMALL, SMALL_LINE};
use crate::generate::journey::layered::{Placed, Rect};
use crate::generate::journey::metrics::{self, Face};
use crate::generate::journey::Graph;
use crate::generate::markup::escape;
use crate::syntax::values::Language;
use std::fmt::Write;

/// Stage names: each 12-px line, and the row's top margin.
const STAGE_LINE: i64 = 14;
const STAGE_TOP: i64 = 6;

pub(super) fn stage_words(language: Language) -> [&'static str; 4] {
    match language {
        Language::En => [
            "Front stage",
            "Back stage",
            "Line of visibility: the customer sees the front stage, not the back stage",
            "Solid steps: the customer takes part; dashed: back stage",
        ],
        Language::Ru => [
            "На виду у клиента",
            "За кулисами",
            "Линия видимости: клиент видит то, что слева, и не видит того, что справа",
            "Сплошная рамка: клиент участвует; пунктир: за кулисами",
        ],
    }
}

pub(super) fn customer_word(language: Language) -> &'static str {
    match language {
        Language::En => "Customer",
        Language::Ru => "Клиент",
    }
}

pub(super) fn no_owner(language: Language) -> &'static str {
    match language {
        Language::En => "No owner",
        Language::Ru => "Без ответственного",
    }
}

/// The stage row's texts: each one's lines and the span it is centred in.
pub(super) fn stage_texts(
    placed: &Placed,
    front: &[bool],
    style: Style,
    language: Language,
) -> Vec<(Vec<String>, i64, i64)> {
    let words = stage_words(language);
    let lanes = &placed.lanes;
    let spans: Vec<(&str, i64, i64)> = if style.merged {
        match (lanes.first(), lanes.last()) {
            (Some(a), Some(b)) => vec![(words[3], a.x, b.right())],
            _ => Vec::new(),
        }
    } else {
        [(true, words[0]), (false, words[1])]
            .into_iter()
            .filter_map(|(is_front, text)| {
                let band: Vec<&Rect> = lanes
                    .iter()
                    .zip(front)
                    .filter(|(_, f)| **f == is_front)
                    .map(|(l, _)| l)
                    .collect();
                Some((text, band.first()?.x, band.last()?.right()))
            })
            .collect()
    };
    spans
        .into_iter()
        .map(|(text, x0, x1)| {
            let lines = metrics::wrap(text, Face::Sans, 12.0, (x1 - x0 - 8) as f64);
            (lines, x0, x1)
        })
        .collect()
}

/// A lane title's lines: bold, wrapped to the lane.
pub(super) fn lane_title(name: &str, width: i64) -> Vec<String> {
    metrics::wrap(name, Face::SansBold, 13.0, (width - 8) as f64)
}

/// Where the lane titles start, and the height of the stage row and the
/// lane titles above the map.
pub(super) fn header_height(
    names: &[String],
    placed: &Placed,
    front: &[bool],
    style: Style,
    customer: i64,
) -> (i64, i64) {
    // The longest wording of either language decides, so both fit.
    let stage = [Language::En, Language::Ru]
        .into_iter()
        .flat_map(|l| stage_texts(placed, front, style, l))
        .map(|(lines, _, _)| lines.len() as i64)
        .max()
        .unwrap_or(1);
    let mut titles: Vec<usize> = names
        .iter()
        .zip(&placed.lanes)
        .map(|(n, l)| {
            let longest = [n.as_str(), no_owner(Language::Ru)];
            let name = if n.is_empty() { longest[1] } else { longest[0] };
            lane_title(name, l.width).len()
        })
        .collect();
    if customer > 0 {
        titles.push(lane_title(customer_word(Language::Ru), customer).len());
    }
    let titles = titles.into_iter().max().unwrap_or(1) as i64;
    let row = STAGE_TOP + stage * STAGE_LINE + 6;
    (row, row + titles * LINE + 12)
}

/// The stage names above the lanes, and the line of visibility between
/// the front stage and the back stage (not when lanes are merged: there
/// the boxes tell the stage).
pub(super) fn stages(s: &mut String, d: &Drawing, height: i64, language: Language) {
    for (lines, x0, x1) in stage_texts(&d.placed, &d.front, d.style, language) {
        for (k, line) in lines.iter().enumerate() {
            let _ = writeln!(
                s,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" font-style=\"italic\" fill=\"#57606a\">{}</text>",
                (x0 + x1) / 2,
                STAGE_TOP + 11 + k as i64 * STAGE_LINE,
                escape(line)
            );
        }
    }
    if d.style.merged {
        return;
    }
    if let Some(split) = d.front.iter().position(|f| !f).filter(|&i| i > 0) {
        let x = d.placed.lanes[split].x;
        let _ = writeln!(
            s,
            "<line class=\"visibility\" x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"{height}\" stroke=\"#cf222e\" stroke-width=\"2\" stroke-dasharray=\"8 5\"><title>{}</title></line>",
            escape(stage_words(language)[2])
        );
    }
}

/// A chip of the customer's lane: its step, its lines (each with whether
/// it is the step's name) and its height.
type Chip = (usize, Vec<(String, bool)>, i64);

/// The room a card keeps between its border and the box of each text line
/// in it (ascent and descent as [`metrics::line_extent`] estimates them),
/// its 1-px border included.
const CARD_PAD: i64 = 4;
/// The first line's baseline in a chip, below its row of icons (12 px from
/// 3 px down).
const CHIP_BASELINE: i64 = 27;
/// The baseline of the "+2 more" chip's one line, and its height: a line
/// of small text with [`CARD_PAD`] above and below.
const MORE_BASELINE: i64 = CARD_PAD + 10;
const MORE_HEIGHT: i64 = MORE_BASELINE + 3 + CARD_PAD;

/// A chip's height for `lines` lines of small text under its icons: down
/// to the last line's descent and [`CARD_PAD`] (the descent of "numbers)"
/// and "E-mail" touched the border: energy audit, F2).
fn chip_height(lines: usize) -> i64 {
    let last = CHIP_BASELINE + (lines.max(1) as i64 - 1) * SMALL_LINE;
    let (_, bottom) = metrics::line_extent(last as f64, SMALL);
    bottom.ceil() as i64 + CARD_PAD
}

/// The room between two stacked chips: 2 px and they read as one card
/// (courier audit, M2).
pub(super) const CHIP_GAP: i64 = 6;

/// A chip's lines for a step in a customer's lane `w` px wide: its name in
/// bold first where chips stack (`named`), then its channels, each line
/// with whether it is the name.
fn chip_lines(node: &crate::generate::journey::Node, w: i64, named: bool) -> Vec<(String, bool)> {
    let mut lines = Vec::new();
    if named {
        // Bold: wrapped as wide as it is drawn.
        let name = metrics::wrap(&node.label, Face::SansBold, SMALL, (w - 8) as f64);
        lines.extend(name.into_iter().map(|l| (l, true)));
    }
    let (channels, _, _) = super::small_text(&node.channels.join(", "), w - 8);
    lines.extend(channels.into_iter().map(|l| (l, false)));
    lines
}

/// The height a step's chip takes alone on its row and in a stack of
/// chips (named), each with the gap after it, in a customer's lane
/// `customer` px wide; 0 for a step the customer takes no part in. The
/// layout makes a layer as deep as its chips, so they stand level with
/// their row.
pub(super) fn beside(
    node: &crate::generate::journey::Node,
    customer: i64,
) -> crate::generate::journey::layered::ChipDepth {
    if node.channels.is_empty() || customer == 0 {
        return Default::default();
    }
    let height = |named| chip_height(chip_lines(node, customer - 12, named).len()) + CHIP_GAP;
    crate::generate::journey::layered::ChipDepth {
        alone: height(false),
        named: height(true),
    }
}

/// The front-stage steps of the map in rows: steps whose boxes share
/// their height (a layer's), top to bottom, each row's steps in their
/// order across the map: (the row's middle, its steps).
fn rows(graph: &Graph, d: &Drawing) -> Vec<(i64, Vec<usize>)> {
    let mut steps: Vec<(i64, i64, usize)> = d
        .kinds
        .iter()
        .enumerate()
        .filter_map(|(v, kind)| match *kind {
            Kind::Step(i) if !graph.nodes[i].channels.is_empty() => {
                let b = d.placed.boxes[v];
                Some((b.center().1, b.x, i))
            }
            _ => None,
        })
        .collect();
    steps.sort_unstable();
    let mut rows: Vec<(i64, Vec<(i64, usize)>)> = Vec::new();
    for (y, x, i) in steps {
        match rows.last_mut() {
            // Boxes of one layer share its middle within a pixel or two
            // (their heights differ).
            Some((first, row)) if y - *first <= 2 => row.push((x, i)),
            _ => rows.push((y, vec![(x, i)])),
        }
    }
    for (_, row) in &mut rows {
        row.sort_unstable();
    }
    rows.into_iter()
        .map(|(y, row)| (y, row.into_iter().map(|(_, i)| i).collect()))
        .collect()
}

/// In the customer's lane, level with each step the customer takes part
/// in, the channels they use there (all of them, wrapped); steps side by
/// side share the row, their chips stacked and centred on it, as many as
/// the room to the next row's holds, the rest counted.
pub(super) fn touchpoints(
    s: &mut String,
    graph: &Graph,
    d: &Drawing,
    customer: i64,
    language: Language,
) {
    if customer == 0 {
        return;
    }
    let w = customer - 12;
    let left = -customer + 6;
    // Chips of steps side by side stack in one column: each names its
    // step (in bold, first), so nothing but the order would tie it to
    // its step otherwise (hotel audit, L5: "Noise complaint" and
    // "Check-out").
    let rows: Vec<(i64, Vec<Chip>)> = rows(graph, d)
        .into_iter()
        .map(|(y, steps)| {
            let named = steps.len() > 1;
            let chips = steps
                .iter()
                .map(|&i| {
                    let lines = chip_lines(&graph.nodes[i], w, named);
                    let h = chip_height(lines.len());
                    (i, lines, h)
                })
                .collect();
            (y, chips)
        })
        .collect();
    let wanted = |(y, chips): &(i64, Vec<Chip>)| {
        let total: i64 = chips.iter().map(|c| c.2 + CHIP_GAP).sum::<i64>() - CHIP_GAP;
        y - total / 2
    };
    let mut floor = 0;
    for (r, (y, chips)) in rows.iter().enumerate() {
        let y = *y;
        // A row's chips stay below the row above's and above where the
        // next row's would start (the map's bottom for the last).
        let ceiling = rows
            .get(r + 1)
            .map_or(d.placed.height, |next| wanted(next) - CHIP_GAP);
        let room = ceiling - floor;
        let mut shown = 0;
        let mut total = -CHIP_GAP;
        for (k, (_, _, h)) in chips.iter().enumerate() {
            let more = if k + 1 < chips.len() {
                MORE_HEIGHT + CHIP_GAP
            } else {
                0
            };
            if total + h + CHIP_GAP + more > room {
                break;
            }
            total += h + CHIP_GAP;
            shown += 1;
        }
        let hidden = chips.len() - shown;
        if hidden > 0 {
            total += MORE_HEIGHT + CHIP_GAP;
        }
        let total = total.max(0);
        let mut top = (y - total / 2).min(ceiling - total).max(floor);
        floor = top + total + CHIP_GAP;
        for (i, lines, h) in chips.iter().take(shown) {
            let node = &graph.nodes[*i];
            let mut glyphs = String::new();
            let per_row = ((w - 8) / 14).max(1) as usize;
            for (n, kind) in node.channel_kinds.iter().take(per_row).enumerate() {
                glyphs.push_str(&icon(*kind, left + 4 + n as i64 * 14, top + 3));
            }
            let _ = write!(
                s,
                "<g class=\"touchpoint\"><title>{}: {}</title><rect x=\"{left}\" y=\"{top}\" width=\"{w}\" height=\"{h}\" rx=\"8\" fill=\"#ffffff\" stroke=\"#bf8700\"/>{glyphs}",
                escape(&node.label),
                escape(&node.channels.join(", ")),
            );
            for (k, (line, name)) in lines.iter().enumerate() {
                let weight = if *name { " font-weight=\"bold\"" } else { "" };
                let _ = write!(
                    s,
                    "<text x=\"{}\" y=\"{}\" font-size=\"11\"{weight} fill=\"#24292f\">{}</text>",
                    left + 4,
                    top + CHIP_BASELINE + k as i64 * SMALL_LINE,
                    escape(line)
                );
            }
            s.push_str("</g>\n");
            top += h + CHIP_GAP;
        }
        if hidden > 0 {
            let text = match language {
                Language::En => format!("+{hidden} more"),
                Language::Ru => format!("ещё {hidden}"),
            };
            let names: Vec<&str> = chips[shown..]
                .iter()
                .map(|(i, _, _)| graph.nodes[*i].label.as_str())
                .collect();
            let _ = writeln!(
                s,
                "<g class=\"touchpoint\"><title>{}</title><rect x=\"{left}\" y=\"{top}\" width=\"{w}\" height=\"{MORE_HEIGHT}\" rx=\"8\" fill=\"#ffffff\" stroke=\"#bf8700\"/><text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#24292f\">{}</text></g>",
                escape(&names.join("\n")),
                left + 4,
                top + MORE_BASELINE,
                escape(&text)
            );
        }
    }
}

/// A 12-px icon of a channel's kind, drawn with shapes (no font, no file).
pub(super) fn icon(kind: Option<crate::syntax::values::ChannelKind>, x: i64, y: i64) -> String {
    use crate::syntax::values::ChannelKind as K;
    let stroke = "fill=\"none\" stroke=\"#9a6700\" stroke-width=\"1.3\"";
    let shape = match kind {
        // A handset seen from the front.
        Some(K::Phone) => format!("<rect x=\"{}\" y=\"{y}\" width=\"7\" height=\"12\" rx=\"1.5\" {stroke}/><line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {stroke}/>", x + 2, x + 4, y + 10, x + 7, y + 10),
        // A speech bubble.
        Some(K::Chat) | Some(K::Messenger) => format!("<path d=\"M {x} {y} h12 v8 h-7 l-3 3 v-3 h-2 z\" {stroke}/>"),
        // An envelope.
        Some(K::Email) => format!("<rect x=\"{x}\" y=\"{}\" width=\"12\" height=\"9\" {stroke}/><path d=\"M {x} {} l6 5 l6 -5\" {stroke}/>", y + 1, y + 1),
        // Three people connected.
        Some(K::Social) => format!("<circle cx=\"{}\" cy=\"{}\" r=\"2\" {stroke}/><circle cx=\"{}\" cy=\"{}\" r=\"2\" {stroke}/><circle cx=\"{}\" cy=\"{}\" r=\"2\" {stroke}/><path d=\"M {} {} L {} {} L {} {}\" {stroke}/>", x + 2, y + 6, x + 10, y + 2, x + 10, y + 10, x + 10, y + 2, x + 2, y + 6, x + 10, y + 10),
        // A screen on a stand.
        Some(K::Portal) => format!("<rect x=\"{x}\" y=\"{y}\" width=\"12\" height=\"8\" {stroke}/><path d=\"M {} {} v3 M {} {} h6\" {stroke}/>", x + 6, y + 8, x + 3, y + 11),
        // A building with a door.
        Some(K::Office) => format!("<path d=\"M {x} {} L {} {y} L {} {} V {} H {x} Z M {} {} v-4 h3 v4\" {stroke}/>", y + 5, x + 6, x + 12, y + 5, y + 12, x + 5, y + 12),
        // A map pin.
        Some(K::Field) => format!("<path d=\"M {} {} l-4 -6 a4.5 4.5 0 1 1 8 0 z\" {stroke}/>", x + 6, y + 12),
        None => format!("<circle cx=\"{}\" cy=\"{}\" r=\"4\" {stroke}/>", x + 6, y + 6),
    };
    format!("<g class=\"icon\">{shape}</g>")
}

/// Each phase as a band across the map over its own layers (bands never
/// share a layer), titled in the strip on the left in up to two lines.
pub(super) fn phases(s: &mut String, graph: &Graph, d: &Drawing, width: i64) {
    let left = -d.gutter - (d.width - d.gutter - d.placed.width);
    for (phase, extent) in &d.bands {
        let (Some(p), Some((top, bottom))) = (phase, extent) else {
            continue;
        };
        let title = &graph.phases[*p].0;
        let (top, bottom) = (top - super::BAND_PAD, bottom + super::BAND_PAD);
        let lines = metrics::wrap(title, Face::SansBold, 12.0, (bottom - top - 8) as f64);
        let _ = write!(
            s,
            "<g class=\"phase\"><title>{}</title><rect x=\"{left}\" y=\"{top}\" width=\"{}\" height=\"{}\" fill=\"#8250df\" fill-opacity=\"0.06\" stroke=\"#8250df\" stroke-opacity=\"0.35\"/>",
            escape(title),
            width - left,
            bottom - top,
        );
        let y = (top + bottom) / 2;
        let first = left + d.gutter / 2 - (lines.len() as i64 - 1) * super::PHASE_LINE / 2;
        for (k, line) in lines.iter().enumerate() {
            let x = first + k as i64 * super::PHASE_LINE;
            let _ = write!(
                s,
                "<text x=\"{x}\" y=\"{y}\" transform=\"rotate(-90 {x} {y})\" text-anchor=\"middle\" dominant-baseline=\"middle\" font-size=\"12\" font-weight=\"bold\" fill=\"#6639ba\">{}</text>",
                escape(line)
            );
        }
        s.push_str("</g>\n");
    }
}

/// The experience curve: beside each step that has them, its satisfaction
/// (1..5) and its ease (6 − effort, so higher is better on both lines),
/// joined down the journey between neighbouring steps that both have the
/// figure (a step without it breaks the line); a step that hurts is marked
/// red.
pub(super) fn curve(s: &mut String, graph: &Graph, d: &Drawing, language: Language) {
    let (title, csat_name, ease_name) = match language {
        Language::En => ("Experience (1–5)", "satisfaction", "ease: 6 − effort"),
        Language::Ru => (
            "Впечатление (1–5)",
            "удовлетворённость",
            "лёгкость: 6 − усилие",
        ),
    };
    let (x0, x1) = (20, super::CURVE - 20);
    let at = |value: f64| x0 + ((value.clamp(1.0, 5.0) - 1.0) / 4.0 * (x1 - x0) as f64) as i64;
    let _ = writeln!(
        s,
        "<title>{}</title><g class=\"experience\"><text x=\"{}\" y=\"15\" text-anchor=\"middle\" font-size=\"12\" font-style=\"italic\" fill=\"#57606a\">{}</text>",
        escape(title),
        (x0 + x1) / 2,
        escape(title)
    );
    let _ = writeln!(
        s,
        "<text x=\"6\" y=\"30\" font-size=\"11\" fill=\"#0969da\">● {}</text><text x=\"6\" y=\"44\" font-size=\"11\" fill=\"#9a6700\">◆ {}</text>",
        escape(csat_name),
        escape(ease_name)
    );
    let top = d.header;
    for (x, tick) in [(x0, "1"), (x1, "5")] {
        let _ = write!(
            s,
            "<text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#57606a\">{tick}</text>",
            top - 4
        );
    }
    let bottom = top + d.placed.height;
    let _ = writeln!(
        s,
        "<line x1=\"{x0}\" y1=\"{top}\" x2=\"{x0}\" y2=\"{bottom}\" stroke=\"#d0d7de\"/><line x1=\"{x1}\" y1=\"{top}\" x2=\"{x1}\" y2=\"{bottom}\" stroke=\"#d0d7de\"/>",
    );
    // Steps down the page, each at the height of its box.
    let mut steps: Vec<(i64, usize)> = d
        .kinds
        .iter()
        .enumerate()
        .filter_map(|(v, k)| match k {
            Kind::Step(i) => Some((d.placed.boxes[v].center().1 + top, *i)),
            _ => None,
        })
        .collect();
    steps.sort();
    type Measure = fn(&crate::generate::journey::Node) -> Option<f64>;
    let series: [(&str, Measure); 2] = [
        ("#0969da", |n| n.csat),
        ("#9a6700", |n| n.effort.map(|e| 6.0 - e)),
    ];
    for (color, value) in series {
        // A line only between neighbouring steps that both have the figure:
        // a step without it breaks the line, so no stretch looks measured
        // that was not.
        let points: Vec<Option<String>> = steps
            .iter()
            .map(|&(y, i)| value(&graph.nodes[i]).map(|v| format!("{},{y}", at(v))))
            .collect();
        for run in points.split(Option::is_none) {
            if run.len() > 1 {
                let run: Vec<&str> = run.iter().flatten().map(String::as_str).collect();
                let _ = writeln!(
                    s,
                    "<polyline points=\"{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>",
                    run.join(" ")
                );
            }
        }
        for &(y, i) in &steps {
            let node = &graph.nodes[i];
            if let Some(v) = value(node) {
                let (fill, r) = if node.hurts {
                    ("#b42318", 6)
                } else {
                    (color, 4)
                };
                // The figure as the language writes it: 4,5 in Russian.
                let figure = crate::i18n::decimal(&format!("{v:.1}"), language);
                let _ = writeln!(
                    s,
                    "<circle cx=\"{}\" cy=\"{y}\" r=\"{r}\" fill=\"{fill}\"><title>{}: {figure}</title></circle>",
                    at(v),
                    escape(&node.label)
                );
            }
        }
    }
    s.push_str("</g>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each kind of channel has its own icon, drawn with shapes only.
    #[test]
    fn every_channel_kind_has_its_own_icon() {
        use crate::syntax::values::ChannelKind as K;
        let kinds = [
            K::Phone,
            K::Chat,
            K::Email,
            K::Social,
            K::Portal,
            K::Office,
            K::Field,
        ];
        let icons: std::collections::BTreeSet<String> =
            kinds.iter().map(|&k| icon(Some(k), 0, 0)).collect();
        assert_eq!(icons.len(), kinds.len());
        for i in &icons {
            assert!(
                i.starts_with("<g class=\"icon\">") && !i.contains("<text"),
                "{i}"
            );
        }
        assert_eq!(icon(Some(K::Messenger), 0, 0), icon(Some(K::Chat), 0, 0));
    }
}
