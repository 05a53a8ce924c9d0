"""Review of issue 15: a portal's mkdocs.yml whose `extra` is not a mapping is a mistake with
its file and line (check BSC008, build's message), not a traceback from `edition_config`
(which adds the edition's keys to `extra`); an empty `extra:` is an empty mapping."""
from __future__ import annotations

import pytest

from generator.render.edition import EDITIONS
from generator.site.errors import BuildError
from generator.site.mkdocs_config import edition_config
from generator.site.portal import CONFIG_CODE, Portal, config_problems, site_config

from generator.check import check_tree
from generator.scaffold.portal import init_portal


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    root = tmp_path_factory.mktemp("portal") / "p"
    init_portal(root, "Springfield", "en")
    return root


@pytest.mark.parametrize("text", ["extra: [1]\n", "extra: text\n", "extra: 3\n"])
def test_extra_not_a_mapping_is_reported_at_its_line(portal, text):
    (portal / "mkdocs.yml").write_text("use_directory_urls: false\n" + text, encoding="utf-8")
    try:
        with pytest.raises(BuildError, match=r"mkdocs\.yml:2: "):
            site_config(Portal(portal))
        problems = config_problems(Portal(portal))
        assert [(p.code, p.line) for p in problems] == [(CONFIG_CODE, 2)]
    finally:
        (portal / "mkdocs.yml").unlink()


def test_empty_extra_is_an_empty_mapping(portal, tmp_path):
    (portal / "mkdocs.yml").write_text("extra:\n", encoding="utf-8")
    try:
        base = site_config(Portal(portal))
    finally:
        (portal / "mkdocs.yml").unlink()
    city = check_tree(portal / "scorecards").city
    assert city is not None
    for edition in EDITIONS:
        cfg = edition_config(city, edition, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site",
                             user_dict=tmp_path / "dict.txt", base=base)
        assert cfg["extra"]["edition"] == edition
