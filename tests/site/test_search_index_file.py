"""The search index written one entry at a time (`incremental.write_index`) holds the bytes the
search plugin would write, and the plugin then writes nothing."""
from __future__ import annotations

from types import SimpleNamespace

from material.plugins.search.plugin import SearchIndex

from generator.site.incremental import write_index


def test_the_same_bytes_as_the_plugin(tmp_path) -> None:
    config = {"lang": ["zh"], "separator": r"[\s\u200b\-]+", "pipeline": [], "fields": {"title": {"boost": 1000}}}
    index = SearchIndex(**config)
    index.entries = [{"location": "units/甲.html#战略", "title": "战略 <span hidden>甲</span>", "text": "“引号” \\ 和 \n",
                      "boost": 2}, {"location": "", "title": "首页", "text": "🙂 \u200b"}]
    search = SimpleNamespace(config=config, search_index=index)
    write_index(search, tmp_path / "search" / "search_index.json")
    assert (tmp_path / "search" / "search_index.json").read_bytes() == index.generate_search_index(None).encode("utf-8")
    index.entries = []
    write_index(search, tmp_path / "empty.json")
    assert (tmp_path / "empty.json").read_bytes() == index.generate_search_index(None).encode("utf-8")


def test_a_built_site_has_one_index_written_by_us(example_site) -> None:
    import json

    for edition in (example_site.public, example_site.internal):
        raw = (edition / "search" / "search_index.json").read_bytes()
        data = json.loads(raw)
        assert data["docs"] and json.dumps(data, separators=(",", ":")).encode("utf-8") == raw
