"""The taxonomies as snippets in the admin, grouped under one menu item; the editors' screen previews."""

from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import screen_views
from .models import Council, DesignSystemComponent, Function, LifeEvent, PatternType, Service


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "list-ul"
    list_display = ["name", "lgsl_code", "providing_tier", "function"]
    list_filter = ["providing_tier", "locale"]
    search_fields = ["name", "description"]
    ordering = ["name"]


class FunctionViewSet(SnippetViewSet):
    model = Function
    icon = "folder-open-inverse"
    list_display = ["name", "lgfl_code", "parent"]
    search_fields = ["name"]


class LifeEventViewSet(SnippetViewSet):
    model = LifeEvent
    icon = "date"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class PatternTypeViewSet(SnippetViewSet):
    model = PatternType
    icon = "tag"
    list_display = ["name", "slug"]


class CouncilViewSet(SnippetViewSet):
    model = Council
    icon = "site"
    list_display = ["official_name", "gss_code", "council_type", "nation", "region"]
    list_filter = ["council_type", "nation", "is_current"]
    search_fields = ["official_name", "name", "gss_code"]


class DesignSystemComponentViewSet(SnippetViewSet):
    model = DesignSystemComponent
    icon = "form"
    list_display = ["name", "kind", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Taxonomies"
    menu_icon = "folder-inverse"
    menu_order = 200
    items = (
        ServiceViewSet,
        FunctionViewSet,
        LifeEventViewSet,
        PatternTypeViewSet,
        CouncilViewSet,
        DesignSystemComponentViewSet,
    )


register_snippet(TaxonomyGroup)


@hooks.register("register_admin_urls")
def register_screen_preview_urls():
    return [
        path("screens/<int:page_id>/<int:number>/", screen_views.screen_preview, name="screen_preview"),
        path(
            "screens/<int:page_id>/prototype-kit.<str:kind>",
            screen_views.prototype_kit_preview,
            name="prototype_kit_preview",
        ),
    ]
