"""bpmn-js and bpmn-moddle from npm, for the tests that check the BPMN export the way process tools read it.

They are installed once into a cache folder outside the project (``BPMN_TOOLS_CACHE``, by default
``~/.cache/localgov-pattern-library/bpmn-tools``) at the versions ``package.json`` pins for the site's
viewer; a test skips, saying why, when npm is missing or the registry cannot be reached. Test workers
running side by side (pytest-xdist) take turns through a lock file, so only one of them installs."""

import fcntl
import json
import os
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from django.conf import settings

BPMN_MODDLE_VERSION = "10.3.1"


def bpmn_js_version():
    return json.loads((Path(settings.BASE_DIR) / "package.json").read_text())["dependencies"]["bpmn-js"]


@cache
def tools_dir():
    """The cache folder holding node_modules/bpmn-js and node_modules/bpmn-moddle, or a reason string."""
    root = Path(os.environ.get("BPMN_TOOLS_CACHE", Path.home() / ".cache" / "localgov-pattern-library" / "bpmn-tools"))
    root = root / f"bpmn-js-{bpmn_js_version()}-moddle-{BPMN_MODDLE_VERSION}"
    root.mkdir(parents=True, exist_ok=True)
    with (root.parent / f"{root.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        return _install(root)


def _install(root):
    viewer = root / "node_modules" / "bpmn-js" / "dist" / "bpmn-navigated-viewer.production.min.js"
    moddle = root / "node_modules" / "bpmn-moddle" / "dist" / "index.js"
    if viewer.exists() and moddle.exists():
        return root
    npm = shutil.which("npm")
    if npm is None:
        return "npm is not installed: cannot fetch bpmn-js and bpmn-moddle"
    result = subprocess.run(  # noqa: S603  (fixed arguments)
        [
            npm,
            "install",
            "--no-audit",
            "--no-fund",
            "--no-save",
            "--prefix",
            str(root),
            f"bpmn-js@{bpmn_js_version()}",
            f"bpmn-moddle@{BPMN_MODDLE_VERSION}",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0 or not viewer.exists():
        return f"npm could not install bpmn-js and bpmn-moddle (registry unreachable?): {result.stderr[-300:]}"
    return root


def require_tools():
    found = tools_dir()
    if isinstance(found, str):
        pytest.skip(found)
    return found
