"""Experience articles (体会文章): `content/articles/*.md` with YAML front matter.

Front matter: `title`, `unit` (unit id), `author`, `date`, `tags`, `objectives`, `measures`
(ids on the unit's page), `summary`, and optionally `internal: true` (internal edition only).
Problems come back as `Problem`s so the build prints them like `check` does.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..problems import Mark, Problem, Severity

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n?(.*)\Z", re.S)
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    unit: str | None
    author: str | None
    date: dt.date | None
    tags: tuple[str, ...]
    objectives: tuple[str, ...]
    measures: tuple[str, ...]
    summary: str | None
    body: str
    source: str
    internal: bool = False
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def path(self) -> str:
        """Staged path (docs-relative)."""
        return f"articles/{self.slug}.md"

    @property
    def sort_key(self) -> tuple:
        return (self.date or dt.date.min, self.slug)


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _str_list(value: object) -> tuple[str, ...] | None:
    if value is None:
        return ()
    if isinstance(value, (str, int, float)):
        return (str(value),)
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return tuple(str(v) for v in value)
    return None


def load_articles(folder: Path) -> tuple[list[Article], list[Problem]]:
    """Every `*.md` in `folder` (sorted newest first) and the problems found on the way."""
    articles: list[Article] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return articles, problems
    for path in sorted(folder.glob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        shown = _display(path)
        text = path.read_text(encoding="utf-8-sig")
        m = _FRONT.match(text)
        if not m:
            problems.append(Mark(shown).problem(
                "BSC301", "文章缺少开头的 YAML 信息块（以 --- 开始和结束，写 title、unit、author、date 等）"))
            continue
        try:
            meta = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            problems.append(Mark(shown, line).problem("BSC301", f"文章信息块的 YAML 写错了：{exc}"))
            continue
        if not isinstance(meta, dict):
            problems.append(Mark(shown, 2).problem("BSC301", "文章信息块应是 `键: 值` 的映射"))
            continue
        title = meta.get("title")
        if not isinstance(title, str) or not title.strip():
            problems.append(Mark(shown, 2).problem("BSC301", "文章缺少标题 title"))
            continue
        date = meta.get("date")
        if isinstance(date, str):
            try:
                date = dt.date.fromisoformat(date)
            except ValueError:
                problems.append(Mark(shown, 2).problem(
                    "BSC301", f"文章日期 date 应写成 2008-12-20 的形式，实际是 {date}"))
                continue
        elif isinstance(date, dt.datetime):
            date = date.date()
        elif date is not None and not isinstance(date, dt.date):
            problems.append(Mark(shown, 2).problem("BSC301", "文章日期 date 应写成 2008-12-20 的形式"))
            continue
        lists = {k: _str_list(meta.get(k)) for k in ("tags", "objectives", "measures")}
        bad = [k for k, v in lists.items() if v is None]
        if bad:
            problems.append(Mark(shown, 2).problem("BSC301", f"文章信息 {', '.join(bad)} 应是列表，如 [S1, C2]"))
            continue
        slug = path.stem if _SLUG.match(path.stem) else re.sub(r"[^A-Za-z0-9_.\-]", "-", path.stem).strip("-")
        known = {"title", "unit", "author", "date", "tags", "objectives", "measures", "summary", "internal"}
        articles.append(Article(
            slug=slug or f"article-{len(articles) + 1}",
            title=title.strip(),
            unit=str(meta["unit"]) if meta.get("unit") is not None else None,
            author=str(meta["author"]) if meta.get("author") is not None else None,
            date=date,
            tags=lists["tags"] or (),
            objectives=lists["objectives"] or (),
            measures=lists["measures"] or (),
            summary=str(meta["summary"]).strip() if meta.get("summary") else None,
            body=m.group(2),
            source=shown,
            internal=bool(meta.get("internal", False)),
            extra={k: v for k, v in meta.items() if k not in known},
        ))
    articles.sort(key=lambda a: a.sort_key, reverse=True)
    return articles, problems


def check_articles(articles: list[Article], units: dict) -> list[Problem]:
    """An unknown unit is an error (a typo loses the link); unknown objective or measure ids
    are warnings (BSC303): the article still builds, without those links."""
    out = []
    for a in articles:
        if a.unit is None:
            continue
        unit = units.get(a.unit)
        if unit is None:
            out.append(Mark(a.source, 2).problem(
                "BSC302", f"文章《{a.title}》的单位 unit `{a.unit}` 不在单位名录中：请写名录中的单位编号"))
            continue
        missing = [o for o in a.objectives if o not in unit.objective_index]
        missing += [m for m in a.measures if m not in unit.measure_index]
        if missing:
            out.append(warn(a.source, f"文章《{a.title}》提到的目标或指标 {', '.join(missing)} "
                                      f"不在 {unit.name} 的计分卡中：这些链接不会生成"))
    return out


def warn(source: str, message: str) -> Problem:
    return Mark(source, 2).problem("BSC303", message, Severity.WARNING)
