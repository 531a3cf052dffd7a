"""Handlers that keep the editorial rules true whatever route changes the pages."""

from django.conf import settings
from django.core.mail import send_mail
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from wagtail.models import TaskState
from wagtail.signals import page_published, task_approved

from library.pages import set_page_fields
from pattern_pages.models import PatternIndexPage, ProcessIndexPage, ProcessPage, ServicePatternPage

from .review import default_review_by
from .roles import attach_to_index_page


@receiver(post_save, sender=PatternIndexPage)
@receiver(post_save, sender=ProcessIndexPage)
def give_new_index_page_roles_and_workflow(sender, instance, created, raw=False, **kwargs):
    """An index page created after the roles migration (demo data, a Welsh copy) gets the same rules."""
    if created and not raw:
        attach_to_index_page(instance.pk)


@receiver(page_published)
def set_default_review_by(sender, instance, revision=None, **kwargs):
    """A pattern or process published without a review-by date is due for review 12 months later."""
    page = instance.specific if not isinstance(instance, ServicePatternPage | ProcessPage) else instance
    if not isinstance(page, ServicePatternPage | ProcessPage) or page.review_by:
        return
    set_page_fields(page, only_if_empty=True, review_by=default_review_by(page.last_published_at))


def later_tasks(task_state):
    workflow_state = task_state.workflow_state
    current = workflow_state.workflow.workflow_tasks.filter(task_id=task_state.task_id).first()
    if current is None:
        return []
    return list(
        workflow_state.workflow.workflow_tasks.filter(sort_order__gt=current.sort_order, task__active=True)
        .select_related("task")
        .order_by("sort_order")
    )


@receiver(task_approved)
def tell_submitter_a_step_passed(sender, instance, user=None, **kwargs):
    """Wagtail tells the submitter when the whole workflow ends; this tells them when a step passes."""
    if not isinstance(instance, TaskState):
        return
    following = later_tasks(instance)
    submitter = instance.workflow_state.requested_by
    if not following or submitter is None or not submitter.email or submitter == user:
        return
    page = instance.workflow_state.content_object
    context = {
        "page": page,
        "task": instance.task,
        "next_task": following[0].task,
        "approved_by": user,
        "comment": instance.comment,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + f"/admin/pages/{page.pk}/edit/",
    }
    send_mail(
        render_to_string("editorial/email/step_approved_subject.txt", context).strip(),
        render_to_string("editorial/email/step_approved.txt", context),
        None,
        [submitter.email],
    )


@receiver(page_published)
def sync_welsh_drafts(sender, instance, **kwargs):
    """When an English pattern or process is published, its Welsh translations get a synced draft."""
    from wagtail.models import Locale

    if not isinstance(instance, ServicePatternPage | ProcessPage) or instance.locale_id != Locale.get_default().pk:
        return
    from wagtail_localize.models import TranslationSource

    if TranslationSource.objects.get_for_instance_or_none(instance) is None:
        return
    from .tasks import sync_translations

    sync_translations.enqueue(instance.pk)
