"""`bscportal init DIR --name NAME --language zh|en`: a new portal that passes `check` with no
problem and builds at once, in both languages; a non-empty folder is refused and nothing is
written; the portal's CI files, pre-commit configuration and Makefile pass the same linters as
this repository's own (tests/ci) and name only real commands and targets.

The commands run as a user runs them: the `bscportal` of this virtual environment, in a
subprocess, from the new portal's folder."""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.scaffold import ScaffoldError
from generator.scaffold import portal as scaffold_portal
from generator.scaffold.portal import init_portal, templates
from tests.ci.test_ci_files import _parse_bscportal, real_commands, tool

ROOT = Path(__file__).resolve().parents[2]
BSCPORTAL = str(Path(sys.executable).parent / "bscportal")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
NAMES = {"zh": "海林市", "en": "Springfield"}
EXPECTED = [
    "README.md", "Makefile", ".gitignore", ".pre-commit-config.yaml", ".gitlab-ci.yml",
    ".github/workflows/portal.yml", ".ci/gitlab_mr_note.py",
    "scorecards/city.yml", "scorecards/registry.yml", "scorecards/glossary.yml",
    "scorecards/units/service-centre/unit.yml", "scorecards/units/service-centre/map.yml",
    "scorecards/units/service-centre/measures.yml", "scorecards/units/service-centre/posts.yml",
    "content/pages/about.md",
]
#: written by the CLI beside the templates (`bscportal schema`): editor completion
EDITOR = [".vscode/settings.json", "scorecards/schema/city.json", "scorecards/schema/measures.json",
          "scorecards/schema/results.json"]


def env() -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    out.update(LANG="C.UTF-8", NO_MKDOCS_2_WARNING="1")
    out.pop("GITHUB_ACTIONS", None)
    return out


def run(args: list[str], cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BSCPORTAL, *args], cwd=cwd, env=env(), capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module", params=["zh", "en"])
def built(request, tmp_path_factory) -> tuple[str, Path]:
    """A portal made by `bscportal init` in each language, then built (both editions)."""
    language = request.param
    base = tmp_path_factory.mktemp(f"init-{language}")
    done = run(["init", "portal", "--name", NAMES[language], "--language", language], cwd=base)
    assert done.returncode == 0, done.stdout + done.stderr
    folder = base / "portal"
    if shutil.which("make"):
        # the portal's own `make test`, with this environment's bscportal as the one `make deps`
        # installed (the install itself: the wheel test)
        (folder / ".venv/bin").mkdir(parents=True)
        (folder / ".venv/bin/bscportal").symlink_to(BSCPORTAL)
        (folder / ".venv/.installed").touch()
        build = subprocess.run(["make", "test"], cwd=folder, env=env(), capture_output=True, text=True,
                               timeout=600)
        shutil.rmtree(folder / ".venv")
    else:
        build = run(["build", "--edition", "all", "--out", "site"], cwd=folder, timeout=600)
    assert build.returncode == 0, build.stdout + build.stderr
    return language, folder


# -- what init writes ----------------------------------------------------------------------------

def test_init_writes_every_file_of_a_portal(built):
    language, folder = built
    for rel in EXPECTED + EDITOR:
        assert (folder / rel).is_file(), rel
    year = next(p.stem for p in (folder / "scorecards/units/service-centre/assessment").glob("*.yml"))
    assert re.fullmatch(r"\d{4}", year)
    assert list((folder / "content/articles").glob("*.md"))
    city = yaml.safe_load((folder / "scorecards/city.yml").read_text(encoding="utf-8"))
    assert city["name"] == NAMES[language] and city["settings"]["language"] == language
    assert city["themes"] and city["perspectives"] and city["stages"] and city["kinds"]
    ignored = (folder / ".gitignore").read_text(encoding="utf-8").split()
    assert "/site/" in ignored and "/.bscportal/" in ignored
    # nothing of the work folder is left beside or inside the portal
    assert [p.name for p in folder.parent.iterdir()] == ["portal"]
    assert not list(folder.glob(".bscportal-init-*"))


def test_the_example_unit_has_a_yes_no_a_range_and_a_manual_measure(built):
    _, folder = built
    unit = folder / "scorecards/units/service-centre"
    measures = {m["id"]: m for m in yaml.safe_load((unit / "measures.yml").read_text("utf-8"))["measures"]}
    scale = yaml.safe_load(next((unit / "assessment").glob("*.yml")).read_text("utf-8"))
    rules = {item["measure"]: item["rule"] for item in scale["items"]}
    yesno = [m for m in measures.values() if m.get("data_type") == "yesno"]
    ranges = [m for m in measures.values() if m.get("polarity") == "range"]
    rated = [m for m in measures.values() if m.get("data_type") == "rating"]
    assert yesno and ranges and rated
    assert rules[yesno[0]["id"]] == "done" and rules[ranges[0]["id"]] == "range"
    assert rules[rated[0]["id"]] == "manual"
    assert sum(item["weight"] for item in scale["items"]) == 100
    text = (unit / "measures.yml").read_text("utf-8")
    assert text.count("#") >= 5          # commented


def test_check_passes_with_no_problem(built):
    _, folder = built
    done = run(["check", "scorecards", "--format", "json"], cwd=folder)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() in ("", "[]"), done.stdout      # no problem listed


def test_check_strict_passes(built):
    _, folder = built
    done = run(["check", "scorecards", "--strict"], cwd=folder)
    assert done.returncode == 0, done.stdout + done.stderr


def test_build_made_both_editions(built):
    _, folder = built
    for edition in ("public", "internal"):
        site = folder / "site" / edition
        assert (site / "index.html").is_file() and (site / "about.html").is_file()
        assert list(site.glob("units/service-centre/*.html")), edition
    # the internal edition has more (people, posts): at least as many pages
    public = len(list((folder / "site/public").rglob("*.html")))
    internal = len(list((folder / "site/internal").rglob("*.html")))
    assert internal >= public > 5


def test_site_uses_the_portal_language(built):
    language, folder = built
    page = (folder / "site/public/index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="%s' % language, page), page[:300]


def test_comments_and_examples_are_in_the_portal_language(built):
    language, folder = built
    for rel in EXPECTED:
        if rel == ".ci/gitlab_mr_note.py":     # the shared script (its messages are CI output)
            continue
        text = (folder / rel).read_text(encoding="utf-8")
        if language == "en":
            assert not CJK.search(text), (rel, CJK.search(text))
        else:
            assert CJK.search(text), rel
    if language == "en":          # the schema's field descriptions, shown in the editor
        for path in [*(folder / "scorecards/schema").glob("*.json"), folder / ".vscode/settings.json"]:
            assert not CJK.search(path.read_text(encoding="utf-8")), path.name
    settings = (folder / ".vscode/settings.json").read_text(encoding="utf-8")
    assert '"./scorecards/schema/measures.json": "scorecards/units/*/measures.yml"' in settings


# -- refusing ------------------------------------------------------------------------------------

def test_a_non_empty_folder_is_refused_and_left_as_it_was(tmp_path):
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    for language in ("zh", "en"):
        done = run(["init", "taken", "--name", NAMES[language], "--language", language], cwd=tmp_path)
        assert done.returncode == 1
        assert str(folder) in done.stderr or "taken" in done.stderr
        assert ("不是空的" if language == "zh" else "is not empty") in done.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_a_file_is_refused(tmp_path):
    (tmp_path / "portal").write_text("x", encoding="utf-8")
    done = run(["init", "portal", "--name", "X", "--language", "en"], cwd=tmp_path)
    assert done.returncode == 1 and "not a folder" in done.stderr
    assert (tmp_path / "portal").read_text(encoding="utf-8") == "x"


def test_an_empty_folder_is_used_as_it_is(tmp_path):
    folder = tmp_path / "here"
    folder.mkdir()
    done = run(["init", ".", "--name", "Springfield", "--language", "en"], cwd=folder)
    assert done.returncode == 0, done.stderr
    assert "Created the portal" in done.stdout
    assert (folder / "scorecards/city.yml").is_file()
    assert not list(folder.glob(".bscportal-init-*"))
    assert run(["check", "scorecards", "--strict"], cwd=folder).returncode == 0


def test_a_clone_of_an_empty_repository_is_used(tmp_path):
    """`git clone` of a new, empty repository, then `init .`: the folder holds only .git."""
    folder = tmp_path / "clone"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    done = run(["init", ".", "--name", "Springfield", "--language", "en"], cwd=folder)
    assert done.returncode == 0, done.stderr
    assert (folder / "scorecards/city.yml").is_file()
    assert (folder / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"


def test_the_longest_name_still_passes_check(tmp_path):
    """`full_name` is the name and the portal's kind; both must stay within a name's length."""
    for language in ("zh", "en"):
        portal = init_portal(tmp_path / language, "长" * 90 if language == "zh" else "L" * 90, language)
        assert run(["check", "scorecards", "--strict"], cwd=portal.root).returncode == 0


def test_bad_arguments_are_refused(tmp_path):
    assert run(["init", "p", "--name", "  ", "--language", "en"], cwd=tmp_path).returncode == 1
    assert run(["init", "p", "--name", "X" * 91], cwd=tmp_path).returncode == 1
    assert run(["init", "p", "--name", "X", "--language", "fr"], cwd=tmp_path).returncode == 2
    assert list(tmp_path.iterdir()) == []


def test_a_name_with_yaml_syntax_is_written_safely(tmp_path):
    name = 'Spring: "field" # & *co'
    portal = init_portal(tmp_path / "p", name, "en")
    city = yaml.safe_load((portal.root / "scorecards/city.yml").read_text(encoding="utf-8"))
    assert city["name"] == name
    assert run(["check", "scorecards", "--strict"], cwd=portal.root).returncode == 0


def test_all_or_nothing_when_the_portal_would_not_pass_check(tmp_path, monkeypatch):
    real = scaffold_portal.render

    def broken(*args, **kwargs):
        files = real(*args, **kwargs)
        files["scorecards/registry.yml"] = "units:\n  - {id: x, name: X, kind: nowhere, rollout: []}\n"
        return files

    monkeypatch.setattr(scaffold_portal, "render", broken)
    with pytest.raises(ScaffoldError):
        init_portal(tmp_path / "p", "X", "en")
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "empty").mkdir()
    with pytest.raises(ScaffoldError):
        init_portal(tmp_path / "empty", "X", "zh")
    assert list((tmp_path / "empty").iterdir()) == []


# -- the templates -------------------------------------------------------------------------------

def test_both_languages_write_the_same_files():
    zh = sorted(rel for rel, _ in templates("zh"))
    en = sorted(rel for rel, _ in templates("en"))
    assert zh == en


def test_the_gitlab_note_script_is_this_repositorys():
    """One script: the portal's copy is byte for byte .ci/gitlab_mr_note.py."""
    copy = next(path for rel, path in templates("zh") if rel == ".ci/gitlab_mr_note.py")
    assert copy.read_bytes() == (ROOT / ".ci" / "gitlab_mr_note.py").read_bytes()


# -- CI files, pre-commit, Makefile ---------------------------------------------------------------

@pytest.fixture(scope="module", params=["zh", "en"])
def fresh(request, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp(f"ci-{request.param}") / "portal"
    init_portal(folder, NAMES[request.param], request.param)
    return folder


def test_github_workflow_passes_actionlint_and_schema(fresh):
    workflow = fresh / ".github/workflows/portal.yml"
    done = subprocess.run([tool("actionlint"), "-no-color", str(workflow)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    done = subprocess.run([tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                           str(workflow)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_gitlab_ci_matches_its_schema(fresh):
    done = subprocess.run([tool("check-jsonschema"), "--builtin-schema", "vendor.gitlab-ci",
                           str(fresh / ".gitlab-ci.yml")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_pre_commit_config_validates_and_runs_check(fresh):
    done = subprocess.run([tool("pre-commit"), "validate-config", ".pre-commit-config.yaml"], cwd=fresh,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    config = yaml.safe_load((fresh / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    words = hook["entry"].split() + hook["args"]
    assert words[0] == ".venv/bin/bscportal"
    _parse_bscportal(words[1:])


def _make_targets(folder: Path) -> set[str]:
    return set(re.findall(r"^([A-Za-z][\w-]*):", (folder / "Makefile").read_text(encoding="utf-8"), re.M))


def test_ci_names_only_real_commands(fresh):
    github = yaml.safe_load((fresh / ".github/workflows/portal.yml").read_text(encoding="utf-8"))
    gitlab = yaml.safe_load((fresh / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    scripts = [s["run"] for job in github["jobs"].values() for s in job.get("steps", []) if "run" in s]
    scripts += [line for job in gitlab.values() if isinstance(job, dict) and "script" in job
                for line in job["script"]]
    seen = real_commands(scripts, fresh, _make_targets(fresh))
    assert {"check", "build", "diff", "make deps"} <= seen
    assert "make test" not in seen           # this repository's own test job is not a portal's


def test_ci_does_what_this_repositorys_ci_does_for_the_data(fresh):
    """The portal's workflows are this repository's without its `test` job: the same jobs, steps,
    conditions and scripts (names, comments and the cache folder aside)."""
    def shape(value: object) -> object:
        if isinstance(value, dict):
            return {k: shape(v) for k, v in value.items() if k not in ("name", "expose_as")}
        if isinstance(value, list):
            return [shape(v) for v in value]
        if isinstance(value, str):
            return re.sub(r"\.cache/?|\.bscportal/?", "CACHE", value)
        return value

    mine = yaml.safe_load((ROOT / ".github/workflows/portal.yml").read_text(encoding="utf-8"))
    theirs = yaml.safe_load((fresh / ".github/workflows/portal.yml").read_text(encoding="utf-8"))
    mine["jobs"].pop("test")
    assert shape(theirs) == shape(mine)
    mine = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    theirs = yaml.safe_load((fresh / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    mine.pop("test")
    mine["stages"].remove("test")
    assert shape(theirs) == shape(mine)


def test_makefile_has_the_two_commands(fresh):
    assert {"serve", "test", "deps", "check", "site", "schema", "clean"} <= _make_targets(fresh)
    if shutil.which("make"):
        done = subprocess.run(["make", "-n", "test", "BSCPORTAL=bscportal"], cwd=fresh, capture_output=True,
                              text=True)
        assert done.returncode == 0, done.stderr
        assert "bscportal check scorecards" in done.stdout and "build --edition all" in done.stdout
    readme = (fresh / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "make test" in readme
    assert "pip install bscportal" in readme and "bscportal check scorecards" in readme


# -- the English portal speaks English ------------------------------------------------------------

def _data_strings(folder: Path) -> set[str]:
    """Every string of the portal's own data: YAML values and keys, articles' information blocks
    and text (by line), the pages' text."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(k)
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str):
            found.add(value.strip())

    for path in (folder / "scorecards").rglob("*.yml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    for path in (folder / "content").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            head, _, body = text[3:].partition("\n---")
            walk(yaml.safe_load(head))
            text = body
        for line in text.splitlines():
            found.add(re.sub(r"^[#>*\-\s]+|[*_`]", "", line).strip())
    return {s for s in found if s}


def _visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    attrs = " ".join(m.group(2) for m in re.finditer(
        r'\b(title|alt|aria-label|placeholder|content)="([^"]*)"', page))
    text = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(text + " " + attrs)


def test_english_public_pages_have_no_cjk_outside_the_data(tmp_path_factory):
    """Every page, map, feed, download and the search index of the English portal: with the
    portal's own data strings taken out, not one Chinese character is left (visible text,
    attributes, hidden elements, scripts and JSON alike)."""
    base = tmp_path_factory.mktemp("init-en-cjk")
    assert run(["init", "portal", "--name", "Springfield", "--language", "en"], cwd=base).returncode == 0
    folder = base / "portal"
    build = run(["build", "--edition", "public", "--out", "site"], cwd=folder, timeout=600)
    assert build.returncode == 0, build.stdout + build.stderr
    data = sorted(_data_strings(folder), key=len, reverse=True)
    left = {}
    for path in sorted((folder / "site/public").rglob("*")):
        if path.suffix not in (".html", ".svg", ".xml", ".json", ".csv", ".md", ".txt"):
            continue
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix == ".json":
            text = json.dumps(json.loads(text), ensure_ascii=False)
        for s in data:
            text = text.replace(s, " ")
        hits = CJK.findall(text)
        if hits:
            rel = str(path.relative_to(folder / "site/public"))
            left[rel] = "".join(sorted(set(hits)))[:60]
    assert not left, f"{len(left)} pages with CJK interface text: {left}"


# -- the guide for a new city ----------------------------------------------------------------------

GUIDES = {"zh": ROOT / "docs" / "new-city.md", "en": ROOT / "docs" / "en" / "new-city.md"}


def _yaml_blocks(path: Path) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", path.read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_guides_examples_are_the_example_units_and_pass_check(tmp_path, language):
    """The guide's yes/no, range and manual measures are those `init` writes, and its scale and
    results files pass check with no problem at all."""
    import datetime as dt

    from generator.check import check_tree

    portal = init_portal(tmp_path / "p", NAMES[language], language, today=dt.date(2026, 3, 1))
    unit = portal.root / "scorecards/units/service-centre"
    written = {m["id"]: m for m in yaml.safe_load((unit / "measures.yml").read_text("utf-8"))["measures"]}
    blocks = _yaml_blocks(GUIDES[language])
    measures = [b for b in blocks if b.startswith("# measures.yml")]
    assert len(measures) == 3
    for block in measures:
        (shown,) = yaml.safe_load(block)
        assert shown.items() <= written[shown["id"]].items(), shown["id"]
    (files,) = [b for b in blocks if b.startswith("# assessment/2026.yml")]
    scale, results = files.split("# results/2026.yml")
    (unit / "assessment/2026.yml").write_text(scale, encoding="utf-8")
    (unit / "results").mkdir()
    (unit / "results/2026.yml").write_text(results, encoding="utf-8")
    result = check_tree(portal.root / "scorecards", portal.root / "content", as_of=dt.date(2027, 6, 1))
    assert result.problems == [], [p.message for p in result.problems]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_guides_limits_are_the_models(language):
    """The limits the guide states are those of the model and the reader."""
    from generator.load.yamlfile import MAX_ALIAS_CHARS, MAX_BYTES, MAX_DEPTH, MAX_DIGITS
    from generator.model import Measure
    from generator.model.base import Name, Slug, Text

    text = GUIDES[language].read_text(encoding="utf-8")

    def max_length(annotated: object) -> int:
        return next(m.max_length for m in annotated.__metadata__ if getattr(m, "max_length", None))

    limit = next(m.max_length for m in Measure.model_fields["unit"].metadata if hasattr(m, "max_length"))
    for number in (MAX_BYTES // 1024, MAX_DEPTH, MAX_ALIAS_CHARS, MAX_DIGITS, max_length(Slug),
                   max_length(Name), max_length(Text), limit):
        assert re.search(rf"(?<![\d.]){number}(?![\d.])", text), number
    assert limit == 20


def test_missing_parent_folders_are_made_and_the_portal_has_ordinary_permissions(tmp_path):
    portal = init_portal(tmp_path / "a" / "b" / "portal", "Springfield", "en")
    mask = os.umask(0)
    os.umask(mask)
    assert portal.root.stat().st_mode & 0o777 == 0o777 & ~mask
    assert (portal.root / "README.md").stat().st_mode & 0o777 == 0o666 & ~mask
    assert sorted(p.name for p in (tmp_path / "a" / "b").iterdir()) == ["portal"]
