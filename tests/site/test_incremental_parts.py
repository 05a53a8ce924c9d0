"""The parts of the incremental build: cached segmentation as jieba's, manifests, editions side by
side (the whole is tests/site/test_incremental.py)."""
from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from generator.site import segment
from generator.site.editions import in_parallel
from generator.site.errors import BuildError
from generator.site.fingerprint import Fingerprint, tree
from generator.site.incremental import Manifest, _mentions, intact, load_manifest, save_manifest, scan

TEXTS = [
    "学习与成长层面：干部能力提升，培训 40 人次（2009 年目标 50）。",
    "小河朝鲜族乡 发展“水稻+旅游”特色产业；群众满意率 85%",
    "M-S1-1 农民人均纯收入 4500 元 → 5000 元",
    "",
    "no Chinese at all",
]


def material_segment(text: str, user_dict: Path) -> str:
    """What Material's own method returns, jieba set up as a build sets it up."""
    import jieba
    from material.plugins.search.plugin import SearchIndex

    segment.plain_jieba()
    jieba.load_userdict(str(user_dict))
    return str(SearchIndex()._segment_chinese(text))


def _without_parts(text: str) -> str:
    """The segmentation without the hidden parts of compound words (`searchparts`)."""
    return re.sub(r"<span hidden>[^<]*</span>", "", text)


def test_cached_segmentation_is_materials(tmp_path: Path) -> None:
    user_dict = tmp_path / "dict.txt"
    user_dict.write_text("小河朝鲜族乡 1000\n特色产业 1000\n", encoding="utf-8")
    expected = [material_segment(t, user_dict) for t in TEXTS]
    cache = tmp_path / "jieba.pickle"
    first = segment.CachedSegmenter(user_dict, cache)
    got = [first.segment(t) for t in TEXTS]
    assert [_without_parts(t) for t in got] == expected
    # the parts of its compounds (小河朝鲜族乡, 特色产业, 满意率), once, hidden at the end
    assert got[1].endswith("<span hidden>\u200b小河\u200b朝鲜族\u200b特色\u200b产业\u200b满意\u200b</span>")
    assert first.jieba_loaded
    first.save()
    second = segment.CachedSegmenter(user_dict, cache)   # the next build: every run is known
    assert [second.segment(t) for t in TEXTS] == got
    assert not second.jieba_loaded


def test_shared_dictionaries_serve_one_build_then_each_starts_plain(tmp_path: Path) -> None:
    """The plain copy `share_dictionaries` makes before the editions fork is taken once, as it is;
    a user dictionary loaded into it never reaches the next build (the public edition's index
    must not carry the internal edition's names)."""
    import jieba

    segment.share_dictionaries()
    shared = jieba.dt.FREQ
    segment.plain_jieba()
    assert jieba.dt.FREQ is shared                      # taken, not copied again
    jieba.load_userdict(str(_dict(tmp_path, "内部专用名词甲乙 1000\n")))
    assert "内部专用名词甲乙" in jieba.dt.FREQ
    segment.plain_jieba()
    assert jieba.dt.FREQ is not shared and "内部专用名词甲乙" not in jieba.dt.FREQ
    user_dict = _dict(tmp_path, "小河朝鲜族乡 1000\n特色产业 1000\n")
    after = segment.CachedSegmenter(user_dict, None)
    assert [_without_parts(after.segment(t)) for t in TEXTS] == [material_segment(t, user_dict) for t in TEXTS]


def _dict(folder: Path, text: str) -> Path:
    path = folder / f"dict-{abs(hash(text))}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_reproduced_method_is_the_installed_one() -> None:
    from material.plugins.search.plugin import SearchPlugin

    plugin = SearchPlugin()
    plugin.load_config({"jieba_dict_user": "x.txt"})
    assert segment.install(plugin, segment.CachedSegmenter(None, None))   # else Material changed
    assert plugin.config.jieba_dict_user is None


def test_a_link_may_point_to_a_file_from_its_folder_name_or_path() -> None:
    assert _mentions("见[经验](articles/2009-a.md)。", "about.md", "articles/2009-a.md")
    assert _mentions("[历史](history.md)", "units/x/index.md", "units/x/history.md")
    assert _mentions("[x](../x/index.md)", "units/y/index.md", "units/x/index.md")
    assert not _mentions("[历史](history.md)", "units/y/index.md", "units/x/history.md")
    assert not _mentions("nothing", "about.md", "articles/2009-a.md")


def test_a_manifest_describes_the_site_exactly(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "x.html").write_text("x", encoding="utf-8")
    (site / "b.json").write_text("{}", encoding="utf-8")
    m = Manifest("key", "inputs", "nav", {"x.md": "d"}, {"x.md": "x.html"}, scan(site))
    save_manifest(tmp_path / "m.json", m)
    loaded = load_manifest(tmp_path / "m.json")
    assert loaded == m and intact(m, site)
    (site / "b.json").write_text("[]", encoding="utf-8")   # same size, another time
    os.utime(site / "b.json", ns=(time.time_ns(), time.time_ns() + 5_000_000))
    assert not intact(m, site)
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    assert load_manifest(tmp_path / "bad.json") is None
    assert load_manifest(tmp_path / "missing.json") is None


def test_fingerprints_name_their_parts(tmp_path: Path) -> None:
    assert Fingerprint().add("a", "bc").hexdigest() != Fingerprint().add("ab", "c").hexdigest()
    (tmp_path / "t").mkdir()
    before = tree(tmp_path / "t")
    (tmp_path / "t" / "f.yml").write_text("a: 1\n", encoding="utf-8")
    assert tree(tmp_path / "t") != before
    assert tree(tmp_path / "missing") == ""


def test_jobs_run_side_by_side_and_failures_reach_the_caller() -> None:
    assert in_parallel([lambda: os.getpid(), lambda: os.getpid()])[1] == os.getpid()
    pids = in_parallel([lambda: os.getpid(), lambda: 2])
    assert pids[0] != os.getpid() and pids[1] == 2

    def fails() -> int:
        raise BuildError("坏了")
    with pytest.raises(BuildError, match="坏了"):
        in_parallel([fails, lambda: 1])
    with pytest.raises(BuildError, match="ZeroDivisionError"):
        in_parallel([lambda: 1 // 0, lambda: 1])


def test_dictionaries_are_shared_only_for_a_first_build(tmp_path: Path) -> None:
    from generator.site.build import first_build
    from generator.site.editions import manifest_file

    cache, sites = tmp_path / "cache", [tmp_path / "site" / "public", tmp_path / "site" / "internal"]
    assert first_build(None, sites) and first_build(cache, sites)
    (cache / "jieba").mkdir(parents=True)
    (cache / "jieba" / "x.pickle").write_bytes(b"")
    assert not first_build(cache, sites)          # the segmentation is kept: jieba may not load
    (cache / "jieba" / "x.pickle").unlink()
    manifest_file(cache, sites[1]).parent.mkdir(parents=True, exist_ok=True)
    manifest_file(cache, sites[1]).write_text("{}")
    assert not first_build(cache, sites)          # built before: incremental
