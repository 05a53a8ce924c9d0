"""Tracking (督办) on the example as of a fixed date: the city-wide page per unit and tracker,
each unit's section, action statuses from dates; the public edition lists only the kinds the
city publishes and nothing internal."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from generator.check import check_tree
from generator.render import render_edition
from generator.render.edition import view
from generator.render.tracking import tracking_report, unit_tracking
from tests.conftest import EXAMPLE_AS_OF, ROOT

ON = EXAMPLE_AS_OF


@pytest.fixture(scope="module")
def city():
    result = check_tree(ROOT / "scorecards", as_of=ON)
    assert result.ok
    return result.city


@pytest.fixture(scope="module")
def pages(city):
    return {e: render_edition(city, e, as_of=ON)[1] for e in ("public", "internal")}


def _items(city, edition):
    report = tracking_report(view(city, edition), ON)
    assert report is not None
    return {(t.unit.id, r.item.kind, r.item.name, r.item.days, r.tracker) for t in report.units for r in t.rows}


def test_internal_lists_every_kind_with_days_overdue(city):
    items = _items(city, "internal")
    # 2009-09-30 → 2010-08-31: 335 days; 2009-12-31 → 243; 2010-06-30 → 62; 2010-07-15 → 47
    assert ("hainan-township", "milestone", "一期工程开工", 335, "绩效联络员") in items
    assert ("hainan-township", "action", "朝鲜族民俗村旅游项目招商", 243, "绩效联络员") in items
    assert ("education-bureau", "milestone", "覆盖率达到50%", 243, "绩效专员") in items
    assert ("education-bureau", "action", "“高效课堂”教学改革实验", 47, "绩效专员") in items
    assert ("chaihe-town", "milestone", "建成木耳质量检测室", 62, "党政办公室") in items
    # an internal draft past its end date, followed up by its owner (no tracker named)
    assert ("hainan-township", "action", "内部草案：乡干部绩效奖金分配办法（征求意见稿）", 62, "党委副书记") in items
    # a value still missing for a closed period: 2009-q3 was due 2009-10-15 → 320 days
    assert ("hainan-township", "value", "全社会固定资产投资", 320, "经济发展办公室") in items
    # 2009-h1 was due 2009-07-20 → 407 days
    assert ("education-bureau", "value", "学籍管理系统数据准确率", 407, "电教信息员") in items
    # done (completion dates), cancelled, or not yet due: not listed
    names = {n for _, _, n, _, _ in items}
    assert not names & {"劳务输出规范化服务", "干部“一岗一课”轮训", "乡机关办公楼节能改造", "第一批D级校舍加固完工"}


def test_public_lists_only_published_kinds_and_nothing_internal(city):
    public = _items(city, "public")
    assert {k for _, k, _, _, _ in public} == {"action", "milestone"}   # settings.publish_tracking
    assert not any("内部" in n for _, _, n, _, _ in public)
    assert {(u, n) for u, _, n, _, _ in public} <= {(u, n) for u, _, n, _, _ in _items(city, "internal")}


def test_pages(pages):
    internal = pages["internal"]["city/tracking.md"].decode()
    assert "截至 **2010-08-31**" in internal and "逾期 335 天" in internal
    assert 'data-unit="hainan-township"' in internal and "指标实际值" in internal
    public = pages["public"]["city/tracking.md"].decode()
    assert "内部草案" not in public and "全社会固定资产投资" not in public
    unit = pages["public"]["units/hainan-township/index.md"].decode()
    assert "## 督办事项" in unit and "一期工程开工" in unit
    # the action table: statuses as of the date, the late plan marked
    assert "截至 2010-08-31" in unit and 'bsc-action--delayed' in unit and "逾期 243 天" in unit
    assert "## 督办事项" not in pages["public"]["units/agriculture-bureau/index.md"].decode()


def test_no_public_page_when_the_city_publishes_none(city):
    info = city.info.model_copy(update={"settings": city.info.settings.model_copy(update={"publish_tracking": []})})
    quiet = dataclasses.replace(city, info=info)
    files = render_edition(quiet, "public", as_of=ON)[1]
    assert "city/tracking.md" not in files
    assert "## 督办事项" not in files["units/hainan-township/index.md"].decode()
    assert unit_tracking(view(quiet, "internal"), "hainan-township", ON) is not None


def test_everything_is_overdue_later(city):
    # years later, what was overdue still is (nothing recorded it done) and plans open then are too
    far = {(u, k, n) for u, k, n, _, _ in _items_on(city, dt.date(2012, 1, 1))}
    assert {(u, k, n) for u, k, n, _, _ in _items(city, "internal")} <= far
    assert ("education-bureau", "milestone", "全部加固改造完成") in far


def _items_on(city, on):
    report = tracking_report(view(city, "internal"), on)
    assert report is not None
    return {(t.unit.id, r.item.kind, r.item.name, r.item.days, r.tracker) for t in report.units for r in t.rows}
