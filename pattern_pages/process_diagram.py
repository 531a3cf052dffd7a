"""A process as a graph of lanes, tasks, gateways, end events and flows, laid out by Graphviz ``dot`` and
drawn twice: as the swimlane SVG on the process page and as BPMN 2.0 XML (with diagram interchange, at
the same coordinates) for process tools.

Where each step goes is the flow model of ``process_flow``: one end event per outcome the process can
end with, one exclusive gateway (named by its question) per decision.

Two layouts are made of each process: ``wide`` (left to right, one cluster per role, as swimlanes) for
screens of 640 px and more, and ``narrow`` (top to bottom, each box naming its role) for phones. Laying out
costs a ``dot`` run, so ``pattern_pages.diagrams`` keeps the drawings of each published revision and
nothing here runs per request.
"""

import json
import math
import shutil
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape as html_escape
from xml.etree import ElementTree as ET  # noqa: S405  (we build XML; we never parse untrusted input)

import graphviz
from django.utils.translation import gettext as _

from .process_flow import ProcessFlow, default_end_label
from .text import xml_text, xml_tostring

SVG_NS = "http://www.w3.org/2000/svg"
BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI"
DC_NS = "http://www.omg.org/spec/DD/20100524/DC"
DI_NS = "http://www.omg.org/spec/DD/20100524/DI"

# Bump when the drawing changes, so stored drawings of earlier revisions are made again on next view.
DRAWING_VERSION = 2
FONT = "Arial"
STEP_FONT_SIZE = 14
LABEL_FONT_SIZE = 13
LANE_FONT_SIZE = 15
ROLE_FONT_SIZE = 12
INK = "#0b0c0c"
LANE_FILLS = ("#ffffff", "#f3f2f1")
BPMN_POOL_BAND = 30  # the participant's name runs down a band this wide, left of the lanes


class LayoutEngineMissing(RuntimeError):
    """Graphviz's ``dot`` is not installed."""


@dataclass
class Node:
    id: str
    kind: str  # start, task, gateway, end
    label: str
    lane: int
    ref: str = ""
    role_kind: str = ""
    column: int = 0
    incoming: list = field(default_factory=list)
    outgoing: list = field(default_factory=list)


@dataclass
class Flow:
    id: str
    source: Node
    target: Node
    label: str = ""


@dataclass
class Lane:
    id: str
    name: str
    kind: str
    nodes: list = field(default_factory=list)


class ProcessGraph:
    """The graph of one process page; ``ProcessGraph.from_page(page)`` builds and lays it out."""

    def __init__(self, name, lanes, nodes, flows):
        self.name = name
        self.lanes = lanes
        self.nodes = nodes
        self.flows = flows
        self.width = 0
        self.height = 0

    @classmethod
    def from_page(cls, page):
        roles = [(str(r.value.get("name") or "").strip(), r.value.get("kind") or "") for r in page.roles]
        steps = [step.value for step in page.steps]
        return cls.from_steps(page.title, roles, steps)

    @classmethod
    def from_steps(cls, name, roles, steps):
        """Build from role ``(name, kind)`` pairs and ProcessStepBlock values (dicts)."""
        lanes = []
        lane_index = {}

        def lane_for(role_name):
            role_name = str(role_name or "").strip() or _("Unassigned")
            if role_name not in lane_index:
                lane_index[role_name] = len(lanes)
                lanes.append(Lane(id=f"Lane_{len(lanes) + 1}", name=role_name, kind=""))
            return lane_index[role_name]

        for role_name, kind in roles:
            if role_name:
                lanes[lane_for(role_name)].kind = kind

        nodes = []
        flows = []
        if not steps:
            return cls(name, lanes, nodes, flows)

        flow_model = ProcessFlow.from_values(steps)
        kinds = dict(roles)
        column = 1
        start = Node(id="StartEvent_1", kind="start", label=_("Start"), lane=lane_for(steps[0].get("role")))
        nodes.append(start)
        tasks = {}
        exits = {}  # ref -> the node its ways out leave from (the gateway of a decision, else the task)
        for index, step in enumerate(flow_model.steps):
            task = Node(
                id=f"Task_{index + 1}",
                kind="task",
                label=step.title,
                lane=lane_for(step.role),
                ref=step.ref,
                column=column,
                role_kind=kinds.get(step.role, ""),
            )
            tasks.setdefault(step.ref, task)
            exits.setdefault(step.ref, task)
            nodes.append(task)
            column += 1
            if step.is_decision:
                gateway = Node(
                    id=f"Gateway_{index + 1}",
                    kind="gateway",
                    label=step.question or _("Decision"),
                    lane=task.lane,
                    ref=step.ref,
                    column=column,
                )
                exits[step.ref] = gateway
                nodes.append(gateway)
                column += 1

        ends = {}

        def end_for(outcome, lane):
            if outcome not in ends:
                ends[outcome] = Node(
                    id=f"EndEvent_{len(ends) + 1}", kind="end", label=outcome, lane=lane, column=column
                )
                nodes.append(ends[outcome])
            return ends[outcome]

        def connect(source, target, label=""):
            flow = Flow(id=f"Flow_{len(flows) + 1}", source=source, target=target, label=label)
            source.outgoing.append(flow)
            target.incoming.append(flow)
            flows.append(flow)

        connect(start, tasks[flow_model.steps[0].ref])
        for step in flow_model.steps:
            task = tasks[step.ref]
            source = exits[step.ref]
            if source is not task:
                connect(task, source)
            for transition in step.transitions:
                target = tasks.get(transition.target) if transition.target else None
                if target is None:
                    target = end_for(transition.end or default_end_label(), task.lane)
                connect(source, target, transition.answer)

        return cls(name, lanes, nodes, flows)

    def tasks(self):
        return [node for node in self.nodes if node.kind == "task"]

    def gateways(self):
        return [node for node in self.nodes if node.kind == "gateway"]

    def lane_nodes(self):
        """``{lane index: [nodes]}`` in the order the nodes were made."""
        result = {index: [] for index in range(len(self.lanes))}
        for node in self.nodes:
            result.setdefault(node.lane, []).append(node)
        return result


# ----- layout by dot ----------------------------------------------------------------------------


def wrap(text, width=20, lines=3):
    """Break ``text`` into at most ``lines`` lines of about ``width`` characters, with an ellipsis if cut."""
    words = str(text).split()
    result = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width or not current:
            current = candidate
        else:
            result.append(current)
            current = word
    if current:
        result.append(current)
    if len(result) > lines:
        result = result[:lines]
        result[-1] = result[-1][: width - 1].rstrip() + "…"
    return result


def _dot_text(line):
    """One line of a plain dot label: backslashes kept as backslashes, control characters gone."""
    return xml_text(line).replace("\\", "\\\\")


def _plain_label(lines):
    return graphviz.nohtml("\\n".join(_dot_text(line) for line in lines))


def _html_label(role, lines):
    """A label with the role in small type above the step's own lines (the narrow layout's lane name)."""
    body = "<BR/>".join(html_escape(xml_text(line)) for line in lines)
    role_line = html_escape(xml_text(role))
    return f'<<FONT POINT-SIZE="{ROLE_FONT_SIZE}" COLOR="#505a5f">{role_line}</FONT><BR/>{body}>'


def _padded_label(lines):
    """An answer's label with room around it, so dot keeps neighbouring answers and boxes clear of it."""
    body = "<BR/>".join(html_escape(xml_text(line)) for line in lines)
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="3"><TR><TD>{body}</TD></TR></TABLE>>'


def dot_graph(graph, direction):
    """The graph as dot source: ``wide`` lays out left to right in role clusters, ``narrow`` top to bottom."""
    wide = direction == "wide"
    dot = graphviz.Digraph(name="process")
    dot.attr(
        rankdir="LR" if wide else "TB",
        fontname=FONT,
        nodesep="0.35" if wide else "0.2",
        ranksep="0.45" if wide else "0.35",
        margin="8",
        newrank="true",
        outputorder="edgesfirst",
    )
    dot.attr("node", fontname=FONT, fontsize=str(STEP_FONT_SIZE), margin="0.12,0.08")
    dot.attr("edge", fontname=FONT, fontsize=str(LABEL_FONT_SIZE), arrowsize="0.8")
    lane_names = [lane.name for lane in graph.lanes]

    def add_node(target, node):
        attrs = {"id": node.id}
        lines = {
            "task": wrap(node.label, 22 if wide else 18, 4 if wide else 5),
            "gateway": wrap(node.label, 18 if wide else 14, 5 if wide else 6),
            "start": [node.label],
            "end": wrap(node.label, 18, 3),
        }[node.kind]
        if not wide and node.kind == "task":
            attrs["label"] = _html_label(lane_names[node.lane] if lane_names else "", lines)
        else:
            attrs["label"] = _plain_label(lines)
        if node.kind == "task":
            attrs.update(shape="box", width="1.9" if wide else "1.7", height="0.7")
        elif node.kind == "gateway":
            attrs.update(shape="diamond", margin="0.02")
        else:
            attrs.update(shape="box", style="rounded", height="0.4", fontsize=str(LABEL_FONT_SIZE))
        target.node(node.id, **attrs)

    if wide and graph.lanes:
        for index, nodes in graph.lane_nodes().items():
            if not nodes:  # a role with no step yet: no lane (dot gives an empty cluster no box)
                continue
            with dot.subgraph(name=f"cluster_{index}") as lane:
                lane.attr(
                    label=_plain_label(wrap(graph.lanes[index].name, 40, 2)),
                    labeljust="l",
                    fontsize=str(LANE_FONT_SIZE),
                    margin="14",
                    id=graph.lanes[index].id,
                )
                for node in nodes:
                    add_node(lane, node)
    else:
        for node in graph.nodes:
            add_node(dot, node)
    for flow in graph.flows:
        attrs = {"id": flow.id}
        if flow.label:
            attrs["label"] = _padded_label(wrap(flow.label, 22, 3))
        dot.edge(flow.source.id, flow.target.id, **attrs)
    return dot


def run_dot(dot):
    """Lay out ``dot`` source with Graphviz and return its JSON description (positions in points)."""
    if shutil.which("dot") is None:
        raise LayoutEngineMissing(
            "Graphviz's 'dot' is not installed: apt-get install graphviz (Debian/Ubuntu) or brew install graphviz."
        )
    return json.loads(_laid_out(dot.source))


@lru_cache(maxsize=256)
def _laid_out(source):
    """Graphviz's JSON for one dot source. The layout depends on the source alone, so a process saved
    again unchanged (a translation, a re-publish, the demo loaded again) does not start Graphviz again."""
    return graphviz.pipe_string("dot", "json", source, encoding="utf-8")


@dataclass
class Text:
    x: float
    y: float
    text: str
    anchor: str
    size: float
    width: float
    colour: str = INK


@dataclass
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self):
        return (self.x + self.width / 2, self.y + self.height / 2)


@dataclass
class Layout:
    """Where ``dot`` put everything, in SVG coordinates (y down, 1 pt = 1 px)."""

    width: float
    height: float
    lanes: dict  # lane index -> (Box, [Text])
    nodes: dict  # node id -> (Box, [Text])
    edges: dict  # flow id -> {"beziers": [(x, y), ...], "arrow": [(x, y), ...], "label": [Text]}


def _texts(ops, flip):
    texts, size, colour = [], STEP_FONT_SIZE, INK
    for op in ops or []:
        if op["op"] == "F":
            size = float(op["size"])
        elif op["op"] == "c":
            colour = op["color"][:7]
        elif op["op"] == "T":
            x, y = op["pt"]
            anchor = {"l": "start", "r": "end"}.get(op["align"], "middle")
            texts.append(Text(x, flip(y), op["text"], anchor, size, float(op["width"]), colour))
    return texts


def _box(x0, y0, x1, y1, flip):
    return Box(x0, flip(y1), x1 - x0, y1 - y0)


def parse_layout(data, graph):
    x0, y0, x1, y1 = (float(v) for v in data["bb"].split(","))

    def flip(y):
        return y1 - y

    by_gvid = {}
    lanes, nodes, edges = {}, {}, {}
    for obj in data.get("objects", []):
        by_gvid[obj["_gvid"]] = obj
        if obj["name"].startswith("cluster_"):
            if "bb" not in obj:
                continue
            bx0, by0, bx1, by1 = (float(v) for v in obj["bb"].split(","))
            lanes[int(obj["name"].split("_")[1])] = (_box(bx0, by0, bx1, by1, flip), _texts(obj.get("_ldraw_"), flip))
        elif "pos" in obj:
            cx, cy = (float(v) for v in obj["pos"].split(","))
            w, h = float(obj["width"]) * 72, float(obj["height"]) * 72
            nodes[obj["name"]] = (Box(cx - w / 2, flip(cy) - h / 2, w, h), _texts(obj.get("_ldraw_"), flip))
    for edge in data.get("edges", []):
        beziers = [
            (float(x), flip(float(y))) for op in edge.get("_draw_", []) if op["op"] == "b" for x, y in op["points"]
        ]
        arrow = [
            (float(x), flip(float(y))) for op in edge.get("_hdraw_", []) if op["op"] == "P" for x, y in op["points"]
        ]
        edges[edge["id"]] = {"beziers": beziers, "arrow": arrow, "label": _texts(edge.get("_ldraw_"), flip)}
    return Layout(width=x1 - x0, height=y1 - y0, lanes=lanes, nodes=nodes, edges=edges)


def lay_out(graph, direction):
    return parse_layout(run_dot(dot_graph(graph, direction)), graph)


def bezier_points(controls, steps=8):
    """Points along a piecewise cubic Bézier (``p0 c1 c2 p1 c1 c2 p2 …``), ``steps`` per piece."""
    points = controls[:1]
    for i in range(0, len(controls) - 3, 3):
        p0, p1, p2, p3 = controls[i : i + 4]
        for n in range(1, steps + 1):
            t = n / steps
            a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
            points.append(
                (a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1])
            )
    return points


# ----- SVG --------------------------------------------------------------------------------------


def _n(value):
    return f"{round(value, 1):g}"


def el(parent, tag, attrs=None, text=None):
    """An SVG element under ``parent``, its attributes as text."""
    element = ET.SubElement(parent, f"{{{SVG_NS}}}{tag}", {k: str(v) for k, v in (attrs or {}).items()})
    if text is not None:
        element.text = text
    return element


def step_box(group, box, rx, stroke_width):
    """A white box with rounded corners: a step (rx 6) or a start or end event (rounded to a pill)."""
    attributes = {"x": _n(box.x), "y": _n(box.y), "width": _n(box.width), "height": _n(box.height)}
    el(group, "rect", {**attributes, "rx": rx, "fill": "#ffffff", "stroke": INK, "stroke-width": stroke_width})


def swimlane_svg(graph, layout, title, description, variant="wide"):
    """The diagram as an ``<svg>`` element string.

    In the wide variant one ``g.swimlane`` per role holds its steps; in both, each step is a
    ``g.swimlane__step``, each decision a ``g.swimlane__decision`` showing its question, each end a
    ``g.swimlane__end`` naming its outcome, and each flow a ``g.swimlane__flow`` with its answer.
    """
    ET.register_namespace("", SVG_NS)
    prefix = f"swimlane-{variant}"

    svg = ET.Element(
        f"{{{SVG_NS}}}svg",
        {
            "width": _n(layout.width),
            "height": _n(layout.height),
            "viewBox": f"0 0 {_n(layout.width)} {_n(layout.height)}",
            "role": "img",
            "aria-labelledby": f"{prefix}-title {prefix}-desc",
            "class": f"library-swimlane library-swimlane--{variant}",
            "font-family": "arial, sans-serif",
        },
    )
    el(svg, "title", {"id": f"{prefix}-title"}, title)
    el(svg, "desc", {"id": f"{prefix}-desc"}, description)
    el(svg, "rect", {"x": 0, "y": 0, "width": _n(layout.width), "height": _n(layout.height), "fill": "#ffffff"})

    def draw_texts(parent, texts, css_class, weight=None):
        if not texts:
            return
        first = texts[0]
        attrs = {"class": css_class, "font-size": _n(first.size), "fill": INK}
        if weight:
            attrs["font-weight"] = weight
        text = el(parent, "text", attrs)
        for line in texts:
            span = {"x": _n(line.x), "y": _n(line.y), "text-anchor": line.anchor}
            if line.size != first.size:
                span["font-size"] = _n(line.size)
            if line.colour != INK:
                span["fill"] = line.colour
            el(text, "tspan", span, line.text)

    lane_groups = {}
    if variant == "wide":
        for index, lane in enumerate(graph.lanes):
            if index not in layout.lanes:
                continue
            box, texts = layout.lanes[index]
            group = el(svg, "g", {"class": "swimlane", "data-role": lane.name})
            el(
                group,
                "rect",
                {
                    "class": "swimlane__lane",
                    "x": _n(box.x),
                    "y": _n(box.y),
                    "width": _n(box.width),
                    "height": _n(box.height),
                    "fill": LANE_FILLS[index % 2] if index % 2 else "#f8f8f8",
                    "stroke": "#b1b4b6",
                },
            )
            draw_texts(group, texts, "swimlane__lane-name", weight="bold")
            lane_groups[index] = group

    flows = el(svg, "g", {"class": "swimlane__flows"})
    for flow in graph.flows:
        drawn = layout.edges.get(flow.id)
        if not drawn:
            continue
        group = el(
            flows,
            "g",
            {
                "class": "swimlane__flow",
                "data-flow": flow.id,
                "data-source": flow.source.id,
                "data-target": flow.target.id,
            },
        )
        points = drawn["beziers"]
        path = f"M {_n(points[0][0])} {_n(points[0][1])}" + "".join(
            f" C {' '.join(f'{_n(x)} {_n(y)}' for x, y in points[i + 1 : i + 4])}" for i in range(0, len(points) - 3, 3)
        )
        el(group, "path", {"d": path, "fill": "none", "stroke": INK, "stroke-width": "1.5"})
        if drawn["arrow"]:
            el(
                group,
                "polygon",
                {"points": " ".join(f"{_n(x)},{_n(y)}" for x, y in drawn["arrow"]), "fill": INK, "stroke": INK},
            )
        draw_texts(group, drawn["label"], "swimlane__flow-label")

    for node in graph.nodes:
        if node.id not in layout.nodes:
            continue
        box, texts = layout.nodes[node.id]
        parent = lane_groups.get(node.lane, svg)
        if node.kind == "task":
            group = el(parent, "g", {"class": "swimlane__step", "data-step-ref": node.ref, "data-node": node.id})
            el(group, "title", None, node.label)
            step_box(group, box, rx=6, stroke_width=2)
        elif node.kind == "gateway":
            group = el(parent, "g", {"class": "swimlane__decision", "data-step-ref": node.ref, "data-node": node.id})
            el(group, "title", None, node.label)
            cx, cy = box.centre
            diamond = [(cx, box.y), (box.x + box.width, cy), (cx, box.y + box.height), (box.x, cy)]
            el(
                group,
                "polygon",
                {
                    "points": " ".join(f"{_n(x)},{_n(y)}" for x, y in diamond),
                    "fill": "#ffdd00",
                    "stroke": INK,
                    "stroke-width": 2,
                },
            )
        else:
            group = el(parent, "g", {"class": f"swimlane__{node.kind}", "data-node": node.id})
            el(group, "title", None, node.label)
            step_box(group, box, rx=_n(box.height / 2), stroke_width=4 if node.kind == "end" else 2)
        draw_texts(group, texts, "swimlane__label")
    return xml_tostring(svg, encoding="unicode", short_empty_elements=True)


# ----- BPMN 2.0 ---------------------------------------------------------------------------------


BPMN_EVENT_SIZE = 36
BPMN_GATEWAY_SIZE = 50
TASK_TAGS = {"resident": "userTask", "system": "serviceTask"}


def bpmn_tag(node):
    if node.kind == "task":
        return TASK_TAGS.get(node.role_kind, "task")
    return {"start": "startEvent", "gateway": "exclusiveGateway", "end": "endEvent"}[node.kind]


def bpmn_xml(graph, layout, process_id="Process_1"):
    """The process as BPMN 2.0 XML (bytes): a collaboration with one participant, lanes, user tasks (for
    residents), service tasks (for systems), tasks (for officers and partners), exclusive gateways named by
    their question with named outcomes, one end event per outcome, and sequence flows; plus the diagram
    interchange at the coordinates of the wide layout, so a modeller draws what the page shows."""
    for prefix, uri in (("bpmn", BPMN_NS), ("bpmndi", BPMNDI_NS), ("dc", DC_NS), ("di", DI_NS)):
        ET.register_namespace(prefix, uri)

    def b(tag):
        return f"{{{BPMN_NS}}}{tag}"

    definitions = ET.Element(
        b("definitions"),
        {
            "id": "Definitions_1",
            "targetNamespace": "https://localgov-patterns.example/bpmn",
            "exporter": "LocalGov Pattern Library",
            "exporterVersion": "2.0",
        },
    )
    collaboration = ET.SubElement(definitions, b("collaboration"), {"id": "Collaboration_1"})
    ET.SubElement(
        collaboration, b("participant"), {"id": "Participant_1", "name": graph.name, "processRef": process_id}
    )
    process = ET.SubElement(definitions, b("process"), {"id": process_id, "name": graph.name, "isExecutable": "false"})
    if graph.lanes:
        lane_set = ET.SubElement(process, b("laneSet"), {"id": "LaneSet_1"})
        for index, lane in enumerate(graph.lanes):
            lane_element = ET.SubElement(lane_set, b("lane"), {"id": lane.id, "name": lane.name})
            for node in graph.lane_nodes().get(index, []):
                ET.SubElement(lane_element, b("flowNodeRef")).text = node.id
    for node in graph.nodes:
        attrs = {"id": node.id}
        if node.label:
            attrs["name"] = node.label
        element = ET.SubElement(process, b(bpmn_tag(node)), attrs)
        for flow in node.incoming:
            ET.SubElement(element, b("incoming")).text = flow.id
        for flow in node.outgoing:
            ET.SubElement(element, b("outgoing")).text = flow.id
    for flow in graph.flows:
        attrs = {"id": flow.id, "sourceRef": flow.source.id, "targetRef": flow.target.id}
        if flow.label:
            attrs["name"] = flow.label
        ET.SubElement(process, b("sequenceFlow"), attrs)

    diagram = ET.SubElement(definitions, f"{{{BPMNDI_NS}}}BPMNDiagram", {"id": "BPMNDiagram_1"})
    plane = ET.SubElement(diagram, f"{{{BPMNDI_NS}}}BPMNPlane", {"id": "BPMNPlane_1", "bpmnElement": "Collaboration_1"})

    def bounds(parent, box):
        ET.SubElement(
            parent,
            f"{{{DC_NS}}}Bounds",
            {
                "x": _n(box.x + BPMN_POOL_BAND),
                "y": _n(box.y),
                "width": _n(box.width),
                "height": _n(box.height),
            },
        )

    def shape(element_id, box, label_box=None, **extra):
        element = ET.SubElement(
            plane, f"{{{BPMNDI_NS}}}BPMNShape", {"id": f"{element_id}_di", "bpmnElement": element_id, **extra}
        )
        bounds(element, box)
        if label_box is not None:
            bounds(ET.SubElement(element, f"{{{BPMNDI_NS}}}BPMNLabel"), label_box)

    shape("Participant_1", Box(-BPMN_POOL_BAND, 0, layout.width + BPMN_POOL_BAND, layout.height), isHorizontal="true")
    for index, lane in enumerate(graph.lanes):
        if index in layout.lanes:
            shape(lane.id, layout.lanes[index][0], isHorizontal="true")
    for node in graph.nodes:
        box = layout.nodes[node.id][0]
        cx, cy = box.centre
        if node.kind == "task":
            shape(node.id, box)
        elif node.kind == "gateway":
            half = BPMN_GATEWAY_SIZE / 2
            # The question goes above the diamond, across the space dot gave the (larger) drawn diamond.
            shape(
                node.id,
                Box(cx - half, cy - half, BPMN_GATEWAY_SIZE, BPMN_GATEWAY_SIZE),
                Box(box.x, box.y, box.width, max(cy - half - box.y - 4, 14)),
                isMarkerVisible="true",
            )
        else:
            half = BPMN_EVENT_SIZE / 2
            top = cy - half
            shape(
                node.id,
                Box(cx - half, top, BPMN_EVENT_SIZE, BPMN_EVENT_SIZE),
                Box(box.x, top + BPMN_EVENT_SIZE + 4, box.width, 28),
            )
    for flow in graph.flows:
        drawn = layout.edges[flow.id]
        edge = ET.SubElement(plane, f"{{{BPMNDI_NS}}}BPMNEdge", {"id": f"{flow.id}_di", "bpmnElement": flow.id})
        points = bezier_points(drawn["beziers"], steps=4)
        if drawn["arrow"]:
            # The arrowhead's tip is its corner furthest from where the curve stops.
            points.append(max(drawn["arrow"], key=lambda point: math.dist(point, points[-1])))
        for x, y in points:
            ET.SubElement(edge, f"{{{DI_NS}}}waypoint", {"x": _n(x + BPMN_POOL_BAND), "y": _n(y)})
        if flow.label and drawn["label"]:
            texts = drawn["label"]
            left = min(t.x - (t.width / 2 if t.anchor == "middle" else 0) for t in texts)
            top = min(t.y - t.size for t in texts)
            width = max(t.width for t in texts)
            label = ET.SubElement(edge, f"{{{BPMNDI_NS}}}BPMNLabel")
            bounds(label, Box(left, top, width, len(texts) * (texts[0].size + 2)))
    return xml_tostring(definitions, encoding="utf-8", xml_declaration=True)
