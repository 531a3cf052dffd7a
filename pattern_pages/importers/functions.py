"""The Local Government Function List (LGFL): themes and the functions within them.

``esd-lgfl-functions-2013.csv`` has ``Identifier,Label,Description,…,Parent identifiers,Parent labels``.
A row without a parent is a theme (``1,Advice and benefits``); a row with one is a function within
that theme (``2,Advice and welfare rights,…,1,Advice and benefits``). The list has two levels.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pattern_pages.models import Function

from .base import Importer, Record, Reference, in_column


class FunctionImporter(Importer):
    model = Function
    key_field = "lgfl_code"
    key_column = "Identifier"
    noun = gettext_lazy("functions")
    item = gettext_lazy("function")
    columns = ("Identifier", "Label", "Description", "Parent identifiers")

    def parse(self, row):
        parent_code = row.integer("Parent identifiers", required=False)
        return Record(
            row,
            {
                "lgfl_code": row.integer("Identifier"),
                "name": row.text("Label", required=True, max_length=255),
                "description": row.text("Description"),
            },
            {"parent": Reference("Parent identifiers", "lgfl_code", parent_code)},
        )

    def check(self, records, existing):
        """A function's parent must be a theme: the list has two levels, theme then function."""
        code_of = {obj.pk: key for key, obj in existing.items()}
        parent_of = {key: code_of.get(obj.parent_id) for key, obj in existing.items()}
        parent_of.update({r.fields["lgfl_code"]: r.references["parent"].value for r in records})
        problems = []
        for record in records:
            parent = record.references["parent"].value
            if parent is not None and parent_of.get(parent) is not None:
                problem = _(
                    "%(parent)s is itself a function within theme %(theme)s; a parent must be a theme (a row with no "
                    "parent)"
                ) % {"parent": parent, "theme": parent_of[parent]}
                problems.append(in_column(record.row.where, "Parent identifiers", problem))
        return problems
