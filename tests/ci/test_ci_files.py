"""The CI files shipped for portal repositories: the GitHub Actions workflow and the GitLab CI
file parse, pass their linters (actionlint; the GitLab CI JSON Schema), name only real commands
(every `bscportal …` line parses with the CLI's own options, every `make` target and script
exists) and do what the issue asks (check, build both editions, diff comment, preview artifact,
Pages on main, internal edition only as an artifact, `make test`); the pre-commit files validate;
the sample nginx configuration parses with nginx's directive table."""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import click
import pytest
import yaml

from generator.cli import main

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github" / "workflows" / "portal.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = BIN / name if (BIN / name).exists() else shutil.which(name)
    assert found, f"{name} is a test dependency (pip install -e '.[test]')"
    return str(found)


def github() -> dict:
    return yaml.safe_load(GITHUB.read_text(encoding="utf-8"))


def gitlab() -> dict:
    return yaml.safe_load(GITLAB.read_text(encoding="utf-8"))


def github_scripts() -> list[str]:
    return [s["run"] for job in github()["jobs"].values() for s in job.get("steps", []) if "run" in s]


def gitlab_scripts() -> list[str]:
    return [line for job in gitlab().values() if isinstance(job, dict) and "script" in job
            for line in job["script"]]


def commands(script: str) -> list[list[str]]:
    """Every command of a shell script as words, variables replaced by a placeholder."""
    text = re.sub(r"\$\{?\{?[^}\s\"]*\}?\}?", "VALUE", script).replace("\\\n", " ")
    out = []
    for line in re.split(r"[\n;]|&&|\|\||\bthen\b|\belse\b|\bfi\b", text):
        line = line.split(">")[0].strip()
        if line and not line.startswith(("#", "if ", "[")):
            out.append(shlex.split(line))
    return out


# -- linters -----------------------------------------------------------------------------------

def test_github_workflow_passes_actionlint():
    done = subprocess.run([tool("actionlint"), "-no-color", str(GITHUB)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_is_really_checking():
    bad = GITHUB.read_text(encoding="utf-8").replace("${{ github.sha }}", "${{ github.shaa }}")
    done = subprocess.run([tool("actionlint"), "-no-color", "-"], input=bad, capture_output=True, text=True)
    assert done.returncode != 0 and "shaa" in done.stdout


@pytest.mark.parametrize("path, schema", [(GITLAB, "vendor.gitlab-ci"), (GITHUB, "vendor.github-workflows")])
def test_ci_files_match_their_schema(path, schema):
    done = subprocess.run([tool("check-jsonschema"), "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_pre_commit_files_validate():
    pre_commit = tool("pre-commit")
    for args in (["validate-manifest", ".pre-commit-hooks.yaml"], ["validate-config", ".pre-commit-config.yaml"]):
        done = subprocess.run([pre_commit, *args], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


# -- real commands -----------------------------------------------------------------------------

def _parse_bscportal(words: list[str]) -> None:
    """Parse a `bscportal …` command line with the CLI itself (unknown options and values fail)."""
    def remaining(ctx: click.Context) -> list[str]:
        with warnings.catch_warnings():      # click 8.2 deprecates protected_args (still filled)
            warnings.simplefilter("ignore", DeprecationWarning)
            return [*ctx.protected_args, *ctx.args]

    ctx = main.make_context("bscportal", list(words))
    name, cmd, rest = main.resolve_command(ctx, remaining(ctx))
    assert cmd is not None and name is not None, words
    while isinstance(cmd, click.Group):
        sub_ctx = cmd.make_context(name, list(rest), parent=ctx)
        name, cmd, rest = cmd.resolve_command(sub_ctx, remaining(sub_ctx))
        assert cmd is not None and name is not None, words
    cmd.make_context(name, list(rest), parent=ctx)


def _make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w-]*):", text, re.M))


def real_commands(scripts, root: Path, targets: set[str]) -> set[str]:
    """The commands CI scripts run, each checked to exist: bscportal subcommands parse, make
    targets are in the Makefile, python scripts are files under `root`, anything else is a
    plain tool. Returns what was seen (`check`, `make deps`, …)."""
    seen = set()
    for script in scripts:
        for words in commands(script):
            prog = words[0]
            if prog.endswith("bscportal"):
                _parse_bscportal(words[1:])
                seen.add(words[1])
            elif prog == "make":
                assert set(words[1:]) <= targets, words
                seen.add("make " + " ".join(words[1:]))
            elif prog.endswith("python"):
                assert (root / words[1]).is_file(), words
            else:
                assert prog in {"git", "cat", "rm", "cp"}, words
    return seen


@pytest.mark.parametrize("scripts", [github_scripts, gitlab_scripts])
def test_every_command_is_real(scripts):
    seen = real_commands(scripts(), ROOT, _make_targets())
    assert {"check", "build", "diff", "make deps", "make test"} <= seen


def test_pre_commit_hooks_run_bscportal_check():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:
        words = shlex.split(hook["entry"]) + hook.get("args", [])
        assert words[0] == "bscportal"
        _parse_bscportal(words[1:])
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = [shlex.split(h["entry"]) + h.get("args", []) for r in config["repos"] for h in r["hooks"]]
    assert entries[0][0] == ".venv/bin/bscportal"
    _parse_bscportal(entries[0][1:])


def test_the_gitlab_note_script_exists_and_is_plain_python():
    source = (ROOT / ".ci" / "gitlab_mr_note.py").read_text(encoding="utf-8")
    imports = set(re.findall(r"^(?:import|from) ([\w.]+)", source, re.M))
    assert imports <= {"__future__", "json", "os", "sys", "urllib.parse", "urllib.request"}


# -- what the pipelines do ---------------------------------------------------------------------

def test_github_workflow_does_what_the_portal_needs():
    wf = github()
    triggers = wf.get("on") or wf.get(True)
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    jobs = wf["jobs"]
    runs = {name: "\n".join(s.get("run", "") for s in job.get("steps", [])) for name, job in jobs.items()}
    assert "make test" in runs["test"]                       # this repository's own tests
    assert "--format github" in runs["check"] and "--changed-since" in runs["check"]
    assert "build --edition all" in runs["build"]
    assert "diff \"$BASE_SHA\" HEAD --format markdown" in runs["diff"]
    assert jobs["diff"]["if"] == "github.event_name == 'pull_request'"
    assert jobs["diff"]["permissions"]["pull-requests"] == "write"
    steps = {s.get("name", ""): s for s in jobs["build"]["steps"]}
    preview = next(s for s in steps.values() if s.get("with", {}).get("name") == "public-site-preview")
    assert preview["with"]["path"] == "site/public" and "if" not in preview
    internal = next(s for s in steps.values() if s.get("with", {}).get("name") == "internal-site")
    on_main = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert internal["if"] == on_main
    pages = next(s for s in steps.values() if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert pages["with"]["path"] == "site/public" and pages["if"] == on_main
    assert jobs["pages"]["if"] == on_main and jobs["pages"]["needs"] == "build"
    # every job that reads git history fetches all of it
    for name in ("test", "check", "build", "diff"):
        checkout = jobs[name]["steps"][0]
        assert checkout["uses"].startswith("actions/checkout") and checkout["with"]["fetch-depth"] == 0


def test_gitlab_ci_does_the_same():
    ci = gitlab()
    assert ci["variables"]["GIT_DEPTH"] == "0"
    assert ci["test"]["script"] == ["make test"]
    assert "--format gitlab" in "\n".join(ci["check"]["script"])
    assert ci["check"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    mr = [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    main_only = [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert ci["preview"]["rules"] == mr and ci["preview"]["artifacts"]["paths"] == ["site/public/"]
    assert ci["diff"]["rules"] == mr and "gitlab_mr_note.py" in "\n".join(ci["diff"]["script"])
    assert ci["site"]["rules"] == main_only and "site/internal/" in ci["site"]["artifacts"]["paths"]
    assert ci["site"]["artifacts"]["access"] == "developer"
    assert ci["pages"]["rules"] == main_only and ci["pages"]["artifacts"]["paths"] == ["public"]
    assert "cp -r site/public public" in ci["pages"]["script"]


# -- nginx ---------------------------------------------------------------------------------------

NGINX = ROOT / "docs" / "nginx-internal.conf"


def _nginx_wrapper(tmp_path: Path, conf: Path) -> Path:
    wrapper = tmp_path / "nginx.conf"
    wrapper.write_text(f"events {{}}\nhttp {{\n    include {conf};\n}}\n", encoding="utf-8")
    return wrapper


def test_sample_nginx_configuration_parses(tmp_path):
    import crossplane

    result = crossplane.parse(str(_nginx_wrapper(tmp_path, NGINX)), strict=True, check_ctx=True,
                              check_args=True)
    assert result["status"] == "ok", result["errors"]
    servers = result["config"][1]["parsed"]
    tls = next(s for s in servers if any(d["directive"] == "ssl_certificate" for d in s["block"]))
    directives = {d["directive"]: d["args"] for d in tls["block"]}
    assert directives["root"] == ["/srv/bscportal/internal"]
    assert directives["satisfy"] == ["all"] and directives["deny"] == ["all"]
    assert "auth_basic_user_file" in directives


def test_the_nginx_parser_catches_mistakes(tmp_path):
    import crossplane

    broken = tmp_path / "broken.conf"
    broken.write_text(NGINX.read_text(encoding="utf-8").replace("auth_basic_user_file", "auth_basic_userfile"),
                      encoding="utf-8")
    result = crossplane.parse(str(_nginx_wrapper(tmp_path, broken)), strict=True, check_ctx=True, check_args=True)
    assert result["status"] == "failed"


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed (crossplane parses it above)")
def test_nginx_itself_accepts_it(tmp_path):
    conf = NGINX.read_text(encoding="utf-8")
    for old in ("/etc/nginx/ssl/", "/etc/nginx/", "/var/log/nginx/", "/srv/bscportal/"):
        conf = conf.replace(old, f"{tmp_path}/")
    (tmp_path / "site.conf").write_text(conf, encoding="utf-8")
    (tmp_path / "bsc-internal.htpasswd").write_text("zhangsan:$apr1$x$y\n", encoding="utf-8")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=t",
                    "-keyout", str(tmp_path / "bsc-internal.key"), "-out", str(tmp_path / "bsc-internal.crt")],
                   check=True, capture_output=True)
    wrapper = _nginx_wrapper(tmp_path, tmp_path / "site.conf")
    temp = f"    access_log {tmp_path}/access.log;\n" + "".join(f"    {kind}_temp_path {tmp_path}/{kind};\n"
                   for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    wrapper.write_text(wrapper.read_text(encoding="utf-8").replace("http {\n", "http {\n" + temp), encoding="utf-8")
    done = subprocess.run(["nginx", "-t", "-p", str(tmp_path), "-c", str(wrapper),
                           "-g", f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
