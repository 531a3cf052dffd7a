"""What the page editor says about the review workflow, in plain words.

Wagtail appends "and Publish" to the approve action of a workflow's last step, which made our sign-off read
"Sign off and publish and Publish"; and after that action published the page its editor said only "Page '…'
has been updated."
"""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.models import Page


def keep_the_tasks_own_approve_label(menu_items, request, context):
    """``construct_page_action_menu``: a task whose approve label already says it publishes keeps that label."""
    page = context.get("page")
    task = getattr(page, "current_workflow_task", None) if page is not None else None
    if task is None:
        return
    labels = {name: label for name, label, _modal in task.get_actions(page, request.user)}
    own = labels.get("approve")
    if own is None or "publish" not in str(own).lower():
        return
    for item in menu_items:
        if isinstance(item, WorkflowMenuItem) and item.name == "approve":
            item.label = own


def say_published_after_sign_off(request, page):
    """``after_edit_page``: when the editor's workflow action published the page, say so (not "updated")."""
    if request.method != "POST" or request.POST.get("workflow-action-name") != "approve":
        return
    page = Page.objects.get(pk=page.pk)
    if not page.live or page.has_unpublished_changes or page.workflow_in_progress:
        return
    storage = messages.get_messages(request)
    queued = list(storage)  # reading them marks them used; those added below are the ones shown
    title = page.get_admin_display_title()
    for message in queued:
        if "has been updated" in str(message):
            continue
        messages.add_message(request, message.level, message.message, extra_tags=message.extra_tags)
    messages.success(request, _("'%(title)s' has been signed off and published.") % {"title": title})
