"""`units/<id>/measures.yml`: measures with their full indicator cards."""
from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field, model_validator

from ..i18n import N_, tr
from .base import Model, Name, Number, Slug, Text, Visible
from .vocab import (AGGREGATION, DATA_TYPE, FREQUENCY, MEASURE_TYPE, POLARITY, Aggregation, DataType,
                    Frequency, MeasureType, Polarity)



class TargetRange(Model):
    min: Number = Field(title=N_("下限"))
    max: Number = Field(title=N_("上限"))

    @model_validator(mode="after")
    def _ordered(self) -> "TargetRange":
        if self.min > self.max:
            raise ValueError(tr("目标区间的下限 {min} 大于上限 {max}：请交换", min=self.min, max=self.max))
        return self


Target = Union[Number, TargetRange]

#: the cascade (issue 17, item 3): a department or personal measure names the measure it is
#: broken down from, and takes its target and actual unless it says why it differs
DerivesFrom = Annotated[Slug | None, Field(
    title=N_("分解自（上级指标）"),
    description=N_("部门分卡指标或个人指标由哪个总卡（或部门分卡）指标分解而来（指标编号）。写了它，本指标不写目标值"
                   "和实际值时沿用上级指标的（个人结果里也不必再填）；写了而与上级指标不同，要在 override_reason "
                   "说明原因，否则检查报错（BSC109）"))]
OverrideReason = Annotated[Text | None, Field(
    title=N_("与上级指标不同的原因"),
    description=N_("本指标的目标值或实际值与 derives_from 的上级指标不同时写明原因，如“只统计本股室负责的中小学”"
                   "“只统计本人包片的3个村”；写了它，本指标用自己的目标值和实际值"))]


class Baseline(Model):
    period: str = Field(title=N_("基期"), description=N_("如 2007"))
    value: Number = Field(title=N_("基线值"))


class Thresholds(Model):
    """Status from the score (percent of target reached)."""

    on_track: Number = Field(100, title=N_("达标线"), description=N_("得分率不低于此值为“正常”（绿）"))
    at_risk: Number = Field(90, title=N_("预警线"), description=N_("得分率不低于此值为“预警”（黄），更低为“落后”（红）"))

    @model_validator(mode="after")
    def _ordered(self) -> "Thresholds":
        if self.at_risk > self.on_track:
            raise ValueError(tr("预警线 at_risk 不能高于达标线 on_track"))
        return self


class Measure(Visible):
    id: Slug = Field(title=N_("指标编号"))
    name: Name = Field(title=N_("指标名称"))
    objective: Slug = Field(title=N_("所属目标"), description=N_("目标编号"))
    type: MeasureType = Field(title=MEASURE_TYPE.source_title, description=MEASURE_TYPE.source_description())
    definition: Text | None = Field(None, title=N_("指标定义"))
    purpose: Text | None = Field(None, title=N_("设置目的"))
    formula: Text | None = Field(None, title=N_("计算公式"))
    unit: str | None = Field(None, title=N_("计量单位"), max_length=20)
    data_type: DataType = Field("number", title=DATA_TYPE.source_title, description=DATA_TYPE.source_description(
        N_("是否型指标的实际值写 true/false，目标写 1（应为“是”）或 0")))
    polarity: Polarity = Field("up", title=POLARITY.source_title, description=POLARITY.source_description())
    baseline: Baseline | None = Field(None, title=N_("基线"))
    targets: dict[str, Target] = Field(
        default_factory=dict, title=N_("目标值"),
        description=N_("按考核期或年度填写，如 2008: 75 或 2008-q1: 70；区间型写 {min: 95, max: 100}"))
    thresholds: Thresholds | None = Field(None, title=N_("状态阈值"), description=N_("不写则用考核办法中的默认值"))
    frequency: Frequency = Field("yearly", title=FREQUENCY.source_title, description=FREQUENCY.source_description())
    aggregation: Aggregation = Field("last", title=AGGREGATION.source_title, description=AGGREGATION.source_description(
        N_("季度值如何汇总为年度值；累计型指标的季度目标应按季度单独填写")))
    source: Text | None = Field(None, title=N_("数据来源"))
    owner: Slug | None = Field(None, title=N_("责任人（岗位或部门）"),
                               description=N_("对指标负责的岗位或部门编号"))
    tracker: Slug | None = Field(None, title=N_("跟踪人（岗位或部门）"),
                                 description=N_("负责报送数据、跟踪督办的岗位或部门编号"))
    notes: Text | None = Field(None, title=N_("备注"))
    derives_from: DerivesFrom = None
    override_reason: OverrideReason = None

    def target_for(self, period_id: str, year: int | None = None) -> Target | None:
        """The target for a period: its own entry, else its year's."""
        if period_id in self.targets:
            return self.targets[period_id]
        if year is not None and str(year) in self.targets:
            return self.targets[str(year)]
        return None


class MeasuresFile(Model):
    measures: list[Measure] = Field(default_factory=list, title=N_("指标（指标卡）"))
