"""Sample values for Wagtail's block previews of the screen components (built with the demo's helpers), in the
active language: the admin's, so an editor using the admin in Welsh sees Welsh samples."""

from django.utils.translation import gettext as _

from . import authoring as demo


def samples():
    """``{block type: raw ScreenBlock component}``, its texts in the active language."""
    return {
        "text_input": demo.text("full-name", _("What is your full name?"), autocomplete="name"),
        "textarea": demo.textarea(
            "more-detail", _("Can you give more detail?"), hint=_("Do not include personal details.")
        ),
        "character_count": demo.count("reason", _("Why are you applying?"), maxwords=150),
        "password_input": {"type": "password_input", "value": {"name": "password", "label": {"text": _("Password")}}},
        "radios": _with_dividers(
            demo.radios(
                "contact",
                _("How should we contact you?"),
                [
                    ("email", _("Email"), demo.reveal("contact-email", _("Email address"), "email")),
                    "or",
                    ("post", _("By post")),
                ],
            )
        ),
        "checkboxes": demo.checkboxes(
            "waste",
            _("Which bins were missed?"),
            [("black", _("General waste")), ("blue", _("Recycling"))],
            hint=_("Select all that apply."),
        ),
        "date_input": demo.date("date-of-birth", _("What is your date of birth?"), hint=_("For example, 27 3 2007")),
        "select": demo.select("sort", _("Sort by"), [("new", _("Newest first")), ("old", _("Oldest first"))]),
        "file_upload": demo.upload("evidence", _("Upload a file")),
        "fieldset": _address("home", _("What is your address?")),
        "button": demo.button(_("Start now"), href="/start", start=True),
        "inset_text": demo.inset(_("It can take up to 8 weeks to register.")),
        "warning_text": _with_value(
            demo.warning(_("You can be fined up to £5,000 if you do not register.")), iconFallbackText=_("Warning")
        ),
        "details": demo.details(
            _("Help with nationality"), _("We need to know your nationality to check what you can apply for.")
        ),
        "notification_banner": demo.banner(_("You have 7 days left to send your application.")),
        "panel": demo.panel(_("Application complete"), _("Your reference number is HDJ2123F")),
        "summary_list": demo.summary(
            (_("Name"), "Sarah Philips", "/name"), (_("Date of birth"), _("5 January 1978"), "/dob")
        ),
        "table": demo.table(_("Fees"), [_("Bins"), _("Cost")], [("1", "£52"), ("2", "£104")]),
        "task_list": _tasks((_("Your details"), _("Completed"), True), (_("Your household"), _("Incomplete"), False)),
        "tag": demo.tag(_("Completed"), "govuk-tag--green"),
        "error_summary": _with_value(
            demo.errors((_("Enter your full name"), "#full-name")), titleText=_("There is a problem")
        ),
        "back_link": _with_value(demo.back(), text=_("Back")),
    }


def sample(block_type):
    return samples()[block_type]["value"]


# The demo's helpers write a few texts of their own in English; the samples give them in the active language.


def _with_value(component, **texts):
    component["value"].update(texts)
    return component


def _with_dividers(component):
    for item in component["value"]["items"]:
        if item.get("divider"):
            item["divider"] = _("or")
    return component


def _address(prefix, question):
    component = demo.address(prefix, question)
    labels = [_("Address line 1"), _("Address line 2 (optional)"), _("Town or city"), _("Postcode")]
    for line, label in zip(component["value"]["inputs"], labels, strict=True):
        line["label"]["text"] = label
    return component


def _tasks(*items):
    """Items are ``(title, status, done)``: a task not done has the light blue tag (``demo.tasks`` tells by the
    English status)."""
    component = demo.tasks(*[(title, status, "#") for title, status, _done in items])
    for task, (_title, _status, done) in zip(component["value"]["items"], items, strict=True):
        task["statusColour"] = "" if done else "govuk-tag--light-blue"
    return component
