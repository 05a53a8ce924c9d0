"""`bscportal diff`: what changed between two revisions, in scorecard terms, grouped by unit.

Modules, by job:

- `changes`: the result types (`Change`, `Group`, `ChangeSet`) and `history` (a unit's
  revisions, for the 修订记录 pages);
- comparing two typed cities by id: `fields` (field by field, values as the site shows them),
  `entities` (lists of entities: added, removed, renamed, moved, changed), `units` (a unit's
  strategy side), `periods` (scales, rules, results), `city` (the city's own files) and
  `compare` (both editions, internal changes marked);
- `revision`: a city as it was at a git revision (or in the working tree);
- outputs, one module per format: `describe` (one change as one sentence), `markdown`,
  `text`, `jsonout`.

It sits beside `render` (it reads values through `render.fmt` and filters the public side with
`render.edition.public_city`); `site` uses it to build the history pages, `cli` to print.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..i18n import tr
from .compare import Comparison, compare
from .revision import Repo, RevisionError, changed_units

#: output formats of `bscportal diff`
FORMATS = ("markdown", "text", "json")


def diff_revisions(scorecards: Path, base: str, head: str | None = None,
                   as_of: dt.date | None = None) -> Comparison:
    """Changes from commit `base` to commit `head` (None: the working tree) of the scorecards
    under `scorecards`. A result counts as recorded (rewriting it is a warning) when its period
    ended before `as_of`: by default the day `head` was committed, or today for the working
    tree. Raises `RevisionError` when git cannot give either side."""
    repo = Repo.find(scorecards)
    if repo is None:
        raise RevisionError(tr("{path} 不在 git 仓库里：diff 比较的是两个 git 版本", path=scorecards))
    base_sha = repo.resolve(base)
    head_sha = repo.resolve(head) if head is not None else None
    changed = repo.changed(base_sha, head_sha)
    wanted = changed_units(changed)
    old = repo.snapshot(base_sha, wanted, label=base if len(base) < 20 else repo.short(base_sha))
    new = repo.snapshot(head_sha, wanted, label=(head if len(head) < 20 else repo.short(head_sha))
                        if head is not None and head_sha is not None else "")
    return compare(old, new, as_of or (repo.date(head_sha) if head_sha else dt.date.today()))


def render(comparison: Comparison, fmt: str, edition: str) -> str:
    """The changes of `edition` (`internal`: all, internal ones marked) in format `fmt`."""
    from . import jsonout, markdown, text

    cs = comparison.edition(edition)
    writer = {"markdown": markdown.render, "text": text.render, "json": jsonout.render}[fmt]
    return writer(cs, edition)


__all__ = ["Comparison", "FORMATS", "Repo", "RevisionError", "compare", "diff_revisions", "render"]
