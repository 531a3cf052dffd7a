"""The search queue: the third consumer of ``library.changes.library_changed``.

It turns a change into the document keys it affects, records them as pending updates in the writer's
transaction (``search.indexing.request_update``) and, once the transaction commits, enqueues one index task
for all of them: an import that changes 1,500 services enqueues one task, not 1,500.
"""

from wagtail.models import Page

from library import changes as library_changes
from pattern_pages.models import ProcessPage, Service, ServicePatternPage

from . import indexing
from .documents import page_key, service_key
from .tasks import update_search_index

SEARCHABLE = (ServicePatternPage, ProcessPage)


class SearchQueue(library_changes.Consumer):
    def record(self, change):
        keys = [] if change.details.get("raw") else self.keys_for(change)
        change.recorded[library_changes.SEARCH_QUEUE] = indexing.request_update(keys)

    def committed(self, changes):
        keys = [key for change in changes for key in change.recorded.get(library_changes.SEARCH_QUEUE, ())]
        if keys:
            update_search_index.enqueue(list(dict.fromkeys(keys)))

    def keys_for(self, change):
        action, details = change.action, change.details
        keys, services = [], []
        for instance in change.objects:
            label = instance._meta.label_lower
            if isinstance(instance, Page):
                if action == library_changes.PUBLISHED:
                    # Publishing a translation sends this for the translated page, which has its own key.
                    keys += indexing.page_keys(instance, include_descendants=not isinstance(instance, SEARCHABLE))
                elif action in (library_changes.UNPUBLISHED, library_changes.MOVED):
                    # Unpublishing takes the descendants off the site with it; moving gives them new URLs.
                    keys += indexing.page_keys(instance, include_descendants=True)
                elif action == library_changes.DELETED and "descendants" in details:
                    keys += [page_key(pk) for pk in (instance.pk, *details["descendants"])]
            elif isinstance(instance, Service):
                if action == library_changes.DELETED:
                    keys.append(service_key(instance.pk))
                elif details.get("relation") in (None, Service.life_events.through):
                    services.append(instance)
            elif label == "wagtailcore.pageviewrestriction":
                page = Page.objects.filter(pk=instance.page_id).first() if instance.page_id else None
                if page:
                    keys += indexing.page_keys(page, include_descendants=True)
            elif label == "contributions.adoption":
                # A council adopting (or dropping) a pattern or process changes the page's council facet.
                keys += [page_key(pk) for pk in (instance.pattern_id, instance.process_id) if pk]
        return keys + indexing.service_keys(services)
