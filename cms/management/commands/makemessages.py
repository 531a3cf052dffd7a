"""``makemessages`` that reads only the project's own code.

Django's command walks every folder under the current one; ours holds the virtualenv, npm's packages, the tests
and the benchmarks, whose strings are not the interface's. ``make messages`` and the catalogue test both use
this command, so what a translator gets and what CI checks is the same list.
"""

from django.core.management.commands import makemessages

# Folders whose text never reaches a user of the site or the admin.
NOT_INTERFACE = [
    ".venv",
    "node_modules",
    "tests",
    "bench",
    "static",
    "staticfiles",
    "media",
    "test-results",
    "locale",
]


class Command(makemessages.Command):
    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *NOT_INTERFACE]
        return super().handle(*args, **options)
