"""Assessment rules (`rules.yml`, or the city's default) and scales (`assessment/<period>.yml`)."""
from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from ..i18n import N_, tr
from .approval import Approval
from .base import NUMBER_LIMIT, Model, Name, Number, Slug, Text, Visible
from .measure import Thresholds as StatusThresholds  # one thresholds model for measures and rules
from .vocab import (MISSING_RULE, PERIOD_KIND, RULE, TRACK, MissingRule, PeriodKind, RuleKind,
                    Track)



class Period(Model):
    id: Slug = Field(title=N_("考核期编号"), description=N_("如 2008 或 2008-q1；也是考核量表和结果文件的文件名"))
    name: Name = Field(title=N_("考核期名称"), description=N_("如 2008年第一季度"))
    kind: PeriodKind = Field("year", title=PERIOD_KIND.source_title, description=PERIOD_KIND.source_description())
    year: int = Field(ge=1990, le=2100, title=N_("年度"))
    start: dt.date = Field(title=N_("开始日期"))
    end: dt.date = Field(title=N_("结束日期"))
    track: Track = Field("live", title=TRACK.source_title, description=TRACK.source_description())
    due: dt.date | None = Field(None, title=N_("结果报送截止日期"),
                                description=N_("各单位应在此日期前报送本期实际值（填报表）；不写则不判断是否逾期。"
                                               "报送情况页按它列出逾期的单位，检查时对已过截止日期仍没有结果文件的考核期给出警告（BSC208）"))

    @model_validator(mode="after")
    def _dates(self) -> "Period":
        if self.end < self.start:
            raise ValueError(tr("结束日期 {end} 早于开始日期 {start}", end=self.end, start=self.start))
        return self


class Grade(Model):
    id: Slug = Field(title=N_("等次编号"))
    name: Name = Field(title=N_("等次名称"), description=N_("如 优秀、良好、合格、不合格"))
    min: Number = Field(title=N_("最低分"), description=N_("总分不低于此值即为此等次"))


class DifficultyClass(Model):
    id: Slug = Field(title=N_("岗位难度类别编号"))
    name: Name = Field(title=N_("岗位难度类别"))
    coefficient: float = Field(gt=0, le=3, title=N_("难度系数"), description=N_("如 1.2、1.0、0.9"))
    description: Text | None = Field(None, title=N_("说明"))




class MultiPost(Model):
    """The pilots' two remedies for people who hold several posts (lesson 4)."""

    coefficients: bool = Field(True, title=N_("使用岗位难度系数"))
    normalise: bool = Field(True, title=N_("系数归一化"),
                            description=N_("乘难度系数后，把每个人的系数合成得分乘以同一个归一化系数 = "
                                           "本期参加考核人员的平均原始得分 ÷ 平均系数合成得分，使系数只在人与人之间"
                                           "调剂、不整体抬高分数；false 为直接相乘、不归一化"))
    leadership_share: float = Field(0.0, ge=0, le=1, title=N_("领导班子综合评价占比"),
                                    description=N_("个人得分中领导班子综合评价所占比例，如 0.2"))
    adjustment_cap: float | None = Field(
        None, ge=0, le=100, title=N_("领导班子最终调整上限（分）"),
        description=N_("领导班子综合评定可以在公式得分上加减的最多分数，如 3；个人结果里的 final_adjustment 超过它按它计。"
                       "不写则不允许调整（写了调整也按 0 计，检查给出警告 BSC214）"))


class AssessmentRules(Model):
    periods: list[Period] = Field(min_length=1, title=N_("考核期"), description=N_("按时间先后"))
    grades: list[Grade] = Field(min_length=1, title=N_("等次"), description=N_("从高到低"))
    difficulty: list[DifficultyClass] = Field(default_factory=list, title=N_("岗位难度类别"))
    multi_post: MultiPost = Field(default_factory=MultiPost, title=N_("一人多岗的处理"))
    missing: MissingRule = Field("reweight", title=MISSING_RULE.source_title, description=MISSING_RULE.source_description())
    score_cap: float = Field(120, ge=100, lt=NUMBER_LIMIT, title=N_("单项得分上限（%）"))
    status: StatusThresholds = Field(default_factory=StatusThresholds, title=N_("状态阈值"))
    veto_grade: Slug | None = Field(None, title=N_("一票否决后的最高等次"),
                                    description=N_("触发一票否决时等次最高为此（grades 中的编号）；不写则为最低等次"))
    publish_results: bool = Field(True, title=N_("公开考核结果"))
    description: Text | None = Field(None, title=N_("考核办法说明"),
                                     description=N_("考核办法的文字说明（怎样计分、评等次、结果怎样使用），显示在单位的考核结果页"))

    @model_validator(mode="after")
    def _grades_descending(self) -> "AssessmentRules":
        mins = [g.min for g in self.grades]
        if mins != sorted(mins, reverse=True):
            raise ValueError(tr("等次 grades 应按最低分从高到低排列"))
        if mins[-1] > 0:
            raise ValueError(tr("最低的等次（{grade}）的 min 应为 0，否则低分单位没有等次",
                                grade=self.grades[-1].name))
        return self


class Band(Model):
    min: Number | None = Field(None, title=N_("实际值下限（含）"))
    max: Number | None = Field(None, title=N_("实际值上限（含）"))
    score: Number = Field(title=N_("得分率（%）"))


class ScoringParams(Model):
    """How an actual becomes a score (percent of full marks)."""

    rule: RuleKind = Field("ratio", title=RULE.source_title, description=RULE.source_description())
    cap: float | None = Field(None, ge=0, lt=NUMBER_LIMIT, title=N_("得分上限（%）"), description=N_("不写则用考核办法的单项得分上限"))
    floor: Number | None = Field(None, title=N_("零分值"), description=N_("linear 规则：实际值为此时得 0 分"))
    bands: list[Band] = Field(default_factory=list, title=N_("分档"), description=N_("bands 规则：自上而下第一个满足的档"))
    tolerance: float | None = Field(None, gt=0, lt=NUMBER_LIMIT, title=N_("容差"), description=N_("range 规则：超出区间此幅度时得 0 分"))

    @model_validator(mode="after")
    def _params(self) -> "ScoringParams":
        if self.rule == "linear" and self.floor is None:
            raise ValueError(tr("linear（线性插值）规则需要 floor（零分值）"))
        if self.rule == "bands" and not self.bands:
            raise ValueError(tr("bands（分档）规则需要 bands 列表"))
        return self


class ScaleItem(ScoringParams):
    measure: Slug = Field(title=N_("指标编号"), description=N_("本单位总卡或部门分卡上的指标"))
    weight: float = Field(gt=0, le=100, title=N_("权重"))
    note: Text | None = Field(None, title=N_("说明"))


class Adjustment(Visible):
    id: Slug = Field(title=N_("编号"))
    name: Name = Field(title=N_("名称"))
    max: float | None = Field(None, ge=0, lt=NUMBER_LIMIT, title=N_("最多加/减分"))
    description: Text | None = Field(None, title=N_("说明"))


class Scale(Model):
    period: Slug = Field(title=N_("考核期"), description=N_("rules 中的考核期编号，与文件名一致"))
    items: list[ScaleItem] = Field(min_length=1, title=N_("考核指标"))
    bonus: list[Adjustment] = Field(default_factory=list, title=N_("加分项"))
    deductions: list[Adjustment] = Field(default_factory=list, title=N_("扣分项"))
    veto: list[Adjustment] = Field(default_factory=list, title=N_("一票否决项"))
    missing: MissingRule | None = Field(None, title=MISSING_RULE.source_title,
                                        description=MISSING_RULE.source_description(N_("不写则用考核办法的规定")))
    note: Text | None = Field(None, title=N_("修订说明"), description=N_("如：较上期调整了哪些权重、目标"))
    approved: Approval | None = Field(None, title=N_("量表审定"),
                                      description=N_("谁在何时审定了本期考核量表（如 乡党委会、市考核委员会）；"
                                                     "没有审定而结果已公开时检查给出警告（BSC212）"))


class RulesFile(AssessmentRules):
    """`units/<id>/rules.yml`."""
