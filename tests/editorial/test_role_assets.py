"""Images, documents, API keys and webhooks, for every role, as SECURITY.md's roles table says.

Publishers and Administrators manage images and documents (collection permissions on the root collection);
every role may add and choose them for its pages; only Administrators manage API keys and webhooks. Wagtail's
own default groups (Editors, Moderators) hold no rights.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from editorial.roles import ensure_editorial_setup
from tests.roles import ALLOW, DENY, matrix_cases

# role: Contributor, Reviewer, Publisher, Administrator
MATRIX = {
    "add image": (ALLOW, ALLOW, ALLOW, ALLOW),
    "choose image": (ALLOW, ALLOW, ALLOW, ALLOW),
    "change image": (DENY, DENY, ALLOW, ALLOW),
    "add document": (ALLOW, ALLOW, ALLOW, ALLOW),
    "change document": (DENY, DENY, ALLOW, ALLOW),
    "manage API keys": (DENY, DENY, DENY, ALLOW),
    "manage webhooks": (DENY, DENY, DENY, ALLOW),
}


@pytest.fixture
def image(db):
    from wagtail.images.models import Image

    return Image.objects.create(
        title="A screen", file=get_test_image_file(), collection=Collection.get_first_root_node()
    )


@pytest.fixture
def document(db):
    return Document.objects.create(
        title="A form", file=SimpleUploadedFile("form.pdf", b"%PDF-1.4"), collection=Collection.get_first_root_node()
    )


def url_for(action, image, document):
    return {
        "add image": reverse("wagtailimages:add"),
        "choose image": reverse("wagtailimages_chooser:choose"),
        "change image": reverse("wagtailimages:edit", args=[image.pk]),
        "add document": reverse("wagtaildocs:add"),
        "change document": reverse("wagtaildocs:edit", args=[document.pk]),
        "manage API keys": reverse("api_keys:add"),
        "manage webhooks": reverse("webhooks:add"),
    }[action]


@pytest.mark.parametrize(("role", "action", "allowed"), matrix_cases(MATRIX))
def test_asset_and_supplier_matrix(client, users, image, document, role, action, allowed):
    """Each role may open exactly the admin views the table gives it."""
    client.force_login(users[role])
    response = client.get(url_for(action, image, document))
    if allowed:
        assert response.status_code == 200, f"{role} cannot {action}: {response.status_code}"
    else:
        # Wagtail answers a refusal with a redirect to the dashboard (and a message) or a 403.
        assert response.status_code in (302, 403), f"{role} can {action}"


def test_publisher_changes_an_image_through_the_edit_form(client, users, image):
    """A publisher renames an image (the write, not only the form)."""
    client.force_login(users["Publisher"])
    response = client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "The check answers screen", "collection": image.collection_id, "tags": ""},
    )
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.title == "The check answers screen"


def test_wagtails_default_groups_have_no_rights(db):
    """Editors and Moderators, which Wagtail's migrations create, are gone or hold no permission anywhere."""
    ensure_editorial_setup()
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        assert not group.permissions.exists(), group.name
        assert not GroupPagePermission.objects.filter(group=group).exists(), group.name
        assert not GroupCollectionPermission.objects.filter(group=group).exists(), group.name


def test_a_default_group_someone_uses_is_kept_without_rights(db):
    """A default group with members is not deleted (its people stay), but it loses its rights."""
    from django.contrib.auth import get_user_model

    editors, _created = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*Permission.objects.all()[:3])
    get_user_model().objects.create_user("someone", password="x" * 20).groups.add(editors)
    ensure_editorial_setup()
    editors = Group.objects.get(name="Editors")
    assert editors.user_set.count() == 1
    assert not editors.permissions.exists()
