"""`bscportal new article --title TITLE [--unit UNIT] [--slug SLUG]`: an experience article
in `content/articles/`, named `<year>-<month>-<slug>.md`, with its information block filled in
(title, unit, author, today's date) and a body outline to write over."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from . import Plan, ScaffoldError, Write
from ..i18n import DEFAULT, tr, use_language
from ..load.language import city_language
from .city import read_city

_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


def body() -> str:
    """The outline a new article starts with, in the current language."""
    todo = tr("（请填写）")
    return ("\n<!-- " + tr("在这里写正文（这段注释不会出现在网站上）：用 ## 小标题分段，写清楚做了什么、效果如何、\n"
                           "     还有什么问题。只用 Markdown，不要写 HTML 标签。写完运行 bscportal check scorecards 检查。")
            + " -->\n\n## " + tr("一、我们是怎么做的") + "\n\n" + todo
            + "\n\n## " + tr("二、效果和体会") + "\n\n" + todo
            + "\n\n## " + tr("三、还存在的问题") + "\n\n" + todo + "\n")


def _yaml(value: str) -> str:
    """A string for the information block, quoted the JSON way (valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def article_md(title: str, unit: str | None, author: str | None, date: dt.date) -> str:
    lines = ["---", f"title: {_yaml(title)}"]
    if unit:
        lines.append(f"unit: {unit}")
    lines.append(f"author: {_yaml(author)}" if author else "# author: " + tr("作者或单位"))
    lines += [f"date: {date.isoformat()}",
              "tags: []            # " + tr("如 [权重, 考核量表]"),
              "# objectives: [S1]  # " + tr("文章涉及的战略目标编号"),
              "# measures: [M-S1-1] # " + tr("文章涉及的指标编号"),
              "# summary: " + tr("一两句话的摘要，显示在文章列表和首页上"),
              "---", ""]
    return "\n".join(lines) + body()


def plan_article(scorecards: Path, content: Path, title: str, unit: str | None = None,
                 slug: str | None = None, author: str | None = None,
                 today: dt.date | None = None) -> Plan:
    title = " ".join(title.split())
    if not title or len(title) > 120:
        raise ScaffoldError(tr("文章标题不能为空，也不能超过 120 个字"))
    date = today or dt.date.today()
    if unit is not None:
        _, registry, _ = read_city(scorecards)
        known = {e.id: e for e in registry.units}
        if unit not in known:
            raise ScaffoldError(tr("单位名录里没有单位 `{unit}`：请写单位编号，如 {example}", unit=unit,
                                   example=next(iter(known))))
        author = author or known[unit].name
    slug = slug or (unit or "article")
    if not _SLUG.match(slug):
        raise ScaffoldError(tr("文件名 `{slug}` 只能用英文字母、数字和 - _ .（网址里要用）", slug=slug))
    name = slug if re.match(r"\d{4}-\d{2}-", slug) else f"{date:%Y-%m}-{slug}"
    path = content / "articles" / f"{name}.md"
    if path.exists():
        raise ScaffoldError(tr("{path} 已存在，没有覆盖：请用 --slug 另起一个文件名", path=path))
    with use_language(city_language(scorecards) or DEFAULT):   # the article is the portal's
        text = article_md(title, unit, author, date)
    return Plan((Write(path, text, create=True),), (
        tr("下一步：在 {path} 写正文，填写 tags、summary（可选 objectives、measures）；"
           "然后运行 bscportal check scorecards", path=path),))
