"""The admin's choosers: every translatable snippet is searchable in its chooser (with the locale filter the
page editor applies), and services and life events are chosen several at once, by name or LGSL code."""

import pytest
from django.urls import reverse
from wagtail.models import TranslatableMixin
from wagtail.search.index import class_is_indexed
from wagtail.snippets.models import get_snippet_models

from pattern_pages.models import ServicePatternPage
from tests import factories

TRANSLATABLE_INDEXED = [
    model for model in get_snippet_models() if issubclass(model, TranslatableMixin) and class_is_indexed(model)
]


def chooser_results_url(model):
    return reverse(model.snippet_viewset.chooser_viewset.get_url_name("choose_results"))


def one_of(model, standards):
    """An English instance of ``model`` to search for, and a word of its title."""
    made = {
        "function": lambda: factories.FunctionFactory(name="Highways and transport"),
        "lifeevent": lambda: factories.LifeEventFactory(name="Moving home"),
        "patterntype": lambda: factories.PatternTypeFactory(slug="report", name="Report"),
        "service": lambda: factories.ServiceFactory(name="Report a pothole", lgsl_code=1234),
        "council": lambda: factories.CouncilFactory(official_name="Essex County Council", name="Essex"),
        "designsystemcomponent": lambda: factories.DesignSystemComponentFactory(slug="date-input", name="Date input"),
    }
    name = model._meta.model_name
    if name in made:
        instance = made[name]()
    else:  # the standards and their points, loaded by the `standards` fixture
        instance = model.objects.filter(locale__language_code="en").first()
    title = getattr(instance, "name", None) or instance.title
    return instance, title.split()[-1]


def test_every_translatable_snippet_is_covered():
    """The list below is not empty: the taxonomies, the standards and their points are all translatable."""
    names = {model._meta.model_name for model in TRANSLATABLE_INDEXED}
    assert {"service", "lifeevent", "designsystemcomponent", "servicestandard", "standardpoint"} <= names


@pytest.mark.parametrize("model", TRANSLATABLE_INDEXED, ids=lambda model: model._meta.model_name)
def test_chooser_search_in_a_locale_answers_with_results(admin_client, standards, model):
    """Searching a chooser filtered to English finds the entry (it was a 500: locale not a filter field)."""
    instance, word = one_of(model, standards)
    chosen_url = reverse(model.snippet_viewset.chooser_viewset.get_url_name("chosen"), args=[instance.pk])
    response = admin_client.get(chooser_results_url(model), {"q": word, "locale": "en"})
    assert response.status_code == 200
    assert chosen_url in response.content.decode()
    response = admin_client.get(chooser_results_url(model), {"q": word, "locale": "cy"})
    assert response.status_code == 200
    assert chosen_url not in response.content.decode()


def test_services_are_found_by_name_or_lgsl_code_and_chosen_several_at_once(admin_client, db):
    """The service chooser finds a service by a word of its name or by its LGSL code, with checkboxes."""
    pothole = factories.ServiceFactory(name="Report a pothole", lgsl_code=1234)
    factories.ServiceFactory(name="Apply for a blue badge", lgsl_code=524)
    for query in ("pothole", "Report", "1234"):
        response = admin_client.get(chooser_results_url(type(pothole)), {"q": query, "multiple": "1"})
        html = response.content.decode()
        assert "Report a pothole (LGSL 1234)" in html, query
        assert "blue badge" not in html, query
        assert f'value="{pothole.pk}"' in html and 'type="checkbox"' in html


def test_life_events_are_found_by_name(admin_client, db):
    moving = factories.LifeEventFactory(name="Moving home")
    factories.LifeEventFactory(name="Having a baby")
    response = admin_client.get(chooser_results_url(type(moving)), {"q": "moving", "multiple": "1"})
    html = response.content.decode()
    assert "Moving home" in html and "Having a baby" not in html


def test_pattern_editor_lists_the_chosen_services_and_saves_a_new_choice(admin_client, pattern_page):
    """The editor shows each chosen service with a Remove button and a chooser button, and saves the choice."""
    kept, added = factories.ServiceFactory(name="Report a pothole"), factories.ServiceFactory(name="Blue badge")
    pattern_page.services.set([kept])
    pattern_page.save_revision()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[pattern_page.pk])).content.decode()
    assert "data-library-multiple-chooser" in html
    assert str(kept) in html and "Choose services" in html and "Choose life events" in html
    assert str(added) not in html  # not 1,520 options: only what is chosen

    from tests.editorial.conftest import pattern_form_data

    data = pattern_form_data(pattern_page)
    data["services"] = [kept.pk, added.pk]  # the hidden inputs the widget posts, one per chosen service
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[pattern_page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = ServicePatternPage.objects.get(pk=pattern_page.pk).get_latest_revision_as_object()
    assert {service.pk for service in draft.services.all()} == {kept.pk, added.pk}
