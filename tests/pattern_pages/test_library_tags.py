from django.template import engines
from django.test import override_settings
from django.utils import translation

TEMPLATE = (
    "{% load i18n library_tags %}{% same_for_language %}{% translate 'Menu' %} {{ shown }}{% end_same_for_language %}"
)


def render(template, **context):
    return template.render(context)


def test_a_same_for_language_part_is_rendered_once_for_each_language():
    """A ``same_for_language`` part is rendered the first time for each language and given back as it was after."""
    template = engines["django"].from_string(TEMPLATE)
    with translation.override("en"):
        assert render(template, shown="first") == "Menu first"
        assert render(template, shown="second") == "Menu first"
    with translation.override("cy"):
        welsh = render(template, shown="third")
        assert welsh.endswith(" third")
        assert render(template, shown="fourth") == welsh


def test_a_changed_setting_renders_same_for_language_parts_again():
    """A setting changed (as tests do with the URLs or static files) makes every ``same_for_language`` part again."""
    template = engines["django"].from_string(TEMPLATE)
    with translation.override("en"):
        assert render(template, shown="first") == "Menu first"
        with override_settings(STATIC_URL="/elsewhere/"):
            assert render(template, shown="second") == "Menu second"
        assert render(template, shown="third") == "Menu third"
