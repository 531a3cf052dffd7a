"""Realistic StreamField content for generated pages, written directly in Wagtail's stored JSON form.

Building each value through the blocks' Python API would cost tens of milliseconds a page; writing the
stored form is what lets the generator build 10,000 pages in a minute or two. The stored form is the
one Wagtail itself writes (``StreamField.get_prep_value``), and ``tests/bench/test_generate.py`` checks
that every generated page passes ``full_clean()`` and renders through the API, so the two cannot drift.

A pattern has about 40 top-level blocks: 6–12 steps plus prose, user needs, variants, research and
related pages. A process has 8–20 steps with roles, systems, legislation, data held and measures.
"""

import uuid

ACTIONS = [
    "enters their details",
    "uploads the evidence",
    "checks what they have entered",
    "chooses an appointment",
    "pays the fee",
    "confirms their address",
    "tells us who they are",
    "answers the eligibility questions",
    "reads what happens next",
    "signs the declaration",
]
STEP_TITLES = [
    "Check if you can {verb}",
    "What is your name?",
    "What is your address?",
    "What is your date of birth?",
    "Upload your evidence",
    "How do you want to be contacted?",
    "Tell us about your household",
    "Choose a date",
    "Pay for {service}",
    "Check your answers",
    "Declaration",
    "Application complete",
]
ROLES = [
    ("Resident", "resident"),
    ("Customer service adviser", "council-officer"),
    ("Caseworker", "council-officer"),
    ("Team leader", "council-officer"),
    ("Partner agency", "partner"),
    ("Case management system", "system"),
]
SYSTEMS = ["Online form", "Case management system", "Payment gateway", "Document store", "CRM", "Notify"]
LEGISLATION = [
    ("Local Government Act 1972", "section 111", "https://www.legislation.gov.uk/ukpga/1972/70/section/111"),
    ("Equality Act 2010", "section 149", "https://www.legislation.gov.uk/ukpga/2010/15/section/149"),
    ("Data Protection Act 2018", "", "https://www.legislation.gov.uk/ukpga/2018/12/contents"),
    ("Housing Act 1996", "part 7", "https://www.legislation.gov.uk/ukpga/1996/52/part/7"),
    ("Environmental Protection Act 1990", "section 33", "https://www.legislation.gov.uk/ukpga/1990/43/section/33"),
]
RESEARCH_METHODS = ["usability-testing", "interviews", "survey", "analytics", "accessibility-audit", "desk-research"]
WELSH_PREFIXES = ["Gwneud cais am", "Rhoi gwybod am", "Talu am", "Archebu", "Gwirio", "Cofrestru", "Gofyn am"]
WELSH_SENTENCE = (
    "Mae'r patrwm hwn yn dangos sut mae preswylydd yn defnyddio'r gwasanaeth, cam wrth gam, "
    "gyda chydrannau System Dylunio GOV.UK."
)


def block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def item(value):
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def sentence(rng, service):
    subject = rng.choice(["Residents", "People", "Carers", "Businesses", "Landlords", "Parents"])
    verb = rng.choice(["use this to", "come here to", "need to", "often try to", "expect to"])
    return f"{subject} {verb} get help with {service.lower()} without phoning the council."


def paragraph(rng, service, sentences=3):
    return "<p>" + " ".join(sentence(rng, service) for _ in range(sentences)) + "</p>"


def prose(rng, service, count):
    """``count`` prose blocks, mostly paragraphs with the odd inset, warning or details."""
    blocks = []
    for n in range(count):
        kind = (
            "paragraph" if n == 0 else rng.choice(["paragraph", "paragraph", "inset_text", "warning_text", "details"])
        )
        if kind == "paragraph":
            blocks.append(block("paragraph", paragraph(rng, service)))
        elif kind == "inset_text":
            blocks.append(block("inset_text", {"text": paragraph(rng, service, 1)}))
        elif kind == "warning_text":
            blocks.append(block("warning_text", {"text": f"You must not apply twice for {service.lower()}."}))
        else:
            blocks.append(block("details", {"summary": "If you need help", "text": paragraph(rng, service, 2)}))
    return blocks


def pattern_streams(rng, *, service, verb, component_ids, processes, related_ids):
    """The StreamField columns of one service pattern: about 40 top-level blocks, 6–12 of them steps.

    ``processes`` is a list of ``(page_id, [step refs])`` this pattern's steps may trigger.
    """
    step_count = rng.randint(6, 12)
    steps = []
    for n in range(step_count):
        title = STEP_TITLES[n % len(STEP_TITLES)].format(verb=verb.lower(), service=service.lower())
        triggered = []
        if processes and n in (step_count - 2, step_count - 1):
            process_id, refs = rng.choice(processes)
            triggered.append(item({"process": process_id, "step": refs[0]}))
        steps.append(
            block(
                "step",
                {
                    "title": title,
                    "user_action": f"The user {rng.choice(ACTIONS)}.",
                    "components": [item(pk) for pk in rng.sample(component_ids, k=min(3, len(component_ids)))],
                    "content_guidance": paragraph(rng, service, 2),
                    "process_steps": triggered,
                },
            )
        )
    # The other sections fill the page up to about 40 blocks, as a well-documented pattern has.
    remaining = 40 - step_count
    sizes = {"when_to_use": 4, "when_not_to_use": 3, "how_it_works": 5, "user_needs": 5, "variants": 3}
    sizes["accessibility"] = 3
    sizes["research"] = 3
    sizes["related"] = max(1, remaining - sum(sizes.values()))
    return {
        "when_to_use": prose(rng, service, sizes["when_to_use"]),
        "when_not_to_use": prose(rng, service, sizes["when_not_to_use"]),
        "how_it_works": prose(rng, service, sizes["how_it_works"]),
        "user_needs": [
            block(
                "user_need",
                {
                    "as_a": rng.choice(["resident", "parent", "carer", "business owner", "landlord"]),
                    "i_need": f"to {verb.lower()} {service.lower()}",
                    "so_that": rng.choice(["I get what I am entitled to", "I can plan", "I do not have to phone"]),
                },
            )
            for _ in range(sizes["user_needs"])
        ],
        "steps": steps,
        "variants": [
            block(
                "variant",
                {
                    "name": f"{label} variant",
                    "when_to_use": f"Use this when {label.lower()} applies to {service.lower()}.",
                    "description": paragraph(rng, service, 2),
                },
            )
            for label in ["Assisted digital", "Business", "Urgent"][: sizes["variants"]]
        ],
        "accessibility": prose(rng, service, sizes["accessibility"]),
        "research": [
            block(
                "research",
                {
                    "method": rng.choice(RESEARCH_METHODS),
                    "date": f"202{rng.randint(2, 5)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                    "participants": rng.randint(3, 40),
                    "findings": paragraph(rng, service, 2),
                    "rating": rng.randint(0, 3),
                },
            )
            for _ in range(sizes["research"])
        ],
        "related": [block(kind, pk) for kind, pk in related_ids[: sizes["related"]]],
    }


def process_streams(rng, *, service, refs):
    """The StreamField columns of one process with one step per reference in ``refs`` (8–20 of them)."""
    roles = rng.sample(ROLES, k=4)
    systems = rng.sample(SYSTEMS, k=3)
    legislation = rng.sample(LEGISLATION, k=2)
    steps = []
    for n, ref in enumerate(refs):
        role = roles[n % len(roles)][0]
        decision = {"question": "", "outcomes": []}
        if n % 5 == 4 and n + 2 < len(refs):
            decision = {
                "question": "Is the request eligible?",
                "outcomes": [
                    item({"answer": "Yes", "next_step": refs[n + 1]}),
                    item({"answer": "No", "next_step": refs[n + 2]}),
                ],
            }
        steps.append(
            block(
                "step",
                {
                    "ref": ref,
                    "title": f"Step {n + 1} of {service.lower()}",
                    "role": role,
                    "system": systems[n % len(systems)],
                    "description": sentence(rng, service),
                    "inputs": [item("Application form"), item("Evidence")],
                    "outputs": [item("Case record")],
                    "time_limit": rng.choice(["", "5 working days", "20 working days", "24 hours"]),
                    "legislation": legislation[0][0] if n == 0 else "",
                    "decision": decision,
                },
            )
        )
    return {
        "roles": [block("role", {"name": name, "kind": kind, "description": ""}) for name, kind in roles],
        "systems": [block("system", {"name": name, "description": ""}) for name in systems],
        "steps": steps,
        "legislation": [
            block("legislation", {"title": title, "section": section, "url": url, "duty_or_power": "duty"})
            for title, section, url in legislation
        ],
        "data_held": [
            block(
                "data_item",
                {"item": "Applicant's name and address", "purpose": "To contact them", "retention_period": "6 years"},
            ),
            block("data_item", {"item": "Evidence", "purpose": "To decide", "retention_period": "2 years"}),
        ],
        "performance_measures": [
            block("measure", {"name": "Time to decide", "description": "", "target": "95% within 20 working days"})
        ],
        "supported_patterns": [],
    }


def process_refs(rng):
    return [f"step-{n + 1}" for n in range(rng.randint(8, 20))]


def count_blocks(streams):
    """How many top-level blocks the StreamField columns hold, e.g. 40 for a typical pattern."""
    return sum(len(value) for value in streams.values())


def welsh_title(rng, title):
    return f"{rng.choice(WELSH_PREFIXES)} {title}"
