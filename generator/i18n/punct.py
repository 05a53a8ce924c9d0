"""Punctuation that differs by language, from the catalogue: list and record separators, the
colon and brackets (full-width in Chinese, ASCII with a space in English)."""
from __future__ import annotations

from typing import Iterable

from .core import tr_p


def list_sep() -> str:
    """Between names in running text: 、 / , """
    return tr_p("list separator", "、")


def record_sep() -> str:
    """Between records that have their own commas: ； / ; """
    return tr_p("record separator", "；")


def colon() -> str:
    """After a label: ： / : """
    return tr_p("colon", "：")


def paren(text: str) -> str:
    """A bracketed aside after a word: （text） / ` (text)`."""
    return tr_p("bracketed aside", "（{text}）", text=text)


def join(items: Iterable[str]) -> str:
    return list_sep().join(items)
