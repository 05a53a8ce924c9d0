"""BSC102 unknown reference: every id that points somewhere must exist.

Checked: a unit's kind and rollout stages (city.yml), a theme's city theme, an objective's
perspective, theme, `drives` and `supports`, a sub map's theme, department and objectives, a
measure's objective, owner and tracker (a post or department) and the measure it derives
from, an action plan's objectives, owner and tracker and its milestones' trackers, the unit's
heads (posts), a department's head post, a post's department and difficulty class, a person's
posts and their personal measures' posts, supported objectives and the measures they derive
from, the rules' veto grade, the
warning codes a unit silences (only warnings can be silenced) and the check codes whose level
city.yml changes (`settings.severity`; only the rules' codes, not the loading ones).

FAIL::

    objectives:
      - id: P1
        perspective: process
        drives: [S9]      # there is no objective S9

PASS: `drives: [S1]` where S1 is an objective of the unit.
"""
from __future__ import annotations

import difflib
from typing import Any, Iterable, Iterator

from ..i18n import join, tr
from ..model import Unit
from ..problems import Problem, Severity
from . import LOAD_CODES, Context, all_rules
from ._util import at, kind

CODE = "BSC102"
NAME = "unknown-reference"
SEVERITY = Severity.ERROR


def _hint(known: Iterable[str]) -> str:
    names = sorted(set(known))
    if not names:
        return tr("这里还没有任何可引用的编号")
    shown = join(names[:12]) + ("…" if len(names) > 12 else "")
    return tr("可用的编号：{ids}", ids=shown)


def _ref(ctx: Context, obj: Any, field: str, value: str | None, known: Iterable[str],
         what: str, unit: Unit | None, index: int | None = None) -> Iterator[Problem]:
    """A problem when `value` is not one of `known`; `what` is the kind of id (a key of
    `_util.kind`, named in the message only when there is one)."""
    known = set(known) if not isinstance(known, (set, dict, frozenset)) else known
    if value is None or value in known:
        return
    sub: tuple[str | int, ...] = (field,) if index is None else (field, index)
    yield at(ctx, obj, *sub, code=CODE, unit=unit,
             message=tr("找不到{what} `{id}`：{hint}", what=kind(what), id=value, hint=_hint(known)))


def _refs(ctx: Context, obj: Any, field: str, values: Iterable[str], known: Iterable[str],
          what: str, unit: Unit | None) -> Iterator[Problem]:
    """`_ref` for each item of a list field (pointing at the item)."""
    for i, value in enumerate(values):
        yield from _ref(ctx, obj, field, value, known, what, unit, i)


#: letters typed for the digits they look like (BSC2O2 for BSC202)
_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "L": "1"})


def _did_you_mean(code: str, known: Iterable[str]) -> str | None:
    """The code `code` was probably meant to be, or None."""
    lookalike = "BSC" + code[3:].translate(_LOOKALIKE) if code[:3].upper() == "BSC" else code
    if lookalike in set(known):
        return lookalike
    close = difflib.get_close_matches(code, sorted(known), n=1, cutoff=0.6)
    return close[0] if close else None


def _severity_keys(ctx: Context) -> Iterator[Problem]:
    """`settings.severity` may only name the rules' codes (a typo would silently do nothing)."""
    settings = ctx.city.info.settings
    codes = {r.CODE for r in all_rules()}
    for code in settings.severity:
        if code in codes:
            continue
        meant = _did_you_mean(code, codes)
        allowed = join(sorted(codes))
        if code in LOAD_CODES:
            message = tr("settings.severity 里的 `{code}` 是读取文件时的检查，级别不能调整；"
                         "可以调整级别的检查代码有 {codes}", code=code, codes=allowed)
        elif meant:
            message = tr("settings.severity 里的 `{code}` 不是检查代码（是不是想写 `{meant}`？）；"
                         "可以调整级别的检查代码有 {codes}", code=code, meant=meant, codes=allowed)
        else:
            message = tr("settings.severity 里的 `{code}` 不是检查代码；可以调整级别的检查代码有 {codes}",
                         code=code, codes=allowed)
        yield at(ctx, settings, "severity", code, code=CODE, unit=None, key=True, message=message)


def check(ctx: Context) -> Iterator[Problem]:
    info = ctx.city.info
    stages = {s.id for s in info.stages}
    kinds = {k.id for k in info.kinds}
    city_themes = {t.id for t in info.themes}
    grades = {g.id for g in info.rules.grades}
    yield from _severity_keys(ctx)
    yield from _ref(ctx, info.rules, "veto_grade", info.rules.veto_grade, grades, "grade", None)
    for entry in ctx.city.registry.units:
        yield from _ref(ctx, entry, "kind", entry.kind, kinds, "unit kind", None)
        for step in entry.rollout:
            yield from _ref(ctx, step, "stage", step.stage, stages, "stage", None)
    for unit in ctx.units():
        yield from _unit(ctx, unit, city_themes)


def _unit(ctx: Context, unit: Unit, city_themes: set[str]) -> Iterator[Problem]:
    if unit.info is not None:
        rules = all_rules()
        warnings = {r.CODE for r in rules if r.SEVERITY is Severity.WARNING}
        known = {r.CODE for r in rules} | set(LOAD_CODES)
        for i, code in enumerate(unit.info.silence):
            if code not in warnings:
                meant = None if code in known else _did_you_mean(code, warnings)
                allowed = join(sorted(warnings))
                if meant:
                    message = tr("`{code}` 不是可以关闭的警告代码：是不是想写 `{meant}`？"
                                 "只能关闭这些警告 {codes}（错误不能关闭）",
                                 code=code, meant=meant, codes=allowed)
                else:
                    message = tr("`{code}` 不是可以关闭的警告代码：只能关闭这些警告 {codes}（错误不能关闭）",
                                 code=code, codes=allowed)
                yield at(ctx, unit.info, "silence", i, code=CODE, unit=unit, message=message)
    perspectives = {p.id for p in unit.perspectives}
    themes = {t.id for t in unit.themes}
    objectives = unit.objective_index
    if not unit.objectives and (unit.all_measures or unit.actions):
        # one message for the cause, not one per measure, sub-card and action plan
        first = (unit.measures or unit.all_measures or unit.actions)[0]
        if "map" not in unit.files:
            message = tr("本单位还没有任何战略目标（map.yml 为空或不存在），指标和行动方案无处挂靠："
                         "请先在 map.yml 中写出战略目标")
        else:
            message = tr("本单位还没有任何战略目标（map.yml 里没有 objectives），指标和行动方案无处挂靠："
                         "请先在 map.yml 中写出战略目标")
        yield at(ctx, first, "id", code=CODE, unit=unit, message=message)
        return
    card = {o.id for o in unit.objectives}
    owners = set(unit.post_index) | set(unit.department_index)
    for theme in unit.themes:
        yield from _refs(ctx, theme, "aligns_to", theme.aligns_to, city_themes, "city theme", unit)
    for obj in unit.all_objectives:
        yield from _ref(ctx, obj, "perspective", obj.perspective, perspectives, "perspective", unit)
        yield from _ref(ctx, obj, "theme", obj.theme, themes, "theme", unit)
        yield from _ref(ctx, obj, "owner", obj.owner, owners, "owner", unit)
        yield from _refs(ctx, obj, "drives", obj.drives, objectives, "objective", unit)
        yield from _refs(ctx, obj, "supports", obj.supports, card, "unit objective", unit)
    for sub in unit.maps:
        yield from _ref(ctx, sub, "theme", sub.theme, themes, "theme", unit)
        yield from _ref(ctx, sub, "department", sub.department, unit.department_index, "department", unit)
        yield from _refs(ctx, sub, "objectives", sub.objectives, objectives, "objective", unit)
    for m in unit.all_measures:
        yield from _ref(ctx, m, "objective", m.objective, objectives, "objective", unit)
        yield from _ref(ctx, m, "owner", m.owner, owners, "owner", unit)
        yield from _ref(ctx, m, "tracker", m.tracker, owners, "owner", unit)
        yield from _ref(ctx, m, "derives_from", m.derives_from, unit.measure_index, "measure", unit)
    for act in unit.actions:
        yield from _refs(ctx, act, "objectives", act.objectives, objectives, "objective", unit)
        yield from _ref(ctx, act, "owner", act.owner, owners, "owner", unit)
        yield from _ref(ctx, act, "tracker", act.tracker, owners, "owner", unit)
        for ms in act.milestones:
            yield from _ref(ctx, ms, "tracker", ms.tracker, owners, "owner", unit)
    if unit.info is not None:
        yield from _refs(ctx, unit.info, "heads", unit.info.heads, unit.post_index, "post", unit)
    for dep in unit.departments:
        yield from _ref(ctx, dep, "head", dep.head, unit.post_index, "post", unit)
    difficulty = {d.id for d in unit.rules.difficulty}
    for post in unit.posts:
        yield from _ref(ctx, post, "department", post.department, unit.department_index, "department", unit)
        yield from _ref(ctx, post, "difficulty", post.difficulty, difficulty, "difficulty", unit)
    for person in unit.people:
        held = {a.post for a in person.posts}
        for a in person.posts:
            yield from _ref(ctx, a, "post", a.post, unit.post_index, "post", unit)
        for pm in person.measures:
            yield from _ref(ctx, pm, "post", pm.post, held, "held post", unit)
            yield from _ref(ctx, pm, "supports", pm.supports, objectives, "objective", unit)
            yield from _ref(ctx, pm, "derives_from", pm.derives_from, unit.measure_index, "measure", unit)
    if unit.own_rules:
        grades = {g.id for g in unit.own_rules.grades}
        yield from _ref(ctx, unit.own_rules, "veto_grade", unit.own_rules.veto_grade, grades, "grade", unit)
