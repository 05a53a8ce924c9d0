"""URLs from data: only http, https or a relative path, judged as a browser reads an href."""
from __future__ import annotations

import pytest

from .helpers import check, errors, only_error

SETTINGS = ("  max_assessed_measures: 5", "  max_assessed_measures: 5\n  repo_url: {}")


def _with_repo_url(value: str) -> dict:
    old, new = SETTINGS
    return {"city.yml": (old, new.format(value))}


@pytest.mark.parametrize("value, scheme", [
    ("javascript:alert(1)", "javascript"),
    ("JaVaScRiPt:alert(1)", "javascript"),
    ("' javascript:alert(1)'", "javascript"),
    ('"java\\tscript:alert(1)"', "javascript"),
    ("javascript&#58;alert(1)", "javascript"),
    ("'&#x6A;avascript&colon;alert(1)'", "javascript"),
    ("'data:text/html;base64,PHNjcmlwdD4='", "data"),
    ("VBScript:msgbox", "vbscript"),
    ("file:///etc/passwd", "file"),
])
def test_dangerous_schemes_are_refused_where_written(tmp_path, value, scheme):
    result = check(tmp_path, _with_repo_url(value))
    assert errors(result) == [("BSC004", "scorecards/city.yml", 29, 13)]
    message = only_error(result).message
    assert f"不允许 `{scheme}:` 地址" in message and "repo_url" in message


@pytest.mark.parametrize("value, words", [("//evil.example", "别的网站"), ("'https:evil.example'", "不完整"),
                                          ('\'https://a.example/"onmouseover=x\'', "引号")])
def test_other_host_or_broken_addresses_are_refused(tmp_path, value, words):
    result = check(tmp_path, _with_repo_url(value))
    assert errors(result) == [("BSC004", "scorecards/city.yml", 29, 13)]
    assert words in only_error(result).message


@pytest.mark.parametrize("value", ["https://git.example.org/city/bsc", "http://10.0.0.1:3000/bsc", "docs/edit"])
def test_http_https_and_relative_addresses_pass(tmp_path, value):
    result = check(tmp_path, _with_repo_url(value))
    assert errors(result) == []
    assert result.city.info.settings.repo_url == value


def test_edit_branch_is_a_branch_name(tmp_path):
    result = check(tmp_path, {"city.yml": SETTINGS[0] and (SETTINGS[0], SETTINGS[0] + "\n  edit_branch: 'x\" onclick=\"y'")})
    assert errors(result) == [("BSC004", "scorecards/city.yml", 29, 16)]
