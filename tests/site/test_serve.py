"""The live preview's builder: re-stages on each edit, shows check errors as a page, recovers."""
import shutil

import pytest

from generator.site.build import BuildError
from generator.site.serve import Preview
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


def test_check_errors_show_a_page_and_the_preview_recovers(preview, caplog):
    preview.build()
    reg = preview.scorecards / "registry.yml"
    good = reg.read_text(encoding="utf-8")
    reg.write_text(good.replace("kind: township", "kind: nokind", 1), encoding="utf-8")
    preview.build()                                   # does not raise: the server keeps running
    assert "数据有错误" in page(preview, "index.html")
    assert "registry.yml" in page(preview, "index.html")
    assert any("registry.yml" in r.getMessage() for r in caplog.records)
    reg.write_text(good, encoding="utf-8")
    preview.build()
    assert "数据有错误" not in page(preview, "index.html")
    assert (preview.site_dir / "units" / "mini-town" / "index.html").is_file()


def test_errors_on_the_first_run_raise_for_the_caller(preview):
    reg = preview.scorecards / "registry.yml"
    reg.write_text(reg.read_text(encoding="utf-8").replace("kind: township", "kind: nokind", 1), encoding="utf-8")
    with pytest.raises(BuildError):
        preview.build()
