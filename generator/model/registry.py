"""`scorecards/registry.yml`: every unit in the city's rollout, kept by the BSC office."""
from __future__ import annotations

import datetime as dt

from pydantic import Field

from ..i18n import N_
from .base import Model, Name, Slug, Text, Visible


class RolloutStep(Model):
    stage: Slug = Field(title=N_("推行阶段"), description=N_("city.yml 中 stages 的编号"))
    since: dt.date = Field(title=N_("开始日期"), description=N_("如 2008-01-01"))
    note: Text | None = Field(None, title=N_("备注"))


class RegistryEntry(Visible):
    id: Slug = Field(title=N_("单位编号"), description=N_("同时是 scorecards/units/ 下文件夹的名字"))
    name: Name = Field(title=N_("单位名称"))
    short_name: Name | None = Field(None, title=N_("简称"))
    kind: Slug = Field(title=N_("单位类别"), description=N_("city.yml 中 kinds 的编号"))
    benchmark: bool = Field(False, title=N_("标杆单位"))
    rollout: list[RolloutStep] = Field(min_length=1, title=N_("推行进程"),
                                       description=N_("按时间先后；最后一项是当前阶段"))

    @property
    def stage(self) -> str:
        return self.rollout[-1].stage

    @property
    def stage_since(self) -> dt.date:
        return self.rollout[-1].since


class RegistryFile(Model):
    units: list[RegistryEntry] = Field(min_length=1, title=N_("单位名录"))
