"""Importers for the public reference lists described in ``../shared/data/SOURCES.md``."""

import os
from pathlib import Path

from django.conf import settings

from .base import ImportFailed, ImportSummary
from .councils import CouncilImporter
from .design_system import DesignSystemImporter
from .functions import FunctionImporter
from .services import ServiceImporter

__all__ = [
    "CouncilImporter",
    "DesignSystemImporter",
    "FunctionImporter",
    "ImportFailed",
    "ImportSummary",
    "ServiceImporter",
    "reference_data_dir",
]


def reference_data_dir() -> Path | None:
    """The folder of public reference lists: ``$REFERENCE_DATA_DIR``, else ``<project>/../shared/data``.

    None when it does not exist, since the project does not ship copies of the files.
    """
    folder = Path(os.environ.get("REFERENCE_DATA_DIR") or Path(settings.BASE_DIR).parent / "shared" / "data")
    return folder if folder.is_dir() else None
