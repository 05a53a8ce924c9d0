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
        write_index(tmp_path / "search" / "search_index.json", entry_json(config), iter(parts))
        assert (tmp_path / "search" / "search_index.json").read_bytes() == expected
    index.entries = []
    write_index(tmp_path / "empty.json", entry_json(config), [b""])
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
    elsewhere = Spool(tmp_path / "gone")   # no such folder: the system's temporary one
    elsewhere.put("k", b"v")
    assert elsewhere.get("k") == b"v"
    elsewhere.close()


def test_a_spool_that_cannot_write_says_so(tmp_path, monkeypatch) -> None:
    import tempfile

    import pytest

    from generator.site.errors import BuildError

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(tempfile, "TemporaryFile", full)
    with pytest.raises(BuildError, match="磁盘有足够空间"):
        Spool(tmp_path).put("a", b"x")


def test_the_index_keeps_earlier_entries_of_pages_not_built_again() -> None:
    """An incremental build: pages built now give their new entries, the others their entries
    in the previous index, in the order of the site's pages; a page built with no entries (now
    excluded from search) gives none."""
    from types import SimpleNamespace

    from generator.site.incremental import index_parts

    pages = [SimpleNamespace(src_uri=f"{n}.md", url=f"{n}.html") for n in ("a", "b", "c", "d")]
    files = SimpleNamespace(documentation_pages=lambda: pages)
    built = Spool()
    built.put("b.md", entry_json({"location": "b.html", "title": "新", "text": ""}))
    built.put("c.md", b"")
    old = {"a.html": [{"location": "a.html", "title": "甲", "text": ""}],
           "c.html": [{"location": "c.html", "title": "旧", "text": ""}]}
    parts = [p for p in index_parts(files, built, old) if p]
    assert [e["title"] for p in parts for e in __import__("json").loads(b"[" + p + b"]")] == ["甲", "新"]
    built.close()


def test_a_built_site_has_one_index_written_by_us(example_site) -> None:
    import json

    for edition in (example_site.public, example_site.internal):
        raw = (edition / "search" / "search_index.json").read_bytes()
        data = json.loads(raw)
        assert data["docs"] and json.dumps(data, separators=(",", ":")).encode("utf-8") == raw


def test_with_another_plugin_mkdocs_keeps_every_page(tmp_path) -> None:
    """A portal's own plugin or hook may read any page's HTML at any event (Material's tags
    plugin fills its listing in `on_env`, after every page is converted): then nothing is set
    aside, and the listing is complete."""
    from generator.site.mkdocs_run import mkdocs_build

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("---\ntitle: 首页\ntags: [考核]\n---\n\n# 首页\n\n正文\n", encoding="utf-8")
    (docs / "tags.md").write_text("# 标签\n\n<!-- material/tags -->\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: t\ntheme: {name: material}\nplugins: [search, tags]\n", encoding="utf-8")
    assert mkdocs_build(config, site_dir=str(tmp_path / "site")) == []
    listing = (tmp_path / "site" / "tags" / "index.html").read_text(encoding="utf-8")
    assert "考核" in listing and "material/tags" not in listing


def test_a_pages_html_waits_on_disk_between_conversion_and_build(tmp_path) -> None:
    """MkDocs converts every page before it builds the first: the build hooks keep each page's
    HTML on disk meanwhile, give it back before any other plugin reads it, and let it go once
    the page is written (its Markdown too, when its front matter has the title)."""
    from types import SimpleNamespace

    from generator.site.incremental import BuildHooks

    hooks = BuildHooks(None, None, None)
    hooks.html.folder = tmp_path
    hooks.aside = True   # only the package's plugins (`on_config` decides)
    titled = SimpleNamespace(file=SimpleNamespace(src_uri="units/甲/index.md"), meta={"title": "甲"},
                             markdown="# 甲\n" * 1000, content=None, toc=["x"])
    untitled = SimpleNamespace(file=SimpleNamespace(src_uri="about.md"), meta={}, markdown="# 关于", content=None)
    for page, html in ((titled, "<h1>甲</h1>" * 1000), (untitled, "<h1>关于</h1>")):
        page.content = hooks.on_page_content(html, page=page, config=None, files=None)
    assert (titled.content, titled.markdown, untitled.content, untitled.markdown) == ("", "", "", "# 关于")
    handlers = BuildHooks.on_page_context.methods
    assert [h.mkdocs_priority for h in handlers] == [10_000, -100]   # first, and after the search plugin
    handlers[0](hooks, {}, page=titled, config=None, nav=None)
    assert titled.content == "<h1>甲</h1>" * 1000
    hooks.in_nav = {"units/甲/index.md"}
    hooks.on_post_page("<html>", page=titled, config=None)
    assert (titled.content, titled.toc, titled.markdown) == (None, [], "")
    hooks.close()
    assert "units/甲/index.md" not in hooks.html
