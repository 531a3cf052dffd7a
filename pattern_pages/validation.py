"""Checks that need more than one block: a process step must name a role, system and legislation
entry the same process defines, and the steps' ways out must make a process (see ``process_flow``):
each names a step that exists or an outcome, every step is reachable, and none is a dead end.

The page form shows each problem on the block and field at fault; ``Page.clean`` runs the same checks
so that nothing saved by other routes (importers, the shell) escapes them.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .process_flow import flow_errors

LEGISLATION_HOSTS = ("www.legislation.gov.uk", "legislation.gov.uk")


def is_legislation_url(url):
    """True for an https or http URL on legislation.gov.uk, e.g. https://www.legislation.gov.uk/ukpga/1998/31."""
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and parts.hostname in LEGISLATION_HOSTS and len(parts.path) > 1


def _names(stream_value, field="name"):
    return {str(child.value.get(field, "")).strip() for child in stream_value or []}


def process_step_errors(roles, systems, steps, legislation):
    """Return ``{step_index: {child_name: message}}`` for the steps of a process that do not fit it.

    >>> process_step_errors(roles, systems, steps, legislation)
    {2: {'role': "'Caseworker' is not one of this process's roles: Resident, Admissions officer."}}
    """
    role_names = _names(roles)
    system_names = _names(systems)
    legislation_titles = _names(legislation, "title")
    refs = [str(child.value.get("ref", "")) for child in steps or []]
    errors = {}
    seen = set()
    for index, child in enumerate(steps or []):
        step = child.value
        step_errors = {}
        ref = refs[index]
        if ref in seen:
            step_errors["ref"] = _("Another step already uses the reference '%(ref)s'.") % {"ref": ref}
        seen.add(ref)
        role = str(step.get("role") or "").strip()
        if role and role not in role_names:
            step_errors["role"] = _("'%(name)s' is not one of this process's roles: %(known)s.") % {
                "name": role,
                "known": ", ".join(sorted(role_names)) or _("none defined yet"),
            }
        system = str(step.get("system") or "").strip()
        if system and system not in system_names:
            step_errors["system"] = _("'%(name)s' is not one of this process's systems: %(known)s.") % {
                "name": system,
                "known": ", ".join(sorted(system_names)) or _("none defined yet"),
            }
        law = str(step.get("legislation") or "").strip()
        if law and law not in legislation_titles:
            step_errors["legislation"] = _(
                "'%(name)s' is not the title of one of this process's legislation entries: %(known)s."
            ) % {"name": law, "known": ", ".join(sorted(legislation_titles)) or _("none defined yet")}
        if step_errors:
            errors[index] = step_errors
    for index, fields in flow_errors([child.value for child in steps or []]).items():
        for name, message in fields.items():
            errors.setdefault(index, {}).setdefault(name, message)
    return errors


def stream_field_errors(page):
    """Run every StreamField's block validation, as the editor's form does: ``{field_name: error}``.

    Saving a page (``full_clean``) calls this, so content saved without the form (the demo loader, importers,
    the shell) meets the same rules, e.g. a research rating of 0 to 3.
    """
    from wagtail.fields import StreamField

    errors = {}
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            try:
                field.stream_block.clean(getattr(page, field.name))
            except ValidationError as error:
                errors[field.name] = error
    return errors


def as_stream_error(errors):
    """Turn ``process_step_errors`` output into the error the StreamField widget shows on each block."""
    from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

    return StreamBlockValidationError(
        block_errors={
            index: StructBlockValidationError(
                block_errors={name: ValidationError(message) for name, message in fields.items()}
            )
            for index, fields in errors.items()
        }
    )
