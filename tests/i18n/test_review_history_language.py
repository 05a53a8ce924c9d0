"""Review of issue 15: the revision history (修订记录, 最近更新) is in the city's language, not
the CLI's. `prepare` compared the commits in the language of the command (LANG=en_US with a
Chinese city gave English change sentences on a Chinese site, and the other way round)."""
from __future__ import annotations

import shutil

from generator.i18n import process_language, set_language
from generator.site import history as hist
from generator.site.build import prepare

from ..diff.gitrepo import EDITS, make_repo


def _changes(prep) -> str:
    return repr(prep.history["internal"]) + repr(prep.history["public"])


def test_history_follows_the_city_language_not_the_cli(tmp_path):
    repo = make_repo(tmp_path / "repo", EDITS[:3])
    before = process_language()
    try:
        set_language("en")          # the CLI speaks English (LANG=en_US, --lang en)
        english_cli = prepare(repo.scorecards, repo.root / "content", tmp_path / "cache")
        set_language("zh")
        chinese_cli = prepare(repo.scorecards, repo.root / "content", tmp_path / "cache2")
    finally:
        set_language(before)
    assert english_cli.city.info.settings.language == "zh"
    assert english_cli.history["internal"].revisions
    assert _changes(english_cli) == _changes(chinese_cli)


def test_no_git_note_in_the_city_language(tmp_path):
    from ..diff.gitrepo import MINI

    shutil.copytree(MINI / "scorecards", tmp_path / "scorecards")
    before = process_language()
    try:
        set_language("en")
        prep = prepare(tmp_path / "scorecards", tmp_path / "content", None)
    finally:
        set_language(before)
    assert prep.history["public"].note == hist.NO_GIT    # the Chinese source text
