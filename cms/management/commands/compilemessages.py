"""``compilemessages`` for the project's own catalogues only.

Django's command compiles every ``locale`` folder under the current one, which here includes each installed
package's in the virtualenv (slow, and not ours to write). ``make run``, ``make test``, CI and the Dockerfile
call it through ``make translations``.
"""

from django.core.management.commands import compilemessages

from .makemessages import NOT_INTERFACE


class Command(compilemessages.Command):
    def handle(self, *args, **options):
        skipped = [pattern for pattern in NOT_INTERFACE if pattern != "locale"]
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *skipped]
        return super().handle(*args, **options)
