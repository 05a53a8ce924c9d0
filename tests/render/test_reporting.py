"""Reporting status (报送情况) of the example: statuses, lateness, missing values with notes,
counts per unit kind; the pages in the internal edition, in the public one only when the city
publishes them."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from generator.check import check_tree
from generator.model import Actual
from generator.render import render_edition
from generator.render.edition import view
from generator.render.reporting import open_period, period_reports
from tests.conftest import ROOT

ON = dt.date(2026, 11, 30)


@pytest.fixture(scope="module")
def city():
    result = check_tree(ROOT / "scorecards")
    assert result.ok
    return result.city


def test_statuses_of_2009(city):
    reports = {r.id: r for r in period_reports(view(city, "internal"), ON)}
    r = reports["2009"]
    statuses = {u.unit.id: u.status for u in r.units}
    assert len(statuses) == 13 and statuses["hainan-township"] == "on-time"
    # due 2010-01-20: reported on the 22nd and the 26th
    assert statuses["hengdaohezi-town"] == "late" and statuses["xinan-town"] == "late"
    assert {u.unit.id: u.days_late for u in r.units if u.days_late} == {"hengdaohezi-town": 2, "xinan-town": 6}
    assert r.reported == 13 and r.count("overdue") == 0 and r.dues == (dt.date(2010, 1, 20),)
    assert sum(k.expected for k in r.kinds) == 13 and sum(k.late for k in r.kinds) == 2


def test_no_reporting_date_and_missing_values_with_notes(city):
    reports = {r.id: r for r in period_reports(view(city, "internal"), ON)}
    assert {u.status for u in reports["2008"].units} == {"reported"}
    edu = reports["2009-h1"].units[0]
    assert [(m.measure.id, m.assessed, bool(m.note)) for m in edu.missing] == [("M-L3-2", True, True)]


def test_a_unit_without_results_is_overdue_after_the_due_date(city):
    edu = city.units["education-bureau"]
    gone = dataclasses.replace(edu, results={k: v for k, v in edu.results.items() if k != "2010-h1"})
    shown = dataclasses.replace(city, units={**city.units, "education-bureau": gone})
    r = {r.id: r for r in period_reports(view(shown, "internal"), ON)}["2010-h1"]
    assert [(u.unit.id, u.status) for u in r.units] == [("education-bureau", "overdue")]
    r = {r.id: r for r in period_reports(view(shown, "internal"), dt.date(2010, 7, 1))}["2010-h1"]
    assert r.units[0].status == "pending"


def test_the_open_period_is_the_newest_annual_round(city):
    assert open_period(period_reports(view(city, "internal"), ON)).id == "2009"


def test_pages_in_the_internal_edition_only(city):
    _, internal = render_edition(city, "internal", repo_paths={})
    page = internal["city/reporting-2009.md"].decode("utf-8")
    assert "2009年度报送情况" in page and "逾期报送" in page and "晚 6 天" in page
    assert "city/reporting.md" in internal and "city/reporting-2010-h1.md" in internal
    assert "报送情况" in internal["index.md"].decode("utf-8")
    assert "reporting.md" in internal["internal/index.md"].decode("utf-8")
    _, public = render_edition(city, "public", repo_paths={})
    assert not any(p.startswith("city/reporting") for p in public)
    assert "reporting-2009" not in public["index.md"].decode("utf-8")


def test_public_pages_when_the_city_publishes_them(city):
    settings = city.info.settings.model_copy(update={"publish_reporting": True})
    shown = dataclasses.replace(city, info=city.info.model_copy(update={"settings": settings}))
    _, public = render_edition(shown, "public", repo_paths={})
    assert "city/reporting-2009.md" in public and "reporting-2009" in public["index.md"].decode("utf-8")


def test_public_reporting_pages_name_nothing_internal(mini_city):
    """The mini city marks internal entities with 机密: an internal measure's missing value and
    an unpublished result's note reach the internal reporting page only."""
    u = mini_city.units["mini-town"]
    r08, r09 = u.results["2008"], u.results["2009"]
    results = {
        "2008": r08.model_copy(update={"actuals": {**r08.actuals, "M-SX-1": Actual(value=None, note="机密缺数原因")}}),
        "2009": r09.model_copy(update={"actuals": {**r09.actuals, "M-C1-1": Actual(value=None, note="未公开说明甲")}}),
    }
    settings = mini_city.info.settings.model_copy(update={"publish_reporting": True})
    shown = dataclasses.replace(mini_city, info=mini_city.info.model_copy(update={"settings": settings}),
                                units={**mini_city.units, "mini-town": dataclasses.replace(u, results=results)})
    pages = {}
    for edition in ("public", "internal"):
        _, files = render_edition(shown, edition, repo_paths={})
        pages[edition] = " ".join(v.decode("utf-8") for p, v in files.items() if p.startswith("city/reporting"))
    assert "机密缺数原因" in pages["internal"] and "未公开说明甲" in pages["internal"]
    assert "机密" not in pages["public"] and "未公开说明甲" not in pages["public"]
    assert "2009年" in pages["public"]  # the unpublished period's status is still shown
