"""Every enumerated value has exactly one label, declared once (`generator.model.vocab`), and the
model's field descriptions are written from it."""
from __future__ import annotations

import typing

from pydantic import BaseModel

import generator.model as model
from generator.model import vocab


def test_each_vocabulary_lists_exactly_its_literal() -> None:
    for v, literal in vocab.VOCABULARIES:
        assert v.matches(literal), (v.title, v.values, typing.get_args(literal))
        assert all(label for _, label in v.terms)


def _literal_fields() -> list[tuple[type[BaseModel], str, object]]:
    out = []
    for name in model.__all__:
        cls = getattr(model, name)
        if isinstance(cls, type) and issubclass(cls, BaseModel):
            for field, info in cls.model_fields.items():
                for arg in (info.annotation, *typing.get_args(info.annotation)):
                    if typing.get_origin(arg) is typing.Literal:
                        out.append((cls, field, arg))
    return out


def test_every_enumerated_field_is_described_by_its_vocabulary() -> None:
    by_values = {v.values: v for v, _ in vocab.VOCABULARIES}
    fields = _literal_fields()
    assert len(fields) >= 10
    for cls, field, literal in fields:
        if cls.__name__ == "Settings":      # severity levels are the check's own words
            continue
        v = by_values.get(typing.get_args(literal))
        assert v is not None, f"{cls.__name__}.{field}: no vocabulary for {literal}"
        info = cls.model_fields[field]
        assert info.title == v.title and v.description() in (info.description or ""), f"{cls.__name__}.{field}"


def test_labels_and_unknown_values() -> None:
    assert vocab.RULE.label("ratio") == "完成率"
    assert vocab.STATUS.label("no-data") == "暂无数据"
    assert vocab.RULE.label("nonsense") == "nonsense"
    assert vocab.MISSING_RULE.detail("zero") == "按 0 分计"
