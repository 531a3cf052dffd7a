"""One StreamField block per GOV.UK Frontend component, its fields named after the macro's parameters.

A block's value becomes the macro's parameters through ``macro_params``: empty fields are left out (so the
macro's own defaults apply), ``hint`` and ``errorMessage`` become ``{"text": …}``, ``legend`` becomes
``fieldset.legend``. Only ``text`` parameters are offered, never ``html``, so whatever an editor types is
escaped by the macro (a label cannot inject markup). For example a radios block with the legend "Where do
you live?" and two items gives::

    {"name": "where-do-you-live", "fieldset": {"legend": {"text": "Where do you live?", "isPageHeading": true,
     "classes": "govuk-fieldset__legend--l"}}, "items": [{"value": "england", "text": "England"}, …]}

Conditional reveals hold a nested text input; its HTML is rendered first and passed as ``conditional.html``
(see ``RenderCall``).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..block_validation import StructBlockValidationMixin
from .previews import sample

NAME_PATTERN = r"^[a-zA-Z][a-zA-Z0-9_.\-\[\]]*$"
NAME_HELP = _("The form field's name, e.g. 'date-of-birth': letters, numbers, hyphens, underscores and dots.")
PLAIN_TEXT_HELP = _("Plain text: it is shown exactly as typed, never as HTML.")


class RenderCall(dict):
    """A parameter whose value is the HTML of another macro call, e.g. a radio item's conditional reveal.

    ``{"macro": "govukInput", "component": "input", "params": {…}}``; the renderer renders it first.
    """

    def __init__(self, macro, component, params):
        super().__init__(macro=macro, component=component, params=params)


# ----- shared fields ----------------------------------------------------------------------------


class FieldNameBlock(blocks.RegexBlock):
    def __init__(self, required=True, help_text=NAME_HELP, **kwargs):
        super().__init__(
            regex=NAME_PATTERN,
            max_length=80,
            required=required,
            help_text=help_text,
            error_messages={"invalid": _("Use letters, numbers, hyphens, underscores and dots, e.g. 'date-of-birth'.")},
            **kwargs,
        )


def size_choices(prefix):
    return [
        ("", _("Default size")),
        (f"{prefix}--s", _("Small")),
        (f"{prefix}--m", _("Medium")),
        (f"{prefix}--l", _("Large")),
        (f"{prefix}--xl", _("Extra large")),
    ]


class LabelBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, help_text=PLAIN_TEXT_HELP)
    isPageHeading = blocks.BooleanBlock(  # noqa: N815 (the macro's parameter name)
        required=False, label=_("Is the page heading"), help_text=_("Tick when this is the page's question (its h1).")
    )
    classes = blocks.ChoiceBlock(choices=size_choices("govuk-label"), required=False, label=_("Size"))

    class Meta:
        label = _("Label")


class LegendBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, help_text=PLAIN_TEXT_HELP)
    isPageHeading = blocks.BooleanBlock(  # noqa: N815
        required=False, label=_("Is the page heading"), help_text=_("Tick when this is the page's question (its h1).")
    )
    classes = blocks.ChoiceBlock(choices=size_choices("govuk-fieldset__legend"), required=False, label=_("Size"))

    class Meta:
        label = _("Legend")


def hint_block():
    return blocks.CharBlock(max_length=500, required=False, help_text=_("Hint text under the label, if any."))


def error_block():
    return blocks.CharBlock(
        max_length=300,
        required=False,
        label=_("Error message"),
        help_text=_("Fill in only to show the question in its error state, e.g. 'Enter your full name'."),
    )


WIDTH_CHOICES = [
    ("", _("Full width")),
    ("govuk-input--width-2", _("2 characters")),
    ("govuk-input--width-3", _("3 characters")),
    ("govuk-input--width-4", _("4 characters")),
    ("govuk-input--width-5", _("5 characters")),
    ("govuk-input--width-10", _("10 characters")),
    ("govuk-input--width-20", _("20 characters")),
    ("govuk-input--width-30", _("30 characters")),
    ("govuk-!-width-one-half", _("One half")),
    ("govuk-!-width-one-third", _("One third")),
    ("govuk-!-width-two-thirds", _("Two thirds")),
]


def spellcheck_block():
    return blocks.ChoiceBlock(
        choices=[("", _("Browser default")), ("on", _("Check spelling")), ("off", _("Do not check spelling"))],
        required=False,
        help_text=_("Turn spelling checks off for names, email addresses and codes."),
    )


INPUT_TYPES = [("text", "text"), ("email", "email"), ("tel", "tel"), ("number", "number"), ("url", "url")]
INPUTMODES = [("", _("Default")), ("numeric", "numeric"), ("decimal", "decimal"), ("email", "email"), ("tel", "tel")]


# ----- conversion to macro parameters -----------------------------------------------------------

TEXT_WRAPPED = {"hint", "errorMessage"}


def id_first(params, default_key="name", id_key="id"):
    """Put ``id`` first (defaulting to the name), as the Design System's examples do."""
    if id_key not in params and params.get(default_key):
        params[id_key] = params[default_key]
    if id_key in params:
        params = {id_key: params.pop(id_key), **params}
    return params


def to_params(value):
    """Block value → macro parameters: nested values converted, empty ones dropped."""
    if isinstance(value, blocks.StructValue | dict):
        params = {}
        for key, item in value.items():
            item = to_params(item)
            if key == "spellcheck":  # "on"/"off"; unset leaves the browser's default
                if item in ("on", "off"):
                    params[key] = item == "on"
                continue
            if item in ("", None, False, [], {}):
                continue
            if key in TEXT_WRAPPED and isinstance(item, str):
                item = {"text": item}
            if key == "legend":
                params["fieldset"] = {"legend": item}
                continue
            params[key] = item
        return params
    if isinstance(value, list | tuple | blocks.list_block.ListValue):
        return [to_params(item) for item in value]
    if isinstance(value, str):
        return value.strip()
    return value


def items_params(items, *, component):
    """Radio and checkbox items: a divider is ``{"divider": "or"}``; a conditional reveal becomes HTML."""
    result = []
    for item in items or []:
        if item.get("divider"):
            result.append({"divider": item["divider"].strip()})
            continue
        params = to_params({k: v for k, v in item.items() if k not in {"divider", "conditional"}})
        conditional = item.get("conditional")
        if conditional and conditional.get("name"):
            params["conditional"] = {
                "html": RenderCall("govukInput", "input", TextInputBlock().macro_params(conditional))
            }
        if params.get("exclusive"):
            params.pop("exclusive")
            params["behaviour"] = "exclusive"
        result.append(params)
    return result


# ----- the components ---------------------------------------------------------------------------


class ComponentBlock(StructBlockValidationMixin, blocks.StructBlock):
    """A GOV.UK Frontend component. Subclasses set the macro, its folder and the Design System slug."""

    macro = ""
    component = ""
    design_system_slug = ""
    verbose = ""

    class Meta:
        # Shows the Nunjucks the block produces (templatetags/screen_tags.py): previews never start Node.
        preview_template = "blocks/screen_component_preview.html"

    def macro_params(self, value):
        return to_params(value)

    def field_error_message(self, message):
        return f"{self.verbose}: {message}"

    def block_type_name(self):
        return next(name for name, block in COMPONENT_BLOCKS.items() if type(block) is type(self))

    def get_preview_value(self):
        return self.to_python(sample(self.block_type_name()))

    def page_heading(self, value):
        """True when this component's label or legend is the page's h1."""
        for key in ("label", "legend"):
            part = value.get(key)
            if part and part.get("isPageHeading"):
                return True
        return False


def item_errors(items, *, needs_value=True):
    for position, item in enumerate(items or [], start=1):
        if item.get("divider"):
            continue
        if needs_value and not str(item.get("value") or "").strip():
            return _("each item needs a value (item %(n)s has none).") % {"n": position}
        if not str(item.get("text") or "").strip():
            return _("each item needs text (item %(n)s has none).") % {"n": position}
    values = [str(item.get("value")).strip() for item in items or [] if not item.get("divider")]
    duplicates = sorted({v for v in values if values.count(v) > 1})
    if needs_value and duplicates:
        return _("each item needs its own value ('%(value)s' is used twice).") % {"value": duplicates[0]}
    return None


class ConditionalInputBlock(blocks.StructBlock):
    """A text input revealed when its item is chosen (the Design System's conditional reveal)."""

    name = FieldNameBlock(required=False, help_text=_("Leave empty for no conditional question."))
    label = blocks.CharBlock(max_length=300, required=False)
    hint = hint_block()
    type = blocks.ChoiceBlock(choices=INPUT_TYPES, default="text", required=False)
    autocomplete = blocks.CharBlock(max_length=50, required=False, help_text=_("e.g. 'email' or 'tel'"))
    spellcheck = spellcheck_block()

    class Meta:
        label = _("Conditional question")


class ChoiceItemBlock(blocks.StructBlock):
    value = blocks.CharBlock(max_length=100, required=False, help_text=_("What the form sends, e.g. 'yes'."))
    text = blocks.CharBlock(max_length=300, required=False, help_text=_("What the user reads, e.g. 'Yes'."))
    hint = hint_block()
    divider = blocks.CharBlock(
        max_length=20, required=False, help_text=_("Makes this item a divider with this text, e.g. 'or'; leave empty.")
    )
    conditional = ConditionalInputBlock(required=False)

    class Meta:
        label = _("Item")


class CheckboxItemBlock(ChoiceItemBlock):
    exclusive = blocks.BooleanBlock(
        required=False, help_text=_("A 'none of these' answer: choosing it unticks the others.")
    )


class TextInputBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = "govukInput", "input", "text-input", _("Text input")
    id = FieldNameBlock(required=False, help_text=_("Defaults to the name."))
    name = FieldNameBlock()
    label = LabelBlock()
    hint = hint_block()
    errorMessage = error_block()  # noqa: N815
    type = blocks.ChoiceBlock(choices=INPUT_TYPES, default="text", required=False)
    inputmode = blocks.ChoiceBlock(choices=INPUTMODES, required=False)
    autocomplete = blocks.CharBlock(max_length=50, required=False, help_text=_("e.g. 'postal-code' or 'email'"))
    spellcheck = spellcheck_block()
    classes = blocks.ChoiceBlock(choices=WIDTH_CHOICES, required=False, label=_("Width"))
    prefix = blocks.CharBlock(max_length=10, required=False, help_text=_("e.g. '£'"))
    suffix = blocks.CharBlock(max_length=20, required=False, help_text=_("e.g. 'per week'"))

    class Meta:
        icon = "form"
        description = _("A single-line answer (GOV.UK text input).")

    def macro_params(self, value):
        params = to_params(value)
        if isinstance(params.get("label"), str):  # a conditional question's label is just its text
            params["label"] = {"text": params["label"]}
        params = id_first(params)
        for key in ("prefix", "suffix"):
            if key in params:
                params[key] = {"text": params[key]}
        if params.get("type") == "text":
            params.pop("type")
        return params


class TextareaBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = "govukTextarea", "textarea", "textarea", _("Textarea")
    id = FieldNameBlock(required=False, help_text=_("Defaults to the name."))
    name = FieldNameBlock()
    label = LabelBlock()
    hint = hint_block()
    errorMessage = error_block()  # noqa: N815
    rows = blocks.IntegerBlock(required=False, min_value=1, max_value=30)
    autocomplete = blocks.CharBlock(max_length=50, required=False)
    spellcheck = spellcheck_block()

    class Meta:
        icon = "pilcrow"
        description = _("A multi-line answer (GOV.UK textarea).")

    def macro_params(self, value):
        return id_first(to_params(value))


class CharacterCountBlock(TextareaBlock):
    macro, component, design_system_slug, verbose = (
        "govukCharacterCount",
        "character-count",
        "character-count",
        _("Character count"),
    )
    maxlength = blocks.IntegerBlock(required=False, min_value=1, help_text=_("The most characters allowed."))
    maxwords = blocks.IntegerBlock(required=False, min_value=1, help_text=_("Or: the most words allowed."))
    threshold = blocks.IntegerBlock(
        required=False, min_value=0, max_value=100, help_text=_("Show the count only past this percentage.")
    )

    class Meta:
        icon = "pilcrow"
        description = _("A textarea that counts characters or words (GOV.UK character count).")

    def field_errors(self, value):
        if not value.get("maxlength") and not value.get("maxwords"):
            return {"maxlength": _("set the most characters or the most words allowed.")}
        if value.get("maxlength") and value.get("maxwords"):
            return {"maxwords": _("set the most characters or the most words, not both.")}
        return {}


class PasswordInputBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = (
        "govukPasswordInput",
        "password-input",
        "password-input",
        _("Password input"),
    )
    id = FieldNameBlock(required=False, help_text=_("Defaults to the name."))
    name = FieldNameBlock()
    label = LabelBlock()
    hint = hint_block()
    errorMessage = error_block()  # noqa: N815
    autocomplete = blocks.ChoiceBlock(
        choices=[("current-password", "current-password"), ("new-password", "new-password")],
        default="current-password",
        required=False,
    )

    class Meta:
        icon = "password"
        description = _("A password, with a button to show it (GOV.UK password input).")

    def macro_params(self, value):
        return id_first(to_params(value))


class RadiosBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = "govukRadios", "radios", "radios", _("Radios")
    idPrefix = FieldNameBlock(required=False, help_text=_("Defaults to the name."))  # noqa: N815
    name = FieldNameBlock()
    legend = LegendBlock()
    hint = hint_block()
    errorMessage = error_block()  # noqa: N815
    classes = blocks.ChoiceBlock(
        choices=[("", _("Stacked")), ("govuk-radios--inline", _("Inline")), ("govuk-radios--small", _("Small"))],
        required=False,
        label=_("Layout"),
    )
    items = blocks.ListBlock(ChoiceItemBlock(), min_num=1, label=_("Items"))

    class Meta:
        icon = "radio-full"
        description = _("One answer from a list (GOV.UK radios), with conditional questions and an 'or' divider.")

    def macro_params(self, value):
        params = to_params({k: v for k, v in value.items() if k != "items"})
        params["items"] = items_params(value.get("items"), component=self.component)
        return params

    def field_errors(self, value):
        message = item_errors(value.get("items"))
        return {"items": message} if message else {}


class CheckboxesBlock(RadiosBlock):
    macro, component, design_system_slug, verbose = "govukCheckboxes", "checkboxes", "checkboxes", _("Checkboxes")
    classes = blocks.ChoiceBlock(
        choices=[("", _("Stacked")), ("govuk-checkboxes--small", _("Small"))], required=False, label=_("Layout")
    )
    items = blocks.ListBlock(CheckboxItemBlock(), min_num=1, label=_("Items"))

    class Meta:
        icon = "tick-inverse"
        description = _("Any number of answers from a list (GOV.UK checkboxes).")


class DateInputBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = "govukDateInput", "date-input", "date-input", _("Date input")
    id = FieldNameBlock()
    namePrefix = FieldNameBlock(  # noqa: N815
        required=False, help_text=_("Fields are named '<prefix>-day', '-month', '-year'. Defaults to the id.")
    )
    legend = LegendBlock()
    hint = hint_block()
    errorMessage = error_block()  # noqa: N815

    class Meta:
        icon = "date"
        description = _("A date as day, month and year (GOV.UK date input).")

    def macro_params(self, value):
        params = to_params(value)
        params.setdefault("namePrefix", params.get("id"))
        return id_first(params, "namePrefix")


class SelectItemBlock(blocks.StructBlock):
    value = blocks.CharBlock(max_length=100, required=False)
    text = blocks.CharBlock(max_length=300, required=False)
    selected = blocks.BooleanBlock(required=False)


class SelectBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = "govukSelect", "select", "select", _("Select")
    id = FieldNameBlock(required=False, help_text=_("Defaults to the name."))
    name = FieldNameBlock()
    label = LabelBlock()
    hint = hint_block()
    errorMessage = error_block()  # noqa: N815
    items = blocks.ListBlock(SelectItemBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        description = _("One answer from a long list, as a drop-down (GOV.UK select).")

    def macro_params(self, value):
        return id_first(to_params(value))

    def field_errors(self, value):
        for position, item in enumerate(value.get("items") or [], start=1):
            if not str(item.get("text") or "").strip():
                return {"items": _("each item needs text (item %(n)s has none).") % {"n": position}}
        return {}


class FileUploadBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = "govukFileUpload", "file-upload", "file-upload", _("File upload")
    id = FieldNameBlock(required=False, help_text=_("Defaults to the name."))
    name = FieldNameBlock()
    label = LabelBlock()
    hint = hint_block()
    errorMessage = error_block()  # noqa: N815
    multiple = blocks.BooleanBlock(required=False, help_text=_("Allow more than one file."))

    class Meta:
        icon = "doc-full"
        description = _("A file to upload (GOV.UK file upload).")

    def macro_params(self, value):
        params = id_first(to_params(value))
        if params.pop("multiple", False):
            params["attributes"] = {"multiple": True}
        return params


class FieldsetBlock(ComponentBlock):
    """A legend grouping several text inputs, e.g. an address."""

    macro, component, design_system_slug, verbose = "govukFieldset", "fieldset", "fieldset", _("Fieldset")
    legend = LegendBlock()
    inputs = blocks.ListBlock(TextInputBlock(), min_num=1, label=_("Text inputs inside it"))

    class Meta:
        icon = "form"
        description = _("Related questions grouped under one legend, e.g. an address (GOV.UK fieldset).")

    def macro_params(self, value):
        return {"legend": to_params(value.get("legend"))}

    def inner_calls(self, value):
        """The calls rendered inside the fieldset (the macro's ``caller``)."""
        block = self.child_blocks["inputs"].child_block
        return [RenderCall(block.macro, block.component, block.macro_params(item)) for item in value.get("inputs")]


class ButtonBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = "govukButton", "button", "button", _("Button")
    text = blocks.CharBlock(max_length=100, help_text=_("e.g. 'Continue' or 'Start now'."))
    href = blocks.CharBlock(
        max_length=300, required=False, help_text=_("For a link styled as a button, e.g. a start button.")
    )
    isStartButton = blocks.BooleanBlock(required=False, label=_("Start button"))  # noqa: N815
    classes = blocks.ChoiceBlock(
        choices=[
            ("", _("Primary")),
            ("govuk-button--secondary", _("Secondary")),
            ("govuk-button--warning", _("Warning")),
        ],
        required=False,
        label=_("Style"),
    )

    class Meta:
        icon = "plus-inverse"
        description = _("A button, or a start button (GOV.UK button).")

    def field_errors(self, value):
        href = (value.get("href") or "").strip()
        if href and not re.match(r"^(/|#|https://)", href):
            return {"href": _("a link must start with /, # or https://.")}
        if value.get("isStartButton") and not href:
            return {"href": _("a start button links to the service's first page: give its link.")}
        return {}


class InsetTextBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = "govukInsetText", "inset-text", "inset-text", _("Inset text")
    text = blocks.TextBlock(max_length=1000, help_text=PLAIN_TEXT_HELP)

    class Meta:
        icon = "doc-full"
        description = _("Text set apart from the content around it (GOV.UK inset text).")


class WarningTextBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = "govukWarningText", "warning-text", "warning-text", _("Warning")
    text = blocks.TextBlock(max_length=500, help_text=PLAIN_TEXT_HELP)
    iconFallbackText = blocks.CharBlock(max_length=30, default="Warning", required=False)  # noqa: N815

    class Meta:
        icon = "warning"
        description = _("A warning a user must not miss (GOV.UK warning text).")


class DetailsBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = "govukDetails", "details", "details", _("Details")
    summaryText = blocks.CharBlock(max_length=200, label=_("Summary"))  # noqa: N815
    text = blocks.TextBlock(max_length=2000, help_text=PLAIN_TEXT_HELP)

    class Meta:
        icon = "arrow-down"
        description = _("Extra help that only some users need, shown on request (GOV.UK details).")


class NotificationBannerBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = (
        "govukNotificationBanner",
        "notification-banner",
        "notification-banner",
        _("Notification banner"),
    )
    titleText = blocks.CharBlock(max_length=100, required=False, help_text=_("Defaults to 'Important'."))  # noqa: N815
    text = blocks.TextBlock(max_length=500, help_text=PLAIN_TEXT_HELP)
    type = blocks.ChoiceBlock(choices=[("", _("Important")), ("success", _("Success"))], required=False)

    class Meta:
        icon = "info-circle"
        description = _("Something the user needs to know about the service (GOV.UK notification banner).")


class PanelBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = "govukPanel", "panel", "panel", _("Panel")
    titleText = blocks.CharBlock(max_length=200, label=_("Title"))  # noqa: N815
    text = blocks.CharBlock(max_length=300, required=False, help_text=_("e.g. 'Your reference number HDJ2123F'"))
    headingLevel = blocks.IntegerBlock(required=False, min_value=1, max_value=6, default=1)  # noqa: N815

    class Meta:
        icon = "success"
        description = _("The confirmation at the end of a transaction (GOV.UK panel).")

    def page_heading(self, value):
        return (value.get("headingLevel") or 1) == 1

    def macro_params(self, value):
        params = to_params(value)
        if params.get("headingLevel") == 1:
            params.pop("headingLevel")
        return params


class SummaryRowBlock(blocks.StructBlock):
    key = blocks.CharBlock(max_length=200)
    value = blocks.CharBlock(max_length=500, required=False)
    href = blocks.CharBlock(max_length=300, required=False, help_text=_("Where 'Change' goes, e.g. '/date-of-birth'."))
    visuallyHiddenText = blocks.CharBlock(  # noqa: N815
        max_length=200, required=False, help_text=_("Read after 'Change' by screen readers, e.g. 'date of birth'.")
    )


class SummaryListBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = (
        "govukSummaryList",
        "summary-list",
        "summary-list",
        _("Summary list"),
    )
    rows = blocks.ListBlock(SummaryRowBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        description = _("Questions and answers, as on a check answers page (GOV.UK summary list).")

    def macro_params(self, value):
        rows = []
        for row in value.get("rows"):
            params = {"key": {"text": row["key"].strip()}, "value": {"text": (row.get("value") or "").strip()}}
            if (row.get("href") or "").strip():
                # The macro has no text of its own for an action: 'Change' is ours, in the page's language.
                action = {"href": row["href"].strip(), "text": gettext("Change")}
                if (row.get("visuallyHiddenText") or "").strip():
                    action["visuallyHiddenText"] = row["visuallyHiddenText"].strip()
                params["actions"] = {"items": [action]}
            rows.append(params)
        return {"rows": rows}


class TableRowBlock(blocks.StructBlock):
    cells = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1)


class TableBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = "govukTable", "table", "table", _("Table")
    caption = blocks.CharBlock(max_length=200, required=False)
    captionClasses = blocks.ChoiceBlock(  # noqa: N815
        choices=size_choices("govuk-table__caption"), required=False, label=_("Caption size")
    )
    firstCellIsHeader = blocks.BooleanBlock(required=False)  # noqa: N815
    head = blocks.ListBlock(blocks.CharBlock(max_length=200), default=[], label=_("Column headings"))
    rows = blocks.ListBlock(TableRowBlock(), min_num=1)

    class Meta:
        icon = "table"
        description = _("Data in rows and columns (GOV.UK table).")

    def macro_params(self, value):
        params = to_params({k: v for k, v in value.items() if k not in {"head", "rows"}})
        if value.get("head"):
            params["head"] = [{"text": text.strip()} for text in value["head"]]
        params["rows"] = [[{"text": text.strip()} for text in row["cells"]] for row in value["rows"]]
        return params

    def field_errors(self, value):
        width = len(value.get("head") or [])
        for position, row in enumerate(value.get("rows") or [], start=1):
            if width and len(row["cells"]) != width:
                return {
                    "rows": _("row %(n)s has %(cells)s cells but there are %(width)s column headings.")
                    % {"n": position, "cells": len(row["cells"]), "width": width}
                }
        return {}


TAG_COLOURS = [
    ("", _("Blue (default)")),
    ("govuk-tag--grey", _("Grey")),
    ("govuk-tag--green", _("Green")),
    ("govuk-tag--turquoise", _("Turquoise")),
    ("govuk-tag--light-blue", _("Light blue")),
    ("govuk-tag--purple", _("Purple")),
    ("govuk-tag--pink", _("Pink")),
    ("govuk-tag--red", _("Red")),
    ("govuk-tag--orange", _("Orange")),
    ("govuk-tag--yellow", _("Yellow")),
]


class TaskBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200)
    hint = hint_block()
    href = blocks.CharBlock(max_length=300, required=False, help_text=_("Leave empty for a task not yet available."))
    status = blocks.CharBlock(max_length=50, help_text=_("e.g. 'Completed', 'Incomplete', 'Cannot start yet'."))
    statusColour = blocks.ChoiceBlock(  # noqa: N815
        choices=TAG_COLOURS, required=False, help_text=_("Shown as a tag; leave default for plain 'Completed'.")
    )


class TaskListBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = "govukTaskList", "task-list", "task-list", _("Task list")
    idPrefix = FieldNameBlock(default="task-list")  # noqa: N815
    items = blocks.ListBlock(TaskBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        description = _("The tasks a user completes, with their status (GOV.UK task list).")

    def macro_params(self, value):
        items = []
        for task in value.get("items"):
            item = {"title": {"text": task["title"].strip()}}
            if (task.get("hint") or "").strip():
                item["hint"] = {"text": task["hint"].strip()}
            if (task.get("href") or "").strip():
                item["href"] = task["href"].strip()
            if task.get("statusColour"):
                item["status"] = {"tag": {"text": task["status"].strip(), "classes": task["statusColour"]}}
            else:
                item["status"] = {"text": task["status"].strip()}
                if not item.get("href"):
                    item["status"]["classes"] = "govuk-task-list__status--cannot-start-yet"
            items.append(item)
        return {"idPrefix": value.get("idPrefix"), "items": items}


class TagBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = "govukTag", "tag", "tag", _("Tag")
    text = blocks.CharBlock(max_length=50)
    classes = blocks.ChoiceBlock(choices=TAG_COLOURS, required=False, label=_("Colour"))

    class Meta:
        icon = "tag"
        description = _("A status label (GOV.UK tag).")


class ErrorLinkBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, help_text=_("The same words as the field's error message."))
    href = blocks.CharBlock(max_length=100, help_text=_("'#' and the field's id, e.g. '#date-of-birth-day'."))


class ErrorSummaryBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = (
        "govukErrorSummary",
        "error-summary",
        "error-summary",
        _("Error summary"),
    )
    titleText = blocks.CharBlock(max_length=100, default="There is a problem")  # noqa: N815
    errorList = blocks.ListBlock(ErrorLinkBlock(), min_num=1, label=_("Errors"))  # noqa: N815

    class Meta:
        icon = "warning"
        description = _("The errors on the page, linking to each field (GOV.UK error summary).")

    def field_errors(self, value):
        for position, error in enumerate(value.get("errorList") or [], start=1):
            if not str(error.get("href") or "").startswith("#"):
                return {
                    "errorList": _("each error links to its field with '#' and the field's id (error %(n)s).")
                    % {"n": position}
                }
        return {}


class BackLinkBlock(ComponentBlock):
    macro, component, design_system_slug, verbose = "govukBackLink", "back-link", "back-link", _("Back link")
    text = blocks.CharBlock(max_length=50, default="Back")
    href = blocks.CharBlock(max_length=300, default="#")

    class Meta:
        icon = "arrow-left"
        description = _("A link to the previous page (GOV.UK back link).")


class ParagraphBlock(blocks.StructBlock):
    """Body text between components: not a Frontend macro, written as a ``govuk-body`` paragraph."""

    text = blocks.TextBlock(max_length=2000, help_text=PLAIN_TEXT_HELP)
    size = blocks.ChoiceBlock(
        choices=[("govuk-body", _("Body")), ("govuk-body-l", _("Lead paragraph")), ("govuk-body-s", _("Small"))],
        default="govuk-body",
        required=False,
    )

    class Meta:
        icon = "pilcrow"
        description = _("A paragraph of plain text.")

    def page_heading(self, value):
        return False


class HeadingBlock(blocks.StructBlock):
    """A heading: an h2 section heading, or the page's h1 when no label or legend is."""

    text = blocks.CharBlock(max_length=200, help_text=PLAIN_TEXT_HELP)
    level = blocks.ChoiceBlock(choices=[("1", "h1"), ("2", "h2"), ("3", "h3")], default="2")

    class Meta:
        icon = "title"
        description = _("A heading.")

    def page_heading(self, value):
        return str(value.get("level")) == "1"


class ScreenComponentsBlock(blocks.StreamBlock):
    text_input = TextInputBlock()
    textarea = TextareaBlock()
    character_count = CharacterCountBlock()
    password_input = PasswordInputBlock()
    radios = RadiosBlock()
    checkboxes = CheckboxesBlock()
    date_input = DateInputBlock()
    select = SelectBlock()
    file_upload = FileUploadBlock()
    fieldset = FieldsetBlock()
    button = ButtonBlock()
    inset_text = InsetTextBlock()
    warning_text = WarningTextBlock()
    details = DetailsBlock()
    notification_banner = NotificationBannerBlock()
    panel = PanelBlock()
    summary_list = SummaryListBlock()
    table = TableBlock()
    task_list = TaskListBlock()
    tag = TagBlock()
    error_summary = ErrorSummaryBlock()
    back_link = BackLinkBlock()
    heading = HeadingBlock()
    paragraph = ParagraphBlock()

    class Meta:
        label = _("Components")


COMPONENT_BLOCKS = {
    name: block for name, block in ScreenComponentsBlock.base_blocks.items() if isinstance(block, ComponentBlock)
}


class ScreenBlock(blocks.StructBlock):
    """One page of the journey: its title and the components on it, in order."""

    title = blocks.CharBlock(
        max_length=200,
        help_text=_(
            "The page's title, e.g. 'What is your child's date of birth?'. Shown as the h1 when no "
            "label, legend or heading on the page is marked as the page heading."
        ),
    )
    components = ScreenComponentsBlock()

    class Meta:
        icon = "mobile-alt"
        label = _("Screen")
        description = _("A page the user meets in this step, built from GOV.UK Frontend components.")

    def clean(self, value):
        value = super().clean(value)
        names = {}
        for child in value.get("components") or []:
            for name in field_names(child.block_type, child.value):
                if name in names:
                    raise blocks.StructBlockValidationError(
                        block_errors={
                            "components": ValidationError(
                                _("Screen: two questions use the name '%(name)s'; each needs its own.") % {"name": name}
                            )
                        }
                    )
                names[name] = child.block_type
        return value


def field_names(block_type, value):
    """The form field names a component sends, e.g. ['date-of-birth-day', …] for a date input."""
    if block_type == "date_input":
        prefix = value.get("namePrefix") or value.get("id")
        return [f"{prefix}-day", f"{prefix}-month", f"{prefix}-year"]
    if block_type == "fieldset":
        return [item.get("name") for item in value.get("inputs") or []]
    name = value.get("name") if hasattr(value, "get") else None
    names = [name] if name else []
    for item in (value.get("items") or []) if block_type in {"radios", "checkboxes"} else []:
        conditional = item.get("conditional")
        if conditional and conditional.get("name"):
            names.append(conditional["name"])
    return names


def _list_items(raw):
    """A ListBlock's stored items, in either of Wagtail's formats (plain values or ``{"type": "item", …}``)."""
    for item in raw or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            yield item["value"]
        else:
            yield item


def unknown_components(raw_steps):
    """Messages for components or parameters the library does not support, in stored step data.

    Wagtail drops unknown block types and fields silently when it loads stored data; content written
    without the editor (the demo loader, the shell) is checked here first, e.g.
    ``["step 1, screen 1: 'marquee' is not a supported component"]``.
    """
    known = ScreenComponentsBlock.base_blocks
    problems = []
    for step_number, step in enumerate(raw_steps or [], start=1):
        value = step.get("value") if isinstance(step, dict) else None
        for screen_number, screen in enumerate(_list_items((value or {}).get("screens")), start=1):
            where = f"step {step_number}, screen {screen_number}"
            for component in (screen or {}).get("components") or []:
                kind = component.get("type")
                if kind not in known:
                    problems.append(f"{where}: '{kind}' is not a supported component")
                    continue
                extra = sorted(set(component.get("value") or {}) - set(known[kind].child_blocks))
                if extra:
                    problems.append(f"{where}, {kind}: '{extra[0]}' is not one of its parameters")
    return problems
