"""The screens' HTML is what GOV.UK Frontend's own Nunjucks macros produce for the same parameters.

Every supported component, with several parameter sets, goes through the library's rendering (block value →
macro parameters → Node) and, separately, the Nunjucks source the site shows a designer is rendered with
the real ``nunjucks`` and ``govuk-frontend`` from npm (node_modules); the two must match once whitespace
is normalised. Hand-written Design System style calls check the parameter mapping itself for the main
components. Needs Node and ``npm ci`` (``make frontend``); skipped with the reason otherwise.
"""

import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from pattern_pages.screens.blocks import COMPONENT_BLOCKS, ScreenComponentsBlock
from pattern_pages.screens.nunjucks import component_part, parts_source
from pattern_pages.screens.render import render_parts, render_templates
from tests.pattern_pages.screen_values import item, label

NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not (NODE_MODULES / "nunjucks").exists(),
    reason="Node and the npm packages (npm ci) are needed to render with GOV.UK Frontend's macros",
)

TRICKY = 'Tom & "Jerry" <script>alert(1)</script> }} {% raw %} {{ 7*7 }} back\\slash'

CASES = {
    "text_input": [
        {
            "name": "full-name",
            "label": label("What is your full name?", True, "govuk-label--l"),
            "autocomplete": "name",
        },
        {
            "id": "cost",
            "name": "cost",
            "label": label("Cost per item"),
            "hint": "In pounds",
            "errorMessage": "Enter a cost",
            "classes": "govuk-input--width-5",
            "prefix": "£",
            "suffix": "per item",
            "inputmode": "decimal",
            "spellcheck": "off",
        },
        {"name": "email", "label": label(TRICKY), "type": "email", "hint": TRICKY},
    ],
    "textarea": [
        {"name": "more-detail", "label": label("Can you provide more detail?", True, "govuk-label--l"), "rows": 8},
        {"name": "why", "label": label("Why?"), "hint": "Do not include personal details", "errorMessage": "Say why"},
    ],
    "character_count": [
        {"name": "reason", "label": label("Reason"), "maxlength": 200},
        {"name": "story", "label": label("Your story", True, "govuk-label--l"), "maxwords": 150, "threshold": 75},
    ],
    "password_input": [
        {"name": "password", "label": label("Password")},
        {
            "name": "new-password",
            "label": label("Create a password"),
            "autocomplete": "new-password",
            "hint": "8 or more",
        },
    ],
    "radios": [
        {
            "name": "where-do-you-live",
            "legend": label("Where do you live?", True, "govuk-fieldset__legend--l"),
            "items": [
                item("england", "England"),
                item("wales", "Wales"),
                item("", "", divider="or"),
                item("other", "Elsewhere"),
            ],
        },
        {
            "name": "contact",
            "legend": label("How would you like to be contacted?"),
            "hint": "Select one option.",
            "errorMessage": "Select how you would like to be contacted",
            "classes": "govuk-radios--small",
            "items": [
                item(
                    "email",
                    "Email",
                    conditional={
                        "name": "contact-by-email",
                        "label": "Email address",
                        "type": "email",
                        "autocomplete": "email",
                        "spellcheck": "off",
                    },
                ),
                item(
                    "text",
                    "Text message",
                    hint="UK mobiles only",
                    conditional={"name": "contact-by-text", "label": "Mobile phone number", "type": "tel"},
                ),
            ],
        },
        {
            "name": "yes-no",
            "legend": label("Have you moved?"),
            "classes": "govuk-radios--inline",
            "items": [item("yes", "Yes"), item("no", TRICKY)],
        },
    ],
    "checkboxes": [
        {
            "name": "waste",
            "legend": label("Which types of waste?", True, "govuk-fieldset__legend--l"),
            "hint": "Select all that apply.",
            "items": [
                item("glass", "Glass"),
                item("paper", "Paper"),
                item("", "", divider="or"),
                {**item("none", "None of these"), "exclusive": True},
            ],
        },
        {
            "name": "terms",
            "legend": label("Declaration"),
            "errorMessage": "Confirm the declaration",
            "items": [item("agree", "I confirm the information is correct", hint="You may be prosecuted otherwise")],
        },
    ],
    "date_input": [
        {
            "id": "date-of-birth",
            "legend": label("What is your date of birth?", True, "govuk-fieldset__legend--l"),
            "hint": "For example, 27 3 2007",
        },
        {
            "id": "move-date",
            "namePrefix": "moved",
            "legend": label("When did you move?"),
            "errorMessage": "Enter a date",
        },
    ],
    "select": [
        {
            "name": "sort",
            "label": label("Sort by"),
            "items": [
                {"value": "published", "text": "Recently published"},
                {"value": "updated", "text": "Recently updated", "selected": True},
            ],
        },
        {
            "name": "council",
            "label": label("Council"),
            "hint": "Where you live",
            "errorMessage": "Choose a council",
            "items": [{"value": "", "text": "Choose"}, {"value": "a", "text": TRICKY}],
        },
    ],
    "file_upload": [
        {"name": "evidence", "label": label("Upload a file")},
        {
            "name": "photos",
            "label": label("Upload photos", True, "govuk-label--l"),
            "hint": "JPG or PNG",
            "errorMessage": "Upload a photo",
            "multiple": True,
        },
    ],
    "fieldset": [
        {
            "legend": label("What is your address?", True, "govuk-fieldset__legend--l"),
            "inputs": [
                {"name": "address-line-1", "label": label("Address line 1"), "autocomplete": "address-line1"},
                {"name": "address-town", "label": label("Town or city"), "classes": "govuk-!-width-two-thirds"},
                {"name": "address-postcode", "label": label("Postcode"), "classes": "govuk-input--width-10"},
            ],
        },
    ],
    "button": [
        {"text": "Continue"},
        {"text": "Start now", "href": "/start", "isStartButton": True},
        {"text": "Cancel", "classes": "govuk-button--secondary"},
        {"text": "Delete account", "classes": "govuk-button--warning"},
    ],
    "inset_text": [{"text": "It can take up to 8 weeks to register."}, {"text": TRICKY}],
    "warning_text": [{"text": "You can be fined up to £5,000.", "iconFallbackText": "Warning"}, {"text": TRICKY}],
    "details": [
        {"summaryText": "Help with nationality", "text": "We need to know your nationality."},
        {"summaryText": TRICKY, "text": TRICKY},
    ],
    "notification_banner": [
        {"text": "You have 7 days left to send your application."},
        {"titleText": "Success", "type": "success", "text": "Training outcome recorded"},
    ],
    "panel": [
        {"titleText": "Application complete", "text": "Your reference number HDJ2123F"},
        {"titleText": "Booking confirmed", "headingLevel": 2},
    ],
    "summary_list": [
        {
            "rows": [
                {"key": "Name", "value": "Sarah Philips", "href": "/name", "visuallyHiddenText": "name"},
                {"key": "Date of birth", "value": "5 January 1978"},
            ]
        },
        {"rows": [{"key": TRICKY, "value": TRICKY, "href": "#change"}]},
    ],
    "table": [
        {
            "caption": "Dates and amounts",
            "captionClasses": "govuk-table__caption--m",
            "firstCellIsHeader": True,
            "head": ["Date", "Amount"],
            "rows": [
                {"cells": ["First 6 weeks", "£109.80 per week"]},
                {"cells": ["Next 33 weeks", "£109.80 per week"]},
            ],
        },
        {"rows": [{"cells": ["A", "B"]}, {"cells": [TRICKY, "D"]}]},
    ],
    "task_list": [
        {
            "idPrefix": "application",
            "items": [
                {"title": "Company directors", "href": "#", "status": "Completed"},
                {
                    "title": "Registered address",
                    "hint": "Where letters go",
                    "href": "#",
                    "status": "Incomplete",
                    "statusColour": "govuk-tag--light-blue",
                },
                {"title": "Financial history", "status": "Cannot start yet"},
            ],
        },
    ],
    "tag": [{"text": "Completed"}, {"text": "Rejected", "classes": "govuk-tag--red"}],
    "error_summary": [
        {
            "titleText": "There is a problem",
            "errorList": [{"text": "Enter your full name", "href": "#full-name"}, {"text": TRICKY, "href": "#x"}],
        },
    ],
    "back_link": [{"text": "Back", "href": "#"}, {"text": "Back to your answers", "href": "/check"}],
}


def normalise(html):
    html = re.sub(r">\s+<", "><", html.strip())
    html = re.sub(r"\s+", " ", html)
    return re.sub(r"\s*(<|>)\s*", r"\1", html)


def case_parts(language=None):
    stream = ScreenComponentsBlock()
    parts = []
    for block_type, values in CASES.items():
        block = stream.child_blocks[block_type]
        for number, raw in enumerate(values, start=1):
            value = block.clean(block.to_python(raw))
            parts.append((f"{block_type} #{number}", component_part(block_type, block, value, language)))
    return parts


def test_every_component_is_covered_by_the_equality_cases():
    """Each supported component has parameter sets in the equality test."""
    assert set(COMPONENT_BLOCKS) <= set(CASES)
    assert all(len(values) >= 1 for values in CASES.values())
    assert sum(len(values) for values in CASES.values()) >= 45


@pytest.mark.parametrize("language", [None, "cy"])
def test_library_html_equals_govuk_frontend_macros_for_every_component(language):
    """The HTML the library stores equals what the real macros render from the Nunjucks the site shows, for
    English screens and for Welsh ones (which pass Frontend's default texts in Welsh)."""
    cases = case_parts(language)
    library = render_parts([[part] for _name, part in cases])
    reference = render_templates([parts_source([part]) for _name, part in cases])
    mismatched = [
        name
        for (name, _part), ours, theirs in zip(cases, library, reference, strict=True)
        if normalise(ours) != normalise(theirs)
    ]
    assert not mismatched
    assert all(ours.strip() for ours in library)


HAND_WRITTEN = [
    (
        "radios",
        CASES["radios"][1],
        """{% from "govuk/components/radios/macro.njk" import govukRadios %}
{% from "govuk/components/input/macro.njk" import govukInput %}
{% set emailHtml %}
{{ govukInput({ id: "contact-by-email", name: "contact-by-email", type: "email", autocomplete: "email",
  spellcheck: false, label: { text: "Email address" } }) }}
{% endset -%}
{% set textHtml %}
{{ govukInput({ id: "contact-by-text", name: "contact-by-text", type: "tel",
  label: { text: "Mobile phone number" } }) }}
{% endset -%}
{{ govukRadios({ name: "contact", classes: "govuk-radios--small",
  fieldset: { legend: { text: "How would you like to be contacted?" } },
  hint: { text: "Select one option." },
  errorMessage: { text: "Select how you would like to be contacted" },
  items: [
    { value: "email", text: "Email", conditional: { html: emailHtml } },
    { value: "text", text: "Text message", hint: { text: "UK mobiles only" }, conditional: { html: textHtml } }
  ] }) }}""",
    ),
    (
        "date_input",
        CASES["date_input"][0],
        """{% from "govuk/components/date-input/macro.njk" import govukDateInput %}
{{ govukDateInput({ id: "date-of-birth", namePrefix: "date-of-birth",
  fieldset: { legend: { text: "What is your date of birth?", isPageHeading: true,
  classes: "govuk-fieldset__legend--l" } }, hint: { text: "For example, 27 3 2007" } }) }}""",
    ),
    (
        "checkboxes",
        CASES["checkboxes"][0],
        """{% from "govuk/components/checkboxes/macro.njk" import govukCheckboxes %}
{{ govukCheckboxes({ name: "waste",
  fieldset: { legend: { text: "Which types of waste?", isPageHeading: true, classes: "govuk-fieldset__legend--l" } },
  hint: { text: "Select all that apply." },
  items: [ { value: "glass", text: "Glass" }, { value: "paper", text: "Paper" }, { divider: "or" },
    { value: "none", text: "None of these", behaviour: "exclusive" } ] }) }}""",
    ),
    (
        "summary_list",
        CASES["summary_list"][0],
        """{% from "govuk/components/summary-list/macro.njk" import govukSummaryList %}
{{ govukSummaryList({ rows: [
  { key: { text: "Name" }, value: { text: "Sarah Philips" },
    actions: { items: [ { href: "/name", text: "Change", visuallyHiddenText: "name" } ] } },
  { key: { text: "Date of birth" }, value: { text: "5 January 1978" } } ] }) }}""",
    ),
    (
        "button",
        CASES["button"][1],
        """{% from "govuk/components/button/macro.njk" import govukButton %}
{{ govukButton({ text: "Start now", href: "/start", isStartButton: true }) }}""",
    ),
]


def test_parameters_map_to_the_macro_as_the_design_system_documents_them():
    """Hand-written Design System calls for the same answers give the same HTML as the library's blocks."""
    stream = ScreenComponentsBlock()
    library = render_parts(
        [
            [component_part(kind, stream.child_blocks[kind], stream.child_blocks[kind].to_python(raw))]
            for kind, raw, _source in HAND_WRITTEN
        ]
    )
    reference = render_templates([source for _kind, _raw, source in HAND_WRITTEN])
    for (kind, _raw, _source), ours, theirs in zip(HAND_WRITTEN, library, reference, strict=True):
        assert normalise(ours) == normalise(theirs), kind


def test_text_in_parameters_is_escaped_not_markup():
    """A label, hint or item text holding HTML or Nunjucks shows as text: no script element, no evaluation."""
    html = "\n".join(render_parts([[part] for _name, part in case_parts()]))
    assert "<script>" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 10
    assert html.count("{{ 7*7 }}") >= 10
