"""Workbooks in English: sheet names, headers and import messages follow the language; a
workbook exported in one language imports unchanged under the other (the hidden sheet records
its language and the import lays it out in it again); yes/no cells read in either language."""
from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.check import check_tree
from generator.exchange.cells import YesNo
from generator.exchange.export import form_workbook, system_workbook
from generator.exchange.importer import plan, summary
from generator.i18n import use_language

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("exchange-language") / "scorecards"
    shutil.copytree(ROOT / "scorecards", root)
    return root


@pytest.fixture(scope="module")
def city(tree: Path):
    return check_tree(tree).city


def _sheets(data: bytes) -> list[str]:
    return load_workbook(io.BytesIO(data)).sheetnames


def test_system_workbook_in_english_and_in_chinese(tree: Path) -> None:
    zh = _sheets(system_workbook(tree, "hainan-township")[1])
    assert zh[:5] == ["单位", "总卡", "指标卡", "行动方案", "里程碑"]
    with use_language("en"):
        en = _sheets(system_workbook(tree, "hainan-township")[1])
    assert en[:5] == ["Unit", "Objectives", "Indicator cards", "Action plans", "Milestones"]
    assert en[-1] == "_bscportal"


def test_form_in_english(tree: Path) -> None:
    with use_language("en"):
        _, data = form_workbook(tree, "hainan-township", "2009")
    ws = load_workbook(io.BytesIO(data))["Reporting form"]
    texts = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert "Actual this period" in texts and "Reported by (signature):" in texts
    assert not any("填报" in t for t in texts)


@pytest.mark.parametrize("written, read", [("en", "zh"), ("zh", "en"), ("en", "en")])
def test_a_workbook_reads_back_in_either_language(tree: Path, city, written: str, read: str) -> None:
    with use_language(written):  # type: ignore[arg-type]
        _, system = system_workbook(tree, "hainan-township")
        _, form = form_workbook(tree, "hainan-township", "2009")
    with use_language(read):  # type: ignore[arg-type]
        for data in (system, form):
            out = plan(tree, city, data, "w.xlsx", dt.date(2026, 1, 1))
            assert (out.problems, out.changes, out.texts) == ([], [], {})


def test_import_messages_in_english(tree: Path, city) -> None:
    with use_language("en"):
        _, data = form_workbook(tree, "hainan-township", "2009")
        wb = load_workbook(io.BytesIO(data))
        wb["Reporting form"]["N6"] = "extra"
        buf = io.BytesIO()
        wb.save(buf)
        out = plan(tree, city, buf.getvalue(), "w.xlsx", dt.date(2026, 1, 1))
        assert [p.code for p in out.problems] == ["BSC503"]
        assert out.problems[0].message.startswith("A cell outside the table has content “extra”")
        nothing = plan(tree, city, data, "w.xlsx", dt.date(2026, 1, 1))
        assert summary(nothing, False) == ["w.xlsx: no change, no file written"]
    assert summary(nothing, False) == ["w.xlsx：没有改动，没有写入任何文件"]


def test_yes_no_cells_read_both_languages() -> None:
    cell = YesNo()
    assert cell.parse("是") is True and cell.parse("Yes") is True and cell.parse("no") is False
    with use_language("en"):
        assert [c.lower() for c in cell.choices] == ["yes", "no"] and cell.parse("否") is False
