"""The Nu HTML Checker (vnu) over the built public edition of the example: no error from our own
templates (generator/render/templates, theme/).

Material for MkDocs' own markup has a few errors we do not patch (overriding its base templates
to fix them would tie us to one Material version); they are listed, each with the reason and the
markup it must come from, in `MATERIAL_MARKUP` — the one place to look. Anything else fails.

vnu comes from the npm registry, pinned in .ci/vnu/package.json and package-lock.json; `make vnu`
(part of `make test`) installs it into .cache/vnu and Java with it (.ci/system-deps.sh --vnu).
Without it the test is skipped, with the command that installs it.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = Path(os.environ.get("BSC_VNU_JAR", ROOT / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build"
                              / "dist" / "vnu.jar"))

#: errors in Material for MkDocs' own markup: (message pattern, pattern the offending markup
#: must match, why it is left). The markup pattern keeps the same message from our templates
#: failing the test.
MATERIAL_MARKUP: list[tuple[str, str, str]] = [
    (r"^Attribute “autocomplete” is only allowed when the input type is",
     r'<input class="md-toggle"[^>]*type="checkbox"',
     "Material's drawer, search and nav toggles are checkbox inputs with autocomplete=\"off\" "
     "(stops Firefox restoring their state on reload); harmless, and only base.html could change it"),
    (r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     r'<label class="md-nav__(title|link)[^"]*" for="__',
     "Material's nav and table-of-contents labels point at toggles (`__toc`, `__nav_N`) that "
     "navigation.prune or the page's layout leaves out, or that are hidden checkboxes"),
    (r"^Bad value “” for attribute “tabindex” on element “label”",
     r'<label class="md-nav__link[^"]*" for="__nav_[^"]*" id="__nav_[^"]*" tabindex="">',
     "Material's nav section labels (partials/nav-item.html) write tabindex=\"\" for sections "
     "that are not expandable"),
]


def _material(message: dict) -> bool:
    extract = message.get("extract", "")
    return any(re.search(pattern, message.get("message", "")) and re.search(markup, extract)
               for pattern, markup, _ in MATERIAL_MARKUP)


@pytest.fixture(scope="module")
def vnu() -> list[str]:
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        pytest.skip(f"the Nu HTML Checker needs Java and {VNU_JAR.relative_to(ROOT) if VNU_JAR.is_relative_to(ROOT) else VNU_JAR}: "
                    "run `make vnu`")
    return [java, "-Xss8m", "-jar", str(VNU_JAR)]


@pytest.fixture(scope="module")
def errors(example_site, vnu: list[str]) -> list[dict]:
    """vnu's errors over every page of the example's public edition (one run, ~10 s)."""
    run = subprocess.run([*vnu, "--errors-only", "--format", "json", "--skip-non-html", str(example_site.public)],
                         capture_output=True, text=True, timeout=900)
    # vnu writes its JSON report to stderr; exit status 1 just means "errors found"
    report = json.loads(run.stderr or run.stdout)
    found = [m for m in report["messages"] if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert found, "vnu reported nothing at all: is it checking the site?"   # Material's errors are always there
    return found


def test_our_html_is_valid(errors: list[dict]) -> None:
    ours = [m for m in errors if not _material(m)]
    summary = Counter(f"{m['message']}  [{Path(m.get('url', '')).name}: {m.get('extract', '').strip()[:120]!r}]"
                      for m in ours)
    assert not ours, "invalid HTML from our templates:\n" + "\n".join(f"{n}× {k}" for k, n in summary.most_common(30))


def test_every_allowed_material_error_still_occurs(errors: list[dict]) -> None:
    """An entry that no longer matches anything (a new Material version fixed it) is removed."""
    for pattern, markup, reason in MATERIAL_MARKUP:
        assert any(re.search(pattern, m.get("message", "")) and re.search(markup, m.get("extract", ""))
                   for m in errors), f"no longer reported, remove it from MATERIAL_MARKUP: {pattern} ({reason})"
