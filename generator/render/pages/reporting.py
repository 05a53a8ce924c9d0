"""Reporting status (报送情况): a list of periods and one page per period — which units
reported, which are late or overdue, which measures lack values and why, counts per unit kind.

Internal edition; the public edition too when the city's `settings.publish_reporting` is true.
"""
from __future__ import annotations

from typing import Iterable

from .. import paths
from ..context import SiteContext
from ..output import Output, page
from ..reporting import period_reports, shows_reporting

KIND = "reporting"


def outputs(site: SiteContext) -> Iterable[Output]:
    if not shows_reporting(site.ev):
        return
    on = site.as_of
    reports = period_reports(site.ev, on)
    if not reports:
        return
    yield page("reporting.md.j2", paths.REPORTING, site=site, reports=reports, today=on)
    for report in reports:
        yield page("reporting_period.md.j2", paths.reporting(report.id), site=site, report=report, today=on)
