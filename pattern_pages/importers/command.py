"""The shared shape of the ``import_*`` management commands: a path in, a summary out."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from .base import ImportFailed


class ImportCommand(BaseCommand):
    """Runs one importer; a subclass names the file it reads and builds the importer from the options. What it
    writes is in the active language: ``settings.LANGUAGE_CODE`` on the command line, or the language a caller of
    ``call_command`` activated."""

    file_help = "the CSV file to import"

    def add_arguments(self, parser):
        parser.add_argument("path", help=self.file_help)

    def get_importer(self, path, options, progress_stream):
        raise NotImplementedError

    def handle(self, *args, **options):
        # The progress bar rewrites one line with "\r", so it goes to the raw stream, not OutputWrapper
        # (which would end every write with a newline); it only shows on a terminal.
        importer = self.get_importer(options["path"], options, progress_stream=self.stderr._out)
        try:
            summary = importer.run()
        except ImportFailed as error:
            raise CommandError(_("Nothing was imported.") + "\n" + error.message) from None
        self.stdout.write(self.style.SUCCESS(str(summary)))
