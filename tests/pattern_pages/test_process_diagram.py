from xml.etree import ElementTree as ET

from pattern_pages.process_diagram import BPMN_NS, SVG_NS

NS = {"bpmn": BPMN_NS, "svg": SVG_NS}
TASKS = ("bpmn:task", "bpmn:userTask", "bpmn:serviceTask")


def tasks_of(process):
    return [task for tag in TASKS for task in process.findall(tag, NS)]


def bpmn_of(client, process):
    response = client.get(f"/bpmn/{process.slug}.bpmn")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{process.slug}.bpmn"'
    return ET.fromstring(response.content)  # noqa: S314  (our own export)


def test_bpmn_export_has_a_lane_per_role_holding_its_tasks(client, admission_process):
    """The BPMN file has one lane per role, each referencing the tasks of that role's steps."""
    root = bpmn_of(client, admission_process)
    process = root.find("bpmn:process", NS)
    tasks = {task.get("id"): task.get("name") for task in tasks_of(process)}
    assert sorted(tasks.values()) == sorted(
        [
            "Submit the application",
            "Check the application",
            "Offer a place",
            "Refuse and explain the right of appeal",
            "Tell the parent the outcome",
        ]
    )
    lanes = {
        lane.get("name"): {tasks.get(ref.text) for ref in lane.findall("bpmn:flowNodeRef", NS)} - {None}
        for lane in process.findall("bpmn:laneSet/bpmn:lane", NS)
    }
    assert lanes == {
        "Parent": {"Submit the application"},
        "Admissions officer": {
            "Check the application",
            "Offer a place",
            "Refuse and explain the right of appeal",
        },
        "Admissions system": {"Tell the parent the outcome"},
    }
    participant = root.find("bpmn:collaboration/bpmn:participant", NS)
    assert participant.get("processRef") == process.get("id")


def test_bpmn_export_turns_a_decision_into_an_exclusive_gateway(client, admission_process):
    """The decision becomes an exclusive gateway with one labelled flow per answer; answers rejoin the next step."""
    process = bpmn_of(client, admission_process).find("bpmn:process", NS)
    names = {element.get("id"): element.get("name") for element in process}
    flows = [(f.get("sourceRef"), f.get("targetRef"), f.get("name")) for f in process.findall("bpmn:sequenceFlow", NS)]
    by_name = [(names[s], names[t], label) for s, t, label in flows]

    gateways = process.findall("bpmn:exclusiveGateway", NS)
    assert [g.get("name") for g in gateways] == ["Is the child eligible?"]
    assert ("Check the application", "Is the child eligible?", None) in by_name
    assert ("Is the child eligible?", "Offer a place", "Eligible") in by_name
    assert ("Is the child eligible?", "Refuse and explain the right of appeal", "Not eligible") in by_name
    # Both answers lead on to the shared last step, not from one answer into the other.
    assert ("Offer a place", "Tell the parent the outcome", None) in by_name
    assert ("Refuse and explain the right of appeal", "Tell the parent the outcome", None) in by_name
    assert ("Offer a place", "Refuse and explain the right of appeal", None) not in by_name
    # Every flow joins nodes that exist, and every node lists its flows.
    start = process.find("bpmn:startEvent", NS)
    end = process.find("bpmn:endEvent", NS)
    assert (names[start.get("id")], "Submit the application", None) in by_name
    assert any(t == end.get("id") for _, t, _ in flows)
    for flow in process.findall("bpmn:sequenceFlow", NS):
        source = process.find(f"*[@id='{flow.get('sourceRef')}']")
        assert flow.get("id") in [o.text for o in source.findall("bpmn:outgoing", NS)]


def test_bpmn_export_carries_a_diagram_for_modelling_tools(client, admission_process):
    """Every lane, node and flow has a shape or edge, so a modelling tool can draw the file."""
    root = bpmn_of(client, admission_process)
    process = root.find("bpmn:process", NS)
    element_ids = {e.get("id") for e in process.iter() if e.get("id") and not e.tag.endswith("laneSet")}
    element_ids.discard(process.get("id"))
    drawn = {e.get("bpmnElement") for e in root.iter() if e.get("bpmnElement")}
    assert element_ids <= drawn


def test_bpmn_export_of_an_unknown_process_is_not_found(client, home_page):
    """Asking for a process that is not published gives a 404."""
    assert client.get("/bpmn/no-such-process.bpmn").status_code == 404


def test_swimlane_has_one_lane_per_role_with_every_step(client, admission_process):
    """The inline SVG on the process page has a lane for each role holding each of its steps."""
    html = client.get(admission_process.url).content.decode()
    start = html.index("<svg")
    svg = ET.fromstring(html[start : html.index("</svg>", start) + len("</svg>")])  # noqa: S314
    lanes = {
        lane.get("data-role"): [
            step.get("data-step-ref") for step in lane.findall("svg:g[@class='swimlane__step']", NS)
        ]
        for lane in svg.findall("svg:g[@class='swimlane']", NS)
    }
    assert lanes == {
        "Parent": ["apply"],
        "Admissions officer": ["check", "offer", "refuse"],
        "Admissions system": ["notify"],
    }
    assert len(svg.findall(".//svg:g[@class='swimlane__decision']", NS)) == 1
    assert svg.get("role") == "img"
    assert svg.find("svg:title", NS).text == "Swimlane diagram of Admit a child to school"


def test_a_published_revision_is_drawn_once_and_never_per_request(client, admission_process, monkeypatch):
    """Publishing draws the revision; pages and BPMN downloads then read the stored drawing, without dot."""
    from pattern_pages import process_diagram
    from pattern_pages.models import ProcessDiagram

    revision = admission_process.save_revision()
    revision.publish()
    stored = ProcessDiagram.objects.get(revision=revision)
    assert stored.language == "en" and "swimlane__decision" in stored.wide_svg and "<bpmn:" in stored.bpmn

    def no_dot(dot):
        raise AssertionError("dot ran during a request")

    monkeypatch.setattr(process_diagram, "run_dot", no_dot)
    for _ in range(2):
        html = client.get(admission_process.url).content.decode()
        assert stored.wide_svg in html and stored.narrow_svg in html
        assert client.get(f"/bpmn/{admission_process.slug}.bpmn").content.decode() == stored.bpmn
    assert ProcessDiagram.objects.count() == 1

    monkeypatch.undo()
    admission_process.title = "Admit a child to a school"
    second = admission_process.save_revision()
    second.publish()
    assert ProcessDiagram.objects.filter(revision=second).exists(), "a new revision gets its own drawing"
    assert "Admit a child to a school" in client.get(admission_process.url).content.decode()


def test_a_role_with_no_step_yet_is_left_out_of_the_drawing_not_a_failure(client, process_index):
    """An editor may name a role before giving it a step: publishing still draws the process (dot gives an
    empty lane no box, which crashed the drawing), the swimlane shows the roles that have steps, and the BPMN
    export still names every role."""
    from tests import factories
    from tests.factories.pages import process_step

    process = factories.ProcessPageFactory(
        parent=process_index,
        steps=[("step", process_step("decide", "Decide the application", "Caseworker"))],
    )  # roles: Resident, Caseworker; only the Caseworker has a step
    process.save_revision().publish()
    html = client.get(process.url).content.decode()
    start = html.index("<svg")
    svg = ET.fromstring(html[start : html.index("</svg>", start) + len("</svg>")])  # noqa: S314
    assert [lane.get("data-role") for lane in svg.findall("svg:g[@class='swimlane']", NS)] == ["Caseworker"]
    lanes = bpmn_of(client, process).findall(".//bpmn:lane", NS)
    assert [lane.get("name") for lane in lanes] == ["Resident", "Caseworker"]
