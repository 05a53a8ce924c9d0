"""Compound words found by their parts: the form in which a run of Chinese enters the search index.

jieba keeps a compound such as 群众满意度 or 绩效考核量表 as one word (with our user dictionary,
most measure names are one word), and lunr finds a word only from its start: 满意度 would not
find 群众满意度. So each word that jieba's search mode splits further (群众|满意|满意度|群众满意度)
is followed in the index by the parts that spell it out (`tile`), inside a hidden element:

    群众满意度<span hidden>\u200b群众\u200b满意度\u200b</span>

Material's search worker reads an entry's text as HTML: it indexes the words inside every
element (so the parts are found), and shows a result's title and text as HTML (so the hidden
parts are never seen, and a highlighted part stays hidden). The query side needs nothing: the
patched worker (`searchfix`) looks a typed word up among the index's words, where 满意度 now is.

`indexed` is pure; `segment.CachedSegmenter` calls it with jieba's words for each run and caches
the result, so parts cost nothing on the next build. `FORMAT` is part of the cache's key.
`once` gathers the parts of a section's title or text into one hidden span at its end, each part
once (one occurrence finds the section; 目标值 is in every row of a table): the index stays lean.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

ZWSP = "\u200b"
#: the indexed form's version (a change here must not reuse runs cached in the old form)
FORMAT = b"search-parts-3"
#: words shorter than this are not split further
MIN_LEN = 3


def tile(word: str, parts: Iterable[str]) -> list[str]:
    """The parts that spell `word` out, left to right, covering as much of it as they can in as
    few pieces as that allows (群众满意度 → 群众, 满意度; 模拟考评 → 模拟, 考评, not 模拟考); a part
    that only straddles two others (南朝 in 海南朝鲜族乡, 分卡 in 平衡计分卡) is not one of them."""
    known = {p for p in parts if 1 < len(p) < len(word)}
    n = len(word)
    # best[i]: (characters covered, -pieces, pieces) for word[i:]
    best: list[tuple[int, int, tuple[str, ...]]] = [(0, 0, ())] * (n + 1)
    for i in range(n - 1, -1, -1):
        choice = (best[i + 1][0], best[i + 1][1], best[i + 1][2])
        for j in range(i + 2, n + 1):
            if word[i:j] in known:
                covered, pieces, rest = best[j]
                option = (covered + j - i, pieces - 1, (word[i:j],) + rest)
                if option[:2] >= choice[:2]:       # on a tie, a part that starts here
                    choice = option
        best[i] = choice
    return list(best[0][2])


def indexed(words: Iterable[str], parts_of: Callable[[str], Iterable[str]]) -> str:
    """`words` joined by U+200B, each compound followed by its parts (`tile` over `parts_of`, jieba's
    search mode) in a hidden span."""
    out = []
    for w in words:
        extra = tile(w, parts_of(w)) if len(w) >= MIN_LEN else []
        out.append(w + (f"<span hidden>{ZWSP}{ZWSP.join(extra)}{ZWSP}</span>" if extra else ""))
    return ZWSP.join(out)


_HIDDEN = re.compile(r"<span hidden>([^<]*)</span>")


def once(text: str) -> str:
    """`text` (one section's title or text) with the parts of all its compounds in one hidden span
    at its end, each part once."""
    seen: dict[str, None] = {}

    def take(m: re.Match[str]) -> str:
        seen.update(dict.fromkeys(p for p in m.group(1).split(ZWSP) if p))
        return ""

    out = _HIDDEN.sub(take, text)
    return out + f"<span hidden>{ZWSP}{ZWSP.join(seen)}{ZWSP}</span>" if seen else out
