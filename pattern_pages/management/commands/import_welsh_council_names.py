"""Give Welsh councils their Welsh names, from the GOV.UK register of Welsh principal local authorities.

    manage.py import_welsh_council_names ../shared/data/register-principal-local-authority-wls-2018.tsv

Each row (``principal-local-authority``, ``name-cy``, ``official-name-cy``, ``end-date``) names a council
by its register code, e.g. CRF for Cardiff; the council imported by ``import_councils`` with that code gets
(or keeps up to date) a Welsh (cy) translation carrying the Welsh names. Safe to run twice. It reports in the
active language, as the ``import_*`` commands do.
"""

import csv

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from pattern_pages.importers.base import ImportSummary, at_line, control_character_problem, in_column
from pattern_pages.models import Council
from pattern_pages.text import find_control_character

REQUIRED_COLUMNS = ["principal-local-authority", "name-cy", "official-name-cy"]


class Command(BaseCommand):
    help = "Create or update the Welsh translations of councils from the register's Welsh names (TSV)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="register-principal-local-authority-wls TSV (tab-separated)")

    def read_rows(self, path):
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle, delimiter="\t")
                missing = [column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or [])]
                if missing:
                    raise CommandError(
                        _("%(path)s: missing column(s) %(columns)s; is this the register TSV?")
                        % {"path": path, "columns": ", ".join(missing)}
                    )
                rows = list(reader)
        except OSError as error:
            raise CommandError(_("Cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}) from None
        for line, row in enumerate(rows, start=2):
            for column in REQUIRED_COLUMNS:
                found = find_control_character(row.get(column))
                if found:
                    raise CommandError(in_column(at_line(path, line), column, control_character_problem(found)))
        return rows

    @transaction.atomic
    def handle(self, *args, **options):
        rows = self.read_rows(options["path"])
        english = Locale.get_default()
        welsh, _created = Locale.objects.get_or_create(language_code="cy")
        created = updated = unchanged = 0
        not_in_library = []
        for row in rows:
            if (row.get("end-date") or "").strip():
                continue  # an abolished authority
            code = row["principal-local-authority"].strip()
            council = Council.objects.filter(locale=english, local_authority_code=code).first()
            if council is None:
                not_in_library.append(code)
                continue
            names = {
                "name": row["name-cy"].strip() or council.name,
                "official_name": row["official-name-cy"].strip() or council.official_name,
            }
            translation = council.get_translation_or_none(welsh)
            if translation is None:
                translation = council.copy_for_translation(welsh)
                created += 1
            elif all(getattr(translation, field) == value for field, value in names.items()):
                unchanged += 1
                continue
            else:
                updated += 1
            for field, value in names.items():
                setattr(translation, field, value)
            translation.save()
        summary = ImportSummary(_("Welsh council names"), created, updated, unchanged)
        self.stdout.write(self.style.SUCCESS(str(summary)))
        if not_in_library:
            self.stdout.write(
                _("%(count)s register code(s) match no council in the library (run import_councils first): %(codes)s")
                % {"count": len(not_in_library), "codes": ", ".join(sorted(not_in_library))}
            )
