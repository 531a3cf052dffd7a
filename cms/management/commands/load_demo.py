"""Load the demo library (idempotent). The content itself is in ``pattern_pages/demo/``.

When the reference data folder (``<project>/../shared/data``) exists, the full official lists are imported
first with the importer commands, and the demo's own taxonomy rows merge into them by natural key.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand
from django.db import transaction

from cms.demo import load_demo

# (command, the file it reads, {option: file}), in the order they depend on each other.
IMPORTS = [
    ("import_functions", "esd-lgfl-functions-2013.csv", {}),
    ("import_services", "esd-lgsl-services-2015.csv", {"--tiers": "govuk-publisher-local-services-lgsl-tiers.csv"}),
    (
        "import_councils",
        "mysociety-uk-local-authorities-current.csv",
        {"--homepages": "govuk-local-links-manager-local-authorities.csv"},
    ),
    ("import_design_system", "govuk-design-system-patterns-and-components.csv", {}),
]


def default_reference_data():
    """``$REFERENCE_DATA_DIR``, else ``settings.REFERENCE_DATA_DIR``, else ``<project>/../shared/data``."""
    folder = os.environ.get("REFERENCE_DATA_DIR") or getattr(settings, "REFERENCE_DATA_DIR", None)
    return Path(folder) if folder else Path(settings.BASE_DIR).parent / "shared" / "data"


class Command(BaseCommand):
    help = "Build the demo pattern library: taxonomies, patterns, processes and guidance. Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reference-data",
            type=Path,
            default=None,
            help="Folder with the official lists to import first (default: <project>/../shared/data if it exists).",
        )
        parser.add_argument(
            "--no-reference-data", action="store_true", help="Load only the demo's own rows, even if the lists exist."
        )

    def handle(self, *args, **options):
        folder = options["reference_data"] or default_reference_data()
        with transaction.atomic():
            if not options["no_reference_data"] and folder.is_dir():
                self.import_reference_data(folder)
            summary = load_demo()
        for line in summary.lines():
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))

    def import_reference_data(self, folder):
        available = get_commands()
        for command, name, options in IMPORTS:
            if command not in available or not (folder / name).exists():
                continue
            arguments = [str(folder / name)]
            for option, option_file in options.items():
                if (folder / option_file).exists():
                    arguments += [option, str(folder / option_file)]
            self.stdout.write(f"{command} {name}")
            call_command(command, *arguments, stdout=self.stdout, stderr=self.stderr)
