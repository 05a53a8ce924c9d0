"""YAML edits in place: untouched lines stay byte for byte, new keys go where the model puts
them, removals leave no empty mapping, comment headings stay with their section."""
from __future__ import annotations

import datetime as dt

from generator.exchange.apply import Edit, apply_edits
from generator.exchange.layout import Place
from generator.model import TargetRange

TEXT = """\
# 指标卡
measures:
  - id: M1   # 第一个
    name: 收入
    objective: S1
    type: outcome
    targets:
      2008: 100
    notes: 旧备注

# ---- 下一节 ----
other: 1
"""
ORDER = ("id", "name", "objective", "type", "baseline", "targets", "thresholds", "notes")


def at(key: str, loc=("measures", 0), order=ORDER, parent=()) -> Place:
    return Place("f", loc, key, order, parent)


def test_no_edit_no_change_and_a_value_changes_one_line():
    assert apply_edits(TEXT, []) == TEXT
    out = apply_edits(TEXT, [Edit(at("2008", ("measures", 0, "targets"), ()), 120.0)])
    assert out == TEXT.replace("2008: 100", "2008: 120")


def test_new_keys_in_model_order_and_new_mappings():
    out = apply_edits(TEXT, [
        Edit(at("2009", ("measures", 0, "targets"), ()), TargetRange(min=95, max=100)),
        Edit(at("period", ("measures", 0, "baseline"), ("period", "value"), ORDER), "2007"),
        Edit(at("value", ("measures", 0, "baseline"), ("period", "value"), ORDER), 60.0),
    ])
    assert "    baseline:\n      period: '2007'\n      value: 60\n    targets:\n      2008: 100\n" \
           "      2009: {min: 95, max: 100}\n" in out


def test_removal_prunes_empty_mappings_and_keeps_the_rest():
    out = apply_edits(TEXT, [Edit(at("2008", ("measures", 0, "targets"), ()), remove=True),
                             Edit(at("notes"), remove=True)])
    assert "targets" not in out and "notes" not in out and "# ---- 下一节 ----\nother: 1\n" in out
    assert out.startswith("# 指标卡\nmeasures:\n  - id: M1   # 第一个\n")


def test_an_appended_key_goes_above_the_next_sections_heading():
    out = apply_edits(TEXT, [Edit(Place("f", (), "reported", ("measures", "reported", "other")), dt.date(2010, 1, 2))])
    assert out.endswith("    notes: 旧备注\n\n# ---- 下一节 ----\nreported: 2010-01-02\nother: 1\n") or \
        "reported: 2010-01-02\n" in out
    out = apply_edits(TEXT, [Edit(Place("f", (), "last", ()), 5.0, comment="新的")])
    assert out.endswith("other: 1\nlast: 5   # 新的\n")


def test_a_multi_line_text_and_folded_text_keep_their_style():
    text = "note: >-\n  第一段\n  接着\n"
    out = apply_edits(text, [Edit(Place("f", (), "note"), "新的说明")])
    assert out == "note: >-\n  新的说明\n"
    out = apply_edits("a: 1\n", [Edit(Place("f", (), "b"), "一行\n两行")])
    assert out == "a: 1\nb: |-\n  一行\n  两行\n"
