"""A process as a graph of lanes, tasks, gateways and flows, laid out once and drawn twice: as the
swimlane SVG on the process page and as BPMN 2.0 XML (with diagram interchange) for process tools.

The steps of a process are a list; what comes after a step is not stored unless the step is a
decision. So a step without a decision leads to the next step in the list, except that a step
reached as one answer of a decision skips the steps reached by the other answers of that decision
(``approve`` and ``reject`` both lead on to ``notify``, not ``approve`` to ``reject``).
"""

from dataclasses import dataclass, field
from xml.etree import ElementTree as ET  # noqa: S405  (we build XML; we never parse untrusted input)

from django.utils.translation import gettext as _

SVG_NS = "http://www.w3.org/2000/svg"
BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI"
DC_NS = "http://www.omg.org/spec/DD/20100524/DC"
DI_NS = "http://www.omg.org/spec/DD/20100524/DI"

LANE_LABEL_WIDTH = 150
LANE_HEIGHT = 120
COLUMN_WIDTH = 180
TASK_WIDTH = 140
TASK_HEIGHT = 70
GATEWAY_SIZE = 50
EVENT_SIZE = 36
MARGIN = 20


@dataclass
class Node:
    id: str
    kind: str  # start, task, gateway, end
    label: str
    lane: int
    ref: str = ""
    column: int = 0
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0
    incoming: list = field(default_factory=list)
    outgoing: list = field(default_factory=list)

    @property
    def centre_y(self):
        return self.y + self.height / 2

    @property
    def centre_x(self):
        return self.x + self.width / 2


@dataclass
class Flow:
    id: str
    source: Node
    target: Node
    label: str = ""
    waypoints: list = field(default_factory=list)


@dataclass
class Lane:
    id: str
    name: str
    kind: str
    y: float = 0
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
            graph = cls(name, lanes, nodes, flows)
            graph.layout()
            return graph

        tasks = {}
        task_list = []
        gateways = {}
        refs = [str(step.get("ref") or f"step-{i + 1}") for i, step in enumerate(steps)]
        column = 1
        start = Node(id="StartEvent_1", kind="start", label=_("Start"), lane=lane_for(steps[0].get("role")))
        nodes.append(start)
        for index, step in enumerate(steps):
            ref = refs[index]
            task = Node(
                id=f"Task_{index + 1}",
                kind="task",
                label=str(step.get("title") or ref),
                lane=lane_for(step.get("role")),
                ref=ref,
                column=column,
            )
            tasks.setdefault(ref, task)
            task_list.append(task)
            nodes.append(task)
            column += 1
            outcomes = [o for o in (step.get("decision") or {}).get("outcomes") or [] if o.get("next_step")]
            if outcomes:
                question = (step.get("decision") or {}).get("question") or ""
                gateway = Node(
                    id=f"Gateway_{index + 1}",
                    kind="gateway",
                    label=str(question),
                    lane=task.lane,
                    ref=ref,
                    column=column,
                )
                gateways[ref] = (gateway, outcomes)
                nodes.append(gateway)
                column += 1
        end = Node(id="EndEvent_1", kind="end", label=_("End"), lane=lanes and nodes[-1].lane or 0, column=column)
        nodes.append(end)

        def connect(source, target, label=""):
            flow = Flow(id=f"Flow_{len(flows) + 1}", source=source, target=target, label=label)
            source.outgoing.append(flow)
            target.incoming.append(flow)
            flows.append(flow)

        # The answers of each decision: a step reached by one answer is a sibling of the others.
        siblings = {}
        for _gateway, outcomes in gateways.values():
            targets = {str(o.get("next_step")) for o in outcomes}
            for ref in targets:
                siblings.setdefault(ref, set()).update(targets - {ref})

        connect(start, tasks[refs[0]])
        for index, ref in enumerate(refs):
            task = task_list[index]
            if ref in gateways:
                gateway, outcomes = gateways[ref]
                connect(task, gateway)
                for outcome in outcomes:
                    target = tasks.get(str(outcome.get("next_step")))
                    connect(gateway, target or end, str(outcome.get("answer") or ""))
                continue
            following = next(
                (refs[j] for j in range(index + 1, len(refs)) if refs[j] not in siblings.get(ref, set())),
                None,
            )
            connect(task, tasks[following] if following else end)

        graph = cls(name, lanes, nodes, flows)
        graph.layout()
        return graph

    # ----- layout ------------------------------------------------------------------------------

    def layout(self):
        columns = max((node.column for node in self.nodes), default=0) + 1
        self.width = LANE_LABEL_WIDTH + columns * COLUMN_WIDTH + MARGIN
        self.height = max(len(self.lanes), 1) * LANE_HEIGHT
        for index, lane in enumerate(self.lanes):
            lane.y = index * LANE_HEIGHT
            lane.nodes = []
        sizes = {
            "task": (TASK_WIDTH, TASK_HEIGHT),
            "gateway": (GATEWAY_SIZE, GATEWAY_SIZE),
            "start": (EVENT_SIZE, EVENT_SIZE),
            "end": (EVENT_SIZE, EVENT_SIZE),
        }
        for node in self.nodes:
            node.width, node.height = sizes[node.kind]
            column_x = LANE_LABEL_WIDTH + node.column * COLUMN_WIDTH
            node.x = column_x + (COLUMN_WIDTH - node.width) / 2
            node.y = node.lane * LANE_HEIGHT + (LANE_HEIGHT - node.height) / 2
            if self.lanes:
                self.lanes[node.lane].nodes.append(node)
        for flow in self.flows:
            flow.waypoints = self._route(flow.source, flow.target)

    def _route(self, source, target):
        if target.column > source.column:
            start = (source.x + source.width, source.centre_y)
            end = (target.x, target.centre_y)
            if start[1] == end[1]:
                if self._blocked(source, target):
                    # Go over the steps in between, along the top of the lane.
                    above = source.lane * LANE_HEIGHT + 12
                    return [
                        (source.centre_x, source.y),
                        (source.centre_x, above),
                        (target.centre_x, above),
                        (target.centre_x, target.y),
                    ]
                return [start, end]
            middle_x = source.x + source.width + (COLUMN_WIDTH - source.width) / 2
            return [start, (middle_x, start[1]), (middle_x, end[1]), end]
        # A loop back to an earlier step runs along the bottom of the lower of the two lanes.
        below = max(source.lane, target.lane) * LANE_HEIGHT + LANE_HEIGHT - 8
        return [
            (source.centre_x, source.y + source.height),
            (source.centre_x, below),
            (target.centre_x, below),
            (target.centre_x, target.y + target.height),
        ]

    def _blocked(self, source, target):
        return any(node.lane == source.lane and source.column < node.column < target.column for node in self.nodes)

    # ----- queries -----------------------------------------------------------------------------

    def tasks(self):
        return [node for node in self.nodes if node.kind == "task"]

    def gateways(self):
        return [node for node in self.nodes if node.kind == "gateway"]


# ----- SVG --------------------------------------------------------------------------------------


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


def _points(points):
    return " ".join(f"{x:g},{y:g}" for x, y in points)


def swimlane_svg(graph, title, description):
    """The swimlane diagram as an ``<svg>`` element string: one ``g.swimlane`` per role, holding its steps."""
    ET.register_namespace("", SVG_NS)

    def el(parent, tag, attrs=None, text=None):
        element = ET.SubElement(parent, f"{{{SVG_NS}}}{tag}", {k: str(v) for k, v in (attrs or {}).items()})
        if text is not None:
            element.text = text
        return element

    svg = ET.Element(
        f"{{{SVG_NS}}}svg",
        {
            "width": f"{graph.width:g}",
            "height": f"{graph.height:g}",
            "viewBox": f"0 0 {graph.width:g} {graph.height:g}",
            "role": "img",
            "aria-labelledby": "swimlane-title swimlane-desc",
            "class": "library-swimlane",
            "font-family": "arial, sans-serif",
        },
    )
    el(svg, "title", {"id": "swimlane-title"}, title)
    el(svg, "desc", {"id": "swimlane-desc"}, description)
    defs = el(svg, "defs")
    marker = el(
        defs,
        "marker",
        {"id": "swimlane-arrow", "viewBox": "0 0 10 10", "refX": 10, "refY": 5, "markerWidth": 8, "markerHeight": 8},
    )
    marker.set("orient", "auto-start-reverse")
    el(marker, "path", {"d": "M 0 0 L 10 5 L 0 10 z", "fill": "#0b0c0c"})

    for index, lane in enumerate(graph.lanes):
        group = el(svg, "g", {"class": "swimlane", "data-role": lane.name})
        el(
            group,
            "rect",
            {
                "x": 0,
                "y": lane.y,
                "width": graph.width,
                "height": LANE_HEIGHT,
                "fill": "#ffffff" if index % 2 == 0 else "#f3f2f1",
                "stroke": "#b1b4b6",
            },
        )
        el(
            group,
            "rect",
            {"x": 0, "y": lane.y, "width": LANE_LABEL_WIDTH, "height": LANE_HEIGHT, "fill": "#dedfe0"},
        )
        label = el(
            group, "text", {"x": 10, "y": lane.y + 24, "font-size": 15, "font-weight": "bold", "fill": "#0b0c0c"}
        )
        for line_number, line in enumerate(wrap(lane.name, 16, 4)):
            el(label, "tspan", {"x": 10, "dy": 0 if line_number == 0 else 18}, line)
        for node in lane.nodes:
            _draw_node(el, group, node)

    flows = el(svg, "g", {"class": "swimlane__flows"})
    for flow in graph.flows:
        group = el(
            flows, "g", {"class": "swimlane__flow", "data-source": flow.source.id, "data-target": flow.target.id}
        )
        el(
            group,
            "polyline",
            {
                "points": _points(flow.waypoints),
                "fill": "none",
                "stroke": "#0b0c0c",
                "stroke-width": 1.5,
                "marker-end": "url(#swimlane-arrow)",
            },
        )
        if flow.label:
            # Beside the flow where it leaves the decision, on the horizontal part of the line.
            if len(flow.waypoints) > 2:
                (x, y), below = flow.waypoints[1], 15
            else:
                (x, y), below = flow.waypoints[0], -6
            el(group, "text", {"x": x + 6, "y": y + below, "font-size": 13, "fill": "#0b0c0c"}, flow.label[:30])
    return ET.tostring(svg, encoding="unicode", short_empty_elements=True)


def _draw_node(el, group, node):
    if node.kind == "task":
        box = el(group, "g", {"class": "swimlane__step", "data-step-ref": node.ref})
        el(box, "title", None, node.label)
        el(
            box,
            "rect",
            {
                "x": node.x,
                "y": node.y,
                "width": node.width,
                "height": node.height,
                "rx": 6,
                "fill": "#ffffff",
                "stroke": "#0b0c0c",
                "stroke-width": 2,
            },
        )
        lines = wrap(node.label)
        first_y = node.centre_y - (len(lines) - 1) * 8 + 5
        text = el(
            box, "text", {"x": node.centre_x, "y": first_y, "font-size": 14, "text-anchor": "middle", "fill": "#0b0c0c"}
        )
        for line_number, line in enumerate(lines):
            el(text, "tspan", {"x": node.centre_x, "dy": 0 if line_number == 0 else 16}, line)
    elif node.kind == "gateway":
        diamond = el(group, "g", {"class": "swimlane__decision", "data-step-ref": node.ref})
        if node.label:
            el(diamond, "title", None, node.label)
        half = node.width / 2
        el(
            diamond,
            "polygon",
            {
                "points": _points(
                    [
                        (node.centre_x, node.y),
                        (node.x + node.width, node.y + half),
                        (node.centre_x, node.y + node.height),
                        (node.x, node.y + half),
                    ]
                ),
                "fill": "#ffdd00",
                "stroke": "#0b0c0c",
                "stroke-width": 2,
            },
        )
        el(diamond, "text", {"x": node.centre_x, "y": node.centre_y + 6, "font-size": 18, "text-anchor": "middle"}, "?")
    else:
        event = el(group, "g", {"class": f"swimlane__{node.kind}"})
        el(event, "title", None, node.label)
        el(
            event,
            "circle",
            {
                "cx": node.centre_x,
                "cy": node.centre_y,
                "r": node.width / 2,
                "fill": "#ffffff",
                "stroke": "#0b0c0c",
                "stroke-width": 4 if node.kind == "end" else 2,
            },
        )


# ----- BPMN 2.0 ---------------------------------------------------------------------------------


BPMN_TAGS = {"start": "startEvent", "task": "task", "gateway": "exclusiveGateway", "end": "endEvent"}


def bpmn_xml(graph, process_id="Process_1"):
    """The process as BPMN 2.0 XML (bytes): a collaboration with one participant, lanes, tasks,
    exclusive gateways and sequence flows, plus the diagram interchange a modeller needs to draw it."""
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
            "exporterVersion": "1.0",
        },
    )
    collaboration = ET.SubElement(definitions, b("collaboration"), {"id": "Collaboration_1"})
    ET.SubElement(
        collaboration, b("participant"), {"id": "Participant_1", "name": graph.name, "processRef": process_id}
    )
    process = ET.SubElement(definitions, b("process"), {"id": process_id, "name": graph.name, "isExecutable": "false"})
    if graph.lanes:
        lane_set = ET.SubElement(process, b("laneSet"), {"id": "LaneSet_1"})
        for lane in graph.lanes:
            lane_element = ET.SubElement(lane_set, b("lane"), {"id": lane.id, "name": lane.name})
            for node in lane.nodes:
                ET.SubElement(lane_element, b("flowNodeRef")).text = node.id
    for node in graph.nodes:
        attrs = {"id": node.id}
        if node.label:
            attrs["name"] = node.label
        element = ET.SubElement(process, b(BPMN_TAGS[node.kind]), attrs)
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

    def shape(element_id, x, y, width, height, **extra):
        attrs = {"id": f"{element_id}_di", "bpmnElement": element_id, **extra}
        element = ET.SubElement(plane, f"{{{BPMNDI_NS}}}BPMNShape", attrs)
        ET.SubElement(
            element,
            f"{{{DC_NS}}}Bounds",
            {"x": f"{x:g}", "y": f"{y:g}", "width": f"{width:g}", "height": f"{height:g}"},
        )

    shape("Participant_1", 0, 0, graph.width, graph.height, isHorizontal="true")
    for lane in graph.lanes:
        shape(lane.id, 30, lane.y, graph.width - 30, LANE_HEIGHT, isHorizontal="true")
    for node in graph.nodes:
        shape(node.id, node.x, node.y, node.width, node.height)
    for flow in graph.flows:
        edge = ET.SubElement(plane, f"{{{BPMNDI_NS}}}BPMNEdge", {"id": f"{flow.id}_di", "bpmnElement": flow.id})
        for x, y in flow.waypoints:
            ET.SubElement(edge, f"{{{DI_NS}}}waypoint", {"x": f"{x:g}", "y": f"{y:g}"})
    return ET.tostring(definitions, encoding="utf-8", xml_declaration=True)
