"""Where a build's time goes: a cold build, a rebuild with nothing changed and one after the
benchmark's edit of one target (edit.py), each under cProfile in its own process, summed into the
steps that matter for incremental builds.

    .venv/bin/python -m benchmarks.profile_build [--example scorecards] [--top 15] [--keep DIR]

Each line is the cumulative time of one group of functions (groups nest: jieba runs inside the
search plugin, which runs inside mkdocs). cProfile slows Python code down, so read the shares,
not the seconds. The editions are built one after the other here (`child.py --serial`), not in
parallel processes as `bscportal build` does, so that the profile sees both.
"""
from __future__ import annotations

import argparse
import pstats
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .edit import apply, pick_edit
from .measure import ROOT, child_env

Key = tuple[str, int, str]
Func = tuple[str, str]          # (file path ending, function name)
#: label, the functions whose cumulative times add up to it (several lists: the code changes
#: between versions, the largest list counts), and only calls from callers in this file ending
GROUPS: list[tuple[str, list[list[Func]], str | None]] = [
    ("build_editions (total)", [[("generator/site/build.py", "build_editions")]], None),
    ("  prepare: check + git dates", [[("generator/site/build.py", "prepare")]], None),
    ("    check", [[("generator/check.py", "check_tree")]], None),
    ("  render + stage (stage_edition)", [[("generator/site/build.py", "stage_edition")]], None),
    ("    pages, maps, downloads", [[("generator/render/__init__.py", "render_edition")],
                                    [("generator/render/pages/__init__.py", "site_outputs")]], None),
    ("    strategy maps (dot, cache)", [[("generator/render/maps.py", "render")]], None),
    ("    XLSX downloads (openpyxl)", [[("generator/render/tabular.py", "xlsx_sheets")]], None),
    ("    writing the staging folder", [[("generator/site/stage.py", "stage")]], None),
    ("  mkdocs build", [[("mkdocs/commands/build.py", "build")]], None),
    ("    config load", [[("mkdocs/config/base.py", "load_config")]], None),
    ("    Markdown → HTML (Page.render)", [[("mkdocs/structure/pages.py", "render")]], None),
    ("    theme templates (pages, sitemap, 404)", [[("jinja2/environment.py", "render")]], "mkdocs/commands/build.py"),
    ("    search plugin, config (jieba user dict)", [[("material/plugins/search/plugin.py", "on_config")]], None),
    ("    search plugin, per page", [[("material/plugins/search/plugin.py", "on_page_context")]], None),
    ("    search plugin, index file", [[("material/plugins/search/plugin.py", "on_post_build")]], None),
    ("    our search hook (searchfix)", [[("generator/site/searchfix.py", "on_post_build")]], None),
    ("    copy theme and static files", [[("mkdocs/structure/files.py", "copy_file")]], None),
    ("    clean the output folder", [[("mkdocs/utils/__init__.py", "clean_directory")]], None),
    ("    jieba: segmentation (cut)", [[("jieba/__init__.py", "cut")]], None),
    ("    jieba: dictionaries (load, reset)", [[("jieba/__init__.py", "load_userdict"),
                                               ("generator/site/build.py", "_plain_jieba")]], None),
]


def _cumulative(stats: dict[Key, Any], ending: str, name: str, caller_ending: str | None) -> float:
    total = 0.0
    for (path, _, func), (_, _, _, ct, callers) in stats.items():
        if func != name or not path.replace("\\", "/").endswith(ending):
            continue
        if caller_ending is None:
            total += ct
        else:
            total += sum(edge[3] for caller, edge in callers.items()
                         if caller[0].replace("\\", "/").endswith(caller_ending))
    return total


def summary(prof: Path, top: int) -> str:
    stats = pstats.Stats(str(prof))
    raw: dict[Key, Any] = stats.stats  # type: ignore[attr-defined]
    lines = []
    total = _cumulative(raw, "generator/site/build.py", "build_editions", None) or 1.0
    for label, versions, caller in GROUPS:
        t = max(sum(_cumulative(raw, end, name, caller) for end, name in funcs) for funcs in versions)
        lines.append(f"{label:<46} {t:8.2f} s  {t / total * 100:5.1f} %")
    lines.append(f"\ntop {top} functions by own time:")
    own = sorted(raw.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
    for (path, line, func), (_, nc, tt, ct, _) in own:
        short = "/".join(Path(path).parts[-3:])
        lines.append(f"  {tt:7.2f} s own {ct:7.2f} s cum {nc:>9} calls  {short}:{line} {func}")
    return "\n".join(lines)


def profile_build(scorecards: Path, content: Path, work: Path, out: Path) -> None:
    cmd = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "benchmarks.child", "build",
           "--scorecards", str(scorecards), "--content", str(content), "--work", str(work / "build"),
           "--serial", "--result", str(work / f"{out.stem}.json")]
    subprocess.run(cmd, cwd=work, env=child_env(), check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--example", type=Path, default=ROOT / "scorecards")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="keep the .prof files in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bscportal-profile-") as tmp_name:
        tmp = Path(tmp_name)
        shutil.copytree(args.example, tmp / "city" / "scorecards")
        shutil.copytree(args.example.parent / "content", tmp / "city" / "content")
        for step in ("cold", "nochange", "edit"):
            prof = tmp / f"{step}.prof"
            if step == "edit":
                edit = pick_edit(tmp / "city" / "scorecards")
                apply(edit)
                step = f"edit ({edit.measure} {edit.period} target {edit.old} → {edit.shown})"
            profile_build(tmp / "city" / "scorecards", tmp / "city" / "content", tmp, prof)
            print(f"\n== {step}: build of both editions (under cProfile) ==")
            print(summary(prof, args.top))
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                shutil.copy2(prof, args.keep / prof.name)


if __name__ == "__main__":
    main()
