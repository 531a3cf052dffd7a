"""A pattern as a GOV.UK Prototype Kit (13.x) plugin: templates for every screen and a ready journey.

The package (``npm install ./<slug>-prototype-kit.tgz`` in a kit made by ``npx govuk-prototype-kit create``)::

    package.json
    govuk-prototype-kit.config.json   templates for the kit's Templates page, and /views as a Nunjucks path
    templates/screen-1.html …         each screen alone, to copy into app/views from the Templates page
    views/<slug>/start.html           the journey, served by the kit's automatic routes at /<slug>/start:
    views/<slug>/screen-1.html …      one page per screen in step order, answers kept in the kit's
    views/<slug>/check-answers.html   session data (``data``) and shown again on check answers,
    views/<slug>/confirmation.html    then a confirmation page

Each page posts to the next; the kit stores what was posted and serves the next page. The pages, names and
README we write ourselves are in the pattern's language (a Welsh pattern's pages are ``lang="cy"``), whoever
downloads it.
"""

import html
import io
import json
import tarfile
import time
import zipfile

from django.utils import translation
from django.utils.translation import gettext as _

from ..i18n import content_language
from .blocks import COMPONENT_BLOCKS, RenderCall, field_names
from .frontend_texts import needs_texts
from .nunjucks import Expr, component_part, heading_html, literal, parts_source

LAYOUT = "layouts/main.html"
FIXED_MTIME = time.mktime((2026, 1, 1, 0, 0, 0, 0, 1, 0))


def prose(text):
    """Our own text as HTML inert as Nunjucks (as ``nunjucks.text_html``), its apostrophes left as they are."""
    return html.escape(text, quote=False).replace("{", "&#123;").replace("}", "&#125;")


def data_ref(name):
    return Expr(f'data["{name}"]')


# ----- session data ------------------------------------------------------------------------------


def with_answers(block_type, params):
    """The macro's parameters with the kit's session data as the current answers."""
    params = dict(params)
    if block_type in {"text_input", "textarea", "character_count", "select"}:
        params["value"] = data_ref(params["name"])
    elif block_type == "radios":
        params["value"] = data_ref(params["name"])
    elif block_type == "checkboxes":
        params["values"] = data_ref(params["name"])
    elif block_type == "date_input":
        prefix = params["namePrefix"]
        params["items"] = []
        for name, width in (("day", 2), ("month", 2), ("year", 4)):
            item = {"name": name, "classes": f"govuk-input--width-{width}", "value": data_ref(f"{prefix}-{name}")}
            # Items replace the day, month and year options: a label given there (in Welsh) moves here.
            label = params.pop(name, {}).get("label")
            if label:
                item["label"] = label
            params["items"].append(item)
    if block_type in {"radios", "checkboxes"}:
        items = []
        for item in params.get("items", []):
            conditional = (item.get("conditional") or {}).get("html")
            if isinstance(conditional, dict) and "params" in conditional:
                inner = dict(conditional["params"], value=data_ref(conditional["params"]["name"]))
                item = dict(
                    item, conditional={"html": RenderCall(conditional["macro"], conditional["component"], inner)}
                )
            items.append(item)
        params["items"] = items
    return params


def journey_part(child, language=None):
    part = component_part(child.block_type, child.block, child.value, language)
    if "params" in part:
        part["params"] = with_answers(child.block_type, part["params"])
    for call in part.get("caller") or []:
        call["params"] = dict(call["params"], value=data_ref(call["params"]["name"]))
    return part


def questions(screen):
    """``(question text, answer expression, screen)`` for each answer a screen asks for."""
    rows = []
    for child in screen.value.get("components") or []:
        value = child.value
        kind = child.block_type
        if kind == "date_input":
            prefix = value.get("namePrefix") or value.get("id")
            answer = Expr(f'[data["{prefix}-day"], data["{prefix}-month"], data["{prefix}-year"]] | join("/")')
            rows.append((value["legend"]["text"], answer))
        elif kind == "checkboxes":
            # The kit keeps one ticked box as a string and several as a list.
            answer = data_ref(value["name"])
            rows.append(
                (
                    value["legend"]["text"],
                    Expr(f'({answer} if {answer} is string else (({answer} or []) | join(", ")))'),
                )
            )
        elif kind == "fieldset":
            names = ", ".join(f'data["{name}"]' for name in field_names(kind, value))
            rows.append((value["legend"]["text"], Expr(f'[{names}] | select | join(", ")')))
        elif kind == "radios":
            rows.append((value["legend"]["text"], data_ref(value["name"])))
            for item in value.get("items") or []:
                conditional = item.get("conditional") or {}
                if conditional.get("name"):
                    rows.append((conditional.get("label") or conditional["name"], data_ref(conditional["name"])))
        elif kind in {"text_input", "textarea", "character_count", "select"}:
            rows.append((value["label"]["text"], data_ref(value["name"])))
    return rows


# ----- pages -------------------------------------------------------------------------------------


def page_source(title, body, *, action=None, button=True, language=None):
    """A kit page: the kit's layout, a two-thirds column, and a form when the page asks something.

    Its texts are in the active language; a page in another language than English sets the layout's
    ``htmlLang`` (GOV.UK Frontend's page template writes it as ``<html lang>``).
    """
    inner = body
    if action is not None:
        continue_button = (
            '\n\n{% from "govuk/components/button/macro.njk" import govukButton %}\n' + button_call(_("Continue"))
            if button
            else ""
        )
        inner = f'<form method="post" action="{action}" novalidate>\n\n{body}{continue_button}\n\n</form>'
    html_lang = f"{{% set htmlLang = {literal(language)} %}}\n\n" if needs_texts(language) else ""
    return (
        f'{{% extends "{LAYOUT}" %}}\n\n'
        + html_lang
        + f"{{% block pageTitle %}}{{{{ {literal(title)} }}}} – GOV.UK Prototype Kit{{% endblock %}}\n\n"
        "{% block content %}\n"
        '<div class="govuk-grid-row">\n<div class="govuk-grid-column-two-thirds">\n\n'
        f"{inner}\n\n"
        "</div>\n</div>\n"
        "{% endblock %}\n"
    )


def button_call(text):
    return "{{ govukButton({\n  text: " + literal(text) + "\n}) }}"


def has_button(screen):
    return any(child.block_type == "button" for child in screen.value.get("components") or [])


def package_name(page):
    return f"lgpl-{page.slug}"[:214]


def package_files(page):
    """``{path: text}`` of the plugin package, its own texts in the pattern's language."""
    language = content_language(page)
    with translation.override(language):
        return _package_files(page, language)


def _package_files(page, language):
    screens = page.screens()
    slug = page.slug
    base = f"/{slug}"
    files = {}
    templates = []

    def add_template(name, path, source):
        files[f"templates/{path}"] = source
        templates.append({"name": f"{page.title}: {name}", "path": f"/templates/{path}", "type": "nunjucks"})

    start_body = (
        f"{heading_html('1', page.title).replace('govuk-heading-l', 'govuk-heading-xl')}\n"
        f'<p class="govuk-body">{{{{ {literal(page.summary)} }}}}</p>\n\n'
        '{% from "govuk/components/button/macro.njk" import govukButton %}\n'
        + "{{ govukButton({\n"
        + "  text: "
        + literal(_("Start now"))
        + f',\n  href: "{base}/screen-1",\n  isStartButton: true\n'
        + "}) }}"
    )
    start = page_source(page.title, start_body, language=language)
    add_template(_("start"), "start.html", start)
    files[f"views/{slug}/start.html"] = start

    for screen in screens:
        nxt = f"{base}/screen-{screen.number + 1}" if screen.number < len(screens) else f"{base}/check-answers"
        add_template(
            f"{screen.number}. {screen.title}",
            f"screen-{screen.number}.html",
            page_source(
                screen.title, screen.nunjucks.strip(), action="", button=not has_button(screen), language=language
            ),
        )
        parts = journey_parts(screen)
        files[f"views/{slug}/screen-{screen.number}.html"] = page_source(
            screen.title, parts_source(parts).strip(), action=nxt, button=not has_button(screen), language=language
        )

    rows = []
    for screen in screens:
        for question, answer in questions(screen):
            rows.append(
                {
                    "key": {"text": question},
                    "value": {"text": answer},
                    "actions": {
                        "items": [
                            {
                                "href": f"{base}/screen-{screen.number}",
                                "text": _("Change"),
                                "visuallyHiddenText": question,
                            }
                        ]
                    },
                }
            )
    heading = heading_html("1", _("Check your answers before sending"))
    send_heading = prose(_("Now send your answers"))
    declaration = prose(_("By sending these answers you confirm that they are correct to the best of your knowledge."))
    check_body = (
        '{% from "govuk/components/summary-list/macro.njk" import govukSummaryList %}\n'
        f"{heading}\n\n"
        f"{{{{ govukSummaryList({literal({'rows': rows}, 0, [])}) }}}}\n\n"
        f'<h2 class="govuk-heading-m">{send_heading}</h2>\n'
        f'<p class="govuk-body">{declaration}</p>'
    )
    check = page_source(
        _("Check your answers"), check_body, action=f"{base}/confirmation", button=False, language=language
    )
    check = check.replace("</form>", button_call(_("Accept and send")) + "\n\n</form>").replace(
        '<form method="post"', '{% from "govuk/components/button/macro.njk" import govukButton %}\n<form method="post"'
    )
    files[f"views/{slug}/check-answers.html"] = check
    add_template(_("check answers"), "check-answers.html", check)

    confirmation_body = (
        '{% from "govuk/components/panel/macro.njk" import govukPanel %}\n'
        + "{{ govukPanel({\n"
        + "  titleText: "
        + literal(_("%(pattern)s: sent") % {"pattern": page.title})
        + ",\n  text: "
        + literal(_("Your reference number is HDJ2123F"))
        + "\n}) }}\n\n"
        + '<h2 class="govuk-heading-m">'
        + prose(_("What happens next"))
        + "</h2>\n"
        + '<p class="govuk-body">'
        + prose(_("We have sent you a confirmation email. We will contact you if we need to know more."))
        + "</p>"
    )
    confirmation = page_source(_("Sent"), confirmation_body, language=language)
    files[f"views/{slug}/confirmation.html"] = confirmation
    add_template(_("confirmation"), "confirmation.html", confirmation)

    files["govuk-prototype-kit.config.json"] = json.dumps(
        {"nunjucksPaths": ["/views"], "templates": templates}, indent=2
    )
    files["package.json"] = json.dumps(
        {
            "name": package_name(page),
            "version": page.version,
            "description": f"{page.title}: {page.summary}"[:500],
            "license": "OGL-UK-3.0",
            "keywords": ["govuk-prototype-kit", "localgov"],
            "peerDependencies": {"govuk-prototype-kit": "^13.0.0"},
            "files": ["govuk-prototype-kit.config.json", "templates", "views", "README.md"],
        },
        indent=2,
    )
    files["README.md"] = (
        f"# {page.title}\n\n{page.summary}\n\n"
        + _("A GOV.UK Prototype Kit plugin exported from the LocalGov Pattern Library.")
        + f"\n\n    npm install ./{slug}-prototype-kit.tgz\n\n"
        + _("Then open %(url)s to walk the journey, or the kit's Templates page to copy a screen into app/views.")
        % {"url": f"http://localhost:3000/{slug}/start"}
        + "\n"
    )
    return files


def journey_parts(screen):
    parts = []
    has_heading = any(child.block.page_heading(child.value) for child in screen.value.get("components") or [])
    if not has_heading:
        parts.append({"html": heading_html("1", screen.title)})
    for child in screen.value.get("components") or []:
        if child.block_type in COMPONENT_BLOCKS or child.block_type in {"heading", "paragraph"}:
            parts.append(journey_part(child, screen.language))
    return parts


def build_archive(page, kind):
    """``(bytes, content type)`` of the package as a ``tgz`` (for npm install) or a ``zip``."""
    files = package_files(page)
    buffer = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path, text in sorted(files.items()):
                info = zipfile.ZipInfo(f"{package_name(page)}/{path}", date_time=(2026, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, text)
        return buffer.getvalue(), "application/zip"
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for path, text in sorted(files.items()):
            data = text.encode()
            info = tarfile.TarInfo(f"package/{path}")
            info.size = len(data)
            info.mode = 0o644
            info.mtime = FIXED_MTIME
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue(), "application/gzip"
