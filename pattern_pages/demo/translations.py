"""Publish the demo's Welsh (``welsh``) through wagtail-localize, as a translator would: a translation of each
English page or snippet whose strings are given in Welsh. The Welsh pages are then linked to the English ones
(same translation key, a TranslationSource), listed by the translation report and kept in step when the
English changes. Loading twice changes nothing: strings already in Welsh are left alone, and a target is
saved again only when a string was added or changed."""

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from ..models import LifeEvent, PatternType, ProcessPage, ServicePatternPage
from . import welsh


def publish_translation(source, locale):
    """As ``Translation.save_target``, but published here and now: wagtail-localize would publish on commit,
    after the demo's transaction (and never inside a test's)."""
    source.create_or_update_translation(locale, publish=False, fallback=True, copy_parent_pages=True)
    source.get_source_instance().get_translation(locale).get_latest_revision().publish()


def translate(instance, strings, locale, summary, kind):
    """Translate ``instance`` into ``locale`` with ``strings`` (English → Welsh); returns the translation."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _made = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    changed = False
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = strings.get(segment.string.data)
        if text is None:
            continue
        existing = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).first()
        if existing is None:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=text,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
            changed = True
        elif existing.data != text and existing.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
            existing.data = text
            existing.save(update_fields=["data", "updated_at"])
            changed = True
    target = instance.get_translation_or_none(locale)
    is_page = hasattr(instance, "live")
    if target is None or changed or (is_page and (not target.live or target.alias_of_id)):
        if is_page:
            publish_translation(source, locale)
        else:
            translation.save_target()
        summary.add(kind, "created" if target is None else "updated")
    else:
        summary.add(kind, "unchanged")
    return instance.get_translation(locale)


def load_welsh(home, summary):
    """The Welsh home and index pages, patterns, processes, pattern types and life events."""
    cy = Locale.objects.get(language_code="cy")
    english = home.locale
    for model, table, kind in (
        (PatternType, welsh.PATTERN_TYPES, "Welsh pattern type"),
        (LifeEvent, welsh.LIFE_EVENTS, "Welsh life event"),
    ):
        for item in model.objects.filter(locale=english, slug__in=table):
            name, description = table[item.slug]
            translate(item, {item.name: name, item.description: description}, cy, summary, kind)
    # Parents before children: the home page, then the index pages, then the pages under them.
    translate(home, welsh.STRINGS, cy, summary, "Welsh page")
    for index in Page.objects.child_of(home).filter(slug__in=welsh.HOME_AND_INDEXES).specific():
        translate(index, welsh.STRINGS, cy, summary, "Welsh page")
    english_patterns = ServicePatternPage.objects.filter(locale=english, slug__in=welsh.PATTERNS).order_by("path")
    new_patterns = [page for page in english_patterns if page.get_translation_or_none(cy) is None]
    for model, slugs in ((ServicePatternPage, welsh.PATTERNS), (ProcessPage, welsh.PROCESSES)):
        for page in model.objects.filter(locale=english, slug__in=slugs).order_by("path"):
            translate(page, welsh.STRINGS, cy, summary, "Welsh page")
    # Patterns and processes link to each other: a pattern translated before the process it links to pointed at
    # the English process; once, when it is new, translate it again so that it links to the Welsh one.
    for page in new_patterns:
        publish_translation(TranslationSource.objects.get_for_instance(page), cy)
