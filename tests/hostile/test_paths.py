"""Links out of the tree: every file read from scorecards/ and content/ stays inside it after
links are resolved; anything else is refused (BSC007) with its path and never read."""
from __future__ import annotations

import os
from pathlib import Path

from tests.helpers import mini_tree
from generator.check import check_tree

from .helpers import check, errors, only_error

SECRET = "机密：不应出现在任何输出里"


def _outside(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "measures.yml").write_text(
        (Path(__file__).parents[1] / "fixtures/mini/units/alpha/measures.yml").read_text(encoding="utf-8"),
        encoding="utf-8")
    (folder / "secret.md").write_text(f"---\ntitle: {SECRET}\nunit: alpha\n---\n\n{SECRET}\n", encoding="utf-8")
    return folder


def test_link_from_a_unit_file_to_outside(tmp_path):
    outside = _outside(tmp_path)
    root = mini_tree(tmp_path)
    target = root / "units/alpha/measures.yml"
    target.unlink()
    target.symlink_to(outside / "measures.yml")
    result = check_tree(root)
    assert errors(result) == [("BSC007", "scorecards/units/alpha/measures.yml", 1, 1)]
    assert "scorecards 文件夹之外" in only_error(result).message
    assert result.city.units["alpha"].measures == ()  # never read


def test_unit_folder_linked_to_outside(tmp_path):
    outside = _outside(tmp_path)
    root = mini_tree(tmp_path)
    os.symlink(outside, root / "units/gamma")
    result = check_tree(root)
    assert errors(result) == [("BSC007", "scorecards/units/gamma", 1, 1)]


def test_link_loop_in_the_scorecards(tmp_path):
    root = mini_tree(tmp_path)
    (root / "units/alpha/actions.yml").unlink()
    os.symlink("actions.yml", root / "units/alpha/actions.yml")
    result = check_tree(root)
    assert errors(result) == [("BSC007", "scorecards/units/alpha/actions.yml", 1, 1)]
    assert "链接循环" in only_error(result).message


def test_hand_written_page_linked_to_outside(tmp_path):
    outside = _outside(tmp_path)
    pages = tmp_path / "content/pages"
    pages.mkdir(parents=True)
    os.symlink(outside / "secret.md", pages / "about.md")
    result = check(tmp_path, content={})
    assert errors(result) == [("BSC007", "content/pages/about.md", 1, 1)]
    assert "content 文件夹之外" in only_error(result).message


def test_pages_folder_linked_to_outside_or_looping(tmp_path):
    outside = _outside(tmp_path)
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    os.symlink(outside, content / "pages/more")
    os.symlink(".", content / "pages/loop")
    result = check(tmp_path, content={})
    assert errors(result) == [("BSC007", "content/pages/loop", 1, 1), ("BSC007", "content/pages/more", 1, 1)]


def test_article_linked_to_outside_is_refused_and_not_read(tmp_path):
    outside = _outside(tmp_path)
    articles = tmp_path / "content/articles"
    articles.mkdir(parents=True)
    os.symlink(outside / "secret.md", articles / "x.md")
    result = check(tmp_path, content={})
    assert errors(result) == [("BSC007", "content/articles/x.md", 1, 1)]
    assert result.articles == []
    assert all(SECRET not in p.message for p in result.problems)


def test_a_file_is_placed_by_its_resolved_folder_and_dots_or_links_by_resolving_it_whole(tmp_path):
    """`Tree.inside` resolves each folder once and places a file that is no link in it; a link,
    `.` or `..` is resolved whole, as before (a link loop is outside)."""
    from generator.load.paths import Tree

    root = tmp_path / "scorecards"; (root / "units" / "a").mkdir(parents=True)
    (root / "units" / "a" / "x.yml").write_text("a: 1")
    outside = tmp_path / "out"; outside.mkdir(); (outside / "y.yml").write_text("")
    os.symlink(outside / "y.yml", root / "units" / "a" / "link.yml")
    os.symlink(outside, root / "units" / "b")
    os.symlink(root / "units" / "a", root / "units" / "c")
    t = Tree(root, "scorecards")
    assert t.inside(root / "units" / "a" / "x.yml") and t.inside(root) and t.inside(root / "units" / "c" / "x.yml")
    assert not t.inside(root / "..") and not t.inside(root / "units" / ".." / "..")
    assert not t.inside(root / "units" / "a" / "link.yml") and not t.inside(root / "units" / "b" / "y.yml")
    assert not t.inside(root / "units" / "b")
    assert t.inside(root / "units" / "missing.yml")
    os.symlink(root / "units" / "loop", root / "units" / "loop")
    assert not t.inside(root / "units" / "loop" / "z.yml")
