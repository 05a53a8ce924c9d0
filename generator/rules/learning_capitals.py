"""BSC210 (warning) a capital of learning and growth has no measure.

Pilot lesson 3: human, information and organisation capital have no good indicators at township
level yet. Tag each learning-and-growth objective with its `capital` (human 人力资本,
information 信息资本, organisation 组织资本) and give each capital at least one measure, so the
perspective does not measure training hours alone. One warning per unit, naming the capitals
without a measure (or asking for the tags when no objective has one). A unit with no
learning-and-growth measure at all gets BSC204 instead.

FAIL::

    # map.yml: only human capital is measured
    - {id: L1, name: 干部能力, perspective: learning, capital: human}   # M-L1 培训覆盖率
    - {id: L2, name: 信息化, perspective: learning, capital: information}  # no measure

PASS: a measure for L2 (e.g. 村级信息服务站覆盖率) and an objective with `capital: organisation`
and its measure (e.g. 机关作风评议得分).
"""
from __future__ import annotations

from typing import Iterator

from ..model.vocab import CAPITAL
from ..i18n import join, tr
from ..problems import Problem, Severity
from . import Context
from ._util import at, learning_objectives

CODE = "BSC210"
NAME = "learning-capital-without-measure"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for unit in ctx.units():
        objectives = learning_objectives(unit)
        measured = [o for o in objectives if unit.measures_of(o.id)]
        if not measured:
            continue  # nothing measured at all: BSC204
        tagged = [o for o in objectives if o.capital is not None]
        if not tagged:
            yield at(ctx, objectives[0], "perspective", code=CODE, unit=unit, severity=SEVERITY,
                     message=tr("学习与成长层面的目标都没有标明资本类型：请给每个目标写 capital"
                                "（human 人力资本 / information 信息资本 / organisation 组织资本），"
                                "以便按资本检查是否都有指标"))
            continue
        covered = {o.capital for o in measured}
        missing = [label for value, label in CAPITAL.terms if value not in covered]
        if missing:
            anchor = tagged[0]
            yield at(ctx, anchor, "capital", code=CODE, unit=unit, severity=SEVERITY,
                     message=tr("学习与成长层面的{capitals}没有任何指标：三种无形资本都需要可衡量的目标和指标"
                                "（如信息系统使用率、机关作风评议得分），否则学习与成长只剩培训学时",
                                capitals=join(label.lower() for label in missing)))
