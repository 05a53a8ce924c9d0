"""Experience articles (体会文章): `content/articles/*.md`, a YAML information block between two
`---` lines (front matter, model `ArticleMeta`) and a Markdown body.

Loading reads the bytes (UTF-8 only), splits off the block, reads it with the project's YAML
reader (duplicate keys, YAML 1.2 scalars, positions in the whole file) and validates it like
every YAML file, so `check` reports article problems as `file:line:col` too. Nothing here
imports MkDocs or the renderer: `check` runs it.

Codes: BSC301 the block is missing or broken (no `---`, not UTF-8, YAML syntax, not a
mapping); field problems use the codes of every file (BSC002 duplicate key, BSC003 unknown
field, BSC004 wrong type or value, BSC005 missing title); BSC302 unknown unit; BSC303 unknown
objective or measure (warning); BSC304/BSC305 unsafe or raw HTML in the body (`articlebody`).
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

from pydantic import ValidationError

from ..model.article import ArticleMeta
from .validation import validation_problems
from ..i18n import tr
from ..problems import Mark, Problem, Severity, display_path
from .articlebody import unsafe_problems
from .paths import Tree
from .yamlfile import YamlDoc, load_yaml_text, read_source

_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_FENCE_LINE = re.compile(r"---[ \t]*")


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
    #: a draft: internal edition only (marked), never in a feed
    draft: bool = False
    #: the article's category (栏目)
    category: str | None = None
    #: line of the file where `body` starts
    body_line: int = 1
    #: the front matter as loaded (positions for messages)
    doc: YamlDoc | None = field(default=None, compare=False, repr=False)

    @property
    def path(self) -> str:
        """Staged path (docs-relative)."""
        return f"articles/{self.slug}.md"

    @property
    def sort_key(self) -> tuple:
        return (self.date or dt.date.min, self.slug)

    def mark(self, *loc: str | int) -> Mark:
        """Where a front-matter value is (line 2, the block's first line, without a doc)."""
        if self.doc is None:
            return Mark(self.source, 2)
        return self.doc.mark(tuple(loc))


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter text, body, file line where the body starts), or None without a block.

    The block starts on the first line with `---` and ends at the next `---` line."""
    lines = text.split("\n")
    if not lines or not _FENCE_LINE.fullmatch(lines[0].rstrip("\r")):
        return None
    for i in range(1, len(lines)):
        if _FENCE_LINE.fullmatch(lines[i].rstrip("\r")):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:]), i + 2
    return None


def _slug(path: Path) -> str:
    if _SLUG.match(path.stem):
        return path.stem
    return re.sub(r"[^A-Za-z0-9_.\-]+", "-", path.stem).strip("-.")


def load_article(path: Path, shown: str | None = None) -> tuple[Article | None, list[Problem]]:
    """One article file: the article (None when its block is unusable) and its problems."""
    shown = shown or display_path(path)
    text, problems = read_source(path, shown, "BSC301", "article")
    if text is None:
        return None, problems
    if not text.strip():
        return None, [Mark(shown).problem(
            "BSC301", tr("文章是空的：开头要有 --- 包围的信息块（title、unit、author、date 等），后面是正文"))]
    split = split_front_matter(text)
    if split is None:
        if _FENCE_LINE.fullmatch(text.split("\n", 1)[0].rstrip("\r")):
            message = tr("文章开头的信息块没有结束：请在信息块最后一行之后加一行 ---")
        else:
            message = tr("文章缺少开头的信息块：第 1 行写 ---，接着写 title、unit、author、date 等，"
                         "再写一行 ---，然后是正文")
        return None, [Mark(shown).problem("BSC301", message)]
    front, body, body_line = split
    doc, problems = load_yaml_text(front, shown, line_offset=1)
    problems = [p if p.code != "BSC001" else Mark(p.path, p.line, p.col).problem(
        "BSC301", p.message.replace(tr("YAML 语法错误"), tr("文章信息块的 YAML 写错了"), 1))
        for p in problems]
    body_problems = unsafe_problems(body, shown, body_line)
    if doc is None:
        return None, problems + body_problems
    data: Any = {} if doc.data is None else doc.data
    if not isinstance(data, dict):
        return None, problems + body_problems + [doc.mark().problem(
            "BSC301", tr("文章信息块应是 `键: 值` 的形式（如 title: 标题），而不是列表或单个值"))]
    try:
        meta = ArticleMeta.model_validate(data)
    except ValidationError as exc:
        return None, problems + body_problems + doc.unflagged(validation_problems(exc, ArticleMeta, doc))
    if any(p.is_error for p in problems):
        return None, problems + body_problems  # duplicate keys: the block is not trusted
    article = Article(
        slug=_slug(path), title=meta.title, unit=meta.unit, author=meta.author, date=meta.date,
        tags=tuple(meta.tags), objectives=tuple(meta.objectives), measures=tuple(meta.measures),
        summary=meta.summary, body=body, source=shown, internal=meta.internal, draft=meta.draft,
        category=meta.category, body_line=body_line, doc=doc)
    return article, problems + body_problems


def article_files(folder: Path, tree: Tree | None = None) -> list[Path]:
    """The article files in `folder`; with `tree`, only those inside it (links resolved)."""
    if not folder.is_dir() or (tree is not None and not tree.inside(folder)):
        return []
    return sorted(p for p in folder.glob("*.md")
                  if p.is_file() and p.name.lower() != "readme.md" and not p.name.startswith(".")
                  and (tree is None or tree.inside(p)))


def load_articles(folder: Path | str, tree: Tree | None = None) -> tuple[list[Article], list[Problem]]:
    """Every article in `folder` (newest first) and the problems found on the way.

    An article with an error in its block is left out; one with only body problems is kept
    (the body is sanitised when it is staged). With `tree`, files that lead out of it through
    a link are skipped (`content_problems` reports them)."""
    articles: list[Article] = []
    problems: list[Problem] = []
    slugs: set[str] = set()
    for path in article_files(Path(folder), tree):
        article, found = load_article(path)
        problems += found
        if article is None:
            continue
        slug = article.slug or "article"
        n = 1
        while slug in slugs:
            n += 1
            slug = f"{article.slug or 'article'}-{n}"
        slugs.add(slug)
        if slug != article.slug:
            article = replace(article, slug=slug)
        articles.append(article)
    articles.sort(key=lambda a: a.sort_key, reverse=True)
    return articles, problems


def check_articles(articles: Iterable[Article], units: dict, broken_units: Iterable[str] = ()) -> list[Problem]:
    """An unknown unit is an error (BSC302: a typo loses the article from the unit's page);
    unknown objective or measure ids are warnings (BSC303: the article still builds, without
    those links). Units whose files did not load are not checked for ids."""
    broken = set(broken_units)
    out: list[Problem] = []
    for a in articles:
        if a.unit is None:
            continue
        unit = units.get(a.unit)
        if unit is None:
            out.append(a.mark("unit").problem(
                "BSC302", tr("文章《{title}》的单位 unit `{unit}` 不在单位名录中：{hint}",
                             title=a.title, unit=a.unit, hint=_unit_hint(a.unit, units))))
            continue
        if a.unit in broken:
            continue
        for kind, ids, index in (("objectives", a.objectives, unit.objective_index),
                                 ("measures", a.measures, unit.measure_index)):
            for i, ident in enumerate(ids):
                if ident not in index:
                    if kind == "objectives":
                        message = tr("文章《{title}》提到的战略目标 `{id}` 不在 {unit} 的计分卡中："
                                     "这个链接不会生成，请改成该单位的编号或删除",
                                     title=a.title, id=ident, unit=unit.name)
                    else:
                        message = tr("文章《{title}》提到的指标 `{id}` 不在 {unit} 的计分卡中："
                                     "这个链接不会生成，请改成该单位的编号或删除",
                                     title=a.title, id=ident, unit=unit.name)
                    out.append(a.mark(kind, i).problem("BSC303", message, Severity.WARNING,
                                                       unit=unit.id))
    return out


def _unit_hint(value: str, units: dict) -> str:
    by_name = [uid for uid, u in units.items()
               if value in (getattr(u, "name", None), getattr(getattr(u, "entry", None), "short_name", None))]
    if by_name:
        return tr("这是单位名称，请写它的编号 `{id}`", id=by_name[0])
    close = difflib.get_close_matches(value, list(units), n=1, cutoff=0.6)
    if close:
        return tr("是不是 `{id}`？", id=close[0])
    return tr("请写名录（scorecards/registry.yml）中的单位编号")


def load_and_check(content_root: Path | str, units: dict | None,
                   broken_units: Iterable[str] = ()) -> tuple[list[Article], list[Problem]]:
    """The articles under `content_root/articles` and all their problems (references only
    when `units` is known), and the problems of the rest of `content_root` (links out of it,
    hand-written pages that cannot be read as text)."""
    root = Path(content_root)
    tree = Tree(root, "content")
    problems = content_problems(root, tree)
    articles, found = load_articles(root / "articles", tree)
    problems += found
    if units is not None:
        problems += check_articles(articles, units, broken_units)
    return articles, problems


def content_problems(root: Path, tree: Tree) -> list[Problem]:
    """Links in `content/` that lead out of it (BSC007), and hand-written pages
    (`content/pages/**/*.md`) that are too big, not UTF-8 or hold control characters (BSC001)."""
    problems = [p for _, p in tree.outside_links(display_path)]
    pages = root / "pages"
    if pages.is_dir() and tree.inside(pages):
        for path in tree.files(pages):
            if path.suffix == ".md" and not path.name.startswith("."):
                problems += read_source(path, display_path(path), "BSC001", "page")[1]
    return problems


__all__ = ["Article", "split_front_matter", "load_article", "load_articles", "check_articles",
           "load_and_check", "content_problems"]
