"""What each kind of input cell takes and refuses (every message in Chinese)."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.exchange.cells import (ActualCell, CellError, Choice, Date, Number, Ref, TargetCell, Text,
                                      TextList, YesNo, same)
from generator.model import TargetRange
from generator.model.vocab import POLARITY


@pytest.mark.parametrize("raw,want", [(75, 75.0), (97.5, 97.5), ("1,234.5", 1234.5), (" 88 ", 88.0),
                                      ("97.5%", 97.5), (None, None), ("", None)])
def test_number_reads(raw, want):
    assert Number().parse(raw) == want


@pytest.mark.parametrize("raw,cell,words", [
    ("约820", Number(), "应填数字"), (True, Number(), "应填数字"), (150, Number(low=0, high=100), "超出允许范围"),
    (0, Number(low=0, open_low=True), "大于 0"), (2.5, Number(whole=True), "整数"), (None, Number(required=True), "必填"),
    (1e16, Number(), "太大")])
def test_number_refuses(raw, cell, words):
    with pytest.raises(CellError, match=words):
        cell.parse(raw)


def test_a_percent_formatted_cell_reads_as_a_percentage():
    assert ActualCell(data_type="percent").parse(0.975, percent=True) == pytest.approx(97.5)
    assert ActualCell(data_type="number").parse(0.975, percent=True) == 0.975


def test_yes_no_and_choices():
    assert YesNo().parse("是") is True and YesNo().parse("否") is False and YesNo().parse(True) is True
    with pytest.raises(CellError, match="“是”或“否”"):
        YesNo().parse("可能")
    c = Choice(terms=POLARITY.terms, what=POLARITY.title)
    assert c.parse("越低越好") == "down" and c.parse("down") == "down" and c.show("up") == "越高越好"
    assert c.choices == ("越高越好", "越低越好", "在区间内最好")
    with pytest.raises(CellError, match="下拉列表"):
        c.parse("越大越好")


def test_ids_dates_lists_and_text():
    r = Ref(known=frozenset({"S1", "P2"}), what="目标", many=True)
    assert r.parse("S1、P2") == ("S1", "P2") and r.parse(None) == ()
    with pytest.raises(CellError, match="没有编号为 X9 的目标"):
        r.parse("S1, X9")
    assert Date().parse("2009年3月31日") == dt.date(2009, 3, 31)
    assert Date().parse(dt.datetime(2009, 3, 31)) == dt.date(2009, 3, 31)
    with pytest.raises(CellError, match="应填日期"):
        Date().parse("2009-02-30")
    assert TextList().parse("为民：群众的事，再小也是大事\n务实") == ("为民：群众的事，再小也是大事", "务实")
    assert Text().parse("  说明  ") == "说明" and Text().parse("   ") is None


def test_targets():
    t = TargetCell()
    assert t.parse("95–100") == TargetRange(min=95, max=100) and t.parse("95~100") == TargetRange(min=95, max=100)
    assert t.show(TargetRange(min=95, max=100)) == "95–100" and t.parse(80) == 80
    assert TargetCell(data_type="yesno").parse("是") == 1.0
    with pytest.raises(CellError, match="下限 100 大于上限 95"):
        t.parse("100-95")


def test_same_compares_values_not_types():
    assert same(75, 75.0) and same(1.0, True) and not same(0, True) and not same(None, False) and same(TargetRange(min=1, max=2), TargetRange(min=1.0, max=2.0))
