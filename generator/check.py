"""`check` = load every file → validate types → run the rules → check the articles → apply
silences → sort."""
from __future__ import annotations

import datetime as dt
import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .load.articles import Article, load_and_check
from .load.tree import Reads, load_city
from .model import City
from .problems import Problem
from .rules import Context, apply_silence, run_rules
from .scoring.reporting import today


@dataclass(frozen=True)
class CheckResult:
    city: City | None
    problems: list[Problem]
    #: the experience articles that loaded (when a content folder was given), newest first
    articles: list[Article] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def ok(self) -> bool:
        return self.city is not None and not self.errors


def check_tree(root: Path | str, content_root: Path | str | None = None,
               as_of: dt.date | None = None, reads: Reads | None = None) -> CheckResult:
    """Check the scorecards under `root` and, with `content_root`, the experience articles
    under `content_root/articles` (front matter, unit/objective/measure ids, unsafe HTML).
    Date-dependent rules judge as of `as_of` (default: today, or `SOURCE_DATE_EPOCH`); `reads`
    keeps parsed files for the next check in this process (`load.tree.Reads`)."""
    with collection_paused(keep=reads is None):
        return _check_tree(root, content_root, as_of, reads)


@contextmanager
def collection_paused(keep: bool = False) -> Iterator[None]:
    """Python's cycle collector paused while `check` reads the city: what it makes is the model,
    which lives on, or garbage without cycles, which reference counting frees at once; every
    collection would walk the whole growing model again, a third of the time of a large city's
    check. Anything with a cycle is collected after, as usual.

    With `keep`, what was made is then left out of later collections (`gc.freeze`): the first
    one would otherwise walk all of it (half a second for 710 units), and each full one again.
    The model holds no cycles, so reference counting still frees it when it is dropped; a process
    that checks again and again (`serve`, with `Reads`) does not keep, as a matter of course."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    except BaseException:
        keep = False   # a failed check made nothing to keep
        raise
    finally:
        if keep:
            gc.freeze()
        if was:
            gc.enable()


def _check_tree(root: Path | str, content_root: Path | str | None, as_of: dt.date | None,
                reads: Reads | None) -> CheckResult:
    loaded = load_city(root, reads)
    problems = list(loaded.problems)
    if loaded.city is not None and loaded.city.locator is not None:
        ctx = Context(loaded.city, loaded.city.locator, frozenset(loaded.broken_units),
                      as_of or today())
        problems.extend(run_rules(ctx))
    articles: list[Article] = []
    if content_root is not None:
        units = loaded.city.units if loaded.city is not None else None
        articles, found = load_and_check(content_root, units, loaded.broken_units)
        problems.extend(found)
    problems = apply_silence(loaded.city, problems)
    return CheckResult(loaded.city, sorted(set(problems)), articles)
