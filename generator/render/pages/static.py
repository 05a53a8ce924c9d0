"""Hand-written pages: `content/pages/*.md` staged as they are (e.g. `about.md`).

The nav links to `about.md`; when `content/pages/about.md` is missing a short generated one
takes its place so the link never breaks.
"""
from __future__ import annotations

from typing import Iterable

from .. import paths
from ..context import SiteContext
from ..escape import md
from ..output import Output

KIND = "static"


def fallback_about(site: SiteContext) -> Output:
    text = (f"---\ntitle: 关于本站\n---\n\n# 关于本站\n\n{md(site.city.info.full_name or site.city.name)}"
            f"平衡计分卡门户（{site.edition_name}）。\n\n{md(site.city.info.disclaimer)}\n")
    return Output(paths.ABOUT, text.encode("utf-8"))


def outputs(site: SiteContext) -> Iterable[Output]:
    folder = site.pages_dir
    seen: set[str] = set()
    if folder is not None and folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                rel = path.relative_to(folder).as_posix()
                seen.add(rel)
                yield Output(rel, path.read_bytes())
    if paths.ABOUT not in seen:
        yield fallback_about(site)
