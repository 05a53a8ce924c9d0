"""The scorecards' revision history from git, in each edition's terms, for the 修订记录 (one per
unit) and 最近更新 (city-wide) pages.

One `git log --name-only` lists the commits that touched the scorecards folder and the files
each changed; each commit is compared with its parent (`diff.compare`) on only the units whose
files it changed (every unit when `registry.yml` changed). A commit's comparison never changes,
so it is cached by commit id (and by the generator's own source, so a new comparison rule
recomputes it) under `<cache>/history/`.

The public edition lists a commit only when its public comparison has a change (a commit that
only touched internal material is left out), and shows its subject only when the subject names
nothing internal (no text that only the internal edition has, of the city as built or of the
commit's internal changes).

Without git, outside a checkout or in a shallow clone the pages say so (`History.note`).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from functools import cached_property
from typing import Callable, Iterable, Iterator

from pydantic import BaseModel

from ..diff.changes import Change, ChangeSet, Group
from ..diff.compare import Comparison, Snapshot, compare
from ..diff.history import History, Revision
from ..i18n import N_, current, tr
from ..diff.revision import CITY_FILES, Repo, RevisionError, changed_units
from ..model import City
from ..render.edition import EDITIONS, Edition, public_city
from .stage import write_if_changed

#: commits compared at most (newest first); older ones are not listed
MAX_COMMITS = 400
#: the histories' notes (marked for the catalogue; `histories` translates them)
NO_GIT = N_("本站的数据文件夹不在 git 仓库中（或构建时没有 git），所以没有修订记录。")
SHALLOW = N_("构建本站时只取回了部分 git 历史（浅克隆），这里只列出取回的提交；"
             "更早的修订没有列出。")
TRUNCATED = N_("这里只列出最近 {n} 次修改计分卡数据的提交。")
HIDDEN_SUBJECT = N_("（提交说明涉及仅内部可见的内容，公开版不显示）")
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: a text that can name something: a Chinese character, or two letters of any script (a name
#: in an English city, an id); numbers alone name nothing
_NAMING = re.compile(r"[\u4e00-\u9fff]|[^\W\d_]{2}")
_SEP = "\x1e"
_FIELD = "\x1f"


@dataclass(frozen=True)
class Commit:
    sha: str
    #: the first parent (None for a root commit or a shallow clone's boundary)
    parent: str | None
    date: str
    subject: str
    #: files it changed, relative to the scorecards folder
    paths: tuple[str, ...]


def _log(repo: Repo) -> list[Commit]:
    raw = repo.git("log", "--no-merges", "--no-renames", f"-n{MAX_COMMITS + 1}",
                   f"--format={_SEP}%H{_FIELD}%P{_FIELD}%cs{_FIELD}%s", "--name-only", "--",
                   repo.folder).decode("utf-8", "replace")
    out = []
    for chunk in raw.split(_SEP)[1:]:
        head, _, names = chunk.partition("\n")
        sha, parents, date, subject = head.split(_FIELD, 3)
        rel = [r for r in (repo.inside(n) for n in names.splitlines() if n) if r is not None]
        out.append(Commit(sha, parents.split()[0] if parents.split() else None, date, subject,
                          tuple(rel)))
    return out


def _shallow(repo: Repo) -> frozenset[str]:
    """Boundary commits of a shallow clone (their parents were not fetched)."""
    try:
        if repo.git("rev-parse", "--is-shallow-repository").decode().strip() != "true":
            return frozenset()
        path = Path(repo.git("rev-parse", "--git-path", "shallow").decode().strip())
        path = path if path.is_absolute() else repo.root / path
        return frozenset(path.read_text(encoding="ascii").split()) if path.is_file() else frozenset()
    except (RevisionError, OSError):
        return frozenset()


def _relevant(c: Commit) -> bool:
    return any(p in CITY_FILES or p.startswith("units/") for p in c.paths)


# -- one commit, cached --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _code_version() -> str:
    """A hash of the generator's source: cached comparisons are redone when it changes."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")) + sorted(package.glob("locale/*/LC_MESSAGES/*.mo")):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _set_json(cs: ChangeSet) -> dict[str, object]:
    return {"base": cs.base, "head": cs.head, "groups": [
        {"unit": g.unit, "name": g.name, "changes": [dataclasses.asdict(c) for c in g.changes]}
        for g in cs.groups]}


def _set_from(data: dict[str, object]) -> ChangeSet:
    groups = data.get("groups")
    assert isinstance(groups, list)
    return ChangeSet(tuple(Group(g["unit"], g["name"], tuple(Change(**c) for c in g["changes"]))
                           for g in groups), str(data.get("base", "")), str(data.get("head", "")))


class _Snapshots:
    """Snapshots by (commit, units): a commit's parent is often the next commit's own side."""

    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.seen: dict[tuple[str, tuple[str, ...] | None], Snapshot] = {}

    def get(self, sha: str, units: list[str] | None) -> Snapshot:
        key = (sha, tuple(units) if units is not None else None)
        if key not in self.seen:
            if len(self.seen) > 4:
                self.seen.pop(next(iter(self.seen)))
            self.seen[key] = self.repo.snapshot(sha, units)
        return self.seen[key]


def _compare(snapshots: _Snapshots, c: Commit) -> Comparison:
    units = changed_units(c.paths)
    base = snapshots.get(c.parent, units) if c.parent else Snapshot(None)
    head = snapshots.get(c.sha, units)
    return compare(base, head, dt.date.fromisoformat(c.date))


def _comparison(snapshots: _Snapshots, c: Commit, cache: Path | None) -> Comparison:
    repo = snapshots.repo
    if cache is None:
        return _compare(snapshots, c)
    # the changes' labels are in the current language: one cached comparison per language
    key = hashlib.sha256(f"{_code_version()}:{current()}:{repo.folder}:{c.sha}:{c.parent}".encode()).hexdigest()
    path = cache / f"{key[:32]}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Comparison(_set_from(data["full"]), _set_from(data["public"]))
    except (OSError, ValueError, KeyError, TypeError, AssertionError):
        pass
    result = _compare(snapshots, c)
    text = json.dumps({"full": _set_json(result.full), "public": _set_json(result.public)},
                      ensure_ascii=False)
    try:
        write_if_changed(path, text.encode("utf-8"))
    except OSError:
        pass   # a read-only cache folder only costs time
    return result


# -- what the public edition may say -------------------------------------------------------------

def _strings(obj: object) -> Iterator[str]:
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _strings(getattr(obj, name))
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            if f.name not in ("files", "folder", "city_rules", "city_perspectives"):
                yield from _strings(getattr(obj, f.name))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from _strings(v)
    elif isinstance(obj, str):
        yield obj


def _texts(city: City) -> set[str]:
    return {_needle(s) for s in _strings([city.info, city.registry, city.glossary,
                                          list(city.units.values())]) if _NAMING.search(s)}


def _needle(text: str) -> str:
    """A text as it is looked for: without whitespace when it has Chinese (found anywhere,
    whatever the spacing), with single spaces otherwise (found as whole words)."""
    return "".join(text.split()) if _HAN.search(text) else " ".join(text.split())


class _Finder:
    """Whether a text mentions any of some needles (`_needle`): Chinese ones anywhere in the
    text without its whitespace, the others as whole words (`secret-post`, `Jonathan Smith`,
    never the `art` of `start`)."""

    def __init__(self, needles: Iterable[str]) -> None:
        self.han = [n for n in needles if _HAN.search(n)]
        words = sorted((n for n in needles if not _HAN.search(n)), key=len, reverse=True)
        self.words = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)") if words else None

    def __call__(self, text: str) -> bool:
        flat = "".join(text.split())
        if any(n in flat for n in self.han):
            return True
        return self.words is not None and self.words.search(" ".join(text.split())) is not None


@dataclass(frozen=True)
class Texts:
    """The city's texts that can name something (`_NAMING`, as `_needle`s) by edition."""

    public: frozenset[str]
    #: texts only the internal edition has, two characters or more: never said in public
    internal: frozenset[str]

    @classmethod
    def of(cls, city: City) -> "Texts":
        public = _texts(public_city(city))
        return cls(frozenset(public), frozenset(t for t in _texts(city) - public if len(t) >= 2))

    @cached_property
    def mentions_internal(self) -> "_Finder":
        """Whether a text names one of `internal` (compiled once per build)."""
        return _Finder(self.internal)


def _public_subject(subject: str, full: ChangeSet, texts: Texts) -> str:
    """The subject, or `HIDDEN_SUBJECT` when it names something internal: a text of the city
    only the internal edition has, or one of this commit's internal changes (a person's old
    name, a removed internal objective) that the public edition does not have."""
    own = {_needle(str(x)) for c in full.changes if c.internal
           for x in (c.name, c.old, c.new) if x and _NAMING.search(str(x))}
    if texts.mentions_internal(subject) or _Finder({o for o in own - texts.public if len(o) >= 2})(subject):
        return tr(HIDDEN_SUBJECT)
    return subject


def _scrub(cs: ChangeSet, mentions: Callable[[str], bool], units: frozenset[str]) -> ChangeSet:
    """A public comparison of an old commit without what has become internal since: a unit now
    internal, an objective or measure now marked internal (its name is an internal text now)."""
    groups = []
    for g in cs.groups:
        if g.unit is not None and g.unit not in units:
            continue
        kept = tuple(c for c in g.changes if not any(
            mentions(str(x)) for x in (c.name, c.old, c.new, c.where) if x))
        if kept:
            groups.append(Group(g.unit, g.name, kept))
    return ChangeSet(tuple(groups), cs.base, cs.head)


# -- the histories -------------------------------------------------------------------------------

def histories(scorecards: Path, city: City, cache_root: Path | None = None) -> dict[Edition, History]:
    """Each edition's history of the scorecards under `scorecards`."""
    repo = Repo.find(scorecards)
    empty: dict[Edition, History] = {e: History(note=tr(NO_GIT)) for e in EDITIONS}
    if repo is None:
        return empty
    try:
        commits = _log(repo)
    except RevisionError:
        return empty
    boundary = _shallow(repo)
    notes = []
    if boundary:
        notes.append(tr(SHALLOW))
    if len(commits) > MAX_COMMITS:
        commits = commits[:MAX_COMMITS]
        notes.append(tr(TRUNCATED, n=MAX_COMMITS))
    cache = cache_root / "history" if cache_root is not None else None
    texts = Texts.of(city)
    shown_units = frozenset(public_city(city).units)
    snapshots = _Snapshots(repo)
    full: list[Revision] = []
    public: list[Revision] = []
    for c in commits:
        if not _relevant(c) or c.sha in boundary:
            continue
        try:
            result = _comparison(snapshots, c, cache)
        except RevisionError:
            continue
        if result.full:
            full.append(Revision(c.sha, c.date, c.subject, result.full))
        shown = _scrub(result.public, texts.mentions_internal, shown_units)
        if shown:
            public.append(Revision(c.sha, c.date, _public_subject(c.subject, result.full, texts),
                                   shown))
    note = "".join(notes)
    return {"internal": History(tuple(full), note), "public": History(tuple(public), note)}

