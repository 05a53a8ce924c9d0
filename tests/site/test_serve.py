"""The live preview's builder: re-stages on each edit; a failed rebuild keeps the last good site
and shows the error in a banner on every page; recovers."""
import hashlib
import shutil
from pathlib import Path

import pytest

from generator.site import mkdocs_config
from generator.site.build import BuildError
from generator.site.serve import Preview, _first_run_with_errors, _server_class, rebuild, with_banner
from tests.conftest import MINI_SITE


@pytest.fixture
def preview(tmp_path):
    shutil.copytree(MINI_SITE, tmp_path / "src")
    return Preview(tmp_path / "src" / "scorecards", tmp_path / "src" / "content", "internal",
                   tmp_path / "work", cache_root=None)


def page(preview, rel):
    return (preview.site_dir / rel).read_text(encoding="utf-8")


def test_rebuild_after_an_edit(preview):
    preview.build()
    assert "小河朝鲜族乡" in page(preview, "units/mini-town/index.html")
    reg = preview.scorecards / "registry.yml"
    reg.write_text(reg.read_text(encoding="utf-8").replace("name: 小河朝鲜族乡", "name: 大河朝鲜族乡"),
                   encoding="utf-8")
    preview.build()
    assert "大河朝鲜族乡" in page(preview, "units/mini-town/index.html")


def tree_hash(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_check_errors_keep_the_last_good_site_with_a_banner_and_the_preview_recovers(preview, caplog):
    preview.build()
    good_site = tree_hash(preview.site_dir)
    reg = preview.scorecards / "registry.yml"
    good = reg.read_text(encoding="utf-8")
    reg.write_text(good.replace("kind: township", "kind: nokind", 1), encoding="utf-8")
    preview.build()                                   # does not raise: the server keeps running
    assert tree_hash(preview.site_dir) == good_site   # the last good build is still served
    assert preview.error is not None and any("registry.yml" in p.path for p in preview.error.problems)
    shown = with_banner(page(preview, "units/mini-town/index.html").encode(), preview.error).decode()
    assert "预览没有更新" in shown and "registry.yml" in shown and "小河朝鲜族乡" in shown
    assert shown.index("bsc-build-error") > shown.index("<body")
    assert any("registry.yml" in r.getMessage() for r in caplog.records)
    reg.write_text(good, encoding="utf-8")
    preview.build()
    assert preview.error is None
    assert with_banner(b"<body>x</body>", preview.error) == b"<body>x</body>"
    assert (preview.site_dir / "units" / "mini-town" / "index.html").is_file()


def test_a_failed_mkdocs_rebuild_keeps_the_last_good_site(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(mkdocs_config.THEME_DIR, theme)
    shutil.copytree(MINI_SITE, tmp_path / "src")
    preview = Preview(tmp_path / "src" / "scorecards", tmp_path / "src" / "content", "public",
                      tmp_path / "work", cache_root=None, theme_dir=theme)
    preview.build()
    good_site = tree_hash(preview.site_dir)
    (theme / "main.html").write_text('{% extends "base.html" %}\n{% block content %}{{ page.content \n',
                                     encoding="utf-8")
    preview.build()
    assert preview.error is not None and "主题模板" in str(preview.error)
    assert tree_hash(preview.site_dir) == good_site
    assert not list((tmp_path / "work").glob(".site.*"))   # no half-built folder left beside it


def test_first_run_errors_build_the_error_page(preview):
    reg = preview.scorecards / "registry.yml"
    reg.write_text(reg.read_text(encoding="utf-8").replace("kind: township", "kind: nokind", 1), encoding="utf-8")
    with pytest.raises(BuildError):
        preview.build()
    _first_run_with_errors(preview)
    assert "数据有错误" in page(preview, "index.html") and "registry.yml" in page(preview, "index.html")
    reg.write_text(reg.read_text(encoding="utf-8").replace("kind: nokind", "kind: township", 1), encoding="utf-8")
    preview.build()
    assert preview.error is None and "数据有错误" not in page(preview, "index.html")


def test_the_server_adds_the_banner_to_every_page(preview):
    """MkDocs' server calls `_inject_js_into_html` for each HTML page (MkDocs 1.6); ours adds the
    banner there. Served through the WSGI entry point, without a socket loop."""
    import io
    import wsgiref.util

    preview.build()
    server = _server_class()(preview, builder=lambda: None, host="127.0.0.1", port=0,
                             root=str(preview.site_dir))
    try:
        server.watch(str(preview.scorecards))   # the reload script (and banner) go only into watched sites

        def get(path: str) -> str:
            environ: dict = {"PATH_INFO": path, "REQUEST_METHOD": "GET", "wsgi.input": io.BytesIO()}
            wsgiref.util.setup_testing_defaults(environ)
            return b"".join(server.serve_request(environ, lambda status, headers: None)).decode()

        assert "bsc-build-error" not in get("/units/mini-town/index.html")
        preview.error = BuildError("主题模板出错：测试", [])
        shown = get("/units/mini-town/index.html")
        assert "bsc-build-error" in shown and "主题模板出错：测试" in shown and "livereload" in shown
    finally:
        server.server_close()
        server.observer.stop()


def test_errors_on_the_first_run_raise_for_the_caller(preview):
    reg = preview.scorecards / "registry.yml"
    reg.write_text(reg.read_text(encoding="utf-8").replace("kind: township", "kind: nokind", 1), encoding="utf-8")
    with pytest.raises(BuildError):
        preview.build()


def test_a_rebuild_that_changes_nothing_reloads_no_page(tmp_path):
    """An editor's save is seen twice (the temporary file, then its rename): the second rebuild
    finds nothing new and reloads no page; a rebuild that removes the error banner does."""
    shutil.copytree(MINI_SITE, tmp_path / "src")
    preview = Preview(tmp_path / "src" / "scorecards", tmp_path / "src" / "content", "internal",
                      tmp_path / "work", cache_root=tmp_path / "cache")
    preview.build()
    server = _server_class()(preview, builder=lambda: None, host="127.0.0.1", port=0,
                             root=str(preview.site_dir))
    try:
        def reloads() -> bool:
            server._visible_epoch, server._wanted_epoch = 1, 2   # as MkDocs sets them before a build
            rebuild(preview, server)
            return server._wanted_epoch == 2

        assert not reloads()                       # nothing changed since the first build
        reg = preview.scorecards / "registry.yml"
        good = reg.read_text(encoding="utf-8")
        reg.write_text(good.replace("name: 小河朝鲜族乡", "name: 大河朝鲜族乡"), encoding="utf-8")
        assert reloads() and not reloads()         # the edit, then the rename's second look
        reg.write_text(good.replace("kind: township", "kind: nokind", 1), encoding="utf-8")
        assert reloads() and preview.error is not None          # the banner appears
        reg.write_text(good.replace("name: 小河朝鲜族乡", "name: 大河朝鲜族乡"), encoding="utf-8")
        assert reloads() and preview.error is None               # the same site, without the banner
        assert not reloads()
    finally:
        server.server_close()
        server.observer.stop()


def test_the_portal_folder_is_watched_for_its_theme_and_mkdocs_yml_only(tmp_path, preview):
    """Without theme/ or mkdocs.yml, the portal folder is watched for them alone: a log that the
    server itself writes there (`bscportal serve > serve.log`) rebuilt the site for ever."""
    import time

    server = _server_class()(preview, builder=lambda: None, host="127.0.0.1", port=0,
                             root=str(preview.site_dir))
    server.watch(str(preview.scorecards))
    server.watch_names(tmp_path, {"theme", "mkdocs.yml"})
    server.observer.start()
    try:
        (tmp_path / "serve.log").write_text("INFO - 预览已更新\n", encoding="utf-8")
        time.sleep(0.8)
        assert not server._want_rebuild
        (tmp_path / "mkdocs.yml").write_text("extra: {}\n", encoding="utf-8")
        deadline = time.monotonic() + 5
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server._want_rebuild
    finally:
        server.observer.stop()
        server.server_close()
