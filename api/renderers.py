from rest_framework.renderers import JSONRenderer


class JSONLDRenderer(JSONRenderer):
    """schema.org JSON-LD, chosen by ``Accept: application/ld+json`` or ``?format=jsonld``."""

    media_type = "application/ld+json"
    format = "jsonld"
