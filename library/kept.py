"""Renderings kept until something they show changes: invalidation by dependency, not by the whole library.

The library version (``library.version``) moves with any change, so what is kept under it (the per-process
``pages`` cache) is all lost at once: one publish and every page is rendered again. What is kept here is
shared by every process (the ``KeptRender`` table) and lost only when something it depends on changes.

**What a rendering depends on** is collected while it renders (:func:`collecting`):

- every row loaded from the database (Django's ``post_init``): ``page:12`` for any page, else
  ``<app>.<model>:<pk>``, e.g. ``pattern_pages.service:4``;
- what the code showing a *list* declares with :func:`depends_on`, since a row added to a list was never
  loaded: ``tk:<translation key>`` (the translations of a page or snippet, e.g. for the language links),
  ``named:<translation key>`` (the rows that name a page in any language: its adoptions and assessments)
  and ``list:<app>.<model>`` (any row of that model, e.g. the patterns leading into a process's steps);
- ``*`` when the code that rendered it has not said its dependencies are complete (:func:`complete`): such
  a rendering goes with every change, as under the library version.

**What a change touches** (:func:`touched`): for each changed object its own tag, its translation key, its
model's ``list:`` tag, and ``named:`` the pages it names (``pattern``, ``process``, ``page``);
the descendants of a deleted page; always ``*``. A change that can alter every page (a page that can have
children, such as an index page in the navigation; a move; a site, locale or an unnamed or bulk change)
touches everything (:data:`EVERYTHING`).

**Race with a commit.** :class:`Invalidation` (a ``library_changed`` consumer) deletes the touched
renderings in the writer's transaction and again after its commit. A render that read the database before
the commit and stores after it would keep a stale page past the second delete, so :func:`put` stores only
what was rendered under the library version read (from the database) when the render started, and checks
the version again after storing: if it moved, the rendering is dropped. Either the check runs after the
commit (and sees the new version) or the rendering was stored before the commit, and the delete after the
commit removes it.
"""

import hashlib
import zlib
from contextvars import ContextVar

from django.db import IntegrityError, connection, transaction
from django.db.models.signals import post_init
from wagtail.models import Page

from .changes import Consumer

EVERYTHING = "__everything__"
INCOMPLETE = "*"
# Objects that name a page through these foreign keys (an adoption, an assessment) touch ``named:<its key>``.
PAGE_FIELDS = ("pattern_id", "process_id", "page_id")
WHOLE_SITE_MODELS = {"wagtailcore.site", "wagtailcore.locale", "wagtailcore.pageviewrestriction"}

_collectors = ContextVar("library_kept_collectors", default=())


class Collector:
    def __init__(self):
        self.tags = set()
        self.complete = False


class collecting:
    """``with collecting() as deps: render()``; then ``deps.tags`` (with ``*`` unless declared complete)."""

    def __enter__(self):
        self.collector = Collector()
        self.token = _collectors.set((*_collectors.get(), self.collector))
        return self.collector

    def __exit__(self, *exc):
        _collectors.reset(self.token)
        if not self.collector.complete:
            self.collector.tags.add(INCOMPLETE)
        return False


def depends_on(*tags):
    """Declare tags the renderings being collected depend on (nothing happens outside a collection)."""
    for collector in _collectors.get():
        collector.tags.update(tags)


def complete():
    """The rendering being collected (the innermost) declared every list it shows: it need not go with every
    change."""
    collectors = _collectors.get()
    if collectors:
        collectors[-1].complete = True


def row_tag(instance):
    if isinstance(instance, Page):
        return f"page:{instance.pk}"
    return f"{instance._meta.label_lower}:{instance.pk}"


def _loaded(sender, instance, **kwargs):
    collectors = _collectors.get()
    if collectors and instance.pk is not None:
        tag = row_tag(instance)
        for collector in collectors:
            collector.tags.add(tag)


def connect():
    post_init.connect(_loaded, dispatch_uid="library.kept.loaded")


def read_version():
    """The library version as in the database now (never the one this process remembers)."""
    from . import version

    version.forget()
    return version.current()


def entry_key(kind, *parts):
    return hashlib.sha256("\n".join((kind, *parts)).encode()).hexdigest()


def get(key):
    """The content kept under ``key`` (bytes), or None."""
    from .models import KeptRender

    # One fixed statement (a page looks twice: for itself, then for its body), not the ORM's query built each time.
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote('content')} FROM {quote(KeptRender._meta.db_table)} WHERE {quote('key')} = %s",  # noqa: S608 (names)
            [key],
        )
        row = cursor.fetchone()
    return None if row is None else zlib.decompress(bytes(row[0]))


def put(key, kind, content, tags, started_version, address=""):
    """Keep ``content`` (bytes) under ``key`` with its dependency ``tags``, unless the library changed since
    ``started_version`` was read (see the module's "race" paragraph). Returns whether it was kept."""
    return put_many([(key, kind, content, tags, address)], started_version)


def put_many(entries, started_version):
    """Keep several renderings, ``[(key, kind, content, tags, address)]``, in one write (on PostgreSQL one
    statement, elsewhere one transaction) and check the library version once after it: a page and its body,
    rendered by the same request, cost one write instead of two. Returns whether they were kept."""
    if started_version is None or not entries:
        return False
    keys = [key for key, *_rest in entries]
    if connection.vendor == "postgresql":
        _upsert(entries)
    elif not _insert_or_replace(entries, keys):
        return False
    if read_version() != started_version:
        forget_keys(keys)
        return False
    return True


def _upsert(entries):
    """PostgreSQL: the entries and their tags in one statement, so no transaction of its own (its BEGIN and COMMIT
    were two of the five statements of a page's write). An entry kept already (rendered again by the worker, or by
    two readers at once) is replaced, its tags with it: the DELETE sees the tags as they were when the statement
    began, never the ones it inserts. (Two readers replacing one entry at once may leave both sets of tags: a
    rendering then goes with more changes, never fewer.)"""
    from django.utils import timezone

    from .models import KeptRender, KeptRenderTag

    quote = connection.ops.quote_name
    renders, tags = quote(KeptRender._meta.db_table), quote(KeptRenderTag._meta.db_table)
    now = timezone.now()
    tag_keys, tag_names = [], []
    for key, _kind, _content, entry_tags, _address in entries:
        for tag in stored_tags(entry_tags):
            tag_keys.append(key)
            tag_names.append(tag)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""WITH entries AS (
                INSERT INTO {renders} (key, kind, address, content, created_at)
                SELECT * FROM unnest(%s::varchar[], %s::varchar[], %s::varchar[], %s::bytea[], %s::timestamptz[])
                ON CONFLICT (key) DO UPDATE SET kind = EXCLUDED.kind, address = EXCLUDED.address,
                    content = EXCLUDED.content, created_at = EXCLUDED.created_at
                RETURNING id, key
            ), replaced AS (DELETE FROM {tags} WHERE entry_id IN (SELECT id FROM entries))
            INSERT INTO {tags} (entry_id, tag)
            SELECT entries.id, named.tag FROM entries
            JOIN unnest(%s::varchar[], %s::varchar[]) AS named (key, tag) ON named.key = entries.key""",  # noqa: S608
            [
                [key for key, *_rest in entries],
                [kind for _key, kind, *_rest in entries],
                [address for *_rest, address in entries],
                [zlib.compress(content, 1) for _key, _kind, content, *_rest in entries],
                [now] * len(entries),
                tag_keys,
                tag_names,
            ],
        )


def _insert_or_replace(entries, keys):
    """SQLite: the entries, then their tags, in a transaction; replaced when kept already."""
    from .models import KeptRender, KeptRenderTag

    for attempt in range(2):
        try:
            with transaction.atomic():
                if attempt:  # kept already (rendered again by the worker, or by two readers at once): replace them
                    KeptRenderTag.objects.filter(entry__key__in=keys)._raw_delete(connection.alias)
                    KeptRender.objects.filter(key__in=keys)._raw_delete(connection.alias)
                rows = KeptRender.objects.bulk_create(
                    [
                        KeptRender(key=key, kind=kind, address=address, content=zlib.compress(content, 1))
                        for key, kind, content, _tags, address in entries
                    ]
                )
                _insert_tags([(row.pk, entry[3]) for row, entry in zip(rows, entries, strict=True)])
            return True
        except IntegrityError:
            if attempt:
                return False
    return False


def keep_later(request, key, kind, content, tags, on_kept=None, address=""):
    """Keep a rendering made for ``request`` when the request ends, in the same write as the page around it
    (:func:`put_pending`); ``on_kept()`` runs once it is kept."""
    pending = getattr(request, "_kept_pending", None)
    if pending is None:  # a request the page cache did not start: keep it now
        if put(key, kind, content, tags, getattr(request, "_kept_version", None), address) and on_kept is not None:
            on_kept()
        return
    pending.append(((key, kind, content, tags, address), on_kept))


def put_pending(request, *entries):
    """Keep what the request put aside (:func:`keep_later`) and ``entries`` in one write (:func:`put_many`)."""
    pending = getattr(request, "_kept_pending", None) or []
    request._kept_pending = []
    entries = [entry for entry, _on_kept in pending] + list(entries)
    if not put_many(entries, getattr(request, "_kept_version", None)):
        return False
    for _entry, on_kept in pending:
        if on_kept is not None:
            on_kept()
    return True


def stored_tags(tags):
    """A rendering's tags as they are stored: each once, cut to the column's 120 characters, in order."""
    return sorted({tag[:120] for tag in tags})


def _insert_tags(entries):
    """SQLite: the tags of ``[(entry id, tags)]`` in INSERTs of 400 (building a model object for each of a page's
    hundred-odd tags cost more). PostgreSQL's are written with their entries (:func:`_upsert`), from two arrays:
    the same statement every time (a VALUES list of a few hundred placeholders was a new statement for each count
    of tags, and the driver parsed each one again)."""
    from .models import KeptRenderTag

    rows = [(entry_id, tag) for entry_id, tags in entries for tag in stored_tags(tags)]
    if not rows:
        return
    table = connection.ops.quote_name(KeptRenderTag._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 400):  # under SQLite's limit of bound parameters
            chunk = rows[start : start + 400]
            values = ", ".join(["(%s, %s)"] * len(chunk))
            params = [value for row in chunk for value in row]
            cursor.execute(f"INSERT INTO {table} (entry_id, tag) VALUES {values}", params)  # noqa: S608 (a table name)


def forget_keys(keys):
    from .models import KeptRender

    ids = list(KeptRender.objects.filter(key__in=list(keys)).values_list("pk", flat=True))
    _delete_ids(ids)


def _delete_ids(ids):
    from .models import KeptRender, KeptRenderTag

    if not ids:
        return
    KeptRenderTag.objects.filter(entry_id__in=ids)._raw_delete(connection.alias)
    KeptRender.objects.filter(pk__in=ids)._raw_delete(connection.alias)


def invalidate(tags, kind=None):
    """Delete the renderings that depend on any of ``tags`` (all of them for :data:`EVERYTHING`); return the
    addresses of the pages among them."""
    from .models import KeptRender, KeptRenderTag

    tags = set(tags)
    if not tags:
        return []
    if EVERYTHING in tags:
        entries = KeptRender.objects.all()
    else:
        entries = KeptRender.objects.filter(
            pk__in=KeptRenderTag.objects.filter(tag__in=sorted(tags)).values("entry_id")
        )
    found = list(entries.values_list("pk", "kind", "address"))
    _delete_ids([pk for pk, _kind, _address in found])
    return sorted({address for _pk, kind, address in found if kind == "page" and address})


def forget_all():
    """Delete every kept rendering (tests, the benchmark)."""
    from .models import KeptRender, KeptRenderTag

    KeptRenderTag.objects.all()._raw_delete(connection.alias)
    KeptRender.objects.all()._raw_delete(connection.alias)


def _can_have_children(page):
    model = page.specific_class or type(page)
    return getattr(model, "subpage_types", None) != []


def touched(change):
    """The tags a :class:`library.changes.Change` touches (see the module's docstring)."""
    from .changes import MOVED

    if change.action == MOVED or not change.objects or change.details.get("bulk"):
        return {EVERYTHING}
    tags = {INCOMPLETE}
    named_pages = set()
    for obj in change.objects:
        label = obj._meta.label_lower
        if label in WHOLE_SITE_MODELS or (isinstance(obj, Page) and _can_have_children(obj)):
            return {EVERYTHING}
        tags.add(row_tag(obj))
        if isinstance(obj, Page):
            tags.add(f"list:{(obj.specific_class or type(obj))._meta.label_lower}")
        else:
            tags.add(f"list:{label}")
        key = getattr(obj, "translation_key", None)
        if key is not None:
            tags.add(f"tk:{key}")
        named_pages.update(getattr(obj, field) for field in PAGE_FIELDS if getattr(obj, field, None))
    for pk in change.details.get("descendants") or ():
        tags.add(f"page:{pk}")
    if named_pages:
        keys = Page.objects.filter(pk__in=named_pages).values_list("translation_key", flat=True)
        tags.update(f"named:{key}" for key in keys)
    return tags


class Invalidation(Consumer):
    """Delete what a change touches, in the writer's transaction and again after its commit; then hand the
    addresses of the pages deleted to ``on_invalidated`` (the site renders them again in the worker)."""

    def __init__(self, on_invalidated=None):
        self.on_invalidated = on_invalidated

    def record(self, change):
        tags = touched(change)
        change.recorded["kept"] = (tags, invalidate(tags))

    def committed(self, changes):
        tags, addresses = set(), set()
        for change in changes:
            change_tags, change_addresses = change.recorded.get("kept") or (touched(change), [])
            tags |= change_tags
            addresses.update(change_addresses)
        addresses.update(invalidate(tags))
        if addresses and self.on_invalidated is not None:
            self.on_invalidated(sorted(addresses))


# The consumer (registered by this app); the site gives it what to do with the pages deleted.
invalidation = Invalidation()
