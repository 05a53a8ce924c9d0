"""The export and import commands: files written, summary printed, refusals in the problem
format with exit 1, usage errors with exit 2."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from generator.cli import main

from .helpers import example_copy, snapshot


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_export_edit_import(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    book = tmp_path / "体系.xlsx"
    code, out = run("export", "xlsx", "hainan-township", "-o", str(book), "--path", str(root))
    assert code == 0 and book.is_file() and "已写出" in out
    wb = load_workbook(book)
    assert wb["_bscportal"].sheet_state == "hidden"
    assert wb["指标卡"].freeze_panes == "A2" and wb["指标卡"].protection.sheet
    wb["指标卡"]["S2"] = 6600
    wb.save(book)
    before = snapshot(root)
    code, out = run("import", "xlsx", str(book), "--dry-run", "--path", str(root))
    assert code == 0 and "指标卡!S2" in out and "6500 → 6600" in out and "试运行" in out
    assert snapshot(root) == before
    code, out = run("import", "xlsx", str(book), "--path", str(root))
    assert code == 0 and "已写入 units/hainan-township/measures.yml" in out
    assert "2009: 6600" in (root / "units/hainan-township/measures.yml").read_text(encoding="utf-8")


def test_forms_into_a_zip_and_a_folder(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    code, out = run("export", "forms", "2009", "-o", str(tmp_path / "f.zip"), "--path", str(root))
    assert code == 0
    names = zipfile.ZipFile(tmp_path / "f.zip").namelist()
    assert len(names) == 13 and "hainan-township-2009-form.xlsx" in names
    code, _ = run("export", "forms", "2009", "-o", str(tmp_path / "forms"), "--path", str(root))
    assert code == 0 and sorted(os.listdir(tmp_path / "forms")) == sorted(names)
    first = (tmp_path / "f.zip").read_bytes()
    run("export", "forms", "2009", "-o", str(tmp_path / "f.zip"), "--path", str(root))
    assert (tmp_path / "f.zip").read_bytes() == first  # deterministic


def test_form_print_setup(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    book = tmp_path / "form.xlsx"
    assert run("export", "form", "hainan-township", "2009", "-o", str(book), "--path", str(root))[0] == 0
    ws = load_workbook(book)["填报表"]
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 and ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$4:$4" and ws.freeze_panes == "A5"
    assert any(dv.formula1 == '"是,否"' for dv in ws.data_validations.dataValidation)
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert {"填报人（签字）：", "审核人（签字）：", "日期："} <= set(texts)


def test_refusal_exit_status_and_format(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    book = tmp_path / "form.xlsx"
    run("export", "form", "hainan-township", "2009", "-o", str(book), "--path", str(root))
    wb = load_workbook(book)
    wb["填报表"]["J5"] = "六千"
    wb.save(book)
    code, out = run("import", "xlsx", str(book), "--path", str(root))
    assert code == 1 and "form.xlsx:填报表!J5: error:" in out and "[BSC504]" in out
    assert "没有导入" in out


def test_usage_errors(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    assert run("export", "xlsx", "no-such-unit", "--path", str(root))[0] == 1
    assert run("export", "form", "hainan-township", "1999", "--path", str(root))[0] == 1
    assert run("export", "xlsx", "hainan-township", "--path", str(tmp_path))[0] == 2
