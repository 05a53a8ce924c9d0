"""Review of issue 15: the public history hides a commit subject that names something internal
of that commit, whatever the script of the name. `_public_subject` only considered the commit's
internal texts with Chinese characters: in an English city (or any Latin-script name) the name
of an internal person removed by the commit was shown in the public edition's subject."""
from __future__ import annotations

from generator.check import check_tree
from generator.site import history as hist

from ..diff.gitrepo import U, make_repo

PERSON = "id: p-smith\nname: Jonathan Smithers\ntitle: Clerk\nposts:\n  - post: head\n"
SUBJECT = "Jonathan Smithers leaves; 2010 target raised"
EDITS = [
    ("add", "add a person", {f"{U}/people/p-smith.yml": PERSON}),
    ("remove", SUBJECT, {f"{U}/people/p-smith.yml": None,
                         f"{U}/measures.yml": ("targets: {2008: 85, 2009: 90, 2010: 92}",
                                               "targets: {2008: 85, 2009: 90, 2010: 93}")}),
]


def test_a_removed_internal_latin_name_is_not_shown_in_public(tmp_path):
    repo = make_repo(tmp_path / "repo", EDITS)
    city = check_tree(repo.scorecards).city
    assert city is not None
    result = hist.histories(repo.scorecards, city)
    internal = [r.subject for r in result["internal"].revisions]
    public = [r.subject for r in result["public"].revisions]
    assert SUBJECT in internal
    assert SUBJECT not in public
    assert hist.tr(hist.HIDDEN_SUBJECT) in public    # listed (a public change), its subject hidden


CURRENT = "id: p-jones\nname: Margaret Jones\ntitle: Clerk\nposts:\n  - post: head\n"
EDITS_CURRENT = [
    ("add", "add a person", {f"{U}/people/p-jones.yml": CURRENT}),
    ("raise", "Margaret Jones asked for a higher 2010 target",
     {f"{U}/measures.yml": ("targets: {2008: 85, 2009: 90, 2010: 92}",
                            "targets: {2008: 85, 2009: 90, 2010: 93}")}),
    ("start", "Start the 2010 revisions", {f"{U}/measures.yml": ("2010: 93}", "2010: 94}")}),
]


def test_a_current_internal_latin_name_is_not_shown_in_public_and_words_match_whole(tmp_path):
    repo = make_repo(tmp_path / "repo", EDITS_CURRENT)
    city = check_tree(repo.scorecards).city
    assert city is not None
    public = [r.subject for r in hist.histories(repo.scorecards, city)["public"].revisions]
    assert "Margaret Jones asked for a higher 2010 target" not in public
    assert "Start the 2010 revisions" in public      # no internal text as a whole word in it
