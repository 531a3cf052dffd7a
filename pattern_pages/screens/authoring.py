"""Builders of raw ScreenBlock values, so a screen is written in a line or two: ``page("Title", radios(...), ...)``
adds a Continue button unless the screen has a button of its own, as a question page in the Design System
would. The demo content and the block previews write their screens with them.
"""


def _label(text, heading=True, kind="label"):
    sizes = {"label": "govuk-label--l", "legend": "govuk-fieldset__legend--l"}
    return {"text": text, "isPageHeading": heading, "classes": sizes[kind] if heading else ""}


def _items(options):
    items = []
    for option in options:
        if option == "or":
            items.append({"divider": "or"})
            continue
        value, text, *rest = option
        item = {"value": value, "text": text}
        if rest and isinstance(rest[0], str):
            item["hint"] = rest[0]
        if rest and isinstance(rest[-1], dict):
            item["conditional"] = rest[-1]
        items.append(item)
    return items


def radios(name, question, options, hint="", inline=False, heading=True):
    value = {"name": name, "legend": _label(question, heading, "legend"), "items": _items(options)}
    if hint:
        value["hint"] = hint
    if inline:
        value["classes"] = "govuk-radios--inline"
    return {"type": "radios", "value": value}


def yes_no(name, question, hint=""):
    return radios(name, question, [("yes", "Yes"), ("no", "No")], hint=hint, inline=True)


def checkboxes(name, question, options, hint="Select all that apply.", none=None, heading=True):
    items = _items(options)
    if none:
        items += [{"divider": "or"}, {"value": "none", "text": none, "exclusive": True}]
    value = {"name": name, "legend": _label(question, heading, "legend"), "items": items}
    if hint:
        value["hint"] = hint
    return {"type": "checkboxes", "value": value}


def reveal(name, label, kind="text", autocomplete=""):
    """A conditional question under a radio item."""
    value = {"name": name, "label": label, "type": kind}
    if autocomplete:
        value["autocomplete"] = autocomplete
    return value


def text(name, question, hint="", width="", autocomplete="", kind="text", inputmode="", heading=True, **extra):
    value = {"name": name, "label": _label(question, heading), "type": kind}
    for key, item in (("hint", hint), ("classes", width), ("autocomplete", autocomplete), ("inputmode", inputmode)):
        if item:
            value[key] = item
    value.update(extra)
    return {"type": "text_input", "value": value}


def textarea(name, question, hint="", heading=True, rows=5):
    value = {"name": name, "label": _label(question, heading), "rows": rows}
    if hint:
        value["hint"] = hint
    return {"type": "textarea", "value": value}


def count(name, question, hint="", maxwords=None, maxlength=None):
    value = {"name": name, "label": _label(question), "hint": hint}
    value.update({"maxwords": maxwords} if maxwords else {"maxlength": maxlength})
    return {"type": "character_count", "value": value}


def date(name, question, hint="For example, 27 3 2007", heading=True):
    return {"type": "date_input", "value": {"id": name, "legend": _label(question, heading, "legend"), "hint": hint}}


def select(name, question, options, hint="", heading=True):
    value = {
        "name": name,
        "label": _label(question, heading),
        "items": [{"value": value, "text": text} for value, text in options],
    }
    if hint:
        value["hint"] = hint
    return {"type": "select", "value": value}


def upload(name, question, hint="", heading=True):
    value = {"name": name, "label": _label(question, heading)}
    if hint:
        value["hint"] = hint
    return {"type": "file_upload", "value": value}


def address(prefix, question):
    def line(suffix, label, autocomplete, width=""):
        value = {"name": f"{prefix}-{suffix}", "label": {"text": label}, "autocomplete": autocomplete}
        if width:
            value["classes"] = width
        return value

    return {
        "type": "fieldset",
        "value": {
            "legend": _label(question, True, "legend"),
            "inputs": [
                line("line-1", "Address line 1", "address-line1"),
                line("line-2", "Address line 2 (optional)", "address-line2"),
                line("town", "Town or city", "address-level2", "govuk-!-width-two-thirds"),
                line("postcode", "Postcode", "postal-code", "govuk-input--width-10"),
            ],
        },
    }


def para(text, size="govuk-body"):
    return {"type": "paragraph", "value": {"text": text, "size": size}}


def heading(text, level="2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def inset(text):
    return {"type": "inset_text", "value": {"text": text}}


def warning(text):
    return {"type": "warning_text", "value": {"text": text, "iconFallbackText": "Warning"}}


def details(summary, text):
    return {"type": "details", "value": {"summaryText": summary, "text": text}}


def banner(text, title=""):
    return {"type": "notification_banner", "value": {"text": text, "titleText": title}}


def panel(title, text=""):
    return {"type": "panel", "value": {"titleText": title, "text": text}}


def summary(*rows):
    """Rows are ``(question, answer, change link)``."""
    return {
        "type": "summary_list",
        "value": {
            "rows": [
                {"key": key, "value": value, "href": href, "visuallyHiddenText": key.lower()}
                for key, value, href in rows
            ]
        },
    }


def table(caption, head, rows):
    return {
        "type": "table",
        "value": {
            "caption": caption,
            "captionClasses": "govuk-table__caption--m",
            "firstCellIsHeader": True,
            "head": head,
            "rows": [{"cells": list(row)} for row in rows],
        },
    }


def tasks(*items):
    """Items are ``(title, status, link)``; no link means the task cannot start yet."""
    return {
        "type": "task_list",
        "value": {
            "idPrefix": "tasks",
            "items": [
                {
                    "title": title,
                    "href": href,
                    "status": status,
                    "statusColour": "" if status in {"Completed", "Cannot start yet"} else "govuk-tag--light-blue",
                }
                for title, status, href in items
            ],
        },
    }


def tag(text, colour=""):
    return {"type": "tag", "value": {"text": text, "classes": colour}}


def button(text="Continue", href="", start=False, style=""):
    value = {"text": text, "href": href, "isStartButton": start, "classes": style}
    return {"type": "button", "value": value}


def errors(*items):
    return {
        "type": "error_summary",
        "value": {"titleText": "There is a problem", "errorList": [{"text": t, "href": h} for t, h in items]},
    }


def back():
    return {"type": "back_link", "value": {"text": "Back", "href": "#"}}


def page(title, *components, continue_button="Continue"):
    components = list(components)
    if continue_button and not any(c["type"] in {"button", "panel"} for c in components):
        components.append(button(continue_button))
    return {"title": title, "components": components}


def check_answers(title, *rows, send="Accept and send"):
    return page(
        title,
        heading(title, "1"),
        summary(*rows),
        heading("Now send your application"),
        para(
            "By sending this you confirm that, to the best of your knowledge, the details you are giving are correct."
        ),
        button(send),
    )
