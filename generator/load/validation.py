"""Turn pydantic validation errors into plain-language Problems at file:line:col."""
from __future__ import annotations

import re

import difflib
import types
import typing
from typing import Any, Callable

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..i18n import join, paren, tr, tr_n, tr_p
from ..problems import Problem
from .yamlfile import YamlDoc

#: what a value of each pydantic type is called in messages (`应为数字`), in the current language
_TYPE_WORDS: dict[str, Callable[[], str]] = {
    "float": lambda: tr_p("kind of value", "数字"),
    "int": lambda: tr_p("kind of value", "整数"),
    "bool": lambda: tr_p("kind of value", "true 或 false"),
    "str": lambda: tr_p("kind of value", "文本"),
    "date": lambda: tr_p("kind of value", "日期（如 2008-01-01）"),
    "list": lambda: tr_p("kind of value", "列表"),
    "dict": lambda: tr_p("kind of value", "映射（`键: 值`）"),
    "model": lambda: tr_p("kind of value", "映射（`键: 值`）"),
    "finite": lambda: tr_p("kind of value", "有限的数字"),
}
#: the bound a number breaks (`应大于 0`)
_BOUND_WORDS: dict[str, Callable[[], str]] = {
    "greater_than": lambda: tr_p("bound of a number", "大于"),
    "greater_than_equal": lambda: tr_p("bound of a number", "不小于"),
    "less_than": lambda: tr_p("bound of a number", "小于"),
    "less_than_equal": lambda: tr_p("bound of a number", "不大于"),
}


def _unwrap(tp: Any) -> list[type[BaseModel]]:
    """Model classes reachable inside an annotation (Optional, list, dict, Annotated, Union)."""
    out: list[type[BaseModel]] = []
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    for arg in typing.get_args(tp):
        out.extend(_unwrap(arg))
    return out


def _classes_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[type[BaseModel]]:
    """The model classes a value at `loc` may be (after walking fields, indices and keys)."""
    current: list[type[BaseModel]] = [model]
    for step in loc:
        if not isinstance(step, str):
            continue
        for cls in current:
            info = cls.model_fields.get(step)
            if info is not None:
                current = _unwrap(info.annotation)
                break
    return current


def _walk(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[type[BaseModel] | None, str | None]:
    """(model class that holds the last field in loc, that field's label)."""
    current: list[type[BaseModel]] = [model]
    holder: type[BaseModel] | None = model
    label: str | None = None
    for step in loc:
        if not isinstance(step, str):
            continue
        found = False
        for cls in current:
            info = cls.model_fields.get(step)
            if info is not None:
                holder, label = cls, info.title or step
                current = _unwrap(info.annotation)
                found = True
                break
        if not found and current:
            # a dict key or a union tag: stay on the same classes
            continue
    return holder, label


def _clean_loc(loc: tuple[Any, ...], model: type[BaseModel]) -> tuple[Any, ...]:
    """Drop pydantic's union-branch tags (`float`, `TargetRange`, `function-after[...]`); a
    field that is named like one (an article's `date`) stays."""
    out: list[Any] = []
    for step in loc:
        if isinstance(step, str) and ("[" in step or step in _UNION_TAGS):
            if "[" in step or not any(step in cls.model_fields for cls in _classes_at(model, tuple(out))):
                continue
        out.append(step)
    return tuple(out)


_UNION_TAGS = {"float", "int", "bool", "str", "none", "TargetRange", "Actual", "date"}


def _where(loc: tuple[Any, ...]) -> str:
    parts = []
    for step in loc:
        if isinstance(step, int):
            parts.append(f"[{step + 1}]")
        else:
            parts.append(("." if parts else "") + str(step))
    return "".join(parts)


def _named(label: str | None, field: str) -> str:
    """`` `target`（目标值）``: the field as written, and its title when that says more."""
    return f"`{field}`" + paren(tr(label)) if label and label != field else f"`{field}`"


def _count(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _message(err: ErrorDetails, model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, str]:
    kind = err["type"]
    holder, label = _walk(model, loc)
    field = next((s for s in reversed(loc) if isinstance(s, str)), "")
    named = _named(label, field)
    given = err.get("input")
    shown = repr(given) if not isinstance(given, (dict, list)) else type(given).__name__
    if kind == "extra_forbidden":
        classes = _classes_at(model, loc[:-1])
        parent_holder = classes[0] if classes else None
        allowed = list(parent_holder.model_fields) if parent_holder else []
        close = difflib.get_close_matches(field, allowed, n=1, cutoff=0.6)
        hint = ""
        if close and parent_holder is not None:
            title = parent_holder.model_fields[close[0]].title
            meant = f"`{close[0]}`" + (paren(tr(title)) if title else "")
            hint = tr("是不是想写 {field}？", field=meant)
        else:
            hint = tr("可用的字段：{fields}。", fields=join(allowed[:20]))
        return "BSC003", tr("未知字段 `{field}`：{hint}拼错的字段不会被忽略，请改正或删除",
                            field=field, hint=hint)
    if kind == "missing":
        return "BSC005", tr("缺少必填字段 {field}：请补上", field=named)
    if kind == "string_pattern_mismatch":
        return "BSC004", tr("{field} 的值 {value} 不是合法编号：编号只能用英文字母、数字和 - _ .，"
                            "并以字母或数字开头；中文名称请写在 name 里", field=named, value=shown)
    if kind == "literal_error":
        expected = str(err.get("ctx", {}).get("expected", ""))
        # pydantic lists the values in English ("'zh' or 'en'"): listed in the editors' language
        values = re.findall(r"'(?:[^'\\]|\\.)*'", expected)
        expected = join(values) if values else expected
        return "BSC004", tr("{field} 的值 {value} 无效：应为 {expected} 之一",
                            field=named, value=shown, expected=expected)
    if kind in ("string_too_short",):
        return "BSC004", tr("{field} 不能为空", field=named)
    if kind in ("too_short",):
        n = err.get("ctx", {}).get("min_length", 1)
        return "BSC004", tr_n("{field} 至少需要 {n} 项", "{field} 至少需要 {n} 项", _count(n) or 0,
                              field=named, n=n)
    if kind == "string_too_long":
        n = err.get("ctx", {}).get("max_length", "")
        return "BSC004", tr_n("{field} 太长：最多 {n} 个字符，请精简或移到说明字段",
                              "{field} 太长：最多 {n} 个字符，请精简或移到说明字段", _count(n) or 0,
                              field=named, n=n)
    if kind == "too_long":
        n = err.get("ctx", {}).get("max_length", "")
        return "BSC004", tr_n("{field} 的项数太多：最多 {n} 项", "{field} 的项数太多：最多 {n} 项",
                              _count(n) or 0, field=named, n=n)
    if kind == "finite_number":
        return "BSC004", tr("{field} 的值 {value} 不是有限的数字：请写实际的数值", field=named, value=shown)
    if kind.startswith(("greater_than", "less_than")):
        limit = next(iter(err.get("ctx", {}).values()), "")
        return "BSC004", tr("{field} 的值 {value} 超出范围：应{bound} {limit}",
                            field=named, value=shown, bound=_BOUND_WORDS[kind](), limit=limit)
    if kind == "value_error":
        text = err["msg"].removeprefix("Value error, ")
        return "BSC004", tr("{field}：{text}", field=named, text=text) if field else text
    if kind == "assertion_error":
        return "BSC004", err["msg"]
    for word, what in _TYPE_WORDS.items():
        if kind.startswith(word):
            return "BSC004", tr("{field} 应为{kind}，实际写的是 {value}",
                                field=named, kind=what(), value=shown)
    if kind.startswith("date"):
        return "BSC004", tr("{field} 应为日期（如 2008-01-01），实际写的是 {value}", field=named, value=shown)
    return "BSC004", tr("{field}：{text}（实际写的是 {value}）", field=named, text=err["msg"], value=shown)


def _is_type_error(kind: str) -> bool:
    return kind.endswith(("_type", "_parsing")) or kind in ("model_attributes_type", "finite_number")


def _union_message(group: list[ErrorDetails], model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    _, label = _walk(model, loc)
    field = next((s for s in reversed(loc) if isinstance(s, str)), "")
    words: list[str] = []
    for e in group:
        for word, what in _TYPE_WORDS.items():
            if e["type"].startswith(word) and what() not in words:
                words.append(what())
    given = group[0].get("input")
    shown = repr(given) if not isinstance(given, (dict, list)) else type(given).__name__
    kinds = join(words) if words else tr("其他类型")
    return tr("{field} 的值 {value} 类型不对：应为 {kinds}", field=_named(label, field), value=shown,
              kinds=kinds)


def validation_problems(exc: ValidationError, model: type[BaseModel], doc: YamlDoc) -> list[Problem]:
    problems: list[Problem] = []
    errors = exc.errors(include_url=False)
    grouped: dict[tuple[Any, ...], list[ErrorDetails]] = {}
    for err in errors:
        grouped.setdefault(_clean_loc(tuple(err["loc"]), model), []).append(err)
    for loc, group in grouped.items():
        # in a union, a value the right type but out of bounds says more than "wrong type"
        err = next((e for e in group if not _is_type_error(e["type"])), group[0])
        code, message = _message(err, model, loc)
        if len(group) > 1 and all(_is_type_error(e["type"]) for e in group):
            # a union (e.g. number | true/false | {value, note}): name every accepted form
            message = _union_message(group, model, loc)
        if err["type"] == "extra_forbidden":
            mark = doc.mark(loc, key=True)
        elif err["type"] == "missing":
            mark = doc.mark(loc[:-1], key=True) if loc[:-1] else doc.mark(())
        else:
            mark = doc.mark(loc)
        where = _where(loc)
        if where and err["type"] not in ("extra_forbidden",):
            message = message + tr("（位置：{where}）", where=where)
        problems.append(mark.problem(code, message))
    return problems
