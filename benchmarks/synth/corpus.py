"""What the synthetic cities are made of, read from the example city: the sizes of its benchmark
units and pools of names and sentences.

`Profile` counts one benchmark unit (objectives, measures, departments, posts, people, action
plans, periods, scale items, text lengths); the generator draws every synthetic unit's sizes
around one of them. The pools hold the example's own names (of objectives, measures, action
plans, departments, posts, scale items) and its clauses (from every text field and article),
which the generator recombines with a seeded RNG, so each synthetic unit reads like Chinese
scorecard text without being a copy of any unit.
"""
from __future__ import annotations

import functools
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "scorecards"
EXAMPLE_CONTENT = ROOT / "content"
BENCHMARK_UNITS = ("hainan-township", "education-bureau")

_CLAUSE_SPLIT = re.compile(r"[，。；：！？\n]+")
_HAS_HAN = re.compile(r"[\u4e00-\u9fff]")


def _load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) if path.is_file() else None


def _items(data: Any, key: str) -> list[dict[str, Any]]:
    return list(data.get(key) or []) if isinstance(data, dict) else []


@dataclass(frozen=True)
class Profile:
    """The sizes of one benchmark unit."""

    unit: str
    themes: int
    objectives: int
    measures: int
    departments: int
    dept_objectives: int
    dept_measures: int
    posts: int
    people: int
    actions: int
    #: "quarter" or "half": the unit's assessment cadence below the year
    cadence: str
    periods: int
    scale_items: int
    own_perspectives: bool
    summary_chars: int
    definition_chars: int


def profile(folder: Path) -> Profile:
    unit = _load(folder / "unit.yml") or {}
    depts = _items(_load(folder / "departments.yml"), "departments")
    rules = _load(folder / "rules.yml") or {}
    periods = _items(rules, "periods")
    measures = _items(_load(folder / "measures.yml"), "measures")
    scales = [_items(_load(p), "items") for p in sorted((folder / "assessment").glob("*.yml"))]
    return Profile(
        unit=folder.name,
        themes=len(unit.get("themes") or []),
        objectives=len(_items(_load(folder / "map.yml"), "objectives")),
        measures=len(measures),
        departments=len(depts),
        dept_objectives=sum(len(d.get("objectives") or []) for d in depts),
        dept_measures=sum(len(d.get("measures") or []) for d in depts),
        posts=len(_items(_load(folder / "posts.yml"), "posts")),
        people=len(list((folder / "people").glob("*.yml"))),
        actions=len(_items(_load(folder / "actions.yml"), "actions")),
        cadence="quarter" if any(p.get("kind") == "quarter" for p in periods) else "half",
        periods=len(periods),
        scale_items=round(statistics.mean(len(s) for s in scales)) if scales else 12,
        own_perspectives=bool(unit.get("perspectives")),
        summary_chars=len(unit.get("summary") or ""),
        definition_chars=round(statistics.mean(len(m.get("definition") or "") for m in measures)),
    )


@dataclass
class Pools:
    """Names and clauses of the example city, by what they name."""

    objectives: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    milestones: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)
    posts: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    bonus: list[str] = field(default_factory=list)
    deductions: list[str] = field(default_factory=list)
    veto: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)
    article_chars: list[int] = field(default_factory=list)

    def dedupe(self) -> "Pools":
        """Each name once, in a stable order, without the example's internal drafts (内部：…)."""
        for name, value in vars(self).items():
            if isinstance(value, list) and value and isinstance(value[0], str):
                setattr(self, name, sorted({v for v in value if "内部" not in v}))
        return self


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for v in data.values():
            yield from _strings(v)
    elif isinstance(data, list):
        for v in data:
            yield from _strings(v)


def _clauses(text: str) -> Iterator[str]:
    for part in _CLAUSE_SPLIT.split(text):
        part = part.strip(" 　、,.;:“”\"'（）()")
        if 4 <= len(part) <= 40 and _HAS_HAN.search(part) and "`" not in part and "#" not in part:
            yield part


def _harvest_unit(folder: Path, pools: Pools) -> None:
    names = lambda items: [str(i["name"]) for i in items if i.get("name")]  # noqa: E731
    objectives = _items(_load(folder / "map.yml"), "objectives")
    measures = _items(_load(folder / "measures.yml"), "measures")
    depts = _items(_load(folder / "departments.yml"), "departments")
    for d in depts:
        objectives += _items(d, "objectives")
        measures += _items(d, "measures")
    actions = _items(_load(folder / "actions.yml"), "actions")
    unit = _load(folder / "unit.yml") or {}
    pools.objectives += names(objectives)
    pools.measures += names(measures)
    pools.sources += [str(m["source"]) for m in measures if m.get("source")]
    pools.actions += names(actions)
    pools.milestones += [n for a in actions for n in names(_items(a, "milestones"))]
    pools.departments += names(depts)
    pools.posts += [str(p["name"]) for p in _items(_load(folder / "posts.yml"), "posts")
                    if p.get("name") and not p.get("department")]
    pools.themes += names(_items(unit, "themes"))
    pools.values += [str(v).split("：")[0] for v in unit.get("values") or []]
    for scale in (folder / "assessment").glob("*.yml"):
        data = _load(scale)
        pools.bonus += names(_items(data, "bonus"))
        pools.deductions += names(_items(data, "deductions"))
        pools.veto += names(_items(data, "veto"))
    for path in folder.rglob("*.yml"):
        for text in _strings(_load(path)):
            pools.clauses.extend(_clauses(text))


@functools.lru_cache(maxsize=1)
def pools(scorecards: Path = EXAMPLE, content: Path = EXAMPLE_CONTENT) -> Pools:
    found = Pools()
    for folder in sorted((scorecards / "units").iterdir()):
        if folder.is_dir():
            _harvest_unit(folder, found)
    for article in sorted((content / "articles").glob("*.md")):
        text = article.read_text(encoding="utf-8")
        _, _, body = text.partition("\n---\n")
        found.article_chars.append(len(body))
        meta = yaml.load(text.split("---")[1], Loader=yaml.CSafeLoader) or {}
        found.tags += [str(t) for t in meta.get("tags") or []]
        found.clauses.extend(_clauses(body))
    return found.dedupe()


@functools.lru_cache(maxsize=1)
def profiles(scorecards: Path = EXAMPLE) -> tuple[Profile, ...]:
    return tuple(profile(scorecards / "units" / u) for u in BENCHMARK_UNITS)
