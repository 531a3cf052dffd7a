"""Build the POST data the Wagtail page editor sends, and read block errors back out of its form.

Uses ``wagtail.test.utils.form_data`` as Wagtail's own tests do; ``list_block`` fills the gap it leaves for
ListBlocks (their rows are posted like stream children, without a type).
"""

from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from pattern_pages.blocks import RICH_TEXT_FEATURES
from pattern_pages.models import ProcessPage, ServicePatternPage


def list_block(items):
    """Form data for a ListBlock: ``{"count": "2", "0": {"value": ..., "deleted": "", "order": "0"}, ...}``."""
    data = {str(index): {"value": value, "deleted": "", "order": str(index)} for index, value in enumerate(items)}
    data["count"] = str(len(items))
    return data


def html(value):
    return rich_text(value, features=RICH_TEXT_FEATURES)


def process_step(ref, title, role, *, system="", legislation="", outcomes=()):
    """One ProcessStepBlock as the editor posts it; ``outcomes`` are ``(answer, next_step)`` pairs."""
    return {
        "ref": ref,
        "title": title,
        "role": role,
        "system": system,
        "description": "",
        "inputs": list_block([]),
        "outputs": list_block([]),
        "time_limit": "",
        "legislation": legislation,
        "decision": {
            "question": "What next?" if outcomes else "",
            "outcomes": list_block([{"answer": answer, "next_step": ref} for answer, ref in outcomes]),
        },
    }


def process_form_data(**overrides):
    """A complete, valid ProcessPage form; keyword arguments replace whole fields."""
    fields = {
        "title": "Decide a grant application",
        "slug": "decide-a-grant-application",
        "summary": "How the council decides a grant application.",
        "trigger": "A resident applies for a grant.",
        "outcome": "The resident is told the decision.",
        "owner_council": "",
        "maturity": "experimental",
        "version": "0.1.0",
        "review_by": "",
        "roles": streamfield(
            [
                ("role", {"name": "Resident", "kind": "resident", "description": ""}),
                ("role", {"name": "Grants officer", "kind": "council-officer", "description": ""}),
            ]
        ),
        "systems": streamfield([("system", {"name": "Grants system", "description": ""})]),
        "steps": streamfield(
            [
                ("step", process_step("apply", "Apply", "Resident", system="Grants system")),
                (
                    "step",
                    process_step(
                        "decide",
                        "Decide",
                        "Grants officer",
                        legislation="Housing Act 1996",
                        outcomes=[("Approved", "tell-resident"), ("Refused", "tell-resident")],
                    ),
                ),
                ("step", process_step("tell-resident", "Tell the resident", "Grants officer")),
            ]
        ),
        "legislation": streamfield(
            [
                (
                    "legislation",
                    {
                        "title": "Housing Act 1996",
                        "section": "section 166A",
                        "url": "https://www.legislation.gov.uk/ukpga/1996/52/section/166A",
                        "duty_or_power": "duty",
                    },
                )
            ]
        ),
        "data_held": streamfield([]),
        "performance_measures": streamfield([]),
        "supported_patterns": streamfield([]),
        "comments": inline_formset([]),
    }
    fields.update(overrides)
    return nested_form_data(with_empty_streams(ProcessPage, fields))


def with_empty_streams(model, fields):
    """Post every StreamField the page has, empty unless given, as the editor does (a missing one is an error)."""
    for field in model._meta.concrete_fields:
        if isinstance(field, StreamField):
            fields.setdefault(field.name, streamfield([]))
    return fields


def pattern_step(title, components=(), process_steps=(), screens=()):
    """One PatternStepBlock as the editor posts it; ``process_steps`` are ``(process page, ref)`` pairs,
    ``screens`` ScreenBlock form data (see ``screen_form``)."""
    return {
        "screens": list_block(list(screens)),
        "title": title,
        "user_action": "Answers the question.",
        "components": list_block([str(component.pk) for component in components]),
        "content_guidance": html(""),
        "example_screen": {"image": "", "decorative": "", "alt_text": ""},
        "process_steps": list_block([{"process": str(process.pk), "step": ref} for process, ref in process_steps]),
    }


def research(rating):
    return {
        "method": "usability-testing",
        "date": "2026-03-01",
        "participants": "8",
        "findings": html("<p>People understood the question.</p>"),
        "rating": str(rating),
    }


def pattern_form_data(pattern_type, **overrides):
    """A complete, valid ServicePatternPage form; keyword arguments replace whole fields."""
    fields = {
        "title": "Apply for a grant",
        "slug": "apply-for-a-grant",
        "summary": "How a resident applies for a grant.",
        "pattern_type": str(pattern_type.pk),
        "maturity": "beta",
        "version": "1.0.0",
        "review_by": "",
        "owner_council": "",
        "when_to_use": streamfield([("paragraph", html("<p>When the council gives grants.</p>"))]),
        "when_not_to_use": streamfield([]),
        "how_it_works": streamfield([]),
        "user_needs": streamfield(
            [("user_need", {"as_a": "resident", "i_need": "to apply for a grant", "so_that": "I can get help"})]
        ),
        "steps": streamfield([("step", pattern_step("Your details"))]),
        "variants": streamfield([]),
        "accessibility": streamfield([]),
        "research": streamfield([("research", research(2))]),
        "related": streamfield([]),
        "comments": inline_formset([]),
    }
    fields.update(overrides)
    return nested_form_data(with_empty_streams(ServicePatternPage, fields))


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def publish(data):
    return {**data, "action-publish": "action-publish"}


def form_errors(response):
    """Every error on the page form as ``{"steps.1.role": [message, ...], "version": [...]}``."""
    form = response.context["form"]
    errors = {}
    for name, error_list in form.errors.items():
        for error in error_list.as_data():
            _collect(error, name, errors)
    return errors


def block_errors(error, prefix):
    """The same flattening for an error raised by a block's ``clean()`` or a model's ``full_clean()``."""
    errors = {}
    if hasattr(error, "error_dict") and not isinstance(
        error, (StreamBlockValidationError, StructBlockValidationError, ListBlockValidationError)
    ):
        for name, error_list in error.error_dict.items():
            for child in error_list:
                _collect(child, f"{prefix}.{name}" if prefix else name, errors)
    else:
        _collect(error, prefix, errors)
    return errors


def _collect(error, path, errors):
    if isinstance(error, (StreamBlockValidationError, ListBlockValidationError)):
        for index, child in error.block_errors.items():
            _collect(child, f"{path}.{index}", errors)
        for child in error.non_block_errors.as_data():
            _collect(child, path, errors)
    elif isinstance(error, StructBlockValidationError):
        for name, child in error.block_errors.items():
            _collect(child, f"{path}.{name}", errors)
    elif isinstance(error, ValidationError) and hasattr(error, "error_list") and len(error.error_list) > 1:
        for child in error.error_list:
            _collect(child, path, errors)
    else:
        errors.setdefault(path, []).extend(ValidationError(error).messages)
