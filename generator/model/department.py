"""`units/<id>/departments.yml`: departments (股室、站所) with their sub-cards."""
from __future__ import annotations

from pydantic import Field

from ..i18n import N_
from .base import Model, Name, Slug, Text, Visible
from .measure import Measure
from .strategy import Objective


class Department(Visible):
    id: Slug = Field(title=N_("部门编号"))
    name: Name = Field(title=N_("部门名称"))
    description: Text | None = Field(None, title=N_("职责"))
    head: Slug | None = Field(None, title=N_("负责岗位"), description=N_("posts.yml 中的岗位编号"))
    objectives: list[Objective] = Field(default_factory=list, title=N_("分卡目标"),
                                        description=N_("用 supports 写明支撑的总卡目标"))
    measures: list[Measure] = Field(default_factory=list, title=N_("分卡指标"))


class DepartmentsFile(Model):
    departments: list[Department] = Field(default_factory=list, title=N_("部门及分卡"))
