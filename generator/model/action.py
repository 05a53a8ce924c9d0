"""`units/<id>/actions.yml`: action plans (initiatives) that move objectives, with the dates
that tracking (督办) follows: planned and actual completion of the plan and of its milestones,
and who follows them up (the tracker)."""
from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from ..i18n import N_, tr
from .base import NUMBER_LIMIT, Model, Name, Slug, Text, Visible
from .vocab import ACTION_STATUS, ActionStatus

_TRACKER = (N_("负责跟踪督办的岗位或部门编号（如党政办、绩效联络员的岗位）；"
               "不写则由责任人 owner 跟踪。督办页按跟踪人列出逾期事项"))


class Milestone(Model):
    name: Name = Field(title=N_("里程碑"))
    due: dt.date = Field(title=N_("计划完成日期"))
    done: bool = Field(False, title=N_("已完成"),
                       description=N_("写了实际完成日期 completed 的里程碑就是已完成，可以不写 done"))
    completed: dt.date | None = Field(None, title=N_("实际完成日期"),
                                      description=N_("里程碑实际完成的日期；未完成不写。"
                                                     "过了计划完成日期 due 仍未完成的里程碑列入督办页"))
    tracker: Slug | None = Field(None, title=N_("跟踪人（岗位或部门）"),
                                 description=N_("不写则由行动方案的跟踪人跟踪"))

    @property
    def finished(self) -> bool:
        """Done: marked so, or with an actual completion date."""
        return self.done or self.completed is not None


class ActionPlan(Visible):
    id: Slug = Field(title=N_("行动方案编号"))
    name: Name = Field(title=N_("行动方案"))
    description: Text | None = Field(None, title=N_("内容"))
    objectives: list[Slug] = Field(min_length=1, title=N_("推动的目标"))
    owner: Slug | None = Field(None, title=N_("责任人（岗位或部门）"))
    tracker: Slug | None = Field(None, title=N_("跟踪人（岗位或部门）"), description=_TRACKER)
    start: dt.date = Field(title=N_("开始日期"))
    end: dt.date = Field(title=N_("结束日期"), description=N_("计划完成日期；过了这一天仍未完成即为逾期，列入督办页"))
    completed: dt.date | None = Field(None, title=N_("实际完成日期"),
                                      description=N_("行动方案实际完成的日期；写了它，状态按“已完成”计"))
    budget: float | None = Field(None, ge=0, lt=NUMBER_LIMIT, title=N_("预算（万元）"))
    status: ActionStatus | None = Field(
        None, title=ACTION_STATUS.source_title,
        description=ACTION_STATUS.source_description(
            N_("一般不用写：按日期推算（写了实际完成日期为已完成，未到开始日期为未开始，过了结束日期仍未完成为延期，"
               "其余为进行中）。取消的方案写 cancelled；写了的状态与日期矛盾时检查给出警告（BSC209）")))
    milestones: list[Milestone] = Field(default_factory=list, title=N_("里程碑"))

    @model_validator(mode="after")
    def _dates(self) -> "ActionPlan":
        if self.end < self.start:
            raise ValueError(tr("结束日期 {end} 早于开始日期 {start}", end=self.end, start=self.start))
        if self.completed is not None and self.completed < self.start:
            raise ValueError(tr("实际完成日期 {completed} 早于开始日期 {start}",
                                completed=self.completed, start=self.start))
        return self


class ActionsFile(Model):
    actions: list[ActionPlan] = Field(default_factory=list, title=N_("行动方案"))
