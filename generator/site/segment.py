"""jieba for the search index: its global state made plain before each build, and its
segmentation cached per run of Chinese characters across builds.

Material's search plugin segments the title and text of every section with
`SearchIndex._segment_chinese`: each maximal run of Han characters is replaced by
`\\u200b` + jieba's words joined by `\\u200b` + `\\u200b`. jieba's result for a run depends only
on the run and on the dictionaries jieba holds (its own and the edition's user dictionary), so
`CachedSegmenter` keeps `run → words` in a file per user dictionary (`<cache>/jieba/`), and the
same text segments the same way without jieba: an edit that changes a number or a date leaves
every run of Chinese as it was, and the build never loads jieba's dictionary (about a second).
On the first run that is not in the cache, jieba is set up exactly as a build without the cache
sets it up: its own dictionary (`plain_jieba`), then the edition's user dictionary.

`install` replaces the method on the plugin's index object only when Material's method is the
one this module reproduces (the hash of its bytecode, `MATERIAL_SEGMENT`); on another Material
version the plugin is left as shipped and jieba is loaded as before (slower, still right).
"""
from __future__ import annotations

import hashlib
from importlib import metadata
import logging
import os
import pickle
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..render.wordbreak import import_jieba, plain_dictionary
from . import searchparts
from .stage import write_if_changed

if TYPE_CHECKING:
    from material.plugins.search.plugin import SearchPlugin

log = logging.getLogger("bscportal.segment")

#: sha256 of the bytecode of Material 9.x's `SearchIndex._segment_chinese`, which `segment` reproduces
MATERIAL_SEGMENT = "7e858981650a20005464903a052e42d4b7b7dac7f3281d7ce18b25ce2495c1cc"
ZWSP = "\u200b"

#: jieba's word frequencies and their total as read from its own dictionary (see `plain_jieba`)
_JIEBA_PLAIN: tuple[dict[str, int], int] | None = None


def plain_jieba() -> None:
    """Give jieba's global tokenizer back its own dictionary, without any user dictionary.

    Material's search plugin loads each edition's user dictionary into `jieba.dt` (the tokenizer
    behind `jieba.cut`) and nothing removes it, so a build would segment, and index, its text
    with the words of every edition built before it in this process (the internal edition's
    names in the public index). Called before jieba segments anything in a build."""
    global _JIEBA_PLAIN, _UNUSED
    jieba = import_jieba()
    dt = jieba.dt
    if _JIEBA_PLAIN is None:
        _JIEBA_PLAIN = plain_dictionary()   # read once per process, shared with the maps' labels
    freq, total = _JIEBA_PLAIN
    with dt.lock:
        dt.dictionary = jieba.DEFAULT_DICT
        if _UNUSED is None or dt.FREQ is not _UNUSED:
            dt.FREQ = dict(freq)
        _UNUSED = None   # a copy made by `share_dictionaries` serves once: then it is in use
        dt.total = total
        dt.user_word_tag_tab = {}
        dt.initialized = True
    jieba.finalseg.Force_Split_Words.clear()   # words a user dictionary gave frequency 0


#: jieba's plain dictionary copied into its global tokenizer by `share_dictionaries` and not
#: used since (the next `plain_jieba` takes it as it is instead of copying it again)
_UNUSED: dict[str, int] | None = None


def share_dictionaries() -> None:
    """Load the dictionaries every edition's build reads, jieba's (the maps' labels, the search
    index) and pypinyin's (pinyin order), in this process, before it forks the editions' processes:
    they then share one copy (over 100 MB each) instead of each loading its own. Worth it only
    when each edition will need them (a first build): a build that renders little loads neither."""
    global _UNUSED
    from ..render import pinyin, wordbreak

    wordbreak.load()
    plain_jieba()
    _UNUSED = import_jieba().dt.FREQ
    pinyin.load()


def _han() -> Callable[[str], list[str]]:
    from backrefs import bre

    expr = bre.compile(r"(\p{script: Han}+)", bre.UNICODE)
    split: Callable[[str], list[str]] = expr.split
    return split


def cache_file(folder: Path, user_dict: bytes) -> Path:
    """The cache of one user dictionary (and jieba and Python version; jieba's from its metadata:
    a build whose text is all in the cache never imports jieba)."""
    key = hashlib.sha256(b"\0".join([metadata.version("jieba").encode(), sys.version.encode(), searchparts.FORMAT,
                                     user_dict])).hexdigest()[:24]
    return folder / f"{key}.pickle"


class CachedSegmenter:
    """`segment(text)`: what Material's `_segment_chinese` returns, each compound word followed by
    its parts (`searchparts`), from the cache where it can."""

    def __init__(self, user_dict: Path | None, cache: Path | None) -> None:
        self.user_dict = user_dict
        self.cache = cache
        self.runs: dict[str, str] = {}
        self.added = 0
        self.jieba_loaded = False
        self._split = _han()
        if cache is not None:
            try:
                with open(cache, "rb") as f:
                    loaded = pickle.load(f)
                if isinstance(loaded, dict):
                    self.runs = loaded
            except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
                self.runs = {}

    def _load(self) -> None:
        jieba = import_jieba()
        plain_jieba()
        if self.user_dict is not None:
            if os.path.isfile(self.user_dict):
                jieba.load_userdict(os.path.normpath(self.user_dict))
            else:
                log.warning("Configuration error for 'search.jieba_dict_user': '%s' does not exist.",
                            self.user_dict)
        self.jieba_loaded = True

    def words(self, run: str) -> str:
        seg = self.runs.get(run)
        if seg is None:
            jieba = import_jieba()
            if not self.jieba_loaded:
                self._load()
            # jieba's words, each compound followed by its search-mode parts (`searchparts`)
            seg = searchparts.indexed(jieba.cut(run.encode("utf-8")), jieba.cut_for_search)
            self.runs[run] = seg
            self.added += 1
        return seg

    def segment(self, data: str) -> str:
        # `split` with one group: text, run, text, run, …, text
        parts = self._split(data)
        for i in range(1, len(parts), 2):
            parts[i] = ZWSP + self.words(parts[i]) + ZWSP
        return searchparts.once("".join(parts).strip(ZWSP))

    def save(self) -> None:
        """Write the cache when this build added to it (a read-only cache only costs time)."""
        if self.cache is None or not self.added:
            return
        try:
            write_if_changed(self.cache, pickle.dumps(self.runs, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass


def install(search: "SearchPlugin", segmenter: CachedSegmenter) -> bool:
    """Let the search plugin segment through `segmenter` and keep it from loading jieba when it
    starts (the segmenter loads the user dictionary when it first needs jieba). False (nothing
    changed) when Material's method is not the one reproduced here or a main dictionary is set."""
    from material.plugins.search.plugin import SearchIndex

    code = hashlib.sha256(SearchIndex._segment_chinese.__code__.co_code).hexdigest()
    if code != MATERIAL_SEGMENT or search.config.jieba_dict:
        return False
    search.config.jieba_dict_user = None     # loaded lazily by the segmenter instead
    return True


def attach(search: "SearchPlugin", segmenter: CachedSegmenter) -> None:
    """After the plugin's `on_config` has made its index: segment through `segmenter`."""
    index = getattr(search, "search_index", None)
    if index is not None:
        index._segment_chinese = segmenter.segment
