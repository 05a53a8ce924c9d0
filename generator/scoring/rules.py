"""Scoring rules: an actual A against a target T → percent of full marks.

One `ScoringRule` per rule kind, in the `RULES` registry: a *precondition* on what the item
declares (its target, parameters and the measure's polarity) and a *scorer* for one actual.
`check` (rule BSC108) and the engine (`apply_rule`) call the same precondition, so an item the
check accepts is one the engine can score, and the engine's "无法计分" reasons are the check's
messages. Labels come from `model.vocab.RULE`; `docs/scoring.md` explains each rule.

A scorer gets a finite number (bools read as 1/0), the period's target, the item's parameters,
the measure's polarity and the item's cap, and returns a `RuleOutcome` whose score is already
clamped to [0, cap], or an error about the actual (never an exception).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from ..i18n import paren, tr
from ..model import TargetRange
from ..model.assessment import ScoringParams
from ..model.vocab import RULE, RuleKind
from .records import RuleOutcome, Target

Scorer = Callable[[float, "Target | None", ScoringParams, str, float], RuleOutcome]

#: manual ratings are on a 0–100 scale unless the item says otherwise
MANUAL_CAP = 100.0


@dataclass(frozen=True)
class Unmet:
    """Why an item cannot be scored as declared, and which of its fields to point at."""

    #: field of the scale item the message is about: "measure" (its target), "rule", "floor"
    field: str
    message: str


Precondition = Callable[["Target | None", ScoringParams, str], "Unmet | None"]


@dataclass(frozen=True)
class ScoringRule:
    kind: RuleKind
    precondition: Precondition
    score: Scorer

    @property
    def label(self) -> str:
        return RULE.label(self.kind)

    @property
    def doc(self) -> str:
        return (self.score.__doc__ or "").strip()


def effective_cap(params: ScoringParams, default_cap: float) -> float:
    """The item's cap, else the rules' `score_cap` (or 100 for manual ratings)."""
    if params.cap is not None:
        return params.cap
    return MANUAL_CAP if params.rule == "manual" else default_cap


def clamp(score: float, cap: float) -> float:
    return min(max(score, 0.0), cap)


def _fmt(x: float) -> str:
    return f"{x:g}"


def _name(kind: str) -> str:
    return kind + paren(RULE.label(kind))


# -- preconditions -----------------------------------------------------------------------------

def _needs_target(kind: str, target: Target | None) -> Unmet | None:
    if target is None:
        return Unmet("measure", tr("没有本期（或本年度）的目标值，按 {rule} 规则无法计分："
                                   "请在指标卡的 targets 中补上", rule=_name(kind)))
    return None


def _needs_single_target(kind: str, target: Target | None, polarity: str) -> Unmet | None:
    if isinstance(target, TargetRange) or polarity == "range":
        return Unmet("rule", tr("目标是区间（或指标方向为 range），{rule} 规则无法计分："
                                "请改用 range 或 bands 规则", rule=_name(kind)))
    return None


def ratio_ok(target: Target | None, params: ScoringParams, polarity: str) -> Unmet | None:
    """A single positive target, and a measure that is not a range measure."""
    unmet = _needs_target("ratio", target) or _needs_single_target("ratio", target, polarity)
    if unmet is None and isinstance(target, (int, float)) and target <= 0:
        return Unmet("rule", tr("目标值为 {target}，完成率（ratio）只能用于正的目标值："
                                "请改用 linear（写 floor）或 bands 规则", target=_fmt(target)))
    return unmet


def linear_ok(target: Target | None, params: ScoringParams, polarity: str) -> Unmet | None:
    """A single target, and a `floor` (the actual that scores 0) other than the target."""
    unmet = _needs_target("linear", target) or _needs_single_target("linear", target, polarity)
    if unmet is not None:
        return unmet
    if params.floor is None:
        return Unmet("rule", tr("linear（线性插值）规则需要 floor（零分值）"))
    if isinstance(target, (int, float)) and params.floor == target:
        return Unmet("floor", tr("零分值 floor 等于目标值 {target}，线性插值无法计算："
                                 "floor 应是得 0 分的实际值（越高越好的指标 floor 低于目标）", target=_fmt(target)))
    return None


def range_ok(target: Target | None, params: ScoringParams, polarity: str) -> Unmet | None:
    """A target range `{min, max}`; a range of width 0 at 0 needs an explicit `tolerance`."""
    unmet = _needs_target("range", target)
    if unmet is not None:
        return unmet
    if not isinstance(target, TargetRange):
        return Unmet("rule", tr("{rule}（区间）规则需要区间目标，本指标的目标是单个数值："
                                "请把目标写成 {{min: 下限, max: 上限}}，或改用其他规则", rule="range"))
    if not params.tolerance and not _default_tolerance(target) > 0:
        return Unmet("rule", tr("目标区间宽度为 0 且上下限为 0（或小到无法计算），无法确定容差："
                                "请写 tolerance（容差）"))
    return None


def _default_tolerance(target: TargetRange) -> float:
    """The range width, or |bound| × 0.1 for a single value (0 when neither gives a width)."""
    return (target.max - target.min) or abs(target.min) * 0.1


def no_precondition(target: Target | None, params: ScoringParams, polarity: str) -> Unmet | None:
    """Any target (or none) will do."""
    return None


# -- scorers -----------------------------------------------------------------------------------

def ratio(a: float, target: Target | None, params: ScoringParams, polarity: str, cap: float) -> RuleOutcome:
    """up: A/T×100; down: T/A×100 (A = 0 → cap); capped. Needs T > 0 and A ≥ 0."""
    assert isinstance(target, (int, float))  # ratio_ok: a single positive number
    t = float(target)
    if a < 0:
        return RuleOutcome(None, tr("实际值 {actual} 为负数，完成率没有意义：请改用 linear 或 bands 规则",
                                    actual=_fmt(a)))
    if polarity == "down":
        return RuleOutcome(cap if a == 0 else clamp(t / a * 100, cap))
    return RuleOutcome(clamp(a / t * 100, cap))


def linear(a: float, target: Target | None, params: ScoringParams, polarity: str, cap: float) -> RuleOutcome:
    """0 at `floor`, 100 at the target, linear between and beyond; either direction."""
    assert isinstance(target, (int, float)) and params.floor is not None  # linear_ok
    t, f = float(target), params.floor
    warnings: tuple[str, ...] = ()
    if (polarity == "up" and f > t) or (polarity == "down" and f < t):
        warnings = (tr("零分值 {floor} 与指标方向（{polarity}）不一致：按零分值到目标值的方向计分",
                       floor=_fmt(f), polarity=polarity),)
    return RuleOutcome(clamp((a - f) / (t - f) * 100, cap), warnings=warnings)


def bands(a: float, target: Target | None, params: ScoringParams, polarity: str, cap: float) -> RuleOutcome:
    """The first band whose [min, max] (inclusive, either bound optional) holds A."""
    for band in params.bands:
        if (band.min is None or a >= band.min) and (band.max is None or a <= band.max):
            return RuleOutcome(clamp(band.score, cap))
    return RuleOutcome(0.0, warnings=(tr("实际值 {actual} 不在任何分档内，记 0 分", actual=_fmt(a)),))


def done(a: float, target: Target | None, params: ScoringParams, polarity: str, cap: float) -> RuleOutcome:
    """Done (true, or any positive number) → 100; not done (false, 0) → 0."""
    if a < 0:
        return RuleOutcome(None, tr("完成与否应填 true/false 或 1/0，实际写的是 {actual}", actual=_fmt(a)))
    return RuleOutcome(clamp(100.0 if a > 0 else 0.0, cap))


def manual(a: float, target: Target | None, params: ScoringParams, polarity: str, cap: float) -> RuleOutcome:
    """The actual is the rating itself, clamped to [0, cap] (cap 100 unless the item sets one)."""
    warnings: tuple[str, ...] = ()
    if not 0 <= a <= cap:
        warnings = (tr("评分 {rating} 超出 0–{cap}，按 {counted} 计", rating=_fmt(a), cap=_fmt(cap),
                       counted=_fmt(clamp(a, cap))),)
    return RuleOutcome(clamp(a, cap), warnings=warnings)


def range_(a: float, target: Target | None, params: ScoringParams, polarity: str, cap: float) -> RuleOutcome:
    """100 inside [min, max]; outside, linear down to 0 at `tolerance` from the nearer bound.

    Default tolerance: the range width, or |bound| × 0.1 when the range is a single value.
    """
    assert isinstance(target, TargetRange)  # range_ok
    lo, hi = target.min, target.max
    if lo <= a <= hi:
        return RuleOutcome(clamp(100.0, cap))
    tolerance = params.tolerance or _default_tolerance(target)
    distance = lo - a if a < lo else a - hi
    return RuleOutcome(clamp(100.0 * (1 - distance / tolerance), cap))


#: every rule kind: its precondition and scorer (label: `model.vocab.RULE`)
RULES: dict[str, ScoringRule] = {r.kind: r for r in (
    ScoringRule("ratio", ratio_ok, ratio),
    ScoringRule("linear", linear_ok, linear),
    ScoringRule("bands", no_precondition, bands),
    ScoringRule("done", no_precondition, done),
    ScoringRule("manual", no_precondition, manual),
    ScoringRule("range", range_ok, range_),
)}


def precondition(target: Target | None, params: ScoringParams, polarity: str) -> Unmet | None:
    """Why an item with these parameters cannot be scored against `target` (None: it can)."""
    rule = RULES.get(params.rule)
    if rule is None:
        return Unmet("rule", tr("未知的计分规则 {rule!r}", rule=params.rule))
    if isinstance(target, (int, float)) and not math.isfinite(target):
        return Unmet("measure", tr("目标值 {target!r} 不是有限数值", target=target))
    return rule.precondition(target, params, polarity)


def apply_rule(value: float | bool, target: Target | None, params: ScoringParams,
               polarity: str, default_cap: float) -> tuple[RuleOutcome, float]:
    """Score a present actual by the item's rule; returns the outcome and the cap used."""
    cap = effective_cap(params, default_cap)
    unmet = precondition(target, params, polarity)
    if unmet is not None:
        return RuleOutcome(None, unmet.message), cap
    a = float(value)
    if not math.isfinite(a):
        return RuleOutcome(None, tr("实际值 {actual!r} 不是有限数值", actual=value)), cap
    outcome = RULES[params.rule].score(a, target, params, polarity, cap)
    if outcome.score is not None and math.isnan(outcome.score):
        return RuleOutcome(None, tr("数值过大，计算溢出")), cap
    return outcome, cap
