"""The leak scan for a city written in English: the mini city with every Chinese text spelt in
pinyin (机密单位甲 → JiMiDanWeiJia) and `settings.language: en`; its public edition holds none
of its internal texts, in any file."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypinyin import lazy_pinyin

from tests.conftest import MINI_SITE, _build

from .leaks import needles, scan
from .test_leaks import MINI_SECRETS

HAN = re.compile(r"[\u4e00-\u9fff]+")


def latin(text: str) -> str:
    return HAN.sub(lambda m: "".join(p.capitalize() for p in lazy_pinyin(m.group(0))), text)


@pytest.fixture(scope="module")
def english_mini(tmp_path_factory):
    root = tmp_path_factory.mktemp("mini-en")
    shutil.copytree(MINI_SITE, root / "src")
    for path in (root / "src").rglob("*"):
        if path.is_file() and path.suffix in (".yml", ".md"):
            path.write_text(latin(path.read_text(encoding="utf-8")), encoding="utf-8")
    city = root / "src" / "scorecards" / "city.yml"
    text = city.read_text(encoding="utf-8")
    city.write_text(re.sub(r"^settings:\n", "settings:\n  language: en\n", text, flags=re.M)
                    if re.search(r"^settings:", text, re.M) else text + "settings:\n  language: en\n",
                    encoding="utf-8")
    return _build(root, root / "src" / "scorecards", root / "src" / "content")


def test_the_city_is_english(english_mini):
    assert english_mini.city.info.settings.language == "en"
    assert "Units" in (english_mini.public / "index.html").read_text(encoding="utf-8")


def test_english_public_edition_has_no_internal_text(english_mini):
    secrets = {latin(s) for s in MINI_SECRETS}
    found = needles(english_mini.city, latin=8)
    assert secrets - {latin(s) for s in {"机密单位文章亥子", "机密草稿文章丑寅", "机密草稿标签"}} <= found
    assert scan(english_mini.public, found | secrets) == {}
    assert scan(english_mini.stage / "public", found | secrets) == {}


def test_the_scan_sees_them_in_the_internal_edition(english_mini):
    secrets = {latin(s) for s in MINI_SECRETS}
    hits = scan(english_mini.internal, secrets)
    assert {s for v in hits.values() for s in v} == secrets
