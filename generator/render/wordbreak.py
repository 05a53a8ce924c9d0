"""Breaking a label into lines at word boundaries: strategy-map boxes and band titles.

Chinese has no spaces, so the words come from jieba (its own dictionary, in a tokenizer of this
module's own: the global `jieba.dt` belongs to Material's search plugin, which loads each
edition's user dictionary into it). jieba is loaded only when a label is too long for one line,
and the strategy maps are cached by what they show (`maps.MapRenderer`), so a build whose maps
did not change never loads it.

`wrap` fixes the number of lines first (the label's width over the line width), then picks the
breaks between words that make the lines most even; a word longer than a line is broken between
characters. Closing punctuation (，、。）…) never starts a line and opening punctuation never
ends one: each is glued to its word.
"""
from __future__ import annotations

import logging
import math
import re
import sys
import threading
from functools import lru_cache
from types import ModuleType
from typing import Callable

from .textwidth import em

_NO_LINE_START = frozenset("，、。．；：？！）》」』”’%,.;:?!)]}…—")  # i18n: data
_NO_LINE_END = frozenset("（《「『“‘([{")  # i18n: data
#: words that read badly at the start of a line (a conjunction or particle that belongs with
#: what stands before it): a line starting with one costs a little more
_WEAK_START = frozenset("与和及或并的地得之")  # i18n: data
#: a line that ends at a pause (，、；：) reads best: such a break costs less
_PAUSE = frozenset("，、；：。")  # i18n: data
#: a line may be this much wider than asked when that saves a line (the box is sized to its
#: longest line anyway)
SLACK_EM = 1.0
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ASCII_WORD = re.compile(r"[A-Za-z0-9%.\-_/]+|\s+|[^A-Za-z0-9%.\-_/\s]+")

_lock = threading.Lock()
_cut: Callable[[str], list[str]] | None = None


_plain: tuple[dict[str, int], int] | None = None


def import_jieba() -> ModuleType:
    """jieba, imported without `pkg_resources`: jieba's `_compat` imports it (about 0.17 s, most of
    jieba's import) only to open its own dictionary file, and opens the file directly when it
    cannot. Every module of ours imports jieba through here, before Material's search plugin does."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    absent = "pkg_resources" not in sys.modules
    if absent:
        sys.modules["pkg_resources"] = None   # type: ignore[assignment]   # `import` raises ImportError
    try:
        import jieba
    finally:
        if absent:
            del sys.modules["pkg_resources"]
    return jieba


def plain_dictionary() -> tuple[dict[str, int], int]:
    """jieba's own dictionary (word frequencies, their total), read once per process (about a
    second): this module's tokenizer and the search index's (`site.segment`) both start from it.
    Read-only: a tokenizer that adds words must copy it."""
    global _plain
    with _lock:
        if _plain is None:
            jieba = import_jieba()
            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.check_initialized()
            _plain = tokenizer.FREQ, tokenizer.total
        return _plain


def _jieba_cut() -> Callable[[str], list[str]]:
    """jieba's `cut` on a tokenizer of its own (jieba's own dictionary), made once per process."""
    global _cut
    if _cut is None:
        jieba = import_jieba()
        freq, total = plain_dictionary()
        tokenizer = jieba.Tokenizer()
        tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
        _cut = lambda s: list(tokenizer.cut(s))  # noqa: E731
    return _cut


def load() -> None:
    """Load jieba's dictionary and this module's tokenizer now (`site.segment.share_dictionaries`)."""
    _jieba_cut()


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """`text` as words: jieba's for Chinese runs, ASCII words and spaces kept whole."""
    out: list[str] = []
    for chunk in _ASCII_WORD.findall(text):
        if _CJK.search(chunk):
            out.extend(_jieba_cut()(chunk))
        else:
            out.append(chunk)
    return tuple(w for w in out if w)


def _glue(tokens: tuple[str, ...]) -> list[str]:
    """Punctuation glued to the word it belongs with; spaces kept as their own tokens."""
    out: list[str] = []
    pending = ""   # opening punctuation waiting for its word
    for tok in tokens:
        if tok.isspace():
            out.append(" ")
            continue
        while tok and tok[0] in _NO_LINE_START and out and not out[-1].isspace():
            out[-1] += tok[0]
            tok = tok[1:]
        if not tok:
            continue
        if all(ch in _NO_LINE_END for ch in tok):
            pending += tok
            continue
        out.append(pending + tok)
        pending = ""
    if pending:
        if out and not out[-1].isspace():
            out[-1] += pending
        else:
            out.append(pending)
    return out


def _pieces(tokens: list[str], width: float) -> list[str]:
    """Chinese words longer than a line split between characters (punctuation kept with its
    neighbour); a word without Chinese characters (`Stakeholders`) is never split: its line is
    as wide as it needs."""
    out: list[str] = []
    for tok in tokens:
        if em(tok) <= width or tok.isspace() or not _CJK.search(tok):
            out.append(tok)
            continue
        chunk = ""
        for ch in tok:
            if chunk and em(chunk + ch) > width and ch not in _NO_LINE_START:
                out.append(chunk)
                chunk = ""
            chunk += ch
        if chunk:
            out.append(chunk)
    return out


def _best_breaks(tokens: list[str], lines: int, width: float) -> list[str] | None:
    """The split of `tokens` into exactly `lines` lines, none wider than `width`, whose widths
    are closest to even (least sum of squares); None when there is none."""
    n = len(tokens)
    widths = [em(t) for t in tokens]
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)

    def line_width(i: int, j: int) -> float:   # tokens[i:j], spaces at either end not counted
        while i < j and tokens[i].isspace():
            i += 1
        while j > i and tokens[j - 1].isspace():
            j -= 1
        return prefix[j] - prefix[i]

    INF = float("inf")
    # cost[k][j]: best cost of the first j tokens in k lines; back[k][j]: where the last line starts
    cost = [[INF] * (n + 1) for _ in range(lines + 1)]
    back = [[0] * (n + 1) for _ in range(lines + 1)]
    cost[0][0] = 0.0
    for k in range(1, lines + 1):
        for j in range(1, n + 1):
            for i in range(k - 1, j):
                if cost[k - 1][i] == INF:
                    continue
                w = line_width(i, j)
                if w > width or w == 0:
                    continue
                c = (cost[k - 1][i] + w * w + (0.5 if tokens[i][:1] in _WEAK_START else 0.0)
                     - (4.0 if j < n and tokens[j - 1][-1:] in _PAUSE else 0.0))
                if c < cost[k][j] - 1e-9:
                    cost[k][j], back[k][j] = c, i
    if cost[lines][n] == INF:
        return None
    out: list[str] = []
    j = n
    for k in range(lines, 0, -1):
        i = back[k][j]
        out.append("".join(tokens[i:j]).strip())
        j = i
    return out[::-1]


def wrap(text: str, width: float) -> list[str]:
    """`text` in lines of about `width` em (a CJK character is one em; at most `SLACK_EM` more),
    broken between words, as even as the words allow."""
    s = " ".join(text.split())
    if em(s) <= width:
        return [s]
    tokens = _pieces(_glue(words(s)), width + SLACK_EM)
    limit = max([width + SLACK_EM] + [em(t) for t in tokens])   # an unsplit word sets the width
    lines = max(2, math.ceil(em(s) / width))
    while lines <= len(tokens):
        best = _best_breaks(tokens, lines, limit)
        if best is not None:
            return best
        lines += 1
    return [t for t in tokens if not t.isspace()]
