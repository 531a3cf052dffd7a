"""What every reference-data importer shares: reading a CSV, checking each row, and upserting the rows.

An importer reads the whole file, checks every row and reports every problem it finds before it writes
anything. It then creates, updates or leaves alone one row per natural key (``lgsl_code``, ``gss_code``…)
in the default locale, all in one transaction, so a file with a bad row imports nothing.

Problems are reported as ``<file>, line <n>, column "<name>": <problem>``, for example::

    esd-lgsl-services-2015.csv, line 17, column "Identifier": "abc" is not a whole number

The line is the file's line where the row starts (the header is line 1), so it stays right for rows
whose quoted fields span several lines. Problems, notes and the summary are in the active language (an admin
running the command with ``LANGUAGE_CODE = "cy"`` reads them in Welsh).
"""

import csv
import sys
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_slug
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale
from wagtail.search.backends import get_search_backends

from library.changes import SAVED, library_changed
from pattern_pages.text import find_control_character

MAX_ERRORS_SHOWN = 20
# A cell starting with one of these is a spreadsheet formula when the data is exported to CSV again
# and opened in a spreadsheet ("CSV injection"); no real name or description starts with one.
FORMULA_PREFIXES = ("=", "+", "@")


class ImportFailed(Exception):
    """The file cannot be imported; ``problems`` lists every reason, one line each."""

    def __init__(self, problems):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__(self.message)

    @property
    def message(self):
        shown = self.problems[:MAX_ERRORS_SHOWN]
        text = "\n".join(shown)
        if len(self.problems) > len(shown):
            text += "\n" + _("… and %(count)s more problems") % {"count": len(self.problems) - len(shown)}
        return text


class RowError(Exception):
    """One problem with one row, raised while the row is read."""

    def __init__(self, row, column, problem):
        self.row, self.column, self.problem = row, column, problem
        super().__init__(in_column(row.where, column, problem) if column else f"{row.where}: {problem}")


def in_column(where, column, problem):
    """A problem with one cell, e.g. ``services.csv, line 17, column "Identifier": is empty``."""
    return _('%(where)s, column "%(column)s": %(problem)s') % {"where": where, "column": column, "problem": problem}


def at_line(source, line):
    return _("%(source)s, line %(line)s") % {"source": source, "line": line}


def control_character_problem(found):
    position, character = found
    return _("has the control character %(character)s at character %(position)s; remove it") % {
        "character": character,
        "position": position,
    }


@dataclass
class Row:
    """One CSV record, with the line of the file it starts on."""

    source: str
    line: int
    values: dict

    @property
    def where(self):
        return at_line(self.source, self.line)

    def error(self, column, problem):
        return RowError(self, column, problem)

    def raw(self, column):
        value = (self.values.get(column) or "").strip()
        found = find_control_character(value)
        if found:
            raise self.error(column, control_character_problem(found))
        return value

    def text(self, column, *, required=False, max_length=None):
        value = self.raw(column)
        if value.startswith(FORMULA_PREFIXES):
            raise self.error(
                column, _('starts with "%(first)s", which makes it a spreadsheet formula') % {"first": value[0]}
            )
        if required and not value:
            raise self.error(column, _("is empty"))
        if max_length and len(value) > max_length:
            raise self.error(
                column,
                ngettext(
                    "is %(length)s characters long; at most %(max)s is allowed",
                    "is %(length)s characters long; at most %(max)s are allowed",
                    max_length,
                )
                % {"length": len(value), "max": max_length},
            )
        return value

    def integer(self, column, *, required=True):
        value = self.raw(column)
        if not value:
            if required:
                raise self.error(column, _("is empty"))
            return None
        if not value.isdigit():
            raise self.error(column, _('"%(value)s" is not a whole number') % {"value": value})
        return int(value)

    def choice(self, column, choices: dict):
        """The value of ``choices`` for this column's text, e.g. ``{"CTY": CouncilType.COUNTY}``."""
        value = self.raw(column)
        if value not in choices:
            allowed = ", ".join(key for key in choices if key)
            if value:
                problem = _('"%(value)s" is not one of: %(allowed)s') % {"value": value, "allowed": allowed}
            else:
                problem = _("the empty value is not one of: %(allowed)s") % {"allowed": allowed}
            raise self.error(column, problem)
        return choices[value]

    def slug(self, column, *, max_length=None):
        value = self.text(column, required=True, max_length=max_length)
        try:
            validate_slug(value)
        except ValidationError:
            raise self.error(
                column, _('"%(value)s" is not a slug (letters, digits, hyphens and underscores)') % {"value": value}
            ) from None
        return value

    def url(self, column, *, required=False, max_length=200):
        value = self.text(column, required=required, max_length=max_length)
        if value:
            try:
                URLValidator(schemes=["http", "https"])(value)
            except ValidationError:
                raise self.error(
                    column, _('"%(value)s" is not a web address (http:// or https://)') % {"value": value}
                ) from None
        return value


def read_csv(path, required_columns: Iterable[str]) -> list[Row]:
    """Every non-blank record of a UTF-8 CSV file (a byte-order mark is allowed), as ``Row`` objects.

    A trailing empty column (``a,b,c,`` on every line, as the esd lists have) is ignored. A header
    without ``required_columns`` is refused, naming the missing ones.
    """
    path = Path(path)
    source = path.name
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return _read_records(handle, source, list(required_columns))
    except FileNotFoundError:
        raise ImportFailed(_("%(path)s: there is no such file") % {"path": path}) from None
    except IsADirectoryError:
        raise ImportFailed(_("%(path)s: is a folder, not a CSV file") % {"path": path}) from None
    except UnicodeDecodeError as error:
        raise ImportFailed(
            _("%(source)s: is not UTF-8 text (byte %(byte)s at position %(position)s); save it as UTF-8 CSV")
            % {"source": source, "byte": f"{error.object[error.start]:#04x}", "position": error.start}
        ) from None


def _read_records(handle, source, required_columns):
    reader = csv.reader(handle)
    try:
        header = next(reader, None)
        if header is None:
            raise ImportFailed(
                _("%(source)s: the file is empty; expected a header row with %(columns)s")
                % {"source": source, "columns": _quoted(required_columns)}
            )
        header = [name.strip() for name in header]
        while header and not header[-1]:
            header.pop()
        missing = [name for name in required_columns if name not in header]
        if missing:
            raise ImportFailed(
                ngettext(
                    "%(source)s: the header row is missing the column %(missing)s (it has %(header)s)",
                    "%(source)s: the header row is missing the columns %(missing)s (it has %(header)s)",
                    len(missing),
                )
                % {"source": source, "missing": _quoted(missing), "header": _quoted(header)}
            )
        rows, errors = [], []
        previous_end = reader.line_num
        for fields in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not any(value.strip() for value in fields):
                continue
            while len(fields) > len(header) and not fields[-1].strip():
                fields.pop()
            if len(fields) != len(header):
                errors.append(
                    _("%(where)s: has %(fields)s fields but the header has %(header)s")
                    % {"where": at_line(source, start), "fields": len(fields), "header": len(header)}
                )
                continue
            rows.append(Row(source, start, dict(zip(header, fields, strict=True))))
    except csv.Error as error:
        raise ImportFailed(
            _("%(where)s: cannot be read as CSV (%(error)s)")
            % {"where": at_line(source, reader.line_num), "error": error}
        ) from None
    if errors:
        raise ImportFailed(errors)
    return rows


def already_used(row, column, key, line):
    """A natural key given twice in a file."""
    return in_column(
        row.where, column, _("%(key)s is already used on line %(line)s; each appears once") % {"key": key, "line": line}
    )


def _quoted(names):
    return ", ".join(f'"{name}"' for name in names)


@dataclass
class Reference:
    """A row's link to another row of the same model, found by one of its fields once all rows exist.

    E.g. a district's parent county: ``Reference("county-la", "local_authority_code", "ESS")``.
    """

    column: str
    lookup: str
    value: object
    target_key: object = None


@dataclass
class Record:
    """A checked row: the model field values it sets and the references it makes."""

    row: Row
    fields: dict
    references: dict = field(default_factory=dict)


@dataclass
class ImportSummary:
    noun: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    notes: list = field(default_factory=list)

    def __str__(self):
        noun = str(self.noun)
        counts = _("%(noun)s: %(created)s created, %(updated)s updated, %(unchanged)s unchanged.") % {
            "noun": noun[:1].upper() + noun[1:],
            "created": f"{self.created:,}",
            "updated": f"{self.updated:,}",
            "unchanged": f"{self.unchanged:,}",
        }
        return "\n".join([counts, *self.notes])


class Progress:
    """A one-line progress counter, shown only when ``stream`` is a terminal."""

    def __init__(self, label, total, stream=None):
        self.label, self.total, self.done = label, total, 0
        self.stream = stream if stream is not None else sys.stderr
        self.shown = bool(total) and hasattr(self.stream, "isatty") and self.stream.isatty()

    def advance(self, count=1):
        self.done += count
        if self.shown and (self.done % 50 == 0 or self.done == self.total):
            width = 30
            filled = width * self.done // self.total
            self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {self.done:,}/{self.total:,}")
            self.stream.flush()

    def finish(self):
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


class Importer:
    """Reads one kind of reference list into one taxonomy model.

    A subclass sets ``model``, ``key_field`` (the natural key), ``noun`` (what the file holds, plural, e.g.
    "councils"), ``item`` (one of them, named in a problem) and ``columns`` and turns each ``Row`` into a
    ``Record`` in ``parse``; it may override ``read`` (several files) and ``check`` (rules that look at
    several rows). ``noun`` and ``item`` are translatable (``gettext_lazy``).
    """

    model = None
    key_field = ""
    key_column = ""
    noun = ""
    item = ""
    columns: tuple = ()
    batch_size = 500

    def __init__(self, path, *, progress_stream=None):
        self.path = Path(path)
        self.progress_stream = progress_stream
        self.notes = []

    # Subclass hooks --------------------------------------------------------------------------

    def parse(self, row: Row) -> Record | None:
        """The record for ``row``, or None to leave the row out (say why in ``self.notes``)."""
        raise NotImplementedError

    def read(self) -> list[Row]:
        return read_csv(self.path, self.columns)

    def records(self, rows, existing) -> tuple[list[Record], list[str]]:
        """Parse every row; returns the records and the problems found (one string each)."""
        records, problems, seen = [], [], {}
        for row in rows:
            try:
                record = self.parse(row)
            except RowError as error:
                problems.append(str(error))
                continue
            if record is None:
                continue
            key = record.fields[self.key_field]
            if key in seen:
                problems.append(already_used(row, self.key_column, key, seen[key].line))
                continue
            seen[key] = row
            records.append(record)
        return records, problems

    def check(self, records, existing) -> list[str]:
        """Problems that only show when rows are looked at together (none by default)."""
        return []

    # The import ------------------------------------------------------------------------------

    def run(self) -> ImportSummary:
        rows = self.read()
        locale = Locale.get_default()
        with transaction.atomic():
            existing = {getattr(obj, self.key_field): obj for obj in self.model.objects.filter(locale=locale)}
            records, problems = self.records(rows, existing)
            problems += self.check(records, existing)
            if not problems:
                problems = self._resolve_references(records, existing)
            if problems:
                raise ImportFailed(problems)
            summary = self._write(records, existing, locale)
        summary.notes = self.notes
        return summary

    def _resolve_references(self, records, existing):
        """Point each reference at a row in the file or already in the library; report those that are neither."""
        by_lookup: dict[str, dict] = {}
        problems = []
        for record in records:
            for reference in record.references.values():
                if reference.value in (None, ""):
                    continue
                index = by_lookup.get(reference.lookup)
                if index is None:
                    index = {getattr(obj, reference.lookup): key for key, obj in existing.items()}
                    index.update({r.fields.get(reference.lookup): r.fields[self.key_field] for r in records})
                    by_lookup[reference.lookup] = index
                if reference.value not in index:
                    lookup_name = self.model._meta.get_field(reference.lookup).verbose_name
                    problem = _('there is no %(item)s with %(field)s "%(value)s" in the file or the library') % {
                        "item": self.item or self.model._meta.verbose_name,
                        "field": lookup_name,
                        "value": reference.value,
                    }
                    problems.append(in_column(record.row.where, reference.column, problem))
                else:
                    reference.target_key = index[reference.value]
                    if reference.target_key == record.fields[self.key_field]:
                        problems.append(
                            in_column(record.row.where, reference.column, _("a row cannot refer to itself"))
                        )
        return problems

    def _write(self, records, existing, locale):
        summary = ImportSummary(self.noun)
        progress = Progress(_("Importing %(noun)s") % {"noun": self.noun}, len(records), self.progress_stream)
        to_create, to_update, changed_fields = [], [], set()
        status = {}
        for record in records:
            key = record.fields[self.key_field]
            obj = existing.get(key)
            if obj is None:
                obj = self.model(locale=locale, **record.fields)
                # bulk_create() does not call save(); the field default gives each row its own key,
                # set here explicitly because translations are found through it.
                obj.translation_key = uuid.uuid4()
                to_create.append(obj)
                status[key] = "created"
            else:
                differing = [name for name, value in record.fields.items() if getattr(obj, name) != value]
                for name in differing:
                    setattr(obj, name, record.fields[name])
                if differing:
                    to_update.append(obj)
                    changed_fields.update(differing)
                status[key] = "updated" if differing else "unchanged"
            progress.advance()
        progress.finish()
        self.model.objects.bulk_create(to_create, batch_size=self.batch_size)
        if to_update:
            self.model.objects.bulk_update(to_update, sorted(changed_fields), batch_size=self.batch_size)

        # References are set once every row has a primary key, since rows may refer to later ones.
        all_objects = {**existing, **{getattr(obj, self.key_field): obj for obj in to_create}}
        relinked, relinked_fields = {}, set()
        for record in records:
            key = record.fields[self.key_field]
            obj = all_objects[key]
            for name, reference in record.references.items():
                target = all_objects.get(reference.target_key)
                target_id = target.pk if target is not None else None
                if getattr(obj, f"{name}_id") != target_id:
                    setattr(obj, f"{name}_id", target_id)
                    relinked[key] = obj
                    relinked_fields.add(name)
                    if status[key] == "unchanged":
                        status[key] = "updated"
        if relinked:
            self.model.objects.bulk_update(relinked.values(), sorted(relinked_fields), batch_size=self.batch_size)

        for value in status.values():
            setattr(summary, value, getattr(summary, value) + 1)
        self._changed([*to_create, *to_update, *relinked.values()])
        return summary

    def _changed(self, objects):
        """Say the rows changed, as saving them one by one would have (bulk writes send no signals): the
        change feed, webhooks, the library's search index and the version follow (``library_changed``), and
        Wagtail's own search index."""
        if not objects:
            return
        unique = list({obj.pk: obj for obj in objects}.values())
        library_changed(SAVED, *unique, bulk=True)
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(self.model, unique)
