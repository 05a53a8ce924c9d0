"""Failures outside the data (Graphviz, MkDocs, the theme) reach the CLI as one clear message and
exit status 1, never as a traceback."""
from __future__ import annotations

import os
import shutil
import signal
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from generator.site import mkdocs_config
from generator.site.build import BuildError, build_editions
from tests.conftest import MINI_SITE

#: the mini city's first unit, whose main map is drawn first
MAP_TITLE = "小河朝鲜族乡总战略地图"


def _build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Result:
    """`bscportal build --edition public` of the mini site (a copy in tmp_path/src: stage and cache
    in its working folder, tmp_path/src/.bscportal)."""
    shutil.copytree(MINI_SITE, tmp_path / "src")
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(main, ["build", "--edition", "public", "--out", str(tmp_path / "out"),
                                     "--path", str(tmp_path / "src" / "scorecards"),
                                     "--content", str(tmp_path / "src" / "content")])


def _failed_cleanly(result: Result, *expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    for text in expected:
        assert text in result.output, result.output


def _fake_dot(folder: Path, script: str) -> None:
    folder.mkdir()
    dot = folder / "dot"
    dot.write_text("#!/bin/sh\ncat > /dev/null\n" + script, encoding="utf-8")
    dot.chmod(dot.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def test_missing_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = _build(tmp_path, monkeypatch)
    _failed_cleanly(result, MAP_TITLE, "找不到 Graphviz 的 dot 程序", "公开版")


@pytest.mark.parametrize("script, expected", [
    ("echo 'Error: <stdin>: syntax error in line 1 \x01garbage' >&2\nexit 3\n", "dot 运行失败（退出码 3）：Error: <stdin>: syntax error in line 1 ?garbage"),
    ("printf 'garbage \\001 not svg'\n", "dot 的输出不是 SVG"),
])
def test_failing_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, expected: str) -> None:
    _fake_dot(tmp_path / "bin", script)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    result = _build(tmp_path, monkeypatch)
    _failed_cleanly(result, MAP_TITLE, expected)
    # nothing was cached from the failed run
    assert not list((tmp_path / "src" / ".bscportal" / "cache").rglob("*.svg"))


def _base_config(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    load = mkdocs_config.load_base
    monkeypatch.setattr(mkdocs_config, "load_base", lambda: load(path))


def test_mkdocs_configuration_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "mkdocs.yml"
    bad.write_text(mkdocs_config.BASE_CONFIG.read_text(encoding="utf-8")
                   + "\nvalidation:\n  links: {not_found: loud}\n", encoding="utf-8")
    _base_config(monkeypatch, bad)
    result = _build(tmp_path, monkeypatch)
    _failed_cleanly(result, "MkDocs 未能生成网站", "validation", "mkdocs.yml")


def test_unreadable_base_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "mkdocs.yml"
    bad.write_text("site_name: [unclosed\n", encoding="utf-8")
    _base_config(monkeypatch, bad)
    result = _build(tmp_path, monkeypatch)
    _failed_cleanly(result, "无法读取网站配置 mkdocs.yml", "line 1")


def test_broken_theme_template(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(mkdocs_config.THEME_DIR, theme)
    (theme / "main.html").write_text('{% extends "base.html" %}\n{% block content %}{{ page.content \n',
                                     encoding="utf-8")
    with pytest.raises(BuildError) as exc:
        build_editions(MINI_SITE / "scorecards", MINI_SITE / "content", tmp_path / "out", ("public",),
                       stage_root=tmp_path / "stage", cache_root=None, theme_dir=theme)
    assert "主题模板" in str(exc.value) and "main.html" in str(exc.value) and "第 2 行" in str(exc.value)


def test_serve_keeps_the_last_site_on_a_missing_dot_and_recovers(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.site.serve import Preview

    shutil.copytree(MINI_SITE, tmp_path / "src")
    preview = Preview(tmp_path / "src" / "scorecards", tmp_path / "src" / "content", "internal",
                      tmp_path / "work", cache_root=None)
    preview.build()
    path = os.environ["PATH"]
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    index = (preview.site_dir / "index.html").read_bytes()
    preview.build()                                   # does not raise: the server keeps running
    assert (preview.site_dir / "index.html").read_bytes() == index   # the last good site stays
    assert preview.error is not None
    assert "找不到 Graphviz 的 dot 程序" in str(preview.error) and MAP_TITLE in str(preview.error)
    monkeypatch.setenv("PATH", path)
    preview.build()
    assert preview.error is None
    assert (preview.site_dir / "units" / "mini-town" / "index.html").is_file()


def test_serve_with_a_broken_base_config_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "mkdocs.yml"
    bad.write_text("site_name: [unclosed\n", encoding="utf-8")
    _base_config(monkeypatch, bad)
    shutil.copytree(MINI_SITE, tmp_path / "src")
    monkeypatch.chdir(tmp_path)
    sigterm = signal.getsignal(signal.SIGTERM)     # serve installs its own handler
    try:
        result = CliRunner().invoke(main, ["serve", "--addr", "127.0.0.1:0",
                                           "--path", str(tmp_path / "src" / "scorecards"),
                                           "--content", str(tmp_path / "src" / "content")])
    finally:
        signal.signal(signal.SIGTERM, sigterm)
    _failed_cleanly(result, "无法读取网站配置 mkdocs.yml")


def test_text_excel_cannot_hold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A character Excel refuses (check refuses control characters first; here the XLSX writer's
    own guard is made to trip on an ordinary one) names the file and cell, exit 1."""
    import re

    from generator.render import tabular

    monkeypatch.setattr(tabular, "ILLEGAL_CHARACTERS_RE", re.compile("乡"))
    _failed_cleanly(_build(tmp_path, monkeypatch), "Excel 不允许的控制字符", "U+4E61", ".xlsx", "请在数据文件中删除")
