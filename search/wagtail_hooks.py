"""Tell editors on the admin dashboard when the search index is behind the published library."""

from datetime import timedelta

from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from .indexing import index_status

# A queued update normally lands within seconds; one older than this, or one that failed, means the
# worker or the engine needs attention.
BEHIND_AFTER = timedelta(minutes=5)


class SearchIndexBehindPanel(Component):
    name = "search_index_behind"
    template_name = "search/admin/index_behind_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        count, oldest, last_error = index_status()
        return {"pending_count": count, "oldest": oldest, "last_error": last_error}

    def render_html(self, parent_context=None):
        count, oldest, last_error = index_status()
        if not count or (not last_error and oldest.requested_at > timezone.now() - BEHIND_AFTER):
            return ""
        return super().render_html(parent_context)


@hooks.register("construct_homepage_panels")
def add_search_index_panel(request, panels):
    panels.append(SearchIndexBehindPanel())
