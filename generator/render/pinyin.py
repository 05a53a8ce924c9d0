"""Chinese in pinyin order, and ASCII names from Chinese (pypinyin).

`sort_key` orders terms as a Chinese dictionary does: by the pinyin of each character in turn
(tone as a tie-break, then the character itself), so 层面 comes before 战略地图 whatever their
code points. `slug` gives a file name for a Chinese name (标签 权重 → `quanzhong`).

pypinyin is imported when first needed: loading its dictionaries takes about 0.15 s, which every
command that imports the renderer would pay (a build with nothing to do renders nothing).
"""
from __future__ import annotations

import re
from functools import lru_cache

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pypinyin import Style

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+|.", re.S)


def _each(text: str, style: "Style") -> list[str]:
    """One syllable per character, each run of Chinese read as a whole (行动 xing, 银行 hang);
    a character that is not Chinese stands for itself."""
    from pypinyin import lazy_pinyin

    out: list[str] = []
    for run in _HAN_RUN.findall(text):
        if "\u3400" <= run[0] <= "\u9fff":  # i18n: data
            syllables = lazy_pinyin(run, style=style, neutral_tone_with_five=True)
            out += syllables if len(syllables) == len(run) else [lazy_pinyin(c, style=style)[0] for c in run]
        else:
            out.append(run)
    return out


@lru_cache(maxsize=4096)
def sort_key(text: str) -> tuple[tuple[str, str, str], ...]:
    """Per character: its pinyin without tone, with tone number, the character (Latin letters
    and digits stand for themselves, lower-cased)."""
    from pypinyin import Style

    plain, toned = _each(text, Style.NORMAL), _each(text, Style.TONE3)
    return tuple((p.lower(), t.lower(), ch) for p, t, ch in zip(plain, toned, text))


def slug(text: str) -> str:
    """An ASCII name for `text`: pinyin syllables and Latin words joined by `-` (`一人多岗` →
    `yi-ren-duo-gang`); empty when nothing in it can be written so."""
    from pypinyin import Style, lazy_pinyin

    parts = [w for p in lazy_pinyin(text, style=Style.NORMAL) for w in re.split(r"[^A-Za-z0-9]+", p)]
    words = [p.lower() for p in parts]
    return "-".join(w for w in words if w)
