from pattern_pages.importers import ServiceImporter
from pattern_pages.importers.command import ImportCommand


class Command(ImportCommand):
    help = "Import the Local Government Service List (esd-lgsl-services-2015.csv), optionally with GOV.UK's tiers."
    file_help = "the LGSL CSV (Identifier, Label, Description, …)"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--tiers",
            metavar="PATH",
            help="GOV.UK's local services CSV (LGSL, Description, Providing Tier), which adds providing tiers",
        )

    def get_importer(self, path, options, progress_stream):
        return ServiceImporter(path, tiers_path=options["tiers"], progress_stream=progress_stream)
