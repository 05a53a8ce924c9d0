"""Scoring rules: an actual A against a target T → percent of full marks.

One function per rule kind, in the `RULES` registry. Each gets a finite number (bools read as
1/0), the period's target, the item's parameters, the measure's polarity and the item's cap;
it returns a `RuleOutcome` whose score is already clamped to [0, cap], or an error saying why
the item cannot be scored as written (never an exception).
"""
from __future__ import annotations

import math
from typing import Callable

from ..model import TargetRange
from ..model.assessment import ScoringParams
from .records import RuleOutcome, Target

RuleFn = Callable[[float, "Target | None", ScoringParams, str, float], RuleOutcome]

#: manual ratings are on a 0–100 scale unless the item says otherwise
MANUAL_CAP = 100.0


def effective_cap(params: ScoringParams, default_cap: float) -> float:
    """The item's cap, else the rules' `score_cap` (or 100 for manual ratings)."""
    if params.cap is not None:
        return params.cap
    return MANUAL_CAP if params.rule == "manual" else default_cap


def clamp(score: float, cap: float) -> float:
    return min(max(score, 0.0), cap)


def _fmt(x: float) -> str:
    return f"{x:g}"


def _no_target() -> RuleOutcome:
    return RuleOutcome(None, "本期没有目标值，无法计分")


def _range_target_error(rule: str) -> RuleOutcome:
    return RuleOutcome(None, f"目标是区间，{rule} 规则无法计分：请改用 range 或 bands 规则")


def ratio(a: float, target: Target | None, params: ScoringParams, polarity: str, cap: float) -> RuleOutcome:
    """up: A/T×100; down: T/A×100 (A = 0 → cap); capped. Needs T > 0 and A ≥ 0."""
    if target is None:
        return _no_target()
    if isinstance(target, TargetRange) or polarity == "range":
        return _range_target_error("ratio（完成率）")
    t = float(target)
    if t == 0:
        return RuleOutcome(None, "目标值为 0，完成率无法计算：请改用 linear（写 floor）或 bands 规则")
    if t < 0 or a < 0:
        return RuleOutcome(None, f"实际值 {_fmt(a)} 与目标值 {_fmt(t)} 不全为正数，完成率没有意义："
                                 "请改用 linear 或 bands 规则")
    if polarity == "down":
        return RuleOutcome(cap if a == 0 else clamp(t / a * 100, cap))
    return RuleOutcome(clamp(a / t * 100, cap))


def linear(a: float, target: Target | None, params: ScoringParams, polarity: str, cap: float) -> RuleOutcome:
    """0 at `floor`, 100 at the target, linear between and beyond; either direction."""
    if target is None:
        return _no_target()
    if isinstance(target, TargetRange) or polarity == "range":
        return _range_target_error("linear（线性插值）")
    if params.floor is None:  # the model requires it; kept for safety
        return RuleOutcome(None, "linear 规则需要 floor（零分值）")
    t, f = float(target), params.floor
    if t == f:
        return RuleOutcome(None, f"零分值 floor 与目标值相同（{_fmt(t)}），无法插值")
    warnings: tuple[str, ...] = ()
    if (polarity == "up" and f > t) or (polarity == "down" and f < t):
        warnings = (f"零分值 {_fmt(f)} 与指标方向（{polarity}）不一致：按零分值到目标值的方向计分",)
    return RuleOutcome(clamp((a - f) / (t - f) * 100, cap), warnings=warnings)


def bands(a: float, target: Target | None, params: ScoringParams, polarity: str, cap: float) -> RuleOutcome:
    """The first band whose [min, max] (inclusive, either bound optional) holds A."""
    for band in params.bands:
        if (band.min is None or a >= band.min) and (band.max is None or a <= band.max):
            return RuleOutcome(clamp(band.score, cap))
    return RuleOutcome(0.0, warnings=(f"实际值 {_fmt(a)} 不在任何分档内，记 0 分",))


def done(a: float, target: Target | None, params: ScoringParams, polarity: str, cap: float) -> RuleOutcome:
    """Done (true, or any positive number) → 100; not done (false, 0) → 0."""
    if a < 0:
        return RuleOutcome(None, f"完成与否应填 true/false 或 1/0，实际写的是 {_fmt(a)}")
    return RuleOutcome(clamp(100.0 if a > 0 else 0.0, cap))


def manual(a: float, target: Target | None, params: ScoringParams, polarity: str, cap: float) -> RuleOutcome:
    """The actual is the rating itself, clamped to [0, cap] (cap 100 unless the item sets one)."""
    warnings: tuple[str, ...] = ()
    if not 0 <= a <= cap:
        warnings = (f"评分 {_fmt(a)} 超出 0–{_fmt(cap)}，按 {_fmt(clamp(a, cap))} 计",)
    return RuleOutcome(clamp(a, cap), warnings=warnings)


def range_(a: float, target: Target | None, params: ScoringParams, polarity: str, cap: float) -> RuleOutcome:
    """100 inside [min, max]; outside, linear down to 0 at `tolerance` from the nearer bound.

    Default tolerance: the range width, or |bound| × 0.1 when the range is a single value.
    A single-number target is the range [T, T].
    """
    if target is None:
        return _no_target()
    lo, hi = (target.min, target.max) if isinstance(target, TargetRange) else (float(target),) * 2
    if lo <= a <= hi:
        return RuleOutcome(clamp(100.0, cap))
    tolerance = params.tolerance or (hi - lo) or abs(lo if a < lo else hi) * 0.1
    if tolerance <= 0:
        return RuleOutcome(None, "目标区间为 0，无法确定容差：请写 tolerance（容差）")
    distance = lo - a if a < lo else a - hi
    return RuleOutcome(clamp(100.0 * (1 - distance / tolerance), cap))


RULES: dict[str, RuleFn] = {
    "ratio": ratio,
    "linear": linear,
    "bands": bands,
    "done": done,
    "manual": manual,
    "range": range_,
}


def apply_rule(value: float | bool, target: Target | None, params: ScoringParams,
               polarity: str, default_cap: float) -> tuple[RuleOutcome, float]:
    """Score a present actual by the item's rule; returns the outcome and the cap used."""
    cap = effective_cap(params, default_cap)
    a = float(value)
    if not math.isfinite(a):
        return RuleOutcome(None, f"实际值 {value!r} 不是有限数值"), cap
    if isinstance(target, (int, float)) and not math.isfinite(target):
        return RuleOutcome(None, f"目标值 {target!r} 不是有限数值"), cap
    try:
        rule = RULES[params.rule]
    except KeyError:
        return RuleOutcome(None, f"未知的计分规则 {params.rule!r}"), cap
    outcome = rule(a, target, params, polarity, cap)
    if outcome.score is not None and math.isnan(outcome.score):
        return RuleOutcome(None, "数值过大，计算溢出"), cap
    return outcome, cap
