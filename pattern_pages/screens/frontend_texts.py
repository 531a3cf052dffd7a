"""The texts GOV.UK Frontend's macros write in English unless they are given, passed in a screen's language.

The macros default to English: a date input labels its fields 'Day', 'Month' and 'Year', a character count
hints 'You can enter up to 250 words', an error message is read out as 'Error: …', a warning's icon as
'Warning', a notification banner is titled 'Important' and a password input's button says 'Show'. The
editor cannot set most of these (the blocks offer no field for them), and those they can set they may
leave empty. A screen of a page in another language than English gets these parameters in its language,
where the editor gave none, so that both the stored HTML and the Nunjucks a designer copies are in that
language. For example a Welsh date input gains::

    day: {label: "Diwrnod"}, month: {label: "Mis"}, year: {label: "Blwyddyn"}

An English screen gets nothing added: its parameters, so its render key and its stored HTML, are the
macros' own. The texts are the interface's (``gettext`` with the page's language active); the JavaScript
texts come from ``frontend_i18n``, the same Welsh the site gives ``initAll``.
"""

from django.conf import settings
from django.utils.translation import gettext as _

from ..frontend_i18n import component_texts
from .blocks import RenderCall


def needs_texts(language):
    """True for a language the macros do not write in (every language but English)."""
    return bool(language) and language != settings.LANGUAGE_CODE


def call_with_texts(value):
    """A render part with the default texts given to every macro call in it: the part's own, the calls inside
    it (a fieldset's inputs) and those in its parameters (a conditional reveal)."""
    if isinstance(value, list):
        return [call_with_texts(item) for item in value]
    if not isinstance(value, dict):
        return value
    if {"macro", "component", "params"} <= set(value):
        params = with_frontend_texts(value["macro"], call_with_texts(value["params"]))
        if isinstance(value, RenderCall):
            return RenderCall(value["macro"], value["component"], params)
        call = {**value, "params": params}
        if "caller" in call:
            call["caller"] = call_with_texts(call["caller"])
        return call
    return {key: call_with_texts(item) for key, item in value.items()}


def with_frontend_texts(macro, params):
    """``params`` with the macro's English defaults given in the active language; the editor's texts kept."""
    params = dict(params)
    error = params.get("errorMessage")
    if isinstance(error, dict) and not error.get("visuallyHiddenText"):
        params["errorMessage"] = {**error, "visuallyHiddenText": _("Error")}
    add_texts = MACRO_TEXTS.get(macro)
    if add_texts is not None:
        add_texts(params)
    return params


def _date_input(params):
    for field, label in (("day", _("Day")), ("month", _("Month")), ("year", _("Year"))):
        params.setdefault(field, {"label": label})


def _character_count(params):
    kind = "words" if params.get("maxwords") else "characters"
    if not params.get("textareaDescriptionText"):
        params["textareaDescriptionText"] = (
            _("You can enter up to %{count} words") if kind == "words" else _("You can enter up to %{count} characters")
        )
    # The messages JavaScript writes as the user types, for the count this textarea makes (words or characters).
    for key, text in component_texts()["characterCount"]["i18n"].items():
        if key.startswith(kind):
            params.setdefault(f"{key}Text", text)


def _password_input(params):
    for key, text in component_texts()["passwordInput"]["i18n"].items():
        params.setdefault(f"{key}Text", text)


def _warning_text(params):
    if not params.get("iconFallbackText"):
        params["iconFallbackText"] = _("Warning")


def _notification_banner(params):
    if not params.get("titleText"):
        params["titleText"] = _("Success") if params.get("type") == "success" else _("Important")


def _back_link(params):
    if not params.get("text"):
        params["text"] = _("Back")


MACRO_TEXTS = {
    "govukDateInput": _date_input,
    "govukCharacterCount": _character_count,
    "govukPasswordInput": _password_input,
    "govukWarningText": _warning_text,
    "govukNotificationBanner": _notification_banner,
    "govukBackLink": _back_link,
}
