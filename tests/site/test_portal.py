"""The portal folder (generator/site/portal.py): the working folder `.bscportal/` (never the current
folder), the portal's own mkdocs.yml merged over the package's base configuration, its theme/
files over the package's theme; mistakes named with file and line, in the portal's language."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.i18n import use_language
from generator.site import mkdocs_config
from generator.site.build import BuildError, build_editions
from generator.site.portal import CACHE_ENV, Portal, site_config, theme_folder
from tests.conftest import MINI_SITE, ROOT


def _portal(tmp_path: Path, config: str | None = None, theme: dict[str, str] | None = None) -> Portal:
    """A copy of the mini site in tmp_path/portal, with this mkdocs.yml and these theme files."""
    shutil.copytree(MINI_SITE, tmp_path / "portal")
    portal = Portal.of(tmp_path / "portal" / "scorecards")
    if config is not None:
        portal.config.write_text(config, encoding="utf-8")
    for rel, text in (theme or {}).items():
        (portal.theme / rel).parent.mkdir(parents=True, exist_ok=True)
        (portal.theme / rel).write_text(text, encoding="utf-8")
    return portal


def _same(one: dict, other: dict) -> bool:
    return mkdocs_config.dump(one) == mkdocs_config.dump(other)


def _error(tmp_path: Path, config: str) -> str:
    with pytest.raises(BuildError) as exc:
        site_config(_portal(tmp_path, config))
    return str(exc.value)


# -- where things go ------------------------------------------------------------------------------

def test_this_repository_is_a_portal_without_settings_of_its_own() -> None:
    """The example portal needs no mkdocs.yml or theme/: the package has them."""
    assert not (ROOT / "mkdocs.yml").exists() and not (ROOT / "theme").exists()
    assert mkdocs_config.BASE_CONFIG.is_file() and (mkdocs_config.THEME_DIR / "main.html").is_file()
    assert mkdocs_config.THEME_DIR.is_relative_to(ROOT / "generator")
    assert _same(site_config(Portal.of(ROOT / "scorecards")), mkdocs_config.load_base())


def test_the_working_folder_is_the_portals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    portal = Portal.of("city/scorecards")
    assert portal.root == tmp_path / "city"
    assert (portal.stage, portal.cache) == (tmp_path / "city" / ".bscportal" / "stage",
                                            tmp_path / "city" / ".bscportal" / "cache")


def test_bscportal_cache_dir_moves_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "caches"))
    one, two = Portal.of(tmp_path / "a" / "city" / "scorecards"), Portal.of(tmp_path / "b" / "city" / "scorecards")
    assert one.work.parent == two.work.parent == tmp_path / "caches"
    assert one.work.name.startswith("city-") and one.work != two.work   # one folder per portal
    assert one.cache == one.work / "cache"


def test_the_build_writes_nothing_into_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    portal = _portal(tmp_path)
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    result = CliRunner().invoke(main, ["build", "--edition", "public", "--path", str(portal.root / "scorecards")])
    assert result.exit_code == 0, result.output
    assert list((tmp_path / "here").iterdir()) == []
    assert (portal.stage / "public" / "mkdocs.yml").is_file() and (portal.cache / "site").is_dir()
    assert (portal.root / "site" / "public" / "index.html").is_file()   # --out: site in the portal folder


# -- the portal's mkdocs.yml ----------------------------------------------------------------------

OVERRIDE = """\
theme:
  palette:
    primary: teal
  features: [navigation.tabs]
extra_css: [assets/stylesheets/city.css]
extra:
  city_motto: 一起向未来
plugins:
  - search:
      min_search_length: 3
markdown_extensions:
  - def_list
  - toc:
      permalink: "#"
  - pymdownx.details: false
hooks: [hooks/city.py]
"""


def test_the_override_is_merged_over_the_base(tmp_path: Path) -> None:
    portal = _portal(tmp_path, OVERRIDE, {"../hooks/city.py": "x = 1\n"})
    base, cfg = mkdocs_config.load_base(), site_config(portal)
    # mappings key by key
    assert cfg["theme"]["palette"] == {**base["theme"]["palette"], "primary": "teal"}
    assert cfg["theme"]["font"] is False and cfg["theme"]["name"] == "material"
    assert cfg["validation"] == base["validation"] and cfg["extra"] == {"city_motto": "一起向未来"}
    # lists replaced
    assert cfg["theme"]["features"] == ["navigation.tabs"]
    assert cfg["extra_css"] == ["assets/stylesheets/city.css"]
    # plugins and extensions by name: options merged, new ones after, `false` removes
    names = [e if isinstance(e, str) else next(iter(e)) for e in cfg["markdown_extensions"]]
    base_names = [e if isinstance(e, str) else next(iter(e)) for e in base["markdown_extensions"]]
    assert names == [n for n in base_names if n != "pymdownx.details"] + ["def_list"]
    toc = next(e["toc"] for e in cfg["markdown_extensions"] if isinstance(e, dict) and "toc" in e)
    assert toc["permalink"] == "#" and "slugify" in toc
    search = next(p for p in base["plugins"] if p == "search" or isinstance(p, dict) and "search" in p)
    assert cfg["plugins"] == [{"search": {**(search["search"] if isinstance(search, dict) else {}),
                                          "min_search_length": 3}}]
    # hooks: relative to the portal folder
    assert cfg["hooks"] == [str(portal.root / "hooks" / "city.py")]
    # the edition's config keeps what bscportal writes itself, and dumps (slugify tag kept)
    assert "!!python/object/apply:pymdownx.slugs.slugify" in mkdocs_config.dump(cfg)


def test_an_empty_override_changes_nothing(tmp_path: Path) -> None:
    assert _same(site_config(_portal(tmp_path, "# nothing yet\n")), mkdocs_config.load_base())


@pytest.mark.parametrize("config, line, expected", [
    ("site_name: 我的门户\n", 1, "site_name 不能在门户的 mkdocs.yml 里设置：网站名称由 city.yml 里的城市名称生成"),
    ("theme:\n  palette: {primary: red}\n  custom_dir: mytheme\n", 3, "theme.custom_dir 不能在门户的 mkdocs.yml 里设置"),
    ("extra:\n  edition: public\n", 2, "extra.edition 不能在门户的 mkdocs.yml 里设置"),
    ("nav:\n  - index.md\n", 1, "nav 不能在门户的 mkdocs.yml 里设置"),
    ("use_directory_urls: true\n", 1, "use_directory_urls 不能在门户的 mkdocs.yml 里设置"),
    ("extra:\n  bsc_text: {}\n", 2, "extra.bsc_text 不能在门户的 mkdocs.yml 里设置"),
    ("markdown_extensions:\n  - tables\n  - pymdownx.snippets:\n      base_path: .\n", 3,
     "pymdownx.snippets 不能在门户的 mkdocs.yml 里打开"),
    ("use_directory_urls: false\nthemes:\n  palette: {}\n", 2, "themes 不是 MkDocs 的设置：请检查拼写"),
    ("theme:\n  name: readthedocs\n", 2, "主题只能是 material"),
    ("theme: material\n", 1, "theme 应是 `设置: 值` 的映射"),
    ("plugins:\n  - search\n  - blogg\n", 3, "没有安装名为 blogg 的 MkDocs 插件"),
    ("markdown_extensions:\n  - tables\n  - pymdownx.nosuch\n", 3, "找不到名为 pymdownx.nosuch 的 Markdown 扩展"),
    ("markdown_extensions:\n  - toc: yes please\n", 2, "toc 的选项应是 `选项: 值` 的映射"),
    ("hooks:\n  - hooks/missing.py\n", 2, "找不到 hooks/missing.py（路径相对于门户文件夹）"),
    ("theme:\n  palette: [unclosed\n", 2, "YAML 语法错误"),
    ("- a list\n", 1, "网站配置应为 `设置: 值` 的映射"),
])
def test_mistakes_name_the_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         config: str, line: int, expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    message = _error(tmp_path, config)
    assert message.startswith(f"portal/mkdocs.yml:{line}: "), message
    assert expected in message, message


def test_mistakes_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with use_language("en"):
        message = _error(tmp_path, "site_name: My portal\n")
    assert message == ("portal/mkdocs.yml:1: site_name cannot be set in the portal's mkdocs.yml: the site name "
                       "is made from the city's name in city.yml. Remove it")


def test_the_cli_stops_with_the_message_and_no_traceback(tmp_path: Path) -> None:
    portal = _portal(tmp_path, "copyright: 版权所有\n")
    result = CliRunner().invoke(main, ["build", "--path", str(portal.root / "scorecards"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "mkdocs.yml:1: copyright 不能在门户的 mkdocs.yml 里设置" in result.output
    assert not (tmp_path / "out" / "public").exists()


# -- the portal's theme/ ----------------------------------------------------------------------------

def test_without_a_theme_folder_the_package_theme_is_used_as_it_is(tmp_path: Path) -> None:
    assert theme_folder(_portal(tmp_path), tmp_path / "stage") == mkdocs_config.THEME_DIR
    assert not (tmp_path / "stage").exists()


def test_the_portal_theme_files_replace_and_add(tmp_path: Path) -> None:
    portal = _portal(tmp_path, theme={"partials/copyright.html": "<p>ours</p>\n",
                                      "assets/images/logo.svg": "<svg/>\n", ".DS_Store": "junk"})
    combined = theme_folder(portal, tmp_path / "stage")
    assert combined == tmp_path / "stage" / "theme"
    assert (combined / "partials" / "copyright.html").read_text(encoding="utf-8") == "<p>ours</p>\n"
    assert (combined / "assets" / "images" / "logo.svg").is_file() and not (combined / ".DS_Store").exists()
    package = mkdocs_config.THEME_DIR
    assert (combined / "main.html").read_bytes() == (package / "main.html").read_bytes()
    # a file the portal no longer has comes back from the package; an added one goes
    (portal.theme / "partials" / "copyright.html").unlink()
    (portal.theme / "assets" / "images" / "logo.svg").unlink()
    theme_folder(portal, tmp_path / "stage")
    assert ((combined / "partials" / "copyright.html").read_bytes()
            == (package / "partials" / "copyright.html").read_bytes())
    assert not (combined / "assets" / "images").exists()


def test_a_theme_file_instead_of_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    portal = _portal(tmp_path)
    portal.theme.write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildError, match="portal/theme 应是一个文件夹"):
        theme_folder(portal, tmp_path / "stage")


def _build(portal: Portal, out: Path) -> str:
    """One public build of `portal` with its working folder; how it was built."""
    _, reports = build_editions(portal.root / "scorecards", portal.root / "content", out, ("public",))
    return reports[0].way


def test_overrides_reach_the_site_and_a_change_is_noticed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    portal = _portal(tmp_path, "theme:\n  palette:\n    primary: teal\nextra_css: [assets/city.css]\n",
                     {"assets/city.css": ".md-header { color: red }\n",
                      "partials/copyright.html": "<p class=\"ours\">ours</p>\n"})
    out = tmp_path / "out"
    assert _build(portal, out) == "full"
    page = (out / "public" / "index.html").read_text(encoding="utf-8")
    assert 'data-md-color-primary="teal"' in page and "assets/city.css" in page
    assert '<p class="ours">ours</p>' in page and "bsc.css" in page   # the package's theme still there
    assert (out / "public" / "assets" / "city.css").is_file()
    assert _build(portal, out) == "unchanged"
    (portal.theme / "assets" / "city.css").write_text(".md-header { color: blue }\n", encoding="utf-8")
    assert _build(portal, out) == "full"
    assert "blue" in (out / "public" / "assets" / "city.css").read_text(encoding="utf-8")
    portal.config.write_text("theme:\n  palette:\n    primary: indigo\n", encoding="utf-8")
    assert _build(portal, out) == "full"
    assert 'data-md-color-primary="indigo"' in (out / "public" / "index.html").read_text(encoding="utf-8")


def test_a_template_error_names_the_portals_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    portal = _portal(tmp_path, theme={"main.html": '{% extends "base.html" %}\n{% block content %}{{ page.content \n'})
    with pytest.raises(BuildError) as exc:
        _build(portal, tmp_path / "out")
    assert "portal/theme/main.html" in str(exc.value) and "第 2 行" in str(exc.value)


def test_serve_combines_the_theme_at_every_rebuild(tmp_path: Path) -> None:
    from generator.site.serve import Preview

    portal = _portal(tmp_path, "extra_css: [assets/city.css]\n", {"assets/city.css": "/* one */\n"})
    preview = Preview(portal.root / "scorecards", portal.root / "content", "public", tmp_path / "work", cache_root=None)
    preview.build()
    assert (preview.site_dir / "assets" / "city.css").read_text(encoding="utf-8") == "/* one */\n"
    (portal.theme / "assets" / "city.css").write_text("/* two */\n", encoding="utf-8")
    preview.build()
    assert preview.error is None
    assert (preview.site_dir / "assets" / "city.css").read_text(encoding="utf-8") == "/* two */\n"
    portal.config.write_text("site_dir: elsewhere\n", encoding="utf-8")
    preview.build()                          # the server keeps the last site and shows why
    assert preview.error is not None and "mkdocs.yml:1: site_dir 不能在门户的 mkdocs.yml 里设置" in str(preview.error)
    assert not list(portal.root.glob(".bscportal"))   # serve works in its own temporary folder


def test_a_portal_hook_runs_and_its_change_rebuilds_every_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    hook = "def on_page_markdown(markdown, **kwargs):\n    return markdown + '\\n\\n{mark}\\n'\n"
    portal = _portal(tmp_path, "hooks: [hooks/city.py]\n", {"../hooks/city.py": hook.format(mark="HOOK-ONE")})
    out = tmp_path / "out"
    assert _build(portal, out) == "full"
    assert "HOOK-ONE" in (out / "public" / "about.html").read_text(encoding="utf-8")
    assert _build(portal, out) == "unchanged"
    (portal.root / "hooks" / "city.py").write_text(hook.format(mark="HOOK-SECOND"), encoding="utf-8")
    assert _build(portal, out) == "full"   # (MkDocs loads a hook once per process: the CLI's next run runs it)


def test_serve_is_told_of_changes_not_of_reads(tmp_path: Path) -> None:
    """Every rebuild reads the data; were reads events (watchdog 5+ reports a file opened and
    closed), MkDocs' server would rebuild for ever after the first save."""
    import time

    from watchdog.events import FileSystemEventHandler

    from generator.site.serve import _changes_observer

    (tmp_path / "city.yml").write_text("a: 1\n", encoding="utf-8")
    seen: list[str] = []

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: object) -> None:
            seen.append(type(event).__name__)

    observer = _changes_observer()
    observer.schedule(Handler(), str(tmp_path), recursive=True)
    observer.start()
    try:
        time.sleep(0.3)
        (tmp_path / "city.yml").read_text(encoding="utf-8")
        time.sleep(0.5)
        assert [e for e in seen if not e.startswith("Dir")] == []
        (tmp_path / "city.yml").write_text("a: 2\n", encoding="utf-8")
        deadline = time.monotonic() + 5
        while not seen and time.monotonic() < deadline:
            time.sleep(0.05)
        assert seen
    finally:
        observer.stop()
        observer.join()


def test_check_reports_the_portal_config_at_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`bscportal check` (what CI runs on a pull request) finds what `build` would stop on:
    BSC008 at the portal's mkdocs.yml and line, exit 1, in any output format."""
    monkeypatch.chdir(tmp_path)
    portal = _portal(tmp_path, "theme:\n  palette: {primary: red}\nplugins:\n  - search\n  - blogg\n")
    result = CliRunner().invoke(main, ["check", "portal/scorecards", "--format", "json"])
    assert result.exit_code == 1, result.output
    found = [p for p in json.loads(result.stdout) if p["code"] == "BSC008"]
    assert [(p["path"], p["line"]) for p in found] == [("portal/mkdocs.yml", 5)]
    assert "blogg" in found[0]["message"] and not found[0]["message"].startswith("portal/")
    portal.config.write_text("theme:\n  palette: {primary: red}\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["check", "portal/scorecards"]).exit_code == 0
