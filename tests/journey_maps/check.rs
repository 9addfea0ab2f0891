//! What every map must be, measured on its SVG: whole, legible, its lines
//! apart; and printed as the site's stylesheet lays it out.

use super::read::{bends, lines_of, runs, tags, Box2, Tag};
use cxc::generate::journey::metrics::{self, Face};
use cxc::generate::journey::svg::{BUDGET, LANDSCAPE, PRINT_MOST, SCALED_MOST};

/// The least room between a card's border (a step's box, a chip of the
/// customer's lane) and the box of any text line in it.
pub const TEXT_PAD: f64 = 3.0;

/// The first text line of a card (a step, a chip) whose box — its width
/// measured as the drawing measures it, its height the font's ascent and
/// descent round its baseline as [`metrics`] estimates them — is not
/// inside the card with [`TEXT_PAD`] to spare: the card, the line and its
/// box. Chips stacked on a row of several steps are cards each.
pub fn text_outside_card(tags: &[Tag]) -> Option<(Box2, String, Box2)> {
    let card = |t: &Tag| t.within("step") || t.within("touchpoint");
    let mut current: Option<Box2> = None;
    for t in tags {
        if t.name == "rect" && card(t) {
            current = Some(t.rect());
        }
        if t.name != "text" || !card(t) {
            continue;
        }
        let outer = current.expect("a card's text follows its box");
        let line = line_box(t);
        let inner = Box2 {
            x: outer.x + TEXT_PAD,
            y: outer.y + TEXT_PAD,
            w: outer.w - 2.0 * TEXT_PAD,
            h: outer.h - 2.0 * TEXT_PAD,
        };
        let inside = inner.x <= line.x
            && inner.y <= line.y
            && line.x + line.w <= inner.x + inner.w
            && line.y + line.h <= inner.y + inner.h;
        if !inside {
            return Some((outer, t.text.clone(), line));
        }
    }
    None
}

/// The box of a group of small text (an edge's label, an end's outcome),
/// as its `data-` attributes say.
pub fn data_box(t: &Tag) -> Box2 {
    Box2 {
        x: t.at.0 + t.num("data-x"),
        y: t.at.1 + t.num("data-y"),
        w: t.num("data-width"),
        h: t.num("data-height"),
    }
}

/// The box a line of text takes, measured as the drawing measures it:
/// its width by the font's widths from its anchor, its height the font's
/// ascent and descent round its baseline.
fn line_box(t: &Tag) -> Box2 {
    let size = t.get("font-size").map_or(13.0, |v| v.parse().unwrap());
    let face = match t.get("font-weight") {
        Some("bold") => Face::SansBold,
        _ => Face::Sans,
    };
    let width = metrics::width(&t.text, face, size);
    let x = t.at.0 + t.num("x");
    let left = match t.get("text-anchor") {
        Some("middle") => x - width / 2.0,
        Some("end") => x - width,
        _ => x,
    };
    let mut baseline = t.at.1 + t.num("y");
    if t.get("dominant-baseline") == Some("middle") {
        baseline += metrics::MIDDLE * size;
    }
    let (top, bottom) = metrics::line_extent(baseline, size);
    Box2 {
        x: left,
        y: top,
        w: width,
        h: bottom - top,
    }
}

/// Audit 13, L5: every end event (a circle drawn 4 px thick, its tooltip
/// its name) has its outcome written beside it, as BPMN names the event:
/// the outcome's box right of the circle, its lines together the name
/// (wrapped, never cut), each line's measured box inside the outcome's
/// box. The outcomes' boxes, to check against everything else.
pub fn outcomes_beside_ends(tags: &[Tag]) -> Result<Vec<Box2>, String> {
    let mut ends = Vec::new();
    for (k, t) in tags.iter().enumerate() {
        if t.name == "circle"
            && t.get("class") == Some("event")
            && t.get("stroke-width") == Some("4")
        {
            let title = tags.get(k + 1).filter(|n| n.name == "title");
            let name = title.ok_or("an end event without its name")?.text.clone();
            let r = t.num("r");
            let circle = Box2 {
                x: t.at.0 + t.num("cx") - r,
                y: t.at.1 + t.num("cy") - r,
                w: 2.0 * r,
                h: 2.0 * r,
            };
            ends.push((circle, name));
        }
    }
    let mut outcomes: Vec<(Box2, Vec<String>)> = Vec::new();
    for t in tags {
        if t.name == "g" && t.get("class") == Some("outcome") {
            outcomes.push((data_box(t), Vec::new()));
        } else if t.name == "text" && t.within("outcome") {
            let (outer, lines) = outcomes.last_mut().ok_or("an outcome's text outside it")?;
            let line = line_box(t);
            let inside = outer.x <= line.x
                && line.x + line.w <= outer.x + outer.w
                && outer.y <= line.y
                && line.y + line.h <= outer.y + outer.h;
            if !inside {
                return Err(format!(
                    "the outcome {:?} {line:?} is not inside {outer:?}",
                    t.text
                ));
            }
            lines.push(t.text.clone());
        }
    }
    if outcomes.len() != ends.len() {
        return Err(format!(
            "{} outcomes for {} end events",
            outcomes.len(),
            ends.len()
        ));
    }
    for ((circle, name), (outcome, lines)) in ends.iter().zip(&outcomes) {
        // A word too long for a line is broken inside, a hyphen after
        // a syllable: the lines are the name, less such hyphens.
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        let joined: String = lines
            .iter()
            .map(|l| l.strip_suffix('-').unwrap_or(l))
            .collect();
        if squeeze(&lines.concat()) != squeeze(name) && squeeze(&joined) != squeeze(name) {
            return Err(format!("the end {name:?} is written {lines:?}"));
        }
        let right = circle.x + circle.w;
        let level = outcome.y < circle.y + circle.h && circle.y < outcome.y + outcome.h;
        if !(right <= outcome.x && outcome.x <= right + 8.0 && level) {
            return Err(format!(
                "the outcome {name:?} {outcome:?} is not beside its end {circle:?}"
            ));
        }
    }
    Ok(outcomes.into_iter().map(|(b, _)| b).collect())
}

/// The longest stretch along which two different lines run side by side
/// less than `near` px apart, both across the map, or (`down`) both down
/// it too: (length, distance, the two edges).
pub fn longest_parallel(
    lines: &[(usize, Vec<(f64, f64)>)],
    near: f64,
    down: bool,
) -> Option<(f64, f64, usize, usize)> {
    type Segment = (usize, (f64, f64), (f64, f64));
    let segments: Vec<Segment> = lines
        .iter()
        .flat_map(|(e, p)| runs(p).into_iter().map(move |(a, b)| (*e, a, b)))
        .collect();
    let mut worst: Option<(f64, f64, usize, usize)> = None;
    for (i, &(e, a, b)) in segments.iter().enumerate() {
        for &(f, c, d) in &segments[..i] {
            // Lines of one edge, or meeting at a point (where they end on
            // a step), are not two lines side by side.
            if e == f || [c, d].contains(&a) || [c, d].contains(&b) {
                continue;
            }
            // Along y (both vertical) or along x (both horizontal).
            let (along, apart) = if a.0 == b.0 && c.0 == d.0 && down {
                (((a.1, b.1), (c.1, d.1)), (a.0 - c.0).abs())
            } else if a.1 == b.1 && c.1 == d.1 {
                (((a.0, b.0), (c.0, d.0)), (a.1 - c.1).abs())
            } else {
                continue;
            };
            let ((p0, p1), (q0, q1)) = along;
            let overlap = p0.max(p1).min(q0.max(q1)) - p0.min(p1).max(q0.min(q1));
            if apart < near && overlap > worst.map_or(0.0, |w| w.0) {
                worst = Some((overlap, apart, e, f));
            }
        }
    }
    worst
}

/// Half an arrowhead's width: the marker is 8 stroke widths of 1.5 px
/// across, 12 px.
pub const ARROW_HALF: f64 = 6.0;

/// The first step side (of `boxes`) where two lines end less than `least`
/// px apart, or an arrowhead and another line's end less than `least`
/// past the arrowhead's edge (`arrow` more, its half width: audit 13, L5,
/// the stackwise reopen loop left a step's top between two arrowheads),
/// and how far apart they are.
pub fn crowded_side(
    boxes: &[Box2],
    lines: &[(usize, Vec<(f64, f64)>)],
    least: f64,
    arrow: f64,
) -> Option<(Box2, f64)> {
    for b in boxes {
        for side in [b.y, b.y + b.h] {
            // Each end on the side, and whether it is an arrowhead (a
            // polyline's last point carries the marker).
            let mut ends: Vec<(f64, bool)> = lines
                .iter()
                .flat_map(|(_, p)| [(p[0], false), (p[p.len() - 1], true)])
                .filter(|&((x, y), _)| y == side && b.x <= x && x <= b.x + b.w)
                .map(|((x, _), arrow)| (x, arrow))
                .collect();
            ends.sort_by(|a, b| a.0.total_cmp(&b.0));
            let too_close = |w: &[(f64, bool)]| {
                let gap = if w[0].1 || w[1].1 {
                    least + arrow
                } else {
                    least
                };
                w[1].0 - w[0].0 < gap
            };
            if let Some(w) = ends.windows(2).find(|w| too_close(w)) {
                return Some((*b, w[1].0 - w[0].0));
            }
        }
    }
    None
}

/// Generated maps whose lines run down the map closer than parallel lines
/// must stand (15 px where the layout has room, 8 in a compact drawing),
/// along any stretch: (length, distance, the two edges).
pub fn close_down(svg: &str) -> Option<(f64, f64, usize, usize)> {
    let tags = tags(svg);
    let compact = tags[0]
        .get("class")
        .unwrap()
        .split(' ')
        .any(|c| c == "compact");
    let near = if compact { CLOSEST } else { APART };
    longest_parallel(&lines_of(&tags), near, true)
}

/// The most bends a loop edge takes on a legible map: out of its step,
/// along one column, into its target.
pub const LOOP_BENDS: usize = 4;
/// Two lines nearer than this along more than [`ALONG`] px read as one,
/// down the map or across it (the audit measured the `breakdown` loop 14
/// px beside another line for 90 px; horizontal tracks stood 9 px apart
/// for up to 500 px). Every shipped and outside map keeps both apart.
/// Across the map, every map whose layout has room (all but the compact
/// drawings) keeps its lines so far apart along any stretch: the tracks
/// of a gap stand 15 px apart. Down the map, the lines of a step's side
/// stand so far apart on every map (its body widens for them); a few
/// generated maps still run lines closer elsewhere ([`close_down`]).
pub const APART: f64 = 15.0;
pub const ALONG: f64 = 40.0;
/// A compact drawing (the last resort to fit) runs its tracks closer, 9
/// px apart, but never closer than this along any stretch.
pub const CLOSEST: f64 = 8.0;

/// Everything the issue asks of a map, measured on its SVG; `legible`:
/// the map must fit unscaled too.
pub fn check_map(svg: &str, steps: usize, legible: bool) -> Result<(), String> {
    check_map_allowing(svg, steps, legible, LOOP_BENDS)
}

/// [`check_map`] with a loop allowed `loop_bends` bends: for a map whose
/// extra bends are recorded, not fixed (see `RECORDED_LOOP_BENDS`).
pub fn check_map_allowing(
    svg: &str,
    steps: usize,
    legible: bool,
    loop_bends: usize,
) -> Result<(), String> {
    if svg.contains('…') {
        return Err("a text is cut with …".into());
    }
    let tags = tags(svg);
    let root = &tags[0];
    let view = root.view_box();
    let (width, height) = (view[2], view[3]);
    let class = root.get("class").unwrap();
    let scaled = class.contains("scaled");
    let scrolls = class.contains("scrolls");
    // Wider than the screen's budget, a map is scaled, its text staying
    // 10 px or more; none is left to scroll.
    if scrolls || (width > BUDGET as f64) != scaled || width > SCALED_MOST as f64 {
        return Err(format!("{width} px wide: {class}"));
    }
    // Legible on screen and on A4 landscape (1,047 px across): the map is
    // never scaled down, and its least text is 11 px, 8 pt at 97 %.
    if (scaled || scrolls) && legible {
        return Err(format!("{width} px wide: {class}"));
    }
    let least = tags
        .iter()
        .filter_map(|t| t.get("font-size"))
        .map(|v| v.parse::<f64>().unwrap())
        .fold(f64::INFINITY, f64::min);
    if least < 11.0 {
        return Err(format!("text at {least} px"));
    }
    if std::env::var_os("CXC_MAP_STATS").is_some() {
        eprintln!("map width {width} scaled {scaled}");
    }
    let rects_in = |class: &str| -> Vec<Box2> {
        tags.iter()
            .filter(|t| t.name == "rect" && t.within(class))
            .map(Tag::rect)
            .collect()
    };
    let boxes = rects_in("step");
    if boxes.len() != steps {
        return Err(format!("{} of {steps} steps drawn", boxes.len()));
    }
    let events: Vec<Box2> = tags
        .iter()
        .filter(|t| t.name == "circle" && t.get("class") == Some("event"))
        .map(|t| {
            let r = t.num("r");
            Box2 {
                x: t.at.0 + t.num("cx") - r,
                y: t.at.1 + t.num("cy") - r,
                w: 2.0 * r,
                h: 2.0 * r,
            }
        })
        .collect();
    let labels: Vec<(usize, Box2)> = tags
        .iter()
        .filter(|t| t.name == "g" && t.get("class") == Some("label"))
        .map(|t| (t.num("data-edge") as usize, data_box(t)))
        .collect();
    let lines = lines_of(&tags);
    // Audit 3, finding 10: a loop goes back on a short route, and no line
    // runs along another so close that the two read as one.
    if legible {
        for (edge, points) in &lines {
            let back = points.last().unwrap().1 < points[0].1;
            if back && bends(points) > loop_bends {
                return Err(format!("loop {edge} bends {} times", bends(points)));
            }
        }
    }
    let compact = class.split(' ').any(|c| c == "compact");
    let spacing = match (legible, compact) {
        (true, _) => (APART, ALONG, true),
        (false, false) => (APART, 0.0, false),
        (false, true) => (CLOSEST, 0.0, false),
    };
    let (near, along, down) = spacing;
    if let Some((length, apart, a, b)) = longest_parallel(&lines, near, down) {
        if length > along {
            return Err(format!(
                "lines {a} and {b} run {apart} px apart for {length} px"
            ));
        }
    }
    // Lines leave and reach a step's side as far apart as parallel lines
    // must stand, 8 px in a compact drawing: closer, they run down the map
    // side by side to their turns (map task 6); beside an arrowhead, so
    // far from its edge.
    // (A compact drawing, the last resort to fit, keeps 8 px beside an
    // arrowhead too.)
    let (least, arrow) = if compact {
        (CLOSEST, 0.0)
    } else {
        (APART, ARROW_HALF)
    };
    if let Some((b, apart)) = crowded_side(&boxes, &lines, least, arrow) {
        return Err(format!("lines {apart} px apart at the step {b:?}"));
    }
    // Energy audit, F2: the last line of stacked chips was drawn on their
    // border.
    if let Some((card, text, line)) = text_outside_card(&tags) {
        return Err(format!(
            "the line {text:?} {line:?} is not inside its card {card:?}"
        ));
    }
    let outcomes = outcomes_beside_ends(&tags)?;
    let chips = rects_in("touchpoint");
    let solid: Vec<(&str, Box2)> = boxes
        .iter()
        .map(|b| ("step", *b))
        .chain(events.iter().map(|b| ("event", *b)))
        .chain(labels.iter().map(|(_, b)| ("label", *b)))
        .chain(outcomes.iter().map(|b| ("outcome", *b)))
        .chain(chips.iter().map(|b| ("touchpoint", *b)))
        .collect();
    for (i, (what, a)) in solid.iter().enumerate() {
        if !a.inside(width, height) {
            return Err(format!("a {what} {a:?} outside the {width}×{height} view"));
        }
        for (other, b) in &solid[..i] {
            if a.overlaps(b) {
                return Err(format!("a {what} {a:?} overlaps a {other} {b:?}"));
            }
        }
    }
    for (_, points) in &lines {
        for &(x, y) in points {
            if !(0.0..=width).contains(&x) || !(0.0..=height).contains(&y) {
                return Err(format!("a line leaves the view at {x},{y}"));
            }
        }
    }
    // No line runs over an end's outcome.
    for (edge, points) in &lines {
        for outcome in &outcomes {
            if points
                .windows(2)
                .any(|w| outcome.distance(w[0], w[1]) == 0.0)
            {
                return Err(format!("line {edge} runs over the outcome {outcome:?}"));
            }
        }
    }
    // Each label is nearer its own line than any other line.
    for (edge, label) in &labels {
        let near = |points: &[(f64, f64)]| {
            points
                .windows(2)
                .map(|w| label.distance(w[0], w[1]))
                .fold(f64::INFINITY, f64::min)
        };
        let own = lines.iter().find(|(e, _)| e == edge).map(|(_, p)| near(p));
        let own = own.ok_or(format!("label {edge} has no line"))?;
        for (e, points) in &lines {
            if e != edge && near(points) <= own {
                return Err(format!(
                    "label {edge} is as near line {e} as its own ({own})"
                ));
            }
        }
    }
    // Phase bands never overlap.
    let bands = rects_in("phase");
    for (i, a) in bands.iter().enumerate() {
        for b in &bands[..i] {
            if a.overlaps(b) {
                return Err(format!("phase bands {a:?} and {b:?} overlap"));
            }
        }
    }
    Ok(())
}

/// The map printed on A4 as the site's print stylesheet lays it out: whole
/// on a page (portrait up to 718 px, else landscape, 1,047 px across), or
/// for a map wider than [`PRINT_MOST`], in `parts` a landscape page each:
/// strips of whole lanes that together are the map, every step inside one,
/// each scaled to its page. Its least text (11 px) prints at 8 pt or more.
pub fn check_print(map: &str, parts: Option<&str>) -> Result<(), String> {
    let pt = |width: f64| 11.0 * (LANDSCAPE as f64 / width).min(1.0) * 0.75;
    let tags = tags(map);
    let width = tags[0].view_box()[2];
    let Some(parts) = parts else {
        if width > PRINT_MOST as f64 {
            return Err(format!("{width} px wide and printed whole"));
        }
        if width > 718.0 && !tags[0].get("class").unwrap().contains("wide") {
            return Err(format!("{width} px wide and printed portrait"));
        }
        return match pt(width) {
            p if p >= 8.0 => Ok(()),
            p => Err(format!("printed at {p:.2} pt")),
        };
    };
    if !tags[0].get("class").unwrap().contains("in-parts") {
        return Err("printed in parts and whole".into());
    }
    let strips: Vec<(f64, f64)> = self::tags(parts)
        .iter()
        .filter(|t| t.name == "svg")
        .map(|t| {
            assert_eq!(t.get("class"), Some("journey-map-part"));
            let v = t.view_box();
            (v[0], v[2])
        })
        .collect();
    let mut at = 0.0;
    for &(x, w) in &strips {
        if x != at {
            return Err(format!("a part starts at {x}, not {at}"));
        }
        if pt(w) < 8.0 {
            return Err(format!("a part {w} px wide prints at {:.2} pt", pt(w)));
        }
        at = x + w;
    }
    if at != width || strips.len() < 2 {
        return Err(format!("{} parts end at {at} of {width}", strips.len()));
    }
    for step in tags.iter().filter(|t| t.name == "rect" && t.within("step")) {
        let b = step.rect();
        if !strips.iter().any(|&(x, w)| x <= b.x && b.x + b.w <= x + w) {
            return Err(format!("a step {b:?} is cut between parts"));
        }
    }
    Ok(())
}
