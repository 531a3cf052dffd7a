"""Django's and Wagtail's signals, turned into :func:`library.changes.library_changed` calls.

Ordinary saves reach the library this way; a write that sends no signal (``update()``, ``bulk_create``,
``bulk_update``) calls ``library_changed`` itself. Models are named by label, so this app imports none
of the apps above it.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .changes import DELETED, MOVED, PUBLISHED, SAVED, UNPUBLISHED, library_changed

# Besides every page: what the site or the API shows.
WATCHED_APPS = {"pattern_pages", "assessments"}
WATCHED_MODELS = {
    "contributions.adoption",
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "wagtailimages.image",
}


def watched(model):
    # A migration's historical model (module "__fake__"), e.g. Wagtail's first Site saved by its data
    # migration, may save before this app's table exists; nothing has been served from that database yet.
    if model.__module__ == "__fake__":
        return False
    if issubclass(model, Page):
        return True
    meta = model._meta
    return meta.app_label in WATCHED_APPS or meta.label_lower in WATCHED_MODELS


def on_save(sender, instance, raw=False, **kwargs):
    if watched(sender):
        library_changed(SAVED, instance, raw=raw)


def before_page_delete(sender, instance, **kwargs):
    # Wagtail deletes descendants in SQL without a signal for each one, so collect them first.
    instance._library_descendants = list(instance.get_descendants().values_list("pk", flat=True))


def on_delete(sender, instance, **kwargs):
    if watched(sender):
        details = {}
        if hasattr(instance, "_library_descendants"):
            details["descendants"] = instance._library_descendants
        library_changed(DELETED, instance, **details)


def on_m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and watched(type(instance)):
        library_changed(SAVED, instance, relation=sender)


def on_published(sender, instance, **kwargs):
    library_changed(PUBLISHED, instance)


def on_unpublished(sender, instance, **kwargs):
    library_changed(UNPUBLISHED, instance)


def on_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    # Wagtail sends this after the move's transaction, with a plain Page.
    library_changed(MOVED, instance, url_changed=url_path_before != url_path_after)


def connect():
    post_save.connect(on_save, dispatch_uid="library.save")
    pre_delete.connect(before_page_delete, sender=Page, dispatch_uid="library.page_delete")
    post_delete.connect(on_delete, dispatch_uid="library.delete")
    m2m_changed.connect(on_m2m_changed, dispatch_uid="library.m2m")
    page_published.connect(on_published, dispatch_uid="library.published")
    page_unpublished.connect(on_unpublished, dispatch_uid="library.unpublished")
    post_page_move.connect(on_moved, dispatch_uid="library.moved")
