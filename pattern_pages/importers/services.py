"""The Local Government Service List (LGSL), optionally with GOV.UK's providing tiers.

``esd-lgsl-services-2015.csv`` (columns ``Identifier,Label,Description,…``) gives each service's
code, name and description. ``govuk-publisher-local-services-lgsl-tiers.csv`` (``LGSL,Description,
Providing Tier``) adds which tier of council provides the services GOV.UK routes to councils, e.g.
``524,Find out about household waste collection,district/unitary``. A tiers row whose code the LGSL
file lacks (LGSL 1788 was added after 2015) creates the service from GOV.UK's wording.
"""

from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pattern_pages.models import ProvidingTier, Service

from .base import Importer, Record, RowError, already_used, read_csv

GOVUK_PREFIX = "Find out about "


class ServiceImporter(Importer):
    model = Service
    key_field = "lgsl_code"
    key_column = "Identifier"
    noun = gettext_lazy("services")
    columns = ("Identifier", "Label", "Description")
    tier_columns = ("LGSL", "Description", "Providing Tier")

    def __init__(self, path, *, tiers_path=None, **kwargs):
        super().__init__(path, **kwargs)
        self.tiers_path = Path(tiers_path) if tiers_path else None

    def read(self):
        rows = read_csv(self.path, self.columns)
        self.tier_rows = read_csv(self.tiers_path, self.tier_columns) if self.tiers_path else []
        return rows

    def parse(self, row):
        return Record(
            row,
            {
                "lgsl_code": row.integer("Identifier"),
                "name": row.text("Label", required=True, max_length=255),
                "description": row.text("Description"),
            },
        )

    def records(self, rows, existing):
        records, problems = super().records(rows, existing)
        tiers, tier_problems = self._tiers()
        problems += tier_problems
        by_code = {record.fields["lgsl_code"]: record for record in records}
        for code, (row, tier, wording) in tiers.items():
            record = by_code.get(code)
            if record is not None:
                record.fields["providing_tier"] = tier
                continue
            # Not in the LGSL file: GOV.UK's task wording ("Find out about X") gives the name.
            name = wording.removeprefix(GOVUK_PREFIX)
            name = name[:1].upper() + name[1:]
            fields = {"lgsl_code": code, "name": name, "description": wording, "providing_tier": tier}
            records.append(Record(row, fields))
            self.notes.append(
                _("LGSL %(code)s is not in %(file)s; it was named from %(source)s: %(name)s.")
                % {"code": code, "file": self.path.name, "source": row.source, "name": name}
            )
        return records, problems

    def _tiers(self):
        tiers, problems, seen = {}, [], {}
        tier_choices = {tier.value: tier.value for tier in ProvidingTier}
        for row in self.tier_rows:
            try:
                code = row.integer("LGSL")
                wording = row.text("Description", required=True, max_length=255 + len(GOVUK_PREFIX))
                tier = row.choice("Providing Tier", tier_choices)
            except RowError as error:
                problems.append(str(error))
                continue
            if code in seen:
                problems.append(already_used(row, "LGSL", code, seen[code]))
                continue
            seen[code] = row.line
            tiers[code] = (row, tier, wording)
        return tiers, problems
