"""BSC106 results for measures, periods, people or items that do not exist.

A result file names its period, which must be both in the rules and covered by an assessment
scale (`assessment/<period>.yml`): results without a scale could not be scored, so they would
be left out of the site without a word. Each actual names a measure on the cards; bonus,
deduction and veto entries name items of that period's scale; person results name people of
the unit and their personal measures; a traditional grade names a grade of the rules.

FAIL::

    # results/2008.yml
    period: 2008
    actuals:
      M-S1-7: 88      # there is no measure M-S1-7

PASS: use the id of a measure on the unit's cards.
"""
from __future__ import annotations

from typing import Iterator

from ..i18n import tr
from ..problems import Problem, Severity
from . import Context
from ._util import at
from .references import _hint

CODE = "BSC106"
NAME = "result-unknown-reference"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    for unit in ctx.units():
        grades = {g.id for g in unit.rules.grades}
        for pid, res in unit.results.items():
            if pid not in unit.period_index:
                yield at(ctx, res, "period", code=CODE, unit=unit,
                         message=tr("考核期 `{period}` 不在考核办法的 periods 中：{hint}",
                                    period=pid, hint=_hint(unit.period_index)))
            elif pid not in unit.scales:
                if res.people:
                    message = tr("考核期 `{period}` 有结果和个人结果，但没有考核量表 assessment/{period}.yml："
                                 "没有量表的结果无法计分，也不会出现在网站上。请先建立本期的考核量表，"
                                 "或改正/删除这个结果文件", period=pid)
                else:
                    message = tr("考核期 `{period}` 有结果，但没有考核量表 assessment/{period}.yml："
                                 "没有量表的结果无法计分，也不会出现在网站上。请先建立本期的考核量表，"
                                 "或改正/删除这个结果文件", period=pid)
                yield at(ctx, res, "period", code=CODE, unit=unit, message=message)
            for mid in res.actuals:
                if mid not in unit.measure_index:
                    yield at(ctx, res, "actuals", mid, code=CODE, unit=unit, key=True,
                             message=tr("实际值写给了不存在的指标 `{id}`：{hint}",
                                        id=mid, hint=_hint(unit.measure_index)))
            scale = unit.scales.get(pid)
            for field, items in (
                ("bonus", scale.bonus if scale else []),
                ("deductions", scale.deductions if scale else []),
            ):
                known = {a.id for a in items}
                for key in getattr(res, field):
                    if key not in known:
                        message = (tr("加分项 `{id}` 不在本期考核量表中：{hint}", id=key, hint=_hint(known))
                                   if field == "bonus" else
                                   tr("扣分项 `{id}` 不在本期考核量表中：{hint}", id=key, hint=_hint(known)))
                        yield at(ctx, res, field, key, code=CODE, unit=unit, key=True, message=message)
            known_veto = {a.id for a in scale.veto} if scale else set()
            for i, key in enumerate(res.veto):
                if key not in known_veto:
                    yield at(ctx, res, "veto", i, code=CODE, unit=unit,
                             message=tr("一票否决项 `{id}` 不在本期考核量表中：{hint}",
                                        id=key, hint=_hint(known_veto)))
            if res.traditional and res.traditional.grade not in grades:
                yield at(ctx, res.traditional, "grade", code=CODE, unit=unit,
                         message=tr("传统考核等次 `{grade}` 不在考核办法的 grades 中：{hint}",
                                    grade=res.traditional.grade, hint=_hint(grades)))
            for person_id, pres in res.people.items():
                person = unit.person_index.get(person_id)
                if person is None:
                    yield at(ctx, res, "people", person_id, code=CODE, unit=unit, key=True,
                             message=tr("个人结果写给了不存在的人员 `{id}`：{hint}",
                                        id=person_id, hint=_hint(unit.person_index)))
                    continue
                own = {m.id for m in person.measures}
                for mid in pres.actuals:
                    if mid not in own:
                        yield at(ctx, pres, "actuals", mid, code=CODE, unit=unit, key=True,
                                 message=tr("`{id}` 不是 {person} 的个人指标：{hint}",
                                            id=mid, person=person.name, hint=_hint(own)))
                if pres.traditional_grade and pres.traditional_grade not in grades:
                    yield at(ctx, pres, "traditional_grade", code=CODE, unit=unit,
                             message=tr("传统考核等次 `{grade}` 不在 grades 中：{hint}",
                                        grade=pres.traditional_grade, hint=_hint(grades)))
