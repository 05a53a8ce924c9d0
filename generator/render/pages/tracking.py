"""Tracking (督办): the city-wide page of what is overdue as of the build's as-of date — action
plans past their end, milestones past their due date, values not reported for a closed period —
per unit and, within a unit, per tracker, with how long each is overdue (`paths.TRACKING`).

Internal edition: every kind; public edition: the kinds the city publishes
(`settings.publish_tracking`), no page when it publishes none. Each unit's page carries its own
part of it (`render.tracking.unit_tracking`, section 督办事项).
"""
from __future__ import annotations

from typing import Iterable

from .. import paths
from ..context import SiteContext
from ..output import Output, page
from ..reporting import shows_reporting
from ..tracking import tracking_report

KIND = "tracking"


def outputs(site: SiteContext) -> Iterable[Output]:
    report = tracking_report(site.ev, site.as_of)
    if report is None:
        return
    yield page("tracking.md.j2", paths.TRACKING, site=site, report=report,
               show_reporting=shows_reporting(site.ev))
