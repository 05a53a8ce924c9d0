"""Every enumerated value the format knows, with its label: the one source of those labels.

A `Vocabulary` names the values of one `Literal` type and what each is called in the editors'
language. Field descriptions (and so the JSON Schema and `docs/format.md`) are written from it,
and every output (pages, charts, downloads, the `score` command) labels values through it, so
a new value gets its label in one place. `tests/test_vocab.py` checks that each vocabulary lists
exactly the values of its `Literal`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Literal, Mapping, get_args

from ..i18n import DEFAULT, N_, record_sep, tr, tr_p, use_language
from ..i18n.core import Language

#: field descriptions composed from a vocabulary at import time (in the source language) → how
#: to compose them again in the current language (`field_text`)
_COMPOSED: dict[str, Callable[[], str]] = {}


@dataclass(frozen=True)
class Vocabulary:
    """The values of one enumerated field, in order, with their labels.

    The labels are stored as written in the source (Chinese, marked with `N_`); `title`,
    `terms`, `label`, `detail` and `description` give them in the current language. The model
    declares fields with `source_title` and `source_description`, which stay in the source
    language whatever the language is when the model is imported."""

    #: what the values are, e.g. 计分规则
    source_title: str
    #: (value, label) in the order editors see them
    source_terms: tuple[tuple[str, str], ...]
    #: a longer explanation of some values (what the value does), where a label is not enough
    source_details: Mapping[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return tr(self.source_title)

    @property
    def terms(self) -> tuple[tuple[str, str], ...]:
        """(value, label) in the current language."""
        return tuple((v, tr(name)) for v, name in self.source_terms)

    @property
    def details(self) -> dict[str, str]:
        return {v: tr(text) for v, text in self.source_details.items()}

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(v for v, _ in self.source_terms)

    def label(self, value: object) -> str:
        """The label of `value`; an unknown value is shown as written."""
        for v, name in self.source_terms:
            if v == value:
                return tr(name)
        return str(value)

    def detail(self, value: object) -> str:
        text = self.source_details.get(str(value))
        return tr(text) if text else self.label(value)

    def description(self, extra: str = "") -> str:
        """`value 标签 / value 标签`, as field descriptions list them, plus an optional note
        (`extra`, marked with `N_`), in the current language."""
        text = " / ".join(tr_p("a value and its label", "{value} {label}", value=v, label=tr(name))
                          for v, name in self.source_terms)
        return f"{text}{record_sep()}{tr(extra)}" if extra else text

    def source_description(self, extra: str = "") -> str:
        """`description` in the source language, for a field's `description=`: `field_text`
        gives it in the current language."""
        with use_language(DEFAULT):
            text = self.description(extra)
        _COMPOSED[text] = lambda: self.description(extra)
        return text

    def matches(self, literal: object) -> bool:
        """True when the vocabulary lists exactly the values of a `Literal[...]` type."""
        return tuple(get_args(literal)) == self.values


def field_text(text: str | None) -> str:
    """A field's title or description (as the model declares it, in the source language) in
    the current language."""
    if not text:
        return text or ""
    composed = _COMPOSED.get(text)
    return composed() if composed is not None else tr(text)


# -- the portal ------------------------------------------------------------------------------

#: the languages the generator's catalogues cover (`generator.i18n`)
SiteLanguage = Language
SITE_LANGUAGE = Vocabulary(N_("界面语言"), (("zh", N_("中文")), ("en", "English")))

# -- periods and assessment ------------------------------------------------------------------

PeriodKind = Literal["year", "half", "quarter", "month"]
PERIOD_KIND = Vocabulary(N_("考核期类型"), (("year", N_("年度")), ("half", N_("半年")), ("quarter", N_("季度")),
                                        ("month", N_("月度"))))

Track = Literal["simulated", "dual-track", "live"]
TRACK = Vocabulary(N_("运行方式"), (("simulated", N_("模拟考评")), ("dual-track", N_("双轨运行")),
                                ("live", N_("正式运行"))))

RuleKind = Literal["ratio", "linear", "bands", "done", "manual", "range"]
RULE = Vocabulary(N_("计分规则"), (("ratio", N_("完成率")), ("linear", N_("线性插值")), ("bands", N_("分档")),
                               ("done", N_("完成与否")), ("manual", N_("评分")), ("range", N_("区间"))))

MissingRule = Literal["reweight", "zero"]
MISSING_RULE = Vocabulary(
    N_("缺数处理"),
    (("reweight", N_("剔除缺数指标，其余指标按权重比例折算")), ("zero", N_("缺数指标记 0 分"))),
    source_details={"reweight": N_("已剔除，权重按比例折算给其余指标"), "zero": N_("按 0 分计")})

AdjustmentKind = Literal["bonus", "deduction"]
ADJUSTMENT = Vocabulary(N_("加减分类别"), (("bonus", N_("加分")), ("deduction", N_("扣分"))))

#: a status light: from the score rate against the thresholds, or no data to judge by
Status = Literal["on-track", "at-risk", "off-track", "no-data"]
STATUS = Vocabulary(N_("状态"), (("on-track", N_("正常")), ("at-risk", N_("预警")), ("off-track", N_("落后")),
                             ("no-data", N_("暂无数据"))))

# -- measures --------------------------------------------------------------------------------

Polarity = Literal["up", "down", "range"]
POLARITY = Vocabulary(N_("指标方向"), (("up", N_("越高越好")), ("down", N_("越低越好")), ("range", N_("在区间内最好"))))

MeasureType = Literal["outcome", "driver"]
MEASURE_TYPE = Vocabulary(N_("指标类型"), (("outcome", N_("结果指标")), ("driver", N_("驱动（过程）指标"))))

Frequency = Literal["monthly", "quarterly", "half-yearly", "yearly"]
FREQUENCY = Vocabulary(N_("报告频率"), (("monthly", N_("月")), ("quarterly", N_("季")), ("half-yearly", N_("半年")),
                                    ("yearly", N_("年"))))

DataType = Literal["number", "percent", "yesno", "rating"]
DATA_TYPE = Vocabulary(N_("数据类型"), (("number", N_("数值")), ("percent", N_("百分比")), ("yesno", N_("是否")),
                                    ("rating", N_("评分"))))

Aggregation = Literal["sum", "average", "last"]
AGGREGATION = Vocabulary(N_("跨期汇总方式"), (("sum", N_("累计")), ("average", N_("平均")), ("last", N_("取期末值"))))

# -- strategy and actions --------------------------------------------------------------------

Capital = Literal["human", "information", "organisation"]
CAPITAL = Vocabulary(N_("无形资本"), (("human", N_("人力资本")), ("information", N_("信息资本")),
                                  ("organisation", N_("组织资本"))))

ActionStatus = Literal["planned", "in-progress", "done", "delayed", "cancelled"]
ACTION_STATUS = Vocabulary(N_("状态"), (("planned", N_("未开始")), ("in-progress", N_("进行中")), ("done", N_("已完成")),
                                    ("delayed", N_("延期")), ("cancelled", N_("取消"))))

# -- tracking (督办) ---------------------------------------------------------------------------

#: what a 督办 list names as overdue: an action plan past its end, a milestone past its due
#: date, a measure's value not reported for a closed period past its due date
TrackingKind = Literal["action", "milestone", "value"]
TRACKING_KIND = Vocabulary(N_("督办事项类别"), (("action", N_("行动方案")), ("milestone", N_("里程碑")),
                                          ("value", N_("指标实际值"))),
                           source_details={"action": N_("过了结束日期仍未完成的行动方案"),
                                    "milestone": N_("过了计划完成日期仍未完成的里程碑"),
                                    "value": N_("考核期已结束、过了报送截止日期仍没有报送的指标实际值")})

# -- changes between two revisions (`bscportal diff`, the 修订记录 pages) ----------------------

ChangeKind = Literal["added", "removed", "renamed", "moved", "changed", "revised", "unreadable"]
CHANGE_KIND = Vocabulary(N_("改动类型"), (
    ("added", N_("新增")), ("removed", N_("删除")), ("renamed", N_("改名")), ("moved", N_("移动")),
    ("changed", N_("修改")), ("revised", N_("改写已结束考核期的结果")), ("unreadable", N_("无法比较"))))

#: what a change is about (the things an editor keeps in the YAML files)
EntityKind = Literal[
    "city", "city-theme", "perspective", "stage", "unit-kind", "settings", "term", "unit", "theme",
    "objective", "link", "submap", "measure", "action", "department", "post", "rules", "period",
    "grade", "difficulty", "scale", "scale-item", "bonus", "deduction", "veto", "results",
    "actual", "person"]
ENTITY = Vocabulary(N_("改动对象"), (
    ("city", N_("城市")), ("city-theme", N_("市级战略主题")), ("perspective", N_("层面")), ("stage", N_("推行阶段")),
    ("unit-kind", N_("单位类别")), ("settings", N_("设置")), ("term", N_("术语")), ("unit", N_("单位")),
    ("theme", N_("战略主题")), ("objective", N_("战略目标")), ("link", N_("因果关系")), ("submap", N_("分战略地图")),
    ("measure", N_("指标")), ("action", N_("行动方案")), ("department", N_("部门")), ("post", N_("岗位")),
    ("rules", N_("考核办法")), ("period", N_("考核期")), ("grade", N_("等次")), ("difficulty", N_("岗位难度类别")),
    ("scale", N_("考核量表")), ("scale-item", N_("考核指标")), ("bonus", N_("加分项")), ("deduction", N_("扣分项")),
    ("veto", N_("一票否决项")), ("results", N_("考核结果")), ("actual", N_("实际值")), ("person", N_("人员"))))

# -- reporting (报送情况) ---------------------------------------------------------------------

ReportStatus = Literal["on-time", "reported", "late", "overdue", "pending"]
REPORT_STATUS = Vocabulary(N_("报送状态"), (("on-time", N_("按时报送")), ("reported", N_("已报送")), ("late", N_("逾期报送")),
                                        ("overdue", N_("逾期未报")), ("pending", N_("未报送"))),
                           source_details={"reported": N_("已报送（没有记录报送日期）"),
                                    "pending": N_("未报送（未到截止日期）")})

#: every vocabulary with the `Literal` it labels (checked by `tests/test_vocab.py`)
VOCABULARIES: tuple[tuple[Vocabulary, object], ...] = (
    (PERIOD_KIND, PeriodKind), (TRACK, Track), (RULE, RuleKind), (MISSING_RULE, MissingRule),
    (ADJUSTMENT, AdjustmentKind), (STATUS, Status), (POLARITY, Polarity),
    (MEASURE_TYPE, MeasureType), (FREQUENCY, Frequency), (DATA_TYPE, DataType),
    (AGGREGATION, Aggregation), (CAPITAL, Capital), (ACTION_STATUS, ActionStatus),
    (REPORT_STATUS, ReportStatus), (TRACKING_KIND, TrackingKind),
    (CHANGE_KIND, ChangeKind), (ENTITY, EntityKind),
)
