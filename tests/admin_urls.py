"""The admin's URL patterns, walked from the resolver, for tests that must cover every admin URL."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")


@dataclass(frozen=True)
class AdminUrl:
    name: str  # "namespace:name"
    route: str  # e.g. "admin/webhooks/edit/<int:pk>/"
    parameters: tuple  # the route's parameter names, e.g. ("pk",)

    @property
    def namespace(self):
        return self.name.rpartition(":")[0]


def _walk(resolver, prefix="", namespace=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield prefix + str(pattern.pattern), namespace + pattern.name


def admin_urls():
    """Every named URL under /admin/ with its parameters, once per (name, route)."""
    found = {}
    for route, name in _walk(get_resolver()):
        if route.startswith("admin/"):
            parameters = tuple(a or b for a, b in PARAMETER.findall(route))
            found[(name, route)] = AdminUrl(name, route, parameters)
    return list(found.values())


def object_urls():
    """The admin URLs that take something's id."""
    return [url for url in admin_urls() if url.parameters]
