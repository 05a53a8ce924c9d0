"""`bscportal init` speaks the portal's language (or --lang, or the locale), and Chinese stays as
it was."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.i18n import use_language
from generator.scaffold import ScaffoldError
from generator.scaffold.portal import init_portal


def _refusal(tmp_path, language: str) -> str:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "x").write_text("x", encoding="utf-8")
    with use_language(language), pytest.raises(ScaffoldError) as caught:
        init_portal(tmp_path / "taken", "Springfield", "en")
    return str(caught.value)


def test_refusal_in_english(tmp_path):
    message = _refusal(tmp_path, "en")
    assert message.startswith("The folder ") and "is not empty" in message and "Nothing was written" in message


def test_refusal_in_chinese_as_before(tmp_path):
    message = _refusal(tmp_path, "zh")
    assert message.startswith("文件夹 ") and "不是空的" in message and "没有写入任何文件" in message


def test_bad_name_in_both_languages(tmp_path):
    with use_language("en"), pytest.raises(ScaffoldError, match="must not be empty"):
        init_portal(tmp_path / "p", " ", "en")
    with use_language("zh"), pytest.raises(ScaffoldError, match="不能为空"):
        init_portal(tmp_path / "p", " ", "zh")


@pytest.mark.parametrize("args, expected", [
    (["init", "p", "--name", "Springfield", "--language", "en"], "Created the portal \"Springfield\""),
    (["init", "p", "--name", "海林市"], "建立门户“海林市”："),
    (["--lang", "en", "init", "p", "--name", "海林市"], "Created the portal \"海林市\""),
    (["--lang", "zh", "init", "p", "--name", "Springfield", "--language", "en"], "建立门户“Springfield”"),
])
def test_messages_follow_the_new_portal_unless_told(tmp_path, monkeypatch, args, expected):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert expected in result.output
