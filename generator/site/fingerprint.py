"""Fingerprints of what a build is made from (digests; equal fingerprints, equal output).

- `code_version()`: the generator's own files (Python, templates) and the versions of the
  libraries whose output the site holds (MkDocs, Material, Markdown, jieba, openpyxl, …): a new
  version of either builds everything again.
- `tree()`: the names and bytes of every file under a folder (the scorecards, the articles, the
  theme).
- `Fingerprint`: an incremental digest of such parts, labelled so that two different lists of
  parts never give the same digest.
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..files import digest

PACKAGE = Path(__file__).resolve().parents[1]
#: distributions whose version changes what a build writes
LIBRARIES = ("mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown", "jieba", "openpyxl",
             "graphviz", "nh3", "Jinja2", "pydantic", "PyYAML", "backrefs",
             "Babel",   # number symbols and month names by language (render/fmt.py)
             "pypinyin")   # pinyin order and ASCII names (render/pinyin.py)


class Fingerprint:
    """`add(label, bytes)` parts; `hexdigest()` of all of them."""

    def __init__(self) -> None:
        self._h = hashlib.blake2b(digest_size=20)

    def add(self, label: str, data: bytes | str) -> "Fingerprint":
        raw = data.encode("utf-8") if isinstance(data, str) else data
        self._h.update(f"{label}\0{len(raw)}\0".encode("utf-8"))
        self._h.update(raw)
        return self

    def hexdigest(self) -> str:
        return self._h.hexdigest()


def tree(folder: Path, *, skip_hidden: bool = True, skip: tuple[str, ...] = (),
         each: dict[str, str] | None = None) -> str:
    """A digest of every file under `folder` (relative names and bytes; no folder: ""), but
    for the folders named in `skip` at its top. `each` receives every file's own `digest`, by
    its path (`folder` joined with its relative name)."""
    if not folder.is_dir():
        return ""
    h = hashlib.blake2b(digest_size=20)
    top = str(folder)
    for dirpath, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not (skip_hidden and d.startswith(".")) and d != "__pycache__"
                         and not (dirpath == top and d in skip))
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, folder).replace(os.sep, "/")
            try:
                data = open(path, "rb").read()
            except OSError:
                data = b"\0unreadable"
            else:
                if each is not None:
                    each[path] = digest(data)
            h.update(f"{rel}\0{len(data)}\0".encode("utf-8"))
            h.update(data)
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """The generator's source (every file of the package) and the libraries' versions."""
    fp = Fingerprint().add("generator", tree(PACKAGE))
    for name in LIBRARIES:
        try:
            fp.add(name, metadata.version(name))
        except metadata.PackageNotFoundError:
            fp.add(name, "-")
    return fp.hexdigest()
