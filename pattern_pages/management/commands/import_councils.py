from pattern_pages.importers import CouncilImporter
from pattern_pages.importers.command import ImportCommand


class Command(ImportCommand):
    help = "Import UK councils from mySociety's uk_local_authorities_current.csv (current ones unless --all)."
    file_help = "mySociety's local authorities CSV (local-authority-code, official-name, gss-code, …)"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--all", action="store_true", help="also import past councils, marked as not current")
        parser.add_argument(
            "--homepages",
            metavar="PATH",
            help="GOV.UK's local-authorities CSV (gss, homepage_url), which gives councils' websites",
        )

    def get_importer(self, path, options, progress_stream):
        return CouncilImporter(
            path, include_past=options["all"], homepages_path=options["homepages"], progress_stream=progress_stream
        )
