"""Control characters: kept out of what the library stores, and out of every XML file it writes.

C0 control characters (U+0000 to U+001F) other than tab, line feed and carriage return have no place in
a title, a description or a council's name. They are invisible, PostgreSQL refuses NUL, and XML 1.0
forbids them, so one ``\\x01`` in a step title made the BPMN download malformed. They are removed when
anything is saved (``strip_on_save``, connected in ``PatternPagesConfig.ready``), importers refuse them
naming the file, line and column (``find_control_character``), and the XML writers pass their tree
through ``xml_tostring``::

    >>> strip_control_characters("Apply\\x01 for a\\x0b school place\\n")
    'Apply for a school place\\n'
"""

import json
import re
from xml.etree import ElementTree as ET  # noqa: S405  (we build XML; we never parse untrusted input)

from django.db import models
from django.utils.html import strip_tags
from wagtail.fields import StreamField

# C0 controls except tab, line feed and carriage return.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Also invalid in XML 1.0 documents: lone surrogates and the non-characters U+FFFE and U+FFFF.
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Apps whose saved text is cleaned: the library's own, and Wagtail's pages, images and documents.
CLEANED_APPS = {
    "pattern_pages",
    "contributions",
    "assessments",
    "api",
    "editorial",
    "search",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
}


def strip_control_characters(text):
    """``text`` without C0 control characters other than tab, line feed and carriage return."""
    if not isinstance(text, str):
        return text
    return CONTROL_CHARACTERS.sub("", text)


def plain_text(value):
    """What a member of the public or a supplier typed, as text to keep (the public forms, the admin and the
    API share this rule): ``value`` without HTML tags or control characters, with runs of spaces collapsed,
    e.g. '<b>Pay</b>  now' → 'Pay now'."""
    text = strip_control_characters(strip_tags(value or ""))
    text = re.sub(r"[ \t]+", " ", text)
    return text.strip()


def strip_control_characters_deep(data):
    """The same for every string inside JSON-like data (dicts, lists), keys included."""
    if isinstance(data, str):
        return strip_control_characters(data)
    if isinstance(data, dict):
        return {strip_control_characters_deep(key): strip_control_characters_deep(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return type(data)(strip_control_characters_deep(item) for item in data)
    return data


def has_control_characters_deep(data):
    """True when any string inside JSON-like data holds a control character."""
    if isinstance(data, str):
        return CONTROL_CHARACTERS.search(data) is not None
    if isinstance(data, dict):
        return any(has_control_characters_deep(key) or has_control_characters_deep(v) for key, v in data.items())
    if isinstance(data, list | tuple):
        return any(has_control_characters_deep(item) for item in data)
    return False


def find_control_character(text):
    """``(position, 'U+0001')`` of the first control character in ``text`` (position from 1), or None."""
    found = CONTROL_CHARACTERS.search(text or "")
    if found is None:
        return None
    return found.start() + 1, f"U+{ord(found.group()):04X}"


def xml_text(text):
    """``text`` with every character XML 1.0 cannot hold removed (tab and line breaks stay)."""
    if not isinstance(text, str):
        return text
    return NOT_XML.sub("", text)


def xml_tostring(element, **kwargs):
    """``ElementTree.tostring`` of ``element`` after cleaning every text, tail and attribute value."""
    for node in element.iter():
        node.text, node.tail = xml_text(node.text), xml_text(node.tail)
        for name, value in node.attrib.items():
            node.attrib[name] = xml_text(value)
    return ET.tostring(element, **kwargs)


# ----- on save ----------------------------------------------------------------------------------


def _clean_stream(field, value):
    raw = field.get_prep_value(value)
    if not isinstance(raw, list) or not has_control_characters_deep(raw):
        return value
    return field.to_python(strip_control_characters_deep(raw))


def _clean_revision_content(content):
    """A revision's content holds StreamFields as JSON text, where a control character is escaped."""
    cleaned = {}
    for name, value in content.items():
        if isinstance(value, str) and value.startswith("[") and "\\u00" in value:
            try:
                decoded = json.loads(value)
            except ValueError:
                decoded = None
            if has_control_characters_deep(decoded):
                value = json.dumps(strip_control_characters_deep(decoded))
        cleaned[name] = strip_control_characters_deep(value)
    return cleaned


def strip_on_save(sender, instance, raw=False, **kwargs):
    """``pre_save``: remove control characters from every text field, StreamField and JSON field."""
    if raw or sender._meta.app_label not in CLEANED_APPS:
        return
    for field in sender._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if value is None:
            continue
        if isinstance(field, StreamField):
            setattr(instance, field.attname, _clean_stream(field, value))
        elif isinstance(value, str) and isinstance(field, models.CharField | models.TextField):
            setattr(instance, field.attname, strip_control_characters(value))
        elif isinstance(field, models.JSONField):
            if sender._meta.label == "wagtailcore.Revision" and field.name == "content":
                setattr(instance, field.attname, _clean_revision_content(value))
            else:
                setattr(instance, field.attname, strip_control_characters_deep(value))


# ----- JSON nesting -----------------------------------------------------------------------------

JSON_MAX_DEPTH = 64
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def json_too_deep(text, limit=JSON_MAX_DEPTH):
    """True when the JSON ``text`` nests arrays and objects more than ``limit`` deep.

    Python's ``json`` parses by recursion: a body of 100,000 ``[`` raises RecursionError (a server
    error, not a 400). This looks only at brackets outside strings, without recursion, e.g.
    ``json_too_deep("[" * 65 + "]" * 65)`` is True.
    """
    depth = 0
    for bracket in _JSON_BRACKET.finditer(_JSON_STRING.sub("", text)):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > limit:
            return True
    return False
