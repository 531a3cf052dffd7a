from pattern_pages.importers import FunctionImporter
from pattern_pages.importers.command import ImportCommand


class Command(ImportCommand):
    help = "Import the Local Government Function List (esd-lgfl-functions-2013.csv): themes and functions."
    file_help = "the LGFL CSV (Identifier, Label, Description, …, Parent identifiers)"

    def get_importer(self, path, options, progress_stream):
        return FunctionImporter(path, progress_stream=progress_stream)
