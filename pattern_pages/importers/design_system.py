"""GOV.UK Design System components and patterns.

``govuk-design-system-patterns-and-components.csv`` has ``type,slug,title,description,theme,aliases,
status,url``, e.g. ``component,date-input,Date input,…,,,current,https://design-system.service.gov.uk/components/date-input/``.
The ``aliases`` column is not stored: the model has no place for it.
"""

from django.utils.translation import gettext_lazy

from pattern_pages.models import ComponentKind, ComponentStatus, DesignSystemComponent

from .base import Importer, Record

KINDS = {kind.value: kind.value for kind in ComponentKind}
STATUSES = {status.value: status.value for status in ComponentStatus}


class DesignSystemImporter(Importer):
    model = DesignSystemComponent
    key_field = "slug"
    key_column = "slug"
    noun = gettext_lazy("Design System components and patterns")
    columns = ("type", "slug", "title", "description", "theme", "status", "url")

    def parse(self, row):
        return Record(
            row,
            {
                "slug": row.slug("slug", max_length=100),
                "kind": row.choice("type", KINDS),
                "name": row.text("title", required=True, max_length=200),
                "description": row.text("description"),
                "theme": row.text("theme", max_length=100),
                "status": row.choice("status", STATUSES),
                "url": row.url("url", required=True),
            },
        )
