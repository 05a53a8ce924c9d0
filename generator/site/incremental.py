"""Incremental MkDocs builds that give the same bytes as a complete build.

After each successful build of an edition, a manifest (`Manifest`, in the cache folder) records
what it was built from and what it wrote: a key of everything that affects every page (the
staged mkdocs.yml, the theme, the jieba user dictionary, the versions of the generator and of
MkDocs and its plugins), a digest of every staged file, the navigation's titles and addresses,
and the size and modification time of every file of the published site.

The next build of that edition (see `build_edition`) can reuse the published site when the key
is the same and the site is exactly as recorded (`intact`): it copies it into the new folder (a
real copy: MkDocs writes files in place, and hard links would change the live site), deletes
the output of staged files that are gone, and runs MkDocs' dirty mode with `Incremental`
deciding what is rebuilt (not MkDocs' file times):

- a staged page or file whose digest changed, or whose output is missing;
- a page that may link to a file that was added or deleted (a link resolves differently);
- everything, when a title, address or front matter of a page in the navigation changed
  (every page carries the navigation).

The search index stays complete: the entries of the pages built now (captured as the search
plugin makes them) and, for every other page, its entries in the previous index, in the order
of a complete build. Sitemap and 404 page are always written again. Anything else (a new key,
no manifest, a site changed since) builds everything.
"""
from __future__ import annotations

import json
import os
import posixpath
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from .mkdocs_config import HOOKS
from .searchlean import lean
from .segment import CachedSegmenter, attach
from .spool import Spool
from .stage import write_if_changed

if TYPE_CHECKING:
    from material.plugins.search.plugin import SearchPlugin
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

MANIFEST_VERSION = 1
#: the plugins every edition's build has (Material's search and the package's hooks) and the name
#: the build hooks are added under
OWN_PLUGINS = frozenset({"search", "material/search", *(str(h) for h in HOOKS)})
PLUGIN_NAME = "bscportal/build"
INDEX = "search/search_index.json"

Entry = dict[str, Any]


@dataclass
class Manifest:
    """What one build of an edition was made from and what it wrote."""

    #: everything that affects every page (a change builds everything)
    key: str
    #: the build's inputs (the same: nothing to do, see `build_edition`)
    inputs: str
    #: the navigation: titles, addresses and front matter of its pages
    nav: str = ""
    #: staged file (docs-relative) → digest of its bytes
    sources: dict[str, str] = field(default_factory=dict)
    #: staged file → the file it became in the site
    dests: dict[str, str] = field(default_factory=dict)
    #: every file of the site → [size, modification time in ns]
    outputs: dict[str, list[int]] = field(default_factory=dict)
    version: int = MANIFEST_VERSION


def load_manifest(path: Path) -> Manifest | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != MANIFEST_VERSION:
            return None
        return Manifest(**data)
    except (OSError, ValueError, TypeError, AttributeError):
        return None


def save_manifest(path: Path, manifest: Manifest) -> None:
    write_if_changed(path, json.dumps(asdict(manifest), ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def forget(path: Path) -> None:
    """Delete a manifest (before the site it describes is replaced)."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def scan(site: Path) -> dict[str, list[int]]:
    """Every file under `site`: relative path → [size, mtime_ns]."""
    out: dict[str, list[int]] = {}
    base = len(str(site)) + 1
    for dirpath, _dirs, files in os.walk(site):
        for name in files:
            path = os.path.join(dirpath, name)
            st = os.lstat(path)
            out[path[base:].replace(os.sep, "/")] = [st.st_size, st.st_mtime_ns]
    return out


def intact(manifest: Manifest, site: Path) -> bool:
    """The site holds exactly the files the manifest recorded, none changed since."""
    return site.is_dir() and scan(site) == manifest.outputs


def copy_site(site: Path, new: Path) -> None:
    """A real copy of `site` at `new` (file times kept: `intact` compares them)."""
    import shutil

    shutil.copytree(site, new, symlinks=True, copy_function=shutil.copy2)


def _remove_empty_parents(path: Path, root: Path) -> None:
    folder = path.parent
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _mentions(source: str, page: str, target: str) -> bool:
    """Whether the Markdown `source` of `page` may link to `target` (both docs-relative): its
    folder and name (`x/index.md`), or its name alone from the same folder."""
    folder, name = posixpath.split(target)
    if name not in source:
        return False
    key = f"{posixpath.basename(folder)}/{name}" if folder else name
    return key in source or posixpath.dirname(page) == folder


def _meta(meta: Mapping[str, Any]) -> str:
    return json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str)


class Incremental:
    """Which files an incremental MkDocs build writes again; `full` when all of them."""

    def __init__(self, previous: Manifest | None, sources: dict[str, str]) -> None:
        self.previous = previous
        self.sources = sources
        self.full = previous is None
        self.dirty: set[str] = set()
        #: the previous index's entries by page address (filled when the build starts)
        self.old_entries: dict[str, list[Entry]] = {}
        #: set when the build has made its navigation
        self.nav = ""
        self.dests: dict[str, str] = {}
        self.built = 0
        self.site_dir = Path()

    # -- decisions, on MkDocs' files --------------------------------------------------------------
    def start(self, files: "Files", docs_dir: str, site_dir: Path) -> None:
        """Decide what is dirty; delete what the previous build wrote for files that are gone."""
        docs = {f.src_uri: f for f in files if f.src_dir == docs_dir}
        self.dests = {uri: f.dest_uri for uri, f in docs.items()}
        self.site_dir = site_dir
        prev = self.previous
        if prev is None:
            return
        if not self._read_index(site_dir):
            self._everything()
            return
        self.dirty = {uri for uri in docs if self.sources.get(uri) != prev.sources.get(uri)
                      or not os.path.exists(docs[uri].abs_dest_path)}
        gone = set(prev.sources) - set(docs)
        added = set(docs) - set(prev.sources)
        dests = {f.dest_uri for f in files}
        for uri in sorted(gone):
            dest = prev.dests.get(uri)
            if dest and dest not in dests:
                path = site_dir / dest
                if path.is_file():
                    path.unlink()
                    _remove_empty_parents(path, site_dir)
        moved = gone | added
        if moved:
            for uri, f in docs.items():
                if uri not in self.dirty and f.is_documentation_page():
                    text = f.content_string
                    if any(_mentions(text, uri, t) for t in moved):
                        self.dirty.add(uri)

    def _read_index(self, site_dir: Path) -> bool:
        try:
            docs = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))["docs"]
        except (OSError, ValueError, KeyError, TypeError):
            return False
        for entry in docs:
            self.old_entries.setdefault(str(entry["location"]).split("#", 1)[0], []).append(entry)
        return True

    def modified(self, f: "File", docs_dir: str) -> bool:
        if self.full or not os.path.exists(f.abs_dest_path):
            return True
        return f.src_dir == docs_dir and f.src_uri in self.dirty

    def navigation(self, nav: "Navigation", config: "MkDocsConfig") -> None:
        """Read the navigation's pages that are not rebuilt (their titles and front matter show
        in every page); everything is rebuilt when the navigation differs from the last build's."""
        items = []
        for page in nav.pages:
            uri = page.file.src_uri
            if page.markdown is None:
                page.read_source(config)
            untitled = "title" not in page.meta
            if untitled and not self.full:
                self.dirty.add(uri)   # its title comes from rendering it
            items.append([uri, page.title, page.url, _meta(page.meta),
                          self.sources.get(uri, "") if untitled else ""])
        self.nav = json.dumps(items, ensure_ascii=False)
        if not self.full and self.previous is not None and self.nav != self.previous.nav:
            self._everything()

    def _everything(self) -> None:
        """Build everything after all (nothing is written yet): start from an empty folder, as
        a complete build does."""
        from mkdocs.utils import clean_directory

        clean_directory(str(self.site_dir))
        self.full = True


class BuildHooks(BasePlugin):
    """The events of one build: segmentation through the cache, the incremental decisions, the
    search entries of the pages built."""

    def __init__(self, search: "SearchPlugin | None", segmenter: CachedSegmenter | None,
                 incremental: Incremental | None) -> None:
        super().__init__()
        self.search = search
        self.segmenter = segmenter
        self.inc = incremental
        self.files: "Files | None" = None
        #: each page's HTML from when it is converted to when it is built, and the search
        #: entries of each page built (JSON, joined by commas), on disk, not in memory
        self.html = Spool()
        self.entries = Spool()
        self.in_nav: set[str] = set()
        #: whether pages' HTML and Markdown are set aside (only with no plugins but ours)
        self.aside = False
        self.pages = 0
        #: called every hundred pages to give freed memory back to the system
        self.release: Callable[[], None] | None = None

    @event_priority(-100)   # after the search plugin has made its index
    def on_config(self, config: "MkDocsConfig") -> None:
        if self.search is not None and self.segmenter is not None:
            attach(self.search, self.segmenter)
        if self.search is not None and getattr(self.search, "search_index", None) is not None:
            lean(self.search.search_index)
        spools = Path(config.docs_dir).parent   # the staging folder: the site's own disk
        self.html.folder = self.entries.folder = spools
        # another plugin or a portal's hook may read any page's HTML or Markdown at any event
        # (Material's tags plugin fills its listings in `on_env`): then MkDocs keeps them
        self.aside = all(name in OWN_PLUGINS or name == PLUGIN_NAME for name in config.plugins)

    @event_priority(-100)
    def on_files(self, files: "Files", *, config: "MkDocsConfig") -> None:
        self.files = files
        inc = self.inc
        if inc is None:
            return
        docs_dir = config.docs_dir
        inc.start(files, docs_dir, Path(config.site_dir))
        for f in files:
            f.is_modified = self._modified(f, docs_dir)   # type: ignore[method-assign]

    def _modified(self, f: "File", docs_dir: str) -> Callable[[], bool]:
        inc = self.inc
        assert inc is not None
        return lambda: inc.modified(f, docs_dir)

    @event_priority(-100)
    def on_nav(self, nav: "Navigation", *, config: "MkDocsConfig", files: "Files") -> None:
        self.in_nav = {page.file.src_uri for page in nav.pages}
        if self.inc is not None:
            self.inc.navigation(nav, config)

    @event_priority(-10_000)   # last: every plugin and hook (a portal's too) has seen the HTML
    def on_page_content(self, html: str, *, page: "Page", config: "MkDocsConfig", files: "Files") -> str:
        """Set the page's HTML aside until the page is built (`on_page_context`): MkDocs
        converts every page before it builds the first. Its Markdown is not needed either when
        its title is in its front matter (the title is all the navigation reads)."""
        if not self.aside:
            return html
        self.html.put(page.file.src_uri, html.encode("utf-8"))
        if "title" in page.meta:
            page.markdown = ""
        return ""

    @event_priority(10_000)    # first: before any other plugin reads the page's HTML
    def _html_back(self, context: Any, *, page: "Page", config: "MkDocsConfig", nav: "Navigation") -> Any:
        if page.file.src_uri in self.html:
            page.content = self.html.get(page.file.src_uri).decode("utf-8")
        return context

    @event_priority(-100)   # after the search plugin has indexed the page
    def _entries_aside(self, context: Any, *, page: "Page", config: "MkDocsConfig", nav: "Navigation") -> Any:
        if self.search is not None and self.search.config.enabled:
            entries = self.search.search_index.entries
            self.entries.put(page.file.src_uri, b",".join(entry_json(e) for e in entries))
            entries.clear()
        if self.inc is not None:
            self.inc.built += 1
        return context

    on_page_context = CombinedEvent(_html_back, _entries_aside)

    @event_priority(-100)   # the page is rendered: MkDocs writes `output` and needs no more of it
    def on_post_page(self, output: str, *, page: "Page", config: "MkDocsConfig") -> str:
        """Let go of the page's HTML and table of contents (and, outside the navigation, whose
        titles every page shows, of its Markdown): MkDocs keeps every page until the build ends,
        which for a large city is gigabytes. Its anchors stay for MkDocs' check of links."""
        page.content = None
        page.toc = []   # type: ignore[assignment]   # as before the page was read
        if page.file.src_uri not in self.in_nav:
            page.markdown = None
        self.pages += 1
        if self.pages % 100 == 0 and self.release is not None:
            self.release()
        return output

    @event_priority(100)    # before the search plugin writes its index
    def on_post_build(self, *, config: "MkDocsConfig") -> None:
        search = self.search
        if search is not None and search.config.enabled:
            assert self.files is not None
            old = self.inc.old_entries if self.inc is not None and not self.inc.full else {}
            header = {key: search.config[key] for key in ["lang", "separator", "pipeline", "fields"]}
            write_index(Path(config.site_dir) / INDEX, entry_json(header), index_parts(self.files, self.entries, old))
            search.config.enabled = False   # written: the plugin's own on_post_build does nothing
        self.close()

    def on_build_error(self, *, error: Exception) -> None:
        self.close()

    def close(self) -> None:
        self.html.close()
        self.entries.close()


def entry_json(entry: Entry) -> bytes:
    """One search entry as the search plugin writes it (`generate_search_index`)."""
    return json.dumps(entry, separators=(",", ":"), default=str).encode("utf-8")


def index_parts(files: "Files", built: Spool, old: Mapping[str, list[Entry]]) -> Iterator[bytes]:
    """The whole index, page by page in the order a complete build adds them (each page's
    entries as JSON joined by commas): the entries of the pages built now (`built`, by source),
    for every other page its entries in the previous index (`old`, by address)."""
    for f in files.documentation_pages():
        if f.src_uri in built:
            yield built.get(f.src_uri)
        elif f.url in old:
            yield b",".join(entry_json(e) for e in old[f.url])


def write_index(path: Path, config: bytes, parts: Iterable[bytes]) -> None:
    """The search index as the plugin writes it (the same bytes), from its `config` (JSON) and
    `parts` of its list of entries (JSON, each a run of whole entries joined by commas), one
    part at a time: the plugin holds every entry until the end, then makes the whole JSON text,
    then its bytes (gigabytes for a city of 710 units)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        f.write(b'{"config":' + config + b',"docs":[')
        first = True
        for part in parts:
            if part:
                f.write(part if first else b"," + part)
                first = False
        f.write(b"]}")
