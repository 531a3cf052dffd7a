"""Sending a Welsh translation through the review workflow.

wagtail-localize's editor publishes translations directly, which only publishers may do. Everyone else
saves the translation as a draft of the Welsh page and submits that draft to the page's workflow here.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource


def translation_for(page):
    """The wagtail-localize Translation that produces ``page``, or None for a page that is not one."""
    if page.locale_id == Locale.get_default().pk:
        return None
    source_page = page.get_translation_or_none(Locale.get_default())
    if source_page is None:
        return None
    source = TranslationSource.objects.get_for_instance_or_none(source_page)
    if source is None:
        return None
    return Translation.objects.filter(source=source, target_locale=page.locale, enabled=True).first()


def submit_translation_for_review(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    translation = translation_for(page)
    permissions = page.permissions_for_user(request.user)
    if translation is None or not permissions.can_edit():
        raise PermissionDenied
    workflow = page.get_workflow()
    if request.method == "POST":
        if page.workflow_in_progress:
            messages.error(request, _("'%(title)s' is already in review.") % {"title": page.title})
        else:
            translation.save_target(user=request.user, publish=False)
            page.refresh_from_db()
            page = page.specific
            if workflow is None:
                messages.success(request, _("Saved a draft of '%(title)s'.") % {"title": page.title})
            else:
                workflow.start(page, request.user)
                messages.success(
                    request,
                    _("'%(title)s' has been submitted to %(workflow)s.")
                    % {"title": page.title, "workflow": workflow.name},
                )
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return TemplateResponse(
        request,
        "editorial/submit_translation.html",
        {"page": page, "workflow": workflow, "in_review": page.workflow_in_progress},
    )
