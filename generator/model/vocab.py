"""Every enumerated value the format knows, with its label: the one source of those labels.

A `Vocabulary` names the values of one `Literal` type and what each is called in the editors'
language. Field descriptions (and so the JSON Schema and `docs/format.md`) are written from it,
and every output (pages, charts, downloads, the `score` command) labels values through it, so
a new value gets its label in one place. `tests/test_vocab.py` checks that each vocabulary lists
exactly the values of its `Literal`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Mapping, get_args

from ..i18n.core import Language


@dataclass(frozen=True)
class Vocabulary:
    """The values of one enumerated field, in order, with their labels."""

    #: what the values are, e.g. 计分规则
    title: str
    #: (value, label) in the order editors see them
    terms: tuple[tuple[str, str], ...]
    #: a longer explanation of some values (what the value does), where a label is not enough
    details: Mapping[str, str] = field(default_factory=dict)

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(v for v, _ in self.terms)

    def label(self, value: object) -> str:
        """The label of `value`; an unknown value is shown as written."""
        for v, name in self.terms:
            if v == value:
                return name
        return str(value)

    def detail(self, value: object) -> str:
        return self.details.get(str(value), self.label(value))

    def description(self, extra: str = "") -> str:
        """`value 标签 / value 标签`, as field descriptions list them, plus an optional note."""
        text = " / ".join(f"{v} {name}" for v, name in self.terms)
        return f"{text}；{extra}" if extra else text

    def matches(self, literal: object) -> bool:
        """True when the vocabulary lists exactly the values of a `Literal[...]` type."""
        return tuple(get_args(literal)) == self.values


# -- the portal ------------------------------------------------------------------------------

#: the languages the generator's catalogues cover (`generator.i18n`)
SiteLanguage = Language
SITE_LANGUAGE = Vocabulary("界面语言", (("zh", "中文"), ("en", "English")))

# -- periods and assessment ------------------------------------------------------------------

PeriodKind = Literal["year", "half", "quarter", "month"]
PERIOD_KIND = Vocabulary("考核期类型", (("year", "年度"), ("half", "半年"), ("quarter", "季度"),
                                        ("month", "月度")))

Track = Literal["simulated", "dual-track", "live"]
TRACK = Vocabulary("运行方式", (("simulated", "模拟考评"), ("dual-track", "双轨运行"),
                                ("live", "正式运行")))

RuleKind = Literal["ratio", "linear", "bands", "done", "manual", "range"]
RULE = Vocabulary("计分规则", (("ratio", "完成率"), ("linear", "线性插值"), ("bands", "分档"),
                               ("done", "完成与否"), ("manual", "评分"), ("range", "区间")))

MissingRule = Literal["reweight", "zero"]
MISSING_RULE = Vocabulary(
    "缺数处理",
    (("reweight", "剔除缺数指标，其余指标按权重比例折算"), ("zero", "缺数指标记 0 分")),
    details={"reweight": "已剔除，权重按比例折算给其余指标", "zero": "按 0 分计"})

AdjustmentKind = Literal["bonus", "deduction"]
ADJUSTMENT = Vocabulary("加减分类别", (("bonus", "加分"), ("deduction", "扣分")))

#: a status light: from the score rate against the thresholds, or no data to judge by
Status = Literal["on-track", "at-risk", "off-track", "no-data"]
STATUS = Vocabulary("状态", (("on-track", "正常"), ("at-risk", "预警"), ("off-track", "落后"),
                             ("no-data", "暂无数据")))

# -- measures --------------------------------------------------------------------------------

Polarity = Literal["up", "down", "range"]
POLARITY = Vocabulary("指标方向", (("up", "越高越好"), ("down", "越低越好"), ("range", "在区间内最好")))

MeasureType = Literal["outcome", "driver"]
MEASURE_TYPE = Vocabulary("指标类型", (("outcome", "结果指标"), ("driver", "驱动（过程）指标")))

Frequency = Literal["monthly", "quarterly", "half-yearly", "yearly"]
FREQUENCY = Vocabulary("报告频率", (("monthly", "月"), ("quarterly", "季"), ("half-yearly", "半年"),
                                    ("yearly", "年")))

DataType = Literal["number", "percent", "yesno", "rating"]
DATA_TYPE = Vocabulary("数据类型", (("number", "数值"), ("percent", "百分比"), ("yesno", "是否"),
                                    ("rating", "评分")))

Aggregation = Literal["sum", "average", "last"]
AGGREGATION = Vocabulary("跨期汇总方式", (("sum", "累计"), ("average", "平均"), ("last", "取期末值")))

# -- strategy and actions --------------------------------------------------------------------

Capital = Literal["human", "information", "organisation"]
CAPITAL = Vocabulary("无形资本", (("human", "人力资本"), ("information", "信息资本"),
                                  ("organisation", "组织资本")))

ActionStatus = Literal["planned", "in-progress", "done", "delayed", "cancelled"]
ACTION_STATUS = Vocabulary("状态", (("planned", "未开始"), ("in-progress", "进行中"), ("done", "已完成"),
                                    ("delayed", "延期"), ("cancelled", "取消")))

# -- tracking (督办) ---------------------------------------------------------------------------

#: what a 督办 list names as overdue: an action plan past its end, a milestone past its due
#: date, a measure's value not reported for a closed period past its due date
TrackingKind = Literal["action", "milestone", "value"]
TRACKING_KIND = Vocabulary("督办事项类别", (("action", "行动方案"), ("milestone", "里程碑"),
                                          ("value", "指标实际值")),
                           details={"action": "过了结束日期仍未完成的行动方案",
                                    "milestone": "过了计划完成日期仍未完成的里程碑",
                                    "value": "考核期已结束、过了报送截止日期仍没有报送的指标实际值"})

# -- changes between two revisions (`bscportal diff`, the 修订记录 pages) ----------------------

ChangeKind = Literal["added", "removed", "renamed", "moved", "changed", "revised", "unreadable"]
CHANGE_KIND = Vocabulary("改动类型", (
    ("added", "新增"), ("removed", "删除"), ("renamed", "改名"), ("moved", "移动"),
    ("changed", "修改"), ("revised", "改写已结束考核期的结果"), ("unreadable", "无法比较")))

#: what a change is about (the things an editor keeps in the YAML files)
EntityKind = Literal[
    "city", "city-theme", "perspective", "stage", "unit-kind", "settings", "term", "unit", "theme",
    "objective", "link", "submap", "measure", "action", "department", "post", "rules", "period",
    "grade", "difficulty", "scale", "scale-item", "bonus", "deduction", "veto", "results",
    "actual", "person"]
ENTITY = Vocabulary("改动对象", (
    ("city", "城市"), ("city-theme", "市级战略主题"), ("perspective", "层面"), ("stage", "推行阶段"),
    ("unit-kind", "单位类别"), ("settings", "设置"), ("term", "术语"), ("unit", "单位"),
    ("theme", "战略主题"), ("objective", "战略目标"), ("link", "因果关系"), ("submap", "分战略地图"),
    ("measure", "指标"), ("action", "行动方案"), ("department", "部门"), ("post", "岗位"),
    ("rules", "考核办法"), ("period", "考核期"), ("grade", "等次"), ("difficulty", "岗位难度类别"),
    ("scale", "考核量表"), ("scale-item", "考核指标"), ("bonus", "加分项"), ("deduction", "扣分项"),
    ("veto", "一票否决项"), ("results", "考核结果"), ("actual", "实际值"), ("person", "人员")))

# -- reporting (报送情况) ---------------------------------------------------------------------

ReportStatus = Literal["on-time", "reported", "late", "overdue", "pending"]
REPORT_STATUS = Vocabulary("报送状态", (("on-time", "按时报送"), ("reported", "已报送"), ("late", "逾期报送"),
                                        ("overdue", "逾期未报"), ("pending", "未报送")),
                           details={"reported": "已报送（没有记录报送日期）",
                                    "pending": "未报送（未到截止日期）"})

#: every vocabulary with the `Literal` it labels (checked by `tests/test_vocab.py`)
VOCABULARIES: tuple[tuple[Vocabulary, object], ...] = (
    (PERIOD_KIND, PeriodKind), (TRACK, Track), (RULE, RuleKind), (MISSING_RULE, MissingRule),
    (ADJUSTMENT, AdjustmentKind), (STATUS, Status), (POLARITY, Polarity),
    (MEASURE_TYPE, MeasureType), (FREQUENCY, Frequency), (DATA_TYPE, DataType),
    (AGGREGATION, Aggregation), (CAPITAL, Capital), (ACTION_STATUS, ActionStatus),
    (REPORT_STATUS, ReportStatus), (TRACKING_KIND, TrackingKind),
    (CHANGE_KIND, ChangeKind), (ENTITY, EntityKind),
)
