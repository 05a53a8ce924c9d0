"""The search-worker patch applies to the installed Material (fails when Material changes its
worker: re-check generator/site/searchfix.py against the new bundle then)."""
from __future__ import annotations

from pathlib import Path

import material

from generator.site.searchfix import MARKER, PATCHES, patch_source

WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"


def test_every_patch_applies_to_the_installed_worker():
    [worker] = list(WORKERS.glob("search.*.min.js"))
    source = worker.read_text(encoding="utf-8")
    patched, missing = patch_source(source)
    assert missing == []
    assert patched.startswith(MARKER) and "__bscStop" in patched
    assert "<=" in patched and "QueryLexer.termSeparator=new RegExp" in patched.replace(
        "lunr.tokenizer.separator=lunr.QueryLexer.termSeparator=", "QueryLexer.termSeparator=")
    assert patch_source(patched) == (patched, [])          # idempotent


def test_unknown_worker_is_left_alone():
    source = '"use strict";(()=>{})();'
    assert patch_source(source) == (source, [p[0] for p in PATCHES])
