"""`units/<id>/actions.yml`: action plans (initiatives) that move objectives."""
from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from .base import NUMBER_LIMIT, Model, Name, Slug, Text, Visible
from .vocab import ACTION_STATUS, ActionStatus


class Milestone(Model):
    name: Name = Field(title="里程碑")
    due: dt.date = Field(title="计划完成日期")
    done: bool = Field(False, title="已完成")


class ActionPlan(Visible):
    id: Slug = Field(title="行动方案编号")
    name: Name = Field(title="行动方案")
    description: Text | None = Field(None, title="内容")
    objectives: list[Slug] = Field(min_length=1, title="推动的目标")
    owner: Slug | None = Field(None, title="责任人（岗位或部门）")
    start: dt.date = Field(title="开始日期")
    end: dt.date = Field(title="结束日期")
    budget: float | None = Field(None, ge=0, lt=NUMBER_LIMIT, title="预算（万元）")
    status: ActionStatus = Field("planned", title=ACTION_STATUS.title, description=ACTION_STATUS.description())
    milestones: list[Milestone] = Field(default_factory=list, title="里程碑")

    @model_validator(mode="after")
    def _dates(self) -> "ActionPlan":
        if self.end < self.start:
            raise ValueError(f"结束日期 {self.end} 早于开始日期 {self.start}")
        return self


class ActionsFile(Model):
    actions: list[ActionPlan] = Field(default_factory=list, title="行动方案")
