"""The router the API's resources are registered on (``api.urls``)."""

from rest_framework.routers import Route, SimpleRouter


class LibraryRouter(SimpleRouter):
    """DRF's router with ``path()`` converters (a viewset's ``lookup_value_converter``, e.g. ``number``) and
    one more route: a page by slug, ``<prefix>/<slug:slug>/`` named ``<basename>-detail-slug``, for the
    viewsets that have a ``retrieve_by_slug`` action. It comes after the id's route, which takes the digits.
    """

    routes = [
        *SimpleRouter.routes,
        Route(
            url=r"^{prefix}/<slug:slug>{trailing_slash}$",
            mapping={"get": "retrieve_by_slug"},
            name="{basename}-detail-slug",
            detail=True,
            initkwargs={"suffix": "Instance"},
        ),
    ]

    def __init__(self):
        super().__init__(use_regex_path=False)
