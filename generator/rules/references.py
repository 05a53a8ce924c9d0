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

from ..model import Unit
from ..problems import Problem, Severity
from . import LOAD_CODES, Context, all_rules
from ._util import at

CODE = "BSC102"
NAME = "unknown-reference"
SEVERITY = Severity.ERROR


def _hint(known: Iterable[str]) -> str:
    names = sorted(set(known))
    if not names:
        return "这里还没有任何可引用的编号"
    shown = "、".join(names[:12]) + ("…" if len(names) > 12 else "")
    return f"可用的编号：{shown}"


def _ref(ctx: Context, obj: Any, field: str, value: str | None, known: Iterable[str],
         what: str, unit: Unit | None, index: int | None = None) -> Iterator[Problem]:
    known = set(known) if not isinstance(known, (set, dict, frozenset)) else known
    if value is None or value in known:
        return
    sub: tuple[str | int, ...] = (field,) if index is None else (field, index)
    yield at(ctx, obj, *sub, code=CODE, unit=unit,
             message=f"找不到{what} `{value}`：{_hint(known)}")


def _refs(ctx: Context, obj: Any, field: str, values: Iterable[str], known: Iterable[str],
          what: str, unit: Unit | None) -> Iterator[Problem]:
    """`_ref` for each item of a list field (pointing at the item)."""
    for i, value in enumerate(values):
        yield from _ref(ctx, obj, field, value, known, what, unit, i)


#: letters typed for the digits they look like (BSC2O2 for BSC202)
_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "L": "1"})


def _did_you_mean(code: str, known: Iterable[str]) -> str:
    lookalike = "BSC" + code[3:].translate(_LOOKALIKE) if code[:3].upper() == "BSC" else code
    if lookalike in set(known):
        return f"是不是想写 `{lookalike}`？"
    close = difflib.get_close_matches(code, sorted(known), n=1, cutoff=0.6)
    return f"是不是想写 `{close[0]}`？" if close else ""


def _severity_keys(ctx: Context) -> Iterator[Problem]:
    """`settings.severity` may only name the rules' codes (a typo would silently do nothing)."""
    settings = ctx.city.info.settings
    codes = {r.CODE for r in all_rules()}
    for code in settings.severity:
        if code in codes:
            continue
        hint = _did_you_mean(code, codes)
        why = ("是读取文件时的检查，级别不能调整" if code in LOAD_CODES
               else "不是检查代码" + (f"（{hint}）" if hint else ""))
        yield at(ctx, settings, "severity", code, code=CODE, unit=None, key=True,
                 message=f"settings.severity 里的 `{code}` {why}；可以调整级别的检查代码有 "
                         f"{'、'.join(sorted(codes))}")


def check(ctx: Context) -> Iterator[Problem]:
    info = ctx.city.info
    stages = {s.id for s in info.stages}
    kinds = {k.id for k in info.kinds}
    city_themes = {t.id for t in info.themes}
    grades = {g.id for g in info.rules.grades}
    yield from _severity_keys(ctx)
    yield from _ref(ctx, info.rules, "veto_grade", info.rules.veto_grade, grades, "等次", None)
    for entry in ctx.city.registry.units:
        yield from _ref(ctx, entry, "kind", entry.kind, kinds, "单位类别", None)
        for step in entry.rollout:
            yield from _ref(ctx, step, "stage", step.stage, stages, "推行阶段", None)
    for unit in ctx.units():
        yield from _unit(ctx, unit, city_themes)


def _unit(ctx: Context, unit: Unit, city_themes: set[str]) -> Iterator[Problem]:
    if unit.info is not None:
        rules = all_rules()
        warnings = {r.CODE for r in rules if r.SEVERITY is Severity.WARNING}
        known = {r.CODE for r in rules} | set(LOAD_CODES)
        for i, code in enumerate(unit.info.silence):
            if code not in warnings:
                hint = "" if code in known else _did_you_mean(code, warnings)
                yield at(ctx, unit.info, "silence", i, code=CODE, unit=unit,
                         message=f"`{code}` 不是可以关闭的警告代码：{hint}"
                                 f"只能关闭这些警告 {'、'.join(sorted(warnings))}（错误不能关闭）")
    perspectives = {p.id for p in unit.perspectives}
    themes = {t.id for t in unit.themes}
    objectives = unit.objective_index
    if not unit.objectives and (unit.all_measures or unit.actions):
        # one message for the cause, not one per measure, sub-card and action plan
        first = (unit.measures or unit.all_measures or unit.actions)[0]
        where = "map.yml 为空或不存在" if "map" not in unit.files else "map.yml 里没有 objectives"
        yield at(ctx, first, "id", code=CODE, unit=unit,
                 message=f"本单位还没有任何战略目标（{where}），指标和行动方案无处挂靠："
                         "请先在 map.yml 中写出战略目标")
        return
    card = {o.id for o in unit.objectives}
    owners = set(unit.post_index) | set(unit.department_index)
    for theme in unit.themes:
        yield from _refs(ctx, theme, "aligns_to", theme.aligns_to, city_themes, "市级战略主题", unit)
    for obj in unit.all_objectives:
        yield from _ref(ctx, obj, "perspective", obj.perspective, perspectives, "层面", unit)
        yield from _ref(ctx, obj, "theme", obj.theme, themes, "战略主题", unit)
        yield from _ref(ctx, obj, "owner", obj.owner, owners, "岗位或部门", unit)
        yield from _refs(ctx, obj, "drives", obj.drives, objectives, "目标", unit)
        yield from _refs(ctx, obj, "supports", obj.supports, card, "总卡目标", unit)
    for sub in unit.maps:
        yield from _ref(ctx, sub, "theme", sub.theme, themes, "战略主题", unit)
        yield from _ref(ctx, sub, "department", sub.department, unit.department_index, "部门", unit)
        yield from _refs(ctx, sub, "objectives", sub.objectives, objectives, "目标", unit)
    for m in unit.all_measures:
        yield from _ref(ctx, m, "objective", m.objective, objectives, "目标", unit)
        yield from _ref(ctx, m, "owner", m.owner, owners, "岗位或部门", unit)
        yield from _ref(ctx, m, "tracker", m.tracker, owners, "岗位或部门", unit)
        yield from _ref(ctx, m, "derives_from", m.derives_from, unit.measure_index, "指标", unit)
    for act in unit.actions:
        yield from _refs(ctx, act, "objectives", act.objectives, objectives, "目标", unit)
        yield from _ref(ctx, act, "owner", act.owner, owners, "岗位或部门", unit)
        yield from _ref(ctx, act, "tracker", act.tracker, owners, "岗位或部门", unit)
        for ms in act.milestones:
            yield from _ref(ctx, ms, "tracker", ms.tracker, owners, "岗位或部门", unit)
    if unit.info is not None:
        yield from _refs(ctx, unit.info, "heads", unit.info.heads, unit.post_index, "岗位", unit)
    for dep in unit.departments:
        yield from _ref(ctx, dep, "head", dep.head, unit.post_index, "岗位", unit)
    difficulty = {d.id for d in unit.rules.difficulty}
    for post in unit.posts:
        yield from _ref(ctx, post, "department", post.department, unit.department_index, "部门", unit)
        yield from _ref(ctx, post, "difficulty", post.difficulty, difficulty, "岗位难度类别", unit)
    for person in unit.people:
        held = {a.post for a in person.posts}
        for a in person.posts:
            yield from _ref(ctx, a, "post", a.post, unit.post_index, "岗位", unit)
        for pm in person.measures:
            yield from _ref(ctx, pm, "post", pm.post, held, "此人所任的岗位", unit)
            yield from _ref(ctx, pm, "supports", pm.supports, objectives, "目标", unit)
            yield from _ref(ctx, pm, "derives_from", pm.derives_from, unit.measure_index, "指标", unit)
    if unit.own_rules:
        grades = {g.id for g in unit.own_rules.grades}
        yield from _ref(ctx, unit.own_rules, "veto_grade", unit.own_rules.veto_grade, grades, "等次", unit)
