"""The four editorial roles, their permissions, and the two-step review workflow.

The same functions run from the data migration (with the historical ``apps``) and at run time (after a
transactional test has flushed the database, or from ``load_demo``). Page permissions attach to the
pattern and process index pages, in every locale; an index page created later (by ``load_demo``, by
the admin or as a Welsh translation) gets them from a ``post_save`` handler in ``editorial.signals``.
Administrators get theirs on the tree's root, which always exists.
"""

from django.apps import apps as global_apps

CONTRIBUTOR = "Contributor"
REVIEWER = "Reviewer"
PUBLISHER = "Publisher"
ADMINISTRATOR = "Administrator"
ROLES = [CONTRIBUTOR, REVIEWER, PUBLISHER, ADMINISTRATOR]

WORKFLOW_NAME = "Pattern library review"
REVIEW_TASK_NAME = "Content and design review"
SIGN_OFF_TASK_NAME = "Standards and accessibility sign-off"

# Page permissions on the pattern and process trees. "add" lets a contributor create pages and edit
# (and delete, while unpublished) the ones they own; "change" lets reviewers edit anyone's.
TREE_PAGE_PERMISSIONS = {
    CONTRIBUTOR: ["add"],
    REVIEWER: ["add", "change", "lock"],
    PUBLISHER: ["add", "change", "publish", "lock", "unlock"],
}
ROOT_PAGE_PERMISSIONS = {ADMINISTRATOR: ["add", "change", "publish", "bulk_delete", "lock", "unlock"]}

TAXONOMY_MODELS = ["function", "lifeevent", "patterntype", "service", "council", "designsystemcomponent"]

# Model permissions as (app_label, codename).
EVERYONE = [
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtail_localize", "submit_translation"),
] + [("pattern_pages", f"view_{model}") for model in TAXONOMY_MODELS]
# Councils record their service assessments; publishers publish them through the assessment workflow.
ASSESSMENT_AUTHORING = [("assessments", "add_assessment"), ("assessments", "change_assessment")] + [
    ("assessments", f"view_{model}") for model in ("assessment", "servicestandard", "standardpoint")
]
# Reviewers and publishers work the Contributions menu: triage the queue (which holds contributors' names
# and emails, so contributors do not see it), record and approve adoptions, read page feedback.
# Only publishers delete.
CONTRIBUTIONS_TRIAGE = [
    ("contributions", "view_contribution"),
    ("contributions", "change_contribution"),
    ("contributions", "view_adoption"),
    ("contributions", "add_adoption"),
    ("contributions", "change_adoption"),
    ("contributions", "view_feedback"),
]
CONTRIBUTIONS_DELETE = [("contributions", f"delete_{model}") for model in ("contribution", "adoption", "feedback")]
MODEL_PERMISSIONS = {
    CONTRIBUTOR: EVERYONE + ASSESSMENT_AUTHORING,
    REVIEWER: EVERYONE + ASSESSMENT_AUTHORING + CONTRIBUTIONS_TRIAGE,
    PUBLISHER: EVERYONE
    + ASSESSMENT_AUTHORING
    + CONTRIBUTIONS_TRIAGE
    + CONTRIBUTIONS_DELETE
    + [("assessments", "publish_assessment"), ("assessments", "delete_assessment")]
    + [("pattern_pages", f"{action}_{model}") for model in TAXONOMY_MODELS for action in ("add", "change")]
    + [("wagtailimages", "change_image"), ("wagtaildocs", "change_document")],
    # Administrators get every permission there is (see ensure_roles).
}


# Images and documents are governed by collection permissions (Wagtail ignores the model permissions for them).
# Everyone adds and chooses them for their pages; publishers also change them; administrators do everything.
# Granted on the root collection, so they cover every collection.
ADD_AND_CHOOSE = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
CHANGE = [("wagtailimages", "change_image"), ("wagtaildocs", "change_document")]
DELETE = [("wagtailimages", "delete_image"), ("wagtaildocs", "delete_document")]
COLLECTION_PERMISSIONS = {
    CONTRIBUTOR: ADD_AND_CHOOSE,
    REVIEWER: ADD_AND_CHOOSE,
    PUBLISHER: ADD_AND_CHOOSE + CHANGE,
    ADMINISTRATOR: ADD_AND_CHOOSE
    + CHANGE
    + DELETE
    + [("wagtailcore", f"{action}_collection") for action in ("add", "change", "delete")],
}
# Wagtail's migrations create these two groups with rights on the whole tree and every collection; the
# library's four roles replace them.
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def ensure_submit_translation_permission(apps=global_apps):
    """wagtail-localize creates its 'Can submit translations' permission in a data migration, not as a model
    permission, so a flush (the end of every transactional test) deletes it and nothing makes it again: make it
    here as that migration does, so the roles that translate keep the right after a flush."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )


def ensure_roles(apps=global_apps):
    """Create the four groups with their model permissions; return {name: group}."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ensure_submit_translation_permission(apps)
    groups = {}
    for name in ROLES:
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        if name == ADMINISTRATOR:
            permissions = Permission.objects.all()
        else:
            wanted = MODEL_PERMISSIONS[name]
            permissions = [
                permission
                for permission in Permission.objects.filter(
                    codename__in={codename for _app, codename in wanted}
                ).select_related("content_type")
                if (permission.content_type.app_label, permission.codename) in wanted
            ]
        group.permissions.add(*permissions)
    return groups


def grant_collection_permissions(apps=global_apps):
    """Give each role its image and document rights on the root collection (see COLLECTION_PERMISSIONS)."""
    Collection = apps.get_model("wagtailcore", "Collection")
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Permission = apps.get_model("auth", "Permission")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for name, wanted in COLLECTION_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for app_label, codename in wanted:
            permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if permission is not None:
                GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def retire_wagtail_default_groups(apps=global_apps):
    """Delete Wagtail's default Editors and Moderators groups; one that has members is kept, without rights."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        if not group.user_set.exists():
            group.delete()
            continue
        group.permissions.clear()
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()


def page_permission(apps, permission_type):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{permission_type}_page")


def grant_page_permissions(page_id, permissions_by_role, apps=global_apps):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for name, types in permissions_by_role.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for permission_type in types:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=page_id, permission=page_permission(apps, permission_type)
            )


def ensure_workflow(apps=global_apps):
    """The two-step workflow: reviewers, then publishers' sign-off. Administrators may act at both steps."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    StandardsSignOffTask = apps.get_model("editorial", "StandardsSignOffTask")

    def task(model, app_label, model_name, name, group_names):
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
        instance = model.objects.filter(name=name).first()
        if instance is None:
            instance = model.objects.create(name=name, content_type=content_type, active=True)
        instance.groups.add(*Group.objects.filter(name__in=group_names))
        return instance

    review = task(GroupApprovalTask, "wagtailcore", "groupapprovaltask", REVIEW_TASK_NAME, [REVIEWER, ADMINISTRATOR])
    sign_off = task(
        StandardsSignOffTask, "editorial", "standardssignofftask", SIGN_OFF_TASK_NAME, [PUBLISHER, ADMINISTRATOR]
    )
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    for order, step in enumerate([review, sign_off]):
        WorkflowTask.objects.get_or_create(workflow=workflow, task_id=step.pk, defaults={"sort_order": order})
    return workflow


ASSESSMENT_WORKFLOW_NAME = "Assessment publication"
ASSESSMENT_TASK_NAME = "Assessment sign-off"


def ensure_assessment_workflow(apps=global_apps):
    """Assessments (snippets) go through one step: a publisher signs them off, which publishes them."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=ASSESSMENT_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=ASSESSMENT_TASK_NAME, content_type=task_type, active=True)
    task.groups.add(*Group.objects.filter(name__in=[PUBLISHER, ADMINISTRATOR]))
    workflow, _created = Workflow.objects.get_or_create(name=ASSESSMENT_WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})
    assessment_type, _created = ContentType.objects.get_or_create(app_label="assessments", model="assessment")
    WorkflowContentType.objects.get_or_create(content_type=assessment_type, defaults={"workflow": workflow})
    return workflow


def attach_to_index_page(page_id, apps=global_apps):
    """Give an index page (pattern or process, any locale) the roles' permissions and the workflow."""
    grant_page_permissions(page_id, TREE_PAGE_PERMISSIONS, apps)
    workflow = ensure_workflow(apps)
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowPage.objects.get_or_create(page_id=page_id, defaults={"workflow": workflow})


def ensure_editorial_setup(apps=global_apps):
    """Roles, workflow, page and collection permissions, wherever the tree already has what they attach to."""
    ensure_roles(apps)
    grant_collection_permissions(apps)
    retire_wagtail_default_groups(apps)
    ensure_workflow(apps)
    ensure_assessment_workflow(apps)
    Page = apps.get_model("wagtailcore", "Page")
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        grant_page_permissions(root.pk, ROOT_PAGE_PERMISSIONS, apps)
    for model_name in ("PatternIndexPage", "ProcessIndexPage"):
        for page_id in apps.get_model("pattern_pages", model_name).objects.values_list("pk", flat=True):
            attach_to_index_page(page_id, apps)
