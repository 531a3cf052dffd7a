"""Raw screen values (as stored in a StreamField) for the screen tests and the demo-like fixtures."""


def label(text, heading=False, size=""):
    return {"text": text, "isPageHeading": heading, "classes": size}


def item(value, text, hint="", conditional=None, divider=""):
    data = {"value": value, "text": text, "hint": hint, "divider": divider}
    if conditional:
        data["conditional"] = conditional
    return data


def radios(name, legend, items, **extra):
    value = {"name": name, "legend": label(legend, heading=True, size="govuk-fieldset__legend--l"), "items": items}
    value.update(extra)
    return {"type": "radios", "value": value}


def text_input(name, text, heading=False, **extra):
    value = {"name": name, "label": label(text, heading=heading, size="govuk-label--l" if heading else "")}
    value.update(extra)
    return {"type": "text_input", "value": value}


def button(text="Continue", **extra):
    return {"type": "button", "value": {"text": text, **extra}}


def screen(title, *components):
    return {"title": title, "components": list(components)}


def step(title, *screens, components=()):
    """A raw PatternStepBlock value; ``components`` are DesignSystemComponent instances chosen by hand."""
    return {
        "type": "step",
        "value": {
            "title": title,
            "user_action": "Answers the question.",
            "components": [component.pk for component in components],
            "content_guidance": "",
            "example_screen": None,
            "process_steps": [],
            "screens": list(screens),
        },
    }


def contact_screen():
    """Radios with a conditional reveal and an 'or' divider, then a button."""
    return screen(
        "How should we contact you?",
        radios(
            "contact",
            "How should we contact you?",
            [
                item(
                    "email", "Email", conditional={"name": "contact-email", "label": "Email address", "type": "email"}
                ),
                item("phone", "Phone", hint="We will call between 9am and 5pm"),
                item("", "", divider="or"),
                item("post", "By post"),
            ],
            hint="Choose one",
        ),
        button(),
    )
