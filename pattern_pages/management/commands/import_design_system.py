from pattern_pages.importers import DesignSystemImporter
from pattern_pages.importers.command import ImportCommand


class Command(ImportCommand):
    help = "Import GOV.UK Design System components and patterns (govuk-design-system-patterns-and-components.csv)."
    file_help = "the components and patterns CSV (type, slug, title, description, theme, aliases, status, url)"

    def get_importer(self, path, options, progress_stream):
        return DesignSystemImporter(path, progress_stream=progress_stream)
