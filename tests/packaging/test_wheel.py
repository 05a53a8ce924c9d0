"""The built package, installed into a fresh virtual environment, checks and builds a portal.

`python -m build` makes a wheel and an sdist (conftest: `dist`); pip installs the wheel into a new
virtual environment (`installed`); its `bscportal` checks and builds a copy of this repository's
example portal (scorecards/ + content/, nothing else: no mkdocs.yml, no theme/) in a temporary
folder, run from another, empty folder. The site is built from the package's own data, and
nothing is written into that folder or into this checkout: staging and caches go to the portal's
`.bscportal/`.

Slow-ish (about a minute: the build, pip, two editions of the example), no browser.
"""
from __future__ import annotations

import shutil
import subprocess
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT, Dist, Installed, clean_env

pytestmark = pytest.mark.slow

#: what the build needs besides the Python modules (paths inside the package `generator/`)
PACKAGE_DATA = [
    "site/defaults/mkdocs.yml",
    "site/defaults/theme/main.html",
    "site/defaults/theme/partials/copyright.html",
    "site/defaults/theme/assets/stylesheets/bsc.css",
    "site/defaults/theme/assets/stylesheets/print.css",
    "site/defaults/theme/assets/javascripts/bsc.js",
    "render/templates/unit.md.j2",
    "locale/zh/LC_MESSAGES/bscportal.mo",
    "locale/en/LC_MESSAGES/bscportal.mo",
]


def _checkout_state() -> set[str]:
    """What `git status` says of the checkout's untracked and ignored entries and of the example
    portal's folders (a build that wrote into the checkout changes one of them)."""
    done = subprocess.run(["git", "status", "--porcelain", "--ignored", "--untracked-files=normal"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    return {line for line in done.stdout.splitlines()
            if line.startswith(("??", "!!")) or line[3:].startswith(("scorecards/", "content/"))}


def test_the_wheel_holds_the_package_data(dist: Dist) -> None:
    names = set(zipfile.ZipFile(dist.wheel).namelist())
    assert {f"generator/{p}" for p in PACKAGE_DATA} <= names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert not any(n.startswith(("tests/", "scorecards/", "content/", "theme/")) for n in names)


def test_the_sdist_holds_the_package_data_and_the_changelog(dist: Dist) -> None:
    """The sdist the wheel was built from: package data, README, LICENSE, CHANGELOG, docs."""
    top = dist.sdist.name.removesuffix(".tar.gz")
    with tarfile.open(dist.sdist) as tar:
        names = {n.removeprefix(top + "/") for n in tar.getnames()}
    assert {f"generator/{p}" for p in PACKAGE_DATA} <= names
    assert {"README.md", "LICENSE", "CHANGELOG.md", "pyproject.toml", "docs/customising.md"} <= names


def test_version_and_metadata(dist: Dist, installed: Installed, tmp_path: Path) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert dist.wheel.name == f"bscportal-{project['version']}-py3-none-any.whl"
    assert installed.run("--version", cwd=tmp_path).stdout.split()[-1] == project["version"]
    assert f"## [{project['version']}]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    meta = zipfile.ZipFile(dist.wheel).read(
        f"bscportal-{project['version']}.dist-info/METADATA").decode("utf-8")
    assert "License-Expression: MIT" in meta and "Classifier: Framework :: MkDocs" in meta
    assert "Project-URL: " in meta and "Requires-Dist: mkdocs-material" in meta


def test_the_installed_package_builds_the_example_portal_from_another_folder(
        installed: Installed, tmp_path: Path) -> None:
    portal, cwd = tmp_path / "portal", tmp_path / "elsewhere"
    for folder in ("scorecards", "content"):
        shutil.copytree(ROOT / folder, portal / folder)
    cwd.mkdir()
    before = _checkout_state()

    # the code that runs is the installed package's, not this checkout's
    where = subprocess.run([installed.python, "-c", "import generator; print(generator.__file__)"],
                           cwd=cwd, env=clean_env(), capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(installed.venv), where

    installed.run("check", portal / "scorecards", "-q", cwd=cwd)
    done = installed.run("build", "--path", portal / "scorecards", "--out", portal / "site", cwd=cwd)
    for edition in ("public", "internal"):
        site = portal / "site" / edition
        assert (site / "index.html").is_file() and (site / "search" / "search_index.json").is_file(), done.stdout
        assert (site / "units" / "hainan-township" / "index.html").is_file()
        assert "bsc.css" in (site / "index.html").read_text(encoding="utf-8")   # the package's theme
        assert (site / "assets" / "stylesheets" / "print.css").is_file()
    assert (portal / ".bscportal" / "stage" / "public" / "mkdocs.yml").is_file()
    assert (portal / ".bscportal" / "cache" / "maps").is_dir()

    assert list(cwd.iterdir()) == []                       # nothing in the folder it ran from
    assert sorted(p.name for p in portal.iterdir()) == [".bscportal", "content", "scorecards", "site"]
    assert _checkout_state() == before                     # nor in this checkout

    # a second build from yet another folder finds the first one's records: nothing to rebuild,
    # the published sites stay as they are (a rebuild would swap in new folders)
    stamps = [(portal / "site" / e / "index.html").stat() for e in ("public", "internal")]
    installed.run("build", "--path", portal / "scorecards", "--out", portal / "site", cwd=portal / "content")
    again = [(portal / "site" / e / "index.html").stat() for e in ("public", "internal")]
    assert [(s.st_ino, s.st_mtime_ns) for s in again] == [(s.st_ino, s.st_mtime_ns) for s in stamps]
