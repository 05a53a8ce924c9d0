"""How every value reads, wherever it lands: pages, charts, CSV, XLSX and the `score` command.

One function per kind of value, so a page, its downloads and the terminal never disagree:

- scores, weights, points, totals and score rates: two decimals (`score`), a sign where the
  value is a change (`signed`); deductions read as negative numbers (`deduction`);
- values as written (targets, actuals, thresholds, coefficients): at most two decimals
  (`value`); a target range `95–100`; a yes/no value 是/否 (`target`, `actual`);
- nothing to show: `NONE` (—); a missing actual: `MISSING` (缺数), never 0;
- labels of enumerated values from `model.vocab` (`label`, `status`);
- grades, grade comparisons, dates, durations (`days`, `overdue`: 逾期 12 天), periods, shares
  and lists.

Everything returns plain text; escaping is the job of wherever the text lands (`escape`).
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from ..model import Approval, Grade, Period, TargetRange
from ..model.vocab import STATUS, Vocabulary
from ..scoring.grades import GradeComparison
from ..scoring.ranking import SHOWN_DECIMALS
from ..scoring.records import Target

#: nothing to show (no target, no score, no grade)
NONE = "—"
#: an actual that was not reported
MISSING = "缺数"
#: a line the rules cannot score as written
UNSCORABLE = "无法计分"
#: a total below every grade's minimum
NO_GRADE = "未达任何等次"
YES, NO = "是", "否"
#: between names in running text, and between records (each with its own commas)
LIST_SEP, RECORD_SEP = "、", "；"
#: a veto lowered the grade
CAPPED = "否决封顶"


def _trim(x: float, digits: int) -> str:
    text = f"{x:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def score(x: float | None) -> str:
    """Scores, weights, points, totals, score rates: 85.00, 97.50; NONE for nothing."""
    if x is None:
        return NONE
    text = f"{x:.{SHOWN_DECIMALS}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def signed(x: float | None) -> str:
    """A change: +1.50, -2.00, 0.00."""
    if x is None:
        return NONE
    text = score(x)
    return text if text.startswith("-") or float(text) == 0 else "+" + text


def deduction(x: float | None) -> str:
    """A deduction (stored as a positive number of points) as it counts: -2.00."""
    return NONE if x is None else signed(-x)


def value(x: float | int | bool | None) -> str:
    """A number as written, at most two decimals: 75, 97.5, 0.95; 是/否 for a boolean."""
    if x is None:
        return NONE
    if isinstance(x, bool):
        return YES if x else NO
    return _trim(float(x), SHOWN_DECIMALS)


def factor(x: float | None) -> str:
    """A ratio that needs more precision (the people's normalisation factor): 1.0345."""
    return NONE if x is None else f"{x:.4f}"


def share(x: float | None) -> str:
    """A fraction as a percentage: 0.2 → 20%, 0.125 → 12.5%."""
    return NONE if x is None else _trim(x * 100, 1) + "%"


def percent(x: float | None) -> str:
    """A value that is already a percentage: 90 → 90%."""
    return NONE if x is None else value(x) + "%"


def yesno(x: float | bool) -> str:
    return YES if float(x) > 0 else NO


def target(t: Target | None, data_type: str = "number") -> str:
    """A target: 75, a range 95–100, 是 for a yes/no measure's target of 1; NONE without one."""
    if t is None:
        return NONE
    if isinstance(t, TargetRange):
        return f"{value(t.min)}–{value(t.max)}"
    if data_type == "yesno":
        return yesno(t)
    return value(t)


def actual(a: float | bool | None, data_type: str = "number") -> str:
    """A reported value: the number, 是/否, or MISSING."""
    if a is None:
        return MISSING
    if isinstance(a, bool) or data_type == "yesno":
        return yesno(a)
    return value(a)


def count(n: int) -> str:
    return str(n)


def date(d: dt.date | None) -> str:
    return NONE if d is None else d.strftime("%Y-%m-%d")


def days(n: int | None) -> str:
    """A duration in whole days: 12 天; NONE for none."""
    return NONE if n is None else f"{n} 天"


def overdue(n: int | None) -> str:
    """How long something is overdue on the as-of date: 逾期 12 天 (NONE when it is not)."""
    return NONE if n is None or n <= 0 else f"逾期 {days(n)}"


def approval(a: Approval | None) -> str:
    """Who approved and when: 乡党委会 2009-01-16 审定（乡党委会议纪要〔2009〕2号）; 未审定 without one."""
    if a is None:
        return "未记录审定"
    return f"{a.by} {date(a.date)} 审定" + (f"（{a.reference}）" if a.reference else "")


def join(items: Iterable[str], sep: str = LIST_SEP) -> str:
    return sep.join(items)


def label(v: object, vocab: Vocabulary) -> str:
    """The label of an enumerated value (`value|label(vocab.RULE)` in templates); NONE for no value."""
    return NONE if v is None else vocab.label(v)


def status(s: str) -> str:
    """A status light's name; `error` (a line that cannot be scored) is UNSCORABLE."""
    return UNSCORABLE if s == "error" else STATUS.label(s)


def grade(g: Grade | None) -> str:
    return g.name if g is not None else NO_GRADE


def grade_text(g: Grade | None, capped: bool) -> str:
    """A grade as every table shows it: 合格, or 合格（否决封顶） when a veto lowered it."""
    return grade(g) + (f"（{CAPPED}）" if capped else "")


_STEPS = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五"}


def comparison(c: GradeComparison) -> str:
    """The BSC grade beside the traditional one: 一致, 计分卡高一等, 计分卡低两等."""
    if c.kind == "unknown" or c.steps is None:
        return "无法对照（等次不在考核办法的等次表中）"
    if c.kind == "agree":
        return "一致"
    n = abs(c.steps)
    return f"计分卡{'高' if c.steps > 0 else '低'}{_STEPS.get(n, str(n))}等"


# -- periods -----------------------------------------------------------------------------------

_QUARTERS = ("一季度", "二季度", "三季度", "四季度")


def period_lines(period: Period) -> tuple[str, str]:
    """A period as two short lines for a chart axis: ("2008", "一季度")."""
    year = str(period.year)
    if period.kind == "quarter":
        return year, _QUARTERS[(period.start.month - 1) // 3]
    if period.kind == "half":
        return year, "上半年" if period.start.month <= 6 else "下半年"
    if period.kind == "month":
        return year, f"{period.start.month}月"
    return year, "模拟考评" if period.track == "simulated" else "年度"


def period_key(key: str, periods: dict[str, Period]) -> str:
    """A key of a measure's `targets` (a period id or a year): 2008年第一季度, 2009年."""
    if key in periods:
        return periods[key].name
    return f"{key}年" if len(key) == 4 and key.isdigit() else key


def targets(t: dict[str, Target], periods: dict[str, Period], data_type: str = "number") -> str:
    """Every target of a measure: 2008年：75；2009年：85 (in the order written)."""
    if not t:
        return NONE
    return join((f"{period_key(k, periods)}：{target(v, data_type)}" for k, v in t.items()), RECORD_SEP)
