"""The model speaks the current language: vocabulary labels, field labels, validation messages,
the JSON Schema and the format reference; Chinese stays as it was."""
from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from generator.i18n import use_language
from generator.load.yamlfile import MAX_ALIAS_CHARS, MAX_BYTES, MAX_DEPTH, MAX_DIGITS
from generator.model import Measure, Period, Settings, TargetRange
from generator.model.base import field_label
from generator.model.url import check_url
from generator.model.vocab import ACTION_STATUS, MISSING_RULE, PERIOD_KIND, RULE, STATUS, VOCABULARIES, field_text
from generator.reference import render_format
from generator.schema import render_schema


def test_vocabulary_labels_in_chinese_and_english() -> None:
    assert STATUS.label("on-track") == "正常"
    assert PERIOD_KIND.label("quarter") == "季度"
    assert RULE.title == "计分规则"
    with use_language("en"):
        assert STATUS.label("on-track") == "On track"
        assert STATUS.label("no-data") == "No data"
        assert PERIOD_KIND.label("quarter") == "Quarter"
        assert RULE.title == "Scoring rule"
        assert ACTION_STATUS.terms[0] == ("planned", "Not started")
        assert MISSING_RULE.detail("zero") == "Counted as 0"
        assert RULE.label("nonsense") == "nonsense"
    assert STATUS.label("on-track") == "正常"          # back in Chinese after the block


def test_every_label_is_translated() -> None:
    with use_language("en"):
        for vocab, _ in VOCABULARIES:
            for value, label in vocab.terms:
                assert label.isascii(), (vocab.source_title, value, label)
            assert vocab.title.isascii(), vocab.source_title


def test_field_labels_and_composed_descriptions() -> None:
    info = Measure.model_fields["aggregation"]
    assert field_text(info.description) == info.description        # Chinese: as declared
    assert field_label(Measure, "name") == "指标名称"
    with use_language("en"):
        assert field_label(Measure, "name") == "Measure name"
        text = field_text(info.description)
        assert text.startswith("sum: Sum / average: Average / last: Value at the end of the period; ")
        assert text.isascii()
        assert field_text(Period.model_fields["kind"].title) == "Period kind"


def test_validation_messages_follow_the_language() -> None:
    with pytest.raises(ValidationError, match="目标区间的下限 5.0 大于上限 1.0"):
        TargetRange(min=5, max=1)
    with use_language("en"):
        with pytest.raises(ValidationError, match="lower bound 5.0 is above its upper bound 1.0"):
            TargetRange(min=5, max=1)
        with pytest.raises(ValueError, match="`javascript:` addresses are not allowed: write a full"):
            check_url("javascript:alert(1)")
    with pytest.raises(ValueError, match="不允许 `javascript:` 地址"):
        check_url("javascript:alert(1)")


def test_schema_in_english() -> None:
    chinese = json.loads(render_schema(Settings))
    with use_language("en"):
        english = json.loads(render_schema(Settings))
    assert chinese["properties"]["language"]["title"] == "界面语言"
    assert english["properties"]["language"]["title"] == "Interface language"
    assert english["properties"]["language"]["enum"] == ["zh", "en"]     # values stay values
    assert english["properties"]["max_assessed_measures"]["minimum"] == 1


def test_english_reference_names_the_limits() -> None:
    with use_language("en"):
        text = render_format()
    assert text.startswith("# YAML format reference\n")
    assert f"each file at most {MAX_BYTES // 1024} KB" in text
    assert f"at most {MAX_DIGITS} digits" in text
    assert f"at most {MAX_DEPTH} levels deep" in text
    assert f"at most {MAX_ALIAS_CHARS} characters" in text
    # allowed values, defaults and requiredness come from the model
    assert "| `kind` | Period kind | `year` / `half` / `quarter` / `month` | optional, default `year` | year: Year / half: Half-year" in text
    assert "| `weight` | Weight | number | required |" in text
    assert "scorecards/units/<unit>/results/<period>.yml" in text
    assert "# from top to bottom: the mission is above" in text      # example comments translated
    chinese = render_format()
    assert chinese.startswith("# 数据格式参考（YAML format reference）\n")
    assert f"每个文件不超过 {MAX_BYTES // 1024} KB" in chinese
