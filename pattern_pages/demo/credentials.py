"""The local install's demo credentials (the admin's generated password, the demo supplier's API key), kept in
a file beside the project so that ``make run`` can print them every time, not only on the run that made them.

The database holds only hashes. The file is git-ignored, readable by its owner only, and keyed by database
(``DATABASE_URL`` can point one checkout at several), e.g.
``{"sqlite:/path/db.sqlite3": {"demo_api_key": "lgpl_…", "admin": {"username": "admin", "password": "…"}}}``.
A production install sets ADMIN_PASSWORD and never loads the demo.
"""

import json
import os
from pathlib import Path

from django.conf import settings
from django.db import connection


def path():
    return Path(getattr(settings, "DEMO_CREDENTIALS_FILE", Path(settings.BASE_DIR) / ".demo-credentials.json"))


def database_label():
    database = connection.settings_dict
    return f"{connection.vendor}:{database.get('HOST') or ''}:{database.get('PORT') or ''}/{database['NAME']}"


def _all():
    try:
        return json.loads(path().read_text())
    except (OSError, ValueError):
        return {}


def read():
    """This database's credentials: ``{"demo_api_key": …, "admin": {…}}`` (empty when none were kept)."""
    entry = _all().get(database_label())
    return entry if isinstance(entry, dict) else {}


def remember(**values):
    data = _all()
    data.setdefault(database_label(), {}).update(values)
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True)
    # Created readable by its owner only; written whole, then moved into place.
    temporary = target.with_suffix(f".{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        json.dump(data, handle, indent=2, sort_keys=True)
    temporary.replace(target)
