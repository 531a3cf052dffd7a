"""Screens to HTML with GOV.UK Frontend's own Nunjucks macros, in Node, when a revision is saved.

Why Node and not a Jinja port: the site serves govuk-frontend 6.6.0 from npm and the Jinja ports
(govuk-frontend-jinja and its forks) target Frontend 5.x, so their markup would differ from the CSS and
JavaScript the site serves. Rendering with the real macros makes the examples the real markup by
construction. The HTML is stored on the page (``rendered_screens``, so in each revision) keyed by a hash of
the screen's render parts; serving a page never starts Node.
"""

import hashlib
import json
import subprocess
from pathlib import Path

from django.conf import settings

from .nunjucks import screen_parts

SCRIPT = Path(settings.BASE_DIR) / "scripts" / "render-govuk.mjs"

# HTML already rendered in this process, by key: the same parts render the same HTML with the packages
# installed, so a screen saved again on another page or revision does not start Node again. Bounded.
_RENDERED = {}
RENDERED_LIMIT = 2000


class ScreenRenderError(RuntimeError):
    """Node or the GOV.UK Frontend packages are missing, or a macro refused the parameters."""


def parts_key(parts):
    """A stable key for a screen's render parts (JSON with sorted keys, hashed)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:32]


def run_node(payload):
    try:
        completed = subprocess.run(  # noqa: S603 (a fixed script, input as JSON on stdin)
            [getattr(settings, "NODE_BINARY", "node"), str(SCRIPT)],
            input=json.dumps(payload),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ScreenRenderError(f"Could not run Node to render screens: {error}") from error
    if completed.returncode != 0:
        raise ScreenRenderError(f"GOV.UK Frontend could not render the screens: {completed.stderr.strip()[-500:]}")
    return json.loads(completed.stdout)["html"]


def render_parts(parts_list):
    """HTML for each screen's parts, in one Node run: ``[[part, …], …]`` → ``["<h1…", …]``."""
    if not parts_list:
        return []
    return run_node({"screens": parts_list})


def render_templates(sources):
    """Render Nunjucks source with the real macros (used to check the code the site shows)."""
    return run_node({"templates": list(sources)}) if sources else []


def iter_screens(steps):
    """``(step_number, step_value, screen_value)`` for every screen of a pattern's steps, in order."""
    for number, step in enumerate(steps or [], start=1):
        for screen in step.value.get("screens") or []:
            yield number, step.value, screen


def rendered_screens(steps, previous=None, language=None):
    """``{key: html}`` for every screen of a page in ``language``, reusing ``previous`` HTML whose key is
    unchanged (a Welsh screen's parts carry Welsh texts, so its key differs from the English one's)."""
    previous = previous or {}
    wanted = {}
    for _number, _step, screen in iter_screens(steps):
        parts = screen_parts(screen, language)
        wanted.setdefault(parts_key(parts), parts)
    known = {**{key: _RENDERED[key] for key in wanted if key in _RENDERED}, **previous}
    missing = [key for key in wanted if key not in known]
    fresh = dict(zip(missing, render_parts([wanted[key] for key in missing]), strict=True))
    if len(_RENDERED) + len(fresh) > RENDERED_LIMIT:
        _RENDERED.clear()
    _RENDERED.update(fresh)
    return {key: known.get(key, fresh.get(key)) for key in wanted}
