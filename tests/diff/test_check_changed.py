"""`bscportal check --changed-since REV` (annotations on a pull request's changed lines): warnings
only where lines changed, errors always, the exit status and summary unchanged; and the GitLab
Code Quality format."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from generator.cli import main

from .gitrepo import U, make_repo


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return make_repo(tmp_path_factory.mktemp("repo"))


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_only_warnings_on_changed_lines(repo, monkeypatch):
    monkeypatch.chdir(repo.root)
    everything = run("check", "scorecards", "--format", "json")
    warnings = json.loads(everything.stdout)
    assert everything.exit_code == 0 and {"BSC205", "BSC206"} <= {p["code"] for p in warnings}
    # since the commit before objective C2 was added (it has no measure: BSC206 on its line)
    out = run("check", "scorecards", "--format", "json", "--changed-since", repo.before("objective-add"))
    shown = json.loads(out.stdout)
    assert {"BSC206", "BSC205"} <= {p["code"] for p in shown}
    assert not any(p["path"].endswith("assessment/2008.yml") for p in shown)   # untouched since
    out = run("check", "scorecards", "--format", "json", "--changed-since", repo.commits["objective-add"])
    codes = [p["code"] for p in json.loads(out.stdout)]
    assert "BSC205" in codes and "BSC206" not in codes                       # M-C1-2 came later
    out = run("check", "scorecards", "--changed-since", "HEAD")
    assert out.stdout == "" and f"另有 {len(warnings)} 条警告在 HEAD 以来没有改动的行上" in out.stderr
    assert f"0 个错误，{len(warnings)} 个警告" in out.stderr


def test_errors_are_always_shown(repo, monkeypatch):
    monkeypatch.chdir(repo.root)
    scale = repo.root / U / "assessment" / "2009.yml"
    original = scale.read_text(encoding="utf-8")
    measures = repo.root / U / "measures.yml"
    before = measures.read_text(encoding="utf-8")
    # a typo in an id in measures.yml: the error is in the (unchanged) scale that refers to it
    measures.write_text(before.replace("  - id: M-L1-1\n", "  - id: M-L1-x\n"), encoding="utf-8")
    try:
        out = run("check", "scorecards", "--format", "json", "--changed-since", "HEAD")
    finally:
        measures.write_text(before, encoding="utf-8")
    problems = json.loads(out.stdout)
    assert out.exit_code == 1
    assert any(p["severity"] == "error" for p in problems)
    assert any(p["path"].endswith("assessment/2009.yml") for p in problems)
    assert scale.read_text(encoding="utf-8") == original


def test_a_new_file_counts_as_changed_everywhere(repo, monkeypatch):
    monkeypatch.chdir(repo.root)
    extra = repo.root / "scorecards" / "units" / "mini-bureau" / "map.yml"
    extra.write_text("objectives:\n  - {id: S1, perspective: stakeholder, name: 教育质量提高}\n", encoding="utf-8")
    try:
        out = run("check", "scorecards", "--format", "json", "--changed-since", "HEAD")
    finally:
        extra.unlink()
    paths = {p["path"] for p in json.loads(out.stdout)}
    assert paths == {"scorecards/units/mini-bureau/map.yml"}


def test_unknown_revision_is_a_usage_error(repo, monkeypatch):
    monkeypatch.chdir(repo.root)
    out = run("check", "scorecards", "--changed-since", "no-such-rev")
    assert out.exit_code == 2 and "找不到版本" in out.output


def test_gitlab_code_quality_report(repo, monkeypatch):
    monkeypatch.chdir(repo.root)
    out = run("check", "scorecards", "--format", "gitlab")
    report = json.loads(out.stdout)
    assert len(report) == len(json.loads(run("check", "scorecards", "--format", "json").stdout)) >= 3
    first = report[0]
    assert set(first) == {"description", "check_name", "fingerprint", "severity", "location"}
    assert first["severity"] == "minor" and first["location"]["path"].startswith("scorecards/units/")
    assert isinstance(first["location"]["lines"]["begin"], int)
    assert len({r["fingerprint"] for r in report}) == len(report)
