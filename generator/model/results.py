"""`units/<id>/results/<period>.yml`: actual values of one period."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Union

from pydantic import Field

from ..i18n import N_
from .approval import Approval
from .base import NUMBER_LIMIT, Model, Name, Number, Slug, Text

#: a bonus or deduction: a positive number of points
Points = Annotated[float, Field(ge=0, lt=NUMBER_LIMIT)]


class Actual(Model):
    value: Number | bool | None = Field(None, title=N_("实际值"), description=N_("空表示缺数"))
    note: Text | None = Field(None, title=N_("说明"))
    evidence: Text | None = Field(None, title=N_("佐证材料"))


ActualValue = Union[bool, Number, None, Actual]


class TraditionalResult(Model):
    grade: Slug = Field(title=N_("传统考核等次"), description=N_("考核办法 grades 中的编号"))
    score: Number | None = Field(None, title=N_("传统考核得分"))
    rank: int | None = Field(None, ge=1, lt=NUMBER_LIMIT, title=N_("传统考核名次"))


class LeadershipAdjustment(Model):
    """The leadership team's final composite rating as the pilots described it (lesson 4): a
    recorded change to the score the formula gives, with its reason, within the rules' cap."""

    points: Number = Field(title=N_("调整分值"), description=N_("加分写正数，减分写负数，如 3 或 -2；超过考核办法的调整上限时按上限计"))
    reason: Text = Field(title=N_("调整理由"), description=N_("如 兼任武装部长，防汛期间承担大量未计入指标的工作"))
    by: Name | None = Field(None, title=N_("评定机构"), description=N_("如 乡党委会"))


class PersonResult(Model):
    actuals: dict[Slug, ActualValue] = Field(default_factory=dict, title=N_("个人指标实际值"),
                                             description=N_("个人指标编号: 实际值；写了 derives_from 的个人指标不用填，沿用单位的实际值"))
    leadership_rating: float | None = Field(None, ge=0, le=100, title=N_("领导班子综合评价"),
                                            description=N_("按考核办法 multi_post.leadership_share 的比例计入个人得分"))
    final_adjustment: LeadershipAdjustment | None = Field(
        None, title=N_("领导班子最终调整"),
        description=N_("领导班子综合评定对公式得分的调整（分值和理由），幅度不超过考核办法的 multi_post.adjustment_cap；"
                       "页面上与公式得分并列显示"))
    traditional_grade: Slug | None = Field(None, title=N_("传统考核等次"))


class ResultsFile(Model):
    period: Slug = Field(title=N_("考核期"), description=N_("与文件名一致"))
    published: bool = Field(True, title=N_("公开"), description=N_("false 时本期结果只出现在内部版"))
    reported: dt.date | None = Field(None, title=N_("报送日期"),
                                     description=N_("单位报送本期实际值（交回填报表）的日期；bscportal import xlsx 导入填报表时写入。"
                                                    "晚于考核期的报送截止日期即为逾期报送"))
    actuals: dict[Slug, ActualValue] = Field(default_factory=dict, title=N_("实际值"),
                                             description=N_("指标编号: 实际值；缺数写 null"))
    bonus: dict[Slug, Points] = Field(default_factory=dict, title=N_("加分"), description=N_("加分项编号: 加分（正数）"))
    deductions: dict[Slug, Points] = Field(default_factory=dict, title=N_("扣分"), description=N_("扣分项编号: 扣分（正数）"))
    veto: list[Slug] = Field(default_factory=list, title=N_("触发的一票否决项"))
    traditional: TraditionalResult | None = Field(None, title=N_("传统考核结果"), description=N_("双轨运行时填写"))
    people: dict[Slug, PersonResult] = Field(default_factory=dict, title=N_("个人结果"),
                                             description=N_("人员编号: 个人结果（始终仅内部可见）"))
    note: Text | None = Field(None, title=N_("说明"))
    approved: Approval | None = Field(None, title=N_("结果审定"),
                                      description=N_("谁在何时审定了本期考核结果（如 乡党委会 2010-01-18），显示在考核结果页"))
