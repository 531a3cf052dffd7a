"""The Welsh interface as a reader and an editor meet it (the browser test is tests/journeys/test_welsh.py)."""

import json

from django.utils import translation
from wagtail.users.models import UserProfile

from pattern_pages.frontend_i18n import component_texts, frontend_config


def test_welsh_pages_give_govuk_frontend_its_texts_in_welsh(client, home_page):
    """GOV.UK Frontend's own texts (accordion, character count, file upload…) reach it in Welsh on /cy/, and
    English pages leave Frontend its English defaults."""
    welsh = client.get("/cy/")
    assert welsh.status_code == 200
    assert 'id="govuk-frontend-config"' in welsh.content.decode()
    body = welsh.content.decode()
    config = json.loads(body.split('id="govuk-frontend-config" type="application/json">')[1].split("</script>")[0])
    assert config["accordion"]["i18n"]["showAllSections"] == "Dangos pob adran"
    # Every plural category Intl.PluralRules has for Welsh, so Frontend never falls back to English.
    welsh_plurals = {"zero", "one", "two", "few", "many", "other"}
    assert set(config["characterCount"]["i18n"]["charactersUnderLimit"]) == welsh_plurals
    assert 'id="govuk-frontend-config"' not in client.get("/").content.decode()


def test_frontend_config_has_no_english_left():
    """Every text of the Welsh configuration differs from the English one it replaces."""

    def texts(value, path=()):
        if isinstance(value, dict) and "other" in value:
            yield path, value["other"]  # a counted text: each language has its own plural categories
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from texts(item, (*path, key))
        else:
            yield path, value

    with translation.override("cy"):
        welsh = dict(texts(component_texts()))
    with translation.override("en"):
        english = dict(texts(component_texts()))
        assert frontend_config() is None
    assert welsh.keys() == english.keys()
    same = [path for path in welsh if welsh[path] == english[path]]
    assert not same, f"still English in Welsh: {same}"


def test_interface_strings_on_welsh_pages_are_welsh(client, home_page):
    """Navigation, the phase banner, the footer and the skip link are Welsh at /cy/."""
    body = client.get("/cy/").content.decode()
    for welsh in ("Neidio i'r prif gynnwys", "Gwasanaethau", "Prosesau", "Cyfrannu", "Mae hwn yn wasanaeth newydd"):
        assert welsh in body.replace("&#x27;", "'"), welsh
    for english in ("Skip to main content", "This is a new service", "API for suppliers"):
        assert english not in body, english


def test_an_editor_can_use_the_admin_in_welsh(client, django_user_model, home_page):
    """Wagtail's account settings offer Welsh; with it chosen, the admin answers in Welsh, our own texts too.
    (home_page makes the page tree the dashboard links to, which another test's flush may have removed.)"""
    editor = django_user_model.objects.create_superuser("cymraeg", "cymraeg@example.com", "pass")
    client.force_login(editor)
    form = client.get("/admin/account/").content.decode()
    assert "Cymraeg" in form
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "cy"
    profile.save()
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert 'lang="cy"' in dashboard.content.decode()
    report = client.get("/admin/reports/due-for-review/")
    assert report.status_code == 200
    text = report.content.decode().replace("&#x27;", "'")
    assert "I'w adolygu" in text and "Due for review" not in text
