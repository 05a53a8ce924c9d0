"""`content/articles/*.md`: the YAML information block (front matter) of an experience article.

The block sits between two `---` lines at the top of the file; the Markdown body follows it.
Unit, objective and measure ids are checked against the scorecards by `check`
(BSC302, BSC303), so they are plain text here: a wrong id gets a message naming the unit.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, field_validator

from ..i18n import N_, tr
from .base import Model, Name, Text


class ArticleMeta(Model):
    __doc__ = N_("文章开头的信息块（--- 之间的 YAML）。")

    title: Name = Field(title=N_("标题"), description=N_("文章标题；正文里不必再写一级标题"))
    unit: Name | None = Field(None, title=N_("单位"),
                              description=N_("单位名录中的单位编号，如 hainan-township；文章会列在该单位的页面上"))
    author: Name | None = Field(None, title=N_("作者"))
    date: dt.date | None = Field(None, title=N_("日期"), description=N_("写成 2008-12-20 的形式"))
    category: Name | None = Field(None, title=N_("栏目"),
                                  description=N_("文章所属的栏目，如 推行经验、问题与对策；每个栏目有自己的文章列表页"))
    tags: list[Name] = Field(default_factory=list, title=N_("标签"), description=N_("如 [权重, 考核量表]"))
    objectives: list[Name] = Field(default_factory=list, title=N_("涉及的战略目标"),
                                   description=N_("该单位战略目标的编号，如 [S1, C2]；文章页会链接到这些目标"))
    measures: list[Name] = Field(default_factory=list, title=N_("涉及的指标"),
                                 description=N_("该单位指标的编号，如 [M-S1-1]；文章页会链接到这些指标卡"))
    summary: Text | None = Field(None, title=N_("摘要"), description=N_("一两句话，显示在文章列表和首页上"))
    internal: bool = Field(False, title=N_("仅内部可见"),
                           description=N_("true 时只出现在内部版，公开版的页面、搜索中都不会出现"))
    draft: bool = Field(False, title=N_("草稿"),
                        description=N_("true 时是还在修改的草稿：只在内部版出现并标为草稿，公开版和订阅（Atom）中都没有"))

    @field_validator("date", mode="before")
    @classmethod
    def _no_number_date(cls, value: Any) -> Any:
        # pydantic reads a number as seconds since 1970: `date: 2008` would become 1970-01-01
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise ValueError(tr("应写成 2008-12-20 的形式，实际写的是 {value!r}", value=value))
        return value
