"""BSC214 (warning) a leadership team's final adjustment exceeds the cap the rules set.

Pilot lesson 4: the leadership team's final composite rating may adjust a person's formula
score, with a recorded reason, within a cap the assessment rules set
(`multi_post.adjustment_cap`, in points). An adjustment beyond the cap counts only up to it;
where the rules set no cap, it does not count at all. Both are flagged so the record and the
rules agree.

FAIL::

    # rules.yml: multi_post: {adjustment_cap: 3}
    # results/2009.yml
    people:
      li-dewen:
        final_adjustment: {points: 5, reason: 兼任武装部长，防汛期间工作量大}

PASS: `points: 3`, or raise the cap in the rules (`adjustment_cap: 5`) if that is the rule.
"""
from __future__ import annotations

from typing import Iterator

from ..i18n import tr
from ..problems import Problem, Severity
from . import Context
from ._util import at

CODE = "BSC214"
NAME = "leadership-adjustment-over-cap"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for unit in ctx.units():
        cap = unit.rules.multi_post.adjustment_cap
        for pid, results in unit.results.items():
            for person_id, mine in results.people.items():
                adj = mine.final_adjustment
                if adj is None or (cap is not None and abs(adj.points) <= cap + 1e-9):
                    continue
                who = unit.person_index[person_id].name if person_id in unit.person_index else person_id
                why = (tr("考核办法没有规定领导班子最终调整的上限（multi_post.adjustment_cap），这个调整不计入")
                       if cap is None else tr("超过考核办法规定的上限 {cap:g} 分，只按 {cap:g} 分计", cap=cap))
                yield at(ctx, mine.final_adjustment, "points", code=CODE, unit=unit, severity=SEVERITY,
                         message=tr("{period} {person}的领导班子最终调整为 {points:+g} 分，{why}",
                                    period=pid, person=who, points=adj.points, why=why))
