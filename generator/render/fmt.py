"""How every value reads, wherever it lands: pages, charts, CSV, XLSX and the `score` command.

One function per kind of value, so a page, its downloads and the terminal never disagree:

- scores, weights, points, totals and score rates: two decimals (`score`), a sign where the
  value is a change (`signed`); deductions read as negative numbers (`deduction`);
- values as written (targets, actuals, thresholds, coefficients): at most two decimals
  (`value`); a target range `95–100`; a yes/no value 是/否 (`target`, `actual`);
- nothing to show: `NONE` (—); a missing actual: `missing()` (缺数, "missing"), never 0;
- labels of enumerated values from `model.vocab` (`label`, `status`);
- grades, grade comparisons, dates, durations (`days`, `overdue`: 逾期 12 天), periods, shares
  and lists.

Everything returns plain text; escaping is the job of wherever the text lands (`escape`).
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Iterable

from babel.dates import get_month_names
from babel.numbers import get_decimal_symbol, get_minus_sign_symbol, get_plus_sign_symbol

from ..i18n import N_, babel_locale, list_sep, paren, record_sep, tr, tr_n, tr_p
from ..i18n import colon as _colon
from ..model import Approval, Grade, Period, TargetRange
from ..model.vocab import STATUS, Vocabulary
from ..scoring.grades import GradeComparison
from ..scoring.ranking import SHOWN_DECIMALS
from ..scoring.records import Target

#: nothing to show (no target, no score, no grade): the same in every language
NONE = "—"

# The words below are read in the current language each time they are called: `missing()` is
# 缺数 in Chinese and "missing" in English (templates print `MISSING`, a `lazytext.Lazy`).

#: an actual that was not reported (the message; `missing()` shows it)
MISSING_MESSAGE = _MISSING = N_("缺数")
#: a line the rules cannot score as written
_UNSCORABLE = N_("无法计分")
#: a total below every grade's minimum
_NO_GRADE = N_("未达任何等次")
#: a veto lowered the grade
_CAPPED = N_("否决封顶")


def missing() -> str:
    return tr(_MISSING)


def unscorable() -> str:
    return tr(_UNSCORABLE)


def no_grade() -> str:
    return tr(_NO_GRADE)


def capped() -> str:
    return tr(_CAPPED)


def yes() -> str:
    return tr_p("yes/no value", "是")


def no() -> str:
    return tr_p("yes/no value", "否")




# -- numbers: Python's digits and rounding, the language's decimal point and signs -------------

@lru_cache(maxsize=None)
def _number_symbols(locale: str) -> tuple[dict[int, str] | None, str]:
    """(translation table for `str.translate`, or None when the text needs none; plus sign)."""
    decimal, minus = get_decimal_symbol(locale), get_minus_sign_symbol(locale)
    plus = get_plus_sign_symbol(locale)
    table = None if (decimal, minus) == (".", "-") else str.maketrans({".": decimal, "-": minus})
    return table, plus


def number(text: str) -> str:
    """A number written by Python (`f"{x:.2f}"`: `-` and `.`) with the language's minus sign
    and decimal point (the same in Chinese and English)."""
    table, _ = _number_symbols(babel_locale())
    return text if table is None else text.translate(table)


def _plus() -> str:
    return _number_symbols(babel_locale())[1]


def _trim_raw(x: float, digits: int) -> str:
    text = f"{x:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _trim(x: float, digits: int) -> str:
    return number(_trim_raw(x, digits))


def _score_raw(x: float) -> str:
    text = f"{x:.{SHOWN_DECIMALS}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def score(x: float | None) -> str:
    """Scores, weights, points, totals, score rates: 85.00, 97.50; NONE for nothing."""
    if x is None:
        return NONE
    return number(_score_raw(x))


def signed(x: float | None) -> str:
    """A change: +1.50, -2.00, 0.00."""
    if x is None:
        return NONE
    text = _score_raw(x)
    return number(text) if text.startswith("-") or float(text) == 0 else _plus() + number(text)


def deduction(x: float | None) -> str:
    """A deduction (stored as a positive number of points) as it counts: -2.00."""
    return NONE if x is None else signed(-x)


def value(x: float | int | bool | None) -> str:
    """A number as written, at most two decimals: 75, 97.5, 0.95; 是/否 for a boolean."""
    if x is None:
        return NONE
    if isinstance(x, bool):
        return yes() if x else no()
    return _trim(float(x), SHOWN_DECIMALS)


def factor(x: float | None) -> str:
    """A ratio that needs more precision (the people's normalisation factor): 1.0345."""
    return NONE if x is None else number(f"{x:.4f}")


def share(x: float | None) -> str:
    """A fraction as a percentage: 0.2 → 20%, 0.125 → 12.5%."""
    return NONE if x is None else _trim(x * 100, 1) + "%"


def percent(x: float | None) -> str:
    """A value that is already a percentage: 90 → 90%."""
    return NONE if x is None else value(x) + "%"


def yesno(x: float | bool) -> str:
    return yes() if float(x) > 0 else no()


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
        return missing()
    if isinstance(a, bool) or data_type == "yesno":
        return yesno(a)
    return value(a)


def count(n: int) -> str:
    return str(n)


def date(d: dt.date | None) -> str:
    return NONE if d is None else d.strftime("%Y-%m-%d")


def days(n: int | None) -> str:
    """A duration in whole days: 12 天; NONE for none."""
    return NONE if n is None else tr_n("{n} 天", "{n} 天", n, n=n)


def overdue(n: int | None) -> str:
    """How long something is overdue on the as-of date: 逾期 12 天 (NONE when it is not)."""
    return NONE if n is None or n <= 0 else tr("逾期 {days}", days=days(n))


def approval(a: Approval | None) -> str:
    """Who approved and when: 乡党委会 2009-01-16 审定（乡党委会议纪要〔2009〕2号）; 未审定 without one."""
    if a is None:
        return tr("未记录审定")
    return tr("{by} {date} 审定", by=a.by, date=date(a.date)) + (paren(a.reference) if a.reference else "")


def join(items: Iterable[str], sep: str | None = None) -> str:
    """Names in running text (、 / ", "), or with `sep` (e.g. `record_sep()`)."""
    return (list_sep() if sep is None else sep).join(items)


def label(v: object, vocab: Vocabulary) -> str:
    """The label of an enumerated value (`value|label(vocab.RULE)` in templates); NONE for no value."""
    return NONE if v is None else vocab.label(v)


def status(s: str) -> str:
    """A status light's name; `error` (a line that cannot be scored) is UNSCORABLE."""
    return unscorable() if s == "error" else STATUS.label(s)


def grade(g: Grade | None) -> str:
    return g.name if g is not None else no_grade()


def grade_text(g: Grade | None, capped: bool) -> str:
    """A grade as every table shows it: 合格, or 合格（否决封顶） when a veto lowered it."""
    return grade(g) + (paren(tr(_CAPPED)) if capped else "")


#: how many grades apart, in words (一等, 两等 …; beyond five, the number)
# TRANSLATORS: how many grades apart, as in 计分卡高一等 (scorecard one grade higher)
_STEPS = {1: N_("一"), 2: N_("两"), 3: N_("三"), 4: N_("四"), 5: N_("五")}


def comparison(c: GradeComparison) -> str:
    """The BSC grade beside the traditional one: 一致, 计分卡高一等, 计分卡低两等."""
    if c.kind == "unknown" or c.steps is None:
        return tr("无法对照（等次不在考核办法的等次表中）")
    if c.kind == "agree":
        return tr_p("grade comparison", "一致")
    n = abs(c.steps)
    steps = tr(_STEPS[n]) if n in _STEPS else str(n)
    if c.steps > 0:
        return tr_n("计分卡高{steps}等", "计分卡高{steps}等", n, steps=steps)
    return tr_n("计分卡低{steps}等", "计分卡低{steps}等", n, steps=steps)


# -- periods -----------------------------------------------------------------------------------

_QUARTERS = (N_("一季度"), N_("二季度"), N_("三季度"), N_("四季度"))


def period_lines(period: Period) -> tuple[str, str]:
    """A period as two short lines for a chart axis: ("2008", "一季度")."""
    year = str(period.year)
    if period.kind == "quarter":
        return year, tr(_QUARTERS[(period.start.month - 1) // 3])
    if period.kind == "half":
        return year, tr("上半年") if period.start.month <= 6 else tr("下半年")
    if period.kind == "month":
        # the language's abbreviated month name (Babel's locale data): 3月, Mar
        return year, str(get_month_names("abbreviated", locale=babel_locale())[period.start.month])
    return year, tr_p("chart axis", "模拟考评") if period.track == "simulated" else tr_p("chart axis", "年度")


def period_key(key: str, periods: dict[str, Period]) -> str:
    """A key of a measure's `targets` (a period id or a year): 2008年第一季度, 2009年."""
    if key in periods:
        return periods[key].name
    return tr("{year}年", year=key) if len(key) == 4 and key.isdigit() else key


def targets(t: dict[str, Target], periods: dict[str, Period], data_type: str = "number") -> str:
    """Every target of a measure: 2008年：75；2009年：85 (in the order written)."""
    if not t:
        return NONE
    return join((period_key(k, periods) + _colon() + target(v, data_type) for k, v in t.items()),
                record_sep())
