"""The search index written page by page (`incremental.write_index`) holds the bytes the search
plugin would write, and the plugin then writes nothing; pages' HTML and entries wait on disk
(`spool.Spool`)."""
from __future__ import annotations

from material.plugins.search.plugin import SearchIndex

from generator.site.incremental import entry_json, write_index
from generator.site.spool import Spool


def test_the_same_bytes_as_the_plugin(tmp_path) -> None:
    config = {"lang": ["zh"], "separator": r"[\s\u200b\-]+", "pipeline": [], "fields": {"title": {"boost": 1000}}}
    index = SearchIndex(**config)
    index.entries = [{"location": "units/甲.html#战略", "title": "战略 <span hidden>甲</span>", "text": "“引号” \\ 和 \n",
                      "boost": 2}, {"location": "", "title": "首页", "text": "🙂 \u200b"}]
    expected = index.generate_search_index(None).encode("utf-8")
    one, two = (entry_json(e) for e in index.entries)
    # pages with no entries write nothing, a page may have several
    for parts in ([one, two], [b"", one, b"", two, b""], [one + b"," + two]):
        write_index(tmp_path / "search" / "search_index.json", config, iter(parts))
        assert (tmp_path / "search" / "search_index.json").read_bytes() == expected
    index.entries = []
    write_index(tmp_path / "empty.json", config, [b""])
    assert (tmp_path / "empty.json").read_bytes() == index.generate_search_index(None).encode("utf-8")


def test_a_spool_gives_back_what_was_put_and_leaves_no_file(tmp_path) -> None:
    spool = Spool(tmp_path)
    assert "a" not in spool and len(spool) == 0
    spool.put("a", "甲".encode())
    spool.put("b", b"")
    spool.put("c", b"x" * 100_000)
    spool.put("a", b"again")
    assert (spool.get("a"), spool.get("b"), spool.get("c")) == (b"again", b"", b"x" * 100_000)
    assert len(spool) == 3 and list(tmp_path.iterdir()) == []   # unnamed: nothing to clean up
    spool.close()
    assert "a" not in spool
    Spool(tmp_path / "gone").put("k", b"v")   # no such folder: the system's temporary one


def test_a_built_site_has_one_index_written_by_us(example_site) -> None:
    import json

    for edition in (example_site.public, example_site.internal):
        raw = (edition / "search" / "search_index.json").read_bytes()
        data = json.loads(raw)
        assert data["docs"] and json.dumps(data, separators=(",", ":")).encode("utf-8") == raw
