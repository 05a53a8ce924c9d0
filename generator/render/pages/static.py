"""Hand-written pages: `content/pages/*.md` staged as they are (e.g. `about.md`).

The nav links to `about.md`; when `content/pages/about.md` is missing a short generated one
takes its place so the link never breaks.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from ...i18n import tr
from ...load.paths import Tree
from .. import paths
from ..context import SiteContext
from ..escape import md
from ..output import Output

KIND = "static"


def fallback_about(site: SiteContext) -> Output:
    title = tr("关于本站")
    about = tr("{city}平衡计分卡门户（{edition}）。", city=md(site.city.info.full_name or site.city.name),
               edition=site.edition_name)
    disclaimer = f"{md(site.city.info.disclaimer)}\n" if site.city.info.disclaimer else ""
    text = f"---\ntitle: {title}\n---\n\n# {title}\n\n{about}\n\n{disclaimer}"
    return Output(paths.ABOUT, text.encode("utf-8"))


def page_files(folder: Path) -> Iterator[Path]:
    """Every file under `folder`, without following folder links, and only files whose links
    (if any) stay inside it (`check` refuses the others: BSC007; this holds even without it)."""
    tree = Tree(folder, "content/pages")
    for base, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (Path(base) / d).is_symlink())
        for name in sorted(files):
            path = Path(base) / name
            if not name.startswith(".") and path.is_file() and tree.inside(path):
                yield path


def outputs(site: SiteContext) -> Iterable[Output]:
    folder = site.pages_dir
    seen: set[str] = set()
    if folder is not None and folder.is_dir():
        for path in page_files(folder):
            rel = path.relative_to(folder).as_posix()
            seen.add(rel)
            yield Output(rel, path.read_bytes())
    if paths.ABOUT not in seen:
        yield fallback_about(site)
