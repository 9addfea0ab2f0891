//! A journey as BPMN 2.0 XML that opens in bpmn.io and Camunda Modeler.
//!
//! One pool with a lane per owner; each step is a task. Where several flows
//! reach a step, an exclusive gateway joins them first; where a step has
//! several ways on (`next ... when`, or `next` beside `end`), an exclusive
//! gateway splits them, each flow named by its `when` and carrying it as its
//! condition. A step with `end` gets an end event named by its outcome. This
//! is the shape bpmnlint's `recommended` rules ask for: no implicit splits or
//! joins, no gateway that both joins and forks, every fork labelled.
//!
//! Ids are positional (`Task_3`, `Flow_7`), so identifiers never reach XML
//! names; every text is escaped. The diagram (BPMNDI) comes from [`layout`].

use super::layout::{self, route, Layout, Rect, LANE_HEADER};
use super::Graph;
use crate::generate::markup::escape;
use crate::syntax::values::Language;
use std::fmt::Write;

const POOL_HEADER: u64 = 30;

struct Element {
    id: String,
    kind: &'static str,
    name: Option<String>,
    lane: usize,
    shape: Rect,
    incoming: Vec<usize>,
    outgoing: Vec<usize>,
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
        shape: Rect,
    ) -> usize {
        self.elements.push(Element {
            id,
            kind,
            name,
            lane,
            shape,
            incoming: Vec::new(),
            outgoing: Vec::new(),
        });
        self.elements.len() - 1
    }
    fn connect(&mut self, from: usize, to: usize, name: Option<String>, condition: Option<String>) {
        let id = self.flows.len();
        self.flows.push(Flow {
            from,
            to,
            name,
            condition,
        });
        self.elements[from].outgoing.push(id);
        self.elements[to].incoming.push(id);
    }
}

pub fn bpmn(graph: &Graph, language: Language) -> String {
    let layout = layout::layout(graph);
    let process = build(graph, &layout, language);
    write(graph, &layout, &process)
}

fn build(graph: &Graph, layout: &Layout, language: Language) -> Process {
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
        let cell = layout.cells[i];
        let cy = cell.center_y();
        let lane = layout.lane_of[i];
        task[i] = p.add(
            format!("Task_{i}"),
            "task",
            Some(node.label.clone()),
            lane,
            Rect::centred(cell.x + 90, cy, 120, 80),
        );
        entry[i] = task[i];
        if incoming[i] > 1 {
            entry[i] = p.add(
                format!("Join_{i}"),
                "exclusiveGateway",
                None,
                lane,
                Rect::centred(cell.x + 15, cy, 50, 50),
            );
            p.connect(entry[i], task[i], None, None);
        }
    }
    for (i, node) in graph.nodes.iter().enumerate() {
        let cell = layout.cells[i];
        let cy = cell.center_y();
        let lane = layout.lane_of[i];
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
                Rect::centred(cell.x + 240, cy, 50, 50),
            );
            p.connect(task[i], split, None, None);
            Some(split)
        } else {
            None
        };
        let source = from.unwrap_or(task[i]);
        if let Some(outcome) = &node.end {
            let name = if outcome.is_empty() {
                match language {
                    Language::En => "Done".to_string(),
                    Language::Ru => "Завершено".to_string(),
                }
            } else {
                outcome.clone()
            };
            let end = p.add(
                format!("End_{i}"),
                "endEvent",
                Some(name.clone()),
                lane,
                Rect::centred(cell.x + 310, cy, 36, 36),
            );
            let condition = from.map(|_| name.clone());
            p.connect(source, end, from.map(|_| name), condition);
        }
        for &e in &successors[i] {
            let edge = &graph.edges[e];
            let (name, condition) = match (&edge.when, from) {
                (_, None) => (None, None),
                (Some(when), Some(_)) => (Some(when.clone()), Some(when.clone())),
                (None, Some(_)) => (None, Some(graph.nodes[edge.to].label.clone())),
            };
            p.connect(source, entry[edge.to], name, condition);
        }
    }
    if let Some(s) = graph.start {
        let cell = layout.cells[s];
        let start = p.add(
            "Start".into(),
            "startEvent",
            Some(match language {
                Language::En => "Start".into(),
                Language::Ru => "Начало".into(),
            }),
            layout.lane_of[s],
            Rect::centred(LANE_HEADER + 22, cell.center_y(), 36, 36),
        );
        p.connect(start, entry[s], None, None);
    }
    p
}

fn write(graph: &Graph, layout: &Layout, p: &Process) -> String {
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
    x.push_str("    <bpmn:laneSet id=\"LaneSet\">\n");
    let mut by_lane: Vec<Vec<&Element>> = vec![Vec::new(); layout.lanes.len()];
    for e in &p.elements {
        by_lane[e.lane].push(e);
    }
    for (l, lane) in layout.lanes.iter().enumerate() {
        let _ = writeln!(
            x,
            "      <bpmn:lane id=\"Lane_{l}\" name=\"{}\">",
            escape(&lane.owner)
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
        let _ = writeln!(x, "    <bpmn:{} id=\"{}\"{name}>", e.kind, e.id);
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
                    "      <bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">{}</bpmn:conditionExpression>",
                    escape(c)
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
    // Everything is drawn below a margin so no coordinate is negative.
    let pool = Rect {
        x: 0,
        y: 0,
        width: layout.width,
        height: layout.height,
    };
    bounds(&mut x, "Pool", " isHorizontal=\"true\"", pool);
    for (l, lane) in layout.lanes.iter().enumerate() {
        let area = Rect {
            x: POOL_HEADER,
            y: lane.area.y,
            width: lane.area.width - POOL_HEADER,
            height: lane.area.height,
        };
        bounds(&mut x, &format!("Lane_{l}"), " isHorizontal=\"true\"", area);
    }
    for e in &p.elements {
        let extra = if e.kind == "exclusiveGateway" {
            " isMarkerVisible=\"true\""
        } else {
            ""
        };
        bounds(&mut x, &e.id, extra, e.shape);
    }
    for (i, f) in p.flows.iter().enumerate() {
        let _ = writeln!(
            x,
            "      <bpmndi:BPMNEdge id=\"Flow_{i}_di\" bpmnElement=\"Flow_{i}\">"
        );
        for (px, py) in route(&p.elements[f.from].shape, &p.elements[f.to].shape) {
            let _ = writeln!(x, "        <di:waypoint x=\"{px}\" y=\"{py}\" />");
        }
        x.push_str("      </bpmndi:BPMNEdge>\n");
    }
    x.push_str("    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n");
    x
}
