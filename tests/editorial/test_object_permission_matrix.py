"""Every admin URL that takes an object's id, for every role, against another council's and another user's objects.

The URLs are walked from the resolver (``tests/admin_urls.py``), so a URL added later fails this test until it
is given an expectation here. Each role GETs each URL (a view that only accepts POST is POSTed, empty) with the
ids of objects that belong to another council (Kent; the contributor works for Essex) and were made by another
user; the answer is "allowed" (200, or a redirect that is not a refusal) or "refused" (403, 404, or a redirect to
the login or the admin's home). No answer may be a server error.

Not walked yet: wagtail-localize's views of a translation in progress (they take a translation's id, and
need one made first); the URLs in ``NOT_WALKED`` act on the user's own uploads or sessions.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Locale, Site, Task, Workflow

from api.models import ApiKey, WebhookSubscription
from assessments.models import Assessment, Result
from contributions.models import Feedback
from editorial.models import ContributorProfile
from editorial.roles import ASSESSMENT_WORKFLOW_NAME, CONTRIBUTOR, ensure_editorial_setup
from tests import factories
from tests.admin_urls import object_urls
from tests.roles import ROLES

from .conftest import passing_pattern_content

NO_GROUP = "No group"
EVERY_USER = [*ROLES, NO_GROUP]
A, D = True, False  # allowed, refused

# Columns: Contributor, Reviewer, Publisher, Administrator, a signed-in user with no group.
EVERYONE = (A, A, A, A, D)
EDITORS = (D, A, A, A, D)  # Reviewers and up
PUBLISHERS = (D, D, A, A, D)
ADMINISTRATORS = (D, D, D, A, D)
NOBODY = (D, D, D, D, D)
CHOOSE = (A, A, None, None, D)
AFTER_DELETE_REFUSED = (D, D, None, None, D)

PAGE = {  # another user's draft pattern, in review at the reviewers' step
    "add": EVERYONE,  # the index page's "add" form
    "preview_on_add": EVERYONE,
    "add_subpage": EVERYONE,
    "move_confirm": EVERYONE,
    "confirm_workflow_cancellation": EVERYONE,  # a confirmation text; cancelling is an edit
    "revisions_index": EVERYONE,  # redirects to the history, which refuses contributors
    "delete": PUBLISHERS,  # not Reviewers: the roles table gives deletion to Publishers
    "move": PUBLISHERS,
    "set_page_position": PUBLISHERS,
    "set_privacy": PUBLISHERS,
    "revisions_unschedule": PUBLISHERS,
    "unpublish": NOBODY,  # a draft has nothing to unpublish
    "convert_alias": NOBODY,  # not an alias
    # In review at the reviewers' step: only they (and Administrators) act on it or lock it.
    "workflow_action": (D, A, D, A, D),
    "collect_workflow_action_data": (D, A, D, A, D),
    "workflow_preview": (D, A, D, A, D),
    "lock": (D, A, D, A, D),
    "unlock": (D, A, D, A, D),
}
ASSESSMENT = {  # Kent's draft assessment, at the publishers' sign-off
    "edit": EDITORS,  # not Essex's contributor
    "revisions_revert": EDITORS,
    "confirm_workflow_cancellation": EDITORS,
    "delete": PUBLISHERS,
    "unpublish": PUBLISHERS,
    "revisions_unschedule": PUBLISHERS,
    "workflow_action": PUBLISHERS,
    "collect_workflow_action_data": PUBLISHERS,
    "lock": ADMINISTRATORS,
    "unlock": ADMINISTRATORS,
}
TAXONOMY = {"delete": ADMINISTRATORS}  # Publishers add and change taxonomies; only Administrators delete
RULES_BY_NAMESPACE = {
    "wagtailadmin_pages": lambda name: PAGE.get(name, EDITORS),
    "wagtailsnippets_assessments_assessment": lambda name: ASSESSMENT.get(name, EVERYONE),
    "wagtailsnippets_assessments_servicestandard": lambda name: ADMINISTRATORS,
    "wagtailsnippets_assessments_standardpoint": lambda name: ADMINISTRATORS,
    "wagtailsnippets_editorial_contributorprofile": lambda name: ADMINISTRATORS,
    "contribution": lambda name: PUBLISHERS if name == "delete" else EDITORS,
    "contribution_actions": lambda name: EDITORS,
    "adoption": lambda name: PUBLISHERS if name == "delete" else EDITORS,
    "feedback": lambda name: ADMINISTRATORS if name in ("edit", "usage") else PUBLISHERS,
    "api_keys": lambda name: ADMINISTRATORS,
    "webhooks": lambda name: ADMINISTRATORS,
    # Another user's image or document: Publishers and Administrators manage it (Wagtail's "change" on a
    # collection includes deleting); every role chooses it (tests/editorial/test_role_assets.py). None: the
    # walk has deleted the image or document by the time it reaches these URLs as a Publisher or Administrator.
    "wagtailimages": lambda name: AFTER_DELETE_REFUSED if name.startswith("url_generator") else PUBLISHERS,
    "wagtailimages_chooser": lambda name: CHOOSE,
    "wagtaildocs": lambda name: AFTER_DELETE_REFUSED if name == "document_usage" else PUBLISHERS,
    "wagtaildocs_chooser": lambda name: CHOOSE,
    "wagtailadmin_collections": lambda name: ADMINISTRATORS,
    "wagtailadmin_workflows": lambda name: EVERYONE if name == "task_chosen" else ADMINISTRATORS,
    "wagtailredirects": lambda name: ADMINISTRATORS,
    "wagtaillocales": lambda name: ADMINISTRATORS,
    "wagtailsites": lambda name: ADMINISTRATORS,
    "wagtailusers_users": lambda name: ADMINISTRATORS,
    "wagtailusers_groups": lambda name: ADMINISTRATORS,
    "wagtailforms": lambda name: NOBODY,  # the library has no form pages
    "wagtailsettings": lambda name: NOBODY,  # nor settings models
    "wagtailadmin_api:pages": lambda name: EVERYONE,  # contributors see the whole tree (SECURITY.md)
    "wagtailadmin_api:images": lambda name: EVERYONE,
    "wagtailadmin_api:documents": lambda name: EVERYONE,
    "wagtail_localize": lambda name: EVERYONE if name in ("submit_page_translation", "snippets_api_detail") else NOBODY,
    # explore, choose a page. A pattern's screen preview and Prototype Kit export follow "edit" on the page;
    # to those who may edit they answer 404 here (the walked page has no screens), so only their refusals
    # are asserted (None: not observable).
    "": lambda name: (
        NOBODY
        if name == "editorial_submit_translation"
        else tuple(None if answer == A else answer for answer in PAGE.get("edit", EDITORS))
        if name in ("screen_preview", "prototype_kit_preview")
        else EVERYONE
    ),
}
for model in ("service", "function", "lifeevent", "patterntype", "council", "designsystemcomponent"):
    RULES_BY_NAMESPACE[f"wagtailsnippets_pattern_pages_{model}"] = lambda name: TAXONOMY.get(name, PUBLISHERS)
RULES = {}


def expected(url):
    """What each role may do at ``url`` with another council's, another user's object."""
    if url.namespace.startswith("wagtailsnippetchoosers_"):
        return EVERYONE  # a chooser's "chosen" answers with the item's title, which any editor may read
    return RULES_BY_NAMESPACE[url.namespace](url.name.rpartition(":")[2])


@pytest.fixture
def world(pattern_index, component, standards, make_user, editorial):
    """Objects of Kent's, made by Kent's contributor, and one user per role (the contributor works for Essex).

    The page tree comes first, so that the roles' permissions attach to its root even after a flush."""
    if Collection.get_first_root_node() is None:  # a transactional test's flush removed it
        Collection.add_root(name="Root")
        ensure_editorial_setup()  # the roles' image and document rights attach to the root collection
    essex = factories.CouncilFactory(name="Essex", gss_code="E10000012")
    kent = factories.CouncilFactory(name="Kent", gss_code="E10000016")
    users = {role: make_user(role, council=essex if role == CONTRIBUTOR else None) for role in ROLES}
    users[NO_GROUP] = make_user(CONTRIBUTOR, username="nogroup")
    users[NO_GROUP].groups.clear()
    owner = make_user(CONTRIBUTOR, username="kent-contributor", council=kent)

    page = factories.ServicePatternPageFactory(parent=pattern_index, owner=owner, live=False, owner_council=kent)
    for field, value in passing_pattern_content(component).items():
        setattr(page, field, value)
    page_revision = page.save_revision(user=owner)
    editorial.start(page, owner)
    page.refresh_from_db()

    service = factories.ServiceFactory()
    assessment = Assessment(
        council=kent,
        service=service,
        pattern=page,
        standard=standards["govuk-service-standard"],
        phase="beta",
        date="2026-03-01",
        result=Result.MET,
        live=False,
    )
    assessment.save()
    assessment_revision = assessment.save_revision(user=owner)
    Workflow.objects.get(name=ASSESSMENT_WORKFLOW_NAME).start(assessment, owner)
    assessment.refresh_from_db()

    api_key, _raw = ApiKey.create_for(owner, "Kent's supplier")
    image = get_image_model().objects.create(title="Map", file=get_test_image_file(), uploaded_by_user=owner)
    leaflet = SimpleUploadedFile("leaflet.pdf", b"%PDF-1.4 a leaflet")
    document = get_document_model().objects.create(title="Leaflet", file=leaflet, uploaded_by_user=owner)
    objects = {
        "page": page,
        "page_revision": page_revision,
        "page_task_state": page.current_workflow_task_state,
        "page_workflow_state": page.current_workflow_state,
        "assessment": assessment,
        "assessment_revision": assessment_revision,
        "assessment_task_state": assessment.current_workflow_task_state,
        "assessment_workflow_state": assessment.current_workflow_state,
        "index": pattern_index,
        "service": service,
        "function": factories.FunctionFactory(),
        "lifeevent": factories.LifeEventFactory(),
        "patterntype": factories.PatternTypeFactory(),
        "council": kent,
        "designsystemcomponent": component,
        "servicestandard": standards["govuk-service-standard"],
        "standardpoint": standards["govuk-service-standard"].points.first(),
        "contributorprofile": ContributorProfile.objects.get(user=owner),
        "contribution": factories.ContributionFactory(council=kent),
        "adoption": factories.AdoptionFactory(council=kent, pattern=page, is_approved=False),
        "feedback": Feedback.objects.create(page=page, useful=False, comment="Hard to find"),
        "api_key": api_key,
        "webhook": WebhookSubscription.objects.create(api_key=api_key, target_url="https://hooks.example.com/"),
        "image": image,
        "document": document,
        "collection": Collection.get_first_root_node().add_child(name="Kent's pictures"),
        "redirect": Redirect.objects.create(old_path="/old-kent", redirect_link="https://www.kent.gov.uk/"),
        "locale": Locale.objects.get_or_create(language_code="cy")[0],
        "site": Site.objects.get(is_default_site=True),
        "user": owner,
        "group": Group.objects.get(name=CONTRIBUTOR),
        "workflow": editorial,
        "task": Task.objects.filter(workflow_tasks__workflow=editorial).first(),
    }
    return users, objects


def refused(response):
    if response.status_code in (401, 403, 404, 405):
        return True
    if response.status_code in (301, 302):
        location = response["Location"]
        return "/login/" in location or location.rstrip("/").endswith("/admin") or location == "/"
    return False


# Parameters that name one object; a URL with none of them (a content type, a filter) is not walked.
ID_PARAMETERS = {
    "pk",
    "page_id",
    "parent_page_id",
    "page_to_move_id",
    "image_id",
    "document_id",
    "doc_id",
    "redirect_id",
    "collection_id",
    "task_id",
    "page_pk",
    "workflow_pk",
    "uploaded_file_id",
    "translation_id",
    "translation_source_id",
    "session_id",
    "object_id",
    "uidb64",
}
# URLs not walked, and why.
NOT_WALKED = {
    "wagtailadmin_password_reset_confirm": "takes a reset token, not an object",
    "wagtailadmin_editing_sessions:ping": "an editing session of the user's own",
    "wagtailadmin_editing_sessions:release": "an editing session of the user's own",
    "wagtailimages:create_multiple_from_uploaded_image": "an upload of the user's own",
    "wagtailimages:delete_upload_multiple": "an upload of the user's own",
    "wagtaildocs:create_multiple_from_uploaded_document": "an upload of the user's own",
    "wagtaildocs:delete_upload_multiple": "an upload of the user's own",
    "wagtailadmin_api:pages:action": "the page actions' own permission checks (the page views are walked)",
}


def kwargs_for(url, objects):
    """The URL's parameters filled with the ids of Kent's objects."""
    namespace = url.namespace
    model = namespace.split("_", 2)[-1].split("_", 1)[-1] if namespace.startswith("wagtailsnippet") else None
    by_namespace = {
        "contribution": "contribution",
        "contribution_actions": "contribution",
        "adoption": "adoption",
        "feedback": "feedback",
        "api_keys": "api_key",
        "webhooks": "webhook",
        "wagtaillocales": "locale",
        "wagtailsites": "site",
        "wagtailusers_users": "user",
        "wagtailusers_groups": "group",
        "wagtailadmin_collections": "collection",
        "wagtailredirects": "redirect",
        "wagtailimages": "image",
        "wagtailimages_chooser": "image",
        "wagtaildocs": "document",
        "wagtaildocs_chooser": "document",
        "wagtailadmin_api:images": "image",
        "wagtailadmin_api:documents": "document",
        "wagtailadmin_workflows": "task" if "task" in url.name else "workflow",
    }
    target = objects[model] if model else objects[by_namespace.get(namespace, "page")]
    is_assessment = model == "assessment"
    values = {
        "pk": target.pk,
        "page_id": objects["page"].pk,
        "parent_page_id": objects["index"].pk,
        "page_to_move_id": objects["page"].pk,
        "destination_id": objects["index"].pk,
        "image_id": objects["image"].pk,
        "document_id": objects["document"].pk,
        "doc_id": objects["document"].pk,
        "redirect_id": objects["redirect"].pk,
        "collection_id": objects["collection"].pk,
        "task_id": objects["task"].pk,
        "page_pk": objects["index"].pk,
        "workflow_pk": objects["workflow"].pk,
        "revision_id": objects["assessment_revision" if is_assessment else "page_revision"].pk,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "task_state_id": objects["assessment_task_state" if is_assessment else "page_task_state"].pk,
        "workflow_state_id": objects["assessment_workflow_state" if is_assessment else "page_workflow_state"].pk,
        "action_name": "approve",
        "filter_spec": "original",
        "content_type_app_name": "pattern_pages",
        "content_type_model_name": "servicepatternpage",
        "app_label": "pattern_pages",
        "model_name": "servicepatternpage",
        "app_name": "pattern_pages",
        "mode": "",
        # A pattern's screen preview (/admin/screens/<page_id>/<number>/) and its Prototype Kit export.
        "number": 1,
        "kind": "zip",
    }
    if (
        namespace == "wagtailsettings"
        or "snippets_api" in url.name
        or "localize" in namespace
        and "snippet" in url.name
    ):
        values.update(app_label="assessments", model_name="assessment", pk=objects["assessment"].pk)
    return {name: values[name] for name in url.parameters}


def walked_urls():
    urls = []
    for url in object_urls():
        if url.name in NOT_WALKED or not set(url.parameters) & ID_PARAMETERS:
            continue
        if url.namespace == "wagtail_localize" and {"translation_id", "translation_source_id"} & set(url.parameters):
            continue  # needs a translation in progress: not walked yet (see the module docstring)
        urls.append(url)
    return urls


def observe(client, url, objects):
    path = reverse(url.name, kwargs=kwargs_for(url, objects))
    response = client.get(path)
    method = "GET"
    if response.status_code == 405:
        response, method = client.post(path), "POST"
    assert response.status_code < 500, (url.name, method, response.status_code)
    return not refused(response), method, response.status_code


@pytest.mark.parametrize("role", EVERY_USER)
def test_every_object_url_refuses_what_the_role_may_not_do(client, world, role):
    """Each role is allowed exactly what the rules say at every admin URL that takes an object's id."""
    users, objects = world
    client.force_login(users[role])
    column = EVERY_USER.index(role)
    wrong = []
    for url in walked_urls():
        allowed_here = expected(url)[column]
        allowed, method, status = observe(client, url, objects)
        if allowed_here is not None and allowed is not allowed_here:
            wrong.append(f"{url.name} ({method} {status}): {'allowed' if allowed else 'refused'}")
    assert wrong == [], "\n".join(wrong)


def test_every_walked_url_has_a_rule():
    """A new admin URL taking an object's id fails here until it is given a rule (or a reason not to walk it)."""
    urls = walked_urls()
    assert len(urls) > 200
    for url in urls:
        assert len(expected(url)) == len(EVERY_USER), url.name


def test_a_reviewer_deletes_their_own_drafts_but_not_other_peoples(client, world, make_user, pattern_index):
    """The deletion rule in practice: a Reviewer's POST deletes their own draft, not Kent's contributor's."""
    from wagtail.models import Page

    users, objects = world
    reviewer = users["Reviewer"]
    client.force_login(reviewer)
    others = objects["page"]
    client.post(reverse("wagtailadmin_pages:delete", args=[others.pk]))
    assert Page.objects.filter(pk=others.pk).exists()
    own = factories.ServicePatternPageFactory(parent=pattern_index, owner=reviewer, live=False)
    client.post(reverse("wagtailadmin_pages:delete", args=[own.pk]))
    assert not Page.objects.filter(pk=own.pk).exists()


def test_a_contributor_edits_only_their_own_councils_assessments(client, world):
    """Essex's contributor's POST changes Essex's assessment and not Kent's; the council choice is Essex only."""
    users, objects = world
    contributor = users[CONTRIBUTOR]
    client.force_login(contributor)
    kent_assessment = objects["assessment"]
    essex = ContributorProfile.objects.get(user=contributor).council
    essex_assessment = Assessment.objects.create(
        council=essex,
        service=kent_assessment.service,
        pattern=kent_assessment.pattern,
        standard=kent_assessment.standard,
        phase="alpha",
        date="2026-02-01",
        result=Result.MET,
        live=False,
    )
    edit = "wagtailsnippets_assessments_assessment:edit"
    for assessment, changed in ((kent_assessment, False), (essex_assessment, True)):
        data = {
            "council": assessment.council_id,
            "service": assessment.service_id,
            "pattern": assessment.pattern_id,
            "adoption": "",
            "standard": assessment.standard_id,
            "phase": "live",
            "date": "2026-04-01",
            "panel_roles": "",
            "result": "met",
            "report_url": "",
            "outcomes-TOTAL_FORMS": "0",
            "outcomes-INITIAL_FORMS": "0",
            "outcomes-MIN_NUM_FORMS": "0",
            "outcomes-MAX_NUM_FORMS": "1000",
        }
        client.post(reverse(edit, args=[assessment.pk]), data)
        assessment.refresh_from_db()
        latest = assessment.latest_revision.as_object() if assessment.latest_revision else assessment
        assert (latest.phase == "live") is changed, assessment.council
    form = client.get(reverse("wagtailsnippets_assessments_assessment:add")).context["form"]
    assert list(form.fields["council"].queryset) == [essex]
