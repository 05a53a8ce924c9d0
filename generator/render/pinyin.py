"""Chinese in pinyin order, and ASCII names from Chinese (pypinyin).

`sort_key` orders terms as a Chinese dictionary does: by the pinyin of each character in turn
(tone as a tie-break, then the character itself), so 层面 comes before 战略地图 whatever their
code points. `slug` gives a file name for a Chinese name (标签 权重 → `quanzhong`).

pypinyin is imported when first needed: loading its dictionaries takes about 0.2 s, which every
command that imports the renderer would pay (a build with nothing to do renders nothing). What it
gave is kept across builds (`use_cache`, `save_cache`: a JSON file per version of pypinyin and of
this module), so a build whose names were all seen before does not import it at all.
"""
from __future__ import annotations

import hashlib
import json
import re
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from ..files import atomic_write

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


SortKey = tuple[tuple[str, str, str], ...]


class _Memo:
    """What `sort_key` and `slug` gave, and the file it is kept in (None: this process only)."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.sort: dict[str, SortKey] = {}
        self.slug: dict[str, str] = {}
        self.new = False


_MEMO = _Memo()


def use_cache(folder: Path | None) -> None:
    """Keep what pypinyin gives in `folder` (None: in this process only)."""
    _MEMO.sort, _MEMO.slug, _MEMO.new = {}, {}, False
    if folder is None:
        _MEMO.path = None
        return
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    _MEMO.path = folder / f"pinyin-{metadata.version('pypinyin')}-{code}.json"
    try:
        data = json.loads(_MEMO.path.read_text(encoding="utf-8"))
        _MEMO.sort = {k: tuple(tuple(c) for c in v) for k, v in data["sort"].items()}
        _MEMO.slug = dict(data["slug"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        pass


def save_cache() -> None:
    """Write what was added since `use_cache` (merged with what another process wrote)."""
    path = _MEMO.path
    if path is None or not _MEMO.new:
        return
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        sort, slugs = dict(data["sort"]), dict(data["slug"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        sort, slugs = {}, {}
    sort.update(_MEMO.sort)
    slugs.update(_MEMO.slug)
    try:
        atomic_write(path, json.dumps({"sort": sort, "slug": slugs}, ensure_ascii=False).encode("utf-8"))
        _MEMO.new = False
    except OSError:
        pass   # a cache that cannot be written only costs time


def load() -> None:
    """Load pypinyin's dictionaries now (`site.segment.share_dictionaries`)."""
    from pypinyin import Style, lazy_pinyin

    lazy_pinyin("中文", style=Style.NORMAL)   # i18n: data


def sort_key(text: str) -> SortKey:
    """Per character: its pinyin without tone, with tone number, the character (Latin letters
    and digits stand for themselves, lower-cased)."""
    key = _MEMO.sort.get(text)
    if key is None:
        from pypinyin import Style

        plain, toned = _each(text, Style.NORMAL), _each(text, Style.TONE3)
        key = tuple((p.lower(), t.lower(), ch) for p, t, ch in zip(plain, toned, text))
        _MEMO.sort[text], _MEMO.new = key, True
    return key


def slug(text: str) -> str:
    """An ASCII name for `text`: pinyin syllables and Latin words joined by `-` (`一人多岗` →
    `yi-ren-duo-gang`); empty when nothing in it can be written so."""
    made = _MEMO.slug.get(text)
    if made is None:
        from pypinyin import Style, lazy_pinyin

        parts = [w for p in lazy_pinyin(text, style=Style.NORMAL) for w in re.split(r"[^A-Za-z0-9]+", p)]
        made = "-".join(w for w in (p.lower() for p in parts) if w)
        _MEMO.slug[text], _MEMO.new = made, True
    return made
