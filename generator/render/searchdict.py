"""The jieba user dictionary for Material's search: names that must stay one word.

jieba splits 海南朝鲜族乡 into 海南|朝鲜族|乡 and 计分卡 into 计分|卡 without help. The user
dictionary lists unit names and short names, glossary terms and aliases, perspective, stage,
kind and theme names, and objective and measure names up to `MAX_CHARS` characters. Longer names
are left out on purpose: a whole sentence as one token can only be found by typing its start.
No frequency is written, so jieba picks one that makes the word segmentable (`suggest_freq`).
"""
from __future__ import annotations

import re

from ..model import City

#: longer phrases stay split into words (so a part of them can still be found)
MAX_CHARS = 8
_SPACE = re.compile(r"\s+")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def terms(city: City) -> list[str]:
    words: list[str] = []
    info = city.info
    words += [info.name] + ([info.full_name] if info.full_name else [])
    words += [p.name for p in info.perspectives] + [s.name for s in info.stages]
    words += [k.name for k in info.kinds] + [t.name for t in info.themes]
    words += [g.name for g in info.rules.grades]
    for t in city.glossary.terms:
        words += [t.term, *t.aliases]
    for u in city.units.values():
        words.append(u.name)
        if u.entry.short_name:
            words.append(u.entry.short_name)
        words += [p.name for p in u.perspectives] + [t.name for t in u.themes]
        words += [o.name for o in u.all_objectives] + [m.name for m in u.all_measures]
        words += [d.name for d in u.departments]
    out: list[str] = []
    seen: set[str] = set()
    for w in words:
        w = _SPACE.sub("", w or "")
        if not w or w in seen or not _HAN.search(w) or len(w) > MAX_CHARS or len(w) < 2:
            continue
        seen.add(w)
        out.append(w)
    return out


def user_dict(city: City) -> str:
    """The dictionary file's text: one word a line."""
    return "".join(f"{w}\n" for w in terms(city))
