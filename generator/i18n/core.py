"""Catalogue lookup: the current language, and `tr`, `tr_n`, `tr_p`, `N_` over it."""
from __future__ import annotations

import contextlib
import contextvars
import gettext
import os
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Literal, Mapping, get_args

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT: Language = "zh"
DOMAIN = "bscportal"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

#: Babel's locale for each language (numbers, and Material's `theme.language` is the key itself)
_BABEL: Mapping[str, str] = {"zh": "zh_Hans_CN", "en": "en"}

#: the language of the process (every thread): what `set_language` sets
_process: list[Language] = [DEFAULT]
#: a language for one block of code in one thread or task (`use_language`), over the process's
_current: contextvars.ContextVar[Language | None] = contextvars.ContextVar("bscportal_language",
                                                                            default=None)


def current() -> Language:
    return _current.get() or _process[0]


def process_language() -> Language:
    return _process[0]


def set_language(language: Language) -> None:
    """The language of the whole process from now on (the CLI, while a command runs)."""
    _process[0] = language


@contextlib.contextmanager
def use_language(language: Language) -> Iterator[None]:
    token = _current.set(language)
    try:
        yield
    finally:
        _current.reset(token)


def babel_locale(language: Language | None = None) -> str:
    return _BABEL[language or current()]


def supported(value: str | None) -> Language | None:
    """`en`, `en_US.UTF-8`, `zh-CN` … → the language; None for anything else (C, POSIX, fr)."""
    if not value:
        return None
    head = value.split(":")[0].replace("-", "_").split("_")[0].split(".")[0].lower()
    for lang in LANGUAGES:
        if head == lang:
            return lang
    return None


def language_from_env(environ: Mapping[str, str] | None = None) -> Language | None:
    """The language the usual locale variables ask for, in gettext's order of precedence
    (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); None when the first one set names no language we have
    (C, POSIX, another language)."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return supported(value)
    return None


@lru_cache(maxsize=None)
def translations(language: Language) -> gettext.NullTranslations:
    """The compiled catalogue of `language` (an empty one when it is missing: the source text)."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as f:
            return gettext.GNUTranslations(f)
    except FileNotFoundError:
        return gettext.NullTranslations()


def tr(message: str, /, **values: object) -> str:
    """`message` in the current language; `{name}` placeholders filled from `values`."""
    text = translations(current()).gettext(message)
    return text.format(**values) if values else text


def tr_n(singular: str, plural: str, n: int, /, **values: object) -> str:
    """A message with a count: the plural form the current language uses for `n`."""
    text = translations(current()).ngettext(singular, plural, n)
    return text.format(**values) if values else text


def tr_p(context: str, message: str, /, **values: object) -> str:
    """A message with a context (`msgctxt`), for short strings that read differently by use."""
    text = translations(current()).pgettext(context, message)
    return text.format(**values) if values else text


def N_(message: str) -> str:
    """Marks `message` for the catalogue without translating it (translated where it is shown,
    e.g. vocabulary labels and model field descriptions, which are defined at import time)."""
    return message
