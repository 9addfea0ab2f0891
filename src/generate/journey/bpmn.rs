//! A journey as BPMN 2.0 XML that opens in bpmn.io and Camunda Modeler.
//!
//! One pool with a lane per owner; each step is a task. Where several flows
//! reach a step, an exclusive gateway joins them first; where a step has
//! several ways on (`next ... when`, or `next` beside `end`), an exclusive
//! gateway splits them, each flow named and documented by its `when`, its
//! condition a FEEL expression on the process variable `outcome` that an
//! engine evaluates (`= outcome = "when text"`), never the text itself.
//! The one way on without a `when` is the gateway's `default` flow, named
//! "otherwise", with no condition. A step with `end` gets an end event
//! named by its outcome. This
//! is the shape bpmnlint's `recommended` rules ask for: no implicit splits or
//! joins, no gateway that both joins and forks, every fork labelled.
//!
//! Ids are positional (`Task_3`, `Flow_7`), so identifiers never reach XML
//! names; every text is escaped. The diagram (BPMNDI) is the [`layered`]
//! layout of the process itself (tasks, gateways and events), left to right
//! with a lane per owner: tasks 100×80 as modellers draw them, each flow
//! routed between the shapes, each named flow with its label's bounds.

use super::layered::{self, Input, Orientation, Placed, Rect, Shape};
use super::metrics::{self, Face};
use super::Graph;
use crate::generate::markup::escape;
use crate::generate::words;
use crate::syntax::values::Language;
use std::fmt::Write;

/// The pool's and each lane's title strip, on the left.
const POOL_HEADER: i64 = 30;
const LANE_HEADER: i64 = 30;
const TASK: (i64, i64) = (100, 80);
/// bpmn-js sets a task's name at 12 px, lines 1.2 high, 7 px inside it;
/// a lane's title in its strip, at most two lines of it.
const NAME: f64 = 12.0;
const NAME_LINE: f64 = 14.4;
const TASK_PAD: i64 = 7;
const TITLE_LINES: usize = 2;
const GATEWAY: i64 = 50;
const EVENT: i64 = 36;

struct Element {
    id: String,
    kind: &'static str,
    name: Option<String>,
    lane: usize,
    /// Its size: (width, height).
    size: (i64, i64),
    incoming: Vec<usize>,
    outgoing: Vec<usize>,
    /// A gateway's default flow: taken when no other's condition holds.
    default: Option<usize>,
}

struct Flow {
    from: usize,
    to: usize,
    name: Option<String>,
    condition: Option<String>,
}

#[derive(Default)]
struct Process {
    elements: Vec<Element>,
    flows: Vec<Flow>,
}

impl Process {
    fn add(
        &mut self,
        id: String,
        kind: &'static str,
        name: Option<String>,
        lane: usize,
        size: (i64, i64),
    ) -> usize {
        self.elements.push(Element {
            id,
            kind,
            name,
            lane,
            size,
            incoming: Vec::new(),
            outgoing: Vec::new(),
            default: None,
        });
        self.elements.len() - 1
    }
    /// Adds a flow and returns its number (`Flow_{number}`).
    fn connect(
        &mut self,
        from: usize,
        to: usize,
        name: Option<String>,
        condition: Option<String>,
    ) -> usize {
        let id = self.flows.len();
        self.flows.push(Flow {
            from,
            to,
            name,
            condition,
        });
        self.elements[from].outgoing.push(id);
        self.elements[to].incoming.push(id);
        id
    }
}

pub fn bpmn(graph: &Graph, language: Language) -> String {
    let (lanes, lane_of) = graph.lanes();
    let process = build(graph, &lane_of, language);
    // Events and gateways carry their names outside the shape, below it,
    // as modellers draw them; each named flow its name beside it. Both are
    // parts of the layout, so nothing is drawn over them.
    let shapes = process
        .elements
        .iter()
        .map(|e| Shape {
            lane: e.lane,
            main: e.size.0,
            cross: e.size.1,
            under: None,
            widens: e.kind == "task",
            aside: e
                .name
                .as_deref()
                .filter(|_| e.kind != "task")
                .map(label_size),
        })
        .collect();
    let placed = layered::layout(
        &Input {
            shapes,
            edges: process.flows.iter().map(|f| (f.from, f.to)).collect(),
            labels: process
                .flows
                .iter()
                .map(|f| f.name.as_deref().map(label_size))
                .collect(),
            lanes: lanes.len(),
            root: process.elements.iter().position(|e| e.kind == "startEvent"),
            bands: Vec::new(),
            band_min: Vec::new(),
            one_per_layer: false,
            alone: false,
            room: Vec::new(),
            lane_min: lane_min(graph, &lanes),
            stacked: Vec::new(),
        },
        Orientation::LeftRight,
    );
    write(graph, &lanes, &placed, &process, language)
}

/// The least height of each lane: its title in two lines at most, and the
/// pool's title likewise along all lanes (the last lane takes the rest).
fn lane_min(graph: &Graph, lanes: &[String]) -> Vec<i64> {
    let mut least: Vec<i64> = lanes.iter().map(|l| strip_length(l)).collect();
    let pool = strip_length(&graph.title);
    let total: i64 = least.iter().sum();
    if let Some(last) = least.last_mut() {
        *last += (pool - total).max(0);
    }
    least
}

/// The widest an outside label is before it wraps.
const LABEL_WIDTH: f64 = 120.0;

/// The size (width, height) of the box bpmn-js draws an outside label in:
/// one line as wide as the text, or lines wrapped at [`LABEL_WIDTH`] as
/// bpmn-js wraps them, each 11 px × 1.2 high.
fn label_size(name: &str) -> (i64, i64) {
    let lines = metrics::bpmn_lines(name, 11.0, LABEL_WIDTH);
    let width = if lines.len() == 1 {
        metrics::width(name.trim_end(), Face::Arial, 11.0).ceil() as i64 + 2
    } else {
        LABEL_WIDTH as i64
    };
    (width, (lines.len() as f64 * 13.2).ceil() as i64 + 2)
}

/// A task as modellers draw it, 100 × 80, taller where its name needs
/// more lines than that holds.
fn task_size(name: &str) -> (i64, i64) {
    let lines = metrics::bpmn_lines(name, NAME, (TASK.0 - 2 * TASK_PAD) as f64).len();
    let text = (lines as f64 * NAME_LINE).ceil() as i64 + 2 * TASK_PAD + 2;
    (TASK.0, TASK.1.max(text))
}

/// The least height a title strip needs for `title` in two lines at most
/// (bpmn-js wraps it to the strip's length). A CJK font's lines stand
/// taller than 1.2 em: two of them overrun the 30-px strip, out of the lane,
/// so a title with CJK in it gets one line, and an em to spare for the
/// browser's own CJK widths.
fn strip_length(title: &str) -> i64 {
    let cjk = title.chars().any(metrics::is_cjk);
    let most = if cjk { 1 } else { TITLE_LINES };
    let fits = |h: i64| metrics::bpmn_lines(title, NAME, h as f64).len() <= most;
    let (mut lo, mut hi) = (0, metrics::px(title, Face::Arial, NAME) + 2);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if fits(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo + if cjk { NAME as i64 } else { 0 }
}

fn build(graph: &Graph, lane_of: &[usize], language: Language) -> Process {
    let n = graph.nodes.len();
    let successors = graph.successors();
    let mut incoming = vec![0usize; n];
    for e in &graph.edges {
        incoming[e.to] += 1;
    }
    if let Some(s) = graph.start {
        incoming[s] += 1;
    }
    let mut p = Process::default();
    // Where a flow into step i must go: its join gateway, or the task itself.
    let mut entry = vec![0; n];
    let mut task = vec![0; n];
    for (i, node) in graph.nodes.iter().enumerate() {
        let lane = lane_of[i];
        task[i] = p.add(
            format!("Task_{i}"),
            "task",
            Some(node.label.clone()),
            lane,
            task_size(&node.label),
        );
        entry[i] = task[i];
        if incoming[i] > 1 {
            entry[i] = p.add(
                format!("Join_{i}"),
                "exclusiveGateway",
                None,
                lane,
                (GATEWAY, GATEWAY),
            );
            p.connect(entry[i], task[i], None, None);
        }
    }
    for (i, node) in graph.nodes.iter().enumerate() {
        let lane = lane_of[i];
        let ways = successors[i].len() + usize::from(node.end.is_some());
        let from = if ways > 1 {
            let split = p.add(
                format!("Split_{i}"),
                "exclusiveGateway",
                Some(match language {
                    Language::En => format!("Outcome of “{}”?", node.label),
                    Language::Ru => format!("Итог этапа «{}»?", node.label),
                }),
                lane,
                (GATEWAY, GATEWAY),
            );
            p.connect(task[i], split, None, None);
            Some(split)
        } else {
            None
        };
        let source = from.unwrap_or(task[i]);
        if let Some(outcome) = &node.end {
            let name = super::end_name(outcome, language).to_string();
            let end = p.add(
                format!("End_{i}"),
                "endEvent",
                Some(name.clone()),
                lane,
                (EVENT, EVENT),
            );
            let condition = from.map(|_| name.clone());
            p.connect(source, end, from.map(|_| name), condition);
        }
        // The one way on without a `when` beside others is the gateway's
        // default flow, named "otherwise", with no condition of its own
        // (audit 12, M4); were there several, each is named by its step.
        let unconditioned = successors[i]
            .iter()
            .filter(|&&e| graph.edges[e].when.is_none())
            .count();
        for &e in &successors[i] {
            let edge = &graph.edges[e];
            let to = entry[edge.to];
            match (&edge.when, from) {
                (_, None) => {
                    p.connect(source, to, None, None);
                }
                (Some(when), Some(_)) => {
                    p.connect(source, to, Some(when.clone()), Some(when.clone()));
                }
                (None, Some(split)) if unconditioned == 1 => {
                    let otherwise = match language {
                        Language::En => "otherwise",
                        Language::Ru => "иначе",
                    };
                    let flow = p.connect(source, to, Some(otherwise.into()), None);
                    p.elements[split].default = Some(flow);
                }
                (None, Some(_)) => {
                    let step = graph.nodes[edge.to].label.clone();
                    p.connect(source, to, Some(step.clone()), Some(step));
                }
            }
        }
    }
    if let Some(s) = graph.start {
        let start = p.add(
            "Start".into(),
            "startEvent",
            Some(match language {
                Language::En => "Start".into(),
                Language::Ru => "Начало".into(),
            }),
            lane_of[s],
            (EVENT, EVENT),
        );
        p.connect(start, entry[s], None, None);
    }
    p
}

fn write(
    graph: &Graph,
    lanes: &[String],
    placed: &Placed,
    p: &Process,
    language: Language,
) -> String {
    let mut x = String::new();
    let title = escape(&graph.title);
    x.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" ",
        "xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" ",
        "xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\" ",
        "xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "id=\"Definitions\" targetNamespace=\"https://cxc.dev/journeys\" exporter=\"cxc\">\n",
    ));
    let _ = writeln!(x, "  <bpmn:collaboration id=\"Collaboration\">");
    let _ = writeln!(
        x,
        "    <bpmn:participant id=\"Pool\" name=\"{title}\" processRef=\"Process\" />"
    );
    x.push_str("  </bpmn:collaboration>\n");
    let _ = writeln!(
        x,
        "  <bpmn:process id=\"Process\" name=\"{title}\" isExecutable=\"false\">"
    );
    if placed.simplified {
        let note = words::term(words::Term::SimplifiedDrawing, language);
        let _ = writeln!(
            x,
            "    <bpmn:documentation>{}</bpmn:documentation>",
            escape(note)
        );
    }
    x.push_str("    <bpmn:laneSet id=\"LaneSet\">\n");
    let mut by_lane: Vec<Vec<&Element>> = vec![Vec::new(); lanes.len()];
    for e in &p.elements {
        by_lane[e.lane].push(e);
    }
    for (l, lane) in lanes.iter().enumerate() {
        let _ = writeln!(
            x,
            "      <bpmn:lane id=\"Lane_{l}\" name=\"{}\">",
            escape(lane)
        );
        for e in &by_lane[l] {
            let _ = writeln!(x, "        <bpmn:flowNodeRef>{}</bpmn:flowNodeRef>", e.id);
        }
        x.push_str("      </bpmn:lane>\n");
    }
    x.push_str("    </bpmn:laneSet>\n");
    for e in &p.elements {
        let name = e
            .name
            .as_ref()
            .map(|n| format!(" name=\"{}\"", escape(n)))
            .unwrap_or_default();
        let default = e
            .default
            .map(|f| format!(" default=\"Flow_{f}\""))
            .unwrap_or_default();
        let _ = writeln!(x, "    <bpmn:{} id=\"{}\"{name}{default}>", e.kind, e.id);
        for f in &e.incoming {
            let _ = writeln!(x, "      <bpmn:incoming>Flow_{f}</bpmn:incoming>");
        }
        for f in &e.outgoing {
            let _ = writeln!(x, "      <bpmn:outgoing>Flow_{f}</bpmn:outgoing>");
        }
        let _ = writeln!(x, "    </bpmn:{}>", e.kind);
    }
    for (i, f) in p.flows.iter().enumerate() {
        let name = f
            .name
            .as_ref()
            .map(|n| format!(" name=\"{}\"", escape(n)))
            .unwrap_or_default();
        let (from, to) = (&p.elements[f.from].id, &p.elements[f.to].id);
        match &f.condition {
            Some(c) => {
                let _ = writeln!(
                    x,
                    "    <bpmn:sequenceFlow id=\"Flow_{i}\"{name} sourceRef=\"{from}\" targetRef=\"{to}\">"
                );
                let _ = writeln!(
                    x,
                    "      <bpmn:documentation>{}</bpmn:documentation>",
                    escape(c)
                );
                let _ = writeln!(
                    x,
                    "      <bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">{}</bpmn:conditionExpression>",
                    escape(&condition(c))
                );
                x.push_str("    </bpmn:sequenceFlow>\n");
            }
            None => {
                let _ = writeln!(
                    x,
                    "    <bpmn:sequenceFlow id=\"Flow_{i}\"{name} sourceRef=\"{from}\" targetRef=\"{to}\" />"
                );
            }
        }
    }
    x.push_str("  </bpmn:process>\n");

    // The diagram.
    x.push_str("  <bpmndi:BPMNDiagram id=\"Diagram\">\n");
    x.push_str("    <bpmndi:BPMNPlane id=\"Plane\" bpmnElement=\"Collaboration\">\n");
    let bounds = |x: &mut String, id: &str, extra: &str, s: Rect| {
        let _ = writeln!(
            x,
            "      <bpmndi:BPMNShape id=\"{id}_di\" bpmnElement=\"{id}\"{extra}>\n        <dc:Bounds x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" />\n      </bpmndi:BPMNShape>",
            s.x, s.y, s.width, s.height
        );
    };
    // The layout sits right of the pool's and lanes' title strips.
    let left = POOL_HEADER + LANE_HEADER;
    let shift = |r: Rect| Rect { x: r.x + left, ..r };
    let content = placed.width;
    let pool = Rect {
        x: 0,
        y: 0,
        width: content + left,
        height: placed.height,
    };
    bounds(&mut x, "Pool", " isHorizontal=\"true\"", pool);
    for (l, lane) in placed.lanes.iter().enumerate() {
        let area = Rect {
            x: POOL_HEADER,
            y: lane.y,
            width: content + LANE_HEADER,
            height: lane.height,
        };
        bounds(&mut x, &format!("Lane_{l}"), " isHorizontal=\"true\"", area);
    }
    for (i, e) in p.elements.iter().enumerate() {
        let extra = if e.kind == "exclusiveGateway" {
            " isMarkerVisible=\"true\""
        } else {
            ""
        };
        let s = shift(placed.boxes[i]);
        match placed.asides[i].map(shift) {
            Some(l) => {
                let _ = writeln!(
                    x,
                    "      <bpmndi:BPMNShape id=\"{id}_di\" bpmnElement=\"{id}\"{extra}>\n        <dc:Bounds x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" />\n        <bpmndi:BPMNLabel>\n          <dc:Bounds x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" />\n        </bpmndi:BPMNLabel>\n      </bpmndi:BPMNShape>",
                    s.x,
                    s.y,
                    s.width,
                    s.height,
                    l.x,
                    l.y,
                    l.width,
                    l.height,
                    id = e.id
                );
            }
            None => bounds(&mut x, &e.id, extra, s),
        }
    }
    for (i, label) in placed.labels.iter().enumerate() {
        let _ = writeln!(
            x,
            "      <bpmndi:BPMNEdge id=\"Flow_{i}_di\" bpmnElement=\"Flow_{i}\">"
        );
        for &(px, py) in &placed.paths[i] {
            let _ = writeln!(x, "        <di:waypoint x=\"{}\" y=\"{py}\" />", px + left);
        }
        if let Some(r) = label {
            let _ = writeln!(
                x,
                "        <bpmndi:BPMNLabel>\n          <dc:Bounds x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" />\n        </bpmndi:BPMNLabel>",
                r.x + left,
                r.y,
                r.width,
                r.height
            );
        }
        x.push_str("      </bpmndi:BPMNEdge>\n");
    }
    x.push_str("    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n");
    x
}

/// A flow's condition as an engine evaluates it: a FEEL expression (what
/// Camunda 8 evaluates, `=` first) comparing a process variable `outcome`
/// with the flow's `when` text, which also names the flow and is its
/// documentation. The text itself is no expression: written as the
/// condition, an engine would fail on it at run time (audit 11, L11).
fn condition(when: &str) -> String {
    let quoted = when.replace('\\', "\\\\").replace('"', "\\\"");
    format!("= outcome = \"{quoted}\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::journey::{Edge, Node};

    /// A `when` text is the flow's words, never its condition: the
    /// condition is an expression an engine evaluates (audit 11, L11).
    #[test]
    fn a_when_text_is_compared_not_evaluated() {
        assert_eq!(
            condition("подключение возможно"),
            "= outcome = \"подключение возможно\""
        );
        assert_eq!(
            condition(r#"say "no" \ stop"#),
            r#"= outcome = "say \"no\" \\ stop""#
        );
    }

    /// Audit 12, M4: the one way on without a `when`, beside one with,
    /// is the gateway's default flow, named, with no condition; the way
    /// with a `when` keeps its condition.
    #[test]
    fn the_way_without_a_when_is_the_gateways_default() {
        let graph = Graph {
            title: "Booking".into(),
            nodes: vec![
                node("Documents sent", "Ticketing", None),
                node("Traveller travels", "Desk", Some("")),
                node("Change requested", "Desk", Some("")),
            ],
            edges: vec![
                Edge {
                    from: 0,
                    to: 1,
                    when: None,
                },
                Edge {
                    from: 0,
                    to: 2,
                    when: Some("change requested".into()),
                },
            ],
            start: Some(0),
            phases: Vec::new(),
        };
        let xml = bpmn(&graph, Language::En);
        let gateway = &xml[xml.find("<bpmn:exclusiveGateway id=\"Split_0\"").unwrap()..];
        let gateway = &gateway[..gateway.find('>').unwrap()];
        let default = &gateway[gateway.find(" default=\"").expect(gateway) + 10..];
        let default = &default[..default.find('"').unwrap()];
        let flow = &xml[xml
            .find(&format!("<bpmn:sequenceFlow id=\"{default}\""))
            .unwrap()..];
        let flow = &flow[..flow.find("\n").unwrap()];
        assert!(flow.contains(" name=\"otherwise\""), "{flow}");
        assert!(flow.contains("targetRef=\"Task_1\""), "{flow}");
        assert!(flow.ends_with("/>"), "no condition on the default: {flow}");
        assert_eq!(xml.matches("<bpmn:conditionExpression").count(), 1, "{xml}");
        assert!(
            xml.contains("= outcome = &quot;change requested&quot;"),
            "{xml}"
        );
        assert!(bpmn(&graph, Language::Ru).contains(" name=\"иначе\""));
    }

    fn node(label: &str, owner: &str, end: Option<&str>) -> Node {
        Node {
            label: label.into(),
            owner: owner.into(),
            end: end.map(Into::into),
            hurts: false,
            within: None,
            channels: Vec::new(),
            channel_kinds: Vec::new(),
            description: None,
            csat: None,
            effort: None,
            measured: None,
            badge: None,
        }
    }

    /// The bounds (x, y, width, height) after `from` in `xml`.
    fn bounds(xml: &str, from: &str) -> [i64; 4] {
        let at = xml.find(from).unwrap_or_else(|| panic!("{from}"));
        let tag = &xml[at..][xml[at..].find("<dc:Bounds").unwrap()..];
        let num = |key: &str| -> i64 {
            let v = &tag[tag.find(&format!(" {key}=\"")).unwrap() + key.len() + 3..];
            v[..v.find('"').unwrap()].parse().unwrap()
        };
        [num("x"), num("y"), num("width"), num("height")]
    }

    /// Issue 24: a lane's title fits its strip in two lines, the pool's
    /// along all lanes, and a long task name fits its task (bpmn-js sets
    /// them at 12 px; before, lanes were as tall as their tasks and tasks
    /// 80 px whatever their names).
    #[test]
    fn lane_titles_and_task_names_fit_their_shapes() {
        let long_name = "Согласование индивидуальных условий обслуживания \
                         корпоративного клиента с юридическим отделом и \
                         финансовой службой";
        let team = "Отдел по работе с корпоративными клиентами, партнёрами и \
                    государственными заказчиками Северо-Западного региона";
        let graph = Graph {
            title: "Очень длинное название пути клиента, которое не поместится".into(),
            nodes: vec![node(long_name, team, Some(""))],
            edges: Vec::new(),
            start: Some(0),
            phases: Vec::new(),
        };
        let xml = bpmn(&graph, Language::Ru);
        let lane = bounds(&xml, "bpmnElement=\"Lane_0\"");
        assert!(metrics::bpmn_lines(team, NAME, lane[3] as f64).len() <= TITLE_LINES);
        let pool = bounds(&xml, "bpmnElement=\"Pool\"");
        assert!(metrics::bpmn_lines(&graph.title, NAME, pool[3] as f64).len() <= TITLE_LINES);
        let task = bounds(&xml, "bpmnElement=\"Task_0\"");
        let lines = metrics::bpmn_lines(long_name, NAME, (task[2] - 2 * TASK_PAD) as f64);
        assert!(lines.len() > 4, "{lines:?}");
        assert!(lines.len() as f64 * NAME_LINE + 2.0 * TASK_PAD as f64 <= task[3] as f64);
        // A short name keeps the modellers' 100 × 80.
        assert_eq!(task_size("Ремонт"), TASK);
    }

    /// Issue 24: every named flow has its label's bounds; outside labels
    /// are as wide as Arial sets them ("Начало" on one line) and inside
    /// their lane and the pool.
    #[test]
    fn every_label_has_bounds_that_hold_it_inside_its_lane() {
        let graph = Graph {
            title: "Сбой".into(),
            nodes: vec![
                node("Клиент сообщает о сбое", "Операторы", None),
                node("Совет клиенту", "Операторы", Some("")),
                node(
                    "Ремонт",
                    "Сеть",
                    Some("Связь восстановлена полностью и окончательно"),
                ),
            ],
            edges: vec![
                Edge {
                    from: 0,
                    to: 1,
                    when: Some("неисправность у клиента дома".into()),
                },
                Edge {
                    from: 0,
                    to: 2,
                    when: Some("неисправность на нашей стороне".into()),
                },
            ],
            start: Some(0),
            phases: Vec::new(),
        };
        let xml = bpmn(&graph, Language::Ru);
        let pool = bounds(&xml, "bpmnElement=\"Pool\"");
        let named = xml.matches("<bpmn:sequenceFlow id=\"Flow_").count();
        assert!(named >= 4, "{xml}");
        for (i, _) in xml.match_indices("<bpmn:sequenceFlow id=\"Flow_") {
            let tag = &xml[i..i + xml[i..].find('>').unwrap()];
            if !tag.contains(" name=\"") {
                continue;
            }
            let id = &tag[tag.find("id=\"").unwrap() + 4..];
            let id = &id[..id.find('"').unwrap()];
            let edge = &xml[xml.find(&format!("bpmnElement=\"{id}\"")).unwrap()..];
            let edge = &edge[..edge.find("</bpmndi:BPMNEdge>").unwrap()];
            assert!(
                edge.contains("<bpmndi:BPMNLabel>"),
                "{id} has no label bounds"
            );
        }
        let label = |id: &str| {
            let shape = &xml[xml.find(&format!("bpmnElement=\"{id}\"")).unwrap()..];
            bounds(shape, "<bpmndi:BPMNLabel>")
        };
        let start = label("Start");
        assert!(start[2] as f64 >= metrics::width("Начало", Face::Arial, 11.0));
        assert_eq!(
            metrics::bpmn_lines("Начало", 11.0, start[2] as f64).len(),
            1
        );
        for id in ["Start", "Split_0", "End_1", "End_2"] {
            let l = label(id);
            assert!(
                l[0] >= pool[0] && l[0] + l[2] <= pool[0] + pool[2],
                "{id} {l:?} {pool:?}"
            );
            let lanes: Vec<[i64; 4]> = (0..2)
                .map(|k| bounds(&xml, &format!("bpmnElement=\"Lane_{k}\"")))
                .collect();
            assert!(
                lanes
                    .iter()
                    .any(|b| l[1] >= b[1] && l[1] + l[3] <= b[1] + b[3]),
                "{id}'s label {l:?} crosses a lane border {lanes:?}"
            );
        }
    }
}
