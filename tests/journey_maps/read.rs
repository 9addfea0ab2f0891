//! Reading a written map back: its tags, boxes and lines, as the SVG
//! says (no code of the drawing).

/// The width in the first viewBox of `svg` (its map's), as written.
pub fn width_of(svg: &str) -> &str {
    let view = svg.split("viewBox=\"0 0 ").nth(1).unwrap();
    view.split(' ').next().unwrap()
}

/// A tag of the SVG: its name, attributes and the translation it is under.
#[derive(Debug)]
pub struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub at: (f64, f64),
    /// The classes of the groups it is in, innermost last.
    pub groups: Vec<String>,
    /// The text right after it, up to the next tag, unescaped (a `text`
    /// tag's line).
    pub text: String,
}

impl Tag {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
    pub fn num(&self, key: &str) -> f64 {
        self.get(key)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{key} of {self:?}"))
    }
    pub fn rect(&self) -> Box2 {
        Box2 {
            x: self.at.0 + self.num("x"),
            y: self.at.1 + self.num("y"),
            w: self.num("width"),
            h: self.num("height"),
        }
    }
    /// An `svg` tag's viewBox: x, y, width, height.
    pub fn view_box(&self) -> Vec<f64> {
        self.get("viewBox")
            .unwrap()
            .split(' ')
            .map(|v| v.parse().unwrap())
            .collect()
    }
    /// Whether the innermost group around it has `class`.
    pub fn within(&self, class: &str) -> bool {
        self.groups
            .last()
            .is_some_and(|g| g.split(' ').any(|c| c == class))
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Box2 {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Box2 {
    pub fn overlaps(&self, o: &Box2) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
    pub fn inside(&self, width: f64, height: f64) -> bool {
        self.x >= 0.0 && self.y >= 0.0 && self.x + self.w <= width && self.y + self.h <= height
    }
    /// The distance from the box to a segment (lines run along the axes).
    pub fn distance(&self, a: (f64, f64), b: (f64, f64)) -> f64 {
        let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
        let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
        let dx = (self.x - x1).max(x0 - (self.x + self.w)).max(0.0);
        let dy = (self.y - y1).max(y0 - (self.y + self.h)).max(0.0);
        dx.hypot(dy)
    }
}

/// Every tag of `svg` with the translation of the groups around it.
pub fn tags(svg: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut stack: Vec<((f64, f64), String)> = vec![((0.0, 0.0), String::new())];
    for piece in svg.split('<').skip(1) {
        let (tag, after) = piece.split_once('>').unwrap_or((piece, ""));
        if let Some(name) = tag.strip_prefix('/') {
            if name.trim() == "g" {
                stack.pop();
            }
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '/')
            .collect();
        let mut attrs = Vec::new();
        let mut rest = &tag[name.len()..];
        while let Some(eq) = rest.find("=\"") {
            let key = rest[..eq].trim().to_string();
            let value_end = rest[eq + 2..].find('"').unwrap();
            attrs.push((key, rest[eq + 2..eq + 2 + value_end].to_string()));
            rest = &rest[eq + 2 + value_end + 1..];
        }
        let here = stack.last().unwrap().0;
        let t = Tag {
            name: name.clone(),
            attrs,
            at: here,
            groups: stack.iter().map(|(_, c)| c.clone()).collect(),
            text: crate::common::unescape_entities(after),
        };
        if name == "g" && !tag.ends_with('/') {
            let mut at = here;
            if let Some(tr) = t
                .get("transform")
                .and_then(|v| v.strip_prefix("translate("))
            {
                let nums: Vec<f64> = tr
                    .trim_end_matches(')')
                    .split([' ', ','])
                    .filter_map(|n| n.parse().ok())
                    .collect();
                at = (at.0 + nums[0], at.1 + nums.get(1).copied().unwrap_or(0.0));
            }
            stack.push((at, t.get("class").unwrap_or_default().to_string()));
        }
        out.push(t);
    }
    out
}

/// Each edge's polyline (its `data-edge`, its points), translated.
pub fn lines_of(tags: &[Tag]) -> Vec<(usize, Vec<(f64, f64)>)> {
    tags.iter()
        .filter(|t| t.name == "polyline" && t.get("class") == Some("edge"))
        .map(|t| {
            let points = t
                .get("points")
                .unwrap()
                .split(' ')
                .map(|p| {
                    let (x, y) = p.split_once(',').unwrap();
                    (
                        t.at.0 + x.parse::<f64>().unwrap(),
                        t.at.1 + y.parse::<f64>().unwrap(),
                    )
                })
                .collect();
            (t.num("data-edge") as usize, points)
        })
        .collect()
}

/// The segments of a polyline that have a length, collinear runs merged.
pub fn runs(points: &[(f64, f64)]) -> Vec<((f64, f64), (f64, f64))> {
    let mut out: Vec<((f64, f64), (f64, f64))> = Vec::new();
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a == b {
            continue;
        }
        if let Some(last) = out.last_mut() {
            let (p, q) = *last;
            let same = (p.0 == q.0 && q.0 == b.0) || (p.1 == q.1 && q.1 == b.1);
            if same && q == a {
                last.1 = b;
                continue;
            }
        }
        out.push((a, b));
    }
    out
}

/// How often a polyline changes direction.
pub fn bends(points: &[(f64, f64)]) -> usize {
    runs(points).len().saturating_sub(1)
}
