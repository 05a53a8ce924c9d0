"""`units/<id>/map.yml`: objectives with cause-and-effect links, and the sub maps."""
from __future__ import annotations

from pydantic import Field, model_validator

from ..i18n import N_, tr
from .base import Model, Name, Slug, Text, Visible
from .vocab import CAPITAL, Capital


class Objective(Visible):
    id: Slug = Field(title=N_("目标编号"))
    name: Name = Field(title=N_("战略目标"))
    perspective: Slug = Field(title=N_("层面"), description=N_("层面编号，如 learning"))
    theme: Slug | None = Field(None, title=N_("战略主题"), description=N_("unit.yml 中 themes 的编号"))
    description: Text | None = Field(None, title=N_("说明"))
    drives: list[Slug] = Field(default_factory=list, title=N_("促进（因果关系）"),
                               description=N_("本目标推动的其他目标编号：箭头由本目标指向它们"))
    supports: list[Slug] = Field(default_factory=list, title=N_("支撑的上级目标"),
                                 description=N_("部门分卡的目标：支撑的单位总卡目标编号"))
    capital: Capital | None = Field(None, title=CAPITAL.source_title,
                                    description=CAPITAL.source_description(N_("学习与成长目标的资本类型")))
    owner: Slug | None = Field(None, title=N_("负责人（岗位或部门）"))


class SubMap(Visible):
    id: Slug = Field(title=N_("分战略地图编号"))
    name: Name = Field(title=N_("分战略地图名称"))
    theme: Slug | None = Field(None, title=N_("战略主题"))
    department: Slug | None = Field(None, title=N_("部门"))
    objectives: list[Slug] = Field(default_factory=list, title=N_("包含的目标"),
                                   description=N_("不写则取该主题或部门的全部目标"))
    description: Text | None = Field(None, title=N_("说明"))

    @model_validator(mode="after")
    def _one_scope(self) -> "SubMap":
        if not (self.theme or self.department or self.objectives):
            raise ValueError(tr("分战略地图需要写 theme（主题）、department（部门）或 objectives（目标列表）之一"))
        return self


class MapFile(Model):
    objectives: list[Objective] = Field(default_factory=list, title=N_("战略目标"))
    maps: list[SubMap] = Field(default_factory=list, title=N_("分战略地图"))
