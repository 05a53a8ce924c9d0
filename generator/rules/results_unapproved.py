"""BSC212 (warning) results are published for a period whose scale was never approved.

Pilot lesson 5 and the office's cycle: the assessment scale of a period is approved (审定) by
the unit's party committee or the city's assessment committee before it counts. A scale may
record its approval (`approved: {by, date}`), and so may the results; the results page shows
both. Publishing results scored on a scale nobody approved is flagged.

FAIL::

    # assessment/2009.yml has no `approved`
    # results/2009.yml
    period: 2009
    published: true

PASS::

    # assessment/2009.yml
    approved: {by: 乡党委会, date: 2009-01-16, reference: 乡党委会议纪要〔2009〕2号}

or `published: false` until it is approved.
"""
from __future__ import annotations

from typing import Iterator

from ..i18n import tr
from ..problems import Problem, Severity
from . import Context
from ._util import at

CODE = "BSC212"
NAME = "results-without-approved-scale"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for unit in ctx.units():
        if not unit.rules.publish_results:
            continue
        for period in unit.periods:
            results = unit.results.get(period.id)
            scale = unit.scales.get(period.id)
            if results is None or scale is None or not results.published or scale.approved is not None:
                continue
            yield at(ctx, scale, "period", code=CODE, unit=unit, severity=SEVERITY,
                     message=tr("{period}的考核量表没有审定记录，考核结果却已公开：请写 approved"
                                "（审定机构 by、日期 date，如 乡党委会），或在结果文件写 published: false 暂不公开",
                                period=period.name))
