"""Interface text defined at import time but translated where it is shown.

A module constant can't be translated when the module is imported (the language is chosen
later, and can change between two editions of a build). `Lazy` is a catalogue message that
reads in the current language each time it is printed (`str()`, Jinja's `{{ … }}` through
`__html__`); `Names` is a mapping of keys to messages whose values are looked up the same way
(`EDITION_NAMES["public"]` is 公开版 or "public edition", as the language is at that moment).
"""
from __future__ import annotations

from typing import Iterator, Mapping, TypeVar

from markupsafe import Markup, escape

from ..i18n import tr

K = TypeVar("K")


class Lazy:
    """A message (marked with `N_` where it is written) translated whenever it is printed."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def __str__(self) -> str:
        return tr(self.message)

    def __html__(self) -> Markup:
        return escape(str(self))

    def __repr__(self) -> str:
        return f"Lazy({self.message!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Lazy):
            return self.message == other.message
        return str(self) == other

    def __hash__(self) -> int:
        return hash(self.message)

    def __add__(self, other: str) -> str:
        return str(self) + other

    def __radd__(self, other: str) -> str:
        return other + str(self)


class Names(Mapping[K, str]):
    """key → message (marked with `N_`), read in the current language on every lookup."""

    def __init__(self, messages: Mapping[K, str]) -> None:
        self._messages = dict(messages)

    def __getitem__(self, key: K) -> str:
        return tr(self._messages[key])

    def __iter__(self) -> Iterator[K]:
        return iter(self._messages)

    def __len__(self) -> int:
        return len(self._messages)

    def __repr__(self) -> str:
        return f"Names({self._messages!r})"
