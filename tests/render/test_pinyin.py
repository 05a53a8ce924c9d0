"""Pinyin order and ASCII names (`render/pinyin.py`), and what pypinyin gave kept across builds."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.render import pinyin


def test_dictionary_order_and_slugs() -> None:
    pinyin.use_cache(None)
    assert sorted(["战略地图", "层面", "Abc", "标杆单位"], key=pinyin.sort_key) == ["Abc", "标杆单位", "层面", "战略地图"]
    assert pinyin.slug("一人多岗") == "yi-ren-duo-gang" and pinyin.slug("……") == ""


def test_a_later_build_reads_them_back_without_pypinyin(tmp_path: Path) -> None:
    pinyin.use_cache(tmp_path)
    made = (pinyin.sort_key("银行行动"), pinyin.slug("标签 权重"))
    pinyin.save_cache()
    assert len(list(tmp_path.glob("pinyin-*.json"))) == 1
    code = ("import sys; from pathlib import Path; from generator.render import pinyin;"
            f"pinyin.use_cache(Path({str(tmp_path)!r}));"
            "print(repr((pinyin.sort_key('银行行动'), pinyin.slug('标签 权重'))), 'pypinyin' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == f"{made!r} False"


def test_two_processes_saving_keep_both_sets(tmp_path: Path) -> None:
    pinyin.use_cache(tmp_path)
    pinyin.slug("考核")
    pinyin.save_cache()
    pinyin.use_cache(tmp_path)
    pinyin._MEMO.slug.clear()                      # as another process would hold it
    pinyin.slug("量表")
    pinyin.save_cache()
    pinyin.use_cache(tmp_path)
    assert {"考核", "量表"} <= set(pinyin._MEMO.slug)
    pinyin.use_cache(None)
