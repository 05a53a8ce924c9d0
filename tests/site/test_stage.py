import os

import pytest

from generator.site.stage import stage, write_if_changed


def test_writes_new_files_and_reports_them(tmp_path):
    r = stage({"index.md": b"a", "units/x/index.md": b"b"}, tmp_path / "docs")
    assert r.written == ["index.md", "units/x/index.md"] and r.unchanged == 0 and r.deleted == []
    assert (tmp_path / "docs/units/x/index.md").read_bytes() == b"b"


def test_unchanged_files_are_not_rewritten(tmp_path):
    docs = tmp_path / "docs"
    stage({"a.md": b"same", "b.md": b"old"}, docs)
    os.utime(docs / "a.md", (1_000_000, 1_000_000))
    os.utime(docs / "b.md", (1_000_000, 1_000_000))
    r = stage({"a.md": b"same", "b.md": b"new"}, docs)
    assert r.written == ["b.md"] and r.unchanged == 1
    assert (docs / "a.md").stat().st_mtime == 1_000_000
    assert (docs / "b.md").stat().st_mtime != 1_000_000
    assert not r.deleted and r.changed


def test_stale_files_and_empty_folders_are_deleted(tmp_path):
    docs = tmp_path / "docs"
    stage({"units/old/index.md": b"x", "units/new/index.md": b"y", "keep.md": b"k"}, docs)
    r = stage({"units/new/index.md": b"y", "keep.md": b"k"}, docs)
    assert r.deleted == ["units/old/index.md"]
    assert not (docs / "units/old").exists()
    assert (docs / "units/new/index.md").exists()
    assert r.changed and not r.written


def test_no_temporary_files_are_left(tmp_path):
    stage({"a/b.md": b"1"}, tmp_path)
    stage({"a/b.md": b"2"}, tmp_path)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a", "b.md"]


def test_paths_outside_the_folder_are_refused(tmp_path):
    with pytest.raises(ValueError):
        stage({"../escape.md": b"x"}, tmp_path / "docs")
    with pytest.raises(ValueError):
        stage({"/abs.md": b"x"}, tmp_path / "docs")


def test_write_if_changed(tmp_path):
    p = tmp_path / "f.txt"
    assert write_if_changed(p, b"x") is True
    assert write_if_changed(p, b"x") is False
    assert write_if_changed(p, b"y") is True and p.read_bytes() == b"y"
