import os
import subprocess

from generator.site.gitdates import UNKNOWN, repo_paths, unit_dates


def git(cwd, *args, date=None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env["GIT_COMMITTER_DATE"] = env["GIT_AUTHOR_DATE"] = date
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def test_last_commit_date_per_unit_from_one_log(tmp_path):
    units = tmp_path / "scorecards" / "units"
    for u in ("a", "b"):
        (units / u).mkdir(parents=True)
        (units / u / "unit.yml").write_text("id: x\n")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "one", date="2008-01-02T10:00:00")
    (units / "b" / "unit.yml").write_text("id: y\n")
    git(tmp_path, "commit", "-qam", "two", date="2009-03-04T10:00:00")
    dates = unit_dates(tmp_path / "scorecards", ["a", "b", "c"])
    assert dates == {"a": "2008-01-02", "b": "2009-03-04", "c": UNKNOWN}


def test_outside_git_every_date_is_unknown(tmp_path):
    (tmp_path / "scorecards" / "units" / "a").mkdir(parents=True)
    assert unit_dates(tmp_path / "scorecards", ["a"]) == {"a": UNKNOWN}


def test_repo_paths_are_relative_to_the_repository(tmp_path):
    (tmp_path / "sc" / "units" / "a").mkdir(parents=True)
    f = tmp_path / "sc" / "units" / "a" / "unit.yml"
    f.write_text("x")
    git(tmp_path, "init", "-q")
    assert repo_paths([str(f)], tmp_path / "sc") == {str(f): "sc/units/a/unit.yml"}
