"""`units/<id>/unit.yml`: mission, vision, values, strategic themes, perspectives."""
from __future__ import annotations

from pydantic import Field

from ..i18n import N_
from .base import Model, Name, Slug, Text, Visible
from .city import Perspective


class Theme(Visible):
    id: Slug = Field(title=N_("战略主题编号"))
    name: Name = Field(title=N_("战略主题"))
    description: Text | None = Field(None, title=N_("说明"))
    aligns_to: list[Slug] = Field(default_factory=list, title=N_("对应市级主题"),
                                  description=N_("city.yml 中 themes 的编号"))


class UnitFile(Model):
    id: Slug = Field(title=N_("单位编号"), description=N_("与文件夹名、名录中的编号一致"))
    mission: Text | None = Field(None, title=N_("使命"))
    vision: Text | None = Field(None, title=N_("愿景"))
    values: list[Name] = Field(default_factory=list, title=N_("核心价值观"))
    summary: Text | None = Field(None, title=N_("简介"))
    heads: list[Slug] = Field(default_factory=list, title=N_("主要负责人岗位"),
                              description=N_("单位主要负责人（党政正职，如乡党委书记、乡长）的岗位编号（posts.yml）。"
                                             "最上面一个层面的战略目标应至少有一个由他们负责（owner），否则检查给出警告（BSC213）"))
    themes: list[Theme] = Field(default_factory=list, title=N_("战略主题"))
    perspectives: list[Perspective] | None = Field(
        None, title=N_("层面"), description=N_("不写则使用 city.yml 的默认层面；写则按自上而下的顺序"))
    silence: list[str] = Field(default_factory=list, title=N_("本单位不显示的警告"),
                               description=N_("检查代码列表，如 [BSC202]；只能关闭警告，不能关闭错误"))
    updated_note: Text | None = Field(None, title=N_("修订说明"))
