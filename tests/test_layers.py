"""The apps form layers that import downwards only, with no cycles inside an app (import-linter contracts
in pyproject.toml; issue 16)."""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
APPS = CONFIG["root_packages"]
LINT_IMPORTS = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def lint_imports(project):
    """Run lint-imports on ``project`` (a folder holding the apps and pyproject.toml); return (ok, output)."""
    result = subprocess.run(  # noqa: S603 (this interpreter, a fixed command)
        [sys.executable, "-c", LINT_IMPORTS, "--no-cache"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result.returncode == 0, result.stdout + result.stderr


def copy_of_the_apps(tmp_path):
    for app in APPS:
        shutil.copytree(ROOT / app, tmp_path / app, ignore=shutil.ignore_patterns("*.pyc", "__pycache__", "templates"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_apps_keep_their_layers():
    """Every contract is kept: no upward import, no import between sibling apps, no cycle inside an app."""
    ok, output = lint_imports(ROOT)
    assert ok, output
    assert "BROKEN" not in output


def test_the_check_fails_on_an_upward_import_and_on_a_cycle_inside_an_app(tmp_path):
    """The same check on a copy of the apps with a deliberate upward import and a function-local cycle fails."""
    project = copy_of_the_apps(tmp_path)
    (project / "library" / "upward.py").write_text("from cms import page_cache  # noqa\n")
    (project / "search" / "cycle_one.py").write_text("def later():\n    from . import cycle_two  # noqa\n")
    (project / "search" / "cycle_two.py").write_text("from . import cycle_one  # noqa\n")
    ok, output = lint_imports(project)
    assert not ok
    assert "library is not allowed to import cms" in output
    assert "library.upward -> cms.page_cache" in output
    assert "No cycles are allowed in search" in output
    assert ".cycle_two -> .cycle_one" in output
