"""Writes to a page that are not an edit by a person: a default filled in after the fact."""

from .changes import SAVED, library_changed


def set_page_fields(page, only_if_empty=False, **values):
    """Store ``values`` on ``page``'s row and in its latest revision (so the editor shows them and the next
    publish keeps them), without a new revision, and say the library changed.

    ``set_page_fields(page, review_by=date(2027, 11, 22))``. Values go into the revision as Wagtail
    stores them: a date as ISO text, a foreign key as its id. With ``only_if_empty`` a value the
    revision already holds is kept there.
    """
    type(page).objects.filter(pk=page.pk).update(**values)
    for name, value in values.items():
        setattr(page, name, value)
    library_changed(SAVED, page)  # update() sends no signal
    latest = page.latest_revision
    if latest is None:
        return
    patched = False
    for name, value in values.items():
        if only_if_empty and latest.content.get(name) not in (None, ""):
            continue
        stored = getattr(value, "pk", value)
        latest.content[name] = stored.isoformat() if hasattr(stored, "isoformat") else stored
        patched = True
    if patched:
        latest.save(update_fields=["content"])
