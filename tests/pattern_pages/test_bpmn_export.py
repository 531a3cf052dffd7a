"""The BPMN export follows the flow model and the drawn layout, and reads cleanly in the tools people use:
bpmn-js (in Chromium) imports every demo process without a warning, and bpmn-moddle reads and writes it
back unchanged."""

import json
import subprocess
from xml.etree import ElementTree as ET

import pytest

from pattern_pages.demo import processes
from pattern_pages.demo.loader import process_step_value
from pattern_pages.process_diagram import BPMN_NS, BPMN_POOL_BAND, ProcessGraph, bpmn_xml, lay_out
from pattern_pages.process_flow import ProcessFlow
from tests.bpmn_tools import require_tools

NS = {"bpmn": BPMN_NS}
SPECS = {spec["slug"]: spec for spec in processes.PROCESSES}


def export(spec):
    steps = [process_step_value(step) for step in spec["steps"]]
    graph = ProcessGraph.from_steps(spec["title"], [(n, k) for n, k, _ in spec["roles"]], steps)
    layout = lay_out(graph, "wide")
    return graph, layout, bpmn_xml(graph, layout, process_id="Process_1").decode()


@pytest.fixture(scope="module")
def exports():
    return {slug: export(spec) for slug, spec in SPECS.items()}


@pytest.mark.parametrize("slug", SPECS)
def test_bpmn_follows_the_flow_model(exports, slug):
    """End events per outcome, gateways named by their question with named outcomes, user tasks for
    residents, service tasks for systems, and one sequence flow per way on."""
    spec = SPECS[slug]
    process = ET.fromstring(exports[slug][2].encode()).find("bpmn:process", NS)  # noqa: S314  (our own export)
    flow = ProcessFlow.from_values([process_step_value(step) for step in spec["steps"]])
    kinds = {name: kind for name, kind, _ in spec["roles"]}
    names = {element.get("id"): element.get("name") for element in process}
    tags = {element.get("id"): element.tag.split("}")[1] for element in process}

    ends = sorted(e.get("name") for e in process.findall("bpmn:endEvent", NS))
    assert ends == sorted({t.end for step in flow.steps for t in step.transitions if not t.target})
    gateways = process.findall("bpmn:exclusiveGateway", NS)
    assert sorted(g.get("name") for g in gateways) == sorted(s.question for s in flow.steps if s.is_decision)
    for step in flow.steps:
        task = next(e for e in process if e.get("name") == step.title and tags[e.get("id")].endswith("ask"))
        expected = {"resident": "userTask", "system": "serviceTask"}.get(kinds[step.role], "task")
        assert tags[task.get("id")] == expected, step.ref
    sequence = {
        (names[f.get("sourceRef")], names[f.get("targetRef")], f.get("name") or "")
        for f in process.findall("bpmn:sequenceFlow", NS)
    }
    for step in flow.steps:
        source = step.question if step.is_decision else step.title
        for transition in step.transitions:
            target = flow.by_ref[transition.target].title if transition.target else transition.end
            assert (source, target, transition.answer) in sequence, (step.ref, transition)
    for gateway in gateways:
        outgoing = [f for f in process.findall("bpmn:sequenceFlow", NS) if f.get("sourceRef") == gateway.get("id")]
        assert len(outgoing) >= 2 and all(f.get("name") for f in outgoing), gateway.get("name")


VIEWER = """async (xml) => {
    const container = document.getElementById('canvas');
    const viewer = new BpmnJS({container});
    const result = await viewer.importXML(xml);
    const shapes = viewer.get('elementRegistry')
        .filter(e => !e.waypoints && e.type !== 'label' && e.type !== 'bpmn:Collaboration')
        .map(e => ({id: e.id, type: e.type, x: e.x, y: e.y, width: e.width, height: e.height}));
    viewer.destroy();
    return {warnings: result.warnings.map(w => w.message), shapes};
}"""


def test_every_demo_process_imports_into_bpmn_js_without_warnings_at_the_layout_coordinates(chromium, exports):
    """bpmn-js imports each export with no warning, and draws each task where the page's layout puts it."""
    tools = require_tools()
    page = chromium.new_page(viewport={"width": 1600, "height": 900})
    try:
        page.set_content('<div id="canvas" style="width:1500px;height:800px"></div>')
        page.add_script_tag(path=str(tools / "node_modules/bpmn-js/dist/bpmn-navigated-viewer.production.min.js"))
        for slug, (graph, layout, xml) in exports.items():
            result = page.evaluate(VIEWER, xml)
            assert result["warnings"] == [], (slug, result["warnings"])
            drawn = {shape["id"]: shape for shape in result["shapes"]}
            for node in graph.tasks():
                box = layout.nodes[node.id][0]
                shape = drawn[node.id]
                assert (shape["x"], shape["y"], shape["width"], shape["height"]) == pytest.approx(
                    (box.x + BPMN_POOL_BAND, box.y, box.width, box.height),
                    abs=1,  # bpmn-js rounds to whole pixels
                ), (slug, node.id)
            assert {node.id for node in graph.nodes} <= set(drawn), slug
    finally:
        page.close()


ROUND_TRIP = """
import { readFileSync } from "node:fs";
const mod = await import(process.argv[1]);
const BpmnModdle = mod.BpmnModdle || mod.default;
const moddle = new BpmnModdle();
const summary = (definitions) => {
    const out = [];
    const walk = (element) => {
        if (!element || typeof element !== "object") return;
        if (element.$type && element.id) {
            const b = element.bounds;
            const bounds = b ? [b.x, b.y, b.width, b.height] : null;
            out.push([element.$type, element.id, element.name || "", bounds, (element.waypoint || []).length]);
        }
        for (const [key, value] of Object.entries(element)) {
            // References point back into the tree: follow containment only.
            const reference = ["bpmnElement", "incoming", "outgoing", "flowNodeRef"].includes(key);
            if (key.startsWith("$") || reference || key.endsWith("Ref")) continue;
            if (Array.isArray(value)) value.forEach(walk); else if (value && typeof value === "object") walk(value);
        }
    };
    walk(definitions);
    return out;
};
const results = {};
for (const file of process.argv.slice(2)) {
    const first = await moddle.fromXML(readFileSync(file, "utf8"));
    const { xml } = await moddle.toXML(first.rootElement, { format: true });
    const second = await moddle.fromXML(xml);
    results[file] = {
        warnings: [...first.warnings, ...second.warnings].map((w) => w.message),
        same: JSON.stringify(summary(first.rootElement)) === JSON.stringify(summary(second.rootElement)),
        elements: summary(first.rootElement).length,
    };
}
console.log(JSON.stringify(results));
"""


def test_every_demo_process_round_trips_through_bpmn_moddle(exports, tmp_path):
    """bpmn-moddle reads each export without a warning, writes it, and reads back the same elements."""
    tools = require_tools()
    files = []
    for slug, (_graph, _layout, xml) in exports.items():
        path = tmp_path / f"{slug}.bpmn"
        path.write_text(xml)
        files.append(str(path))
    moddle = tools / "node_modules/bpmn-moddle/dist/index.js"
    result = subprocess.run(  # noqa: S603  (our own script and files)
        ["node", "--input-type=module", "-e", ROUND_TRIP, str(moddle), *files],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    results = json.loads(result.stdout)
    for file, outcome in results.items():
        assert outcome["warnings"] == [], (file, outcome["warnings"])
        assert outcome["same"] and outcome["elements"] > 10, file
