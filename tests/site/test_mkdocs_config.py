from pathlib import Path

from mkdocs.config import load_config

from generator.check import check_tree
from generator.site.mkdocs_config import dump, edition_config, load_base, nav_sections
from tests.conftest import MINI_SITE


def city():
    return check_tree(MINI_SITE / "scorecards").city


def write(tmp_path: Path, edition: str) -> Path:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "dict.txt").write_text("战略地图\n", encoding="utf-8")
    cfg = edition_config(city(), edition, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site",
                         user_dict=tmp_path / "dict.txt")
    path = tmp_path / "mkdocs.yml"
    path.write_text(dump(cfg), encoding="utf-8")
    return path


def test_base_config_keeps_the_slugify_tag():
    base = load_base()
    toc = next(e["toc"] for e in base["markdown_extensions"] if isinstance(e, dict) and "toc" in e)
    assert toc["slugify"].tag.endswith("python/object/apply:pymdownx.slugs.slugify")
    assert "!!python/object/apply:pymdownx.slugs.slugify" in dump(base)


def test_mkdocs_loads_the_edition_config(tmp_path):
    cfg = load_config(config_file=str(write(tmp_path, "public")))
    assert cfg.theme["language"] == "zh" and cfg.theme["font"] is False
    assert {"navigation.prune", "navigation.indexes"} <= set(cfg.theme["features"])
    assert cfg.extra["edition"] == "public"
    assert "公开版" in cfg.copyright and "虚构" in cfg.copyright
    search = cfg.plugins["material/search"].config
    assert search.pipeline == [] and "\\u200b" in search.separator
    assert search.jieba_dict_user == str((tmp_path / "dict.txt").resolve())
    slugify = cfg.mdx_configs["toc"]["slugify"]
    assert slugify("战略地图", "-") == "战略地图"
    assert cfg.use_directory_urls is False
    assert not cfg.repo_url       # no repository widget that would call an API


def test_internal_edition_adds_its_nav_entry(tmp_path):
    cfg = load_config(config_file=str(write(tmp_path, "internal")))
    assert cfg.extra["edition"] == "internal"
    assert len(cfg.nav) == len(nav_sections()) + 1
    assert "内部版" in cfg.site_name
