"""Connect the library's lifecycle events to search indexing (see ``search.indexing``)."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from pattern_pages.models import ProcessPage, Service, ServicePatternPage

from . import indexing

SEARCHABLE = (ServicePatternPage, ProcessPage)


@receiver(page_published)
def on_publish(sender, instance, **kwargs):
    # Publishing a translation fires this for the translated page, which has its own key.
    indexing.request_page_update(instance, include_descendants=not isinstance(instance, SEARCHABLE))


@receiver(page_unpublished)
def on_unpublish(sender, instance, **kwargs):
    # Unpublishing a page takes its descendants off the site (and out of the index) with it.
    indexing.request_page_update(instance, include_descendants=True)


@receiver(post_page_move)
def on_move(sender, instance, **kwargs):
    # The page and everything below it have new URLs.
    indexing.request_page_update(instance, include_descendants=True)


@receiver(pre_delete, sender=Page)
def before_page_delete(sender, instance, **kwargs):
    # Wagtail deletes descendants in SQL without signals for each one, so collect them first.
    instance._search_keys = [instance.pk, *instance.get_descendants().values_list("pk", flat=True)]


@receiver(post_delete)
def on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and hasattr(instance, "_search_keys"):
        indexing.request_update([indexing.page_key(pk) for pk in instance._search_keys])
    elif isinstance(instance, Service):
        indexing.request_update([indexing.service_key(instance.pk)])


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def on_privacy_change(sender, instance, **kwargs):
    if instance.page_id:
        page = Page.objects.filter(pk=instance.page_id).first()
        if page:
            indexing.request_page_update(page, include_descendants=True)


@receiver(post_save, sender=Service)
def on_service_save(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.request_service_update(instance)


@receiver(m2m_changed, sender=Service.life_events.through)
def on_service_life_events(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, Service):
        indexing.request_service_update(instance)


def on_adoption_change(sender, instance, **kwargs):
    """A council adopting (or dropping) a pattern or process changes the page's council facet."""
    keys = [indexing.page_key(pk) for pk in (instance.pattern_id, instance.process_id) if pk]
    indexing.request_update(keys)


def connect_adoptions():
    """Follow adoptions when the contributions app is installed (it owns the Adoption model)."""
    try:
        adoption = apps.get_model("contributions", "Adoption")
    except LookupError:
        return
    post_save.connect(on_adoption_change, sender=adoption, dispatch_uid="search_adoption_saved")
    post_delete.connect(on_adoption_change, sender=adoption, dispatch_uid="search_adoption_deleted")
